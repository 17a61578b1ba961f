"""`newsmoa backfill`: the grouping half of ingest over an archive, locally or on Spark."""

from __future__ import annotations

import click

from newsmoa.backfill.config import BackfillConfig


def _conf(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE, got {pair!r}", param_hint="--conf")
        out[key.strip()] = value.strip()
    return out


@click.command()
@click.argument("infile", metavar="IN")
@click.option(
    "-o",
    "--output",
    "outfile",
    required=True,
    metavar="OUT",
    help='One {"id","story"} line per input line, as `newsmoa cluster` ("-": stdout).',
)
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="local: this process; spark: PySpark (pip install 'newsmoa[spark]').",
)
@click.option(
    "--master",
    metavar="URL",
    default=None,
    help="Spark master (local[4], spark://host:7077, yarn, k8s://...). Default: "
    "local[2], or spark-submit's master when started by spark-submit.",
)
@click.option(
    "--near-duplicates",
    "near_duplicates",
    metavar="PATH",
    default=None,
    help="Where the near-duplicate groups go. Default: OUT.near_duplicates.jsonl.",
)
@click.option(
    "--block-hours",
    type=float,
    default=BackfillConfig().block_hours,
    show_default=True,
    help="Length of the time blocks stories are clustered in.",
)
@click.option(
    "--block-articles",
    type=click.IntRange(min=0),
    default=BackfillConfig().block_articles,
    show_default=True,
    help="Join consecutive time blocks until each holds this many articles (0: never).",
)
@click.option(
    "--overlap-hours",
    type=float,
    default=None,
    help="Hours before a block it also sees. Default: the cluster window (48).",
)
@click.option(
    "--conf",
    "conf",
    multiple=True,
    metavar="KEY=VALUE",
    help="Extra Spark setting (repeatable), e.g. --conf spark.executor.memory=4g.",
)
@click.pass_context
def backfill(
    ctx: click.Context,
    infile: str,
    outfile: str,
    engine: str,
    master: str | None,
    near_duplicates: str | None,
    block_hours: float,
    block_articles: int,
    overlap_hours: float | None,
    conf: tuple[str, ...],
) -> None:
    """Group an archive into stories on one machine or a Spark cluster, as `cluster` does.

    Reads IN (the article JSONL contract; with --engine spark any path Spark reads, such as
    hdfs:// or s3a://), writes OUT like `newsmoa cluster` (one {"id","story"} line per input
    line, {"line": N, "error": ...} for an unusable line, exit status 1 if any) and the
    near-duplicate groups as JSONL ({"articles", "lines", "stories"}, one group a line).

    Example: newsmoa backfill archive.jsonl --engine spark -o stories.jsonl

    On a cluster: newsmoa backfill hdfs:///news/2015.jsonl --engine spark
    --master spark://head:7077 -o stories.jsonl
    """
    from newsmoa.backfill import backfill as run
    from newsmoa.backfill.output import near_duplicates_path
    from newsmoa.backfill.session import SparkMissing
    from newsmoa.errors import InputError
    from newsmoa.serve.outputs import cannot_read, cannot_write, check_outputs, say_line_errors
    from newsmoa.serve.view import plural

    if engine == "local" and master:
        raise click.BadParameter("--master needs --engine spark", param_hint="--master")
    groups = near_duplicates or near_duplicates_path(outfile)
    check_outputs(
        [("--output", outfile), *([("--near-duplicates", groups)] if groups else [])], [infile]
    )
    if groups is None:
        click.echo(
            "note: the near-duplicate groups are not written with OUT on stdout; give "
            "--near-duplicates PATH for them",
            err=True,
        )
    try:
        config = BackfillConfig(
            block_hours=block_hours, block_articles=block_articles, overlap_hours=overlap_hours
        )
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    try:
        summary = run(
            infile,
            outfile,
            engine=engine,
            master=master,
            near_duplicates=near_duplicates,
            config=config,
            spark_conf=_conf(conf),
        )
    except (SparkMissing, InputError) as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        if exc.filename in (outfile, groups):
            raise cannot_write(exc.filename, exc) from exc
        raise cannot_read(infile, exc) from exc
    say_line_errors(infile, summary.errors)
    times = ", ".join(f"{k[:-2]} {v:.1f}s" for k, v in summary.stats.items() if k.endswith("_s"))
    click.echo(
        f"backfill ({engine}): {plural(summary.lines, 'line', 'lines')}, "
        f"{plural(summary.stories, 'story', 'stories')}, "
        f"{plural(summary.groups, 'near-duplicate group', 'near-duplicate groups')}, "
        f"{plural(len(summary.errors), 'error', 'errors')}; {times}",
        err=True,
    )
    if summary.errors:
        ctx.exit(1)
