"""Lengths of time (`durations`): facts counting `duration`, compared across outlets."""

from __future__ import annotations

import pytest
from facts_samples import Story, make_article, split

from newsmoa.facts import extract_facts


def lengths(text: str) -> list[tuple[object, str | None, str | None]]:
    art = make_article("x", text)
    found = extract_facts(art, split(art))
    return [(f.value, f.unit, f.text) for f in found if f.counts == "duration"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("초록들판은 앞으로 3년간 1억5000만원을 투자한다.", [(3, "년", "3년간")]),
        ("시설은 36개월 동안 운영한다.", [(3, "년", "36개월 동안")]),
        ("공사는 1년 6개월간 이어진다.", [(18, "개월", "1년 6개월간")]),
        (
            "행사는 2주간 열린다. 전시는 사흘간 이어진다.",
            [(14, "일", "2주간"), (3, "일", "사흘간")],
        ),
        ("불은 2시간 30분 만에 꺼졌다.", [(150, "분", "2시간 30분 만에")]),
        ("협약 기간은 2년이다.", [(2, "년", "2년")]),
        # a year, a day counted to, a period's first day, a word after a day: no length
        ("2015년간의 기록과 열흘 만에 돌아온 그는 19일 간담회에 나왔다.", []),
        ("신청 기간은 1일부터 5일까지다.", []),
    ],
)
def test_a_length_of_time_is_a_quantity_counting_duration(text, expected):
    assert lengths(text) == expected


def test_a_length_one_outlet_gets_wrong_is_a_disagreement_and_one_written_otherwise_is_not():
    """A black-box case: `3년간` against `2년간` for one investment was no fact, and the
    misreport went unnoticed; `36개월간` says the same as `3년간`."""
    said = "협약에 따라 초록들판은 앞으로 3년간 1억5000만원을 투자해 가공시설을 짓기로 했다."
    wrong = said.replace("3년간", "2년간")
    arts = [make_article(f"a{n}", t) for n, t in enumerate((said, said, wrong))]
    (d,) = Story(arts).disagreements()
    assert d.kind == "quantity" and d.about.startswith("duration")
    assert {v.value: sorted({s.article for s in v.sources}) for v in d.values} == {
        2: ["a2"],
        3: ["a0", "a1"],
    }
    months = said.replace("3년간", "36개월간")
    assert Story([make_article("a0", said), make_article("a1", months)]).disagreements() == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It will invest 150 million won over the next three years.", [(3, "years")]),
        ("The fire burned for 90 minutes.", [(90, "minutes")]),
        ("The $18 million project is expected to take three years.", [(3, "years")]),
        ("The meeting lasted two hours.", [(2, "hours")]),
        ("They signed a 24-month contract.", [(2, "years")]),
        ("A 10-year-old boy was hurt.", []),
    ],
)
def test_an_english_length_of_time_is_a_quantity_counting_duration(text, expected):
    art = make_article("x", text)
    found = extract_facts(art, split(art))
    assert [(f.value, f.unit) for f in found if f.counts == "duration"] == expected


def test_an_english_length_one_outlet_gets_wrong_is_a_disagreement():
    said = "Chorok Deulpan will invest 150 million won over the next {} years to build a plant."
    arts = [make_article(k, said.format(n)) for k, n in (("a", "three"), ("b", "two"))]
    (d,) = Story(arts).disagreements()
    assert d.kind == "quantity" and d.about.startswith("duration")
    assert {v.value: [s.article for s in v.sources] for v in d.values} == {2: ["b"], 3: ["a"]}
