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


def _clipping(stamp: str, headline: str, lead: str, signoff: str) -> str:
    return (
        f"{stamp}\n{headline}\n\n{lead}\n\n"
        "군은 이날 협약식에서 청년농업인 50명을 우선 입주시키기로 했다.\n\n"
        f"{signoff}\n"
    )


def test_clippings_each_opening_with_a_stamp_split_without_separators():
    """Clippings pasted one after another, each opening with its stamp over its headline
    (`[한빛일보] 2024.06.03 12:02`, no `---` between): they were one article running all
    the bodies together (a black-box case). Each is now an article with the outlet and
    time its stamp names, and its headline."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    text = "\n".join(
        [
            _clipping(
                "[미래일보] 2024.06.03 12:02",
                "청솔군, 농어촌공사와 스마트팜 혁신단지 협약",
                "청솔군은 3일 한국농어촌공사와 스마트팜 혁신단지 조성 업무협약을 체결했다.",
                "김하늘 기자 sky@mirae.example.kr\nⓒ 미래일보 무단전재 및 재배포 금지",
            ),
            _clipping(
                "새벽신문 | 2024.06.03 11:01",
                "청솔군 스마트팜 혁신단지 150억 투입",
                "청솔군은 3일 총사업비 150억원을 들여 스마트팜 혁신단지를 짓는다고 밝혔다.",
                "이도윤 기자\n<저작권자 © 새벽신문, 무단 전재 및 재배포 금지>",
            ),
            _clipping(
                "[미래일보] 2024.06.04",  # a date alone after an outlet's mark
                "청솔군 공장 화재…근로자 2명 부상",
                "4일 오전 청솔군의 한 공장에서 불이 나 근로자 2명이 다쳤다.",
                "김하늘 기자",
            ),
            _clipping(
                "들판뉴스 2024-06-04 11:12",  # the outlet's name, then a space
                "청솔군, 송림면에 스마트팜 단지 들어선다",  # a headline written as a sentence
                "청솔군 송림면에 스마트팜 단지가 들어선다고 군이 4일 밝혔다.",
                "박서준 기자",
            ),
        ]
    )
    arts = [extract(RawItem(origin="p.txt", text=c)) for c in split_pasted(text)]
    assert [(a.outlet, a.published.isoformat(), a.title) for a in arts] == [
        ("미래일보", "2024-06-03T12:02:00+09:00", "청솔군, 농어촌공사와 스마트팜 혁신단지 협약"),
        ("새벽신문", "2024-06-03T11:01:00+09:00", "청솔군 스마트팜 혁신단지 150억 투입"),
        ("미래일보", "2024-06-04T00:00:00+09:00", "청솔군 공장 화재…근로자 2명 부상"),
        ("들판뉴스", "2024-06-04T11:12:00+09:00", "청솔군, 송림면에 스마트팜 단지 들어선다"),
    ]
    assert [a.reporter for a in arts] == ["김하늘", "이도윤", "김하늘", "박서준"]
    assert all(a.text.count("청년농업인 50명") == 1 for a in arts)


def test_a_stamp_under_its_headline_splits_as_a_dateline_does():
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    text = (
        "청솔군 스마트팜 혁신단지 협약\n[미래일보] 2024.06.03 12:02\n\n"
        "청솔군은 3일 스마트팜 혁신단지 조성 업무협약을 체결했다.\n\n김하늘 기자\n\n"
        "청솔군 공장 화재로 2명 부상\n새벽신문 | 2024.06.03 15:05\n\n"
        "3일 오전 청솔군의 한 공장에서 불이 나 근로자 2명이 다쳤다.\n\n이도윤 기자\n"
    )
    arts = [extract(RawItem(origin="p.txt", text=c)) for c in split_pasted(text)]
    assert [(a.outlet, a.title) for a in arts] == [
        ("미래일보", "청솔군 스마트팜 혁신단지 협약"),
        ("새벽신문", "청솔군 공장 화재로 2명 부상"),
    ]


def test_clippings_each_closing_with_a_stamp_split_under_it():
    """Clippings each closing with their stamp (`[미래일보] 2024.06.03 13:20` under the
    body) were one article dated by the last stamp; each is now an article with the outlet
    and time of the stamp under it (a black-box case)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    text = (
        "청솔군 스마트팜 혁신단지 협약\n\n"
        "청솔군은 3일 스마트팜 혁신단지 조성 업무협약을 체결했다.\n\n김하늘 기자\n\n"
        "[미래일보] 2024.06.03 13:20\n\n"
        "청솔군 스마트팜 단지 150억 투입\n\n"
        "청솔군은 3일 총사업비 150억원을 들여 스마트팜 단지를 짓는다고 밝혔다.\n\n"
        "새벽신문 | 2024.06.03 15:05\n"
    )
    arts = [extract(RawItem(origin="p.txt", text=c)) for c in split_pasted(text)]
    assert [(a.outlet, a.published.isoformat(), a.title) for a in arts] == [
        ("미래일보", "2024-06-03T13:20:00+09:00", "청솔군 스마트팜 혁신단지 협약"),
        ("새벽신문", "2024-06-03T15:05:00+09:00", "청솔군 스마트팜 단지 150억 투입"),
    ]


