"""Direct quotations: where they are, the day a date before one is about, and which day a
speaker's 오늘 is (`newsmoa.facts.quoted`, used by `extract_facts`)."""

from __future__ import annotations

from datetime import datetime

import pytest
from facts_samples import KST, Story, make_article, split

from newsmoa.facts import extract_facts
from newsmoa.facts.quoted import QUOTED_DAY, spans
from newsmoa.types import Article, ConsolidatedSentence, Source

SAT = datetime(2019, 8, 24, 9, tzinfo=KST)


def dates(text: str, published: datetime = SAT) -> list[tuple[str, str | None, str | None]]:
    """(words, value, about) of each date fact of one article."""
    story = Story([make_article("a", text, published)])
    return [(f.text, f.value, f.about) for f in story.facts["a"] if f.type == "date"]


def test_quotations_are_found_line_by_line_with_like_marks():
    text = '그는 “A를 “보라”고 했다”며 "B"라고 했다.\n“둘째 줄이 열린 채\n끝”. 셋째 “열린'
    assert [text[s : e + 1].rstrip("\n") for s, e in spans(text)] == [
        "“A를 “보라”",  # a second “ inside one opens nothing; the first ” closes it
        '"B"',
        "“둘째 줄이 열린 채",  # left open: to the line's end
        "끝”",  # a ” with no opening in its line: quoted from the line's start
        "“열린",
    ]
    inner = '그는 “그가 "오늘" 말했다”고 했다.'
    assert [inner[s : e + 1] for s, e in spans(inner)] == ['“그가 "오늘" 말했다”']


def test_a_day_written_before_a_quotation_is_the_day_of_the_words_that_close_it():
    """ "외교부는 31일 “… 1일 오전 … 회담을 가질 예정”이라고 밝혔다": the 31st is when the
    ministry spoke, not the meeting's day (the dev day set it against another outlet's 1일),
    read from the words after the quotation alone, whose clause may hold it (a review);
    several quotations with only a tail between are one speech, not two clauses' (`고
    말했고 “…”`); a tail that goes on to something else (“…”며 1일 회견을 열었다) leaves the
    saying without a happening (a review: it took the meeting's)."""
    on = datetime(2019, 7, 31, 9, tzinfo=KST)
    said = "외교부는 31일 “강 장관은 1일 오전 고노 외무상과 회담을 가질 예정”이라고 밝혔다."
    assert dates(said, on) == [
        ("31일", "2019-07-31", "announcement"),
        ("1일", "2019-08-01", "meeting"),
    ]
    one_clause = "외교부는 31일 “강 장관이 1일 고노 외무상과 회담한다”고 밝혔다."
    assert dates(one_clause, on)[0] == ("31일", "2019-07-31", "announcement")
    told = "외교부는 31일 “강 장관이 1일 고노 외무상과 회담한다”라고 전했다."
    assert dates(told, on)[0] == ("31일", "2019-07-31", "announcement")
    row = said.replace("”이라고 밝혔다", "”이라며 “양국 관계를 논의한다”고 밝혔다")
    assert dates(row, on)[0] == ("31일", "2019-07-31", "announcement")
    two = "그는 31일 “통화했다”고 말했고 “만났다”고 덧붙였다."
    assert dates(two, on)[0] == ("31일", "2019-07-31", "말")
    going_on = "그는 31일 “통화했다”며 1일 회담을 가진다고 밝혔다."
    assert dates(going_on, on) == [("31일", "2019-07-31", None), ("1일", "2019-08-01", "meeting")]
    own = "경찰은 31일 현장을 조사했다. 주민은 “무섭다”고 말했다."
    assert dates(own, on) == [("31일", "2019-07-31", "조사")]


