"""English datelines: a line of its own that is wholly a date (and time)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from newsmoa.extract.article import extract
from newsmoa.extract.datelines import SEOUL
from newsmoa.extract.datelines_en import english_dateline
from newsmoa.types import Article, RawItem

EST = timezone(timedelta(hours=-5))
EDT = timezone(timedelta(hours=-4))
PST = timezone(timedelta(hours=-8))


@pytest.mark.parametrize(
    ("line", "kind", "when"),
    [
        ("April 28, 2009", "published", datetime(2009, 4, 28, tzinfo=SEOUL)),
        ("April 28 , 2009", "published", datetime(2009, 4, 28, tzinfo=SEOUL)),  # tokenised
        ("Thursday, December 11, 2008", "published", datetime(2008, 12, 11, tzinfo=SEOUL)),
        ("DECEMBER 16, 2008", "published", datetime(2008, 12, 16, tzinfo=SEOUL)),
        ("September 18th, 2013, 05:31 GMT", "published", datetime(2013, 9, 18, 5, 31, tzinfo=UTC)),
        (
            "18 September 2013 Last updated at 13:59 GMT",
            "updated",
            datetime(2013, 9, 18, 13, 59, tzinfo=UTC),
        ),
        (
            "updated 8:41 p.m. EST, Tue March 3, 2009",
            "updated",
            datetime(2009, 3, 3, 20, 41, tzinfo=EST),
        ),
        (
            "Posted: Mar. 20, 2015 at 3:21 PM",
            "published",
            datetime(2015, 3, 20, 15, 21, tzinfo=SEOUL),
        ),
        (
            "Published 10:21 a.m. ET March 20, 2015",
            "published",
            datetime(2015, 3, 20, 10, 21, tzinfo=EDT),  # ET names New York's clocks: summer time
        ),
        ("Mar 20, 2015 | 12:05 AM", "published", datetime(2015, 3, 20, 0, 5, tzinfo=SEOUL)),
        (  # a TV station's page: a slash before the time (it was no dateline: undated)
            "Posted: Mar 8, 2025 / 06:12 PM PST",
            "published",
            datetime(2025, 3, 8, 18, 12, tzinfo=PST),
        ),
        ("Updated: Mar 9, 2025 / 09:30 AM PST", "updated", datetime(2025, 3, 9, 9, 30, tzinfo=PST)),
        # a Drupal site's date in figures, month first (day first when it cannot be a month),
        # and a date with its writer after a bar (none was a dateline: undated)
        ("Thu, 03/12/2026 - 16:05", "published", datetime(2026, 3, 12, 16, 5, tzinfo=SEOUL)),
        ("13/03/2026", "published", datetime(2026, 3, 13, tzinfo=SEOUL)),
        ("March 12, 2026 | Jane Roe", "published", datetime(2026, 3, 12, tzinfo=SEOUL)),
    ],
)
def test_english_date_lines(line, kind, when):
    d = english_dateline(line)
    assert d is not None and (d.kind, d.when) == (kind, when)
    assert d.when.utcoffset() == when.utcoffset()


@pytest.mark.parametrize(
    "line",
    [
        "APR 28",  # no year
        "The storm hit on March 20, 2015.",  # a sentence naming a date
        "Obama March 3, 2009",
        "May 2015 budget",
        "27 / 09 / 2013 - Turkmenistan to hold first-ever parliamentary elections",
        "February 30, 2015",  # no such day
        "13/13/2026",
        "March 12, 2026 | the county said",  # after the bar, no name
        "Storm kills 12",
    ],
)
def test_lines_that_are_not_english_datelines(line):
    assert english_dateline(line) is None


def test_an_english_date_line_is_the_publication_time_not_the_headline():
    """`April 28, 2009` above or under the headline: the article's publication time (it was
    read as the headline when first, as the subtitle when second, and the article had no
    time, so its window and its dates went unresolved)."""
    body = (
        "WASHINGTON (Reuters) - President Barack Obama on Tuesday reversed a rule on "
        "endangered species. The rule had been issued in December."
    )
    for text in (
        f"April 28, 2009\n\nObama reverses Bush rule on species\n\n{body}",
        f"Obama reverses Bush rule on species\n\nApril 28, 2009\n\n{body}",
    ):
        a = extract(RawItem(origin="a.txt", text=text))
        assert isinstance(a, Article)
        assert a.title == "Obama reverses Bush rule on species"
        assert a.subtitle is None
        # (its day where it is written from: WASHINGTON's, `extract.zones`)
        assert a.published == datetime(2009, 4, 28, tzinfo=ZoneInfo("America/New_York"))
        assert a.text.startswith("President Barack Obama") and a.outlet == "Reuters"


def test_english_articles_pasted_one_after_another_are_split_at_their_date_lines():
    from newsmoa.ingest.paste import split_pasted

    one = (
        "Storm kills 12 in coastal towns\n\nMarch 20, 2015\n\n"
        "SEASIDE, Oregon (Reuters) - A storm killed 12 people on Thursday, officials said.\n"
    )
    two = (
        "Deadly storm hits Oregon coast\n\nMarch 20, 2015\n\n"
        "CANNON BEACH, Ore. (AP) - A storm killed 14 people along the coast, officials said.\n"
    )
    parts = split_pasted(one + "\n" + two)
    assert [p.strip().split("\n")[0] for p in parts] == [
        "Storm kills 12 in coastal towns",
        "Deadly storm hits Oregon coast",
    ]


def test_a_date_line_in_the_body_is_a_timelines_not_the_articles():
    """`December 11, 2008` between paragraphs: a timeline's line, kept in the body; only the
    head's date line dates the article, and the paste splitter does not cut there (both were
    taken as the publication time and dropped from the text: a review)."""
    from newsmoa.ingest.paste import split_pasted

    text = (
        "Obama reverses Bush rule\n\nApril 28, 2009\n\n"
        "WASHINGTON (Reuters) - President Obama reversed the rule. It had been issued late.\n\n"
        "December 11, 2008\n\nThe Bush administration issued the rule.\n"
    )
    a = extract(RawItem(origin="a.txt", text=text))
    assert isinstance(a, Article)
    assert a.published == datetime(2009, 4, 28, tzinfo=ZoneInfo("America/New_York"))
    assert "December 11, 2008" in a.text
    assert split_pasted(text) == [text]


def test_an_english_time_given_in_a_field_or_on_a_pages_line():
    """`"published": "March 20, 2015"` in a JSONL line, and `Posted: Jun. 3, 2016 at 10:40 AM`
    on a page's info line: read (the first was refused as no date, the second left the page
    at trafilatura's day: a black-box case)."""
    from newsmoa.extract.article import published_time

    assert published_time("March 20, 2015") == datetime(2015, 3, 20, tzinfo=SEOUL)
    assert published_time("Updated 8:41 p.m. EST, Tue March 3, 2009") == datetime(
        2009, 3, 3, 20, 41, tzinfo=EST
    )
    body = (
        "<p>PORTLAND, Ore. - A fire destroyed a warehouse on Friday, officials said. No one "
        "was hurt.</p><p>The cause is under investigation, the fire bureau said on Friday.</p>"
    )
    page = (
        "<html><head><title>Warehouse fire</title></head><body><h1>Warehouse fire</h1>"
        f"<div class='dateline'>Posted: Jun. 3, 2016 at 10:40 AM</div>{body}</body></html>"
    )
    a = extract(RawItem(origin="page.html", html=page))
    oregon = ZoneInfo("America/Los_Angeles")  # (`PORTLAND, Ore.`: `extract.zones`)
    assert isinstance(a, Article) and a.published == datetime(2016, 6, 3, 10, 40, tzinfo=oregon)


