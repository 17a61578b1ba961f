"""`POST /api/corrections` and `GET /api/corrections`: an editor's corrections over HTTP,
only with the server's edit token; the log and the stories show them."""

from __future__ import annotations

import warnings
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
from markupsafe import escape
from selectolax.lexbor import LexborHTMLParser as HTMLParser

with warnings.catch_warnings():  # as in test_app.py: the one fallback warning of Starlette
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from newsmoa.ingest import read_all
from newsmoa.pipeline import Newsroom
from newsmoa.serve import api_doubts
from newsmoa.serve.app import create_app
from newsmoa.store import open_store

TOKEN = "s3cret-token"
EDITOR = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def stored(tmp_path, example_path):
    """The example's story of three articles: (db path, story id, article ids)."""
    db = str(tmp_path / "api.db")
    store = open_store(db)
    report = Newsroom(store).ingest(read_all([str(example_path)]), defer_analysis=True)
    (story,) = report.stories
    ids = sorted(aid for _, aid, _ in report.placed)
    store.close()
    return db, story, ids


def test_a_split_over_the_api_holds_and_is_logged(stored):
    db, story, ids = stored
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        body = {"action": "split", "story": story, "articles": [ids[0]], "by": "데스크"}
        got = client.post("/api/corrections", json=body, headers=EDITOR)
        assert got.status_code == 201, got.text
        done = got.json()
        assert done["n"] == 1 and done["moved"] == [ids[0]] and sorted(done["hand"]) == ids
        new = done["story"]
        assert sorted(done["stories"]) == sorted([story, new])
        part = client.get(f"/api/stories/{new}", params={"why": 1}).json()
        assert [a["id"] for a in part["articles"]] == [ids[0]]
        assert part["why"][ids[0]]["placed_by_hand"] is True
        back = {"action": "merge", "story": story, "stories": [new]}
        merged = client.post("/api/corrections", json=back, headers=EDITOR)
        assert merged.status_code == 201 and merged.json()["redirected"] == {}
        assert client.get(f"/api/stories/{new}", follow_redirects=False).status_code == 307
        again = {"action": "confirm", "stories": [new]}  # an id merged away: named as such
        confirmed = client.post("/api/corrections", json=again, headers=EDITOR)
        assert confirmed.status_code == 409  # every article of it is placed already
        log = client.get("/api/corrections").json()
        assert [(c["n"], c["action"]) for c in log] == [(1, "split"), (2, "merge")]
        pages = [
            client.get("/api/corrections", params=p).json() for p in ({"limit": 1}, {"after": 1})
        ]
        assert [[c["n"] for c in page] for page in pages] == [[1], [2]]  # read page by page
        assert client.get("/api/corrections", params={"limit": 0}).status_code == 422
        huge = client.get("/api/corrections", params={"after": 2**63})  # no int64 (a review)
        assert huge.status_code == 422
        assert log[0]["by"] == "데스크" and "by" not in log[1]
    store = open_store(db)
    assert set(store.stories_of(ids).values()) == {story}
    assert set(store.hand_placed(ids).values()) == {story}
    store.close()
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        freed = {"action": "release", "stories": [new]}  # an id merged away: said so
        done = client.post("/api/corrections", json=freed, headers=EDITOR)
        assert done.status_code == 201 and done.json()["redirected"] == {new: story}
        assert client.get("/api/corrections").json()[-1]["redirected"] == {new: story}


