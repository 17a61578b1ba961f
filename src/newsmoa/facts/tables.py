"""Word tables of the facts stage, read once from `facts/data/*.tsv`.

Every piece of language knowledge (date words, titles, organisation suffixes, units, what a
signing is called) lives in a tab-separated table next to this module, so it can be read and
extended without touching the rules. Lines starting with `#` and blank lines are ignored.
The regex helpers (`alternation`, `longest_first`) are the extract stage's, one for both.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from newsmoa.extract.tables import alternation, longest_first

__all__ = ["alternation", "grouped", "longest_first", "mapping", "rows", "words"]


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of `data/<name>.tsv`, each a tuple of its tab-separated fields."""
    text = resources.files("newsmoa.facts").joinpath(f"data/{name}.tsv").read_text("utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """The first column of a table, as a set."""
    return frozenset(row[0] for row in rows(name))


@cache
def mapping(name: str) -> dict[str, tuple[str, ...]]:
    """First column -> the other columns (the first row wins when a word repeats)."""
    out: dict[str, tuple[str, ...]] = {}
    for row in rows(name):
        out.setdefault(row[0], row[1:])
    return out


@cache
def grouped(name: str) -> dict[str, list[tuple[str, ...]]]:
    """First column (a row's kind) -> the other columns of each row of that kind, in order."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for kind, *rest in rows(name):
        out.setdefault(kind, []).append(tuple(rest))
    return out
