from datetime import date

import pytest

from newsmoa.extract.bylines import labelled_reporter, leading_byline, signature

LEADING = [
    ("[일요신문] 전북 완주군이", "일요신문", None, "전북 완주군이"),
    ("[일요신문]", "일요신문", None, ""),
    ("(완주=국제뉴스) 이승희 기자 = 완주군이 손잡고", "국제뉴스", "이승희", "완주군이 손잡고"),
    ("(아시아뉴스통신=김경선 기자)", "아시아뉴스통신", "김경선", ""),
    ("(서울=연합뉴스) 홍길동·김철수 기자 = 정부는", "연합뉴스", "홍길동", "정부는"),
    ("(세종=뉴스1) 박영희 기자 = 기획재정부는", "뉴스1", "박영희", "기획재정부는"),
    (
        "[전주시민일보] 시가 밝혔다",
        "전주시민일보",
        None,
        "시가 밝혔다",
    ),  # unknown outlet, by its ending
    # the wire and daily forms in other brackets (a black-box test: all stayed in the text)
    ("[전주=뉴시스] 박지영 기자 = 시는", "뉴시스", "박지영", "시는"),
    ("[서울=뉴시스]박지영 기자 = 시는", "뉴시스", "박지영", "시는"),
    ("[서울=뉴스1] 박지영 기자 = 시는", "뉴스1", "박지영", "시는"),
    ("【전주=뉴시스】 박지영 기자 = 시는", "뉴시스", "박지영", "시는"),
    ("[이데일리 박지영 기자] 시는", "이데일리", "박지영", "시는"),
    ("[헤럴드경제=박지영 기자] 시는", "헤럴드경제", "박지영", "시는"),
    ("(서울=연합뉴스) 김민수 이영희 기자 = 시는", "연합뉴스", "김민수", "시는"),
    # a review: the outlet before a place, a place before the outlet and its reporter, and
    # a place alone (no outlet, the reporter only)
    ("[아시아경제 뉴욕=백종민 특파원] 미국은", "아시아경제", "백종민", "미국은"),
    ("[세종=이데일리 이명철 기자] 정부는", "이데일리", "이명철", "정부는"),
    ("(서울=김민수 기자) 정부는", None, "김민수", "정부는"),
    # a label before "=" names no outlet but leaves the line's text as body (a review: the
    # whole lead went to the captions); a writer's label names the reporter
    (
        "[사진=연합뉴스] 정부가 예산안을 발표했다. 규모는 3% 늘었다.",
        None,
        None,
        "정부가 예산안을 발표했다. 규모는 3% 늘었다.",
    ),
    ("[정리=김민수 기자] 정부가", None, "김민수", "정부가"),
    ("(=김민수 기자) 정부는", None, "김민수", "정부는"),  # nothing before "=": no crash
    # an outlet the table does not know, named as a press is (an outlet's word in it, not
    # at its end: its outlet was None); a place before "=" names none
    ("[뉴스새만금=김민지 기자] 군은", "뉴스새만금", "김민지", "군은"),
    ("【미디어청솔=박도윤 기자】 군은", "미디어청솔", "박도윤", "군은"),
    ("[뉴욕=백종민 특파원] 미국은", None, "백종민", "미국은"),
    ("[완주=김민수 기자] 군은", None, "김민수", "군은"),
    # a reporter signing in the bracket makes it a byline in any bracket, and a reporter's
    # lead (`… 기자 =`) one without brackets: they stayed in the text
    ("(청솔일보 김민지 기자) 군은", "청솔일보", "김민지", "군은"),
    ("[뉴스새만금 김민지 기자] 군은", "뉴스새만금", "김민지", "군은"),
    ("【청솔일보】김민지 기자 = 군은", "청솔일보", "김민지", "군은"),
    ("청솔일보 김민지 기자 = 군은", "청솔일보", "김민지", "군은"),
    ("김민지·박도윤 기자 = 군은", None, "김민지", "군은"),
    # brackets that do not match, as a page typed them, and a broadcaster's station by its
    # region (both stayed in the text: black-box cases)
    ("‹청솔일보=김민지 기자> 군은", "청솔일보", "김민지", "군은"),
    ("<청솔일보=김민지 기자〉 군은", "청솔일보", "김민지", "군은"),
    ("《청주=연합뉴스》 김민지 기자 = 군은", "연합뉴스", "김민지", "군은"),
    ("[KBS 청주] 청솔군이", "KBS", None, "청솔군이"),
    ("(MBC 충북) 청솔군이", "MBC", None, "청솔군이"),
    # the reporter's signature alone after the outlet's mark (it was the text's first
    # paragraph, the article unsigned); words that sign no one stay the text
    ("[청솔일보]김민지 기자", "청솔일보", "김민지", ""),
    ("[청솔일보] 김민지·이영희 기자", "청솔일보", "김민지", ""),
    ("[청솔일보] 이번 기자회견", "청솔일보", None, "이번 기자회견"),
    # ... in round brackets, the outlet named by its ending (it was the subtitle)
    ("(청솔일보) 김민지 기자", "청솔일보", "김민지", ""),
    ("(뉴스새만금) 김민지 기자", "뉴스새만금", "김민지", ""),
]


