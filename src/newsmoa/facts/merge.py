"""A story's facts: the articles' facts with one fact per thing, holding every source.

People are one fact per name (a short `박` joins `박성일` when the title matches) with the
most specific role any outlet wrote; organisations one per name; dates, places and
quantities one per value and happening (the words of the first outlet are kept in `text`).
Values that differ stay separate facts: merging never picks between outlets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from newsmoa.facts import compare
from newsmoa.facts.names import title_of
from newsmoa.types import Fact


def _role_rank(role: str | None) -> tuple[bool, int]:
    if not role:
        return (False, 0)
    found = title_of(role.split()[-1])
    return (" " in role or bool(found and found.prefix), len(role))


def _key(fact: Fact) -> tuple:
    if fact.type in ("person", "organization"):
        return (fact.type, str(fact.value))
    if fact.type == "place":
        return (fact.type, str(fact.value), fact.about)
    if fact.value is None:  # unresolved (`27일` without a publication time): by its words,
        # or every outlet's unresolved date would be one fact citing 27일 and 28일 alike
        return (fact.type, fact.text, fact.unit, fact.counts, fact.about)
    return (fact.type, compare.key(fact.value), fact.unit, fact.counts, fact.about)


def merge_facts(facts_by_article: Mapping[str, Sequence[Fact]]) -> tuple[Fact, ...]:
    """One fact per thing across a story's articles, in order of first appearance."""
    merged: dict[tuple, Fact] = {}
    for facts in facts_by_article.values():
        for fact in facts:
            k = _key(fact)
            if fact.type == "person" and len(str(fact.value)) <= 2:
                k = next(
                    (
                        key
                        for key, f in merged.items()
                        if f.type == "person"
                        and compare.person_covers(str(fact.value), str(f.value))
                        and _same_title(f.role, fact.role)
                    ),
                    k,
                )
            if k not in merged:
                merged[k] = fact
                continue
            old = merged[k]
            role = max(old.role, fact.role, key=_role_rank) if fact.type == "person" else old.role
            about = old.about or fact.about
            merged[k] = replace(old, sources=old.sources + fact.sources, role=role, about=about)
    return tuple(merged.values())


def _same_title(a: str | None, b: str | None) -> bool:
    ta = title_of(a.split()[-1]) if a else None
    tb = title_of(b.split()[-1]) if b else None
    return bool(ta and tb and ta.title == tb.title)
