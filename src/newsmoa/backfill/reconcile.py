"""Driver-side joins of partitioned results: union-find over few, small things.

* near-duplicate groups from checked pairs (line numbers), as `dedup.groups` forms them;
* story labels joined across time blocks: an article clustered in two blocks links the two
  block stories it landed in (union of assignments on shared articles), so a story that
  crosses a block boundary becomes one;
* story names: each final story is named by `story_id_for` of its first article in the
  story index's order, as `StoryIndex` names the story an article founds (so the ids mostly
  equal those `newsmoa cluster` gives).

Both engines call these with what their partitions produced; only linked labels and checked
pairs come to the driver, never the articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsmoa import dedup
from newsmoa.backfill.stages import canonical
from newsmoa.cluster import story_id_for

Key = tuple[int, float, str]


def _union(nodes: Sequence, edges: Iterable[tuple]) -> list[list]:
    """Connected groups of `nodes` (sorted first) linked by `edges`; singletons omitted."""
    order = sorted(set(nodes))
    index = {node: k for k, node in enumerate(order)}
    pairs = [(index[a], index[b]) for a, b in edges]
    return [[order[k] for k in group] for group in dedup.groups(len(order), pairs)]


def near_duplicate_groups(pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Groups of line numbers linked by checked pairs; each sorted, ordered by first line."""
    nodes = [x for pair in pairs for x in pair]
    return sorted(_union(nodes, pairs), key=lambda g: g[0])


def label_edges(labels: Sequence[str]) -> list[tuple[str, str]]:
    """Edges linking the block stories one article landed in (none when it is in one)."""
    ordered = sorted(set(labels))
    return [(ordered[0], other) for other in ordered[1:]]


def link_labels(edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """label -> representative label (the smallest of its group), for linked labels only.

    The result does not depend on the order of the edges; a label in no edge keeps itself.
    """
    edges = sorted(set(edges))
    nodes = [label for edge in edges for label in edge]
    return {label: group[0] for group in _union(nodes, edges) for label in group}


def first_articles(members: Iterable[tuple[str, float | None, str]]) -> dict[str, Key]:
    """label -> the `canonical` key of its first article, from (label, published_s, id)."""
    first: dict[str, Key] = {}
    for label, published_s, article_id in members:
        key = canonical(published_s, article_id)
        if label not in first or key < first[label]:
            first[label] = key
    return first


def name_stories(firsts: Iterable[tuple[str, Key]]) -> dict[str, str]:
    """Final story id of each label from its first article's key: `story_id_for(id)`.

    Labels whose first articles' ids hash alike get "-2", "-3", ... in that order, as
    `StoryIndex` does; a caller may therefore pass only the labels whose names collide.
    """
    names: dict[str, str] = {}
    taken: set[str] = set()
    for label, key in sorted(firsts, key=lambda kv: (kv[1], kv[0])):
        base = sid = story_id_for(key[2])
        n = 1
        while sid in taken:
            n += 1
            sid = f"{base}-{n}"
        taken.add(sid)
        names[label] = sid
    return names
