"""Date expressions: a literal table written by the team, plus invariants."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmoa.facts.dates import find_dates

FRI = date(2015, 3, 20)  # the example's dateline: Friday 20 March 2015
P = lambda a, b: {"from": a, "to": b}  # noqa: E731

# (text, anchor, expected words, expected value)
TABLE = [
    # absolute forms
    ("2015년 3월 20일", FRI, "2015년 3월 20일", "2015-03-20"),
    ("2015년03월20일", FRI, "2015년03월20일", "2015-03-20"),
    ("2015.03.20", FRI, "2015.03.20", "2015-03-20"),
    ("2015. 3. 20.", FRI, "2015. 3. 20.", "2015-03-20"),
    ("2015-03-20", FRI, "2015-03-20", "2015-03-20"),
    ("2015/3/20", FRI, "2015/3/20", "2015-03-20"),
    ("2014년 12월", FRI, "2014년 12월", "2014-12"),
    ("2008년", FRI, "2008년", "2008"),
    ("2015. 3. 20. 16:54", FRI, "2015. 3. 20. 16:54", "2015-03-20T16:54:00+09:00"),
    ("2015년03월20일 16시34분", FRI, "2015년03월20일 16시34분", "2015-03-20T16:34:00+09:00"),
    # a range of days before a place starting with 장 (`9일 장릉`: no 일장, a black-box case)
    ("6월 7~9일 장릉 일원", FRI, "6월 7~9일", P("2015-06-07", "2015-06-09")),
    ("축제 2일 차인 8일", FRI, "8일", "2015-03-08"),  # a day's count, spaced (a review)
    ("4월 10일 치러지는 총선", FRI, "4월 10일", "2015-04-10"),  # words that only begin like
    ("지난 8일 여야가", FRI, "지난 8일", "2015-03-08"),  # a count's suffix (a review)
    ("9일 차관 회의", FRI, "9일", "2015-03-09"),
    ("5일 내린 비로", FRI, "5일", "2015-03-05"),  # (`30일 내`, within: no date; a review)
    ("15일 내내 비가", FRI, "15일", "2015-03-15"),
    # an offset after a named day counts from that day (`8월 2일 하루 전`: a review)
    ("8월 2일 하루 전", date(2015, 7, 31), "8월 2일 하루 전", "2015-08-01"),
    ("6월 7일 일주일 전부터", FRI, "6월 7일 일주일 전부터", P("2015-05-31", None)),
    ("8월 2일 하루 전날", date(2015, 7, 31), "8월 2일 하루 전날", "2015-08-01"),  # the same
    ("오는 31일 당일", FRI, "오는 31일 당일", "2015-03-31"),  # a day named by the chain's
    # bare days: the nearest cycle
    ("19일", FRI, "19일", "2015-03-19"),
    ("5일", FRI, "5일", "2015-03-05"),
    ("28일", FRI, "28일", "2015-03-28"),
    ("3일", date(2015, 3, 30), "3일", "2015-04-03"),
    ("30일", date(2015, 3, 2), "30일", "2015-03-30"),  # no 30 February; March is nearer
    ("29일", date(2015, 3, 2), "29일", "2015-03-29"),
    ("31일", date(2015, 1, 2), "31일", "2014-12-31"),
    ("19일(목)", FRI, "19일(목)", "2015-03-19"),
    ("19일께", FRI, "19일께", "2015-03-19"),
    # 지난 forces the past, 오는 the future
    ("지난 19일", FRI, "지난 19일", "2015-03-19"),
    ("지난 25일", FRI, "지난 25일", "2015-02-25"),
    ("지난 20일", FRI, "지난 20일", "2015-03-20"),  # the report's own day, not a month back
    ("오는 25일", FRI, "오는 25일", "2015-03-25"),
    ("오는 5일", FRI, "오는 5일", "2015-04-05"),
    ("지난 12월", FRI, "지난 12월", "2014-12"),
    ("오는 5월 1일", FRI, "오는 5월 1일", "2015-05-01"),
    ("3월 19일", FRI, "3월 19일", "2015-03-19"),
    ("12월 30일", date(2015, 1, 5), "12월 30일", "2014-12-30"),
    # relative words
    ("이날", FRI, "이날", "2015-03-20"),
    ("오늘", FRI, "오늘", "2015-03-20"),
    ("어제", FRI, "어제", "2015-03-19"),
    ("내일", FRI, "내일", "2015-03-21"),
    ("지난해", FRI, "지난해", "2014"),
    ("올해", FRI, "올해", "2015"),
    ("내년", FRI, "내년", "2016"),
    ("지난해 3월", FRI, "지난해 3월", "2014-03"),
    ("올 상반기", FRI, "올 상반기", P("2015-01", "2015-06")),
    ("지난달 28일", FRI, "지난달 28일", "2015-02-28"),
    ("다음달 초", FRI, "다음달 초", P("2015-04-01", "2015-04-10")),
    ("이달 말", FRI, "이달 말", P("2015-03-21", "2015-03-31")),
    ("이달 말까지", FRI, "이달 말까지", P(None, "2015-03-31")),
    ("3월 중순", FRI, "3월 중순", P("2015-03-11", "2015-03-20")),
    ("내년 하반기", FRI, "내년 하반기", P("2016-07", "2016-12")),
    # seasons and parts of a year (`date_parts.tsv`), as the English rules read them; a
    # season or 하반기 alone is no date, 연말 and 연초 hold their year
    ("2027년 봄", FRI, "2027년 봄", P("2027-03", "2027-05")),
    ("내년 봄까지", FRI, "내년 봄까지", P(None, "2016-05")),
    ("올해 겨울", FRI, "올해 겨울", P("2015-12", "2016-02")),
    ("올여름", FRI, "올여름", P("2015-06", "2015-08")),
    # a release's month and day in dots before its weekday, no year (was no date: a
    # black-box case)
    ("3.19.(목) 협약", FRI, "3.19.(목)", "2015-03-19"),
    ("3. 24.(화) 14:00 설명회", FRI, "3. 24.(화) 14:00", "2015-03-24T14:00:00+09:00"),
    # after a direction word alone, the nearest on that side of the dateline (`지난 겨울`
    # was no date: a black-box case): the last one over by the dateline's month, the
    # first to start after it, the first not yet over
    ("지난 겨울 한파", FRI, "지난 겨울", P("2014-12", "2015-02")),
    ("지난 겨울 한파", date(2026, 11, 24), "지난 겨울", P("2025-12", "2026-02")),
    ("지난 가을 축제", date(2026, 11, 24), "지난 가을", P("2026-09", "2026-11")),
    ("지난 여름부터", FRI, "지난 여름부터", P("2014-06", None)),
    ("오는 봄 개장", FRI, "오는 봄", P("2016-03", "2016-05")),
    ("이번 겨울 제설", date(2026, 11, 24), "이번 겨울", P("2026-12", "2027-02")),
    ("지난 상반기 매출", date(2026, 11, 24), "지난 상반기", P("2026-01", "2026-06")),
    ("올초", FRI, "올초", P("2015-01", "2015-03")),
    ("내년 중반", FRI, "내년 중반", P("2016-04", "2016-09")),
    ("연말", FRI, "연말", P("2015-10", "2015-12")),
    ("연말까지", FRI, "연말까지", P(None, "2015-12")),
    ("내년 연초", FRI, "내년 연초", P("2016-01", "2016-03")),
    ("연내 완공", FRI, "연내", "2015"),
    ("2026년 말", FRI, "2026년 말", P("2026-10", "2026-12")),
    # periods
    ("2008년부터", FRI, "2008년부터", P("2008", None)),
    ("지난 2008년부터", FRI, "지난 2008년부터", P("2008", None)),
    ("19~20일", FRI, "19~20일", P("2015-03-19", "2015-03-20")),
    ("2007∼2009년", FRI, "2007∼2009년", P("2007", "2009")),
    ("2013~14년", FRI, "2013~14년", P("2013", "2014")),
    ("2013~14년까지", FRI, "2013~14년까지", P("2013", "2014")),  # both ends are written
    ("3월 19일부터 25일까지", FRI, "3월 19일부터 25일까지", P("2015-03-19", "2015-03-25")),
    ("4월 28일부터 5일까지", FRI, "4월 28일부터 5일까지", P("2015-04-28", "2015-05-05")),
    # weeks and weekdays (20 March 2015 is a Friday)
    ("지난 월요일", FRI, "지난 월요일", "2015-03-16"),
    ("오는 월요일", FRI, "오는 월요일", "2015-03-23"),
    ("수요일", FRI, "수요일", "2015-03-18"),
    ("일요일", FRI, "일요일", "2015-03-22"),
    ("다음 주 화요일", FRI, "다음 주 화요일", "2015-03-24"),
    ("지난주 금요일", FRI, "지난주 금요일", "2015-03-13"),
    ("이번 주", FRI, "이번 주", P("2015-03-16", "2015-03-22")),
    # offsets and times
    ("사흘 뒤", FRI, "사흘 뒤", "2015-03-23"),
    ("이틀 전", FRI, "이틀 전", "2015-03-18"),
    ("3일 전", FRI, "3일 전", "2015-03-17"),
    ("이날 오후 2시", FRI, "이날 오후 2시", "2015-03-20T14:00:00+09:00"),
    ("19일 오전 10시 30분", FRI, "19일 오전 10시 30분", "2015-03-19T10:30:00+09:00"),
    ("20일 낮 1시", FRI, "20일 낮 1시", "2015-03-20T13:00:00+09:00"),
    ("19일 오후 3시 반", FRI, "19일 오후 3시 반", "2015-03-19T15:30:00+09:00"),
]

# Words that are not dates (durations, counts, look-alikes).
NOT_DATES = [
    "10년간",
    "3일 동안",
    "2박 3일",
    "1일 평균",
    "오늘날",
    "지난 10년간",
    "5개월",
    "3시간",
    "30일 이내",
    "30일 내 복직을 신청해야",  # within 30 days (the dev day: read as a day; a review)
    "30일내 신청",
    "7일째",
    "2000년대",
    "말씀",
    "지난 주민들",
    "초청",
    "경기도",
    "서울시",
    "2단계",
    "50명",
    "매년 4월과 10월",  # recurring: no one date
    "매주 화요일",
    "봄 축제",  # a season or half-year without its year is left alone
    "하반기 채용",
    "지난 겨울방학",
    "3.5배 늘었다",
    "버전 3.19 출시",
    "연말정산",  # (a tax return, not the year's end)
    "공연내용",
]


@pytest.mark.parametrize(("text", "anchor", "words", "value"), TABLE)
def test_date_table(text, anchor, words, value):
    found = find_dates(text, anchor)
    assert [(m.text, m.value) for m in found] == [(words, value)]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text, FRI) == ()


def test_table_is_large_enough():
    assert len(TABLE) >= 40


def test_dates_in_a_sentence_keep_their_offsets():
    text = "지난 19일 서울시청 정책 벤치마킹에 나선 박성일 완주군수와 직원들은 20일 희망제작소"
    found = find_dates(text, FRI)
    assert [(m.text, m.value) for m in found] == [
        ("지난 19일", "2015-03-19"),
        ("20일", "2015-03-20"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_this_day_follows_the_day_named_last():
    found = find_dates("완주군은 19일 협약을 맺었다. 이날 토론회도 열렸다. 전날 도착했다.", FRI)
    assert [m.value for m in found] == ["2015-03-19", "2015-03-19", "2015-03-18"]


def test_the_following_year_counts_from_the_year_named_last():
    """이듬해 is the year after the one the text named last, even by its month or as a
    period's start (the dev day: "2012년 3월부터 이듬해 12월까지" was read as ending in 2020,
    the year after the dateline's)."""
    period = find_dates("2012년 3월부터 이듬해 12월까지 글을 올렸다.", FRI)
    assert [m.value for m in period] == [{"from": "2012-03", "to": "2013-12"}]
    later = find_dates("2013년 3월 보도했다. 이듬해 1월 소송을 냈다.", FRI)
    assert [m.value for m in later] == ["2013-03", "2014-01"]
    assert [m.value for m in find_dates("이듬해 완공한다.", FRI)] == ["2016"]  # the dateline's


