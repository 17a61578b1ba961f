"""Frozen values that flow between the pipeline stages.

    RawItem --extract--> Article --text--> Sentence
                                 --dedup--> signature (numpy array, not a type here)
                                 --cluster--> story id
    [Article] --reconcile/facts--> Story (ConsolidatedSentence, Fact, Disagreement, Event)

Every claim the product shows carries `Source`s: character offsets into one article's
`text` (start inclusive, end exclusive), so it can be traced to the words it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class RawItem:
    """One input before extraction: a pasted article, a JSONL line, a page.

    `origin` names the input for messages ("paste.txt#2", "in.jsonl:7", a URL).
    Fields other than `text`/`html` are hints from the input (a JSONL object, a feed entry)
    and win over what extraction finds in the text; `reporter` and `email` (a feed entry's
    author) serve when the text's byline names none.
    """

    origin: str
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    is_release: bool = False
    # the name of what it was read from (a feed's title the outlet table does not know: an
    # aggregator's, a desk's): its outlet only when the text and its page name none
    source_name: str | None = None
    # the author a feed entry names (`<author>e-mail (name)</author>`, `dc:creator`, Atom's
    # `<author><name>…</name><email>…</email>`), as written; its e-mail apart
    reporter: str | None = None
    email: str | None = None
    # what the reader says of how it read the item, for a `note:` line: a feed's summary
    # read in the place of its linked page, which could not be fetched
    note: str | None = None


def is_day(value: str | None) -> bool:
    """Whether a publication time, as given or as written out (`codec.published`), is an ISO
    date alone (`2015-03-20`): a day, no time (`Article.day_only`). The one rule: `extract`
    marks an article by it, `codec` reads `published_at` by it, pages show such a value as
    it is, and the fact dates count a day's precision by it."""
    return bool(value and _ISO_DAY.fullmatch(value.strip()))


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. `text` is the body that every offset points into."""

    id: str
    text: str
    title: str = ""
    outlet: str | None = None
    published: datetime | None = None  # timezone-aware
    # `published` was given as a date alone: the day began then, in the outlet's zone; it is
    # shown and written as that date, not as a time nobody gave (`codec.published`)
    day_only: bool = False
    reporter: str | None = None
    email: str | None = None
    url: str | None = None
    subtitle: str | None = None
    # the lines under the headline that a flattened crawl glued onto the lead (`split_deck`)
    deck: str | None = None
    captions: tuple[str, ...] = ()
    origin: str = ""
    is_release: bool = False
    # the town the report was filed from, as its dateline names it: a marker's before `=`
    # (`(완주=연합뉴스)`, `[전주=뉴시스]`: 완주, 전주; not the outlet) or a wire lead's
    # (`SPRINGFIELD, Ill. (AP) —`: `Springfield, Ill.`); None when it names none
    dateline_place: str | None = None

    @property
    def content_hash(self) -> str:
        from newsmoa.text.normalize import content_hash

        return content_hash(self.text or self.title)  # a flash (no text): its headline


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of one article: `text == article.text[start:end]`."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Source:
    """Where a claim stands: `article.text[start:end]`; `quote` repeats those words when useful."""

    article: str
    start: int
    end: int
    quote: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"article": self.article, "start": self.start, "end": self.end}
        if self.quote is not None:
            out["quote"] = self.quote
        return out


@dataclass(frozen=True, slots=True)
class ConsolidatedSentence:
    """One distinct sentence of a story, in one variant's words, with every article carrying it."""

    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """A typed fact: type is one of person, organization, place, date, quantity.

    `value` is the normal form (a name, an ISO date, {"from","to"} for a period, a number);
    `text` the original words; `role` a person's title; `unit`/`counts` for quantities;
    `about` the happening it describes (e.g. "signing"), when known.
    """

    type: str
    value: Any
    sources: tuple[Source, ...]
    text: str | None = None
    role: str | None = None
    unit: str | None = None
    counts: str | None = None
    about: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "value": self.value}
        for name in ("text", "role", "unit", "counts", "about"):
            val = getattr(self, name)
            if val is not None:
                out[name] = val
        out["sources"] = [s.to_json() for s in self.sources]
        return out


@dataclass(frozen=True, slots=True)
class DisagreementValue:
    """One side of a disagreement; `unit`: a quantity's, as its facts give it (`원`), so a
    side stated as a number (12000000000) says what it counts in."""

    value: Any
    sources: tuple[Source, ...]
    unit: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value}
        if self.unit is not None:
            out["unit"] = self.unit
        out["sources"] = [s.to_json() for s in self.sources]
        return out


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Outlets state one thing about one happening differently; no winner is picked.

    `trend`: "rose" when every article stating a higher count was published after every
    article stating a lower one (a toll that may have risen as reports came in), "fell" the
    other way, else None; what the times show, not a verdict."""

    about: str
    kind: str
    values: tuple[DisagreementValue, ...]
    trend: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "about": self.about,
            "kind": self.kind,
            "values": [v.to_json() for v in self.values],
        }
        if self.trend is not None:
            out["trend"] = self.trend
        return out


@dataclass(frozen=True, slots=True)
class Event:
    """The agreement card. A field the outlets disagree on is None; `disputed` names it."""

    type: str
    parties: tuple[str, ...] = ()
    representatives: tuple[str, ...] = ()
    date: Any = None
    place: str | None = None
    phase: str | None = None
    participants: int | None = None
    amount: str | None = None  # the money the agreement names (`$45 million`), as written
    duration: str | None = None  # how long it runs (`20 years`)
    items: tuple[str, ...] = ()
    history: tuple[str, ...] = ()
    disputed: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "parties": list(self.parties),
            "representatives": list(self.representatives),
            "date": self.date,
            "place": self.place,
            "phase": self.phase,
            "participants": self.participants,
            "amount": self.amount,
            "duration": self.duration,
            "items": list(self.items),
            "history": list(self.history),
            "disputed": list(self.disputed),
        }


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    first_published: datetime | None
    articles: tuple[Article, ...]
    sentences: tuple[ConsolidatedSentence, ...] = ()
    facts: tuple[Fact, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    event: Event | None = None
    reuse: tuple[tuple[str, float], ...] = ()  # (article id, share of text already seen)
    redirects: tuple[str, ...] = ()  # story ids merged into this one
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
