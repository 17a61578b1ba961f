"""A sentence cut into words and clauses, each clause labelled with the happening it reports.

    "지난 19일 서울시청 정책 벤치마킹에 나선 박성일 완주군수와 직원들은 20일 ... 협약을 맺고 ..."
      clause 1: "지난 19일 서울시청 정책 벤치마킹에 나선"          -> visit
      clause 2: "박성일 완주군수와 직원들은 20일 ... 업무협약을 맺고"  -> signing

A clause ends after a connective ending (`-고`, `-며`, `-다고`) and after an adnominal verb
(`나선`, `체결한`) that opens a new noun phrase, except before nouns that keep the happening
going (`참여한 가운데`, table `clause_heads`), after verbs that only link two nouns
(`지원을 위한 협약`, table `modifier_verbs`) and before numbers (`지난 19일`). A fact belongs
to the clause its words end in, so the date of a signing is the one in the clause whose
predicate is the signing. Labels come from `happenings.tsv`; a clause with a history marker
(`history_markers.tsv`: 그간, 2008년부터, 해왔다) is about the "earlier" happening.

Kiwi runs once per distinct sentence text (cached); offsets are shifted into the article.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from newsmoa.facts.calendar import SPAN_UNITS
from newsmoa.facts.compare import interval
from newsmoa.facts.dates import find_dates
from newsmoa.facts.tables import alternation, longest_first, rows, words
from newsmoa.text.analyzer import analyzer

# A word: spaces between, and an opening bracket starts a new one ("완주군(군수 박성일)은").
_WORD = re.compile(r"\(?[^\s(]+|\(")
NOMINAL = frozenset({"NNP", "NNG", "NNB", "NR", "SN", "SL", "SH", "XPN", "XSN", "NP"})
EARLIER = "earlier "  # a label's mark: a happening of the parties' past
STALE_DAYS = 365  # a happening dated wholly before this many days is an earlier one
READ_AT = " as of "  # a label's mark: a figure read at a time (`readings.read_at`)
READING_TIME = "time of reading"  # the label of a date that stamps a reading (`readings`)


@dataclass(frozen=True, slots=True)
class Tok:
    form: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Word:
    """One space-separated word: its leading nominal part (`stem`) and what follows it."""

    start: int
    end: int
    stem: str
    stem_start: int
    stem_end: int
    stem_tags: tuple[str, ...]
    after: tuple[Tok, ...]
    # marked by its legal form (`org_marks.tsv`, `org_forms.tsv`): ㈜한결에너지, 한결에너지(주),
    # 주식회사 한결에너지, (사)청솔문화진흥회
    company: bool = False

    @property
    def bare(self) -> bool:
        """Nothing but the stem (no particle or ending), punctuation aside."""
        return all(t.tag.startswith("S") for t in self.after)

    def particle(self) -> str:
        """The particle right after the stem ("" when none)."""
        for t in self.after:
            if t.tag.startswith("J"):
                return t.form
            if not t.tag.startswith("S"):
                break
        return ""


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    label: str | None  # "signing", "earlier signing", a predicate noun, or None
    from_table: bool  # the label came from happenings.tsv (not from the predicate's noun)


@dataclass(frozen=True, slots=True)
class Analysis:
    start: int
    text: str
    tokens: tuple[Tok, ...]
    words: tuple[Word, ...]
    clauses: tuple[Clause, ...]

    def surface(self, word: Word) -> str:
        """The word as written, particles and marks with it (`(이사장`, `정윤모)은`)."""
        return self.text[word.start - self.start : word.end - self.start]

    def clause_at(self, pos: int) -> Clause | None:
        """The clause holding character `pos` (an article offset)."""
        return clause_at(self.clauses, pos)

    def tense_after(self, pos: int) -> str | None:
        """ "past", "future" or "present": the tense of the clause holding character `pos`
        (an article offset: a date's end), read from its closing predicate by
        `tense_marks.tsv` (`…체결했다`, `…줄었고` past, `…개최할 예정이다` future, `…개최한다`
        present). None for a none mark (`1일로 예고했다`, `29일 선고하기로 결정했다`: the day
        of what was set), when the clause ends in an adnominal (`선보인 후`, `겨냥한`: whose
        tense is relative), holds a quotation after `pos` (its words have their own time),
        or is reported by the words after it and would be future or present (`…개최할
        예정이라고 밝혔다`: the day may be the saying's) while those words name no day of
        their own (`…개최할 예정이라고 3일 밝혔다`: the 30th before it is the plan's)."""
        clause = self.clause_at(pos)
        end = clause.end if clause is not None else self.start + len(self.text)
        after = [t for t in self.tokens if pos <= t.start and not t.tag.startswith("S")]
        toks = [t for t in after if t.start < end]
        extended = False
        # (`개최할 예정이다`: the clause ends before 예정, its predicate is the next's)
        planned = len(after) > len(toks) and _planned(toks + [after[len(toks)]])
        if toks and toks[-1].tag == "ETM" and planned:
            nxt = self.clause_at(after[len(toks)].start)
            end = nxt.end if nxt is not None else end
            toks, extended = [t for t in after if t.start < end], True
        told = self.text[pos - self.start : end - self.start]
        if any(mark in told for mark in QUOTE_MARKS):
            return None
        if toks and toks[-1].tag == "ETM" and not extended:
            return _adnominal(toks, after[len(toks) :])
        if toks and toks[-1].tag == "JKQ":  # (`열렸다고`: 다 and 고 cut apart)
            toks.pop()
        if not toks or toks[-1].tag not in ("EF", "EC"):
            return None
        n = len(toks)  # the closing predicate is toks[n:]
        while n > 0 and toks[n - 1].tag in _PREDICATE:
            n -= 1
        if extended and not _planned(toks[:n]):
            return None  # (`열릴 예정이던 회의가 취소됐다`: the plan is no closing predicate)
        if any(a.tag == "VCP" and b.tag == "ETM" for a, b in itertools.pairwise(toks[:n])):
            return None  # (`출시 예정인 신제품을 공개했다`: 예정인 is the date's, not 공개했다)
        said = REPORTED.search(told) is not None or told.rstrip().endswith(("다며", "라며"))
        if said and REPORTED.search(told) and self._saying_dated(end):
            said = False
        read = None
        for marks, tense, where in _tense_marks():
            ends = {
                "first": [len(marks)],
                "anywhere": range(len(marks), len(toks) + 1),
                "before": [n],
                "predicate": range(n + 1, len(toks) + 1),
                "adnominal": (),  # (read by `_adnominal` only)
            }[where]
            if any(_ends_with(toks[:k], marks) for k in ends):
                if tense == "none" or (tense in ("future", "present") and said):
                    return None
                read = read or tense
        return read

    def _saying_dated(self, pos: int) -> bool:
        """Whether the clause from character `pos` (the words reporting the clause before
        it: `3일 밝혔다`) names a date of its own."""
        clause = self.clause_at(pos)
        if clause is None or clause.start < pos:
            return False
        said = self.text[clause.start - self.start : clause.end - self.start]
        return bool(find_dates(said, None))


def _adnominal(toks: Sequence[Tok], rest: Sequence[Tok]) -> str | None:
    """The tense of a clause ending in a verb's adnominal form before a noun that names a
    happening (`tense_marks.tsv`, where `adnominal`): `3일 개최할 장류 축제` is to come,
    `20일 열린 회의` is over (in an article of the 14th: the 3rd of next month, the 20th of
    the last, where the nearest day was taken: a black-box case). Before any other noun
    (`선보인 후`, `수용할 수`) an adnominal tells no time of the date's: None."""
    if len(toks) < 2 or toks[-2].tag not in _VERBS:
        return None
    head = _head(rest)
    if not head or happening_of(head) is None:
        return None
    marks = [(m, tense) for m, tense, where in _tense_marks() if where == "adnominal"]
    return next((tense for m, tense in marks if _ends_with(toks, m)), None)


_VERBS = frozenset({"VV", "XSV", "VX"})


# the tags of a clause's closing predicate (`체결/NNG` + `하 었 다`, `예정/NNG` + `이 다`)
_PREDICATE = frozenset({"VV", "VA", "VX", "XSV", "XSA", "VCP", "VCN", "EP", "EF", "EC"})
# (single quotes too: news puts names in them, `15일 ‘청년희망’ 협약을 체결했다`, but also a
# date with its name, `'27일 국민 청문회' 추진을 본격화했고` in the August set)
QUOTE_MARKS = "“”\"「」『』‘’'"


def _ends_with(toks: Sequence[Tok], marks: tuple[tuple[str, str], ...]) -> bool:
    """Whether `toks` end with the (form, tag) `marks` (form `*`: any)."""
    if len(marks) > len(toks):
        return False
    tail = toks[len(toks) - len(marks) :]
    return all(
        tag == t.tag and form in ("*", t.form) for (form, tag), t in zip(marks, tail, strict=True)
    )


def _planned(toks: Sequence[Tok]) -> bool:
    """Whether `toks` end with what stands before a plan's predicate (`tense_marks.tsv`,
    where `before`: `개최할 예정` + `이다`)."""
    return any(_ends_with(toks, marks) for marks, _, where in _tense_marks() if where == "before")


# a clause reported by the words after it (`…체결했다고`, `…이라고`): the happening told
REPORTED = re.compile(r"(?:다|라|냐)고\s*$")


@cache
def _tense_marks() -> tuple[tuple[tuple[tuple[str, str], ...], str, str], ...]:
    """Each row of `tense_marks.tsv`: its (form, tag) tokens, the tense they mark and where
    they stand; none rows first (one of them anywhere decides), then future ones (`개최할
    계획이었다`: a plan, though told in the past), past ones, present ones last (`체결했다고
    한다`: a past told as heard)."""
    marks = [
        (tuple((m.rsplit("/", 1)[0], m.rsplit("/", 1)[1]) for m in tokens.split()), tense, where)
        for tokens, tense, where in rows("tense_marks")
    ]
    return tuple(sorted(marks, key=lambda row: ("none", "future", "past", "present").index(row[1])))


def clause_at(clauses: Sequence[Clause], pos: int) -> Clause | None:
    """The clause of a sentence's `clauses` holding character `pos` (an article offset); the
    last one for a position after them (a sentence's closing mark)."""
    for clause in clauses:
        if clause.start <= pos < clause.end:
            return clause
    return clauses[-1] if clauses and pos >= clauses[-1].end else None


@cache
def _happenings() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((label, re.compile(rx)) for label, rx in rows("happenings"))


@cache
def _history() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{row[0]})" for row in rows("history_markers")))


def dated_about(about: str | None, value: object, anchor: date | None) -> str | None:
    """A happening dated wholly over a year before the dateline is an earlier one of its kind
    ("두 기관은 2013년에도 협약을 맺었다"): news reports what just happened or will."""
    if not about or about.startswith(EARLIER) or anchor is None or value is None:
        return about
    return EARLIER + about if stale(value, anchor) else about


def stale(value: object, anchor: date) -> bool:
    """Whether a date's value lies wholly over `STALE_DAYS` before the dateline's day."""
    return interval(value)[1] < (anchor - timedelta(days=STALE_DAYS)).isoformat()


def tells_history(text: str) -> bool:
    """Whether a text has a marker of the parties' past (`history_markers.tsv`: 앞서, 그간,
    지난해부터, 해왔다), whatever its clauses are labelled."""
    return _history().search(text) is not None


def may_carry(label: str, text: str) -> bool:
    """Whether a clause of sentence `text` can get the table label `label`: some row of the
    label matches the sentence (a clause is a part of its sentence, so a sentence no row
    matches needs no analysis for that label; the analyser is the expensive step)."""
    return any(rx.search(text) for lab, rx in _happenings() if lab == label)


def happening_of(noun: str) -> str | None:
    """The table label a noun names on its own (`협약식` signing, `기공식` ceremony), if any."""
    return next((label for label, rx in _happenings() if rx.search(noun)), None)


def table_labels() -> frozenset[str]:
    """Labels that name a kind of happening (as opposed to a predicate's own noun)."""
    return frozenset(label for label, _ in _happenings())


@cache
def story_labels() -> frozenset[str]:
    """Labels of happenings a story reports once (`story_happenings.tsv`): compared across
    the story's articles."""
    return frozenset(words("story_happenings"))


def analyse(text: str, offset: int = 0) -> Analysis:
    """Words and labelled clauses of one sentence whose text starts at `offset` in the article."""
    base = _analyse(text)
    if offset == 0:
        return base

    def tok(t: Tok) -> Tok:
        return Tok(t.form, t.tag, t.start + offset, t.end + offset)

    return Analysis(
        offset,
        text,
        tuple(tok(t) for t in base.tokens),
        tuple(
            Word(
                w.start + offset,
                w.end + offset,
                w.stem,
                w.stem_start + offset,
                w.stem_end + offset,
                w.stem_tags,
                tuple(tok(t) for t in w.after),
                w.company,
            )
            for w in base.words
        ),
        tuple(
            Clause(c.start + offset, c.end + offset, c.label, c.from_table) for c in base.clauses
        ),
    )


@lru_cache(maxsize=4096)
def _analyse(text: str) -> Analysis:
    toks = tuple(Tok(t.form, t.tag, t.start, t.start + t.len) for t in analyzer().tokenize(text))
    return Analysis(0, text, toks, _words(text, toks), _clauses(text, toks))


def _words(text: str, toks: tuple[Tok, ...]) -> tuple[Word, ...]:
    out: list[Word] = []
    matches = list(_WORD.finditer(text))
    marks = any(mark in text for mark in (*words("org_marks"), *words("org_forms")))  # (rare)
    for k, m in enumerate(matches):
        inside = [t for t in toks if m.start() <= t.start < m.end()]
        if marks and (company := _marked(text, toks, matches, k, inside, out)):
            out.append(company)
            continue
        i = 0
        while (
            i < len(inside)
            and inside[i].tag.startswith("S")
            and inside[i].tag != "SN"
            and inside[i].tag not in ("SL", "SH")
        ):
            i += 1
        j = i
        while j < len(inside) and inside[j].tag in NOMINAL:
            j += 1
        j, split = _past_split_final(inside, i, j)
        if name := _misread_name(text, inside[i:]):
            j = i + name
            s, e = inside[i].start, inside[j - 1].end
            out.append(Word(m.start(), m.end(), text[s:e], s, e, ("NNP",), tuple(inside[j:])))
        elif j > i:
            s, e = inside[i].start, inside[j - 1].end
            out.append(
                Word(
                    m.start(),
                    m.end(),
                    text[s:e],
                    s,
                    e,
                    tuple(t.tag for t in inside[i:j] if t is not split),
                    tuple(inside[j + _carved_final(inside, j) :]),
                )
            )
        else:
            out.append(Word(m.start(), m.end(), "", m.start(), m.start(), (), tuple(inside)))
    return tuple(out)


def _past_split_final(inside: list[Tok], i: int, j: int) -> tuple[int, Tok | None]:
    """The end of a stem whose nominals run past an object particle Kiwi split off a
    syllable's final inside one word (`청솔군수와` after a name -> 청소/NNG ᆯ/JKO 군수/NNG
    와/JC: no particle stands between two nouns of one word), and that particle; else
    (j, None). The stem was `청솔`, so the person `박영수 청솔군수` went missing and with
    them the proof that 청솔군 is an area (a black-box case)."""
    if not i < j < len(inside) - 1:
        return j, None
    split, after = inside[j], inside[j + 1]
    if split.form != "ᆯ" or split.tag != "JKO" or split.start >= inside[j - 1].end:
        return j, None
    if after.tag not in NOMINAL or after.tag.startswith("S") or after.start != split.end:
        return j, None
    k = j + 1
    while k < len(inside) and inside[k].tag in NOMINAL:
        k += 1
    return k, split


def _carved_final(inside: list[Tok], j: int) -> int:
    """1 when the token after a proper noun is a particle Kiwi carved out of the noun's own
    last syllable and nothing but punctuation follows it in the word (`김도운` -> 김도우/NNP
    ᆫ/JX: "김도우" with a topic particle), else 0: the syllable is the name's, the word bare.
    The county head `김도운 청솔군수와` was nobody (a black-box case)."""
    if not 0 < j < len(inside) or inside[j - 1].tag != "NNP":
        return 0
    carved = inside[j]
    if not carved.tag.startswith("J") or carved.start >= inside[j - 1].end:
        return 0
    return int(all(t.tag.startswith("S") for t in inside[j + 1 :]))


@cache
def _company_mark() -> re.Pattern[str]:
    """An abbreviated legal form (`org_marks.tsv`: `㈜`, `(주)`, `(사)`, `(재)`)."""
    return re.compile(alternation(words("org_marks")))


_COMPANY_NAME = re.compile(r"[가-힣A-Za-z0-9&]{2,20}")


def _marked(
    text: str,
    toks: tuple[Tok, ...],
    matches: list[re.Match[str]],
    k: int,
    inside: list[Tok],
    out: list[Word],
) -> Word | None:
    """Word `k` as a company's name (`_company`), taking in the words that mark it: a
    `(주)` after it (`한결에너지` `(주)와`) or `주식회사` before it; the words before it in
    `out` are changed in place where they are taken in."""
    m = matches[k]
    after_form = matches[k + 1] if k + 1 < len(matches) else None
    mark = _mark_alone(m, toks) or _form_alone(m, toks, after_form)
    if out and out[-1].company and mark:  # 한결에너지 + (주)와, 청솔팜 + 농업회사법인은: one word
        last = out.pop()
        return replace(
            last, end=m.end(), after=_after_mark(text, inside, m.start() + mark, m.end())
        )
    nxt = matches[k + 1] if k + 1 < len(matches) else None
    after_nxt = matches[k + 2] if k + 2 < len(matches) else None
    marked_after = (
        nxt is not None
        and not _ends_in_particle(inside)  # (`청솔군은 영농조합법인,`: 청솔군은 was a company)
        and (
            bool(_mark_alone(nxt, toks))
            or (bool(_form_alone(nxt, toks, after_nxt)) and not _no_name(inside))
        )
    )  # 청솔팜 농업회사법인은; not 지역 농업회사법인과 (a common noun: a kind, none in particular)
    labelled = bool(out and out[-1].stem in words("org_forms") and out[-1].bare)
    company = _company(text, m, inside, labelled, marked_after)
    if company is not None and labelled:  # 주식회사 + 한결에너지와: one word
        company = replace(company, start=out.pop().start)
    return company


def _ends_in_particle(toks: list[Tok]) -> bool:
    """Whether a word ends in a particle of its own syllable (punctuation aside): an
    argument of the sentence, not a name that a legal form or mark written after it could
    name; not one Kiwi splits off a syllable's final (`청솔` -> 청소/NNG ᆯ/JKO)."""
    core = [t for t in toks if not t.tag.startswith("S")]
    return bool(core) and core[-1].tag.startswith("J") and "가" <= core[-1].form[0] <= "힣"


@cache
def _lead_mark() -> re.Pattern[str]:
    """The mark before a company's name in its word: `㈜`, `(주)`, also after a legal form
    written onto it (`농업회사법인㈜청솔팜`, `org_forms.tsv`)."""
    forms = "|".join(re.escape(f) for f in longest_first(words("org_forms")))
    return re.compile(rf"(?:{forms})?(?:{_company_mark().pattern})")


_NO_NAME = ("NNG", "NNB", "NR", "NP", "SN", "XSN")  # a common noun or a number: no name


def _company(
    text: str, m: re.Match[str], toks: list[Tok], after_label: bool, marked_after: bool
) -> Word | None:
    """A company's name its word marks as one (`㈜한결에너지와`, `한결에너지㈜는`; the word
    before `(주)`, which opens a word of its own; the word after `주식회사`), as one proper
    noun with the particle after it. Kiwi read such names as it could (`한결/MAG
    에너지/NNG`, `㈜는` as a verb): the company was no organisation, nor a party of the
    agreement it signed, nor its head's affiliation (a black-box case)."""
    word, start = m.group(), m.start()
    lead = _lead_mark().match(word)
    if lead:
        word, start = word[lead.end() :], start + lead.end()
    name = _COMPANY_NAME.match(word)
    if name is None:
        return None
    end = start + name.end()
    trail = _company_mark().search(text, start, m.end())
    if trail:  # 한결에너지㈜는
        end, rest_at = trail.start(), trail.end()
    elif lead or after_label:  # the name runs to the particles ending the word
        end = _particles_start(toks, start, end)
        named = [t for t in toks if start <= t.start < end]
        if after_label and _no_name(named):
            return None  # 주식회사 형태로, 설립계획을, 2곳과: common nouns or a count, no name
            # (a name of common nouns, 청정에너지, is missed: ㈜ marks most names)
        rest_at = end
    elif marked_after and end == m.end():
        rest_at = end  # 한결에너지 before (주)와
    elif glued := _glued_form(text, toks, start, m.end()):
        end, rest_at = glued  # 햇살농원영농조합법인과
    else:
        return None
    if not _COMPANY_NAME.fullmatch(text[start:end]):
        return None
    after = _after_mark(text, toks, rest_at, m.end())
    return Word(m.start(), m.end(), text[start:end], start, end, ("NNP",), after, company=True)


def _after_mark(text: str, toks: Sequence[Tok], at: int, end: int) -> tuple[Tok, ...]:
    """The tokens of a word after a company's mark, from `at` to its `end`: Kiwi's, or the
    rest as one particle where Kiwi read none in it (`㈜는` as 늘/VV ᆫ/ETM, `㈜와`)."""
    rest = text[at:end]
    kiwi = tuple(t for t in toks if t.start >= at)
    particle = (Tok(rest, "JX", at, end),) if _HANGUL_PARTICLE.fullmatch(rest) else ()
    return kiwi if any(t.tag[0] == "J" for t in kiwi) or not particle else particle


_HANGUL_PARTICLE = re.compile(r"[가-힣]{1,3}")


def _glued_form(text: str, toks: list[Tok], start: int, end: int) -> tuple[int, int] | None:
    """(where the name ends, where its form ends) when a word is a name with a legal form
    written onto its end (`햇살농원영농조합법인과`, `청솔팜농업회사법인은`: `org_forms.tsv`), the
    name of any words but short common nouns or a count (`농업협동조합`, `지역영농조합법인`:
    kinds; Kiwi reads a name it does not know as one noun of four syllables or more);
    else None. Such a name was no organisation, nor a party of its signing (a black-box
    case)."""
    stop = _particles_start(toks, start, end)
    body = text[start:stop]
    if body in words("org_forms"):
        return None
    form = next((f for f in longest_first(words("org_forms")) if body.endswith(f)), "")
    name_end = stop - len(form)
    if not form or name_end - start < 2:
        return None
    named = [t for t in toks if start <= t.start < name_end]
    if any(t.end > name_end for t in named):
        return None  # (Kiwi's one noun across the form: `농업협동조합`, a kind)
    if _no_name(named) and not any(len(t.form) >= _UNKNOWN_NOUN for t in named):
        return None  # (a noun of 4+ syllables there is one Kiwi guessed: 햇살농원/NNG)
    return name_end, stop


_UNKNOWN_NOUN = 4  # syllables of one common noun Kiwi makes of a word it does not know


def _no_name(named: list[Tok]) -> bool:
    """Whether the words after a legal form (`org_forms.tsv`) are no name: nothing, a count
    or a pronoun (`2곳과`), or the dictionary's common nouns (`형태로`, `설립계획을`); a name
    Kiwi does not know it splits into one-syllable pieces (`청솔팜` -> 청/솔/파/ᆷ) or reads
    as a proper noun (`햇살농원`), and is one (`농업회사법인 청솔팜`: no organisation)."""
    if not named or named[0].tag in ("SN", "NR", "NP", "NNB"):
        return True
    return all(t.tag in _NO_NAME and len(t.form) >= 2 for t in named)


def _particles_start(toks: list[Tok], start: int, end: int) -> int:
    """Where the particles that end a word begin (punctuation after them aside), or `end`:
    only those at its end, not one Kiwi reads inside the name (`㈜세계로물산과` is 세계로물산
    with 과, not 세계 with 로: a review)."""
    k = len(toks)
    while k and toks[k - 1].tag[0] == "S" and toks[k - 1].tag not in ("SL", "SH", "SN"):
        k -= 1
    first = k
    while first and toks[first - 1].tag[0] == "J" and toks[first - 1].start > start:
        first -= 1
    return toks[first].start if first < k else end


def _mark_alone(m: re.Match[str], toks: tuple[Tok, ...]) -> int:
    """The length of a bracketed mark (`(주)`, `(사)`: `org_marks.tsv`) when a word is it
    with at most a particle after it (`(주)와`, `(주)는`): the mark of the word before it,
    not of a name after it (`(주)한결에너지`); else 0."""
    mark = _company_mark().match(m.group())
    if mark is None or not mark.group().startswith("("):
        return 0
    at = m.start() + mark.end()
    first = next((t for t in toks if at <= t.start < m.end()), None)
    return mark.end() if first is None or first.tag[0] in "JS" else 0


def _form_alone(m: re.Match[str], toks: tuple[Tok, ...], nxt: re.Match[str] | None) -> int:
    """The length of the legal form (`org_forms.tsv`) a word is, when a particle or a mark
    follows it in the word (`농업회사법인은`, `주식회사와`, `영농조합법인,`), its mark too
    (`농업회사법인(주)와`, `농업회사법인㈜는`: the name was `농업회사법인`, a black-box case),
    or a title is the next word (`청솔 주식회사 대표이사`): the form of the name before it (`청솔팜
    농업회사법인은`: it was no organisation, or another than `농업회사법인 청솔팜`'s); else 0.
    A bare form before anything else names the word after it (`주식회사 청솔`)."""
    form = next((f for f in longest_first(words("org_forms")) if m.group().startswith(f)), "")
    mark = _company_mark().match(m.group(), len(form)) if form else None
    at = m.start() + len(form) + (len(mark.group()) if mark else 0)
    rest = [t for t in toks if at <= t.start < m.end()]
    marked = nxt is not None and (_title_word(nxt, toks) or bool(_mark_alone(nxt, toks)))
    if not form or (not rest and not marked):
        return 0
    particle = m.group()[at - m.start() :].rstrip(",.·")  # (`㈜는`: Kiwi reads 늘/VV ᆫ/ETM)
    if all(t.tag[0] in "JS" for t in rest) or (mark and _PARTICLE_AFTER_MARK.fullmatch(particle)):
        return at - m.start()
    return 0


_PARTICLE_AFTER_MARK = re.compile(r"[가-힣]{1,2}")


def _title_word(m: re.Match[str], toks: tuple[Tok, ...]) -> bool:
    """Whether a word's nouns are a title of `titles.tsv` (`대표이사가`, `대표는`)."""
    nouns = itertools.takewhile(
        lambda t: t.tag in NOMINAL, (t for t in toks if m.start() <= t.start < m.end())
    )
    return "".join(t.form for t in nouns) in words("titles")


_HANGUL3 = re.compile(r"[가-힣]{3}")


def _misread_name(text: str, toks: list[Tok]) -> int:
    """How many tokens a three-syllable name Kiwi read as a surname and a verb spans
    (`김지은` -> 김/NNP 짓/VV 은/ETM: "laver built"; `이지은` -> 이/MM ...: "this built"),
    else 0: the surname, then only a verb
    and its endings to the word's end (punctuation aside), no particle. The name before a
    title was no person (`김지은 군수`, a black-box case)."""
    if rooted := _rooted_name(text, toks):
        return rooted
    n = next((k for k, t in enumerate(toks) if t.tag.startswith("S")), len(toks))
    core = toks[:n]
    if len(core) < 2 or core[0].tag not in ("NNP", "MM") or core[0].form not in words("surnames"):
        return 0
    if not core[-1].tag.startswith("E") or not all(t.tag[0] in "VE" for t in core[1:]):
        return 0
    return n if _HANGUL3.fullmatch(text[core[0].start : core[-1].end]) else 0


def _rooted_name(text: str, toks: list[Tok]) -> int:
    """How many tokens a three-syllable name Kiwi read as a root and a noun spans (`박정민`
    -> 박정/XR 민/NNG, before `완주군수는`), else 0: a root starting with a family name's
    syllable and only nouns after it, three syllables in all, with no derivation making it
    a word (`하다`, `-성`: 정확/XR 하/XSA, 정확 성/XSN). The name was no person, its stem
    empty (a black-box case: `박정민 완주군수는` was nobody)."""
    n = next((k for k, t in enumerate(toks) if t.tag not in _ROOTED), len(toks))
    core = toks[:n]
    if len(core) < 2 or core[0].tag != "XR" or any(t.tag == "XR" for t in core[1:]):
        return 0
    if core[0].form[:1] not in words("surnames") and core[0].form[:2] not in words("surnames"):
        return 0
    return n if _HANGUL3.fullmatch(text[core[0].start : core[-1].end]) else 0


_ROOTED = frozenset({"XR", "NNG", "NNP", "NNB"})


def _is_boundary(toks: tuple[Tok, ...], i: int, has_argument: bool) -> bool:
    tok, nxt = toks[i], (toks[i + 1] if i + 1 < len(toks) else None)
    if nxt is None:
        return False
    if tok.tag == "SF" or (tok.tag == "EF" and not nxt.tag.startswith("S")):
        return True
    if tok.tag == "SSC" and i > 0 and toks[i - 1].tag == "EF" and nxt.tag == "JKQ":
        return True  # (`“… 착공한다”고 말했다`: the quotation's own predicate ends its clause)
    if tok.tag == "EC":
        return nxt.tag != "VX"
    if tok.tag != "ETM" or i == 0 or toks[i - 1].tag in ("VA", "XSA", "VCP", "VCN"):
        return False
    if _links(toks, i):
        return False
    if nxt.tag in ("SN", "NR") or nxt.form in words("clause_heads"):
        return False
    return has_argument


def _links(toks: Sequence[Tok], i: int) -> bool:
    """Whether the adnominal ending `toks[i]` is a verb's that only links two nouns
    (`modifier_verbs.tsv`: `위한`, `관한`; `포함한` and `비롯한` with their noun, which Kiwi
    cuts off the 하)."""
    if i == 0:
        return False
    verb = toks[i - 1].form
    if toks[i - 1].tag == "XSV" and i > 1 and toks[i - 2].end == toks[i - 1].start:
        verb = toks[i - 2].form + verb
    return verb in words("modifier_verbs")


def _clauses(text: str, toks: tuple[Tok, ...]) -> tuple[Clause, ...]:
    spans: list[tuple[int, int, int, int]] = []  # (start, end, first token, last token)
    first, has_argument = 0, False
    for i, tok in enumerate(toks):
        has_argument = has_argument or tok.tag in ("NNP", "NNG", "SN", "SL")
        if _is_boundary(toks, i, has_argument):
            spans.append((toks[first].start, tok.end, first, i))
            first, has_argument = i + 1, False
    if first < len(toks):
        spans.append((toks[first].start, toks[-1].end, first, len(toks) - 1))
    out = []
    for n, (start, end, a, b) in enumerate(spans):
        stop = spans[n + 1][0] if n + 1 < len(spans) else len(text)
        head = _head_noun(toks, b) if toks[b].tag == "ETM" else ""
        label, from_table = _label(text[start:end] + head, toks[a : b + 1])
        if label and _history().search(text[start:end]):
            label = EARLIER + label
        out.append(Clause(start, stop if n + 1 < len(spans) else max(end, stop), label, from_table))
    if out:
        out[0] = Clause(0, out[0].end, out[0].label, out[0].from_table)
    return tuple(out)


def _head_noun(toks: tuple[Tok, ...], last: int) -> str:
    head = _head(toks[last + 1 :])
    return " " + head if head else ""


_HEAD_PARTS = 5  # the tokens after an adnominal read for the noun it modifies (청/솔/억새/축제)


def _head(rest: Sequence[Tok]) -> str:
    """The noun an adnominal modifies, from the tokens after it: its first nouns, with a
    suffix Kiwi cuts off inside one (`장류 축제`: 장/NNG 류/XSN 축제/NNG); an ordinal
    before them is not one (`열린 제20회 청솔 억새축제`: 제/XPN 20/SN 회/NNB)."""
    heads: list[str] = []
    skip = _ordinal(rest)
    for t in rest[skip : skip + _HEAD_PARTS]:
        if t.tag not in ("NNG", "NNP", "XSN") or (t.tag == "XSN" and not heads):
            break
        heads.append(t.form)
    return "".join(heads)


def _ordinal(rest: Sequence[Tok]) -> int:
    """The tokens of an ordinal that `rest` opens with (`제20회`, `20번째`), else 0."""
    n = 1 if rest and rest[0].tag == "XPN" else 0
    if len(rest) > n + 1 and rest[n].tag == "SN" and rest[n + 1].tag in ("NNB", "XSN"):
        return n + 2
    return 0


@cache
def _not_happening(noun: str) -> bool:
    """A noun that names a place or a time (`not_happenings.tsv`, `date_words.tsv`)."""
    return noun in words("not_happenings") or noun in words("date_words")


@cache
def counted_span() -> re.Pattern[str]:
    """A span of time counted from a day or a happening (`사흘 뒤`, `2주 후`, `열흘 만에`):
    the day it names is worked out, not written."""
    counts = "|".join(sorted((re.escape(r[0]) for r in rows("day_counts")), key=len, reverse=True))
    units = "|".join(longest_first(SPAN_UNITS))
    return re.compile(rf"(?:{counts}|\d+\s*(?:{units}))\s*(?:뒤|후|전|만에)")


@cache
def _counted_from() -> re.Pattern[str]:
    """`counted_span` right after a happening (`협약식 사흘 뒤`): that happening is the
    reference point of another's time, not the clause's own."""
    return re.compile(rf"\s*(?:{counted_span().pattern})")


# a particle Kiwi wrote as a lone final consonant: it cut a syllable after a sign it does not
# read as a word (`4.2㎞를` -> 르/NNG ᆯ/JKO), so the "noun" before it is half a particle
_JAMO = re.compile(r"[\u1100-\u11ff\u3130-\u318f]+")


def _label(text: str, toks: tuple[Tok, ...]) -> tuple[str | None, bool]:
    for label, rx in _happenings():
        if any(not _counted_from().match(text, m.end()) for m in rx.finditer(text)):
            return label, True
    # No table row: the noun of the last predicate ("파견했고" -> 파견, "교류에 나선" -> 교류).
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if t.tag == "XSV" and k > 0 and toks[k - 1].tag == "NNG":
            return toks[k - 1].form, False
        if t.tag.startswith("VV"):
            for p in range(k - 1, -1, -1):
                if toks[p].tag in ("JKO", "JKB") and p > 0 and toks[p - 1].tag == "NNG":
                    if toks[p].form == "보다" or _not_happening(toks[p - 1].form):
                        continue  # `지난해보다 늘었다`, `일원에서 열린다`: no happening's noun
                    if _JAMO.fullmatch(toks[p].form):
                        continue  # `㎞를` cut as 르/NNG ᆯ/JKO: a particle split, no noun
                    return toks[p - 1].form, False
            return None, False
    return None, False
