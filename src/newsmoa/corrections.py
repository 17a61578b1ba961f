"""An editor's corrections to the grouping, which automatic decisions never undo.

Clustering makes mistakes a reader sees at once: a reaction filed with the event it reacts
to, one event in two stories. An editor corrects them here, and the correction holds:

    move(room, articles, story)    the articles go to `story`
    split(room, story, articles)   the articles leave `story` for a story of their own
    merge(room, keep, others)      the other stories' articles go to `keep`; their ids redirect
    confirm(room, stories)         the stories are right as they are
    release(room, articles, stories)  forget that an editor placed these articles (or the
                                   articles of these stories); decisions may move them again

A correction freezes the stories it touches: every article of them is then *placed by
hand* (`Store.hand_placed`), those moved and those left where they were. The editor looked
at those stories and said where each of their articles belongs; and an article kept where
an editor put it draws its neighbours after it in a re-decision, so that the next one would
otherwise take a split-off part's reports back, article by article, or pull the reports of
a moved article's event into the story it was moved to. Automatic decisions respect them
(`pipeline.Newsroom`):

- a re-decision keeps such an article where it is, as it keeps its context: the others are
  decided around it, and may join its story or leave it (`cluster.recluster`);
- neither a re-decision nor the running index absorbs a story holding such an article, or
  merges two of them (`StoryIndex.pin`, by story: also when the placed articles themselves
  are older than what the index loaded); new articles may still join them, and other
  stories merge into them;
- a batch placed while an editor corrected stories in another process is placed again
  before it is stored (`Newsroom._save` reads the log's length under the write lock).

Each correction is one transaction with one line in the store's log (`Store.corrections`;
`by` names who made it, as the command line, the API or the form were told, with
`proven: true` when an editor's own token said so, `Editor`),
whose length also tells a process holding stories in its index (`watch`) that they have
changed. A story left without articles redirects to where they went, so links
to it still lead to them. Story ids never change and are never given to another story, as
for automatic merges; a split that takes back from a story the founder of a story merged
into it gives that id back to its articles (`split`), and after a split or a move every id
merged into the stories it changed leads to the story holding the article it was made from
(`_led`; the log's `led` names those that now lead elsewhere).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from newsmoa.cluster.stories import fresh_id, story_id_for
from newsmoa.errors import NotFound, Refused
from newsmoa.pipeline import Newsroom, story_document
from newsmoa.store.base import Store


@dataclass(frozen=True, slots=True)
class Editor:
    """An editor whose name a token of their own proves (`serve.editors`); a plain `by`
    string is the name as given."""

    name: str


@dataclass(frozen=True, slots=True)
class Correction:
    """What one correction did."""

    n: int  # its number in the store's log
    action: str  # move, split, merge, confirm or release
    story: str | None  # the story the articles moved to (for a split: the new one)
    moved: tuple[str, ...]  # articles now in another story than before
    absorbed: tuple[str, ...]  # story ids that now redirect to `story`
    hand: tuple[str, ...]  # articles now placed by hand (release: no longer)
    stories: tuple[str, ...]  # stories whose articles changed (their documents rebuilt)
    # story ids given that were merged into another before: (as given, the story they name)
    redirected: tuple[tuple[str, str], ...] = ()


def move(
    room: Newsroom,
    articles: Sequence[str],
    story: str,
    *,
    by: str | Editor | None = None,
    defer_analysis: bool = False,
) -> Correction:
    """Put `articles` in `story` (an id of a story that has articles, or was merged into
    one); every article of it and of the stories they leave is then placed by hand (an
    article already there is confirmed where it is). A story they leave empty redirects to
    it, and every id merged into these stories leads to the one holding the article it was
    made from, where that is among them (`_led`)."""
    store = room.store
    articles = _distinct(articles, "article")
    with _correcting(room, defer_analysis) as changed:
        target = _story(store, story)
        now = _stories_of(store, articles)
        moved = [a for a in articles if now[a] != target]
        if not moved and _all_placed(store, [target]):
            raise Refused(
                f"{_list(articles)} already in story {target}, kept as it is: nothing was changed"
            )
        via = _redirected({story: target})
        left = sorted({now[a] for a in moved})
        sizes = store.story_sizes(left)
        leaving = Counter(now[a] for a in moved)
        emptied = [s for s in left if leaving[s] >= sizes.get(s, 0)]  # redirect to the target
        going = set(moved)
        after = {  # every article of the stories the move touches: its story after it
            r.article.id: target if r.article.id in going else st
            for st in [target, *left]
            for r in store.story_articles(st)
        }
        targets = _led(store, [target, *left], after, emptied)
        detail: dict[str, Any] = {
            "articles": articles,
            "story": target,
            "from": left,
            "absorbed": emptied,
        }
        if led := _changed_leads(store, targets, {s: target for s in emptied}):
            detail["led"] = led
        n = store.log_correction("move", _by(detail, by, via))
        _moved(store, {a: target for a in moved}, now, n)
        store.save_redirects({s: target for s in emptied})
        store.repoint(targets)
        changed += [target, *(s for s in left if s not in emptied)]
        held = _hold(store, changed)
    return Correction(
        n, "move", target, tuple(moved), tuple(emptied), tuple(held), tuple(changed), _pairs(via)
    )


def split(
    room: Newsroom,
    story: str,
    articles: Sequence[str],
    *,
    by: str | Editor | None = None,
    defer_analysis: bool = False,
) -> Correction:
    """Move `articles` out of `story` into a new story; every article of both is then placed
    by hand. The new story's id derives from its earliest article, as a story founded by it
    (`cluster.stories.fresh_id`). Where an article leaving founded a story that was merged
    into this one (the merge a split undoes), that story's id names the part again (the
    earliest such founder's), so a link to it leads to its articles again; every id that
    led here leads to the part its founding article is in."""
    store = room.store
    articles = _distinct(articles, "article")
    with _correcting(room, defer_analysis) as changed:
        source = _story(store, story)
        _stories_of(store, articles)  # an unknown id is not found, not "not in the story"
        members = [(r.time, r.article.id) for r in store.story_articles(source)]
        ids = {aid for _, aid in members}
        outside = [a for a in articles if a not in ids]
        if outside:
            raise Refused(f"{_list(outside)} not in story {source}: nothing was changed")
        if len(articles) == len(ids):
            raise Refused(f"that is all of story {source}: a split must leave some of it")
        leaving = set(articles)
        in_order = [aid for _, aid in sorted((t or 0.0, aid) for t, aid in members)]
        founded = _founders(store.redirects_into(source), in_order)
        rank = {aid: i for i, aid in enumerate(in_order)}
        back = sorted(
            (r for r, a in founded.items() if a in leaving), key=lambda r: (rank[founded[r]], r)
        )
        detail: dict[str, Any] = {"story": source, "articles": articles}
        if back:
            new = back[0]
            detail.update(into=new, revived=True)
        else:
            first = next(aid for aid in in_order if aid in leaving)
            new = fresh_id(first, lambda s: store.story_id_known(s) or room.index.known(s))
            detail["into"] = new
        # every id merged into the story leads to the part its founding article is in
        targets = {r: new if a in leaving else source for r, a in founded.items()}
        if led := _changed_leads(store, targets):
            detail["led"] = led
        store.repoint(targets)
        via = _redirected({story: source})
        n = store.log_correction("split", _by(detail, by, via))
        _moved(store, dict.fromkeys(articles, new), dict.fromkeys(articles, source), n)
        changed += [source, new]
        held = _hold(store, changed)
    return Correction(n, "split", new, tuple(articles), (), tuple(held), (source, new), _pairs(via))


def merge(
    room: Newsroom,
    keep: str,
    others: Sequence[str],
    *,
    by: str | Editor | None = None,
    defer_analysis: bool = False,
) -> Correction:
    """Merge the `others` into `keep`, whose id survives; the others' ids redirect to it.
    Every article of the merged story is then placed by hand."""
    store = room.store
    with _correcting(room, defer_analysis) as changed:
        target = _story(store, keep)
        named = {s: _story(store, s) for s in _distinct(others, "story")}
        part = [s for s, now in named.items() if now == target]
        if part:
            old = f" ({keep.strip()!r} was merged into it)" if keep.strip() != target else ""
            raise Refused(f"{_list(part)} is already story {target}{old}: nothing was changed")
        gone = list(dict.fromkeys(named.values()))
        rows = {s: [r.article.id for r in store.story_articles(s)] for s in gone}
        via = _redirected({keep: target, **named})
        n = store.log_correction("merge", _by({"story": target, "merged": gone}, by, via))
        was = {aid: s for s, ids in rows.items() for aid in ids}
        _moved(store, dict.fromkeys(was, target), was, n)
        store.save_redirects(dict.fromkeys(gone, target))
        changed.append(target)
        held = _hold(store, changed)
    return Correction(
        n, "merge", target, tuple(sorted(was)), tuple(gone), tuple(held), (target,), _pairs(via)
    )


def confirm(
    room: Newsroom,
    stories: Sequence[str],
    *,
    by: str | Editor | None = None,
    defer_analysis: bool = False,
) -> Correction:
    """Keep `stories` as they are: every article of them is placed by hand where it is (an
    editor looked and found them right), so that no automatic decision splits one or merges
    two of them, and `newsmoa doubts` lists none of them as two stories, nor two of them as
    one, until new articles join them. Refused when every article of them already is."""
    store = room.store
    with _correcting(room, defer_analysis) as changed:
        resolved = {s: _story(store, s) for s in _distinct(stories, "story")}
        named = list(dict.fromkeys(resolved.values()))
        if _all_placed(store, named):
            raise Refused(f"{_list(named)} already kept as they are: nothing was changed")
        via = _redirected(resolved)
        n = store.log_correction("confirm", _by({"stories": named}, by, via))
        changed += named
        held = _hold(store, changed)
    return Correction(n, "confirm", None, (), (), tuple(held), tuple(named), _pairs(via))


def release(
    room: Newsroom,
    articles: Sequence[str] = (),
    stories: Sequence[str] = (),
    *,
    by: str | Editor | None = None,
    defer_analysis: bool = False,
) -> Correction:
    """Forget that an editor placed `articles`, and the articles of `stories` (they stay
    where they are): they are queued, so the next re-decision (`ingest`, `watch`,
    `recluster --queued`) may move them."""
    store = room.store
    given = [a.strip() for a in articles if a.strip()]
    named = [s for s in stories if s.strip()]
    if not given and not named:
        raise Refused("no article or story given")
    with _correcting(room, defer_analysis) as changed:
        resolved = {s: _story(store, s) for s in named}
        of_stories = [r.article.id for s in resolved.values() for r in store.story_articles(s)]
        every = list(dict.fromkeys([*given, *of_stories]))
        now = _stories_of(store, every)
        held = store.hand_placed(every)
        loose = [a for a in given if a not in held]
        if loose:
            raise Refused(f"{_list(loose)} not placed by hand: nothing was changed")
        # the articles named, and those of the stories named that an editor placed
        articles = [a for a in every if a in held]
        if not articles:
            raise Refused(f"no article of {_list(named)} is placed by hand: nothing was changed")
        via = _redirected(resolved)
        n = store.log_correction("release", _by({"articles": articles}, by, via))
        store.release(articles)
        store.mark_unsettled(articles)
        changed += sorted({now[a] for a in articles})
    return Correction(n, "release", None, (), (), tuple(articles), tuple(changed), _pairs(via))


def _founders(ids: Iterable[str], articles: Iterable[str]) -> dict[str, str]:
    """Of story `ids`, those made from one of `articles` (`story_id_for`, a suffix apart),
    each with that article."""
    by_base = {story_id_for(aid): aid for aid in articles}
    return {r: by_base[r.partition("-")[0]] for r in ids if r.partition("-")[0] in by_base}


def _led(
    store: Store, stories: Sequence[str], after: Mapping[str, str], emptied: Sequence[str] = ()
) -> dict[str, str]:
    """Where each id merged into `stories`, or emptied by the correction, is to lead: the
    story its founding article is in after it (`after`: article -> story, for every article
    of those stories), straight; ids whose founding article is not among them are left."""
    merged_in = {r for st in stories for r in store.redirects_into(st)} | set(emptied)
    return {r: after[a] for r, a in _founders(merged_in, after).items()}


def _changed_leads(
    store: Store, targets: Mapping[str, str], emptied: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Of `targets`, the ids that will lead elsewhere than they do (an emptied story: than
    the story it redirects to by the rule for emptied ones); not a revived one."""
    out = {}
    for r, t in sorted(targets.items()):
        now = (emptied or {}).get(r) or store.resolve(r)
        if t != now and t != r:
            out[r] = t
    return out


