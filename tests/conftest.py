"""Shared fixtures: the bundled example, team-written articles, a temporary store."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "wanju-2015-blog.txt"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_articles():
    from newsmoa.extract.article import extract
    from newsmoa.ingest.readers import read_file

    return [extract(item) for item in read_file(EXAMPLE)]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"
