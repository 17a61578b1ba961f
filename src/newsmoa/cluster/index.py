"""The incremental story index: the only state in the pipeline, held in one explicit object.

For each new article:

1. candidates: articles sharing its heaviest terms (an inverted index of each article's
   `query_terms` heaviest terms; terms in more than `max_posting_share` of the articles retrieve
   nothing, others their latest `max_posting` articles published within `window_hours` of
   it), at most `max_candidates` (most shared terms first);
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
batch as neighbours), then decided in a canonical order (press releases first, then
publication time, then id): the result does not depend on the order of the input. Story ids
derive from the founding article's id and are never reused.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsmoa.cluster.coherence import Sum, close_enough, stories_close
from newsmoa.cluster.config import DEFAULT_CONFIG, ClusterConfig
from newsmoa.cluster.consolidate import merge_plan
from newsmoa.cluster.features import Features
from newsmoa.cluster.flashes import flashes_link
from newsmoa.cluster.headlines import Headlines
from newsmoa.cluster.reprints import figures_agree, same_figures
from newsmoa.cluster.resent import says_it_corrects
from newsmoa.cluster.stories import Stories, Story
from newsmoa.cluster.terms import word_key
from newsmoa.cluster.vectors import (
    DocFreq,
    Postings,
    Table,
    heaviest_terms,
    neighbourhoods,
    weigh,
)

# Word-for-word copies of one text (one body, each outlet's own headline) are each other's
# candidates through the first this many of them, whatever their terms' postings hold: past
# `max_posting` copies in one batch, each term's postings hold only the latest, and the first
# copies decided found only later, undecided ones (600 copies: 281 stories).
BODY_PEERS = 8


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went and why (`signals` explains the decision)."""

    article: str
    story: str
    founded: bool
    signals: Mapping[str, Any] = field(default_factory=dict)
    merged: tuple[str, ...] = ()  # story ids absorbed by this decision


# Two press releases this close, their figures agreeing, are one announcement sent twice
# (a correction: .86 in the tests): at cosine >= 0.8, 126 of 127 pairs of articles of the
# measured sets were of one story (README, "Copies"); template releases sit lower (.73), or
# differ in their figures (two villages' libraries, .84).
SAME_RELEASE = 0.8
# A release that says it corrects another (`resent.py`: `[정정]` in its headline) is the
# announcement of the earlier release it is closest to, from this cosine: a correction
# sent as a note (`… 6,120억원이 아니라 6,210억원입니다`) shares few of the first's
# sentences (.44 in the tests), and stood as an announcement of its own that no report joined.
CORRECTS = 0.25


def canonical(item: tuple[str, Features]) -> tuple[int, float, str]:
    """The order a batch is decided in: press releases first (each anchors its story before
    the reports that reprint it are placed), then articles without a time, then by time,
    then id."""
    t = item[1].published_s
    first = 0 if item[1].release else 1
    return (2 * first, 0.0, item[0]) if t is None else (2 * first + 1, t, item[0])


