"""The bundled example (hand-cleaned fixtures): facts and the agreement card."""

from __future__ import annotations


def _of(story, aid, kind):
    return [f for f in story.facts[aid] if f.type == kind]


def test_every_source_points_into_its_article(wanju, by_id):
    for aid, facts in wanju.facts.items():
        text = by_id[aid].text
        for f in facts:
            for s in f.sources:
                assert s.article == aid and 0 <= s.start < s.end <= len(text)
            if f.type in ("date", "quantity"):
                assert text[f.sources[0].start : f.sources[0].end] == f.text


def test_people(wanju):
    for aid in ("ilyo", "gukje", "asia"):
        people = {f.value: f.role for f in _of(wanju, aid, "person")}
        assert "군수" in people["박성일"] and "소장" in people["이원재"]
    assert {f.value: f.role for f in _of(wanju, "ilyo", "person")}["박성일"] == "완주군수"
    asia = {f.value: f for f in _of(wanju, "asia", "person")}
    assert asia["이원재"].role == "희망제작소 소장"
    assert len(asia["박성일"].sources) == 3  # 박성일 완주군수, 박 군수 (twice)


def test_organizations_and_quantities(wanju):
    for aid in ("ilyo", "gukje", "asia"):
        assert {"완주군", "희망제작소"} <= {f.value for f in _of(wanju, aid, "organization")}
        quantities = {(f.value, f.unit, f.counts) for f in _of(wanju, aid, "quantity")}
        assert quantities == {(50, "명", "participants"), (5, "명", "공무원")}


def test_dates_are_attached_to_their_happening(wanju):
    dates = {
        aid: [(f.text, f.value, f.about) for f in _of(wanju, aid, "date")] for aid in wanju.facts
    }
    since = {"from": "2008", "to": None}
    assert dates["ilyo"] == [
        ("19일", "2015-03-19", "signing"),
        ("2008년부터", since, "earlier signing"),
    ]
    assert dates["asia"] == [
        ("20일", "2015-03-20", "signing"),
        ("지난 19일", "2015-03-19", "visit"),
        ("20일", "2015-03-20", "signing"),
        ("지난 2008년부터", since, "earlier signing"),
    ]


def test_place_of_the_benchmarking_visit_is_not_the_signing_place(wanju):
    places = {(f.value, f.about) for f in _of(wanju, "asia", "place")}
    assert ("서울시청", None) in places
    assert not any(about == "signing" for _, about in places)
    assert ("희망제작소", "signing") in {(f.value, f.about) for f in _of(wanju, "ilyo", "place")}


def test_agreement_card(wanju):
    event = wanju.event()
    assert event is not None and event.type == "agreement"
    assert event.parties == ("완주군", "희망제작소")
    assert event.representatives == ("박성일 완주군수", "이원재 희망제작소 소장")
    assert event.date is None and event.disputed == ("date",)
    assert event.place == "희망제작소"  # one outlet names no place: it says less
    assert event.phase == "2단계" and event.participants == 50
    assert event.items == (
        "지역의 다양한 정책의 개발과 창안 활동의 자문 및 지원",
        "사회적경제의 실천을 위한 정보공유 및 연구 활동 강화",
        "완주군의 다양한 공동체사업과 연계된 정책협력 지원",
        "도시재생, 환경 등 지역문제 현안에 대한 교류 협력 추진",
        "국제교류, 학술대회, 심포지엄 등 국내외 정책 소통 활동 연계",
        "중간지원조직의 업무 협력 및 교류 확대",
    )
    history = " / ".join(event.history)
    assert "2008" in history and "공무원 5명 파견" in history
    for project in ("신택리지 자원조사", "커뮤니티비즈니스", "로컬푸드", "마을공동체"):
        assert sum(project in line for line in event.history) == 1


