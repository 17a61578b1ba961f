"""Story coherence and the relative link floor (both off by default): the kept vector sums give
exact mean cosines, and the rules keep the index's guarantees (order independence, restore,
explainable decisions)."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest
from cluster_samples import GOLD

from newsmoa.cluster import ClusterConfig, StoryIndex, article_features, cluster_articles
from newsmoa.cluster.coherence import Sum, close_enough, stories_close
from newsmoa.eval.scoring import pairwise

ON = ClusterConfig(join_coherence=0.4, merge_coherence=0.4)


def _vectors(n: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        terms = np.sort(rng.choice(40, size=12, replace=False)).astype(np.uint64)
        w = rng.random(12).astype(np.float32)
        out.append((terms, (w / np.linalg.norm(w)).astype(np.float32)))
    return out


def _cos(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> float:
    da = dict(zip(a[0].tolist(), a[1].tolist(), strict=True))
    return sum(da.get(t, 0.0) * w for t, w in zip(b[0].tolist(), b[1].tolist(), strict=True))


def test_sums_give_mean_cosines():
    vs = _vectors(9, 1)
    first, second = Sum(), Sum()
    for v in vs[:5]:
        first.add_vector(*v)
    for v in vs[5:8]:
        second.add_vector(*v)
    inner = [_cos(a, b) for i, a in enumerate(vs[:5]) for b in vs[i + 1 : 5]]
    assert abs(first.coherence() - np.mean(inner)) < 1e-5
    assert abs(first.closeness(*vs[8]) - np.mean([_cos(vs[8], a) for a in vs[:5]])) < 1e-5
    cross = np.mean([_cos(a, b) for a in vs[:5] for b in vs[5:8]])
    assert abs(first.dot(second) / 15 - cross) < 1e-5
    both = first.absorb(second)
    pairs = [_cos(a, b) for i, a in enumerate(vs[:8]) for b in vs[i + 1 : 8]]
    assert both.size == 8 and abs(both.coherence() - np.mean(pairs)) < 1e-5
    one = Sum()
    one.add_vector(*vs[0])
    assert one.coherence() is None  # a story of one article asks nothing
    assert close_enough(0.0, None, 0.9) and close_enough(0.0, 0.5, 0.0)
    assert stories_close(one, first, 0.0) and stories_close(None, first, 0.9)


@pytest.mark.parametrize(
    "config", [ON, ClusterConfig(relative_floor=0.45)], ids=["coherence", "relative floor"]
)
def test_options_keep_order_independence_and_the_samples(articles, config):
    base = cluster_articles(articles, config)
    assert pairwise([GOLD[a.id] for a in articles], base).f1 == 1.0
    ids = [a.id for a in articles]
    for seed in range(3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        got = dict(zip([a.id for a in shuffled], cluster_articles(shuffled, config), strict=True))
        assert [got[i] for i in ids] == base


def test_coherence_is_a_signal_and_survives_restore(articles):
    feats = [(a.id, article_features(a)) for a in articles]
    index = StoryIndex(ON)
    done = index.add_many(feats[:4])
    assert any("coherence" in d.signals for d in done if not d.founded)
    again = StoryIndex(ON)
    again.restore([(a, index.story_of(a), f) for a, f in feats[:4]], index.redirects)
    one = [index.add(a, f).story for a, f in feats[4:]]
    two = [again.add(a, f).story for a, f in feats[4:]]
    assert one == two
    assert StoryIndex().add_many(feats)[1].signals.get("coherence") is None  # off: not kept


def test_a_bridge_does_not_merge_stories_far_from_each_other(articles):
    wanju, fire = articles[0], articles[3]
    bridge = dataclasses.replace(
        fire, id="roundup", title=f"{wanju.title} {fire.title}", text=f"{wanju.text} {fire.text}"
    )
    for config, merges in ((ClusterConfig(), True), (ClusterConfig(merge_coherence=0.9), False)):
        index = StoryIndex(config)
        index.add(wanju.id, article_features(wanju))
        index.add(fire.id, article_features(fire))
        c = index.add("roundup", article_features(bridge))
        assert bool(c.merged) is merges
        assert (index.story_of(fire.id) == index.story_of(wanju.id)) is merges
