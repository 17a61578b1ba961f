"""Finding stories by their words: the query, what one article holds to be searched, the
ranking of the stories found, and the snippet that shows why an article matched. Pure
functions; the SQL that finds the articles is the store's (`SQLStore.search`).

A query is words, all of which an article must hold (its title or its text), each as a
substring: Korean words carry particles (완주군은, 완주군과) that a word index would miss, and
a typed word's own particle is dropped (`stem`: 완주군은 finds 완주군과), the word left
found only where a word ends (`stemmed`: 고양이 is not 고양시), or whole where the store
holds it as a noun of its own (`nouns`: 고양이를, so 고양이 is not 고양 킨텍스).
A "quoted phrase" is one term; a word or phrase after "-" one it must not hold. Case is
ignored, compatibility characters are matched as their plain forms and a number
without its thousands' commas (`fold`). A story
is found by its articles that hold every term; it ranks by whether a title holds them (the
story's, or a matching article's), then by its relevance (its best article's, `relevance`:
BM25's saturated term frequency over the body, each term in the title counting as much as
the most a body can), then by how many of its articles match, then newest first, then by
its id.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from newsmoa.text.script import jamo
from newsmoa.types import Article

# BM25's constants (Robertson and Zaragoza's usual ones), over characters: a term's weight in
# a body saturates at K1 + 1, less quickly in a longer body than AVERAGE_CHARS (a fixed
# length, not the store's average, which would cost a read of every text to know).
K1 = 1.2
B = 0.75
AVERAGE_CHARS = 1500
TITLE_WEIGHT = K1 + 1  # a term in the title: as much as any number of it in the body
SHORT = 3  # characters: a shorter term is not in SQLite's trigram index (found by scanning)
SHOWN_ARTICLES = 5  # matching articles a result lists with a snippet (`matches` counts all)
SNIPPET_CHARS = 80  # around the first place holding the most terms
SNIPPET_PLACES = 200  # matches of a text weighed for where its snippet is
MAX_TERMS = 16
SPACED = range(3, 9)  # Hangul syllables of a word found with a space between two (`spacings`)
LATIN_END = "\u0250"  # after the Latin letters' blocks (Basic Latin to Latin Extended-B)
ENDED = "\x00"  # after a stem (`stem`), before what was typed after it: found only where a
# word ends or a particle follows (`stemmed`)
NOUN_ROWS = 200  # rows read for a typed word's use as a noun of its own (`noun_marks`)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What to find: `terms` (each a substring an article must hold, in lower case), of
    each of `either` one at least (협약 OR 협정), and only articles holding none of
    `excluded`, of `outlet`, whose time is in [`since`, `until`) (None: unbounded)."""

    terms: tuple[str, ...]
    excluded: tuple[str, ...] = ()
    outlet: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    either: tuple[tuple[str, ...], ...] = ()

    def groups(self) -> tuple[tuple[str, ...], ...]:
        """What an article must hold: one term of each group (a term alone is a group), a
        term as written or spaced otherwise (`spacings`)."""
        return tuple(spacings(t) for t in self.terms) + tuple(
            tuple(dict.fromkeys(v for t in group for v in spacings(t))) for group in self.either
        )

    def held(self) -> tuple[str, ...]:
        """Every term an article may hold (`groups`'): what a snippet marks."""
        return tuple(dict.fromkeys(t for group in self.groups() for t in group))

    def left_out(self) -> tuple[str, ...]:
        """Every term an article found may not hold: `excluded`, each spaced as written or
        otherwise (`spacings`)."""
        return tuple(dict.fromkeys(v for t in self.excluded for v in spacings(t)))


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """A stored article that holds every term (`Store` finds them)."""

    id: str
    story: str  # as stored: the store follows redirects before ranking
    time: float
    title: str
    relevance: float = 0.0  # (`relevance`)


@dataclass(frozen=True, slots=True)
class Snippet:
    """A short piece of an article around its first match; `marks` are the (start, end)
    offsets in `text` of every term found there."""

    text: str
    marks: tuple[tuple[int, int], ...]

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "marks": [list(m) for m in self.marks]}


