"""Storage behind one interface (`Store`): SQLite by default, PostgreSQL for a shared server.

`open_store(url)` picks the implementation from the URL: a file path -> SQLite,
`postgresql://...` -> PostgreSQL; another URL, or libpq's key=value string, is refused
(`store.location`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from newsmoa.stamp import analysis_stamp
from newsmoa.store.base import Store, StoredArticle


def open_store(url: str, *, create: bool = True) -> Store:
    """The store at `url`, made (or upgraded) as needed; with `create` False, a database
    without newsmoa's tables is a `StoreError` (a command that only reads, given the wrong
    database, would otherwise make them there and answer from an empty store)."""
    from newsmoa.errors import ConfigError
    from newsmoa.store.location import is_postgres, refusal

    analysis_stamp()  # taken now, from the code this process runs (`newsmoa.stamp`)
    if problem := refusal(url):
        raise ConfigError(problem)
    if is_postgres(url):
        from newsmoa.store.postgres import PostgresStore

        return PostgresStore(url, create=create)
    from newsmoa.store.sqlite import SQLiteStore

    return SQLiteStore(url, create=create)


@contextmanager
def scratch_store() -> Iterator[Store]:
    """A new SQLite store in a temporary folder, closed and removed on leaving: the
    evaluations' stores, of which nothing is kept."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(os.path.join(folder, "scratch.db"))
        try:
            yield store
        finally:
            store.close()


__all__ = ["Store", "StoredArticle", "open_store", "scratch_store"]
