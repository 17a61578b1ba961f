"""The story index: incremental arrival, stable ids, merges with redirects, order, time."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from cluster_samples import GOLD, ROWS, article

from newsmoa.cluster import (
    ClusterConfig,
    Features,
    StoryIndex,
    article_features,
    cluster_articles,
    story_id_for,
)
from newsmoa.eval.scoring import bcubed, pairwise
from newsmoa.types import Article


def _feats(arts):
    return [(a.id, article_features(a)) for a in arts]


def test_batch_groups_the_three_happenings(articles):
    stories = cluster_articles(articles)
    by_id = dict(zip([a.id for a in articles], stories, strict=True))
    gold = [GOLD[a.id] for a in articles]
    assert pairwise(gold, stories).f1 == 1.0
    assert by_id["wanju-1"] == story_id_for("wanju-1")  # founded by the earliest article


def test_incremental_arrival_keeps_ids_stable(articles):
    index = StoryIndex()
    seen: dict[str, str] = {}
    for aid, f in _feats(articles):
        a = index.add(aid, f)
        assert a.article == aid
        seen[aid] = a.story
        for earlier, story in seen.items():  # no id changes once given (no merges here)
            assert index.story_of(earlier) == story
    assert len(set(seen.values())) == 3
    assert index.add("wanju-1", _feats(articles)[0][1]).story == seen["wanju-1"]  # re-add


def test_founded_and_signals(articles):
    index = StoryIndex()
    first = index.add(*_feats(articles)[0])
    second = index.add(*_feats(articles)[1])
    assert first.founded and not second.founded
    assert second.story == first.story
    assert second.signals["score"] >= index.config.join_threshold
    assert second.signals["shared"]


def test_shared_headline_words_are_shown_as_written_and_compared_by_figure():
    body = (
        "삼성전자는 올해 3분기 영업이익이 7조7천억원으로 잠정 집계됐다고 8일 공시했다. "
        "반도체 부문의 회복이 실적을 이끌었고 매출은 67조원을 기록했다."
    )
    rows = [
        ("e1", 0, "삼성전자 3분기 영업이익 7조원대…반도체 회복", body),
        ("e2", 1, "삼성전자, 3분기 영업이익 7조…반도체가 견인", body + " 증권가 예상을 웃돌았다."),
    ]
    index = StoryIndex()
    first, second = (index.add(a.id, article_features(a)) for a in map(article, rows))
    assert second.story == first.story
    shared = second.signals["shared"]
    assert "3분기" in shared and "3분" not in shared  # (before: "3분", which reads as minutes)
    assert "7조" in shared  # the other's 7조원대 is the same figure (compared by `word_key`)


def test_merge_redirects_the_younger_story(articles):
    wanju, fire = articles[0], articles[3]  # two unrelated happenings, wanju published first
    index = StoryIndex()
    a = index.add(wanju.id, article_features(wanju))
    b = index.add(fire.id, article_features(fire))
    assert a.founded and b.founded and a.story != b.story
    # A round-up that reports both: it links both stories strongly, so they become one.
    bridge = dataclasses.replace(
        fire, id="roundup", title=f"{wanju.title} {fire.title}", text=f"{wanju.text} {fire.text}"
    )
    c = index.add("roundup", article_features(bridge))
    assert c.merged == (b.story,)
    assert c.story == a.story  # the older story survives
    assert index.resolve(b.story) == a.story
    assert index.redirects == {b.story: a.story}
    assert index.story_of(fire.id) == a.story
    assert c.signals["merged_score"] >= index.config.merge_threshold


def test_batch_result_does_not_depend_on_input_order(articles):
    base = cluster_articles(articles)
    ids = [a.id for a in articles]
    for seed in range(5):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        got = dict(zip([a.id for a in shuffled], cluster_articles(shuffled), strict=True))
        assert [got[i] for i in ids] == base


def test_incremental_orders_score_alike(articles):
    gold = [GOLD[a.id] for a in articles]
    feats = dict(_feats(articles))
    scores = []
    for seed in range(5):
        order = list(feats)
        random.Random(seed).shuffle(order)
        index = StoryIndex()
        for aid in order:
            index.add(aid, feats[aid])
        pred = [index.story_of(a.id) for a in articles]
        scores.append((pairwise(gold, pred).f1, bcubed(gold, pred).f1))
    assert max(s[0] for s in scores) - min(s[0] for s in scores) <= 0.01
    assert max(s[1] for s in scores) - min(s[1] for s in scores) <= 0.01


def test_time_window_with_timed_arrivals():
    cfg = ClusterConfig()
    index = StoryIndex(cfg)
    index.add_many([(a.id, article_features(a)) for a in map(article, ROWS)])
    within = article(ROWS[4], shift_h=cfg.window_hours - 12)  # a late report, same fire
    # a look-alike a day after the window around the story's last article closed
    late = article(ROWS[4], shift_h=2 * cfg.window_hours + 12)
    a = index.add("fire-late-report", article_features(dataclasses.replace(within, id="x")))
    assert a.story == index.story_of("fire-1")
    b = index.add("fire-next-week", article_features(late))
    assert b.founded and b.story != index.story_of("fire-1")


def test_untimed_articles_cluster(articles):
    untimed = [article(r, timed=False) for r in ROWS]
    stories = cluster_articles(untimed)
    assert pairwise([GOLD[a.id] for a in untimed], stories).f1 == 1.0


def test_restore_continues_where_the_store_left_off(articles):
    first, rest = articles[:4], articles[4:]
    index = StoryIndex()
    index.add_many(_feats(first))
    stored = [(aid, index.story_of(aid), f) for aid, f in _feats(first)]
    again = StoryIndex()
    again.restore(stored, index.redirects)
    for aid, story, _ in stored:
        assert again.story_of(aid) == story
    one = [index.add(aid, f).story for aid, f in _feats(rest)]
    two = [again.add(aid, f).story for aid, f in _feats(rest)]
    assert one == two


def test_features_round_trip(articles):
    for a in articles:
        f = article_features(a)
        back = Features.from_bytes(f.to_bytes())
        assert back == f and hash(back) == hash(f)
        assert back.published_s == a.published.timestamp()
    assert article_features(articles[0].__class__(id="e", text="")).terms.size == 0
    assert timedelta(hours=ClusterConfig().window_hours) >= timedelta(days=1)


def test_features_stored_in_the_older_format_still_read(articles):
    import json
    import struct

    f = article_features(articles[0])
    head = json.dumps([list(f.words), 321, f.published_s, int(f.terms.size), f.opinion, []])
    blob = b"".join(  # NMF2: a shingle count in the head, a MinHash signature after the counts
        (
            b"NMF2",
            struct.pack("<I", len(head.encode())),
            head.encode(),
            f.terms.astype("<u8").tobytes(),
            f.counts.astype("<f4").tobytes(),
            np.arange(128, dtype="<u4").tobytes(),
        )
    )
    assert Features.from_bytes(blob) == dataclasses.replace(f, actors=(), figures="", body="")
    with pytest.raises(ValueError):
        Features.from_bytes(b"NMF9" + blob[4:])


def test_opinion_pieces_stay_their_own_story(articles):
    editorial = dataclasses.replace(
        articles[3], id="editorial", title="[사설] " + articles[3].title
    )
    stories = cluster_articles([*articles, editorial])
    assert stories[-1] == story_id_for("editorial")
    assert stories[-1] not in stories[:-1]


def test_a_batch_whose_reading_fails_leaves_the_index_as_it_was(articles):
    first, second = _feats(articles[:3]), _feats(articles[3:])
    index = StoryIndex()
    index.add_many(first)
    table, docs = index._df.table.copy(), index._df.docs

    def failing():  # a worker process dies after two articles
        yield from second[:2]
        raise RuntimeError("worker died")

    with pytest.raises(RuntimeError):
        index.add_many(failing())
    assert np.array_equal(index._df.table, table) and index._df.docs == docs
    assert len(index) == 3
    fresh = StoryIndex()
    fresh.add_many(first)
    assert [x.story for x in index.add_many(second)] == [x.story for x in fresh.add_many(second)]


def test_a_fresh_index_weighs_terms_as_the_one_it_came_from(articles):
    """`fresh(without)`: the document frequencies of the index less `without`, in a copy (the
    index itself is unchanged); re-adding `without` there gives this index's counts."""
    feats = _feats(articles)
    index = StoryIndex()
    index.add_many(feats)
    table, docs = index._df.table.copy(), index._df.docs
    fresh = index.fresh(f for _, f in feats[2:])
    assert fresh._df.docs == docs - (len(feats) - 2) and len(fresh) == 0
    fresh.add_many(feats[2:])
    assert np.array_equal(fresh._df.table, table) and fresh._df.docs == docs
    assert np.array_equal(index._df.table, table) and index._df.docs == docs
    assert "wanju-1" in index and "wanju-1" not in fresh


