"""Invariants over generated articles: provenance stays inside the text, facts are pure,
and an outlet that repeats another or says less never disagrees with it."""

from __future__ import annotations

from facts_samples import Story, make_article, split
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsmoa.facts import extract_facts

POOL = [
    "완주군은 19일 희망제작소에서 박성일 군수와 직원 등 50명이 참여한 가운데 협약을 체결했다.",
    "전주시와 전북대학교는 지난 9일 양해각서(MOU)를 교환했다.",
    "김승수 전주시장은 오는 25일 서울시청을 방문한다.",
    "이번 협약에 따라 양 기관은 △창업공간 조성 △교육과정 운영 등을 추진한다.",
    "완주군과 희망제작소는 2008년부터 공무원 5명을 파견했다.",
    "사업비 3억 원은 다음달 말까지 집행된다.",
    "희망제작소 이원재 소장은 지난해 3월 취임했다.",
    "박 군수는 19일 오후 2시 인사말을 했다.",
    "주민 1,000여 명이 축제를 찾았다.",
]
articles_text = st.lists(st.sampled_from(POOL), min_size=1, max_size=6).map("\n".join)
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text=articles_text)
def test_sources_lie_inside_the_article_and_repeat_its_words(text):
    art = make_article("x", text)
    facts = extract_facts(art, split(art))
    assert facts == extract_facts(art, split(art))
    for f in facts:
        for s in f.sources:
            assert s.article == "x" and 0 <= s.start < s.end <= len(text)
        if f.type in ("date", "quantity"):
            assert text[f.sources[0].start : f.sources[0].end] == f.text


@FAST
@given(text=articles_text)
def test_a_reprint_never_disagrees(text):
    assert Story([make_article("a", text), make_article("b", text)]).disagreements() == ()


@FAST
@given(
    lines=st.lists(st.sampled_from(POOL), min_size=2, max_size=6, unique=True),
    keep=st.integers(1, 5),
)
def test_an_outlet_saying_less_never_disagrees(lines, keep):
    full = make_article("a", "\n".join(lines))
    less = make_article("b", "\n".join(lines[: min(keep, len(lines) - 1)]))
    assert Story([full, less]).disagreements() == ()
