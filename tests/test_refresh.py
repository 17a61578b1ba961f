"""`newsmoa refresh`: a store an older newsmoa filled, read again with this version's
extraction; ids, stories and the history kept (`newsmoa.refresh`)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from newsmoa.pipeline import Newsroom
from newsmoa.refresh import refresh
from newsmoa.serve.cli import cli
from newsmoa.store import open_store
from newsmoa.types import RawItem

RELEASE = """보도자료
청솔군 2026.11.24.(화)

청솔군, 청년 창업공간 30곳 조성 업무협약 체결

청솔군은 24일 군청 소회의실에서 한빛창업재단과 청년 창업공간 조성을 위한 업무협약을 체결했다고 밝혔다.
협약에 따라 양 기관은 2027년까지 청년 창업공간 30곳을 조성하고 120억원을 투입한다.
김정호 청솔군수는 "청년들이 지역에 머물 수 있는 기반을 만들겠다"고 말했다.

담당: 청솔군 일자리정책과 (☎ 063-123-4567)"""

REPRINT = """청솔군, 청년 창업공간 30곳 조성

청솔일보 김민지 기자 | 2026-11-24 15:20

청솔군은 24일 군청 소회의실에서 한빛창업재단과 청년 창업공간 조성을 위한 업무협약을 체결했다고 밝혔다.
협약에 따라 양 기관은 2027년까지 청년 창업공간 30곳을 조성하고 120억원을 투입한다.
김정호 청솔군수는 "청년들이 지역에 머물 수 있는 기반을 만들겠다"고 말했다.

<저작권자 © 청솔일보 무단전재 및 재배포 금지>"""

REWRITE = """청솔군 청년 창업공간 30곳 만든다

[뉴스새만금=윤가람 기자] 2026.11.25 09:10

