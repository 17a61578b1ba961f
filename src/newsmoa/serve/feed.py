"""The Atom feed of stories (RFC 4287), newest first, and each story's feed of its articles
(`/stories/{id}/feed.atom`: a new report of the story is a new entry).

Each entry: the story's title, a link to its page, `published` (first article), `updated`
(its latest article, or when an article last joined it here, whichever is later), one
`category` per outlet (scheme `urn:newsmoa:outlet`) and a summary made of the first
consolidated sentences. Entry ids are `urn:newsmoa:story:{id}`, stable whatever host serves
the feed. The answer's `Last-Modified` is the newest `updated` (with the ETag every page
has, a reader's unchanged poll is answered 304). An article given a date alone
(`Article.day_only`) is dated at its day's start in its own zone (`published_at`, and the
story's `first_at`), in both feeds, as the JSON API gives it. The feed's own words are
English (`xml:lang="en"`); each entry says the language its title and summary are in
(`view.language`), so a reader shows and reads a Korean story as Korean.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Annotated, Any
from urllib.parse import quote, urlencode
from xml.etree import ElementTree as ET

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from newsmoa import codec
from newsmoa.errors import NotFound
from newsmoa.pipeline import story_document
from newsmoa.serve.api import OUTLET_IS, UNKNOWN_OUTLET, StoreDep, outlet_of
from newsmoa.serve.ids import story_id as named_story
from newsmoa.serve.view import labels, language, web_link
from newsmoa.store.base import Store
from newsmoa.text.normalize import printable
from newsmoa.types import Article

ATOM = "http://www.w3.org/2005/Atom"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"  # `xml:lang`
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
    the same one (a source giving dates only), and a feed reader saw no update. A date alone
    (`Article.day_only`) is its day's start in the article's zone (`published_at`,
    `first_at`), as the JSON API gives it; it was the day's start in UTC."""
    values = [(doc.get("first_published"), doc.get("first_at")), (doc.get("changed"), None)]
    values += [(a.get("published"), a.get("published_at")) for a in doc.get("articles") or []]
    times = []
    for value, at in values:
        if isinstance(value, str):
            try:
                times.append(codec.instant(value, at))  # a date alone: its day's start
            except ValueError:
                continue
    aware = [t if t.tzinfo else t.replace(tzinfo=UTC) for t in times]
    return max(aware, key=lambda t: t.timestamp()).isoformat() if aware else _now()


def _rfc3339(value: str, at: str | None = None) -> str:
    """A `published` value as Atom writes a time (RFC 3339): a date alone (`Article.day_only`)
    as its day's start, in the outlet's zone where `at` says it, else in UTC."""
    time = codec.instant(value, at)
    return (time if time.tzinfo else time.replace(tzinfo=UTC)).isoformat()


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
    feed = ET.Element(f"{{{ATOM}}}feed", {LANG: "en"})
    if outlet:
        _add(feed, "id", f"urn:newsmoa:stories:outlet:{quote(outlet, safe='')}")
        _add(feed, "title", f"newsmoa: stories carried by {outlet}")
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
        said = summary(doc)
        entry = _add(feed, "entry", **{LANG: language(f"{doc.get('title') or ''} {said}")})
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
            _add(entry, "published", _rfc3339(doc["first_published"], doc.get("first_at")))
        _add(entry, "updated", stamp)
        for outlet in doc.get("outlets") or []:
            _add(entry, "category", term=outlet, label=outlet, scheme=OUTLET_SCHEME)
        _add(entry, "summary", said, type="text")
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
                    **codec.first_at(listed.get(r["id"], [])),  # (not in the row)
                    "articles": [_dated(a) for a in listed.get(r["id"], [])],
                }
            ),
            "changed": changed.get(r["id"]),
        }
        for r in rows
    ]


def _dated(article: Article) -> dict[str, Any]:
    """An article's `published` (and `published_at`, of a date alone) as its JSON has them."""
    return {k: v for k, v in codec.article_to_json(article, text=False).items() if "publ" in k}


@router.get(
    "/feed.atom",
    summary="Atom feed of stories",
    tags=["feed"],
    response_class=Response,
    responses={
        200: {
            "content": {"application/atom+xml": {}},
            "description": "an Atom 1.0 feed, newest story first",
        },
        **UNKNOWN_OUTLET,
    },
)
def feed(
    request: Request,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=500, description="the newest this many stories")] = 50,
    outlet: Annotated[
        str | None, Query(description="only stories this outlet carried" + OUTLET_IS)
    ] = None,
) -> Response:
    """The newest stories as Atom entries; of one outlet (its letters in any case), a feed
    of its own, and 404 for an outlet the store has none of (as `/api/stories?outlet=`)."""
    outlet = outlet_of(store, outlet, "stories")
    rows = store.story_summaries(limit=limit, outlet=outlet)
    docs = entries(store, rows)
    base = str(request.base_url).rstrip("/")
    body = atom(docs, base=base, self_url=str(request.url), outlet=outlet)
    headers = {"Last-Modified": last_modified(docs)} if docs else None
    return Response(body, media_type="application/atom+xml; charset=utf-8", headers=headers)