def test_without_a_dateline_relative_words_keep_words_and_no_value():
    found = find_dates("완주군은 19일, 지난해 3월, 2015년 3월 20일", None)
    assert [(m.text, m.value) for m in found] == [
        ("19일", None),
        ("지난해 3월", None),
        ("2015년 3월 20일", "2015-03-20"),
    ]


def test_time_takes_the_articles_zone():
    assert find_dates("19일 오후 2시", FRI, tz=UTC)[0].value == "2015-03-19T14:00:00+00:00"


anchors = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=200, deadline=None)
@given(anchor=anchors, day=st.integers(1, 31))
def test_bare_day_is_the_nearest_one(anchor, day):
    (found,) = find_dates(f"{day}일", anchor)
    value = date.fromisoformat(found.value)
    assert value.day == day
    assert abs((value - anchor).days) <= 31
    for k in (-1, 1):  # no other month's same day is nearer
        other = value.replace(day=1) + timedelta(days=32 * k)
        try:
            other = other.replace(day=day)
        except ValueError:
            continue
        assert abs((other - anchor).days) >= abs((value - anchor).days)


@settings(max_examples=200, deadline=None)
@given(anchor=anchors, day=st.integers(1, 28))
def test_past_and_future_words_force_the_side(anchor, day):
    past = date.fromisoformat(find_dates(f"지난 {day}일", anchor)[0].value)
    future = date.fromisoformat(find_dates(f"오는 {day}일", anchor)[0].value)
    assert (past < anchor or past == anchor and day == anchor.day) and anchor < future
    assert (anchor - past).days <= 31 and (future - anchor).days <= 31


