"""Every command and setting is documented (the sqlite-utils habit)."""

import re
from pathlib import Path

import pytest

from newsmoa import settings
from newsmoa.serve.cli import cli

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text("utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_an_example_and_a_readme_row(name):
    command = cli.commands[name]
    assert "Example:" in (command.help or ""), name
    assert f"newsmoa {name}" in README, name


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_in_the_readme(setting):
    assert setting.env in README and setting.default in README


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_option_says_what_it_does_and_its_default(name):
    """`--format` (stories, show, doubts, corrections), `doubts --limit` and `cluster -o` had
    no help, and `doubts`' and `corrections`' formats no default shown."""
    import click

    for param in cli.commands[name].params:
        if not isinstance(param, click.Option) or param.name == "help":
            continue
        assert param.help, (name, param.opts)
        given = param.required or param.multiple or param.is_flag or callable(param.default)
        if isinstance(param.default, str | int | float) and not given:
            assert param.show_default, (name, param.opts)


_SHARED = ("--db", "--tz", "--json")  # each documented once, for every command that takes it


def _rows(name: str) -> str:
    """The README's command-table rows of `newsmoa NAME` (a row may name several commands)."""
    rows = [line for line in README.splitlines() if line.startswith("| `newsmoa ")]
    return " ".join(r for r in rows if f"`newsmoa {name} " in r or f"`newsmoa {name}`" in r)


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_option_is_in_its_commands_readme_row(name):
    """`--defer-analysis` (ingest, recluster, the corrections), `stories --limit/--outlet` and
    `serve --host/--port` were in `--help` only; a row may leave its options to the package
    README it names (`backfill`)."""
    import click

    row = _rows(name)
    assert row, name
    pointed = " ".join(
        (ROOT / path).read_text("utf-8") for path in re.findall(r"src/newsmoa/\w+/README\.md", row)
    )
    for param in cli.commands[name].params:
        if not isinstance(param, click.Option) or param.name == "help":
            continue
        names = [o for o in param.opts + param.secondary_opts if o.startswith("--")]
        if any(o in _SHARED for o in names):
            assert any(o in README for o in names), (name, names)
            continue
        said = [o for o in param.opts + param.secondary_opts if _named(o, row) or o in pointed]
        assert said, (name, names)


def _named(option: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_example_id_is_shaped_as_the_store_makes_them(name):
    """`show`'s example named `s-1a2b3c4d5e`, a story id no store makes (`s8a6bae8129a3`)."""
    for story in re.findall(r"\bs-?[0-9a-f-]{6,}\b", cli.commands[name].help or ""):
        assert re.fullmatch(r"s[0-9a-f]{12}", story), (name, story)
