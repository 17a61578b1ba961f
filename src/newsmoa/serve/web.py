"""The web pages: the story list and the story page, rendered from the stored Story documents.

`story_view` turns a document into what the story page shows (source chips with each
variant's words, outlet columns with shared and unique sentences, facts by type, a coverage
timeline); the templates only lay it out. Autoescaping is on for every template.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from newsmoa.serve.api import StoreDep, story_response

router = APIRouter(include_in_schema=False)

FACT_TYPES = ("person", "organization", "place", "date", "quantity")
EVENT_FIELDS = (
    "parties",
    "representatives",
    "date",
    "place",
    "phase",
    "participants",
    "items",
    "history",
)
PAGE = 50  # stories per list page


def when(value: str | None) -> str:
    """An ISO time as the page shows it: `2015-03-20 13:21`."""
    if not value:
        return "—"
    try:
        return datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return value


def show_value(value: Any) -> str:
    """A fact or disagreement value in words: a period as `from – to`, lists joined."""
    if value is None:
        return "—"
    if isinstance(value, dict) and {"from", "to"} <= value.keys():
        return f"{value['from']} – {value['to']}"
    if isinstance(value, list):
        return ", ".join(show_value(v) for v in value)
    if isinstance(value, str | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def web_link(url: str | None) -> str | None:
    """Only http(s) URLs become links (no `javascript:` from an input file)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def plural(n: int, one: str, many: str) -> str:
    """`1 story`, `3 stories`."""
    return f"{n} {one if n == 1 else many}"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters.update(when=when, value=show_value, percent=percent, plural=plural)
templates = Jinja2Templates(env=_env)


def _labels(articles: list[dict[str, Any]]) -> dict[str, str]:
    """Article id -> outlet name, numbered when one outlet has several articles."""
    names = [a.get("outlet") or a["id"] for a in articles]
    seen: dict[str, int] = {}
    out = {}
    for a, name in zip(articles, names, strict=True):
        seen[name] = seen.get(name, 0) + 1
        out[a["id"]] = name if names.count(name) == 1 else f"{name} #{seen[name]}"
    return out


