"""A story id as a user types it: whole, or a unique prefix of at least `MIN_PREFIX`
characters (`show s8a6bae`), as git takes a commit's."""

from __future__ import annotations

from newsmoa.errors import NotFound
from newsmoa.store import Store

MIN_PREFIX = 6
SHOWN = 10  # candidates an ambiguous prefix names


def story_id(store: Store, given: str) -> str:
    """The id `given` names: itself when a story has (or had) it, else the one story whose
    id, or an id merged into it, starts with it. Raises `NotFound` for a prefix several
    stories' ids start with, naming them, and for a start of ids shorter than `MIN_PREFIX`,
    saying so; an id unknown comes back as given (the command says it is not there). An id
    typed in capitals is read in lower case, as ids are written."""
    given = given.strip()
    if store.story_id_known(given):
        return given
    lower = given.lower()  # ids are written in lower case (`SA8C11D85D1ED` said "no story")
    if lower != given and not store.story_ids_starting(given, limit=1):
        named = story_id(store, lower)
        return named if named != lower or store.story_id_known(lower) else given
    found = store.story_ids_starting(given, limit=SHOWN + 1)
    if len(given) < MIN_PREFIX:
        if found:  # (a few characters copied: say how many it takes)
            n = len(found)
            ids = (
                "1 story's id"
                if n == 1
                else f"{'more than ' * (n > SHOWN)}{min(n, SHOWN)} stories' ids"
            )
            raise NotFound(
                f"no story {given!r}: a story is named by the start of its id from {MIN_PREFIX}"
                f" characters on, and {given!r} is the start of {ids}"
            )
        return given
    if len(found) == 1:
        return next(iter(found))
    if not found:
        return given
    shown = list(found.items())[:SHOWN]
    named = "; ".join(f"{s} ({title or 'no title'})" for s, title in shown)
    more = " and more" if len(found) > SHOWN else ""
    raise NotFound(
        f"story id {given!r} is ambiguous: it starts the ids of {named}{more}; give more of it"
    )
