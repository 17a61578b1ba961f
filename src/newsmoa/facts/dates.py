"""Date expressions in Korean news text, with their original words and resolved values.

    find_dates("완주군은 지난 19일 ...", anchor=date(2015, 3, 20))
    -> (DateMention(start=4, end=10, text="지난 19일", value="2015-03-19"),)

A date expression is a chain of *atoms* found by one regex (a year `2015년` or years
`2007~2009년`, `2013~14년` (a period: both ends, not the last year alone), a month `3월` or
`지난달`, a day `19일` or `이날`, a weekday, a part of a month `말`, a time `오후 2시`, a direction
`지난`/`오는`, a modifier `부터`/`까지`/`께`) that follow each other with only spaces between.
The chain is resolved against the article's dateline by `calendar.resolve`; `A부터 B까지`
becomes one period. Word lists come from `data/date_*.tsv`, `weekdays.tsv`, `day_counts.tsv`
and `day_periods.tsv`. Values: `"2008"`, `"2015-03"`, `"2015-03-19"`,
`"2015-03-19T14:00:00+09:00"`, or `{"from": ..., "to": ...}` (an open end is None).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, tzinfo
from functools import cache
from typing import Any

from newsmoa.facts import calendar
from newsmoa.facts.tables import longest_first, mapping, rows, words


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: `text == source_text[start:end]`; value None when unresolvable."""

    start: int
    end: int
    text: str
    value: Any
    day: date | None = None  # the day it names, when it names exactly one (for 이날)
    offset: bool = False  # counted from the dateline (`사흘 전`): no day for 이날 to follow
    # the day a report names as its own: by its number alone (`2일`) or counted from the
    # dateline (`어제`); not `지난 2일`, `이날`, `사흘 전`
    reported_day: bool = False

    @property
    def year(self) -> int | None:
        """The year it names last (a period's end, else its start): what 이듬해 counts from."""
        value = self.value
        if isinstance(value, dict):
            value = value.get("to") or value.get("from")
        if isinstance(value, str) and value[:4].isdigit():
            return int(value[:4])
        return None

    @property
    def month(self) -> tuple[int, int] | None:
        """(year, month) it names last, when it names one: what 같은 달 points to."""
        value = self.value
        if isinstance(value, dict):
            value = value.get("to") or value.get("from")
        if isinstance(value, str) and re.match(r"\d{4}-\d\d", value):
            return int(value[:4]), int(value[5:7])
        return None


# Order of atoms inside one expression: a later atom must not rank below an earlier one.
_RANK = {
    "dir": 0,
    "ymd": 1,
    "yearrange": 1,
    "year": 1,
    "rel_year": 1,
    "month": 2,
    "rel_month": 2,
    "rel_week": 3,
    "day": 4,
    "md": 4,
    "dayrange": 4,
    "rel_day": 4,
    "offset": 4,
    "weekday": 5,
    "wdparen": 6,
    "part": 6,
    "rel_part": 6,
    "time": 7,
    "loose": 8,
    "tight": 9,
}
_ANCHORED = {
    "ymd",
    "yearrange",
    "year",
    "rel_year",
    "month",
    "rel_month",
    "rel_week",
    "day",
    "md",
    "dayrange",
    "rel_day",
    "offset",
    "weekday",
    "rel_part",
}


# what places a date on one side of the dateline, or counts it from a day, by itself: a
# clause's tense does not move it (a relative week is read with its tense only on a Sunday,
# `calendar._week`)
_PLACED = frozenset(_ANCHORED - {"month", "day", "md", "dayrange", "weekday", "rel_week"}) | {"dir"}


def _alt(items: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in items)


