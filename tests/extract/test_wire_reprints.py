"""Korean wires' reprints as outlets send them (texts written for these tests): each wire
marks its photos' captions its own way, and closes with its own signature."""

import pytest

from newsmoa.extract.article import extract
from newsmoa.extract.bylines import leading_byline, signature
from newsmoa.extract.lines import Kind, classify
from newsmoa.types import Article, RawItem

HEAD = "청솔군, 귀농인 정착지원금 1천만원으로 상향"
LEAD = "전북 청솔군은 내년부터 귀농인 정착지원금을 가구당 1천만원으로 늘린다고 24일 밝혔다."
MORE = "군은 이를 위해 내년 예산에 15억원을 편성했다."


def _read(*lines: str) -> Article:
    got = extract(RawItem(id="a", text="\n\n".join(lines) + "\n", origin="a.txt"))
    assert isinstance(got, Article)
    return got


@pytest.mark.parametrize(
    "caption",
    [
        # Newsis: its marker, the caption, the credit, the day and the photo desk's address
        "[청솔=뉴시스] 청솔군청 전경. (사진=청솔군 제공) 2026.11.24. photo@newsis.com "
        "*재판매 및 DB 금지",
        "[청솔=뉴시스] 김영수 군수가 협약서에 서명하고 있다. (사진=청솔군 제공) 2026.11.24. "
        "photo@newsis.com",
        "(사진=청솔군 제공) 2026.11.24. photo@newsis.com",
        # Yonhap: its credit in brackets with its resale notice, or a file photo's
        "▲ 청솔군청 전경 [청솔군 제공. 재판매 및 DB 금지]",
        "청솔군청 전경 [청솔군 제공. 재판매 및 DB 금지]",
        "청솔군청 전경 [연합뉴스 자료사진]",
        "[연합뉴스 자료사진]",
        "[촬영 김민지]",
        # News1: the credit and the day before `/뉴스1`
        "청솔군청 전경.(청솔군 제공)/뉴스1",
        "청솔군청 전경. (청솔군 제공) 2026.11.24/뉴스1",
    ],
)
def test_a_wire_s_photo_caption_between_paragraphs_is_a_caption(caption):
    """Each stayed in the text (`2026.11.24. photo@newsis.com` a sentence of the story, and
    its day a date fact), or named the outlet (`[연합뉴스 자료사진]` as a station `[KBS
    청주]` is)."""
    got = _read(HEAD, f"[청솔=뉴시스] 이준호 기자 = {LEAD}", caption, MORE)
    assert got.text == f"{LEAD}\n{MORE}"
    assert got.captions == (caption,)
    assert got.outlet == "뉴시스"


def test_a_wire_s_caption_above_its_lead_is_a_caption_and_the_lead_signs():
    caption = "[청솔=뉴시스] 김영수 군수가 간담회를 하고 있다. (사진=청솔군 제공) 2026.11.24."
    got = _read(HEAD, caption, f"[청솔=뉴시스] 이준호 기자 = {LEAD}", MORE)
    assert (got.text, got.captions, got.reporter) == (f"{LEAD}\n{MORE}", (caption,), "이준호")


def test_a_marker_before_a_brief_with_its_credit_glued_on_is_still_the_lead():
    """A report's sentence before the credit (`…열었다.`) is no photo's caption."""
    line = classify(0, "[청솔일보] 청솔군이 준공식을 열었다.(사진=청솔군 제공)")
    assert line.kind is Kind.BYLINE and line.byline is not None
    assert line.byline.outlet == "청솔일보"


def test_a_label_s_date_and_address_are_no_lead_s_sentences():
    assert leading_byline("(사진=청솔군 제공) 2026.11.24. photo@newsis.com") is None
    lead = leading_byline("[사진=연합뉴스] 정부가 예산안을 발표했다. 규모는 3% 늘었다.")
    assert lead is not None and lead.rest.startswith("정부가")


def test_a_wire_s_closing_outlet_and_e_mail_give_the_reporter_s_address():
    """`◎공감언론 뉴시스 ljh@newsis.com` closes a Newsis report: it was left out with the
    address."""
    found = signature("◎공감언론 뉴시스 ljh@newsis.com")
    assert found is not None and (found.outlet, found.email) == ("뉴시스", "ljh@newsis.com")
    got = _read(
        HEAD, f"[청솔=뉴시스] 이준호 기자 = {LEAD}", MORE, "◎공감언론 뉴시스 ljh@newsis.com"
    )
    assert (got.email, got.text) == ("ljh@newsis.com", f"{LEAD}\n{MORE}")
    assert signature("청솔군청 민원실 help@cheongsol.go.kr") is None  # (no outlet's name)


