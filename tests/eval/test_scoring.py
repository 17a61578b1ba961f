"""Scores of small cases worked out by hand."""

import pytest

from newsmoa.eval.scoring import PRF, bcubed, pair_scores, pairwise

GOLD = ["a", "a", "a", "b", "b"]  # gold pairs: 01 02 12 34 (4)
PRED = [1, 1, 2, 2, 2]  # predicted pairs: 01 23 24 34 (4); shared: 01 34


def test_pairwise_hand_case():
    s = pairwise(GOLD, PRED)
    assert s.precision == pytest.approx(2 / 4)
    assert s.recall == pytest.approx(2 / 4)
    assert s.f1 == pytest.approx(0.5)


def test_bcubed_hand_case():
    # item: pred cluster, gold cluster, overlap -> precision, recall
    # 0: {0,1} {0,1,2} 2 -> 2/2, 2/3      1: same -> 1, 2/3
    # 2: {2,3,4} {0,1,2} 1 -> 1/3, 1/3    3: {2,3,4} {3,4} 2 -> 2/3, 2/2    4: same as 3
    s = bcubed(GOLD, PRED)
    assert s.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert s.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_all_apart_and_all_together():
    apart = list(range(5))
    assert pairwise(GOLD, apart) == PRF(1.0, 0.0)
    assert pairwise(GOLD, apart).f1 == 0.0
    b = bcubed(GOLD, apart)
    assert b.precision == 1.0
    assert b.recall == pytest.approx((1 / 3 * 3 + 1 / 2 * 2) / 5)
    together = [0] * 5
    assert pairwise(GOLD, together) == PRF(4 / 10, 1.0)
    assert bcubed(GOLD, together).precision == pytest.approx((3 / 5 * 3 + 2 / 5 * 2) / 5)


def test_perfect_and_label_names_do_not_matter():
    assert pairwise(GOLD, ["x", "x", "x", "y", "y"]) == PRF(1.0, 1.0)
    assert bcubed(GOLD, ["y", "y", "y", "x", "x"]) == PRF(1.0, 1.0)


def test_empty_and_mismatched():
    assert pairwise([], []) == PRF(1.0, 1.0)
    assert bcubed([], []) == PRF(1.0, 1.0)
    with pytest.raises(ValueError):
        pairwise([1], [1, 2])


def test_pair_scores_unordered_and_deduplicated():
    gold = [("a", "b"), ("c", "d"), ("e", "f")]
    pred = [("b", "a"), ("a", "b"), ("d", "c"), ("a", "c"), ("x", "x")]
    s = pair_scores(gold, pred)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    assert pair_scores([], []) == PRF(1.0, 1.0)