# After a word: the end of the text, a non-Hangul character, or a particle / date modifier.
_WEND = (
    r"(?=$|[^가-힣]|에|엔|의|는|은|도|보다|와|과|부터|까지|로|께|경|쯤|무렵|말|초|중순|하순"
    r"|상순|초순|이|가|를|을|만|대비|내|안)"
)
# what makes a number of days no date: a word after it (`3일 동안`, `30일 내`), a suffix
# written onto it (`3일째`, `5일장`), or one standing alone after it (`3일 째`, `2일 차인`); a
# word that only begins like one is none ("9일 장릉", "4월 10일 치러지는", "8일 여야", "9일
# 차관", "5일 내린", "15일 내내": black-box cases and reviews)
_DAY_NOT = (
    r"(?!\s*(?:간|동안|만에|만|이내|내로|내에|이상|이하|평균|내(?![가-힣]))|(?:째|차|치|씩|여|장)|요일"
    r"|\s+(?:(?:째|차|치|씩)(?=[^가-힣]|$|인|에|의|로|를|가|는|다)|여(?=[^가-힣]|$)))"
)


@cache
def _pattern() -> re.Pattern[str]:
    rel = mapping("date_words")
    rel_of = {
        u: [w for w, (unit, *_rest) in rel.items() if unit == u]
        for u in ("day", "week", "month", "year")
    }
    one_char = [w for w in rel_of["year"] if len(w) == 1]
    parts = _alt(longest_first(list(words("date_parts"))))
    # a part holding its year (`연말`: date_parts alone=year), a date by itself
    alone = _alt(longest_first(w for w, _of, _lo, _hi, *by in rows("date_parts") if by == ["year"]))
    rel_year = [w for w in rel_of["year"] if len(w) > 1]
    mods = mapping("date_modifiers")
    dirs = [w for w, (kind, _) in mods.items() if kind in ("past", "future", "current", "every")]
    after = {w: how for w, (kind, how) in mods.items() if kind in ("approx", "from", "to")}
    tight = [w for w, how in after.items() if how == "tight"]
    loose = [w for w, how in after.items() if how == "loose"]
    nohan = r"(?<![가-힣0-9])"
    # `11월 23일 전까지`, `오는 24일 전까지`: a day of a month (before it), not 24 days ago
    # (a day count only: `오는 2주 후` is an offset; up to two spaces between)
    not_a_date = "".join(
        rf"(?<!{re.escape(w)}{gap})" for w in ("월", *dirs) for gap in ("", r"\s", r"\s\s")
    )
    day = r"(?:3[01]|[12]\d|0?[1-9])"
    longer = "|".join(longest_first([u for u in calendar.SPAN_UNITS if u != "일"]))  # 2주, 6개월
    return re.compile(
        rf"(?P<ymd>(?<![\d.])(?:19|20)\d\d\s*[.\-/]\s*(?:1[0-2]|0?[1-9])\s*[.\-/]\s*"
        rf"{day}(?:\s*\.(?!\d))?(?!\d))"
        rf"|(?P<offset>{nohan}(?:{not_a_date}\d{{1,3}}\s*일|\d{{1,3}}\s*(?:{longer})"
        rf"|{_alt(longest_first(list(mapping('day_counts'))))})\s*(?:전|후|뒤){_WEND})"
        r"|(?P<yearrange>(?<![\d.,])(?:19|20)\d\d\s*[~∼〜\-]\s*(?:(?:19|20)\d\d|\d\d)\s*년"
        r"(?!\s*(?:간|동안|째|만|대)))"
        r"|(?P<year>(?<![\d.,])(?:19|20)\d\d\s*년(?!\s*(?:간|동안|째|만|대)))"
        rf"|(?P<dayrange>(?<![\d.,]){day}\s*(?:일\s*)?[~∼〜\-]\s*{day}\s*일{_DAY_NOT})"
        # a release's month and day in dots before its weekday (`11.24.(화)`), no year
        rf"|(?P<md>(?<![\d.,])(?:1[0-2]|0?[1-9])\s*\.\s*{day}\s*\.?(?=\s*\([월화수목금토일]\)))"
        r"|(?P<month>(?<![\d.,])(?:1[0-2]|0?[1-9])\s*월(?!\s*간))"
        rf"|(?P<day>(?<![\d.,])(?<!박)(?<!박 ){day}\s*일{_DAY_NOT})"
        rf"|(?P<rel_year>{nohan}(?:(?:{_alt(longest_first(rel_year))}){_WEND}"
        rf"|(?:{_alt(one_char)})(?=\s|(?:{parts}){_WEND})))"
        rf"|(?P<rel_month>{nohan}(?:{_alt(longest_first(rel_of['month']))}){_WEND})"
        rf"|(?P<rel_week>{nohan}(?:{_alt(longest_first(rel_of['week']))}){_WEND})"
        rf"|(?P<rel_day>{nohan}(?:{_alt(longest_first(rel_of['day']))})(?!날){_WEND})"
        rf"|(?P<weekday>{nohan}(?:{_alt(list(mapping('weekdays')))}))"
        r"|(?P<wdparen>\([월화수목금토일]\))"
        rf"|(?P<time>(?:(?:{_alt(list(mapping('day_periods')))})\s*)?(?<!\d)(?:2[0-4]|1\d|0?\d)"
        r"\s*시(?:\s*[0-5]?\d\s*분|\s*반)?(?!간|대|장|청|의회|민|정|군)"
        r"|(?<![\d:])(?:2[0-3]|[01]?\d):[0-5]\d(?![\d:]))"
        rf"|(?P<dir>{nohan}(?:{_alt(longest_first(dirs))})(?=\s))"
        rf"|(?P<rel_part>{nohan}(?:{alone}){_WEND})"
        rf"|(?P<part>(?<=[\s년월달{''.join(one_char)}])(?:{parts}){_WEND})"
        rf"|(?P<tight>{_alt(longest_first(tight))})"
        rf"|(?P<loose>(?:{_alt(longest_first(loose))}){_WEND})"
    )


