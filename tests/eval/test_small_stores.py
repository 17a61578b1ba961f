"""Small-store draws: what each draw holds, and their pairs' sums."""

from __future__ import annotations

import numpy as np

from newsmoa.eval.scoring import pair_counts, summed_pairwise
from newsmoa.eval.small_stores import draws

GOLD = ["a"] * 5 + ["b"] * 3 + [f"single {i}" for i in range(12)]


def test_a_draw_holds_one_storys_articles_and_others():
    for draw in draws(GOLD, None, n=200):
        stories = [GOLD[i] for i in draw]
        first = stories[0]
        mine = [s for s in stories if s == first]
        others = [s for s in stories if s != first]
        assert 1 <= len(mine) <= 4 and 1 <= len(others) <= 4
        assert stories[: len(mine)] == mine  # the story's articles first, then the others
        assert len(set(draw)) == len(draw)


def test_the_draws_are_the_same_on_every_run_and_differ_by_seed():
    assert draws(GOLD, None, n=50) == draws(GOLD, None, n=50)
    assert draws(GOLD, None, n=50) != draws(GOLD, None, n=50, seed=8)


def test_look_alike_draws_take_the_closest_articles_of_other_stories():
    n = len(GOLD)
    cosines = np.zeros((n, n))
    close = [17, 18, 19]  # the only articles alike to story a's: last by position
    for i in range(5):
        cosines[i, close] = 0.5
    pool = close + list(range(5, 14))  # the 12 closest of other stories, ties by position
    seen = set()
    for draw in draws(GOLD, cosines, n=200):
        if GOLD[draw[0]] != "a":
            continue
        others = [i for i in draw if GOLD[i] != "a"]
        assert set(others) <= set(pool)
        seen.update(others)
    assert set(close) <= seen  # drawn although last by position


def test_pairs_are_summed_over_draws_before_dividing():
    one = pair_counts(["x", "x", "y"], ["p", "p", "p"])  # 1 right of 3 predicted, 1 gold
    two = pair_counts(["x", "y"], ["p", "q"])  # nothing predicted, nothing to find
    assert one == (1, 3, 1) and two == (0, 0, 0)
    got = summed_pairwise([one, two])
    assert (got.precision, got.recall) == (1 / 3, 1.0)
