"""Comparable terms of an article without a morphological analyser.

`term_counts` hashes terms straight from the codepoints (see `_kernels.py`: Hangul syllable
bigrams, lower-cased words, numbers with their unit, CJK ideographs), counting title and lead
terms `1 + lead_boost` times. Boilerplate that an outlet repeats under every article (links,
e-mails, copyright lines, inline script) is removed first, so it cannot make two articles look
alike. `title_words` gives readable words of a headline for explaining a decision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

import numpy as np

from newsmoa.cluster import _kernels
from newsmoa.dedup.fold import fold_table
from newsmoa.extract.tables import outlets

_URL = re.compile(r"(?:https?://|www\.)\S+")
# Copyright lines: from a mark to the end of its line or bracket (at most 80 characters).
_FOOTER_MARKS = (
    "Copyright",
    "copyright",
    "COPYRIGHT",
    "ⓒ",
    "©",
    "(c)",
    "(C)",
    "무단전재",
    "무단 전재",
    "All rights reserved",
    "all rights reserved",
)
_EMAIL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")
_NO_HANGUL_RUN = re.compile(r"[^\uac00-\ud7a3\n]{30,}")
_CODE_MARKS = "{};=|$"
_LABEL = re.compile(r"[\[【〈<]([^\]】〉>]{1,24})[\]】〉>]|^\s*([^:：]{1,24})[:：]")
# [속보], (종합2보), ［속보］, 《단독》, and a label before a colon at the start ("속보: ...")
_GROUP = re.compile(
    r"[\[【〈<(（［《「『]([^\]】〉>)）］》」』]{1,24})[\]】〉>)）］》」』]|^\s*([^\s:：]{1,12})\s*[:：]"
)
_GROUP_WORDS = re.compile(r"[\s·ㆍ,/|+&-]+")
_NO_DIGITS = str.maketrans("", "", "0123456789")
# a headline's words as compared: a figure with the first syllable of its unit (`3분`, `7조`),
# the rest of a word on its own (`3분기`: `3분`, then `기`, too short to count)
_WORD = re.compile(r"\d+(?:[.,]\d+)*[%\uac00-\ud7a3]?|[^\W\d_]+")
# ... and as written: a figure with all the letters after it (`3분기`, `10일부터`)
_WRITTEN_WORD = re.compile(r"\d+(?:[.,]\d+)*[%\uac00-\ud7a3]*|[^\W\d_]+")


def _code_or_text(m: re.Match[str]) -> str:
    run = m.group()
    return " " if sum(run.count(c) for c in _CODE_MARKS) >= 3 else run


def _drop_emails(text: str) -> str:
    """The text without e-mail addresses (found from each "@": much faster than a regex)."""
    parts, last = [], 0
    at = text.find("@")
    while at != -1:
        start, end = at, at + 1
        while start > last and text[start - 1] in _EMAIL_CHARS:
            start -= 1
        while end < len(text) and text[end] in _EMAIL_CHARS:
            end += 1
        if start < at and "." in text[at + 1 : end]:
            parts.append(text[last:start])
            parts.append(" ")
            last = end
        at = text.find("@", end)
    parts.append(text[last:])
    return "".join(parts)


def _drop_from(text: str, mark: str, reach: int = 80) -> str:
    """The text without each `mark` and what follows it up to a line end or "]" (str.find:
    a case-insensitive regular expression here cost ~100 µs an article)."""
    parts, last = [], 0
    at = text.find(mark)
    while at != -1:
        end = at + len(mark)
        stop = min(len(text), at + reach)
        while end < stop and text[end] not in "\n]":
            end += 1
        parts.append(text[last:at])
        parts.append(" ")
        last = end
        at = text.find(mark, end)
    parts.append(text[last:])
    return "".join(parts)


def clean_for_features(text: str) -> str:
    """The text without links, e-mails, copyright lines and inline script."""
    if "@" in text:
        text = _drop_emails(text)
    if "http" in text or "www." in text:
        text = _URL.sub(" ", text)
    for mark in _FOOTER_MARKS:
        if mark in text:
            text = _drop_from(text, mark)
    if "{" in text or ";" in text:
        text = _NO_HANGUL_RUN.sub(_code_or_text, text)
    return text


def codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def term_counts(text: str, boost_end: int, boost: float) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique term hashes (uint64) and counts (float32); terms before `boost_end` count
    `1 + boost` times."""
    return _kernels.term_counts(codepoints(text), fold_table(), boost_end, boost)


