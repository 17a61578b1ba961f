"""The stores (SQLite, PostgreSQL): round trips, versions, redirects, transactions, listings."""

import itertools
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmoa.errors import StoreError
from newsmoa.store import StoredArticle, open_store
from newsmoa.types import Article, Fact, Sentence, Source


def row(
    aid="a",
    text="시는 예산을 확정했다.",
    story="s1",
    published: datetime | None = datetime(2024, 1, 1, 9, tzinfo=UTC),
    **kw,
):
    article = Article(id=aid, text=text, title="t", outlet="한겨레", published=published, **kw)
    return StoredArticle(
        article=article,
        story=story,
        sentences=(Sentence(aid, 0, len(text), text),),
        facts=(Fact("organization", "시", (Source(aid, 0, 1),)),),
        features=b"\x01\x02",
        signals={"founded": True},
    )


def test_articles_are_found_by_their_text_and_a_redirect_is_revived(store):
    """Both databases: the stored articles holding a text (by its content hash) with their
    outlets; a revived id names a story again, the ids that led through it lead where
    they are sent, or else where they led."""
    unnamed = row("a")
    unnamed = replace(unnamed, article=replace(unnamed.article, outlet=None))
    store.save_articles([unnamed, row("b", story="s2"), row("c", text="다른 기사다.", story="s3")])
    digest = row().article.content_hash
    assert store.holding([digest, "0" * 16]) == {
        digest: [("a", None, False), ("b", "한겨레", False)]
    }
    assert store.outlets_of(["a", "b", "zz"]) == {"a": None, "b": "한겨레"}
    store.save_redirects({"s3": "s2"})
    store.save_redirects({"s2": "s1"})
    store.save_redirects({"s4": "s1"})
    store.repoint({"s2": "s2", "s3": "s1"})
    assert [store.resolve(s) for s in ("s2", "s3", "s4")] == ["s2", "s1", "s1"]
    store.save_redirects({"s2": "s1"})
    store.repoint({"s2": "s2", "s3": "s2", "s4": "s2"})
    assert [store.resolve(s) for s in ("s2", "s3", "s4")] == ["s2", "s2", "s2"]
    # ids that led through a revived one and are not sent elsewhere keep leading there
    store.save_redirects({"s2": "s1"})
    store.repoint({"s2": "s2", "s3": "s2"})
    assert [store.resolve(s) for s in ("s2", "s3", "s4")] == ["s2", "s2", "s1"]


def test_round_trip(store):
    store.save_articles([row()])
    (back,) = store.story_articles("s1")
    assert back.article == row().article and back.sentences == row().sentences
    assert back.facts == row().facts and back.features == b"\x01\x02" and back.version == 1
    assert store.known_hashes(["a", "zz"]) == {"a": row().article.content_hash}


def test_new_text_is_a_new_version(store):
    store.save_articles([row()])
    store.save_articles([row(text="시는 예산을 수정했다.")])
    (back,) = store.story_articles("s1")
    assert back.version == 2 and back.article.text == "시는 예산을 수정했다."
    assert store.db.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 1


def test_redirects_move_articles_and_resolve_chains(store):
    store.save_articles([row("a", story="s1"), row("b", story="s2")])
    store.save_redirects({"s2": "s1"})
    store.save_redirects({"s1": "s0"})
    assert store.resolve("s2") == "s0"
    assert store.redirects_into("s0") == ["s1", "s2"] and store.redirects_into("s1") == ["s2"]
    assert {r.article.id for r in store.story_articles("s0")} == {"a", "b"}


def test_moved_articles_carry_their_new_story_and_signals(store):
    store.save_articles([row("a", story="s1"), row("b", story="s1")])
    store.move_articles({"b": ("s2", {"score": 0.5, "reclustered": True})})
    assert store.stories_of(["a", "b"]) == {"a": "s1", "b": "s2"}
    (moved,) = store.story_articles("s2")
    assert moved.article.id == "b" and moved.signals == {"score": 0.5, "reclustered": True}
    assert store.signals_of(["b", "zz"]) == {"b": {"score": 0.5, "reclustered": True}}
    assert moved.version == 1  # the same text: not a new version


