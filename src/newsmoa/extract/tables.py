"""Loads the extraction knowledge tables in `data/` (outlets, dateline labels, boilerplate).

Knowledge about outlets and page furniture lives in these TSV files, not in code paths.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta, timezone, tzinfo
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo


def longest_first(items: Iterable[str]) -> list[str]:
    """Words sorted longest first, so a regex alternation prefers the longest match."""
    return sorted(items, key=lambda w: (-len(w), w))


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of words, longest first, each escaped, a space in one matching
    any run of spaces (`Staff Writer`, `per cent`); the facts stage's tables use it too."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first(items))


def _rows(name: str) -> list[list[str]]:
    text = resources.files("newsmoa.extract").joinpath(f"data/{name}").read_text("utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


def _firsts(name: str, *, lower: bool = False) -> tuple[str, ...]:
    """The first column of a table, in its order (lower-cased when asked)."""
    return tuple(r[0].strip().lower() if lower else r[0].strip() for r in _rows(name))


_MAX_LATIN_NAME = 30  # words, not syllables: `Ohio Valley Wire` is 16 characters


@dataclass(frozen=True, slots=True)
class Outlets:
    by_alias: dict[str, str]  # every name and alias -> canonical name
    by_domain: dict[str, str]  # host suffix -> canonical name
    suffixes: tuple[str, ...]

    def canonical(self, name: str) -> str | None:
        """The canonical outlet for a name as written, or None when it does not look like one."""
        name = name.strip()
        if name in self.by_alias:
            return self.by_alias[name]
        most = 15 if any("가" <= c <= "힣" for c in name) else _MAX_LATIN_NAME
        if len(name) <= most and any(
            name.endswith(x) and len(name) > len(x) for x in self.suffixes
        ):
            return name  # (an ending alone names no outlet: `매일`, `뉴스`: a review)
        return None

    def names_one(self, word: str) -> bool:
        """Whether a word in running text is an outlet's known name or alias: only those of
        3+ characters ("서울", "세계" are aliases, and also places and topics)."""
        return len(word) >= 3 and word in self.by_alias

    def from_host(self, host: str) -> str | None:
        host = host.lower().strip(".")
        parts = host.split(".")
        for i in range(len(parts) - 1):
            hit = self.by_domain.get(".".join(parts[i:]))
            if hit:
                return hit
        return None


@cache
def outlets() -> Outlets:
    by_alias: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for row in _rows("outlets.tsv"):
        name = row[0].strip()
        aliases = [a.strip() for a in (row[1] if len(row) > 1 else "").split(",") if a.strip()]
        domains = [d.strip() for d in (row[2] if len(row) > 2 else "").split(",") if d.strip()]
        for alias in [name, *aliases]:
            by_alias.setdefault(alias, name)
        for domain in domains:
            by_domain.setdefault(domain.lower(), name)
    suffixes = _firsts("outlet_suffixes.tsv")
    return Outlets(by_alias, by_domain, suffixes)


@cache
def dateline_labels() -> dict[str, str]:
    return {r[0].strip(): r[1].strip() for r in _rows("datelines.tsv")}


@cache
def boilerplate_words() -> frozenset[str]:
    return frozenset(r[1].strip().lower() for r in _rows("boilerplate.tsv"))


@cache
def copyright_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r[0]) for r in _rows("copyright.tsv"))


@cache
def notice_sentence_pattern() -> re.Pattern[str]:
    """What a copyright notice's own sentence says (`notice_sentences.tsv`)."""
    return re.compile("|".join(f"(?:{r[0]})" for r in _rows("notice_sentences.tsv")))


@cache
def portals() -> frozenset[str]:
    """Portals' and aggregators' names (`portals.tsv`: `네이버 뉴스`, `Yahoo News`),
    lower-cased."""
    return frozenset(_firsts("portals.tsv", lower=True))


