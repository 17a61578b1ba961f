"""The web pages: the story list and the story page, rendered from stored Story documents;
`/articles/{id}` leads to an article's column on its story's page.

What a story page shows is computed in `newsmoa.serve.view`; the Jinja2 templates under
`templates/` lay it out, with autoescaping on for every template.
"""

from __future__ import annotations

import re
from datetime import UTC
from http import HTTPStatus
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode

import jinja2
from fastapi import APIRouter, BackgroundTasks, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from newsmoa.codec import article_to_json, iso
from newsmoa.errors import NotFound
from newsmoa.pipeline import Newsroom, story_document
from newsmoa.reconcile.align import reading_order
from newsmoa.serve.api import MAX_OFFSET, StoreDep, article_in_story, story_response
from newsmoa.serve.api_corrections import (
    CorrectionIn,
    allowed,
    corrections_on,
    documents_later,
    invalid,
    made,
)
from newsmoa.serve.api_doubts import MAX_DAYS, recent, window
from newsmoa.serve.ids import MIN_PREFIX
from newsmoa.serve.ids import story_id as named_story
from newsmoa.serve.outlets import outlet_named
from newsmoa.serve.placements import with_placements
from newsmoa.serve.span import span
from newsmoa.serve.view import (
    labels,
    language,
    percent,
    plural,
    runs,
    show_value,
    shown_zone,
    source_name,
    story_view,
    when,
    why_text,
)
from newsmoa.store import Store
from newsmoa.store.search import pieces
from newsmoa.store.search import query as parsed

router = APIRouter(include_in_schema=False)
PAGE = 50  # stories per list page
FORM = "application/x-www-form-urlencoded"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters.update(
    when=when,
    value=show_value,
    percent=percent,
    plural=plural,
    why=why_text,
    lang=language,
    runs=runs,
)
_STATUSES = {s.value for s in HTTPStatus}
# an error page's heading says what its number means (`404 Not Found`, not a bare `404`)
_env.filters["reason"] = lambda status: HTTPStatus(status).phrase if status in _STATUSES else ""
_env.globals["shown_zone"] = lambda: shown_zone().key  # the zone `when` shows times in
templates = Jinja2Templates(env=_env)


@router.get("/", response_class=HTMLResponse)
def story_list(
    request: Request,
    store: StoreDep,
    outlet: str | None = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    q: Annotated[str, Query(max_length=500)] = "",
    since: str = "",
    until: str = "",
) -> Response:
    """Stories newest first, with an outlet filter, a span of time (`since`, `until`: dates,
    as `/api/stories` takes them) and older/newer links; with `q`, the stories whose
    articles hold its words (`/api/search`), each with its matching articles and their
    snippets, the words marked."""
    outlet, q = outlet or None, q.strip()
    if outlet:  # as the store names it, its letters in any case (as `/api/stories` takes it)
        outlet = outlet_named(store.outlets(), outlet) or outlet
    error = None
    try:
        lo, hi = span(since, until, shown_zone())
        asked = parsed(q, outlet=outlet, since=lo, until=hi) if q else None
    except ValueError as exc:  # shown above the list, which is then empty
        error, lo, hi, asked = str(exc), None, None, None
    if asked and (named := _named_story(store, q)):  # an id pasted into the search box
        return RedirectResponse(str(request.url_for("story_page", story_id=named)), 303)
    if error:
        rows = []
    elif asked:
        rows = store.search(asked, limit=PAGE + 1, offset=offset)
        names = _names(store, rows[:PAGE])
        rows = [{**r, "articles": [_marked(a, names) for a in r["articles"]]} for r in rows]
    else:  # (one more than the page: whether an older page has any)
        rows = store.story_summaries(
            limit=PAGE + 1, offset=offset, outlet=outlet, since=lo, until=hi
        )
    more, rows = len(rows) > PAGE, with_placements(store, rows[:PAGE])  # as `stories` shows
    kept = {"q": q, "outlet": outlet, "since": since.strip(), "until": until.strip()}
    kept = {k: v for k, v in kept.items() if v}

    def page(at: int) -> str:
        return "/?" + urlencode({**kept, "offset": at})

    return templates.TemplateResponse(
        request,
        "list.html",
        {
            "rows": rows,
            "outlets": store.outlets(),
            "outlet": outlet,
            "q": q,
            "searching": bool(asked),
            "since": since.strip(),
            "until": until.strip(),
            "error": error,
            # (`/api/stories`, not `/api/stories?`, when nothing is asked)
            "api": ("/api/search" if asked else "/api/stories")
            + (f"?{urlencode(kept)}" if kept else ""),
            "counts": store.counts(),
            "first": page(0),
            "newer": page(max(0, offset - PAGE)) if offset else None,
            "older": page(offset + PAGE) if more else None,
        },
        status_code=422 if error else 200,
    )


