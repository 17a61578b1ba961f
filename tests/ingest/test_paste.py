"""Splitting pasted text into articles: the example and team-written pastes."""

from newsmoa.ingest.paste import split_pasted


def test_example_splits_into_three_articles(example_path):
    chunks = split_pasted(example_path.read_text("utf-8"))
    assert len(chunks) == 3
    assert "[일요신문]" in chunks[0] and "국제뉴스" in chunks[1] and "아시아뉴스통신" in chunks[2]
    # the second article's headline and byline stay with it, not with the first article
    assert chunks[1].lstrip().startswith("완주군, 희망제작소와 업무협약 체결2단계")
    assert "이승희 기자" not in chunks[0]


def test_a_single_article_without_dateline_is_one_chunk():
    text = "제목 줄\n\n본문 첫 문장이다. 두 번째 문장이다.\n"
    assert split_pasted(text) == [text]


def test_separator_lines_split():
    text = "첫 기사 본문이다.\n---\n둘째 기사 본문이다.\n===\n셋째 기사 본문이다."
    assert [c.strip() for c in split_pasted(text)] == [
        "첫 기사 본문이다.",
        "둘째 기사 본문이다.",
        "셋째 기사 본문이다.",
    ]


def test_published_and_updated_datelines_of_one_article_do_not_split():
    text = "\n".join(
        [
            "시, 예산 확정",
            "입력 2024.05.02 09:30",
            "수정 2024.05.02 10:00",
            "시는 내년 예산을 확정했다고 밝혔다.",
            "구청, 도로 보수",
            "입력 2024.05.02 11:00",
            "구청은 도로를 보수한다고 밝혔다.",
        ]
    )
    chunks = split_pasted(text)
    assert len(chunks) == 2
    assert chunks[1].startswith("구청, 도로 보수")


def test_a_copyright_notice_closing_an_article_stays_with_it():
    """`Copyright ⓒ 뉴스1 …` under one article's body, then the next article's headline and
    dateline: the notice closes the first article (taken into the second's header, it made
    뉴스1 the second article's outlet, a black-box case), while a notice above a page's only
    article, with no body before it, stays in its header."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    first = (
        "도서관 착공…85억 들여 2025년 완공\n\n입력 2024.05.27 10:20\n\n"
        "(완주=뉴스1) 김철수 기자 = 완주군은 27일 도서관 착공식을 열었다고 밝혔다.\n\n"
        "kimcs@news1.kr\n\nCopyright ⓒ 뉴스1. All rights reserved. 무단 전재 및 재배포 금지.\n\n"
    )
    second = (
        "국민체육센터 착공…수영장 갖춰\n\n입력 2024.05.27 10:35\n\n"
        "[완주=뉴시스] 이영희 기자 = 완주군은 27일 체육센터 착공식을 열었다고 밝혔다.\n\n"
        "lyh@newsis.com\n"
    )
    chunks = split_pasted(first + second)
    assert len(chunks) == 2 and "Copyright" in chunks[0] and "Copyright" not in chunks[1]
    outlets = [extract(RawItem(origin="a.txt", text=c)).outlet for c in chunks]
    assert outlets == ["뉴스1", "뉴시스"]


def test_a_wire_credit_line_stays_with_its_article_and_is_no_headline():
    """`(Reporting by …; Editing by …)` under one article, then the next article's headline:
    the credit is no headline of the next (it was, and the real headline its subtitle)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    for credit in ("(Reporting by Jane Doe; Editing by Mark Roe)", "Reporting by Jane Doe"):
        text = (
            "Headline one about the drill\nMarch 20, 2015\n\nSEASIDE, Oregon (Reuters) - About "
            f"4,000 residents walked to high ground on Friday, officials said.\n\n{credit}\n\n"
            "Headline two about the library\nMarch 20, 2015\n\nBOISE, Idaho (KTVB) - The council "
            "voted 5-1 on Friday to approve a budget for a new library.\n"
        )
        titles = [extract(RawItem(origin="p.txt", text=c)).title for c in split_pasted(text)]
        assert titles == ["Headline one about the drill", "Headline two about the library"]


