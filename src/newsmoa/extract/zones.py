"""The time zone an article's times written without one are read in.

    SPRINGFIELD, Ill. — The council voted …           America/Chicago (its dateline's state)
    DALLAS (AP) — Police said …                        America/Chicago (a city AP names alone)
    LONDON — 5 March 2024 23:40                         Europe/London
    Updated 5:02 p.m. CT, March 5, 2024                 America/Chicago (the zone its clock names)
    [완주=한빛일보] 김민수 기자 = …                      Asia/Seoul (a Korean text)

A Korean text is read in `korean` (Asia/Seoul): its outlets write Seoul's times. Any other
text says where it is from in its head: a zone's abbreviation after a dateline's time that
names a region's clocks (`CST`, `ET`, `BST`: `time_zones.tsv`), which is the writer's clock,
else the place of its wire lead or dateline (`SPRINGFIELD, Ill.`, `KYIV, Ukraine`, `DALLAS`,
`LONDON`: `places_en.tsv`); a text that says neither is read in `default` (the user's
setting, `NEWSMOA_TZ`). Before, every time without a zone was read in Asia/Seoul: a US
report posted at 11:42 pm on the 5th was stored as 14:42 UTC, and its `yesterday` counted
from the 6th (a black-box case).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from newsmoa.extract.bylines import WIRE_LEAD_RE
from newsmoa.extract.lines import Kind, Line
from newsmoa.extract.tables import place_zones, zone_regions
from newsmoa.text.script import english

HEAD_PARAGRAPHS = 2  # a wire lead opens the body: its first paragraphs only


def article_zone(lines: Sequence[Line], *, default: ZoneInfo, korean: ZoneInfo) -> Found:
    """The zone of the article in `lines`, and whether its text stated it (module docstring)."""
    text = "\n".join(line.text for line in lines)
    if not english(text):
        return Found(korean, stated=False)
    head = _head(lines)
    for line in head:  # the writer's clock: `5:02 p.m. CT`
        for d in line.datelines:
            region = zone_regions().get(d.zone) if d.zone else None
            if region is not None:
                return Found(region, stated=True)
    for line in head:
        zone = place_zone(line.text)
        if zone is not None:
            return Found(zone, stated=True)
    return Found(default, stated=False)


@dataclass(frozen=True, slots=True)
class Found:
    zone: ZoneInfo
    stated: bool  # whether the article's text stated it (a place, a zone's name)


def _head(lines: Sequence[Line]) -> list[Line]:
    """The lines down to the article's first paragraphs: where its datelines and its wire
    lead stand."""
    head, paragraphs = [], 0
    for line in lines:
        head.append(line)
        if line.kind is Kind.BODY or (line.byline and line.byline.rest.strip()):
            paragraphs += 1
            if paragraphs >= HEAD_PARAGRAPHS:
                break
    return head


def place_zone(line: str) -> ZoneInfo | None:
    """The zone of the place a line opening with a wire lead or dateline names (`SPRINGFIELD,
    Ill. —`, `SEASIDE, Oregon (Reuters) -`, `DALLAS (AP) —`, `LONDON — 5 March 2024`): its
    state or country after the comma, else the city alone; None when the table knows neither."""
    m = WIRE_LEAD_RE.match(line)
    if m is None:
        return None
    places = place_zones()
    if m["region"] and (zone := places["after"].get(_name(m["region"]))):
        return zone
    return places["alone"].get(_name(m["place"]))


def _name(written: str) -> str:
    return " ".join(written.split()).lower()
