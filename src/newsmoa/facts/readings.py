"""Figures read at a time: "25일 오후 4시 20분 현재 35만 명이 동의했다", "2018년 기준 인구".

A date followed by a word of `date_modifiers.tsv` of kind as_of (현재, 기준) stamps when a
figure was read: it is no happening's date (its fact is about `clauses.READING_TIME`, which
is compared with nothing), and the figures after it in its sentence, or in its clause, are
that reading's (`read_at`). Two outlets' readings at other times (one
petition's count at 4:20 and at 5:20) are no disagreement, and neither are the two times;
read at one time, two counts are one claim. A word that makes a noun with 기준 or 현재
(`reading_compounds.tsv`: 기준 금리, 현재 위치) stamps nothing: "18일 기준 금리를 인하했다"
dates the cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from newsmoa.facts.clauses import READ_AT, Analysis
from newsmoa.facts.tables import mapping, rows


@cache
def _pattern() -> re.Pattern[str]:
    """An as_of word as a whole word, not making a noun with the word after it: a word that
    begins with a compound's noun (`기준 금리에서`, `금리인하를`), unless it goes on as one
    of the compound's readings (`reading_compounds.tsv`, third column: `기준 시가총액` is a
    reading of 시가총액, `현재 진행률` of 진행률)."""
    alternatives = []
    for word in as_of_words():
        nouns = []
        for noun, head, *readings in rows("reading_compounds"):
            if head == word:
                but = "|".join(re.escape(r) for r in readings if r)
                nouns.append(re.escape(noun) + (f"(?!{but})" if but else ""))
        alternatives.append(
            rf"{re.escape(word)}(?!\s*(?:{'|'.join(nouns)}))" if nouns else re.escape(word)
        )
    said = "|".join(alternatives)
    return re.compile(rf"\s*(?:{said})(?:으로|으론|까지|로)?(?=[\s,.)\]]|$)")


@cache
def as_of_words() -> frozenset[str]:
    """The words that make a date the time a figure was read (`date_modifiers.tsv`, as_of)."""
    return frozenset(w for w, (kind, _) in mapping("date_modifiers").items() if kind == "as_of")


def stamps(text: str, end: int) -> bool:
    """Whether the date ending at `end` in sentence `text` stamps when a figure was read, as
    a whole word ("18일 기준금리를" dates the rate's cut) not making a noun with the word
    after it (`reading_compounds.tsv`)."""
    return _pattern().match(text, end) is not None


def stamp(value: Any, text: str) -> str:
    """How a reading's time is shown in a label: `2019-08-25 16:20`, else its words."""
    if isinstance(value, str):
        return value[:16].replace("T", " ")
    return text


def read_at(about: str | None, when: str | None) -> str | None:
    """The happening of a figure read at `when` (`동의 as of 2019-08-25 16:20`)."""
    if when is None:
        return about
    return f"{about}{READ_AT}{when}" if about else f"{READ_AT.strip()} {when}"


def reading_of(
    a: Analysis,
    pos: int,
    found: Sequence[tuple[int, str, str]],
    dated: Sequence[tuple[int, str]] = (),
) -> str | None:
    """The reading a figure at article offset `pos` of sentence `a` belongs to: of the
    `found` stamps ((article offset where the date ends, stamp, its value's key)), the last before
    it, or one in its clause (`35만 명이 동의했다(25일 오후 4시 기준)`); a figure before
    every stamp in another clause is none ("3명이 숨졌고, 25일 오후 4시 현재 5명이 실종"),
    and so is one that another date written right before it governs (`dated`: where the
    sentence's other dates end, and their values' keys): "지난해 말 64조원에서", "(2012년 52.61%)"
    (a judgement on real texts); a day it is compared with (`전년 대비 2.8%`, `0시보다`) or
    one of a clause before it (`20일 시작된 청원에 35만 명`) is not its (a review)."""
    before = [(at, when, value) for at, when, value in found if at <= pos]
    if before:
        at, when, value = before[-1]
        governed = any(
            at < end <= pos
            and other != value
            and _GOVERNS.fullmatch(a.text, end - a.start, pos - a.start)
            for end, other in dated
        )
        return None if governed else when
    clause = a.clause_at(pos)
    return next(
        (when for at, when, _ in found if clause and clause.start <= at <= clause.end), None
    )


# between a date and the figure it governs: spaces or an opening bracket only
_GOVERNS = re.compile(r"[\s(]*")
