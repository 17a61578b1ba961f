"""The labelled KLUE-NER sentences: loading, the fixed held-out split, spans <-> BIO tags.

The split is a pure function of a sentence's `guid`, so it never changes between runs,
machines or additions to the file: about `HELD_OUT_PERCENT` of the sentences (news and
reviews alike) are kept aside, and nothing is trained or tuned on them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

TYPES = ("PS", "LC", "OG", "DT", "TI", "QT")
HELD_OUT_PERCENT = 25
OUTSIDE = "O"


@dataclass(frozen=True, slots=True)
class Span:
    """A typed span of a text: `text[start:end]`, end exclusive."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class Labelled:
    """One sentence of the labelled set."""

    guid: str
    source: str
    text: str
    spans: tuple[Span, ...]


def repo_data_dir() -> Path:
    """`data/klue/` at the root of the repository this package was installed from."""
    return Path(__file__).resolve().parents[4] / "data" / "klue"


def default_path() -> Path:
    return repo_data_dir() / "klue-ner-dev-A.jsonl"


def load(path: Path | None = None) -> list[Labelled]:
    """Read the jsonl file (guid, source, text, entities with start/end/type)."""
    rows = []
    with open(path or default_path(), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            spans = tuple(Span(e["start"], e["end"], e["type"]) for e in obj["entities"])
            rows.append(Labelled(obj["guid"], obj.get("source", ""), obj["text"], spans))
    return rows


def is_held_out(guid: str) -> bool:
    """True for the fixed quarter of sentences that is never trained or tuned on."""
    digest = hashlib.sha1(guid.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < HELD_OUT_PERCENT


def split(rows: Iterable[Labelled]) -> tuple[list[Labelled], list[Labelled]]:
    """(train, held_out) by `is_held_out`, each in file order."""
    train: list[Labelled] = []
    held: list[Labelled] = []
    for row in rows:
        (held if is_held_out(row.guid) else train).append(row)
    return train, held


def spans_to_bio(length: int, spans: Iterable[Span]) -> list[str]:
    """One tag per character: B-T at a span's first character, I-T inside, O elsewhere."""
    tags = [OUTSIDE] * length
    for span in spans:
        tags[span.start] = f"B-{span.type}"
        for i in range(span.start + 1, span.end):
            tags[i] = f"I-{span.type}"
    return tags


def bio_to_spans(tags: Sequence[str], text: str | None = None) -> list[Span]:
    """Spans from per-character tags; an I-T without a matching B-T starts a span.

    With `text`, leading and trailing spaces are trimmed from each span (a span never
    starts or ends on a space).
    """
    out: list[Span] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, OUTSIDE]):
        prefix, _, typ = tag.partition("-")
        if kind and (prefix != "I" or typ != kind):
            out.append(Span(start, i, kind))
            kind = ""
        if prefix in ("B", "I") and not kind:
            start, kind = i, typ
    return [s for s in (_trim(s, text) for s in out) if s] if text is not None else out


def _trim(span: Span, text: str) -> Span | None:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, span.type) if start < end else None


def batches(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
