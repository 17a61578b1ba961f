"""LSH banding: which signatures are worth comparing at all.

A signature is cut into `bands` bands of `rows` slots; two documents become candidates when any
band is identical. The chance for a pair of Jaccard J is 1 - (1 - J**rows)**bands: with the
default 32 x 4 that is 0.87 at J = 0.5, 0.988 at 0.6 and 0.9998 at 0.7 (MEASURED.md: recall 0.93
at J 0.5-0.6 once checked, about 31 candidates a document on news).

Two ways to use it:

* `candidate_pairs(sigs)`: a whole batch at once; band keys are sorted and grouped with numpy
  and a compiled loop, no per-document Python.
* `LSHIndex`: an explicit, incremental index (datasketch style) for articles that arrive one by
  one: `insert`, `query`, `remove`.

Signatures that are all `EMPTY` (text shorter than one shingle) never become candidates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsmoa.dedup import _lsh_kernels as _kernels
from newsmoa.dedup._kernels import EMPTY

__all__ = ["LSHConfig", "LSHIndex", "band_keys", "candidate_pairs"]


@dataclass(frozen=True, slots=True)
class LSHConfig:
    """How signatures are banded. `bands * rows` must not exceed the signature's slots.

    max_bucket: a bucket (documents sharing one band key) of up to this many members yields all
    its pairs; a larger one pairs each member only with the next `max_bucket - 1` members in
    document order, so a band key shared by thousands of documents (boilerplate, empty-ish
    texts) costs linear work instead of quadratic, while a large family of true reprints stays
    connected through its chain of checked pairs.
    seed: salt of the band hashes.
    """

    bands: int = 32
    rows: int = 4
    max_bucket: int = 100
    seed: int = 0

    def __post_init__(self) -> None:
        if self.bands < 1 or self.rows < 1:
            raise ValueError(f"bands and rows must be >= 1, got {self.bands} x {self.rows}")
        if self.max_bucket < 2:
            raise ValueError(f"max_bucket must be >= 2, got {self.max_bucket}")
        if not 0 <= self.seed < 2**64:
            raise ValueError(f"seed must be in [0, 2**64), got {self.seed}")

    def probability(self, jaccard: float) -> float:
        """Chance that a pair of this Jaccard similarity shares at least one band."""
        return 1.0 - (1.0 - jaccard**self.rows) ** self.bands


_DEFAULT = LSHConfig()


def _as_matrix(sigs: np.ndarray, config: LSHConfig) -> np.ndarray:
    sigs = np.ascontiguousarray(sigs, dtype=np.uint32)
    if sigs.ndim != 2:
        raise ValueError(f"expected a 2-d array of signatures, got shape {sigs.shape}")
    if config.bands * config.rows > sigs.shape[1]:
        raise ValueError(
            f"{config.bands} bands x {config.rows} rows need {config.bands * config.rows} slots, "
            f"signatures have {sigs.shape[1]}"
        )
    return sigs


def band_keys(sigs: np.ndarray, config: LSHConfig = _DEFAULT) -> np.ndarray:
    """uint64[n, bands]: the band keys of each signature (row d of sigs)."""
    sigs = _as_matrix(sigs, config)
    return _kernels.band_keys(sigs, config.bands, config.rows, np.uint64(config.seed)).T


def candidate_pairs(sigs: np.ndarray, config: LSHConfig = _DEFAULT) -> np.ndarray:
    """int64[m, 2]: each pair (i, j), i < j, sharing a band key; sorted, without repeats."""
    sigs = _as_matrix(sigs, config)
    valid = np.flatnonzero(np.any(sigs != EMPTY, axis=1))
    if valid.size < 2:
        return np.empty((0, 2), dtype=np.int64)
    keys = _kernels.band_keys(sigs[valid], config.bands, config.rows, np.uint64(config.seed))
    order = np.argsort(keys, axis=1)  # numpy's (SIMD) quicksort; buckets are reordered after
    raw = _kernels.bucket_pairs(keys, order, config.max_bucket)
    n = valid.size
    codes = np.unique(raw[:, 0] * n + raw[:, 1])
    pairs = np.empty((codes.size, 2), dtype=np.int64)
    np.divmod(codes, n, out=(pairs[:, 0], pairs[:, 1]))
    return valid[pairs]


class LSHIndex:
    """An incremental LSH index of keyed signatures (one per article id).

    Inserting a key that is already present replaces its signature (a changed article is a new
    version, not a second article). `query` returns the candidate keys in insertion order.

    >>> index = LSHIndex()
    >>> index.insert("a", sig_a)          # doctest: +SKIP
    >>> index.query(sig_b)                # doctest: +SKIP
    ['a']
    """

    def __init__(self, config: LSHConfig = _DEFAULT) -> None:
        self.config = config
        self._tables: list[dict[int, dict[str, None]]] = [{} for _ in range(config.bands)]
        self._entries: dict[str, tuple[int, tuple[int, ...]]] = {}
        self._counter = 0

    def _keys_of(self, sig: np.ndarray) -> tuple[int, ...]:
        sig = np.asarray(sig, dtype=np.uint32)
        if sig.ndim != 1:
            raise ValueError(f"expected one signature, got shape {sig.shape}")
        if not np.any(sig != EMPTY):
            return ()
        return tuple(band_keys(sig[None, :], self.config)[0].tolist())

    def insert(self, key: str, sig: np.ndarray) -> None:
        """Add (or replace) the signature stored under `key`."""
        keys = self._keys_of(sig)
        if key in self._entries:
            self.remove(key)
        self._entries[key] = (self._counter, keys)
        self._counter += 1
        for table, band_key in zip(self._tables, keys, strict=False):
            table.setdefault(band_key, {})[key] = None

    def query(self, sig: np.ndarray) -> list[str]:
        """Keys sharing at least one band with `sig`, oldest insertion first."""
        found: set[str] = set()
        for table, band_key in zip(self._tables, self._keys_of(sig), strict=False):
            bucket = table.get(band_key)
            if bucket:
                found.update(bucket)
        return sorted(found, key=lambda k: self._entries[k][0])

    def remove(self, key: str) -> None:
        """Forget `key`; raises KeyError when it is not in the index."""
        _, keys = self._entries.pop(key)
        for table, band_key in zip(self._tables, keys, strict=False):
            bucket = table[band_key]
            del bucket[key]
            if not bucket:
                del table[band_key]

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)
