"""Extraction on the bundled example and on pages written by the team."""

import pytest

from newsmoa.extract.article import Dropped, extract
from newsmoa.types import Article, RawItem

BOILERPLATE = (
    "폰트키우기",
    "트위터 페이스북",
    "미투데이",
    "신고하기",
    "승인 2015",
    "기사입력",
    "ilyo66@",
)


def test_example_metadata(example_articles):
    got = [
        (a.outlet, a.published.strftime("%Y-%m-%d %H:%M:%S"), a.reporter) for a in example_articles
    ]
    assert got == [
        ("일요신문", "2015-03-20 14:11:00", "정성환"),
        ("국제뉴스", "2015-03-20 13:21:40", "이승희"),
        ("아시아뉴스통신", "2015-03-20 16:34:00", "김경선"),
    ]


def test_example_titles(example_articles):
    assert [a.title for a in example_articles] == [
        "완주군, 희망제작소와 2단계 업무협약 체결",
        "완주군, 희망제작소와 업무협약 체결2단계 새로운 정책개발, 국제교류, 중간지원조직 협력 다짐",
        "완주군, 희망제작소와 정책개발 협약",
    ]
    assert example_articles[0].subtitle == "2단계 새로운 정책개발, 국제교류, 중간지원조직 협력 다짐"


def test_example_text_is_body_only(example_articles):
    for a in example_articles:
        for junk in BOILERPLATE:
            assert junk not in a.text
        assert "이승희 기자 =" not in a.text and "[일요신문]" not in a.text
        assert a.title not in a.text
    assert example_articles[1].text.startswith("완주군이 희망제작소와 손잡고")


def test_caption_kept_apart(example_articles):
    asia = example_articles[2]
    assert len(asia.captions) == 1 and "(사진제공=완주군청)" in asia.captions[0]
    assert "기념촬영" not in asia.text


def test_team_written_page_with_buttons_and_copyright():
    page = "\n".join(
        [
            "시, 청년 창업 지원금 두 배로",
            "입력 2024.05.02 09:30 | 수정 2024.05.02 10:00",
            "글자크기 크게 작게 인쇄 공유",
            "(서울=뉴스1) 박영희 기자 = 서울시가 청년 창업 지원금을 두 배로 늘린다고 2일 밝혔다.",
            "지원 대상은 만 39세 이하 창업자 500명이다.",
            "[사진=서울시 제공] 서울시청 전경",
            "ⓒ 뉴스1코리아 무단전재 및 재배포 금지",
        ]
    )
    a = extract(RawItem(origin="page.txt", text=page))
    assert not isinstance(a, Dropped)
    assert (a.outlet, a.reporter, a.title) == ("뉴스1", "박영희", "시, 청년 창업 지원금 두 배로")
    assert a.published.isoformat() == "2024-05-02T09:30:00+09:00"
    assert (
        a.text
        == "서울시가 청년 창업 지원금을 두 배로 늘린다고 2일 밝혔다.\n지원 대상은 만 39세 이하 창업자 500명이다."
    )
    assert a.captions == ("[사진=서울시 제공] 서울시청 전경",)


def test_input_hints_win_and_id_defaults():
    raw = RawItem(
        origin="in.jsonl:1",
        text="정부가 새 정책을 오늘 발표했다고 밝혔다. 시행은 내년부터다.",
        url="https://www.yna.co.kr/view/1",
        title="정책 발표",
        published="2024-01-02T10:00:00",
    )
    a = extract(raw)
    assert (a.id, a.url) == ("https://yna.co.kr/view/1", "https://www.yna.co.kr/view/1")
    assert a.outlet == "연합뉴스" and a.title == "정책 발표"
    assert a.published.isoformat() == "2024-01-02T10:00:00+09:00"
    assert (
        extract(
            RawItem(origin="x", text="정부가 새 정책을 오늘 발표했다고 밝혔다. 시행은 내년부터다.")
        ).id
        == a.content_hash
    )


def test_nothing_here_is_dropped_with_a_reason():
    assert extract(RawItem(origin="a.txt", text="   \n ")) == Dropped("a.txt", "empty")
    assert (
        extract(RawItem(origin="b.txt", text="폰트키우기 폰트줄이기 프린트하기")).reason
        == "no body text"
    )


def test_an_article_flattened_into_one_line_with_its_caption_is_not_a_caption():
    """A crawler joined caption and body into one line: the caption marker does not make
    the whole article a caption (it was dropped as "no body text")."""
    body = "75세 이상 노인이 콜레스테롤 억제제의 복용을 중단할 경우 심근경색 위험이 커진다는 연구결과가 나왔다."
    text = "고지혈증 약, 중단하면 안되는 이유(사진=123rf.com) " + body * 5
    got = extract(RawItem(origin="flat", text=text, title="고지혈증 약 중단하면 안 되는 이유"))
    assert isinstance(got, Article) and body in got.text and not got.captions
    short = extract(RawItem(origin="c", text="[사진=서울시 제공] 서울시청 전경\n" + body * 2))
    assert isinstance(short, Article) and short.captions == ("[사진=서울시 제공] 서울시청 전경",)


def test_a_page_keeps_the_time_of_day_its_metadata_gives():
    """`article:published_time` with its offset: the time of day is kept, not only the day."""
    body = (
        "<p>서울시는 20일 시청에서 기자회견을 열고 내년도 예산안을 발표했다. 예산 규모는 올해보다 "
        "5% 늘어난 45조원이며 복지와 교통 분야에 집중 투자한다고 밝혔다.</p>"
        "<p>시는 이번 예산안을 다음달 시의회에 제출할 예정이다. 시의회는 심사를 거쳐 연말에 확정한다.</p>"
    )
    html = (
        '<html><head><title>예산</title><meta property="article:published_time" '
        f'content="2024-05-10T10:30:00+09:00"></head><body><article><h1>예산</h1>{body}'
        "</article></body></html>"
    )
    article = extract(RawItem(origin="page.html", html=html))
    assert article.published.isoformat() == "2024-05-10T10:30:00+09:00"
    # the page's author as a byline names them: the reporter alone, as a text's signature
    authored = html.replace("<head>", '<head><meta name="author" content="박민수 기자">')
    assert extract(RawItem(origin="page.html", html=authored)).reporter == "박민수"


def test_ids_made_from_texts_are_the_ids_every_earlier_newsmoa_made(flash_item):
    """An id made from a text (a pasted text's, a flash's name) is never made again from a
    stored row: a store finds such an article again only if the same input makes the same
    id. These were made by newsmoa before the comparison hash changed (2026-11-29); when
    ids followed that hash, a store's flashes were stored twice on the next ingest."""
    flash = flash_item
    pasted = RawItem(
        origin="a.txt",
        text="새 도서관 착공\n\n청솔군은 31일 군청 앞에서 새 도서관 착공식을 열었다고 밝혔다.\n"
        "도서관은 2026년 문을 연다고 군은 덧붙였다.",
    )
    assert (extract(flash).id, extract(pasted).id) == ("f2fddaff0b1dc911", "56129fd5c0ead310")


def test_a_year_in_a_pages_body_is_not_its_publication_time():
    """A page without date metadata whose body recalls "지난 2013년" was dated 2013-01-01
    (trafilatura's extensive search takes any year in the text) and left its story; it is
    undated now, and a date the page's header shows is still read (a black-box test)."""
    body = (
        "<p>전주시는 1일 시청에서 전북대학교와 청년 창업 지원 협약을 체결했다고 밝혔다.</p>"
        "<p>두 기관은 창업 공간을 함께 운영하고 해마다 50개 팀을 지원한다.</p>"
        "<p>두 기관은 지난 2013년에도 창업 지원 협약을 맺은 바 있다.</p>"
    )
    page = f"<html><head><title>협약</title></head><body><article>{body}</article></body></html>"
    assert extract(RawItem(origin="page.html", html=page)).published is None
    dated = page.replace("<body>", '<body><span class="date">2024.05.01 10:00</span>')
    assert extract(RawItem(origin="page.html", html=dated)).published.isoformat() == (
        "2024-05-01T10:00:00+09:00"
    )


def test_a_list_the_last_paragraph_announces_is_kept_and_furniture_after_the_byline_is_not():
    """Short lines after an article's last paragraph were all dropped as page furniture,
    and with them the items of a list the paragraph announced ("…다음과 같다.", a
    black-box test); related headlines after the signature still go."""
    text = (
        "전주시-전북대 청년창업 협약\n\n"
        "전주시와 전북대학교가 1일 청년 창업 지원 업무협약을 맺었다. 두 기관은 창업 공간을 함께 운영한다.\n\n"
        "두 기관이 함께 추진할 사업은 다음과 같다.\n\n"
        "- 창업 공간 공동 운영\n- 연간 50개 팀 지원\n- 지역 기업과 연계한 멘토링\n\n"
        "김철수 기자 kim@example.com\n\n관련기사\n▶ 전주시, 다른 소식"
    )
    got = extract(RawItem(origin="a.txt", text=text))
    assert got.text.endswith(
        "다음과 같다.\n- 창업 공간 공동 운영\n- 연간 50개 팀 지원\n- 지역 기업과 연계한 멘토링"
    )
    assert got.reporter == "김철수"
    unannounced = extract(
        RawItem(origin="b.txt", text=text.replace("사업은 다음과 같다", "사업도 많다"))
    )
    assert unannounced.text.endswith("사업도 많다.")


def test_a_text_far_longer_than_any_article_is_dropped_saying_so():
    """A dump or a book pasted as one text would hold a batch for minutes in analysis."""
    long = "시는 예산을 발표했다. " * 20_000  # 260,000 characters
    got = extract(RawItem(origin="dump.txt", text=long))
    assert (
        isinstance(got, Dropped) and got.reason == "text over 200,000 characters: not one article"
    )
    assert isinstance(extract(RawItem(origin="ok.txt", text=long[:50_000])), Article)


def test_a_headline_ending_like_a_sentence_opens_the_text_as_its_title():
    """`청솔군, 송림면에 스마트팜 단지 들어선다` on the first line, a blank line after it: a
    headline (a body sentence ends with its full stop), not the body's first sentence, which
    the story showed twice. A line the input does not name as the headline stays body when
    a title is given."""
    text = (
        "청솔군, 송림면에 스마트팜 단지 들어선다\n\n"
        "[미래일보] 오세훈 기자 = 청솔군은 28일 스마트팜 혁신단지 조성을 위한 업무협약을 "
        "체결했다고 밝혔다. 이번 사업에는 모두 120억 원이 투입된다."
    )
    a = extract(RawItem(origin="a.txt", text=text))
    assert a.title == "청솔군, 송림면에 스마트팜 단지 들어선다"
    assert a.text.startswith("청솔군은 28일")
    titled = extract(RawItem(origin="a.jsonl:1", text=text, title="스마트팜 협약"))
    assert titled.text.startswith("청솔군, 송림면에")
    quoted = text.replace(
        "청솔군, 송림면에 스마트팜 단지 들어선다", '김정훈 군수 "빈틈 메우겠다"', 1
    )
    assert extract(RawItem(origin="b.txt", text=quoted)).title == '김정훈 군수 "빈틈 메우겠다"'


def test_a_headline_ending_like_a_sentence_with_its_dateline_or_byline_under_it():
    """`군, 120억 들여 도서관 짓는다`, then the dateline or the byline on the next line (a
    clipping as a press office saves it): the headline, not the body's first sentence
    (a black-box case: the story listed it among its sentences)."""
    body = (
        "[미래일보] 오세훈 기자 = 군은 28일 중앙공원 옆에서 새 도서관 착공식을 열었다고 "
        "밝혔다. 사업비는 120억 원이다."
    )
    for under in ("입력 2024.05.28 09:27\n", "2024.05.28 09:27\n", ""):
        a = extract(RawItem(origin="a.txt", text=f"군, 120억 들여 도서관 짓는다\n{under}{body}"))
        assert a.title == "군, 120억 들여 도서관 짓는다", under
        assert a.text.startswith("군은 28일"), under
        assert a.outlet == "미래일보"


