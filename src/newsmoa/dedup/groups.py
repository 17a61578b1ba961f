"""From signatures to near-duplicate groups: checked candidate pairs, then union-find.

Raw LSH candidates are only a shortlist: clustering them unchecked pulled 43,000 of 50,000
documents into 2,900 clusters (MEASURED.md). Each candidate's similarity is therefore estimated
from the full signatures and kept only at or above a threshold before any grouping.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from newsmoa.dedup import _lsh_kernels as _kernels
from newsmoa.dedup.lsh import LSHConfig, candidate_pairs

__all__ = ["check_pairs", "groups", "near_duplicate_pairs"]

_DEFAULT_LSH = LSHConfig()


def check_pairs(
    sigs: np.ndarray, pairs: np.ndarray, threshold: float = 0.5
) -> tuple[np.ndarray, np.ndarray]:
    """Keep the pairs whose estimated Jaccard is >= threshold: (int64[m, 2], float64[m])."""
    sigs = np.ascontiguousarray(sigs, dtype=np.uint32)
    pairs = np.ascontiguousarray(pairs, dtype=np.int64).reshape(-1, 2)
    if pairs.size and (pairs.min() < 0 or pairs.max() >= sigs.shape[0]):
        raise IndexError("a pair refers to a row outside the signatures")
    estimates = _kernels.pair_estimates(sigs, pairs)
    keep = estimates >= threshold
    return pairs[keep], estimates[keep]


def near_duplicate_pairs(
    sigs: np.ndarray, *, lsh: LSHConfig = _DEFAULT_LSH, threshold: float = 0.5
) -> list[tuple[int, int, float]]:
    """Checked near-duplicate pairs (i, j, estimated Jaccard), i < j, sorted by (i, j)."""
    pairs, estimates = check_pairs(sigs, candidate_pairs(sigs, lsh), threshold)
    return [(i, j, e) for (i, j), e in zip(pairs.tolist(), estimates.tolist(), strict=True)]


def groups(
    n: int,
    pairs: Iterable[tuple[int, int] | tuple[int, int, float]] | np.ndarray,
    *,
    singletons: bool = False,
) -> list[list[int]]:
    """Connected groups of items 0..n-1 linked by pairs (union-find).

    Each group is sorted and groups are sorted by their first member. Items in no pair are
    omitted unless `singletons` is true, in which case each appears as a group of its own.
    Pairs may carry extra fields (such as the estimate from `near_duplicate_pairs`); only the
    first two are used.
    """
    parent = list(range(n))
    size = [1] * n

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    rows = pairs.tolist() if isinstance(pairs, np.ndarray) else pairs
    for pair in rows:
        i, j = int(pair[0]), int(pair[1])
        if not (0 <= i < n and 0 <= j < n):
            raise IndexError(f"pair ({i}, {j}) outside 0..{n - 1}")
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if size[ri] < size[rj]:
            ri, rj = rj, ri
        parent[rj] = ri
        size[ri] += size[rj]

    members: dict[int, list[int]] = {}
    for x in range(n):
        members.setdefault(find(x), []).append(x)
    return [m for m in members.values() if singletons or len(m) > 1]
