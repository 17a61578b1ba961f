"""A shared server's store: PostgreSQL through psycopg 3 (`pip install 'newsmoa[postgres]'`).

The same tables and queries as SQLite (`store.sql`). Writers take one advisory lock per
transaction, so two processes ingesting at once write one after the other, as SQLite's
`BEGIN IMMEDIATE` makes them; readers never wait. A writer waits for a lock at most
`LOCK_TIMEOUT_S` (the server waited for ever: a writer stuck in its transaction held every
other one, `watch` too, without a word), then fails naming the process that holds it
(`access.BUSY`), unless the URL, PGOPTIONS or the role's settings set `lock_timeout`.
Text keys sort bytewise (`COLLATE "C"`), as in SQLite, so listings come out in the same order
from either store.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from newsmoa.errors import ConfigError, StoreError
from newsmoa.store.access import BUSY, OLD_READ_ONLY, READ_ONLY, is_read_only
from newsmoa.store.location import secrets, shown
from newsmoa.store.migrations import (
    ANALYSIS_STAMPS,
    ARTICLE_SOURCES,
    ARTICLE_TEXT,
    ARTICLES_BY_TEXT,
    ARTICLES_BY_URL,
    NO_STORE,
    QUEUE_BY_TIME,
    UNDATED_FROM_STORY,
    article_texts,
    first_times,
    not_newer,
    refolded,
    rehashed,
    release_features,
    url_keys,
)
from newsmoa.store.sql import SQLStore

_LOCK = 0x6E6577736D6F61  # "newsmoa": pg_advisory_xact_lock's key for writers
# How long connecting waits for the server (a host behind a firewall that drops packets, a
# server that accepts and never answers) before it is an error: libpq waits forever. A URL's
# own `connect_timeout`, or PGCONNECT_TIMEOUT, is taken instead.
CONNECT_TIMEOUT_S = 10
LOCK_TIMEOUT_S = 10  # how long a write waits for another's lock (SQLite's BUSY_TIMEOUT_MS)
_NOW = """to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"""


class PostgresStore(SQLStore):
    PLACEHOLDER = "%s"
    READ = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"  # one snapshot for its reads
    NOW = _NOW
    NO_LIMIT = None  # LIMIT NULL: all rows
    HAS_OUTLET = "stories.outlets::jsonb @> jsonb_build_array(?::text)"

    def __init__(self, url: str, *, create: bool = True) -> None:
        super().__init__()
        self.name = shown(url)
        try:
            import psycopg
        except ImportError as exc:
            raise ConfigError(
                f"{self.name}: PostgreSQL needs psycopg: pip install 'newsmoa[postgres]'"
            ) from exc
        try:
            waits = _connect_timeout(url)
            self.db = psycopg.connect(
                url, autocommit=True, fallback_application_name="newsmoa", **waits
            )
        except psycopg.OperationalError as exc:
            said = _said(exc, url)
            if waits and "timeout expired" in said:
                said += f" after {CONNECT_TIMEOUT_S} s (connect_timeout=N in the URL waits N s)"
            raise StoreError(f"{self.name}: cannot connect: {said}") from exc
        except psycopg.Error as exc:  # a URL libpq cannot read
            said = _said(exc, url)
            raise StoreError(f"{self.name}: not a PostgreSQL URL libpq reads: {said}") from exc
        version = None
        try:
            _lock_timeout(self.db)
            version = _version(self.db)
            if not create and version == 0:
                raise StoreError(NO_STORE)
            migrate(self.db)
            if create and not _writable(self.db):  # before an ingest's work, not after it
                raise StoreError(READ_ONLY.format(why=_WRITE_REFUSED))
        except psycopg.Error as exc:
            if is_read_only(exc):  # (`migrate`: making the tables, or upgrading them)
                self.db.close()
                said = _said(exc, url).split(" LINE ")[0]  # (not the statement it refused)
                if version == 0:
                    raise StoreError(f"{self.name}: cannot make the store here: {said}") from exc
                raise StoreError(f"{self.name}: {OLD_READ_ONLY} ({said})") from exc
            raise StoreError(f"{self.name}: cannot open as a newsmoa store: {exc}") from exc
        except StoreError as exc:
            self.db.close()
            raise StoreError(f"{self.name}: {exc}") from exc

    def _begin(self) -> None:
        self.db.execute("BEGIN")
        try:
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        except Exception as exc:
            self._rollback()
            if type(exc).__name__ != "LockNotAvailable":
                raise
            wait_s = _waited_s(self.db)
            raise StoreError(
                f"{self.name}: {BUSY.format(wait_s=wait_s, holder=_holder(self.db))}"
            ) from exc

    def _contains(self, column: str, term: str) -> tuple[str, list[Any]]:
        # ILIKE, which the trigram indexes answer where pg_trgm could be made (`m012_search`)
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"
        return f"{column} ILIKE ?", [pattern]

    def _listing_docs(self, marks: str) -> str:
        # jsonb cannot hold a \u0000 a JSON text may spell: the text is left out in Python.
        return (
            f"SELECT story, doc FROM articles WHERE story IN ({marks}) ORDER BY story, time_ts, id"
        )


def _lock_timeout(db: Any) -> None:
    """Writes wait `LOCK_TIMEOUT_S` for a lock, where nothing set another wait (the
    server's default, 0, waits for ever)."""
    if db.execute("SHOW lock_timeout").fetchone()[0] == "0":
        db.execute(f"SET lock_timeout = '{LOCK_TIMEOUT_S}s'")


def _waited_s(db: Any) -> float:
    """The lock wait in force, in seconds."""
    return float(
        db.execute(
            "SELECT setting::float / 1000 FROM pg_settings WHERE name = 'lock_timeout'"
        ).fetchone()[0]
    )


def _holder(db: Any) -> str:
    """Who holds the writers' lock, as a line shows it: " (process 4242, newsmoa on
    10.0.0.7, in its transaction for 75 s)"; "" when it is free by now."""
    row = db.execute(
        "SELECT a.pid, a.application_name, a.client_addr::text,"
        " extract(epoch FROM now() - a.xact_start)::int FROM pg_locks l"
        " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
        " AND l.classid = %s AND l.objid = %s AND l.objsubid = 1",
        (_LOCK >> 32, _LOCK & 0xFFFFFFFF),
    ).fetchone()
    if row is None:
        return ""
    pid, app, addr, seconds = row
    who = " ".join(filter(None, [app or "a client", f"on {addr}" if addr else None]))
    return f" (process {pid}, {who}, in its transaction for {seconds} s)"


_WRITE_REFUSED = "this user may not write newsmoa's tables, or the server is a read-only one"


def _writable(db: Any) -> bool:
    """Whether this connection may write the store: its user's privileges on the tables
    an ingest writes (the search words' too: a grant made before the upgrade that made
    `article_text` does not cover it), and a server that takes writes (not a standby)."""
    return bool(
        db.execute(
            "SELECT NOT pg_is_in_recovery() AND has_table_privilege('articles',"
            " 'INSERT, UPDATE, DELETE') AND has_table_privilege('stories', 'INSERT, UPDATE,"
            " DELETE') AND has_table_privilege('unsettled', 'INSERT, DELETE')"
            " AND has_table_privilege('article_text', 'INSERT')"
        ).fetchone()[0]
    )


def _connect_timeout(url: str) -> dict[str, Any]:
    """`CONNECT_TIMEOUT_S` unless the URL or the environment says how long to wait."""
    from psycopg.conninfo import conninfo_to_dict

    if "connect_timeout" in conninfo_to_dict(url) or os.environ.get("PGCONNECT_TIMEOUT"):
        return {}
    return {"connect_timeout": CONNECT_TIMEOUT_S}


def _said(exc: Exception, url: str) -> str:
    """psycopg's message on one line (libpq's hint lines joined to it), without the URL's
    password: libpq quotes a URL it cannot read, or the part of it it stopped at."""
    said = " ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    said = said.replace(url, shown(url))
    hidden = secrets(url)

    def masked(quoted: re.Match[str]) -> str:
        text = quoted.group(0)
        for secret in hidden:
            text = text.replace(secret, "***")
        return text

    return re.sub(r'"[^"]*"', masked, said) if hidden else said


def m001_initial(db: Any) -> None:
    db.execute(
        f"""
        CREATE TABLE articles (
            id TEXT COLLATE "C" PRIMARY KEY,
            version INTEGER NOT NULL DEFAULT 1,
            content_hash TEXT NOT NULL,
            story TEXT COLLATE "C" NOT NULL,
            published TEXT,
            published_ts DOUBLE PRECISION,
            outlet TEXT COLLATE "C",
            doc TEXT NOT NULL,
            sentences TEXT,
            facts TEXT,
            features BYTEA NOT NULL,
            signals TEXT NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT {_NOW}
        );
        CREATE INDEX articles_story ON articles(story);
        CREATE INDEX articles_published ON articles(published_ts);
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE TABLE article_versions (
            id TEXT COLLATE "C" NOT NULL,
            version INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            doc TEXT NOT NULL,
            replaced_at TEXT NOT NULL DEFAULT {_NOW},
            PRIMARY KEY (id, version)
        );
        CREATE TABLE stories (
            id TEXT COLLATE "C" PRIMARY KEY,
            title TEXT,
            first_published TEXT COLLATE "C",
            article_count INTEGER NOT NULL,
            outlets TEXT NOT NULL,
            doc TEXT,
            updated_at TEXT NOT NULL DEFAULT {_NOW}
        );
        CREATE INDEX stories_first_published ON stories(first_published);
        CREATE TABLE redirects (
            old TEXT COLLATE "C" PRIMARY KEY,
            new TEXT COLLATE "C" NOT NULL
        );
        CREATE INDEX redirects_new ON redirects(new);
        """
    )


def m002_unsettled(db: Any) -> None:
    """SQLite's m003: articles waiting for their window to be decided again."""
    db.execute('CREATE TABLE unsettled (id TEXT COLLATE "C" PRIMARY KEY)')


def m003_time_for_every_article(db: Any) -> None:
    """SQLite's m004: `published_ts` becomes `time_ts`, which every article has (an undated
    one: its story's, or the time it was ingested)."""
    db.execute("ALTER TABLE articles RENAME COLUMN published_ts TO time_ts")
    db.execute(UNDATED_FROM_STORY)
    db.execute(
        "UPDATE articles SET time_ts = extract(epoch FROM ingested_at::timestamptz)"
        " WHERE time_ts IS NULL"
    )


def m004_corrections(db: Any) -> None:
    """SQLite's m005: an editor's corrections (articles placed by hand, and the log)."""
    db.execute(
        """
        CREATE TABLE hand_placed (
            id TEXT COLLATE "C" PRIMARY KEY,
            story TEXT COLLATE "C" NOT NULL
        );
        CREATE INDEX hand_placed_story ON hand_placed(story);
        CREATE TABLE corrections (
            n INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL
        );
        """
    )


def _script(db: Any, script: str) -> None:
    """Run a shared script's statements one by one (none holds a ";" but at its end)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def m005_queue_by_time(db: Any) -> None:
    """SQLite's m006: the queue keeps each article's time, read in order by an index."""
    _script(db, QUEUE_BY_TIME)


def m006_stories_by_time(db: Any) -> None:
    """SQLite's m007: stories listed by their first article's time as a number."""
    db.execute("ALTER TABLE stories ADD COLUMN first_ts DOUBLE PRECISION")
    db.cursor().executemany("UPDATE stories SET first_ts = %s WHERE id = %s", first_times(db))
    db.execute("DROP INDEX stories_first_published")
    db.execute("CREATE INDEX stories_first_ts ON stories(first_ts)")


def m007_article_sources(db: Any) -> None:
    """SQLite's m008: the local file an article without an id came from."""
    _script(db, ARTICLE_SOURCES)


def m008_articles_by_text(db: Any) -> None:
    """SQLite's m009: stored articles found by their text's hash."""
    db.execute(ARTICLES_BY_TEXT)


def m009_text_hash_over_words(db: Any) -> None:
    """SQLite's m010: every stored hash taken again over the text's words alone."""
    for update, values in rehashed(db, "%s"):
        db.cursor().executemany(update, values)


def m010_releases_in_features(db: Any) -> None:
    """SQLite's m011: a stored press release's features say it is one."""
    for update, values in release_features(db, "%s"):
        db.cursor().executemany(update, values)


def m011_analysis_stamps(db: Any) -> None:
    """SQLite's m012: stored analyses and story documents record the code's stamp."""
    _script(db, ANALYSIS_STAMPS)


def m012_search(db: Any) -> None:
    """SQLite's m014: each article's words as searched, in `article_text`, filled from the
    stored articles; with a trigram index (GIN, `pg_trgm`) of its title and body where the
    extension is there or this role may create it (a database's owner may: it is a trusted
    extension). Without it, search reads every row; an administrator can add it later:
    `CREATE EXTENSION pg_trgm` and the two `CREATE INDEX` statements of `TRIGRAM_INDEXES`."""
    _script(db, ARTICLE_TEXT)
    for insert, values in article_texts(db, "%s"):  # (before the indexes: built once)
        db.cursor().executemany(insert, values)
    for statement in ("CREATE EXTENSION IF NOT EXISTS pg_trgm", *TRIGRAM_INDEXES):
        try:
            with db.transaction():  # a savepoint: a refusal leaves the migration going
                db.execute(statement)
        except Exception as exc:  # psycopg's error: no right to create it, not installed
            if type(exc).__module__.partition(".")[0] != "psycopg":
                raise
            break


TRIGRAM_INDEXES = (
    "CREATE INDEX article_text_title ON article_text USING gin (title gin_trgm_ops)",
    "CREATE INDEX article_text_body ON article_text USING gin (body gin_trgm_ops)",
)


def m013_folded_search(db: Any) -> None:
    """SQLite's m015: the searched words are folded (`search.fold`)."""
    for update, values in refolded(db, "%s"):
        db.cursor().executemany(update, values)


def m014_refolded_search(db: Any) -> None:
    """SQLite's m016: the searched words folded again where the folding changed."""
    for update, values in refolded(db, "%s"):
        db.cursor().executemany(update, values)


def m015_unseparated_figures(db: Any) -> None:
    """SQLite's m017: the searched words without a number's thousands' commas."""
    for update, values in refolded(db, "%s"):
        db.cursor().executemany(update, values)


def m016_articles_by_url(db: Any) -> None:
    """SQLite's m018: stored articles found by the address they were read from."""
    _script(db, ARTICLES_BY_URL)
    for update, values in url_keys(db, "%s"):
        db.cursor().executemany(update, values)


# The SQLite list's steps (SQLite's m002 index is in m001 here; its m013, the file's
# application_id, has no counterpart in a database server). Add at the end.
MIGRATIONS: tuple[Callable[[Any], None], ...] = (
    m001_initial,
    m002_unsettled,
    m003_time_for_every_article,
    m004_corrections,
    m005_queue_by_time,
    m006_stories_by_time,
    m007_article_sources,
    m008_articles_by_text,
    m009_text_hash_over_words,
    m010_releases_in_features,
    m011_analysis_stamps,
    m012_search,
    m013_folded_search,
    m014_refolded_search,
    m015_unseparated_figures,
    m016_articles_by_url,
)


def migrate(db: Any) -> int:
    """Apply what the database lacks; returns its version. Only a database that lacks a step
    takes the writers' lock (a reader opening the store never waits for an ingest)."""
    if not not_newer(_version(db), len(MIGRATIONS)):
        with db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            db.execute("CREATE TABLE IF NOT EXISTS newsmoa_schema (version INTEGER NOT NULL)")
            version = _version(db)
            for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
                step(db)
                db.execute("INSERT INTO newsmoa_schema (version) VALUES (%s)", (number,))
    return len(MIGRATIONS)


def _version(db: Any) -> int:
    if db.execute("SELECT to_regclass('newsmoa_schema')").fetchone()[0] is None:
        return 0
    return db.execute("SELECT coalesce(max(version), 0) FROM newsmoa_schema").fetchone()[0]