def test_a_bare_date_and_time_above_the_body_is_the_publication_time():
    """A clipping's `2026.11.28 15:42` line, alone above the body: its publication time
    (it was dropped, and the article's `28일` stayed unresolved); a line opening with a date
    and going on (a blog's list header) is not."""
    body = (
        "[미래일보] 오세훈 기자 = 청솔군은 28일 스마트팜 혁신단지 조성을 위한 업무협약을 "
        "체결했다고 밝혔다. 이번 사업에는 모두 120억 원이 투입된다."
    )
    stamped = extract(RawItem(origin="a.txt", text=f"스마트팜 협약\n2026.11.28 15:42\n\n{body}"))
    assert stamped.published is not None
    assert stamped.published.isoformat() == "2026-11-28T15:42:00+09:00"
    header = extract(RawItem(origin="b.txt", text=f"스마트팜 협약\n2026.11.28 군정 소식\n\n{body}"))
    assert header.published is None


def test_a_stamp_after_its_outlets_mark_is_the_publication_time():
    """`[한빛일보] 2024.06.03 11:12` under the headline was read as the body's first line (the
    date glued onto the lead) and `한빛일보 | 2024-06-03 11:12` was dropped: a black-box case.
    After a mark a time is needed: `정치 | 2024.06.03` may head a list."""
    body = (
        "[미래일보] 오세훈 기자 = 청솔군은 3일 스마트팜 혁신단지 조성을 위한 업무협약을 "
        "체결했다고 밝혔다. 이번 사업에는 모두 120억 원이 투입된다."
    )
    for stamp in (
        "[한빛일보] 2024.06.03 11:12",
        "한빛일보 | 2024-06-03 11:12",
        "한빛 · 2024.6.3 11:12",
    ):
        a = extract(RawItem(origin="a.txt", text=f"스마트팜 협약\n{stamp}\n\n{body}"))
        assert a.published is not None, stamp
        assert a.published.isoformat() == "2024-06-03T11:12:00+09:00", stamp
        assert a.text.startswith("청솔군은 3일"), stamp
    listed = extract(RawItem(origin="b.txt", text=f"스마트팜 협약\n정치 | 2024.06.03\n\n{body}"))
    assert listed.published is None


def test_a_stamp_with_its_outlet_after_or_in_brackets_dates_the_article():
    """A clipping's head `2026-11-24 15:20 청솔일보` (its outlet after the time) and a stamp
    alone in brackets `[2026-11-24 15:20]` were read as the subtitle: the reprint was
    undated and unnamed, and its `24일` unresolved (a black-box case)."""
    body = (
        "청솔군은 24일 한빛농업기술원과 스마트팜 2단계 조성 업무협약을 체결했다고 밝혔다.\n"
        "양 기관은 2027년까지 사업비 48억원을 들여 스마트팜 12동을 조성한다."
    )
    for line, outlet in (
        ("2026-11-24 15:20 청솔일보", "청솔일보"),
        ("[2026-11-24 15:20]", None),
    ):
        a = extract(RawItem(origin="a.txt", text=f"청솔군, 스마트팜 업무협약\n{line}\n\n{body}"))
        assert isinstance(a, Article), line
        assert a.published is not None, line
        assert a.published.isoformat() == "2026-11-24T15:20:00+09:00", line
        assert (a.outlet, a.subtitle) == (outlet, None), line
        assert a.text.startswith("청솔군은 24일"), line


@pytest.mark.parametrize(
    ("line", "outlet", "reporter"),
    [
        ("청솔일보 | 2026-11-24 15:20 | 김민지 기자", "청솔일보", "김민지"),
        ("2026.11.24 15:20 | 청솔일보 | 김민지 기자", "청솔일보", "김민지"),
        ("[청솔일보 2026-11-24 15:20]", "청솔일보", None),
        # after a labelled dateline: the outlet was lost, and a signature signed no one
        ("등록 2026.11.24 15:20 | 청솔일보", "청솔일보", None),
        ("입력 2026.11.24 15:20 | 김민지 기자", None, "김민지"),
    ],
)
def test_a_pages_information_bar_dates_names_and_signs(line, outlet, reporter):
    """A head line giving the date among the outlet's name and the reporter's, in any order
    (a page's information bar): it was the subtitle, or its names were lost."""
    body = (
        "청솔군은 24일 한빛농업기술원과 스마트팜 2단계 조성 업무협약을 체결했다고 밝혔다.\n"
        "양 기관은 2027년까지 사업비 48억원을 들여 스마트팜 12동을 조성한다."
    )
    a = extract(RawItem(origin="a.txt", text=f"청솔군, 스마트팜 업무협약\n{line}\n\n{body}"))
    assert isinstance(a, Article), line
    assert a.published is not None and a.published.isoformat() == "2026-11-24T15:20:00+09:00"
    assert (a.outlet, a.reporter, a.subtitle) == (outlet, reporter, None), line
    assert a.text.startswith("청솔군은 24일"), line


def test_a_releases_own_date_line_with_its_weekday_dates_it():
    """A press release writes its day under or above its title with the weekday and no time
    (`2026.11.24.(화)`): it was no date, and its `24일` and `지난 20일` stayed unresolved (a
    black-box case); after the kind of document (`보도자료 2026.11.24.(화)`) it was the title."""
    body = "청솔군은 24일 군청에서 로컬푸드 협약을 체결했다고 밝혔다.\n\n문의: 농업정책과"
    for line in (
        "2026.11.24.(화)",
        "2026. 11. 24.(화)",
        "2026년 11월 24일(화)",
        "보도자료 2026.11.24.(화)",
    ):
        for text in (
            f"청솔군, 로컬푸드 협약\n{line}\n\n{body}",
            f"{line}\n청솔군, 로컬푸드 협약\n\n{body}",
        ):
            a = extract(RawItem(origin="r.txt", text=text))
            assert isinstance(a, Article), line
            assert a.published is not None and a.published.date().isoformat() == "2026-11-24", line
            assert (a.title, a.text[:8]) == ("청솔군, 로컬푸드 협약", "청솔군은 24일"), line


def test_a_bracketed_byline_before_the_date_signs_the_article():
    """`[군정신문=한도윤 기자] 2026.03.10` under the headline gave the outlet and the day, but
    its reporter was lost (the stamp read its mark's outlet only): a black-box case."""
    body = (
        "청솔군이 스마트농업 혁신지구 공모사업에 선정됐다고 10일 밝혔다.\n\n"
        "군은 국비 120억원을 포함해 총사업비 240억원을 확보했다."
    )
    for line, when in (
        ("[군정신문=한도윤 기자] 2026.03.10", "2026-03-10"),
        ("[군정신문=한도윤 기자] 2026.03.10 14:20", "2026-03-10T14:20:00+09:00"),
    ):
        a = extract(RawItem(origin="a.txt", text=f"청솔군, 혁신지구 선정\n{line}\n\n{body}"))
        assert isinstance(a, Article), line
        assert (a.outlet, a.reporter, a.title) == ("군정신문", "한도윤", "청솔군, 혁신지구 선정")
        assert a.published is not None, line
        shown = a.published.date().isoformat() if a.day_only else a.published.isoformat()
        assert shown == when, line


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("2026. 11. 24.(화) 배포", "2026-11-24"),
        ("2026. 11. 24.(화) 청솔군 농업정책과", "2026-11-24"),
        ("2026.11.24.(화) 보도자료", "2026-11-24"),
        ("2026년 11월 24일 화요일 청솔군", "2026-11-24"),
        ("2026. 11. 24.(화) 11:00 이후 보도", "2026-11-24T11:00:00+09:00"),
    ],
)
def test_a_releases_date_line_with_words_after_it_dates_it(line, when):
    """Words after the weekday (`2026. 11. 24.(화) 배포`, `… 청솔군 농업정책과`, the issuing
    desk) made the release's date line no date: the release was undated, its `24일`
    unresolved (a black-box case)."""
    body = "청솔군은 24일 군청에서 로컬푸드 협약을 체결했다고 밝혔다.\n\n문의: 농업정책과"
    for text in (
        f"청솔군, 로컬푸드 협약\n{line}\n\n{body}",
        f"{line}\n청솔군, 로컬푸드 협약\n\n{body}",
    ):
        a = extract(RawItem(origin="r.txt", text=text))
        assert isinstance(a, Article) and a.published is not None, text
        shown = a.published.date().isoformat() if a.day_only else a.published.isoformat()
        assert shown == when, text
        assert (a.title, a.subtitle, a.text[:8]) == ("청솔군, 로컬푸드 협약", None, "청솔군은 24일")


@pytest.mark.parametrize(
    ("line", "outlet", "reporter"),
    [
        ("충청저널 윤가람 기자 | 입력 2026.03.11 16:30", "충청저널", "윤가람"),
        ("청솔일보 김민지 기자 | 2026.03.11 16:30", "청솔일보", "김민지"),
        ("2026년 03월 11일(수) 16:30 청솔일보", "청솔일보", None),
        ("[청솔일보]김민지 기자", "청솔일보", "김민지"),
        # a dateline's label between the signature and the date (it kept it unread)
        ("기자명 김민지 기자   입력 2026.11.24 15:20", None, "김민지"),
        ("청솔일보 김민지 기자 입력 : 2026.11.24 15:20", "청솔일보", "김민지"),
        # a signature and a date, no bar between (a short line: the subtitle, undated)
        ("김민지 기자 2026.11.24 15:20", None, "김민지"),
        ("청솔일보 김민지 기자 2026.11.24", "청솔일보", "김민지"),
        ("청솔일보 | 김민지 기자 | 2026.11.24", "청솔일보", "김민지"),
        # ... after a wire's marker (it was the lead: the text's first words, undated)
        ("(청솔=뉴스1) 김민지 기자 | 2026-11-24 15:20 송고", "뉴스1", "김민지"),
    ],
)
def test_the_outlet_and_reporter_beside_a_date_or_a_mark_name_the_article(line, outlet, reporter):
    """The signature before a dateline named the reporter but not its outlet; before a stamp's
    bar neither; an outlet after a dated weekday was lost; a signature after an outlet's mark
    stayed the text's first paragraph (black-box cases)."""
    body = "청솔군이 스마트농업 혁신지구에 선정됐다고 11일 밝혔다.\n\n군은 국비 120억원을 확보했다."
    a = extract(RawItem(origin="a.txt", text=f"청솔군, 혁신지구 선정\n{line}\n\n{body}"))
    assert isinstance(a, Article)
    assert (a.outlet, a.reporter, a.subtitle) == (outlet, reporter, None)
    assert a.text.startswith("청솔군이 스마트농업")
    assert "[" in line or a.published is not None


def test_a_sentence_opening_with_a_dated_weekday_is_no_date_line():
    body = "청솔군은 24일 군청에서 로컬푸드 협약을 체결했다고 밝혔다.\n\n문의: 농업정책과"
    a = extract(
        RawItem(
            origin="r.txt", text=f"청솔군, 로컬푸드 협약\n\n{body}\n\n2026. 12. 1.(화) 행사를 연다"
        )
    )
    assert isinstance(a, Article) and a.published is None


