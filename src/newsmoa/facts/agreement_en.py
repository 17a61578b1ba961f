"""The agreement card of a story of English reports, as `agreement` builds a Korean one.

A story has a card when some English article has a clause labelled `signing`
(`happenings_en.tsv`: `signed an agreement`, `a memorandum of understanding was signed`,
`signing ceremony`). From those clauses, across all outlets:

- parties: organisations (`places_en`) written in a signing clause as who signs (`The City
  of Riverton and the Clearwater Regional Water Authority signed`, `signed ... with Acme
  Robotics Inc.`), not after a word that makes them something else (`officials from the
  Ohio EPA attended the signing ceremony`, `at the Riverton Community Center`:
  `data/not_parties_en.tsv`), most outlets' first;
- representatives: titled people named in a signing clause whose title heads an
  organisation (`data/head_titles_en.tsv`: `Mayor Angela Torres`, `Executive Director Paul
  Whitman`, after an area's or a body's words too: `County Commissioner Dana Whitfield`);
- date, place: the facts about the signing (a place: the building outlets name, where one
  names the town only: it says less); duration: a length of time about the signing or
  written before the agreement's noun (`Under the five-year agreement, ...`); amount:
  money (`data/money_units.tsv`) in a signing clause or in a sentence that names the
  agreement (`Under the agreement, the city will invest $45 million`), or what its
  project costs (`the $18 million project`, `the project would cost $18 million`:
  `data/project_nouns_en.tsv`). A field whose
  outlets state values that do not agree, there or in a disagreement of its figure, is
  None and named in `disputed`, as `agreement` does; no winner is picked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from newsmoa.facts import clauses_en, compare
from newsmoa.facts.clauses import Clause
from newsmoa.facts.durations import DURATION
from newsmoa.facts.evidence import sentence_spans
from newsmoa.facts.places_en import building
from newsmoa.facts.quantities import hedge
from newsmoa.facts.tables import alternation, mapping, words
from newsmoa.types import Article, ConsolidatedSentence, Disagreement, Event, Fact

SIGNING = "signing"


def signing_clauses(article: Article, sentences: Sequence[ConsolidatedSentence]) -> list[Clause]:
    """The signing clauses of an English article's sentences (article offsets)."""
    text = article.text
    return [
        c
        for s, e in sentence_spans(article, sentences)
        for c in clauses_en.clauses(text[s:e], s)
        if c.label == SIGNING
    ]


def _in(clauses: Sequence[Clause], start: int) -> bool:
    return any(c.start <= start < c.end for c in clauses)


def parties(article: Article, facts: Sequence[Fact], clauses: Sequence[Clause]) -> list[str]:
    """Organisations written as who signs in one article, in order of mention."""
    found: dict[str, int] = {}
    for f in facts:
        if f.type != "organization":
            continue
        for src in f.sources:
            held = next((c for c in clauses if c.start <= src.start < c.end), None)
            if held is not None and not _after_not_party(article.text, held.start, src.start):
                found.setdefault(str(f.value), src.start)
    return sorted(found, key=found.__getitem__)


def _after_not_party(text: str, clause: int, start: int) -> bool:
    """Whether a word of `not_parties_en.tsv` stands before the organisation at `start`
    (past `the`), unless it marks the signers after a passive signing verb of its clause
    (from `clause`): `was signed Tuesday by the City of Riverton`."""
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 40) : start])
    if before and before[-1].lower() == "the":
        before.pop()
    if not before or (word := before[-1].lower()) not in words("not_parties_en"):
        return False
    verbs = mapping("not_parties_en")[word]
    if not verbs or not verbs[0]:
        return True
    passive = rf"\b(?:was|were|been|being|be|is|are)\s+(?:{alternation(verbs[0].split())})\b"
    said = re.search(
        rf"(?i){passive}((?:(?!\b{word}\b).)*)\b{word}\W*(?:the\W*)?$", text[clause:start]
    )
    return said is None or re.search(r"\b[a-z]+ed\b", said.group(1)) is not None


