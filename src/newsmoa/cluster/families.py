"""Near-duplicate families: reprints of one wire story or release, reported as such.

Two articles are near-duplicates when most of the shorter one's sentences appear in the other
(`near_duplicate_share` of its sentences of 15+ characters), which also catches an article that
pasted another's wire text into a longer piece. A sentence appears in the other article when
some sentence there has character 4-gram Jaccard >= `sentence_jaccard` with it (4-grams of the
folded text: no spaces, punctuation or case), so an edited reprint of a sentence still counts
while a rewrite of the same facts does not.

Candidate pairs come from the sentences themselves, so no pair that meets the definition can be
missed, in a story or across stories (a pasted block may sit in another story): an inverted
index of each sentence's rarest 4-grams (prefix filtering, `_candidate_pairs`) finds every pair
of sentences that can reach the Jaccard, and a pair of articles is checked only if enough of the
shorter one's sentences have such a partner. A family is a connected group of near-duplicates
inside one story; pairs across stories are reported separately (as pairs, not families).
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


def _candidate_pairs(grams: Sequence[_Grams], config: ClusterConfig) -> np.ndarray:
    """Article pairs (int64[m, 2], i < j) that can reach the share; every pair that does is here.

    Prefix filtering (Chaudhuri et al. 2006; Bayardo et al. 2007, "All-Pairs"): order all 4-grams
    rarest first (their count among this call's sentences, then hash). Two sentences with Jaccard
    >= t share at least ceil(t * max(|x|, |y|)) grams, so the first |x| - ceil(t * |x|) + 1 grams
    of each in that order share one: an inverted index of those prefixes finds every sentence
    pair that can match (and, the prefixes being made of rare grams, few others). A pair of
    articles is kept only when enough of the shorter one's sentences have such a partner in the
    other to reach `near_duplicate_share` (an upper bound on its share), then checked exactly.
    """
    t = config.sentence_jaccard
    counts = np.array([g.sizes.size for g in grams], dtype=np.int64)
    if np.count_nonzero(counts) < 2:
        return np.empty((0, 2), dtype=np.int64)
    first = np.cumsum(counts) - counts  # global id of each article's first sentence
    sizes = np.concatenate([g.sizes for g in grams])
    art = np.repeat(np.arange(len(grams), dtype=np.int64), counts)
    hashes = np.concatenate([g.grams for g in grams])
    sent = np.concatenate([g.sentence + f for g, f in zip(grams, first, strict=True)])
    uniq, inverse, freq = np.unique(hashes, return_inverse=True, return_counts=True)
    rank = np.empty(uniq.size, dtype=np.int64)
    rank[np.lexsort((uniq, freq))] = np.arange(uniq.size)
    span = np.int64(uniq.size)
    key = np.sort(sent * span + rank[inverse.ravel()])  # by sentence, rarest gram first
    sent, r = key // span, key % span
    pos = np.arange(sent.size) - (np.cumsum(sizes) - sizes)[sent]  # grams are distinct per sentence
    need = np.floor(t * sizes + 1e-9).astype(np.int64)  # <= ceil(t * size): never a shorter prefix
    keep = pos < np.minimum(sizes, sizes - need + 1)[sent]
    sent, r = sent[keep], r[keep]
    # every two sentences that share a prefix gram, from different articles
    key = np.sort(r * np.int64(sizes.size) + sent)
    r, sent = key // sizes.size, key % sizes.size
    cuts = np.flatnonzero(np.diff(r)) + 1
    lengths = np.diff(np.concatenate(([0], cuts, [r.size])))
    later = np.repeat(np.cumsum(lengths), lengths) - np.arange(r.size) - 1
    left = np.repeat(np.arange(r.size), later)
    right = left + 1 + np.arange(left.size) - np.repeat(np.cumsum(later) - later, later)
    sa, sb = sent[left], sent[right]
    apart = art[sa] != art[sb]
    sa, sb = sa[apart], sb[apart]
    # for each (article, other article): how many of its sentences have a possible partner there
    n = np.int64(len(grams))
    reach_key = np.unique(np.concatenate([sa * n + art[sb], sb * n + art[sa]]))
    directed, reach = np.unique(art[reach_key // n] * n + reach_key % n, return_counts=True)
    owner, other = directed // n, directed % n
    chars = np.array([g.chars for g in grams], dtype=np.int64)
    shorter = (chars[owner] < chars[other]) | ((chars[owner] == chars[other]) & (owner < other))
    enough = reach >= config.near_duplicate_share * counts[owner] - 1e-9
    keep = shorter & enough
    pairs = np.stack([np.minimum(owner, other)[keep], np.maximum(owner, other)[keep]], axis=1)
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]


def near_duplicate_pairs(
    articles: Sequence[Article],
    stories: Sequence[str],
    config: ClusterConfig = DEFAULT_CONFIG,
    signatures: np.ndarray | None = None,
) -> list[NearDuplicate]:
    """Every near-duplicate pair among the articles, in a story or across stories.

    `stories` (aligned with `articles`) and `signatures` are not needed to find the pairs (the
    candidates come from the sentences); they are accepted so existing callers keep working.
    """
    del stories, signatures
    grams = [_grams(a.text) for a in articles]
    out = []
    for i, j in _candidate_pairs(grams, config).tolist():
        short, long_ = (
            (grams[i], grams[j]) if grams[i].chars <= grams[j].chars else (grams[j], grams[i])
        )
        share = sentence_share(short, long_, config.sentence_jaccard)
        if share >= config.near_duplicate_share:
            out.append(NearDuplicate(articles[i].id, articles[j].id, round(share, 3)))
    return out


def near_duplicate_families(
    articles: Sequence[Article],
    stories: Sequence[str],
    config: ClusterConfig = DEFAULT_CONFIG,
    signatures: np.ndarray | None = None,
) -> tuple[list[Family], list[NearDuplicate]]:
    """Families inside each story, and every checked pair (including those across stories)."""
    pairs = near_duplicate_pairs(articles, stories, config, signatures)
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
