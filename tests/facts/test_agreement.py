"""The agreement card on team-written stories (the example's card is in test_example.py)."""

from __future__ import annotations

from datetime import datetime

import pytest
from facts_samples import KST, Story, make_article, sample

MAY10 = datetime(2016, 5, 10, 9, 30, tzinfo=KST)
MAY9 = datetime(2016, 5, 9, 18, 0, tzinfo=KST)


def jeonju() -> Story:
    return Story(
        [
            make_article("a", sample("mou-jeonju-a"), MAY10),
            make_article("b", sample("mou-jeonju-b"), MAY9),
        ]
    )


def test_city_and_university_mou_card():
    story = jeonju()
    assert story.disagreements() == ()
    event = story.event()
    assert event is not None
    assert set(event.parties) == {"전주시", "전북대학교"}
    assert set(event.representatives) == {"김승수 전주시장", "이남호 전북대학교 총장"}
    assert event.date == "2016-05-09" and event.disputed == ()
    assert event.place == "시청 4층 회의실"  # 전주시청 회의실 says the same, less precisely
    assert event.participants == 30 and event.phase is None
    # one outlet each: the earliest article's wording is kept
    assert event.items == (
        "청년 창업공간 조성",
        "창업 교육과정의 공동 운영",
        "지역 기업과의 연계 지원",
    )
    assert event.history == ()


def test_no_card_without_a_signing():
    story = Story([make_article("f", sample("festival"), datetime(2015, 3, 20, tzinfo=KST))])
    assert story.event() is None
    assert story.disagreements() == ()


def test_phase_and_memorandum_words():
    text = (
        "서울시와 부산시는 19일 부산시청에서 제3차 양해각서를 교환했다.\n"
        "이날 교환식에는 박원순 서울시장과 서병수 부산시장이 참석했다."
    )
    event = Story([make_article("x", text)]).event()
    assert event is not None
    assert event.parties == ("서울시", "부산시")
    assert event.phase == "제3차" and event.date == "2015-03-19" and event.place == "부산시청"


def test_festival_facts():
    art = make_article("f", sample("festival"), datetime(2015, 3, 20, 11, tzinfo=KST))
    facts = Story([art]).facts["f"]
    dates = [(f.text, f.value, f.about) for f in facts if f.type == "date"]
    assert dates == [("오는 25일", "2015-03-25", "event"), ("20일", "2015-03-20", "announcement")]
    assert [(f.value, f.counts) for f in facts if f.type == "quantity"] == [(1000, "주민")]


def test_a_guest_is_not_a_representative():
    text = (
        "전주시와 전북대학교는 19일 홍길동 국토교통부 장관과 김승수 전주시장, "
        "이남호 전북대학교 총장이 참석한 가운데 협약을 체결했다."
    )
    event = Story([make_article("x", text)]).event()
    assert event.representatives == ("김승수 전주시장", "이남호 전북대학교 총장")


def test_press_release_style_brackets():
    text = "완주군(군수 박성일)은 19일 희망제작소(소장 이원재)와 2단계 업무협약을 체결했다."
    event = Story([make_article("x", text)]).event()
    assert event.parties == ("완주군", "희망제작소")
    assert event.representatives == ("박성일 완주군수", "이원재 희망제작소 소장")
    assert event.date == "2015-03-19" and event.phase == "2단계"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the items of a list before a party are parties (청솔팜 and 한결에너지 were left
        # off the card, which named the county and the city alone: a black-box case)
        (
            "영월군은 28일 청솔팜 농업회사법인, (주)한결에너지, 전주시와 협약을 체결했다.",
            ("영월군", "청솔팜", "한결에너지", "전주시"),
        ),
        (
            "영월군은 28일 ㈜한결에너지, 전주시와 협약을 체결했다.",
            ("영월군", "한결에너지", "전주시"),
        ),
        # ... not those of a list before a place
        (
            "영월군은 28일 전주시, 희망제작소에서 ㈜한결에너지와 협약을 체결했다.",
            ("영월군", "한결에너지"),
        ),
    ],
)
def test_the_items_of_a_list_of_parties_are_parties(text, expected):
    assert Story([make_article("x", text)]).event().parties == expected