@settings(max_examples=100, deadline=None)
@given(
    prefix=st.text(alphabet="가나다 라마,.", max_size=8),
    y=st.integers(1990, 2030),
    m=st.integers(1, 12),
    d=st.integers(1, 28),
)
def test_absolute_dates_resolve_anywhere_with_exact_offsets(prefix, y, m, d):
    text = f"{prefix} {y}년 {m}월 {d}일 행사"
    (found,) = find_dates(text, None)
    assert found.value == date(y, m, d).isoformat()
    assert text[found.start : found.end] == found.text


def test_a_day_listed_after_a_day_of_a_named_month_is_of_that_month():
    """ "5월 4일과 9일" of a text dated in July: the 9th of May, not the 9th nearest the
    dateline; a day in another clause is still the nearest one."""
    jul31 = date(2019, 7, 31)
    listed = find_dates("북한은 5월 4일과 9일, 25일 발사했다.", jul31)
    assert [m.value for m in listed] == ["2019-05-04", "2019-05-09", "2019-05-25"]
    apart = find_dates("5월 4일 발사했고 9일에도 쐈다.", jul31)
    assert [m.value for m in apart] == ["2019-05-04", "2019-08-09"]


def test_that_year_is_the_year_named_last():
    """그해, 같은 해: the year the text named last (as 이듬해 counts from it)."""
    jul31 = date(2019, 7, 31)
    found = find_dates("2018년 1월 회담이 열렸다. 그해 2월 평창 올림픽이 열렸다.", jul31)
    assert [m.value for m in found] == ["2018-01", "2018-02"]
    found = find_dates("2013년 3월 창당했다. 같은 해 10월 출범했다.", jul31)
    assert [m.value for m in found] == ["2013-03", "2013-10"]


