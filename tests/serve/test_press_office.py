"""A county press office's view: a release and the outlets that carried it (`doubts`,
`stories`), on an invented release and three outlets' versions of it
(`data/bridge_closure`: one runs it nearly whole, one cut, one a third in its own words)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmoa.serve.cli import cli

DATA = Path(__file__).parent / "data" / "bridge_closure"


def run(db, *args):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], obj={}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def office_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("office") / "newsmoa.db"
    reports = [str(DATA / f"{name}.txt") for name in ("cheongsol", "namdo", "gunjeong")]
    run(db, "ingest", *reports, "--release", str(DATA / "release.txt"))
    return db


def test_doubts_do_not_part_a_release_from_an_outlet_that_carried_it(office_db):
    """The release's story was offered as two: 남도타임즈, which ran 37% of the release in
    its own words, on one side, the release and the two other outlets on the other."""
    (row,) = json.loads(run(office_db, "stories", "--format", "json"))
    assert row["article_count"] == 4
    found = json.loads(run(office_db, "doubts", "--format", "json"))
    assert found["split"] == []


def test_stories_count_the_placements_of_a_release(office_db):
    """Only `show`, one story at a time, said which outlets ran a release; the listing now
    counts them, without the release itself."""
    (row,) = json.loads(run(office_db, "stories", "--format", "json"))
    assert row["release_placements"] == {"articles": 3, "outlets": 3, "without_outlet": 0}
    table = run(office_db, "stories")
    assert "carried" in table and "3 in 3 outlets" in table
    head, line = run(office_db, "stories", "--format", "csv").lstrip("\ufeff").splitlines()
    at = head.split(",").index("placements")
    assert line.split(",")[at : at + 2] == ["3", "3"]


def test_the_api_story_list_counts_the_placements_of_a_release(office_db):
    import warnings

    with warnings.catch_warnings():  # (as `test_app.py`: the pinned httpx's one warning)
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient

    from newsmoa.serve.app import create_app

    with TestClient(create_app(str(office_db))) as client:
        (row,) = client.get("/api/stories").json()
        assert row["release_placements"] == {"articles": 3, "outlets": 3, "without_outlet": 0}
        schema = client.get("/openapi.json").json()["components"]["schemas"]
        assert "release_placements" in schema["StoryListedOut"]["properties"]
