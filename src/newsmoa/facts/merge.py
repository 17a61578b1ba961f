"""A story's facts: the articles' facts with one fact per thing, holding every source.

People are one fact per name (a short `박` joins `박성일` when the title matches) with the
title most of its articles give (the first article's on a tie: a story lists its release
first), written as the most specific of them; organisations one per name; dates, places and
quantities one per value and happening (the words of the first outlet are kept in `text`).
Values that differ stay separate facts: merging never picks between outlets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from newsmoa.facts import compare
from newsmoa.facts.clauses import EARLIER, READ_AT
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
    roles: dict[tuple, dict[str, list[str]]] = defaultdict(dict)  # key -> article -> roles
    for article, facts in facts_by_article.items():
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
            if fact.type == "person" and fact.role:
                roles[k].setdefault(article, []).append(fact.role)
            if k not in merged:
                merged[k] = fact
                continue
            old = merged[k]
            about = old.about or fact.about
            merged[k] = replace(old, sources=old.sources + fact.sources, about=about)
    for k, by_article in roles.items():
        merged[k] = replace(merged[k], role=_agreed_role(by_article))
    return tuple(_folded(merged))


def _folded(merged: dict[tuple, Fact]) -> list[Fact]:
    """The facts, each quantity tied to no happening folded into the one fact of the same
    figure of the same thing that is (`국비 1억5000만원` of one outlet and `국비 1억5000만원
    … 확보` of the others were two facts of the story: a black-box case); not into a figure
    of the past or one read at a time, nor when two happenings have it."""
    tied: dict[tuple, list[tuple]] = defaultdict(list)
    for k, f in merged.items():
        if f.type == "quantity" and f.about and _plain(f.about) and f.value is not None:
            tied[k[:4]].append(k)
    out: dict[tuple, Fact] = dict(merged)
    for k, f in merged.items():
        if f.type != "quantity" or f.about or f.value is None:
            continue
        into = tied.get(k[:4], [])
        if len(into) == 1:
            kept = out[into[0]]
            out[into[0]] = replace(kept, sources=kept.sources + f.sources)
            del out[k]
    return list(out.values())


def _plain(about: str) -> bool:
    """A happening's own figure: no mark of the past, of a reading time or of a kind."""
    return not about.startswith(EARLIER) and READ_AT not in about and "(" not in about


def _agreed_role(by_article: Mapping[str, Sequence[str]]) -> str:
    """The role of the title most articles give a person (each article counted once per
    title; the earliest named on a tie), written as the most specific of its forms (`영월군수`
    before `군수`). The most specific form of any title won before: one outlet's `영월부군수`
    against five outlets' and the release's `군수` (a black-box case)."""
    votes: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, list[str]] = defaultdict(list)
    for article, written in by_article.items():
        for role in written:
            found = title_of(role.split()[-1])
            title = found.title if found else role
            votes[title].add(article)
            forms[title].append(role)
    best = max(votes, key=lambda t: len(votes[t]))  # (max keeps the first of equals)
    return max(forms[best], key=_role_rank)


def _same_title(a: str | None, b: str | None) -> bool:
    ta = title_of(a.split()[-1]) if a else None
    tb = title_of(b.split()[-1]) if b else None
    return bool(ta and tb and ta.title == tb.title)
