"""Quotations in a sentence: where they are (`quoted`) and what goes on one closed right
before it (`goes_on`: a particle or a quotative ending, `data/quote_tails.txt`). Read by
the sentence splitter and by the two readers of a deck (`text.decks`)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def goes_on(text: str) -> bool:
    """Whether `text`, right after a closing quotation mark, goes on the quoting sentence:
    its first word is a particle or a quotative ending (`이라고 말했다`, `이란 …`); any
    other word starts something of its own (a crawler's glued subheading or lead)."""
    return bool(text.strip()) and text.split(maxsplit=1)[0].rstrip(".,!?") in quote_tails()


@cache
def quote_tails() -> frozenset[str]:
    """The words that go on a quotation closed right before them (`data/quote_tails.txt`)."""
    text = resources.files("newsmoa.text").joinpath("data/quote_tails.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.strip()) and w[0] != "#")


def quoted(piece: str) -> list[bool]:
    """For each position of `piece`, whether it is inside a quotation: “ and ‘ open, ” and
    ’ close, a straight " opens or closes, and a straight ' opens where a word begins
    (after a space, a bracket or another mark) and closes the quotation it opened (in a
    word it is an apostrophe: "don't")."""
    out, double, single, straight = [], False, False, False
    for i, c in enumerate(piece):
        if c == "“":
            double = True
        elif c == "”":
            double = False
        elif c == '"':
            double = not double
        elif c == "‘":
            single = True
        elif c == "’":
            single = False
        elif c == "'":
            if straight:
                straight = False
            elif (i == 0 or piece[i - 1] in ' \t([“‘"') and _opens(piece[i + 1 : i + 5]):
                straight = True
        out.append(double or single or straight)
    return out


def _opens(after: str) -> bool:
    """Whether a straight ' before `after` (what follows it in the piece) opens a quotation:
    a word follows, not a space, nor a year's two digits ("'80년대", "'19학번": an apostrophe
    that closes nothing; "'3년 안에 …'" and "'2030년까지 …'" are quotations: reviews)."""
    return bool(after[:1].strip()) and not _YEAR_APOSTROPHE.match(after)


_YEAR_APOSTROPHE = re.compile(r"\d\d(?:년|학번)")
