"""The whole path on PostgreSQL (`--db postgresql://...`): the same stories as on SQLite."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsmoa.errors import StoreError
from newsmoa.serve.cli import cli
from newsmoa.store import open_store
from newsmoa.store.location import shown


def run(db, *args):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], obj={}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_example_gives_the_same_story_on_postgres_and_sqlite(pg_url, tmp_path, example_path):
    docs = {}
    for name, db in (("postgres", pg_url), ("sqlite", tmp_path / "s.db")):
        assert "added 3, updated 0, already present 0" in run(db, "ingest", str(example_path))
        (row,) = json.loads(run(db, "stories", "--format", "json"))
        docs[name] = json.loads(run(db, "show", row["id"], "--format", "json"))
        again = run(db, "ingest", str(example_path))
        assert "added 0, updated 0, already present 3" in again and "3 articles in 1 story" in again
        assert len(json.loads(run(db, "stories", "--format", "json", "--outlet", "국제뉴스"))) == 1
        assert json.loads(run(db, "stories", "--format", "json", "--outlet", "없는신문")) == []
    assert docs["postgres"] == docs["sqlite"]
    assert len(docs["postgres"]["articles"]) == 3 and docs["postgres"]["sentences"]


def test_a_server_that_cannot_be_reached_is_named_without_its_password(tmp_path):
    url = f"postgresql://newsmoa:s3cret@/newsmoa?host={tmp_path}&connect_timeout=2"
    with pytest.raises(StoreError) as err:
        open_store(url)
    assert "s3cret" not in str(err.value)
    assert str(err.value).startswith(f"postgresql://newsmoa:***@/newsmoa?host={tmp_path}")
    assert shown("postgresql://u@h/db") == "postgresql://u@h/db"


def test_doubts_and_confirm_on_postgres_as_on_sqlite(pg_url, tmp_path, example_path):
    """`newsmoa doubts` lists the example's story on either database, and `confirm` takes it
    off the list."""
    got = {}
    for name, db in (("postgres", pg_url), ("sqlite", tmp_path / "s.db")):
        run(db, "ingest", str(example_path))
        found = json.loads(run(db, "doubts", "--format", "json"))
        (split,) = found["split"]
        run(db, "confirm", split["stories"][0])
        assert json.loads(run(db, "doubts", "--format", "json"))["split"] == []
        got[name] = (found["end"], [[a["id"] for a in p] for p in split["parts"]])
    assert got["postgres"] == got["sqlite"]


def test_a_nul_in_an_address_is_refused_not_a_server_error(pg_url, tmp_path):
    """PostgreSQL's text holds no NUL: `/api/stories/s%00x` was a 500 there (a 404 on SQLite);
    on either store an address with a NUL in its path or query is a 400 that says so."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient

    from newsmoa.serve.app import create_app

    for db in (pg_url, tmp_path / "s.db"):
        open_store(str(db)).close()  # (made empty)
        client = TestClient(create_app(str(db)), raise_server_exceptions=False)
        for path in ("/api/stories/s%00x", "/stories/s%00x", "/articles/a%00", "/?outlet=a%00"):
            got = client.get(path)
            assert got.status_code == 400, (db, path, got.status_code)
            assert "NUL" in got.text
        assert client.get("/api/stories/s%00x").json()["detail"].startswith("no address holds")