def test_the_same_month_is_the_month_of_the_day_named_last():
    """같은 달 25일: the month of the day named before it, not the dateline's."""
    jul31 = date(2019, 7, 31)
    found = find_dates("2018년 5월 2일 협약을 맺었다. 같은달 25일 착공했다.", jul31)
    assert [m.value for m in found] == ["2018-05-02", "2018-05-25"]
    assert [m.value for m in find_dates("같은 달 10일 열렸다.", jul31)] == ["2019-07-10"]
    # with a year named in front: that year's month (a comparison: "지난해 같은 달보다")
    found = find_dates("6월 취업자는 지난해 같은 달보다 늘었다.", jul31)
    assert [m.value for m in found] == ["2019-06", "2018-06"]


def test_a_day_of_a_month_before_전까지_is_no_offset():
    """`오는 24일 전까지`, `11월 23일 전까지`: a day of a month (until before it), not 24
    days ago (two outlets' articles of different days made a false disagreement of it);
    `사흘 전까지`, `3일 전` are offsets still."""
    aug22 = date(2019, 8, 22)
    found = find_dates("종료 시한인 오는 24일 전까지 통보할 것으로 보인다.", aug22)
    assert [(m.text, m.value, m.offset) for m in found] == [("오는 24일", "2019-08-24", False)]
    assert [m.value for m in find_dates("11월 23일 전까지 결정한다.", aug22)] == ["2019-11-23"]
    assert [m.offset for m in find_dates("3일 전 사고가 났다.", aug22)] == [True]
    assert find_dates("사흘 전까지만 해도 멀쩡했다.", aug22)[0].offset