def _county_day(rng: random.Random, releases: int, copies: int):
    """80 other reports of a day, each on its own matter, and `copies` reprints of each of
    `releases` releases: three sentences every outlet keeps and two of the other three, a
    headline of the release's words and one of the outlet's own."""
    from datetime import UTC, datetime

    from newsmoa.types import Article

    syllables = [chr(0xAC00 + i) for i in range(0, 11172, 37)]

    def words(n: int) -> str:
        return " ".join("".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(n))

    start = datetime(2024, 5, 28, 9, tzinfo=UTC)
    others = [
        Article(f"other-{i}", ". ".join(words(8) for _ in range(5)) + ".", words(4), None, start)
        for i in range(80)
    ]
    reprints = []
    for r in range(releases):
        release, title = [words(9) + "." for _ in range(6)], words(3)
        for i in range(copies):
            body = " ".join(release[:3] + rng.sample(release[3:], 2))
            when = start + timedelta(minutes=10 * (i + 1))
            reprints.append(Article(f"r{r}-{i}", body, f"{title} {words(1)}", f"신문{i}", when))
    return others, reprints


def test_more_copies_of_a_text_than_a_twentieth_of_the_store_still_find_each_other():
    """A term in over 5% of the articles retrieves nothing (`max_posting_share`: it would
    bring a whole topic's look-alikes). In a small store one release reprinted many times
    is such a share, and every word of a reprint is the others' too: such an article finds
    its copies by its heaviest shared terms all the same (a county's 15 reprints among 80
    other reports were 13 stories)."""
    others, reprints = _county_day(random.Random(11), 1, 15)
    index = StoryIndex(ClusterConfig())
    for a in others + reprints:  # the reprints arriving one at a time
        index.add(a.id, article_features(a))
    assert len({index.story_of(a.id) for a in reprints}) == 1


