"""Compiled signature kernels: folding, shingle hashing, one-permutation MinHash.

The hot path of near-duplicate detection: one compiled pass over the codepoints of a text and
no Python object per shingle (MEASURED.md: building shingle strings caps any library near
2,500 docs/s).

Scheme (one-permutation hashing with optimal densification, Shrivastava 2017), per document:
  1. fold its codepoints (see `fold.py`) into a buffer; the write index advances by
     `folded != 0`, with no branch on the (unpredictable) dropped characters;
  2. hash each window of k codepoints: three 21-bit codepoints per 64-bit word, each word times
     its own odd constant, xor-ed with a seed word and mixed by murmur3's fmix64; for k = 5 the
     two words slide along the buffer (same values as the general loop);
  3. the high 32 bits of a hash pick one of `num_perm` bins, the low 32 bits are the value;
     each bin keeps its minimum (a branch-free `min`);
  4. a bin no shingle fell into copies a non-empty bin chosen by a document-independent hash of
     (bin, attempt), so two documents densify alike and the estimate stays unbiased.
Steps 2 and 3 are separate loops: the first has no stores that depend on the data and runs
about twice as fast that way (measured; see the bench notes).

All integer arithmetic is kept in explicit uint64/uint32: numba silently turns uint64 mixed with
int64 into float64, which once produced empty signatures.
"""

from __future__ import annotations

import numpy as np
from numba import njit

EMPTY = np.uint32(0xFFFFFFFF)  # a bin no shingle reached; the value of every slot of empty text
MAX_SHINGLE = 96  # 32 words of three codepoints
GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MAX_VALUE = np.uint32(0xFFFFFFFE)
_C1 = np.uint64(0xFF51AFD7ED558CCD)
_C2 = np.uint64(0xC4CEB9FE1A85EC53)
_DENSIFY = np.uint64(0xD6E8FEB86659FD93)
_LOW32 = np.uint64(0xFFFFFFFF)
_ZERO = np.uint64(0)
_ONE = np.uint64(1)
_S21 = np.uint64(21)
_S32 = np.uint64(32)
_S33 = np.uint64(33)
_S42 = np.uint64(42)
_JAMO = np.uint32(0x1100)


def _word_constants(count: int) -> np.ndarray:
    """Odd multipliers, one per 3-codepoint word of a shingle (fixed: they define the hash)."""
    out, mask = [], (1 << 64) - 1
    for i in range(count):
        h = ((i + 1) * 0x9E3779B97F4A7C15) & mask
        h ^= h >> 33
        h = (h * 0xFF51AFD7ED558CCD) & mask
        h ^= h >> 33
        out.append(h | 1)
    return np.array(out, dtype=np.uint64)


_WORDS = _word_constants(MAX_SHINGLE // 3)
_K0 = np.uint64(_WORDS[0])
_K1 = np.uint64(_WORDS[1])


@njit(cache=True, inline="always")
def fmix64(h: np.uint64) -> np.uint64:
    """murmur3's 64-bit finaliser: a bijection that spreads every input bit."""
    h ^= h >> _S33
    h *= _C1
    h ^= h >> _S33
    h *= _C2
    h ^= h >> _S33
    return h


@njit(cache=True, inline="always")
def bin_of(h: np.uint64, num_bins: int) -> int:
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
        elif c >= 0x20000 and c < 0x40000:
            f = c
        else:
            f = np.uint32(0)
        if np.uint32(f - _JAMO) < np.uint32(0x100) and k > 0:  # conjoining jamo: rare
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
        k += f != 0
    return k


@njit(cache=True)
def hash_shingles_general(
    buf: np.ndarray, n: int, shingle: int, start_h: np.uint64, hs: np.ndarray
) -> int:
    """hs[i] = hash of buf[i:i+shingle] for every window; returns the number of windows."""
    m = n - shingle + 1
    for i in range(m):
        acc = start_h
        w = _ZERO
        shift = _ZERO
        word = 0
        for j in range(shingle):
            w |= np.uint64(buf[i + j]) << shift
            shift += _S21
            if shift == np.uint64(63) or j == shingle - 1:
                acc ^= w * _WORDS[word]
                word += 1
                w = _ZERO
                shift = _ZERO
        hs[i] = fmix64(acc)
    return max(m, 0)


@njit(cache=True)
def hash_shingles(buf: np.ndarray, n: int, shingle: int, start_h: np.uint64, hs: np.ndarray) -> int:
    """As `hash_shingles_general`, with a straight-line loop for the default 5 codepoints."""
    if shingle != 5:
        return hash_shingles_general(buf, n, shingle, start_h, hs)
    m = n - 4
    for i in range(m):
        x = np.uint64(buf[i]) | (np.uint64(buf[i + 1]) << _S21) | (np.uint64(buf[i + 2]) << _S42)
        y = np.uint64(buf[i + 3]) | (np.uint64(buf[i + 4]) << _S21)
        hs[i] = fmix64(start_h ^ (x * _K0) ^ (y * _K1))
    return max(m, 0)


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
    salt = fmix64(seed ^ _DENSIFY)
    for b in range(num_bins):
        if orig[b] != EMPTY:
            continue
        attempt = _ONE
        while True:
            src = bin_of(fmix64(((np.uint64(b) << _S32) | attempt) ^ salt), num_bins)
            if orig[src] != EMPTY:
                sig[b] = orig[src]
                break
            attempt += _ONE


@njit(cache=True)
def oph_signature(hs: np.ndarray, m: int, seed: np.uint64, sig: np.ndarray) -> None:
    """Fill sig with the densified one-permutation MinHash of the shingle hashes hs[:m]."""
    num_bins = sig.shape[0]
    for b in range(num_bins):
        sig[b] = EMPTY
    for i in range(m):
        h = hs[i]
        b = bin_of(h, num_bins)
        sig[b] = min(sig[b], min(np.uint32(h & _LOW32), _MAX_VALUE))
    _densify(sig, seed)


@njit(cache=True, nogil=True)
def sign_documents(cps, offsets, table, shingle, seed, out, sizes) -> None:  # noqa: ANN001
    """Signatures of the documents cps[offsets[d]:offsets[d+1]] into out[d], counts into sizes.

    Runs without the GIL, so several Python threads can each sign their own chunk: measured
    on 2 busy cores, threads over chunks scaled (62k -> 113-162k docs/s) where numba's prange
    spent its time waiting for the other thread (9k docs/s).
    """
    longest = 1
    for d in range(offsets.size - 1):
        longest = max(longest, offsets[d + 1] - offsets[d])
    buf = np.empty(longest, np.uint32)
    hs = np.empty(longest, np.uint64)
    start_h = fmix64(seed ^ GOLDEN)
    for d in range(offsets.size - 1):
        n = fold_into(cps, offsets[d], offsets[d + 1], table, buf)
        m = hash_shingles(buf, n, shingle, start_h, hs)
        oph_signature(hs, m, seed, out[d])
        sizes[d] = m


@njit(cache=True)
def fold_codepoints(cps: np.ndarray, table: np.ndarray) -> np.ndarray:
    """The folded codepoints of one text (what is shingled), for tests and other libraries."""
    buf = np.empty(cps.size, np.uint32)
    n = fold_into(cps, 0, cps.size, table, buf)
    return buf[:n].copy()
