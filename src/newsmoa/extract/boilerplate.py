"""Page furniture that is not article text: buttons, share lists, copyright lines, captions."""

from __future__ import annotations

import re

from newsmoa.extract.tables import (
    boilerplate_words,
    caption_patterns,
    contact_words,
    copyright_patterns,
    credit_lines,
    credit_patterns,
    credited_words,
    document_labels,
    end_mark_pattern,
    notice_sentence_pattern,
    page_line_patterns,
    photo_credit_pattern,
    placeholders,
    related_labels,
    release_fields,
    tip_patterns,
)
from newsmoa.text.bullets import BULLETS
from newsmoa.text.normalize import CLOSERS

# a Korean telephone number (063-290-2034, 02-123-4567, 1588-1234): a release's contact line
_PHONE = re.compile(
    r"(?<!\d)(?:0\d{1,2}[-.)\s]\s?\d{3,4}[-.\s]\d{4}|1[5-9]\d\d-\d{4}"
    r"|\(?\d{3}\)?[-.\s]?\d{3}-\d{4})(?!\d)"  # (503) 555-0101
)


def is_furniture(line: str, *, min_share: float = 0.6) -> bool:
    """True for a line made mostly of button and share-list words (`폰트키우기 ... 신고하기`)."""
    if len(line) > 200:
        return False
    tokens = _tokens(line)
    if not tokens:
        return False
    words = boilerplate_words()
    n = len(tokens)
    hits = 0
    for i, t in enumerate(tokens, start=1):
        if t.lower() in words:
            hits += 1
        elif (hits + n - i) / n < min_share:  # even if every token left were a word
            return False
    return hits >= 2 and hits / n >= min_share


def _tokens(line: str) -> list[str]:
    """The runs of characters other than whitespace and `|/·,` (what `[^\\s|/·,]+` finds;
    str.split breaks at exactly what \\s matches)."""
    for sep in "|/·,":
        if sep in line:
            line = line.replace(sep, " ")
    return line.split()


def is_copyright(line: str, *, max_chars: int = 160) -> bool:
    return len(line) <= max_chars and any(p.search(line) for p in copyright_patterns())


def notice_start(text: str) -> int:
    """Where a copyright notice opens in `text`, with the bracket or mark before its first
    pattern and the notice's own sentences before those (`본 기사는 저작권법의 보호를
    받습니다. 무단 전재 …`: `notice_sentences.tsv`); its length when none does."""
    starts = [m.start() for p in copyright_patterns() if (m := p.search(text))]
    if not starts:
        return len(text)
    at = min(starts)
    while at > 0 and text[at - 1] in _NOTICE_OPENERS:
        at -= 1
    return notice_sentences_start(text, at)


def notice_sentences_start(text: str, at: int) -> int:
    """Where the sentences right before `at` that are a copyright notice's own begin (`at`
    when the one before it is none)."""
    while (before := _SENTENCE_BEFORE.search(text, 0, at)) is not None:
        if not notice_sentence_pattern().search(before["sentence"]):
            break
        at = before.start("sentence")
        while at > 0 and text[at - 1] in " \t":
            at -= 1
    return at


_NOTICE_OPENERS = " \t[(<【《〈ⓒⒸ©"
# the sentence right before a point: after the previous stop (or the start), up to its own
_SENTENCE_BEFORE = re.compile(
    rf"(?:^|(?<=[.!?。]))\s*(?P<sentence>[^.!?。]+[.!?。]+[{re.escape(CLOSERS)}]*)\s*$"
)


def trailing_mark(text: str) -> int | None:
    """Where a bare copyright mark and a name end `text` after other words (`…밝혔다.
    ⓒ 한빛일보`, `▲ 준공식 모습 ⓒ 한빛일보`): a photo's credit or the page's notice
    glued on; None when none does."""
    if "ⓒ" not in text and "Ⓒ" not in text and "©" not in text:
        return None  # (most lines)
    m = _TRAILING_MARK.search(text)
    return m.start() if m and m.start() > 0 else None


_TRAILING_MARK = re.compile(
    r"\s*[\[(<]?\s*[ⓒⒸ©]\s*[가-힣A-Za-z0-9]+(?:\s?[가-힣A-Za-z0-9]+)?\s*[\])>]?\s*$"
)


def is_photo_credit(text: str) -> bool:
    """Whether `text` is only a photo's credit, maybe in brackets (`사진=청솔군 제공`,
    `(사진=연합뉴스)`, `청솔군 제공`, `연합뉴스`, `ⓒ 청솔군`: `credits.tsv`,
    `photo_credits.tsv`)."""
    text = text.strip()
    if not text or len(text) > _CREDIT_CHARS:
        return False
    if _TRAILING_MARK.fullmatch(text) or any(p.match(text) for p in credit_patterns()):
        return True
    return photo_credit_pattern().fullmatch(text.strip(_CREDIT_BRACKETS)) is not None


_CREDIT_CHARS = 60
_CREDIT_BRACKETS = " ()[]<>【】/"


def credit_alone(line: str) -> bool:
    """Whether a short line is only a photo's credit, with a credit's word in it
    (`credited_words.tsv`: `청솔군 제공`, `/청솔군 제공`, `사진=김민수 기자`; a bare outlet's
    name, `연합뉴스`, may close the text otherwise)."""
    return is_photo_credit(line) and any(w in line for w in credited_words())


