"""Doubts: where the grouping may be wrong, ranked for an editor to look at first.

No automatic rule tells two look-alike happenings apart from two reports of one (README,
"Limits and next steps"), but an editor does at a glance, and corrects it (`newsmoa.corrections`).
What a newsroom needs from the tool is where to look. Two lists:

- **may be two stories** (`split_doubts`): the stories of 3+ articles, largest first (`weight`
  = the pairs of articles a story holds: the cost of a wrong one, in pairwise scores and in a
  reader's trust), each with its weakest cut: average link on the members' TF-IDF cosines,
  merging the closest groups until two are left. A story whose two parts are as close to
  each other as each is inside is not listed. Ranking by the cut's weakness as well (pairs
  at stake times 1 - across / within) did no better on the Korean tuning sets and worse on
  ECB+ train+dev (`newsmoa.eval.review`; README, "Doubts"): the cut does not always fall
  where two happenings part, and large stories are where the pairs are. Articles that
  belong together whatever their cosines (`together`: a press release and the articles that
  carried it, `Reuse.from_releases`) start as one group, so no cut parts them: an outlet that
  ran a third of a release in its own words was offered as a story apart from the release
  (a press office's week, every release's story listed so).
- **may be one story** (`merge_doubts`): two stories are candidates when an article of one has
  an article of the other among its nearest neighbours; `weight` is the mean cosine across
  them, highest first. With `among`, one of the two must be among those stories (the other
  may be older, outside the window looked at).

A story an editor has looked at (`skip`: in the product, every article of it placed by hand)
is not listed as a split, and two such stories not as a merge; nor are two stories the index
keeps apart (each holds a press release of its own announcement). How much these lists help an
editor who follows them is measured by `newsmoa.eval.review` (README, "Doubts").
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from newsmoa.cluster.index import StoryIndex

Cosines = Callable[[Sequence[str]], np.ndarray]  # article ids -> their cosine matrix
Together = Callable[[str], Collection[str]]  # story -> its articles no cut may part


@dataclass(frozen=True, slots=True)
class Doubt:
    """A story that may be two (`kind` "split"), or two stories that may be one ("merge")."""

    kind: str
    stories: tuple[str, ...]  # split: the story; merge: the two, the larger first
    parts: tuple[tuple[str, ...], tuple[str, ...]]  # split: its two parts; merge: each's articles
    across: float  # mean cosine between the parts' articles
    within: float  # mean cosine inside the parts (those of 2+ articles; 0 when none is)
    weight: float  # the rank: higher is more worth a look


def doubts(
    index: StoryIndex,
    *,
    among: Collection[str] | None = None,
    skip: Collection[str] = (),
    limit: int = 10,
    members: Mapping[str, Sequence[str]] | None = None,
    together: Together | None = None,
) -> tuple[list[Doubt], list[Doubt]]:
    """The index's stories that may be two, and pairs that may be one (`among`: only these
    stories, resolved ids; a merge needs one of its two among them), from the articles it
    holds (`members`: `index.members()`, when the caller already has it); `together`: the
    articles of a story no cut parts (`split_doubts`)."""
    members = index.members() if members is None else members
    inside = members if among is None else {s: m for s, m in members.items() if s in among}
    story_of = {a: s for s, ids in members.items() for a in ids}
    return (
        split_doubts(inside, index.cosines, skip=skip, limit=limit, together=together),
        merge_doubts(
            members,
            story_of,
            index.neighbours(),
            index.cosines,
            among=among,
            skip=skip,
            limit=limit,
            apart=index.keeps_apart,
        ),  # fmt: skip
    )


def split_doubts(
    members: Mapping[str, Sequence[str]],
    cosines: Cosines,
    *,
    skip: Collection[str] = (),
    limit: int = 10,
    together: Together | None = None,
) -> list[Doubt]:
    """The `limit` stories most worth splitting, each with the two parts of its best cut;
    `together(story)`: articles of it that stay on one side (asked only of the stories
    looked at; a story with nothing else to cut off is not listed)."""
    found: list[Doubt] = []
    largest = sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for story, ids in largest:  # the weight is the size: stop once `limit` are found
        if len(ids) < 3 or len(found) >= limit:
            break
        if story in skip:
            continue
        ids = sorted(ids)
        kept = set(together(story)) if together is not None else set()
        joined = [i for i, x in enumerate(ids) if x in kept]
        if len(joined) == len(ids):
            continue  # nothing to cut off
        sims = cosines(ids)
        a, b = two_groups(sims, joined)
        across, within = _across(sims, a, b), _within(sims, [a, b])
        if within <= 0.0 or across >= within:
            continue
        weight = len(ids) * (len(ids) - 1) / 2
        parts = (tuple(ids[i] for i in a), tuple(ids[i] for i in b))
        found.append(Doubt("split", (story,), parts, across, within, weight))
    return _ranked(found, limit)


def merge_doubts(
    members: Mapping[str, Sequence[str]],
    story_of: Mapping[str, str],
    neighbours: Iterable[tuple[str, str]],
    cosines: Cosines,
    *,
    among: Collection[str] | None = None,
    skip: Collection[str] = (),
    limit: int = 10,
    apart: Callable[[Sequence[str], Sequence[str]], bool] | None = None,
) -> list[Doubt]:
    """The `limit` pairs of stories most worth merging, among those whose articles are
    neighbours (`neighbours`: article pairs), one of the two `among` these (None: any), and
    not kept `apart` (two press releases' stories: `StoryIndex.keeps_apart`)."""
    pairs = set()
    for x, y in neighbours:
        s, t = story_of.get(x), story_of.get(y)
        if s is None or t is None or s == t or (s in skip and t in skip):
            continue
        if among is not None and s not in among and t not in among:
            continue
        if s in members and t in members:
            pairs.add(tuple(sorted((s, t), key=lambda x: (-len(members[x]), x))))
    found = []
    for s, t in pairs:
        a, b = sorted(members[s]), sorted(members[t])
        if apart is not None and apart(a, b):
            continue
        sims = cosines([*a, *b])
        left, right = list(range(len(a))), list(range(len(a), len(a) + len(b)))
        across = _across(sims, left, right)
        found.append(
            Doubt(
                "merge", (s, t), (tuple(a), tuple(b)), across, _within(sims, [left, right]), across
            )
        )
    return _ranked(found, limit)


def two_groups(sims: np.ndarray, joined: Sequence[int] = ()) -> tuple[list[int], list[int]]:
    """The last two groups of average-link agglomeration on a cosine matrix; the group of the
    first row first. The rows `joined` start as one group (merged first, whatever their
    cosines), so they end on one side.

    Found with the nearest-neighbour chain (Murtagh 1983; Müllner 2011, "Modern hierarchical,
    agglomerative clustering algorithms"): follow each group to its most similar one until two
    groups are each other's, merge those, go on; O(n^2) time where merging the globally
    closest pair each time is O(n^3). Average link never merges above a similarity it merged
    below (it is reducible), so the chain makes the same merges as the greedy order, though
    not in that order: the two groups are what is left when every merge but the weakest is
    made."""
    n = sims.shape[0]
    if n < 2:
        raise ValueError("two groups need two rows")
    sim = np.array(sims, dtype=np.float64)  # mean cosine between the groups, kept up to date
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    merges: list[tuple[float, int, int]] = []  # similarity, surviving row, absorbed row

    def merge(i: int, j: int, similarity: float) -> None:
        merges.append((similarity, i, j))
        mixed = (size[i] * sim[i] + size[j] * sim[j]) / (size[i] + size[j])
        sim[i], sim[:, i] = mixed, mixed
        sim[i, i] = -np.inf
        size[i] += size[j]
        alive[j] = False

    head, *rest = sorted(set(joined)) or [0]
    for j in rest:  # before any other: the last merge, the cut, is never among them
        merge(head, j, np.inf)
    if alive.sum() < 2:
        raise ValueError("two groups need two rows outside the joined ones")
    chain: list[int] = []
    for _ in range(int(alive.sum()) - 1):
        if not chain:
            chain.append(int(np.flatnonzero(alive)[0]))
        while True:
            row = np.where(alive, sim[chain[-1]], -np.inf)
            best = int(np.argmax(row))
            if len(chain) > 1 and row[chain[-2]] >= row[best]:
                break  # a tie with the previous link closes the chain too (no cycle)
            chain.append(best)
        j, i = chain.pop(), chain.pop()
        i, j = min(i, j), max(i, j)
        merge(i, j, float(sim[i, j]))
    merges.sort(key=lambda m: -m[0])  # stable: equal similarities keep the chain's order
    group = list(range(n))

    def root(x: int) -> int:
        while group[x] != x:
            group[x] = group[group[x]]
            x = group[x]
        return x

    for _, i, j in merges[:-1]:
        group[root(j)] = root(i)
    first = root(0)
    a = [x for x in range(n) if root(x) == first]
    b = [x for x in range(n) if root(x) != first]
    return a, b


def _across(sims: np.ndarray, a: Sequence[int], b: Sequence[int]) -> float:
    return float(sims[np.ix_(a, b)].mean())


def _within(sims: np.ndarray, groups: Sequence[Sequence[int]]) -> float:
    """Mean cosine of the pairs inside each group of 2+ (each group weighs as one)."""
    means = []
    for g in groups:
        if len(g) > 1:
            block = sims[np.ix_(g, g)]
            means.append((block.sum() - np.trace(block)) / (len(g) * (len(g) - 1)))
    return float(np.mean(means)) if means else 0.0


def _ranked(found: list[Doubt], limit: int) -> list[Doubt]:
    found.sort(key=lambda d: (-d.weight, d.stories))
    return found[:limit]
