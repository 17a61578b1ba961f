"""A page a crawler flattened into one paragraph: what it glued into the article's text.

A crawl that keeps only the text of the article's container (a CSV of crawled articles, an
archive's dump) loses the line breaks that set the signature, the copyright notice and the
page's script apart from the body:

    ...고 밝혔다.이정우 기자 sisleyj@segye.com[ⓒ 세계일보 & Segye.com, 무단전재 및 재배포 금지]
    ...고 밝혔다.window.googletag = window.googletag || {cmd: []};googletag.cmd.push(...);앞서 ...

`lines` knows each of these when it stands on a line of its own; here they are found inside a
paragraph: script anywhere in it (`without_script`), the rest after the body's last sentence
(`split_tail`). Korean paragraphs only: script is told from text by the Hangul around it, and
the body's last sentence by its Hangul ending; in other paragraphs nothing is taken.
"""

from __future__ import annotations

import re

from newsmoa.extract.bylines import Byline, signature_run
from newsmoa.extract.lines import CLOSERS
from newsmoa.extract.tables import copyright_patterns, credit_patterns

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_NO_HANGUL_RUN = re.compile(r"[^\uac00-\ud7a3\n]{30,}")
# a sentence's end: a Hangul syllable, its stop, and the quotes or brackets that close it
_SENTENCE_END = re.compile(rf"[\uac00-\ud7a3][.!?。]+[{re.escape(CLOSERS)}」』]*")
_STOPS = f".!?。{CLOSERS}」』 "
_NOTICE_OPENERS = " \t[(<【《〈ⓒⒸ©"


def without_script(paragraph: str) -> str:
    """The paragraph without the inline script a crawler kept (an ad slot's `googletag`
    calls): a run of 30+ characters without Hangul that has code's braces and semicolons."""
    if "{" not in paragraph and "}" not in paragraph:
        return paragraph  # most paragraphs end here
    if not _HANGUL.search(paragraph):
        return paragraph  # not Korean: the whole paragraph is one run
    return _NO_HANGUL_RUN.sub(_blank_if_script, paragraph)


def _blank_if_script(m: re.Match[str]) -> str:
    """A script run as one space, after the stop and quotes that close the sentence before it."""
    run = m.group()
    braces = run.count("{") + run.count("}")
    if not (braces and ";" in run and braces + run.count(";") + run.count("(") >= 4):
        return run
    code = run.lstrip(_STOPS)
    return f"{run[: len(run) - len(code)]} "


def split_tail(paragraph: str) -> tuple[str, Byline | None]:
    """The last paragraph without what a crawler glued after its last sentence (a copyright
    notice, a photo credit, the reporters' signatures), and the first signature's byline.

    What follows the last sentence is taken only when it reads as a whole: the copyright
    notice to the end (it opens at the first copyright pattern, with its bracket), the credits
    before it (`credits.tsv`), and before those only signatures (`bylines.signature_run`), or
    signatures, the first with its e-mail, and then anything. Text there that is none of
    these stays (a column's "김정호 카이스트 석좌교수"), its notice gone."""
    end = paragraph.rstrip()
    if not end or end.rstrip(CLOSERS)[-1:] in ".?!。":
        return paragraph, None  # ends on a sentence: nothing glued (most paragraphs)
    cut = _last_sentence_end(end)
    if cut is None:
        return paragraph, None
    tail = end[cut:]
    rest = tail[: _notice_start(tail)]
    rest = _without_credits(rest).strip()
    if not rest:
        return end[:cut], None
    run = signature_run(rest)
    # after a signature with its e-mail the article is over: what follows is the page's
    # (links to the desk's pages, a video's promotion)
    if run is not None and (run[1] >= len(rest) or run[0].email):
        return end[:cut], run[0]
    if len(rest) == len(tail.strip()):
        return paragraph, None
    return f"{end[:cut]} {rest}", None


def _last_sentence_end(text: str) -> int | None:
    last = None
    for m in _SENTENCE_END.finditer(text):
        last = m
    return last.end() if last else None


def _notice_start(tail: str) -> int:
    """Where a copyright notice opens in the tail (its length when none does)."""
    starts = [m.start() for p in copyright_patterns() if (m := p.search(tail))]
    if not starts:
        return len(tail)
    at = min(starts)
    while at > 0 and tail[at - 1] in _NOTICE_OPENERS:
        at -= 1
    return at


def _without_credits(text: str) -> str:
    while True:
        for p in credit_patterns():
            m = p.search(text)
            if m:
                text = text[: m.start()]
                break
        else:
            return text
