"""Facts of a story: dates, people and titles, organisations, places, counts, agreements.

    extract_facts(article, sentences) -> tuple[Fact, ...]       per article, pure

Language knowledge lives in `data/*.tsv` (see `tables`); Kiwi comes from
`newsmoa.text.analyzer`.
"""

from newsmoa.facts.extract import entity_facts, extract_facts

__all__ = ["entity_facts", "extract_facts"]
