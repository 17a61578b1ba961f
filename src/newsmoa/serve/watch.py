"""`newsmoa watch`: what arrives in the sources, into the store, poll after poll.

A poll's articles go in as one batch, `Newsroom.ingest(items, defer_analysis=True)`: stored
and placed in their stories at once (a few milliseconds an article, see `make bench`,
section ingest), and decided together, so that two reports of one event arriving in the same
poll find each other. Then (`recluster_every`) the stored articles within the clustering window
of the poll's, and of the polls before it that were not, are decided again with them as one
batch (`Newsroom.recluster_pending`; the articles wait in the store's queue until then, so a
poll that fails after storing them loses nothing): what earlier polls placed seeing only what
had arrived is decided with what has (articles added a few at a time cluster worse
otherwise: `cluster/README.md`, "Arrival"). The slow part,
sentences and facts (Kiwi) and the story documents, follows for the stories that changed,
once each, so a burst of reprints of one release rebuilds its story once.

A poll whose ingest fails (the database locked or gone away) is not lost: its items are tried
again at the next poll, with the store reopened and the story index reloaded from it (the
failed transaction left the store as it was, but not the index in memory). After
`ALONE_AFTER` failures in a row they are tried one at a time: an item that fails alone while
another goes in is left out, named (`on_left_out`), so that one bad item does not hold every
later poll back; when all fail alone, the store is at fault and they are all kept. A store
whose file was deleted or replaced under the watch (`store.access.GONE`) stops it with that
error: what earlier polls handed out is not in the file there now, and a watch started again
reads its sources again into it.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsmoa.ingest.readers import Item
from newsmoa.pipeline import IngestReport, Newsroom, ReclusterReport, story_document
from newsmoa.store import Store
from newsmoa.store.access import is_gone


@dataclass(frozen=True)
class Round:
    report: IngestReport  # the poll's ingest (stories: merges resolved)
    rebuilt: int  # story documents built after it
    placed: list[tuple[str, str]]  # (origin, story) of the poll's articles, after `reclustered`
    reclustered: ReclusterReport | None = None  # the window decided again after the poll


def run_round(room: Newsroom, items: Sequence[Item], *, recluster: bool = False) -> Round:
    """Ingest a poll's `items` as one batch; with `recluster`, the stored articles around
    them are then decided again with them as one batch (`Newsroom.recluster_pending`: what
    earlier polls placed, seeing only what had arrived, is decided with everything that has);
    then build the documents of the stories that changed."""
    report = room.ingest(items, defer_analysis=True, recluster=recluster)
    stories = list(dict.fromkeys(room.store.resolve(s) for s in report.stories))
    for story in stories:
        story_document(room.store, story)
    placed = [(origin, story) for origin, _, story in report.placed]
    return Round(report, len(stories), placed, report.reclustered)


ALONE_AFTER = 3  # failed polls in a row before the items are tried one at a time


def watch(
    poll: Callable[[], list[Item]],
    open_store: Callable[[], Store],
    on_round: Callable[[Round], None],
    on_failure: Callable[[Exception, int], None],
    on_left_out: Callable[[Item, Exception], None] = lambda item, exc: None,
    *,
    interval: float,
    polls: int | None = None,
    recluster_every: int = 1,
) -> bool:
    """Poll `polls` times (None: until interrupted), `interval` seconds apart; after every
    `recluster_every`-th poll that added articles (0: never), decide the window again
    (`run_round`). Returns whether every round went in without an input error or a failure."""
    room: Newsroom | None = None
    pending: list[Item] = []
    failures = 0  # in a row, with these items pending
    ok = True
    done = 0
    adding = 0  # polls that added articles since the window was last decided again
    while polls is None or done < polls:
        if done:
            time.sleep(interval)
        done += 1
        pending.extend(poll())
        if not pending:
            continue
        try:
            room = room or Newsroom(open_store())
            due = recluster_every > 0 and adding + 1 >= recluster_every
            got = run_round(room, pending, recluster=due)
        except Exception as exc:  # noqa: BLE001 - a daemon reports, keeps the items, goes on
            if is_gone(exc):  # its file deleted or replaced: what earlier polls handed out
                if room is not None:  # is not in the file there now; a watch started again
                    room.store.close()  # reads its sources again
                raise
            ok = False
            failures += 1
            on_failure(exc, len(pending))
            if room is not None:
                with contextlib.suppress(Exception):  # already broken: nothing more to do
                    room.store.close()
            room = None
            if failures >= ALONE_AFTER and len(pending) > 1:
                pending = _alone(pending, open_store, on_round, on_left_out)
                failures = 0
            continue
        pending, failures = [], 0
        adding = 0 if got.reclustered else adding + (got.report.added > 0)
        ok = ok and not got.report.failed
        on_round(got)
    if room is not None:
        room.store.close()
    return ok


def failure_said(store: str, exc: Exception) -> str:
    """What a failed poll says of its failure: the store named once (a store's own error
    begins with its name, and the line said it twice)."""
    said = str(exc)
    return said if said.startswith(store) else f"{store}: {said}"


def _alone(
    items: list[Item],
    open_store: Callable[[], Store],
    on_round: Callable[[Round], None],
    on_left_out: Callable[[Item, Exception], None],
) -> list[Item]:
    """Ingest `items` one at a time; returns those still to try: none when some went in (the
    ones that failed alone are left out, named), all when none did (the store is at fault)."""
    failed: list[tuple[Item, Exception]] = []
    went_in = 0
    for k, item in enumerate(items):
        try:
            with contextlib.closing(open_store()) as store:
                got = run_round(Newsroom(store), [item])
        except Exception as exc:  # noqa: BLE001 - the item is what is tried here
            if _store_fault(exc):  # locked, gone away: not the item's fault; all wait
                return [i for i, _ in failed] + items[k:]
            failed.append((item, exc))
            continue
        went_in += 1
        on_round(got)
    if not went_in:
        return items
    for item, error in failed:
        on_left_out(item, error)
    return []


def _store_fault(exc: Exception) -> bool:
    """Whether a failure is the store's (a lock that timed out, a lost connection, a full
    disk), which says nothing about the item being ingested."""
    import sqlite3

    from newsmoa.errors import StoreError

    return isinstance(exc, (StoreError, sqlite3.Error, OSError)) or type(exc).__module__.startswith(
        "psycopg"
    )
