"""Re-deciding a window with hindsight, keeping story ids.

Articles decided one at a time see only what came before them: the first report of a second,
look-alike event has only the first event's reports as neighbours and joins that story, and a
join is never undone (ECB+ train+dev, one article at a time in random order: pairwise F1 0.71
against 0.92 in one batch; README, "Arrival"). `recluster` decides a window's articles again
as one batch, with every neighbour known:

- the window's **context** (the articles within the clustering window of it, outside it) is
  restored first with the stories it has, and stays where it is: a window article can join a
  context story, as it could when it arrived, and the articles at the window's edge keep the
  neighbours they had;
- the window's articles are then added as one batch (decided in the canonical order, so the
  result is what the window would have had if its articles had arrived together);
- `carry_ids` gives the new grouping the ids the old one had: a group in a context story has
  that story's id; each other group takes the id of the old story that gave it most articles
  (ties: the older story; of two parts of one story, the one with its founding article),
  each old id at most once, largest overlaps first; so a story that only grew keeps its id,
  and of a story split in two the larger part keeps it. Articles a batch has just placed
  count after those decided before (`unsettled`): reports a batch first put in a story of
  one earlier article, then decided again to be another earlier story's, took the first
  story's id where they outnumbered that story's own articles, and the article its readers
  had seen under the id got a new one;
- an old story whose id no group took is absorbed (its id redirects to the story holding most
  of its articles), unless it still has articles outside the window: then it lives on with
  them;
- a group that took no old id gets one from its first article (`fresh_id`), never an id seen
  before; but where it holds the article an absorbed id was made from (an earlier decision
  merged that article's story into another, and this one splits it off again), it takes that
  id back (`give_back`), as an editor's split does (`corrections.split`): a link to the
  story, kept from before the merge, leads to its articles again, not to a "-2" copy.

A story id therefore never changes; an absorbed one returns only to the story its own
founding article is in. What can change is the story of an article (`Relabel.moved`),
which the caller stores with the new decision's signals, and where an absorbed id leads
(`Relabel.leads`, the story its founding article is in after the decision).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsmoa.cluster.config import DEFAULT_CONFIG, ClusterConfig
from newsmoa.cluster.features import Features
from newsmoa.cluster.index import Assignment, StoryIndex, canonical
from newsmoa.cluster.stories import fresh_id, story_id_for


@dataclass(frozen=True, slots=True)
class Relabel:
    """The outcome of re-deciding a window, in the old ids' terms."""

    stories: Mapping[str, str]  # article -> its story after (every article of the window)
    moved: Mapping[str, str]  # article -> new story, for the articles whose story changed
    redirects: Mapping[str, str]  # absorbed old id -> the story that holds its articles
    founded: tuple[str, ...]  # stories split off: new ids, or absorbed ones revived
    signals: Mapping[str, Mapping[str, Any]]  # article -> the new decision's signals (moved)
    # absorbed id -> the story it leads to now, where that changed (itself: it names a story
    # again, its redirect dropped)
    leads: Mapping[str, str] = field(default_factory=dict)

    @property
    def revived(self) -> tuple[str, ...]:
        """Absorbed ids that name a story again."""
        return tuple(sorted(r for r, s in self.leads.items() if r == s))


def carry_ids(
    before: Mapping[str, str],
    after: Mapping[str, str],
    age: Callable[[str], Any],
    first: Mapping[str, str],
    known: Callable[[str], bool],
    fixed: Container[str] = (),
    lives_on: Container[str] = (),
    unsettled: Container[str] = (),
) -> tuple[dict[str, str], dict[str, str], tuple[str, ...]]:
    """Name the groups of `after` (article -> group label) with the ids of `before` (article ->
    story id, the same articles). A group labelled with an id in `fixed` (a context story) is
    that story, and no other group takes such an id (the batch kept those articles apart).
    `age(story)` orders old stories, older first; `first[label]` is the group's first article
    (its id names a group no old story names); `known(id)`: whether an id exists or existed;
    an old story in `lives_on` (it has articles outside `before`) is never absorbed;
    `unsettled`: articles placed since the last decision of their window (a batch just
    stored), which count for an id only after those decided before: a story is what its
    readers saw in it, not what a batch put in it a moment ago. Returns (article -> id,
    absorbed id -> survivor, new ids)."""
    overlap = Counter((after[a], before[a]) for a in after)
    settled = Counter((after[a], before[a]) for a in after if a not in unsettled)
    name: dict[str, str] = {g: g for g in set(after.values()) if g in fixed}
    claimed = set(name.values())
    founded_by = {before[a]: a for a in before if story_id_for(a) == before[a].partition("-")[0]}
    holds = {(after[a], story) for story, a in founded_by.items() if a in after}

    def order(x: tuple[tuple[str, str], int]) -> tuple[Any, ...]:
        """Most shared articles decided before first, then most shared articles, then the
        older story; of two parts of one story that share as many, the one holding the
        article that founded it (the id was made from that article's)."""
        (group, story), n = x
        return (-settled[group, story], -n, age(story), (group, story) not in holds, group, story)

    for (group, story), _ in sorted(overlap.items(), key=order):
        if group not in name and story not in claimed and story not in fixed:
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
        if story not in claimed and story not in lives_on:
            held[story][name[group]] += n
    redirects = {
        story: min(counts.items(), key=lambda x: (-x[1], x[0]))[0] for story, counts in held.items()
    }
    return {a: name[g] for a, g in after.items()}, redirects, tuple(founded)


