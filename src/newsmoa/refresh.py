"""Bring a store filled by an older newsmoa up to date: its articles read again from their
inputs with this version's extraction, their facts and their stories' documents derived
again, every article and story keeping its id (`newsmoa refresh`).

A store keeps each article as extraction left it (its cleaned text, outlet, time, byline,
press-release mark), not the input it was read from; what a newer extraction reads in a
page (a dateline's shape it did not know, a release read as one) reaches the store only
when the input is read again. Facts and documents need no input: each records the stamp of
the code that derived it (`newsmoa.stamp`), and what another stamp derived is derived again.

An article is changed where the reading differs from what is stored: a new text is a new
version (the old one kept in its history), other fields are replaced. It stays in its story
(grouping is `newsmoa recluster`'s), keeps its origin and the file it came from, and keeps
a press-release mark it was stored with (given with `--release` then). An item the store
does not hold is named and left (`newsmoa ingest` adds it). Only the input an article's
current version was read from is read into it (`newsmoa.provenance`): an earlier version's
input read again matches no stored hash under this extraction, and it wrote its old text
over a correction; it is dropped and named, the stored version kept. So is a reading
`ingest` keeps the stored version over (a feed's teaser, a paywall's bare headline). A dry
run writes nothing, not even a renamed file's new name. The articles are written in
batches of `BATCH`, each in one transaction: an interrupted refresh keeps what it wrote, and
running it again finishes it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from newsmoa import codec
from newsmoa.cluster import Features
from newsmoa.errors import InputError
from newsmoa.pipeline import IngestReport, Newsroom, analysed_row
from newsmoa.store.base import StoredArticle
from newsmoa.types import Article, Fact, RawItem

BATCH = 200  # articles written in one transaction

# the fields of an article extraction sets, as they are compared and shown
FIELDS = (
    "outlet",
    "dateline_place",
    "published",
    "is_release",
    "title",
    "subtitle",
    "deck",
    "reporter",
    "email",
    "url",
    "captions",
    "text",
)


@dataclass(frozen=True, slots=True)
class Change:
    """One stored article read again: what differs, (field, stored, now) each, and its
    facts' count stored and now when they differ (None: the same, or not derived here)."""

    id: str
    origin: str
    story: str
    fields: tuple[tuple[str, Any, Any], ...]
    facts: tuple[int | None, int] | None = None


@dataclass
class RefreshReport:
    read: int = 0  # stored articles read again
    changes: list[Change] = field(default_factory=list)  # articles that changed
    not_stored: list[str] = field(default_factory=list)  # "origin (id)" of items not stored
    # "origin (id)" of articles another process changed while they were read: left as stored
    left: list[str] = field(default_factory=list)
    rebuilt: int = 0  # story documents built again
    items: IngestReport = field(default_factory=IngestReport)  # errors, dropped items

    @property
    def changed(self) -> int:
        return sum(1 for c in self.changes if c.fields)


Progress = Callable[[str, int, int], None]


def refresh(
    room: Newsroom,
    items: Iterable[RawItem | InputError],
    *,
    defer_analysis: bool = False,
    dry_run: bool = False,
    everything: bool = False,
    progress: Progress | None = None,
) -> RefreshReport:
    """Read `items` again into the stored articles they are (`Newsroom.identified`), then
    build again the documents of the stories they touched and of those whose document
    another version built (`everything`: every such story of the store; with
    `defer_analysis` none: each is built when first shown). `dry_run`: report, write
    nothing."""
    report = RefreshReport()
    articles, features, moves = room.identified(items, report.items)
    if moves and not dry_run:  # a renamed file's articles are read from it now
        room.store.move_sources(moves)
    ids = sorted(articles)
    touched: set[str] = set()  # stories whose articles were written
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        touched |= _batch(room, articles, features, chunk, report, defer_analysis, dry_run)
        if progress:
            progress("reading again", min(start + BATCH, len(ids)), len(ids))
    if dry_run or defer_analysis:
        return report
    stale = set(room.store.stale_stories())
    read = set(room.store.stories_of(ids).values())
    again = sorted(touched | (stale if everything else stale & read))
    for n, story in enumerate(again, 1):
        room.documents([story])
        if progress:
            progress("building stories", n, len(again))
    report.rebuilt = len(again)
    return report


