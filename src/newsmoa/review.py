"""What an editor should look at first: the doubts of a stored window (`newsmoa doubts`,
`GET /api/doubts`).

    doubts(room, until=None, hours=None, limit=10) -> Doubts

The window is the `hours` (by default the clustering window, 48) up to `until` (by default the
newest publication time among the stored articles that have one, else the newest time of any,
else now; a naive time is UTC). An undated article's time only says where its batch was
placed (for a batch without dated articles, when it was ingested), not when its news was: one
undated file ingested into a store of last year's news made the default window today's, with
none of the dated stories in it. An article dated further ahead than `AHEAD` is a wrong date,
not the newest: one dated 2099 made the default window 2099's, with no doubts in it (both
black-box cases). A window beyond the dates a computer can count is refused (`Refused`).
Its stories are the stories of the articles published in it; each is read with every article
the story index holds around the window (`Newsroom.load_window`), and ranked by
`cluster.doubts`: the largest stories with their weakest cut ("may be two stories"), then the
pairs of neighbouring stories closest to each other ("may be one story"). A story whose every
article an editor placed (a split, merge, move, or `confirm`: `newsmoa.corrections`) is not
listed as a split, and two such stories not as a merge, until new articles join them; such a
story may still be offered as one with a neighbour an editor has not looked at. A story's
press releases and the articles that carried them (its document's `release_carried_by`)
stay on one side of a cut (`carried`): an outlet that ran a third of a release was offered
as a story apart from it. Everything is read in one snapshot of the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from newsmoa import codec
from newsmoa.cluster.doubts import Doubt
from newsmoa.cluster.doubts import doubts as index_doubts
from newsmoa.errors import Refused
from newsmoa.pipeline import Newsroom
from newsmoa.types import Article

AHEAD = timedelta(days=1)  # how far past now an article's date may be (zones, embargoes)


@dataclass(frozen=True, slots=True)
class Doubts:
    """The window looked at, its two lists, and the listing of each article named in them."""

    start: datetime
    end: datetime
    splits: tuple[Doubt, ...]  # may be two stories, the most worth a look first
    merges: tuple[Doubt, ...]  # may be one story
    articles: dict[str, Article]  # id -> the article as listed (no text)


def doubts(
    room: Newsroom,
    *,
    until: datetime | None = None,
    hours: float | None = None,
    limit: int = 10,
) -> Doubts:
    """The stories of the window most worth an editor's look (see the module docstring)."""
    store = room.store
    with store.snapshot():
        now = room.clock()
        ahead = now + AHEAD
        end = until or store.newest_time(ahead, dated=True) or store.newest_time(ahead) or now
        end = end if end.tzinfo else end.replace(tzinfo=UTC)
        span = room.config.window_hours if hours is None else hours
        try:
            start = end - timedelta(hours=span)
            room.load_window(start, end)  # which reaches a window further on each side
        except (OverflowError, ValueError) as exc:
            raise Refused(
                f"no window of {span:g} hours up to {end}: it and the clustering window on "
                f"each side must lie within the years 1-9999 ({exc})"
            ) from exc
        index = room.index
        among = {index.resolve(story) for _, story, _, _ in store.index_entries(start, end)}
        members = index.members()
        looked = _looked(room, members)
        splits, merges = index_doubts(
            index, among=among, skip=looked, limit=limit, members=members,
            together=lambda story: carried(store.release_carriers([story]).get(story)),
        )  # fmt: skip
        named = {s for d in (*splits, *merges) for s in d.stories}
        listed = store.story_listings(sorted(named))
    articles = {a.id: a for rows in listed.values() for a in rows}
    return Doubts(start, end, tuple(splits), tuple(merges), articles)


def carried(found: Mapping[str, Any] | None) -> set[str]:
    """A story's press releases and the articles that carried them (`Store.release_carriers`;
    none when its document is not built, or it has no release)."""
    if not found:
        return set()
    return {*found["releases"], *(c["article"] for c in found["carried_by"])}


def _looked(room: Newsroom, members: Mapping[str, Sequence[str]]) -> set[str]:
    """The stories whose every article (held in the index) an editor placed."""
    some = room.store.hand_stories(members)  # those with any: few
    placed = room.store.hand_placed([a for s in some for a in members[s]])
    return {s for s in some if all(a in placed for a in members[s])}


def as_json(found: Doubts) -> dict[str, Any]:
    """The doubts as the API and `newsmoa doubts --format json` give them."""

    def article(aid: str) -> dict[str, Any]:
        a = found.articles.get(aid)
        return {
            "id": aid,
            "title": a.title if a else None,
            "outlet": a.outlet if a else None,
            "published": codec.iso(a.published) if a else None,
        }

    def one(d: Doubt) -> dict[str, Any]:
        return {
            "stories": list(d.stories),
            "parts": [[article(a) for a in part] for part in d.parts],
            "across": round(d.across, 4),
            "within": round(d.within, 4),
            "weight": round(d.weight, 4),
        }

    return {
        "start": codec.iso(found.start),
        "end": codec.iso(found.end),
        "split": [one(d) for d in found.splits],
        "merge": [one(d) for d in found.merges],
    }
