"""A date whose day its month has not: `11월 31일`, `2.30(화)`, `2027년 2월 29일`.

`calendar` leaves such a date without a value (a misprint, never moved to a day of the
month before or after), and where outlets write other days the disagreement shows it
(`11월 31일 (no such day)`). A release's own misprint that every outlet copied disputes
nothing, and the facts table showed `—` without a word: a press office wants it flagged
before the event, as a weekday that is not the date's is (`weekdays`). Each source writing
such a date is listed, never corrected.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from newsmoa.facts.calendar import missing_day


@dataclass(frozen=True, slots=True)
class NoSuchDay:
    """One source's date words naming a day their month has not."""

    article: str
    start: int
    end: int
    words: str  # as written: `오는 11월 31일`
    month: int  # 11
    day: int  # the day written: 31
    last: int  # the month's last day: 30 (of the year written, else 29 for February)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def note(self) -> str:
        """What is wrong, as `show` and the story page say it: `month 11 has 30 days, not
        31`."""
        return f"month {self.month} has {self.last} days, not {self.day}"


def no_such_days(doc: Mapping[str, Any]) -> list[NoSuchDay]:
    """The dates of a story document (`Story.to_json`) naming a day their month has not:
    each date fact without a value, per source, read in its article's text, in order of the
    facts."""
    texts = {a["id"]: a.get("text") or "" for a in doc.get("articles", [])}
    out = []
    for fact in doc.get("facts", []):
        if fact.get("type") != "date" or fact.get("value") is not None:
            continue
        for src in fact.get("sources", []):
            words = texts.get(src["article"], "")[src["start"] : src["end"]]
            if (found := missing_day(words)) is not None:
                _, month, day, last = found
                out.append(
                    NoSuchDay(src["article"], src["start"], src["end"], words, month, day, last)
                )
    return out
