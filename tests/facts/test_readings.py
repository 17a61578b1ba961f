"""Figures read at a time (`newsmoa.facts.readings`): which figures a reading's time is for."""

from __future__ import annotations

from datetime import datetime

import pytest
from facts_samples import KST, Story, make_article

ON = datetime(2019, 8, 26, 9, tzinfo=KST)


def figures(text: str) -> list[tuple[str, str | None]]:
    story = Story([make_article("a", text, ON)])
    return [(f.text, f.about) for f in story.facts["a"] if f.type == "quantity"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day a figure is compared with, or the same day, or one of a clause before it, is
        # not the figure's: the reading's time stays (a review: all four lost it)
        ("이달 25일 기준 수출은 전년 대비 2.8% 늘었다.", [("2.8%", "as of 2019-08-25")]),
        (
            "25일 현재 확진자는 100명, 이날 하루 20명이 늘었다.",
            [("100명", "as of 2019-08-25"), ("20명", "as of 2019-08-25")],
        ),
        (
            "25일 오후 4시 현재 확진자는 25일 0시보다 20명 늘어난 100명이다.",
            [("20명", "as of 2019-08-25 16:00"), ("100명", "as of 2019-08-25 16:00")],
        ),
        (
            "25일 오후 4시 현재 20일 시작된 청원에 35만 명이 동의했다.",
            [("35만 명", "동의 as of 2019-08-25 16:00")],
        ),
        # a figure another date governs is that date's (a judgement on real texts); the
        # 29th, in an article of 26 August, of a balance that fell (줄었다): July's
        (
            "대출 잔액은 29일 현재 60조원으로 지난해 말 64조원에서 줄었다.",
            [("60조원", "as of 2019-07-29"), ("64조원", None)],
        ),
        (
            "점유율은 7월 말 기준 53.6%로 (2012년 52.61%)에 근접했다.",
            [("53.6%", "근접 as of 7월 말"), ("52.61%", "근접")],
        ),
    ],
)
def test_a_readings_time_is_for_the_figures_no_other_date_governs(text, expected):
    assert figures(text) == expected