@pytest.mark.parametrize(("line", "outlet", "reporter", "rest"), LEADING)
def test_leading_bylines(line, outlet, reporter, rest):
    b = leading_byline(line)
    assert b is not None
    assert (b.outlet, b.reporter, b.rest.strip()) == (outlet, reporter, rest)


@pytest.mark.parametrize(
    "line",
    [
        "[단독] 정부, 새 정책 발표",
        "(사진) 현장 모습",
        "(1) 첫째 항목",
        "[속보 김민수 기자] 정부는",
        "(서울) 정부는 31일 발표했다.",  # round brackets: a known outlet of 3+ characters only
        "(경제) 물가가 올랐다.",
        "(TV) 방송을 봤다.",
        "【서울】 서울시는",
        "[경제] 물가가 올랐다.",  # square brackets: a section's or a transcript's label
        "[리포트] 본문",
        "[앵커 리포트] 본문",
        "[문화] 공연 소식",
        "(청솔군) 김민지 기자",  # a signature after a name that is no outlet's
        "(사진) 김민지 기자",
        "[ⓒ청솔일보] 무단전재-재배포금지",  # a notice, its holder in brackets
    ],
)
def test_brackets_that_are_not_outlets(line):
    assert leading_byline(line) is None


SIGNATURES = [
    ("정성환 기자 ilyo66@ilyo.co.kr", "정성환", "ilyo66@ilyo.co.kr", "일요신문"),
    ("이승희 기자", "이승희", None, None),
    ("김민수 특파원 (minsu@yna.co.kr)", "김민수", "minsu@yna.co.kr", "연합뉴스"),
    ("press@hani.co.kr", None, "press@hani.co.kr", "한겨레"),
    # a signature in brackets of its own: the outlet was `[청솔일보`, or no one signed
    (
        "[청솔일보 김민지 기자 minji@chungsol.example]",
        "김민지",
        "minji@chungsol.example",
        "청솔일보",
    ),
    ("[김민지 기자 minji@chungsol.example]", "김민지", "minji@chungsol.example", None),
    ("(청솔일보 김민지 기자)", "김민지", None, "청솔일보"),
    ("【김민지 기자】", "김민지", None, None),
    # an outlet before `=` or `/`, a marker's byline without its brackets on a line of its
    # own (the reporter was read, the outlet lost); a place there names none
    ("충청저널 = 윤가람 기자", "윤가람", None, "충청저널"),
    ("충청저널=윤가람 기자", "윤가람", None, "충청저널"),
    ("뉴스새만금 / 윤가람 기자", "윤가람", None, "뉴스새만금"),
    ("제주=주미령 선임기자", "주미령", None, None),
    ("워싱턴=백종민 특파원", "백종민", None, None),
    # a copyright mark before the outlet, as a clipping closes (the outlet was `ⓒ호남뉴스`;
    # with a space the line signed no one)
    ("ⓒ호남뉴스 김민지 기자", "김민지", None, "호남뉴스"),
    ("ⓒ 호남뉴스 김민지 기자 minji@honam.example", "김민지", "minji@honam.example", "호남뉴스"),
    # the outlet after the signature, in brackets or after a slash, or the signature between
    # dashes (the article was unsigned and unnamed)
    ("김민지 기자 (청솔일보)", "김민지", None, "청솔일보"),
    (
        "김민지 기자 minji@chungsol.example / 청솔일보",
        "김민지",
        "minji@chungsol.example",
        "청솔일보",
    ),
    ("- 청솔일보 김민지 기자 -", "김민지", None, "청솔일보"),
]


