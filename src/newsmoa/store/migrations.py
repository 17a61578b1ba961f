"""Schema migrations as ordered functions; `PRAGMA user_version` (SQLite) records how far a
database has come. Add a function at the end; never edit one that has shipped."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from newsmoa.codec import article_from_json
from newsmoa.errors import StoreError


def m001_initial(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            version INTEGER NOT NULL DEFAULT 1,
            content_hash TEXT NOT NULL,
            story TEXT NOT NULL,
            published TEXT,
            published_ts REAL,
            outlet TEXT,
            doc TEXT NOT NULL,          -- the article's JSON (codec.article_to_json)
            sentences TEXT,             -- [[start, end], ...]; NULL until analysed
            facts TEXT,                 -- [fact JSON, ...]; NULL until analysed
            features BLOB NOT NULL,     -- cluster.Features.to_bytes()
            signals TEXT NOT NULL,      -- why it joined its story
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX articles_story ON articles(story);
        CREATE INDEX articles_published ON articles(published_ts);
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE TABLE article_versions (
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            doc TEXT NOT NULL,
            replaced_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            PRIMARY KEY (id, version)
        );
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT,
            first_published TEXT,
            article_count INTEGER NOT NULL,
            outlets TEXT NOT NULL,
            doc TEXT,                   -- the Story JSON; NULL until built (deferred analysis)
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        );
        CREATE INDEX stories_first_published ON stories(first_published);
        CREATE TABLE redirects (
            old TEXT PRIMARY KEY,
            new TEXT NOT NULL
        );
        """,
    )


def _script(db: sqlite3.Connection, script: str) -> None:
    """Run a script's statements one by one (`executescript` would commit the migration's
    transaction first): a statement ends at the line where SQLite sees it complete (a ";"
    in a comment or a string does not end one)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"an incomplete statement ends the script: {statement.strip()[:60]}")


def m002_redirects_by_survivor(db: sqlite3.Connection) -> None:
    """A story's document lists the ids merged into it: look them up by survivor."""
    db.execute("CREATE INDEX redirects_new ON redirects(new)")


def m003_unsettled(db: sqlite3.Connection) -> None:
    """Articles waiting for their window to be decided again (`Newsroom.recluster_pending`),
    kept in the store so that another process, or the next run, does it."""
    db.execute("CREATE TABLE unsettled (id TEXT PRIMARY KEY)")


# An article stored without a time before migration 4 takes the earliest time of the dated
# articles stored in its story (it was decided against every article, and its story says
# when it belongs), else the time it was ingested. Shared by both databases.
UNDATED_FROM_STORY = (
    "UPDATE articles SET time_ts = (SELECT min(d.time_ts) FROM articles d"
    " WHERE d.story = articles.story AND d.time_ts IS NOT NULL) WHERE time_ts IS NULL"
)


def m004_time_for_every_article(db: sqlite3.Connection) -> None:
    """Every article has a place in time, which the clustering window and the loading of the
    story index go by (`StoredArticle.time`): `published_ts` becomes `time_ts`, and an article
    stored without a publication time (which was compared with every article, so that one of
    them made a running index load the whole store) takes its story's time, or the time it
    was ingested (`UNDATED_FROM_STORY`). The index on the column follows it under its old
    name. A process of an older newsmoa cannot use the store after this."""
    db.execute("ALTER TABLE articles RENAME COLUMN published_ts TO time_ts")
    db.execute(UNDATED_FROM_STORY)
    db.execute(
        "UPDATE articles SET time_ts = CAST(strftime('%s', ingested_at) AS REAL)"
        " + (strftime('%f', ingested_at) - strftime('%S', ingested_at))"  # to the millisecond
        " WHERE time_ts IS NULL"
    )


def m005_corrections(db: sqlite3.Connection) -> None:
    """An editor's corrections (`newsmoa.corrections`): the articles an editor placed, which
    no automatic decision moves, and the log of what was corrected (its length also tells a
    running process that its story index is out of date)."""
    _script(
        db,
        """
        CREATE TABLE hand_placed (
            id TEXT PRIMARY KEY,
            story TEXT NOT NULL
        );
        CREATE INDEX hand_placed_story ON hand_placed(story);
        CREATE TABLE corrections (
            n INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL          -- JSON: the articles and stories it concerned
        );
        """,
    )