@pytest.mark.parametrize(
    ("last", "tail", "kept"),
    [
        (
            "군은 이를 위해 내년 예산에 15억원을 편성했다.(끝)",
            (),
            "군은 이를 위해 내년 예산에 15억원을 편성했다.",
        ),
        ("군은 이를 위해 내년 예산에 15억원을 편성했다. (끝)", ("kmj@yna.co.kr",), None),
        (MORE, ("kmj@yna.co.kr (끝)",), None),
        (MORE, ("kmj@yna.co.kr", "(끝)"), None),
    ],
)
def test_a_wire_s_end_mark_closing_a_line_is_left_out(last, tail, kept):
    """`…편성했다.(끝)` no longer ended as a sentence: it was read as a title-like line after
    the body, and the report's last sentence was lost; `kmj@yna.co.kr (끝)` was no
    signature, and the reporter's address was lost."""
    got = _read(HEAD, f"(청솔=연합뉴스) 김민지 기자 = {LEAD}", last, *tail)
    assert got.text == f"{LEAD}\n{kept or last.removesuffix(' (끝)')}"
    assert "끝" not in got.text
    if tail:
        assert got.email == "kmj@yna.co.kr"


def test_an_english_wire_s_end_mark_is_left_out_and_one_inside_a_sentence_kept():
    got = _read(
        "Cheongsol doubles grant",
        "SEOUL, Nov. 24 (Yonhap) -- Cheongsol County said Tuesday it will double its grant.",
        "The county set aside 1.5 billion won in next year's budget. (END)",
    )
    assert got.text.endswith("in next year's budget.")
    assert (
        classify(0, "청솔군이 (끝)까지 간다고 밝혔다.").text == "청솔군이 (끝)까지 간다고 밝혔다."
    )


def test_a_wire_page_s_reporter_link_and_summary_label_are_no_subtitle():
    """`기자 페이지` under Yonhap's reporter and Newsis's `기사내용 요약` were the subtitle
    (the summary's own first line was lost under it)."""
    yna = _read(
        HEAD,
        "송고2026-11-24 14:05",
        "김민지 기자",
        "기자 페이지",
        f"(청솔=연합뉴스) 김민지 기자 = {LEAD}",
        MORE,
    )
    assert (yna.subtitle, yna.reporter) == (None, "김민지")
    newsis = _read(
        HEAD,
        "기사내용 요약",
        "청솔군, 내년부터 가구당 1천만원",
        "예산 15억원 편성",
        f"[청솔=뉴시스] 이준호 기자 = {LEAD}",
        MORE,
    )
    assert newsis.subtitle == "청솔군, 내년부터 가구당 1천만원"
    assert newsis.text == f"{LEAD}\n{MORE}"


@pytest.mark.parametrize(
    "last",
    [
        "군은 이를 위해 내년 예산에 15억원을 편성했다. kmj@yna.co.kr",
        "군은 이를 위해 내년 예산에 15억원을 편성했다.kmj@yna.co.kr(끝)",
        "군은 이를 위해 내년 예산에 15억원을 편성했다. /김민지 기자 kmj@yna.co.kr",
    ],
)
def test_a_last_sentence_with_its_signature_glued_on_stays_and_signs(last):
    """One sentence and the reporter's address on its line no longer ended as a sentence:
    read as a title-like line after the body, the report's last sentence was lost."""
    got = _read(HEAD, f"(청솔=연합뉴스) 김민지 기자 = {LEAD}", last)
    assert got.text == f"{LEAD}\n군은 이를 위해 내년 예산에 15억원을 편성했다."
    assert (got.reporter, got.email) == ("김민지", "kmj@yna.co.kr")


def test_a_contact_line_with_its_address_is_no_signed_sentence():
    for line in ("문의: 청솔군 농업정책과 김민수 주무관. kms@korea.kr", "청솔군, 귀농 지원 확대"):
        assert classify(0, line).kind is not Kind.BODY
    assert classify(
        0, "The plant will cost $18 million, Mayor Jane Roe said. jroe@ap.org"
    ).kind is (Kind.BODY)


@pytest.mark.parametrize(
    "caption",
    [
        "▲ 김영수 청솔군수(오른쪽)가 협약서에 서명하고 있다. /청솔군 제공",
        "김영수 청솔군수가 귀농인들과 간담회를 하고 있다. 청솔군 제공",
        "김영수 청솔군수가 귀농인들과 간담회를 하고 있다. © News1 박서연 기자",
        "청솔군청 전경. 청솔군 제공",
    ],
)
def test_a_caption_with_its_credit_after_its_stop_is_a_caption(caption):
    """Between two paragraphs such a line stayed in the text: a caption's own sentence with
    its credit after it, unbracketed, matched no caption's pattern."""
    got = _read(HEAD, f"(청솔=연합뉴스) 김민지 기자 = {LEAD}", caption, MORE)
    assert (got.text, got.captions) == (f"{LEAD}\n{MORE}", (caption,))


def test_a_report_s_sentence_before_a_credit_is_no_caption():
    line = "청솔군은 귀농인 정착지원금을 늘리는 조례를 공포했다. 청솔군 제공"
    assert classify(0, line).kind is not Kind.CAPTION