청솔군이 한빛창업재단과 손잡고 2027년까지 청년 창업공간 30곳을 조성한다.
청솔군은 지난 24일 군청에서 업무협약을 체결했으며 사업비 150억원을 투입할 계획이다.
김정호 청솔군수는 "청년들이 지역에 머물 수 있는 기반을 만들겠다"고 말했다."""

TEXTS = {"rel-1": RELEASE, "a-1": REPRINT, "a-2": REWRITE}


def items() -> list[RawItem]:
    return [
        RawItem(origin=f"in.jsonl:{n}", id=i, text=t) for n, (i, t) in enumerate(TEXTS.items(), 1)
    ]


def as_an_older_version_stored_it(store) -> None:
    """The reprint stored without its outlet, time and byline, the release as a report, the
    rewrite's time as its day's start (datelines an older extraction did not read), their
    facts derived by older code (as a store of then holds them)."""
    rows = {a: store.stored_as([a])[a][0] for a in TEXTS}
    old = [
        replace(
            rows["rel-1"], article=replace(rows["rel-1"].article, is_release=False, outlet=None)
        ),
        replace(
            rows["a-1"],
            article=replace(rows["a-1"].article, outlet=None, published=None, reporter=None),
        ),
        replace(
            rows["a-2"],
            article=replace(
                rows["a-2"].article,
                published=rows["a-2"].article.published.replace(hour=0, minute=0),
            ),
        ),
    ]
    store.save_articles(old)
    with store.transaction():
        store._run("UPDATE articles SET analysed_with = 'older'")
        store._run("UPDATE stories SET analysed_with = 'older'")


@pytest.fixture(params=["sqlite", "postgres"])
def old_store(request, tmp_path):
    url = (
        str(tmp_path / "old.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    )
    store = open_store(url)
    Newsroom(store).ingest(items())
    as_an_older_version_stored_it(store)
    yield store
    store.close()


def test_refresh_reads_the_inputs_again_keeping_ids_stories_and_versions(old_store):
    (story,) = {old_store.stored_as([a])[a][0].story for a in TEXTS}
    report = refresh(Newsroom(old_store), items())
    now = {a: old_store.stored_as([a])[a] for a in TEXTS}
    assert {a: (row.story, row.version, fresh) for a, (row, fresh) in now.items()} == {
        a: (story, 1, True) for a in TEXTS
    }
    reprint, release, rewrite = (now[a][0].article for a in ("a-1", "rel-1", "a-2"))
    assert (reprint.outlet, reprint.reporter) == ("청솔일보", "김민지")
    assert reprint.published.isoformat() == "2026-11-24T15:20:00+09:00"
    assert release.is_release and release.outlet == "청솔군"
    assert rewrite.published.isoformat() == "2026-11-25T09:10:00+09:00"
    changed = {c.id: {f for f, _, _ in c.fields} for c in report.changes}
    assert changed == {
        "a-1": {"outlet", "published", "reporter"},
        "rel-1": {"outlet", "is_release"},
        "a-2": {"published"},
    }
    assert report.rebuilt == 1 and not report.not_stored
    doc = old_store.story_doc(story)
    assert doc is not None and doc["release"] == "rel-1"
    assert sorted(doc["outlets"]) == ["뉴스새만금", "청솔군", "청솔일보"]
    again = refresh(Newsroom(old_store), items())
    assert (again.changed, again.rebuilt) == (0, 0)  # up to date: nothing to do


def test_a_dry_run_writes_nothing(old_store):
    before = {a: old_store.stored_as([a])[a] for a in TEXTS}
    report = refresh(Newsroom(old_store), items(), dry_run=True)
    assert report.changed == 3
    assert {a: old_store.stored_as([a])[a] for a in TEXTS} == before


def test_an_item_the_store_lacks_is_named_not_added(old_store):
    extra = RawItem(origin="in.jsonl:4", id="a-3", text=REWRITE.replace("윤가람", "한도윤"))
    report = refresh(Newsroom(old_store), [*items(), extra])
    assert report.not_stored == ["in.jsonl:4 (a-3)"]
    assert old_store.counts()["articles"] == 3


def test_without_inputs_the_facts_and_documents_older_code_derived_are_derived_again(old_store):
    report = refresh(Newsroom(old_store), [], everything=True)
    assert report.rebuilt == 1 and not report.changes
    assert old_store.stale_stories() == []
    assert all(old_store.stored_as([a])[a][1] for a in TEXTS)


def test_the_command_says_what_changed(old_store, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in TEXTS.items()
        ),
        encoding="utf-8",
    )
    db = old_store.name
    old_store.close()
    got = CliRunner().invoke(
        cli, ["--db", db, "refresh", str(path)], obj={}, catch_exceptions=False
    )
    assert got.exit_code == 0, got.output
    assert "published 2026-11-25T00:00:00+09:00 → 2026-11-25T09:10:00+09:00" in got.output
    assert "is_release no → yes" in got.output
    assert "read 3 stored articles again: 3 changed, 0 not in the store" in got.output
    again = CliRunner().invoke(cli, ["--db", db, "refresh", str(path), "--json"], obj={})
    assert json.loads(again.output) == {
        "changes": [],
        "read": 3,
        "not_stored": [],
        "left": [],
        "rebuilt": 0,
        "dry_run": False,
    }


def test_a_pasted_file_s_article_an_older_version_read_without_its_outlet(tmp_path, example_path):
    """A text file's article has its text's hash for id: the text read again without the
    furniture an older version kept is another hash, and it named no outlet then, so the
    file's same-outlet rule did not know it (`not stored`, a black-box case)."""
    from newsmoa.ingest.readers import read_file
    from newsmoa.text.normalize import text_id

    new = open_store(str(tmp_path / "new.db"))
    Newsroom(new).ingest(list(read_file(example_path)))
    rows = new.story_articles(new.story_summaries()[0]["id"])
    new.close()
    (first,) = [r for r in rows if r.article.outlet == "일요신문"]
    text = first.article.text + "\n폰트키우기 프린트하기"
    older = replace(first.article, id=text_id(text), outlet=None, text=text)
    store = open_store(str(tmp_path / "old.db"))
    store.save_articles([replace(r, article=older) if r is first else r for r in rows])
    Newsroom(store).refresh([first.story])
    report = refresh(Newsroom(store), list(read_file(example_path)))
    assert not report.not_stored
    (row, _) = store.stored_as([older.id])[older.id]
    assert (row.article.outlet, row.article.text, row.version) == (
        "일요신문",
        first.article.text,
        2,
    )
    assert row.story == first.story and store.counts()["articles"] == 3
    store.close()