@pytest.mark.parametrize(("line", "reporter", "email", "outlet"), SIGNATURES)
def test_signatures(line, reporter, email, outlet):
    b = signature(line)
    assert b is not None
    assert (b.reporter, b.email, b.outlet) == (reporter, email, outlet)


@pytest.mark.parametrize(
    ("line", "outlet", "reporter"),
    [
        ("(영월=뉴스영월) 김철수 기자 = 영월군은 28일", "뉴스영월", "김철수"),  # by its form
        ("(영월=전남매일) 영월군은 28일", "전남매일", None),  # by its ending (매일)
        ("(영월=주민자치) 영월군은 28일", None, None),  # no reporter: no outlet by form
        ("(사진=홍길동 기자) 영월군은 28일", None, None),  # a picture's credit
    ],
)
def test_an_outlet_the_table_does_not_know_in_a_dateline(line, outlet, reporter):
    """`(place=outlet) name 기자 =` names an outlet by its form; before, an unknown one left
    the marker in the story's text and its reporter a person of the story (a black-box case)."""
    found = leading_byline(line)
    assert ((found.outlet, found.reporter) if found else (None, None)) == (outlet, reporter)


def test_a_sentence_is_not_a_signature():
    assert signature("박성일 군수는 기자들에게 말했다.") is None
    # a name after a signature that is no outlet's
    assert signature("김민지 기자 (청솔군)") is None
    assert signature("김민지 기자 | 정치") is None


def test_an_outlets_ending_alone_names_no_outlet():
    from newsmoa.extract.tables import outlets

    assert [outlets().canonical(w) for w in ("매일", "뉴스", "전남매일")] == [
        None,
        None,
        "전남매일",
    ]


def test_the_holder_a_copyright_notice_names():
    from newsmoa.extract.bylines import copyright_outlet

    for notice, holder in (
        ("[ⓒ 전북일보, 무단전재 및 재배포 금지]", "전북일보"),
        ("저작권자 © 한국일보", "한국일보"),
        ("Copyright ⓒ 2024 뉴스1. All rights reserved.", "뉴스1"),
        ("<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>", "연합뉴스"),
        ("무단전재 및 재배포 금지", None),
        ("ⓒ이미지투데이", None),  # a picture's credit, no notice (a review)
        ("추경호 부총리가 31일 브리핑하고 있다. ⓒ연합뉴스", None),
        ("(c) 지역경제 활성화", None),
        ("…끝났다. /사진=ⓒ뉴스1 저작권자 © 한국일보 무단전재 및 재배포 금지", "한국일보"),
        ("저작권자 © 충청투데이 무단전재 및 재배포 금지", "충청투데이"),  # by its ending
        # a notice's holder is its publisher, known or not (a black-box case)
        ("ⓒ 뉴스영월, 무단전재 및 재배포 금지", "뉴스영월"),
        ("ⓒ 뉴스1코리아 무단전재 및 재배포 금지", "뉴스1"),  # the company of a known outlet
        ("ⓒ 한겨레21 무단전재 및 재배포 금지", "한겨레21"),  # another title of the house
        # a known holder beats an unknown one, and a picture's credit or a site's role
        # names no publisher (a review)
        ("저작권자 © 한국일보 무단전재 및 재배포 금지 / 사진 ⓒ 게티이미지뱅크", "한국일보"),
        ("ⓒ 뉴스영월 무단전재 / 사진 ⓒ 영월군청", "뉴스영월"),
        ("사진=ⓒ뉴스1 저작권자 © 뉴스영월 무단전재", "뉴스영월"),  # a picture's, known or not
        ("사진 ⓒ 영월군청 / ⓒ 뉴스영월 무단전재", "뉴스영월"),
        # the notice's own holder (before 무단전재) beats a credit after it (a third check)
        ("저작권자 © 뉴스영월 무단전재 및 재배포 금지 ⓒ연합뉴스", "뉴스영월"),
        ("Copyright ⓒ 관리자. All rights reserved.", None),
        ("ⓒ 매일 무단전재 및 재배포 금지", None),  # an outlet's ending alone
        ("저작권자 © 무단전재 및 재배포 금지", None),  # no holder named
        # an outlet's notice under its house name (outlets.tsv aliases; was 공감언론, a
        # black-box case)
        ("‹저작권자ⓒ 공감언론 뉴시스통신사. 무단전재-재배포 금지.›", "뉴시스"),
        ("ⓒ 2024 All rights reserved", None),
    ):
        assert copyright_outlet(notice) == holder, notice


