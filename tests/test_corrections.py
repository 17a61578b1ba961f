"""An editor's corrections (`newsmoa.corrections`) hold against every automatic decision:
re-decisions of the window, the running index, new reports."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmoa import pipeline
from newsmoa.corrections import confirm, editor_name, merge, move, release, split
from newsmoa.errors import NotFound, Refused
from newsmoa.pipeline import Newsroom
from newsmoa.review import doubts
from newsmoa.serve.cli import cli
from newsmoa.store import open_store
from newsmoa.types import RawItem

_spec = importlib.util.spec_from_file_location(
    "pipeline_cases", Path(__file__).parent / "test_pipeline.py"
)
cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cases)


def _reports(event: int, n: int, first: int = 0, *, at: float | None = None) -> list[RawItem]:
    """Reports `first`..`n - 1` of one made-up event (its own rare words), an hour apart
    from `at` hours after `cases.T0` (default: 4 hours for each event number)."""
    start = 4 * event if at is None else at
    words, sentences = cases.event_text(random.Random(event))
    out = []
    for k in range(n):
        body = sentences[:]
        random.Random(100 * event + k).shuffle(body)
        if k >= first:
            out.append(
                RawItem(
                    origin=f"e{event}-{k}",
                    id=f"e{event}-{k}",
                    title=f"{words[0]} {words[1]} {cases.NOUNS[event % 12]}",
                    outlet=f"신문{k}",
                    published=(cases.T0 + timedelta(hours=start + k)).isoformat(),
                    text="\n".join(body[:6]),
                )
            )
    return out


@pytest.fixture
def room(tmp_path):
    store = open_store(str(tmp_path / "c.db"))
    yield Newsroom(store)
    store.close()


def _stories(room: Newsroom, ids: list[str]) -> dict[str, str]:
    return room.store.stories_of(ids)


def test_a_split_holds_against_new_reports_and_re_decisions(room):
    room.ingest(_reports(1, 4), defer_analysis=True)
    ids = [f"e1-{k}" for k in range(4)]
    (story,) = set(_stories(room, ids).values())
    done = split(room, story, ["e1-2", "e1-3"], by=" 편집국 김기자 ", defer_analysis=True)
    new = done.story
    (logged,) = room.store.corrections()
    assert logged["by"] == "편집국 김기자" and logged["into"] == new
    assert done.moved == ("e1-2", "e1-3") and done.stories == (story, new)
    assert sorted(done.hand) == ids  # both parts: the editor said where each belongs
    want = {"e1-0": story, "e1-1": story, "e1-2": new, "e1-3": new}
    # a fifth report links to both parts (scores over the merge threshold with each)
    report = room.ingest(_reports(1, 5, first=4), defer_analysis=True, recluster=True)
    assert report.merged_stories == 0 and report.reclustered is not None
    assert _stories(room, ids) == want
    room.recluster(defer_analysis=True)  # everything, as one batch
    assert _stories(room, ids) == want
    assert _stories(room, ["e1-4"])["e1-4"] in (story, new)


def test_a_merge_holds_and_the_absorbed_id_leads_to_it(room):
    room.ingest([*_reports(1, 3), *_reports(2, 3)], defer_analysis=True)
    one, two = room.store.stories_of(["e1-0", "e2-0"]).values()
    assert one != two
    done = merge(room, two, [one], defer_analysis=True)
    assert done.story == two and done.absorbed == (one,)
    assert sorted(done.moved) == ["e1-0", "e1-1", "e1-2"]
    assert room.store.resolve(one) == two
    room.recluster(defer_analysis=True)
    ids = [f"e{e}-{k}" for e in (1, 2) for k in range(3)]
    assert set(_stories(room, ids).values()) == {two}
    room.ingest(_reports(1, 4, first=3), defer_analysis=True, recluster=True)
    assert _stories(room, ["e1-3"]) == {"e1-3": two}  # a new report joins the merged story


def test_a_split_undoing_a_merge_gives_the_absorbed_id_back_to_its_articles(room):
    """A mistaken merge undone by a split: the part holding the absorbed story's founder is
    that story again, under its own id, so a link to it leads to its articles and not to the
    story that took them in (before: a new id, and the old one led to the wrong story). A
    part split off, merged back and split off again keeps its first id (before: "-2")."""
    room.ingest([*_reports(1, 3), *_reports(2, 3)], defer_analysis=True)
    one, two = room.store.stories_of(["e1-0", "e2-0"]).values()
    merge(room, two, [one], defer_analysis=True)
    assert room.store.resolve(one) == two
    done = split(room, two, ["e1-1", "e1-0", "e1-2"], defer_analysis=True)
    assert done.story == one and room.store.resolve(one) == one
    assert room.store.corrections()[-1]["revived"] is True
    assert set(_stories(room, ["e1-0", "e1-1", "e1-2"]).values()) == {one}
    assert set(_stories(room, ["e2-0", "e2-1", "e2-2"]).values()) == {two}
    part = split(room, two, ["e2-2"], defer_analysis=True).story
    assert "revived" not in room.store.corrections()[-1]
    merge(room, two, [part], defer_analysis=True)
    assert split(room, two, ["e2-2"], defer_analysis=True).story == part
    room.ingest(_reports(1, 4, first=3), defer_analysis=True, recluster=True)
    assert _stories(room, ["e1-3"]) == {"e1-3": one}  # its new report finds it


def test_ids_that_led_through_a_revived_story_lead_where_their_articles_are(room):
    """Z merged into X, X into S: splitting X's articles out revives X, and Z, whose
    articles stay in S, leads to S (before: to X, which holds none of them). Two absorbed
    stories split out together: the part is the earlier founder's, and the other id leads
    to it."""
    room.ingest([*_reports(1, 3), *_reports(2, 3), *_reports(3, 3)], defer_analysis=True)
    z, x, s = room.store.stories_of(["e1-0", "e2-0", "e3-0"]).values()
    merge(room, x, [z], defer_analysis=True)
    merge(room, s, [x], defer_analysis=True)
    assert split(room, s, ["e2-0", "e2-1", "e2-2"], defer_analysis=True).story == x
    assert (room.store.resolve(x), room.store.resolve(z)) == (x, s)
    assert set(_stories(room, ["e1-0", "e1-1", "e1-2"]).values()) == {s}
    merge(room, s, [x], defer_analysis=True)
    both = ["e1-0", "e1-1", "e1-2", "e2-0", "e2-1", "e2-2"]
    assert split(room, s, both, defer_analysis=True).story == z  # e1 is the earlier event
    assert (room.store.resolve(x), room.store.resolve(z)) == (z, z)
    assert set(_stories(room, both).values()) == {z}


def test_every_id_merged_in_leads_to_where_its_founding_article_went(room):
    """After a split or a move, each id merged into the stories it changes leads to the
    story holding the article it was made from: through any chain of merges, for a
    suffixed id, and for articles moved to another story."""
    room.ingest([*(r for e in (1, 2, 3, 4) for r in _reports(e, 3))], defer_analysis=True)
    x, y, z, s = room.store.stories_of(["e1-0", "e2-0", "e3-0", "e4-0"]).values()
    merge(room, y, [z], defer_analysis=True)
    merge(room, s, [y, x], defer_analysis=True)
    both = ["e1-0", "e1-1", "e1-2", "e2-0", "e2-1", "e2-2"]
    assert split(room, s, both, defer_analysis=True).story == x
    assert [room.store.resolve(i) for i in (x, y, z)] == [x, x, s]  # z's articles stayed
    assert room.store.corrections()[-1]["led"] == {y: x}
    part = split(room, s, ["e4-0", "e4-1"], defer_analysis=True).story  # s's own founder
    assert part == f"{s}-2"
    merge(room, s, [part], defer_analysis=True)
    assert split(room, s, ["e4-0", "e4-1"], defer_analysis=True).story == part
    merge(room, s, [part], defer_analysis=True)
    move(room, ["e4-0", "e4-1"], x, defer_analysis=True)
    assert room.store.resolve(part) == x
    assert room.store.corrections()[-1]["led"] == {part: x}


def test_a_move_sends_ids_merged_into_any_story_it_touches_to_their_founders(room):
    """An id merged into a move's target, whose founding article is in a story the move
    leaves, leads there, straight (before: only ids merged into the stories left were
    looked at)."""
    room.ingest([*(r for e in (1, 2, 3) for r in _reports(e, 3))], defer_analysis=True)
    a, b, c = room.store.stories_of(["e1-0", "e2-0", "e3-0"]).values()
    move(room, ["e1-0"], c, defer_analysis=True)  # a's founder goes to c
    move(room, ["e1-1", "e1-2"], b, defer_analysis=True)  # a, emptied, leads to b
    assert room.store.resolve(a) == b
    move(room, ["e3-1"], b, defer_analysis=True)  # touches c, which holds a's founder
    assert room.store.resolve(a) == c
    assert room.store.redirects_from([a]) == {a: c}
    assert room.store.corrections()[-1]["led"] == {a: c}


def test_an_id_merged_away_before_is_named_with_the_story_it_acted_on(room, tmp_path):
    """An editor who gives an id an earlier merge absorbed acts on all of the story it
    leads to: each correction says so, and its line of the log keeps it."""
    room.ingest([*_reports(1, 3), *_reports(2, 3), *_reports(3, 2)], defer_analysis=True)
    one, two, three = room.store.stories_of(["e1-0", "e2-0", "e3-0"]).values()
    assert merge(room, two, [one], defer_analysis=True).redirected == ()
    done = merge(room, three, [one], defer_analysis=True)  # `one` is `two` now
    assert done.redirected == ((one, two),) and done.absorbed == (two,)
    assert room.store.corrections()[-1]["redirected"] == {one: two}
    db = str(tmp_path / "c.db")
    got = CliRunner().invoke(cli, ["--db", db, "split", one, "e1-0", "--by", "데스크"], obj={})
    assert got.exit_code == 0, got.output
    assert f"note: {one} now leads to {three} (its articles went there): acted on {three}" in (
        got.output
    )
    table = CliRunner().invoke(cli, ["--db", db, "corrections"], obj={}).output
    assert f"redirected={one}->{three}" in table


def test_a_moved_article_stays_until_released(room):
    room.ingest([*_reports(1, 4), *_reports(2, 3)], defer_analysis=True)
    one, two = room.store.stories_of(["e1-0", "e2-0"]).values()
    done = move(room, ["e1-3"], two, defer_analysis=True)
    assert done.moved == ("e1-3",) and done.stories == (two, one)
    room.recluster(defer_analysis=True)
    assert _stories(room, ["e1-3"]) == {"e1-3": two}
    ids = [f"e{e}-{k}" for e, n in ((1, 4), (2, 3)) for k in range(n)]
    # both stories are frozen: the one it left and the one it joined
    assert room.store.hand_placed(ids) == {a: one if a < "e1-3" else two for a in ids}
    assert set(done.hand) == set(ids)
    release(room, ["e1-3"], defer_analysis=True)
    assert [aid for aid, _ in room.store.unsettled()] == ["e1-3"]
    room.recluster_queue()
    assert _stories(room, ["e1-3"]) == {"e1-3": one}  # decided again: back with its event
    got = release(room, stories=[one, two], defer_analysis=True)
    assert sorted(got.hand) == sorted(set(ids) - {"e1-3"}) and not room.store.hand_placed(ids)


def test_moving_every_article_of_a_story_redirects_it(room):
    room.ingest([*_reports(1, 2), *_reports(2, 2)], defer_analysis=True)
    one, two = room.store.stories_of(["e1-0", "e2-0"]).values()
    done = move(room, ["e1-0", "e1-1"], two)
    assert done.absorbed == (one,) and room.store.resolve(one) == two
    (logged,) = room.store.corrections()  # the log says where they came from, what went
    assert logged["from"] == [one] and logged["absorbed"] == [one]
    doc = room.store.story_doc(one)  # the old id's document is the story they went to
    assert doc is not None and doc["id"] == two and one in doc["redirects"]
    assert doc["why"]["e1-0"]["placed_by_hand"] is True
    assert doc["why"]["e1-0"]["moved_by_hand"] == done.n and doc["why"]["e1-0"]["from"] == one
    with pytest.raises(Refused, match=f"'{two}' is already story {two} \\('{one}' was merged"):
        merge(room, one, [two])  # named by its old id, the story is the one it went to


def test_the_running_index_follows_a_correction_made_elsewhere(room, tmp_path):
    """A process holding the stories in its index (`watch`, the server) while another one
    corrects them: its next batch is placed against the corrected stories, and its index
    never merges two stories holding articles an editor placed."""
    room.ingest(_reports(1, 4), defer_analysis=True)
    (story,) = set(_stories(room, [f"e1-{k}" for k in range(4)]).values())
    other = open_store(str(tmp_path / "c.db"))
    new = split(Newsroom(other), story, ["e1-2", "e1-3"], defer_analysis=True).story
    other.close()
    report = room.ingest(_reports(1, 6, first=4), defer_analysis=True)  # no re-decision
    assert report.merged_stories == 0
    assert room.index.story_of("e1-2") == new and room.index.story_of("e1-0") == story
    assert {room.store.resolve(s) for s in (story, new)} == {story, new}


def test_corrections_that_cannot_be_made_change_nothing(room):
    room.ingest([*_reports(1, 2), *_reports(2, 2)], defer_analysis=True)
    one, two = room.store.stories_of(["e1-0", "e2-0"]).values()
    with pytest.raises(NotFound, match="no story 'nope'"):
        move(room, ["e1-0"], "nope")  # also: nothing half done
    with pytest.raises(NotFound, match="no article 'zz'"):
        move(room, ["e1-0", "zz"], two)
    with pytest.raises(Refused, match="'e2-0' not in story"):
        split(room, one, ["e2-0"])
    with pytest.raises(Refused, match="all of story"):
        split(room, one, ["e1-0", "e1-1"])
    with pytest.raises(Refused, match=f"'{one}' is already story {one}"):
        merge(room, one, [one])
    with pytest.raises(Refused, match="not placed by hand"):
        release(room, ["e1-0"])
    assert room.store.corrections_made() == 0 and room.store.hand_placed(["e1-0"]) == {}
    assert room.store.stories_of(["e1-0", "e2-0"]) == {"e1-0": one, "e2-0": two}
    move(room, ["e1-0"], one)  # already there: confirms its story as it is, once
    with pytest.raises(Refused, match=f"'e1-0' already in story {one}, kept as it is"):
        move(room, ["e1-0"], one)
    assert room.store.corrections_made() == 1


def test_a_split_holds_when_its_placed_articles_are_older_than_what_is_loaded(room, tmp_path):
    """Days later, a new process loads only the last days: the split's two stories hold
    newer reports there, not the articles the editor placed, and stay apart all the same."""
    room.ingest(_reports(1, 4, at=0), defer_analysis=True)
    (story,) = set(_stories(room, [f"e1-{k}" for k in range(4)]).values())
    new = split(room, story, ["e1-2", "e1-3"], defer_analysis=True).story
    for k in range(4, 10):  # later reports, one call each: they join one part or the other
        room.ingest(_reports(1, k + 1, k, at=36), defer_analysis=True, recluster=True)
    later = Newsroom(open_store(str(tmp_path / "c.db")))
    for k in range(10, 14):
        later.ingest(_reports(1, k + 1, k, at=80), defer_analysis=True, recluster=True)
    placed = {"e1-0": story, "e1-1": story, "e1-2": new, "e1-3": new}
    assert _stories(room, list(placed)) == placed == room.store.hand_placed(list(placed))
    assert room.store.resolve(story) == story and room.store.resolve(new) == new
    later.store.close()


def test_a_correction_made_while_a_batch_is_placed_is_kept(room, tmp_path, monkeypatch):
    """Another process corrects the stories after this one loaded them and before it
    stores its batch: the batch is placed again against the corrected stories."""
    room.ingest([*_reports(1, 3), *_reports(2, 3)], defer_analysis=True)
    one, two = room.store.stories_of(["e1-0", "e2-0"]).values()
    editor = open_store(str(tmp_path / "c.db"))
    done = []
    row = pipeline._row

    def meanwhile(article, story, *args, **kw):
        if article.id == "e1-2" and not done:  # its row is made: the editor moves it
            done.append(move(Newsroom(editor), ["e1-2"], two, defer_analysis=True))
        return row(article, story, *args, **kw)

    monkeypatch.setattr(pipeline, "_row", meanwhile)
    newer = dataclasses.replace(
        _reports(1, 3, 2)[0],
        text=_reports(1, 3, 2)[0].text + "\n시청은 이 계획을 다시 한번 밝혔다.",
    )
    report = room.ingest([*_reports(1, 4, 3), newer], defer_analysis=True)
    assert done and report.updated == 1 and report.added == 1
    assert _stories(room, ["e1-2"]) == {"e1-2": two} == room.store.hand_placed(["e1-2"])
    signals = room.store.signals_of(["e1-2"])["e1-2"]  # the new version keeps the move's
    assert signals == {"moved_by_hand": done[0].n, "from": one, "updated": True}
    assert _stories(room, ["e1-3"]) == {"e1-3": one}  # the new report joins its event
    editor.close()


def test_a_batch_corrected_every_time_it_is_placed_is_not_stored(room, monkeypatch):
    room.ingest(_reports(1, 3), defer_analysis=True)
    made = room.store.corrections_made
    monkeypatch.setattr(
        room.store, "corrections_made", lambda: made() + len(calls.append(1) or calls)
    )
    calls: list[int] = []
    with pytest.raises(pipeline.StoreError, match="kept changing while this batch was placed"):
        room.ingest(_reports(1, 4, 3), defer_analysis=True)
    assert room.store.known_hashes(["e1-3"]) == {}


def test_ids_are_read_as_pasted_and_an_unknown_one_is_not_found(room):
    room.ingest(_reports(1, 3), defer_analysis=True)
    (story,) = set(_stories(room, ["e1-0", "e1-1", "e1-2"]).values())
    with pytest.raises(NotFound, match="no article 'e1'"):
        split(room, story, ["e1"])  # a prefix is not an id
    with pytest.raises(Refused, match="no article or story given"):
        release(room)
    done = split(room, f" {story}\n", ["e1-2 ", "\te1-2"])
    assert done.moved == ("e1-2",) and _stories(room, ["e1-2"]) == {"e1-2": done.story}


def test_confirm_keeps_a_story_as_it_is(room):
    room.ingest([*_reports(1, 3), *_reports(2, 2)], defer_analysis=True)
    one = _stories(room, ["e1-0"])["e1-0"]
    done = confirm(room, [one, f" {one} "], by="데스크", defer_analysis=True)
    assert (done.action, done.story, done.moved) == ("confirm", None, ())
    assert done.hand == ("e1-0", "e1-1", "e1-2") and done.stories == (one,)
    (logged,) = room.store.corrections()
    assert logged["action"] == "confirm" and logged["stories"] == [one]
    assert room.store.hand_placed(["e1-0", "e2-0"]) == {"e1-0": one}
    with pytest.raises(Refused, match="already kept as they are"):
        confirm(room, [one])  # nothing would change: nothing is logged
    with pytest.raises(NotFound, match="'nope'"):
        confirm(room, ["nope"])
    with pytest.raises(Refused, match="no story given"):
        confirm(room, [" "])
    assert len(room.store.corrections()) == 1  # nothing logged for the refused ones


def test_doubts_list_the_largest_stories_until_an_editor_looks(room):
    room.ingest([*_reports(1, 5), *_reports(2, 3), *_reports(3, 2)], defer_analysis=True)
    of = _stories(room, ["e1-0", "e2-0", "e3-0"])
    found = doubts(room)
    assert found.end == cases.T0 + timedelta(hours=4 * 3 + 1)  # the newest article
    assert found.start == found.end - timedelta(hours=room.config.window_hours)
    # the stories of 3+ articles, largest first, each cut in two; the pair is no cut
    assert [d.stories for d in found.splits] == [(of["e1-0"],), (of["e2-0"],)]
    first = found.splits[0]
    assert sorted(sum(first.parts, ())) == [f"e1-{k}" for k in range(5)]
    assert all(a in found.articles for d in found.splits for part in d.parts for a in part)
    assert found.articles["e1-0"].outlet == "신문0"
    confirm(room, [of["e1-0"]], defer_analysis=True)
    assert [d.stories for d in doubts(room).splits] == [(of["e2-0"],)]
    # a new report joins the confirmed story: worth a look again
    room.ingest(_reports(1, 6, first=5), defer_analysis=True)
    assert _stories(room, ["e1-5"])["e1-5"] == of["e1-0"]
    assert [d.stories for d in doubts(room).splits][0] == (of["e1-0"],)
    # a later event: a window of one day lists its story only, though the index around it
    # holds the earlier ones
    room.ingest(_reports(7, 3, at=40), defer_analysis=True)
    later = _stories(room, ["e7-0"])["e7-0"]
    assert [d.stories for d in doubts(room, hours=24).splits] == [(later,)]
    # a window that holds none of them lists nothing
    early = doubts(room, until=cases.T0 - timedelta(days=3), hours=24)
    assert (early.splits, early.merges) == ((), ())
    assert len(doubts(room, limit=1).splits) == 1
    # the command line asks for as many as given
    db = room.store.name
    for limit, want in (("1", 1), ("2", 2)):
        got = CliRunner().invoke(
            cli, ["--db", db, "doubts", "--limit", limit, "--format", "json"], obj={}
        )
        assert got.exit_code == 0 and len(json.loads(got.output)["split"]) == want, got.output


def test_an_article_dated_far_ahead_does_not_end_the_default_window(room):
    """One article dated 2099 (a wrong date): the default window still ends at the newest
    article up to now (a day ahead allowed), so the doubts stay listed (the window was
    2099's, with none in it: a black-box case); asked for, 2099's window is still there."""
    room.ingest([*_reports(1, 5), *_reports(2, 3)], defer_analysis=True)
    wrong = dataclasses.replace(_reports(9, 1)[0], published="2099-01-01T09:00:00+09:00")
    room.ingest([wrong], defer_analysis=True)
    found = doubts(room)
    assert found.end == cases.T0 + timedelta(hours=4 * 2 + 2) and found.splits
    far = doubts(room, until=datetime(2099, 1, 2, tzinfo=UTC))
    assert far.end.year == 2099 and far.splits == ()


def test_one_undated_article_does_not_move_the_default_window_off_the_dated_ones(room):
    """An undated article ingested alone is placed at the time it came (today), which is
    no news time: the default window still ends at the newest publication time, so the
    dated stories' doubts stay listed (a black-box case: one undated text file made the
    window today's, with none of them in it), here and on the command line."""
    room.ingest([*_reports(1, 5), *_reports(2, 3)], defer_analysis=True)
    newest = cases.T0 + timedelta(hours=4 * 2 + 2)
    undated = dataclasses.replace(_reports(9, 1)[0], published=None)
    room.ingest([undated], defer_analysis=True)
    assert room.store.newest_time() > newest + timedelta(days=2)  # (placed when it came)
    found = doubts(room)
    assert found.end == newest and found.splits
    got = CliRunner().invoke(cli, ["--db", room.store.name, "doubts", "--format", "json"], obj={})
    assert got.exit_code == 0, got.output
    listed = json.loads(got.output)
    assert datetime.fromisoformat(listed["end"]) == newest and listed["split"]


def test_doubts_of_a_store_without_publication_times_end_at_its_newest_batch(tmp_path):
    """Articles without a time are placed at their batch's time, which the window counts."""
    placed = cases.T0 + timedelta(days=400)
    room = Newsroom(open_store(str(tmp_path / "u.db")), clock=lambda: placed)
    undated = [dataclasses.replace(item, published=None) for item in _reports(1, 4)]
    room.ingest(undated, defer_analysis=True)
    assert room.store.newest_time() == placed
    found = doubts(room)
    assert found.end == placed and [len(sum(d.parts, ())) for d in found.splits] == [4]
    room.store.close()


@pytest.mark.parametrize("seed", range(12))
def test_the_desk_editor_regroups_a_doubt_as_the_gold_has_it(room, seed):
    """`eval.review._fix`, the evaluation's editor, with made-up gold over two stories (as a
    split or a merge doubt names them): the articles end grouped exactly as the gold says,
    with moves and splits, or confirmed when they already are."""
    from newsmoa.cluster.doubts import Doubt
    from newsmoa.eval.review import _fix, _partition

    room.ingest([*_reports(1, 4), *_reports(2, 3)], defer_analysis=True)
    ids = [f"e1-{k}" for k in range(4)] + [f"e2-{k}" for k in range(3)]
    one, two = (_stories(room, [a])[a] for a in ("e1-0", "e2-0"))
    rng = random.Random(seed)
    gold = {a: rng.choice("xyz"[: rng.randint(1, 3)]) for a in ids}
    parts = (tuple(ids[:4]), tuple(ids[4:]))
    doubt = Doubt("merge", (one, two), parts, 0.2, 0.4, 0.2)
    made = _fix(room, doubt, gold)
    assert _partition(_stories(room, ids), ids) == _partition(gold, ids)
    assert made >= 1 and len(room.store.corrections()) == made


def test_the_desk_editor_confirms_stories_that_are_right(room):
    from newsmoa.cluster.doubts import Doubt
    from newsmoa.eval.review import _fix

    room.ingest([*_reports(1, 4), *_reports(2, 3)], defer_analysis=True)
    one, two = (_stories(room, [a])[a] for a in ("e1-0", "e2-0"))
    ids = [f"e1-{k}" for k in range(4)] + [f"e2-{k}" for k in range(3)]
    gold = {a: a[:2] for a in ids}
    doubt = Doubt("merge", (one, two), (tuple(ids[:4]), tuple(ids[4:])), 0.2, 0.4, 0.2)
    assert _fix(room, doubt, gold) == 1
    (logged,) = room.store.corrections()
    assert logged["action"] == "confirm" and logged["stories"] == [one, two]


def test_a_name_for_the_log_is_plain_text():
    """`by` is logged as given without surrounding spaces; a control character (a line break
    would print as a forged line of the log), a bidirectional override or half of a surrogate
    pair is refused."""
    assert editor_name("  사회부 데스크 (Kim) ") == "사회부 데스크 (Kim)"
    for bad in ("eve\nline", "tab\there", "bell\x07", "rtl\u202eevil", "half\ud800", "l\u2028s"):
        with pytest.raises(Refused, match="control character"):
            editor_name(bad)
    assert editor_name("가" * 200) == "가" * 200  # the API's limit, on the command line too
    with pytest.raises(Refused, match="longer than 200 characters"):
        editor_name("가" * 201)