def test_stopped_between_batches_it_keeps_what_it_wrote_and_goes_on_when_run_again(
    old_store, monkeypatch
):
    import newsmoa.refresh as module

    monkeypatch.setattr(module, "BATCH", 1)  # one article a transaction
    calls = []
    save = old_store.save_articles

    def stopped(rows):
        calls.append(rows)
        if len(calls) == 2:
            raise KeyboardInterrupt
        save(rows)

    monkeypatch.setattr(old_store, "save_articles", stopped)
    with pytest.raises(KeyboardInterrupt):
        refresh(Newsroom(old_store), items())
    (first,) = calls[0]
    outlets = {a: old_store.stored_as([a])[a][0].article.outlet for a in TEXTS}
    assert outlets == {"a-1": "청솔일보", "a-2": "뉴스새만금", "rel-1": None}  # a-1 written
    assert old_store.counts()["articles"] == 3
    monkeypatch.setattr(old_store, "save_articles", save)
    again = refresh(Newsroom(old_store), items())
    assert {c.id for c in again.changes if c.fields} == {"a-2", "rel-1"}


def test_a_release_given_with_release_is_read_as_one_again_without_it(tmp_path):
    """Its issuer is its outlet only when it is read as a release: read again as a report,
    it lost its outlet (`청솔군 → -`, a black-box case)."""
    text = (
        "청솔군, 농촌 빈집 정비 사업 착수\n\n청솔군은 올해 농촌 빈집 120동을 정비한다고 25일"
        " 밝혔다.\n군은 사업비 18억원을 들여 철거와 리모델링을 지원한다.\n\n"
        "담당: 청솔군 건축과 (☎ 063-123-9876)"
    )
    store = open_store(str(tmp_path / "r.db"))
    Newsroom(store).ingest([RawItem(origin="rel.txt", text=text, is_release=True)])
    report = refresh(Newsroom(store), [RawItem(origin="rel.txt", text=text)])
    assert report.read == 1 and report.changed == 0
    (row,) = store.story_articles(store.story_summaries()[0]["id"])
    assert (row.article.outlet, row.article.is_release) == ("청솔군", True)
    store.close()


SEVEN = """청솔군은 24일 군청 소회의실에서 한빛창업재단과 청년 창업공간 조성을 위한 업무협약을 체결했다고 밝혔다.
협약에 따라 양 기관은 2027년까지 청년 창업공간 30곳을 조성하고 120억원을 투입한다.
김정호 청솔군수는 "청년들이 지역에 머물 수 있는 기반을 만들겠다"고 말했다.
군은 내년 상반기 중 첫 공간을 열 계획이다.
공간에는 사무실과 회의실, 공용 작업장이 들어서며 입주 기업에는 임대료를 감면한다.
재단은 입주 기업의 투자 유치와 판로 개척을 돕기로 했다.
군 관계자는 청년 유출을 막는 데 힘을 보태겠다고 설명했다."""


