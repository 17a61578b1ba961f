"""Hard-wrapped text with its wraps undone: a line broken only because the next word did not fit.

A release sent as mail, a text saved from a terminal or an old word processor breaks every
paragraph into lines of at most a fixed width (70 or 80 columns; a Hangul syllable takes two).
Read line by line, such a paragraph's lines have no sentence ending, look like headlines, and
the article lost them (2026-11-29: of a release wrapped at 30 columns, two of four lines were
gone and the first was taken for a subtitle). A greedy wrapper breaks a line only when the
next word would not fit, so a line break where the next line's first word would have fit is
the writer's, and any other is the wrapper's, once the text is seen to be wrapped: its
longest line is at most `MAX_WRAP_COLUMNS` wide, and at least `MIN_WRAPS` of its line breaks
are the wrapper's by that test and inside a sentence. Text with a paragraph a line, as pages
and feeds give it, has lines far wider and is returned as it is: no text of the Korean dev
day, the August set, ECB+ or the bundled example changes (1,841 texts).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from newsmoa.extract.lines import SENTENCE_ENDS, ends_sentence
from newsmoa.text.normalize import BULLETS

MAX_WRAP_COLUMNS = 160  # a wider line of words (in characters or columns): not wrapped that way
MIN_WRAPS = 3  # line breaks the wrapper made inside a sentence, at the least, in a wrapped text
# ... and at least this share of the breaks between two lines of words are the wrapper's (a
# list or a table of lines of one width has a few such breaks by chance, a wrapped text
# nearly only those)
MIN_WRAP_SHARE = 0.5
# a line this much narrower than the width ends its paragraph, whatever follows it
MIN_FULL_SHARE = 0.5
_ITEM_MARKS = frozenset(BULLETS + "-*+")  # a bullet, or a plain-text list's mark
# a table's row: cells apart by spaces or a tab (not two spaces after a sentence's stop,
# maybe closed by a mark, as typewriters and some editors write them; a cell may end in ")")
_COLUMNS_GAP = re.compile(r"(?<=\S)(?<![.!?])(?<![.!?][\"'”’)])(?: {2,}|\t)(?=\S)")


def columns(text: str) -> int:
    """`text`'s width on a terminal: a wide character (Hangul, CJK) takes two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def unwrap(text: str, *, titled: bool = False) -> str:
    """`text` with each line that a wrapper broke joined to the next by a space; any other
    text unchanged. Only lines of words count (`_prose`): not a table's row, nor the
    headline when `titled` is false (the first line, which a mail's subject or a title
    makes as long as it likes), and the width is taken without a line with no space (a
    link). A text is taken as wrapped on the breaks inside sentences; once it is, a full
    line that happens to end a sentence was broken by the wrapper too. Wrappers count
    characters (Python's `textwrap`) or columns (editors, terminals); a line full by either
    count is full."""
    if "\n" not in text:
        return text
    if not _wrapped_at_all(text):  # a paragraph a line: nearly every text, ~3 µs
        return text
    lines = [line.rstrip() for line in text.split("\n")]
    prose = _prose(lines, titled)
    measured = [i for i in prose if " " in lines[i].strip()]  # not a link's line
    if max((len(lines[i]) for i in measured), default=0) > MAX_WRAP_COLUMNS:
        return text  # a paragraph a line (a page's text: 2 µs for 1,500 characters)
    full = [False] * (len(lines) - 1)
    for measure in (len, columns):
        widths = [measure(line) for line in lines]
        width = max((widths[i] for i in measured), default=0)
        if width <= MAX_WRAP_COLUMNS:
            full = [f or _full(lines, widths, i, width, measure) for i, f in enumerate(full)]
    full = [f and i in prose and i + 1 in prose for i, f in enumerate(full)]
    breaks = sum(i + 1 in prose for i in prose)
    inside = sum(f and not ends_sentence(lines[i].strip()) for i, f in enumerate(full))
    if inside < MIN_WRAPS or sum(full) < MIN_WRAP_SHARE * breaks:
        return text  # a paragraph of one sentence a line, a list, a table: not wrapped
    out = [lines[0]]
    for i, line in enumerate(lines[1:]):
        if full[i]:
            out[-1] += " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


# A line break with text on the next line; one after a line that ends no sentence (its last
# character, closing marks aside or not) may be a wrapper's. Counted in one pass over the
# text, a cheap first look that never counts fewer than the breaks `ends_sentence` reads as
# inside a sentence (a lookbehind in the pattern took 65 µs an article, this 6 µs).
_BREAK = re.compile(r"\n[ \t]*(?=\S)")
_ENDS = SENTENCE_ENDS | {"\n"}


def _wrapped_at_all(text: str) -> bool:
    """Whether `text` has `MIN_WRAPS` breaks that may be a wrapper's (a line padded with
    spaces to its width ends where its words do: a review)."""
    found = 0
    for m in _BREAK.finditer(text):
        end = m.start()
        while end and text[end - 1] in " \t":
            end -= 1
        if end and text[end - 1] not in _ENDS:
            found += 1
            if found >= MIN_WRAPS:
                return True
    return False


def _prose(lines: list[str], titled: bool) -> set[int]:
    """The lines a wrapper may have made: all with text but a table's row and, in a text
    whose headline is not given apart (`titled`: a JSONL line's `title`), the first (the
    headline; a review found the first line of a titled text's body lost once it was
    left out)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return {i for i in filled[0 if titled else 1 :] if not _COLUMNS_GAP.search(lines[i])}


def _full(
    lines: list[str], widths: list[int], i: int, width: int, measure: Callable[[str], int]
) -> bool:
    """Whether line `i` is full, as a wrapper would leave it: both it and the next line
    hold text, the next one opens no list item, and its first word would not have fit."""
    here, after = lines[i].strip(), lines[i + 1].strip()
    if not here or not after or after[0] in _ITEM_MARKS or widths[i] < MIN_FULL_SHARE * width:
        return False
    word = after.split(maxsplit=1)[0]
    label = word.rstrip(".)")
    if label.isdigit() and len(label) <= 2 and label != word:
        return False  # "1. ..." or "2) ...": a numbered item (not a year: "2024.")
    return widths[i] + 1 + measure(word) > width
