"""Editors with tokens of their own (`NEWSMOA_EDITORS`): the log names who made a correction
by the token it came with, not by the name a request gives.

The file holds one editor a line, the name then the token, separated by whitespace (the last
field is the token, so a name may have spaces); blank lines and lines starting with `#` are
skipped. A token must be at least `MIN_TOKEN` characters and belong to one editor only, so
that a weak or shared one fails at start, naming the file and line (`ConfigError`).

    # name          token
    김기자 사회부    4f1c0d7e9b2a8c3f5e6d7a8b9c0d1e2f
    night desk      0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d
"""

from __future__ import annotations

import secrets
from pathlib import Path

from newsmoa.errors import ConfigError

MIN_TOKEN = 16


class Editors:
    """Name -> token, and who a token belongs to (compared in constant time with each)."""

    def __init__(self, tokens: dict[str, str] | None = None) -> None:
        self._by_name = dict(tokens or {})

    def __bool__(self) -> bool:
        return bool(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def who(self, given: bytes) -> str | None:
        """The editor whose token `given` is (None: nobody's). Every token is compared, so
        the time taken does not tell which one came close."""
        found = None
        for name, token in self._by_name.items():
            if secrets.compare_digest(given, token.encode("utf-8")):
                found = name
        return found


def load(path: str) -> Editors:
    """The editors listed in the file at `path` (see the module docstring)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the editors' file: {exc}") from exc
    tokens: dict[str, str] = {}
    owners: dict[str, str] = {}
    for n, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        *words, token = text.split()
        name = " ".join(words)
        where = f"{path}:{n}"
        if not name:
            raise ConfigError(f"{where}: give a name, then the token")
        if len(token) < MIN_TOKEN:
            raise ConfigError(f"{where}: {name}'s token is shorter than {MIN_TOKEN} characters")
        if name in tokens:
            raise ConfigError(f"{where}: {name} is listed twice")
        if token in owners:
            raise ConfigError(f"{where}: {name} has the token of {owners[token]}")
        tokens[name], owners[token] = token, name
    return Editors(tokens)
