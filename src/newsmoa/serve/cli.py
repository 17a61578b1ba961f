"""The `newsmoa` command line. Every command's docstring carries an example.

newsmoa ingest examples/wanju-2015-blog.txt
newsmoa stories --format json
newsmoa show STORY_ID --format md
"""

from __future__ import annotations

import gc
import glob
import json
import math
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from newsmoa import settings
from newsmoa.errors import ConfigError, NewsmoaError
from newsmoa.serve import render
from newsmoa.serve.formats import format_option
from newsmoa.serve.outlets import outlet_named, unknown_outlet
from newsmoa.serve.span import cli_span, span_options
from newsmoa.serve.view import plural

if TYPE_CHECKING:
    from newsmoa.ingest.readers import Item
    from newsmoa.pipeline import IngestReport, Newsroom, ReclusterReport
    from newsmoa.store import Store


def _store(ctx: click.Context, *, create: bool = False) -> Store:
    """The store of `--db`, opened once per command; only a command that adds articles
    (`create`) makes a new SQLite file: the others refuse a path where there is none (a
    mistyped --db would otherwise answer from a new, empty store)."""
    if "store" not in ctx.obj:
        missing(ctx.obj["db"], create=create)
        ctx.obj["store"] = _open(ctx.obj["db"], create=create)
        ctx.call_on_close(ctx.obj["store"].close)
    return ctx.obj["store"]


def store_shown(ctx: click.Context) -> str:
    """The store of `--db` as a line may name it: a PostgreSQL URL without its password
    (cron mail and logs show these lines)."""
    from newsmoa.store.location import shown

    return shown(ctx.obj["db"])


def missing(db: str, *, create: bool) -> None:
    """Refuse a name that is no store's (`store.location.refusal`: a key=value string,
    another scheme), and an SQLite path with no file, unless the command makes the store."""
    from newsmoa.store.location import is_postgres, refusal

    if (why := refusal(db)) is not None:
        raise click.ClickException(why)
    if not create and not is_postgres(db) and not Path(db).exists():
        raise click.ClickException(
            f"no store at {db}: `newsmoa ingest` makes one, or give --db (NEWSMOA_DB)"
        )


