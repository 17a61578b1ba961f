"""Which of the story's sentences holds a fact: the bisection agrees with a scan of every span."""

from __future__ import annotations

import random

from newsmoa.reconcile.disagreements import _sentence_index
from newsmoa.types import ConsolidatedSentence, Source


def _scan(spans: list[tuple[int, int, int]], offset: int) -> int | None:
    return next((n for s, e, n in spans if s <= offset < e), None)


def test_the_first_sentence_holding_an_offset_as_a_scan_finds_it():
    rng = random.Random(3)
    for _ in range(200):
        sentences, spans = [], []
        for n in range(rng.randint(1, 12)):
            sources = []
            for _ in range(rng.randint(1, 2)):  # overlapping and repeated spans too
                start = rng.randint(0, 80)
                end = start + rng.randint(1, 30)
                sources.append(Source("a", start, end))
                spans.append((start, end, n))
            sentences.append(ConsolidatedSentence(text=f"s{n}", sources=tuple(sources)))
        spans.sort(key=lambda t: t[2])  # the scan's order: the story's sentences in order
        index = _sentence_index(sentences)
        for offset in range(0, 120):
            assert index["a"].sentence_at(offset) == _scan(spans, offset), (spans, offset)
