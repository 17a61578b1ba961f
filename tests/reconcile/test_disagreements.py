"""Cross-outlet disagreements: the example, stories that must produce none, and each kind."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

# The facts tests' fixtures (hand-cleaned example, plain split and aligner) are shared.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "facts"))
from facts_samples import ARTICLES, KST, Story, make_article  # noqa: E402

from newsmoa.types import Article  # noqa: E402


@pytest.fixture(scope="module")
def example() -> Story:
    return Story([Article(id=i, text=t, outlet=o, published=p) for i, o, p, t in ARTICLES])


def story(*texts: str, release: str | None = None) -> Story:
    return Story([make_article(f"a{n}", t) for n, t in enumerate(texts)], release=release)


def values(d) -> dict:
    return {str(v.value): sorted({s.article for s in v.sources}) for v in d.values}


def test_example_has_exactly_the_signing_date_disagreement(example):
    found = example.disagreements()
    assert [(d.kind, d.about) for d in found] == [("date", "signing date")]
    (d,) = found
    assert values(d) == {"2015-03-19": ["gukje", "ilyo"], "2015-03-20": ["asia"]}
    texts = {a.id: a.text for a in example.articles}
    for v in d.values:
        day = "19일" if v.value == "2015-03-19" else "20일"
        for s in v.sources:
            assert s.quote == texts[s.article][s.start : s.end]
            assert day in s.quote and ("협약" in s.quote)
    assert "지난 19일" not in " ".join(s.quote or "" for v in d.values for s in v.sources)


def test_example_json_shape(example):
    (d,) = example.disagreements()
    out = d.to_json()
    assert out["kind"] == "date" and out["about"] == "signing date"
    assert [v["value"] for v in out["values"]] == ["2015-03-19", "2015-03-20"]
    assert all(
        {"article", "start", "end", "quote"} <= set(s) for v in out["values"] for s in v["sources"]
    )


SIGNED = "완주군은 19일 희망제작소에서 박성일 완주군수 등 50명이 참여한 가운데 협약을 체결했다."


@pytest.mark.parametrize(
    "other",
    [
        # worded differently
        "완주군과 희망제작소는 지난 19일 희망제작소에서 50명이 참석한 가운데 업무협약을 맺었다.",
        "완주군은 2015년 3월 19일 희망제작소 대회의실에서 약 50명이 참석한 가운데 협약을 맺었다.",
        "박성일 군수 등 50여 명은 19일 희망제작소에서 협약을 체결했다.",
        # a hedge the quantity parser knows covers a count near it (quantities.hedged)
        "완주군은 19일 희망제작소에서 박성일 완주군수 등 55명 안팎이 참여한 가운데 협약을 체결했다.",
        "완주군은 19일 희망제작소에서 박성일 완주군수 등 대략 45명이 참여한 가운데 협약을 체결했다.",
        # says less
        "완주군은 희망제작소와 협약을 체결했다.",
        "완주군은 이달 희망제작소와 협약을 체결했다.",
        # other happenings on other days are not the signing
        "완주군은 19일 희망제작소와 협약을 체결했다고 20일 밝혔다.",
        "지난 18일 서울시청을 방문한 박성일 완주군수는 19일 희망제작소에서 협약을 체결했다.",
        "완주군은 2008년부터 희망제작소와 협약을 체결해왔다.",
        "두 기관은 2013년에도 협약을 맺었다. 완주군은 19일 희망제작소와 협약을 체결했다.",
    ],
)
def test_no_disagreement(other):
    assert story(SIGNED, other).disagreements() == ()


@pytest.mark.parametrize(
    ("other", "kind", "about", "expected"),
    [
        (
            "완주군은 20일 희망제작소에서 박성일 완주군수 등 50명이 참여한 가운데 협약을 체결했다.",
            "date",
            "signing date",
            {"2015-03-19": ["a0"], "2015-03-20": ["a1"]},
        ),
        (
            "완주군은 19일 희망제작소에서 박성일 완주군수 등 60명이 참여한 가운데 협약을 체결했다.",
            "quantity",
            "signing participants",
            {"50": ["a0"], "60": ["a1"]},
        ),
        (
            "완주군은 19일 서울시청에서 박성일 완주군수 등 50명이 참여한 가운데 협약을 체결했다.",
            "place",
            "signing place",
            {"희망제작소": ["a0"], "서울시청": ["a1"]},
        ),
        (
            "완주군은 19일 희망제작소에서 임정엽 완주군수 등 50명이 참여한 가운데 협약을 체결했다.",
            "person",
            "name of 완주군수",
            {"박성일": ["a0"], "임정엽": ["a1"]},
        ),
    ],
)
def test_each_kind(other, kind, about, expected):
    found = story(SIGNED, other).disagreements()
    assert [(d.kind, d.about) for d in found] == [(kind, about)]
    assert values(found[0]) == expected


def test_parties():
    found = story(
        "완주군과 희망제작소는 19일 협약을 체결했다.",
        "완주군과 희망연구소는 19일 협약을 체결했다.",
        "완주군은 19일 협약을 체결했다.",  # names fewer parties: says less
    ).disagreements()
    assert [(d.kind, d.about) for d in found] == [("organization", "signing parties")]
    assert values(found[0]) == {
        "['완주군', '희망연구소']": ["a1"],
        "['완주군', '희망제작소']": ["a0"],
    }


def test_release_reports_facts_tied_to_no_happening():
    release = "완주군은 올해 사업비 30억 원을 투입한다. 협약은 19일 체결했다."
    other = "완주군은 올해 사업비 3억 원을 투입한다. 협약은 19일 체결했다."
    plain = story(release, other).disagreements()
    with_release = story(release, other, release="a0").disagreements()
    assert plain == with_release  # 투입 is compared within the aligned sentence either way
    assert [(d.kind, d.about) for d in with_release] == [("quantity", "사업비, sentence 1")]


def test_an_amount_misprinted_in_one_sentence_is_a_disagreement():
    """An amount of what a sentence's predicate does, without a word for what it counts
    (`120억 원이 투입`): two outlets printing 12억 where the others print 120억 disagree
    (before: such amounts were never compared); a sentence stating the same amounts in
    every outlet, several of them, is no disagreement."""
    right = "이번 사업에는 국비와 군비를 합쳐 모두 120억 원이 투입된다. 협약은 19일 체결했다."
    wrong = right.replace("120억", "12억")
    found = story(right, wrong, right).disagreements()
    assert [(d.kind, d.about) for d in found] == [("quantity", "투입 amount in 원, sentence 1")]
    assert values(found[0]) == {"1200000000": ["a1"], "12000000000": ["a0", "a2"]}
    both = "국비 40억 원 등 모두 120억 원이 투입된다. 협약은 19일 체결했다."
    assert story(both, both).disagreements() == ()
    built = "군은 사업비 36억 원을 들여 센터를 짓는다. 협약은 19일 체결했다."
    found = story(built, built.replace("36억", "3억6천만")).disagreements()
    assert [(d.kind, d.about) for d in found] == [("quantity", "사업비, sentence 1")]
    assert values(found[0]) == {"360000000": ["a1"], "3600000000": ["a0"]}


def test_parts_that_add_up_to_another_outlets_amount_are_no_disagreement():
    """One outlet gives each defendant's share, the others the total: not a contradiction
    (the dev day's 변희재 story showed 1300만 against 800만 and 500만). Amounts that add up
    to something else are a list, which one sentence's other variants may not hold: compared
    with nothing. A lone amount against the total still is."""
    total = "법원은 변씨와 회사가 김씨에게 모두 1300만원을 배상하라고 판결했다. 원고는 환영했다."
    parts = total.replace("모두 1300만원을", "각각 800만원, 500만원을")
    assert story(total, parts, total).disagreements() == ()
    listed = total.replace("모두 1300만원을", "각각 800만원, 600만원을")
    assert story(total, listed).disagreements() == ()
    found = story(total, total.replace("1300만원", "1400만원")).disagreements()
    assert values(found[0]) == {"13000000": ["a0"], "14000000": ["a1"]}


def test_the_day_a_decision_takes_effect_is_not_the_day_it_was_made():
    """ "6일자로 단행" is when the reshuffle takes effect; "31일 단행된" when it was made (the
    dev day's prosecutors story showed them as a disagreement). Two effective days that
    differ still disagree."""
    made = "법무부는 31일 검사 647명에 대한 인사를 단행했다. 이번 인사로 요직이 바뀌었다."
    effective = (
        "법무부는 검사 647명에 대한 인사를 다음 달 6일자로 단행했다. 이번 인사로 요직이 바뀌었다."
    )
    assert story(made, effective).disagreements() == ()
    assert story(made, effective.replace("6일자로", "6일 자로")).disagreements() == ()
    found = story(effective, effective.replace("6일자로", "9일자로")).disagreements()
    assert [(d.kind, d.about) for d in found] == [("date", "단행 (effective) date, sentence 1")]


def test_figures_read_at_other_times_are_no_disagreement():
    """ "25일 오후 4시 20분 현재 35만 명이 동의했다": a count read at a time. Two outlets
    reading it (or two petitions) at 4:20 and at 5:20 do not disagree, on the count or on
    the time (August C showed both as disagreements); read at the same time, two counts do.
    A figure before the reading in another clause is no reading's. `기준금리`, `기준 금리`,
    `기준 중위소득`, `현재 위치` read nothing: their days are still compared (a review)."""
    read = "청원에는 25일 오후 4시 20분 현재 35만 2420명이 동의했다. 청와대는 답변할 예정이다."
    later = read.replace("4시 20분", "5시 20분").replace("35만 2420명", "20만 8660명")
    assert story(read, later).disagreements() == ()
    # nor against a release: its reading's time was set against the outlet's as a date
    # tied to no happening (a black-box case)
    assert story(read, later, release="a0").disagreements() == ()
    based = later.replace("현재", "기준으로")
    assert story(read.replace("현재", "기준"), based).disagreements() == ()
    found = story(read, read.replace("35만 2420명", "30만 2420명")).disagreements()
    assert [(d.kind, d.about) for d in found] == [
        # (a count read on the 25th that people agreed to (동의했다), in an article of 20 March)
        ("quantity", "동의 as of 2015-02-25 16:20 amount in 명, sentence 1")
    ]
    since = "대출 잔액은 29일 현재 60조원으로 지난해 말 64조원에서 줄었다. 은행은 우려했다."
    got = [f.about for f in story(since).facts["a0"] if f.type == "quantity"]
    # (64조 is 지난해 말's: a judgement; a balance read on the 29th that fell, in an article of
    # 20 March: no 29 February, and 29 January is over a month back, so the nearest)
    assert got == ["as of 2015-03-29", None]
    toll = "사고로 3명이 숨졌고, 25일 오후 4시 현재 5명이 실종됐다. 당국은 수색 중이다."
    found = story(toll, toll.replace("3명", "4명").replace("4시", "5시")).disagreements()
    assert [values(d) for d in found] == [{"3": ["a0"], "4": ["a1"]}]
    opened = "이 식당은 3일 현재 위치에서 영업을 시작했다. 손님이 늘었다."
    assert [d.kind for d in story(opened, opened.replace("3일", "4일")).disagreements()] == ["date"]
    cap = "삼성전자의 25일 기준 시가총액은 300조원을 기록했다. 시장은 반겼다."
    assert story(cap, cap.replace("25일", "26일").replace("300조", "310조")).disagreements() == ()
    for said in (
        "한국은행은 18일 기준금리를 0.25%포인트 인하했다. 시장은 반겼다.",
        "한국은행은 18일 기준 금리를 0.25%포인트 인하했다. 시장은 반겼다.",
        "보건복지부는 18일 기준 중위소득을 2.94% 인상했다. 시장은 반겼다.",
        "회사는 지난 18일 현재 위치로 본사를 이전했다. 직원들은 반겼다.",
    ):
        found = story(said, said.replace("18일", "19일")).disagreements()
        assert [d.kind for d in found] == ["date"], said


def test_an_amount_a_signing_is_sized_by_is_compared_in_its_sentence():
    """ "120억원 규모의 투자협약을 체결했다" against one outlet's 12억원: the amount of a
    happening a story reports once was compared with nothing (a black-box case); "기준" before
    a count says when it was read, not what it counts (38만 counted 기준, and was compared
    with nothing)."""
    sized = "전북 전주시는 19일 한빛전자와 120억원 규모의 투자협약을 체결했다. 시장은 환영했다."
    found = story(sized, sized.replace("120억원", "12억원"), sized).disagreements()
    assert [(d.about, values(d)) for d in found] == [
        ("signing amount in 원, sentence 1", {"1200000000": ["a1"], "12000000000": ["a0", "a2"]})
    ]
    dated = sized.replace("19일", "20일").replace("120억원", "12억원")
    found = story(sized, dated, sized).disagreements()
    assert [d.about for d in found] == ["signing date", "signing amount in 원, sentence 1"]
    twice = sized.replace("120억원 규모", "연간 120억원, 5년간 600억원 규모")
    assert story(sized, twice).disagreements() == ()  # (which one the other left out?)
    named = sized.replace("120억원 규모", "투자금 120억원 규모")  # (a review: all were dropped)
    found = story(sized, sized.replace("120억원", "12억원"), named).disagreements()
    assert [values(d) for d in found] == [{"1200000000": ["a1"], "12000000000": ["a0"]}]
    now = "이 청원은 25일 오후 4시 현재 35만명이 동의했다. 청와대는 답한다."
    based = now.replace("현재 35만명", "기준 38만명")
    found = story(now, based).disagreements()
    assert [values(d) for d in found] == [{"350000": ["a0"], "380000": ["a1"]}]


def test_a_time_on_a_day_named_by_reference_is_compared_by_its_time_only():
    """ "이날 오전 8시 24분": the day is ours (read from the day named before), the time is
    the outlet's. Two times disagree; a day read differently does not (the dev day showed
    `31일 오후 5시` against `이날 오후 5시`, read as the next day, as a disagreement)."""
    at = "작업자 3명이 이날 오전 8시 24분쯤 배수터널에 고립됐다."
    found = story(at, at.replace("24분", "26분")).disagreements()
    assert [values(d) for d in found] == [{"08:24": ["a0"], "08:26": ["a1"]}]
    named = "작업자 3명이 31일 오전 8시 24분쯤 배수터널에 고립됐다."
    earlier = "경찰은 30일 현장을 조사했다. " + at
    assert story(named, earlier).disagreements() == ()
    day_only = "경찰은 30일 현장을 조사했다. 작업자 3명이 이날 배수터널에 고립됐다."
    assert story(named, day_only).disagreements() == ()  # no time: nothing the outlet said


def test_two_values_count_only_where_their_outlets_say_them_alike():
    """Aligned sentences may put two claims side by side ("서비스업 생산이 1.0% 감소" and
    "건설기성은 0.4% 감소"); a disagreement needs quotes in like words, numbers aside."""
    from newsmoa.reconcile.disagreements import _said_alike
    from newsmoa.types import Source

    def said(article: str, words: str) -> list[Source]:
        return [Source(article, 0, len(words), words)]

    alike = {"1": said("a", "아나운서 7명은 지난달 15일 사장에게 메일을 보냈다"),
             "2": said("b", "아나운서 7명은 지난 15일 사장에게 메일을 보냈다")}  # fmt: skip
    assert _said_alike(["1", "2"], {f'"{k}"': v for k, v in alike.items()}) == ["1", "2"]
    apart = {"1": said("a", "서비스업 생산이 1.0% 감소하면서"),
             "2": said("b", "건설기성은 5월보다 0.4% 감소했다")}  # fmt: skip
    assert _said_alike(["1", "2"], {f'"{k}"': v for k, v in apart.items()}) == []
    same_outlet = {
        "1": said("a", "아나운서 7명은 15일 메일을"),
        "2": said("a", "아나운서 7명은 16일 메일을"),
    }
    assert _said_alike(["1", "2"], {f'"{k}"': v for k, v in same_outlet.items()}) == []


def test_a_meeting_is_compared_only_within_one_sentence():
    """A story holds several meetings, visits and announcements: their dates are compared
    only in one consolidated sentence. A signing, which a story reports once, across it."""
    a = "한일 외교장관 회담은 1일 방콕에서 열린다. 정부는 대응책을 논의했다."
    b = "정부는 대응책을 논의했다. 한미일 3국 외교장관 회담도 2일 열릴 전망이다."
    assert story(a, b).disagreements() == ()


def test_a_reprint_rewriting_the_lead_still_shows_a_wrong_signing_date_or_place():
    """A signing is compared across the story however each outlet words it: a rewritten
    reprint's 27일 against the release's 28일, or another place (a review found these
    hidden by the wording rule, which holds only within one sentence)."""
    release = "완주군은 28일 군청 상황실에서 희망제작소와 농촌 활성화를 위한 업무협약을 체결했다."
    for reprint in ("완주군과 희망제작소는 27일 농촌 활성화 업무협약을 맺었다.",
                    "희망제작소와 완주군이 27일 협약을 맺었다."):  # fmt: skip
        found = story(release, reprint).disagreements()
        assert [(d.kind, d.about) for d in found] == [("date", "signing date")], reprint
    place = story(
        "완주군은 19일 희망제작소에서 박성일 완주군수 등 50명이 참여한 가운데 협약을 체결했다.",
        "완주군은 19일 서울시청에서 협약을 체결했다.",
    ).disagreements()
    assert [(d.kind, d.about) for d in place] == [("place", "signing place")]


def test_lists_as_long_are_compared_value_by_value():
    """One sentence's several amounts or days against as many: the one that differs still
    disagrees (a list against a single value does not: `test_parts_that_add_up...`)."""
    money = "군은 2027년까지 120억 원을 투입하고 올해는 30억 원을 투입한다. 주민은 환영했다."
    found = story(money, money.replace("120억", "12억")).disagreements()
    assert [values(d) for d in found] == [{"1200000000": ["a1"], "12000000000": ["a0"]}]
    days = "군은 28일과 29일 이틀간 축제를 개최한다. 주민은 환영했다."
    found = story(days, days.replace("28일과", "27일과")).disagreements()
    assert [values(d) for d in found] == [{"2015-03-27": ["a1"], "2015-03-28": ["a0"]}]


def test_a_day_read_from_a_reference_word_is_not_set_against_the_release():
    """The release's "당일" has no day the outlet wrote: nothing to compare (a review found a
    None value shown against the reprint's 27일)."""
    release = "협약식은 28일 열린다. ▲일시: 당일 ▲장소: 희망제작소"
    reprint = "협약식은 28일 열린다. ▲일시: 27일 ▲장소: 희망제작소"
    assert story(release, reprint, release="a0").disagreements() == ()


def test_a_figure_rounded_by_one_outlet_is_no_disagreement():
    """An outlet's "176억2000만원" is 176억1603만원 rounded (August 2019 showed them as a disagreement):
    a rounder figure within 1% says less. 1300만 against 1340만 (3%) still disagrees."""
    exact = "의원들이 신고한 재산은 모두 176억1603만원에 이른다. 시세는 더 높다."
    rounded = exact.replace("176억1603만원", "176억2000만원")
    assert story(exact, rounded).disagreements() == ()
    assert story(exact, exact.replace("176억1603만원", "36억원")).disagreements() != ()
    money = "법원은 모두 1300만원을 배상하라고 판결했다. 원고는 환영했다."
    found = story(money, money.replace("1300만원", "1340만원")).disagreements()
    assert [values(d) for d in found] == [{"13000000": ["a0"], "13400000": ["a1"]}]


def test_days_of_an_unknown_month_are_compared():
    """Articles without a publication time or dateline (pasted clippings): `27일` cannot be
    placed in a month, yet one outlet's 27일 against the others' 28일 is a disagreement
    (before: both unresolved, neither compared, and the 28일 fact cited the 27일 outlet);
    a date resolved in a dated article covers the same day."""
    text = "청솔군은 {}일 군청에서 농림축산식품부와 업무협약을 체결했다."
    undated = [
        Article(id=f"a{n}", text=text.format(d), outlet=f"o{n}") for n, d in enumerate((28, 27, 28))
    ]
    found = Story(undated).disagreements()
    assert [(d.kind, d.about) for d in found] == [("date", "signing date")]
    assert values(found[0]) == {"27일": ["a1"], "28일": ["a0", "a2"]}
    dated = make_article("d", text.format(28), datetime(2015, 3, 28, 9, 0, tzinfo=KST))
    assert Story([undated[0], dated]).disagreements() == ()
    months = [
        Article(id=f"m{n}", text=text.replace("{}일", f"{m}월 27일"), outlet=f"o{n}")
        for n, m in enumerate((3, 4))
    ]
    # 3월 27일, 4월 27일: no day of an unknown month to compare as facts (27일 is not one
    # claim); the months the two variants of the sentence write are (`reconcile.figures`)
    (d,) = Story(months).disagreements()
    assert d.kind == "date" and d.about.endswith(", sentence 1")
    assert values(d) == {"3월": ["m0"], "4월": ["m1"]}


def test_release_compares_dates_without_a_happening():
    release = "▲일시: 3월 19일 오후 2시 ▲장소: 희망제작소"
    other = "▲일시: 3월 20일 오후 2시 ▲장소: 희망제작소"
    # without a release, dates tied to no happening are not compared as facts; the one day
    # the two variants of one sentence write differently still is (`reconcile.figures`)
    (d,) = story(release, other).disagreements()
    assert (d.kind, values(d)) == ("date", {"19일": ["a0"], "20일": ["a1"]})
    found = story(release, other, release="a0").disagreements()
    assert [(d.kind, d.about) for d in found] == [("date", "date, sentence 1 (vs release)")]
    assert values(found[0]) == {
        "2015-03-19T14:00:00+09:00": ["a0"],
        "2015-03-20T14:00:00+09:00": ["a1"],
    }


def test_quotes_hold_the_fact_words():
    found = story(SIGNED, SIGNED.replace("19일", "20일")).disagreements()
    for v in found[0].values:
        assert all(str(v.value)[-2:] + "일" in s.quote for s in v.sources)


def test_dates_in_articles_of_different_days_resolve_before_comparing():
    a = make_article("a", "완주군은 19일 협약을 체결했다.", datetime(2015, 3, 20, 9, tzinfo=KST))
    b = make_article(
        "b", "완주군은 지난 19일 협약을 체결했다.", datetime(2015, 3, 23, 9, tzinfo=KST)
    )
    assert Story([a, b]).disagreements() == ()


def test_a_speakers_today_in_a_quotation_is_no_day_the_outlet_wrote():
    """ "“오늘 아침 한국 외교장관과 통화했다”": the speaker's today, not the article's. Two
    outlets' articles of the 23rd and the 24th quoting one call were set against each other
    as the 23rd and the 24th (August C); a time the quotation states is still compared.
    Outside a quotation, an outlet's 어제 is its own day, counted from its dateline."""
    said = "폼페이오 장관은 회견에서 “오늘 아침 한국 외교장관과 통화했다”고 말했다. 그는 실망했다."
    on = [datetime(2019, 8, 23, 9, tzinfo=KST), datetime(2019, 8, 24, 9, tzinfo=KST)]

    def dated(*texts: str) -> Story:
        return Story([make_article(f"a{n}", t, on[n]) for n, t in enumerate(texts)])

    assert dated(said, said).disagreements() == ()
    timed = said.replace("오늘 아침", "오늘 오전 8시")
    found = dated(timed, timed.replace("8시", "9시")).disagreements()
    assert [values(d) for d in found] == [{"08:00": ["a0"], "09:00": ["a1"]}]
    own = "완주군은 어제 협약을 체결했다. 협약식에는 주민이 참석했다."
    found = dated(own, own).disagreements()
    assert [values(d) for d in found] == [{"2019-08-22": ["a0"], "2019-08-23": ["a1"]}]


def test_a_day_written_before_a_quotation_is_the_day_it_was_said():
    """ "외교부는 31일 “강 장관은 … 1일 오전 … 회담을 가질 예정”이라고 밝혔다": the 31st is
    when the ministry spoke; it was read as the meeting's day (the quotation's own
    predicate), and an outlet writing "내일 오전" in the quotation was set against the
    others' 1일 as the 31st (the dev day). The quotation's day is still the meeting's."""
    on = datetime(2019, 7, 31, 9, tzinfo=KST)
    said = "외교부는 31일 “강 장관은 1일 오전 고노 외무상과 회담을 가질 예정”이라고 밝혔다."
    art = Story([make_article("a0", said, on)])
    dates = [(f.text, f.value, f.about) for f in art.facts["a0"] if f.type == "date"]
    assert dates == [("31일", "2019-07-31", "announcement"), ("1일", "2019-08-01", "meeting")]
    other = said.replace("1일 오전", "내일 오전")
    three = Story([make_article(f"a{n}", t, on) for n, t in enumerate((said, said, other))])
    assert three.disagreements() == ()


def test_amounts_of_a_happening_the_outlets_date_apart_are_not_one_claim():
    """ "5일 … 6.9225위안으로 고시했다" against "이날(6일) … 6.9683위안으로 고시했다": two
    days' fixings in one aligned sentence, not a misreport (August A showed them as one);
    their days are the disagreement. On one day, two amounts still disagree, whatever the
    minutes; a month and a day of it are not apart; and a day read from 이날 alone, which
    may be wrong, keeps the amounts compared (a review: both were left unreported)."""
    on = datetime(2019, 8, 6, 9, tzinfo=KST)
    fifth = "5일 인민은행은 위안화 가치를 달러당 6.9225위안으로 고시했다. 시장은 출렁였다."
    sixth = fifth.replace("5일", "이날(6일)").replace("6.9225", "6.9683")

    def dated(*texts: str) -> Story:
        return Story([make_article(f"a{n}", t, on) for n, t in enumerate(texts)])

    found = dated(fifth, sixth).disagreements()
    assert [(d.kind, values(d)) for d in found] == [
        ("date", {"2019-08-05": ["a0"], "2019-08-06": ["a1"]})
    ]
    found = dated(fifth, fifth.replace("6.9225", "6.9683")).disagreements()
    assert [values(d) for d in found] == [{"6.9225": ["a0"], "6.9683": ["a1"]}]
    timed = fifth.replace("5일", "5일 오전 9시 15분")
    later = timed.replace("15분", "30분").replace("6.9225", "6.9683")
    assert [d.kind for d in dated(timed, later).disagreements()] == ["date", "quantity"]
    month = fifth.replace("5일", "이달").replace("6.9225", "6.9683")
    assert [d.kind for d in dated(fifth, month).disagreements()] == ["quantity"]
    that_day = fifth.replace("5일", "이날").replace("6.9225", "6.9683")
    assert [d.kind for d in dated(fifth, that_day).disagreements()] == ["quantity"]


def test_only_the_contradicted_values_are_reported():
    a = "완주군은 19일 희망제작소와 협약을 체결했다. 전주시는 9일 전북대와 협약을 맺었다."
    b = "완주군은 20일 희망제작소와 협약을 체결했다. 전주시는 9일 전북대와 협약을 맺었다."
    (d,) = story(a, b).disagreements()
    assert values(d) == {"2015-03-19": ["a0"], "2015-03-20": ["a1"]}
    assert story(a, a).disagreements() == ()  # a reprint of two signings


def test_a_title_one_outlet_gets_wrong_is_a_disagreement_with_each_sides_words():
    """One outlet's 부사장 against the others' 사장 was never reported (a black-box test);
    an affiliation said or not, or a title said once in full and once bare, is no
    disagreement."""
    right = "김동철 한국전력공사 사장은 20일 본사에서 협약을 체결했다고 밝혔다."
    wrong = right.replace("사장은", "부사장은")
    (d,) = story(right, wrong, right).disagreements()
    assert (d.kind, d.about) == ("person", "title of 김동철")
    assert values(d) == {"부사장": ["a1"], "사장": ["a0", "a2"]}
    assert all("김동철 한국전력공사" in s.quote for v in d.values for s in v.sources)
    bare = "김동철 사장은 20일 본사에서 협약을 체결했다고 밝혔다."
    assert story(right, bare).disagreements() == ()
    # one person holds several titles, at once or in turn: only a title and its deputy's
    # contradict (the dev day showed 의원 against 위원장, 수석 against 비서관: no misreport)
    member = "이혜훈 의원은 31일 국회에서 브리핑을 열었다고 밝혔다."
    chair = member.replace("의원은", "정보위원장은")
    assert story(member, chair).disagreements() == ()
    minister = "김철수 국토교통부 장관은 20일 세종청사에서 협약을 체결했다."
    (d,) = story(minister, minister.replace("장관은", "차관은")).disagreements()
    assert values(d) == {"장관": ["a0"], "차관": ["a1"]}


def test_a_name_written_from_another_language_is_not_asked_who_holds_a_title():
    """August showed 도널드 트럼프 against 트럼프, 던퍼드 against 던포드 and the US defence
    secretary against the Korean one (a role that lost its country) as who holds a title:
    none a misreport. A Korean name still is (우범기 against 우범길)."""
    full = "도널드 트럼프 미국 대통령은 20일 백악관에서 협정에 서명했다고 밝혔다."
    short = full.replace("도널드 트럼프", "트럼프")
    assert story(full, short).disagreements() == ()
    mayor = "우범기 전주시장은 20일 시청에서 협약을 체결했다고 밝혔다."
    (d,) = story(mayor, mayor.replace("우범기", "우범길")).disagreements()
    assert d.about == "name of 전주시장"


def test_counts_a_little_over_two_figures_disagree_and_cover_what_lies_between():
    """ "80여 명" is 80 to 89: against "90여 명" it disagrees (a black-box test: any two
    approximate counts within 20% agreed), against "85명" or "약 85명" it does not."""
    over = "이날 회의에는 도지사와 시군 부단체장 등 80여명이 참석했다. 협약은 19일 체결했다."
    (d,) = story(over, over.replace("80여명", "90여명")).disagreements()
    assert d.kind == "quantity" and values(d) == {"80": ["a0"], "90": ["a1"]}
    for within in ("85명", "약 85명"):
        assert story(over, over.replace("80여명", within)).disagreements() == (), within


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "한국전력은 20일 김동철 부사장을 사장으로 승진시키는 인사를 단행했다.",
            "한국전력은 20일 김동철 신임 사장을 선임했다.",
        ),
        (
            "김민수 환경부 장관 후보자는 20일 청문회에 나왔다.",
            "김민수 환경부 차관은 20일 청문회에 나왔다.",
        ),
        ("김철수 전 국토교통부 차관은 20일 말했다.", "김철수 국토교통부 장관은 20일 말했다."),
        ("던퍼드 미국 합참의장은 20일 방한했다.", "던포드 미국 합참의장은 20일 방한했다."),
    ],
)
def test_titles_of_other_times_and_names_written_from_abroad_are_no_disagreement(one, other):
    """A review: a promotion, a nominee, a former title and a transliteration were each
    reported as outlets disagreeing on a person's title or on who holds one."""
    assert story(one, other).disagreements() == ()


