"""Finding things in an archive, as a user does: `newsmoa search`, `GET /api/search`, the
search box of the story list, and the span of time of `stories` and `/api/stories`.

The archive (tests/serve/data/search_archive.jsonl) was written for these tests: a county
agreement reported by three Korean outlets and two English ones, a festival, and a local
food co-op's anniversary the year before."""

from __future__ import annotations

import csv
import io
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

ARCHIVE = Path(__file__).parent / "data" / "search_archive.jsonl"


def run(db, *args, ok=True):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], obj={}, catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "archive.db"
    run(path, "ingest", str(ARCHIVE))
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(str(db)))


def story_of(db, article):
    for row in json.loads(run(db, "stories", "--format", "json", "--articles").stdout):
        if article in {a["id"] for a in row["articles"]}:
            return row["id"]
    raise AssertionError(article)


def searched(db, *args):
    return json.loads(run(db, "search", *args, "--format", "json").stdout)


def test_search_finds_korean_words_with_particles_and_two_syllables(db):
    pact, food = story_of(db, "pact-1"), story_of(db, "food-1")
    assert [r["id"] for r in searched(db, "완주군", "협약")] == [pact]
    # 완주 alone is also in the co-op's story (완주 로컬푸드), which no 완주군 is in
    assert [r["id"] for r in searched(db, "완주")] == [pact, food]
    (hit,) = searched(db, '"김하늘 청솔군수"', "--since", "2024-03-01", "--until", "2024-03-31")
    assert hit["id"] == pact and hit["matches"] == 2  # 새벽뉴스 wrote 청솔군(군수 김하늘)
    assert {a["outlet"] for a in hit["articles"]} == {"한빛일보", "전라타임즈"}
    marks = [a["snippet"]["text"][s:e] for a in hit["articles"] for s, e in a["snippet"]["marks"]]
    assert set(marks) == {"김하늘 청솔군수"}


def test_search_in_english_matches_where_words_start(db):
    (hit,) = searched(db, "AI")
    assert [a["id"] for a in hit["articles"]] == ["en-2"]  # not the "said" of en-1
    assert [r["matches"] for r in searched(db, "agreement", "--outlet", "Jeolla Post")] == [1]


def test_search_formats_and_what_a_user_is_told(db):
    table = run(db, "search", "벚꽃축제").stdout
    assert "‹벚꽃축제›" in table and "2 of 2 articles match" in table
    md = run(db, "search", "벚꽃축제", "--format", "md").stdout
    assert "**벚꽃축제**" in md
    rows = list(
        csv.DictReader(io.StringIO(run(db, "search", "축제", "--format", "csv").stdout[1:]))
    )
    assert {r["article_id"] for r in rows} == {"fest-1", "fest-2"} and rows[0]["snippet"]
    none = run(db, "search", "없는말")
    assert none.stdout == "" and "no story holds 없는말" in none.stderr
    stemmed = run(db, "search", "강아지를")  # (searched as 강아지 where a word ends)
    assert stemmed.stderr.strip() == "no story holds 강아지."
    typo = run(db, "search", "협약", "--outlet", "한빛")
    assert "the store's outlets:" in typo.stderr
    bad = run(db, "search", "협약", "--since", "어제", ok=False)
    assert bad.exit_code == 2 and "not a date" in bad.output
    assert run(db, "search", '""', ok=False).exit_code == 2


def test_api_search_pages_and_refuses_bad_input(client, db):
    first = client.get("/api/search", params={"q": "청솔", "limit": 1})
    assert first.status_code == 200 and len(first.json()) == 1
    assert first.json()[0]["title_match"] is True
    nxt = first.headers["link"].split(">")[0].lstrip("<")
    second = client.get(nxt)
    assert second.status_code == 200 and second.json()[0]["id"] != first.json()[0]["id"]
    assert first.json()[0]["relevance"] >= second.json()[0]["relevance"] > 0  # (ranked by it)
    assert client.get("/api/search", params={"q": " "}).status_code == 422
    assert client.get("/api/search", params={"q": "a", "since": "soon"}).status_code == 422
    assert "/api/search" in client.get("/openapi.json").json()["paths"]


def test_story_list_search_box_marks_words_and_escapes_them(client):
    page = client.get("/", params={"q": "김하늘 <b>"})
    assert page.status_code == 200 and "<b>" not in page.text.split("<main>")[1]
    page = client.get("/", params={"q": "김하늘"})
    assert "<mark>김하늘</mark>" in page.text and 'value="김하늘"' in page.text
    assert "/api/search?q=" in page.text
    assert "No story holds" in client.get("/", params={"q": "없는말"}).text
    bad = client.get("/", params={"since": "어제"})
    assert bad.status_code == 422 and "not a date" in bad.text