def test_a_timeline_neither_dates_an_article_nor_cuts_a_paste():
    """A timeline after a list's heading (`The town's drills so far:`), entries of a date and
    a short line, or after the report's first paragraph of an undated article: the article
    keeps its lines and is not dated by them, and a paste is not cut there (black-box
    cases)."""
    from newsmoa.ingest.paste import split_pasted

    lead = (
        "SEASIDE, Oregon (Reuters) - About 4,000 residents walked to high ground on Friday in "
        "a drill, officials said.\n\n"
    )
    listed = (
        "Tsunami drill empties Oregon beach town\nMarch 20, 2015\n\n" + lead
        + "The town's drills so far:\n\nMarch 20, 2013\nA first drill drew 900 people.\n\n"
        "March 20, 2014\nFirst drill, 900 people\n\nThe governor praised the turnout.\n"
    )  # fmt: skip
    assert split_pasted(listed) == [listed]
    a = extract(RawItem(origin="a.txt", text=listed))
    oregon = ZoneInfo("America/Los_Angeles")  # (`SEASIDE, Oregon`: `extract.zones`)
    assert isinstance(a, Article) and a.published == datetime(2015, 3, 20, tzinfo=oregon)
    assert "March 20, 2013" in a.text and "March 20, 2014" in a.text
    undated = (
        "Tsunami drill empties Oregon beach town\n\n" + lead + "March 20, 2013\nA first drill.\n"
    )
    b = extract(RawItem(origin="b.txt", text=undated))
    assert isinstance(b, Article) and b.published is None and "March 20, 2013" in b.text


