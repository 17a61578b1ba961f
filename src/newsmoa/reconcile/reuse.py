"""How much of each article's text was already written, by the release or by an earlier
article (`reuse_scores`), and by which (`reuse_origins`); how much of it came from the
releases (`from_releases`); and how much of the release an article ran (`release_shares`).

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

from collections import Counter
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


MIN_ORIGIN_SHARE = 0.05  # less is a phrase many reports share (`고 밝혔다`), no borrowing


def reuse_origins(articles: Sequence[Article]) -> dict[str, tuple[tuple[str, float], ...]]:
    """For each article, the articles read before it that first wrote the text it reuses
    (a 5-gram's writer is the first article in reading order that has it), each with the
    share of this article's text it wrote, largest first, of at least `MIN_ORIGIN_SHARE`
    (a release and an article reusing nothing: none). Without it, a copy of a wire scored
    reuse 1 like a copy of the release, and one family held them all: which outlet copied
    whom was nowhere. Their shares add up to the article's `reuse`, but for those under
    the floor."""
    writer: dict[str, str] = {}
    out: dict[str, tuple[tuple[str, float], ...]] = {}
    for article in reading_order(articles):
        grams = ngrams(article.text, SHINGLE_CHARS)
        counts = Counter(writer[g] for g in grams if g in writer)
        out[article.id] = (
            ()
            if article.is_release
            else tuple(
                (aid, round(n / len(grams), 3))
                for aid, n in counts.most_common()
                if n / len(grams) >= MIN_ORIGIN_SHARE
            )
        )
        for g in grams:
            writer.setdefault(g, article.id)
    return out
