"""An editor's corrections over HTTP (`newsmoa.corrections`).

    POST /api/corrections    make one: {"action": "split"|"merge"|"move"|"confirm"|"release",
                             ...}; 201 and what it did
    GET /api/corrections     the log, oldest first (readable by anyone who can read stories)

A correction needs the server's edit token (`NEWSMOA_EDIT_TOKEN`, or `create_app`'s
`edit_token`) as `Authorization: Bearer <token>`, checked before the body is validated (a
body that is not JSON at all answers 422 first; one over `app.MAX_BODY` bytes, 413): 401
without it or with another one (an editor's own token, `NEWSMOA_EDITORS`, also serves, and
the log then names that editor, `proven: true`); 429 for a minute once an address sent ten
wrong ones within a minute (`guesses.py`); 403 when the server has neither (corrections
are then made from the command line only). Then a body not sent as application/json
answers 415, one that lacks what its action needs (or names an editor with a control
character, `corrections.editor_name`) 422, a correction naming an unknown story or article
404, one that cannot be made as asked (a split of a whole story, an article not in the
story) 409; nothing is changed then.
The story page's form (`web.story_correction`) makes the same corrections with the token
typed in.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, ValidationError, field_validator

from newsmoa import corrections
from newsmoa.errors import NotFound, Refused
from newsmoa.pipeline import Newsroom, story_document
from newsmoa.serve.api import ErrorOut, StoreDep
from newsmoa.serve.editors import Editors
from newsmoa.serve.guesses import Guesses
from newsmoa.serve.ids import story_id
from newsmoa.store import open_store
from newsmoa.text.normalize import half_surrogate

router = APIRouter(prefix="/api", tags=["corrections"])
_bearer = HTTPBearer(auto_error=False, description="the server's edit token")


class CorrectionIn(BaseModel):
    """One correction, as `newsmoa split`, `merge`, `move`, `confirm` and `release` make
    them."""

    action: Literal["move", "split", "merge", "confirm", "release"]
    story: str | None = Field(
        None,
        description="move: where the articles go; split: the story they leave; merge: the "
        "story that stays",
    )
    articles: list[str] = Field(
        default_factory=list, description="move, split, release: the articles"
    )
    stories: list[str] = Field(
        default_factory=list,
        description="merge: the stories merged into `story`; confirm: the stories kept as "
        "they are; release: stories whose articles placed by hand are released",
    )
    by: str | None = Field(
        None, description="who makes it, for the log", max_length=corrections.MAX_NAME
    )

    @field_validator("by")
    @classmethod
    def _plain_name(cls, by: str | None) -> str | None:
        """A name the log can print as given (`corrections.editor_name`)."""
        try:
            return None if by is None else corrections.editor_name(by) or None
        except Refused as exc:
            raise ValueError(str(exc)) from exc

    @field_validator("story", "articles", "stories")
    @classmethod
    def _text(cls, ids: str | list[str] | None) -> str | list[str] | None:
        """Ids that are text: half of a surrogate pair (JSON allows "\\ud800") is not."""
        for one in [ids] if isinstance(ids, str) else ids or []:
            if half_surrogate(one):
                raise ValueError(f"{one!r} is not text: half of a surrogate pair")
        return ids


class CorrectionOut(BaseModel):
    """What one correction did (`newsmoa.corrections.Correction`)."""

    n: int = Field(description="its number in the log")
    action: str
    story: str | None = Field(description="the story the articles moved to (split: the new one)")
    moved: list[str] = Field(description="articles now in another story")
    absorbed: list[str] = Field(description="story ids that now redirect to `story`")
    hand: list[str] = Field(description="articles now placed by hand (release: no longer)")
    stories: list[str] = Field(description="stories whose articles changed")
    redirected: dict[str, str] = Field(
        default_factory=dict,
        description="story ids given that an earlier merge absorbed, to the story each named",
    )


class LoggedOut(BaseModel):
    model_config = {"extra": "allow"}

    n: int
    at: str = Field(description="when it was made (ISO 8601, UTC)")
    action: str


def corrections_on(request: Request) -> bool:
    """Whether the server takes corrections: an edit token, or editors with their own."""
    return bool(request.app.state.edit_token or request.app.state.editors)


def allowed(request: Request, given: bytes | None) -> str | None:
    """Let a request correct the store only with the server's edit token or an editor's own
    (`given`: the token the request carries, as bytes; compared in constant time), and not
    from an address that sent too many wrong ones lately (`guesses.Guesses`: 429). Returns
    the editor's name when the token is an editor's (`editors.py`), else None."""
    if not corrections_on(request):
        raise HTTPException(
            403,
            "corrections are off on this server: start it with NEWSMOA_EDIT_TOKEN or "
            "NEWSMOA_EDITORS set",
        )
    token: str = request.app.state.edit_token
    editors: Editors = request.app.state.editors
    guesses: Guesses = request.app.state.guesses
    host = request.client.host if request.client else ""
    wait = guesses.wait(host)
    if wait:
        raise HTTPException(
            429, f"too many wrong edit tokens from {host or 'this address'}: try again in "
            f"{math.ceil(wait)} s", headers={"Retry-After": str(math.ceil(wait))},
        )  # fmt: skip
    name = None if given is None else editors.who(given)
    shared = given is not None and bool(token) and secrets.compare_digest(given, token.encode())
    if name is None and not shared:
        if given is not None:  # a token that is wrong, not a request without one
            guesses.wrong(host)
        raise HTTPException(
            401, "a correction needs this server's edit token, or an editor's own",
            headers={"WWW-Authenticate": "Bearer"},
        )  # fmt: skip
    return name


def editor(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str | None:
    """The API's check: `Authorization: Bearer <token>` (a header arrives decoded as
    Latin-1, so its bytes are compared with the token's UTF-8 bytes); the editor's name
    when the token is an editor's own."""
    given = None
    if credentials is not None:  # read again from the header: FastAPI strips any blank, and
        # a UTF-8 token may end in a byte Latin-1 reads as one (0xA0); HTTP's are " " and tab
        _, _, value = request.headers.get("authorization", "").partition(" ")
        given = value.strip(" \t").encode("latin-1")
    return allowed(request, given)


