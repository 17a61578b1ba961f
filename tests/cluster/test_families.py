"""Near-duplicate families: reprints, pasted wire text, and rewrites that are not reprints."""

from __future__ import annotations

from cluster_samples import ROWS, article

from newsmoa.cluster import near_duplicate_families, near_duplicate_pairs
from newsmoa.types import Article

WIRE = (
    "완주군이 19일 희망제작소와 지역공동체 활성화를 위한 2단계 협약을 체결했다. "
    "박성일 완주군수와 이원재 희망제작소 소장이 협약식에 참석해 서명했다. "
    "두 기관은 앞으로 3년 동안 마을기업 50곳을 함께 육성하기로 했다. "
    "완주군은 협약에 따라 사업비 10억원을 지원하고 희망제작소는 교육을 맡는다."
)
REPRINT = (
    WIRE.replace("19일", "지난 19일").replace("서명했다", "협약서에 서명했다")
    + " △문의 063-290-2000"
)
REWRITE = (
    "희망제작소와 완주군의 두 번째 협력이 시작됐다. 이번 협약의 핵심은 마을기업 육성으로, "
    "군은 10억원의 예산을 마련했다고 밝혔다. 이원재 소장은 주민이 주도하는 공동체를 강조했고, "
    "박성일 군수도 지역 활성화에 대한 기대를 나타냈다."
)
OTHER = (
    "전주 한옥마을 인근 상가에서 20일 오전 불이 나 2명이 다쳤다. 소방당국은 소방차 15대를 "
    "투입해 1시간 만에 불을 껐다. 경찰은 정확한 화재 원인을 조사하고 있다."
)


def _art(aid: str, text: str) -> Article:
    return Article(id=aid, text=text, title="")


def test_reprint_is_a_near_duplicate_and_a_rewrite_is_not():
    arts = [_art("wire", WIRE), _art("reprint", REPRINT), _art("rewrite", REWRITE)]
    pairs = near_duplicate_pairs(arts)
    assert {(p.a, p.b) for p in pairs} == {("wire", "reprint")}
    families, _ = near_duplicate_families(arts, ["s", "s", "s"])
    assert [(f.story, f.articles) for f in families] == [("s", ("wire", "reprint"))]


def test_pasted_wire_text_is_found_across_stories():
    longer = _art("paste", OTHER + " " + WIRE)
    arts = [_art("wire", WIRE), longer, article(ROWS[5])]
    pairs = near_duplicate_pairs(arts)
    assert [(p.a, p.b) for p in pairs] == [("wire", "paste")]
    families, found = near_duplicate_families(arts, ["a", "b", "c"])
    assert families == [] and len(found) == 1  # a pair across stories is not a family


def test_a_text_is_its_own_near_duplicate_and_short_texts_are_not():
    arts = [_art("a", WIRE), _art("b", WIRE), _art("c", "짧은 글"), _art("d", "짧은 글")]
    pairs = near_duplicate_pairs(arts)
    assert [(p.a, p.b, p.share) for p in pairs] == [("a", "b", 1.0)]


# Sentences for the share tests (written for these tests): each 15+ characters, unrelated.
POOL = (
    "세종시는 내년부터 시내버스 노선 12개를 새로 개편한다고 밝혔다.",
    "시는 출퇴근 시간대 배차 간격을 평균 8분으로 줄일 계획이다.",
    "이번 개편으로 읍면 지역 주민의 이동 시간이 크게 줄어들 전망이다.",
    "광주 북구청은 노후 하수관 교체 공사를 다음 달까지 마무리한다.",
    "공사 기간에는 일부 도로의 차량 통행이 부분적으로 통제된다.",
    "강원 산간 지역에는 오늘 밤부터 최대 20㎝의 눈이 내릴 것으로 보인다.",
    "기상청은 빙판길 교통사고에 각별히 주의해 달라고 당부했다.",
    "부산항만공사는 올해 컨테이너 물동량이 역대 최대를 기록했다고 발표했다.",
    "환적 화물이 지난해보다 7% 늘어난 것이 증가세를 이끌었다.",
    "대전의 한 초등학교에서 학생 30여명이 식중독 의심 증세를 보였다.",
    "보건당국은 급식 재료를 수거해 정확한 원인을 조사하고 있다.",
    "제주도는 관광객 안전을 위해 해수욕장 안전요원을 두 배로 늘린다.",
)


def _text(*idx: int) -> str:
    return " ".join(POOL[i] for i in idx)


def test_reprint_with_a_changed_headline_and_edited_lead_is_a_near_duplicate():
    wire = Article(id="wire", title="세종시 버스 노선 12개 개편", text=_text(0, 1, 2))
    reprint = Article(
        id="reprint",
        title="[지역] 내년 세종 시내버스 확 바뀐다…배차 8분",
        text=_text(0, 1, 2).replace("내년부터", "2025년부터") + " 문의 044-300-0000",
    )
    pairs = near_duplicate_pairs([wire, reprint])
    assert [(p.a, p.b, p.share) for p in pairs] == [("wire", "reprint", 1.0)]