@pytest.mark.parametrize(
    "said",
    [
        "김철수 국토교통부 장관은 20일 세종청사에서 신공항 후보지를 발표했다.",
        "김철수 국토교통부 장관은 20일 세종청사에서 광고대행사 대표들과 협약을 체결했다.",
        "김철수 국토교통부 장관은 20일 신임 국장 5명에게 임명장을 수여했다.",
    ],
)
def test_a_word_that_only_begins_like_a_change_hides_no_title_disagreement(said):
    """A review: 후보지, 대행사 and 임명장 matched 후보, 대행 and 임명 and hid a real one."""
    (d,) = story(said, said.replace("장관은", "차관은")).disagreements()
    assert d.about == "title of 김철수"


def test_a_period_reported_with_another_end_is_a_disagreement():
    """`6월 1일부터 9월 30일까지` against `…8월 31일까지`: the longer period held the shorter,
    so it was read as saying less, and the misreported end went unnoticed (a black-box
    case); a period named by its months still covers one named by its days."""
    from newsmoa.facts.compare import date_covers

    longer = (
        "완주군은 다음 달 1일부터 9월 30일까지 폭염 대응 기간으로 정하고 대책을 추진한다고 밝혔다."
    )
    shorter = longer.replace("9월 30일", "8월 31일")
    (found,) = story(longer, shorter).disagreements()
    assert found.kind == "date" and len(found.values) == 2
    days = {"from": "2024-06-01", "to": "2024-09-30"}
    assert date_covers({"from": "2024-06", "to": "2024-09"}, days)
    assert date_covers(days, "2024-07-01") and not date_covers(days, "2024-10-01")
    assert not date_covers(days, {"from": "2024-06-01", "to": "2024-08-31"})