def test_story_sizes_count_articles_stored_under_an_absorbed_id(store):
    store.save_articles([row("a", story="s1"), row("b", story="s2")])
    store.save_redirects({"s2": "s1"})
    store.save_articles([row("c", story="s2")])  # a writer that had not seen the merge
    assert store.story_sizes(["s1", "s9"]) == {"s1": 3}
    assert store.story_id_known("s2") and store.story_id_known("s1")
    assert not store.story_id_known("s9")
    assert store.story_ids_known(["s1", "s2", "s9"]) == {"s1", "s2"}


def test_a_redirect_to_a_story_absorbed_meanwhile_goes_to_where_it_went(store):
    """A writer that saw stale state redirects s1 -> s2, which another absorbed into s3: the
    articles, and the editor's pin on them, go to s3, not to an id nothing lists."""
    store.save_articles([row("a", story="s1"), row("b", story="s2"), row("c", story="s3")])
    store.place_by_hand({"a": "s1"})
    store.save_redirects({"s2": "s3"})
    store.save_redirects({"s1": "s2"})
    assert store.resolve("s1") == "s3" and store.redirects_into("s3") == ["s1", "s2"]
    assert {r.article.id for r in store.story_articles("s3")} == {"a", "b", "c"}
    assert store.hand_stories(["s3"]) == {"s3"}
    with pytest.raises(StoreError):  # s3 -> s1 leads back to s3
        store.save_redirects({"s3": "s1"})


def test_a_redirect_cycle_is_refused(store):
    store.save_articles([row("a", story="s1"), row("b", story="s2")])
    store.save_redirects({"s2": "s1"})
    with pytest.raises(StoreError):
        store.save_redirects({"s1": "s2"})
    assert store.resolve("s2") == "s1" and store.resolve("s1") == "s1"


def test_newest_time_counts_undated_articles_at_the_time_they_were_given(store):
    """`newest_time`: the latest article time of any kind, dated or placed at its batch's
    time (where the windows of `newsmoa doubts` and `recluster --days` end)."""
    assert store.newest_time() is None
    store.save_articles([row("a")])
    assert store.newest_time() == datetime(2024, 1, 1, 9, tzinfo=UTC)
    before = datetime.now(UTC)
    store.save_articles([row("u", published=None)])  # its time: when it was saved
    assert store.newest_time() >= before.replace(microsecond=0)
    # of the dated ones only: where the doubts' default window ends (`review`)
    assert store.newest_time(dated=True) == datetime(2024, 1, 1, 9, tzinfo=UTC)
    assert store.newest_time(datetime(2023, 1, 1, tzinfo=UTC), dated=True) is None


def test_every_article_has_a_time(store):
    """An article's time is its publication time, or the one the pipeline gave it, or, given
    neither, the time it was saved; windows of the story index are read by it."""
    jan5 = datetime(2024, 1, 5, tzinfo=UTC).timestamp()
    before = datetime.now(UTC).timestamp()
    store.save_articles(
        [row("a"), replace(row("u", published=None), time=jan5), row("n", published=None)]
    )
    after = datetime.now(UTC).timestamp()
    times = store.article_times(["a", "u", "n", "zz"])
    assert times["a"] == datetime(2024, 1, 1, 9, tzinfo=UTC).timestamp() and times["u"] == jan5
    assert before <= times["n"] <= after and set(times) == {"a", "u", "n"}
    lo, hi = datetime(2024, 1, 4, tzinfo=UTC), datetime(2024, 1, 6, tzinfo=UTC)
    assert [(e[0], e[3]) for e in store.index_entries(lo, hi)] == [("u", jan5)]
    assert {e[0] for e in store.index_entries(None, None)} == {"a", "u", "n"}
    assert [(r.article.id, r.time) for r in store.story_articles("s1")] == [
        ("a", times["a"]),
        ("u", jan5),
        ("n", times["n"]),
    ]
    store.save_articles([row("u", published=None, text="고쳐 쓴 본문.")])  # a new version
    assert store.article_times(["u"]) == {"u": jan5}  # keeps its place


def test_features_before_gives_the_latest_articles_before_a_time(store):
    """What a small store's story index counts its terms over (`pipeline.DF_SAMPLE`)."""
    days = [datetime(2024, 1, d, tzinfo=UTC) for d in (1, 2, 3, 4)]
    store.save_articles([row(f"a{n}", published=t) for n, t in enumerate(days)])
    got = store.features_before(days[3], 2)
    assert [aid for aid, _ in got] == ["a2", "a1"] and got[0][1] == b"\x01\x02"
    assert [aid for aid, _ in store.features_before(days[0], 5)] == []