def test_what_only_looks_like_a_stamp_does_not_split():
    """An outlet's marker opening a body sentence (`[서울=뉴시스] 홍길동 기자 = …`), a
    headline holding a date, a section's mark with a date alone (`정치 | 2024.06.03`, a
    list's header) and a stamp with body text, not a headline, under it split nothing."""
    text = (
        "[미래일보] 2024.06.03 12:02\n청솔군, 스마트팜 혁신단지 협약\n\n"
        "[서울=뉴시스] 홍길동 기자 = 청솔군은 3일 스마트팜 혁신단지 협약을 맺었다.\n\n"
        "정치 | 2024.06.03\n청솔군의회 주요 일정 안내\n\n"
        "군의회는 3일 임시회를 열었다. 이번 임시회는 5일까지 이어진다.\n\n"
        "2024.06.03 청솔군 주요 일정\n\n"
        "군은 7일 반딧불이 축제를 개막한다.\n\n"
        "[미래일보] 2024.06.03 12:30\n"
        "이 기사는 2024년 6월 3일 12시 30분 수정됐다. 일부 표현을 바로잡았다.\n\n"
        "김하늘 기자\n"
    )
    assert split_pasted(text) == [text]


def test_a_related_list_under_its_label_closes_the_article_before():
    """`관련기사` and its `- …` items under one article, then the next one's headline and
    `입력` line: the label became the next article's title and the item its subtitle, and
    its headline was lost (a black-box case). The list is neither article's text, also with
    items without bullets, and a headline's own `- …` lines stay in its header."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    first = (
        "청솔군 스마트팜 혁신단지 150억 투입\n입력 2024.06.03 11:01\n\n"
        "청솔군은 3일 스마트팜 혁신단지 조성 업무협약을 체결했다고 밝혔다.\n\n이도윤 기자\n"
        "<저작권자 © 새벽신문, 무단 전재 및 재배포 금지>\n"
    )
    second = (
        "청솔군 공장 화재…근로자 2명 부상\n입력 2024.06.03 15:05\n\n"
        "3일 오전 청솔군의 한 공장에서 불이 나 근로자 2명이 다쳤다.\n\n김하늘 기자\n"
    )
    for related in (
        "관련기사\n- 청솔군 여름축제 개막\n\n",
        "관련기사\n- 청솔군 여름축제 개막\n",  # no blank line before the next headline
        "[관련 기사]\n청솔군 여름축제 개막\n청솔군, 송림면에 스마트팜 단지 들어선다\n\n",
    ):
        arts = [
            extract(RawItem(origin="p.txt", text=c)) for c in split_pasted(first + related + second)
        ]
        assert [(a.title, a.subtitle) for a in arts] == [
            ("청솔군 스마트팜 혁신단지 150억 투입", None),
            ("청솔군 공장 화재…근로자 2명 부상", None),
        ], related
        assert not any("축제" in a.text or "관련" in a.text for a in arts), related
    decked = second.replace("부상\n", "부상\n- 소방서 추산 3억 피해\n- 1시간 40분 만에 진화\n")
    arts = [
        extract(RawItem(origin="p.txt", text=c)) for c in split_pasted(first + related + decked)
    ]
    assert [(a.title, a.subtitle) for a in arts][1] == (
        "청솔군 공장 화재…근로자 2명 부상",
        "- 소방서 추산 3억 피해",
    )


def test_a_dateline_under_a_reporters_e_mail_closes_that_article():
    """An outlet's page pasted ends with the reporter's e-mail and its `입력` line, and the
    next article's headline (a quotation closing it, as Korean headlines do) comes under
    them: that dateline anchored an article of its own, which took the headline and was
    dropped as having no body, and the next article's first sentence became its title (a
    black-box case)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    text = (
        "청솔군 로컬푸드 10호점 문 열어\n\n"
        "(청솔=한빛뉴스) 이순신 기자 = 청솔군이 로컬푸드 직매장 10호점을 개장했다고 5일 밝혔다.\n"
        "10호점에는 농가 350곳이 참여한다.\nlee@hanbit.example.kr\n입력 2026.03.05 10:20\n\n"
        '로컬푸드 10호점 개장…"농가 소득 높인다"\n\n'
        "청솔신문 김영희 기자 | 입력 2026.03.05 11:00\n\n"
        "청솔군은 5일 봉동읍에서 로컬푸드 직매장 10호점 개장식을 열었다.\n"
        "Copyright © 청솔신문 All rights reserved.\n"
    )
    first, second = split_pasted(text)
    assert first.rstrip().endswith("입력 2026.03.05 10:20")
    a, b = (extract(RawItem(origin="p.txt", text=c)) for c in (first, second))
    assert a.published.isoformat() == "2026-03-05T10:20:00+09:00"
    assert b.title == '로컬푸드 10호점 개장…"농가 소득 높인다"'
    assert b.text.startswith("청솔군은 5일")


