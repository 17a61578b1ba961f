"""Time `cluster`, the local backfill and the Spark backfill on the same files, side by side.

    python -m newsmoa.backfill.measure a.jsonl b.jsonl --engines cluster,local,spark

Prints one markdown row per file and engine: articles, cores, wall seconds, articles/s,
pairwise F1 of the stories against `cluster` and whether the near-duplicate groups equal the
local engine's. `cluster`'s rows are cached next to each file (`FILE.cluster.jsonl`). A
measurement, not a test: timing targets live here, never in unit tests.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import click

from newsmoa.backfill.config import BackfillConfig
from newsmoa.backfill.output import Result
from newsmoa.eval.scoring import pairwise


def _cluster_rows(path: Path) -> tuple[list[dict], float | None]:
    cache = Path(f"{path}.cluster.jsonl")
    if cache.exists():
        return [json.loads(line) for line in cache.read_text("utf-8").splitlines()], None
    from newsmoa.ingest.readers import read_jsonl
    from newsmoa.pipeline import cluster_items

    start = time.perf_counter()
    items = list(read_jsonl(str(path), path.read_text("utf-8-sig"), keep_blank=True))
    rows = cluster_items(items)
    took = time.perf_counter() - start
    cache.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return rows, took


def _f1(reference: list[dict], rows: list[dict]) -> float:
    both = [(r, m) for r, m in zip(reference, rows, strict=True) if "story" in r and "story" in m]
    return pairwise([r["story"] for r, _ in both], [m["story"] for _, m in both]).f1


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--engines", default="cluster,local,spark", show_default=True)
@click.option("--master", default="local[2]", show_default=True)
@click.option("--block-hours", type=float, default=BackfillConfig().block_hours, show_default=True)
@click.option(
    "--block-articles", type=int, default=BackfillConfig().block_articles, show_default=True
)
def main(
    files: tuple[str, ...], engines: str, master: str, block_hours: float, block_articles: int
) -> None:
    """Example: python -m newsmoa.backfill.measure .cache/bench/10k.jsonl --engines local,spark"""
    from contextlib import ExitStack

    config = BackfillConfig(block_hours=block_hours, block_articles=block_articles)
    wanted = engines.split(",")
    cores = {"cluster": 1, "local": 1}
    print("| articles | engine | cores | seconds | articles/s | F1 vs cluster | groups = local |")
    print("|---|---|---|---|---|---|---|")
    with ExitStack() as stack:
        spark = None
        if "spark" in wanted:
            from newsmoa.backfill.session import spark_session

            start = time.perf_counter()
            spark = stack.enter_context(spark_session(master))
            cores["spark"] = spark.sparkContext.defaultParallelism
            print(f"<!-- spark session {master}: {time.perf_counter() - start:.1f} s -->")
        for name in files:
            path = Path(name)
            reference, took = _cluster_rows(path)
            n = sum(1 for r in reference if "story" in r)
            if "cluster" in wanted and took is not None:
                print(f"| {n:,} | cluster | 1 | {took:.1f} | {n / took:,.0f} | 1 | - |", flush=True)
            local_groups = None
            for engine in [e for e in wanted if e in ("local", "spark")]:
                start = time.perf_counter()
                result = _run(engine, path, config, spark)
                rows = list(result.rows)
                took = time.perf_counter() - start
                groups = {frozenset(g["articles"]) for g in result.groups}
                local_groups = groups if engine == "local" else local_groups
                same = "-" if local_groups is None else str(groups == local_groups)
                stages = ", ".join(
                    f"{k} {v:.1f}" for k, v in result.stats.items() if k.endswith("_s")
                )
                print(
                    f"| {n:,} | {engine} | {cores[engine]} | {took:.1f} | {n / took:,.0f} | "
                    f"{_f1(reference, rows):.4f} | {same} |  <!-- {stages} -->",
                    flush=True,
                )


def _run(engine: str, path: Path, config: BackfillConfig, spark: object) -> Result:
    if engine == "local":
        from newsmoa.backfill.local import run_local

        return run_local(str(path), config)
    from newsmoa.backfill.spark import run_spark

    return run_spark(spark, os.fspath(path), config)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
