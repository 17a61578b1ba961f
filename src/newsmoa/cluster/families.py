"""Near-duplicate families: reprints of one wire story or release, reported as such.

Two articles are near-duplicates when most of the shorter one's sentences appear in the other
(`near_duplicate_share` of its sentences of 15+ characters), which also catches an article that
pasted another's wire text into a longer piece. A sentence appears in the other article when
some sentence there has character 4-gram Jaccard >= `sentence_jaccard` with it (4-grams of the
folded text: no spaces, punctuation or case), so an edited reprint of a sentence still counts
while a rewrite of the same facts does not.

The pairs are found from the sentences themselves, so none that meets the definition can be
missed, in a story or across stories (a pasted block may sit in another story): a
prefix-filtered join over each sentence's rarest 4-grams (`_shares`,
`_family_kernels.matching_sentences`) finds every pair of sentences of different articles with
the Jaccard, comparing only sentences that share a rare gram; the shares follow from those
matches. Stories play no part in finding pairs, and the cost does not grow with story size. A
family is a connected group of near-duplicates inside one story; pairs across stories are
reported separately (as pairs, not families).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsmoa.cluster import _family_kernels
from newsmoa.cluster.config import DEFAULT_CONFIG, ClusterConfig
from newsmoa.cluster.terms import clean_for_features, codepoints
from newsmoa.dedup.fold import fold_table
from newsmoa.types import Article

_SENTENCE = re.compile(r"[^\n.?!。]+(?:[.?!。]+|$)")
MIN_SENTENCE_CHARS = 15


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """`share` of the shorter article's sentences (of `a` and `b`) appear in the other."""

    a: str
    b: str
    share: float


@dataclass(frozen=True, slots=True)
class Family:
    """Articles of one story that reprint one text (two or more)."""

    story: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Grams:
    """Distinct 4-gram hashes of each counted sentence, sorted by hash."""

    grams: np.ndarray  # uint64
    sentence: np.ndarray  # int64: the sentence each hash belongs to
    sizes: np.ndarray  # int64: distinct 4-grams per sentence
    chars: int


def _grams(text: str) -> _Grams:
    text = clean_for_features(text)
    starts, ends = [], []
    for m in _SENTENCE.finditer(text):
        s = m.group()
        body = s.strip()
        if len(body) >= MIN_SENTENCE_CHARS:
            starts.append(m.start() + len(s) - len(s.lstrip()))
            ends.append(starts[-1] + len(body))
    if not starts:
        return _EMPTY
    grams, owner, sizes = _family_kernels.sentence_grams(
        codepoints(text),
        np.array(starts, dtype=np.int64),
        np.array(ends, dtype=np.int64),
        fold_table(),
        4,
    )
    if not sizes.size:
        return _EMPTY
    order = np.argsort(grams, kind="stable")
    return _Grams(grams[order], owner[order], sizes, len(text))


_EMPTY = _Grams(np.empty(0, np.uint64), np.empty(0, np.int64), np.empty(0, np.int64), 0)


def sentence_share(a: _Grams, b: _Grams, min_jaccard: float) -> float:
    """Share of a's sentences that have a sentence in b with 4-gram Jaccard >= min_jaccard."""
    na, nb = a.sizes.size, b.sizes.size
    if na == 0 or nb == 0:
        return 0.0
    lo = np.searchsorted(b.grams, a.grams, "left")
    hi = np.searchsorted(b.grams, a.grams, "right")
    runs = hi - lo
    rows = np.repeat(a.sentence, runs)
    within = np.arange(rows.size) - np.repeat(np.cumsum(runs) - runs, runs)
    cols = b.sentence[np.repeat(lo, runs) + within]
    shared = np.bincount(rows * nb + cols, minlength=na * nb).reshape(na, nb)
    union = a.sizes[:, None] + b.sizes[None, :] - shared
    found = (shared >= min_jaccard * union).any(axis=1)
    return float(np.count_nonzero(found)) / na