def test_a_wire_report_reprinted_under_another_outlets_notice_is_that_outlets_article():
    """It keeps the wire's "(전주=연합뉴스)" and signs its own notice: its publisher is the
    notice's holder, so the reprint is a placement of its own, with its own time (a
    black-box test: it was taken for the wire's article, and its time overwrote the wire's)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    body = (
        "(전주=연합뉴스) 김민수 기자 = 전라북도는 22일 국가예산 확보 전략회의를 열고 "
        "9조2000억원 확보를 목표로 정했다고 밝혔다.\n김민수 기자 minsu@yna.co.kr"
    )
    wire = extract(RawItem(origin="a", text=body))
    reprint = extract(RawItem(origin="b", text=body + "\n[ⓒ 전북일보, 무단전재 및 재배포 금지]"))
    glued = extract(RawItem(origin="c", text=body + "[ⓒ 전북일보, 무단전재 및 재배포 금지]"))
    assert (wire.outlet, reprint.outlet, glued.outlet) == ("연합뉴스", "전북일보", "전북일보")
    assert reprint.reporter == "김민수" and reprint.text == wire.text


def test_english_wire_leads_and_by_lines_name_the_outlet_and_reporter():
    """`SEASIDE, Oregon (Reuters) -` names the wire (and leaves the text, as `(완주=뉴스1)`
    does), `By JOHN ROE, Associated Press` the reporter and the outlet; an agency the table
    does not know names the outlet by its ending (`Korea Newswire`, as `…일보` does; a
    black-box case: the story named the file), and so do a station's call letters (`KTVB`:
    a press office's list of placements named the file); the lead leaves the text."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    def read(origin: str, text: str):
        return extract(RawItem(origin=origin, text=text))

    reuters = read(
        "a.txt",
        "Storm kills 12\n\nMarch 20, 2015\n\nSEASIDE, Oregon (Reuters) - A storm killed 12 "
        "people on Thursday, officials said. About 3,000 homes lost power.\n",
    )
    assert (reuters.outlet, reuters.text[:7]) == ("Reuters", "A storm")
    ap = read(
        "b.txt",
        "Deadly storm hits coast\nBy JOHN ROE, Associated Press\n\nCANNON BEACH, Ore. (AP) "
        "— A storm killed 14 people, officials said. The governor spoke.\n",
    )
    assert (ap.outlet, ap.reporter, ap.subtitle) == ("AP", "John Roe", None)
    local = read(
        "c.txt",
        "Council votes\n\nBOISE, Idaho (KTVB) - The council voted 5-1 on Friday to approve "
        "a budget. Work begins in the fall.\n",
    )
    assert local.outlet == "KTVB" and local.text.startswith("The council voted")
    wire = read(
        "w.txt",
        "County signs farm pact\n\nCHEONGSOL, South Korea, June 3 (Korea Newswire) -- The "
        "county signed an agreement on Monday, officials said. Work begins in July.\n",
    )
    assert (wire.outlet, wire.text[:10]) == ("Korea Newswire", "The county")
    dated = read(  # the day after the place (a black-box case: no outlet, lead kept)
        "d.txt",
        "Seoul adds bus routes\n\nSEOUL, May 28 (Reuters) - Seoul city will add six "
        "late-night bus routes, the city said on Tuesday. About 12,000 people ride a night.\n",
    )
    assert (dated.outlet, dated.text[:10]) == ("Reuters", "Seoul city")
    # with its year too (no outlet was read, a black-box case): the lead gives the article
    # its day, as a Korean dateline does, and leaves the text (it had stayed in the story's
    # first sentence)
    year = read(
        "e.txt",
        "Two killed in fire\n\nSEOUL, Nov. 26, 2026 (Yonhap) -- Two workers were "
        "killed in a fire on Thursday, officials said. The cause is unknown.\n",
    )
    assert (year.outlet, year.text[:11]) == ("연합뉴스", "Two workers")
    assert year.published is not None and year.published.date() == date(2026, 11, 26)
    # ... also without an agency: the date says it is a lead
    bare = read(
        "f.txt",
        "Senate passes water bill\n\nWASHINGTON, March 3, 2024 — The Senate passed a bill "
        "on Sunday. The House takes it up next week.\n",
    )
    assert (bare.outlet, bare.text[:10]) == (None, "The Senate")
    assert bare.published is not None and bare.published.date() == date(2024, 3, 3)
    # a dateline above it comes first; a lead naming no day in a year is no dateline
    both = read(
        "g.txt",
        "Senate passes water bill\nMarch 4, 2024\n\nWASHINGTON, March 3, 2024 — The "
        "Senate passed a bill on Sunday. The House takes it up next week.\n",
    )
    assert both.published is not None and both.published.date() == date(2024, 3, 4)
    odd = read("h.txt", "Summit\n\nNATO-Russia talks were held in Vienna on Friday.\n")
    assert odd.published is None and odd.text.startswith("NATO-Russia talks")


