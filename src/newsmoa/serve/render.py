"""Story listings and stories as text: one output switch for every format.

JSON forms come from `newsmoa.codec`; this module only lays them out (table, Markdown, CSV).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsmoa.facts.nodays import no_such_days
from newsmoa.facts.weekdays import wrong_weekdays
from newsmoa.serve.view import (
    EVENT_FIELDS,
    disputes,
    first_seen_in,
    labels,
    percent,
    placement_words,
    placements,
    plural,
    quote_groups,
    requoted,
    show_side,
    show_stated,
    topic,
    trend_text,
    when,
    why_text,
    with_disputes,
    with_unit,
    wordings,
)

LIST_FORMATS = ("table", "json", "jsonl", "csv", "md")
STORY_FORMATS = ("json", "md", "table")
WIDTH = 140  # a table's width where no terminal says otherwise (a pipe, a file)


def table_time(value: str | None) -> str:
    return when(value, seconds=True, empty="-")


def listing(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    *,
    articles: dict[str, list[dict[str, Any]]] | None = None,
    width: int = WIDTH,
) -> str:
    """Stories as `fmt`; with `articles`, each story's articles: under it (table and md), in
    its `articles` field (json, jsonl), or one row each with the story's columns first (csv:
    a press office's list of placements). A table is at most `width` columns wide."""
    if articles is not None and fmt in ("json", "jsonl"):
        rows = [{**r, "articles": articles.get(r["id"], [])} for r in rows]
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        per_article = [f"article_{k}" for k in _ARTICLE_COLUMNS] if articles is not None else []
        placements = [
            "placements",
            "placement_outlets",
            "placements_without_outlet",
        ]  # (empty: no release)
        writer.writerow(
            [
                "id",
                "title",
                "first_published",
                "outlets",
                "article_count",
                *placements,
                *per_article,
            ]  # fmt: skip
        )
        for r in rows:
            story = [
                csv_cell(r["id"]),
                csv_cell(r["title"]),
                r["first_published"],
                csv_cell("; ".join(r["outlets"])),
                r["article_count"],
            ]
            p = r.get("release_placements") or {}
            story += [p.get("articles"), p.get("outlets"), p.get("without_outlet")]
            if articles is None:
                writer.writerow(story)
            for a in (articles or {}).get(r["id"], []):
                cells = (a.get(k) for k in _ARTICLE_COLUMNS)
                writer.writerow(
                    [*story, *(csv_cell(v) if isinstance(v, str) else v for v in cells)]
                )
        return "\ufeff" + buf.getvalue().rstrip("\n")  # BOM: spreadsheets then read UTF-8
    if fmt == "md":
        placed = _placed(rows)
        head = "| id | title | first published | outlets | articles |" + (
            " carried |" if placed else ""
        )
        out = [head, "|---" * head.count(" |") + "|"]
        for r in rows:
            out.append(
                f"| {md_cell(r['id'])} | {md_cell(r['title'])} | "
                f"{table_time(r['first_published'])} | "
                f"{md_cell(', '.join(r['outlets']))} | {r['article_count']} |"
                + (f" {carried(r)} |" if placed else "")
            )
            for a in (articles or {}).get(r["id"], []):
                out.append(
                    f"|  | ↳ {md_cell(a['title'])} | {table_time(a['published'])} | "
                    f"{md_cell(listed_outlet(a))} ({md_cell(a['reporter'] or '-')}) |  |"
                    + ("  |" if placed else "")
                )
        return "\n".join(out)
    return _table(rows, articles, width)


def _placed(rows: Sequence[dict[str, Any]]) -> bool:
    """Whether any story of `rows` has a release's placements (`serve.placements`): the
    column is left out of a listing without releases."""
    return any(r.get("release_placements") for r in rows)


def carried(row: dict[str, Any]) -> str:
    """A story's release placements as a listing shows them: `3 in 2 outlets`, `none` (a
    release nobody carried), `-` (no release, or not known yet)."""
    p = row.get("release_placements")
    if not p:
        return "-"
    if not p["articles"]:
        return "none"
    return placement_words(p, str(p["articles"]))


