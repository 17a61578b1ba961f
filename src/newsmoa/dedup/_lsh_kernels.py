"""Compiled LSH kernels: band keys, pairs within buckets, estimates of candidate pairs.

Kept apart from the signature kernels (`_kernels.py`); the same integer rules hold: every
operation on hashes stays in explicit uint64 (numba turns uint64 mixed with int64 into float64).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from newsmoa.dedup._kernels import EMPTY, GOLDEN, fmix64


@njit(cache=True)
def band_keys(sigs: np.ndarray, bands: int, rows: int, seed: np.uint64) -> np.ndarray:
    """uint64[n, bands]: one hash per band of `rows` consecutive slots."""
    n = sigs.shape[0]
    out = np.empty((n, bands), np.uint64)
    for b in range(bands):
        band_h = fmix64((np.uint64(b + 1) * GOLDEN) ^ seed)
        for d in range(n):
            h = band_h
            for r in range(rows):
                h = fmix64(h ^ np.uint64(sigs[d, b * rows + r]))
            out[d, b] = h
    return out


@njit(cache=True)
def _bucket_pair_count(size: int, window: int) -> int:
    total = 0
    for p in range(size):
        total += min(window, size - 1 - p)
    return total


@njit(cache=True)
def bucket_pairs(keys: np.ndarray, order: np.ndarray, max_bucket: int) -> np.ndarray:
    """Pairs (i < j) sharing a band key; order[:, b] sorts keys[:, b] stably.

    A bucket of up to `max_bucket` members gives all its pairs; a larger one pairs each member
    only with the next `max_bucket - 1` members (in document order), so the work stays linear.
    """
    n, bands = keys.shape
    window = max_bucket - 1
    total = 0
    for b in range(bands):
        s = 0
        while s < n:
            key = keys[order[s, b], b]
            e = s + 1
            while e < n and keys[order[e, b], b] == key:
                e += 1
            total += _bucket_pair_count(e - s, window)
            s = e
    out = np.empty((total, 2), np.int64)
    t = 0
    for b in range(bands):
        s = 0
        while s < n:
            key = keys[order[s, b], b]
            e = s + 1
            while e < n and keys[order[e, b], b] == key:
                e += 1
            for p in range(s, e):
                for q in range(p + 1, min(e, p + 1 + window)):
                    i = order[p, b]
                    j = order[q, b]
                    out[t, 0] = min(i, j)
                    out[t, 1] = max(i, j)
                    t += 1
            s = e
    return out


@njit(cache=True)
def pair_estimates(sigs: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """float64[m]: estimated Jaccard of each pair (share of equal, non-empty slots)."""
    m = pairs.shape[0]
    k = sigs.shape[1]
    out = np.empty(m, np.float64)
    for p in range(m):
        i = pairs[p, 0]
        j = pairs[p, 1]
        same = 0
        for s in range(k):
            v = sigs[i, s]
            if v == sigs[j, s] and v != EMPTY:
                same += 1
        out[p] = same / k
    return out
