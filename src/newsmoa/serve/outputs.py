"""Where a batch command writes (`cluster`, `entities`, `backfill`): checked before the work,
so that an output that cannot be written fails at once with one line naming it, and an
output that names an input (or another output) is refused: it would be emptied while read.
And how such a command names its input in a message: a read that failed, a line unusable.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import click


def check_outputs(outputs: Sequence[tuple[str, str]], inputs: Sequence[str]) -> None:
    """Refuse (`click.BadParameter`, exit status 2) an output path, given as (option, path),
    that is a folder, lies in no folder, cannot be written, or is one of `inputs` or of the
    other outputs. "-" (stdout, stdin) and URLs (hdfs://, s3a://) are not checked."""
    seen: dict[str, str] = {}
    for option, path in outputs:
        if path == "-" or "://" in path:
            continue
        target = Path(path)
        if target.is_dir():
            raise click.BadParameter(f"{path} is a folder", param_hint=option)
        folder = target.resolve().parent
        if not folder.is_dir():
            raise click.BadParameter(f"{path}: no folder {folder}", param_hint=option)
        if not os.access(target if target.exists() else folder, os.W_OK):
            raise click.BadParameter(f"{path} cannot be written", param_hint=option)
        for source in inputs:
            if source != "-" and "://" not in source and _same(target, Path(source)):
                raise click.BadParameter(
                    f"{path} is also the input: it would be emptied while it is read",
                    param_hint=option,
                )
        key = str(target.resolve())
        if key in seen:
            raise click.BadParameter(f"{path} is also where {seen[key]} goes", param_hint=option)
        seen[key] = option


def _same(a: Path, b: Path) -> bool:
    """Whether two paths name one file (hard links and symbolic links included)."""
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def cannot_write(path: str, exc: OSError) -> Exception:
    """The one line for an output that failed while written (a full disk); standard output
    whose reader went away (`| head`) is no failure to report: that stays a
    `BrokenPipeError`, which click ends quietly (status 1), as it ends `stories | head`."""
    if path == "-" and exc.errno == errno.EPIPE:
        return BrokenPipeError(errno.EPIPE, "Broken pipe")
    return click.ClickException(f"{path}: cannot write: {exc.strerror or exc}")


def input_name(path: str) -> str:
    """An input as messages name it: `<stdin>` for "-"."""
    return "<stdin>" if path == "-" else path


def cannot_read(path: str, exc: OSError) -> click.ClickException:
    """The one line for an input that could not be read."""
    return click.ClickException(f"{input_name(path)}: cannot read: {exc.strerror or exc}")


def say_line_errors(path: str, errors: Iterable[tuple[int, str]]) -> None:
    """Each unusable input line on stderr, as `error: IN:LINE: message`."""
    for line, message in errors:
        click.echo(f"error: {input_name(path)}:{line}: {message}", err=True)
