"""Date expressions in English news text, resolved against the dateline as `dates` resolves
Korean ones, into the same `DateMention`s.

    find_dates("The sides signed it on Thursday, July 30.", date(2019, 8, 2))
    -> (DateMention(start=22, end=39, text="Thursday, July 30", value="2019-07-30"),)

Forms: a month and day with or without a year (`July 30, 2019`, `30 July`, `Sept. 5`), a
month and year (`March 2009`), an ISO day (`2019-07-30`); a bare month or year after a
preposition (`in March`, `since 2008`: a month or a year alone is often no date, `May`,
`2,019`); a weekday (`on Thursday`, `last Friday`); relative words (`yesterday`, `last week`,
`earlier this month`, `the next day`: `data/date_words_en.tsv`, with the Korean table's
columns); `two days ago`; a part of a year or a season (`early 2027`, `mid-2010`, `the
spring of 2027`, `late next year`, `the end of the year`, `next spring`, `in the summer`:
`data/year_parts_en.tsv`), a period of months, `{"from": "2027-03", "to": "2027-05"}`, as
Korean `내년 초` gives (it was the year alone, or no date: `late 2028` and `2028` agreed).
Month names are the dateline table's (`extract/data/month_names.tsv`), written capitalised;
weekdays `data/weekdays_en.tsv`.

A month and day without a year follows its clause's tense (`data/tense_en.tsv`): after a
past word (`awarded the contract on Jan. 15`, `was held Jan. 15`, `On Jan. 15, the board
signed`) the latest such day up to the dateline, after a word that looks ahead (`will
begin on March 2`, `On Jan. 15 the board will vote`) the next from it; else (`opens Jan.
15`, `officials said`, `was postponed until Jan. 15`) the nearest such day. A bare weekday or
month is the last one up to the dateline, or the next one from it when the words before it
in its clause speak of what is to come (`data/tense_en.tsv`: `will meet on Thursday`,
`would begin on Monday`; not `would not say Monday`, `would have opened`): news
names days of the week around the dateline. A weekday or month after `every` or `each`
(`data/recurring_en.tsv`), or listed after one (`every Friday and Saturday`), recurs: no
date. Times are not read: outlets write them in different zones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from typing import Any

from newsmoa.extract.tables import month_names
from newsmoa.facts.dates import DateMention
from newsmoa.facts.tables import alternation, mapping, rows, words

_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_GRACE = timedelta(days=1)
_PAST_DIRS = ("last", "this past", "past")
_NEXT_DIRS = ("next", "this coming", "coming")


@cache
def calendar_names() -> frozenset[str]:
    """Month and weekday names as English text writes them (`August`, `Aug`, `Thursday`):
    capitalised words that name no person nor thing."""
    return frozenset({m.capitalize() for m in month_names()} | set(mapping("weekdays_en")))


@cache
def _pattern() -> re.Pattern[str]:
    months = alternation({m.capitalize() for m in month_names()})
    weekdays = alternation(mapping("weekdays_en"))
    rel = alternation(mapping("date_words_en"))
    year = r"(?:19|20)\d\d(?!\d)"
    day = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
    wd = rf"(?:(?:{weekdays})\s*,?\s*)"
    counts = alternation(_NUMBERS)
    # what stands before a bare month or year (`in March`, `since 2008`, `in early 2009`)
    preps = "in|since|until|till|by|from|before|after|during|through"
    parts = r"early|late|mid-?|in\s+early|in\s+late|in\s+mid-?"
    part = alternation(w for w, kind, *_ in rows("year_parts_en") if kind == "part")
    season = alternation(w for w, kind, *_ in rows("year_parts_en") if kind == "season")
    dirs = r"next|last|this\s+coming|this\s+past|this|coming|past"
    # a season alone is a date only where no noun follows (`winter storm`, `summer camp`)
    alone = (
        r"(?=\s*[,.;:!?)\"'\u201d]|\s*$|\s+(?:and|or|when|as|to|at|on|with|before|after|for|"
        r"while|if|but|so|that|because|until|when)\b)"
    )
    # `his last fall`, `the past winter` are no dates of a season the dateline names
    owned = "".join(rf"(?<!\b{w}\s)" for w in ("his", "her", "its", "their", "the", "a", "our"))
    return re.compile(
        rf"(?<![\w-])(?:(?i:the)\s+)?(?P<part>(?i:{part})|{season})(?:\s+of\s+|\s+|(?<=mid)-)"
        rf"(?:(?P<py>{year})(?![\w-]|\s*(?:%|percent))|(?P<pr>(?i:next|this|last|the))\s+year\b)"
        rf"|(?<![\w-]){owned}(?P<sdir>(?i:{dirs}))\s+(?P<season>{season})\b{alone}"
        rf"|(?<![\w-])(?P<sp>(?i:{preps}))\s+(?P<bw>(?:the\s+)?(?P<bare>(?!fall)(?:{season})))\b{alone}"
        rf"|(?P<iso>(?<!\d){year}-\d\d-\d\d(?!\d))"
        rf"|{wd}?(?P<m1>{months})\b\.?\s+(?P<d1>{day})(?:\s*,?\s*(?P<y1>{year}))?"
        rf"|{wd}?(?:the\s+)?(?P<d2>{day})\s+(?:of\s+)?(?P<m2>{months})\b\.?"
        rf"(?:\s*,?\s*(?P<y2>{year}))?"
        rf"|(?P<m3>{months})\b\.?\s*,?\s*(?P<y3>{year})"
        rf"|(?i:(?<!\w)(?P<ago>\d+|{counts})\s+(?P<unit>day|week|month|year)s?\s+ago\b)"
        rf"|(?i:(?<![\w-])(?P<rel>{rel})\b)"
        rf"|(?:(?P<dir>(?i:last|next|this\s+past|this\s+coming|this|past|coming))\s+)?"
        rf"(?P<wd>{weekdays})(?!\w)"
        rf"|(?<![\w-])(?P<mp>(?i:{preps}|last|next|this|{parts}))(?:\s+|(?<=-))"
        rf"(?P<m4>{months})\b(?!\.?\s*\d)"
        rf"|(?<![\w-])(?P<yp>(?i:{preps}))\s+"
        rf"(?P<y4>{year})\b(?!\s*(?:%|percent))"
    )


def find_dates(
    text: str, anchor: date | None, *, ref: date | None = None, ahead: bool | None = None
) -> tuple[DateMention, ...]:
    """Every date expression in `text` (one clause or sentence), resolved against `anchor`,
    the dateline's day. `ref` is the day named last before `text` (what `the next day`
    counts from; the dateline's when None); `ahead`: the words speak of what is to come,
    which turns a bare weekday or month forward; None: each date's own words before it do
    (`future`: "will meet on Thursday", not "was held on Tuesday as planned" nor "said
    Tuesday he will"). With `anchor` None, relative expressions keep their words and get
    value None."""
    out: list[DateMention] = []
    for m in _pattern().finditer(text):
        start = _start(m)
        if _bare_name(m, start) and _recurring().search(text[:start]):
            continue
        when: str | None
        if _saying().search(text, 0, start):  # `officials said Tuesday`: the saying's day
            later, when = False, "past"
        else:
            later = future(text[:start]) if ahead is None else ahead
            when = "future" if later else _tense_of(text, start, m.end(), ahead is None)
        value, day, offset = _value(m, anchor, ref or anchor, later, when)
        out.append(DateMention(start, m.end(), text[start : m.end()], value, day, offset))
    return tuple(out)


def future(clause: str) -> bool:
    """Whether an English clause speaks of what is to come (`data/tense_en.tsv`)."""
    return _tense().search(clause) is not None


def past(clause: str) -> bool:
    """Whether an English clause holds a word of the past (`data/tense_en.tsv`: `was`,
    `awarded`; not `said`)."""
    return next(_past_words(clause), None) is not None


@cache
def _tense() -> re.Pattern[str]:
    """A word that looks ahead, not where a `back` row of the table opens (`would not`)."""
    ahead = alternation(w for w, *kind in rows("tense_en") if kind in ([], [""]))
    back = alternation(_tense_words("back"))
    return re.compile(rf"(?i)(?<!\w)(?!(?:{back})(?!\w))(?:{ahead})(?!\w)")


def _tense_words(kind: str) -> list[str]:
    return [w for w, *rest in rows("tense_en") if rest == [kind]]


@cache
def _past() -> re.Pattern[str]:
    """A word of the past (`was`, `sought`) or a lowercase word with a past verb's ending
    (`awarded`), not one of kind `not past` (`hundred`, `said`)."""
    listed = alternation(w for p in _tense_words("past") for w in (p, p.capitalize()))
    ending = alternation(_tense_words("past ending"))
    nots = alternation(_tense_words("not past"))
    return re.compile(
        rf"(?<![\w'-])(?:{listed}|(?!(?:{nots})(?!\w))[a-z]{{2,}}(?:{ending}))(?![\w'-])"
    )


def _past_words(text: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """The words of the past in `text` from `pos`, but a verb's form after a word of kind
    `determiner`, which makes it an adjective (`the renovated library opens Jan. 15`)."""
    owners = _determiner()
    for m in _past().finditer(text, pos):
        if m.group().islower() and owners.search(text, 0, m.start()):
            continue
        yield m


@cache
def _determiner() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<![\w'-])(?:{alternation(_tense_words('determiner'))})\s+$")


@cache
def _saying() -> re.Pattern[str]:
    """A saying word right before a date, maybe with `on` (`said Tuesday`, `announced on
    Monday`): the date is the saying's (`data/tense_en.tsv`, `saying` rows)."""
    said = alternation(_tense_words("saying"))
    return re.compile(rf"(?i)(?<![\w'-])(?:{said})\s+(?:on\s+)?$")


@cache
def _target() -> re.Pattern[str]:
    """A word right before a date that was set, not when it happened (`until`, `to`)."""
    return re.compile(rf"(?i)(?<!\w)(?:{alternation(_tense_words('target'))})\s*$")


# a stretch set off by commas (`The bridge, closed since August, reopens`), and the words
# before a clause's own conjunction (`Tickets are priced at $20 and the festival runs`)
_ASIDE = re.compile(r",[^,;]*,")
_JOINED = re.compile(r"(?i).*(?:;|(?<!\w)(?:and|but|while|whereas)(?!\w))")


def own_clause(before: str) -> str:
    """The words before a date that are its own clause's: without what commas set off (a
    participle there is no verb of the clause: `The contract, valued at $2 million, takes
    effect Jan. 1`) and from the last `;`, `and` or `but` on (`The road was closed Nov. 3
    and reopens Dec. 20`)."""
    return _JOINED.sub("", _ASIDE.sub(" ", before), count=1)


def _tense_of(text: str, start: int, end: int, after: bool) -> str | None:
    """`past`, `future` or None: the tense a month and day without a year follows, read
    in its clause `text` around the date's words `start`..`end`: a past word before it not
    across `to` and with no target word right before the date, else (`after`: the words
    after the date count) the first word after it that looks ahead or back."""
    before = own_clause(text[:start])
    if not _target().search(before):
        last = max(_past_words(before), key=lambda m: m.start(), default=None)
        if last is not None and not re.search(r"(?i)(?<!\w)to(?!\w)", before[last.end() :]):
            return "past"
    if not after:
        return None
    ahead, back = _tense().search(text, end), next(_past_words(text, end), None)
    if ahead and (back is None or ahead.start() <= back.start()):
        return "future"
    return "past" if back else None


def _bare_name(m: re.Match[str], start: int) -> bool:
    """A weekday or month named alone (`Friday`, `in March`; not `last Friday`)."""
    if m.group("wd"):
        return not m.group("dir")
    return m.group("m4") is not None and start == m.start("m4")


@cache
def _recurring() -> re.Pattern[str]:
    """`every` (or `each`) and the weekdays or months listed after it, up to where a date's
    words would begin: `every Friday and `, `each Monday, Wednesday or `, `every year in `."""
    names = alternation({*mapping("weekdays_en"), *(m.capitalize() for m in month_names())})
    listed = rf"(?:(?:{names})(?:\s*,\s*|\s+)(?:(?i:and|or)\s+)?)*"
    period = r"(?:(?i:year|week)\s+(?i:in|on)\s+)?"
    every = alternation(words("recurring_en"))
    return re.compile(rf"(?<!\w)(?i:{every})\s+{period}{listed}$")


def _start(m: re.Match[str]) -> int:
    """Where the date's words begin: `on`, `in` and the like are no part of them; `last`,
    `next` and `this` are."""
    if m.group("bare"):
        return m.start("bw")
    if m.group("wd") and not m.group("dir"):
        return m.start("wd")
    if m.group("m4"):
        prep = m.group("mp").lower()
        return m.start() if prep in ("last", "next", "this") else m.start("m4")
    if m.group("y4"):
        return m.start("y4")
    return m.start()


def _value(
    m: re.Match[str], anchor: date | None, ref: date | None, ahead: bool, when: str | None
) -> tuple[Any, date | None, bool]:
    """(value, the one day it names or None, counted from the dateline)."""
    g = m.groupdict()
    if g["part"]:
        return _year_part(g, anchor)
    if g["season"] or g["bare"]:
        return _season(g, anchor, ahead)
    if g["iso"]:
        found = _day(*map(int, g["iso"].split("-")))
        return (found.isoformat() if found else None), found, False
    for mk, dk, yk in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
        if g[mk]:
            month, dd = _month(g[mk]), int(re.sub(r"\D", "", g[dk]))
            found = _day(int(g[yk]), month, dd) if g[yk] else _nearest(month, dd, anchor, when)
            return (found.isoformat() if found else None), found, False
    if g["m3"]:
        return f"{int(g['y3']):04d}-{_month(g['m3']):02d}", None, False
    if g["y4"]:
        return g["y4"], None, False
    if anchor is None:
        return None, None, False
    if g["ago"]:
        n = int(g["ago"]) if g["ago"].isdigit() else _NUMBERS[g["ago"].lower()]
        return (*_counted(g["unit"].lower(), -n, anchor), True)
    if g["rel"]:
        unit, off, base = mapping("date_words_en")[_key(g["rel"])]
        origin = anchor if base == "now" or ref is None else ref
        value, day = _counted(unit, int(off), origin)
        return value, day, base == "now"
    if g["wd"]:
        found = _weekday(int(mapping("weekdays_en")[g["wd"]][0]), g["dir"], anchor, ahead)
        return found.isoformat(), found, False
    return _bare_month(_month(g["m4"]), g["mp"].lower(), anchor, ahead), None, False


def _key(words: str) -> str:
    return re.sub(r"\s+", " ", words.lower())


def _month(name: str) -> int:
    return month_names()[name.lower().rstrip(".")]


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest(month: int, day: int, anchor: date | None, when: str | None) -> date | None:
    """The day `month`/`day` nearest the dateline (`July 30` in an article of August 2):
    of those up to it when `when` is `past`, of those from it when `future` (a day's
    grace either side: a dateline's day is its outlet's zone's, the event's may be a
    zone ahead, and a year off is the worse error)."""
    if anchor is None:
        return None
    cands = [
        d
        for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := _day(y, month, day))
        and not (when == "past" and d > anchor + _GRACE)
        and not (when == "future" and d < anchor - _GRACE)
    ]
    return min(cands, key=lambda d: (abs((d - anchor).days), d > anchor)) if cands else None


