"""`ingest --release`: the press office's view of one release and its placements."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from newsmoa.serve.cli import cli

RELEASE = """군산시, 청년 창업센터 개소
입력 2024.04.10 09:00
군산시는 10일 시청에서 강임준 시장과 청년 창업자 등 120명이 참석한 가운데 청년 창업센터 개소식을 열었다고 밝혔다.
센터는 사무공간 40실과 공용 회의실을 갖췄으며 올해 창업팀 30곳을 선발해 지원한다.
강임준 시장은 "청년이 돌아오는 도시를 만들겠다"고 말했다.
"""

COPY = """군산시, 청년 창업센터 문 열어
입력 2024.04.10 11:20
(군산=뉴스1) 박영희 기자 = 군산시는 10일 시청에서 강임준 시장과 청년 창업자 등 120명이 참석한 가운데 청년 창업센터 개소식을 열었다고 밝혔다.
센터는 사무공간 40실과 공용 회의실을 갖췄으며 올해 창업팀 30곳을 선발해 지원한다.
"""

WRONG = """군산 청년 창업센터 개소
입력 2024.04.10 14:05
[전북일보] 군산시는 10일 시청에서 강임준 시장과 청년 창업자 등 200명이 참석한 가운데 청년 창업센터 개소식을 열었다.
센터는 사무공간 40실과 공용 회의실을 갖췄으며 올해 창업팀 30곳을 선발해 지원한다.
김철수 기자 kim@jjan.kr
"""


def test_release_story_lists_carriers_and_states_differences(tmp_path):
    (tmp_path / "release.txt").write_text(RELEASE, "utf-8")
    (tmp_path / "copy.txt").write_text(COPY, "utf-8")
    (tmp_path / "wrong.txt").write_text(WRONG, "utf-8")
    db = str(tmp_path / "r.db")
    runner = CliRunner()
    args = [
        "--db",
        db,
        "ingest",
        str(tmp_path / "copy.txt"),
        str(tmp_path / "wrong.txt"),
        "--release",
        str(tmp_path / "release.txt"),
    ]
    result = runner.invoke(cli, args, obj={})
    assert result.exit_code == 0, result.output
    (row,) = json.loads(
        runner.invoke(cli, ["--db", db, "stories", "--format", "json"], obj={}).output
    )
    doc = json.loads(
        runner.invoke(cli, ["--db", db, "show", row["id"], "--format", "json"], obj={}).output
    )
    release = next(a for a in doc["articles"] if a["is_release"])
    assert doc["release"] == release["id"] and doc["title"] == "군산시, 청년 창업센터 개소"
    by_outlet = {a["outlet"]: a for a in doc["articles"] if not a["is_release"]}
    assert set(by_outlet) == {"뉴스1", "전북일보"}
    assert by_outlet["뉴스1"]["reuse"] > 0.9 and by_outlet["전북일보"]["reuse"] > 0.5
    assert {c["outlet"] for c in doc["release_carried_by"]} == {"뉴스1", "전북일보"}
    carried = {c["outlet"]: c["release_share"] for c in doc["release_carried_by"]}
    assert carried["뉴스1"] > 0.7 and carried["전북일보"] < carried["뉴스1"]
    (dis,) = doc["disagreements"]
    assert dis["kind"] == "quantity"
    values = {json.dumps(v["value"]): {s["article"] for s in v["sources"]} for v in dis["values"]}
    assert values == {
        "120": {release["id"], by_outlet["뉴스1"]["id"]},
        "200": {by_outlet["전북일보"]["id"]},
    }
    md = runner.invoke(cli, ["--db", db, "show", row["id"], "--format", "md"], obj={}).output
    assert f"Press release; carried by: 뉴스1 (ran {carried['뉴스1']:.0%} of it)" in md
    # the release is named as one among the sources and reprints, not by its hash (a
    # black-box test)
    assert "[press release, 뉴스1" in md and release["id"] not in md.split("## Why")[0]
    assert "- quantity: 120 명 (of participants, about ceremony) “120명”" in md  # what it counts
    table = runner.invoke(cli, ["--db", db, "show", row["id"]], obj={}).output
    assert "Press release; carried by" in table


def test_two_releases_of_one_template_are_two_stories_with_their_reprints(tmp_path):
    """A press office ingests its day's releases (`--release`, repeated, no other source),
    then the outlets' reprints one file per call: each reprint goes to the release it
    copies, though the two releases share a template (tests/cluster/test_releases.py)."""
    import random

    from county_releases import county_day

    releases, reprints = county_day(random.Random(3))
    db = str(tmp_path / "county.db")
    runner = CliRunner()

    def ingest(*args: str) -> None:
        result = runner.invoke(cli, ["--db", db, "ingest", *args], obj={})
        assert result.exit_code == 0, result.output

    def write(a) -> str:
        stamp = a.published.strftime("%Y.%m.%d %H:%M")
        paper = f"[{a.outlet}] " if a.outlet else ""
        (tmp_path / f"{a.id}.txt").write_text(
            f"{a.title}\n입력 {stamp}\n{paper}{a.text}\n", "utf-8"
        )
        return str(tmp_path / f"{a.id}.txt")

    ingest(*(arg for a in releases for arg in ("--release", write(a))))
    for a in reprints:
        ingest(write(a))
    rows = json.loads(
        runner.invoke(cli, ["--db", db, "stories", "--format", "json"], obj={}).output
    )
    assert sorted(r["article_count"] for r in rows) == [7, 7]
    for row in rows:
        doc = json.loads(
            runner.invoke(cli, ["--db", db, "show", row["id"], "--format", "json"], obj={}).output
        )
        kinds = {"도서관" in a["title"] for a in doc["articles"]}
        assert len(kinds) == 1, [a["title"] for a in doc["articles"]]
    no_input = runner.invoke(cli, ["--db", db, "ingest"], obj={})
    assert no_input.exit_code == 2 and "--release" in no_input.output


def test_a_release_read_from_standard_input(tmp_path):
    """`--release -` reads the release from standard input, as a SOURCE `-` does."""
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", db, "ingest", "--release", "-"], input=RELEASE, obj={})
    assert result.exit_code == 0, result.output
    (row,) = json.loads(
        runner.invoke(cli, ["--db", db, "stories", "--format", "json"], obj={}).output
    )
    doc = json.loads(
        runner.invoke(cli, ["--db", db, "show", row["id"], "--format", "json"], obj={}).output
    )
    assert [a["is_release"] for a in doc["articles"]] == [True]


@pytest.mark.parametrize(
    "args", [["--release", "-", "--release", "-"], ["-", "-"], ["-", "--release", "-"]]
)
def test_standard_input_is_asked_for_once(tmp_path, args):
    """A second `-` would read an input already used up ("empty file"): refused before
    anything is read or stored."""
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", *args], input=RELEASE, obj={})
    assert result.exit_code == 2 and "standard input can be read once" in result.output
    assert not (tmp_path / "s.db").exists()


CORRECTED = """[정정] 군산시, 청년 창업센터 개소
입력 2024.04.10 13:00
※ 오전 배포 자료의 참석 인원을 바로잡아 다시 보내드립니다(120명 → 150명).
군산시는 10일 시청에서 강임준 시장과 청년 창업자 등 150명이 참석한 가운데 청년 창업센터 개소식을 열었다고 밝혔다.
센터는 사무공간 40실과 공용 회의실을 갖췄으며 올해 창업팀 30곳을 선발해 지원한다.
강임준 시장은 "청년이 돌아오는 도시를 만들겠다"고 말했다.
"""


def _story_after(db: str, calls: list[list[str]]) -> dict:
    """The one story's document after `ingest` with each call's arguments, in turn."""
    runner = CliRunner()
    for args in calls:
        result = runner.invoke(cli, ["--db", db, "ingest", *args], obj={})
        assert result.exit_code == 0, result.output
    (row,) = json.loads(
        runner.invoke(cli, ["--db", db, "stories", "--format", "json"], obj={}).output
    )
    return json.loads(
        runner.invoke(cli, ["--db", db, "show", row["id"], "--format", "json"], obj={}).output
    )


def test_a_release_sent_again_corrected_is_the_storys_reference(tmp_path):
    """The morning's release, an outlet's copy of it, then the release sent again with a
    figure corrected: one story whose words are the correction's (the first release's, which
    its reprint shared, were shown), each release named with its time, and the copy's reuse
    measured against both (a black-box case)."""
    for name, text in (("release.txt", RELEASE), ("copy.txt", COPY), ("fix.txt", CORRECTED)):
        (tmp_path / name).write_text(text, "utf-8")
    db = str(tmp_path / "r.db")
    runner = CliRunner()
    doc = _story_after(
        db,
        [
            ["--release", str(tmp_path / "release.txt")],
            [str(tmp_path / "copy.txt")],
            ["--release", str(tmp_path / "fix.txt")],
        ],
    )
    fix = next(a for a in doc["articles"] if a["is_release"] and "바로잡아" in a["text"])
    assert doc["release"] == fix["id"] and doc["title"] == "군산시, 청년 창업센터 개소"
    shown = next(s["text"] for s in doc["sentences"] if "참석한 가운데" in s["text"])
    assert "150명" in shown
    copy = next(a for a in doc["articles"] if a["outlet"] == "뉴스1")
    assert copy["reuse"] > 0.9
    md = runner.invoke(cli, ["--db", db, "show", doc["id"], "--format", "md"], obj={}).output
    assert "Press release of 2024-04-10 13:00; carried by: 뉴스1" in md
    assert "press release of 2024-04-10 09:00" in md


def test_every_view_names_two_releases_of_one_minute_apart():
    """Two releases sent within a minute are numbered, on the command line as on the page
    (a review: the page numbered them and the command line did not); an article of no
    outlet is named by its file."""
    from newsmoa.serve.view import source_names

    when = "2024-05-28T10:00:00+09:00"
    names = source_names(
        [
            {"id": "a", "is_release": True, "published": when},
            {"id": "b", "is_release": True, "published": when.replace(":00+", ":30+")},
            {"id": "c", "outlet": None, "origin": "/clips/day2/c.txt"},
        ]
    )
    assert names == {
        "a": "press release of 2024-05-28 10:00 #1",
        "b": "press release of 2024-05-28 10:00 #2",
        "c": "c.txt",
    }


def test_reprints_stay_with_a_template_release_sent_again_corrected(tmp_path):
    """A county's two releases of one day from one template, two reprints of each; then the
    gym's release edited in its file (two figures corrected, a note added) and ingested
    again. Its reprints are no exact copies of it any more, fell to their links, which tie
    with the library's story, and one moved there (a black-box case; the texts are a
    helper's, written for the test, in `data/template_day`)."""
    import shutil
    from pathlib import Path

    day = Path(__file__).parent / "data" / "template_day"
    for f in day.iterdir():
        shutil.copy(f, tmp_path / f.name)
    db = str(tmp_path / "t.db")
    runner = CliRunner()

    def ingest(*args: str) -> None:
        result = runner.invoke(cli, ["--db", db, "ingest", *args], obj={})
        assert result.exit_code == 0, result.output

    clips = [str(tmp_path / f"{k}_{x}.txt") for k in ("lib", "gym") for x in "ab"]
    ingest("--release", str(tmp_path / "lib.txt"), "--release", str(tmp_path / "gym.txt"), *clips)
    shutil.copy(tmp_path / "gym_corrected.txt", tmp_path / "gym.txt")
    ingest("--release", str(tmp_path / "gym.txt"))
    rows = json.loads(
        runner.invoke(cli, ["--db", db, "stories", "--format", "json"], obj={}).output
    )
    for row in rows:
        doc = json.loads(
            runner.invoke(cli, ["--db", db, "show", row["id"], "--format", "json"], obj={}).output
        )
        kinds = {"도서관" in a["title"] for a in doc["articles"]}
        assert len(doc["articles"]) == 3 and len(kinds) == 1, [a["title"] for a in doc["articles"]]


