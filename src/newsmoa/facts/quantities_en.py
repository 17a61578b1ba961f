"""Quantities in English news text, as `quantities` reads Korean ones.

    "signed a deal worth $1.2 billion"       -> 1,200,000,000 $
    "about 300 people attended"              -> 300, counts people (approximate)
    "fired two short-range missiles"         -> 2, counts missile
    "a magnitude 4.6 quake", "4.6-magnitude" -> 4.6 magnitude
    "rose 5 percent", "10 kilometres"        -> 5 %, 10 km

A number is digits (`1,200`, `1.2`) or a word up to ninety (`two`, `a dozen`), with a
multiplier (`1.2 billion`, `$5m`: `data/number_words_en.tsv`). Its unit is a currency
before it or a unit word after it (`data/units_en.tsv`, which also names one unit one way);
otherwise it counts the plural noun after it, past at most two modifiers (`two short-range
ballistic missiles`; `data/plural_nouns_en.tsv` for `people`, `children`). A year (`in
2019`), a time (`10:30`), a name's number (`17 Mile Road`: its unit capitalised before a
capitalised word), a number that only ranks (`No. 2`, `the 5th`) and one with nothing
countable after it (`5 were`) are none; a toll counts what befell the people, from the verb
around it (`killing three workers`, `5 were killed`: `data/count_predicates_en.tsv`). A
hedge before it (`about`, `more than`: `data/quantity_hedges.tsv`) is kept in its words,
where `quantities.hedge` reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsmoa.facts.dates_en import calendar_names
from newsmoa.facts.tables import alternation, mapping, rows
from newsmoa.facts.tables import words as words_of

_MODIFIERS = 2  # words between a number and the plural noun it counts
_YEAR = re.compile(r"(?:19|20)\d\d")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s$")
_SPLIT = re.compile(r"\s[.,]\s\d")
_SPLIT_BEFORE = re.compile(r"\d\s[.,]\s$")
_MAGNITUDE = re.compile(r"(?i)\bmagnitude(?:\s+of)?\s*$")  # `a magnitude 4.6 quake`


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit or what it counts; `start`/`end` span its words (a hedge
    included) in the text given to `find`."""

    value: int | float
    unit: str | None
    counts: str | None
    start: int
    end: int


@cache
def _table(kind: str) -> dict[str, float]:
    return {w: float(v) for w, v, k in rows("number_words_en") if k == kind}


@cache
def _english_hedges() -> tuple[str, ...]:
    """The hedges English writes before a figure (`about`, `more than`: `quantity_hedges`)."""
    return tuple(r[0] for r in rows("quantity_hedges") if r[0].isascii() and r[1] == "before")


@cache
def _units() -> dict[str, str]:
    return {row[0]: row[1] for row in rows("units_en")}


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _units_before() -> str:
    """The units written before a figure, as an alternation (`$`, `US$`, `USD`)."""
    return alternation(u for u in _units() if not u[0].isalpha() or u.isupper())


@cache
def _pattern() -> re.Pattern[str]:
    before = _units_before()
    after = alternation(u for u in _units() if u[0].isalpha() or u == "%")
    hedges = alternation(_english_hedges())
    words = alternation(_table("number"))
    mult = alternation(_table("multiplier"))
    short = alternation(_table("short"))
    return re.compile(
        rf"(?<![\w.,:/-])(?:(?P<hedge>(?i:{hedges}))\s+)?"
        rf"(?:(?P<cur>{before})\s?(?:US|AU|A|C|NZ|HK)?)?"
        rf"(?:(?P<num>{_DIGITS})|(?P<word>(?i:a\s+dozen|{words})))"
        rf"(?:(?P<short>{short})\b|\s*-?\s*(?P<mult>(?i:{mult}))\b)?"
        rf"(?:\s*-?\s*(?P<unit>(?i:{after}))(?![\w]))?"
    )


@cache
def _range() -> re.Pattern[str]:
    """The second figure of a range whose multiplier the first shares (`$140 and $150
    million`, `140-150 million`)."""
    cur = _units_before()
    mult = alternation([*_table("multiplier"), *_table("short")])
    return re.compile(
        rf"\s*(?:and|to|or|-|–)\s*(?:{cur})?\s?(?:{_DIGITS})\s*-?\s*(?P<mult>(?i:{mult}))\b"
    )


