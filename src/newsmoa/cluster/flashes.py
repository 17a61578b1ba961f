"""Where an article without a body (a breaking-news flash) may link.

A flash is its headline: a handful of terms, among them a phrase other happenings share
("구속영장 발부", "지하철 운행 중단") and the names that tell them apart. Two flashes of
different happenings (`가나다씨 구속영장 발부`, `라마바씨 구속영장 기각`) share most of what
they say, and their cosine is as high as two outlets' flashes of one happening. So two flashes
link only when each holds most of the other: the share of a flash's vector (its squared TF-IDF
weights, 1 in all) on terms the other has, `contained`, at least
`ClusterConfig.flash_containment` each way. A flash and a report link as any two articles do:
the report's body holds the flash's names, and measured on the tuning sets, asking the report
to hold the flash lost joins and gained no precision (cluster README, "Flashes").
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
    """Whether two flashes may link: each holds at least `share` of the other's vector."""
    return share <= 0.0 or (contained(table, a, b) >= share and contained(table, b, a) >= share)