def test_a_stamp_opening_the_text_gives_its_outlet_time_and_leaves_the_headline():
    """`[한빛일보] 2024.06.03` atop a clipping (a date alone) was read as a byline whose rest
    became the title, and the article had no date; with a time after it the outlet was lost
    (black-box cases). The mark names the outlet whatever the copyright notice says."""
    body = (
        "청솔군은 3일 군청에서 스마트팜 혁신단지 조성을 위한 업무협약을 체결했다고 "
        "밝혔다.\n\n양 기관은 총사업비 120억원을 들여 혁신단지를 조성할 계획이다.\n\n김하늘 기자\n"
        "ⓒ 연합뉴스 무단전재 및 재배포 금지"
    )
    for stamp, when in (
        ("[미래일보] 2024.06.03", "2024-06-03T00:00:00+09:00"),
        ("[미래일보] 2024.06.03 09:30", "2024-06-03T09:30:00+09:00"),
        ("미래일보 | 2024.06.03", "2024-06-03T00:00:00+09:00"),
        ("미래일보 2024-06-03 11:12", "2024-06-03T11:12:00+09:00"),
        ("[뉴스1] 2024.06.03 13:20", "2024-06-03T13:20:00+09:00"),  # a digit in the name
    ):
        a = extract(RawItem(origin="a.txt", text=f"{stamp}\n청솔군, 스마트팜 단지 협약\n\n{body}"))
        named = stamp[1:4] if stamp.startswith("[뉴스1]") else "미래일보"
        assert (a.outlet, a.title) == (named, "청솔군, 스마트팜 단지 협약"), stamp
        assert a.published is not None and a.published.isoformat() == when, stamp
        assert a.text.startswith("청솔군은 3일"), stamp
    # a sentence opening with an outlet's name is the body's
    said = extract(
        RawItem(
            origin="b.txt",
            text=f"청솔군, 스마트팜 단지 협약\n\n미래일보는 2024.06.03 보도했다. {body}",
        )
    )
    assert said.outlet == "연합뉴스" and said.text.startswith("미래일보는")  # (the notice's)


def test_a_text_without_full_stops_keeps_its_first_paragraph():
    """A first line without a full stop is a headline only where the body's sentences have
    theirs: a text written without any keeps its first paragraph (it lost it, and could be
    dropped as having no body)."""
    text = "청솔군은 28일 청년 농업인 60명을 뽑는다\n\n선발된 청년은 2년 동안 교육을 받는다"
    a = extract(RawItem(origin="a.txt", text=text))
    assert isinstance(a, Article) and a.text.startswith("청솔군은 28일")


def test_a_release_as_a_press_office_sends_it():
    """`보도자료`, the team's contact line and `보도일시 2024. 5. 27.(월) 09:00` above the
    headline: the headline is the title, the time its publication time, and neither the
    label nor the contact is text (the story was titled "보도자료", undated, and its
    reprint founded a story of its own: a black-box case)."""
    text = (
        "보도자료\n\n완주군 홍보팀 | 담당 김민지 주무관 063-290-2034\n"
        "보도일시 2024. 5. 27.(월) 09:00\n\n"
        "완주군, 삼례 공공도서관 착공…2025년 12월 문 연다\n\n"
        "완주군은 27일 삼례읍에서 공공도서관 착공식을 열었다고 밝혔다.\n\n"
        "도서관은 총사업비 85억원을 들여 지하 1층, 지상 3층 규모로 지어진다.\n\n"
        "문의는 홍보팀(063-290-2034)으로 하면 된다.\n"
    )
    a = extract(RawItem(origin="release.txt", text=text))
    assert isinstance(a, Article)
    assert (a.title, a.subtitle) == ("완주군, 삼례 공공도서관 착공…2025년 12월 문 연다", None)
    assert a.published is not None and a.published.isoformat() == "2024-05-27T09:00:00+09:00"
    assert a.text.startswith("완주군은 27일") and "보도자료" not in a.text
    assert a.text.endswith("문의는 홍보팀(063-290-2034)으로 하면 된다.")  # a sentence stays


def test_a_pages_dateline_copyright_and_headline_around_its_main_text():
    """A regional daily's page: the headline in an <h3> or <h1>, `입력 2024.05.28 16:45` in
    its info list, the copyright notice in its footer. The main text leaves all three out:
    the page's time came back as the day's midnight (ten hours before the release it
    reprinted), its outlet was unknown, and an <h1> headline stayed atop the body, where the
    story showed it as a sentence (black-box cases)."""
    body = (
        "<p>완주군은 2012년 용진읍에 전국 첫 로컬푸드 직매장을 연 이후 12년 만에 누적 매출 "
        "1천억원을 넘어섰다고 28일 밝혔다.</p><p>군에 따르면 현재 직매장 30곳이 운영되고 있다. "
        "지난해 매출은 1,530억원으로 전년보다 8.5% 늘었다.</p>"
    )
    page = (
        "<html><head><meta charset='utf-8'><title>완주 로컬푸드, 누적 매출 1천억 시대 - 도민일보"
        "</title></head><body><div class='header'>도민일보 | 로그인</div><div id='article'>"
        "<h1>완주 로컬푸드, 누적 매출 1천억 시대</h1><ul><li>기자명 한상민 기자</li>"
        f"<li>입력 2024.05.28 16:45</li></ul>{body}</div>"
        "<div class='copyright'>저작권자 © 전북도민일보 무단전재 및 재배포 금지</div></body></html>"
    )
    a = extract(RawItem(origin="page.html", html=page))
    assert isinstance(a, Article)
    assert a.published is not None and a.published.isoformat() == "2024-05-28T16:45:00+09:00"
    assert a.outlet == "전북도민일보"
    assert a.title == "완주 로컬푸드, 누적 매출 1천억 시대"
    assert a.text.startswith("완주군은 2012년")


def test_a_pages_own_dateline_is_the_one_under_its_headline():
    """A list of the most-read articles above the story, each with its `입력` time, gave the
    page the first of them (a black-box case); the dateline at or after the headline's line
    is the page's, before any the main text holds."""
    story = (
        "<h1>청솔군, 공공도서관 착공</h1><ul><li>기자명 한상민 기자</li><li>입력 2024.05.28 16:45</li></ul>"
        "<p>청솔군은 28일 읍내에 공공도서관을 짓는 공사를 시작했다고 밝혔다. 도서관은 "
        "2025년 12월 문을 연다.</p><p>사업비는 120억원이다.</p>"
    )
    most_read = (
        "<ul class='ranking'><li>청솔군, 여름 축제 방문객 10만명 <span>입력 2024.05.20 "
        "10:00</span></li><li>청솔군의회 임시회 개회 <span>입력 2024.05.21 11:30</span></li></ul>"
    )
    head = "<html><head><title>청솔군, 공공도서관 착공 - 한빛일보</title></head><body>"
    a = extract(RawItem(origin="p.html", html=f"{head}{most_read}{story}</body></html>"))
    assert isinstance(a, Article) and a.title == "청솔군, 공공도서관 착공"
    assert a.published is not None and a.published.isoformat() == "2024-05-28T16:45:00+09:00"
    # its information list's labelled reporter ("기자명 한상민 기자") is the reporter, not a
    # subtitle (the label made it no signature)
    assert (a.reporter, a.subtitle) == ("한상민", None)


def test_a_pages_dateline_above_its_headline_and_its_related_list_below():
    """The page's dateline above its <h1>, a related list with other articles' times below
    the story: the dateline next to the headline is the page's (a review: the related
    list won), and a reporter its information list names is the reporter, though the main
    text leaves the list out."""
    body = (
        "<p>청솔군은 28일 읍내에 공공도서관을 짓는 공사를 시작했다고 밝혔다. 도서관은 2025년 "
        "12월 문을 연다.</p><p>사업비는 120억원이다.</p>"
    )
    related = (
        "<ul class='related'><li>청솔군 축제 <span>입력 2024.05.20 10:00</span></li>"
        "<li>청솔군의회 임시회 <span>입력 2024.05.21 11:00</span></li></ul>"
    )
    head = "<html><head><title>청솔군, 공공도서관 착공 - 한빛일보</title></head><body>"
    above = (
        f"{head}<span>입력 2024.05.28 16:45</span><h1>청솔군, 공공도서관 착공</h1>{body}{related}"
    )
    a = extract(RawItem(origin="a.html", html=above + "</body></html>"))
    assert isinstance(a, Article) and a.published is not None
    assert a.published.isoformat() == "2024-05-28T16:45:00+09:00"
    info = "<ul><li>기자명 한상민 기자</li><li>입력 2024.05.28 16:45</li></ul>"
    page = f"{head}{related}<h1>청솔군, 공공도서관 착공</h1>{info}{body}</body></html>"
    b = extract(RawItem(origin="b.html", html=page))
    assert isinstance(b, Article) and b.published is not None
    assert (b.published.isoformat(), b.reporter) == ("2024-05-28T16:45:00+09:00", "한상민")


@pytest.mark.parametrize(
    "layout",
    [
        "<p>수정 2024.05.29 10:00</p><p>입력 2024.05.28 16:45</p><h1>{h}</h1>{body}{related}",
        "{related}<h1>{h}</h1>{body}<p>입력 2024.05.28 16:45</p>{related}",
        "{related}<h1>{h}</h1><h2>군, 내년 12월 문 연다</h2><ul><li>입력 2024.05.28 16:45</li></ul>{body}",
        "<span>입력 2024.05.28 16:45</span><h1>{h}</h1>{body}{related}",
        "<p>김철수 기자 | 입력 2024.05.28 16:45 | 조회수 123</p><h1>{h}</h1>{body}{related}",
        # a ranking of links, each item's time in a <div> of its own (a third check)
        "<ul>"
        + "".join(
            f"<li><a href='/a/{i}'>다른 기사 {i}</a><div>입력 2024.05.2{i} 11:00</div></li>"
            for i in range(1, 4)
        )
        + "</ul><h1>{h}</h1>{body}<p>입력 2024.05.28 16:45</p>",
    ],
)
def test_a_pages_own_time_among_lists_of_other_articles(layout):
    """The page's 입력 next to its headline (above or under it, a 수정 beside it, a subtitle
    written as a sentence between), or else the first after the headline: never a time of
    a list of other articles around the story (a review)."""
    body = (
        "<p>청솔군은 28일 읍내에 공공도서관을 짓는 공사를 시작했다고 밝혔다. 도서관은 2025년 "
        "12월 문을 연다.</p><p>사업비는 120억원이다.</p>"
    )
    related = (
        "<ul class='related'><li>청솔군 축제 <span>입력 2024.05.20 10:00</span></li>"
        "<li>청솔군의회 <span>입력 2024.05.23 11:00</span></li></ul>"
    )
    page = layout.format(h="청솔군, 공공도서관 착공", body=body, related=related)
    head = "<html><head><title>청솔군, 공공도서관 착공 - 한빛일보</title></head><body>"
    a = extract(RawItem(origin="p.html", html=f"{head}{page}</body></html>"))
    assert isinstance(a, Article) and a.published is not None
    assert a.published.isoformat() == "2024-05-28T16:45:00+09:00"


def test_a_headline_naming_a_phone_number_is_no_contact_line():
    """A release's contact line has a contact word with its number; a headline naming a
    number (`'1588-1234' 사칭 스미싱 문자 기승`) stays the headline (a review)."""
    text = (
        "'1588-1234' 사칭 스미싱 문자 기승\n\n"
        "금융감독원은 28일 은행 대표번호를 사칭한 문자가 늘고 있다며 주의를 당부했다. "
        "피해를 본 시민은 100명이 넘는다.\n"
    )
    a = extract(RawItem(origin="a.txt", text=text))
    assert isinstance(a, Article) and a.title == "'1588-1234' 사칭 스미싱 문자 기승"
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + (
        "<html><body><ul><li>입력 2024.05.28 16:45</li></ul><p>금융감독원은 28일 은행 "
        "대표번호를 사칭한 문자가 늘고 있다며 주의를 당부했다. 피해를 본 시민은 100명이 "
        "넘는다고 밝혔다.</p><p>금감원은 의심 문자를 받으면 바로 신고해 달라고 했다.</p>"
        "<p>저작권자 © 전북도민일보 무단전재 및 재배포 금지</p></body></html>"
    )
    page = extract(RawItem(origin="a.xhtml", html=xhtml))
    assert isinstance(page, Article) and page.outlet == "전북도민일보"
    assert page.published is not None and page.published.hour == 16


