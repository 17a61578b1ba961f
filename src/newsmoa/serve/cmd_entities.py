"""`newsmoa entities IN.jsonl -o OUT.jsonl`: add KLUE-typed entity spans to every line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

import click

BATCH_LINES = 256


def _read(lines: IO[str]) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """(line number, object or None, error message) for each non-empty line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"not JSON: {exc.msg} at column {exc.colno}"
            continue
        if not isinstance(obj, dict):
            yield number, None, "not a JSON object"
        elif not isinstance(obj.get("text"), str):
            yield number, None, "no text field (a string)"
        else:
            yield number, obj, ""


def _flush(batch: list[tuple[int, dict[str, Any] | None, str]], out: IO[str]) -> int:
    """Tag the readable lines of `batch`, write all lines in order; return the error count."""
    from newsmoa.facts.ner import entities_batch

    texts = [obj["text"] for _, obj, _ in batch if obj is not None]
    found = iter(entities_batch(texts)) if texts else iter(())
    errors = 0
    for number, obj, error in batch:
        if obj is None:
            errors += 1
            out.write(json.dumps({"line": number, "error": error}, ensure_ascii=False) + "\n")
        else:
            obj["entities"] = [e.to_json() for e in next(found)]
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return errors


@click.command("entities")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    show_default=True,
    help="where to write the lines (JSONL)",
)
def entities(source: IO[str], output: IO[str]) -> None:
    """Find people, places, organisations, dates, times and quantities in each line's `text`.

    Reads JSONL with a `text` field and writes every line back, all its fields kept, with
    `entities`: a list of {"start", "end", "type", "text"} (character offsets into `text`,
    end exclusive; types PS LC OG DT TI QT as in KLUE-NER). A line that cannot be read is
    written as {"line": N, "error": "..."} and the command exits with status 1 at the end.

    Example:

    \b
        $ echo '{"id": 1, "text": "박성일 완주군수는 19일 희망제작소를 찾았다."}' > in.jsonl
        $ newsmoa entities in.jsonl -o out.jsonl
        $ cat out.jsonl
        {"id": 1, "text": "...", "entities": [{"start": 0, "end": 3, "type": "PS",
         "text": "박성일"}, ...]}
    """
    errors = 0
    batch: list[tuple[int, dict[str, Any] | None, str]] = []
    for item in _read(source):
        batch.append(item)
        if len(batch) >= BATCH_LINES:
            errors += _flush(batch, output)
            batch = []
    if batch:
        errors += _flush(batch, output)
    output.flush()
    if errors:
        click.echo(f"{errors} line(s) could not be read; see their error lines", err=True)
        raise SystemExit(1)
