"""`extract_english(article, sentences, anchor)`: the typed facts of an English article, in the
form the Korean rules give them (`extract`), so that a story of English reports shows its
dates, figures and titled people and where outlets state them differently.

Per sentence, per clause (`clauses_en`): dates resolved against the dateline (`dates_en`;
without a publication time, against an agency dateline opening the text, `dateline_day`; a
bare weekday or month looks ahead after words that do, `dates_en.future`, and so does a
clause after one that does unless its own words are past, `dates_en.past`), quantities
(`quantities_en`, lengths of time: `durations_en`, and ages: `ages_en`; none inside a
date's words), each attached to the happening of its clause (an earlier one's,
`clauses.EARLIER`, in a clause dated over a year before the dateline);
per article, titled people with all their mentions (`people_en`), and organisations and
places (`places_en`, from tables, not a model: a name no table knows the shape of, `in
Riverton`, is none), a place written as where its clause's happening is about it.
The readers of figures, people and places are `readers_en`'s, which the entities command
runs too, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import cache

from newsmoa.facts import ages_en, clauses_en, dates_en, readers_en
from newsmoa.facts import quoted as quotations
from newsmoa.facts.calendar import no_such_day
from newsmoa.facts.clauses import EARLIER, Clause, clause_at, dated_about, stale
from newsmoa.facts.dates import DateMention
from newsmoa.facts.places import Found
from newsmoa.facts.tables import alternation, words
from newsmoa.types import Article, Fact, Sentence, Source

REF_SENTENCES = 1  # `the next day` counts from a day named in its sentence or the one before


def extract_english(
    article: Article, sentences: Sequence[Sentence], anchor: date | None
) -> list[Fact]:
    """Dates, quantities and titled people of an English article (offsets into its text)."""
    facts: list[Fact] = []
    if anchor is None:
        anchor = dateline_day(sentences)
    quoted = quotations.spans(article.text)
    every: list[Clause] = []  # the article's clauses, in order
    ref: date | None = None
    ref_at = 0
    for n, s in enumerate(sentences):
        if not s.text.strip():
            continue
        found = clauses_en.clauses(s.text, s.start, quoted)
        every.extend(found)
        taken: list[tuple[int, int]] = []
        past: set[int] = set()  # the clauses dated wholly over a year before the dateline
        ahead = False  # the sentence's clauses so far look ahead
        for clause in found:
            words = article.text[clause.start : clause.end]
            near = ref if n - ref_at <= REF_SENTENCES else None
            ahead = dates_en.future(words) or (ahead and not dates_en.past(words))
            # a clause after one that looks ahead does too, unless its own words are past
            # (`It will process 110,000 bushels when it reaches full capacity in March`)
            said = True if ahead and not dates_en.future(words) else None
            for m in dates_en.find_dates(words, anchor, ref=near, ahead=said):
                start, end = clause.start + m.start, clause.start + m.end
                taken.append((start, end))
                if m.value is not None:
                    about = _about(article, clause, m, start, quoted)
                    facts.append(_date(article, m, start, end, dated_about(about, m.value, anchor)))
                    if anchor is not None and stale(m.value, anchor):
                        past.add(clause.start)
                elif no_such_day(m.text):  # (`Nov. 31`: a misprint, kept without a value)
                    about = _about(article, clause, m, start, quoted)
                    facts.append(_date(article, m, start, end, about))
                if m.day is not None and not m.offset:
                    ref, ref_at = m.day, n
        for q in readers_en.counted(s.text):
            start, end = s.start + q.start, s.start + q.end
            if any(a < end and start < b for a, b in taken):
                continue  # the day of a date (`July 30`), not a figure
            held = clause_at(found, end - 1)
            about = held.label if held and q.counts != ages_en.AGE else None  # a person's
            if held is not None and held.start in past:  # `In 2004, a magnitude 9 …`
                about = EARLIER + (about or "figure")
            facts.append(
                Fact(
                    "quantity",
                    q.value,
                    (Source(article.id, start, end),),
                    text=article.text[start:end],
                    unit=q.unit,
                    counts=q.counts,
                    about=about,
                )
            )
    people, places = readers_en.named(article.text)
    for p in people:
        facts.append(
            Fact(
                "person",
                p.name,
                tuple(Source(article.id, a, b) for a, b in p.mentions),
                text=article.text[p.mentions[0][0] : p.mentions[0][1]],
                role=p.role,
            )
        )
    facts.extend(_places(article, every, places))
    return facts


def _places(article: Article, every: Sequence[Clause], places: Sequence[Found]) -> list[Fact]:
    """Organisations and places (`places_en`), one fact per name and happening with every
    mention: a place written as where (`at Riverton City Hall`) is about its clause's
    happening, as a Korean `...에서` is; the others about none. An institution written as
    where (`at Memorial Medical Center`) is an organisation and that happening's place."""
    grouped: dict[tuple[str, str, str | None], list[Found]] = {}
    for f in places:
        held = clause_at(every, f.end - 1) if f.locative else None
        if held and _sited_thing(article.text, held.start, f.start):
            held = None  # (`for a plant in the Millbrook Industrial Park`: the plant's site)
        if f.type == "organization" and held and held.label:
            # an institution written as where (`signed at Memorial Medical Center`): the
            # organisation, and the place of its clause's happening
            grouped.setdefault((f.type, f.value, None), []).append(f)
            grouped.setdefault(("place", f.value, held.label), []).append(f)
            continue
        grouped.setdefault((f.type, f.value, held.label if held else None), []).append(f)
    return [
        Fact(
            kind,
            value,
            tuple(Source(article.id, f.start, f.end) for f in group),
            text=group[0].value,
            about=about,
        )
        for (kind, value, about), group in grouped.items()
    ]


