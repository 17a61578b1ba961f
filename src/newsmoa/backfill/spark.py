"""The backfill on Apache Spark: the stage functions mapped over partitions on the executors.

    text(IN) -> numbered lines -> mapInArrow(extract: article, features, signature, band
             keys, home block)                                           articles (persisted)
    articles -> explode bands -> groupBy(band, key) -> mapInArrow(bucket pairs) -> distinct
             -> join signatures twice -> mapInArrow(check) -> collect      checked pairs (few)
             -> union-find on the driver                                   near-duplicate groups
    articles -> mapInArrow(blocks) -> groupBy(block).applyInArrow(StoryIndex)  block stories
             -> labels shared by an article -> distinct edges -> collect   (few)
             -> union-find on the driver -> broadcast -> first article per story -> names
    lines left-join stories by id -> orderBy(line) -> toLocalIterator       OUT, streamed

Only checked pairs, label edges, block numbers and name collisions reach the driver; the
articles never do. `local.py` runs the same stage functions in one process.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from newsmoa.backfill import arrow, reconcile
from newsmoa.backfill.config import DEFAULT_BACKFILL, BackfillConfig
from newsmoa.backfill.output import Result, group_rows
from newsmoa.backfill.stages import block_starts
from newsmoa.cluster.vectors import DocFreq

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

LINES_PER_PARTITION = 5000


def _numbered(spark: SparkSession, path: str) -> tuple[DataFrame, dict[int, int], int]:
    """Lines with (pid, mid), each partition's first line offset (one counting pass) and the
    line count. A file read as fewer partitions than there are cores, or than one per
    `LINES_PER_PARTITION` lines, is spread over more, so no cached partition of articles
    with their features outgrows an executor's heap (a 1 GB local driver did at 25,000)."""
    import pyspark.sql.functions as F

    raw = spark.read.option("lineSep", "\n").text(path)
    lines = raw.select(
        F.spark_partition_id().alias("pid"), F.monotonically_increasing_id().alias("mid"), "value"
    )
    counts = {r["pid"]: r["count"] for r in lines.groupBy("pid").count().collect()}
    offsets, start = {}, 0
    for pid in sorted(counts):
        offsets[pid] = start
        start += counts[pid]
    parts = max(spark.sparkContext.defaultParallelism, -(-start // LINES_PER_PARTITION))
    if raw.rdd.getNumPartitions() < parts:
        lines = lines.repartition(parts)
    return lines, offsets, start


def _one_line_an_id(spark: SparkSession, rows: DataFrame) -> tuple[DataFrame, DataFrame]:
    """`rows`, and the usable articles: the first line of each id (as `cluster`; a later
    line giving it again, the same article or a newer version of it, is placed with it).
    Ids on two lines or more are few, so they are collected to the driver and broadcast
    back."""
    import pyspark.sql.functions as F

    good = rows.where(F.col("error").isNull())
    repeated = (
        good.groupBy("id").agg(F.count("*").alias("n"), F.min("line").alias("first"))
        .where("n > 1")
        .drop("n")
        .collect()
    )  # fmt: skip
    if not repeated:
        return rows, good.drop("error")
    firsts = F.broadcast(
        spark.createDataFrame([(r["id"], r["first"]) for r in repeated], "id string, first long")
    )
    joined = good.drop("error").join(firsts, "id", "left")
    articles = joined.where(F.col("first").isNull() | (F.col("line") == F.col("first")))
    return rows, articles.drop("first")


def _checked_pairs(articles: DataFrame, config: BackfillConfig) -> list[tuple[int, int]]:
    import pyspark.sql.functions as F

    bands = articles.where(F.col("bands").isNotNull()).select(
        "line", F.posexplode("bands").alias("band", "key")
    )
    buckets = (
        bands.groupBy("band", "key")
        .agg(F.collect_list("line").alias("lines"))
        .where(F.size("lines") > 1)
        .select("lines")
    )
    cands = buckets.mapInArrow(arrow.pairs_fn(config), arrow.PAIRS).distinct()
    sigs = articles.select("line", "signature")
    side_a = sigs.withColumnsRenamed({"line": "a", "signature": "sig_a"})
    side_b = sigs.withColumnsRenamed({"line": "b", "signature": "sig_b"})
    joined = cands.join(side_a, "a").join(side_b, "b").select("a", "b", "sig_a", "sig_b")
    checked = joined.mapInArrow(arrow.check_fn(config), arrow.CHECKED)
    return [(r["a"], r["b"]) for r in checked.collect()]


def _block_labels(
    articles: DataFrame, config: BackfillConfig, stats: dict[str, float | int]
) -> DataFrame:
    """LABELS from clustering every time block on the executors."""
    counts = {
        r["block"]: r["count"]
        for r in articles.where("block is not null").groupBy("block").count().collect()
    }
    starts = block_starts(counts, config)
    stats["blocks"] = len(starts) + (1 if stats.get("undated") else 0)
    cols = articles.select("line", "id", "published_s", "features")
    blocked = cols.mapInArrow(arrow.blocks_fn(config, starts), arrow.BLOCKED)
    counted = _term_counts(articles, int(stats["articles"]))
    archive = articles.sparkSession.sparkContext.broadcast(counted)  # 16 MB, once per executor
    cluster = arrow.cluster_fn(config, lambda: archive.value)
    return blocked.groupBy("block").applyInArrow(cluster, arrow.LABELS)


def _term_counts(articles: DataFrame, docs: int) -> DocFreq:
    """The archive's `term_counts`: each partition's cells summed by Spark (at most one row
    per cell of the table, 2^22) and made one table on the driver."""
    import pyspark.sql.functions as F

    cells = (
        articles.select("features")
        .mapInArrow(arrow.cells_fn(), arrow.CELLS)
        .groupBy("cell")
        .agg(F.sum("n").alias("n"))
        .toArrow()
    )
    counted = DocFreq.counted([])
    summed = np.zeros_like(counted.table)
    summed[cells.column("cell").to_numpy().astype(np.int64)] = cells.column("n").to_numpy()
    counted.add_table(summed, docs)  # (as `cluster_block` adds the archive's to an index)
    return counted


def _stories(spark: SparkSession, labels: DataFrame, stats: dict[str, float | int]) -> DataFrame:
    """(line, id, story) of every article: block stories linked, then named."""
    import pyspark.sql.functions as F

    shared = (
        labels.groupBy("line")
        .agg(F.array_sort(F.collect_set("label")).alias("labels"))
        .where(F.size("labels") > 1)
    )
    edges = (  # reconcile.label_edges in SQL: the first label with each other one
        shared.select(F.col("labels")[0].alias("a"), F.posexplode("labels").alias("pos", "b"))
        .where("pos > 0")
        .select("a", "b")
        .distinct()
        .collect()
    )
    rep = reconcile.link_labels((r["a"], r["b"]) for r in edges)
    stats["linked_labels"] = len(rep)
    rep_df = spark.createDataFrame(list(rep.items()) or [("", "")], "label string, rep string")
    final = (
        labels.where("home")
        .join(F.broadcast(rep_df), "label", "left")
        .select("line", "id", "published_s", "sid", F.coalesce("rep", "label").alias("label"))
    )
    first = F.struct(  # reconcile.first_articles: stages.canonical order, then the name
        F.col("published_s").isNotNull().cast("int").alias("dated"),
        F.coalesce("published_s", F.lit(0.0)).alias("t"),
        F.col("id"),
        F.col("sid"),
    )
    firsts = final.groupBy("label").agg(F.min(first).alias("f")).select("label", "f.*")
    clash = firsts.groupBy("sid").count().where("count > 1").select("sid")
    clashing = firsts.join(clash, "sid").collect()
    named = firsts.select("label", F.col("sid").alias("story"))
    if clashing:  # 48-bit ids of two first articles alike: suffixed as StoryIndex does
        fixed = reconcile.name_stories(
            (r["label"], (r["dated"], r["t"], r["id"])) for r in clashing
        )
        fix_df = spark.createDataFrame(list(fixed.items()), "label string, fixed string")
        named = named.join(F.broadcast(fix_df), "label", "left").select(
            "label", F.coalesce("fixed", "story").alias("story")
        )
    return final.join(named, "label").select("line", "id", "story")


def run_spark(
    spark: SparkSession,
    path: str,
    config: BackfillConfig = DEFAULT_BACKFILL,
    *,
    origin: str | None = None,
) -> Result:
    """Backfill the JSONL at `path` (any path Spark reads: file, hdfs://, s3a://) on `spark`.

    The rows stream from the executors in input order while `Result.rows` is consumed;
    consume it before stopping the session.
    """
    import pyspark.sql.functions as F
    from pyspark import StorageLevel

    t0 = time.perf_counter()
    stats: dict[str, float | int] = {}
    lines, offsets, stats["lines"] = _numbered(spark, path)
    extracted = lines.mapInArrow(
        arrow.extract_fn(offsets, origin or path, config), arrow.EXTRACTED
    ).persist(StorageLevel.MEMORY_AND_DISK)
    rows, articles = _one_line_an_id(spark, extracted)
    rows = rows.persist(StorageLevel.MEMORY_AND_DISK)
    articles = articles.persist(StorageLevel.MEMORY_AND_DISK)
    stats["articles"] = articles.count()
    t1 = time.perf_counter()
    stats["extract_s"] = t1 - t0
    pairs = _checked_pairs(articles, config)
    stats["checked_pairs"] = len(pairs)
    t2 = time.perf_counter()
    stats["near_duplicates_s"] = t2 - t1
    stats["undated"] = articles.where(F.col("published_s").isNull()).count()
    labels = _block_labels(articles, config, stats).persist(StorageLevel.MEMORY_AND_DISK)
    stories = _stories(spark, labels, stats).persist(StorageLevel.MEMORY_AND_DISK)
    stories.count()
    stats["stories_s"] = time.perf_counter() - t2
    groups = reconcile.near_duplicate_groups(pairs)
    wanted = spark.createDataFrame([(x,) for g in groups for x in g] or [(0,)], "line long")
    found = {r["line"]: (r["id"], r["story"]) for r in stories.join(wanted, "line").collect()}
    ids = {line: v[0] for line, v in found.items()}
    story_of = {line: v[1] for line, v in found.items()}
    by_id = stories.select("id", "story")
    out = rows.select("line", "id", "error").join(by_id, "id", "left").orderBy("line")

    def stream() -> Iterator[dict]:
        try:
            for r in out.toLocalIterator(prefetchPartitions=True):
                if r["error"] is not None:
                    yield {"line": r["line"], "error": r["error"]}
                else:
                    yield {"id": r["id"], "story": r["story"]}
        finally:
            for frame in (stories, labels, articles, rows, extracted):
                frame.unpersist()

    return Result(stream(), group_rows(groups, ids, story_of), stats)