def _open(db: str, *, create: bool = False) -> Store:
    """The store at `db`, or the one-line error saying why it cannot be opened (a database
    without newsmoa's tables, unless the command makes the store: `create`)."""
    from newsmoa.store import open_store

    try:
        return open_store(db, create=create)
    except NewsmoaError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar=settings.BY_NAME["db"].env,
    default=settings.BY_NAME["db"].default,
    show_default=True,
    help="Store: an SQLite file or a postgresql:// URL (ingest and watch make the store; "
    "other commands refuse a database without one). Also NEWSMOA_DB.",
)
@click.version_option(package_name="newsmoa")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """newsmoa: many outlets' reports of one event, consolidated into one story.

    Example: newsmoa ingest examples/wanju-2015-blog.txt && newsmoa stories --articles
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


@cli.command()
@click.argument("sources", nargs=-1)
@click.option(
    "--release",
    "releases",
    multiple=True,
    help="A file (folder, feed, or - for standard input) of press releases (repeat for "
    "more): a release's story measures every "
    "article against it, the articles reprinting it join it, and two releases are two "
    "stories unless one is a copy of the other.",
)
@click.option(
    "--defer-analysis",
    is_flag=True,
    help="Group only (fast, for archives); sentences and facts are made when a story is shown.",
)
@click.option(
    "--recluster/--no-recluster",
    default=True,
    show_default=True,
    help="Then decide the stored articles around the new ones again with them, as one batch "
    "(see `newsmoa recluster`), so that adding files one at a time groups nearly like adding "
    "them together (an article moves only where it links to its new story at least as "
    "strongly as to its old one). The new articles wait in the store's queue until that is "
    "done, so a batch added with --no-recluster, or by another process, is decided again with "
    "the next one "
    "(a batch of more than 4,000 new articles is not queued: it was decided together).",
)
@click.pass_context
def ingest(
    ctx: click.Context,
    sources: tuple[str, ...],
    releases: tuple[str, ...],
    defer_analysis: bool,
    recluster: bool,
) -> None:
    """Add articles from files (.txt or .md with one or several pasted articles, .html,
    .jsonl, .csv or .tsv, a saved feed .xml/.rss/.atom; any of them .gz-compressed or in a
    .zip archive), folders, file patterns ('clips/*.txt', expanded as the shell would),
    file:// addresses of saved pages, feed or page URLs, or "-": standard input (pasted
    text, or JSONL). Ingesting the same input twice changes nothing. In a folder, hidden
    files are left out and files of other types are named on a `dropped:` line.

    Example: newsmoa ingest clippings/ today.jsonl --release release.txt
    """
    from rich.progress import Progress

    from newsmoa.ingest import read_all
    from newsmoa.pipeline import Newsroom

    if not sources and not releases:
        raise click.UsageError("give a SOURCE to read, or a --release file")
    if (*sources, *releases).count("-") > 1:
        raise click.UsageError("standard input can be read once: give - as one SOURCE or --release")
    room: Newsroom | None = None
    try:
        items = list(read_all(_expanded(sources), releases=_expanded(releases)))
        room = Newsroom(_store(ctx, create=True))
        show_bar = len(items) >= 50 and sys.stderr.isatty()
        with Progress(transient=True, disable=not show_bar) as bar:
            task = bar.add_task("extracting", total=len(items))

            def said(stage: str, done: int, total: int) -> None:  # (total 0: not known)
                bar.update(task, description=stage, completed=done, total=total or None)

            report = room.ingest(
                items,
                progress=said,
                defer_analysis=defer_analysis,
                recluster=recluster,
            )
    except KeyboardInterrupt:
        click.echo(f"interrupted: {_stored_when_stopped(room)}", err=True)
        ctx.exit(INTERRUPTED)
    _say_items(report)
    if report.reclustered and report.reclustered.moved:
        click.echo(f"{_decided_again(report.reclustered)}.")
    counts = room.store.counts()
    click.echo(
        f"added {report.added}, updated {report.updated}, already present {report.unchanged}; "
        f"{report.joined_existing} joined existing stories, "
        f"{plural(report.new_stories, 'new story', 'new stories')}, "
        f"{plural(report.merged_stories, 'story', 'stories')} merged; dropped: {_dropped(report)}; "
        f"errors: {len(report.errors)}. Store: {plural(counts['articles'], 'article', 'articles')}"
        f" in {plural(counts['stories'], 'story', 'stories')}."
    )
    if report.failed:
        ctx.exit(1)


INTERRUPTED = 130  # the exit status of a command stopped by Ctrl-C (SIGINT), as a shell's


TERMINATED = 143  # stopped by SIGTERM (`kill`, a service manager's stop)


@contextmanager
def _stop_on_term() -> Iterator[Callable[[], bool]]:
    """SIGTERM (`kill`, `systemctl stop`) stops a long command as Ctrl-C does, saying what was
    stored (it ended it at once, without a word); yields whether it came. The handler before
    is put back after (a review: the process went on turning SIGTERM into Ctrl-C)."""
    import signal

    came: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        came.append(signum)
        raise KeyboardInterrupt

    main = threading.current_thread() is threading.main_thread()
    before = signal.signal(signal.SIGTERM, stop) if main else None
    try:
        yield lambda: bool(came)
    finally:
        if main:
            signal.signal(signal.SIGTERM, signal.SIG_DFL if before is None else before)


def _stored_when_stopped(room: Newsroom | None) -> str:
    """What an `ingest` stopped by Ctrl-C stored: a batch is written whole or not at all, and
    the re-decision of its window after it waits in the store's queue (click said "Aborted!"
    and nothing of what was stored, exit status 1)."""
    if room is None or room.stored is None:
        return (
            "this batch was not stored (a batch is written whole or not at all; what was "
            "stored before stays); run the command again to store it"
        )
    r = room.stored
    return (
        f"this batch was stored (added {r.added}, updated {r.updated}, already present "
        f"{r.unchanged}); deciding its stories again was cut short: its articles wait in the "
        "store's queue, decided again by the next ingest or `newsmoa recluster --queued`"
    )


DAY_S = 86_400.0


def _finite(value: float | None, param: click.Parameter) -> float | None:
    """A number option's value, refused when it is none (`nan`: a range lets it through,
    and `watch --interval nan` ended in `time.sleep`'s traceback after its first poll)."""
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number", param=param)
    return value


