"""Inputs -> RawItems: files, pasted multi-article text, folders (feeds and pages: `web`)."""

from newsmoa.ingest.readers import read_file, read_sources


def read_all(sources: list[str], *, release: str | None = None):  # noqa: ANN201
    """Every RawItem (or InputError in its place) from files, folders and URLs."""
    return read_sources(sources, release=release)


__all__ = ["read_all", "read_file", "read_sources"]
