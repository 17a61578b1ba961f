"""Compiled inner loops of story clustering (numba): term hashing and sparse dot products.

Terms are hashed straight from the text's codepoints in one pass, with no Python strings:

* a run of Hangul syllables gives its syllable bigrams (one syllable alone gives itself), so
  particles and endings cost one odd bigram instead of needing a morphological analyser;
* a run of other letters (and digits after a letter) is one word, lower-cased by the fold
  table of `newsmoa.dedup.fold`;
* a number keeps its inner `.`/`,` and the Hangul syllable right after it (396억, 31일, 3.5);
* each CJK ideograph (日, 美, 韓 in Korean headlines) is a term of its own.

Every term found before `boost_end` (the title and lead) counts `1 + boost` times.
"""

from __future__ import annotations

import numba as nb
import numpy as np

from newsmoa.dedup._kernels import fmix64

_OFFSET = np.uint64(0xCBF29CE484222325)
_PRIME = np.uint64(0x100000001B3)
_TAG_BIGRAM = np.uint64(1)
_TAG_SYLLABLE = np.uint64(2)
_TAG_WORD = np.uint64(3)
_TAG_NUMBER = np.uint64(4)
_TAG_IDEOGRAPH = np.uint64(5)


@nb.njit(cache=True, inline="always")
def _mix(h: np.uint64, x: np.uint64) -> np.uint64:
    return (h ^ x) * _PRIME


@nb.njit(cache=True, inline="always")
def _fold(c: np.uint32, table: np.ndarray) -> np.uint32:
    if c < 0x10000:
        return table[c]
    if 0x20000 <= c < 0x40000:
        return c
    return np.uint32(0)


@nb.njit(cache=True, inline="always")
def _hangul(f: np.uint32) -> np.bool_:
    return 0xAC00 <= f <= 0xD7A3


@nb.njit(cache=True, inline="always")
def _ideograph(f: np.uint32) -> np.bool_:
    return (0x3400 <= f <= 0x9FFF) or (0xF900 <= f <= 0xFAFF) or f >= 0x20000


@nb.njit(cache=True, inline="always")
def _digit(f: np.uint32) -> np.bool_:
    return 48 <= f <= 57


@nb.njit(cache=True)
def term_counts(
    cps: np.ndarray, table: np.ndarray, boost_end: int, boost: float
) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique term hashes (uint64) of a text and their boosted counts (float32)."""
    n = cps.size
    hashes = np.empty(n + 1, dtype=np.uint64)
    weights = np.empty(n + 1, dtype=np.float32)
    m = 0
    i = 0
    while i < n:
        f = _fold(cps[i], table)
        if f == 0:
            i += 1
            continue
        w = np.float32(1.0 + boost) if i < boost_end else np.float32(1.0)
        if _hangul(f):
            j = i + 1
            prev = f
            while j < n:
                g = _fold(cps[j], table)
                if not _hangul(g):
                    break
                h = _mix(_mix(_mix(_OFFSET, _TAG_BIGRAM), np.uint64(prev)), np.uint64(g))
                hashes[m] = fmix64(h)
                weights[m] = w
                m += 1
                prev = g
                j += 1
            if j == i + 1:
                hashes[m] = fmix64(_mix(_mix(_OFFSET, _TAG_SYLLABLE), np.uint64(f)))
                weights[m] = w
                m += 1
            i = j
        elif _ideograph(f):
            hashes[m] = fmix64(_mix(_mix(_OFFSET, _TAG_IDEOGRAPH), np.uint64(f)))
            weights[m] = w
            m += 1
            i += 1
        else:
            number = _digit(f)
            h = _mix(_OFFSET, _TAG_NUMBER if number else _TAG_WORD)
            j = i
            prev = np.uint32(0)
            while j < n:
                g = _fold(cps[j], table)
                if g == 0:
                    c = cps[j]
                    if (
                        number
                        and (c == 46 or c == 44)
                        and _digit(prev)
                        and j + 1 < n
                        and _digit(_fold(cps[j + 1], table))
                    ):
                        h = _mix(h, np.uint64(46))
                        j += 1
                        continue
                    break
                if _hangul(g) or _ideograph(g):
                    if number and _hangul(g):
                        h = _mix(h, np.uint64(g))
                    break
                h = _mix(h, np.uint64(g))
                prev = g
                j += 1
            hashes[m] = fmix64(h)
            weights[m] = w
            m += 1
            i = j
    return _summed(hashes, weights, m)


@nb.njit(cache=True)
def _summed(hashes: np.ndarray, weights: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of hashes[:m], sorted, and the sum of each one's weights (added in
    text order, as a stable sort of all of them would). An open-addressing table finds the
    distinct ones, so only they are sorted, not every occurrence: the kernel takes 34 µs an
    article of the benchmark instead of 49."""
    cap = 16
    while cap < 2 * m:
        cap *= 2
    mask = np.uint64(cap - 1)
    at = np.full(cap, -1, dtype=np.int32)
    terms = np.empty(m, dtype=np.uint64)
    counts = np.empty(m, dtype=np.float32)
    k = 0
    for i in range(m):
        h = hashes[i]
        s = h & mask  # the hashes are already mixed (fmix64): their low bits are uniform
        while True:
            j = at[s]
            if j < 0:
                at[s] = k
                terms[k] = h
                counts[k] = weights[i]
                k += 1
                break
            if terms[j] == h:
                counts[j] += weights[i]
                break
            s = (s + np.uint64(1)) & mask
    order = np.argsort(terms[:k])  # distinct keys: any sort gives the same order
    return terms[order], counts[order]


