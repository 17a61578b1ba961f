"""Which script an article is written in, by its letters: the facts stage reads Korean
articles with Kiwi and the Korean tables, English ones with the English tables.

An article is English when its Latin letters outnumber its Hangul syllables four to one
(`ENGLISH_RATIO`): a Korean report keeps its English names (`MOU`, `Apple`), acronyms and a
quoted English title far below that, an English one may quote a Korean name.
"""

from __future__ import annotations

ENGLISH_RATIO = 4.0


def english(text: str) -> bool:
    """Whether `text` is written in English rather than Korean (see the module)."""
    hangul = latin = 0
    for c in text:
        if "가" <= c <= "힣":
            hangul += 1
        elif c.isascii() and c.isalpha():
            latin += 1
    return latin > 0 and latin >= ENGLISH_RATIO * hangul