def test_a_link_closing_a_pasted_placement_stays_with_it():
    """A blog pasting placements closes each with its address (or `기사 원문 보기: …`) and
    labels the next with its outlet after a bullet (`■ 한빛일보`): the address was taken into
    the next article's header and became its title, and the label its subtitle (a
    black-box case)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    text = (
        "■ 청솔일보\n청솔군, 로컬푸드 직매장 10호점 개장\n홍길동 기자 | 승인 2026.03.05 09:12\n"
        "청솔군이 로컬푸드 직매장 10호점을 봉동읍에 열었다.\n"
        "군은 5일 개장식을 열고 운영에 들어갔다고 밝혔다.\n홍길동 기자 hong@chungsol.example.kr\n"
        "https://www.chungsol.example.kr/news/articleView.html?idxno=12345\n\n"
        "■ 한빛일보\n청솔 로컬푸드 10호점 봉동에 문 열어\n입력 2026.03.05 10:20\n"
        "청솔군이 로컬푸드 직매장 10호점을 개장했다고 5일 밝혔다.\n"
        "기사 원문 보기: https://www.hanbit.example.com/view/20260305000123\n"
    )
    first, second = split_pasted(text)
    assert "idxno=12345" in first and second.startswith("■ 한빛일보")
    a = extract(RawItem(origin="blog.txt#2", text=second))
    assert (a.title, a.subtitle, a.outlet) == (
        "청솔 로컬푸드 10호점 봉동에 문 열어",
        None,
        "한빛일보",
    )


def test_a_blogs_own_words_above_the_first_placement_are_a_text_of_their_own():
    """A blog post's title and introduction above the placements it pastes opened the first
    article's text: that article was titled by the blog and had no outlet (a black-box
    case). A headline's deck between the title and the dateline stays in its article."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    intro = (
        "청솔군 로컬푸드 10호점 언론 보도 모음\n청솔군청 공식 블로그 2026. 3. 6. 9:00\n이웃추가\n\n"
        "안녕하세요, 청솔군입니다. 직매장 10호점 개장 소식이 여러 언론에 보도되었습니다.\n\n"
    )
    first = (
        "■ 청솔일보\n청솔군, 로컬푸드 직매장 10호점 개장\n홍길동 기자 | 승인 2026.03.05 09:12\n"
        "청솔군이 로컬푸드 직매장 10호점을 봉동읍에 열었다.\n홍길동 기자 hong@chungsol.example.kr\n\n"
    )
    second = (
        "청솔 로컬푸드 10호점 문 열어\n입력 2026.03.05 10:20\n"
        "청솔군이 로컬푸드 직매장 10호점을 개장했다고 5일 밝혔다.\n"
    )
    chunks = split_pasted(intro + first + second)
    assert [c.strip() for c in chunks] == [intro.strip(), first.strip(), second.strip()]
    a = extract(RawItem(origin="blog.txt#2", text=first))
    assert (a.title, a.outlet) == ("청솔군, 로컬푸드 직매장 10호점 개장", "청솔일보")
    deck = (
        "청솔군, 직매장 개장\n농가 350곳이 참여하고 500여 품목을 판매하는 직매장이 문을 열었다.\n"
    )
    dated = first[first.index("홍길동 기자 |") :]  # (its dateline and body under the deck)
    assert len(split_pasted(deck + dated + second)) == 2