@pytest.mark.parametrize(
    "company",
    [
        "㈜한결에너지",
        "(주)한결에너지",
        "한결에너지(주)",
        "한결에너지㈜",
        "주식회사 한결에너지",
        "한결에너지 주식회사",
        "한결에너지 농업회사법인(주)",  # a form with its mark after the name
        "한결에너지 농업회사법인㈜",
    ],
)
def test_a_company_marked_as_one_is_a_party(company):
    """Kiwi reads 한결 as an adverb: the company was no organisation, and the card named
    the county alone with no representative (a black-box case)."""
    text = (
        f"영월군은 28일 군청에서 {company}와 350억원 규모의 투자협약을 체결했다. 이날 "
        f"협약식에는 김영수 영월군수와 박민호 {company} 대표이사가 참석했다."
    )
    event = Story([make_article("x", text)]).event()
    assert event.parties == ("영월군", "한결에너지")
    assert "박민호 한결에너지 대표이사" in event.representatives


def test_a_name_before_its_form_and_mark_is_the_party_not_the_form():
    """`햇살농원 영농조합법인, 청솔 농업회사법인(주)와` gave the parties `청솔군; 농업회사법인`:
    the form was the name, and the list's first item went missing with it (a black-box
    case). The heads written with such names are people of the card too."""
    text = (
        "청솔군은 24일 햇살농원 영농조합법인, 청솔 농업회사법인(주)와 업무협약을 체결했다. "
        "이날 협약식에는 김도윤 청솔군수와 이정미 햇살농원 영농조합법인 대표, 박재현 청솔 "
        "농업회사법인(주) 대표이사가 참석했다."
    )
    event = Story([make_article("x", text)]).event()
    assert event.parties == ("청솔군", "햇살농원", "청솔")
    assert {"이정미 햇살농원 대표", "박재현 청솔 대표이사"} <= set(event.representatives)


def test_only_sentences_a_signing_row_matches_are_analysed_for_the_card():
    """The card and the disagreements look at signing clauses only, so they analyse only the
    sentences a signing row of happenings.tsv matches: every sentence of the samples with a
    signing clause passes that test, and a sentence without one does not."""
    from newsmoa.facts.agreement import SIGNING
    from newsmoa.facts.clauses import analyse, may_carry
    from newsmoa.text.sentences import split_sentences

    with_clause = passed = 0
    for name in ("wanju-gukje", "wanju-ilyo", "wanju-asia", "mou-jeonju-a", "mou-jeonju-b"):
        article = make_article(name, sample(name), MAY10)
        for s in split_sentences(article):
            has = any(c.label == SIGNING for c in analyse(s.text, s.start).clauses)
            with_clause += has
            passed += may_carry(SIGNING, s.text)
            assert may_carry(SIGNING, s.text) or not has, s.text
    assert with_clause >= 5 and passed >= with_clause
    assert not may_carry(SIGNING, "완주군은 20일 군청에서 주민 설명회를 열었다.")


def test_a_representative_outlets_name_or_title_otherwise_is_shown_by_what_they_agree_on():
    """DESIGN: a field the articles disagree on points to the disagreement; both names of
    one mayor stood on the card (a black-box test), then the mayor was left off it, and so
    was a representative whose title one outlet got wrong (another black-box case). The
    card shows what the outlets agree on: the title, or the name with its organisation."""
    from facts_samples import Story, make_article

    text = (
        "전주시는 20일 시청 4층 회의실에서 우범기 전주시장 등 30명이 참석한 가운데 "
        "한국전력공사와 탄소중립 업무협약을 맺었다고 21일 밝혔다."
    )
    other = text.replace("우범기", "우범길")
    assert Story([make_article("a", text), make_article("b", text)]).event().representatives
    event = Story([make_article("a", text), make_article("b", other)]).event()
    assert "representatives" in event.disputed
    assert event.representatives == ("전주시장",)
    signed = (
        "한국전력공사와 완주군은 19일 본사에서 업무협약을 체결했다. 협약식에는 김동철 "
        "한국전력공사 사장과 박성일 완주군수가 참석했다."
    )
    wrong = signed.replace("한국전력공사 사장", "한국전력공사 부사장")
    event = Story([make_article(f"a{n}", t) for n, t in enumerate((signed, wrong))]).event()
    assert event.representatives == ("김동철 한국전력공사", "박성일 완주군수")
    assert "representatives" in event.disputed


