"""Story bookkeeping of the index: ids, sizes, members, merges and redirects.

A story id derives from its founding article's id (`story_id_for`) and is never reused: an
absorbed id redirects to the surviving (older) story, and a later story founded by an article
with the same id gets a suffix.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from newsmoa.cluster.coherence import Sum


def story_id_for(article_id: str) -> str:
    """The id a story founded by this article gets (before de-duplication)."""
    return "s" + hashlib.blake2b(article_id.encode("utf-8"), digest_size=6).hexdigest()


def fresh_id(article_id: str, known: Callable[[str], bool]) -> str:
    """The id of a story this article founds: `story_id_for`, with a suffix if that is known."""
    base = sid = story_id_for(article_id)
    n = 1
    while known(sid):
        n += 1
        sid = f"{base}-{n}"
    return sid


@dataclass(slots=True)
class Story:
    id: str
    order: tuple[float, int]  # (first publication or +inf, founding counter): older first
    members: list[int] = field(default_factory=list)  # slots
    sum: Sum | None = None  # of the members' vectors, when the index keeps coherence

    @property
    def size(self) -> int:
        return len(self.members)


class Stories:
    """The stories of an index, addressed by id; slots are the index's article numbers."""

    def __init__(
        self, vector: Callable[[int], tuple[np.ndarray, np.ndarray]] | None = None
    ) -> None:
        self._vector = vector  # slot -> (terms, weights): keep each story's vector sum
        self.live: dict[str, Story] = {}
        self.assigned: list[str | None] = []  # slot -> story id as assigned (resolve it)
        self._redirects: dict[str, str] = {}
        self._founded = 0

    def add_slot(self) -> None:
        self.assigned.append(None)

    def found(self, article_id: str, t: float | None) -> Story:
        return self.open(fresh_id(article_id, self.known), t)

    def known(self, story_id: str) -> bool:
        """Whether the id is a live story's or an absorbed one's (so never to be given again)."""
        return story_id in self.live or story_id in self._redirects

    def open(self, story_id: str, t: float | None) -> Story:
        """The live story with this id, created if new (used when restoring from a store)."""
        if story_id not in self.live:
            self._founded += 1
            order = (float("inf") if t is None else t, self._founded)
            self.live[story_id] = Story(story_id, order, sum=Sum() if self._vector else None)
        return self.live[story_id]

    def place(self, slot: int, story: Story) -> None:
        self.assigned[slot] = story.id
        story.members.append(slot)
        if story.sum is not None and self._vector is not None:
            story.sum.add_vector(*self._vector(slot))

    def of_slot(self, slot: int) -> str | None:
        story = self.assigned[slot]
        return None if story is None else self.resolve(story)

    def resolve(self, story_id: str) -> str:
        seen = [story_id]
        while story_id in self._redirects:
            story_id = self._redirects[story_id]
            seen.append(story_id)
        for s in seen[:-2]:  # shorten the chain for next time
            self._redirects[s] = story_id
        return story_id

    def redirect(self, redirects: Mapping[str, str]) -> None:
        self._redirects.update(redirects)

    @property
    def redirects(self) -> Mapping[str, str]:
        return MappingProxyType({s: self.resolve(s) for s in list(self._redirects)})

    def relabel(
        self, moves: Mapping[int, str], redirects: Mapping[str, str], time: Callable[[int], float]
    ) -> None:
        """Move slots to the stories named (opened if new, ordered by their first member's
        `time`, inf when unknown); then each story in `redirects` (left with members outside
        the moves only, or none) is absorbed by the one named, its members with it."""
        opened: dict[str, float] = {}
        for slot, sid in moves.items():
            if sid not in self.live:
                opened[sid] = min(opened.get(sid, float("inf")), time(slot))
        for sid, t in sorted(opened.items(), key=lambda x: (x[1], x[0])):
            self.open(sid, None if t == float("inf") else t)
        touched = set(opened)
        for slot, sid in moves.items():
            old = self.live[self.of_slot(slot) or ""]
            old.members.remove(slot)
            self.assigned[slot] = sid
            self.live[sid].members.append(slot)
            touched.update((old.id, sid))
        for gone_id, keep_id in redirects.items():
            gone, keep = self.live.pop(gone_id), self.live[keep_id]
            keep.members.extend(gone.members)
            self._redirects[gone_id] = keep_id
            touched.discard(gone_id)
            touched.add(keep_id)
        if self._vector is not None:  # the sums of the stories that changed, from their members
            for sid in touched:
                story = self.live[sid]
                story.sum = Sum()
                for slot in story.members:
                    story.sum.add_vector(*self._vector(slot))

    def merge(self, a: Story, b: Story) -> tuple[Story, Story]:
        """Merge two live stories; the older survives. Returns (survivor, absorbed)."""
        keep, gone = (a, b) if a.order <= b.order else (b, a)
        keep.members.extend(gone.members)
        if keep.sum is not None and gone.sum is not None:
            keep.sum = keep.sum.absorb(gone.sum)
        del self.live[gone.id]
        self._redirects[gone.id] = keep.id
        return keep, gone
