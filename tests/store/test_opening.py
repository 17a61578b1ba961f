"""Opening a store: what `--db` names, and the clear error when it names no usable store (a
folder, another URL, a server that never answers, a store that may only be read here)."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from contextlib import closing
from datetime import UTC, datetime

import pytest

from newsmoa.errors import ConfigError, StoreError
from newsmoa.store import StoredArticle, open_store
from newsmoa.types import Article


def _row(aid: str = "a", story: str = "s1") -> StoredArticle:
    text = "군은 12일 둘레길 개통식을 열었다고 밝혔다. 주민 150여 명이 참석했다."
    when = datetime(2024, 5, 14, 9, tzinfo=UTC)
    return StoredArticle(Article(aid, text, "둘레길 개통", "뉴시스", when), story, None, None)


def _one_story(store) -> None:
    """One article in story s1, its listing saved and its document not built yet."""
    store.save_articles([_row()])
    store.save_story_summary(
        {"id": "s1", "title": "둘레길", "first_published": None, "outlets": [], "article_count": 1}
    )


def test_a_folder_or_a_folder_that_is_not_there_is_named_and_nothing_is_made(tmp_path):
    with pytest.raises(StoreError, match="a folder, not a store's file"):
        open_store(str(tmp_path))
    with pytest.raises(StoreError, match=f"the folder {tmp_path / 'no'} does not exist"):
        open_store(str(tmp_path / "no" / "x.db"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("sqlite:///data/news.db", "its file's path alone: /data/news.db"),
        ("mysql://news:s3cret@db/news", "not a mysql:// URL"),
        ("host=db port=5432 dbname=news user=news password=s3cret", "give it as a URL"),
    ],
)
def test_a_name_meant_for_another_database_is_refused_not_made_a_file(
    url, said, tmp_path, monkeypatch
):
    """It was taken for an SQLite path: ingest made a file of that name in the working
    folder (the key=value string, password and all), and `stories` said "no store"."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=said) as err:
        open_store(url)
    assert "s3cret" not in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_a_password_is_never_shown_wherever_the_url_writes_it():
    from newsmoa.store.location import shown

    assert shown("postgresql://u:pw@h/db") == "postgresql://u:***@h/db"
    assert shown("postgresql://u@h/db?sslmode=require&password=pw") == (
        "postgresql://u@h/db?sslmode=require&password=***"
    )
    assert shown("postgresql://u:pw@[::1:x/db") == "postgresql://u:***@[::1:x/db"
    assert shown("host=h password='p w' dbname=n") == "host=h password=*** dbname=n"
    assert shown("data/password=1.db") == "data/password=1.db"  # a path: as given
    assert shown("postgresql://u@h/db") == "postgresql://u@h/db"


def test_a_postgres_url_libpq_cannot_read_is_a_store_error_without_its_password():
    pytest.importorskip("psycopg")
    for url in ("postgresql://pg:s3cret@[::1:bad/x", "postgresql://pg:s3%zzret@h/x"):
        with pytest.raises(StoreError, match="not a PostgreSQL URL libpq reads") as err:
            open_store(url)  # (a ValueError's traceback, or libpq quoting the password)
        assert "s3cret" not in str(err.value) and "zzret" not in str(err.value)


def test_a_server_that_never_answers_is_an_error_after_the_wait(monkeypatch):
    """libpq waits for ever on a host that takes the connection and says nothing (or a
    firewall that drops packets): the command hung."""
    pytest.importorskip("psycopg")
    from newsmoa.store import postgres

    monkeypatch.setattr(postgres, "CONNECT_TIMEOUT_S", 2)
    monkeypatch.delenv("PGCONNECT_TIMEOUT", raising=False)
    silent = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    threading.Thread(target=lambda: held.append(silent.accept()[0]), daemon=True).start()
    port = silent.getsockname()[1]
    started = time.monotonic()
    try:
        with pytest.raises(StoreError, match="cannot connect: .*timeout expired after 2 s"):
            open_store(f"postgresql://news:s3cret@127.0.0.1:{port}/news")
    finally:
        silent.close()
        for conn in held:
            conn.close()
    assert time.monotonic() - started < 10


def test_a_store_that_cannot_be_written_is_said_before_an_ingest_works(tmp_path, monkeypatch):
    from newsmoa.store import sqlite

    path = tmp_path / "news.db"
    open_store(str(path)).close()
    monkeypatch.setattr(sqlite.os, "access", lambda p, mode: str(p) != str(path))
    with pytest.raises(StoreError, match="cannot be written here \\(the file cannot be"):
        open_store(str(path))  # ingest, watch: they would work for nothing
    open_store(str(path), create=False).close()  # reading it is fine


def test_a_store_on_a_read_only_volume_is_read(tmp_path, monkeypatch):
    """An archive on a read-only volume (mounted for `serve`): SQLite cannot open a WAL
    store there ("unable to open database file": its shared-memory file cannot be made),
    so it is opened immutable, for reading."""
    from newsmoa.store import sqlite

    path = str(tmp_path / "news.db")
    with closing(open_store(path)) as store:
        store.save_articles([_row()])
    monkeypatch.setattr(sqlite, "_read_only_fs", lambda p: True)
    with closing(open_store(path, create=False)) as store:
        assert store.stories_of(["a"]) == {"a": "s1"}
        with pytest.raises(StoreError, match="cannot be written here"):
            store.save_redirects({"s1": "s2"})


def _read_only(store) -> None:
    """The store's connection swapped for a read-only one (as of a read-only file)."""
    store.db.close()
    uri = f"file:{store.path}?mode=ro"
    store.db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


