"""A page a crawler flattened into one paragraph: what it glued into the article's text.

A crawl that keeps only the text of the article's container (a CSV of crawled articles, an
archive's dump) loses the line breaks that set the signature, the copyright notice and the
page's script apart from the body:

    ...고 밝혔다.이정우 기자 sisleyj@segye.com[ⓒ 세계일보 & Segye.com, 무단전재 및 재배포 금지]
    ...고 밝혔다.window.googletag = window.googletag || {cmd: []};googletag.cmd.push(...);앞서 ...

glues a photo's caption and credit onto the body's first word:

    ...취임사를 하고 있다. 연합뉴스배성범 신임 서울중앙지검장은 31일 ...

and glues the deck under the headline onto the lead:

    원산서 단거리 탄도미사일 2발 발사 / 고도 30㎞로 절반 낮춰 … 표명\xa0북한이 엿새 만에 …

`lines` knows each of these when it stands on a line of its own; here they are found inside a
paragraph: script anywhere in it (`without_script`), the deck before the lead (`split_deck`),
the caption before the first paragraph's body (`split_head`), a caption between two of the
page's paragraphs (`split_inner`: `...고발됐다.스페인 법정에 출석하는 호날두. 연합뉴스앞서 ...`),
the rest after the body's last sentence (`split_tail`). Korean paragraphs only: script is
told from text by the Hangul around it, a deck by its marks and where its last line broke
(`text.decks`), a caption's end by the body's first word glued to its credit, and the body's
last sentence by its Hangul ending; in other paragraphs nothing is taken.
"""

from __future__ import annotations

import re

from newsmoa.extract.boilerplate import (
    is_page_line,
    is_photo_credit,
    notice_sentences_start,
    notice_start,
    trailing_mark,
)
from newsmoa.extract.bylines import Byline, signature_run
from newsmoa.extract.lines import STOPS, credited_caption, ends_with_stop
from newsmoa.extract.tables import (
    caption_marks,
    credit_patterns,
    photo_credit_cues,
    photo_credit_pattern,
)
from newsmoa.text import decks, quotes
from newsmoa.text.normalize import CLOSERS

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# a page's script runs long (the dev day's ad slots: 400+ characters without Hangul); code an
# article quotes ("코드 if (a) { b(); } 를") is short
_NO_HANGUL_RUN = re.compile(r"[^\uac00-\ud7a3\n]{80,}")
# a sentence's end read backwards: the quotes or brackets that close it, its stops, a Hangul
# syllable
_CLOSING = CLOSERS + "」』"
_SENTENCE_END_BACKWARDS = re.compile(
    rf"[{re.escape(_CLOSING)}]*[{re.escape(STOPS)}]+[\uac00-\ud7a3]"
)
_BEFORE_SCRIPT = f"{STOPS}{_CLOSING} "  # what ends the sentence before a script run


def without_script(paragraph: str) -> str:
    """The paragraph without the inline script a crawler kept (an ad slot's `googletag`
    calls): a run of 80+ characters without Hangul that has code's braces and semicolons."""
    if "{" not in paragraph and "}" not in paragraph:
        return paragraph  # most paragraphs end here
    if not _HANGUL.search(paragraph):
        return paragraph  # not Korean: the whole paragraph is one run
    return _NO_HANGUL_RUN.sub(_blank_if_script, paragraph)


def _blank_if_script(m: re.Match[str]) -> str:
    """A script run as one space, after the stop and quotes that close the sentence before it
    and before what follows the code's last brace, semicolon or parenthesis: the digits or
    Latin word that open the next sentence ("…}); 31일 국회…", "MBC는"), which the run
    took in and dropped with it (a black-box test)."""
    run = m.group()
    braces = run.count("{") + run.count("}")
    if not (braces and ";" in run and braces + run.count(";") + run.count("(") >= 4):
        return run
    code = run.lstrip(_BEFORE_SCRIPT)
    after = run[max(run.rfind(c) for c in "};)") + 1 :].lstrip()
    if _CODE_MARKS.search(after) or len(after) > _WORDS_AFTER_CHARS:
        after = ""  # more code ("gallery_width:700, …//" before a comment in Hangul)
    return f"{run[: len(run) - len(code)].rstrip()} {after}"


