"""Entities as character spans, with KLUE-NER types: Korean by a model, English by rules.

    >>> from newsmoa.facts.ner import entities
    >>> [(e.text, e.type) for e in entities("박성일 완주군수는 19일 희망제작소를 찾았다.")]
    [('박성일', 'PS'), ('완주군수', 'OG'), ('19일', 'DT'), ('희망제작소', 'OG')]

Types: PS person, LC place, OG organisation, DT date, TI time, QT quantity. Offsets are
characters into the given text, end exclusive, so `text[e.start:e.end] == e.text`.

The model is a CRF over characters (see `features`), trained here from KLUE-NER by
`python -m newsmoa.facts.ner.train` and shipped in `data/`; it is loaded once per process on
first use and needs no network. Scores: `python -m newsmoa.eval.ner` (held-out news micro F1
0.777 with the shipped model). KLUE marks the place inside a title (`<서울:LC>시장`), so
`완주` alone would be the gold answer above: a boundary inside one Kiwi morpheme (`완주군수/NNP`)
that the model still misses.

The model knows Korean only: a text written in English (`text.script.english`) is read by the
English fact rules instead (`english`: people, organisations, places, dates, quantities; no
times of day), so `newsmoa entities` gives English lines their entities, not Korean guesses.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsmoa.facts.ner import english as english_rules
from newsmoa.facts.ner.corpus import TYPES
from newsmoa.facts.ner.model import Tagger
from newsmoa.text.script import english

__all__ = ["TYPES", "Entity", "entities", "entities_batch", "tagger"]

_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Entity:
    """`text[start:end]` is a `type` entity (KLUE type)."""

    start: int
    end: int
    type: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "type": self.type, "text": self.text}


@cache
def _load() -> Tagger:
    return Tagger.load()


def tagger() -> Tagger:
    """The shipped model, loaded on first use (also loads the shared Kiwi analyzer)."""
    with _lock:
        return _load()


def entities_batch(texts: Sequence[str]) -> list[list[Entity]]:
    """Entities of each text, in text order (one analyzer call for the Korean texts of the
    batch; English ones are read by the English rules, see the module). A text in decomposed
    form (NFD: Hangul as jamo, as some Mac applications write it) is tagged in composed form,
    which the model knows, and its entities point into the text as given."""
    korean = [i for i, text in enumerate(texts) if not english(text)]
    out = [
        [] if i in korean else [Entity(a, b, t, text[a:b]) for a, b, t in english_rules.spans(text)]
        for i, text in enumerate(texts)
    ]
    if not korean:
        return out
    composed = [nfc_with_offsets(texts[i]) for i in korean]
    model = tagger()
    with _lock:  # the CRF tagger object is not safe to share between threads
        found = model.spans([c for c, _ in composed])
    for i, (_, where), spans in zip(korean, composed, found, strict=True):
        bounds = [(s, where[s.start], where[s.end]) for s in spans]
        out[i] = [Entity(a, b, s.type, texts[i][a:b]) for s, a, b in bounds]
    return out


def nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """`text` in NFC, and for each position in it (and its end) the position in `text`.
    Normalised piece by piece: each piece starts at a character that combines with nothing
    before it (not a combining mark, not a Hangul vowel or final jamo), so the pieces'
    NFC is the text's; a composed character points to the start of its piece."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    parts: list[str] = []
    where: list[int] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and (unicodedata.combining(text[i]) or "\u1160" <= text[i] <= "\u11ff"):
            continue
        piece = unicodedata.normalize("NFC", text[start:i])
        parts.append(piece)
        where += [start] * len(piece) if len(piece) != i - start else list(range(start, i))
        start = i
    where.append(len(text))
    return "".join(parts), where


def entities(text: str) -> list[Entity]:
    """Entities of one text, in order of position."""
    return entities_batch([text])[0]