def test_a_story_corrected_over_http_stays_in_the_feed(stored):
    """A correction over HTTP answers before the stories' documents are built (the analysis
    runs after the answer is sent); the feed lists the stories all the same."""
    db, story, ids = stored
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        assert story in client.get("/feed.atom").text
        body = {"action": "split", "story": story, "articles": [ids[0]]}
        new = client.post("/api/corrections", json=body, headers=EDITOR).json()["story"]
        import xml.etree.ElementTree as ET

        ns = {"a": "http://www.w3.org/2005/Atom"}
        feed = ET.fromstring(client.get("/feed.atom").content)
        listed = {
            e.findtext("a:id", namespaces=ns): e for e in feed.findall("a:entry", ns)
        }  # built from the stories' rows and articles, titled, dated by their articles
        assert set(listed) == {f"urn:newsmoa:story:{s}" for s in (story, new)}
        for entry in listed.values():
            assert entry.findtext("a:title", namespaces=ns).startswith("완주군")
            updated = entry.findtext("a:updated", namespaces=ns)  # its latest change here
            assert updated > "2015-03-20T16:34:00+09:00"  # later than its articles
            # the documents are built once the answer is sent: the summary is the story's
            # first sentences, not its title again (a black-box case)
            summary = entry.findtext("a:summary", namespaces=ns)
            assert summary != entry.findtext("a:title", namespaces=ns) and "협약" in summary


def test_no_correction_without_the_token(stored):
    """The token is checked before the body: a request without it learns nothing more."""
    db, story, ids = stored
    body = {"action": "split", "story": story, "articles": [ids[0]]}
    for off in ("", "   "):  # no token, or only spaces: corrections are off
        with TestClient(create_app(db, edit_token=off)) as client:
            for sent in (body, {"action": "drop"}):
                got = client.post("/api/corrections", json=sent, headers=EDITOR)
                assert got.status_code == 403 and "NEWSMOA_EDIT_TOKEN" in got.json()["detail"]
            page = client.get(f"/stories/{story}", params={"why": 1}).text
            assert "/corrections" not in page and 'name="articles"' not in page
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
            for sent in (body, {"action": "drop"}):
                got = client.post("/api/corrections", json=sent, headers=headers)
                assert got.status_code == 401 and got.headers["WWW-Authenticate"] == "Bearer"
        assert client.get("/api/corrections").json() == []
    token = "편집-토큰"  # a token beyond ASCII works from the header as from the form
    with TestClient(create_app(db, edit_token=token)) as client:
        header = {"Authorization": b"Bearer " + token.encode()}
        bad = {"action": "move", "story": "nope", "articles": ids[:1]}
        assert client.post("/api/corrections", json=bad, headers=header).status_code == 404
        form = {"action": "move", "target": "nope", "articles": ids[:1], "token": token}
        assert client.post(f"/stories/{story}/corrections", data=form).status_code == 404


def test_the_server_takes_no_large_body_and_is_never_framed(stored):
    db, story, _ = stored
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        big = {"action": "split", "story": story, "articles": ["x" * 100] * 1000}
        got = client.post("/api/corrections", json=big, headers=EDITOR)
        assert got.status_code == 413  # by its Content-Length, as every API error is worded
        assert got.json() == {"detail": "request body over 65,536 bytes"}
        form = client.post(f"/stories/{story}/corrections", data={"token": "t" * 70_000})
        assert form.status_code == 413 and "<html" in form.text  # a page for a person
        assert form.headers["x-frame-options"] == "DENY"  # and never in another's frame
        chunked = iter([b'{"action": "release", "articles": ["', b"x" * 70_000, b'"]}'])
        sent = client.post("/api/corrections", content=chunked, headers=EDITOR)
        assert sent.status_code == 413  # no Content-Length: counted as it arrives
        assert sent.json() == {"detail": "request body over 65,536 bytes"}
        sent = client.post(
            f"/stories/{story}/corrections", files={"token": (None, TOKEN)}
        )  # multipart: the page's form is urlencoded
        assert sent.status_code == 415
        body = b'{"action": "confirm", "stories": ["%s"]}' % story.encode()
        for kind in ("text/plain", "application/x-www-form-urlencoded", None):
            headers = {**EDITOR, **({"content-type": kind} if kind else {})}
            sent = client.post("/api/corrections", content=body, headers=headers)
            assert sent.status_code == 415 and "application/json" in sent.json()["detail"], kind
        sent = client.post("/api/corrections", content=body, headers={"content-type": "text/plain"})
        assert sent.status_code == 401  # the token first, whatever the body
        page = client.get(f"/stories/{story}")
        assert page.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]


