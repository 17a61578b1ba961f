from datetime import UTC, datetime

import pytest

from newsmoa.extract.datelines import (
    SEOUL,
    find_datelines,
    parse_datetime,
    stamp,
    stamp_at,
)

CASES = [
    (
        "기사입력 : 2015년03월20일 16시34분",
        "published",
        datetime(2015, 3, 20, 16, 34, tzinfo=SEOUL),
    ),
    ("승인 2015.03.20 13:21:40", "published", datetime(2015, 3, 20, 13, 21, 40, tzinfo=SEOUL)),
    (
        "온라인 기사 2015년03월20일 14시11분",
        "published",
        datetime(2015, 3, 20, 14, 11, tzinfo=SEOUL),
    ),
    ("입력 2019-07-31 03:00", "published", datetime(2019, 7, 31, 3, 0, tzinfo=SEOUL)),
    ("입력 2019.07.31. 오후 3:05", "published", datetime(2019, 7, 31, 15, 5, tzinfo=SEOUL)),
    ("최종수정 2019.08.01 09:10", "updated", datetime(2019, 8, 1, 9, 10, tzinfo=SEOUL)),
    ("등록 2020-01-02", "published", datetime(2020, 1, 2, tzinfo=SEOUL)),
]


@pytest.mark.parametrize(("line", "kind", "when"), CASES)
def test_labelled_datelines(line, kind, when):
    (found,) = find_datelines(line)
    assert (found.kind, found.when) == (kind, when)


def test_published_and_updated_on_one_line():
    found = find_datelines("입력 2019-07-31 10:00 수정 2019-07-31 11:30")
    assert [d.kind for d in found] == ["published", "updated"]


@pytest.mark.parametrize(
    "line",
    [
        "2015. 3. 20. 16:54전북 소식/완주군 소식",  # a blog header: a date with no label
        "완주군은 19일 희망제작소에서 협약을 체결했다.",
        "지난 2008년부터 지속적으로 업무협약을 체결했다.",
    ],
)
def test_unlabelled_lines_are_not_datelines(line):
    assert find_datelines(line) == []


def test_parse_datetime_reads_bare_dates_and_rejects_impossible_ones():
    assert parse_datetime("2015. 3. 20.") == datetime(2015, 3, 20, tzinfo=SEOUL)
    assert parse_datetime("2015.13.40") is None
    assert parse_datetime("no date here") is None


def test_an_hour_written_alone_is_kept():
    """ "2024년 5월 1일 오후 3시" was read as the day's midnight: the time needed minutes (a
    black-box test). Minutes and seconds in words or after colons as before; 3시간 (three
    hours) is no time, and an impossible hour leaves the day."""
    when = {
        "2024년 5월 1일 오후 3시": datetime(2024, 5, 1, 15, tzinfo=SEOUL),
        "2024.05.01 오전 9시": datetime(2024, 5, 1, 9, tzinfo=SEOUL),
        "2024년 5월 1일 15시 20분 30초": datetime(2024, 5, 1, 15, 20, 30, tzinfo=SEOUL),
        "2015년03월20일 16시34분": datetime(2015, 3, 20, 16, 34, tzinfo=SEOUL),
        "2015.03.20 13:21:40": datetime(2015, 3, 20, 13, 21, 40, tzinfo=SEOUL),
        "2019년 7월 31일 3시간 동안": datetime(2019, 7, 31, tzinfo=SEOUL),
        "2024년 5월 1일 25시": datetime(2024, 5, 1, tzinfo=SEOUL),
        # a review: a count after the hour is no minutes; 24시 is the day's end
        "2024.05.01 15시 3명 부상": datetime(2024, 5, 1, 15, tzinfo=SEOUL),
        "2024년 5월 31일 24시": datetime(2024, 6, 1, tzinfo=SEOUL),
    }
    assert {text: parse_datetime(text) for text in when} == when


def test_a_weekday_in_words_before_the_time_keeps_the_time():
    """A feed's `2024년 6월 3일 월요일 오후 1:20` was read as that day's midnight (a
    black-box case); `(월)` was read before."""
    when = datetime(2024, 6, 3, 13, 20, tzinfo=SEOUL)
    assert parse_datetime("2024년 6월 3일 월요일 오후 1:20") == when
    assert parse_datetime("2024.06.03 (월요일) 13:20") == when
    assert parse_datetime("2024.06.03 (월) 13:20") == when


