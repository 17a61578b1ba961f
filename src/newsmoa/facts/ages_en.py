"""People's ages in English news text: "a 34-year-old man", "Kevin Lutz, 34, of Bristow".

    "arrested a 34-year-old man"         -> 34 years, counts age
    "Kevin Lutz, 34, was charged"        -> 34 years, counts age
    "The suspect, 30, fled"              -> 30 years, counts age
    "two employees, ages 27 and 41,"     -> 27 years and 41 years, each an age
    "27 and 41 years old", "aged 27"     -> each an age (`27 and 41 years old` was 41 alone)
    "residents aged 65 and older"        -> none (a bound: `age_bounds_en.tsv`, `ages 5 to 12`)
    "on Sunday, 12, people"              -> none (a day's name before the comma)
    "Cedar Springs, Michigan, 16, miles" -> none (a place before the comma)

An age joined to `year(s) old` (`34-year-old`, `34 years old`), or a number of at most three
digits between commas (`, 34 of` too) right after a person: a capitalised name, or a noun
for a person (`data/age_heads_en.tsv`: `suspect`, `man`), as a `quantities_en.Quantity`
counting `AGE`: so a police report's `43-year-old` against the release's `34-year-old` is a
disagreement (ages were no facts, a black-box case). Not after a place: a state, country or
city of `extract/data/places_en.tsv` (`Michigan, 16,` was an age), nor the last name of a `Town,
State` pair; not after a month's or weekday's name (`March 3, 2025`, `Sunday, 12`), nor a
number over `OLDEST`.
"""

from __future__ import annotations

import re
from functools import cache

from newsmoa.facts.dates_en import calendar_names
from newsmoa.facts.places_en import place_names
from newsmoa.facts.quantities_en import Quantity
from newsmoa.facts.tables import alternation, words

AGE = "age"
OLDEST = 120


_LIST = r"\d{1,3}(?:\s*,\s*\d{1,3})*\s*,?\s+(?:and|or)\s+\d{1,3}"  # `27, 33 and 41`
_AGE = re.compile(r"\d+")


@cache
def _pattern() -> re.Pattern[str]:
    heads = alternation(words("age_heads_en"))
    bounds = alternation(words("age_bounds_en"))
    return re.compile(
        rf"(?<![\d,.])\b(?P<list>{_LIST})\s+years\s+old\b"
        r"|(?<![\d,.])\b(?P<n>\d{1,3})(?:-years?-old\b|\s+years?\s+old\b)"
        rf"|\b(?i:ages?|aged)\s+(?:(?P<ages>{_LIST})|(?P<n3>\d{{1,3}}))\b(?![\d.,]\d)"
        rf"(?!\s*(?:-|–|(?i:{bounds})\b))"
        rf"|(?:\b(?P<name>[A-Z][a-z]+)|(?<![\w-])(?i:{heads}))"
        r",\s+(?P<n2>\d{1,3})(?=\s*,|\s+of\b)"
    )


@cache
def _place_before() -> re.Pattern[str]:
    """A place of the table, or the second name of a `Town, State` pair, ending the text."""
    places = place_names()
    return re.compile(rf"(?:(?<![\w.])(?:{places})|[A-Z][\w.'-]*,\s+[A-Z][a-z]+)$")


def find(text: str) -> list[Quantity]:
    """Every age of `text`, in order."""
    out = []
    for m in _pattern().finditer(text):
        if m.group("name") and (
            m.group("name") in calendar_names() or _place_before().search(text, 0, m.end("name"))
        ):
            continue
        group = next(g for g in ("list", "ages", "n", "n3", "n2") if m.group(g))
        ages = list(_AGE.finditer(text, m.start(group), m.end(group)))
        for k, n in enumerate(ages):
            age, last = int(n.group()), k == len(ages) - 1
            if 0 < age <= OLDEST:
                end = m.end() if last and group in ("list", "n", "n2") else n.end()
                out.append(Quantity(age, "years", AGE, n.start(), end))
    return out