def test_the_month_or_direction_guard_is_for_days_only_and_allows_two_spaces():
    """`오는 2주 후`, `지난 1년 전` stay offsets; `오는  24일 전까지` with two spaces is a day
    (a review)."""
    aug22 = date(2019, 8, 22)
    assert [m.offset for m in find_dates("오는 2주 후 결정한다.", aug22)] == [True]
    assert [m.value for m in find_dates("오는  24일 전까지 통보한다.", aug22)] == ["2019-08-24"]
    assert [m.value for m in find_dates("11월  23일 전까지 결정한다.", aug22)] == ["2019-11-23"]


@settings(max_examples=200, deadline=None)
@given(anchor=anchors, day=st.integers(1, 28))
def test_a_clauses_tense_takes_its_side_of_the_dateline_the_day_itself_included(anchor, day):
    """A past clause's bare day is the latest on or before the dateline, a future one's the
    first on or after it (`15일 … 체결했다` in an article of 31 July: 15 July, not the nearer
    15 August), both within a month; a direction word outranks the tense."""
    past = find_dates(f"{day}일", anchor, tense=lambda _: "past")[0].day
    future = find_dates(f"{day}일", anchor, tense=lambda _: "future")[0].day
    assert past is not None and future is not None
    assert past.day == future.day == day
    assert 0 <= (anchor - past).days <= 31 and 0 <= (future - anchor).days <= 31
    ahead = find_dates(f"오는 {day}일", anchor, tense=lambda _: "past")[0].day
    assert ahead is not None and ahead > anchor


@settings(max_examples=300, deadline=None)
@given(anchor=anchors, first=st.integers(1, 31), length=st.integers(1, 20))
def test_a_day_range_told_in_the_past_has_ended_by_the_dateline(anchor, first, length):
    """A day range after 지난 ends on or before the dateline, the dateline's day included
    (`지난 1~10일` in an article of the 10th is this month's); one in a past clause does too
    when such a range ends within a month of it, else it is the nearest as without a tense;
    a future clause's starts on or after the dateline. Both ends are days of their months
    (a review: `지난 30~2일` in an article of 5 March was no date, and the nearest `17~30일`
    in one of 2 March ended on no day)."""
    last = (first + length - 1) % 31 + 1
    text = f"{first}~{last}일"

    def ends(value):
        start, end = (date.fromisoformat(value[k]) for k in ("from", "to"))
        assert (start.day, end.day) == (first, last) and start < end, (text, anchor, value)
        return start, end

    assert ends(find_dates(f"지난 {text}", anchor)[0].value)[1] <= anchor
    past = find_dates(text, anchor, tense=lambda _: "past")[0].value
    if past != find_dates(text, anchor)[0].value or ends(past)[1] <= anchor:
        assert 0 <= (anchor - ends(past)[1]).days <= 31, (text, anchor, past)
    ahead = ends(find_dates(text, anchor, tense=lambda _: "future")[0].value)[0]
    if max(first, last) <= 28:  # (a 30th a month and more ahead is beyond the tense: nearest)
        assert ahead >= anchor


def test_a_day_range_is_placed_by_its_last_day_in_the_past_only():
    aug10 = date(2019, 8, 10)
    past = [m.value for m in find_dates("1~15일", aug10, tense=lambda _: "past")]
    assert past == [{"from": "2019-07-01", "to": "2019-07-15"}]
    assert find_dates("1~10일", aug10, tense=lambda _: "past")[0].value["to"] == "2019-08-10"
    assert find_dates("1~15일", aug10)[0].value["from"] == "2019-08-01"  # (no tense: nearest)
    # a named month is not moved a year (`8월 1~15일 … 줄었다`)
    named = find_dates("8월 1~15일", aug10, tense=lambda _: "past")[0].value
    assert named == {"from": "2019-08-01", "to": "2019-08-15"}


