"""A weekday written beside a date that is not the date's (`facts.weekdays`), and how
`show` names it."""

from __future__ import annotations

import json

import pytest

from newsmoa.facts.weekdays import slip, wrong_weekdays


@pytest.mark.parametrize(
    "words, value, expected",
    [
        ("1.24(화)", "2026-01-24", ("화요일", "토요일")),  # the 24th is a Saturday
        ("오는 3월 5일(수)", "2026-03-05", ("수요일", "목요일")),
        ("24일(토) 오후 2시", "2026-01-24T14:00:00+09:00", None),
        ("3월 5일(목)", "2026-03-05", None),
        ("오는 24일 화요일", "2026-01-24", ("화요일", "토요일")),
        ("지난 20일(화)부터", {"from": "2026-01-20", "to": None}, None),
        ("지난 21일(화)부터", {"from": "2026-01-21", "to": None}, ("화요일", "수요일")),
        ("Wed., March 5", "2024-03-05", ("Wednesday", "Tuesday")),
        ("Tuesday, March 5", "2024-03-05", None),
        ("3월", "2026-03", None),  # no weekday, no one day: nothing to judge
        ("20일(화)~22일(목)", {"from": "2026-01-20", "to": "2026-01-22"}, None),
    ],
)
def test_a_weekday_that_is_not_the_dates_is_a_slip(words, value, expected):
    assert slip(words, value) == expected


_ARTICLE = {"title": "설명회", "published": None, "reporter": None, "reuse": None}


def test_show_names_the_source_that_wrote_the_wrong_weekday():
    """A release's `오는 1.28(화)` (the 28th of January 2026 is a Wednesday) was shown as
    the 28th with nothing said of the slip; a reprint's `28일(수)` is right."""
    from newsmoa.serve.render import story

    release, reprint = "군은 오는 1.28(화) 주민설명회를 연다.", "군은 28일(수) 설명회를 연다."
    doc = {
        "id": "s1",
        "title": "설명회",
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
                "value": "2026-01-28",
                "text": "오는 1.28(화)",
                "sources": [
                    {"article": "r", "start": 3, "end": 13},
                    {"article": "p", "start": 3, "end": 9},
                ],
            }
        ],
    }
    assert [(w.article, w.words, w.actual) for w in wrong_weekdays(doc)] == [
        ("r", "오는 1.28(화)", "수요일")
    ]
    shown = json.loads(story(doc, "json"))
    assert shown["wrong_weekdays"] == [
        {
            "article": "r",
            "start": 3,
            "end": 13,
            "words": "오는 1.28(화)",
            "day": "2026-01-28",
            "written": "화요일",
            "actual": "수요일",
        }
    ]
    assert "2026-01-28 is a 수요일, not a 화요일" in story(doc, "md")