def _expanded(sources: tuple[str, ...]) -> list[str]:
    """`sources` with each file pattern the shell left as it was (quoted, in a crontab, on
    Windows: `'clips/*.txt'`) expanded as the shell would, in name order; a pattern matching
    nothing, a path that exists, "-" and a URL stay as they are."""
    out: list[str] = []
    for source in sources:
        pattern = source != "-" and "://" not in source and any(c in source for c in "*?[")
        found = sorted(glob.glob(source)) if pattern and not Path(source).exists() else []
        out += found or [source]
    return out


def _say_items(report: IngestReport) -> None:
    """What an ingest said of single items, on stderr, a line each: the errors, the items
    dropped (`dropped: origin: why`) and the notes (analysis deferred)."""
    for line in report.errors:
        click.echo(f"error: {line}", err=True)
    for line in report.dropped_from:
        click.echo(f"dropped: {line}", err=True)
    for line in report.deferred:
        click.echo(f"note: {line}", err=True)


def _dropped(report: IngestReport) -> str:
    """The items an ingest dropped, counted by reason (`2 empty text`), or `none`."""
    return ", ".join(f"{n} {why}" for why, n in sorted(report.dropped.items())) or "none"


def _decided_again(got: ReclusterReport) -> str:
    kept = f" ({got.by_hand} placed by hand kept where they are)" if got.by_hand else ""
    return (
        f"decided again {plural(got.articles, 'article', 'articles')}{kept}: {got.moved} moved, "
        f"{plural(len(got.absorbed), 'story', 'stories')} absorbed, {len(got.founded)} split off"
        + (f" ({len(got.revived)} under the id it had before a merge)" if got.revived else "")
    )


@cli.command()
@click.option(
    "--days",
    type=click.FloatRange(min=0),
    help="Articles published this many days up to the newest stored one (an article "
    "without a publication time counts at its batch's time; default: the clustering window, "
    "2 days); 0: every stored article.",
)
@click.option(
    "--defer-analysis",
    is_flag=True,
    help="Only list the stories that changed; their documents are made when shown.",
)
@click.option(
    "--queued",
    is_flag=True,
    help="Instead, decide again around the articles waiting in the store's queue (added with "
    "`ingest --no-recluster`, or whose re-decision failed), whenever they were published, as "
    "`ingest` does (an article moves only where it links to its new story at least as "
    "strongly as to its old one).",
)
@click.pass_context
def recluster(ctx: click.Context, days: float | None, defer_analysis: bool, queued: bool) -> None:
    """Decide the recent stories again, as one batch, now that more of their reports are in.
    Articles added a few at a time (`ingest --no-recluster`, or another tool writing the
    store) were placed seeing only the articles before them; a batch sees them all
    (`--queued`: around the articles waiting for it, wherever they are in time). The
    articles within 2 days around the span stay where they are (an article without a
    publication time is where the batch that brought it placed it). Story ids are kept: a
    story keeps its id, a story found to be part of another redirects to it, and an article
    that moves says why in `show --why`.

    Example: newsmoa recluster --days 2
    """
    from datetime import timedelta

    from newsmoa.pipeline import Newsroom
    from newsmoa.review import AHEAD

    if days is not None and not math.isfinite(days):
        raise click.BadParameter(f"{days} is not a number of days", param_hint="--days")
    if queued and days is not None:
        raise click.BadParameter("--queued decides around the queue, not a number of days")
    room = Newsroom(_store(ctx))
    if queued:
        pending = room.recluster_queue(defer_analysis=defer_analysis)
        if pending is None:  # the queue was empty: recluster_queue decides any it finds
            waiting = len(room.store.unsettled())
            queue = plural(waiting, "article was", "articles were")
            click.echo(f"{queue} queued; nothing to decide again.")
            return
        got = pending
    else:
        # dated, or placed at its batch's time; not a wrong date ahead of now (2099)
        newest = room.store.newest_time(before=room.clock() + AHEAD)
        hours = room.config.window_hours if days is None else days * 24
        try:
            start = None if days == 0 or newest is None else newest - timedelta(hours=hours)
        except OverflowError:  # further back than any date: every article
            start = None
        got = room.recluster(start, newest if start else None, defer_analysis=defer_analysis)
    for story in got.stories:
        click.echo(f"changed {story}")
    click.echo(f"{_decided_again(got)}; {plural(len(got.stories), 'story', 'stories')} changed.")