def test_a_correction_that_cannot_be_made_changes_nothing(stored):
    db, story, ids = stored
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        cases = [
            ({"action": "split", "story": story, "articles": ids}, 409, "all of story"),
            ({"action": "move", "story": "nope", "articles": ids[:1]}, 404, "no story 'nope'"),
            ({"action": "move", "story": story, "articles": ["zz"]}, 404, "no article 'zz'"),
            ({"action": "merge", "story": story}, 422, "merge needs stories (merged into it)"),
            ({"action": "merge", "stories": [story]}, 422, "merge needs story (the one kept)"),
            ({"action": "release"}, 422, "release needs articles or stories"),
            ({"action": "delete", "story": story}, 422, "action"),
        ]
        for body, status, words in cases:
            got = client.post("/api/corrections", json=body, headers=EDITOR)
            assert got.status_code == status and words in got.text, (body, got.text)
            assert db not in got.text  # no answer tells where the server keeps its store
        assert client.get("/api/corrections").json() == []
    store = open_store(db)
    assert set(store.stories_of(ids).values()) == {story} and not store.hand_placed(ids)
    store.close()


def test_a_name_or_id_that_is_not_plain_text_is_refused_by_field(stored):
    """A line break in `by` would print as a forged line of the log; half of a surrogate
    pair (JSON allows it) is not text. Each answers 422 naming the field; nothing is logged."""
    db, story, ids = stored
    forged = "bob\n  9  2026-01-01T00:00:00+00:00  merge    story=X by=alice proven=True"
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        body = {"action": "confirm", "stories": [story], "by": forged}
        got = client.post("/api/corrections", json=body, headers=EDITOR)
        assert got.status_code == 422 and "by" in got.json()["detail"][0]["loc"], got.text
        for raw in (
            b'{"action": "confirm", "stories": ["\\ud800"]}',
            b'{"action": "release", "articles": ["x"], "by": "\\ud800"}',
        ):
            got = client.post(
                "/api/corrections",
                content=raw,
                headers={**EDITOR, "content-type": "application/json"},
            )
            assert got.status_code == 422, got.text
        form = {"action": "confirm", "token": TOKEN, "by": "eve\u202eevil"}
        got = client.post(f"/stories/{story}/corrections", data=form)
        assert got.status_code == 422 and "not a correction: by:" in got.text
        assert client.get("/api/corrections").json() == []
        for path in ("/api/stories", "/"):  # past what SQLite can count
            assert client.get(path, params={"offset": 2**63}).status_code == 422


def test_the_story_page_corrects_with_its_form(stored):
    """The `?why=1` page lists each article with a box to check and the corrections; its
    form posts with the token typed in, and answers with the story the articles went to."""
    db, story, ids = stored
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        page = client.get(f"/stories/{story}", params={"why": 1}).text
        assert f'action="/stories/{story}/corrections"' in page
        assert all(f'name="articles" value="{aid}"' in page for aid in ids)
        form = {"action": "split", "articles": [ids[1]], "token": TOKEN, "by": "야간 데스크"}
        got = client.post(f"/stories/{story}/corrections", data=form, follow_redirects=False)
        assert got.status_code == 303, got.text
        new = got.headers["location"].split("/stories/")[1].split("?")[0]
        assert new != story and client.get(got.headers["location"]).status_code == 200
        assert "placed by hand" in client.get(got.headers["location"]).text
        wrong = client.post(f"/stories/{story}/corrections", data={**form, "token": "no"})
        assert wrong.status_code == 401 and "<html" in wrong.text.lower()
        again = {"action": "merge", "target": new, "token": TOKEN}
        got = client.post(f"/stories/{story}/corrections", data=again, follow_redirects=False)
        assert got.status_code == 303 and got.headers["location"].endswith(
            f"/stories/{story}?why=1"
        )
        bad = client.post(f"/stories/{story}/corrections", data={**again, "action": "drop"})
        assert bad.status_code == 422
        # a name too long for the log is refused, as the API refuses it (it was cut to 200)
        long = client.post(f"/stories/{story}/corrections", data={**again, "by": "가" * 300})
        assert long.status_code == 422 and "200" in long.text
        assert [c.get("by") for c in client.get("/api/corrections").json()] == ["야간 데스크", None]
    store = open_store(db)
    assert set(store.stories_of(ids).values()) == {story}
    store.close()