_CONVERTED = re.compile(r"\s*\(\s*$")  # `$1 million ($1.52 million)`: one amount twice


def find(text: str) -> list[Quantity]:
    """Every quantity of `text` (a sentence), in order; an amount in brackets right after
    another is that amount converted, and is left out."""
    out: list[Quantity] = []
    for m in _pattern().finditer(text):
        q = _quantity(text, m)
        if q is not None and out and _CONVERTED.fullmatch(text, out[-1].end, q.start):
            continue
        if q is not None:
            out.append(q)
    return out


def _quantity(text: str, m: re.Match[str]) -> Quantity | None:
    g = m.groupdict()
    if g["num"] and _not_an_amount(text, m):
        return None
    value = float(g["num"].replace(",", "")) if g["num"] else _word(g["word"])
    if g["short"] and not g["cur"]:
        return None  # `5m` is metres or minutes, unless it is money (`$5m`)
    if text[m.end() : m.end() + 1].isalpha():
        return None  # a name or a code (`4G`, `3D`, `2nd`)
    size = g["short"] or (g["mult"] or "").lower()
    if not size and not g["unit"] and (shared := _range().match(text, m.end())):
        size = shared.group("mult").lower()
    value *= _table("short").get(size) or _table("multiplier").get(size) or 1
    number = int(value) if value == int(value) else value
    end = m.end()
    if g["unit"] and g["unit"][0].isupper() and re.match(r"\s+[A-Z]", text[end:]):
        return None  # a name's number, its unit capitalised (`17 Mile Road`)
    if g["cur"] or g["unit"]:
        unit = _units().get(g["cur"] or "") or _unit(g["unit"])
        return Quantity(number, unit, None, m.start(), end)
    if _MAGNITUDE.search(text, 0, m.start()):
        return Quantity(number, "magnitude", None, m.start(), end)
    if _named_before(text, m.start()) and not g["hedge"]:
        return None  # a model or a name's number (`Boeing 737 Max jets`, `Windows 10 users`)
    counted = _counted(text, end)
    fate = _fate(text, m.start(), counted[1] if counted else end)
    if fate is not None:
        return Quantity(number, None, fate, m.start(), counted[1] if counted else end)
    if counted is None:
        return None
    noun, stop = counted
    return Quantity(number, None, noun, m.start(), stop)


@cache
def _fates(where: str) -> dict[str, str]:
    """`data/count_predicates_en.tsv`: the words read `where` ("before" or "after" a count,
    or "link") and what they say it counts."""
    return {r[0]: r[1] for r in rows("count_predicates_en") if r[2] in (where, "both")}


_AFTER_WORDS = 3  # link words between a count (and its noun) and what befell them


def _fate(text: str, start: int, end: int) -> str | None:
    """What befell the people a figure at `start` counts (its noun ending at `end`), as the
    Korean `count_predicates` name it: from the verb before it (`killing three workers`,
    `injured at least 10 on Thursday`) or the words after it (`three dead`, `12 others were
    injured`); None otherwise, and for a span of time (`injured 2 years ago`) or a
    figure joined to a word (`an injured 10-year-old`)."""
    if re.match(r"-[A-Za-z]", text[end : end + 2]):
        return None
    nxt = _WORD.match(text, end)
    if nxt is not None and mapping("plural_nouns_en").get(nxt.group(1).lower()) == ("-", "span"):
        return None
    before = _WORD_BEFORE.search(text, 0, start)
    if before is not None and (said := _fates("before").get(before.group(1).lower())):
        return said
    pos = end
    for _ in range(_AFTER_WORDS + 1):
        m = _WORD.match(text, pos)
        if m is None:
            return None
        word = m.group(1).lower()
        if said := _fates("after").get(word):
            return said
        if word not in _fates("link") and word != "others":
            return None
        pos = m.end()
    return None


def _named_before(text: str, start: int) -> bool:
    """Whether a capitalised word stands right before `start`, not opening its sentence."""
    m = _WORD_BEFORE.search(text, 0, start)
    if m is None or not m.group(1)[0].isupper():
        return False
    before = text[: m.start()].rstrip()
    return bool(before) and before[-1] not in ".!?\"“'"


