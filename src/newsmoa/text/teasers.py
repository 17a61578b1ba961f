"""Whether a text is another's opening cut down: a feed's summary (`…청솔군은 24일 한빛농업…`)
or a listing's teaser of an article whose whole text is stored.

A feed that sends its first 120 characters and an ellipsis where it sent the whole article
before is no new version of it: read as one, the stored text became the teaser, the story
lost the article's facts, and the whole text read again was refused as an older version.
A text is a teaser of another when, spaces aside, it is a proper start of it and ends with a
teaser's mark (`data/teaser_endings.txt`: `…`, `[...]`, `더보기`), or stops in the middle of
a sentence, or holds under half of it (extraction drops a teaser's last, cut line with its
`…`, so what is left may end a sentence). A version that only drops the article's last
sentence or paragraph (an outlet took a wrong one out) ends where a sentence ends and keeps
most of the text: a new version.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_SPACE = re.compile(r"\s+")
# a sentence's end: a stop, maybe closed by a quotation mark or a bracket
_ENDED = re.compile(r"[.?!。][\"'”’)\]]*$")
# shorter than this, a start says too little to be the article's opening (a headline alone
# is `pipeline`'s bare read)
MIN_CHARS = 40


@cache
def teaser_endings() -> tuple[str, ...]:
    """The marks a teaser ends with (`data/teaser_endings.txt`), lower case, longest first."""
    text = resources.files("newsmoa.text").joinpath("data/teaser_endings.txt").read_text("utf-8")
    marks = {w.lower() for line in text.splitlines() if (w := line.strip()) and w[0] != "#"}
    return tuple(sorted(marks, key=len, reverse=True))


def _flat(text: str) -> str:
    return _SPACE.sub("", text)


def without_mark(text: str) -> tuple[str, bool]:
    """`text` without the teaser's mark it ends with, and whether it had one."""
    body = text.rstrip()
    lower = body.lower()
    for mark in teaser_endings():
        if lower.endswith(mark):
            return body[: len(body) - len(mark)].rstrip(), True
    return body, False


def is_teaser_of(text: str, whole: str, *, min_chars: int = MIN_CHARS) -> bool:
    """Whether `text` is `whole`'s opening cut down (module doc). `min_chars`: what a start
    must hold to say so; less where something else says the two are one article (both read
    from one page: `pipeline.same_page_ids`)."""
    body, marked = without_mark(text)
    flat, full = _flat(body), _flat(whole)
    if len(flat) < min_chars or len(flat) >= len(full) or not full.startswith(flat):
        return False
    return marked or _ENDED.search(body) is None or len(flat) * 2 < len(full)
