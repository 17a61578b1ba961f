"""Clauses and the happening each one reports: a fact belongs to its own clause."""

from __future__ import annotations

import re

import pytest

from newsmoa.facts.clauses import analyse


def labelled(text: str) -> list[tuple[str | None, str]]:
    return [(c.label, text[c.start : c.end].strip(" ,")) for c in analyse(text).clauses]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "지난 19일 서울시청 정책 벤치마킹에 나선 박성일 완주군수와 직원들은 20일 "
            "희망제작소 이원재 소장과 연구원 등 50명이 참여한 가운데 2단계 업무협약을 맺고 "
            "협력을 늘려나가기로 했다.",
            [
                ("visit", "지난 19일 서울시청 정책 벤치마킹에 나선"),
                (
                    "signing",
                    "박성일 완주군수와 직원들은 20일 희망제작소 이원재 소장과 연구원 등 50명이 "
                    "참여한 가운데 2단계 업무협약을 맺고",
                ),
                ("협력", "협력을 늘려나가기로 했다."),
            ],
        ),
        (
            "완주군은 19일 희망제작소와 협약을 체결했다고 20일 밝혔다.",
            [
                ("signing", "완주군은 19일 희망제작소와 협약을 체결했다고"),
                ("announcement", "20일 밝혔다."),
            ],
        ),
        (
            "완주군과 희망제작소는 2008년부터 지속적으로 업무협약을 체결한 뒤 "
            "공무원 5명을 파견했다.",
            [
                (
                    "earlier signing",
                    "완주군과 희망제작소는 2008년부터 지속적으로 업무협약을 체결한",
                ),
                ("dispatch", "뒤 공무원 5명을 파견했다."),
            ],
        ),
        (
            "시는 19일 열린 협약식에서 협력을 다짐했다.",
            [("signing", "시는 19일 열린"), ("signing", "협약식에서 협력을 다짐했다.")],
        ),
        (
            "전주시와 전북대는 오는 25일 양해각서(MOU)를 체결한다.",
            [("signing", "전주시와 전북대는 오는 25일 양해각서(MOU)를 체결한다.")],
        ),
        # a groundbreaking said as "첫 삽을 떴다" is the ceremony the release calls 착공식
        (
            "보성군은 21일 복합문화센터 첫 삽을 떴다.",
            [("ceremony", "보성군은 21일 복합문화센터 첫 삽을 떴다.")],
        ),
        # "체결한 바 있다" is one predicate: an earlier signing (its 1차 is no phase now)
        (
            "양측은 지난해 1차 업무협약을 체결한 바 있다.",
            [("earlier signing", "양측은 지난해 1차 업무협약을 체결한 바 있다.")],
        ),
        # a noun of time or place before the predicate is no happening's name (`지난해
        # amount in 원` and `일원 date` read as nonsense: a black-box case); one before it is
        (
            "올해 매출은 2억원으로 지난해보다 15% 늘었다.",
            [(None, "올해 매출은 2억원으로 지난해보다 15% 늘었다.")],
        ),
        (
            "축제는 진안읍 일원에서 열린다.",
            [("event", "축제는 진안읍 일원에서 열린다.")],
        ),
        # the noun an adnominal modifies is past an ordinal (`제20회`) and a name Kiwi cuts
        (
            "나흘간 열린 제20회 청솔 억새축제에 관광객 18만 명이 찾았다.",
            [
                ("event", "나흘간 열린"),
                ("visit", "제20회 청솔 억새축제에 관광객 18만 명이 찾았다."),
            ],
        ),
        (
            "군은 주민 교류에 나섰다.",
            [("교류", "군은 주민 교류에 나섰다.")],
        ),
        # a happening a span of time is counted from is the reference point of another's
        # time (the meeting's date was the signing's: a second signing date in the story)
        (
            "협약식 사흘 뒤 첫 회의를 연다.",
            [("meeting", "협약식 사흘 뒤 첫 회의를 연다.")],
        ),
        (
            "두 기관은 협약 체결 2주 후 실무 협의회를 열기로 했다.",
            [("meeting", "두 기관은 협약 체결 2주 후 실무 협의회를 열기로 했다.")],
        ),
    ],
)
def test_clause_labels(text, expected):
    assert labelled(text) == expected


