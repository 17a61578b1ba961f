"""The backfill's stage functions on small, hand-made inputs (no Spark)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from newsmoa import dedup
from newsmoa.backfill import reconcile
from newsmoa.backfill.config import BackfillConfig
from newsmoa.backfill.stages import (
    UNDATED,
    band_keys_of,
    blocks_of,
    bucket_pairs,
    check_pairs,
    parse_line,
)
from newsmoa.errors import InputError
from newsmoa.ingest.readers import read_jsonl

DAY = 86400.0


def _grouped_candidates(lines: np.ndarray, sigs: np.ndarray, config: BackfillConfig) -> set:
    """Band rows grouped by (band, key) with a dict, each bucket windowed: the Spark path."""
    valid, keys = band_keys_of(sigs, config)
    buckets: dict[tuple[int, int], list[int]] = {}
    for row, x in zip(keys[valid].tolist(), lines[valid].tolist(), strict=True):
        for b, k in enumerate(row):
            buckets.setdefault((b, k), []).append(x)
    found = set()
    for members in buckets.values():
        random.Random(len(members)).shuffle(members)  # a shuffle gives no order
        found.update(map(tuple, bucket_pairs(np.array(members), config.lsh.max_bucket).tolist()))
    return found


@pytest.mark.parametrize("max_bucket", [2, 5, 100])
def test_bucket_windows_give_dedups_candidates(max_bucket: int) -> None:
    rng = np.random.default_rng(3)
    base = rng.integers(0, 2**32 - 1, size=(12, 128), dtype=np.uint32)
    sigs = np.repeat(base, 9, axis=0)  # buckets of 9 identical signatures
    noise = rng.random(sigs.shape) < 0.3
    sigs[noise] = rng.integers(0, 2**32 - 1, size=int(noise.sum()), dtype=np.uint32)
    sigs[5] = dedup.EMPTY  # an empty signature is never a candidate
    config = BackfillConfig(lsh=dedup.LSHConfig(max_bucket=max_bucket))
    expected = {tuple(p) for p in dedup.candidate_pairs(sigs, config.lsh).tolist()}
    lines = np.arange(sigs.shape[0], dtype=np.int64) * 3 + 7  # any increasing numbering
    found = _grouped_candidates(lines, sigs, config)
    assert {((a - 7) // 3, (b - 7) // 3) for a, b in found} == expected


def test_check_pairs_keeps_what_dedup_keeps() -> None:
    rng = np.random.default_rng(5)
    a = rng.integers(0, 2**32 - 1, size=(50, 128), dtype=np.uint32)
    b = a.copy()
    for k in range(50):
        b[k, : k * 2] = rng.integers(0, 2**32 - 1, size=k * 2, dtype=np.uint32)
    kept, est = check_pairs(a, b, 0.5)
    expected = [k for k in range(50) if dedup.estimate_jaccard(a[k], b[k]) >= 0.5]
    assert kept.tolist() == expected
    assert est.tolist() == [dedup.estimate_jaccard(a[k], b[k]) for k in expected]


def test_blocks_are_home_plus_later_blocks_within_the_overlap() -> None:
    config = BackfillConfig(block_hours=24, overlap_hours=36)
    homes = {10, 11, 13}
    assert blocks_of(10.5 * DAY, config, homes) == [(10, True), (11, False)]
    assert blocks_of(10.9 * DAY, config, homes) == [(10, True), (11, False)]  # 12 is empty
    assert blocks_of(11.9 * DAY, config, homes) == [(11, True), (13, False)]
    assert blocks_of(None, config, homes) == [
        (UNDATED, True),
        (10, False),
        (11, False),
        (13, False),
    ]


def test_overlap_defaults_to_the_cluster_window() -> None:
    config = BackfillConfig()
    assert config.overlap_s == config.cluster.window_hours * 3600


def test_linked_labels_do_not_depend_on_order() -> None:
    sets = [["2/b", "1/a"], ["3/c", "2/b"], ["5/e", "4/d"], ["6/f"]]
    edges = [e for s in sets for e in reconcile.label_edges(s)]
    expected = {"1/a": "1/a", "2/b": "1/a", "3/c": "1/a", "4/d": "4/d", "5/e": "4/d"}
    assert reconcile.link_labels(edges) == expected
    assert reconcile.link_labels(reversed(edges)) == expected


def test_stories_are_named_after_their_first_article() -> None:
    firsts = reconcile.first_articles([("x", 20.0, "b"), ("x", 10.0, "c"), ("y", None, "a")])
    assert firsts == {"x": (1, 10.0, "c"), "y": (0, 0.0, "a")}
    names = reconcile.name_stories(firsts.items())
    from newsmoa.cluster import story_id_for

    assert names == {"x": story_id_for("c"), "y": story_id_for("a")}
    clash = reconcile.name_stories([("p", (1, 2.0, "same")), ("q", (1, 1.0, "same"))])
    assert clash == {"q": story_id_for("same"), "p": story_id_for("same") + "-2"}


@pytest.mark.parametrize(
    "line",
    ["", "   ", '{"id": "x", "text": "잘린', "[1, 2]", '{"id": "x"}', '{"text": "본문입니다"}'],
)
def test_parse_line_reads_as_read_jsonl(line: str) -> None:
    (expected,) = read_jsonl("in.jsonl", line or " ", keep_blank=True)
    got = parse_line(1, line, "in.jsonl")
    assert type(got) is type(expected)
    if isinstance(expected, InputError):
        assert got.message == expected.message
    else:
        assert got == expected
