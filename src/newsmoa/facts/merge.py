"""A story's facts: the articles' facts with one fact per thing, holding every source.

People are one fact per name (a short `박` joins `박성일` when the title matches) with the
title most of its articles give (the first article's on a tie: a story lists its release
first), written as the most specific of them; organisations one per name (a company named
without its legal form, `Midwest Hydro Builders`, is the one another outlet names with
it, `Midwest Hydro Builders Inc.`); dates, places and
quantities one per value and happening (the words of the first outlet are kept in `text`);
a date or quantity outlets tie to other happenings is one fact when no outlet tells them
apart and no two happenings of the table do (`지난해 여름부터` of `물색` and of `시작`).
Values that differ stay separate facts: merging never picks between outlets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from newsmoa.facts import compare
from newsmoa.facts.clauses import EARLIER, READ_AT, table_labels
from newsmoa.facts.names import title_of
from newsmoa.facts.places_en import without_form
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
    formed = _with_form(facts_by_article)
    for article, facts in facts_by_article.items():
        for fact in facts:
            if fact.type == "organization" and str(fact.value) in formed:
                fact = replace(fact, value=formed[str(fact.value)])
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


def _with_form(facts_by_article: Mapping[str, Sequence[Fact]]) -> dict[str, str]:
    """Each organisation's name that another outlet writes with a legal form after it (one
    such name only): `Midwest Hydro Builders` -> `Midwest Hydro Builders Inc.` (two outlets'
    names of one company were two facts)."""
    names = {
        str(f.value) for fs in facts_by_article.values() for f in fs if f.type == "organization"
    }
    out = {}
    for name in names:
        fuller = [n for n in names if n != name and without_form(n) == name]
        if len(fuller) == 1:
            out[name] = fuller[0]
    return out


def _folded(merged: dict[tuple, Fact]) -> list[Fact]:
    """The facts, each date or quantity joined to the one fact of the same value that is
    said of the same thing by other outlets (`joinable`): `국비 1억5000만원` tied to no
    happening in one outlet and to `확보` in the others (a black-box case), `지난해 여름부터`
    said of `물색` by one outlet and of the past `물색` by another, `120억원` counting 사업비 in
    one outlet and about 사업비 in another (each was two facts of one value). A fact that
    could join two others stays apart; so does one no outlet states beside it. Places of one
    happening whose names each cover the other (`군청 대회의실`, `청솔군청 대회의실`) are one
    place, named by the longer."""
    groups: dict[tuple, list[tuple]] = defaultdict(list)
    for k, f in merged.items():
        if f.type in ("date", "quantity") and f.value is not None:
            groups[(f.type, compare.key(f.value), f.unit)].append(k)
        elif f.type == "place" and f.value:
            groups[(f.type, f.about)].append(k)
    out: dict[tuple, Fact] = dict(merged)
    order = {k: n for n, k in enumerate(merged)}
    for keys in groups.values():
        clusters: list[list[tuple]] = []
        for k in sorted(keys, key=lambda k: merged[k].about is None):  # (the tied first)
            fits = [c for c in clusters if all(joinable(merged[k], merged[m]) for m in c)]
            if len(fits) == 1:
                fits[0].append(k)
            else:
                clusters.append([k])
        for cluster in clusters:
            if len(cluster) < 2:
                continue
            facts = [merged[k] for k in cluster]
            kept = max(facts, key=_label_rank if facts[0].type != "place" else _name_length)
            counts = next((f.counts for f in facts if f.counts), None)
            first = min(cluster, key=order.__getitem__)
            sources = tuple(
                s for k in sorted(cluster, key=order.__getitem__) for s in merged[k].sources
            )
            for k in cluster:
                if k != first:
                    del out[k]
            out[first] = replace(kept, sources=sources, counts=counts)
    return list(out.values())


def _name_length(fact: Fact) -> int:
    return len(str(fact.value))  # (max keeps the first of equals)


def joinable(a: Fact, b: Fact) -> bool:
    """Whether two facts of one value (a date, a quantity) are said of one thing: no article
    states the value twice apart, what they count does not differ (one may name none), and
    their happenings agree: the same, past or not (`earlier 물색`, `물색`: one outlet writes
    it as the parties' past), none beside a plain one, or two predicates no table names
    (`물색`, `시작`; a quantity's only where one counts what the other is about: `120억원을
    투입` counting 사업비, `120억원 규모의 사업비`). Two happenings of the table (a signing, a
    meeting) stay apart, as a figure read at a time or of a kind does. Two places join when
    each name covers the other (`compare.name_covers`)."""
    if {s.article for s in a.sources} & {s.article for s in b.sources}:
        return False
    if a.type == "place":
        return compare.name_covers(str(a.value), str(b.value)) and compare.name_covers(
            str(b.value), str(a.value)
        )
    if a.counts and b.counts and a.counts != b.counts:
        return False
    x, y = a.about, b.about
    if x == y:
        return True
    if any(READ_AT in z or "(" in z for z in (x, y) if z):
        return False
    if x is None or y is None:
        return _plain(x or y or "")
    x, y = _base(x), _base(y)
    if x == y:
        return True
    known = table_labels()
    if x in known or y in known:
        return False
    if a.type == "quantity":
        return x == b.counts or y == a.counts
    return True


def _base(about: str) -> str:
    return about.removeprefix(EARLIER)


def _label_rank(fact: Fact) -> tuple[bool, bool, bool]:
    """Which fact of a joined few gives the happening: one of the table's, then one not of
    the past, then one with any."""
    about = fact.about or ""
    return (about in table_labels(), not about.startswith(EARLIER), bool(about))


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
