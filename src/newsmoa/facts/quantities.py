"""Quantities: a number (Kiwi SN, with 만/억/천 multipliers) and a unit from `units.tsv`,
with what it counts.

    "공무원 5명을 파견"           -> 5 명, counts 공무원 (the noun written before the number)
    "연구원 등 50명이 참여한"      -> 50 명, counts participants (from the predicate after it,
                                    table `count_predicates`)
    "50명의 주민"                 -> 50 명, counts 주민 (the noun it modifies)

`approx` is set for `약 50명`, `50여 명`, `50명가량`, `20% 초반`, `90%대`, `1조원대` (table
`quantity_hedges`), so outlets writing about the same number with and without the hedge
are not read as disagreeing.

`1인 가구` (table `count_kinds`) names a kind of household, not a count of people, and an
ordinal (`제301회 임시회`, `제20회 축제`, `20회째`: table `ordinal_marks`) names which one, not
how many: neither is a quantity.

`N대` is a count of vehicles only after its noun (`소방차 5대`): a decade of age before a
person (`60대 작업자`, `직원 30대 남성`: table `age_heads`), a ratio (`5대 1`) and `N major`
(`5대 시중은행`, `미국 3대 증시`: a small number right before a noun that is no verbal
noun, as `5대 출동했다` is) are none.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from newsmoa.facts import readings
from newsmoa.facts.clauses import Analysis, Tok
from newsmoa.facts.tables import mapping, rows, words
from newsmoa.text.amounts import LARGE_UNITS, SMALL_UNITS

_ENUM = frozenset({"등", "등등", "총", "약"})
_MAJOR_BELOW = 10  # `5대 시중은행` (five major banks): a count this small right before a noun


@cache
def hedge_words(where: str) -> frozenset[str]:
    """The hedges of `quantity_hedges.tsv` written `where` (before, after, attached)."""
    return frozenset(row[0] for row in rows("quantity_hedges") if row[1] == where)


@cache
def _over() -> tuple[str, ...]:
    """Hedges that mean "a little over" (80여 명: 80 to 89), which bound a figure by its last
    digit's place: 80여 and 90여 say different figures, 80여 and 85 the same."""
    return _meaning("over")


def hedged(text: str) -> bool:
    """Whether a quantity's words (a fact's `text`: `약 50명`, `50여 명`, `50명가량`, `90%대`)
    say it is approximate, as `find` read them (an attached hedge counts after a unit, not
    after a digit: `30대` is a unit)."""
    if any(_says(text, w) for w in hedge_words("before") | hedge_words("after")):
        return True
    return any(
        len(text) > 1 and text.endswith(w) and not text[-2].isdigit()
        for w in hedge_words("attached")
    )


def hedge(text: str) -> str:
    """How a quantity's words hedge it: "" (exact), "floor" (`최소 3명`, `at least three`: that
    many or more), "over" (`80여 명`, `80명 남짓`) or "about" (any other hedge: `약 80명`,
    `80명가량`)."""
    if not hedged(text):
        return ""
    if any(_says(text, w) for w in _meaning("floor")):
        return "floor"
    return "over" if any(_says(text, w) for w in _over()) else "about"


@cache
def _meaning(meaning: str) -> tuple[str, ...]:
    """The hedges of `quantity_hedges.tsv` with that meaning."""
    return tuple(row[0] for row in rows("quantity_hedges") if row[2:3] == (meaning,))


def _says(text: str, hedge: str) -> bool:
    """Whether `text` holds a hedge: a Korean one anywhere (`50여 명`), an English one as
    whole words in any case (`about 300`, `At least 50` opening a sentence; not the `over`
    of `300 rovers`)."""
    if not hedge.isascii():
        return hedge in text
    return re.search(rf"(?i)(?<![A-Za-z]){re.escape(hedge)}(?![A-Za-z])", text) is not None


