"""Folding: what a shingle is made of, and that the compiled pass equals the reference."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from newsmoa.dedup import fold_text, folded_text, jaccard, shingle_set


def test_fold_drops_spaces_punctuation_and_bullets() -> None:
    assert (
        fold_text("△ 지역의 정책 개발, ▲국제교류! ▶ (학술대회)") == "지역의정책개발국제교류학술대회"
    )


def test_fold_lowercases_and_unifies_width_and_accents() -> None:
    assert fold_text("NEWS Café １９일 ＡＢ") == "newscafe19일ab"


def test_fold_keeps_hangul_digits_and_cjk() -> None:
    assert fold_text("2015년 3월 完州郡 𠀀") == "2015년3월完州郡𠀀"


def test_fold_drops_emoji_and_symbols() -> None:
    assert fold_text("좋아요👍 공유하기 © ™ ★") == "좋아요공유하기"


def test_decomposed_hangul_folds_like_composed() -> None:
    text = "완주군과 희망제작소는 협약을 맺었다"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert fold_text(nfd) == fold_text(text) == "완주군과희망제작소는협약을맺었다"
    assert folded_text(nfd) == folded_text(text)


def test_shingle_set_by_hand() -> None:
    assert shingle_set("abcdef") == {"abcde", "bcdef"}
    assert shingle_set("ab cd,ef") == {"abcde", "bcdef"}
    assert shingle_set("abcd") == set()
    assert jaccard(shingle_set("abcdef"), shingle_set("abcdeg")) == 1 / 3
    assert jaccard(set(), {"abcde"}) == 0.0


KOREANISH = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xAC40),
        st.characters(min_codepoint=0x1100, max_codepoint=0x11FF),  # conjoining jamo
        st.characters(min_codepoint=0x3130, max_codepoint=0x318F),  # compatibility jamo
        st.sampled_from(" \n\t.,·△▲▶“”'\"-()ÉéAaZz09１２Ｆ"),
        st.characters(),
    ),
    max_size=80,
)


@given(KOREANISH)
def test_compiled_fold_equals_reference(text: str) -> None:
    assert folded_text(text) == fold_text(text)
