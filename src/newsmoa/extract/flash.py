"""Whether a text without a body is a breaking-news flash: its headline, and nothing else.

A flash (`[속보] NSC "…"`) is published as its headline alone, often followed by the outlet's
copyright notice on the same line, sometimes by a byline or a dateline. It is a real placement,
so when the input names that headline as the title (a JSONL or CSV field, a feed entry) it is
kept as an article without text. A login page, a paywall notice or a short body under a real
headline is not a flash and stays dropped.

The test works on what each line *says*: the line less the runs it shares with the headline,
then less its marks (the copyright notice's own words, outlet names and web addresses, a
byline's name and e-mail, a dateline's label and date), in `comparison_key` form (no spaces,
punctuation or case). A flash leaves at most `LEFT_MAX` characters on any line ("및" of
"무단전재 및 재배포 금지"), and its lines show most of the headline; so a whole line is never
forgiven for holding a copyright sign or a byline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import cache

from newsmoa.extract.lines import Kind, Line
from newsmoa.extract.tables import copyright_patterns, dateline_labels, outlets
from newsmoa.text.normalize import comparison_key

LEFT_MAX = 2  # key characters a flash may leave besides its headline and marks ("및")
TITLE_MIN = 6  # a shorter headline says too little to stand as an article
_ADDRESS = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z-]+)+(?:/\S*)?"
)


@cache
def _outlet_keys() -> tuple[str, ...]:
    """Every outlet name and alias as a key, longest first (a longer name holds a shorter)."""
    keys = {comparison_key(name) for name in outlets().by_alias}
    return tuple(sorted((k for k in keys if len(k) >= 2), key=len, reverse=True))


@cache
def _label_keys() -> tuple[str, ...]:
    keys = {comparison_key(label) for label in dateline_labels()}
    return tuple(sorted((k for k in keys if k), key=len, reverse=True))


def _without(key: str, parts: Iterable[str]) -> str:
    for part in sorted({p for p in parts if p}, key=len, reverse=True):
        key = key.replace(part, "")
    return key


def _said(line: Line, headline: str) -> tuple[str, int]:
    """What a line says besides its marks and the headline (a key), and how many characters
    of the headline's key it showed (the whole of it, or the part a page splits off or
    shows without a label)."""
    text = line.text.strip()
    if line.kind in (Kind.BYLINE, Kind.SIGNATURE) and line.byline is not None:
        text = line.byline.rest  # the name, title and e-mail are the mark
    key, shown = comparison_key(text), 0
    while key:  # the headline first: an outlet or a place name in it is not a mark
        m = SequenceMatcher(None, key, headline, autojunk=False).find_longest_match()
        if m.size < min(TITLE_MIN, len(key)):
            break
        key, shown = key[: m.a] + key[m.a + m.size :], shown + m.size
    marks = [comparison_key(text[d.start : d.end]) for d in line.datelines]
    marks.extend(comparison_key(m.group()) for m in _ADDRESS.finditer(text))
    for pattern in copyright_patterns():
        marks.extend(comparison_key(m.group()) for m in pattern.finditer(text))
    key = _without(_without(key, marks), _outlet_keys())
    if line.datelines:
        key = _without(key, _label_keys())
    return key, shown


def is_flash(lines: Sequence[Line], title: str) -> bool:
    """Whether the text of `lines` is the headline `title` and marks only (copyright notices,
    bylines, datelines): a breaking-news flash."""
    headline = comparison_key(title)
    if len(headline) < TITLE_MIN:
        return False
    shown = 0
    for line in lines:
        if line.kind is Kind.BLANK:
            continue
        said, part = _said(line, headline)
        if len(said) > LEFT_MAX:
            return False
        shown += part
    return 2 * shown >= len(headline)  # the headline, or most of it over its lines
