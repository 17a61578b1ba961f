"""Settings of story clustering; every number carries its unit or meaning in its name."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """How articles are compared and when they join a story.

    Chosen on ECB+ train+dev topics and one half of the Korean dev day's stories (see
    `src/newsmoa/cluster/README.md` for how). Time: an article is a candidate for a story only
    when its publication lies within `window_hours` of the story's first..last article (news
    coverage of one happening runs over a day or two; a later development is a new story).
    Articles or stories without a time are compared regardless of time.
    """

    window_hours: float = 72.0
    lead_chars: int = 400  # the lead: this many characters of the body after the title
    title_weight: float = 0.3  # share of each field's cosine in the content score
    lead_weight: float = 0.3
    body_weight: float = 0.4
    join_threshold: float = 0.2  # average-link score an article needs to join a story
    merge_threshold: float = 0.2  # average-link score between two stories to merge them
    query_terms: int = 16  # salient terms per article used to retrieve candidate stories
    max_candidates: int = 64  # candidate stories scored per article
    max_posting_share: float = 0.05  # a term in more than this share of articles retrieves nothing
    idf_prior_docs: int = 50  # pseudo-documents behind the IDF of a young index
    near_duplicate_containment: float = 0.5  # share of the shorter text found in the other


DEFAULT_CONFIG = ClusterConfig()
