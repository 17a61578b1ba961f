"""How many articles, in how many outlets, carried a story's press release: a press office's
count of placements, for the story listings (`newsmoa stories`, `GET /api/stories`).

    with_placements(store, rows) -> rows, each with `release_placements`

`release_placements` is {"articles": n, "outlets": m, "without_outlet": k} for a story
whose document names a release: its `release_carried_by` (articles taking at least 30% of
their text from the releases), the releases themselves not counted, the named outlets among
them and the articles naming none (a pasted blog: no outlet), as `show` counts them
(`view.placement_counts`). Null for a story
without a release, and for one whose document is not built yet (`--defer-analysis`; `show`
builds it). Read from the stored documents in one query (`Store.release_carriers`), none
built here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsmoa.serve.view import placement_counts
from newsmoa.store.base import Store


def with_placements(store: Store, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` (story listings with `id`) each with its `release_placements`."""
    carriers = store.release_carriers([r["id"] for r in rows])
    return [{**r, "release_placements": placements(carriers.get(r["id"]))} for r in rows]


def placements(found: dict[str, Any] | None) -> dict[str, int] | None:
    """{"articles", "outlets", "without_outlet"} of one story's `Store.release_carriers`
    entry (None: none)."""
    return None if found is None else placement_counts(found["carried_by"])