# What code holds and the next sentence's start does not ("1.5%p ", "“AI ", "KBS 2TV ",
# "[단독] ", "(서울=연합뉴스) ", "1,500명", "3:1로" are words: a review)
_CODE_MARKS = re.compile(r"[{};]|//|\w\s*:\s*[\"'\w]+\s*,")
_WORDS_AFTER_CHARS = 40


# where the page broke a deck's last line: a no-break space, or a closing quotation mark with
# the lead's first word glued on (`text.decks`; a run of plain spaces was a typo's as often)
_DECK_BREAK = re.compile(r"[ \t]*\xa0[\s\xa0]*|(?<=[”’」』\"'])(?=[\uac00-\ud7a3])")


def split_deck(paragraph: str) -> tuple[str | None, str]:
    """The deck glued before the first paragraph's lead (None when there is none) and the
    paragraph from the lead on (`text.decks`): `…외교역량 발휘 / 北 도발 … 표명\xa0북한이 …`.
    The paragraph is as read (before `tidy`: the no-break space is where the page broke the
    line). A quotation mark closing before a particle or a quotative ending (`‘빈곤’이란`,
    `“…”라며`: `quotes.goes_on`) ends no line, nor does an opening one."""
    head = decks.head(paragraph)
    if decks.last_mark(head) is None:
        return None, paragraph  # (most paragraphs)
    breaks = (
        (m.start(), m.end())
        for m in _DECK_BREAK.finditer(head)
        if m.group() or not (_opening(head, m.start() - 1) or quotes.goes_on(head[m.end() :]))
    )
    found = decks.deck_end(head, breaks)
    if found is None:
        return None, paragraph
    return " ".join(head[: found[0]].split()), paragraph[found[1] :]


def _opening(text: str, at: int) -> bool:
    """Whether the straight quotation mark at `at` opens a quotation (`'눈길'국회가`: the
    second closes it), by the marks of its kind before it: a deck opens one after any mark
    (`불만 표출…'한일 대화 촉구'`), where `quotes.quoted` takes it for an apostrophe; a curly
    one says which it is."""
    mark = text[at]
    return mark in "\"'" and text.count(mark, 0, at + 1) % 2 == 1


_HEAD_CHARS = 200  # a caption is a sentence or two (the dev day's longest: 178 characters)
_CREDIT_CHARS = 60  # a credit's longest
_GLUED = re.compile(r"\.?\s?[\uac00-\ud7a30-9‘“'\"]")  # the body's first word, glued on
# what a word glued to a credit that is no body's start begins with: a particle or a verb's
# ending ("연합뉴스는 ...", "... 제공한 자료"), and 이 (이날, 이번 start bodies; so does the
# particle), which is left alone
_ATTACHED = frozenset("은는이가을를의에와과도로하한할해했된되될받")


def split_head(paragraph: str) -> tuple[str | None, str]:
    """The first paragraph's glued photo caption (None when there is none) and the body after
    it. A credit (`photo_credits.tsv`) with the body's first word glued straight on (at most a
    full stop and one space between) ends the caption, what stands before it, when that reads
    as a caption (`_reads_as_caption`: "…서명하고 있다.", "…청사 전경."), or opens the
    paragraph when it says it is one (`사진=뉴시스`). It runs on any text's first paragraph;
    a lead that starts with a word beginning like a credit ("AP통신은", "KDB산업은행은", "2024.
    5.1.부터") has no caption before it, and is left whole."""
    head = paragraph[: _HEAD_CHARS + _CREDIT_CHARS]
    if not any(cue in head for cue in photo_credit_cues()) or not _HANGUL.search(head):
        return None, paragraph  # (matching the credits at each full stop: ~10 µs each)
    credit = photo_credit_pattern()
    for at in _caption_ends(paragraph):
        caption = paragraph[:at].strip()
        if not (_reads_as_caption(caption) or not caption and paragraph.startswith("사진")):
            continue
        m = credit.match(paragraph, at)
        if m is None:
            continue
        glued = _GLUED.match(paragraph, m.end())
        if glued is None or " " in glued.group() and "." not in glued.group():
            continue  # a space alone: the credit's words may be the body's own
        if paragraph[glued.end() - 1] in _ATTACHED:
            continue
        return caption or None, paragraph[glued.end() - 1 :]
    return None, paragraph


