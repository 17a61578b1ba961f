"""Backfill: the same stage functions mapped over a distributed engine (or one process).

    JSONL lines --extract, features, signatures--> articles          (per partition)
      --LSH bands, groupBy(band, key), checked pairs, union-find-->  near-duplicate groups
      --time blocks (with overlap), StoryIndex per block,
        union of assignments on shared articles, names-->            stories
      --> OUT in the `newsmoa cluster` contract, plus the near-duplicate groups

    backfill("archive.jsonl", "stories.jsonl", engine="spark")     # or engine="local"
    run_local(path) / run_spark(session, path) -> Result           # for tests and notebooks

Near-duplicate groups equal the single-machine run's (`dedup.near_duplicate_pairs` on the
extracted texts, then `dedup.groups`); stories agree with `newsmoa cluster`. See README.md
in this folder for running on a cluster and how it scales.
"""

from newsmoa.backfill.config import DEFAULT_BACKFILL, BackfillConfig
from newsmoa.backfill.local import run_local
from newsmoa.backfill.output import Result, Summary
from newsmoa.backfill.run import ENGINES, backfill

__all__ = [
    "DEFAULT_BACKFILL",
    "ENGINES",
    "BackfillConfig",
    "Result",
    "Summary",
    "backfill",
    "run_local",
]