def english_event(
    order: Sequence[Article],
    facts: Mapping[str, Sequence[Fact]],
    sentences: Sequence[ConsolidatedSentence],
    disagreements: Sequence[Disagreement],
) -> Event | None:
    """The card of the English articles `order` (earliest first), or None when none reports
    a signing."""
    clauses = {a.id: signing_clauses(a, sentences) for a in order}
    if not any(clauses.values()):
        return None
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    people: dict[str, str] = {}  # name -> role
    for n, a in enumerate(order):
        fs = facts.get(a.id, ())
        for k, name in enumerate(parties(a, fs, clauses[a.id])):
            votes[name] += 1
            first.setdefault(name, n * 1000 + k)
        for f in fs:
            if _signer(f, clauses[a.id]):
                people.setdefault(str(f.value), str(f.role))
    of_signing = [f for a in order for f in facts.get(a.id, ()) if f.about == SIGNING]
    disputed = {d.about for d in disagreements}
    fields: dict[str, Any] = {}
    unsettled: list[str] = []
    for field, found, covers in (
        ("date", [f.value for f in of_signing if f.type == "date"], compare.date_covers),
        ("place", _places(of_signing), compare.name_covers),
        ("duration", _durations(order, facts), _figure_covers),
        ("amount", _amounts(order, facts, clauses, sentences), _figure_covers),
    ):
        values = [v for v in found if v is not None]
        said = compare.about(SIGNING, field)
        settled = _settled(values, covers) if said not in disputed else None
        if field in ("amount", "duration") and settled is not None:
            settled = None if _disputed_figure(settled, disagreements) else settled
        fields[field] = settled
        if values and settled is None:
            unsettled.append(field)
    return Event(
        type="agreement",
        parties=tuple(sorted(votes, key=lambda p: (-votes[p], first[p]))),
        representatives=tuple(f"{role} {name}" for name, role in people.items()),
        date=fields["date"],
        place=fields["place"],
        amount=_shown(fields["amount"]),
        duration=_shown(fields["duration"]),
        disputed=tuple(unsettled),
    )


def _signer(f: Fact, clauses: Sequence[Clause]) -> bool:
    """A person named in a signing clause with a title that heads an organisation: one of
    `head_titles_en.tsv` after an area's or a body's words (`County Commissioner`, `Board
    Chairman`: `title_modifiers_en.tsv`; the county's commissioner was no signer), not a
    rank's (`Deputy Mayor`)."""
    said = (f.role or "").split()
    while len(said) > 1 and mapping("title_modifiers_en").get(said[0]) in (("area",), ("body",)):
        said.pop(0)
    head = f.type == "person" and " ".join(said).lower() in words("head_titles_en")
    return head and any(_in(clauses, s.start) for s in f.sources)


def _places(of_signing: Sequence[Fact]) -> list[str]:
    """Where the signing was: the buildings outlets name (`places_en.building`), else the
    towns; a town says less than a building in it, which it does not contain by name."""
    named = [str(f.value) for f in of_signing if f.type == "place"]
    return [p for p in named if building(p)] or named


def _durations(order: Sequence[Article], facts: Mapping[str, Sequence[Fact]]) -> list[Any]:
    """How long the agreement runs: a length of time about the signing, or written before
    the agreement's noun (`Under the five-year agreement, Norvale will contribute`)."""
    out = []
    for a in order:
        for f in facts.get(a.id, ()):
            if f.type != "quantity" or f.counts != DURATION:
                continue
            after = a.text[f.sources[0].end : f.sources[0].end + 40]
            if f.about == SIGNING or _names_agreement().match(after):
                out.append((f.value, f.unit, hedge(f.text or ""), f.text))
    return out