def test_a_correction_keeping_the_first_releases_time_is_the_reference(tmp_path):
    """A correction sent with the first release's 보도일시 unchanged: of two releases of one
    time, the one that says it corrects is the reference (the tie fell to their ids, a
    black-box case)."""
    same_time = CORRECTED.replace("입력 2024.04.10 13:00", "입력 2024.04.10 09:00")
    for name, text in (("release.txt", RELEASE), ("copy.txt", COPY), ("fix.txt", same_time)):
        (tmp_path / name).write_text(text, "utf-8")
    doc = _story_after(
        str(tmp_path / "r.db"),
        [
            ["--release", str(tmp_path / "release.txt"), str(tmp_path / "copy.txt")],
            ["--release", str(tmp_path / "fix.txt")],
        ],
    )
    fix = next(a for a in doc["articles"] if a["is_release"] and "바로잡아" in a["text"])
    assert doc["release"] == fix["id"]
    assert "150명" in next(s["text"] for s in doc["sentences"] if "참석한 가운데" in s["text"])


def test_a_folder_of_releases(tmp_path):
    """`ingest --release releases/` reads a folder as a SOURCE is read (it was refused)."""
    (tmp_path / "releases").mkdir()
    (tmp_path / "releases" / "a.txt").write_text(RELEASE, "utf-8")
    db = str(tmp_path / "r.db")
    result = CliRunner().invoke(
        cli, ["--db", db, "ingest", "--release", str(tmp_path / "releases")], obj={}
    )
    assert result.exit_code == 0, result.output
    assert "added 1" in result.output


