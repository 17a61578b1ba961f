"""Reads a pasted page line by line and says what each line is.

Both the paste splitter (where does one article end?) and the article extractor (which lines
are body?) work from these labels, so they agree on what a dateline or a byline is.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

from newsmoa.extract import boilerplate, bylines
from newsmoa.extract.datelines import Dateline, find_datelines, release_day, stamp_at
from newsmoa.extract.datelines_en import english_dateline
from newsmoa.extract.tables import caption_marks, credited_words
from newsmoa.text.normalize import CLOSERS

STOPS = ".!?。"  # a sentence's full stops
SENTENCE_ENDS = frozenset("다요죠음함됨임" + STOPS)  # a line ending in one ends a sentence,
# also when closing quotes or brackets follow (`normalize.CLOSERS`)
_DATE_PREFIX_RE = re.compile(r"^\s*(?:19|20)\d\d\s*[./년-]\s*\d{1,2}\s*[./월-]")
# A caption is a few sentences under a photo. A longer line that holds a caption marker is
# an article a crawler flattened into one line, caption first (a 1,073-character article of
# the dev day, "...이유(사진=123rf.com) 75세 이상 노인이 ...", was dropped whole as a caption).
CAPTION_MAX_CHARS = 300


class Kind(Enum):
    BLANK = "blank"
    DATELINE = "dateline"  # a labelled publication/update time, or an English date line
    BYLINE = "byline"  # an outlet marker or byline, maybe followed by body text (`rest`)
    SIGNATURE = "signature"  # a reporter's closing signature
    FURNITURE = "furniture"  # buttons, share lists, a related list's label (`관련기사`)
    CAPTION = "caption"  # a photo or video caption
    COPYRIGHT = "copyright"
    DATED = "dated"  # a short line opening with a bare date (a blog or list header)
    SHORT = "short"  # title-like: short, no sentence ending
    BODY = "body"


class Line(NamedTuple):
    """One line of a page and what it is (a named tuple: 0.2 µs to make, a frozen dataclass
    0.6 µs; an article has dozens of lines)."""

    number: int  # 0-based, in the page
    text: str
    kind: Kind
    datelines: tuple[Dateline, ...] = ()
    byline: bylines.Byline | None = None

    @property
    def headerish(self) -> bool:
        """Could stand in an article's header (title, byline, buttons), not in its body."""
        return self.kind in (
            Kind.DATELINE,
            Kind.BYLINE,
            Kind.FURNITURE,
            Kind.DATED,
            Kind.SHORT,
            Kind.COPYRIGHT,
        ) and not (self.byline and self.byline.rest.strip())


TITLE_MAX_CHARS = 100  # a longer line is never a headline
# ... in Latin letters, 160: an English word takes three Hangul syllables' room (a release's
# `City of Springfield and … Sign Agreement on $12.5 Million Treatment Plant Upgrade`, 108
# characters, was the story's first sentence, and its title a cut of it), when it is written
# in title case as such headlines are (`title_cased`): ECB+ opens documents with long
# sentences in sentence case, and as headlines they cost its test topics .888 -> .884
# pairwise F1
LATIN_TITLE_MAX_CHARS = 160
_HANGUL = re.compile(r"[가-힣]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")  # of four letters or more: `of`, `and` aside
TITLE_CASED = 2 / 3  # of such words capitalised


def title_cased(line: str) -> bool:
    """Whether a line of Latin letters is in title case: `TITLE_CASED` of its words of four
    letters or more begin with a capital (`… Sign Agreement on $12.5 Million …`)."""
    words = _WORD.findall(line)
    return bool(words) and sum(w[0].isupper() for w in words) >= TITLE_CASED * len(words)


