"""Publication times as English pages write them, on a line of their own.

    April 28, 2009                          Thursday, December 11, 2008
    September 18th, 2013, 05:31 GMT         18 September 2013 Last updated at 13:59 GMT
    Updated 8:41 p.m. EST, Tue March 3, 2009        Posted: Mar. 20, 2015 at 3:21 PM
    Illinois Times | March 6, 2024           (a name before a bar: the outlet's or writer's)
    Grand Rapids Herald, March 12, 2026     (a masthead before a comma: `mastheads.masthead`)
    Posted: Mar 8, 2025 / 06:12 PM PST      (a TV station's page)
    Thu, 03/12/2026 - 16:05                 (a Drupal site's: month first, in figures)
    March 12, 2026 | Jane Roe               (the writer's name after a bar)

`english_dateline` reads such a line whole (a label, a weekday, the date with its month in
words, a time and a zone, in the orders above; spaces around punctuation as a tokenised
corpus writes them, `April 28 , 2009`); a line with other words is not one. Month names,
zones and labels are tables (`data/month_names.tsv`, `time_zones.tsv`,
`english_dateline_labels.tsv`). A time without a zone is read in Asia/Seoul, as the Korean
datelines of a page's lines are; a date without a time is its midnight there, and the
dateline says that no time was written (`Dateline.timed`: the article's day alone). A date without
a label (`bare`) dates an article only in its head: in the body it is a timeline's line
(`article._read_lines`, `ingest.paste`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

from newsmoa.extract.datelines import SEOUL, Dateline
from newsmoa.extract.mastheads import masthead
from newsmoa.extract.tables import english_dateline_labels, month_names, time_zones

MAX_CHARS = 80
_MONTHS = 12  # a dateline line is short; a sentence naming a date is not one


@cache
def _line_re() -> re.Pattern[str]:
    def alternation(words: object) -> str:
        return "|".join(
            re.escape(w).replace(r"\ ", r"\s+")
            for w in sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
        )

    months, zones = alternation(month_names()), alternation(time_zones())
    labels = alternation(english_dateline_labels())

    def label(n: int) -> str:
        return rf"(?:(?P<label{n}>{labels})(?:\s+(?:at|on))?\s*:?\s*)"

    def time(n: int) -> str:  # 05:31, 8:41 p.m., 3:21 PM, 13:59 GMT, 10:21 a.m. (ET)
        return (
            rf"(?:(?P<H{n}>\d{{1,2}})\s*[:.]\s*(?P<M{n}>\d\d)(?:\s*[:.]\s*\d\d)?"
            rf"(?:\s*(?P<ap{n}>[ap])\s*\.?\s*m\b\s*\.?)?"
            rf"(?:\s*\(?(?P<zone{n}>{zones})\b\)?)?)"
        )

    weekday = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\s*\.?\s*,?\s*)"
    date = (
        rf"(?:(?P<mon>{months})\s*\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*"
        rf"(?P<y>(?:19|20)\d\d)|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{months})"
        rf"\s*\.?\s*,?\s*(?P<y2>(?:19|20)\d\d)"
        # ... or in figures, month first as American pages write them (`03/12/2026`, a
        # Drupal site's `Thu, 03/12/2026 - 16:05`); day first when the first cannot be a month
        r"|(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/(?P<y3>(?:19|20)\d\d))"
    )
    before = rf"{label(1)}?(?:{time(1)}\s*,?\s*)?"
    # a slash too (`Posted: Mar 8, 2025 / 06:12 PM PST`, as TV stations' pages write it)
    after = rf"(?:\s*(?:,|\||-|–|/)?\s*{label(2)}?(?:at\s*)?{time(2)})?"
    # the outlet's or the writer's name before a bar (`Illinois Times | March 6, 2024`,
    # `By Dean Olsen | Mar. 6, 2024`): the date is the line's from where the bar ends
    named = r"(?:(?-i:[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})\s*[|·]\s*(?P<named>))?"
    # ... or the place it is written from, in capitals, and a dash (`LONDON — 5 March 2024
    # 23:40`: the article was undated, a black-box case; `extract.zones` reads its zone)
    placed = (
        r"(?:(?-i:[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Z][A-Za-z. ]{1,20}?)?)\s*[-—–]+\s*(?P<placed>))?"
    )
    # ... or the writer's name after a bar (`March 12, 2026 | Jane Roe`, `… | By Jane Roe`)
    signed = r"(?:\s*[|·]\s*(?P<signed>(?-i:[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})))?"
    return re.compile(
        rf"^\s*{named}{placed}{before}{weekday}?{date}{after}{signed}\s*[:|]?\s*$",
        re.IGNORECASE,
    )


def english_dateline(line: str, *, tz: ZoneInfo = SEOUL) -> Dateline | None:
    """The date (and time) a line of its own states, written the English way; None when the
    line is not wholly one (module docstring). A line of two labelled ones (`Published 5:12
    p.m. CT Nov. 24, 2026 | Updated 6:01 p.m. CT Nov. 24, 2026`, as Gannett's papers write
    it; a bar between them or not) states the published one: such a line dated nothing,
    and stayed in the text as its first sentence."""
    if len(line) > MAX_CHARS or not any(c.isdigit() for c in line):
        return None
    one = _dateline(line, tz)
    if one is not None:
        return one
    cut = _second_label().search(line)
    if cut is None:
        return None
    first, second = _dateline(line[: cut.start()], tz), _dateline(line[cut.end() :], tz)
    if first is None or second is None or first.bare or second.bare:
        return None
    if first.kind != "published" and second.kind == "published":
        first = replace(second, start=cut.end() + second.start, end=cut.end() + second.end)
    return first


@cache
def _second_label() -> re.Pattern[str]:
    """Where a second labelled dateline begins on a line (`… | Updated …`, `… Updated …`)."""
    labels = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(english_dateline_labels(), key=len, reverse=True)
    )
    return re.compile(rf"\s*(?:[|·]\s*|\s)(?=(?:{labels})\b)", re.IGNORECASE)


def _dateline(line: str, tz: ZoneInfo) -> Dateline | None:
    """One dateline written over the whole line, or None."""
    m, at = _line_re().match(line), 0
    if not m and (named := _NAME_COMMA.match(line)) and masthead(named["name"], dated=True):
        # the outlet's masthead and a comma before the date (`Grand Rapids Herald, March 12,
        # 2026`: the line was read as the subtitle, the article undated and its outlet lost)
        at = named.end()
        m = _line_re().match(line[at:])
    if not m:
        return None
    if m["y3"]:  # (in figures: month first, unless that figure is no month's)
        first, second = int(m["n1"]), int(m["n2"])
        month, day = (first, second) if first <= _MONTHS else (second, first)
        year = int(m["y3"])
    else:
        month = month_names()[(m["mon"] or m["mon2"]).lower()]
        year, day = int(m["y"] or m["y2"]), int(m["d"] or m["d2"])
    hour, minute, ap, zone = m["H1"], m["M1"], m["ap1"], m["zone1"]
    if hour is None:
        hour, minute, ap, zone = m["H2"], m["M2"], m["ap2"], m["zone2"]
    h = int(hour or 0)
    if ap and ap.lower() == "p" and h < 12:
        h += 12
    if ap and ap.lower() == "a" and h == 12:
        h = 0
    clocks = time_zones().get(zone.upper()) if zone else None
    where = tz if clocks is None else clocks
    try:
        when = datetime(year, month, day, h if hour else 0, int(minute or 0), tzinfo=where)
    except ValueError:  # no such day or time: not a dateline
        return None
    labels = english_dateline_labels()
    label = m["label1"] or m["label2"]
    kind = labels.get(" ".join(label.lower().split()), "published") if label else "published"
    opened = next((g for g in ("named", "placed") if m[g] is not None), None)
    start = at + (m.start(opened) if opened else m.start())
    written = zone.upper() if clocks is not None else None
    end = at + (m.start("signed") if m["signed"] else m.end())  # (the writer's name is no date's)
    timed = hour is not None
    return Dateline(kind, when, start, end, bare=label is None, zone=written, timed=timed)


_NAME_COMMA = re.compile(r"^\s*(?P<name>[^,|·\d]{3,60}?)\s*,\s*")
