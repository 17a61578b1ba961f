"""`newsmoa serve`: the web UI, the JSON API and the Atom feed over one store.

    /                         story list (outlet filter, older/newer pages)
    /stories/{id}             story page; /stories/{id}.json the same story as JSON
    /articles/{id}            303 to the article's column on its story's page
    /api/stories[/{id}]       JSON API (see newsmoa.serve.api), described at /openapi.json;
    /api/articles/{id}        one article and the story it is in
                              (no /docs: Swagger UI would load scripts from a CDN)
    /api/corrections          an editor's corrections (POST with the edit token) and their log
    /api/doubts, /doubts      where the grouping may be wrong, most worth a look first
    /stories/{id}/corrections the story page's correction form (POST, the token typed in)
    /feed.atom                Atom feed of stories; /stories/{id}/feed.atom, of its articles
    /static/...               the one stylesheet

Each request opens its own store connection and closes it (see `api.get_store`), so the
server holds no connection shared between threads. A request body may hold at most
`MAX_BODY` bytes (413 beyond; the server takes nothing larger than a correction), and no
page may be shown in another site's frame (a correction form with a remembered token). A
merged (absorbed) story id answers 307 to the surviving story's URL on every route. Errors
answer JSON under /api and for `.json` URLs, an HTML page elsewhere. Every GET answered 200
carries an ETag and answers 304 to a client that has it (`Conditional`), the feed a
Last-Modified too, so a feed reader's polls fetch nothing while nothing changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote_to_bytes

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsmoa import settings
from newsmoa.errors import NewsmoaError, StoreError
from newsmoa.serve import api, api_corrections, api_doubts, feed, web
from newsmoa.serve.editors import Editors
from newsmoa.serve.editors import load as load_editors
from newsmoa.serve.guesses import Guesses
from newsmoa.store import open_store
from newsmoa.store.base import is_busy

log = logging.getLogger("newsmoa.serve")

MAX_BODY = 64 * 1024  # bytes of a request body: a correction is a few hundred
_NO_FRAMING = [
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
]


class _HTTPMiddleware:
    """ASGI middleware that acts on HTTP requests (`http`) and passes anything else on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self.http(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


class NoFraming(_HTTPMiddleware):
    """No response may be shown in another site's frame (a page with the correction form
    may hold a token the browser filled in)."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def framed(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_NO_FRAMING]
            await send(message)

        await self.app(scope, receive, framed)


class NoNul(_HTTPMiddleware):
    """An address with a NUL in its path or query (`%00`) answers 400: no id, outlet or
    word the store holds has one, and PostgreSQL's text cannot be asked about one (a 500
    there, a 404 on SQLite)."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = unquote_to_bytes(scope.get("query_string", b""))
        if "\x00" not in scope["path"] and b"\x00" not in query:
            await self.app(scope, receive, send)
            return
        said = "no address holds a NUL (%00): remove it"
        await error_response(Request(scope), 400, said)(scope, receive, send)


