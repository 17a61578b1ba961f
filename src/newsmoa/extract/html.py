"""Main text and metadata of a web page, via trafilatura (the field's reference extractor)."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


def html_to_text(html: str, *, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The page's main text (paragraphs on their own lines) and what its metadata says.

    Returns ("", {}) when the page has no main text; never raises for a bad page.
    """
    import trafilatura
    from trafilatura.settings import set_date_params

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # trafilatura's own date settings without the extensive search (which takes any
            # year the body recalls, "지난 2013년", for the day the page was published: its
            # article left its story), with the time of day and its offset too
            # (`article:published_time`), where it gives the day alone
            date_extraction_params={
                **set_date_params(False),
                "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            },
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        log.info("%s: no main text: %s", url or "page", exc)
        return "", {}
    if doc is None:
        return "", {}
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    hints = {k: data.get(k) for k in ("title", "author", "date", "sitename") if data.get(k)}
    return data.get("text") or "", hints