def test_the_list_of_placements_marks_the_release_and_says_how_much_each_ran(tmp_path):
    """`stories --articles`, a press office's list of placements: the release's row was an
    article with no outlet, told from the placements by nothing in the CSV, and no listing
    said how much of the release each outlet ran (only `show` did)."""
    for name, text in (("release.txt", RELEASE), ("copy.txt", COPY), ("wrong.txt", WRONG)):
        (tmp_path / name).write_text(text, "utf-8")
    db, runner = _ingested_with_release(tmp_path)
    listing = ["--db", db, "stories", "--articles", "--format"]
    placed = runner.invoke(cli, [*listing, "csv"], obj={}).output
    rows = list(csv.DictReader(io.StringIO(placed.lstrip("\ufeff"))))
    by_outlet = {r["article_outlet"]: r for r in rows}
    assert [r["article_is_release"] for r in rows].count("True") == 1
    assert by_outlet[""]["article_is_release"] == "True"
    assert by_outlet["뉴스1"]["article_is_release"] == "False"
    # both ran 2 of the release's 3 sentences (.81 of its 5-grams); 전북일보 edited one
    assert float(by_outlet["뉴스1"]["article_release_share"]) > 0.75
    assert float(by_outlet["전북일보"]["article_release_share"]) < 0.75
    (story,) = json.loads(runner.invoke(cli, [*listing, "json"], obj={}).output)
    shares = {a["outlet"]: a["release_share"] for a in story["articles"]}
    assert shares[None] is None and shares["뉴스1"] > 0.75
    table = runner.invoke(cli, [*listing, "table"], obj={}).output
    assert "(release)" in table and "reuse" in table
    # how many placements: an outlet's update is a second article of one outlet
    shown = runner.invoke(cli, ["--db", db, "show", story["id"], "--format", "md"], obj={})
    assert "; 2 articles in 2 outlets." in shown.output
    md = runner.invoke(cli, [*listing, "md"], obj={}).output
    assert "(release)" in md


