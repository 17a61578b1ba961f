"""Composes the stages; holds no logic of its own.

    read (ingest) -> extract -> features -> story index (cluster) -> sentences, facts (text,
    facts) -> store -> consolidated story documents (reconcile)

`Newsroom` keeps the one piece of state, the story index, warm across batches (the server,
`watch` and benchmarks call it per article); `cluster_items` runs the grouping half with no
store (`newsmoa cluster`). In a large batch, extraction and features (pure functions of one
item) run in a pool of worker processes, one per core; the story index stays in this one.
"""

from __future__ import annotations

import json
import math
import os
import sys
import threading
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from itertools import repeat
from multiprocessing import get_all_start_methods, get_context
from urllib.parse import urlsplit

from newsmoa import codec
from newsmoa.cluster import DEFAULT_CONFIG, ClusterConfig, Features, StoryIndex, article_features
from newsmoa.cluster.families import near_duplicate_pairs
from newsmoa.cluster.recluster import (
    Relabel,
    absorbed_ids,
    recluster,
    split_window,
    time_spans,
)
from newsmoa.cluster.stories import story_id_for
from newsmoa.errors import Contended, InputError, Skipped, StoreError, Unfinished
from newsmoa.extract.article import Dropped, extract
from newsmoa.extract.copies import copy_ids, text_keyed
from newsmoa.extract.urls import given_urls, is_web_url, stored_url_ids, url_key
from newsmoa.facts import extract_facts
from newsmoa.ingest.readers import source_file
from newsmoa.ingest.spans import Span, line_ends, read_span, spans
from newsmoa.provenance import same_input
from newsmoa.reconcile.align import reading_order
from newsmoa.reconcile.story import build_story, story_title
from newsmoa.store.access import is_full, is_gone, is_read_only
from newsmoa.store.base import Store, StoredArticle, follow, is_busy
from newsmoa.text.sentences import split_sentences
from newsmoa.text.teasers import is_teaser_of
from newsmoa.types import Article, RawItem

# (stage, done, total) of a long ingest: "extracting" its items, "analysing" its new and
# changed articles (sentences, facts: the longest part), "deciding again" its window (total 0:
# not known); a bar that counted the extraction alone stood at 100% for most of the work
Progress = Callable[[str, int, int], None]
PARALLEL_MIN_ITEMS = 4_000  # a smaller batch is prepared in this process (a pool costs ~1 s)
CHUNK_ITEMS = 500  # at most this many items per task sent to a worker process
# A batch with more new articles was decided together; re-deciding the window around it
# (`ingest(recluster=True)`) would read and cluster all of it again, for the few stored
# articles at its edges: `newsmoa recluster` does that on demand.
RECLUSTER_MAX_NEW = 4_000
RECLUSTER_TRIES = 3  # a re-decision that finds its stories changed by another writer retries
# A span of queued times longer than this many windows is decided again in pieces, so one
# re-decision reads a bounded stretch of the store (the piece and two windows either side).
RECLUSTER_SPAN_WINDOWS = 2
# The warm index holds at most this many clustering windows of time: when a new batch would
# stretch what it holds further, it is dropped and only the new batch's window is loaded, so
# a server or `watch` running for months keeps days of articles in memory, not months.
INDEX_WINDOWS = 4
# The story index and a re-decision weigh terms over at least this many stored articles: the
# ones they read and, when those are fewer, the latest ones before them (their terms are
# counted, the articles are not held; below ~2,500 articles a day, at most this many feature
# blobs more are read). In a store of a few dozen articles a day a window's terms were
# otherwise weighed over a few hundred articles, and streams ingested one article a call
# ended below the stream that weighs them over all it saw (August A, pairwise F1 .773 against
# .825, with almost twice the moves; README of `cluster`, "Arrival").
DF_SAMPLE = 5_000
Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class Read:
    """What a re-decision read in one snapshot: each article's story (resolved) and content
    hash, which window articles were queued (`Store.unsettled_among`), and which an editor
    placed (`Store.hand_placed`: they stay where they are)."""

    stories: dict[str, str]
    hashes: dict[str, str]
    queued: set[str]
    hand: dict[str, str]
    merged: dict[str, str]  # absorbed ids made from window articles -> the story they lead to


@dataclass(frozen=True, slots=True)
class ReclusterReport:
    decided: frozenset[str]  # the articles decided again
    moved_ids: frozenset[str]  # of them, those now in another story
    absorbed: dict[str, str]  # story id -> the story it redirects to now
    founded: tuple[str, ...]  # stories split off (revived ones among them)
    stories: list[str]  # stories whose members changed (listed or rebuilt again)
    hand: frozenset[str] = frozenset()  # articles of the span an editor placed: kept
    revived: tuple[str, ...] = ()  # absorbed ids that name a story split off again

    @property
    def articles(self) -> int:
        return len(self.decided)

    @property
    def moved(self) -> int:
        return len(self.moved_ids)

    @property
    def by_hand(self) -> int:
        return len(self.hand)


def combined(reports: Sequence[ReclusterReport]) -> ReclusterReport:
    """Several re-decisions (spans, pieces, calls) reported as one: an article decided in
    two of them (windows overlap; a queue taken in rounds) counts once (it counted in each:
    "decided again 21 articles: 15 moved" of a store of 11, a black-box test)."""
    return ReclusterReport(
        decided=frozenset().union(*(r.decided for r in reports)),
        moved_ids=frozenset().union(*(r.moved_ids for r in reports)),
        absorbed={k: v for r in reports for k, v in r.absorbed.items()},
        founded=tuple(dict.fromkeys(f for r in reports for f in r.founded)),
        stories=sorted({s for r in reports for s in r.stories}),
        hand=frozenset().union(*(r.hand for r in reports)),
        revived=tuple(dict.fromkeys(s for r in reports for s in r.revived)),
    )


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    joined_existing: int = 0  # new articles that joined a story stored before this batch
    new_stories: int = 0
    merged_stories: int = 0
    dropped: Counter[str] = field(default_factory=Counter)  # reason -> count
    # "input: reason" of each dropped item, so that a folder's dropped file can be found
    dropped_from: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each, naming the input
    # what was left for a later batch, not failed (the window's re-decision, while other
    # writers kept changing its stories), or read otherwise than asked (a feed's summary in
    # the place of a page that could not be fetched): one `note:` line each
    deferred: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)  # stories this batch touched
    # (origin, article id, story) of each new or changed article
    placed: list[tuple[str, str, str]] = field(default_factory=list)
    reclustered: ReclusterReport | None = None  # the window decided again after the batch

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def _readable(items: Iterable[RawItem | InputError], report: IngestReport) -> list[RawItem]:
    """The items to extract; a folder's file of another type (`Skipped`, named, not an
    error) and an input that could not be read (`InputError`) are counted in `report`."""
    raws: list[RawItem] = []
    for item in items:
        if not isinstance(item, InputError):
            raws.append(item)
            if item.note:  # (read otherwise than asked: a feed's summary for its page)
                report.deferred.append(f"{item.origin}: {item.note}")
            continue
        if isinstance(item, Skipped):
            report.dropped[item.reason] += 1
            report.dropped_from.append(str(item))
        elif isinstance(item, Unfinished):  # a line still being written: a note
            report.deferred.append(str(item))
        else:
            report.errors.append(str(item))
    return raws


