"""Each store test runs on SQLite and on PostgreSQL (a throwaway server that pgserver starts;
skipped with a message where pgserver is not installed)."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url):
    from newsmoa.store import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()