def m006_queue_by_time(db: sqlite3.Connection) -> None:
    """The queue of articles waiting for a re-decision keeps each one's time, which a new
    version that moves it re-queues with (`Store.mark_unsettled`), so that the oldest are
    read by an index (`Store.unsettled`) instead of the whole queue and every article's time
    (an archive loaded with `ingest --no-recluster` can queue a million)."""
    _script(db, QUEUE_BY_TIME.replace("DOUBLE PRECISION", "REAL"))


# Shared by both databases (PostgreSQL's m005).
QUEUE_BY_TIME = """
    ALTER TABLE unsettled ADD COLUMN time_ts DOUBLE PRECISION;
    UPDATE unsettled SET time_ts = (SELECT a.time_ts FROM articles a WHERE a.id = unsettled.id);
    DELETE FROM unsettled WHERE time_ts IS NULL;
    CREATE INDEX unsettled_time ON unsettled(time_ts, id);
"""


def m007_stories_by_time(db: sqlite3.Connection) -> None:
    """Stories are listed newest first by their first article's time as a number: the ISO
    text of times in other offsets sorts otherwise (09:00+09:00 after 06:00+00:00)."""
    db.execute("ALTER TABLE stories ADD COLUMN first_ts REAL")
    db.executemany("UPDATE stories SET first_ts = ? WHERE id = ?", first_times(db))
    db.execute("DROP INDEX stories_first_published")
    db.execute("CREATE INDEX stories_first_ts ON stories(first_ts)")


def first_times(db: Any) -> list[tuple[float, str]]:
    """(time, story) of every stored story with a first time, as a new listing stores it
    (`sql.story_values`: to the microsecond, any offset, where SQLite's date functions
    drop the fraction and read no offset with seconds in it). Shared by both databases."""
    rows = db.execute(
        "SELECT id, first_published FROM stories WHERE first_published IS NOT NULL"
    ).fetchall()
    return [(datetime.fromisoformat(first).timestamp(), story) for story, first in rows]


def m008_article_sources(db: sqlite3.Connection) -> None:
    """Each article read from a local file without an id keeps which file (`source`), so the
    file's edited text is stored as a new version of its article (`Store.read_from`)."""
    _script(db, ARTICLE_SOURCES)


# Shared by both databases (PostgreSQL's m007). Articles stored before it have no source.
ARTICLE_SOURCES = """
    ALTER TABLE articles ADD COLUMN source TEXT;
    CREATE INDEX articles_source ON articles(source) WHERE source IS NOT NULL;
"""


def m009_articles_by_text(db: sqlite3.Connection) -> None:
    """Stored articles found by their text's hash: another outlet's copy of a text an article
    holds is an article of its own, found again by its text and outlet (`extract.copies`)."""
    db.execute(ARTICLES_BY_TEXT)


# Shared by both databases (PostgreSQL's m008).
ARTICLES_BY_TEXT = "CREATE INDEX articles_content_hash ON articles(content_hash)"


def m010_text_hash_over_words(db: sqlite3.Connection) -> None:
    """A text's hash is now taken over its words alone (`text.normalize.content_hash`): every
    stored hash is taken again from its text, so that the next reading of a stored text,
    however its lines break, finds the article that holds it."""
    for update, values in rehashed(db, "?"):
        db.executemany(update, values)


# The tables whose rows keep a text's hash, by their key columns.
HASHED_TABLES = (("articles", ("id",)), ("article_versions", ("id", "version")))
REHASH_CHUNK = 2_000  # rows read at a time: a store of a million articles never in memory


def rehashed(db: Any, mark: str) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """(update, values) for each chunk of stored rows whose hash `content_hash` now gives
    otherwise, read in key order; `mark` is the database's parameter mark. Shared by both
    databases (PostgreSQL's m009)."""
    for table, keys in HASHED_TABLES:
        update = f"UPDATE {table} SET content_hash = {mark} WHERE " + " AND ".join(
            f"{key} = {mark}" for key in keys
        )
        for rows in _chunks(db, mark, table, keys, "content_hash, doc"):
            values = []
            for *key, old, doc in rows:
                new = article_from_json(json.loads(doc)).content_hash
                if new != old:
                    values.append((new, *key))
            if values:
                yield update, values