# a press office's list of placements: which row is the release, how much each reused and
# how much of the release it ran
_ARTICLE_COLUMNS = (
    "id",
    "outlet",
    "published",
    "reporter",
    "title",
    "url",
    "reuse",
    "is_release",
    "release_share",
)


def md_cell(text: str | None) -> str:
    """A Markdown table cell: on one line, its bars escaped."""
    return " ".join((text or "").split()).replace("|", "\\|")


def csv_cell(value: str | None) -> str | None:
    """A CSV cell a spreadsheet shows as text: one that starts like a formula (= + - @, or a
    tab or carriage return before one) gets a quote first (OWASP, "CSV injection")."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def _row(table: Table, *cells: str) -> None:
    """Add a row of plain text (square brackets in titles are not rich markup)."""
    table.add_row(*(escape(c) for c in cells))


def table_text(table: Table, width: int) -> str:
    """`table` as text at most `width` columns wide (a terminal's: a wider table wrapped
    each of its lines in two, a black-box case), without the spaces that pad a title."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(table)
    return "\n".join(line.rstrip() for line in console.export_text().rstrip("\n").split("\n"))


def _table(
    rows: Sequence[dict[str, Any]], articles: dict[str, list[dict[str, Any]]] | None, width: int
) -> str:
    if articles is not None:
        return "\n\n".join(_story_block(r, articles.get(r["id"], []), width) for r in rows)
    table = Table()
    placed = _placed(rows)
    for name in ("story", "title", "first published", "outlets", "n", *["carried"] * placed):
        table.add_column(name, overflow="fold")
    for r in rows:
        _row(
            table,
            r["id"],
            r["title"] or "",
            table_time(r["first_published"]),
            ", ".join(r["outlets"]),
            str(r["article_count"]),
            *[carried(r)] * placed,
        )
    return table_text(table, width)


def _story_block(row: dict[str, Any], articles: list[dict[str, Any]], width: int) -> str:
    """A story's headline, then its articles: outlet, published time, reporter, reuse,
    title."""
    table = Table(
        title=escape(
            f"{row['title']}  [{row['id']}] · "
            + plural(row["article_count"], "article", "articles")
            + (f" · release carried by {carried(row)}" if row.get("release_placements") else "")
        ),
        title_justify="left",
    )
    for name in ("outlet", "published", "reporter", "reuse", "title"):
        table.add_column(name, overflow="fold")
    for a in articles:
        reuse = _reuse(a.get("reuse"))
        when, reporter = table_time(a["published"]), a["reporter"] or "-"
        _row(table, listed_outlet(a), when, reporter, reuse, a["title"])
    return table_text(table, width)


def _reuse(share: float | None) -> str:
    """An article's reuse as the tables show it: a percent, as its `first seen in` shares
    and the story page give it (`0.95` stood beside `96%` for one share of .955)."""
    return "-" if share is None else percent(share)


def listed_outlet(article: dict[str, Any]) -> str:
    """An article's outlet in a listing, a press release marked as `show` marks it."""
    outlet = article["outlet"] or "-"
    return f"{outlet} (release)" if article.get("is_release") else outlet


def story(doc: dict[str, Any], fmt: str, *, why: bool = False, width: int = WIDTH) -> str:
    """One story as `fmt`; a table's parts at most `width` columns wide."""
    if fmt == "json":
        out = with_disputes(doc)
        if slips := wrong_weekdays(doc):  # (a key only where a story has one)
            out = {**out, "wrong_weekdays": [w.to_json() for w in slips]}
        if missing := no_such_days(doc):  # (likewise)
            out = {**out, "no_such_days": [d.to_json() for d in missing]}
        return json.dumps(out, ensure_ascii=False, indent=2)
    names = labels(doc["articles"])
    if fmt == "md":
        return _story_md(doc, names, why)
    return _story_table(doc, names, why, width)


def _initial(text: str) -> str:
    """`text` with a capital first letter, the rest as written (an outlet's "KT&G")."""
    return text[:1].upper() + text[1:]


