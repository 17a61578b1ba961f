"""Organisations and places in English news text, as `places` finds Korean ones.

    "The City of Riverton and the Clearwater Regional Water Authority signed ... at
     Riverton City Hall."
    -> City of Riverton (organisation), Clearwater Regional Water Authority (organisation),
       Riverton City Hall (place, written as where: `locative`)

- organisation: capitalised words ending in a word of `data/org_endings_en.tsv` (`Authority`,
  `University`) or a company's ending (`extract/data/company_endings.tsv`: `Inc.`, a legal
  form also after a comma: `Acme Robotics, Inc.`): at least one capitalised word before
  it), or such a word marked `of` with `of` and a capitalised name after it (`University
  of Michigan`, `Ohio Department of Transportation`, `Department of Health and Human
  Services`);
- a government area (`data/areas_en.tsv`: `Franklin County`, `City of Riverton`): a place
  where a preposition of place comes before it (`in Franklin County`:
  `data/place_prepositions_en.tsv`), otherwise an organisation that acts (`The City of
  Riverton signed`, `Franklin County officials`), as a Korean `완주군은` is;
- place: a building or site (`Riverton City Hall`: `data/venues_en.tsv`; one marked `org`,
  `Center`, only after a preposition of place, and never an institution's:
  `Memorial Medical Center`, `data/org_heads_en.tsv`); a town with its state after a preposition
  (`in Riverton, Ohio`); a state, country or large city of `extract/data/places_en.tsv`
  (marked `text`; the datelines' zones read the same table) standing alone (`New York
  Times`, `George Washington`, `Ohio Governor` are longer names); a town no table knows,
  one or two capitalised words after `in`, `near` or `outside` that end the phrase
  (`workers hired in Peoria and Decatur`: `_towns_alone`).

Narrow on purpose: a capitalised word alone is no name (sentence-initial words, people), and
words of a person's mention (`people_en`) are left to the person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from newsmoa.extract.tables import company_endings, english_places
from newsmoa.facts.dates_en import calendar_names
from newsmoa.facts.places import Found
from newsmoa.facts.tables import alternation, mapping, rows, words

RUN = 5  # capitalised words an organisation's name may hold before its ending
AFTER_OF = 4  # and after its `of`
_TOKEN = re.compile(r"[A-Za-z][\w&'-]*(?:\.(?:[A-Za-z]\.)*)?|&")


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    text: str


@cache
def _legal() -> frozenset[str]:
    """A company's legal forms (`Inc.`, `LLC`), which may follow its name after a comma."""
    return frozenset(w for w, legal in company_endings().items() if legal)


@cache
def _abbreviations() -> frozenset[str]:
    return _legal() | {w for w, _ in _named() if w.endswith(".")} | _possessives("saint")


@cache
def _possessives(kind: str) -> frozenset[str]:
    """The words of `name_possessives_en.tsv` of that kind: a saint's mark (`St.`), after
    whose saint a possessive stays in the name, or a word whose own possessive does."""
    return frozenset(row[0] for row in rows("name_possessives_en") if row[1:2] == (kind,))


@cache
def _named() -> tuple[tuple[str, str], ...]:
    """The places a report's text names by a word alone, with their kind
    (`extract/data/places_en.tsv`, one table with the datelines' places)."""
    return tuple((p.name, p.kind) for p in english_places() if p.in_text)


@cache
def place_names() -> str:
    """A regex alternation of the places a report's text names by a word alone, not their
    abbreviations (`Michigan`, `Ohio`, `Paris`): what an age or a name may not follow."""
    return alternation(w for w, kind in _named() if kind != "abbreviation")


@cache
def _stop() -> frozenset[str]:
    return words("name_stopwords_en") | calendar_names()


def _words(text: str) -> list[_Word]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word.endswith(".") and word not in _abbreviations() and word.count(".") == 1:
            word = word[:-1]  # a sentence's full stop
        if word.endswith("'s") or word.endswith("’s"):
            word = word[:-2]
        out.append(_Word(m.start(), m.start() + len(word), word))
    return out


def _cap(w: _Word) -> bool:
    return w.text[:1].isupper() and w.text not in _stop()


