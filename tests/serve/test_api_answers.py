"""What a client of `/api/search`, `/api/stories`, `/feed.atom` and the CLI's JSON relies
on, on an invented county release (`data/solar_pact`: 청솔군's investment agreement) and
two outlets' versions of it, one an English-named outlet, one stating another amount."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from newsmoa.serve.app import create_app
from newsmoa.serve.cli import cli

DATA = Path(__file__).parent / "data" / "solar_pact"
OUTLETS = "the store's outlets: Chungsol Herald, 전북새날, 청솔군"


def run(db, *args, env=None):
    result = CliRunner().invoke(
        cli, ["--db", str(db), *args], obj={}, catch_exceptions=False, env=env
    )
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = tmp_path_factory.mktemp("solar") / "newsmoa.db"
    run(db, "ingest", str(DATA / "reports.jsonl"), "--release", str(DATA / "release.jsonl"))
    return db


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(str(db)))


def test_each_side_of_a_disagreement_over_an_amount_names_its_unit(db, client):
    """The sides read 12000000000 and 15000000000, the unit only in `about`."""
    (row,) = json.loads(run(db, "stories", "--format", "json").stdout)
    for doc in (
        json.loads(run(db, "show", row["id"], "--format", "json").stdout),
        client.get(f"/api/stories/{row['id']}").json(),
    ):
        (amount,) = [d for d in doc["disagreements"] if d["kind"] == "quantity"]
        assert [(v["value"], v["unit"]) for v in amount["values"]] == [
            (12000000000, "원"),
            (15000000000, "원"),
        ]
