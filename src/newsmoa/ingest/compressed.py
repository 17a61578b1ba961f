"""Input compressed with gzip (an archive kept as `articles.jsonl.gz`), read as its text.

`cluster` and `backfill` read a JSONL file line by line; given a gzip file they read its bytes
as text and reported every line as "not UTF-8 text" (and `ingest` refused `.gz` as a file type).
A file is taken as gzip by its first two bytes (the gzip magic), whatever its name; `ingest`
reads `a.jsonl.gz` as the `.jsonl` it holds.
"""

from __future__ import annotations

import gzip
import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

GZIP_MAGIC = b"\x1f\x8b"


def is_gzip(path: str) -> bool:
    """Whether the file at `path` starts with the gzip magic."""
    with open(path, "rb") as handle:
        return handle.read(2) == GZIP_MAGIC


def read_plain(path: str) -> bytes:
    """The file's bytes, decompressed when it is gzip."""
    with reading(path) as source:
        return source.read()


def plain_bytes(data: bytes, limit: int) -> bytes:
    """`data` decompressed when it is gzip (a member `a.jsonl.gz` of a zip archive); a
    `ValueError` when it holds over `limit` bytes, which the archive's stated size of the
    member, its compressed one, did not bound (a review: a 1 MB member can hold 1 GB)."""
    if data[:2] != GZIP_MAGIC:
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as source:
            out = source.read(limit + 1)
    except EOFError as exc:
        raise gzip.BadGzipFile(f"the gzip file is cut short ({exc})") from exc
    if len(out) > limit:
        raise ValueError(f"over {limit:,} bytes once decompressed: not a file of articles")
    return out


def copy_plain(path: str, target: IO[bytes]) -> None:
    """Write the file's (decompressed) bytes to `target`."""
    with reading(path) as source:
        shutil.copyfileobj(source, target)


@contextmanager
def reading(path: str) -> Iterator[io.BufferedIOBase]:
    """The file open for reading, through gzip when it is gzip; a gzip stream cut short is
    an `OSError` (`gzip.BadGzipFile`) like a damaged one, not gzip's `EOFError`."""
    opened: io.BufferedIOBase
    opened = gzip.GzipFile(path, "rb") if is_gzip(path) else open(path, "rb")  # noqa: SIM115
    with opened as source:
        try:
            yield source
        except EOFError as exc:
            raise gzip.BadGzipFile(f"the gzip file is cut short ({exc})") from exc
