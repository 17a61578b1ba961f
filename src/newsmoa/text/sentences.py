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


# A sentence's end glued to the next one's start, no space between: where a crawler that
# flattened a page joined two paragraphs ("...고 밝혔다.31일 오전 ..."); Kiwi keeps such a
# pair as one sentence when the next starts with a number or a quote.
_GLUED_END = re.compile(r"(?<=[다요죠까][.!?])[”’\"')]*(?=[가-힣0-9A-Za-z‘“\"'(\[])")


def _spans(article_id: str, text: str, offset: int, para: str, sents: Sequence) -> list[Sentence]:
    out = []
    for s in sents:
        cuts = [offset + s.start]
        cuts += [offset + s.start + m.end() for m in _GLUED_END.finditer(s.text)]
        cuts.append(offset + s.end)
        for start, end in zip(cuts, cuts[1:], strict=False):
            # Kiwi reports offsets into its input; trim spaces so the slice is the words
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                out.append(Sentence(article_id, start, end, text[start:end]))
    return out
