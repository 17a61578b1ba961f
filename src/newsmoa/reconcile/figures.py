"""Figures the variants of one consolidated sentence state differently.

The facts stage compares what it reads as one happening's date or amount
(`reconcile.disagreements`). A figure it does not read as such, or reads as two happenings'
(one outlet's `would begin in July` an announcement's date, another's `will begin in June`
no happening's), was credited to every outlet of the sentence all the same: a story showed
one outlet's `by a 5-2 vote` naming as its sources an outlet that printed `voted 6-1` (a
black-box case). Here the variants of each consolidated sentence are compared word by word
(`difflib`, on words stripped of punctuation): a figure one variant writes where another
writes another figure of the same kind, between words both share, is a disagreement of
that sentence, each side with its own words.

A figure is a number with what is written on to it (`19일`, `$4.2`, `50명`: compared as
values, `text.amounts`, so `1.5억` is `1억5000만`), a tally (`5-2`, `5대2`), a number word
(`five`, `facts/data/number_words_en.tsv`), a capitalised month name or a weekday
(`extract/data/month_names.tsv`, `facts/data/weekdays*.tsv`). Its kind is `date` for months,
weekdays and a number written with a date unit (`facts/data/date_units.tsv`: `19일`,
`3월`, `오후 2시`), else `quantity`: the words a disagreement's `kind` uses. Only a change of
at most `_MAX_CHANGE` words on each side, holding exactly one figure on each, counts: a
rewritten clause is not one figure changed. Figures at one place of the sentence are one
slot across all its variants (the same figure in shared words joins them too), and a slot
with two values is one disagreement, labelled by the words around it (`voted … on
Tuesday, sentence 1`). A slot the fact comparison already disputes is left to it. A scale
word after a number multiplies it (`4 billion` is `4,000 million`), a score is one in either
order (`2-5`, `5-2`), two figures are in one unit when what follows their digits is the same
but for a particle (`2명을`, `3명이`; not `%` and `%p`, but another figure in the
other unit of a rate, `0.3%` for `0.5%p`, is: `facts/data/rival_units.tsv`), a count
closing a group (`부사장 등 3명`, `facts/data/group_words.tsv`) is compared only with one
of the same words, and a side is headed by its figure without that particle (`1표`). A
review's counterexamples are its tests.

Each distinct variant is compared with the `_REFERENCES` variants most outlets print, so a
story of hundreds of rewrites costs a few hundred comparisons a sentence, not their square,
and a figure's sentence is quoted without the analyser (`facts.evidence.quote_within`). A
generated story of 400 articles of 24 sentences takes 1.1 s when a tenth of them are edited
(a wire's reprints) and 2.8 s when half of every article's sentences are (one core; with
the clause quotes of the facts and 8 references it took 12 s).

What it moved on `newsmoa eval --only disagreements` (2026-11-30): ECB+ 7 -> 9, both new ones
true (two boats against three, a .38 against a .357 revolver); the Korean sets 4 / 2 / 3 / 4
-> 4 / 3 / 3 / 5: a suspect's age 49 against 50, and `부사장 등 3명` against three outlets'
`부사장 및 상임이사 2명`, one count worded two ways more than a misprint, shown with each
side's words (since 2026-12-01 no longer: three with the vice-president and two directors
with him may both be right, so a group's count needs the same words). The rules against
numbers over several words, named subjects, one outlet's series, short variants and ones of
other words came from reading that list: before them it held 35 on ECB+ and 12 more on the
Korean sets, most of them tokenised numbers (`2 . 3GHz`), template series (one outlet's
weather at 3 and at 6, funeral notices) and look-alike events the grouping joined (`He was
95.`, `He was 75.`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from functools import cache, lru_cache
from typing import Any

from newsmoa.extract.tables import month_names
from newsmoa.facts.compare import quantity_covers
from newsmoa.facts.evidence import quote_within
from newsmoa.facts.quantities import hedge, hedge_words, hedged
from newsmoa.facts.readings import stamps
from newsmoa.facts.tables import mapping, rows
from newsmoa.facts.tables import words as words_of
from newsmoa.text.amounts import LARGE_UNITS, SMALL_UNITS, amounts
from newsmoa.types import Article, ConsolidatedSentence, Disagreement, DisagreementValue

_MAX_CHANGE = 3  # words on each side of a change that may hold the one figure
_REFERENCES = 4  # distinct variants each variant is compared with, most printed first
_CONTEXT = 2  # shared words on each side that label a slot
_MIN_WORDS = 5  # a shorter variant says too little to be surely one claim with another
_MIN_SHARED = 0.5  # of two variants' words, the share in their common runs (difflib ratio)

_WORD = re.compile(r"\S+")
_EDGE = "\"'“”‘’()[]{}<>«»,.;:!?…·"
_TALLY = re.compile(r"(\d{1,3})\s*(?:[-–]|대)\s*(\d{1,3})(?!\d)")
_CODE = re.compile(r"0\d{2,}")  # a dialling code or an account's digits (`051`, `0845`)
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a variant: `kind` (date or quantity), `value` to compare, the words as
    written, and where they stand in the article's text."""

    kind: str
    value: Any
    words: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Word:
    key: str  # what the comparison sees
    text: str  # as written
    start: int
    end: int
    figure: Figure | None


