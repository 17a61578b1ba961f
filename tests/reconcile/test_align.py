"""Alignment: one consolidated sentence per distinct sentence, with every source."""

import dataclasses
from datetime import UTC

from newsmoa.reconcile.align import consolidate
from newsmoa.reconcile.reuse import measure, release_shares
from newsmoa.text.sentences import split_sentences
from newsmoa.types import Article, Sentence

ITEMS = [
    "지역의 다양한 정책의 개발과 창안 활동의 자문 및 지원",
    "사회적경제",
    "완주군의 다양한 공동체사업과 연계된 정책협력 지원",
    "도시재생, 환경 등 지역문제 현안에 대한 교류 협력 추진",
    "국제교류, 학술대회, 심포지엄 등 국내외 정책 소통 활동 연계",
    "중간지원조직의 업무 협력 및 교류 확대",
]


def sentences_of(articles):
    return {a.id: split_sentences(a) for a in articles}


def test_example_each_agreement_item_once_with_all_sources(example_articles):
    out = consolidate(example_articles, sentences_of(example_articles))
    ids = {a.id for a in example_articles}
    for item in ITEMS:
        holders = [c for c in out if item in c.text.replace("의 실천", " 실천")]
        assert len(holders) == 1, item
        assert {s.article for s in holders[0].sources} == ids, item


def test_every_source_slices_its_own_variant(example_articles):
    texts = {a.id: a.text for a in example_articles}
    sents = sentences_of(example_articles)
    out = consolidate(example_articles, sents)
    starts = {(s.article, s.start) for ss in sents.values() for s in ss}
    ends = {(s.article, s.end) for ss in sents.values() for s in ss}
    for c in out:
        for src in c.sources:
            assert 0 <= src.start < src.end <= len(texts[src.article])
            assert (src.article, src.start) in starts and (src.article, src.end) in ends
    # the article the consolidated words come from carries them verbatim
    for c in out:
        assert any(texts[s.article][s.start : s.end] == c.text for s in c.sources)


def art(aid, text, hour):
    from datetime import datetime

    return Article(id=aid, text=text, published=datetime(2024, 1, 1, hour, tzinfo=UTC))


def manual(article):
    out, pos = [], 0
    for part in article.text.split("\n"):
        out.append(Sentence(article.id, pos, pos + len(part), part))
        pos += len(part) + 1
    return tuple(out)


def test_bullet_and_quote_variants_are_one_sentence_and_new_ones_keep_order():
    a = art("a", "시는 △도로 보수 △공원 조성을 추진한다.\n시장은 “함께 하자”고 말했다.", 1)
    b = art(
        "b",
        '시는 ▶도로 보수 ▶공원 조성을 추진한다.\n예산은 10억 원이다.\n시장은 "함께 하자"고 말했다.',
        2,
    )
    out = consolidate([b, a], {x.id: manual(x) for x in (a, b)})
    assert [c.text for c in out] == [
        "시는 △도로 보수 △공원 조성을 추진한다.",
        "예산은 10억 원이다.",
        "시장은 “함께 하자”고 말했다.",
    ]
    assert [[s.article for s in c.sources] for c in out] == [["a", "b"], ["b"], ["a", "b"]]


def test_unrelated_sentences_stay_apart():
    a = art("a", "시는 도로를 보수한다.", 1)
    b = art("b", "군은 축제를 연다.", 2)
    out = consolidate([a, b], {x.id: manual(x) for x in (a, b)})
    assert len(out) == 2


