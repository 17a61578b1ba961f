"""Organisations and places in one analysed sentence.

- organisation: a government area that acts (`완주군은`, `서울시와`) or a proper noun with an
  organisation ending (`희망제작소`, `국토교통부`, `전북대학교`);
- place: a province or region (`전북`), a building or room (`서울시청`, `대회의실`), and any
  proper noun, organisation or room used as a location (`희망제작소에서`): that one is the
  place of its clause's happening, so it carries the clause's label; the others carry none.
  A location keeps the bare nouns written before it (`시청 4층 회의실에서` -> 시청 4층 회의실).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsmoa.facts.clauses import Analysis, Word
from newsmoa.facts.names import (
    admin_area,
    is_organization,
    is_venue,
    region,
    surname_of,
    title_of,
    venue_word,
)
from newsmoa.facts.tables import mapping, words

LOCATIVE = frozenset({"에서", "에서는", "에서도", "에서의"})
PHRASE_WORDS = 3  # bare nouns a location may take from before it
_FLOOR = re.compile(r"(지하\s*)?\d+층|\d+호")


@dataclass(frozen=True, slots=True)
class Found:
    type: str  # organization | place
    value: str
    start: int
    end: int
    locative: bool = False  # written as where something happened (`...에서`)


def _locative(word: Word) -> bool:
    for t in word.after:
        if t.tag.startswith("J"):
            return t.form in LOCATIVE or (t.form == "에" and is_venue(word.stem))
        if not t.tag.startswith("S"):
            return False
    return False


def find(analysis: Analysis, people_spans: list[tuple[int, int]]) -> list[Found]:
    """Organisations and places of one sentence; words inside a person mention's title
    (`완주군수`) are left to the person."""
    out: list[Found] = []
    for i, w in enumerate(analysis.words):
        stem = w.stem
        if not stem or (
            _inside(w, people_spans)
            and (title_of(stem) is not None or surname_of(stem) is not None)
        ):
            continue
        # a platform or a party is where words are posted or an actor (`정부에서 발표했다`),
        # not where something happens
        loc = _locative(w) and stem not in words("platforms") and stem not in words("parties")
        if admin_area(stem, w.stem_tags) or is_organization(stem, w.stem_tags):
            out.append(Found("organization", stem, w.stem_start, w.stem_end))
            if loc:
                out.append(_location(analysis, i))
        elif loc and (venue_word(stem) or all(t == "NNP" for t in w.stem_tags)):
            out.append(_location(analysis, i))
        elif is_venue(stem) or region(stem) is not None:
            out.append(Found("place", stem, w.stem_start, w.stem_end, False))
    return out


def _location(analysis: Analysis, i: int) -> Found:
    """The place phrase ending with word `i` (written before `에서`)."""
    words = analysis.words
    first = i
    while first > 0 and i - first < PHRASE_WORDS:
        prev = words[first - 1]
        nominal = (
            prev.stem_tags
            and all(t in ("NNP", "NNG") for t in prev.stem_tags)
            and prev.stem not in mapping("day_periods")
            and prev.stem not in mapping("date_words")
        )
        if (
            not prev.bare
            or prev.stem != analysis.text[prev.start - analysis.start : prev.end - analysis.start]
            or not (nominal or _FLOOR.fullmatch(prev.stem))
        ):
            break
        first -= 1
    start, end = words[first].stem_start, words[i].stem_end
    value = analysis.text[start - analysis.start : end - analysis.start]
    return Found("place", value, start, end, True)


def _inside(word: Word, spans: list[tuple[int, int]]) -> bool:
    return any(s <= word.stem_start and word.stem_end <= e for s, e in spans)