def test_stories_since_until_take_whole_days_in_the_shown_zone(db, client):
    # 2024-03-12 in Asia/Seoul: the agreement in Korean and in English
    day = json.loads(
        run(
            db, "stories", "--since", "2024-03-12", "--until", "2024-03-12", "--format", "json"
        ).stdout
    )
    assert len(day) == 2
    assert json.loads(run(db, "stories", "--until", "2023", "--format", "json").stdout)[0][
        "title"
    ].startswith("로컬푸드")
    # 2024-03-12T10:00+09:00 is 01:00 UTC: a time with its offset, to the second
    assert len(json.loads(run(db, "stories", "--since", "2024-03-12T01:00:01Z",
                              "--format", "json").stdout)) == 2  # fmt: skip
    got = client.get("/api/stories", params={"since": "2024-05", "until": "2024-05"})
    assert [r["title"] for r in got.json()] == ["청솔 벚꽃축제 3일 개막"]
    assert client.get("/api/stories", params={"until": "2024-13-01"}).status_code == 422
    assert (
        run(db, "stories", "--since", "2024-05-01", "--until", "2024-04-01", ok=False).exit_code
        == 2
    )
    html = client.get("/", params={"since": "2024-05-01"}).text
    assert "청솔 벚꽃축제" in html and "완주군·청솔군" not in html


def test_a_unique_prefix_of_a_story_id_names_it_and_an_ambiguous_one_lists_the_stories(
    tmp_path,
):
    db = tmp_path / "ids.db"
    run(db, "ingest", str(ARCHIVE))
    pact = story_of(db, "pact-1")
    shown = json.loads(run(db, "show", pact[:7], "--format", "json").stdout)
    assert shown["id"] == pact
    assert "placed by hand" in run(db, "confirm", pact[:6], "--by", "tester").stdout
    assert run(db, "corrections", "--format", "json").stdout.count(pact) == 1
    from newsmoa.store import open_store

    store = open_store(str(db))
    for twin in (pact[:6] + "zz1", pact[:6] + "zz2"):
        store.save_story_summary({"id": twin, "title": f"쌍둥이 {twin[-1]}", "article_count": 0})
    store.close()
    assert json.loads(run(db, "show", pact[:8], "--format", "json").stdout)["id"] == pact
    ambiguous = run(db, "show", pact[:6], ok=False)
    assert ambiguous.exit_code == 1 and "ambiguous" in ambiguous.output
    assert pact in ambiguous.output and f"{pact[:6]}zz1 (쌍둥이 1)" in ambiguous.output
    moved = run(db, "split", pact[:6], "pact-3", ok=False)
    assert moved.exit_code == 1 and "ambiguous" in moved.output
    # shorter than 6 characters: not taken as a prefix
    assert "no story" in run(db, "show", pact[:5], ok=False).output


def test_search_days_are_the_days_of_tz(db):
    """The festival's reports, 09:00 and 13:00 on 2 May in Seoul, are of 1 May in Chicago:
    `--since 2024-05-02` finds them in Seoul's days and not with `--tz America/Chicago`
    (search had no --tz, and its help said the days were Seoul's)."""
    assert searched(db, "벚꽃축제", "--since", "2024-05-02")
    assert not searched(db, "벚꽃축제", "--since", "2024-05-02", "--tz", "America/Chicago")
    assert searched(db, "벚꽃축제", "--until", "2024-05-01", "--tz", "America/Chicago")


def test_a_story_ids_start_too_short_to_name_it_says_how_many_characters_it_takes(db):
    pact = story_of(db, "pact-1")
    got = run(db, "show", pact[:5], ok=False)
    assert got.exit_code == 1 and f"no story {pact[:5]!r}" in got.output
    assert "from 6 characters on" in got.output and "start of 1 story's id" in got.output
    assert "from 6 characters" not in run(db, "show", "szzzz", ok=False).output


def test_the_start_of_a_merged_id_shows_its_survivor_with_the_note_its_whole_id_gets(tmp_path):
    db = tmp_path / "merged.db"
    run(db, "ingest", str(ARCHIVE))
    pact, fest = story_of(db, "pact-1"), story_of(db, "fest-1")
    run(db, "merge", pact, fest, "--defer-analysis")
    for given in (fest, fest[:7]):
        got = run(db, "show", given, "--format", "json")
        assert json.loads(got.stdout)["id"] == pact
        assert f"note: {given} was merged into {pact}" in got.stderr
    assert "note" not in run(db, "show", pact[:7]).stderr


def test_the_search_box_dates_each_matching_article_in_the_servers_zone(client, monkeypatch):
    # pact-2, 2024-03-12T11:30:00+09:00: 02:30 in UTC
    monkeypatch.setenv("NEWSMOA_TZ", "UTC")
    page = client.get("/", params={"q": "첫걸음 40여"}).text
    assert 'datetime="2024-03-12T11:30:00+09:00">2024-03-12 02:30</time>' in page


def test_a_story_id_typed_in_capitals_names_the_story(db):
    """Ids are written in lower case; `SA8C11D85D1ED` (or its start) said "no story"."""
    pact = story_of(db, "pact-1")
    for typed in (pact.upper(), pact[:8].upper()):
        got = run(db, "show", typed, "--format", "json")
        assert json.loads(got.stdout)["id"] == pact
        assert "merged" not in got.stderr  # (it said the capitals were merged into it)
    assert "no story 'SZZZZZZZ'" in run(db, "show", "SZZZZZZZ", ok=False).output