def test_floors_lanes_and_seats_are_counted_and_compared():
    """`25m 6레인 수영장` against `8레인`: a counter the units table lacked gave no fact, and
    the story credited the outlet with the release's words (a black-box case)."""
    release = "센터에는 25m 6레인 수영장과 객석 300석 규모 공연장이 들어서며 지상 2층 규모다."
    (found,) = story(release, release.replace("6레인", "8레인")).disagreements()
    assert found.kind == "quantity" and values(found) == {"6": ["a0"], "8": ["a1"]}


def test_two_outlets_departing_from_the_release_in_one_sentence_make_one_disagreement():
    """The release's period, one outlet's other end and another's other start: one
    disagreement with three values (two sections of one heading before: a black-box case)."""
    release = (
        "청솔군은 6월 1일부터 9월 30일까지 송림해수욕장과 청솔역을 잇는 무료 셔틀버스를 "
        "운행한다고 28일 밝혔다."
    )
    found = story(
        release,
        release.replace("9월 30일", "8월 31일"),
        release.replace("6월 1일", "6월 15일"),
        release="a0",
    ).disagreements()
    assert len(found) == 1 and found[0].about.endswith("(vs release)")
    assert len(found[0].values) == 3


def test_an_amount_reworded_away_from_the_release_is_compared_with_it():
    """The outlet rewrote the sentence (no alignment) and printed 30억 for the release's
    35억 of one thing: reported against the release (it was never compared: a black-box
    case). Without the release, or where the release states two amounts of that thing
    (two projects' costs), nothing is."""
    release = (
        "보성군은 20일 벌교 복합문화센터 착공식을 개최했다고 밝혔다. 센터는 총사업비 35억원을 "
        "들여 지상 3층 규모로 건립된다. 내년 6월 준공될 예정이다."
    )
    outlet = (
        "보성군이 20일 벌교 복합문화센터 착공식을 열었다. 총사업비 30억원이 투입되는 센터에는 "
        "작은도서관과 공연장이 들어선다."
    )
    found = story(release, outlet, release, release="a0").disagreements()
    assert [(d.kind, d.about) for d in found] == [("quantity", "사업비 (vs release)")]
    # the release's side lists the reprint that says the same (it named the release alone)
    assert values(found[0]) == {"3000000000": ["a1"], "3500000000": ["a0", "a2"]}
    assert story(release, outlet).disagreements() == ()
    two = release.replace("내년 6월", "체육관은 총사업비 20억원을 들여 내년 6월")
    assert story(two, outlet, release="a0").disagreements() == ()
    # an earlier project's amount in the outlet's history of the county (a review)
    past = "보성군이 20일 착공식을 열었다. 보성군은 앞서 지난해 총사업비 12억원을 들여 공원을 조성했다."
    assert story(release, past, release="a0").disagreements() == ()


