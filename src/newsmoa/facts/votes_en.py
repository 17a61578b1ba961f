"""A vote's tally in English news text, as two counts: the votes for and against.

    "The board voted 21-8 on Tuesday to award"   -> 21 votes for, 8 votes against
    "approved the contract 5 to 2"               -> 5 votes for, 2 votes against
    "on a 7-0 vote", "The vote was 22-7."        -> 7 and 0, 22 and 7
    "won 21-8", "approved 10-15 workers"         -> none (a score, a range)
    "approved grades 9-12", "hours of 9 to 5"     -> none (a span: `range` rows)

Two numbers of at most three digits joined by a hyphen, a dash or `to`, read only beside a
word of a vote (`data/vote_words_en.tsv`): one right after the pair (`a 7-0 vote`), or one up
to `WINDOW` words before it in its clause (`voted`, `approved the contract`), the pair then
followed by punctuation, a capitalised word or a word of the table's `follow` rows, not by
another lowercase word (`10-15 workers` is a range), and not after a word of a span up to
two words before it (`grades 6-8`). As American papers write a tally, the first number is
the side that carried the vote, never the smaller (`9-12` is no tally): it counts
`VOTES_FOR`, the second `VOTES_AGAINST`, each a `quantities_en.Quantity` spanning its own
number, so one outlet's 22-7 against the others' 21-8 is a disagreement of the story's vote
(`story_counts.tsv`, as a toll is: each article's lead states it). A tally (the roll call
of a county board) was no fact before: the two numbers were neither amounts nor counts.
"""

from __future__ import annotations

import re
from functools import cache

from newsmoa.facts.quantities_en import Quantity
from newsmoa.facts.tables import alternation, rows

VOTES_FOR = "votes for"
VOTES_AGAINST = "votes against"
WINDOW = 4  # words between a vote's word and its tally (`approved the new contract 21-8`)


def _words(where: str) -> str:
    return alternation(w for w, kind in rows("vote_words_en") if kind == where)


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w.,$-])(?P<a>\d{1,3})(?:\s*[-\u2013\u2014]\s*|\s+to\s+)"
        r"(?P<b>\d{1,3})"
        r"(?![\w%-]|[.,]\d)"
    )


@cache
def _after() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:(?i:{_words('after')})\b)")


@cache
def _follows() -> re.Pattern[str]:
    """What may follow a tally read by the word before it: no word, a capitalised one, or
    one of the table's."""
    return re.compile(rf"\s*(?:$|[^\w\s]|[A-Z]|(?:{_words('follow')}|{_words('after')})\b)")


@cache
def _before() -> re.Pattern[str]:
    word = r"[\w'$.-]+\s+"
    return re.compile(rf"(?i)(?<!\w)(?:{_words('before')})\s+(?:{word}){{0,{WINDOW}}}$")


@cache
def _spanned() -> re.Pattern[str]:
    """A word of a span up to two words before a pair (`grades 6-8`, `hours of 9 to 5`)."""
    return re.compile(rf"(?i)(?<!\w)(?:{_words('range')})\s+(?:[\w'-]+\s+)?$")


def find(text: str) -> list[Quantity]:
    """Every tally of `text` (a sentence), as its two counts, in order."""
    out: list[Quantity] = []
    for m in _pattern().finditer(text):
        if int(m.group("a")) < int(m.group("b")) or _spanned().search(text[: m.start()]):
            continue  # the side that carried comes first; `grades 6-8` is a span
        said = _after().match(text, m.end()) or (
            _follows().match(text, m.end()) and _before().search(text[: m.start()])
        )
        if said:
            out.append(Quantity(int(m.group("a")), None, VOTES_FOR, m.start("a"), m.end("a")))
            out.append(Quantity(int(m.group("b")), None, VOTES_AGAINST, m.start("b"), m.end("b")))
    return out
