"""A deck (the lines under a headline) that a crawler glued onto the lead's first sentence:

    원산서 탄도미사일 2발 발사 / 고도 30㎞로 절반 낮춰 / 합참 “긴장 완화 도움 안돼”\xa0북한이 …
    1년 새 7000억 증가 / 예금 5∼10년, 보험은 3년 이상 / 본인이 신청하면 언제든 돌려줘지난해 말 …

A deck's lines are joined by ` / ` or `…`; where its last line ends, the page broke the line
and the crawl did not keep the break. Two readers look for that end, each with what it has:
extraction (`extract.flattened.split_deck`: the break left as a no-break space, or a closing
quotation mark with the lead's first word glued on), before any analysis, and sentence
splitting (`sentences.split_text`), which has Kiwi's words: a verb's ending or a particle with
the lead's first word glued on (`돌려줘지난해`, `3.25%로지난달`, `해석도북한이`), which in
running text a space separates. A break counts only within a deck line's length after the
deck's last mark outside a quotation and before the lead's first sentence ends, with no
sentence's end before it.
A deck's last line that ends in a noun with the lead's first noun glued on (`…대책
총력일본 정부가 …`) cannot be told from a compound and stays glued.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsmoa.text import quotes

DECK_MARKS = re.compile(r" / |…")
KOREAN_STOP = re.compile(r"(?<=[다요죠까])[.?!]")  # a Korean sentence's end
DECK_LINE_CHARS = 60  # a deck line is a headline's length (the dev day's: up to ~45)
_DECK_MIN_CHARS = 10
_LEAD_MIN_CHARS = 20
_STOP = re.compile(r"[.?!](?:[\s”’\"'」』]|$)")  # a sentence's end, which no deck line has


def head(paragraph: str) -> str:
    """The paragraph up to its first Korean sentence's end (the text a deck is glued into);
    "" when no such end is found."""
    stop = KOREAN_STOP.search(paragraph)
    return paragraph[: stop.start()] if stop else ""


def last_mark(text: str) -> int | None:
    """Where the last deck mark in `text` outside a quotation ends (None when there is none):
    a mark inside one is the quoted words' (`“살려주세요…”`, `‘청년 / 신혼부부’용`: a review)."""
    quoted = quotes.quoted(text)
    end = None
    for m in DECK_MARKS.finditer(text):
        if not quoted[m.start()]:
            end = m.end()
    return end


def deck_end(head: str, breaks: Iterable[tuple[int, int]]) -> tuple[int, int] | None:
    """The first of `breaks` ((start, end) positions in `head`, in order, where a line may
    have ended) that ends a deck: after the last deck mark and within a deck line's length
    of it, with a deck of some words before it and a lead's worth of text after it. None when
    `head` has no mark or no such break."""
    mark = last_mark(head)
    if mark is None:
        return None
    for start, end in breaks:
        if start < mark:
            continue
        if start - mark > DECK_LINE_CHARS:
            return None
        deck = head[:start].strip()
        if len(deck) < _DECK_MIN_CHARS or len(head) - end < _LEAD_MIN_CHARS:
            return None
        if _STOP.search(deck):
            return None  # a sentence before (a quotation opening the report: `“…이라….`)
        return start, end
    return None
