"""People and their titles in English news text, as `people` finds Korean ones.

    "Secretary of State Mike Pompeo met ... Pompeo said"   -> Mike Pompeo, Secretary of State
    "Tim Cook, Apple's chief executive, said ..."          -> Tim Cook, chief executive
    "John Smith, who leads the union, ... Smith said"      -> John Smith, no title

A person is a name (one to three capitalised words, initials too: `J. Michael Luttig`)
written right after a title (`data/titles_en.tsv`: `President`, `Gov.`; up to two words of
`data/title_modifiers_en.tsv` before a capitalised one and a field of
`data/title_fields_en.tsv` after it are part of it: `Assistant Chief of Police`), or one of two or
more words followed by a comma and a title in an apposition (`, the U.S. secretary of
state,`, `, a spokeswoman for the department,`: up to three words between). A person news
names without a title is a name of two or three words next to a verb of saying (`said John
Smith.`, `John Smith told`) whose last name the text writes alone too, or before a clause
about them (`John Smith, who leads the union,`) or their age (`Daniel Kowalski, 34,`); their
role is None, and a title written elsewhere (`Captain Mark Hoffman`) is theirs. Every later
mention of the name or of its last word (`Pompeo`, `Mr. Pompeo`) is a mention of that
person; of two names with one last word the longer is the person's (`Barack Obama` and
`President Obama`). Words that cannot be part of a name (`data/name_stopwords_en.tsv`) and
month and weekday names end it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from newsmoa.facts.dates_en import calendar_names
from newsmoa.facts.places_en import place_names
from newsmoa.facts.tables import alternation, rows, words

# a name's word: an initial, `Pompeo`, `LaJoye-Young`, `DeSantis`, `McCarthy`, `O'Neill`
_PART = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?"
_NAME_WORD = rf"(?:[A-Z]\.|{_PART}(?:-[A-Z]?[a-z]+(?:[A-Z][a-z]+)?)?|O'{_PART})"
# a first name of two capitals before a surname (`Gov. JB Pritzker`, `AJ Smith`): after a
# title or before an apposition only (`said US Attorney …` is no name)
_FIRST = rf"(?:[A-Z]{{2}}(?=\s+{_PART})|{_NAME_WORD})"
_BETWEEN = 3  # words between a name's comma and the title of its apposition


@dataclass(frozen=True, slots=True)
class Person:
    """One person of an article: the fullest name written, the first title, every mention
    (article offsets, start and end)."""

    name: str
    role: str | None
    mentions: tuple[tuple[int, int], ...]


@cache
def _stop() -> frozenset[str]:
    return words("name_stopwords_en") | calendar_names()


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    exact = alternation(words("titles_en"))
    ahead = alternation(row[0] for row in rows("titles_en") if row[1:] != ("after",))
    mods = alternation(words("title_modifiers_en"))
    fields = alternation(words("title_fields_en"))
    # modifiers before a capitalised title only: `city spokesperson` is the city's
    title = (
        rf"(?:(?:(?:{mods})\s+){{1,2}}(?=[A-Z]))?(?:{ahead})(?:\s+of\s+(?:the\s+)?(?:{fields}))?"
    )
    name = rf"{_FIRST}(?:\s+{_NAME_WORD}){{0,2}}"
    before = re.compile(rf"(?<![\w.])(?P<title>{title})\s+(?P<name>{name})(?![\w'])")
    apposed = re.compile(
        rf"(?<![\w.])(?P<name>{_FIRST}(?:\s+{_NAME_WORD}){{1,2}}),\s+"
        rf"(?:(?:the|a|an)\s+)?(?:\S+\s+){{0,{_BETWEEN}}}?(?P<title>(?i:{exact}))(?=\s*[,.;]|\s+(?:of|for|with|at)\b)"
    )
    # the title first, the name between commas after it (`The company's president, Karen
    # Sloan, said`): a determiner or a possessive before the title
    reversed_ = re.compile(
        rf"(?:(?<=['’]s)|\b(?i:the|its|his|her|their))\s+(?:[a-z]+\s+)?"
        rf"(?P<title>(?i:{exact})),\s+(?!(?:{ahead})\s)(?P<name>{_FIRST}(?:\s+{_NAME_WORD}){{1,2}}),"
    )
    return before, apposed, reversed_


def find(text: str) -> list[Person]:
    """The people of an article's text, each with every mention, in order of their first:
    the titled, and the untitled ones `_untitled` finds."""
    named: list[tuple[int, int, str, str | None]] = []  # (start, end, name, title)
    for rx in _patterns():
        for m in rx.finditer(text):
            name = _trimmed(m.group("name"))
            if name:
                start = m.start("name")
                named.append((start, start + len(name), name, _title(text, m)))
    titled = [(m.start(), m.end()) for rx in _patterns() for m in rx.finditer(text)]
    named.extend(_untitled(text, titled))
    people: dict[str, tuple[str, str | None]] = {}  # last word -> (fullest name, first title)
    for _, _, name, title in sorted(named, key=lambda n: n[:3]):
        last = name.split()[-1]
        had = people.get(last)
        fuller = name if had is None or len(name) > len(had[0]) else had[0]
        role = had[1] if had and had[1] else title and re.sub(r"\s+", " ", title)
        people[last] = (fuller, role)
    out = []
    for last, (name, role) in people.items():
        spans = _mentions(text, name, last)
        if spans:
            out.append(Person(name, role, spans))
    return sorted(out, key=lambda p: p.mentions[0])


def _title(text: str, m: re.Match[str]) -> str:
    """The title as written, less the area words that open it after a capitalised word:
    they end the place's name (`Kansas City Mayor` -> `Mayor`), unless the whole is a
    listed title (`Riverton City Manager`: `data/title_modifiers_en.tsv`). A body's word
    before the title is kept (`Board Chairman`, `Sangamon County Board Chairman` -> `Board
    Chairman`: it was `Chairman`, which said not of what), unless it follows the capitalised
    word itself (`White House Chief of Staff` -> `Chief of Staff`)."""
    title = re.sub(r"\s+", " ", m.group("title"))
    said = title.split()
    before = re.search(r"([A-Z][\w.'-]*)\s+$", text[: m.start("title")])
    word = before.group(1) if before else ""
    if not word or word in _stop() or title in words("titles_en"):
        return title
    if word.endswith(".") and word.count(".") == 1 and len(word) > 3:
        return title  # a sentence's end (`… Tom Bradley. County Engineer Ann Lee`), not `U.S.`
    areas = {w for w, kind in rows("title_modifiers_en") if kind == "area"}
    while len(said) > 1 and said[0] in areas and " ".join(said) not in words("titles_en"):
        said.pop(0)
    bodies = {w for w, kind in rows("title_modifiers_en") if kind == "body"}
    if len(said) > 1 and said[0] in bodies and said == title.split():
        said.pop(0)  # right after a capitalised word it ends that body's name: `White House`
    return " ".join(said)


@cache
def _untitled_patterns() -> tuple[re.Pattern[str], ...]:
    """A name of two or three words where news names a person without a title: after or
    before a verb of saying (`said John Smith.`, `John Smith told`:
    `data/clause_breaks_en.tsv`), before a clause about who they are (`John Smith, who
    leads the union,`) or their age (`Daniel Kowalski, 34, of Sparta`)."""
    name = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}"
    saying = alternation(w for w, kind in rows("clause_breaks_en") if kind == "said")
    return (
        re.compile(rf"\b(?:{saying})\s+(?P<name>{name})(?=\s*[,.;:]|\s*$)"),
        re.compile(rf"(?<![\w.'-])(?P<name>{name})(?=\s+(?:{saying})\b)"),
        re.compile(rf"(?<![\w.'-])(?P<name>{name}),\s+(?:who\b|\d{{1,3}}(?:\s*,|\s+of\b))"),
    )


def _untitled(
    text: str, titled: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str, str | None]]:
    """People named without a title (`_untitled_patterns`), none where a titled one is
    (`Captain Mark Hoffman said` is the captain), nor a place (`North Korea said`:
    `extract/data/places_en.tsv`), an organisation, area, building or title (`Justice Department
    said`, `Kent County said`: `_name_ends`). A name by a verb of saying is a person's only
    where the text names them by their last name alone too (`Smith said`): `Grand Rapids
    said` and `Red Cross said` are no people. Words that begin
    a sentence before the name are left out (`On Tuesday John Smith said`)."""
    out: list[tuple[int, int, str, str | None]] = []
    *_, cued = _untitled_patterns()
    for rx in _untitled_patterns():
        for m in rx.finditer(text):
            start, end = m.span("name")
            if any(a < end and start < b for a, b in titled):
                continue
            said = m.group("name").split()
            while said and said[0] in _stop():
                said.pop(0)
            name = _trimmed(" ".join(said))
            if len(name.split()) < 2 or _place().search(name) or _not_a_name(name):
                continue
            if rx is not cued and not _alone(text, name):
                continue
            written = re.compile(r"\s+".join(map(re.escape, name.split())))
            at = written.search(text, m.start("name"), m.end("name"))  # (`John\nSmith`)
            if at is not None:
                out.append((at.start(), at.end(), name, None))
    return out


def _alone(text: str, name: str) -> bool:
    """Whether the text names the person by their last name alone too (`Smith said`), as
    news does a person and not a place or a body (`Grand Rapids said`, `Red Cross said`)."""
    last = name.split()[-1]
    return any(text[a:b] == last for a, b in _mentions(text, name, last))


@cache
def _name_ends() -> frozenset[str]:
    """Words that make capitalised words a body's, an area's, a building's or a title's
    name (`Kent County`, `City Hall`, `Police Chief`), not a person's."""
    tables = ("org_endings_en", "areas_en", "venues_en", "titles_en")
    return frozenset(w for t in tables for row in rows(t) for w in row[0].split())


