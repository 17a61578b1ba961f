"""Two outlets' word-for-word copies of one text are two articles (two placements).

An article given without an id or URL is keyed by its text's hash (`extract`). A release
that two outlets print word for word would then be one article, and the second outlet's
copy "already present": a placement lost. So such an article is the stored article that
holds its text (found by the text's hash, whatever its id) under its outlet; a new one
takes the text's hash as its id where no article has that id yet, else the hash of the text
and its outlet. Its outlet matches when it is the same outlet as the current outlet table
names it (an alias added since is the same outlet) or either is unknown (a byline added
later, a paste without one). Found by text, a stored copy is found whatever its id was
derived from: the id is never derived again.

Keying every text-keyed article by its outlet from the start (reverted) would give an
article whose outlet is found later a new id, and store it twice; deriving only the
copies' ids from their outlet (a first version of this module) did so for copies, and for an
edited file's article whose new text another outlet printed in the same batch (reviews of
2026-11-29). An article stored without a known outlet takes the first outlet found for it
(`pipeline.Newsroom._sorted`: a new version), so a second outlet's copy after that is its
own article. Left as they are: an outlet is stored as the table then named it, so a table
that drops an alias makes the next reading of a copy under the old name another outlet's
(tables only grow in practice); and a file whose byline now names another outlet is that
outlet's copy, as another outlet's copy written over a file is
(`pipeline.Newsroom._versions_by_file`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from newsmoa.extract.tables import outlets
from newsmoa.text.normalize import text_id
from newsmoa.types import Article


def text_keyed(a: Article) -> bool:
    """Whether `a`'s id is made from its text (`text_id`): it was given without an id or URL
    (`extract`); a flash, which has no text, is keyed by its headline, outlet and time."""
    return a.url is None and bool(a.text) and a.id == text_id(a.text)


def outlet_key(outlet: str | None) -> str | None:
    """An outlet as the current table names it, so that an alias is the same outlet."""
    if not outlet or not outlet.strip():
        return None
    return outlets().canonical(outlet) or outlet.strip()


def copy_id(text_key: str, outlet: str) -> str:
    """The id of `outlet`'s copy of the text keyed `text_key` when another outlet holds it."""
    return text_id(f"{text_key}\n{outlet}")


Stored = tuple[str, "str | None", bool]  # a stored article: (id, outlet or None, release)
RELEASE = "\x00release"  # the outlet key of a press release (`ingest --release`)


def copy_ids(
    articles: Sequence[Article],
    holding: Mapping[str, Sequence[Stored]],
    outlets_of: Mapping[str, str | None],
) -> list[str]:
    """The id of each of `articles`: the id it has, except for a text-keyed one, which is
    the stored article holding its text (`holding`: content hash -> stored articles, a text
    found whatever its line breaks) under its outlet; else the stored article under its id
    (`outlets_of`: id -> outlet, whatever text it holds now: a new version of it) under the
    same outlet; else a new id: its text's id where no article holds it yet, or the id of
    the text and the outlet. Outlets match when they are one outlet as the current table
    names them, or, for an article holding the same text, either is unknown (an unknown
    outlet is not a reason to make a copy of an article that holds another text now: an
    outlet-less file edited since keeps its old text's other copies apart). Within the
    batch, articles with a known outlet claim ids first, in a canonical order."""
    ids = [a.id for a in articles]
    groups: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        if text_keyed(a):
            groups.setdefault(a.content_hash, []).append(i)
    for digest, members in groups.items():
        keys = {i: _key(articles[i].outlet, articles[i].is_release) for i in members}
        claims = _Claims(holding.get(digest, ()))
        for own in sorted({articles[i].id for i in members}):
            if own in outlets_of and own not in claims.taken:  # another text now:
                claims.add(own, outlet_key(outlets_of[own]), held=False)  # same outlet only
        for i in sorted(members, key=lambda i: _order(articles[i], keys[i])):
            key, own = keys[i], articles[i].id
            found = claims.find(key)
            if found is None:
                found = own if own not in claims.taken else copy_id(own, key or "")
                claims.add(found, key, held=True)
            ids[i] = found
    return ids


class _Claims:
    """The ids a text's articles hold, by whose they are (a batch of thousands of copies of
    one text is decided in one pass). `held`: the id holds this very text (an id holding
    another text now, an edited article's, is matched by its outlet only)."""

    def __init__(self, stored: Sequence[Stored]) -> None:
        self.taken: set[str] = set()
        self.by_key: dict[str, str] = {}  # outlet key -> the first id it holds
        self.unnamed: list[str] = []  # ids of this text whose outlet is unknown, in order
        self.first_held: str | None = None
        self._unnamed_other: str | None = None  # an id of another text, outlet unknown
        for aid, outlet, release in stored:
            self.add(aid, _key(outlet, release), held=True)

    def add(self, aid: str, key: str | None, *, held: bool) -> None:
        self.taken.add(aid)
        if key is not None:
            self.by_key.setdefault(key, aid)
        elif held:
            self.unnamed.append(aid)
        elif self._unnamed_other is None:
            self._unnamed_other = aid
        if held and self.first_held is None:
            self.first_held = aid

    def find(self, key: str | None) -> str | None:
        """The id an article of this outlet is: the outlet's own; else, for this very text,
        one whose outlet is unknown (which is this outlet's from now on), or, for an article
        whose outlet is unknown, the first."""
        if key is None:
            exact = self.unnamed[0] if self.unnamed else self._unnamed_other
            return exact if exact is not None else self.first_held
        if key in self.by_key:
            return self.by_key[key]
        if self.unnamed:
            aid = self.unnamed.pop(0)
            self.by_key[key] = aid
            return aid
        return None


def _key(outlet: str | None, release: bool) -> str | None:
    """Whose a copy is: a press release is its own, never an outlet's reprint of it (a
    release word for word as one outlet printed it was dropped as that outlet's article)."""
    return RELEASE if release else outlet_key(outlet)


def _order(a: Article, key: str | None) -> tuple[bool, float, str, str]:
    """Known outlets first (an unknown one is then the same article as one of them)."""
    return (key is None, a.published.timestamp() if a.published else math.inf, key or "", a.origin)
