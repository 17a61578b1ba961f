"""The one place that builds the Korean analyzer (kiwipiepy).

Building Kiwi costs ~1-3 s and ~350-530 MB, so it is built once per process, lazily, and
shared (Kiwi is thread-safe for analysis). Stages receive it from `analyzer()`; nothing else
imports kiwipiepy. User words that the default model gets wrong in news text live in
`data/user_words.tsv` (form, tag, score).
"""

from __future__ import annotations

import threading
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

_lock = threading.Lock()


def _user_words() -> list[tuple[str, str, float]]:
    rows = []
    text = resources.files("newsmoa.text").joinpath("data/user_words.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, tag, score = (line.split("\t") + ["0"])[:3]
        rows.append((form, tag, float(score or 0)))
    return rows


@cache
def _build() -> Kiwi:
    from kiwipiepy import Kiwi

    kiwi = Kiwi(load_multi_dict=False)
    for form, tag, score in _user_words():
        kiwi.add_user_word(form, tag, score)
    return kiwi


def analyzer() -> Kiwi:
    """The process's shared Kiwi instance, built on first use."""
    with _lock:
        return _build()
