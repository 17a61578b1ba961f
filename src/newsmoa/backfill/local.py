"""The backfill in one process: the same stage functions, with dicts and numpy as the shuffle.

Every step mirrors one step of the Spark engine (`spark.py`), so the two compare apples to
apples and a user without Spark gets the same answer. Partitions are batches of
`batch_lines` lines; results do not depend on the batch size.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

import numpy as np

from newsmoa import dedup
from newsmoa.backfill import reconcile
from newsmoa.backfill.config import DEFAULT_BACKFILL, BackfillConfig
from newsmoa.backfill.output import Result, group_rows
from newsmoa.backfill.stages import (
    Extracted,
    band_keys_of,
    block_starts,
    blocks_of,
    bucket_pairs,
    cluster_block,
    extract_lines,
    signature_matrix,
    term_counts,
    time_block,
)
from newsmoa.ingest.compressed import read_plain


def read_lines(path: str) -> list[bytes]:
    """The lines of a JSONL file, split on "\\n" only (as Spark's text reader with lineSep),
    as bytes: `extract_lines` decodes each (one that is not UTF-8 is an error of its own)."""
    lines = read_plain(path).split(b"\n")  # a gzip file decompressed (Spark: by its name)
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def _candidates(lines: np.ndarray, sigs: np.ndarray, config: BackfillConfig) -> np.ndarray:
    """Distinct candidate pairs: band rows grouped by (band, key), each bucket windowed."""
    valid, keys = band_keys_of(sigs, config)
    n, bands = keys[valid].shape
    band = np.tile(np.arange(bands, dtype=np.int32), n)
    key, line = keys[valid].reshape(-1), np.repeat(lines[valid], bands)
    order = np.lexsort((line, key, band))
    band, key, line = band[order], key[order], line[order]
    if line.size == 0:
        return np.empty((0, 2), dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, (band[1:] != band[:-1]) | (key[1:] != key[:-1])])
    ends = np.r_[starts[1:], line.size]
    parts = [
        bucket_pairs(line[s:e], config.lsh.max_bucket)
        for s, e in zip(starts, ends, strict=True)
        if e - s > 1
    ]
    if not parts:
        return np.empty((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(parts), axis=0)


def _near_duplicates(
    articles: Sequence[Extracted], config: BackfillConfig
) -> list[tuple[int, int, float]]:
    """Checked pairs (line a, line b, estimate) among the articles."""
    lines = np.array([a.line for a in articles], dtype=np.int64)
    sigs = signature_matrix([a.signature or b"" for a in articles], config.minhash.num_perm)
    cands = _candidates(lines, sigs, config)
    # rows of the signature matrix (lines ascend): the check reads the pairs' rows in place,
    # as `check_pairs` does for a Spark batch; the candidates' own rows, copied out, took
    # 5.7 GB for 4,380 templated briefs (millions of candidate pairs, 1 KB each)
    rows = np.searchsorted(lines, cands)
    kept, est = dedup.check_pairs(sigs, rows, config.threshold)
    return list(
        zip(lines[kept[:, 0]].tolist(), lines[kept[:, 1]].tolist(), est.tolist(), strict=True)
    )


def _stories(
    articles: Sequence[Extracted], config: BackfillConfig, stats: dict[str, float | int]
) -> dict[int, str]:
    """line -> final story id: block clustering, labels linked, stories named."""
    counts = Counter(
        time_block(a.published_s, config) for a in articles if a.published_s is not None
    )
    starts = block_starts(counts, config)
    blocks: dict[int, list[tuple[int, str, bool, bytes]]] = defaultdict(list)
    for a in articles:
        for block, home in blocks_of(a.published_s, config, starts):
            blocks[block].append((a.line, a.id or "", home, a.features or b""))
    labels: dict[int, list[str]] = defaultdict(list)
    home_label: dict[int, str] = {}
    archive = term_counts(a.features or b"" for a in articles)
    for block in sorted(blocks):
        for line, label, home in cluster_block(block, blocks[block], config, archive):
            labels[line].append(label)
            if home:
                home_label[line] = label
    edges = {edge for found in labels.values() for edge in reconcile.label_edges(found)}
    rep = reconcile.link_labels(edges)
    stats.update(blocks=len(blocks), linked_labels=len(rep))
    final = {line: rep.get(label, label) for line, label in home_label.items()}
    by_line = {a.line: a for a in articles}
    firsts = reconcile.first_articles(
        (label, by_line[line].published_s, by_line[line].id or "") for line, label in final.items()
    )
    names = reconcile.name_stories(firsts.items())
    return {line: names[label] for line, label in final.items()}


def run_local(
    path: str,
    config: BackfillConfig = DEFAULT_BACKFILL,
    *,
    origin: str | None = None,
    batch_lines: int = 2000,
) -> Result:
    """Backfill the JSONL file at `path` in this process."""
    t0 = time.perf_counter()
    stats: dict[str, float | int] = {}
    text_lines = read_lines(path)
    numbered = list(enumerate(text_lines, start=1))
    rows: list[Extracted] = []
    for start in range(0, len(numbered), batch_lines):
        rows.extend(extract_lines(numbered[start : start + batch_lines], origin or path, config))
    first_line: dict[str, int] = {}
    for r in rows:
        if r.error is None and r.id is not None:
            first_line.setdefault(r.id, r.line)
    articles = [r for r in rows if r.error is None and first_line[r.id or ""] == r.line]
    t1 = time.perf_counter()
    stats["extract_s"] = t1 - t0
    pairs = _near_duplicates(articles, config)
    t2 = time.perf_counter()
    stats["near_duplicates_s"] = t2 - t1
    story_of_line = _stories(articles, config, stats)
    stats["stories_s"] = time.perf_counter() - t2
    story_of_id = {a.id: story_of_line[a.line] for a in articles}
    groups = reconcile.near_duplicate_groups([(a, b) for a, b, _ in pairs])
    ids = {a.line: a.id or "" for a in articles}
    stats.update(
        lines=len(rows),
        articles=len(articles),
        checked_pairs=len(pairs),
        undated=sum(a.published_s is None for a in articles),
    )

    def out() -> Iterator[dict]:
        for r in rows:
            if r.error is not None:
                yield {"line": r.line, "error": r.error}
            else:
                yield {"id": r.id, "story": story_of_id[r.id]}

    return Result(out(), group_rows(groups, ids, story_of_line), stats)