def test_a_zone_after_a_time_is_the_times_zone():
    """`2015-03-20 15:21 PDT` (a JSONL field, a clipping's stamp): read in Pacific time, not
    in the outlet's (a black-box case); a word after the time that names no zone changes
    nothing."""
    from datetime import timedelta, timezone

    from newsmoa.extract.article import published_time

    pdt = timezone(timedelta(hours=-7))
    assert published_time("2015-03-20 15:21 PDT") == datetime(2015, 3, 20, 15, 21, tzinfo=pdt)
    assert parse_datetime("2019.07.31 09:00 수정").utcoffset() == timedelta(hours=9)
    assert parse_datetime("2019.07.31 09:00 at noon").utcoffset() == timedelta(hours=9)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Published 2024-06-03T11:12:00+09:00", datetime(2024, 6, 3, 2, 12, tzinfo=UTC)),
        ("2024-06-03T23:30:00Z", datetime(2024, 6, 3, 23, 30, tzinfo=UTC)),
        ("2024-06-03T11:12:00.123-05:00", datetime(2024, 6, 3, 16, 12, tzinfo=UTC)),
        ("2024-06-03T11:12", datetime(2024, 6, 3, 2, 12, tzinfo=UTC)),  # no offset: Seoul's
    ],
)
def test_an_iso_8601_time_keeps_its_time_and_offset(text, when):
    assert parse_datetime(text) == when


@pytest.mark.parametrize(
    "text",
    [
        "2024.06.03 14:00-16:00",  # a time range after a date written with a space
        "2024.06.03 18:00-24:00",
        "Published 2024-06-03T14:00:00+25:00",  # no offset: no crash, the time in Seoul
    ],
)
def test_only_a_valid_offset_after_an_iso_time_is_read(text):
    assert parse_datetime(text) == datetime(2024, 6, 3, 14 if "14:" in text else 18, tzinfo=SEOUL)


def test_a_pages_iso_dateline_keeps_its_offset():
    (found,) = find_datelines("입력 2024-06-03T23:30:00Z")
    assert found.when == datetime(2024, 6, 3, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("[한빛일보] 2024.06.03 11:12", "한빛일보"),
        ("[한빛일보] 2024.06.03", "한빛일보"),  # a date alone after an outlet's mark
        ("한빛일보 | 2024.06.03", "한빛일보"),
        ("[서울=뉴시스] 2024.06.03 11:12", "뉴시스"),  # as an opening marker names it
        ("한빛일보 2024-06-03 11:12", "한빛일보"),  # the outlet's name, then a space
        ("연합뉴스 2024.06.03", "연합뉴스"),
        ("[뉴스1] 2024.06.03 13:20", "뉴스1"),  # a name with a digit after its first character
        ("뉴스1 | 2024.06.03", "뉴스1"),
        ("[서울=뉴스1] 2024.06.03", "뉴스1"),
        ("정치 | 2024.06.03 11:12", None),  # a section's mark: a time is needed
        ("2024.06.03 11:12", None),
        ("2026.11.24.(화)", None),  # a release's own date line: a weekday, no time
        ("2026. 11. 24.(화)", None),
        ("2026년 11월 24일 화요일", None),
        ("[한빛일보] 2026.11.24(화)", "한빛일보"),
        ("보도자료 2026. 11. 24.(화)", None),  # the kind of document, no outlet
        ("[보도자료] 2026.11.24", None),
        # its name and a comma, as an English masthead stands beside its date (it was the
        # subtitle, the article undated and unnamed)
        ("한빛일보, 2019.07.31", "한빛일보"),
        ("한빛일보, 2019.07.31 10:20", "한빛일보"),
        # its name after the date and time, as a clipping service heads a copy (the article
        # was undated and unnamed); a date wholly in brackets (it was the subtitle)
        ("2026-11-24 15:20 청솔일보", "청솔일보"),
        ("2026.11.24 15:20 | 청솔일보", "청솔일보"),
        ("2026.11.24 연합뉴스", "연합뉴스"),  # a name the table knows: no time needed
        ("[2026-11-24 15:20]", None),
        ("(2026.11.24 15:20)", None),
        ("[2026.11.24]", None),
    ],
)
def test_a_stamp_names_the_outlet_its_mark_names(line, outlet):
    found = stamp(line)
    assert found is not None and found.at == stamp_at(line)
    assert found.outlet == outlet


@pytest.mark.parametrize(
    ("line", "outlet", "reporter"),
    [
        ("[군정신문=한도윤 기자] 2026.03.10", "군정신문", "한도윤"),
        ("[청솔일보=김민지 기자] 2026.03.12 10:20", "청솔일보", "김민지"),
        ("[청솔일보 김민지 기자] 2026-03-12", "청솔일보", "김민지"),
        ("[한빛일보] 2024.06.03 11:12", "한빛일보", None),
        ("한빛일보 | 2024.06.03", "한빛일보", None),
        # a signature before a bar (both were lost; the time alone was read)
        ("청솔일보 김민지 기자 | 2026.03.11 16:30", "청솔일보", "김민지"),
        ("김민지 기자 | 2026.03.11", None, "김민지"),
        # ... or without a mark, a dateline's label after the time
        ("청솔일보 김민지 기자 2026.03.11", "청솔일보", "김민지"),
        ("김민지 기자 | 2026-03-11 15:20 송고", None, "김민지"),
        ("청솔일보 | 김민지 기자 | 2026.03.11", "청솔일보", "김민지"),
        # a page's information bar in any order, maybe all in brackets (each was the
        # subtitle, the article undated, unnamed and unsigned)
        ("청솔일보 | 2026-11-24 15:20 | 김민지 기자", "청솔일보", "김민지"),
        ("2026.11.24 15:20 | 청솔일보 | 김민지 기자", "청솔일보", "김민지"),
        ("[청솔일보 2026-11-24 15:20]", "청솔일보", None),
        ("[2026-11-24 15:20] 청솔일보", "청솔일보", None),
        ("2026.11.24 15:20 (청솔일보)", "청솔일보", None),
        ("글 김민지 기자 | 사진 박도윤 기자 | 2026.11.24 15:20", None, "김민지"),  # a credit
    ],
)
def test_a_stamps_bracketed_byline_names_its_reporter(line, outlet, reporter):
    """A bracketed byline before the date (`[군정신문=한도윤 기자] 2026.03.10`) names the
    reporter as it does opening a line of body text; the stamp kept its outlet only, and the
    article was unsigned."""
    found = stamp(line)
    assert found is not None and (found.outlet, found.reporter) == (outlet, reporter)


