"""Articles arriving one at a time, as `watch` or the API meets them: the grouping a stream
gives, with and without deciding the window again (`newsmoa.cluster.recluster`).

`arrive` adds a set's articles one at a time in a fixed random order (the shared sets have
no times, or all in one day, so any order is a possible arrival), every `every` arrivals
decides everything so far again as one batch (0: never), and returns the stories at the
end of the stream: after the last arrival, not after a last re-decision (that would be the
batch's grouping, by construction).
"""

from __future__ import annotations

import random
import time

from newsmoa.cluster import DEFAULT_CONFIG, ClusterConfig, StoryIndex, article_features
from newsmoa.cluster.recluster import recluster
from newsmoa.eval.datasets import EvalSet

EVERY = 20  # arrivals between re-decisions in the eval table (divides neither set's size)


def arrive(
    data: EvalSet, config: ClusterConfig = DEFAULT_CONFIG, every: int = 0, seed: int = 0
) -> tuple[tuple[str, ...], float]:
    """(story of each article at the end of the stream, in the set's order; seconds)."""
    start = time.perf_counter()
    items = [(a.id, article_features(a, config)) for a in data.articles]
    order = items[:]
    random.Random(seed).shuffle(order)
    index = StoryIndex(config)
    for n, (article_id, feats) in enumerate(order, 1):
        index.add(article_id, feats)
        if every and n % every == 0:
            change = recluster(index, order[:n])
            index.relabel(change.moved, change.redirects)
    stories = tuple(index.story_of(a.id) for a in data.articles)
    return stories, time.perf_counter() - start
