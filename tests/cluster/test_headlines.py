"""Headline rules: who acts, headline affinity, and the join gate they feed."""

from __future__ import annotations

import dataclasses

import numpy as np

from newsmoa.cluster import DEFAULT_CONFIG, StoryIndex, article_features
from newsmoa.cluster.headlines import Headlines, headline_actors
from newsmoa.cluster.terms import compared_words, title_words


def test_actors_from_quote_speaker_and_comma_subject():
    assert headline_actors("기상청 “내일 전국에 비”") == ("기상청",)
    assert headline_actors("가나전자, 3분기 영업이익 20% 증가") == ("가나전자",)
    assert headline_actors("[속보] 다라시-마바군, 협약 체결") == ("다라시", "마바군")
    assert headline_actors("“가격 인상 없다” 사바식품") == ("사바식품",)
    # modifiers and case forms are not names; non-Korean headlines have no actors here
    assert headline_actors("관망하던 美, 중재 나서") == ()
    assert headline_actors("Company X, profits up") == ()


def test_affinity_is_unknown_without_a_korean_headline():
    heads = Headlines()
    heads.append(("가나전자", "영업이익", "증가"))
    heads.append(("다라제약", "영업이익", "감소"))
    heads.append(("company", "profits"))
    heads.append(("내일", "날씨", "맑음"))
    assert heads.affinity(0, 2) is None
    assert 0.0 < heads.affinity(0, 1) <= 1.0
    assert heads.affinity(0, 3) == 0.0


def test_actors_agree_when_one_headline_names_the_other():
    heads = Headlines()
    heads.append(("가나전자", "영업이익"), ("가나전자",))
    heads.append(("다라제약", "영업이익"), ("다라제약",))
    heads.append(("가나전자", "실적", "발표"), ())
    assert heads.actors_agree(0, [1]) == 0.0
    assert heads.actors_agree(0, [2]) == 1.0


def test_headline_gate_keeps_unrelated_headlines_apart(articles):
    """Two texts alike in the body but with headlines sharing nothing do not join, unless
    one is a reprint of the other: its figures, in order (`reprints.py`)."""
    wanju = articles[0]
    other = wanju.text.replace("19일", "26일").replace("50곳", "30곳").replace("2단계", "3단계")
    twin = dataclasses.replace(wanju, id="twin", title="전혀 다른 제목 소식", text=other)
    reprint = dataclasses.replace(wanju, id="reprint", title="전혀 다른 제목 소식")
    items = [(a.id, article_features(a)) for a in (wanju, twin, reprint)]
    on = StoryIndex(dataclasses.replace(DEFAULT_CONFIG, headline_floor=0.05))
    on.add_many(items[:2])
    off = StoryIndex(dataclasses.replace(DEFAULT_CONFIG, headline_floor=0.0))
    off.add_many(items[:2])
    assert off.story_of("twin") == off.story_of(wanju.id)
    assert on.story_of("twin") != on.story_of(wanju.id)
    both = StoryIndex(dataclasses.replace(DEFAULT_CONFIG, headline_floor=0.05))
    both.add_many([items[0], items[2]])
    assert both.story_of("reprint") == both.story_of(wanju.id)


def test_actor_names_a_title_and_the_alias_table():
    # a name and a title before a quote are both the speaker; a country before a body is not
    assert headline_actors("가나다 법무장관 “문제 없다”") == ("가나다", "법무장관")
    assert headline_actors("일본 라마당 “제외 중단하라”") == ("라마당",)
    heads = Headlines()
    heads.append(("중국", "대만", "통행증", "중단"), ("중국",))
    heads.append(("中대만", "관광객", "감소"), ())
    heads.append(("포항시", "정기항로", "개설"), ("포항시",))
    heads.append(("포항", "영일만항", "취항"), ())
    assert heads.actors_agree(0, [1]) == 1.0  # 中 is 중국 (data/actor_aliases.txt)
    assert heads.actors_agree(2, [3]) == 1.0  # 포항시 is 포항


