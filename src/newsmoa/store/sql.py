"""The `Store` over a DB-API connection: the queries SQLite and PostgreSQL share.

Queries are written once with `?` placeholders and standard upserts (`ON CONFLICT ... DO
UPDATE`); a subclass opens the connection, brings the schema up to date, and fills in the
few places where the two SQL dialects differ (the hooks at the top of the class).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from newsmoa import codec
from newsmoa.errors import StoreError
from newsmoa.extract.urls import url_key
from newsmoa.stamp import analysis_stamp
from newsmoa.store.access import FULL, READ_ONLY, is_full, is_read_only
from newsmoa.store.base import StoredArticle, follow
from newsmoa.store.search import (
    AVERAGE_CHARS,
    K1,
    NOUN_ROWS,
    SHOWN_ARTICLES,
    TITLE_WEIGHT,
    ArticleHit,
    B,
    Found,
    SearchQuery,
    attests,
    bare,
    holds_all,
    kept,
    noun_marks,
    nouns,
    ranked,
    relevance,
    result,
    searched,
    titled,
    worded,
    words,
)
from newsmoa.types import Article

CHUNK = 500  # ids per IN (...) query, below SQLite's variable limit


class SQLStore:
    # Dialect hooks.
    PLACEHOLDER = "?"
    BEGIN = "BEGIN"
    READ = "BEGIN"  # a read transaction: what it reads is one snapshot of the store
    NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"  # a story's updated_at
    NO_LIMIT: int | None = -1
    HAS_OUTLET = "EXISTS (SELECT 1 FROM json_each(stories.outlets) WHERE value = ?)"

    db: Any  # the connection: `execute` returns a cursor, as sqlite3 and psycopg 3 do
    name: str  # the store as the user named it (a path or a URL without its password)

    def __init__(self) -> None:
        self._depth = 0

    def _sql(self, query: str) -> str:
        return query if self.PLACEHOLDER == "?" else query.replace("?", self.PLACEHOLDER)

    def _run(self, query: str, args: Sequence[Any] = ()) -> Any:
        return self.db.execute(self._sql(query), args)

    def _run_many(self, query: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.db.cursor().executemany(self._sql(query), rows)

    def _listing_docs(self, marks: str) -> str:
        """The query for `story_listings`: (story, article JSON, text left out if it can be)."""
        return (
            f"SELECT story, json_remove(doc, '$.text') FROM articles WHERE story IN ({marks})"
            " ORDER BY story, time_ts, id"
        )

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            try:
                yield
            except BaseException as exc:
                self._rollback()
                self._raise_read_only(exc)
                raise
            try:
                self.db.execute("COMMIT")
            except BaseException as exc:  # busy, a full disk: nothing of it is kept, it is over
                self._rollback()
                self._raise_read_only(exc)
                raise
        finally:
            self._depth = 0

    def _raise_read_only(self, exc: BaseException) -> None:
        """A write refused because the store may only be read here, or because its disk is
        full, as the `StoreError` naming the store and saying so (it was the database's
        traceback)."""
        if isinstance(exc, StoreError):
            return
        said = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if is_read_only(exc):
            raise StoreError(f"{self.name}: {READ_ONLY.format(why=said)}") from exc
        if is_full(exc):
            raise StoreError(f"{self.name}: {FULL.format(why=said)}") from exc

    def _rollback(self) -> None:
        """End a failed transaction. The database may have rolled it back already (SQLite does
        on some I/O errors), and then ROLLBACK fails too: the first error is the one raised."""
        with suppress(Exception):
            self.db.execute("ROLLBACK")

    def _begin(self) -> None:
        self.db.execute(self.BEGIN)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        if self._depth:  # inside a transaction: already one view
            yield
            return
        self.db.execute(self.READ)
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    def _in_chunks(self, query: str, ids: Iterable[str]) -> Iterator[Any]:
        """`query` run over `ids` in chunks below the databases' limits on parameters, one
        cursor a chunk; "{marks}" in `query` stands for the placeholders of the IN list."""
        ids = list(ids)
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i : i + CHUNK]
            yield self._run(query.format(marks=",".join("?" * len(chunk))), chunk)

    def _rows_in(self, query: str, ids: Iterable[str]) -> Iterator[Any]:
        """The rows of `query` over `ids` (`_in_chunks`)."""
        for cursor in self._in_chunks(query, ids):
            yield from cursor

    def _by_ids(self, column: str, ids: Sequence[str]) -> dict[str, Any]:
        query = f"SELECT id, {column} FROM articles WHERE id IN ({{marks}})"
        return dict(self._rows_in(query, ids))

    def known_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        return self._by_ids("content_hash", ids)

    def replaced_hashes(self, ids: Sequence[str]) -> dict[str, set[str]]:
        query = "SELECT id, content_hash FROM article_versions WHERE id IN ({marks})"
        out: dict[str, set[str]] = {}
        for aid, digest in self._rows_in(query, ids):
            out.setdefault(aid, set()).add(digest)
        return out

    def outlets_of(self, ids: Sequence[str]) -> dict[str, str | None]:
        return self._by_ids("outlet", ids)

    def published_of(self, ids: Sequence[str]) -> dict[str, str | None]:
        return self._by_ids("published", ids)

    def holding(self, hashes: Sequence[str]) -> dict[str, list[tuple[str, str | None, bool]]]:
        query = "SELECT content_hash, id, outlet, doc FROM articles WHERE content_hash IN ({marks})"
        out: dict[str, list[tuple[str, str | None, bool]]] = {}
        for digest, aid, outlet, doc in sorted(self._rows_in(query, hashes)):
            release = bool(json.loads(doc).get("is_release"))
            out.setdefault(digest, []).append((aid, outlet, release))
        return out

    def ids_by_url(self, keys: Sequence[str]) -> dict[str, list[tuple[str, str | None]]]:
        query = "SELECT url_key, id, outlet FROM articles WHERE url_key IN ({marks})"
        out: dict[str, list[tuple[str, str | None]]] = {}
        for key, aid, outlet in sorted(self._rows_in(query, keys)):
            out.setdefault(key, []).append((aid, outlet))
        return out

    def features_of(self, ids: Sequence[str]) -> dict[str, bytes]:
        return {aid: bytes(blob) for aid, blob in self._by_ids("features", ids).items()}

    def texts_of(self, ids: Sequence[str]) -> dict[str, str]:
        return {aid: json.loads(d).get("text") or "" for aid, d in self._by_ids("doc", ids).items()}

    def signals_of(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        return {aid: json.loads(s) for aid, s in self._by_ids("signals", ids).items()}

    def stories_of(self, ids: Sequence[str]) -> dict[str, str]:
        return self._resolved(self._by_ids("story", ids))

    def _resolved(self, stories: Mapping[str, str]) -> dict[str, str]:
        """Each article's story (id -> story as stored), followed to the id it survives as."""
        redirects = self.redirects_from(set(stories.values()))
        return {aid: follow(redirects, story) for aid, story in stories.items()}

    def redirects_from(self, stories: Iterable[str]) -> dict[str, str]:
        return self._chains(stories, forward=True)

    def _chains(self, stories: Iterable[str], *, forward: bool) -> dict[str, str]:
        """The redirects (old -> new) on the chains leaving `stories` (`forward`) or arriving
        at them: a few key lookups a link, not the whole table (which grows with every merge
        the store has seen)."""
        query = f"SELECT old, new FROM redirects WHERE {'old' if forward else 'new'} IN ({{marks}})"
        out: dict[str, str] = {}
        seen: set[str] = set()
        frontier = set(stories)
        while frontier:
            seen |= frontier
            found = [(old, new) for old, new in self._rows_in(query, sorted(frontier))]
            out.update(found)
            frontier = {(new if forward else old) for old, new in found} - seen
        return out

    def save_articles(self, rows: Sequence[StoredArticle]) -> None:
        """Batched: one query per chunk for what is stored, then executemany writes."""
        with self.transaction():
            ids = [r.article.id for r in rows]
            query = (
                "SELECT id, version, content_hash, doc, time_ts FROM articles WHERE id IN ({marks})"
            )
            old: dict[str, tuple[int, str, str, float]] = {
                aid: (version, chash, doc, t)
                for aid, version, chash, doc, t in self._rows_in(query, ids)
            }
            history, values = [], []
            for row in rows:
                a = row.article
                version = 1
                kept = None
                if a.id in old:
                    prev_version, prev_hash, prev_doc, kept = old[a.id]
                    version = prev_version + (prev_hash != a.content_hash)
                    if prev_hash != a.content_hash:
                        history.append((a.id, prev_version, prev_hash, prev_doc))
                values.append(article_values(row, version, kept))
            self._run_many(
                "INSERT INTO article_versions (id, version, content_hash, doc) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (id, version) DO UPDATE"
                " SET content_hash = excluded.content_hash, doc = excluded.doc",
                history,
            )
            self._run_many(_PUT_ARTICLE, values)
            self._run_many(_PUT_TEXT, [(r.article.id, *searched(r.article)) for r in rows])

    def read_from(self, sources: Sequence[str]) -> dict[str, list[Article]]:
        query = "SELECT source, doc FROM articles WHERE source IN ({marks}) ORDER BY id"
        out: dict[str, list[Article]] = {}
        for source, doc in self._rows_in(query, sources):
            out.setdefault(source, []).append(codec.article_from_json(json.loads(doc)))
        return out

    def origins_of(self, ids: Sequence[str]) -> dict[str, str]:
        docs = self._by_ids("doc", ids).items()
        return {aid: json.loads(d).get("origin") or "" for aid, d in docs}

    def move_sources(self, moved: Mapping[str, str]) -> None:
        with self.transaction():
            self._run_many(
                "UPDATE articles SET source = ? WHERE id = ?",
                [(src, aid) for aid, src in sorted(moved.items())],
            )

    def sources_of(self, ids: Sequence[str]) -> dict[str, str]:
        return {aid: src for aid, src in self._by_ids("source", ids).items() if src is not None}

    def save_analysis(self, rows: Sequence[StoredArticle]) -> None:
        values = [(*analysis_values(row), row.article.id, row.article.content_hash) for row in rows]
        with self.transaction():
            self._run_many(
                "UPDATE articles SET sentences = ?, facts = ?, analysed_with = ?"
                " WHERE id = ? AND content_hash = ?",
                values,
            )

    def article_times(self, ids: Sequence[str]) -> dict[str, float]:
        return self._by_ids("time_ts", ids)

    def index_entries(
        self, lo: datetime | None, hi: datetime | None
    ) -> Iterator[tuple[str, str, bytes, float]]:
        args: tuple[float, ...] = ()
        query = "SELECT id, story, features, time_ts FROM articles"
        if lo is not None and hi is not None:
            query += " WHERE time_ts BETWEEN ? AND ?"
            args = (lo.timestamp(), hi.timestamp())
        for row in self._run(query, args):
            yield row[0], row[1], bytes(row[2]), row[3]

    def features_before(self, when: datetime, n: int) -> list[tuple[str, bytes]]:
        query = (
            "SELECT id, features FROM articles WHERE time_ts < ? ORDER BY time_ts DESC, id LIMIT ?"
        )
        return [(row[0], bytes(row[1])) for row in self._run(query, (when.timestamp(), n))]

    def story_sizes(self, stories: Sequence[str]) -> dict[str, int]:
        # an article row may still name an absorbed id: the chains arriving at `stories`
        redirects = self._chains(stories, forward=False)
        into: dict[str, list[str]] = {}
        for old in redirects:
            into.setdefault(follow(redirects, old), []).append(old)
        names = {s: [s, *into.get(s, [])] for s in dict.fromkeys(stories)}
        ids = [i for group in names.values() for i in group]
        query = "SELECT story, count(*) FROM articles WHERE story IN ({marks}) GROUP BY story"
        raw: dict[str, int] = dict(self._rows_in(query, ids))
        sizes = {s: sum(raw.get(i, 0) for i in group) for s, group in names.items()}
        return {s: n for s, n in sizes.items() if n}

    def story_id_known(self, story: str) -> bool:
        query = (
            "SELECT 1 FROM articles WHERE story = ? UNION ALL SELECT 1 FROM stories WHERE id = ?"
            " UNION ALL SELECT 1 FROM redirects WHERE old = ? OR new = ? LIMIT 1"
        )
        return self._run(query, (story, story, story, story)).fetchone() is not None

    def story_ids_known(self, stories: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for query in (
            "SELECT DISTINCT story FROM articles WHERE story IN ({marks})",
            "SELECT id FROM stories WHERE id IN ({marks})",
            "SELECT old FROM redirects WHERE old IN ({marks})",
            "SELECT new FROM redirects WHERE new IN ({marks})",
        ):
            found.update(row[0] for row in self._rows_in(query, stories))
        return found

    def story_ids_starting(self, prefix: str, limit: int = 10) -> dict[str, str | None]:
        if not prefix or not prefix.isascii():
            return {}  # (ids are ASCII; the character after U+D7FF is no text a database takes)
        after = prefix[:-1] + chr(ord(prefix[-1]) + 1)  # the ids from prefix up to it: by index
        found: set[str] = set()
        for query in (
            "SELECT id FROM stories WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            "SELECT old FROM redirects WHERE old >= ? AND old < ? ORDER BY old LIMIT ?",
        ):
            found.update(r[0] for r in self._run(query, (prefix, after, limit + 1)))
        redirects = self.redirects_from(found)
        stories = sorted({follow(redirects, s) for s in found})[:limit]
        titles = self._summaries_of(stories)
        return {s: titles[s]["title"] if s in titles else None for s in stories}

    def newest_time(
        self, before: datetime | None = None, *, dated: bool = False
    ) -> datetime | None:
        if dated:  # (newest first along the time index, to the first dated one)
            bound = "" if before is None else " AND time_ts <= ?"
            row = self._run(
                "SELECT time_ts FROM articles WHERE published IS NOT NULL"
                f"{bound} ORDER BY time_ts DESC LIMIT 1",
                () if before is None else (before.timestamp(),),
            ).fetchone()
            ts = None if row is None else row[0]
        elif before is None:
            ts = self._run("SELECT max(time_ts) FROM articles").fetchone()[0]
        else:
            limit = (before.timestamp(),)
            ts = self._run(
                "SELECT max(time_ts) FROM articles WHERE time_ts <= ?", limit
            ).fetchone()[0]
        return None if ts is None else datetime.fromtimestamp(ts, UTC)

    def story_articles(self, story: str) -> list[StoredArticle]:
        rows = self._run(
            f"SELECT {_STORED} FROM articles WHERE story = ? ORDER BY time_ts, id", (story,)
        )
        stamp = analysis_stamp()
        out = []
        for row in rows.fetchall():
            stored = _stored(row)
            if row[4] != stamp:  # derived by other code: derived again (`newsmoa.stamp`)
                stored = replace(stored, sentences=None, facts=None)
            out.append(stored)
        return out

    def stored_as(self, ids: Sequence[str]) -> dict[str, tuple[StoredArticle, bool]]:
        query = f"SELECT {_STORED}, id FROM articles WHERE id IN ({{marks}})"
        stamp = analysis_stamp()
        return {row[-1]: (_stored(row), row[4] == stamp) for row in self._rows_in(query, ids)}

    def stale_stories(self) -> list[str]:
        query = (
            "SELECT id FROM stories WHERE analysed_with IS NULL OR analysed_with <> ? ORDER BY id"
        )
        return [sid for (sid,) in self._run(query, (analysis_stamp(),))]

    def story_listings(self, stories: Sequence[str]) -> dict[str, list[Article]]:
        out: dict[str, list[Article]] = {}
        for story, doc in self._rows_in(self._listing_docs("{marks}"), dict.fromkeys(stories)):
            article = codec.article_from_json({**json.loads(doc), "text": ""})
            out.setdefault(story, []).append(article)
        return out

    def move_articles(self, moves: Mapping[str, tuple[str, Mapping[str, Any]]]) -> None:
        self._run_many(
            "UPDATE articles SET story = ?, signals = ? WHERE id = ?",
            [
                (story, json.dumps(dict(signals), ensure_ascii=False, default=str), aid)
                for aid, (story, signals) in moves.items()
            ],
        )

    def save_redirects(self, redirects: Mapping[str, str]) -> None:
        with self.transaction():
            for old, given in redirects.items():
                new = self.resolve(given)  # absorbed meanwhile: to the story it went to
                if new == old or self.resolve(old) != old:  # a cycle, or a redirect
                    # replaced: the writer saw stale state
                    raise StoreError(f"{self.name}: story {old} cannot redirect to {given}")
                self._run(
                    "INSERT INTO redirects (old, new) VALUES (?, ?)"
                    " ON CONFLICT (old) DO UPDATE SET new = excluded.new",
                    (old, new),
                )
                self._run("UPDATE articles SET story = ? WHERE story = ?", (new, old))
                self._run("UPDATE hand_placed SET story = ? WHERE story = ?", (new, old))
                self._run("DELETE FROM stories WHERE id = ?", (old,))

    def repoint(self, targets: Mapping[str, str]) -> None:
        with self.transaction():
            # an id absorbed through one that now leads elsewhere keeps leading where it led
            for old in sorted(targets):
                row = self._run("SELECT new FROM redirects WHERE old = ?", (old,)).fetchone()
                if row is not None:
                    self._run("UPDATE redirects SET new = ? WHERE new = ?", (row[0], old))
            for old in sorted(old for old, new in targets.items() if old == new):
                self._run("DELETE FROM redirects WHERE old = ?", (old,))
            for old, new in sorted(targets.items()):
                if old != new:
                    self._run("UPDATE redirects SET new = ? WHERE old = ?", (new, old))

    def mark_unsettled(self, ids: Sequence[str]) -> None:
        query = (  # SQLite reads ON CONFLICT after a SELECT only when it has a WHERE
            "INSERT INTO unsettled (id, time_ts) SELECT id, time_ts FROM articles"
            " WHERE id IN ({marks}) ON CONFLICT (id) DO UPDATE SET time_ts = excluded.time_ts"
        )
        with self.transaction():
            for _ in self._in_chunks(query, ids):
                pass  # an INSERT has no rows to read

    def unsettled_among(self, ids: Sequence[str]) -> set[str]:
        return {r[0] for r in self._rows_in("SELECT id FROM unsettled WHERE id IN ({marks})", ids)}

    def unsettled(self, limit: int | None = None) -> list[tuple[str, float]]:
        query = "SELECT id, time_ts FROM unsettled ORDER BY time_ts, id"  # by its index
        if limit is None:
            return [(aid, t) for aid, t in self._run(query)]
        return [(aid, t) for aid, t in self._run(query + " LIMIT ?", (limit,))]

    def settle(self, ids: Sequence[str] | None) -> None:
        if ids is None:
            self._run("DELETE FROM unsettled")
            return
        for _ in self._in_chunks("DELETE FROM unsettled WHERE id IN ({marks})", ids):
            pass  # a DELETE has no rows to read

    def hand_placed(self, ids: Sequence[str]) -> dict[str, str]:
        query = "SELECT id, story FROM hand_placed WHERE id IN ({marks})"
        return self._resolved(dict(self._rows_in(query, ids)))

    def hand_stories(self, stories: Iterable[str]) -> set[str]:
        query = "SELECT DISTINCT story FROM hand_placed WHERE story IN ({marks})"
        return {r[0] for r in self._rows_in(query, sorted(set(stories)))}

    def place_by_hand(self, placements: Mapping[str, str]) -> None:
        self._run_many(
            "INSERT INTO hand_placed (id, story) VALUES (?, ?)"
            " ON CONFLICT (id) DO UPDATE SET story = excluded.story",
            list(placements.items()),
        )

    def release(self, ids: Sequence[str]) -> None:
        for _ in self._in_chunks("DELETE FROM hand_placed WHERE id IN ({marks})", ids):
            pass  # a DELETE has no rows to read

    def log_correction(self, action: str, detail: Mapping[str, Any]) -> int:
        with self.transaction():  # the writers' lock: numbers follow one another
            n = self.corrections_made() + 1
            self._run(
                "INSERT INTO corrections (n, at, action, detail) VALUES (?, ?, ?, ?)",
                (n, codec.iso(datetime.now(UTC)), action, json.dumps(detail, ensure_ascii=False)),
            )
        return int(n)

    def corrections(self, *, after: int = 0, limit: int | None = None) -> list[dict[str, Any]]:
        query = "SELECT n, at, action, detail FROM corrections WHERE n > ? ORDER BY n"
        args: tuple[int, ...] = (after,)
        if limit is not None:
            query, args = f"{query} LIMIT ?", (after, limit)
        rows = self._run(query, args)
        return [{"n": n, "at": at, "action": act, **json.loads(d)} for n, at, act, d in rows]

    def corrections_made(self) -> int:
        return int(self._run("SELECT count(*) FROM corrections").fetchone()[0])

    def redirects(self) -> dict[str, str]:
        return dict(self._run("SELECT old, new FROM redirects").fetchall())

    def redirects_into(self, story: str) -> list[str]:
        found: set[str] = set()
        frontier = [story]
        while frontier:  # a story absorbed by one that was absorbed later: both led here
            rows = self._rows_in("SELECT old FROM redirects WHERE new IN ({marks})", frontier)
            frontier = [r[0] for r in rows if r[0] not in found and r[0] != story]
            found.update(frontier)
        return sorted(found)

    def resolve(self, story: str) -> str:
        return follow(self.redirects_from([story]), story)

    def save_story(self, doc: Mapping[str, Any]) -> None:
        self._run(self._put_story(), story_values(doc, json.dumps(doc, ensure_ascii=False)))

    def save_story_summary(self, summary: Mapping[str, Any]) -> None:
        self._run(self._put_story(), story_values(summary, None))

    def save_story_summaries(self, summaries: Sequence[Mapping[str, Any]]) -> None:
        with self.transaction():
            self._run_many(self._put_story(), [story_values(s, None) for s in summaries])

    def _put_story(self) -> str:
        return (
            "INSERT INTO stories (id, title, first_published, first_ts, article_count, outlets,"
            " doc, analysed_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " title = excluded.title, first_published = excluded.first_published,"
            " first_ts = excluded.first_ts,"
            " article_count = excluded.article_count, outlets = excluded.outlets,"
            " doc = excluded.doc, analysed_with = excluded.analysed_with,"
            " updated_at = CASE WHEN"  # the listing changed (not the doc built for a first
            " stories.article_count <> excluded.article_count"  # reader)
            " OR stories.outlets <> excluded.outlets"
            " OR COALESCE(stories.title, '') <> COALESCE(excluded.title, '')"
            f" THEN {self.NOW} ELSE stories.updated_at END"
        )

    def has_story(self, story: str) -> bool:
        row = self._run("SELECT 1 FROM stories WHERE id = ?", (self.resolve(story),)).fetchone()
        return row is not None

    def delete_story(self, story: str) -> None:
        self._run("DELETE FROM stories WHERE id = ?", (story,))

    def story_doc(self, story: str) -> dict[str, Any] | None:
        row = self._run(
            "SELECT doc, analysed_with FROM stories WHERE id = ?", (self.resolve(story),)
        ).fetchone()
        if not row or row[0] is None or row[1] != analysis_stamp():
            return None  # not built, or built by other code (`newsmoa.stamp`)
        return json.loads(row[0])

    def release_carriers(self, stories: Sequence[str]) -> dict[str, dict[str, Any]]:
        query = "SELECT id, doc FROM stories WHERE id IN ({marks}) AND doc IS NOT NULL"
        out = {}
        for story, text in self._rows_in(query, dict.fromkeys(stories)):
            doc = json.loads(text)
            if doc.get("release"):
                out[story] = {
                    "releases": [a["id"] for a in doc.get("articles") or [] if a.get("is_release")],
                    "carried_by": [
                        {"article": c["article"], "outlet": c.get("outlet")}
                        for c in doc.get("release_carried_by") or []
                    ],
                }
        return out

    def story_summaries(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        outlet: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[dict[str, Any]]:
        if outlet and "\x00" in outlet:
            return []  # (no outlet's name holds a NUL, which PostgreSQL's text cannot)
        query = "SELECT id, title, first_published, outlets, article_count FROM stories"
        where: list[str] = []
        args: list[Any] = []
        if outlet:
            where.append(self.HAS_OUTLET)
            args.append(outlet)
        span, span_args = _in_span("first_ts", since, until)
        where, args = where + span, args + span_args
        if where:
            query += " WHERE " + " AND ".join(where)
        # by the time itself: the ISO text of times in other offsets sorts otherwise
        query += " ORDER BY first_ts DESC NULLS LAST, id LIMIT ? OFFSET ?"
        args += [limit if limit is not None else self.NO_LIMIT, offset]
        return [_summary(r) for r in self._run(query, args)]

    def search(
        self, query: SearchQuery, *, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        if query.outlet and "\x00" in query.outlet:
            return []  # (as `story_summaries`)
        with self.snapshot():
            query = self._read_as_nouns(query)
            counted = self._counted(query)  # stored story -> (matches, titled, relevance)
            now = self._resolved({s: s for s in counted})  # (merged ones: where they are now)
            merged: dict[str, tuple[int, bool, float]] = {}
            for old, (n, held, score) in counted.items():
                m, h, best = merged.get(now[old], (0, False, 0.0))
                merged[now[old]] = (m + n, h or held, max(best, score))
            listed = self._titles_of(merged)  # a story without a listing is left out
            order = ranked(
                Found(story, n, held or holds_all(listed[story][0] or "", query.groups()),
                      listed[story][1], score)
                for story, (n, held, score) in merged.items() if story in listed
            )  # fmt: skip
            page = order[offset : None if limit is None else offset + limit]
            wanted = {story.story for story in page}
            hits: dict[str, list[ArticleHit]] = {}
            for hit in self._matching_in(query, [s for s in counted if now[s] in wanted]):
                hits.setdefault(now[hit.story], []).append(hit)
            for found in hits.values():
                found.sort(key=lambda h: (-h.time, h.id))
            summaries = self._summaries_of(wanted)
            shown = [h.id for f in page for h in hits.get(f.story, [])[:SHOWN_ARTICLES]]
            texts = self._texts_of(shown)
        return [
            result(summaries[f.story], f, hits.get(f.story, []), texts, query.held()) for f in page
        ]

    def _read_as_nouns(self, query: SearchQuery) -> SearchQuery:
        """`query` with each stem that the store's texts show to be part of a noun of its own
        (`search.nouns`) searched as that noun: 고양이 as typed where an article says
        고양이를, not as 고양 (which 고양 킨텍스 holds); 청솔군이 stays 청솔군."""
        read = {t: self._noun_of(t) for t in (*query.terms, *query.excluded) if nouns(t)}
        read |= {t: self._noun_of(t) for g in query.either for t in g if nouns(t)}
        if not read:
            return query

        def each(terms: Iterable[str]) -> tuple[str, ...]:
            return tuple(dict.fromkeys(read.get(t, t) for t in terms))

        return replace(
            query,
            terms=each(query.terms),
            excluded=each(query.excluded),
            either=tuple(dict.fromkeys(each(g) for g in query.either)),
        )

    def _noun_of(self, term: str) -> str:
        """`term` (a stem, `search.stemmed`) as the longest noun it may be read as that the
        store's texts hold as a noun (`search.attests`; the first `NOUN_ROWS` rows stored
        holding one of its `noun_marks` read), else as it is."""
        for word, particle, noun in nouns(term):
            source, where, args = self._text_match((noun_marks(word, particle),))
            rows = self._run(
                f"SELECT t.title, t.body FROM {source} WHERE {' AND '.join(where)}"
                " ORDER BY t.n LIMIT ?",  # (the first stored: one store reads one way)
                [*args, NOUN_ROWS],
            )
            if any(attests(t.lower(), word, particle) for row in rows for t in row):
                return noun
        return term

    def _counted(self, query: SearchQuery) -> dict[str, tuple[int, bool, float]]:
        """Each stored story (as the articles name it) with articles holding `query`: how
        many, whether one's title holds every term, and the best one's `relevance`. Counted
        by the database, but where a term is held only where a word starts (`worded`),
        which is read from the rows."""
        if worded(query.held() + query.excluded):
            out: dict[str, tuple[int, bool, float]] = {}
            for hit in self._matching(query):
                n, held, best = out.get(hit.story, (0, False, 0.0))
                out[hit.story] = (
                    n + 1,
                    held or titled(hit.title, query.groups()),
                    max(best, hit.relevance),
                )
            return out
        source, where, args = self._narrowed(query)
        terms = query.held()
        heads = [self._contains("t.title", term) for term in terms]
        head = " AND ".join(  # (a term of each group)
            "(" + " OR ".join(heads[terms.index(t)][0] for t in group) + ")"
            for group in query.groups()
        )
        head_args = [v for group in query.groups() for t in group for v in heads[terms.index(t)][1]]
        counts = [self._count("t.body", term) for term in terms]
        score = " + ".join(
            f"{TITLE_WEIGHT} * h{i} + c{i} * {K1 + 1} / (c{i} + {K1}"
            f" * ({1 - B} + {B} * n * 1.0 / {AVERAGE_CHARS}))"
            for i in range(len(terms))
        )  # (`search.relevance`, over each article's counts)
        rows = self._run(  # (a LIMIT keeps the rows' plan: by the outlet's index, say)
            f"SELECT story, count(*), max(held), max({score}) FROM (SELECT a.story AS story,"
            f" CASE WHEN {head} THEN 1 ELSE 0 END AS held, length(t.body) AS n, "
            + ", ".join(
                f"CASE WHEN {sql} THEN 1 ELSE 0 END AS h{i}" for i, (sql, _) in enumerate(heads)
            )
            + ", "
            + ", ".join(f"{sql} AS c{i}" for i, (sql, _) in enumerate(counts))
            + f" FROM {source} JOIN articles a ON a.id = t.id"
            f" WHERE {' AND '.join(where) or '1 = 1'} LIMIT ?) found GROUP BY story",
            [
                *head_args,
                *(v for _, values in heads for v in values),
                *(v for _, values in counts for v in values),
                *args,
                self.NO_LIMIT,
            ],
        )
        return {story: (n, bool(held), float(score)) for story, n, held, score in rows}

    def _titles_of(self, stories: Iterable[str]) -> dict[str, tuple[str | None, float | None]]:
        query = "SELECT id, title, first_ts FROM stories WHERE id IN ({marks})"
        return {r[0]: (r[1], r[2]) for r in self._rows_in(query, sorted(stories))}

    def _narrowed(self, query: SearchQuery) -> tuple[str, list[str], list[Any]]:
        """(FROM clause naming `article_text` t, conditions, their arguments) for the
        articles holding `query`'s terms and none of its excluded ones (but those held only
        where a word starts, which `kept` reads), of its outlet, in its span of time."""
        source, where, args = self._text_match(query.groups())
        for term in query.left_out():
            if not worded([term]):  # (one held where a word starts: read from the rows found)
                sql, values = self._holds(term)
                where, args = [*where, f"NOT {sql}"], [*args, *values]
        if query.outlet is not None:
            where, args = [*where, "a.outlet = ?"], [*args, query.outlet]
        span, span_args = _in_span("a.time_ts", query.since, query.until)
        return source, [*where, *span], [*args, *span_args]

    def _matching(self, query: SearchQuery) -> Iterator[ArticleHit]:
        """The stored articles holding every term of `query` (in their title or body) and none
        of its excluded ones, of its outlet, in its span of time."""
        source, where, args = self._narrowed(query)
        checked = worded(query.held() + query.excluded)  # where words start: read the texts
        rows = self._run(
            f"SELECT a.id, a.story, a.time_ts, t.title{', t.body' if checked else ''}"
            f" FROM {source} JOIN articles a ON a.id = t.id"
            f" WHERE {' AND '.join(where) or '1 = 1'}",
            args,
        )
        for aid, story, time, title, *body in rows:
            if not checked or kept(title, body[0], query):
                score = relevance(title, body[0], query.held()) if checked else 0.0
                yield ArticleHit(aid, story, time, title, score)

    def _matching_in(self, query: SearchQuery, stories: Sequence[str]) -> Iterator[ArticleHit]:
        """`_matching`'s articles of `stories` (as stored: a page's few), read by their
        stories' index and matched here (`kept`) rather than through the index of words,
        which would find every article of the store that holds the terms again."""
        where: list[str] = []
        args: list[Any] = []
        if query.outlet is not None:
            where, args = ["a.outlet = ?"], [query.outlet]
        span, span_args = _in_span("a.time_ts", query.since, query.until)
        where, args = [*where, *span], [*args, *span_args]
        stories = list(stories)
        for i in range(0, len(stories), CHUNK):
            chunk = stories[i : i + CHUNK]
            held = [f"a.story IN ({','.join('?' * len(chunk))})", *where]
            rows = self._run(
                "SELECT a.id, a.story, a.time_ts, t.title, t.body FROM articles a"
                f" JOIN article_text t ON t.id = a.id WHERE {' AND '.join(held)}",
                [*chunk, *args],
            )
            for aid, story, time, title, body in rows:
                if kept(title, body, query):
                    yield ArticleHit(aid, story, time, title)

    def _text_match(self, groups: Sequence[Sequence[str]]) -> tuple[str, list[str], list[Any]]:
        """(FROM clause naming `article_text` t, conditions, their arguments) for the rows
        holding a term of every group: here by reading every row (each term's `_holds`); a
        store with an index of the text's trigrams overrides it."""
        return ("article_text t", *self._holding(groups))

    def _holding(self, groups: Sequence[Sequence[str]]) -> tuple[list[str], list[Any]]:
        """The conditions (and their arguments) that article_text t holds a term of each of
        `groups`."""
        where: list[str] = []
        args: list[Any] = []
        for group in groups:
            held = [self._holds(term) for term in group]
            sqls = [sql for sql, _ in held]
            where.append(sqls[0] if len(sqls) == 1 else "(" + " OR ".join(sqls) + ")")
            args += [v for _, values in held for v in values]
        return where, args

    def _holds(self, term: str) -> tuple[str, list[Any]]:
        """A condition on article_text t: its title or body holds `term` (lower case)."""
        word = bare(term)  # (a stem's end is read from the rows: `search.ENDED`)
        (title, one), (body, other) = (self._contains(f"t.{c}", word) for c in ("title", "body"))
        return f"({title} OR {body})", [*one, *other]

    def _contains(self, column: str, term: str) -> tuple[str, list[Any]]:
        """A condition that the text `column` holds `term` (lower case), its case folded as
        Python folds it (each store says how)."""
        raise NotImplementedError

    def _count(self, column: str, term: str) -> tuple[str, list[Any]]:
        """How many times the text `column`, its case folded, holds `term` (lower case),
        none overlapping: what `search.relevance` counts."""
        low = self._lowered(column, term)
        return f"(length({low}) - length(replace({low}, ?, ''))) / {len(term)}", [term]

    def _lowered(self, column: str, term: str) -> str:
        """The text `column` in lower case as Python makes it, where that matters to `term`."""
        return f"lower({column})"

    def _summaries_of(self, stories: Iterable[str]) -> dict[str, dict[str, Any]]:
        query = (
            "SELECT id, title, first_published, outlets, article_count, first_ts FROM stories"
            " WHERE id IN ({marks})"
        )
        return {
            r[0]: {**_summary(r), "first_ts": r[5]} for r in self._rows_in(query, sorted(stories))
        }

    def _texts_of(
        self, ids: Sequence[str]
    ) -> dict[str, tuple[str, str, str | None, str | None, bool]]:
        """(title, body, outlet, published, is_release) of the articles `ids`, their words as
        written (`search.words`: the searched ones are folded)."""
        query = "SELECT id, doc, outlet, published FROM articles WHERE id IN ({marks})"
        return {
            aid: (*words(article := codec.article_from_json(json.loads(doc))), outlet, published,
                  article.is_release)
            for aid, doc, outlet, published in self._rows_in(query, ids)
        }  # fmt: skip

    def changed_at(self, stories: Sequence[str]) -> dict[str, str]:
        query = "SELECT id, updated_at FROM stories WHERE id IN ({marks})"
        return {sid: at for sid, at in self._rows_in(query, stories)}

    def outlets(self) -> list[str]:
        rows = self._run(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
        )
        return [r[0] for r in rows]

    def counts(self) -> dict[str, int]:
        return {
            table: self._run(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "stories", "redirects")
        }


_ARTICLE_COLUMNS = (
    "id, version, content_hash, story, published, time_ts, outlet, doc, sentences, facts,"
    " analysed_with, features, signals, url_key, source"
)
_PUT_ARTICLE = (
    f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES ({', '.join(['?'] * 15)})"
    " ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _ARTICLE_COLUMNS.replace(" ", "").split(",")[1:-1])
    + ", source = COALESCE(excluded.source, articles.source)"  # a version from elsewhere
)

# An article's words as searched (`search.searched`), written only where they changed (the
# index of the words follows each write).
_PUT_TEXT = (
    "INSERT INTO article_text (id, title, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE"
    " SET title = excluded.title, body = excluded.body"
    " WHERE article_text.title <> excluded.title OR article_text.body <> excluded.body"
)


def story_values(summary: Mapping[str, Any], doc: str | None) -> tuple[Any, ...]:
    first = summary.get("first_published")
    return (
        summary["id"],
        summary.get("title"),
        first,
        codec.instant(first, summary.get("first_at")).timestamp() if first else None,
        summary.get("article_count", 0),
        json.dumps(summary.get("outlets", []), ensure_ascii=False),
        doc,
        None if doc is None else analysis_stamp(),
    )


def analysis_values(row: StoredArticle) -> tuple[str | None, str | None, str | None]:
    """The row's sentences and facts as stored (None: not analysed yet), and the stamp of
    the code that analysed them (`newsmoa.stamp`)."""
    done = row.sentences is not None and row.facts is not None
    return (
        None if row.sentences is None else json.dumps(codec.sentences_to_json(row.sentences)),
        None
        if row.facts is None
        else json.dumps([f.to_json() for f in row.facts], ensure_ascii=False),
        analysis_stamp() if done else None,
    )


def article_values(row: StoredArticle, version: int, kept: float | None) -> tuple[Any, ...]:
    """The row's column values; its time is `row.time`, else its publication time, else
    `kept` (the time stored for it before: an undated article keeps its place), else now."""
    a = row.article
    if row.time is not None:
        time = row.time
    elif a.published is not None:
        time = a.published.timestamp()
    else:
        time = datetime.now(UTC).timestamp() if kept is None else kept
    return (
        a.id,
        version,
        a.content_hash,
        row.story,
        codec.iso(a.published),
        time,
        a.outlet,
        json.dumps(codec.article_to_json(a), ensure_ascii=False),
        *analysis_values(row),
        row.features,
        json.dumps(dict(row.signals), ensure_ascii=False, default=str),
        url_key(a.url) if a.url else None,
        row.source,
    )


_STORED = "doc, story, sentences, facts, analysed_with, features, signals, version, time_ts, source"


def _stored(row: Sequence[Any]) -> StoredArticle:
    """A `StoredArticle` from the columns `_STORED` names, its analysis as stored (whichever
    code derived it)."""
    doc, story, sents, facts, _, features, signals, version, time, source = row[:10]
    article = codec.article_from_json(json.loads(doc))
    return StoredArticle(
        article=article,
        story=story,
        sentences=None if sents is None else codec.sentences_from_json(article, json.loads(sents)),
        facts=None if facts is None else tuple(codec.fact_from_json(f) for f in json.loads(facts)),
        features=bytes(features),
        signals=json.loads(signals),
        version=version,
        time=time,
        source=source,
    )


def _summary(row: Sequence[Any]) -> dict[str, Any]:
    """A story's listing from its row (id, title, first_published, outlets, article_count)."""
    return {
        "id": row[0],
        "title": row[1],
        "first_published": row[2],
        "outlets": json.loads(row[3]),
        "article_count": row[4],
    }


def _in_span(
    column: str, since: datetime | None, until: datetime | None
) -> tuple[list[str], list[float]]:
    """The conditions (and their arguments) that a time `column` (POSIX seconds) is in
    [since, until), each bound given."""
    where, args = [], []
    if since is not None:
        where.append(f"{column} >= ?")
        args.append(since.timestamp())
    if until is not None:
        where.append(f"{column} < ?")
        args.append(until.timestamp())
    return where, args
