"""Where a fact stands in its article: the sentence and clause around it, and a quote.

The story's consolidated sentences give each article's sentence spans (one source per
article variant); an article they do not cover is cut on line ends and `다.`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsmoa.facts import clauses_en, quoted
from newsmoa.facts.clauses import Clause, analyse, clause_at
from newsmoa.text.script import english
from newsmoa.types import Article, ConsolidatedSentence, Source

QUOTE_MAX = 90  # characters; a longer clause is cut to words around the fact
_FALLBACK = re.compile(r"[^\n]+?(?:[다요]\.(?=\s|$)|$)", re.M)
_TRIM = " \t\n,.;:·"


def sentence_spans(
    article: Article, sentences: Sequence[ConsolidatedSentence]
) -> list[tuple[int, int]]:
    """The article's sentence spans, from the story's sentences or cut from the text."""
    spans = sorted(
        {
            (s.start, s.end)
            for cs in sentences
            for s in cs.sources
            if s.article == article.id and 0 <= s.start < s.end <= len(article.text)
        }
    )
    if not spans:
        spans = [
            (m.start(), m.end()) for m in _FALLBACK.finditer(article.text) if m.group().strip()
        ]
    return spans


def span_at(spans: Sequence[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The sentence span holding character `pos`."""
    return next(((start, end) for start, end in spans if start <= pos < end), None)


def _clauses_at(
    article: Article, spans: Sequence[tuple[int, int]], pos: int
) -> Sequence[Clause] | None:
    """The clauses of the sentence holding character `pos`, by the rules of its language."""
    found = span_at(spans, pos)
    if found is None:
        return None
    words = article.text[found[0] : found[1]]
    if english(article.text):
        return clauses_en.clauses(words, found[0])
    return analyse(words, found[0]).clauses


def quote(article: Article, spans: Sequence[tuple[int, int]], start: int, end: int) -> Source:
    """A source whose `quote` is the clause around `[start, end)` (`quote == text[s:e]`); in
    a quotation, its sentence: the quotation with who says it (`김 군수는 “… 착공한다. …”고
    말했다`), not a clause cut at the quotation's first stop, whose words read as the
    outlet's own."""
    clauses = _clauses_at(article, spans, start)
    lo, hi = start, end
    for pos in (start, max(end - 1, start)):
        if clauses and (clause := clause_at(clauses, pos)) is not None:
            lo, hi = min(lo, clause.start), max(hi, clause.end)
    sentence = span_at(spans, start)
    if sentence is not None and quoted.inside(quoted.spans(article.text), start) is not None:
        lo, hi = min(lo, sentence[0]), max(hi, sentence[1])
    return quote_within(article, lo, hi, start, end)


def quote_within(article: Article, lo: int, hi: int, start: int, end: int) -> Source:
    """A source quoting `[lo, hi)` (a clause, a sentence) around `[start, end)`, its edges'
    spaces and stops trimmed, cut to words around `[start, end)` past `QUOTE_MAX`: where
    no clause is read (`reconcile.figures` quotes a figure's sentence, without the
    analyser)."""
    text = article.text
    n = len(text)  # (a span past the text is cut to it: a review's crash)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    lo, hi = max(0, min(lo, start)), min(n, max(hi, end))
    while lo < start and text[lo] in _TRIM:
        lo += 1
    while hi > end and text[hi - 1] in _TRIM:
        hi -= 1
    if hi - lo > QUOTE_MAX:
        room = max(0, (QUOTE_MAX - (end - start)) // 2)
        lo, hi = max(lo, start - room), min(hi, end + room)
        while lo < start and lo > 0 and not text[lo - 1].isspace():
            lo += 1
        while hi > end and hi < len(text) and not text[hi].isspace():
            hi -= 1
    return Source(article.id, lo, hi, text[lo:hi])
