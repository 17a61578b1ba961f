"""Words of change near a title (`title_changes.tsv`): an acting head is no rival title."""

from __future__ import annotations

import pytest
from facts_samples import Story, make_article


def story(*texts: str) -> Story:
    return Story([make_article(f"a{n}", t) for n, t in enumerate(texts)])


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "임실군은 한동수 부군수가 다음 달 1일부터 군수 권한대행을 맡는다고 20일 밝혔다.",
            "임실군은 한동수 군수 권한대행이 20일 간부회의를 주재했다고 밝혔다.",
        ),
        (
            "한국전력은 김동철 부사장이 20일 사장 직무대행을 맡았다고 밝혔다.",
            "한국전력은 김동철 사장 직무대행이 20일 회의를 주재했다고 밝혔다.",
        ),
        (
            "한국전력은 20일 김동철 부사장을 사장으로 승진시켰다.",
            "한국전력은 20일 김동철 사장을 승진시켰다.",
        ),
    ],
    ids=["acting county head", "acting president", "promotion"],
)
def test_an_acting_head_or_a_promotion_is_no_title_disagreement(one, other):
    """A black-box case: 부군수 against 군수 권한대행 (one person, the deputy acting as
    head) was reported as outlets disagreeing on his title; the table's rows 직무대행,
    권한대행 and 승진 had been run together into one word that matched nothing."""
    assert story(one, other).disagreements() == ()
