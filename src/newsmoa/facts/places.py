"""Organisations and places in one analysed sentence.

- organisation: a government area that acts (`완주군은`, `서울시와`; one Kiwi and the regions
  table do not know, `청솔군`, once the article writes its office: `extract.areas_confirmed`)
  or a proper noun with an organisation ending (`희망제작소`, `국토교통부`, `전북대학교`, an
  area's body: `청솔군의회`); a branch written after its organisation is one with it
  (`한국농어촌공사 전북지역본부`, `names.branch`);
- place, not organisation: a government area written as part of an address, followed by a
  smaller unit or a noun of location (`서울 양천구 목동 소재 공사장`, `전주시 완산구 한 야산`,
  `관악구의 한 편의점`, `양천구에 위치한`; table `place_heads`): there it says where, and
  news of accidents and crimes writes most areas so; the smaller unit (`목동`) is a place too,
  and a town or township (`고산면과 비봉면`) is one wherever it is written;
- place: a province or region (`전북`; a proper noun: not the economy in `경기 반등`), a
  building or room (`서울시청`, `대회의실`), and any proper noun or room used as a location
  (`뉴욕에서`, `회의실에서`): that one is the place of
  its clause's happening, so it carries the clause's label; the others carry none. An
  organisation with 에서 is a place too only where its clause hosts a happening (a signing,
  a meeting, `열린`, `발생한`: table `hosting`); elsewhere it is who acts (`동아오츠카에서
  만든`, `청와대에서 검토할`). A named building that acts (`마포구청은`, `서대문구청 관계자`,
  table `actor_marks`) is an organisation.
  A location keeps the bare nouns written before it (`시청 4층 회의실에서` -> 시청 4층 회의실).
- organisation: a company marked as one (`㈜한결에너지`, `Word.company`).

And the town an article's dateline files from (`dateline_place`), in either language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsmoa.facts import names
from newsmoa.facts.clauses import Analysis, Word
from newsmoa.facts.names import (
    admin_area,
    is_organization,
    is_venue,
    region,
    surname_of,
    title_of,
    venue_word,
)
from newsmoa.facts.tables import mapping, rows, words
from newsmoa.types import Article, Fact, Source

LOCATIVE = frozenset({"에서", "에서는", "에서도", "에서의"})
PHRASE_WORDS = 3  # bare nouns a location may take from before it
_FLOOR = re.compile(r"(지하\s*)?\d+층|\d+호")


@dataclass(frozen=True, slots=True)
class Found:
    type: str  # organization | place
    value: str
    start: int
    end: int
    locative: bool = False  # written as where something happened (`...에서`, `at City Hall`)


def _locative(word: Word) -> bool:
    for t in word.after:
        if t.tag.startswith("J"):
            return t.form in LOCATIVE or (t.form == "에" and is_venue(word.stem))
        if not t.tag.startswith("S"):
            return False
    return False


def find(
    analysis: Analysis, people_spans: list[tuple[int, int]], areas: frozenset[str] = frozenset()
) -> list[Found]:
    """Organisations and places of one sentence; words inside a person mention's title
    (`완주군수`) are left to the person. `areas` are area-shaped names the article confirmed
    as areas (`청솔군`, by its office: `names.area_form`), government areas like the known
    ones."""

    def admin_area(stem: str, tags: tuple[str, ...]) -> bool:
        return stem in areas or names.admin_area(stem, tags)

    out: list[Found] = []
    taken: set[int] = set()  # words read as part of the organisation before them
    for i, w in enumerate(analysis.words):
        stem = w.stem
        if (
            not stem
            or i in taken
            or (
                _inside(w, people_spans)
                and (title_of(stem) is not None or surname_of(stem) is not None)
            )
        ):
            continue
        # a platform or a party is where words are posted or an actor (`정부에서 발표했다`),
        # not where something happens
        loc = _locative(w) and stem not in words("platforms") and stem not in words("parties")
        if admin_area(stem, w.stem_tags) and _address(analysis, i):
            out.append(Found("place", stem, w.stem_start, w.stem_end, loc))
        elif w.company or admin_area(stem, w.stem_tags) or is_organization(stem, w.stem_tags):
            branch = _branch(analysis, i)
            if branch is not None:  # `한국농어촌공사 진안지사`: one organisation
                out.append(
                    Found("organization", f"{stem} {branch.stem}", w.stem_start, branch.stem_end)
                )
                taken.add(i + 1)
                if _locative(branch) and _hosting(analysis, branch):  # `…고양지원에서 열린`
                    out.append(_location(analysis, i + 1))
                continue
            out.append(Found("organization", stem, w.stem_start, w.stem_end))
            if loc and _hosting(analysis, w):
                out.append(_location(analysis, i))
        elif loc and (venue_word(stem) or all(t == "NNP" for t in w.stem_tags)):
            if not _event(stem):
                out.append(_location(analysis, i))
        elif is_venue(stem) and _acts(analysis, i):
            out.append(Found("organization", stem, w.stem_start, w.stem_end))
        elif (
            is_venue(stem) or _region(w) or _unit_after_area(analysis, i) or _township(analysis, i)
        ):
            out.append(Found("place", stem, w.stem_start, w.stem_end, False))
            if _township(analysis, i):  # (`고산면·비봉면·운주면`: one word, three townships)
                out.extend(
                    Found("place", t.form, t.start, t.end, False)
                    for t in w.after
                    if t.tag == "NNP" and t.form[-1] in _place_heads("township")
                )
    return out


def _branch(analysis: Analysis, i: int) -> Word | None:
    """The word after organisation word `i` when it names a branch of it (`names.branch`:
    `진안지사`, `고양지원`, `전북지역본부`; not `긴급지원`), written right after it with
    nothing between."""
    if not analysis.words[i].bare or i + 1 >= len(analysis.words):
        return None
    nxt = analysis.words[i + 1]
    return nxt if names.branch(nxt.stem) else None


@cache
def _place_heads(kind: str) -> frozenset[str]:
    return frozenset(word for word, k in rows("place_heads") if k == kind)


def _region(word: Word) -> bool:
    """A province or region written as a proper noun: `경기` in `반도체 경기 반등` (the
    economy; 36 on the dev and August days, most of them so) and `축구 경기` are common nouns."""
    return region(word.stem) is not None and "NNP" in word.stem_tags


def _area_like(word: Word) -> bool:
    """An administrative area or a city written without 시 (`원주`, `전주`)."""
    stem = word.stem
    return bool(stem) and (
        admin_area(stem, word.stem_tags)
        or region(stem) is not None
        or (word.stem_tags == ("NNP",) and region(stem + "시") is not None)
    )


def _unit(word: Word) -> bool:
    """A smaller address unit written as a proper noun (`목동`, `표선면`, `성읍리`)."""
    units = _place_heads("unit")
    return (
        len(word.stem) >= 2
        and word.stem_tags == ("NNP",)
        and word.stem[-1] in units
        and title_of(word.stem) is None
    )


def _township(analysis: Analysis, i: int) -> bool:
    """A county's town or township (`고산면과 비봉면, 운주면 일대`): its ending alone makes it
    a place, with no area before it (table `place_heads`, kind `township`), unless a person's
    honorific follows it (`김지면 씨`: a name; kind `person`). A title does not make it a
    name: `고산면 이장` is the township's own office."""
    word = analysis.words[i]
    if not (_unit(word) and word.stem[-1] in _place_heads("township")):
        return False
    nxt = analysis.words[i + 1] if i + 1 < len(analysis.words) else None
    return nxt is None or nxt.stem not in _place_heads("person")