def test_a_headline_asking_a_question_is_the_headline():
    """`청솔군 공공도서관, 언제 문 여나?` above a blank line: the headline, not the body's first
    sentence shown twice (a black-box case)."""
    text = (
        "청솔군 공공도서관, 언제 문 여나?\n\n"
        "청솔군은 28일 공공도서관 개관이 내년 3월로 미뤄졌다고 밝혔다. 공사비가 늘었기 때문이다.\n"
    )
    a = extract(RawItem(origin="q.txt", text=text))
    assert isinstance(a, Article) and a.title == "청솔군 공공도서관, 언제 문 여나?"
    assert a.text.startswith("청솔군은 28일")


@pytest.mark.parametrize(
    ("header", "when"),
    [
        ("청솔군 보도자료\n보도일시 2024. 5. 27.(월) 09:00", "2024-05-27T09:00:00+09:00"),
        ("보도자료\n엠바고: 2024. 5. 27.(월) 12:00 이후 보도", "2024-05-27T12:00:00+09:00"),
        (
            "보도자료\n배포일시 2024. 5. 26.(일) 14:00\n보도일시 2024. 5. 27.(월) 09:00\n"
            "담당부서: 문화체육과\n담당자: 김민수 주무관",
            "2024-05-27T09:00:00+09:00",
        ),
        ("보도자료\n문화체육과 도서관팀 김민수 ☎063-290-1234\n보도일시 2024. 5. 27.(월) 09:00",
         "2024-05-27T09:00:00+09:00"),
    ],
)  # fmt: skip
def test_release_headers_as_offices_write_them(header, when):
    """A sender before 보도자료, an embargo, 배포일시 and 보도일시 both (the release is the
    public's at 보도일시), contact lines without a number or with ☎: none is the headline
    (black-box cases)."""
    body = "청솔군은 27일 송림면에서 공공도서관 착공식을 열었다고 밝혔다. 사업비는 85억원이다."
    a = extract(RawItem(origin="r.txt", text=f"{header}\n\n청솔군, 공공도서관 착공\n\n{body}\n"))
    assert isinstance(a, Article) and a.title == "청솔군, 공공도서관 착공"
    assert a.published is not None and a.published.isoformat() == when


COPIED_PAGE = (
    "{head}\n"
    "청솔군, 송림면에 공공도서관 연다\n"
    "입력 2024.05.28 16:45\n\n"
    "청솔군은 송림면에 공공도서관을 새로 짓는다고 28일 밝혔다. 사업비는 40억 원이다.\n\n"
    "군은 내년 3월 문을 열 계획이다.\n"
)


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ("전북도민일보\n홈 > 사회 > 지역", "전북도민일보"),  # a masthead, then the trail
        ("전북도민일보\n\n홈 > 사회 > 지역\n", "전북도민일보"),
        ("HOME › 뉴스 › 자치행정", None),
        ("홈 > 사회", None),  # two steps, opening with 홈
        ("연합뉴스", "연합뉴스"),  # an outlet table's name
        ("MBC", "MBC"),
        ("청솔타임스", "청솔타임스"),  # unknown, with a masthead's ending
        ("문화", None),  # a section's label (it headed the story, the headline in the body)
        ("[사회]", None),
        ("경제 · 산업", None),
        ("Politics", None),
        ("전북도민일보\n사회일반", "전북도민일보"),
    ],
)
def test_a_copied_pages_masthead_and_breadcrumb_are_not_its_headline(head, outlet):
    """A text copied from a page keeps the lines above its headline: the story was titled
    `전북도민일보` or `홈 > 사회 > 지역` (a black-box case)."""
    got = extract(RawItem(origin="copied.txt", text=COPIED_PAGE.format(head=head)))
    assert isinstance(got, Article)
    assert got.title == "청솔군, 송림면에 공공도서관 연다" and got.subtitle is None
    assert got.outlet == outlet  # the masthead names the outlet
    assert got.text.startswith("청솔군은 송림면에")


def test_a_headline_of_section_words_and_more_is_not_a_section_label():
    from newsmoa.extract.mastheads import is_section_label

    assert all(
        map(
            is_section_label,
            ("문화", " [사회] ", "정치 | 국회", "사회일반", "사회 일반", "TOP STORIES"),
        )
    )
    for line in ("가짜뉴스", "세계 경제 전망", "사회적 거리두기", "일반", "[]", "문화 행사 열려"):
        assert not is_section_label(line), line


def test_a_headline_like_a_trail_or_an_outlet_stays_the_headline():
    """What a masthead or a breadcrumb is not: a headline with a `>` in a long step, or of
    several words ending as an outlet's name does; and a single line above the body."""
    for head in ("물가 상승률 > 임금 상승률, 실질소득 2년째 감소", "오늘의 지역 뉴스"):
        text = f"{head}\n{COPIED_PAGE.format(head='').lstrip()}"
        got = extract(RawItem(origin="copied.txt", text=text))
        assert isinstance(got, Article) and got.title == head and got.outlet is None
    alone = (
        COPIED_PAGE.format(head="").lstrip().replace("청솔군, 송림면에 공공도서관 연다", "경향신문")
    )
    assert extract(RawItem(origin="one.txt", text=alone)).title == "경향신문"
    # a review's cases: a headline of `>` steps alone (figures in its steps, or none);
    # section labels that are short aliases of outlets, or end as online outlets do
    for head in ("1위 삼성 > 2위 LG > 3위 SK", "수출 > 내수 > 투자 순"):
        text = (
            COPIED_PAGE.format(head="").lstrip().replace("청솔군, 송림면에 공공도서관 연다", head)
        )
        assert extract(RawItem(origin="c.txt", text=text)).title == head
    for label in ("문화", "세계", "지역뉴스", "포토뉴스", "가짜뉴스"):
        got = extract(RawItem(origin="c.txt", text=COPIED_PAGE.format(head=label)))
        assert got.outlet is None, label  # (before: 문화일보, 세계일보, an outlet `지역뉴스`)


def test_a_related_list_inside_the_body_is_no_text():
    """The headlines a `관련기사` label heads were the article's text when more body
    followed them, one written as a sentence (`…들어선다`) even at its end."""
    text = (
        "청솔군 스마트팜 혁신단지 협약\n\n"
        "청솔군은 3일 스마트팜 혁신단지 조성 업무협약을 체결했다고 밝혔다.\n\n"
        "▶ 관련기사\n- 청솔군 여름축제 개막\n\n- 청솔군, 송림면에 스마트팜 단지 들어선다\n\n"
        "양 기관은 총사업비 120억원을 들여 혁신단지를 조성할 계획이다.\n\n"
        "김하늘 기자\n\nRelated articles\n청솔군, 송림면에 스마트팜 단지 들어선다"
    )
    got = extract(RawItem(origin="a.txt", text=text))
    assert got.text == (
        "청솔군은 3일 스마트팜 혁신단지 조성 업무협약을 체결했다고 밝혔다.\n"
        "양 기관은 총사업비 120억원을 들여 혁신단지를 조성할 계획이다."
    )
    assert got.reporter == "김하늘"


def test_a_page_laid_out_in_tables_is_read_from_its_cells():
    """An older site's page, its article in a `<td>` with `<br>` between paragraphs, was
    dropped as empty: trafilatura leaves tables out."""
    body = (
        "별빛시는 3일 시청에서 여름철 폭염 대책 회의를 열었다고 밝혔다.<br><br>"
        "시는 무더위 쉼터 120곳을 운영하기로 했다.<br><br>"
        "정하늘 기자 sky@nuri.example<br>ⓒ 누리신문 무단전재 및 재배포 금지"
    )
    page = (
        "<html><head><title>별빛시 폭염 대책 회의 - 누리신문</title></head><body>"
        "<table><tr><td><a href='/'>누리신문</a> | <a href='/news'>뉴스</a></td></tr></table>"
        "<table><tr><td><b>별빛시 폭염 대책 회의</b></td></tr>"
        "<tr><td>입력 2024.06.03 16:10 | 정하늘 기자</td></tr>"
        f"<tr><td>{body}</td></tr></table></body></html>"
    )
    a = extract(RawItem(origin="old.html", html=page))
    assert isinstance(a, Article)
    assert a.text == (
        "별빛시는 3일 시청에서 여름철 폭염 대책 회의를 열었다고 밝혔다.\n"
        "시는 무더위 쉼터 120곳을 운영하기로 했다."
    )
    assert (a.outlet, a.reporter) == ("누리신문", "정하늘")
    assert a.published.isoformat() == "2024-06-03T16:10:00+09:00"


def test_share_prompts_ads_sign_ups_and_photo_lines_are_no_sentences():
    """`이 기사를 공유합니다`, `Advertisement`, a newsletter's sign-up, `Photo: …` and an
    English reporter's contact line were the story's sentences (a black-box case)."""
    ko = extract(
        RawItem(
            origin="k.txt",
            text="청솔군 창업센터 개관\n\n청솔군은 3일 창업센터 개관식을 열었다고 밝혔다.\n\n"
            "광고\n\n센터에는 기업 20곳이 입주한다.\n\n김도윤 기자\n\n"
            "ⓒ 청솔투데이 무단전재 및 재배포 금지\n이 기사를 공유합니다\n",
        )
    )
    assert (
        ko.text == "청솔군은 3일 창업센터 개관식을 열었다고 밝혔다.\n센터에는 기업 20곳이 입주한다."
    )
    en = extract(
        RawItem(
            origin="e.txt",
            text="Deadly fire at plastics plant\n\nA fire killed three workers on Tuesday, "
            "officials said.\n\nAdvertisement\n\nPhoto: Smoke rises over the plant on Tuesday. "
            "(Jane Roe/Valley Ledger)\n\nThe plant employs about 250 people.\n\n"
            "Jane Roe can be reached at jroe@valleyledger.com.\n\n"
            "Sign up for our newsletter to get the latest news delivered to your inbox.\n",
        )
    )
    assert en.text == (
        "A fire killed three workers on Tuesday, officials said.\n"
        "The plant employs about 250 people."
    )
    assert en.captions == (
        "Photo: Smoke rises over the plant on Tuesday. (Jane Roe/Valley Ledger)",
    )


def test_a_wires_credit_its_rule_and_a_bio_with_a_telephone_are_no_sentences():
    """AP's closing `___` and `Associated Press writer … contributed to this report.`, and a
    reporter's biography whose contact gives a telephone before the address (`Contact her
    at 217-788-1510 or ehart@…`), were the story's consolidated sentences."""
    art = extract(
        RawItem(
            origin="e.txt",
            text="County OKs water plant\n\nThe county board approved a $42 million contract "
            "on Tuesday, officials said.\n\nWork begins in March.\n\n___\n\nAssociated Press "
            "writer Jane Doe in Chicago contributed to this report.\n\nEmily Hart covers county "
            "government for the State Journal-Register. Contact her at 217-788-1510 or "
            "ehart@sj-r.com. Follow her on X @EmilyHartSJR.\n",
        )
    )
    assert isinstance(art, Article)
    assert art.text == (
        "The county board approved a $42 million contract on Tuesday, officials said.\n"
        "Work begins in March."
    )


