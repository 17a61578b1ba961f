"""Direct quotations: where they are, what the words around them are about, and which day a
speaker's 오늘 is.

- `spans(text)`: the article's quotations, “…” or a straight "…" pair, each within one line
  (a quotation of several sentences is one span: the sentences are split later).
- `introduced(a, end, quoted)`: a date whose clause runs into a quotation opening after it
  ("외교부는 31일 “강 장관은 … 회담을 가질 예정”이라고 밝혔다") is the day of the words
  that close the quotation (밝혔다), not of the quotation's own predicate (the meeting):
  the quotations it introduces (several in a row: "…”이라며 “…”고 밝혔다") and the label
  of the words after them (`speech_label`).
- A speaker's today (`오늘`, `어제`: `dates.now_day`) in a quotation a date introduces counts
  from that date ("폼페이오 장관은 22일(현지시간) … “오늘 아침 …”": the 22nd); elsewhere
  in a quotation it counts from the dateline, a guess, and its happening is labelled
  `QUOTED_DAY` so that only the time it states is compared (`reconcile.disagreements`).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsmoa.facts.clauses import Analysis
from newsmoa.text.sentences import quote_tails

Span = tuple[int, int]  # (the opening mark's offset, the closing mark's offset)
QUOTED_DAY = " (quoted day)"  # a label's mark: a speaker's today counted from the dateline
ROW_GAP = 8  # at most this many characters between two quotations of one speech


def spans(text: str) -> list[Span]:
    """The direct quotations of `text`, line by line: a “ opens one that a ” closes, a
    straight " one that the next straight " closes (a straight mark inside “…” is quoted
    text: `“그가 "오늘" 말했다”`); one left open runs to the line's end, and a ” with no
    opening in its line closes one opened before the line, which starts it."""
    out: list[Span] = []
    start = 0
    for line in text.split("\n"):
        curly: int | None = None
        straight: int | None = None
        for i, c in enumerate(line):
            at = start + i
            if c == "“" and curly is None and straight is None:
                curly = at
            elif c == "”" and straight is None:
                if curly is not None:
                    out.append((curly, at))
                    curly = None
                elif not any(s >= start for s, _ in out):
                    out.append((start, at))
            elif c == '"' and curly is None:
                if straight is None:
                    straight = at
                else:
                    out.append((straight, at))
                    straight = None
        opened = curly if curly is not None else straight
        if opened is not None:
            out.append((opened, start + len(line)))
        start += len(line) + 1
    return out


def inside(quoted: Sequence[Span], pos: int) -> Span | None:
    """The quotation holding article offset `pos` (between its marks), if any."""
    return next((q for q in quoted if q[0] < pos < q[1]), None)


def introduced(a: Analysis, end: int, quoted: Sequence[Span]) -> list[Span]:
    """The quotations a date ending at sentence offset `end` introduces: its clause runs into
    one that opens after it (no quotation holds the date), and each that follows it within
    `ROW_GAP` characters. [] when the date's clause ends first."""
    pos = a.start + end
    sentence_end = a.start + len(a.text)
    clause = a.clause_at(pos - 1)
    first = next((q for q in quoted if pos <= q[0] < sentence_end), None)
    if inside(quoted, pos - 1) or first is None or clause is None or clause.end <= first[0]:
        return []
    row = [first]
    while (nxt := next((q for q in quoted if q[0] > row[-1][1]), None)) is not None:
        if nxt[0] - row[-1][1] > ROW_GAP or nxt[0] >= sentence_end:
            break
        row.append(nxt)
    return row


def speech_label(a: Analysis, row: Sequence[Span]) -> str | None:
    """The happening of the words that close the quotations `row`: the label of the clause
    going on after the last one, or, where that clause ends on a quotation's own tail
    (“…통화했다”며: its predicate is the quotation's), of the clause after it."""
    after = row[-1][1] + 1
    clause = a.clause_at(after)
    if clause is None:
        return None
    tail = [w.strip(",.") for w in a.text[after - a.start : clause.end - a.start].split()]
    if clause.start < row[-1][1] and len(tail) <= 1 and (not tail or tail[0] in quote_tails()):
        later = next((c for c in a.clauses if c.start >= clause.end), None)
        return later.label if later else None
    return clause.label
