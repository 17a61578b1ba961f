"""The incremental story index: the only state in the pipeline, held in one explicit object.

For each new article:

1. candidates: articles sharing its heaviest terms (an inverted index of each article's
   `query_terms` heaviest terms; terms in more than `max_posting_share` of the articles retrieve
   nothing, others their latest `max_posting` articles), published within `window_hours` of
   it, at most `max_candidates` (most shared terms first);
2. similarity: exact TF-IDF cosine with each candidate (compiled kernel); every article keeps
   its k nearest neighbours, and a new article enters the lists of older ones it is close to;
3. story score: over the candidates with cosine >= `similarity_floor`, the shared-nearest-
   neighbour similarity |({a} ∪ kNN(a)) ∩ ({m} ∪ kNN(m))| / (k + 1); a story's score is the
   mean of its min(size, k) strongest links, a missing link counting 0. Two reports of one
   event share neighbours; two look-alike events (another boxer, another year) each have their
   own, so the score separates them where a cosine threshold cannot, and averaging at most k
   links keeps large stories reachable;
4. decision: join the best story at >= `join_threshold`, else found a new one; when the article
   also scores >= `merge_threshold` with another story (and with its own), the two are merged:
   the younger id redirects to the older one, which survives.

A batch (`add_many`) is inserted whole before any decision (so each article sees the whole
batch as neighbours), then decided in a canonical order (publication time, then id): the result
does not depend on the order of the input. Story ids derive from the founding article's id and
are never reused.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np

from newsmoa.cluster.config import DEFAULT_CONFIG, ClusterConfig
from newsmoa.cluster.features import Features
from newsmoa.cluster.vectors import DocFreq, Postings, Table, weigh


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went and why (`signals` explains the decision)."""

    article: str
    story: str
    founded: bool
    signals: Mapping[str, Any] = field(default_factory=dict)
    merged: tuple[str, ...] = ()  # story ids absorbed by this decision


@dataclass(slots=True)
class _Story:
    id: str
    order: tuple[float, int]
    size: int = 0


def story_id_for(article_id: str) -> str:
    """The id a story founded by this article gets (before de-duplication)."""
    return "s" + hashlib.blake2b(article_id.encode("utf-8"), digest_size=6).hexdigest()


def _canonical(item: tuple[str, Features]) -> tuple[int, float, str]:
    t = item[1].published_s
    return (0, 0.0, item[0]) if t is None else (1, t, item[0])


