"""Where the batch commands write (`serve.outputs`): an output that names the input is refused
before any work and the input is left as it was; an output that cannot be written fails with
one line naming it, not the input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmoa.serve.cli import cli

ARTICLES = [
    {
        "id": f"a{n}",
        "text": "군은 새 도서관을 짓는다고 밝혔다. 사업비는 120억 원이며 내년에 문을 연다.",
    }
    for n in range(3)
]


def _input(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), "utf-8")
    return path


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), obj={})


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (["cluster", "{in}", "-o", "{same}"], "emptied while it is read"),
        (["entities", "{in}", "-o", "{same}"], "emptied while it is read"),
        (["backfill", "{in}", "-o", "{same}"], "emptied while it is read"),
        (["backfill", "{in}", "-o", "{out}", "--near-duplicates", "{same}"], "emptied while"),
        (["backfill", "{in}", "-o", "{out}", "--near-duplicates", "{out}"], "is also where"),
    ],
)
def test_an_output_that_names_the_input_or_another_output_is_refused(tmp_path, command, says):
    """Also under another name of the same file (a hard link)."""
    src = _input(tmp_path)
    before = src.read_bytes()
    link = tmp_path / "same.jsonl"
    os.link(src, link)
    for same in (src, link):
        names = {"in": str(src), "same": str(same), "out": str(tmp_path / "o.jsonl")}
        got = _run(*(a.format(**names) for a in command))
        assert got.exit_code == 2 and says in got.output, got.output
    assert src.read_bytes() == before and not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize("command", ["cluster", "entities", "backfill"])
def test_an_output_that_cannot_be_written_is_named(tmp_path, command):
    src = _input(tmp_path)
    got = _run(command, str(src), "-o", str(tmp_path / "no" / "such" / "out.jsonl"))
    assert got.exit_code == 2 and "no folder" in got.output, got.output
    if Path("/dev/full").exists():  # a full disk
        got = _run(
            command,
            str(src),
            "-o",
            "/dev/full",
            *(["--near-duplicates", str(tmp_path / "g")] if command == "backfill" else []),
        )
        assert (
            got.exit_code == 1 and "/dev/full: cannot write: No space left on device" in got.output
        ), got.output
        assert str(src) not in got.output.replace(f"error: {src}", "")


def test_backfill_to_stdout_says_where_its_groups_are_not(tmp_path):
    got = CliRunner().invoke(cli, ["backfill", str(_input(tmp_path)), "-o", "-"], obj={})
    assert got.exit_code == 0 and "give --near-duplicates PATH" in got.stderr
    assert [json.loads(x)["id"] for x in got.stdout.splitlines()] == ["a0", "a1", "a2"]


def test_times_are_shown_in_one_zone_so_a_list_reads_in_order():
    """Stories listed newest first by instant read out of order when each time kept its own
    offset ("2024-05-01 20:00:00" in UTC above "2024-05-02 03:00:00" in KST; a black-box
    test): tables, Markdown and pages show the zone times without an offset are read in."""
    from newsmoa.serve.render import listing
    from newsmoa.serve.view import when

    rows = [
        {"id": f"s{n}", "title": "t", "first_published": t, "outlets": [], "article_count": 1}
        for n, t in enumerate(("2024-05-01T21:00:00+00:00", "2024-05-02T05:00:00+09:00"))
    ]
    md = listing(rows, "md")
    assert md.index("2024-05-02 06:00:00") < md.index("2024-05-02 05:00:00")
    assert when("2024-05-01T20:00:00+00:00") == "2024-05-02 05:00"
    assert when("2024-05-01T20:00:00") == "2024-05-01 20:00"  # no offset: as written
    assert when(None) == "—" and when("not a time") == "not a time"


def test_figures_stated_without_hangul_are_shown_in_thousands():
    """An English figure (`$60,000`, `about 300 people`) in 만/억 read as nonsense (`6만`; a
    review); a Korean one, or one with no words, stays in 만/억."""
    from newsmoa.serve.view import show_stated

    assert show_stated(60000, "$60,000") == "60,000"
    assert show_stated(1_200_000_000, "$1.2 billion") == "1,200,000,000"
    assert show_stated(12_000_000_000, "120억 원") == "120억"
    assert show_stated(60000, None) == "6만"


@pytest.mark.parametrize("command", ["cluster", "entities", "backfill"])
def test_a_reader_that_goes_away_ends_the_output_quietly(tmp_path, monkeypatch, command):
    """`newsmoa cluster in.jsonl | head -2` ended with `Error: -: cannot write: Broken pipe`
    under the lines `head` showed (a black-box case): a reader that stops reading is no
    error to report; the command ends as click ends any other (status 1, nothing said)."""
    import contextlib
    import errno

    from newsmoa import outfile

    class Gone:
        def write(self, text: str) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe", "-")  # as `writing` names it

    real = outfile.writing

    @contextlib.contextmanager
    def closed_stdout(path):
        if path == "-":
            yield Gone()
            return
        with real(path) as out:
            yield out

    for where in ("newsmoa.outfile", "newsmoa.serve.cmd_entities", "newsmoa.backfill.output"):
        monkeypatch.setattr(f"{where}.writing", closed_stdout)
    args = [command, str(_input(tmp_path)), "-o", "-"]
    if command == "backfill":
        args += ["--near-duplicates", str(tmp_path / "groups.jsonl")]
    got = CliRunner().invoke(cli, args, obj={})
    assert "cannot write" not in got.output and "Error" not in got.output, got.output
    assert got.exit_code == 1


@pytest.mark.parametrize("command", ["cluster", "entities", "backfill"])
def test_a_missing_input_is_one_line_naming_it_once(tmp_path, command):
    """`cluster` said `nofile.jsonl: cannot read: [Errno 2] No such file or directory:
    'nofile.jsonl'` (the path twice) where `entities` says it once."""
    missing = tmp_path / "nofile.jsonl"
    got = _run(command, str(missing), "-o", str(tmp_path / "out.jsonl"))
    assert got.exit_code == 1
    line = got.output.strip()
    assert line.startswith(f"Error: {missing}: cannot read: ") and line.count(str(missing)) == 1


def test_entities_reads_a_gzip_compressed_jsonl_as_ingest_does(tmp_path):
    """`entities a.jsonl.gz` said the file was no JSONL (a review)."""
    import gzip

    packed = tmp_path / "in.jsonl.gz"
    packed.write_bytes(gzip.compress(_input(tmp_path).read_bytes()))
    out = tmp_path / "out.jsonl"
    got = _run("entities", str(packed), "-o", str(out))
    assert got.exit_code == 0, got.output
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a0", "a1", "a2"] and all("entities" in r for r in rows)


def test_entities_names_a_gzip_file_cut_short_as_an_input_it_cannot_read(tmp_path):
    """Read through `ingest.compressed.reading`, as `ingest` and `cluster` read gzip: a file
    cut short is one line naming it, not a traceback."""
    import gzip

    packed = tmp_path / "in.jsonl.gz"
    packed.write_bytes(gzip.compress(_input(tmp_path).read_bytes())[:15])
    got = _run("entities", str(packed), "-o", str(tmp_path / "out.jsonl"))
    assert got.exit_code == 1
    assert got.output.strip().startswith(
        f"Error: {packed}: cannot read: the gzip file is cut short"
    )
