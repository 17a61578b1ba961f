"""Clauses and the happening each one reports: a fact belongs to its own clause."""

from __future__ import annotations

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
            [(None, "축제는 진안읍 일원에서 열린다.")],
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
