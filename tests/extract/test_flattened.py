"""A page a crawler flattened into one paragraph: signature, notice and script glued into the
body are found and taken out (texts written by the team, in the shapes of real crawls)."""

import pytest

from newsmoa.extract.article import extract
from newsmoa.extract.bylines import signature, signature_run
from newsmoa.extract.flattened import (
    split_deck,
    split_head,
    split_inner,
    split_tail,
    without_script,
)
from newsmoa.types import Article, RawItem

BODY = (
    "청솔군은 30일 군청에서 지역 농협과 스마트팜 단지 조성 협약을 맺었다고 31일 밝혔다. "
    "협약에 따라 두 기관은 2027년까지 120억원을 들여 송림면에 단지를 짓는다."
)
SCRIPT = (
    "window.googletag = window.googletag || {cmd: []};googletag.cmd.push(function() "
    "{googletag.defineSlot('/1234/Slot_1x1', [1, 1], 'div-gpt-ad-1').addService("
    "googletag.pubads());googletag.enableServices();});"
)

GLUED = [
    # (what follows the body, reporter, e-mail)
    ("이정우 기자 jwlee@segye.com[ⓒ 세계일보 & Segye.com, 무단전재 및 재배포 금지]", "이정우", "jwlee@segye.com"),
    (" 김용준 온라인 뉴스 기자  [ ]", "김용준", None),
    ("부산= 박경모 기자 momo@donga.comCopyright by dongA.com All rights reserved. "
     "$( document ).ready( function() {window.popup = 1;", "박경모", "momo@donga.com"),
    ("장진복 기자 jb@seoul.co.kr김주연 기자 jy@seoul.co.kr", "장진복", "jb@seoul.co.kr"),
    (" 박민희 성연철 기자, 도쿄/조기원 특파원, 방콕/노지원 기자 mh@hani.co.kr", "박민희", "mh@hani.co.kr"),
    (" 현소은 기자 se@hani.co.kr◎ 경제 홈페이지 바로가기: http://www.hani.co.kr/arti/economy",
     "현소은", "se@hani.co.kr"),
    (" 송동근 기자 sdk@segye.com 사진=연합뉴스[ⓒ 세계일보 & Segye.com, 무단전재 및 재배포 금지]",
     "송동근", "sdk@segye.com"),
    (" 장연제 동아닷컴 기자", "장연제", None),
    ("김재중 선임기자 jj@kmib.co.kr", "김재중", "jj@kmib.co.kr"),
    ("디지털기획팀 이세연 sy@kmib.co.kr", None, "sy@kmib.co.kr"),
]  # fmt: skip


@pytest.mark.parametrize(("glued", "reporter", "email"), GLUED)
def test_what_follows_the_last_sentence_is_taken_out(glued, reporter, email):
    body, byline = split_tail(BODY + glued)
    assert body == BODY
    assert byline is not None and (byline.reporter, byline.email) == (reporter, email)


@pytest.mark.parametrize(
    "text",
    [
        BODY,  # ends on its sentence
        BODY + " 관련 기사: 청솔군, 스마트팜 공모 선정",  # a link's words: not known, kept
        BODY + " 그는 “끝까지 지켜보겠다”",  # a quote without its stop
        "He said the deal was done. Copyright 2024 Example News",  # not Korean
    ],
)
def test_text_that_is_no_signature_stays(text):
    assert split_tail(text) == (text, None)


def test_only_the_notice_goes_when_the_rest_is_not_a_signature():
    tail = " 김정호 카이스트 석좌교수[ⓒ 세계일보 & Segye.com, 무단전재 및 재배포 금지]"
    assert split_tail(BODY + tail) == (BODY + " 김정호 카이스트 석좌교수", None)


def test_script_inside_a_paragraph_goes_and_the_sentence_keeps_its_stop():
    got = without_script("협약을 맺었다." + SCRIPT + "앞서 군은 공모에 선정됐다.")
    assert got == "협약을 맺었다. 앞서 군은 공모에 선정됐다."