@dataclass(frozen=True, slots=True)
class Quantity:
    value: int | float
    unit: str
    counts: str | None
    start: int
    end: int
    approx: bool


@cache
def _number_words() -> dict[str, tuple[int, str]]:
    """`number_words.tsv`: a word's value and kind (digit: Sino-Korean; native)."""
    return {word: (int(value), kind) for word, value, kind in rows("number_words")}


def _native(form: str) -> int | None:
    """A native number written as one word, its words added (`스물다섯`: 25), or None."""
    if not form:
        return 0
    for word, (value, kind) in _number_words().items():
        if kind == "native" and form.startswith(word):
            rest = _native(form[len(word) :])
            if rest is not None:
                return value + rest
    return None


def _spelled(tok: Tok) -> bool:
    """Whether a token Kiwi read as a numeral (NR) is a number written in words (`삼십`,
    `천`, `다섯`; not `수십`), so a count may start at it."""
    known = _number_words()
    return tok.tag == "NR" and (
        _native(tok.form) is not None
        or all(
            c in SMALL_UNITS or c in LARGE_UNITS or known.get(c, (0, ""))[1] == "digit"
            for c in tok.form
        )
    )


def _number(toks: list[Tok]) -> int | float | None:
    """The value of a number's tokens: digits with the multipliers after them (`1만2천`,
    `2억5000만`), or Korean number words (`삼십`: 30, `스물다섯`: 25, `number_words.tsv`),
    which outlets write for the same figure (`삼십 명` against `30명`: the reprint's count
    was missing)."""
    total, section, num = 0.0, 0.0, None
    spelled, read = toks[0].tag != "SN", False
    for t in toks:
        if t.tag == "SN":
            try:
                num = float(t.form.replace(",", ""))
            except ValueError:
                return None
            continue
        native = _native(t.form)
        if native is not None:
            num, read = (num or 0) + native, True
            continue
        # a multiplier, or several written as one word (`천만` in `3억6천만`, `백만`), and
        # Sino-Korean digits before them (`삼십`, `오천만`)
        digits = {w: v for w, (v, k) in _number_words().items() if k == "digit"} if spelled else {}
        if not all(c in SMALL_UNITS or c in LARGE_UNITS or c in digits for c in t.form):
            if spelled:
                return None  # 수십 명: some tens, no number
            continue
        for m in t.form:
            if m in digits:
                num = float(digits[m])
            elif m in SMALL_UNITS:
                section += (num if num is not None else 1) * SMALL_UNITS[m]
                num, read = None, True
            else:
                total += (section + (num or 0) or 1) * LARGE_UNITS[m]
                section, num, read = 0.0, None, True
    if spelled and not read:
        return None  # a lone Sino-Korean digit (`이`, `오`): a determiner or a name
    total += section + (num or 0)
    return int(total) if total.is_integer() else total


_UNIT_PARTS = 3  # the most tokens one unit is cut into (`%`, `포인트`)


