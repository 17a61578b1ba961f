"""facts.compare: when one figure says another."""

from __future__ import annotations

import pytest

from newsmoa.facts.compare import quantity_covers


@pytest.mark.parametrize(
    ("hedged", "exact", "covers"),
    [
        (2_000_000, 1_500_000, True),  # about $2 million: $1.5 million rounds to it
        (60, 58, True),  # about 60 jobs, 58 jobs
        (85, 58, False),  # about 85 jobs, 58 jobs
        # a figure of one digit is no licence for half of it (review: 약 1억원 covered
        # 5,100만원, 약 1만 명 6천 명, about 100 both 60 and 149)
        (100_000_000, 51_000_000, False),
        (10_000, 6_000, False),
        (100, 60, False),
        (100, 149, False),
        (1_000, 1_500, False),
        (100, 120, True),  # within a fifth (APPROX_SHARE)
    ],
)
def test_a_figure_given_as_about_so_many_covers_what_rounds_to_it_within_a_quarter(
    hedged, exact, covers
):
    assert quantity_covers((hedged, "about"), (exact, "")) is covers
