"""Near-duplicate families: reprints of one wire story or press release, reported as such.

Two articles are near-duplicates when most of the shorter one's text appears in the other
(containment >= `near_duplicate_containment`), which also catches an article that pasted
another's wire text into a longer piece. Containment is estimated from the MinHash
signatures and text lengths: |A ∩ B| = J (|A| + |B|) / (1 + J).

Candidate pairs are every pair inside a story plus the pairs that low-threshold LSH banding
proposes across stories (a pasted block may sit in another story). A family is a connected
group of near-duplicates inside one story; pairs across stories are reported separately.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from newsmoa.cluster.config import DEFAULT_CONFIG, ClusterConfig
from newsmoa.cluster.features import Features


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Article `a` and `b` share `containment` of the shorter text (estimated)."""

    a: str
    b: str
    containment: float
    jaccard: float


@dataclass(frozen=True, slots=True)
class Family:
    """Articles of one story that reprint one text (two or more)."""

    story: str
    articles: tuple[str, ...]


def _containment(fa: Features, fb: Features) -> tuple[float, float]:
    sa, sb = fa.signature, fb.signature
    if sa.size == 0 or sa.shape != sb.shape:
        return 0.0, 0.0
    j = float(np.count_nonzero(sa == sb)) / sa.size
    small, large = sorted((max(fa.shingles, 1), max(fb.shingles, 1)))
    inter = j * (small + large) / (1.0 + j)
    return min(1.0, inter / small), j


def _cross_candidates(features: Sequence[Features]) -> list[tuple[int, int]]:
    from newsmoa import dedup

    have = [i for i, f in enumerate(features) if f.signature.size]
    if len(have) < 2 or not hasattr(dedup, "candidate_pairs"):
        return []
    sigs = np.stack([features[i].signature for i in have])
    pairs = dedup.candidate_pairs(sigs, dedup.LSHConfig(bands=64, rows=2))
    return [(have[int(i)], have[int(j)]) for i, j in pairs]


def near_duplicate_pairs(
    ids: Sequence[str],
    features: Sequence[Features],
    stories: Sequence[str],
    config: ClusterConfig = DEFAULT_CONFIG,
) -> list[NearDuplicate]:
    """Checked near-duplicate pairs among articles with the given story ids (aligned lists)."""
    by_story: dict[str, list[int]] = {}
    for i, s in enumerate(stories):
        by_story.setdefault(s, []).append(i)
    cand = {p for members in by_story.values() for p in combinations(members, 2)}
    cand.update((min(i, j), max(i, j)) for i, j in _cross_candidates(features) if i != j)
    out = []
    for i, j in sorted(cand):
        c, jac = _containment(features[i], features[j])
        if c >= config.near_duplicate_containment:
            out.append(NearDuplicate(ids[i], ids[j], c, jac))
    return out


def near_duplicate_families(
    ids: Sequence[str],
    features: Sequence[Features],
    stories: Sequence[str],
    config: ClusterConfig = DEFAULT_CONFIG,
) -> tuple[list[Family], list[NearDuplicate]]:
    """Families inside each story, and every checked pair (including those across stories)."""
    pairs = near_duplicate_pairs(ids, features, stories, config)
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