@cli.command()
@click.argument("sources", nargs=-1)
@click.option(
    "--releases",
    "release_sources",
    multiple=True,
    help="A folder (file, feed) of press releases (repeat for more): what appears there is "
    "ingested as releases, as `ingest --release` does.",
)
@click.option(
    "--interval",
    type=click.FloatRange(min=0, max=DAY_S),
    default=60.0,
    show_default=True,
    callback=lambda ctx, param, value: _finite(value, param),
    help="Seconds between polls (at most a day: for longer, run `watch --once` from cron).",
)
@click.option("--once", is_flag=True, help="Poll once, then exit (cron jobs, scripts).")
@click.option(
    "--recluster-every",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="After every N-th poll that adds articles, decide the stored articles within 2 days "
    "of its articles, and of the polls before it, again with them, as `ingest` does (see "
    "`newsmoa ingest --help`); 0: never (they stay queued for `newsmoa recluster --queued`).",
)
@click.pass_context
def watch(
    ctx: click.Context,
    sources: tuple[str, ...],
    release_sources: tuple[str, ...],
    interval: float,
    once: bool,
    recluster_every: int,
) -> None:
    """Keep ingesting what appears in folders, files (file:// addresses too) and feeds: new
    files, the new lines of growing JSONL files, new feed entries. Each poll's articles are
    stored and placed in their stories together; then the stored articles within 2 days of
    them are decided again with them as `ingest` does (`--recluster-every`; an article moves
    only where it links to its new story at least as strongly as to its old one), and the
    documents of the stories that changed are rebuilt. An error is shown once. Stop with
    Ctrl-C.

    Example: newsmoa watch clippings/ https://news.example/rss.xml --releases releases/
    """
    from newsmoa.ingest.readers import as_release
    from newsmoa.ingest.watch import SETTLE_S, Poller
    from newsmoa.serve import watch as watching

    shown = store_shown(ctx)

    def opened() -> Store:
        return _open(ctx.obj["db"], create=True)  # it adds articles, as ingest does

    opened().close()  # a store that cannot be opened at all is an error now, not at a poll

    shown_failure: list[str] = []  # the failure said last, not said again at every poll
    stored = {"added": 0, "updated": 0}  # by the polls so far, said when it is stopped

    def report(got: watching.Round) -> None:
        shown_failure.clear()
        r = got.report
        stored["added"] += r.added
        stored["updated"] += r.updated
        for origin, story in got.placed:
            click.echo(f"{origin} -> {story}")
        _say_items(r)
        if got.reclustered:
            click.echo(f"{_decided_again(got.reclustered)}.")
        click.echo(
            f"added {r.added}, updated {r.updated}, already present {r.unchanged}; "
            f"{plural(r.new_stories, 'new story', 'new stories')}, {r.merged_stories} merged; "
            f"{plural(got.rebuilt, 'story', 'stories')} rebuilt; dropped: {_dropped(r)}; "
            f"errors: {len(r.errors)}."
        )

    def failed(exc: Exception, items: int) -> None:
        said = watching.failure_said(shown, exc)
        if shown_failure == [said]:
            return
        shown_failure[:] = [said]
        if once:  # no next poll: nothing of it was stored, and the next run reads it again
            click.echo(f"error: {said}; {items} items not stored: run it again", err=True)
            return
        click.echo(
            f"error: {said}; {items} items kept for the next poll (said again only when it "
            "changes)",
            err=True,
        )

    def left_out(item: Item, exc: Exception) -> None:
        click.echo(f"error: {item.origin}: {exc}; left out (it fails alone)", err=True)

    if not sources and not release_sources:
        raise click.UsageError("give a SOURCE to watch, or a --releases folder")
    settle = 0.0 if once else SETTLE_S

    def note(said: str) -> None:  # a file renamed or deleted, a folder gone or back
        click.echo(f"note: {said}", err=True)

    reports = Poller(list(sources), last_poll=once, settle_s=settle, on_note=note)
    releases = Poller(list(release_sources), last_poll=once, settle_s=settle, on_note=note)

    def poll() -> list[Item]:  # the releases after the reports: a release decides first
        return [*reports.poll(), *map(as_release, releases.poll())]  # all the same (`index`)

    with _stop_on_term() as stopped:
        try:
            ok = watching.watch(
                poll,
                opened,
                report,
                failed,
                left_out,
                interval=interval,
                polls=1 if once else None,
                recluster_every=recluster_every,
            )
        except KeyboardInterrupt:
            click.echo(
                f"stopped: added {plural(stored['added'], 'article', 'articles')} and updated "
                f"{stored['updated']} since the watch started; what a poll cut short had not "
                "stored is read again when it starts again",
                err=True,
            )
            ctx.exit(TERMINATED if stopped() else INTERRUPTED)
    if not ok:
        ctx.exit(1)


