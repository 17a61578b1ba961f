"""How much of each article's text was already written: by the release, or by earlier articles.

Share of an article's character 5-grams (on the comparison key: no spaces, bullets or
punctuation) found in what came before it: the press release when the story has one, else
every earlier article. The earliest article scores 0 without a release.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsmoa.reconcile.align import ngrams, reading_order
from newsmoa.types import Article

SHINGLE_CHARS = 5


def reuse_scores(articles: Sequence[Article]) -> dict[str, float]:
    ordered = reading_order(articles)
    release = next((a for a in ordered if a.is_release), None)
    seen: set[str] = set(ngrams(release.text, SHINGLE_CHARS)) if release else set()
    scores: dict[str, float] = {}
    for article in ordered:
        grams = ngrams(article.text, SHINGLE_CHARS)
        if article is release:
            scores[article.id] = 0.0
            continue
        scores[article.id] = round(len(grams & seen) / len(grams), 3) if grams else 0.0
        if release is None:
            seen |= grams
    return scores
