"""The JSON API: story listings and Story documents, described for the OpenAPI document.

    GET /api/stories?limit=&offset=&outlet=&since=&until=
                                    [{id, title, first_published, outlets, article_count,
                                      release_placements}]
    GET /api/search?q=&outlet=&since=&until=&limit=&offset=
                                    the stories whose articles hold q's words, best first
    GET /api/stories/{id}?why=1                the Story JSON document as stored (docs/contracts.md)
    GET /api/articles/{id}                     one article as its story gives it, with `story`
    GET|POST /api/corrections                  an editor's corrections (`serve.api_corrections`)

An id that was merged into another story answers `307 Temporary Redirect` to the surviving
story's URL (query string kept), with a small JSON body naming both ids; the surviving
document lists the ids it absorbed in `redirects`. Unknown ids answer 404 `{"detail": ...}`.

The pydantic models below exist for the HTTP edge only: they describe the responses in
`/openapi.json`. Documents are served as stored, not re-serialised through the models (a
test checks that stored documents validate against them).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from newsmoa.codec import summary_to_json
from newsmoa.errors import NotFound
from newsmoa.pipeline import story_document
from newsmoa.serve.ids import story_id as named_story
from newsmoa.serve.outlets import outlet_named, unknown_outlet
from newsmoa.serve.placements import with_placements
from newsmoa.serve.span import span
from newsmoa.serve.view import public, shown_zone, with_disputes
from newsmoa.store import Store, open_store
from newsmoa.store.search import query as parsed

router = APIRouter(prefix="/api", tags=["stories"])


def get_store(request: Request) -> Iterator[Store]:
    """One store connection per request, closed afterwards (SQLite connections are cheap);
    a store gone since the start is a `StoreError` (503), not a new empty one."""
    store = open_store(request.app.state.db, create=False)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(get_store)]


class SourceOut(BaseModel):
    """Where a claim stands: `text[start:end]` of one article of the story."""

    article: str
    start: int
    end: int
    quote: str | None = None


class SentenceOut(BaseModel):
    """One consolidated sentence, in one variant's words, with every article carrying it."""

    text: str
    sources: list[SourceOut]
    disputed: list[str] = Field(
        [], description="what the outlets disagree on in this sentence's words (`about`)"
    )
    in_release: bool | None = Field(
        None,
        description="in a story with a press release: whether the release carries this "
        "sentence (false: the outlets named added it)",
    )


class ArticleOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    outlet: str | None = None
    title: str = ""
    published: str | None = Field(None, description="ISO 8601 with offset")
    reporter: str | None = None
    url: str | None = None
    reuse: float | None = Field(
        None,
        description="share of its text the story's releases or earlier articles have (0-1; "
        "an article without a time counts as earlier than the dated ones)",
    )
    is_release: bool = False
    text: str = Field(description="the cleaned text that offsets point into")


class FactOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str = Field(description="person, organization, place, date or quantity")
    value: Any = Field(description='normal form: a name, an ISO date, {"from","to"}, a number')
    text: str | None = Field(None, description="the original words")
    role: str | None = None
    unit: str | None = None
    counts: str | None = None
    about: str | None = Field(None, description="the happening the fact describes")
    sources: list[SourceOut]


class DisagreementValueOut(BaseModel):
    value: Any
    unit: str | None = Field(
        None, description="a quantity's unit (`원`, `명`), as its facts give it; absent otherwise"
    )
    sources: list[SourceOut]


class DisagreementOut(BaseModel):
    about: str = Field(
        description="what is disputed; `…, sentence N` when it is one consolidated sentence's "
        "claim (N counted from 1 in the story's `sentences`)"
    )
    kind: str = Field(description="person, organization, place, date or quantity")
    values: list[DisagreementValueOut]
    trend: str | None = Field(
        default=None,
        description="rose: each higher count was first stated after every report of a lower "
        "one (a toll that may have risen as reports came in); fell: the other way; null "
        "when the publication times show neither",
    )


