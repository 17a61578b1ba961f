"""English organisations and places (`facts.places_en`): literal tables written by the team,
what must not be read as one (people, sentence-initial words, longer names), and how a
place of a signing is compared across a story while others are not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsmoa.facts.extract import extract_facts
from newsmoa.facts.places_en import find
from newsmoa.reconcile.story import build_story
from newsmoa.store.base import StoredArticle
from newsmoa.text.sentences import split_sentences
from newsmoa.types import Article

ORG, P = "organization", "place"

FOUND = [
    (
        "The City of Riverton and the Clearwater Regional Water Authority signed a water "
        "supply agreement on Tuesday at Riverton City Hall.",
        [
            (ORG, "City of Riverton", False),
            (ORG, "Clearwater Regional Water Authority", False),
            (P, "Riverton City Hall", True),
        ],
    ),
    (
        "The Ohio Environmental Protection Agency and Franklin County officials attended.",
        [(ORG, "Ohio Environmental Protection Agency", False), (ORG, "Franklin County", False)],
    ),
    ("A new clinic opened in Franklin County.", [(P, "Franklin County", True)]),
    (
        "Officials from the Ohio Department of Transportation and the Department of Health "
        "and Human Services met in Columbus, Ohio.",
        [
            (ORG, "Ohio Department of Transportation", False),
            (ORG, "Department of Health and Human Services", False),
            (P, "Columbus, Ohio", True),
        ],
    ),
    (
        "The University of Michigan and Acme Robotics, Inc. signed a memorandum of "
        "understanding in Ann Arbor, Mich.",
        [
            (ORG, "University of Michigan", False),
            (ORG, "Acme Robotics, Inc.", False),
            (P, "Ann Arbor, Mich.", True),
        ],
    ),
    (
        "University of Michigan President Jane Doe spoke.",  # a title ends the name
        [(ORG, "University of Michigan", False)],
    ),
    ("They visited China and South Korea.", [(P, "China", False), (P, "South Korea", False)]),
    (
        "The Pew Research Center said the fair at the Riverton Community Center was full.",
        [(ORG, "Pew Research Center", False), (P, "Riverton Community Center", True)],
    ),
    # a town no table knows, after `in` or `near` (the county's reports named none)
    (
        "The plant near Lake Springfield will hire workers in Peoria and Decatur, she said.",
        [(P, "Lake Springfield", True), (P, "Peoria", True), (P, "Decatur", True)],
    ),
    ("The firm is based in Decatur.", [(P, "Decatur", True)]),
    # a builder's or a services firm's name without its legal form (it was no one), and
    # one ending before the legal form is read whole
    (
        "Midwest Hydro Builders won the contract over Electronic Data Systems Corporation.",
        [
            (ORG, "Midwest Hydro Builders", False),
            (ORG, "Electronic Data Systems Corporation", False),
        ],
    ),
    # a complex is a building (it was `Sangamon County`, the county, as the meeting's place)
    (
        "Residents came to the meeting at the Sangamon County Complex on Ninth Street.",
        [(P, "Sangamon County Complex", True)],
    ),
    # an institution is an organisation wherever it is written (`at Memorial Medical
    # Center` was a place: `org_heads_en.tsv`), a saint's possessive is its name's (`St.
    # Mary's Hospital` was none: `name_possessives_en.tsv`); a hall of a community stays a place
    (
        "She died at Memorial Medical Center after a stay at St. Mary's Hospital.",
        [(ORG, "Memorial Medical Center", True), (ORG, "St. Mary's Hospital", False)],
    ),
    (
        "Riley Children's Hospital and Lincoln Elementary School met at the Harlow Community "
        "Center.",
        [
            (ORG, "Riley Children's Hospital", False),
            (ORG, "Lincoln Elementary School", False),
            (P, "Harlow Community Center", True),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_english_organisations_and_places(text: str, expected: list) -> None:
    found = find(text)
    assert [(f.type, f.value, f.locative) for f in found] == expected
    assert all(text[f.start : f.end] == f.value for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Angela Torres signed the agreement.",  # people
        "The Authority said on Monday that the Department agreed.",  # an ending alone
        "Under the agreement, Officials will meet.",  # sentence-initial capitals
        "The New York Times reported it.",  # a longer name holds the place
        "George Washington slept here.",
        "Michael Jordan scored 30.",  # a place name that is a person's is not in the table
        "Ohio Governor Mike DeWine praised the deal.",
        # no town: a company (`Research In Motion`), an adjective, a possessive, a hyphen's,
        # a number's, an acronym, a brand, `from`
        "Shares of Research In Motion fell in Facebook posts.",
        "It rose in Apple's store, in T-Mobile shops and in Building 6000.",
        "It grew in AMD and in MacBooks, with chips from Intel.",
        "She had faith in God.",
        "It was Apple's Board that voted.",  # a possessive ends a name
    ],
)
def test_no_english_organisation_or_place(text: str) -> None:
    assert find(text) == []


def _article(aid: str, text: str) -> Article:
    return Article(
        id=aid, text=text, title=text.split("\n")[0], published=datetime(2026, 3, 4, tzinfo=UTC)
    )


def test_a_place_written_as_where_is_about_its_happening() -> None:
    art = _article(
        "a",
        "Riverton signs water deal\n"
        "The City of Riverton signed an agreement with the Clearwater Regional Water "
        "Authority on Tuesday at Riverton City Hall.\n"
        "Franklin County officials attended.\n",
    )
    facts = {(f.type, f.value): f for f in extract_facts(art, split_sentences(art))}
    assert facts[(P, "Riverton City Hall")].about == "signing"
    assert facts[(ORG, "City of Riverton")].about is None
    assert facts[(ORG, "Franklin County")].sources[0].start == art.text.index("Franklin")


def test_an_institution_written_as_where_is_an_organisation_and_the_happenings_place() -> None:
    art = _article(
        "a",
        "Clinic deal signed\nHarlow County and Kestrel Foods Inc. signed the agreement at "
        "Memorial Medical Center on Tuesday.\n",
    )
    facts = {(f.type, f.value): f.about for f in extract_facts(art, split_sentences(art))}
    assert facts[(ORG, "Memorial Medical Center")] is None
    assert facts[(P, "Memorial Medical Center")] == "signing"


def _disagreements(*texts: str) -> dict[str, list]:
    arts = [_article(f"r{n}", t) for n, t in enumerate(texts)]
    rows = [StoredArticle(a, "s", (s := split_sentences(a)), extract_facts(a, s)) for a in arts]
    return {d.about: [v.value for v in d.values] for d in build_story("s", rows).disagreements}


def test_english_signing_place_is_compared_and_other_places_are_not() -> None:
    """A press office's misreport: the signing at City Hall or at the authority's office.
    Places of other happenings (a meeting, a ceremony) are not compared in English: wire
    stories name a town here and its venue or state there."""
    story = (
        "Riverton signs water deal\n"
        "The City of Riverton signed an agreement with the Clearwater Regional Water "
        "Authority on Tuesday at {signed}.\n"
        "The council met at {met} on Monday to approve it.\n"
    )
    found = _disagreements(
        story.format(signed="Riverton City Hall", met="Riverton Community Center"),
        story.format(signed="Clearwater Authority Headquarters", met="Franklin Public Library"),
    )
    assert found == {"signing place": ["Clearwater Authority Headquarters", "Riverton City Hall"]}


def test_an_english_town_against_a_building_is_no_disagreement() -> None:
    """`in Madison, Wisconsin` says less than `at the Lakeshore Innovation Center` (in
    Madison): a town is compared with no building (it stood as a rival signing place)."""
    story = (
        "University and robotics firm sign MOU\n"
        "Lakeshore State University and Norvale Robotics Inc. signed a memorandum of "
        "understanding on Monday {where}.\n"
    )
    found = _disagreements(
        story.format(where="at the Lakeshore Innovation Center"),
        story.format(where="in Madison, Wisconsin"),
    )
    assert found == {}


def test_a_companys_later_mention_and_a_boards_short_name_are_the_organisation() -> None:
    """`Midwest Hydro Builders President Karen Sloan` after `Midwest Hydro Builders Inc.`
    named no organisation, and `County Board` after `Sangamon County Board` was another:
    the card of a county's contract listed the board alone, by two names across outlets."""
    text = (
        "The Sangamon County Board voted on Tuesday to hire Midwest Hydro Builders Inc. "
        "County Board Chairman Andy Van Meter signed it with Midwest Hydro Builders "
        "President Karen Sloan. The Midwest Hydro Builders Foundation and North Midwest "
        "Hydro Builders are others."
    )
    got = [(f.value, text[f.start : f.end]) for f in find(text) if f.type == ORG]
    assert got == [
        ("Sangamon County Board", "Sangamon County Board"),
        ("Midwest Hydro Builders Inc.", "Midwest Hydro Builders Inc."),
        ("Sangamon County Board", "County Board"),
        ("Midwest Hydro Builders Inc.", "Midwest Hydro Builders"),
        ("Midwest Hydro Builders Foundation", "Midwest Hydro Builders Foundation"),
        ("North Midwest Hydro Builders", "North Midwest Hydro Builders"),  # another company
    ]


def test_two_outlets_names_of_one_company_are_one_fact():
    """AP's `Midwest Hydro Builders` and another outlet's `Midwest Hydro Builders Inc.` were
    two organisations of the story; a name two fuller ones could be stays as it is."""
    from newsmoa.facts import merge_facts
    from newsmoa.types import Fact, Source

    def org(name: str, article: str) -> Fact:
        return Fact("organization", name, (Source(article, 0, len(name)),), text=name)

    merged = merge_facts(
        {
            "ap": (org("Midwest Hydro Builders", "ap"),),
            "sjr": (org("Midwest Hydro Builders Inc.", "sjr"),),
        }
    )
    assert [(f.value, len(f.sources)) for f in merged] == [("Midwest Hydro Builders Inc.", 2)]
    two = merge_facts(
        {
            "a": (org("Acme", "a"),),
            "b": (org("Acme Inc.", "b"),),
            "c": (org("Acme LLC", "c"),),
        }
    )
    assert sorted(f.value for f in two) == ["Acme", "Acme Inc.", "Acme LLC"]