def _atoms(text: str) -> list[tuple[str, int, int]]:
    return [(m.lastgroup or "", m.start(), m.end()) for m in _pattern().finditer(text)]


def _chains(text: str) -> list[list[tuple[str, int, int]]]:
    """Group atoms that follow each other (spaces only between) in rank order."""
    chains: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for kind, start, end in _atoms(text):
        if current:
            last_kind, _, last_end = current[-1]
            gap = text[last_end:start]
            joins = (
                (gap == "" if kind in ("tight", "wdparen") else not gap.strip(" \t"))
                and _RANK[kind] >= _RANK[last_kind]
                and (kind != last_kind or kind in ("tight", "loose"))
            )
            if joins:
                current.append((kind, start, end))
                continue
            chains.append(current)
        current = [(kind, start, end)]
    if current:
        chains.append(current)
    return [c for c in chains if _usable(text, c)]


def _usable(text: str, chain: list[tuple[str, int, int]]) -> bool:
    kinds = [k for k, _, _ in chain]
    if kinds[:2] == ["dir", "part"] and calendar.directed_part(text[chain[1][1] : chain[1][2]]):
        return True  # `지난 겨울`, `오는 봄`: the nearest one on that side of the dateline
    if not any(k in _ANCHORED for k in kinds):
        return False
    # a lone one-syllable year word (올) is only a date before a month or a part of the year
    return not (
        len(chain) == 1 and kinds[0] == "rel_year" and len(text[chain[0][1] : chain[0][2]]) == 1
    )


