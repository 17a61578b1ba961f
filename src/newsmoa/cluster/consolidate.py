"""Consolidation of a batch: merging stories that, as wholes, would join each other.

Decisions in arrival order can leave one event in two pieces: its first reports founded two
stories before the later ones linked them. After a batch is assigned, two stories merge when
the articles of each score, on average, >= `join_threshold` with the other: the join rule
(the mean of the min(size, k) strongest shared-neighbour links of an article to a story),
applied to whole stories in both directions, so a large story does not swallow a neighbour
through one strong bridge. Pairs are merged best first (a heap with lazy re-scoring), over
the links of the batch's articles; the older story of a pair survives.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable

import numpy as np

from newsmoa.cluster.coherence import stories_close
from newsmoa.cluster.config import ClusterConfig
from newsmoa.cluster.headlines import Headlines
from newsmoa.cluster.stories import Stories, Story


def merge_plan(
    stories: Stories,
    links: Callable[[int, np.ndarray, np.ndarray], np.ndarray],
    config: ClusterConfig,
    slots: list[int],
    near: list[tuple[np.ndarray, np.ndarray]],
    heads: Headlines | None = None,
    bare: np.ndarray | None = None,
    reprint: Callable[[int, int], bool] | None = None,
) -> list[tuple[str, str, float]]:
    """Merge stories linked by the batch's articles; returns (survivor, absorbed, score).
    `bare` marks flashes (`flashes.py`): they are no evidence that two stories are one, so a
    story is scored by its other members (a story of flashes alone merges with none)."""
    if bare is not None and not bare.any():
        bare = None  # no flash held: the stories' members, as they are
    k = config.neighbours
    live, of_slot = stories.live, stories.of_slot
    adj: dict[int, dict[int, float]] = defaultdict(dict)
    copies: dict[int, set[int]] = defaultdict(set)  # cosine >= copy_similarity: may be reprints
    for slot, (cands, sims) in zip(slots, near, strict=True):
        linked = sims >= config.similarity_floor
        close, sims = cands[linked], sims[linked]
        if bare is not None and (bare[slot] or bare[close].any()):
            linked = np.zeros(close.size, dtype=bool) if bare[slot] else ~bare[close]
            close, sims = close[linked], sims[linked]
        shared = links(slot, close, sims)
        for other, w, sim in zip(close.tolist(), shared.tolist(), sims.tolist(), strict=True):
            adj[slot][other] = adj[other][slot] = w
            if sim >= config.copy_similarity:
                copies[slot].add(other)
                copies[other].add(slot)

    def solid(story: Story) -> list[int]:  # the members that are not flashes
        return story.members if bare is None else [m for m in story.members if not bare[m]]

    def towards(a: Story, b: Story) -> float:
        mine, m = solid(a), min(len(solid(b)), k)
        if not mine or not m:
            return 0.0
        total = 0.0
        for member in mine:
            ws = [w for o, w in adj.get(member, {}).items() if of_slot(o) == b.id]
            total += sum(sorted(ws, reverse=True)[:m]) / m
        return total / len(mine)

    def alike(a: Story, b: Story) -> bool:
        if heads is None or config.headline_floor <= 0.0:
            return True
        members = list(b.members)
        if any(heads.any_alike(m, members, config.headline_floor) for m in a.members):
            return True
        if reprint is None:
            return False
        theirs = set(members)  # a reprint of a member passes whatever its headline (checked
        return any(  # only here: its figures are compared in Python)
            reprint(m, o) for m in a.members for o in copies.get(m, ()) if o in theirs
        )

    def actors(a: Story, b: Story) -> float:
        if heads is None or config.actor_floor <= 0.0:
            return 1.0
        known = agree = 0.0
        members = list(b.members)
        for m in a.members:
            share = heads.actors_agree(m, members, config.actor_same_claim)
            if share is not None:
                known += 1
                agree += share
        if known and agree / known < config.actor_floor:
            return config.actor_discount
        return 1.0

    def link(x: str, y: str) -> float:
        a, b = live[x], live[y]
        score = min(towards(a, b), towards(b, a))
        if score < config.join_threshold:  # the headline rules only matter for a merge
            return score
        if not stories_close(a.sum, b.sum, config.merge_coherence):
            return 0.0
        return score * min(actors(a, b), actors(b, a)) if alike(a, b) else 0.0

    pairs = set()
    for slot in slots:
        x = of_slot(slot)
        for other in adj.get(slot, {}):
            y = of_slot(other)
            if x is not None and y is not None and x != y:
                pairs.add((min(x, y), max(x, y)))
    heap = [(-link(x, y), x, y) for x, y in sorted(pairs)]
    heapq.heapify(heap)
    merges: list[tuple[str, str, float]] = []
    while heap:
        neg, x, y = heapq.heappop(heap)
        if -neg < config.join_threshold:
            break
        x, y = stories.resolve(x), stories.resolve(y)
        if x == y:
            continue
        now = link(x, y)
        if now < -neg - 1e-9:  # stale: the pair changed since it was scored
            heapq.heappush(heap, (-now, min(x, y), max(x, y)))
            continue
        if not stories.may_merge(live[x], live[y]):  # two stories a re-decision keeps
            continue
        keep, gone = stories.merge(live[x], live[y])
        merges.append((keep.id, gone.id, now))
    return merges
