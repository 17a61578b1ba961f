"""Who issued a press release: the public body its head or contact line names.

A release says who sent it above its title (`청솔군 보도자료`), beside its date (`2026. 11.
24.(화) 청솔군 농업정책과`) or on its contact line (`담당: 청솔군 농업정책과 (☎ 063-290-2345)`):
the body right before one of its offices (`issuers.tsv`), or the sender before the kind of
document. That body is the release's outlet when nothing else names one (a release read from
a file had none: a black-box case). Only a release is so named: one the input marks
(`--release`), or a text that opens as one (`opens_as_release`: the kind of document,
`보도자료` in `document_labels.tsv`, first, or under its letterhead and date line) and that no
outlet or reporter signs (`article.extract` decides); a reprint that kept the release's
contact line, or a blog that pasted the release under its own head, is not the county's.
"""

from __future__ import annotations

import re

from newsmoa.extract.boilerplate import is_contact, is_document_label
from newsmoa.extract.datelines import DATETIME_RE, release_day
from newsmoa.extract.lines import Kind, Line
from newsmoa.extract.tables import issuer_endings

_WORD = re.compile(r"[가-힣]+")
_WEEKDAY = re.compile(r"^\s*\(?[월화수목금토일](?:요일)?\)?")


def issuer(lines: list[Line], *, release: bool) -> str | None:
    """The body that issued the release `lines` are, else None (also when `release` is
    False: they are no release)."""
    if not release:
        return None
    at = letterhead(lines)
    if at is not None:
        return lines[at].text.strip()
    for line in lines:
        text = line.text.strip()
        if line.kind is Kind.BODY or not text:
            continue
        if is_document_label(text) or release_day(text) is not None or is_contact(text):
            found = _body_named(text) or _sender(text)
            if found is not None:
                return found
        if line.kind is Kind.DATED and DATETIME_RE.search(text):
            found = _dated_name(text)
            if found is not None:
                return found
    return None


def letterhead(lines: list[Line]) -> int | None:
    """The line that is only the issuer's name, right above or under the kind of document
    (`청솔군` / `보도자료`, as a release's letterhead prints it: it was the release's
    title), else None."""
    shown = [line for line in lines if line.text.strip()]
    for n, line in enumerate(shown):
        if line.kind is Kind.BODY:
            return None
        if not is_document_label(line.text.strip()):
            continue
        for near in shown[max(0, n - 1) : n] + shown[n + 1 : n + 2]:
            if _ends(near.text.strip(), issuer_endings()["body"]) and _one_name(near.text):
                return near.number
    return None


def _one_name(text: str) -> bool:
    return _WORD.fullmatch(text.strip()) is not None and len(text.strip()) <= 15


def _dated_name(text: str) -> str | None:
    """The body named alone before a release's date and weekday (`청솔군 2026.11.24.(화)`,
    its date line under `보도자료`)."""
    name = _undated(text)
    return name if _one_name(name) and _ends(name, issuer_endings()["body"]) else None


def _sender(text: str) -> str | None:
    """The body named beside the kind of document after a bar (`보도자료 | 청솔군`)."""
    if not is_document_label(text):
        return None
    for part in re.split(r"[|·]", text):
        if _one_name(part) and _ends(part.strip(), issuer_endings()["body"]):
            return part.strip()
    return None


def opens_as_release(lines: list[Line]) -> bool:
    """Whether the text opens as a release does: the kind of document (`보도자료`) on its
    first line, or under no more than its letterhead (`청솔군`) and its date line. A blog
    that pasted a release under its own head (`청솔 이야기 블로그 / 2026-11-25 09:12`) holds
    the label lower down, and is no release (a review: it was stored as the county's)."""
    at = letterhead(lines)
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if is_document_label(text) or is_document_label(_undated(text)):
            return True
        if line.number != at and release_day(text) is None:
            return False
    return False


def _undated(text: str) -> str:
    """`text` without its date (and weekday)."""
    m = DATETIME_RE.search(text)
    if m is None:
        return text
    after = _WEEKDAY.sub("", text[m.end() :])
    return f"{text[: m.start()]} {after}".strip()


def _body_named(text: str) -> str | None:
    """The body a release's head or contact line names: a word ending as a body's name does
    right before an office's (`청솔군 농업정책과`) or the kind of document (`청솔군 보도자료`);
    a contact's title after a name (`이현도 주무관`) is no office."""
    endings = issuer_endings()
    bodies, offices, titles = endings["body"], endings["office"], endings["title"]
    words = _WORD.findall(_undated(text))
    for word, after in zip(words, words[1:], strict=False):
        if not _ends(word, bodies) or _ends(word, offices):
            continue
        if is_document_label(after) or (_ends(after, offices) and not after.endswith(titles)):
            return word
    return None


def _ends(word: str, endings: tuple[str, ...]) -> bool:
    return any(word.endswith(e) and len(word) > len(e) for e in endings)
