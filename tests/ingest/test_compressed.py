"""An archive kept gzip-compressed (`articles.jsonl.gz`) is read as its text by `cluster`,
`backfill`, `ingest` and `watch`; a gzip file cut short is one error naming the file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from newsmoa.ingest.readers import read_sources
from newsmoa.ingest.watch import Poller
from newsmoa.serve.cli import cli
from newsmoa.types import RawItem

ROWS = [
    {
        "id": "a",
        "published": "2024-03-02T09:00:00+09:00",
        "text": "서울시는 청년 창업 지원금을 두 배로 늘린다고 2일 밝혔다. 대상은 500명이다.",
    },
    {
        "id": "b",
        "published": "2024-03-02T10:00:00+09:00",
        "text": "서울시가 청년 창업 지원금을 두 배로 늘린다고 2일 발표했다. 대상은 500명이다.",
    },
    {
        "id": "c",
        "published": "2024-03-03T09:00:00+09:00",
        "text": "부산 해운대에서 여름 축제가 열려 관광객 10만 명이 찾았다고 3일 밝혔다.",
    },
]


def _files(tmp_path: Path) -> tuple[Path, Path]:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS).encode("utf-8")
    plain, packed = tmp_path / "in.jsonl", tmp_path / "in.jsonl.gz"
    plain.write_bytes(text)
    packed.write_bytes(gzip.compress(text))
    return plain, packed


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), obj={}, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_cluster_and_backfill_read_a_gzip_file_as_its_text(tmp_path: Path) -> None:
    plain, packed = _files(tmp_path)
    for command in ("cluster", "backfill"):
        want, got = tmp_path / f"{command}-plain.jsonl", tmp_path / f"{command}-gz.jsonl"
        assert _run(command, str(plain), "-o", str(want))[0] == 0
        code, _, err = _run(command, str(packed), "-o", str(got))
        assert code == 0, err
        rows = [json.loads(line) for line in got.read_text("utf-8").splitlines()]
        assert [r["id"] for r in rows] == ["a", "b", "c"]  # (before: 3 "not UTF-8" lines)
        assert got.read_text("utf-8") == want.read_text("utf-8")


def test_a_gzip_file_cut_short_is_one_error_naming_it(tmp_path: Path) -> None:
    _, packed = _files(tmp_path)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed.read_bytes()[:-12])  # the end of the stream is gone
    for command in ("cluster", "backfill"):
        code, _, err = _run(command, str(cut), "-o", str(tmp_path / f"{command}.jsonl"))
        assert code == 1
        assert f"{cut}: cannot read: the gzip file is cut short" in err


def test_ingest_and_watch_read_gzip_files_by_their_inner_type(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    plain, _ = _files(tmp_path / "in")
    plain.unlink()  # the folder holds compressed files only
    pasted = tmp_path / "in" / "pasted.txt.gz"
    pasted.write_bytes(gzip.compress(ROWS[2]["text"].encode("utf-8")))
    items = list(read_sources([str(tmp_path / "in")]))
    assert [i.id for i in items if isinstance(i, RawItem)] == ["a", "b", "c", None]
    assert [i.text for i in items][3] == ROWS[2]["text"]  # the .txt inside, as pasted text
    assert all(isinstance(i, RawItem) for i in items)  # (before: both "unsupported" or dropped)
    polled = Poller([str(tmp_path / "in")]).poll()
    assert [i.origin for i in polled] == [i.origin for i in items]


def test_ingest_names_a_gzip_file_cut_short_and_stores_the_rest(tmp_path: Path) -> None:
    plain, packed = _files(tmp_path)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed.read_bytes()[:-12])
    plain.unlink()
    good = tmp_path / "good.jsonl.gz"
    packed.rename(good)
    db = str(tmp_path / "s.db")
    code, out, err = _run("--db", db, "ingest", str(cut), str(good))
    assert code == 1
    assert f"{cut}: cannot read: the gzip file is cut short" in err
    code, out, _ = _run("--db", db, "stories", "--articles", "--format", "json")
    assert code == 0, out
    stored = sorted(a["id"] for story in json.loads(out) for a in story["articles"])
    assert stored == ["a", "b", "c"]


def test_a_gzip_file_without_a_type_in_its_name_is_named_as_written(tmp_path: Path) -> None:
    """`b.gz` was refused as "unsupported file type .gz" by a message listing `.gz` as read,
    and named "(no suffix)" in a folder; `c.tar.gz` as `.tar` (a review's cases)."""
    packed = gzip.compress(b'{"id": "x", "text": "hello"}\n')
    (tmp_path / "b.gz").write_bytes(packed)
    (tmp_path / "c.tar.gz").write_bytes(packed)
    bare, tar = (list(read_sources([str(tmp_path / n)])) for n in ("b.gz", "c.tar.gz"))
    assert "unsupported file type .gz;" in str(bare[0]) and "`articles.jsonl.gz`" in str(bare[0])
    assert "unsupported file type .tar.gz;" in str(tar[0])
    said = sorted(str(i) for i in read_sources([str(tmp_path)]))
    assert said == [
        f"{tmp_path / 'b.gz'}: not a file type newsmoa reads (.gz)",
        f"{tmp_path / 'c.tar.gz'}: not a file type newsmoa reads (.tar.gz)",
    ]