def _not_a_name(name: str) -> bool:
    return any(w in _name_ends() for w in name.split())


@cache
def _place() -> re.Pattern[str]:
    places = place_names()
    return re.compile(rf"(?<![\w.])(?:{places})(?![\w])")


def _trimmed(name: str) -> str:
    """The name without what cannot be part of one (`Obama Said` -> `Obama`); none when a
    word of it ends an organisation's name (`Premier League`, `General Motors`:
    `data/org_words_en.tsv`), whose first word only looks like a title."""
    kept: list[str] = []
    for word in name.split():
        if word in _stop():
            break
        if word in words("org_words_en"):
            return ""
        kept.append(word)
    while kept and kept[-1].endswith("."):
        kept.pop()  # an initial is no last name
    return " ".join(kept)


def _mentions(text: str, name: str, last: str) -> tuple[tuple[int, int], ...]:
    """Where the article writes the name, or its last word alone, not as part of another
    capitalised name (`Pompeo` but not `Pompeo Center`)."""
    rx = re.compile(rf"(?<![\w.]){re.escape(name)}(?![\w])|(?<![\w.]){re.escape(last)}(?![\w])")
    spans: list[tuple[int, int]] = []
    for m in rx.finditer(text):
        nxt = re.match(r"\s+([A-Z][a-z]+)", text[m.end() :])
        if m.group() == last and nxt and nxt.group(1) not in _stop():
            continue
        if spans and m.start() < spans[-1][1]:
            continue
        spans.append((m.start(), m.end()))
    return tuple(spans)
