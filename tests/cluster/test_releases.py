"""Press releases as anchors: a press office's releases of one day, written from one
template, and their reprints under headlines of their own (`StoryIndex._apart`,
`_sources`)."""

from __future__ import annotations

import dataclasses
import random

import pytest

from county_releases import county_day
from newsmoa.cluster import Features, StoryIndex, article_features
from newsmoa.types import Article


def groups(index: StoryIndex, articles: list[Article]) -> list[list[str]]:
    found: dict[str, list[str]] = {}
    for a in articles:
        found.setdefault(index.story_of(a.id), []).append(a.id.split("-")[0])
    return sorted(sorted(g) for g in found.values())


@pytest.mark.parametrize("seed", range(4))
def test_releases_from_one_template_are_two_stories_with_their_reprints(seed):
    """Reprints of the library release are as close to the gym's reprints as a topic's
    reports are (the template: four sentences alike but for a word or a figure), and the
    two were one story of fourteen. With the releases marked, each release anchors a story
    and each reprint, a copy of its release with its figures (`reprints.py`), joins it, in
    any order of one batch."""
    rng = random.Random(seed)
    releases, reprints = county_day(rng)
    articles = releases + reprints
    rng.shuffle(articles)
    index = StoryIndex()
    index.add_many([(a.id, article_features(a)) for a in articles])
    assert groups(index, articles) == [["gym"] * 7, ["lib"] * 7]


def test_a_release_arriving_after_its_reprints_takes_them_when_decided_again():
    """The warm index never moves an article it placed; a re-decision of the window (what
    `ingest` does after each batch) places every reprint with its release."""
    from newsmoa.cluster.recluster import redecide

    releases, reprints = county_day(random.Random(7))
    index = StoryIndex()
    for a in reprints + releases:  # the releases last, one article at a time
        index.add(a.id, article_features(a))
    everything = [(a.id, article_features(a)) for a in reprints + releases]
    redecide(index, everything)
    assert groups(index, reprints + releases) == [["gym"] * 7, ["lib"] * 7]


def test_a_release_sent_again_with_a_word_changed_joins_the_first():
    """Two releases are two announcements unless one is a copy of the other (cosine >=
    `copy_similarity`, the same figures): a release sent again, corrected in a word, is
    the same announcement (a release with other figures is another: README, "Press
    releases")."""
    releases, reprints = county_day(random.Random(1))
    lib = releases[0]
    corrected = dataclasses.replace(
        lib, id="lib-again", text=lib.text.replace("문을 연다", "개관한다")
    )
    index = StoryIndex()
    index.add_many([(a.id, article_features(a)) for a in [*releases, *reprints, corrected]])
    assert index.story_of("lib-again") == index.story_of("lib-release")
    assert index.story_of("gym-release") != index.story_of("lib-release")


def test_a_release_marks_its_features_and_blobs_stored_before_read_as_no_release():
    import json
    import struct

    releases, _ = county_day(random.Random(2))
    f = article_features(releases[0])
    assert f.release and Features.from_bytes(f.to_bytes()).release
    assert not article_features(dataclasses.replace(releases[0], is_release=False)).release
    blob = f.to_bytes()
    (n,) = struct.unpack_from("<I", blob, 4)
    head = json.dumps(json.loads(blob[8 : 8 + n])[:8]).encode()  # the head before releases
    older = blob[:4] + struct.pack("<I", len(head)) + head + blob[8 + n :]
    assert Features.from_bytes(older) == dataclasses.replace(f, release=False)


def test_a_release_that_joined_another_releases_reprints_leaves_when_that_release_arrives():
    """One article at a time with a re-decision (hold) after each, as `ingest` does: the
    library's reprints, the gym's release (it joins them: no release there yet), then the
    library's release. The hold must not keep the gym release in the library's story
    (`score_to`: a release scores 0 with another announcement's release)."""
    from newsmoa.cluster.recluster import redecide

    releases, reprints = county_day(random.Random(3))
    lib, gym = releases
    index, seen = StoryIndex(), []
    for a in [*reprints[:6], gym, lib]:
        index.add(a.id, article_features(a))
        seen.append((a.id, article_features(a)))
        redecide(index, seen)
    assert index.story_of("gym-release") != index.story_of("lib-release")


def test_a_release_without_figures_sent_again_word_for_word_is_one_announcement():
    """A copy is told by its figures (`reprints.py`, 3 or more), or by a body word for word
    the same: a release naming no figure, sent again under another id (a feed's), is the
    same announcement, not a second one."""
    text = " ".join(
        [
            "군은 중앙공원 옆에서 새 도서관 착공식을 열었다고 밝혔다.",
            '군수는 "주민 누구나 책을 가까이 하는 군을 만들겠다"고 말했다.',
            "착공식에는 주민과 기관장 등이 참석했다.",
        ]
    )
    first, _ = county_day(random.Random(4))
    sent = [dataclasses.replace(first[0], id=i, text=text) for i in ("mail", "feed")]
    index = StoryIndex()
    index.add_many([(a.id, article_features(a)) for a in sent])
    assert index.story_of("mail") == index.story_of("feed")


def test_doubts_do_not_propose_merging_two_releases_stories():
    """The two releases' stories share neighbours (one template; with three reprints each,
    their neighbour lists reach across) and were the first merge `doubts` proposed, one the
    index refuses by design."""
    from newsmoa.cluster.doubts import doubts

    releases, reprints = county_day(random.Random(5))
    reprints = [a for a in reprints if int(a.id.split("-")[1]) < 3]
    index = StoryIndex()
    index.add_many([(a.id, article_features(a)) for a in releases + reprints])
    unmarked = StoryIndex()  # the same day without the marks: one story, nothing to merge
    plain = [dataclasses.replace(a, is_release=False) for a in releases]
    unmarked.add_many([(a.id, article_features(a)) for a in plain + reprints])
    _, merges = doubts(index)
    assert len(index.members()) == 2
    assert not [m for m in merges if set(m.stories) == set(index.members())]
    assert index.keeps_apart(["lib-release"], ["gym-release", "gym-0"])
    assert not unmarked.keeps_apart(["lib-release"], ["gym-release"])


def test_two_villages_releases_from_one_template_stay_two_announcements():
    """Two villages' new libraries written from one template (cosine over .8): the same
    words, other cost and floors. Close as they are, their figures tell them apart (a
    review: `SAME_RELEASE` alone made them one story); a correction agrees in its figures."""
    from county_releases import _template
    from newsmoa.types import Article

    one = _template("새 도서관", "봉동읍 둔산리", 95, 2, "책")
    two = _template("새 도서관", "삼례읍 삼봉지구", 120, 3, "책")
    fixed = [one[0], one[1], one[2].replace("95억", "98억"), *one[3:]]
    start = county_day(random.Random(0))[0][0].published
    arts = [
        Article(aid, " ".join(text), "새 도서관 착공", None, start, is_release=True)
        for aid, text in (("bongdong", one), ("samnye", two), ("bongdong-fixed", fixed))
    ]
    index = StoryIndex()
    index.add_many([(a.id, article_features(a)) for a in arts])
    assert index.cosines(["bongdong", "samnye"])[0, 1] >= 0.8
    assert index.keeps_apart(["bongdong"], ["samnye"])
    assert index.story_of("bongdong") == index.story_of("bongdong-fixed")
