"""A story's articles -> the consolidated Story: sentences with sources, facts, disagreements,
the agreement card and reuse. Pure: the same rows give the same Story."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from newsmoa.cluster import near_duplicate_families
from newsmoa.facts import agreement_event, extract_facts, merge_facts
from newsmoa.facts.tables import words
from newsmoa.reconcile.align import consolidate, ngrams, reading_order
from newsmoa.reconcile.disagreements import find_disagreements
from newsmoa.reconcile.misspelt import fold_misspellings
from newsmoa.reconcile.reuse import Reuse, measure, release_shares
from newsmoa.reconcile.rewrites import content_words, dice
from newsmoa.store.base import StoredArticle
from newsmoa.text.amounts import amounts
from newsmoa.types import Article, Disagreement, Fact, Sentence, Story


def build_story(
    story_id: str,
    rows: Sequence[StoredArticle],
    *,
    redirects: Sequence[str] = (),
    hand: Collection[str] = (),
) -> Story:
    """The story of `rows`; `redirects`: the ids merged into it; `hand`: the articles an
    editor placed in it (`newsmoa.corrections`), which `why` says."""
    articles = reading_order([r.article for r in rows])
    sentences = {r.article.id: r.sentences or () for r in rows}
    facts = {r.article.id: r.facts or () for r in rows}
    reuse = measure(articles, sentences)
    facts_by = {a.id: facts[a.id] for a in articles}  # the reference (a release) first
    facts_by.update(undated_release_facts(articles, reuse, sentences))
    consolidated = consolidate(articles, sentences, content_words=content_words)
    reference = next((a for a in articles if a.is_release), None)
    release = reference.id if reference else None
    disagreements = find_disagreements(articles, facts_by, consolidated, release=release)
    event = agreement_event(articles, facts_by, consolidated, disagreements)
    dated = [a.published for a in articles if a.published]
    extra: dict[str, Any] = {
        "why": {r.article.id: why(r, r.article.id in hand) for r in rows},
        "release": release,
        "release_carried_by": (carried_by(articles, reuse, reference) if reference else []),
        "near_duplicate_families": reprint_families(story_id, articles),
        "reuse_from": {
            aid: [{"article": x, "share": share} for x, share in origins]
            for aid, origins in reuse.origins.items()
            if origins
        },
    }
    return Story(
        id=story_id,
        title=story_title(articles, minority_marks(articles, disagreements)),
        first_published=min(dated) if dated else None,
        articles=tuple(articles),
        sentences=consolidated,
        facts=fold_misspellings(merge_facts(facts_by), facts_by.get(release or "", ())),
        disagreements=disagreements,
        event=event,
        reuse=tuple((a.id, reuse.scores[a.id]) for a in articles),
        redirects=tuple(redirects),
        extra=extra,
    )


def why(row: StoredArticle, by_hand: bool = False) -> dict[str, Any]:
    """The signals that placed an article in its story; for one without a publication time,
    also the time it was placed at (`placed_at`: its batch's, `pipeline.placed_times`), which
    the window went by; `placed_by_hand` when an editor placed it there (no automatic
    decision moves it)."""
    out = dict(row.signals)
    if by_hand:
        out["placed_by_hand"] = True
    if row.article.published is None and row.time is not None:
        out["placed_at"] = datetime.fromtimestamp(row.time, UTC).isoformat()
    return out


def reprint_families(story_id: str, articles: Sequence[Article]) -> list[list[str]]:
    """Groups of articles that reprint one text (one wire or release), as article ids."""
    if len(articles) < 2:
        return []
    families, _ = near_duplicate_families(articles, [story_id] * len(articles))
    return [list(f.articles) for f in families]


CARRIED_MIN_REUSE = 0.3  # share of an article's text taken from the release to count as carrying it


def undated_release_facts(
    articles: Sequence[Article], reuse: Reuse, sentences: Mapping[str, Sequence[Sentence]]
) -> dict[str, tuple[Fact, ...]]:
    """The facts of each press release without a date (no `보도일시` line), read again
    with the day of its earliest dated placement (an article taking `CARRIED_MIN_REUSE` of
    its text from the releases) as the day its relative dates count from: a release is out
    on or before the day an outlet prints it, and its `오는 3일` and `지난 달` were left
    unresolved where its placements' were resolved (two rows of one date in the facts, one
    without a value). Its own time stays unknown (`Article.published`); only its dates
    are read. {} where every release has a date, or no placement has one."""
    undated = [a for a in articles if a.is_release and a.published is None]
    placed = [
        a.published
        for a in articles
        if undated
        and not a.is_release
        and a.published is not None
        and reuse.from_releases.get(a.id, 0.0) >= CARRIED_MIN_REUSE
    ]
    if not placed:
        return {}
    first = min(placed)
    return {
        a.id: extract_facts(replace(a, published=first, day_only=True), sentences[a.id])
        for a in undated
    }


def carried_by(articles: Sequence[Article], reuse: Reuse, release: Article) -> list[dict[str, Any]]:
    """The articles that carried the press release: those taking a good share of their text
    from the releases (`Reuse.from_releases`; not their reuse score, which counts text
    copied from another outlet's own reporting too), each with its `reuse` and the share of
    the release it ran (`release_shares` of their 5-grams, `Reuse.grams`): of the story's
    release it ran most of, where the story holds several (a correction sent as a note is
    the reference, and outlets that ran the first release whole read `ran 8% of it`)."""
    carriers = [
        a for a in articles if not a.is_release and reuse.from_releases[a.id] >= CARRIED_MIN_REUSE
    ]
    carriers = [a for a in carriers if not _pasted_again(a, carriers, reuse.grams)]
    shares = release_shares(release, carriers, reuse.grams)
    for other in (a for a in articles if a.is_release and a.id != release.id):
        for aid, share in release_shares(other, carriers, reuse.grams).items():
            shares[aid] = max(shares[aid], share)
    return [
        {
            "article": a.id,
            "outlet": a.outlet,
            "reuse": reuse.scores[a.id],
            "release_share": shares[a.id],
        }
        for a in carriers
    ]


PASTED_WITHIN = 0.9  # share of a text's 5-grams in its outlet's other placement: pasted again


def _pasted_again(
    article: Article, carriers: Sequence[Article], grams: Mapping[str, frozenset[str]]
) -> bool:
    """Whether a carrier is its outlet's other placement pasted again, shortened: a blog
    that copied 호남매일's report with its byline (`(솔뫼=호남매일) 박지훈 기자 =`) is read
    as 호남매일's, and counted as its second placement. Such a text lies within
    (`PASTED_WITHIN` of its 5-grams) a longer carrier of the same outlet published before it
    (it has no time, or a later one). An outlet's update, later and longer, is a second
    placement still, and so is its first version."""
    if not article.outlet:
        return False
    mine = grams[article.id]
    for other in carriers:
        if other.id == article.id or other.outlet != article.outlet or other.published is None:
            continue
        if article.published is not None and article.published <= other.published:
            continue
        theirs = grams[other.id]
        if mine and len(theirs) > len(mine) and len(mine & theirs) >= PASTED_WITHIN * len(mine):
            return True
    return False


_TAG = re.compile(r"^\s*[\[(<【]\s*(?P<tag>[^\])>】]{1,10})\s*[\])>】]\s*")


def _without_correction_tag(title: str, releases: int) -> str:
    """A corrected release's title without its tag (`[정정] 완주 로컬푸드 …`) when the
    story holds the release it corrects too (`releases` > 1): the story is the announcement,
    not its correction. A correction notice standing alone (its story holds no other
    release: outlets' own corrections of an earlier report) keeps it: titled without it, it
    read in the story list as a new announcement of the corrected figure."""
    if releases < 2:
        return title
    m = _TAG.match(title)
    if m and any(mark in m["tag"].lower() for mark in words("correction_marks")):
        return title[m.end() :] or title
    return title


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def minority_marks(
    articles: Sequence[Article], disagreements: Sequence[Disagreement]
) -> frozenset[str]:
    """The figures (as values, `text.amounts`: a title's `1.5억` is a quote's `1억5000만`)
    and names only the side stated by fewer outlets writes, of each disagreement with one
    side most outlets state (not a count that rose or fell as reports came in: the later
    one may be right)."""
    text = {a.id: a.text for a in articles}
    marks: set[str] = set()
    for d in disagreements:
        if d.trend:
            continue
        sides = [frozenset(s.article for s in v.sources) for v in d.values]
        most = max(map(len, sides), default=0)
        if [len(x) for x in sides].count(most) != 1:
            continue
        said: dict[bool, set[str]] = {True: set(), False: set()}
        for v, side in zip(d.values, sides, strict=True):
            major = len(side) == most
            for src in v.sources:
                said[major].update(amounts(text[src.article][src.start : src.end]))
            if not major and d.kind == "person" and isinstance(v.value, str):
                said[False].add(v.value)
        marks |= said[False] - said[True]
    return frozenset(marks)


def story_title(articles: Sequence[Article], avoid: Collection[str] = ()) -> str:
    """The release's title (a correction's tag dropped where it corrects a release of the
    story, `_without_correction_tag`), else the title most like the others (ties: the
    earliest), of the articles with a body when there are any (a flash's headline carries
    its [속보] label); of those stating none of `avoid` when there are any: a figure or
    name only the fewer outlets of a disagreement state (the story of four outlets was
    titled with the one that misprinted a figure in its headline, a black-box case)."""
    if articles and articles[0].is_release and articles[0].title:
        return _without_correction_tag(articles[0].title, sum(a.is_release for a in articles))
    titled = [a.title for a in articles if a.title and a.text] or [
        a.title for a in articles if a.title
    ]
    if avoid:
        titled = [t for t in titled if not _states(t, avoid)] or titled
    if len(titled) <= 2:
        return titled[0] if titled else ""
    grams = [ngrams(t, 2) for t in titled]

    def closeness(i: int) -> float:
        return sum(dice(grams[i], g) for j, g in enumerate(grams) if j != i)

    return titled[max(range(len(titled)), key=lambda i: (closeness(i), -i))]


def _states(title: str, marks: Collection[str]) -> bool:
    figures = amounts(title)
    return any(m in figures if _FIGURE.fullmatch(m) else m in title for m in marks)