def _counted(unit: str, n: int, origin: date) -> tuple[Any, date | None]:
    """The day, week, month or year `n` of them from `origin`."""
    if unit == "day":
        found = origin + timedelta(days=n)
        return found.isoformat(), found
    if unit == "week":
        monday = origin - timedelta(days=origin.weekday()) + timedelta(weeks=n)
        return {"from": monday.isoformat(), "to": (monday + timedelta(days=6)).isoformat()}, None
    if unit == "month":
        index = origin.year * 12 + origin.month - 1 + n
        return f"{index // 12:04d}-{index % 12 + 1:02d}", None
    return f"{origin.year + n:04d}", None


def _weekday(index: int, direction: str | None, anchor: date, ahead: bool) -> date:
    """The weekday `index` around the dateline: `last` the one before it, `next` the one
    after, `this` the one of its week (from Monday); a bare one the last up to the dateline,
    or the next from it when its words look ahead."""
    back = (anchor.weekday() - index) % 7
    said = re.sub(r"\s+", " ", direction.lower()) if direction else None
    if said in _PAST_DIRS:
        return anchor - timedelta(days=back or 7)
    if said in _NEXT_DIRS:
        return anchor + timedelta(days=(index - anchor.weekday()) % 7 or 7)
    if said == "this":
        return anchor - timedelta(days=anchor.weekday()) + timedelta(days=index)
    if ahead:
        return anchor + timedelta(days=(index - anchor.weekday()) % 7)
    return anchor - timedelta(days=back)