def _pairs(redirected: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(redirected.items()))


# Bidirectional overrides and isolates: they reorder what a terminal or a page shows after them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


MAX_NAME = 200  # characters of a name the log keeps (the API's limit too)


def editor_name(by: str) -> str:
    """`by` as the log keeps it, without surrounding spaces. Refused when it holds a control
    character (a line break would print as another line of the log), a bidirectional
    override, or half of a surrogate pair (not text)."""
    name = by.strip()
    if len(name) > MAX_NAME:
        raise Refused(f"the name is longer than {MAX_NAME} characters: give it shorter")
    for c in name:
        if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") or c in _BIDI_CONTROLS:
            raise Refused(f"the name {name!r} holds a control character ({c!r}): give it plainly")
    return name


def _by(
    detail: dict[str, Any], by: str | Editor | None, redirected: dict[str, str] | None = None
) -> dict[str, Any]:
    """The log's detail of a correction, with who made it when known (`by`: `editor_name`),
    and `proven: true` when a token of their own says so; `redirected`: the ids given that
    named a story merged into another (`_redirected`)."""
    if redirected:
        detail = {**detail, "redirected": redirected}
    if isinstance(by, Editor):
        return {**detail, "by": by.name, "proven": True}
    name = editor_name(by) if by else ""
    return {**detail, "by": name} if name else detail


