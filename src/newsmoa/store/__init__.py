"""Storage behind one interface (`Store`): SQLite by default, PostgreSQL for a shared server.

`open_store(url)` picks the implementation from the URL: a file path -> SQLite,
`postgresql://...` -> PostgreSQL.
"""

from __future__ import annotations

from newsmoa.errors import ConfigError
from newsmoa.store.base import Store, StoredArticle


def open_store(url: str) -> Store:
    if url.startswith(("postgresql://", "postgres://")):
        raise ConfigError(f"{url}: PostgreSQL is not available in this version; use an SQLite path")
    from newsmoa.store.sqlite import SQLiteStore

    return SQLiteStore(url)


__all__ = ["Store", "StoredArticle", "open_store"]