def test_a_phase_said_of_an_earlier_signing_is_not_the_cards():
    """ "1차 업무협약을 체결한 바 있다" tells the parties' past: the card's phase is the
    reported signing's (it read 1차 there, a black-box case)."""
    text = (
        "영월군은 28일 ㈜한결에너지와 2차 투자협약을 체결했다. 양측은 지난해 10월 15일 "
        "1차 업무협약을 체결한 바 있다."
    )
    assert Story([make_article("x", text)]).event().phase == "2차"
    only_past = (
        "영월군은 28일 ㈜한결에너지와 투자협약을 체결했다. 양측은 1차 협약을 체결한 바 있다."
    )
    assert Story([make_article("y", only_past)]).event().phase is None


def test_a_branch_office_is_a_party_and_a_release_lead_dates_the_card():
    """A county's release: the partner is a branch (`한국농어촌공사 진안지사와`), the signing
    is told a day later (`27일 … 체결했다고 28일 밝혔다`), the room is a 상황실. The card had
    the county alone, no date and no place (a black-box case)."""
    text = (
        "진안군은 27일 군청 상황실에서 한국농어촌공사 진안지사와 농촌용수 개발 업무협약을 "
        "체결했다고 28일 밝혔다.\n이날 협약식에는 김도윤 진안군수와 박정호 한국농어촌공사 "
        "진안지사장 등 30여명이 참석했다."
    )
    story = Story([make_article("r", text, datetime(2024, 5, 28, 9, tzinfo=KST))])
    event = story.event()
    assert event is not None
    assert event.parties == ("진안군", "한국농어촌공사 진안지사")
    assert set(event.representatives) == {"김도윤 진안군수", "박정호 한국농어촌공사 진안지사장"}
    assert (event.date, event.place, event.participants) == ("2024-05-27", "군청 상황실", 30)


@pytest.mark.parametrize("county", ["영월군", "가람군"])
def test_a_regional_office_and_its_head_in_brackets_are_a_party_and_its_representative(county):
    """`한국전력공사 경남지역본부(본부장 윤서연)와`: the party is the corporation's regional
    office, and whoever a release names in brackets after a party signs for it, though a
    본부장 heads no organisation of their own; a county Kiwi does not know (가람군) is a
    party by its head in brackets. The card had the office alone as a party (the county
    too was missing for an unknown one) and the county's head as the only representative
    (a black-box case). A 본부장 named otherwise is no representative."""
    text = (
        f"{county}(군수 박정민)은 3일 군청에서 한국전력공사 경남지역본부(본부장 윤서연)와 "
        "에너지 자립마을 조성 업무협약을 체결했다.\n이날 협약식에는 이철호 한국전력공사 "
        "경영지원본부장도 참석했다."
    )
    event = Story([make_article("x", text)]).event()
    assert event is not None
    assert event.parties == (county, "한국전력공사 경남지역본부")
    assert event.representatives == (
        f"박정민 {county}수",
        "윤서연 한국전력공사 경남지역본부 본부장",
    )