@cache
def end_mark_pattern() -> re.Pattern[str]:
    """A wire's end mark closing a line (`end_marks.tsv`: `(끝)`, `(END)`), the spaces
    before it too."""
    marks = sorted(_firsts("end_marks.tsv"), key=len, reverse=True)
    return re.compile(rf"\s*(?:{'|'.join(map(re.escape, marks))})\s*$")


@cache
def tip_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r[0]) for r in _rows("tip_lines.tsv"))


@cache
def page_line_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r[0], re.IGNORECASE) for r in _rows("page_lines.tsv"))


@cache
def caption_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r[0]) for r in _rows("captions.tsv"))


@cache
def credit_patterns() -> tuple[re.Pattern[str], ...]:
    """Each `credits.tsv` pattern, anchored at the end of the text it is searched in, maybe
    in brackets or after a slash (`(사진=청솔군 제공)`, `/사진=뉴시스`)."""
    return tuple(
        re.compile(rf"[(\[<【/]?\s*(?:{r[0]})\s*[)\]>】]?\s*$") for r in _rows("credits.tsv")
    )


@cache
def photo_credit_pattern() -> re.Pattern[str]:
    """Any `photo_credits.tsv` pattern, as one alternation."""
    return re.compile("|".join(f"(?:{r[0]})" for r in _rows("photo_credits.tsv")))


@cache
def photo_credit_cues() -> tuple[str, ...]:
    """Words one of which every `photo_credits.tsv` match contains."""
    return tuple(sorted({c.strip() for r in _rows("photo_credits.tsv") for c in r[1].split(",")}))


@cache
def not_holders() -> tuple[str, ...]:
    """Words after a copyright mark that name no publisher (`not_holders.tsv`)."""
    return _firsts("not_holders.tsv")


@cache
def reporter_labels() -> tuple[frozenset[str], frozenset[str]]:
    """Labels of a reporter's name on a page's information list, and words after one that
    name no one (`reporter_labels.tsv`)."""
    rows = [(r[0].strip(), r[1].strip()) for r in _rows("reporter_labels.tsv")]
    labels = frozenset(w for w, kind in rows if kind == "label")
    return labels, frozenset(w for w, kind in rows if kind == "not a name")


@cache
def breadcrumb_words() -> frozenset[str]:
    """Words that open a page's breadcrumb (`breadcrumb_words.tsv`), lower-cased."""
    return frozenset(_firsts("breadcrumb_words.tsv", lower=True))


@cache
def section_labels() -> frozenset[str]:
    """Names of a site's sections (`section_labels.tsv`), lower-cased."""
    return frozenset(_firsts("section_labels.tsv", lower=True))


@cache
def company_endings() -> dict[str, bool]:
    """Words that end a company's name (`company_endings.tsv`: `Inc.`, `Corporation`), and
    whether each is a legal form (`Inc.`, `LLC`: it may stand after a comma)."""
    return {
        r[0].strip(): len(r) > 1 and r[1].strip() == "legal" for r in _rows("company_endings.tsv")
    }


@cache
def reporter_roles() -> tuple[str, ...]:
    """What a Korean byline calls its writer after the name (`reporter_roles.tsv`: `기자`,
    `특파원`), in the table's order."""
    return _firsts("reporter_roles.tsv")


@cache
def desk_endings() -> tuple[str, ...]:
    """How a newsroom desk's name ends (`desk_endings.tsv`: `사회부`, `동아닷컴`)."""
    return _firsts("desk_endings.tsv")


@cache
def notice_words() -> tuple[str, ...]:
    """Words of a copyright notice about the text (`notice_words.tsv`: `무단`, `all
    rights`), lower-cased."""
    return _firsts("notice_words.tsv", lower=True)


@cache
def credited_words() -> tuple[str, ...]:
    """Words after a name that make a line of a mark and a name a picture's credit
    (`credited_words.tsv`: `ⓒ 영월군 제공`)."""
    return _firsts("credited_words.tsv")