@cache
def _date_units() -> tuple[tuple[str, bool, int | None], ...]:
    """(unit, whether it dates, the digits a date of it has), the longest unit first."""
    table = [(r[0], r[1] == "date", int(r[2]) if r[2:3] else None) for r in rows("date_units")]
    return tuple(sorted(table, key=lambda r: -len(r[0])))


def _dated(digits: str, after: str) -> bool:
    """Whether a number of `digits` with `after` written on to it is a date or a time."""
    for unit, dates, length in _date_units():
        if after.startswith(unit):
            return dates and (length is None or len(digits) == length)
    return False


@cache
def _multipliers() -> dict[str, Decimal]:
    """The words that multiply a number before them (`4 billion`: `number_words_en.tsv`)."""
    rows_ = mapping("number_words_en").items()
    return {w: Decimal(v[0]) for w, v in rows_ if v[1:2] == ("multiplier",)}


@cache
def _named() -> dict[str, tuple[str, int]]:
    """Capitalised month names and weekday words, with their kind's index."""
    out = {name.capitalize(): ("month", n) for name, n in month_names().items()}
    for table in ("weekdays_en", "weekdays"):
        out.update({w: ("weekday", int(v[0])) for w, v in mapping(table).items()})
    return out


@cache
def _number_words() -> dict[str, str]:
    return {w: v[0] for w, v in mapping("number_words_en").items() if v[1:2] == ("number",)}


def figure(word: str, start: int) -> Figure | None:
    """The figure a word (stripped of punctuation) is, if it is one."""
    end = start + len(word)
    if (named := _named().get(word) or _named().get(f"{word}.")) is not None:  # (`Thu.`)
        return Figure("date", named, word, start, end)
    if (number := _number_words().get(word.lower())) is not None:
        return Figure("quantity", ("amount", frozenset({number})), word, start, end)
    if not _NUMBER.search(word):
        return None
    if (m := _TALLY.match(word)) is not None and not _NUMBER.search(word, m.end()):
        # (in either order: `2-5` and `5-2` are one score, written from either side)
        return Figure("quantity", ("tally", *sorted((int(m[1]), int(m[2])))), word, start, end)
    values = amounts(word)
    if len(values) != 1 or _CODE.match(word.lstrip("(+")):
        return None  # (no figure, or several: `2016~17년`, `6:41pm`, `1,136억달러·148억달러`)
    first, last = _first_digit(word), _last_digit(word)
    dated = _dated(word[first : last + 1].replace(",", ""), word[last + 1 :])
    return Figure("date" if dated else "quantity", ("amount", values), word, start, end)


