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