@cache
def _site_after_purpose() -> re.Pattern[str]:
    """A purpose's words (`for a … plant`: `purpose_words_en.tsv`) then a preposition of a
    thing's site ending the text (`in`, `near`, `outside`, `the` after it)."""
    leads = alternation(words("purpose_words_en"))
    return re.compile(rf"\b(?i:{leads})\s+[^,;:.]*?\b(?:in|near|outside)\s+(?:the\s+)?$")


def _sited_thing(text: str, clause: int, start: int) -> bool:
    """Whether the place at `start` is where the thing a clause's happening is for stands,
    not where the happening was: `signed an agreement for a plant in the Millbrook
    Industrial Park` (the park was the signing's place); `signed it at City Hall` is."""
    return _site_after_purpose().search(text, clause, start) is not None


# An agency dateline opening the text: place words in capitals, then the day (`SEOUL, Aug. 2,
# 2019 (Yonhap) --`, `WASHINGTON, March 3, 2009 -`).
DATELINE_SENTENCES = 3  # the headline and a subtitle may come before it
_DATELINE = re.compile(r"\s*[A-Z][A-Z.' -]*(?:,\s*[A-Z][A-Za-z.' -]*)?,\s*$")


def dateline_day(sentences: Sequence[Sentence]) -> date | None:
    """The day of an agency dateline opening an article whose publication time is unknown
    (`SEOUL , Aug. 2 , 2019 ( Yonhap ) --`, as a tokenised corpus writes it): what its
    relative dates count from, as a dateline's would. A lead extraction reads
    (`bylines.WIRE_LEAD_RE`) has already given the article its day and left the text."""
    for s in [s for s in sentences if s.text.strip()][:DATELINE_SENTENCES]:
        found = dates_en.find_dates(s.text, None)
        if found and found[0].day is not None and _DATELINE.fullmatch(s.text[: found[0].start]):
            return found[0].day
    return None


def _about(
    article: Article,
    clause: Clause,
    m: DateMention,
    pos: int,
    quoted: Sequence[quotations.Span],
) -> str | None:
    """The happening of a date at article offset `pos`: its clause's, or, in a quotation,
    that of the quoted words of its clause (`"We met today," Pompeo said`: a meeting);
    a speaker's `today` or `yesterday` there counts from the dateline, a guess, and is marked
    `QUOTED_DAY`, as in Korean articles."""
    held = quotations.inside(quoted, pos)
    if held is None:
        return clause.label
    words = article.text[max(held[0], clause.start) : min(held[1], clause.end)]
    about = clauses_en.label_of(words)
    return f"{about}{quotations.QUOTED_DAY}" if about and m.offset else about


def _date(article: Article, m: DateMention, start: int, end: int, about: str | None) -> Fact:
    return Fact(
        "date",
        m.value,
        (Source(article.id, start, end),),
        text=article.text[start:end],
        about=about,
    )