def _chunks(
    db: Any, mark: str, table: str, keys: tuple[str, ...], columns: str
) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of `table` (its `keys`, then `columns`) in key order, `REHASH_CHUNK` at a
    time, each chunk read after the last key of the one before (by the key's index)."""
    key = ", ".join(keys)
    after = f"WHERE ({key}) > ({', '.join([mark] * len(keys))})"
    last: tuple[Any, ...] = ()
    while True:
        rows = db.execute(
            f"SELECT {key}, {columns} FROM {table} {after if last else ''}"
            f" ORDER BY {key} LIMIT {REHASH_CHUNK}",
            last,
        ).fetchall()
        if not rows:
            return
        yield rows
        last = tuple(rows[-1][: len(keys)])


def m011_releases_in_features(db: sqlite3.Connection) -> None:
    """A press release's stored features now say it is one (`Features.release`: the index
    keeps two releases' stories apart and places a release's copies with it); those of the
    releases stored before lack it, and take it from the article's document."""
    for update, values in release_features(db, "?"):
        db.executemany(update, values)


def release_features(db: Any, mark: str) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """(update, values) for the stored press releases whose features do not say so. Shared
    by both databases (PostgreSQL's m010)."""
    from newsmoa.cluster.features import Features  # the store knows blobs, not features

    rows = db.execute(
        f"SELECT id, features, doc FROM articles WHERE doc LIKE {mark} ORDER BY id",
        ('%"is_release": true%',),
    ).fetchall()
    values = []
    for aid, blob, doc in rows:
        feats = Features.from_bytes(bytes(blob))
        if json.loads(doc).get("is_release") and not feats.release:
            values.append((replace(feats, release=True).to_bytes(), aid))
    if values:
        yield f"UPDATE articles SET features = {mark} WHERE id = {mark}", values


def m012_analysis_stamps(db: sqlite3.Connection) -> None:
    """Each stored analysis (an article's sentences and facts) and story document records
    the stamp of the code that derived it (`newsmoa.stamp`); those stored before have none,
    and are derived again when next read."""
    _script(db, ANALYSIS_STAMPS)


# Shared by both databases (PostgreSQL's m011).
ANALYSIS_STAMPS = """
    ALTER TABLE articles ADD COLUMN analysed_with TEXT;
    ALTER TABLE stories ADD COLUMN analysed_with TEXT;
"""


# SQLite's header field for the program that owns a file (`file` reports it): "nmoa"
APPLICATION_ID = 0x6E6D6F61


def m013_application_id(db: sqlite3.Connection) -> None:
    """The file is marked newsmoa's (`PRAGMA application_id`): another program that marks
    its own files is then told apart even when its tables bear newsmoa's names."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def m014_search(db: sqlite3.Connection) -> None:
    """Stories are found by their articles' words (`newsmoa.store.search`): each article's
    title and body as searched (`search.searched`) in `article_text`, which a full-text
    index of trigrams (FTS5, `article_search`) follows through triggers, so that any
    substring of three characters or more is found without reading every text. Filled
    from the stored articles. Where this SQLite has no FTS5 or no trigram tokenizer (before
    3.34), the index is not made and search reads `article_text` instead."""
    _script(db, ARTICLE_TEXT.replace(_IDENTITY, "").replace(' COLLATE "C"', ""))
    db.execute("SAVEPOINT fts")
    try:
        _script(db, SEARCH_INDEX)
    except sqlite3.OperationalError:  # no fts5 module, or no trigram tokenizer
        db.execute("ROLLBACK TO fts")
    db.execute("RELEASE fts")
    for insert, values in article_texts(db, "?"):
        db.executemany(insert, values)


# Shared by both databases (PostgreSQL's m012; SQLite's `n` is its rowid, its text keys sort
# bytewise without "C"). `n` numbers the row in the index of its words.
_IDENTITY = " GENERATED BY DEFAULT AS IDENTITY"
ARTICLE_TEXT = f"""
    CREATE TABLE article_text (
        n INTEGER{_IDENTITY} PRIMARY KEY,
        id TEXT COLLATE "C" NOT NULL UNIQUE,
        title TEXT NOT NULL,
        body TEXT NOT NULL
    );
"""

# SQLite's index of article_text's trigrams, kept in step by triggers (an "external
# content" table: the text is kept once, in article_text).
SEARCH_INDEX = """
    CREATE VIRTUAL TABLE article_search USING fts5(
        title, body, content='article_text', content_rowid='n', tokenize='trigram'
    );
    CREATE TRIGGER article_text_added AFTER INSERT ON article_text BEGIN
        INSERT INTO article_search (rowid, title, body) VALUES (new.n, new.title, new.body);
    END;
    CREATE TRIGGER article_text_removed AFTER DELETE ON article_text BEGIN
        INSERT INTO article_search (article_search, rowid, title, body)
        VALUES ('delete', old.n, old.title, old.body);
    END;
    CREATE TRIGGER article_text_changed AFTER UPDATE ON article_text BEGIN
        INSERT INTO article_search (article_search, rowid, title, body)
        VALUES ('delete', old.n, old.title, old.body);
        INSERT INTO article_search (rowid, title, body) VALUES (new.n, new.title, new.body);
    END;
"""


def article_texts(db: Any, mark: str) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """(insert, values) for each chunk of stored articles, read in id order, as
    `article_text` keeps them (`search.searched`). Shared by both databases."""
    from newsmoa.store.search import searched

    insert = f"INSERT INTO article_text (id, title, body) VALUES ({mark}, {mark}, {mark})"
    for rows in _chunks(db, mark, "articles", ("id",), "doc"):
        yield insert, [(aid, *searched(article_from_json(json.loads(doc)))) for aid, doc in rows]


def m015_folded_search(db: sqlite3.Connection) -> None:
    """The searched words are folded (`search.fold`: full-width letters and figures, `㈜`,
    `①`, compatibility jamo as their plain forms), so that a term typed either way finds
    them: the stored articles' words are folded again where folding changes them."""
    for update, values in refolded(db, "?"):
        db.executemany(update, values)


def m016_refolded_search(db: sqlite3.Connection) -> None:
    """The searched words of the stored articles are folded again where `search.fold` now
    folds them otherwise (`İ` as `I`, so that `istanbul` finds `İstanbul`)."""
    for update, values in refolded(db, "?"):
        db.executemany(update, values)


def m017_unseparated_figures(db: sqlite3.Connection) -> None:
    """The searched words of the stored articles are folded again: a number's thousands'
    commas are left out (`search.unseparated`), so that `4512억원` finds `4,512억원`."""
    for update, values in refolded(db, "?"):
        db.executemany(update, values)


def refolded(db: Any, mark: str) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """(update, values) for each chunk of stored articles whose searched words, as
    `search.searched` gives them now, are not those `article_text` holds: what a change to
    the folding (`data/search_fold.tsv`) changes. Shared by both databases (PostgreSQL's
    m013, m014 and m015)."""
    from newsmoa.store.search import searched

    update = f"UPDATE article_text SET title = {mark}, body = {mark} WHERE id = {mark}"
    table = "articles JOIN article_text USING (id)"
    for rows in _chunks(db, mark, table, ("id",), "doc, title, body"):
        values = []
        for aid, doc, *kept in rows:
            if (now := searched(article_from_json(json.loads(doc)))) != tuple(kept):
                values.append((*now, aid))
        if values:
            yield update, values


def m018_articles_by_url(db: sqlite3.Connection) -> None:
    """Stored articles found by the address they were read from (`url_key`, as
    `extract.urls.url_key` gives it): the same page reached by another route (a feed's `tag:`
    guid, an aggregator's link, the page's own URL) is that article again, not a second one
    (`Store.ids_by_url`). Filled from the stored articles' documents."""
    _script(db, ARTICLES_BY_URL)
    for update, values in url_keys(db, "?"):
        db.executemany(update, values)


# Shared by both databases (PostgreSQL's m016).
ARTICLES_BY_URL = """
    ALTER TABLE articles ADD COLUMN url_key TEXT;
    CREATE INDEX articles_url_key ON articles(url_key) WHERE url_key IS NOT NULL;
"""


def url_keys(db: Any, mark: str) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """(update, values) for each chunk of stored articles that have a URL: its key. Shared by
    both databases."""
    from newsmoa.extract.urls import url_key

    update = f"UPDATE articles SET url_key = {mark} WHERE id = {mark}"
    for rows in _chunks(db, mark, "articles", ("id",), "doc"):
        values = [(url_key(u), aid) for aid, doc in rows if (u := json.loads(doc).get("url"))]
        if values:
            yield update, values


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    m001_initial,
    m002_redirects_by_survivor,
    m003_unsettled,
    m004_time_for_every_article,
    m005_corrections,
    m006_queue_by_time,
    m007_stories_by_time,
    m008_article_sources,
    m009_articles_by_text,
    m010_text_hash_over_words,
    m011_releases_in_features,
    m012_analysis_stamps,
    m013_application_id,
    m014_search,
    m015_folded_search,
    m016_refolded_search,
    m017_unseparated_figures,
    m018_articles_by_url,
)


