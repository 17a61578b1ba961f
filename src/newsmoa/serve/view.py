"""A Story document -> what the story page shows: source chips carrying each variant's words,
outlet columns with shared, unique and disputed sentences marked, facts by type, the agreement
card as rows and a coverage timeline. Pure functions of the document; the templates only lay
the result out.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from newsmoa import codec, settings
from newsmoa.extract.urls import is_web_url
from newsmoa.facts.nodays import NoSuchDay, no_such_days
from newsmoa.facts.weekdays import WrongWeekday, wrong_weekdays
from newsmoa.reconcile.disagreements import at_sentence
from newsmoa.reconcile.quotes import ChangedQuote, changed_quotes
from newsmoa.text.amounts import LARGE_UNITS
from newsmoa.text.script import english, has_hangul
from newsmoa.types import Event, is_day

FACT_TYPES = ("person", "organization", "place", "date", "quantity")
# the agreement card's fields in the order `types.Event` gives them (`disputed` is said apart)
EVENT_FIELDS = tuple(f.name for f in fields(Event) if f.name not in ("type", "disputed"))


def shown_zone() -> ZoneInfo:
    """Where times are shown: the user's zone (the setting `tz`: NEWSMOA_TZ, or a command's
    `--tz`; Asia/Seoul by default), the one times without an offset are read in (`extract`),
    so that a list reads in order (a UTC time stood as "20:00" above the next day's "03:00"
    KST)."""
    return settings.zone()


def when(
    value: str | None, *, seconds: bool = False, empty: str = "—", zone: ZoneInfo | None = None
) -> str:
    """An ISO time as pages and tables show it, in `zone` (None: `shown_zone()`):
    `2015-03-20 13:21`."""
    if not value:
        return empty
    if is_day(value):  # a date alone (`Article.day_only`): no time to show, nor to move
        return value
    try:
        time = datetime.fromisoformat(value)
    except ValueError:
        return value
    if time.tzinfo is not None:
        time = time.astimezone(zone or shown_zone())
    return time.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def show_value(value: Any, *, korean: bool = True) -> str:
    """A fact or disagreement value in words: a period as `from – to` (an open end left
    blank: `2008 –`), lists joined, a whole number in 만/억/조 (`korean_number`), or, for a
    figure of an English text (`korean` False), in thousands (`1,200,000,000`)."""
    if value is None:
        return "—"
    if isinstance(value, dict) and value and set(value) <= {"from", "to"}:
        start, end = value.get("from"), value.get("to")
        return " ".join(x for x in (start and str(start), "–", end and str(end)) if x)
    if isinstance(value, list):
        return ", ".join(show_value(v, korean=korean) for v in value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return korean_number(value) if korean else f"{value:,}"
    if isinstance(value, str | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


# the multipliers the quantities are read with (`facts.quantities`), largest first
_KOREAN_UNITS = sorted(((size, word) for word, size in LARGE_UNITS.items()), reverse=True)


def show_stated(value: Any, words: str | None) -> str:
    """`show_value` for a value stated in `words` (a fact's text, a quote): figures stated
    without Hangul (`$60,000`, `about 300 people`) in thousands, others in 만/억/조."""
    return show_value(value, korean=not words or has_hangul(words))


def with_unit(shown: str, unit: str | None) -> str:
    """A value shown with its unit: a currency's sign before it, as it is written (`$4,200,000`,
    `€12`; it read `4,200,000 $`), any other unit after it (`50 명`, `14 months`)."""
    if not unit:
        return shown
    if unicodedata.category(unit[-1]) == "Sc":  # (`$`, `HK$`, `€`, `£`, `¥`)
        return f"{unit}{shown}"
    return f"{shown} {unit}"


_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::00)?(?:[+-]\d{2}:\d{2}|Z)?")


def show_side(value: dict[str, Any]) -> str:
    """A disagreement's value as its side is headed: `show_stated` in the words it is
    quoted in, a date and time as the outlet wrote it, at its own offset (`2024-10-12
    14:00`, not `2024-10-12T14:00:00+09:00`; moved to the reader's zone, a 2 p.m. meeting
    in Minnesota would read as the next day's)."""
    shown = show_stated(value["value"], quoted_words(value))
    m = _DATE_TIME.fullmatch(shown)
    return f"{m.group(1)} {m.group(2)}" if m else shown


def quoted_words(value: dict[str, Any]) -> str:
    """The words a disagreement's value is quoted in (its first source's)."""
    sources = value.get("sources") or []
    return str(sources[0].get("quote") or "") if sources else ""


def wordings(value: dict[str, Any]) -> list[tuple[list[str], str]]:
    """A disagreement value's sources grouped by the words they are quoted in, in order:
    (article ids, quote). Twelve outlets reprinting one sentence are one line with twelve
    names, not twelve lines of one quote (a press office's case)."""
    return [
        (list(dict.fromkeys(s["article"] for s in sources)), quote)
        for quote, sources in _by_quote(value).items()
    ]


def _by_quote(value: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """A disagreement value's sources by the words they are quoted in, in order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for s in value.get("sources") or []:
        out.setdefault(str(s.get("quote") or ""), []).append(s)
    return out


def topic(about: str) -> str:
    """A disagreement's label as a sentence's mark shows it, without the sentence it is in
    (`meeting date, sentence 3`: the mark is on sentence 3; "disputed: meeting date,
    sentence 3, 농민, sentence 3" read as four things)."""
    return at_sentence(about)[0]


def korean_number(n: int) -> str:
    """A whole number as Korean news writes it: `120억`, `3억 6,000만`, `1,500`."""
    rest, parts = abs(n), []
    for size, word in _KOREAN_UNITS:
        if rest >= size:
            parts.append(f"{rest // size:,}{word}")
            rest %= size
    if rest or not parts:
        parts.append(f"{rest:,}")
    return ("-" if n < 0 else "") + " ".join(parts)


def web_link(url: str | None) -> str | None:
    """Only http(s) URLs become links (no `javascript:` from an input file)."""
    return url if url and is_web_url(url) else None


def plural(n: int, one: str, many: str) -> str:
    """`1 story`, `3 stories`."""
    return f"{n} {one if n == 1 else many}"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def public(doc: dict[str, Any]) -> dict[str, Any]:
    """A story document as the server shows it: each article's `origin` without the
    directories of the server's files it was read from (`a.jsonl:12`, not
    `/srv/newsroom/inbox/a.jsonl:12`); a web address stays whole."""
    articles = doc.get("articles")
    if not articles:
        return doc
    shown = [
        {**a, "origin": file_name(a["origin"])} if isinstance(a.get("origin"), str) else a
        for a in articles
    ]
    return {**doc, "articles": shown}


def file_name(origin: str) -> str:
    """An article's `origin` without its directories (a web address whole)."""
    path = origin.replace("\\", "/")
    return origin if "://" in origin or "/" not in path else path.rsplit("/", 1)[1]


TRENDS = {
    "rose": "later reports state more: each higher figure came after every report of a "
    "lower one (a count may have risen as reports came in)",
    "fell": "later reports state less: each lower figure came after every report of a "
    "higher one (a count may have been revised down as reports came in)",
}


def trend_text(disagreement: dict[str, Any]) -> str | None:
    """What the publication times show of a disagreement's figures (`Disagreement.trend`),
    as a reader reads it; None when they show nothing."""
    return TRENDS.get(disagreement.get("trend") or "")


def why_text(signals: dict[str, Any]) -> str:
    """An article's placing signals (`Assignment.signals`, and what the pipeline adds) as a
    reader reads them: which decision placed it and on what evidence; the raw signals stay
    in the JSON."""
    said = [s for s in (_placed_by(signals), *_afterwards(signals)) if s]
    return "; ".join(said) if said else json.dumps(signals, ensure_ascii=False)


def _placed_by(signals: dict[str, Any]) -> str | None:
    """The decision that put the article where it is."""
    if "moved_by_hand" in signals:
        where = signals.get("from", "?")
        return f"moved here from {where} by correction {signals['moved_by_hand']}"
    if signals.get("opinion"):
        return "an opinion piece, a story of its own"
    if "similarity" in signals:
        shared = signals.get("shared") or []
        words = f"; headline words in common: {', '.join(shared)}" if shared else ""
        linked = plural(int(signals.get("links", 0)), "member", "members")
        return (
            f"joined it with score {signals.get('score', 0):.2f} (linked to {linked}, mean "
            f"similarity {signals.get('similarity', 0):.2f}{words})"
        )
    if "best_other" in signals:
        looked = plural(int(signals.get("candidates", 0)), "candidate", "candidates")
        return (
            f"founded a story (no story scored enough to join: best "
            f"{signals['best_other']:.2f} of {looked}), which the others joined, or which was "
            "merged with this one"
        )
    return None


def _afterwards(signals: dict[str, Any]) -> list[str]:
    """What else placed it, or happened to it since."""
    out = []
    if signals.get("placed_by_hand") and "moved_by_hand" not in signals:
        out.append("kept here by an editor's correction")
    if "merged_score" in signals:
        out.append(f"brought another story into it (score {signals['merged_score']:.2f})")
    if "consolidated" in signals:
        out.append(f"its story and this one were found one (score {signals['consolidated']:.2f})")
    if signals.get("reclustered"):
        out.append("moved here when its window was decided again")
    if signals.get("updated"):
        out.append("a new version of an article already here")
    if signals.get("placed_at"):
        out.append(f"no publication time: placed as of {when(signals['placed_at'])}")
    return out


def source_name(article: dict[str, Any], releases: int = 1) -> str:
    """How a story names one of its articles wherever it is shown (table, Markdown, web
    page): its outlet; a press release as one (`press release`, with its outlet when it names
    one, and with its time when the story holds several: a release sent again to correct
    the first); an article of no known outlet by the file it was read from (`clip3.txt`,
    `a.jsonl:12`), else its id. `releases`: how many press releases the story holds. (The
    web page named a release and an article of no outlet by their hashes where the command
    line said "press release" and "-": a black-box case.)"""
    if article.get("is_release"):
        name = f"press release ({article['outlet']})" if article.get("outlet") else "press release"
        if releases > 1 and article.get("published"):
            name += f" of {when(article['published'])}"
        return name
    if article.get("outlet"):
        return str(article["outlet"])
    origin = article.get("origin")
    return file_name(origin) if isinstance(origin, str) and origin else str(article["id"])


def source_names(articles: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Article id -> its name (`source_name`), for one story's articles; releases of one
    name (sent the same minute) numbered in reading order."""
    releases = [a for a in articles if a.get("is_release")]
    out = {a["id"]: source_name(a, len(releases)) for a in articles}
    out.update(_numbered([(a["id"], out[a["id"]]) for a in releases]))
    return out


def labels(articles: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Article id -> its name (`source_names`), numbered in reading order when one outlet has
    several articles (`연합뉴스 #1`, `연합뉴스 #2`): every view of a story names them so."""
    named = source_names(articles)
    return _numbered([(a["id"], named[a["id"]]) for a in articles])


def _numbered(named: Sequence[tuple[str, str]]) -> dict[str, str]:
    """(id, name) in reading order -> id's name, with `#k` after a name several ids share."""
    counts = Counter(name for _, name in named)
    seen: Counter[str] = Counter()
    out = {}
    for aid, name in named:
        seen[name] += 1
        out[aid] = name if counts[name] == 1 else f"{name} #{seen[name]}"
    return out


def disputes(doc: dict[str, Any]) -> list[list[str]]:
    """For each consolidated sentence, what the outlets disagree on in the words it shows
    (the `about` of each disagreement that quotes them, in the document's order). A
    sentence keeps one variant's words, its first source's, and names every outlet that
    carries a variant: one that states "19일" may name an outlet whose own words say
    "20일". A sentence whose shown words state no disputed value is not marked, though
    another outlet's variant of it may (the disagreement quotes that one)."""
    quoted = [
        (d["about"], src["article"], src["start"], src["end"])
        for d in doc.get("disagreements") or []
        for v in d["values"]
        for src in v["sources"]
    ]
    out = []
    for s in doc.get("sentences") or []:
        shown = s["sources"][0] if s["sources"] else None
        about = (
            {
                what
                for what, aid, lo, hi in quoted
                if aid == shown["article"]
                and lo < shown["start"] + len(s["text"])
                and shown["start"] < hi
            }
            if shown
            else set()
        )
        out.append([d["about"] for d in doc.get("disagreements") or [] if d["about"] in about])
    return out


def in_release(doc: dict[str, Any]) -> list[bool] | None:
    """For each consolidated sentence, whether the story's press releases carry it; None
    for a story without one. A sentence none of them carries is what the outlets added (a
    quote they gathered, a reaction, an older story pasted in): with only "only here" to
    go by, an outlet's own reporting could not be told from a sentence one outlet reworded
    (a press office's case)."""
    articles = doc.get("articles") or []
    releases = {a["id"] for a in articles if a.get("is_release")}
    if doc.get("release"):
        releases.add(doc["release"])
    if not releases:
        return None
    return [
        any(src["article"] in releases for src in s["sources"]) for s in doc.get("sentences") or []
    ]


def with_disputes(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as the JSON API and `show --format json` give it: each consolidated
    sentence with `disputed`, what the outlets disagree on in its words (`disputes`), as the
    story page and the Markdown mark it, and, in a story with a press release, `in_release`
    (`in_release`). Computed when served, so a document stored before has them too."""
    marks = disputes(doc)
    carried = in_release(doc)
    sentences = [
        {**s, "disputed": m, **({} if carried is None else {"in_release": carried[n]})}
        for n, (s, m) in enumerate(zip(doc.get("sentences") or [], marks, strict=True))
    ]
    out = {**doc, "sentences": sentences}
    if changed := changed_quotes(doc):  # (a key only where a story has one)
        out["changed_quotes"] = [c.to_json() for c in changed]
    return out


def requoted(doc: dict[str, Any]) -> list[list[str]]:
    """For each consolidated sentence, the articles whose quote in it is not the release's
    (`reconcile.quotes`), in story order, each once: `show` and the page mark the sentence."""
    out: list[list[str]] = [[] for _ in doc.get("sentences") or []]
    for c in changed_quotes(doc):
        if c.article not in out[c.sentence - 1]:
            out[c.sentence - 1].append(c.article)
    return out


def quote_groups(doc: dict[str, Any]) -> list[tuple[int, str, list[ChangedQuote]]]:
    """The changed quotes as (sentence, the release's quote, the outlets' quotes of it), in
    story order: `show` and the page print the release's words once, then each outlet's."""
    groups: dict[tuple[int, str], list[ChangedQuote]] = {}
    for c in changed_quotes(doc):
        groups.setdefault((c.sentence, c.release), []).append(c)
    return [(n, release, quotes) for (n, release), quotes in groups.items()]


def language(text: str | None) -> str:
    """The language a text is in, as an HTML `lang` says it: `en` for an English text
    (`text.script.english`), else `ko`. The pages' own words are English (`<html
    lang="en">`); a story's or an article's words carry their own, so a screen reader reads
    each in its language (before: every page was `ko`, its English words and stories too)."""
    return "en" if english(text or "") else "ko"


# a run of Korean words inside English words, and of English words inside Korean ones
_RUNS = {
    "ko": re.compile(r"[가-힣]+(?:[\s·,]+[가-힣]+)*"),
    "en": re.compile(r"[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?(?:\s+[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?)*"),
}


def runs(text: str | None) -> list[tuple[str, str | None]]:
    """A short text of a story's (an outlet's name, a topic, a role) as (piece, lang) in
    order: the pieces in another language than the whole's (`language`) with theirs, the
    rest with None, so a page marks `협약식` in `meeting date counted from 협약식` as Korean
    and `press release` in `청솔군 press release` as English."""
    text = text or ""
    foreign = _RUNS["ko" if language(text) == "en" else "en"]
    out: list[tuple[str, str | None]] = []
    at = 0
    for m in foreign.finditer(text):
        out += [(text[at : m.start()], None)] if m.start() > at else []
        out.append((m.group(), "en" if language(text) == "ko" else "ko"))
        at = m.end()
    return out + ([(text[at:], None)] if at < len(text) else [])


def story_view(doc: dict[str, Any]) -> dict[str, Any]:
    """What the story page shows, computed from a Story document."""
    articles = doc.get("articles") or []
    label = labels(articles)
    pos = {a["id"]: i for i, a in enumerate(articles, start=1)}  # anchors: #article-N
    text = {a["id"]: a.get("text") or "" for a in articles}
    chips = _chips(text, pos, label)
    rows = _article_rows(doc, text)
    sources = first_seen(doc, label)
    columns = [
        {
            **a,
            "label": label[a["id"]],
            "first_seen_in": sources.get(a["id"]),
            "pos": pos[a["id"]],
            "link": web_link(a.get("url")),
            "sentences": sorted(rows[a["id"]], key=lambda r: r["start"]),
            "lang": language(" ".join(x for x in (a.get("title"), text[a["id"]]) if x)),
        }
        for a in articles
    ]
    said = [doc.get("title") or "", *(s.get("text") or "" for s in doc.get("sentences") or [])]
    return {
        "doc": doc,
        "lang": language(" ".join(said)),
        "labels": label,
        "sentences": _sentences(doc, chips, set(text)),
        "columns": columns,
        "facts": _facts(doc, chips),
        "disagreements": _disagreements(doc, chips),
        "date_slips": date_slips(doc, chips),
        "quotes_changed": quotes_changed(doc, chips),
        "event": event_rows(doc.get("event")),
        "timeline": timeline(articles, label, pos),
        "release": _release(doc, label, pos),
    }


Chips = Callable[[list[dict[str, Any]]], list[dict[str, Any]]]


def date_slips(doc: dict[str, Any], chips: Chips) -> list[dict[str, Any]]:
    """The dates a press office checks before the event, as `show` lists them: a weekday
    that is not the date's (`facts.weekdays`) and a day its month has not (`facts.nodays`),
    each with its source's chip and the words written, never corrected (the page showed
    neither: a release's `11월 31일` copied by every outlet was a `—` in its facts)."""
    out = []
    slips: list[WrongWeekday | NoSuchDay] = [*wrong_weekdays(doc), *no_such_days(doc)]
    for slip in slips:
        source = {"article": slip.article, "start": slip.start, "end": slip.end}
        out.append({"words": slip.words, "chips": chips([source]), "note": slip.note})
    return out


def _chips(text: dict[str, str], pos: dict[str, int], label: dict[str, str]) -> Chips:
    """Sources -> one chip per article: `words` sliced by start/end from its `text`, `quote`
    as the source gives it, its anchor (`pos`) and its name (`label`)."""

    def chips(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
        words: dict[str, list[str]] = {}
        quotes: dict[str, list[str]] = {}
        for s in sources:
            sliced = text.get(s["article"], "")[s["start"] : s["end"]]
            words.setdefault(s["article"], []).append(sliced)
            quotes.setdefault(s["article"], []).append(s.get("quote") or sliced)
        return [
            {
                "pos": pos.get(aid, 0),
                "label": label.get(aid, aid),
                "words": " … ".join(w for w in words[aid] if w),
                "quote": " … ".join(q for q in quotes[aid] if q),
            }
            for aid in words
        ]

    return chips


def _scope(sentence: dict[str, Any], articles: set[str]) -> str:
    """Which of the story's `articles` carry a consolidated sentence: all, one or some."""
    carriers = {src["article"] for src in sentence["sources"]}
    return "all" if carriers >= articles else "one" if len(carriers) == 1 else "some"


def _sentences(doc: dict[str, Any], chips: Chips, articles: set[str]) -> list[dict[str, Any]]:
    """The consolidated sentences as the page lists them, numbered from 1."""
    about = disputes(doc)
    released = in_release(doc)
    changed = requoted(doc)
    label = labels(doc.get("articles") or [])
    return [
        {
            "n": n,
            "text": s["text"],
            "chips": chips(s["sources"]),
            "scope": _scope(s, articles),
            "disputed": [topic(a) for a in about[n - 1]],
            "added": released is not None and not released[n - 1],  # not in the release
            "requoted": [label.get(a, a) for a in changed[n - 1]],
        }
        for n, s in enumerate(doc.get("sentences") or [], start=1)
    ]


def quotes_changed(doc: dict[str, Any], chips: Chips) -> list[dict[str, Any]]:
    """The page's banner of quotes outlets word otherwise than the release (`quote_groups`):
    for each, its sentence, the release's words with its chip, each outlet's with its own."""
    release = doc.get("release")
    out = []
    for n, said, quotes in quote_groups(doc):
        outlets = [
            {
                "chips": chips([{"article": c.article, "start": c.start, "end": c.end}]),
                "quote": c.quote,
            }
            for c in quotes
        ]
        source = [{"article": release, "start": 0, "end": 0}] if release else []
        out.append({"n": n, "release": said, "release_chips": chips(source), "outlets": outlets})
    return out


def _article_rows(doc: dict[str, Any], text: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Each article's sentences in its column (by article id, in the story's order): where
    each stands in it, which consolidated sentence it is (`n`), and its mark: `common` to
    all the articles, `only` this one's, or `disputed` where a disagreement's source lies."""
    disputed = [
        (src["article"], src["start"], src["end"])
        for d in doc.get("disagreements") or []
        for v in d["values"]
        for src in v["sources"]
    ]
    rows: dict[str, list[dict[str, Any]]] = {aid: [] for aid in text}
    for n, s in enumerate(doc.get("sentences") or [], start=1):
        scope = _scope(s, set(rows))
        for src in s["sources"]:
            aid, start, end = src["article"], src["start"], src["end"]
            if aid not in rows or any(r["start"] == start and r["end"] == end for r in rows[aid]):
                continue  # (one sentence of its that is two of the story's: shown once)
            mark = {"all": "common", "one": "only"}.get(scope, "") if len(rows) > 1 else ""
            if any(a == aid and lo < end and start < hi for a, lo, hi in disputed):
                mark = "disputed"
            rows[aid].append(
                {"n": n, "start": start, "end": end, "mark": mark, "words": text[aid][start:end]}
            )
    return rows


def _facts(doc: dict[str, Any], chips: Chips) -> list[tuple[str, list[dict[str, Any]]]]:
    """The facts by type, the types in `FACT_TYPES` order (others after, by name)."""
    facts: dict[str, list[dict[str, Any]]] = {}
    for f in doc.get("facts") or []:
        facts.setdefault(f["type"], []).append(
            {
                **f,
                "shown": show_stated(f["value"], f.get("text")),
                "stated": with_unit(show_stated(f["value"], f.get("text")), f.get("unit")),
                "chips": chips(f.get("sources") or []),
            }
        )
    order = [t for t in FACT_TYPES if t in facts] + sorted(set(facts) - set(FACT_TYPES))
    return [(t, facts[t]) for t in order]


def _disagreements(doc: dict[str, Any], chips: Chips) -> list[dict[str, Any]]:
    """The disagreements with their topic and sentence, trend, and each side's value with
    its sources, and its sources grouped by the words they quote (`_by_quote`)."""
    return [
        {
            **d,
            **dict(zip(("topic", "at"), at_sentence(d["about"]), strict=True)),
            "trend": trend_text(d),
            "values": [
                {
                    "value": v["value"],
                    "shown": show_side(v),
                    "chips": chips(v["sources"]),
                    "wordings": [
                        {"chips": chips(sources), "quote": quote}
                        for quote, sources in _by_quote(v).items()
                    ],
                }
                for v in d["values"]
            ],
        }
        for d in doc.get("disagreements") or []
    ]


def _release(
    doc: dict[str, Any], label: dict[str, str], pos: dict[str, int]
) -> dict[str, Any] | None:
    """The story's press release, and who carried how much of it; None without one."""
    articles = doc.get("articles") or []
    release = doc.get("release") or next((a["id"] for a in articles if a.get("is_release")), None)
    return release and {
        "id": release,
        "label": label.get(release, release),
        "pos": pos.get(release, 0),
        "carried_by": [  # (its name and the share: the page marks the name's language)
            {"label": label.get(c["article"], c["article"]), "share": c["release_share"]}
            for c in doc.get("release_carried_by") or []
        ],
        "placements": placements(doc),
    }


def first_seen_in(doc: dict[str, Any], names: dict[str, str]) -> dict[str, str]:
    """Article id -> where the text it reuses first appeared in the story, by the story's
    names (`뉴시스 61%, press release 39%`: `reuse_from`, each share of the article's text
    first written by that article). Where, not from whom: two reprints of a release the
    store lacks show the later one's text as first seen in the earlier."""
    return {
        aid: ", ".join(f"{name} {percent(share)}" for name, share in origins)
        for aid, origins in first_seen(doc, names).items()
    }


def first_seen(doc: dict[str, Any], names: dict[str, str]) -> dict[str, list[tuple[str, float]]]:
    """`first_seen_in` as (name, share) pairs, for the page, which marks each name's
    language (a Korean outlet's name among English words)."""
    return {
        aid: [(names.get(o["article"], o["article"]), o["share"]) for o in origins]
        for aid, origins in (doc.get("reuse_from") or {}).items()
    }


def placements(doc: dict[str, Any]) -> str:
    """How many articles carried the story's release, in how many outlets (`3 articles in 2
    outlets (1 without an outlet)`: `placement_counts`, `placement_words`)."""
    n = placement_counts(doc.get("release_carried_by") or [])
    return placement_words(n, plural(n["articles"], "article", "articles"))


def placement_words(n: Mapping[str, int], articles: str) -> str:
    """`{articles} in 2 outlets`, and `(1 without an outlet)` when some carrier has none."""
    text = f"{articles} in {plural(n['outlets'], 'outlet', 'outlets')}"
    unnamed = n.get("without_outlet", 0)
    return f"{text} ({unnamed} without an outlet)" if unnamed else text


def placement_counts(carried: Sequence[dict[str, Any]]) -> dict[str, int]:
    """{"articles", "outlets", "without_outlet"} of a release's carriers
    (`release_carried_by`): a press office counts placements, and an outlet's update is a
    second article of one outlet. An article without an outlet (a blog that pasted the
    release, a clip without its masthead) is counted as an article and named apart, not as
    an outlet: a county's report read `3 in 3 outlets` for two newspapers and a blog. `show`
    and the listings count alike."""
    outlets = {c["outlet"] for c in carried if c.get("outlet")}
    unnamed = sum(1 for c in carried if not c.get("outlet"))
    return {"articles": len(carried), "outlets": len(outlets), "without_outlet": unnamed}


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
            dated.append((codec.instant(a["published"], a.get("published_at")), a))
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
