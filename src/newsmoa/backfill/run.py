"""One entry point for both engines: read IN, group, write OUT and the near-duplicate groups."""

from __future__ import annotations

import errno
import os

from newsmoa.backfill.config import DEFAULT_BACKFILL, BackfillConfig
from newsmoa.backfill.output import Summary, near_duplicates_path, write_result

ENGINES = ("local", "spark")


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
    if "://" not in infile and not os.path.isfile(infile):  # Spark would say it far later
        raise FileNotFoundError(errno.ENOENT, "no such file", infile)
    if engine == "local":
        from newsmoa.backfill.local import run_local

        return write_result(run_local(infile, config), out, groups_out)
    if engine == "spark":
        from newsmoa.backfill.session import spark_session
        from newsmoa.backfill.spark import run_spark

        with spark_session(master, conf=spark_conf) as spark:
            return write_result(run_spark(spark, infile, config, origin=infile), out, groups_out)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