class EventOut(BaseModel):
    """The agreement card; a field the outlets disagree on is null and named in `disputed`."""

    model_config = ConfigDict(extra="allow")

    type: str
    parties: list[str] = []
    representatives: list[str] = []
    date: Any = None
    place: str | None = None
    phase: str | None = None
    participants: int | None = None
    items: list[str] = []
    history: list[str] = []
    disputed: list[str] = []


class StorySummaryOut(BaseModel):
    id: str
    title: str | None
    first_published: str | None
    outlets: list[str]
    article_count: int


class PlacementsOut(BaseModel):
    """How many articles carried the story's press release (`release_carried_by`), the
    release itself not counted."""

    articles: int = Field(description="articles taking at least 30% of their text from it")
    outlets: int = Field(description="the named outlets among them")
    without_outlet: int = Field(
        0, description="the articles among them whose outlet is not known (a pasted blog)"
    )


class StoryListedOut(StorySummaryOut):
    release_placements: PlacementsOut | None = Field(
        None,
        description="for a story with a press release: how many articles in how many outlets"
        " carried it (null: no release, or the story's document is not built yet)",
    )


class CarrierOut(BaseModel):
    """An article that carried the story's press release (a placement of it)."""

    article: str
    outlet: str | None = None
    reuse: float = Field(description="the article's `reuse`")
    release_share: float = Field(description="share of the release's text it ran (0-1)")


class OriginOut(BaseModel):
    """An earlier article (or the release) whose text an article reuses."""

    article: str
    share: float = Field(description="share of the article's text this one first wrote (0-1)")


class StoryOut(StorySummaryOut):
    """The Story JSON contract (docs/contracts.md). Extra fields keep their meaning."""

    model_config = ConfigDict(extra="allow")

    articles: list[ArticleOut]
    sentences: list[SentenceOut]
    facts: list[FactOut] = []
    disagreements: list[DisagreementOut] = []
    event: EventOut | None = None
    redirects: list[str] = Field([], description="story ids merged into this one")
    release: str | None = Field(None, description="id of the press-release article, if any")
    release_carried_by: list[CarrierOut] = Field(
        [], description="the articles taking at least 30% of their text from the releases"
    )
    near_duplicate_families: list[list[str]] = Field(
        [], description="groups of article ids that reprint one text (a wire or a release)"
    )
    reuse_from: dict[str, list[OriginOut]] = Field(
        {},
        description=(
            "per article reusing text, the release or earlier articles where that text first"
            " appeared, the largest share first (not necessarily the one copied)"
        ),
    )
    why: dict[str, Any] | None = Field(
        None, description="per article, the signals that placed it in the story (only with ?why=1)"
    )


class ArticleInStoryOut(ArticleOut):
    """One article as its story's document gives it, and where that story is."""

    story: str = Field(description="id of the story the article is in")
    story_url: str = Field(description="the story's document (`/api/stories/{id}`)")
    page: str = Field(description="the article on the story's web page")


class RedirectOut(BaseModel):
    detail: str
    redirected_from: str
    id: str
    location: str


class ErrorOut(BaseModel):
    detail: str


def page_link(request: Request, offset: int) -> str:
    """The URL of another page of a listing (the same query, from `offset`), for
    `Link: <...>; rel="next"` headers."""
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
    return f"{request.url.path}?{urlencode([*query, ('offset', str(offset))])}"


MAX_OFFSET = 10**12  # stories to skip: more than any store holds (SQLite stops at 2**63 - 1)
SINCE = (
    "only stories first published from then: an ISO date (the whole day, in the server's zone:"
    " NEWSMOA_TZ, Asia/Seoul by default) or time"
)
UNTIL = "only those until then (a date: to its end)"
LIMIT = 'at most this many, a page (`Link: <...>; rel="next"` while more follow)'
OFFSET = "skip this many first (the next page: the `Link` header gives it)"
STORY_ID = "a story's id, or its start from 6 characters (answered by a redirect to the id)"


OUTLET_IS = (
    " (its letters in any case: `chungsol herald` is `Chungsol Herald`; one the store has"
    " none of answers 404 naming those it has)"
)
UNKNOWN_OUTLET: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "an `outlet` the store has none of"}
}


