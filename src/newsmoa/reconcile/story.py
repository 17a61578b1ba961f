"""A story's articles -> the consolidated Story: sentences with sources, facts, disagreements,
the agreement card and reuse. Pure: the same rows give the same Story."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from newsmoa.facts import agreement_event
from newsmoa.reconcile.align import consolidate, ngrams, reading_order
from newsmoa.reconcile.disagreements import find_disagreements
from newsmoa.reconcile.reuse import reuse_scores
from newsmoa.store.base import StoredArticle
from newsmoa.types import Article, Fact, Story


def build_story(
    story_id: str, rows: Sequence[StoredArticle], *, redirects: Sequence[str] = ()
) -> Story:
    articles = reading_order([r.article for r in rows])
    sentences = {r.article.id: r.sentences for r in rows}
    facts_by = {r.article.id: r.facts for r in rows}
    consolidated = consolidate(articles, sentences)
    release = next((a.id for a in articles if a.is_release), None)
    disagreements = find_disagreements(articles, facts_by, consolidated, release=release)
    event = agreement_event(articles, facts_by, consolidated, disagreements)
    reuse = reuse_scores(articles)
    dated = [a.published for a in articles if a.published]
    extra: dict[str, Any] = {
        "why": {r.article.id: dict(r.signals) for r in rows},
        "release": release,
    }
    return Story(
        id=story_id,
        title=story_title(articles),
        first_published=min(dated) if dated else None,
        articles=tuple(articles),
        sentences=consolidated,
        facts=merge_facts(facts_by),
        disagreements=disagreements,
        event=event,
        reuse=tuple((a.id, reuse[a.id]) for a in articles),
        redirects=tuple(redirects),
        extra=extra,
    )


def story_title(articles: Sequence[Article]) -> str:
    """The release's title, else the title most like the others (ties: the earliest)."""
    if articles and articles[0].is_release and articles[0].title:
        return articles[0].title
    titled = [a.title for a in articles if a.title]
    if len(titled) <= 2:
        return titled[0] if titled else ""
    grams = [ngrams(t, 2) for t in titled]

    def closeness(i: int) -> float:
        return sum(
            2 * len(grams[i] & g) / (len(grams[i]) + len(g) or 1)
            for j, g in enumerate(grams)
            if j != i
        )

    return titled[max(range(len(titled)), key=lambda i: (closeness(i), -i))]


def merge_facts(facts_by: Mapping[str, Sequence[Fact]]) -> tuple[Fact, ...]:
    """One fact per (type, value, role, about) across the story, with every article's sources."""
    merged: dict[tuple[str, str, str | None, str | None], Fact] = {}
    for facts in facts_by.values():
        for fact in facts:
            key = (
                fact.type,
                json.dumps(fact.value, ensure_ascii=False, sort_keys=True),
                fact.role,
                fact.about,
            )
            if key in merged:
                old = merged[key]
                sources = old.sources + tuple(s for s in fact.sources if s not in old.sources)
                merged[key] = Fact(
                    type=old.type,
                    value=old.value,
                    sources=sources,
                    text=old.text,
                    role=old.role,
                    unit=old.unit,
                    counts=old.counts,
                    about=old.about,
                )
            else:
                merged[key] = fact
    return tuple(merged.values())