def _first_digit(word: str) -> int:
    return next(i for i, c in enumerate(word) if c.isdigit())


def _last_digit(word: str) -> int:
    return max(i for i, c in enumerate(word) if c.isdigit())


def words(text: str, start: int, end: int) -> tuple[_Word, ...]:
    """The words of the variant `text[start:end]` (`text` its article's), edges stripped. A
    number written over several words is no figure here (`1 , 000`, `6 . 1`, `3 : 30`, a
    telephone's `0845 125 2222`: tokenised texts and numbers in groups), nor one whose other
    part a sentence's end cut off (`… a 2 .` | `3GHz quad - core …`): read one part at a
    time, they were other figures than one outlet's `1,000`."""
    lo, hi = max(0, start - _AROUND), min(len(text), end + _AROUND)
    raw = list(_WORD.finditer(text, lo, hi))
    out = []
    for n, m in enumerate(raw):
        word = m.group().strip(_EDGE)
        at = m.start() + len(m.group()) - len(m.group().lstrip(_EDGE))
        if not word or not start <= at < end:
            continue
        fig = None if _in_a_group(raw, n) else figure(word, at)
        if fig is not None:
            fig = _multiplied(fig, _next_word(raw, n))
        out.append(_Word(word.lower(), word, at, at + len(word), fig))
    return _days_of_months(out)


def _next_word(raw: Sequence[re.Match[str]], n: int) -> str:
    """The word after word `n`, past a hyphen standing alone (`two - million - euro`)."""
    k = n + 1
    if k < len(raw) and raw[k].group() in ("-", "–"):
        k += 1
    return raw[k].group().strip(_EDGE).lower() if k < len(raw) else ""


def _multiplied(fig: Figure, after: str) -> Figure:
    """An amount times the word after it (`4 billion` is `4,000 million`); else as it is."""
    times = _multipliers().get(after)
    if times is None or fig.value[0] != "amount":
        return fig
    (value,) = fig.value[1]
    try:
        worth = format((Decimal(value) * times).normalize(), "f")
    except InvalidOperation:
        return fig
    return replace(fig, value=("amount", frozenset({worth})))


def _days_of_months(read: list[_Word]) -> tuple[_Word, ...]:
    """The words with a number beside a month's name a date (`March 19`, `19 March`)."""
    out = list(read)
    for k, w in enumerate(read):
        fig = w.figure
        if fig is None or fig.value[0] != "amount" or fig.kind == "date":
            continue
        near = [read[j].figure for j in (k - 1, k + 1) if 0 <= j < len(read)]
        if any(f is not None and f.value[0] == "month" for f in near):
            out[k] = replace(w, figure=replace(fig, kind="date"))
    return tuple(out)


_AROUND = 16  # characters either side of a variant read to see a number's other parts


def _in_a_group(raw: Sequence[re.Match[str]], n: int) -> bool:
    """Whether word `n` is a part of a number written over several words: next to another
    number, or to a lone separator with a number on its other side."""

    def number(k: int) -> bool:
        return 0 <= k < len(raw) and _GROUP_PART.fullmatch(raw[k].group()) is not None

    def separator(k: int) -> bool:
        return 0 <= k < len(raw) and raw[k].group() in _SEPARATORS

    if not number(n):
        return False
    return (
        number(n - 1)
        or number(n + 1)
        or (separator(n - 1) and number(n - 2))
        or (separator(n + 1) and number(n + 2))
    )


_GROUP_PART = re.compile(r"\d+[A-Za-z]*")  # (`2 . 3GHz`: the last part carries the unit)
_SEPARATORS = frozenset({",", ".", ":", "-", "–", "/"})