def test_a_departure_from_the_release_in_one_sentence_lists_who_says_what():
    """The release's side names every outlet stating the release's value (it named the
    release alone, beside a reprint saying the same), and the heading says what is
    compared: an amount in 원, not "quantity" (black-box cases)."""
    release = "영월군은 28일 ㈜한결에너지와 350억원 규모의 공장 건립 투자협약을 체결했다고 밝혔다."
    wrong = release.replace("350억원", "300억원")
    found = story(release, release, wrong, release="a0").disagreements()
    assert [d.about for d in found] == ["signing amount in 원, sentence 1"]
    assert values(found[0]) == {"30000000000": ["a2"], "35000000000": ["a0", "a1"]}


def test_a_festivals_dates_before_a_place_starting_with_jang_are_compared():
    """ "9일 장릉" is the 9th at 장릉 (a spaced 장 took it for 일장, and the outlet's date was
    the month alone): an outlet's 6월 8~9일 is set against the release's 7~9일 (a black-box
    case)."""
    release = "영월군은 단종문화제를 6월 7일부터 9일까지 장릉 일원에서 개최한다고 밝혔다."
    aligned = "영월군은 단종문화제를 6월 8∼9일 장릉 일원에서 개최한다고 밝혔다."
    (found,) = story(release, aligned, release="a0").disagreements()
    assert found.kind == "date" and values(found) == {
        str({"from": "2015-06-07", "to": "2015-06-09"}): ["a0"],
        str({"from": "2015-06-08", "to": "2015-06-09"}): ["a1"],
    }


