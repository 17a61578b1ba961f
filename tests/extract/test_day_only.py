"""A publication date the text writes without a time is the day alone (`Article.day_only`),
as a JSONL `published` given as an ISO date is: it was stored and shown as that day's
midnight (`2026-03-13 00:00:00`, `…T00:00:00+09:00` in JSON), a time no outlet wrote. A date
written with its time stays timed. And an outlet named beside the date (`Grand Rapids
Herald, March 12, 2026`; `Kent County News` over `March 13, 2026`) is the article's."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from newsmoa.codec import article_from_json, article_to_json
from newsmoa.extract.article import ExtractConfig, extract
from newsmoa.types import Article, RawItem

SEOUL = ZoneInfo("Asia/Seoul")
DETROIT = ZoneInfo("America/Detroit")

EN_BODY = (
    "The Cedar Springs city council approved a $2.4 million budget for the new public "
    "library on Wednesday, ending a debate of two years over its location.\n\n"
    "Mayor Ann Kowalski said construction would begin in May and end by late 2027.\n"
)
KO_BODY = (
    "청솔군은 19일 군청 대회의실에서 한빛대학교와 청년 창업공간 30곳을 조성하는 "
    "업무협약을 체결했다고 20일 밝혔다.\n\n"
    "협약에 따라 두 기관은 2017년까지 모두 45억원을 들여 창업공간을 마련한다.\n"
)


def _article(text: str) -> Article:
    got = extract(RawItem(origin="a.txt", text=text), config=ExtractConfig())
    assert isinstance(got, Article)
    return got


@pytest.mark.parametrize(
    ("head", "body", "day"),
    [
        ("Library budget approved\n\nMarch 13, 2026\n\n", EN_BODY, datetime(2026, 3, 13)),
        ("청솔군, 창업공간 협약\n\n입력 2019.07.31\n\n", KO_BODY, datetime(2019, 7, 31)),
        ("청솔군, 창업공간 협약\n\n2015.03.20\n\n", KO_BODY, datetime(2015, 3, 20)),
    ],
)
def test_a_date_line_without_a_time_is_the_day_alone(head, body, day):
    a = _article(head + body)
    assert a.day_only
    assert a.published == day.replace(tzinfo=SEOUL)  # (its start: for order and the window)
    out = article_to_json(a)
    assert out["published"] == day.date().isoformat()
    assert out["published_at"] == day.replace(tzinfo=SEOUL).isoformat()
    assert article_from_json(out) == a  # (the store's round trip keeps it a day)


@pytest.mark.parametrize(
    ("head", "body", "when"),
    [
        ("청솔군, 창업공간 협약\n\n기사입력 2015.03.20 13:21\n\n", KO_BODY, (2015, 3, 20, 13, 21)),
        ("청솔군, 창업공간 협약\n\n입력 2015.03.20 00:00\n\n", KO_BODY, (2015, 3, 20, 0, 0)),
        ("Library budget approved\n\nMarch 12, 2026 4:05 p.m.\n\n", EN_BODY, (2026, 3, 12, 16, 5)),
    ],
)
def test_a_date_line_with_a_time_stays_timed(head, body, when):
    """Even midnight, when the page wrote it (`00:00`)."""
    a = _article(head + body)
    assert not a.day_only
    assert a.published == datetime(*when, tzinfo=SEOUL)
    assert article_to_json(a)["published"] == datetime(*when, tzinfo=SEOUL).isoformat()


def test_a_leads_day_under_a_us_place_is_that_day_not_a_seoul_hour():
    """`CEDAR SPRINGS, Mich. — March 12, 2026 —`: the day (it was shown at 13:00, midnight
    in Detroit in Seoul's time); the day began in Detroit, for order and the window."""
    a = _article(
        "Council approves library budget\n\n"
        "CEDAR SPRINGS, Mich. — March 12, 2026 — The Cedar Springs city council approved a "
        "$2.4 million budget for the new public library on Wednesday.\n\n"
        "Mayor Ann Kowalski said construction would start in May and end by late 2027.\n"
    )
    assert a.day_only and a.published == datetime(2026, 3, 12, tzinfo=DETROIT)
    assert article_to_json(a)["published"] == "2026-03-12"


def test_a_drupal_byline_keeps_its_time():
    """`Submitted by jroe on Thu, 03/12/2026 - 16:05`: 16:05 (it kept the day alone, at
    midnight)."""
    a = _article(
        "Library budget approved in Cedar Springs\n\n"
        "Submitted by jroe on Thu, 03/12/2026 - 16:05\n\n" + EN_BODY
    )
    assert not a.day_only and a.published == datetime(2026, 3, 12, 16, 5, tzinfo=SEOUL)


def test_a_blog_bylines_day_is_the_day_alone():
    a = _article("Library budget approved\n\nPosted by Karen on March 9, 2026\n\n" + EN_BODY)
    assert a.day_only and a.published == datetime(2026, 3, 9, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("given", "day_only"),
    [("March 20, 2015", True), ("2015.03.20", True), ("2015-03-20T00:00:00+09:00", False)],
)
def test_a_given_date_in_words_is_the_day_alone_too(given, day_only):
    """A JSONL `published` in words without a time (`March 20, 2015`) is a day, as the ISO
    date is; an ISO midnight with its offset is a time someone gave."""
    got = extract(
        RawItem(origin="a.jsonl", text=EN_BODY, title="Budget", published=given),
        config=ExtractConfig(),
    )
    assert isinstance(got, Article) and got.day_only is day_only
    assert got.published == datetime(2015, 3, 20, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("head", "outlet", "published"),
    [
        (  # a masthead and a comma before the date (it was the subtitle, the article undated)
            "Library budget approved\n\nGrand Rapids Herald, March 12, 2026\n\n",
            "Grand Rapids Herald",
            "2026-03-12",
        ),
        (  # a masthead over the date line (it was the subtitle); `News` beside a date
            "Library budget approved\n\nKent County News\n\nMarch 13, 2026\n\n",
            "Kent County News",
            "2026-03-13",
        ),
        (
            "Library budget approved\n\nKent County News, March 13, 2026\n\n",
            "Kent County News",
            "2026-03-13",
        ),
    ],
)
def test_an_outlet_beside_the_date_names_the_article(head, outlet, published):
    a = _article(head + EN_BODY)
    assert (a.outlet, a.subtitle, article_to_json(a)["published"]) == (outlet, None, published)


def test_a_korean_masthead_over_the_date_line_names_the_article():
    a = _article("청솔군, 창업공간 조성 나선다\n\n한빛일보\n\n입력 2019.07.31\n\n" + KO_BODY)
    assert (a.outlet, a.subtitle) == ("한빛일보", None)
    b = _article("청솔군, 창업공간 조성 나선다\n\n청솔뉴스\n\n입력 2019.07.31 09:30\n\n" + KO_BODY)
    assert (b.outlet, b.subtitle) == ("청솔뉴스", None)


def test_a_korean_masthead_and_a_comma_before_the_date_names_the_article():
    """`한빛일보, 2019.07.31` as `Grand Rapids Herald, March 12, 2026` is read: it was the
    subtitle, the article undated and named by its file."""
    a = _article("청솔군, 창업공간 조성 나선다\n\n한빛일보, 2019.07.31\n\n" + KO_BODY)
    assert (a.outlet, a.subtitle, article_to_json(a)["published"]) == (
        "한빛일보",
        None,
        "2019-07-31",
    )


@pytest.mark.parametrize(
    "line",
    [
        "Springfield, March 12, 2026",  # a place, no masthead
        "Fake News",  # a headline's ending beside no date
    ],
)
def test_what_names_no_outlet_beside_a_date(line):
    a = _article(f"Library budget approved\n\n{line}\n\n" + EN_BODY)
    assert a.outlet is None


def test_a_subtitle_over_the_date_line_stays_a_subtitle():
    a = _article("Library budget approved\n\nWork to begin in May\n\nMarch 13, 2026\n\n" + EN_BODY)
    assert (a.outlet, a.subtitle) == (None, "Work to begin in May")


@pytest.mark.parametrize("label", ["Local News", "World News", "지역뉴스"])
def test_a_sections_label_over_the_date_line_names_no_outlet(label):
    """`Local News` over `March 13, 2026` is the page's section, not its masthead (a masthead
    ending in `News` names one only beside a date; it was the outlet `Local News`)."""
    a = _article(f"Library budget approved\n\n{label}\n\nMarch 13, 2026\n\n" + EN_BODY)
    assert a.outlet is None
