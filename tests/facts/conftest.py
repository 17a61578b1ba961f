"""Facts fixtures: the example story built once per session (see `facts_samples`)."""

from __future__ import annotations

import pytest
from facts_samples import ARTICLES, Story

from newsmoa.types import Article


@pytest.fixture(scope="session")
def wanju_articles() -> tuple[Article, ...]:
    return tuple(Article(id=i, text=t, outlet=o, published=p) for i, o, p, t in ARTICLES)


@pytest.fixture(scope="session")
def wanju(wanju_articles) -> Story:
    return Story(wanju_articles)


@pytest.fixture(scope="session")
def by_id(wanju_articles) -> dict[str, Article]:
    return {a.id: a for a in wanju_articles}
