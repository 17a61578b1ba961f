"""Facts of a story: dates, people and titles, organisations, places, counts, agreements.

    extract_facts(article, sentences) -> tuple[Fact, ...]       per article, pure
    agreement_event(articles, facts, sentences, disagreements) -> Event | None
    merge_facts(facts_by_article) -> tuple[Fact, ...]          one fact per value for a story

Language knowledge lives in `data/*.tsv` (see `tables`); Kiwi comes from
`newsmoa.text.analyzer`. Cross-outlet disagreements are in `newsmoa.reconcile.disagreements`.
"""

from newsmoa.facts.agreement import agreement_event
from newsmoa.facts.extract import entity_facts, extract_facts, model_finder
from newsmoa.facts.merge import merge_facts

__all__ = ["agreement_event", "entity_facts", "extract_facts", "merge_facts", "model_finder"]
