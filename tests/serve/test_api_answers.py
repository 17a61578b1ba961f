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


def test_search_says_which_matching_article_is_the_release(db, client):
    """A client could not tell the release among the matches."""
    for found in (
        client.get("/api/search", params={"q": "태양광"}).json(),
        json.loads(run(db, "search", "태양광", "--format", "json").stdout),
    ):
        (story,) = found
        releases = {a["id"]: a["is_release"] for a in story["articles"]}
        assert releases == {
            "rel-1": True,
            "https://chungsolherald.example/a/101": False,
            "https://jeonbuk-ilbo.example/n/555": False,
        }
    table = run(db, "search", "태양광", env={"COLUMNS": "160"}).stdout
    assert "청솔군 (release)" in table  # (as `stories --articles` marks it)
    rows = run(db, "search", "태양광", "--format", "csv").stdout[1:].splitlines()
    assert rows[0].endswith(",article_is_release") and rows[-1].endswith(",True")


def test_search_without_q_is_refused_as_a_blank_q_is(client):
    """A missing `q` got FastAPI's list of `Field required`, a blank one a plain sentence."""
    missing, blank = client.get("/api/search"), client.get("/api/search", params={"q": " "})
    assert missing.status_code == blank.status_code == 422
    assert (
        missing.json()
        == blank.json()
        == {"detail": "give words to search for (a phrase in double quotes)"}
    )


def test_an_outlet_the_store_lacks_is_a_404_naming_those_it_has(db, client):
    """`?outlet=` with a typo answered `200 []`, as if the outlet had carried nothing."""
    for url, what, q in (
        ("/api/stories", "stories", {}),
        ("/api/search", "articles", {"q": "협약"}),
    ):
        answer = client.get(url, params={**q, "outlet": "청솔일보"})
        assert answer.status_code == 404
        assert answer.json() == {"detail": f"no {what} from '청솔일보'; {OUTLETS}"}
    assert client.get("/feed.atom", params={"outlet": "청솔일보"}).status_code == 404
    said = run(db, "stories", "--outlet", "청솔일보").stderr
    assert f"note: no stories from '청솔일보'; {OUTLETS}" in said  # (the CLI's words)
    assert "story" not in run(db, "stories", "--outlet", "청솔일보").stdout  # (no empty table)


def test_an_outlet_is_matched_whatever_the_case_of_its_letters(db, client):
    """`--outlet "chungsol herald"` found nothing of `Chungsol Herald`."""
    (row,) = json.loads(
        run(db, "stories", "--outlet", "chungsol herald", "--format", "json").stdout
    )
    (found,) = json.loads(
        run(db, "search", "태양광", "--outlet", "CHUNGSOL HERALD", "--format", "json").stdout
    )
    assert [a["outlet"] for a in found["articles"]] == ["Chungsol Herald"]
    assert [r["id"] for r in client.get("/api/stories?outlet=chungsol herald").json()] == [
        row["id"]
    ]
    (api,) = client.get("/api/search", params={"q": "태양광", "outlet": "chungsol HERALD"}).json()
    assert [a["outlet"] for a in api["articles"]] == ["Chungsol Herald"]
    assert len(client.get("/api/stories", params={"outlet": " Chungsol Herald "}).json()) == 1
    assert len(client.get("/api/stories", params={"outlet": " "}).json()) == 1  # (none asked)
    feed = client.get("/feed.atom", params={"outlet": "chungsol herald"}).text
    assert "<title>newsmoa: stories carried by Chungsol Herald</title>" in feed


def test_stories_in_jsonl_with_no_story_write_no_line(db):
    assert run(db, "stories", "--since", "2030-01-01", "--format", "jsonl").stdout == ""
    assert run(db, "stories", "--since", "2030-01-01", "--format", "json").stdout == "[]\n"


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
