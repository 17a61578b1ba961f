"""People named with a title: `박성일 군수`, `박성일 완주군수`, `희망제작소 이원재 소장`,
`이원재 희망제작소 소장`, `전북대학교 총장 남궁민`, and the short `박 군수`.

`mentions(analysis)` finds them in one sentence; `merge(mentions, orgs)` makes one person per
name in an article: a short mention joins the full name with the same surname and title, the
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


def merge(found: Sequence[Mention], areas: Sequence[str]) -> list[tuple[Mention, list[Mention]]]:
    """One (best mention, all its mentions) per person, in order of first mention.

    `areas` are the article's government areas in order of mention (`완주군` twice -> its
    most frequent one fills a bare `군수`).
    """
    people: dict[str, list[Mention]] = {}
    for m in found:
        if m.short:
            full = next(
                (
                    n
                    for n, ms in people.items()
                    if n.startswith(m.name) and any(x.title == m.title for x in ms)
                ),
                None,
            )
            people.setdefault(full or m.name, []).append(m)
        else:
            people.setdefault(m.name, []).append(m)
    out = []
    for name, ms in people.items():
        best = max(ms, key=lambda m: (m.affiliation is not None, len(m.role)))
        if best.affiliation is None and (unit := title_unit(best.title)):
            counts = Counter(a for a in areas if a.endswith(unit))
            if counts:
                area = counts.most_common(1)[0][0]
                best = replace(best, role=area[: -len(unit)] + best.title, affiliation=area)
        out.append((replace(best, name=name), ms))
    return out
