"""`newsmoa refresh`: a store filled by an older newsmoa brought up to date
(`newsmoa.refresh`), each changed article named with what changed."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from newsmoa.serve.formats import format_option
from newsmoa.serve.view import plural

if TYPE_CHECKING:
    from newsmoa.refresh import RefreshReport

SHOWN_CHARS = 40  # a changed value longer than this is shown by its length


@click.command()
@click.argument("sources", nargs=-1)
@click.option(
    "--release",
    "releases",
    multiple=True,
    help="Inputs that were given to `ingest` as --release (read as press releases).",
)
@click.option(
    "--defer-analysis",
    is_flag=True,
    help="Write the articles read again only; facts and documents are derived when a "
    "story is first shown.",
)
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
@format_option(
    ("table", "json"),
    help="table: a line per changed article, then what was done; json: one object, "
    '{"changes": [{"id", "origin", "story", "fields": {name: [stored, now]}, "facts": '
    '[stored, now] or null}], "read", "not_stored", "left", "rebuilt", "dry_run"} '
    "(errors and dropped items on stderr either way).",
)
@click.pass_context
def refresh(
    ctx: click.Context,
    sources: tuple[str, ...],
    releases: tuple[str, ...],
    defer_analysis: bool,
    dry_run: bool,
    fmt: str,
) -> None:
    """Bring a store filled by an older newsmoa up to date. The SOURCES given to `ingest`
    (files, folders, patterns, URLs, "-") are read again with this version's extraction:
    each article the store holds gets what it reads now (outlet, publication time, byline,
    title, press-release mark; a new text is a new version, the old one kept), its facts
    found again, and its story's document built again. Every article and story keeps its
    id, and no article changes story (`newsmoa recluster` decides them again); an input
    the store does not hold is named and left (`newsmoa ingest` adds it), and so is one
    read from another input than the one the stored version came from (an earlier
    version's export never rolls a correction back) or cut down to a teaser. Without SOURCES,
    the facts and documents an older version derived are derived again (each is anyway
    when first shown). Written in batches, each whole or not at all: stopped, it keeps
    what it wrote; run again, it goes on.

    Example: newsmoa refresh archive/2026-11/*.jsonl --dry-run
    """
    from rich.progress import Progress

    from newsmoa.ingest import read_all
    from newsmoa.pipeline import Newsroom
    from newsmoa.refresh import refresh as run
    from newsmoa.serve.cli import INTERRUPTED, _dropped, _expanded, _say_items, _store

    if (*sources, *releases).count("-") > 1:
        raise click.UsageError("standard input can be read once: give - as one SOURCE or --release")
    given = bool(sources or releases)
    try:
        items = list(read_all(_expanded(sources), releases=_expanded(releases))) if given else []
        room = Newsroom(_store(ctx))
        with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
            task = bar.add_task("reading again", total=None)

            def said(stage: str, done: int, total: int) -> None:
                bar.update(task, description=stage, completed=done, total=total or None)

            report = run(
                room,
                items,
                defer_analysis=defer_analysis,
                dry_run=dry_run,
                everything=not given,
                progress=said,
            )
    except KeyboardInterrupt:
        click.echo(
            "interrupted: the batches written so far are kept (each whole); run the command "
            "again to finish",
            err=True,
        )
        ctx.exit(INTERRUPTED)
    _say_items(report.items)
    for line in report.not_stored:
        click.echo(f"not stored: {line} (`newsmoa ingest` adds it)", err=True)
    for line in report.left:
        click.echo(f"left: {line}: another process changed it meanwhile; run again", err=True)
    if fmt == "json":
        click.echo(json.dumps(_as_json(report, dry_run), ensure_ascii=False, indent=2))
        if report.items.failed:
            ctx.exit(1)
        return
    verb = "would change" if dry_run else "changed"
    for c in report.changes:
        shown = [_field(name, was, now) for name, was, now in c.fields]
        if c.facts is not None:
            shown.append(f"facts {'-' if c.facts[0] is None else c.facts[0]} → {c.facts[1]}")
        click.echo(f"{verb} {c.id} ({c.origin}), story {c.story}: " + "; ".join(shown))
    facts_only = sum(1 for c in report.changes if not c.fields)
    parts = []
    if given:
        parts.append(
            f"read {plural(report.read, 'stored article', 'stored articles')} again: "
            f"{report.changed} {verb}"
            + (f", {facts_only} with facts found again" if facts_only else "")
            + f", {len(report.not_stored)} not in the store"
        )
    if not dry_run and not defer_analysis:
        parts.append(f"{plural(report.rebuilt, 'story', 'stories')} built again")
    if report.items.dropped:
        parts.append(f"dropped: {_dropped(report.items)}")
    parts.append(f"errors: {len(report.items.errors)}")
    tail = " No article changed story (`newsmoa recluster` decides them again)."
    click.echo("; ".join(parts) + "." + (tail if report.changed and not dry_run else ""))
    if report.items.failed:
        ctx.exit(1)


def _field(name: str, was: Any, now: Any) -> str:
    if name == "text":
        return f"text {len(was or '')} → {len(now or '')} characters (a new version)"
    return f"{name} {_value(was)} → {_value(now)}"


def _value(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "-"
    if value is True or value is False:
        return "yes" if value else "no"
    if isinstance(value, list):
        value = " | ".join(str(v) for v in value)
    text = str(value)
    return text if len(text) <= SHOWN_CHARS else f"({len(text)} characters)"


def _as_json(report: RefreshReport, dry_run: bool) -> dict[str, Any]:
    return {
        "changes": [
            {
                "id": c.id,
                "origin": c.origin,
                "story": c.story,
                "fields": {name: [was, now] for name, was, now in c.fields},
                "facts": list(c.facts) if c.facts else None,
            }
            for c in report.changes
        ],
        "read": report.read,
        "not_stored": report.not_stored,
        "left": report.left,
        "rebuilt": report.rebuilt,
        "dry_run": dry_run,
    }
