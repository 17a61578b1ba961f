"""A span of time as a user gives it to `--since/--until` (`stories`, `search`) and to
`?since=&until=` (`/api/stories`, `/api/search`, the story list): an ISO date, which is the
whole day in the zone the tables show (`view.shown_zone`), in any ISO form (20240531; a
week, 2024-W22, is all of it), a month (2024-05) or a year (2024), the whole of it, or an
ISO time, with its offset (without one, a time in that zone). `since` is where the span
starts, `until` the last moment in it: `--until 2024-05-31` takes in all of 31 May."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from typing import TypeVar

import click

_WEEK = re.compile(r"\d{4}-?W\d{2}")  # an ISO week without its day: all of it
_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")  # a year, or a month: all of it


def bound(text: str | None, zone: tzinfo, *, end: bool = False) -> datetime | None:
    """The start of the span `text` names (with `end`: the first moment after it), in
    `zone` where it names none; None for no text. Raises ValueError naming what it read."""
    if text is None or not text.strip():
        return None
    given = text.strip()
    if whole := _MONTH.fullmatch(given):
        year, month = int(whole[1]), int(whole[2] or 1)
        if year >= 1 and 1 <= month <= 12:
            if end and whole[2]:
                year, month = year + month // 12, month % 12 + 1
            elif end:
                year += 1
            if year <= 9999:
                return datetime(year, month, 1, tzinfo=zone)
    try:
        when = datetime.fromisoformat(given)
    except ValueError:
        raise ValueError(
            f"{given!r} is not a date or a time: give 2024-05-01, or 2024-05-01T09:00+09:00"
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=zone)
    if not end:
        return when
    if _is_date(given):  # the whole day (week): until the next one starts
        days = 7 if _WEEK.fullmatch(given) else 1
        return (when.replace(tzinfo=None) + timedelta(days=days)).replace(tzinfo=zone)
    return when + timedelta(microseconds=1)  # the moment given is in the span


def _is_date(text: str) -> bool:
    """Whether `text` is a date without a time in any ISO form (2024-05-31, 20240531,
    2024-W22-5), which is a whole day, not its first moment."""
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def span(
    since: str | None, until: str | None, zone: tzinfo
) -> tuple[datetime | None, datetime | None]:
    """[start, end) of `--since/--until`; raises ValueError for one that is not a date or
    a time, or for a span that ends before it starts."""
    lo, hi = bound(since, zone), bound(until, zone, end=True)
    if lo is not None and hi is not None and hi <= lo:
        raise ValueError(f"the span ends ({until}) before it starts ({since})")
    return lo, hi


F = TypeVar("F", bound=Callable[..., object])


def span_options(what: str) -> Callable[[F], F]:
    """`--since` and `--until` of a command listing `what` (`stories first published`,
    `articles published`), as `span` reads them."""

    def add(command: F) -> F:
        until = click.option(
            "--until", default=None, help="Only those until then (a date: to its end)."
        )
        since = click.option(
            "--since",
            default=None,
            help=f"Only {what} from then: an ISO date (the whole day, in the zone of --tz), "
            "month (2024-05) or year, or a time with its offset (2024-05-01T09:00+09:00).",
        )
        return since(until(command))

    return add


def cli_span(
    since: str | None, until: str | None, zone: tzinfo
) -> tuple[datetime | None, datetime | None]:
    """`span` for a command: a bad value is a usage error naming both options."""
    try:
        return span(since, until, zone)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since/--until") from exc