@cache
def byline_leads() -> str:
    """A regex alternation of the words opening an English byline (`byline_leads.tsv`:
    `By`, `Posted by`)."""
    return alternation(_firsts("byline_leads.tsv"))


@cache
def staff_pattern() -> re.Pattern[str]:
    """The desk words closing an English byline after its comma (`staff_words.tsv`: `Staff
    Writer`), after a space and at the end; a space in one matches any run of spaces."""
    return re.compile(rf"\s+(?:{alternation(_firsts('staff_words.tsv'))})$")


@cache
def masthead_words() -> tuple[str, ...]:
    """Words after an outlet's name in its masthead (`masthead_words.tsv`: `WAND News`)."""
    return _firsts("masthead_words.tsv")


@cache
def masthead_endings() -> tuple[str, ...]:
    """Endings of an unknown outlet's masthead (`masthead_endings.tsv`)."""
    return _firsts("masthead_endings.tsv")


@cache
def dated_masthead_endings() -> tuple[str, ...]:
    """Endings of a masthead beside a date only (`dated_masthead_endings.tsv`: `News`)."""
    return _firsts("dated_masthead_endings.tsv")


@cache
def caption_marks() -> tuple[str, ...]:
    """Marks opening a photo's caption under a headline (`caption_marks.tsv`: `▲`)."""
    return _firsts("caption_marks.tsv")


@cache
def list_intros() -> tuple[str, ...]:
    """Endings of a paragraph that introduces a list (`list_intros.tsv`), lower-cased."""
    return _firsts("list_intros.tsv", lower=True)


@cache
def url_noise() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """What a URL carries that does not name its article (`url_noise.tsv`): query
    parameters, parameter name prefixes and host prefixes, lower-cased."""
    table = [(kind.strip(), value.strip().lower()) for kind, value in _rows("url_noise.tsv")]
    return (
        frozenset(v for kind, v in table if kind == "param"),
        tuple(v for kind, v in table if kind == "prefix"),
        tuple(v for kind, v in table if kind == "host"),
    )


@cache
def marker_labels() -> dict[str, str]:
    """Words before "=" in an opening bracket that label what follows, not an outlet's place
    (`marker_labels.tsv`: "[사진=김민수 기자]"), with whose the name after it is: a credit's
    (a photo's) or the writer's ("[정리=김민수 기자]": the reporter)."""
    return {r[0].strip(): r[1].strip() for r in _rows("marker_labels.tsv")}


@cache
def month_names() -> dict[str, int]:
    """Month names as English pages write them, lower-cased, with their number."""
    return {r[0].strip(): int(r[1]) for r in _rows("month_names.tsv")}


@cache
def time_zones() -> dict[str, tzinfo]:
    """Zone abbreviations of datelines (upper case) and the clocks they name: a fixed offset
    (`EST`: UTC-5), or a region's clocks whatever the season (`ET`: America/New_York)."""
    return {r[0].strip(): _clocks(r[1].strip()) for r in _rows("time_zones.tsv")}


def _clocks(written: str) -> tzinfo:
    if "/" in written:
        return ZoneInfo(written)
    return timezone(timedelta(hours=float(written)))


@cache
def zone_regions() -> dict[str, ZoneInfo]:
    """Zone abbreviations (upper case) that name a region's clocks, and that region's zone
    (`CST`: America/Chicago): an article writing one reads its other times there."""
    rows = _rows("time_zones.tsv")
    return {r[0].strip(): ZoneInfo(r[2].strip()) for r in rows if len(r) > 2 and r[2].strip()}


@dataclass(frozen=True, slots=True)
class Place:
    """A place English pages name (`places_en.tsv`), as one kind of place (`Washington` the
    state and the city are two)."""

    name: str
    kind: str  # state | abbreviation | postal | region | country | city
    in_text: bool  # named by this word alone in a report's text, not only on a dateline
    dateline: str | None  # `after` a dateline's comma, `alone` on one, or None
    zone: str | None  # its clocks (IANA), where a dateline names it


