"""Language-independent words for comparing articles, without a morphological analyser.

Hangul words lose a trailing particle or verb ending from a short list (완주군이 -> 완주군,
발표했다 -> 발표), which is what a noun-based bag of words needs and costs a dictionary
lookup; other scripts are lowercased. Numbers keep their unit (396억, 31일, 10%).
Boilerplate that every article of an outlet repeats (e-mails, links, copyright lines, inline
script) is removed before anything is counted, so it cannot make two articles look alike.
"""

from __future__ import annotations

import re
from functools import lru_cache

_URL = re.compile(r"(?:https?://|www\.)\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_FOOTER = re.compile(
    r"(?i)(?:copyright|ⓒ|©|\(c\))[^\n\]]{0,80}|무단\s*전재[^\n\]]{0,40}|all rights reserved"
)
_NO_HANGUL_RUN = re.compile(r"[^\uac00-\ud7a3\n]{30,}")
_CODE_MARKS = "{};=|$"
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*[%\uac00-\ud7a3]*|[\uac00-\ud7a3]+|[^\W\d_]+")

_ENDINGS_TEXT = (
    "에서는 에게서 으로서 으로써 으로는 에서도 에게는 까지는 부터는 이라고 이라는 이라며 "
    "라고 라는 라며 에서 에게 으로 께서 까지 부터 처럼 보다 마다 이나 이며 이고 이다 에는 "
    "에도 와는 과는 했다 했고 했으며 하고 하는 하며 하기 했던 하겠다 된다 됐다 되는 된 "
    "해 한 할 은 는 이 가 을 를 의 에 로 와 과 도 만 들"
)
_ENDINGS = tuple(sorted(_ENDINGS_TEXT.split(), key=len, reverse=True))


def _is_code(run: str) -> bool:
    return sum(run.count(c) for c in _CODE_MARKS) >= 3


def clean_for_features(text: str) -> str:
    """The text without links, e-mails, copyright lines and inline script."""
    text = _URL.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    text = _FOOTER.sub(" ", text)
    return _NO_HANGUL_RUN.sub(lambda m: " " if _is_code(m.group()) else m.group(), text)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A Hangul word without its trailing particle or ending (keeping >= 2 syllables)."""
    if not ("\uac00" <= word[-1] <= "\ud7a3"):
        return word.lower()
    for ending in _ENDINGS:
        if len(word) - len(ending) >= 2 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def words(text: str) -> list[str]:
    """The comparable words of a cleaned text, in order."""
    return [stem(w) for w in _TOKEN.findall(text)]


def is_number(term: str) -> bool:
    return term[:1].isdigit()
