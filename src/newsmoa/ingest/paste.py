"""One pasted text -> the articles in it.

A blog post or a clipping file pastes several outlets' pages one after another, each with its
title, a dateline, buttons and a byline. Every article page carries a labelled dateline, so
each dateline (or run of datelines with no body between them) anchors one article, and so
does a report's opening marker right under a headline where there is none; the
article's header is the run of title-like lines, bylines and buttons just before it. A
clipping's stamp (`[한빛일보] 2024.06.03 12:02`, `한빛일보 | 2024.06.03 12:02`: a line holding
only a mark and a date) anchors one too, under its headline as a dateline does, or above it,
where the article begins with the stamp. Explicit separator lines (`---`, `===`, `***`) also
split. A repeated headline or a blog header belongs to a header and never becomes an article
of its own.
"""

from __future__ import annotations

import re

from newsmoa.extract.boilerplate import credit_alone, is_credit_line, is_related_label
from newsmoa.extract.datelines import stamp
from newsmoa.extract.lines import (
    TITLE_MAX_CHARS,
    Kind,
    Line,
    classify_all,
    ends_with_stop,
    headline_shaped,
    marked_caption,
)
from newsmoa.text.bullets import BULLETS, LABEL_BULLETS
from newsmoa.text.normalize import CLOSERS

_SEPARATOR_RE = re.compile(r"^\s*(?:-{3,}|={3,}|\*{3,}|_{3,}|\f)\s*$", re.MULTILINE)


def split_pasted(text: str) -> list[str]:
    """The article texts pasted in `text`, in order (the whole text when there is one)."""
    chunks: list[str] = []
    for chunk in _SEPARATOR_RE.split(text):
        if chunks and _no_text(chunk):
            chunks[-1] += "\n" + chunk  # (under a wire's rule, `___`: its credits, notice)
        elif chunk.strip():
            chunks.append(chunk)
    out: list[str] = []
    for chunk in chunks:
        out.extend(_split_on_datelines(chunk))
    return out


# what a text after a separator holds that is no article: a wire's credit for other writers
# under its rule (`___` / `Associated Press writer Jane Doe contributed to this report.`), a
# notice, a signature (each was an article of its own, dropped as having no body)
_NO_TEXT = frozenset({Kind.BLANK, Kind.FURNITURE, Kind.COPYRIGHT, Kind.SIGNATURE, Kind.CAPTION})


def _no_text(chunk: str) -> bool:
    """Whether a separated chunk holds only lines that are no article's text."""
    return all(line.kind in _NO_TEXT for line in classify_all(chunk))


