"""A Markdown file's text as a reader sees it: the marks that format it left out.

`.md` files were read as plain text, so a story's title came out as "# 전주시-전북대 …",
links kept their targets ("[청년 창업](https://…)"), and "**새전북신문** | 2024-05-01 10:00"
named neither an outlet nor a time (a black-box test). `plain` keeps every word and every
line (so the line reader still sees headlines, bylines and datelines) and drops headings'
hashes, emphasis, link targets, quote marks, rules and link definitions. List items keep
their marks, as a pasted list does; brackets that are no link (a label, a credit) stay.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$", re.M)  # a setext heading's underline
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.M)
_QUOTE = re.compile(r"^ {0,3}>[ \t]?", re.M)
# a link's target is an address or a path: "[사진](연합뉴스)" is a credit, "[문의]: 농업정책과"
# a label, "[속보][단독]" two labels, and each stays as written (a review)
_TARGET = r"(?:https?://|www\.|/|\.{0,2}/|#|mailto:)[^\s)]*"
_DEFINITION = re.compile(rf"^ {{0,3}}\[[^\]]+\]:[ \t]*<?{_TARGET}>?(?:[ \t].*)?$", re.M)
_IMAGE = re.compile(rf"!\[([^\]]*)\]\({_TARGET}(?:[ \t][^)]*)?\)")
_LINK = re.compile(rf"\[([^\]]+)\]\({_TARGET}(?:[ \t][^)]*)?\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# `*` emphasises inside words too ("*1조 원*이다": a particle follows), `_` does not
# ... but opens only where a word begins ("매출*은 …, 이익*은": footnote marks; "2*3*4")
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)|(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"
)
_CODE = re.compile(r"`([^`\n]+)`")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def plain(text: str) -> str:
    """`text`, a Markdown document, as plain text, line for line."""
    text = _COMMENT.sub("", text)
    for pattern, repl in (
        (_HEADING, r"\1"),
        (_UNDERLINE, ""),
        (_RULE, ""),
        (_DEFINITION, ""),
        (_QUOTE, ""),
        (_IMAGE, r"\1"),
        (_LINK, r"\1"),
        (_STRONG, r"\2"),
        (_EMPHASIS, lambda m: m[1] or m[2]),
        (_CODE, r"\1"),
    ):
        text = pattern.sub(repl, text)
    return text
