"""How `serve.view` shows values."""

from __future__ import annotations

import pytest

from newsmoa.serve.view import with_unit


@pytest.mark.parametrize(
    ("shown", "unit", "stated"),
    [
        ("4,200,000", "$", "$4,200,000"),
        ("12", "HK$", "HK$12"),
        ("50", "명", "50 명"),
        ("5", "%", "5 %"),
        ("3", None, "3"),
    ],
)
def test_a_currency_sign_goes_before_its_amount_and_other_units_after(shown, unit, stated):
    """English amounts read `12,000,000 $` on the page and in the CLI (a black-box case)."""
    assert with_unit(shown, unit) == stated