@cache  # (each row a query finds asks for its groups)
def spacings(term: str) -> tuple[str, ...]:
    """`term`, and for a word of `SPACED` Hangul syllables, the word with a space between
    two of them: Korean writes a name and a compound either way (김민수 and 김 민수, 업무협약
    and 업무 협약), and a term is found written either way. A shorter word is not spaced
    (군수 would be in 청솔군 수소), nor a longer one, nor a phrase; nor is a word where its
    first part would end in a particle (`data/search_particles.tsv`) that may follow the
    syllable before it: 시의원 is not sought as 시의 원 (시의 원도심), nor 이사장 as 이 사장;
    nor one whose last part would be one syllable, the start of any word after it (강원도
    is not sought as 강원 도, which is in 강원 도로, nor 김민수 as 김민 수 of 김민 수원시)."""
    word = bare(term)
    if len(word) not in SPACED or not all("가" <= c <= "힣" for c in word):
        return (term,)
    cuts = (i for i in range(1, len(word) - 1) if not _particle_at_end(word[:i], least=0))
    return (term, *(word[:i] + " " + word[i:] + term[len(word) :] for i in cuts))


def _particle_at_end(word: str, *, least: int) -> str:
    """The particle (`data/search_particles.tsv`, the longest first) `word` ends in where
    `least` characters or more are left before it and the syllable before it takes that
    form of the particle, or `word` itself where it is one and `least` is 0; "" for none:
    `청솔군은` ends in `은`, `시의` in `의`; `김민` and `전문가` in none."""
    for particle, after in _particles():
        if not word.endswith(particle) or len(word) - len(particle) < least:
            continue
        if len(word) == len(particle) or _follows(word[-len(particle) - 1], after):
            return particle
    return ""


def parse(text: str) -> tuple[str, ...]:
    """The terms an article must hold, of a query as typed (`query`)."""
    return query(text).terms


_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')  # a phrase or a word, each after a "-" or not


def query(text: str, **narrowed: Any) -> SearchQuery:
    """A query as typed: words, and "quoted phrases" kept whole, in lower case with their
    inner spaces made one; a word without the Korean particle it ends in (`stem`: 청솔군은
    as 청솔군), a phrase as written; a word repeated counts once; a word or phrase after "-" (-축제,
    -"업무 협약") or after NOT is one no article found may hold; typeset quotes (“업무
    협약”) are quotes. Written as other search tools take them: words joined by OR are
    alternatives (협약 OR 협정 OR MOU: one of them held), AND between words is dropped
    (every word is held), and so is a `*` at a word's ends (협약*, chungsol*), since a word
    is found as a part of a word. `narrowed`: the other fields of the `SearchQuery`.
    Raises ValueError for a query with no term to hold, or too many."""
    groups: list[list[str]] = []  # each held word, or the words joined by OR
    left_out: list[str] = []
    negated = joined = False
    for minus_phrase, quoted, minus, word in re.findall(_TERM, fold(text or "")):
        if word in ("AND", "NOT", "OR") and not minus:  # (as written: "or" is a word)
            negated, joined = word == "NOT", word == "OR" and bool(groups)
            continue
        terms = [normal(quoted)] if quoted or not word else forms(normal(word.strip("*")))
        if not any(terms):
            continue
        if minus_phrase or minus or negated:
            left_out += [t for t in terms if t not in left_out]
        elif joined:
            groups[-1] += [t for t in terms if t not in groups[-1]]
        else:
            groups.append(terms)
        negated = joined = False
    if not groups:
        raise ValueError(
            "give words to search for (a phrase in double quotes)"
            + ("; a word after - or NOT only leaves out" if left_out else "")
        )
    held = list(dict.fromkeys(g[0] for g in groups if len(g) == 1))
    either = list(dict.fromkeys(tuple(g) for g in groups if len(g) > 1))
    if (n := len(held) + sum(map(len, either)) + len(left_out)) > MAX_TERMS:
        raise ValueError(f"at most {MAX_TERMS} search terms, not {n}")
    return SearchQuery(tuple(held), excluded=tuple(left_out), either=tuple(either), **narrowed)


