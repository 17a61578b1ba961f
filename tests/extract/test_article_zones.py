"""The zone an article's times without one are read in (`extract.zones`): where its text
says it is from, else the user's setting; a Korean text's, Seoul's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from newsmoa.extract.article import ExtractConfig, extract
from newsmoa.extract.zones import place_zone
from newsmoa.types import Article, RawItem

CHICAGO = ZoneInfo("America/Chicago")
SEOUL = ZoneInfo("Asia/Seoul")

US_REPORT = (
    "City Council Approves Water Plant Deal\n\n"
    "By Dana Whitfield, Springfield Ledger Staff\n"
    "Posted March 5, 2024 at 11:42 pm\n\n"
    "SPRINGFIELD, Ill. — The city council voted 8-2 on Tuesday night to approve a $12.5 "
    "million agreement with the county to upgrade the water treatment plant.\n\n"
    "Mayor Ellen Porter said the county will pay 40 percent of the cost.\n"
)


def _article(text: str, **kw: object) -> Article:
    config = kw.pop("config", ExtractConfig())
    got = extract(RawItem(origin="a.txt", text=text, **kw), config=config)  # type: ignore[arg-type]
    assert isinstance(got, Article)
    return got


def test_a_us_report_is_read_where_its_dateline_is():
    """`Posted March 5, 2024 at 11:42 pm` under `SPRINGFIELD, Ill. —` is 11:42 pm in
    Illinois (it was read in Seoul: 14:42 UTC, the 5th where Springfield's day was still the
    5th, and the story listed hours before reports written earlier)."""
    a = _article(US_REPORT)
    assert a.published == datetime(2024, 3, 5, 23, 42, tzinfo=CHICAGO)
    assert a.published is not None and a.published.utcoffset() == timedelta(hours=-6)


def test_a_london_dateline_line_dates_the_article_in_londons_time():
    """`LONDON — 5 March 2024 23:40` on a line of its own: the article's time, in London's
    zone, and not a line of its text (the article was undated)."""
    a = _article(
        "Council agrees flood defence funding\n\nLONDON — 5 March 2024 23:40\n\n"
        "The authority agreed on Tuesday to spend £40 million on flood defences, the deputy "
        "mayor said.\n"
    )
    assert a.published == datetime(2024, 3, 5, 23, 40, tzinfo=ZoneInfo("Europe/London"))
    assert a.text.startswith("The authority agreed")


@pytest.mark.parametrize(
    ("line", "zone"),
    [
        ("SPRINGFIELD, Ill. — The council voted.", "America/Chicago"),
        ("DALLAS (AP) — Police said on Monday.", "America/Chicago"),
        ("SEASIDE, Oregon (Reuters) - A storm hit.", "America/Los_Angeles"),
        ("WASHINGTON (Reuters) - The president said.", "America/New_York"),
        ("SPOKANE, Wash. (AP) — A fire burned.", "America/Los_Angeles"),
        ("ST. LOUIS (AP) — A judge ruled.", "America/Chicago"),
        ("KYIV, Ukraine (AP) — Drones struck.", "Europe/Kyiv"),
        ("LONDON — 5 March 2024 23:40", "Europe/London"),
    ],
)
def test_the_zone_of_a_datelines_place(line, zone):
    assert place_zone(line) == ZoneInfo(zone)


@pytest.mark.parametrize(
    "line",
    [
        "NATO-Russia talks stall",
        "SMALLVILLE, Kan.x — A storm.",
        "The council voted.",
        # the country or the state: no zone (it was New York's for Tbilisi)
        "TBILISI, Georgia (Reuters) - The government said.",
    ],
)
def test_no_zone_where_no_known_place_opens_the_line(line):
    assert place_zone(line) is None


def test_a_zone_word_names_the_writers_clock_for_the_articles_other_times():
    """`Updated 6:15 p.m. CT` in July is Chicago's summer time (CT was read as UTC-6 the year
    round), and `Posted July 5, 2024 at 5:02 pm` beside it is Chicago's too."""
    a = _article(
        "Storm knocks out power\n\nPosted July 5, 2024 at 5:02 pm\n"
        "Updated 6:15 p.m. CT, July 5, 2024\n\n"
        "Thousands of homes lost power on Friday after a storm, the utility said.\n"
    )
    assert a.published == datetime(2024, 7, 5, 17, 2, tzinfo=CHICAGO)
    assert a.published is not None and a.published.utcoffset() == timedelta(hours=-5)


def test_an_english_text_that_says_nothing_of_where_takes_the_setting():
    text = (
        "Storm knocks out power\n\nPosted July 5, 2024 at 5:02 pm\n\n"
        "Thousands of homes lost power on Friday after a storm, the utility said.\n"
    )
    assert _article(text).published == datetime(2024, 7, 5, 17, 2, tzinfo=SEOUL)  # the default
    new_york = ExtractConfig(tz="America/New_York")
    assert _article(text, config=new_york).published == datetime(
        2024, 7, 5, 17, 2, tzinfo=ZoneInfo("America/New_York")
    )


def test_a_korean_text_stays_in_seouls_time_whatever_the_setting():
    text = (
        "완주군, 상하수도 개선 협약 체결\n\n입력 2024.03.05 23:40\n\n"
        "[완주=한빛일보] 김민수 기자 = 완주군과 전주시가 5일 상하수도 시설 개선을 위한 "
        "업무협약을 체결했다.\n"
    )
    for config in (ExtractConfig(), ExtractConfig(tz="America/Chicago")):
        assert _article(text, config=config).published == datetime(2024, 3, 5, 23, 40, tzinfo=SEOUL)


def test_a_given_time_in_another_offset_is_kept_as_the_instant_in_the_articles_zone():
    """A feed's `Wed, 06 Mar 2024 05:42:00 GMT` for a Springfield report: the same instant,
    with Illinois's offset, which says the article's day (the 5th, not the 6th)."""
    a = _article(US_REPORT, published="Wed, 06 Mar 2024 05:42:00 GMT")
    assert a.published == datetime(2024, 3, 6, 5, 42, tzinfo=UTC)
    assert a.published is not None and a.published.isoformat() == "2024-03-05T23:42:00-06:00"