def test_a_headline_written_as_a_sentence_opens_the_next_article():
    """`세관, … 40대 공항서 붙잡았다` (no full stop) above the next article's dateline: it
    stayed under the article before, whose story showed another outlet's headline as its
    sentence, and the next article took its first sentence for its title (a black-box case).
    A last paragraph without its stop, with no dateline under it, stays where it is."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    first = (
        "인천공항서 필로폰 밀반입 40대 체포\n\n입력 2024.05.28 09:00\n\n"
        "(인천=연합뉴스) 정다운 기자 = 필로폰을 몸에 숨겨 들여오려던 40대 남성이 적발됐다.\n\n"
        "인천본부세관은 A씨를 검찰에 송치했다고 28일 밝혔다.\n\njdw@yna.co.kr\n\n"
    )
    second = (
        "세관, 필로폰 몸에 숨긴 40대 공항서 붙잡았다\n\n입력 2024.05.28 10:30\n\n"
        "[인천=뉴시스] 한지민 기자 = 인천본부세관이 필로폰을 숨겨 입국하려던 40대를 "
        "적발했다.\n\nhjm@newsis.com\n"
    )
    chunks = split_pasted(first + second)
    assert len(chunks) == 2 and chunks[1].startswith("세관, 필로폰")
    articles = [extract(RawItem(origin="a.txt", text=c)) for c in chunks]
    assert [a.title for a in articles] == [
        "인천공항서 필로폰 밀반입 40대 체포",
        "세관, 필로폰 몸에 숨긴 40대 공항서 붙잡았다",
    ]
    assert "붙잡았다" not in articles[0].text
    for signed in ("정다운 기자", "/정다운 기자", "사회부 정다운 기자"):  # a signature alone too
        chunks = split_pasted(first.replace("jdw@yna.co.kr", signed) + second)
        assert len(chunks) == 2 and chunks[1].startswith("세관, 필로폰")
    unstopped = first.replace("밝혔다.\n\njdw", "밝혔다\n\njdw")  # no stop, no dateline after
    assert split_pasted(unstopped) == [unstopped]
    # the article before's last sentence without its stop, right above the next dateline
    # (no e-mail or notice closing it): it stays that article's (a review)
    last = first.replace("밝혔다.\n\njdw@yna.co.kr\n\n", "밝혔다\n\n")
    headless = "입력 2024.05.28 10:30\n\n[인천=뉴시스] 한지민 기자 = 세관이 40대를 적발했다.\n"
    chunks = split_pasted(last + headless)
    assert len(chunks) == 2 and chunks[1].startswith("입력 2024.05.28 10:30")


def test_a_report_without_dateline_under_a_headline_written_as_a_sentence():
    """A report opening with its marker (`(진안=전북새날신문) … 기자 =`) under a headline
    that ends in a verb and no stop (`… 짓는다`), after a report closed by its copyright
    notice: the two were one article, the second outlet lost and its figure credited to
    the first (a black-box case)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    first = (
        "진안군 유통센터 첫 삽\n\n(진안=한빛일보) 홍길동 기자 = 진안군은 29일 진안읍 군상리 "
        "일원에서 농산물 종합유통센터 기공식을 열었다고 밝혔다.\n\nⓒ 한빛일보 무단전재 및 "
        "재배포 금지\n\n\n\n"
    )
    second = (
        "진안군, 30억 들여 농산물 유통센터 짓는다\n\n(진안=전북새날신문) 최민호 기자 = "
        "진안군은 29일 농산물 종합유통센터 기공식을 개최했다.\n\nⓒ 전북새날신문 무단전재 및 "
        "재배포 금지\n"
    )
    chunks = split_pasted(first + second)
    assert len(chunks) == 2 and chunks[1].startswith("진안군, 30억")
    articles = [extract(RawItem(origin="p.txt", text=c)) for c in chunks]
    assert [(a.outlet, a.title) for a in articles] == [
        ("한빛일보", "진안군 유통센터 첫 삽"),
        ("전북새날신문", "진안군, 30억 들여 농산물 유통센터 짓는다"),
    ]
    assert "짓는다" not in articles[0].text