class Newsroom:
    """A store plus the warm story index: `ingest` adds articles and rebuilds their stories.

    `workers`: processes that extract large batches (None: one per core). `clock`: the time
    now, which places a batch without publication times (`placed_times`)."""

    def __init__(
        self,
        store: Store,
        *,
        config: ClusterConfig = DEFAULT_CONFIG,
        workers: int | None = None,
        clock: Clock = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.config = config
        self.workers = workers
        self.clock = clock
        self.index = StoryIndex(config, taken=self._taken)
        self._asked: tuple[set[str], set[str]] = (set(), set())  # story ids asked, known
        self._loaded: set[str] = set()
        self._spans: list[tuple[datetime, datetime]] = []  # loaded: sorted, disjoint
        self._counted: dict[str, Features] | None = None  # counted, not held; None: not yet
        self._stories: set[str] = set()  # story ids the index holds
        self._merges: set[str] = set()  # story ids the index absorbed, not saved yet
        self._corrections: int | None = None  # the store's corrections when the index loaded
        # the report of the last batch `ingest` wrote, set once its transaction committed: a
        # command interrupted after that (the window's re-decision) can say what was stored
        self.stored: IngestReport | None = None

    def ingest(
        self,
        items: Iterable[RawItem | InputError],
        *,
        progress: Progress | None = None,
        defer_analysis: bool = False,
        recluster: bool = False,
    ) -> IngestReport:
        """Add `items`; their stories' documents are rebuilt, or with `defer_analysis` (bulk
        archives) only listed, and sentences, facts and documents are made when first shown.
        The new and changed articles are queued in the store for a re-decision of their
        window (`Store.mark_unsettled`; the new ones only when at most `RECLUSTER_MAX_NEW`: a
        batch that large was decided together); with `recluster` the queue, this batch's and
        what others left there, is then worked off (`recluster_pending`), also when the batch
        holds nothing new (the same command run again after an interrupted one)."""
        report = IngestReport()
        raws = _readable(items, report)
        total = len(report.errors) + len(report.dropped_from) + len(raws)  # the items read
        prepared = self._extracted(raws, report, progress, total)
        read = Counter(report.dropped), list(report.dropped_from)
        done: dict[str, StoredArticle] = {}  # placed and analysed in an earlier try
        for tries in range(1, RECLUSTER_TRIES + 1):
            # which article each item is, against the store as it is now (another process
            # may have stored one of them since the last try: `_Stale`)
            report.dropped, report.dropped_from = Counter(read[0]), list(read[1])
            articles, features = self._batch(prepared, report)
            fresh, changed = self._sorted(articles, features, report)
            if not fresh and not changed:  # what an interrupted run left queued is decided
                self.stored = report  # (all of it was stored before)
                if recluster:  # all the same: running it again finishes it
                    self._recluster_after(report, defer_analysis=defer_analysis)
                return report
            undated = [a.id for a in changed if a.published is None]
            batch = list(articles.values())  # the unchanged ones date the batch too
            times = placed_times(batch, self.store.article_times(undated), self.clock())
            for a in (*fresh, *changed):
                if a.id in times:
                    features[a.id] = replace(features[a.id], published_s=times[a.id])
            analyse = not defer_analysis and not done
            rows = self._place(fresh, changed, features, report, analyse=analyse, progress=progress)
            if done:  # the analysis does not depend on the placing: kept from the first try
                rows = [self._kept_analysis(r, done, defer_analysis) for r in rows]
            done = {r.article.id: r for r in rows}
            try:
                touched = self._save(rows, fresh, changed, report, defer_analysis)
                break
            except _Stale:  # another process changed what the batch was placed against
                self._drop_index()  # it holds the batch, placed against the old stories
                report.new_stories = report.joined_existing = 0
                if tries == RECLUSTER_TRIES:
                    raise StoreError(
                        f"{self.store.name}: stories kept changing while this batch was placed "
                        f"({tries} tries); nothing was stored"
                    ) from None
            except BaseException:  # a lock timed out, the disk is full: the index holds the
                self._drop_index()  # batch the store may not have; it reloads what it needs
                raise
        self._merges.clear()  # saved with the batch (a failed save dropped them with the index)
        self.stored = report
        report.stories = touched
        report.placed = [
            (r.article.origin, r.article.id, self.index.resolve(r.story)) for r in rows
        ]
        if recluster:
            if progress:
                progress("deciding again", 0, 0)
            self._recluster_after(report, defer_analysis=defer_analysis)
        return report

    def identified(
        self, items: Iterable[RawItem | InputError], report: IngestReport
    ) -> tuple[dict[str, Article], dict[str, Features], dict[str, str]]:
        """Each item extracted as `ingest` reads it, by the id it has or would have in the
        store (a copy's, an edited file's earlier id), a stored press release's mark kept;
        nothing is stored (`newsmoa.refresh`), and the files the stored articles are to be
        read from now (a renamed file's: `_versions_by_file`) are returned, not moved. What
        is dropped or fails is in `report`. A local file's article stored without an outlet
        is the one of that file read again naming one (`_versions_by_file`): an older
        extraction did not find it. A stored press release is read as one (its issuer is its
        outlet), given with `--release` or not. Only the input a stored article's current
        version was read from is read into it (`provenance`): another one, an earlier
        version's, is dropped (read with this extraction its text matches no stored hash,
        and it rolled a correction back), and so is a reading the stored version is kept
        over in `ingest` (`_kept_stored`: a teaser, a paywall's bare headline)."""
        raws = _readable(items, report)
        total = len(report.errors) + len(report.dropped_from) + len(raws)
        prepared = self._extracted(raws, report, None, total)
        moves: dict[str, str] = {}
        # by the id read first: an earlier input later in the batch would be kept over it
        other = self._other_inputs([(a.id, a.origin) for a, _ in prepared], moves, report)
        prepared = [p for p, o in zip(prepared, other, strict=True) if not o]
        articles, features = self._batch(prepared, report, unnamed_match=True, moves=moves)
        other = self._other_inputs([(k, a.origin) for k, a in articles.items()], moves, report)
        for aid in (k for k, o in zip(list(articles), other, strict=True) if o):
            del articles[aid], features[aid]
        stored = self.store.features_of(sorted(a for a, x in articles.items() if not x.is_release))
        by_origin = {r.origin: r for r in raws}
        for aid, blob in sorted(stored.items()):
            raw = by_origin.get(articles[aid].origin)
            if raw is None or not Features.from_bytes(blob).release:
                continue
            got = extract(replace(raw, is_release=True))
            if isinstance(got, Article):
                articles[aid] = replace(got, id=aid)
                features[aid] = article_features(articles[aid], self.config)
        known = self.store.known_hashes(list(articles))
        self._release_marks(articles, features, known)
        changed = [a for k, a in articles.items() if k in known and known[k] != a.content_hash]
        for aid in self._kept_stored(changed, report):
            del articles[aid], features[aid]
        return articles, features, moves

    def _other_inputs(
        self, read: Sequence[tuple[str, str]], moves: Mapping[str, str], report: IngestReport
    ) -> list[bool]:
        """For each (id, origin) read, whether it was read from another input than the one
        the stored article of that id has its current version from (`provenance`); each
        such item named in `report`. A local file's article whose stored file is gone is
        decided by `_versions_by_file` (`moves`: moved along with an unchanged text)."""
        ids = sorted({aid for aid, _ in read})
        origins, sources = self.store.origins_of(ids), self.store.sources_of(ids)
        out = []
        for aid, origin in read:
            source = sources.get(aid)
            mine = source_file(origin)
            other = (
                aid in origins
                and not same_input(origin, origins[aid], source)
                and not (mine and source and (moves.get(aid) == mine or not os.path.exists(source)))
            )
            if other:
                report.dropped[_OTHER_INPUT] += 1
                report.dropped_from.append(
                    f"{origin}: {_OTHER_INPUT} ({aid}, read from {origins[aid]})"
                )
            out.append(other)
        return out

    def _extracted(
        self, raws: list[RawItem], report: IngestReport, progress: Progress | None, total: int
    ) -> list[tuple[Article, Features]]:
        """Each item's article and its features (`_prepared`, in the workers); an item
        dropped there (no body, a flash) is counted in `report` by its reason. `progress`
        counts the `total` items read, those that were no article first."""
        extracted = total - len(raws)
        prepared: list[tuple[Article, Features]] = []
        for chunk in _prepared(raws, self.config, self.workers):
            for got in chunk:
                if isinstance(got, Dropped):
                    report.dropped[got.reason] += 1
                    report.dropped_from.append(f"{got.origin}: {got.reason}")
                else:
                    prepared.append(got)
            extracted += len(chunk)
            if progress:
                progress("extracting", extracted, total)
        return prepared

    @staticmethod
    def _kept_analysis(
        row: StoredArticle, done: dict[str, StoredArticle], defer_analysis: bool
    ) -> StoredArticle:
        """`row` with the analysis an earlier try made of its article; one under another id
        than then (another outlet's copy stored meanwhile) is analysed now, unless deferred."""
        earlier = done.get(row.article.id)
        if earlier is not None and earlier.article == row.article:
            return replace(row, sentences=earlier.sentences, facts=earlier.facts)
        return row if defer_analysis else analysed_row(row)

    def _batch(
        self,
        prepared: Sequence[tuple[Article, Features]],
        report: IngestReport,
        *,
        unnamed_match: bool = False,
        moves: dict[str, str] | None = None,
    ) -> tuple[dict[str, Article], dict[str, Features]]:
        """The batch by id: another outlet's word-for-word copy of a text-keyed article
        under an id of its own (`extract.copies`), the same id given again kept in its later
        version (docs/contracts.md; as in a later run), an edited local file's article under the id
        it was stored with (`_versions_by_file`; `moves`: see there)."""
        copied = self._copy_ids([a for a, _ in prepared])
        ids, cut = self._page_ids([a for a, _ in prepared], copied)
        by_page = {n for n, (c, p) in enumerate(zip(copied, ids, strict=True)) if c != p}
        articles: dict[str, Article] = {}
        features: dict[str, Features] = {}
        first: dict[str, int] = {}  # id -> the position of the item kept under it
        for n, ((a, f), aid) in enumerate(zip(prepared, ids, strict=True)):
            if n in cut:  # an aggregator's summary of a page another route read whole
                report.dropped[_CUT] += 1
                report.dropped_from.append(f"{a.origin}: {_CUT} ({aid})")
                continue
            if (earlier := articles.get(aid)) is not None:
                if a.outlet is None and earlier.outlet and a.content_hash == earlier.content_hash:
                    report.dropped[_UNNAMED] += 1  # not a newer version: it names no outlet
                    report.dropped_from.append(f"{a.origin}: {_UNNAMED} ({aid})")
                    continue
                why = _PAGE_TWICE if by_page & {n, first[aid]} else _TWICE
                report.dropped[why] += 1
                # (the kept one named: a file copied word for word under another name, with
                # no outlet of its own, was dropped for an unnamed twin, a black-box case)
                kept = f", in {a.origin}" if a.origin and a.origin != earlier.origin else ""
                report.dropped_from.append(f"{earlier.origin}: {why} ({earlier.id}{kept})")
            articles[aid], features[aid] = (a if a.id == aid else replace(a, id=aid)), f
            first[aid] = n
        articles, features = self._versions_by_file(
            articles, features, report, unnamed_match, moves
        )
        return self._without_replaced(articles, features, report)

    def _without_replaced(
        self, articles: dict[str, Article], features: dict[str, Features], report: IngestReport
    ) -> tuple[dict[str, Article], dict[str, Features]]:
        """The batch without texts a stored article had before its current one: an archive's
        older export read again (a JSONL of the morning after the evening's corrected one)
        put every corrected article back to its old text and time (a black-box case), as a
        backup of an edited file did before `_versions_by_file`. Such a text is dropped and
        named; the stored version is kept."""
        stored = self.store.known_hashes(list(articles))
        changed = [a for a in articles if a in stored and stored[a] != articles[a].content_hash]
        if not changed:
            return articles, features
        replaced = self.store.replaced_hashes(changed)
        for aid in sorted(changed):
            if articles[aid].content_hash in replaced.get(aid, ()):
                report.dropped[_REPLACED] += 1
                report.dropped_from.append(f"{articles[aid].origin}: {_REPLACED} ({aid})")
                del articles[aid], features[aid]
        return articles, features

    def _copy_ids(self, articles: Sequence[Article]) -> list[str]:
        """`copies.copy_ids` against the stored articles under the batch's text-keyed ids;
        a URL-keyed article stored under its URL as it came, that id (`urls.stored_url_ids`;
        the two kinds never meet: a text-keyed article has no URL)."""
        ids = [a.id for a in articles]
        given = given_urls(articles)
        if given:
            asked = {articles[i].id for i in given} | set(given.values())
            ids = stored_url_ids(articles, given, self.store.known_hashes(sorted(asked)))
        keyed = [text_keyed(a) for a in articles]
        if not any(keyed):
            return ids
        texts = [a for a, k in zip(articles, keyed, strict=True) if k]
        held = self.store.holding(sorted({a.content_hash for a in texts}))
        copies = copy_ids(articles, held, self.store.outlets_of(sorted({a.id for a in texts})))
        return [c if k else i for k, i, c in zip(keyed, ids, copies, strict=True)]

    def _page_ids(
        self, articles: Sequence[Article], ids: Sequence[str]
    ) -> tuple[list[str], set[int]]:
        """`same_page_ids` against the stored articles read from the batch's addresses."""
        keys = [page_key(a) for a in articles]
        if not any(keys):
            return list(ids), set()
        known = self.store.known_hashes(sorted({i for i, k in zip(ids, keys, strict=True) if k}))
        held = self.store.ids_by_url(sorted({k for k in keys if k}))
        if held:
            texts = self.store.texts_of(sorted({i for got in held.values() for i, _ in got}))
            stored = {
                k: [Article(id=i, text=texts[i], outlet=o) for i, o in got if i in texts]
                for k, got in held.items()
            }
        else:
            stored = {}

        def same(a: Article, b: Article) -> bool:
            return one_text(a, b, self.config)

        return same_page_ids(articles, ids, keys, stored, known, same)

    def _versions_by_file(
        self,
        articles: dict[str, Article],
        features: dict[str, Features],
        report: IngestReport,
        unnamed_match: bool = False,
        moves: dict[str, str] | None = None,
    ) -> tuple[dict[str, Article], dict[str, Features]]:
        """The batch with each article read again from an edited local file under the id it was
        stored with. A text or HTML file gives no id, so an article's id is its text's hash, and a
        fixed typo would store a second article beside the first (counted twice as a placement). A
        new text is a new version of an article stored from the same file (whatever its place among
        the articles pasted there) by the same outlet (`unnamed_match`: or stored naming none), and
        not in this batch, of which it is a near-duplicate (most of the shorter's sentences appear
        in the other, `near_duplicate_pairs`), the closest one first; otherwise it is a new article,
        and the ones before stay. A text that an article had before it was edited, read from another
        file (a backup), is dropped: the stored version is kept. A text read unchanged from another
        file where the one it was stored from is gone (renamed or moved) now comes from that file,
        so that its next edit is a new version, not a second article (given `moves`, the
        moves are put there, not written: `identified` writes nothing)."""
        files = {aid: f for aid, a in articles.items() if (f := source_file(a.origin))}
        if not files:
            return articles, features
        stored = self.store.known_hashes(list(files))
        same = [a for a in files if a in stored and stored[a] == articles[a].content_hash]
        if same:  # a file renamed or moved: its next edit is a version of what it holds
            was = self.store.sources_of(same)
            moved = {a: files[a] for a, f in was.items() if f != files[a] and not os.path.exists(f)}
            if moved and moves is not None:
                moves.update(moved)
            elif moved:
                self.store.move_sources(moved)
        edited = [a for a in files if a in stored and stored[a] != articles[a].content_hash]
        older = {a for a, f in self.store.sources_of(edited).items() if f != files[a]}
        for aid in sorted(older):
            report.dropped[_OLDER] += 1
            report.dropped_from.append(f"{articles[aid].origin}: {_OLDER} ({aid})")
        new = {aid: f for aid, f in files.items() if aid not in stored}
        read = self.store.read_from(sorted(set(new.values()))) if new else {}
        close: list[tuple[float, str, str]] = []
        for aid, f in new.items():
            a = articles[aid]
            pool = [
                b
                for b in read.get(f, ())
                if b.id not in articles
                and (b.outlet == a.outlet or (unnamed_match and b.outlet is None))
            ]
            for p in near_duplicate_pairs([a, *pool], self.config) if pool else ():
                if aid in (p.a, p.b):
                    close.append((-p.share, aid, p.b if p.a == aid else p.a))
        renamed: dict[str, str] = {}
        for _, aid, old in sorted(close):
            if aid not in renamed and old not in renamed.values():
                renamed[aid] = old
        if not renamed and not older:
            return articles, features
        return (
            {
                renamed.get(k, k): replace(a, id=renamed.get(k, k))
                for k, a in articles.items()
                if k not in older
            },
            {renamed.get(k, k): f for k, f in features.items() if k not in older},
        )

    def _sorted(
        self, articles: dict[str, Article], features: dict[str, Features], report: IngestReport
    ) -> tuple[list[Article], list[Article]]:
        """The batch's new articles and new versions of stored ones, as the store has them
        now; the report counts them (again, when a try is repeated). A stored press release
        read again without `--release` (a watched folder, an edited file) stays one: its
        mark is kept in `articles` and `features`."""
        known = self.store.known_hashes(list(articles))
        fresh = [a for a in articles.values() if a.id not in known]
        same = [a.id for a in articles.values() if a.outlet and known.get(a.id) == a.content_hash]
        unnamed = {aid for aid, outlet in self.store.outlets_of(same).items() if not outlet}
        dated = [aid for aid in same if articles[aid].published is not None]
        unnamed |= {aid for aid, when in self.store.published_of(dated).items() if not when}
        marked = self._release_marks(articles, features, known)
        changed = [  # a new text, the outlet or the date of an article stored without it now
            a  # found (its page read first, its feed's entry after), or a stored article now
            # said to be a press release
            for a in articles.values()
            if a.id in known
            and (known[a.id] != a.content_hash or a.id in unnamed or a.id in marked)
        ]
        kept = self._kept_stored(changed, report)
        changed = [a for a in changed if a.id not in kept]
        report.unchanged = len(articles) - len(fresh) - len(changed) - len(kept)
        report.added, report.updated = len(fresh), len(changed)
        return fresh, changed

    def _release_marks(
        self, articles: dict[str, Article], features: dict[str, Features], known: dict[str, str]
    ) -> set[str]:
        """Keep the press-release mark of the stored releases among `articles` (new texts
        read without `--release`), in place; returns the stored articles this batch marks
        as releases (a text stored before, now given with `--release`)."""
        asked = [
            aid
            for aid, a in articles.items()
            if aid in known and (a.is_release or known[aid] != a.content_hash)
        ]
        if not asked:
            return set()
        stored = self.store.features_of(asked)
        releases = {aid for aid, blob in stored.items() if Features.from_bytes(blob).release}
        for aid in releases:
            if not articles[aid].is_release:
                articles[aid] = replace(articles[aid], is_release=True)
                features[aid] = replace(features[aid], release=True)
        return {aid for aid in asked if articles[aid].is_release and aid not in releases}

    def _save(
        self,
        rows: Sequence[StoredArticle],
        fresh: Sequence[Article],
        changed: Sequence[Article],
        report: IngestReport,
        defer_analysis: bool,
    ) -> list[str]:
        """Store a placed batch in one transaction, with the index's merges; returns the
        stories it touched. Raises `_Stale` (nothing stored) when, checked under the write
        lock, the batch was placed against a store that has changed since: an editor
        corrected stories since the index was loaded (`Store.corrections_made`); another
        process stored one of its new articles, moved one of its changed ones, or absorbed
        a story it joins (the index would store articles under an id that redirects)."""
        with self.store.transaction():
            merged = {  # the index's merges the store does not know yet
                old: new
                for old, new in ((m, self.index.resolve(m)) for m in self._merges)
                if old != new and self.store.resolve(old) == old
            }
            if self.store.corrections_made() != self._corrections:
                raise _Stale
            if self.store.known_hashes([a.id for a in fresh]):
                raise _Stale
            was = self.store.stories_of([a.id for a in changed])
            if any(was.get(r.article.id, r.story) != r.story for r in rows):
                raise _Stale
            if self.store.redirects_from({self.index.resolve(r.story) for r in rows}):
                raise _Stale
            pinned = self.store.hand_stories(merged)
            if pinned:  # the index pins them (`_load`): this would be a bug, not a race
                self._drop_index()
                raise StoreError(
                    f"{self.store.name}: this batch would absorb {sorted(pinned)}, which hold"
                    " articles an editor placed; nothing was stored"
                )
            self.store.save_articles(rows)
            # a correction keeps its old story undecided; a large batch was decided together
            new = [a.id for a in fresh] if len(fresh) <= RECLUSTER_MAX_NEW else []
            self.store.mark_unsettled([*new, *(a.id for a in changed)])
            if merged:
                self.store.save_redirects(merged)
                report.merged_stories = len(merged)
            touched = sorted({self.index.resolve(r.story) for r in rows})
            self.refresh(touched)  # the documents after the lock
        if not defer_analysis:
            self.documents(touched)
        return touched

    def _kept_stored(self, changed: Sequence[Article], report: IngestReport) -> set[str]:
        """Of the changed articles, those whose stored version is kept over the reading
        (`_stored_bodies`, `_teasers`), named in `report` (counted anew: a try repeated)."""
        bare = self._stored_bodies(changed)
        cut = self._teasers([a for a in changed if a.id not in bare])
        for why, ids in ((_KEPT, bare), (_TEASER, cut)):
            report.dropped.pop(why, None)
            report.dropped_from = [d for d in report.dropped_from if not d.endswith(why)]
            if ids:
                report.dropped[why] = len(ids)
                report.dropped_from += [f"{a.origin}: {why}" for a in changed if a.id in ids]
        return bare | cut

    def _stored_bodies(self, changed: Sequence[Article]) -> set[str]:
        """Of the changed articles read again as a bare headline, those whose stored version
        was placed by a body (its stored features are not a flash's): a page gone behind a
        paywall or cut down to its headline never blanks the stored text (a corrected flash,
        stored without a body too, is a new version)."""
        bare = sorted(a.id for a in changed if not a.text)
        if not bare:
            return set()
        stored = self.store.features_of(bare)
        return {aid for aid, blob in stored.items() if not Features.from_bytes(blob).bare}

    def _teasers(self, changed: Sequence[Article]) -> set[str]:
        """Of the changed articles, those read again as their stored text's opening cut down
        (`text.teasers`: a feed that sent its first lines and `…` where it sent the whole
        article): the stored text is kept. Read as a new version, the teaser replaced the
        article's text, and the whole text read again was refused as an older one."""
        shorter = {a.id: a.text for a in changed if a.text}
        if not shorter:
            return set()
        stored = self.store.texts_of(sorted(shorter))
        return {aid for aid, whole in stored.items() if is_teaser_of(shorter[aid], whole)}

    def _recluster_after(self, report: IngestReport, *, defer_analysis: bool) -> None:
        """`recluster_pending`: this batch, and what was queued before it. A failure is the
        report's error line: the batch is stored, and its articles stay queued."""
        try:
            again = self.recluster_pending(defer_analysis=defer_analysis)
        except Contended as exc:  # other writers are busy there: theirs or the next batch's
            self._drop_index()
            report.deferred.append(
                f"the window was not wholly decided again: {exc}; the articles stored and "
                "not decided again stay queued for the next batch (or `newsmoa recluster "
                "--queued`)"
            )
            again = exc.partial if isinstance(exc.partial, ReclusterReport) else None
        except Exception as exc:  # noqa: BLE001 - the batch is in; say what did not happen
            self._drop_index()  # it may be half changed
            report.errors.append(
                f"deciding the window again after this batch failed (its articles stay queued"
                f" for the next batch, or run `newsmoa recluster`): {exc}"
            )
            return
        if again is None:
            return
        report.reclustered = again
        now = self.store.stories_of([aid for _, aid, _ in report.placed])
        report.placed = [(o, aid, now.get(aid, s)) for o, aid, s in report.placed]
        report.stories = sorted({self.store.resolve(s) for s in (*report.stories, *again.stories)})

    def recluster_pending(
        self, *, defer_analysis: bool = True, limit: int = RECLUSTER_MAX_NEW
    ) -> ReclusterReport | None:
        """`recluster_around` the articles queued in the store (`Store.unsettled`), by this
        process or another: at most `limit` of them (the oldest; the rest stay queued for the
        next call), and take them off the queue; None: nothing to re-decide."""
        return self._around_queued(self.store.unsettled(limit), defer_analysis)

    def _around_queued(
        self, queued: Sequence[tuple[str, float]], defer_analysis: bool
    ) -> ReclusterReport | None:
        return self.recluster_around(
            [datetime.fromtimestamp(ts, UTC) for _, ts in queued], defer_analysis=defer_analysis
        )

    def recluster_queue(self, *, defer_analysis: bool = True) -> ReclusterReport | None:
        """`recluster_pending` until the queue is empty (each call takes at most
        `RECLUSTER_MAX_NEW` articles) or a call takes nothing more off it (another
        process changed them meanwhile); None: nothing to re-decide. The queue is read once
        a round."""
        done = []
        queued = self.store.unsettled(RECLUSTER_MAX_NEW)
        while queued:
            got = self._around_queued(queued, defer_analysis)
            if got is not None:
                done.append(got)
            left = self.store.unsettled(RECLUSTER_MAX_NEW)
            if left == queued:  # none of them was taken off
                break
            queued = left
        return combined(done) if done else None

    def recluster_around(
        self, times: Sequence[datetime], *, defer_analysis: bool = True
    ) -> ReclusterReport | None:
        """`recluster` (with `hold`: a stream's re-decisions do not move articles back and
        forth) the stored articles whose decisions articles placed at `times` (stored; see
        `placed_times`) could have changed: those within the clustering window of them, span
        by span (`cluster.recluster.time_spans`); None: nothing to re-decide."""
        pad = timedelta(hours=self.config.window_hours)
        if not times:
            return None
        done: list[ReclusterReport] = []
        step = RECLUSTER_SPAN_WINDOWS * pad.total_seconds()
        for first, last in time_spans([t.timestamp() for t in times], 2 * pad.total_seconds()):
            # a long span (an archive's queue) in pieces: each reads its own windows only
            for k in range(max(1, math.ceil((last - first) / step))):
                piece_lo = first + k * step
                piece_hi = min(last, piece_lo + step)
                start = datetime.fromtimestamp(piece_lo, UTC) - pad
                end = datetime.fromtimestamp(piece_hi, UTC) + pad
                try:
                    got = self.recluster(start, end, defer_analysis=defer_analysis, hold=True)
                except Contended as exc:  # the spans before it are written: say what they did
                    exc.partial = combined(done) if done else None
                    raise
                done.append(got)
        return combined(done)

    def recluster(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        *,
        defer_analysis: bool = True,
        hold: bool = False,
    ) -> ReclusterReport:
        """Decide again, as one batch, the stored articles placed between `start` and `end`
        (None: every stored article), after the articles within the clustering window around
        them (`split_window`); story ids are kept (`cluster.recluster`). The store is the
        truth: it is read and the window decided without the write lock (other writers go
        on), and the writes, in one transaction, happen only if the stories read are still
        so (else it starts again): moved articles are stored with the new decision's
        signals, absorbed stories redirect, the stories that changed are listed again (or
        rebuilt, unless `defer_analysis`). Then the warm index follows if it held the window
        as the store did, or is dropped (the next call loads what it needs). `hold`: an
        article moves only where it links to its new story at least as strongly as to its
        old one (`cluster.recluster.held`; what `recluster_around` does after each batch)."""
        pad = timedelta(hours=self.config.window_hours)
        lo: datetime | None = None
        hi: datetime | None = None
        start_s: float | None = None
        end_s: float | None = None
        if start is not None and end is not None:
            lo, hi, start_s, end_s = start - pad, end + pad, start.timestamp(), end.timestamp()
        for _ in range(RECLUSTER_TRIES):
            window, read, change = self._decide_again(lo, hi, start_s, end_s, hold)
            stories = read.stories
            before = {stories[a] for a in change.moved}
            led_from = {read.merged[r] for r in change.leads}  # their pages list the ids
            touched = sorted(
                {change.redirects.get(s, s) for s in (*before, *led_from)}
                | set(change.moved.values())
                | set(change.redirects.values())
                | set(change.leads.values())
            )
            if not touched and not read.queued:
                break  # nothing to write: no write lock taken
            with self.store.transaction():  # decided without the write lock: still so?
                ids = list(stories)
                if (
                    self.store.stories_of(ids) != stories
                    or self.store.known_hashes(ids) != read.hashes
                    or self.store.hand_placed(ids) != read.hand
                ):
                    continue  # another process changed these stories or articles: again
                self.store.settle(sorted(read.queued))  # decided as they are: exact
                self.store.repoint(change.leads)  # first: a revived id names a story again
                self.store.move_articles(
                    {a: (s, change.signals[a]) for a, s in change.moved.items()}
                )
                self.store.save_redirects(change.redirects)
                self.refresh(touched)  # the documents after the lock
                break
        else:
            raise Contended(
                f"{self.store.name}: stories kept changing while being decided again "
                f"({RECLUSTER_TRIES} tries); they were left as they were"
            )
        if not defer_analysis:
            self.documents(touched)
        # the warm index follows if it holds the window as the store had it, else it goes
        if all(a in self._loaded for a, _ in window) and self.index.agrees(stories):
            self.index.relabel(change.moved, change.redirects, change.leads)
            self._stories.update(change.founded)
        else:
            self._drop_index()
        hand = frozenset(a for a, _ in window if a in read.hand)
        return ReclusterReport(
            decided=frozenset(a for a, _ in window) - hand,
            moved_ids=frozenset(change.moved),
            absorbed=dict(change.redirects),
            founded=change.founded,
            stories=touched,
            hand=hand,
            revived=change.revived,
        )

    def _decide_again(
        self,
        lo: datetime | None,
        hi: datetime | None,
        start_s: float | None,
        end_s: float | None,
        hold: bool,
    ) -> tuple[list[tuple[str, Features]], Read, Relabel]:
        """Read the stored articles in [lo, hi] (one snapshot of the store), split them into
        window [start_s, end_s] and context, and decide the window again. An article an
        editor placed (`newsmoa.corrections`) is context: it stays where it is, as a
        neighbour of the others, and its story is never absorbed (`StoryIndex.add_many`,
        `kept`)."""
        pad_s = self.config.window_hours * 3600.0
        with self.store.snapshot():
            rows = self.store.index_entries(lo, hi)  # read as decoded, inside the snapshot
            entries = ((aid, _placed(blob, t)) for aid, _, blob, t in rows)
            window, context = split_window(entries, start_s, end_s, pad_s)
            ids = [a for a, _ in (*window, *context)]
            hand = self.store.hand_placed(ids)
            counted: list[Features] = []
            if window and lo is not None and len(ids) < DF_SAMPLE:  # None: all is read
                counted = [f for _, f in self._sample(lo, DF_SAMPLE - len(ids))]
            decided = [a for a, _ in window if a not in hand]
            chains = self.store.redirects_from({story_id_for(a) for a in decided})
            read = Read(
                self.store.stories_of(ids),
                self.store.known_hashes(ids),
                self.store.unsettled_among([a for a, _ in window]),
                hand,
                absorbed_ids(decided, lambda sid: follow(chains, sid)),
            )
            stories = read.stories
            here = Counter(stories.values())
            sizes = self.store.story_sizes(list(here))
        change = recluster(  # terms weigh over what was read: the same in every process
            [e for e in window if e[0] not in hand],
            [*context, *(e for e in window if e[0] in hand)],  # an editor's: kept where they are
            stories,
            known=lambda s: self.index.known(s) or self.store.story_id_known(s),
            lives_on={s for s, n in here.items() if sizes.get(s, 0) > n},
            config=self.config,
            counted=counted,
            hold=hold,
            merged=read.merged,
            unsettled=read.queued,
        )
        return window, read, change

    def _drop_index(self) -> None:
        """Forget the warm index: the next call loads what it needs from the store."""
        self.index = StoryIndex(self.config, taken=self._taken)
        self._loaded.clear()
        self._spans = []
        self._counted = None
        self._stories.clear()
        self._merges.clear()

    def load_window(self, start: datetime, end: datetime) -> int:
        """Load into the story index the stored articles that articles published between
        `start` and `end` could join, so that the first `ingest` calls do not pay for it (a
        server does this once); returns how many stored articles were loaded."""
        pad = timedelta(hours=self.config.window_hours)
        return self._load_spans([(start - pad, end + pad)])

    def _place(
        self,
        fresh: Sequence[Article],
        changed: Sequence[Article],
        features: dict[str, Features],
        report: IngestReport,
        *,
        analyse: bool = False,
        progress: Progress | None = None,
    ) -> list[StoredArticle]:
        """Story for each new article (changed ones keep theirs), plus text analysis (each
        article analysed said to `progress`)."""
        self._restore_window([features[a.id] for a in (*fresh, *changed)])
        self.index.mark_releases(a.id for a in changed if a.is_release)  # (`_release_marks`)
        if len(fresh) > ASK_ALONE:  # what the stories they found are named, asked at once
            names = {story_id_for(a.id) for a in fresh}
            self._asked = (names, self.store.story_ids_known(sorted(names)))
        else:  # a poll's few articles: one small question each is cheaper than four
            self._asked = (set(), set())
        assignments = self.index.add_many([(a.id, features[a.id]) for a in fresh])
        placed = {x.article: x for x in assignments}
        self._merges.update(m for x in assignments for m in x.merged)
        existing = {x.story for x in assignments if not x.founded and x.story in self._stories}
        for a in fresh:
            x = placed[a.id]
            if x.founded:
                report.new_stories += 1
            elif x.story in existing:
                report.joined_existing += 1
            self._loaded.add(a.id)
            self._stories.add(x.story)
        rows = []
        said = progress if analyse and progress else lambda stage, done, total: None
        for a in fresh:
            x = placed[a.id]
            rows.append(_row(a, x.story, features[a.id], dict(x.signals), analyse=analyse))
            said("analysing", len(rows), len(fresh) + len(changed))
        ids = [a.id for a in changed]
        stored, signals = self.store.stories_of(ids), self.store.signals_of(ids)
        for a in changed:  # a new version keeps its story, and what placed it there
            why = {**signals.get(a.id, {}), "updated": True}
            rows.append(_row(a, stored[a.id], features[a.id], why, analyse=analyse))
            said("analysing", len(rows), len(fresh) + len(changed))
        return rows

    def _taken(self, story: str) -> bool:
        """Whether the store has (or had) this story id: from the batch's ids asked at once
        (`_place`), else asked alone (a suffixed id, after a clash)."""
        asked, known = self._asked
        return story in known if story in asked else self.store.story_id_known(story)

    def _restore_window(self, features: Sequence[Features]) -> None:
        """Load into the index the stored articles that new ones (placed: each has a time)
        could join: their time window, around each group of times (a backdated article does
        not load all between)."""
        pad = timedelta(hours=self.config.window_hours)
        times = [f.published_s for f in features if f.published_s is not None]
        groups = time_spans(times, 2 * pad.total_seconds())
        self._load_spans(
            [
                (datetime.fromtimestamp(lo, UTC) - pad, datetime.fromtimestamp(hi, UTC) + pad)
                for lo, hi in groups
            ]
        )

    def _load_spans(self, needed: Sequence[tuple[datetime, datetime]]) -> int:
        """Load the parts of the `needed` intervals not loaded before (so a stream of new
        articles reads each stored article once), unless what the index holds and `needed`
        would then stretch over more than `INDEX_WINDOWS` windows: then the index starts
        again from `needed` (not while the index has merges the store does not know yet)."""
        made = self.store.corrections_made()
        if made != self._corrections:  # an editor changed stories the index may hold
            if self._spans:
                self._drop_index()
            self._corrections = made
        longest = timedelta(hours=INDEX_WINDOWS * self.config.window_hours)
        if self._spans and not self._merges:
            ends = [*self._spans, *needed]
            if max(hi for _, hi in ends) - min(lo for lo, _ in ends) > longest:
                self._drop_index()  # what it holds is out of date
        parts = []
        for interval in needed:
            parts += _missing(interval, self._spans)
            self._spans = _joined(self._spans, interval)
        return self._load(parts)

    @property
    def sampled(self) -> int:
        """Stored articles the warm index counts the terms of without holding them
        (`DF_SAMPLE`)."""
        return len(self._counted or {})

    def _sample(self, before: datetime, n: int) -> list[tuple[str, Features]]:
        """The latest `n` stored articles before `before`, for their term counts (`DF_SAMPLE`)."""
        return [(aid, Features.from_bytes(b)) for aid, b in self.store.features_before(before, n)]

    def _load(self, spans: Sequence[tuple[datetime, datetime]]) -> int:
        entries = {
            aid: (aid, story, _placed(blob, t))
            for lo, hi in spans
            for aid, story, blob, t in self.store.index_entries(lo, hi)
            if aid not in self._loaded
        }.values()
        first = self._counted is None and bool(spans)  # the index's first load
        sample: list[tuple[str, Features]] = []
        if first and len(entries) < DF_SAMPLE:
            sample = self._sample(min(lo for lo, _ in spans), DF_SAMPLE - len(entries))
        counted = self._counted or {}
        # a sampled article loaded now is counted once: as an article the index holds
        again = [counted.pop(aid) for aid, _, _ in entries if aid in counted]
        if entries or sample:
            redirects = self.store.redirects_from({s for _, s, _ in entries})
            self.index.restore(entries, redirects, counted=[f for _, f in sample], again=again)
            stories = {self.index.resolve(story) for _, story, _ in entries}
            # a story an editor placed articles in, whether or not those are loaded
            self.index.pin(self.store.hand_stories(stories))
            self._loaded.update(aid for aid, _, _ in entries)
            self._stories.update(stories)
        if first:
            self._counted = dict(sample)
        return len(entries)

    def refresh(self, stories: Sequence[str]) -> None:
        """List again the stories whose articles changed, in the writer's transaction (a
        story left without articles goes); their documents are built after it (`documents`)
        or when first shown."""
        self._list(stories)

    def documents(self, stories: Sequence[str]) -> None:
        """Build the documents of `stories` after the batch's transaction, each in one of its
        own: a batch's write lock is not held while tens of stories are consolidated, which
        kept other writers waiting for seconds. (An article stored without its analysis is
        analysed there too; `story_document` does that outside the lock, at the cost of
        reading the story twice, which an analysed batch need not pay.)"""
        for story in stories:
            with self.store.transaction():
                self._rebuild(self.store.resolve(story))

    def _rebuild(self, story: str) -> None:
        rows = analysed(self.store, self.store.story_articles(story))
        if not rows:
            self.store.delete_story(story)
            return
        redirects = self.store.redirects_into(story)
        hand = self.store.hand_placed([r.article.id for r in rows])
        doc = build_story(story, rows, redirects=redirects, hand=hand.keys())
        self.store.save_story(codec.story_to_json(doc))

    def _list(self, stories: Sequence[str]) -> None:
        """List stories without building their documents (deferred analysis)."""
        listings = self.store.story_listings(stories)
        summaries = []
        for story in stories:
            articles = listings.get(story)
            if not articles:
                self.store.delete_story(story)
                continue
            summaries.append(
                {
                    "id": story,
                    "title": story_title(reading_order(articles)),
                    "first_published": codec.first_published(articles),
                    **codec.first_at(articles),  # (a date alone: its day's start)
                    "outlets": sorted({a.outlet for a in articles if a.outlet}),
                    "article_count": len(articles),
                }
            )
        self.store.save_story_summaries(summaries)


ASK_ALONE = 8  # new articles up to which each founded story's id is asked of the store alone


class _Stale(Exception):
    """The store changed, in a way the batch's placing depends on, while a batch was placed
    (`Newsroom._save`)."""


_KEPT = "no body text; the stored version is kept"
_TWICE = "same id again later in this batch, which is kept"
_PAGE_TWICE = "the same page again later in this batch (another route to it), which is kept"
_UNNAMED = "the same text as an article of this batch that names its outlet, which is kept"
_OLDER = "a text this article had before its file was edited; the stored version is kept"
_REPLACED = "a text this article had before its stored version; the stored version is kept"
_CUT = "the opening of an article read from the same page, cut down; the whole is kept"
_TEASER = "the opening of the stored text, cut down (a feed's summary); the stored version is kept"
_OTHER_INPUT = "another input than its stored version's; the stored version is kept"


def page_key(a: Article) -> str | None:
    """The address `a` was read from as the page it names (`url_key`), where that names one
    article: none for a site's front page (`/`), which a feed may give every entry as its link."""
    if not a.url or not is_web_url(a.url):
        return None
    key = url_key(a.url)
    return None if urlsplit(key).path in ("", "/") else key


def same_page_ids(
    articles: Sequence[Article],
    ids: Sequence[str],
    keys: Sequence[str | None],
    stored: Mapping[str, Sequence[Article]],
    known: Container[str],
    same: Callable[[Article, Article], bool],
) -> tuple[list[str], set[int]]:
    """The id of each of `articles` (now `ids`; `keys` their `page_key`s), and the positions
    of those that are the opening of the article they are, cut down. One read from the
    address of a stored article (`stored`: key -> those articles, `Store.ids_by_url`) or of
    one earlier in the batch, whose text it holds (`same`: the same text, a version of it,
    its teaser or it of a teaser), and not stored under its own id (`known`), is that
    article: an Atom entry keyed by its `tag:` guid, an aggregator's entry keyed by the link
    that led to the page, and the page read by its URL are one article, read again or in a
    newer version (as an id given again), never a second one beside it. The outlets they
    name play no part (one page: its host's name, a feed's title, an aggregator's
    `<source>`). The stored one first, the one keyed by the address itself before others.
    A read that is the article's opening cut down (`text.teasers`, however short: the page
    says which article it is) is no newer version: the whole is kept."""
    seen: dict[str, list[Article]] = {}
    out: list[str] = []
    cut: set[int] = set()
    for n, (a, aid, key) in enumerate(zip(articles, ids, keys, strict=True)):
        if key is not None and aid not in known:
            held = sorted(stored.get(key, ()), key=lambda b: b.id != key)
            whole = next((b for b in (*held, *seen.get(key, ())) if same(a, b)), None)
            if whole is not None:
                aid = whole.id
                if a.text and is_teaser_of(a.text, whole.text, min_chars=1):
                    cut.add(n)
        if key is not None and n not in cut:
            seen.setdefault(key, []).append(replace(a, id=aid))
        out.append(aid)
    return out, cut


def one_text(a: Article, b: Article, config: ClusterConfig = DEFAULT_CONFIG) -> bool:
    """Whether `a` and `b` are one article's texts: the same, one the other's teaser
    (`text.teasers`), near-duplicates (a corrected version), or one without a body (a page
    read as its headline alone)."""
    if not a.text or not b.text or a.content_hash == b.content_hash:
        return True
    if is_teaser_of(a.text, b.text) or is_teaser_of(b.text, a.text):
        return True
    return bool(near_duplicate_pairs([replace(a, id="a"), replace(b, id="b")], config))


def placed_times(
    articles: Sequence[Article], stored: dict[str, float], now: datetime
) -> dict[str, float]:
    """Where each of a batch's articles without a publication time sits in time (POSIX
    seconds; the clustering window and the loading of the story index go by it): the time a
    stored version of it had (`stored`: a new version keeps its place), else the batch's
    time: the median publication time of the batch's dated articles, new, changed or already
    stored (the upper one of an even count: an article's own time), or `now` when none has
    one. Undated articles of a pasted set of reports thus sit with the dated ones, and one
    arriving alone sits at the time it came; they are compared with the articles around that
    time, not with every stored article (which made a running index load the whole store)."""
    dated = sorted(a.published.timestamp() for a in articles if a.published is not None)
    batch = dated[len(dated) // 2] if dated else now.timestamp()
    return {a.id: stored.get(a.id, batch) for a in articles if a.published is None}


def _placed(blob: bytes, time: float) -> Features:
    """Stored features at the article's stored time (an article stored without a time before
    `placed_times` has None in its features, and its time in the store)."""
    f = Features.from_bytes(blob)
    return f if f.published_s is not None else replace(f, published_s=time)


Interval = tuple[datetime, datetime]


def _missing(interval: Interval, held: Sequence[Interval]) -> list[Interval]:
    """The parts of `interval` that the sorted, disjoint `held` intervals do not cover."""
    lo, hi = interval
    out = []
    for a, b in held:
        if b < lo or a > hi:
            continue
        if a > lo:
            out.append((lo, a))
        lo = max(lo, b)
    if lo < hi:
        out.append((lo, hi))
    return out


def _joined(held: Sequence[Interval], interval: Interval) -> list[Interval]:
    """`held` (sorted, disjoint) with `interval` added, overlapping ones merged."""
    out: list[Interval] = []
    lo, hi = interval
    for a, b in held:
        if b < lo or a > hi:
            out.append((a, b))
        else:
            lo, hi = min(lo, a), max(hi, b)
    out.append((lo, hi))
    return sorted(out)


def _row(
    a: Article, story: str, features: Features, signals: dict, *, analyse: bool
) -> StoredArticle:
    row = StoredArticle(
        article=a,
        story=story,
        sentences=None,
        facts=None,
        features=features.to_bytes(),
        signals=signals,
        time=features.published_s,
        source=source_file(a.origin),
    )
    return analysed_row(row) if analyse else row


def analysed_row(row: StoredArticle) -> StoredArticle:
    sentences = split_sentences(row.article)
    return replace(row, sentences=sentences, facts=extract_facts(row.article, sentences))


def analysed(store: Store, rows: list[StoredArticle]) -> list[StoredArticle]:
    """`rows` with sentences and facts, analysing (and saving) those stored without. Only
    the analysis is saved (`Store.save_analysis`): the rows may have been read outside the
    write lock, and writing them whole would undo what another process changed meanwhile."""
    rows, done = _analysed_rows(rows)
    if done:
        store.save_analysis(done)
    return rows


def _analysed_rows(rows: list[StoredArticle]) -> tuple[list[StoredArticle], list[StoredArticle]]:
    """`rows` with sentences and facts, and those of them analysed here (not saved)."""
    done = {r.article.id: analysed_row(r) for r in rows if r.sentences is None or r.facts is None}
    return [done.get(r.article.id, r) for r in rows], list(done.values())


def story_document(store: Store, story_id: str) -> dict | None:
    """The story's JSON document, built (and cached) first when its analysis was deferred."""
    doc = store.story_doc(story_id)
    if doc is not None or not store.has_story(story_id):
        return doc
    story = store.resolve(story_id)
    # The slow part (Kiwi, facts) outside the write transaction, so that it does not hold off
    # other writers; the rebuild re-reads the story and analyses only what arrived meanwhile.
    rows, done = _analysed_rows(store.story_articles(story))
    try:
        if done:
            store.save_analysis(done)
        with store.transaction():
            Newsroom(store)._rebuild(story)
    except Exception as exc:
        if not (is_busy(exc) or is_read_only(exc) or is_gone(exc) or is_full(exc)):
            raise
        # another process holds the write lock past the wait (a long re-decision), or the
        # store may only be read here (a read-only volume or role; its file replaced under
        # a running `serve`, which reads on from the file it opened), or its disk is full:
        # the document is built all the same and shown, not cached; a reader waited 10 s for
        # a bare 500 before, and a reader of a read-only store got the database's traceback
        # (black-box cases)
        return _uncached(store, story, rows)
    return store.story_doc(story)


def _uncached(store: Store, story: str, rows: list[StoredArticle]) -> dict | None:
    if not rows:
        return None
    hand = store.hand_placed([r.article.id for r in rows])  # (analysed: `story_document`)
    doc = build_story(story, rows, redirects=store.redirects_into(story), hand=hand.keys())
    return json.loads(json.dumps(codec.story_to_json(doc), ensure_ascii=False))


def cluster_items(
    items: Sequence[RawItem | InputError],
    *,
    config: ClusterConfig = DEFAULT_CONFIG,
    workers: int | None = None,
) -> list[dict]:
    """The grouping half of ingest with no store: one {"id","story"} per item, in order, or
    {"line": N, "error": ...} for an item that cannot be used (item k is line k + 1).
    `workers`: processes that extract a large input (None: one per core)."""
    raws = [(pos, item) for pos, item in enumerate(items) if not isinstance(item, InputError)]

    def prepared() -> Iterator[tuple[int, PreparedId]]:
        for pos, item in enumerate(items):
            if isinstance(item, InputError):
                yield pos, Dropped(item.origin, item.message)
        positions = iter(pos for pos, _ in raws)
        for chunk in _prepared([r for _, r in raws], config, workers, ids_only=True):
            for got, pos in zip(chunk, positions, strict=False):  # chunk first: it ends the zip
                yield pos, got

    return _cluster(len(items), prepared(), config)


def cluster_file(
    path: str, *, config: ClusterConfig = DEFAULT_CONFIG, workers: int | None = None
) -> list[dict]:
    """`cluster_items(list(read_jsonl(path, the file's text, keep_blank=True)))` for a
    regular JSONL file, which the worker processes read themselves (`ingest.spans`): this
    process only finds where its lines end, so it neither decodes the text nor sends it (for
    50,000 articles, 213 MB: ~2 CPU-s less in this process while the workers run, 600 MB
    less memory). A line that is not UTF-8 is an error of that line."""
    path = os.path.abspath(path)  # a forkserver's workers do not share this directory
    ends = line_ends(path)
    workers, size = _plan(len(ends), workers)
    parts = spans(ends, size)

    def prepared() -> Iterator[tuple[int, PreparedId]]:
        done = _mapped(_prepare_span, parts, workers, repeat(path), repeat(config))
        for part, chunk in zip(parts, done, strict=True):
            yield from enumerate(chunk, start=part.first_line - 1)

    return _cluster(len(ends), prepared(), config)


def _cluster(
    n: int, prepared: Iterable[tuple[int, PreparedId]], config: ClusterConfig
) -> list[dict]:
    """The story of each of `n` items from (position, why it was dropped or (id, features)),
    in order. The index reads the articles as they are prepared (it counts their terms
    meanwhile)."""
    out: list[dict | None] = [None] * n
    placed: list[int] = []  # position of each article the index reads, in its order
    first: set[str] = set()  # the ids placed
    # a line giving an id again (the same article, or a newer version of it: docs/contracts.md):
    # its story is its first line's
    again: list[tuple[int, str]] = []

    def articles() -> Iterator[tuple[str, Features]]:
        for pos, got in prepared:
            if isinstance(got, Dropped):
                out[pos] = {"line": pos + 1, "error": got.reason}
                continue
            aid, _ = got
            if aid in first:
                again.append((pos, aid))
                continue
            first.add(aid)
            placed.append(pos)
            yield got

    index = StoryIndex(config)
    assignments = index.add_many(articles())
    for pos, x in zip(placed, assignments, strict=True):
        out[pos] = {"id": x.article, "story": index.resolve(x.story)}
    for pos, aid in again:
        out[pos] = {"id": aid, "story": index.story_of(aid)}
    return [o for o in out if o is not None]


Prepared = tuple[Article, Features] | Dropped
PreparedId = tuple[str, Features] | Dropped


def _prepare(
    items: Iterable[RawItem | InputError], config: ClusterConfig, ids_only: bool = False
) -> list[Prepared] | list[PreparedId]:
    """Each item extracted, with its cluster features (pure: runs in worker processes; with
    `ids_only` the article's id instead of the article, which is cheaper to send back); an
    item that could not be read is dropped with its message."""
    out: list = []
    for item in items:
        got = Dropped(item.origin, item.message) if isinstance(item, InputError) else extract(item)
        if isinstance(got, Dropped):
            out.append(got)
        else:
            out.append((got.id if ids_only else got, article_features(got, config)))
    return out


def _prepare_span(span: Span, path: str, config: ClusterConfig) -> list[PreparedId]:
    """`_prepare` of the file's lines in `span`, read here (in a worker process)."""
    return _prepare(read_span(path, span, path), config, ids_only=True)  # type: ignore[return-value]


def _prepared(
    items: Sequence[RawItem], config: ClusterConfig, workers: int | None, *, ids_only: bool = False
) -> Iterator[list]:
    """`_prepare` over `items` in chunks, in order: in this process, or in a pool of
    `workers` processes (None: one per core when there are at least PARALLEL_MIN_ITEMS)."""
    workers, size = _plan(len(items), workers)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    yield from _mapped(_prepare, chunks, workers, repeat(config), repeat(ids_only))


def _plan(n: int, workers: int | None) -> tuple[int, int]:
    """How many processes prepare `n` items (None: one per core when there are at least
    PARALLEL_MIN_ITEMS, else this one) and how many items each task hands one of them."""
    if workers is None:
        workers = len(os.sched_getaffinity(0)) if n >= PARALLEL_MIN_ITEMS else 1
    return workers, max(1, min(CHUNK_ITEMS, -(-n // (4 * max(workers, 1)))))


def _mapped(fn: Callable[..., list], chunks: Sequence, workers: int, *args: Iterable) -> Iterator:
    """`map(fn, chunks, *args)`: in this process, or in a pool of `workers` processes.

    The pool forks this process when that is safe (`_start_method`); then this process
    prepares the first chunk itself before forking, so the workers start with everything it
    loaded on the way (imports, compiled kernels, data tables: ~1 s a process) instead of each
    loading it again."""
    tasks = list(zip(chunks, *args, strict=False))  # args may be endless (`repeat`)
    if workers <= 1 or len(tasks) <= 1:
        yield from (fn(*task) for task in tasks)
        return
    if _start_method() == "fork":
        yield fn(*tasks[0])
        tasks = tasks[1:]
    method = _start_method()  # again: the caller ran meanwhile and may have started a thread
    with ProcessPoolExecutor(workers, mp_context=get_context(method)) as pool:
        yield from pool.map(fn, *zip(*tasks, strict=True))


def _start_method() -> str:
    """fork when no other Python thread runs in this process (a fork while another thread
    holds a lock can deadlock the child: a server), where the platform offers fork, on
    Python < 3.12 (later versions warn about any fork of a process with native threads, and
    numpy's BLAS starts some); else forkserver."""
    if (
        sys.version_info < (3, 12)
        and threading.active_count() == 1
        and "fork" in get_all_start_methods()
    ):
        return "fork"
    return "forkserver"
