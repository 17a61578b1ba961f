"""Where an article without a body (a breaking-news flash) may link.

A flash is its headline: a handful of terms, most of them a frame other happenings share
("구속영장 기각", "지하철 운행 중단", "신규 확진자 …명") and one or two that tell them apart
(a name, a place, a figure). Two flashes of different happenings in one frame
(`승리 구속영장 기각`, `양현석 구속영장 기각`) hold most of each other's words, as much as two
outlets' flashes of one happening do by cosine. So two flashes link only when one holds
nearly all of the other (`contained`: the share of a flash's vector, its squared TF-IDF
weights, 1 in all, on terms the other has) by `ClusterConfig.flash_containment`: copies of
one wire flash, or a short and a long form of one headline. A flash and a report link as
any two articles do (the report's body holds the names the flash gives); wherever it links,
a flash is no evidence that two stories are one (`StoryIndex._assign`, `merge_plan`).
Measured in the cluster README, "Flashes".
"""

from __future__ import annotations

import numpy as np

from newsmoa.cluster.vectors import Table


def contained(table: Table, a: int, b: int) -> float:
    """The share of article a's vector (squared weights) on terms article b also has."""
    terms, weights = table.vector(a)
    total = float(np.dot(weights, weights))
    if total <= 0.0:
        return 0.0
    inside = np.isin(terms, table.vector(b)[0], assume_unique=True)
    return float(np.dot(weights[inside], weights[inside])) / total


def flashes_link(table: Table, a: int, b: int, share: float) -> bool:
    """Whether two flashes may link: one holds at least `share` of the other's vector (the
    other says little it does not)."""
    return share <= 0.0 or max(contained(table, a, b), contained(table, b, a)) >= share
