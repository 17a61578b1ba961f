"""Everything the story index needs to know about one article, computed by a pure function.

`article_features` is on the hot path of `newsmoa cluster`: a regular-expression pass over
the text, a cached particle strip per word, term counts, and the near-duplicate signature from
`newsmoa.dedup`. No morphological analyser.
"""

from __future__ import annotations

import json
import struct
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsmoa.cluster.config import DEFAULT_CONFIG, ClusterConfig
from newsmoa.cluster.terms import clean_for_features, words
from newsmoa.types import Article

TermCounts = tuple[tuple[str, int], ...]
_MAGIC = b"NMF1"
_EMPTY_SIG = np.zeros(0, dtype=np.uint32)


@dataclass(frozen=True, slots=True, eq=False)
class Features:
    """One article as the index sees it (frozen; compare with `==`, store with `to_bytes`).

    title/lead/body: term counts of the headline (or the first line when there is none), of
    the first `lead_chars` characters of the body, and of the whole body.
    signature: MinHash of the cleaned body (uint32, empty when the text is too short).
    shingles: number of characters the signature was taken over (for containment estimates).
    published_s: POSIX seconds, or None when the article has no time.
    """

    title: TermCounts
    lead: TermCounts
    body: TermCounts
    signature: np.ndarray
    shingles: int
    published_s: float | None

    def to_bytes(self) -> bytes:
        head = json.dumps(
            [self.title, self.lead, self.body, self.shingles, self.published_s],
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        sig = np.ascontiguousarray(self.signature, dtype="<u4").tobytes()
        return _MAGIC + struct.pack("<I", len(head)) + head + sig

    @classmethod
    def from_bytes(cls, data: bytes) -> Features:
        if data[:4] != _MAGIC:
            raise ValueError("not newsmoa cluster features (bad magic)")
        (n,) = struct.unpack_from("<I", data, 4)
        title, lead, body, shingles, published = json.loads(data[8 : 8 + n].decode("utf-8"))
        sig = np.frombuffer(data[8 + n :], dtype="<u4").astype(np.uint32)

        def counts(rows: list[Any]) -> TermCounts:
            return tuple((str(t), int(c)) for t, c in rows)

        return cls(counts(title), counts(lead), counts(body), sig, int(shingles), published)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Features) and self.to_bytes() == other.to_bytes()

    def __hash__(self) -> int:
        return hash(self.to_bytes())


def _counts(terms: list[str]) -> TermCounts:
    return tuple(sorted(Counter(terms).items()))


def _signature(text: str) -> np.ndarray:
    from newsmoa import dedup

    if len(text) < 20 or not hasattr(dedup, "signature"):  # the kernel is still being written
        return _EMPTY_SIG
    return np.asarray(dedup.signature(text, dedup.MinHashConfig()), dtype=np.uint32)


def article_features(article: Article, config: ClusterConfig = DEFAULT_CONFIG) -> Features:
    """The features of one article (pure; no analyser, no I/O)."""
    body = clean_for_features(article.text).strip()
    title = article.title.strip()
    if not title:
        first, _, rest = body.partition("\n")
        if rest and len(first) <= 200:
            title, body = first, rest.strip()
    compact = " ".join(body.split())
    return Features(
        title=_counts(words(title)),
        lead=_counts(words(compact[: config.lead_chars])),
        body=_counts(words(compact)),
        signature=_signature(compact),
        shingles=len(compact),
        published_s=article.published.timestamp() if article.published else None,
    )