def _outlet_cell(article: dict[str, Any], names: dict[str, str]) -> str:
    """An article's outlet in the articles table, numbered as the story names it when the
    outlet has several (`연합뉴스 #2`, as the sentences' sources say); a release marked."""
    if article.get("is_release"):
        return f"{article['outlet'] or '-'} (release)"
    return names.get(article["id"], article["outlet"]) if article.get("outlet") else "-"


def _chips(sources: list[dict[str, Any]], names: dict[str, str]) -> str:
    return ", ".join(dict.fromkeys(names.get(s["article"], s["article"]) for s in sources))


def _weekday_lines(doc: dict[str, Any], names: dict[str, str]) -> list[str]:
    """A weekday written beside a date that is not the date's (`facts.weekdays`), one line
    per source: `“오는 1.24(화)” — press release: 2026-01-24 is a 토요일, not a 화요일`."""
    return [
        f"  “{w.words}” — {names.get(w.article, w.article)}: {w.note}" for w in wrong_weekdays(doc)
    ]


def _no_such_day_lines(doc: dict[str, Any], names: dict[str, str]) -> list[str]:
    """A date naming a day its month has not (`facts.nodays`), one line per source:
    `“오는 11월 31일” — press release: month 11 has 30 days, not 31`."""
    return [
        f"  “{d.words}” — {names.get(d.article, d.article)}: {d.note}" for d in no_such_days(doc)
    ]


def _story_md(doc: dict[str, Any], names: dict[str, str], why: bool) -> str:
    out = [
        f"# {' '.join((doc['title'] or '').split())}",
        "",
        f"Story `{doc['id']}`, first published {table_time(doc['first_published'])}"
        f", {doc['article_count']} articles.",
        "",
    ]
    if doc.get("redirects"):
        out += [f"Merged from: {', '.join(doc['redirects'])}", ""]
    out += [
        "## Articles",
        "",
        "| outlet | published | reporter | reuse | first seen in | title |",
        "|---|---|---|---|---|---|",
    ]
    sources = first_seen_in(doc, names)
    for a in doc["articles"]:
        out.append(
            f"| {md_cell(_outlet_cell(a, names))} | {table_time(a['published'])} | "
            f"{md_cell(a['reporter'] or '-')} | "
            f"{_reuse(a['reuse'])} | "
            f"{md_cell(sources.get(a['id'], '-'))} | {md_cell(a['title'])} |"
        )
    out += _release_lines(doc, names) + _family_lines(doc, names)
    for d in doc.get("disagreements", []):
        out += ["", f"## Disagreement: {d['about']} ({d['kind']})", ""]
        if trend := trend_text(d):
            out += [f"_{md_cell(trend)}_", ""]
        for v in d["values"]:
            quotes = "; ".join(
                f"{', '.join(names.get(a, a) for a in ids)}: “{quote}”"
                for ids, quote in wordings(v)
            )
            out.append(f"- **{show_side(v)}**: {quotes}")
    for n, lines in _quote_blocks(doc, names):
        out += ["", f"## Quote changed: sentence {n}", "", *(f"- {md_cell(x)}" for x in lines)]
    if slips := _weekday_lines(doc, names):
        out += ["", "## Wrong weekdays", "", *(f"- {md_cell(line)}" for line in slips)]
    if missing := _no_such_day_lines(doc, names):
        out += ["", "## No such day", "", *(f"- {md_cell(line)}" for line in missing)]
    if event := doc.get("event"):
        out += ["", f"## Event: {event['type']}", ""]
        out += [f"- {key}: {value}" for key, value in _event_fields(event)]
    out += ["", "## Story", ""]
    # numbered as the disagreements name them (`meeting date, sentence 2`)
    marks = zip(doc["sentences"], disputes(doc), requoted(doc), strict=True)
    for n, (s, about, quoted) in enumerate(marks, start=1):
        out.append(
            f"{n}. {s['text']} [{_chips(s['sources'], names)}]{_disputed(about)}"
            f"{_requoted(quoted, names)}"
        )
    if doc.get("facts"):
        out += ["", "## Facts", ""]
        for f in doc["facts"]:
            value, role = _fact_value(f), _fact_role(f)
            words = f" “{f['text']}”" if f.get("text") else ""
            out.append(
                f"- {f['type']}: {value}{f' ({role})' if role else ''}{words} "
                f"[{_chips(f['sources'], names)}]"
            )
    if why:
        out += ["", "## Why each article is in this story", ""]
        for aid, signals in (doc.get("why") or {}).items():
            out.append(f"- {names.get(aid, aid)} `{aid}`: {why_text(signals)}")
    return "\n".join(out)


