"""Hard-wrapped text (a release sent as mail, wrapped at a fixed width) is read as the same
article as the text it was wrapped from; text that is not wrapped is left as it is."""

import textwrap

from newsmoa.extract.article import extract
from newsmoa.extract.wrapped import columns, unwrap
from newsmoa.types import RawItem

TITLE = "완주군, 농협과 로컬푸드 공급 협약"
PARAGRAPHS = (
    "완주군은 31일 군청에서 지역 농협과 로컬푸드 공급 협약을 체결했다고 밝혔다. 이번 협약으로"
    " 학교 급식에 지역 농산물이 공급된다. 군은 올해 2억원을 들여 물류센터를 짓는다. 물류센터는"
    " 내년 상반기 문을 열며, 하루 20t의 농산물을 선별하고 포장해 학교와 공공기관에 보낸다.",
    '박성일 완주군수는 "지역 농업의 새로운 전기가 될 것"이라며 "농가 소득도 늘 것"이라고 말했다.'
    " 협약에 따라 농협은 매주 두 차례 관내 초·중·고교 42곳에 채소와 과일을 공급하고, 군은 품질"
    " 검사와 운송비 일부를 맡는다. 군은 내년부터 공공기관 구내식당으로 공급처를 넓힐 계획이다.",
)


def _text(paragraphs, width=None, fill=textwrap.fill):
    body = "\n\n".join(fill(p, width) if width else p for p in paragraphs)
    return f"{TITLE}\n\n{body}"


