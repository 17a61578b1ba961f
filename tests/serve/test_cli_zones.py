"""The user's time zone (`--tz`, NEWSMOA_TZ): times read and shown there, through the store."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from newsmoa.serve.cli import cli

US_REPORT = (
    "Storm Knocks Out Power Across Region\n\n"
    "By Dana Whitfield, Staff Writer\n"
    "Posted July 5, 2024 at 11:42 pm\n\n"
    "Thousands of homes lost power late on Friday after a storm, the utility said.\n\n"
    "Crews expect to restore service by Sunday, a spokeswoman said.\n"
)
KOREAN = (
    "완주군, 상하수도 개선 협약 체결\n\n입력 2024.07.05 23:40\n\n"
    "[완주=한빛일보] 김민수 기자 = 완주군과 전주시가 5일 상하수도 시설 개선을 위한 "
    "업무협약을 체결했다.\n\n유희태 완주군수는 이날 주민 불편을 줄이겠다고 말했다.\n"
)


@pytest.fixture(autouse=True)
def _no_zone_set(monkeypatch):
    monkeypatch.setenv("NEWSMOA_TZ", "Asia/Seoul")  # (recorded, so put back after)
    monkeypatch.delenv("NEWSMOA_TZ")


def test_tz_is_the_setting_for_its_command_only(tmp_path):
    (tmp_path / "ko.txt").write_text(KOREAN, encoding="utf-8")
    run(tmp_path / "n.db", "ingest", "--tz", "UTC", str(tmp_path / "ko.txt"))
    assert "NEWSMOA_TZ" not in os.environ


def run(db, *args, code=0):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], obj={}, catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "us.txt").write_text(US_REPORT, encoding="utf-8")
    (tmp_path / "ko.txt").write_text(KOREAN, encoding="utf-8")
    return tmp_path


def _published(db, *args):
    rows = json.loads(run(db, "stories", "--articles", "--format", "json", *args).stdout)
    return {a["title"][:5]: a["published"] for r in rows for a in r["articles"]}


def test_ingest_tz_reads_a_us_newsrooms_times_there_and_keeps_their_offset(inputs):
    """`Posted July 5, 2024 at 11:42 pm` of an English report that names no place, ingested
    with `--tz America/Chicago`: 23:42-05:00 in the store, and back (it was 23:42+09:00, the
    5th's 14:42 UTC); the Korean report's time stays Seoul's."""
    db = inputs / "n.db"
    run(db, "ingest", "--tz", "America/Chicago", str(inputs / "us.txt"), str(inputs / "ko.txt"))
    published = _published(db)
    assert published["Storm"] == "2024-07-05T23:42:00-05:00"
    assert published["완주군, "] == "2024-07-05T23:40:00+09:00"


def test_tables_show_times_in_the_zone_asked(inputs):
    db = inputs / "n.db"
    run(db, "ingest", str(inputs / "ko.txt"))
    assert "2024-07-05 23:40" in run(db, "stories").output  # Seoul's, by default
    assert "2024-07-05 14:40" in run(db, "stories", "--tz", "UTC").output
    (story,) = json.loads(run(db, "stories", "--format", "json").output)
    shown = run(db, "show", story["id"], "--tz", "America/Chicago").output
    assert "2024-07-05 09:40" in shown


def test_search_shows_times_and_takes_days_in_the_zone_asked(inputs):
    """The report of 23:40 on the 5th in Seoul is of the 6th at UTC+14: `search --tz` takes
    its days and shows its times there, as `stories --tz` does."""
    db = inputs / "n.db"
    run(db, "ingest", str(inputs / "ko.txt"))
    assert "2024-07-05 14:40" in run(db, "search", "완주군", "--tz", "UTC").output
    far = ("--since", "2024-07-06", "--tz", "Pacific/Kiritimati", "--format", "json")
    assert len(json.loads(run(db, "search", "완주군", *far).output)) == 1
    assert len(json.loads(run(db, "stories", *far).output)) == 1
    assert json.loads(run(db, "search", "완주군", *far[:2], "--format", "json").output) == []


def test_the_setting_as_the_variable_gives_it(inputs, monkeypatch):
    db = inputs / "n.db"
    run(db, "ingest", str(inputs / "ko.txt"))
    monkeypatch.setenv("NEWSMOA_TZ", "Europe/London")
    assert "2024-07-05 15:40" in run(db, "stories").output


def test_a_zone_that_is_none_is_refused_with_the_names_it_may_mean(inputs, monkeypatch):
    db = inputs / "n.db"
    got = run(db, "ingest", "--tz", "America/Chicgo", str(inputs / "us.txt"), code=2)
    assert "'America/Chicgo' is no time zone" in got.output
    assert "America/Chicago" in got.output
    assert not db.exists()  # refused before anything was read or made
    monkeypatch.setenv("NEWSMOA_TZ", "Seoul")
    got = run(db, "ingest", str(inputs / "us.txt"), code=2)
    assert "NEWSMOA_TZ: 'Seoul' is no time zone: did you mean Asia/Seoul?" in got.output


def test_a_zone_name_in_another_case_is_that_zone(inputs):
    db = inputs / "n.db"
    run(db, "ingest", str(inputs / "ko.txt"))
    assert "2024-07-05 14:40" in run(db, "stories", "--tz", "utc").output


def test_the_web_pages_show_times_in_the_servers_zone(inputs, monkeypatch):
    """`serve --tz UTC` (NEWSMOA_TZ for the server): the list shows UTC's times, and the
    doubts page names the zone."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient

    from newsmoa.serve.app import create_app

    db = inputs / "n.db"
    run(db, "ingest", str(inputs / "ko.txt"))
    monkeypatch.setenv("NEWSMOA_TZ", "UTC")
    with TestClient(create_app(str(db))) as client:
        assert "2024-07-05 14:40" in client.get("/").text
        assert " UTC (" in client.get("/doubts").text


def test_the_story_list_and_page_name_the_zone_their_times_are_in(inputs, monkeypatch):
    """An English report from Springfield stood as "2024-06-05 21:00" on the pages, 07:00
    where it was published, with no word of the zone: the list's column and the story page
    say which."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient

    from newsmoa.serve.app import create_app

    db = inputs / "n.db"
    run(db, "ingest", str(inputs / "ko.txt"))
    monkeypatch.setenv("NEWSMOA_TZ", "America/Chicago")
    with TestClient(create_app(str(db))) as client:
        listed = client.get("/").text
        assert 'First published <span class="zone">(America/Chicago)</span>' in listed
        (story,) = client.get("/api/stories").json()
        page = client.get(f"/stories/{story['id']}").text
        assert "2024-07-05 09:40" in page and "(times in America/Chicago)" in page
