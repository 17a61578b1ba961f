"""Every command and setting is documented (the sqlite-utils habit)."""

from pathlib import Path

import pytest

from newsmoa import settings
from newsmoa.serve.cli import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")


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
