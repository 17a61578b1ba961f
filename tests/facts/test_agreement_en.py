"""The agreement card of a story of English reports (`facts.agreement_en`): a city and a
water authority sign a supply agreement; outlets reprint the release with edits."""

from __future__ import annotations

from datetime import UTC, datetime

from newsmoa.facts.extract import extract_facts
from newsmoa.reconcile.story import build_story
from newsmoa.store.base import StoredArticle
from newsmoa.text.sentences import split_sentences
from newsmoa.types import Article, Event

RELEASE = (
    "Riverton and water authority sign supply agreement\n"
    "The City of Riverton and the Clearwater Regional Water Authority signed a {years}-year "
    "water supply agreement on {day} at Riverton City Hall.\n"
    "Mayor Angela Torres and Clearwater Regional Water Authority Executive Director Paul "
    "Whitman signed the agreement in front of residents.\n"
    "Under the agreement, the city will invest {amount} in a new transmission main.\n"
    "Officials from the Ohio Environmental Protection Agency attended the signing ceremony.\n"
)
SAME = {"years": "20", "day": "Tuesday, March 3", "amount": "$45 million"}


def _card(*reports: dict[str, str]) -> Event | None:
    rows = []
    for n, r in enumerate(reports):
        text = RELEASE.format(**r)
        a = Article(
            id=f"r{n}",
            text=text,
            title=text.split("\n")[0],
            published=datetime(2026, 3, 4, 9, tzinfo=UTC),
        )
        rows.append(StoredArticle(a, "s", (s := split_sentences(a)), extract_facts(a, s)))
    return build_story("s", rows).event


def test_an_english_signing_has_a_card() -> None:
    card = _card(SAME, SAME | {"day": "Tuesday"})
    assert card is not None
    assert card.parties == ("City of Riverton", "Clearwater Regional Water Authority")
    assert card.representatives == ("Mayor Angela Torres", "Executive Director Paul Whitman")
    assert (card.date, card.place) == ("2026-03-03", "Riverton City Hall")
    assert (card.amount, card.duration) == ("$45 million", "20 years")
    assert card.disputed == ()  # (a guest agency at the ceremony is no party)


def test_fields_english_outlets_state_otherwise_are_disputed() -> None:
    card = _card(SAME, {"years": "25", "day": "Monday", "amount": "$54 million"})
    assert card is not None
    assert (card.date, card.amount, card.duration) == (None, None, None)
    assert set(card.disputed) == {"date", "amount", "duration"}
    assert card.place == "Riverton City Hall"


def test_an_english_story_without_a_signing_has_no_card() -> None:
    text = "County opens clinic\nFranklin County opened a clinic in Columbus, Ohio, on Monday.\n"
    a = Article(
        id="c", text=text, title="County opens clinic", published=datetime(2026, 3, 4, tzinfo=UTC)
    )
    row = StoredArticle(a, "s", (s := split_sentences(a)), extract_facts(a, s))
    assert build_story("s", [row]).event is None


def test_a_hedged_figure_agrees_with_the_exact_one() -> None:
    card = _card(SAME, SAME | {"amount": "about $45 million"})
    assert card is not None
    assert (card.amount, card.disputed) == ("$45 million", ())


def test_the_length_written_before_the_agreement_is_its_duration() -> None:
    """`Under the five-year agreement, Norvale will contribute`: the clause reports a
    contribution, yet five years is how long the agreement runs; an outlet's three years
    is a rival, and the card says so."""
    text = (
        "University and robotics firm sign MOU\n"
        "Lakeshore State University and Norvale Robotics Inc. signed a memorandum of "
        "understanding on Monday at the Lakeshore Innovation Center.\n"
        "Under the {years}-year agreement, Norvale will contribute $3.5 million to the lab.\n"
    )
    rows = []
    for n, years in enumerate(("five", "five", "three")):
        body = text.format(years=years)
        a = Article(
            id=f"m{n}",
            text=body,
            title=body.split("\n")[0],
            published=datetime(2026, 10, 14, tzinfo=UTC),
        )
        rows.append(StoredArticle(a, "s", (s := split_sentences(a)), extract_facts(a, s)))
    card = build_story("s", rows[:2]).event
    assert card is not None and (card.duration, card.amount) == ("5 years", "$3.5 million")
    assert card.place == "Lakeshore Innovation Center"
    card = build_story("s", rows).event
    assert card is not None and card.duration is None and "duration" in card.disputed


def _story_card(*texts: str) -> Event | None:
    rows = []
    for n, text in enumerate(texts):
        a = Article(id=f"m{n}", text=text, published=datetime(2026, 11, 25, 16, tzinfo=UTC))
        rows.append(StoredArticle(a, "s", (s := split_sentences(a)), extract_facts(a, s)))
    return build_story("s", rows).event


def test_a_memorandum_with_two_parties_at_a_courthouse() -> None:
    """`signed a memorandum of understanding with Northway Fiber Inc. and Granite Valley
    Electric Cooperative` named one party, the card's place was the county, not `the Marlow
    County Courthouse`, and `entered into a partnership with` was no signing (a black-box
    case)."""
    card = _story_card(
        "Marlow County signs broadband pact\nMarlow County signed a memorandum of "
        "understanding with Northway Fiber Inc. and Granite Valley Electric Cooperative on "
        "Tuesday. The agreement was signed at the Marlow County Courthouse in Riverton.\n"
    )
    assert card is not None
    assert card.parties == (
        "Marlow County",
        "Northway Fiber Inc.",
        "Granite Valley Electric Cooperative",
    )
    assert (card.date, card.place) == ("2026-11-24", "Marlow County Courthouse")
    card = _story_card(
        "County and college team up\nMarlow County entered into a partnership with Riverton "
        "Community College on Monday to train line technicians.\n"
    )
    assert card is not None
    assert card.parties == ("Marlow County", "Riverton Community College")
    assert card.date == "2026-11-23"
    plea = (
        "Man takes deal\nJohn Smith entered into a plea agreement with Marlow County on Monday.\n"
    )
    assert _story_card(plea) is None


