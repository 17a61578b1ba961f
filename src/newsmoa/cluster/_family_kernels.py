"""Compiled helper of `families.py`: the distinct 4-grams of each sentence in one pass."""

from __future__ import annotations

import numba as nb
import numpy as np

from newsmoa.cluster._kernels import _OFFSET, _finish, _fold, _mix


@nb.njit(cache=True)
def sentence_grams(
    cps: np.ndarray, starts: np.ndarray, ends: np.ndarray, table: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct n-gram hashes of the folded text of each span `cps[starts[k]:ends[k]]`.

    Returns (hashes, owner, sizes): the hashes of each kept span sorted and distinct, the index
    of the span they belong to among the kept ones, and their count per kept span. A span whose
    folded text is shorter than n is dropped (it gets no index), as `char_grams` gives it none.
    """
    total = 0
    longest = 0
    for k in range(starts.size):
        width = ends[k] - starts[k]
        total += max(0, width - n + 1)
        longest = max(longest, width)
    hashes = np.empty(total, dtype=np.uint64)
    owner = np.empty(total, dtype=np.int64)
    sizes = np.empty(starts.size, dtype=np.int64)
    folded = np.empty(longest, dtype=np.uint32)
    at = 0
    kept = 0
    for k in range(starts.size):
        m = 0
        for i in range(starts[k], ends[k]):
            f = _fold(cps[i], table)
            if f != 0:
                folded[m] = f
                m += 1
        if m < n:
            continue
        count = m - n + 1
        for i in range(count):
            h = _OFFSET
            for j in range(n):
                h = _mix(h, np.uint64(folded[i + j]))
            hashes[at + i] = _finish(h)
        block = np.sort(hashes[at : at + count])
        distinct = 0
        for i in range(count):
            if i == 0 or block[i] != block[i - 1]:
                hashes[at + distinct] = block[i]
                distinct += 1
        owner[at : at + distinct] = kept
        sizes[kept] = distinct
        at += distinct
        kept += 1
    return hashes[:at], owner[:at], sizes[:kept]