@pytest.mark.parametrize(
    ("head", "reporter", "when"),
    [
        ("March 12, 2026 | Jane Roe", "Jane Roe", datetime(2026, 3, 12, tzinfo=SEOUL)),
        ("March 12, 2026 | By Jane Roe", "Jane Roe", datetime(2026, 3, 12, tzinfo=SEOUL)),
        (  # a Drupal site's: its account names no one; its time is kept (it was midnight)
            "Submitted by jroe on Thu, 03/12/2026 - 16:05",
            None,
            datetime(2026, 3, 12, 16, 5, tzinfo=SEOUL),
        ),
        (
            "Submitted by Jane Roe on March 12, 2026",
            "Jane Roe",
            datetime(2026, 3, 12, tzinfo=SEOUL),
        ),
    ],
)
def test_an_english_heads_date_and_writer_date_and_sign_the_article(head, reporter, when):
    body = (
        "The county signed an agreement with Hanbit College on Tuesday to build 30 spaces.\n"
        "Officials said each tenant will receive up to $40,000 in support.\n"
    )
    a = extract(RawItem(origin="x.txt", text=f"Cedar Springs signs startup deal\n{head}\n\n{body}"))
    assert isinstance(a, Article)
    assert (a.reporter, a.published, a.subtitle) == (reporter, when, None)
    assert a.text == body.strip()


@pytest.mark.parametrize(
    "line",
    [
        "Published 5:12 p.m. CT Nov. 24, 2026 | Updated 6:01 p.m. CT Nov. 25, 2026",
        "Published 5:12 p.m. CT Nov. 24, 2026 Updated 6:01 p.m. CT Nov. 25, 2026",
        "Updated 6:01 p.m. CT Nov. 25, 2026 | Published 5:12 p.m. CT Nov. 24, 2026",
    ],
)
def test_a_line_of_a_published_and_an_updated_time_states_the_published_one(line):
    """Gannett's papers write both times on one line: it dated nothing and stayed in the
    text as the article's first sentence."""
    found = english_dateline(line)
    assert found is not None and found.kind == "published" and found.zone == "CT"
    assert found.when == datetime(2026, 11, 24, 17, 12, tzinfo=ZoneInfo("America/Chicago"))
    body = "The county board voted 21-8 on Tuesday to approve the plant. Work begins in March."
    art = extract(RawItem(origin="a", text=f"Board backs plant\n\n{line}\n\n{body}\n"))
    assert isinstance(art, Article) and art.text == body
    assert art.published == datetime(2026, 11, 24, 23, 12, tzinfo=UTC)