def time_spans(times: Iterable[float], gap: float) -> list[tuple[float, float]]:
    """The times as (first, last) spans, sorted; two times at most `gap` apart share a span
    (their windows would overlap), so a backdated article is re-decided in its own span,
    not with everything between it and today."""
    out: list[tuple[float, float]] = []
    for t in sorted(times):
        if out and t - out[-1][1] <= gap:
            out[-1] = (out[-1][0], t)
        else:
            out.append((t, t))
    return out


def split_window(
    entries: Iterable[tuple[str, Features]],
    start_s: float | None,
    end_s: float | None,
    pad_s: float,
) -> tuple[list[tuple[str, Features]], list[tuple[str, Features]]]:
    """(window, context) of `entries`: the window is what is published between `start_s`
    and `end_s` (None: every entry); the context, what is within `pad_s` of it (the
    clustering window) and the undated (they were decided against every article, and a
    window holds only some of their stories' articles: only an unbounded window re-decides
    them; the pipeline stores none, `pipeline.placed_times`); the rest is neither."""
    window: list[tuple[str, Features]] = []
    context: list[tuple[str, Features]] = []
    for entry in entries:
        t = entry[1].published_s
        if start_s is None or end_s is None or (t is not None and start_s <= t <= end_s):
            window.append(entry)
        elif t is None or start_s - pad_s <= t <= end_s + pad_s:
            context.append(entry)
    return window, context


def recluster(
    window: Sequence[tuple[str, Features]],
    context: Sequence[tuple[str, Features]],
    stories: Mapping[str, str],
    *,
    known: Callable[[str], bool],
    lives_on: Collection[str] = (),
    config: ClusterConfig = DEFAULT_CONFIG,
    like: StoryIndex | None = None,
    counted: Sequence[Features] = (),
    hold: bool = False,
    merged: Mapping[str, str] = {},
    unsettled: Collection[str] = (),
) -> Relabel:
    """Decide `window` again as one batch after `context` (both: article id and features;
    `stories`: the current, resolved story of each), and express the result in the current
    ids. `known(id)`: whether a story id exists or existed anywhere (the store); `lives_on`:
    stories with articles in neither list; `like`: the index the articles were decided in,
    whose document frequencies the new decision then uses (`StoryIndex.fresh`; without it,
    those of `window` and `context`, and of `counted`, other articles the decision does not
    place, with `config`); `hold`: an article moves only
    where the new decision links it to its new story at least as strongly as to the one it
    is in (`held`), so a stream re-decided after every arrival does not move articles back
    and forth as its window slides; `merged`: the absorbed ids made from `window`'s
    articles, each with the story it leads to now (`give_back`, `absorbed_ids`);
    `unsettled`: the window's articles placed since their window was last decided
    (`carry_ids`)."""
    if like is None:
        fresh = StoryIndex(config)
        fresh.count(counted)
    else:
        fresh = like.fresh(f for a, f in (*window, *context) if a in like)
    kept = [(a, stories[a], f) for a, f in context]
    decided: dict[str, Assignment] = {x.article: x for x in fresh.add_many(window, kept)}
    after = {a: fresh.story_of(a) for a, _ in window}
    before = {a: stories[a] for a, _ in window}
    fixed = {stories[a] for a, _ in context}  # never absorbed in `fresh` (`kept`)
    first: dict[str, str] = {}
    for article, _ in sorted(window, key=canonical):
        first.setdefault(after[article], article)
    times: dict[str, float] = {}  # old story -> its first publication among these articles
    for article, feats in [*window, *context]:
        t = float("inf") if feats.published_s is None else feats.published_s
        times[stories[article]] = min(times.get(stories[article], t), t)
    ids, redirects, founded = carry_ids(
        before,
        after,
        lambda s: (times.get(s, float("inf")), s),
        first,
        known,
        fixed,
        {*fixed, *lives_on},
        unsettled,
    )
    if hold:
        final = {**{a: stories[a] for a, _ in context}, **ids}
        ids = held(fresh, before, ids, final, redirects)
        live = set(ids.values())
        founded = tuple(s for s in founded if s in live)
    ids, founded, redirects, leads = give_back(
        ids, founded, redirects, merged, [a for a, _ in sorted(window, key=canonical)]
    )
    moved = {a: s for a, s in ids.items() if s != before[a]}
    signals = {a: dict(decided[a].signals, reclustered=True) for a in moved}
    return Relabel(ids, moved, redirects, founded, signals, leads)