def test_doubts_over_http_until_a_story_is_confirmed(stored):
    """`GET /api/doubts` and the `/doubts` page list the example's story of three, linked to
    its why view; confirming it (API, or the story page's form) takes it off the list."""
    db, story, ids = stored
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        found = client.get("/api/doubts").json()
        (split,) = found["split"]
        assert split["stories"] == [story] and found["merge"] == []
        assert sorted(a["id"] for part in split["parts"] for a in part) == ids
        assert all(a["outlet"] and a["title"] for part in split["parts"] for a in part)
        page = client.get("/doubts").text
        assert f'href="/stories/{story}?why=1"' in page and "May be two stories" in page
        # the link says which story by its title, its id beside it (it was the id alone)
        title = client.get(f"/api/stories/{story}").json()["title"]
        assert f'?why=1" lang="ko">{escape(title)}</a> <code>{story}</code>' in page
        # the window in the zone its times are shown in (a black-box test: it said UTC)
        start = datetime.fromisoformat(found["start"]).astimezone(ZoneInfo("Asia/Seoul"))
        assert f"Stories of {start:%Y-%m-%d %H:%M} to " in page and " Asia/Seoul (" in page
        # ... and in UTC, the zone the form's time is read in, as /api/doubts and the CLI
        utc = datetime.fromisoformat(found["start"]).astimezone(UTC)
        assert f"({utc:%Y-%m-%d %H:%M} to " in page
        assert client.get("/", params={}).text.count('href="/doubts"') == 1
        for bad in ({"days": 0}, {"days": 32}, {"limit": 0}, {"until": "yesterday"}):
            assert client.get("/api/doubts", params=bad).status_code == 422, bad
            assert client.get("/doubts", params=bad).status_code == 422, bad
        # the page and the API read a window alike: no Unix time (the API read `until=0`
        # as 1970, the page refused it), and an empty field is its default (the page
        # refused an emptied `limit` box, the API an empty `until`)
        for odd in ("0", "99999999999"):
            assert client.get("/api/doubts", params={"until": odd}).status_code == 422
            assert client.get("/doubts", params={"until": odd}).status_code == 422
        empty = {"until": "", "days": "", "limit": ""}
        assert client.get("/api/doubts", params=empty).json()["split"] == found["split"]
        assert client.get("/doubts", params=empty).status_code == 200
        assert client.get("/api/doubts", params={"until": "2001-01-01"}).json()["split"] == []
        for far in ("0001-01-01", "9999-12-31T23:59:59"):  # no window reaches there
            got = client.get("/api/doubts", params={"until": far})
            assert got.status_code == 422 and "no window" in got.json()["detail"], far
        later = (datetime.fromisoformat(found["end"]) + timedelta(hours=50)).isoformat()
        assert client.get("/api/doubts", params={"until": later, "days": 1}).json()["split"] == []
        wide = client.get("/api/doubts", params={"until": later, "days": 3}).json()
        assert [d["stories"] for d in wide["split"]] == [[story]]
        form = {"action": "confirm", "token": TOKEN}
        got = client.post(f"/stories/{story}/corrections", data=form, follow_redirects=False)
        assert got.status_code == 303 and got.headers["location"].endswith(
            f"/stories/{story}?why=1"
        )
        assert client.get("/api/doubts").json()["split"] == []
        assert "None." in client.get("/doubts").text
        body = {"action": "confirm", "stories": [story]}
        assert client.post("/api/corrections", json=body).status_code == 401
        again = client.post("/api/corrections", json=body, headers=EDITOR)
        assert again.status_code == 409 and "already kept as they are" in again.text
        missing = client.post("/api/corrections", json={"action": "confirm"}, headers=EDITOR)
        assert missing.status_code == 422 and "confirm needs stories" in missing.text
    store = open_store(db)
    assert [c["action"] for c in store.corrections()] == ["confirm"]
    assert sorted(store.hand_placed(ids)) == ids
    store.close()