@cache
def english_places() -> tuple[Place, ...]:
    """The places English pages name (`places_en.tsv`), in the table's order."""
    return tuple(
        Place(
            name.strip(),
            kind.strip(),
            text.strip() == "text",
            None if dateline.strip() == "-" else dateline.strip(),
            None if zone.strip() == "-" else zone.strip(),
        )
        for name, kind, text, dateline, zone in _rows("places_en.tsv")
    )


@cache
def place_zones() -> dict[str, dict[str, ZoneInfo]]:
    """The zones of places English datelines name, by where they stand (`after` a comma: a
    state or country; `alone`: a city), each keyed by its name lower-cased."""
    found: dict[str, dict[str, ZoneInfo]] = {"after": {}, "alone": {}}
    for place in english_places():
        if place.dateline is not None and place.zone is not None:
            found[place.dateline][place.name.lower()] = ZoneInfo(place.zone)
    return found


@cache
def english_dateline_labels() -> dict[str, str]:
    """Words before a date on an English page's dateline, lower-cased, and their kind."""
    return {r[0].strip(): r[1].strip() for r in _rows("english_dateline_labels.tsv")}


@cache
def document_labels() -> tuple[str, ...]:
    """Lines naming a document's kind (`보도자료`, `Press release`), lower-cased, without
    spaces."""
    return tuple("".join(r[0].lower().split()) for r in _rows("document_labels.tsv"))


@cache
def issuer_endings() -> dict[str, tuple[str, ...]]:
    """`issuers.tsv` by kind: how a release's issuing body's name ends (`body`: `군`, `청`,
    `공사`), how one of its offices' does (`office`: `과`, `팀`, `센터`), and the titles that
    end as an office does but name a person's post (`title`: `주무관`)."""
    found: dict[str, tuple[str, ...]] = {"body": (), "office": (), "title": ()}
    for r in _rows("issuers.tsv"):
        kind = r[1].strip()
        found[kind] = (*found[kind], r[0].strip())
    return found


@cache
def placeholders() -> frozenset[str]:
    """What stands for a picture alone on a line in brackets (`placeholders.tsv`: `사진`,
    `그래픽`, `photo`), lower-cased and without spaces."""
    return frozenset("".join(w.split()) for w in _firsts("placeholders.tsv", lower=True))


@cache
def romanised_syllable() -> re.Pattern[str]:
    """One syllable of a romanised Korean name (`romanised_syllables.tsv`: `ji`, `won`)."""
    return re.compile(
        "|".join(f"(?:{r[0].strip()})" for r in _rows("romanised_syllables.tsv")), re.I
    )


@cache
def release_fields() -> frozenset[str]:
    """Labels of a press release's fields (`release_fields.tsv`: `보도일시`, `사진`, `붙임`),
    without spaces."""
    return frozenset("".join(w.split()) for w in _firsts("release_fields.tsv"))


@cache
def related_labels() -> frozenset[str]:
    """Labels of a list of related articles' headlines (`관련기사`, `Related articles`),
    lower-cased, without spaces."""
    return frozenset("".join(r[0].lower().split()) for r in _rows("related_labels.tsv"))


@cache
def contact_words() -> tuple[str, ...]:
    """Words of a release's contact line (`담당`, `문의`, `Tel`), lower-cased."""
    return _firsts("contact_words.tsv", lower=True)


@cache
def credit_lines() -> tuple[str, ...]:
    """How an English wire's credit line opens (`reporting by`), lower-cased."""
    return _firsts("credit_lines.tsv", lower=True)


@cache
def page_types() -> dict[str, str]:
    """`og:type` and JSON-LD `@type` values (lower-cased) -> `article` or `listing`
    (`page_types.tsv`)."""
    return {r[1].strip().lower(): r[0].strip() for r in _rows("page_types.tsv") if len(r) > 1}