@pytest.mark.parametrize(
    "start",
    [
        "31일 국회에서",
        "1965년 협정은",
        "MBC는 1일부터",
        "“청문회 전",
        "D램 값이",
        "1.5%p 올랐고",  # a review: words with a space or marks went, or lost their space
        "KBS 2TV 드라마는",
        "'BTS'는",
        "[단독] 삼성은",
        "(서울=연합뉴스) 정부는",  # a review: the bracket, a comma or a colon read as code
        "1,500명이",
        "3:1로",
    ],
)
def test_the_next_sentences_first_word_is_not_taken_with_the_script(start):
    """The run without Hangul that holds the script also held the digits or Latin word that
    open the next sentence, and both went ("일 국회에서", "는 1일부터": a black-box test)."""
    got = without_script("협약을 맺었다." + SCRIPT + " " + start + " 논의했다.")
    assert got == "협약을 맺었다. " + start + " 논의했다."
    more_code = "협약을 맺었다." + SCRIPT + ' $(".g").gallery({ width:700, zoom: false,//사진'
    assert without_script(more_code) == "협약을 맺었다. 사진"


@pytest.mark.parametrize(
    "text",
    [
        "He paid $5 (about €4); the {draft} rule = law | not yet; see (a) and (b) of it.",
        "가격은 {기본형} 3만원; 고급형 5만원이다.",  # Hangul breaks the runs: none is 80 long
        "그는 발표에서 코드 if (a) { b(); } else { c(); } 를 예로 들었다.",  # short code, quoted
    ],
)
def test_prose_with_code_marks_is_not_script(text):
    assert without_script(text) == text


def test_a_flattened_crawl_reads_as_its_lines_would():
    flat = (
        BODY
        + SCRIPT
        + "이정우 기자 jwlee@segye.com[ⓒ 세계일보 & Segye.com, 무단전재 및 재배포 금지]"
    )
    lines = (
        BODY
        + "\n\n이정우 기자 jwlee@segye.com\n\n[ⓒ 세계일보 & Segye.com, 무단전재 및 재배포 금지]"
    )
    got = [
        extract(RawItem(origin="x", text=t, title="청솔군 스마트팜 협약")) for t in (flat, lines)
    ]
    a, b = got
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.text == b.text == BODY
    assert (a.reporter, a.email, a.outlet) == (b.reporter, b.email, b.outlet)
    assert (a.reporter, a.email, a.outlet) == ("이정우", "jwlee@segye.com", "세계일보")


@pytest.mark.parametrize(
    ("line", "reporter"),
    [
        ("제주=주미령 기자 mr@kmib.co.kr", "주미령"),
        ("도쿄/조기원 특파원 garden@hani.co.kr", "조기원"),
        ("권호ㆍ위문희 기자 gnomon@joongang.co.kr", "권호"),
        ("이주빈 박경만 기자 mania@hani.co.kr", "이주빈"),
        ("김재중 선임기자 jj@kmib.co.kr", "김재중"),
        ("세계일보 홍길동 기자", "홍길동"),
        ("사회부 홍길동 기자 hong@segye.com", "홍길동"),  # the reporter, not the desk
        ("제보는 홍길동 기자 hong@example.com", "홍길동"),
    ],
)
def test_signature_lines(line, reporter):
    b = signature(line)
    assert b is not None and b.reporter == reporter


@pytest.mark.parametrize(
    "line",
    [
        "시장 반응 기자",  # words before a role, no e-mail
        "이번 사건 관련 기자",
        "박성일 군수는 기자들에게 말했다.",
        "신청서는 전자우편 farm@cheongsol.go.kr",  # an address in the body
        "온라인뉴스팀홍길동 기자 hong@segye.com",  # no name at a word's start
    ],
)
def test_lines_that_are_no_signature(line):
    assert signature(line) is None


def test_a_run_of_signatures_stops_where_other_text_begins():
    signed = "장진복 기자 jb@seoul.co.kr"
    text = f"{signed} 그리고 다른 글"
    run = signature_run(text)
    assert run is not None and run[0].reporter == "장진복"
    assert text[run[1] :].strip() == "그리고 다른 글"


