"""`newsmoa entities IN.jsonl -o OUT.jsonl`: add KLUE-typed entity spans to every line (a
Korean text's from the shipped KLUE-NER model, an English one's from the English fact rules).
A file of another kind `ingest` reads (`.txt`, `.md`, `.html`, `.csv`, a saved feed) is read as
`ingest` reads it: one line an article, its body as the `text` (a press release's text file
was read as JSONL, an error a line)."""

from __future__ import annotations

import gzip
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

import click

from newsmoa.ingest.compressed import reading
from newsmoa.ingest.readers import JSONL_SUFFIXES, READ_SUFFIXES, json_line, kind_suffix, not_utf8
from newsmoa.outfile import writing
from newsmoa.serve.outputs import (
    cannot_read,
    cannot_write,
    check_outputs,
    input_name,
    say_line_errors,
)

BATCH_LINES = 256


def _read(lines: Iterable[bytes]) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line number, object or None, error message) for each line, as `cluster` reads them:
    a byte-order mark opening the file and a "\r" ending a line are ignored; a blank line,
    bytes that are not UTF-8, and text that is not Unicode (half of a surrogate pair, which
    JSON can spell) are errors of their line."""
    for number, raw in enumerate(lines, start=1):
        try:
            line = raw.rstrip(b"\n").decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, None, not_utf8(exc)
            continue
        obj, problem = json_line(number, line)
        if problem is not None:
            yield number, None, problem
        elif not isinstance(obj, dict):
            yield number, None, "not a JSON object"
        elif not isinstance(obj.get("text"), str):
            yield number, None, "no text field (a string)"
        elif not _writable(obj):
            yield number, None, "a field holds half of a surrogate pair: not Unicode text"
        else:
            yield number, obj, ""


def _articles(source: str) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(number, object or None, error message) for each article of a file `ingest` reads
    (a text file's pasted articles, a page, a feed's items), its body as the `text`."""
    from newsmoa.errors import InputError
    from newsmoa.extract.article import Dropped, extract
    from newsmoa.ingest.readers import read_file

    for number, item in enumerate(read_file(Path(source)), start=1):
        if isinstance(item, InputError):
            yield number, None, item.message
            continue
        got = extract(item)
        if isinstance(got, Dropped):
            yield number, None, f"no article: {got.reason}"
        else:
            yield number, {"id": got.id, "title": got.title, "text": got.text}, ""


def _opening(lines: Iterator[bytes]) -> tuple[list[bytes], bool]:
    """The lines up to the first that is not blank, and whether it opens no JSON object:
    plain text (a release piped in), which gave an error for every line."""
    read: list[bytes] = []
    for raw in lines:
        read.append(raw)
        line = raw.decode("utf-8", "replace").lstrip("\ufeff").strip()
        if line:
            return read, not line.startswith("{")
    return read, False


def _writable(obj: dict[str, Any]) -> bool:
    """Whether the line can be written back as UTF-8 (JSON may spell "\\ud800")."""
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _flush(
    batch: list[tuple[int, dict[str, Any] | None, str]], out: IO[str]
) -> list[tuple[int, str]]:
    """Tag the readable lines of `batch`, write all lines in order; return the errors (line,
    message)."""
    from newsmoa.facts.ner import entities_batch

    texts = [obj["text"] for _, obj, _ in batch if obj is not None]
    found = iter(entities_batch(texts)) if texts else iter(())
    errors = []
    for number, obj, error in batch:
        if obj is None:
            errors.append((number, error))
            out.write(json.dumps({"line": number, "error": error}, ensure_ascii=False) + "\n")
        else:
            obj["entities"] = [e.to_json() for e in next(found)]
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return errors


@click.command("entities")
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help="where to write the lines (JSONL)",
)
@click.pass_context
def entities(ctx: click.Context, source: str, output: str) -> None:
    """Find people, places, organisations, dates, times and quantities in each line's `text`.

    Reads JSONL with a `text` field and writes every line back, all its fields kept, with
    `entities`: a list of {"start", "end", "type", "text"} (character offsets into `text`,
    end exclusive; types PS LC OG DT TI QT as in KLUE-NER). A Korean text is read by the
    shipped KLUE-NER model, an English one by the English fact rules (no TI: their times
    stay with their dates). A line that cannot be read is
    written as {"line": N, "error": "..."}, named on stderr, and the command exits with
    status 1 at the end. A file of another kind `ingest` reads (.txt, .md, .html, .csv,
    a saved feed) is read as `ingest` reads it: a line for each article, with its `id`,
    `title` and body as `text`.

    Example:

    \b
        $ echo '{"id": 1, "text": "박성일 완주군수는 19일 희망제작소를 찾았다."}' > in.jsonl
        $ newsmoa entities in.jsonl -o out.jsonl
        $ cat out.jsonl
        {"id": 1, "text": "...", "entities": [{"start": 0, "end": 3, "type": "PS",
         "text": "박성일"}, ...]}
    """
    check_outputs([("--output", output)], [source])
    suffix = "" if source == "-" else kind_suffix(Path(source))
    if suffix in READ_SUFFIXES - JSONL_SUFFIXES:  # a text file, a page: as `ingest` reads it
        _tag(ctx, source, _articles(source), output)
        return
    try:
        with ExitStack() as stack:
            try:  # (a gzip file read by its first bytes, as `ingest` reads it)
                opened = sys.stdin.buffer if source == "-" else stack.enter_context(reading(source))
                rest = iter(opened)
                head, plain = _opening(rest)
            except OSError as exc:
                raise cannot_read(source, exc) from exc
            if plain:
                raise click.ClickException(
                    f"{input_name(source)}: not JSONL: `entities` reads one JSON object a line "
                    'with a "text" field ({"text": "..."}), or a file `ingest` reads by its name '
                    f"({', '.join(sorted(READ_SUFFIXES - JSONL_SUFFIXES))})"
                )
            _tag(ctx, source, _read(itertools.chain(head, rest)), output)
    except gzip.BadGzipFile as exc:  # (cut short further on: `compressed.reading` says so)
        raise cannot_read(source, exc) from exc


def _tag(
    ctx: click.Context,
    source: str,
    items: Iterable[tuple[int, dict[str, Any] | None, str]],
    output: str,
) -> None:
    """Write `items` with their entities to `output`, name the errors, exit 1 if any."""
    errors: list[tuple[int, str]] = []
    try:
        with writing(output) as out:
            batch: list[tuple[int, dict[str, Any] | None, str]] = []
            for item in items:
                batch.append(item)
                if len(batch) >= BATCH_LINES:
                    errors += _flush(batch, out)
                    batch = []
            errors += _flush(batch, out)
    except OSError as exc:  # reading a regular file once it is open does not fail this way
        raise cannot_write(output, exc) from exc
    say_line_errors(source, errors)
    if errors:
        ctx.exit(1)
