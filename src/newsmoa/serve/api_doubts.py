"""Where the grouping may be wrong, over HTTP (`newsmoa.review`).

    GET /api/doubts          {start, end, split, merge}, as `newsmoa doubts --format json`

The doubts of a window read its articles into a story index, which takes seconds on a large
store (2.8 s for the 48 hours around the newest article of a million-article store), and any
reader may ask: so one request at a time computes them (`Recent.doubts`), and an answer is
given again for a minute to the same question unless a correction was made meanwhile.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from newsmoa import review
from newsmoa.pipeline import Newsroom
from newsmoa.serve.api import StoreDep
from newsmoa.store.base import Store

router = APIRouter(prefix="/api", tags=["corrections"])
KEPT = 60.0  # seconds an answer is given again
ANSWERS = 32  # answers kept at most


class Recent:
    """The doubts asked lately, computed one request at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._answers: OrderedDict[tuple, tuple[float, int, review.Doubts]] = OrderedDict()

    def doubts(
        self, store: Store, *, until: datetime | None, hours: float | None, limit: int
    ) -> review.Doubts:
        key = (until, hours, limit)
        with self._lock:
            made = store.corrections_made()
            kept = self._answers.get(key)
            if kept and kept[1] == made and time.monotonic() - kept[0] < KEPT:
                return kept[2]
            found = review.doubts(Newsroom(store), until=until, hours=hours, limit=limit)
            self._answers[key] = (time.monotonic(), made, found)
            self._answers.move_to_end(key)
            while len(self._answers) > ANSWERS:
                self._answers.popitem(last=False)
            return found


def recent(request: Request) -> Recent:
    return request.app.state.doubts


@router.get("/doubts", summary="Where the grouping may be wrong, most worth a look first")
def list_doubts(
    request: Request,
    store: StoreDep,
    until: Annotated[
        datetime | None, Query(description="the window's end (default: the newest article)")
    ] = None,
    days: Annotated[
        float | None, Query(gt=0, le=31, description="its length in days (default: 2)")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    """{start, end, split: [...], merge: [...]}: the largest stories of the window with the
    cut between their two parts least alike, and the pairs of stories closest to each other;
    each with `stories`, `parts` (the articles of each side: id, title, outlet, published),
    `across` and `within` (mean TF-IDF cosine) and `weight` (its rank). Act on one with
    `POST /api/corrections` (split, merge, or confirm to keep the stories as they are). The
    same question is answered again for a minute unless a correction is made."""
    hours = None if days is None else days * 24
    found = recent(request).doubts(store, until=until, hours=hours, limit=limit)
    return review.as_json(found)
