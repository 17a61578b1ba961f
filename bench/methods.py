"""The MinHash implementations compared by the signature section, behind one small interface.

Every method turns texts into `uint32[n, 128]` signatures over the same shingles: 5 codepoints
of the folded text (no spaces, punctuation or bullets; see `newsmoa.dedup.fold`). newsmoa folds
inside its kernel; the other libraries are handed the already folded text and only their own
work is timed: building the shingle list and hashing it (the folding is not charged to them).
datasketch reuses one set of permutations for all documents (creating them per document would
dominate its time), so all three libraries run in their fastest documented per-document form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
SHINGLE = 5
SEED = 1


def _shingles(folded: str) -> list[str]:
    return [folded[i : i + SHINGLE] for i in range(len(folded) - SHINGLE + 1)]


@dataclass(frozen=True, slots=True)
class Method:
    """One row of the table.

    prepare(texts) -> input: untimed (folding for the other libraries); run(input) -> sigs:
    timed. threads: numba threads for newsmoa. sample: time on the first `sample` documents
    only (slow libraries), then build the rest once, untimed, for the quality columns.
    """

    name: str
    label: str
    prepare: Callable[[list[str]], Sequence]
    run: Callable[[Sequence], np.ndarray]
    threads: int = 1
    sample: int | None = None


def _fold_all(texts: list[str]) -> list[str]:
    from newsmoa.dedup import folded_text

    return [folded_text(t) for t in texts]


def _newsmoa(texts: Sequence[str]) -> np.ndarray:
    from newsmoa.dedup import MinHashConfig, signatures

    return signatures(texts, MinHashConfig(num_perm=NUM_PERM, shingle_chars=SHINGLE, seed=SEED))


def _datasketch(hashfunc: Callable | None) -> Callable[[Sequence[str]], np.ndarray]:
    def run(folded: Sequence[str]) -> np.ndarray:
        from datasketch import MinHash

        kwargs = {"hashfunc": hashfunc} if hashfunc is not None else {}
        template = MinHash(num_perm=NUM_PERM, seed=SEED, **kwargs)
        out = np.empty((len(folded), NUM_PERM), dtype=np.uint32)
        for d, text in enumerate(folded):
            m = MinHash(
                num_perm=NUM_PERM,
                seed=SEED,
                permutations=template.permutations,
                scheme=template.scheme,
                **kwargs,
            )
            items = _shingles(text)
            m.update_batch([s.encode("utf-8") for s in items])
            out[d] = m.hashvalues
        return out

    return run


def _xxh32() -> Callable:
    import xxhash

    return xxhash.xxh32_intdigest


def _datasketch_xxh32(folded: Sequence[str]) -> np.ndarray:
    return _datasketch(_xxh32())(folded)


def _rensa(folded: Sequence[str]) -> np.ndarray:
    from rensa import RMinHash

    out = np.empty((len(folded), NUM_PERM), dtype=np.uint32)
    for d, text in enumerate(folded):
        m = RMinHash(NUM_PERM, SEED)
        m.update(_shingles(text))
        out[d] = m.digest()
    return out


def _rensa_bulk(folded: Sequence[str], chunk: int = 256) -> np.ndarray:
    """rensa's batch API, a chunk at a time (all 50,000 token lists at once took 7.7 GB)."""
    from rensa import RMinHash

    out = np.empty((len(folded), NUM_PERM), dtype=np.uint32)
    for start in range(0, len(folded), chunk):
        part = [_shingles(t) for t in folded[start : start + chunk]]
        matrix = RMinHash.digest_matrix_from_token_sets(part, NUM_PERM, SEED)
        out[start : start + len(part)] = np.asarray(matrix.to_rows(), dtype=np.uint32)
    return out


def _identity(texts: list[str]) -> list[str]:
    return texts


METHODS: tuple[Method, ...] = (
    Method("newsmoa-1t", "newsmoa, numba OPH, 1 thread", _identity, _newsmoa, threads=1),
    Method("newsmoa-2t", "newsmoa, numba OPH, 2 threads", _identity, _newsmoa, threads=2),
    Method(
        "datasketch-sha1",
        "datasketch 2.0 update_batch, SHA-1",
        _fold_all,
        _datasketch(None),
        sample=5_000,
    ),
    Method(
        "datasketch-xxh32",
        "datasketch 2.0 update_batch, xxh32",
        _fold_all,
        _datasketch_xxh32,
        sample=5_000,
    ),
    Method("rensa", "rensa 0.5 RMinHash, per document", _fold_all, _rensa),
    Method("rensa-bulk", "rensa 0.5 digest_matrix (bulk)", _fold_all, _rensa_bulk),
)
BY_NAME = {m.name: m for m in METHODS}
