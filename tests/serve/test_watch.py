"""`newsmoa watch --once`: a poll's arrivals placed together, their stories' documents built."""

from __future__ import annotations

import json
import os
import random
import shutil

import pytest
from click.testing import CliRunner

from newsmoa.serve.cli import cli
from newsmoa.store import open_store


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *args], obj={}, catch_exceptions=False)


def test_watch_once_places_each_article_and_builds_the_story(tmp_path, example_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(example_path, inbox / "clip.txt")
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.4")  # not a type newsmoa reads: not looked at
    (inbox / "feed.jsonl").write_text("{broken\n", encoding="utf-8")
    db = tmp_path / "w.db"
    got = run(db, "watch", "--once", str(inbox))
    assert got.exit_code == 1  # the broken line
    placed = [ln for ln in got.stdout.splitlines() if " -> " in ln]
    assert len(placed) == 3 and all(ln.startswith(str(inbox / "clip.txt")) for ln in placed)
    assert len({ln.split(" -> ")[1] for ln in placed}) == 1  # one story
    assert (
        "added 3, updated 0, already present 0; 1 new story, 0 merged; 1 story rebuilt"
        in got.stdout
    )
    # the window decided again after the poll: one batch already, so nothing moves
    assert "decided again 3 articles: 0 moved, 0 stories absorbed, 0 split off." in got.stdout
    assert (
        got.stderr.count("error: ") == 1
        and f"error: {inbox / 'feed.jsonl'}:1: not JSON" in got.stderr
    )
    store = open_store(str(db))
    try:
        story = store.story_summaries()[0]["id"]
        doc = store.story_doc(story)  # built by the round, not on first show
        assert doc is not None and len(doc["articles"]) == 3 and doc["sentences"]
    finally:
        store.close()
    again = run(db, "watch", "--once", str(inbox))  # a new process: every file is new to it
    assert again.exit_code == 1 and " -> " not in again.stdout
    assert "added 0, updated 0, already present 3" in again.stdout


def test_watch_once_jsonl_exit_status_zero_without_errors(tmp_path):
    wire = tmp_path / "wire.jsonl"
    text = "시는 내년 예산 1조 원을 확정했다고 2일 밝혔다. 올해보다 5% 늘었다."
    wire.write_text(json.dumps({"id": "w1", "text": text}, ensure_ascii=False) + "\n", "utf-8")
    got = run(tmp_path / "w.db", "watch", "--once", "--recluster-every", "0", str(wire))
    assert got.exit_code == 0, got.output
    assert got.stdout.startswith(f"{wire}:1 -> ") and "decided again" not in got.stdout


def test_a_half_written_last_line_is_a_note_not_an_error(tmp_path):
    """`watch --once` and `ingest` of a JSONL file a crawler is still appending to: its last
    line, without its line end and not JSON yet, was an error (exit status 1 at every cron
    run that met the writer mid-line); it is a `note:` line, left for the next run."""
    wire = tmp_path / "wire.jsonl"
    text = "시는 내년 예산 1조 원을 확정했다고 2일 밝혔다. 올해보다 5% 늘었다."
    first = json.dumps({"id": "w1", "text": text}, ensure_ascii=False)
    wire.write_text(first + '\n{"id": "w2", "text": "시는 내년', "utf-8")
    for args in (("watch", "--once", "--recluster-every", "0"), ("ingest",)):
        got = run(tmp_path / f"{args[0]}.db", *args, str(wire))
        assert got.exit_code == 0, got.output
        assert "error" not in got.stderr and "errors: 0" in got.stdout
        assert f"note: {wire}:2: the last line has no line end" in got.stderr


def test_a_failed_poll_keeps_its_items_for_the_next_one(tmp_path, example_path):
    """The store fails during the first poll's ingest (locked, gone away): the store is as it
    was, the items come again at the next poll with a reopened store and a fresh index."""
    from newsmoa.ingest.watch import Poller
    from newsmoa.serve import watch as watching

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(example_path, inbox / "clip.txt")
    db = str(tmp_path / "f.db")
    opened, failures, rounds = [], [], []

    def flaky_store():
        store = open_store(db)
        if not opened:  # the first store fails while saving the batch

            def broken(rows):
                raise OSError("disk I/O error")

            store.save_articles = broken
        opened.append(store)
        return store

    ok = watching.watch(
        Poller([str(inbox)]).poll,
        flaky_store,
        rounds.append,
        lambda exc, n: failures.append((str(exc), n)),
        interval=0,
        polls=2,
    )
    assert not ok and failures == [("disk I/O error", 3)]
    assert len(opened) == 2 and len(rounds) == 1
    assert rounds[0].report.added == 3 and rounds[0].rebuilt == 1
    check = open_store(db)
    try:
        assert check.counts()["articles"] == 3 and check.counts()["stories"] == 1
    finally:
        check.close()


def test_a_store_deleted_under_the_watch_stops_it(tmp_path, example_path):
    """The store's file deleted while watching (to start over, by mistake): the watch went
    on saying "added" of articles written into the deleted file. It stops with the error;
    started again, it reads its sources again into the store made there."""
    from newsmoa.errors import StoreError
    from newsmoa.ingest.watch import Poller
    from newsmoa.serve import watch as watching

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "w.db"
    poller = Poller([str(inbox)])
    polls = 0

    def poll():
        nonlocal polls
        polls += 1
        if polls == 1:
            shutil.copy(example_path, inbox / "clip.txt")
        else:  # the store deleted, then another clip arrives
            for name in ("w.db", "w.db-wal", "w.db-shm"):
                (tmp_path / name).unlink(missing_ok=True)
            (inbox / "more.txt").write_text(
                "(옥천=뉴시스) 김민수 기자 = 충북 옥천군은 향수호수길 2구간을 개통했다고 14일"
                " 밝혔다.\n\n개통식에는 주민 150여 명이 참석했다.\n",
                encoding="utf-8",
            )
        return poller.poll()

    rounds: list = []
    with pytest.raises(StoreError, match="deleted or replaced"):
        watching.watch(
            poll,
            lambda: open_store(str(db)),
            rounds.append,
            lambda e, n: None,
            interval=0,
            polls=3,
        )
    assert len(rounds) == 1 and polls == 2  # stopped at once, not after more polls


def test_the_window_is_decided_again_every_nth_poll_that_adds_articles(tmp_path):
    """ECB+ dev topic 23 arriving one article a poll: with `recluster_every` 3 the window is
    decided again after the 3rd and 6th polls that add articles (an empty poll does not
    count), and then the stories are the ones a single batch of those articles gives."""
    from newsmoa.eval.datasets import ecb_topic, load_ecbplus
    from newsmoa.pipeline import cluster_items
    from newsmoa.serve import watch as watching
    from newsmoa.types import RawItem

    picked = [a for a in load_ecbplus(("dev",)).articles if ecb_topic(a) == 23]
    random.Random(0).shuffle(picked)
    picked = picked[:7]
    arrivals = [[a] for a in picked[:3]] + [[]] + [[a] for a in picked[3:]]
    feed = iter(arrivals)

    def item(a):  # one time for all: some of these texts date themselves (`April 28, 2009`)
        return RawItem(a.origin, text=a.text, id=a.id, published="2024-03-01T09:00:00+00:00")

    def poll():
        return [item(a) for a in next(feed)]

    rounds, snapshots = [], []
    db = str(tmp_path / "w.db")

    def on_round(got):
        rounds.append(got)
        if got.reclustered:  # the stories right after the window was decided again
            store = open_store(db)
            try:
                snapshots.append(store.stories_of([a.id for a in picked]))
            finally:
                store.close()

    ok = watching.watch(
        poll, lambda: open_store(db), on_round, None, interval=0, polls=len(arrivals),
        recluster_every=3,
    )  # fmt: skip
    assert ok and [r.reclustered is not None for r in rounds] == [
        False, False, True, False, False, True, False,
    ]  # fmt: skip
    assert [r.reclustered.articles for r in rounds if r.reclustered] == [3, 6]

    def groups(stories):
        return sorted(sorted(a for a in stories if stories[a] == s) for s in set(stories.values()))

    for seen, stories in zip((picked[:3], picked[:6]), snapshots, strict=True):
        batch = cluster_items([item(a) for a in seen])  # the same articles in one batch
        assert groups(stories) == groups({x["id"]: x["story"] for x in batch})


def test_an_item_that_always_fails_is_left_out_after_three_polls(tmp_path, example_path):
    """One item the pipeline cannot take (here: its extraction raises) held every later poll
    back; after three failed polls the items are tried one at a time, the others go in, and
    it is left out, named."""
    from newsmoa.ingest.watch import Poller
    from newsmoa.pipeline import Newsroom
    from newsmoa.serve import watch as watching

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(example_path, inbox / "clip.txt")
    (inbox / "poison.txt").write_text("독 " * 200, "utf-8")
    db = str(tmp_path / "p.db")
    real = Newsroom.ingest

    def ingest(self, items, **kw):
        if any("poison" in getattr(i, "origin", "") for i in items):
            raise RuntimeError("cannot take it")
        return real(self, items, **kw)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Newsroom, "ingest", ingest)
        failures, rounds, left = [], [], []
        ok = watching.watch(
            Poller([str(inbox)]).poll,
            lambda: open_store(db),
            rounds.append,
            lambda exc, n: failures.append(n),
            lambda item, exc: left.append((item.origin, str(exc))),
            interval=0,
            polls=4,
        )
    assert not ok and failures == [4, 4, 4]  # three polls fail with the four items
    assert left == [(str(inbox / "poison.txt"), "cannot take it")]
    assert sum(r.report.added for r in rounds) == 3  # the example's three, one at a time