def test_releases_pasted_together_split_at_their_dated_leads():
    """Two city releases pasted in one file, each opening `CEDAR SPRINGS, Mich. (March 12,
    2026) —` under its headline: the lead names no outlet, only its day, and the two were
    one article dated by the first."""
    first = (
        "Council Approves Water Plant\n\nCEDAR SPRINGS, Mich. (March 12, 2026) — The council "
        "voted on Tuesday to approve a water plant.\n\nWork begins in May.\n\n"
    )
    second = (
        "City Opens Splash Pad\n\nCEDAR SPRINGS, Mich. (March 13, 2026) — The city opened a "
        "splash pad at Morley Park on Friday.\n\nIt is open daily.\n"
    )
    chunks = split_pasted(first + second)
    assert len(chunks) == 2 and chunks[1].startswith("City Opens Splash Pad")


def test_a_placements_caption_under_its_title_and_a_credit_under_its_photo_stay_with_it():
    """A caption under a placement's title (`▲ … 협약식 모습.`) stopped the search for its
    header, and the placement stayed with the blog's words above it; a photo's credit closing
    a placement (`/청솔군 제공`) went into the next one's header (black-box cases)."""
    intro = (
        "청솔군 협약 언론 보도 모음\n\n안녕하세요, 청솔군입니다. 협약 소식이 보도되었습니다.\n\n"
    )
    first = (
        "■ 한빛일보\n청솔군, 청년 창업공간 30곳 조성 협약 체결\n"
        "▲ 지난 3일 청솔군청에서 열린 협약식 모습.\n김민지 기자\n입력 2026.03.12 10:20\n\n"
        "청솔군은 지난 3일 한빛대학교와 창업공간 조성 협약을 체결했다고 12일 밝혔다.\n"
        "/청솔군 제공\n\n"
    )
    second = (
        "청솔군, 한빛대와 창업공간 30곳 조성\n입력 2026.03.12 11:00\n"
        "청솔군이 한빛대학교와 창업공간 조성 협약을 지난 3일 체결했습니다.\n"
    )
    chunks = split_pasted(intro + first + second)
    assert [c.strip() for c in chunks] == [intro.strip(), first.strip(), second.strip()]