ENGLISH_BODY = (
    "The city signed an agreement on Monday to upgrade its water plant, the mayor said.\n\n"
    "Work begins in April.\n"
)


@pytest.mark.parametrize(
    ("head", "outlet", "reporter", "title"),
    [
        # a masthead above the headline (it titled the story), the notice's holder read whole
        (
            "State Journal-Register\n\nCity signs water deal\n\nBy Mark Ellison, Staff Writer",
            "State Journal-Register",
            "Mark Ellison",
            "City signs water deal",
        ),
        (
            "Springfield Patch\nCity signs water deal\nBy Kelly Brown, Patch Staff",
            "Patch",
            "Kelly Brown",
            "City signs water deal",
        ),
        # the outlet's name before a bar on the dateline line
        (
            "City signs water deal\n\nIllinois Times | March 6, 2024\n\nBy Dean Olsen",
            "Illinois Times",
            "Dean Olsen",
            "City signs water deal",
        ),
        (
            "City signs water deal\n\nPosted by Rich Miller",
            None,
            "Rich Miller",
            "City signs water deal",
        ),
        # the masthead in full over a byline's short name (the outlet was `Herald`)
        (
            "Fairhaven Herald\n\nCity signs water deal\n\nBy Megan Ortiz, Herald Staff",
            "Fairhaven Herald",
            "Megan Ortiz",
            "City signs water deal",
        ),
        # ... one whose ending no masthead has (`News`): it was the headline
        (
            "Bristow Daily News\n\nCity signs water deal\n\nBy Alicia Grant, Daily News Staff",
            "Bristow Daily News",
            "Alicia Grant",
            "City signs water deal",
        ),
        # a release's headline longer than 100 characters (it was the first sentence)
        (
            "City of Springfield and Sangamon Valley Water Authority Sign Agreement on $12.5 "
            "Million Treatment Plant Upgrade",
            None,
            None,
            "City of Springfield and Sangamon Valley Water Authority Sign Agreement on $12.5 "
            "Million Treatment Plant Upgrade",
        ),
    ],
)
def test_an_english_pages_masthead_byline_and_long_headline(head, outlet, reporter, title):
    got = extract(RawItem(origin="en.txt", text=f"{head}\n\n{ENGLISH_BODY}"))
    assert isinstance(got, Article)
    assert (got.outlet, got.reporter, got.title) == (outlet, reporter, title)
    assert got.text.startswith("The city signed") and got.subtitle is None


def test_a_long_english_first_line_in_sentence_case_is_no_headline():
    """Only a title-cased line of 100-160 Latin characters is a headline (a release's); one
    in sentence case is the text's first sentence, as ECB+ documents open."""
    lead = (
        "Texas convict Arcade Comeaux, riding in a wheelchair, pulls a gun on two guards and "
        "escapes on foot near Baytown"
    )
    got = extract(RawItem(origin="en.txt", text=f"{lead}\n\n{ENGLISH_BODY}"))
    assert isinstance(got, Article)
    assert got.title != lead and got.text.startswith("Texas convict")


def test_english_notices_name_their_holder_and_a_stations_masthead_is_no_headline():
    """`Copyright 2024 WICS. All rights reserved.` names WICS (the file named the article);
    a company's notice names no outlet; `WAND News` above a lead naming `(WAND)` is the
    masthead, not the headline."""
    wics = extract(
        RawItem(
            origin="w.txt",
            text=f"City signs deal\n\n{ENGLISH_BODY}\nCopyright 2024 WICS. All rights reserved.\n",
        )
    )
    assert wics.outlet == "WICS"
    company = extract(
        RawItem(
            origin="c.txt",
            text=f"City signs deal\n\n{ENGLISH_BODY}\nCopyright © 2024 Nexstar Media Inc. All rights reserved.\n",
        )
    )
    assert company.outlet is None
    wand = extract(
        RawItem(origin="n.txt", text=f"WAND News\n\nSPRINGFIELD, Ill. (WAND) — {ENGLISH_BODY}")
    )
    assert wand.outlet == "WAND" and wand.title.startswith("The city signed")


def test_english_links_captions_alerts_bios_and_contacts_are_no_sentences():
    """An English reprint's `Related: <headline>` link, its `(Photo: …)` caption, an
    outlet's alert sign-up, the reporter's contact and biography lines and a release's
    `Media contact:` line were the story's sentences (a black-box case); body sentences
    of the same words stay."""
    en = extract(
        RawItem(
            origin="e.txt",
            text="City signs water deal\n\nThe city signed an agreement on Monday to upgrade "
            "its water plant.\n\n(Photo: Mayor Jane Roe signs the agreement. John Doe/Valley "
            "Ledger)\n\nRelated: Lake algae bloom prompts boil order\n\nSubscribe to Patch "
            "for free local news alerts.\n\nThe plant serves about 118,000 residents.\n\n"
            "Residents can subscribe to text alerts about the work, the city said.\n\n"
            "Work begins in April. (AP Photo/Seth Roe)\n\n"
            "The related work will follow: new mains in 2026.\n\n"
            "Media contact: Linda Park, Communications Director, City of Springfield, "
            "(217) 555-0142, lpark@springfield.example.gov\n\n"
            "Contact John Doe at jdoe@ledger.example.com or follow him on X @jdoe.\n\n"
            "John Doe is a staff writer for the Valley Ledger. Reach him at "
            "jdoe@ledger.example.com.\n",
        )
    )
    assert en.text == (
        "The city signed an agreement on Monday to upgrade its water plant.\n"
        "The plant serves about 118,000 residents.\n"
        "Residents can subscribe to text alerts about the work, the city said.\n"
        "The related work will follow: new mains in 2026."
    )
    assert en.captions == (
        "(Photo: Mayor Jane Roe signs the agreement. John Doe/Valley Ledger)",
        "Work begins in April. (AP Photo/Seth Roe)",
    )


def test_a_body_sentence_naming_copyright_holders_is_body():
    """`저작권자` alone marked a line as a copyright notice, so a report's sentence about
    rights holders was dropped from its body (a black-box case); the label before a mark
    (`저작권자 © …`) still opens a notice."""
    a = extract(
        RawItem(
            origin="k.txt",
            text="음저협, 스트리밍 요율 개정 반대\n\n"
            "한국음악저작권협회는 3일 스트리밍 요율 개정안에 반대한다고 밝혔다.\n\n"
            "협회는 저작권자 몫이 줄어든다고 주장했다.\n\n"
            "저작권자 © 한빛일보 무단전재 및 재배포 금지\n",
        )
    )
    assert isinstance(a, Article)
    assert a.text == (
        "한국음악저작권협회는 3일 스트리밍 요율 개정안에 반대한다고 밝혔다.\n"
        "협회는 저작권자 몫이 줄어든다고 주장했다."
    )
    assert a.outlet == "한빛일보"


@pytest.mark.parametrize(
    ("mark", "glued"),
    [
        ("ⓒ 한빛일보", " ⓒ 한빛일보"),
        ("▲ 준공식 모습 ⓒ 한빛일보", "ⓒ한빛일보"),
        ("(c) 한빛일보", " [ⓒ 한빛일보]"),
    ],
)
def test_a_bare_mark_inside_the_article_is_no_text(mark, glued):
    """A photo's bare credit in the middle of a copied article (`▲ … ⓒ 한빛일보`, `(c)
    한빛일보`, or one glued after a paragraph's last sentence) stayed in its text (a black-box
    case)."""
    a = extract(
        RawItem(
            origin="k.txt",
            text="청솔군, 송림면 스마트팜 준공\n\n입력 2024.06.03 09:30\n\n"
            f"청솔군은 3일 송림면에서 스마트팜 준공식을 열었다고 밝혔다.{glued}\n\n{mark}\n\n"
            "이날 준공식에는 군수와 주민 100여명이 참석했다.\n\n김하늘 기자\n",
        )
    )
    assert isinstance(a, Article)
    assert a.text == (
        "청솔군은 3일 송림면에서 스마트팜 준공식을 열었다고 밝혔다.\n"
        "이날 준공식에는 군수와 주민 100여명이 참석했다."
    )


@pytest.mark.parametrize("signoff", ["", "김하늘 기자\n\n"])
def test_a_stamp_under_the_body_dates_the_clipping(signoff):
    """A clipping's stamp at its foot (`[뉴스1] 2024.06.03 13:20`) was left unread: the
    article had no time and no outlet (a black-box case)."""
    a = extract(
        RawItem(
            origin="k.txt",
            text="청솔군, 송림면 스마트팜 준공\n\n"
            "청솔군은 3일 송림면에서 스마트팜 준공식을 열었다고 밝혔다.\n\n"
            f"이날 준공식에는 주민 100여명이 참석했다.\n\n{signoff}[뉴스1] 2024.06.03 13:20\n",
        )
    )
    assert isinstance(a, Article)
    assert (a.outlet, a.published.isoformat()) == ("뉴스1", "2024-06-03T13:20:00+09:00")
    assert a.text.endswith("참석했다.")


@pytest.mark.parametrize(
    "author",
    [
        '{"@type": "Person", "name": "김하늘 기자", "email": "sky@hanbit.example"}',
        '"김하늘 기자 sky@hanbit.example"',
        '[{"@type": "Person", "name": "김하늘 기자", "email": "mailto:sky@hanbit.example"}]',
    ],
)
def test_a_pages_json_ld_author_is_its_byline(author):
    """A saved page naming its reporter only in its JSON-LD: the e-mail was lost, and one
    written in the name became words of it (`김하늘 기자 Sky Example`: a black-box case)."""
    page = (
        "<html><head><meta charset='utf-8'><title>청솔군 스마트팜 준공 - 한빛일보</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebPage", "name": "한빛일보"}, {"@type": "NewsArticle", "headline": '
        f'"청솔군 스마트팜 준공", "author": {author}, "publisher": '
        '{"@type": "Organization", "name": "한빛일보"}}]}</script></head><body><article>'
        "<h1>청솔군 스마트팜 준공</h1><p>청솔군은 3일 송림면에서 스마트팜 준공식을 열었다고 "
        "밝혔다.</p><p>이날 준공식에는 주민 100여명이 참석했다.</p></article></body></html>"
    )
    a = extract(RawItem(origin="page.html", html=page))
    assert isinstance(a, Article)
    assert (a.reporter, a.email) == ("김하늘", "sky@hanbit.example")


@pytest.mark.parametrize(
    ("text", "deck", "lead"),
    [
        (
            "City signs water deal\n\nThe city will share the cost with the authority.\n\n"
            "By Kelly Brown, Patch Staff\n\n" + ENGLISH_BODY,
            "The city will share the cost with the authority.",
            "The city signed",
        ),
        (
            "청솔군, 스마트팜 단지 조성\n\n150억 원을 들여 2026년까지 완공한다.\n\n"
            "입력 2024.06.03 11:01\n\n청솔군은 3일 스마트팜 혁신단지 조성 협약을 체결했다고 "
            "밝혔다.\n\n군은 올해 50억 원을 먼저 투입한다.\n",
            "150억 원을 들여 2026년까지 완공한다.",
            "청솔군은 3일",
        ),
    ],
)
def test_the_one_paragraph_between_headline_and_byline_is_the_standfirst(text, deck, lead):
    """A sentence under the headline, above the byline or dateline, is the standfirst (the
    deck), not the story's first sentence (a black-box case: Patch's standfirst was
    consolidated sentence 2)."""
    got = extract(RawItem(origin="p.txt", text=text))
    assert isinstance(got, Article)
    assert got.deck == deck and got.text.startswith(lead)