# where a crawler joined two elements: a sentence's stop (and the quotes closing it) with the
# next element's text glued on, no space between (within a paragraph a space follows)
_JOINED = re.compile(
    rf"(?<!\d)[{re.escape(STOPS)}][{re.escape(_CLOSING)}]*(?=[^\s\d{re.escape(STOPS)}])"
)  # (not a point between digits: 0.07%, 2019.7.31)
_INNER_STOP = re.compile(rf"[{re.escape(STOPS)}][{re.escape(_CLOSING)}]*\s")  # a stop, then more


def split_inner(paragraph: str) -> tuple[list[str], str]:
    """The captions a crawler glued inside a paragraph, each between two of the page's
    elements (a photo in the middle of the article), and the paragraph without them.

    A caption is taken where it stands right after a joined stop (`...밝혔다.스페인 ...`), is
    one sentence that reads as a caption, and ends in a credit with the next element's first
    word glued on (`...그의 애인. 연합뉴스앞서 ...`): the checks of `split_head` from that
    point, and a space between the caption and its credit. A caption of several sentences,
    or one that reports ("...시위를 벌였다. AP뉴시스"), stays, as does a paragraph with a
    credit glued on ("...듣고 있다.뉴시스": a photo without a caption may follow a
    paragraph)."""
    if not any(cue in paragraph for cue in photo_credit_cues()):
        return [], paragraph  # (most paragraphs)
    captions: list[str] = []
    parts: list[str] = []
    done = 0
    for m in _JOINED.finditer(paragraph):
        if m.end() < done:
            continue
        after = paragraph[m.end() :]
        caption, rest = split_head(after)
        if rest is after:  # (split_head gives back what it took nothing from)
            continue
        taken = after[: len(after) - len(rest)]
        if caption is None and not taken.startswith("사진"):
            continue
        if (
            caption is not None
            and (
                _INNER_STOP.search(caption)  # several sentences, or elements: body sentences
                or _JOINED.search(caption)  # may be among them
                or not taken[len(caption) : len(caption) + 1].isspace()  # "있다.뉴시스": a credit
            )
        ):  # of its own may follow a paragraph
            continue
        parts.append(paragraph[done : m.end()])
        if caption:
            captions.append(caption)
        done = len(paragraph) - len(rest)
    if not parts:
        return [], paragraph
    return captions, "".join(parts) + paragraph[done:]


def _reads_as_caption(text: str) -> bool:
    """Whether text ending in a full stop ends as a photo's caption does: what the photo shows
    happening ("…서명하고 있다.") or a noun ("…청사 전경.", "호날두."), not a sentence that
    reports ("…고 밝혔다.": the credit-like words after it are the body's)."""
    if not text.endswith("."):
        return False
    last = text[:-1].rstrip(CLOSERS)
    return last.endswith("있다") or last[-1:] not in _FINITE


_FINITE = frozenset("다요죠")  # how a reporting sentence ends


def _caption_ends(paragraph: str) -> list[int]:
    """Where a credit may stand: the start, and after each full stop (and its space) in the
    first `_HEAD_CHARS` characters."""
    out = [0]
    at = paragraph.find(".", 0, _HEAD_CHARS)
    while at != -1:
        nxt = at + 1
        while nxt < len(paragraph) and paragraph[nxt] == " ":
            nxt += 1
        out.append(nxt)
        at = paragraph.find(".", at + 1, _HEAD_CHARS)
    return out