def _event_fields(event: dict[str, Any]) -> list[tuple[str, str]]:
    """The event card's fields as shown, a list's items joined and an empty one a dash."""
    shown = []
    for key in (*EVENT_FIELDS, "disputed"):
        value = event.get(key)
        if isinstance(value, list):
            value = "; ".join(str(x) for x in value)
        shown.append((key, str(value) if value not in (None, "") else "—"))
    return shown


def _fact_value(fact: dict[str, Any]) -> str:
    """A fact's value as stated, with its unit (as the web page shows it)."""
    return with_unit(show_stated(fact["value"], fact.get("text")), fact.get("unit"))


def _fact_role(fact: dict[str, Any]) -> str:
    """What tells a fact from others of its value: its role, what a figure counts (`150여
    명` of residents, and of participants: the same line twice before, a black-box case)
    and what it is about, with its marks (`(quoted day)`, `as of …`, `earlier …`: the web
    page showed them, the md did not, a black-box case)."""
    said = [
        fact.get("role"),
        fact.get("counts") and f"of {fact['counts']}",
        fact.get("about") and f"about {fact['about']}",
    ]
    return ", ".join(w for w in said if w)


def _disputed(about: list[str]) -> str:
    """A consolidated sentence's mark where its outlets disagree (`view.disputes`), each
    disagreement by its topic: the sentence it names is this one (`view.topic`)."""
    return f" (disputed: {'; '.join(topic(a) for a in about)})" if about else ""


def _requoted(articles: list[str], names: dict[str, str]) -> str:
    """A consolidated sentence's mark where outlets print other words inside its quotation
    marks than the release (`view.requoted`)."""
    return f" (quote changed: {', '.join(names.get(a, a) for a in articles)})" if articles else ""


def _quote_blocks(doc: dict[str, Any], names: dict[str, str]) -> list[tuple[int, list[str]]]:
    """Each changed quote (`view.quote_groups`) as its sentence and lines: `press release
    (청솔군): “…”`, then `신문1: “…”` for each outlet quoting it otherwise."""
    release = names.get(doc.get("release") or "", "press release")
    return [
        (
            n,
            [
                f"{release}: “{said}”",
                *(f"{names.get(c.article, c.article)}: “{c.quote}”" for c in quotes),
            ],
        )
        for n, said, quotes in quote_groups(doc)
    ]


SIDE_WORDINGS = 3  # a side's wordings quoted in the table; the rest are named (json: all)


def _side_lines(value: dict[str, Any], names: dict[str, str]) -> list[str]:
    """One side of a disagreement in the table: `value — outlets (“quote”)`, the outlets
    quoted alike together (a line per outlet made 13 lines of one date that 12 outlets
    reprinted: a press office's case). A side its outlets word several ways names them all
    on its first line, then each wording under it with its outlets, past `SIDE_WORDINGS`
    the other outlets on one line."""
    groups = wordings(value)
    shown = show_side(value)

    def named(ids: list[str]) -> str:
        return ", ".join(dict.fromkeys(names.get(a, a) for a in ids))

    if len(groups) == 1:
        ((ids, quote),) = groups
        return [f"  {shown} — {named(ids)} (“{quote}”)"]
    lines = [f"  {shown} — {named([s['article'] for s in value['sources']])}"]
    lines += [f"      “{quote}” — {named(ids)}" for ids, quote in groups[:SIDE_WORDINGS]]
    if rest := groups[SIDE_WORDINGS:]:
        more = plural(len(rest), "other wording", "other wordings")
        lines.append(f"      {more}: {named([a for ids, _ in rest for a in ids])}")
    return lines


