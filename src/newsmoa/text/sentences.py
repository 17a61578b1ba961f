"""Article -> sentences with offsets into `article.text`.

Kiwi joins lines that one newline separates, so a dateline or byline would merge into the
next sentence: paragraphs are split on line breaks first and each is split by Kiwi.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsmoa.text.analyzer import analyzer
from newsmoa.types import Article, Sentence

_PARAGRAPH_RE = re.compile(r"[^\n]+")


def split_sentences(article: Article) -> tuple[Sentence, ...]:
    return split_text(article.id, article.text)


def split_text(article_id: str, text: str) -> tuple[Sentence, ...]:
    spans = []
    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH_RE.finditer(text) if m.group().strip()]
    kiwi = analyzer()
    for (offset, para), sents in zip(
        paragraphs, kiwi.split_into_sents([p for _, p in paragraphs]), strict=True
    ):
        spans.extend(_spans(article_id, text, offset, para, sents))
    return tuple(spans)


def _spans(article_id: str, text: str, offset: int, para: str, sents: Sequence) -> list[Sentence]:
    out = []
    for s in sents:
        start, end = offset + s.start, offset + s.end
        # Kiwi reports offsets into its input; trim spaces so the slice is the sentence's words.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Sentence(article_id, start, end, text[start:end]))
    return out
