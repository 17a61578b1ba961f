"""Whether a text without a body is a breaking-news flash: its headline, and nothing else.

A flash (`[속보] NSC "…"`) is published as its headline alone, often followed by the outlet's
copyright notice on the same line, sometimes by a byline or a dateline. It is a real placement,
so when the input names that headline as the title (a JSONL or CSV field, a feed entry) it is
kept as an article without text. A login page, a paywall notice or a short body under a real
headline is not a flash and stays dropped.

The test works on what each line *says*, in `comparison_key` form (no spaces, punctuation
or case): the line less the runs it shares with the headline, then less its marks (what the
copyright patterns match, a lone copyright sign, a "무단 전재 … 금지" clause of notice words,
outlets' slogans, a reporter's name where a byline puts one or on a notice's line, e-mail and
bare web addresses, dates, a byline's name and e-mail, a dateline's label; overlapping
matches cut as one) and, on a line with a notice, an address or a byline, less outlet names.
All lines together may leave `LEFT_MAX` characters ("및" of "무단전재 및 재배포 금지"), and
they must show most of the headline; so a whole line is never forgiven for holding a
copyright sign or a byline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import cache

from newsmoa.extract.bylines import EMAIL_RE
from newsmoa.extract.datelines import DATETIME_RE
from newsmoa.extract.lines import Kind, Line
from newsmoa.extract.tables import copyright_patterns, dateline_labels, outlets
from newsmoa.text.normalize import comparison_key

LEFT_MAX = 2  # key characters a flash may leave besides its headline and marks ("및")
TITLE_MIN = 6  # a shorter headline says too little to stand as an article
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z-]{2,})+/?(?![\w./?=&%-])")
# Marks in a notice, not lines of their own (so not in the copyright table, where a body line
# would be dropped for them): a lone copyright sign ("ⓒ 뉴스1"), "(c)", "㈜", a span of years
# ("1980-2024"), a notice's "무단 전재 … 금지" clause made of notice words only ("무단 전재 및
# 재배포, AI 학습 포함 금지", "… 및 이용(AI학습 포함) 금지"), and outlets' slogans.
_NOTICE_WORD = (
    r"[\s,·/()&-]|및|재배포|배포|수집|복사|변형|이를|이용한|이용|활용|학습|포함|데이터|(?i:ai)"
)
_NOTICE_MORE = re.compile(
    r"[ⓒⒸ©]|\((?i:c)\)|㈜|\(주\)|(?:19|20)\d\d\s*[-~]\s*(?:19|20)\d\d"
    rf"|무단\s*(?:전재|복제)(?:{_NOTICE_WORD})*금지|(?i:ai)\s*학습(?:{_NOTICE_WORD})*금지"
    r"|공감언론\s*뉴시스(?:통신사)?|돈이\s*보이는\s*리얼타임\s*뉴스|경제를\s*보는\s*눈[,\s]*세계를\s*보는\s*창"
)
# A reporter: anywhere on a line that carries a notice or an address ("… 홍길동기자 …] ⓒ …"),
# elsewhere only where a byline puts one: at the start of a line ("홍길동 기자 입력 …"), in
# brackets after at most an outlet's name and a bureau ("[이데일리 홍길동·김철수 기자]",
# "[머니투데이 세종=홍길동 기자]", "[SBS Biz 홍길동 기자]"), or after a bracketed dateline at a
# line's start, itself a mark ("[서울=뉴시스]홍길동 기자 =", "[워싱턴=뉴시스] …").
_NAME = r"[가-힣]{2,4}(?:·[가-힣]{2,4})*\s*(?:선임|수석)?\s*(?:기자|특파원)(?![가-힣])"
_REPORTER = re.compile(_NAME)
_BYLINE = re.compile(
    rf"\[\s*(?:[^\[\]\s=]{{1,12}}\s+){{0,2}}(?:[^\[\]\s=]{{1,12}}\s*=\s*)?{_NAME}\s*\]"
    rf"|^\s*\[[^\[\]\s=]{{1,8}}\s*=\s*[^\[\]\s]{{1,12}}\]\s*(?:{_NAME}(?:\s*=)?)?"
    rf"|^\s*{_NAME}(?:\s*=)?"
)
_C_SIGN = re.compile(r"[ⓒⒸ©]|\((?i:c)\)")


@cache
def _outlet_keys() -> tuple[str, ...]:
    """Every outlet name and alias as a key, longest first (a longer name holds a shorter)."""
    keys = {comparison_key(name) for name in outlets().by_alias}
    return tuple(sorted((k for k in keys if len(k) >= 2), key=len, reverse=True))


@cache
def _label_keys() -> tuple[str, ...]:
    keys = {comparison_key(label) for label in dateline_labels()}
    return tuple(sorted((k for k in keys if k), key=len, reverse=True))


def _without(key: str, parts: Iterable[str]) -> str:
    for part in parts:
        key = key.replace(part, "")
    return key


def _without_texts(key: str, texts: Iterable[str]) -> str:
    """A key less the keys of `texts`, longest first (a longer one holds a shorter)."""
    return _without(key, sorted(map(comparison_key, texts), key=len, reverse=True))


def _notice_spans(text: str) -> list[tuple[int, int]]:
    """Where a line's copyright notice is (the table's patterns and `_NOTICE_MORE`)."""
    return [m.span() for p in (*copyright_patterns(), _NOTICE_MORE) for m in p.finditer(text)]


def notice(lines: Sequence[Line]) -> str:
    """The words of a flash's notices, as one key: what tells two outlets' copies of one
    flash apart when the input names no outlet. A notice counts from its first mark (or the
    outlet name just before it) to the end of its line (outlet names, web addresses: "ⓒ
    머니투데이 & mt.co.kr, 무단 전재 …", "이데일리 무단전재 …"), less
    dates, reporters, e-mail addresses and copyright signs (ⓒ, ©, (c) key differently), so a
    page read again with an update time, a byline or a dateline before the notice names the
    same flash."""
    out = []
    for line in lines:
        text = line.text.strip()
        spans = _notice_spans(text)
        if not spans:
            continue
        start = min(start for start, _ in spans)
        before = text[:start].split()  # the outlet may come first ("이데일리 무단전재 …")
        name = before[-1].strip(",.:;·") if before else ""
        if outlets().names_one(name):
            start = text.rindex(name, 0, start)
        text = _C_SIGN.sub(" ", text[start:])
        cut = [m.group() for p in (DATETIME_RE, _REPORTER, EMAIL_RE) for m in p.finditer(text)]
        out.append(_without_texts(comparison_key(text), cut))
    return "".join(out)


def _marks(text: str) -> tuple[list[str], bool]:
    """A line's marks (its notice, e-mail and bare web addresses, dates, a reporter's name;
    overlapping matches merged into one), and whether it has a notice or an address (a line
    where outlet names, and a reporter's name anywhere, are marks too)."""
    spans = _notice_spans(text)
    for pattern in (EMAIL_RE, _DOMAIN):
        spans.extend(m.span() for m in pattern.finditer(text))
    noticed = bool(spans)
    spans.extend(m.span() for m in (_REPORTER if noticed else _BYLINE).finditer(text))
    spans.extend(m.span() for m in DATETIME_RE.finditer(text))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [text[start:end] for start, end in merged], noticed


def _less_headline(key: str, headline: str) -> tuple[str, int]:
    """A key less the runs (of `TITLE_MIN`+ characters) it shares with the headline's, and
    how many characters those were."""
    shown = 0
    while key:
        m = SequenceMatcher(None, key, headline, autojunk=False).find_longest_match()
        if m.size < min(TITLE_MIN, len(key)):
            break
        key, shown = key[: m.a] + key[m.a + m.size :], shown + m.size
    return key, shown


def _said(line: Line, headline: str) -> tuple[str, int]:
    """What a line says besides the headline and its marks (a key), and how many characters
    of the headline's key it showed (the whole of it, or the part a page splits off or
    shows without a label)."""
    text = line.text.strip()
    marked = False
    if line.kind in (Kind.BYLINE, Kind.SIGNATURE) and line.byline is not None:
        text, marked = line.byline.rest, True  # the name, title and e-mail are the mark
    # the headline first, whole: a date, an address or a place in it is no mark
    key, shown = _less_headline(comparison_key(text), headline)
    marks, noticed = _marks(text)
    key = _without_texts(key, marks)
    if marked or noticed:  # "서울", "국민" are outlet names inside a notice or byline
        key = _without(key, _outlet_keys())
    elif key in _outlet_keys():  # ... or alone ("… 급락 마감 세계일보")
        key = ""
    if line.datelines:
        key = _without(key, _label_keys())
    return key, shown


def is_flash(lines: Sequence[Line], title: str) -> bool:
    """Whether the text of `lines` is the headline `title` and marks only (copyright notices,
    bylines, datelines): a breaking-news flash. All lines together may leave `LEFT_MAX`
    characters, and must show most of the headline."""
    headline = comparison_key(title)
    if len(headline) < TITLE_MIN:
        return False
    shown = left = 0
    for line in lines:
        if line.kind is Kind.BLANK:
            continue
        said, part = _said(line, headline)
        left += len(said)
        if left > LEFT_MAX:
            return False
        shown += part
    return 2 * shown >= len(headline)  # the headline, or most of it over its lines
