"""Doubts (`cluster.doubts`): the stories an editor should look at first, on hand-made cosine
matrices, and on an index's own."""

from __future__ import annotations

import numpy as np
import pytest
from cluster_samples import GOLD

from newsmoa.cluster import StoryIndex, article_features
from newsmoa.cluster.doubts import doubts, merge_doubts, split_doubts, two_groups


def _blocks(*sizes: int, inside: float = 0.6, across: float = 0.1) -> np.ndarray:
    """A cosine matrix of groups of `sizes` members: `inside` within a group, `across`
    between groups, 1 on the diagonal."""
    n = sum(sizes)
    sims = np.full((n, n), across)
    at = 0
    for size in sizes:
        sims[at : at + size, at : at + size] = inside
        at += size
    np.fill_diagonal(sims, 1.0)
    return sims


def _cosines(sims: np.ndarray, ids: list[str]):
    at = {a: i for i, a in enumerate(ids)}

    def cosines(articles):
        pos = [at[a] for a in articles]
        return sims[np.ix_(pos, pos)]

    return cosines


def test_two_groups_cuts_between_the_blocks():
    sims = _blocks(3, 2)
    # interleave the rows: the groups are found from the cosines, not from the order
    order = [0, 3, 1, 4, 2]
    a, b = two_groups(sims[np.ix_(order, order)])
    assert (a, b) == ([0, 2, 4], [1, 3])


def test_two_groups_of_three_equal_blocks_keeps_two_together():
    a, b = two_groups(_blocks(2, 2, 2, across=0.2))
    assert sorted([len(a), len(b)]) == [2, 4] and a[0] == 0


def _greedy_two_groups(sims: np.ndarray) -> set[frozenset[int]]:
    """Average link the plain way: merge the two closest groups until two are left."""
    groups = [{i} for i in range(sims.shape[0])]
    while len(groups) > 2:
        pairs = [(i, j) for i in range(len(groups)) for j in range(i + 1, len(groups))]
        i, j = max(
            pairs, key=lambda p: sims[np.ix_(sorted(groups[p[0]]), sorted(groups[p[1]]))].mean()
        )
        groups[i] |= groups.pop(j)
    return {frozenset(g) for g in groups}


@pytest.mark.parametrize("seed", range(40))
def test_two_groups_are_the_greedy_average_link_cut(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 14))
    # cosines of random non-negative vectors, some of them near copies: clusters with ties
    # unlikely (continuous values)
    x = rng.random((n, 6)) ** 3 + (rng.random((n, 1)) < 0.5) * rng.random((1, 6))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    sims = x @ x.T
    a, b = two_groups(sims)
    assert a[0] == 0 and sorted(a + b) == list(range(n))
    assert {frozenset(a), frozenset(b)} == _greedy_two_groups(sims)


def test_splits_rank_the_largest_story_first_with_its_cut():
    ids = [f"x{i}" for i in range(5)] + [f"y{i}" for i in range(4)] + ["z0", "z1"]
    sims = np.eye(len(ids))
    sims[:5, :5] = _blocks(3, 2)
    sims[5:9, 5:9] = _blocks(2, 2, inside=0.5, across=0.3)
    sims[9:, 9:] = _blocks(2)
    members = {"X": ids[:5], "Y": ids[5:9], "Z": ids[9:]}
    got = split_doubts(members, _cosines(sims, ids))
    assert [d.stories for d in got] == [("X",), ("Y",)]  # Z: two articles are no cut
    x = got[0]
    assert x.kind == "split" and x.parts == (("x0", "x1", "x2"), ("x3", "x4"))
    assert x.across == pytest.approx(0.1) and x.within == pytest.approx(0.6)
    assert x.weight == 10  # the pairs X holds
    assert got[1].across == pytest.approx(0.3) and got[1].weight == 6


def test_splits_leave_out_stories_looked_at_and_stories_without_a_cut():
    ids = [f"x{i}" for i in range(4)] + [f"y{i}" for i in range(3)]
    sims = np.eye(len(ids))
    sims[:4, :4] = _blocks(2, 2)
    sims[4:, 4:] = 0.5  # all alike: no part is closer inside than across
    np.fill_diagonal(sims, 1.0)
    members = {"X": ids[:4], "Y": ids[4:]}
    cos = _cosines(sims, ids)
    assert [d.stories for d in split_doubts(members, cos)] == [("X",)]
    assert split_doubts(members, cos, skip={"X"}) == []
    assert split_doubts(members, cos, limit=0) == []


