"""Storage behind one interface (`Store`): SQLite by default, PostgreSQL for a shared server.

`open_store(url)` picks the implementation from the URL: a file path -> SQLite,
`postgresql://...` -> PostgreSQL.
"""

from __future__ import annotations

from newsmoa.store.base import Store, StoredArticle


def open_store(url: str) -> Store:
    if url.startswith(("postgresql://", "postgres://")):
        from newsmoa.store.postgres import PostgresStore

        return PostgresStore(url)
    from newsmoa.store.sqlite import SQLiteStore

    return SQLiteStore(url)


__all__ = ["Store", "StoredArticle", "open_store"]
