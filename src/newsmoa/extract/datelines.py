"""Publication times as Korean news pages write them.

    기사입력 : 2015년03월20일 16시34분      승인 2015.03.20 13:21:40
    온라인 기사 2015년03월20일 14시11분     입력 2019-07-31 오전 3:00

`parse_datetime` reads the date-time itself; `find_dateline` reads a whole line that
introduces one with a label from `data/datelines.tsv`; `stamp` (and `stamp_at`) read a
clipping's stamp, a date (and time) alone on a line after its outlet's mark (`[한빛일보]
2024.06.03 11:12`). Times without a zone are read in the outlet's zone (Asia/Seoul by
default).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

from newsmoa.extract.boilerplate import credit_alone
from newsmoa.extract.bylines import Byline, leading_byline, signature
from newsmoa.extract.tables import (
    dateline_labels,
    document_labels,
    issuer_endings,
    outlets,
    time_zones,
)

SEOUL = ZoneInfo("Asia/Seoul")

_DATE = (
    r"(?P<y>(?:19|20)\d\d)\s*(?:년|[./-])\s*(?P<m>\d{1,2})\s*(?:월|[./-])\s*"
    r"(?P<d>\d{1,2})\s*(?:일|\.)?"
)
# 13:21, 13:21:40, ISO 8601's T13:21:40; 16시34분, 16시 34분 40초, and the hour alone: 오후
# 3시, 15시 (which was dropped, and the day's midnight taken; not 3시간, three hours; minutes
# in words need 분: "15시 3명 부상" is no 15:03); the weekday before it, `(월)` or `월요일`
# (a feed's `2024년 6월 3일 월요일 오후 1:20` was read as that day's midnight); the time in
# brackets (`2026/03/14 [17:25]`, as many regional sites' pages write it, was the midnight)
_TIME = (
    r"(?:\s*\(?[월화수목금토일](?:요일)?\)?)?(?:T|\s*)(?P<ob>[\[(])?(?P<ampm>오전|오후|AM|PM|am|pm)?\s*(?P<H>\d{1,2})\s*(?:"
    r":\s*(?P<M>\d{1,2})(?:\s*:\s*(?P<S>\d{1,2}))?"
    r"|시(?!간)(?:\s*(?P<Mk>\d{1,2})\s*분(?:\s*(?P<Sk>\d{1,2})\s*초)?)?"
    r")(?(ob)\s*[\])])"
)
DATETIME_RE = re.compile(_DATE + f"(?:{_TIME})?")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class Dateline:
    kind: str  # "published" | "updated"
    when: datetime
    start: int  # offsets of the date-time within the line
    end: int
    bare: bool = False  # a date on a line of its own, no label (`April 28, 2009`): only a
    # page's head dates it (in the body, such a line is a timeline's)
    # the zone's abbreviation written after its time (`5:02 p.m. CT`), `UTC+09:00` for an ISO
    # time's own offset; None: a time without one, read in the zone the reader was given
    # (the article's, once known: `extract.zones`)
    zone: str | None = None
    timed: bool = True  # a time of day was written; False: the date alone (`입력 2019.07.31`)

    def in_zone(self, tz: tzinfo) -> Dateline:
        """The dateline with its time read in `tz` when it was written without a zone."""
        return self if self.zone else replace(self, when=self.when.replace(tzinfo=tz))


def parse_datetime(text: str, *, tz: ZoneInfo = SEOUL) -> datetime | None:
    """The first date (and time) written in `text`, timezone-aware; None when there is none.
    A time followed by a zone's abbreviation (`2015-03-20 15:21 PDT`: `time_zones.tsv`) is
    read in that zone (it was read in `tz`: a black-box case)."""
    m = DATETIME_RE.search(text)
    if not m:
        return None
    return _from_match(m, _zone(text, m, tz))


def _zone(text: str, m: re.Match[str], tz: tzinfo) -> tzinfo:
    """The zone of the time `m` matched in `text`: an ISO 8601 time's own offset, a zone's
    abbreviation after it (`15:21 PDT`), else `tz`."""
    iso = _iso_offset(text, m)
    if iso is not None:
        return iso
    zone = _ZONE_AFTER.match(text, m.end()) if m["H"] else None
    clocks = time_zones().get(zone["zone"].upper()) if zone else None
    return tz if clocks is None else clocks


_ZONE_AFTER = re.compile(r"\s*\(?(?P<zone>[A-Za-z]{1,4})\b")


def _iso_offset(text: str, m: re.Match[str]) -> tzinfo | None:
    """The offset written after an ISO 8601 time `m` matched in `text` (`…T23:30:00Z`,
    `…T11:12:00+09:00`); None when there is none, or no valid one (`+25:00`)."""
    if not (m["H"] and _ISO_T.search(m.group())):
        return None
    offset = _OFFSET_AFTER.match(text, m.end())
    if offset is None:
        return None
    hours, minutes = int(offset["h"] or 0), int(offset["m"] or 0)
    if hours > 23 or minutes > 59:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if offset["sign"] == "-" else delta)


# an ISO 8601 time (its date and time joined by T) and its fraction and offset after it
# (`2024-06-03T11:12:00.000+09:00`, `…T23:30:00Z`: the offset was dropped and the time read in
# `tz`, a black-box case; `14:00-16:00` after a date written with a space is a time range)
_ISO_T = re.compile(r"\dT\d")
_OFFSET_AFTER = re.compile(r"(?:\.\d+)?(?:Z|(?P<sign>[+-])(?P<h>\d\d):?(?P<m>\d\d))\b")


def _from_match(m: re.Match[str], tz: tzinfo) -> datetime | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    hour = int(m["H"] or 0)
    minute = int(m["M"] or m["Mk"] or 0)
    second = int(m["S"] or m["Sk"] or 0)
    if m["ampm"] in ("오후", "PM", "pm") and hour < 12:
        hour += 12
    if m["ampm"] in ("오전", "AM", "am") and hour == 12:
        hour = 0
    midnight = hour == 24 and not (minute or second)  # 24시: the day's end
    for h, mi, sec in ((0 if midnight else hour, minute, second), (0, 0, 0)):
        try:  # no such time (25시): the day alone, as a date written without one reads
            when = datetime(year, month, day, h, mi, sec, tzinfo=tz)
        except ValueError:
            continue
        return when + timedelta(days=1) if midnight else when
    return None


@cache
def _label_re() -> re.Pattern[str]:
    labels = sorted(dateline_labels(), key=len, reverse=True)
    alt = "|".join(re.escape(label).replace(r"\ ", r"\s*") for label in labels)
    # (a label in brackets, `[승인] 2026.03.14 17:25`, was no label: the page had no time)
    return re.compile(rf"(?P<label>{alt})\s*(?:일시|시간)?\s*[\]】)]?\s*[:：]?\s*(?=(?:19|20)\d\d)")


def find_datelines(line: str, *, tz: ZoneInfo = SEOUL, max_chars: int = 120) -> list[Dateline]:
    """Every labelled date-time on a short line (a page's dateline), in order; [] otherwise."""
    if len(line) > max_chars or not _YEAR_RE.search(line):
        return []  # a label counts only before a year
    labels = dateline_labels()
    found = []
    for lm in _label_re().finditer(line):
        dm = DATETIME_RE.match(line, lm.end())
        if not dm:
            continue
        offset = _iso_offset(line, dm)
        when = _from_match(dm, offset or tz)
        if when is None:
            continue
        label = re.sub(r"\s+", " ", lm["label"])
        kind = labels.get(label) or labels.get(label.replace(" ", ""), "published")
        zone = str(offset) if offset else None  # (`UTC+09:00`)
        timed = dm["H"] is not None
        found.append(Dateline(kind, when, dm.start(), dm.end(), zone=zone, timed=timed))
    return found


# a page's stamp: a date and time alone on a line, maybe after its outlet's or section's
# mark (`[한빛일보] 2024.06.03 11:12`, `한빛일보 | 2024-06-03 11:12`) or its outlet's name
# (`한빛일보 2024-06-03 11:12`) or its name and a comma (`한빛일보, 2019.07.31`, as an English
# masthead stands beside its date: it was the subtitle, the article undated and unnamed);
# after a mark, a time is needed unless the mark names an
# outlet (`정치 | 2024.06.03` may head a list; `[한빛일보] 2024.06.03` is a clipping's stamp);
# a mark's name may hold digits after its first character (`[뉴스1] 2024.06.03 13:20`: it
# was read as the headline and a sentence, and the article had no date: a black-box case)
_MARK_RE = re.compile(
    r"(?:\[(?P<bracketed>[^\[\]\d][^\[\]]{0,19})\]"
    r"|(?P<barred>[^\[\]|·,\d][^\[\]|·,]{0,19}?)\s*(?P<bar>[|·,])"
    r"|(?P<named>[^\s\[\]|·\d][^\s\[\]|·]{1,14})(?=\s))\s*(?=(?:19|20)\d\d)"
)


def stamp_at(line: str) -> int | None:
    """Where the date starts when the (stripped) line is a page's stamp, else None."""
    found = stamp(line)
    return None if found is None else found.at


@dataclass(frozen=True, slots=True)
class Stamp:
    """A page's stamp: where its date starts on the line, and who its mark names."""

    at: int
    outlet: str | None = None
    reporter: str | None = None  # (`[군정신문=한도윤 기자] 2026.03.10`: it was lost)
    place: str | None = None  # the town its mark files from (`[서울=뉴시스] 2024.06.03`)


def stamp(line: str) -> Stamp | None:
    """When the (stripped) line is a page's stamp: where its date starts, and the outlet its
    mark names (`[한빛일보] 2024.06.03 11:12`, `[서울=뉴시스] 2024.06.03`, `한빛일보 | …`): a
    known name of 3+ characters or one by its ending (`outlets.tsv`, `outlet_suffixes.tsv`,
    as an opening marker names one), None when the mark names none (`정치 | 2024.06.03
    11:12`) or there is no mark, and the reporter a bracketed mark names as an opening
    marker does (`[군정신문=한도윤 기자] 2026.03.10`), or a signature before a bar (`청솔일보
    김민지 기자 | 2026.03.11`); None when the line is no stamp."""
    mark = _MARK_RE.match(line)
    at = mark.end() if mark else 0
    dm = DATETIME_RE.fullmatch(line, at) or _dated_weekday(line, at)
    if dm is None:
        return _bracketed(line) or _info_bar(line) or _blog_line(line)
    byline = _mark_byline(mark) if mark else None
    outlet, reporter = (byline.outlet, byline.reporter) if byline else (None, None)
    named = mark and (mark["named"] or mark["bar"] == ",")
    if (
        mark
        and not (outlet or reporter)
        and (named or dm["H"] is None)
        and not (_document(mark) or _issuer_dated(mark, line, dm))
    ):
        return None  # (a name before a space or a comma is a mark only when it names an outlet)
    return Stamp(at, outlet, reporter, byline.place if byline else None)


# a date and time in brackets of their own (`[2026-11-24 15:20]`, `(2026.11.24 15:20)`, as
# some sites print the stamp above the body: it was the subtitle, the article undated)
_OPENS, _CLOSES = "[(【［", "])】］"


def _bracketed(line: str) -> Stamp | None:
    """The stamp a date (and time) wholly in brackets is, else None."""
    if len(line) < 3 or line[0] not in _OPENS or line[-1] not in _CLOSES:
        return None
    inner = line[1:-1].strip()
    if DATETIME_RE.fullmatch(inner) is None:
        return None
    return Stamp(line.index(inner[0]))


# a page's information bar: its date (and time) among its outlet's name and its reporter's
# signature, in any order, apart by bars or spaces, maybe all in brackets (`청솔일보 |
# 2026-11-24 15:20 | 김민지 기자`, `2026.11.24 15:20 | 청솔일보 | 김민지 기자`, `2026-11-24
# 15:20 청솔일보`, `[청솔일보 2026-11-24 15:20]`, `김민지 기자 2026.11.24 15:20`), maybe a
# dateline's label after its time (`… 15:20 송고`): each was the subtitle, the article
# undated, unnamed or unsigned. An outlet named by its ending alone needs the time beside it
# (`2026.11.24 주요뉴스` is no stamp; `2026.11.24 연합뉴스` is)
_BAR = re.compile(r"\s*[|·]\s*")
_SIGN_END = " |·,/-"


def _info_bar(line: str) -> Stamp | None:
    """The stamp a page's information bar is, else None."""
    inner = _unwrapped(line)
    dm = DATETIME_RE.search(inner)
    if dm is None:
        return None
    before = inner[: dm.start()].rstrip(_SIGN_END).rstrip(_OPENS).rstrip(_SIGN_END)
    after = inner[dm.end() :].lstrip(_CLOSES).strip(_SIGN_END)
    table, outlet, reporter, known = outlets(), None, None, False
    for part in (*_BAR.split(before), *_BAR.split(after)):
        part = part.strip(_SIGN_END).strip("()[]")
        if not part or part in dateline_labels():
            continue
        signed = signature(part)
        named = table.canonical(part) if len(part) >= 3 else None
        if not (named or (signed and signed.reporter)):
            if credit_alone(part):  # a photo's credit beside the writer's (`글 김민지 기자 |
                continue  # 사진 박도윤 기자 | …`)
            return None
        known = known or part in table.by_alias or bool(signed and signed.reporter)
        outlet = outlet or named or (signed.outlet if signed else None)
        reporter = reporter or (signed.reporter if signed else None)
    if not (outlet or reporter) or not (known or dm["H"]):
        return None
    return Stamp(line.index(inner) + dm.start(), outlet, reporter)


# a blog post's date line: its date and time (the hour maybe without its zero), then the
# blog's name and category, apart by a slash (`2026. 11. 27. 8:30 솔뫼 이웃 블로그/생활정보`,
# `2015. 3. 20. 16:54전북 소식/완주군 소식`): the post was undated
_BLOG_TAIL = re.compile(r"\s*[^\s/.!?][^/.!?]{0,29}/[^/.!?]{1,30}")


def _blog_line(line: str) -> Stamp | None:
    """The stamp a blog post's date line is, else None."""
    dm = DATETIME_RE.match(line)
    if dm is None or dm["M"] is None or not _BLOG_TAIL.fullmatch(line, dm.end()):
        return None
    return Stamp(0)


def _unwrapped(line: str) -> str:
    """The line without the brackets it is wholly in (`[청솔일보 2026-11-24 15:20]`)."""
    if len(line) > 2 and line[0] in _OPENS and line[-1] in _CLOSES:
        return line[1:-1].strip()
    return line


# a weekday after a date with no time (`2026.11.24.(화)`, `2026. 11. 24.(화)`: a press
# release's own date line under its title, which was no stamp, so its `24일` and `지난 20일`
# stayed unresolved: a black-box case)
_WEEKDAY_TAIL = re.compile(r"\s*\(?[월화수목금토일](?:요일)?\)?")


def _dated_weekday(line: str, at: int) -> re.Match[str] | None:
    """The date a line is from `at` when a weekday alone follows it, else None."""
    dm = DATETIME_RE.match(line, at)
    if dm is None or dm["H"] or not _WEEKDAY_TAIL.fullmatch(line, dm.end()):
        return None
    return dm


# a release's date line with words after its weekday (and time): what the line is, or who
# issued it (`2026. 11. 24.(화) 배포`, `2026.11.24.(화) 보도자료`, `2026. 11. 24.(화) 청솔군
# 농업정책과`: the release was undated, its `24일` unresolved); Hangul words only, and no
# sentence (`2026. 11. 24.(화) 행사를 열었다`)
_DAY_WORD = re.compile(r"\s*(?:\([월화수목금토일]\)|[월화수목금토일]요일)")
_ISSUED_BY = re.compile(r"(?:\s+[가-힣]{1,12}){1,4}\s*")
_SAID = frozenset("다요죠")


def release_day(line: str, *, tz: ZoneInfo = SEOUL) -> Dateline | None:
    """The date (and time) a (stripped) release's date line opens with when words follow its
    weekday: a line above the release's body (`2026. 11. 24.(화) 배포`), else None."""
    dm = DATETIME_RE.match(line)
    if dm is None:
        return None
    if dm["H"]:  # (the weekday before the time: `2026. 11. 24.(화) 14:00 배포`)
        weekday, end = _DAY_WORD.search(line, dm.end("d"), dm.start("H")), dm.end()
    else:
        weekday = _DAY_WORD.match(line, dm.end())
        end = weekday.end() if weekday else 0
    if weekday is None or not _ISSUED_BY.fullmatch(line, end) or line.rstrip()[-1] in _SAID:
        return None
    when = _from_match(dm, tz)
    return None if when is None else Dateline("published", when, 0, end, timed=bool(dm["H"]))


def _issuer_dated(mark: re.Match[str], line: str, dm: re.Match[str]) -> bool:
    """Whether a mark before a date and its weekday alone is an issuing body's name
    (`청솔군 2026.11.24.(화)`, a release's line under its `보도자료`: `issuers.tsv`): the
    release's date line. It was the release's title, and the release had no date."""
    name = mark["named"] or ""
    return (
        dm["H"] is None
        and _WEEKDAY_TAIL.fullmatch(line, dm.end()) is not None
        and re.fullmatch(r"[가-힣]+", name) is not None
        and any(name.endswith(e) and len(name) > len(e) for e in issuer_endings()["body"])
    )


def _document(mark: re.Match[str]) -> bool:
    """Whether a stamp's mark names the kind of document (`보도자료 2026. 11. 24.(화)` atop a
    release, `document_labels.tsv`: it was the release's title, and the release had no
    date)."""
    name = mark["bracketed"] or mark["barred"] or mark["named"] or ""
    return "".join(name.lower().split()) in document_labels()


def _mark_byline(mark: re.Match[str]) -> Byline | None:
    if mark["bracketed"]:  # as an opening marker names one: `[서울=뉴시스]`, `[전주시민일보]`
        return leading_byline(f"[{mark['bracketed']}]")
    name = (mark["barred"] or mark["named"] or "").strip()
    outlet = outlets().canonical(name) if len(name) >= 3 else None
    if outlet is None and mark["barred"] and (signed := signature(name)) and signed.reporter:
        return signed  # (`청솔일보 김민지 기자 | 2026.03.11 16:30`: both were lost)
    return Byline(outlet=outlet) if outlet else None


def published_from_datelines(datelines: list[Dateline]) -> datetime | None:
    """The publication time: the first `published` dateline, else the earliest of any."""
    found = published_dateline(datelines)
    return None if found is None else found.when


def published_dateline(datelines: list[Dateline]) -> Dateline | None:
    """The dateline that gives the publication time (`published_from_datelines`)."""
    for d in datelines:
        if d.kind == "published":
            return d
    return min(datelines, key=lambda d: d.when, default=None)


def written(d: Dateline) -> str:
    """The dateline's time in ISO 8601, without an offset when it was written without a zone
    (a page's `Posted: Jun. 3, 2016 at 10:40 AM` is read in its article's zone, which its
    text says: `extract.zones`; it was given Seoul's offset here); the date alone when it was
    written without a time (it was read as midnight, a time nobody gave)."""
    if not d.timed:
        return d.when.date().isoformat()
    return (d.when if d.zone else d.when.replace(tzinfo=None)).isoformat()
