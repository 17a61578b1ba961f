"""The analysis stamp covers the code that derives stored analyses and documents."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

_LOADED = """
import json, sys
from newsmoa.facts import extract_facts
from newsmoa.reconcile.story import build_story
from newsmoa.text.sentences import split_sentences
print(json.dumps({n: m.__file__ for n, m in sys.modules.items()
                  if n.startswith("newsmoa") and getattr(m, "__file__", None)}))
"""


def test_the_stamp_covers_every_module_an_analysis_and_a_document_load():
    """A module the derivation loads but the stamp does not cover would change stories
    without their being derived again (a review: `cluster/_kernels.py`, which near-duplicate
    families use, was not covered). The stamp itself and the store's opening are not
    derivation. (A process of its own: the other tests load more.)"""
    from newsmoa.stamp import _DERIVING, _NOT

    root = str(resources.files("newsmoa"))
    found = subprocess.run([sys.executable, "-c", _LOADED], capture_output=True, check=True)
    loaded = json.loads(found.stdout)
    uncovered = []
    for name, path in sorted(loaded.items()):
        if name in ("newsmoa.stamp", "newsmoa.store"):
            continue
        relative = path[len(root) + 1 :].replace("\\", "/")
        covered = any(relative == p or relative.startswith(p + "/") for p in _DERIVING)
        if not covered or any(relative.startswith(p + "/") for p in _NOT):
            uncovered.append(relative)
    assert len(loaded) > 20 and uncovered == []


def test_the_stamp_changes_with_a_table_and_the_analysers_version(monkeypatch):
    from newsmoa import stamp

    before = stamp.analysis_stamp.__wrapped__()
    monkeypatch.setattr(stamp, "_version", lambda name: "0.0")
    assert stamp.analysis_stamp.__wrapped__() != before
    monkeypatch.undo()
    real = stamp._files

    def edited(root, part):
        return [(n, d + b"\n" if n == "facts/data/units.tsv" else d) for n, d in real(root, part)]

    monkeypatch.setattr(stamp, "_files", edited)
    assert stamp.analysis_stamp.__wrapped__() != before
