"""`newsmoa search`: the stories whose articles hold the words asked for
(`newsmoa.store.search`), each with the articles that matched and a snippet of each."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from newsmoa.serve.formats import format_option
from newsmoa.serve.render import csv_cell, listed_outlet, md_cell, table_text, table_time
from newsmoa.serve.span import cli_span, span_options
from newsmoa.serve.view import plural, shown_zone
from newsmoa.store.search import bare, pieces

FORMATS = ("table", "json", "jsonl", "md", "csv")
OPEN, CLOSE = "‹", "›"  # a match in a table's snippet (md: **bold**)


@click.command(context_settings={"ignore_unknown_options": True})  # -축제: a word left out
@click.argument("query", nargs=-1, required=True)
@click.option(
    "--outlet", default=None, help="Only this outlet's articles (its letters in any case)."
)
@span_options("articles published")
@click.option(
    "--limit",
    type=click.IntRange(1, 10**6),
    default=20,
    show_default=True,
    help="At most this many stories, the best first.",
)
@click.option(
    "--offset",
    type=click.IntRange(0, 10**12),
    default=0,
    show_default=True,
    help="Skip this many of the best stories first: the next page is --offset of this one "
    "plus --limit (as /api/search?offset=).",
)
@format_option(
    FORMATS,
    help="table and md for reading (times in the zone of --tz); json (one array), jsonl (one "
    "story a line) and csv (a row for each article listed, at most 5 a story, UTF-8 with "
    "BOM) keep the stored times; `matches` counts every matching article, `relevance` ranks.",
)
@click.pass_context
def search(
    ctx: click.Context,
    query: tuple[str, ...],
    outlet: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
    fmt: str,
) -> None:
    """Find stories by words of their articles' titles and texts: every word must be in one
    article (as a part of a word: 완주 finds 완주군은; a word's own particles are dropped,
    청솔군은 finds 청솔군이 and 청솔군에서는 청솔군은, where a word ends: 고양이 not 고양시,
    nor 고양 킨텍스 where the store holds 고양이를, a noun of its own; 체결을 finds 체결했다;
    an English plural or possessive too, counties finds county's, cats not category; 김민수
    finds 김 민수 too; 4512억원 finds 4,512억원), a "quoted
    phrase" as written, and none after "-" or NOT (-축제, -"업무 협약"); words joined by OR
    are alternatives (협약 OR 협정); AND and a `*` at a word's end are dropped; case is
    ignored, full-width ＡＩ is found as AI. Stories whose title holds the words come first,
    then the more relevant (BM25: the words more often in a shorter text, or in its title;
    `relevance` in json and csv), then those with more matching articles, then the newest.
    Each lists its matching articles with a snippet. --offset pages on.

    Example: newsmoa search 완주군 협약 --since 2024-01-01 --format md
    """
    from newsmoa.serve.cli import _store, _width, outlet_asked
    from newsmoa.store.search import query as parsed

    # an option mistyped, not a word left out: `--outlets`, or a short one (`-n 5`; a
    # left-out letter would leave out nearly every article)
    if typo := next((w for w in query if _option_like(w)), None):
        raise click.NoSuchOption(typo.split("=")[0], ctx=ctx)
    lo, hi = cli_span(since, until, shown_zone())
    try:
        asked = parsed(" ".join(query), outlet=outlet or None, since=lo, until=hi)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="QUERY") from exc
    store = _store(ctx)
    outlet, _ = outlet_asked(store, outlet, "articles")  # (as the store names it)
    asked = replace(asked, outlet=outlet)
    found = store.search(asked, limit=limit + 1, offset=offset)  # (one more: is there more?)
    more, found = len(found) > limit, found[:limit]
    if not found and offset and fmt in ("table", "md"):
        click.echo(f"no more stories: fewer than {offset + 1} hold the words.", err=True)
        return
    if not found and fmt in ("table", "md"):
        said = " ".join(
            [
                *(" OR ".join(map(_quoted, group)) for group in ((t,) for t in asked.terms)),
                *(" OR ".join(map(_quoted, group)) for group in asked.either),
                *("-" + _quoted(t) for t in asked.excluded),
            ]
        )
        where = (f" in {outlet}'s articles" if outlet else "") + (
            " published "
            + " ".join(f"--{k} {v}" for k, v in (("since", since), ("until", until)) if v)
            if since or until
            else ""
        )  # (as the web page says: not the whole store)
        click.echo(f"no story holds {said}{where}.", err=True)
        return
    if text := results(found, fmt, width=_width()):  # (no story in jsonl: no line, not a blank one)
        click.echo(text)
    if more and fmt in ("table", "md"):
        click.echo(f"more stories follow: --offset {offset + limit}", err=True)


def _option_like(word: str) -> bool:
    return (word.startswith("--") and len(word) > 2) or (
        len(word) == 2 and word[0] == "-" and word[1].isascii() and word[1].isalpha()
    )


def _quoted(term: str) -> str:
    term = bare(term)  # (a stem as the word it is: `search.ENDED`)
    return f'"{term}"' if " " in term else term


def results(rows: list[dict[str, Any]], fmt: str, *, width: int) -> str:
    """Stories found (`Store.search`) as `fmt`."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt == "csv":
        return _csv(rows)
    if fmt == "md":
        return _markdown(rows)
    return "\n\n".join(_block(r, width) for r in rows)