CHAIN = """군산시 청년 창업센터 개소…창업팀 30곳 지원
입력 2024.04.10 16:30
[새만금일보] 군산시는 10일 시청에서 강임준 시장과 청년 창업자 등 120명이 참석한 가운데 청년 창업센터 개소식을 열었다고 밝혔다.
센터는 사무공간 40실과 공용 회의실을 갖췄으며 올해 창업팀 30곳을 선발해 지원한다.
"""


def test_every_view_says_whose_text_a_copy_of_a_reprint_took(tmp_path):
    """An outlet copying 전북일보's edited reprint (its `200명`, its cut) took the release's
    words and 전북일보's edits: its reuse alone did not say whose (`reuse_from`)."""
    chain = CHAIN.replace(
        "120명이 참석한 가운데 청년 창업센터 개소식을 열었다고 밝혔다",
        "200명이 참석한 가운데 청년 창업센터 개소식을 열었다",
    )
    files = {"release.txt": RELEASE, "wrong.txt": WRONG, "chain.txt": chain}
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
    db = str(tmp_path / "r.db")
    runner = CliRunner()
    args = ["--db", db, "ingest", str(tmp_path / "wrong.txt"), str(tmp_path / "chain.txt")]
    result = runner.invoke(cli, [*args, "--release", str(tmp_path / "release.txt")], obj={})
    assert result.exit_code == 0, result.output
    (row,) = json.loads(runner.invoke(cli, ["--db", db, "stories", "--format", "json"]).output)
    show = ["--db", db, "show", row["id"], "--format"]
    doc = json.loads(runner.invoke(cli, [*show, "json"], obj={}).output)
    ids = {a["outlet"] or "release": a["id"] for a in doc["articles"]}
    origins = doc["reuse_from"][ids["새만금일보"]]
    assert [o["article"] for o in origins] == [ids["release"], ids["전북일보"]]
    assert 0.05 < origins[1]["share"] < 0.2  # its edits: `200명`, `열었다.`
    assert ids["release"] not in doc["reuse_from"]
    md = runner.invoke(cli, [*show, "md"], obj={}).output
    taken = f"press release {origins[0]['share']:.0%}, 전북일보 {origins[1]['share']:.0%}"
    assert "| first seen in |" in md and f"| {taken} |" in md