def test_an_address_that_guesses_the_token_is_held_back(stored):
    """After ten wrong tokens within a minute (header or form) the address gets 429, with
    the right token too, and with Retry-After; a request with no token is not a guess."""
    db, story, ids = stored
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        body = {"action": "confirm", "stories": [story]}
        for _ in range(3):
            assert client.post("/api/corrections", json=body).status_code == 401
        for k in range(10):
            if k % 2:
                sent = client.post(
                    "/api/corrections", json=body, headers={"Authorization": f"Bearer guess{k}"}
                )
            else:
                sent = client.post(
                    f"/stories/{story}/corrections",
                    data={"action": "confirm", "token": f"guess{k}"},
                )
            assert sent.status_code == 401
        held = client.post("/api/corrections", json=body, headers=EDITOR)
        assert held.status_code == 429 and 0 < int(held.headers["Retry-After"]) <= 60
        assert "too many wrong edit tokens" in held.json()["detail"]
        assert client.get("/api/corrections").json() == []  # reading is not held back
    store = open_store(db)
    assert store.hand_placed(ids) == {}
    store.close()


def test_doubts_are_computed_once_a_minute_unless_a_correction_is_made(stored, monkeypatch):
    """Any reader may ask, and a large store's window takes seconds: the same question is
    answered again for a minute; a correction, another question or the minute's end
    computes it anew."""
    db, story, _ = stored
    computed = []
    real = api_doubts.review.doubts

    def counted(*args, **kwargs):
        computed.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(api_doubts.review, "doubts", counted)
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        first = client.get("/api/doubts").json()
        assert client.get("/doubts").status_code == 200  # the page asks the same question
        assert client.get("/api/doubts").json() == first and len(computed) == 1
        client.get("/api/doubts", params={"limit": 3})
        assert len(computed) == 2
        body = {"action": "confirm", "stories": [story]}
        assert client.post("/api/corrections", json=body, headers=EDITOR).status_code == 201
        assert client.get("/api/doubts").json()["split"] == [] and len(computed) == 3
        monkeypatch.setattr(api_doubts, "KEPT", 0.0)
        client.get("/api/doubts")
        assert len(computed) == 4


def test_a_confirmed_story_shows_its_articles_placed_by_hand(stored):
    db, story, ids = stored
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        before = client.get(f"/api/stories/{story}", params={"why": 1}).json()["why"]
        assert not any(s.get("placed_by_hand") for s in before.values())
        body = {"action": "confirm", "stories": [story]}
        assert client.post("/api/corrections", json=body, headers=EDITOR).status_code == 201
        after = client.get(f"/api/stories/{story}", params={"why": 1}).json()["why"]
        assert sorted(after) == ids and all(s["placed_by_hand"] for s in after.values())


def test_doubts_asked_while_another_request_computes_them_wait_then_503(stored, monkeypatch):
    db, _, _ = stored
    monkeypatch.setattr(api_doubts, "WAIT", 0.05)
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        busy = client.app.state.doubts._lock
        assert busy.acquire()
        try:
            got = client.get("/api/doubts", params={"limit": 2})
        finally:
            busy.release()
        assert got.status_code == 503 and got.headers["Retry-After"] == "5"
        assert client.get("/api/doubts", params={"limit": 2}).status_code == 200
        assert len(client.get("/api/doubts", params={"limit": 1}).json()["split"]) == 1


