"""Breaking-news flashes: a text that is its headline and marks only is an article without
text when the input names that headline; anything else without a body stays dropped."""

import dataclasses

import pytest

from newsmoa.extract.article import Dropped, extract
from newsmoa.extract.flash import is_flash
from newsmoa.extract.lines import classify_all
from newsmoa.types import Article, RawItem

FLASH = "[속보] 가나시 “다라 협약 철회 않으면 모든 조치로 단호히 대응”"
MARKET = "[속보] 코스피 2.5% 급락 마감"
NOTICE = "[ⓒ 세계일보 & Segye.com, 무단전재 및 재배포 금지]"


@pytest.mark.parametrize(
    "text, title",
    [
        (FLASH + NOTICE, FLASH),  # the notice on the headline's own line
        (FLASH, FLASH),
        (f"{FLASH}\n{NOTICE}", FLASH),
        (f"{FLASH[5:]}\n{NOTICE}", FLASH),  # the page shows it without its label
        (f"{FLASH}\n<저작권자 ⓒ 연합뉴스, 무단 전재-재배포 금지>", FLASH),
        (f"{FLASH}\n입력 2019.07.31 10:05 수정 2019.07.31 10:30", FLASH),
        (f"{FLASH}\n세계일보 홍길동 기자 hong@segye.com", FLASH),
        (MARKET + " 세계일보", MARKET),  # a figure with a point is not a web address
        (f"{MARKET}\nwww.segye.com", MARKET),
        ("[속보] 코스피\n2.5% 급락 마감", MARKET),  # one headline over two lines
        # other outlets' notices: overlapping matches are cut as one
        (f"{FLASH}\nⓒ 한국일보, 무단 전재 및 재배포 금지", FLASH),
        (f"{FLASH}\n‹ⓒ경향신문(www.khan.co.kr), 무단전재 및 재배포 금지>", FLASH),
        (f"{FLASH}\n[ⓒ 국민일보(www.kmib.co.kr), 무단전재 및 수집, 재배포금지]", FLASH),
        (f"{FLASH}\nCopyright ⓒ 서울신문사 All rights reserved.", FLASH),
        (f"{FLASH}\n<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>", FLASH),
        (f"{FLASH}\n2019.07.31 10:05", FLASH),  # a date without a label
        (f"{MARKET} ⓒ 뉴스1", MARKET),  # a lone copyright sign
        (f"{MARKET}\n<저작권자 ⓒ 공감언론 뉴시스통신사. 무단전재-재배포 금지.>", MARKET),
        (
            f"{MARKET}\n<저작권자 ⓒ 1980-2024 ㈜연합뉴스. 무단 전재 재배포 금지, AI 학습 및 활용 금지>",
            MARKET,
        ),
        (
            f"{MARKET}\n[머니투데이 홍길동기자 hong@mt.co.kr] ⓒ 머니투데이 & mt.co.kr, 무단 전재 및 재배포 금지",
            MARKET,
        ),
        # bylines where outlets put them, and notices with a longer clause
        (
            f"[이데일리 홍길동 기자] {MARKET}\n‹ 저작권자ⓒ 이데일리 - 무단전재, 재배포 금지 >",
            MARKET,
        ),
        (
            f"[파이낸셜뉴스] 홍길동 기자\n{MARKET}\n※ 저작권자 ⓒ 파이낸셜뉴스, 무단전재-재배포 금지",
            MARKET,
        ),
        (
            f"{MARKET}\n홍길동 기자 입력 2019.07.31 15:31\nⓒ 세계일보 무단전재 및 재배포 금지",
            MARKET,
        ),
        (f"{MARKET}\n[저작권자(c) YTN 무단전재, 재배포 및 AI 데이터 활용 금지]", MARKET),
        (f"{MARKET}\n[머니투데이 세종=홍길동 기자]", MARKET),
        (f"{MARKET}\n[이데일리 홍길동·김철수 기자]", MARKET),
        (f"{MARKET}\n[SBS Biz 홍길동 기자]", MARKET),
        (f"{MARKET}\n[헤럴드경제(세종)=홍길동 기자]", MARKET),
        (f"[워싱턴=뉴시스] {MARKET}", MARKET),  # a bracketed dateline, no reporter
        (
            f"[서울=뉴시스]홍길동 기자 = {MARKET}\n‹저작권자ⓒ 공감언론 뉴시스통신사. 무단전재-재배포 금지.›",
            MARKET,
        ),
        # a date or a web address in the headline is the headline's, not a mark
        ("[속보] 2020년 3월 9일 개학 연기 ⓒ 뉴스1", "[속보] 2020년 3월 9일 개학 연기"),
        ("[속보] 美 Amazon.com 주가 급락 ⓒ 뉴스1", "[속보] 美 Amazon.com 주가 급락"),
    ],
)
def test_a_headline_and_its_marks_are_a_flash(text, title):
    assert is_flash(classify_all(text), title)