@pytest.mark.parametrize(
    ("line", "reporter"),
    [
        ("기자명 한상민 기자", "한상민"),
        ("- 기자명 한상민 기자", "한상민"),  # a list item, as a page's main text shows it
        ("작성자 : 홍길동", "홍길동"),
        ("기자 홍길동 hong@hanbit.co.kr", "홍길동"),
        ("기자 수첩", None),  # a short label needs a role, an e-mail or a colon
        ("기자 간담회", None),
        ("사진 홍길동 기자", None),  # a picture's credit, no reporter label
        ("작성자 관리자", None),  # words that name no one (a review)
        ("기자명 비공개", None),
        ("취재기자 모집", None),
        ("작성자들이", None),  # one word, no label and name
        ("작성자 편집국", None),  # a desk
        ("작성자 홍성국", "홍성국"),  # a name ending like a desk (a review)
    ],
)
def test_a_pages_labelled_reporter(line, reporter):
    found = labelled_reporter(line)
    assert (found.reporter if found else None) == reporter


def test_a_bare_notice_closing_the_text_names_its_outlet():
    """`ⓒ 연합뉴스` or `© 뉴스영월` on a line of its own after the body is the article's notice
    (file names stood for the outlets: a black-box case); above more of the body it credits
    a picture and names nothing."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    head = "영월군, 안전훈련 실시\n\n입력 2024.05.31 10:00\n\n영월군은 31일 군청에서 재난대응 안전한국훈련을 실시했다고 밝혔다.\n\n"
    for notice, outlet in (
        ("ⓒ 연합뉴스", "연합뉴스"),
        ("© 뉴스영월", "뉴스영월"),
        ("ⓒ뉴스영월", "뉴스영월"),
    ):
        assert extract(RawItem(origin="n.txt", text=head + notice + "\n")).outlet == outlet
    middle = head + "ⓒ 연합뉴스\n\n훈련에는 300여명이 참여했다고 군은 설명했다.\n"
    assert extract(RawItem(origin="m.txt", text=middle)).outlet is None
    # weaker than the dateline's outlet, the page's address and a reporter's credit: there
    # it is a picture's credit (a review)
    marked = head.replace("영월군은 31일", "(영월=뉴스영월) 홍길동 기자 = 영월군은 31일")
    assert extract(RawItem(origin="d.txt", text=marked + "ⓒ 연합뉴스\n")).outlet == "뉴스영월"
    hosted = RawItem(origin="u", text=head + "ⓒ 뉴시스\n", url="https://www.yna.co.kr/view/1")
    assert extract(hosted).outlet == "연합뉴스"
    assert extract(RawItem(origin="c.txt", text=head + "ⓒ 홍길동 기자\n")).outlet is None


def test_a_byline_and_dateline_on_one_line_name_the_reporter():
    """`박도현 기자 | 입력 2024.05.20 11:00`: a text's line gave no reporter and a page's gave
    `박도현 기자; 입력` (its author metadata joins the byline's parts: a black-box case)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    body = "진안군은 20일 홍삼축제를 개막했다고 밝혔다. 축제는 사흘간 열린다."
    line = "박도현 기자 | 입력 2024.05.20 11:00"
    text = extract(RawItem(origin="a.txt", text=f"진안군 축제 개막\n\n{line}\n\n{body}\n"))
    page = extract(
        RawItem(
            origin="a.html",
            html=f"<html><body><article><h1>진안군 축제 개막</h1><div class='byline'>{line}"
            f"</div><p>{body}</p><p>군은 관광객 10만명이 찾을 것으로 내다봤다.</p></article>"
            "</body></html>",
        )
    )
    assert (text.reporter, text.published.isoformat()) == ("박도현", "2024-05-20T11:00:00+09:00")
    assert page.reporter == "박도현"


def test_an_outlets_call_for_tips_is_no_sentence_of_the_report():
    """`[광주=뉴시스] 공감언론 뉴시스가 … 제보를 기다립니다` closed Newsis articles and was kept
    as a story sentence, its bracketed mark taken for a byline (a black-box case)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    body = (
        "광주 아파트 화재로 1명 숨져\n\n"
        "(광주=뉴시스) 정다은 기자 = 26일 오후 3시께 광주 북구의 한 아파트에서 불이 나 "
        "주민 1명이 숨졌다.\n\n소방당국은 화재 원인을 조사하고 있다.\n\n"
        "[광주=뉴시스] 공감언론 뉴시스가 독자 여러분의 소중한 제보를 기다립니다.\n\n"
        "‹저작권자ⓒ 공감언론 뉴시스통신사. 무단전재-재배포 금지.›"
    )
    art = extract(RawItem(origin="a", text=body))
    assert art.outlet == "뉴시스" and art.reporter == "정다은"
    assert "제보" not in art.text and art.text.endswith("조사하고 있다.")


def test_a_release_wires_lead_names_the_wire_and_dates_the_article():
    """`SPRINGFIELD, Ill., March 5, 2024 /PRNewswire/ --` (and `--(BUSINESS WIRE)--`) stayed
    in the text: the wire was no outlet, the lead was the story's first sentence, and its
    date was set against the signing's `on Monday` as a disagreement (a black-box case)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    pr = extract(
        RawItem(
            origin="pr.txt",
            text="SPRINGFIELD, Ill., March 5, 2024 /PRNewswire/ -- The city signed an agreement "
            "on Monday to upgrade its water plant. Work begins in April.\n",
        )
    )
    assert (pr.outlet, pr.text[:8]) == ("PR Newswire", "The city")
    assert pr.published is not None and pr.published.date() == date(2024, 3, 5)
    bw = extract(
        RawItem(
            origin="bw.txt",
            text="Acme opens plant\n\nSAN JOSE, Calif.--(BUSINESS WIRE)--Acme Corp. today "
            "opened a plant in Fresno. It employs 200 people.\n",
        )
    )
    assert (bw.outlet, bw.text[:9]) == ("Business Wire", "Acme Corp")