def _batch(
    room: Newsroom,
    articles: dict[str, Article],
    features: dict[str, Features],
    ids: Sequence[str],
    report: RefreshReport,
    defer_analysis: bool,
    dry_run: bool,
) -> set[str]:
    """Read one batch again and write what changed in one transaction (articles changed,
    and the facts another version derived, derived again); the stories written."""
    store = room.store
    stored = store.stored_as(ids)
    rows: list[StoredArticle] = []
    analyses: list[StoredArticle] = []
    changes: dict[str, Change] = {}
    for aid in ids:
        if aid not in stored:
            report.not_stored.append(f"{articles[aid].origin} ({aid})")
            continue
        report.read += 1
        old, current = stored[aid]
        new, feats = _as_stored(articles[aid], features[aid], old)
        fields = differences(old.article, new)
        if fields:
            row = StoredArticle(
                article=new,
                story=old.story,
                sentences=None,
                facts=None,
                features=feats.to_bytes(),
                signals=old.signals,
                time=None if new.published else old.time,
                source=old.source,
            )
        elif current or defer_analysis:
            continue
        else:  # the same reading, facts another version derived: derived again
            row = replace(old, sentences=None, facts=None)
        if not defer_analysis:
            row = analysed_row(row)
        (rows if fields else analyses).append(row)
        changes[aid] = Change(aid, old.article.origin, old.story, fields, _facts(old, row))
    if dry_run or not changes:
        report.changes += [c for c in changes.values() if c.fields or c.facts]
        return set()
    with store.transaction():  # what another process changed since it was read is left
        asked = [r.article.id for r in (*rows, *analyses)]
        now, stories = store.known_hashes(asked), store.stories_of(asked)
        done = {
            aid
            for aid in asked
            if now.get(aid) == stored[aid][0].article.content_hash
            and stories.get(aid) == store.resolve(stored[aid][0].story)
        }
        report.left += [f"{stored[a][0].article.origin} ({a})" for a in asked if a not in done]
        store.save_articles(
            [replace(r, story=stories[r.article.id]) for r in rows if r.article.id in done]
        )
        store.save_analysis([r for r in analyses if r.article.id in done])
        touched = {stories[aid] for aid in done}
        room.refresh(sorted(touched))  # listed again; the documents after the lock
    report.changes += [c for aid, c in changes.items() if aid in done and (c.fields or c.facts)]
    return touched


def _as_stored(new: Article, features: Features, old: StoredArticle) -> tuple[Article, Features]:
    """The article read again as the store would keep it: its origin as stored, and a
    press-release mark it was stored with kept (one given with `--release`); its time, when
    the reading finds none, the one stored."""
    new = replace(new, origin=old.article.origin)
    if old.article.is_release and not new.is_release:
        new, features = replace(new, is_release=True), replace(features, release=True)
    if new.published is None and old.time is not None:
        features = replace(features, published_s=old.time)
    return new, features


def differences(old: Article, new: Article) -> tuple[tuple[str, Any, Any], ...]:
    """The fields of `FIELDS` in which two readings of an article differ, as written out
    (`codec.article_to_json`: a time in ISO, a date alone as a date)."""
    was, now = codec.article_to_json(old), codec.article_to_json(new)
    return tuple((f, was.get(f), now.get(f)) for f in FIELDS if was.get(f) != now.get(f))


def _facts(old: StoredArticle, new: StoredArticle) -> tuple[int | None, int] | None:
    """The number of facts stored and found now, when they are not the same facts."""
    if new.facts is None:
        return None
    before = None if old.facts is None else _fact_set(old.facts)
    if before == _fact_set(new.facts):
        return None
    return (None if old.facts is None else len(old.facts), len(new.facts))


def _fact_set(facts: Sequence[Fact]) -> list[str]:
    return sorted(json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True) for f in facts)