def stem(word: str) -> str:
    """A typed word without the Korean particles it ends in (`data/search_particles.tsv`),
    where two characters or more are left and the syllable before each takes that form of
    it: 청솔군은 is searched as 청솔군, which finds 청솔군이 and 청솔군과 too; 국가 and 결과
    are kept, and so are 전문가 and 대학로 (가 and 로 do not follow 문 or 학). A stack of
    them goes whole where each may follow the one before (`data/search_stacked.tsv`):
    청솔군에서는 and 청솔군으로부터 as 청솔군; 고양이를 as 고양이 (를 never follows 이)."""
    return readings(word)[-1]


@cache
def readings(word: str) -> tuple[str, ...]:
    """`word`, then each word left as `stem` drops its particles one by one, the last
    first: 청솔군에서는, 청솔군에서, 청솔군."""
    out = [word]
    after = ""  # the particle dropped last
    while particle := _particle_at_end(out[-1], least=2):
        if after and after not in _stacked().get(particle, ()):
            break
        out.append(out[-1][: -len(particle)])
        after = particle
    return tuple(out)


def stemmed(word: str) -> str:
    """A typed word as it is searched: as typed, or where it ends in particles (`stem`),
    the word before them, `ENDED` and the particles: the word is found only where a word
    ends or a particle follows it (`_ended`), marked with the particles where the text has
    them too (`_marks`): 청솔군은 finds 청솔군이 and 청솔군 관계자, and 고양이 (고양 + 이, to
    `stem`) finds 고양이를 but not 고양시, nor 을지로 을지대학교. A store reads a stem
    that its texts show to be a noun of its own as that noun (`nouns`)."""
    stripped = stem(word)
    return word if stripped == word else stripped + ENDED + word[len(stripped) :]


def typed(term: str) -> str:
    """A term as it was typed: a stem with its particles (`stemmed`)."""
    return term.replace(ENDED, "")


def nouns(term: str) -> tuple[tuple[str, str, str], ...]:
    """For a `stemmed` term, each longer word it may be read as, the longest first: (the
    word, the particle it would end in, the term it is searched as where it is a noun of its
    own): 고양이 (`고양` + `이`) as (고양이, 이, 고양이); 을지로의 as (을지로의, 의, …) and
    (을지로, 로, 을지로 + `ENDED` + 의). None for a term searched as typed."""
    if ENDED not in term:
        return ()
    word = typed(term)
    read = readings(word)
    return tuple(
        (longer, longer[len(shorter) :], word if not i else longer + ENDED + word[len(longer) :])
        for i, (longer, shorter) in enumerate(zip(read, read[1:], strict=False))
    )


def noun_marks(word: str, particle: str) -> tuple[str, ...]:
    """What a text holds where `word`, read as a stem and `particle`, is a noun of its own
    (`attests`): `word` before a noun's ending (`data/search_noun_endings.tsv`: 어린이들) or
    before a particle whose form follows its last syllable and which may not follow
    `particle` (`data/search_stacked.tsv`): 고양이를, 고양이가, 을지로에서; not 을지로의,
    which 을지 + 로의 is too. The rows a store reads for `attests`."""
    stacked = _stacked().get(particle, ())
    after = [p for p, form in _particles() if p not in stacked and _follows(word[-1], form)]
    return tuple(word + p for p in (*_noun_endings(), *after))


def attests(low: str, word: str, particle: str) -> bool:
    """Whether `low` (lower case) holds `word` as a noun: one of its `noun_marks`, then
    particles each of which may follow the one before (`data/search_stacked.tsv`), then a
    word's end (고양이를, 고양이에서는, 어린이들은; not 청솔군이에요)."""
    marks = noun_marks(word, particle)
    at = low.find(word)
    while at >= 0:
        end = at + len(word)
        for mark in marks:
            if low.startswith(mark, at):
                follows = mark[len(word) :]
                if _stack_ends(low, end + len(follows), follows):
                    return True
        at = low.find(word, at + 1)
    return False