def split_tail(paragraph: str) -> tuple[str, Byline | None]:
    """The last paragraph without what a crawler glued after its last sentence (a copyright
    notice, a photo credit, the reporters' signatures), and the first signature's byline.

    What follows the last sentence is taken only when it reads as a whole: the copyright
    notice to the end (it opens at the first copyright pattern, with its bracket), the credits
    before it (`credits.tsv`), and before those only signatures (`bylines.signature_run`), or
    signatures, the first with its e-mail, and then anything. Text there that is none of
    these stays (a column's "김정호 카이스트 석좌교수"), its notice gone."""
    end = paragraph.rstrip()
    if not end or ends_with_stop(end):
        return paragraph, None  # ends on a sentence: nothing glued (most paragraphs)
    cut = _last_sentence_end(end)
    if cut is None:
        return paragraph, None
    tail = end[cut:]
    noticed = notice_start(tail)
    if noticed < len(tail):  # the notice's own sentences before it go too (`본 기사는 저작권법의
        cut = notice_sentences_start(end, cut)  # 보호를 받습니다. ⓒ …`)
        tail = end[cut:]
        noticed = notice_start(tail)
    rest = tail[:noticed]
    rest = _without_credits(rest).strip()
    if not rest:
        return end[:cut], None
    run = signature_run(rest)
    # after a signature with its e-mail the article is over: what follows is the page's
    # (links to the desk's pages, a video's promotion)
    if run is not None and (run[1] >= len(rest) or run[0].email):
        return end[:cut], run[0]
    if run is None and is_photo_credit(rest):  # (`…열었다. 청솔군 제공`)
        return end[:cut], None
    if len(rest) == len(tail.strip()):
        return paragraph, None
    return f"{end[:cut]} {rest}", None


def split_marked_caption(paragraph: str) -> tuple[str, str | None]:
    """The last paragraph without a marked caption and its photo's credit a crawler glued
    after its last sentence (`…말했다. ▲ 23일 … 서명하고 있다. /청솔군 제공`), and that
    caption (None when there is none). `split_tail` took the credit off and left the
    caption a sentence of the text, no caption of the article. Without its credit the mark
    may open a list's items (`…다음과 같다. ▲ 귀농 지원 ▲ 창업 지원`), which stay."""
    for mark in caption_marks():
        at = paragraph.rfind(mark)
        if at <= 0 or not ends_with_stop(paragraph[:at].rstrip()):
            continue
        caption = paragraph[at:].strip()
        if mark not in caption[len(mark) :] and credited_caption(caption):
            return paragraph[:at].rstrip(), caption
    return paragraph, None


# where a sentence may open: after a stop, the quotes closing it and a space
_SENTENCE_OPENS = re.compile(rf"[{re.escape(STOPS)}][{re.escape(_CLOSING)}]*\s+(?=\S)")
_PAGE_TAIL_CHARS = 200  # a page line is short (`boilerplate.is_page_line`)


def without_page_tail(paragraph: str) -> str:
    """The last paragraph without a page's line glued after its last sentence (`…제공한다.
    ※ 이 기사는 청솔군이 제공한 보도자료를 바탕으로 작성됐습니다.`: `page_lines.tsv`), which
    stayed a sentence of the text; on a line of its own it is left out."""
    window = max(0, len(paragraph) - _PAGE_TAIL_CHARS)
    for m in _SENTENCE_OPENS.finditer(paragraph, window):
        if is_page_line(paragraph[m.end() :].rstrip()):
            return paragraph[: m.end()].rstrip()
    return paragraph


def without_mark(paragraph: str) -> str:
    """The paragraph without a bare copyright mark and name glued after its last sentence
    (`…밝혔다. ⓒ 한빛일보`: a photo's credit between two paragraphs, which stayed in the
    text; `split_tail` reads the last paragraph's as its notice)."""
    at = trailing_mark(paragraph)
    if at is None or not _SENTENCE_END_BACKWARDS.match(paragraph[:at].rstrip()[::-1]):
        return paragraph
    return paragraph[:at].rstrip()


_TAIL_CHARS = 600  # what follows the last sentence once the script is out: a few lines' worth


def _last_sentence_end(text: str) -> int | None:
    """Where the last sentence ends (a Hangul syllable, its stops, the quotes that close
    it), in the last `_TAIL_CHARS` characters: the first match in the window read backwards
    (a forward regular expression over the whole text cost 40 µs an article of the dev day)."""
    window = text[-_TAIL_CHARS:][::-1]
    m = _SENTENCE_END_BACKWARDS.search(window)
    return len(text) - m.start() if m else None


def _without_credits(text: str) -> str:
    while True:
        for p in credit_patterns():
            m = p.search(text)
            if m:
                text = text[: m.start()]
                break
        else:
            return text