def absorbed_ids(articles: Iterable[str], resolve: Callable[[str], str]) -> dict[str, str]:
    """The ids of stories founded by `articles` (`story_id_for`) that were absorbed, each
    with the story it leads to (`resolve`: an id -> the story it leads to, itself when
    live or unknown): the `merged` of `recluster`. A suffixed id (`-2`, given when an
    article's own was taken) is not looked for."""
    out = {}
    for article in articles:
        sid = story_id_for(article)
        if (now := resolve(sid)) != sid:
            out[sid] = now
    return out


def give_back(
    ids: Mapping[str, str],
    founded: Sequence[str],
    redirects: Mapping[str, str],
    merged: Mapping[str, str],
    order: Sequence[str],
) -> tuple[dict[str, str], tuple[str, ...], dict[str, str], dict[str, str]]:
    """Where the absorbed ids made from the window's articles lead after a decision.

    `ids`: article -> story after it (the window's articles, `order`: earliest first);
    `founded`: its new stories; `redirects`: the old stories it absorbs (-> survivor);
    `merged`: absorbed id -> the story it leads to now, for ids made from the window's
    articles (`story_id_for`, or the same with a suffix: `absorbed_ids` looks up the
    former only). A new story holding the article such an id was made from is named by
    that id instead of its fresh one (of several, the earliest article's), and every other
    such id leads to the story its article is in after the decision, where that is not
    where it leads already: the rule of an editor's split and move (`corrections`).
    Returns `ids`, `founded` and `redirects` with the new names, and the leads (absorbed
    id -> story; itself where it names a story again)."""
    by_base = {story_id_for(a): a for a in order}
    made_from = {r: by_base[b] for r in merged if (b := r.partition("-")[0]) in by_base}
    if not made_from:
        return dict(ids), tuple(founded), dict(redirects), {}
    rank = {a: i for i, a in enumerate(order)}
    fresh = set(founded)
    name: dict[str, str] = {}  # fresh id -> the absorbed id it takes back
    for r, a in sorted(made_from.items(), key=lambda x: (rank[x[1]], x[0])):
        if (story := ids[a]) in fresh and story not in name:
            name[story] = r
    ids = {a: name.get(s, s) for a, s in ids.items()}
    redirects = {old: name.get(s, s) for old, s in redirects.items()}
    leads = {r: r for r in name.values()}
    for r, a in sorted(made_from.items()):
        now = redirects.get(merged[r], merged[r])
        if r not in leads and ids[a] != now:
            leads[r] = ids[a]
    return ids, tuple(name.get(s, s) for s in founded), redirects, leads


def held(
    index: StoryIndex,
    before: Mapping[str, str],
    ids: Mapping[str, str],
    final: Mapping[str, str],
    redirects: Mapping[str, str],
) -> dict[str, str]:
    """`ids` with every move undone whose article `index` links less strongly to its new
    story than to the one it leaves (`StoryIndex.score_to` against each story's articles in
    `final`, the grouping the re-decision proposes; an absorbed story is not kept). One
    pass over the proposal, so the result does not depend on the order of the articles. A
    new story keeps the id `carry_ids` derived from its first article even if that article
    stays where it was (the id is unique all the same)."""
    members: dict[str, list[str]] = {}
    for article, story in final.items():
        members.setdefault(story, []).append(article)
    out = dict(ids)
    for article, new in ids.items():
        old = before[article]
        if new == old or old in redirects:
            continue
        if index.score_to(article, members[new]) < index.score_to(article, members.get(old, [])):
            out[article] = old
    return out


def redecide(
    index: StoryIndex,
    window: Sequence[tuple[str, Features]],
    context: Sequence[tuple[str, Features]] = (),
    *,
    hold: bool = True,
) -> Relabel:
    """`recluster` `window` after `context` (articles of `index`) with `index` as the truth,
    and apply the result to it: what `Newsroom.recluster` does with the store as the truth,
    for a stream with no store (`eval/arrival.py`); `hold` as there (on, as
    `Newsroom.recluster_around` decides after each batch of `ingest` and `watch`)."""
    now = {a: index.story_of(a) for a, _ in (*window, *context)}
    here = Counter(now.values())
    change = recluster(
        window,
        context,
        now,
        known=index.known,
        lives_on={s for s, n in here.items() if index.story_size(s) > n},
        like=index,
        hold=hold,
        merged=absorbed_ids((a for a, _ in window), index.resolve),
    )
    index.relabel(change.moved, change.redirects, change.leads)
    return change