def test_story_facts_merge_across_outlets(wanju):
    from newsmoa.facts import merge_facts

    merged = merge_facts(wanju.facts)
    people = {f.value: f for f in merged if f.type == "person"}
    assert set(people) == {"박성일", "이원재"}
    assert people["박성일"].role == "완주군수" and people["이원재"].role == "희망제작소 소장"
    assert {s.article for s in people["이원재"].sources} == {"ilyo", "gukje", "asia"}
    assert [f.value for f in merged if f.type == "quantity"] == [50, 5]
    signing = [f.value for f in merged if f.type == "date" and f.about == "signing"]
    assert signing == ["2015-03-19", "2015-03-20"]  # both kept: merging never picks


def test_a_persons_role_is_the_title_most_articles_give():
    """Five articles write 군수 (one as 영월군수), one 영월부군수: the fact's role is 영월군수,
    the most specific form of the title most give (the one outlet's 영월부군수 was shown,
    as the most specific of all: a black-box case). A tie goes to the first article."""
    from newsmoa.facts import extract_facts, merge_facts
    from newsmoa.text.sentences import split_sentences
    from newsmoa.types import Article

    text = "이날 협약식에는 김영수 {}와 박민호 대표이사 등 40여명이 참석했다."
    titles = ("군수", "영월군수", "군수", "영월부군수", "군수", "군수")
    arts = [Article(id=f"a{n}", text=text.format(t)) for n, t in enumerate(titles)]
    facts = {a.id: extract_facts(a, split_sentences(a)) for a in arts}

    def role(ids: list[int]) -> str | None:
        merged = merge_facts({f"a{n}": facts[f"a{n}"] for n in ids})
        return next(f.role for f in merged if f.type == "person" and f.value == "김영수")

    assert role(list(range(6))) == "영월군수"
    assert role([3, 0]) == "영월부군수" and role([0, 3]) == "군수"


def test_a_figure_tied_to_no_happening_is_the_tied_one_of_the_same_thing():
    """Two outlets write that the city secured 국비 1억5000만원, a third that it receives
    국비 1.5억원 (tied to no happening there); the story listed two facts of one figure. A
    past figure of the same thing stays apart."""
    from newsmoa.facts import merge_facts
    from newsmoa.types import Fact, Source

    def money(article: str, about: str | None, value: int = 150_000_000) -> Fact:
        src = (Source(article, 0, 5),)
        return Fact(
            "quantity", value, src, text="1억5000만원", unit="원", counts="국비", about=about
        )

    merged = merge_facts(
        {
            "a": [money("a", "확보")],
            "b": [money("b", "확보"), money("b", "earlier 선정", 200_000_000)],
            "c": [money("c", None)],
            "d": [money("d", None, 200_000_000)],
        }
    )
    assert [(f.value, f.about, [s.article for s in f.sources]) for f in merged] == [
        (150_000_000, "확보", ["a", "b", "c"]),
        (200_000_000, "earlier 선정", ["b"]),
        (200_000_000, None, ["d"]),
    ]


def test_one_value_outlets_tie_to_other_happenings_is_one_fact():
    """`지난해 여름부터` said of the past `물색` by the release and of `물색` by a reprint, and
    by a third outlet of `시작`, was two facts; so was `120억원` counting 사업비 in two outlets
    and about 사업비 in a third. Happenings of the table (a signing, a meeting) on one day
    stay apart, as do two of one article, and a plain figure beside a past one."""
    from newsmoa.facts import merge_facts
    from newsmoa.types import Fact, Source

    summer = {"from": "2025-06", "to": None}

    def fact(article: str, kind: str, value, about, counts=None, unit=None) -> Fact:
        src = (Source(article, 0, 5),)
        return Fact(kind, value, src, text="w", unit=unit, counts=counts, about=about)

    def merged(by: dict) -> list:
        return [
            (f.value, f.counts, f.about, [s.article for s in f.sources]) for f in merge_facts(by)
        ]

    assert merged(
        {
            "r": [fact("r", "date", summer, "earlier 물색")],
            "a": [fact("a", "date", summer, "물색")],
            "b": [fact("b", "date", summer, "시작")],
        }
    ) == [(summer, None, "물색", ["r", "a", "b"])]
    assert merged(
        {
            "r": [fact("r", "quantity", 120, "투입", "사업비", "억원")],
            "c": [fact("c", "quantity", 120, "사업비", None, "억원")],
        }
    ) == [(120, "사업비", "투입", ["r", "c"])]
    apart = {
        "r": [fact("r", "date", "2026-01-22", "signing"), fact("r", "date", "2026-01-22", "개최")],
        "a": [fact("a", "date", "2026-01-22", "meeting")],
        "b": [fact("b", "quantity", 3, "숨지", None, "명")],
        "c": [fact("c", "quantity", 3, "다치", None, "명")],
    }
    assert len(merge_facts(apart)) == 5


