"""Near-duplicate families: reprints, pasted wire text, and rewrites that are not reprints."""

from __future__ import annotations

from cluster_samples import ROWS, article

from newsmoa.cluster import near_duplicate_families, near_duplicate_pairs
from newsmoa.types import Article

WIRE = (
    "완주군이 19일 희망제작소와 지역공동체 활성화를 위한 2단계 협약을 체결했다. "
    "박성일 완주군수와 이원재 희망제작소 소장이 협약식에 참석해 서명했다. "
    "두 기관은 앞으로 3년 동안 마을기업 50곳을 함께 육성하기로 했다. "
    "완주군은 협약에 따라 사업비 10억원을 지원하고 희망제작소는 교육을 맡는다."
)
REPRINT = (
    WIRE.replace("19일", "지난 19일").replace("서명했다", "협약서에 서명했다")
    + " △문의 063-290-2000"
)
REWRITE = (
    "희망제작소와 완주군의 두 번째 협력이 시작됐다. 이번 협약의 핵심은 마을기업 육성으로, "
    "군은 10억원의 예산을 마련했다고 밝혔다. 이원재 소장은 주민이 주도하는 공동체를 강조했고, "
    "박성일 군수도 지역 활성화에 대한 기대를 나타냈다."
)
OTHER = (
    "전주 한옥마을 인근 상가에서 20일 오전 불이 나 2명이 다쳤다. 소방당국은 소방차 15대를 "
    "투입해 1시간 만에 불을 껐다. 경찰은 정확한 화재 원인을 조사하고 있다."
)


def _art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, title="")


def test_reprint_is_a_near_duplicate_and_a_rewrite_is_not():
    arts = [_art("wire", WIRE), _art("reprint", REPRINT), _art("rewrite", REWRITE)]
    pairs = near_duplicate_pairs(arts, ["s", "s", "s"])
    assert {(p.a, p.b) for p in pairs} == {("wire", "reprint")}
    families, _ = near_duplicate_families(arts, ["s", "s", "s"])
    assert [(f.story, f.articles) for f in families] == [("s", ("wire", "reprint"))]


def test_pasted_wire_text_is_found_across_stories():
    longer = _art("paste", OTHER + " " + WIRE)
    arts = [_art("wire", WIRE), longer, article(ROWS[5])]
    pairs = near_duplicate_pairs(arts, ["a", "b", "c"])
    assert [(p.a, p.b) for p in pairs] == [("wire", "paste")]
    families, found = near_duplicate_families(arts, ["a", "b", "c"])
    assert families == [] and len(found) == 1  # a pair across stories is not a family


def test_a_text_is_its_own_near_duplicate_and_short_texts_are_not():
    arts = [_art("a", WIRE), _art("b", WIRE), _art("c", "짧은 글"), _art("d", "짧은 글")]
    pairs = near_duplicate_pairs(arts, ["s", "s", "s", "s"])
    assert [(p.a, p.b, p.share) for p in pairs] == [("a", "b", 1.0)]


def test_background_table_knows_function_words():
    from newsmoa.cluster.terms import term_counts
    from newsmoa.cluster.vectors import DocFreq

    df = DocFreq(50)
    common, _ = term_counts("밝혔다 했다 있다 the and of", 0, 0.0)
    rare, _ = term_counts("희망제작소 Klitschko", 0, 0.0)
    assert df.common(common, 0.05).all()
    assert df.common(rare, 0.05).mean() < 0.5  # 제작 (of 희망제작소) is a common bigram
