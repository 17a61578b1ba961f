"""`--since/--until` and `?since=&until=` as a user writes them (`serve.span`)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from newsmoa.serve.span import span

SEOUL = ZoneInfo("Asia/Seoul")


def seoul(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2024-05-31", "2024-05-31", (seoul(2024, 5, 31), seoul(2024, 6, 1))),
        ("20240531", "20240531", (seoul(2024, 5, 31), seoul(2024, 6, 1))),  # ISO's basic form
        ("2024-W22", "2024-W22", (seoul(2024, 5, 27), seoul(2024, 6, 3))),  # a week: all of it
        ("2024-W22-5", "2024W225", (seoul(2024, 5, 31), seoul(2024, 6, 1))),  # its Friday
        ("2024-05", "2024-05", (seoul(2024, 5, 1), seoul(2024, 6, 1))),
        ("2024-05-31T09:00", None, (seoul(2024, 5, 31, 9), None)),
    ],
)
def test_a_date_in_any_iso_form_is_the_whole_day(since, until, expected):
    assert span(since, until, SEOUL) == expected
