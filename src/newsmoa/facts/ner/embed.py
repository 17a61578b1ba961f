"""Features from the analyzer's own morpheme embeddings (kiwipiepy's CoNg model).

Kiwi ships a language model whose morpheme vectors place 삼성 near 롯데 and 현대, 춘천시 near
속초시, and one actor's name near other actors'. Two kinds of features come from it:

- `neighbours`: the forms of a morpheme's nearest morphemes, so the CRF can learn that words
  near `롯데` tend to be organisations even when the word itself never occurred in training;
- `Lexicon.scores`: for each entity type, how close a morpheme is to the training morphemes
  that were (part of) an entity of that type, binned, i.e. a nearest-neighbour vote.

Both only use what the installed kiwipiepy-model provides; nothing is downloaded. Morphemes
without a vector (user words, unknown forms) simply get no such features.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

CONTENT_TAGS = frozenset({"NNP", "NNG", "NNB", "NR", "NP", "SL", "SH", "XR"})


class Space:
    """Cached look-ups in the Kiwi embedding space, keyed by morpheme id."""

    def __init__(self, kiwi: Any, *, top_n: int = 3) -> None:
        self._kiwi = kiwi
        self._top_n = top_n
        self._nb: dict[int, tuple[str, ...]] = {}

    def neighbours(self, morph_id: int) -> tuple[str, ...]:
        """Forms of the `top_n` nearest morphemes (empty when the morpheme has no vector)."""
        found = self._nb.get(morph_id)
        if found is None:
            try:
                sims = self._kiwi.most_similar_morphemes(morph_id, self._top_n)
                found = tuple(f"{s.form}/{s.tag}" for s in sims)
            except (ValueError, RuntimeError, IndexError):
                found = ()
            self._nb[morph_id] = found
        return found

    def similarity(self, a: int, b: int) -> float:
        try:
            sim = float(self._kiwi.morpheme_similarity(a, b))
        except (ValueError, RuntimeError, IndexError):
            return 0.0
        return sim if math.isfinite(sim) else 0.0


@dataclass
class Lexicon:
    """Training morphemes by entity type (`O` for proper nouns that were no entity)."""

    members: dict[str, list[int]] = field(default_factory=dict)
    _cache: dict[int, tuple[str, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[int, str]]) -> Lexicon:
        """Rows in order of importance within a type (most frequent first)."""
        members: dict[str, list[int]] = {}
        for morph_id, typ in rows:
            ids = members.setdefault(typ, [])
            if morph_id not in ids:
                ids.append(morph_id)
        return cls({t: members[t] for t in sorted(members)})

    def rows(self) -> list[tuple[int, str]]:
        return [(i, t) for t, ids in self.members.items() for i in ids]

    def scores(self, space: Space, morph_id: int) -> tuple[str, ...]:
        """Features `lx.T=b` (best similarity to type T, binned by 0.1) and `lx.best=T`."""
        found = self._cache.get(morph_id)
        if found is not None:
            return found
        best: dict[str, float] = {}
        for typ, ids in self.members.items():
            best[typ] = max(
                (space.similarity(morph_id, i) for i in ids if i != morph_id), default=0.0
            )
        feats = [f"lx.{t}={int(max(s, 0.0) * 10)}" for t, s in best.items()]
        if best:
            top = max(best, key=lambda t: best[t])
            if best[top] >= 0.5:
                feats.append(f"lx.best={top}")
        found = tuple(feats)
        self._cache[morph_id] = found
        return found