def test_the_queue_of_unsettled_articles(store, store_url):
    """Queued once each, listed with the article's current time (a new version may change
    it) oldest first, taken off by id or all at once; another connection sees it."""
    store.save_articles([row("a"), row("b"), row("u")])
    store.save_articles([row("b", published=datetime(2024, 1, 3, tzinfo=UTC))])
    dec = datetime(2023, 12, 30, tzinfo=UTC).timestamp()
    store.save_articles([replace(row("u", published=None), time=dec)])
    store.mark_unsettled(["b", "a", "u"])
    store.mark_unsettled(["a"])
    jan1 = datetime(2024, 1, 1, 9, tzinfo=UTC).timestamp()
    jan3 = datetime(2024, 1, 3, tzinfo=UTC).timestamp()
    assert store.unsettled() == [("u", dec), ("a", jan1), ("b", jan3)]
    store.settle(["a", "not-queued"])
    other = open_store(store_url)
    assert other.unsettled() == store.unsettled() == [("u", dec), ("b", jan3)]
    other.close()
    store.settle(None)
    assert store.unsettled() == []


def test_failed_transaction_keeps_what_was_stored(store):
    store.save_articles([row("a")])
    with pytest.raises(RuntimeError), store.transaction():
        store.save_articles([row("b")])
        raise RuntimeError("crash mid-batch")
    assert set(store.known_hashes(["a", "b"])) == {"a"}


def test_not_a_database(tmp_path):
    from newsmoa.errors import StoreError

    bad = tmp_path / "x.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="x.db"):
        open_store(str(bad))


@settings(max_examples=25, deadline=None)
@given(text=st.text(min_size=1, max_size=200), outlet=st.one_of(st.none(), st.text(max_size=20)))
def test_any_article_round_trips_in_sqlite(tmp_path_factory, text, outlet):
    store = open_store(str(tmp_path_factory.mktemp("h") / "h.db"))
    article = Article(id="x", text=text, outlet=outlet)
    store.save_articles([StoredArticle(article=article, story="s")])
    (back,) = store.story_articles("s")
    assert back.article == article
    store.close()


# readers drop NUL (PostgreSQL text cannot hold it) and refuse half a surrogate pair
_NO_NUL = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))


def test_any_article_round_trips_in_postgres(pg_url):
    store = open_store(pg_url)
    stories = itertools.count()

    @settings(max_examples=25, deadline=None)
    @given(
        text=st.text(min_size=1, max_size=200),
        outlet=st.one_of(st.none(), st.text(_NO_NUL, max_size=20)),
    )
    def check(text, outlet):
        story = f"s{next(stories)}"
        article = Article(id=story, text=text, outlet=outlet)
        store.save_articles([StoredArticle(article=article, story=story)])
        (back,) = store.story_articles(story)
        assert back.article == article
        assert store.story_listings([story])[story][0].outlet == outlet

    check()
    store.close()


def test_story_listings_are_the_story_articles_without_their_text(store):
    from dataclasses import replace

    store.save_articles([row("c"), row("a"), row("b", story="s2")])
    got = store.story_listings(["s1", "nope", "s2", "s1"])
    assert got["s1"] == [replace(r.article, text="") for r in store.story_articles("s1")]
    assert [a.id for a in got["s1"]] == ["a", "c"] and list(got) == ["s1", "s2"]


def test_story_summaries_saved_at_once_are_listed(store):
    rows = [{"id": f"s{i}", "title": "t", "first_published": f"2024-01-0{i}T00:00:00+00:00",
             "outlets": ["한겨레"], "article_count": i} for i in (1, 2)]  # fmt: skip
    store.save_story_summaries(rows)
    assert store.story_summaries() == rows[::-1] and store.story_doc("s1") is None


def test_stories_of_many_articles_follows_redirect_chains(store):
    store.save_articles([row(f"a{i}", story=f"s{i % 3}") for i in range(12)])
    store.save_redirects({"s1": "s0"})
    store.save_redirects({"s0": "s2", "s9": "s9x"})
    assert store.stories_of([f"a{i}" for i in range(12)] + ["nope"]) == {
        f"a{i}": "s2" for i in range(12)
    }
    assert store.stories_of(["a1"]) == {"a1": "s2"}
    assert store.redirects_from(["s1", "s7"]) == {"s1": "s0", "s0": "s2"}  # by key, chains
    assert store.redirects_from(["s2"]) == {}