def _bare_month(month: int, prep: str, anchor: date, ahead: bool) -> str:
    """A month named without a year: `last March` the last before the dateline's month,
    `next March` the next after it, `this March` the dateline's year's; otherwise the last
    up to the dateline's month, or the next from it when the words look ahead."""
    year = anchor.year
    if prep == "last":
        year -= month >= anchor.month
    elif prep == "next":
        year += month <= anchor.month
    elif prep != "this" and ahead:
        year += month < anchor.month
    elif prep != "this":
        year -= month > anchor.month
    return f"{year:04d}-{month:02d}"


def _months(words: str) -> tuple[int, int]:
    """The first and last month of a part of a year or a season (`data/year_parts_en.tsv`)."""
    _, first, last = mapping("year_parts_en")[_key(words).rstrip("-")]
    return int(first), int(last)


def _period(year: int, first: int, last: int) -> dict[str, str]:
    """The months `first` to `last` of `year` (`last` before `first`: into the next year)."""
    return {"from": f"{year:04d}-{first:02d}", "to": f"{year + (last < first):04d}-{last:02d}"}


def _year_part(g: dict[str, Any], anchor: date | None) -> tuple[Any, None, bool]:
    """`early 2027`, `the spring of 2027`, `late next year`, `the end of the year`: the
    months it names, a period; one counted from the dateline's year needs the dateline."""
    first, last = _months(g["part"])
    if g["py"]:
        return _period(int(g["py"]), first, last), None, False
    if anchor is None:
        return None, None, False
    said = g["pr"].lower()
    year = anchor.year + (said == "next") - (said == "last")
    return _period(year, first, last), None, True