def test_a_word_after_a_minus_is_left_out_on_the_command_line_and_the_api(db, client):
    pact = story_of(db, "pact-1")
    every = [r["id"] for r in searched(db, "완주")]
    assert pact in every and [r["id"] for r in searched(db, "완주", "-협약")] == [
        r for r in every if r != pact
    ]  # (an option's place: click took -협약 for one)
    got = client.get("/api/search", params={"q": "완주 -협약"}).json()
    assert [r["id"] for r in got] == [r for r in every if r != pact]
    assert "no story holds 완주 -완주" in run(db, "search", "완주", "-완주").stderr
    typo = run(db, "search", "완주", "--outlets", "x", ok=False)
    assert typo.exit_code == 2 and "No such option" in typo.output
    short = run(db, "search", "완주", "-n", "5", ok=False)  # (searched as -n and 5)
    assert short.exit_code == 2 and "No such option '-n'" in short.output


def test_the_web_and_the_api_take_the_start_of_a_story_id_as_the_cli_does(db, client):
    pact = story_of(db, "pact-1")
    for path in (f"/api/stories/{pact[:7]}", f"/stories/{pact[:7]}", f"/stories/{pact[:7]}.json"):
        got = client.get(path, follow_redirects=False)
        assert got.status_code == 307, path
        assert got.headers["location"].split("/")[-1].split("?")[0] in (pact, pact + ".json")
    assert client.get(f"/api/stories/{pact[:7].upper()}").json()["id"] == pact
    short = client.get(f"/api/stories/{pact[:3]}")
    assert short.status_code == 404 and "from 6 characters" in short.json()["detail"]
    pasted = client.get("/", params={"q": f" {pact[:8]} "}, follow_redirects=False)
    assert pasted.status_code == 303 and pasted.headers["location"].endswith(f"/stories/{pact}")
    assert client.get("/", params={"q": "agreement"}).status_code == 200  # words: searched
    for odd in ("s12345\ud7ff", "\U0010ffff"):  # (the character after it: no text, a 500)
        assert client.get(f"/api/stories/{odd}").status_code == 404
        assert client.get(f"/stories/{odd}").status_code == 404


def test_search_pages_through_the_stories_as_the_api_does(db, client):
    every = [r["id"] for r in searched(db, "청솔")]
    assert len(every) >= 2
    pages = [[r["id"] for r in searched(db, "청솔", "--limit", "1", "--offset", str(i))]
             for i in range(len(every) + 1)]  # fmt: skip
    assert pages == [[s] for s in every] + [[]]
    api = [r["id"] for r in client.get("/api/search", params={"q": "청솔", "offset": 1}).json()]
    assert api == every[1:]
    first = run(db, "search", "청솔", "--limit", "1")
    assert "more stories follow: --offset 1" in first.stderr
    past = run(db, "search", "청솔", "--offset", str(len(every)))
    assert past.stdout == "" and "no more stories" in past.stderr


def test_search_csv_has_the_relevance_json_ranks_by(db):
    text = run(db, "search", "청솔", "--format", "csv").stdout[1:]
    rows = list(csv.DictReader(io.StringIO(text)))
    ranked = {r["id"]: (r["title_match"], r["relevance"]) for r in searched(db, "청솔")}
    assert {r["id"]: (r["title_match"] == "True", float(r["relevance"])) for r in rows} == ranked


def test_search_finding_nothing_in_jsonl_writes_no_line(db):
    assert run(db, "search", "없는말", "--format", "jsonl").stdout == ""
    assert run(db, "search", "없는말", "--format", "json").stdout == "[]\n"


def test_the_search_box_says_how_many_more_articles_match_than_it_lists(tmp_path):
    text = "청솔군은 19일 수소산업단지 조성 계획을 발표했다. 총사업비 4,512억원이 들어간다."
    lines = [
        {"id": f"h{i}", "outlet": f"신문{i}", "title": "청솔군 수소산업단지", "text": text,
         "published": f"2026-01-10T{9 + i:02d}:00:00+09:00"}
        for i in range(7)
    ]  # fmt: skip
    source = tmp_path / "reprints.jsonl"
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    run(tmp_path / "s.db", "ingest", str(source))
    page = TestClient(create_app(str(tmp_path / "s.db"))).get("/", params={"q": "수소산업단지"})
    assert page.text.count("<mark>") == 5 and "and 2 more articles" in page.text
    assert "then the more relevant" in page.text


def test_search_finding_nothing_names_the_outlet_and_span_it_looked_in(db):
    said = run(db, "search", "협약", "--until", "2020-01-01").stderr
    assert "no story holds 협약 published --until 2020-01-01." in said
    said = run(db, "search", "AI", "--outlet", "새벽뉴스").stderr
    assert "no story holds ai in 새벽뉴스's articles." in said
