"""Resolving one date expression (a chain of atoms from `dates`) against the dateline.

The cycle rule: a bare day (`19일`) or month (`3월`) is the nearest one to the dateline, so
`19일` in an article of 20 March is 19 March and `25일` in an article of 28 March is 25 March;
`지난` takes the latest one before the dateline and `오는` the first one after it; without
them, the tense of the clause the date stands in (`clauses.Analysis.tense_after`) takes the
nearest on its side (a present clause's, `개최한다`: the future side), the dateline's day
included, when that is within a month of it (`15일 … 체결했다` in an article of 31 July is
15 July, not the nearer 15 August; `20일 … 개최한다` in one of 3 May is 20 May). Relative
words (`지난해`, `이달`, `다음주`) move from the dateline; `이날`, `전날`, `같은 달` move from
the day the article named last (`ref`). Values are reduced-precision ISO strings or a period dict.
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, datetime, timedelta, tzinfo
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from newsmoa.extract.tables import month_names
from newsmoa.facts.compare import interval
from newsmoa.facts.tables import mapping, rows
from newsmoa.types import is_day

SEOUL = ZoneInfo("Asia/Seoul")
Parts = list[tuple[str, str]]


def _key(word: str) -> str:
    return re.sub(r"\s+", "", word)


def _table(name: str) -> dict[str, tuple[str, ...]]:
    return {_key(k): v for k, v in mapping(name).items()}


def _ints(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _day(year: int, month: int, day: int) -> date | None:
    if 1 <= month <= 12 and 1 <= day <= _cal.monthrange(year, month)[1]:
        return date(year, month, day)
    return None


def _pick(cands: list[date], anchor: date, direction: str | None) -> date | None:
    if direction in ("past", "until"):
        cands = [c for c in cands if c < anchor or (direction == "until" and c == anchor)]
        return max(cands) if cands else None
    if direction in ("future", "since"):
        cands = [c for c in cands if c > anchor or (direction == "since" and c == anchor)]
        return min(cands) if cands else None
    return min(cands, key=lambda c: (abs((c - anchor).days), c > anchor)) if cands else None


def _month_iso(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _part(word: str, of: str, year: int, month: int | None) -> dict[str, str] | None:
    for name, unit, lo, hi, *_alone in rows("date_parts"):
        if name != word or unit != of:
            continue
        if of == "month" and month is not None:
            last = _cal.monthrange(year, month)[1] if int(hi) < 0 else int(hi)
            return {
                "from": date(year, month, int(lo)).isoformat(),
                "to": date(year, month, last).isoformat(),
            }
        if of == "year":  # (a `to` before its `from`: the next year's, 겨울's February)
            end = _month_iso(year + (int(hi) < int(lo)), int(hi))
            return {"from": _month_iso(year, int(lo)), "to": end}
    return None


def directed_part(word: str) -> bool:
    """Whether a part of a year is a date after a direction word alone (`지난 겨울`, `오는
    봄`, `이번 상반기`: `date_parts.tsv`, alone=dir)."""
    return any(row[0] == word and row[4:5] == ("dir",) for row in rows("date_parts"))


def _directed_part(word: str, anchor: date, direction: str | None) -> dict[str, str] | None:
    """The part of a year `word` names after a direction word, counted from the dateline's
    month: `지난` the last one over by it, the dateline's month its last at most (`지난
    겨울` in November 2026: December 2025 - February 2026; `지난 가을` then: this autumn, in
    October last year's), `오는` the first one starting after it, `이번` the first not yet
    over."""
    here = _month_iso(anchor.year, anchor.month)
    found = [
        p for y in range(anchor.year - 2, anchor.year + 2) if (p := _part(word, "year", y, None))
    ]
    if direction == "past":
        over = [p for p in found if p["to"] <= here]
        return over[-1] if over else None
    if direction == "future":
        return next((p for p in found if p["from"] > here), None)
    if direction == "current":
        return next((p for p in found if p["to"] >= here), None)
    return None


def _time(text: str) -> tuple[int, int] | None:
    nums = _ints(text)
    if not nums:
        return None
    hour, minute = nums[0], (nums[1] if len(nums) > 1 else 0)
    if "반" in text:
        minute = 30
    for word, (add, below) in _table("day_periods").items():
        if text.startswith(word) and hour < int(below):
            hour += int(add)
    return (hour % 24, minute) if hour <= 24 and minute < 60 else None


def offset_from(parts: Parts, anchor: date) -> tuple[Any, date | None]:
    """The date a chain's offset (`하루 전`, `사흘 뒤`, `2주 후`) names from `anchor`, with
    the chain's 부터 or 까지 (`일주일 전부터`: from that day; a review lost it)."""
    words = next(text for kind, text in parts if kind == "offset")
    value, day = _offset(words, anchor)
    mods = [text for kind, text in parts if kind in ("tight", "loose")]
    mod = _table("date_modifiers")[_key(mods[0])][0] if mods else None
    if value is not None and mod in ("from", "to"):
        value = {"from": value, "to": None} if mod == "from" else {"from": None, "to": value}
    return value, day


def _offset(text: str, anchor: date) -> tuple[Any, date | None]:
    n, unit = span(text)
    if unit == "day":
        found = anchor + timedelta(days=n)
        return found.isoformat(), found
    if unit == "month":
        return _month_iso(*_add_months(anchor.year, anchor.month, n)), None
    return f"{anchor.year + n:04d}", None


# the units a span is counted in after its figure (`3일`, `2주`, `6개월`), and what each counts
SPAN_UNITS = {"일": "day", "주": "day", "주일": "day", "개월": "month", "달": "month", "년": "year"}


def span(text: str) -> tuple[int, str]:
    """A counted span (`사흘 뒤`, `2주 후`, `1개월 전`, `열흘 만에`) as a signed count of days,
    months or years (`(3, "day")`, `(14, "day")`, `(-1, "month")`, `(10, "day")`): two
    spans written differently (`사흘 뒤`, `3일 후`; `한 달`, `1개월`) are equal."""
    sign = -1 if text.rstrip().endswith("전") else 1
    body = _key(re.sub(r"(전|후|뒤|만에)\s*$", "", text.rstrip()))
    counts = _table("day_counts")
    if body in counts:
        count, *named = counts[body]
        return sign * int(count), named[0] if named else "day"
    (n,) = _ints(body)[:1] or [0]
    unit = re.sub(r"[\d\s]", "", body)
    return sign * n * (7 if unit in ("주", "주일") else 1), SPAN_UNITS.get(unit, "year")


# a clause's tense, for a chain without a direction word: a direction that, unlike 지난 and
# 오는, takes the dateline's own day too; a present clause's day is to come, as a future
# one's (`20일 설명회를 개최한다` in an article of the 3rd: the 20th of that month, not the
# nearer one before; `tense_marks.tsv`)
_TENSE_SIDES = {"past": "until", "future": "since", "present": "since"}
# ... when the day on that side is within a month of the dateline (`29일 … 줄었다` in an
# article of 20 March 2015, with no 29 February, is not 29 January; `9월 … 선보였다` in one
# of July 2019 is not September 2018): else the nearest, as before
TENSE_REACH_DAYS = 31


def _within_a_month(value: Any, anchor: date) -> bool:
    """Whether a resolved day, month or period has a day within `TENSE_REACH_DAYS` of
    `anchor`."""
    ends = [value.get("from"), value.get("to")] if isinstance(value, dict) else [value, value]
    ends = [e if isinstance(e, str) and len(e) in (7, 10) else None for e in ends]
    if ends[0] is None and ends[1] is None:
        return False
    first = date.fromisoformat(interval(ends[0] or ends[1])[0][:10])
    last = date.fromisoformat(interval(ends[1] or ends[0])[1][:10])
    return (first - anchor).days <= TENSE_REACH_DAYS and (anchor - last).days <= TENSE_REACH_DAYS


def resolve(
    parts: Parts,
    anchor: date | None,
    *,
    ref: date | None = None,
    ref_year: int | None = None,
    ref_month: tuple[int, int] | None = None,
    tz: tzinfo | None = None,
    tense: str | None = None,
) -> tuple[Any, date | None]:
    """(value, the one day it names or None) for one chain of (atom kind, words); a year
    word anchored `ref` (이듬해) counts from `ref_year`, the year named last, else `ref`'s; a
    month word anchored `ref` (같은 달) from `ref_month`, the month named last, else `ref`'s.
    `tense` ("past", "future" or "present", of the clause the chain stands in) takes, for
    a chain without a direction word, the nearest day on that side of the dateline (a
    present clause's: the future side), the dateline's own day included, within
    `TENSE_REACH_DAYS` of it (`15일 … 체결했다` in an article of 31 July: 15 July; `20일 …
    개최한다` in one of 3 May: 20 May)."""
    got: dict[str, str] = {}
    for kind, text in parts:
        if kind in ("tight", "loose"):
            got.setdefault("mod", _table("date_modifiers")[_key(text)][0])
        else:
            got.setdefault(kind, text)
    value, day = _base(got, anchor, ref or anchor, ref_year, ref_month)
    side = _TENSE_SIDES.get(tense or "")
    if tense == "present" and "rel_week" in got:
        side = None  # (`이번 주 출석한다` on a Sunday: the week ending that day, `_week`)
    if side is not None and anchor is not None:
        sided, sided_day = _base(got, anchor, ref or anchor, ref_year, ref_month, side)
        if _within_a_month(sided, anchor):
            value, day = sided, sided_day
    if day is not None and "time" in got and (hm := _time(got["time"])):
        value = datetime(day.year, day.month, day.day, *hm, tzinfo=tz or SEOUL).isoformat()
    mod = got.get("mod")
    ranged = "yearrange" in got or "dayrange" in got  # `2013~14년까지`: both ends written
    if value is not None and mod in ("from", "to") and not (ranged and mod == "to"):
        span = value if isinstance(value, dict) else {"from": value, "to": value}
        value = (
            {"from": span["from"], "to": None}
            if mod == "from"
            else {"from": None, "to": span["to"]}
        )
    return value, day


def counted_from_dateline(day_word: str) -> bool:
    """Whether a day word (`어제`, `오늘`; not `이날`, `전날`) counts from the dateline."""
    row = _table("date_words").get(_key(day_word))
    return row is not None and row[2] == "now"


def _base(
    got: dict[str, str],
    anchor: date | None,
    ref: date | None,
    ref_year: int | None = None,
    ref_month: tuple[int, int] | None = None,
    side: str | None = None,
) -> tuple[Any, date | None]:
    direction = mapping("date_modifiers").get(got["dir"], (None,))[0] if "dir" in got else side
    if "md" in got:  # `11.24.(화)`: the 24th of November, of the nearest year
        month, day_ = _ints(got["md"])[:2]
        got = {**{k: v for k, v in got.items() if k != "md"}, "month": f"{month}월"}
        got["day"] = f"{day_}일"
    if "ymd" in got:
        found = _day(*_ints(got["ymd"])[:3])
        return (found.isoformat() if found else None), found
    if "yearrange" in got:  # 2007~2009년, 2013~14년 (the second year's century: the first's)
        first, last = _ints(got["yearrange"])[:2]
        last = last if last >= 100 else first - first % 100 + last
        return {"from": f"{first:04d}", "to": f"{max(first, last):04d}"}, None
    if "year" in got and "rel_year" not in got:
        year: int | None = _ints(got["year"])[0]
    elif "rel_year" in got:
        off, base = _table("date_words")[_key(got["rel_year"])][1:3]
        origin = anchor if base == "now" else ref
        start = ref_year if base == "ref" and ref_year is not None else origin and origin.year
        year = start + int(off) if start else None
    elif "rel_part" in got and anchor is not None:  # `연말` alone: the dateline's year's
        year = anchor.year
    else:
        year = None
    if anchor is None and year is None:
        return None, None
    if "offset" in got:
        # from the day named just before ("지난 26일 … 사흘 뒤"), when it is no later than the
        # dateline: a day ahead ("오는 25일 열린다. 양국은 이틀 전 …") is no origin of what
        # already happened (a review)
        origin = ref if ref is not None and anchor is not None and ref <= anchor else anchor
        return _offset(got["offset"], origin) if origin else (None, None)
    if "rel_day" in got:
        off, base = _table("date_words")[_key(got["rel_day"])][1:3]
        origin = anchor if base == "now" else ref  # ref, or of: the day named before
        found = origin + timedelta(days=int(off)) if origin else None
        return (found.isoformat() if found else None), found
    if "rel_week" in got or ("weekday" in got and "day" not in got):
        return _week(got, anchor, direction)
    if ref_month is None and ref is not None:
        ref_month = (ref.year, ref.month)
    return _calendar(got, anchor, year, direction, ref_month)


def _week(
    got: dict[str, str], anchor: date | None, direction: str | None
) -> tuple[Any, date | None]:
    if anchor is None:
        return None, None
    monday = anchor - timedelta(days=anchor.weekday())
    idx = int(_table("weekdays")[got["weekday"]][0]) if "weekday" in got else None
    if "rel_week" in got:
        weeks = int(_table("date_words")[_key(got["rel_week"])][1])
        if weeks == 0 and anchor.weekday() == 6 and direction == "since" and idx != 6:
            # `이번 주` in an article of a Sunday, told in the future: the days of the week
            # ending that Sunday are gone, so a plan for "this week" is for the week from
            # the next day (`이번 주 중 소환해 조사할 예정이다`, 25 August 2019: 26 August -
            # 1 September, not 19-25 August). A clause of no known tense (an adnominal
            # `이번 주 열린 회의에서`, a present `출석한다`) is left as it was (a review).
            weeks = 1
        monday += timedelta(weeks=weeks)
        if idx is None:
            return {"from": monday.isoformat(), "to": (monday + timedelta(6)).isoformat()}, None
        found = monday + timedelta(days=idx)
    elif direction == "current":
        found = monday + timedelta(days=idx or 0)
    else:
        ahead = ((idx or 0) - anchor.weekday()) % 7
        if direction == "until":
            found = anchor - timedelta(days=(7 - ahead) % 7)
        elif direction == "since":
            found = anchor + timedelta(days=ahead)
        elif direction == "past":
            found = anchor - timedelta(days=(7 - ahead) % 7 or 7)
        elif direction == "future":
            found = anchor + timedelta(days=ahead or 7)
        else:
            found = anchor + timedelta(days=ahead - 7 if ahead > 3 else ahead)
    return found.isoformat(), found


def _by_end(days: list[int], direction: str | None) -> bool:
    """Whether a day range is placed by its last day: one told in the past (`1~15일 …
    줄었다`, `지난 1~15일`) has ended by the dateline, its own day included, so its last day,
    not its first, is what must not fall after it."""
    return len(days) > 1 and direction in ("past", "until")


def _last_month(year: int, month: int, days: list[int]) -> tuple[int, int]:
    """The year and month of a day range's last day when its first day is in `month`."""
    return _add_months(year, month, 1) if days[1] < days[0] else (year, month)


def _first_month(last: date, days: list[int]) -> tuple[int, int]:
    """The year and month of a day range's first day, from the date of its last day."""
    return _add_months(last.year, last.month, -1) if days[1] < days[0] else (last.year, last.month)


def _whole(end: date, days: list[int], by_end: bool) -> bool:
    """Whether a day range placed at `end` (its last day when `by_end`, else its first) has
    its other end too: `30~2일` does not end on 2 March (February has no 30th), and
    `17~30일` does not start on 17 February; a single day always has."""
    if len(days) < 2:
        return True
    if by_end:
        return _day(*_first_month(end, days), days[0]) is not None
    return _day(*_last_month(end.year, end.month, days), days[-1]) is not None


def _calendar(
    got: dict[str, str],
    anchor: date | None,
    year: int | None,
    direction: str | None,
    ref_month: tuple[int, int] | None = None,
) -> tuple[Any, date | None]:
    month: int | None = None
    if "rel_month" in got and anchor is not None:
        off, base = _table("date_words")[_key(got["rel_month"])][1:3]
        origin = ref_month if base == "ref" and ref_month else (anchor.year, anchor.month)
        named_year, (year, month) = year, _add_months(*origin, int(off))
        if base == "ref" and named_year is not None:  # 지난해 같은 달: that month a year back
            year = named_year
    elif "month" in got:
        month = _ints(got["month"])[0]
    days = _ints(got.get("day") or got.get("dayrange") or "")
    by_end = _by_end(days, direction)
    if year is None and month is not None and anchor is not None:
        if days:
            cands = [
                c
                for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                if (
                    c := _day(*_last_month(y, month, days), days[-1])
                    if by_end
                    else _day(y, month, days[0])
                )
            ]
            cands = [c for c in cands if _whole(c, days, by_end)]
            found = _pick(cands, anchor, "until" if by_end else direction)
            year = (_first_month(found, days)[0] if by_end else found.year) if found else None
        else:
            here, m = anchor.year * 12 + anchor.month, month
            opts = [
                y
                for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                if direction not in ("past", "until") or y * 12 + m <= here
                if direction not in ("future", "since") or y * 12 + m >= here
            ]
            year = min(opts, key=lambda y: abs(y * 12 + m - here)) if opts else None
    if year is None and month is None and days and anchor is not None:
        key = days[-1] if by_end else days[0]
        cands = [
            c for k in range(-2, 3) if (c := _day(*_add_months(anchor.year, anchor.month, k), key))
        ]
        cands = [c for c in cands if _whole(c, days, by_end)]
        how = "until" if by_end else direction
        if how == "past" and len(days) == 1 and key == anchor.day:
            how = "until"  # `지난 3일` in a report of the 3rd is that day, not a month back:
            # a month back is `지난달 3일` (it stood against the others' 3일: a black-box case)
        found = _pick(cands, anchor, how)
        if found is None:
            return None, None
        year, month = _first_month(found, days) if by_end else (found.year, found.month)
    if year is None and month is None and not days and "part" in got and anchor is not None:
        return _directed_part(got["part"], anchor, direction), None
    if year is None:
        return None, None
    if month is None:
        named = got.get("part") or got.get("rel_part")
        part = _part(named, "year", year, None) if named else None
        return (part or f"{year:04d}"), None
    if not days:
        part = _part(got["part"], "month", year, month) if "part" in got else None
        return (part or _month_iso(year, month)), None
    first = _day(year, month, days[0])
    if first is None:
        return None, None
    if len(days) > 1:
        last_y, last_m = (year, month) if days[1] >= days[0] else _add_months(year, month, 1)
        last = _day(last_y, last_m, days[1])
        return {"from": first.isoformat(), "to": last.isoformat() if last else None}, None
    return first.isoformat(), first


_MONTH_DAY = re.compile(
    r"(?:(\d{4})\s*(?:년|[./-])\s*)?(\d{1,2})\s*(?:월|[./])\s*(\d{1,2})(?:\s*일|\.|\(|$)"
)


def no_such_day(words: str) -> bool:
    """Whether a date's words name a day no month of theirs has (`11월 31일`, `2.30(화)`,
    `2027년 2월 29일`): a misprint, left unresolved rather than moved to a day of the month
    before or after; `2월 29일` without a year is a leap year's day."""
    return missing_day(words) is not None


def missing_day(words: str) -> tuple[int | None, int, int, int] | None:
    """(year or None, month, day written, the month's last day) of words naming a day their
    month has not (`no_such_day`; in English too, `Nov. 31`, `February 30, 2027`: the
    month names of `extract/data/month_names.tsv`); None for any other words."""
    year: int | None
    month: int | None
    day: int | None
    if (m := _MONTH_DAY.search(words)) is not None:
        year, month, day = (int(g) if g else None for g in m.groups())
    elif (m := _english_month_day().search(words)) is not None:
        month = month_names().get(m.group(1).lower().rstrip("."))
        day, year = int(m.group(2)), int(m.group(3)) if m.group(3) else None
    else:
        return None
    if month is None or day is None or not 1 <= month <= 12:
        return None
    longest = _cal.monthrange(year if year else 2000, month)[1]  # (2000: a leap year)
    return None if 1 <= day <= longest else (year, month, day, longest)


@cache
def _english_month_day() -> re.Pattern[str]:
    """A month name and a day, maybe a year after (`Nov. 31`, `November 31, 2026`)."""
    names = sorted(month_names(), key=len, reverse=True)
    alts = "|".join(re.escape(n) + r"\.?" for n in names)
    return re.compile(rf"\b({alts})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)


def day_of_month(start: str, end: str) -> str:
    """Day `end` (an ISO day) moved to the month of `start` (an ISO day or time), when that
    month has it: the last day of a period written `3일부터 6일까지` after a month."""
    if not (is_day(end) and len(start) >= 10 and is_day(start[:10])):
        return end
    moved = _day(int(start[:4]), int(start[5:7]), int(end[8:10]))
    return moved.isoformat() if moved else end


def after(start: str, end: str) -> str:
    """`end` moved forward by whole cycles until it is not before `start` (same precision)."""
    if len(end) != len(start) or end >= start or len(end) not in (7, 10):
        return end
    if is_day(end):
        y, m, d = (int(x) for x in end.split("-"))
        for k in range(1, 13):
            moved = _day(*_add_months(y, m, k), d)
            if moved and moved.isoformat() >= start:
                return moved.isoformat()
        return end
    y, m = (int(x) for x in end.split("-"))
    return _month_iso(y + 1, m) if _month_iso(y + 1, m) >= start else end
