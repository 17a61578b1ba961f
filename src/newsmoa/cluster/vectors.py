"""Article vectors of the story index: TF-IDF over the index's own document frequencies.

A term's weight is `(1 + ln count) * ln((N + prior) / (df + 1))` with N the articles seen and
df those containing the term, so words every article uses (particles, "the", an outlet's name)
fade as the index fills, and a young index still weighs terms sensibly (`prior` pseudo-documents
contain none of them). Each article keeps its `max_terms` heaviest terms, unit length, in one
growing column store that the compiled `dots` kernel reads; each also keeps its k nearest
neighbours (slot, similarity), updated as later articles arrive.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from newsmoa.cluster import _kernels
from newsmoa.cluster.background import table


class DocFreq:
    """Document frequencies of term hashes over the articles seen so far.

    Counted in a fixed table of 2**22 cells addressed by the hash's low bits (16 MB): two terms
    sharing a cell add up, which with up to a million distinct terms in a window nudges a few
    IDFs down and costs nothing else; lookups and updates are vectorised. The `prior`
    pseudo-documents contain the background's common terms (`background.py`) in their share,
    so a young index already knows the function words of Korean and English.
    """

    __slots__ = ("table", "docs", "prior", "_bg_terms", "_bg_share")
    BITS = 22

    def __init__(self, prior_docs: int, background: bool = True) -> None:
        self.table = np.zeros(1 << self.BITS, dtype=np.int32)
        self.docs = 0
        self.prior = prior_docs
        empty = np.empty(0, np.uint64), np.empty(0, np.float32)
        self._bg_terms: np.ndarray
        self._bg_share: np.ndarray
        self._bg_terms, self._bg_share = table() if background else empty
        if self._bg_terms.size and prior_docs:
            pseudo = np.rint(self._bg_share * prior_docs).astype(np.int32)
            np.add.at(self.table, self._cells(self._bg_terms), pseudo)

    def _cells(self, terms: np.ndarray) -> np.ndarray:
        return (terms & np.uint64((1 << self.BITS) - 1)).astype(np.int64)

    def copy(self) -> DocFreq:
        other = DocFreq.__new__(DocFreq)
        other.table, other.docs, other.prior = self.table.copy(), self.docs, self.prior
        other._bg_terms, other._bg_share = self._bg_terms, self._bg_share  # never written
        return other

    def add(self, terms: np.ndarray) -> None:
        self.add_all([terms])

    def add_all(self, documents: Sequence[np.ndarray]) -> None:
        """Count each document's (unique) terms."""
        self._count(documents, 1)

    def add_table(self, cells: np.ndarray, docs: int) -> None:
        """Count `docs` documents given by their cells: the `table` of a `DocFreq` without
        prior that counted them (`counted`), or the sum of several."""
        self.table += cells
        self.docs += docs

    @classmethod
    def counted(cls, documents: Sequence[np.ndarray]) -> DocFreq:
        """The documents' counts alone: no prior, no background."""
        df = cls(0, background=False)
        df.add_all(documents)
        return df

    def remove_all(self, documents: Sequence[np.ndarray]) -> None:
        """Undo `add_all(documents)` (a batch that could not be indexed)."""
        self._count(documents, -1)

    def _count(self, documents: Sequence[np.ndarray], delta: int) -> None:
        mask = np.uint64((1 << self.BITS) - 1)
        for terms in documents:  # compiled: np.add.at over millions of terms takes seconds
            _kernels.count_terms(self.table, terms, mask, delta)
        self.docs += delta * len(documents)

    def counts(self, terms: np.ndarray) -> np.ndarray:
        """Articles (and background pseudo-documents) containing each term."""
        return self.table[self._cells(terms)]

    def idf(self, terms: np.ndarray) -> np.ndarray:
        return np.log((self.docs + self.prior) / (self.counts(terms) + 1.0))

    def common(self, terms: np.ndarray, max_share: float, min_count: int = 0) -> np.ndarray:
        """Which terms are in more than `max_share` of the documents: of the background's, or
        (once there are 50) of the articles seen, and then in more than `min_count` of them."""
        out = np.zeros(terms.size, dtype=bool)
        if self._bg_terms.size:
            at = np.minimum(np.searchsorted(self._bg_terms, terms), self._bg_terms.size - 1)
            out |= (self._bg_terms[at] == terms) & (self._bg_share[at] > max_share)
        if self.docs >= 50:
            out |= self.counts(terms) > max(max_share * (self.docs + self.prior), min_count)
        return out


def heaviest(terms: np.ndarray, weights: np.ndarray, q: int) -> np.ndarray:
    """The `q` heaviest terms (all when fewer), in no particular order."""
    q = min(q, terms.size)
    if q == 0:
        return terms[:0]
    return terms[np.argpartition(-weights, q - 1)[:q]]


