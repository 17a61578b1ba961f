"""newsmoa: many outlets' reports of one event, consolidated into one story.

Stages, one package each: ingest -> extract -> text -> dedup -> cluster -> reconcile/facts
-> store -> serve. `newsmoa.pipeline` composes them.
"""

from newsmoa.types import (
    Article,
    ConsolidatedSentence,
    Disagreement,
    Event,
    Fact,
    RawItem,
    Sentence,
    Source,
    Story,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ConsolidatedSentence",
    "Disagreement",
    "Event",
    "Fact",
    "RawItem",
    "Sentence",
    "Source",
    "Story",
    "__version__",
]
