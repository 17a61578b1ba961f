"""A JSONL file as spans of whole lines that separate processes read on their own.

A large batch is parsed in worker processes. Rather than read, decode and send them its text
(for 50,000 articles: 213 MB, ~2 CPU-s in the sending process and 600 MB of memory), the
sending process only finds where lines end (`line_ends`, a memchr scan of a memory map) and hands
each worker a `Span`; the worker reads and parses its own lines (`read_span`), exactly as
`read_jsonl(..., keep_blank=True)` reads the whole text, with the same line numbers and
messages. A line that is not UTF-8 is an error of that line only, not of the file.
"""

from __future__ import annotations

import mmap
from collections.abc import Sequence
from dataclasses import dataclass

from newsmoa.ingest.readers import Item, read_jsonl_bytes


@dataclass(frozen=True, slots=True)
class Span:
    """Lines first_line, first_line + 1, ... (1-based) at bytes [start, end) of a file."""

    first_line: int
    start: int
    end: int


def line_ends(path: str) -> list[int]:
    """The byte offset just after each line of the file (its last line need not end in "\\n";
    an empty file has none). Lines end at "\\n" only, as `read_jsonl` splits them."""
    with open(path, "rb") as handle:
        size = handle.seek(0, 2)
        if size == 0:
            return []
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            ends: list[int] = []
            find, at = data.find, data.find(b"\n")
            while at >= 0:
                ends.append(at + 1)
                at = find(b"\n", at + 1)
    if not ends or ends[-1] != size:
        ends.append(size)
    return ends


def spans(ends: Sequence[int], lines_per_span: int) -> list[Span]:
    """`ends` (from `line_ends`) cut into spans of `lines_per_span` lines (the last may be
    shorter)."""
    if lines_per_span < 1:
        raise ValueError("lines_per_span must be at least 1")
    return [
        Span(i + 1, ends[i - 1] if i else 0, ends[min(i + lines_per_span, len(ends)) - 1])
        for i in range(0, len(ends), lines_per_span)
    ]


def read_span(path: str, span: Span, origin: str) -> list[Item]:
    """The span's lines, each parsed as `read_jsonl(origin, text, keep_blank=True)` parses it
    (one RawItem or InputError per line, in order)."""
    with open(path, "rb") as handle:
        handle.seek(span.start)
        data = handle.read(span.end - span.start)
    return list(read_jsonl_bytes(origin, data, keep_blank=True, first_line=span.first_line))
