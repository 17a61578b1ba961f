"""Editors with tokens of their own (`NEWSMOA_EDITORS`): the log names who made a correction
by the token it came with, not by the name a request gives.

The file holds one editor a line, the name then the token, separated by spaces or tabs (the
last field is the token, so a name may have spaces); blank lines and lines starting with `#`
are skipped, and a `#` later on a line is refused (a comment after a token would be taken
for it). A token must be at least `MIN_TOKEN` characters, belong to one editor only and not
be the server's edit token, so that a weak or shared one fails at start, naming the file and
line, never what the line holds (`ConfigError`); so does a file without any editor. The file
is read when the server starts: restart it to add or revoke an editor.

    # name          token
    김기자 사회부    4f1c0d7e9b2a8c3f5e6d7a8b9c0d1e2f
    night desk      0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from newsmoa.corrections import MAX_NAME, editor_name
from newsmoa.errors import ConfigError, Refused

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


def load(path: str, *, shared: str = "") -> Editors:
    """The editors listed in the file at `path` (see the module docstring); `shared`: the
    server's edit token, which no editor's may be (its holders would be logged as them).
    Errors name the line, never what is on it (a token may be)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")  # a BOM is not a name
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the editors' file: {exc}") from exc
    tokens: dict[str, str] = {}
    lines: dict[str, int] = {}  # token -> its line
    named: dict[str, int] = {}  # name -> its line
    for n, line in enumerate(text.split("\n"), 1):
        words = [w for w in re.split(r"[ \t\r]+", line) if w]  # ASCII blanks only
        if not words or words[0].startswith("#"):
            continue
        where = f"{path}:{n}"
        if any(w.startswith("#") for w in words[1:]):
            raise ConfigError(f"{where}: a comment goes on a line of its own")
        *name_words, token = words
        name = " ".join(name_words)
        if not name:
            raise ConfigError(f"{where}: give a name, then the token")
        if len(name) > MAX_NAME:
            raise ConfigError(f"{where}: the name is longer than {MAX_NAME} characters")
        try:
            editor_name(name)
        except Refused:
            raise ConfigError(f"{where}: the name holds a control character") from None
        if len(token) < MIN_TOKEN:
            raise ConfigError(f"{where}: the token is shorter than {MIN_TOKEN} characters")
        if name in named:
            raise ConfigError(f"{where}: the name of line {named[name]} again")
        if token in lines:
            raise ConfigError(f"{where}: the token of line {lines[token]} again")
        if shared and token == shared:
            raise ConfigError(f"{where}: the server's edit token (NEWSMOA_EDIT_TOKEN)")
        tokens[name], lines[token], named[name] = token, n, n
    if not tokens:  # else corrections would be off with the variable set
        raise ConfigError(f"{path}: no editor in the editors' file (one `NAME TOKEN` a line)")
    return Editors(tokens)