def test_a_wire_lead_without_a_known_agency_leaves_the_text():
    """`DAYTON --` and `DAYTON, Ohio (Ohio Valley Wire) --` stayed in the text: the story
    showed them in its lead, and the reprint's lead no longer matched the wire's (a
    black-box case). An agency named by its ending may be longer in Latin letters; a
    headline shaped like a lead (`EXCLUSIVE-…`, no full stop) stays the headline."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    def read(text: str):
        return extract(RawItem(origin="a.txt", text=text))

    bare = read(
        "Three dead in plant blaze\n\nBy Sarah Collins, Dayton Daily Ledger\n\nDAYTON -- Three "
        "workers died Tuesday when fire swept through a plastics plant. Twelve were hurt.\n"
    )
    assert (bare.outlet, bare.reporter) == ("Dayton Daily Ledger", "Sarah Collins")
    assert bare.text.startswith("Three workers died")
    named = read(
        "Deadly fire at plastics plant\n\nDAYTON, Ohio (Ohio Valley Wire) -- A fire tore "
        "through a plastics factory on Tuesday, killing three workers, officials said.\n"
    )
    assert (named.outlet, named.text[:6]) == ("Ohio Valley Wire", "A fire")
    headline = read(
        "EXCLUSIVE-Miller Polymers weighs plant sale\n\nMiller Polymers is weighing the sale "
        "of its Dayton plant, three people familiar with the matter said.\n"
    )
    assert headline.title == "EXCLUSIVE-Miller Polymers weighs plant sale"
    assert headline.text.startswith("Miller Polymers is weighing")


@pytest.mark.parametrize(
    "lead",
    [
        "CEDAR SPRINGS, Mich. (March 12, 2026) — ",
        "CEDAR SPRINGS, Mich. (Mar. 12, 2026) -- ",
        "LANSING, Mich., March 12, 2026 – ",
        "WASHINGTON, March 12, 2026 /PRNewswire/ -- ",
        "CEDAR SPRINGS, MI — March 12, 2026 — ",  # (its day between dashes: it stayed)
    ],
)
def test_a_release_lead_with_its_day_in_brackets_dates_the_release(lead):
    """`CEDAR SPRINGS, Mich. (March 12, 2026) —`, as a city's or a company's own release
    opens: the bracket was read as an agency that named no outlet, so the lead left the text
    with its day, the release had no publication day and its `on Tuesday` stayed unresolved."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    art = extract(
        RawItem(
            origin="release.txt",
            text="Council approves water plant\n\n"
            f"{lead}The City Council voted on Tuesday to approve a water plant.\n\n"
            "Construction begins on Monday.\n",
        )
    )
    assert art.text.startswith("The City Council")
    assert art.published is not None and art.published.date() == date(2026, 3, 12)


