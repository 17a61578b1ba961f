"""Korean-like article text for the benchmark corpus: events, outlets, articles and reprints.

Not real Korean, but shaped like it where it matters for shingling: Hangul nouns of two to four
syllables with Zipf frequencies, particles that agree with the final consonant, names with
titles, places, organisations, dates and counts, quotes, bullet lists in each outlet's style,
datelines, bylines and copyright lines.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from bench.vocab import (
    BULLET,
    BULLETS,
    ENDINGS,
    GIVEN,
    LINKS,
    ORG_SUFFIX,
    OUTLET_SUFFIX,
    PLACE_SUFFIX,
    REGIONS,
    SHARE,
    SURNAMES,
    SYLLABLES,
    TITLES,
    Stream,
    attach,
)


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    bullet: str
    tight: bool  # bullet glued to the next word
    header: int
    footer: int
    share: bool
    reporter: str
    email: str


@dataclass(frozen=True, slots=True)
class Event:
    people: tuple[tuple[str, str], ...]
    places: tuple[str, ...]
    orgs: tuple[str, ...]
    topic: tuple[str, ...]
    day: datetime


@dataclass(slots=True)
class Draft:
    """An article before rendering: paragraphs of sentences of tokens."""

    outlet: Outlet
    title: str
    published: datetime
    place: str
    event: Event
    paragraphs: list[list[list[str]]] = field(default_factory=list)

    def moved(self, when: datetime) -> Draft:
        return dataclasses.replace(self, published=when)

    def render(self) -> str:
        o = self.outlet
        mark = o.bullet if o.tight else o.bullet + " "
        body = [
            " ".join(" ".join(s).replace(BULLET + " ", mark) for s in para)
            for para in self.paragraphs
        ]
        stamp = self.published
        head: list[str] = []
        if o.header == 0:
            body[0] = f"({self.place}={o.name}) {o.reporter} 기자 = " + body[0]
        elif o.header == 1:
            head = [f"[{o.name}]"]
        elif o.header == 2:
            head = [self.title, f"기사입력 : {stamp:%Y년%m월%d일 %H시%M분}"]
        else:
            head = [f"온라인 기사 {stamp:%Y년%m월%d일 %H시%M분}"]
        if o.share:
            head = [SHARE, *head]
        foot = [
            f"{o.reporter} 기자 {o.email}",
            f"<저작권자 © {o.name} 무단전재 및 재배포 금지>",
            f"{o.reporter} 기자\n\nCopyright © {o.name}. All rights reserved.",
        ][o.footer]
        return "\n\n".join([*head, *body, foot])


class Writer:
    """Draws outlets, events, articles and reprints from one seeded generator."""

    def __init__(self, rng: np.random.Generator, vocab: int = 20_000):
        # numpy for bulk draws, Python's generator for the many scalar ones (20x cheaper each)
        self.rng = random.Random(int(rng.integers(2**63)))
        sizes = rng.choice([2, 2, 2, 3, 3, 4], size=vocab)
        picks = rng.integers(0, len(SYLLABLES), size=(vocab, 4))
        self.nouns = [
            "".join(SYLLABLES[j] for j in row[:n]) for row, n in zip(picks, sizes, strict=True)
        ]
        self.words = Stream(rng, 1.0 / (np.arange(vocab) + 10.0))
        self.outlets = [self._new_outlet(i) for i in range(400)]

    def _pick(self, seq):  # noqa: ANN001, ANN202 - any sequence
        return self.rng.choice(seq)

    def noun(self) -> str:
        return self.nouns[self.words.next()]

    def name(self) -> str:
        return self._pick(SURNAMES) + self._pick(GIVEN) + self._pick(GIVEN)

    def _new_outlet(self, i: int) -> Outlet:
        stem = self.noun()
        return Outlet(
            name=stem + self._pick(OUTLET_SUFFIX),
            bullet=self._pick(BULLETS),
            tight=self.rng.random() < 0.5,
            header=self.rng.randrange(4),
            footer=self.rng.randrange(3),
            share=self.rng.random() < 0.3,
            reporter=self.name(),
            email=f"rep{i}@news{i}.co.kr",
        )

    def outlet(self) -> Outlet:
        return self._pick(self.outlets)

    def event(self) -> Event:
        places = tuple(
            self._pick(REGIONS) + " " + self.noun() + self._pick(PLACE_SUFFIX)
            for _ in range(self.rng.randrange(1, 3))
        )
        orgs = tuple(self.noun() + self._pick(ORG_SUFFIX) for _ in range(self.rng.randrange(1, 3)))
        people = tuple((self.name(), self._pick(TITLES)) for _ in range(self.rng.randrange(2, 4)))
        topic = tuple(self.noun() for _ in range(25))
        day = datetime(2024, 3, self.rng.randrange(1, 29))
        return Event(people, places, orgs, topic, day)

    def _np(self, ev: Event) -> str:
        r = self.rng.random()
        if r < 0.35:
            word = self._pick(ev.topic)
        elif r < 0.43:
            word = self._pick(ev.orgs + ev.places)
        elif r < 0.50:
            return self._number(ev)
        else:
            word = self.noun()
        return attach(
            word, self._pick(("top", "sub", "obj", "and", "dir", "에", "에서", "의", "도", ""))
        )

    def _number(self, ev: Event) -> str:
        kind = self.rng.randrange(5)
        n = self.rng.randrange(2, 500)
        return [
            f"{ev.day.month}월 {ev.day.day}일",
            f"{n}명",
            f"{n}억 원",
            f"{n / 10:.1f}%",
            f"{n * 13:,}가구",
        ][kind]

    def sentence(self, ev: Event) -> list[str]:
        r = self.rng.random()
        who, title = self._pick(ev.people)
        if r < 0.12:
            inner = [self._np(ev) for _ in range(self.rng.randrange(4, 9))]
            return [who, attach(title, "top"), "“" + " ".join(inner), "할 것”이라고", "말했다."]
        if r < 0.22:
            items = []
            for _ in range(self.rng.randrange(3, 6)):
                items += [BULLET, self.noun(), attach(self._pick(ev.topic), "의"), self.noun()]
            return [
                "이번",
                attach(self._pick(ev.topic), "obj"),
                "통해",
                *items,
                "등을",
                "추진한다.",
            ]
        subject = attach(self._pick(ev.places + ev.orgs + (who + " " + title,)), "top")
        words = [subject] + [self._np(ev) for _ in range(self.rng.randrange(5, 12))]
        if self.rng.random() < 0.4:
            words.insert(self.rng.randrange(1, len(words)), self._pick(LINKS))
        return [*words, self._pick(ENDINGS)]

    def article(self, ev: Event, outlet: Outlet, when: datetime) -> Draft:
        target = min(2600.0, max(900.0, self.rng.gauss(1550, 300)))
        title = " ".join(
            [
                attach(self._pick(ev.places + ev.orgs), ","),
                self._pick(ev.topic),
                self.noun(),
                self._pick(("협약 체결", "개최", "발표", "선정", "추진")),
            ]
        )
        draft = Draft(outlet, title, when, self._pick(ev.places).split(" ")[-1], ev)
        draft.paragraphs = [[self.sentence(ev)]]
        length = 0
        while length < target:
            sent = self.sentence(ev)
            length += sum(map(len, sent)) + len(sent)
            if self.rng.random() < 0.55:
                draft.paragraphs[-1].append(sent)
            else:
                draft.paragraphs.append([sent])
        return draft

    def reprint(self, src: Draft, outlet: Outlet, when: datetime, edit: float) -> Draft:
        """A copy of src by another outlet, edited with strength `edit` in [0, 1]."""
        ev = src.event
        rng = self.rng
        paragraphs = []
        for para in src.paragraphs:
            kept = []
            for sent in para:
                if rng.random() >= 0.35 * edit:
                    kept.append(
                        [
                            w
                            if w == BULLET or rng.random() >= 0.10 * edit
                            else attach(self.noun(), "obj")
                            for w in sent
                        ]
                    )
                if rng.random() < 0.15 * edit:
                    kept.append(self.sentence(ev))
            if kept:
                paragraphs.append(kept)
        if len(paragraphs) > 2 and rng.random() < 0.5 * edit:
            i, j = rng.sample(range(len(paragraphs)), 2)
            paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
        title = src.title if rng.random() < 0.5 else src.title + " " + self.noun()
        return Draft(outlet, title, when, src.place, ev, paragraphs or [[self.sentence(ev)]])