def without_end_mark(line: str) -> str:
    """The line without a wire's end mark closing it (`…편성했다.(끝)`, `kmj@yna.co.kr
    (끝)`, `(END)` alone: `end_marks.tsv`), as it is when none does."""
    if not line.rstrip().endswith((")", ">", "]")):
        return line  # (most lines)
    m = end_mark_pattern().search(line)
    return line[: m.start()] if m else line


def is_tip_line(line: str, *, max_chars: int = 160) -> bool:
    """An outlet's call for tips (`tip_lines.tsv`: `… 소중한 제보를 기다립니다`)."""
    return len(line) <= max_chars and any(p.search(line) for p in tip_patterns())


def is_page_line(line: str, *, max_chars: int = 200) -> bool:
    """A line the page sets around or inside the text (`page_lines.tsv`: `이 기사를
    공유합니다`, `Advertisement`, a newsletter's sign-up, `Jane Roe can be reached at …`)."""
    return len(line) <= max_chars and any(p.match(line) for p in page_line_patterns())


_PLACEHOLDER = re.compile(
    r"\s*[(<\[［〈【]\s*(?P<word>[^()<>\[\]［］〈〉【】\d]{1,12}?)\s*\d*\s*[)>\]］〉】]\s*"
)


def is_placeholder(line: str) -> bool:
    """Whether the line only stands for a picture that was there (`(사진)`, `<사진>`, `[사진
    첨부]`, `<사진1>`: `placeholders.tsv`): no sentence of the text, nor a caption."""
    m = _PLACEHOLDER.fullmatch(line)
    return m is not None and "".join(m["word"].lower().split()) in placeholders()


def is_caption(paragraph: str) -> bool:
    return any(p.search(paragraph) for p in caption_patterns())


def is_document_label(line: str) -> bool:
    """A line that only names the kind of document below it (`보도자료`, `Press release`),
    maybe after its sender (`청솔군 보도자료`)."""
    if len(line) > 40:
        return False
    labels = document_labels()
    parts = [p.strip() for p in _BAR.split(line) if p.strip()]
    if len(parts) > 1:  # ... or its sender after a bar (`보도자료 | 청솔군`: it was the title)
        named = [p for p in parts if not is_document_label(p)]
        return len(named) < len(parts) and all(len(p.split()) <= 2 for p in named)
    key = "".join(line.lower().split()).strip("[]<>()")
    return key in labels or (len(key) <= 20 and key.endswith(labels))


_BAR = re.compile(r"[|·]")


def is_related_label(line: str) -> bool:
    """A line that only labels a list of related articles (`related_labels.tsv`: `관련기사`,
    `▶ 관련 기사`, `[관련기사]`, `Related articles:`)."""
    if len(line) > 40:
        return False
    key = "".join(_LABEL_MARKS.sub(" ", line.lower()).split())
    return key in related_labels()


# what decorates a label: brackets, arrows and bullets, a colon
_LABEL_MARKS = re.compile(rf"[\[\]<>()〈〉《》【】{re.escape(BULLETS)}:：\-]")


def is_contact(line: str) -> bool:
    """A short line giving a telephone number with a contact word (a release's `홍보팀 |
    담당 … 063-290-2034`; `contact_words.tsv`): not a headline naming a number (`'1588-1234'
    사칭 스미싱 문자 기승`, a review); the caller asks only of lines that end no sentence."""
    if len(line) > 120:
        return False
    lower = line.lower()
    if _PHONE.search(line) is None:  # `담당부서: 문화체육과`, `Media contact: Jane Roe`
        head, colon, _ = lower.partition(":")
        return bool(colon) and len(head) <= 15 and head.strip().startswith(contact_words())
    return any(word in lower for word in contact_words())


_FIELD = re.compile(r"\s*[□■○●◇◆※*-]?\s*(?P<label>[가-힣 ]{1,8}?)\s*[:：]")
FIELD_MAX_CHARS = 80  # a field's line: its label and a few words (`붙임: 협약식 사진 2매. 끝.`)


def is_release_field(line: str) -> bool:
    """A press release's field on its line, its label before a colon (`보도일시: 즉시 보도
    가능`, `사진: 있음 (2매)`, `붙임: 협약식 사진 2매. 끝.`: `release_fields.tsv`): no headline
    nor sentence of the release; a photo's credit so labelled (`사진: 청솔군 제공`) is none."""
    if len(line) > FIELD_MAX_CHARS:
        return False
    m = _FIELD.match(line)
    if m is None or "".join(m["label"].split()) not in release_fields():
        return False
    value = line[m.end() :].strip()  # (a photo's credit so labelled, `사진: 청솔군 제공`, is one)
    return not (is_photo_credit(value) or value.endswith(credited_words()))


def is_credit_line(line: str) -> bool:
    """A wire's credit line, in brackets or not (`(Reporting by Jane Doe; Editing by Mark
    Roe)`): not a headline (in a paste it became the next article's: a black-box case)."""
    inner = line.strip()
    if len(inner) > 200:
        return False
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1]
    return inner.lower().startswith(credit_lines())