@pytest.mark.parametrize("copies", [8, 20, 50])
def test_more_copies_than_neighbours_decided_in_one_batch_are_one_story(copies):
    """Two releases' reprints among 80 other reports, all in one batch. More than k copies
    fill each other's neighbour lists, each with those closest to it (the copies keeping the
    same sentences), so two copies could share no neighbour; and each copy's query was its
    own headline word, the release's words being too common to find anything: 20 reprints
    became two or three stories, some with the other release's. Copies (cosine >=
    `copy_similarity`) link fully and find each other by their common words."""
    others, reprints = _county_day(random.Random(copies), 2, copies)
    index = StoryIndex(ClusterConfig())
    index.add_many(_feats(others + reprints))
    stories = {a.id: index.story_of(a.id) for a in reprints}
    assert len(set(stories.values())) == 2
    assert all(stories[f"r{r}-{i}"] == stories[f"r{r}-0"] for r in (0, 1) for i in range(copies))
    assert all(index.story_of(a.id) not in stories.values() for a in others)


def test_more_word_for_word_copies_than_postings_hold_are_one_story():
    """A wire text reposted word for word by more sites than a term's postings hold
    (`max_posting`), each under its own headline, in one batch: one story (before: each
    copy its own, once the postings held only the latest copies and the first ones decided
    found none placed; in such a store the text's words weigh nothing, and copies under
    headlines of their own had cosine .08)."""
    from datetime import UTC, datetime

    from newsmoa.types import Article

    rng = random.Random(3)
    body = (
        " ".join("".join(chr(0xAC00 + rng.randrange(11172)) for _ in range(3)) for _ in range(60))
        + " 28일 120억 원 12㏊ 30명."
    )
    start = datetime(2024, 5, 28, 9, tzinfo=UTC)
    copies = [
        Article(f"c{i:03d}", body, f"속보 {i}번째 소식", f"사이트{i}", start + timedelta(minutes=i))
        for i in range(100)
    ]
    rng.shuffle(copies)
    index = StoryIndex(ClusterConfig(max_posting=32))
    index.add_many(_feats(copies))
    assert len({index.story_of(a.id) for a in copies}) == 1


