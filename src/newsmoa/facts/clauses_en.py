"""An English sentence cut into clauses, each labelled with the happening it reports, as
`clauses` does for Korean ones.

    "Pompeo met Kono on Thursday, two days after North Korea fired two missiles."
      clause 1: "Pompeo met Kono on Thursday, two days"    -> meeting
      clause 2: "after North Korea fired two missiles."      -> None

A clause begins at a word of `data/clause_breaks_en.tsv`: after a comma (`, and`, `, which`),
anywhere (`after`, `that`: "said on Friday that it had signed the deal on Thursday" holds an
announcement and a signing), or always (`;`, a dash), but not inside a date's words (`the
day before yesterday`, `the day after tomorrow`); an attribution closing the sentence (`,
officials said.`) is a clause of its own, so that "the attack on Monday, police said"
dates the attack, not the saying. Labels come from
`data/happenings_en.tsv` (the Korean table's labels: a signing is compared across a story,
`story_happenings.tsv`); a clause no row matches has none, and its dates are not compared.
A fact belongs to the clause its words end in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from newsmoa.facts.clauses import Clause
from newsmoa.facts.quoted import Span, inside
from newsmoa.facts.tables import alternation, rows


@cache
def _happenings() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((label, re.compile(rx, re.IGNORECASE)) for label, rx in rows("happenings_en"))


@cache
def _breaks() -> re.Pattern[str]:
    def alt(where: str) -> str:
        return alternation(w for w, kind in rows("clause_breaks_en") if kind == where)

    saying = alt("said")
    return re.compile(
        rf"(?:{alt('always')})\s*"
        rf"|,\s+(?=(?:[\w.'-]+\s+){{0,4}}(?i:{saying})\b[^,;]*$)"
        rf"|,\s+(?=(?i:{alt('comma')}|{alt('any')})\b)"
        rf"|(?<=\s)(?<!the\sday\s)(?<!The\sday\s)(?=(?i:{alt('any')})\s)"
    )


def clauses(text: str, offset: int = 0, quoted: Sequence[Span] = ()) -> tuple[Clause, ...]:
    """The labelled clauses of one sentence whose text starts at `offset` in the article.
    A clause outside the article's quotations `quoted` (`quoted.spans`) is labelled by its
    own words, not by those it quotes (`Pompeo told reporters on Friday: "We met today"` is
    an announcement); one that starts in a quotation, by the speaker's words."""
    cuts = [0] + [m.end() for m in _breaks().finditer(text) if 0 < m.end() < len(text)]
    cuts.append(len(text))
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if end > start:
            label = label_of(_own_words(text, offset, start, end, quoted))
            out.append(Clause(offset + start, offset + end, label, label is not None))
    return tuple(out)


def _own_words(text: str, offset: int, start: int, end: int, quoted: Sequence[Span]) -> str:
    """The clause's words, what it quotes blanked out, unless it starts in a quotation."""
    words = list(text[start:end])
    if inside(quoted, offset + start):
        return text[start:end]
    for a, b in quoted:
        for i in range(max(a - offset, start), min(b + 1 - offset, end)):
            words[i - start] = " "
    return "".join(words)


def label_of(clause: str) -> str | None:
    """The happening a clause's words report (`data/happenings_en.tsv`), or None."""
    return next((label for label, rx in _happenings() if rx.search(clause)), None)
