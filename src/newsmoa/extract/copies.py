"""Two outlets' word-for-word copies of one text are two articles (two placements).

An article given without an id or URL is keyed by its text's hash (`extract`). A release
that two outlets print word for word would then be one article, and the second outlet's
copy "already present": a placement lost. The first outlet to hold a text keeps its plain
hash; another outlet's copy of it is keyed by the hash of the text and that outlet. Who holds
it is decided against the store first (an id once stored keeps naming what it named), then
in the batch in a canonical order (time, outlet, origin), so the ids do not depend on the
input's order. The same outlet (as the current outlet table names it, so that an alias added
since is the same outlet), or a copy whose outlet is unknown on either side, is the same
article, as before.

Keying every text-keyed article by its outlet from the start would also do this, but a
stored article whose outlet is found later (a byline added, an e-mail domain, a newer
outlet table) would get a new id and be stored twice (a review of that design, 2026-11-29).
Here an outlet found later, where none was known, is the same article. One found
*different* later (a file's byline changed to another outlet's) is another outlet's copy,
as another outlet's copy written over a file is (`pipeline.Newsroom._versions_by_file`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from newsmoa.extract.tables import outlets
from newsmoa.text.normalize import content_hash
from newsmoa.types import Article


def text_keyed(a: Article) -> bool:
    """Whether `a`'s id is its text's hash: it was given without an id or URL (`extract`);
    a flash, which has no text, is keyed by its headline, outlet and time already."""
    return a.url is None and bool(a.text) and a.id == a.content_hash


def outlet_key(outlet: str | None) -> str | None:
    """An outlet as the current table names it, so that an alias is the same outlet."""
    if not outlet or not outlet.strip():
        return None
    return outlets().canonical(outlet) or outlet.strip()


def copy_id(text_id: str, outlet: str) -> str:
    """The id of `outlet`'s copy of the text keyed `text_id` when another outlet holds it."""
    return content_hash(f"{text_id}\n{outlet}")


def copy_ids(articles: Sequence[Article], holders: Mapping[str, str | None]) -> list[str]:
    """The id of each of `articles`: the id it has, except another outlet's copy of a
    text-keyed one. `holders`: the outlet (None: unknown) of each stored article among
    their ids."""
    ids = [a.id for a in articles]
    groups: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        if text_keyed(a):
            groups.setdefault(a.id, []).append(i)
    for text_id, members in groups.items():
        keys = {i: outlet_key(articles[i].outlet) for i in members}
        owner = outlet_key(holders.get(text_id))
        if owner is None:  # the batch's first known outlet, in a canonical order
            known = sorted((_order(articles[i], keys[i]), keys[i]) for i in members if keys[i])
            owner = known[0][1] if known else None
        for i in members:
            key = keys[i]
            if key is not None and owner is not None and key != owner:
                ids[i] = copy_id(text_id, key)
    return ids


def _order(a: Article, key: str | None) -> tuple[float, str, str]:
    return (a.published.timestamp() if a.published else math.inf, key or "", a.origin)
