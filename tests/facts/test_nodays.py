"""A date naming a day its month has not (`facts.nodays`), and how `show` names it."""

from __future__ import annotations

import json

import pytest

from newsmoa.facts.calendar import missing_day
from newsmoa.facts.nodays import no_such_days


@pytest.mark.parametrize(
    "words, expected",
    [
        ("오는 11월 31일", (None, 11, 31, 30)),
        ("2.30(화)", (None, 2, 30, 29)),
        ("2027년 2월 29일", (2027, 2, 29, 28)),
        ("2월 29일", None),  # (no year: a leap year's day)
        ("11월 30일", None),
        ("31일", None),  # (no month: nothing to judge)
        ("Nov. 31", (None, 11, 31, 30)),
        ("February 29, 2027", (2027, 2, 29, 28)),
        ("Feb. 29", None),
        ("Sept. 30", None),
    ],
)
def test_a_day_its_month_has_not(words, expected):
    assert missing_day(words) == expected


_ARTICLE = {"title": "박람회", "published": None, "reporter": None, "reuse": None}


def test_show_names_every_source_of_a_day_no_month_has():
    """A release's `오는 11월 31일`, copied by every outlet, disputed nothing and the facts
    table showed `—` without a word (a black-box case): each source is listed, as a wrong
    weekday is; a date with a value is none."""
    from newsmoa.serve.render import story

    release, reprint = "군은 오는 11월 31일 박람회를 연다.", "군은 11월 31일 박람회를 연다."
    doc = {
        "id": "s1",
        "title": "박람회",
        "first_published": None,
        "article_count": 2,
        "articles": [
            {**_ARTICLE, "id": "r", "outlet": "청솔군", "text": release, "is_release": True},
            {**_ARTICLE, "id": "p", "outlet": "전북일보", "text": reprint},
        ],
        "sentences": [],
        "facts": [
            {
                "type": "date",
                "value": None,
                "text": "오는 11월 31일",
                "sources": [
                    {"article": "r", "start": 3, "end": 13},
                    {"article": "p", "start": 3, "end": 10},
                ],
            },
            {
                "type": "date",
                "value": "2026-11-30",
                "text": "11월 30일",
                "sources": [{"article": "p", "start": 3, "end": 10}],
            },
        ],
    }
    assert [(d.article, d.words, d.last) for d in no_such_days(doc)] == [
        ("r", "오는 11월 31일", 30),
        ("p", "11월 31일", 30),
    ]
    shown = json.loads(story(doc, "json"))
    assert shown["no_such_days"][0] == {
        "article": "r",
        "start": 3,
        "end": 13,
        "words": "오는 11월 31일",
        "month": 11,
        "day": 31,
        "last": 30,
    }
    assert "전북일보: month 11 has 30 days, not 31" in story(doc, "md")
    assert "NO SUCH DAY" in story(doc, "table")
    doc["facts"] = doc["facts"][1:]
    assert "no_such_days" not in json.loads(story(doc, "json"))


def test_an_english_day_no_month_has_is_a_date_without_a_value():
    """`on Nov. 31` gave no fact at all, so nothing listed or disputed it: it is kept as a
    date without a value (its words), and stands against the day other outlets write."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from facts_samples import Story, make_article

    said = "The county will hold a job fair on {} at the county gym, officials said Tuesday."
    told = Story(
        [make_article(f"a{n}", said.format(d)) for n, d in enumerate(("Nov. 31", "Dec. 1"))]
    )
    assert [(f.value, f.text) for f in told.facts["a0"] if f.type == "date"][0] == (None, "Nov. 31")
    (d,) = told.disagreements()
    assert [str(v.value) for v in d.values] == ["2015-12-01", "Nov. 31 (no such day)"]