def _split_on_datelines(text: str) -> list[str]:
    lines = classify_all(text)
    feet = _foot_stamps(lines)
    if len(feet) > 1:  # clippings each closing with their stamp: split under each one
        raw = text.split("\n")
        bounds = [0, *(n + 1 for n in feet[:-1]), len(raw)]
        pieces = ["\n".join(raw[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        return [p for piece in pieces if piece.strip() for p in _split_on_datelines(piece)]
    anchors = _article_anchors(lines)
    if len(anchors) <= 1:
        return [text]
    starts = [
        a
        if _opens_with_stamp(lines, a)
        else _header_start(lines, a, floor=(anchors[k - 1] + 1 if k else 0))
        for k, a in enumerate(anchors)
    ]
    if _preamble(lines, starts[0], anchors[0]):
        starts.insert(0, 0)  # (it opened the first article and gave it its title)
    else:
        starts[0] = 0  # the page's or blog's header above the first article is its header
    raw = text.split("\n")
    bounds = [*starts, len(raw)]
    return ["\n".join(raw[bounds[k] : bounds[k + 1]]) for k in range(len(starts))]


def _preamble(lines: list[Line], start: int, anchor: int) -> bool:
    """Whether the text above the first article's header, which begins with a title at
    line `start` over its dateline at `anchor`, holds sentences of its own: a blog's
    introduction (`안녕하세요, 청솔군입니다. … 보도되었습니다.`) or an article without a
    dateline. It is then a text of its own (it opened the first article's text, which took
    the blog's title: a black-box case). A headline's deck between the title and the
    dateline is no header of this kind."""
    titled = any(line.kind is Kind.SHORT for line in lines[start:anchor])
    return titled and any(
        line.kind is Kind.BODY and ends_with_stop(line.text.strip()) for line in lines[:start]
    )


def _is_body(line: Line) -> bool:
    return line.kind is Kind.BODY or bool(line.byline and line.byline.rest.strip())


def _article_anchors(lines: list[Line]) -> list[int]:
    """First dateline of each article: a dateline with body text since the previous anchor.
    A date without a label (`December 11, 2008`) anchors only under a headline (a short line
    before it, blanks between): in a body it is a timeline's line. A clipping's stamp with
    its mark (`[한빛일보] 2024.06.03 12:02`) anchors under a headline or above one."""
    anchors: list[int] = []
    body_since = True
    last = before = None  # the last two lines that are not blank
    for line in lines:
        if _opens_report(line) and body_since and _titled_by(last, before, lines, anchors):
            anchors.append(line.number)  # a report with no dateline: its marker under its
            body_since = False  # headline (`(세종=연합뉴스) 김민수 기자 =`, `SEOUL (Reuters) -`)
        elif _is_stamp(line):
            if body_since and (_headline(last, before) or _opens_with_stamp(lines, line.number)):
                anchors.append(line.number)  # a clipping's stamp under or above its headline
                body_since = False
        elif line.kind is Kind.DATELINE:
            bare = all(d.bare for d in line.datelines)
            if body_since and anchors and _closes(last):
                pass  # the time of the article it closes, under its signature or notice
            elif body_since and not (bare and anchors and not _headline(last, before)):
                anchors.append(line.number)
                body_since = False
            elif not bare:
                body_since = False
        elif _is_body(line):
            body_since = True
        if line.kind is not Kind.BLANK:
            last, before = line, last
    # a dateline with no body after it, before the next anchor or the end, closes the article
    # above (`송고시간2026-11-26 10:12` under a Yonhap clipping): it was an article of its
    # own, dropped for its empty body, and the clipping lost its time (a black-box case)
    ends = [*anchors[1:], len(lines)][: len(anchors)]
    return [a for a, end in zip(anchors, ends, strict=True) if any(map(_is_body, lines[a:end]))]


def _closes(line: Line | None) -> bool:
    """Whether a line closes the article above it for certain: its reporter's e-mail
    (`lee@newshanbit.com`, `홍길동 기자 hong@…`), a copyright notice, a wire's credit line.
    A dateline right under one is that article's time (`입력 2026.03.05 10:20` under the
    e-mail, as an outlet's page closes), not the next article's: it anchored an article of
    its own, which took the next article's headline, and that article lost it (a black-box
    case). A name without an e-mail may open the next article's header, so it closes none."""
    if line is None:
        return False
    signed = line.kind is Kind.SIGNATURE and line.byline is not None and line.byline.email
    return bool(signed) or _closing(line)


def _is_stamp(line: Line) -> bool:
    """A clipping's stamp as extraction reads one (`datelines.stamp`) that says whose it is:
    with its mark (`[한빛일보] 2024.06.03`, `한빛일보 | 2024.06.03 12:02`), or naming its outlet
    or reporter beside the date (`2026-11-24 15:20 청솔일보`, an information bar `청솔일보 |
    2026-11-24 15:20 | 김민지 기자`: clippings each headed so were one article, a black-box
    case); a date alone (`2024.06.03 12:02`) may be a list's or a timeline's."""
    if line.kind is not Kind.DATED:
        return False
    found = stamp(line.text.strip())
    return found is not None and (found.at > 0 or bool(found.outlet or found.reporter))


def _foot_stamps(lines: list[Line]) -> list[int]:
    """The clippings' stamps under their bodies (`[한빛일보] 2024.06.03 13:20` after the last
    paragraph or the signature), when the text closes with one and opens with none: each then
    closes its clipping, and the headline under it opens the next (clippings so pasted were
    one article, dated by the last stamp: a black-box case). Empty when the stamps open the
    clippings; a stamp in a body, with no headline under it, closes nothing (an article
    quoting its own time between paragraphs was cut in two there)."""
    shown = [line for line in lines if line.kind is not Kind.BLANK]
    if len(shown) < 2 or not _is_stamp(shown[-1]) or _is_stamp(shown[0]):
        return []
    return [
        line.number
        for above, line in zip(shown, shown[1:], strict=False)
        if _is_stamp(line)
        and above.kind is not Kind.SHORT
        and (line is shown[-1] or _headline_under(lines, line.number))
    ]


def _opens_with_stamp(lines: list[Line], n: int) -> bool:
    """Whether line `n` is a clipping's stamp with its article's headline right under it
    (blank lines between): pasted clippings each opening `[한빛일보] 2024.06.03 12:02` over
    their headline were one article (a black-box case)."""
    return _is_stamp(lines[n]) and _headline_under(lines, n)


def _headline_under(lines: list[Line], n: int) -> bool:
    """Whether the first line under line `n` that is not blank is a headline."""
    below = next((b for b in lines[n + 1 :] if b.kind is not Kind.BLANK), None)
    if below is None:
        return False
    text = below.text.strip()
    if below.kind is Kind.BODY:  # a headline written as a sentence without its stop
        return headline_shaped(text)
    return below.kind is Kind.SHORT and not text.startswith(_BULLETS)


def _titled_by(
    last: Line | None, before: Line | None, lines: list[Line], anchors: list[int]
) -> bool:
    """Whether the line above a report's opening marker is its headline: a short line
    (`_headline`), or one written as a sentence without its stop under a line that closes
    the article before (`_sentence_headline`: `진안군, 30억 들여 유통센터 짓는다` under the
    previous report's copyright notice, which joined the two reports into one and lost an
    outlet: a black-box case)."""
    if _headline(last, before):
        return True
    floor = anchors[-1] if anchors else 0  # (a report's opening line holds its lead)
    return last is not None and _sentence_headline(last, lines[floor : last.number])


def _opens_report(line: Line) -> bool:
    """A line opening a report with its outlet's marker and the lead after it: pasted
    reports without datelines were one article (two wire reports, a Korean and an English
    one: a black-box case), or with a release's dated lead (`CEDAR SPRINGS, Mich. (March 12,
    2026) —`: two releases were one); or the marker naming its outlet and reporter on a line
    of its own over the lead (`(청솔일보) 김민지 기자`, as `extract.bylines` reads it: reports
    each so headed were one article, a black-box case)."""
    b = line.byline
    if line.kind is not Kind.BYLINE or b is None:
        return False
    if b.rest.strip():
        return bool(b.outlet or b.day)
    return bool(b.outlet and b.reporter)  # a head line of its own: `(청솔일보) 김민지 기자`


def _headline(line: Line | None, above: Line | None) -> bool:
    """A headline above a date: a short line of a few words, not a list's heading (`The
    town's drills so far:`, `TIMELINE`) nor a timeline's entry under its own date (`March
    20, 2013` / `First drill, 900 people`): a timeline's date cut an article in two (black-
    box cases)."""
    if line is None or line.kind is not Kind.SHORT:
        return False
    if above is not None and above.kind is Kind.DATELINE:
        return False
    text = line.text.strip()
    return len(text.split()) >= 3 and not text.endswith((":", "："))


def _header_start(lines: list[Line], anchor: int, *, floor: int) -> int:
    """Where the header before `anchor` begins: back over title-like lines, blanks, buttons.

    A reporter's name line without an e-mail may stand in a header (`이승희 기자` above the
    buttons) or close the previous article; a header begins with its title, so leading
    signatures stay with the article before. So does a copyright notice with body text before
    it: it closes that article (`Copyright ⓒ 뉴스1 …` under one article's body, then the next
    article's headline; taken into the next header, it named that article's outlet).
    A related list's label (`관련기사`, `related_labels.tsv`) and its items close the article
    before too (`관련기사` / `- 청솔군 여름축제 개막` became the next article's title and
    subtitle, and its headline was lost: a black-box case).
    """
    taken: list[Line] = []
    j = anchor - 1
    while j >= floor:
        line = lines[j]
        text = line.text.strip()
        if line.kind is Kind.FURNITURE and is_related_label(text):
            end = _list_end(lines, j, anchor)
            taken = [t for t in taken if t.number > end]
            break
        if line.kind is not Kind.BLANK:
            # (from the opening line of the article before: it may hold that article's lead)
            if _sentence_headline(line, lines[max(floor - 1, 0) : j]) and not _titled(taken):
                taken.append(line)  # a header begins with its title
                break
            # (a marked caption under the title, `▲ … 협약식 모습.`, is the header's: the
            # placement it headed stayed with the blog's words above it)
            headerish = line.headerish or _bare_signature(line) or marked_caption(text)
            if not headerish or _link_line(line):
                break
            if _closing(line) and any(_is_body(b) for b in lines[floor:j]):
                break
            if _titled(taken) and line.text.lstrip().startswith(_BULLETS):
                break  # above the title, a list (`▶ 관련기사` / `· …`) ends the article before
            if _titled(taken) and credit_alone(text):
                break  # ... and a photo's credit (`/청솔군 제공`, under the body's photo)
            taken.append(line)
        j -= 1
    taken.reverse()
    while taken and taken[0].kind is Kind.SIGNATURE:
        taken.pop(0)
    return taken[0].number if taken else anchor


def _link_line(line: Line) -> bool:
    """A line that is the address of the article above it, maybe after a short label
    (`https://…/articleView.html?idxno=12345`, `기사 원문 보기: https://…`), as a blog
    pasting placements closes each with its link: taken into the next article's header, it
    became that article's title (a black-box case)."""
    text = line.text.strip()
    found = _URL_RE.search(text)
    if found is None:
        return False
    label = (text[: found.start()] + text[found.end() :]).strip(" :：-|·")
    return len(label) <= _LINK_LABEL_CHARS


_URL_RE = re.compile(r"https?://\S+", re.IGNORECASE)
_LINK_LABEL_CHARS = 12  # `기사 원문 보기`, `출처`: a label, not a headline with a link


def _list_end(lines: list[Line], label: int, anchor: int) -> int:
    """The last line of the related list labelled at line `label`, above line `anchor`: the
    lines right under the label up to a blank line; with none before `anchor`, its items
    that open with a bullet (`- 청솔군 여름축제 개막`, `· …`): the line after them is the next
    article's headline."""
    n = label + 1
    while n < anchor and lines[n].kind is not Kind.BLANK:
        n += 1
    if n < anchor:
        return n
    n = label + 1
    while n < anchor and lines[n].text.lstrip().startswith((*_BULLETS, "-", "–")):
        n += 1
    return n - 1


# What opens a list's item or its label (`▶ 관련기사`, `· 부산 물류창고 화재 현장 사진`): the
# related headlines closing an article, taken for the next one's header (a black-box case).
# Not a bullet that heads a label (`■ 청솔일보`, as a blog titles each placement it pastes):
# that line is the next article's header, and it went with the blog's words above
_BULLETS = tuple(b for b in BULLETS if b not in LABEL_BULLETS)


def _closing(line: Line) -> bool:
    """A line that closes the article above it: a copyright notice, or a wire's credit
    line (`(Reporting by …; Editing by …)`, which opened the next report's header)."""
    return line.kind is Kind.COPYRIGHT or (
        line.kind is Kind.FURNITURE and is_credit_line(line.text.strip())
    )


def _titled(taken: list[Line]) -> bool:
    return any(line.kind is Kind.SHORT for line in taken)


def _sentence_headline(line: Line, before: list[Line]) -> bool:
    """A headline written as a sentence without its full stop (`세관, 필로폰 숨긴 40대
    붙잡았다`), above the next article's dateline, under a line that closes the article
    before (its reporter's signature or e-mail, a copyright notice, a wire's credit line;
    a review: `정다운 기자` alone closed nothing): it stayed under
    that article's body, which showed the other outlet's headline as its own sentence (a
    black-box case). Under a body line, the line is that article's last sentence, written
    without its stop (a review)."""
    text = line.text.strip()
    if line.kind is not Kind.BODY or len(text) > TITLE_MAX_CHARS or ends_with_stop(text):
        return False
    if not text.rstrip(CLOSERS)[-1:].isalpha() and not text.endswith("?"):
        return False
    shown = [b for b in before if b.kind is not Kind.BLANK]
    if len(shown) > 1 and shown[-1].kind is Kind.DATELINE and _closes(shown[-2]):
        shown.pop()  # the closing time of the article before (`_closes`)
    above = shown[-1] if shown else None
    closed = above is not None and (_closing(above) or above.kind is Kind.SIGNATURE)
    return closed and any(_is_body(b) and ends_with_stop(b.text.strip()) for b in before)


def _bare_signature(line: Line) -> bool:
    return line.kind is Kind.SIGNATURE and line.byline is not None and not line.byline.email