@nb.njit(cache=True)
def dots(
    q_terms: np.ndarray,
    q_weights: np.ndarray,
    slots: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    terms: np.ndarray,
    weights: np.ndarray,
) -> np.ndarray:
    """Dot products of one sparse vector with the stored vectors of `slots`.

    The query is scattered into a small open-addressing table (linear probing) so each stored
    term costs one or two probes instead of a branchy merge."""
    size = 1
    while size < 4 * q_terms.size:
        size *= 2
    mask = np.uint64(size - 1)
    keys = np.zeros(size, dtype=np.uint64)
    vals = np.zeros(size, dtype=np.float32)
    used = np.zeros(size, dtype=np.bool_)
    for i in range(q_terms.size):
        b = q_terms[i] & mask
        while used[b]:
            b = (b + np.uint64(1)) & mask
        used[b] = True
        keys[b] = q_terms[i]
        vals[b] = q_weights[i]
    out = np.zeros(slots.size, dtype=np.float32)
    for r in range(slots.size):
        s = slots[r]
        acc = np.float32(0.0)
        for j in range(starts[s], ends[s]):
            t = terms[j]
            b = t & mask
            while used[b]:
                if keys[b] == t:
                    acc += vals[b] * weights[j]
                    break
                b = (b + np.uint64(1)) & mask
        out[r] = acc
    return out


@nb.njit(cache=True)
def char_grams(cps: np.ndarray, table: np.ndarray, n: int) -> np.ndarray:
    """Hashes (uint64) of every n-codepoint window of the folded text (no spaces or marks)."""
    folded = np.empty(cps.size, dtype=np.uint32)
    m = 0
    for c in cps:
        f = _fold(c, table)
        if f != 0:
            folded[m] = f
            m += 1
    if m < n:
        return np.empty(0, dtype=np.uint64)
    out = np.empty(m - n + 1, dtype=np.uint64)
    for i in range(m - n + 1):
        h = _OFFSET
        for j in range(n):
            h = _mix(h, np.uint64(folded[i + j]))
        out[i] = fmix64(h)
    return out


