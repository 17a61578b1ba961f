"""Inputs for the facts and disagreement tests.

The bundled example's three articles, cleaned by hand (body only: no title, dateline, byline,
share buttons or photo caption), and a plain sentence split and aligner that stand in for
`newsmoa.text.sentences` and `newsmoa.reconcile.align`, so these tests pin the facts stage
alone (`test_pipeline_example.py` runs the real stages when they are present).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from newsmoa.text.normalize import comparison_key
from newsmoa.types import Article, ConsolidatedSentence, Sentence, Source

KST = timezone(timedelta(hours=9))
HERE = Path(__file__).parent / "samples"


def sample(name: str) -> str:
    return (HERE / f"{name}.txt").read_text("utf-8").strip()


# (id, outlet, published, text)
ARTICLES = (
    ("ilyo", "일요신문", datetime(2015, 3, 20, 14, 11, tzinfo=KST), sample("wanju-ilyo")),
    ("gukje", "국제뉴스", datetime(2015, 3, 20, 13, 21, 40, tzinfo=KST), sample("wanju-gukje")),
    ("asia", "아시아뉴스통신", datetime(2015, 3, 20, 16, 34, tzinfo=KST), sample("wanju-asia")),
)


_SPLIT = re.compile(r"[^\n]+?(?:다\.(?=\s|$)|$)", re.M)


def split(article: Article) -> tuple[Sentence, ...]:
    """Sentences on `다.` and line ends, with offsets into the article text."""
    out = []
    for m in _SPLIT.finditer(article.text):
        start, end = m.start(), m.end()
        while start < end and article.text[start].isspace():
            start += 1
        if end > start:
            out.append(Sentence(article.id, start, end, article.text[start:end]))
    return tuple(out)


def align(
    articles: Sequence[Article], by_article: dict[str, Sequence[Sentence]], threshold: float = 0.5
) -> tuple[ConsolidatedSentence, ...]:
    """Each sentence joins the first earlier group whose text it resembles (ratio of keys)."""
    groups: list[tuple[str, list[Source]]] = []
    for art in articles:
        for s in by_article[art.id]:
            key = comparison_key(s.text)
            for gkey, sources in groups:
                similar = difflib.SequenceMatcher(None, key, gkey, autojunk=False).ratio()
                if all(x.article != art.id for x in sources) and similar >= threshold:
                    sources.append(Source(art.id, s.start, s.end))
                    break
            else:
                groups.append((key, [Source(art.id, s.start, s.end)]))
    texts = {a.id: a.text for a in articles}
    return tuple(
        ConsolidatedSentence(texts[src[0].article][src[0].start : src[0].end], tuple(src))
        for _, src in groups
    )


def make_article(
    aid: str, text: str, published: datetime | None = None, outlet: str | None = None
) -> Article:
    return Article(
        id=aid,
        text=text,
        outlet=outlet or aid,
        published=published or datetime(2015, 3, 20, 14, 0, tzinfo=KST),
    )


class Story:
    """Articles, their sentences and facts, and the aligned sentences, built once."""

    def __init__(self, articles: Sequence[Article], release: str | None = None) -> None:
        from newsmoa.facts import extract_facts

        self.articles = tuple(articles)
        self.sentences = {a.id: split(a) for a in self.articles}
        self.facts = {a.id: extract_facts(a, self.sentences[a.id]) for a in self.articles}
        self.aligned = align(self.articles, self.sentences)
        self.release = release

    def disagreements(self):
        from newsmoa.reconcile.disagreements import find_disagreements

        return find_disagreements(self.articles, self.facts, self.aligned, release=self.release)

    def event(self):
        from newsmoa.facts import agreement_event

        return agreement_event(self.articles, self.facts, self.aligned, self.disagreements())