def test_offsets_shift_into_the_article():
    a = analyse("완주군은 19일 협약을 체결했다.", 100)
    assert a.clauses[0].start == 100 and a.words[0].stem == "완주군"
    assert a.words[0].stem_start == 100 and a.clause_at(105).label == "signing"


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("양 기관은 15일 업무협약을 체결했다.", "past"),
        ("양 기관은 15일 업무협약을 체결했다고 밝혔다.", "past"),
        ("1~15일 일본 여객 수는 7.1% 줄었고, 하반기에는 늘었다.", "past"),
        ("행사는 30일 개최할 예정이다.", "future"),
        ("신제품은 23일 정식 출시될 예정이다.", "future"),
        ("양측은 30일 다시 만날 계획이었다.", "future"),
        # the present tells what is to come (`개최한다`, `받는다`), but a past in its
        # predicate (`체결했다고 한다`: heard) is past
        ("행사는 30일 열린다.", "present"),
        ("시는 20일 시청에서 설명회를 개최한다.", "present"),
        ("시는 20일까지 신청을 받는다.", "present"),
        ("양 기관은 15일 업무협약을 체결했다고 한다.", "past"),
        # reported by the words after it: the day may be the saying's, so no future or
        # present, unless the saying names its own day; a past one stays past
        ("정부는 30일 개최할 예정이라고 밝혔다.", None),
        ("시는 20일 설명회를 개최한다고 밝혔다.", None),
        ("정부는 30일 개최할 예정이라고 3일 밝혔다.", "future"),
        ("시는 20일 설명회를 개최한다고 이날 밝혔다.", "present"),
        # a verb's adnominal before a noun naming a happening tells when it is (a black-box
        # case: `3일 개최할 장류 축제` in an article of the 14th was the 3rd before it)
        ("15일 서울에서 열린 회의에서 이같이 말했다.", "past"),
        ("군은 3일 테마파크에서 개최할 장류 축제를 홍보했다.", "future"),
        ("20일 열리는 토론회에 참석한다.", "present"),
        # what is not read: an adnominal's tense is relative before another noun (`선보인
        # 후`), a causative present describes (`떠올리게 한다`), `-겠` and `-기로` name the
        # saying's or the deciding's day as often, modal `-ㄹ 수 없다` is no future, a
        # quotation keeps its own time, a headline has no predicate
        ("9월부터 한정 수량만 선보인 후 라인업을 확대한다.", None),
        ("5월 4일과 25일의 선례를 떠올리게 한다.", None),
        ("대통령은 15일 단호히 대응하겠다고 밝혔다.", None),
        ("양측은 30일 다시 만나기로 했다.", None),
        # what was set, not when (the dev day's `8월 1일로 예고했다`, August's `29일
        # 선고하기로 결정했다`)
        ("노조는 결의대회를 1일로 예고했다.", None),
        ("대법원은 29일 선고하기로 결정했다.", None),
        ("29일 판결을 수용할 수 없다며 항소했다.", None),
        ("1일 “관세를 부과했다”고 밝혔다.", None),
        ("15일 협약 체결", None),
        # a review's cases: a plan that modifies a noun is the date's, the main verb is not;
        # single quotes hold names, and also a date with its name (`'27일 국민 청문회'
        # 추진을 본격화했고`): not read
        ("회사는 20일 출시 예정인 신제품을 공개했다.", None),
        ("20일 열릴 예정이던 회의가 취소됐다.", None),
        ("시는 15일 ‘청년희망’ 협약을 체결했다.", None),
    ],
)
def test_the_tense_of_a_dates_clause_is_read_from_its_closing_predicate(text, tense):
    """`Analysis.tense_after` reads `tense_marks.tsv` in the date's own clause: the saying
    after it (`…체결했다고 밝혔다`) has a tense of its own."""
    a = analyse(text)
    date = re.search(r"\d+[월일]", text)
    assert date is not None
    assert a.tense_after(date.end()) == tense


def test_a_verb_that_links_two_nouns_cuts_no_clause():
    """`포함한`, `비롯한` link two nouns as `위한` does, but Kiwi cuts them as a noun and 하:
    they ended a clause, so a date before them lost the happening after them."""
    for link in ("포함한", "비롯한", "위한"):
        text = f"청솔군은 20일 군수를 {link} 직원 50명이 참석한 가운데 협약을 맺었다."
        assert labelled(text)[0][1].startswith(f"청솔군은 20일 군수를 {link} 직원"), link


def test_half_a_particle_after_a_unit_sign_is_no_happening():
    """`4.2㎞를`: Kiwi cuts the particle as 르/NNG + ᆯ/JKO, and `show` gave the plan's
    figures the happening `르` (a black-box case); such a split names none."""
    labels = [label for label, _ in labelled("군은 내년까지 자전거길 4.2㎞를 더 만들 계획이다.")]
    assert "르" not in labels