def _head(analysis: Analysis, word: Word) -> bool:
    heads = _place_heads("head")
    return word.stem in heads or analysis.surface(word).strip(",") in heads


def _address(analysis: Analysis, i: int) -> bool:
    """Whether the area at word `i` is part of an address: a smaller unit or a noun of
    location follows it, straight or after its proper nouns (`덕양구 마곡대교 남단 인근`), or
    its 의/에 leads to one (`관악구의 한`, `양천구에 위치한`)."""
    words = analysis.words
    area = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else None
    if nxt is None:
        return False
    particle = area.particle()
    if particle in ("의", "에"):
        after = _place_heads(particle)
        return area.after[-1].tag.startswith("J") and any(
            analysis.surface(nxt).startswith(w) for w in after
        )
    if not area.bare or analysis.surface(area).endswith(","):
        return False
    for w in words[i + 1 : i + 1 + PHRASE_WORDS]:
        if _head(analysis, w) or _unit(w) or _area_like(w):
            return True
        if not (w.bare and w.stem_tags == ("NNP",)):
            return False
    return False


def _unit_after_area(analysis: Analysis, i: int) -> bool:
    """A smaller address unit or a city without 시 right after an area (`양천구 목동`,
    `표선면 성읍리`, `강원도 원주`)."""
    w = analysis.words[i]
    city = w.stem_tags == ("NNP",) and region(w.stem + "시") is not None
    if i == 0 or not (_unit(w) or city):
        return False
    prev = analysis.words[i - 1]
    return prev.bare and (_area_like(prev) or _unit(prev))


