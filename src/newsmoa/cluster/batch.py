"""Batch story assignment for `newsmoa cluster`: features, then one fresh index."""

from __future__ import annotations

from collections.abc import Sequence

from newsmoa.cluster.config import DEFAULT_CONFIG, ClusterConfig
from newsmoa.cluster.features import article_features
from newsmoa.cluster.index import StoryIndex
from newsmoa.types import Article


def cluster_articles(
    articles: Sequence[Article], config: ClusterConfig = DEFAULT_CONFIG
) -> list[str]:
    """Story ids of `articles`, in input order; the same for any order of the input."""
    index = StoryIndex(config)
    index.add_many([(a.id, article_features(a, config)) for a in articles])
    return [index.story_of(a.id) for a in articles]