@cli.command()
@format_option(
    render.LIST_FORMATS,
    help="table and md for reading (times in the zone of --tz); json (one array), jsonl (one story "
    "a line) and csv (UTF-8 with BOM, for spreadsheets) keep the stored times.",
)
@click.option(
    "--limit",
    type=click.IntRange(1, 10**12),
    default=None,
    help="At most this many stories, newest first.",
)
@click.option(
    "--outlet", default=None, help="Only stories this outlet carried (its letters in any case)."
)
@span_options("stories first published")
@click.option(
    "--articles",
    is_flag=True,
    help="List each story's articles: under it (table, md), in its `articles` (json, jsonl), "
    "or a row each (csv).",
)
@click.pass_context
def stories(
    ctx: click.Context,
    fmt: str,
    limit: int | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    articles: bool,
) -> None:
    """The digest: one line per story, newest first. A story with a press release says how
    many articles, in how many outlets, carried it (`carried`; `release_placements` in json,
    `placements` and `placement_outlets` in csv), the release itself not counted.

    Example: newsmoa stories --since 2024-05-01 --format csv > stories.csv
    """
    from newsmoa import codec
    from newsmoa.serve.placements import with_placements
    from newsmoa.serve.view import shown_zone

    lo, hi = cli_span(since, until, shown_zone())
    store = _store(ctx)
    outlet, known = outlet_asked(store, outlet, "stories")
    rows = with_placements(
        store, store.story_summaries(limit=limit, outlet=outlet, since=lo, until=hi)
    )
    if not rows and fmt in ("table", "md"):  # (an empty table said nothing)
        asked = " ".join(f"--{k} {v}" for k, v in (("outlet", outlet), ("since", since),
                                                    ("until", until)) if v)  # fmt: skip
        if known:  # (an outlet the store lacks had its note)
            said = " with " + asked if asked else " in the store yet"
            click.echo(f"no stories{said}.", err=True)
        return
    by_story = None
    if articles:  # from the articles, not the stories' documents (a deferred one is not built)
        from newsmoa.reconcile.align import reading_order

        # in `show`'s order, the release first (the store's is by time, where an undated
        # release sat among its placements at the time its batch was placed)
        listed = {
            story: reading_order(found)
            for story, found in store.story_listings([r["id"] for r in rows]).items()
        }
        built = {story: _reuse(store, story) for story in listed}
        by_story = {
            story: [
                {
                    **codec.article_to_json(a, reuse=reuse.get(a.id), text=False),
                    "release_share": shares.get(a.id),
                }
                for a in found
            ]
            for story, found in listed.items()
            for reuse, shares in [built[story]]
        }
        unbuilt = [story for story, (reuse, _) in built.items() if not reuse]
        if unbuilt:  # (an empty column said nothing: a store from an older version, deferred)
            click.echo(
                f"note: reuse is not shown for {plural(len(unbuilt), 'story', 'stories')}:"
                " its document was built by another version of newsmoa, or not yet"
                f" (--defer-analysis); `newsmoa show {unbuilt[0]}` builds it",
                err=True,
            )
    if text := render.listing(rows, fmt, articles=by_story, width=_width()):
        click.echo(text)  # (no story in jsonl: no line, not a blank one)


