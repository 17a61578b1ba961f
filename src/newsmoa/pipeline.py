"""Composes the stages; holds no logic of its own.

    read (ingest) -> extract -> features -> story index (cluster) -> sentences, facts (text,
    facts) -> store -> consolidated story documents (reconcile)

`Newsroom` keeps the one piece of state, the story index, warm across batches (the server,
`watch` and benchmarks call it per article); `cluster_items` runs the grouping half with no
store (`newsmoa cluster`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from newsmoa import codec
from newsmoa.cluster import DEFAULT_CONFIG, ClusterConfig, Features, StoryIndex, article_features
from newsmoa.errors import InputError
from newsmoa.extract.article import Dropped, extract
from newsmoa.facts import extract_facts
from newsmoa.reconcile.align import reading_order
from newsmoa.reconcile.story import build_story, story_title
from newsmoa.store.base import Store, StoredArticle
from newsmoa.text.sentences import split_sentences
from newsmoa.types import Article, RawItem

Progress = Callable[[int], None]


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    joined_existing: int = 0  # new articles that joined a story stored before this batch
    new_stories: int = 0
    merged_stories: int = 0
    dropped: Counter[str] = field(default_factory=Counter)  # reason -> count
    errors: list[str] = field(default_factory=list)  # one line each, naming the input
    stories: list[str] = field(default_factory=list)  # stories this batch touched

    @property
    def failed(self) -> bool:
        return bool(self.errors)


class Newsroom:
    """A store plus the warm story index: `ingest` adds articles and rebuilds their stories."""

    def __init__(self, store: Store, *, config: ClusterConfig = DEFAULT_CONFIG) -> None:
        self.store = store
        self.config = config
        self.index = StoryIndex(config)
        self._loaded: set[str] = set()
        self._span: tuple[datetime, datetime] | None = None
        self._all_loaded = False
        self._stories: set[str] = set()  # story ids the index holds

    def ingest(
        self,
        items: Iterable[RawItem | InputError],
        *,
        progress: Progress | None = None,
        defer_analysis: bool = False,
    ) -> IngestReport:
        """Add `items`; their stories' documents are rebuilt, or with `defer_analysis` (bulk
        archives) only listed, and sentences, facts and documents are made when first shown."""
        report = IngestReport()
        articles: dict[str, Article] = {}
        for item in items:
            if isinstance(item, InputError):
                report.errors.append(str(item))
            else:
                got = extract(item)
                if isinstance(got, Dropped):
                    report.dropped[got.reason] += 1
                elif got.id in articles:
                    report.dropped["same id twice in this batch"] += 1
                else:
                    articles[got.id] = got
            if progress:
                progress(1)
        known = self.store.known_hashes(list(articles))
        fresh = [a for a in articles.values() if a.id not in known]
        changed = [a for a in articles.values() if a.id in known and known[a.id] != a.content_hash]
        report.unchanged = len(articles) - len(fresh) - len(changed)
        report.added, report.updated = len(fresh), len(changed)
        if not fresh and not changed:
            return report
        rows = self._place(fresh, changed, report, analyse=not defer_analysis)
        with self.store.transaction():
            self.store.save_articles(rows)
            merged = {
                old: new
                for old, new in self.index.redirects.items()
                if self.store.resolve(old) == old and old != new
            }
            if merged:
                self.store.save_redirects(merged)
                report.merged_stories = len(merged)
            touched = sorted({self.index.resolve(r.story) for r in rows})
            for story in touched:
                if defer_analysis:
                    self._list(story)
                else:
                    self._rebuild(story)
        report.stories = touched
        return report

    def _place(
        self,
        fresh: Sequence[Article],
        changed: Sequence[Article],
        report: IngestReport,
        *,
        analyse: bool,
    ) -> list[StoredArticle]:
        """Story for each new article (changed ones keep theirs), plus text analysis."""
        features = {a.id: article_features(a, self.config) for a in [*fresh, *changed]}
        self._restore_window([*fresh, *changed])
        before = set(self._stories)
        assignments = self.index.add_many([(a.id, features[a.id]) for a in fresh])
        placed = {x.article: x for x in assignments}
        for a in fresh:
            x = placed[a.id]
            if x.founded:
                report.new_stories += 1
            elif x.story in before:
                report.joined_existing += 1
            self._loaded.add(a.id)
            self._stories.add(x.story)
        rows = []
        for a in fresh:
            x = placed[a.id]
            rows.append(_row(a, x.story, features[a.id], dict(x.signals), analyse=analyse))
        stored = self.store.stories_of([a.id for a in changed])
        for a in changed:  # a new version keeps its story
            rows.append(_row(a, stored[a.id], features[a.id], {"updated": True}, analyse=analyse))
        return rows

    def _restore_window(self, articles: Sequence[Article]) -> None:
        """Load into the index the stored articles that new ones could join (their time window)."""
        if self._all_loaded:
            return
        times = [a.published for a in articles if a.published]
        pad = timedelta(hours=self.config.window_hours)
        if len(times) < len(articles) or not times:
            lo = hi = None
            self._all_loaded = True
        else:
            lo, hi = min(times) - pad, max(times) + pad
            if self._span and self._span[0] <= lo and hi <= self._span[1]:
                return
            if self._span:
                lo, hi = min(lo, self._span[0]), max(hi, self._span[1])
            self._span = (lo, hi)
        entries = [
            (aid, story, Features.from_bytes(blob))
            for aid, story, blob in self.store.index_entries(lo, hi)
            if aid not in self._loaded
        ]
        if entries:
            self.index.restore(entries, self.store.redirects())
            self._loaded.update(aid for aid, _, _ in entries)
            self._stories.update(self.index.resolve(story) for _, story, _ in entries)

    def _rebuild(self, story: str) -> None:
        rows = analysed(self.store, self.store.story_articles(story))
        if not rows:
            self.store.delete_story(story)
            return
        redirects = sorted(old for old, new in self.store.redirects().items() if new == story)
        self.store.save_story(codec.story_to_json(build_story(story, rows, redirects=redirects)))

    def _list(self, story: str) -> None:
        """List a story without building its document (deferred analysis)."""
        rows = self.store.story_articles(story)
        if not rows:
            self.store.delete_story(story)
            return
        articles = [r.article for r in rows]
        dated = [a.published for a in articles if a.published]
        self.store.save_story_summary(
            {
                "id": story,
                "title": story_title(reading_order(articles)),
                "first_published": codec.iso(min(dated)) if dated else None,
                "outlets": sorted({a.outlet for a in articles if a.outlet}),
                "article_count": len(articles),
            }
        )


def _row(
    a: Article, story: str, features: Features, signals: dict, *, analyse: bool
) -> StoredArticle:
    if not analyse:
        return StoredArticle(
            article=a,
            story=story,
            sentences=None,
            facts=None,
            features=features.to_bytes(),
            signals=signals,
        )
    sentences = split_sentences(a)
    return StoredArticle(
        article=a,
        story=story,
        sentences=sentences,
        facts=extract_facts(a, sentences),
        features=features.to_bytes(),
        signals=signals,
    )


def analysed(store: Store, rows: list[StoredArticle]) -> list[StoredArticle]:
    """`rows` with sentences and facts, analysing (and saving) those stored without."""
    missing = [r for r in rows if r.sentences is None or r.facts is None]
    if not missing:
        return rows
    done = {}
    for r in missing:
        sentences = split_sentences(r.article)
        done[r.article.id] = replace(
            r, sentences=sentences, facts=extract_facts(r.article, sentences)
        )
    store.save_articles(list(done.values()))
    return [done.get(r.article.id, r) for r in rows]


def story_document(store: Store, story_id: str) -> dict | None:
    """The story's JSON document, built (and cached) first when its analysis was deferred."""
    doc = store.story_doc(story_id)
    if doc is not None or not store.has_story(story_id):
        return doc
    story = store.resolve(story_id)
    with store.transaction():
        Newsroom(store)._rebuild(story)
    return store.story_doc(story)


def cluster_items(
    items: Sequence[RawItem | InputError], *, config: ClusterConfig = DEFAULT_CONFIG
) -> list[dict]:
    """The grouping half of ingest with no store: one {"id","story"} per item, in order, or
    {"line": N, "error": ...} for an item that cannot be used (item k is line k + 1)."""
    out: list[dict | None] = [None] * len(items)
    batch: list[tuple[int, Article]] = []
    for pos, item in enumerate(items):
        if isinstance(item, InputError):
            out[pos] = {"line": pos + 1, "error": item.message}
            continue
        got = extract(item)
        if isinstance(got, Dropped):
            out[pos] = {"line": pos + 1, "error": got.reason}
        else:
            batch.append((pos, got))
    index = StoryIndex(config)
    unique = list({a.id: a for _, a in reversed(batch)}.values())  # first of each id
    assignments = index.add_many([(a.id, article_features(a, config)) for a in unique])
    by_article = {x.article: x for x in assignments}
    for pos, a in batch:
        out[pos] = {"id": a.id, "story": index.resolve(by_article[a.id].story)}
    return [o for o in out if o is not None]
