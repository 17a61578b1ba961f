"""The incremental story index: the only state in the pipeline, held in one explicit object.

Each article retrieves candidate stories (an inverted index from its salient title and lead
terms to stories, within the time window), scores them by average link (the mean TF-IDF
cosine to the story's articles, per field, computed in O(terms) from each story's summed
vectors), then joins the best story above `join_threshold` or founds a new one. When an
article links two stories that also resemble each other as wholes, they are merged: the
younger id redirects to the older, which survives. Story ids derive from the founding
article's id and are never reused.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from newsmoa.cluster.config import DEFAULT_CONFIG, ClusterConfig
from newsmoa.cluster.features import Features
from newsmoa.cluster.vectors import DocFreq, Vector, add_into, dot, top_terms, weigh

FIELDS = ("title", "lead", "body")


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
    n: int = 0
    sums: dict[str, Vector] = field(default_factory=lambda: {f: {} for f in FIELDS})
    first_s: float | None = None
    last_s: float | None = None
    posted: set[str] = field(default_factory=set)


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
        self._stories: dict[str, _Story] = {}
        self._article_story: dict[str, str] = {}
        self._redirects: dict[str, str] = {}
        self._postings: dict[str, set[str]] = {}
        self._founded = 0

    # -- public -----------------------------------------------------------------------------
    def add(self, article_id: str, features: Features) -> Assignment:
        return self.add_many([(article_id, features)])[0]

    def add_many(self, items: Sequence[tuple[str, Features]]) -> list[Assignment]:
        """Assign a batch; the result does not depend on the order of `items`.

        Term frequencies are counted over the whole batch first, then the articles are
        assigned in a canonical order (publication time, then id).
        """
        new = [(a, f) for a, f in items if a not in self._article_story]
        for _, f in new:
            self._df.add(t for name in FIELDS for t, _ in getattr(f, name))
        done: dict[str, Assignment] = {}
        for article_id, feats in sorted(dict(new).items(), key=_canonical):
            done[article_id] = self._assign(article_id, feats)
        out = []
        for article_id, _ in items:
            if article_id in done:
                out.append(done[article_id])
            else:
                out.append(Assignment(article_id, self.story_of(article_id), False))
        return out

    def story_of(self, article_id: str) -> str:
        return self.resolve(self._article_story[article_id])

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
        return MappingProxyType({s: self.resolve(s) for s in self._redirects})

    def restore(
        self, entries: Iterable[tuple[str, str, Features]], redirects: Mapping[str, str] = {}
    ) -> None:
        """Rebuild state from stored (article id, story id, features), without re-deciding."""
        self._redirects.update(redirects)
        rows = sorted(entries, key=lambda e: _canonical((e[0], e[2])))
        for _, _, f in rows:
            self._df.add(t for name in FIELDS for t, _ in getattr(f, name))
        for article_id, story_id, f in rows:
            sid = self.resolve(story_id)
            story = self._stories.get(sid) or self._new_story(sid, f)
            self._join(story, article_id, self._vectors(f), f)

    # -- assignment -------------------------------------------------------------------------
    def _vectors(self, f: Features) -> dict[str, Vector]:
        return {name: weigh(getattr(f, name), self._df) for name in FIELDS}

    def _score(self, vecs: dict[str, Vector], other: dict[str, Vector], n: float) -> dict:
        cfg = self.config
        weights = {"title": cfg.title_weight, "lead": cfg.lead_weight, "body": cfg.body_weight}
        sig: dict[str, float] = {}
        total = used = 0.0
        for name in FIELDS:
            if vecs[name] and other[name]:
                sig[name] = dot(vecs[name], other[name]) / n
                total += weights[name] * sig[name]
                used += weights[name]
        sig["score"] = total / used if used else 0.0
        return sig

    def _in_window(self, t: float | None, story: _Story) -> bool:
        if t is None or story.first_s is None or story.last_s is None:
            return True
        w = self.config.window_hours * 3600.0
        return story.first_s - w <= t <= story.last_s + w

    def _candidates(self, query: list[str], t: float | None) -> list[_Story]:
        hits: Counter[str] = Counter()
        for term in query:
            if not self._df.common(term, self.config.max_posting_share):
                hits.update(self._postings.get(term, ()))
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))
        stories = (self._stories[s] for s, _ in ranked)
        return [s for s in stories if self._in_window(t, s)][: self.config.max_candidates]

    def _query_terms(self, vecs: dict[str, Vector]) -> list[str]:
        salient: Vector = {}
        add_into(salient, vecs["title"])
        add_into(salient, vecs["lead"])
        return top_terms(salient, self.config.query_terms)

    def _assign(self, article_id: str, f: Features) -> Assignment:
        vecs = self._vectors(f)
        query = self._query_terms(vecs)
        scored = []
        for story in self._candidates(query, f.published_s):
            sig = self._score(vecs, story.sums, story.n)
            scored.append((sig["score"], story.order, story, sig))
        scored.sort(key=lambda s: (-s[0], s[1]))
        if not scored or scored[0][0] < self.config.join_threshold:
            story = self._new_story(self._fresh_id(article_id), f)
            self._join(story, article_id, vecs, f, query)
            best = scored[0][3] if scored else {}
            signals = {
                "score": 0.0,
                "best_other": best.get("score", 0.0),
                "candidates": len(scored),
            }
            return Assignment(article_id, story.id, True, signals)
        _, _, story, sig = scored[0]
        signals = dict(sig, candidates=len(scored), shared=self._shared(vecs, story))
        self._join(story, article_id, vecs, f, query)
        merged = []
        for score, _, other, _ in scored[1:]:
            if score >= self.config.join_threshold and other.id in self._stories:
                survivor = self._maybe_merge(story, other)
                if survivor is not None:
                    merged.append(other.id if survivor is story else story.id)
                    story = survivor
        return Assignment(article_id, story.id, False, signals, tuple(merged))

    def _shared(self, vecs: dict[str, Vector], story: _Story, k: int = 8) -> list[str]:
        both = {t: w * story.sums["body"].get(t, 0.0) for t, w in vecs["body"].items()}
        return [t for t in top_terms(both, k) if both[t] > 0.0]

    # -- story bookkeeping ------------------------------------------------------------------
    def _fresh_id(self, article_id: str) -> str:
        base = sid = story_id_for(article_id)
        n = 1
        while sid in self._stories or sid in self._redirects:
            n += 1
            sid = f"{base}-{n}"
        return sid

    def _new_story(self, story_id: str, f: Features) -> _Story:
        self._founded += 1
        t = f.published_s
        story = _Story(story_id, (float("inf") if t is None else t, self._founded))
        self._stories[story_id] = story
        return story

    def _join(
        self,
        story: _Story,
        article_id: str,
        vecs: dict[str, Vector],
        f: Features,
        query: list[str] | None = None,
    ) -> None:
        story.n += 1
        for name in FIELDS:
            add_into(story.sums[name], vecs[name])
        t = f.published_s
        if t is not None:
            story.first_s = t if story.first_s is None else min(story.first_s, t)
            story.last_s = t if story.last_s is None else max(story.last_s, t)
        for term in query if query is not None else self._query_terms(vecs):
            self._postings.setdefault(term, set()).add(story.id)
            story.posted.add(term)
        self._article_story[article_id] = story.id

    def _maybe_merge(self, a: _Story, b: _Story) -> _Story | None:
        """Merge two stories when they resemble each other as wholes; return the survivor."""
        sig = self._score(a.sums, b.sums, float(a.n * b.n))
        if sig["score"] < self.config.merge_threshold:
            return None
        keep, gone = (a, b) if a.order <= b.order else (b, a)
        keep.n += gone.n
        for name in FIELDS:
            add_into(keep.sums[name], gone.sums[name])
        for t in (gone.first_s, gone.last_s):
            if t is not None:
                keep.first_s = t if keep.first_s is None else min(keep.first_s, t)
                keep.last_s = t if keep.last_s is None else max(keep.last_s, t)
        for term in gone.posted:
            posting = self._postings[term]
            posting.discard(gone.id)
            posting.add(keep.id)
        keep.posted |= gone.posted
        del self._stories[gone.id]
        self._redirects[gone.id] = keep.id
        return keep
