"""How far an editor gets by following the doubts: `python -m newsmoa.eval.review`
(`newsmoa eval --only review`).

Each set is clustered in one batch, as `clustering.run` does. Then an editor works down the
doubts (`cluster.doubts`): the top "may be two stories", then the top "may be one story",
in turn, both lists made again after each look, as `newsmoa doubts` would show them. The
editor knows the gold: a split or merge is made when it raises pairwise F1 against the gold,
and left otherwise. Either way the stories looked at are then placed by hand and never
listed again, as in the product (a correction freezes the stories it touches; `newsmoa
confirm` freezes a story found right). The table gives pairwise F1 as clustered and after
`BUDGETS` looks, with how many of them led to a correction: what reading the top of the
lists is worth, not what the clustering reaches alone.

`desk` runs the same editor through the product itself: each day's articles in one
`Newsroom.ingest` call into a new SQLite store (re-deciding the window, as `ingest` does),
then `LOOKS_A_DAY` looks at `newsmoa.review.doubts`, each fix made with the corrections of
`newsmoa.corrections` (`move`, `split`; `confirm` when the stories were right), so that the
days after see what the editor did. Its table gives pairwise F1 of the whole set as stored
at the end, without and with the editor, and the corrections made.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from newsmoa.cluster import DEFAULT_CONFIG, ClusterConfig, StoryIndex, article_features
from newsmoa.cluster.doubts import Doubt, merge_doubts, split_doubts
from newsmoa.eval.arrival import timed
from newsmoa.eval.clustering import halves
from newsmoa.eval.datasets import EvalSet, load_ecbplus, load_ko_august, load_ko_dev
from newsmoa.eval.scoring import pairwise

BUDGETS = (5, 10, 20)
LOOKS_A_DAY = 5


@dataclass(frozen=True, slots=True)
class Reviewed:
    """Pairwise F1 as clustered and after each budget of looks, with the corrections made."""

    name: str
    articles: int
    clustered: float
    after: tuple[tuple[float, int], ...]  # per budget: (pairwise F1, corrections made)
    looked: tuple[str, ...] = ()  # the kind of each doubt looked at, in order


def review(
    data: EvalSet, config: ClusterConfig = DEFAULT_CONFIG, *, fixes: bool = False
) -> Reviewed:
    """Cluster `data` in one batch, then follow the doubts for `max(BUDGETS)` looks: the
    editor takes or leaves the correction a doubt proposes, or (`fixes`) regroups the
    articles of the stories it names as the gold has them."""
    data = data.extracted()
    kept = data.kept()
    index = StoryIndex(config)
    index.add_many([(a.id, article_features(a, config)) for a in kept])
    ids = [a.id for a in kept]
    at = {a: i for i, a in enumerate(ids)}
    every = index.cosines(ids)

    def cosines(articles: Sequence[str]) -> np.ndarray:
        pos = [at[a] for a in articles]
        return every[np.ix_(pos, pos)]

    neighbours = index.neighbours()
    gold = dict(zip((a.id for a in data.articles), data.gold, strict=True))
    story = dict(zip((a.id for a in data.articles), data.stories(index.story_of), strict=True))
    clustered = _f1(gold, story)
    looked: set[str] = set()
    made, after, kinds = 0, [], []
    for look in range(1, max(BUDGETS) + 1):
        doubt = _next(story, set(ids), neighbours, cosines, looked, splits_first=look % 2 == 1)
        if doubt is None:
            break
        kinds.append(doubt.kind)
        changed = _regrouped(story, doubt, gold) if fixes else _apply(story, doubt)
        if _f1(gold, changed) > _f1(gold, story):
            story, made = changed, made + 1
            looked.update(changed[a] for part in doubt.parts for a in part)
        looked.update(doubt.stories)
        if look in BUDGETS:
            after.append((_f1(gold, story), made))
    while len(after) < len(BUDGETS):  # the lists ran out
        after.append((_f1(gold, story), made))
    return Reviewed(data.name, len(data.articles), clustered, tuple(after), tuple(kinds))


def _next(
    story: dict[str, str],
    placed: set[str],
    neighbours: list[tuple[str, str]],
    cosines,
    looked: set[str],
    *,
    splits_first: bool,
) -> Doubt | None:
    """The top doubt of one list (the other when that one is empty)."""
    members: dict[str, list[str]] = defaultdict(list)
    for a, s in story.items():
        if a in placed:
            members[s].append(a)
    splits = split_doubts(members, cosines, skip=looked, limit=1)
    merges = merge_doubts(members, story, neighbours, cosines, skip=looked, limit=1)
    order = (splits, merges) if splits_first else (merges, splits)
    return next((d[0] for d in order if d), None)


def _apply(story: dict[str, str], doubt: Doubt) -> dict[str, str]:
    """The grouping with the doubt's correction made: the second part split off into a story
    of its own, or the second story merged into the first."""
    out = dict(story)
    into = f"{doubt.stories[0]}/split" if doubt.kind == "split" else doubt.stories[0]
    for a in doubt.parts[1]:
        out[a] = into
    return out


def _regrouped(story: dict[str, str], doubt: Doubt, gold: dict[str, str]) -> dict[str, str]:
    """The grouping with the articles of the doubt's stories regrouped as the gold has them:
    each gold story among them in a story of its own (the largest keeps the first id)."""
    out = dict(story)
    for n, group in enumerate(_groups(gold, [a for part in doubt.parts for a in part])):
        into = doubt.stories[0] if n == 0 else f"{doubt.stories[0]}/{n}"
        for a in group:
            out[a] = into
    return out


def _f1(gold: dict[str, str], story: dict[str, str]) -> float:
    ids = list(gold)
    return pairwise([gold[a] for a in ids], [story[a] for a in ids]).f1


@dataclass(frozen=True, slots=True)
class Desk:
    """A set through the product, day by day: pairwise F1 as stored at the end, without and
    with an editor; the editor's looks and corrections."""

    name: str
    days: int
    clustered: float
    edited: float
    looks: int
    corrections: int


