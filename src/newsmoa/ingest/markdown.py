"""A Markdown file's text as a reader sees it: the marks that format it left out.

`.md` files were read as plain text, so a story's title came out as "# 전주시-전북대 …",
links kept their targets ("[청년 창업](https://…)"), and "**새전북신문** | 2024-05-01 10:00"
named neither an outlet nor a time (a black-box test). `plain` keeps every word and every
line (so the line reader still sees headlines, bylines and datelines) and drops headings'
hashes, emphasis, link targets, quote marks, rules and link definitions. List items keep
their marks, as a pasted list does.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$", re.M)  # a setext heading's underline
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$", re.M)
_QUOTE = re.compile(r"^ {0,3}>[ \t]?", re.M)
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$", re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# `*` emphasises inside words too ("*1조 원*이다": a particle follows), `_` does not
_EMPHASIS = re.compile(
    r"(?<!\*)\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)|(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"
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