@pytest.mark.parametrize(
    "closing",
    [
        "김민지 기자 <저작권자 © 청솔일보, 무단 전재 및 재배포 금지>",
        "김민지 기자 minji@chungsol.example ⓒ 청솔일보 무단전재 및 재배포금지",
        "<저작권자 © 청솔일보> 무단전재 및 재배포 금지 | 김민지 기자",  # ... or after a bar
    ],
)
def test_a_signature_before_the_notice_on_its_line_names_the_reporter(closing):
    """The reporter signing on the notice's line was lost with the notice."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    art = extract(
        RawItem(
            origin="a.txt",
            text="청솔군, 창업공간 조성\n\n청솔군이 올해 청년 창업공간 30곳을 조성한다고 12일 "
            f"밝혔다.\n\n군은 빈 점포를 창업공간으로 바꾼다.\n\n{closing}\n",
        )
    )
    assert (art.reporter, art.outlet) == ("김민지", "청솔일보")
    assert art.text.endswith("바꾼다.")


@pytest.mark.parametrize("closing", ["ⓒ청솔일보 김민지 기자", "ⓒ 청솔일보 김민지 기자"])
def test_a_copyright_mark_before_the_outlets_signature_signs_the_article(closing):
    """A clipping closing with its mark, outlet and reporter: the outlet was `ⓒ청솔일보`,
    and with a space after the mark the line was a notice that named no one."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    art = extract(
        RawItem(
            origin="a.txt",
            text="청솔군, 창업공간 조성\n입력 2026.03.12 10:00\n\n청솔군이 올해 청년 창업공간 "
            f"30곳을 조성한다고 12일 밝혔다.\n\n군은 빈 점포를 창업공간으로 바꾼다.\n{closing}\n",
        )
    )
    assert (art.reporter, art.outlet) == ("김민지", "청솔일보")
    assert art.text.endswith("바꾼다.")


@pytest.mark.parametrize(
    "closing",
    [
        "본 기사의 저작권은 청솔일보에 있습니다.",
        "이 기사의 저작권은 청솔일보에 있으며 무단 전재를 금합니다.",
    ],
)
def test_a_sentence_stating_the_holder_names_the_outlet(closing):
    """A notice written as a sentence, without a mark, stayed the text's last sentence and
    named no one; a body's sentence about another work's copyright stays."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    text = (
        "청솔군, 창업공간 조성\n\n청솔군이 올해 청년 창업공간 30곳을 조성한다고 12일 "
        "밝혔다.\n군은 빈 점포를 창업공간으로 바꾼다.\n"
    )
    art = extract(RawItem(origin="a.txt", text=f"{text}{closing}\n"))
    assert art.outlet == "청솔일보"
    assert art.text.endswith("바꾼다.")
    kept = "캐릭터 그림의 저작권은 청솔군에 있다고 군은 설명했다."
    art = extract(RawItem(origin="b.txt", text=f"{text}{kept}\n"))
    assert art.outlet is None and art.text.endswith(kept)


def test_a_notice_with_its_holder_in_brackets_names_the_outlet():
    """`[ⓒ청솔일보] 무단전재-재배포금지` closing the text was read as an opening marker: the
    outlet was `ⓒ청솔일보`, and `무단전재-재배포금지` the text's last line."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    art = extract(
        RawItem(
            origin="a.txt",
            text="청솔군, 창업공간 조성\n\n청솔군이 올해 청년 창업공간 30곳을 조성한다고 12일 "
            "밝혔다.\n군은 빈 점포를 창업공간으로 바꾼다.\n[ⓒ청솔일보] 무단전재-재배포금지\n",
        )
    )
    assert art.outlet == "청솔일보"
    assert art.text.endswith("바꾼다.")


