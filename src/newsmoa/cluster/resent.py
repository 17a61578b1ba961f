"""Whether a press release's headline says it corrects an earlier release (`[정정]`,
`바로잡습니다`): the words are the facts stage's table (`facts/data/correction_marks.tsv`,
which `reconcile.align` reads for the same question), read here without importing that
stage, which the `cluster` command does not load."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources


@cache
def _marks() -> tuple[str, ...]:
    text = resources.files("newsmoa").joinpath("facts/data/correction_marks.tsv")
    lines = text.read_text("utf-8").splitlines()
    return tuple(s.lower() for s in (x.strip() for x in lines) if s and not s.startswith("#"))


def says_it_corrects(words: Sequence[str]) -> bool:
    """Whether headline words (`Features.words`, lower-cased) carry a correction mark: a
    word that is one (`[정정]`), or that starts with one of three letters or more
    (`바로잡습니다`); a mark of two words as two words. A word that only starts with a short
    mark is another word (`정정당당`)."""
    found = [w.lower() for w in words]
    head = f" {' '.join(found)} "
    for mark in _marks():
        if " " in mark:
            if f" {mark} " in head:
                return True
        elif any(w == mark or (len(mark) >= 3 and w.startswith(mark)) for w in found):
            return True
    return False