def test_sentences_sharing_only_common_words_stay_apart_with_their_own_sources():
    """Two outlets' last sentences share "관계자는 ... 말했다" and nothing else: each is a
    sentence of its own, naming its own outlet (they were one, shown with the first
    outlet's words and credited to both, while the second's words were nowhere)."""
    same = "시청 앞 광장에 분수대가 새로 생겼다.\n분수대는 매일 오후 6시부터 가동된다.\n"
    a = art("a", same + "시 관계자는 여름철 시민 휴식 공간이 될 것이라고 말했다.", 1)
    b = art("b", same + "부산 해운대구 관계자는 주말 동안 해수욕장에 백만명이 몰렸다고 말했다.", 2)
    out = consolidate([a, b], {x.id: manual(x) for x in (a, b)})
    assert [[s.article for s in c.sources] for c in out] == [["a", "b"], ["a", "b"], ["b"], ["a"]]
    assert out[2].text.startswith("부산 해운대구") and out[3].text.startswith("시 관계자는")


def test_two_sentences_of_one_outlet_align_with_one_of_another():
    a = art(
        "a",
        "양측은 2008년부터 협약을 맺고 공무원 5명을 파견했고, 그간 마을 사업과 먹거리 사업을 추진해왔다.",
        1,
    )
    b = art(
        "b",
        "양측은 2008년부터 협약을 맺고 공무원 5명을 파견했다.\n그간 마을 사업과 먹거리 사업을 추진해왔다.",
        2,
    )
    out = consolidate([a, b], {x.id: manual(x) for x in (a, b)})
    assert len(out) == 1
    (src_b,) = [s for s in out[0].sources if s.article == "b"]
    assert b.text[src_b.start : src_b.end] == b.text


def test_reuse_earliest_zero_and_copies_high():
    a = art("a", "시는 내년 예산을 확정했다고 밝혔다. 총액은 1조 원이다.", 1)
    b = art("b", "시는 내년 예산을 확정했다고 밝혔다. 총액은 1조 원이다.", 2)
    c = art("c", "전혀 다른 이야기를 담은 기사이다.", 3)
    scores = measure([c, b, a], {x.id: split_sentences(x) for x in (a, b, c)}).scores
    assert scores == {"a": 0.0, "b": 1.0, "c": 0.0}


def test_a_sentence_shows_the_words_most_outlets_print():
    """Of three outlets' variants of a sentence, the one two print is shown (its source
    first), not the first article's misprint; a press release's words come first anyway."""
    right = "청솔군은 28일 업무협약을 체결했다."
    arts = [
        Article(id="a", text=right.replace("28일", "27일"), outlet="가"),
        Article(id="b", text=right, outlet="나"),
        Article(id="c", text=right, outlet="다"),
    ]
    sentences = {a.id: split_sentences(a) for a in arts}
    (shown,) = consolidate(arts, sentences)
    assert shown.text == right and shown.sources[0].article == "b"
    assert {s.article for s in shown.sources} == {"a", "b", "c"}
    release = [dataclasses.replace(arts[0], is_release=True), *arts[1:]]
    (given,) = consolidate(release, sentences)
    assert "27일" in given.text and given.sources[0].article == "a"


def test_release_share_is_how_much_of_the_release_an_outlet_ran():
    """An outlet printing one of the release's five sentences took all of its own text from
    the release (`reuse` 1) but ran a fifth of it: "carried by … (100%)" read as the whole
    release (a black-box case)."""

    lines = [
        "진안군은 27일 농어촌공사와 농촌용수 개발 협약을 체결했다고 28일 밝혔다.",
        "협약에 따라 공사는 용수로 12km를 새로 놓는다.",
        "사업비는 35억원으로 군과 공사가 나눠 낸다.",
        "공사는 내년 3월 착공해 2026년 완공할 계획이다.",
        "김도윤 군수는 농가 소득이 늘 것이라고 말했다.",
    ]
    release = Article(id="r", text="\n".join(lines), is_release=True)
    brief = Article(id="b", text=lines[0])
    whole = Article(id="c", text="\n".join(lines))
    sentences = {x.id: split_sentences(x) for x in (release, brief, whole)}
    assert measure([release, brief], sentences).scores["b"] == 1.0
    grams = measure([release, brief, whole], sentences).grams
    shares = release_shares(release, [brief, whole], grams)
    assert 0.1 < shares["b"] < 0.35
    assert shares["c"] == 1.0


