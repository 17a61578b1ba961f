"""The `--format` option of the commands that print stored things, and its shorthand
`--json` for `--format json` (what `gh`, `kubectl` and their readers type: two black-box
users asked `show ID --json` and were refused). `--json` with another `--format` given is
refused, naming both."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

import click

F = TypeVar("F", bound=Callable[..., Any])


def format_option(choices: Sequence[str], help: str) -> Callable[[F], F]:
    """`--format` (the command's `fmt`, `table` by default) from `choices`, which hold
    `json`, and `--json` for it."""
    if "json" not in choices:
        raise ValueError("--json stands for --format json: give json among the choices")

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def run(*args: Any, as_json: bool, **kwargs: Any) -> Any:
            if as_json:
                ctx = click.get_current_context()
                given = ctx.get_parameter_source("fmt") is click.core.ParameterSource.COMMANDLINE
                if given and kwargs["fmt"] != "json":
                    raise click.UsageError(
                        f"--json is --format json: not with --format {kwargs['fmt']}"
                    )
                kwargs["fmt"] = "json"
            return command(*args, **kwargs)

        with_json = click.option(
            "--json", "as_json", is_flag=True, help="The same as --format json."
        )(run)
        option = click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices)),
            default="table",
            show_default=True,
            help=help,
        )
        return cast(F, option(with_json))

    return decorate