class BodyLimit(_HTTPMiddleware):
    """A request body of more than `MAX_BODY` bytes answers 413, refused by its
    Content-Length before it is read or, sent without one, once that much has arrived (an
    `HTTPException` from the endpoint's read). Either way the 413 is written as every other
    error is (`error_response`: JSON under /api, a page elsewhere), where Starlette's own
    limit answers plain text."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.strip().isdigit() and int(declared) > MAX_BODY:
            request = Request(scope, receive)
            await error_response(request, 413, TOO_LARGE)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > MAX_BODY:
                    raise HTTPException(413, TOO_LARGE)
            return message

        await self.app(scope, counted, send)


TOO_LARGE = f"request body over {MAX_BODY:,} bytes"


class HeadAsGet(_HTTPMiddleware):
    """HEAD is answered as GET is, without the body (RFC 9110 9.3.2; a feed reader or a
    link checker asks it first). FastAPI routes answer only the methods they name."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class Conditional(_HTTPMiddleware):
    """A GET answered 200 carries an `ETag` (a hash of its body) and `Cache-Control:
    no-cache` (ask again before reusing it), and is answered `304 Not Modified`, without
    its body, to an `If-None-Match` naming that tag or, asked without one, to an
    `If-Modified-Since` not before its `Last-Modified` (the feed gives one): a feed reader
    or a client polling the API fetches a body only when it changed (RFC 9110 13.1).
    An answer that has a tag of its own (the stylesheet's) is left as it is."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        asked = Headers(scope=scope)
        start: Message | None = None
        chunks: list[bytes] = []

        async def tagged(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = Headers(raw=message.get("headers", []))
                if message["status"] != 200 or "etag" in headers:
                    await send(message)  # passed through, as every later message
                else:
                    start = message
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            await _answer(start, b"".join(chunks), asked, send)

        await self.app(scope, receive, tagged)


_BODY_HEADERS = {b"content-type", b"content-length", b"content-encoding", b"content-language"}


async def _answer(start: Message, body: bytes, asked: Headers, send: Send) -> None:
    """Send the buffered 200 `start` + `body` with its tag, or a 304 when the asker has it."""
    tag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    headers = MutableHeaders(raw=list(start.get("headers", [])))
    headers["etag"] = tag
    headers.setdefault("cache-control", "no-cache")
    if _unchanged(asked, tag, headers.get("last-modified")):
        # no body, so none of the body's own headers (RFC 9110 15.4.5)
        raw = [(k, v) for k, v in headers.raw if k not in _BODY_HEADERS]
        await send({"type": "http.response.start", "status": 304, "headers": raw})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({**start, "headers": headers.raw})
    await send({"type": "http.response.body", "body": body})


def _unchanged(asked: Headers, tag: str, modified: str | None) -> bool:
    """Whether the asker's copy is current: `If-None-Match` (weakly compared, `*` any),
    else `If-Modified-Since` against `modified`; a date that cannot be read is no match."""
    if "if-none-match" in asked:
        named = {t.strip().removeprefix("W/") for t in asked["if-none-match"].split(",")}
        return tag in named or "*" in named
    since = asked.get("if-modified-since")
    if not since or not modified:
        return False
    try:
        return parsedate_to_datetime(modified) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


_METHODS = ("DELETE", "GET", "PATCH", "POST", "PUT")


def allowed_methods(request: Request) -> str:
    """The methods some route answers at the request's path (the `Allow` of a 405), asked of
    the routes one method at a time (included routers keep theirs to themselves). A mount
    takes any method to its app; the stylesheet's answers GET (and so HEAD) only."""
    routes: list[BaseRoute] = request.app.router.routes
    scope = request.scope  # as the app saw it: a mount (/static) moved the path into root_path
    scope = {**scope, "root_path": scope.get("app_root_path", scope.get("root_path", ""))}
    methods = {
        m
        for m in _METHODS
        for r in routes
        if (m == "GET" or not isinstance(r, Mount))
        and r.matches({**scope, "method": m})[0] == Match.FULL
    }
    return ", ".join(sorted(methods | ({"HEAD"} if "GET" in methods else set())))


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith((".json", ".atom")) or path == "/openapi.json"


def error_response(
    request: Request, status: int, detail: str, headers: dict[str, str] | None = None
) -> Response:
    """An error as the asker reads it: JSON for API clients, a page for people."""
    if wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    return web.templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": detail},
        status_code=status,
        headers=headers,
    )


