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
    out: one story read `2 articles in 2 outlets` and `2 in 1 outlet`. A carrier without an
    outlet (a blog that pasted the release) is no outlet: both name it apart (a county's
    report read `3 in 3 outlets` for two newspapers and a blog)."""
    from newsmoa.serve.placements import placements
    from newsmoa.serve.render import carried as listed
    from newsmoa.serve.view import placements as shown

    carried = [
        {"article": "a", "outlet": "한빛일보"},
        {"article": "b", "outlet": None},
        {"article": "c", "outlet": "남도일보"},
        {"article": "d", "outlet": "한빛일보"},
    ]
    counts = placements({"carried_by": carried})
    assert counts == {"articles": 4, "outlets": 2, "without_outlet": 1}
    assert shown({"release_carried_by": carried}) == "4 articles in 2 outlets (1 without an outlet)"
    assert listed({"release_placements": counts}) == "4 in 2 outlets (1 without an outlet)"
    named = placements({"carried_by": carried[:1]})
    assert listed({"release_placements": named}) == "1 in 1 outlet"
