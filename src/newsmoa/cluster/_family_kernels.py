"""Compiled helper of `families.py`: the distinct 4-grams of each sentence in one pass."""

from __future__ import annotations

import numba as nb
import numpy as np

from newsmoa.cluster._kernels import char_grams


@nb.njit(cache=True)
def sentence_grams(
    cps: np.ndarray, starts: np.ndarray, ends: np.ndarray, table: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct n-gram hashes of the folded text of each span `cps[starts[k]:ends[k]]`.

    Returns (hashes, owner, sizes): the hashes of each kept span sorted and distinct, the index
    of the span they belong to among the kept ones, and their count per kept span. A span whose
    folded text is shorter than n is dropped (it gets no index): `char_grams` gives it none.
    """
    total = 0
    for k in range(starts.size):
        total += max(0, ends[k] - starts[k] - n + 1)
    hashes = np.empty(total, dtype=np.uint64)
    owner = np.empty(total, dtype=np.int64)
    sizes = np.empty(starts.size, dtype=np.int64)
    at = 0
    kept = 0
    for k in range(starts.size):
        grams = char_grams(cps[starts[k] : ends[k]], table, n)
        if grams.size == 0:
            continue
        block = np.sort(grams)
        distinct = 0
        for i in range(block.size):
            if i == 0 or block[i] != block[i - 1]:
                hashes[at + distinct] = block[i]
                distinct += 1
        owner[at : at + distinct] = kept
        sizes[kept] = distinct
        at += distinct
        kept += 1
    return hashes[:at], owner[:at], sizes[:kept]


@nb.njit(cache=True)
def matching_sentences(
    ranks: np.ndarray, starts: np.ndarray, sizes: np.ndarray, article: np.ndarray, t: float
) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of sentences of different articles with Jaccard >= t (prefix-filtered join).

    Sentence k's distinct grams are `ranks[starts[k]:starts[k] + sizes[k]]`, ascending in one
    global order (rarest first). Sentences are taken by increasing size; each probes the index
    with its first |x| - ceil(t|x|) + 1 grams and is then indexed by its first
    |x| - ceil(2t/(1+t)|x|) + 1 (All-Pairs / PPJoin, Bayardo et al. 2007, Xiao et al. 2008: the
    first gram two matching sentences share lies in both prefixes). Candidates must pass the
    size filter (|y| >= t|x|) and the positional filter (grams shared so far + what is left
    after this gram in the shorter remainder can still reach the overlap that Jaccard t needs,
    t/(1+t) (|x|+|y|)), then are counted exactly; Jaccard is shared >= t * union, the
    comparison `sentence_share` makes. Returns the matching pairs (x, y) as two arrays.
    """
    n = sizes.size
    order = np.argsort(sizes, kind="mergesort")
    span = 0
    for k in range(ranks.size):
        span = max(span, ranks[k] + 1)
    index_len = np.empty(n, dtype=np.int64)
    probe_len = np.empty(n, dtype=np.int64)
    shrink = 2.0 * t / (1.0 + t)
    for k in range(n):
        # floor(c * size + eps) <= ceil(c * size): a prefix never shorter than the bound's
        index_len[k] = min(sizes[k], sizes[k] - np.int64(np.floor(shrink * sizes[k] + 1e-9)) + 1)
        probe_len[k] = min(sizes[k], sizes[k] - np.int64(np.floor(t * sizes[k] + 1e-9)) + 1)
    head = np.zeros(span + 1, dtype=np.int64)
    for k in range(n):
        for i in range(index_len[k]):
            head[ranks[starts[k] + i] + 1] += 1
    for g in range(span):
        head[g + 1] += head[g]
    fill = head[:-1].copy()
    low = head[:-1].copy()
    posting = np.empty(head[span], dtype=np.int64)
    position = np.empty(head[span], dtype=np.int64)
    stamp = np.full(n, -1, dtype=np.int64)
    seen = np.zeros(n, dtype=np.int64)  # grams shared so far with the probing sentence; -1: out
    found = np.empty(n, dtype=np.int64)
    out_x = np.empty(1024, dtype=np.int64)
    out_y = np.empty(1024, dtype=np.int64)
    m = 0
    for x in order:
        sx = sizes[x]
        smallest = t * sx - 1e-9
        nfound = 0
        for i in range(probe_len[x]):
            g = ranks[starts[x] + i]
            while low[g] < fill[g] and sizes[posting[low[g]]] < smallest:
                low[g] += 1  # later sentences are no smaller: never a candidate again
            for p in range(low[g], fill[g]):
                y = posting[p]
                if article[y] == article[x]:
                    continue
                if stamp[y] != x:
                    stamp[y] = x
                    seen[y] = 0
                    found[nfound] = y
                    nfound += 1
                if seen[y] < 0:
                    continue
                sy = sizes[y]
                bound = seen[y] + 1 + min(sx - i - 1, sy - position[p] - 1)
                if bound * (1.0 + t) < t * (sx + sy) - 1e-9:
                    seen[y] = -1
                else:
                    seen[y] += 1
        for c in range(nfound):
            y = found[c]
            if seen[y] < 0:
                continue
            sy = sizes[y]
            a, b, shared = starts[x], starts[y], 0
            a_end, b_end = a + sx, b + sy
            while a < a_end and b < b_end:
                if ranks[a] == ranks[b]:
                    shared += 1
                    a += 1
                    b += 1
                elif ranks[a] < ranks[b]:
                    a += 1
                else:
                    b += 1
            if shared >= t * (sx + sy - shared):
                if m == out_x.size:
                    out_x = np.concatenate((out_x, np.empty(m, dtype=np.int64)))
                    out_y = np.concatenate((out_y, np.empty(m, dtype=np.int64)))
                out_x[m] = x
                out_y[m] = y
                m += 1
        for i in range(index_len[x]):
            g = ranks[starts[x] + i]
            posting[fill[g]] = x
            position[fill[g]] = i
            fill[g] += 1
    return out_x[:m], out_y[:m]