def _changes(a: Sequence[_Word], b: Sequence[_Word]) -> list[tuple[Figure, Figure, str]]:
    """The figures at one place of two variants (`a`, `b`): changed ones, and equal ones
    in shared words, each with the shared words around the place (its label)."""
    if min(len(a), len(b)) < _MIN_WORDS:
        return []  # (`He was 95.`, `He was 75.`: two obituaries' last lines, not one claim)
    matcher = SequenceMatcher(None, [w.key for w in a], [w.key for w in b], autojunk=False)
    if matcher.ratio() < _MIN_SHARED:
        return []  # (one sentence inside a longer one of other words: no place to compare)
    ops = matcher.get_opcodes()
    if any(
        op == "replace" and _names(a, i1, i2) and _names(b, j1, j2) for op, i1, i2, j1, j2 in ops
    ):
        return []  # (`Addai rushed for 101 yards`, `Brown rushed for 226 yards`: two players)
    out = []
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if (x := a[i].figure) is not None and (y := b[j].figure) is not None:
                    out.append((x, y, ""))
            continue
        if op != "replace" or i2 - i1 > _MAX_CHANGE or j2 - j1 > _MAX_CHANGE:
            continue
        fa = [w.figure for w in a[i1:i2] if w.figure is not None]
        fb = [w.figure for w in b[j1:j2] if w.figure is not None]
        if (
            len(fa) == len(fb) == 1
            and _differ(fa[0], fb[0])
            and not _hedge_covers(fa[0], fb[0], _hedged(a, i1, i2), _hedged(b, j1, j2))
            and not _other_groups(a[i1:i2], b[j1:j2])
        ):
            before = " ".join(w.text for w in a[max(0, i1 - _CONTEXT) : i1])
            after = " ".join(w.text for w in a[i2 : i2 + _CONTEXT])
            out.append((fa[0], fb[0], f"{before} … {after}".strip()))
    return out


def _other_groups(a: Sequence[_Word], b: Sequence[_Word]) -> bool:
    """Whether two changed spans count groups worded otherwise: the words besides the figure
    differ and one closes a group (`group_words.tsv`): `부사장 등 3명` (three with the
    vice-president) and `부사장 및 상임이사 2명` (two directors with him) may both be right."""
    rest_a, rest_b = ([w.key for w in side if w.figure is None] for side in (a, b))
    groups = words_of("group_words")
    return rest_a != rest_b and any(k in groups for k in (*rest_a, *rest_b))


def _names(side: Sequence[_Word], lo: int, hi: int) -> bool:
    """Whether words `lo:hi` of a variant hold a name: a capitalised word not opening the
    sentence, and no figure (a month or a weekday is capitalised too). Two variants that
    write other names at one place speak of other people or things, whose figures differ
    without any outlet being wrong."""
    return any(
        k > 0 and side[k].text[:1].isupper() and side[k].figure is None for k in range(lo, hi)
    )


def _differ(a: Figure, b: Figure) -> bool:
    """Whether two figures of one kind are other figures: not the same value, nor one the
    other rounded (`176억2000만` for 176억1603만: `facts.compare.quantity_covers`)."""
    if a.kind != b.kind or a.value[0] != b.value[0] or _key(a.value) == _key(b.value):
        return False  # (a tally is no amount: `140` against `140-150`)
    if not _one_unit(a.words, b.words) and not _rival_units(a.words, b.words):
        return False
    if a.value[0] == b.value[0] == "amount" and len(a.value[1]) == len(b.value[1]) == 1:
        x, y = (_number_or_text(next(iter(f.value[1]))) for f in (a, b))
        if x[0] == y[0] == 0:
            return not quantity_covers((x[1], ""), (y[1], "")) and not quantity_covers(
                (y[1], ""), (x[1], "")
            )
    return True


def _one_unit(a: str, b: str) -> bool:
    """Whether two figures are written in one unit: the same before their digits and after
    them, a particle aside (`19일` and `20일에`; not `3년간` and `36개월간`, one length, nor
    `$4` and `€5`)."""
    if not (_NUMBER.search(a) and _NUMBER.search(b)):
        return True  # (a word: a month, a weekday, a number word)
    (a0, a1), (b0, b1) = (_around_digits(w) for w in (a, b))
    # one unit whatever particle follows it (`일`, `일에`; `명을`, `명이`); none is no unit
    # (`30` is no `48km`), and other letters make another (`%p` is no `%`, `시간` no `시`)
    return a0 == b0 and _unit(a1) == _unit(b1)