def _release_lines(doc: dict[str, Any], names: dict[str, str]) -> list[str]:
    release = doc.get("release")
    if not release:
        return []
    carried = [
        f"{names.get(c['article'], c['outlet'] or c['article'])} "
        f"(ran {percent(c['release_share'])} of it)"
        for c in doc.get("release_carried_by", [])
    ]
    return [
        "",
        f"{_initial(names.get(release, 'press release'))}; carried by: "
        f"{', '.join(carried) if carried else 'no outlet'}"
        f"{f'; {placements(doc)}' if carried else ''}.",
    ]


def _family_lines(doc: dict[str, Any], names: dict[str, str]) -> list[str]:
    families = doc.get("near_duplicate_families") or []
    lines = [
        f"Reprints of one text: {', '.join(names.get(a, a) for a in fam)}." for fam in families
    ]
    return ["", *lines] if lines else []


def _story_table(doc: dict[str, Any], names: dict[str, str], why: bool, width: int) -> str:
    head = Table(title=escape(f"{doc['title']}  [{doc['id']}]"))
    for col in ("outlet", "published", "reporter", "reuse", "first seen in", "title"):
        head.add_column(col, overflow="fold")
    sources = first_seen_in(doc, names)
    for a in doc["articles"]:
        _row(
            head,
            _outlet_cell(a, names),
            table_time(a["published"]),
            a["reporter"] or "-",
            _reuse(a["reuse"]),
            sources.get(a["id"], "-"),
            a["title"],
        )
    body = Table(show_lines=True)
    body.add_column("#", justify="right")  # as the disagreements name them (`sentence 2`)
    body.add_column("sentence", overflow="fold", ratio=4)
    body.add_column("sources", overflow="fold", ratio=1)
    marks = zip(doc["sentences"], disputes(doc), requoted(doc), strict=True)
    for n, (s, about, quoted) in enumerate(marks, start=1):
        named = _chips(s["sources"], names) + _disputed(about) + _requoted(quoted, names)
        _row(body, str(n), s["text"], named)
    notes = "\n".join(_release_lines(doc, names) + _family_lines(doc, names)).strip()
    parts = [table_text(head, width), *filter(None, [notes])]
    for d in doc.get("disagreements", []):
        lines = [f"DISAGREEMENT {d['about']} ({d['kind']}):"]
        if trend := trend_text(d):
            lines.append(f"  ({trend})")
        for v in d["values"]:
            lines += _side_lines(v, names)
        parts.append("\n".join(lines))
    for n, lines in _quote_blocks(doc, names):
        head_line = f"QUOTE CHANGED, sentence {n} (the release's words, then the outlet's):"
        parts.append("\n".join([head_line, *(f"  {x}" for x in lines)]))
    if slips := _weekday_lines(doc, names):
        parts.append("\n".join(["WRONG WEEKDAY (the date is read from its day):", *slips]))
    if missing := _no_such_day_lines(doc, names):
        parts.append("\n".join(["NO SUCH DAY (a misprint: the date is left unread):", *missing]))
    if event := doc.get("event"):
        card = Table(title=f"event: {event['type']}", show_header=False)
        card.add_column("field")
        card.add_column("value", overflow="fold")
        for key, value in _event_fields(event):
            _row(card, key, value)
        parts.append(table_text(card, width))
    parts.append(table_text(body, width))
    if doc.get("facts"):  # (the table showed none: `show`'s help names them, a review)
        facts = Table(title="facts")
        for col in ("type", "value", "of / about", "words", "sources"):
            facts.add_column(col, overflow="fold")
        for f in doc["facts"]:
            _row(
                facts,
                f["type"],
                _fact_value(f),
                _fact_role(f) or "-",
                f.get("text") or "-",
                _chips(f["sources"], names),
            )
        parts.append(table_text(facts, width))
    if why:
        parts.append(
            "\n".join(
                f"why {names.get(aid, aid)} [{aid}]: {why_text(sig)}"
                for aid, sig in (doc.get("why") or {}).items()
            )
        )
    return "\n\n".join(parts)
