"""MinHash signatures of article texts: the fingerprint near-duplicate search compares.

A signature is `uint32[num_perm]`, built by one compiled pass over the text (see `_kernels.py`
for the scheme, `fold.py` for what a shingle is). Text with fewer folded codepoints than one
shingle gets the all-`EMPTY` signature, which estimates similarity 0 with everything,
itself included.

>>> a = signature("완주군은 19일 희망제작소에서 업무협약을 체결했다.")
>>> b = signature("△ 완주군은 19일 희망제작소에서 업무협약을 체결했다")
>>> estimate_jaccard(a, b)
1.0
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsmoa.dedup import _kernels
from newsmoa.dedup._kernels import EMPTY
from newsmoa.dedup.fold import fold_table

__all__ = [
    "EMPTY",
    "MinHashConfig",
    "estimate_containment",
    "estimate_jaccard",
    "folded_text",
    "signature",
    "signatures",
    "signatures_and_sizes",
]

# Documents are handed to the kernel in chunks of about this many codepoints (16 MB as uint32),
# so memory stays flat however many texts are passed.
_CHUNK_CODEPOINTS = 1 << 22


@dataclass(frozen=True, slots=True)
class MinHashConfig:
    """How signatures are built. Signatures compare only under one and the same config.

    num_perm: slots per signature (one-permutation hashing: cost barely grows with it).
    shingle_chars: codepoints per shingle, counted after folding (no spaces or punctuation).
    seed: picks the hash function; 0 <= seed < 2**64.
    """

    num_perm: int = 128
    shingle_chars: int = 5
    seed: int = 1

    def __post_init__(self) -> None:
        if self.num_perm < 1:
            raise ValueError(f"num_perm must be >= 1, got {self.num_perm}")
        if self.shingle_chars < 1:
            raise ValueError(f"shingle_chars must be >= 1, got {self.shingle_chars}")
        if not 0 <= self.seed < 2**64:
            raise ValueError(f"seed must be in [0, 2**64), got {self.seed}")


_DEFAULT = MinHashConfig()


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def folded_text(text: str) -> str:
    """The folded text the kernels shingle, computed by the compiled pass (= `fold.fold_text`)."""
    folded = _kernels.fold_codepoints(_codepoints(text), fold_table())
    return folded.tobytes().decode("utf-32-le")


def signature(text: str, config: MinHashConfig = _DEFAULT) -> np.ndarray:
    """uint32[num_perm]: the MinHash signature of one text (one thread)."""
    cps = _codepoints(text)
    out = np.empty((1, config.num_perm), dtype=np.uint32)
    sizes = np.empty(1, dtype=np.int64)
    offsets = np.array([0, cps.size], dtype=np.int64)
    _kernels.signatures_serial(
        cps, offsets, fold_table(), config.shingle_chars, np.uint64(config.seed), out, sizes
    )
    return out[0]


def signatures_and_sizes(
    texts: Sequence[str], config: MinHashConfig = _DEFAULT, *, parallel: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Signatures (uint32[n, num_perm]) and shingle counts (int64[n]) of many texts.

    The count is the number of shingle positions, an upper bound of the distinct shingles that
    `estimate_containment` uses as the set size. `parallel` spreads documents over numba's
    threads (`numba.set_num_threads`); results are identical either way.
    """
    n = len(texts)
    out = np.empty((n, config.num_perm), dtype=np.uint32)
    sizes = np.empty(n, dtype=np.int64)
    if n == 0:
        return out, sizes
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    kernel = _kernels.signatures_parallel if parallel else _kernels.signatures_serial
    table = fold_table()
    seed = np.uint64(config.seed)
    bounds = np.cumsum(lengths)
    start = 0
    while start < n:
        base = bounds[start - 1] if start else 0
        stop = max(start + 1, int(np.searchsorted(bounds, base + _CHUNK_CODEPOINTS, "right")))
        offsets = np.zeros(stop - start + 1, dtype=np.int64)
        np.cumsum(lengths[start:stop], out=offsets[1:])
        cps = _codepoints("".join(texts[start:stop]))
        kernel(cps, offsets, table, config.shingle_chars, seed, out[start:stop], sizes[start:stop])
        start = stop
    return out, sizes


def signatures(texts: Sequence[str], config: MinHashConfig = _DEFAULT) -> np.ndarray:
    """uint32[n, num_perm]: signatures of many texts in one compiled pass (row d is texts[d])."""
    return signatures_and_sizes(texts, config)[0]


def estimate_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal, non-empty slots."""
    if a.shape != b.shape:
        raise ValueError(f"signatures differ in shape: {a.shape} vs {b.shape}")
    return float(np.count_nonzero((a == b) & (a != EMPTY))) / a.size


def estimate_containment(a: np.ndarray, b: np.ndarray, size_a: int, size_b: int) -> float:
    """Estimated share of A's shingles that are also in B (|A & B| / |A|), from J and the sizes.

    |A & B| = J / (1 + J) * (|A| + |B|). Use the counts from `signatures_and_sizes`; this is
    what "most of the shorter article appears in the other" needs, where Jaccard is low because
    the longer article adds text of its own.
    """
    if size_a <= 0 or size_b <= 0:
        return 0.0
    j = estimate_jaccard(a, b)
    shared = j / (1.0 + j) * (size_a + size_b)
    return min(1.0, shared / size_a)