def title_words(title: str) -> tuple[str, ...]:
    """Distinct words of a headline, in order, as written (`3분기`, `7조원`: what explains a
    decision); headlines are compared by their `compared_words`."""
    return tuple(dict.fromkeys(w.lower() for w in _WRITTEN_WORD.findall(title) if len(w) > 1))


def compared_words(words: Sequence[str]) -> tuple[str, ...]:
    """Headline words (`title_words`) as headlines are compared: a figure cut after the
    first syllable of its unit, the rest of its word a word of its own (`10일부터`: `10일`,
    `부터`), words of one letter left out. These are the words stored before 2026-11-30,
    which come back as they are, so old and new stored headlines compare alike."""
    return tuple(dict.fromkeys(t for w in words for t in _WORD.findall(w) if len(t) > 1))


def word_key(word: str) -> str:
    """A headline word as `--why` matches it with another headline's: a figure with the first
    syllable of its unit (`3분기` and `3분` are `3분`; `7조원` and `7조` agree), any other word
    as it is."""
    m = _WORD.match(word) if word[:1].isdigit() else None
    return m.group() if m else word


def _word_list(name: str) -> tuple[str, ...]:
    """The lines of `data/<name>`, lower-cased, without blank lines and # comments."""
    text = resources.files("newsmoa.cluster").joinpath(f"data/{name}").read_text("utf-8")
    rows = (line.strip().lower() for line in text.splitlines())
    return tuple(r for r in rows if r and not r.startswith("#"))


@cache
def _opinion_labels() -> tuple[str, ...]:
    return _word_list("opinion_labels.txt")


@cache
def _status_word() -> re.Pattern[str]:
    words = sorted(set(_word_list("status_tags.txt")), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")+")


def _without_status(label: str) -> str | None:
    """A label's words less its status words (digits left out: 2보, UPDATE 2), numbers and
    known outlet names (`Outlets.names_one`: [YTN 속보], [연합뉴스 속보]; copies of one wire
    flash carry different ones); None when it has no
    status word (a label that says what: [사설], (서울=연합뉴스))."""
    status, rest = False, []
    for word in _GROUP_WORDS.split(label):
        bare = word.lower().translate(_NO_DIGITS)
        if _status_word().fullmatch(bare):
            status = True
        elif bare and not outlets().names_one(word):
            rest.append(word)
    return " ".join(rest) if status else None


def without_status_labels(title: str) -> str:
    """The headline without the words of its labels that say how, not what, it reports
    ([속보], (종합2보), [긴급속보], [속보·종합], "속보: ..."; `data/status_tags.txt`): flashes of
    different happenings share them. Other words of such a label stay ([FOMC 속보] -> FOMC),
    but for outlet names ([YTN 속보])."""

    def keep(m: re.Match[str]) -> str:
        rest = _without_status(m.group(1) or m.group(2))
        return m.group(0) if rest is None else f" {rest} "

    return " ".join(_GROUP.sub(keep, title).split()).lstrip(":：-–— ")


def is_opinion(title: str) -> bool:
    """Whether a headline carries an opinion label ([사설], [○○○ 칼럼], "Opinion: ...")."""
    for m in _LABEL.finditer(title):
        label = (m.group(1) or m.group(2) or "").lower()
        if any(word in label for word in _opinion_labels()):
            return True
    return False