def _shares(grams: Sequence[_Grams], config: ClusterConfig) -> list[tuple[int, int, float]]:
    """(i, j, share) for every pair of articles (i < j) whose share reaches the threshold.

    All 4-grams are ranked rarest first (their count among this call's sentences, then hash);
    `matching_sentences` then finds every pair of sentences of different articles with Jaccard
    >= `sentence_jaccard` by a prefix-filtered join (exact: no pair is missed, and only
    sentences sharing a rare gram are ever compared). A pair's share is the number of the
    shorter article's sentences with a match in the other, over its sentence count. Exact for
    `sentence_jaccard` > 0 and `near_duplicate_share` > 0 (a pair with no matching sentence is
    never listed).
    """
    counts = np.array([g.sizes.size for g in grams], dtype=np.int64)
    if np.count_nonzero(counts) < 2:
        return []
    first = np.cumsum(counts) - counts  # global id of each article's first sentence
    sizes = np.concatenate([g.sizes for g in grams])
    art = np.repeat(np.arange(len(grams), dtype=np.int64), counts)
    hashes = np.concatenate([g.grams for g in grams])
    sent = np.concatenate([g.sentence + f for g, f in zip(grams, first, strict=True)])
    uniq, inverse, freq = np.unique(hashes, return_inverse=True, return_counts=True)
    rank = np.empty(uniq.size, dtype=np.int64)
    rank[np.lexsort((uniq, freq))] = np.arange(uniq.size)
    span = np.int64(uniq.size)
    ranks = np.sort(sent * span + rank[inverse.ravel()]) % span  # by sentence, rarest first
    starts = np.cumsum(sizes) - sizes  # grams are distinct within a sentence
    x, y = _family_kernels.matching_sentences(ranks, starts, sizes, art, config.sentence_jaccard)
    if not x.size:
        return []
    # for each (article, other article): how many of its sentences have a match there
    n = np.int64(len(grams))
    reach = np.unique(np.concatenate([x * n + art[y], y * n + art[x]]))
    directed, matched = np.unique(art[reach // n] * n + reach % n, return_counts=True)
    owner, other = directed // n, directed % n
    chars = np.array([g.chars for g in grams], dtype=np.int64)
    shorter = (chars[owner] < chars[other]) | ((chars[owner] == chars[other]) & (owner < other))
    out = []
    for i, j, hits in zip(
        owner[shorter].tolist(), other[shorter].tolist(), matched[shorter].tolist(), strict=True
    ):
        share = float(hits) / int(counts[i])
        if share >= config.near_duplicate_share:
            out.append((min(i, j), max(i, j), share))
    return sorted(out)


def near_duplicate_pairs(
    articles: Sequence[Article], config: ClusterConfig = DEFAULT_CONFIG
) -> list[NearDuplicate]:
    """Every near-duplicate pair among the articles, in a story or across stories (found from
    the sentences: stories play no part)."""
    grams = [_grams(a.text) for a in articles]
    return [
        NearDuplicate(articles[i].id, articles[j].id, round(share, 3))
        for i, j, share in _shares(grams, config)
    ]


def near_duplicate_families(
    articles: Sequence[Article],
    stories: Sequence[str],
    config: ClusterConfig = DEFAULT_CONFIG,
) -> tuple[list[Family], list[NearDuplicate]]:
    """Families inside each story (`stories` aligned with `articles`), and every pair
    (including those across stories)."""
    pairs = near_duplicate_pairs(articles, config)
    ids = [a.id for a in articles]
    story_of = dict(zip(ids, stories, strict=True))
    parent = {a: a for a in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        if story_of[p.a] == story_of[p.b]:
            parent[root(p.a)] = root(p.b)
    groups: dict[str, list[str]] = {}
    for a in ids:
        groups.setdefault(root(a), []).append(a)
    families = [Family(story_of[g[0]], tuple(g)) for g in groups.values() if len(g) > 1]
    return families, pairs