def outlet_asked(store: Store, outlet: str | None, what: str) -> tuple[str | None, bool]:
    """`--outlet` as the store names it (case ignored: `serve.outlets`), and whether the
    store has it; when it has not (a typo?), say so on stderr with the ones it has (`no
    stories from …`, `no articles from …`), as the API's 404 does."""
    if not outlet or not outlet.strip():  # (--outlet "": none asked)
        return None, True
    known = store.outlets()
    if (name := outlet_named(known, outlet)) is not None:
        return name, True
    click.echo(f"note: {unknown_outlet(known, outlet, what)}", err=True)
    return outlet, False


def _width() -> int:
    """How wide a table may be: `COLUMNS` when set, else the terminal's when the output is
    one (a table of 140 columns wrapped each of its lines in an 80-column terminal, a
    black-box case), else `render.WIDTH` (a pipe, a file: the same at any terminal)."""
    given = os.environ.get("COLUMNS", "").strip()
    if given.isdigit() and int(given) > 0:
        return max(int(given), 40)
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size((render.WIDTH, 24)).columns, 40)
    return render.WIDTH


def _reuse(store: Store, story: str) -> tuple[dict[str, float], dict[str, float]]:
    """Each article's reuse, and the share of the release each carrier ran (`release_share`
    of `release_carried_by`), from the story's document when it is built (null when not: a
    listing builds no document)."""
    doc = store.story_doc(story) or {}
    reuse = {a["id"]: a["reuse"] for a in doc.get("articles", []) if a.get("reuse") is not None}
    shares = {c["article"]: c["release_share"] for c in doc.get("release_carried_by") or []}
    return reuse, shares


@cli.command()
@click.argument("story_id")
@format_option(
    render.STORY_FORMATS,
    help="table and md for reading; json: the Story JSON contract (docs/contracts.md).",
)
@click.option(
    "--why", is_flag=True, help="For each article, the signals that placed it in the story."
)
@click.pass_context
def show(ctx: click.Context, story_id: str, fmt: str, why: bool) -> None:
    """One story: consolidated sentences with sources, facts, disagreements, event card.

    Example: newsmoa show s8a6bae8129a3 --format md --why
    """
    from newsmoa.pipeline import story_document
    from newsmoa.serve.ids import story_id as full_id

    store = _store(ctx)
    try:  # pasted with a space, as corrections take it; or a unique prefix of it
        given = full_id(store, story_id)
    except NewsmoaError as exc:
        raise click.ClickException(f"{exc} in {store_shown(ctx)}") from exc
    doc = story_document(store, given)
    if doc is None:
        held = store.stories_of([given]).get(given)  # an article's id, given by mistake?
        hint = f": {given} is an article of story {held} (newsmoa show {held})" if held else ""
        raise click.ClickException(f"no story {story_id!r} in {store_shown(ctx)}{hint}")
    shown_id = str(doc.get("id"))
    if shown_id != given or not shown_id.startswith(story_id.strip().lower()):
        # an absorbed id, or the start of one: say so, on stderr (stdout stays the document)
        named = given if shown_id != given else story_id.strip()
        click.echo(f"note: {named} was merged into {shown_id}: showing {shown_id}", err=True)
    if fmt == "json" and not why:
        doc = {k: v for k, v in doc.items() if k != "why"}
    click.echo(render.story(doc, fmt, why=why, width=_width()))


