"""The store's one interface; SQLite and PostgreSQL implement it. SQL lives in store/ only.

StoredArticle  an article with what the pipeline derived from it (story, sentences, facts,
               cluster features, the signals that placed it, its place in time)
Store          articles, story documents (the Story JSON, cached at ingest), redirects
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from newsmoa.types import Article, Fact, Sentence

if TYPE_CHECKING:  # (not loaded with the stored types: the stamp covers those, `stamp`)
    from newsmoa.store.search import SearchQuery


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """`sentences`/`facts` are None until the article is analysed (deferred analysis).

    `time`: where the article sits in time (POSIX seconds), which the clustering window and
    the loading of the story index go by: its publication time, or for an article without one
    the time the pipeline gave it (`pipeline.placed_times`); None: its publication time, or
    without one the time stored for it before, or the time it is first saved (the store
    keeps a time for every article)."""

    article: Article
    story: str
    sentences: tuple[Sentence, ...] | None = ()
    facts: tuple[Fact, ...] | None = ()
    features: bytes = b""
    signals: Mapping[str, Any] = field(default_factory=dict)
    version: int = 1
    time: float | None = None
    # the local file an article without an id was last read from, resolved
    # (`readers.source_file`): the file's edited article is a new version of it
    source: str | None = None


class Store(Protocol):
    name: str  # the store as the user named it (a path, or a URL without its password)

    def close(self) -> None: ...

    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""
        ...

    def snapshot(self) -> AbstractContextManager[None]:
        """Reads inside see one state of the store, whatever other writers commit meanwhile
        (no write lock; no writes inside)."""
        ...

    def known_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """Content hash of each stored article among `ids`."""
        ...

    def replaced_hashes(self, ids: Sequence[str]) -> dict[str, set[str]]:
        """The content hashes each stored article among `ids` had before its current text
        (its replaced versions)."""
        ...

    def read_from(self, sources: Sequence[str]) -> dict[str, list[Article]]:
        """For each of the local files `sources` (`StoredArticle.source`) stored articles
        came from, those articles (as stored now, in id order)."""
        ...

    def sources_of(self, ids: Sequence[str]) -> dict[str, str]:
        """The file each stored article among `ids` was last read from, where it has one."""
        ...

    def origins_of(self, ids: Sequence[str]) -> dict[str, str]:
        """The origin each stored article among `ids` has in its current version (the input
        it was read from, as that input named it: `a.jsonl:7`, a URL)."""
        ...

    def move_sources(self, moved: Mapping[str, str]) -> None:
        """Each stored article in `moved` is now read from the file given (its file was
        renamed or moved): an edit of that file is then a new version of it."""
        ...

    def outlets_of(self, ids: Sequence[str]) -> dict[str, str | None]:
        """The outlet of each stored article among `ids` (None: not known)."""
        ...

    def published_of(self, ids: Sequence[str]) -> dict[str, str | None]:
        """The publication time of each stored article among `ids`, as stored (ISO; None:
        not known)."""
        ...

    def holding(self, hashes: Sequence[str]) -> dict[str, list[tuple[str, str | None, bool]]]:
        """For each of the content hashes `hashes`, the stored articles whose text has it:
        (id, outlet or None, whether it is a press release), in id order."""
        ...

    def ids_by_url(self, keys: Sequence[str]) -> dict[str, list[tuple[str, str | None]]]:
        """For each of the URL keys `keys` (`extract.urls.url_key`), the stored articles
        read from that address, whatever id they were stored under (a feed's `tag:` guid,
        an aggregator's link that led there): (id, outlet or None), in id order."""
        ...

    def features_of(self, ids: Sequence[str]) -> dict[str, bytes]:
        """The stored `Features` blob of each stored article among `ids`."""
        ...

    def texts_of(self, ids: Sequence[str]) -> dict[str, str]:
        """The stored text of each stored article among `ids`."""
        ...

    def signals_of(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The signals stored with each stored article among `ids` (why it is in its story)."""
        ...

    def stories_of(self, ids: Sequence[str]) -> dict[str, str]:
        """Story id (as stored, following redirects) of each stored article among `ids`."""
        ...

    def stored_as(self, ids: Sequence[str]) -> dict[str, tuple[StoredArticle, bool]]:
        """Each stored article among `ids` as stored, with its sentences and facts whichever
        code derived them (what `newsmoa refresh` compares), and whether this code did
        (`newsmoa.stamp`)."""
        ...

    def stale_stories(self) -> list[str]:
        """The stories whose document is not built, or was built by other code
        (`newsmoa.stamp`): what `newsmoa refresh` builds again."""
        ...

    def save_articles(self, rows: Sequence[StoredArticle]) -> None:
        """Insert, or replace as a new version (the old text kept in the history)."""
        ...

    def save_analysis(self, rows: Sequence[StoredArticle]) -> None:
        """Store the sentences and facts of `rows` with the stamp of the code that found them
        (`newsmoa.stamp`), each only where the stored article is still the version analysed
        (same content hash), and nothing else of them: what another process wrote meanwhile
        (a move, a new version, a merge) stays."""
        ...

    def article_times(self, ids: Sequence[str]) -> dict[str, float]:
        """The time (`StoredArticle.time`) of each stored article among `ids`."""
        ...

    def index_entries(
        self, lo: datetime | None, hi: datetime | None
    ) -> Iterator[tuple[str, str, bytes, float]]:
        """(article id, story id, features, time) of the articles whose time is in [lo, hi]
        (None: every article)."""
        ...

    def features_before(self, when: datetime, n: int) -> list[tuple[str, bytes]]:
        """(article id, features) of the `n` latest articles whose time is before `when`."""
        ...

    def story_sizes(self, stories: Sequence[str]) -> dict[str, int]:
        """How many stored articles each of `stories` has, counting those stored under an id
        absorbed into it (absent: none)."""
        ...

    def story_id_known(self, story: str) -> bool:
        """Whether an article, a listing or a redirect has (or had) this story id."""
        ...

    def story_ids_known(self, stories: Sequence[str]) -> set[str]:
        """Those of `stories` that `story_id_known` would say are known, in a few queries."""
        ...

    def story_ids_starting(self, prefix: str, limit: int = 10) -> dict[str, str | None]:
        """The stories (as they are now, following redirects) whose id, or an id absorbed
        into them, starts with `prefix`, in id order, with their titles (None: not listed
        yet); at most `limit`."""
        ...

    def newest_time(
        self, before: datetime | None = None, *, dated: bool = False
    ) -> datetime | None:
        """The latest time of a stored article: its publication time, or for one without,
        the time its batch was placed at; with `before`, the latest not after it; with
        `dated`, of the articles that have a publication time only (None: no such
        article)."""
        ...

    def story_articles(self, story: str) -> list[StoredArticle]:
        """The story's articles; sentences and facts None where not analysed, or analysed
        by other code (another `newsmoa.stamp`)."""
        ...

    def story_listings(self, stories: Sequence[str]) -> dict[str, list[Article]]:
        """Each story's articles as its listing needs them, read cheaply and in a few queries:
        every field but the text (`text` is ""), no sentences or facts; a story without
        articles is absent."""
        ...

    def move_articles(self, moves: Mapping[str, tuple[str, Mapping[str, Any]]]) -> None:
        """Put each article in another story: id -> (story, the signals of that decision)."""
        ...

    def save_redirects(self, redirects: Mapping[str, str]) -> None:
        """Absorb stories (old -> surviving id): their articles move, their listings go. A
        surviving id absorbed meanwhile is followed to the story it went to, so no chain of
        redirects holds articles; one that leads back to `old` is refused (`StoreError`)."""
        ...

    def mark_unsettled(self, ids: Sequence[str]) -> None:
        """Queue stored articles for the next re-decision of their window: they were placed
        (or changed) seeing only what came before them. The queue keeps each one's time as
        stored now; a new version that moves it in time is queued again (`Newsroom._save`)."""
        ...

    def unsettled_among(self, ids: Sequence[str]) -> set[str]:
        """Which of `ids` are queued."""
        ...

    def unsettled(self, limit: int | None = None) -> list[tuple[str, float]]:
        """The queued articles (`mark_unsettled`), whoever queued them, with their time
        (`StoredArticle.time`), oldest first; at most `limit` (None: all)."""
        ...

    def settle(self, ids: Sequence[str] | None) -> None:
        """Take articles off the queue (their window was decided again); None: all of them."""
        ...

    def hand_placed(self, ids: Sequence[str]) -> dict[str, str]:
        """Of `ids`, the articles an editor placed (`newsmoa.corrections`), with the story
        each is in (resolved): no automatic decision moves them."""
        ...

    def hand_stories(self, stories: Iterable[str]) -> set[str]:
        """Of `stories` (surviving ids), those holding an article an editor placed: no
        automatic decision absorbs them or merges two of them."""
        ...

    def place_by_hand(self, placements: Mapping[str, str]) -> None:
        """Record that an editor put each article (id -> story) where it is."""
        ...

    def release(self, ids: Sequence[str]) -> None:
        """Forget that an editor placed these articles: decisions may move them again."""
        ...

    def log_correction(self, action: str, detail: Mapping[str, Any]) -> int:
        """Append an editor's correction to the log (in the transaction that makes it);
        returns its number, 1 for the first."""
        ...

    def corrections(self, *, after: int = 0, limit: int | None = None) -> list[dict[str, Any]]:
        """The log of corrections, oldest first: {n, at, action, **detail}; those numbered
        after `after`, at most `limit` of them (None: all)."""
        ...

    def corrections_made(self) -> int:
        """How many corrections the log holds: a process whose story index was loaded at
        another count holds stories an editor has changed since."""
        ...

    def redirects(self) -> dict[str, str]: ...

    def redirects_from(self, stories: Iterable[str]) -> dict[str, str]:
        """The redirects (old -> new) on the chains from `stories` to the ids they resolve to:
        what resolving them needs, read by key."""
        ...

    def repoint(self, targets: Mapping[str, str]) -> None:
        """Each absorbed id in `targets` leads to the live story given, straight; one given
        itself names a story again (its redirect is forgotten). An id absorbed through one of
        them (Y -> X -> S) and not in `targets` keeps leading where it led (to S). An
        editor's correction, and a decision taken again, send a merged story's id where the
        article it was made from now is (`corrections`, `recluster.give_back`)."""
        ...

    def redirects_into(self, story: str) -> list[str]:
        """The ids that redirect to `story` (merged into it, straight or through a story
        merged into it later), sorted."""
        ...

    def resolve(self, story: str) -> str:
        """The surviving id of a story that may have been merged into another."""
        ...

    def save_story(self, doc: Mapping[str, Any]) -> None:
        """Cache a story's JSON document (the Story contract)."""
        ...

    def save_story_summary(self, summary: Mapping[str, Any]) -> None:
        """List a story whose document is not built yet ({id, title, first_published,
        outlets, article_count}); `story_doc` then returns None until `save_story`."""
        ...

    def save_story_summaries(self, summaries: Sequence[Mapping[str, Any]]) -> None:
        """`save_story_summary` for many stories at once."""
        ...

    def has_story(self, story: str) -> bool: ...

    def delete_story(self, story: str) -> None: ...

    def story_doc(self, story: str) -> dict[str, Any] | None:
        """The story's document, following redirects; None when unknown, not built yet, or
        built by other code (another `newsmoa.stamp`)."""
        ...

    def release_carriers(self, stories: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Of `stories` (ids as stored) whose built document names a press release, its
        releases and the articles that carried them, as the document says (`release_carried_by`;
        one built by other code too: a carrier is an article of the story as it is, since a
        change to the story's articles drops its document): {"releases": [id, ...],
        "carried_by": [{"article", "outlet"}, ...]}. A story without a built document is
        left out."""
        ...

    def story_summaries(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        outlet: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[dict[str, Any]]:
        """Newest first: {id, title, first_published, outlets, article_count}; with `since`
        and `until`, those whose first time is in [since, until) (a story without a time is
        then left out)."""
        ...

    def search(
        self, query: SearchQuery, *, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """The stories whose articles hold every term of `query`, best first
        (`store.search.ranked`), from the `offset`-th, at most `limit` (None: all): each as
        `story_summaries` gives it, with `title_match`, `matches` and the first matching
        `articles` with their snippets (`store.search.result`)."""
        ...

    def changed_at(self, stories: Sequence[str]) -> dict[str, str]:
        """When each story's listing (title, outlets, article count) last changed (UTC,
        ISO 8601): what a feed reader is told as the entry's update."""
        ...

    def outlets(self) -> list[str]:
        """Every outlet with a stored article, sorted."""
        ...

    def counts(self) -> dict[str, int]: ...


def follow(redirects: Mapping[str, str], story: str) -> str:
    """Where `story` leads through a redirect table already read (`Store.resolve`)."""
    seen = {story}
    while (new := redirects.get(story)) is not None and new not in seen:
        story = new
        seen.add(story)
    return story


def is_busy(exc: BaseException | None) -> bool:
    """Whether an operation failed because another process held the store's write lock past
    the wait (SQLite's "database is locked"; PostgreSQL's lock errors), or raised the
    `StoreError` saying so (`access.BUSY`)."""
    import sqlite3

    while exc is not None:
        if isinstance(exc, sqlite3.OperationalError):
            return "locked" in str(exc) or "busy" in str(exc)
        if type(exc).__name__ in ("LockNotAvailable", "DeadlockDetected"):
            return True
        exc = exc.__cause__
    return False


def is_lost(exc: BaseException) -> bool:
    """Whether an operation failed because the database server went away under it
    (PostgreSQL shut down or restarted, the connection closed: psycopg's
    `OperationalError` and its subclasses such as `AdminShutdown`)."""
    return any(
        c.__name__ == "OperationalError" and c.__module__.startswith("psycopg")
        for c in type(exc).__mro__
    )
