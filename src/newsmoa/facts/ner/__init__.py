"""Korean entities as character spans, with KLUE-NER types.

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
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsmoa.facts.ner.model import Tagger

__all__ = ["TYPES", "Entity", "entities", "entities_batch", "tagger"]

TYPES = ("PS", "LC", "OG", "DT", "TI", "QT")
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
    """Entities of each text, in text order (one analyzer call for the whole batch)."""
    model = tagger()
    with _lock:  # the CRF tagger object is not safe to share between threads
        found = model.spans(list(texts))
    return [
        [Entity(s.start, s.end, s.type, text[s.start : s.end]) for s in spans]
        for text, spans in zip(texts, found, strict=True)
    ]


def entities(text: str) -> list[Entity]:
    """Entities of one text, in order of position."""
    return entities_batch([text])[0]