def marked(snippet: dict[str, Any] | None, before: str, after: str) -> str:
    """A snippet's text with each match between `before` and `after`."""
    return "".join(f"{before}{text}{after}" if match else text for text, match in pieces(snippet))


def _matched(row: dict[str, Any]) -> str:
    return f"{row['matches']} of {plural(row['article_count'], 'article', 'articles')} match"


def _block(row: dict[str, Any], width: int) -> str:
    """A story found: its title, id, first time and how many articles match; then the
    matching articles, each with its snippet."""
    title = f"{row['title'] or row['id']}  [{row['id']}] · {table_time(row['first_published'])} · "
    table = Table(title=escape(title + _matched(row)), title_justify="left")
    for name in ("outlet", "published", "title", "snippet"):
        table.add_column(name, overflow="fold")
    for a in row["articles"]:
        cells = (
            listed_outlet(a),
            table_time(a["published"]),
            a["title"],
            marked(a["snippet"], OPEN, CLOSE),
        )
        table.add_row(*(escape(c) for c in cells))
    more = row["matches"] - len(row["articles"])
    if more > 0:
        table.add_row("", "", escape(f"(and {plural(more, 'more article', 'more articles')})"), "")
    return table_text(table, width)


def _markdown(rows: list[dict[str, Any]]) -> str:
    out = ["| id | title / article | published | outlets | match |", "|---|---|---|---|---|"]
    for r in rows:
        out.append(
            f"| {md_cell(r['id'])} | {md_cell(r['title'])} | {table_time(r['first_published'])} | "
            f"{md_cell(', '.join(r['outlets']))} | {md_cell(_matched(r))} |"
        )
        for a in r["articles"]:
            snippet = marked(a["snippet"], "**", "**")
            out.append(
                f"|  | ↳ {md_cell(a['title'])}: {md_cell(snippet)} | "
                f"{table_time(a['published'])} | {md_cell(listed_outlet(a))} |  |"
            )
    return "\n".join(out)


_CSV_COLUMNS = (
    "id", "title", "first_published", "outlets", "article_count", "title_match", "relevance",
    "matches",
    "article_id", "article_outlet", "article_published", "article_title", "snippet",
    "article_is_release",
)  # fmt: skip


def _csv(rows: list[dict[str, Any]]) -> str:
    """One row a listed matching article, the story's columns first."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for r in rows:
        story = [
            csv_cell(r["id"]), csv_cell(r["title"]), r["first_published"],
            csv_cell("; ".join(r["outlets"])), r["article_count"], r["title_match"],
            r["relevance"], r["matches"],
        ]  # fmt: skip
        for a in r["articles"]:
            snippet = a["snippet"]["text"] if a["snippet"] else None
            writer.writerow(
                [*story, csv_cell(a["id"]), csv_cell(a["outlet"]), a["published"],
                 csv_cell(a["title"]), csv_cell(snippet), a.get("is_release", False)]
            )  # fmt: skip
    return "\ufeff" + buf.getvalue().rstrip("\n")
