"""Story coherence: how close an article (or a story) is to a story as a whole.

Shared-neighbour links are local: an article joins a story through its strongest few links,
so in a day dominated by one big topic a reaction or a next development can join through one
border member, and the story then reaches the next look-alike event through its new member
(chaining). A story's *coherence* is the mean TF-IDF cosine of its members with each other; an
article's *closeness* to a story is its mean cosine with all of the story's members. Both come
from the sum S of the members' (unit) vectors, kept per story: closeness = v.S / n, coherence =
(|S|^2 - n) / (n (n - 1)), so neither depends on which members are candidates, and each costs
one pass over the article's (at most `max_terms`) terms. An article is close enough when its
closeness reaches `join_coherence` times the story's coherence (about as close to the story as
its members are to each other, whatever the topic's vocabulary density); two stories merge
only when the mean cosine across them reaches `merge_coherence` times the coherence of each.
A story of one article has no coherence yet; the pairwise rules decide there.

Both are off by default: on the tuning sets no setting raised the tuning objective (README,
"Chaining"): the look-alike events that chain are about as close to each other, in TF-IDF
cosine, as one event's reports are.
"""

from __future__ import annotations

import numpy as np


class Sum:
    """The sum of a story's member vectors (term hash -> weight) and its squared norm."""

    __slots__ = ("weights", "norm2", "own", "size")

    def __init__(self) -> None:
        self.weights: dict[int, float] = {}
        self.norm2 = 0.0  # |S|^2
        self.own = 0.0  # sum of the members' own |v|^2 (1 each, up to rounding)
        self.size = 0

    def dot_vector(self, terms: np.ndarray, weights: np.ndarray) -> float:
        get = self.weights.get
        return float(
            sum(get(t, 0.0) * w for t, w in zip(terms.tolist(), weights.tolist(), strict=True))
        )

    def dot(self, other: Sum) -> float:
        a, b = (self, other) if len(self.weights) <= len(other.weights) else (other, self)
        get = b.weights.get
        return sum(w * get(t, 0.0) for t, w in a.weights.items())

    def add_vector(self, terms: np.ndarray, weights: np.ndarray) -> None:
        own = float(np.dot(weights, weights))
        self.norm2 += 2.0 * self.dot_vector(terms, weights) + own
        self.own += own
        acc = self.weights
        for t, w in zip(terms.tolist(), weights.tolist(), strict=True):
            acc[t] = acc.get(t, 0.0) + w
        self.size += 1

    def absorb(self, other: Sum) -> Sum:
        """The sum of both (reuses the larger dictionary)."""
        norm2 = self.norm2 + other.norm2 + 2.0 * self.dot(other)
        own = self.own + other.own
        big, small = (self, other) if len(self.weights) >= len(other.weights) else (other, self)
        acc = big.weights
        for t, w in small.weights.items():
            acc[t] = acc.get(t, 0.0) + w
        big.norm2, big.own, big.size = norm2, own, self.size + other.size
        return big

    def coherence(self) -> float | None:
        """Mean cosine between two different members (None for fewer than two)."""
        n = self.size
        if n < 2:
            return None
        return (self.norm2 - self.own) / (n * (n - 1))

    def closeness(self, terms: np.ndarray, weights: np.ndarray) -> float:
        """Mean cosine of a vector with the members."""
        return self.dot_vector(terms, weights) / self.size if self.size else 0.0


def close_enough(closeness: float, coherence: float | None, ratio: float) -> bool:
    """Whether a mean cosine with a story reaches `ratio` times the story's coherence (a story
    of one article, or `ratio` 0, asks nothing)."""
    return ratio <= 0.0 or coherence is None or closeness >= ratio * coherence


def stories_close(a: Sum | None, b: Sum | None, ratio: float) -> bool:
    """Two stories may merge when the mean cosine across them reaches `ratio` times the
    coherence of each (a story of one article only asks it of the other)."""
    if ratio <= 0.0 or a is None or b is None or not a.size or not b.size:
        return True
    cross = a.dot(b) / (a.size * b.size)
    return close_enough(cross, a.coherence(), ratio) and close_enough(cross, b.coherence(), ratio)