def _stack_ends(low: str, at: int, before: str) -> bool:
    """Whether `low` ends a word at `at`, or goes on in particles that may follow `before`
    (a particle, or a noun's ending: any particle that follows it) to a word's end."""
    if at >= len(low) or not "가" <= low[at] <= "힣":
        return True
    ending = before in _noun_endings()
    return any(
        low.startswith(p, at)
        and (p in _stacked().get(before, ()) or (ending and _follows(low[at - 1], form)))
        and _stack_ends(low, at + len(p), p)
        for p, form in _starting().get(low[at], ())
    )


@cache
def _stacked() -> dict[str, tuple[str, ...]]:
    """`data/search_stacked.tsv`: a particle -> the particles that may follow it."""
    return {r[0]: tuple(r[1].split()) for r in _rows("search_stacked.tsv")}


@cache
def _noun_endings() -> tuple[str, ...]:
    """`data/search_noun_endings.tsv`: what follows a noun and never a particle."""
    return tuple(r[0] for r in _rows("search_noun_endings.tsv"))


def forms(word: str) -> list[str]:
    """A typed word as it is searched: a Korean one `stemmed`, a Latin one without its
    English ending (`data/search_endings.tsv`, where three letters or more are left), and
    with one less where the form left is no start of it: agreements as agreement, county's
    as county, counties as counties or county (the either of a group)."""
    if not word or not all(c.isdigit() or c == "'" or ("a" <= c < LATIN_END) for c in word):
        return [stemmed(word)]
    once = _unended(word)
    found = (word, once, _unended(once))  # (villages' as villages, then as village)
    kept = [f for f in dict.fromkeys(found) if not any(f != o and f.startswith(o) for o in found)]
    # a form without its ending is found where a word ends, or ends in one (`_ended`): cats
    # as cat found category, Mars as mar March
    return [f if f == word else f + ENDED for f in kept]


def _unended(word: str) -> str:
    """`word` without the first ending of `data/search_endings.tsv` it ends in (the
    longest first; one searched as itself keeps the word), where three letters are left."""
    for ending, instead in _endings():
        if word.endswith(ending):
            left = len(word) - len(ending)
            return word[:left] + instead if ending != instead and left >= 3 else word
    return word


@cache
def _endings() -> tuple[tuple[str, str], ...]:
    """`data/search_endings.tsv` as (ending, what it is searched as), the longest first."""
    return _longest_first(_rows("search_endings.tsv"))


def bare(term: str) -> str:
    """A term without its `ENDED` mark and what follows it: the substring a database finds
    (the rows read again where the mark asks for a word's end)."""
    return term.split(ENDED, 1)[0]


_RIEUL = 8  # ㄹ as a syllable's final consonant (`text.script.jamo`)


def _follows(syllable: str, after: str) -> bool:
    """Whether a particle whose form follows `after` (`final`, `open`, `open-or-ㄹ`, `any`)
    may follow `syllable`; a character that is no Hangul syllable takes any form."""
    letters = jamo(syllable)
    if after == "any" or letters is None:
        return True
    final = letters[2]
    if after == "final":
        return final != 0
    if after == "open":
        return final == 0
    return final in (0, _RIEUL)  # open-or-ㄹ


@cache
def _particles() -> tuple[tuple[str, str], ...]:
    """`data/search_particles.tsv` as (particle, the syllable it follows), the longest first
    (에서 before 에)."""
    return _longest_first(_rows("search_particles.tsv"))


def _rows(name: str) -> list[list[str]]:
    """The rows of the table `data/NAME`, split at tabs: none empty or a `#` comment."""
    table = resources.files("newsmoa.store").joinpath(f"data/{name}")
    rows = (line.split("\t") for line in table.read_text("utf-8").splitlines())
    return [r for r in rows if r[0] and not r[0].startswith("#")]