def test_items_tried_alone_wait_again_when_the_store_is_at_fault(tmp_path, example_path):
    """A lock held by another writer through three polls and the first items tried alone:
    those items are not the fault, so they wait for the next poll with the others."""
    import sqlite3

    from newsmoa.ingest.watch import Poller
    from newsmoa.serve import watch as watching

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(example_path, inbox / "clip.txt")
    calls = []
    real = watching.run_round

    def locked(room, items, **kw):
        calls.append(len(items))
        if len(calls) <= 4:  # three polls, then the first item alone
            raise sqlite3.OperationalError("database is locked")
        return real(room, items, **kw)

    db = str(tmp_path / "l.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(watching, "run_round", locked)
        left, rounds = [], []
        watching.watch(
            Poller([str(inbox)]).poll,
            lambda: open_store(db),
            rounds.append,
            lambda exc, n: None,
            lambda item, exc: left.append(item.origin),
            interval=0,
            polls=4,
        )
    assert left == [] and calls == [3, 3, 3, 1, 3]  # the fourth poll takes all three
    assert sum(r.report.added for r in rounds) == 3


def test_an_edited_file_in_the_folder_gives_new_versions_not_new_articles(tmp_path, example_path):
    """A press office fixes the date in one of the three pasted reports: that article is
    stored as its new version (its id is its text's hash, and its file says it is the same
    article), not as a fourth article beside the old one."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    clip = inbox / "clip.txt"
    shutil.copy(example_path, clip)
    db = tmp_path / "w.db"
    assert "added 3, updated 0" in run(db, "watch", "--once", str(inbox)).stdout
    text = clip.read_text("utf-8")
    assert text.count("전북 완주군은 20일") == 1
    clip.write_text(text.replace("전북 완주군은 20일", "전북 완주군은 19일"), "utf-8")
    got = run(db, "watch", "--once", str(inbox))
    assert "added 0, updated 1, already present 2" in got.stdout, got.stdout
    store = open_store(str(db))
    try:
        assert store.counts()["articles"] == 3
        (story,) = [s["id"] for s in store.story_summaries()]
        texts = [r.article.text for r in store.story_articles(story)]
        assert sum("전북 완주군은 19일" in t for t in texts) == 1
        assert not any("전북 완주군은 20일" in t for t in texts)
    finally:
        store.close()


def test_watch_marks_what_appears_in_a_releases_folder_as_releases(tmp_path):
    """`watch clippings/ --releases releases/`: a press office's watched folder of releases
    (there was no way to mark one), and the template day's reprints keep to their releases."""
    import random as rnd

    from county_releases import county_day

    releases, reprints = county_day(rnd.Random(3))
    for folder, articles in (("releases", releases), ("clips", reprints)):
        (tmp_path / folder).mkdir()
        for a in articles:
            stamp = a.published.strftime("%Y.%m.%d %H:%M")
            paper = f"[{a.outlet}] " if a.outlet else ""
            text = f"{a.title}\n입력 {stamp}\n{paper}{a.text}\n"
            (tmp_path / folder / f"{a.id}.txt").write_text(text, "utf-8")
    db = tmp_path / "w.db"
    got = run(
        db, "watch", "--once", str(tmp_path / "clips"), "--releases", str(tmp_path / "releases")
    )
    assert got.exit_code == 0, got.output
    store = open_store(str(db))
    stories = [s["id"] for s in store.story_summaries()]
    marked = sorted(
        r.article.title for s in stories for r in store.story_articles(s) if r.article.is_release
    )
    sizes = sorted(len(store.story_articles(s)) for s in stories)
    store.close()
    assert marked == ["새 도서관 착공", "새 체육관 착공"] and sizes == [7, 7]
    assert run(db, "watch", "--once").exit_code == 2  # nothing to watch


def test_a_store_that_keeps_failing_is_said_once_and_named_once(
    tmp_path, example_path, monkeypatch
):
    """A store that fails at every poll was said at every poll, its name twice in each line
    (`error: DB: DB: ...`)."""
    from newsmoa.errors import StoreError
    from newsmoa.serve import watch as watching

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(example_path, inbox / "clip.txt")
    os.utime(inbox / "clip.txt", (1e9, 1e9))  # settled long ago: read at the first poll
    db = tmp_path / "w.db"
    assert run(db, "ingest", str(example_path)).exit_code == 0  # a store that opens

    def locked(room, items, **_):
        raise StoreError(f"{db}: the write lock was held past the wait")

    real = watching.watch
    monkeypatch.setattr(watching, "run_round", locked)
    monkeypatch.setattr(watching, "watch", lambda *a, **k: real(*a, **{**k, "polls": 5}))
    result = run(db, "watch", str(inbox), "--interval", "0")
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {db}: the write lock was held past the wait; 3 items kept for the next poll "
        "(said again only when it changes)"
    ]
    assert result.exit_code == 1
    # --once has no next poll (a cron job): it says so
    once = run(db, "watch", str(inbox), "--once")
    assert f"error: {db}: the write lock was held past the wait; 3 items not stored: run it" in (
        once.stderr
    )
    assert "next poll" not in once.stderr and once.exit_code == 1


