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
