"""The word lists under `data/`: titles, organisation and place endings, places, surnames,
date/time/unit words. Loaded once; each is a frozenset of forms (or a form -> class map).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("newsmoa.facts.ner").joinpath(f"data/{name}").read_text("utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(ln.split("\t")[0].strip() for ln in _lines(name))


@dataclass(frozen=True, slots=True)
class Tables:
    titles: frozenset[str]
    org_suffixes: frozenset[str]
    org_words: frozenset[str]
    place_suffixes: frozenset[str]
    places: frozenset[str]
    surnames: frozenset[str]
    time_words: dict[str, str]  # form -> DT | TI | QT (first class listed wins)

    def suffix(self, form: str, suffixes: frozenset[str]) -> str | None:
        """The longest entry of `suffixes` that ends `form` and leaves a stem before it."""
        for size in range(min(len(form) - 1, 6), 0, -1):
            if form[-size:] in suffixes:
                return form[-size:]
        return None


@cache
def tables() -> Tables:
    """All word lists, read once per process."""
    time_words: dict[str, str] = {}
    for ln in _lines("time_words.tsv"):
        cls, _, form = ln.partition("\t")
        time_words.setdefault(form.strip(), cls.strip())
    return Tables(
        titles=_words("titles.tsv"),
        org_suffixes=_words("org_suffixes.tsv"),
        org_words=_words("org_words.tsv"),
        place_suffixes=_words("place_suffixes.tsv"),
        places=_words("places.tsv"),
        surnames=_words("surnames.tsv"),
        time_words=time_words,
    )
