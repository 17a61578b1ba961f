"""Clustering and near-duplicate scores: pairwise and B-cubed precision, recall and F1.

Conventions, so that edge cases read the same in every table:
- precision with nothing predicted (no predicted pairs) is 1.0: nothing wrong was claimed;
- recall with nothing to find (no gold pairs) is 1.0;
- F1 is 0.0 when precision + recall is 0.

Both labelings are sequences aligned by position (item i has gold label `gold[i]` and predicted
label `pred[i]`); labels are any hashable values.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 of one comparison."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _ratio(num: float, den: float) -> float:
    return 1.0 if den == 0 else num / den


def pair_count(n: int) -> int:
    """The pairs among n items."""
    return n * (n - 1) // 2


def pairwise(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> PRF:
    """Pairwise scores: a pair of items is positive when both share a cluster.

    Counted from the contingency table, so it costs O(n), not O(n^2).
    """
    _check(gold, pred)
    return summed_pairwise([pair_counts(gold, pred)])


def pair_counts(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[int, int, int]:
    """(pairs in one cluster in both, predicted pairs, gold pairs): what `pairwise` divides,
    for sums over several labellings (`small_stores`)."""
    both = Counter(zip(gold, pred, strict=True))
    return (
        sum(pair_count(c) for c in both.values()),
        sum(pair_count(c) for c in Counter(pred).values()),
        sum(pair_count(c) for c in Counter(gold).values()),
    )


def summed_pairwise(counts: Sequence[tuple[int, int, int]]) -> PRF:
    """Pairwise scores of several labellings together, from their `pair_counts`."""
    tp, predicted, gold = (sum(c[i] for c in counts) for i in range(3))
    return PRF(_ratio(tp, predicted), _ratio(tp, gold))


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> PRF:
    """B-cubed scores (Bagga & Baldwin 1998), each item counting itself.

    Item precision = |pred cluster ∩ gold cluster| / |pred cluster|; recall divides by the gold
    cluster's size; both are averaged over items.
    """
    _check(gold, pred)
    if not gold:
        return PRF(1.0, 1.0)
    both = Counter(zip(gold, pred, strict=True))
    gsize, psize = Counter(gold), Counter(pred)
    p = sum(c * c / psize[pl] for (_, pl), c in both.items()) / len(gold)
    r = sum(c * c / gsize[gl] for (gl, _), c in both.items()) / len(gold)
    return PRF(p, r)


def pair_set(pairs: Iterable[tuple[Hashable, Hashable]]) -> frozenset[frozenset[Hashable]]:
    """Unordered, de-duplicated pairs; a pair of an item with itself is dropped."""
    return frozenset(frozenset(p) for p in pairs if p[0] != p[1])


def pair_scores(
    gold: Iterable[tuple[Hashable, Hashable]], pred: Iterable[tuple[Hashable, Hashable]]
) -> PRF:
    """Precision and recall of predicted pairs (e.g. near-duplicates) against gold pairs."""
    g, p = pair_set(gold), pair_set(pred)
    tp = len(g & p)
    return PRF(_ratio(tp, len(p)), _ratio(tp, len(g)))


def _check(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} items, prediction {len(pred)}")
