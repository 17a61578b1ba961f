"""A weekday written beside a date that is not that date's: `1.24(화)` when the 24th is a
Saturday, `3월 5일(수)` when the 5th is a Thursday, `Tuesday, March 5` on a Wednesday.

A press office wants such a slip flagged, and a reader needs to know which of the two to
trust: the date is read from its day (`calendar`), and the slip is shown on the source that
wrote it, never corrected. Only a date naming one day (an ISO day or moment, or a period
with one end: `20일(화)부터`) and words with one weekday are judged; weekday words come from
`weekdays.tsv` (and its bracketed first syllable, `(화)`) and `weekdays_en.tsv`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from functools import cache
from typing import Any

from newsmoa.facts.tables import alternation, mapping


@dataclass(frozen=True, slots=True)
class WrongWeekday:
    """One source's date words whose weekday is not the date's."""

    article: str
    start: int
    end: int
    words: str  # as written: `오는 1.24(화)`
    day: str  # the date, ISO: 2026-01-24
    written: str  # the weekday written: 화요일
    actual: str  # the date's weekday, in the same language: 토요일

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def note(self) -> str:
        """What is wrong, as `show` and the story page say it: `2026-01-24 is a 토요일, not a
        화요일`."""
        return f"{self.day} is a {self.actual}, not a {self.written}"


@cache
def _names() -> dict[str, tuple[int, str]]:
    """Each weekday word -> (index, Monday = 0; the table's full name in its language)."""
    out: dict[str, tuple[int, str]] = {}
    for table in ("weekdays", "weekdays_en"):
        full: dict[int, str] = {}
        for word, (number, *_) in mapping(table).items():
            full.setdefault(int(number), word)  # (each table lists the full names first)
            out[word] = (int(number), full[int(number)])
        if table == "weekdays":  # a release's bracketed first syllable: `(화)`
            for index, name in full.items():
                out[f"({name[0]})"] = (index, name)
    return out


@cache
def _mark() -> re.Pattern[str]:
    brackets = [w for w in _names() if w.startswith("(")]
    words = [w for w in _names() if not w.startswith("(")]
    return re.compile(
        rf"{alternation(brackets)}|(?<![A-Za-z가-힣])(?:{alternation(words)})(?![A-Za-z])"
    )


def _one_day(value: Any) -> date | None:
    """The one day a date value names: an ISO day or moment, or a period's only end."""
    if isinstance(value, dict):
        ends = [v for v in (value.get("from"), value.get("to")) if v]
        return _one_day(ends[0]) if len(ends) == 1 else None
    text = str(value)
    if len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def slip(words: str, value: Any) -> tuple[str, str] | None:
    """(the weekday written, the date's weekday) when `words` name one weekday and it is not
    the day `value` names; else None."""
    day = _one_day(value)
    marks = _mark().findall(words)
    if day is None or len(marks) != 1:
        return None
    index, written = _names()[marks[0]]
    if index == day.weekday():
        return None
    english = written.isascii()
    actual = next(
        full
        for _, (i, full) in _names().items()
        if i == day.weekday() and full.isascii() == english
    )
    return written, actual


def wrong_weekdays(doc: Mapping[str, Any]) -> list[WrongWeekday]:
    """The slips of a story document (`Story.to_json`): each date fact's sources, read in
    their articles' texts, in order of the facts."""
    texts = {a["id"]: a.get("text") or "" for a in doc.get("articles", [])}
    out = []
    for fact in doc.get("facts", []):
        if fact.get("type") != "date":
            continue
        for src in fact.get("sources", []):
            words = texts.get(src["article"], "")[src["start"] : src["end"]]
            if found := slip(words, fact.get("value")):
                day = _one_day(fact.get("value"))
                out.append(
                    WrongWeekday(src["article"], src["start"], src["end"], words, str(day), *found)
                )
    return out