@pytest.mark.parametrize("interval", ["nan", "-5", "inf"])
def test_an_interval_that_is_no_wait_is_refused_before_any_poll(tmp_path, interval):
    """`--interval nan` (or a negative one) polled once, then ended in `time.sleep`'s
    traceback (a black-box case)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    result = run(tmp_path / "w.db", "watch", str(inbox), "--interval", interval)
    assert result.exit_code == 2
    assert "--interval" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "w.db").exists()  # refused before the store was made


@pytest.mark.parametrize(("signal_name", "status"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_watch_stopped_by_a_signal_says_what_it_stored(tmp_path, signal_name, status):
    """Ctrl-C (SIGINT) or `kill` (SIGTERM) of a running watch, a real process: one line of
    what it stored, no traceback, exit status 130 (143); it said "stopped." with status 0,
    and SIGTERM ended it without a word."""
    import signal
    import subprocess
    import sys
    import time

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    lines = [
        {"id": f"n{k}", "outlet": "뉴시스", "published": "2026-03-12",
         "text": f"군은 12일 {place} 개통식을 열었다고 밝혔다. 주민 150여 명이 참석했다."}
        for k, place in enumerate(["둘레길", "체육관"])
    ]  # fmt: skip
    (inbox / "a.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    code = "import sys; from newsmoa.serve.cli import main; sys.argv[0] = 'newsmoa'; main()"
    args = ["--db", str(tmp_path / "s.db"), "watch", "--interval", "0.2", str(inbox)]
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    deadline = time.monotonic() + 120
    while "added 2," not in proc.stdout.readline():  # the first poll is stored
        assert time.monotonic() < deadline and proc.poll() is None
    time.sleep(0.5)  # polls that find nothing new
    proc.send_signal(getattr(signal, signal_name))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == status, err
    assert "Traceback" not in err
    assert "stopped: added 2 articles and updated 0 since the watch started" in err
