"""The stamp of the code that analyses articles and builds story documents.

A store keeps each article's sentences and facts and each story's document, so that a reader
does not wait for Kiwi; both are derived from the stored articles by this code. A store
records the stamp of the code that derived them (`analysed_with`), and what another stamp
derived reads as not derived yet: newsmoa derives it again when it is next needed (deferred
analysis), so that a store kept across an upgrade shows what the new code finds. Before this,
a story stored by an older newsmoa kept its old facts and disagreements for as long as no
article joined it (a black-box case: units and labels of an earlier version).

The stamp is a hash of the code and tables that derive them (`_DERIVING`: sentences, facts,
alignment and disagreements, the clustering package whose near-duplicate families a document
shows, the stored types) and of the versions of
the Korean analyser and its model: a change to them may change what an analysis finds, and
deriving a story again costs one analysis of its articles, on the first reading. It is taken
when a store is opened (`newsmoa.store.open_store`), so that code loaded before an upgrade of
the files does not stamp its output with the new code's stamp. A process of an older newsmoa
still running against an upgraded store writes analyses and documents without touching their
stamps: restart such processes (`watch`, `serve`) when upgrading.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata, resources
from importlib.abc import Traversable

# The package's parts that derive stored analyses and documents (folders and files): what
# sentence splitting, fact extraction and `reconcile.story.build_story` load
# (`tests/store/test_stamp.py` checks it).
_DERIVING = (
    "__init__.py",
    "types.py",
    "codec.py",
    "text",
    "facts",
    "reconcile",
    "dedup",
    "cluster",
    "extract/__init__.py",
    "extract/tables.py",
    "extract/data",
    "store/base.py",
)
_NOT = ("facts/ner",)  # the entity model: `newsmoa entities`, not the stored analysis
_READ = (".py", ".tsv", ".txt")  # code and tables, not binary files
_ANALYSER = ("kiwipiepy", "kiwipiepy_model")


@cache
def analysis_stamp() -> str:
    """16 hexadecimal digits naming the code, tables and analyser that derive stories."""
    digest = hashlib.blake2b(digest_size=8)
    for name in _ANALYSER:
        digest.update(f"{name}=={_version(name)}\n".encode())
    root = resources.files("newsmoa")
    for name, data in sorted(f for part in _DERIVING for f in _files(root, part)):
        digest.update(name.encode())
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _files(root: Traversable, part: str) -> list[tuple[str, bytes]]:
    entry = root.joinpath(*part.split("/"))
    if part in _NOT or entry.name == "__pycache__":
        return []
    if entry.is_dir():
        return [f for child in entry.iterdir() for f in _files(root, f"{part}/{child.name}")]
    if entry.is_file() and entry.name.endswith(_READ):
        return [(part, entry.read_bytes())]
    return []
