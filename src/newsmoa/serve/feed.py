"""The Atom feed of stories (RFC 4287), newest first.

Each entry: the story's title, a link to its page, `published` (first article), `updated`
(its latest article, or when an article last joined it here, whichever is later), one
`category` per outlet (scheme `urn:newsmoa:outlet`) and a summary made of the first
consolidated sentences. Entry ids are `urn:newsmoa:story:{id}`, stable whatever host serves
the feed. The answer's `Last-Modified` is the newest `updated` (with the ETag every page
has, a reader's unchanged poll is answered 304).
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Annotated, Any
from urllib.parse import quote, urlencode
from xml.etree import ElementTree as ET

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from newsmoa import codec
from newsmoa.serve.api import StoreDep
from newsmoa.store.base import Store
from newsmoa.text.normalize import printable

ATOM = "http://www.w3.org/2005/Atom"
OUTLET_SCHEME = "urn:newsmoa:outlet"
SUMMARY_CHARS = 300

router = APIRouter()


def summary(doc: dict[str, Any]) -> str:
    """The first consolidated sentences, up to about SUMMARY_CHARS characters; the title of a
    story of flashes alone (no sentences)."""
    out: list[str] = []
    for s in doc.get("sentences") or []:
        if out and sum(len(x) + 1 for x in out) + len(s["text"]) > SUMMARY_CHARS:
            break
        out.append(s["text"])
    return " ".join(out) or doc.get("title") or ""


def updated(doc: dict[str, Any]) -> str:
    """The latest of its articles' times and of when its listing last changed here
    (`changed`, `Store.changed_at`: an article joined, an outlet with it) (RFC 3339); else
    now. Articles' times alone did not move when a report joined with an earlier time, or
    the same one (a source giving dates only), and a feed reader saw no update."""
    values = [doc.get("first_published"), doc.get("changed")]
    values += [a.get("published") for a in doc.get("articles") or []]
    times = []
    for value in values:
        if isinstance(value, str):
            try:
                times.append(datetime.fromisoformat(value))
            except ValueError:
                continue
    aware = [t if t.tzinfo else t.replace(tzinfo=UTC) for t in times]
    return max(aware, key=lambda t: t.timestamp()).isoformat() if aware else _now()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element; a control character XML cannot hold is left out (a store written
    before `extract` dropped them would otherwise make the whole feed unreadable)."""
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: printable(v) for k, v in attrs.items()})
    if text is not None:
        el.text = printable(text)
    return el


def atom(
    docs: list[dict[str, Any]], *, base: str, self_url: str, outlet: str | None = None
) -> bytes:
    """An Atom document for `docs` (already newest first); `base` is the site root URL;
    `outlet`: the feed of that outlet's stories, a feed of its own (its own id, title and
    page: it had the whole feed's, and a reader took one for the other: a black-box case)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    if outlet:
        _add(feed, "id", f"urn:newsmoa:stories:outlet:{quote(outlet, safe='')}")
        _add(feed, "title", f"newsmoa: stories {outlet} carried")
    else:
        _add(feed, "id", "urn:newsmoa:stories")
        _add(feed, "title", "newsmoa: stories")
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    page = f"{base}/?{urlencode({'outlet': outlet})}" if outlet else base + "/"
    _add(feed, "link", rel="alternate", type="text/html", href=page)
    stamps = [updated(d) for d in docs]
    newest = max(stamps, key=lambda s: datetime.fromisoformat(s).timestamp()) if stamps else _now()
    _add(feed, "updated", newest)
    _add(_add(feed, "author"), "name", "newsmoa")
    for doc, stamp in zip(docs, stamps, strict=True):
        entry = _add(feed, "entry")
        _add(entry, "id", f"urn:newsmoa:story:{doc['id']}")
        _add(entry, "title", doc.get("title") or doc["id"])
        _add(entry, "link", rel="alternate", type="text/html", href=f"{base}/stories/{doc['id']}")
        _add(
            entry,
            "link",
            rel="alternate",
            type="application/json",
            href=f"{base}/api/stories/{doc['id']}",
        )
        if doc.get("first_published"):
            _add(entry, "published", doc["first_published"])
        _add(entry, "updated", stamp)
        for outlet in doc.get("outlets") or []:
            _add(entry, "category", term=outlet, label=outlet, scheme=OUTLET_SCHEME)
        _add(entry, "summary", summary(doc), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def entries(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The documents of the stories listed in `rows` (`Store.story_summaries`). A story whose
    document is not built yet (its analysis deferred, as after a correction over HTTP) is
    listed from its row and its articles' times, with its title for a summary: building it
    here would make one request analyse every such story of the page."""
    docs = {r["id"]: store.story_doc(r["id"]) for r in rows}
    listed = store.story_listings([s for s, d in docs.items() if d is None])
    changed = store.changed_at([r["id"] for r in rows])
    return [
        {
            **(
                docs[r["id"]]
                or {
                    **r,
                    "articles": [
                        {"published": codec.iso(a.published)} for a in listed.get(r["id"], [])
                    ],
                }
            ),
            "changed": changed.get(r["id"]),
        }
        for r in rows
    ]


@router.get(
    "/feed.atom",
    summary="Atom feed of stories",
    tags=["feed"],
    response_class=Response,
    responses={
        200: {
            "content": {"application/atom+xml": {}},
            "description": "an Atom 1.0 feed, newest story first",
        }
    },
)
def feed(
    request: Request,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    outlet: Annotated[str | None, Query(description="only stories this outlet carried")] = None,
) -> Response:
    """The newest stories as Atom entries."""
    rows = store.story_summaries(limit=limit, outlet=outlet or None)
    docs = entries(store, rows)
    base = str(request.base_url).rstrip("/")
    body = atom(docs, base=base, self_url=str(request.url), outlet=outlet or None)
    headers = {"Last-Modified": last_modified(docs)} if docs else None
    return Response(body, media_type="application/atom+xml; charset=utf-8", headers=headers)


def last_modified(docs: list[dict[str, Any]]) -> str:
    """The feed's newest `updated` as an HTTP date (RFC 9110 5.6.7), for a feed reader's
    `If-Modified-Since` (`app.Conditional` answers 304 when nothing is newer)."""
    newest = max(datetime.fromisoformat(updated(d)) for d in docs)
    return format_datetime(newest.astimezone(UTC), usegmt=True)
