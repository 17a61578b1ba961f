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


def test_more_than_half_of_the_shorter_articles_sentences_is_enough_and_half_is_not():
    # "most of the shorter article's sentences": exactly half is not most
    longer = _text(0, 1, 3, 4, 5, 6, 7, 8)
    half = Article(id="half", text=_text(0, 1, 9, 10), title="")  # 2 of 4 in `longer`
    most = Article(id="most", text=_text(0, 1, 3, 9, 10), title="")  # 3 of 5 in `longer`
    arts = [Article(id="long", text=longer, title=""), half, most]
    pairs = near_duplicate_pairs(arts)
    assert {(p.a, p.b, p.share) for p in pairs} == {
        ("long", "most", 0.6),
        ("half", "most", 1.0),
    }  # half is inside most


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
    from newsmoa.cluster.families import _grams, appearing, sentence_share

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
            t = DEFAULT_CONFIG.sentence_jaccard
            if sentence_share(grams[short], grams[other], t) == 0:
                continue  # no sentence in common on its own: never a candidate
            share = appearing(grams[short], grams[other], t).mean()
            if share > DEFAULT_CONFIG.near_duplicate_share:
                expected.add((arts[i].id, arts[j].id))
            else:
                below += 1
    assert len(expected) > 30 and below > 40  # pairs on both sides of the share
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


def test_a_decimal_point_does_not_end_a_sentence():
    # the shorter article: two sentences of the other plus one of its own with decimals; cut at
    # each "." its own sentence would count as three (each fragment 15+ characters), 2 of 5
    own = (
        "서울 아파트값은 지난달 대비 0.12% 올라 상승폭이 전월의 0.08%보다 커졌다고 감정원이 밝혔다."
    )
    short = Article(id="short", text=_text(0, 1) + " " + own, title="")
    longer = Article(id="long", text=_text(0, 1, 3, 4, 5), title="")
    pairs = near_duplicate_pairs([short, longer])
    assert [(p.a, p.b, p.share) for p in pairs] == [("short", "long", 0.667)]


# Sentences for the re-cut tests (written for these tests).
TRIAL = (
    "검찰은 이날 결심 공판에서 피고인에게 징역 5년을 구형했다.",
    "재판부는 다음 달 20일 오후 2시에 선고 공판을 열기로 했다.",
    "피고인은 최후 진술에서 피해자와 유족에게 거듭 사과했다.",
    "법원 앞에는 이른 아침부터 시민 수십 명이 모여 재판을 지켜봤다.",
)


def test_sentences_the_other_article_joined_into_one_still_appear_in_it():
    # the other outlet joined the first two sentences into one ("...구형했고, 재판부는..."):
    # neither reaches Jaccard 0.5 with the joined sentence alone, but both appear in it
    from newsmoa.cluster.families import _grams, appearing, sentence_share

    short = Article(id="short", text=" ".join(TRIAL), title="")
    joined = TRIAL[0].replace("구형했다.", "구형했고,") + " " + TRIAL[1]
    longer = Article(
        id="long",
        text=joined + " " + TRIAL[2] + " 피고인 측 변호인은 우발적인 범행이었다며 선처를 "
        "호소했다. 유족들은 엄벌을 요구하는 탄원서 300여장을 재판부에 냈다.",
        title="",
    )
    a, b = _grams(short.text), _grams(longer.text)
    assert sentence_share(a, b, 0.5) == 0.25  # only the third sentence on its own
    assert appearing(a, b, 0.5).tolist() == [True, True, True, False]
    pairs = near_duplicate_pairs([short, longer])
    assert [(p.a, p.b, p.share) for p in pairs] == [("short", "long", 0.75)]


def test_a_sentence_is_not_carried_by_its_matching_neighbour():
    # the first sentences are two outlets' own wording of one fact (about half of the first's
    # grams in common); the long second sentence is the same in both. Together the two-sentence
    # runs reach Jaccard 0.5, but the first sentence has under 2/3 of its grams in that run of
    # the other, so it does not appear there.
    from newsmoa.cluster.families import _grams, appearing

    same = (
        "시 관계자는 피해 주민들에게 임시 숙소와 생활필수품을 지원하고 복구 작업이 끝날 "
        "때까지 현장 대책반을 운영하겠다고 밝혔다."
    )
    one = Article(
        id="one",
        text="경찰은 정확한 화재 원인과 피해 규모를 조사하고 있다. "
        + same
        + " 인근 주민 20여명이 한때 대피하는 소동이 빚어졌다.",
        title="",
    )
    two = Article(
        id="two",
        text="소방당국도 정확한 화재 원인과 피해 규모를 확인하는 중이다. "
        + same
        + " 이 불로 창고 건물 1개 동이 모두 탔다. 재산 피해는 소방서 추산 3천만원이다.",
        title="",
    )
    assert appearing(_grams(one.text), _grams(two.text), 0.5).tolist() == [False, True, False]
    assert near_duplicate_pairs([one, two]) == []


def test_a_shortened_sentence_next_to_a_reprinted_one_does_not_appear():
    # the first two sentences are shortened versions of the other's (each wholly inside the
    # longer one, Jaccard under 0.5), the third is reprinted: the runs of all three reach
    # Jaccard 0.5, but the other's longer sentences are not inside the shortened ones, so
    # this is not one text cut two ways, and only the reprinted sentence appears
    from newsmoa.cluster.families import _grams, appearing

    short = (
        "토론회에서는 시가 제안한 정책사업에 대해 주민들이 의견을 제시했다. "
        "군수는 인사말에서 주민과 함께 지역 현안을 고민하는 파트너가 되자고 말했다. "
    )
    full = (
        "이어 열린 토론회에서는 시가 제안한 다양한 정책사업에 대해 주민들이 의견을 제시하고 "
        "앞으로의 사업 방향에 대해서도 허심탄회한 논의를 벌였다. 군수는 인사말에서 서로 "
        "협력해 정책을 만들어야 한다며 주민과 함께 지역 현안을 고민하는 파트너가 되자고 "
        "강조했다. "
    )
    same = "두 기관은 지난 2008년부터 협약을 맺고 공무원 5명을 파견해 마을공동체 사업을 함께 추진해왔다."
    a, b = _grams(short + same), _grams(full + same)
    assert appearing(a, b, 0.5).tolist() == [False, False, True]