def test_opening_a_store_does_not_wait_for_a_writer(store_url):
    """A reader (a web request) opens the store while an ingest holds the write lock."""
    from newsmoa.store import open_store

    writer = open_store(store_url)
    with writer.transaction():
        writer.save_articles([row("w")])
        reader = open_store(store_url)
        assert reader.counts()["articles"] == 0  # not committed yet
        reader.close()
    writer.close()


def test_an_old_sqlite_store_is_upgraded_once_by_processes_opening_it_at_once(tmp_path):
    """A store of the schema before the queue (version 2) with an article in it, opened by
    four connections at the same moment: each opens it, the upgrade happens once (in one
    transaction under the write lock), and the article is still there; an undated one takes
    the time it was ingested (its story has no dated article)."""
    import sqlite3
    import threading

    from newsmoa.store.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    old = open_store(str(path))
    old.save_articles([row("a"), row("u", published=None, story="s9")])
    old.close()
    db = sqlite3.connect(path, isolation_level=None)
    for table in ("unsettled", "hand_placed", "corrections"):
        db.execute(f"DROP TABLE {table}")
    _stories_by_text(db)
    db.execute("ALTER TABLE articles RENAME COLUMN time_ts TO published_ts")
    db.execute("UPDATE articles SET published_ts = NULL, ingested_at = ? WHERE id = 'u'", (NOON,))
    db.execute("PRAGMA user_version = 2")
    db.close()
    start, errors, opened = threading.Barrier(4), [], []

    def open_it():
        start.wait()
        try:
            opened.append(open_store(str(path)))
        except Exception as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(opened) == 4
    assert opened[0].db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert opened[0].known_hashes(["a"]) and opened[0].unsettled() == []
    assert opened[0].corrections_made() == 0
    assert opened[0].article_times(["a", "u"]) == {
        "a": datetime(2024, 1, 1, 9, tzinfo=UTC).timestamp(),
        "u": datetime(2024, 2, 1, 12, 0, 0, 250000, tzinfo=UTC).timestamp(),
    }
    for store in opened:
        store.close()


NOON = "2024-02-01T12:00:00.250Z"  # ingested_at as the store writes it


def _reopened_from(store, store_url, version):
    """Mark the store as of schema `version` (SQLite's numbering; PostgreSQL's steps are one
    fewer), close it and open it again: the steps after `version` run."""
    if store_url.startswith("postgres"):
        store.db.execute(f"DELETE FROM newsmoa_schema WHERE version >= {version}")
    else:
        store.db.execute(f"PRAGMA user_version = {version}")
    store.close()
    return open_store(store_url)


def _without_url_keys(db) -> None:
    """Undo the last step on either database: the articles' addresses as keys."""
    db.execute("DROP INDEX articles_url_key")
    db.execute("ALTER TABLE articles DROP COLUMN url_key")


def _without_search(db) -> None:
    """Undo the steps from the search on, on either database: the articles' words as
    searched, and their index (SQLite's goes with its triggers; PostgreSQL's with the
    table), then the addresses' keys (`_without_url_keys`)."""
    _without_url_keys(db)
    db.execute("DROP TABLE IF EXISTS article_search")
    db.execute("DROP TABLE article_text")


def _without_stamps(db) -> None:
    """Undo the steps from the one before the last on, on either database: stored analyses
    and documents record the stamp of the code that derived them (`_without_search`)."""
    _without_search(db)
    db.execute("ALTER TABLE articles DROP COLUMN analysed_with")
    db.execute("ALTER TABLE stories DROP COLUMN analysed_with")


def _stories_by_text(db) -> None:
    """Undo the steps from stories listed by the number of their time on, on either
    database: articles found by their text's hash, articles' sources, stories listed by
    the number of their time, and the stamps of analyses (`_without_stamps`)."""
    _without_stamps(db)
    db.execute("DROP INDEX articles_content_hash")
    db.execute("DROP INDEX articles_source")
    db.execute("ALTER TABLE articles DROP COLUMN source")
    db.execute("DROP INDEX stories_first_ts")
    db.execute("ALTER TABLE stories DROP COLUMN first_ts")
    db.execute("CREATE INDEX stories_first_published ON stories(first_published)")