def test_two_disputes_over_one_clause_of_the_release_stay_two():
    """A floor area disputed in the release's sentence, and a cost an outlet rewrote
    elsewhere: two facts of one clause, two disputes (a review merged them into one, each
    outlet on two sides)."""
    release = "보성군은 총사업비 35억원, 연면적 2000㎡ 규모의 체육관을 짓는다고 밝혔다."
    area = release.replace("2000㎡", "3000㎡")
    cost = "체육관에는 총사업비 30억원이 투입된다."
    found = story(release, area, cost, release="a0").disagreements()
    assert len(found) == 2
    for d in found:
        sides = [set(v) for v in values(d).values()]
        assert not sides[0] & sides[1]  # no outlet on both sides


def test_a_toll_is_compared_across_the_story_however_it_is_worded():
    """Deaths and injured (`story_counts.tsv`) are one claim of the story's event: one
    outlet's 12 injured against another's 10 was shown by neither when their leads were
    worded apart (no aligned sentence). A toll of the past is none, and the verb does not
    matter (숨지고, 사망하고)."""
    one = (
        "27일 오후 2시께 부산 사하구의 한 화학공장에서 불이 나 근로자 3명이 숨지고 12명이 "
        "다쳤다. 소방관 80명이 투입됐다."
    )
    other = (
        "부산의 화학공장 화재로 3명이 사망하고 10명이 부상을 입었다고 소방당국이 밝혔다. "
        "앞서 2010년 같은 공장 화재로 5명이 숨졌다."
    )
    found = story(one, other).disagreements()
    assert [(d.kind, d.about, values(d)) for d in found] == [
        ("quantity", "injured", {"10": ["a1"], "12": ["a0"]})
    ]
    agreed = other.replace("10명", "12명")
    assert story(one, agreed).disagreements() == ()


def test_a_floor_is_contradicted_only_by_less():
    """`최소 3명`, `3명 이상`, `at least three`: a toll that rose (5) says no other; fewer does."""
    lead = "27일 부산의 한 공장에서 불이 나 {}이 숨졌다. 소방관 80명이 투입됐다."
    for floor in ("최소 3명", "3명 이상"):
        assert story(lead.format(floor), lead.format("5명")).disagreements() == ()
        (found,) = story(lead.format(floor), lead.format("2명")).disagreements()
        assert values(found) == {"2": ["a1"], "3": ["a0"]}


def test_a_figure_is_one_claim_in_its_sentence_whichever_verb_follows_it():
    """`영업이익 12조2000억원의 실적을 발표했다` against `영업이익 12조1000억원을 기록했다고
    밝혔다`: one aligned sentence naming both outlets, and two happenings (발표, 기록) whose
    figures were never compared (a black-box case)."""
    one = "삼성전자가 29일 3분기 매출 86조1000억원, 영업이익 12조2000억원의 실적을 발표했다."
    other = "삼성전자는 29일 3분기 매출 86조1000억원, 영업이익 12조1000억원을 기록했다고 밝혔다."
    found = story(one, other).disagreements()
    assert [(d.about, values(d)) for d in found] == [
        ("영업이익, sentence 1", {"12100000000000": ["a1"], "12200000000000": ["a0"]})
    ]


