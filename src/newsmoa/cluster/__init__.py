"""Story clustering: which articles report the same happening.

    article_features(Article) -> Features               pure, fast; stored with to_bytes()
    StoryIndex.add / add_many([(id, Features)]) -> [Assignment]   the only stateful object
    StoryIndex.story_of / resolve / redirects / restore            stable ids, merges redirect
    recluster(index, [(id, Features)]) -> Relabel; index.relabel   a window decided again
    cluster_articles([Article]) -> [story id]            batch, for `newsmoa cluster`
    near_duplicate_families([Article], [story id]) -> (families, pairs)   reprints

How it decides and how its settings were chosen: `README.md` in this folder.
"""

from newsmoa.cluster.batch import cluster_articles
from newsmoa.cluster.config import DEFAULT_CONFIG, ClusterConfig
from newsmoa.cluster.families import (
    Family,
    NearDuplicate,
    near_duplicate_families,
    near_duplicate_pairs,
)
from newsmoa.cluster.features import Features, article_features
from newsmoa.cluster.index import Assignment, StoryIndex
from newsmoa.cluster.stories import story_id_for

__all__ = [
    "DEFAULT_CONFIG",
    "Assignment",
    "ClusterConfig",
    "Family",
    "Features",
    "NearDuplicate",
    "StoryIndex",
    "article_features",
    "cluster_articles",
    "near_duplicate_families",
    "near_duplicate_pairs",
    "story_id_for",
]
