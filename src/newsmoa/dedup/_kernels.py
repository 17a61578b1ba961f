"""Compiled kernels: folding, shingle hashing, one-permutation MinHash, LSH band keys, checks.

The hot path of near-duplicate detection. One pass over the codepoints of a text, no Python
objects per shingle (MEASURED.md: building shingle strings caps any library near 2,500 docs/s).

Scheme (one-permutation hashing with optimal densification, Shrivastava 2017):
  fold codepoints (see `fold.py`) into a buffer -> each k-codepoint window is packed three
  codepoints (21 bits each) per 64-bit word and mixed with murmur3's fmix64 -> the high 32 bits
  of the hash pick one of `num_perm` bins, the low 32 bits are the value; each bin keeps its
  minimum -> a bin no shingle fell into copies the value of a non-empty bin chosen by a
  document-independent hash of (bin, attempt), so two documents densify alike.

All integer arithmetic is kept in explicit uint64/uint32: numba silently turns uint64 mixed with
int64 into float64, which once produced empty signatures.
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange

EMPTY = np.uint32(0xFFFFFFFF)  # a bin no shingle reached; the value of every slot of empty text
_MAX_VALUE = np.uint32(0xFFFFFFFE)
_C1 = np.uint64(0xFF51AFD7ED558CCD)
_C2 = np.uint64(0xC4CEB9FE1A85EC53)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_DENSIFY = np.uint64(0xD6E8FEB86659FD93)
_LOW32 = np.uint64(0xFFFFFFFF)
_ZERO = np.uint64(0)
_ONE = np.uint64(1)
_S21 = np.uint64(21)
_S32 = np.uint64(32)
_S33 = np.uint64(33)


@njit(cache=True, inline="always")
def _fmix64(h: np.uint64) -> np.uint64:
    """murmur3's 64-bit finaliser: a bijection that spreads every input bit."""
    h ^= h >> _S33
    h *= _C1
    h ^= h >> _S33
    h *= _C2
    h ^= h >> _S33
    return h


@njit(cache=True, inline="always")
def _bin_of(h: np.uint64, num_bins: int) -> int:
    """Map the high 32 bits of a hash onto [0, num_bins) without a division."""
    return int(((h >> _S32) * np.uint64(num_bins)) >> _S32)


@njit(cache=True)
def fold_into(cps: np.ndarray, start: int, end: int, table: np.ndarray, buf: np.ndarray) -> int:
    """Fold cps[start:end] into buf (see fold.py); return how many codepoints were kept."""
    k = 0
    for p in range(start, end):
        c = cps[p]
        if c < 65536:
            f = table[c]
            if f == 0:
                continue
        elif c >= 0x20000 and c < 0x40000:
            f = c
        else:
            continue
        if k > 0:
            prev = buf[k - 1]
            if 0x1161 <= f <= 0x1175 and 0x1100 <= prev <= 0x1112:
                lv = 0xAC00 + ((int(prev) - 0x1100) * 21 + (int(f) - 0x1161)) * 28
                buf[k - 1] = np.uint32(lv)
                continue
            # a final consonant joins a preceding syllable that has none (an LV syllable)
            if (
                0x11A8 <= f <= 0x11C2
                and 0xAC00 <= prev <= 0xD7A3
                and (int(prev) - 0xAC00) % 28 == 0
            ):
                buf[k - 1] = np.uint32(int(prev) + int(f) - 0x11A7)
                continue
        buf[k] = f
        k += 1
    return k


@njit(cache=True)
def oph_signature(buf: np.ndarray, n: int, shingle: int, seed: np.uint64, sig: np.ndarray) -> int:
    """Fill sig with the densified one-permutation MinHash of buf[:n]; return the shingle count."""
    num_bins = sig.shape[0]
    for b in range(num_bins):
        sig[b] = EMPTY
    m = n - shingle + 1
    if m <= 0:
        return 0
    start_h = _fmix64(seed ^ _GOLDEN)
    for i in range(m):
        h = start_h
        w = _ZERO
        shift = _ZERO
        for j in range(shingle):
            w |= np.uint64(buf[i + j]) << shift
            shift += _S21
            if shift == np.uint64(63):
                h = _fmix64(h ^ w)
                w = _ZERO
                shift = _ZERO
        if shift != _ZERO:
            h = _fmix64(h ^ w)
        b = _bin_of(h, num_bins)
        v = np.uint32(h & _LOW32)
        if v == EMPTY:
            v = _MAX_VALUE
        if v < sig[b]:
            sig[b] = v
    _densify(sig, seed)
    return m


@njit(cache=True)
def _densify(sig: np.ndarray, seed: np.uint64) -> None:
    """Optimal densification: each empty bin copies a non-empty bin picked by hash(bin, try)."""
    num_bins = sig.shape[0]
    empty = 0
    for b in range(num_bins):
        if sig[b] == EMPTY:
            empty += 1
    if empty == 0 or empty == num_bins:
        return
    orig = sig.copy()
    salt = _fmix64(seed ^ _DENSIFY)
    for b in range(num_bins):
        if orig[b] != EMPTY:
            continue
        attempt = _ONE
        while True:
            h = _fmix64(((np.uint64(b) << _S32) | attempt) ^ salt)
            src = _bin_of(h, num_bins)
            if orig[src] != EMPTY:
                sig[b] = orig[src]
                break
            attempt += _ONE


@njit(cache=True)
def signatures_serial(
    cps: np.ndarray,
    offsets: np.ndarray,
    table: np.ndarray,
    shingle: int,
    seed: np.uint64,
    out: np.ndarray,
    sizes: np.ndarray,
) -> None:
    """Signatures of the documents cps[offsets[d]:offsets[d+1]] into out[d], on one thread."""
    buf = np.empty(max(1, int(np.max(np.diff(offsets)))) if offsets.size > 1 else 1, np.uint32)
    for d in range(offsets.size - 1):
        n = fold_into(cps, offsets[d], offsets[d + 1], table, buf)
        sizes[d] = oph_signature(buf, n, shingle, seed, out[d])


@njit(cache=True, parallel=True)
def signatures_parallel(
    cps: np.ndarray,
    offsets: np.ndarray,
    table: np.ndarray,
    shingle: int,
    seed: np.uint64,
    out: np.ndarray,
    sizes: np.ndarray,
) -> None:
    """As `signatures_serial`, with documents spread over numba's threads."""
    for d in prange(offsets.size - 1):
        buf = np.empty(offsets[d + 1] - offsets[d], np.uint32)
        n = fold_into(cps, offsets[d], offsets[d + 1], table, buf)
        sizes[d] = oph_signature(buf, n, shingle, seed, out[d])


@njit(cache=True)
def fold_codepoints(cps: np.ndarray, table: np.ndarray) -> np.ndarray:
    """The folded codepoints of one text (what is shingled), for tests and other libraries."""
    buf = np.empty(cps.size, np.uint32)
    n = fold_into(cps, 0, cps.size, table, buf)
    return buf[:n].copy()


@njit(cache=True)
def band_keys(sigs: np.ndarray, bands: int, rows: int, seed: np.uint64) -> np.ndarray:
    """uint64[n, bands]: one hash per band of `rows` consecutive slots."""
    n = sigs.shape[0]
    out = np.empty((n, bands), np.uint64)
    for b in range(bands):
        band_h = _fmix64((np.uint64(b + 1) * _GOLDEN) ^ seed)
        for d in range(n):
            h = band_h
            for r in range(rows):
                h = _fmix64(h ^ np.uint64(sigs[d, b * rows + r]))
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