def heaviest_terms(
    table: Table,
    df: DocFreq,
    slots: Sequence[int],
    q: int,
    max_share: float | None = None,
    *,
    threads: int = 1,
    min_common: int = 0,
) -> list[list[int]]:
    """For each of `slots`: with `max_share` (a query), the `heaviest` of its terms that another
    document has and that are not `df.common`; without (its postings), the `heaviest` of its
    terms that another document has, then of the others. A compiled pass over the slots, in
    `threads` threads at once for a large batch (each slot's terms depend on it alone); where
    weights tie at the cut, `heaviest` decides, as it does for one slot."""
    slots = list(slots)
    if not slots:
        return []
    posted = max_share is None
    share = 0.0 if max_share is None else max_share
    limit = max(share * (df.docs + df.prior), min_common) if df.docs >= 50 and not posted else -1.0

    def part(lo: int, hi: int) -> tuple[list[list[int]], np.ndarray]:
        out, offsets, clear = _kernels.heaviest_terms(
            np.asarray(slots[lo:hi], dtype=np.int64), table.start, table.end, table.terms,
            table.weights, df.table, np.uint64((1 << df.BITS) - 1), df._bg_terms, df._bg_share,
            np.float32(share), limit, q, posted,
        )  # fmt: skip  # numpy compares the float32 shares with a float32 max_share, as here
        flat, at = out[: offsets[-1]].tolist(), offsets.tolist()
        return [flat[at[i] : at[i + 1]] for i in range(hi - lo)], clear

    cuts = [len(slots) * k // threads for k in range(threads + 1)]
    if threads > 1 and len(slots) >= 2 * BLOCK_SLOTS:
        with ThreadPoolExecutor(threads) as pool:  # the kernel releases the GIL
            parts = list(pool.map(part, cuts[:-1], cuts[1:]))
    else:
        parts = [part(0, len(slots))]
    rows = [row for got, _ in parts for row in got]
    clear = np.concatenate([c for _, c in parts])
    for i in np.flatnonzero(~clear).tolist():
        terms, weights = table.vector(slots[i])
        if posted:
            shared = df.counts(terms) >= 2
            rows[i] = (
                heaviest(terms[shared], weights[shared], q).tolist()
                + heaviest(terms[~shared], weights[~shared], q).tolist()
            )
        else:
            usable = (df.counts(terms) >= 2) & ~df.common(terms, share, min_common)
            rows[i] = heaviest(terms[usable], weights[usable], q).tolist()
    return rows


def weigh(
    terms: np.ndarray, counts: np.ndarray, df: DocFreq, max_terms: int
) -> tuple[np.ndarray, np.ndarray]:
    """The unit-length TF-IDF vector (sorted terms, float32 weights) of the heaviest terms."""
    if terms.size == 0:
        return terms, counts
    w = (1.0 + np.log(counts.astype(np.float64))) * df.idf(terms)
    keep = np.flatnonzero(w > 0)
    if keep.size > max_terms:
        keep = np.sort(keep[np.argpartition(-w[keep], max_terms - 1)[:max_terms]])
    w = w[keep]
    norm = float(np.sqrt(np.dot(w, w)))
    if norm == 0.0:
        return terms[:0], counts[:0]
    return terms[keep], (w / norm).astype(np.float32)


class Table:
    """Vectors and nearest neighbours of the indexed articles, addressed by slot number."""

    def __init__(self, k: int) -> None:
        self.k = k
        self.n = 0
        self._size = 0
        self.terms = np.empty(1 << 16, dtype=np.uint64)
        self.weights = np.empty(1 << 16, dtype=np.float32)
        self.start = np.empty(1024, dtype=np.int64)
        self.end = np.empty(1024, dtype=np.int64)
        self.nn = np.full((1024, k), -1, dtype=np.int64)
        self.nn_sim = np.full((1024, k), -np.inf, dtype=np.float32)

    def append(self, terms: np.ndarray, weights: np.ndarray) -> int:
        slot = self.n
        if slot == self.start.size:
            grow = self.start.size
            self.start = np.concatenate([self.start, np.empty(grow, dtype=np.int64)])
            self.end = np.concatenate([self.end, np.empty(grow, dtype=np.int64)])
            self.nn = np.concatenate([self.nn, np.full((grow, self.k), -1, dtype=np.int64)])
            self.nn_sim = np.concatenate(
                [self.nn_sim, np.full((grow, self.k), -np.inf, dtype=np.float32)]
            )
        need = self._size + terms.size
        if need > self.terms.size:
            cap = max(need, 2 * self.terms.size)
            self.terms = np.concatenate([self.terms, np.empty(cap - self.terms.size, np.uint64)])
            self.weights = np.concatenate(
                [self.weights, np.empty(cap - self.weights.size, np.float32)]
            )
        self.terms[self._size : need] = terms
        self.weights[self._size : need] = weights
        self.start[slot], self.end[slot] = self._size, need
        self._size = need
        self.n += 1
        return slot

    def vector(self, slot: int) -> tuple[np.ndarray, np.ndarray]:
        s, e = self.start[slot], self.end[slot]
        return self.terms[s:e], self.weights[s:e]

    def similarities(self, slot: int, others: np.ndarray) -> np.ndarray:
        """Cosine of one stored article with each of `others` (slots): the kernel that gives
        the candidates theirs (`neighbourhoods`)."""
        terms, weights = self.vector(slot)
        return _kernels.dots(terms, weights, others, self.start, self.end, self.terms, self.weights)

    def link(self, slot: int, others: np.ndarray, sims: np.ndarray) -> None:
        """Record a new article's similarities in its own and the others' neighbour lists."""
        _kernels.link(self.nn, self.nn_sim, slot, others, sims)

    def links(
        self, slot: int, others: np.ndarray, sims: np.ndarray, copy_similarity: float
    ) -> np.ndarray:
        """The link of `slot` with each of `others` (cosines `sims`): their shared-neighbour
        similarity (see the kernel), or 1 for a copy (cosine >= `copy_similarity`). More than
        k copies of one text fill each other's lists, each copy with those closest to it, so
        two copies could share none of them."""
        shared = _kernels.shared_neighbours(self.nn, slot, others)
        return np.where(np.asarray(sims) >= copy_similarity, 1.0, shared)


class Postings:
    """Inverted index: term hash -> slots, latest first, walked by the compiled
    `neighbourhoods` kernel. A term's list is a chain of chunks, newest first, each twice the
    size of the one before (up to `MAX_CHUNK` slots) and stored contiguously in one growing
    array, so a walk reads memory in runs instead of one scattered entry per posting."""

    MAX_CHUNK = 64

    def __init__(self) -> None:
        self.heads: dict[int, int] = {}  # term -> its newest chunk
        self.slot = np.empty(1 << 16, dtype=np.int64)  # the chunks' slots, chunk after chunk
        self.used = 0
        # per chunk: where its slots start in `slot`, its capacity, how many it holds, the
        # next (older) chunk of its term or -1
        self.chunk = np.empty((1 << 14, 4), dtype=np.int64)
        self.spans = np.empty((1 << 14, 2), dtype=np.float64)  # per chunk: first, last time
        self.chunks = 0
        self.n = 0  # postings

    def add_all(self, posted: Sequence[tuple[list[int], int]], times: np.ndarray) -> None:
        """Post each (terms, slot) in turn (the slot goes first in its terms' lists), in one
        compiled pass; `times`: each slot's publication (NaN: none), kept per chunk so that a
        walk passes over chunks outside its window."""
        local: dict[int, int] = {}  # term -> its number in this call
        ids = [local.setdefault(t, len(local)) for terms, _ in posted for t in terms]
        if not ids:
            return
        slots = np.repeat([s for _, s in posted], [len(terms) for terms, _ in posted])
        old = self.heads
        heads = np.fromiter((old.get(t, -1) for t in local), np.int64, len(local))
        self.slot, self.chunk, self.spans, self.used, self.chunks = _kernels.post(
            self.slot, self.chunk, self.spans, self.used, self.chunks, heads,
            np.asarray(ids, dtype=np.int64), slots.astype(np.int64), times, self.MAX_CHUNK,
        )  # fmt: skip
        old.update(zip(local, heads.tolist(), strict=True))
        self.n += len(ids)

    def heads_of(self, terms: list[int]) -> list[int]:
        """The newest chunk of each of `terms` (terms nobody is found under have none)."""
        heads = self.heads
        return [heads[t] for t in terms if t in heads]


BLOCK_SLOTS = 1024  # slots per call of the candidate kernel (a unit of work for a thread)


def neighbourhoods(
    table: Table,
    postings: Postings,
    times: np.ndarray,
    slots: Sequence[int],
    queries: Sequence[list[int]],
    *,
    window_s: float,
    max_posting: int,
    max_candidates: int,
    threads: int = 1,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Candidate slots and their cosine for each of `slots`, found under its query terms (see
    the `neighbourhoods` kernel); blocks of slots run in `threads` threads at once (the kernel
    releases the GIL and only reads the table and postings, so the result is the same)."""
    m = len(slots)
    if m == 0:
        return []
    heads = [postings.heads_of(q) for q in queries]
    query_start = np.zeros(m + 1, dtype=np.int64)
    np.cumsum([len(h) for h in heads], out=query_start[1:])
    query_heads = np.fromiter((h for hs in heads for h in hs), np.int64, int(query_start[-1]))
    slot_arr = np.asarray(slots, dtype=np.int64)

    def block(lo: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        hi = min(lo + BLOCK_SLOTS, m)
        return _kernels.neighbourhoods(
            slot_arr[lo:hi], query_heads, query_start[lo : hi + 1], times, window_s,
            postings.slot, postings.chunk, postings.spans, max_posting, max_candidates,
            table.start, table.end, table.terms, table.weights, table.n,
        )  # fmt: skip

    starts = range(0, m, BLOCK_SLOTS)
    if threads > 1 and len(starts) > 1:
        with ThreadPoolExecutor(min(threads, len(starts))) as pool:
            parts = list(pool.map(block, starts))
    else:
        parts = [block(lo) for lo in starts]
    out = []
    for cands, sims, counts in parts:
        for c, s, n in zip(cands, sims, counts.tolist(), strict=True):
            out.append((c[:n].copy(), s[:n].copy()))
    return out