def test_a_teaser_or_a_bare_headline_read_again_keeps_the_stored_text(tmp_path):
    """A page read again after it went behind a paywall (its opening and `…`, or its
    headline alone) replaced the stored whole text as ingest never does (a review case)."""
    store = open_store(str(tmp_path / "t.db"))
    pages = [
        RawItem(origin=f"https://news.example/{i}", id=i, title="청솔군 창업공간", text=SEVEN)
        for i in ("x", "y")
    ]
    Newsroom(store).ingest(pages)
    teaser = "\n".join(SEVEN.split("\n")[:2]) + '\n김정호 청솔군수는 "청년들이 지역에…'
    again = [replace(pages[0], text=teaser), replace(pages[1], text=None)]
    report = refresh(Newsroom(store), again)
    for aid in ("x", "y"):
        (row, _) = store.stored_as([aid])[aid]
        assert (row.version, row.article.text) == (1, SEVEN)
    assert report.changed == 0
    assert any(
        d.startswith("https://news.example/x: the opening") for d in report.items.dropped_from
    )
    store.close()


def test_an_earlier_version_s_input_read_again_never_rolls_a_correction_back(tmp_path):
    """Read with this extraction, an earlier version's input matches no stored hash (an
    older one kept a comment line): it was written over the correction (a review case).
    Only the input the current version came from is read into it."""
    store = open_store(str(tmp_path / "c.db"))
    room = Newsroom(store)
    room.ingest([RawItem(origin="a.jsonl:1", id="x", text=REPRINT)])
    row = store.stored_as(["x"])["x"][0]
    older = replace(row.article, text=row.article.text + "\n등록된 의견이 없습니다.")
    store.save_articles([replace(row, article=older)])
    with store.transaction():
        store._run("DELETE FROM article_versions")
        store._run("UPDATE articles SET version = 1")
    corrected = REPRINT.replace("120억원", "150억원")
    room.ingest([RawItem(origin="b.jsonl:1", id="x", text=corrected)])
    old = RawItem(origin="a.jsonl:1", id="x", text=REPRINT)
    new = RawItem(origin="/home/press/b.jsonl:1", id="x", text=corrected + "\n\n사진=청솔군")
    for given in ([old], [new, old]):
        report = refresh(Newsroom(store), given)
        (row, _) = store.stored_as(["x"])["x"]
        assert "150억원" in row.article.text and row.version == 2
        assert any("a.jsonl:1: another input" in d for d in report.items.dropped_from)
    store.close()


def test_a_dry_run_moves_no_renamed_file_s_articles(tmp_path):
    """A dry run moved the articles of a file renamed since its ingest to the new name."""
    from newsmoa.ingest.readers import read_file

    path = tmp_path / "a.txt"
    path.write_text(REPRINT, encoding="utf-8")
    store = open_store(str(tmp_path / "m.db"))
    Newsroom(store).ingest(list(read_file(path)))
    path.rename(tmp_path / "b.txt")
    tables = ("articles", "article_versions", "stories", "redirects")

    def rows():
        return {t: sorted(map(tuple, store._run(f"SELECT * FROM {t}").fetchall())) for t in tables}

    before = rows()
    refresh(Newsroom(store), list(read_file(tmp_path / "b.txt")), dry_run=True)
    assert rows() == before
    refresh(Newsroom(store), list(read_file(tmp_path / "b.txt")))
    assert set(store._run("SELECT source FROM articles").fetchall()) == {(str(tmp_path / "b.txt"),)}
    store.close()


def test_every_field_extraction_sets_is_compared():
    """A field added to `Article` is compared by refresh unless it is the article's identity
    or where it was read (`dateline_place` was left out, so an archive's articles never got
    their town: review); `day_only` is compared through `published`, written as a date."""
    import dataclasses

    from newsmoa.refresh import FIELDS, differences
    from newsmoa.types import Article

    assert {f.name for f in dataclasses.fields(Article)} - set(FIELDS) == {
        "id",
        "origin",
        "day_only",
    }
    old = Article(id="a", origin="a.txt", title="t", text="청솔군은 24일 밝혔다.")
    assert differences(old, replace(old, dateline_place="전주")) == (
        ("dateline_place", None, "전주"),
    )
