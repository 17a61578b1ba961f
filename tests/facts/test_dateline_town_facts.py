"""The town an article's dateline files from (`Article.dateline_place`) as a place fact
(`facts.places.dateline_place`): it was not among the facts, so the story's places never
named where each outlet filed from; two outlets filing from two towns disagree on nothing."""

from __future__ import annotations

from newsmoa.facts.extract import extract_facts
from newsmoa.reconcile.story import build_story
from newsmoa.store.base import StoredArticle
from newsmoa.text.sentences import split_sentences
from newsmoa.types import Article

KO = (
    "전북 청솔군은 24일 군청 대회의실에서 청솔에너지와 수소 충전소 건립 업무협약을 "
    "체결했다고 밝혔다.\n협약에 따라 청솔에너지는 2027년까지 수소 충전소 3곳을 짓는다."
)
EN = (
    "The Springfield City Council voted 8-2 on Tuesday to approve a new water treatment "
    "plant, city officials said.\nThe plant will cost $18 million, Mayor Jane Roe said."
)


def _filed(article: Article) -> list[tuple[object, str | None, int, int]]:
    facts = extract_facts(article, split_sentences(article))
    return [
        (f.value, f.about, f.sources[0].start, f.sources[0].end)
        for f in facts
        if f.type == "place" and f.about == "dateline"
    ]


def test_the_dateline_s_town_is_a_place_with_its_article_as_source():
    yna = Article(id="y", text=KO, outlet="연합뉴스", dateline_place="전주")
    assert _filed(yna) == [("전주", "dateline", len(KO), len(KO))]
    ap = Article(id="p", text=EN, outlet="AP", dateline_place="Springfield, Ill.")
    assert _filed(ap) == [("Springfield, Ill.", "dateline", len(EN), len(EN))]
    assert _filed(Article(id="n", text=KO, outlet="연합뉴스")) == []


def test_outlets_filing_from_two_towns_are_two_places_and_no_disagreement():
    arts = [
        Article(id="y", text=KO, outlet="연합뉴스", dateline_place="전주"),
        Article(id="n", text=KO, outlet="뉴시스", dateline_place="완주"),
        Article(id="o", text=KO, outlet="뉴스1", dateline_place="전주"),
    ]
    rows = [StoredArticle(a, "s", (s := split_sentences(a)), extract_facts(a, s)) for a in arts]
    story = build_story("s", rows)
    filed = {
        f.value: sorted(s.article for s in f.sources)
        for f in story.facts
        if f.type == "place" and f.about == "dateline"
    }
    assert filed == {"전주": ["o", "y"], "완주": ["n"]}
    assert story.disagreements == ()