class _Text:
    """An article's words, with what is already taken (a person's words, a name found)."""

    def __init__(self, text: str, taken: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.words = _words(text)
        self.taken = [any(a < w.end and w.start < b for a, b in taken) for w in self.words]

    def joined(self, i: int) -> bool:
        """Whether word `i` follows word `i - 1` with only spaces between (no comma, no
        line break, no possessive: `Apple's Board`; but a saint's, `St. Mary's Hospital`,
        and one of `name_possessives_en.tsv`, `Children's Hospital`)."""
        if i <= 0:
            return False
        gap = self.text[self.words[i - 1].end : self.words[i].start]
        if gap[:2] in ("'s", "’s") and self._named_possessive(i - 1):
            gap = gap[2:]
        return gap != "" and gap.strip(" ") == ""

    def _named_possessive(self, i: int) -> bool:
        """Whether the possessive after word `i` is inside a name: a saint's (after `St.`)
        or a word's whose possessive names (`Children`)."""
        if self.words[i].text in _possessives("possessive"):
            return True
        return i > 0 and self.words[i - 1].text in _possessives("saint") and self.joined(i)

    def name(self, i: int) -> bool:
        return 0 <= i < len(self.words) and _cap(self.words[i]) and not self.taken[i]

    def is_(self, i: int, *said: str) -> bool:
        return 0 <= i < len(self.words) and self.words[i].text in said

    def span(self, i: int, j: int) -> tuple[int, int, str]:
        start, end = self.words[i].start, self.words[j].end
        return start, end, re.sub(r"\s+", " ", self.text[start:end])

    def locative(self, i: int) -> bool:
        """Whether a preposition of place comes before word `i` (`at the`, `in`)."""
        k = i - 1
        if self.is_(k, "the", "The") and self.joined(i):
            k -= 1
        return k >= 0 and self.words[k].text.lower() in words("place_prepositions_en")

    def take(self, i: int, j: int) -> None:
        for k in range(i, j + 1):
            self.taken[k] = True


def find(text: str, people: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Organisations and places of an article's text, one per mention, in order; `people`
    are the spans of its people's mentions, whose words are no organisation nor place."""
    t = _Text(text, people)
    out: list[Found] = []
    out += _venues(t)  # first: `Clearwater Authority Headquarters` is a building
    out += _organisations(t)
    out += _short_names(t, out)
    out += _areas(t)
    out += _towns(t)
    out += _known(t)
    out += _towns_alone(t)
    return _full_names(sorted(out, key=lambda f: f.start))


def _short_names(t: _Text, found: Sequence[Found]) -> list[Found]:
    """A company's later mentions without its legal form (`Midwest Hydro Builders Inc.`,
    then `Midwest Hydro Builders President Karen Sloan`): the company, by its full name;
    not inside a longer name (`North Midwest Hydro Builders`, `Midwest Hydro Builders
    Foundation`)."""
    out = []
    for full in {f.value for f in found if f.type == "organization"}:
        names = [w.text for w in _words(full)]
        while names and names[-1] in _legal():
            names.pop()
        if not names or len(names) == len(_words(full)):
            continue
        n = len(names)
        for i in range(len(t.words) - n + 1):
            if any(t.taken[i : i + n]) or [w.text for w in t.words[i : i + n]] != names:
                continue
            if not all(t.joined(k) for k in range(i + 1, i + n)):
                continue
            after = t.words[i + n].text if i + n < len(t.words) and t.joined(i + n) else ""
            if (t.name(i - 1) and t.joined(i)) or after in _endings() or after in _legal():
                continue
            start, end, _ = t.span(i, i + n - 1)
            t.take(i, i + n - 1)
            out.append(Found("organization", full, start, end))
    return out


def _full_names(found: list[Found]) -> list[Found]:
    """An organisation's mention whose words end the one longer name of an organisation
    of the same text (`County Board` where `Sangamon County Board` is named too) is that
    organisation: two outlets' `County Board` and `Sangamon County Board` were two parties."""
    names = {f.value for f in found if f.type == "organization"}
    out = []
    for f in found:
        formed = [n for n in names if n != f.value and without_form(n) == f.value]
        longer = (
            formed  # `Midwest Hydro Builders` beside `Midwest Hydro Builders Inc.`
            or [n for n in names if n.endswith(" " + f.value) and len(f.value.split()) >= 2]
            if f.type == "organization"
            else []
        )
        out.append(replace(f, value=longer[0]) if len(longer) == 1 else f)
    return out


def without_form(name: str) -> str:
    """A company's name less its legal form (`Midwest Hydro Builders Inc.` -> `Midwest
    Hydro Builders`, `Acme Robotics, Inc.` -> `Acme Robotics`)."""
    said = name.replace(",", " ").split()
    while len(said) > 1 and said[-1] in _legal():
        said.pop()
    return " ".join(said)


def _left(t: _Text, i: int) -> int:
    """The first capitalised word of the run ending just before word `i` (`i` itself when
    there is none)."""
    k = i
    while k - RUN < i and t.name(k - 1) and t.joined(k) and t.words[k - 1].text != "&":
        k -= 1
    return k


def _of_part(t: _Text, i: int) -> int | None:
    """The last word of `of` and a name after word `i` (`University` `of Michigan`), or
    None. `and` joins a second name that is no organisation's own (`Health and Human
    Services`, not `Michigan and Acme Robotics Inc.`); a title ends it (`University of
    Michigan President Jane Doe`)."""
    if not (t.is_(i + 1, "of") and t.joined(i + 1) and t.joined(i + 2)):
        return None
    k = i + 2
    if t.is_(k, "the"):
        k += 1
    end = None
    n = 0
    while t.name(k) and t.joined(k) and n < AFTER_OF and t.words[k].text not in _titles():
        end, n, k = k, n + 1, k + 1
        if t.is_(k, "and", "&") and t.name(k + 1) and _plain_after(t, k + 1):
            k += 1
    return end


def _plain_after(t: _Text, k: int) -> bool:
    """Whether the capitalised run from word `k` holds no ending of another name (nor has
    one after a comma: `Acme Robotics, Inc.`)."""
    while t.name(k) and (t.joined(k) or t.is_(k, *_legal())):
        said = t.words[k].text
        if (said in _endings() and said not in _trades()) or said in mapping("areas_en"):
            return False
        k += 1
    return True


@cache
def _titles() -> frozenset[str]:
    return frozenset(w for row in rows("titles_en") for w in row[0].split())


@cache
def _trades() -> frozenset[str]:
    """A trade's words that end a company's name (`Builders`, `Services`), but no name after
    `of … and` (`Department of Health and Human Services`)."""
    return frozenset(row[0] for row in rows("org_endings_en") if row[1:] == ("trade",))


@cache
def _endings() -> dict[str, bool]:
    """Organisation endings, a company's among them, and whether each may begin one with
    `of`."""
    own = {row[0]: row[1:] == ("of",) for row in rows("org_endings_en")}
    return own | {w: False for w in company_endings() if w not in own}


def _organisations(t: _Text) -> list[Found]:
    out = []
    for i, w in enumerate(t.words):
        if t.taken[i] or w.text not in _endings() or not w.text[:1].isupper():
            continue
        if t.name(i + 1) and t.joined(i + 1) and t.words[i + 1].text in _endings():
            continue  # the next ending closes the name (`Electronic Data Systems Corporation`)
        first = _left(t, i)
        if (
            w.text in _legal()
            and first == i
            and i > 1
            and t.text[t.words[i - 1].end : w.start] == ", "
        ):
            first = _left(t, i - 1)  # `Acme Robotics, Inc.`
        last = _of_part(t, i) if _endings()[w.text] else None
        if first == i and last is None:
            continue  # `Authority` alone, `the Department`
        last = i if last is None else last
        start, end, value = t.span(first, last)
        t.take(first, last)
        out.append(Found("organization", value, start, end))
    return out


def _areas(t: _Text) -> list[Found]:
    """`Franklin County`, `City of Riverton`: a place after a preposition of place, else an
    organisation."""
    out = []
    for i, w in enumerate(t.words):
        if t.taken[i] or w.text not in mapping("areas_en"):
            continue
        wheres = {row[1] for row in rows("areas_en") if row[0] == w.text}
        first, last = i, i
        if "before" in wheres and (end := _of_part(t, i)) is not None:
            last = end
        elif "after" in wheres and (k := _left(t, i)) < i:
            first = k
        else:
            continue
        start, end, value = t.span(first, last)
        t.take(first, last)
        where = t.locative(first)
        out.append(Found("place" if where else "organization", value, start, end, where))
    return out


def _venues(t: _Text) -> list[Found]:
    """`Riverton City Hall`: a place; `Pew Research Center` an organisation unless written
    after a preposition of place."""
    out = []
    kinds = mapping("venues_en")
    for i, w in enumerate(t.words):
        if t.taken[i] or w.text not in kinds or (first := _left(t, i)) == i:
            continue
        start, end, value = t.span(first, i)
        t.take(first, i)
        where = t.locative(first)
        institution = t.words[i - 1].text in words("org_heads_en")
        org = kinds[w.text] == ("org",) and (not where or institution)
        out.append(Found("organization" if org else "place", value, start, end, where))
    return out


@cache
def _states() -> re.Pattern[str]:
    said = [w for w, kind in _named() if kind in ("state", "abbreviation")]
    return re.compile(rf", (?:{alternation(said)})(?![\w])")


def _towns(t: _Text) -> list[Found]:
    """`in Riverton, Ohio`: a town and its state, after a preposition of place (or `from`),
    one place."""
    out = []
    for i in range(len(t.words)):
        before = t.words[i - 1].text.lower() if i else ""
        if not t.name(i) or before not in words("place_prepositions_en") | {"from"}:
            continue
        last = i
        while last + 1 - i < 3 and t.name(last + 1) and t.joined(last + 1):
            last += 1
        m = _states().match(t.text, t.words[last].end)
        if m is None:
            continue
        start, end = t.words[i].start, m.end()
        value = re.sub(r"\s+", " ", t.text[start:end])
        out.append(Found("place", value, start, end, True))
        t.take(i, max(k for k, w in enumerate(t.words) if w.start < end))
    return out


@cache
def _gazetteer() -> re.Pattern[str]:
    said = [w for w, kind in _named() if kind != "abbreviation"]
    return re.compile(rf"(?<![\w.])(?:{alternation(said)})(?![\w])")


def _known(t: _Text) -> list[Found]:
    """A state, country or city of the table standing alone: no capitalised word next to it
    (`New York Times`, `George Washington`, `Ohio Governor`)."""
    out = []
    starts = {w.start: k for k, w in enumerate(t.words)}
    for m in _gazetteer().finditer(t.text):
        first = starts.get(m.start())
        last = next((k for k, w in enumerate(t.words) if w.end >= m.end()), None)
        if first is None or last is None or any(t.taken[first : last + 1]):
            continue
        if (t.name(first - 1) and t.joined(first)) or (t.name(last + 1) and t.joined(last + 1)):
            continue
        t.take(first, last)
        out.append(Found("place", m.group(), m.start(), m.end(), t.locative(first)))
    return out


def building(name: str) -> bool:
    """Whether a place's name ends as a building's or site's does (`Riverton City Hall`):
    a place as precise as another such, where a town (`Madison, Wisconsin`) only says
    less."""
    return name.split()[-1] in mapping("venues_en") if name.split() else False


_BRAND = re.compile(r"[A-Z][a-z]{2,}[A-Z]")  # `MacBooks`, `SeaMicro`; not `McAllen`, `DeKalb`


def _town_word(w: _Word) -> bool:
    """Whether a capitalised word may be a town's: not an acronym (`from AMD`, `in HP's`)
    nor a brand's inner capital (`in MacBooks`), nor a word `not_towns_en.tsv` lists."""
    return (
        len(w.text) > 1
        and not w.text.isupper()
        and not _BRAND.match(w.text)
        and w.text not in words("not_towns_en")
    )


def _towns_alone(t: _Text) -> list[Found]:
    """`many of them in Peoria and Decatur`, `near Lake Springfield`: one or two
    capitalised words after a preposition of `data/town_prepositions_en.tsv` (as written,
    lowercase: `Research In Motion` is a company), ending at a stop, a comma or a word of
    `data/town_followers_en.tsv`, are a place the tables do not know (a county's reports
    named no town but the table's large cities); not a word of another name, a possessive
    (`in Apple's`), a hyphen's (`in T-Mobile stores`), a number's (`in Building 6000`) nor
    an adjective (`in Facebook posts`)."""
    out = []
    leads, ends = words("town_prepositions_en"), words("town_followers_en")
    n = len(t.words)
    listed = -1  # the last word of the town read last: `in Peoria and Decatur` names two
    for i in range(1, n):
        lead = t.words[i - 1].text in leads or (t.is_(i - 1, "and", "or") and listed == i - 2)
        if not lead or not t.name(i) or not t.joined(i):
            continue
        last = i + 1 if t.name(i + 1) and t.joined(i + 1) else i
        if (t.name(last + 1) and t.joined(last + 1)) or not all(
            _town_word(w) for w in t.words[i : last + 1]
        ):
            continue  # a longer name (`in New York City Council`): not read here
        rest = t.text[t.words[last].end : t.words[last + 1].start if last + 1 < n else None]
        mark = rest.strip()[:1]
        if mark and (mark in "'’-–" or mark.isdigit()):
            continue
        if last + 1 < n and not mark and t.words[last + 1].text not in ends:
            continue
        start, end, value = t.span(i, last)
        t.take(i, last)
        out.append(Found("place", value, start, end, True))
        listed = last
    return out