def test_places_whose_names_cover_each_other_are_one_place():
    """`군청 대회의실` of three outlets and `청솔군청 대회의실` of a fourth, both where the
    signing was, were two place facts; `시청` beside `시청 4층 회의실` says less and stays
    apart, as does a place of another happening."""
    from newsmoa.facts import merge_facts
    from newsmoa.types import Fact, Source

    def place(article: str, name: str, about: str | None = "signing") -> Fact:
        return Fact("place", name, (Source(article, 0, 5),), text=name, about=about)

    merged = merge_facts(
        {
            "r": [place("r", "군청 대회의실")],
            "a": [place("a", "청솔군청 대회의실")],
            "b": [place("b", "군청 대회의실"), place("b", "청솔군청 대회의실", "meeting")],
            "c": [place("c", "군청")],
        }
    )
    assert [(f.value, f.about, [s.article for s in f.sources]) for f in merged] == [
        ("청솔군청 대회의실", "signing", ["r", "b", "a"]),
        ("청솔군청 대회의실", "meeting", ["b"]),
        ("군청", "signing", ["c"]),
    ]


def test_unresolved_dates_merge_by_their_words():
    """Articles without a publication time: their `27일` and `28일` cannot be placed in a
    month, and stay two facts, each citing its own outlets (they were one fact citing both)."""
    from newsmoa.facts import extract_facts, merge_facts
    from newsmoa.text.sentences import split_sentences
    from newsmoa.types import Article

    text = "청솔군은 {}일 군청에서 농림축산식품부와 업무협약을 체결했다."
    arts = [Article(id=f"a{n}", text=text.format(d)) for n, d in enumerate((28, 27, 28))]
    facts = {a.id: extract_facts(a, split_sentences(a)) for a in arts}
    dates = [f for f in merge_facts(facts) if f.type == "date"]
    assert sorted((f.text, sorted(s.article for s in f.sources)) for f in dates) == [
        ("27일", ["a1"]),
        ("28일", ["a0", "a2"]),
    ]


def _dates(text: str) -> list[tuple[str, str]]:
    from datetime import datetime, timedelta, timezone

    from newsmoa.facts import extract_facts
    from newsmoa.text.sentences import split_sentences
    from newsmoa.types import Article

    when = datetime(2026, 7, 31, 9, 0, tzinfo=timezone(timedelta(hours=9)))
    art = Article(id="a", text=text, published=when)
    return [(f.text, f.value) for f in extract_facts(art, split_sentences(art)) if f.type == "date"]


def test_this_day_is_the_day_named_just_before_else_the_datelines():
    """이날 follows a day named in its sentence or the one before; farther on it is the
    dateline's day: the report is about that day, the earlier one was a comparison."""
    near = _dates(
        "경찰은 학생이 지난 29일 오후 5시쯤 집을 나갔다고 밝혔다. "
        "학생은 실종 당일 오후 6시 50분쯤 카페 앞을 지나갔다."
    )
    assert near[-1] == ("당일 오후 6시 50분쯤", "2026-07-29T18:50:00+09:00")
    far = _dates(
        "북한이 31일 동해상으로 단거리 미사일 2발을 발사했다. 지난 25일 발사 이후 엿새 만이다. "
        "합참은 정확한 제원을 분석하고 있다. 군은 경계 태세를 강화했다. "
        "북한의 이날 발사는 한미 연합훈련에 대한 반발로 풀이된다."
    )
    assert far[-1] == ("이날", "2026-07-31")