def _longest_first(rows: list[list[str]]) -> tuple[tuple[str, str], ...]:
    """(first, second) of each row, once, the longest first (에서 before 에)."""
    return tuple(sorted({(r[0], r[1]) for r in rows}, key=lambda p: (-len(p[0]), p[0])))


def normal(text: str) -> str:
    """Text as it is searched: folded (`fold`), one space for every run of white space,
    lower case, and no NUL (which the stored words leave out: `searched`)."""
    return " ".join(fold(text.replace("\x00", "")).split()).lower()


def fold(text: str) -> str:
    """`text` with its compatibility characters as their plain forms (NFKC): full-width
    `ＡＩ` and `１２０` as `AI` and `120`, `㈜` as `(주)`, `①` as `1`, a compatibility
    jamo `ㄱ` as the jamo; and the punctuation of `data/search_fold.tsv` as its plain
    form (`’` as `'`, `ㆍ` as `·`, `–` as `-`); a number without its thousands' commas
    (`unseparated`); what a term and a stored text are both matched as."""
    return unseparated(unicodedata.normalize("NFKC", text).translate(_plain()))


# a thousands' comma: after a figure, before three figures that end the number (4,512; not
# the 2,3 of a list, nor 2019,2020)
_SEPARATOR = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def unseparated(text: str) -> str:
    """`text` without the commas that group a number's thousands: `4,512억원` is matched
    as `4512억원`, so a figure is found however it is written."""
    return _SEPARATOR.sub("", text) if "," in text else text


@cache
def _plain() -> dict[int, str]:
    """`data/search_fold.tsv`: character -> the character it is matched as."""
    return {ord(row[0]): row[1] for row in _rows("search_fold.tsv")}


def searched(article: Article) -> tuple[str, str]:
    """(title, body) of an article as the store keeps them to be searched: its `words`,
    folded (`fold`: `ＡＩ` is found by `ai`, `㈜한결` by `(주)한결`), in the article's case."""
    title, body = words(article)
    return " ".join(fold(title).split()), " ".join(fold(body).split())


def words(article: Article) -> tuple[str, str]:
    """(title, body) of an article as a snippet shows them: the body is its subtitle, deck,
    text and captions, its white space made single spaces (a phrase is found across a line
    break); a NUL, which PostgreSQL's text cannot hold, is left out."""
    parts = [article.subtitle or "", article.deck or "", article.text, *article.captions]
    body = " ".join(" ".join(p.split()) for p in parts if p and p.strip())
    return " ".join(article.title.split()).replace("\x00", ""), body.replace("\x00", "")


def holds_all(text: str, groups: Sequence[Sequence[str]]) -> bool:
    """Whether a text as written (a story's listed title) holds a term of every group
    (`titled`)."""
    return titled(normal(text), groups)


def worded(terms: Sequence[str]) -> bool:
    """Whether a term starts with a Latin letter or a digit: it is found only where a word
    starts (AI is not in "said", pact not in "impact"; agree is in "agreement"), which the
    store checks on the rows its index found (`holds_every`). A Latin word starts after
    anything but a Latin letter (한국AI, 4.2km), a figure after anything but a figure
    (총30억원, 제2회; not 12회 for 2회, nor 1.5억 for 5억)."""
    return any(_bounded(t) or ENDED in t for t in terms)


def holds_every(title: str, body: str, groups: Sequence[Sequence[str]]) -> bool:
    """Whether the title or the body holds a term of each group (`worded`'s where a word
    starts)."""
    low_title, low_body = title.lower(), body.lower()
    return all(
        any(_find(low_title, t) >= 0 or _find(low_body, t) >= 0 for t in group) for group in groups
    )


def kept(title: str, body: str, query: SearchQuery) -> bool:
    """Whether an article's stored words hold a term of each of `query`'s groups and none
    of its excluded ones (`holds_every`)."""
    return holds_every(title, body, query.groups()) and not any(
        holds_every(title, body, ((term,),)) for term in query.left_out()
    )


