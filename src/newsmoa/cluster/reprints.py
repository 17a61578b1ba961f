"""Whether a text that close to another is a reprint of it: the same figures, in order.

The headline gate holds an article back from a story when its headline shares nothing with
a linked member's (`headlines.py`). An outlet that reprints a release under a headline of
its own (the governor's quote) was held back too, and a text's closeness alone cannot let it
through: one outlet's weather reports of two days, one template with other figures, are as
close (cosine .8-.9) as two outlets' copies of a release. What tells them apart is the
figures: a reprint repeats the release's numbers in the release's order (a sentence
dropped leaves a subsequence of them, a misprinted figure one mismatch), a template report
of another day has other numbers.

`figures(text)` are the numbers with their unit (`120억`, `28일`, `3.5%`, `12㎞`) in the
order they appear in its first `SCAN_CHARS` characters; `same_figures(a, b)` asks that both
have at least `MIN_FIGURES` and that their longest common subsequence covers `SHARE` of the
shorter.
"""

from __future__ import annotations

import re

# a number, and the unit after it: one character (`억`, `일`, `%`, `t`, `㎞`, `㏊`: the CJK
# unit signs), maybe after a space
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*(?: ?[%\uac00-\ud7a3a-zA-Z\u3380-\u33df℃])?")
MAX_FIGURES = 64  # a long text's first ones: enough to tell a reprint, cheap to compare
# read in the text's first this many characters: a reprint keeps the release's lead, and the
# scan is most of the cost (the dev day: 22 µs an article over the whole text, +25% to
# `article_features`)
SCAN_CHARS = 1_000
MIN_FIGURES = 3  # fewer say nothing either way
SHARE = 0.8  # of the shorter sequence: one misprint in five figures


def figures(text: str) -> str:
    """The numbers of `text` with their unit, in order (at most `MAX_FIGURES`), separated by
    spaces: one string, which costs a batch's worker processes little to send."""
    return " ".join(f.replace(" ", "") for f in _FIGURE.findall(text, 0, SCAN_CHARS)[:MAX_FIGURES])


def same_figures(x: str, y: str) -> bool:
    """Whether two texts' figures (`figures`) are one text's: both have `MIN_FIGURES`, and
    their longest common subsequence is at least `SHARE` of the shorter."""
    a, b = _sequence(x), _sequence(y)
    if min(len(a), len(b)) < MIN_FIGURES:
        return False
    return _common(a, b) >= SHARE * min(len(a), len(b))


def figures_agree(x: str, y: str) -> bool:
    """Whether two texts' figures do not tell them apart: more than half of the shorter's
    in order are the other's, or either has fewer than `MIN_FIGURES` (a release corrected in
    one figure of four agrees; a template's release for another building, its cost and
    floors changed, shares only its date and fixed items, half)."""
    a, b = _sequence(x), _sequence(y)
    if min(len(a), len(b)) < MIN_FIGURES:
        return True
    return _common(a, b) > 0.5 * min(len(a), len(b))


def _sequence(figures: str) -> list[str]:
    """The figures of a `figures` string, thousands commas dropped (`1,200억` and `1200억`
    are one figure: outlets write either; stored features keep the text's own form)."""
    return figures.replace(",", "").split()


def _common(a: list[str], b: list[str]) -> int:
    """The length of the longest common subsequence of two figure sequences."""
    if len(a) > len(b):
        a, b = b, a
    row = [0] * (len(b) + 1)
    for x in a:
        diagonal = 0
        for j, y in enumerate(b, start=1):
            up = row[j]
            row[j] = diagonal + 1 if x == y else max(row[j], row[j - 1])
            diagonal = up
    return row[-1]
