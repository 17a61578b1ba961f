"""Hard-wrapped text (a release sent as mail, wrapped at a fixed width) is read as the same
article as the text it was wrapped from; text that is not wrapped is left as it is."""

import textwrap

from newsmoa.extract.article import extract
from newsmoa.extract.wrapped import columns, unwrap
from newsmoa.types import RawItem

TITLE = "완주군, 농협과 로컬푸드 공급 협약"
PARAGRAPHS = (
    "완주군은 31일 군청에서 지역 농협과 로컬푸드 공급 협약을 체결했다고 밝혔다. 이번 협약으로"
    " 학교 급식에 지역 농산물이 공급된다. 군은 올해 2억원을 들여 물류센터를 짓는다.",
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
