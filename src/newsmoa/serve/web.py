"""The web pages: the story list and the story page, rendered from stored Story documents.

What a story page shows is computed in `newsmoa.serve.view`; the Jinja2 templates under
`templates/` lay it out, with autoescaping on for every template.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from newsmoa.pipeline import story_document
from newsmoa.serve.api import StoreDep, story_response
from newsmoa.serve.view import percent, plural, show_value, story_view, when

router = APIRouter(include_in_schema=False)
PAGE = 50  # stories per list page

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters.update(when=when, value=show_value, percent=percent, plural=plural)
templates = Jinja2Templates(env=_env)


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
    outlets = store.outlets()

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
    doc = story_document(store, story_id)
    if doc is None:
        return not_found(request, f"No story {story_id!r}.")
    return templates.TemplateResponse(request, "story.html", {**story_view(doc), "why": why})


def not_found(request: Request, message: str) -> Response:
    return templates.TemplateResponse(
        request, "error.html", {"status": 404, "message": message}, status_code=404
    )