def _season(g: dict[str, Any], anchor: date | None, ahead: bool) -> tuple[Any, None, bool]:
    """`next spring`, `last fall`, `this winter`, `in the spring`: the season around the
    dateline. `next` is the first to begin after the dateline's month, `last` the last to
    end before it, `this` the one holding it (else the dateline's year's); one named alone
    the one holding the dateline's month, else the next when its words look ahead and the
    last otherwise."""
    if anchor is None:
        return None, None, False
    first, last = _months(g["season"] or g["bare"])
    now = anchor.year * 12 + anchor.month - 1

    def bounds(year: int) -> tuple[int, int]:
        start = year * 12 + first - 1
        return start, start + (last - first) % 12

    years = range(anchor.year - 2, anchor.year + 2)
    holding = next((y for y in years if bounds(y)[0] <= now <= bounds(y)[1]), None)
    coming = next(y for y in years if bounds(y)[0] > now)
    gone = max(y for y in years if bounds(y)[1] < now)
    said = re.sub(r"\s+", " ", (g["sdir"] or "").lower())
    if said in _NEXT_DIRS:
        year = coming
    elif said in _PAST_DIRS:
        year = gone
    elif said == "this":
        year = anchor.year if holding is None else holding
    else:
        year = holding if holding is not None else coming if ahead else gone
    return _period(year, first, last), None, True