@cache
def _hosting_rx() -> re.Pattern[str]:
    labels = {v for k, v in rows("hosting") if k == "label"}
    verbs = [v for k, v in rows("hosting") if k == "verb"]
    happenings = [rx for label, rx in rows("happenings") if label in labels]
    return re.compile("|".join(f"(?:{rx})" for rx in (*happenings, *verbs)))


def _hosting(analysis: Analysis, word: Word) -> bool:
    """Whether the clause of a word written with 에서 hosts a happening there (its words
    after the word: `에서 협약을 체결했다`, `에서 열린`), not one the word does."""
    clause = analysis.clause_at(word.stem_end - 1)
    end = clause.end if clause else analysis.start + len(analysis.text)
    after = analysis.text[word.end - analysis.start : end - analysis.start]
    return _hosting_rx().search(after) is not None


def _event(stem: str) -> bool:
    """A meeting or ceremony named as a proper noun (`국무회의에서 결정될`): when, not where."""
    return any(
        re.search(rx, stem) for label, rx in rows("happenings") if label in ("meeting", "ceremony")
    )


def _acts(analysis: Analysis, i: int) -> bool:
    """A named building that acts: a subject particle or a word for its people after it."""
    w = analysis.words[i]
    marks = {k: {v for v, kind in rows("actor_marks") if kind == k} for k in ("particle", "head")}
    if w.particle() in marks["particle"]:
        return True
    nxt = analysis.words[i + 1] if i + 1 < len(analysis.words) else None
    return w.bare and nxt is not None and nxt.stem in marks["head"]


def _location(analysis: Analysis, i: int) -> Found:
    """The place phrase ending with word `i` (written before `에서`); words of time before it
    are not part of it (`떠나기 전 백악관에서`, `다음달 중순 뉴욕에서`)."""
    words = analysis.words
    first = i
    while first > 0 and i - first < PHRASE_WORDS:
        prev = words[first - 1]
        nominal = (
            prev.stem_tags
            and all(t in ("NNP", "NNG") for t in prev.stem_tags)
            and prev.stem not in mapping("day_periods")
            and prev.stem not in mapping("date_words")
            and prev.stem not in mapping("date_parts")
            and prev.stem not in mapping("date_modifiers")
            and prev.stem not in _place_heads("time")
        )
        if (
            not prev.bare
            or prev.stem != analysis.surface(prev)
            or not (nominal or _FLOOR.fullmatch(prev.stem))
        ):
            break
        first -= 1
    start, end = words[first].stem_start, words[i].stem_end
    value = analysis.text[start - analysis.start : end - analysis.start]
    return Found("place", value, start, end, True)


def _inside(word: Word, spans: list[tuple[int, int]]) -> bool:
    return any(s <= word.stem_start and word.stem_end <= e for s, e in spans)


DATELINE = "dateline"  # what the town a report was filed from is about


def dateline_place(article: Article) -> Fact | None:
    """The town the article's dateline files from (`Article.dateline_place`: `(전주=연합뉴스)`
    -> 전주, `SPRINGFIELD, Ill. (AP) —` -> `Springfield, Ill.`) as a place about the
    dateline, its source the article: the marker is no part of its text, so the source is
    the empty span at the text's end, which no sentence holds (outlets filing from two towns
    state no two places of one happening). None when the dateline names no town."""
    town = article.dateline_place
    if not town:
        return None
    end = len(article.text)
    return Fact("place", town, (Source(article.id, end, end),), text=town, about=DATELINE)
