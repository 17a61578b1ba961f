"""What a county release's reprints add around the report: a note on how the article was
written, a byline lead-in before a bar, a release's dated letterhead line, a photo's
placeholder (texts written for these tests)."""

import pytest

from newsmoa.extract.article import extract
from newsmoa.types import Article, RawItem

LEAD = "전북 청림군은 23일 군청 대회의실에서 농협은행과 귀농인 정착 지원 업무협약을 체결했다."
SECOND = "협약에 따라 농협은행은 귀농인에게 최대 3억원의 저리 융자를 제공한다."


def _article(text: str) -> Article:
    got = extract(RawItem(origin="t.txt", text=text))
    assert isinstance(got, Article), got
    return got


@pytest.mark.parametrize(
    "note",
    [
        "※ 이 기사는 청림군이 제공한 보도자료를 바탕으로 작성됐습니다.",
        "이 기사는 보도자료를 토대로 작성되었습니다",
        "본 기사는 청림군 보도자료를 기초로 작성했습니다.",
        "※ 이 기사는 청림군 보도자료입니다.",
        "※ 이 기사는 청림군의 보도자료를 토대로 작성한 기사입니다.",
        "☞ 이 기사는 청림군이 배포한 보도자료입니다",
    ],
)
def test_a_note_on_how_a_reprint_was_written_is_no_sentence_of_it(note):
    a = _article(f"청림군, 귀농인 정착 지원 협약\n\n{LEAD}\n\n{SECOND}\n\n{note}\n")
    assert a.text == f"{LEAD}\n{SECOND}"


@pytest.mark.parametrize(
    "note",
    [
        "This story was written from a county news release.",
        "[Editor's note] This article was produced based on a press release from the county.",
    ],
)
def test_an_english_release_note_is_no_sentence_of_the_report(note):
    text = (
        "Cheongrim County Signs Farm Settlement Pact\n\n"
        "Cheongrim County signed an agreement with NongHyup Bank on Monday to help new "
        f"farmers settle.\n\nThe bank will offer loans of up to 300 million won.\n\n{note}\n"
    )
    assert "release" not in _article(text).text


def test_a_sentence_reporting_a_release_stays():
    said = "청림군은 이 기사는 보도자료를 바탕으로 작성됐다는 지적에 대해 해명했다."
    a = _article(f"청림군, 귀농인 정착 지원 협약\n\n{LEAD}\n\n{said}\n")
    assert a.text.endswith(said)


@pytest.mark.parametrize(
    ("lead", "outlet"),
    [
        ("호남타임스 박준서 기자 | ", "호남타임스"),
        ("호남타임스 박준서 기자 ㅣ ", "호남타임스"),
        ("박준서 기자 | ", None),
        ("전북의소리 박준서 기자 | ", None),
    ],
)
def test_a_byline_before_a_bar_signs_and_leaves_the_lead(lead, outlet):
    a = _article(f"청림군, 귀농인 정착 지원 협약\n\n{lead}{LEAD}\n\n{SECOND}\n")
    assert (a.text, a.reporter, a.outlet) == (f"{LEAD}\n{SECOND}", "박준서", outlet)


def test_a_signature_before_a_bar_and_a_date_is_no_lead():
    a = _article(
        f"청림군, 귀농인 정착 지원 협약\n호남타임스 박준서 기자 | 2026.11.23 15:20\n\n{LEAD}\n"
    )
    assert (a.text, a.reporter) == (LEAD, "박준서")


@pytest.mark.parametrize("contact", ["", "\n담당: 청솔군 농업정책과 (☎ 063-123-4567)\n"])
def test_a_releases_issuer_and_date_under_its_label_are_its_date_line(contact):
    a = _article(
        "보도자료\n청솔군 2026.11.24.(화)\n청솔군, 귀농인 정착 지원 협약 체결\n\n"
        f"{LEAD}\n\n{SECOND}\n{contact}"
    )
    assert (a.title, a.published.date().isoformat(), a.outlet, a.is_release) == (
        "청솔군, 귀농인 정착 지원 협약 체결",
        "2026-11-24",
        "청솔군",
        True,
    )


def test_a_name_no_body_ends_with_before_a_date_is_no_date_line():
    a = _article(f"귀농 2026.11.24.(화)\n\n{LEAD}\n\n{SECOND}\n")
    assert a.title == "귀농 2026.11.24.(화)"


@pytest.mark.parametrize("marker", ["(청솔·완주=연합뉴스)", "[청솔ㆍ완주=뉴시스]"])
def test_a_marker_joining_two_towns_files_from_the_first(marker):
    a = _article(f"청솔·완주, 광역 교통망 협약\n\n{marker} 이도윤 기자 = {LEAD}\n\n{SECOND}\n")
    assert (a.dateline_place, a.reporter, a.text) == ("청솔", "이도윤", f"{LEAD}\n{SECOND}")


CAPTION = "▲ 23일 박지훈 청림군수와 이수정 본부장이 협약서에 서명하고 있다. /청림군 제공"


def test_a_marked_caption_glued_after_the_last_sentence_is_a_caption():
    a = _article(f"청림군, 귀농인 정착 지원 협약\n\n{LEAD}\n\n{SECOND} {CAPTION}\n")
    assert (a.text, a.captions) == (f"{LEAD}\n{SECOND}", (CAPTION,))


def test_a_list_glued_after_the_last_sentence_stays():
    items = "지원 내용은 다음과 같다. ▲ 귀농 융자 ▲ 주택 수리비 지원."
    a = _article(f"청림군, 귀농인 정착 지원 협약\n\n{LEAD}\n\n{items}\n")
    assert a.text.endswith(items)


