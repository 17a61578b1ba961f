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
        ("kim short-token\n", ":1: the token is shorter than 16"),
        (f"kim {KIM}\n# x\nkim {NIGHT}\n", ":3: the name of line 1 again"),
        (f"kim {KIM}\nlee {KIM}\n", ":2: the token of line 1 again"),
        (f"kim {KIM} # rotated\n", ":1: a comment goes on a line of its own"),
        (f"{'x' * 201} {KIM}\n", ":1: the name is longer than 200"),
        (f"kim\x1b[2J {KIM}\n", ":1: the name holds a control character"),
        ("# nobody yet\n\n", ": no editor in the editors' file"),  # corrections would be off
    ],
)
def test_a_bad_line_is_refused_naming_the_file_and_line_not_its_token(tmp_path, text, says):
    path = tmp_path / "editors"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{path}{says}") as refused:
        load(str(path))
    assert KIM not in str(refused.value) and "short-token" not in str(refused.value)
    with pytest.raises(ConfigError, match="cannot read"):
        load(str(tmp_path / "missing"))


def test_the_file_may_start_with_a_bom_and_hold_exactly_long_and_non_ascii_tokens(tmp_path):
    path = tmp_path / "editors"
    exact, korean = "a" * 16, "편집국-토큰-0123456789"
    path.write_text(f"# name token\r\nkim {exact}\r\n이 기자\u00a0\t{korean}\n", "utf-8-sig")
    editors = load(str(path))
    assert editors.who(exact.encode()) == "kim" and editors.who(korean.encode()) == "이 기자\u00a0"
    with pytest.raises(ConfigError, match=":2: the server's edit token"):
        load(str(path), shared=exact)


def test_an_editors_token_makes_corrections_under_their_name(tmp_path, example_path, editors_file):
    db = str(tmp_path / "e.db")
    store = open_store(db)
    (story,) = Newsroom(store).ingest(read_all([str(example_path)]), defer_analysis=True).stories
    store.close()
    body = {"action": "confirm", "stories": [story], "by": "night desk"}
    with TestClient(create_app(db, edit_token="", editors=editors_file)) as client:
        wrong = client.post("/api/corrections", json=body, headers={"Authorization": "Bearer x"})
        assert wrong.status_code == 401
        got = client.post("/api/corrections", json=body, headers={"Authorization": f"Bearer {KIM}"})
        assert got.status_code == 201, got.text
        page = client.get(f"/stories/{story}", params={"why": 1}).text
        assert 'name="token"' in page  # the form is there without a shared token
        form = {"action": "release", "token": NIGHT, "by": "김기자 사회부"}
        assert client.post(f"/stories/{story}/corrections", data=form).status_code == 200
        assert 'name="token"' in client.get("/doubts").text  # released: listed, with its form
        log = client.get("/api/corrections").json()
        assert [(c["action"], c["by"], c.get("proven")) for c in log] == [
            ("confirm", "김기자 사회부", True),
            ("release", "night desk", True),
        ]
    shared = "shared-token-0123456789"
    with TestClient(create_app(db, edit_token=shared, editors=editors_file)) as client:
        as_kim = {**body, "by": "김기자 사회부"}
        headers = {"Authorization": f"Bearer {shared}"}
        assert client.post("/api/corrections", json=as_kim, headers=headers).status_code == 201
        last = client.get("/api/corrections").json()[-1]
        assert last["by"] == "김기자 사회부" and "proven" not in last  # as given, not proven
        release = {"action": "release", "stories": [story]}
        night = {"Authorization": f"Bearer {NIGHT}"}
        assert client.post("/api/corrections", json=release, headers=night).status_code == 201
        assert client.get("/api/corrections").json()[-1]["proven"] is True
    with TestClient(create_app(db, edit_token="", editors="")) as client:
        off = client.post("/api/corrections", json=body, headers={"Authorization": f"Bearer {KIM}"})
        assert off.status_code == 403 and "NEWSMOA_EDITORS" in off.json()["detail"]
    with pytest.raises(ConfigError):
        create_app(db, editors=str(tmp_path / "missing"))
    with pytest.raises(ConfigError, match="the server's edit token"):
        create_app(db, edit_token=KIM, editors=editors_file)


def test_guesses_are_held_back_with_editors_only(tmp_path, example_path, editors_file):
    db = str(tmp_path / "g.db")
    store = open_store(db)
    (story,) = Newsroom(store).ingest(read_all([str(example_path)]), defer_analysis=True).stories
    store.close()
    with TestClient(create_app(db, edit_token="", editors=editors_file)) as client:
        body = {"action": "confirm", "stories": [story]}
        for k in range(10):
            if k % 2:
                guess = {"Authorization": f"Bearer guess-{k}"}
                assert client.post("/api/corrections", json=body, headers=guess).status_code == 401
            else:
                form = {"action": "confirm", "token": f"guess-{k}"}
                assert client.post(f"/stories/{story}/corrections", data=form).status_code == 401
        right = {"Authorization": f"Bearer {KIM}"}
        assert client.post("/api/corrections", json=body, headers=right).status_code == 429


def test_a_non_ascii_editors_token_works_from_the_header_and_the_form(tmp_path, example_path):
    path = tmp_path / "editors"
    token = "편집-토큰-à-0123456789-à"  # ends in a byte (0xA0) Latin-1 reads as a blank
    path.write_text(f"kim {token}\n", encoding="utf-8")
    db = str(tmp_path / "k.db")
    store = open_store(db)
    (story,) = Newsroom(store).ingest(read_all([str(example_path)]), defer_analysis=True).stories
    store.close()
    with TestClient(create_app(db, edit_token="", editors=str(path))) as client:
        body = {"action": "confirm", "stories": [story]}
        header = {"Authorization": b"Bearer " + token.encode()}
        assert client.post("/api/corrections", json=body, headers=header).status_code == 201
        form = {"action": "release", "token": token}
        assert client.post(f"/stories/{story}/corrections", data=form).status_code == 200
        assert [c["by"] for c in client.get("/api/corrections").json()] == ["kim", "kim"]


def test_serve_stops_at_start_on_a_bad_editors_file(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from newsmoa.serve.cli import cli
    from newsmoa.store import open_store

    path = tmp_path / "editors"
    path.write_text("kim short\n", encoding="utf-8")
    monkeypatch.setenv("NEWSMOA_EDITORS", str(path))
    open_store(str(tmp_path / "s.db")).close()
    got = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "serve"], obj={})
    assert got.exit_code == 1 and f"{path}:1: the token is shorter" in got.output