@pytest.mark.parametrize(
    "text, title",
    [
        ("로그인이 필요한 서비스입니다", FLASH),
        ("구독하고 전체 기사를 읽으세요 " + NOTICE, FLASH),  # a stub sharing the notice's line
        (FLASH + " 더보기 클릭", FLASH),
        (f"{FLASH}\n세계일보 로그인", FLASH),
        (f"{FLASH}\n정부는 31일 회의를 열었다. ⓒ 세계일보", FLASH),  # a short body: not a flash
        (f"{MARKET}\n로그인 ⓒ 세계일보", MARKET),
        (f"{FLASH}\n홍길동 기자 = 가나시는 대응한다", FLASH),  # words after a byline
        (NOTICE, FLASH),  # the headline is not shown at all
        ("[속보]", "[속보]"),  # a label is not a headline
        (f"{FLASH}\n구독\n결제\n회원", FLASH),  # a little on each line is a lot in all
        (f"{FLASH}\nhttps://member.segye.com/login?next=/news", FLASH),  # a page, not a notice
        (f"{FLASH}\n한국 내일 서울", FLASH),  # outlet names count as marks in a notice only
        (f"{MARKET}\nhttp://www.segye.com/newsView/20190731509032", MARKET),
        # a notice's clause holds notice words only; a reporter is a mark on a notice's line
        (
            f"{MARKET}\n무단 전재 및 재배포 금지. 유료회원 전용 기사입니다. 회원 외 열람 금지",
            MARKET,
        ),
        (f"{MARKET}\nⓒ 세계일보 무단전재 및 재배포 금지 외국인 매도에 공매도 금지", MARKET),
        (f"{MARKET}\n시장 반응 기자", MARKET),
        (f"{MARKET}\nⓒ 세계일보 무단전재 및 재배포 금지 대통령 기자회견", MARKET),
        (f"{MARKET}\n[이 기사는 유료회원 전용입니다. 로그인 해주세요 기자]", MARKET),
        (f"{MARKET}\n영화 무단 복제·유포 전면 금지", MARKET),
    ],
)
def test_a_stub_under_a_headline_is_not_a_flash(text, title):
    assert not is_flash(classify_all(text), title)


def test_a_flash_is_an_article_when_the_input_names_its_headline():
    """With its headline named as the title, a flash is an article without text; its content
    hash is the headline's (a corrected headline is a new version). Without a named title, or
    under a stub, it is dropped as before."""
    got = extract(RawItem(origin="f", id="f1", text=FLASH + NOTICE, title=FLASH))
    assert isinstance(got, Article) and got.text == "" and got.title == FLASH
    assert got.outlet == "세계일보" and not got.captions  # the holder its notice names
    fixed = extract(RawItem(origin="f", id="f1", text=FLASH + NOTICE, title=FLASH + " (종합)"))
    assert isinstance(fixed, Article) and fixed.content_hash != got.content_hash
    assert extract(RawItem(origin="f", text=FLASH + NOTICE)) == Dropped("f", "no body text")
    stub = RawItem(origin="s", text="로그인이 필요한 서비스입니다 " + NOTICE, title=FLASH)
    assert extract(stub) == Dropped("s", "no body text")