def test_a_common_noun_ending_like_a_branch_is_no_branch():
    """`보건복지부 긴급지원 대상자` is no branch of the ministry: a branch's word names an
    area (`진안지사`, `고양지원`, `인천남부지사`; a review)."""
    from facts_samples import split

    from newsmoa.facts import extract_facts

    def organisations(text: str) -> list[str]:
        art = make_article("x", text)
        return [f.value for f in extract_facts(art, split(art)) if f.type == "organization"]

    assert organisations("보건복지부 긴급지원 대상자는 늘었다.") == ["보건복지부"]
    assert organisations("국민건강보험공단 인천남부지사는 밝혔다.") == [
        "국민건강보험공단 인천남부지사"
    ]


def test_a_card_field_left_empty_by_values_that_do_not_agree_is_disputed():
    """One outlet states the signing on two days (`어제 맺은` from the 27th, and `25일 …
    체결`), the other on the 26th: no two outlets disagree, the card's date is empty, and it
    said nothing of why (contracts: an empty field outlets disagree on is in `disputed`; a
    black-box case)."""
    first = "오세훈 서울시장과 박성혁 한국관광공사 사장은 26일 서울시청에서 업무협약을 체결했다."
    later = (
        "서울시와 한국관광공사가 어제 맺은 업무협약의 첫 후속 사업을 선보인다.\n"
        "오세훈 서울시장과 박성혁 사장은 25일 서울시청에서 협약을 체결했다."
    )
    story = Story(
        [
            make_article("m1", first, datetime(2026, 11, 26, 15, tzinfo=KST)),
            make_article("m3", later, datetime(2026, 11, 27, 9, tzinfo=KST)),
        ]
    )
    event = story.event()
    assert event is not None and event.date is None and "date" in event.disputed
    assert event.place == "서울시청" and "place" not in event.disputed


def test_a_history_line_keeps_the_number_written_apart_from_its_counter():
    """`농가 1만2천 명을 지원` gave the history line `명 지원` (the counter alone: a
    black-box case), next to another outlet's `농가 1만2000명 지원`."""
    from newsmoa.facts.clauses import analyse
    from newsmoa.facts.items import history_lines

    text = "군은 2019년부터 농가 1만2천 명을 지원해 왔고 주민 삼십 명을 초청했다."
    assert history_lines(analyse(text), []) == ["농가 1만2천 명 지원", "주민 삼십 명 초청"]


def test_places_that_cover_each_other_are_one_place_and_the_longer_is_shown():
    """`군청 대회의실` and `청솔군청 대회의실` each cover the other (every word a form of
    one of the other's): the card's build found no most precise value and stopped with
    StopIteration, so a whole ingest failed (a black-box case)."""
    release = "청솔군은 22일 군청 대회의실에서 ㈜한결에너지와 업무협약을 체결했다고 23일 밝혔다."
    reprint = "청솔군과 ㈜한결에너지가 22일 청솔군청 대회의실에서 업무협약을 맺었다."
    story = Story(
        [
            make_article("r", release, datetime(2026, 1, 23, 9, tzinfo=KST)),
            make_article("p", reprint, datetime(2026, 1, 23, 11, tzinfo=KST)),
        ]
    )
    event = story.event()
    assert event is not None
    assert event.place == "청솔군청 대회의실" and "place" not in event.disputed


