"""Near-duplicate families: reprints of one wire story or release, reported as such.

Two articles are near-duplicates when most of the shorter one's sentences appear in the other
(more than `near_duplicate_share`, one half, of its sentences of 15+ characters), which also
catches an article that pasted another's wire text into a longer piece. A sentence appears in
the other article when some sentence there has character 4-gram Jaccard >= `sentence_jaccard`
with it (4-grams of the folded text: no spaces, punctuation or case), so an edited reprint of
a sentence still counts while a rewrite of the same facts does not. A sentence also appears
when the other article cut the same text into sentences differently (two sentences joined
into one, a chain of quotes re-cut): runs of up to `RUN` consecutive sentences are compared
too (`appearing`).

The pairs are found from the sentences themselves, so none that meets the definition and has
one sentence matching on its own can be missed, in a story or across stories (a pasted block
may sit in another story): a prefix-filtered join over each sentence's rarest 4-grams
(`_shares`, `_family_kernels.matching_sentences`) finds every pair of sentences of different
articles with the Jaccard, comparing only sentences that share a rare gram; the shares follow
from those matches (and `appearing` for the pairs they leave at or under half). Stories play
no part in finding pairs, and the cost does not grow with story size. A family is a connected
group of near-duplicates inside one story; pairs across stories are reported separately (as
pairs, not families).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from newsmoa.cluster import _family_kernels
from newsmoa.cluster.config import DEFAULT_CONFIG, ClusterConfig
from newsmoa.cluster.terms import clean_for_features, codepoints
from newsmoa.dedup.fold import fold_table
from newsmoa.types import Article

# A sentence ends at .?!。 or a line break, but not at a point between two digits (1.25%,
# 2024.3.15, 2.5배): those would cut one sentence into fragments counted as sentences of their own.
_SENTENCE = re.compile(r"[^\n.?!。]+(?:(?<=\d)\.(?=\d)[^\n.?!。]*)*(?:[.?!。]+|$)")
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


# Two outlets often cut the same text into sentences differently (one joins two sentences
# with "..., and" or re-cuts a chain of quotes), so a sentence can appear in the other article
# while no single sentence there reaches the Jaccard with it. Runs of up to this many
# consecutive sentences are compared as well (`appearing`).
RUN = 3


@cache
def _runs(n: int) -> np.ndarray:
    """Membership (n x runs, float32 0/1) of each run of 1..RUN consecutive sentences of n;
    the first n runs are the single sentences."""
    cols = [(start, length) for length in range(1, RUN + 1) for start in range(n - length + 1)]
    out = np.zeros((n, len(cols)), dtype=np.float32)
    for c, (start, length) in enumerate(cols):
        out[start : start + length, c] = 1.0
    out.setflags(write=False)
    return out


def _incidence(values: np.ndarray, g: _Grams) -> np.ndarray:
    """(len(values) x sentences, float32 0/1): which of g's sentences hold each of `values`
    (sorted, distinct; a value g lacks gets an empty row)."""
    out = np.zeros((values.size, g.sizes.size), dtype=np.float32)
    pos = np.minimum(np.searchsorted(values, g.grams), values.size - 1)
    hit = values[pos] == g.grams
    out[pos[hit], g.sentence[hit]] = 1.0
    return out


def _run_sizes(g: _Grams, runs: np.ndarray) -> np.ndarray:
    """Distinct 4-grams of each run: the sentences' sizes less the grams a run holds twice."""
    sizes = g.sizes.astype(np.float64) @ runs
    again = g.grams[1:][g.grams[1:] == g.grams[:-1]]  # grams in two or more sentences
    if again.size:
        held = _incidence(np.unique(again), g) @ runs
        sizes -= np.maximum(held - 1.0, 0.0).sum(axis=0)
    return sizes