def outlet_of(store: Store, outlet: str | None, what: str) -> str | None:
    """`?outlet=` as the store names it (`serve.outlets`: case ignored); a 404 naming the
    store's outlets when it has none so named (a typo answered `200 []` as if the outlet
    had carried nothing), in the words of the CLI's note (`no stories from 'x'; …`)."""
    if not outlet or not outlet.strip():  # (`?outlet=` blank: none asked, as the web list)
        return None
    known = store.outlets()
    if (name := outlet_named(known, outlet)) is None:
        raise HTTPException(404, unknown_outlet(known, outlet, what))
    return name


def span_of(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """`?since=&until=` as [start, end) (`serve.span`); 422 naming what is wrong."""
    try:
        return span(since, until, shown_zone())
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc


@router.get(
    "/stories",
    response_model=list[StoryListedOut],
    summary="Stories, newest first",
    responses=UNKNOWN_OUTLET,
)
def list_stories(
    request: Request,
    store: StoreDep,
    response: Response,
    limit: Annotated[int, Query(ge=1, le=1000, description=LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description=OFFSET)] = 0,
    outlet: Annotated[
        str | None, Query(description="only stories this outlet carried" + OUTLET_IS)
    ] = None,
    since: Annotated[str | None, Query(description=SINCE)] = None,
    until: Annotated[str | None, Query(description=UNTIL)] = None,
) -> list[dict[str, Any]]:
    """One row per story; a page with more after it carries `Link: <...>; rel="next"`."""
    lo, hi = span_of(since, until)
    outlet = outlet_of(store, outlet, "stories")
    rows = [
        summary_to_json(r)
        for r in store.story_summaries(
            limit=limit + 1, offset=offset, outlet=outlet, since=lo, until=hi
        )
    ]
    return with_placements(store, _paged(request, response, rows, limit, offset))


def _paged(
    request: Request, response: Response, rows: list[Any], limit: int, offset: int
) -> list[Any]:
    """The first `limit` of `rows` (asked for one more), with `Link: <...>; rel="next"` when
    there is more: a last page exactly full linked to an empty one."""
    if len(rows) > limit:
        response.headers["Link"] = f'<{page_link(request, offset + limit)}>; rel="next"'
    return rows[:limit]


class SnippetOut(BaseModel):
    text: str = Field(description="a short piece of the article around its first match")
    marks: list[list[int]] = Field(description="[start, end) of each match in `text`")


class MatchOut(BaseModel):
    id: str
    outlet: str | None
    title: str
    published: str | None
    is_release: bool = Field(False, description="the article is a press release")
    snippet: SnippetOut | None


class FoundOut(StorySummaryOut):
    title_match: bool = Field(description="the story's title, or a matching article's, holds q")
    relevance: float = Field(
        description="its best matching article's weight for q: BM25 over the text, each word"
        " in the title counting as much as the most a text can"
    )
    matches: int = Field(description="how many of the story's articles hold every word of q")
    articles: list[MatchOut] = Field(description="the first matching articles, newest first")


@router.get(
    "/search",
    response_model=list[FoundOut],
    summary="Stories holding words",
    responses=UNKNOWN_OUTLET,
)
def search_stories(
    request: Request,
    store: StoreDep,
    response: Response,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="required (missing or blank: 422 with a plain `detail`, as `q=` gets):"
            " words an article must all hold (as parts of words: 완주 finds 완주군은;"
            " a word's own particle dropped, 청솔군은 finds 청솔군이; 김민수 finds 김 민수;"
            " 4512억원 finds 4,512억원),"
            ' a "quoted phrase" as written, none after "-" or NOT (-축제), one of words'
            " joined by OR (협약 OR 협정); case is ignored",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description=LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description=OFFSET)] = 0,
    outlet: Annotated[
        str | None, Query(description="only this outlet's articles" + OUTLET_IS)
    ] = None,
    since: Annotated[str | None, Query(description="only articles published from then")] = None,
    until: Annotated[str | None, Query(description=UNTIL)] = None,
) -> list[dict[str, Any]]:
    """The stories whose articles hold every word of `q`: those whose title holds them first,
    then the more relevant (`relevance`), then those with more matching articles, then the
    newest, then by id; each with its matching articles and a snippet of each. A page with
    more after it carries `Link: <...>; rel="next"`."""
    lo, hi = span_of(since, until)
    try:
        asked = parsed(q or "", outlet=outlet or None, since=lo, until=hi)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    asked = replace(asked, outlet=outlet_of(store, outlet, "articles"))
    return _paged(
        request, response, store.search(asked, limit=limit + 1, offset=offset), limit, offset
    )


