"""A quote an outlet words otherwise than the press release: who said what, as printed.

A consolidated sentence keeps one variant's words, the release's, and names every outlet
carrying a variant of it. An outlet that changed the words inside the quotation marks
(`주거와 판로까지 책임지겠다` where the release quotes `… 함께 챙기겠다`) was named as a
source of the release's quote, and nothing said its quote was another: a reporter checking
who said what read the release's words as every outlet's. Each quoted passage of an
outlet's variant (`“…”`, `"…"`, `‘…’`, `「…」`; a straight `'…'` only around Korean words,
as English writes apostrophes) is compared, by its comparison key (no spaces, punctuation
or quote marks), with the release's variant of that sentence: a passage found in it, whole
or cut (a quote's half, its pieces around `…`), is the release's words; one that is not is
a changed quote, shown beside the release's quote it is closest to. Only against a release
(`is_release`), as a misspelling is (`misspelt.py`); passages shorter than
`MIN_QUOTE_CHARS` key characters (a term in quotes) are not judged.

It reads a story document (`Story.to_json`), as `facts.weekdays` does, so a stored
document is judged when it is served.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from newsmoa.text.normalize import comparison_key

MIN_QUOTE_CHARS = 6  # key characters of a passage judged

_QUOTED = re.compile(
    r"“([^”\n]+)”|\"([^\"\n]+)\"|‘([^’\n]+)’|「([^」\n]+)」|『([^』\n]+)』|'([^'\n]*[가-힣][^'\n]*)'"
)
_CUTS = re.compile(r"…+|\.{3,}|⋯+|∼")  # where a quote was cut: each piece is judged alone


@dataclass(frozen=True, slots=True)
class ChangedQuote:
    """One outlet's quoted passage that the release's variant of its sentence does not have."""

    sentence: int  # the consolidated sentence, numbered from 1 as `show` numbers them
    article: str
    start: int  # the passage's offsets in the article's text, quote marks excluded
    end: int
    quote: str  # as the outlet prints it
    release: str  # the release's quote it is closest to, as the release prints it ("" if none)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def passages(text: str) -> list[tuple[int, int, str]]:
    """The quoted passages of a text as (start, end, words), marks excluded."""
    out = []
    for m in _QUOTED.finditer(text):
        group = next(g for g in range(1, (m.lastindex or 0) + 1) if m.group(g) is not None)
        out.append((m.start(group), m.end(group), m.group(group)))
    return out


def _found(quote: str, key: str) -> bool:
    """Whether every piece of `quote` (cut at `…`) is in `key`, a comparison key."""
    pieces = [comparison_key(p) for p in _CUTS.split(quote)]
    return all(p in key for p in pieces if p)


def _trigrams(text: str) -> set[str]:
    key = comparison_key(text)
    return {key[i : i + 3] for i in range(max(len(key) - 2, 1))}


def _closest(quote: str, candidates: list[str]) -> str:
    grams = _trigrams(quote)

    def dice(other: str) -> float:
        theirs = _trigrams(other)
        return 2 * len(grams & theirs) / (len(grams) + len(theirs) or 1)

    return max(candidates, key=dice, default="")


def changed_quotes(doc: Mapping[str, Any]) -> list[ChangedQuote]:
    """The quoted passages outlets print that the release's variant of their sentence lacks,
    in story order (see the module)."""
    articles = {a["id"]: a for a in doc.get("articles", [])}
    out = []
    for n, sentence in enumerate(doc.get("sentences") or [], start=1):
        variants = [
            (s, (articles[s["article"]].get("text") or "")[s["start"] : s["end"]])
            for s in sentence.get("sources", [])
            if s["article"] in articles
        ]
        released = [w for s, w in variants if articles[s["article"]].get("is_release")]
        if not released:
            continue
        keys = [comparison_key(w) for w in released]
        theirs = [q for w in released for _, _, q in passages(w)]
        for src, words in variants:
            if articles[src["article"]].get("is_release"):
                continue
            for lo, hi, quote in passages(words):
                if len(comparison_key(quote)) < MIN_QUOTE_CHARS:
                    continue
                if any(_found(quote, key) for key in keys):
                    continue
                at = src["start"] + lo
                out.append(
                    ChangedQuote(
                        n, src["article"], at, src["start"] + hi, quote, _closest(quote, theirs)
                    )
                )
    return out