@nb.njit(cache=True)
def _offer(nn: np.ndarray, nn_sim: np.ndarray, slot: int, other: int, sim: float) -> None:
    k = nn.shape[1]
    if sim <= nn_sim[slot, k - 1]:
        return
    for i in range(k):
        if nn[slot, i] == other:
            return
    at = k - 1
    while at > 0 and nn_sim[slot, at - 1] < sim:
        nn[slot, at] = nn[slot, at - 1]
        nn_sim[slot, at] = nn_sim[slot, at - 1]
        at -= 1
    nn[slot, at] = other
    nn_sim[slot, at] = sim


@nb.njit(cache=True)
def link(nn: np.ndarray, nn_sim: np.ndarray, slot: int, others: np.ndarray, sims: np.ndarray):
    """Enter a new article's positive similarities into its own and the others' kNN lists."""
    for i in range(others.size):
        if sims[i] > 0.0:
            _offer(nn, nn_sim, slot, others[i], sims[i])
            _offer(nn, nn_sim, others[i], slot, sims[i])


@nb.njit(cache=True, inline="always")
def _heaviest(
    terms: np.ndarray, weights: np.ndarray, pick: np.ndarray, q: int, out: np.ndarray, at: int
) -> tuple[int, bool]:
    """Write the `q` heaviest picked terms (all when fewer) to `out[at:]`; returns how many
    and True, or 0 and False when the q-th and next heaviest weigh the same."""
    n = 0
    for i in range(pick.size):
        if pick[i]:
            n += 1
    if n == 0 or q <= 0:
        return 0, True
    cut = -np.inf
    if q < n:
        vals = np.empty(n, dtype=weights.dtype)
        n = 0
        for i in range(pick.size):
            if pick[i]:
                vals[n] = weights[i]
                n += 1
        vals.sort()
        cut = vals[n - q]
        if vals[n - q - 1] == cut:
            return 0, False
    k = 0
    for i in range(pick.size):
        if pick[i] and weights[i] >= cut:
            out[at + k] = terms[i]
            k += 1
    return k, True