def create_app(db: str, *, edit_token: str | None = None, editors: str | None = None) -> FastAPI:
    """The ASGI app over the store at `db` (an SQLite path or a PostgreSQL URL). Opens it
    once now, so a database that is not a newsmoa store (none at the path, an empty file,
    another program's) fails at start with a clear `StoreError`, and makes no tables there.
    `edit_token`: what `POST /api/corrections` asks for (None: `NEWSMOA_EDIT_TOKEN`; empty:
    refused);
    `editors`: a file of editors with tokens of their own (None: `NEWSMOA_EDITORS`; empty:
    none), read now, so a bad line fails at start (`ConfigError`)."""
    open_store(db, create=False).close()
    token = settings.get("edit_token") if edit_token is None else edit_token
    listed = settings.get("editors") if editors is None else editors
    app_editors = (
        load_editors(listed.strip(), shared=token.strip()) if listed.strip() else Editors()
    )
    app = FastAPI(
        title="newsmoa",
        summary="Many outlets' reports of one event, consolidated into one story.",
        description="Stories whose every sentence names its sources, with typed facts, "
        "cross-outlet disagreements and an agreement card. The Story JSON contract "
        "is described in docs/contracts.md; an absorbed story id answers 307 to the "
        "surviving story.",
        version="0.1.0",
        docs_url=None,  # Swagger UI and ReDoc load their scripts from a CDN; pages work offline
        redoc_url=None,
    )
    app.state.db = db
    app.state.edit_token = token.strip()  # only spaces: no token, as none
    app.state.editors = app_editors  # their own tokens, which name them in the log
    app.state.guesses = Guesses()  # wrong tokens per address (429 after too many)
    app.state.doubts = api_doubts.Recent()  # one at a time, kept for a minute
    app.include_router(api.router)
    app.include_router(api_corrections.router)
    app.include_router(api_doubts.router)
    app.include_router(feed.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.add_middleware(BodyLimit)  # nothing reads a body before it; its 413 is not framed
    app.add_middleware(NoNul)
    app.add_middleware(NoFraming)
    app.add_middleware(Conditional)  # sees HEAD as the GET it is answered as
    app.add_middleware(HeadAsGet)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        """404s and friends: JSON for API clients, a page for people; a 404 of no route
        names the path (where Starlette said "Not Found"); a 405 says which methods the
        path takes (all its routes', where the router names the first one's)."""
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
        detail = exc.detail
        if exc.status_code == 404 and detail == "Not Found":  # no route: name the path
            detail = f"No page at {request.url.path}."
            if wants_json(request):
                detail = f"no such path: {request.url.path} (the API is described at /openapi.json)"
        return error_response(request, exc.status_code, detail, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        """422 as FastAPI words it, written with ASCII escapes: a request may carry half of
        a surrogate pair (JSON allows "\\ud800"), which UTF-8 cannot encode; for a page, a
        page naming the parameters that cannot be read and why (`/?offset=-1`: "offset:
        input should be greater than or equal to 0"; it named the parameter alone)."""
        if not wants_json(request):
            why = {".".join(map(str, e.get("loc", ())[1:])): e.get("msg", "") for e in exc.errors()}
            said = "; ".join(
                f"{name}: {msg[:1].lower()}{msg[1:]}".encode("ascii", "backslashreplace").decode()
                for name, msg in sorted(why.items())
            )
            return error_response(request, 422, f"cannot read the request's {said or 'query'}")
        body = json.dumps(jsonable_encoder({"detail": exc.errors()}), ensure_ascii=True)
        return Response(body, status_code=422, media_type="application/json")

    @app.exception_handler(sqlite3.OperationalError)
    async def store_busy(request: Request, exc: sqlite3.OperationalError) -> Response:
        """Another process held the write lock past the wait (a long re-decision): a clear
        503 to try again, not a bare 500 (a black-box case); any other failure is a 500."""
        if not is_busy(exc):
            raise exc
        said = "the store is busy: another process is writing to it; try again shortly"
        return error_response(request, 503, said, {"Retry-After": "5"})

    @app.exception_handler(NewsmoaError)
    async def newsmoa_error(request: Request, exc: NewsmoaError) -> Response:
        """A store that cannot be read: one clear line, no traceback for the reader. The
        store's own words (a PostgreSQL server's user, host and database: the body named
        them to any reader, a helper's case) go to the server's log, not into the body."""
        if is_busy(exc):  # (`access.BUSY`: the store's write lock held past the wait)
            said = "the store is busy: another process is writing to it; try again shortly"
            return error_response(request, 503, said, {"Retry-After": "5"})
        if isinstance(exc, StoreError):
            log.error("%s %s: %s", request.method, request.url.path, exc)
            said = "the store cannot be read right now; try again shortly"
            return error_response(request, 503, said, {"Retry-After": "5"})
        return error_response(request, 503, str(exc))

    return app
