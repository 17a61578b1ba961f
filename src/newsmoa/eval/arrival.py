"""Articles arriving one at a time, as `ingest` per file, `watch` or a feed meet them: the
grouping a stream gives, as decided and with the window re-decided after each arrival.

`arrive` adds a set's articles one at a time (in time order when every article has a time,
else in a fixed random order: the shared sets have no times, or one day's date) and, with
`redecide`, after each arrival decides again the articles within the clustering window of it
after their context (an undated arrival: all articles), as `Newsroom.recluster_around` does
for a batch (`newsmoa.cluster.recluster`, with `hold`). The stories are read at the end of
the stream. (The pipeline gives an undated article the time it came, `placed_times`: a
stream's undated arrivals then fall in one window as here, and a re-decision takes them in
the order they came, not by id as here.)

ECB+ has no times, so everything is one window and re-deciding after each arrival ends near
the batch's grouping (on it, by construction, without `hold`); `timed` gives its documents
times (each gold story starts at a random hour of 8 days, its articles over the 48 hours
after), so that the window, the context and the frozen past matter as they do in a live
store.
"""

from __future__ import annotations

import dataclasses
import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from newsmoa.cluster import DEFAULT_CONFIG, ClusterConfig, StoryIndex, article_features, recluster
from newsmoa.eval.datasets import EvalSet
from newsmoa.types import Article

SPREAD_DAYS = 8.0  # `timed`: gold stories start within this many days
STORY_HOURS = 48.0  # ... and each one's articles within this many hours of its start


def timed(data: EvalSet, seed: int = 0) -> EvalSet:
    """`data` with made-up publication times (see the module docstring)."""
    rng = random.Random(seed)
    t0 = datetime(2024, 3, 1, tzinfo=UTC)
    start = {g: rng.uniform(0.0, SPREAD_DAYS * 24.0) for g in sorted(set(data.gold))}
    articles = tuple(
        dataclasses.replace(
            a, published=t0 + timedelta(hours=start[g] + rng.uniform(0, STORY_HOURS))
        )
        for a, g in zip(data.articles, data.gold, strict=True)
    )
    return dataclasses.replace(data, name=f"{data.name} (timed)", articles=articles)


@dataclass(frozen=True, slots=True)
class Stream:
    """A stream's end: each article's story (in the set's order), seconds, and how much the
    re-decisions moved articles on the way: moves made, and articles that came back to a
    story they had left (a listing would have shown them jump back and forth)."""

    stories: tuple[str, ...]
    seconds: float
    moves: int = 0
    returns: int = 0


def arrive(
    data: EvalSet, config: ClusterConfig = DEFAULT_CONFIG, *, redecide: bool, seed: int = 0
) -> Stream:
    """The stream of `data`'s articles one at a time (see the module docstring)."""
    began = time.perf_counter()
    data = data.extracted()
    arrivals = _arrival_order(data.articles, seed, lambda a: a.id not in data.dropped)
    order = [(a.id, article_features(a, config)) for a in arrivals]
    pad = config.window_hours * 3600.0
    index = StoryIndex(config)
    path: dict[str, list[str]] = {}  # each article's stories, renamed when one is absorbed
    moves = 0
    for n, (article_id, feats) in enumerate(order, 1):
        index.add(article_id, feats)
        if redecide:
            t = feats.published_s
            lo, hi = (None, None) if t is None else (t - pad, t + pad)
            change = recluster.redecide(index, *recluster.split_window(order[:n], lo, hi, pad))
            moves += len(change.moved)
            _walk(path, {a: index.story_of(a) for a, _ in order[:n]}, index.resolve)
    seconds = time.perf_counter() - began
    return Stream(data.stories(index.story_of), seconds, moves, _returns(path))


def ingest_stream(
    data: EvalSet, config: ClusterConfig = DEFAULT_CONFIG, *, seed: int = 0
) -> Stream:
    """The product's own path for `arrive(redecide=True)`: each article in its own
    `Newsroom.ingest` call (in time order, as `arrive` orders them) into a new SQLite store
    in a temporary folder, the window re-decided after each call (what `ingest` and `watch`
    do); the stories as stored at the end, moves as the re-decisions report them. An
    article extraction drops (no body text) is its own story in `stories`."""
    from newsmoa.codec import iso
    from newsmoa.pipeline import Newsroom
    from newsmoa.store import scratch_store
    from newsmoa.types import RawItem

    order = _arrival_order(data.articles, seed)
    began = time.perf_counter()
    with scratch_store() as store:
        room = Newsroom(store, config=config)
        path: dict[str, list[str]] = {}
        moves = 0
        for n, a in enumerate(order, 1):
            item = RawItem(
                origin=a.id, id=a.id, text=a.text, title=a.title or None,
                outlet=a.outlet, published=iso(a.published),
            )  # fmt: skip
            report = room.ingest([item], defer_analysis=True, recluster=True)
            if report.reclustered is not None:
                moves += report.reclustered.moved
            _walk(path, store.stories_of([b.id for b in order[:n]]), store.resolve)
        final = store.stories_of([a.id for a in data.articles])
    stories = tuple(final.get(a.id, f"dropped {a.id}") for a in data.articles)
    return Stream(stories, time.perf_counter() - began, moves, _returns(path))


def _arrival_order(
    articles: Sequence[Article], seed: int, keep: Callable[[Article], bool] = lambda a: True
) -> list[Article]:
    """The order a stream's articles arrive in: all of them shuffled by `seed` (so both paths
    draw the same order), those `keep` says, then by publication time when all have one."""
    order = list(articles)
    random.Random(seed).shuffle(order)
    order = [a for a in order if keep(a)]
    if all(a.published is not None for a in order):
        order.sort(key=lambda a: a.published or datetime.min)
    return order


def _walk(
    path: dict[str, list[str]], now: Mapping[str, str], resolve: Callable[[str], str]
) -> None:
    """Add to each article's `path` the story it is in `now` where it moved; where its last
    story was absorbed into that one (`resolve`: where an id leads now), rename the last
    instead: a story merged away, with the article in it, is not a move."""
    for article, story in now.items():
        steps = path.setdefault(article, [story])
        if steps[-1] != story:
            if resolve(steps[-1]) == story:
                steps[-1] = story
            else:
                steps.append(story)


def _returns(path: dict[str, list[str]]) -> int:
    """Articles whose stories on the way (renamed when one was absorbed) hold one twice:
    they came back to a story they had left."""
    return sum(1 for steps in path.values() if len(set(steps)) < len(steps))