def test_half_of_the_shorter_articles_sentences_is_enough_and_less_is_not():
    longer = _text(0, 1, 3, 4, 5, 6, 7, 8)
    half = Article(id="half", text=_text(0, 1, 9, 10), title="")  # 2 of 4 in `longer`
    under = Article(id="under", text=_text(0, 1, 9, 10, 11), title="")  # 2 of 5
    arts = [Article(id="long", text=longer, title=""), half, under]
    pairs = near_duplicate_pairs(arts)
    assert {(p.a, p.b, p.share) for p in pairs} == {
        ("long", "half", 0.5),
        ("half", "under", 1.0),
    }  # half is inside under


def test_pasted_wire_is_found_across_stories_among_many_unrelated_articles():
    # the pasted block is a minority of the longer article, in another story, among 60 others
    wire = Article(id="wire", text=WIRE, title="완주군-희망제작소 협약")
    paste = Article(id="paste", text=_text(3, 4, 5, 6, 7, 8, 9) + " " + WIRE, title="지역 소식")
    others = [
        Article(
            id=f"o{k}",
            text=_text(k % 12, (k + 5) % 12) + f" 관계자는 {k}번째 안건을 설명했다.",
            title="",
        )
        for k in range(60)
    ]
    arts = [wire, *others, paste]
    pairs = near_duplicate_pairs(arts)
    assert ("wire", "paste", 1.0) in {(p.a, p.b, p.share) for p in pairs}


def test_candidates_miss_no_pair_that_meets_the_definition():
    # random articles from shared sentences, some edited: the indexed search finds exactly
    # the pairs an all-pairs check finds
    import random

    from newsmoa.cluster.config import DEFAULT_CONFIG
    from newsmoa.cluster.families import _grams, sentence_share

    rng = random.Random(7)

    def edited(s: str) -> str:
        chars = list(s)
        for _ in range(rng.randrange(0, 9)):
            chars[rng.randrange(len(chars))] = rng.choice("가나다라마바사아자차카타파하")
        return "".join(chars)

    arts = []
    for k in range(80):
        picks = rng.sample(range(len(POOL)), rng.randrange(1, 6))
        arts.append(Article(id=f"a{k}", text=" ".join(edited(POOL[i]) for i in picks), title=""))
    found = {(p.a, p.b) for p in near_duplicate_pairs(arts)}
    grams = [_grams(a.text) for a in arts]
    expected, below = set(), 0
    for i in range(len(arts)):
        for j in range(i + 1, len(arts)):
            short, other = (i, j) if grams[i].chars <= grams[j].chars else (j, i)
            share = sentence_share(grams[short], grams[other], DEFAULT_CONFIG.sentence_jaccard)
            if share >= DEFAULT_CONFIG.near_duplicate_share:
                expected.add((arts[i].id, arts[j].id))
            elif share > 0:
                below += 1
    assert len(expected) > 40 and below > 40  # pairs on both sides of the share
    assert found == expected


def test_prefix_index_finds_a_sentence_pair_exactly_at_the_jaccard_threshold():
    # the tightest case for the prefix bound: a 4-gram sentence inside an 8-gram one (Jaccard
    # 0.5), the other's four extra grams rarer than the shared ones, so they fill its prefix
    import numpy as np

    from newsmoa.cluster.config import DEFAULT_CONFIG
    from newsmoa.cluster.families import _Grams, _shares

    def one_sentence(hashes: list[int], chars: int) -> _Grams:
        g = np.array(sorted(hashes), dtype=np.uint64)
        return _Grams(g, np.zeros(g.size, np.int64), np.array([g.size], np.int64), chars)

    shared, extra = [10, 20, 30, 40], [1, 2, 3, 4]
    pairs = _shares([one_sentence(shared, 20), one_sentence(shared + extra, 40)], DEFAULT_CONFIG)
    assert pairs == [(0, 1, 1.0)]  # all of the shorter sentence's grams are in the other
    # one gram fewer in common (Jaccard 3/9): no pair
    pairs = _shares(
        [one_sentence(shared, 20), one_sentence(shared[:3] + extra + [5], 40)], DEFAULT_CONFIG
    )
    assert pairs == []
    # two 6-gram sentences sharing 4 (Jaccard 4/8): the first shared gram is the last one the
    # index keeps of the sentence indexed first
    pairs = _shares(
        [one_sentence(shared + [1, 2], 20), one_sentence(shared + [3, 4], 21)], DEFAULT_CONFIG
    )
    assert pairs == [(0, 1, 1.0)]


def test_background_table_knows_function_words():
    from newsmoa.cluster.terms import term_counts
    from newsmoa.cluster.vectors import DocFreq

    df = DocFreq(50)
    common, _ = term_counts("밝혔다 했다 있다 the and of", 0, 0.0)
    rare, _ = term_counts("희망제작소 Klitschko", 0, 0.0)
    assert df.common(common, 0.05).all()
    assert df.common(rare, 0.05).mean() < 0.5  # 제작 (of 희망제작소) is a common bigram