def _rival_units(a: str, b: str) -> bool:
    """Whether two figures are written in the two units of one rate's change
    (`facts/data/rival_units.tsv`: `0.3%` and `0.5%p`): an outlet's other figure in the other
    unit, in one place of one sentence, is a misreport to show, each side in its words (the
    consolidated sentence named as a source of its `0.5%p` an outlet that wrote `0.3%`)."""
    if not (_NUMBER.search(a) and _NUMBER.search(b)):
        return False
    (a0, a1), (b0, b1) = (_around_digits(w) for w in (a, b))
    kinds = mapping("units")
    ka, kb = (kinds.get(_unit(after), ("",))[0] for after in (a1, b1))
    return a0 == b0 and bool(ka and kb) and frozenset({ka, kb}) in _rivals()


@cache
def _rivals() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(r[:2]) for r in rows("rival_units"))


def _unit(written: str) -> str:
    """What follows a figure's digits, less a particle after it (`명을`: `명`; `도` stays)."""
    for particle in _VALUE_PARTICLES:
        if written.endswith(particle) and len(written) > len(particle):
            return written[: -len(particle)]
    return written


def _around_digits(word: str) -> tuple[str, str]:
    """What a figure writes before its digits and after them, less the multipliers written
    inside an amount (`8억5천만원` and `85억원` are both in 원: a misprint of one release's
    8억5천만원 as 85억원 was no disagreement, a press office's case)."""
    return word[: _first_digit(word)], word[_last_digit(word) + 1 :].lstrip(_MULTIPLIERS)


_MULTIPLIERS = "".join((*SMALL_UNITS, *LARGE_UNITS)) + " "


def _hedged(side: Sequence[_Word], lo: int, hi: int) -> str:
    """How a variant's changed words `lo:hi` hedge their figure (`55명 안팎`, `약 45명`,
    `about 60`, `50여 명`; `quantity_hedges.tsv`): "" (exact), else `quantities.hedge`'s
    kind. The changed words are read as a quantity's words (`facts.quantities.hedged`);
    the words beside them only as a hedge written apart, whole (`찬성 6표 반대` is no `90%대`)."""
    before, after = _apart_hedges()
    changed = " ".join(w.text for w in side[lo:hi])
    if _hedged_words(changed):
        return hedge(changed) or "about"
    ahead = [w.key for w in side[max(0, lo - 2) : lo]]
    if ahead and (ahead[-1] in before or " ".join(ahead) in before):
        return hedge(" ".join((*ahead, changed))) or "about"
    if hi < len(side) and _hedge_after(side[hi].key, after):
        return "about"
    return ""


def _hedge_covers(a: Figure, b: Figure, a_hedge: str, b_hedge: str) -> bool:
    """Whether a figure given as about so many covers the other side's, as the fact
    comparison reads it (`facts.compare.quantity_covers`: `about 60` covers 58, the exact
    figure rounded; `about 85` does not, nor `약 5억원` 1.5억원; of two hedged figures,
    either: `about six months` and `about 16 months` are two claims). A hedged figure that
    is no single number, or one in a rate's other unit (`약 0.3%` against `0.5%p`), is not
    compared."""
    if not (a_hedge or b_hedge):
        return False
    if not _one_unit(a.words, b.words):
        return True
    if not (a.value[0] == b.value[0] == "amount" and len(a.value[1]) == len(b.value[1]) == 1):
        return True
    x, y = (_number_or_text(next(iter(f.value[1]))) for f in (a, b))
    if x[0] or y[0]:
        return True
    return quantity_covers((x[1], a_hedge), (y[1], b_hedge)) or quantity_covers(
        (y[1], b_hedge), (x[1], a_hedge)
    )


