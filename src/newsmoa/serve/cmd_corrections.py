"""An editor's corrections from the command line (`newsmoa.corrections`): `move`, `split`,
`merge`, `confirm`, `release`, and `corrections`, the log of them."""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from newsmoa.errors import NewsmoaError, NotFound
from newsmoa.serve.formats import format_option
from newsmoa.serve.view import plural, when

if TYPE_CHECKING:
    from newsmoa.corrections import Correction
    from newsmoa.pipeline import Newsroom

_DEFER = click.option(
    "--defer-analysis",
    is_flag=True,
    help="Only list the stories that changed; their documents are made when shown.",
)


def _login() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this user id (a container)
        return None


_BY = click.option(
    "--by",
    default=_login,
    show_default="your login name",
    help="Who makes the correction, for the log.",
)


def _correct(ctx: click.Context, act: Callable[[Newsroom], Correction]) -> None:
    """Make one correction on the store and say what it did, or why it was not made."""
    from newsmoa.pipeline import Newsroom
    from newsmoa.serve.cli import _store, store_shown

    try:
        done = act(Newsroom(_store(ctx)))
    except NotFound as exc:  # the server's answer names no path; the command names its store
        raise click.ClickException(f"{exc} in {store_shown(ctx)}") from exc
    except NewsmoaError as exc:
        raise click.ClickException(str(exc)) from exc
    for given, now in done.redirected:
        click.echo(f"note: {given} now leads to {now} (its articles went there): acted on {now}")
    for story in done.stories:
        click.echo(f"changed {story}")
    for story in done.absorbed:
        click.echo(f"{story} -> {done.story}")
    if done.action == "confirm":
        what = f"{plural(len(done.hand), 'article', 'articles')} placed by hand where they are"
    elif done.story is None:
        what = (
            f"{plural(len(done.hand), 'article', 'articles')} released, queued to be decided again"
        )
    else:
        merged = (
            f", {plural(len(done.absorbed), 'story', 'stories')} merged into it"
            if done.absorbed
            else ""
        )
        what = (
            f"{plural(len(done.moved), 'article', 'articles')} moved to {done.story}{merged}; "
            f"{plural(len(done.hand), 'article', 'articles')} placed by hand"
        )
    changed = plural(len(done.stories), "story", "stories")
    click.echo(f"correction {done.n} ({done.action}): {what}; {changed} changed.")


def _id(room: Newsroom, given: str) -> str:
    """A story id as typed: whole, or a unique prefix of it (`serve.ids`)."""
    from newsmoa.serve.ids import story_id

    return story_id(room.store, given)


def _ids(room: Newsroom, given: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_id(room, s) for s in given)


@click.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--to", "story", required=True, help="The story they belong to.")
@_BY
@_DEFER
@click.pass_context
def move(
    ctx: click.Context, articles: tuple[str, ...], story: str, by: str | None, defer_analysis: bool
) -> None:
    """Put articles in the story they belong to. No automatic decision moves them again
    (`newsmoa release` lets them go); a story they leave empty redirects to it.

    Example: newsmoa move ARTICLE_ID --to STORY_ID
    """
    from newsmoa.corrections import move as act

    _correct(
        ctx,
        lambda room: act(room, articles, _id(room, story), by=by, defer_analysis=defer_analysis),
    )


@click.command()
@click.argument("story")
@click.argument("articles", nargs=-1, required=True)
@_BY
@_DEFER
@click.pass_context
def split(
    ctx: click.Context, story: str, articles: tuple[str, ...], by: str | None, defer_analysis: bool
) -> None:
    """Take articles out of a story into a story of their own. Every article of both stories
    is then placed by hand: no automatic decision joins them again.

    Example: newsmoa split STORY_ID ARTICLE_ID ARTICLE_ID
    """
    from newsmoa.corrections import split as act

    _correct(
        ctx,
        lambda room: act(room, _id(room, story), articles, by=by, defer_analysis=defer_analysis),
    )


