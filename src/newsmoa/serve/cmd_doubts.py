"""`newsmoa doubts`: the stories of a window most worth an editor's look (`newsmoa.review`),
with the corrections that would act on them."""

from __future__ import annotations

import json
import math
from datetime import datetime
from typing import TYPE_CHECKING

import click

from newsmoa.serve.formats import format_option
from newsmoa.serve.view import plural, shown_zone

if TYPE_CHECKING:
    from newsmoa.cluster.doubts import Doubt
    from newsmoa.review import Doubts


class IsoTime(click.ParamType):
    """A date or time in ISO 8601, with an offset or not (`2024-06-12`, `2024-06-12 10:00`,
    `2024-06-12T10:00:00+09:00`, `…Z`), as `/api/doubts` reads `until`: the command took no
    offset, so a Seoul time had to be worked out in UTC first (a black-box case)."""

    name = "ISO-TIME"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return datetime.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(
                f"{value!r} is no date or time (2024-06-12, 2024-06-12 10:00, "
                "2024-06-12T10:00:00+09:00)",
                param,
                ctx,
            )


@click.command()
@click.option(
    "--days",
    type=click.FloatRange(min=0, max=366, min_open=True),
    default=None,
    help="The window's length in days (default: the clustering window, 2 days; at most 366).",
)
@click.option(
    "--until",
    type=IsoTime(),
    default=None,
    help="The window's end, an ISO 8601 date or time, in UTC unless it gives its offset "
    "(2024-06-12T10:00+09:00; default: the newest publication time stored); a date alone "
    "is its first moment, so the window ends before that day.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="At most this many doubts of each kind (may be two stories; may be one).",
)
@format_option(
    ["table", "json"],
    help="table for reading; json: the window, and each doubt with its stories' articles.",
)
@click.pass_context
def doubts(
    ctx: click.Context, days: float | None, until: datetime | None, limit: int, fmt: str
) -> None:
    """Where the grouping may be wrong, most worth a look first: the largest stories, each
    with its weakest cut in two (average link) ("may be two stories"), and the pairs of
    stories closest to each other ("may be one story"). A story an editor placed every
    article of (a correction, or `newsmoa confirm`) is not listed as two, nor two such
    stories as one, until new articles join them.

    Example: newsmoa doubts --days 1
    """
    from newsmoa.errors import Refused
    from newsmoa.pipeline import Newsroom
    from newsmoa.review import as_json
    from newsmoa.review import doubts as find
    from newsmoa.serve.cli import _store

    if days is not None and not math.isfinite(days):
        raise click.BadParameter(f"{days} is not a number of days", param_hint="--days")
    hours = None if days is None else days * 24
    try:
        found = find(Newsroom(_store(ctx)), until=until, hours=hours, limit=limit)
    except Refused as exc:
        raise click.BadParameter(str(exc), param_hint="--until") from exc
    if fmt == "json":
        click.echo(json.dumps(as_json(found), ensure_ascii=False, indent=2))
        return
    zone = shown_zone()  # where times without an offset are read
    start, end = found.start.astimezone(zone), found.end.astimezone(zone)
    click.echo(
        f"stories of {start:%Y-%m-%d %H:%M} .. {end:%Y-%m-%d %H:%M} {zone.key} "
        f"({found.start:%Y-%m-%d %H:%M} .. {found.end:%Y-%m-%d %H:%M} UTC)"
    )
    click.echo("")
    click.echo("May be two stories (newsmoa split STORY ARTICLE...; or newsmoa confirm STORY):")
    for n, d in enumerate(found.splits, 1):
        size = plural(sum(map(len, d.parts)), "article", "articles")
        click.echo(f"{n:>3}. {d.stories[0]}: {size}; {_alike(d)}")
        _part(found, d.parts[0], "")
        _part(found, d.parts[1], "or apart:")
    if not found.splits:
        click.echo("     none")
    click.echo("")
    click.echo("May be one story (newsmoa merge STORY OTHER; or newsmoa confirm STORY OTHER):")
    for n, d in enumerate(found.merges, 1):
        click.echo(f"{n:>3}. {d.stories[0]} + {d.stories[1]}: {_alike(d)}")
        _part(found, d.parts[0], "")
        _part(found, d.parts[1], "and:")
    if not found.merges:
        click.echo("     none")


def _alike(d: Doubt) -> str:
    return f"cosine {d.across:.2f} across, {d.within:.2f} within"


def _part(found: Doubts, ids: tuple[str, ...], label: str) -> None:
    if label:
        click.echo(f"       {label}")
    for aid in ids:
        a = found.articles.get(aid)
        title = (a.title or "") if a else ""
        # (as `stories` lists it: a release with no outlet was an empty column)
        outlet = (f"{a.outlet or '-'} (release)" if a.is_release else a.outlet or "-") if a else ""
        click.echo(f"       {aid}  {outlet}  {title}".rstrip())
