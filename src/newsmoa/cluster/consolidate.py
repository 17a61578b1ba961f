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

Links = Callable[[int, np.ndarray, np.ndarray], np.ndarray]


def merge_plan(
    stories: Stories,
    links: Links,
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
    graph = _Graph(stories, config, heads, bare, reprint)
    graph.add(links, slots, near)
    heap = [(-graph.score(x, y), x, y) for x, y in graph.story_pairs(slots)]
    heapq.heapify(heap)
    merges: list[tuple[str, str, float]] = []
    while heap:
        neg, x, y = heapq.heappop(heap)
        if -neg < config.join_threshold:
            break
        x, y = stories.resolve(x), stories.resolve(y)
        if x == y:
            continue
        now = graph.score(x, y)
        if now < -neg - 1e-9:  # stale: the pair changed since it was scored
            heapq.heappush(heap, (-now, min(x, y), max(x, y)))
            continue
        if not stories.may_merge(stories.live[x], stories.live[y]):  # kept apart
            continue
        keep, gone = stories.merge(stories.live[x], stories.live[y])
        merges.append((keep.id, gone.id, now))
    return merges


class _Graph:
    """The shared-neighbour links among the batch's articles and their neighbours, and the
    score of two stories as wholes over them (the stories change as merges are made)."""

    def __init__(
        self,
        stories: Stories,
        config: ClusterConfig,
        heads: Headlines | None,
        bare: np.ndarray | None,
        reprint: Callable[[int, int], bool] | None,
    ) -> None:
        self.stories, self.config, self.heads = stories, config, heads
        self.bare, self.reprint = bare, reprint
        self.adj: dict[int, dict[int, float]] = defaultdict(dict)
        self.copies: dict[int, set[int]] = defaultdict(set)  # cosine >= copy_similarity

    def add(
        self, links: Links, slots: list[int], near: list[tuple[np.ndarray, np.ndarray]]
    ) -> None:
        """Link each slot to its neighbours over the cosine floor (flashes to none)."""
        config, bare = self.config, self.bare
        for slot, (cands, sims) in zip(slots, near, strict=True):
            linked = sims >= config.similarity_floor
            close, sims = cands[linked], sims[linked]
            if bare is not None and (bare[slot] or bare[close].any()):
                linked = np.zeros(close.size, dtype=bool) if bare[slot] else ~bare[close]
                close, sims = close[linked], sims[linked]
            shared = links(slot, close, sims)
            for other, w, sim in zip(close.tolist(), shared.tolist(), sims.tolist(), strict=True):
                self.adj[slot][other] = self.adj[other][slot] = w
                if sim >= config.copy_similarity:
                    self.copies[slot].add(other)
                    self.copies[other].add(slot)

    def story_pairs(self, slots: list[int]) -> list[tuple[str, str]]:
        """The pairs of distinct stories a batch article's link joins, sorted."""
        of_slot = self.stories.of_slot
        pairs = set()
        for slot in slots:
            x = of_slot(slot)
            for other in self.adj.get(slot, {}):
                y = of_slot(other)
                if x is not None and y is not None and x != y:
                    pairs.add((min(x, y), max(x, y)))
        return sorted(pairs)

    def score(self, x: str, y: str) -> float:
        """The weaker of the two directions' join scores; 0 when the headline or coherence
        rules keep the stories apart (checked only for a score that could merge)."""
        a, b = self.stories.live[x], self.stories.live[y]
        score = min(self._towards(a, b), self._towards(b, a))
        if score < self.config.join_threshold:
            return score
        if not stories_close(a.sum, b.sum, self.config.merge_coherence):
            return 0.0
        if not self._alike(a, b):
            return 0.0
        return score * min(self._actors(a, b), self._actors(b, a))

    def _solid(self, story: Story) -> list[int]:
        """The members that are not flashes."""
        bare = self.bare
        return story.members if bare is None else [m for m in story.members if not bare[m]]

    def _towards(self, a: Story, b: Story) -> float:
        """The mean over a's members of their min(size of b, k) strongest links into b."""
        mine, m = self._solid(a), min(len(self._solid(b)), self.config.neighbours)
        if not mine or not m:
            return 0.0
        of_slot, total = self.stories.of_slot, 0.0
        for member in mine:
            ws = [w for o, w in self.adj.get(member, {}).items() if of_slot(o) == b.id]
            total += sum(sorted(ws, reverse=True)[:m]) / m
        return total / len(mine)

    def _alike(self, a: Story, b: Story) -> bool:
        """The headline gate: some member of a has a headline like one of b's, or is a
        reprint of one (its figures are compared in Python, so only here)."""
        heads, config = self.heads, self.config
        if heads is None or config.headline_floor <= 0.0:
            return True
        members = list(b.members)
        if any(heads.any_alike(m, members, config.headline_floor) for m in a.members):
            return True
        if self.reprint is None:
            return False
        theirs = set(members)
        return any(
            self.reprint(m, o) for m in a.members for o in self.copies.get(m, ()) if o in theirs
        )

    def _actors(self, a: Story, b: Story) -> float:
        """The discount when a's members' headline actors mostly disagree with b's."""
        heads, config = self.heads, self.config
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