class StoryIndex:
    """Stories of the articles added so far; see the module docstring for the method."""

    def __init__(
        self, config: ClusterConfig = DEFAULT_CONFIG, *, taken: Callable[[str], bool] | None = None
    ) -> None:
        """`taken(id)`: whether a story id was given outside this index (a store's stories
        beyond what it loaded); a story it founds never gets one (ids are 48-bit hashes of
        the founding article's id, so two can meet in a large archive)."""
        self.config = config
        self._df = DocFreq(config.idf_prior_docs)
        self._table = Table(config.neighbours)
        self._slot: dict[str, int] = {}
        self._times = np.empty(1024, dtype=np.float64)  # NaN: no time
        self._words: list[tuple[str, ...]] = []
        self._figures: list[str] = []  # each article's figures (`reprints.figures`)
        self._bodies: dict[str, list[int]] = {}  # body hash -> its first BODY_PEERS slots
        self._body_of: list[str] = []  # each article's body hash ("": none)
        self._heads = Headlines(config.idf_prior_docs)
        self._opinion: list[bool] = []
        self._releases: set[int] = set()  # press releases' slots: announcements (`_apart`)
        self._corrections: set[int] = set()  # releases that say they correct one (`resent`)
        self._bare = np.zeros(1024, dtype=bool)  # no body text: a flash (`flashes.py`)
        coherent = config.join_coherence > 0.0 or config.merge_coherence > 0.0
        self._stories = Stories(self._table.vector if coherent else None, taken, self._apart)
        self._postings = Postings()
        self._threads = len(os.sched_getaffinity(0))

    # -- public -----------------------------------------------------------------------------
    def add(self, article_id: str, features: Features) -> Assignment:
        return self.add_many([(article_id, features)])[0]

    def add_many(
        self,
        items: Iterable[tuple[str, Features]],
        kept: Iterable[tuple[str, str, Features]] = (),
    ) -> list[Assignment]:
        """Assign a batch; the result does not depend on the order of `items`.

        An id already in the index keeps its story (a changed text is a new version of the
        article, not a second article); of an id given twice, the first features count.
        `items` is read once, and each new article's terms are counted as it arrives, so a
        caller that streams them (the pipeline, from its worker processes) overlaps the
        counting with their making. `kept` (article id, story id, features): articles
        inserted with the batch, as its neighbours, that keep the stories given (the context
        of a re-decision, `recluster.py`); they are not assigned, and their stories are never
        absorbed (batch articles may join them, and batch stories merge into them).
        """
        ids: list[str] = []
        new: dict[str, Features] = {}
        try:
            for article_id, feats in items:
                ids.append(article_id)
                if article_id not in self._slot and article_id not in new:
                    new[article_id] = feats
                    self._df.add(feats.terms)
        except BaseException:  # `items` failed (a worker, an interrupt): the index is unchanged
            self._df.remove_all([f.terms for f in new.values()])
            raise
        given = {a: (s, f) for a, s, f in kept if a not in self._slot and a not in new}
        self._df.add_all([f.terms for _, f in given.values()])
        everything = sorted([*new.items(), *((a, f) for a, (_, f) in given.items())], key=canonical)
        inserted = self._insert(everything)
        near_all = self._neighbourhoods(inserted)
        order, slots, near = [], [], []
        for item, slot, cands in zip(everything, inserted, near_all, strict=True):
            if item[0] in given:  # kept where it is: its story is never absorbed
                story = self._place_stored(slot, given[item[0]][0], item[1].published_s)
                self._stories.pinned.add(story.id)
            else:
                order.append(item)
                slots.append(slot)
                near.append(cands)
        done = {
            article_id: self._assign(article_id, slot, *cands)
            for (article_id, _), slot, cands in zip(order, slots, near, strict=True)
        }
        if len(slots) > 1:
            self._consolidate(order, slots, near, done)
        return [
            done.get(a) or Assignment(a, self.story_of(a), False, {"already_indexed": True})
            for a in ids
        ]

    def story_of(self, article_id: str) -> str:
        story = self._stories.of_slot(self._slot[article_id])
        assert story is not None
        return story

    def resolve(self, story_id: str) -> str:
        return self._stories.resolve(story_id)

    @property
    def redirects(self) -> Mapping[str, str]:
        return self._stories.redirects

    def story_size(self, story_id: str) -> int:
        """How many of the index's articles the story has."""
        story = self._stories.live.get(self.resolve(story_id))
        return 0 if story is None else story.size

    def known(self, story_id: str) -> bool:
        """Whether a story has (or had, before a merge) this id."""
        return self._stories.known(story_id)

    def relabel(
        self,
        moved: Mapping[str, str],
        redirects: Mapping[str, str],
        leads: Mapping[str, str] = {},
    ) -> None:
        """Apply a re-decision (`recluster.recluster`) to the articles this index holds: each
        absorbed id in `leads` leads to the story named (itself: a story's id again), each
        article in `moved` goes to the story named (opened if new), then each story in
        `redirects` is absorbed by the one named. Vectors and neighbours do not depend on
        stories and stay as they are."""
        slots = {self._slot[a]: s for a, s in moved.items() if a in self._slot}
        times = self._times
        self._stories.relabel(
            slots,
            redirects,
            lambda slot: float("inf") if np.isnan(times[slot]) else times[slot],
            leads,
        )

    def pin(self, stories: Iterable[str]) -> None:
        """Never absorb these stories, and never merge two of them (an editor placed articles
        in them, `newsmoa.corrections`): articles may still join them, and other stories
        merge into them, as into a re-decision's context."""
        self._stories.pinned.update(self.resolve(s) for s in stories)

    def mark_releases(self, articles: Iterable[str]) -> None:
        """Say that these articles of the index are press releases (stored as reports, then
        read again with `--release`): their new features say so, which the index, holding
        the first, would not learn (a review)."""
        self._releases.update(self._slot[a] for a in articles if a in self._slot)

    def keeps_apart(self, these: Sequence[str], those: Sequence[str]) -> bool:
        """Whether two groups of this index's articles hold press releases of two
        announcements (`_apart`): a decision never puts them in one story."""
        slot = self._slot
        return self._apart([slot[a] for a in these], [slot[a] for a in those])

    def members(self) -> dict[str, list[str]]:
        """Each story's articles held here."""
        ids = self._ids()
        return {s.id: [ids[slot] for slot in s.members] for s in self._stories.live.values()}

    def cosines(self, articles: Sequence[str]) -> np.ndarray:
        """The TF-IDF cosines of these articles with each other (a square matrix)."""
        slots = np.asarray([self._slot[a] for a in articles], dtype=np.int64)
        out = np.zeros((slots.size, slots.size), dtype=np.float64)
        for i, slot in enumerate(slots.tolist()):
            out[i] = self._table.similarities(slot, slots)
        return out

    def neighbours(self) -> list[tuple[str, str]]:
        """Each article with each of its k nearest neighbours (cosine >= the similarity
        floor): the pairs a decision could have linked."""
        ids, table = self._ids(), self._table
        floor = self.config.similarity_floor
        return [
            (ids[slot], ids[other])
            for slot in range(table.n)
            for other, sim in zip(table.nn[slot].tolist(), table.nn_sim[slot].tolist(), strict=True)
            if other >= 0 and sim >= floor
        ]

    def _ids(self) -> list[str]:
        """Slot -> article id."""
        ids = [""] * len(self._slot)
        for article_id, slot in self._slot.items():
            ids[slot] = article_id
        return ids

    def agrees(self, stories: Mapping[str, str]) -> bool:
        """Whether every article of `stories` (id -> resolved story) that this index holds is
        in that story here (another process may have changed the store)."""
        return all(self.story_of(a) == s for a, s in stories.items() if a in self._slot)

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._slot

    def score_to(self, article_id: str, members: Iterable[str]) -> float:
        """The story score an article of this index has with a story of `members` (articles
        of this index), as a decision scores it (`_assign`): shared-neighbour links to the
        members within the time window and the similarity floors, the mean of the strongest
        min(size, k), the headline gate where the score could join; 1 when it reprints a press
        release among them (`_sources`), 0 for a release with another announcement's release
        among them (`_apart`). It differs in reading
        every member instead of the retrieved candidates (at most `max_candidates`, which
        can miss members of a large story) and in leaving out the coherence rules (off by
        default). An opinion piece scores 0 (it is always its own story)."""
        cfg = self.config
        slot = self._slot[article_id]
        if self._opinion[slot]:
            return 0.0
        t, reach = self._times[slot], cfg.window_hours * 3600.0
        present = [self._slot[m] for m in members if m in self._slot and m != article_id]
        others = [
            s
            for s in present
            if not self._opinion[s]
            and (np.isnan(t) or np.isnan(self._times[s]) or abs(self._times[s] - t) <= reach)
        ]
        size = len(present)
        if not others:
            return 0.0
        if slot in self._releases and self._apart([slot], present):
            return 0.0  # a decision never places a release with another announcement's
        sims = self._table.similarities(slot, np.asarray(others, dtype=np.int64)).tolist()
        floor = cfg.similarity_floor
        if cfg.relative_floor > 0.0:
            floor = max(floor, cfg.relative_floor * max(sims))
        close = [
            (o, sim)
            for o, sim in zip(others, sims, strict=True)
            if sim >= floor and (not self._bare[slot] or self._linkable(slot, o))
        ]
        if not close:
            return 0.0
        if self._copied_releases(slot, close):
            return 1.0  # it reprints the story's release (`_sources`)
        snn = self._links(
            slot,
            np.asarray([o for o, _ in close], dtype=np.int64),
            np.asarray([sim for _, sim in close]),
        )
        score = self._link(snn.tolist(), size)
        if score < min(cfg.join_threshold, cfg.merge_threshold):
            return score
        return score * self._alike(slot, [o for o, _ in close], [sim for _, sim in close])

    @property
    def documents(self) -> int:
        """Articles in the document frequencies: those held and those `count`ed."""
        return self._df.docs

    def count(self, others: Iterable[Features]) -> None:
        """Count the terms of articles this index does not hold in its document frequencies
        (before the articles it weighs by them are added: a few days of a small store weigh
        their terms over a larger sample of it, as a stream's decisions do over all it saw)."""
        self._df.add_all([f.terms for f in others])

    def weigh_by(self, counted: DocFreq, without: Iterable[Features] = ()) -> None:
        """Weigh terms over a larger collection: count its articles (`counted`, a
        `DocFreq.counted` of them, or the sum of several) in the document frequencies, less
        `without`, those of them this index is about to be given. A backfill's time block
        weighs its terms over the whole archive, as `newsmoa cluster` does over its input."""
        self._df.add_table(counted.table, counted.docs)
        self._df.remove_all([f.terms for f in without])

    def fresh(self, without: Iterable[Features] = ()) -> StoryIndex:
        """A new, empty index with this one's settings and document frequencies, less those
        of `without` (articles held here that are about to be added there): a window decided
        again in it weighs each term as the articles' first decisions here did. Deciding it
        with only the window's and its context's frequencies moved articles of a set decided
        as one batch (ECB+ dev with made-up times: 8 of 40, pairwise F1 0.988 -> 0.943); with
        these, none moves."""
        other = StoryIndex(self.config)
        other._df = self._df.copy()
        other._df.remove_all([f.terms for f in without])
        return other

    def restore(
        self,
        entries: Iterable[tuple[str, str, Features]],
        redirects: Mapping[str, str] = {},
        *,
        counted: Sequence[Features] = (),
        again: Sequence[Features] = (),
    ) -> None:
        """Rebuild state from stored (article id, story id, features), without re-deciding.
        `counted`: other articles whose terms the document frequencies count (`count`), here
        before the entries are weighed; `again`: articles counted so before that are among
        `entries` (they are counted once, as articles held)."""
        self._stories.redirect(redirects)
        self._df.remove_all([f.terms for f in again])
        self._df.add_all([f.terms for f in counted])
        given = {a: (s, f) for a, s, f in entries if a not in self._slot}
        order = sorted(((a, f) for a, (_, f) in given.items()), key=canonical)
        self._df.add_all([f.terms for _, f in order])
        slots = self._insert(order)
        self._neighbourhoods(slots)
        for (article_id, feats), slot in zip(order, slots, strict=True):
            self._place_stored(slot, given[article_id][0], feats.published_s)

    def _place_stored(self, slot: int, story_id: str, t: float | None) -> Story:
        """Put an inserted article in the story it already has (opened if not live here)."""
        story = self._stories.open(self.resolve(story_id), t)
        self._stories.place(slot, story)
        return story

    # -- retrieval --------------------------------------------------------------------------
    def _insert(self, order: list[tuple[str, Features]]) -> list[int]:
        """Index `order` (their terms already counted in the document frequencies)."""
        slots = []
        for article_id, f in order:
            terms, weights = weigh(f.terms, f.counts, self._df, self.config.max_terms)
            slot = self._table.append(terms, weights)
            self._slot[article_id] = slot
            if slot == self._times.size:
                self._times = np.concatenate([self._times, np.empty(slot, np.float64)])
                self._bare = np.concatenate([self._bare, np.zeros(slot, dtype=bool)])
            self._times[slot] = np.nan if f.published_s is None else f.published_s
            self._words.append(f.words)
            self._figures.append(f.figures)
            self._body_of.append(f.body)
            if f.body and not f.opinion:
                peers = self._bodies.setdefault(f.body, [])
                if len(peers) < BODY_PEERS:
                    peers.append(slot)
            self._heads.append(f.words, f.actors)
            self._stories.add_slot()
            self._opinion.append(f.opinion)
            if f.release:
                self._releases.add(slot)
                if says_it_corrects(f.words):
                    self._corrections.add(slot)
            self._bare[slot] = f.bare
            slots.append(slot)
        # an opinion piece is never a candidate of another article
        found = [s for s in slots if not self._opinion[s]]
        self._postings.add_all(list(zip(self._posted(found), found, strict=True)), self._times)
        return slots

    def _posted(self, slots: list[int]) -> list[list[int]]:
        """Terms each article is found under: its `query_terms` heaviest terms that other
        articles already have, and its heaviest terms so far its own (the names of an event's
        first report). They depend on the final document frequencies: found after the batch."""
        return heaviest_terms(
            self._table, self._df, slots, self.config.query_terms, threads=self._threads
        )

    def _queries(self, slots: list[int]) -> tuple[list[list[int]], list[list[int]]]:
        """The inserted articles' query terms: each one's `query_terms` heaviest terms that
        another article has and not too many (a term only it has finds nothing; none for an
        opinion piece); and where the limit left out some of them, its `copy query`: its
        heaviest shared terms, common ones too (in at most `max_posting` articles), which
        finds only its copies (`_neighbourhoods`)."""
        cfg = self.config
        found = [s for s in slots if not self._opinion[s]]
        rows = heaviest_terms(
            self._table, self._df, found, cfg.query_terms, cfg.max_posting_share,
            threads=self._threads,
        )  # fmt: skip
        copying = cfg.copy_similarity <= 1.0
        need = found if copying else [s for s, row in zip(found, rows, strict=True) if not row]
        broad = dict(zip(need, heaviest_terms(
            self._table, self._df, need, cfg.query_terms, cfg.max_posting_share,
            threads=self._threads, min_common=cfg.max_posting,
        ), strict=True))  # fmt: skip
        queries, copies = {}, {}
        for s, row in zip(found, rows, strict=True):
            wide = broad.get(s, row)
            if not row:
                # every shared term that common: one more copy of a text the store already
                # holds many of (a county's release in its own store), found by them all
                # the same (up to `max_posting` copies: more would make every copy a
                # neighbour of every other in consolidation, quadratic in their number).
                # Asking for all they find whenever a query had under 4 terms lowered ECB+
                # test .927 -> .888: they bring a topic's look-alikes
                queries[s] = wide
            else:
                queries[s] = row
                if wide != row:
                    copies[s] = wide
        return [queries.get(s, []) for s in slots], [copies.get(s, []) for s in slots]

    def _neighbourhoods(self, slots: list[int]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Candidate slots of inserted articles and their cosine; updates the kNN lists in
        order (candidates depend only on postings, times and vectors, so all are found first,
        in threads). Besides those its query finds, an article's candidates are its copies
        (cosine >= `copy_similarity`) that its copy query finds: in a store holding a text
        many times over, its words are too common to find anything, and the copies of a
        county's release, each with a rare word of its own to query, found none of the
        others and split (`_queries`)."""
        cfg = self.config
        queries, copies = self._queries(slots)
        near = self._found(slots, queries)
        wide = [i for i, q in enumerate(copies) if q]
        if wide:
            more = self._found([slots[i] for i in wide], [copies[i] for i in wide])
            for i, (cands, sims) in zip(wide, more, strict=True):
                new = (sims >= cfg.copy_similarity) & ~np.isin(cands, near[i][0])
                if new.any():
                    near[i] = (
                        np.concatenate([near[i][0], cands[new]]),
                        np.concatenate([near[i][1], sims[new]]),
                    )
        window = cfg.window_hours * 3600.0
        for i, slot in enumerate(slots):  # word-for-word copies: the first ones, always
            body = "" if self._opinion[slot] else self._body_of[slot]
            peers = self._bodies.get(body, ()) if body else ()
            if len(peers) < 2:  # (most articles: no copy, or only itself)
                continue
            t, found = self._times[slot], set(near[i][0].tolist())
            extra = [  # within the window (an unknown time is near: NaN compares false)
                p
                for p in peers
                if p != slot and p not in found and not abs(self._times[p] - t) > window
            ]
            if extra:
                # a copy, whatever the cosine: in a store full of one text its words weigh
                # nothing, and copies under headlines of their own had cosine .08
                peer = np.asarray(extra, dtype=np.int64)
                close = np.maximum(self._table.similarities(slot, peer), cfg.copy_similarity)
                near[i] = (
                    np.concatenate([near[i][0], peer]),
                    np.concatenate([near[i][1], close.astype(near[i][1].dtype, copy=False)]),
                )
        for i, (slot, (cands, sims)) in enumerate(zip(slots, near, strict=True)):
            if self._bare[slot] and self._bare[cands].any():
                ok = np.array([self._linkable(slot, c) for c in cands.tolist()], dtype=bool)
                near[i] = cands, sims = cands[ok], sims[ok]
            if cands.size:
                self._table.link(slot, cands, sims)
        return near

    def _found(
        self, slots: list[int], queries: list[list[int]]
    ) -> list[tuple[np.ndarray, np.ndarray]]:
        cfg = self.config
        return neighbourhoods(
            self._table,
            self._postings,
            self._times,
            slots,
            queries,
            window_s=cfg.window_hours * 3600.0,
            max_posting=cfg.max_posting,
            max_candidates=cfg.max_candidates,
            threads=self._threads,
        )

    # -- decision ---------------------------------------------------------------------------
    def _assign(
        self, article_id: str, slot: int, cands: np.ndarray, sims: np.ndarray
    ) -> Assignment:
        cfg = self.config
        per: dict[str, list[Any]] = {}
        live = self._stories.live
        close = sims >= cfg.similarity_floor
        if cfg.relative_floor > 0.0 and sims.size:
            close &= sims >= cfg.relative_floor * float(sims.max())
        cands, sims = cands[close], sims[close]
        snn = self._links(slot, cands, sims)
        sources = self._sources(slot, cands, sims)
        for other, sim, link in zip(cands.tolist(), sims.tolist(), snn.tolist(), strict=True):
            owner = self._stories.of_slot(other)
            if owner is None or (sources and owner not in sources):
                continue
            acc = per.setdefault(owner, [[], 0, 0.0, [], []])
            acc[0].append(link)
            acc[1] += 1
            acc[2] += sim
            acc[3].append(other)
            acc[4].append(sim)
        scored = sorted(
            (
                (
                    self._gated(slot, self._link(acc[0], live[sid].size), acc[3], acc[4], sid),
                    live[sid].order,
                    sid,
                )
                for sid, acc in per.items()
                if slot not in self._releases or not self._apart([slot], live[sid].members)
            ),
            key=lambda s: (-s[0], s[1]),
        )
        t = None if np.isnan(self._times[slot]) else float(self._times[slot])
        if sources and scored and not self._opinion[slot]:  # a reprint of a release joins it
            scored[0] = (max(scored[0][0], cfg.join_threshold), *scored[0][1:])
        if not scored or scored[0][0] < cfg.join_threshold or self._opinion[slot]:
            story = self._stories.found(article_id, t)
            self._stories.place(slot, story)
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
        story = live[sid]
        if story.sum is not None and story.size >= 2:
            signals["coherence"] = self._coherence(slot, story.sum)
        self._stories.place(slot, story)
        merged = []
        if score >= cfg.merge_threshold and not self._bare[slot]:  # a flash merges nothing
            for other_score, _, other_id in scored[1:]:
                if (
                    other_score >= cfg.merge_threshold
                    and other_id in live
                    and self._stories.may_merge(story, live[other_id])
                    and stories_close(story.sum, live[other_id].sum, cfg.merge_coherence)
                ):
                    keep, gone = self._stories.merge(story, live[other_id])
                    merged.append(gone.id)
                    story = keep
        if merged:
            signals["merged_score"] = round(min(s for s, _, i in scored if i in merged), 3)
        return Assignment(article_id, story.id, False, signals, tuple(merged))

    def _sources(self, slot: int, cands: np.ndarray, sims: np.ndarray) -> set[str]:
        """The stories of the press releases this article copies (`_copy`): it is
        placed in one of them, whatever its links to others (a release's reprints under
        headlines of their own are as close to another release from the same template as
        to their own); empty for a release, and for an article reprinting none."""
        if not self._releases:  # (nearly every index: no lists made on the hot path)
            return set()
        copied = self._copied_releases(slot, zip(cands.tolist(), sims.tolist(), strict=True))
        return {owner for o in copied if (owner := self._stories.of_slot(o)) is not None}

    def _copied_releases(self, slot: int, others: Iterable[tuple[int, float]]) -> list[int]:
        """The press releases among `others` (slot, cosine) that the article copies: `_copy`,
        or a copy's closeness (`copy_similarity`) with figures that agree
        (`reprints.figures_agree`), so that a reprint of a release corrected in two of its
        figures still copies the correction (it fell to its links, and joined the other
        template release's story: a black-box case); none for a release."""
        if not self._releases or slot in self._releases:
            return []
        floor = self.config.copy_similarity
        return [o for o, sim in others if o in self._releases and self._same(slot, o, sim, floor)]

    def _apart(self, these: list[int], those: list[int]) -> bool:
        """Whether two groups of articles hold press releases of two announcements: each
        has a release, and no release of one is the same text as one of the other (`_same`
        at `SAME_RELEASE`: a release sent again, or corrected in its words or in a figure,
        with a note added; two villages' libraries from one template, .84, differ in cost
        and floors). A press office's releases of one day are often written from one
        template (two groundbreakings, a library and a gym: cosine .73), and their reprints
        are as close across as a topic's reports; the releases tell them apart."""
        if not self._releases:
            return False
        mine = [s for s in these if s in self._releases]
        theirs = np.asarray([s for s in those if s in self._releases], dtype=np.int64)
        if not mine or not theirs.size:
            return False
        for slot in mine:
            sims = self._table.similarities(slot, theirs).tolist()
            if any(
                self._same(slot, o, s, SAME_RELEASE)
                for o, s in zip(theirs.tolist(), sims, strict=True)
            ):
                return False
        if self._corrections:
            mine_set, their_set = set(mine), set(theirs.tolist())
            for a, b in ((mine_set, their_set), (their_set, mine_set)):
                if any(self._corrected(c) in b for c in a & self._corrections):
                    return False
        return True

    def _corrected(self, slot: int) -> int | None:
        """The release a correction corrects: of the other releases published before it
        (or without a time) within the window, the closest, at cosine `CORRECTS` or more."""
        t = self._times[slot]
        reach = self.config.window_hours * 3600.0
        earlier = [
            o
            for o in self._releases
            if o != slot
            and (np.isnan(t) or np.isnan(self._times[o]) or t - reach <= self._times[o] <= t)
        ]
        if not earlier:
            return None
        sims = self._table.similarities(slot, np.asarray(earlier, dtype=np.int64))
        best = int(np.argmax(sims))
        return earlier[best] if float(sims[best]) >= CORRECTS else None

    def _linkable(self, slot: int, other: int) -> bool:
        """Whether two articles may link: always, but two flashes only when one holds
        nearly all of the other (`flashes.py`)."""
        if not (self._bare[slot] and self._bare[other]):
            return True
        return flashes_link(self._table, slot, other, self.config.flash_containment)

    def _gated(
        self, slot: int, score: float, linked: list[int], sims: list[float], story: str
    ) -> float:
        """The story score after the headline and coherence rules (only checked where it
        could join)."""
        cfg = self.config
        if score < min(cfg.join_threshold, cfg.merge_threshold):
            return score
        total = self._stories.live[story].sum
        if cfg.join_coherence > 0.0 and total is not None:
            close = total.closeness(*self._table.vector(slot))
            if not close_enough(close, total.coherence(), cfg.join_coherence):
                return 0.0
        return score * self._alike(slot, linked, sims)

    def _coherence(self, slot: int, total: Sum) -> float:
        """Signal: the article's mean cosine with the story's members over their mean cosine
        with each other (see `coherence.py`)."""
        coh = total.coherence() or 0.0
        close = total.closeness(*self._table.vector(slot))
        return round(close / coh, 3) if coh > 0.0 else 0.0

    def _alike(self, slot: int, linked: list[int], sims: list[float]) -> float:
        """1 when the article's headline is alike enough to a linked member's headline (or a
        headline is unknown), or the article is a reprint of one (a copy, cosine >=
        `copy_similarity`, with its figures: `reprints.py`), else 0 (`headline_floor`; see
        `headlines.py`)."""
        cfg = self.config
        if not self._heads.any_alike(slot, linked, cfg.headline_floor) and not any(
            self._reprint(slot, o, sim) for o, sim in zip(linked, sims, strict=True)
        ):
            return 0.0
        if cfg.actor_floor > 0.0:
            agree = self._heads.actors_agree(slot, linked, cfg.actor_same_claim)
            if agree is not None and agree < cfg.actor_floor:
                return cfg.actor_discount
        return 1.0

    def _reprint(self, slot: int, other: int, sim: float | None = None) -> bool:
        """Whether `other` is a copy (cosine >= `copy_similarity`; None: known to be) with
        the article's figures in order (`reprints.py`)."""
        if sim is not None and sim < self.config.copy_similarity:
            return False
        return same_figures(self._figures[slot], self._figures[other])

    def _same(self, slot: int, other: int, sim: float, floor: float) -> bool:
        """Whether two texts are one, for a press release: a copy (`_copy`), or at cosine
        `floor` or more with figures that agree (`reprints.figures_agree`)."""
        if self._copy(slot, other, sim):
            return True
        return sim >= floor and figures_agree(self._figures[slot], self._figures[other])

    def _copy(self, slot: int, other: int, sim: float) -> bool:
        """Whether one text is a copy of the other: the same body word for word, or a
        reprint with its figures (`_reprint`; a text with fewer than 3 figures is a copy
        only word for word)."""
        body = self._body_of[slot]
        return (body != "" and body == self._body_of[other]) or self._reprint(slot, other, sim)

    def _links(self, slot: int, others: np.ndarray, sims: np.ndarray) -> np.ndarray:
        """The article's links with `others` (cosines `sims`; `Table.links`). In a young index
        (at most `young_index` articles) every neighbour list holds most of the store, so a
        link says little beyond the cosine floor; there two Korean-headlined articles link
        only at `young_floor` (README, "Small stores")."""
        cfg = self.config
        out = self._table.links(slot, others, sims, cfg.copy_similarity)
        if len(self) > cfg.young_index or not self._heads.korean(slot) or not others.size:
            return out
        korean = np.fromiter((self._heads.korean(o) for o in others.tolist()), bool, others.size)
        return np.where(korean & (np.asarray(sims) < cfg.young_floor), 0.0, out)

    def _link(self, snn: list[float], size: int) -> float:
        """Mean of the strongest min(size, k) shared-neighbour links (missing links count 0)."""
        m = min(size, self.config.neighbours)
        return sum(sorted(snn, reverse=True)[:m]) / m

    def _shared(self, slot: int, linked: list[int], k: int = 6) -> list[str]:
        """The article's headline words most of the `linked` headlines share (compared by
        `word_key`, shown as the article writes them), at most `k`."""
        mine: dict[str, str] = {}  # key -> the first word of the headline with it
        for w in self._words[slot]:
            mine.setdefault(word_key(w), w)
        place = {key: n for n, key in enumerate(mine)}
        counts = Counter(
            key for o in linked for key in {word_key(w) for w in self._words[o]} if key in mine
        )
        ranked = sorted(counts.items(), key=lambda kc: (-kc[1], place[kc[0]]))
        return [mine[key] for key, _ in ranked[:k]]

    # -- consolidation of a batch ---------------------------------------------------------
    def _consolidate(
        self,
        order: list[tuple[str, Features]],
        slots: list[int],
        near: list[tuple[np.ndarray, np.ndarray]],
        done: dict[str, Assignment],
    ) -> None:
        """Merge the batch's stories that, as wholes, would join each other (see
        `consolidate.merge_plan`); a merge is reported on the batch article founding or first
        joining the survivor, and every batch assignment points to its final story."""
        plan = merge_plan(
            self._stories, self._links, self.config, slots, near, self._heads, self._bare,
            self._reprint,
        )  # fmt: skip
        final = {article_id: self.story_of(article_id) for article_id, _ in order}
        first: dict[str, str] = {}  # story -> its first batch article (canonical order)
        for article_id, story in final.items():
            first.setdefault(story, article_id)
        for keep_id, gone_id, score in plan:
            reported = first.get(self.resolve(keep_id))
            if reported is not None:
                a = done[reported]
                signals = dict(a.signals, consolidated=round(score, 3))
                merged = (*a.merged, gone_id)
                done[reported] = Assignment(a.article, a.story, a.founded, signals, merged)
        for article_id, a in done.items():
            if final[article_id] != a.story:
                done[article_id] = Assignment(
                    a.article, final[article_id], a.founded, a.signals, a.merged
                )
