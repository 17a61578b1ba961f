"""Lengths of time: "앞으로 3년간 투자", "2년 동안", "사흘간", "2시간 만에 진화됐다".

    "3년간 1억5000만원을 투자해"    -> 3 년, counts duration (about the clause's happening)
    "36개월 동안"                   -> 3 년 (a length in months that is whole years)
    "2주간", "14일간"               -> 14 일
    "협약 기간은 2년이다"           -> 2 년

A count of a unit of time is a length when a word of `durations.tsv` makes it one (after it:
간, 동안; before it: 기간; 만에 after hours only: `열흘 만에` dates a day, see `dates`). Each
is a `quantities.Quantity` counting `DURATION`, in the unit the table states it in, so two
outlets' `3년간` and `36개월간` are one fact and `3년간` against `2년간` for one investment
is a disagreement (they were no facts at all, and the misreport went unnoticed: a
black-box case). A year written as one (`2015년간`) is none.
"""

from __future__ import annotations

import re
from functools import cache

from newsmoa.facts.clauses import Analysis
from newsmoa.facts.quantities import Quantity
from newsmoa.facts.tables import alternation, grouped, rows

DURATION = "duration"  # what a length's quantity fact counts
_YEAR_WRITTEN = 1000  # a count of years this large is a year (`2015년`), not a length
_PARTICLE_AFTER = r"(?=$|[^가-힣]|[의은는에을를도만이가과와로])"


@cache
def _units() -> dict[str, tuple[str, int]]:
    """Unit of time as written -> (the unit it is stated in, how many of that one is)."""
    return {word: (unit, int(n)) for word, unit, n in grouped("durations")["unit"]}


@cache
def _native() -> dict[str, tuple[str, int]]:
    """Native counts of days and months (`day_counts.tsv`: 사흘, 한 달) as (unit, count)."""
    stated = {"day": "일", "month": "개월"}
    return {
        w: (stated[named[0] if named else "day"], int(n)) for w, n, *named in rows("day_counts")
    }


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a length with its word after it, hours with theirs, a length after its noun)."""
    table = grouped("durations")
    part = rf"\d+(?:\.\d+)?\s*(?:{alternation(_units())})"
    body = rf"(?P<body>(?<![\d.,]){part}(?:\s*{part})*|(?<![가-힣])(?:{alternation(_native())}))"
    after = alternation(w for (w,) in table["after"])
    hours = alternation(w for (w,) in table["hours"])
    before = alternation(w for (w,) in table["before"])
    hour_units = alternation(w for w, (unit, _) in _units().items() if unit == "분")
    hour_part = rf"\d+(?:\.\d+)?\s*(?:{hour_units})"
    return (
        re.compile(rf"{body}(?P<over>여)?\s*(?:{after}){_PARTICLE_AFTER}"),
        re.compile(rf"(?P<body>(?<![\d.,]){hour_part}(?:\s*{hour_part})*)\s*(?:{hours})"),
        re.compile(
            rf"(?:{before})(?:은|는|이|가|을|를)?\s*{body}(?P<over>여)?"
            r"(?!\s*(?:부터|까지|[~∼〜\-]|간|동안))"
        ),
    )


_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([가-힣]+)")


def _length(body: str) -> tuple[int | float, str] | None:
    """The length a count's words state, in the unit the table states it in; None for a
    year written as one, or parts in units of different kinds (`1년 3일`)."""
    native = _native().get(re.sub(r"\s+", " ", body))
    if native is not None:
        unit, value = native
        return _whole(value, unit)
    total, stated = 0.0, None
    for n, word in _PART.findall(body):
        unit, each = _units()[word]
        if stated not in (None, unit) or (word == "년" and float(n) >= _YEAR_WRITTEN):
            return None
        total, stated = total + float(n) * each, unit
    return None if stated is None else _whole(total, stated)


def _whole(value: float, unit: str) -> tuple[int | float, str]:
    """A length in the largest unit that states it whole (`36개월`: 3 년)."""
    for from_unit, to_unit, n in grouped("durations")["whole"]:
        if unit == from_unit and value % int(n) == 0:
            value, unit = value / int(n), to_unit
    return (int(value) if float(value).is_integer() else value), unit


def find(analysis: Analysis) -> list[Quantity]:
    """Every length of time in one analysed sentence, as quantities counting `DURATION`."""
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns():
        for m in pattern.finditer(analysis.text):
            length = _length(m.group("body"))
            start, end = m.start("body"), m.end()
            if length is None or any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            over = "over" in pattern.groupindex and m.group("over") is not None
            out.append(
                Quantity(
                    length[0],
                    length[1],
                    DURATION,
                    analysis.start + start,
                    analysis.start + end,
                    over,
                )
            )
    return sorted(out, key=lambda q: q.start)