def test_a_sentence_is_looked_up_only_among_the_earlier_articles_variants(monkeypatch):
    """A group this article is in can take its sentence only as a continuation, so the
    lookup index holds the variants of the articles read before it (a long article's
    sentences were each counted against all its others: quadratic in its length)."""
    from newsmoa.reconcile import align

    seen = []
    best_group = align._best_group

    def counting(grams, groups, index, *rest):
        seen.append(sum(len(p) for p in index.values()))
        return best_group(grams, groups, index, *rest)

    monkeypatch.setattr(align, "_best_group", counting)
    lines = [
        f"한빛시 {i}번째 문단에서는 지역 경제 활성화 방안을 다룬다."
        if i % 2
        else f"관계자는 예산 {i}억원이 필요하다고 말했다."
        for i in range(20)
    ]
    a = art("a", "\n".join(lines), 1)
    out = consolidate([a], {"a": manual(a)})
    assert len(out) == 20 and seen == [0] * 20  # nothing of its own article to count
    seen.clear()
    b = art("b", "\n".join(lines[:3]), 2)
    out = consolidate([a, b], {x.id: manual(x) for x in (a, b)})
    assert seen[:20] == [0] * 20 and len(set(seen[20:])) == 1 and seen[20] > 0
    assert [[s.article for s in c.sources] for c in out[:4]] == [["a", "b"]] * 3 + [["a"]]


def test_an_outlets_own_sentences_keep_their_place_and_its_lead_stays_near_the_top():
    """b reorders a's paragraphs, opens with a lead of its own and adds a quote after a's
    second sentence. Its lead was put after every sentence read before (the story's end),
    and with rewrites read, every sentence of a later outlet went after all of the first
    one's, so b's quote left the sentence it follows (a black-box case)."""
    from newsmoa.reconcile.rewrites import content_words

    s1 = "청솔군은 3일 청솔읍에서 청년창업지원센터 개관식을 열었다고 밝혔다."
    s2 = "센터는 총사업비 45억원을 들여 지상 4층 규모로 지어졌다."
    s3 = '김하늘 청솔군수는 "청년들의 꿈을 아낌없이 돕겠다"고 말했다.'
    lead = "충남 청솔군에 청년 창업 기업 스무 곳이 들어서는 둥지가 마련됐다."
    quote = '입주 기업 대표 최민호 씨는 "임대료 걱정 없이 개발에 집중하겠다"고 말했다.'
    a = art("a", "\n".join([s1, s2, s3]), 1)
    b = art("b", "\n".join([lead, s3, s1, s2, quote]), 2)
    sents = {x.id: manual(x) for x in (a, b)}
    for words in (None, content_words):
        out = consolidate([b, a], sents, content_words=words)
        assert [c.text for c in out] == [s1, lead, s2, quote, s3], words
        assert [[s.article for s in c.sources] for c in out] == [
            ["a", "b"],
            ["b"],
            ["a", "b"],
            ["b"],
            ["a", "b"],
        ]


def test_one_sentence_that_is_two_of_the_release_names_its_outlet_in_both():
    """b joins the release's last two sentences into one (`… 계획이며, … 예정이다`): b
    carries both, and was named only in the first (a press office counting who ran the
    council sentence missed b)."""
    s1 = "청솔군은 3일 청솔읍에서 청년창업지원센터 개관식을 열었다고 밝혔다."
    s2 = "군은 내년 상반기까지 기본설계와 실시설계를 마치고 하반기에 착공할 계획이다."
    s3 = "군은 센터 운영을 위해 농업인과 지역 주민이 참여하는 운영협의회를 구성할 예정이다."
    joined = "군은 내년 상반기까지 기본설계와 실시설계를 마치고 하반기에 착공할 계획이며, 센터 운영을 위해 농업인과 지역 주민이 참여하는 운영협의회를 구성할 예정이다."
    tail = "한편 청솔군은 지난해 직매장 매출 86억 원을 올렸다."
    a = art("a", "\n".join([s1, s2, s3, tail]), 1)
    b = art("b", "\n".join([s1, joined, tail]), 2)
    c = art("c", "\n".join([s1, s2, s3]), 3)
    out = consolidate([a, b, c], {x.id: manual(x) for x in (a, b, c)})
    assert [c.text for c in out] == [s1, s2, s3, tail]
    assert [[s.article for s in c.sources] for c in out] == [
        ["a", "b", "c"],
        ["a", "b", "c"],
        ["a", "b", "c"],
        ["a", "b"],
    ]
    (src_b,) = [s for s in out[2].sources if s.article == "b"]
    assert b.text[src_b.start : src_b.end] == joined