def test_a_stored_text_is_found_again_by_its_hash_taken_over_its_words(store, store_url):
    """The last migration on either database: a text's hash no longer depends on where its
    lines break (`content_hash`), and every hash stored before, of articles and of their
    older versions, is taken again from its text, so that the text read again, however
    wrapped, finds the article that holds it."""
    import hashlib

    from newsmoa.text.normalize import content_hash, normalize

    first, edited = "시는 예산을\n확정했다.", "시는 예산을\n다시 확정했다."
    store.save_articles([row("a", text=first)])
    store.save_articles([row("a", text=edited), row("b", text="다른 기사다.")])
    old_hash = {t: hashlib.sha1(normalize(t).encode()).hexdigest()[:16] for t in (first, edited)}
    assert old_hash[first] != content_hash(first)
    for table, text in (("articles", edited), ("article_versions", first)):
        store.db.execute(
            store._sql(f"UPDATE {table} SET content_hash = ? WHERE id = 'a'"), (old_hash[text],)
        )
    _without_stamps(store.db)
    upgraded = _reopened_from(store, store_url, 9)
    rewrapped = content_hash("시는 예산을 다시\n확정했다.")
    assert upgraded.known_hashes(["a", "b"]) == {
        "a": rewrapped,
        "b": content_hash("다른 기사다."),
    }
    assert [held[0] for held in upgraded.holding([rewrapped])[rewrapped]] == ["a"]
    versions = upgraded.db.execute("SELECT content_hash FROM article_versions").fetchall()
    assert [v[0] for v in versions] == [content_hash("시는 예산을 확정했다.")]
    upgraded.close()


def test_an_undated_article_of_an_old_store_takes_the_time_it_was_ingested(store, store_url):
    """The last migration on either database: `published_ts` becomes `time_ts`, and an
    article stored without a time takes the earliest time of its story's dated articles,
    else its `ingested_at`."""
    store.save_articles(
        [row("a"), row("b", published=datetime(2024, 1, 2, tzinfo=UTC)), row("u", published=None)]
    )
    store.save_articles([row("v", published=None, story="s2")])
    db = store.db
    db.execute("ALTER TABLE articles RENAME COLUMN time_ts TO published_ts")
    db.execute(
        store._sql(
            "UPDATE articles SET published_ts = NULL, ingested_at = ? WHERE id IN ('u', 'v')"
        ),
        (NOON,),
    )
    db.execute("DROP TABLE hand_placed")  # and the later steps' tables and columns
    db.execute("DROP TABLE corrections")
    db.execute("DROP INDEX unsettled_time")
    db.execute("ALTER TABLE unsettled DROP COLUMN time_ts")
    _stories_by_text(db)
    upgraded = _reopened_from(store, store_url, 3)
    jan1 = datetime(2024, 1, 1, 9, tzinfo=UTC).timestamp()
    assert upgraded.article_times(["a", "u", "v"]) == {
        "a": jan1,
        "u": jan1,
        "v": datetime(2024, 2, 1, 12, 0, 0, 250000, tzinfo=UTC).timestamp(),
    }
    upgraded.close()


def test_a_store_a_newer_newsmoa_upgraded_is_refused(store, store_url):
    """Its schema may have moved what this code reads: a clear error naming the store, not a
    failing query later."""
    if store_url.startswith("postgres"):
        store.db.execute("INSERT INTO newsmoa_schema (version) VALUES (99)")
    else:
        store.db.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="version 99, newer than this newsmoa"):
        open_store(store_url)
    if store_url.startswith("postgres"):
        store.db.execute("DELETE FROM newsmoa_schema WHERE version = 99")


def test_a_snapshot_reads_one_state_while_another_writer_commits(store, store_url):
    store.save_articles([row("a")])
    other = open_store(store_url)
    with store.snapshot():
        assert set(store.known_hashes(["a", "b"])) == {"a"}
        other.save_articles([row("b")])  # committed by another connection meanwhile
        assert set(store.known_hashes(["a", "b"])) == {"a"}
        assert store.unsettled_among(["a", "b"]) == set()
    assert set(store.known_hashes(["a", "b"])) == {"a", "b"}
    other.mark_unsettled(["b"])
    assert store.unsettled_among(["a", "b"]) == {"b"}
    other.close()