def last_modified(docs: list[dict[str, Any]]) -> str:
    """The feed's newest `updated` as an HTTP date, for a feed reader's `If-Modified-Since`
    (`app.Conditional` answers 304 when nothing is newer)."""
    return http_date(max((updated(d) for d in docs), key=lambda s: datetime.fromisoformat(s)))


def http_date(stamp: str) -> str:
    """An RFC 3339 time as an HTTP date (RFC 9110 5.6.7), in GMT."""
    return format_datetime(datetime.fromisoformat(stamp).astimezone(UTC), usegmt=True)


def article_entries(doc: dict[str, Any], changed: str | None) -> list[dict[str, Any]]:
    """A story's articles as feed entries, newest first: each `updated` its publication
    time, or for an undated article (a release read from a file) when the story last
    changed here."""
    names = labels(doc.get("articles") or [])
    found = []
    for a in doc.get("articles") or []:
        dated = {"first_published": a.get("published"), "first_at": a.get("published_at")}
        stamp = updated(dated if a.get("published") else {"first_published": changed})
        found.append({**a, "name": names.get(a["id"]) or a.get("outlet") or "", "stamp": stamp})
    return sorted(found, key=lambda e: datetime.fromisoformat(e["stamp"]).timestamp(), reverse=True)


def story_atom(
    doc: dict[str, Any],
    entries: list[dict[str, Any]],
    *,
    base: str,
    self_url: str,
    newest: str | None = None,
) -> bytes:
    """The Atom document of one story's articles: a press office following where its
    release ran, a reader following the event. Entry ids are `urn:newsmoa:article:{id}`
    (the id percent-encoded), links the article's own page when it has a web address and
    its column on the story's page. `newest`: the feed's `updated` (default: the newest
    entry's)."""
    ET.register_namespace("", ATOM)
    story = quote(doc["id"], safe="")
    feed = ET.Element(f"{{{ATOM}}}feed", {LANG: "en"})
    _add(feed, "id", f"urn:newsmoa:story:{doc['id']}:articles")
    _add(feed, "title", f"newsmoa: {doc.get('title') or doc['id']}")
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=f"{base}/stories/{story}")
    _add(feed, "updated", newest or (entries[0]["stamp"] if entries else _now()))
    _add(_add(feed, "author"), "name", "newsmoa")
    for a in entries:
        said = " ".join(x for x in (a.get("title"), a.get("text")) if x)
        entry = _add(feed, "entry", **{LANG: language(said)})
        _add(entry, "id", f"urn:newsmoa:article:{quote(a['id'], safe='')}")
        _add(entry, "title", " · ".join(x for x in (a["name"], a.get("title")) if x) or a["id"])
        page = f"{base}/articles/{quote(a['id'], safe='')}"
        url = web_link(a.get("url"))
        if url:
            _add(entry, "link", rel="alternate", type="text/html", href=url)
            _add(entry, "link", rel="related", type="text/html", href=page)
        else:
            _add(entry, "link", rel="alternate", type="text/html", href=page)
        if a.get("published"):
            _add(entry, "published", _rfc3339(a["published"], a.get("published_at")))
        _add(entry, "updated", a["stamp"])
        if a.get("outlet"):
            _add(entry, "category", term=a["outlet"], label=a["outlet"], scheme=OUTLET_SCHEME)
        if a.get("reporter"):
            _add(_add(entry, "author"), "name", a["reporter"])
        _add(entry, "summary", summary({"sentences": [{"text": a.get("text") or ""}]}), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


@router.get(
    "/stories/{story_id}/feed.atom",
    summary="Atom feed of one story's articles",
    tags=["feed"],
    response_class=Response,
    responses={
        200: {
            "content": {"application/atom+xml": {}},
            "description": "an Atom 1.0 feed of the story's articles, newest first",
        },
        307: {
            "description": "the story was merged into another, or the id given is the start"
            " of one story's: its feed"
        },
        404: {"description": "unknown story id, or the start of several"},
    },
)
def story_feed(
    request: Request,
    store: StoreDep,
    story_id: Annotated[
        str, Path(description="a story's id, or a unique start of it from 6 characters")
    ],
) -> Response:
    """One story's articles as Atom entries, newest first: a new report of the story (a
    new placement of its release) is a new entry. A start of an id (as the page and the
    API take it: `ids.story_id`) is redirected to the whole id's feed."""
    try:
        survivor = store.resolve(named_story(store, story_id))
    except NotFound as exc:  # a start of several ids, or too short to name one
        raise HTTPException(404, str(exc)) from exc
    if survivor != story_id:
        return RedirectResponse(str(request.url_for("story_feed", story_id=survivor)), 307)
    doc = story_document(store, story_id)
    if doc is None:
        raise HTTPException(404, f"no story {story_id!r}")
    changed = store.changed_at([story_id]).get(story_id)
    found = article_entries(doc, changed)
    # the newest entry's time, or when an article last joined, whichever is later: a report
    # joining with an earlier time moved neither, and a reader asking If-Modified-Since got
    # 304 without it (a review)
    newest = updated({"first_published": found[0]["stamp"], "changed": changed}) if found else None
    base = str(request.base_url).rstrip("/")
    body = story_atom(doc, found, base=base, self_url=str(request.url), newest=newest)
    headers = {"Last-Modified": http_date(newest)} if newest else None
    return Response(body, media_type="application/atom+xml; charset=utf-8", headers=headers)
