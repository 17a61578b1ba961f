"""The editor simulation of `newsmoa.eval.review`: what following the doubts is worth."""

from __future__ import annotations

from newsmoa.cluster.doubts import Doubt
from newsmoa.eval.arrival import timed
from newsmoa.eval.datasets import load_ecbplus
from newsmoa.eval.review import BUDGETS, LOOKS_A_DAY, _apply, _regrouped, desk, review

GOLD = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "3"}


def test_a_proposed_split_or_merge_is_made_as_proposed():
    story = {"a": "S", "b": "S", "c": "S", "d": "T", "e": "U"}
    split = Doubt("split", ("S",), (("a", "b"), ("c",)), 0.1, 0.5, 3.0)
    assert _apply(story, split) == {**story, "c": "S/split"}
    merge = Doubt("merge", ("S", "T"), (("a", "b", "c"), ("d",)), 0.3, 0.5, 0.3)
    assert _apply(story, merge) == {**story, "d": "S"}


def test_an_editor_who_fixes_regroups_the_stories_looked_at_as_the_gold_has_them():
    story = {"a": "S", "b": "S", "c": "S", "d": "T", "e": "T"}
    merge = Doubt("merge", ("S", "T"), (("a", "b", "c"), ("d", "e")), 0.3, 0.5, 0.3)
    # gold 1 (a, b) and 2 (c, d) have two articles each: the one with "a" keeps the id
    assert _regrouped(story, merge, GOLD) == {
        "a": "S",
        "b": "S",
        "c": "S/1",
        "d": "S/1",
        "e": "S/2",
    }


def test_following_the_doubts_never_lowers_the_score():
    """On ECB+ test: a correction is made only when it raises pairwise F1, so the score
    after each budget is at least the one before, and corrections are at most the looks."""
    data = load_ecbplus(("test",))
    for fixes in (False, True):
        got = review(data, fixes=fixes)
        scores = [got.clustered, *(f1 for f1, _ in got.after)]
        assert scores == sorted(scores), fixes
        assert all(0 <= made <= looks for (_, made), looks in zip(got.after, BUDGETS, strict=True))
        assert got.articles == len(data.articles)
    assert got.after[-1][0] > got.clustered + 0.02  # the editor fixes what was looked at
    # the two lists in turn, a split first, while both have doubts (each list alone: `_next`)
    assert got.looked[:4] == ("split", "merge", "split", "merge")


def test_the_editor_looks_at_the_two_lists_in_turn():
    """`_next` gives the top split when splits come first, else the top merge; the other
    list's top when one is empty."""
    import numpy as np

    from newsmoa.eval.review import _next

    story = {"a": "S", "b": "S", "c": "S", "d": "T"}
    sims = np.array(
        [[1, 0.6, 0.1, 0.3], [0.6, 1, 0.1, 0.2], [0.1, 0.1, 1, 0.2], [0.3, 0.2, 0.2, 1]]
    )
    at = {a: i for i, a in enumerate("abcd")}

    def cosines(ids):
        pos = [at[a] for a in ids]
        return sims[np.ix_(pos, pos)]

    neighbours = [("a", "d")]
    look = {"placed": set(story), "neighbours": neighbours, "cosines": cosines}
    assert _next(story, looked=set(), splits_first=True, **look).kind == "split"
    assert _next(story, looked=set(), splits_first=False, **look).kind == "merge"
    assert _next(story, looked={"S"}, splits_first=True, **look).kind == "merge"
    assert _next(story, looked={"S", "T"}, splits_first=False, **look) is None


def test_an_editor_at_the_desk_day_by_day_through_the_product():
    """ECB+ test with made-up dates, a day at a time through `Newsroom.ingest`, five looks
    at `newsmoa doubts` a day, each fix made with the corrections: they hold to the end."""
    data = timed(load_ecbplus(("test",)))
    got = desk(data)
    assert got.days >= 5 and 0 < got.looks <= LOOKS_A_DAY * got.days
    assert got.corrections >= 1
    assert got.edited > got.clustered + 0.02