def test_same_claim_agrees_without_a_named_actor():
    """The same quote attributed in one headline only is not another actor's reaction."""
    heads = Headlines()
    heads.append(("가나부", "신형", "잠수함", "탑재", "가능"), ("가나부",))
    heads.append(("신형", "잠수함", "탑재", "가능"), ())
    heads.append(("날씨", "맑음"), ())
    assert heads.actors_agree(0, [1]) == 0.0
    assert heads.actors_agree(0, [1], same_claim=0.5) == 1.0
    assert heads.actors_agree(0, [2], same_claim=0.5) == 0.0


def test_words_in_every_headline_of_a_small_index_still_weigh():
    """Nine outlets' headlines of one release, each with its own word: without the prior
    pseudo-headlines the shared words weigh almost nothing beside each outlet's own."""
    alike = []
    for prior in (0, DEFAULT_CONFIG.idf_prior_docs):
        heads = Headlines(prior)
        for outlet in ("가람", "나래", "다솜", "라온", "마루", "바다", "사랑", "아라", "자람"):
            heads.append(title_words(f"청솔군, 새 도서관 착공 ({outlet}신문)"))
        alike.append(heads.affinity(0, 1))
    assert alike[0] < 0.15 and alike[1] > 0.6


def test_a_template_report_of_another_day_is_no_reprint():
    """One outlet's weather reports of two days: one template, other figures, headlines
    sharing no word. Their texts are alike (cosine about .9), yet they are two reports, not
    one reprinted: the headline gate keeps them apart (a review's counterexample to joining
    any text that close to another whatever its headline)."""
    from datetime import UTC, datetime, timedelta

    from newsmoa.types import Article

    cities = ["서울", "인천", "수원", "춘천", "강릉", "청주", "대전", "전주", "광주", "대구"]

    def report(day: int, shift: int, title: str) -> Article:
        temps = " ".join(
            f"{c} {(i * 3 + shift) % 9 - 4}도, 낮 최고기온 {c} {(i * 5 + shift) % 11 + 3}도."
            for i, c in enumerate(cities)
        )
        text = (
            f"{day}일 아침 최저기온은 {temps} 기상청은 건강 관리에 유의해 달라고 당부했다. "
            "자세한 날씨는 기상청 누리집에서 볼 수 있다."
        )
        when = datetime(2024, 12, day, 6, tzinfo=UTC) - timedelta(hours=9)
        return Article(f"weather-{day}", text, title, "한빛일보", when)

    a, b = report(29, 1, "내일 아침 영하권 추위"), report(30, 4, "주말 전국에 비 소식")
    index = StoryIndex(DEFAULT_CONFIG)
    index.add_many([(x.id, article_features(x)) for x in (a, b)])
    sims = index._table.similarities(index._slot[a.id], np.array([index._slot[b.id]]))
    assert float(sims[0]) >= 0.8
    assert index.story_of(a.id) != index.story_of(b.id)


def test_headlines_are_compared_in_the_words_stored_before_figures_kept_their_units():
    """`title_words` keeps a figure's unit for `--why` (`3분기`, not `3분`); headlines are
    compared in the old words, the rest of a figure's word a word of its own (`10일부터`:
    `10일` and `부터`; a review found `부터` lost, which turned a pair's gate from alike to
    not), and old stored words come back as they are."""
    written = title_words("서울 지하철 10일부터 파업…3분기 7조7천억원, 3.5%포인트")
    assert written == (
        "서울",
        "지하철",
        "10일부터",
        "파업",
        "3분기",
        "7조",
        "7천억원",
        "3.5%포인트",
    )
    old = ("서울", "지하철", "10일", "부터", "파업", "3분", "7조", "7천", "억원", "3.5%", "포인트")
    assert compared_words(written) == old and compared_words(old) == old
    heads = Headlines()
    for title in (
        "서울 지하철 10일부터 파업",
        "부산 버스 11일부터 운행 중단",
        "대구 폭염",
        "광주 호우",
    ):
        heads.append(title_words(title))
    assert heads.affinity(0, 1) > DEFAULT_CONFIG.headline_floor  # `부터` shared, as before
