"""The default store: one SQLite file in WAL mode (readers never block the writer)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsmoa.errors import StoreError
from newsmoa.store.migrations import NO_STORE, NOT_OURS, foreign_tables, migrate, stored_version
from newsmoa.store.sql import SQLStore

BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another process's lock


def _more(names: list[str]) -> str:
    return f" and {len(names) - 3} more" if len(names) > 3 else ""


class SQLiteStore(SQLStore):
    BEGIN = "BEGIN IMMEDIATE"  # the write lock up front: one writer at a time, no deadlock

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        super().__init__()
        self.path = self.name = str(path)
        if not create and not Path(path).exists():  # (connecting would make the file)
            raise StoreError(f"{self.path}: {NO_STORE}")
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            if stored_version(self.db) == 0:  # (before WAL changes the file)
                if not create:
                    raise StoreError(NO_STORE)
                if tables := foreign_tables(self.db):
                    raise StoreError(NOT_OURS.format(tables=", ".join(tables[:3]) + _more(tables)))
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a newsmoa store: {exc}") from exc
        except StoreError as exc:
            self.db.close()
            raise StoreError(f"{self.path}: {exc}") from exc
