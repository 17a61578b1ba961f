"""Mention replacement: more training sentences from the same labelled ones.

Each copy of a sentence has its person, place and organisation mentions swapped for other
mentions of the same type drawn from the training sentences (Dai & Adel 2020, "An analysis of
simple data augmentation for named entity recognition"). The CRF then cannot lean on having
seen a name and must read the context around it: a place after `서울`, a person before `씨`.
Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from newsmoa.facts.ner.corpus import Labelled, Span

SWAPPED = ("PS", "LC", "OG")


def mention_pool(rows: Sequence[Labelled]) -> dict[str, list[str]]:
    """Distinct mention strings per swapped type, in first-seen order."""
    pool: dict[str, dict[str, None]] = {t: {} for t in SWAPPED}
    for row in rows:
        for s in row.spans:
            if s.type in pool:
                pool[s.type][row.text[s.start : s.end]] = None
    return {t: list(m) for t, m in pool.items()}


def replace_mentions(
    row: Labelled, pool: dict[str, list[str]], rng: random.Random, tag: str
) -> Labelled:
    """A copy of `row` with every swapped-type mention replaced, offsets moved to match."""
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for s in sorted(row.spans, key=lambda x: x.start):
        before = row.text[pos : s.start]
        parts.append(before)
        length += len(before)
        words = pool.get(s.type)
        new = rng.choice(words) if words else row.text[s.start : s.end]
        spans.append(Span(length, length + len(new), s.type))
        parts.append(new)
        length += len(new)
        pos = s.end
    parts.append(row.text[pos:])
    return Labelled(f"{row.guid}#{tag}", row.source, "".join(parts), tuple(spans))


def augment(rows: Sequence[Labelled], copies: int, seed: int = 13) -> list[Labelled]:
    """`rows` followed by `copies` replaced copies of each row that has a swapped mention."""
    if copies <= 0:
        return list(rows)
    rng = random.Random(seed)
    pool = mention_pool(rows)
    extra = []
    for k in range(copies):
        for row in rows:
            if any(s.type in SWAPPED for s in row.spans):
                extra.append(replace_mentions(row, pool, rng, f"aug{k}"))
    return [*rows, *extra]
