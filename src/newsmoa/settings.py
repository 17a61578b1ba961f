"""One table of user-facing settings: name, default, unit (in the name), environment variable, help.

Stage tuning lives in each stage's frozen `*Config`; this table holds what a user sets.
"""

from __future__ import annotations

import difflib
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from newsmoa.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    env: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.env, self.default)


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "newsmoa.db", "NEWSMOA_DB", "store: an SQLite file path or a postgresql:// URL"),
    Setting("host", "127.0.0.1", "NEWSMOA_HOST", "address `serve` listens on"),
    Setting("port", "8000", "NEWSMOA_PORT", "port `serve` listens on"),
    Setting(
        "fetch_timeout_s",
        "20",
        "NEWSMOA_FETCH_TIMEOUT_S",
        "seconds a feed or page may take to arrive, in all (a page over 20 MB is refused)",
    ),
    Setting(
        "tz",
        "Asia/Seoul",
        "NEWSMOA_TZ",
        "time zone (IANA: America/Chicago, Europe/London, UTC) of times written without one "
        "in a text that does not say where it is from (a Korean text's are Seoul's; an English "
        "dateline's place or zone word is its own), and of the times tables and pages show",
    ),
    Setting(
        "edit_token",
        "",
        "NEWSMOA_EDIT_TOKEN",
        "the bearer token `serve` asks of an editor's corrections (`POST /api/corrections`); "
        "empty, and no editors' tokens (NEWSMOA_EDITORS): corrections only from the command line",
    ),
    Setting(
        "editors",
        "",
        "NEWSMOA_EDITORS",
        "a file of editors with tokens of their own, one `NAME TOKEN` a line, for `serve`: "
        "the log names who made each correction by the token it came with (`proven: true`)",
    ),
)

BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    return BY_NAME[name].value()


def seconds(name: str) -> float:
    """A setting that is a number of seconds above 0 (`ConfigError` naming the variable and
    the value otherwise)."""
    setting = BY_NAME[name]
    raw = setting.value()
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (0 < value < math.inf):
        raise ConfigError(f"{setting.env} must be a number of seconds above 0, not {raw!r}")
    return value


def zone(value: str | None = None) -> ZoneInfo:
    """The time zone `value` names, else the setting `tz` (`ConfigError` naming the variable,
    the value and the nearest names when it names none: `zone_named`)."""
    setting = BY_NAME["tz"]
    try:
        return zone_named(setting.value() if value is None else value)
    except ValueError as exc:
        raise ConfigError(f"{setting.env}: {exc}") from None


@lru_cache(maxsize=64)
def zone_named(name: str) -> ZoneInfo:
    """The time zone an IANA name names, in any case (`america/chicago`); `ValueError`
    saying so, with the nearest names, when it names none (`America/Chicgo`, `Seoul`).
    Kept: `extract` asks it of the setting for every article (a name in another case
    would read every zone's file each time)."""
    given = name.strip()
    try:
        return ZoneInfo(given)
    except (ValueError, ZoneInfoNotFoundError):
        pass
    known = {z.lower(): z for z in available_timezones()}
    if given.lower() in known:
        return ZoneInfo(known[given.lower()])
    near = difflib.get_close_matches(given.lower(), known, n=3)
    hint = (
        f"did you mean {' or '.join(known[n] for n in near)}?"
        if near
        else "give an IANA name such as Asia/Seoul, America/Chicago, Europe/London or UTC"
    )
    raise ValueError(f"{name!r} is no time zone: {hint}")
