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


def test_show_and_the_listings_count_a_releases_outlets_alike():
    """`show` counted an article without an outlet as one of its own, the listings left it
    out: one story read `2 articles in 2 outlets` and `2 in 1 outlet`."""
    from newsmoa.serve.placements import placements
    from newsmoa.serve.view import placements as shown

    carried = [{"article": "a", "outlet": "한빛일보"}, {"article": "b", "outlet": None}]
    assert placements({"carried_by": carried}) == {"articles": 2, "outlets": 2}
    assert shown({"release_carried_by": carried}) == "2 articles in 2 outlets"