def classify(number: int, text: str, *, title_max_chars: int = TITLE_MAX_CHARS) -> Line:
    text = boilerplate.without_end_mark(text)  # (`…편성했다.(끝)`: the sentence was lost)
    stripped = text.strip()
    if not stripped:
        return Line(number, text, Kind.BLANK)
    found = find_datelines(stripped)
    if found:
        return Line(number, text, Kind.DATELINE, tuple(found))
    english = english_dateline(stripped)
    if english is not None:  # `April 28, 2009` on a line of its own
        return Line(number, text, Kind.DATELINE, (english,))
    # a date and time alone, also after its outlet's mark (`[한빛일보] 2024.06.03 11:12`), and a
    # release's date line (`2026.11.24.(화) 보도자료`: the kind of document made it furniture)
    if stamp_at(stripped) is not None or release_day(stripped) is not None:
        return Line(number, text, Kind.DATED)
    if boilerplate.is_tip_line(stripped):  # (after its outlet's mark too: `[광주=뉴시스] …`)
        return Line(number, text, Kind.FURNITURE)
    if boilerplate.is_page_line(stripped):  # `이 기사를 공유합니다`, `Advertisement`
        return Line(number, text, Kind.FURNITURE)
    if boilerplate.is_placeholder(stripped):  # `(사진)`: it was a caption
        return Line(number, text, Kind.FURNITURE)
    lead = bylines.leading_byline(stripped)
    if lead and _marked_photo(lead):  # `[청솔=뉴시스] 청솔군청 전경. (사진=청솔군 제공) …`
        return Line(number, text, Kind.CAPTION)
    if lead:
        return Line(number, text, Kind.BYLINE, byline=lead)
    sig = bylines.signature(stripped)
    if sig:
        return Line(number, text, Kind.SIGNATURE, byline=sig)
    if (
        boilerplate.is_furniture(stripped)
        or boilerplate.is_document_label(stripped)
        or boilerplate.is_related_label(stripped)
        or boilerplate.is_credit_line(stripped)
    ):
        return Line(number, text, Kind.FURNITURE)
    if boilerplate.is_copyright(stripped):
        if _glued_to_body(stripped):
            return Line(number, text, Kind.BODY)
        return Line(number, text, Kind.COPYRIGHT)
    if len(stripped) > title_max_chars and not _HANGUL.search(stripped) and title_cased(stripped):
        title_max_chars = max(title_max_chars, LATIN_TITLE_MAX_CHARS)
    short = len(stripped) <= title_max_chars and not ends_sentence(stripped)
    # (two sentences and what a crawler glued after them, `…열었다. …참석했다. 정하늘 기자`:
    # a brief flattened into one line, not a headline; it was dropped as having no body)
    short = short and len(_BODY_SENTENCE_END.findall(stripped)) < 2
    if len(stripped) <= CAPTION_MAX_CHARS and boilerplate.is_caption(stripped):
        return Line(number, text, Kind.CAPTION)
    if boilerplate.is_release_field(stripped):  # `보도일시: 즉시 보도 가능`, `붙임: …`
        return Line(number, text, Kind.FURNITURE)
    if short and credited_report(stripped):  # (the credit stays out of `Article.text`:
        return Line(number, text, Kind.BODY)  # `flattened.split_tail`)
    if short and boilerplate.trailing_mark(stripped) is not None:
        return Line(number, text, Kind.CAPTION)  # `▲ 준공식 모습 ⓒ 한빛일보`
    if short and _DATE_PREFIX_RE.match(stripped):
        return Line(number, text, Kind.DATED)
    if short and boilerplate.is_contact(stripped):  # a release's contact line
        return Line(number, text, Kind.FURNITURE)
    if short and credited_caption(stripped):  # `…서명하고 있다. /청솔군 제공`
        return Line(number, text, Kind.CAPTION)
    if short and signed_sentence(stripped):  # (… a signature, `…했다. kmj@…`)
        return Line(number, text, Kind.BODY)
    return Line(number, text, Kind.SHORT if short else Kind.BODY)


def _marked_photo(lead: bylines.Byline) -> bool:
    """Whether a wire's marker opens a photo's caption, as the wire marks its photos
    (`[청솔=뉴시스] 청솔군청 전경. (사진=청솔군 제공) 2026.11.24. photo@newsis.com`): a
    caption after it, also under a reporter's marker (`[호남타임스=박준서 기자] 청솔군청
    전경.(사진=청솔군 제공)`, which the lead's repeats: it was the text's first sentence),
    and no report with its photo's credit glued on (`[청솔일보] 청솔군이 준공식을
    열었다.(사진=청솔군 제공)`, a brief). It was a paragraph of the text."""
    rest = lead.rest.strip()
    return (
        bool(rest)
        and len(rest) <= CAPTION_MAX_CHARS
        and boilerplate.is_caption(rest)
        and not _reports(rest)
    )


def _glued_to_body(line: str) -> bool:
    """Whether a short line holding a copyright notice is a brief a crawler flattened into
    one line, its notice glued after its sentences (`…열었다. …참석했다.정하늘 기자
    sky@…[ⓒ 누리신문, 무단전재 및 재배포 금지]`, a feed's summary `… <저작권자 © …>`,
    a one-sentence brief `…준공식을 열었다.ⓒ 한빛일보 무단전재 …`): body, whose notice
    `flattened.split_tail` takes off; read as a notice line, the brief was dropped as having
    no text (black-box cases). A sentence of the notice's own (`본 기사는 저작권법의 보호를
    받습니다. 무단 전재 …`) is the notice's (`boilerplate.notice_start`), and keeps the line
    a notice."""
    before = line[: boilerplate.notice_start(line)].strip()
    return len(before) >= GLUED_SENTENCE_CHARS and _BODY_SENTENCE_END.search(before) is not None


# a sentence's end in Korean: a syllable, its stops, the quotes or brackets that close it
_BODY_SENTENCE_END = re.compile(rf"[\uac00-\ud7a3][{re.escape(STOPS)}]+[{re.escape(CLOSERS)}]*")
GLUED_SENTENCE_CHARS = 20  # shorter, what stands before a notice is no brief's sentence