def story_view(doc: dict[str, Any]) -> dict[str, Any]:
    """What the story page shows, computed from a Story document."""
    articles = doc.get("articles") or []
    label = _labels(articles)
    pos = {a["id"]: i for i, a in enumerate(articles, start=1)}  # anchors: #article-N
    text = {a["id"]: a.get("text") or "" for a in articles}

    def chips(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
        by_article: dict[str, list[str]] = {}
        for s in sources:
            words = s.get("quote") or text.get(s["article"], "")[s["start"] : s["end"]]
            by_article.setdefault(s["article"], []).append(words)
        return [
            {
                "pos": pos.get(aid, 0),
                "label": label.get(aid, aid),
                "words": " … ".join(w for w in words if w),
            }
            for aid, words in by_article.items()
        ]

    disputed = [
        (src["article"], src["start"], src["end"])
        for d in doc.get("disagreements") or []
        for v in d["values"]
        for src in v["sources"]
    ]
    sentences, rows = [], {a["id"]: [] for a in articles}
    for n, s in enumerate(doc.get("sentences") or [], start=1):
        carriers = {src["article"] for src in s["sources"]}
        scope = "all" if carriers >= set(rows) else "one" if len(carriers) == 1 else "some"
        sentences.append({"n": n, "text": s["text"], "chips": chips(s["sources"]), "scope": scope})
        for src in s["sources"]:
            aid, start, end = src["article"], src["start"], src["end"]
            if aid not in rows:
                continue
            mark = {"all": "common", "one": "only"}.get(scope, "") if len(rows) > 1 else ""
            if any(a == aid and lo < end and start < hi for a, lo, hi in disputed):
                mark = "disputed"
            rows[aid].append({"n": n, "start": start, "mark": mark, "words": text[aid][start:end]})
    columns = [
        {
            **a,
            "label": label[a["id"]],
            "pos": pos[a["id"]],
            "link": web_link(a.get("url")),
            "sentences": sorted(rows[a["id"]], key=lambda r: r["start"]),
        }
        for a in articles
    ]

    facts: dict[str, list[dict[str, Any]]] = {}
    for f in doc.get("facts") or []:
        facts.setdefault(f["type"], []).append({**f, "chips": chips(f.get("sources") or [])})
    order = [t for t in FACT_TYPES if t in facts] + sorted(set(facts) - set(FACT_TYPES))

    disagreements = [
        {**d, "values": [{"value": v["value"], "chips": chips(v["sources"])} for v in d["values"]]}
        for d in doc.get("disagreements") or []
    ]
    release = doc.get("release") or next((a["id"] for a in articles if a.get("is_release")), None)
    return {
        "doc": doc,
        "labels": label,
        "sentences": sentences,
        "columns": columns,
        "facts": [(t, facts[t]) for t in order],
        "disagreements": disagreements,
        "event": event_rows(doc.get("event")),
        "timeline": timeline(articles, label, pos),
        "release": release
        and {"id": release, "label": label.get(release, release), "pos": pos.get(release, 0)},
    }


def event_rows(event: dict[str, Any] | None) -> dict[str, Any] | None:
    """The agreement card as rows: a list field as items, a disputed null as `disputed`."""
    if not event:
        return None
    disputed = set(event.get("disputed") or ())
    rows = []
    for name in EVENT_FIELDS:
        value = event.get(name)
        rows.append(
            {
                "name": name,
                "disputed": value is None and name in disputed,
                "items": [show_value(v) for v in value] if isinstance(value, list) else None,
                "text": None if isinstance(value, list) else show_value(value),
            }
        )
    return {"type": event.get("type"), "rows": rows, "disputed": sorted(disputed)}


def timeline(
    articles: list[dict[str, Any]], label: dict[str, str], pos: dict[str, int]
) -> dict[str, Any]:
    """Articles by published time: position on a 0-100 track and the lag after the first."""
    dated = []
    for a in articles:
        try:
            dated.append((datetime.fromisoformat(a["published"]), a))
        except (TypeError, ValueError, KeyError):
            continue
    dated.sort(key=lambda p: p[0])
    if not dated:
        return {"points": [], "undated": [label[a["id"]] for a in articles]}
    first, last = dated[0][0], dated[-1][0]
    span = (last - first).total_seconds() or 1.0
    points = []
    for at, a in dated:
        lag = int((at - first).total_seconds() // 60)
        points.append(
            {
                "id": a["id"],
                "pos": pos[a["id"]],
                "label": label[a["id"]],
                "published": a["published"],
                "title": a.get("title") or "",
                "left": round((at - first).total_seconds() / span * 100, 1),
                "lag": f"+{lag // 60}h {lag % 60:02d}m" if lag else "first",
                "release": bool(a.get("is_release")),
            }
        )
    undated = [label[a["id"]] for a in articles if a["id"] not in {p["id"] for p in points}]
    return {"points": points, "undated": undated}


@router.get("/", response_class=HTMLResponse)
def story_list(
    request: Request,
    store: StoreDep,
    outlet: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Stories newest first, with an outlet filter and older/newer links."""
    outlet = outlet or None
    rows = store.story_summaries(limit=PAGE, offset=offset, outlet=outlet)
    outlets = sorted({o for r in store.story_summaries() for o in r["outlets"] or ()})

    def page(at: int) -> str:
        return "/?" + urlencode({**({"outlet": outlet} if outlet else {}), "offset": at})

    return templates.TemplateResponse(
        request,
        "list.html",
        {
            "rows": rows,
            "outlets": outlets,
            "outlet": outlet,
            "counts": store.counts(),
            "newer": page(max(0, offset - PAGE)) if offset else None,
            "older": page(offset + PAGE) if len(rows) == PAGE else None,
        },
    )


@router.get("/stories/{story_id}.json", name="story_json")
def story_json(request: Request, store: StoreDep, story_id: str, why: bool = False) -> Response:
    """The story page's data: the same document as `/api/stories/{id}`."""
    return story_response(request, store, story_id, why, route="story_json")


@router.get("/stories/{story_id}", response_class=HTMLResponse, name="story_page")
def story_page(request: Request, store: StoreDep, story_id: str, why: bool = False) -> Response:
    """One story: banner, consolidated sentences with chips, card, columns, facts, timeline."""
    survivor = store.resolve(story_id)
    if survivor != story_id:
        url = str(request.url_for("story_page", story_id=survivor))
        return RedirectResponse(url + (f"?{request.url.query}" if request.url.query else ""), 307)
    doc = store.story_doc(story_id)
    if doc is None:
        return not_found(request, f"No story {story_id!r}.")
    return templates.TemplateResponse(request, "story.html", {**story_view(doc), "why": why})


def not_found(request: Request, message: str) -> Response:
    return templates.TemplateResponse(
        request, "error.html", {"status": 404, "message": message}, status_code=404
    )