LEAD = "청솔군은 30일 군청에서 지역 농협과 스마트팜 단지 조성 협약을 맺었다고 31일 밝혔다."
CAPTION = "김철수(오른쪽) 청솔군수와 이영희 조합장이 협약서에 서명하고 있다."


@pytest.mark.parametrize(
    ("head", "caption"),
    [
        (f"{CAPTION} 연합뉴스", CAPTION),
        (f"{CAPTION} 청솔군 제공", CAPTION),
        (f"{CAPTION} 청솔군 제공.", CAPTION),
        (f"{CAPTION} [청솔군 유튜브 캡처]", CAPTION),
        (f"{CAPTION} 국민일보DB", CAPTION),
        (f"{CAPTION} 2026.11.27.", CAPTION),  # the day the photo was taken
        (f"{CAPTION} 2026.11.27 photo1@wire.co.kr", CAPTION),  # and who took it (a wire's file)
        (f"{CAPTION} 최현규 기자", CAPTION),  # the outlet's own photographer
        ("사진=뉴시스", None),
        ("사진=윤성호 기자", None),
    ],
)
def test_a_caption_glued_before_the_lead_goes_to_the_captions(head, caption):
    assert split_head(head + LEAD) == (caption, LEAD)
    got = extract(RawItem(origin="x", text=head + LEAD, title="청솔군 스마트팜 협약"))
    assert isinstance(got, Article) and got.text == LEAD
    assert got.captions == ((caption,) if caption else ())


@pytest.mark.parametrize(
    "text",
    [
        LEAD,
        f"{CAPTION} 연합뉴스 {LEAD}",  # a space: the credit's words may be the body's own
        f"{LEAD} 연합뉴스는 이날 협약 소식을 전했다.",  # a particle: the outlet is the subject
        f"{LEAD} 청솔군 제공한 자료에 따르면 단지는 10ha다.",  # a verb's ending
        f"{LEAD} 이날 인천국제공항에서 귀국했다.",  # 제공 inside a word
        f"뉴시스{LEAD}",  # a credit at the start that does not say it is one
        "AP통신은 30일 미국 정부가 관세를 올린다고 보도했다.",  # words that begin as credits do
        "KDB산업은행은 30일 청솔군과 협약을 맺었다고 밝혔다.",
        "2024.5.1. 청솔군은 스마트팜 단지 조성 협약을 맺었다.",
        f"{LEAD} 각종 혜택이 제공돼 주민 호응이 크다.",  # after a sentence that reports
        f"{LEAD} 2024.5.1.부터 군은 단지를 운영한다.",
        f"{LEAD} 2024.5.1. 시행되는 이 제도는 주민에게 돌아간다.",
        f"{LEAD} 2024.5.1 farm@cheongsol.go.kr로 신청하면 된다.",  # an address, then a particle
        f"[청솔=뉴시스] 최현규 기자 = {LEAD}",  # a byline, not a credit
        f"{LEAD} 최현규 기자는 이날 현장을 취재했다.",  # a reporter as the subject
        f"{LEAD} 두 기관은 2027년까지 120억원을 들여 송림면에 단지를 짓기로 하고 세부 계획을 "
        "다음 달까지 마련하기로 했다. 군은 농가 40곳을 모집해 교육을 마친 뒤 입주시킬 예정이며, "
        "입주 농가에는 시설 임대료를 5년간 감면한다. 군은 두 차례 주민 설명회를 거쳐 계획을 확정했다. 연합뉴스"
        "그러나 일부 주민은 반대했다.",  # past the first 200 characters: no caption so long
    ],
)
def test_no_caption_is_taken_where_no_credit_is_glued_after_one(text):
    assert split_head(text) == (None, text)


BEFORE = "군은 이날 단지 조성 계획을 밝혔다."
AFTER = "두 기관은 2027년까지 120억원을 들인다."