def test_articles_placed_by_hand_and_the_log_of_corrections(store):
    store.save_articles([row("a", story="s1"), row("b", story="s1"), row("c", story="s2")])
    assert store.corrections_made() == 0 and store.hand_placed(["a", "b"]) == {}
    with store.transaction():
        assert store.log_correction("split", {"story": "s1", "articles": ["b"]}) == 1
        store.place_by_hand({"a": "s1", "b": "s3"})
    assert store.log_correction("merge", {"story": "s2", "merged": ["s1"]}) == 2
    store.save_redirects({"s1": "s2"})  # a placement follows its story's merge
    assert store.hand_placed(["a", "b", "c", "zz"]) == {"a": "s2", "b": "s3"}
    assert store.hand_stories(["s1", "s2", "s3", "s9"]) == {"s2", "s3"}
    store.place_by_hand({"b": "s2"})
    store.release(["a"])
    assert store.hand_placed(["a", "b"]) == {"b": "s2"}
    log = store.corrections()
    assert [(c["n"], c["action"]) for c in log] == [(1, "split"), (2, "merge")]
    assert log[0]["articles"] == ["b"] and log[1]["merged"] == ["s1"]
    assert datetime.fromisoformat(log[1]["at"]) >= datetime.fromisoformat(log[0]["at"])
    assert store.corrections_made() == 2