def test_a_clauses_tense_places_months_and_weekdays_and_not_dates_it_cannot_move():
    jul31, tue = date(2019, 7, 31), date(2019, 7, 30)
    assert find_dates("15일", jul31, tense=lambda _: "past")[0].value == "2019-07-15"
    assert find_dates("15일", jul31)[0].value == "2019-08-15"  # (no tense: the nearest)
    assert find_dates("금요일", tue, tense=lambda _: "past")[0].value == "2019-07-26"
    assert find_dates("금요일", tue)[0].value == "2019-08-02"
    # a month a year away is not moved (`9월부터 … 선보였다` in July: the dev day's texts
    # mean this September as often as last)
    jan10 = date(2026, 1, 10)
    assert find_dates("3월", jan10, tense=lambda _: "past")[0].value == "2026-03"
    assert find_dates("3월 15일", jan10, tense=lambda _: "past")[0].value == "2026-03-15"
    for fixed in ("2019년 8월 15일", "다음 달 15일", "이달 15일", "사흘 뒤", "내일"):
        assert find_dates(fixed, jul31, tense=lambda _: "past")[0].value == (
            find_dates(fixed, jul31)[0].value
        ), fixed
    # no such day on the tense's side within a month: the nearest (20 March 2015 has no
    # 29 February before it, and 29 January is farther than a month)
    assert find_dates("29일", FRI, tense=lambda _: "past")[0].value == "2015-03-29"


def test_this_week_on_a_sunday_told_in_the_future_is_the_coming_week():
    """Weeks run Monday to Sunday; on a Sunday every day of that week but the dateline's
    is gone, so `이번 주` in a future clause is the week from the next day (`이번 주 중
    소환해 조사할 예정이다` of 25 August 2019). A clause of no known tense (an adnominal
    `이번 주 열린 회의에서 …`) or a past one keeps the week ending that Sunday, and this
    week's Sunday is the dateline itself."""
    sun, sat = date(2019, 8, 25), date(2019, 8, 24)
    coming, ending = P("2019-08-26", "2019-09-01"), P("2019-08-19", "2019-08-25")
    future = lambda _: "future"  # noqa: E731
    assert find_dates("이번 주", sun, tense=future)[0].value == coming
    assert find_dates("이번 주 수요일", sun, tense=future)[0].value == "2019-08-28"
    assert find_dates("이번 주 일요일", sun, tense=future)[0].value == "2019-08-25"
    assert find_dates("이번 주", sat, tense=future)[0].value == ending
    for tense in (None, "past"):
        assert find_dates("이번 주", sun, tense=lambda _, t=tense: t)[0].value == ending
        assert find_dates("이번 주 수요일", sun, tense=lambda _, t=tense: t)[0].value == (
            "2019-08-21"
        )
    assert find_dates("지난주", sun, tense=future)[0].value == P("2019-08-12", "2019-08-18")


def test_an_articles_dates_take_their_clauses_tense():
    """Through the facts stage (Kiwi's tokens): a signing told in the past on the 15th of
    an article of 31 July is 15 July, the meeting it plans on the 30th of an article of
    14 July is 30 July; the article's dateline first (a reported day is the saying's)."""
    from facts_samples import KST, Story, make_article

    signed = make_article(
        "a",
        "청솔군은 15일 군청에서 희망재단과 업무협약을 체결했다고 31일 밝혔다.",
        datetime(2019, 7, 31, 9, tzinfo=KST),
    )
    planned = make_article(
        "b", "양측은 30일 첫 회의를 열 예정이다.", datetime(2019, 7, 14, 9, tzinfo=KST)
    )
    story = Story([signed, planned])
    dates = {a: [f.value for f in fs if f.type == "date"] for a, fs in story.facts.items()}
    assert dates == {"a": ["2019-07-15", "2019-07-31"], "b": ["2019-07-30"]}