def test_a_paragraph_above_a_closing_byline_stays_the_text():
    """A brief whose byline closes it: its one paragraph is its text, not a standfirst."""
    got = extract(
        RawItem(
            origin="p.txt",
            text=(
                "청솔군 축제 개막\n\n청솔군은 3일 송림공원에서 여름축제를 개막했다고 밝혔다. "
                "축제는 오는 9일까지 이어진다.\n\n이도윤 기자\n"
            ),
        )
    )
    assert isinstance(got, Article)
    assert got.deck is None and got.text.startswith("청솔군은 3일")


def test_a_blog_post_its_name_exclaiming_headline_dated_byline_and_comment_prompt():
    """A blog's page: its name above a headline that exclaims, `Posted by … on <date>`, a
    prompt for comments. The blog's name was the headline, the headline and the byline
    were sentences of the story, the post was undated."""
    text = (
        "Fairhaven Moms Blog\n\nOur new library is finally here!\n\n"
        "Posted by Karen on March 9, 2025\n\n" + ENGLISH_BODY + "\nLeave a comment below!\n"
    )
    got = extract(RawItem(origin="blog.txt", text=text))
    assert isinstance(got, Article)
    assert (got.outlet, got.title, got.reporter) == (
        "Fairhaven Moms Blog",
        "Our new library is finally here!",
        "Karen",
    )
    assert got.published is not None and got.published.date().isoformat() == "2025-03-09"
    assert (
        got.text
        == "The city signed an agreement on Monday to upgrade its water plant, the mayor said.\nWork begins in April."
    )


def test_a_by_line_with_words_after_it_that_are_no_date_is_no_byline():
    got = extract(RawItem(origin="x.txt", text="Posted by Karen on the porch\n\n" + ENGLISH_BODY))
    assert isinstance(got, Article) and got.reporter is None


def test_one_english_word_ending_as_a_masthead_does_is_no_masthead():
    """The one-word rule is for Korean names (`전북도민일보`): with the English endings in the
    table, `FirstTimes` or `Lastpatch` was taken for a paper's name."""
    from newsmoa.extract.mastheads import masthead

    assert masthead("전북도민일보") == "전북도민일보"
    assert masthead("FirstTimes") is None and masthead("State Journal-Register")


def test_a_pages_information_list_gives_no_subtitle():
    """A regional daily's page lists its reporter, 승인 time and comment counter under the
    headline (`<li>홍길동 기자</li><li>댓글 0</li>`): trafilatura's text showed them as
    `- 홍길동 기자` and `- 댓글 0`, which became the article's subtitle (a black-box case)."""
    page = (
        "<html><head><title>청솔군, 직매장 10호점 개장 - 청솔일보</title></head><body>"
        "<article><h1>청솔군, 직매장 10호점 개장</h1><div class='info'><ul><li>홍길동 기자</li>"
        "<li>승인 2026.03.05 09:12</li><li>댓글 0</li></ul></div>"
        "<div id='article-view-content-div'><p>청솔군이 로컬푸드 직매장 10호점을 열었다.</p>"
        "<p>군은 5일 개장식을 열고 운영에 들어갔다고 밝혔다. 농가 350곳이 참여한다.</p>"
        "<p>홍길동 기자 hong@chungsol.example.kr</p></div></article></body></html>"
    )
    a = extract(RawItem(origin="p.html", html=page))
    assert isinstance(a, Article)
    assert (a.title, a.subtitle, a.reporter) == ("청솔군, 직매장 10호점 개장", None, "홍길동")
    assert a.text.startswith("청솔군이 로컬푸드") and "댓글" not in a.text


def test_a_page_titled_by_its_site_alone_takes_the_headline_over_its_dateline():
    """An older site's <title> is its name on every page (`:: 청솔투데이 ::`): it became the
    headline of each of its articles, whose own headline in a table cell above `기사입력`
    was lost (a black-box case)."""
    page = (
        "<html><head><title>:: 청솔투데이 ::</title></head><body>"
        "<table><tr><td><a href='/'>HOME</a> | <a href='/news'>뉴스</a></td></tr></table>"
        "<table><tr><td>청솔군 봉동읍에 로컬푸드 10호점 개장</td></tr>"
        "<tr><td>기사입력 2026-03-05 오전 9:40:00 | 최종수정 2026-03-05 오전 10:02:00</td></tr>"
        "<tr><td>청솔군이 5일 봉동읍에 로컬푸드 직매장 10호점을 개장했다.<br><br>"
        "농가 350곳이 500여 품목을 공급한다.<br><br>박철수 기자 park@today.example.kr</td></tr>"
        "<tr><td>ⓒ 청솔투데이 (무단전재 및 재배포 금지)</td></tr></table></body></html>"
    )
    a = extract(RawItem(origin="old.html", html=page))
    assert isinstance(a, Article)
    assert (a.title, a.outlet) == ("청솔군 봉동읍에 로컬푸드 10호점 개장", "청솔투데이")
    assert a.published.isoformat() == "2026-03-05T09:40:00+09:00"


def test_a_pages_subtitle_over_its_text_is_no_headline():
    """trafilatura leaves the page's <h1> out and keeps its subtitle (`- 창업공간 30곳
    조성…`) atop the text: the subtitle was the article's headline (a black-box case)."""
    page = (
        "<html><head><meta property='og:title' content='청솔군, 청년 창업 지원 20억 투입'>"
        "</head><body><h1>청솔군, 청년 창업 지원 20억 투입</h1><div class='article-body'>"
        "<div class='subtitle'>- 창업공간 30곳 조성…1인당 최대 3천만 원</div>"
        "<div itemprop='articleBody'>청솔군이 청년 창업 지원에 20억 원을 투입한다.<br><br>"
        "군은 올해 창업공간 30곳을 조성하고 1인당 최대 3천만 원을 지원한다고 10일 밝혔다."
        "<br><br>[청솔일보 최지우 기자]</div></div></body></html>"
    )
    a = extract(RawItem(origin="p.html", html=page))
    assert isinstance(a, Article)
    assert (a.title, a.subtitle) == (
        "청솔군, 청년 창업 지원 20억 투입",
        "- 창업공간 30곳 조성…1인당 최대 3천만 원",
    )
    assert a.text.startswith("청솔군이 청년 창업")


@pytest.mark.parametrize(
    "notice",
    [
        "<h1>요청하신 페이지를 찾을 수 없습니다.</h1><p>주소가 잘못되었거나 삭제된 기사입니다. "
        "홈으로 이동하시려면 아래 버튼을 눌러주세요.</p>",
        "<p>이 기사는 유료회원 전용입니다. 로그인 후 이용해 주세요.</p>",
        "<h1>Page not found</h1><p>Sorry, the page you requested could not be found.</p>",
        # a site's page for a deleted article, under its menu (a black-box case)
        '<div class="gnb"><a href="/">다솜뉴스</a></div><div class="error">'
        "<h2>요청하신 기사를 찾을 수 없습니다.</h2><p>기사가 삭제되었거나 주소가 잘못되었습니다. "
        '이용에 불편을 드려 죄송합니다.</p><a href="/">홈으로</a></div>',
        "<p>해당 기사는 삭제되었거나 존재하지 않는 기사입니다.</p>",
    ],
)
def test_an_error_or_paywall_page_is_no_article(notice):
    """A saved error page or paywall was stored as an article of its notice (a black-box
    case); a body sentence that merely mentions a page stays."""
    got = extract(RawItem(origin="p.html", html=f"<html><body>{notice}</body></html>"))
    assert isinstance(got, Dropped)
    kept = extract(
        RawItem(
            origin="k.txt",
            text="군 홈페이지 개편\n\n군은 홈페이지에서 찾을 수 없던 민원 서식을 한곳에 모았다고 밝혔다.",
        )
    )
    assert isinstance(kept, Article) and kept.text.startswith("군은 홈페이지에서")


def test_a_portals_buttons_counters_and_notes_around_a_pasted_article():
    """An article copied from a news portal's page keeps the portal's link to the outlet's
    page (`기사원문`), its buttons and counters (`추천` / `0`, `인쇄하기`) and, under the
    notice, its section note and subscription prompt: the subtitle was `기사원문` (then `0`,
    `인쇄하기`) and the notes were the article's last sentences (a black-box case)."""
    text = (
        "청솔일보\n청솔군, 로컬푸드 직매장 10호점 개장\n"
        "입력2026.03.05. 오전 9:12  수정2026.03.05. 오전 10:01\n기사원문\n홍길동 기자\n"
        "추천\n0\n댓글\n0\n본문 요약봇\n글자 크기 변경하기\nSNS 보내기\n인쇄하기\n"
        "청솔군이 로컬푸드 직매장 10호점을 봉동읍에 열었다.\n"
        "군은 5일 개장식을 열고 운영에 들어갔다고 밝혔다.\n홍길동 기자(hong@chungsol.example.kr)\n"
        "Copyright ⓒ 청솔일보. All rights reserved. 무단 전재 및 재배포 금지.\n기사 섹션 분류 안내\n"
        "기사의 섹션 정보는 해당 언론사의 분류를 따르고 있습니다. 언론사는 개별 기사를 2개 이상 "
        "섹션으로 중복 분류할 수 있습니다.\n닫기\n구독\n"
        "메인에서 바로 보는 언론사 편집 뉴스 지금 바로 구독해보세요!\n"
    )
    a = extract(RawItem(origin="portal.txt", text=text))
    assert isinstance(a, Article)
    assert (a.title, a.subtitle, a.outlet) == (
        "청솔군, 로컬푸드 직매장 10호점 개장",
        None,
        "청솔일보",
    )
    assert a.text == (
        "청솔군이 로컬푸드 직매장 10호점을 봉동읍에 열었다.\n군은 5일 개장식을 열고 운영에 들어갔다고 밝혔다."
    )


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("[포토] 청솔군, 청년 창업공간 개소식", "[포토] 청솔군, 청년 창업공간 개소식"),
        ("[포토뉴스] 청솔군 청년 창업공간 문 열어", "[포토뉴스] 청솔군 청년 창업공간 문 열어"),
        ("[영상] 청솔군 청년 창업공간 문 열어", "[영상] 청솔군 청년 창업공간 문 열어"),
    ],
)
def test_a_photo_reports_tagged_headline_is_its_headline_not_a_caption(first, title):
    """`[포토] 헤드라인` as a pasted photo report's first line was read as a caption (the
    title became the first sentence), and `[포토뉴스] …` named an outlet `포토뉴스` and its
    headline became the text's first paragraph. A caption so tagged under the headline
    stays a caption."""
    body = "청솔군이 12일 읍내 청년 창업공간 개소식을 열었다.\n\n50여 명이 참석했다.\n"
    a = extract(RawItem(origin="photo.txt", text=f"{first}\n\n{body}"))
    assert isinstance(a, Article)
    assert (a.title, a.outlet, a.captions) == (title, None, ())
    assert a.text.startswith("청솔군이 12일")
    under = extract(
        RawItem(origin="photo.txt", text=f"청솔군, 개소식\n\n[포토] 개소식 현장\n\n{body}")
    )
    assert isinstance(under, Article)
    assert (under.title, under.captions) == ("청솔군, 개소식", ("[포토] 개소식 현장",))