def desk(data: EvalSet, looks_a_day: int = LOOKS_A_DAY) -> Desk:
    """Ingest `data` a day at a time (by publication date, UTC) twice, into new stores: alone,
    and with an editor who knows the gold and, after each day, looks at `looks_a_day` doubts
    of the window and fixes what the gold says is wrong."""
    from newsmoa.codec import iso
    from newsmoa.types import RawItem

    days: dict[object, list[RawItem]] = defaultdict(list)
    for a in data.articles:
        day = a.published.astimezone(UTC).date() if a.published else None
        days[day].append(
            RawItem(
                origin=a.id,
                id=a.id,
                text=a.text,
                title=a.title or None,
                outlet=a.outlet,
                published=iso(a.published),
            )
        )
    order = [days[d] for d in sorted(days, key=lambda d: (d is None, d or datetime.min.date()))]
    gold = dict(zip((a.id for a in data.articles), data.gold, strict=True))
    clustered, _, _ = _through_product(order, gold, 0)
    edited, looks, made = _through_product(order, gold, looks_a_day)
    return Desk(data.name, len(order), clustered, edited, looks, made)


def _through_product(
    days: list[list], gold: dict[str, str], looks_a_day: int
) -> tuple[float, int, int]:
    from newsmoa import review
    from newsmoa.pipeline import Newsroom
    from newsmoa.store import scratch_store

    looks = made = 0
    with scratch_store() as store:
        room = Newsroom(store)  # the ingesting process, as `watch` holds it
        for items in days:
            room.ingest(items, defer_analysis=True, recluster=True)
            for look in range(looks_a_day):
                # the editor's own process, as `newsmoa doubts` and the server read the
                # store: looking loads nothing into the ingesting index
                desk = Newsroom(store)
                found = review.doubts(desk, limit=1)
                lists = (found.splits, found.merges)
                if look % 2:
                    lists = lists[::-1]
                doubt = next((d[0] for d in lists if d), None)
                if doubt is None:
                    break
                looks += 1
                made += _fix(desk, doubt, gold)
        stored = store.stories_of(list(gold))
    ids = list(gold)
    pred = [stored.get(a, f"dropped {a}") for a in ids]
    return pairwise([gold[a] for a in ids], pred).f1, looks, made