@contextmanager
def _correcting(room: Newsroom, defer_analysis: bool) -> Iterator[list[str]]:
    """One correction's transaction. The stories whose articles it changes, which the body
    adds to the list it is given, are refreshed in the room's index before it commits; their
    documents are built after it, unless deferred: the analysis of articles stored without it
    (Kiwi) runs outside the write lock, as when a story is first shown
    (`pipeline.story_document`). Nothing is refreshed or built when the body raises."""
    changed: list[str] = []
    with room.store.transaction():
        yield changed
        room.refresh(changed)
    if not defer_analysis:
        for story in changed:
            story_document(room.store, story)


def _redirected(resolved: Mapping[str, str]) -> dict[str, str]:
    """Of the story ids given and the stories they name now (`_story`), those that redirect
    (an earlier merge absorbed them): a correction through such an id acts on all of that
    story, which the editor is told and the log keeps."""
    return {g.strip(): now for g, now in resolved.items() if now != g.strip()}


def _story(store: Store, story: str) -> str:
    """The surviving id of a story with articles."""
    target = store.resolve(story.strip())
    if not store.story_sizes([target]):
        raise NotFound(f"no story {story!r}")
    return target


def _stories_of(store: Store, articles: Sequence[str]) -> dict[str, str]:
    now = store.stories_of(articles)
    missing = [a for a in articles if a not in now]
    if missing:
        raise NotFound(f"no article {_list(missing)}")
    return now


def _distinct(ids: Sequence[str], what: str) -> list[str]:
    """The ids as given, without surrounding spaces (pasted), each once."""
    wanted = list(dict.fromkeys(i.strip() for i in ids if i.strip()))
    if not wanted:
        raise Refused(f"no {what} given")
    return wanted


def _list(ids: Sequence[str]) -> str:
    return ", ".join(repr(i) for i in ids)


def _moved(store: Store, moves: dict[str, str], before: dict[str, str], n: int) -> None:
    """Store the moves with signals saying who moved each article, from where."""
    signals: dict[str, dict[str, Any]] = {a: {"moved_by_hand": n, "from": before[a]} for a in moves}
    store.move_articles({a: (s, signals[a]) for a, s in moves.items()})


def _hold(store: Store, stories: Sequence[str]) -> list[str]:
    """Place every article of `stories` by hand where it is; returns them, sorted."""
    placed = {r.article.id: s for s in stories for r in store.story_articles(s)}
    store.place_by_hand(placed)
    return sorted(placed)


def _all_placed(store: Store, stories: Sequence[str]) -> bool:
    """Whether an editor placed every article of `stories` where it is."""
    every = {r.article.id: s for s in stories for r in store.story_articles(s)}
    return store.hand_placed(list(every)) == every