def test_a_correction_that_fails_leaves_no_line_in_the_log(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.log_correction("move", {"articles": ["a"]})
        store.place_by_hand({"a": "s1"})
        raise RuntimeError("the correction could not be made")
    assert store.corrections_made() == 0 and store.hand_placed(["a"]) == {}


def test_the_queue_keeps_each_articles_time_and_an_old_queue_takes_them(store, store_url):
    """The queue is read oldest first by an index, at most `limit` (an archive can queue a
    million); a queue of the schema before it takes its articles' times, and one whose
    article is not stored goes."""
    store.save_articles([row("a"), row("b", published=datetime(2024, 1, 2, tzinfo=UTC))])
    store.mark_unsettled(["b", "a", "nowhere"])  # an id not stored is not queued
    jan1, jan2 = (datetime(2024, 1, d, 9 * (d == 1), tzinfo=UTC).timestamp() for d in (1, 2))
    assert store.unsettled() == [("a", jan1), ("b", jan2)]
    assert store.unsettled(1) == [("a", jan1)]
    db = store.db
    db.execute("DROP INDEX unsettled_time")  # the queue as it was: ids only
    db.execute("ALTER TABLE unsettled DROP COLUMN time_ts")
    db.execute("INSERT INTO unsettled (id) VALUES ('gone')")
    _stories_by_text(db)  # and the step after it
    upgraded = _reopened_from(store, store_url, 5)
    assert upgraded.unsettled() == [("a", jan1), ("b", jan2)]
    upgraded.close()


def test_stories_are_listed_by_the_time_of_their_first_article(store, store_url):
    """Newest first by the time itself, whatever offset it is written in; an old store's
    stories take it from their text."""
    rows = [
        {"id": "s1", "title": "서울", "first_published": "2024-05-04T08:00:00+09:00"},  # 23:00Z
        {"id": "s2", "title": "London", "first_published": "2024-05-04T06:00:00.500000+00:00"},
        {"id": "s4", "title": "London", "first_published": "2024-05-04T06:00:00.250000+00:00"},
        {"id": "s5", "title": "Seoul, 1900", "first_published": "1900-01-01T09:00:00+08:27:52"},
        {"id": "s3", "title": "undated", "first_published": None},
    ]
    store.save_story_summaries([{**r, "article_count": 1, "outlets": []} for r in rows])
    assert [r["id"] for r in store.story_summaries()] == ["s2", "s4", "s1", "s5", "s3"]
    db = store.db
    _stories_by_text(db)
    upgraded = _reopened_from(store, store_url, 6)
    # to the microsecond, and an offset with seconds (old Seoul time) too
    assert [r["id"] for r in upgraded.story_summaries()] == ["s2", "s4", "s1", "s5", "s3"]
    upgraded.close()


def test_a_failed_transaction_raises_its_own_error_and_the_store_goes_on(store):
    """When the database already ended the transaction (SQLite does on some I/O errors),
    the ROLLBACK that follows fails too; the error raised is the first one, and the next
    transaction starts as usual."""
    with pytest.raises(ValueError, match="the first error"), store.transaction():
        store.save_articles([row("a")])
        store.db.execute("ROLLBACK")  # the database ended it
        raise ValueError("the first error")
    with store.transaction():
        store.save_articles([row("b")])
    assert set(store.known_hashes(["a", "b"])) == {"b"}


def test_the_articles_read_from_a_file_and_an_old_store_without_sources(store, store_url):
    """`read_from` gives, per local file, the articles stored from it (as they are now);
    a version saved without a source (read from elsewhere) keeps the one it had; an old
    store gains the column, its articles with none."""
    store.save_articles([replace(row("a"), source="/in/a.txt"), row("b")])
    store.save_articles([replace(row("c", text="군은 새 길을 냈다."), source="/in/a.txt")])
    store.save_articles([row("a", text="시는 예산을 고쳤다.")])  # no source: keeps its own
    got = store.read_from(["/in/a.txt", "/in/none.txt"])
    assert list(got) == ["/in/a.txt"]
    assert [(x.id, x.text) for x in got["/in/a.txt"]] == [
        ("a", "시는 예산을 고쳤다."),
        ("c", "군은 새 길을 냈다."),
    ]
    assert store.sources_of(["a", "b", "c", "zz"]) == {"a": "/in/a.txt", "c": "/in/a.txt"}
    (back, *_) = store.story_articles("s1")
    assert back.source == "/in/a.txt"
    db = store.db
    _stories_by_text(db)
    upgraded = _reopened_from(store, store_url, 6)
    assert upgraded.read_from(["/in/a.txt"]) == {} and upgraded.sources_of(["a"]) == {}
    upgraded.save_articles([replace(row("d"), source="/in/d.txt")])
    assert [x.id for x in upgraded.read_from(["/in/d.txt"])["/in/d.txt"]] == ["d"]
    upgraded.close()


def test_a_story_changes_when_its_listing_does_not_when_its_document_is_built(store):
    """Both databases: `changed_at` moves when an article (an outlet) joins the story, not
    when the same listing is written again with its document (built for a first reader)."""
    import time

    summary = {"id": "s1", "title": "군 협약", "first_published": None, "article_count": 1,
               "outlets": ["한겨레"]}  # fmt: skip
    store.save_story_summary(summary)
    first = store.changed_at(["s1", "nope"])
    assert set(first) == {"s1"}
    time.sleep(0.01)
    store.save_story({**summary, "sentences": []})  # the same listing, with its document
    assert store.changed_at(["s1"]) == first
    time.sleep(0.01)
    store.save_story_summary({**summary, "article_count": 2, "outlets": ["한겨레", "경향"]})
    assert store.changed_at(["s1"])["s1"] > first["s1"]


def test_what_other_code_derived_reads_as_not_derived_yet(store):
    """Both databases: an article's sentences and facts and a story's document record the
    stamp of the code that derived them (`newsmoa.stamp`); under another stamp (a store
    kept across an upgrade) they read as not derived, and newsmoa derives them again when
    next needed. Before, an upgraded newsmoa showed an old story's old facts for as long as
    no article joined it. An analysis saved again takes the current stamp."""
    from newsmoa.stamp import analysis_stamp

    summary = {"id": "s1", "title": "군 협약", "first_published": None, "article_count": 1,
               "outlets": ["한겨레"]}  # fmt: skip
    store.save_articles([row("a")])
    store.save_story({**summary, "sentences": []})
    stamps = store.db.execute("SELECT analysed_with FROM articles").fetchall()
    assert [s[0] for s in stamps] == [analysis_stamp()]
    assert store.story_doc("s1") is not None and store.story_articles("s1")[0].facts
    for table in ("articles", "stories"):
        store.db.execute(store._sql(f"UPDATE {table} SET analysed_with = ?"), ("0123456789abcdef",))
    assert store.story_doc("s1") is None
    (stale,) = store.story_articles("s1")
    assert stale.sentences is None and stale.facts is None
    store.save_analysis([row("a")])
    assert store.story_articles("s1")[0].facts == row("a").facts
    store.save_story_summary(summary)  # a listing without its document has no stamp
    assert store.db.execute("SELECT analysed_with FROM stories").fetchall() == [(None,)]


def test_another_programs_sqlite_file_is_refused_before_anything_is_written(tmp_path):
    """A review's cases: a program that numbers its schema (`user_version` 5, 12, 40) was
    opened as an old, current or newer store (its journal switched to WAL, and `ingest`
    failing on tables that are not there); newsmoa's tables restored from a dump, without
    their version, were called another program's."""
    import sqlite3

    for version in (0, 5, 12, 40):
        path = tmp_path / f"notes-{version}.db"
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE notes (body TEXT)")
            db.execute(f"PRAGMA user_version = {version}")
        before = path.read_bytes()
        with pytest.raises(StoreError, match="another program's tables \\(notes\\)"):
            open_store(str(path))
        assert path.read_bytes() == before, version
    made = tmp_path / "made.db"
    open_store(str(made)).close()
    restored = tmp_path / "restored.db"
    with sqlite3.connect(made) as db, sqlite3.connect(restored) as copy:
        copy.executescript("\n".join(db.iterdump()))  # (iterdump keeps no user_version)
    with pytest.raises(StoreError, match="newsmoa's tables but no schema version"):
        open_store(str(restored))
    open_store(str(made)).close()  # newsmoa's own store, at its version, opens


def test_a_news_readers_articles_and_stories_tables_are_not_taken_for_a_store(tmp_path):
    """Another program's file with tables named as newsmoa's (a news reader's `articles`
    and `stories` at its schema version 3) was opened as a store at version 3 and
    migrated; so was one with all of newsmoa's first tables but marked by its own program
    (`application_id`). A store newsmoa makes is marked newsmoa's."""
    import sqlite3

    from newsmoa.store.migrations import APPLICATION_ID, OWN_TABLES

    reader = tmp_path / "reader.db"
    with sqlite3.connect(reader) as db:
        db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)")
        db.execute("CREATE TABLE stories (id INTEGER PRIMARY KEY, title TEXT)")
        db.execute("PRAGMA user_version = 3")
    marked = tmp_path / "marked.db"
    with sqlite3.connect(marked) as db:
        for table in sorted(OWN_TABLES):
            db.execute(f"CREATE TABLE {table} (id TEXT)")
        db.execute("PRAGMA user_version = 3")
        db.execute("PRAGMA application_id = 1")
    for path in (reader, marked):
        before = path.read_bytes()
        with pytest.raises(StoreError, match="another program's tables"):
            open_store(str(path))
        assert path.read_bytes() == before, path.name
    made = tmp_path / "made.db"
    open_store(str(made)).close()
    with sqlite3.connect(made) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    open_store(str(made)).close()


