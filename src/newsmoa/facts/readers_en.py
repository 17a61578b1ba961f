"""The English readers of a text, run in one order for both their users: an article's facts
(`extract_en`) and the entities command (`ner.english`).

- `named(text)`: people, titled or not, with all their mentions (`people_en`), then
  organisations and places (`places_en`) outside those mentions;
- `counted(text)`: amounts and counts (`quantities_en`), lengths of time (`durations_en`),
  ages (`ages_en`) and a vote's tallies (`votes_en`), in that order: where two overlap, a
  caller keeps the first.

Dates are not here: the facts read them clause by clause against the dateline, the entities
command in the whole text without one.
"""

from __future__ import annotations

from newsmoa.facts import ages_en, durations_en, people_en, places_en, quantities_en, votes_en
from newsmoa.facts.people_en import Person
from newsmoa.facts.places import Found
from newsmoa.facts.quantities_en import Quantity


def named(text: str) -> tuple[list[Person], list[Found]]:
    """The people of a text (titled or not), and its organisations and places outside their
    mentions."""
    people = people_en.find(text)
    return people, places_en.find(text, [m for p in people for m in p.mentions])


def counted(text: str) -> list[Quantity]:
    """The figures of a text: amounts and counts, lengths of time, ages, tallies, in that
    order."""
    return [
        *quantities_en.find(text),
        *durations_en.find(text),
        *ages_en.find(text),
        *votes_en.find(text),
    ]
