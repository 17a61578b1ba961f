"""Knowledge the extract and facts stages share is listed once, in `extract/data/`."""

from collections import Counter

from newsmoa.extract.tables import company_endings, english_places, place_zones
from newsmoa.facts import tables as facts_tables


def test_a_companys_endings_are_listed_once_and_read_by_both_stages():
    from newsmoa.extract.bylines import _company_endings
    from newsmoa.facts.places_en import _endings, _legal

    endings = company_endings()
    assert not set(endings) & facts_tables.words("org_endings_en")
    assert set(endings) <= set(_endings())  # the facts stage's organisation endings
    assert _legal() == {w for w, legal in endings.items() if legal}
    assert "Inc" in _company_endings() and "Corporation" in _company_endings()


def test_each_place_is_one_row_per_kind_read_by_datelines_and_facts():
    from newsmoa.facts.places_en import _named

    rows = Counter((p.name, p.kind) for p in english_places())
    assert [key for key, n in rows.items() if n > 1] == []
    zones = place_zones()
    assert zones["after"]["ill."].key == "America/Chicago"  # `SPRINGFIELD, Ill.`
    assert zones["after"]["washington"].key == "America/Los_Angeles"  # the state
    assert zones["alone"]["washington"].key == "America/New_York"  # the city
    named = dict(_named())
    assert named["Ill."] == "abbreviation" and named["Ohio"] == "state"
    assert "Houston" not in named and "IN" not in named  # on a dateline only


def test_a_korean_bylines_roles_and_desks_are_read_from_tables():
    from newsmoa.extract.bylines import signature
    from newsmoa.extract.tables import desk_endings, reporter_roles

    assert "특파원" in reporter_roles() and "닷컴" in desk_endings()
    signed = signature("장연제 동아닷컴 기자 jang@example.com")
    assert signed is not None and signed.reporter == "장연제"


def test_an_english_bylines_lead_words_are_a_table_and_one_alternation_serves_both_stages():
    from newsmoa.extract import tables
    from newsmoa.extract.bylines import leading_byline

    assert facts_tables.alternation is tables.alternation
    found = leading_byline("Reported by Jane Doe, Staff Writer")
    assert found is not None and found.reporter == "Jane Doe"