def _marked(article: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """A matching article with its snippet as (text, is a match) pieces, which the template
    escapes and marks, and its name as its story's page gives it."""
    name = names.get(article["id"]) or article.get("outlet")
    return {**article, "pieces": pieces(article.get("snippet")), "name": name}


def _names(store: Store, rows: list[dict[str, Any]]) -> dict[str, str]:
    """Article id -> its name as its story's page, columns and feed give it (`view.labels`:
    `press release`, `연합뉴스 #2`), for the stories of a search's page: the list named a
    release `—` and an outlet's two articles alike."""
    names: dict[str, str] = {}
    for found in store.story_listings([r["id"] for r in rows]).values():
        listed = [article_to_json(a, text=False) for a in reading_order(found)]
        names.update(labels(listed))
    return names


@router.get("/stories/{story_id}.json", name="story_json")
def story_json(request: Request, store: StoreDep, story_id: str, why: bool = False) -> Response:
    """The story page's data: the same document as `/api/stories/{id}`."""
    return story_response(request, store, story_id, why, route="story_json")


_ID = re.compile(r"s[0-9a-f]+(-[0-9]+)?")  # a story's id, or its start


def _named_story(store: Store, q: str) -> str | None:
    """The story (as it is now) whose id, or a unique start of it from `MIN_PREFIX`
    characters, is all `q` says; None when it names none (it is searched for). Only what
    reads as an id (`s` and hex digits: `cluster.story_id_for`) is looked up as one."""
    if len(q) < MIN_PREFIX or not _ID.fullmatch(q.lower()):
        return None
    try:
        named = named_story(store, q)
    except NotFound:  # the start of several: the words are searched
        return None
    return store.resolve(named) if store.story_id_known(named) else None


@router.get("/stories/{story_id}", response_class=HTMLResponse, name="story_page")
def story_page(request: Request, store: StoreDep, story_id: str, why: bool = False) -> Response:
    """One story: banner, consolidated sentences with chips, card, columns, facts, timeline."""
    try:  # (or the story a start of its id names)
        survivor = store.resolve(named_story(store, story_id))
    except NotFound as exc:
        return not_found(request, str(exc))
    if survivor != story_id:
        url = str(request.url_for("story_page", story_id=survivor))
        return RedirectResponse(url + (f"?{request.url.query}" if request.url.query else ""), 307)
    doc = story_document(store, story_id)
    if doc is None:
        return not_found(request, f"No story {story_id!r}.")
    editing = corrections_on(request)  # the correction form, with `why`
    return templates.TemplateResponse(
        request, "story.html", {**story_view(doc), "why": why, "editing": editing}
    )


@router.get("/articles/{article_id:path}", name="article_page")
def article_page(request: Request, store: StoreDep, article_id: str) -> Response:
    """An article by the id it was ingested with: 303 to its column on its story's page
    (`/stories/{story}#article-N`), wherever merges and moves have put it."""
    found = article_in_story(store, article_id)
    if found is None:
        return not_found(request, f"No article {article_id!r}.")
    story, pos, _ = found
    where = request.url_for("story_page", story_id=story)
    return RedirectResponse(f"{where}#article-{pos}", status_code=303)


_WINDOW = ("until", "days", "limit")  # the doubts page's window, as its query gives it


@router.get("/doubts", response_class=HTMLResponse, name="doubts_page")
def doubts_page(
    request: Request,
    store: StoreDep,
    until: str = "",
    days: str = "",
    limit: str = "",
) -> Response:
    """The stories of a window (the last two days up to the newest article, or `days` up to
    `until`, as `/api/doubts` takes them) most worth an editor's look (`newsmoa.review`),
    each linked to its why view and, with an edit token, with a form that corrects it as
    proposed or keeps the stories as they are (`story_correction`, `back=doubts`)."""
    end, length, count = window(until, days, limit)  # (a form sends empty fields as "")
    found = recent(request).doubts(store, until=end, hours=length, limit=count)
    # each article's name as a story's page gives it (a release `press release`) and title,
    # apart: the page marks each one's language (`연합뉴스 · Cheongsol signs …` was one text)
    titles = {
        aid: (source_name(article_to_json(a, text=False)), a.title)
        for aid, a in found.articles.items()
    }
    editing = corrections_on(request)  # a form under each doubt
    named = {s for d in (*found.splits, *found.merges) for s in d.stories}
    # each story's title, its link's words (a bare id said nothing of what it is)
    headlines = {s: store.story_ids_starting(s, limit=1).get(s) for s in sorted(named)}
    return templates.TemplateResponse(
        request,
        "doubts.html",
        {
            "found": found, "titles": titles, "editing": editing, "headlines": headlines,
            "start": iso(found.start), "end": iso(found.end),
            "start_utc": f"{found.start.astimezone(UTC):%Y-%m-%d %H:%M}",
            "end_utc": f"{found.end.astimezone(UTC):%Y-%m-%d %H:%M}",
            "until": until.strip(), "days": days.strip(), "limit": count,
            "max_days": MAX_DAYS,
            # the window asked for, which a correction from this page goes back to
            "window": [(k, v) for k in _WINDOW if (v := request.query_params.get(k, "").strip())],
        },
    )  # fmt: skip


def not_found(request: Request, message: str) -> Response:
    return templates.TemplateResponse(
        request, "error.html", {"status": 404, "message": message}, status_code=404
    )


@router.post("/stories/{story_id}/corrections")
async def story_correction(
    request: Request, store: StoreDep, story_id: str, later: BackgroundTasks
) -> Response:
    """The story page's correction form (shown with `?why=1` when the server takes
    corrections: an edit token, or editors' own, `corrections_on`): the corrections of
    `POST /api/corrections`, with the token typed in the form (never kept in a cookie, so
    another site cannot post one; an editor's own names them in the log, `proven`); then
    the story the articles
    went to, or the doubts page when the form was one of its doubts (`back=doubts`). A
    confirm with a `target` keeps both stories as they are (a merge doubt found wrong)."""
    if request.headers.get("content-type", "").partition(";")[0].strip() != FORM:
        raise HTTPException(415, f"send the correction form as {FORM}")
    try:  # the body is at most `app.MAX_BODY` bytes
        form = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=1000)
    except ValueError as exc:
        raise HTTPException(413, "too many fields in the correction form") from exc
    name = allowed(request, form.get("token", [""])[0].strip().encode("utf-8") or None)
    action = form.get("action", [""])[0]
    checked = form.get("articles", [])
    target = form.get("target", [""])[0].strip()
    by = form.get("by", [""])[0].strip() or None  # (too long: refused, as the API does)
    back = form.get("back", [""])[0] == "doubts"  # posted from the doubts page
    body = {
        "split": {"story": story_id, "articles": checked},
        "move": {"story": target, "articles": checked},
        "merge": {"story": story_id, "stories": [target] if target else []},
        # a doubt's form names both stories of a merge doubt; the story page confirms its own
        "confirm": {"stories": [story_id, *([target] if target and back else [])]},
        "release": {"articles": checked} if checked else {"stories": [story_id]},
    }.get(action, {})
    try:
        asked = CorrectionIn(action=action, by=by, **body)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise HTTPException(422, f"not a correction: {invalid(exc)}") from exc
    done = await run_in_threadpool(made, Newsroom(store), asked, name)
    documents_later(later, request, done)
    if back:  # to the window the editor was looking at
        kept = {k: form[k][0] for k in _WINDOW if form.get(k, [""])[0]}
        return RedirectResponse(f"/doubts?{urlencode(kept)}" if kept else "/doubts", 303)
    where = request.url_for("story_page", story_id=done.story or story_id)
    return RedirectResponse(f"{where}?why=1", status_code=303)
