"""A text that is another's opening cut down (`text.teasers`)."""

from __future__ import annotations

import pytest

from newsmoa.text.teasers import is_teaser_of, without_mark

WHOLE = (
    "청솔군은 24일 군청 소회의실에서 한빛농업기술원과 스마트팜 혁신단지 조성을 위한 업무협약을 "
    "체결했다고 밝혔다. 양 기관은 2027년까지 총사업비 120억원을 들여 스마트팜 단지를 조성한다. "
    "김도운 청솔군수는 “청년 농업인이 돌아오는 농촌을 만들겠다”고 말했다."
)


@pytest.mark.parametrize(
    "text",
    [
        WHOLE[:70] + "…",
        WHOLE[:70] + " ...",
        WHOLE[:70] + " [더보기]",
        WHOLE[:70],  # cut in the middle of a sentence, no mark
        "청솔군은 24일 군청 소회의실에서\n한빛농업기술원과 스마트팜 혁신단지 조성을 위한 업무협약을 …",
    ],
)
def test_an_opening_cut_down_is_a_teaser(text):
    assert is_teaser_of(text, WHOLE)


@pytest.mark.parametrize(
    "text",
    [
        WHOLE.rsplit(" 김도운", 1)[0],  # the last sentence taken out: a version, ends a sentence
        WHOLE,  # the same text
        WHOLE[:30] + "…",  # too short to say
        "청솔군은 25일 군청 소회의실에서 한빛농업기술원과 스마트팜 혁신단지 조성을 위한 …",  # edited
        WHOLE + " 추가 문장입니다.",  # longer
    ],
)
def test_a_version_is_no_teaser(text):
    assert not is_teaser_of(text, WHOLE)


def test_the_mark_is_taken_off_whatever_its_case():
    assert without_mark("The county said ... Read More") == ("The county said ...", True)
    assert without_mark("No mark here.") == ("No mark here.", False)
