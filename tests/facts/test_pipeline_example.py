"""The bundled example through the real stages (extraction, sentences, alignment) when present."""

from __future__ import annotations

import pytest

pytest.importorskip("newsmoa.reconcile.align")
pytest.importorskip("newsmoa.text.sentences")


@pytest.fixture(scope="module")
def story(example_articles):
    from newsmoa.facts import agreement_event, extract_facts
    from newsmoa.reconcile.align import consolidate
    from newsmoa.reconcile.disagreements import find_disagreements
    from newsmoa.text.sentences import split_sentences

    arts = [a for a in example_articles if a is not None]
    sentences = {a.id: split_sentences(a) for a in arts}
    consolidated = consolidate(arts, sentences)
    facts = {a.id: extract_facts(a, sentences[a.id]) for a in arts}
    found = find_disagreements(arts, facts, consolidated)
    return arts, facts, found, agreement_event(arts, facts, consolidated, found)


def test_only_the_signing_date_is_disputed(story):
    arts, _, found, _ = story
    outlet = {a.id: a.outlet for a in arts}
    assert [(d.kind, d.about) for d in found] == [("date", "signing date")]
    by_value = {v.value: {outlet[s.article] for s in v.sources} for v in found[0].values}
    assert by_value == {"2015-03-19": {"일요신문", "국제뉴스"}, "2015-03-20": {"아시아뉴스통신"}}
    for v in found[0].values:
        assert all(v.value[-2:] + "일" in s.quote for s in v.sources)


def test_card(story):
    _, facts, _, event = story
    assert event.parties == ("완주군", "희망제작소") and event.phase == "2단계"
    assert len(event.items) == 6 and event.date is None and "date" in event.disputed
    assert any("2008" in line for line in event.history)
    people = {f.value: f.role for fs in facts.values() for f in fs if f.type == "person"}
    assert "군수" in people["박성일"] and "소장" in people["이원재"]