def appearing(a: _Grams, b: _Grams, min_jaccard: float) -> np.ndarray:
    """Which of a's sentences appear in b (bool per sentence of a).

    A sentence appears when some sentence of b has 4-gram Jaccard >= min_jaccard with it (as
    in `sentence_share`), or when b cut the same text differently: a run of up to `RUN`
    consecutive sentences of a that holds it and a run of up to `RUN` of b have Jaccard >=
    min_jaccard (a run's grams: the union of its sentences'), and every sentence of each run
    has 2t/(1+t) of its grams in the other run (t = min_jaccard; 2/3 at 0.5: the share each of
    two equal sentences has at Jaccard t). The last condition keeps the runs to one text cut
    two ways: a reworded sentence is not carried in by matching neighbours, nor is a shortened
    one (its text is in the other's sentence, but that sentence says more).
    """
    na, nb = a.sizes.size, b.sizes.size
    if na == 0 or nb == 0:
        return np.zeros(na, dtype=bool)
    common = np.intersect1d(a.grams, b.grams)
    if not common.size:
        return np.zeros(na, dtype=bool)
    in_a, in_b = _incidence(common, a), _incidence(common, b)
    runs_a, runs_b = _runs(na), _runs(nb)
    run_a = np.minimum(in_a @ runs_a, 1.0)  # common gram in run of a
    run_b = np.minimum(in_b @ runs_b, 1.0)
    shared = (run_a.T @ run_b).astype(np.float64)  # runs of a x runs of b
    size_a, size_b = _run_sizes(a, runs_a), _run_sizes(b, runs_b)
    match = shared >= min_jaccard * (size_a[:, None] + size_b[None, :] - shared)
    found = match[:na, :nb].any(axis=1)  # a sentence of b on its own
    part = 2.0 * min_jaccard / (1.0 + min_jaccard)
    # each sentence of either run has `part` of its grams in the other run (0/1 per sentence)
    in_b_run = ((in_a.T @ run_b) >= part * a.sizes[:, None] - 1e-9).astype(np.float32)
    in_a_run = ((in_b.T @ run_a) >= part * b.sizes[:, None] - 1e-9).astype(np.float32)
    whole_a = (runs_a.T @ in_b_run) >= runs_a.sum(axis=0)[:, None]  # runs of a x runs of b
    whole_b = (in_a_run.T @ runs_b) >= runs_b.sum(axis=0)[None, :]
    tight = (match & whole_a & whole_b).astype(np.float32)
    return found | ((runs_a @ tight) > 0).any(axis=1)


def _may_reach(a: _Grams, b: _Grams, found: np.ndarray, share: float, t: float) -> bool:
    """Whether `appearing` could find more than `share` of a's sentences in b: besides the
    sentences `found` on their own, only those with 2t/(1+t) of their grams in b can be."""
    pos = np.minimum(np.searchsorted(b.grams, a.grams), b.grams.size - 1)
    held = np.bincount(a.sentence[b.grams[pos] == a.grams], minlength=a.sizes.size)
    can = held >= 2.0 * t / (1.0 + t) * a.sizes - 1e-9
    can[found] = True
    return int(np.count_nonzero(can)) > share * a.sizes.size


def _shares(grams: Sequence[_Grams], config: ClusterConfig) -> list[tuple[int, int, float]]:
    """(i, j, share) for every pair of articles (i < j) whose share is above the threshold.

    All 4-grams are ranked rarest first (their count among this call's sentences, then hash);
    `matching_sentences` then finds every pair of sentences of different articles with Jaccard
    >= `sentence_jaccard` by a prefix-filtered join (exact: no pair is missed, and only
    sentences sharing a rare gram are ever compared). A pair's share is the number of the
    shorter article's sentences with a match in the other, over its sentence count; when that
    is not above the threshold, the sentences the other cut differently are added
    (`appearing`, for the pairs `_may_reach` cannot rule out). Exact for `sentence_jaccard` > 0
    and `near_duplicate_share` >= 0 among the pairs with at least one sentence matching on its
    own (a pair with none is never listed).
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
    keys = art[reach // n] * n + reach % n
    order = np.argsort(keys, kind="stable")
    keys, local = keys[order], reach[order] // n - first[art[reach[order] // n]]
    directed, begin, matched = np.unique(keys, return_index=True, return_counts=True)
    owner, other = directed // n, directed % n
    chars = np.array([g.chars for g in grams], dtype=np.int64)
    shorter = (chars[owner] < chars[other]) | ((chars[owner] == chars[other]) & (owner < other))
    out, t = [], config.sentence_jaccard
    for i, j, lo, hits in zip(
        owner[shorter].tolist(),
        other[shorter].tolist(),
        begin[shorter].tolist(),
        matched[shorter].tolist(),
        strict=True,
    ):
        share = float(hits) / int(counts[i])
        if share <= config.near_duplicate_share and _may_reach(
            grams[i], grams[j], local[lo : lo + hits], config.near_duplicate_share, t
        ):  # sentences the other article cut differently
            hits = int(np.count_nonzero(appearing(grams[i], grams[j], t)))
            share = float(hits) / int(counts[i])
        if share > config.near_duplicate_share:
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
