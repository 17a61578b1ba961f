"""Near-duplicate families: reprints of one wire story or release, reported as such.

Two articles are near-duplicates when most of the shorter one's sentences appear in the other
(`near_duplicate_share` of its sentences of 15+ characters), which also catches an article that
pasted another's wire text into a longer piece. A sentence appears in the other article when
some sentence there has character 4-gram Jaccard >= `sentence_jaccard` with it (4-grams of the
folded text: no spaces, punctuation or case), so an edited reprint of a sentence still counts
while a rewrite of the same facts does not.

Candidate pairs are every pair inside a story plus the pairs that loose LSH banding of the
MinHash signatures proposes across stories (a pasted block may sit in another story). A family
is a connected group of near-duplicates inside one story; pairs across stories are reported
separately (as pairs, not families).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from newsmoa import dedup
from newsmoa.cluster import _kernels
from newsmoa.cluster.config import DEFAULT_CONFIG, ClusterConfig
from newsmoa.cluster.terms import clean_for_features, codepoints
from newsmoa.dedup.fold import fold_table
from newsmoa.types import Article

_SENTENCE = re.compile(r"[^\n.?!。]+(?:[.?!。]+|$)")
_LOOSE_BANDS = dedup.LSHConfig(bands=64, rows=2)
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
    table = fold_table()
    parts: list[np.ndarray] = []
    owners: list[np.ndarray] = []
    sizes: list[int] = []
    text = clean_for_features(text)
    for m in _SENTENCE.finditer(text):
        s = m.group().strip()
        if len(s) < MIN_SENTENCE_CHARS:
            continue
        g = np.unique(_kernels.char_grams(codepoints(s), table, 4))
        if g.size:
            owners.append(np.full(g.size, len(parts), dtype=np.int64))
            parts.append(g)
            sizes.append(g.size)
    if not parts:
        return _Grams(np.empty(0, np.uint64), np.empty(0, np.int64), np.empty(0, np.int64), 0)
    grams, owner = np.concatenate(parts), np.concatenate(owners)
    order = np.argsort(grams, kind="stable")
    return _Grams(grams[order], owner[order], np.array(sizes, dtype=np.int64), len(text))


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


def _signatures(articles: Sequence[Article]) -> np.ndarray:
    return dedup.signatures([clean_for_features(a.text) for a in articles])


def near_duplicate_pairs(
    articles: Sequence[Article],
    stories: Sequence[str],
    config: ClusterConfig = DEFAULT_CONFIG,
    signatures: np.ndarray | None = None,
) -> list[NearDuplicate]:
    """Checked near-duplicate pairs among articles with the given story ids (aligned lists).

    `signatures` (uint32[n, slots], e.g. from the articles' `Features`) saves recomputing them.
    """
    by_story: dict[str, list[int]] = {}
    for i, s in enumerate(stories):
        by_story.setdefault(s, []).append(i)
    cand = {p for members in by_story.values() for p in combinations(members, 2)}
    sigs = _signatures(articles) if signatures is None else signatures
    if len(articles) > 1:
        cand.update(map(tuple, dedup.candidate_pairs(sigs, _LOOSE_BANDS).tolist()))
    grams: dict[int, _Grams] = {}
    out = []
    for i, j in sorted(cand):
        gi = grams.get(i) or grams.setdefault(i, _grams(articles[i].text))
        gj = grams.get(j) or grams.setdefault(j, _grams(articles[j].text))
        short, long_ = (gi, gj) if gi.chars <= gj.chars else (gj, gi)
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
