"""Fixtures for the story-index tests (articles in `cluster_samples.py`)."""

import pytest
from cluster_samples import ROWS, article

from newsmoa.types import Article


@pytest.fixture
def articles() -> list[Article]:
    return [article(r) for r in ROWS]
