"""JSON forms of the frozen values: the contracts in docs/contracts.md, and their way back.

One module so the CLI, the JSON API, the store's cached documents and the feeds agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from newsmoa.types import Article, Fact, Sentence, Source, Story, is_day


def iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def published(article: Article) -> str | None:
    """An article's `published` as written out: its time, or the date alone when a date was
    all it was given (`Article.day_only`; its time, the day's start, is in `published_at`)."""
    if article.published is None:
        return None
    return article.published.date().isoformat() if article.day_only else iso(article.published)


def instant(value: str, at: str | None = None) -> datetime:
    """The time an ISO `published` value stands for: `at` (`published_at`) where it is a
    date alone and one is given, else the value read as it is (a date alone: its start)."""
    return datetime.fromisoformat(at if at and is_day(value) else value)


def article_to_json(
    article: Article, *, reuse: float | None = None, text: bool = True
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "subtitle": article.subtitle,
        "deck": article.deck,
        "published": published(article),
        **({"published_at": iso(article.published)} if article.day_only else {}),
        "reporter": article.reporter,
        "email": article.email,
        "url": article.url,
        "reuse": reuse,
        "is_release": article.is_release,
        "captions": list(article.captions),
        "origin": article.origin,
        "dateline_place": article.dateline_place,
    }
    if text:
        out["text"] = article.text
    return out


def article_from_json(obj: dict[str, Any]) -> Article:
    given, at = obj.get("published"), obj.get("published_at")
    return Article(
        id=obj["id"],
        text=obj["text"],
        title=obj.get("title") or "",
        outlet=obj.get("outlet"),
        published=instant(given, at) if given else None,
        day_only=bool(given and at),
        reporter=obj.get("reporter"),
        email=obj.get("email"),
        url=obj.get("url"),
        subtitle=obj.get("subtitle"),
        deck=obj.get("deck"),
        captions=tuple(obj.get("captions") or ()),
        origin=obj.get("origin") or "",
        is_release=bool(obj.get("is_release")),
        dateline_place=obj.get("dateline_place"),  # (none in a store written before it)
    )


def sentences_to_json(sentences: tuple[Sentence, ...]) -> list[list[int]]:
    return [[s.start, s.end] for s in sentences]


def sentences_from_json(article: Article, spans: list[list[int]]) -> tuple[Sentence, ...]:
    return tuple(Sentence(article.id, a, b, article.text[a:b]) for a, b in spans)


def source_from_json(obj: dict[str, Any]) -> Source:
    return Source(obj["article"], obj["start"], obj["end"], obj.get("quote"))


def fact_from_json(obj: dict[str, Any]) -> Fact:
    return Fact(
        type=obj["type"],
        value=obj.get("value"),
        sources=tuple(source_from_json(s) for s in obj.get("sources", ())),
        text=obj.get("text"),
        role=obj.get("role"),
        unit=obj.get("unit"),
        counts=obj.get("counts"),
        about=obj.get("about"),
    )


def story_to_json(story: Story) -> dict[str, Any]:
    """The Story JSON contract (docs/contracts.md), plus extra fields that keep their meaning."""
    reuse = dict(story.reuse)
    return {
        "id": story.id,
        "title": story.title,
        "first_published": first_published(story.articles),
        **first_at(story.articles),
        "outlets": sorted({a.outlet for a in story.articles if a.outlet}),
        "article_count": len(story.articles),
        "articles": [article_to_json(a, reuse=reuse.get(a.id)) for a in story.articles],
        "sentences": [
            {"text": s.text, "sources": [src.to_json() for src in s.sources]}
            for s in story.sentences
        ],
        "facts": [f.to_json() for f in story.facts],
        "disagreements": [d.to_json() for d in story.disagreements],
        "event": story.event.to_json() if story.event else None,
        "redirects": list(story.redirects),
        **story.extra,
    }


def first_published(articles: Sequence[Article]) -> str | None:
    """The earliest article's `published` as written out (`published`): a date alone when
    that article was given a date alone."""
    first = _earliest(articles)
    return published(first) if first is not None else None


def first_at(articles: Sequence[Article]) -> dict[str, str]:
    """`first_at`, the instant a story's first article's day began, when that article was
    given a date alone (as an article's `published_at`): the store orders and spans stories
    by it, and the date read without its zone moved with the process's (`sql.story_values`)."""
    first = _earliest(articles)
    return {"first_at": iso(first.published) or ""} if first is not None and first.day_only else {}


def _earliest(articles: Sequence[Article]) -> Article | None:
    """The article published first, or None when none is dated."""
    dated = [a for a in articles if a.published is not None]
    return min(dated, key=lambda a: a.published.timestamp()) if dated else None  # type: ignore[union-attr]


def summary_to_json(doc: dict[str, Any]) -> dict[str, Any]:
    """The `stories` listing row: {id, title, first_published, outlets, article_count}."""
    return {k: doc.get(k) for k in ("id", "title", "first_published", "outlets", "article_count")}
