"""An English article's facts and the entities command read people, organisations, places
and figures by one set of readers (`readers_en`), so they name the same things."""

from __future__ import annotations

from newsmoa.facts import readers_en
from newsmoa.facts.extract import extract_facts
from newsmoa.facts.ner.english import spans as entity_spans
from newsmoa.text.sentences import split_sentences
from newsmoa.types import Article

TEXT = (
    "Mayor Angela Torres and Acme Robotics, Inc. signed a five-year agreement worth $45 "
    "million at Riverton City Hall in Riverton, Ohio, on Tuesday. Kevin Lutz, 34, attended."
)


def test_the_facts_and_the_entities_command_read_an_english_text_alike():
    article = Article(id="a", text=TEXT, title="t")
    facts = extract_facts(article, split_sentences(article))
    people, places = readers_en.named(TEXT)
    assert [p.name for p in people] == ["Angela Torres", "Kevin Lutz"]  # (an age names him)
    assert [f.value for f in places] == [
        "Acme Robotics, Inc.",
        "Riverton City Hall",
        "Riverton, Ohio",
    ]
    named = {(f.type, f.text) for f in facts if f.type in ("person", "organization", "place")}
    assert named == {("person", p.name) for p in people} | {(f.type, f.value) for f in places}
    figures = {TEXT[q.start : q.end] for q in readers_en.counted(TEXT)}
    assert figures <= {f.text for f in facts if f.type == "quantity"}
    spans = {TEXT[a:b] for a, b, _ in entity_spans(TEXT)}
    assert {f.value for f in places} | figures <= spans
