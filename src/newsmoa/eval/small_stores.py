"""Small stores: how a fresh store groups its first few articles.

A press office starts with an empty store, and its first batch holds a handful of reports: in
such a store every article is in every other's neighbour list, so the shared-neighbour link
(cluster README, point 4) knows less than in a store of hundreds. The sets of the main table
are clustered whole; these rows draw small stores from them.

A draw (seeded, the same on every run) takes one gold story, 1 to 4 of its articles, and 1 to
4 articles of other stories, then clusters those 2 to 8 articles alone, in one batch:
- **others at random** from the set: a fresh store's unrelated items;
- **look-alikes**: the others among the 12 articles of other stories closest (TF-IDF cosine
  in the whole set) to the chosen articles: the same topic's other happenings.
Pairwise precision and recall are summed over the draws' pairs. The same draws' pairs as the
whole set's clustering decided them are given beside them, so the rows show what a store
loses by being small.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsmoa.cluster import DEFAULT_CONFIG, ClusterConfig, StoryIndex, article_features
from newsmoa.eval.datasets import EvalSet
from newsmoa.eval.scoring import PRF, pair_counts, summed_pairwise

DRAWS = 400
SEED = 7
MOST_FROM_STORY = 4
MOST_OTHERS = 4
LOOKALIKES = 12  # the closest articles of other stories a look-alike draw picks from


@dataclass(frozen=True, slots=True)
class SmallStores:
    """Pairwise scores over a set's draws: clustered alone, and as in the whole set."""

    name: str
    draws: int
    articles: int
    alone: PRF
    whole: PRF


def draws(
    gold: Sequence[str], cosines: np.ndarray | None, n: int = DRAWS, seed: int = SEED
) -> list[list[int]]:
    """`n` draws of positions: 1 to 4 of one story's, then 1 to 4 of other stories' (the
    closest by `cosines` when given, else any)."""
    rng = random.Random(seed)
    by_story: dict[str, list[int]] = {}
    for i, g in enumerate(gold):
        by_story.setdefault(g, []).append(i)
    stories = sorted(by_story)
    out = []
    for _ in range(n):
        story = rng.choice(stories)
        members = by_story[story]
        chosen = rng.sample(members, rng.randint(1, min(MOST_FROM_STORY, len(members))))
        if cosines is None:
            pool = [i for i in range(len(gold)) if gold[i] != story]
        else:
            close = cosines[chosen].max(axis=0)
            ranked = np.argsort(-close, kind="stable").tolist()
            pool = [i for i in ranked if gold[i] != story][:LOOKALIKES]
        assert pool, "a small store needs two stories"
        out.append(chosen + rng.sample(pool, min(len(pool), rng.randint(1, MOST_OTHERS))))
    return out


def score(data: EvalSet, lookalikes: bool, config: ClusterConfig = DEFAULT_CONFIG) -> SmallStores:
    """Draw small stores from a set's placed articles and score them (see the module)."""
    data = data.extracted()
    kept = set(a.id for a in data.kept())
    at = [i for i, a in enumerate(data.articles) if a.id in kept]
    articles = [data.articles[i] for i in at]
    gold = [data.gold[i] for i in at]
    features = [article_features(a, config) for a in articles]
    whole = StoryIndex(config)
    whole.add_many([(a.id, f) for a, f in zip(articles, features, strict=True)])
    cosines = whole.cosines([a.id for a in articles]) if lookalikes else None
    alone, together, size = [], [], 0
    for draw in draws(gold, cosines):
        index = StoryIndex(config)
        index.add_many([(articles[i].id, features[i]) for i in draw])
        truth = [gold[i] for i in draw]
        alone.append(pair_counts(truth, [index.story_of(articles[i].id) for i in draw]))
        together.append(pair_counts(truth, [whole.story_of(articles[i].id) for i in draw]))
        size += len(draw)
    kind = "look-alikes" if lookalikes else "others at random"
    return SmallStores(
        f"{data.name}, {kind}", DRAWS, size, summed_pairwise(alone), summed_pairwise(together)
    )


def render(rows: Sequence[SmallStores]) -> str:
    head = (
        f"{'small stores (2-8 articles)':<44} {'draws':>5} {'arts':>5} "
        f"{'alone P':>8} {'R':>6} {'F1':>6} {'whole P':>8} {'R':>6} {'F1':>6}"
    )
    lines = [head]
    for r in rows:
        lines.append(
            f"{r.name:<44} {r.draws:>5} {r.articles:>5} {r.alone.precision:>8.3f} "
            f"{r.alone.recall:>6.3f} {r.alone.f1:>6.3f} {r.whole.precision:>8.3f} "
            f"{r.whole.recall:>6.3f} {r.whole.f1:>6.3f}"
        )
    return "\n".join(lines)