def test_a_flash_without_an_id_is_named_by_headline_notice_outlet_and_day():
    """A headline repeats ("[속보] 코스피 개장" every morning, one wire flash at two outlets): a
    flash without id or url is named by its headline, its notice's words (which differ between
    outlets), the outlet the input names and its day in Seoul, not by its empty body, its
    dateline or its byline."""

    def named(outlet, day, text=MARKET):
        got = extract(RawItem(origin="x", text=text, title=MARKET, outlet=outlet, published=day))
        assert isinstance(got, Article)
        return got.id

    one = named("세계일보", "2019-07-31T09:00:00+09:00")
    assert one == named("세계일보", "2019-07-31T15:00:00+09:00")  # one day, one flash
    assert one == named("세계일보", "2019-07-30T16:00:00Z")  # 07-31 01:00 in Seoul
    assert one != named("국민일보", "2019-07-31T09:00:00+09:00")
    assert one != named("세계일보", "2019-08-01T09:00:00+09:00")
    # its dateline and byline are not its name: a page read again with an update time
    dated = f"{MARKET}\n입력 2019.07.31 15:31\n{NOTICE}"
    updated = f"{MARKET}\n입력 2019.07.31 15:31 수정 2019.07.31 15:40\n홍길동 기자\n{NOTICE}"
    assert named("세계일보", "2019-07-31T15:31:00+09:00", dated) == named(
        "세계일보", "2019-07-31T15:31:00+09:00", updated
    )
    morning = RawItem(origin="m", text="[속보] 코스피 2.5% 급락", title="[속보] 코스피 2.5% 급락")
    close = dataclasses.replace(morning, title="[속보] 코스피 2.5% 급락 마감")
    assert extract(morning).id != extract(close).id  # the headline names it
    segye = named(None, "2019-07-31T09:00:00+09:00", MARKET + NOTICE)
    kmib = f"{MARKET}\n[ⓒ 국민일보(www.kmib.co.kr), 무단전재 및 수집, 재배포금지]"
    assert segye != named(None, "2019-07-31T09:00:00+09:00", kmib)
    assert segye == named(None, "2019-07-31T10:00:00+09:00", MARKET + NOTICE)
    # read again: a byline added, the notice on its own line, another copyright sign
    again = f"{MARKET}\n세계일보 홍길동 기자 hong@segye.com\n{NOTICE.replace('ⓒ', '©')}"
    assert segye == named(None, "2019-07-31T10:00:00+09:00", again)
    yonhap = f"{MARKET}\n‹저작권자(c) 연합뉴스, 무단 전재-재배포 금지>"
    yonhap_tv = f"{MARKET}\n‹저작권자(c) 연합뉴스TV, 무단 전재-재배포 금지>"
    day = "2019-07-31T09:00:00+09:00"
    assert named(None, day, yonhap) != named(None, day, yonhap_tv)
    assert named(None, day, f"{MARKET} ⓒ 뉴스1") != named(None, day, f"{MARKET} ⓒ 뉴시스")
    # ... and one outlet's flash read again with a byline, a dateline or an e-mail before its
    # notice, on the notice's line, is one flash; so is its outlet written another way
    mt = f"{MARKET}\nⓒ 머니투데이 & mt.co.kr, 무단 전재 및 재배포 금지"
    mt_byline = f"{MARKET}\n[머니투데이 홍길동기자 hong@mt.co.kr] ⓒ 머니투데이 & mt.co.kr, 무단 전재 및 재배포 금지"
    assert named(None, day, mt) == named(None, day, mt_byline)
    assert named(None, day, f"{MARKET} ⓒ 뉴스1") == named(
        None, day, f"(서울=뉴스1) {MARKET} ⓒ 뉴스1"
    )
    assert named("연합뉴스", day) == named("연합", day) == named(" 연합뉴스 ", day)
    edaily = f"{MARKET}\n이데일리 무단전재 및 재배포 금지"  # the outlet before the notice's mark
    assert named(None, day, edaily) != named(None, day, edaily.replace("이데일리", "머니투데이"))


def test_a_notice_slogan_is_a_mark_in_a_flash_only():
    """Outlets' slogans ("공감언론 뉴시스", "경제를 보는 눈, 세계를 보는 창") are marks of a
    flash's notice; in an article's body they are words, and the lines holding them stay."""
    lines = (
        "그는 신간 『경제를 보는 눈』에서 금리와 환율의 관계를 쉽게 풀어 설명했다.",
        "공감언론 뉴시스가 주최한 포럼에는 업계 관계자 200여명이 참석했다.",
    )
    body = "정부는 31일 경제관계장관회의를 열고 하반기 경제정책 방향을 발표했다.\n" + "\n".join(
        lines
    )
    got = extract(RawItem(origin="b", text=body, title="경제정책 방향"))
    assert isinstance(got, Article) and all(line in got.text for line in lines)