def find(analysis: Analysis) -> list[Quantity]:
    """Every number with a known unit in one analysed sentence."""
    units = mapping("units")
    toks = _joined_units([_unit_tok(t, units) for t in analysis.tokens], units)
    out = []
    i = 0
    while i < len(toks):
        if toks[i].tag != "SN" and not _spelled(toks[i]):
            i += 1
            continue
        j = i + 1
        while (
            j < len(toks)
            and toks[j].start - toks[j - 1].end <= 1
            and (
                toks[j].tag in ("SN", "NR")
                or toks[j].form in LARGE_UNITS
                or toks[j].form in SMALL_UNITS
                or (  # 열두 명: Kiwi reads 두 as a determiner
                    toks[j].tag == "MM"
                    and toks[j - 1].tag == "NR"
                    and _number_words().get(toks[j].form, (0, ""))[1] == "native"
                )
            )
        ):
            j += 1
        approx, figure = False, toks[i:j]
        if j < len(toks) and toks[j].tag == "XSN" and toks[j].form == "여":
            approx, j = True, j + 1
        unit_tok = toks[j] if j < len(toks) else None
        if unit_tok is None or unit_tok.form not in units or unit_tok.start - toks[j - 1].end > 1:
            i = j
            continue
        value = _number(figure)
        if value is not None:
            start, end = toks[i].start, unit_tok.end
            if _minus_before(analysis, start):  # "지난달(-0.04%)": a fall, not a rise
                value, start = -value, start - 1
            before = toks[i - 1] if i > 0 else None
            if before and before.form in hedge_words("before") and start - before.end <= 1:
                approx, start = True, before.start
            after = toks[j + 1] if j + 1 < len(toks) else None
            if after and (
                (after.form in hedge_words("after") and after.start - end <= 1)
                or (after.form in hedge_words("attached") and after.start == end)
            ):
                approx, end = True, after.end
            counts = _counts(toks, i, j, units)
            if not (
                _ordinal(toks, i, j)
                or _not_vehicles(toks, j, value, units, counts is None)
                or _kind(toks, j, units)
            ):
                written = units[unit_tok.form][1:2]  # the unit as first written (퍼센트: %)
                unit = written[0] if written and written[0] else unit_tok.form
                out.append(Quantity(value, unit, counts, start, end, approx))
        i = j + 1
    return out


def _ordinal(toks: list[Tok], first: int, unit: int) -> bool:
    """Whether the number from token `first` to its unit at `unit` is an ordinal: a mark of
    `ordinal_marks.tsv` before it (`제301회`, `제 20회`) or written onto its unit (`20회째`).
    `제301회` counted 301 sessions and was compared as one (a black-box case)."""
    marks = mapping("ordinal_marks")
    before = toks[first - 1] if first > 0 else None
    after = toks[unit + 1] if unit + 1 < len(toks) else None
    return bool(
        (
            before is not None
            and marks.get(before.form) == ("before",)
            and toks[first].start - before.end <= 1
        )
        or (
            after is not None
            and marks.get(after.form) == ("after",)
            and after.start == toks[unit].end
        )
    )


def _kind(toks: list[Tok], unit: int, units: dict) -> bool:
    """`1인 가구`, `4인 가족`: a count of people naming a kind of household (table
    `count_kinds`), not a number of people."""
    nxt = toks[unit + 1] if unit + 1 < len(toks) else None
    return (
        units[toks[unit].form][0] == "people"
        and nxt is not None
        and nxt.start - toks[unit].end <= 1
        and nxt.form in words("count_kinds")
    )


def _unit_tok(tok: Tok, units: dict) -> Tok:
    """A token whose compatibility form is a unit (`㎞`, fullwidth `ｍ`, `㎏`) as that unit,
    so `5㎞` and `5km` are one unit; `㎡` has its own row."""
    if tok.form in units:
        return tok
    plain = unicodedata.normalize("NFKC", tok.form)
    return Tok(plain, tok.tag, tok.start, tok.end) if plain in units else tok