@cli.command()
@click.argument("infile", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    "outfile",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help='Where the {"id", "story"} lines go ("-": standard output).',
)
@click.pass_context
def cluster(ctx: click.Context, infile: str, outfile: str) -> None:
    """Batch story assignment, no database: one {"id", "story"} line per input line, in order.

    Example: newsmoa cluster articles.jsonl -o stories.jsonl
    """
    from newsmoa.outfile import writing
    from newsmoa.pipeline import cluster_file
    from newsmoa.serve.outputs import cannot_read, cannot_write, check_outputs, say_line_errors

    check_outputs([("--output", outfile)], [infile])
    # The batch's objects all live to its end: what exists before it is left out of
    # collections, and full collections (which rescanned millions of objects, ~1.8 s of 50,000
    # articles) wait for 100x more young ones; memory stays the same. Restored after (a test
    # calls this in its own process).
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*thresholds[:2], 100 * thresholds[2])
    try:
        with _as_file(infile) as path:
            results = cluster_file(path)  # line k is item k - 1
    except OSError as exc:
        raise cannot_read(infile, exc) from exc
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
    try:
        with writing(outfile) as out:
            for row in results:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise cannot_write(outfile, exc) from exc
    errors = [(r["line"], r["error"]) for r in results if "error" in r]
    say_line_errors(infile, errors)
    if errors:
        ctx.exit(1)


@contextmanager
def _as_file(infile: str) -> Iterator[str]:
    """`infile` as a regular file, which `cluster_file`'s worker processes read themselves:
    the file itself, or stdin ("-"), a pipe or a gzip file (decompressed) copied to a
    temporary file first, so that every input is split into lines and decoded the same way."""
    from newsmoa.ingest.compressed import copy_plain, is_gzip

    if infile != "-" and Path(infile).is_file() and not is_gzip(infile):
        yield infile
        return
    with tempfile.NamedTemporaryFile(prefix="newsmoa-", suffix=".jsonl") as copy:
        if infile == "-":
            shutil.copyfileobj(sys.stdin.buffer, copy)
        else:
            copy_plain(infile, copy)  # a pipe, or a gzip file decompressed
        copy.flush()
        yield copy.name


@cli.command()
@click.option(
    "--host", envvar=settings.BY_NAME["host"].env, default=settings.BY_NAME["host"].default,
    show_default=True, show_envvar=True, help="Address to listen on.",
)  # fmt: skip
@click.option(
    "--port", envvar=settings.BY_NAME["port"].env, default=int(settings.BY_NAME["port"].default),
    type=click.IntRange(0, 65535), show_default=True, show_envvar=True, help="Port to listen on.",
)  # fmt: skip
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """The web UI and JSON API over the store.

    Example: newsmoa serve --port 8000, then open http://127.0.0.1:8000/
    """
    import uvicorn

    from newsmoa.serve.app import create_app

    missing(ctx.obj["db"], create=False)  # a server of a mistyped path would show nothing
    try:
        app = create_app(ctx.obj["db"])
    except NewsmoaError as exc:  # a store that is not one, a bad editors' file
        raise click.ClickException(str(exc)) from exc
    uvicorn.run(app, host=host, port=port, log_level="info")


@cli.command(name="eval")
@click.option(
    "--only",
    type=click.Choice(["clustering", "review", "disagreements", "ner"]),
    default=None,
    help="Run one table only.",
)
def eval_(only: str | None) -> None:
    """Scores on the evaluation sets, printed as tables: story clustering (ECB+ test topics,
    the Korean dev day when its texts are present, near-duplicates), what an editor following
    `newsmoa doubts` gets from it (review), the disagreements reported on the Korean sets
    (no gold: listed for a reader), and entities (KLUE-NER).

    Example: newsmoa eval --only ner
    """
    from newsmoa.eval import clustering, disagreements, ner, review

    status = 0
    if only in (None, "clustering"):
        status |= clustering.main([]) or 0
    if only in (None, "review"):
        click.echo("")
        review.main([])
    if only in (None, "disagreements"):
        click.echo("")
        disagreements.main([])
    if only in (None, "ner"):
        click.echo("")
        ner.main([])
    if status:
        raise SystemExit(status)