@pytest.mark.parametrize(
    ("inside", "caption"),
    [
        (f"{CAPTION} 연합뉴스", CAPTION),
        ("김철수 청솔군수. 뉴시스", "김철수 청솔군수."),  # a portrait's caption: a name
        ("사진=뉴시스", None),  # a credit that says it is one
        (f"주민 설명회를 열었다.{CAPTION} 연합뉴스", CAPTION),  # after a paragraph of its own
    ],
)
def test_a_caption_a_crawler_glued_between_two_paragraphs_goes_to_the_captions(inside, caption):
    text = f"{BEFORE}{inside}{AFTER}"
    kept = f"{BEFORE}{inside.partition(CAPTION)[0] if caption == CAPTION else ''}{AFTER}"
    assert split_inner(text) == ([caption] if caption else [], kept)
    got = extract(RawItem(origin="x", text=f"{LEAD}\n{text}", title="청솔군 스마트팜 협약"))
    assert isinstance(got, Article) and got.text == f"{LEAD}\n{kept}"
    assert got.captions == ((caption,) if caption else ())


@pytest.mark.parametrize(
    "text",
    [
        f"{BEFORE} {CAPTION} 연합뉴스{AFTER}",  # a space before: a sentence of the paragraph
        f"{BEFORE}주민 설명회를 두 차례 열었다. {CAPTION} 연합뉴스{AFTER}",  # two sentences
        f"{BEFORE}{CAPTION}연합뉴스{AFTER}",  # no space before the credit
        f"{BEFORE}군수가 협약서에 서명했다. 연합뉴스{AFTER}",  # a caption that reports
        f"{BEFORE}군은 주민 의견을 듣고 있다.뉴시스{AFTER}",  # a credit after a body sentence
        f"{BEFORE}{CAPTION} 연합뉴스는 이날 협약을 보도했다.",  # the outlet as the subject
        "사업비는 1.5배 늘었다.2.5%가 오른 셈이다.",
    ],
)
def test_no_caption_is_taken_inside_a_paragraph_without_those_marks(text):
    assert split_inner(text) == ([], text)


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        (" 이번 다큐는 김철수 PD", " 이번 다큐는 김철수 PD"),  # a last sentence without its stop
        (" 올해의 인물은 이정우 기자", " 올해의 인물은 이정우 기자"),
        (" 그는 “고맙습니다” 홍길동 기자 hong@segye.com", " 그는 “고맙습니다”"),  # a quote first
    ],
)
def test_a_last_sentence_is_no_signature(tail, kept):
    body, _ = split_tail(BODY + tail)
    assert body.startswith(BODY + kept)


@pytest.mark.parametrize(
    "tail", [" \\ 윤상언 기자 youn@joongang.co.kr", " 글·사진 김민제 기자 summer@hani.co.kr"]
)
def test_signatures_after_a_stray_mark_or_a_credit_word(tail):
    body, byline = split_tail(BODY + tail)
    assert body == BODY and byline is not None and byline.email


# A deck glued onto the lead: (paragraph as crawled, the deck, the lead's first words)
DECKS = [
    # the page's line break left as a no-break space after the deck's last line
    (
        "청솔군, 스마트팜 단지 조성 / 2027년까지 120억원 투입 / 송림면 일대 30㏊ 규모\xa0" + BODY,
        "청솔군, 스마트팜 단지 조성 / 2027년까지 120억원 투입 / 송림면 일대 30㏊ 규모",
        "청솔군은 30일",
    ),
    # ... among spaces; a deck whose lines are joined by an ellipsis
    (
        "협약식에 농민 50명 참석…군수 “판로까지 책임진다” \xa0 " + BODY,
        "협약식에 농민 50명 참석…군수 “판로까지 책임진다”",
        "청솔군은 30일",
    ),
    # the last line closes a quotation and the lead's first word is glued on
    (
        "청솔군 스마트팜 협약 / 군수 “판로까지 책임진다”" + BODY,
        "청솔군 스마트팜 협약 / 군수 “판로까지 책임진다”",
        "청솔군은 30일",
    ),
    # a straight mark closing a quoted word, the lead glued on; a later no-break space is the lead's
    (
        "청솔군 스마트팜 협약 / 2027년 완공 / 농민 단체 '환영'청솔군은 30일\xa0군청에서 지역 "
        "농협과 스마트팜 단지 조성 협약을 맺었다고 31일 밝혔다.",
        "청솔군 스마트팜 협약 / 2027년 완공 / 농민 단체 '환영'",
        "청솔군은 30일\xa0군청에서",
    ),
    # a quotation closed before a particle goes on, the no-break space after it ends the deck
    (
        "스마트팜 협약 / ‘청솔형’이란 이름 붙여\xa0" + BODY,
        "스마트팜 협약 / ‘청솔형’이란 이름 붙여",
        "청솔군은 30일",
    ),
]


