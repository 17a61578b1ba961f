"""Bullet lists (`△ ▲ ▶ …`, numbered `① ② ③` or `1) 2) 3)`) and history lines of an agreement story,
merged across outlets.

    "… 협약을 통해 … △A △B △C 등을 추진해 나가기로 했다."  -> items A, B, C
    "그간 △D △E 등을 정책적으로 추진해왔다."                -> history D, E

A list in a sentence that tells the parties' past (`clauses.EARLIER`: 그간, 2008년부터,
해왔다) is history, any other list is what was agreed. The last item ends where the list
does: before `등` + particle, or before the case particle that hands the list to the verb.
Variants from several outlets are merged by their comparison key (`normalize.comparison_key`),
allowing small wording differences (`사회적경제 실천` / `사회적경제의 실천`).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable

from newsmoa.facts.clauses import EARLIER, Analysis, Tok
from newsmoa.text.bullets import ITEM_BULLETS
from newsmoa.text.normalize import comparison_key

# numbered marks open items too, a list often written on one line (`① 기반 조성 ② 판로 확대`):
# circled ①-⑳, bracketed ⑴-⒇, dark circled ❶-❿ and sans-serif ➀-➉ and ➊-➓
NUMBERED = "".join(
    chr(c)
    for a, b in ((0x2460, 0x2473), (0x2474, 0x2487), (0x2776, 0x2793))
    for c in range(a, b + 1)
)
# an item's bullet inside a sentence: not a middle dot, which joins words there (`data/bullets.tsv`)
LIST_BULLETS = ITEM_BULLETS + NUMBERED
SAME_ITEM = 0.8  # similarity of comparison keys above which two items are one
_BULLET_RE = re.compile(f"(?:(?<=\\s)|^)[{re.escape(LIST_BULLETS)}]")
_END_PARTICLES = ("JKO", "JKS", "JX", "VCP")
_DIR_WORDS = re.compile(r"^(지난|오는|이번)\s+")
_CHUNK = frozenset({"NNG", "NNP", "SN", "NNB", "NR", "XSN"})


def is_history(a: Analysis) -> bool:
    """Whether a sentence tells the parties' past rather than the reported happening."""
    return any(c.label and c.label.startswith(EARLIER) for c in a.clauses)


def bullet_items(a: Analysis) -> list[str]:
    """The bulleted items of one analysed sentence, in the article's words."""
    text = a.text
    marks = [(m.start(), m.end()) for m in _BULLET_RE.finditer(text)] or _counted_marks(text)
    out = []
    for n, (pos, opened) in enumerate(marks):
        end = marks[n + 1][0] if n + 1 < len(marks) else _list_end(a, pos)
        item = text[opened:end].strip(" ,\t")
        item = re.sub(r"\s*(및|그리고|또는)$", "", item)
        if item:
            out.append(item)
    return out


_COUNTED_RE = re.compile(r"(?:(?<=\s)|^)(\d{1,2})\)")


def _counted_marks(text: str) -> list[tuple[int, int]]:
    """A list numbered `1) … 2) … 3) …` on one line: its marks (start, end), only where
    they count up from 1, two or more (a lone `3)` is no list)."""
    found = list(_COUNTED_RE.finditer(text))
    if len(found) < 2 or [int(m.group(1)) for m in found] != list(range(1, len(found) + 1)):
        return []
    return [(m.start(), m.end()) for m in found]


def _list_end(a: Analysis, pos: int) -> int:
    toks = [t for t in a.tokens if t.start - a.start > pos]
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            t.form == "등"
            and t.tag == "NNB"
            and nxt
            and (nxt.tag.startswith("J") or nxt.tag == "VCP")
        ):
            return t.start - a.start
        if t.tag in _END_PARTICLES or t.tag in ("SF", "EF"):
            return t.start - a.start
    return len(a.text)


def history_lines(a: Analysis, dates: Iterable[tuple[int, int, str]]) -> list[str]:
    """Short lines for the past events of a history sentence without bullets:
    `2008년부터 업무협약 체결`, `공무원 5명 파견` (date words, object, predicate noun)."""
    out = []
    dates = list(dates)
    for clause in a.clauses:
        if _BULLET_RE.search(a.text[clause.start - a.start : clause.end - a.start]):
            continue
        toks = [t for t in a.tokens if clause.start <= t.start < clause.end]
        obj = pred = ""
        for i, t in enumerate(toks):
            if t.tag == "JKO" and not obj:
                j = i
                while (
                    j > 0
                    and toks[j - 1].tag in _CHUNK
                    and toks[j - 1].form != "등"
                    and (toks[j - 1].end == toks[j].start or _counted(toks[j - 1], toks[j]))
                ):
                    j -= 1  # across a space only into a counted noun: "공무원 5명", or from
                    # a counter to its number: "1만2천 명" (it gave the line "명 지원")
                if j < i:
                    obj = a.text[toks[j].start - a.start : toks[i - 1].end - a.start]
            if t.tag == "XSV" and i > 0 and toks[i - 1].tag == "NNG" and obj:
                pred = toks[i - 1].form
        if not (obj and pred):
            continue
        when = [
            _DIR_WORDS.sub("", words) for s, e, words in dates if clause.start <= s < clause.end
        ]
        out.append(" ".join([*when[:1], obj, pred]))
    return out


def _counted(before: Tok, tok: Tok) -> bool:
    """Whether `before`, a space before `tok`, is of one chunk with it: a number and the
    noun it counts (`공무원 5명`), or a counter and its number (`1만2천 명`)."""
    return tok.tag in ("SN", "NR") or (tok.tag == "NNB" and before.tag in ("SN", "NR"))


def merge(variants: Iterable[str]) -> list[str]:
    """One entry per item across outlets, in order of first appearance; each keeps the
    wording most outlets used (the first one on a tie)."""
    groups: list[list[str]] = []
    keys: list[str] = []
    for item in variants:
        k = comparison_key(item)
        if not k:
            continue
        for n, gk in enumerate(keys):
            if _same(k, gk):
                groups[n].append(item)
                break
        else:
            groups.append([item])
            keys.append(k)
    out = []
    for group in groups:
        counts = Counter(comparison_key(v) for v in group)
        best = max(group, key=lambda v: (counts[comparison_key(v)], -group.index(v)))
        out.append(best)
    return out


def _same(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) >= 0.6 * len(long_):
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME_ITEM