def _fill_columns(paragraph, width):
    """What an editor or a terminal does: at most `width` columns, a syllable taking two."""
    lines, line = [], ""
    for word in paragraph.split():
        if line and columns(line) + 1 + columns(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def test_columns_count_a_hangul_syllable_twice():
    assert columns("완주 ab") == 7


def test_a_release_wrapped_at_any_width_is_the_article_it_was_wrapped_from():
    """Wrapped by characters (Python's textwrap) or by columns (an editor). Before, the
    wrapped lines had no sentence ending, were read as headlines and dropped:
    at 30 columns two of four lines were lost and the first was taken for a subtitle."""
    plain = extract(RawItem(origin="plain.txt", text=_text(PARAGRAPHS)))
    cases = [(w, textwrap.fill) for w in (30, 40, 60, 72)] + [(w, _fill_columns) for w in (70, 80)]
    for width, fill in cases:
        wrapped = _text(PARAGRAPHS, width, fill)
        assert wrapped.count("\n") > 4
        got = extract(RawItem(origin=f"w{width}.txt", text=wrapped))
        assert (got.title, got.subtitle, got.text) == (plain.title, None, plain.text), width
        assert got.id == plain.id, width


def test_text_that_is_not_wrapped_is_left_as_it_is():
    one_a_line = _text(PARAGRAPHS)  # a paragraph a line, wider than any wrap
    sentences = "\n".join(s.strip() + "." for s in PARAGRAPHS[0].split(".") if s.strip())
    listed = (
        "참석자\n- 완주군수 박성일, 완주 로컬푸드 협동조합 이사장 홍길동 외 관계자\n- 농협 조합장"
    )
    numbered = "일정 안내는 다음과 같으며 세부 사항은 추후 공지될 예정이다 그리고 또한\n1. 협약식"
    for text in (one_a_line, sentences, listed, numbered, "제목 하나뿐"):
        assert unwrap(text) == text


def test_one_wrapped_line_is_not_enough_to_take_a_text_for_wrapped():
    """A headline over two lines, the rest a paragraph a line: the writer's breaks."""
    text = "완주군, 농협과 로컬푸드 공급 협약\n학교 급식에 지역 농산물\n\n" + PARAGRAPHS[0]
    assert unwrap(text) == text


def test_a_table_a_list_or_a_headline_is_no_wrapped_paragraph():
    """Lines of one width by chance are no wrapper's: an election table's rows (cells apart
    by spaces), a list of attendees one a line, a headline over a short lead (a review:
    each became one line, the headline glued into the body)."""
    table = (
        "[속보] 제22대 국회의원 선거 전북 지역구 개표 결과\n"
        "전북 10개 선거구의 개표가 11일 오전 모두 끝났다.\n"
        "전주시갑   더불어민주당 김윤덕   당선   득표율 60.1%\n"
        "전주시을   더불어민주당 이성윤   당선   득표율 55.3%\n"
        "전주시병   더불어민주당 정동영   당선   득표율 70.2%\n"
        "익산시갑   더불어민주당 이춘석   당선   득표율 65.8%\n"
        "투표율은 67.0%로 집계됐다."
    )
    attendees = (
        "Signing ceremony in Wanju\n"
        "Those present were\n"
        "Mayor Park Sung-il of Wanju County, Chairman Hong Gil-dong\n"
        "Deputy Mayor Kim Chul-soo, Secretary General Lee Young-hee\n"
        "Director Choi Min-ho of the Wanju Local Food Cooperative"
    )
    for text in (table, attendees):
        assert unwrap(text) == text


def test_a_long_headline_or_a_link_does_not_hide_the_wrapped_paragraphs():
    """The width was the longest line's: a subject longer than the wrap, or a link's line,
    left a wrapped release as it was and its lines were lost (a review)."""
    body = "\n\n".join(textwrap.fill(p, 40) for p in PARAGRAPHS)
    plain = extract(RawItem(origin="p.txt", text=_text(PARAGRAPHS))).text
    long_title = "완주군, 지역 농협과 로컬푸드 공급 협약 체결…학교 급식에 지역 농산물 공급, 물류센터도 짓는다"
    link = "https://www.wanju.go.kr/board/view?seq=123456789&menu=press&page=1&" + "x" * 100
    for text in (f"{long_title}\n\n{body}", f"{TITLE}\n\n{body}\n\n{link}"):
        got = extract(RawItem(origin="w.txt", text=text))
        assert got.text.startswith(plain), text[:30]
    # a wrapped line may end where the next begins with a year ("2024." is no item's number)
    dated = (
        "군은 이 사업을 처음 시작한 날이 2024. 5. 1.이었다고 밝혔고 올해도 예산을 늘려 사업을 "
        "이어가기로 했다고 군 관계자가 설명했다. 군은 내년에도 사업을 넓혀 농가 소득을 높이겠다고 했다."
    )
    wrapped = textwrap.fill(dated, 18)
    assert "날이\n2024." in wrapped
    assert unwrap(f"제목\n\n{wrapped}") == f"제목\n\n{dated}"


def test_a_titled_texts_first_line_and_sentences_apart_by_two_spaces_are_unwrapped():
    """A review: with the headline given apart (a JSONL line's title) the body's first
    line was taken for a headline and lost; two spaces after a sentence's stop, as some
    editors write them, made every line a table's row and nothing was joined."""
    body = textwrap.fill(" ".join(PARAGRAPHS), 30)
    got = extract(RawItem(origin="x.jsonl:1", text=body, title="청솔군 협약"))
    assert got.text == " ".join(PARAGRAPHS)
    english = (
        "The county signed the agreement on Monday.  It will open a food hub next spring.  "
        "Schools in the county will buy vegetables from local farms twice a week.  The deal "
        "runs for five years and may be extended if both sides agree to it."
    )
    wrapped = textwrap.fill(english, 50, fix_sentence_endings=True)
    assert ".  " in wrapped
    assert unwrap(f"Wanju signs deal\n\n{wrapped}") == f"Wanju signs deal\n\n{english}"


def test_a_table_whose_cells_end_in_a_bracket_and_lines_padded_to_their_width():
    """A review: cells ending in ")" were no longer cell gaps, so a table's rows were joined;
    lines padded with spaces to the width hid the wrapper's breaks from the first look."""
    table = (
        "지역별 결과는 다음과 같다.\n서울(강남구)  찬성 55.3\n부산(해운대)  찬성 48.1\n"
        "대구(수성구)  찬성 61.0\n광주(북구)    찬성 39.9\n결과는 다음 주 확정된다."
    )
    assert unwrap(table, titled=True) == table
    body = " ".join(PARAGRAPHS)
    padded = "\n".join(line.ljust(70) for line in textwrap.wrap(body, 30))
    assert unwrap(f"제목\n\n{padded}") == f"제목\n\n{body}"
