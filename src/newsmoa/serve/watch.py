"""`newsmoa watch`: one round of arrivals into the store.

Each arriving article is its own `Newsroom.ingest([item], defer_analysis=True)` call: it is
stored and placed in its story at once (milliseconds, see `make bench`, section ingest). The
slow part, sentences and facts (Kiwi) and the story documents, is done once per round for
the stories the round touched, so a burst of reprints of one release rebuilds its story once,
not once per reprint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsmoa.errors import InputError
from newsmoa.ingest.readers import Item
from newsmoa.pipeline import Newsroom, story_document


@dataclass
class Round:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    new_stories: int = 0
    errors: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # "origin: reason"
    stories: list[str] = field(default_factory=list)  # touched, merges resolved, documents built

    @property
    def failed(self) -> bool:
        return bool(self.errors)


def run_round(
    room: Newsroom, items: Sequence[Item], *, on_placed: Callable[[str, str], None] | None = None
) -> Round:
    """Ingest `items` one call each, then build the documents of the stories they changed.
    `on_placed(origin, story)` is called as each new or changed article is placed."""
    got = Round()
    touched: list[str] = []
    for item in items:
        if isinstance(item, InputError):
            got.errors.append(str(item))
            continue
        report = room.ingest([item], defer_analysis=True)
        got.errors.extend(report.errors)
        got.dropped.extend(f"{item.origin}: {why}" for why in report.dropped)
        got.added += report.added
        got.updated += report.updated
        got.unchanged += report.unchanged
        got.new_stories += report.new_stories
        if report.stories and on_placed:
            on_placed(item.origin, report.stories[0])
        touched.extend(report.stories)
    got.stories = list(dict.fromkeys(room.store.resolve(s) for s in touched))
    for story in got.stories:
        story_document(room.store, story)
    return got