def not_newer(version: int, known: int) -> bool:
    """Whether a store at schema `version` is up to date for this newsmoa (which knows
    `known` steps); a newer one raises `StoreError`: its schema may have moved what this
    code reads or writes (migration 4 renamed a column)."""
    if version > known:
        raise StoreError(
            f"the store's schema is version {version}, newer than this newsmoa's ({known}):"
            " a newer newsmoa upgraded it; upgrade newsmoa to use it"
        )
    return version == known


NO_STORE = "no newsmoa store here (its tables are not there): `newsmoa ingest` makes one"
NOT_OURS = (
    "holds another program's tables ({tables}), not a newsmoa store: newsmoa makes its store"
    " only in a new or empty file (give --db a path of its own)"
)
NO_VERSION = (
    "holds newsmoa's tables but no schema version (a copy restored from a dump?): newsmoa"
    " cannot tell how far it was upgraded"
)


def stored_version(db: sqlite3.Connection) -> int:
    """The store's version (SQLite's `user_version`); 0 for a database newsmoa has not made
    (empty, or another program's that numbers no schema; one that does is told by its
    tables: `refusal`)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def application_id(db: sqlite3.Connection) -> int:
    """The program that marked the file (`APPLICATION_ID` for newsmoa), 0 if none did."""
    return int(db.execute("PRAGMA application_id").fetchone()[0])


def table_names(db: sqlite3.Connection) -> list[str]:
    """The tables and views of a SQLite database, by name."""
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
        " AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [name for (name,) in rows]


# the tables the first migration makes and none drops: a store holds them all
OWN_TABLES = frozenset({"articles", "article_versions", "stories", "redirects"})


def refusal(version: int, tables: Sequence[str], *, create: bool, owner: int = 0) -> str | None:
    """Why a SQLite database at `version` holding `tables`, marked by program `owner`
    (`application_id`), is not to be opened as a store, or None. Before anything is written
    (its journal would be changed to WAL): a command that only reads refuses a database
    newsmoa has not made (`NO_STORE`), and one that makes the store refuses another
    program's (`NOT_OURS`: tables at version 0; or without all of newsmoa's first tables,
    or marked by another program, at a version another program numbers its own schema by:
    a news reader's `articles` and `stories`), which `--db` was given by mistake and would
    then hold both."""
    if version == 0 and not create:
        return NO_STORE
    if version == 0 and set(tables) >= OWN_TABLES:
        return NO_VERSION
    foreign = owner not in (0, APPLICATION_ID) or not set(tables) >= OWN_TABLES
    if tables and (version == 0 or foreign):
        more = f" and {len(tables) - 3} more" if len(tables) > 3 else ""
        return NOT_OURS.format(tables=", ".join(tables[:3]) + more)
    return None


def migrate(db: sqlite3.Connection) -> int:
    """Apply what the database lacks, in one transaction under the write lock (the version is
    read again inside it: two processes opening an old store at once upgrade it once);
    returns its version. `db` is in autocommit mode (`isolation_level=None`). A store that a
    newer newsmoa upgraded is refused (`not_newer`)."""
    if not_newer(stored_version(db), len(MIGRATIONS)):
        return len(MIGRATIONS)  # a reader opening an up-to-date store takes no lock
    db.execute("BEGIN IMMEDIATE")
    try:
        version = stored_version(db)
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            step(db)
            db.execute(f"PRAGMA user_version = {number}")
    except BaseException:
        if db.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return len(MIGRATIONS)
