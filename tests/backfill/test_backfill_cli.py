"""`newsmoa backfill` edge cases through CliRunner (local engine, no Spark)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmoa.serve.cmd_backfill import backfill

ARTICLE = {
    "id": "a1",
    "title": "완주군, 희망제작소와 2단계 협약",
    "published": "2015-03-20T13:21:40+09:00",
    "text": "완주군이 19일 희망제작소와 지역공동체 활성화를 위한 2단계 협약을 체결했다. "
    "박성일 완주군수와 이원재 희망제작소 소장이 참석했다.",
}


def test_empty_input_writes_nothing_and_succeeds(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("", encoding="utf-8")
    result = CliRunner().invoke(backfill, [str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text() == "" and Path(f"{out}.near_duplicates.jsonl").read_text() == ""


def test_missing_input_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    result = CliRunner().invoke(backfill, [str(missing), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    assert f"{missing}: cannot read" in result.output


def test_master_needs_the_spark_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(backfill, ["in.jsonl", "-o", "-", "--master", "local[2]"])
    assert result.exit_code == 2 and "--master needs --engine spark" in result.output


def test_stdout_blank_and_repeated_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    line = json.dumps(ARTICLE, ensure_ascii=False)
    src.write_text(f"{line}\n\n{line}\n", encoding="utf-8")
    groups = tmp_path / "groups.jsonl"
    result = CliRunner().invoke(backfill, [str(src), "-o", "-", "--near-duplicates", str(groups)])
    assert result.exit_code == 1  # the blank line
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert rows[1] == {"line": 2, "error": "empty line"}
    assert rows[0]["id"] == rows[2]["id"] == "a1" and rows[0]["story"] == rows[2]["story"]
    assert groups.read_text() == ""  # one article (the repeat is the same id): no pair


@pytest.mark.parametrize(
    ("option", "value"),
    [("--block-hours", "nan"), ("--block-hours", "1e-300"), ("--overlap-hours", "inf")],
)
def test_block_sizes_that_cannot_be_counted_are_refused(tmp_path: Path, option, value) -> None:
    """nan and inf were tracebacks; a block of 1e-300 hours would never finish."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "one line"}\n', encoding="utf-8")
    got = CliRunner().invoke(backfill, [str(src), "-o", str(tmp_path / "o.jsonl"), option, value])
    assert got.exit_code == 2 and "must be a number of hours" in got.output, got.output


def test_summary_counts_in_words_that_agree_with_them(tmp_path: Path) -> None:
    """It said `1 stories, ... 1 errors` of one story and one bad line."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\nnot json\n", encoding="utf-8")
    result = CliRunner().invoke(backfill, [str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert "2 lines, 1 story, 0 near-duplicate groups, 1 error;" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "hint"),
    [
        (
            "export.csv",
            '언론사,제목,본문\n한빛일보,제목,"본문\n둘째 줄"\n',
            "`newsmoa ingest` reads .csv",
        ),
        ("release.txt", "청솔군, 도서관 개관\n\n청솔군은 1일 도서관을 열었다.\n", "reads .txt"),
        ("page.html", "<!doctype html><html><body><p>본문</p></body></html>\n", "reads .html"),
    ],
    ids=["csv", "txt", "html"],
)
def test_a_file_that_is_not_jsonl_is_refused_once(
    tmp_path: Path, name: str, content: str, hint: str
) -> None:
    # a CSV export given to backfill was an error for each of its 2,690 lines, and a
    # release's text file one for each line, after the whole run
    src, out = tmp_path / name, tmp_path / "out.jsonl"
    src.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(backfill, [str(src), "-o", str(out)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {src}: not JSONL"), result.output
    assert hint in lines[0] and not out.exists()


def test_a_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    # a folder of JSONL files was said to be "no such file"
    result = CliRunner().invoke(backfill, [str(tmp_path), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    assert f"{tmp_path}: a folder" in result.output and "no such file" not in result.output


def test_jsonl_under_another_name_and_blank_lines_first_are_read(tmp_path: Path) -> None:
    src, out = tmp_path / "dump.txt", tmp_path / "out.jsonl"
    src.write_text("\ufeff\n  \n" + json.dumps(ARTICLE, ensure_ascii=False) + "\n", "utf-8")
    result = CliRunner().invoke(backfill, [str(src), "-o", str(out)])
    assert '"id": "a1"' in out.read_text(), result.output