@pytest.mark.parametrize(
    "head",
    [
        "2026년 03월 12일 (목) 09:30:15 김민지 기자 minji@chungsol.example",
        "2026.03.12 09:30 | 김민지 기자",
    ],
)
def test_a_date_and_time_with_the_reporter_after_it_dates_and_signs(head):
    """An older site's template line under the headline, its time and then its reporter:
    the article was undated and unsigned (a date alone on the line dated it)."""
    from newsmoa.extract.article import extract
    from newsmoa.types import RawItem

    art = extract(
        RawItem(
            origin="a.txt",
            text=f"청솔군, 창업공간 조성\n{head}\n\n청솔군이 올해 청년 창업공간 30곳을 조성한다고 "
            "12일 밝혔다.\n\n군은 빈 점포를 창업공간으로 바꾼다.\n",
        )
    )
    assert art.reporter == "김민지" and art.title == "청솔군, 창업공간 조성"
    assert art.published is not None and art.published.strftime("%m-%d %H:%M") == "03-12 09:30"


@pytest.mark.parametrize(
    ("line", "reporter", "email", "day"),
    [
        ("By Jane Roe and John Doe", "Jane Roe", None, None),
        ("By Jane Roe & John Doe, Haesol Ledger", "Jane Roe", None, None),
        ("By Jane Roe | jroe@haesol.example", "Jane Roe", "jroe@haesol.example", None),
        ("By Jane Roe, jroe@haesol.example", "Jane Roe", "jroe@haesol.example", None),
        ("Posted on March 12, 2026 by Jane Roe", "Jane Roe", None, date(2026, 3, 12)),
        ("Published March 12, 2026 by Jane Roe", "Jane Roe", None, date(2026, 3, 12)),
        ("Jane Roe, Staff Writer", "Jane Roe", None, None),  # a desk's word, without `By`
    ],
)
def test_english_bylines_of_two_writers_with_an_e_mail_or_posted_first(line, reporter, email, day):
    """Bylines as US sites write them named no one: two writers (`By Jane Roe and John
    Doe`), the writer's e-mail after a bar or comma, a blog's `Posted on <day> by <name>`."""
    found = leading_byline(line)
    assert found is not None and found.rest == ""
    assert (found.reporter, found.email, found.day) == (reporter, email, day)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("By Emily Hart, State Journal-Register", "State Journal-Register"),
        ("By Emily Hart, The State Journal-Register", "State Journal-Register"),
        ("By Emily Hart | State Journal-Register", "State Journal-Register"),
        ("By Emily Hart, St. Louis Post-Dispatch", "St. Louis Post-Dispatch"),
        ("By Emily Hart, For the State Journal-Register", "State Journal-Register"),
        ("By EMILY HART Associated Press", "AP"),  # without a comma, as AP's reprints
        ("By Emily Hart State Journal-Register", "State Journal-Register"),
        # in capitals, as many US papers set it (it read as a wire lead naming no agency)
        ("BY EMILY HART, State Journal-Register", "State Journal-Register"),
        ("BY EMILY HART", None),
    ],
)
def test_an_english_byline_names_a_hyphenated_outlet_after_its_comma_or_bar(line, outlet):
    """`By Emily Hart, State Journal-Register` named neither the reporter nor the outlet:
    the outlet's hyphen ended the byline's match, and the line was kept as the subtitle; a
    freelancer's `For the …` named the outlet `For the State Journal-Register`, and a known
    outlet after the name without a comma was the reporter's (`Emily Hart Associated
    Press`)."""
    found = leading_byline(line)
    assert found is not None and found.rest == ""
    assert (found.reporter, found.outlet) == ("Emily Hart", outlet)


def test_a_box_heading_in_capitals_is_no_byline():
    """`BY THE NUMBERS` over a box of figures names no reporter `The Numbers`."""
    assert leading_byline("BY THE NUMBERS") is None
    assert leading_byline("By The Numbers") is None


def test_a_long_first_line_of_words_is_read_at_once_as_no_lead():
    """A reporter's lead without brackets (`김민지 기자 = …`) was looked for with names
    apart by nothing (`\\s*[·]?\\s*`), which cut a line of Hangul words into names in 3**n
    ways: a 2,700-character first line of a daily's article hung the ingest (the
    disagreements eval never ended). A lead's names stand apart by a space or a mark."""
    line = "정부는 이날 국무회의에서 내년도 예산안을 심의하고 지역 균형 발전을 위한 " * 12
    assert leading_byline(line + "방안을 확정했다.") is None
    lead = leading_byline("청솔일보 김민지 · 이수진 기자 = 청솔군이 예산을 확정했다.")
    assert (
        lead is not None and lead.reporter == "김민지" and lead.rest == "청솔군이 예산을 확정했다."
    )
