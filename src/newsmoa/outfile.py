"""Writing one output file of a batch command (`cluster`, `entities`, `backfill`)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO


@contextmanager
def writing(path: str) -> Iterator[IO[str]]:
    """`path` open for writing UTF-8 text ("-": stdout), closed however the block ends. A
    failure to open, write or close it (a full disk is found when the file is closed) is an
    `OSError` whose `filename` is `path`, so that the caller names the output, not its
    input."""
    try:
        if path == "-":
            yield sys.stdout
            sys.stdout.flush()
            return
        with open(path, "w", encoding="utf-8") as handle:  # closed (and flushed) on any exit
            yield handle
    except OSError as exc:
        if exc.filename == path:
            raise
        raise OSError(exc.errno, exc.strerror or str(exc), path) from exc
