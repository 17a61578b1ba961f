"""Sparse TF-IDF vectors over the index's own document frequencies.

The index counts, for every term, how many of its articles contain it; a term's weight is
`log((N + prior) / (df + 1))`, so words every article uses (particles the stemmer missed,
"the", an outlet's name) fade as the index fills, and a young index with few articles still
weighs terms sensibly (`prior` pseudo-documents that contain none of them).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from newsmoa.cluster.features import TermCounts

Vector = dict[str, float]


class DocFreq:
    """Document frequencies of terms over the articles seen so far."""

    __slots__ = ("df", "docs", "prior")

    def __init__(self, prior_docs: int) -> None:
        self.df: Counter[str] = Counter()
        self.docs = 0
        self.prior = prior_docs

    def add(self, terms: Iterable[str]) -> None:
        self.df.update(set(terms))
        self.docs += 1

    def idf(self, term: str) -> float:
        return math.log((self.docs + self.prior) / (self.df.get(term, 0) + 1))

    def common(self, term: str, max_share: float) -> bool:
        """Whether a term is in more than `max_share` of the articles (once there are 50)."""
        return self.docs >= 50 and self.df.get(term, 0) > max_share * self.docs


def weigh(counts: TermCounts, df: DocFreq) -> Vector:
    """Unit-length (1 + ln tf) * idf vector of one field."""
    vec = {t: (1.0 + math.log(c)) * df.idf(t) for t, c in counts}
    norm = math.sqrt(sum(w * w for w in vec.values()))
    if norm == 0.0:
        return {}
    return {t: w / norm for t, w in vec.items() if w > 0.0}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def add_into(total: Vector, vec: Mapping[str, float]) -> None:
    for t, w in vec.items():
        total[t] = total.get(t, 0.0) + w


def top_terms(vec: Mapping[str, float], k: int) -> list[str]:
    """The k heaviest terms (ties by term, so the choice is deterministic)."""
    return [t for t, _ in sorted(vec.items(), key=lambda tw: (-tw[1], tw[0]))[:k]]