def credited_report(line: str) -> bool:
    """Whether the (stripped) line is a report's sentences with a photo's credit glued on
    (`…준공식을 열었다. 사진=청솔군 제공`): a brief a crawler flattened, not a headline
    (it was dropped as having no body: a black-box case) nor a caption, which shows what
    happens in the picture (`…서명하고 있다. (사진=청솔군 제공)`, `…청사 전경.`)."""
    end = _reported_end(line)
    if end is None or end < GLUED_SENTENCE_CHARS:
        return False
    return boilerplate.is_photo_credit(line[end:])


# a sentence's last stop and the quotes or brackets closing it
_STOP_END = re.compile(rf"[{re.escape(STOPS)}][{re.escape(CLOSERS)}]*")


def signed_sentence(line: str) -> bool:
    """Whether the (stripped) line is a sentence with its reporter's signature or e-mail
    glued after it (`…편성했다. kmj@yna.co.kr`, `…편성했다. /김민지 기자 kmj@…`, `… Mayor
    Jane Roe said. jroe@…`): the last paragraph, whose signature `flattened.split_tail`
    takes off. No longer ending as a sentence, it was read as a title-like line after the
    body, and lost."""
    if "@" not in line and not any(role in line for role in bylines.ROLE_MARKS):
        return False  # (most lines)
    email = bylines.EMAIL_RE.search(line)  # (the stops before its address, not in it)
    before = line[: email.start() + 1] if email else line  # (`…했다.kmj@…`: the stop)
    end = None
    for end in _STOP_END.finditer(before):  # noqa: B007 (the last one)
        pass
    if end is None or end.start() < GLUED_SENTENCE_CHARS:
        return False
    said = line[end.start() - 1]  # (a Korean sentence ends in its ending: `문의: … 주무관.
    if _HANGUL.match(said) and said not in SENTENCE_ENDS:  # kms@…` is a contact line)
        return False
    tail = line[end.end() :].strip()
    run = bylines.signature_run(tail) if tail else None
    return run is not None and run[1] >= len(tail)


def credited_caption(line: str) -> bool:
    """Whether the (stripped) line is a photo's caption with its credit after its stop
    (`…서명하고 있다. /청솔군 제공`, `…간담회를 하고 있다. 청솔군 제공`, `… 있다. © News1
    박서연 기자`: a photographer's mark and name): it showed what the photo shows, and stayed
    in the text. A report's sentence there (`…열었다. 청솔군 제공`) is a brief's
    (`credited_report`)."""
    if not any(w in line for w in credited_words()):
        return False  # (most lines)
    end = None
    for end in _STOP_END.finditer(line):  # noqa: B007 (the last one)
        pass
    if end is None or not _HANGUL.search(line[: end.start()]) or _reports(line[: end.end()]):
        return False
    tail = line[end.end() :].strip()
    if boilerplate.is_photo_credit(tail):
        return True
    signed = bylines.signature(tail) if tail[:1] in "ⓒⒸ©" else None
    return signed is not None and bool(signed.reporter)


def _reports(line: str) -> bool:
    """Whether a sentence of the line reports (`…열었다.`), not one showing what a photo
    shows (`…서명하고 있다.`, `…청사 전경.`)."""
    return _reported_end(line) is not None


def _reported_end(line: str) -> int | None:
    """Where the line's last sentence ends when it reports (`_reports`), else None."""
    end = None
    for end in _BODY_SENTENCE_END.finditer(line):  # noqa: B007 (the last one)
        pass
    if end is None:
        return None
    said = end.group().rstrip(CLOSERS + STOPS)
    if said[-1] not in _REPORTED or line[: end.start() + 1].endswith("있다"):
        return None
    return end.end()


_REPORTED = frozenset("다요죠")  # how a reporting sentence ends


def marked_caption(text: str) -> bool:
    """Whether a line under the headline, above the body, is a photo's caption by its mark
    (`caption_marks.tsv`: `▲ 지난 3일 청솔군청에서 열린 협약식 모습.`): one mark, a full stop
    closing it. It was the deck, or the lead; a subtitle (`▲ 창업공간 30곳 조성`) has no
    stop, and summary points (`▲ … ▲ …`) more than one mark."""
    marks = caption_marks()
    return (
        text.startswith(marks)
        and sum(text.count(m) for m in marks) == 1
        and ends_with_stop(text)
        and len(text) <= CAPTION_MAX_CHARS
    )


def ends_sentence(line: str) -> bool:
    """Whether the (stripped) line ends like a sentence: 다, 요, ... or . ! ? 。, then maybe
    closing quotes or brackets (str methods: a regular expression searched the whole line)."""
    return line.rstrip(CLOSERS)[-1:] in SENTENCE_ENDS


def ends_with_stop(line: str) -> bool:
    """Whether the (stripped) line ends with a full stop, closing quotes or brackets apart."""
    return line.rstrip(CLOSERS)[-1:] in STOPS


def headline_shaped(line: str) -> bool:
    """Whether the (stripped) line could be a headline: short, without a full stop (a
    related list's item, a headline written as a sentence without its stop)."""
    return len(line) <= TITLE_MAX_CHARS and not ends_with_stop(line)


def classify_all(text: str) -> list[Line]:
    return [classify(i, line) for i, line in enumerate(text.split("\n"))]