def test_a_happenings_day_is_left_open_when_no_day_is_named_near_it():
    """`행사 당일` is the event's day: three sentences after the lead it was taken for the
    lead's day (the announcement's, not the festival's; a black-box case). Named in its
    sentence or the one before, it is that day, as 이날 is; 이날 farther on keeps the lead's."""
    far = _dates(
        "청솔군은 31일 오는 11월 국화축제를 연다고 밝혔다. 군은 축제 기간 셔틀버스를 운행한다. "
        "주차장도 늘린다. 행사 당일에는 주차장이 무료로 개방된다. 당일 오후에는 불꽃놀이가 열린다."
    )
    assert far[-2:] == [("당일", None), ("당일", None)]
    named = _dates("축제는 오는 11월 2일 열린다. 행사 당일에는 주차장이 무료로 개방된다.")
    assert named[-1] == ("당일", "2026-11-02")
    this_day = _dates(
        "청솔군은 31일 국화축제를 열었다. 군은 셔틀버스를 운행했다. 주차장도 늘렸다. "
        "이날 축제에는 1만명이 찾았다."
    )
    assert this_day[-1] == ("이날", "2026-07-31")


def test_this_day_after_a_release_lead_is_the_happenings_day_not_the_telling():
    """A press release's lead tells a happening's day and the day it is told ("27일 협약을
    체결했다고 28일 밝혔다"); the next sentence's 이날 is the signing's, not the telling's
    (a black-box case: the card lost its date). A day in a clause that only modifies a noun
    is no such happening's ("지난 29일 실종된 학생을 찾고 있다고 31일 밝혔다": 이날 is the
    31st), nor a day in a quotation."""
    told = _dates(
        "진안군은 27일 한국농어촌공사와 업무협약을 체결했다고 30일 밝혔다. "
        "이날 협약식에는 군수 등 30여명이 참석했다."
    )
    assert told[-1] == ("이날", "2026-07-27")
    modified = _dates(
        "경찰은 지난 29일 실종된 학생을 찾고 있다고 31일 밝혔다. 경찰은 이날 수색을 벌였다."
    )
    assert modified[-1] == ("이날", "2026-07-31")
    quoted = _dates("군은 “27일 협약을 체결했다”고 30일 밝혔다. 군수는 이날 기자들과 만났다.")
    assert quoted[-1] == ("이날", "2026-07-30")


def test_a_speakers_today_at_a_dated_happening_is_its_day():
    """`김도윤 군수는 협약식에서 “오늘 …”`: the head spoke at the signing, dated the 27th in
    the lead, so his 오늘 is the 27th, not the dateline's 30th (a black-box case); at a
    happening the article did not date, it stays the dateline's guess."""
    at = _dates(
        "진안군은 27일 한국농어촌공사와 업무협약을 체결했다고 30일 밝혔다. "
        "김도윤 군수는 협약식에서 “오늘 협약은 농가 소득을 높일 것”이라고 말했다."
    )
    assert at[-1] == ("오늘", "2026-07-27")
    undated = _dates("김도윤 군수는 기공식에서 “오늘 첫 삽을 뜹니다”라고 말했다.")
    assert undated == [("오늘", "2026-07-31")]


def test_farther_on_this_day_is_the_lead_day():
    """Beyond the sentence after a named day, 이날 is the article's lead day (the first day
    it names, at most a week before the dateline), not the dateline's: a report from
    abroad dated the day after."""
    found = _dates(
        "미국 대통령은 30일(현지시간) 무역 협상에 대해 의견을 밝혔다. "
        "그는 협상이 길어지고 있다고 했다. 백악관은 추가 설명을 하지 않았다. "
        "대통령은 이날 트위터에도 글을 올렸다."
    )
    assert found[-1] == ("이날", "2026-07-30")


def test_a_lead_day_counted_from_the_dateline_is_the_lead_day():
    """`어제` in the lead names the day the report is about as a bare day does: 이날 two
    sentences on is that day, not the dateline's (a black-box case); `이날` itself or a
    day after the dateline (`내일`) is no lead day."""
    found = _dates(
        "군은 어제 군청에서 업무협약을 체결했다. 양 기관은 단지를 조성할 계획이다. "
        "군은 이날 협약식에서 입주 계획도 밝혔다."
    )
    assert found == [("어제", "2026-07-30"), ("이날", "2026-07-30")]
    ahead = _dates(
        "군은 내일 군청에서 업무협약을 체결한다. 양 기관은 단지를 조성할 계획이다. "
        "군은 이날 설명회도 열었다."
    )
    assert ahead[-1] == ("이날", "2026-07-31")


