"""The error analysis' count of false pairs across half A's quarters (synthetic story ids)."""

from newsmoa.eval.errors import false_pairs_across_quarters
from newsmoa.eval.tune import quarter_of


def test_false_pairs_across_quarters():
    ids = [f"d{i:04d}" for i in range(40)]
    one = [s for s in ids if quarter_of(s) == "1"][:2]
    two = [s for s in ids if quarter_of(s) == "2"][:1]
    gold = [one[0], one[0], one[1], two[0], two[0]]
    pred = ["x", "x", "x", "x", "y"]  # one[0] twice, one[1], two[0] in one story
    # false pairs in x: (one0, one1) x2 within quarter 1, (one0, two0) x2 and (one1, two0) across
    assert false_pairs_across_quarters(gold, pred) == (3, 5)
    assert false_pairs_across_quarters(gold, gold) == (0, 0)
