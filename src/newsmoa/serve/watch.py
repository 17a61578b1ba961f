"""`newsmoa watch`: what arrives in the sources, into the store, poll after poll.

A poll's articles go in as one batch, `Newsroom.ingest(items, defer_analysis=True)`: stored
and placed in their stories at once (a few milliseconds an article, see `make bench`,
section ingest), and decided together, so that two reports of one event arriving in the same
poll find each other (articles added one at a time cluster worse: `cluster/README.md`). The
slow part, sentences and facts (Kiwi) and the story documents, follows for the stories the
poll touched, once each, so a burst of reprints of one release rebuilds its story once.

A poll whose ingest fails (the database locked or gone away) is not lost: its items are tried
again at the next poll, with the store reopened and the story index reloaded from it (the
failed transaction left the store as it was, but not the index in memory).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsmoa.ingest.readers import Item
from newsmoa.pipeline import IngestReport, Newsroom, story_document
from newsmoa.store import Store


@dataclass(frozen=True)
class Round:
    report: IngestReport  # the poll's ingest (stories: merges resolved)
    rebuilt: int  # story documents built after it


def run_round(room: Newsroom, items: Sequence[Item]) -> Round:
    """Ingest a poll's `items` as one batch, then build the documents of the stories they
    changed."""
    report = room.ingest(items, defer_analysis=True)
    stories = list(dict.fromkeys(room.store.resolve(s) for s in report.stories))
    for story in stories:
        story_document(room.store, story)
    return Round(report, len(stories))


def watch(
    poll: Callable[[], list[Item]],
    open_store: Callable[[], Store],
    on_round: Callable[[Round], None],
    on_failure: Callable[[Exception, int], None],
    *,
    interval: float,
    polls: int | None = None,
) -> bool:
    """Poll `polls` times (None: until interrupted), `interval` seconds apart. Returns whether
    every round went in without an input error or a failure."""
    room: Newsroom | None = None
    pending: list[Item] = []
    ok = True
    done = 0
    while polls is None or done < polls:
        if done:
            time.sleep(interval)
        done += 1
        pending.extend(poll())
        if not pending:
            continue
        try:
            room = room or Newsroom(open_store())
            got = run_round(room, pending)
        except Exception as exc:  # noqa: BLE001 - a daemon reports, keeps the items, goes on
            ok = False
            on_failure(exc, len(pending))
            if room is not None:
                with contextlib.suppress(Exception):  # already broken: nothing more to do
                    room.store.close()
            room = None
            continue
        pending = []
        ok = ok and not got.report.failed
        on_round(got)
    if room is not None:
        room.store.close()
    return ok
