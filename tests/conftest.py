"""Shared fixtures: the bundled example, team-written articles, a temporary store."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "wanju-2015-blog.txt"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_articles():
    from newsmoa.extract.article import extract
    from newsmoa.ingest.readers import read_file

    return [extract(item) for item in read_file(EXAMPLE)]


@pytest.fixture
def flash_item():
    """A wire's breaking-news flash as a JSONL line gives it: its text is its headline."""
    from newsmoa.types import RawItem

    return RawItem(
        origin="f.jsonl:1",
        title="[속보] 코스피 2,700선 회복",
        text="[속보] 코스피 2,700선 회복",
        outlet="연합뉴스",
        published="2024-05-01T09:01:00+09:00",
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


_pg_numbers = itertools.count()


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    pgserver = pytest.importorskip(
        "pgserver", reason="PostgreSQL store tests need pgserver: pip install -e '.[dev]'"
    )
    server = pgserver.get_server(tmp_path_factory.mktemp("pg"), cleanup_mode="stop")
    yield server
    server.cleanup()


@pytest.fixture
def pg_url(pg_server) -> str:
    """A new, empty database on the test server."""
    name = f"t{next(_pg_numbers)}"
    pg_server.psql(f"CREATE DATABASE {name};")
    return pg_server.get_uri(name)


_RESULTS: list[str] = []


@pytest.fixture(scope="session")
def results_line():
    """Print a measured comparison after the run (e.g. the backfill engines vs `cluster`),
    where CI logs show it, not only in a failing test's captured output."""
    return _RESULTS.append


def pytest_terminal_summary(terminalreporter):
    if _RESULTS:
        terminalreporter.section("measured in this run")
        for line in _RESULTS:
            terminalreporter.write_line(line)