def story_response(
    request: Request, store: Store, story_id: str, why: bool, *, route: str = "get_story"
) -> Response:
    """The stored document, a redirect to the surviving story's `route` (or to the one a
    unique start of its id names, as the CLI takes it: `ids.story_id`), or a 404; shared
    with the `/stories/{id}.json` view."""
    try:
        named = named_story(store, story_id)
    except NotFound as exc:  # a start of several ids, or too short to name one
        return JSONResponse({"detail": str(exc)}, status_code=404)
    survivor = store.resolve(named)
    if survivor != story_id:
        location = str(request.url_for(route, story_id=survivor))
        if request.url.query:
            location += "?" + request.url.query
        said = f"story {named!r} was merged into {survivor!r}" if survivor != named else ""
        if named != story_id:
            said = f"{story_id!r} is the start of story {named!r}" + (f"; {said}" if said else "")
        body = {
            "detail": said,
            "redirected_from": story_id,
            "id": survivor,
            "location": location,
        }
        return JSONResponse(body, status_code=307, headers={"Location": location})
    doc = story_document(store, story_id)
    if doc is None:
        return JSONResponse({"detail": f"no story {story_id!r}"}, status_code=404)
    if not why:
        doc.pop("why", None)
    return JSONResponse(with_disputes(public(doc)))


@router.get(
    "/stories/{story_id}",
    response_model=StoryOut,
    summary="One story",
    responses={
        307: {"model": RedirectOut, "description": "merged into another story"},
        404: {"model": ErrorOut, "description": "unknown story id"},
    },
)
def get_story(
    request: Request,
    store: StoreDep,
    story_id: Annotated[str, Path(description=STORY_ID)],
    why: Annotated[
        bool, Query(description="keep `why`: the signals that placed each article")
    ] = False,
) -> Response:
    """The Story JSON document (docs/contracts.md), as cached at ingest."""
    return story_response(request, store, story_id, why)


@router.get(
    "/articles/{article_id:path}",
    response_model=ArticleInStoryOut,
    summary="One article and the story it is in",
    responses={404: {"model": ErrorOut, "description": "unknown article id"}},
)
def get_article(
    request: Request,
    store: StoreDep,
    article_id: Annotated[
        str, Path(description="the id it was ingested with (by default its url), percent-encoded")
    ],
) -> Response:
    """The article with the id it was ingested with (its `id`, by default its `url`: the
    rest of the path, slashes and all), as its story's document gives it, with `story`, the
    story it is in now (after merges and moves), and links to that story."""
    found = article_in_story(store, article_id)
    if found is None:
        return JSONResponse({"detail": f"no article {article_id!r}"}, status_code=404)
    story, pos, article = found
    page = f"{request.url_for('story_page', story_id=story)}#article-{pos}"
    story_url = str(request.url_for("get_story", story_id=story))
    return JSONResponse(
        {**public({"articles": [article]})["articles"][0], "story": story,
         "story_url": story_url, "page": page}
    )  # fmt: skip


def article_in_story(store: Store, article_id: str) -> tuple[str, int, dict[str, Any]] | None:
    """The story holding the stored article `article_id`, the article's place among the
    story's articles (counted from 1, the story page's `#article-N`) and its entry in the
    story's document; None for an article the store does not hold."""
    story = store.stories_of([article_id]).get(article_id)
    doc = story_document(store, story) if story is not None else None
    if story is None or doc is None:
        return None
    for pos, article in enumerate(doc.get("articles") or [], start=1):
        if article.get("id") == article_id:
            return story, pos, article
    return None
