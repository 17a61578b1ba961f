"""Story bookkeeping of the index: ids, sizes, members, merges and redirects.

A story id derives from its founding article's id (`story_id_for`) and is never reused: an
absorbed id redirects to the surviving (older) story, and a later story founded by an article
with the same id gets a suffix. A story split off again that holds the article an absorbed
id was made from takes that id back (an editor's split, `corrections.split`; a decision
taken again, `recluster.give_back`).
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
        self,
        vector: Callable[[int], tuple[np.ndarray, np.ndarray]] | None = None,
        taken: Callable[[str], bool] | None = None,
        apart: Callable[[list[int], list[int]], bool] | None = None,
    ) -> None:
        self._vector = vector  # slot -> (terms, weights): keep each story's vector sum
        self._taken = taken  # ids given outside this index (a store's), never founded again
        self._apart = apart  # two stories' members that stay apart (two press releases)
        self.live: dict[str, Story] = {}
        self.assigned: list[str | None] = []  # slot -> story id as assigned (resolve it)
        self._redirects: dict[str, str] = {}
        self._founded = 0
        # stories that are never absorbed nor merged with each other (a re-decision's
        # context; stories an editor placed articles in)
        self.pinned: set[str] = set()

    def add_slot(self) -> None:
        self.assigned.append(None)

    def found(self, article_id: str, t: float | None) -> Story:
        taken = self._taken
        known = self.known if taken is None else lambda s: self.known(s) or taken(s)
        return self.open(fresh_id(article_id, known), t)

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
        self,
        moves: Mapping[int, str],
        redirects: Mapping[str, str],
        time: Callable[[int], float],
        leads: Mapping[str, str] = {},
    ) -> None:
        """Point each absorbed id in `leads` at the story named (one naming itself is a
        story's id again; the ids absorbed through it keep leading where they led), move
        slots to the stories named (opened if not live), then absorb each story in
        `redirects` into the one named, its members with it (a story this index does not
        hold is only redirected). A story left without members is dropped (it may live on
        with articles this index does not hold: restoring them opens it again). The first
        publication (`time` of a slot; inf when unknown) of every story that changed is
        taken again from its members."""
        self._lead(leads)
        touched = self._move(moves)
        self._absorb(redirects, touched)
        self._renew(touched, time)

    def _lead(self, leads: Mapping[str, str]) -> None:
        """Point each absorbed id at the story named (`relabel`)."""
        for absorbed, lead in leads.items():
            now = self.resolve(absorbed)
            # what led through `absorbed` keeps leading where it led: the slots still labelled
            # with it or with an id absorbed into it, and those ids (as `Store.repoint`)
            if (story := self.live.get(now)) is not None:
                for slot in story.members:
                    self.assigned[slot] = now
            for through, to in list(self._redirects.items()):
                if to == absorbed:
                    self._redirects[through] = now
            if absorbed == lead:
                self._redirects.pop(absorbed, None)
            else:
                self._redirects[absorbed] = lead

    def _move(self, moves: Mapping[int, str]) -> set[str]:
        """Move slots to the stories named; returns the ids of the stories changed."""
        touched: set[str] = set()
        for slot, sid in moves.items():
            old = self.live[self.of_slot(slot) or ""]
            old.members.remove(slot)
            self.assigned[slot] = sid
            self.open(sid, None).members.append(slot)
            touched.update((old.id, sid))
        return touched

    def _absorb(self, redirects: Mapping[str, str], touched: set[str]) -> None:
        """Absorb each story in `redirects` into the one named (`touched` follows)."""
        for gone_id, keep_id in redirects.items():
            if self.resolve(keep_id) == gone_id:  # a cycle would never resolve
                raise ValueError(
                    f"story {gone_id} cannot redirect to {keep_id}, its own absorbed id"
                )
            self._redirects[gone_id] = keep_id
            gone = self.live.pop(gone_id, None)
            touched.discard(gone_id)
            if gone is not None and gone.members:
                self.open(keep_id, None).members.extend(gone.members)
                touched.add(keep_id)

    def _renew(self, touched: set[str], time: Callable[[int], float]) -> None:
        """Drop the changed stories left empty; take the others' first publication and
        vector sum again from their members."""
        for sid in touched:
            story = self.live[sid]
            if not story.members:
                del self.live[sid]
                continue
            story.order = (min(time(slot) for slot in story.members), story.order[1])
            if self._vector is not None:  # the sum from the members
                story.sum = Sum()
                for slot in story.members:
                    story.sum.add_vector(*self._vector(slot))

    def may_merge(self, a: Story, b: Story) -> bool:
        if a.id in self.pinned and b.id in self.pinned:
            return False
        return self._apart is None or not self._apart(a.members, b.members)

    def merge(self, a: Story, b: Story) -> tuple[Story, Story]:
        """Merge two live stories (`may_merge`); the pinned or else the older one survives,
        and of two first published at the same time (a source giving dates only: every
        article of a day at its midnight), the larger: its id is the one more readers have
        seen. Returns (survivor, absorbed)."""
        if a.id in self.pinned or b.id in self.pinned:
            keep, gone = (a, b) if a.id in self.pinned else (b, a)
        else:
            first = (a.order[0], -a.size, a.order[1]) <= (b.order[0], -b.size, b.order[1])
            keep, gone = (a, b) if first else (b, a)
        keep.members.extend(gone.members)
        if keep.sum is not None and gone.sum is not None:
            keep.sum = keep.sum.absorb(gone.sum)
        del self.live[gone.id]
        self._redirects[gone.id] = keep.id
        return keep, gone
