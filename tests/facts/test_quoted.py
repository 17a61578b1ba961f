"""Direct quotations: where they are, the day a date before one is about, and which day a
speaker's 오늘 is (`newsmoa.facts.quoted`, used by `extract_facts`)."""

from __future__ import annotations

from datetime import datetime

from facts_samples import KST, Story, make_article

from newsmoa.facts.quoted import QUOTED_DAY, spans

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
    ministry spoke, not the meeting's day (the dev day set it against another outlet's 1일);
    several quotations in a row are one speech; a quotation's own tail (“…”며) is no
    predicate of the speech, the clause after it is."""
    on = datetime(2019, 7, 31, 9, tzinfo=KST)
    said = "외교부는 31일 “강 장관은 1일 오전 고노 외무상과 회담을 가질 예정”이라고 밝혔다."
    assert dates(said, on) == [
        ("31일", "2019-07-31", "announcement"),
        ("1일", "2019-08-01", "meeting"),
    ]
    row = said.replace("”이라고 밝혔다", "”이라며 “양국 관계를 논의한다”고 밝혔다")
    assert dates(row, on)[0] == ("31일", "2019-07-31", "announcement")
    tail = "폼페이오 장관은 22일 기자회견에서 “한국 외교장관과 통화했다”며 실망했다."
    assert dates(tail)[0] == ("22일", "2019-08-22", "실망")
    own = "경찰은 31일 현장을 조사했다. 주민은 “무섭다”고 말했다."
    assert dates(own, on) == [("31일", "2019-07-31", "조사")]


def test_a_speakers_today_counts_from_the_day_that_introduces_the_quotation():
    """`오늘` in a quotation is the day its speaker said it: the day written before the
    quotation, in the clause that introduces it. A day of another clause, inside another
    quotation or a period's start says nothing of it (a review: 2018-03-05, the 20th and
    9월 1일 were taken); then the dateline's count stays, marked as a guess."""
    said = "폼페이오 장관은 22일(현지시간) 기자회견에서 “오늘 아침 한국 외교장관과 통화했다”며 실망했다."
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
    outside = "그는 22일 회견했고, 오늘 오전 9시 회의를 열었다."
    assert dates(outside)[1][:2] == ("오늘 오전 9시", "2019-08-24T09:00:00+09:00")


def test_a_quotation_of_several_sentences_is_one():
    """A block quotation split into sentences keeps its 오늘 quoted (a review: its last
    sentence's 오늘 was read as the outlet's own day)."""
    block = "그는 이렇게 말했다. “한국 외교장관과 통화했다. 오늘 아침 다시 통화했다.”"
    today = [d for d in dates(block) if d[0] == "오늘"]
    assert len(today) == 1 and today[0][2] is not None and today[0][2].endswith(QUOTED_DAY)
