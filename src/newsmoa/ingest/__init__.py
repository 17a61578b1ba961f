"""Inputs -> RawItems: files, pasted multi-article text, folders (feeds and pages: `web`)."""

from collections.abc import Sequence

from newsmoa.ingest.readers import read_file, read_sources


def read_all(sources: list[str], *, releases: Sequence[str] = ()):  # noqa: ANN201
    """Every RawItem (or InputError in its place) from files, folders and URLs, then from
    the files of press releases (`releases`)."""
    return read_sources(sources, releases=releases)


__all__ = ["read_all", "read_file", "read_sources"]