def _register() -> None:
    """Commands that live in their own modules (they import heavier stages lazily)."""
    from newsmoa.serve.cmd_backfill import backfill
    from newsmoa.serve.cmd_corrections import COMMANDS
    from newsmoa.serve.cmd_doubts import doubts
    from newsmoa.serve.cmd_entities import entities
    from newsmoa.serve.cmd_refresh import refresh
    from newsmoa.serve.cmd_search import search

    cli.add_command(search)
    cli.add_command(entities)
    cli.add_command(doubts)
    cli.add_command(backfill)
    cli.add_command(refresh)
    for command in COMMANDS:
        cli.add_command(command)
    for name, command in cli.commands.items():
        if name not in NO_STORE:
            command.params.append(_db_here())
        if name in ZONED:
            command.params.append(_tz_here())


def _put_back(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


NO_STORE = ("backfill", "cluster", "entities", "eval")  # the commands that open no store
# the commands that read times written without a zone or show times: `--tz`
ZONED = (
    "ingest", "watch", "cluster", "backfill", "stories", "show", "search", "serve", "doubts",
    "corrections",
)  # fmt: skip


def _tz_here() -> click.Option:
    """`--tz ZONE`: the zone of times written without one in a text that does not say where
    it is from, and of the times shown (the setting `tz`, NEWSMOA_TZ). A US newsroom's
    `Posted March 5, 2024 at 5:02 pm` was read, and every time shown, in Seoul's. Given,
    it is the setting for the whole command, its worker processes and its server included
    (set in its environment until it ends); a zone that is none is refused before anything
    is read, the variable's as the option's."""
    setting = settings.BY_NAME["tz"]

    def given(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
        try:
            zone = settings.zone_named(value if value is not None else setting.value())
        except ValueError as exc:
            if value is None:  # (the variable's: no option to blame)
                raise click.UsageError(f"{setting.env}: {exc}") from None
            raise click.BadParameter(str(exc), param=param) from None
        if value is not None:  # (for the command: put back when it ends)
            before = os.environ.get(setting.env)
            os.environ[setting.env] = zone.key
            ctx.call_on_close(lambda: _put_back(setting.env, before))

    return click.Option(
        ["--tz"],
        metavar="ZONE",
        expose_value=False,
        is_eager=True,
        callback=given,
        help="Time zone (IANA: America/Chicago, Europe/London, UTC) of times written without "
        "one where a text does not say where it is from (a Korean text's are Seoul's; an "
        "English dateline's place, `SPRINGFIELD, Ill. —`, or zone, `5:02 p.m. CT`, is its "
        f"own), and of the times shown. Default: {setting.env}, else {setting.default}.",
    )


def _db_here() -> click.Option:
    """`--db` after the command's name too (`newsmoa stories --db x.db`, refused as "No such
    option" when only `newsmoa --db x.db stories` was read: a black-box case); given there,
    it is the store, whatever `newsmoa --db` or NEWSMOA_DB says."""

    def given(ctx: click.Context, _: click.Parameter, value: str | None) -> None:
        if value is not None:
            ctx.ensure_object(dict)["db"] = value

    return click.Option(
        ["--db"],
        expose_value=False,
        is_eager=True,
        callback=given,
        help="The store, as `newsmoa --db` gives it (either place; here wins).",
    )


_register()


def main() -> None:
    """The `newsmoa` command; a setting it cannot use (`ConfigError`) ends it with one line
    naming the variable, as click reports a bad option (exit status 2); a store that cannot
    be written (`StoreError`: stories kept changing under a batch, the write lock held past
    the wait) with one line too (exit status 1), not a traceback (a black-box case), and so
    does a database server that went away mid-command (a PostgreSQL stopped under an
    ingest printed psycopg's traceback: a black-box case)."""
    from newsmoa.store.base import is_busy, is_lost

    try:
        cli(obj={})
    except ConfigError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except NewsmoaError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:
        if is_lost(exc):  # (a batch is written whole or not at all: run it again)
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            click.echo(
                f"Error: the store stopped answering ({first}); what was stored before "
                "stays, and running the command again completes it",
                err=True,
            )
            sys.exit(1)
        if not is_busy(exc):
            raise
        click.echo(
            "Error: the store is busy: another process kept writing to it; try again", err=True
        )
        sys.exit(1)