@pytest.mark.parametrize(("paragraph", "deck", "lead"), DECKS)
def test_a_deck_glued_onto_the_lead_is_split_off(paragraph: str, deck: str, lead: str) -> None:
    got, rest = split_deck(paragraph)
    assert got == deck
    assert rest.startswith(lead)


@pytest.mark.parametrize(
    "paragraph",
    [
        BODY,  # no deck
        "청솔군은 30일\xa0군청에서 협약을 맺었다. 군수는 “판로까지 책임진다”고 말했다.",  # no mark
        # an opening straight mark glued on is inside the deck's line, not its end
        '스마트팜 협약 / 군수"판로까지 책임진다" ' + BODY,
        # a mark in the lead's own quotation, a no-break space far after it
        "군수는 “농민들이 … 기다려 온 일”이라며 청솔군은 30일 군청에서 지역 농협과 스마트팜"
        " 단지 조성 협약을 맺고 2027년까지 송림면 일대에\xa0단지를 짓기로 했다고 밝혔다.",
        # the deck's last line too short to be a deck before the lead
        "협약 / 체결\xa0" + BODY,
        # marks inside a quotation are the quoted words' (a review)
        "청솔군은 ‘청년 / 신혼부부’용 임대주택 500가구를 내년까지 공급하겠다고 30일 밝혔다.",
        # a run of plain spaces after a mark is a typo's as often
        "군은 물가 … 환율 등 대외 변수가  여전히 크다고 30일 밝혔다. 군은 대책을 세운다.",
    ],
)
def test_no_deck_is_taken_where_none_is_glued(paragraph: str) -> None:
    assert split_deck(paragraph) == (None, paragraph)


def test_an_extracted_article_keeps_the_glued_deck_apart_from_its_text() -> None:
    deck = "청솔군, 스마트팜 단지 조성 / 2027년까지 120억원 투입"
    got = extract(RawItem(origin="t", title="청솔군, 스마트팜 협약", text=f"{deck}\xa0{BODY}"))
    assert isinstance(got, Article)
    assert got.deck == deck
    assert got.text == BODY


def test_a_deck_survives_the_stores_json():
    from newsmoa.codec import article_from_json, article_to_json

    art = Article(id="a", text=BODY, title="청솔군 협약", deck="청솔군 협약 / 2027년 완공")
    assert article_from_json(article_to_json(art)) == art


BRIEF = (
    "해솔시는 4일 시청에서 여름철 안전점검 회의를 열었다고 밝혔다. "
    "회의에는 소방서와 경찰서 등 20개 기관이 참석했다."
)


@pytest.mark.parametrize(
    "glued",
    [
        "정하늘 기자 sky@nuri.example[ⓒ 누리신문, 무단전재 및 재배포 금지]",
        " <저작권자 © 누리신문 무단전재 및 재배포 금지>",  # a feed's plain-text summary
    ],
)
def test_a_brief_flattened_with_its_notice_keeps_its_text(glued):
    """A brief under 160 characters with its notice glued on was read as one notice line
    and dropped as having no body text (a black-box case)."""
    article = extract(RawItem(origin="x", text=BRIEF + glued, title="안전점검 회의"))
    assert isinstance(article, Article)
    assert (article.text, article.outlet) == (BRIEF, "누리신문")


def test_a_notice_of_its_own_sentence_stays_a_notice():
    notice = "본 기사는 저작권법의 보호를 받습니다. 무단 전재 및 재배포를 금합니다."
    article = extract(RawItem(origin="x", text=f"{BRIEF}\n\n{notice}", title="안전점검 회의"))
    assert isinstance(article, Article) and article.text == BRIEF


