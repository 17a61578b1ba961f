"""`extract_facts(article, sentences)`: the typed facts of one article, each with its words.

Per sentence: dates (`dates`, resolved against the dateline; `이날` follows the day last
named in its sentence or the one before, else it is the article's lead day or the
dateline's, `REF_SENTENCES`, `LEAD_DAYS`),
titled people (`people`), organisations and places (`places`, with the areas Kiwi does not
know that the article shows to be areas: `areas_confirmed`), quantities (`quantities`) and
lengths of time (`durations`: quantities counting `duration`);
each fact is attached to the happening of the clause its words end in
(`clauses`). People and organisations come back as one fact per name with every mention as
a source; dates, places of a happening and quantities as one fact per mention.

Seam for the statistical entity model: `finders` are extra callables
`(article, sentences) -> Iterable[Fact]` (e.g. an adapter over `newsmoa.facts.ner.entities`,
see `entity_facts`); their facts are added only where no rule fact already covers the words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any

from newsmoa.facts import ages, compare, durations, places, quantities, readings
from newsmoa.facts import people as people_mod
from newsmoa.facts import quoted as quotations
from newsmoa.facts.calendar import SEOUL
from newsmoa.facts.clauses import (
    READING_TIME,
    REPORTED,
    Analysis,
    analyse,
    counted_span,
    dated_about,
    happening_of,
    table_labels,
)
from newsmoa.facts.dates import DateMention, counted_from, find_dates, now_day
from newsmoa.facts.extract_en import extract_english
from newsmoa.facts.names import area_form, area_units, seat_area, title_unit
from newsmoa.facts.tables import mapping
from newsmoa.text.script import english
from newsmoa.types import Article, Fact, Sentence, Source

Finder = Callable[[Article, Sequence[Sentence]], Iterable[Fact]]
# 이날 (같은 날; 당일 too, but left open farther on: `date_words.tsv`, anchor `of`) is the day
# named in its sentence or the one before; farther on, the dateline's day. On the dev day, of
# 14 sampled 이날 after a day other than the dateline's (지난 25일, 지난달 30일, 7월25일,
# 내일), the day last named was right for 4 or 5 ("실종 당일",
# "...농성을 벌이다, 이날 밤 9시께"), this rule for 8: "지난 25일에 이어 ..." five sentences
# before "북한의 이날 미사일 발사도" meant the 31st (a review, 2026-11-29: 54 of 125 이날 and
# 당일 in the 15 largest stories took a day they did not mean)
REF_SENTENCES = 1
# Farther on, 이날 is the article's lead day, else the dateline's: the first day written by
# its number alone (or counted from the dateline: `어제`, a black-box case where 이날 two
# sentences after "어제 ... 체결했다" took the dateline's day) in its first sentences, the
# dateline's or at most LEAD_DAYS before it
# ("도널드 트럼프 미국 대통령은 2일(현지시간) ..." in an article of the 3rd; "북한이 31일 ...
# 발사한" in the one above). News writes the day it reports so and earlier ones with 지난
# ("지난 26일 워싱턴에서 열린 회의에 참석했던 이 의원은 31일 ..."). On the dev and August
# days this moves 207 relative days; of the first change in each of 26 articles, 22 were
# right after and wrong before, 2 the reverse, 2 wrong either way (2026-11-29).
LEAD_DAYS = 7
LEAD_SENTENCES = 3
KLUE_TYPES = {"PS": "person", "OG": "organization", "LC": "place"}
_ENTITY_FIELDS = ("start", "end", "type", "text")


def extract_facts(
    article: Article, sentences: Sequence[Sentence], *, finders: Sequence[Finder] = ()
) -> tuple[Fact, ...]:
    """Typed facts of one article; every source is an offset span into `article.text`.
    An English article (`text.script.english`) is read by the English rules
    (`extract_en`); `finders` (the Korean entity model) are for Korean ones."""
    anchor, tz = _anchor(article)
    filed = places.dateline_place(article)  # (`(전주=연합뉴스)`: 전주)
    if english(article.text):
        read = [*extract_english(article, sentences, anchor), *([filed] if filed else [])]
        return tuple(sorted(read, key=lambda f: (f.sources[0].start, f.type)))
    analyses = [analyse(s.text, s.start) for s in sentences if s.text.strip()]
    facts: list[Fact] = []
    ref: date | None = None
    ref_at = 0  # the sentence that named `ref`
    ref_year: int | None = None
    ref_month: tuple[int, int] | None = None
    lead: date | None = None  # the article's lead day (farther than REF_SENTENCES)
    quoted = quotations.spans(article.text)
    spoken: dict[quotations.Span, DateMention] = {}  # each quotation's day of speaking
    held_on: dict[str, date] = {}  # the day each kind of happening was written to be on
    for n, a in enumerate(analyses):
        near = ref if n - ref_at <= REF_SENTENCES else lead  # else: the dateline's day
        found = find_dates(
            a.text,
            anchor,
            tz=tz,
            ref=near,
            ref_year=ref_year,
            ref_month=ref_month,
            tense=_tense_in(a),
            nearby=ref is not None and n - ref_at <= REF_SENTENCES,
        )
        reported: int | None = None  # where the clause reported with `ref`'s day ends
        stamps: list[tuple[int, str, str]] = []  # the sentence's readings (end, stamp, value)
        dated: list[tuple[int, str]] = []  # where its other dates end, and their values
        for m, about in _dated(a, found, quoted, spoken, anchor, tz, held_on):
            reading = readings.stamps(a.text, m.end)
            if reading:
                value = compare.key(m.value)
                stamps.append((a.start + m.end, readings.stamp(m.value, m.text), value))
            else:
                dated.append((a.start + m.end, compare.key(m.value)))
            of_its_time = dated_about(about, m.value, anchor)  # (or an earlier one's)
            facts.append(
                Fact(
                    "date",
                    m.value,
                    (_src(article, a.start + m.start, a.start + m.end),),
                    text=m.text,
                    about=READING_TIME
                    if reading
                    else None
                    if _BOUND.match(a.text, m.end)
                    else of_its_time,
                )
            )
            if (
                about in table_labels()
                and m.day is not None
                and quotations.written_day(m, anchor)
                and of_its_time == about  # (not an earlier one's)
            ):
                held_on.setdefault(about, m.day)
            if m.day is not None and not m.offset and not _told_after(a, m, about, reported):
                ref, ref_at = m.day, n  # (an 이날 that took one keeps it in view)
                reported = _reporting(a, m, anchor)
                if lead is None and m.reported_day and n < LEAD_SENTENCES and anchor:
                    lead = m.day if 0 <= (anchor - m.day).days <= LEAD_DAYS else None
            ref_year = m.year or ref_year
            ref_month = m.month or ref_month
        for q in (*quantities.find(a), *durations.find(a), *ages.find(a)):
            facts.append(
                Fact(
                    "quantity",
                    q.value,
                    (_src(article, q.start, q.end),),
                    text=article.text[q.start : q.end],
                    unit=q.unit,
                    counts=q.counts,
                    about=None  # a person's age, of no happening (`ages_en` likewise)
                    if q.counts == ages.AGE
                    else readings.read_at(
                        _about(a, q.end - 1), readings.reading_of(a, q.start, stamps, dated)
                    ),
                )
            )
    facts.extend(_entities(article, analyses))
    for finder in finders:
        facts.extend(_uncovered(facts, finder(article, sentences)))
    facts.extend([filed] if filed else [])
    return tuple(sorted(facts, key=lambda f: (f.sources[0].start, f.type)))


def _anchor(article: Article) -> tuple[date | None, Any]:
    """The day a report's relative dates count from, and its time zone: a Korean report's
    `오늘`, `어제` and `새벽 4시` are Seoul's, whatever offset its time was given in (a
    feed's `22:40 GMT` on the 9th is 07:40 on the 10th in Seoul: a black-box test); an
    English report's, its own time's zone, the one its text says it is from
    (`extract.zones`): a Springfield, Ill. report of 11:42 pm on the 5th counted `yesterday`
    from Seoul's 6th, a black-box case). The text's script says which it is
    (`text.script.english`)."""
    korean = not english(article.text)
    if article.published is None:
        return None, SEOUL if korean else None
    tz = SEOUL if korean else article.published.tzinfo
    local = article.published.astimezone(tz) if tz else article.published
    return local.date(), tz


def _src(article: Article, start: int, end: int) -> Source:
    return Source(article.id, start, end)


def _about(a: Analysis, pos: int) -> str | None:
    clause = a.clause_at(pos)
    return clause.label if clause else None


def _tense_in(a: Analysis) -> Callable[[int], str | None]:
    """The tense of the clause of sentence `a` where a date ends (a sentence offset)."""
    return lambda end: a.tense_after(a.start + end)


def _dated(
    a: Analysis,
    found: Sequence[DateMention],
    quoted: Sequence[quotations.Span],
    spoken: dict[quotations.Span, DateMention],
    anchor: date | None,
    tz: Any,
    held_on: Mapping[str, date],
) -> list[tuple[DateMention, str | None]]:
    """Each date of sentence `a` with the happening it is about (`_date_about`). A date
    introducing a quotation is the day of the words that close it (`quotations.introduced`),
    and a speaker's today in that quotation, in this sentence or a later one, counts from
    it (`spoken`: each quotation's day of speaking, kept over the article), and one written
    after the quotation (`“오늘 …”고 27일 밝혔다`: `quotations.said_after`); so does one said
    at a happening the article dated (`군수는 협약식에서 “오늘 …”`: the signing's day,
    `held_on`); one in another quotation keeps the dateline's count, and its happening is
    marked `QUOTED_DAY`. A span counted from such a happening counts from its day
    (`_counted_from_held`)."""
    out: list[tuple[DateMention, str | None]] = []
    for m in found:
        if (start := _counted_from_held(a, m, held_on)) is not None:
            m = counted_from(m, start, tz)
        row = quotations.introduced(a, m.end, quoted)
        held = quotations.inside(quoted, a.start + m.start)
        if held is not None and now_day(m):
            said = spoken.get(held) or quotations.said_after(a, held, found, quoted, anchor)
            day = said.day if said is not None else _said_at(a, held, held_on)
            if day is not None:
                m = counted_from(m, day, tz)
                out.append((m, _date_about(a, m.end, row, quoted)))
            else:
                about = _date_about(a, m.end, row, quoted)
                out.append((m, f"{about}{quotations.QUOTED_DAY}" if about else None))
            continue
        spoken.update((q, m) for q in quotations.said_on(a, m, found, quoted, anchor))
        out.append((m, _date_about(a, m.end, row, quoted)))
    return out


def _reporting(a: Analysis, m: DateMention, anchor: date | None) -> int | None:
    """Where the clause of a day written by its number ends (a sentence offset), when that
    clause is reported by the words after it (`27일 … 협약을 체결했다고`), else None."""
    clause = a.clause_at(a.start + m.end - 1)
    if clause is None or not quotations.written_day(m, anchor):
        return None
    said = a.text[: clause.end - a.start]
    return len(said) if REPORTED.search(said) else None


def _told_after(a: Analysis, m: DateMention, about: str | None, reported: int | None) -> bool:
    """Whether date `m` is the day a happening named just before was told ("27일 협약을
    체결했다고 28일 밝혔다"): the day of the signing stays the one 이날 follows (the next
    sentence's `이날 협약식에는` is the 27th, a black-box case). A day in a clause that only
    modifies a noun (`지난 29일 실종된 유군을 찾고 있다고 31일 밝혔다`) is no reported one."""
    return (
        reported is not None
        and about in quotations.saying_labels()
        and not a.text[reported : m.start].strip()
    )


def _counted_from_held(a: Analysis, m: DateMention, held_on: Mapping[str, date]) -> date | None:
    """The day a span counts from when the word before it names a happening the article
    dated (`협약식 사흘 뒤`, the signing written to be on the 15th: the 18th, though the day
    named last, which the count took before, was the 16th of a press conference)."""
    if not counted_span().match(m.text):
        return None
    before = [w for w in a.words if w.end <= a.start + m.start]
    if not before or a.text[before[-1].end - a.start : m.start].strip():
        return None
    label = happening_of(before[-1].stem)
    return held_on.get(label) if label is not None else None


def _said_at(a: Analysis, quote: quotations.Span, held_on: Mapping[str, date]) -> date | None:
    """The day of the happening a quotation was said at, when its sentence says so before it
    (`협약식에서`, `기공식에서`: a word the happenings table labels, with 에서) and the
    article dated that happening."""
    for w in a.words:
        if w.start >= quote[0]:
            break
        label = happening_of(w.stem) if w.particle() == "에서" else None
        if label is not None and label in held_on:
            return held_on[label]
    return None


def _date_about(
    a: Analysis, end: int, row: Sequence[quotations.Span], quoted: Sequence[quotations.Span]
) -> str | None:
    """The happening a date ending at `end` (in the sentence) is about: its clause's, or
    that of the words closing the quotations `row` it introduces (`quotations.speech_label`);
    a day a decision takes effect ("6일자로 단행") is its own (`단행 (effective)`): the day it
    was made, "31일 단행된", is another fact, not a disagreement."""
    about = quotations.speech_label(a, row, quoted) if row else _about(a, a.start + end - 1)
    if about and a.text[end : end + 8].lstrip().startswith(_effective()):
        return f"{about} (effective)"  # (자 is a bound noun: "6일 자로" too)
    return about


@cache
def _effective() -> tuple[str, ...]:
    return tuple(w for w, (kind, _) in mapping("date_modifiers").items() if kind == "effective")


# a date the happening is before or after, not its date (`내달 2일 직전에 열리는`: a review
# found it set against another outlet's `8월 2일 하루 전`, the 1st)
_BOUND = re.compile(r"\s*(?:직전|직후|이전|이후|전후|을\s*앞두고|를\s*앞두고|앞두고)")


def _main_label(labels: Iterable[str | None]) -> str | None:
    """The first happening from the table among a name's mentions (else None)."""
    known = table_labels()
    return next((lab for lab in labels if lab in known), None)


def _entities(article: Article, analyses: Sequence[Analysis]) -> list[Fact]:
    found: list[tuple[Analysis, people_mod.Mention]] = []
    things: list[tuple[Analysis, places.Found]] = []
    per = [(a, people_mod.mentions(a)) for a in analyses]
    confirmed = areas_confirmed([m for _, ms in per for m in ms], analyses)
    for a, ms in per:
        found.extend((a, m) for m in ms)
        things.extend((a, f) for f in places.find(a, [(m.start, m.end) for m in ms], confirmed))
    units = area_units()
    areas = [f.value for _, f in things if f.type == "organization" and f.value[-1] in units]
    where = {id(m): a for a, m in found}
    out = []
    for best, ms in people_mod.merge([m for _, m in found], areas):
        out.append(
            Fact(
                "person",
                best.name,
                tuple(_src(article, m.start, m.end) for m in ms),
                text=article.text[ms[0].start : ms[0].end],
                role=best.role,
                about=_main_label(_about(where[id(m)], m.end - 1) for m in ms),
            )
        )
    by_name: dict[tuple[str, str, str | None], list[tuple[Analysis, places.Found]]] = {}
    full = mapping("org_aliases")
    for a, f in things:
        about = _about(a, f.end - 1) if f.type == "place" and f.locative else None
        value = full.get(f.value, (f.value,))[0] if f.type == "organization" else f.value
        by_name.setdefault((f.type, value, about), []).append((a, f))
    for (kind, value, about), group in by_name.items():
        if kind == "organization":
            about = _main_label(_about(a, f.end - 1) for a, f in group)
        out.append(
            Fact(
                kind,
                value,  # an organisation by its full name (`org_aliases`: 국토부, 국토교통부)
                tuple(_src(article, f.start, f.end) for _, f in group),
                text=group[0][1].value,  # as first written
                about=about,
            )
        )
    return out


def areas_confirmed(
    mentions: Sequence[people_mod.Mention], analyses: Sequence[Analysis]
) -> frozenset[str]:
    """Area-shaped names (`names.area_form`) the article shows to be areas by writing their
    office: a head's title fused with it, as written or as read (`박정민 청솔군수`,
    `청솔군(군수 박정민)`; not a US state's `콜로라도 주지사`), or its own body
    (`청솔군의회`). An area Kiwi does not know (a small county, a new city) was no
    organisation and no party (a black-box case); the shape alone is no proof (`반란군`,
    `김민수군`, a boy: of 258 area-shaped words neither Kiwi nor the regions table knew on
    the dev and August A days, most were none: 한반도, 북한군, 의존도, 수직구)."""
    out = {
        m.affiliation
        for m in mentions
        if m.affiliation
        and (unit := title_unit(m.title))
        and m.affiliation.endswith(unit)
        and m.affiliation[: -len(unit)] + m.title in m.role  # fused (not `콜로라도 주지사`)
        and area_form(m.affiliation)
    }
    out.update(area for a in analyses for w in a.words if w.stem and (area := seat_area(w.stem)))
    return frozenset(out)


def _uncovered(facts: Sequence[Fact], extra: Iterable[Fact]) -> list[Fact]:
    taken = [(s.article, s.start, s.end) for f in facts for s in f.sources]
    return [
        f
        for f in extra
        if not any(
            a == s.article and s.start < e and st < s.end for s in f.sources for a, st, e in taken
        )
    ]


def entity_facts(article_id: str, entities: Iterable[Any]) -> list[Fact]:
    """Facts from KLUE-typed spans: `newsmoa.facts.ner.Entity` objects or mappings with
    start, end, type, text (offsets into the article text). PS, OG and LC become person,
    organization and place facts; other types are left to the rules (dates, quantities)."""
    out = []
    for e in entities:
        fields = e if isinstance(e, Mapping) else {n: getattr(e, n) for n in _ENTITY_FIELDS}
        kind = KLUE_TYPES.get(str(fields["type"]))
        if kind:
            span = (Source(article_id, int(fields["start"]), int(fields["end"])),)
            out.append(Fact(kind, fields["text"], span, text=fields["text"]))
    return out


def model_finder(article: Article, sentences: Sequence[Sentence]) -> list[Fact]:
    """A `finders` entry over the statistical entity model (`newsmoa.facts.ner`), imported
    only when used: `extract_facts(article, sentences, finders=[model_finder])`."""
    from newsmoa.facts.ner import entities

    return entity_facts(article.id, entities(article.text))
