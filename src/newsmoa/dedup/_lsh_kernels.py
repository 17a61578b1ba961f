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
    """uint64[bands, n] (band-major, so each band sorts contiguously): one hash per band."""
    n = sigs.shape[0]
    out = np.empty((bands, n), np.uint64)
    band_h = np.empty(bands, np.uint64)
    for b in range(bands):
        band_h[b] = fmix64((np.uint64(b + 1) * GOLDEN) ^ seed)
    for d in range(n):
        for b in range(bands):
            h = band_h[b]
            for r in range(rows):
                h = fmix64(h ^ np.uint64(sigs[d, b * rows + r]))
            out[b, d] = h
    return out


@njit(cache=True)
def _bucket_end(keys: np.ndarray, order: np.ndarray, s: int) -> int:
    key = keys[order[s]]
    e = s + 1
    while e < order.size and keys[order[e]] == key:
        e += 1
    return e


@njit(cache=True)
def bucket_pairs(keys: np.ndarray, order: np.ndarray, max_bucket: int) -> np.ndarray:
    """Pairs (i < j) sharing a band key; order[b] sorts keys[b] (any sort; not kept stable).

    Members of a bucket are put in document order first. A bucket of up to `max_bucket`
    members gives all its pairs; a larger one pairs each member only with the next
    `max_bucket - 1` members, so the work stays linear. Pairs may repeat across bands.
    """
    bands, n = keys.shape
    window = max_bucket - 1
    total = 0
    for b in range(bands):
        s = 0
        while s < n:
            e = _bucket_end(keys[b], order[b], s)
            if e - s > 1:
                order[b, s:e] = np.sort(order[b, s:e])
                for p in range(e - s):
                    total += min(window, e - s - 1 - p)
            s = e
    out = np.empty((total, 2), np.int64)
    t = 0
    for b in range(bands):
        s = 0
        while s < n:
            e = _bucket_end(keys[b], order[b], s)
            for p in range(s, e):
                for q in range(p + 1, min(e, p + 1 + window)):
                    out[t, 0] = order[b, p]
                    out[t, 1] = order[b, q]
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