_hedged_words = lru_cache(maxsize=1 << 14)(hedged)  # (reprints repeat their words)


def _hedge_after(word: str, hedges: Sequence[str]) -> bool:
    """Whether a word is a hedge written after a figure, whole or with a particle on it
    (`안팎`, `안팎이`, `가량의`; not `여성` for `여`, nor `이상한` for `이상`)."""
    return any(word == h or (word.startswith(h) and word[len(h) :] in _PARTICLES) for h in hedges)


_PARTICLES = frozenset("이가을를은는의에도로만과와")  # one written on to a hedge (`안팎이`)


@cache
def _apart_hedges() -> tuple[frozenset[str], tuple[str, ...]]:
    """The hedges written before a figure (`약`, `at least`) and after it (`가량`, `안팎`), in
    lower case (`facts.quantities.hedge_words`)."""
    before = frozenset(w.lower() for w in hedge_words("before"))
    return before, tuple(w.lower() for w in hedge_words("after"))


class _Slots:
    """Figures (article, start) joined into slots: one place of one sentence."""

    def __init__(self) -> None:
        self.root: dict[tuple[str, int], tuple[str, int]] = {}
        self.label: dict[tuple[str, int], str] = {}

    def find(self, x: tuple[str, int]) -> tuple[str, int]:
        self.root.setdefault(x, x)
        while self.root[x] != x:
            self.root[x] = self.root[self.root[x]]
            x = self.root[x]
        return x

    def join(self, x: tuple[str, int], y: tuple[str, int], label: str) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.root[ry] = rx
        keep = self.label.get(rx) or self.label.get(ry) or label
        if keep:
            self.label[rx] = keep


def sentence_figures(
    sentence: ConsolidatedSentence, by_id: Mapping[str, Article]
) -> list[tuple[str, str, dict[str, Figure]]]:
    """The slots of one consolidated sentence whose figures differ: (label, kind, the figure
    of each article there)."""
    variants: dict[str, list[str]] = {}  # text -> the articles printing it
    spans: dict[str, tuple[int, int]] = {}
    for src in sentence.sources:
        art = by_id.get(src.article)
        if art is None or src.article in spans:
            continue
        spans[src.article] = (src.start, src.end)
        variants.setdefault(art.text[src.start : src.end], []).append(src.article)
    if len(variants) < 2:
        return []
    texts = sorted(variants, key=lambda t: -len(variants[t]))
    first = {t: variants[t][0] for t in texts}  # the article whose text is read
    read = {t: words(by_id[first[t]].text, *spans[first[t]]) for t in texts}
    if any(_reading(t, read[t], spans[first[t]][0]) for t in texts):
        return []
    slots = _Slots()
    figures: dict[tuple[str, int], Figure] = {}

    def node(text: str, fig: Figure) -> tuple[str, int]:
        """The figure's place in the first article printing `text`, its copies joined (once:
        a reprint printed 400 times was joined again at every change it took part in)."""
        first = (variants[text][0], fig.start)
        if first in figures:
            return first
        offset = fig.start - spans[first[0]][0]
        for aid in variants[text]:
            at = spans[aid][0] + offset
            moved = Figure(fig.kind, fig.value, fig.words, at, at + len(fig.words))
            figures[(aid, at)] = moved
            slots.join(first, (aid, at), "")
        return first

    for n, t in enumerate(texts):
        for ref in texts[: min(n, _REFERENCES)]:
            for fa, fb, label in _changes(read[ref], read[t]):
                slots.join(node(ref, fa), node(t, fb), label)
    grouped: dict[tuple[str, int], dict[str, Figure]] = {}
    for (aid, at), fig in figures.items():
        grouped.setdefault(slots.find((aid, at)), {}).setdefault(aid, fig)
    out = []
    for root, by_article in grouped.items():
        values = {_key(f.value) for f in by_article.values()}
        kinds = {f.kind for f in by_article.values()}
        about = slots.label.get(root)
        if len(values) >= 2 and len(kinds) == 1 and about:
            out.append((about, kinds.pop(), by_article))
    return out


