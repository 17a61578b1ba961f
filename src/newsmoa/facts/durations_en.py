"""Lengths of time in English: "over the next three years", "for two hours", "a two-year deal".

    "invest 150 million won over the next three years"  -> 3 years, counts duration
    "burned for 90 minutes"                             -> 90 minutes
    "a 24-month programme"                              -> 2 years

The English counterpart of `durations` (`durations_en.tsv`): a count of a unit of time after
a word that makes it a length, or joined to its unit by a hyphen before a noun (not an age:
`a 10-year-old`), as a `quantities_en.Quantity` counting `durations.DURATION`, so a wire's
`three years` against a rewrite's `two years` for one investment is a disagreement (they
were no facts: a black-box case). A length after `sentenced to` or before where it is
served (`faces up to 10 years in prison`: `served` rows), its hedge kept in its words,
counts `TERM`: a rewrite's `up to 20 years in prison` against the wire's `10` is a
disagreement.
"""

from __future__ import annotations

import re
from functools import cache

from newsmoa.facts.durations import DURATION
from newsmoa.facts.quantities_en import Quantity
from newsmoa.facts.tables import alternation, grouped, rows

TERM = "prison term"  # what a length served in prison counts


@cache
def _numbers() -> dict[str, float]:
    """Numbers written as words (`number_words_en.tsv`), and `a`/`an` for one."""
    out = {w: float(v) for w, v, kind in rows("number_words_en") if kind == "number"}
    return out | {"a": 1.0, "an": 1.0}


@cache
def _pattern() -> re.Pattern[str]:
    units = {w: (unit, int(n)) for w, unit, n in grouped("durations_en")["unit"]}
    number = rf"(?P<n>\d+(?:\.\d+)?|{alternation(_numbers())})"
    before = alternation(w for (w,) in grouped("durations_en")["before"])
    unit = rf"(?P<unit>{alternation(units)})"
    served = alternation(w for (w,) in grouped("durations_en")["served"])
    sentenced = alternation(w for (w,) in grouped("durations_en")["sentenced"])
    hedges = alternation(
        w for w, where, *_ in rows("quantity_hedges") if w.isascii() and where == "before"
    )
    return re.compile(
        rf"(?i)(?:\b(?P<sentenced>{sentenced})\s+)?(?P<term>(?:(?:{hedges})\s+)?"
        rf"(?P<n3>\d+(?:\.\d+)?|{alternation(_numbers())})\s+(?P<unit3>{alternation(units)})\b)"
        rf"(?(sentenced)|(?=\s+(?:{served})\b))"
        rf"|\b(?:{before})\s+(?:the\s+(?:next|past|last|coming|first)\s+)?{number}\s+{unit}\b"
        rf"|\b(?P<n2>\d+(?:\.\d+)?|{alternation(_numbers())})-(?P<unit2>{alternation(units)})"
        r"\b(?!-old)(?=\s+[a-z])"
    )


def find(text: str) -> list[Quantity]:
    """Every length of time in `text`, as quantities counting `DURATION`."""
    units = {w: (unit, int(n)) for w, unit, n in grouped("durations_en")["unit"]}
    out = []
    for m in _pattern().finditer(text):
        key = next(k for k in ("n", "n2", "n3") if m.group(k))
        n, word = m.group(key), m.group("unit" + key[1:])
        count = _numbers().get(n.lower()) if not n[0].isdigit() else float(n)
        if count is None:
            continue
        unit, each = units[word.lower()]
        value = count * each
        for from_unit, to_unit, whole in grouped("durations_en")["whole"]:
            if unit == from_unit and value % int(whole) == 0:
                value, unit = value / int(whole), to_unit
        start = m.start("term") if key == "n3" else m.start(key)
        shown = int(value) if float(value).is_integer() else value
        out.append(Quantity(shown, unit, TERM if key == "n3" else DURATION, start, m.end()))
    return out
