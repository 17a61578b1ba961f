"""People named with a title: `박성일 군수`, `박성일 완주군수`, `희망제작소 이원재 소장`,
`이원재 희망제작소 소장`, `전북대학교 총장 남궁민`, and the short `박 군수`.

`mentions(analysis)` finds them in one sentence; `merge(mentions, orgs)` makes one person per
name in an article: a surname alone (`이 부회장`) joins the only full name with that surname
whatever its title (or, among several, the only one with the same title); a short mention
that joins nobody is dropped (`김 위원장` says who only to a reader who met 김 before). The
role is the most specific one written (`완주군수` over `군수`), and a bare head-of-area title
takes the article's area of that kind (`박성일 군수` in an article about 완주군 -> 완주군수).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsmoa.facts.clauses import Analysis, Word
from newsmoa.facts.names import (
    Title,
    admin_area,
    is_name,
    is_organization,
    is_surname_only,
    surname_is_a_word,
    title_of,
    title_unit,
)


@dataclass(frozen=True, slots=True)
class Mention:
    name: str  # the full name, or only the surname for a short mention
    title: str  # the bare title (군수)
    role: str  # as written, with the affiliation when given (완주군수, 희망제작소 소장)
    affiliation: str | None
    head: bool
    start: int
    end: int
    short: bool = False
    part: bool = False  # short, and one word of a foreign name (트럼프), not a surname


def _role(org: str, title: Title) -> str:
    """`완주군` + 군수 -> 완주군수 (the title heads that kind of area); else `희망제작소 소장`."""
    unit = title_unit(title.title)
    if unit and org.endswith(unit) and not title.prefix:
        return org[: -len(unit)] + title.title
    return f"{org} {title.role}"


def _org(word: Word | None) -> bool:
    return bool(
        word
        and word.bare
        and word.stem
        and (is_organization(word.stem, word.stem_tags) or admin_area(word.stem, word.stem_tags))
    )


_LIST_MARKS = frozenset(",;·、")


def mentions(analysis: Analysis) -> list[Mention]:
    """Every titled person mention in one analysed sentence, in order."""
    ws = analysis.words
    out: list[Mention] = []
    used: set[int] = set()

    def at(k: int) -> Word | None:
        return ws[k] if 0 <= k < len(ws) else None

    for i, w in enumerate(ws):
        if i in used or not w.stem:
            continue
        nxt, nxt2, prev = at(i + 1), at(i + 2), at(i - 1)
        if (is_name(w) or is_surname_only(w)) and w.bare and nxt is not None:
            short = not is_name(w)
            title2 = title_of(nxt2.stem) if nxt2 and not short else None
            if nxt2 is not None and _org(nxt) and title2 and not title2.prefix:
                org = nxt.stem
                out.append(
                    Mention(
                        w.stem,
                        title2.title,
                        _role(org, title2),
                        org,
                        title2.head,
                        w.start,
                        nxt2.stem_end,
                    )
                )
                used.update({i, i + 1, i + 2})
                continue
            title = title_of(nxt.stem)
            if title is not None:
                start, role, affiliation = w.start, title.role, title.affiliation
                if affiliation is None and _org(prev) and prev is not None and not short:
                    start, role, affiliation = prev.start, _role(prev.stem, title), prev.stem
                out.append(
                    Mention(
                        w.stem,
                        title.title,
                        role,
                        affiliation,
                        title.head,
                        start,
                        nxt.stem_end,
                        short,
                    )
                )
                used.update({i, i + 1})
                continue
        # a title before a name (`완주군수 박성일`), not one that ends a list item
        # (`신자용 법무부 검찰과장, 신봉수 ...`: 신봉수 is not the 검찰과장)
        listed = any(t.form in _LIST_MARKS for t in w.after)
        title = title_of(w.stem) if w.bare and not listed else None
        if (
            title is not None
            and nxt is not None
            and is_name(nxt)
            and not (nxt.bare and nxt2 is not None and title_of(nxt2.stem))
        ):
            start, role, affiliation = w.start, title.role, title.affiliation
            if affiliation is None and _org(prev) and prev is not None:
                start, role, affiliation = prev.start, _role(prev.stem, title), prev.stem
            out.append(
                Mention(nxt.stem, title.title, role, affiliation, title.head, start, nxt.stem_end)
            )
            used.update({i, i + 1})
    return out


def _joins(m: Mention, full: dict[str, list[Mention]]) -> str | None:
    """The full name a mention belongs to, or None when it is a full name of its own (or,
    for a short one, when it joins nobody)."""
    if not m.short:
        if " " in m.name:
            return m.name
        # 고노 외무상 (a Korean-looking 고노) after 고노 다로 외무상
        hits = [n for n in full if " " in n and m.name in (n.split()[0], n.split()[-1])]
        return hits[0] if len(hits) == 1 else m.name
    if m.part:
        hits = [n for n in full if n == m.name or m.name in (n.split()[0], n.split()[-1])]
    else:
        hits = [n for n in full if " " not in n and n.startswith(m.name) and len(n) > len(m.name)]
        same = [n for n in hits if any(x.title == m.title for x in full[n])]
        if len(hits) > 1 or surname_is_a_word(m.name):  # 양 장관 (both ministers)
            hits = same
    return hits[0] if len(hits) == 1 else None


def merge(found: Sequence[Mention], areas: Sequence[str]) -> list[tuple[Mention, list[Mention]]]:
    """One (best mention, all its mentions) per person, in order of first mention.

    `areas` are the article's government areas in order of mention (`완주군` twice -> its
    most frequent one fills a bare `군수`).
    """
    full: dict[str, list[Mention]] = {}
    for m in found:
        if not m.short:
            full.setdefault(m.name, []).append(m)
    people: dict[str, list[Mention]] = {}
    for m in found:
        name = _joins(m, full)
        if name is not None:
            people.setdefault(name, []).append(m)
    out = []
    for name, ms in people.items():
        best = max(ms, key=lambda m: (not m.short, m.affiliation is not None, len(m.role)))
        if best.affiliation is None and (unit := title_unit(best.title)):
            counts = Counter(a for a in areas if a.endswith(unit))
            if counts:
                area = counts.most_common(1)[0][0]
                best = replace(best, role=area[: -len(unit)] + best.title, affiliation=area)
        out.append((replace(best, name=name), ms))
    return out