class StoryIndex:
    """Stories of the articles added so far; see the module docstring for the method."""

    def __init__(self, config: ClusterConfig = DEFAULT_CONFIG) -> None:
        self.config = config
        self._df = DocFreq(config.idf_prior_docs)
        self._table = Table(config.neighbours)
        self._slot: dict[str, int] = {}
        self._times = np.empty(1024, dtype=np.float64)  # NaN: no time
        self._words: list[tuple[str, ...]] = []
        self._story: list[str | None] = []  # as assigned; `resolve` gives the current id
        self._opinion: list[bool] = []
        self._stories: dict[str, _Story] = {}
        self._redirects: dict[str, str] = {}
        self._postings = Postings()
        self._founded = 0

    # -- public -----------------------------------------------------------------------------
    def add(self, article_id: str, features: Features) -> Assignment:
        return self.add_many([(article_id, features)])[0]

    def add_many(self, items: Sequence[tuple[str, Features]]) -> list[Assignment]:
        """Assign a batch; the result does not depend on the order of `items`.

        An id already in the index keeps its story (a changed text is a new version of the
        article, not a second article).
        """
        new: dict[str, Features] = {}
        for article_id, feats in items:
            if article_id not in self._slot:
                new.setdefault(article_id, feats)
        order = sorted(new.items(), key=_canonical)
        slots = self._insert(order)
        near = [self._neighbourhood(s) for s in slots]
        done = {
            article_id: self._assign(article_id, slot, *cands)
            for (article_id, _), slot, cands in zip(order, slots, near, strict=True)
        }
        return [
            done.get(a) or Assignment(a, self.story_of(a), False, {"already_indexed": True})
            for a, _ in items
        ]

    def story_of(self, article_id: str) -> str:
        story = self._story[self._slot[article_id]]
        assert story is not None
        return self.resolve(story)

    def resolve(self, story_id: str) -> str:
        seen = [story_id]
        while story_id in self._redirects:
            story_id = self._redirects[story_id]
            seen.append(story_id)
        for s in seen[:-2]:  # shorten the chain for next time
            self._redirects[s] = story_id
        return story_id

    @property
    def redirects(self) -> Mapping[str, str]:
        return MappingProxyType({s: self.resolve(s) for s in list(self._redirects)})

    def __len__(self) -> int:
        return len(self._slot)

    def restore(
        self, entries: Iterable[tuple[str, str, Features]], redirects: Mapping[str, str] = {}
    ) -> None:
        """Rebuild state from stored (article id, story id, features), without re-deciding."""
        self._redirects.update(redirects)
        given = {a: (s, f) for a, s, f in entries if a not in self._slot}
        order = sorted(((a, f) for a, (_, f) in given.items()), key=_canonical)
        slots = self._insert(order)
        for slot in slots:
            self._neighbourhood(slot)
        for (article_id, feats), slot in zip(order, slots, strict=True):
            sid = self.resolve(given[article_id][0])
            story = self._stories.get(sid) or self._new_story(sid, feats.published_s)
            self._story[slot] = story.id
            story.size += 1

    # -- retrieval --------------------------------------------------------------------------
    def _insert(self, order: list[tuple[str, Features]]) -> list[int]:
        for _, f in order:
            self._df.add(f.terms)
        slots = []
        for article_id, f in order:
            terms, weights = weigh(f.terms, f.counts, self._df, self.config.max_terms)
            slot = self._table.append(terms, weights)
            self._slot[article_id] = slot
            if slot == self._times.size:
                self._times = np.concatenate([self._times, np.empty(slot, np.float64)])
            self._times[slot] = np.nan if f.published_s is None else f.published_s
            self._words.append(f.words)
            self._story.append(None)
            self._opinion.append(f.opinion)
            slots.append(slot)
            if not f.opinion:  # an opinion piece is never a candidate of another article
                self._postings.add(self._query(terms, weights).tolist(), slot)
        return slots

    def _query(self, terms: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """The article's `query_terms` heaviest terms."""
        q = min(self.config.query_terms, terms.size)
        if q == 0:
            return terms[:0]
        return terms[np.argpartition(-weights, q - 1)[:q]]

    def _neighbourhood(self, slot: int) -> tuple[np.ndarray, np.ndarray]:
        """Candidate slots of an inserted article and their cosine; updates both kNN lists."""
        cfg = self.config
        none = np.empty(0, np.int64), np.empty(0, np.float32)
        if self._opinion[slot]:
            return none
        query = self._query(*self._table.vector(slot))
        query = query[~self._df.common(query, cfg.max_posting_share)]
        found, counts = self._postings.hits(query.tolist(), cfg.max_posting)
        keep = found != slot
        t = self._times[slot]
        if not np.isnan(t):
            u = self._times[found]
            keep &= np.isnan(u) | (np.abs(u - t) <= cfg.window_hours * 3600.0)
        found, counts = found[keep], counts[keep]
        if found.size == 0:
            return none
        cands = found[np.lexsort((found, -counts))[: cfg.max_candidates]]
        sims = self._table.similarities(slot, cands)
        self._table.link(slot, cands, sims)
        return cands, sims

    # -- decision ---------------------------------------------------------------------------
    def _assign(
        self, article_id: str, slot: int, cands: np.ndarray, sims: np.ndarray
    ) -> Assignment:
        cfg, k = self.config, self.config.neighbours
        per: dict[str, list[Any]] = {}
        close = sims >= cfg.similarity_floor
        cands, sims = cands[close], sims[close]
        snn = self._table.shared_neighbours(slot, cands) / (k + 1)
        for other, sim, link in zip(cands.tolist(), sims.tolist(), snn.tolist(), strict=True):
            story = self._story[other]
            if story is None:
                continue
            acc = per.setdefault(self.resolve(story), [[], 0, 0.0, []])
            acc[0].append(link)
            acc[1] += 1
            acc[2] += sim
            acc[3].append(other)
        scored = sorted(
            (
                (self._link(acc[0], self._stories[sid].size), self._stories[sid].order, sid)
                for sid, acc in per.items()
            ),
            key=lambda s: (-s[0], s[1]),
        )
        t = None if np.isnan(self._times[slot]) else float(self._times[slot])
        if not scored or scored[0][0] < cfg.join_threshold or self._opinion[slot]:
            story = self._new_story(self._fresh_id(article_id), t)
            self._place(slot, story)
            best = scored[0][0] if scored else 0.0
            signals: dict[str, Any] = {
                "score": 0.0,
                "best_other": round(best, 3),
                "candidates": len(cands),
            }
            if self._opinion[slot]:
                signals["opinion"] = True
            return Assignment(article_id, story.id, True, signals)
        score, _, sid = scored[0]
        acc = per[sid]
        signals = {
            "score": round(score, 3),
            "similarity": round(acc[2] / acc[1], 3),
            "links": acc[1],
            "shared": self._shared(slot, acc[3]),
            "candidates": len(cands),
        }
        story = self._stories[sid]
        self._place(slot, story)
        merged = []
        if score >= cfg.merge_threshold:
            for other_score, _, other_id in scored[1:]:
                if other_score >= cfg.merge_threshold and other_id in self._stories:
                    keep, gone = self._merge(story, self._stories[other_id])
                    merged.append(gone.id)
                    story = keep
        if merged:
            signals["merged_score"] = round(min(s for s, _, i in scored if i in merged), 3)
        return Assignment(article_id, story.id, False, signals, tuple(merged))

    def _link(self, snn: list[float], size: int) -> float:
        """Mean of the strongest min(size, k) shared-neighbour links (missing links count 0)."""
        m = min(size, self.config.neighbours)
        return sum(sorted(snn, reverse=True)[:m]) / m

    def _shared(self, slot: int, linked: list[int], k: int = 6) -> list[str]:
        mine = self._words[slot]
        counts = Counter(w for o in linked for w in set(self._words[o]) if w in mine)
        return [w for w, _ in sorted(counts.items(), key=lambda wc: (-wc[1], mine.index(wc[0])))][
            :k
        ]

    # -- story bookkeeping ------------------------------------------------------------------
    def _fresh_id(self, article_id: str) -> str:
        base = sid = story_id_for(article_id)
        n = 1
        while sid in self._stories or sid in self._redirects:
            n += 1
            sid = f"{base}-{n}"
        return sid

    def _new_story(self, story_id: str, t: float | None) -> _Story:
        self._founded += 1
        story = _Story(story_id, (float("inf") if t is None else t, self._founded))
        self._stories[story_id] = story
        return story

    def _place(self, slot: int, story: _Story) -> None:
        self._story[slot] = story.id
        story.size += 1

    def _merge(self, a: _Story, b: _Story) -> tuple[_Story, _Story]:
        """Merge two stories; the older survives. Returns (survivor, absorbed)."""
        keep, gone = (a, b) if a.order <= b.order else (b, a)
        keep.size += gone.size
        del self._stories[gone.id]
        self._redirects[gone.id] = keep.id
        return keep, gone
