"""How much of each article's text was already written, by the release or by an earlier
article (`reuse_scores`); how much of it came from the releases (`from_releases`); and how
much of the release an article ran (`release_shares`).

Share of an article's character 5-grams (on the comparison key: no spaces, bullets or
punctuation) found in what came before it: the press releases of the story (each of them; a
release sent again, or two an editor merged) and every article read before it. The earliest
article scores 0 without a release, and a release scores 0. An outlet copying a wire that
added its own reporting to the release reuses the wire's reporting too: measured against
the release alone, it was scored as if that reporting were its own (reuse .66 for a copy
word for word, a press office's case). Whether an article carried the release is
`from_releases`, the share of its text the releases have.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsmoa.reconcile.align import ngrams, reading_order
from newsmoa.types import Article

SHINGLE_CHARS = 5


def reuse_scores(articles: Sequence[Article]) -> dict[str, float]:
    seen: set[str] = set()
    scores: dict[str, float] = {}
    for article in reading_order(articles):  # the releases first
        grams = ngrams(article.text, SHINGLE_CHARS)
        scores[article.id] = 0.0 if article.is_release else _share(grams, seen)
        seen |= grams
    return scores


def from_releases(articles: Sequence[Article]) -> dict[str, float]:
    """Each article's share of its text found in the story's releases (a release's: 0)."""
    releases: set[str] = set()
    for a in articles:
        if a.is_release:
            releases |= ngrams(a.text, SHINGLE_CHARS)
    return {
        a.id: 0.0 if a.is_release else _share(ngrams(a.text, SHINGLE_CHARS), releases)
        for a in articles
    }


def _share(grams: frozenset[str], seen: set[str]) -> float:
    return round(len(grams & seen) / len(grams), 3) if grams else 0.0


def release_shares(release: Article, articles: Sequence[Article]) -> dict[str, float]:
    """Each article's share of the release's character 5-grams: how much of the release it
    ran (an outlet printing one of its five sentences runs a fifth of it, though all of its
    own text is the release's: its `reuse` is 1)."""
    grams = ngrams(release.text, SHINGLE_CHARS)
    return {
        a.id: round(len(grams & ngrams(a.text, SHINGLE_CHARS)) / len(grams), 3) if grams else 0.0
        for a in articles
    }
