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
    block_starts,
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
    starts = [10, 11, 13]
    assert blocks_of(10.5 * DAY, config, starts) == [(10, True), (11, False)]
    assert blocks_of(10.9 * DAY, config, starts) == [(10, True), (11, False)]  # 12 is empty
    assert blocks_of(11.9 * DAY, config, starts) == [(11, True), (13, False)]
    assert blocks_of(None, config, starts) == [
        (UNDATED, True),
        (10, False),
        (11, False),
        (13, False),
    ]


def test_time_blocks_are_joined_until_each_holds_enough_articles() -> None:
    config = BackfillConfig(block_hours=24, block_articles=100)
    counts = {3: 60, 4: 50, 5: 10, 9: 200, 10: 30, 11: 40}
    assert block_starts(counts, config) == [3, 5]  # 60 + 50 | 10 + 200 + 30 + 40
    assert block_starts({3: 60, 4: 50, 5: 10}, config) == [3]  # the 10 left join the 110
    assert block_starts({3: 5, 4: 5}, config) == [3]  # too few for two: one block
    assert block_starts({}, config) == []
    every = BackfillConfig(block_hours=24, block_articles=0)
    assert block_starts(counts, every) == [3, 4, 5, 9, 10, 11]
    # at home in the block holding its day, context in a later one starting within the
    # overlap after it
    config = BackfillConfig(block_hours=24, block_articles=100, overlap_hours=24)
    assert blocks_of(3.5 * DAY, config, [3, 5]) == [(3, True)]
    assert blocks_of(4.5 * DAY, config, [3, 5]) == [(3, True), (5, False)]
    assert blocks_of(10.5 * DAY, config, [3, 5]) == [(5, True)]


def test_a_sparse_archive_is_one_block_and_agrees_with_cluster(tmp_path) -> None:
    """Daily weather briefs of three outlets over 60 days (180 articles, 21 a week): week
    blocks, each weighing its terms over a few dozen briefs of one template, linked them all,
    and the blocks' shared articles made all 180 one story. Joined until they hold
    `block_articles`, the blocks are one, and the grouping is `cluster`'s."""
    import json
    from datetime import datetime, timedelta, timezone

    from newsmoa.backfill import run_local
    from newsmoa.eval.scoring import pairwise
    from newsmoa.ingest.readers import read_jsonl
    from newsmoa.pipeline import cluster_items

    rng = random.Random(3)
    kst = timezone(timedelta(hours=9))
    lines = []
    for d in range(60):
        day = datetime(2015, 1, 1, 6, tzinfo=kst) + timedelta(days=d)
        for outlet in ("연합뉴스", "뉴시스", "광주일보"):
            lo, hi = rng.randint(-8, 22), rng.randint(0, 34)
            text = (
                f"{day.day}일 광주·전남은 아침 최저기온 {lo}도, 낮 최고기온 {hi}도 분포를 보이겠다."
                f"\n\n광주지방기상청에 따르면 이날 아침 최저기온은 {lo - 2}∼{lo}도로 예상된다."
                "\n\n미세먼지 농도는 전 권역에서 '보통' 수준을 보이겠다."
            )
            row = {
                "id": f"{outlet}/{day:%Y%m%d}",
                "outlet": outlet,
                "title": f"[광주·전남 날씨] 낮 최고 {hi}도",
                "published": day.isoformat(),
                "text": text,
            }
            lines.append(json.dumps(row, ensure_ascii=False))
    path = tmp_path / "weather.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    single = cluster_items(list(read_jsonl(str(path), path.read_text("utf-8"))))
    expected = [r["story"] for r in single]
    weeks = run_local(str(path), BackfillConfig(block_articles=0))
    joined = run_local(str(path), BackfillConfig())
    got = [r["story"] for r in joined.rows]
    assert joined.stats["blocks"] == 1 < weeks.stats["blocks"]
    # one block, weighed over the archive: `cluster`'s grouping (ids may differ where a
    # merge joined two stories first published at one time: `cluster` keeps the larger's id)
    assert pairwise(expected, got).f1 == 1.0
    apart = [r["story"] for r in weeks.rows]
    assert len(set(expected)) > 20
    # week blocks chain the days across their shared articles: .94 here (before the
    # blocks weighed terms over the archive, all 180 were one story)
    assert pairwise(expected, apart).f1 < 1.0


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


def test_the_zone_setting_travels_in_the_config_to_where_lines_are_extracted(monkeypatch):
    """A Spark executor on another machine has no NEWSMOA_TZ: the setting is taken into the
    config where the run is set up, so an English post's time without a zone is read in it
    there too (it was read in Seoul's, unlike the single-machine run)."""
    import json
    from datetime import datetime

    from newsmoa.backfill.config import BackfillConfig
    from newsmoa.backfill.stages import extract_lines

    monkeypatch.setenv("NEWSMOA_TZ", "America/Chicago")
    config = BackfillConfig()
    monkeypatch.delenv("NEWSMOA_TZ")  # (the executor's environment)
    line = json.dumps(
        {
            "id": "a",
            "title": "Council backs water plan",
            "published": "2024-03-05T23:42:00",
            "text": "The council voted on Tuesday to back the water plan, the mayor said.",
        }
    )
    (got,) = extract_lines([(1, line)], "in.jsonl", config)
    assert got.published_s == datetime.fromisoformat("2024-03-05T23:42:00-06:00").timestamp()
