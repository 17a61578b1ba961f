"""Which script an article is written in, by its letters: the facts stage reads Korean
articles with Kiwi and the Korean tables, English ones with the English tables.

An article is English when its Latin letters outnumber its Hangul syllables four to one
(`ENGLISH_RATIO`): a Korean report keeps its English names (`MOU`, `Apple`), acronyms and a
quoted English title far below that, an English one may quote a Korean name.
"""

from __future__ import annotations

from functools import lru_cache

ENGLISH_RATIO = 4.0


@lru_cache(maxsize=1024)
def english(text: str) -> bool:
    """Whether `text` is written in English rather than Korean (see the module). Asked of
    one article's text for each of its facts' quotes and claims, so it is kept for the
    texts asked last."""
    hangul = latin = 0
    for c in text:
        if is_hangul(c):
            hangul += 1
        elif c.isascii() and c.isalpha():
            latin += 1
    return latin > 0 and latin >= ENGLISH_RATIO * hangul


def is_hangul(c: str) -> bool:
    """Whether a character is a Hangul syllable (가-힣)."""
    return "가" <= c <= "힣"


def has_hangul(text: str) -> bool:
    """Whether any character of `text` is a Hangul syllable."""
    return any(is_hangul(c) for c in text)


def jamo(syllable: str) -> tuple[int, int, int] | None:
    """A Hangul syllable's letters as Unicode numbers them: (initial, vowel, final; a final
    of 0 is none, 8 is ㄹ), or None for any other character."""
    if not is_hangul(syllable):
        return None
    n = ord(syllable) - ord("가")
    return n // 588, (n % 588) // 28, n % 28