def test_a_toll_that_later_reports_state_higher_says_so():
    """Rising counts across a day's reports showed as a plain dispute (deaths 1 / 2 / 3);
    the disagreement stays (no side is picked) and says what the publication times show."""
    lead = "27일 오후 2시께 부산 사하구의 한 화학공장에서 불이 나 근로자 {}이 숨졌다. 소방관 80명이 투입됐다."

    def at(*hours: int, tolls=("1명", "2명", "3명")) -> tuple:
        arts = [
            make_article(f"a{n}", lead.format(toll), datetime(2024, 5, 27, h, 0, tzinfo=KST))
            for n, (h, toll) in enumerate(zip(hours, tolls, strict=True))
        ]
        return Story(arts).disagreements()

    (rising,) = at(15, 18, 21)
    assert values(rising) == {"1": ["a0"], "2": ["a1"], "3": ["a2"]}
    assert rising.trend == "rose" and rising.to_json()["trend"] == "rose"
    (falling,) = at(21, 18, 15)
    assert falling.trend == "fell"
    (mixed,) = at(15, 21, 18)  # 2 after 3: the times show nothing
    assert mixed.trend is None and "trend" not in mixed.to_json()
    (pair,) = at(15, 17, 18, tolls=("2명", "2명", "3명"))  # both 2s before the 3
    assert pair.trend == "rose"
    (overlap,) = at(15, 21, 18, tolls=("2명", "2명", "3명"))  # a 2 after the 3
    assert overlap.trend is None
    (day_only,) = at(0, 15, tolls=("3명", "1명"))  # the 3 dated by its day alone:
    assert day_only.trend is None  # any time that day (a review's false "fell")


def test_amounts_of_money_have_no_trend():
    """Only counts (`growing_counts.tsv`) rise as reports come in; a budget stated
    differently later is a plain disagreement."""
    lead = "완주군은 27일 도서관 건립에 사업비 {}을 투입한다고 밝혔다. 준공은 내년 3월이다."
    arts = [
        make_article(f"a{n}", lead.format(v), datetime(2024, 5, 27, h, 0, tzinfo=KST))
        for n, (h, v) in enumerate([(9, "36억 원"), (15, "38억 원")])
    ]
    found = Story(arts).disagreements()
    assert found and all(d.trend is None for d in found)


def test_a_day_counted_from_a_disputed_day_is_not_a_second_dispute():
    """`협약식 사흘 뒤 첫 회의`: the meeting's day is worked out from each outlet's signing
    day, so the signing's 15th against the 16th also showed as the meeting's 18th against
    the 19th (one cause, two disputes), and the meeting's day was a signing date too."""
    lead = "청솔군은 {}일 군청에서 희망재단과 업무협약을 체결했다고 밝혔다. 협약식 사흘 뒤 첫 회의를 연다."
    found = story(*(lead.format(d) for d in (15, 16, 16))).disagreements()  # (March 2015)
    assert [(d.about, values(d)) for d in found] == [
        ("signing date", {"2015-03-15": ["a0"], "2015-03-16": ["a1", "a2"]})
    ]


def test_two_counts_of_days_from_one_happening_disagree_however_they_are_written():
    """`협약식 사흘 뒤` against `나흘 뒤` (no longer compared once counted days stopped being
    dates of their own); `사흘 뒤` and `3일 후`, `한 달` and `1개월`, `1년` and `12개월` are
    one count; counts are in order of length (`3일` before `10일`)."""
    lead = (
        "청솔군은 15일 군청에서 희망재단과 업무협약을 체결했다고 밝혔다. 협약식 {} 첫 회의를 연다."
    )
    found = story(*(lead.format(w) for w in ("사흘 뒤", "3일 후", "열흘 뒤"))).disagreements()
    assert [(d.about, values(d)) for d in found] == [
        (
            "meeting date counted from 협약식, sentence 2",
            {"3일 뒤": ["a0", "a1"], "10일 뒤": ["a2"]},
        )
    ]
    assert [v.value for v in found[0].values] == ["3일 뒤", "10일 뒤"]
    for same in (
        ("사흘 뒤", "3일 후"),
        ("한 달 뒤", "1개월 뒤", "1달 뒤"),
        ("1년 뒤", "12개월 후"),
    ):
        assert not story(*(lead.format(w) for w in same)).disagreements(), same


def test_counts_of_days_and_dates_are_compared_each_with_their_own():
    """A review's cases: outlets that count days and outlets that write the date are two
    claims (a count covering any date had cancelled the 18th against the 19th); a count
    with a time and the same count without one agree, and still differ from another count;
    counts from two happenings (`협약식 사흘 뒤`, `발표 하루 뒤`) are not compared."""
    lead = "청솔군은 15일 군청에서 희망재단과 업무협약을 체결했다고 밝혔다. {} 첫 회의를 열었다."
    mixed = ("협약식 사흘 뒤", "협약식 나흘 뒤", "18일", "19일")
    found = {d.about: values(d) for d in story(*(lead.format(w) for w in mixed)).disagreements()}
    assert found == {
        "meeting date counted from 협약식, sentence 2": {"3일 뒤": ["a0"], "4일 뒤": ["a1"]},
        "meeting date, sentence 2": {"2015-03-18": ["a2"], "2015-03-19": ["a3"]},
    }
    timed = ("협약식 사흘 뒤", "협약식 나흘 뒤", "협약식 나흘 뒤 오후 2시")
    (d,) = story(*(lead.format(w) for w in timed)).disagreements()
    # (the count without its time stands on the side it says less than)
    assert values(d) == {"3일 뒤": ["a0"], "4일 뒤 14:00": ["a1", "a2"]}
    told = "청솔군은 15일 희망재단과 업무협약을 체결했다고 17일 밝혔다. {} 첫 회의를 연다."
    starts = ("협약식 사흘 뒤", "발표 하루 뒤")
    assert not story(*(told.format(w) for w in starts)).disagreements()


def test_an_english_date_against_the_release_is_one_claim_only_with_its_lead():
    """The release's `begin on April 15` against a reprint's `begin on April 16` is a
    disagreement; another outlet's `expected to open in 2027`, aligned with the same
    sentence, stood as a third day of the construction's start (a black-box case)."""
    published = datetime(2024, 3, 5, 9, 0, tzinfo=KST)
    release = make_article(
        "r",
        "Construction is scheduled to begin on April 15 and the upgraded plant is expected to "
        "open in the spring of 2027.",
        published,
    )
    moved = make_article("m", release.text.replace("April 15", "April 16"), published)
    opened = make_article(
        "o", "The upgraded plant is expected to open in 2027 after construction.", published
    )
    found = Story([release, moved, opened], release="r").disagreements()
    assert [(d.kind, d.about) for d in found] == [("date", "date, sentence 1 (vs release)")]
    assert values(found[0]) == {"2024-04-15": ["r"], "2024-04-16": ["m"]}


def test_a_korean_season_agrees_with_a_day_inside_it_and_not_with_one_outside():
    """`2027년 봄 준공` read as the year alone agreed with any day of 2027 (`2027년 9월`
    too); a season is its months (`date_parts.tsv`), as `the spring of 2027` is."""
    lead = "청솔군은 복합문화센터를 {} 준공할 계획이라고 밝혔다."
    assert not story(lead.format("2027년 봄"), lead.format("2027년 4월")).disagreements()
    (d,) = story(lead.format("2027년 봄"), lead.format("2027년 9월")).disagreements()
    assert d.kind == "date"
    assert values(d) == {"2027-09": ["a1"], str({"from": "2027-03", "to": "2027-05"}): ["a0"]}
    assert not story(lead.format("연말"), lead.format("올해 12월")).disagreements()


def test_a_county_deputy_against_a_city_deputy_is_the_title_of_one_person():
    """`박영수 완주군 부군수` in one outlet and `박영수 완주군 부시장` in another made no
    disagreement (a county has no 부시장): titles of one rank heading two kinds of area
    (`titles.tsv` unit) are rivals, as 부시장 and 시장 are; 도지사 and 지사 are one title."""
    lead = (
        "완주군은 19일 완주군청에서 희망재단과 업무협약을 체결했다고 밝혔다. 이날 협약식에는 "
        "박영수 {}, 김민호 희망재단 이사장 등이 참석했다."
    )
    (d,) = story(lead.format("완주군 부군수"), lead.format("완주군 부시장")).disagreements()
    assert (d.kind, d.about) == ("person", "title of 박영수")
    assert values(d) == {"부군수": ["a0"], "부시장": ["a1"]}
    assert not story(lead.format("완주군 부군수"), lead.format("부군수")).disagreements()
    from newsmoa.reconcile.disagreements import _rival_titles

    assert _rival_titles("군수", "시장") and not _rival_titles("도지사", "지사")
    assert not _rival_titles("부시장", "이장") and not _rival_titles("군수", "부시장")


