"""Editors with tokens of their own (`serve.editors`, `NEWSMOA_EDITORS`): the log names who
made a correction by the token it came with."""

from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():  # as in test_app.py: the one fallback warning of Starlette
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from newsmoa.errors import ConfigError
from newsmoa.ingest import read_all
from newsmoa.pipeline import Newsroom
from newsmoa.serve.app import create_app
from newsmoa.serve.editors import load
from newsmoa.store import open_store

KIM = "kim-0123456789abcdef"
NIGHT = "night-fedcba9876543210"


@pytest.fixture
def editors_file(tmp_path):
    path = tmp_path / "editors"
    path.write_text(
        f"# name  token\n\n김기자 사회부\t{KIM}\n  night desk   {NIGHT}  \n", encoding="utf-8"
    )
    return str(path)


def test_the_file_names_each_editor_by_their_token(editors_file):
    editors = load(editors_file)
    assert len(editors) == 2
    assert editors.who(KIM.encode()) == "김기자 사회부"
    assert editors.who(NIGHT.encode()) == "night desk"
    assert editors.who(b"kim-0123456789abcdeX") is None and editors.who(b"") is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (f"{KIM}\n", ":1: give a name"),
        ("kim short-token\n", ":1: kim's token is shorter than 16"),
        (f"kim {KIM}\n# x\nkim {NIGHT}\n", ":3: kim is listed twice"),
        (f"kim {KIM}\nlee {KIM}\n", ":2: lee has the token of kim"),
    ],
)
def test_a_bad_line_is_refused_naming_the_file_and_line(tmp_path, text, says):
    path = tmp_path / "editors"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{path}{says}"):
        load(str(path))
    with pytest.raises(ConfigError, match="cannot read"):
        load(str(tmp_path / "missing"))


def test_an_editors_token_makes_corrections_under_their_name(tmp_path, example_path, editors_file):
    db = str(tmp_path / "e.db")
    store = open_store(db)
    (story,) = Newsroom(store).ingest(read_all([str(example_path)]), defer_analysis=True).stories
    store.close()
    with TestClient(create_app(db, edit_token="", editors=editors_file)) as client:
        body = {"action": "confirm", "stories": [story], "by": "someone else"}
        wrong = client.post("/api/corrections", json=body, headers={"Authorization": "Bearer x"})
        assert wrong.status_code == 401
        got = client.post("/api/corrections", json=body, headers={"Authorization": f"Bearer {KIM}"})
        assert got.status_code == 201, got.text
        page = client.get(f"/stories/{story}", params={"why": 1}).text
        assert 'name="token"' in page  # the form is there without a shared token
        form = {"action": "release", "token": NIGHT, "by": "someone else"}
        assert client.post(f"/stories/{story}/corrections", data=form).status_code == 200
        log = client.get("/api/corrections").json()
        assert [(c["action"], c["by"]) for c in log] == [
            ("confirm", "김기자 사회부"),
            ("release", "night desk"),
        ]
    with TestClient(
        create_app(db, edit_token="shared-token-0123456789", editors=editors_file)
    ) as c:
        shared = {"Authorization": "Bearer shared-token-0123456789"}
        body = {"action": "confirm", "stories": [story], "by": "데스크"}
        assert c.post("/api/corrections", json=body, headers=shared).status_code == 201
        assert c.get("/api/corrections").json()[-1]["by"] == "데스크"  # the shared token: as given
    with TestClient(create_app(db, edit_token="", editors="")) as client:
        off = client.post("/api/corrections", json=body, headers={"Authorization": f"Bearer {KIM}"})
        assert off.status_code == 403 and "NEWSMOA_EDITORS" in off.json()["detail"]
    with pytest.raises(ConfigError):
        create_app(db, editors=str(tmp_path / "missing"))


def test_serve_stops_at_start_on_a_bad_editors_file(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from newsmoa.serve.cli import cli

    path = tmp_path / "editors"
    path.write_text("kim short\n", encoding="utf-8")
    monkeypatch.setenv("NEWSMOA_EDITORS", str(path))
    got = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "serve"], obj={})
    assert got.exit_code == 1 and f"{path}:1: kim's token is shorter" in got.output
