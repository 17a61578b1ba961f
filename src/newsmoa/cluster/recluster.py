"""Re-deciding a window with hindsight, keeping story ids.

Articles decided one at a time see only what came before them: the first report of a second,
look-alike event has only the first event's reports as neighbours and joins that story, and a
join is never undone (ECB+ train+dev, one article at a time in random order: pairwise F1 0.71
against 0.92 in one batch; README, "Arrival"). `recluster` decides a window's articles again
as one batch, with every neighbour known, and `carry_ids` gives the new grouping the ids the
old one had:

- each new story takes the id of the old story that gave it most articles (ties: the older
  story), each old id at most once, largest overlaps first; so a story that only grew keeps
  its id, and of a story split in two the larger part keeps it;
- an old story whose id no new story took is absorbed: its id redirects to the story that
  holds most of its articles (its articles outside the window follow the redirect);
- a new story that took no old id gets one from its first article (`fresh_id`), never an id
  seen before.

A story id therefore never changes and never returns; what can change is the story of an
article (`Relabel.moved`), which the caller stores with the new decision's signals.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsmoa.cluster.features import Features
from newsmoa.cluster.index import Assignment, StoryIndex, canonical
from newsmoa.cluster.stories import fresh_id


@dataclass(frozen=True, slots=True)
class Relabel:
    """The outcome of re-deciding a window, in the old ids' terms."""

    stories: Mapping[str, str]  # article -> its story after (every article of the window)
    moved: Mapping[str, str]  # article -> new story, for the articles whose story changed
    redirects: Mapping[str, str]  # absorbed old id -> the story that holds its articles
    founded: tuple[str, ...]  # ids of stories that did not exist before (split off)
    signals: Mapping[str, Mapping[str, Any]]  # article -> the new decision's signals (moved)


def carry_ids(
    before: Mapping[str, str],
    after: Mapping[str, str],
    age: Callable[[str], Any],
    first: Mapping[str, str],
    known: Callable[[str], bool],
) -> tuple[dict[str, str], dict[str, str], tuple[str, ...]]:
    """Name the groups of `after` (article -> group label) with the ids of `before` (article ->
    story id, the same articles). `age(story)` orders old stories, older first; `first[label]`
    is the group's first article (its id names a group no old story names); `known(id)`:
    whether an id exists or existed. Returns (article -> id, absorbed id -> survivor, new ids)."""
    overlap = Counter((after[a], before[a]) for a in after)
    name: dict[str, str] = {}
    claimed: set[str] = set()
    for (group, story), _ in sorted(overlap.items(), key=lambda x: (-x[1], age(x[0][1]), x[0])):
        if group not in name and story not in claimed:
            name[group] = story
            claimed.add(story)
    founded = []
    made: set[str] = set()
    for group in sorted(set(after.values()) - name.keys(), key=lambda g: first[g]):
        sid = fresh_id(first[group], lambda s: known(s) or s in made)
        made.add(sid)
        name[group] = sid
        founded.append(sid)
    held: dict[str, Counter[str]] = defaultdict(Counter)
    for (group, story), n in overlap.items():
        if story not in claimed:
            held[story][name[group]] += n
    redirects = {
        story: min(counts.items(), key=lambda x: (-x[1], x[0]))[0] for story, counts in held.items()
    }
    return {a: name[g] for a, g in after.items()}, redirects, tuple(founded)


def recluster(index: StoryIndex, entries: Sequence[tuple[str, Features]]) -> Relabel:
    """Decide `entries` (articles of `index`, with their features) again in one fresh batch
    and express the result in `index`'s ids; `index` is not changed (`StoryIndex.relabel`
    applies the result)."""
    fresh = StoryIndex(index.config)
    decided: dict[str, Assignment] = {x.article: x for x in fresh.add_many(entries)}
    after = {a: fresh.story_of(a) for a, _ in entries}
    before = {a: index.story_of(a) for a, _ in entries}
    first: dict[str, str] = {}
    for article, _ in sorted(entries, key=canonical):
        first.setdefault(after[article], article)
    stories, redirects, founded = carry_ids(before, after, index.story_order, first, index.known)
    moved = {a: s for a, s in stories.items() if s != before[a]}
    signals = {a: dict(decided[a].signals, reclustered=True) for a in moved}
    return Relabel(stories, moved, redirects, founded, signals)
