"""The web pages: the story list and the story page, rendered from stored Story documents.

What a story page shows is computed in `newsmoa.serve.view`; the Jinja2 templates under
`templates/` lay it out, with autoescaping on for every template.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import parse_qs, quote, urlencode

import jinja2
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from newsmoa.errors import NotFound, Refused
from newsmoa.pipeline import Newsroom, story_document
from newsmoa.serve.api import CorrectionIn, StoreDep, correction_made, editor, story_response
from newsmoa.serve.view import percent, plural, show_value, story_view, when
from newsmoa.store import open_store

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


@router.post("/stories/{story_id}/corrections")
async def story_correction(request: Request, story_id: str) -> Response:
    """The story page's correction form (with `?why=1`): the same corrections as `POST
    /api/corrections`, with the edit token typed in the form; then the story the articles
    went to."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    editor(request, "Bearer " + form.get("token", [""])[0])
    action = form.get("action", [""])[0]
    checked = form.get("articles", [])
    target = form.get("target", [""])[0].strip()
    body = {
        "split": {"story": story_id, "articles": checked},
        "move": {"story": target, "articles": checked},
        "merge": {"story": story_id, "stories": [target] if target else []},
        "release": {"articles": checked} if checked else {"stories": [story_id]},
    }.get(action, {})
    try:
        asked = CorrectionIn(action=action, **body)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise HTTPException(422, f"not a correction: {action!r}") from exc

    def made() -> str:
        store = open_store(request.app.state.db)
        try:
            done = correction_made(Newsroom(store), asked)
        finally:
            store.close()
        return done.story or story_id

    try:
        where = await run_in_threadpool(made)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    except Refused as exc:
        raise HTTPException(409, str(exc)) from exc
    return RedirectResponse(f"/stories/{quote(where, safe='')}?why=1", status_code=303)
