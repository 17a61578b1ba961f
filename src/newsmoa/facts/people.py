"""People named with a title: `박성일 군수`, `박성일 완주군수`, `희망제작소 이원재 소장`,
`이원재 희망제작소 소장`, `전북대학교 총장 남궁민`, the short `박 군수`, and names written
from other languages: `도널드 트럼프 미국 대통령`, `아베 신조 일본 총리`, the short `트럼프 대통령`.

`mentions(analysis)` finds them in one sentence. After the name may come a modifier
(`title_modifiers.tsv`: 박근혜 전 대통령, 배성범 신임 서울중앙지검장), kept in the role, and up
to two words naming where the title is held (an organisation, a country, an area, or a proper
noun: `조국 전 청와대 민정수석`, `박원곤 한동대 교수`, an area's body: `김태호 청솔군의회
의장`), then the title. A title fused with an area (`청솔군수`) names its area whether or not
the area is known (`names.title_of`), and so does an area-shaped name right before its head's
title (`청솔군(군수 박정민)`: `names.area_form`). A name Kiwi misreads (a surname and a verb,
a root and a noun: `박정민` -> 박정/XR 민/NNG) is read as one by `clauses`. A title before a
name takes the organisation before it, with the organisation before that when it is its
branch (`한국농어촌공사 전북지역본부(본부장 이상훈)`: `names.branch`).

A foreign name is a run of one to three proper nouns that name nothing else (`names.
foreign_name_word`); a run needs two words, or one before a foreign country (`시진핑 중국
국가주석`), so an ordinary proper noun before a title (`청와대 대변인`) is no name. One word of
it before a title (`트럼프 대통령`) is a short mention.

`merge(mentions, orgs)` makes one person per name in an article: a surname alone (`이
부회장`) joins the only full name with that surname whatever its title, and a word of a
foreign name (`트럼프`, `아베`) the only full name it begins or ends; a short mention that
joins nobody is dropped (`김 위원장` says who only to a reader who met 김 before). The role is
the most specific one written (`완주군수` over `군수`), and a bare head-of-area title takes the
article's area of that kind (`박성일 군수` in an article about 완주군 -> 완주군수).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsmoa.facts.ages import age_after
from newsmoa.facts.clauses import Analysis, Word
from newsmoa.facts.names import (
    Title,
    admin_area,
    area_form,
    branch,
    foreign_country,
    foreign_name_word,
    is_country,
    is_name,
    is_organization,
    is_surname_only,
    korean_name,
    region,
    surname_is_a_word,
    title_modifier,
    title_of,
    title_unit,
    unread_name,
)
from newsmoa.facts.tables import words


@dataclass(frozen=True, slots=True)
class Mention:
    name: str  # the full name, or only the surname / one word of it for a short mention
    title: str  # the bare title (군수)
    role: str  # as written, with modifier and affiliation (완주군수, 전 청와대 민정수석)
    affiliation: str | None
    head: bool
    start: int
    end: int
    short: bool = False
    part: bool = False  # short, and one word of a foreign name (트럼프), not a surname


_LIST_MARKS = frozenset(",;·、")


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
        and (
            word.company
            or is_organization(word.stem, word.stem_tags)
            or admin_area(word.stem, word.stem_tags)
        )
    )


def _seat(word: Word | None, title: Title) -> bool:
    """An area-shaped name right before the title of its head (`청솔군(군수 박정민)`,
    `가람시 시장 김하늘`: `names.area_form`), an area Kiwi does not know: the title says
    what it is."""
    unit = title_unit(title.title)
    return bool(word and word.bare and unit and word.stem.endswith(unit) and area_form(word.stem))


def _affiliation(word: Word, after_country: bool = False) -> bool:
    """A word between a name and its title naming where the title is held: an organisation,
    a country, an area, or a proper noun that is no title (`청와대`, `한동대`: the name came
    first, so a proper noun here is not the name) nor another name, unless it ends like a
    school (`affiliation_endings`)."""
    if not word.bare or not word.stem:
        return False
    if _org(word) or is_country(word.stem) or region(word.stem) is not None:
        return True
    if set(word.stem_tags) != {"NNP"} or title_of(word.stem) is not None:
        return False
    if after_country:  # 존 볼턴 미 백악관 보좌관: after a country no second person starts
        return True
    return not is_name(word) or word.stem.endswith(tuple(words("affiliation_endings")))


@dataclass(frozen=True, slots=True)
class _Tail:
    """What follows a name: [modifier] [one or two affiliation words] title."""

    modifier: str | None
    affiliations: tuple[str, ...]
    title: Title
    last: int  # index of the title's word
    foreign: bool  # a foreign country among the affiliations

    def role(self) -> tuple[str, str | None]:
        """(role as written, affiliation)."""
        affiliation: str | None = self.title.affiliation
        core = self.title.role
        if self.affiliations:
            *rest, org = self.affiliations
            core = " ".join([*rest, _role(org, self.title)])
            affiliation = " ".join(self.affiliations)
        return (f"{self.modifier} {core}" if self.modifier else core), affiliation


def _tail(analysis: Analysis, j: int, affiliations: bool = True) -> _Tail | None:
    """The title after a name starting at word `j`. The longest reading wins, so an
    institute that ends like a title (`대외정책연구원 선임연구위원`) is the affiliation."""
    ws = analysis.words
    modifier = None
    if j < len(ws) and title_modifier(analysis.surface(ws[j])):
        modifier, j = analysis.surface(ws[j]), j + 1
    for n in (2, 1, 0) if affiliations else (0,):
        k = j + n
        if k >= len(ws) or not ws[k].stem:
            continue
        affs_ = ws[j:k]
        title = title_of(ws[k].stem)
        if title is None:
            continue
        if _formed(affs_):  # 이정미 햇살농원 영농조합법인 대표: 햇살농원's 대표
            return _Tail(modifier, (affs_[0].stem,), title, k, False)
        seat = _written_seat(analysis, affs_[-1], title) if affs_ else None
        if not all(
            (m == len(affs_) - 1 and seat)
            or _affiliation(a, m > 0 and is_country(affs_[m - 1].stem))
            for m, a in enumerate(affs_)
        ):
            continue
        affs = tuple(a.stem for a in affs_[:-1]) + ((seat or affs_[-1].stem,) if affs_ else ())
        return _Tail(modifier, affs, title, k, any(foreign_country(a) for a in affs))
    return None


def _formed(affs: Sequence[Word]) -> bool:
    """Whether two words between a name and its title are an organisation's name and its
    legal form (`org_forms.tsv`: `햇살농원 영농조합법인`), the name of any nouns Kiwi made of
    it (햇살농원/NNG): the person came first, so it is no kind (`지역 영농조합법인`). The
    person was missed (a black-box case)."""
    if len(affs) != 2 or not all(a.bare for a in affs) or affs[1].stem not in words("org_forms"):
        return False
    name = affs[0]
    return (
        bool(name.stem)
        and all(t in ("NNP", "NNG") for t in name.stem_tags)
        and title_of(name.stem) is None
        and name.stem not in words("org_forms")
    )


def _written_seat(analysis: Analysis, word: Word, title: Title) -> str | None:
    """The area a word names right before a title of that kind of area, or of none, as
    written (`박영수 청솔군 부군수`, `김민정 가상시 부시장`, `이민호 청솔군 농업정책과장`:
    `names.area_form`), an area neither the regions table nor Kiwi knows (Kiwi read `청솔군`
    as 청솔/NNG ㄹ/JKO 군/NNG, so the person went missing: a black-box case); only a title of
    its kind of area confirms it as an area (`extract.areas_confirmed`)."""
    written = analysis.surface(word)
    unit = title_unit(title.title)
    if unit and (title.prefix or not written.endswith(unit)):
        return None  # a 부군수 is no 시's; `청솔군 완주군수` is no one title
    return written if area_form(written) else None


def _mention(
    name: str, tail: _Tail, start: int, end: int, short: bool = False, part: bool = False
) -> Mention:
    role, affiliation = tail.role()
    return Mention(
        name, tail.title.title, role, affiliation, tail.title.head, start, end, short, part
    )


_NAME_PART_TAGS = frozenset({"NNP", "XPN", "MM"})


def _name_before(analysis: Analysis, i: int) -> bool:
    """Whether the word before word `i` may be an unread first word of the same name: Hangul
    ending in a proper noun, a prefix or a determiner, no particle or ending (`고노 다로`:
    Kiwi reads 고노 as 고/MM 노/XPN, which would leave 다로, a given name, as the whole
    name). A common noun there is ordinary text (`몇 시간 뒤 겅솽 중국 외교부 대변인`)."""
    if i == 0:
        return False
    prev = analysis.words[i - 1]
    tags = prev.stem_tags + tuple(t.tag for t in prev.after)
    return bool(tags) and analysis.surface(prev).isalpha() and tags[-1] in _NAME_PART_TAGS


def _own_office(analysis: Analysis, tail: _Tail, i: int) -> bool:
    """A head title written as one word with its place (`진안군수`, `진주시장`) right after
    word `i`, with its particle: what tells a name Kiwi read as a common noun
    (`names.unread_name`) from a word before a title of someone else (`지난해 문 대통령`,
    `국보법' 황 대표`) or a title that modifies a noun (`임시회 진안군수 출석을`)."""
    return (
        tail.last == i + 1
        and not tail.affiliations
        and tail.title.head
        and tail.title.affiliation is not None
        and not analysis.words[i + 1].bare  # `임시회 진안군수 출석을`: a noun's modifier
    )


def _name_first(analysis: Analysis, i: int) -> tuple[Mention, int] | None:
    """A mention whose name starts at word `i` and comes before its title, with the index
    of the title's word."""
    ws = analysis.words
    w = ws[i]
    run = 0
    korean = korean_name(w)  # 박원곤 한동대 교수: not a two-word name
    while not korean and run < 3 and i + run < len(ws) and foreign_name_word(ws[i + run]):
        run += 1
    if run >= 2:
        tail = _tail(analysis, i + run)
        if tail is None:
            return None
        names = list(ws[i : i + run])
        if run == 3 and not tail.affiliations:  # 존 볼턴 백악관 보좌관: three-word names are
            tail = replace(tail, affiliations=(names[-1].stem,))  # rare, affiliations not
            names = names[:-1]
        last = names[-1]
        if korean_name(last) and not tail.foreign:
            return None  # 삼성 이재용 부회장: a Korean name, met again at its own word
        name = " ".join(x.stem for x in names)
        return _mention(name, tail, w.stem_start, ws[tail.last].stem_end), tail.last
    if not w.bare or any(t.form in _LIST_MARKS for t in w.after):
        return None  # 창원, 진주, 김해시장: 진주 is a list item, not a name
    unread = not is_name(w) and unread_name(w)
    if is_name(w) or unread:
        tail = _tail(analysis, i + 1 + (age_after(analysis, i) is not None))  # 김영수(56) 전 …
        if tail is None or (unread and not _own_office(analysis, tail, i)):
            return None
        start, m = w.stem_start, _mention(w.stem, tail, w.stem_start, ws[tail.last].stem_end)
        prev = ws[i - 1] if i > 0 else None
        if m.affiliation is None and not tail.modifier and prev is not None and _org(prev):
            start = prev.stem_start
            m = replace(m, role=_role(prev.stem, tail.title), affiliation=prev.stem, start=start)
        return m, tail.last
    if is_surname_only(w):
        tail = _tail(analysis, i + 1, affiliations=False)
        if tail is None:
            return None
        return _mention(w.stem, tail, w.stem_start, ws[tail.last].stem_end, short=True), tail.last
    if run == 1:
        tail = _tail(analysis, i + 1)
        if tail is None:
            return None
        after = ws[tail.last + 1] if tail.last + 1 < len(ws) else None
        if not tail.affiliations and after is not None and is_name(after):
            return None  # 기술보증기금(이사장 정윤모): the title is the name's after it
        end = ws[tail.last].stem_end
        if tail.foreign and not _name_before(analysis, i):  # 시진핑 중국 국가주석
            return _mention(w.stem, tail, w.stem_start, end), tail.last
        return _mention(w.stem, tail, w.stem_start, end, short=True, part=True), tail.last
    return None


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
        found = _name_first(analysis, i)
        if found is not None:
            out.append(found[0])
            used.update(range(i, found[1] + 1))
            continue
        # a title before a name (`완주군수 박성일`), not one that ends a list item
        # (`신자용 법무부 검찰과장, 신봉수 ...`: 신봉수 is not the 검찰과장), nor one after a
        # surname or a determiner (`이 변호사 선출안`: the title is 이's, or this one's)
        listed = any(t.form in _LIST_MARKS for t in w.after)
        owned = prev is not None and len(analysis.surface(prev)) == 1
        title = title_of(w.stem) if w.bare and not listed and not owned else None
        if (
            title is not None
            and nxt is not None
            and is_name(nxt)
            and not (nxt.bare and nxt2 is not None and title_of(nxt2.stem))
        ):
            start, role, affiliation = w.stem_start, title.role, title.affiliation
            if affiliation is None and (_org(prev) or _seat(prev, title)) and prev is not None:
                start, role, affiliation = prev.stem_start, _role(prev.stem, title), prev.stem
                parent = at(i - 2)
                if parent is not None and branch(prev.stem) and parent.bare and _org(parent):
                    # 한국농어촌공사 전북지역본부(본부장 이상훈): the branch's head
                    start, role = parent.stem_start, f"{parent.stem} {role}"
                    affiliation = f"{parent.stem} {prev.stem}"
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
