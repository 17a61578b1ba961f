"""The default store: one SQLite file in WAL mode (readers never block the writer)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from newsmoa import codec
from newsmoa.errors import StoreError
from newsmoa.store.base import StoredArticle
from newsmoa.store.migrations import migrate
from newsmoa.types import Article

_CHUNK = 500  # ids per IN (...) query, below SQLite's variable limit


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=10000")
            migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a newsmoa store: {exc}") from exc
        self._depth = 0

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
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")
        finally:
            self._depth = 0

    def _by_ids(self, column: str, ids: Sequence[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        ids = list(ids)
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT id, {column} FROM articles WHERE id IN ({marks})", chunk
            )
            out.update(dict(rows.fetchall()))
        return out

    def known_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        return self._by_ids("content_hash", ids)

    def stories_of(self, ids: Sequence[str]) -> dict[str, str]:
        stored = self._by_ids("story", ids)
        if len(stored) <= 8:
            return {aid: self.resolve(story) for aid, story in stored.items()}
        redirects = self.redirects()  # one query rather than one per article
        return {aid: _follow(redirects, story) for aid, story in stored.items()}

    def save_articles(self, rows: Sequence[StoredArticle]) -> None:
        """Batched: one query per chunk for what is stored, then executemany writes."""
        with self.transaction():
            ids = [r.article.id for r in rows]
            old: dict[str, tuple[int, str, str]] = {}
            for i in range(0, len(ids), _CHUNK):
                chunk = ids[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for aid, version, chash, doc in self.db.execute(
                    f"SELECT id, version, content_hash, doc FROM articles WHERE id IN ({marks})",
                    chunk,
                ):
                    old[aid] = (version, chash, doc)
            history, values = [], []
            for row in rows:
                a = row.article
                version = 1
                if a.id in old:
                    prev_version, prev_hash, prev_doc = old[a.id]
                    version = prev_version + (prev_hash != a.content_hash)
                    if prev_hash != a.content_hash:
                        history.append((a.id, prev_version, prev_hash, prev_doc))
                values.append(_article_values(row, version))
            self.db.executemany(
                "INSERT OR REPLACE INTO article_versions (id, version, content_hash, doc)"
                " VALUES (?, ?, ?, ?)",
                history,
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO articles (id, version, content_hash, story, published,"
                " published_ts, outlet, doc, sentences, facts, features, signals)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )

    def index_entries(
        self, lo: datetime | None, hi: datetime | None
    ) -> Iterator[tuple[str, str, bytes]]:
        args: tuple[float, ...] = ()
        if lo is None or hi is None:
            query = "SELECT id, story, features FROM articles"
        else:
            query = (
                "SELECT id, story, features FROM articles WHERE published_ts BETWEEN ? AND ?"
                " OR published_ts IS NULL"
            )
            args = (lo.timestamp(), hi.timestamp())
        for row in self.db.execute(query, args):
            yield row[0], row[1], bytes(row[2])

    def story_articles(self, story: str) -> list[StoredArticle]:
        rows = self.db.execute(
            "SELECT doc, story, sentences, facts, features, signals, version FROM articles"
            " WHERE story = ? ORDER BY published_ts, id",
            (story,),
        ).fetchall()
        out = []
        for doc, st, sents, facts, features, signals, version in rows:
            article = codec.article_from_json(json.loads(doc))
            out.append(
                StoredArticle(
                    article=article,
                    story=st,
                    sentences=None
                    if sents is None
                    else codec.sentences_from_json(article, json.loads(sents)),
                    facts=None
                    if facts is None
                    else tuple(codec.fact_from_json(f) for f in json.loads(facts)),
                    features=bytes(features),
                    signals=json.loads(signals),
                    version=version,
                )
            )
        return out

    def story_listings(self, stories: Sequence[str]) -> dict[str, list[Article]]:
        out: dict[str, list[Article]] = {}
        stories = list(dict.fromkeys(stories))
        for i in range(0, len(stories), _CHUNK):
            chunk = stories[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT story, json_remove(doc, '$.text') FROM articles WHERE story IN ({marks})"
                " ORDER BY story, published_ts, id",
                chunk,
            )
            for story, doc in rows:
                article = codec.article_from_json({**json.loads(doc), "text": ""})
                out.setdefault(story, []).append(article)
        return out

    def save_redirects(self, redirects: Mapping[str, str]) -> None:
        with self.transaction():
            for old, new in redirects.items():
                self.db.execute(
                    "INSERT OR REPLACE INTO redirects (old, new) VALUES (?, ?)", (old, new)
                )
                self.db.execute("UPDATE articles SET story = ? WHERE story = ?", (new, old))
                self.db.execute("DELETE FROM stories WHERE id = ?", (old,))

    def redirects(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT old, new FROM redirects").fetchall())

    def redirects_into(self, story: str) -> list[str]:
        rows = self.db.execute("SELECT old FROM redirects WHERE new = ? ORDER BY old", (story,))
        return [r[0] for r in rows]

    def resolve(self, story: str) -> str:
        seen = {story}
        while True:
            row = self.db.execute("SELECT new FROM redirects WHERE old = ?", (story,)).fetchone()
            if not row or row[0] in seen:
                return story
            story = row[0]
            seen.add(story)

    def save_story(self, doc: Mapping[str, Any]) -> None:
        self._put_story(doc, json.dumps(doc, ensure_ascii=False))

    def save_story_summary(self, summary: Mapping[str, Any]) -> None:
        self._put_story(summary, None)

    def save_story_summaries(self, summaries: Sequence[Mapping[str, Any]]) -> None:
        with self.transaction():
            self.db.executemany(_PUT_STORY, [_story_values(s, None) for s in summaries])

    def _put_story(self, summary: Mapping[str, Any], doc: str | None) -> None:
        self.db.execute(_PUT_STORY, _story_values(summary, doc))

    def has_story(self, story: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM stories WHERE id = ?", (self.resolve(story),)).fetchone()
            is not None
        )

    def delete_story(self, story: str) -> None:
        self.db.execute("DELETE FROM stories WHERE id = ?", (story,))

    def story_doc(self, story: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT doc FROM stories WHERE id = ?", (self.resolve(story),)
        ).fetchone()
        return json.loads(row[0]) if row and row[0] is not None else None

    def story_summaries(
        self, *, limit: int | None = None, offset: int = 0, outlet: str | None = None
    ) -> list[dict[str, Any]]:
        query = "SELECT id, title, first_published, outlets, article_count FROM stories"
        args: list[Any] = []
        if outlet:
            query += " WHERE EXISTS (SELECT 1 FROM json_each(stories.outlets) WHERE value = ?)"
            args.append(outlet)
        query += " ORDER BY first_published DESC, id LIMIT ? OFFSET ?"
        args += [limit if limit is not None else -1, offset]
        return [
            {
                "id": r[0],
                "title": r[1],
                "first_published": r[2],
                "outlets": json.loads(r[3]),
                "article_count": r[4],
            }
            for r in self.db.execute(query, args)
        ]

    def outlets(self) -> list[str]:
        rows = self.db.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
        )
        return [r[0] for r in rows]

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.db.execute("SELECT count(*) FROM articles").fetchone()[0],
            "stories": self.db.execute("SELECT count(*) FROM stories").fetchone()[0],
            "redirects": self.db.execute("SELECT count(*) FROM redirects").fetchone()[0],
        }


def _follow(redirects: Mapping[str, str], story: str) -> str:
    """`SQLiteStore.resolve` over a redirect table already read."""
    seen = {story}
    while (new := redirects.get(story)) is not None and new not in seen:
        story = new
        seen.add(story)
    return story


_PUT_STORY = (
    "INSERT OR REPLACE INTO stories"
    " (id, title, first_published, article_count, outlets, doc) VALUES (?, ?, ?, ?, ?, ?)"
)


def _story_values(summary: Mapping[str, Any], doc: str | None) -> tuple[Any, ...]:
    return (
        summary["id"],
        summary.get("title"),
        summary.get("first_published"),
        summary.get("article_count", 0),
        json.dumps(summary.get("outlets", []), ensure_ascii=False),
        doc,
    )


def _article_values(row: StoredArticle, version: int) -> tuple[Any, ...]:
    a = row.article
    return (
        a.id,
        version,
        a.content_hash,
        row.story,
        codec.iso(a.published),
        a.published.timestamp() if a.published else None,
        a.outlet,
        json.dumps(codec.article_to_json(a), ensure_ascii=False),
        None if row.sentences is None else json.dumps(codec.sentences_to_json(row.sentences)),
        None
        if row.facts is None
        else json.dumps([f.to_json() for f in row.facts], ensure_ascii=False),
        row.features,
        json.dumps(dict(row.signals), ensure_ascii=False, default=str),
    )
