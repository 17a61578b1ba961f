"""Where the grouping may be wrong, over HTTP (`newsmoa.review`).

    GET /api/doubts          {start, end, split, merge}, as `newsmoa doubts --format json`

The doubts of a window read its articles into a story index, which takes seconds on a large
store (2.8 s for the 48 hours around the newest article of a million-article store), and any
reader may ask: so one request at a time computes them (`Recent.doubts`), and an answer is
given again for a minute to the same question unless a correction was made meanwhile; a
window is at most 7 days (3.9 s there; 31 days took 21 s and 1.4 GB).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from newsmoa import review
from newsmoa.errors import Refused
from newsmoa.pipeline import Newsroom
from newsmoa.serve.api import StoreDep
from newsmoa.store.base import Store

router = APIRouter(prefix="/api", tags=["corrections"])
KEPT = 60.0  # seconds an answer is given again
WAIT = 30.0  # seconds a request waits for another's computation
MAX_DAYS = 7  # the longest window asked for (3.9 s on a million-article store)
ANSWERS = 32  # answers kept at most


class Recent:
    """The doubts asked lately, computed one request at a time: a request waits at most
    `WAIT` seconds for another's computation, then is told to come back (503)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # the computation
        self._kept = threading.Lock()  # the answers
        self._answers: OrderedDict[tuple, tuple[float, int, review.Doubts]] = OrderedDict()

    def doubts(
        self, store: Store, *, until: datetime | None, hours: float | None, limit: int
    ) -> review.Doubts:
        key = (until, hours, limit)
        made = store.corrections_made()
        found = self._answer(key, made)
        if found is not None:
            return found
        if not self._lock.acquire(timeout=WAIT):
            raise HTTPException(
                503, "the doubts are being computed for another request: try again shortly",
                headers={"Retry-After": "5"},
            )  # fmt: skip
        try:
            found = self._answer(key, made)  # the request waited for may have asked the same
            if found is None:
                try:
                    found = review.doubts(Newsroom(store), until=until, hours=hours, limit=limit)
                except Refused as exc:
                    raise HTTPException(422, str(exc)) from exc
                with self._kept:
                    self._answers[key] = (time.monotonic(), made, found)
                    self._answers.move_to_end(key)
                    while len(self._answers) > ANSWERS:
                        self._answers.popitem(last=False)
            return found
        finally:
            self._lock.release()

    def _answer(self, key: tuple, made: int) -> review.Doubts | None:
        with self._kept:
            kept = self._answers.get(key)
        if kept and kept[1] == made and time.monotonic() - kept[0] < KEPT:
            return kept[2]
        return None


def recent(request: Request) -> Recent:
    return request.app.state.doubts


def window(until: str, days: str, limit: str) -> tuple[datetime | None, float | None, int]:
    """(end, hours, limit) of a doubts window as a query or a form gives it, each maybe
    empty (the default): an ISO date or time (UTC when it names no offset), a number of days
    up to `MAX_DAYS`, a number of doubts of each kind up to 100. `/api/doubts` and the
    `/doubts` page read them alike; the API read `until=0` as 1970 (a Unix time), the page
    refused it, and the page refused an emptied `limit` box (a black-box case)."""
    end = hours = None
    said = {  # what each field takes, named when it cannot be read (it said "could not
        # convert string to float: 'abc'", Python's words, naming no field)
        "until": "an ISO date or time, 2019-08-01 or 2019-08-01T09:00",
        "days": f"a number of days, 2 or 0.5, at most {MAX_DAYS}",
        "limit": "a whole number from 1 to 100",
    }
    field = "until"
    try:
        if until.strip():
            end = datetime.fromisoformat(until.strip())
        field = "days"
        if days.strip():
            hours = float(days) * 24
        field = "limit"
        count = int(limit) if limit.strip() else DEFAULT_LIMIT
    except ValueError as exc:
        given = {"until": until, "days": days, "limit": limit}[field].strip()
        raise HTTPException(422, f"{field}: {given!r} is not {said[field]}") from exc
    if hours is not None and not 0 < hours <= MAX_DAYS * 24:
        raise HTTPException(422, f"days: more than 0 and at most {MAX_DAYS}")
    if not 1 <= count <= 100:
        raise HTTPException(422, "limit: from 1 to 100")
    return end, hours, count


DEFAULT_LIMIT = 10
UNTIL = "the window's end, an ISO date or time (default: the newest publication time)"


@router.get("/doubts", summary="Where the grouping may be wrong, most worth a look first")
def list_doubts(
    request: Request,
    store: StoreDep,
    until: Annotated[
        str,
        Query(description=UNTIL),
    ] = "",
    days: Annotated[
        str, Query(description=f"its length in days, at most {MAX_DAYS} (default: 2)")
    ] = "",
    limit: Annotated[str, Query(description="doubts of each kind, 1 to 100 (default: 10)")] = "",
) -> dict[str, Any]:
    """{start, end, split: [...], merge: [...]}: the largest stories of the window with the
    weakest cut in two (average link), and the pairs of stories closest to each other;
    each with `stories`, `parts` (the articles of each side: id, title, outlet, published),
    `across` and `within` (mean TF-IDF cosine) and `weight` (its rank). Act on one with
    `POST /api/corrections` (split, merge, or confirm to keep the stories as they are). The
    same question is answered again for a minute unless a correction is made."""
    end, hours, count = window(until, days, limit)
    found = recent(request).doubts(store, until=end, hours=hours, limit=count)
    return review.as_json(found)