def _bounded(term: str) -> bool:
    return term[:1].isascii() and term[:1].isalnum()


def _find(low: str, term: str, start: int = 0) -> int:
    """Where `term` first is in `low` from `start` (-1: not there); a `_bounded` term only
    where a word starts (`worded`), a stem marked `ENDED` only where a word ends (`_ended`)."""
    word = bare(term)
    at = low.find(word, start)
    if not _bounded(term) and word == term:
        return at
    while at >= 0 and (
        (at > 0 and _bounded(term) and _inside(low, at, term[0].isdigit()))
        or (word != term and not _ended(low, at + len(word)))
    ):
        at = low.find(word, at + 1)
    return at


def _ended(low: str, end: int) -> bool:
    """Whether a stem found before `end` ends a word there (`ENDED`): no Hangul syllable
    follows, or a particle whose form follows the syllable before it (`stem`'s table), or
    a syllable that makes the noun a verb (`data/search_verb_syllables.tsv`: 체결을 finds
    체결했다). A Latin one (`forms`): no Latin letter follows, or an English ending
    (`LATIN_ENDINGS`) and then none."""
    if end > 0 and "a" <= low[end - 1] < LATIN_END:
        ending = next(
            (
                e
                for e in _latin_endings()
                if low.startswith(e, end) and not _latin_at(low, end + len(e))
            ),
            None,
        )
        if ending is None:
            return False
        end += len(ending)  # (and then what may end a Korean stem: AI가 is not AI기본법)
    if end >= len(low) or not "가" <= low[end] <= "힣":
        return True
    return _verb_at(low, end) or any(
        low.startswith(particle, end) and _follows(low[end - 1], after)
        for particle, after in _starting().get(low[end], ())
    )


@cache
def _latin_endings() -> tuple[str, ...]:
    """What may follow a Latin word searched without its ending: none, or an ending
    `data/search_endings.tsv` drops (`'s`, `s`, `s'`)."""
    return ("", *(e for e, instead in _endings() if e != instead))


def _latin_at(low: str, at: int) -> bool:
    return at < len(low) and "a" <= low[at] < LATIN_END


def _verb_at(low: str, at: int) -> bool:
    """Whether a form of 하다 or 되다 begins at `at` (`data/search_verb_syllables.tsv`), ending
    the word there where the table asks (한 begins 전주한옥마을 too)."""
    return any(
        low.startswith(form, at)
        and (free or not "가" <= low[at + len(form) : at + len(form) + 1] <= "힣")
        for form, free in _verb_forms().get(low[at], ())
    )


@cache
def _verb_forms() -> dict[str, tuple[tuple[str, bool], ...]]:
    """`data/search_verb_syllables.tsv` by first syllable: (form, whether anything may follow)."""
    out: dict[str, tuple[tuple[str, bool], ...]] = {}
    for r in _rows("search_verb_syllables.tsv"):
        out[r[0][0]] = (*out.get(r[0][0], ()), (r[0], r[1] == "free"))
    return out


@cache
def _starting() -> dict[str, tuple[tuple[str, str], ...]]:
    """`_particles` by their first syllable."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for particle, after in _particles():
        out[particle[0]] = (*out.get(particle[0], ()), (particle, after))
    return out


def _inside(low: str, at: int, figure: bool) -> bool:
    """Whether what comes before `at` goes on the word there: for a `figure`, a digit, or a
    decimal point or thousands' comma after one; for a Latin word, a Latin letter (Hangul
    and figures are written onto Latin words in Korean: 한국AI, 5G, 4.2km)."""
    before = low[at - 1]
    if figure:
        return before.isdigit() or (before in ".," and at > 1 and low[at - 2].isdigit())
    return before.isalpha() and before < LATIN_END


def relevance(title: str, body: str, terms: Sequence[str]) -> float:
    """How much an article's stored (folded) words are about `terms`: for each term,
    `TITLE_WEIGHT` if the title holds it, and BM25's weight of how often the body holds it
    (`weight`); where a word starts for a `worded` term. No term's rarity is weighed: every
    article found holds every term."""
    low_title, low_body = title.lower(), body.lower()
    return sum(
        (TITLE_WEIGHT if _find(low_title, t) >= 0 else 0.0) + weight(_count(low_body, t), len(body))
        for t in terms
    )


def weight(count: int, length: int) -> float:
    """BM25's weight of a term held `count` times in a body of `length` characters."""
    return count * (K1 + 1) / (count + K1 * (1 - B + B * length / AVERAGE_CHARS))


