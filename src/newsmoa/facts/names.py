"""What a word's stem names: a title, a person's name, an organisation, a place.

Pure lookups over the tables (`titles`, `surnames`, `org_suffixes`, `org_stopwords`,
`org_stop_endings`, `org_kind_words`, `org_names`, `parties`, `universities`, `ministries`,
`venues`, `regions`, `countries`, `country_abbreviations`, `places_abroad`, `loan_syllables`,
`title_modifiers`, `affiliation_endings`, `company_words`, `branch_suffixes`); the stem
comes from
`clauses.Word` (Kiwi's nominal tokens of one word), so `완주군수는` is judged by `완주군수`
however Kiwi split it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from newsmoa.facts.clauses import Word
from newsmoa.facts.tables import longest_first, mapping, rows, words

_HANGUL = re.compile(r"[가-힣]+")
_CUT = frozenset({"NNP", "NNG", "NNB", "XSN", "XPN"})  # (이수진 -> 이수/NNP 진/XPN)


@dataclass(frozen=True, slots=True)
class Title:
    """`stem == prefix + title`; `affiliation` is the organisation fused into the title."""

    title: str
    prefix: str
    affiliation: str | None
    head: bool

    @property
    def role(self) -> str:
        return self.prefix + self.title


@cache
def _titles() -> list[tuple[str, str, bool]]:
    table = {row[0]: (row[1], row[2] == "1") for row in rows("titles")}
    return [(t, *table[t]) for t in longest_first(list(table))]


def title_of(stem: str) -> Title | None:
    """The title a stem ends with (`완주군수` -> 군수 of 완주군), or None."""
    for title, unit, head in _titles():
        if stem.endswith(title):
            prefix = stem[: len(stem) - len(title)]
            if prefix and not _HANGUL.fullmatch(prefix):
                return None
            affiliation = None
            if prefix and unit != "-":
                affiliation = prefix if prefix.endswith(unit) else prefix + unit
            elif prefix and is_organization(prefix, ("NNP",)):
                affiliation = prefix
            return Title(title, prefix, affiliation, head)
    return None


def title_modifier(text: str) -> bool:
    """A word between a name and its title saying which holder (`전`, `신임`, `초대`)."""
    return text in words("title_modifiers")


def head_title(title: str) -> bool:
    """Whether a title (or a role ending with one) heads an organisation."""
    found = title_of(title.split()[-1]) if title.strip() else None
    return bool(found and found.head)


def title_unit(title: str) -> str | None:
    """The administrative suffix a title heads (군수 -> 군), or None."""
    unit = mapping("titles").get(title, ("-",))[0]
    return None if unit == "-" else unit


def surname_of(stem: str) -> str | None:
    """The family name a stem starts with, when it can be a Korean personal name."""
    if not _HANGUL.fullmatch(stem) or not 1 <= len(stem) <= 5:
        return None
    for n in (2, 1):
        if stem[:n] in words("surnames") and (len(stem) == n or len(stem) - n <= 2):
            return stem[:n]
    return None


def is_name(word: Word) -> bool:
    """A full personal name: a proper-noun stem of 2-4 syllables starting with a surname, or
    a 3-syllable one Kiwi did not know and cut into nouns (이남호 -> 이남/NNG 호/NNB)."""
    unknown = len(word.stem) == 3 and len(word.stem_tags) > 1 and set(word.stem_tags) <= _CUT
    return (
        2 <= len(word.stem) <= 4
        and not word.company
        and (word.stem_tags == ("NNP",) or unknown)
        and surname_of(word.stem) is not None
        and title_of(word.stem) is None
        and region(word.stem) is None
        and word.stem not in words("countries")
        and word.stem not in words("places_abroad")  # 하와이, 제네바: 하, 제 are surnames
        and word.stem not in words("company_words")  # 모비스
        and not is_organization(word.stem, word.stem_tags)
        and not is_district(word.stem)
    )


def unread_name(word: Word) -> bool:
    """A three-syllable name Kiwi read as one common noun (`김도윤/NNG` before `진안군수와
    이수진 진안군의회 의장`, where it read the name alone right): one only before a head
    title with its affiliation (`people`), where a common noun starting with a surname's
    syllable would not stand (the county head went missing from the facts: a black-box
    case)."""
    return (
        word.stem_tags == ("NNG",)
        and len(word.stem) == 3
        and word.stem not in mapping("date_words")  # 지난해, 지난달
        and is_name(replace(word, stem_tags=("NNP",)))
    )


def is_district(stem: str) -> bool:
    """An electoral district: an area with 갑/을/병 (`마포을`, `수원갑`), which starts like a
    name (마 and 수 are surnames) and stands before a 지역위원장 like one."""
    area = stem[:-1]
    return (
        len(stem) >= 3
        and stem[-1] in "갑을병"
        and any(region(area + unit) is not None for unit in ("", "구", "시", "군"))
    )


def korean_name(word: Word) -> bool:
    """A full name of the usual Korean shape (three syllables, no syllable of a foreign
    name: `loan_syllables`), so the proper noun after it is its affiliation (`박원곤 한동대
    교수`), not the second word of a foreign name (`마이크 폼페이오`)."""
    return (
        is_name(word)
        and len(word.stem) == 3
        and not any(ch in words("loan_syllables") for ch in word.stem)
    )


def is_surname_only(word: Word) -> bool:
    return word.stem_tags == ("NNP",) and word.stem in words("surnames")


def surname_is_a_word(surname: str) -> bool:
    """A family name that is also a word before a title (`양 장관`: both ministers)."""
    return len(mapping("surnames").get(surname, ())) > 0


def is_country(stem: str) -> bool:
    """A country, by its name or its one-syllable short form (`미`, `中`)."""
    return stem in words("countries") or stem in words("country_abbreviations")


def foreign_country(stem: str) -> bool:
    """A country other than Korea: before a title it says the person is foreign (`시진핑 중국
    국가주석`), so a proper noun before it is a whole name, not a Korean one."""
    return is_country(stem) and stem not in ("한국", "대한민국")


def written_from_abroad(name: str) -> bool:
    """Whether a person's name is written from another language: words apart (도널드
    트럼프), no Korean family name first, or a syllable Korean names do not use
    (`loan_syllables`: 던퍼드, 폼페이오)."""
    return (
        " " in name or surname_of(name) is None or any(ch in words("loan_syllables") for ch in name)
    )


def foreign_name_word(word: Word) -> bool:
    """A word that can be part of a name written in Hangul from another language (`도널드`,
    `트럼프`, `요시히데`): one proper noun, bare, naming no country, area, organisation,
    building or title, and no Korean family name alone (`양`, `이`)."""
    stem = word.stem
    return (
        word.stem_tags == ("NNP",)
        and not word.after  # 창원, 진주, 김해시장: a list, not one name
        and bool(_HANGUL.fullmatch(stem))
        and len(stem) <= 6
        and stem not in words("surnames")
        and not is_country(stem)
        and stem not in words("places_abroad")
        and stem not in words("company_words")
        and region(stem) is None
        and title_of(stem) is None
        and not is_organization(stem, word.stem_tags)
        and not admin_area(stem, word.stem_tags)
        and not venue_word(stem)
        and not is_district(stem)
    )


@cache
def _regions() -> dict[str, tuple[str, str]]:
    return {name: (kind, full) for name, kind, full, _province in rows("regions")}


def region(stem: str) -> tuple[str, str] | None:
    """(kind, full name) of a known administrative area (`전북` -> province 전북특별자치도)."""
    return _regions().get(stem)


def admin_area(stem: str, tags: tuple[str, ...]) -> bool:
    """A government area that acts (`완주군`, `강남구`, `서울시`, `경기도`; not the bare `전북`).
    Korea's are in `regions.tsv`; another proper noun ending in 시, 군 or 구 counts only
    from four syllables (`오사카시`): shorter ones were mostly people (`유군`, a boy;
    `한민구`; `히로시`) or things (`수직구`, a shaft) on the dev day."""
    if stem in _regions():
        return _regions()[stem][0] != "province" or stem[-1] in "시도"
    if len(stem) < 4 or not _HANGUL.fullmatch(stem) or stem[-1] not in "시군구":
        return False
    return "NNP" in tags and title_of(stem) is None and stem not in words("org_stopwords")


@cache
def area_units() -> frozenset[str]:
    """The suffixes of the areas a title heads (`titles.tsv`: 군, 시, 구, 도, 읍, 면, 동)."""
    return frozenset(row[1] for row in rows("titles") if row[1] != "-")


def area_form(stem: str) -> bool:
    """A name shaped like an administrative area: two or more Hangul syllables and an area's
    suffix (`청솔군`, `가람시`, `완주군`), not a title, nor a personal name with a young man's
    `군` (`김민수군`). The shape alone says little (`반란군`, `신호등`, `유군`, a boy): the
    article must write the area's office too (`areas_confirmed` in `facts.extract`: `박정민
    청솔군수`, `청솔군(군수 박정민)`, `청솔군의회`) before the name counts as one."""
    prefix = stem[:-1]
    return (
        len(stem) >= 3
        and bool(_HANGUL.fullmatch(stem))
        and stem[-1] in area_units()
        and title_of(stem) is None
        and stem not in words("org_stopwords")
        and not (len(prefix) == 3 and surname_of(prefix) is not None)
    )


@cache
def _org_suffixes() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`org_suffixes.tsv`'s endings and kinds, longest first (sorted once: `seat_area` is
    asked of every word of an article)."""
    return tuple(sorted(mapping("org_suffixes").items(), key=lambda kv: -len(kv[0])))


def seat_area(stem: str) -> str | None:
    """The area an organisation of an area is named by (`org_suffixes`, kind `area`:
    `청솔군의회` -> 청솔군, `서울시의회` -> 서울시), or None."""
    for suffix, kind in _org_suffixes():
        if kind[0] == "area" and stem.endswith(suffix):
            area = stem[: -len(suffix)]
            return area if region(area) is not None or area_form(area) else None
    return None


def branch(stem: str) -> bool:
    """A word naming a branch of the organisation written before it: an area's name and a
    word of `branch_suffixes.tsv` (`진안지사`, `고양지원`, `전북지역본부`, `인천남부지사`;
    not `긴급지원`, `재난대책본부`), whichever of the suffixes it ends with leaves the area."""
    return any(stem.endswith(x) and _area_named(stem[: -len(x)]) for x in words("branch_suffixes"))


_DIRECTIONS = ("동부", "서부", "남부", "북부", "중부")


def _area_named(name: str) -> bool:
    """Whether `name` names a Korean area, by itself or with 시, 군, 구 or 도 (`진안`,
    `고양`, `경기`, `인천남부`), so that `진안지사` is a branch and `긴급지원` is no place's."""
    direction = next((d for d in _DIRECTIONS if name.endswith(d)), "")
    for base in {name, name[: len(name) - len(direction)]}:
        if base and any(region(base + end) for end in ("", "시", "군", "구", "도")):
            return True
    return False


def is_organization(stem: str, tags: tuple[str, ...]) -> bool:
    """A stem that names an organisation by its ending (`희망제작소`, `국토교통부`); a
    company, school or medium ending (`은행`, `대학`, `방송`) only in a proper noun
    (`신한은행`, not `시중은행`): Kiwi tags the generic ones as common nouns throughout."""
    if not _HANGUL.fullmatch(stem) or stem in words("org_stopwords") or is_venue(stem):
        return False
    if stem in words("org_forms"):  # 사회적협동조합 alone: a kind of organisation
        return False
    if any(stem.endswith(w) for w in words("org_stop_endings")):  # 중간간부, 정면승부
        return False
    if _kind_of_organization(stem):  # 농업협동조합, 노동조합: no name in it
        return False
    if stem in words("parties") or stem in words("universities") or stem in words("org_names"):
        return True  # 정의당, 서울대: their own names, whatever their first syllable
    if stem in words("ministries"):  # 경제부, 공안부: too short for the ministry ending
        return True
    for suffix, kind in _org_suffixes():
        if stem.endswith(suffix) and len(stem) > len(suffix):
            if kind[0] == "area":  # 청솔군의회, not 지방의회
                return seat_area(stem) is not None
            if kind[0] == "ministry":  # 국토교통부: Kiwi often splits it into common nouns
                return len(stem) >= 4
            if kind[0] == "proper":  # 신한은행, not 시중은행 (common nouns only)
                return "NNP" in tags
            if kind[0] == "short":  # 청/원/회: a proper noun, not a 3-syllable name (이상원)
                long_enough = len(stem) >= 4 or (len(stem) == 3 and surname_of(stem) is None)
                return long_enough and "NNP" in tags
            return True
    return False


def _kind_of_organization(stem: str) -> bool:
    """A stem of `org_kind_words` alone before an ending or a legal form (`농업협동조합`,
    `소비자생활협동조합`, `노동조합`): a kind of organisation, no organisation's name."""
    endings = [*words("org_forms"), *mapping("org_suffixes")]
    return any(stem.endswith(end) and _kind_words(stem[: len(stem) - len(end)]) for end in endings)


def _kind_words(text: str) -> bool:
    """Whether `text` is one or more `org_kind_words` written together."""
    if not text:
        return False
    return any(
        text.startswith(w) and (len(w) == len(text) or _kind_words(text[len(w) :]))
        for w in words("org_kind_words")
    )


def venue_word(stem: str) -> bool:
    """A building or room, named or not (`시청`, `회의실`, `서울시청`)."""
    return stem in words("venues") or is_venue(stem)


def is_venue(stem: str) -> bool:
    """A named building or room (`서울시청`, `대회의실`), or a word that names one alone
    (`venues.tsv`, `named`: `주민자치센터`)."""
    return any(
        stem.endswith(row[0]) and (len(stem) > len(row[0]) or row[1:] == ("named",))
        for row in rows("venues")
    )
