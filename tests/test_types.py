"""The values' own rules (`newsmoa.types`)."""

import pytest

from newsmoa import codec
from newsmoa.serve.view import when
from newsmoa.types import is_day


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026-03-12", True),
        (" 2026-03-12\n", True),  # as a field or a line gives it
        ("2026-03-12T00:00:00+09:00", False),
        ("2026-03-12 09:00", False),
        ("2026-03", False),
        ("not a day!", False),  # ten characters, no date
        ("２０２６-０３-１２", False),  # wide digits: no ISO date (`fromisoformat` refuses them)
        ("", False),
        (None, False),
    ],
)
def test_a_date_alone_is_one_rule(value, day):
    assert is_day(value) is day


def test_the_codec_and_the_pages_read_a_date_alone_by_that_rule():
    """A date alone with its `published_at` is that instant; a time is itself; a page shows
    a date alone as written (it has no time to move into the reader's zone)."""
    at = "2026-03-12T00:00:00+09:00"
    assert codec.instant("2026-03-12", at).isoformat() == at
    assert codec.instant("2026-03-12T10:00:00+09:00", at).hour == 10
    assert when("2026-03-12") == "2026-03-12"
