"""The extraction shortcuts give what the plain definitions they replace give."""

from __future__ import annotations

import re
from itertools import zip_longest

import pytest

from newsmoa.extract.boilerplate import _tokens, is_copyright, is_furniture
from newsmoa.extract.lines import ends_sentence
from newsmoa.text.normalize import (
    _SPACE_RE,
    clean_whitespace,
    comparison_key,
    half_surrogate,
    key_length_at_least,
)

TOKEN = re.compile(r"[^\s|/·,]+")  # the definition `_tokens` replaces
TRICKY = [
    "",
    "   ",
    "보통 문장입니다. 한 칸씩 띄어 씁니다.",
    "두  칸과\t탭,\u00a0줄바꿈 없는 공백\u3000그리고\u200b폭 없는 공백",
    "공유|페이스북/트위터·카카오톡,  밴드 | 폰트키우기 | 인쇄",
    "\u2003em\u2009thin\u202fnarrow\u205fmath\u1680ogham\x1c\x1d\x1e\x1f\x85",
    "e\u0301 ﬁ ①② Ａ Ｂ ᄀ\u1161\u11a8 İ ΟΔΟΣ·Β",
    "△ 목록 ▲ 항목 — “따옴표” ‘작은’",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tokens_are_the_token_regex(text: str) -> None:
    assert _tokens(text) == TOKEN.findall(text)


@pytest.mark.parametrize(
    "text", [*TRICKY, "\ud800", "앞\udfff뒤", "\ud83d\ude00", "😀", "\ud7ff\ue000"]
)
def test_half_surrogate_is_a_code_point_in_the_surrogate_range(text: str) -> None:
    assert half_surrogate(text) == any("\ud800" <= c <= "\udfff" for c in text)


@pytest.mark.parametrize("text", TRICKY)
def test_clean_whitespace_is_the_space_regex(text: str) -> None:
    plain = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    assert clean_whitespace(text) == _SPACE_RE.sub(" ", plain)


def test_key_length_reads_paragraphs_like_the_joined_text() -> None:
    paragraphs = [p for p in TRICKY if p] + ["\u1100", "\u1161", "a\u0301", "\u0301b"]
    for start in range(len(paragraphs)):
        for end in range(start, len(paragraphs) + 1):
            part = paragraphs[start:end]
            total = len(comparison_key("\n".join(part)))
            for n in (0, 1, 5, 20, total, total + 1):
                assert key_length_at_least(part, n) == (total >= n), (part, n)


def test_furniture_line() -> None:
    assert is_furniture("공유 | 페이스북 | 트위터 | 인쇄 | 폰트키우기")
    assert not is_furniture("시장은 공유 경제를 키우겠다고 말했다.")


def test_furniture_stops_early_only_when_the_share_is_out_of_reach() -> None:
    from newsmoa.extract.tables import boilerplate_words

    word = sorted(boilerplate_words())[0]
    for words, others in [(2, 0), (2, 1), (3, 2), (6, 4), (6, 5), (5, 0), (1, 0), (4, 3)]:
        for order in ("words first", "others first", "mixed"):
            tokens = [word] * words + ["문장"] * others
            if order == "others first":
                tokens.reverse()
            elif order == "mixed":
                pairs = zip_longest([word] * words, ["문장"] * others)
                tokens = [t for pair in pairs for t in pair if t is not None]
            expected = words >= 2 and words / len(tokens) >= 0.6
            line = " | ".join(tokens)
            assert is_furniture(line) == expected, (words, others, order)


SENTENCE_END = re.compile(r"(?:[다요죠음함됨임][.!?]?|[.!?。])[\"'”’)\]]*\s*$")  # the definition


@pytest.mark.parametrize(
    "line",
    [
        *TRICKY,
        "발표했다",
        "발표했다.",
        "“좋아요”",
        "정말요?!",
        "끝났다.)",
        "끝났다 )",
        "끝났다'\"",
        "))",
        "제목만 있는 줄",
        "Headline with a dot.",
        "물음표?」",
        "。",
        "임",
    ],
)
def test_ends_sentence_is_the_sentence_end_regex(line: str) -> None:
    stripped = line.strip()
    assert ends_sentence(stripped) == bool(SENTENCE_END.search(stripped))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Copyright © 2024 Newsmoa. All rights reserved.", True),
        ("COPYRIGHT 2024", True),
        ("all Rights  RESERVED", True),
        ("ⓒ 한국일보 all", True),
        ("Ⓒ 한국일보", True),
        ("[Ⓒ 뉴스통신 & 매체]", True),
        ("<저작권자 ⓒ 뉴스통신, 무단 전재 및 재배포 금지>", True),
        ("시는 저작권 교육을 열었다.", False),
        ("All the rights of citizens were discussed.", False),
    ],
)
def test_copyright_lines_latin_words_in_any_case(line: str, expected: bool) -> None:
    assert is_copyright(line) is expected