def test_the_list_of_placements_reads_the_story_in_shows_order(tmp_path):
    """`stories --articles` listed an undated release (pasted without its 보도일시) among its
    placements at the time its batch was placed (the third of five rows in a press office's
    week), where `show` lists it first: the two lists of one story now read alike, the
    release first."""
    undated = RELEASE.replace("입력 2024.04.10 09:00\n", "")
    early = COPY.replace("11:20", "08:10")
    for name, text in (("release.txt", undated), ("copy.txt", early), ("wrong.txt", WRONG)):
        (tmp_path / name).write_text(text, "utf-8")
    db, runner = _ingested_with_release(tmp_path)
    listing = ["--db", db, "stories", "--articles", "--format"]
    (story,) = json.loads(runner.invoke(cli, [*listing, "json"], obj={}).output)
    shown = json.loads(runner.invoke(cli, ["--db", db, "show", story["id"], "--json"]).output)
    got = [(a["id"], a["outlet"]) for a in story["articles"]]
    assert got == [(a["id"], a["outlet"]) for a in shown["articles"]], got
    assert story["articles"][0]["is_release"]
    placed = runner.invoke(cli, [*listing, "csv"], obj={}).output
    rows = list(csv.DictReader(io.StringIO(placed.lstrip("\ufeff"))))
    assert [r["article_outlet"] for r in rows] == ["", "뉴스1", "전북일보"]


def _ingested_with_release(tmp_path) -> tuple[str, CliRunner]:
    """`copy.txt` and `wrong.txt` ingested with `release.txt` as the release, in `r.db`."""
    db = str(tmp_path / "r.db")
    runner = CliRunner()
    files = [str(tmp_path / "copy.txt"), str(tmp_path / "wrong.txt")]
    release = ["--release", str(tmp_path / "release.txt")]
    result = runner.invoke(cli, ["--db", db, "ingest", *files, *release], obj={})
    assert result.exit_code == 0, result.output
    return db, runner
