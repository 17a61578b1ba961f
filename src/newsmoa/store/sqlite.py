"""The default store: one SQLite file in WAL mode (readers never block the writer).

A path that cannot hold the store is refused before anything is read or computed, saying
why (`path_refusal`): a folder, a folder that does not exist, a file or folder that cannot be
written by a command that writes (an ingest found out only when it saved, with SQLite's
traceback). A store on a read-only file system (a read-only volume, a mounted archive) is
opened for reading as immutable: SQLite could not open it otherwise (WAL needs its shared
memory file beside it), and nothing can change it there.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newsmoa.errors import StoreError, StoreGone
from newsmoa.store.access import BUSY, GONE, OLD_READ_ONLY, READ_ONLY, is_read_only
from newsmoa.store.base import is_busy
from newsmoa.store.migrations import (
    NO_STORE,
    application_id,
    migrate,
    refusal,
    stored_version,
    table_names,
)
from newsmoa.store.search import SHORT, bare
from newsmoa.store.sql import SQLStore

BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another process's lock


class SQLiteStore(SQLStore):
    BEGIN = "BEGIN IMMEDIATE"  # the write lock up front: one writer at a time, no deadlock

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        super().__init__()
        self._fts: bool | None = None
        self.path = self.name = str(path)
        if not create and not Path(path).exists():  # (connecting would make the file)
            raise StoreError(f"{self.path}: {NO_STORE}")
        if problem := path_refusal(Path(path), create=create):
            raise StoreError(f"{self.path}: {problem}")
        try:
            target, uri = _target(Path(path), create=create)
            self.db = sqlite3.connect(
                target, isolation_level=None, check_same_thread=False, uri=uri
            )
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            # case folded as Python and PostgreSQL fold it (SQLite's lower() folds ASCII only:
            # `éc` was not in `École` here, and was on PostgreSQL)
            self.db.create_function("fold", 1, _fold, deterministic=True)
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
            self._file = _identity(Path(path))
        except sqlite3.DatabaseError as exc:
            if is_read_only(exc):  # (`migrate`: an older schema, upgraded on opening)
                raise StoreError(f"{self.path}: {OLD_READ_ONLY}") from exc
            raise StoreError(f"{self.path}: cannot open as a newsmoa store: {exc}") from exc
        except StoreError as exc:
            self.db.close()
            raise StoreError(f"{self.path}: {exc}") from exc

    def _text_match(self, groups: Sequence[Sequence[str]]) -> tuple[str, list[str], list[Any]]:
        """The groups of terms of three characters or more found through the trigram index
        (FTS5, `migrations.m014_search`), one MATCH of them all (a group's terms joined by
        OR); a group with a shorter term, which it cannot find (SQLite 3.40 finds no row
        for a LIKE of two Korean syllables), by reading each row the index found, or every
        row when no group is long enough."""
        long = [g for g in groups if all(len(bare(t)) >= SHORT for t in g)]
        if not long or not self._indexed():
            return super()._text_match(groups)
        where, args = self._holding([g for g in groups if g not in long])
        where = ["article_search MATCH ?", *where]
        args = [" AND ".join(_either(g) for g in long), *args]
        return "article_search s JOIN article_text t ON t.n = s.rowid", where, args

    def _indexed(self) -> bool:
        """Whether the store has its trigram index (a SQLite without FTS5 made none)."""
        if self._fts is None:
            row = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'article_search'"
            ).fetchone()
            self._fts = row is not None
        return self._fts

    def _contains(self, column: str, term: str) -> tuple[str, list[Any]]:
        return f"instr({self._lowered(column, term)}, ?) > 0", [term]

    def _lowered(self, column: str, term: str) -> str:
        if term.upper() == term:  # no letter with a case (Hangul, figures): none to fold
            return column
        return f"fold({column})"

    def _begin(self) -> None:
        if _identity(Path(self.path)) != self._file:  # deleted, or another file put there
            raise StoreGone(f"{self.path}: {GONE}")
        try:
            super()._begin()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            said = BUSY.format(wait_s=BUSY_TIMEOUT_MS / 1000, holder="")
            raise StoreError(f"{self.path}: {said}") from exc


def _either(group: Sequence[str]) -> str:
    """A group of terms as FTS5 phrases, one of which a row holds."""
    return _phrase(group[0]) if len(group) == 1 else "(" + " OR ".join(map(_phrase, group)) + ")"


def _phrase(term: str) -> str:
    """`term` as one FTS5 phrase: in double quotes, its own doubled."""
    return '"' + bare(term).replace('"', '""') + '"'


def _fold(text: str | None) -> str | None:
    return None if text is None else text.lower()


def _identity(path: Path) -> tuple[int, int] | None:
    """The file at `path` (device, inode), None where there is none."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def path_refusal(path: Path, *, create: bool) -> str | None:
    """Why `path` cannot hold a store, or None: a folder; for a command that writes
    (`create`), a folder to make it in that does not exist or cannot be written, or a store
    that cannot be written (its file, or its folder, where SQLite keeps its journal)."""
    if path.is_dir():
        return f"a folder, not a store's file: give a file's path in it ({path / 'newsmoa.db'})"
    if not create:
        return None
    folder = path.parent
    if not path.exists():
        if not folder.is_dir():
            return f"the folder {folder} does not exist: make it, or give another path"
        if not os.access(folder, os.W_OK):
            return f"cannot make the store: the folder {folder} cannot be written"
        return None
    if not os.access(path, os.W_OK):
        return READ_ONLY.format(why="the file cannot be written")
    journal = Path(f"{path}-wal")
    if not os.access(folder, os.W_OK) and not os.access(journal, os.W_OK):
        return READ_ONLY.format(why=f"its folder {folder} cannot be written")
    return None


def _target(path: Path, *, create: bool) -> tuple[str, bool]:
    """What `sqlite3.connect` opens (the database, whether it is a URI): the path, or on a
    read-only file system, for reading, an immutable read-only URI."""
    if create or not _read_only_fs(path):
        return str(path), False
    return f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1", True


def _read_only_fs(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False