def _doubt_forms(page: str) -> list[tuple[str, list[tuple[str, str]], list[str]]]:
    """Each form of the doubts page: (action URL, hidden fields, its buttons' actions)."""
    forms = []
    for form in HTMLParser(page).css("section.doubt form"):
        hidden = [
            (i.attributes["name"], i.attributes["value"]) for i in form.css('input[type="hidden"]')
        ]
        buttons = [b.attributes["value"] for b in form.css('button[name="action"]')]
        forms.append((form.attributes["action"], hidden, buttons))
    return forms


def _post(client, form, action):
    url, hidden, buttons = form
    assert action in buttons
    data: dict[str, list[str]] = {}
    for name, value in [*hidden, ("action", action), ("token", TOKEN)]:
        data.setdefault(name, []).append(value)
    return client.post(url, data=data, follow_redirects=False)


def test_the_doubts_page_corrects_as_proposed(stored):
    """With a token, each doubt has a form: split the right-hand part off or keep the story
    as it is; merge two stories or keep both as they are. Its own fields make the
    correction, and the answer is the doubts page."""
    db, story, ids = stored
    with TestClient(create_app(db, edit_token="")) as client:
        page = client.get("/doubts").text
        assert story in page and 'name="token"' not in page  # listed, no form without a token
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        (split,) = client.get("/api/doubts").json()["split"]
        off = [a["id"] for a in split["parts"][1]]
        (form,) = _doubt_forms(client.get("/doubts").text)
        assert form[0] == f"/stories/{story}/corrections" and form[2] == ["split", "confirm"]
        assert sorted(v for k, v in form[1] if k == "articles") == sorted(off)
        got = _post(client, form, "split")
        assert got.status_code == 303 and got.headers["location"] == "/doubts"
        new = client.get("/api/corrections").json()[0]["into"]
        check = open_store(db)
        assert set(check.stories_of(off).values()) == {new}
        check.close()
        release = {"action": "release", "stories": [story, new]}
        assert client.post("/api/corrections", json=release, headers=EDITOR).status_code == 201
        found = client.get("/api/doubts").json()
        (merge,) = found["merge"]  # the two parts are neighbours
        keep, other = merge["stories"]
        forms = {f[0]: f for f in _doubt_forms(client.get("/doubts").text)}
        both = forms[f"/stories/{keep}/corrections"]
        assert ("target", other) in both[1] and both[2] == ["merge", "confirm"]
        assert _post(client, both, "confirm").status_code == 303
        assert client.get("/api/corrections").json()[-1]["stories"] == [keep, other]
        release = {"action": "release", "stories": [keep, other]}
        assert client.post("/api/corrections", json=release, headers=EDITOR).status_code == 201
        (merge,) = client.get("/api/doubts").json()["merge"]
        forms = {f[0]: f for f in _doubt_forms(client.get("/doubts").text)}
        assert _post(client, forms[f"/stories/{keep}/corrections"], "merge").status_code == 303
        # the story page's confirm keeps its own story only, whatever the Story field says
        page_form = {"action": "confirm", "target": "leftover", "token": TOKEN}
        assert client.post(f"/stories/{keep}/corrections", data=page_form).status_code == 409
    store = open_store(db)
    assert set(store.stories_of(ids).values()) == {keep}
    store.close()


