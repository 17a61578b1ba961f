"""The pipeline's performance paths give the same results as the plain ones: extraction in worker
processes, and the story index loaded window by window as new articles arrive."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsmoa.cluster import DEFAULT_CONFIG, story_id_for
from newsmoa.errors import InputError, StoreError
from newsmoa.pipeline import Newsroom, cluster_items
from newsmoa.reconcile.story import why as story_why
from newsmoa.store import open_store
from newsmoa.types import RawItem

T0 = datetime(2024, 5, 6, 9, 0, tzinfo=UTC)
WINDOW = timedelta(hours=DEFAULT_CONFIG.window_hours)
NOUNS = [
    "예산",
    "주민",
    "사업",
    "정책",
    "협약",
    "지원",
    "교류",
    "시설",
    "행사",
    "계획",
    "도로",
    "학교",
]


def _event_words(rng: random.Random) -> list[str]:
    return ["".join(chr(0xAC00 + rng.randrange(11172)) for _ in range(3)) for _ in range(6)]


def event_text(rng: random.Random) -> tuple[list[str], list[str]]:
    """A made-up event: its six rare words and eight sentences made of them."""
    words = _event_words(rng)
    sentences = [
        " ".join(rng.choice(words) + "는" for _ in range(3)) + f" {rng.choice(NOUNS)}을 밝혔다."
        for _ in range(8)
    ]
    return words, sentences


def _items(n_events: int = 12, seed: int = 7) -> list[RawItem | InputError]:
    """Events over four days, each reported by two to four outlets with shuffled sentences."""
    rng = random.Random(seed)
    items: list[RawItem | InputError] = []
    for e in range(n_events):
        words, sentences = event_text(rng)
        when = T0 + timedelta(hours=8 * e)
        for k in range(rng.randint(2, 4)):
            body = sentences[:]
            rng.shuffle(body)
            items.append(
                RawItem(
                    origin=f"t:{e}-{k}",
                    id=f"e{e:02d}-{k}",
                    title=f"{words[0]} {words[1]} {rng.choice(NOUNS)}",
                    outlet=f"신문{k}",
                    published=(when + timedelta(minutes=37 * k)).isoformat(),
                    text="\n".join(body[: 6 + k % 3]),
                )
            )
    items.insert(5, InputError("t", "not JSON", line=6))
    items.insert(9, RawItem(origin="t:empty", id="empty", text=" "))
    items.append(items[2])  # the same id twice
    return items


def test_cluster_items_in_worker_processes_equals_one_process():
    items = _items()
    assert cluster_items(items, workers=2) == cluster_items(items, workers=1)


def test_ingest_in_worker_processes_equals_one_process(tmp_path):
    items = _items()
    got = []
    for workers in (1, 2):
        store = open_store(str(tmp_path / f"w{workers}.db"))
        report = Newsroom(store, workers=workers).ingest(items, defer_analysis=True)
        ids = [i.id for i in items if isinstance(i, RawItem) and i.id != "empty"]
        got.append((report.added, report.new_stories, dict(report.dropped), store.stories_of(ids)))
        store.close()
    assert got[0] == got[1]


def _stored_then_new(tmp_path):
    """The first half (in time) stored by one process; the second half to add one by one."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    items.sort(key=lambda i: (i.published, i.id))
    first, rest = items[: len(items) // 2], items[len(items) // 2 :]
    store = open_store(str(tmp_path / "s.db"))
    Newsroom(store).ingest(first, defer_analysis=True)
    read: list[str] = []
    entries = store.index_entries

    def counted(lo, hi):
        for row in entries(lo, hi):
            read.append(row[0])
            yield row

    store.index_entries = counted  # type: ignore[method-assign]
    return store, first, rest, read


def test_the_window_grows_with_new_articles_reading_each_stored_article_once(tmp_path):
    store, first, rest, read = _stored_then_new(tmp_path)
    room = Newsroom(store)
    for item in rest:
        room.ingest([item], defer_analysis=True)
    assert len(room.index) == len(first) + len(rest)  # every stored article in the window
    assert sorted(set(read)) == sorted(read)  # ... read from the store once
    assert set(read) == {i.id for i in first}
    store.close()


def test_the_warm_index_holds_a_few_windows_not_the_whole_stream(tmp_path):
    """A stream running for weeks: once what the index holds would span more than
    INDEX_WINDOWS windows, it starts again from the new articles' window, and places them
    as a new process (which loads just that window) does."""
    from newsmoa.pipeline import INDEX_WINDOWS

    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    days = INDEX_WINDOWS * 2 + 1  # the window is 2 days: each batch 9 days after the last
    weeks = [
        [
            dataclasses.replace(
                i,
                id=f"w{w}-{i.id}",
                published=(
                    datetime.fromisoformat(i.published) + timedelta(days=days * w)
                ).isoformat(),
            )
            for i in items
        ]
        for w in range(3)
    ]
    db, fresh_db = str(tmp_path / "warm.db"), str(tmp_path / "fresh.db")
    store, fresh = open_store(db), open_store(fresh_db)
    room = Newsroom(store)
    for w, week in enumerate(weeks):
        report = room.ingest(week, defer_analysis=True)
        assert len(room.index) == len(week)  # the weeks before are out of its window
        got = Newsroom(fresh).ingest(week, defer_analysis=True)
        assert [s for _, _, s in report.placed] == [s for _, _, s in got.placed], w
    assert store.counts()["articles"] == 3 * len(items)
    store.close()
    fresh.close()


def test_a_batch_far_apart_in_time_loads_the_window_around_each_of_its_groups(tmp_path):
    """A batch with an article of day 1 and one of day 31 loads the stored articles within
    the window of each, not the weeks between (an article backdated by years would load the
    whole store otherwise)."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]

    def shifted(days: int, tag: str) -> list[RawItem]:
        return [
            dataclasses.replace(
                i,
                id=f"{tag}-{i.id}",
                published=(datetime.fromisoformat(i.published) + timedelta(days=days)).isoformat(),
            )
            for i in items
        ]

    stored = [*shifted(0, "d0"), *shifted(15, "d15"), *shifted(30, "d30")]
    db = str(tmp_path / "s.db")
    first = open_store(db)
    Newsroom(first).ingest(stored, defer_analysis=True)
    first.close()
    store = open_store(db)
    room = Newsroom(store)
    early, late = (T0 + timedelta(days=1), T0 + timedelta(days=31))
    batch = [
        dataclasses.replace(items[0], id=f"new-{n}", published=t.isoformat())
        for n, t in enumerate((early, late))
    ]
    room.ingest(batch, defer_analysis=True)
    times = {i.id: datetime.fromisoformat(i.published) for i in stored}
    near = {a for a, t in times.items() if abs(t - early) <= WINDOW or abs(t - late) <= WINDOW}
    assert room._loaded == near | {"new-0", "new-1"}
    assert not any(a.startswith("d15") for a in room._loaded)
    store.close()


def test_intervals_missing_and_joined():
    from newsmoa.pipeline import _joined, _missing

    def d(n):
        return T0 + timedelta(days=n)

    held = [(d(0), d(2)), (d(5), d(6))]
    assert _missing((d(1), d(7)), held) == [(d(2), d(5)), (d(6), d(7))]
    assert _missing((d(-3), d(-1)), held) == [(d(-3), d(-1))]
    assert _missing((d(0), d(1)), held) == []
    assert _joined(held, (d(1), d(5))) == [(d(0), d(6))]
    assert _joined(held, (d(8), d(9))) == [*held, (d(8), d(9))]


def test_load_window_up_front_leaves_nothing_to_read_later(tmp_path):
    store, first, rest, read = _stored_then_new(tmp_path)
    room = Newsroom(store)
    times = [datetime.fromisoformat(i.published) for i in rest]
    assert room.load_window(min(times), max(times)) == len(first)
    read.clear()
    for item in rest:
        room.ingest([item], defer_analysis=True)
    assert read == [] and len(room.index) == len(first) + len(rest)
    store.close()


def test_a_merge_made_by_one_call_is_saved_as_a_redirect(tmp_path):
    """The index merges two stories when a round-up links them; the store redirects too."""
    spec = importlib.util.spec_from_file_location(
        "cluster_samples", Path(__file__).parent / "cluster" / "cluster_samples.py"
    )
    samples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(samples)
    wanju, fire = samples.ROWS[0], samples.ROWS[3]

    def raw(aid: str, hours: float, title: str, text: str) -> RawItem:
        when = samples.T0 + timedelta(hours=hours)
        return RawItem(origin=aid, id=aid, title=title, text=text, published=when.isoformat())

    store = open_store(str(tmp_path / "m.db"))
    room = Newsroom(store)
    (a,) = room.ingest([raw(*wanju)], defer_analysis=True).stories
    (b,) = room.ingest([raw(*fire)], defer_analysis=True).stories
    bridge = raw("roundup", fire[1], f"{wanju[2]} {fire[2]}", f"{wanju[3]} {fire[3]}")
    report = room.ingest([bridge], defer_analysis=True)
    assert a != b and report.merged_stories == 1 and report.stories == [a]
    assert store.redirects() == {b: a} and store.stories_of([fire[0]]) == {fire[0]: a}
    assert [s["id"] for s in store.story_summaries()] == [a]
    store.close()


def _jsonl_case() -> tuple[str, list[dict]]:
    """A JSONL text with good and bad lines, and what `cluster_items` makes of `read_jsonl`'s
    reading of it."""
    import json

    from newsmoa.ingest.readers import read_jsonl

    rows = [
        {k: getattr(i, k) for k in ("id", "title", "outlet", "published", "text")}
        for i in _items()
        if isinstance(i, RawItem)
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines[3:3] = ["", "{not json", "[1, 2]", '{"id": "no-text"}', "  "]
    text = "\n".join(lines) + "\n"
    expected = cluster_items(list(read_jsonl("in.jsonl", text, keep_blank=True)), workers=1)
    assert any("error" in r for r in expected) and any("story" in r for r in expected)
    return text, expected


def test_cluster_file_reads_its_lines_as_read_jsonl_then_cluster_items(tmp_path):
    from newsmoa.pipeline import cluster_file

    text, expected = _jsonl_case()
    path = tmp_path / "in.jsonl"
    path.write_text(text, "utf-8")
    # the message names no file (the CLI prefixes it), so the origin does not matter here
    assert cluster_file(str(path), workers=1) == expected
    assert cluster_file(str(path), workers=2) == expected


def test_the_pool_forks_only_while_no_other_thread_runs():
    import sys
    import threading

    from newsmoa.pipeline import _start_method

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert _start_method() == "forkserver"  # a fork could copy a lock another thread holds
    finally:
        stop.set()
        other.join()
    alone = threading.active_count() == 1 and sys.version_info < (3, 12)
    assert _start_method() == ("fork" if alone else "forkserver")


def _agree(room: Newsroom, store) -> None:
    """The warm index (when it holds an article) and the store agree on every story."""
    stored = store.stories_of([aid for aid in room._loaded])
    assert all(room.index.story_of(a) == s for a, s in stored.items())
    live = {s["id"] for s in store.story_summaries()}
    assert set(store.stories_of(list(stored)).values()) <= live


def test_recluster_around_each_arrival_agrees_with_the_store(tmp_path):
    """ECB+ dev topics 5 and 18 with made-up times (stories over 8 days), one article per
    call in time order with the window re-decided after each: articles move, and after every
    call the store and the warm index agree and every stored story is listed."""
    from newsmoa.eval.arrival import timed
    from newsmoa.eval.datasets import ecb_topic, load_ecbplus

    data = timed(load_ecbplus(("dev",)))
    picked = sorted(
        (a for a in data.articles if ecb_topic(a) in (5, 18)), key=lambda a: (a.published, a.id)
    )
    store = open_store(str(tmp_path / "one.db"))
    room = Newsroom(store)
    moved = 0
    for a in picked:
        item = RawItem(a.origin, text=a.text, id=a.id, published=a.published.isoformat())
        report = room.ingest([item], defer_analysis=True, recluster=True)
        assert report.reclustered is not None and not report.errors
        moved += report.reclustered.moved
        _agree(room, store)
    assert moved > 0  # the relabelling of the warm index was exercised
    store.close()


def test_placed_times_put_undated_articles_with_their_batch():
    """An undated article keeps a stored version's time, else takes its batch's: the median
    publication time of the dated articles (the upper of two), or now when none has one."""
    from newsmoa.pipeline import placed_times
    from newsmoa.types import Article

    def art(aid, hours=None):
        return Article(
            aid, "본문", published=None if hours is None else T0 + timedelta(hours=hours)
        )

    now = datetime(2026, 1, 1, tzinfo=UTC)
    batch = [art("a", 0), art("b", 30), art("c", 2), art("u"), art("v"), art("d", 1)]
    assert placed_times(batch, {"v": 5.0}, now) == {
        "u": (T0 + timedelta(hours=2)).timestamp(),
        "v": 5.0,
    }
    assert placed_times([art("u"), art("w")], {}, now) == {
        "u": now.timestamp(),
        "w": now.timestamp(),
    }
    assert placed_times([art("a", 0)], {}, now) == {}


def test_an_undated_article_is_compared_with_its_time_not_the_whole_store(tmp_path):
    """Arriving alone, an undated article sits at the time it came: the index loads that
    window only (before, it loaded every stored article), and a new version of it keeps its
    time. Pasted with dated reports of its event, it sits with them and joins their story."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    store, first, rest, read = _stored_then_new(tmp_path)
    later = T0 + timedelta(days=30)
    room = Newsroom(store, clock=lambda: later)
    store.settle(None)  # the first half's queue: decided
    lone = dataclasses.replace(first[0], id="lone", published=None)
    report = room.ingest([lone], defer_analysis=True, recluster=True)
    assert read == ["lone"] and report.new_stories == 1  # its re-decision read it alone
    assert store.article_times(["lone"]) == {"lone": later.timestamp()}

    def why() -> dict:
        (row,) = [r for r in store.story_articles(store.stories_of(["lone"])["lone"])]
        return story_why(row)

    assert why()["placed_at"] == "2024-06-05T09:00:00+00:00"  # `show --why` says it
    edited = dataclasses.replace(lone, text=lone.text + "\n추가 문장이 붙었다.")
    room.clock = lambda: later + timedelta(days=9)
    before = why()
    assert "candidates" in before  # the decision that placed it
    assert room.ingest([edited], defer_analysis=True).updated == 1
    assert store.article_times(["lone"]) == {"lone": later.timestamp()}
    assert why() == {**before, "updated": True}  # what placed it, and that it changed
    pasted = [dataclasses.replace(i, published=None) if i.id == rest[0].id else i for i in rest]
    Newsroom(store, clock=lambda: later).ingest(pasted, defer_analysis=True)
    twin = next(i for i in items if i.id != rest[0].id and i.id[:4] == rest[0].id[:4])
    stories = store.stories_of([rest[0].id, twin.id])
    assert stories[rest[0].id] == stories[twin.id]
    store.close()


def test_an_undated_article_sent_with_stored_ones_sits_with_them(tmp_path):
    """A feed polled again, or an archive loaded again with a few additions: the articles
    already stored date the batch too, so an undated reprint joins its story."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    event = [i for i in items if i.id.startswith("e03-")]
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store, clock=lambda: T0 + timedelta(days=400))
    room.ingest(event, defer_analysis=True)
    reprint = dataclasses.replace(event[0], id="reprint", published=None)
    report = room.ingest([*event, reprint], defer_analysis=True)
    assert report.added == 1 and report.unchanged == len(event)
    stories = store.stories_of([event[0].id, "reprint"])
    assert stories["reprint"] == stories[event[0].id]
    store.close()


def test_undated_articles_one_call_each_are_decided_again_around_when_they_came(tmp_path):
    """ECB+ dev topic 23 (two look-alike events, no dates), one article per call and
    process, the re-decision left for later: each article sits at the time its call came,
    all within one window; working the queue off groups them far better than they were
    placed, and a second time there is nothing left to do."""
    from newsmoa.eval.datasets import ecb_topic, load_ecbplus
    from newsmoa.eval.scoring import pairwise
    from newsmoa.extract.datelines_en import english_dateline

    def undated(text: str) -> str:  # without the date lines some of them have
        return "\n".join(ln for ln in text.split("\n") if english_dateline(ln.strip()) is None)

    data = load_ecbplus(("dev",))
    picked = [
        (dataclasses.replace(a, text=undated(a.text)), g)
        for a, g in zip(data.articles, data.gold, strict=True)
        if ecb_topic(a) == 23
    ]
    random.Random(0).shuffle(picked)
    path = str(tmp_path / "s.db")
    for n, (a, _) in enumerate(picked):
        store = open_store(path)
        room = Newsroom(store, clock=lambda n=n: T0 + timedelta(seconds=n))
        room.ingest([RawItem(origin=a.id, id=a.id, text=a.text)], defer_analysis=True)
        store.close()
    store = open_store(path)
    ids, gold = [a.id for a, _ in picked], [g for _, g in picked]

    def f1() -> float:
        stories = store.stories_of(ids)
        return pairwise(gold, [stories[a] for a in ids]).f1

    before = f1()
    assert sorted(t for _, t in store.unsettled()) == [T0.timestamp() + n for n in range(len(ids))]
    got = Newsroom(store).recluster_queue()
    assert got is not None and got.articles == len(ids) and got.moved > 0
    assert f1() > before + 0.2 and store.unsettled() == []
    assert Newsroom(store).recluster_queue() is None
    store.close()


def test_a_small_store_weighs_terms_over_its_older_articles(tmp_path, monkeypatch):
    """A window of a small store holds few articles: the story index and a re-decision count
    the terms of the stored articles before what they read too (up to `DF_SAMPLE`), each
    once, as a stream weighs them over all it saw."""
    import newsmoa.pipeline as pipeline
    from newsmoa.cluster import StoryIndex

    store, first, rest, read = _stored_then_new(tmp_path)
    store.settle(None)
    last = max(datetime.fromisoformat(i.published) for i in first)
    far = last + 2 * WINDOW + timedelta(hours=1)  # its window holds no stored article
    later = dataclasses.replace(rest[0], id="later", published=far.isoformat())
    before_adding = []  # each index's count of documents when articles are added to it
    add_many = StoryIndex.add_many

    def spy(self, items, kept=()):
        before_adding.append((self.documents, len(self)))
        return add_many(self, items, kept)

    monkeypatch.setattr(StoryIndex, "add_many", spy)
    room = Newsroom(store)
    room.ingest([later], defer_analysis=True, recluster=True)
    assert read == ["later"]  # its window holds no other article ...
    assert room.index.documents == len(first) + 1  # ... but every stored one is counted
    # the warm index, then the re-decision's index, counted them before weighing articles
    assert before_adding == [(len(first), 0), (len(first), 0)]
    # a window of counted articles, near enough for the index to keep "later"
    back = dataclasses.replace(first[0], id="back", published=(last + WINDOW / 2).isoformat())
    room.ingest([back], defer_analysis=True)
    assert len(room.index) > 2 and room.index.documents == len(first) + 2  # each once
    assert room.index.documents == len(room.index) + room.sampled
    far_back = dataclasses.replace(first[0], id="far back", published=first[0].published)
    room.ingest([far_back], defer_analysis=True)  # the index starts again from its window
    assert room.index.documents == len(room.index) + room.sampled and room.sampled == 0
    monkeypatch.setattr(pipeline, "DF_SAMPLE", 3)
    fresh = Newsroom(store)
    fresh.ingest([dataclasses.replace(later, id="later2")], defer_analysis=True)
    assert fresh.index.documents == 3 + 1  # "later" and 2 before it (3 in all), the new one
    store.close()


NOTICE = "[ⓒ 세계일보 & Segye.com, 무단전재 및 재배포 금지]"


def test_a_page_read_again_as_a_bare_headline_keeps_the_stored_text(tmp_path):
    """A page read again that now shows only its headline (a paywall gone up, a page cut
    down to its headline and a copyright line): the stored article keeps its text, and the
    report says why the new read was not used."""
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    item = next(i for i in _items() if isinstance(i, RawItem) and i.id == "e00-0")
    assert room.ingest([item], defer_analysis=True).added == 1
    bare = dataclasses.replace(item, text=f"{item.title}\n{NOTICE}")
    report = room.ingest([bare], defer_analysis=True)
    assert report.updated == 0 and report.unchanged == 0
    assert report.dropped == {"no body text; the stored version is kept": 1}
    (row,) = store.story_articles(store.stories_of([item.id])[item.id])
    assert row.article.text == item.text and row.version == 1
    store.close()


def test_a_feed_s_teaser_of_a_stored_article_keeps_the_stored_text(tmp_path):
    """A feed that sends an article's first lines and `…` where it sent the whole text
    before: the stored text is kept and the report says why (it became the teaser, and the
    whole text read again was refused as an older version). A version that drops the
    article's last sentence is a new version."""
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    sentences = [
        "청솔군은 24일 군청에서 한빛농업기술원과 스마트팜 단지 조성 업무협약을 체결했다.",
        "양 기관은 2027년까지 총사업비 120억원을 들여 청솔읍에 단지를 조성한다.",
        "단지에는 유리온실 8동과 육묘장, 교육관이 들어선다.",
        "군은 내년 3월 착공해 2027년 12월 준공할 계획이다.",
        "김도운 군수는 “청년 농업인이 돌아오는 농촌을 만들겠다”고 말했다.",
    ]
    item = RawItem(
        origin="feed.xml#1",
        id="feed-1",
        title="청솔군 스마트팜 협약",
        text=" ".join(sentences),
        outlet="청솔일보",
    )
    assert room.ingest([item], defer_analysis=True).added == 1
    teaser = dataclasses.replace(item, text=f"{item.text[:110]}…")
    report = room.ingest([teaser], defer_analysis=True)
    assert report.updated == 0 and report.unchanged == 0
    assert list(report.dropped) == [
        "the opening of the stored text, cut down (a feed's summary); the stored version is kept"
    ]
    assert room.ingest([item], defer_analysis=True).unchanged == 1
    (row,) = store.story_articles(store.stories_of([item.id])[item.id])
    assert row.article.text == item.text and row.version == 1
    trimmed = dataclasses.replace(item, text=" ".join(sentences[:-1]))
    assert room.ingest([trimmed], defer_analysis=True).updated == 1
    store.close()


def test_a_corrected_flash_is_a_new_version(tmp_path):
    """A flash stored without a body and read again with a corrected headline is a new
    version of it; read again unchanged it is unchanged."""
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    first = RawItem(
        origin="f",
        id="flash",
        title="[속보] 가나시 다라 협약 체결",
        text="[속보] 가나시 다라 협약 체결",
    )
    assert room.ingest([first], defer_analysis=True).added == 1
    assert room.ingest([first], defer_analysis=True).unchanged == 1
    fixed = dataclasses.replace(
        first, title="[속보] 가나시 마바 협약 체결", text="[속보] 가나시 마바 협약 체결"
    )
    assert room.ingest([fixed], defer_analysis=True).updated == 1
    (row,) = store.story_articles(store.stories_of(["flash"])["flash"])
    assert row.article.title == fixed.title and row.article.text == "" and row.version == 2
    store.close()


def test_recluster_sees_what_another_process_stored(tmp_path):
    """Articles another process stored inside the window this index already loaded: the
    re-decision reads the store (not the index) and includes them; the index, which has
    not seen them, is dropped, and the next call loads what it needs again."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    items.sort(key=lambda i: (i.published, i.id))
    *stored, last = items
    db = str(tmp_path / "s.db")
    mine, theirs = open_store(db), open_store(db)
    room, other = Newsroom(mine), Newsroom(theirs)
    room.ingest(stored[0::2], defer_analysis=True)
    other.ingest(stored[1::2], defer_analysis=True)
    got = room.recluster()
    assert got.articles == len(stored) and len(room.index) == 0  # read all; index dropped
    report = room.ingest([last], defer_analysis=True, recluster=True)
    assert report.added == 1 and report.reclustered is not None and not report.errors
    assert len(room.index) > 0  # the window around `last` loaded again, and kept
    _agree(room, mine)
    mine.close()
    theirs.close()


def test_a_re_decision_covers_the_batches_added_without_one(tmp_path):
    """Batches added without `recluster` (watch --recluster-every N) are re-decided with the
    next one that asks for it, even days apart."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    items.sort(key=lambda i: (i.published, i.id))
    late = dataclasses.replace(
        items[-1], id="late", published=(T0 + timedelta(days=30)).isoformat()
    )
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    room.ingest(items[:5], defer_analysis=True)
    room.ingest(items[5:10], defer_analysis=True)
    got = room.ingest([late], defer_analysis=True, recluster=True).reclustered
    assert got is not None and got.articles == 11  # both batches and `late`, 30 days on
    later = dataclasses.replace(late, id="later", published=(T0 + timedelta(days=60)).isoformat())
    again = room.ingest([later], defer_analysis=True, recluster=True).reclustered
    assert again is not None and again.articles == 1  # the rest was settled: only `later`
    store.close()


def test_the_queue_is_the_stores_so_another_process_works_it_off(tmp_path):
    """A batch stored without a re-decision (`ingest --no-recluster`, then the process ends)
    is re-decided by the next process that asks, and then nothing is left queued."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    items.sort(key=lambda i: (i.published, i.id))
    db = str(tmp_path / "s.db")
    first = open_store(db)
    Newsroom(first).ingest(items[:5], defer_analysis=True)
    first.close()
    store = open_store(db)
    assert sorted(a for a, _ in store.unsettled()) == sorted(i.id for i in items[:5])
    got = Newsroom(store).ingest(items[5:6], defer_analysis=True, recluster=True).reclustered
    assert got is not None and got.articles == 6 and store.unsettled() == []
    store.close()


def test_running_the_same_batch_again_works_off_the_queue(tmp_path):
    """After an interrupted or `--no-recluster` run, the same command again finds every
    article present: it still decides the queue (it returned first, and the grouping stayed
    unfinished until a new article came: a black-box case)."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    store = open_store(str(tmp_path / "s.db"))
    Newsroom(store).ingest(items[:5], defer_analysis=True)
    assert len(store.unsettled()) == 5
    report = Newsroom(store).ingest(items[:5], defer_analysis=True, recluster=True)
    assert report.added == 0 and report.reclustered is not None
    assert report.reclustered.articles == 5 and store.unsettled() == []
    store.close()


def test_a_failed_re_decision_leaves_its_batch_queued(tmp_path, monkeypatch):
    """The batch is stored, the failure is the report's error line, and the batch's articles
    are re-decided with the next batch, by this process or another."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    items.sort(key=lambda i: (i.published, i.id))
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)

    def broken(*args, **kwargs):
        raise OSError("disk I/O error")

    monkeypatch.setattr(room, "recluster_around", broken)
    report = room.ingest(items[:5], defer_analysis=True, recluster=True)
    assert report.added == 5 and report.reclustered is None
    assert len(report.errors) == 1 and "stay queued" in report.errors[0]
    assert len(store.unsettled()) == 5
    got = Newsroom(store).ingest(items[5:6], defer_analysis=True, recluster=True).reclustered
    assert got is not None and got.articles == 6 and store.unsettled() == []
    store.close()


def test_a_large_batch_is_not_decided_again(tmp_path, monkeypatch):
    """More new articles than RECLUSTER_MAX_NEW were decided together: they are not queued,
    and what smaller batches queued before stays queued."""
    import newsmoa.pipeline as pipeline

    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    store = open_store(str(tmp_path / "s.db"))
    monkeypatch.setattr(pipeline, "RECLUSTER_MAX_NEW", 5)
    room = Newsroom(store)
    assert room.ingest(items[:6], defer_analysis=True, recluster=True).reclustered is None
    assert store.unsettled() == []
    room.ingest(items[6:9], defer_analysis=True)
    room.ingest(items[9:12], defer_analysis=True)
    assert len(store.unsettled()) == 6  # two small batches, each decided alone
    room.ingest(items[12:18], defer_analysis=True)
    assert sorted(a for a, _ in store.unsettled()) == sorted(i.id for i in items[6:12])
    edited = [dataclasses.replace(i, text=i.text + " 정정.") for i in items[:6]]
    room.ingest(edited, defer_analysis=True)  # corrections keep their old story undecided
    assert {a for a, _ in store.unsettled()} == {i.id for i in items[:12]}
    store.close()


def test_a_correction_while_its_window_is_decided_again_stays_queued(tmp_path):
    """Another process stores a new version of a queued article (ten days later) between
    the re-decision's reading and its writing: the write sees the article changed and reads
    again, so the article is not taken off the queue by a decision about its old version;
    the next call decides it around its new time."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    items.sort(key=lambda i: (i.published, i.id))
    db = str(tmp_path / "s.db")
    store, other = open_store(db), open_store(db)
    room = Newsroom(store)
    room.ingest(items, defer_analysis=True)
    target = items[0]
    later = datetime.fromisoformat(target.published) + timedelta(days=10)
    moved = dataclasses.replace(target, text=target.text + " 정정.", published=later.isoformat())
    real = room._decide_again
    calls = []

    def decide_then_correct(*args):
        got = real(*args)
        if not calls:  # the first reading: another process corrects the article now
            Newsroom(other).ingest([moved], defer_analysis=True)
        calls.append(args)
        return got

    room._decide_again = decide_then_correct  # type: ignore[method-assign]
    room.recluster_pending()
    assert len(calls) >= 2  # read again after the correction
    assert (target.id, later.timestamp()) in store.unsettled()
    room._decide_again = real  # type: ignore[method-assign]
    room.recluster_pending()
    assert store.unsettled() == []
    store.close()
    other.close()


def test_a_long_queue_is_decided_again_in_bounded_pieces(tmp_path, monkeypatch):
    """Twelve days of queued articles (an archive added with --no-recluster) are decided
    again in pieces of at most RECLUSTER_SPAN_WINDOWS windows, around at most `limit` queued
    ones per call (the oldest); what their windows did not reach stays queued."""
    import newsmoa.pipeline as pipeline

    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    days = [
        dataclasses.replace(
            i,
            id=f"d{k}-{i.id}",
            published=(datetime.fromisoformat(i.published) + timedelta(days=4 * k)).isoformat(),
        )
        for k in range(3)
        for i in items
    ]
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    room.ingest(days, defer_analysis=True)
    spans = []
    real = room.recluster

    def counted(start=None, end=None, **kw):
        spans.append((start, end))
        return real(start, end, **kw)

    monkeypatch.setattr(room, "recluster", counted)
    queued = sorted(ts for _, ts in store.unsettled())
    assert room.recluster_pending(limit=len(items)) is not None
    reached = datetime.fromtimestamp(queued[len(items) - 1], UTC) + WINDOW
    left = store.unsettled()
    assert left and all(datetime.fromtimestamp(ts, UTC) > reached for _, ts in left)
    assert room.recluster_pending() is not None and store.unsettled() == []
    longest = (pipeline.RECLUSTER_SPAN_WINDOWS + 2) * WINDOW  # a piece and a window each side
    assert len(spans) > 2 and all(end - start <= longest for start, end in spans)
    store.close()


def test_a_new_version_is_queued_and_decided_again_around_its_new_time(tmp_path):
    """A corrected article (new text, a time ten days later) is queued again; the queue
    gives its time now, so it is re-decided around that time and then settled."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    items.sort(key=lambda i: (i.published, i.id))
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    room.ingest(items, defer_analysis=True, recluster=True)
    assert store.unsettled() == []
    later = datetime.fromisoformat(items[0].published) + timedelta(days=10)
    moved = dataclasses.replace(
        items[0], text=items[0].text + " 정정.", published=later.isoformat()
    )
    report = room.ingest([moved], defer_analysis=True)
    assert report.updated == 1 and store.unsettled() == [(moved.id, later.timestamp())]
    got = room.recluster_pending()
    assert got is not None and got.articles == 1  # alone, ten days after the others
    assert store.unsettled() == []
    store.close()


def test_an_older_export_read_again_keeps_the_stored_version(tmp_path):
    """An archive's morning export, its evening export (a corrected text and time), then the
    morning one again: the article went back to its old text and time (a black-box case).
    A text the article had before is dropped and named; a new text is still a version."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:2]
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    room.ingest(items)
    first = items[0]
    later = (datetime.fromisoformat(first.published) + timedelta(hours=6)).isoformat()
    corrected = dataclasses.replace(first, text=first.text + " 정정.", published=later)
    assert room.ingest([corrected]).updated == 1
    again = room.ingest([first, items[1]])
    assert (again.updated, again.added) == (0, 0)
    assert again.dropped_from == [
        f"{first.origin}: a text this article had before its stored version; the stored "
        f"version is kept ({first.id})"
    ]
    story = store.stories_of([first.id])[first.id]
    (kept,) = [r.article for r in store.story_articles(story) if r.article.id == first.id]
    assert (kept.text, kept.published) == (corrected.text, datetime.fromisoformat(later))
    newer = dataclasses.replace(first, text=first.text + " 재정정.")
    assert room.ingest([newer]).updated == 1
    store.close()


def test_a_backdated_article_is_re_decided_in_its_own_span(tmp_path):
    """An article dated years back, with today's: two spans, not everything between."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    room.ingest(items[:-1], defer_analysis=True, recluster=True)
    old = dataclasses.replace(items[0], id="old", published="2014-05-06T09:00:00+00:00")
    got = room.ingest([old, items[-1]], defer_analysis=True, recluster=True).reclustered
    last = datetime.fromisoformat(items[-1].published)
    near = [i for i in items if abs(datetime.fromisoformat(i.published) - last) <= WINDOW]
    assert got is not None and got.articles == len(near) + 1  # `old` alone, and today's
    store.close()


def test_a_re_decision_whose_stories_change_meanwhile_starts_again(tmp_path):
    """Another writer changes the stories between the reading and the writing: the
    re-decision reads again; if they keep changing it gives up and changes nothing."""
    from newsmoa.eval.datasets import ecb_topic, load_ecbplus

    picked = [a for a in load_ecbplus(("dev",)).articles if ecb_topic(a) == 23]
    random.Random(0).shuffle(picked)
    items = [RawItem(a.origin, text=a.text, id=a.id) for a in picked]
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    for item in items:  # one at a time: two look-alike events chain, so articles will move
        room.ingest([item], defer_analysis=True)
    read = store.stories_of
    calls = []

    def changing(times):
        def stories_of(ask):
            calls.append(len(ask))
            got = read(ask)
            if len(calls) % 2 == 0 and len(calls) <= 2 * times:  # the check in the write
                got = {a: "s-other" for a in got}
            return got

        return stories_of

    ids = [i.id for i in items]
    before = read(ids)
    store.stories_of = changing(3)  # type: ignore[method-assign]
    with pytest.raises(StoreError, match="kept changing"):
        Newsroom(store).recluster()
    assert read(ids) == before and len(calls) == 6  # three reads, three checks; no write
    calls.clear()
    store.stories_of = changing(1)  # type: ignore[method-assign]
    got = Newsroom(store).recluster()
    assert got.moved and len(calls) == 4 and read(ids) != before  # read twice, then wrote
    store.close()


def test_a_re_decision_contended_in_a_later_span_reports_the_spans_it_wrote(tmp_path, monkeypatch):
    """A batch over two spans of time far apart: the first span is decided and written, the
    second is contended (other writers). The batch is not failed, the note says the window
    was not wholly decided again, the first span's re-decision is reported, and only the
    second span's articles stay queued (a review: the note said "nothing was changed" and
    "this batch's articles stay queued", and the first span's report was lost)."""
    from newsmoa.errors import Contended

    body = (
        "청솔군은 송림면에 공공도서관을 새로 짓는다고 밝혔다. 사업비는 40억 원이며 내년 3월 "
        "문을 연다. 열람실과 어린이 자료실, 주차장을 갖춘다. {}번째 기사다."
    )
    items = [
        RawItem(f"x{n}.jsonl", text=body.format(n), id=f"x{n}", published=day)
        for n, day in enumerate(("2024-05-03T09:00+09:00", "2024-05-03T10:00+09:00",
                                 "2024-05-20T09:00+09:00", "2024-05-20T10:00+09:00"))
    ]  # fmt: skip
    room = Newsroom(open_store(str(tmp_path / "s.db")))
    calls = []
    decide = Newsroom.recluster

    def busy_later(self, *args, **kwargs):
        calls.append(args)
        if len(calls) > 1:
            raise Contended("s.db: stories kept changing while being decided again (3 tries)")
        return decide(self, *args, **kwargs)

    room.ingest(items[:3], defer_analysis=True, recluster=False)  # queued, as by another
    monkeypatch.setattr(Newsroom, "recluster", busy_later)
    report = room.ingest(items[3:], defer_analysis=True, recluster=True)
    assert len(calls) == 2 and not report.failed
    assert report.deferred and "not wholly decided again" in report.deferred[0]
    assert report.reclustered is not None and report.reclustered.decided == {"x0", "x1"}
    assert sorted(a for a, _ in room.store.unsettled(10)) == ["x2", "x3"]
    room.store.close()


def test_a_story_never_gets_the_id_of_a_stored_story_the_index_did_not_load(tmp_path, monkeypatch):
    """Story ids are 48-bit hashes of the founding article's id, so two can meet in a large
    archive: a story founded now, whose id a story outside the loaded window already has, is
    given another one (made here by hashing every id alike), not merged into that story."""
    from newsmoa.cluster import stories

    monkeypatch.setattr(stories, "story_id_for", lambda article_id: "s-same")
    db = str(tmp_path / "ids.db")
    old, new = (
        RawItem(origin=f"t:{k}", id=k, published=when, text=text)
        for k, when, text in (
            (
                "old",
                "2020-01-01T09:00:00+09:00",
                "군은 새 도서관을 짓는다고 밝혔다. 사업비는 120억 원이다.",
            ),
            (
                "new",
                "2024-06-01T09:00:00+09:00",
                "시는 버스 노선을 늘린다고 밝혔다. 노선은 열 개가 된다.",
            ),
        )
    )
    Newsroom(open_store(db)).ingest([old], defer_analysis=True)
    room = Newsroom(open_store(db))  # a new process: loads 2024's window only
    room.ingest([new], defer_analysis=True)
    assert room.store.stories_of(["old", "new"]) == {"old": "s-same", "new": "s-same-2"}


def test_a_batchs_story_ids_are_checked_against_the_store_at_once(tmp_path):
    """One question for the batch's story ids, not one per story it founds (on PostgreSQL
    each is a round trip: 30,000 of them for an archive's batch)."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    room = Newsroom(open_store(str(tmp_path / "q.db")))
    alone, together = [], []
    one, many = room.store.story_id_known, room.store.story_ids_known
    room.store.story_id_known = lambda s: alone.append(s) or one(s)
    room.store.story_ids_known = lambda ids: together.append(len(ids)) or many(ids)
    report = room.ingest(items, defer_analysis=True)
    assert report.new_stories == 12 and alone == [] and together == [len(items)]


def test_a_batchs_documents_are_built_after_it_is_committed(tmp_path, monkeypatch):
    """The write lock is held for the writes: the stories' documents are built after the
    batch is committed (another connection already sees its articles), each story in a
    transaction of its own, not while other writers wait for the whole batch."""
    db = str(tmp_path / "docs.db")
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    seen: list[int] = []
    real = Newsroom.documents

    def spy(self, stories):
        other = open_store(db)
        seen.append(len(other.known_hashes([i.id for i in items])))
        other.close()
        real(self, stories)

    monkeypatch.setattr(Newsroom, "documents", spy)
    room = Newsroom(open_store(db))
    report = room.ingest(items)  # analysed, documents built
    assert seen == [len(items)]
    assert all(room.store.story_doc(s) is not None for s in report.stories)


def test_a_batch_whose_save_failed_goes_in_whole_when_given_again(tmp_path):
    """The store failed while saving (a lock timed out, the disk filled): nothing of the batch
    is stored, and the same process's index does not keep it either, so the batch given again
    goes in whole and as one batch would."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    room = Newsroom(open_store(str(tmp_path / "f.db")))
    real = room.store.save_articles

    def broken(rows):
        raise OSError("disk I/O error")

    room.store.save_articles = broken
    with pytest.raises(OSError, match="disk I/O error"):
        room.ingest(items, defer_analysis=True)
    room.store.save_articles = real
    again = room.ingest(items, defer_analysis=True)
    fresh = Newsroom(open_store(str(tmp_path / "g.db"))).ingest(items, defer_analysis=True)
    assert (again.added, again.new_stories) == (len(items), fresh.new_stories)
    assert sorted(again.stories) == sorted(fresh.stories)


LIBRARY = [
    "군은 28일 중앙공원 옆에서 새 도서관 착공식을 열었다고 밝혔다.",
    "도서관은 지하 1층, 지상 3층 규모로 내년 가을 문을 연다.",
    "사업비는 120억 원이며 국비 40억 원이 들어간다.",
    '군수는 "주민 누구나 책을 가까이 하는 군을 만들겠다"고 말했다.',
    "착공식에는 주민과 기관장 등 200여 명이 참석했다.",
    "군은 도서관에 어린이 열람실과 북카페를 둘 계획이다.",
]
SEWAGE = [
    "군은 28일 읍내 하수처리장 증설 공사를 마쳤다고 밝혔다.",
    "하루 처리 용량이 2만 t에서 3만 t으로 늘었다.",
    "공사비는 80억 원으로 국비와 도비가 절반씩 들어갔다.",
    '군수는 "악취 민원이 크게 줄어들 것"이라고 말했다.',
    "군은 내년까지 하수관로 12㎞를 새로 깔 계획이다.",
    "증설로 읍내 신축 아파트 단지의 하수도 처리할 수 있게 됐다.",
]
HEADLINES = {
    "lib": [
        "새 도서관 착공…내년 가을 개관",
        "군, 120억 들여 도서관 짓는다",
        "도서관 착공식 열려",
        "어린이 열람실 갖춘 도서관 첫 삽",
        "군 새 도서관 공사 시작",
        "지상 3층 도서관 착공",
        "중앙공원 옆 도서관 착공",
        "군수 '책 가까이 하는 군'…도서관 착공",  # a quote, then the release's words
    ],
    "sew": [
        "하수처리장 증설 완료",
        "하루 3만t 처리…하수처리장 증설",
        "군, 80억 들여 하수처리장 확장",
        "하수처리장 증설 공사 마쳐",
        "악취 민원 줄어든다…처리장 증설",
        "읍내 하수처리장 용량 늘려",
        "하수처리장 증설…아파트 하수도 처리",
        "군 하수처리 용량 1.5배로",
    ],
}
OUTLETS = [
    "한빛일보",
    "새벽신문",
    "중앙뉴스",
    "바다일보",
    "남도일보",
    "경남신문",
    "전북일보",
    "호남신문",
]


def test_a_county_store_holds_each_release_once_however_its_reprints_arrive(tmp_path):
    """A county press office's store: two releases of one day, each reprinted by eight
    outlets under headlines of their own, arriving one at a time in any order, or together:
    two stories of eight. In a store this small the releases' words are in nearly every
    headline; this split the reprints before. (A headline of only the governor's quote,
    sharing no word with the others: `test_a_reprint_under_a_headline_of_its_own_...`.)"""
    rng = random.Random(5)
    items = []
    for kind, sentences in (("lib", LIBRARY), ("sew", SEWAGE)):
        for i, outlet in enumerate(OUTLETS):
            body = sentences[:2] + rng.sample(sentences[2:], 3)
            when = datetime(2024, 5, 28, 10 + i // 3, (i * 13 + len(kind)) % 60, tzinfo=UTC)
            items.append(
                RawItem(
                    origin=f"{kind}-{i}",
                    id=f"{kind}-{i}",
                    title=HEADLINES[kind][i],
                    text=" ".join(body),
                    outlet=outlet,
                    published=when.isoformat(),
                )
            )
    rng.shuffle(items)
    for name, calls in (("one", [[item] for item in items]), ("all", [items])):
        store = open_store(str(tmp_path / f"{name}.db"))
        room = Newsroom(store)
        for call in calls:
            room.ingest(call, defer_analysis=True)
        stories = store.stories_of([i.id for i in items if isinstance(i, RawItem)])
        groups = {}
        for aid, story in stories.items():
            groups.setdefault(story, set()).add(aid.split("-")[0])
        store.close()
        assert sorted(len(v) for v in groups.values()) == [1, 1], (name, groups)
        assert len(groups) == 2, (name, groups)


def _release_from(outlet: str | None, reporter: str = "김민수", origin: str = "") -> RawItem:
    """The library release as one outlet printed it, word for word (its byline apart)."""
    byline = f"[{outlet}] {reporter} 기자 = " if outlet else ""
    text = "새 도서관 착공\n\n" + byline + " ".join(LIBRARY)
    return RawItem(origin=origin or f"{outlet}.txt", text=text)


def _placements(store) -> list[tuple[str, str]]:
    return sorted(
        (r.article.outlet or "", r.article.id)
        for s in store.story_summaries()
        for r in store.story_articles(s["id"])
    )


def test_two_outlets_printing_a_release_word_for_word_are_two_placements(tmp_path):
    """Without an id or URL an article is known by its text: the same text from another
    outlet is another article (one story), in one batch whatever its order or over
    several calls; the same outlet's copy, or a copy naming no outlet, is the same one."""
    one, other = _release_from("한빛일보"), _release_from("새벽신문", "이영희")
    runs = {}
    for name, calls in (
        ("batch", [[one, other]]),
        ("reversed", [[other, one]]),
        ("one a call", [[one], [other]]),
    ):
        store = open_store(str(tmp_path / f"{name}.db"))
        room = Newsroom(store)
        added = [room.ingest(call, defer_analysis=True).added for call in calls]
        assert sum(added) == 2, name
        runs[name] = _placements(store)
        assert [o for o, _ in runs[name]] == ["새벽신문", "한빛일보"], name
        assert len(store.story_summaries()) == 1, name
        again = room.ingest(
            [other, one, _release_from("한빛일보", "박지훈", "again.txt"), _release_from(None)],
            defer_analysis=True,
        )
        assert (again.added, again.updated, again.unchanged) == (0, 0, 2), name
        assert again.dropped == {
            "same id again later in this batch, which is kept": 1,
            "the same text as an article of this batch that names its outlet, which is kept": 1,
        }
        assert _placements(store) == runs[name]
        store.close()
    assert runs["batch"] == runs["reversed"]  # the store's first holds the plain id


def test_a_copy_naming_no_outlet_never_replaces_one_that_names_it(tmp_path):
    """In one batch, a copy without an outlet is the article of an outlet that printed the
    same text, whichever comes later in the input: it neither takes that outlet's
    placement nor blanks its outlet."""
    for order in ([0, 1, 2], [2, 1, 0]):
        items = [
            _release_from("한빛일보"),
            _release_from("새벽신문"),
            _release_from(None, origin="z"),
        ]
        store = open_store(str(tmp_path / f"{order[0]}.db"))
        report = Newsroom(store).ingest([items[i] for i in order], defer_analysis=True)
        assert report.added == 2, order
        assert [o for o, _ in _placements(store)] == ["새벽신문", "한빛일보"], order
        store.close()


def test_an_outlet_found_later_is_the_same_article_and_an_alias_the_same_outlet(
    tmp_path, monkeypatch
):
    """A text stored without a known outlet, read again with a byline: the same article,
    which now has that outlet (a new version), so another outlet's copy after it is another
    article (before, the outlet-less article stood for every outlet's copy). An outlet
    stored as it was written, read again under the name a newer outlet table gives it: the
    same outlet."""
    from newsmoa.extract import copies

    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    assert room.ingest([_release_from(None)], defer_analysis=True).added == 1
    assert room.ingest([_release_from("한빛일보")], defer_analysis=True).updated == 1
    assert room.ingest([_release_from("한빛일보")], defer_analysis=True).unchanged == 1
    assert room.ingest([_release_from(None)], defer_analysis=True).unchanged == 1
    assert room.ingest([_release_from("새벽신문")], defer_analysis=True).added == 1
    assert [o for o, _ in _placements(store)] == ["새벽신문", "한빛일보"]
    aliased = dataclasses.replace(_release_from(None), outlet="한빛")
    older = open_store(str(tmp_path / "t.db"))
    assert Newsroom(older).ingest([aliased], defer_analysis=True).added == 1
    table = copies.outlets()
    newer = dataclasses.replace(table, by_alias={**table.by_alias, "한빛": "한빛일보"})
    monkeypatch.setattr(copies, "outlets", lambda: newer)
    assert Newsroom(older).ingest([_release_from("한빛일보")], defer_analysis=True).unchanged == 1
    assert Newsroom(older).ingest([_release_from("새벽신문")], defer_analysis=True).added == 1
    store.close()
    older.close()


def test_a_copy_is_found_again_by_its_text_whatever_its_id_was_made_from(tmp_path, monkeypatch):
    """A copy's id is made once, from its outlet as then named: read again, it is found by
    its text and outlet, so a newer outlet table (an alias added) does not store it twice;
    nor does an edited file's article whose new text another outlet printed in the same
    batch, which takes the text's plain hash while the file's article keeps its old id."""
    from newsmoa.extract import copies

    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    room.ingest([_release_from("새벽신문")], defer_analysis=True)
    aliased = dataclasses.replace(_release_from(None, origin="c.jsonl:1"), outlet="한빛")
    assert room.ingest([aliased], defer_analysis=True).added == 1
    table = copies.outlets()
    newer = dataclasses.replace(table, by_alias={**table.by_alias, "한빛": "한빛일보"})
    monkeypatch.setattr(copies, "outlets", lambda: newer)
    again = dataclasses.replace(aliased, outlet="한빛일보")
    assert Newsroom(store).ingest([again], defer_analysis=True).unchanged == 1

    clip = str(tmp_path / "clip.txt")
    first = dataclasses.replace(_release_from("바다일보"), origin=clip)
    first = dataclasses.replace(first, text=first.text.replace("200여 명", "300여 명"))
    assert room.ingest([first], defer_analysis=True).added == 1
    edited = dataclasses.replace(first, text=first.text.replace("120억", "125억"))
    printed = dataclasses.replace(
        edited, origin="d.jsonl:1", text=edited.text.replace("바다", "동해")
    )
    both = room.ingest([edited, printed], defer_analysis=True)
    assert (both.added, both.updated) == (1, 1)
    assert room.ingest([printed], defer_analysis=True).unchanged == 1
    assert store.counts()["articles"] == 4
    store.close()


def test_one_text_pasted_with_other_line_breaks_or_wrapped_is_the_same_article(tmp_path):
    """A text is known by its words in order (`content_hash`), not by where its lines
    break: a sentence a line, or the release wrapped at 40 characters as a mail client
    sends it, is the article already stored (before: a second article, one placement
    counted twice)."""
    import textwrap

    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    item = _release_from("한빛일보")
    assert room.ingest([item], defer_analysis=True).added == 1
    title, body = item.text.split("\n\n", 1)
    by_sentence = body.replace("다. ", "다.\n")
    assert by_sentence.count("\n") >= 3
    wrapped = textwrap.fill(body, 40)
    for text in (by_sentence, wrapped):
        again = dataclasses.replace(item, origin="pasted.txt", text=f"{title}\n\n{text}")
        assert room.ingest([again], defer_analysis=True).unchanged == 1
    assert store.counts()["articles"] == 1
    store.close()


def test_a_store_from_before_the_words_hash_finds_its_flashes_and_pasted_texts(
    tmp_path, flash_item
):
    """A store upgraded by migration 10 (every comparison hash taken again over words)
    finds a flash and a pasted text of several lines when they are read again; the ids
    they are found under are pinned in `test_ids_made_from_texts_are_the_ids_every_earlier_
    newsmoa_made` (deriving them from the new hash stored a flash twice: a review)."""
    import hashlib
    import sqlite3

    from newsmoa.text.normalize import normalize

    store_path = str(tmp_path / "s.db")
    store = open_store(store_path)
    flash = flash_item
    pasted = _release_from("한빛일보")  # a text of several lines
    assert Newsroom(store).ingest([flash, pasted], defer_analysis=True).added == 2
    store.close()
    db = sqlite3.connect(store_path)
    for aid, doc in db.execute("SELECT id, doc FROM articles").fetchall():
        text = json.loads(doc)["text"] or json.loads(doc)["title"]
        old = hashlib.sha1(normalize(text).encode()).hexdigest()[:16]
        db.execute("UPDATE articles SET content_hash = ? WHERE id = ?", (old, aid))
    db.execute("ALTER TABLE articles DROP COLUMN analysed_with")  # (the steps after)
    db.execute("ALTER TABLE stories DROP COLUMN analysed_with")
    db.execute("DROP TABLE article_search")
    db.execute("DROP TABLE article_text")
    db.execute("DROP INDEX articles_url_key")
    db.execute("ALTER TABLE articles DROP COLUMN url_key")
    db.execute("PRAGMA user_version = 9")
    db.commit()
    db.close()
    upgraded = open_store(store_path)
    again = Newsroom(upgraded).ingest([flash, pasted], defer_analysis=True)
    assert (again.added, again.unchanged) == (0, 2)
    assert upgraded.counts()["articles"] == 2
    upgraded.close()


def test_one_report_under_urls_that_differ_in_tracking_or_host_is_one_article(tmp_path):
    """An article given with a URL and no id is known by the URL without what does not
    name it (`extract.urls.url_key`): the same report under "?utm_source=…", the site's
    mobile host or http is one placement, in one batch and over several (a black-box test:
    three before); an article a store holds under its URL as it came (before URLs were
    keyed) is still that article."""
    from newsmoa.extract.urls import url_key

    base = "https://www.sjbnews.com/news/articleView.html?idxno=100"
    variants = [
        base,
        base + "&utm_source=twitter&utm_medium=social",
        "http://m.sjbnews.com/news/articleView.html?idxno=100#comments",
    ]
    text = "새 도서관 착공\n\n" + " ".join(LIBRARY)

    def item(url, origin="in.jsonl:1"):
        return RawItem(origin=origin, text=text, url=url, outlet="새전북신문")

    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    report = room.ingest([item(u, f"in.jsonl:{n}") for n, u in enumerate(variants, 1)])
    assert (report.added, report.dropped[_TWICE_REASON]) == (1, 2)
    for url in variants:
        assert room.ingest([item(url)], defer_analysis=True).unchanged == 1
    assert store.counts()["articles"] == 1
    old = open_store(str(tmp_path / "old.db"))
    tracked = variants[1]
    assert Newsroom(old).ingest([dataclasses.replace(item(tracked), id=tracked)]).added == 1
    assert Newsroom(old).ingest([item(tracked)], defer_analysis=True).unchanged == 1
    assert old.known_hashes([tracked, url_key(tracked)]).keys() == {tracked}
    store.close()
    old.close()


_TWICE_REASON = "same id again later in this batch, which is kept"


def test_a_copy_another_process_stores_meanwhile_is_keyed_again(tmp_path):
    """Another process stores another outlet's copy of the text while this batch is placed:
    the batch is read again against the store, and its copy is stored beside that one
    (analysed as any other), not counted as already present."""
    db = str(tmp_path / "s.db")
    store, other = open_store(db), open_store(db)
    room = Newsroom(store)
    real = room._place
    calls = []

    def place_while_another_stores(*args, **kw):
        if not calls:
            Newsroom(other).ingest([_release_from("새벽신문", "이영희")], defer_analysis=True)
        calls.append(args)
        return real(*args, **kw)

    room._place = place_while_another_stores  # type: ignore[method-assign]
    report = room.ingest([_release_from("한빛일보")])
    assert len(calls) == 2 and report.added == 1 and report.unchanged == 0
    assert [o for o, _ in _placements(store)] == ["새벽신문", "한빛일보"]
    (story,) = store.story_summaries()
    (mine,) = [r for r in store.story_articles(story["id"]) if r.article.outlet == "한빛일보"]
    assert mine.sentences and mine.facts is not None
    store.close()
    other.close()


def test_an_outlet_less_file_edited_since_does_not_take_another_outlets_copy(tmp_path):
    """A file without a byline, stored and then edited: an outlet's copy of its old text is
    that outlet's article, not a backup of the edited file (dropped before as "a text this
    article had before its file was edited")."""
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    clip = str(tmp_path / "clip.txt")
    plain = _release_from(None, origin=clip)
    assert room.ingest([plain], defer_analysis=True).added == 1
    edited = dataclasses.replace(plain, text=plain.text.replace("120억", "125억"))
    assert room.ingest([edited], defer_analysis=True).updated == 1
    copy = room.ingest([_release_from("한빛일보")], defer_analysis=True)
    assert copy.added == 1 and not copy.dropped
    backup = dataclasses.replace(plain, origin=str(tmp_path / "backup.txt"))
    again = room.ingest([backup], defer_analysis=True)
    assert again.added == 0 and sum(again.dropped.values()) == 1
    store.close()


def test_two_outlets_copies_of_an_outlet_less_article_in_one_batch_are_two(tmp_path):
    """A text stored without an outlet, then two outlets' copies of it in one batch: the
    first outlet (in the canonical order) is that article's, the other its own article;
    reading the batch again adds nothing (before, one placement was lost, and the second
    reading added it)."""
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    room.ingest([_release_from(None)], defer_analysis=True)
    both = [_release_from("새벽신문", "이영희"), _release_from("한빛일보")]
    first = room.ingest(both, defer_analysis=True)
    assert (first.added, first.updated, sum(first.dropped.values())) == (1, 1, 0)
    again = room.ingest(both[::-1], defer_analysis=True)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert [o for o, _ in _placements(store)] == ["새벽신문", "한빛일보"]
    store.close()


def test_a_reprint_under_a_headline_of_its_own_joins_its_release(tmp_path):
    """An outlet leading on the governor's quote, its headline sharing no word with the
    others': its text is a reprint (close, and the release's figures in order), so it joins
    the release's story, in one batch or arriving last (before: a story of its own)."""
    rng = random.Random(7)
    items = []
    for i, outlet in enumerate([*OUTLETS, "동해신문"]):
        body = LIBRARY[:2] + rng.sample(LIBRARY[2:], 3)
        title = HEADLINES["lib"][i] if i < 8 else "“책 읽는 고장 만들겠다”"
        when = datetime(2024, 5, 28, 10, 7 * i, tzinfo=UTC)
        items.append(
            RawItem(
                origin=f"lib-{i}",
                id=f"lib-{i}",
                title=title,
                text=" ".join(body),
                outlet=outlet,
                published=when.isoformat(),
            )
        )
    for name, calls in (("batch", [items]), ("last", [items[:8], items[8:]])):
        store = open_store(str(tmp_path / f"{name}.db"))
        room = Newsroom(store)
        for call in calls:
            room.ingest(call, defer_analysis=True)
        assert len(set(store.stories_of([i.id for i in items]).values())) == 1, name
        store.close()


def test_a_press_release_and_an_outlets_word_for_word_copy_are_two_articles(tmp_path):
    """`ingest --release`: the release and an outlet printing it word for word are two
    articles, whichever comes first (the release was dropped as that outlet's article)."""
    release = dataclasses.replace(_release_from(None, origin="release.txt"), is_release=True)
    copy = _release_from("한빛일보")
    for name, calls in (
        ("both", [[copy, release]]),
        ("release first", [[release], [copy]]),
        ("copy first", [[copy], [release]]),
    ):
        store = open_store(str(tmp_path / f"{name}.db"))
        room = Newsroom(store)
        assert sum(room.ingest(call, defer_analysis=True).added for call in calls) == 2, name
        rows = [r for s in store.story_summaries() for r in store.story_articles(s["id"])]
        assert sorted((r.article.is_release, r.article.outlet or "") for r in rows) == [
            (False, "한빛일보"),
            (True, ""),
        ], name
        again = room.ingest([release, copy], defer_analysis=True)
        assert (again.added, again.unchanged) == (0, 2), name
        store.close()


def test_a_story_an_earlier_decision_merged_is_split_off_again_under_its_own_id(tmp_path):
    """Two events stored as two stories; a merge (an earlier automatic decision, here written
    to the store as one) absorbs the second into the first. Deciding again splits it off:
    under the id it had, whose redirect is dropped, so a link kept from before the merge
    leads to its articles again (before: a new "-2" id, the old one still leading to the
    first event); the first event's page no longer lists it as merged in."""
    items = [i for i in _items(2) if isinstance(i, RawItem) and i.id != "empty"][:-1]
    db = str(tmp_path / "r.db")
    store = open_store(db)
    Newsroom(store).ingest(items, defer_analysis=True)
    ids = [i.id for i in items]
    by_event = {i.id[:3]: store.stories_of([i.id])[i.id] for i in items}
    first, second = by_event["e00"], by_event["e01"]
    assert first != second and second == story_id_for("e01-0")
    store.save_redirects({second: first})  # as an automatic merge does
    assert set(store.stories_of(ids).values()) == {first}
    room = Newsroom(open_store(db))  # a new process
    got = room.recluster(defer_analysis=False)
    assert got.revived == (second,) and got.founded == (second,)
    assert room.store.resolve(second) == second and room.store.redirects_into(first) == []
    after = room.store.stories_of(ids)
    assert {a: s for a, s in after.items() if a.startswith("e01")} == dict.fromkeys(
        [a for a in ids if a.startswith("e01")], second
    )
    doc = room.store.story_doc(first)
    assert doc is not None and second not in doc.get("redirects", [])
    store.close()


def _chained(store) -> tuple[str, str, str]:
    """Three events stored; then, as earlier decisions would leave them: a story Y founded by
    an article of the first event merged into the second event's story X, and X into the
    first's S (a chain Y -> X -> S, stored as such)."""
    s, x = store.stories_of(["e00-0"])["e00-0"], store.stories_of(["e01-0"])["e01-0"]
    y = story_id_for("e00-1")
    store.move_articles({"e00-1": (y, {})})
    store.save_redirects({y: x})
    store.save_redirects({x: s})
    assert store.redirects()[y] == x and store.resolve(y) == s
    return s, x, y


def test_an_id_absorbed_through_a_revived_one_keeps_leading_where_its_article_is(tmp_path):
    """X, split off again, is X once more; Y, whose founding article stays with the first
    event in S, still leads to S, not through X to the split-off part: in the store, and in
    the warm index of the process that decided (which followed it, not dropped)."""
    items = [i for i in _items(3) if isinstance(i, RawItem) and i.id != "empty"][:-1]
    room = Newsroom(open_store(str(tmp_path / "c.db")))
    room.ingest(items, defer_analysis=True)
    store = room.store
    s, x, y = _chained(store)
    room.index.relabel({"e00-1": y}, {})  # the same history in the warm index
    room.index.relabel({}, {y: x})
    room.index.relabel({}, {x: s})
    got = room.recluster(defer_analysis=True)
    assert got.revived == (x,) and len(room.index) > 0  # the index followed the store
    assert store.stories_of(["e00-1"])["e00-1"] == s
    assert store.resolve(y) == room.index.resolve(y) == s
    assert store.resolve(x) == room.index.resolve(x) == x
    store.close()


def test_an_id_absorbed_through_a_revived_one_outside_the_window_keeps_leading_there(tmp_path):
    """The same when Y's founding article is outside the window decided again (context)."""
    items = [i for i in _items(3) if isinstance(i, RawItem) and i.id != "empty"][:-1]
    db = str(tmp_path / "w.db")
    store = open_store(db)
    Newsroom(store).ingest(items, defer_analysis=True)
    s, x, y = _chained(store)
    room = Newsroom(open_store(db))
    got = room.recluster(T0 + timedelta(hours=7), T0 + timedelta(hours=11), defer_analysis=True)
    assert got.revived == (x,) and room.store.resolve(y) == s
    room.store.close()
    store.close()


def test_re_decisions_combined_count_each_article_once():
    """Windows of two spans overlap and a queue is taken in rounds: an article decided or
    moved in two re-decisions counted twice ("decided again 21 articles: 15 moved" in a
    store of 11, a black-box test)."""
    from newsmoa.pipeline import ReclusterReport, combined

    def report(decided, moved, hand=()):
        return ReclusterReport(
            decided=frozenset(decided),
            moved_ids=frozenset(moved),
            absorbed={},
            founded=(),
            stories=[],
            hand=frozenset(hand),
        )

    both = combined([report("abcd", "ab", "h"), report("cdef", "bc", "h")])
    assert (both.articles, both.moved, both.by_hand) == (6, 3, 1)


def _county_items() -> tuple[list[RawItem], list[RawItem]]:
    """The county's two releases from one template (`county_releases`), marked, and their
    twelve reprints, as items."""
    from county_releases import county_day

    releases, reprints = county_day(random.Random(3))

    def item(a, **more) -> RawItem:
        return RawItem(
            origin=f"{a.id}.txt", id=a.id, title=a.title, text=a.text, outlet=a.outlet,
            published=a.published.isoformat(), **more,
        )  # fmt: skip

    return [item(a, is_release=True) for a in releases], [item(a) for a in reprints]


def _stored_releases(store) -> set[str]:
    from newsmoa.cluster import Features

    blobs = store.features_of(sorted(store.stories_of(["lib-release", "gym-release"])))
    return {aid for aid, blob in blobs.items() if Features.from_bytes(blob).release}


def test_a_stored_release_stays_one_and_a_stored_text_becomes_one_when_so_marked(tmp_path):
    """The press-release mark sticks: a release read again without `--release`, its text
    edited (a watched folder), stays a release; a text stored as a report and read again
    with `--release` is now one (before: "already present", and unmarked), and the day's
    reprints then keep to their releases."""
    releases, reprints = _county_items()
    lib, gym = releases
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    room.ingest([dataclasses.replace(lib, is_release=False)], defer_analysis=True)
    assert _stored_releases(store) == set()
    again = room.ingest([lib, gym], defer_analysis=True, recluster=True)
    assert (again.added, again.updated) == (1, 1)
    assert _stored_releases(store) == {"lib-release", "gym-release"}
    edited = dataclasses.replace(gym, is_release=False, text=gym.text.replace("연다", "개관한다"))
    assert room.ingest([edited], defer_analysis=True).updated == 1
    assert _stored_releases(store) == {"lib-release", "gym-release"}
    for item in reprints:
        room.ingest([item], defer_analysis=True, recluster=True)
    stories = store.stories_of([i.id for i in releases + reprints])
    for kind in ("lib", "gym"):
        assert {s for a, s in stories.items() if a.startswith(kind)} == {stories[f"{kind}-release"]}
    assert stories["lib-release"] != stories["gym-release"]
    store.close()


def test_releases_stored_before_their_features_said_so_are_marked_by_migration_11(tmp_path):
    """Features stored before `Features.release` read as no release; migration 11 marks
    those of the articles whose document says they are one."""
    import sqlite3
    import struct

    releases, reprints = _county_items()
    store_path = str(tmp_path / "s.db")
    store = open_store(store_path)
    Newsroom(store).ingest([*releases, reprints[0]], defer_analysis=True)
    store.close()
    db = sqlite3.connect(store_path)
    for aid, blob in db.execute("SELECT id, features FROM articles").fetchall():
        (n,) = struct.unpack_from("<I", blob, 4)
        head = json.dumps(json.loads(blob[8 : 8 + n])[:8]).encode()  # as stored before
        older = blob[:4] + struct.pack("<I", len(head)) + head + blob[8 + n :]
        db.execute("UPDATE articles SET features = ? WHERE id = ?", (older, aid))
    db.execute("ALTER TABLE articles DROP COLUMN analysed_with")  # (the steps after)
    db.execute("ALTER TABLE stories DROP COLUMN analysed_with")
    db.execute("DROP TABLE article_search")
    db.execute("DROP TABLE article_text")
    db.execute("DROP INDEX articles_url_key")
    db.execute("ALTER TABLE articles DROP COLUMN url_key")
    db.execute("PRAGMA user_version = 10")
    db.commit()
    db.close()
    upgraded = open_store(store_path)
    assert _stored_releases(upgraded) == {"lib-release", "gym-release"}
    upgraded.close()


def test_a_warm_index_learns_that_a_stored_article_is_now_a_release(tmp_path):
    """One process: the library release stored as a report, read again with `--release`,
    then the gym's release, no re-decision between: two stories (the warm index kept the
    first features and put the two releases in one; a new process did not: a review)."""
    releases, _ = _county_items()
    lib, gym = releases
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    room.ingest([dataclasses.replace(lib, is_release=False)], defer_analysis=True)
    room.ingest([lib], defer_analysis=True)
    room.ingest([gym], defer_analysis=True)
    stories = store.stories_of(["lib-release", "gym-release"])
    store.close()
    assert stories["lib-release"] != stories["gym-release"]


def test_a_story_is_shown_while_another_process_holds_the_write_lock(tmp_path):
    """A story whose document was deferred is built when first read, and cached under the
    write lock; when another process holds that lock past the wait, the document is built
    and shown all the same, uncached (a reader got a bare 500 after 10 s: a black-box case),
    and cached by a later read."""
    import sqlite3

    from newsmoa.pipeline import story_document

    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:4]
    db = str(tmp_path / "s.db")
    store = open_store(db)
    story = Newsroom(store).ingest(items, defer_analysis=True).stories[0]
    assert store.story_doc(story) is None
    store.db.execute("PRAGMA busy_timeout=50")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        doc = story_document(store, story)
        assert doc is not None and doc["id"] == story and doc["sentences"]
        assert store.story_doc(story) is None  # not cached: the lock is another's
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert story_document(store, story) == doc and store.story_doc(story) == doc
    store.close()


def test_a_story_derived_by_other_code_is_derived_again_when_read(tmp_path, example_path):
    """A store kept across an upgrade: the example's story as an older newsmoa stored it
    (here: its facts and its document's disagreements gone, under another code stamp) is
    analysed and built again when next read, and then is what this code builds for a new
    store; before, the old document was shown for as long as no article joined the story
    (a black-box case: an earlier version's units and labels)."""
    from newsmoa.ingest.readers import read_file
    from newsmoa.pipeline import story_document

    items = list(read_file(example_path))
    fresh = open_store(str(tmp_path / "fresh.db"))
    story = Newsroom(fresh).ingest(items).stories[0]
    expected = story_document(fresh, story)
    assert expected is not None and expected["disagreements"]
    fresh.close()
    store = open_store(str(tmp_path / "kept.db"))
    assert Newsroom(store).ingest(items).stories == [story]
    old = {**expected, "disagreements": []}
    store.db.execute(
        "UPDATE stories SET doc = ?, analysed_with = 'older'",
        (json.dumps(old, ensure_ascii=False),),
    )
    store.db.execute("UPDATE articles SET facts = '[]', analysed_with = 'older'")
    assert store.story_doc(story) is None
    assert story_document(store, story) == expected
    facts = store.db.execute("SELECT count(*) FROM articles WHERE facts = '[]'").fetchone()[0]
    assert facts == 0 and store.story_doc(story) == expected
    store.close()


def test_progress_counts_the_analysis_and_names_each_stage(tmp_path):
    """A long ingest's bar counted the extraction alone, then stood at 100% while the
    articles were analysed (most of the work: 2,000 files, two minutes at 100%)."""
    store = open_store(str(tmp_path / "s.db"))
    text = "군은 20일 {} 착공식을 열었다고 밝혔다. 사업비는 120억 원이며 주민 200여 명이 참석했다."
    items = [
        RawItem(f"{k}.txt", text.format(place), id=f"n{k}")
        for k, place in enumerate(["도서관", "체육관", "복지관"])
    ]
    said: list[tuple[str, int, int]] = []
    Newsroom(store).ingest(
        [*items, InputError("bad.txt", "cannot read")],
        progress=lambda *got: said.append(got),
        recluster=True,
    )
    stages = list(dict.fromkeys(stage for stage, _, _ in said))
    assert stages == ["extracting", "analysing", "deciding again"]
    assert [got for got in said if got[0] == "extracting"][-1] == ("extracting", 4, 4)
    assert [got for got in said if got[0] == "analysing"] == [
        ("analysing", k, 3) for k in (1, 2, 3)
    ]
    store.close()


# One outlet's page, its Atom feed (a `tag:` guid, a tracked link), and a news search's feed
# (a redirector's link, the outlet named in `<source>`; a teaser of another page, dead)
SMART_FARM = (
    "청솔군은 24일 군청 대회의실에서 한빛농업과 스마트팜 조성 업무협약을 체결했다고 밝혔다.",
    "협약에 따라 한빛농업은 2027년까지 120억원을 들여 청솔읍 일원에 스마트팜 단지를 조성한다.",
    "청솔군은 인허가 절차와 기반시설 조성을 지원하고 지역 청년 30명을 우선 고용하도록 협력한다.",
    "이정호 청솔군수는 “청년이 돌아오는 농촌을 만들겠다”고 말했다.",
)
HEARING = (
    "청솔군은 25일 청솔읍 스마트팜 단지 예정지에서 현장 설명회를 열었다고 밝혔다.",
    "군은 주민 80여명이 참석한 설명회에서 사업 일정을 안내하고 질의응답 시간을 가졌다.",
    "주민들은 농업용수 확보와 진입로 정비를 요청했고, 군은 내년 상반기까지 대책을 마련한다.",
)

CUT = "the opening of an article read from the same page, cut down; the whole is kept"
HEARING_TEASER = f"<p>{HEARING[0]}</p><p>{HEARING[1][:24]}…</p>"


def _page(title: str, sentences: tuple[str, ...]) -> str:
    paragraphs = "".join(f"<p>{s}</p>" for s in sentences)
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"


OUTLET_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>청솔일보</title><id>tag:cheongsol.test,2026:feed</id>
<updated>2026-11-24T10:00:00+09:00</updated>
<entry><title>스마트팜 협약 체결</title><id>tag:cheongsol.test,2026:55</id>
<link href="https://cheongsol.test/55.html?utm_source=rss"/><updated>2026-11-24T10:00:00+09:00</updated></entry>
</feed>"""
SEARCH_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>뉴스 검색</title><link>https://search.test/</link>
<item><title>스마트팜 협약 체결 - 청솔일보</title><link>https://search.test/r?u=55</link>
<guid isPermaLink="false">s-1</guid><source url="https://cheongsol.test/">청솔일보</source>
<pubDate>Tue, 24 Nov 2026 01:00:00 GMT</pubDate><description>{teaser}</description></item>
<item><title>스마트팜 설명회 - 청솔일보</title><link>https://cheongsol.test/56.html</link>
<guid isPermaLink="false">s-2</guid><source url="https://cheongsol.test/">청솔일보</source>
<pubDate>Wed, 25 Nov 2026 01:00:00 GMT</pubDate><description><![CDATA[{hearing}]]></description></item>
</channel></rss>"""


def _read_from(store, path: str) -> list[dict]:
    """The stored articles whose address is the page at `path`, however it was written."""
    docs = [json.loads(d) for (d,) in store.db.execute("SELECT doc FROM articles")]
    return [d for d in docs if (d.get("url") or "").split("?")[0].endswith(path)]


def _site(*, hearing_up: bool = False):
    """A fetcher of the outlet's site and the search's feed; the hearing's page answers 404
    until `hearing_up`."""
    import httpx

    from newsmoa.ingest.web import Fetcher

    def serve(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if url.startswith("https://search.test/r?"):
            return httpx.Response(302, headers={"location": "https://cheongsol.test/55.html"})
        pages = {
            "https://cheongsol.test/atom.xml": ("application/atom+xml", OUTLET_ATOM),
            "https://search.test/rss.xml": (
                "application/rss+xml",
                SEARCH_RSS.format(
                    teaser=" ".join(SMART_FARM[:2])[:70] + "…",
                    hearing=HEARING_TEASER,
                ),
            ),
            "https://cheongsol.test/55.html": (
                "text/html",
                _page("스마트팜 협약 체결", SMART_FARM),
            ),
        }
        if hearing_up:
            pages["https://cheongsol.test/56.html"] = (
                "text/html",
                _page("스마트팜 설명회", HEARING),
            )
        if request.url.path == "/55.html":
            url = "https://cheongsol.test/55.html"
        if url not in pages:
            return httpx.Response(404, text="no")
        ctype, body = pages[url]
        return httpx.Response(200, headers={"content-type": ctype}, content=body.encode("utf-8"))

    return Fetcher(transport=httpx.MockTransport(serve))


@pytest.mark.parametrize(
    "routes",
    [
        ["https://cheongsol.test/atom.xml", "https://cheongsol.test/55.html"],
        ["https://cheongsol.test/55.html", "https://cheongsol.test/atom.xml"],
        ["https://search.test/rss.xml", "https://cheongsol.test/atom.xml"],
        ["https://cheongsol.test/atom.xml", "https://search.test/rss.xml"],
    ],
)
def test_one_page_read_by_two_routes_is_one_article(tmp_path, routes):
    """The outlet's Atom entry (its `tag:` guid the id), the page read by its URL, and a news
    search's entry for it (keyed by its redirector's link): each its own id, all with the same
    page's address. They were two articles of one outlet (one with reuse 1.00, the placement
    counted twice; a black-box case); the later read is the stored article again."""
    from newsmoa.ingest.readers import read_sources

    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    for route in routes:
        room.ingest(read_sources([route], fetcher=_site()), defer_analysis=True)
    assert len(_read_from(store, "/55.html")) == 1
    store.close()


@pytest.mark.parametrize("page_first", [True, False])
def test_a_teaser_and_its_page_in_one_batch_are_one_article_the_page_kept(tmp_path, page_first):
    """A news search's entry read from its summary (its link dead then) and the page read by
    another route in one batch: one article, whose text is the page's whole, whichever came
    first; the teaser is named as dropped."""
    url = "https://cheongsol.test/56.html"
    teaser = RawItem("rss.xml#2", html=HEARING_TEASER, id="search#s-2", url=url, outlet="청솔일보")
    page = RawItem(url, html=_page("스마트팜 설명회", HEARING), url=url)
    store = open_store(str(tmp_path / "s.db"))
    items = [page, teaser] if page_first else [teaser, page]
    report = Newsroom(store).ingest(items, defer_analysis=True)
    assert report.added == 1
    ((doc,),) = store.db.execute("SELECT doc FROM articles").fetchall()
    assert HEARING[-1] in json.loads(doc)["text"]
    if page_first:
        assert list(report.dropped) == [CUT]
    store.close()


def test_a_teaser_read_for_a_dead_link_is_said_and_is_the_page_s_article_later(tmp_path):
    """An entry whose link cannot be read is stored from its feed's summary: that was said
    nowhere (`errors: 0`); a note names the link now. The page read when it answers is that
    article's newer version, not a second article beside the teaser."""
    from newsmoa.ingest.readers import read_sources

    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    report = room.ingest(read_sources(["https://search.test/rss.xml"], fetcher=_site()))
    assert not report.errors
    assert report.deferred == [
        "https://search.test/rss.xml#2: its link could not be read (https://cheongsol.test/"
        "56.html: cannot fetch: HTTP 404); its feed's summary is read instead"
    ]
    later = room.ingest(
        read_sources(["https://cheongsol.test/56.html"], fetcher=_site(hearing_up=True))
    )
    assert (later.added, later.updated) == (0, 1)
    (doc,) = _read_from(store, "/56.html")
    assert HEARING[-1] in doc["text"]
    again = room.ingest(read_sources(["https://search.test/rss.xml"], fetcher=_site()))
    assert (again.added, again.updated, sum(again.dropped.values())) == (0, 0, 1)  # (the older)
    (doc,) = _read_from(store, "/56.html")
    assert HEARING[-1] in doc["text"]
    store.close()


def test_entries_linking_to_a_sites_front_page_stay_apart(tmp_path):
    """A feed giving each entry its site's front page as its link: an address that names no
    one article, so its entries (told apart by their guids) are not read as one."""
    entries = [
        RawItem(
            f"feed.xml#{n}",
            " ".join(sentences),
            id=f"tag:cheongsol.test,2026:{n}",
            url="https://cheongsol.test/",
            outlet="청솔일보",
        )
        for n, sentences in enumerate((SMART_FARM, HEARING), start=1)
    ]
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    assert room.ingest(entries[:1], defer_analysis=True).added == 1
    assert room.ingest(entries[1:], defer_analysis=True).added == 1
    store.close()


def test_a_short_teaser_of_a_stored_page_read_by_another_route_keeps_the_page(tmp_path):
    """A news search's entry keyed by its own guid, whose summary is a stored page's first
    sentence (too short for a teaser by itself): the page says which article it is, so it is
    that article's opening cut down, not a newer version that blanks it."""
    url = "https://cheongsol.test/56.html"
    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    page = RawItem(url, html=_page("스마트팜 설명회", HEARING), url=url)
    assert room.ingest([page], defer_analysis=True).added == 1
    teaser = RawItem("rss.xml#2", html=HEARING_TEASER, id="tag:search.test:2", url=url)
    report = room.ingest([teaser], defer_analysis=True)
    assert (report.added, report.updated, report.dropped) == (0, 0, {CUT: 1})
    ((doc,),) = store.db.execute("SELECT doc FROM articles").fetchall()
    assert HEARING[-1] in json.loads(doc)["text"]
    store.close()


def test_a_page_read_undated_takes_the_date_its_feed_entry_gives_later(tmp_path):
    """The page read by its URL first (no date on it), its outlet's Atom entry after (the
    same text, dated): one article, now dated. Two articles before, one of them dated."""
    from newsmoa.ingest.readers import read_sources

    store = open_store(str(tmp_path / "s.db"))
    room = Newsroom(store)
    for route in ("https://cheongsol.test/55.html", "https://cheongsol.test/atom.xml"):
        room.ingest(read_sources([route], fetcher=_site()), defer_analysis=True)
    (doc,) = _read_from(store, "/55.html")
    assert doc["published"] == "2026-11-24T10:00:00+09:00"
    store.close()


def test_two_lines_of_an_export_from_one_page_are_one_article_named_as_such(tmp_path):
    """Two crawls' lines for one page (their ids their own, its address written two ways, the
    later one corrected): one article in its later version, and the line dropped says it was
    the same page, not the same id. Two lines with a listing's address and other texts stay
    two articles."""
    url = "https://www.cheongsol.test/news/55?utm_source=naver"
    listing = "https://cheongsol.test/news/list?page=1"
    items = [
        RawItem("x.jsonl:1", " ".join(SMART_FARM[:3]), id="crawl-a-1", url=url),
        RawItem(
            "x.jsonl:2", " ".join(SMART_FARM), id="crawl-b-9", url="http://m.cheongsol.test/news/55"
        ),
        RawItem("x.jsonl:3", " ".join(HEARING), id="crawl-c-3", url=listing),
        RawItem(
            "x.jsonl:4",
            "청솔군 보건소는 26일 독감 예방접종을 시작한다고 밝혔다. 접종은 12월까지 이어진다.",
            id="crawl-c-4",
            url=listing,
        ),
    ]
    store = open_store(str(tmp_path / "s.db"))
    report = Newsroom(store).ingest(items, defer_analysis=True)
    assert report.added == 3
    assert report.dropped_from == [
        "x.jsonl:1: the same page again later in this batch (another route to it), which is kept"
        " (crawl-a-1, in x.jsonl:2)"
    ]
    (doc,) = _read_from(store, "/news/55")
    assert doc["id"] == "crawl-a-1" and SMART_FARM[-1] in doc["text"]
    store.close()