def _fix(room, doubt: Doubt, gold: dict[str, str]) -> int:
    """Regroup the articles of the doubt's stories as the gold has them, largest gold story
    first, with `move` and `split` (into the story holding most of it that no larger one
    took, else split off), or `confirm` the stories when they are right already; returns
    the corrections made."""
    from newsmoa import corrections

    store = room.store
    ids = [a for part in doubt.parts for a in part]
    now = store.stories_of(ids)
    if _partition(now, ids) == _partition(gold, ids):
        corrections.confirm(room, list(doubt.stories), by="eval", defer_analysis=True)
        return 1
    made, used = 0, set()
    for group in _groups(gold, ids):
        now = store.stories_of(group)
        held: dict[str, list[str]] = defaultdict(list)
        for a in group:
            held[now[a]].append(a)
        free = [s for s in held if s not in used]
        if free:
            target = max(free, key=lambda s: (len(held[s]), s))
        else:  # all of it in stories larger groups took: split it off
            source = max(held, key=lambda s: (len(held[s]), s))
            split = corrections.split(room, source, held[source], by="eval", defer_analysis=True)
            target, made = str(split.story), made + 1
            now = store.stories_of(group)
        rest = [a for a in group if now[a] != target]
        if rest:
            corrections.move(room, rest, target, by="eval", defer_analysis=True)
            made += 1
        used.add(target)
    return made


def _groups(label: Mapping[str, str], ids: Sequence[str]) -> list[list[str]]:
    """`ids` grouped by their `label` (a story, or a gold story), largest group first."""
    groups: dict[str, list[str]] = defaultdict(list)
    for a in ids:
        groups[label[a]].append(a)
    return sorted(groups.values(), key=lambda g: (-len(g), min(g)))


def _partition(label: Mapping[str, str], ids: Sequence[str]) -> set[frozenset[str]]:
    return {frozenset(g) for g in _groups(label, ids)}


def sets() -> list[tuple[EvalSet, str]]:
    """The clustering table's sets that are on this machine, with their role."""
    out = []
    ko = load_ko_dev()
    if ko is not None:
        part_a, part_b = halves(ko)
        out += [(ko, "held out"), (part_a, "tuned"), (part_b, "held out")]
    for part, role in (("A", "tuned"), ("B", "held out"), ("C", "held out")):
        august = load_ko_august(part)
        if august is not None:
            out.append((august, role))
    out.append((load_ecbplus(("train", "dev")), "tuned"))
    out.append((load_ecbplus(("test",)), "held out"))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    looks = " ".join(f"{f'after {b}':>13}" for b in BUDGETS)
    print(f"{'set (pairwise F1)':<34} {'articles':>8} {'clustered':>9} {looks}")
    for fixes in (False, True):
        print(
            "the editor fixes the stories looked at"
            if fixes
            else "the editor takes or leaves the correction proposed"
        )
        for data, role in sets():
            got = review(data, fixes=fixes)
            cells = " ".join(f"{f1:>7.3f} ({n:>2}) " for f1, n in got.after)
            print(f"{f'{got.name} ({role})':<34} {got.articles:>8} {got.clustered:>9.3f} {cells}")
    print("(n): looks that led to a split or merge; an editor who knows the gold reviews the")
    print("doubts, splits and merges in turn (newsmoa.eval.review).")
    print("")
    print(
        f"through the product, a day at a time, {LOOKS_A_DAY} looks a day (pairwise F1 at the end)"
    )
    print(f"{'set':<34} {'days':>5} {'alone':>7} {'edited':>7} {'looks':>6} {'corrections':>11}")
    for data in desk_sets():
        day = desk(data)
        print(
            f"{day.name:<34} {day.days:>5} {day.clustered:>7.3f} {day.edited:>7.3f} "
            f"{day.looks:>6} {day.corrections:>11}"
        )
    return 0


def desk_sets() -> list[EvalSet]:
    """The sets with dates (ECB+ test with made-up ones) on this machine, for `desk`."""
    out = [s for s in (load_ko_dev(), *(load_ko_august(p) for p in "ABC")) if s is not None]
    return [*out, timed(load_ecbplus(("test",)))]


if __name__ == "__main__":
    sys.exit(main())