def test_stray_and_mismatched_marks_quote_no_more_than_their_sentence():
    """A “ closed by a straight " is one quotation; an inch mark (`55"`) opens none; a mark
    left open quotes to its sentence's end, not the paragraph's (a review: the next
    sentence's 오늘 was read as quoted, and the 31st lost its happening)."""
    on = datetime(2019, 7, 31, 9, tzinfo=KST)
    mixed = '그는 31일 “오늘 발표한다"고 말했다. 시는 오늘 오후 3시 행사를 연다.'
    assert [about for _, _, about in dates(mixed, on)] == ["말", "announcement", "행사"]
    inch = '삼성은 31일 55" TV를 출시했다. 회사는 오늘 오후 3시 행사를 연다.'
    assert [about for _, _, about in dates(inch, on)] == ["출시", "행사"]
    open_ = "그는 31일 “오늘 발표한다고 말했다. 시는 오늘 오후 3시 행사를 연다."
    assert dates(open_, on)[-1] == ("오늘 오후 3시", "2019-07-31T15:00:00+09:00", "행사")


def test_a_speakers_today_counts_from_the_day_that_introduces_the_quotation():
    """`오늘` in a quotation is the day its speaker said it: the day written before the
    quotation, in the clause that introduces it or one that leads to it ("22일 기자들과 만나
    “오늘 …”": a black-box case). A day of a clause modifying a noun, inside another
    quotation or a period's start says nothing of it (a review: 2018-03-05, the 20th and
    9월 1일 were taken); then the dateline's count stays, marked as a guess."""
    said = (
        "폼페이오 장관은 22일(현지시간) 기자회견에서 “오늘 아침 한국 외교장관과 통화했다”고 말했다."
    )
    assert dates(said)[1][:2] == ("오늘", "2019-08-22")
    yesterday = said.replace("오늘", "어제")
    assert dates(yesterday)[1][:2] == ("어제", "2019-08-21")
    alone = "질문에 “오늘 아침 한국 외교장관과 통화했다”면서 실망을 나타냈다."
    ((words, value, about),) = dates(alone)
    assert (words, value) == ("오늘", "2019-08-24") and about.endswith(QUOTED_DAY)
    for other in (
        "2018년 3월 5일 취임한 그는 기자회견에서 “오늘 아침 통화했다”고 말했다.",
        "그는 “20일 회의에서 결정했다”며 “오늘 아침 다시 통화했다”고 말했다.",
        "정부는 다음 달 1일부터 시행한다며 “오늘 발표한다”고 밝혔다.",
    ):
        today = [d for d in dates(other) if d[0] == "오늘"]
        assert [(w, v) for w, v, _ in today] == [("오늘", "2019-08-24")], other
    met = "폼페이오 장관은 22일 기자들과 만나 “오늘 아침 강 장관과 통화했다”고 말했다."
    assert [d[:2] for d in dates(met) if d[0] == "오늘"] == [("오늘", "2019-08-22")]
    after = "그는 22일 회의를 마친 뒤 “오늘 통화했다”고 말했다."  # (the meeting's day)
    assert [d[1] for d in dates(after) if d[0] == "오늘"] == ["2019-08-24"]
    outside = "그는 22일 회견했고, 오늘 오전 9시 회의를 열었다."
    assert dates(outside)[1][:2] == ("오늘 오전 9시", "2019-08-24T09:00:00+09:00")


def test_a_quotation_of_several_sentences_is_one():
    """A block quotation split into sentences keeps its 오늘 quoted (a review: its last
    sentence's 오늘 was read as the outlet's own day), and the day that introduces it is its
    speaker's in every sentence of it."""
    block = "그는 이렇게 말했다. “한국 외교장관과 통화했다. 오늘 아침 다시 통화했다.”"
    today = [d for d in dates(block) if d[0] == "오늘"]
    assert len(today) == 1 and today[0][2] is not None and today[0][2].endswith(QUOTED_DAY)
    dated = "그는 22일 기자회견에서 “한국과 통화했다. 오늘 아침 다시 통화했다.”"
    assert [d[:2] for d in dates(dated) if d[0] == "오늘"] == [("오늘", "2019-08-22")]