def test_a_day_after_the_datelines_in_a_plan_or_the_present_is_of_its_month():
    """In an article of 3 May, a bare day after the 3rd told as a plan or in the present
    (`개최할 예정이다`, `연다`, `받는다`, and one reported with the saying's own day) is
    of May, though the day of April is nearer; told in the past it is April's."""
    from facts_samples import KST, Story, make_article

    may3 = datetime(2024, 5, 3, 9, tzinfo=KST)
    texts = {
        "plan": "청솔군은 4일 군청에서 주민설명회를 개최할 예정이다.",
        "present": "청솔군은 20일 군청 대회의실에서 주민설명회를 연다.",
        "until": "접수는 28일까지 군청 민원실에서 받는다.",
        "reported": "청솔군은 30일 주민설명회를 개최할 예정이라고 3일 밝혔다.",
        "past": "주민설명회는 20일 군청에서 열렸다.",
        "said": "청솔군은 4일 주민설명회를 개최했다고 밝혔다.",
    }
    story = Story([make_article(k, t, may3) for k, t in texts.items()])
    dates = {a: [f.value for f in fs if f.type == "date"] for a, fs in story.facts.items()}
    assert dates == {
        "plan": ["2024-05-04"],
        "present": ["2024-05-20"],
        "until": [{"from": None, "to": "2024-05-28"}],
        "reported": ["2024-05-30", "2024-05-03"],
        "past": ["2024-04-20"],
        "said": ["2024-04-04"],
    }


def test_a_korean_reports_relative_dates_are_seouls_whatever_offset_its_time_has():
    from newsmoa.facts import extract_facts
    from newsmoa.text.sentences import split_sentences
    from newsmoa.types import Article

    text = (
        "오늘 새벽 4시께 한빛시 북구 일대에서 정전이 발생해 3천 가구가 피해를 입었다. "
        "한국전력은 어제 내린 폭우로 변압기가 고장 난 것으로 보고 있다."
    )
    for published in [  # one moment, 07:40 on the 10th in Seoul: a feed's GMT, a page's KST
        datetime(2024, 6, 9, 22, 40, tzinfo=UTC),
        datetime(2024, 6, 10, 7, 40, tzinfo=timezone(timedelta(hours=9))),
    ]:
        art = Article(id="a", text=text, title="한빛시 정전", published=published)
        facts = extract_facts(art, split_sentences(art))
        dates = {f.text: f.value for f in facts if f.type == "date"}
        assert dates["오늘 새벽 4시께"] == "2024-06-10T04:00:00+09:00", published
        assert dates["어제"] == "2024-06-09", published


@pytest.mark.parametrize(
    ("words", "impossible"),
    [
        ("11월 31일", True),
        ("내년 2월 30일까지", True),
        ("2.30(화)", True),
        ("2027년 2월 29일", True),
        ("2월 29일", False),  # (a leap year's, whatever the year)
        ("2028년 2월 29일", False),
        ("11월 30일", False),
        ("2015. 3. 20.", False),
        ("24일", False),
    ],
)
def test_a_day_no_month_has_is_named_so_and_not_moved(words, impossible):
    """A misprinted day (`11월 31일`) is no date of the month before or after: it stays
    unresolved, and `no_such_day` says why (the disagreements show it as such)."""
    from newsmoa.facts.calendar import no_such_day

    assert no_such_day(words) is impossible
    if impossible:
        assert all(m.value is None for m in find_dates(words, date(2026, 11, 24)))


@pytest.mark.parametrize(
    ("text", "anchor", "tense", "period"),
    [
        # a report of November on an October festival: the 6th is October's, not November's
        ("10월 3일부터 6일까지", date(2026, 11, 20), "past", ("2026-10-03", "2026-10-06")),
        ("10월 3일부터 6일까지", date(2026, 10, 7), "future", ("2026-10-03", "2026-10-06")),
        ("10월 3일부터 6일까지", date(2026, 11, 20), None, ("2026-10-03", "2026-10-06")),
        # a day before the first's is of the next month
        ("10월 30일부터 2일까지", date(2026, 12, 20), "past", ("2026-10-30", "2026-11-02")),
        ("지난 3일부터 5일까지", date(2026, 10, 7), None, ("2026-10-03", "2026-10-05")),
        # with their weekdays, as releases write them (review: the 6th was November's)
        ("10월 3일(금)부터 6일(월)까지", date(2026, 11, 20), "past", ("2026-10-03", "2026-10-06")),
    ],
)
def test_a_periods_bare_last_day_is_of_its_first_days_month(text, anchor, tense, period):
    value = find_dates(text, anchor, tense=lambda _: tense)[0].value
    assert (value["from"], value["to"]) == period