def find_dates(
    text: str,
    anchor: date | None,
    *,
    tz: tzinfo | None = None,
    ref: date | None = None,
    ref_year: int | None = None,
    ref_month: tuple[int, int] | None = None,
    tense: Callable[[int], str | None] | None = None,
    nearby: bool = True,
) -> tuple[DateMention, ...]:
    """Every date expression in `text`, resolved against `anchor` (the dateline's day).

    `ref` is the day last named before `text` (what 이날 points to), `ref_year` the year
    (what 이듬해 counts from: "2012년 3월부터 이듬해 12월까지" ends in 2013), `ref_month` the
    month (what 같은 달 is: "6월 ... 지난해 같은 달" is June 2018); each resolved
    expression becomes the reference for the following ones, but an offset (`사흘 전`,
    counted from the dateline, not from the day it follows: "21일 ... 사흘 전에 이어 ...
    이날" means the 21st). With `anchor` None, relative
    expressions keep their words and get value None. `tense(end)` says whether the clause
    a date ending at `end` stands in is "past", "future" or "present" (or None): a day, month or
    weekday written without its year or a direction word (`15일`, `3월`, `금요일`) is then
    the nearest on that side of the dateline (`calendar.resolve`), and `이번 주` in a future
    clause of a Sunday's article is the coming week (`calendar._week`). `nearby`: whether
    `ref` is a day named in this sentence or the one before (not the lead's or the
    dateline's, taken farther on); when it is not, the day of a happening (`행사 당일`: anchor
    `of` in `date_words.tsv`) is left open until this sentence names a day.
    """
    out: list[DateMention] = []
    recurring = -1  # where the last recurring chain (`매년 4월`) ended
    for chain in _chains(text):
        start, end = chain[0][1], chain[-1][2]
        if _recurring(text, chain) or (
            recurring >= 0 and _LIST_GAP.fullmatch(text[recurring:start])
        ):  # every year's April, and the months listed with it (`매년 4월과 10월`)
            recurring = end
            continue
        while chain and chain[-1][0] == "dir":
            chain = chain[:-1]
        parts = [(kind, text[s:e]) for kind, s, e in chain]
        if not nearby and _of_a_happening(parts):
            out.append(DateMention(start, end, text[start:end], None, None, False, False))
            continue
        listed = _listed_month(text, out, parts, start)
        if listed is not None:  # "5월 4일과 9일": the 9th of May
            out.append(listed)
            ref = listed.day or ref
            nearby = nearby or listed.day is not None
            continue
        kinds = {kind for kind, _ in parts}
        when = tense(end) if tense is not None and not kinds & _PLACED else None
        value, day = calendar.resolve(
            parts,
            anchor,
            ref=ref or anchor,
            ref_year=ref_year,
            ref_month=ref_month,
            tz=tz,
            tense=when,
        )
        offset = "offset" in kinds
        named = [(kind, words) for kind, words in parts if kind not in ("offset", "rel_day")]
        named_day = None
        if kinds & {"offset", "rel_day"} and {kind for kind, _ in named} & {"day", "ymd"}:
            # a day counted from the one the chain names (`8월 2일 하루 전`, `8월 2일 하루
            # 전날`: the 1st of August; they were counted from the dateline, or from the day
            # named before the chain: a review)
            _, named_day = calendar.resolve(
                named, anchor, ref=ref or anchor, ref_year=ref_year, ref_month=ref_month, tz=tz
            )
        if named_day is not None and offset:
            value, day = calendar.offset_from(parts, named_day)
            offset = False
        elif named_day is not None:  # (a day named by reference: 전날, 당일)
            relative = [(k, w) for k, w in parts if k not in ("day", "ymd", "month", "year")]
            value, day = calendar.resolve(relative, anchor, ref=named_day, tz=tz)
        reported = "dir" not in kinds and (
            bool(kinds & {"ymd", "day", "md"})
            or (kinds == {"rel_day"} and calendar.counted_from_dateline(parts[0][1]))
        )
        mention = DateMention(start, end, text[start:end], value, day, offset, reported)
        out.append(mention)
        ref = ref if offset else day or ref
        nearby = nearby or (not offset and day is not None)
        ref_year = mention.year or ref_year
        ref_month = mention.month or ref_month
    return tuple(_join_periods(text, out))


def now_day(mention: DateMention) -> bool:
    """Whether a date is a day counted from today alone (`오늘`, `어제`, `내일`: date_words,
    unit day, anchor now), with a time or a part of the day perhaps, no day written."""
    atoms = _atoms(mention.text)
    words = [mention.text[s:e] for kind, s, e in atoms if kind == "rel_day"]
    return (
        bool(words)
        and all(_spaceless(w) in _spaceless_day_words("now") for w in words)
        and not {kind for kind, _, _ in atoms} & {"day", "ymd", "offset", "dayrange"}
    )


def counted_from(mention: DateMention, day: date, tz: tzinfo | None) -> DateMention:
    """A `now_day` counted from `day` instead of the dateline (a speaker's today: the day the
    words were said)."""
    parts = [(kind, mention.text[s:e]) for kind, s, e in _atoms(mention.text)]
    value, found = calendar.resolve(parts, day, ref=day, tz=tz)
    return replace(mention, value=value, day=found)