@nb.njit(cache=True, nogil=True)
def heaviest_terms(
    slots: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    terms: np.ndarray,
    weights: np.ndarray,
    df: np.ndarray,
    cell_mask: np.uint64,
    bg_terms: np.ndarray,
    bg_share: np.ndarray,
    max_bg_share: np.float32,
    max_count: float,
    q: int,
    posted: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each of `slots`, in one pass: with `posted`, the `q` heaviest of its terms that
    another document has (df >= 2) and the `q` heaviest of the others; else the `q` heaviest
    of the first kind that are not common (a background share above `max_bg_share`, or, when
    `max_count` >= 0, df above it). Returns the terms, row offsets, and per slot whether the
    choice was clear (False: weights tie at a cut, the row is empty)."""
    m = slots.size
    out = np.empty(m * 2 * q, dtype=np.uint64)
    offsets = np.zeros(m + 1, dtype=np.int64)
    clear = np.ones(m, dtype=np.bool_)
    nbg = bg_terms.size
    for i in range(m):
        s = slots[i]
        tt = terms[starts[s] : ends[s]]
        ww = weights[starts[s] : ends[s]]
        pick = np.empty(tt.size, dtype=np.bool_)
        for j in range(tt.size):
            count = df[tt[j] & cell_mask]
            ok = count >= 2
            if ok and not posted:
                if nbg > 0:
                    at = min(np.searchsorted(bg_terms, tt[j]), nbg - 1)
                    if bg_terms[at] == tt[j] and bg_share[at] > max_bg_share:
                        ok = False
                if max_count >= 0.0 and count > max_count:
                    ok = False
            pick[j] = ok
        at = offsets[i]
        k, good = _heaviest(tt, ww, pick, q, out, at)
        if posted and good:
            k2, good = _heaviest(tt, ww, ~pick, q, out, at + k)
            k += k2
        if not good:
            clear[i] = False
            k = 0
        offsets[i + 1] = at + k
    return out, offsets, clear


@nb.njit(cache=True, nogil=True)
def count_terms(table: np.ndarray, terms: np.ndarray, cell_mask: np.uint64, delta: int) -> None:
    """Add `delta` to the document-frequency cell (`terms & cell_mask`) of each term."""
    for t in terms:
        table[t & cell_mask] += delta


@nb.njit(cache=True)
def post(
    post_slot: np.ndarray,
    chunks: np.ndarray,
    spans: np.ndarray,
    used: int,
    n_chunks: int,
    heads: np.ndarray,
    term_ids: np.ndarray,
    slots: np.ndarray,
    times: np.ndarray,
    max_chunk: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, int]:
    """Append `slots[i]` to the posting list of term `term_ids[i]`, in order (layout: see
    `gather`); `heads[t]` is term t's newest chunk or -1 and is updated. A full chunk is
    followed by one twice its size, at most `max_chunk`. `spans[c]` is the first and last
    time (`times` of its slots) chunk c holds, (-inf, inf) once it holds a slot without one.
    The arrays grow when full: returns them with how much of each is used."""
    for i in range(term_ids.size):
        t = term_ids[i]
        c = heads[t]
        if c < 0 or chunks[c, 2] == chunks[c, 1]:
            size = 2 if c < 0 else min(2 * chunks[c, 1], max_chunk)
            if n_chunks == chunks.shape[0]:
                grown = np.empty((2 * n_chunks, 4), dtype=np.int64)
                grown[:n_chunks] = chunks
                chunks = grown
                wider = np.empty((2 * n_chunks, 2), dtype=np.float64)
                wider[:n_chunks] = spans[:n_chunks]
                spans = wider
            if used + size > post_slot.size:
                more = np.empty(max(2 * post_slot.size, used + size), dtype=np.int64)
                more[:used] = post_slot[:used]
                post_slot = more
            chunks[n_chunks, 0] = used
            chunks[n_chunks, 1] = size
            chunks[n_chunks, 2] = 0
            chunks[n_chunks, 3] = c
            spans[n_chunks, 0] = np.inf
            spans[n_chunks, 1] = -np.inf
            c = n_chunks
            heads[t] = c
            n_chunks += 1
            used += size
        slot = slots[i]
        post_slot[chunks[c, 0] + chunks[c, 2]] = slot
        chunks[c, 2] += 1
        u = times[slot]
        if np.isnan(u):
            spans[c, 0] = -np.inf
            spans[c, 1] = np.inf
        else:
            spans[c, 0] = min(spans[c, 0], u)
            spans[c, 1] = max(spans[c, 1], u)
    return post_slot, chunks, spans, used, n_chunks


@nb.njit(cache=True)
def gather(
    heads: np.ndarray,
    post_slot: np.ndarray,
    chunks: np.ndarray,
    spans: np.ndarray,
    times: np.ndarray,
    t: float,
    window_s: float,
    max_posting: int,
    hits: np.ndarray,
    touched: np.ndarray,
) -> int:
    """Count, per slot, the query terms whose posting lists hold it: walked latest first, at
    most `max_posting` entries each published within `window_s` of `t` (NaN: no time, always
    within). A list is a chain of chunks from its head, newest first; chunk c holds
    `post_slot[start:start + fill]`, oldest first, with (start, capacity, fill, next chunk) =
    chunks[c] and its times within `spans[c]`, so a chunk wholly outside the window is passed
    over unread. Entries outside the window do not count against `max_posting`: a batch of a
    year held only a common term's latest articles, from December, for a January article.
    Writes the slots hit into `touched`, returns how many; the caller reads
    `hits[touched[:n]]` and must zero them afterwards."""
    n = 0
    timed = not np.isnan(t)
    lo, hi = t - window_s, t + window_s
    for h in heads:
        c = h
        seen = 0
        while c >= 0 and seen < max_posting:
            if timed and (spans[c, 1] < lo or spans[c, 0] > hi):
                c = chunks[c, 3]
                continue
            start = chunks[c, 0]
            j = start + chunks[c, 2] - 1
            while j >= start and seen < max_posting:
                s = post_slot[j]
                j -= 1
                if timed:
                    u = times[s]
                    if u < lo or u > hi:  # (False for NaN: an article without a time)
                        continue
                if hits[s] == 0:
                    touched[n] = s
                    n += 1
                hits[s] += 1
                seen += 1
            c = chunks[c, 3]
    return n


@nb.njit(cache=True)
def shared_neighbours(nn: np.ndarray, slot: int, others: np.ndarray) -> np.ndarray:
    """|L(slot) ∩ L(o)| / min(|L(slot)|, |L(o)|) for each o in others, L(x) = {x} ∪ kNN(x).

    Dividing by the smaller list (k + 1 once both are full) keeps a young index, whose lists
    are still short, on the same scale as a full one."""
    k = nn.shape[1]
    out = np.zeros(others.size, dtype=np.float64)
    size_a = 1
    for i in range(k):
        if nn[slot, i] >= 0:
            size_a += 1
    for r in range(others.size):
        o = others[r]
        size_b = 1
        for j in range(k):
            if nn[o, j] >= 0:
                size_b += 1
        c = 0
        if o == slot:
            c += 1
        else:
            for j in range(k):
                if nn[o, j] == slot:
                    c += 1
                    break
        for i in range(k):
            x = nn[slot, i]
            if x < 0:
                continue
            if x == o:
                c += 1
                continue
            for j in range(k):
                if nn[o, j] == x:
                    c += 1
                    break
        out[r] = c / min(size_a, size_b)
    return out


@nb.njit(cache=True, nogil=True)
def neighbourhoods(
    slots: np.ndarray,
    query_heads: np.ndarray,
    query_start: np.ndarray,
    times: np.ndarray,
    window_s: float,
    post_slot: np.ndarray,
    chunks: np.ndarray,
    spans: np.ndarray,
    max_posting: int,
    max_candidates: int,
    starts: np.ndarray,
    ends: np.ndarray,
    terms: np.ndarray,
    weights: np.ndarray,
    n_slots: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidates and their cosine for each of `slots` (releases the GIL: callers may run
    several blocks of slots at once). Slot i's query is the posting heads
    `query_heads[query_start[i]:query_start[i + 1]]`; its candidates are the slots `gather`
    finds within `window_s` of it, less itself, at most `max_candidates`, most query terms
    first, then the lower slot.
    Returns (candidates, cosines) as rows of `max_candidates` and how many of each row hold."""
    m = slots.size
    out_c = np.empty((m, max_candidates), dtype=np.int64)
    out_s = np.empty((m, max_candidates), dtype=np.float32)
    out_n = np.zeros(m, dtype=np.int64)
    hits = np.zeros(n_slots, dtype=np.int64)
    touched = np.empty(n_slots, dtype=np.int64)
    keys = np.empty(n_slots, dtype=np.int64)
    for i in range(m):
        slot = slots[i]
        heads = query_heads[query_start[i] : query_start[i + 1]]
        t = times[slot]
        n = gather(heads, post_slot, chunks, spans, times, t, window_s, max_posting, hits, touched)
        most = 0
        for r in range(n):
            if hits[touched[r]] > most:
                most = hits[touched[r]]
        kept = 0
        for r in range(n):
            s = touched[r]
            c = hits[s]
            hits[s] = 0
            if s == slot:
                continue
            keys[kept] = (most - c) * n_slots + s  # most terms first, then the lower slot
            kept += 1
        if kept == 0:
            continue
        k = min(kept, max_candidates)
        best = np.partition(keys[:kept], k - 1)[:k] if kept > k else keys[:kept]
        order = np.sort(best)  # keys are distinct: the k smallest, in order
        cands = np.empty(k, dtype=np.int64)
        for r in range(k):
            cands[r] = order[r] % n_slots
        s0, e0 = starts[slot], ends[slot]
        sims = dots(terms[s0:e0], weights[s0:e0], cands, starts, ends, terms, weights)
        out_c[i, :k] = cands
        out_s[i, :k] = sims
        out_n[i] = k
    return out_c, out_s, out_n
