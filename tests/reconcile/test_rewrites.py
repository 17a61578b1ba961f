"""Rewrites: sentence groups stating one claim in other words are joined; figures keep apart."""

from newsmoa.reconcile.align import consolidate, ngrams
from newsmoa.reconcile.rewrites import content_words, joined, numbers, one_claim
from newsmoa.text.sentences import split_sentences
from newsmoa.types import Article

ORIGINAL = "숨진 구씨는 건강이상으로 쉬다가 현장에 복귀한 지 두달 만에 사고를 당한 것으로 알려졌다."
REWRITE = "유족에 따르면 구씨는 건강상 문제로 잠시 작업을 쉬다가 공사 현장에 복귀한 지 두 달 만에 변을 당했다."
OTHER = "경찰은 현장 관계자들을 불러 안전 수칙을 지켰는지 조사할 방침이다."


def grams(text):
    return ngrams(text, 3)


def test_a_rewrite_is_one_claim_and_another_sentence_is_not():
    assert one_claim(ORIGINAL, REWRITE, content_words) >= 0.6
    assert one_claim(ORIGINAL, OTHER, content_words) == 0.0


def test_figures_one_side_lacks_both_ways_keep_two_sentences_apart():
    a = "보험료 상위 20% 세대는 한달 평균 26만1497원을 내고 30만8317원의 혜택을 받았다."
    b = "보험료 상위 50% 세대는 한달 평균 26만1497원을 내고 30만8317원의 혜택을 받았다."
    assert content_words(a) == content_words(b) - {"50"} | {"20"}
    assert one_claim(a, b, content_words) == 0.0
    # one that names fewer of the same figures is the same claim
    c = "상위 20% 세대는 26만1497원을 내고 30만8317원의 혜택을 받았다."
    assert numbers(c) <= numbers(a)
    assert one_claim(a, c, content_words) > 0


def by_hand(words):
    """A content-word reader for the join's rules alone: the words a sentence is written
    with, split on spaces."""
    return lambda text: frozenset(words.get(text, text.split()))


def test_groups_sharing_an_article_are_never_joined_and_the_best_pair_goes_first():
    read = by_hand({})
    groups = [
        [("a", "가 나 다 라 마")],
        [("b", "가 나 다 라 바"), ("c", "가 나 다 라 사")],
        [("c", "가 나 다 라 마")],  # c is in group 1 already
        [("d", "전혀 다른 문장")],
    ]
    parts = joined(groups, grams, read)
    # 0 and 2 are alike (1.0) and joined first; 1 then shares article c with them
    assert parts == [[0, 2], [1], [3]]


def test_joined_is_a_partition_in_story_order():
    read = by_hand({})
    groups = [[("a", "가 나 다")], [("b", "라 마 바")], [("c", "가 나 다")], [("d", "라 마 바")]]
    parts = joined(groups, grams, read)
    assert parts == [[0, 2], [1, 3]]
    assert sorted(g for p in parts for g in p) == [0, 1, 2, 3]


def test_english_sentences_are_not_read_for_rewrites():
    assert content_words("The council approved the budget on Monday.") == frozenset()


def test_a_rewrite_in_two_outlets_is_one_consolidated_sentence_with_both_sources():
    a = Article(id="a", outlet="가신문", title="t", text=f"{ORIGINAL} {OTHER}")
    b = Article(id="b", outlet="나일보", title="t", text=REWRITE)
    sentences = {x.id: split_sentences(x) for x in (a, b)}
    plain = consolidate([a, b], sentences)
    assert len(plain) == 3  # the trigram alignment alone keeps the rewrite apart
    out = consolidate([a, b], sentences, content_words=content_words)
    assert [c.text for c in out] == [ORIGINAL, OTHER]
    assert [s.article for s in out[0].sources] == ["a", "b"]
    assert b.text[out[0].sources[1].start : out[0].sources[1].end] == REWRITE


def test_a_sentence_naming_no_figure_does_not_bridge_two_that_name_different_ones():
    """Each pair passes alone (none of the middle one's figures is missing from either), but
    the joined part would hold 20% and 50%: the second join is refused (a review)."""
    read = by_hand({})
    groups = [
        [("a", "상위 20% 세대는 한달 평균 26만1497원 보험료 냈다")],
        [("b", "상위 세대는 한달 평균 보험료 냈다")],
        [("c", "상위 50% 세대는 한달 평균 26만1497원 보험료 냈다")],
    ]
    assert joined(groups, grams, read) == [[0, 1], [2]]