def test_what_the_project_costs_is_the_agreements_amount() -> None:
    """One outlet's `The deal ... is worth $16 million` was the card's amount, undisputed,
    where two wrote `the project would cost $18 million` and `The $18 million project` (a
    black-box case); a grant `for the project` is no cost of it."""
    lead = (
        "County signs pact\nMarlow County signed a memorandum of understanding with Northway "
        "Fiber Inc. on Tuesday.\n"
    )
    said = lead + "Officials said the project would cost $18 million over three years.\n"
    grant = "The U.S. Department of Agriculture awarded a $6 million grant for the project.\n"
    card = _story_card(said + grant, lead + "The $18 million project is expected to take a year.\n")
    assert card is not None
    assert (card.amount, card.disputed) == ("$18 million", ())
    wrong = lead + "The deal, signed Tuesday, is worth $16 million, officials said.\n"
    card = _story_card(said, wrong)
    assert card is not None
    assert card.amount is None and "amount" in card.disputed


def test_a_company_named_short_at_the_signing_is_a_party() -> None:
    """`signed by Van Meter and Midwest Hydro Builders President Karen Sloan`, the company
    named `Midwest Hydro Builders Inc.` before: the card's parties were the board alone."""
    texts = [
        "Board awards contract\nThe Sangamon County Board voted 21-8 on Tuesday to award a "
        "contract to Midwest Hydro Builders Inc.\nThe contract was signed Tuesday evening by "
        "County Board Chairman Andy Van Meter and Midwest Hydro Builders President Karen "
        "Sloan.\n",
        "Peoria firm wins contract\nMidwest Hydro Builders Inc. won a contract from the "
        "Sangamon County Board.\nCompany President Karen Sloan signed the deal with County "
        "Board Chairman Andy Van Meter on Tuesday.\n",
    ]
    rows = []
    for n, text in enumerate(texts):
        a = Article(
            f"c{n}",
            text,
            title=text.split("\n")[0],
            published=datetime(2026, 11, 24, 22, tzinfo=UTC),
        )
        rows.append(StoredArticle(a, "s", (s := split_sentences(a)), extract_facts(a, s)))
    card = build_story("s", rows).event
    assert card is not None
    assert set(card.parties) == {"Sangamon County Board", "Midwest Hydro Builders Inc."}


def test_organisations_after_a_passive_signing_by_are_parties() -> None:
    """`was signed Tuesday by the City of Riverton and the ... Authority`: the city, after
    `by`, was no party, and an outlet writing so alone gave a card of one party."""
    text = (
        "Water deal signed\nA water supply agreement was signed Tuesday by the City of "
        "Riverton and the Clearwater Regional Water Authority at a ceremony hosted by the "
        "Riverton Chamber of Commerce.\n"
    )
    a = Article("p", text, title="t", published=datetime(2026, 3, 4, 9, tzinfo=UTC))
    row = StoredArticle(a, "s", (s := split_sentences(a)), extract_facts(a, s))
    card = build_story("s", [row]).event
    assert card is not None
    assert card.parties == ("City of Riverton", "Clearwater Regional Water Authority")


def test_a_county_commissioner_and_a_board_chairman_represent_their_parties() -> None:
    """`County Commissioner Dana Whitfield and Kestrel Foods President Karen Sloan signed
    the agreement` gave the card Sloan alone: a head's title after an area's or a body's
    words was none; a rank's (`Deputy Mayor`) still is none."""
    card = _story_card(
        "Plant deal signed\nHarlow County and Kestrel Foods Inc. signed a development "
        "agreement on Tuesday. County Commissioner Dana Whitfield and Kestrel Foods President "
        "Karen Sloan signed the agreement at the Harlow County Courthouse.\n"
        "Deputy Mayor Tom Reed and Board Chairman Ann Lee attended.\n"
    )
    assert card is not None
    assert card.representatives == ("County Commissioner Dana Whitfield", "President Karen Sloan")
    card = _story_card(
        "Plant deal signed\nHarlow County and Kestrel Foods Inc. signed a development "
        "agreement on Tuesday, with Board Chairman Ann Lee and Deputy Mayor Tom Reed signing "
        "for the county.\n"
    )
    assert card is not None and card.representatives == ("Board Chairman Ann Lee",)


def test_the_site_of_what_an_agreement_is_for_is_not_where_it_was_signed() -> None:
    """`signed a development agreement Tuesday for a $42 million plant in the Millbrook
    Industrial Park` made the park the signing's place, against the courthouse the next
    sentence names: the card's place was disputed and left empty (a black-box case)."""
    card = _story_card(
        "Plant deal signed\nHarlow County and Kestrel Foods Inc. signed a development "
        "agreement Tuesday for a $42 million frozen-food plant in the Millbrook Industrial "
        "Park. County Commissioner Dana Whitfield signed the agreement at the Harlow County "
        "Courthouse.\n"
    )
    assert card is not None and "place" not in card.disputed
    assert card.place == "Harlow County Courthouse"