@click.command()
@click.argument("keep")
@click.argument("others", nargs=-1, required=True)
@_BY
@_DEFER
@click.pass_context
def merge(
    ctx: click.Context, keep: str, others: tuple[str, ...], by: str | None, defer_analysis: bool
) -> None:
    """Merge stories into the first one named, whose id survives; the others' ids redirect
    to it. Every article of the merged story is then placed by hand: no automatic decision
    splits it again.

    Example: newsmoa merge STORY_ID OTHER_STORY_ID
    """
    from newsmoa.corrections import merge as act

    _correct(
        ctx,
        lambda room: act(
            room, _id(room, keep), _ids(room, others), by=by, defer_analysis=defer_analysis
        ),
    )


@click.command()
@click.argument("stories", nargs=-1, required=True)
@_BY
@_DEFER
@click.pass_context
def confirm(
    ctx: click.Context, stories: tuple[str, ...], by: str | None, defer_analysis: bool
) -> None:
    """Keep stories as they are: every article of them is placed by hand where it is, so no
    automatic decision splits one or merges two of them, and `newsmoa doubts` does not
    list them as two stories (until new articles join them).

    Example: newsmoa confirm STORY_ID
    """
    from newsmoa.corrections import confirm as act

    _correct(ctx, lambda room: act(room, _ids(room, stories), by=by, defer_analysis=defer_analysis))


@click.command()
@click.argument("articles", nargs=-1)
@click.option(
    "--story", "stories", multiple=True, help="Every article of this story placed by hand."
)
@_BY
@_DEFER
@click.pass_context
def release(
    ctx: click.Context,
    articles: tuple[str, ...],
    stories: tuple[str, ...],
    by: str | None,
    defer_analysis: bool,
) -> None:
    """Let articles an editor placed be decided automatically again: they stay where they
    are until the next re-decision around them (`ingest`, `watch`, `recluster --queued`).

    Example: newsmoa release ARTICLE_ID --story STORY_ID
    """
    from newsmoa.corrections import release as act

    if not any(a.strip() for a in (*articles, *stories)):  # as split or move without one
        raise click.UsageError("give the ARTICLES to release, or --story STORY")
    _correct(
        ctx,
        lambda room: act(room, articles, _ids(room, stories), by=by, defer_analysis=defer_analysis),
    )


@click.command()
@format_option(
    ["table", "json", "jsonl"],
    help="table: one line a correction, times in the zone of --tz; json: one array; jsonl: one "
    "correction a line (json and jsonl keep the stored UTC times).",
)
@click.pass_context
def corrections(ctx: click.Context, fmt: str) -> None:
    """The log of the corrections made to the store's stories, oldest first.

    Example: newsmoa corrections --format json
    """
    from newsmoa.serve.cli import _store

    log = _store(ctx).corrections()
    if fmt == "json":
        click.echo(json.dumps(log, ensure_ascii=False, indent=2))
        return
    if fmt == "jsonl":
        for row in log:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not log:
        click.echo("no corrections yet.")
    for row in log:
        detail = {k: v for k, v in row.items() if k not in ("n", "at", "action")}
        words = " ".join(f"{k}={_listed(v)}" for k, v in detail.items())
        at = when(row["at"], seconds=True)  # in the zone the other tables show
        click.echo(f"{row['n']:>4}  {at}  {_plain(row['action']):<8} {words}")


def _listed(value: object) -> str:
    """A logged value as the table shows it: a list as `a,b`, a mapping as `a->b`."""
    if isinstance(value, list):
        return ",".join(map(_plain, value))
    if isinstance(value, dict):
        return ",".join(f"{_plain(k)}->{_plain(v)}" for k, v in value.items())
    return _plain(value)


def _plain(value: object) -> str:
    """A logged value as one line of the table: a control character (a line break in a
    name logged before names were checked) printed as its escape, not acted on."""
    text = str(value)
    if all(c.isprintable() for c in text):
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


COMMANDS = (move, split, merge, confirm, release, corrections)