def _reading(text: str, read: Sequence[_Word], offset: int) -> bool:
    """Whether a variant's figures are a reading at a time (`25일 오후 4시 20분 현재 35만
    명이 동의했다`: `facts.readings`): two outlets' readings at other times are no
    disagreement, nor are the two times."""
    return any(w.figure is not None and stamps(text, w.end - offset) for w in read)


def _key(value: Any) -> Any:
    """A figure's value compared: an amount by its value (`1.5억` is `1억5000만`)."""
    return (value[0], next(iter(value[1]))) if value[0] == "amount" else value


def figure_disagreements(
    articles: Sequence[Article],
    sentences: Sequence[ConsolidatedSentence],
    disputed: Sequence[Disagreement],
    label: Any,
) -> list[Disagreement]:
    """The disagreements of figures the story's sentences state differently (module doc),
    past those `disputed` already quotes; `label(words, n)` names one in sentence n."""
    by_id = {a.id: a for a in articles}
    quoted: dict[str, list[tuple[int, int]]] = {}  # each article's words a fact dispute quotes
    for d in disputed:
        for v in d.values:
            for s in v.sources:
                quoted.setdefault(s.article, []).append((s.start, s.end))
    out = []
    for n, sentence in enumerate(sentences):
        where: dict[str, tuple[int, int]] = {}  # each article's variant
        for src in sentence.sources:
            where.setdefault(src.article, (src.start, src.end))
        for about, kind, by_article in sentence_figures(sentence, by_id):
            if _one_outlets_series(by_article, by_id) or any(
                lo <= f.start < hi
                for aid, f in by_article.items()
                for lo, hi in quoted.get(aid, ())
            ):
                continue
            names: dict[Any, str] = {}  # each value as its first outlet writes it
            for fig in by_article.values():
                names.setdefault(_key(fig.value), _without_particle(fig.words))
            values = []
            for value in sorted(names, key=_order):
                found = [
                    quote_within(by_id[aid], *where[aid], f.start, f.end)
                    for aid, f in by_article.items()
                    if _key(f.value) == value
                ]
                values.append(DisagreementValue(names[value], tuple(found)))
            out.append(Disagreement(label(about, n), kind, tuple(values)))
    return out


def _without_particle(words: str) -> str:
    """A figure's words as its side is headed, less a particle after its unit (`1표로`: `1표`,
    `20곳을`: `20곳`); one right after the digits stays (`3대1로`, and `30도`, a unit)."""
    if not _NUMBER.search(words):
        return words  # (a month, a weekday, a number word)
    cut = _last_digit(words) + 1
    return words[:cut] + _unit(words[cut:])


# particles written on to a figure's unit, the longer first (`으로` before `로`)
_VALUE_PARTICLES = ("으로", "에서", "까지", "부터", "에는", *sorted(_PARTICLES), "께")


def _one_outlets_series(by_article: Mapping[str, Figure], by_id: Mapping[str, Article]) -> bool:
    """Whether every figure of a slot is one outlet's: an outlet's series written from one
    template (the weather at 3 and at 6, two days' funeral notices) gives other figures in
    the same words, and nothing here tells a series from a correction (the eval's Korean
    sets: four of five such slots were a series). The facts still compare one outlet's
    versions of a happening's date."""
    outlets = {by_id[aid].outlet for aid in by_article}
    return len(outlets) == 1 and None not in outlets


def _order(value: Any) -> tuple[Any, ...]:
    """Values in order: numbers by size (a figure that is no one number, `2024.9.12`, after)."""
    return tuple(_number_or_text(x) for x in value[1:])


def _number_or_text(x: Any) -> tuple[int, Any]:
    try:
        return (0, float(x))
    except (TypeError, ValueError):
        return (1, str(x))
