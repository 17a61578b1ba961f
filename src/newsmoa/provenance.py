"""Whether an item was read from the input a stored article's current version came from
(`newsmoa refresh`: only that input's reading may replace the current version).

An article stores the origin of its current version as its input named it (`a.jsonl:7`,
`clips/a.txt#2`, a URL, a feed's URL and `#3` for its third item) and, for a local text or
HTML file, the file resolved (`StoredArticle.source`, moved with the file). An input is the
origin without its position in it (a line, a pasted article's or a feed item's number): the
item's place may move in an export or a feed written again. A path is compared as typed,
so that one typed from another folder (`in.jsonl`, `/home/press/in.jsonl`) or `./in.jsonl`
is the same input: one path's parts end the other's. Where the stored path names a file
from here (absolute, or relative and there), or the stored article has a local file, the
two are the same file or not the same input (a backup `old/a.txt` is not `clips/a.txt`,
whatever folder it is typed from). A URL is the same URL.
"""

from __future__ import annotations

import os
import re

from newsmoa.ingest.readers import source_file, url_scheme

# a position in an input: a line of a JSONL or CSV file, a pasted article's or feed item's number
_POSITION = re.compile(r"(?::\d+)?(?:#\d+)?$")


def _unplaced(origin: str) -> str:
    """`origin` without its position in its input (`a.jsonl:7` -> `a.jsonl`)."""
    return _POSITION.sub("", origin) or origin


def input_of(origin: str) -> str | tuple[str, ...]:
    """The input `origin` names: a URL as a string, a path as its parts."""
    where = _unplaced(origin)
    if url_scheme(where):
        return where
    parts = os.path.normpath(where).replace(os.sep, "/").split("/")
    return tuple(p for p in parts if p not in ("", "."))


def same_input(origin: str, stored: str, source: str | None = None) -> bool:
    """Whether the item of `origin` was read from the input of a stored version whose origin
    was `stored` and whose local file is `source` (None: not a local file)."""
    if not stored:
        return True  # (an origin not stored says nothing against it)
    if source is not None and (mine_file := source_file(origin)) is not None:
        return mine_file == source
    mine, theirs = input_of(origin), input_of(stored)
    if isinstance(mine, str) or isinstance(theirs, str):
        return mine == theirs
    path = _unplaced(stored)
    if os.path.isabs(path) or os.path.isfile(path):
        return os.path.realpath(_unplaced(origin)) == os.path.realpath(path)
    short, long = sorted((mine, theirs), key=len)
    return bool(short) and long[len(long) - len(short) :] == short
