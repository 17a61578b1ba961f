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

SYLLABLES = (
    "가고구기나노다도대동라로리마모무미바보부비사서소수시아어오우이자전정제조주지차천초추치"
    "타토파포하한해행현호화회효강경공관광교국군권금남내년농단당독두등력령론료류명문물민박반"
    "발방법변복본분산상생선설성세속송식신실심안양업연영예온외용운원위유육율은의인일임작장재"
    "적점종중진질집참책처청체총최축출충취통투특판평표품필학할합항핵향허혁협형혜확환활후훈희"
)
SURNAMES = "김김김이이이박박최정강조윤장임한오서신권황안송류전홍"
GIVEN = "민서준지현수영성우호진은혜경재동상희연철태원승기석훈정하윤용규선미숙화"
TITLES = (
    "군수",
    "시장",
    "장관",
    "대표",
    "소장",
    "의원",
    "교수",
    "위원장",
    "이사장",
    "청장",
    "회장",
)
REGIONS = ("서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "전북")
PLACE_SUFFIX = ("시", "군", "구")
ORG_SUFFIX = ("연구소", "재단", "협회", "위원회", "공사", "센터", "은행", "대학교", "병원")
OUTLET_SUFFIX = ("일보", "신문", "뉴스", "경제", "방송", "타임즈", "저널", "투데이")
LINKS = ("위해", "통해", "따라", "가운데", "함께", "대해", "이후", "관련해")
ENDINGS = (
    "추진한다.",
    "밝혔다.",
    "말했다.",
    "전했다.",
    "설명했다.",
    "강조했다.",
    "예정이다.",
    "계획이다.",
    "것으로 나타났다.",
    "것으로 알려졌다.",
    "체결했다.",
    "개최했다.",
    "발표했다.",
)
BULLETS = ("△", "▲", "▶", "·", "-", "○")
SHARE = "페이스북 트위터 카카오스토리 네이버밴드 URL복사 기사 공유하기"
BULLET = "\x00"  # a bullet mark, drawn in the outlet's style when rendered


def has_final(word: str) -> bool:
    """Whether the last Hangul syllable ends in a consonant (decides 이/가, 을/를 ...)."""
    code = ord(word[-1]) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def attach(word: str, kind: str) -> str:
    """word + a particle that agrees with its final consonant."""
    pairs = {
        "top": ("은", "는"),
        "sub": ("이", "가"),
        "obj": ("을", "를"),
        "and": ("과", "와"),
        "dir": ("으로", "로"),
    }
    if kind in pairs:
        with_final, without = pairs[kind]
        return word + (with_final if has_final(word) else without)
    return word + kind


class Stream:
    """Indices drawn in blocks from one distribution (fast, deterministic)."""

    def __init__(self, rng: np.random.Generator, weights: np.ndarray, block: int = 1 << 20):
        self.rng, self.p, self.block = rng, weights / weights.sum(), block
        self.buf: list[int] = []
        self.pos = 0

    def next(self) -> int:
        if self.pos >= len(self.buf):
            self.buf = self.rng.choice(self.p.size, size=self.block, p=self.p).tolist()
            self.pos = 0
        self.pos += 1
        return self.buf[self.pos - 1]


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