def test_the_doubts_page_takes_the_window_the_api_takes(stored):
    """The page's form asks for a window as `/api/doubts` does (empty fields: the default);
    a window before the story's articles lists none of it; an unreadable one is refused."""
    db, story, ids = stored
    with TestClient(create_app(db, edit_token="")) as client:
        assert story in client.get("/doubts", params={"until": "", "days": ""}).text
        assert story in client.get("/doubts", params={"until": "2015-03-21", "days": "2"}).text
        early = client.get("/doubts", params={"until": "2015-03-01", "days": "1"})
        assert early.status_code == 200 and story not in early.text
        assert 'value="2015-03-01"' in early.text  # the form keeps what was asked
        for bad in ({"days": "abc"}, {"days": "8"}, {"until": "someday"}):
            got = client.get("/doubts", params=bad)
            assert got.status_code == 422 and got.headers["content-type"].startswith("text/html")


def test_the_api_names_the_file_an_article_came_from_without_the_servers_directories(
    stored, example_path
):
    db, story, ids = stored
    with TestClient(create_app(db, edit_token="")) as client:
        shown = [a["origin"] for a in client.get(f"/api/stories/{story}").json()["articles"]]
    assert shown and all(o.startswith(example_path.name) for o in shown)
    kept = open_store(db)  # the store keeps the whole path, for the operator
    assert all(str(example_path) in r.article.origin for r in kept.story_articles(story))
    kept.close()


def test_a_correction_while_another_process_holds_the_write_lock_is_a_503(stored, monkeypatch):
    """A long re-decision elsewhere holds the lock past the wait: a clear 503 to try again
    (it was a bare 500), and nothing is changed."""
    import sqlite3

    from newsmoa.store import sqlite as sqlite_store

    monkeypatch.setattr(sqlite_store, "BUSY_TIMEOUT_MS", 50)
    db, story, ids = stored
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            body = {"action": "split", "story": story, "articles": [ids[0]]}
            got = client.post("/api/corrections", json=body, headers=EDITOR)
            assert got.status_code == 503 and got.headers["retry-after"] == "5"
            assert "another process is writing" in got.json()["detail"]
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert client.get("/api/corrections").json() == []


def test_a_correction_from_the_doubts_page_goes_back_to_its_window(stored):
    """The doubts page's forms carry the window the editor was looking at (`until`, `days`,
    `limit`) and the correction goes back to it (it went back to the default window)."""
    db, story, ids = stored
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        until = client.get("/api/doubts").json()["end"][:19]
        page = client.get("/doubts", params={"until": until, "days": 3, "limit": 5}).text
        assert '<input type="hidden" name="days" value="3">' in page
        assert '<input type="hidden" name="limit" value="5">' in page
        form = {"action": "confirm", "token": TOKEN, "back": "doubts", "until": until}
        got = client.post(
            f"/stories/{story}/corrections",
            data={**form, "days": "3", "limit": "5"},
            follow_redirects=False,
        )
        assert got.status_code == 303
        assert (
            got.headers["location"]
            == f"/doubts?{urlencode({'until': until, 'days': 3, 'limit': 5})}"
        )


def test_a_correction_names_stories_by_the_start_of_their_ids(stored):
    """As `newsmoa merge s85a1d6 s337cb` and `GET /api/stories/s85a1d6` take them (the API
    answered 404 "no story" for what the command line merged)."""
    db, story, ids = stored
    with TestClient(create_app(db, edit_token=TOKEN)) as client:
        body = {"action": "split", "story": story[:7], "articles": [ids[0]]}
        got = client.post("/api/corrections", json=body, headers=EDITOR)
        assert got.status_code == 201, got.text
        new = got.json()["story"]
        back = {"action": "merge", "story": story[:8], "stories": [new[:7]]}
        merged = client.post("/api/corrections", json=back, headers=EDITOR)
        assert merged.status_code == 201, merged.text
        assert merged.json()["story"] == story
        assert client.get(f"/api/stories/{new}", follow_redirects=False).status_code == 307
        short = {"action": "confirm", "stories": [story[:3]]}  # too short to name one
        refused = client.post("/api/corrections", json=short, headers=EDITOR)
        assert refused.status_code == 404 and "characters" in refused.json()["detail"]