def test_a_terms_later_articles_do_not_hide_its_earlier_ones():
    """An article's candidates are the latest `max_posting` articles of its terms *within its
    window*: the same text reposted once a day for a month after one morning's three
    reprints, all in one batch, leaves those three one story, as they are in a batch of
    their own (before: a term's postings gave its latest articles, the month's, which the
    window then dropped, and each of the three founded a story)."""
    from datetime import UTC, datetime

    from newsmoa.types import Article

    rng = random.Random(5)
    words = ["".join(chr(0xAC00 + rng.randrange(11172)) for _ in range(3)) for _ in range(60)]

    def body(n: int) -> str:  # the text with its n-th word left out: not word for word
        return " ".join(w for k, w in enumerate(words) if k != n) + " 28일 120억 원 12㏊ 30명."

    start = datetime(2024, 5, 28, 9, tzinfo=UTC)
    morning = [
        Article(f"m{i}", body(i), "속보 오늘의 소식", f"사이트{i}", start + timedelta(hours=i))
        for i in range(3)
    ]
    month = [
        Article(f"d{i:02d}", body(i), "속보 오늘의 소식", f"신문{i}", start + timedelta(days=i))
        for i in range(3, 33)
    ]
    config = ClusterConfig(max_posting=8, max_posting_share=1.0)
    alone = StoryIndex(config)
    alone.add_many(_feats(morning))
    index = StoryIndex(config)
    index.add_many(_feats(morning + month))
    stories = {index.story_of(a.id) for a in morning}
    assert len(stories) == len({alone.story_of(a.id) for a in morning}) == 1


def _county(article_id: str, title: str, text: str) -> Article:
    return Article(
        id=article_id, title=title, text=text, published=datetime(2024, 6, 3, 9, tzinfo=UTC)
    )


LIBRARY = _county(
    "library",
    "가람군, 군립도서관 야간 개방 시간 연장",
    "가람군은 3일 군립도서관의 야간 개방 시간을 다음 달부터 밤 10시까지 연장한다고 밝혔다. "
    "군은 직장인과 학생들의 이용 요청이 늘어 운영 시간을 늘리기로 했다. 도서관은 열람실 좌석 "
    "120석을 새로 갖췄다. 가람군 관계자는 주민들이 편하게 이용하도록 하겠다고 말했다.",
)
ROADS = _county(
    "roads",
    "가람군, 장마철 앞두고 도로 배수로 일제 점검",
    "가람군은 3일 장마철을 앞두고 관내 도로 배수로 300곳을 일제 점검한다고 밝혔다. 군은 이달 "
    "말까지 막힌 배수로를 정비하고 침수 우려 지역에 모래주머니를 배치하기로 했다. 가람군 "
    "관계자는 주민 안전을 위해 점검에 나서겠다고 말했다.",
)
LIBRARY_REPORT = _county(
    "library-report",
    "가람군립도서관, 다음 달부터 밤 10시까지 문 연다",
    "가람군립도서관이 다음 달부터 야간 개방 시간을 밤 10시까지 연장한다. 가람군은 3일 직장인과 "
    "학생들의 이용 요청이 늘어 도서관 운영 시간을 늘리기로 했다고 밝혔다. 열람실 좌석 120석도 "
    "새로 갖췄다.",
)


def test_a_fresh_store_does_not_join_a_countys_unrelated_items():
    """In a store of a few articles every article is in every neighbour list, so any pair over
    the cosine floor would link fully: two items of one county (cosine ~.16, the words of
    the county and of its press office) were one story. A young index links Korean articles
    only from `young_floor` on, and a report of the same item still joins."""
    articles = [LIBRARY, ROADS, LIBRARY_REPORT]

    def place(**config: float) -> StoryIndex:
        cfg = dataclasses.replace(ClusterConfig(), **config)
        index = StoryIndex(cfg)
        index.add_many([(a.id, article_features(a, cfg)) for a in articles])
        return index

    index = place()
    assert 0.125 < index.cosines(["library", "roads"])[0, 1] < index.config.young_floor
    assert index.story_of("library") == index.story_of("library-report")
    assert index.story_of("library") != index.story_of("roads")
    for off in (place(young_floor=0.0), place(young_index=2)):  # the floor; an older index
        assert off.story_of("library") == off.story_of("roads")
