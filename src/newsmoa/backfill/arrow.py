"""Arrow adapters: each stage function wrapped as a `mapInArrow` / `applyInArrow` callable.

They run on the executors. Each takes Arrow batches, calls one function of `stages.py` (the
compiled kernel runs once per batch, not per row) and returns Arrow batches in the schema
named next to it. Closures carry only small, picklable values (configs, offsets, block lists).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import numpy as np
import pyarrow as pa

from newsmoa.backfill.config import BackfillConfig
from newsmoa.backfill.stages import (
    band_keys_of,
    blocks_of,
    bucket_pairs,
    check_pairs,
    cluster_block,
    extract_lines,
    signature_matrix,
    term_counts,
    time_block,
)
from newsmoa.cluster import story_id_for
from newsmoa.cluster.vectors import DocFreq

Batches = Iterable[pa.RecordBatch]
MapFn = Callable[[Batches], Iterator[pa.RecordBatch]]

EXTRACTED = (
    "line long, id string, error string, published_s double, block long, features binary, "
    "signature binary, bands array<long>"
)
PAIRS = "a long, b long"
CHECKED = "a long, b long, estimate double"
CELLS = "cell int, n long"
BLOCKED = "block long, line long, id string, home boolean, published_s double, features binary"
LABELS = "line long, label string, home boolean, id string, published_s double, sid string"

_ROW_MASK = (1 << 33) - 1  # monotonically_increasing_id: partition index << 33 | row


def extract_fn(offsets: dict[int, int], origin: str, config: BackfillConfig) -> MapFn:
    """(pid, mid, value) -> EXTRACTED; the 1-based line is the partition's offset + row.

    Besides the article it adds the home time block and the LSH band keys (null for an
    article without a time, or with an empty signature), so later stages need no Python pass.
    """

    def run(batches: Batches) -> Iterator[pa.RecordBatch]:
        k = config.minhash.num_perm
        for batch in batches:
            pid = batch.column("pid").to_pylist()
            row = [m & _ROW_MASK for m in batch.column("mid").to_pylist()]
            lines = [offsets[p] + r + 1 for p, r in zip(pid, row, strict=True)]
            # as bytes: Spark hands a line that is not UTF-8 over as it is
            values = batch.column("value").cast(pa.binary()).to_pylist()
            rows = extract_lines(list(zip(lines, values, strict=True)), origin, config)
            signed = [r.signature for r in rows if r.signature is not None]
            valid, keys = band_keys_of(signature_matrix(signed, k), config)
            bands: list[list[int] | None] = [None] * len(rows)
            ok = (pos for pos, r in enumerate(rows) if r.signature is not None)
            for pos, good, row_keys in zip(ok, valid.tolist(), keys.tolist(), strict=True):
                bands[pos] = row_keys if good else None
            times = [r.published_s for r in rows]
            yield pa.RecordBatch.from_pydict(
                {
                    "line": pa.array([r.line for r in rows], pa.int64()),
                    "id": pa.array([r.id for r in rows], pa.string()),
                    "error": pa.array([r.error for r in rows], pa.string()),
                    "published_s": pa.array(times, pa.float64()),
                    "block": pa.array(
                        [None if t is None else time_block(t, config) for t in times], pa.int64()
                    ),
                    "features": pa.array([r.features for r in rows], pa.binary()),
                    "signature": pa.array([r.signature for r in rows], pa.binary()),
                    "bands": pa.array(bands, pa.list_(pa.int64())),
                }
            )

    return run


def pairs_fn(config: BackfillConfig) -> MapFn:
    """(lines: list of a bucket's lines) -> PAIRS: each bucket's windowed candidate pairs."""

    def run(batches: Batches) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            col = batch.column("lines")
            offsets, values = col.offsets.to_numpy(), col.values.to_numpy()
            parts = [
                bucket_pairs(values[offsets[k] : offsets[k + 1]], config.lsh.max_bucket)
                for k in range(len(col))
            ]
            pairs = np.concatenate(parts) if parts else np.empty((0, 2), dtype=np.int64)
            yield pa.RecordBatch.from_pydict({"a": pairs[:, 0], "b": pairs[:, 1]})

    return run


def check_fn(config: BackfillConfig) -> MapFn:
    """(a, b, sig_a, sig_b) -> CHECKED: the pairs whose estimated Jaccard passes."""

    def run(batches: Batches) -> Iterator[pa.RecordBatch]:
        k = config.minhash.num_perm
        for batch in batches:
            sig_a = signature_matrix(batch.column("sig_a").to_pylist(), k)
            sig_b = signature_matrix(batch.column("sig_b").to_pylist(), k)
            kept, est = check_pairs(sig_a, sig_b, config.threshold)
            yield pa.RecordBatch.from_pydict(
                {
                    "a": batch.column("a").to_numpy()[kept],
                    "b": batch.column("b").to_numpy()[kept],
                    "estimate": est,
                }
            )

    return run


def blocks_fn(config: BackfillConfig, starts: list[int]) -> MapFn:
    """(line, id, published_s, features) -> BLOCKED: one row per block an article is in
    (`starts`: the blocks, `block_starts`)."""
    columns = ("line", "id", "published_s", "features")

    def run(batches: Batches) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            out: dict[str, list] = {name: [] for name in ("block", "home", *columns)}
            for line, aid, t, feats in zip(
                *(batch.column(c).to_pylist() for c in columns), strict=True
            ):
                for block, home in blocks_of(t, config, starts):
                    for name, value in zip(out, (block, home, line, aid, t, feats), strict=True):
                        out[name].append(value)
            yield pa.RecordBatch.from_pydict(out, schema=_schema(BLOCKED))

    return run


def cells_fn() -> MapFn:
    """(features) -> CELLS: per partition, the articles holding a term in each cell of the
    document frequencies' table (`term_counts`), the cells some article holds."""

    def run(batches: Batches) -> Iterator[pa.RecordBatch]:
        counted = term_counts(
            blob for batch in batches for blob in batch.column("features").to_pylist()
        )
        cells = np.flatnonzero(counted.table)
        yield pa.RecordBatch.from_pydict(
            {
                "cell": pa.array(cells.astype(np.int32), pa.int32()),
                "n": pa.array(counted.table[cells].astype(np.int64), pa.int64()),
            }
        )

    return run


def cluster_fn(
    config: BackfillConfig, archive: Callable[[], DocFreq]
) -> Callable[[pa.Table], pa.Table]:
    """One block's BLOCKED rows -> LABELS (for `applyInArrow` grouped by block), terms
    weighed over `archive()` (the archive's `term_counts`, from a broadcast).

    Each row also carries the article's id, time and `sid`, the story id it would found
    (`story_id_for`), so stories are named without another pass over the articles.
    """

    def run(table: pa.Table) -> pa.Table:
        block = table.column("block")[0].as_py()
        cols = [table.column(c).to_pylist() for c in ("line", "id", "home", "features")]
        rows = sorted(zip(*cols, strict=True))  # input order, whatever order the shuffle gave
        meta = dict(
            zip(
                table.column("line").to_pylist(),
                zip(
                    table.column("id").to_pylist(),
                    table.column("published_s").to_pylist(),
                    strict=True,
                ),
                strict=True,
            )
        )
        out = cluster_block(block, rows, config, archive())
        ids = [meta[line][0] for line, _, _ in out]
        return pa.table(
            {
                "line": pa.array([r[0] for r in out], pa.int64()),
                "label": pa.array([r[1] for r in out], pa.string()),
                "home": pa.array([r[2] for r in out], pa.bool_()),
                "id": pa.array(ids, pa.string()),
                "published_s": pa.array([meta[r[0]][1] for r in out], pa.float64()),
                "sid": pa.array([story_id_for(i) for i in ids], pa.string()),
            }
        )

    return run


def _schema(ddl: str) -> pa.Schema:
    kinds = {
        "long": pa.int64(),
        "int": pa.int32(),
        "string": pa.string(),
        "boolean": pa.bool_(),
        "binary": pa.binary(),
        "array<long>": pa.list_(pa.int64()),
        "double": pa.float64(),
    }
    fields = [part.split() for part in ddl.split(",")]
    return pa.schema([(name, kinds[kind]) for name, kind in fields])