def test_reports_without_datelines_split_at_their_markers_under_headlines():
    """Pasted wire reports with no dateline: each opens with its marker under its headline
    (`(세종=연합뉴스) 김민수 기자 =`, `SEOUL, May 28 (Reuters) -`), which anchors it; a wire's
    credit line closes the report above. They were one article (a black-box case)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    korean = (
        "세종시, 스마트 버스정류장 30곳 추가 설치\n\n(세종=연합뉴스) 김민수 기자 = 세종시는 "
        "스마트 버스정류장 30곳을 추가로 설치한다고 28일 밝혔다.\n\n시는 총사업비 45억원을 "
        "들인다.\n\nkms@yna.co.kr\n\n"
    )
    reuters = (
        "Seoul to expand late-night bus routes\n\nSEOUL, May 28 (Reuters) - Seoul city will add "
        "six late-night bus routes, the city said on Tuesday.\n\nThe city expects about 12,000 "
        "additional passengers a night.\n\n(Reporting by Jane Doe; Editing by John Roe)\n\n"
    )
    ap = (
        "Seoul adds six night bus lines\n\nSEOUL, May 28 (AP) - The South Korean capital will "
        "launch six new overnight bus lines in June, officials said.\n"
    )
    chunks = split_pasted(korean + reuters + ap)
    assert len(chunks) == 3 and chunks[2].startswith("Seoul adds six")
    assert "(Reporting by" in chunks[1]
    outlets = [extract(RawItem(origin="p.txt", text=c)).outlet for c in chunks]
    assert outlets == ["연합뉴스", "Reuters", "AP"]
    one = "세종시, 버스정류장 추가\n\n(세종=연합뉴스) 김민수 기자 = 세종시는 정류장을 늘린다고 밝혔다.\n"
    assert split_pasted(one) == [one]  # one report, one marker


def test_related_headlines_closing_an_article_are_no_header_of_the_next():
    """`▶ 관련기사` and its `· …` items under one article, then the next one's headline and
    `입력` line: the list became the next article's title and subtitle, and its headline
    was lost (a black-box case)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    text = (
        "부산 창고 화재로 2명 사망\n입력 2026-11-26 18:40\n\n"
        "(부산=뉴스1) 김영훈 기자 = 26일 오후 부산의 한 창고에서 불이 나 2명이 숨졌다.\n\n"
        '▶ 관련기사\n· 부산 창고 화재 현장 사진\n· 소방당국 "스프링클러 작동 안 해"\n\n'
        "창고 화재 사망자 2명 신원 확인\n입력 2026-11-27 09:12\n\n"
        "부산 창고 화재로 숨진 작업자 2명의 신원이 확인됐다.\n"
    )
    arts = [extract(RawItem(origin="p.txt", text=c)) for c in split_pasted(text)]
    assert [a.title for a in arts] == [
        "부산 창고 화재로 2명 사망",
        "창고 화재 사망자 2명 신원 확인",
    ]
    assert arts[1].subtitle is None and "관련기사" not in arts[0].text


def test_a_dateline_closing_an_article_is_its_time_not_another_article():
    """A Yonhap clipping ends with its `송고시간` line: it was split off as an article of its
    own (dropped: no body) and the clipping lost its time (a black-box case)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    text = (
        "광주 KTX 증편 확정\n\n(광주=연합뉴스) 홍길동 기자 = 광주송정역을 오가는 KTX가 내달부터 "
        "하루 4편 늘어난다고 국토교통부가 26일 밝혔다.\n\nhong@yna.co.kr\n\n"
        "‹저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>\n\n"
        "송고시간2026-11-26 10:12\n"
    )
    (chunk,) = split_pasted(text)
    art = extract(RawItem(origin="y.txt", text=chunk))
    assert (art.outlet, art.published.isoformat()) == ("연합뉴스", "2026-11-26T10:12:00+09:00")
