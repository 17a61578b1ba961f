"""One entry point for both engines: read IN, group, write OUT and the near-duplicate groups."""

from __future__ import annotations

import errno
from pathlib import Path

from newsmoa.backfill.config import DEFAULT_BACKFILL, BackfillConfig
from newsmoa.backfill.output import Summary, near_duplicates_path, write_result
from newsmoa.errors import InputError
from newsmoa.ingest.compressed import reading
from newsmoa.ingest.readers import READ_SUFFIXES, kind_suffix

ENGINES = ("local", "spark")
BLANK = b"\xef\xbb\xbf \t\r\n"  # a BOM and white space before the first line's object


def opens_object(path: str, *, block: int = 1 << 16) -> bool:
    """Whether the file's (decompressed) text opens with a JSON object after any blank
    lines, or holds nothing: JSONL; a CSV export, a release's text or a page does not."""
    with reading(path) as source:
        while data := source.read(block):
            if rest := data.lstrip(BLANK):
                return rest.startswith(b"{")
    return True


def check_input(infile: str) -> None:
    """Refuse, before any work, a local IN that is no file or holds no JSONL: a folder was
    "no such file", and a CSV export or a release's text an error for each of its lines after
    the whole run. An `OSError` when it cannot be read, else an `InputError`."""
    if "://" in infile:  # Spark reads it; Spark says
        return
    path = Path(infile)
    if path.is_dir():
        raise InputError(infile, "a folder: backfill reads one JSONL file (ingest reads folders)")
    if not path.is_file():
        raise FileNotFoundError(errno.ENOENT, "no such file", infile)
    if not opens_object(infile):
        suffix = kind_suffix(path)
        other = f"; `newsmoa ingest` reads {suffix} files" if suffix in READ_SUFFIXES else ""
        raise InputError(
            infile, 'not JSONL: backfill reads one JSON object a line ({"text": "..."})' + other
        )


def backfill(
    infile: str,
    out: str,
    *,
    engine: str = "local",
    master: str | None = None,
    near_duplicates: str | None = None,
    config: BackfillConfig = DEFAULT_BACKFILL,
    spark_conf: dict[str, str] | None = None,
) -> Summary:
    """Run a backfill of the JSONL at `infile` and write its results.

    `out` gets the `cluster` contract ("-" for stdout); `near_duplicates` the groups (default
    `OUT.near_duplicates.jsonl`). `engine` is "local" (this process) or "spark" (`master`,
    default local[2], or the master of the spark-submit that started this process).
    """
    groups_out = near_duplicates or near_duplicates_path(out)
    check_input(infile)  # Spark would say it far later, the local engine a line at a time
    if engine == "local":
        from newsmoa.backfill.local import run_local

        return write_result(run_local(infile, config), out, groups_out)
    if engine == "spark":
        from newsmoa.backfill.session import spark_session
        from newsmoa.backfill.spark import run_spark

        with spark_session(master, conf=spark_conf) as spark:
            return write_result(run_spark(spark, infile, config, origin=infile), out, groups_out)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