def test_an_offset_is_no_day_for_this_day_to_follow():
    """`사흘 전` is counted from the day named before (`test_an_offset_counts_from_the_day_
    named_just_before`); 이날 after it is still that day, not the offset's."""
    found = _dates(
        "대통령은 30일(현지시간) 반도체 기업을 언급했다. 사흘 전에 이어 두 번째다. "
        "대통령은 이날 기자들과 만났다."
    )
    assert found[-1] == ("이날", "2026-07-30")


def test_the_lead_day_is_written_bare_not_with_jinan():
    """지난 marks an earlier day; the day the report is about is written by its number."""
    found = _dates(
        "지난 26일 워싱턴에서 열린 회의에 다녀온 김 의원은 30일 라디오에서 이같이 말했다. "
        "그는 대화가 필요하다고 했다. 정부는 답하지 않았다. 김 의원은 이날 오후 출국했다."
    )
    assert found[-1] == ("이날", "2026-07-30")


def test_an_offset_counts_from_the_day_named_just_before():
    """ "사흘 뒤" after "지난 15일" is the 18th, "사흘 전" after "21일(현지시간)" the 18th (a
    facts review: both were counted from the dateline); with no day in view, from the
    dateline as before."""
    after = _dates(
        "아나운서들은 지난 15일 사장에게 신고 메일을 보냈다. 회사는 사흘 뒤 조사위를 출범했다."
    )
    assert after[-1] == ("사흘 뒤", "2026-07-18")
    before = _dates("대통령은 21일(현지시간) 기업을 또 언급했다. 사흘 전에 이어 두 번째다.")
    assert before[-1] == ("사흘 전", "2026-07-18")
    alone = _dates("군은 사흘 전 사업 계획을 발표했다.")
    assert alone[-1] == ("사흘 전", "2026-07-28")
    ahead = _dates("정상회담은 오는 5일 열린다. 양국은 이틀 전 실무회담을 열었다.")  # a review
    assert ahead[-1] == ("이틀 전", "2026-07-29")


def test_a_span_after_a_dated_happening_counts_from_that_happening():
    """`협약식 사흘 뒤`: three days after the signing the article dated (the 27th), not after
    the day it named last (the 28th of a press conference), which it was counted from; a
    span after a word that names no happening the article dated counts from that day."""
    text = (
        "군은 27일 희망재단과 업무협약을 체결했다. 군수는 28일 기자회견을 열었다. "
        "협약식 사흘 뒤 첫 회의를 연다."
    )
    assert _dates(text)[-1] == ("사흘 뒤", "2026-07-30")
    other = text.replace("협약식 사흘 뒤", "회견 사흘 뒤")
    assert _dates(other)[-1] == ("사흘 뒤", "2026-07-31")


def test_a_date_a_happening_is_before_is_not_its_date():
    """`내달 2일 직전에 열리는`: the meeting is before the 2nd, not on it; the date is tied to
    no happening, so another outlet's `8월 2일 하루 전` (the 1st) is no dispute (a review)."""
    (fact,) = [d for d in _dates_about("회담은 내달 2일 직전에 열린다.")]
    assert fact == ("내달 2일", "2026-08-02", None)


def _dates_about(text: str) -> list[tuple[str, str, str | None]]:
    from datetime import datetime, timedelta, timezone

    from newsmoa.facts import extract_facts
    from newsmoa.text.sentences import split_sentences
    from newsmoa.types import Article

    when = datetime(2026, 7, 31, 9, 0, tzinfo=timezone(timedelta(hours=9)))
    art = Article(id="a", text=text, published=when)
    facts = extract_facts(art, split_sentences(art))
    return [(f.text, f.value, f.about) for f in facts if f.type == "date"]