def test_a_read_only_store_shows_a_story_and_refuses_a_write_in_a_line(tmp_path):
    """A store that may only be read here: `show` of a story whose analysis was deferred
    failed with SQLite's traceback when it cached the document, and so did a correction."""
    from newsmoa.pipeline import story_document

    path = str(tmp_path / "news.db")
    with closing(open_store(path)) as store:
        _one_story(store)
    store = open_store(path, create=False)
    _read_only(store)
    doc = story_document(store, "s1")
    assert doc is not None and doc["id"] == "s1" and doc["sentences"]
    with pytest.raises(StoreError, match=f"{path}: cannot be written here \\(attempt to write"):
        store.save_redirects({"s1": "s2"})
    store.close()


def test_a_postgres_role_that_may_only_read(pg_url):
    """A newsroom grants a researcher SELECT only: reading works, a story is shown, and an
    ingest is refused before its work (it was psycopg's traceback after it)."""
    from newsmoa.pipeline import story_document

    with closing(open_store(pg_url)) as store:
        _one_story(store)
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute(
            "DO $$ BEGIN CREATE ROLE reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL;"
            " END $$"
        )
        db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    reader = pg_url.replace("postgres:@", "reader:@", 1)
    with pytest.raises(StoreError, match="cannot be written here \\(this user may not write"):
        open_store(reader)
    with closing(open_store(reader, create=False)) as store:
        doc = story_document(store, "s1")
        assert doc is not None and doc["sentences"]
        with pytest.raises(StoreError, match="cannot be written here \\(permission denied"):
            store.save_redirects({"s1": "s2"})


def test_a_store_file_deleted_or_replaced_under_a_process_is_not_written(tmp_path):
    """SQLite writes on into a deleted file: `watch` reported articles added to a store no
    one could read any more. A file put in its place is another store: not written either."""
    path = tmp_path / "news.db"
    store = open_store(str(path))
    store.save_articles([_row("a")])
    for name in ("news.db", "news.db-wal", "news.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    with pytest.raises(StoreError, match="deleted or replaced after this process opened it"):
        store.save_articles([_row("b")])
    open_store(str(path)).close()  # another store there now
    with pytest.raises(StoreError, match="deleted or replaced"):
        store.save_articles([_row("b")])
    store.close()


def test_a_story_is_shown_from_a_store_replaced_under_the_process(tmp_path):
    """`serve` reads on from the file it opened: a story whose document is not cached is
    built and shown (not cached), not an error."""
    from newsmoa.pipeline import story_document

    path = tmp_path / "news.db"
    store = open_store(str(path))
    _one_story(store)
    for suffix in ("", "-wal", "-shm"):  # moved aside, a new store made in its place
        if (tmp_path / f"news.db{suffix}").exists():
            (tmp_path / f"news.db{suffix}").rename(tmp_path / f"old.db{suffix}")
    open_store(str(path)).close()
    doc = story_document(store, "s1")
    assert doc is not None and doc["sentences"]
    store.close()


@pytest.mark.parametrize("command", [["stories"], ["show", "s1"], ["serve"]])
def test_a_read_command_refuses_a_connection_string_without_showing_its_password(
    command, tmp_path, monkeypatch
):
    """`stories` with a key=value string said `no store at host=… password=s3cret`: the
    check for a missing SQLite file ran first and printed the name whole."""
    from click.testing import CliRunner

    from newsmoa.serve.cli import cli

    monkeypatch.chdir(tmp_path)
    got = CliRunner().invoke(cli, ["--db", "host=h dbname=n password=s3cret", *command])
    assert got.exit_code == 1
    assert "key=value form" in got.output and "s3cret" not in got.output


def test_a_postgres_role_granted_before_the_search_table_may_not_ingest(pg_url):
    """A writer's grants made before the upgrade that made `article_text` do not cover it:
    ingest was let in and failed on its first search row after all its work."""
    open_store(pg_url).close()
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute(
            "DO $$ BEGIN CREATE ROLE writer LOGIN; EXCEPTION WHEN duplicate_object THEN NULL;"
            " END $$"
        )
        db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO writer")
        db.execute("GRANT INSERT, UPDATE, DELETE ON articles, stories, unsettled TO writer")
        db.execute("REVOKE ALL ON article_text FROM writer")
    writer = pg_url.replace("postgres:@", "writer:@", 1)
    with pytest.raises(StoreError, match="cannot be written here \\(this user may not write"):
        open_store(writer)


def _full(store) -> None:
    """The store's disk full from now on: SQLite may not grow its file by a page (the
    SQLITE_FULL "database or disk is full" a full disk gives)."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_is_named_with_the_store_and_loses_nothing(tmp_path):
    """An ingest onto a full disk ended in SQLite's traceback; it says so in a line naming
    the store, the batch is not half written, and what was stored before stays; a story
    whose document is not built yet is still shown (not cached)."""
    from newsmoa.pipeline import Newsroom, story_document
    from newsmoa.types import RawItem

    path = str(tmp_path / "news.db")
    first = "군은 12일 둘레길 개통식을 열었다고 밝혔다. 주민 150여 명이 참석했다."
    with closing(open_store(path)) as store:
        got = Newsroom(store).ingest([RawItem("a.txt", first, id="a")], defer_analysis=True)
    (story,) = got.stories
    store = open_store(path)
    _full(store)
    text = "군은 20일 도서관 착공식을 열었다고 밝혔다. 사업비는 120억 원이다. " * 40
    items = [RawItem(f"n{k}.txt", f"{text} 번호 {k}.", id=f"n{k}") for k in range(30)]
    with pytest.raises(StoreError, match=f"^{path}: the disk is full \\(database or disk is full"):
        Newsroom(store).ingest(items)
    assert store.stories_of(["a", "n0", "n29"]) == {"a": story}
    doc = story_document(store, story)
    assert doc is not None and doc["sentences"]
    store.close()