def _not_an_amount(text: str, m: re.Match[str]) -> bool:
    """A year, a time, a rank or a part of a date or code (`2019`, `10:30`, `No. 2`)."""
    num = m.group("num")
    if _YEAR.fullmatch(num) and not (m.group("cur") or m.group("unit") or m.group("mult")):
        return True
    after = text[m.end("num") : m.end("num") + 4]
    before = text[max(0, m.start("num") - 4) : m.start("num")]
    if _SPLIT.match(after) or _SPLIT_BEFORE.search(before):
        return True  # one number cut by a tokeniser (`6 . 1`, `1 , 000`): its parts are none
    if re.match(r"\s\d", after) or re.search(r"\d\s$", before):
        return True  # a group of a telephone number or a code (`0845 125 2222`)
    return after[:1] in (":", "/") or re.search(r"(?i)\bno\.?\s*$", before) is not None


def _word(word: str) -> float:
    key = re.sub(r"\s+", " ", word.lower())
    return 12.0 if key == "a dozen" else _table("number")[key]


def _unit(words: str) -> str:
    units = {k.lower(): v for k, v in _units().items()}
    return units[re.sub(r"\s+", " ", words.lower())]


_WORD = re.compile(r"\s*([A-Za-z][\w'-]*)")


def _counted(text: str, pos: int) -> tuple[str, int] | None:
    """The plural noun a number counts, within `_MODIFIERS` words after it (lower case,
    `data/plural_nouns_en.tsv` or its -s plural made singular), and where it ends; None
    when a word the table marks `-` comes first (`5 was`, `3 says`)."""
    irregular = mapping("plural_nouns_en")
    for _ in range(_MODIFIERS + 1):
        m = _WORD.match(text, pos)
        if m is None:
            return None
        low = m.group(1).lower()
        if low in irregular:
            noun = irregular[low][0]
            return (noun, m.end()) if noun != "-" else None
        if (
            "'" not in low
            and len(low) > 3
            and low.endswith("s")
            and not low.endswith(("ss", "us", "is"))
        ):
            if m.group(1)[0].isupper():
                return None  # a name (`Crimestoppers`, `the Bulldogs`), not what is counted
            return _singular(low), m.end()
        pos = m.end()
    return None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


# What stands before a figure: the claim it belongs to. Two outlets' aligned sentences often
# hold several figures of one kind for different people ("Carter scored 14 points and
# VanDeest 13" against "VanDeest led Drake with 13 points"); English puts the subject and
# the verb before the number, so two figures are one claim only when the word before them
# is the same (its first `_STEM` letters: `killed` / `killing at least`) and the names
# written before them are not wholly different (`Peyton Hillis rushed for 101 yards`
# against `Jamaal Charles rushed for 226 yards`).
_STEM = 4
_BEFORE_WORDS = 5
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*")


@dataclass(frozen=True, slots=True)
class Lead:
    """What an English figure's sentence says right before it."""

    word: str  # the stem of the word before it, hedges skipped
    names: frozenset[str]  # capitalised words among the words before it


def lead(text: str, start: int, *, date: bool = False) -> Lead:
    """The `Lead` of a figure starting at `start` in `text` (its hedge, if any, included);
    of a date's words with `date`, the prepositions and modifiers before them skipped
    (`begin on April 15`, `open in early 2027`: `date_leads_en.tsv`), so the lead is the
    verb or noun the date is of."""
    line = text.rfind("\n", 0, start) + 1
    words = _TOKEN.findall(text[line:start])
    skipped = words_of("date_leads_en") if date else _hedge_words()
    while words and words[-1].lower() in skipped:
        words.pop()
    before = words[-_BEFORE_WORDS:]
    first = len(words) - len(before) == 0  # a sentence's first word is capitalised anyway
    names = frozenset(
        w
        for i, w in enumerate(before)
        if w[0].isupper() and not (first and i == 0) and w not in calendar_names()
    )
    return Lead(before[-1].lower()[:_STEM] if before else "", names)


@cache
def _hedge_words() -> frozenset[str]:
    """The words of the English hedges (`at`, `least`, `more`, `than`, …)."""
    return frozenset(w.lower() for hedge in _english_hedges() for w in hedge.split())


def led_alike(a: Lead, b: Lead) -> bool:
    """Whether two figures' leads make them one claim (see `Lead`)."""
    return a.word == b.word and not (a.names and b.names and not a.names & b.names)
