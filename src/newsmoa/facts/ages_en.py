"""People's ages in English news text: "a 34-year-old man", "Kevin Lutz, 34, of Bristow".

    "arrested a 34-year-old man"         -> 34 years, counts age
    "Kevin Lutz, 34, was charged"        -> 34 years, counts age
    "on Sunday, 12, people"              -> none (a day's name before the comma)

An age joined to `year(s) old` (`34-year-old`, `34 years old`), or a number of at most three
digits between commas right after a capitalised name (`Lutz, 34,`; `, 34 of` too), as a
`quantities_en.Quantity` counting `AGE`: so a police report's `43-year-old` against the
release's `34-year-old` is a disagreement (ages were no facts, a black-box case). Not a
month's or weekday's name before it (`March 3, 2025`, `Sunday, 12`), nor a number over
`OLDEST`.
"""

from __future__ import annotations

import re

from newsmoa.facts.dates_en import calendar_names
from newsmoa.facts.quantities_en import Quantity

AGE = "age"
OLDEST = 120
_PATTERN = re.compile(
    r"(?<![\d,.])\b(?P<n>\d{1,3})(?:-years?-old\b|\s+years?\s+old\b)"
    r"|\b(?P<name>[A-Z][a-z]+),\s+(?P<n2>\d{1,3})(?=\s*,|\s+of\b)"
)


def find(text: str) -> list[Quantity]:
    """Every age of `text`, in order."""
    out = []
    for m in _PATTERN.finditer(text):
        group = "n" if m.group("n") else "n2"
        if m.group("name") and m.group("name") in calendar_names():
            continue
        age = int(m.group(group))
        if 0 < age <= OLDEST:
            out.append(Quantity(age, "years", AGE, m.start(group), m.end()))
    return out