@pytest.mark.parametrize(
    "line",
    [
        "정치 | 2024.06.03",  # a list's header: after a mark naming no outlet, a time is needed
        "[단독] 2024.06.03",
        "[서울] 2024.06.03",  # a place before it is 서울신문's alias
        "청솔군 2024.06.03 11:12",  # a name before a space is a mark only when it is an outlet's
        "서울 2024.06.03 11:12",
        "한빛일보는 2024.06.03 11:12 기사를 냈다",  # a sentence opening with an outlet's name
        "한빛일보는 2024.06.03 11:12",
        "[사진=연합뉴스] 2024.06.03",
        "[2024] 2024.06.03",  # a mark is a name, not a number
        "정치 | 2026.11.24.(화)",  # a weekday is no time
        "2026.11.24.(화) 행사",
        "청솔군, 2024.06.03 11:12",  # a name before a comma is a mark only when it is an outlet's
        "정치, 2024.06.03",
        "김민지 기자 2026년 11월 24일 행사",  # a signature's date with words after it
        "정부는 2026.11.24",
        "청솔일보 | 정치 | 2026.11.24",  # an outlet and a section: no one signs
        "2026.11.24 주요뉴스",  # a name by its ending after a date without its time
        "2026.11.24 15:20 행사",
        "[2026.11.24 15:20] 청솔군 행사",
        "(2026.11.24 15:20 예정)",
        "청솔일보 | 2026.11.24 15:20 | 정치",  # a section's label: no bar of the page's
        "2026. 11. 27. 8:30 군은 1/2을 지원했다.",  # a sentence with a slash, not a blog's line
        "2026. 11. 27. 솔뫼 이웃 블로그/생활정보",  # a blog's line gives its time
    ],
)
def test_what_is_no_stamp(line):
    assert stamp_at(line) is None and stamp(line) is None


def test_a_time_or_a_label_in_brackets():
    """Regional sites' pages write `기사입력 2026/03/14 [17:25]` and `[승인] 2026.03.14 17:25`:
    the first gave the day's midnight, the second no time at all (a black-box case). A time
    range in parentheses stays no time."""
    from newsmoa.extract.datelines import find_datelines

    def when(line: str) -> list[str]:
        return [d.when.isoformat() for d in find_datelines(line)]

    assert when("김민지 기자 | 기사입력 2026/03/14 [17:25]") == ["2026-03-14T17:25:00+09:00"]
    assert when("[승인] 2026.03.14 17:25") == ["2026-03-14T17:25:00+09:00"]
    assert when("【입력】 2026.03.14 (오후 5:25)") == ["2026-03-14T17:25:00+09:00"]
    assert when("입력 2026.03.14 (14:00~16:00)") == ["2026-03-14T00:00:00+09:00"]


@pytest.mark.parametrize(
    ("line", "when"),
    [
        (
            "2026. 11. 27. 8:30 솔뫼 이웃 블로그/생활정보",
            datetime(2026, 11, 27, 8, 30, tzinfo=SEOUL),
        ),
        ("2015. 3. 20. 16:54전북 소식/완주군 소식", datetime(2015, 3, 20, 16, 54, tzinfo=SEOUL)),
    ],
)
def test_a_blogs_date_line_is_a_stamp(line, when):
    """A blog post's date line, its time (the hour without its zero) then the blog's name
    and category: the post was undated, and its `어제` unresolved (a black-box case)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    found = stamp(line)
    assert found is not None and found.at == 0 and found.outlet is None
    text = (
        f"솔뫼면 김장나눔 행사 다녀왔어요\n\n{line}\n\n"
        "어제 솔뫼면 행정복지센터 앞에서 김장나눔 행사가 열렸어요.\n\n"
        "주민 80여 명이 모여 김치 500포기를 담가 홀몸 어르신 200가구에 전달했다고 합니다.\n"
    )
    assert extract(RawItem(origin="b.txt", text=text)).published == when