def test_a_sentence_stays_one_source_of_one_group_when_it_only_shares_a_part():
    """A longer sentence that holds one group's words and a few of another's joins only
    the first."""
    s1 = "군은 내년 상반기까지 기본설계와 실시설계를 마치고 하반기에 착공할 계획이다."
    s2 = "군은 센터 운영을 위해 농업인과 지역 주민이 참여하는 운영협의회를 구성할 예정이다."
    longer = "군은 내년 상반기까지 기본설계와 실시설계를 마치고 하반기에 착공할 계획이며, 주민 의견을 듣는 자리도 마련한다."
    a = art("a", "\n".join([s1, s2]), 1)
    b = art("b", longer, 2)
    out = consolidate([a, b], {x.id: manual(x) for x in (a, b)})
    assert [[s.article for s in c.sources] for c in out] == [["a", "b"], ["a"]]


def test_a_paragraph_an_outlet_printed_twice_counts_once():
    """b's editing slip repeats a sentence: its source is the first copy alone (it spanned
    both, and the chip showed the sentence twice)."""
    s1 = "청솔군은 3일 청솔읍에서 청년창업지원센터 개관식을 열었다고 밝혔다."
    s2 = "센터는 총사업비 45억원을 들여 지상 4층 규모로 지어졌다."
    s3 = '김하늘 청솔군수는 "청년들의 꿈을 아낌없이 돕겠다"고 말했다.'
    a = art("a", "\n".join([s1, s2, s3]), 1)
    b = art("b", "\n".join([s1, s2, s2, s3]), 2)
    out = consolidate([a, b], {x.id: manual(x) for x in (a, b)})
    assert [c.text for c in out] == [s1, s2, s3]
    (src_b,) = [s for s in out[1].sources if s.article == "b"]
    assert b.text[src_b.start : src_b.end] == s2


def test_a_sentence_printed_whole_joins_its_own_group_not_one_it_is_part_of():
    """b ran the release's s2 and s3 as one sentence; c runs s3 alone, word for word. c's
    sentence lies whole in b's joined one (containment 1.0) as much as it equals s3 (Dice
    1.0): it joined s2's group, the earlier of the two, and c was named as carrying s2,
    which it never printed, and not s3, which it did (a black-box case)."""
    s1 = "청솔군은 3일 청솔읍에서 청년창업지원센터 개관식을 열었다고 밝혔다."
    s2 = "센터에는 온도와 습도를 원격으로 제어하는 설비가 설치됐다."
    s3 = "군은 심사를 거쳐 선발한 청년 20명에게 사무실을 3년간 임대한다."
    joined = "센터에는 온도와 습도를 원격으로 제어하는 설비가 설치됐으며, 군은 심사를 거쳐 선발한 청년 20명에게 사무실을 3년간 임대한다."
    a = art("a", "\n".join([s1, s2, s3]), 1)
    b = art("b", "\n".join([s1, joined]), 2)
    c = art("c", "\n".join([s1, s3]), 3)
    out = consolidate([a, b, c], {x.id: manual(x) for x in (a, b, c)})
    assert [c.text for c in out] == [s1, s2, s3]
    assert [[s.article for s in c.sources] for c in out] == [
        ["a", "b", "c"],
        ["a", "b"],
        ["a", "b", "c"],
    ]