def test_a_korean_card_has_the_projects_amount_and_how_long_the_agreement_runs():
    """The Korean card's amount and duration were never filled (the English card's were):
    `총사업비 120억원을 투입` is what the agreement is worth (`agreement_figures.tsv`), `3년간
    협력` how long it runs, and a term's end (`협약기간은 2027년 12월까지`) stands where no
    length is stated; an outlet's `100억원` against the release's 120억원 disputes it."""
    release = (
        "완주군은 22일 희망제작소와 업무협약을 체결했다고 23일 밝혔다.\n"
        "이번 협약에 따라 두 기관은 총사업비 120억원을 투입해 스마트팜을 조성하기로 했다.\n"
        "두 기관은 3년간 협력해 사업을 추진한다."
    )
    agrees = (
        "완주군은 22일 희망제작소와 업무협약을 체결했다.\n"
        "두 기관은 약 120억원 규모의 사업비를 들여 스마트팜을 조성한다."
    )
    differs = (
        "완주군은 22일 희망제작소와 업무협약을 체결했다.\n"
        "두 기관은 총사업비 100억원을 투입해 스마트팜을 조성한다."
    )
    at = [datetime(2026, 1, 23, h, tzinfo=KST) for h in (9, 10, 11)]
    one = Story([make_article("r", release, at[0]), make_article("a", agrees, at[1])]).event()
    assert one is not None and (one.amount, one.duration, one.disputed) == ("120억원", "3년", ())
    other = Story([make_article("r", release, at[0]), make_article("d", differs, at[2])]).event()
    assert other is not None and other.amount is None and "amount" in other.disputed
    assert other.duration == "3년"
    term = "완주군은 22일 희망제작소와 업무협약을 체결했다.\n협약기간은 2027년 12월까지다."
    event = Story([make_article("t", term, at[0])]).event()
    assert event is not None and event.duration == "2027년 12월까지" and event.amount is None


def test_the_head_a_role_names_by_a_partys_name_signs_for_it():
    """`이상훈 한국농어촌공사 전북지역본부장`: the regional office is a party and its
    본부장 (no head title of its own, `titles.tsv`) heads it by name; the card left him out."""
    text = (
        "청솔군은 22일 ㈜한결에너지, 한국농어촌공사 전북지역본부와 업무협약을 체결했다.\n"
        "협약식에는 김태호 ㈜한결에너지 대표이사, 이상훈 한국농어촌공사 전북지역본부장, "
        "최민수 ㈜한결에너지 영업본부장 등이 참석했다."
    )
    event = Story([make_article("x", text, datetime(2026, 1, 23, 9, tzinfo=KST))]).event()
    assert event is not None
    assert event.representatives == (
        "김태호 한결에너지 대표이사",
        "이상훈 한국농어촌공사 전북지역본부장",
    )


def test_a_figure_of_the_projects_past_is_not_the_agreements_amount():
    """A reprint's `군은 지난해 사업비 30억원을 들여 1단계 사업을 마쳤다` (a figure of a
    finished phase, in a sentence dated before the signing) disputed the card's 120억원
    against no outlet saying otherwise; a `국비 60억원` part of the total is no amount."""
    release = (
        "완주군은 22일 희망제작소와 업무협약을 체결했다고 23일 밝혔다.\n"
        "이번 협약에 따라 두 기관은 총사업비 120억원(국비 60억원, 군비 60억원)을 투입한다."
    )
    reprint = (
        "완주군은 22일 희망제작소와 업무협약을 체결했다.\n"
        "군은 지난해 사업비 30억원을 들여 1단계 사업을 마쳤다."
    )
    at = [datetime(2026, 1, 23, h, tzinfo=KST) for h in (9, 10)]
    event = Story([make_article("r", release, at[0]), make_article("p", reprint, at[1])]).event()
    assert event is not None and event.amount == "120억원" and event.disputed == ()


def test_one_figure_in_two_outlets_words_still_disagrees_with_a_third():
    """`45억원` and `45억 원` (one figure, two spellings) each covered the other, so
    `compare.distinct` dropped both and `54억원` stood alone: the card showed 54억원, the
    one outlet's figure, undisputed."""
    from newsmoa.facts import compare

    def figure(value: int, words: str) -> tuple:
        return (value, "원", "", words)

    def covers(a: tuple, b: tuple) -> bool:
        return a[1] == b[1] and compare.quantity_covers((a[0], a[2]), (b[0], b[2]))

    three = [figure(45, "45억원"), figure(45, "45억 원"), figure(54, "54억원")]
    assert sorted(v[0] for v in compare.distinct(three, covers)) == [45, 45, 54]
    assert compare.distinct(three[:2], covers) == []
    template = "가람시는 4일 한빛대학교와 업무협약을 맺었다.\n두 기관은 총사업비 {}을 투입한다."
    at = [datetime(2026, 2, 5, h, tzinfo=KST) for h in (9, 10, 11)]
    event = Story(
        [
            make_article(f"a{n}", template.format(words), when)
            for n, (words, when) in enumerate(zip(("45억원", "45억 원", "54억원"), at, strict=True))
        ]
    ).event()
    assert event is not None and event.amount is None and "amount" in event.disputed