@pytest.mark.parametrize(
    ("glued", "reporter"),
    [(" 정하늘 기자", "정하늘"), ("정하늘 기자 sky@nuri.example", "정하늘"), (" ⓒ 누리신문", None)],
)
def test_a_brief_of_a_headlines_length_is_no_headline(glued, reporter):
    """Two sentences and a signature or bare notice on one line of under 100 characters read
    as a headline-shaped line, and the brief was dropped as having no body text."""
    brief = "해솔시는 4일 안전점검 회의를 열었다고 밝혔다. 회의에는 20개 기관이 참석했다."
    article = extract(RawItem(origin="x", text=brief + glued, title="안전점검 회의"))
    assert isinstance(article, Article)
    assert (article.text, article.reporter) == (brief, reporter)


@pytest.mark.parametrize(
    "glued",
    [
        "ⓒ 누리신문 무단전재 및 재배포 금지",
        " <저작권자 © 누리신문, 무단 전재 및 재배포 금지>",
        # the notice's own sentences go with it
        " 이 기사의 저작권은 누리신문에 있습니다. 본 기사는 저작권법의 보호를 받습니다."
        " ⓒ 누리신문 무단전재 및 재배포 금지",
    ],
)
def test_a_one_sentence_brief_with_its_notice_glued_on_keeps_its_text(glued):
    """One sentence under 60 characters before a glued notice was read as the notice's own,
    and the brief was dropped as having no body text (a black-box case)."""
    brief = "해솔시는 4일 시청에서 안전점검 회의를 열었다."
    article = extract(RawItem(origin="x", text=f"안전점검 회의\n\n{brief}{glued}\n"))
    assert isinstance(article, Article)
    assert (article.text, article.outlet) == (brief, "누리신문")


@pytest.mark.parametrize(
    "credit",
    [" 사진=해솔시 제공", "(사진=해솔시 제공)", " /사진=뉴시스", " 해솔시 제공", "[사진=해솔시]"],
)
def test_a_brief_with_its_photo_credit_glued_on_keeps_its_text(credit):
    """A one-sentence brief with its photo's credit glued on was read as a headline or a
    caption, and dropped as having no body text (a black-box case)."""
    brief = "해솔시는 4일 시청에서 안전점검 회의를 열었다."
    article = extract(RawItem(origin="x", text=f"안전점검 회의\n\n{brief}{credit}\n"))
    assert isinstance(article, Article)
    assert (article.title, article.text, article.captions) == ("안전점검 회의", brief, ())


def test_a_photos_credit_glued_on_the_last_paragraph_leaves_the_text():
    """`사진=해솔시 제공` glued after the last sentence stayed in the text (the credit's
    pattern ended at its first word); a caption showing what happens stays a caption."""
    text = (
        "안전점검 회의\n\n해솔시는 4일 시청에서 안전점검 회의를 열었다고 밝혔다.\n\n"
        "시장이 회의에서 인사말을 하고 있다.(사진=해솔시 제공)\n\n"
        "회의에는 소방서와 경찰서 등 20개 기관이 참석했다. 사진=해솔시 제공\n"
    )
    article = extract(RawItem(origin="x", text=text))
    assert isinstance(article, Article)
    assert article.text == (
        "해솔시는 4일 시청에서 안전점검 회의를 열었다고 밝혔다.\n"
        "회의에는 소방서와 경찰서 등 20개 기관이 참석했다."
    )
    assert article.captions == ("시장이 회의에서 인사말을 하고 있다.(사진=해솔시 제공)",)


@pytest.mark.parametrize("glued", ["ⓒ 누리신문", " [ⓒ 누리신문]", " Ⓒ누리신문"])
def test_a_bare_notice_glued_on_a_brief_names_its_outlet(glued):
    """A bare mark and name glued after a brief's last sentence was taken off its text but
    named no outlet, as the same notice on a line of its own does (a black-box case)."""
    brief = "해솔시는 4일 안전점검 회의를 열었다고 밝혔다. 회의에는 20개 기관이 참석했다."
    article = extract(RawItem(origin="x", text=f"안전점검 회의\n\n{brief}{glued}\n"))
    assert isinstance(article, Article)
    assert (article.text, article.outlet) == (brief, "누리신문")