SENTENCED = "Judge Maria Ostrowski on Monday sentenced Gregory Hale to 18 months in prison."
AGREED = "청솔군은 지난 17일 군청 대회의실에서 김도윤 군수 등 40명이 참석한 가운데 협약을 체결했다."


@pytest.mark.parametrize(
    ("release", "right", "wrong", "about"),
    [
        (SENTENCED, "Maria Ostrowski", "Maria Ostrowsky", "spelling of Judge Ostrowski"),
        (AGREED, "김도윤", "김도연", "spelling of 군수 김도윤"),
    ],
)
def test_a_last_name_one_letter_from_the_releases_is_a_misspelling(release, right, wrong, about):
    """`Judge Maria Ostrowsky` against the release's `Judge Maria Ostrowski`, `김도연 군수`
    against `김도윤 군수` were no disagreement: a title and last name keyed an English name,
    and a Korean name only a head title of an area."""
    found = story(release, release, release.replace(right, wrong), release="a0").disagreements()
    (d,) = found
    assert (d.kind, d.about) == ("person", about)
    assert values(d) == {right: ["a0", "a1"], wrong: ["a2"]}
    assert all(str(v.value) in s.quote for v in d.values for s in v.sources)


@pytest.mark.parametrize(
    ("text", "right", "wrong"),
    [
        (SENTENCED, "Maria Ostrowski", "Marta Ostrowsky"),  # another first name too
        (SENTENCED, "Maria Ostrowski", "Maria Ostrowskaya"),  # more than one letter
        (SENTENCED.replace("Ostrowski", "Lin"), "Maria Lin", "Maria Li"),  # a short name
        (AGREED, "김도윤", "김도연"),  # no release: either outlet may be right
        (AGREED, "김도윤", "이도윤"),  # another surname
        (AGREED, "김도윤", "김두연"),  # two letters
    ],
)
def test_names_that_are_no_misspelling_of_the_releases_are_no_disagreement(text, right, wrong):
    release = None if wrong == "김도연" else "a0"
    assert story(text, text.replace(right, wrong), release=release).disagreements() == ()


def test_a_name_the_release_writes_itself_is_no_misspelling():
    both = AGREED.replace("김도윤 군수 등", "김도윤 군수와 김도연 군수 등")
    other = AGREED.replace("김도윤", "김도연")
    assert story(both, other, release="a0").disagreements() == ()


def test_a_change_in_percentage_points_is_no_percentage():
    """Kiwi cuts `0.5%p` into `0.5`, `%`, `p`, and the facts read it as `0.5%`: one outlet's
    `0.3%` stood against the release's `0.5%p` as one quantity (a black-box case). Points
    are their own unit however written (`%p`, `%포인트`, `퍼센트포인트`), so the two are
    other quantities, never one fact's two values; one unit's two figures still are one.
    Another figure in the other unit at one place of the sentence is the figures layer's
    disagreement (`facts/data/rival_units.tsv`), each side headed by its own words."""
    said = "참여 농가의 평균 소득은 지난해보다 {} 높은 증가율을 보였다고 군이 밝혔다."
    (d,) = story(said.format("0.3%"), said.format("0.5%p"), said.format("0.5%p")).disagreements()
    assert values(d) == {"0.3%": ["a0"], "0.5%p": ["a1", "a2"]}
    assert not story(said.format("0.5%"), said.format("0.5%p")).disagreements()
    (d,) = story(
        said.format("0.3%p"), said.format("0.5%포인트"), said.format("0.5%p")
    ).disagreements()
    assert values(d) == {"0.3": ["a0"], "0.5": ["a1", "a2"]}


def test_a_day_its_month_has_not_stands_against_the_day_the_others_write():
    """`11월 31일` in one outlet where three write `12월 1일` was left out (the date has no
    value) and the sentence named that outlet a source of 12월 1일 (a black-box case): the
    misprint is a side of its own, shown in its words, never moved to another day."""
    at = datetime(2026, 11, 24, 10, tzinfo=KST)
    said = (
        "청솔군은 24일 한빛에너지와 업무협약을 체결했다.\n첫 설비 설치는 {} 시작된다고 군은 밝혔다."
    )
    texts = ["12월 1일", "12월 1일", "12월 1일", "11월 31일"]
    found = Story([make_article(f"a{n}", said.format(t), at) for n, t in enumerate(texts)])
    (d,) = found.disagreements()
    assert d.kind == "date"
    assert values(d) == {"11월 31일 (no such day)": ["a3"], "2026-12-01": ["a0", "a1", "a2"]}
    alike = ["11월 31일", "11월 31일"]  # (a release's misprint every outlet copies: one value)
    assert (
        Story(
            [make_article(f"a{n}", said.format(t), at) for n, t in enumerate(alike)]
        ).disagreements()
        == ()
    )


def test_who_attended_a_signing_has_no_trend():
    """The release's `상임이사 2명` against a later reprint's `3명` said `a count may have
    risen as reports came in` (a black-box case): those at a signing were counted once it
    was held; the other count is a misreport, shown as a plain disagreement."""
    said = "청솔군은 24일 한빛에너지와 업무협약을 체결했다.\n협약식에는 김도운 청솔군수와 상임이사 {}이 참석했다."
    arts = [
        make_article(f"a{n}", said.format(c), datetime(2026, 11, 24, 10 + n, tzinfo=KST))
        for n, c in enumerate(["2명", "2명", "3명"])
    ]
    (d,) = Story(arts).disagreements()
    assert d.about.startswith("signing") and values(d) == {"2": ["a0", "a1"], "3": ["a2"]}
    assert d.trend is None


def test_an_english_count_of_one_noun_is_one_claim_whichever_verb_leads_into_it():
    """`that will create 58 jobs` against one outlet's `adding 85 jobs` in the sentence they
    share was shown nowhere: the verbs and clauses differ (a black-box case). The counted
    noun makes it one claim where the names before the figures meet; other players' points
    stay apart."""
    said = "Harlow Foods Inc. will build a plant in Millbrook{}, the company said Tuesday."
    create, add = said.format(" that will create 58 jobs"), said.format(", adding 85 jobs")
    (d,) = story(create, create, add).disagreements()
    assert d.kind == "quantity" and d.about == "job, sentence 1"
    assert values(d) == {"58": ["a0", "a1"], "85": ["a2"]}
    other = "Harlow Foods will build a plant in Millbrook, {} over the next three years."
    moved = story(other.format("creating 58 jobs"), other.format("which will add 85 jobs"))
    assert [values(d) for d in moved.disagreements()] == [{"58": ["a0"], "85": ["a1"]}]
    about = story(other.format("creating 58 jobs"), other.format("adding about 60 jobs"))
    assert not about.disagreements()  # (`about 60` is 58 rounded: tests below)
    players = story(
        "Carter scored 14 points as Drake beat Bradley 80-71 on Saturday night at home.",
        "Smith led Drake with 13 points as Drake beat Bradley 80-71 on Saturday night at home.",
    )
    assert not players.disagreements()
    named = story(  # (ECB+: a rifle's model number is no count of rifles)
        "The navy commandos also recovered 12 AK 47 guns , three rifles , two grenades and "
        "other ammunition .",
        "The navy commandos also recovered six AK - 47 rifles , two grenades and other "
        "ammunition .",
    )
    assert all(not d.about.startswith("rifle") for d in named.disagreements())


@pytest.mark.parametrize(
    ("exact", "hedged", "disputed"),
    [
        ("creating 58 jobs", "adding about 85 jobs", True),  # (another verb: `_counted_alike`)
        ("creating 58 jobs", "adding about 60 jobs", False),  # 58 rounded
        ("creating 58 jobs", "adding nearly 60 jobs", False),
        ("creating 58 jobs", "creating about 85 jobs", True),
        ("creating about 58 jobs", "adding about 85 jobs", True),  # (two hedged figures)
    ],
)
def test_a_count_given_as_about_so_many_is_compared_with_an_exact_one(exact, hedged, disputed):
    """One outlet's `about 85 jobs` against the release's `58 jobs` was shown nowhere: a
    figure given as about so many was left out wherever its verb was another's (a black-box
    case). `about 85` cannot be 58; `about 60` is 58 rounded."""
    other = "Harlow Foods will build a plant in Millbrook, {} over the next three years."
    found = story(other.format(exact), other.format(exact), other.format(hedged)).disagreements()
    assert [values(d) for d in found] == ([{"58": ["a0", "a1"], "85": ["a2"]}] if disputed else [])