def _joined_units(toks: list[Tok], units: dict) -> list[Tok]:
    """Tokens written together that spell one unit of the table as one token, the longest
    first: Kiwi cuts `%p` into `%` and `p` and `퍼센트포인트` into two nouns, and a change in
    percentage points is no percentage (`0.5%p` against `0.3%`). A multiplier stays one
    part of its number (`120억원`: 120, 억, 원)."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        k = i + 1
        scale = toks[i].form in LARGE_UNITS or toks[i].form in SMALL_UNITS
        longest = i + 1 if scale else min(len(toks), i + _UNIT_PARTS)
        for n in range(longest, i + 1, -1):
            parts = toks[i:n]
            joined = "".join(t.form for t in parts)
            if joined in units and all(
                b.start == a.end for a, b in zip(parts, parts[1:], strict=False)
            ):
                out.append(Tok(joined, "NNB", parts[0].start, parts[-1].end))
                k = n
                break
        else:
            out.append(toks[i])
        i = k
    return out


def _not_vehicles(toks: list[Tok], unit: int, value: float, units: dict, uncounted: bool) -> bool:
    """Whether `N대` is no number of vehicles: a decade of age before a person (`직원 30대
    남성`, whatever stands before it) or, with no counted noun before it, any decade
    (`60대 작업자`) or a ratio (`5대 1`); or `N major` (`5대 시중은행`, `3대 증시는`)."""
    if units[toks[unit].form][0] != "vehicles":
        return False
    nxt = toks[unit + 1] if unit + 1 < len(toks) else None
    decade = 10 <= value <= 90 and value % 10 == 0
    if decade and nxt is not None and nxt.form in words("age_heads"):
        return True
    if uncounted and ((nxt is not None and nxt.tag == "SN") or decade):
        return True
    return value < _MAJOR_BELOW and _major(toks, unit)


def _major(toks: list[Tok], unit: int) -> bool:
    """`N대` right before a noun that is no verbal noun (`5대 시중은행에`, not `5대
    출동했다`, `5대 파손됐다`)."""
    k = unit + 1
    if k >= len(toks) or toks[k].tag not in ("NNG", "NNP") or toks[k].start - toks[unit].end != 1:
        return False
    while (
        k + 1 < len(toks) and toks[k + 1].tag in ("NNG", "NNP") and toks[k + 1].start == toks[k].end
    ):
        k += 1
    verbal = k + 1 < len(toks) and toks[k + 1].tag in ("XSV", "XSA")
    return not (verbal and toks[k + 1].start == toks[k].end)


def _minus_before(analysis: Analysis, start: int) -> bool:
    """Whether a minus sign stands right before the number at article offset `start`, not
    as a hyphen inside a word or a range ("KN-23", "3-4명")."""
    at = start - analysis.start
    text = analysis.text
    return at > 0 and text[at - 1] in "-−" and (at < 2 or not text[at - 2].isalnum())


def _phrase(toks: list[Tok], n: int) -> str | None:
    """A predicate of several words from `n` (`count_predicates` rows with spaces: the
    forms of its tokens, "자리 를 함께" for 자리를 함께했다), before the one-word rows:
    `자리` alone heads a clause (`참석한 자리에서`), `자리를 함께하다` attends."""
    for row in _phrases():
        forms = row.split()
        if [t.form for t in toks[n : n + len(forms)]] == forms:
            return row
    return None


@cache
def _phrases() -> tuple[str, ...]:
    return tuple(r for r in mapping("count_predicates") if " " in r)


def _counts(toks: list[Tok], first: int, unit: int, units: dict) -> str | None:
    before = toks[first - 1] if first > 0 else None
    if before is not None and before.tag == "JX" and first > 1:
        topic = toks[first - 2]  # 사망자는 3명: the toll's noun as the topic
        if topic.form in _fates() and topic.end == before.start:
            return _fates()[topic.form]
        if _stated_of(toks, first, unit, units):
            return _compound(toks, first - 2)  # 군비는 21억원이다: an amount of 군비
    if before is not None and before.form in words("comparison_words"):
        return _compared(toks, first - 1)
    noun = None
    if (
        before is not None
        and before.tag == "NNG"
        and before.form not in _ENUM
        # (a word saying when it was read, "오후 4시 기준 38만명", counts nothing: 38만 counted
        # 기준, and was compared with nothing: a black-box case)
        and before.form not in readings.as_of_words()
        # (nor the area around a place: "청솔읍 일원 15만㎡ 부지", a black-box case)
        and before.form not in words("extent_words")
        and toks[first].start - before.end == 1
    ):
        noun = _compound(toks, first - 1)
        if before.form in _fates():
            return _fates()[before.form]  # 사망자 3명: deaths
    if units[toks[unit].form][0] != "people":
        return noun
    k = unit + 1
    if k < len(toks) and toks[k].form == "의" and k + 1 < len(toks) and toks[k + 1].tag == "NNG":
        return noun or _fates().get(toks[k + 1].form, toks[k + 1].form)
    said = _predicate(toks, k)
    # what befell them names the count over the noun before it (근로자 3명이 숨지고: deaths)
    return said if noun is None or said in _fates().values() else noun


_COMPARED_WORDS = 5  # the most tokens a base of comparison takes (`지난해 같은 기간 대비`)


def _compared(toks: list[Tok], word: int) -> str | None:
    """What a figure after a word of comparison at token `word` (`comparison_words.tsv`:
    `전년 대비 4.5%`) is of: the subject or topic before its base (`본예산은 전년 대비`), else
    nothing; never the word itself (`전년 대비 4.5% 증가` counted `대비`, and two outlets'
    rises were headed "DISAGREEMENT 대비": a black-box case)."""
    for k in range(word - 1, max(word - 1 - _COMPARED_WORDS, 0), -1):
        if toks[k].tag in ("JX", "JKS"):
            noun = toks[k - 1]
            attached = noun.tag in ("NNG", "NNP") and noun.end == toks[k].start
            return _compound(toks, k - 1) if attached else None
    return None


def _stated_of(toks: list[Tok], first: int, unit: int, units: dict) -> bool:
    """Whether the figure (not of people: their counts go by the predicate) is what its
    topic noun amounts to: `국비는 15억원, 도비는 9억원, 군비는 21억원이다`, the noun and
    은/는 right before it, a copula or a comma right after it (`군은 15억원을 투입` is who
    spends). One outlet's 군비 30억원 against the release's 21억원 was labelled `amount in
    원` (a black-box case)."""
    topic, particle = toks[first - 2], toks[first - 1]
    after = toks[unit + 1] if unit + 1 < len(toks) else None
    return (
        units[toks[unit].form][0] != "people"
        and topic.tag in ("NNG", "NNP")
        and particle.form in ("은", "는")
        and topic.end == particle.start
        and after is not None
        and after.start == toks[unit].end
        and (after.tag == "VCP" or (after.tag == "SP" and after.form == ","))
    )


_COMPOUND_PARTS = 3


def _compound(toks: list[Tok], last: int) -> str:
    """The noun ending at token `last` with the nouns written onto it (`심장질환`, `영업이익`:
    Kiwi's 심장 + 질환), so `심장질환 8.4배` and `경증질환 0.4배` count different things (their
    shared tail made one outlet's list of ratios a disagreement with another's)."""
    first = last
    while (
        first > 0
        and last - first < _COMPOUND_PARTS - 1
        and toks[first - 1].tag == "NNG"
        and toks[first - 1].end == toks[first].start
    ):
        first -= 1
    return "".join(t.form for t in toks[first : last + 1])


def _predicate(toks: list[Tok], k: int) -> str | None:
    """What the predicate after a count of people (from token `k`, its particle) says
    it counts (table `count_predicates`), or None."""
    predicates = mapping("count_predicates")
    object_ = k < len(toks) and toks[k].tag == "JKO"  # "2명을": the object of the predicate
    for n, t in enumerate(toks[k : k + 6], start=k):
        # a predicate of several words only right after the count and its particle
        # (`200여명이 사는 곳에 자리한` is no attendance: a review)
        phrase = _phrase(toks, n) if n <= k + 1 else None
        said = predicates.get(phrase or t.form)
        if said and (phrase or (t.tag in ("NNG", "VV", "MAG") and said[1] != "noun")):
            counts, role = said[:2]
            return None if object_ and role == "subject" else counts
        if t.tag in ("EF", "SF") or t.form in words("clause_heads"):
            break
    return None


@cache
def _fates() -> dict[str, str]:
    """The `count_predicates` words marked `fate` (a toll: 숨지, 부상자) and what they count."""
    return {w: r[0] for w, r in mapping("count_predicates").items() if r[2:3] == ("fate",)}