def test_a_pages_figure_captions_are_its_captions_not_text_nor_bylines():
    """A page's `<figcaption>`s were lost (trafilatura leaves figures out), while the same
    article pasted as text keeps its captions apart; a caption's photo credit (`사진=김민수
    기자`) names no reporter, and a caption line in a paragraph stays a caption."""
    page = (
        "<html><head><title>청솔군, 청년 창업공간 30곳 조성</title></head><body><article>"
        "<h1>청솔군, 청년 창업공간 30곳 조성</h1>"
        '<figure><img src="/1.jpg"><figcaption>청솔군청 전경. (사진=김민수 기자)</figcaption>'
        "</figure>"
        "<p>청솔군이 올해 청년 창업공간 30곳을 조성한다고 12일 밝혔다.</p>"
        "<p>군은 총사업비 15억 원을 들여 읍내 빈 점포를 창업공간으로 바꾼다.</p>"
        "<figure><img src='/2.jpg'><figcaption> 창업공간 1호점  내부 </figcaption></figure>"
        "<p>입주 대상은 만 39세 이하 청년 창업자이며, 다음 달 1일부터 신청을 받는다.</p>"
        "<p>▲ 창업공간 2호점 외관 (사진=청솔군 제공)</p>"
        "</article></body></html>"
    )
    a = extract(RawItem(origin="page.html", html=page))
    assert isinstance(a, Article)
    assert set(a.captions) == {
        "청솔군청 전경. (사진=김민수 기자)",
        "창업공간 1호점 내부",
        "▲ 창업공간 2호점 외관 (사진=청솔군 제공)",
    }
    assert a.reporter is None
    assert "사진" not in a.text and "1호점" not in a.text


@pytest.mark.parametrize(
    ("author", "reporter"),
    [
        ("김민지 기자", "김민지"),
        ("By Jane Roe", "Jane Roe"),
        ("Jane Roe, Staff Writer", "Jane Roe"),
        ("편집국", None),
        ("청솔일보 편집부", None),
        ("admin", None),
        ("Haesol Ledger Staff", None),
        ("홍성국", "홍성국"),  # a name ending as a desk does
    ],
)
def test_a_feed_authors_byline_names_the_reporter_and_a_desk_none(author, reporter):
    """A feed's author is often a byline (`By Jane Roe`), a desk (`편집국`) or an account
    (`admin`): each was shown as the reporter as written."""
    text = "청솔군이 올해 청년 창업공간 30곳을 조성한다고 12일 밝혔다.\n군은 빈 점포를 바꾼다.\n"
    a = extract(RawItem(origin="feed#1", text=text, title="창업공간", reporter=author))
    assert isinstance(a, Article) and a.reporter == reporter


@pytest.mark.parametrize(
    "credit",
    [
        "청솔군 제공",
        "사진제공=청솔군",
        "사진 = 청솔군 제공",
        "[사진 청솔군 제공]",
        "사진=김민수 기자",
        "사진 김민수 기자",
        "사진설명: 청솔군청 전경",
        "청솔군청 전경. 사진 제공=청솔군",
        "청솔군청 전경 [사진 청솔군]",
    ],
)
def test_a_photos_credit_or_caption_between_paragraphs_is_a_caption_not_a_byline(credit):
    """A photo's credit alone on its line between paragraphs (`청솔군 제공`, `사진=김민수
    기자`) stayed in the text as a sentence of the story, or named the photographer as the
    reporter over the one who signs; a labelled caption (`사진설명: …`) or one closing with
    its credit stayed in the text too."""
    text = (
        "청솔군, 창업공간 조성\n\n청솔군이 올해 청년 창업공간 30곳을 조성한다고 12일 밝혔다.\n\n"
        f"{credit}\n\n군은 빈 점포를 창업공간으로 바꾼다.\n\n박도윤 기자 park@chungsol.example\n"
    )
    a = extract(RawItem(origin="credit.txt", text=text))
    assert isinstance(a, Article)
    assert a.captions == (credit,) and credit not in a.text
    assert a.reporter == "박도윤"
    assert a.text.endswith("바꾼다.")


def test_a_writer_and_photographer_signing_together_is_the_reporter():
    """`글·사진=김민수 기자` (text and photos) still signs the article."""
    text = (
        "창업공간 조성\n\n청솔군이 올해 창업공간 30곳을 조성한다고 밝혔다.\n\n글·사진=김민수 기자\n"
    )
    a = extract(RawItem(origin="signed.txt", text=text))
    assert isinstance(a, Article) and a.reporter == "김민수" and a.captions == ()


def test_an_english_pages_byline_under_its_headline_gives_the_writers_e_mail():
    """`By Jane Roe | jroe@…` under an English page's headline, which its main text leaves
    out: the reporter came from the page's author metadata, and the e-mail was lost."""
    page = (
        "<html><head><title>Council approves water plant</title>"
        '<meta name="author" content="Jane Roe"></head><body><article>'
        "<h1>Council approves water plant</h1>"
        '<div class="byline">By <a href="/staff/jroe">Jane Roe</a> | jroe@haesol.example</div>'
        "<p>The Cedar Springs City Council voted 5-2 on Tuesday to approve a water plant.</p>"
        "<p>Construction begins on Monday and lasts about 18 months, the mayor said.</p>"
        "</article></body></html>"
    )
    a = extract(RawItem(origin="page.html", html=page))
    assert isinstance(a, Article) and (a.reporter, a.email) == ("Jane Roe", "jroe@haesol.example")


HEAD = "청솔군, 청년 창업공간 30곳 조성 협약 체결"
LEAD = "청솔군은 지난 3일 군청 대회의실에서 한빛대학교와 청년 창업공간 조성 협약을 체결했다고 12일 밝혔다."
NEXT = "양 기관은 오는 2027년까지 창업공간 30곳을 조성한다."


def _read(text: str) -> Article:
    got = extract(RawItem(origin="t.txt", text=text))
    assert isinstance(got, Article)
    return got


def test_a_marked_caption_under_the_headline_is_a_caption_not_the_deck_nor_the_lead():
    caption = "▲ 지난 3일 청솔군청에서 열린 협약식 모습."
    for text in (
        f"{HEAD}\n{caption}\n김민지 기자\n\n{LEAD}\n{NEXT}",  # (it was the deck)
        f"{HEAD}\n{caption}\n\n{LEAD}\n{NEXT}",  # (it was the lead)
    ):
        a = _read(text)
        assert a.captions == (caption,)
        assert a.deck is None
        assert a.text == f"{LEAD}\n{NEXT}"


def test_summary_points_under_the_headline_stay_its_subtitle():
    points = "▲ 창업공간 30곳 조성 ▲ 입주기업 5천만원 지원"
    a = _read(f"{HEAD}\n{points}\n\n{LEAD}\n{NEXT}")
    assert a.subtitle == points
    assert a.captions == ()


@pytest.mark.parametrize("credit", ["사진 청솔군 제공", "/청솔군 제공"])
def test_a_photos_credit_under_the_headline_is_a_caption_not_the_subtitle(credit):
    a = _read(f"{HEAD}\n{credit}\n김민지 기자\n\n{LEAD}\n{NEXT}")
    assert (a.subtitle, a.captions, a.reporter) == (None, (credit,), "김민지")


def test_a_masthead_under_the_byline_names_the_outlet_and_is_no_text():
    a = _read(f"{HEAD}\n김민지 기자\n한빛일보\n\n{LEAD}\n{NEXT}")
    assert (a.outlet, a.reporter, a.subtitle) == ("한빛일보", "김민지", None)
    assert a.text == f"{LEAD}\n{NEXT}"


def test_a_marked_caption_in_the_body_over_its_photos_credit_is_a_caption():
    caption = "▲ 박정수 청솔군수(왼쪽)와 한빛대 총장이 협약서에 서명하고 있다."
    a = _read(f"{HEAD}\n김민지 기자\n\n{LEAD}\n{caption}\n/사진=청솔군 제공\n{NEXT}")
    assert a.captions == (caption, "/사진=청솔군 제공")
    assert a.text == f"{LEAD}\n{NEXT}"
    item = "▲ 창업공간 조성과 입주기업 지원이 담겼다."  # no credit under it: a list's item
    assert item in _read(f"{HEAD}\n김민지 기자\n\n{LEAD}\n{item}\n{NEXT}").text


_RELEASE_BODY = (
    "청솔군, 스마트팜 2단계 업무협약 체결\n\n"
    "청솔군은 24일 한빛농업기술원과 스마트팜 2단계 조성 업무협약을 체결했다고 밝혔다.\n"
    "양 기관은 2027년까지 사업비 48억원을 들여 스마트팜 12동을 조성한다.\n"
)


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        ("보도자료\n2026.11.24.(화)\n", "담당: 청솔군 농업정책과 (☎ 063-290-2345)"),
        ("보도자료\n", "문의: 청솔군 농업정책과 농업정책팀 063-290-2345"),
        ("청솔군 보도자료\n", "담당: 농업정책과 이현도 주무관 (☎ 063-290-2345)"),
        ("보도자료\n2026. 11. 24.(화) 청솔군 농업정책과\n", ""),
        # a letterhead: the issuer after a bar, or alone over or under the kind of document
        # (it was the release's title)
        ("보도자료 | 청솔군\n", ""),
        ("청솔군\n보도자료\n", ""),
        ("보도자료\n청솔군\n\n", ""),
    ],
)
def test_a_release_is_named_after_the_body_that_issued_it(head, tail):
    """A release opening with `보도자료` names its issuer on its head or contact line
    (`청솔군 농업정책과 (☎ …)`): it had no outlet, and the press office's own release
    counted as an unnamed placement (a black-box case)."""
    a = extract(RawItem(origin="r.txt", text=f"{head}{_RELEASE_BODY}{tail}\n"))
    assert isinstance(a, Article)
    assert a.outlet == "청솔군"
    assert a.title == "청솔군, 스마트팜 2단계 업무협약 체결"
    assert "☎" not in a.text and "보도자료" not in a.text


def test_only_a_release_is_named_after_its_contact_line():
    """A reprint that kept the release's contact line is not the county's; a text the
    input marks as a release (`--release`) is, without its label too."""
    tail = "담당: 청솔군 농업정책과 (☎ 063-290-2345)\n"
    reprint = extract(RawItem(origin="a.txt", text=f"{_RELEASE_BODY}{tail}"))
    assert isinstance(reprint, Article) and reprint.outlet is None
    marked = extract(RawItem(origin="r.txt", text=f"{_RELEASE_BODY}{tail}", is_release=True))
    assert isinstance(marked, Article) and marked.outlet == "청솔군"


def test_a_text_labelled_a_release_and_signed_by_no_outlet_is_a_release():
    """A text whose head names it a press release (`보도자료`) and that no outlet or
    reporter signs is one without `--release`: read as a report, the county's release,
    dated by its day alone, came after its 13:40 reprint and was scored as its copy. An
    outlet's paste that kept the label but signs with its byline is a report."""
    release = extract(RawItem(origin="r.txt", text=f"보도자료\n2026.11.24.(화)\n{_RELEASE_BODY}"))
    assert isinstance(release, Article) and release.is_release
    signed = extract(
        RawItem(origin="a.txt", text=f"보도자료\n{_RELEASE_BODY}\n김민지 기자 minji@hanbit.kr\n")
    )
    assert isinstance(signed, Article) and not signed.is_release
    fed = extract(RawItem(origin="b.txt", outlet="청솔일보", text=f"보도자료\n{_RELEASE_BODY}"))
    assert isinstance(fed, Article) and not fed.is_release
    plain = extract(RawItem(origin="c.txt", text=_RELEASE_BODY))
    assert isinstance(plain, Article) and not plain.is_release
    headed = extract(
        RawItem(origin="d.txt", text=f"청솔군\n보도자료\n2026.11.24.(화)\n{_RELEASE_BODY}")
    )
    assert isinstance(headed, Article) and headed.is_release
    # a blog that pasted the release under its own head holds the label lower down
    blog = "청솔 이야기 블로그 / 2026-11-25 09:12\n\n청솔군 보도자료\n"
    pasted = extract(RawItem(origin="e.txt", text=f"{blog}{_RELEASE_BODY}"))
    assert isinstance(pasted, Article) and not pasted.is_release