def test_articles_are_found_by_the_address_they_were_read_from(store):
    """Both databases: the stored articles read from a page, by its address as `url_key`
    gives it (tracking parameters, `m.` and `http` left out), whatever id they were stored
    under (a feed's `tag:` guid, the page's own URL): the same page reached by another route
    is found as the article it is (`pipeline.same_page_ids`)."""
    tagged = row("tag:news.test,2026:55", url="https://news.test/55.html?utm_source=rss")
    page = row("https://news.test/55.html", url="http://m.news.test/55.html", story="s2")
    other = row("b", text="다른 기사다.", url="https://news.test/56.html", story="s3")
    store.save_articles([tagged, page, other, row("c", text="주소 없는 기사다.", story="s4")])
    assert store.ids_by_url(["https://news.test/55.html", "https://news.test/57.html"]) == {
        "https://news.test/55.html": [
            ("https://news.test/55.html", "한겨레"),
            ("tag:news.test,2026:55", "한겨레"),
        ]
    }


def test_a_store_from_before_addresses_were_kept_finds_its_articles_by_them(store, store_url):
    """An older store (before `url_key`): its articles' addresses are read from their
    documents when it is upgraded."""
    store.save_articles([row("tag:news.test,2026:55", url="https://news.test/55.html?fbclid=x")])
    _without_url_keys(store.db)
    if store_url.startswith("postgres"):
        store.db.execute("DELETE FROM newsmoa_schema WHERE version >= 16")
    else:
        store.db.execute("PRAGMA user_version = 17")
    store.close()
    upgraded = open_store(store_url)
    assert upgraded.ids_by_url(["https://news.test/55.html"]) == {
        "https://news.test/55.html": [("tag:news.test,2026:55", "한겨레")]
    }
    upgraded.close()
