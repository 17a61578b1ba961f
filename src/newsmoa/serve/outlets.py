"""An outlet as a user types it (`--outlet`, `?outlet=`): the store's name for it, its
letters matched in any case (`chungsol herald` is `Chungsol Herald`); and what to say of
a name that is none of the store's outlets (a typo?), alike on the command line and in the
API."""

from __future__ import annotations

from collections.abc import Sequence


def outlet_named(known: Sequence[str], asked: str) -> str | None:
    """The outlet among `known` (the store's) that `asked` names: itself, else the first
    equal to it but for case (`casefold`: Latin letters; Korean has none) and the spaces
    around it (pasted from a page); None when no outlet is."""
    if asked in known:
        return asked
    folded = asked.strip().casefold()
    return next((name for name in known if name.casefold() == folded), None)


def unknown_outlet(known: Sequence[str], asked: str, what: str) -> str:
    """What to say of `asked`, none of `known`: `no stories from 'x'; the store's outlets:
    …` (`what`: stories, articles)."""
    return f"no {what} from {asked!r}; the store's outlets: {', '.join(known) or 'none'}"