def test_two_groups_keep_joined_rows_on_one_side():
    sims = _blocks(3, 2)  # the cut would part rows 0 and 4 ...
    a, b = two_groups(sims, [0, 4])  # ... which start as one group
    assert {0, 4} <= set(a) and sorted(a + b) == [0, 1, 2, 3, 4] and b


def test_splits_never_part_a_release_from_the_articles_that_carried_it():
    """A release's story was offered as two with a carrier (an outlet that ran a third of the
    release in its own words, far from the others in cosine) on one side and the release on
    the other (a press office's week: every release's story listed so)."""
    ids = ["carrier", "other1", "other2", "release"]
    sims = _blocks(1, 3, inside=0.7, across=0.2)
    cos = _cosines(sims, ids)
    members = {"X": ids}
    assert split_doubts(members, cos)[0].parts == (("carrier",), ("other1", "other2", "release"))
    # every article carried the release: nothing to cut off
    assert split_doubts(members, cos, together=lambda s: set(ids)) == []
    # a fifth article that did not carry it may still be cut off
    ids5 = [*ids, "zz-alone"]
    sims5 = _blocks(1, 3, 1, inside=0.7, across=0.2)
    sims5[0, 1:4] = sims5[1:4, 0] = 0.6
    got = split_doubts({"X": ids5}, _cosines(sims5, ids5), together=lambda s: set(ids))
    assert [d.parts for d in got] == [(tuple(ids), ("zz-alone",))]


def test_merges_are_neighbouring_stories_closest_first():
    ids = ["a0", "a1", "b0", "c0", "c1", "c2", "d0"]
    sims = np.eye(len(ids))
    sims[0:2, 0:2] = _blocks(2, inside=0.7)
    sims[3:6, 3:6] = _blocks(3, inside=0.5)
    for x, y, s in (("a0", "b0", 0.4), ("a1", "b0", 0.2), ("b0", "c0", 0.35), ("a0", "d0", 0.9)):
        i, j = ids.index(x), ids.index(y)
        sims[i, j] = sims[j, i] = s
    members = {"A": ids[0:2], "B": ["b0"], "C": ids[3:6], "D": ["d0"]}
    story_of = {a: s for s, m in members.items() for a in m}
    neighbours = [("b0", "a0"), ("a1", "b0"), ("c0", "b0")]  # d0 is no one's neighbour
    got = merge_doubts(members, story_of, neighbours, _cosines(sims, ids))
    assert [d.stories for d in got] == [("A", "B"), ("C", "B")]  # the larger story first
    assert got[0].parts == (("a0", "a1"), ("b0",))
    assert got[0].across == pytest.approx(0.3) and got[0].weight == got[0].across
    assert got[1].across == pytest.approx(0.35 / 3)
    assert got[0].within == pytest.approx(0.7)  # only A has pairs inside
    # two stories an editor looked at are not offered as one; one of them is
    looked = merge_doubts(members, story_of, neighbours, _cosines(sims, ids), skip={"A", "B"})
    assert [d.stories for d in looked] == [("C", "B")]
    assert merge_doubts(members, story_of, [("a0", "a1")], _cosines(sims, ids)) == []


def test_an_index_gives_its_stories_cosines_and_neighbours(articles):
    index = StoryIndex()
    index.add_many([(a.id, article_features(a)) for a in articles])
    members = index.members()
    assert sorted(a for ids in members.values() for a in ids) == sorted(a.id for a in articles)
    for story, ids in members.items():
        assert {GOLD[a] for a in ids} == {GOLD[ids[0]]}, story
    ids = [a.id for a in articles]
    sims = index.cosines(ids)
    assert np.allclose(sims, sims.T, atol=1e-6) and np.allclose(np.diag(sims), 1.0, atol=1e-5)
    pairs = index.neighbours()
    assert pairs and all(a != b and a in ids and b in ids for a, b in pairs)
    floor = index.config.similarity_floor
    assert all(sims[ids.index(a), ids.index(b)] >= floor - 1e-6 for a, b in pairs)
    splits, merges = doubts(index)
    assert all(len(sum(d.parts, ())) >= 3 for d in splits)
    assert {s for d in (*splits, *merges) for s in d.stories} <= set(members)
    sizes = [len(sum(d.parts, ())) for d in splits]
    assert sizes == sorted(sizes, reverse=True)
    assert doubts(index, among=set()) == ([], [])
