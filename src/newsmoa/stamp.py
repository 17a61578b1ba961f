"""The stamp of the code that analyses articles and builds story documents.

A store keeps each article's sentences and facts and each story's document, so that a reader
does not wait for Kiwi; both are derived from the stored articles by this code. A store
records the stamp of the code that derived them (`analysed_with`), and what another stamp
derived reads as not derived yet: newsmoa derives it again when it is next needed (deferred
analysis), so that a store kept across an upgrade shows what the new code finds. Before this,
a story stored by an older newsmoa kept its old facts and disagreements for as long as no
article joined it (a black-box case: units and labels of an earlier version).

The stamp is a hash of the package's code and tables, all but the parts that serve, evaluate
or run the archive jobs: any change to them may change what an analysis finds, and deriving
a story again costs one analysis of its articles, on the first reading.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from importlib.abc import Traversable

_SKIPPED = frozenset({"serve", "eval", "backfill", "__pycache__"})  # (top-level folders)
_READ = (".py", ".tsv", ".txt")  # code and tables, not the models' binary files


@cache
def analysis_stamp() -> str:
    """16 hexadecimal digits naming the code and tables that analyse and build stories."""
    digest = hashlib.blake2b(digest_size=8)
    for name, data in sorted(_files(resources.files("newsmoa"), "", top=True)):
        digest.update(name.encode())
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def _files(folder: Traversable, prefix: str, *, top: bool = False) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for entry in folder.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__" and not (top and entry.name in _SKIPPED):
                out.extend(_files(entry, f"{prefix}{entry.name}/"))
        elif entry.name.endswith(_READ):
            out.append((prefix + entry.name, entry.read_bytes()))
    return out
