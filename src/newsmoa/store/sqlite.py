"""The default store: one SQLite file in WAL mode (readers never block the writer)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsmoa.errors import StoreError
from newsmoa.store.migrations import (
    NO_STORE,
    application_id,
    migrate,
    refusal,
    stored_version,
    table_names,
)
from newsmoa.store.sql import SQLStore

BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another process's lock


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
            self.db.execute("BEGIN")  # both read in one snapshot: another process may be
            try:  # making the store meanwhile (its tables, then its version, in one commit)
                version, tables = stored_version(self.db), table_names(self.db)
                owner = application_id(self.db)
            finally:
                self.db.execute("COMMIT")
            if problem := refusal(version, tables, create=create, owner=owner):  # (before WAL)
                raise StoreError(problem)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open as a newsmoa store: {exc}") from exc
        except StoreError as exc:
            self.db.close()
            raise StoreError(f"{self.path}: {exc}") from exc