def _amounts(
    order: Sequence[Article],
    facts: Mapping[str, Sequence[Fact]],
    clauses: Mapping[str, Sequence[Clause]],
    sentences: Sequence[ConsolidatedSentence],
) -> list[Any]:
    """Money in a signing clause or in a sentence naming the agreement."""
    out = []
    for a in order:
        spans = [
            (s, e) for s, e in sentence_spans(a, sentences) if _agreement().search(a.text[s:e])
        ]
        for f in facts.get(a.id, ()):
            if f.type != "quantity" or f.unit not in words("money_units") or f.counts:
                continue
            at, end = f.sources[0].start, f.sources[0].end
            if (
                f.about == SIGNING
                or _in(clauses[a.id], at)
                or any(s <= at < e for s, e in spans)
                or _costs_project(a.text, at, end)
            ):
                out.append((f.value, f.unit, hedge(f.text or ""), f.text))
    return out


def _costs_project(text: str, start: int, end: int) -> bool:
    """Whether money at `start`-`end` is what the agreement's project costs
    (`data/project_nouns_en.tsv`): written before its noun (`the $18 million project`,
    `$18 million broadband project`) or after its cost (`the project would cost $18
    million`), not merely about it (`a $6 million grant for the project`)."""
    before, after = _project()
    return bool(after.match(text, end)) or bool(before.search(text[max(0, start - 60) : start]))


@cache
def _project() -> tuple[re.Pattern[str], re.Pattern[str]]:
    nouns = alternation(words("project_nouns_en"))
    between = r"(?:(?!(?:for|of|to|from|by|with|in|on|and|or)\b)[\w-]+\s+){0,2}?"
    after = re.compile(rf"\s+{between}(?i:{nouns})\b")
    cost = r"(?:would|will|is\s+expected\s+to|is\s+estimated\s+to)?\s*(?:cost|costs|costing)"
    before = re.compile(rf"(?i)\b(?:{nouns})\s+{cost}\s+(?:(?:about|nearly|roughly|some)\s+)?$")
    return before, after


@cache
def _agreement() -> re.Pattern[str]:
    """A noun that names an agreement (`data/agreement_nouns_en.tsv`)."""
    return re.compile(rf"(?i)\b(?:{alternation(words('agreement_nouns_en'))})\b")


@cache
def _names_agreement() -> re.Pattern[str]:
    """Such a noun within the next four words (`five-year water supply agreement`)."""
    nouns = alternation(words("agreement_nouns_en"))
    return re.compile(rf"\s*(?:[\w-]+\s+){{0,3}}?(?i:{nouns})\b")


def _disputed_figure(figure: Any, disagreements: Sequence[Disagreement]) -> bool:
    """Whether outlets disagree on the figure where one states it otherwise (`$54 million`
    in a sentence that does not name the agreement, against the release's `Under the
    agreement, ... $45 million`: the card showed $45 million undisputed, a black-box case)."""
    what = f"amount in {figure[1]}" if figure[1] in words("money_units") else DURATION
    return any(
        d.kind == "quantity" and what in d.about and any(v.value == figure[0] for v in d.values)
        for d in disagreements
    )


def _figure_covers(a: Any, b: Any) -> bool:
    """A figure (value, unit, hedge, words) says another or less: in one unit, by
    `compare.quantity_covers`."""
    return a[1] == b[1] and compare.quantity_covers((a[0], a[2]), (b[0], b[2]))


def _settled(values: Sequence[Any], covers) -> Any:
    """The most precise of values that all agree, else None; of figures that cover each
    other (`$1.2 billion`, `about $1.2 billion`), the one stated without a hedge."""
    if not values or compare.distinct(values, covers):
        return None
    precise = [
        v
        for v in values
        if not any(compare.key(w) != compare.key(v) and covers(v, w) for w in values)
    ]
    return min(precise or values, key=lambda v: bool(isinstance(v, tuple) and v[2]))


def _shown(figure: Any) -> str | None:
    """A figure as the card shows it: the words an outlet wrote (`$45 million`, `20-year`
    as `20 years`)."""
    if figure is None:
        return None
    value, unit, _, text = figure
    if unit in words("money_units"):
        return str(text)
    return f"{value:g} {unit}" if isinstance(value, float) else f"{value} {unit}"