def test_a_length_in_the_sentence_of_the_agreements_money_is_its_duration():
    """`협약에 따라 두 기관은 2028년까지 5년간 사업비 45억원을 투입해` (a length about
    투입, not 협력) left the card's duration empty; a length in another sentence of no such
    money (`지난 2년간 준비해 왔다`) is none."""
    release = (
        "가람시는 4일 한빛대학교와 업무협약을 맺었다고 5일 밝혔다.\n"
        "협약에 따라 두 기관은 2028년까지 5년간 사업비 45억원을 투입해 창업공간을 조성한다.\n"
        "시는 지난 2년간 사업을 준비해 왔다."
    )
    reprint = (
        "가람시는 4일 한빛대학교와 업무협약을 체결했다.\n두 기관은 5년간 사업비 45억 원을 들인다."
    )
    at = [datetime(2026, 2, 5, h, tzinfo=KST) for h in (9, 10)]
    event = Story([make_article("r", release, at[0]), make_article("p", reprint, at[1])]).event()
    assert event is not None
    assert (event.amount, event.duration, event.disputed) == ("45억원", "5년", ())


def test_a_numbered_list_on_one_line_is_its_items():
    """`① 기반 조성 ② 판로 확대 ③ 인력 양성` on one line was no list: the card had no
    items (a black-box case); numbered marks open items as `△` does, glued on too."""
    from newsmoa.facts.clauses import analyse
    from newsmoa.facts.items import bullet_items

    text = "두 기관은 ① 스마트팜 기반 조성 ② 농산물 판로 확대 ③ 청년 인력 양성 등을 추진한다."
    assert bullet_items(analyse(text)) == [
        "스마트팜 기반 조성",
        "농산물 판로 확대",
        "청년 인력 양성",
    ]
    glued = "두 기관은 ⑴스마트팜 기반 조성, ⑵농산물 판로 확대를 추진한다."
    assert bullet_items(analyse(glued)) == ["스마트팜 기반 조성", "농산물 판로 확대"]
    counted = "주요 내용은 1) 스마트팜 기반 조성 2) 농산물 판로 확대 3) 청년 인력 양성이다."
    assert bullet_items(analyse(counted)) == [
        "스마트팜 기반 조성",
        "농산물 판로 확대",
        "청년 인력 양성",
    ]
    assert bullet_items(analyse("지원금은 3) 항목에 따라 지급한다.")) == []


@pytest.mark.parametrize(
    "other",
    [
        "군은 이날 ㈜한결건설과도 별도 협약을 체결했다.",  # (with it too, and separate)
        "이어 군은 ㈜한결건설과도 업무협약을 체결했다.",
        "군은 같은 날 ㈜한결건설과 별도의 업무협약을 맺었다.",
    ],
)
def test_a_second_agreement_of_the_release_puts_no_party_on_the_cards(other):
    """`…와도 별도 협약을 맺었다` put the second agreement's party on the main signing's
    card (a black-box case): a party written `과도`/`와도` or in a clause of a separate
    agreement (`other_signings.tsv`) signs another one."""
    at = datetime(2026, 11, 24, 10, tzinfo=KST)
    text = (
        "청솔군은 24일 군청 대회의실에서 ㈜한빛에너지와 업무협약을 체결했다고 밝혔다.\n"
        "협약식에는 김도운 청솔군수와 박정호 한빛에너지 대표이사가 참석했다.\n" + other
    )
    event = Story([make_article("r", text, at), make_article("a", text, at)]).event()
    assert event is not None and event.parties == ("청솔군", "한빛에너지")