def test_the_saying_and_its_day_read_as_a_third_review_found():
    """Cases of a third review: another subject's quotation takes no day from the clause
    before it; `”고 했다` is read with its mark (고 was a noun); the saying's verb is found
    however far it is; a nearer day is the saying's; `…”라며 이같이 밝혔다` is a saying;
    `지난 22일` is written too; a “…" quotation ends before the next “."""
    strike = "회사는 22일 공장 가동을 멈췄고, 노조는 “오늘 오후 3시 집회를 연다”고 밝혔다."
    ((_, _, _), (words, value, about)) = dates(strike)
    assert value == "2019-08-24T15:00:00+09:00" and about.endswith(QUOTED_DAY)
    assert dates("그는 31일 “통화했다”고 했다.")[0][2] != "고"
    far = "그는 31일 “통화했다”고 서울 종로구 세종대로 정부서울청사 별관 3층 대회의실에서 밝혔다."
    assert dates(far)[0][2] == "announcement"
    nearer = "그는 22일 입국해 이튿날 기자들과 만나 “오늘 아침 통화했다”고 말했다."
    assert [d[1] for d in dates(nearer) if d[0] == "오늘"] != ["2019-08-22"]
    assert dates("그는 31일 “통화했다”라며 이같이 밝혔다.")[0][2] == "announcement"
    past = "폼페이오 장관은 지난 22일(현지시간) 회견에서 “오늘 아침 통화했다”고 말했다."
    assert [d[1] for d in dates(past) if d[0] == "오늘"] == ["2019-08-22"]
    two = '그는 31일 “오늘 발표한다"고 말했고, 시는 1일 “내일 간다”고 했다.'
    assert [text for text in (two[s : e + 1] for s, e in spans(two))] == [
        '“오늘 발표한다"',
        "“내일 간다”",
    ]


def test_the_speakers_day_as_a_fourth_review_found():
    """A topic after a particle (`서울에서는`) or the quotation's own subject (`이 문제가`) is
    no other speaker; a finished happening in the chain (`멈췄고`) is; a mention of the same
    day (`이날 오후`) or of no day (`2018년`) stands in no one's way; a date after the
    dateline is no day of saying (`다음 달 1일 회담에 대해 “오늘 …”`)."""
    for same in (
        "그는 22일 방한해 서울에서는 “오늘 답한다”고 말했다.",
        "그는 22일 기자들과 만나 이 문제가 “오늘 해결됐다”고 말했다.",
        "그는 22일 입국해 이날 오후 기자들과 만나 “오늘 아침 통화했다”고 말했다.",
        "그는 22일 기자들과 만나 2018년 합의와 관련해 “오늘 통화했다”고 말했다.",
    ):
        assert [d[1] for d in dates(same) if d[0] == "오늘"] == ["2019-08-22"], same
    for other in (
        "회사는 22일 공장 가동을 멈췄고, 노조는 집회를 열고 “오늘 다시 모인다”고 밝혔다.",
        "그는 22일 기자들과 만나 다음 달 1일 회담에 대해 “오늘 통화했다”고 말했다.",
    ):
        assert [d[1] for d in dates(other) if d[0] == "오늘"] == ["2019-08-24"], other


def test_sayings_and_attributions_as_a_judgement_on_real_texts_found():
    """ "…”이라고 했다" is a saying (말); a verb of saying after a tail that goes on is the
    saying's (`…”며 혐의를 부인했다`); a date in a bracket after a quotation says who said
    that one, and introduces none after it."""
    from newsmoa.facts.clauses import analyse
    from newsmoa.facts.quoted import introduced

    on = datetime(2019, 7, 31, 9, tzinfo=KST)
    plain = "그는 31일 최고위원회의에서 “협상은 끝났다”라고 했다."
    assert dates(plain, on)[0] == ("31일", "2019-07-31", "말")
    denied = "그는 31일 “돈을 받은 적이 없다”며 혐의를 부인했다."
    assert dates(denied, on)[0] == ("31일", "2019-07-31", "부인")
    said = "청와대는 “유감이다”(23일 청와대 관계자)라며 “대화는 계속한다”고 밝혔다."
    end = said.index("23일") + 3
    assert introduced(analyse(said), end, spans(said)) == []
    held = "그는 “협상”(22일 “오늘 끝났다”고 말함)을 언급했다."  # (a bracket holding its own)
    assert [d[1] for d in dates(held) if d[0] == "오늘"] == ["2019-08-22"]