@cache
def day_words(anchor: str) -> tuple[str, ...]:
    """The words of `date_words.tsv` that name a day counted from `anchor`: now (오늘, 어제,
    내일: the dateline), ref (이날, 전날, 다음날: the day named before them) or of (당일: a
    happening's day)."""
    rows = mapping("date_words").items()
    return tuple(w for w, (unit, _, at) in rows if unit == "day" and at == anchor)


def _of_a_happening(parts: list[tuple[str, str]]) -> bool:
    """Whether a date is a happening's day named by reference alone (`당일`, anchor `of`)."""
    return any(
        kind == "rel_day" and _spaceless(words) in _spaceless_day_words("of")
        for kind, words in parts
    ) and not any(kind in ("day", "ymd") for kind, _ in parts)


@cache
def _spaceless_day_words(anchor: str) -> frozenset[str]:
    """`day_words(anchor)` written without spaces (`같은 날`, `같은날`: one word)."""
    return frozenset(_spaceless(w) for w in day_words(anchor))


def _spaceless(words: str) -> str:
    return re.sub(r"\s", "", words)


def _recurring(text: str, chain: list[tuple[str, int, int]]) -> bool:
    """A chain led by `매년`, `매주` (date_modifiers kind every): a recurring day, no date."""
    every = {w for w, (kind, _) in mapping("date_modifiers").items() if kind == "every"}
    return any(kind == "dir" and text[s:e] in every for kind, s, e in chain)


# what stands between two days of one list: "5월 4일과 9일", "4일, 9일", "4일·9일", "4일 및 9일"
_LIST_GAP = re.compile(r"\s*(?:과|와|및|,|·|ㆍ|、)\s*")


def _listed_month(
    text: str, found: list[DateMention], parts: list[tuple[str, str]], start: int
) -> DateMention | None:
    """A bare day listed right after a day of a named month (`5월 4일과 9일`, `4일, 9일`):
    that month's day, not the one nearest the dateline (the 9th of August for a text of
    31 July; a review of the dev day found such lists of past launches read so)."""
    if [k for k, _ in parts] != ["day"] or not found:
        return None
    prev = found[-1]
    if prev.day is None or not _LIST_GAP.fullmatch(text[prev.end : start]):
        return None
    m = re.match(r"(\d{1,2})\s*일", parts[0][1])
    if m is None:
        return None
    try:
        day = prev.day.replace(day=int(m.group(1)))
    except ValueError:  # (no 31st in that month)
        return None
    words = parts[0][1]
    return DateMention(start, start + len(words), words, day.isoformat(), day)


# a day and what may stand with it and name no month or year: its particles and its weekday
# (`6일(월)까지`, as releases write a period's last day)
_DAY_ALONE = frozenset({"day", "tight", "loose", "wdparen"})


def _day_alone(text: str) -> bool:
    """Whether a date expression names a day and no month or year (`6일까지`, `6일(월)까지`)."""
    kinds = {kind for kind, _, _ in _atoms(text)}
    return "day" in kinds and kinds <= _DAY_ALONE


def _join_periods(text: str, found: list[DateMention]) -> list[DateMention]:
    """`A부터 B까지` (only spaces or a comma between) becomes one period mention; a `B` that
    names a day alone is of `A`'s month (or the next, when it is before `A`'s day), not the
    dateline's: `10월 3일부터 6일까지` in a report of 20 November ends on 6 October."""
    out: list[DateMention] = []
    for mention in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and isinstance(prev.value, dict)
            and prev.value.get("to") is None
            and isinstance(mention.value, dict)
            and mention.value.get("from") is None
            and not text[prev.end : mention.start].strip(" \t,")
        ):
            to = mention.value.get("to")
            start = prev.value.get("from")
            if isinstance(to, str) and isinstance(start, str):
                if _day_alone(mention.text):  # (`10월 3일부터 6일까지`: October's 6th)
                    to = calendar.day_of_month(start, to)
                to = calendar.after(start, to)
            value = {"from": prev.value.get("from"), "to": to}
            out[-1] = replace(
                prev, end=mention.end, text=text[prev.start : mention.end], value=value
            )
            continue
        out.append(mention)
    return out