def invalid(exc: ValidationError) -> str:
    """What is wrong with a correction that does not validate, as one line naming the field."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "body"
    return f"{where}: {first['msg']}"


def json_sent(request: Request) -> None:
    """A correction comes as JSON (checked after the token): another content type answers
    415 saying so, where the body would fail as "not an object"."""
    kind = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if kind != "application/json" and not kind.endswith("+json"):
        raise HTTPException(
            415, f"send the correction as application/json, not {kind or 'no content type'}"
        )


_ROLE = {
    ("merge", "story"): "story (the one kept)",
    ("merge", "stories"): "stories (merged into it)",
}


def _needs(body: CorrectionIn, *fields: str) -> None:
    missing = [_ROLE.get((body.action, f), f) for f in fields if not getattr(body, f)]
    if missing:
        raise HTTPException(422, f"{body.action} needs {' and '.join(missing)}")


def correction_made(
    room: Newsroom, body: CorrectionIn, who: str | None = None
) -> corrections.Correction:
    """The correction `body` asks for, made (documents are made when next shown); by `who`
    when an editor's own token names them, else by the `by` given."""
    by: str | corrections.Editor | None = corrections.Editor(who) if who else body.by
    deferred = True  # documents are made when next shown
    if body.action == "move":
        _needs(body, "articles", "story")
        return corrections.move(
            room, body.articles, str(body.story), by=by, defer_analysis=deferred
        )
    if body.action == "split":
        _needs(body, "story", "articles")
        return corrections.split(
            room, str(body.story), body.articles, by=by, defer_analysis=deferred
        )
    if body.action == "merge":
        _needs(body, "story", "stories")
        return corrections.merge(
            room, str(body.story), body.stories, by=by, defer_analysis=deferred
        )
    if body.action == "confirm":
        _needs(body, "stories")
        return corrections.confirm(room, body.stories, by=by, defer_analysis=deferred)
    if not body.articles and not body.stories:
        raise HTTPException(422, "release needs articles or stories")
    return corrections.release(room, body.articles, body.stories, by=by, defer_analysis=deferred)


def made(room: Newsroom, body: CorrectionIn, who: str | None = None) -> corrections.Correction:
    """`correction_made`, with an unknown id as 404 and a refused correction as 409; a story
    named by the start of its id, as the command line and `GET /api/stories/{id}` take it
    (`serve.ids.story_id`: a merge of `s85a1d6` answered "no story")."""
    try:
        named = body.model_copy(
            update={
                "story": story_id(room.store, body.story) if body.story else body.story,
                "stories": [story_id(room.store, s) for s in body.stories],
            }
        )
        return correction_made(room, named, who)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    except Refused as exc:
        raise HTTPException(409, str(exc)) from exc


@router.post(
    "/corrections",
    status_code=201,
    response_model=CorrectionOut,
    summary="Make an editor's correction",
    responses={
        401: {"model": ErrorOut, "description": "no token, or another one"},
        429: {"model": ErrorOut, "description": "too many wrong tokens from this address"},
        403: {"model": ErrorOut, "description": "corrections are off on this server"},
        404: {"model": ErrorOut, "description": "unknown story or article"},
        409: {"model": ErrorOut, "description": "cannot be made as asked; nothing changed"},
        415: {"model": ErrorOut, "description": "not sent as application/json"},
    },
)
def post_correction(
    name: Annotated[str | None, Depends(editor)],
    _: Annotated[None, Depends(json_sent)],
    store: StoreDep,
    body: CorrectionIn,
    request: Request,
    later: BackgroundTasks,
) -> Response:
    """Split, merge, move, confirm or release, as the command line does; the stories it
    touches are then kept as the editor left them by every automatic decision
    (`newsmoa.corrections`). With an editor's own token the log names that editor, whatever
    `by` says, with `proven: true`."""
    done = made(Newsroom(store), body, name)
    documents_later(later, request, done)
    return JSONResponse({**asdict(done), "redirected": dict(done.redirected)}, status_code=201)


def documents_later(later: BackgroundTasks, request: Request, done: corrections.Correction) -> None:
    """Build the documents of the stories a correction touched once its answer is sent: the
    correction answers at once, and until a story was next shown the feed summed it up by
    its title alone (a black-box case)."""
    later.add_task(_build_documents, request.app.state.db, done.stories)


def _build_documents(db: str, stories: tuple[str, ...]) -> None:
    store = open_store(db, create=False)  # (the request's own store is closed by then)
    try:
        for story in stories:
            story_document(store, story)
    finally:
        store.close()


@router.get(
    "/corrections", response_model=list[LoggedOut], summary="The log of corrections, oldest first"
)
def list_corrections(
    store: StoreDep,
    after: Annotated[
        int, Query(ge=0, le=2**63 - 1, description="only those numbered after this n")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=10_000, description="at most this many entries")] = 1000,
) -> list[dict[str, Any]]:
    """Each correction: {n, at, action, and what it concerned (articles, story, ...)}; at
    most `limit`, those numbered after `after` (the next page: `after` = the last `n`
    read). It gave the whole log in one answer, however long (a black-box case)."""
    return store.corrections(after=after, limit=limit)
