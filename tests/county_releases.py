"""A county press office's day: two releases written from one template, and their
reprints under headlines of the outlets' own (tests of releases as anchors)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from newsmoa.types import Article


def _template(facility: str, place: str, cost: int, floors: int, for_what: str) -> list[str]:
    """One release as a county writes every groundbreaking's."""
    return [
        f"군은 28일 {place}에서 {facility} 착공식을 열었다고 밝혔다.",
        f"{facility}은 지하 1층, 지상 {floors}층 규모로 내년 가을 문을 연다.",
        f"사업비는 {cost}억 원이며 국비 {cost // 3}억 원이 들어간다.",
        f'군수는 "주민 누구나 {for_what}을 가까이 하는 군을 만들겠다"고 말했다.',
        "착공식에는 주민과 기관장 등 200여 명이 참석했다.",
        f"군은 {facility}에 어린이 시설과 카페를 둘 계획이다.",
    ]


RELEASES = {
    "lib": (_template("새 도서관", "중앙공원 옆", 120, 3, "책"), "도서관"),
    "gym": (_template("새 체육관", "종합운동장 옆", 90, 2, "운동"), "체육관"),
}
HEADLINES = [
    "새 {} 착공",
    "군, {} 짓는다",
    "{} 착공식 열려",
    "군 {} 공사 시작",
    "{} 첫 삽",
    "{} 착공",
]
START = datetime(2024, 5, 28, 9, tzinfo=UTC)


def county_day(rng: random.Random, marked: bool = True) -> tuple[list[Article], list[Article]]:
    """(the two releases, six reprints of each): a reprint keeps the first two sentences and
    three of the other four, under an outlet's own headline."""
    releases, reprints = [], []
    for kind, (sentences, word) in RELEASES.items():
        releases.append(
            Article(
                f"{kind}-release",
                " ".join(sentences),
                HEADLINES[0].format(word),
                None,
                START,
                is_release=marked,
            )  # fmt: skip
        )
        for i, headline in enumerate(HEADLINES):
            body = " ".join(sentences[:2] + rng.sample(sentences[2:], 3))
            when = START + timedelta(minutes=20 * i + 7)
            reprints.append(Article(f"{kind}-{i}", body, headline.format(word), f"신문{i}", when))
    return releases, reprints