def _count(low: str, term: str) -> int:
    """How many times `term` is in `low`, none overlapping (`_find`'s)."""
    n, at = 0, _find(low, term)
    while at >= 0:
        n, at = n + 1, _find(low, term, at + len(bare(term)))
    return n


def snippet(text: str, terms: Sequence[str], width: int = SNIPPET_CHARS) -> Snippet | None:
    """About `width` characters of `text` around the first place where it holds the most
    of the terms (one of them at least), with "…" where it is cut, and the offsets of the
    terms inside it; None when no term is in it. The terms are found in the text as
    matched (`folded`), the offsets are the text's."""
    low, at = folded(text)
    found = sorted(
        (i, i + len(bare(t)), t.replace(" ", ""))  # (a word spaced otherwise is the same word)
        for t in terms
        for i in _finds(low, t)
    )[:SNIPPET_PLACES]
    if not found:
        return None
    first = at[_fullest(found, width)]
    start = max(0, first - width // 3)
    if start and (space := text.rfind(" ", start - 10, start)) > 0:
        start = space + 1  # a whole word first
    end = min(len(text), start + width)
    if end < len(text) and (space := text.find(" ", end, end + 10)) > 0:
        end = space
    lead = "…" if start else ""
    marks = [(s, e) for s, e in _marks(low, terms, at) if s >= start and e <= end]
    shift = len(lead) - start
    return Snippet(
        lead + text[start:end] + ("…" if end < len(text) else ""),
        tuple((s + shift, e + shift) for s, e in marks),
    )


def _finds(low: str, term: str) -> Iterator[int]:
    """Where `term` is in `low`, none overlapping (`_find`'s)."""
    at = _find(low, term)
    while at >= 0:
        yield at
        at = _find(low, term, at + len(bare(term)))


def _fullest(found: Sequence[tuple[int, int, str]], width: int) -> int:
    """Of the places (start, end, term) found, the first start whose snippet would hold the
    most of the terms (a window of `width` from `width // 3` before it)."""
    best, most = found[0][0], 0
    for start, _, _ in found:
        lo, hi = start - width // 3, start - width // 3 + width
        held = len({t for s, e, t in found if s >= lo and e <= hi})
        if held > most:
            best, most = start, held
    return best


def folded(text: str) -> tuple[str, list[int]]:
    """`text` as it is matched (`fold`, then lower case) and, for each of its characters and
    one past its end, the offset in `text` where the character it came from starts (a
    character may fold into several: `İ` into `i̇`, `㈜` into `(주)`; a thousands' comma
    into none: `unseparated`)."""
    low, at = _folded_each(text)
    cut = [m.start() for m in _SEPARATOR.finditer(low)] if "," in low else []
    for i in reversed(cut):
        low, at = low[:i] + low[i + 1 :], at[:i] + at[i + 1 :]
    return low, at


def _folded_each(text: str) -> tuple[str, list[int]]:
    """`folded`, each character folded on its own (a thousands' comma kept)."""
    if len(low := text.lower()) == len(text) and unicodedata.is_normalized("NFKC", text):
        return low.translate(_plain()), list(range(len(text) + 1))  # (one for one)
    out: list[str] = []
    at: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1  # a letter and its marks fold together
        piece = fold(text[i:j]).lower()
        out.append(piece)
        at += [i] * len(piece)
        i = j
    return "".join(out), [*at, len(text)]


def _marks(low: str, terms: Sequence[str], at: Sequence[int]) -> list[tuple[int, int]]:
    """The (start, end) in the text of every term found in `low` (the text `folded`, its
    characters' offsets `at`), overlapping ones merged; a stem with the particles it was
    typed with where the text has them (`stemmed`: 청솔군은 marks ‹청솔군은› and
    ‹청솔군›이)."""
    spans: list[tuple[int, int]] = []
    for term in terms:
        i = _find(low, term)
        while i >= 0:
            end = i + len(bare(term))
            if ENDED in term and low.startswith(typed(term), i):
                end = i + len(typed(term))
            spans.append((at[i], at[end] if at[end] > at[end - 1] else _next(at, end)))
            i = _find(low, term, end)
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _next(at: Sequence[int], i: int) -> int:
    """The offset of the first character after the one `at[i]` came from (a match ending
    inside what one character folded into takes all of it)."""
    while at[i] == at[i - 1]:
        i += 1
    return at[i]


@dataclass(frozen=True, slots=True)
class Found:
    """A story found: how many of its articles hold the query (`matches`), whether a title
    holds every term (the story's, or a matching article's), its first time, and the
    `relevance` of its most relevant matching article."""

    story: str
    matches: int
    titled: bool
    first_ts: float | None
    relevance: float = 0.0


def ranked(found: Iterable[Found]) -> list[Found]:
    """The stories found, best first: a title match, then the more relevant (to a
    millionth: a sum's last digits differ between databases), then more matching articles,
    then the newer story (its first time), then its id."""
    return sorted(
        found,
        key=lambda f: (
            not f.titled,
            -round(f.relevance, 6),
            -f.matches,
            -(f.first_ts if f.first_ts is not None else -1e18),
            f.story,
        ),
    )


def titled(title: str, groups: Sequence[Sequence[str]]) -> bool:
    """Whether a stored (folded) title holds a term of every group, `worded`'s where a word
    starts."""
    low = title.lower()
    return all(any(_find(low, t) >= 0 for t in group) for group in groups)


def result(
    summary: Mapping[str, Any],
    story: Found,
    found: Sequence[ArticleHit],
    texts: Mapping[str, tuple[str, str, str | None, str | None, bool]],
    terms: Sequence[str],
) -> dict[str, Any]:
    """One story found, as listings give a story ({id, title, first_published, outlets,
    article_count}) with `title_match`, `relevance` (its best article's), `matches` (how
    many of its articles hold every term) and `articles`: the first `SHOWN_ARTICLES` of
    `found` (newest first), each {id, outlet, title, published, is_release, snippet} (`texts`:
    id -> (title, body, outlet, published, is_release))."""
    shown = []
    for hit in found[:SHOWN_ARTICLES]:
        title, body, outlet, published, release = texts.get(
            hit.id, (hit.title, "", None, None, False)
        )
        cut = snippet(body, terms) or snippet(title, terms)
        shown.append(
            {
                "id": hit.id,
                "outlet": outlet,
                "title": title,
                "published": published,
                "is_release": release,
                "snippet": cut.to_json() if cut else None,
            }
        )
    listed = {k: summary[k] for k in ("id", "title", "first_published", "outlets", "article_count")}
    return {
        **listed,
        "title_match": story.titled,
        "relevance": round(story.relevance, 3),
        "matches": story.matches,
        "articles": shown,
    }


def pieces(snippet: Mapping[str, Any] | None) -> list[tuple[str, bool]]:
    """A snippet as the JSON gives it (`Snippet.to_json`), cut into (text, is a match)
    pieces, in order, none empty: what a page or a table marks."""
    if not snippet:
        return []
    text, out, at = snippet["text"], [], 0
    for start, end in snippet["marks"]:
        out += [(text[at:start], False), (text[start:end], True)]
        at = end
    out.append((text[at:], False))
    return [(t, m) for t, m in out if t]
