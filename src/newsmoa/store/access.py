"""Whether the store may be written here: the error a write refused by a read-only store
raises, and what a command is told of it.

A store may be one to read only: a SQLite file, or its folder, that this user cannot write,
on a read-only volume (an archive mounted for `serve`); a PostgreSQL role granted SELECT
only, or a standby server. Commands that read it work (a story document is built and shown
without being cached); those that write it are told so, naming the store, before their work
where the store can tell (`open_store` for ingest and watch), else when they write.

A store on a full disk (SQLite's "database or disk is full", PostgreSQL's `DiskFull`) takes
nothing more (`FULL`): the write is rolled back whole, what was stored before stays, and the
command says so naming the store (it was SQLite's traceback); `show` builds a story's
document without caching it.

An SQLite store whose file was deleted or replaced under a running process may not be written
by it either (`GONE`): SQLite would write on into the deleted file, and `watch` reported
articles added to a store no one could read any more.
"""

from __future__ import annotations

from newsmoa.errors import StoreGone

READ_ONLY = (
    "cannot be written here ({why}): commands that read the store work; ingest, watch and"
    " the corrections need to write it"
)
OLD_READ_ONLY = (
    "its schema is older than this newsmoa's and is upgraded when the store is opened, but it"
    " cannot be written here: open it once where it can be (any command does), or read it"
    " with the newsmoa that made it"
)


GONE = (
    "the store's file was deleted or replaced after this process opened it: nothing more is"
    " written to it, where it would be lost; run the command again to use the store there now"
)


BUSY = (
    "another process has held the store's write lock for more than {wait_s:g} s{holder}:"
    " nothing of this was written; try again when it is done"
)

FULL = (
    "the disk is full ({why}): nothing of this was written and what was stored before stays;"
    " free some space and run it again"
)


def is_full(exc: BaseException | None) -> bool:
    """Whether a write failed because the store's disk (or its size limit) is full (SQLite's
    SQLITE_FULL, "database or disk is full"; PostgreSQL's `DiskFull`, SQLSTATE 53100)."""
    import sqlite3

    while exc is not None:
        if isinstance(exc, sqlite3.OperationalError) and "is full" in str(exc):
            return True
        if type(exc).__name__ == "DiskFull":
            return True
        exc = exc.__cause__
    return False


def is_gone(exc: BaseException) -> bool:
    """Whether a write was refused because the store's file is no longer where it was
    opened (`GONE`): a process that keeps running (`watch`) stops, rather than go on
    reporting articles as added to a file nobody can read."""
    return isinstance(exc, StoreGone)


def is_read_only(exc: BaseException | None) -> bool:
    """Whether an operation failed because the store may only be read here (SQLite's
    "attempt to write a readonly database"; PostgreSQL's missing privilege or read-only
    transaction), or raised the `StoreError` saying so (`SQLStore.transaction`)."""
    import sqlite3

    while exc is not None:
        if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
            return True
        if type(exc).__name__ in ("InsufficientPrivilege", "ReadOnlySqlTransaction"):
            return True
        exc = exc.__cause__
    return False
