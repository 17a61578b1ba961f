"""How much of each article's text was already written: by the release, or by earlier articles;
and how much of the release an article ran (`release_shares`).

Share of an article's character 5-grams (on the comparison key: no spaces, bullets or
punctuation) found in what came before it: the press releases when the story has any (each
of them; a release sent again, or two an editor merged), else every earlier article. The
earliest article scores 0 without a release, and a release scores 0.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsmoa.reconcile.align import ngrams, reading_order
from newsmoa.types import Article

SHINGLE_CHARS = 5


def reuse_scores(articles: Sequence[Article]) -> dict[str, float]:
    ordered = reading_order(articles)
    releases = [a for a in ordered if a.is_release]
    seen: set[str] = set()
    for release in releases:
        seen |= ngrams(release.text, SHINGLE_CHARS)
    scores: dict[str, float] = {}
    for article in ordered:
        grams = ngrams(article.text, SHINGLE_CHARS)
        if article.is_release:
            scores[article.id] = 0.0
            continue
        scores[article.id] = round(len(grams & seen) / len(grams), 3) if grams else 0.0
        if not releases:
            seen |= grams
    return scores


def release_shares(release: Article, articles: Sequence[Article]) -> dict[str, float]:
    """Each article's share of the release's character 5-grams: how much of the release it
    ran (an outlet printing one of its five sentences runs a fifth of it, though all of its
    own text is the release's: its `reuse` is 1)."""
    grams = ngrams(release.text, SHINGLE_CHARS)
    return {
        a.id: round(len(grams & ngrams(a.text, SHINGLE_CHARS)) / len(grams), 3) if grams else 0.0
        for a in articles
    }
