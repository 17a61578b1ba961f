"""`newsmoa backfill` on a generated archive, local and on Spark, against the single-machine path.

Reference: `cluster_items` (what `newsmoa cluster` runs) for stories, and `dedup`'s batch path
(`signatures` of the extracted texts, `near_duplicate_pairs`, `groups`) for near-duplicates.
Both engines must give the same near-duplicate groups, stories at pairwise F1 >= 0.99 and the
`cluster` output contract. Blocks are one day long here (the archive spans four) and never
joined (`block_articles` 0), so stories cross block boundaries and the overlap reconciliation
is exercised.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import backfill_corpus
import pytest
from click.testing import CliRunner

from newsmoa import dedup
from newsmoa.backfill import BackfillConfig, run_local
from newsmoa.errors import InputError
from newsmoa.eval.scoring import pairwise
from newsmoa.extract.article import Dropped, extract
from newsmoa.ingest.readers import read_jsonl_bytes
from newsmoa.pipeline import cluster_items
from newsmoa.serve.cmd_backfill import backfill

BLOCK_HOURS = 24.0
BROKEN_LINE = 6  # 1-based: the line `backfill_corpus.write` breaks
HAVE_SPARK = importlib.util.find_spec("pyspark") is not None and shutil.which("java") is not None


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("backfill") / "archive.jsonl"
    rows = backfill_corpus.generate(events=300, days=4)
    # the first article again (placed with its first line), and another text under the
    # second one's id: a newer version of that article (docs/contracts.md), placed with it
    again, clash = dict(rows[0]), {**rows[2], "id": rows[1]["id"]}
    backfill_corpus.write(path, [*rows, again, clash])
    with path.open("ab") as f:  # and a line that is not UTF-8 (Latin-1): an error line
        f.write(b'{"id": "latin", "text": "caf\xe9 au lait, the city council said on Monday."}\n')
    return path


@pytest.fixture(scope="module")
def reference(archive: Path) -> dict:
    """What the single-machine path says: `cluster` rows and dedup's near-duplicate groups."""
    items = list(read_jsonl_bytes(str(archive), archive.read_bytes()))
    articles = {}
    for item in items:
        got = None if isinstance(item, InputError) else extract(item)
        if got is not None and not isinstance(got, Dropped):
            articles.setdefault(got.id, got)
    ids = list(articles)
    sigs = dedup.signatures([articles[i].text for i in ids])
    found = dedup.groups(len(ids), dedup.near_duplicate_pairs(sigs))
    return {
        "rows": cluster_items(items),
        "groups": {frozenset(ids[k] for k in group) for group in found},
    }


def _run_cli(archive: Path, out: Path, *engine: str) -> tuple[list[dict], set[frozenset]]:
    args = [
        str(archive),
        "-o",
        str(out),
        "--block-hours",
        str(BLOCK_HOURS),
        "--block-articles",
        "0",
    ]
    args += engine
    result = CliRunner().invoke(backfill, args, catch_exceptions=False)
    assert result.exit_code == 1, result.output  # the broken line
    assert f"error: {archive}:{BROKEN_LINE}: not JSON" in result.stderr
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    near = Path(f"{out}.near_duplicates.jsonl").read_text("utf-8").splitlines()
    return rows, {frozenset(json.loads(line)["articles"]) for line in near}


def _compare(
    name: str, reference: dict, rows: list[dict], groups: set[frozenset], report=print
) -> str:
    """Assert the contract and the agreement; return the comparison as one printable line."""
    ref_rows = reference["rows"]
    assert len(rows) == len(ref_rows), f"{name}: {len(rows)} lines, cluster wrote {len(ref_rows)}"
    assert rows[BROKEN_LINE - 1]["line"] == BROKEN_LINE and "error" in rows[BROKEN_LINE - 1]
    again, clash, latin = rows[-3:]
    assert again == rows[0] and clash == rows[1]  # an id given again: its first line's story
    assert latin["error"] == "not UTF-8 text: invalid continuation byte at byte 28"
    for mine, theirs in zip(rows, ref_rows, strict=True):
        assert mine.keys() == theirs.keys() and mine.get("id") == theirs.get("id"), (mine, theirs)
    both = [(m, t) for m, t in zip(rows, ref_rows, strict=True) if "story" in t]
    score = pairwise([t["story"] for _, t in both], [m["story"] for m, _ in both])
    same = sum(m["story"] == t["story"] for m, t in both)
    text = (
        f"backfill {name} vs single machine: near-duplicate groups equal: "
        f"{groups == reference['groups']} ({len(groups)} vs {len(reference['groups'])}); "
        f"stories vs `cluster`: pairwise P {score.precision:.4f} R {score.recall:.4f} "
        f"F1 {score.f1:.4f}; same story ids {same}/{len(both)}"
    )
    report(text)
    assert groups == reference["groups"], text
    assert score.f1 >= 0.99, text
    return text


@pytest.fixture(scope="module")
def local_rows(
    archive: Path, reference: dict, tmp_path_factory: pytest.TempPathFactory, results_line
) -> list:
    out = tmp_path_factory.mktemp("local") / "stories.jsonl"
    rows, groups = _run_cli(archive, out, "--engine", "local")
    _compare("local", reference, rows, groups, results_line)
    return rows


def test_local_engine_agrees_with_single_machine(local_rows: list[dict]) -> None:
    assert local_rows


def test_local_engine_reconciles_blocks(archive: Path) -> None:
    result = run_local(str(archive), BackfillConfig(block_hours=BLOCK_HOURS, block_articles=0))
    list(result.rows)
    assert result.stats["blocks"] >= 4, result.stats  # four days plus the undated block
    assert result.stats["linked_labels"] > 0, result.stats  # stories crossed a block boundary
    assert result.stats["undated"] > 0, result.stats


@pytest.fixture(scope="module")
def spark():
    from newsmoa.backfill.session import spark_session

    with spark_session("local[2]") as session:
        yield session


@pytest.mark.slow
@pytest.mark.spark
@pytest.mark.skipif(
    not HAVE_SPARK,
    reason="Spark backfill test needs PySpark and Java: pip install -e '.[spark]'",
)
def test_spark_engine_agrees_with_single_machine(
    spark, archive: Path, reference: dict, local_rows: list[dict], tmp_path: Path, results_line
) -> None:
    rows, groups = _run_cli(archive, tmp_path / "stories.jsonl", "--engine", "spark")
    _compare("spark local[2]", reference, rows, groups, results_line)
    assert rows == local_rows, "the Spark and local engines differ"