def test_a_clippings_own_stamp_dates_it_under_a_blogs_date_line():
    """A blog's date line (`2026. 11. 27. 8:30 솔뫼 이웃 블로그/생활정보`, naming no one)
    over a clipping it pasted with its stamp (`[청솔일보] 2026-11-24 15:20`): the clipping is
    dated and named by its own stamp, not by the blog's day; a blog post alone takes its
    line's time."""
    blog = "2026. 11. 27. 8:30 솔뫼 이웃 블로그/생활정보\n\n"
    clip = (
        "청솔군, 스마트팜 단지 협약\n[청솔일보] 2026-11-24 15:20\n\n"
        "청솔군은 24일 한빛농업기술원과 스마트팜 단지 조성 업무협약을 체결했다고 밝혔다. "
        "양 기관은 2027년까지 120억원을 들인다.\n"
    )
    a = extract(RawItem(origin="b.txt", text=blog + clip))
    assert isinstance(a, Article) and a.outlet == "청솔일보"
    assert a.published is not None and a.published.isoformat() == "2026-11-24T15:20:00+09:00"
    post = "어제 청솔군 축제에 다녀왔다. 사람이 정말 많았고 음식도 맛있었다. 또 가고 싶다.\n"
    b = extract(RawItem(origin="c.txt", text=f"축제 이야기\n\n{blog}{post}"))
    assert isinstance(b, Article) and b.outlet is None
    assert b.published is not None and b.published.isoformat() == "2026-11-27T08:30:00+09:00"


def test_a_headline_glued_onto_the_lead_leaves_the_text():
    """A crawler glued the headline onto the lead's first word (`…업무협약 체결2단계 사업은
    …`): with the title given, or the headline on the line above, it stayed the story's
    first sentence. A lead that merely opens with the headline's first words keeps them."""
    headline = "청솔군, 친환경 스마트팜 업무협약 체결"
    lead = (
        "2단계 사업은 2027년까지 고산면 일원에서 추진된다. 청솔군은 24일 한빛농업기술원과 "
        "업무협약을 맺었다고 밝혔다. 사업비는 48억원이다."
    )
    given = extract(RawItem(origin="a.jsonl:1", title=headline, text=f"{headline}{lead}"))
    above = extract(RawItem(origin="b.txt", text=f"{headline}\n{headline}{lead}"))
    for a in (given, above):
        assert isinstance(a, Article)
        assert (a.title, a.text) == (headline, lead)
    short = extract(RawItem(origin="c.txt", text=f"청솔군 착수\n청솔군 착수식이 열렸다. {lead}"))
    assert isinstance(short, Article) and short.text.startswith("청솔군 착수식이")


def test_a_writers_name_alone_over_a_masthead_signs_the_article():
    """US chains' pages set their byline without `By` (`Emily Hart` / `State
    Journal-Register`): the writer was the subtitle, and the outlet went unnamed."""
    art = extract(
        RawItem(
            origin="e.txt",
            text="County board approves water plant\n\nEmily Hart\nState Journal-Register\n\n"
            "The county board voted 21-8 on Tuesday to approve the plant. Work begins in "
            "March, the chairman said.\n",
        )
    )
    assert isinstance(art, Article)
    assert (art.reporter, art.outlet, art.subtitle) == (
        "Emily Hart",
        "State Journal-Register",
        None,
    )
    assert art.text.startswith("The county board voted")


@pytest.mark.parametrize(
    "box",
    [
        "<h4>독자의견</h4><p>등록된 의견이 없습니다.</p>",
        "<h3>댓글 0</h3><p>첫 댓글을 남겨주세요.</p>",
        "<p>아직 댓글이 없습니다. 첫 번째 댓글을 작성해 보세요!</p>",
    ],
)
def test_an_empty_comment_boxs_prompt_is_no_sentence_of_the_article(box):
    """A page's comment box under the story, with no comments yet: its prompt (`등록된 의견이
    없습니다.`) ended the article's text and was a sentence of the story (a black-box case)."""
    page = (
        "<html><body><div class='view'><h2>청솔군 청년창업센터 개소</h2><div class='cont'>"
        "<p>청솔군이 24일 청년 창업지원센터 문을 열었다. 센터는 사업비 38억원을 들여 지었다.</p>"
        "<p>군은 다음 달 15일까지 입주기업 20곳을 모집한다고 밝혔다.</p></div></div>"
        f"<div class='reply'>{box}</div></body></html>"
    )
    a = extract(RawItem(origin="p.html", html=page))
    assert isinstance(a, Article)
    assert a.text.endswith("모집한다고 밝혔다."), a.text


INDEX_ITEM = (
    '<li><a href="/news/{n}.html">{title}</a><p>{teaser}</p>'
    "<span>김민지 기자 | 2026.11.2{n} 15:20</span></li>"
)
INDEX_PAGE = (
    '<html><head><meta charset="utf-8"><title>솔뫼신문 - 지역 뉴스</title>'
    '<meta property="og:site_name" content="솔뫼신문">{meta}</head><body>'
    '<header><a href="/">솔뫼신문</a><nav><a href="/list/local">지역</a></nav></header>'
    '<main><h2>지역</h2><ul class="list">{items}</ul></main>'
    "<footer>Copyright © 솔뫼신문 All rights reserved.</footer></body></html>"
)
INDEX_ITEMS = "".join(
    INDEX_ITEM.format(n=n, title=t, teaser=x)
    for n, t, x in (
        (
            4,
            "청솔군, 청년 창업지원센터 문 열어",
            "청솔군이 청년 창업지원센터를 열고 입주기업 20곳을 모집한다. 센터는…",
        ),
        (
            2,
            "청솔 사과축제 3만명 다녀가",
            "청솔 사과축제에 사흘 동안 3만명이 다녀갔다. 군은 판매액이…",
        ),
        (
            3,
            "청솔군 김장나눔 행사 열려",
            "청솔군 새마을부녀회가 김장나눔 행사를 열었다. 김치 3000포기를…",
        ),
    )
)


@pytest.mark.parametrize(
    "meta",
    [
        '<meta property="og:type" content="website">',
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": "CollectionPage", "name": "지역"}</script>',
    ],
)
def test_a_sites_list_of_articles_is_no_article(meta):
    """A section's page (`og:type` website, JSON-LD `CollectionPage`) listing articles with
    their teasers, ingested by its URL, was stored as an article titled `지역` whose text was
    one teaser, and joined that teaser's story (a black-box case)."""
    got = extract(
        RawItem(
            origin="https://solmoe.test/list/local",
            html=INDEX_PAGE.format(meta=meta, items=INDEX_ITEMS),
        )
    )
    assert isinstance(got, Dropped)
    assert "not an article" in got.reason


def test_an_article_page_that_calls_itself_a_website_stays_an_article():
    """An older site's article page may say `og:type` website: its own dateline, or its
    JSON-LD NewsArticle, says it is an article."""
    body = (
        "<article><h1>청솔군 김장나눔 행사 열려</h1><div>이서준 기자 | 입력 2026.11.23 10:00</div>"
        "<p>청솔군 새마을부녀회는 23일 청솔군청 광장에서 김장나눔 행사를 열고 김치 3000포기를 담가"
        " 홀로 사는 어르신 500가구에 전달했다.</p><p>이날 행사에는 회원과 자원봉사자 120여명이"
        " 참여했다.</p></article>"
    )
    page = (
        f'<html><head><meta property="og:type" content="website"></head><body>{body}</body></html>'
    )
    assert isinstance(extract(RawItem(origin="a.html", html=page)), Article)


@pytest.mark.parametrize("mark", [" - ", " | ", " :: ", " < "])
def test_a_pages_title_is_its_headline_without_the_sites_name(mark):
    """A page whose `og:title` ends with its site's name (`… - 새청솔일보`, as `og:site_name`
    names it): the article's headline kept the name, and its information list under the
    headline went unread, so the reporter was the writer box's `오세린 기자 다른기사 보기`
    (a black-box case)."""
    page = (
        '<html><head><meta charset="utf-8">'
        f'<meta property="og:title" content="청솔군, 난방비 지원 확대{mark}새청솔일보">'
        '<meta property="og:site_name" content="새청솔일보"></head><body>'
        '<h3 class="heading">청솔군, 난방비 지원 확대</h3><ul class="infomation">'
        "<li>오세린 기자</li><li>입력 2026.11.25 10:10</li><li>댓글 0</li></ul>"
        '<article id="article-view-content-div"><p>청솔군은 겨울철 취약계층 4200가구에 난방비를'
        " 가구당 20만원씩 지원한다고 25일 밝혔다.</p><p>지원 대상은 기초생활수급자와 차상위계층이며"
        ", 지원액은 지난해 15만원에서 5만원 늘었다.</p></article>"
        '<div class="writer"><strong>오세린 기자</strong> 다른기사 보기</div></body></html>'
    )
    a = extract(RawItem(origin="https://saechungsol.test/n/301", html=page))
    assert isinstance(a, Article)
    assert (a.title, a.reporter, a.outlet) == ("청솔군, 난방비 지원 확대", "오세린", "새청솔일보")


def test_a_writer_box_names_its_reporter_without_its_links():
    """The writer box under a story (`<div class="writer"><strong>오세린 기자</strong> 다른기사
    보기</div>`), which trafilatura gives as the page's author: the reporter was `오세린 기자
    다른기사 보기` (a black-box case)."""
    page = (
        "<html><head><meta charset=utf-8><title>청솔군 난방비 지원 확대</title></head><body>"
        "<h1>청솔군 난방비 지원 확대</h1><div class=cont><p>청솔군은 겨울철 취약계층 4200가구에"
        " 난방비를 가구당 20만원씩 지원한다고 25일 밝혔다.</p><p>지원 대상은 기초생활수급자와"
        " 차상위계층이다.</p></div><div class=writer><strong>오세린 기자</strong> 다른기사 보기"
        "</div></body></html>"
    )
    a = extract(RawItem(origin="x.html", html=page))
    assert isinstance(a, Article) and a.reporter == "오세린"


@pytest.mark.parametrize(
    "under_headline",
    ["<div class='date'>2026-11-24</div>", "<div class='byline'>김민지 기자</div>"],
)
def test_a_website_page_dated_or_signed_only_as_the_extractor_reads_it_stays_an_article(
    under_headline,
):
    """An article page saying `og:type` website whose only date or signature is what
    trafilatura reads (a `date` div, a byline div), not a dateline of the page's furniture:
    it was dropped as a list (review)."""
    body = "".join(
        f"<p>{s}</p>"
        for s in [
            "청솔군은 24일 군청 소회의실에서 한빛창업재단과 청년 창업공간 조성을 위한 업무협약을"
            " 체결했다고 밝혔다.",
            "협약에 따라 양 기관은 2027년까지 청년 창업공간 30곳을 조성하고 120억원을 투입한다.",
            "군은 내년 상반기 중 첫 공간을 열 계획이다.",
        ]
    )
    page = (
        '<html><head><meta property="og:type" content="website"><title>청솔군, 청년 창업공간 30곳'
        f" 조성</title></head><body><h1>청솔군, 청년 창업공간 30곳 조성</h1>{under_headline}"
        f"<article>{body}</article></body></html>"
    )
    assert isinstance(extract(RawItem(origin="p.html", html=page)), Article)


def test_a_short_headline_loses_a_known_outlets_name_after_it():
    """`예산 확정 - 연합뉴스` with no og:site_name: the outlet table names the site, and the
    headline is short (a review: the cut had asked for 8 characters)."""
    from newsmoa.extract.html import without_site_name

    assert without_site_name("예산 확정 - 연합뉴스", None) == "예산 확정"
    assert without_site_name("지역 - 연합뉴스", None) == "지역 - 연합뉴스"  # (a word, no headline)
