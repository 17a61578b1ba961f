"""`newsmoa watch`: one poll's arrivals into the store.

A poll's articles go in as one batch, `Newsroom.ingest(items, defer_analysis=True)`: stored
and placed in their stories at once (a few milliseconds an article, see `make bench`,
section ingest), and decided together, so that two reports of one event arriving in the same
poll find each other (articles added one at a time cluster worse: `cluster/README.md`). The
slow part, sentences and facts (Kiwi) and the story documents, follows for the stories the
poll touched, once each, so a burst of reprints of one release rebuilds its story once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsmoa.ingest.readers import Item
from newsmoa.pipeline import IngestReport, Newsroom, story_document


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
