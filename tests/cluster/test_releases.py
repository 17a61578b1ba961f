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


BUDGET = [
    "솔뫼군은 2027년도 본예산으로 올해보다 8.4% 늘어난 6,120억원을 편성해 군의회에 제출했다고"
    " 24일 밝혔다.",
    "일반회계는 5,480억원, 특별회계는 640억원이다.",
    "분야별로는 사회복지 1,350억원, 농림해양수산 1,020억원, 국토 및 지역개발 870억원 등이다.",
    "군은 오는 3일 군의회 제2차 정례회에서 예산안 제안 설명을 할 예정이며, 예산안은 오는 18일"
    " 본회의에서 확정된다.",
]
BUDGET_NOTE = (
    "오늘 오전 배포한 '솔뫼군, 2027년 본예산 6,120억원 편성' 보도자료의 예산 총액과 일반회계"
    " 금액에 오류가 있어 다음과 같이 바로잡습니다. 본예산 총액은 6,120억원(8.4% 증가)이 아니라"
    " 6,210억원(9.9% 증가)입니다. 일반회계는 5,480억원이 아니라 5,570억원입니다. 특별회계"
    " 640억원과 분야별 편성액, 군의회 심사 일정은 당초 자료와 같습니다."
)


def _budget_day() -> list[Article]:
    from datetime import timedelta

    from county_releases import START

    fixed = [s.replace("8.4%", "9.9%").replace("6,120", "6,210").replace("5,480", "5,570")
             for s in BUDGET]  # fmt: skip
    return [
        Article("release", " ".join(BUDGET), "솔뫼군, 2027년 본예산 6,120억원 편성", None,
                START, is_release=True),
        Article("note", BUDGET_NOTE, "[정정] 솔뫼군 본예산 보도자료 수치 바로잡습니다", None,
                START + timedelta(hours=6), is_release=True),
        Article("first", " ".join(BUDGET[:3]), "솔뫼군 내년 예산 6120억원", "호남매일",
                START + timedelta(hours=2)),
        Article("rewrite", "솔뫼군의 내년 살림살이 규모가 6,210억원으로 정해졌다. 군은 당초"
                " 6,120억원으로 알렸다가 이날 오후 바로잡았다. 일반회계가 5,570억원을 차지한다."
                " 가장 많은 돈이 들어가는 분야는 사회복지(1,350억원)이다.",
                "솔뫼군 새해 살림 6210억…복지에 가장 많이", "새전북신문",
                START + timedelta(hours=7)),
        Article("copy", " ".join(fixed), "솔뫼군 본예산 6210억원 편성", "전라일보",
                START + timedelta(hours=8)),
    ]  # fmt: skip


def test_a_correction_sent_as_a_note_is_the_announcement_it_corrects():
    """A press office's correction written as a note (`[정정] … 바로잡습니다`: the wrong
    figures and the right ones, not the release again) is close to the release it
    corrects (.44) but no copy of it, and stood as an announcement of its own, alone: no
    report joined it, and its outlets' rewrites went to the first release's story. Marked
    as a correction in its headline, it is the announcement of the release it is closest to
    (`CORRECTS`), in one batch and one at a time."""
    arts = _budget_day()
    index = StoryIndex()
    index.add_many([(a.id, article_features(a)) for a in arts])
    assert len(index.members()) == 1
    one_by_one = StoryIndex()
    for a in arts:
        one_by_one.add(a.id, article_features(a))
    assert one_by_one.story_of("note") == one_by_one.story_of("release")


def test_a_correction_of_one_template_release_keeps_the_other_apart():
    """The correction joins the release it is closest to, not every release it is close
    to: a correction of the gym's release (its cost) leaves the library's story alone."""
    from datetime import timedelta

    releases, reprints = county_day(random.Random(3))
    gym = releases[1]
    note = Article(
        "gym-note", gym.text.replace("90억", "95억"), f"[정정] {gym.title}", None,
        gym.published + timedelta(hours=3), is_release=True,
    )  # fmt: skip
    index = StoryIndex()
    index.add_many([(a.id, article_features(a)) for a in [*releases, *reprints, note]])
    assert groups(index, [*releases, *reprints, note]) == [["gym"] * 8, ["lib"] * 7]
    assert index.keeps_apart(["lib-release"], ["gym-note"])