def test_a_speakers_today_counts_from_the_day_written_after_the_quotation():
    """`“오늘 …”고 22일 밝혔다`: the day written between the quotation's tail and its verb of
    saying is the speaker's (it kept the dateline's day, marked as a guess), and a row of
    quotations shares it. A day that goes on to another
    happening (`”며 1일 회견을 열었다`), one after the dateline, or one after other words
    (`”고 말했고, 22일 …`) is not the saying's."""
    after = "군수는 “오늘 협약으로 새 길이 열렸다”고 22일 밝혔다."
    assert [d[:2] for d in dates(after) if d[0] == "오늘"] == [("오늘", "2019-08-22")]
    row = "그는 “어제 통화했다”며 “오늘 다시 만난다”고 22일 말했다."
    assert [d[:2] for d in dates(row) if d[0] in ("어제", "오늘")] == [
        ("어제", "2019-08-21"),
        ("오늘", "2019-08-22"),
    ]
    for other in (
        "그는 “오늘 발표한다”며 22일 회견을 열었다.",
        "그는 “오늘 발표한다”고 다음 달 1일 밝힌다.",
        "그는 “오늘 발표한다”고 말했고, 22일 회견을 열었다.",
    ):
        today = [d for d in dates(other) if d[0] == "오늘"]
        assert [(w, v) for w, v, _ in today] == [("오늘", "2019-08-24")], other
        assert today[0][2] is None or today[0][2].endswith(QUOTED_DAY), other


@pytest.mark.parametrize(
    "said",
    [
        "김도운 군수는 “다음 달 5일 첫 설비를 착공한다”고 말했다.",
        "김도운 군수는 “주민과 함께 하겠다. 다음 달 5일 첫 설비를 착공한다”고 말했다.",
    ],
)
def test_a_date_in_a_quotation_is_its_own_predicates_not_the_sayings(said):
    """`“… 다음 달 5일 … 착공한다”고 말했다` gave the 5th to the saying (`말`): an outlet's
    6일 stood against it as the day the mayor spoke (a black-box case). The quotation's own
    predicate ends its clause."""
    article = Article(
        id="a", text=said, outlet="o", published=datetime(2026, 11, 24, 10, tzinfo=KST)
    )
    found = [(f.value, f.about) for f in extract_facts(article, split(article)) if f.type == "date"]
    assert found == [("2026-12-05", "착공")]


def test_a_fact_in_a_quotation_of_two_sentences_is_quoted_with_its_speaker():
    """A disagreement inside `“…착공한다. …만들겠다”고 말했다` quoted `김도운 군수는 “다음 달
    6일 첫 설비를 착공한다`: the quotation cut at its first stop, with no one saying it."""
    at = datetime(2026, 11, 24, 10, tzinfo=KST)
    said = (
        "청솔군은 24일 한빛에너지와 업무협약을 체결했다고 밝혔다.\n"
        "김도운 군수는 “다음 달 {}일 첫 설비를 착공한다. 주민과 함께 만들겠다”고 말했다."
    )
    arts = [make_article(f"a{n}", said.format(t), at) for n, t in enumerate("556")]
    story = Story(arts)
    start = arts[0].text.index("김도운")  # (the product's splitter keeps a quotation's
    # sentences together; the fixture's cuts on every `다.`)
    whole = tuple(Source(a.id, start, len(a.text)) for a in arts)
    story.aligned = (*story.aligned[:1], ConsolidatedSentence(arts[0].text[start:], whole))
    (d,) = story.disagreements()
    assert d.about == "착공 date, sentence 2"
    for v in d.values:
        for s in v.sources:
            assert (
                s.quote and s.quote.startswith("김도운 군수는 “") and s.quote.endswith("”고 말했다")
            )