@pytest.mark.parametrize("placeholder", ["(사진)", "<사진>", "[사진 첨부]", "<사진1>", "(Photo)"])
@pytest.mark.parametrize("where", ["lead", "headline"])
def test_a_pictures_placeholder_is_neither_text_nor_caption(placeholder, where):
    if where == "lead":
        text = f"청림군, 귀농인 정착 지원 협약\n\n{LEAD}\n\n{placeholder}\n\n{SECOND}\n"
    else:
        text = f"청림군, 귀농인 정착 지원 협약\n{placeholder}\n\n{LEAD}\n\n{SECOND}\n"
    a = _article(text)
    assert (a.title, a.text, a.captions) == (
        "청림군, 귀농인 정착 지원 협약",
        f"{LEAD}\n{SECOND}",
        (),
    )


def test_a_caption_closing_with_its_placeholder_stays_a_caption():
    caption = "박지훈 청림군수 (사진)"
    a = _article(f"청림군, 귀농인 정착 지원 협약\n\n{LEAD}\n\n{caption}\n\n{SECOND}\n")
    assert a.captions == (caption,)


ENGLISH = (
    "Cheongrim County Signs Farm Pact\n\n{byline}\n\nCheongrim County signed an agreement "
    "with NongHyup Bank on Monday to help new farmers settle.\n\nThe bank will offer loans "
    "of up to 300 million won.\n"
)


@pytest.mark.parametrize(
    ("byline", "reporter", "outlet"),
    [
        ("By Lee Ji-won", "Lee Ji-won", None),
        ("By KIM MIN-JI, Korea JoongAng Daily", "Kim Min-ji", "Korea JoongAng Daily"),
        ("By CHOI YOUNG-JUN, The Korea Herald", "Choi Young-jun", "코리아헤럴드"),
        ("By JANE SMITH-JONES", "Jane Smith-Jones", None),
        ("By Jane McDonald", "Jane McDonald", None),
    ],
)
def test_an_english_bylines_name_is_written_as_a_reader_writes_it(byline, reporter, outlet):
    a = _article(ENGLISH.format(byline=byline))
    assert (a.reporter, a.outlet) == (reporter, outlet)


def test_a_marked_headline_ending_as_a_sentence_leaves_the_text():
    a = _article(f"[전북일보] 청림군, 귀농인 정착 지원 나선다\n\n{LEAD}\n\n{SECOND}\n")
    assert (a.title, a.outlet, a.text) == (
        "청림군, 귀농인 정착 지원 나선다",
        "전북일보",
        f"{LEAD}\n{SECOND}",
    )


@pytest.mark.parametrize(
    ("signed", "reporter", "email", "outlet"),
    [
        (
            "Park Jun-seo pjs@koreatimes.co.kr",
            "Park Jun-seo",
            "pjs@koreatimes.co.kr",
            "코리아타임스",
        ),
        ("Jane Roe, jane.roe@example.com", "Jane Roe", "jane.roe@example.com", None),
        ("Contact Us info@example.com", None, None, None),
    ],
)
def test_an_english_writers_name_and_email_closing_the_text_sign_it(
    signed, reporter, email, outlet
):
    a = _article(ENGLISH.format(byline="") + f"\n{signed}\n")
    assert (a.reporter, a.email, a.outlet) == (reporter, email, outlet)
    assert "@" not in a.text


RELEASE = """청솔군 보도자료
배포일시: 2026. 11. 24.(화) 10:00
보도일시: 즉시 보도 가능
담당부서: 농업정책과 귀농지원팀
사진: 있음 (2매)

청솔군, 귀농인 정착 지원 협약 체결

{lead}

{second}

붙임: 협약식 사진 2매. 끝.
"""


def test_a_releases_fields_are_neither_its_headline_nor_its_text():
    a = _article(RELEASE.format(lead=LEAD, second=SECOND))
    assert (a.title, a.subtitle, a.text) == (
        "청솔군, 귀농인 정착 지원 협약 체결",
        None,
        f"{LEAD}\n{SECOND}",
    )


def test_a_photos_credit_labelled_as_a_field_is_no_field():
    a = _article(f"청림군, 귀농인 정착 지원 협약\n\n{LEAD}\n\n{SECOND}\n\n사진: 청림군 제공\n")
    assert "사진: 청림군 제공" not in a.text


def test_a_releases_deck_between_dashes_is_its_subtitle_without_them():
    head = "청솔군, 귀농인 정착 지원 협약 체결\n- 농협은행과 최대 3억원 저리 융자 지원 -\n\n"
    a = _article(f"{head}{LEAD}\n\n{SECOND}\n")
    assert a.subtitle == "농협은행과 최대 3억원 저리 융자 지원"


def test_a_reporters_marker_before_a_photos_caption_makes_it_a_caption():
    caption = "[호남타임스=박준서 기자] 청솔군청 전경.(사진=청솔군 제공)"
    a = _article(f"청림군, 귀농인 정착 지원 협약\n\n{caption}\n\n[호남타임스=박준서 기자] {LEAD}\n")
    assert (a.text, a.captions, a.reporter) == (LEAD, (caption,), "박준서")


def test_a_pages_links_after_the_text_are_none_of_it():
    links = "박준서 기자의 다른 기사 보기\n\n▶ 네이버에서 호남타임스를 구독하세요!\n"
    a = _article(f"청림군, 귀농인 정착 지원 협약\n\n{LEAD}\n\n{SECOND}\n\n{links}")
    assert a.text == f"{LEAD}\n{SECOND}"


def test_a_note_glued_after_the_last_sentence_leaves_it():
    note = "※ 이 기사는 청림군이 제공한 보도자료를 바탕으로 작성됐습니다."
    a = _article(f"청림군, 귀농인 정착 지원 협약\n\n{LEAD}\n\n{SECOND} {note}\n")
    assert a.text == f"{LEAD}\n{SECOND}"
