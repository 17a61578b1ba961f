"""Two processes over one store (two `Newsroom`s over two connections): what one writes while
the other reads outside the write lock, or places a batch, is neither undone nor duplicated.
Each runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import dataclasses

import newsmoa.pipeline as pipeline
from newsmoa import corrections
from newsmoa.pipeline import Newsroom, story_document
from newsmoa.store import open_store
from newsmoa.types import RawItem
from test_pipeline import _items  # events over four days, two to four reports each


def _two(store_url):
    """The generated reports (each id once), and two connections to one store."""
    items = [i for i in _items() if isinstance(i, RawItem) and i.id != "empty"][:-1]
    items.sort(key=lambda i: (i.published, i.id))
    return items, open_store(store_url), open_store(store_url)


def _meanwhile(monkeypatch, act):
    """Run `act` once while a story document is being analysed (Kiwi takes seconds)."""
    real, done = pipeline.split_sentences, []

    def slow(article):
        if not done:
            done.append(act())
        return real(article)

    monkeypatch.setattr(pipeline, "split_sentences", slow)
    return done


def test_showing_a_story_does_not_undo_an_editors_move_made_meanwhile(store_url, monkeypatch):
    items, a, b = _two(store_url)
    Newsroom(a).ingest(items, defer_analysis=True)
    now = a.stories_of(["e00-0", "e05-0"])
    source, target = now["e00-0"], now["e05-0"]
    done = _meanwhile(
        monkeypatch, lambda: corrections.move(Newsroom(b), ["e00-0"], target, defer_analysis=True)
    )
    story_document(a, source)  # analyses the story's articles, the moved one among them
    assert done and a.stories_of(["e00-0"]) == {"e00-0": target}
    assert a.hand_placed(["e00-0"]) == {"e00-0": target}
    a.close(), b.close()


def test_showing_a_story_keeps_a_new_version_stored_meanwhile(store_url, monkeypatch):
    items, a, b = _two(store_url)
    Newsroom(a).ingest(items, defer_analysis=True)
    first = next(i for i in items if i.id == "e00-0")
    fixed = dataclasses.replace(first, text=first.text + "\n정정: 새 문장을 덧붙였다.")
    done = _meanwhile(monkeypatch, lambda: Newsroom(b).ingest([fixed], defer_analysis=True))
    story = a.stories_of(["e00-0"])["e00-0"]
    story_document(a, story)
    (row,) = [r for r in a.story_articles(story) if r.article.id == "e00-0"]
    assert done and "정정" in row.article.text
    assert any("정정" in s.text for s in row.sentences)  # analysed as it now is, not the old
    a.close(), b.close()


def test_a_warm_index_does_not_store_under_an_id_absorbed_meanwhile(store_url):
    """A process holding stories in its index (`watch`) places a reprint into a story that
    another process's re-decision absorbed meanwhile: the batch is placed again, into the
    story it went to, and no listing for the absorbed id comes back."""
    items, w, c = _two(store_url)
    watch = Newsroom(w)
    watch.ingest(items, defer_analysis=True)
    now = w.stories_of(["e00-0", "e01-0"])
    old, new = now["e01-0"], now["e00-0"]
    with c.transaction():  # what another process's merge of the two writes
        c.save_redirects({old: new})
        Newsroom(c).refresh([new])
    first = next(i for i in items if i.id == "e01-0")
    watch.ingest([dataclasses.replace(first, id="reprint", origin="t:r")], defer_analysis=True)
    assert old not in {s["id"] for s in w.story_summaries()}
    assert "reprint" in {r.article.id for r in w.story_articles(new)}
    w.close(), c.close()


def test_the_same_new_article_from_two_processes_is_stored_once(store_url):
    """Two processes ingest one new article at once (`watch` on a folder, `ingest` of a file
    in it): the one that writes second finds it stored and places nothing again; every
    listing counts the articles its story holds."""
    items, a, b = _two(store_url)
    one, two = Newsroom(a), Newsroom(b)
    one.ingest([i for i in items if not i.id.startswith("e01")], defer_analysis=True)
    late = [i for i in items if i.id.startswith("e01")]
    two.ingest([late[0]], defer_analysis=True)
    real, raced = b.known_hashes, []

    def racing(ids):
        got = real(ids)
        if late[1].id in ids and not raced:
            raced.append(one.ingest([late[1]], defer_analysis=True))
        return got

    b.known_hashes = racing
    report = two.ingest([late[1]], defer_analysis=True)
    assert raced and raced[0].added == 1 and (report.added, report.unchanged) == (0, 1)
    for s in a.story_summaries():
        assert s["article_count"] == len(a.story_articles(s["id"])), s
    a.close(), b.close()


def test_a_writer_held_off_by_another_gives_up_after_the_wait_naming_why(store_url, monkeypatch):
    """PostgreSQL waited for ever for the writers' lock (no lock_timeout): a `watch` stood
    still behind a writer stuck in its transaction. Either store gives up after its wait,
    with a `StoreError` that says another process holds the lock (on PostgreSQL, which)."""
    import pytest

    from newsmoa.errors import StoreError
    from newsmoa.store import postgres, sqlite
    from newsmoa.store.base import is_busy

    monkeypatch.setattr(postgres, "LOCK_TIMEOUT_S", 1)
    monkeypatch.setattr(sqlite, "BUSY_TIMEOUT_MS", 1000)
    a, b = open_store(store_url), open_store(store_url)
    with a.transaction(), pytest.raises(StoreError) as raised, b.transaction():
        pass
    said = str(raised.value)
    assert "another process has held the store's write lock for more than 1 s" in said
    assert is_busy(raised.value)
    if store_url.startswith("postgresql"):
        assert "(process " in said and "newsmoa" in said
    with b.transaction():  # once it is free, the other writes
        pass
    a.close(), b.close()