@pytest.mark.parametrize(
    ("said", "other", "disputed"),
    [
        ("사업비 1.5억원을 투입해 마을 20곳을", "사업비 약 5억원을 투입해 마을 20곳을", True),
        ("사업비 1.5억원을 투입해 마을 20곳을", "사업비 약 2억원을 투입해 마을 20곳을", False),
        ("주민 58명이 참석한 가운데", "주민 약 85명이 참석한 가운데", True),
        ("주민 58명이 참석한 가운데", "주민 60명가량이 참석한 가운데", False),
        ("주민 약 60명이 참석한 가운데", "주민 85명 안팎이 참석한 가운데", True),  # (both hedged)
        ("주민 약 50명이 참석한 가운데", "주민 60여 명이 참석한 가운데", False),
    ],
)
def test_a_korean_figure_given_as_about_so_many_is_compared_with_an_exact_one(
    said, other, disputed
):
    """The figures layer left every hedged figure out: `약 5억원` against 1.5억원 in one
    sentence was no disagreement. A hedged figure covers an exact one it rounds (`약 2억원`
    for 1.5억원: the exact figure rounded at the hedged one's precision) or one near it."""
    line = "완주군은 24일 {} 지원한다고 밝혔다."
    found = story(line.format(said), line.format(other)).disagreements()
    assert bool(found) is disputed


def test_an_english_amount_given_as_about_so_much_covers_the_exact_one_it_rounds():
    """`about $2 million` against `$1.5 million` was a disagreement (25% apart, over the 20%
    an approximate figure covered): rounded at the millions, $1.5 million is $2 million."""
    said = "The county spent {} on roads last year, officials said Tuesday."
    assert not story(said.format("$1.5 million"), said.format("about $2 million")).disagreements()
    (d,) = story(said.format("$1.5 million"), said.format("about $4 million")).disagreements()
    assert values(d) == {"1500000": ["a0"], "4000000": ["a1"]}


def test_an_english_amount_each_lede_states_once_is_compared_with_the_release():
    """The release's `will build a $250 million … plant` (no happening: the sentence's verb
    is `announced`) against an outlet's lede `said Tuesday it will spend $205 million` (the
    announcement's) were never compared, their sentences did not align (a black-box case).
    An amount of a later sentence is often another's (the county's roads last year)."""
    release = make_article(
        "r",
        "Harlow Foods Inc. will build a $250 million frozen-food plant in the Millbrook "
        "Industrial Park, County Commissioner Dana Whitfield announced Tuesday.\n"
        "Construction will begin in March 2027.",
    )
    lede = make_article(
        "l",
        "Harlow Foods Inc. said Tuesday it will spend $205 million to build a frozen-food "
        "plant in Millbrook.\nConstruction will begin in March 2027.",
    )
    (d,) = Story([release, lede], release="r").disagreements()
    assert d.about == "amount in $ (vs release)"
    assert values(d) == {"205000000": ["l"], "250000000": ["r"]}
    later = make_article(
        "b",
        "Harlow Foods Inc. will build a frozen-food plant in Millbrook, officials said.\n"
        "Last year the county spent $3 million on roads near the park.",
    )
    assert not Story([release, later], release="r").disagreements()


def test_the_day_a_reworded_english_lede_gives_the_releases_happening_is_compared():
    """The release's `commissioners approved … on Tuesday` against an outlet's reworded lede
    `… after commissioners approved … Monday`, printed the next day, was compared with
    nothing: English ledes were not asked, and an approval was no happening (a black-box
    case). Each weekday counts from its own article's day: the next day's `Tuesday` is the
    release's; a saying's day (`officials said Wednesday`) is the outlet's own."""
    from datetime import timedelta, timezone

    et = timezone(timedelta(hours=-5))
    tue, wed = datetime(2026, 11, 24, 9, tzinfo=et), datetime(2026, 11, 25, 7, tzinfo=et)
    release = make_article(
        "r",
        "Harlow County commissioners approved a development agreement with Kestrel Foods "
        "Inc. on Tuesday for a frozen-food plant in Millbrook.\nThe plant will open in 2028.",
        tue,
    )
    lede = (
        "Kestrel Foods Inc. will open a frozen-food plant in Millbrook in 2028 after Harlow "
        "County commissioners approved a development agreement with the company {}."
    )
    (d,) = Story([release, make_article("o", lede.format("Monday"), wed)], "r").disagreements()
    assert d.kind == "date" and d.about == "approval date (vs release)"
    assert values(d) == {"2026-11-23": ["o"], "2026-11-24": ["r"]}
    same = make_article("o", lede.format("Tuesday"), wed)
    assert not Story([release, same], "r").disagreements()
    said = make_article(
        "o", "A frozen-food plant is coming to Millbrook, county officials said Wednesday.", wed
    )
    announced = make_article(
        "r",
        "Kestrel Foods Inc. will build a plant in Millbrook, the county announced Tuesday.",
        tue,
    )
    assert not Story([announced, said], "r").disagreements()


def test_the_date_a_reworded_lede_gives_the_releases_happening_is_compared():
    """The release's `오는 12월 3일 … 박람회를 연다` against an outlet's reworded lede `다음
    달 4일 … 박람회를 … 개최한다` was compared with nothing: the sentences did not align, and
    a happening that may recur is compared within one sentence (a black-box case). The same
    day in other words, or a date an outlet adds after its lede, is none."""
    at = datetime(2026, 11, 24, 9, tzinfo=KST)
    release = make_article(
        "r",
        "청솔군은 오는 12월 3일 군민체육관에서 청년 일자리 박람회를 연다고 24일 밝혔다.\n"
        "이번 박람회에는 지역 기업 42곳이 참여한다.",
        at,
    )
    moved = (
        "청솔군이 다음 달 {}일 청년 일자리 박람회를 군민체육관에서 개최한다.\n기업 42곳이 참여한다."
    )
    (d,) = Story([release, make_article("a", moved.format(4), at)], release="r").disagreements()
    assert d.about == "event date"  # (held once in its story: compared story-wide)
    assert values(d) == {"2026-12-03": ["r"], "2026-12-04": ["a"]}
    assert not Story([release, make_article("a", moved.format(3), at)], release="r").disagreements()
    later = make_article(
        "b",
        "청솔군이 다음 달 3일 청년 일자리 박람회를 개최한다.\n군은 지난 3월에도 박람회를 열었다.",
        at,
    )
    assert not Story([release, later], release="r").disagreements()


def test_a_festivals_days_and_length_are_compared_across_the_story():
    """A festival is held once in the story that reports it (`story_happenings.tsv`):
    one outlet's 3일부터 6일까지 나흘간 against the others' 3일부터 5일까지 사흘간 was no
    disagreement when the outlets wrote it in sentences worded apart (a black-box case);
    the clause `… 열린 제20회 청솔 억새축제에` is the festival's, past its ordinal."""
    one = "제20회 청솔 억새축제가 10월 3일부터 5일까지 사흘간 고산면 억새공원 일원에서 열렸다."
    other = "청솔군은 10월 3일부터 6일까지 나흘간 열린 제20회 청솔 억새축제에 관광객 18만 명이 찾았다고 밝혔다."
    found = story(one, other).disagreements()
    assert sorted(d.about for d in found) == ["event date", "event duration"]


def test_homes_flooded_are_one_flooding_across_the_story_whatever_words_say_it():
    """`주택 45가구가 침수됐다` against `주택 54가구가 물에 잠겼다` in sentences worded apart was
    no disagreement: the second counted `물` (its clause's noun), and a flooding was compared
    within one sentence only (a black-box case). Both are a flooding (`happenings.tsv`), which
    a storm's story reports once (`story_happenings.tsv`)."""
    one = "이번 호우로 고산면과 비봉면 일대에서 주택 45가구가 침수되고 이재민 82명이 발생했다."
    other = "청솔군은 복구비를 확보했다고 밝혔다. 고산면과 비봉면 일대 주택 54가구가 물에 잠겼다."
    (d,) = story(one, other).disagreements()
    assert d.about == "flooding 주택"
    assert values(d) == {"45": ["a0"], "54": ["a1"]}
    assert not story(one, other.replace("54", "45")).disagreements()