def test_a_join_keeps_the_first_read_articles_order_and_its_words_on_a_tie():
    """a says A1 OTHER ORIGINAL, b says A1 REWRITE: b's rewrite first stood right after A1,
    before a's OTHER; joined to a's ORIGINAL, it stands where a's sentence stood, and on a
    one-to-one tie a's words are shown, a first."""
    first = "청솔군은 19일 군청에서 희망재단과 업무협약을 체결했다."
    a = Article(id="a", outlet="가신문", title="t", text=f"{first} {OTHER} {ORIGINAL}")
    b = Article(id="b", outlet="나일보", title="t", text=f"{first} {REWRITE}")
    sentences = {x.id: split_sentences(x) for x in (a, b)}
    out = consolidate([a, b], sentences, content_words=content_words)
    assert [c.text for c in out] == [first, OTHER, ORIGINAL]
    assert [s.article for s in out[2].sources] == ["a", "b"]


def test_groups_of_one_article_are_not_compared_at_all(monkeypatch):
    """The sentences of one long article can never be joined: their shared trigrams are not
    even counted (each was counted against all the others: quadratic in its length)."""
    from collections import Counter

    from newsmoa.reconcile import rewrites

    counted = []

    class Counting(Counter):
        def __setitem__(self, key, value):
            counted.append(key)
            super().__setitem__(key, value)

    monkeypatch.setattr(rewrites, "Counter", Counting)
    alike = [[f"한빛시 {i}번째 문단에서는 지역 경제 활성화 방안을 다룬다."] for i in range(30)]
    assert rewrites._candidates(alike, [frozenset("a")] * 30, grams) == []
    assert counted == []
    # another article's group is still compared with each of them
    pairs = rewrites._candidates(
        [*alike, alike[0]], [frozenset("a")] * 30 + [frozenset("b")], grams
    )
    assert pairs == [(i, 30) for i in range(30)] and set(counted) == {30}


def test_one_amount_written_two_ways_is_one_figure():
    """An outlet's `1.5억원` for the release's `1억5000만원`, in a sentence it reworded: the
    figures were compared as digit strings (`1.5` against `1`, `5000`), so the two versions
    were two claims, each "only here" (a press office's case)."""
    release = (
        "군은 청년 농업인 12명에게 온실을 빌려주고 임대료로 해마다 군비 1억5000만원을 지원한다."
    )
    reprint = "청년 농업인 12명이 입주하며, 군비 1.5억원이 해마다 임대료 지원에 쓰인다."
    assert numbers(release) == numbers(reprint)
    assert one_claim(release, reprint, content_words) >= 0.6
    # another amount is another claim
    assert one_claim(release, reprint.replace("1.5억", "2.5억"), content_words) == 0.0
    parts = joined([[("r", release)], [("b", reprint)]], grams, content_words)
    assert parts == [[0, 1]]


def test_an_outlet_matched_only_by_a_rewrite_keeps_its_own_sentences_beside_it():
    """b rewrote a's third sentence and added a lead and a closing sentence of its own. No
    sentence of b's matched by trigrams, so its own ones were put after the whole story, and
    the rewrite, joined to a's, left them there: b's lead read after a's last sentence (a
    black-box case). They stand as b has them around its rewrite, as they would around a
    sentence matched word for word: its lead before it, its closing sentence after it."""
    first = "청솔군은 19일 군청에서 희망재단과 업무협약을 체결했다."
    last = "군은 내년까지 협약 사업을 이어갈 계획이다."
    lead = "지난 주말 공사 현장에서 근로자 한 명이 추락해 숨졌다."
    own = "노동부는 해당 업체에 대해 작업중지 명령을 내렸다."
    a = Article(id="a", outlet="가신문", title="t", text=f"{first} {OTHER} {ORIGINAL} {last}")
    b = Article(id="b", outlet="나일보", title="t", text=f"{lead} {REWRITE} {own}")
    sentences = {x.id: split_sentences(x) for x in (a, b)}
    out = consolidate([a, b], sentences, content_words=content_words)
    assert [c.text for c in out] == [first, OTHER, lead, ORIGINAL, own, last]
    assert [[s.article for s in c.sources] for c in out] == [
        ["a"],
        ["a"],
        ["b"],
        ["a", "b"],
        ["b"],
        ["a"],
    ]