def _two_reprints(head_a: str, head_b: str) -> str:
    return (
        f"청솔군, 로컬푸드 직매장 3호점 개장\n\n{head_a}\n\n"
        "청솔군이 24일 솔뫼면에 로컬푸드 직매장 3호점을 열었다고 밝혔다.\n\n"
        "직매장에는 농가 120곳이 참여해 300여 품목을 판매한다.\n\n"
        f"청솔군 로컬푸드 3호점 문 열어…농가 120곳 참여\n\n{head_b}\n\n"
        "전북 청솔군은 24일 솔뫼면에서 로컬푸드 직매장 3호점 개장식을 열었다.\n\n"
        "직매장은 농가 120곳이 생산한 300여 품목을 판매한다.\n"
    )


def test_reprints_headed_as_extraction_reads_a_head_split():
    """Each reprint's head as `extract` reads it (an ISO stamp then the outlet, a marker
    naming outlet and reporter on its own line, an information bar, a bracketed stamp):
    the first two were not counted, and a blog's reprints were one article (a black-box
    case)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    heads = [
        ("2026-11-24 15:20 청솔일보", "2026-11-24 16:05 한빛뉴스"),
        ("(청솔일보) 김민지 기자", "(한빛뉴스) 이도윤 기자"),
        ("청솔일보 | 2026-11-24 15:20 | 김민지 기자", "한빛뉴스 | 2026-11-24 16:05 | 이도윤 기자"),
        ("[청솔일보 2026-11-24 15:20]", "[한빛뉴스 2026-11-24 16:05]"),
    ]
    for head_a, head_b in heads:
        chunks = split_pasted(_two_reprints(head_a, head_b))
        arts = [extract(RawItem(origin="p.txt", text=c)) for c in chunks]
        assert [(a.outlet, a.title) for a in arts] == [
            ("청솔일보", "청솔군, 로컬푸드 직매장 3호점 개장"),
            ("한빛뉴스", "청솔군 로컬푸드 3호점 문 열어…농가 120곳 참여"),
        ], head_a


def test_an_article_with_such_heads_in_its_body_stays_whole():
    """The same lines inside one article's body, with no headline over or under them, and
    its information bar at its foot, split nothing (a marked stamp between two paragraphs
    closed a clipping there when the text closed with a stamp)."""
    text = (
        "청솔군, 로컬푸드 직매장 3호점 개장\n\n(청솔일보) 김민지 기자\n\n"
        "청솔군이 24일 솔뫼면에 로컬푸드 직매장 3호점을 열었다고 밝혔다.\n\n"
        "2026-11-24 15:20 청솔일보\n\n"
        "직매장에는 농가 120곳이 참여해 300여 품목을 판매한다.\n\n"
        "[청솔일보] 2026-11-24 15:20\n\n"
        "(청솔일보) 김민지 기자\n\n"
        "군은 내년에 4호점을 열 계획이다.\n\n"
        "청솔일보 | 2026-11-24 15:20 | 김민지 기자\n"
    )
    assert split_pasted(text) == [text]


def test_a_wire_s_rule_over_its_credits_does_not_split_the_report():
    """AP closes a report with a rule (`___`) over its credit for other writers: the rule
    split it, and the credit was an article of its own, dropped as having no body."""
    report = (
        "Council backs water plant\n\n"
        "SPRINGFIELD, Ill. (AP) — The city council voted 8-2 on Tuesday to approve a plant.\n\n"
        "The plant will cost $18 million, Mayor Jane Roe said.\n"
    )
    tail = "\n___\n\nAssociated Press writer John Doe contributed to this report.\n"
    chunks = split_pasted(report + tail)
    assert len(chunks) == 1 and chunks[0].startswith(report)
    assert "contributed" in chunks[0]
    two = report + "\n---\n" + report.replace("Springfield", "Decatur")
    assert len(split_pasted(two)) == 2  # (a rule between two reports still splits)
