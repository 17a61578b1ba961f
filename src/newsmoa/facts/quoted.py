"""Direct quotations: where they are, what the words around them are about, and which day a
speaker's 오늘 is.

- `spans(text)`: the article's quotations, “…” or "…", each within one line (a quotation
  of several sentences is one span: the sentences are split later).
- `introduced(a, end, quoted)`: a date whose clause runs into a quotation opening after it
  ("외교부는 31일 “강 장관은 … 회담을 가질 예정”이라고 밝혔다") is the day of the words
  that close the quotation (밝혔다), not of the quotation's own predicate (the meeting):
  the quotations it introduces (several in a row: "…”이라며 “…”고 밝혔다") and the label
  of the words after them (`speech_label`).
- `said_on(a, m, found, quoted, anchor)`: the quotations whose speaker's today (`오늘`,
  `어제`: `dates.now_day`) counts from date `m` ("폼페이오 장관은 22일(현지시간) … “오늘
  아침 …”": the 22nd; also through a chain of clauses, "22일 기자들과 만나 “…”",
  `spoken_on`); `said_after(a, quote, found, quoted, anchor)`: the date written after a
  quotation and before its verb of saying (`“오늘 …”고 27일 밝혔다`). Elsewhere in a
  quotation a speaker's today counts from the dateline, a guess, and its happening is
  labelled `QUOTED_DAY` so that only the time it states is compared
  (`reconcile.disagreements`); `extract._dated` applies them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date
from functools import cache

from newsmoa.facts.clauses import Analysis, analyse
from newsmoa.facts.dates import DateMention
from newsmoa.facts.tables import rows, words

Span = tuple[int, int]  # (the opening mark's offset, the closing mark's offset)
QUOTED_DAY = " (quoted day)"  # a label's mark: a speaker's today counted from the dateline
SAID = "말"  # the happening of a saying with no verb of its own (“…”이라고 했다)
_OPENING = "“"
_CLOSING = "”"
_STRAIGHT = '"'
# where a quotation left open ends: at the end of its sentence, not of its line (a stray
# mark made the rest of a paragraph quoted: a review)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def spans(text: str) -> list[Span]:
    """The direct quotations of `text` in order, line by line. A “ or a straight " opens one
    (a straight " right after a digit is an inch mark: `55" TV`), and either closing mark
    closes it (`“…"` is written too); a mark of the other kind inside one is quoted text
    (`“그가 "오늘" 말했다”`). One left open runs to the end of its sentence; a ” with no
    opening before it in its line closes one opened before the line, which starts it."""
    out: list[Span] = []
    start = 0
    for line in text.split("\n"):
        opened: int | None = None
        mark = ""
        seen = False  # a quotation was found in this line
        for i, c in enumerate(line):
            if opened is None:
                if c == _OPENING or c == _STRAIGHT and not (i and line[i - 1].isdigit()):
                    opened, mark = i, c
                elif c == _CLOSING and not seen:
                    out.append((start, start + i))
                    seen = True
            elif c == _CLOSING or c == _STRAIGHT and (mark == _STRAIGHT or _closes(line, i)):
                out.append((start + opened, start + i))
                opened, seen = None, True
        if opened is not None:
            stop = _SENTENCE_END.search(line, opened + 1)
            out.append((start + opened, start + (stop.end() if stop else len(line))))
        start += len(line) + 1
    return out


def _closes(line: str, i: int) -> bool:
    """Whether a straight " at `i` in a “-opened quotation closes it (`“오늘 발표한다"고`) rather
    than quoting words inside it (`“그가 "오늘" 말했다”`: a ” closes it later, before any
    other “)."""
    closing, opening = line.find(_CLOSING, i + 1), line.find(_OPENING, i + 1)
    return closing < 0 or 0 <= opening < closing


def inside(quoted: Sequence[Span], pos: int) -> Span | None:
    """The quotation holding article offset `pos` (between its marks), if any; `quoted` in
    order (`spans`)."""
    k = bisect_left(quoted, (pos, -1)) - 1  # the last opening before pos
    return quoted[k] if k >= 0 and quoted[k][0] < pos < quoted[k][1] else None


def introduced(a: Analysis, end: int, quoted: Sequence[Span]) -> list[Span]:
    """The quotations a date ending at sentence offset `end` introduces: its clause runs into
    one that opens after it (no quotation holds the date), and each that follows it with
    nothing but a quotation's tail between (`speech_tails.tsv`: "…”이라며 “…"). [] when the
    date's clause ends first."""
    k = _next_quotation(a, end, quoted)
    return _row(a, k, quoted) if k is not None and _introduces(a, end, quoted[k]) else []


def _introduces(a: Analysis, end: int, quotation: Span) -> bool:
    """Whether the clause of a date ending at sentence offset `end` runs into `quotation`,
    the next to open after it, and the date is no attribution (`_attribution`)."""
    clause = a.clause_at(a.start + end - 1)
    return clause is not None and clause.end > quotation[0] and not _attribution(a, end)


def _attribution(a: Analysis, end: int) -> bool:
    """Whether a date ending at sentence offset `end` stands in a bracket right after a
    quotation (`“…”(23일 … 청와대 관계자)`) that closes before any quotation opens: it says
    who said the quotation before it and when, not the day of one after it (a judgement
    on real texts); a bracket holding the quotation the date introduces is no attribution
    (`“협상”(22일 “오늘 끝났다”고 말함)`: a review)."""
    opened = a.text.rfind("(", 0, end)
    if opened <= 0 or ")" in a.text[opened:end] or a.text[opened - 1] not in '”"':
        return False
    closed = a.text.find(")", end)
    quote = min((i for i in (a.text.find("“", end), a.text.find('"', end)) if i >= 0), default=-1)
    return closed >= 0 and (quote < 0 or closed < quote)


def said_on(
    a: Analysis,
    m: DateMention,
    found: Sequence[DateMention],
    quoted: Sequence[Span],
    anchor: date | None,
) -> list[Span]:
    """The quotations whose speaker's today is the day of date `m` of sentence `a` (`found`:
    the sentence's dates): those it is `spoken_on`, when it is a day written by its number
    (`written_day`) and no other day stands between it and them (`_between`)."""
    if not written_day(m, anchor) or _between(found, m, a, quoted):
        return []
    return spoken_on(a, m.end, quoted)


def said_after(
    a: Analysis,
    quote: Span,
    found: Sequence[DateMention],
    quoted: Sequence[Span],
    anchor: date | None,
) -> DateMention | None:
    """The date of sentence `a` (`found`: its dates) that says when `quote` was said, written
    after it: right after the closing tail of its row of quotations (`_row`) and before the
    verb of saying (`“오늘 …”고 27일 밝혔다`), a day written by its number (`written_day`);
    else None. (Not 이날: `find_dates` reads it from the quotation's own 오늘.)"""
    k = bisect_left(quoted, quote)
    if k == len(quoted) or quoted[k] != quote:
        return None
    close = _row(a, k, quoted)[-1][1] + 1 - a.start
    after = [x for x in found if x.start >= close]
    if not after:
        return None
    x = min(after, key=lambda x: x.start)
    between = a.text[close : x.start].replace(",", " ").split()
    said = len(between) == 1 and "says" in _tails().get(between[0], ())
    return x if said and written_day(x, anchor) else None


def written_day(m: DateMention, anchor: date | None) -> bool:
    """A day the words write by its number (`22일`, `지난 22일`), not a period, an offset, a
    day read from another (`이날`) or one after the dateline (`다음 달 1일 회담에 대해 “…”`:
    words are reported once said, a review): what a speaker's today may count from."""
    return (
        m.day is not None
        and not m.offset
        and isinstance(m.value, str)
        and _WRITTEN_DAY.search(m.text) is not None
        and (anchor is None or m.day <= anchor)
    )


_WRITTEN_DAY = re.compile(r"\d\s*일")


def _between(
    found: Sequence[DateMention], m: DateMention, a: Analysis, quoted: Sequence[Span]
) -> bool:
    """Whether another day stands between `m` and the next quotation (`22일 입국해 이튿날
    기자들과 만나 “오늘 …”`: the nearer day is the saying's, a review); a mention of the
    same day (`이날 오후`) or of none (`2018년 합의`) is no other day."""
    pos = a.start + m.end
    nxt = next((q for q in quoted if q[0] >= pos), None)
    stop = nxt[0] - a.start if nxt else len(a.text)
    return any(
        x is not m and m.end <= x.start < stop and x.day is not None and x.day != m.day
        for x in found
    )


def spoken_on(a: Analysis, end: int, quoted: Sequence[Span]) -> list[Span]:
    """The quotations whose words were said on the day a date ending at `end` names: those
    it introduces, or those its clause leads to through clauses that each end on a chaining
    connective (`speech_tails.tsv`, then: "22일 기자들과 만나 “오늘 …”고 말했다"), not a
    clause that modifies a noun ("2018년 3월 5일 취임한 그는 “…”") or one going on to its
    own statement ("…시행한다며 “…”")."""
    k = _next_quotation(a, end, quoted)
    if k is None:
        return []
    if _introduces(a, end, quoted[k]):
        return _row(a, k, quoted)
    first = a.clause_at(a.start + end - 1)
    chain = [c for c in a.clauses if first and c.start >= first.start and c.end <= quoted[k][0]]
    if not chain or not all(_chains_on(a, c.start, c.end) for c in chain):
        return []
    if _new_topic(a, chain[0].end, quoted[k][0]):
        return []  # "회사는 22일 … 멈췄고, 노조는 “오늘 …”": another's words (a review)
    return _row(a, k, quoted)


_NOMINAL = ("NN", "NP", "XSN", "SN", "SL", "SH")


def _new_topic(a: Analysis, start: int, stop: int) -> bool:
    """Whether a topic is marked on a noun between article offsets `start` and `stop`
    (`노조는`, not `서울에서는`, `이번에는`): the words after it are another's."""
    toks = [t for t in a.tokens if start <= t.start < stop]
    return any(
        t.tag == "JX" and t.form in ("은", "는") and i and toks[i - 1].tag.startswith(_NOMINAL)
        for i, t in enumerate(toks)
    )


def _chains_on(a: Analysis, start: int, end: int) -> bool:
    """Whether the clause between article offsets `start` and `end` ends on a connective
    that goes on to the next clause's predicate (만나, 열고), not on one after a finished
    happening of its own (`멈췄고`, `숨졌고`: past tense before the connective, a review)."""
    endings = [t for t in a.tokens if start <= t.start < end and t.tag[0] == "E"]
    if not endings or endings[-1].tag != "EC" or "then" not in _tails().get(endings[-1].form, ()):
        return False
    return not (len(endings) > 1 and endings[-2].tag == "EP")


def _next_quotation(a: Analysis, end: int, quoted: Sequence[Span]) -> int | None:
    """The index in `quoted` of the first quotation opening after sentence offset `end` in
    sentence `a`, when no quotation holds the position before it."""
    pos = a.start + end
    k = bisect_right(quoted, (pos, -1))
    if k == len(quoted) or quoted[k][0] >= a.start + len(a.text) or inside(quoted, pos - 1):
        return None
    return k


def _row(a: Analysis, k: int, quoted: Sequence[Span]) -> list[Span]:
    """The quotation `quoted[k]` and each following it in sentence `a` with nothing but a
    quotation's tail between."""
    row = [quoted[k]]
    for nxt in quoted[k + 1 :]:
        if nxt[0] >= a.start + len(a.text) or not _tail_only(a, row[-1][1] + 1, nxt[0]):
            break
        row.append(nxt)
    return row


def _tail_only(a: Analysis, start: int, stop: int) -> bool:
    """Whether the article's words between offsets `start` and `stop` (in sentence `a`) are
    only a quotation's tail and commas (`이라며 `), not a clause of their own (`고 말했고`)."""
    between = a.text[start - a.start : stop - a.start].replace(",", " ").split()
    return len(between) <= 1 and all(_tail(w) for w in between)


def speech_label(a: Analysis, row: Sequence[Span], quoted: Sequence[Span]) -> str | None:
    """The happening of the words that close the quotations `row`, read from them alone,
    closing mark first (a clause holding a quotation takes its label from the quotation's
    predicate; without the mark, `”고 했다` read 고 as a noun: a review), up to the next
    quotation or the sentence's end: `…”이라고 밝혔다` announcement, `…”라고 전했다` the
    clause after `라고`; a tail that goes on to something else (`…”며 1일 회견을 열었다`: the
    saying's own verb is left out) None, unless what follows is a verb of saying
    (`saying_labels.tsv`: `…”라며 이같이 밝혔다`)."""
    close = row[-1][1] - a.start
    k = bisect_right(quoted, (row[-1][1], len(a.text) + a.start))
    stop = quoted[k][0] - a.start if k < len(quoted) else len(a.text)
    words = analyse(a.text[close : max(close, min(stop, len(a.text)))])
    going_on = False
    for clause in words.clauses:
        said = words.text[clause.start : clause.end].replace(",", " ").strip('”" ').split()
        if len(said) == 1 and "while" in _tails().get(said[0], ()):
            going_on = True
            continue
        if going_on:
            return clause.label if clause.label in saying_labels() else None
        if clause.label is None and _plainly_said(said):
            return SAID  # "…”이라고 했다": said, with no verb of its own (a judgement)
        if clause.label is not None or not (len(said) == 1 and _tail(said[0])):
            return clause.label
    return None


def _plainly_said(said: Sequence[str]) -> bool:
    """Whether a quotation's tail and a form of 하다 say "said" (`이라고 했다`:
    `speech_tails.tsv`, kinds says and said)."""
    return (
        len(said) == 2
        and "says" in _tails().get(said[0], ())
        and "said" in _tails().get(said[1].rstrip("."), ())
    )


@cache
def saying_labels() -> frozenset[str]:
    """Happenings that are a verb of saying (`saying_labels.tsv`: announcement, 말, 강조)."""
    return words("saying_labels")


@cache
def _tails() -> dict[str, frozenset[str]]:
    """Each word of `speech_tails.tsv` with its kinds (says, while, said, then)."""
    out: dict[str, set[str]] = {}
    for word, kind, *_ in rows("speech_tails"):
        out.setdefault(word, set()).add(kind)
    return {w: frozenset(k) for w, k in out.items()}


def _tail(word: str) -> bool:
    """Whether a word can follow a quotation's closing mark (says or while)."""
    return bool(_tails().get(word, frozenset()) & {"says", "while"})
