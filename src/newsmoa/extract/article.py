"""RawItem -> Article: title, outlet, time, reporter, captions apart, boilerplate out.

The body paragraphs, cleaned, joined by one newline, become `Article.text`: the text that
every offset the product shows points into. Returns `Dropped` (with its reason) when there is
no article here; the pipeline counts it and goes on. A breaking-news flash, a text that is its
headline and marks only (a copyright notice, a byline: `flash.is_flash`), is an article with
an empty text when the input names that headline as its title (a JSONL or CSV field, a feed
entry). Any other text without a body (a login page, a paywall notice) is dropped.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from newsmoa import settings
from newsmoa.extract.boilerplate import (
    credit_alone,
    is_related_label,
    notice_start,
)
from newsmoa.extract.bylines import (
    WIRE_LEAD_RE,
    Byline,
    bare_notice_holder,
    copyright_outlet,
    leading_byline,
    outlet_from_email,
    signature,
)
from newsmoa.extract.datelines import (
    DATETIME_RE,
    SEOUL,
    Dateline,
    parse_datetime,
    published_dateline,
    release_day,
)
from newsmoa.extract.datelines import stamp as stamp_of  # (`stamp`: the time it gives)
from newsmoa.extract.datelines_en import english_dateline
from newsmoa.extract.flash import is_flash, notice
from newsmoa.extract.flattened import (
    split_deck,
    split_head,
    split_inner,
    split_marked_caption,
    split_tail,
    without_mark,
    without_page_tail,
    without_script,
)
from newsmoa.extract.html import html_to_text
from newsmoa.extract.issuers import issuer, letterhead, opens_as_release
from newsmoa.extract.lines import (
    TITLE_MAX_CHARS,
    Kind,
    Line,
    classify_all,
    credited_report,
    ends_sentence,
    ends_with_stop,
    headline_shaped,
    marked_caption,
)
from newsmoa.extract.mastheads import (
    is_breadcrumb,
    is_section_label,
    masthead,
    section_tagged,
    site_titled,
)
from newsmoa.extract.tables import (
    dateline_labels,
    list_intros,
    masthead_words,
    outlets,
    reporter_labels,
    staff_pattern,
)
from newsmoa.extract.urls import url_key
from newsmoa.extract.wrapped import unwrap
from newsmoa.extract.zones import article_zone
from newsmoa.text.normalize import (
    CLOSERS,
    comparison_key,
    has_control,
    key_length_at_least,
    printable,
    text_id,
    tidy,
)
from newsmoa.text.script import has_hangul
from newsmoa.types import Article, RawItem, is_day

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    min_body_chars: int = 20
    # a long feature runs to 20,000 characters; a text 10 times that is a dump or a book,
    # which analysis would take minutes over (Kiwi: ~50 s a megabyte) inside one batch
    max_text_chars: int = 200_000
    tz: str = "Asia/Seoul"  # times without a zone in a text that does not say where it is
    # from (`zones.article_zone`; the setting `tz`, NEWSMOA_TZ)
    korean_tz: str = "Asia/Seoul"  # ... in a Korean text

    @classmethod
    def from_settings(cls) -> ExtractConfig:
        """The configuration the user's settings give (`tz`: NEWSMOA_TZ, or `--tz`)."""
        return cls(tz=settings.zone().key)


@dataclass(frozen=True, slots=True)
class Dropped:
    origin: str
    reason: str


def extract(raw: RawItem, *, config: ExtractConfig | None = None) -> Article | Dropped:
    """The article in `raw`, or why there is none; `config` None: the user's settings'
    (`ExtractConfig.from_settings`), as the pipeline's worker processes read them."""
    config = config or ExtractConfig.from_settings()
    raw = _printable(raw)
    text, hints = unwrap(raw.text or "", titled=bool(raw.title)), dict[str, Any]()
    if raw.html:
        text, hints = html_to_text(raw.html, url=raw.url)
    if not text.strip():
        return Dropped(raw.origin, "empty")
    if why := hints.get("not_article"):  # a site's section page (`html.declared_listing`)
        return Dropped(raw.origin, why)
    if len(text) > config.max_text_chars:
        return Dropped(
            raw.origin, f"text over {config.max_text_chars:,} characters: not one article"
        )
    lines = classify_all(text)
    if (head := letterhead(lines)) is not None:  # (`청솔군` over `보도자료`: not the title)
        lines[head] = lines[head]._replace(kind=Kind.FURNITURE)
    found = article_zone(lines, default=ZoneInfo(config.tz), korean=ZoneInfo(config.korean_tz))
    tz = found.zone
    parts = _read_lines(lines, titled=bool(raw.title), tz=tz)
    if not key_length_at_least(parts.paragraphs or (), config.min_body_chars) and (
        credited := _credited_briefs(lines)
    ):
        parts = _read_lines(credited, titled=bool(raw.title), tz=tz)
    if not key_length_at_least(parts.paragraphs or (), config.min_body_chars):
        if not (raw.title and is_flash(lines, raw.title)):
            return Dropped(raw.origin, "no body text")
        parts.paragraphs, parts.title, parts.subtitle = [], None, None  # a flash: no body
        parts.deck = None
    # the headline again atop the body (a page's <h1> in trafilatura's text: the story
    # showed it as a sentence)
    headline = raw.title or parts.title or hints.get("title")
    # a title with its site's name after it (`… - 청솔일보`, `… : 네이버 뉴스`): the headline,
    # and the outlet it names
    sited = site_titled(" ".join(headline.split())) if headline else None
    headline = sited[0] if sited else headline
    paragraphs = parts.paragraphs
    if headline and len(paragraphs) > 1 and _same(paragraphs[0], headline):
        parts.paragraphs = paragraphs[1:]
    elif headline and paragraphs and (lead := _after_headline(paragraphs[0], headline)):
        parts.paragraphs = [lead, *paragraphs[1:]]
    body = "\n".join(parts.paragraphs)
    # (a date given without a time, in a field or the text, is the day alone: `day_only`)
    published, day_only = (
        published_given(raw.published, tz)
        or published_given(hints.get("dateline"), tz)  # the page's, under its headline
        or ((parts.published, parts.day_only) if parts.published else None)
        or published_given(hints.get("published"), tz)  # a page's dateline (`html.py`)
        or published_given(hints.get("date"), tz)
        or (None, False)
    )
    if published is not None and found.stated and not day_only:  # (its offset: its day)
        published = published.astimezone(tz)
    named = (
        (outlets().canonical(raw.outlet) or raw.outlet if raw.outlet else None)
        # the outlet a clipping's stamp names above or under its headline (`[한빛일보]
        # 2024.06.03 09:30`: the article had none, a black-box case)
        or parts.stamped
        or parts.publisher  # a reprint's holder, not the wire its dateline names
        or hints.get("publisher")  # ... as a page's copyright notice names it
        or _fuller(parts.outlet, parts.masthead)
        or (outlets().from_host(urlparse(raw.url).hostname or "") if raw.url else None)
        or outlet_from_email(parts.email)
        or parts.masthead  # the page's name above its headline, in a text copied from it
        or (sited[1] if sited else None)  # ... after it, in its title (`… - 청솔일보`)
        # a bare mark and name closing the text: the text's notice, or a photo's credit,
        # which the dateline, the page's address or the reporter's e-mail outrank (a review:
        # `ⓒ 연합뉴스` under a 뉴스영월 report made it 연합뉴스's)
        or parts.closing
        or hints.get("sitename")
    )
    # a text that opens as a press release (`보도자료` first, or under its letterhead and
    # date line) and that no outlet or reporter signs is one, marked or not: read without
    # `--release`, a county's day-only release came last of its day, its 13:40 reprint
    # first, and was scored as that reprint's copy
    is_release = raw.is_release or (
        named is None and not parts.reporter and opens_as_release(lines)
    )
    outlet = (
        named
        # a release's issuer, as its head or contact line names it (`청솔군 농업정책과`)
        or issuer(lines, release=is_release)
        or raw.source_name  # a feed's own name, last (an aggregator's)
    )
    title = headline or _fallback_title(parts.paragraphs)
    title = " ".join(title.split())  # a headline is one line (a JSONL one may break)
    return Article(
        id=raw.id
        or (url_key(raw.url) if raw.url else None)
        or text_id(body or _flash_name(title, lines, raw.outlet, published, tz)),
        text=body,
        title=tidy(title),
        outlet=outlet,
        published=published,
        day_only=day_only,
        reporter=parts.reporter
        or _fed_author(raw)  # a feed entry's, when the text signs with no name
        or hints.get("reporter")
        or _author(hints.get("author")),
        email=parts.email or raw.email or hints.get("email"),
        url=raw.url,
        subtitle=parts.subtitle,
        deck=parts.deck,
        captions=_with_page_captions(parts.captions, hints.get("captions"), body),
        origin=raw.origin,
        is_release=is_release,
        dateline_place=parts.place,
    )


def _signed_stamp(text: str, tz: ZoneInfo) -> tuple[datetime, Byline] | None:
    """The date and time opening a line above the body and the reporter signing after it
    (`2026년 03월 12일 (목) 09:30:15 김민지 기자 minji@…`, `2026.03.12 09:30 | 김민지
    기자`, as older sites' templates write them): the article was undated and unsigned."""
    m = DATETIME_RE.match(text.strip())
    if m is None or m["H"] is None:
        return None
    signed = signature(text.strip()[m.end() :].strip(" |·/"))
    when = parse_datetime(m.group(), tz=tz)
    if signed is None or not signed.reporter or when is None:
        return None
    return when, signed


def _credited_briefs(lines: list[Line]) -> list[Line] | None:
    """`lines` with the captions that report (`…준공식을 열었다.(사진=청솔군 제공)`:
    `lines.credited_report`) read as body, for a text without other body: a brief a crawler
    glued its photo's credit onto, which was dropped as a caption (a black-box case). None
    when there is no such caption. In a text with a body such a line is a photo's caption."""
    found = [
        line._replace(kind=Kind.BODY)
        if line.kind is Kind.CAPTION and credited_report(line.text.strip())
        else line
        for line in lines
    ]
    return found if any(a is not b for a, b in zip(found, lines, strict=True)) else None


def _printable(raw: RawItem) -> RawItem:
    """`raw` with no control character in what it says (`normalize.printable`); its id and
    URL stay as given: they name an article, stored or not, and are never shown as text."""
    said = (raw.text, raw.html, raw.outlet, raw.title, raw.published, raw.source_name) + (
        raw.reporter,
        raw.email,
    )
    if not any(v and has_control(v) for v in said) and not (raw.html and "&#" in raw.html):
        return raw  # nearly every item: a scan of each field, no copy
    return replace(
        raw,
        text=_printable_or_none(raw.text),
        html=_CONTROL_REF.sub("", printable(raw.html)) if raw.html is not None else None,
        outlet=_printable_or_none(raw.outlet),
        title=_printable_or_none(raw.title),
        published=_printable_or_none(raw.published),
        source_name=_printable_or_none(raw.source_name),
        reporter=_printable_or_none(raw.reporter),
        email=_printable_or_none(raw.email),
    )


# A control character written as a character reference (`&#8;`): the parser makes it the
# character, and trafilatura then dropped the whole page as empty (a review)
_CONTROL_REF = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01]|127)|[xX]0*(?:[0-8bcefBCEF]|1[\da-fA-F]|7[fF]));"
)


def _printable_or_none(value: str | None) -> str | None:
    return None if value is None else printable(value)


def _author(named: str | None) -> str | None:
    """A page's author as its byline names them (`박민수 기자` -> `박민수`), as a text's
    signature gives the reporter; another form as it is."""
    if not named:
        return None
    # the page's author metadata joins a byline's parts with ";" (`박도현 기자 | 입력 2024…`
    # became `박도현 기자; 입력`: a black-box case): the reporter is the part that signs
    parts = [p.strip() for p in re.split(r"[;|]", named) if p.strip()]
    for part in parts:
        signed = signature(part)
        if signed is not None and signed.reporter:
            return signed.reporter
    kept = [p for p in parts if not _dateline_word(p)]
    return "; ".join(kept) if kept else None


def _with_page_captions(read: list[str], page: list[str] | None, body: str) -> tuple[str, ...]:
    """The captions read in the text, then the page's figures' (`html.figure_captions`)
    that are neither among them nor in the body."""
    return tuple(read) + tuple(c for c in page or () if c not in read and c not in body)


def _fed_author(raw: RawItem) -> str | None:
    """The reporter a feed entry's author names (`홍길동 기자` -> `홍길동`, `Jane Roe`); None
    when it is the outlet's name (`<dc:creator>청솔일보</dc:creator>`, as many sites fill it)."""
    if not raw.reporter:
        return None
    written = raw.reporter.strip()
    table = outlets()
    if written in (raw.outlet, raw.source_name) or table.names_one(written):
        return None
    if has_hangul(written) and table.canonical(written):  # (`…일보`, `…뉴스`: no one's name)
        return None
    byline = leading_byline(written)  # `By Jane Roe`, `Jane Roe, Staff Writer`
    if byline is not None and byline.reporter:
        return byline.reporter
    # a desk, an account or an outlet's staff (`편집국`, `청솔일보 편집부`, `admin`,
    # `Haesol Ledger Staff`: `reporter_labels.tsv`'s words that name no one)
    not_names, words = reporter_labels()[1], written.split()
    if written.lower() in not_names or all(w in not_names or table.canonical(w) for w in words):
        return None
    if not has_hangul(written) and (not written[:1].isupper() or staff_pattern().search(written)):
        return None
    return _author(written)


def _unlabelled(before: str) -> str:
    """What stands before a dateline's date on its line less the dateline's label
    (`기자명 김민지 기자   입력 `: the label kept the signature before it unread, and the
    article unsigned)."""
    words = before.split()
    while words and (words[-1].rstrip(":：") in dateline_labels() or words[-1] in ":："):
        words.pop()
    return " ".join(words) if len(words) < len(before.split()) else before


def _dateline_word(part: str) -> bool:
    """A dateline's label or date standing where a name was expected (`입력`, `2024.05.20`)."""
    return any(c.isdigit() for c in part) or part in dateline_labels()


def _flash_name(
    title: str, lines: list[Line], outlet: str | None, published: datetime | None, tz: ZoneInfo
) -> str:
    """What names a flash without an id or url: its headline, its notice lines' words (which
    differ between outlets: `flash.notice`), the outlet the input names (not one a byline
    gives, which a page read again may add) and the day it was published where
    `ExtractConfig.tz` says: a headline alone repeats ("[속보] 코스피 개장" every morning, one
    wire flash at two outlets). Its dateline and byline are left out, so a page read again
    with an update time names the same flash; as with any article without an id, a
    corrected headline names another."""
    day = published.astimezone(tz).date().isoformat() if published else ""
    named = (outlets().canonical(outlet) or outlet.strip()) if outlet else ""
    return f"{tidy(title)}\n{notice(lines)}\n{named}\n{day}"


def extract_article(raw: RawItem, *, config: ExtractConfig | None = None) -> Article | None:
    """`extract`, with None (logged) for "nothing here"."""
    got = extract(raw, config=config)
    if isinstance(got, Dropped):
        log.info("%s: dropped: %s", got.origin, got.reason)
        return None
    return got


_NOTICE_CHARS = 200  # the end of a flattened text, where a glued copyright notice stands


@dataclass(slots=True)
class _Parts:
    title: str | None = None
    subtitle: str | None = None
    deck: str | None = None  # the lines under the headline, glued onto the lead
    outlet: str | None = None
    publisher: str | None = None  # the holder a copyright notice names (`copyright_outlet`)
    closing: str | None = None  # ... a bare one closing the text (`ⓒ 연합뉴스`): weaker
    masthead: str | None = None  # the outlet a page's name above the headline names
    stamped: str | None = None  # ... its stamp's mark names (`[한빛일보] 2024.06.03 11:12`)
    reporter: str | None = None
    email: str | None = None
    place: str | None = None  # the town its dateline files from (`(완주=연합뉴스)`: 완주)
    published: datetime | None = None
    day_only: bool = False  # ... given as a date alone (`March 13, 2026`, `입력 2019.07.31`)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    reported: bool = False  # the report has begun under a byline (`(완주=뉴스1) … =`, a wire lead)


def _read_lines(lines: list[Line], *, titled: bool = False, tz: ZoneInfo = SEOUL) -> _Parts:
    parts = _Parts()
    heads: list[str] = []
    datelines: list[Dateline] = []
    in_body = False
    stamp: datetime | None = None
    stamp_timed = False  # whether the stamp wrote a time with its date
    # whether the stamp names whose it is: a blog's own date line names no one, and the
    # clipping it pasted under it, stamped `[청솔일보] 2026-11-24 15:20`, is dated by its own
    stamp_named = True
    # a stamp under the body (`[뉴스1] 2024.06.03 13:20` closing a clipping): its time and
    # outlet, when no date stands above (such a clipping was undated: a black-box case)
    foot: tuple[datetime | None, str | None, bool] | None = None
    lead_day: date | None = None  # a wire lead's (`SEOUL, Aug. 2, 2019 (Yonhap) --`)
    lead_at: Dateline | None = None  # ... a byline's day and time (`Submitted by … - 16:05`)
    trailing: list[str] = []  # short lines after the body: kept only if more body follows
    listed: list[str] = []  # ... the ones right after it, nothing else between
    listing = False  # whether a short line now is right after the body
    related = False  # whether the lines now are a related list's (`관련기사` and its items)
    # whether the one paragraph read is above a byline or dateline: a standfirst, if body follows
    standfirst = False
    for n, line in enumerate(lines):
        text = tidy(line.text)
        kind = line.kind
        if (
            kind is Kind.BODY
            and not (in_body or titled)
            and all(map(_furniture, heads))  # (none, or a copied page's masthead, breadcrumb)
            and _headline_first(lines, n)
        ):
            kind = Kind.SHORT
        if (
            kind is Kind.CAPTION
            and not (in_body or titled)
            and section_tagged(text)
            and headline_shaped(text)
            and all(seen.kind in (Kind.BLANK, Kind.FURNITURE) for seen in lines[:n])
        ):
            kind = Kind.SHORT  # `[포토] 헤드라인` opening a photo report: its headline
        head = not in_body and bool(heads or titled)  # under the headline, above the body
        if (
            kind in (Kind.BODY, Kind.SHORT)
            and (head or (in_body and _credited_below(lines, n)))
            and marked_caption(text)
        ):
            kind = Kind.CAPTION  # `▲ 지난 3일 … 협약식 모습.`; in the body, over its credit
        if kind is Kind.DATELINE and in_body and _timeline(line, parts, bool(datelines or stamp)):
            kind = Kind.SHORT  # `December 11, 2008` in the body: a timeline's, kept
        if related:  # the headlines a related list's label heads are no text, nor the list's
            if kind is Kind.BLANK or (kind in (Kind.SHORT, Kind.BODY) and headline_shaped(text)):
                continue  # items when more body follows (`관련기사` / `- 청솔군 축제 개막`)
            related = False
        if kind is Kind.FURNITURE and in_body and is_related_label(text):
            related = True
        standfirst = standfirst or _standfirst(kind, line, parts, heads, in_body, trailing)
        if kind is Kind.DATELINE:
            datelines.extend(d.in_zone(tz) for d in line.datelines)
            # a reporter signing before the dateline on its line (`박도현 기자 | 입력 …`), or
            # after it (`March 12, 2026 | Jane Roe`: it was the subtitle, the article undated)
            stripped = line.text.strip()
            before = stripped[: line.datelines[0].start]
            after = stripped[line.datelines[-1].end :].strip(" |·")
            for part in re.split(r"[|·]", after) if after and not in_body else ():
                # ... or the page's name (`입력 2026.11.24 15:20 | 청솔일보`: it was lost)
                part = part.strip(" ,")
                if name := masthead(part, dated=True):
                    parts.masthead = parts.masthead or name
                    continue  # (`| Cheongsol Times` named the reporter `Cheongsol Times`)
                signed = signature(part) or _by_line(part) or _by_line(f"By {part}")
                if signed is not None:  # (`입력 … | 김민지 기자` signed no one)
                    parts.reporter = parts.reporter or signed.reporter
                    parts.email = parts.email or signed.email
                    parts.outlet = parts.outlet or signed.outlet
            for part in re.split(r"[|·]", _unlabelled(before)) if not in_body else ():
                # ... or the page's name (`Illinois Times | March 6, 2024`)
                parts.masthead = parts.masthead or masthead(part.strip(" ,"), dated=True)
                signed = signature(part.strip()) or _by_line(part.strip())
                if signed is not None and signed.reporter:
                    parts.reporter = parts.reporter or signed.reporter
                    parts.email = parts.email or signed.email
                    parts.outlet = parts.outlet or signed.outlet  # (`충청저널 윤가람 기자 |`)
                    break
        elif kind in (Kind.BYLINE, Kind.SIGNATURE):
            b = line.byline
            assert b is not None
            parts.outlet = parts.outlet or b.outlet
            parts.reporter = parts.reporter or b.reporter
            parts.email = parts.email or b.email
            parts.place = parts.place or b.place
            lead_day = lead_day or b.day
            lead_at = lead_at or b.posted
            stamped_rest = stamp_of(b.rest.strip()) if b.rest.strip() and not in_body else None
            if stamped_rest is not None:  # `(청솔=뉴스1) 김민지 기자 | 2026-11-24 15:20 송고`:
                at = b.rest.strip()[stamped_rest.at :]  # it was the lead, undated
                if stamp is None:
                    stamp, stamp_timed = parse_datetime(at, tz=tz), _timed(at)
                parts.reporter = parts.reporter or stamped_rest.reporter
                parts.stamped = parts.stamped or stamped_rest.outlet
            elif not (in_body or heads or titled) and _marked_headline(b, lines, n):
                heads.append(tidy(b.rest))  # `[청솔일보] 청솔군, 귀농인 지원 확대` atop the text
            elif b.rest.strip():
                _keep_standfirst(parts, standfirst)
                standfirst = False
                parts.paragraphs.extend(trailing)
                trailing.clear()
                parts.paragraphs.append(_without_script(tidy(b.rest)))
                parts.reported, foot = True, None
                in_body, listed, listing = True, [], True
                continue
        elif kind is Kind.DATED:
            found = stamp_of(text) if stamp is None or not stamp_named else None
            named = found is not None and bool(found.at or found.outlet or found.reporter)
            if found is not None and stamp is not None and not named:
                found = None  # (a second stamp naming no one: the first stands)
            if found is not None and not in_body:  # a line that is only a date and time,
                stamp_named = named
                stamp = parse_datetime(text[found.at :], tz=tz)  # maybe after a mark
                parts.stamped = found.outlet  # (`[한빛일보] 2024.06.03`: its outlet)
                parts.reporter = parts.reporter or found.reporter  # (`[…=한도윤 기자] …`)
                parts.place = parts.place or found.place  # (`[서울=뉴시스] 2024.06.03`)
                stamp_timed = _timed(text[found.at :])
            elif found is not None:  # ... under the body: the clipping's, if no body follows
                at = text[found.at :]
                foot = (parse_datetime(at, tz=tz), found.outlet, _timed(at))
            elif stamp is None and not in_body and (stamped := _signed_stamp(text, tz)):
                stamp, b = stamped  # `2026년 03월 12일 (목) 09:30:15 김민지 기자 minji@…`
                stamp_timed = True  # (`_signed_stamp` takes only a date with its time)
                parts.reporter = parts.reporter or b.reporter
                parts.email = parts.email or b.email
                parts.outlet = parts.outlet or b.outlet
            elif stamp is None and not in_body and (day := release_day(text, tz=tz)):
                stamp, stamp_timed = day.when, day.timed  # `2026. 11. 24.(화) 배포`
                parts.stamped = outlets().canonical(text[day.end :])  # (`… 16:30 청솔일보`)
        elif kind is Kind.COPYRIGHT:
            parts.publisher = parts.publisher or copyright_outlet(text)
            # a signature before the notice on its line (`김민지 기자 <저작권자 © …>`: the
            # reporter was lost with the notice), or after a bar (`<저작권자 © …> 무단전재 …
            # | 김민지 기자`)
            signed = signature(text[: notice_start(text)].strip())
            signed = signed or signature(re.split(r"[|·]", text)[-1].strip())
            if signed is not None:
                parts.reporter = parts.reporter or signed.reporter
                parts.email = parts.email or signed.email
                parts.outlet = parts.outlet or signed.outlet
            if in_body:  # a bare mark and name closing the text (not a photo's credit
                parts.closing = bare_notice_holder(text) or parts.closing  # above more body)
        elif kind is Kind.CAPTION:
            parts.captions.append(text)
        elif kind is Kind.SHORT:
            # `청솔군 제공`, `사진=김민수 기자` under a photo: it stayed in the text, or signed
            # it; under the headline (`사진 청솔군 제공`) it was the subtitle
            if (in_body or heads or titled) and credit_alone(text):
                parts.captions.append(text)
            elif not in_body and _under_byline(lines, n) and (name := masthead(text)):
                parts.masthead = parts.masthead or name  # `한빛일보` under `김민지 기자`
            elif not in_body and (heads or titled) and _writer_over_masthead(lines, n):
                parts.reporter = parts.reporter or text.strip()  # `Emily Hart` over `State
                # Journal-Register`: the writer was the subtitle, and the outlet the deck
            elif (
                not in_body
                and (heads or titled)
                and _over_dateline(lines, n)
                and (name := masthead(text, dated=True))
            ):  # `Kent County News` over `March 13, 2026` under the headline: the subtitle
                parts.masthead = parts.masthead or name
            elif in_body:
                trailing.append(text)
                if listing:
                    listed.append(text)
            else:
                heads.append(text)
        elif kind is Kind.BODY:
            _keep_standfirst(parts, standfirst)
            standfirst = False
            parts.closing, foot = None, None  # more body after it: it credited a picture
            parts.paragraphs.extend(trailing)
            trailing.clear()
            if not in_body:  # a deck a crawler glued onto the lead (`flattened.split_deck`)
                deck, lead = split_deck(line.text)
                if deck is not None:
                    parts.deck, text = deck, tidy(lead)
            parts.paragraphs.append(_without_script(text))
            in_body, listed, listing = True, [], True
            continue
        if kind not in (Kind.SHORT, Kind.BLANK):
            listing = False
    if listed and parts.paragraphs and _introduces_list(parts.paragraphs[-1]):
        parts.paragraphs.extend(listed)  # the items the last paragraph announces
    if parts.paragraphs:  # a flattened page: captions glued before and in the body, signature after
        caption, parts.paragraphs[0] = split_head(parts.paragraphs[0])
        if caption:
            parts.captions.append(caption)
        for n, paragraph in enumerate(parts.paragraphs):
            inner, parts.paragraphs[n] = split_inner(paragraph)
            parts.captions.extend(inner)
            if n < len(parts.paragraphs) - 1:  # (the last one's: `split_tail`, below)
                parts.paragraphs[n] = without_mark(parts.paragraphs[n])
        parts.publisher = parts.publisher or copyright_outlet(parts.paragraphs[-1][-_NOTICE_CHARS:])
        parts.paragraphs[-1], caption = split_marked_caption(parts.paragraphs[-1])
        if caption:
            parts.captions.append(caption)
        last = parts.paragraphs[-1]
        parts.paragraphs[-1], glued = split_tail(last)
        parts.paragraphs[-1] = without_page_tail(parts.paragraphs[-1])
        # a bare notice glued on closes the text (`…참석했다.ⓒ 한빛일보`: such a brief was
        # named by its file, a black-box case)
        if last.startswith(parts.paragraphs[-1]):
            cut = last[len(parts.paragraphs[-1]) :]
            parts.closing = bare_notice_holder(cut[notice_start(cut) :]) or parts.closing
        if glued is not None:
            parts.outlet = parts.outlet or glued.outlet
            parts.reporter = parts.reporter or glued.reporter
            parts.email = parts.email or glued.email
    # a dateline (`입력 2026.11.28 09:00`), else a bare date and time above the body (a
    # clipping's `2026.11.28 15:42`, which was dropped: its dates then stayed unresolved),
    # else the day a wire lead states, at its midnight; a date written without a time is
    # the day alone (`Article.day_only`), not a midnight the outlet wrote
    leads = datetime.combine(lead_day, time(), tzinfo=tz) if lead_day else None
    if lead_at is not None:  # (a byline's day with its time: `Submitted by … - 16:05`)
        leads = lead_at.in_zone(tz).when
    if foot is not None and stamp is None:
        stamp, parts.stamped, stamp_timed = foot
    if (dated := published_dateline(datelines)) is not None:
        parts.published, parts.day_only = dated.when, not dated.timed
    elif stamp is not None:
        parts.published, parts.day_only = stamp, not stamp_timed
    elif leads is not None:
        parts.published, parts.day_only = leads, lead_at is None
    # (a line without a letter is no headline: a portal's counters, `추천` / `0`, pasted
    # with its buttons, gave the subtitle `0`: a black-box case)
    titles = [t for t in _distinct(heads) if any(c.isalpha() for c in t)]
    # a copied page's breadcrumb (`홈 > 사회 > 지역`), section label (`문화`) and masthead above
    # its headline, when a headline is left
    titles = [t for t in titles if not (is_breadcrumb(t) or is_section_label(t))] or titles
    if len(titles) > 1 and (name := masthead(titles[0])):
        parts.masthead, titles = name, titles[1:]
    elif titles and (name := _outlets_name(titles[0], parts)):
        parts.masthead, titles = name, titles[1:]  # (alone too: no headline, `WAND News`)
    elif len(titles) > 1 and _fuller(parts.outlet, titles[0]) == titles[0]:
        # the byline's short name in full (`Bristow Daily News` over `By Alicia Grant, Daily
        # News Staff`: it was the headline, and the outlet `Daily News`)
        parts.masthead, titles = titles[0], titles[1:]
    if titles:
        parts.title = titles[0]
        parts.subtitle = _undashed(titles[1]) if len(titles) > 1 else None
    return parts


# a deck between dashes, as a release sets it under its title (`- 농협은행과 최대 3억원 저리
# 융자 지원 -`: the dashes stayed in the subtitle)
_DASHED_DECK = re.compile(r"[-–—]\s+(?P<deck>\S.*?\S)\s+[-–—]")


def _undashed(deck: str) -> str:
    m = _DASHED_DECK.fullmatch(deck.strip())
    return m["deck"] if m else deck


def _marked_headline(b: Byline, lines: list[Line], n: int) -> bool:
    """Whether an outlet's marker opens the headline, first of the text (`[청솔일보] 청솔군,
    귀농인 지원 확대`, `[청솔=뉴시스] …`, as a portal's or a blog's copy heads it): no
    reporter's lead (`김민지 기자 = …`), a headline's shape (no full stop: a headline may end
    as a sentence, `[전북일보] 청림군, 귀농인 정착 지원 나선다`, as a first line without the
    marker is the title too), and body under it. It was the text's first paragraph, and its
    title a cut of it."""
    rest = b.rest.strip()
    return (
        b.reporter is None
        and headline_shaped(rest)
        and all(seen.kind in (Kind.BLANK, Kind.FURNITURE) for seen in lines[:n])
        and any(
            later.kind is Kind.BODY or (later.byline is not None and later.byline.rest.strip())
            for later in lines[n + 1 :]
        )
    )


def _credited_below(lines: list[Line], n: int) -> bool:
    """Whether the line after line `n` is only a photo's credit (`/사진=청솔군 제공`): line `n`
    is that photo's caption (`▲ … 서명하고 있다.` stayed in the body, a black-box case),
    not a list's item."""
    below = lines[n + 1].text.strip() if n + 1 < len(lines) else ""
    return credit_alone(below)


def _under_byline(lines: list[Line], n: int) -> bool:
    """Whether line `n` stands right under a byline or signature with no report after it
    (`김민지 기자` / `한빛일보`, blank lines between): where a page sets its masthead, which
    became the subtitle or the lead."""
    above = next((b for b in reversed(lines[:n]) if b.kind is not Kind.BLANK), None)
    return above is not None and (
        (
            above.kind in (Kind.BYLINE, Kind.SIGNATURE)
            and not (above.byline and above.byline.rest.strip())
        )
        or (above.kind is Kind.SHORT and _writer_over_masthead(lines, lines.index(above)))
    )


_WRITER = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z.'’-]+){1,2}")


def _writer_over_masthead(lines: list[Line], n: int) -> bool:
    """Whether line `n` is a writer's name alone (two or three capitalised words) right over
    a masthead no name could be (`Emily Hart` / `State Journal-Register`, blank lines
    between), as US chains' pages set their byline without `By`."""
    below = next((b for b in lines[n + 1 :] if b.kind is not Kind.BLANK), None)
    text = lines[n].text.strip()
    return (
        below is not None
        and _WRITER.fullmatch(text) is not None
        and masthead(text) is None
        and masthead(below.text.strip()) is not None
    )


def _over_dateline(lines: list[Line], n: int) -> bool:
    """Whether line `n` stands right over the page's date line (`March 13, 2026`, `입력
    2019.07.31`, a stamp; blank lines between): where a page sets its masthead."""
    below = next((b for b in lines[n + 1 :] if b.kind is not Kind.BLANK), None)
    return below is not None and below.kind in (Kind.DATELINE, Kind.DATED)


STANDFIRST_MAX_CHARS = 250  # a longer paragraph above the byline is a report's lead


def _standfirst(
    kind: Kind, line: Line, parts: _Parts, heads: list[str], in_body: bool, trailing: list[str]
) -> bool:
    """Whether a byline (with no report after it on its line) or a dateline comes right after
    the first paragraph, under a headline: that paragraph is a standfirst, if body follows."""
    reports = bool(line.byline and line.byline.rest.strip())  # (`(서울=뉴스1) … =` and on)
    return (
        (kind is Kind.DATELINE or (kind in (Kind.BYLINE, Kind.SIGNATURE) and not reports))
        and in_body
        and bool(heads)
        and len(parts.paragraphs) == 1
        and len(parts.paragraphs[0]) <= STANDFIRST_MAX_CHARS
        and parts.deck is None
        and not trailing
        and not parts.reported
    )


def _keep_standfirst(parts: _Parts, standfirst: bool) -> None:
    """Body follows: the one paragraph between the headline and the byline or dateline is
    the headline's standfirst (`By Kelly Brown, Patch Staff` under it), the deck."""
    if standfirst and len(parts.paragraphs) == 1:
        parts.deck = parts.paragraphs.pop()


MASTHEAD_WORDS = 4  # a masthead is two to four capitalised words (`extract.mastheads`)


def _fuller(outlet: str | None, masthead: str | None) -> str | None:
    """A byline's outlet, or the page's masthead when it is that name in full: `By Megan
    Ortiz, Herald Staff` under `Fairhaven Herald` (the story named the `Herald`); not when
    the outlet table knows the short name (`Patch`, under `Springfield Patch`)."""
    if (
        outlet
        and masthead
        and masthead.endswith(" " + outlet)
        and len(masthead.split()) <= MASTHEAD_WORDS
        and masthead.istitle()
        and outlet not in outlets().by_alias  # (a name the table knows: `Patch`)
    ):
        return masthead
    return outlet


def _by_line(text: str) -> Byline | None:
    """An English `By …` line (`bylines.leading_byline`), not a marker opening a report."""
    found = leading_byline(text) if text[:3].lower() == "by " else None
    return found if found is not None and not found.rest else None


def _outlets_name(line: str, parts: _Parts) -> str | None:
    """The outlet a line above the headline names when the article names it elsewhere (its
    wire lead's `(WAND)`, its notice): the name alone or with `News`, `TV` (`WAND News`
    titled the story)."""
    for name in (parts.outlet, parts.publisher, parts.closing):
        if name and (
            line == name
            or (line.startswith(name + " ") and line[len(name) + 1 :] in masthead_words())
        ):
            return name
    return None


def _same(line: str, headline: str) -> bool:
    return comparison_key(line) == comparison_key(headline)


# the shortest headline taken off the lead it opens: a shorter one may be the lead's own
# first words (`청솔군 착수` / `청솔군 착수식이 …`)
GLUED_HEADLINE_CHARS = 15


def _after_headline(paragraph: str, headline: str) -> str | None:
    """The lead without the headline a crawler glued before it (`청솔군, 스마트팜 업무협약
    체결2단계 사업은 …` under or with the title `청솔군, 스마트팜 업무협약 체결`: the headline
    was the story's first sentence, glued to the lead's first word), else None; what is left
    must be a body's worth of text."""
    words = headline.split()
    if len(" ".join(words)) < GLUED_HEADLINE_CHARS or ends_sentence(headline.strip()):
        return None
    m = re.match(r"\s*" + r"\s+".join(map(re.escape, words)), paragraph)
    if m is None:
        return None
    lead = paragraph[m.end() :].lstrip()
    return lead if len(lead) >= GLUED_HEADLINE_CHARS and lead[0] not in ",.·:;)" else None


def _introduces_list(paragraph: str) -> bool:
    """Whether `paragraph` announces a list ("…사업은 다음과 같다.", "…as follows:")."""
    end = paragraph.rstrip(" .。").lower()
    return end.endswith((":", "：")) or end.endswith(list_intros())


def _without_script(text: str) -> str:
    """`flattened.without_script` of a tidied line, tidied again only when script left it."""
    clean = without_script(text)
    return text if clean is text else tidy(clean)


# a date on a line of its own, no label, dates the article in its head: the first such
# line, under the headline and a standfirst of a few lines (ECB+ pages: up to 3), also a
# long headline read as a paragraph (`Texas convict …, escapes on foot`); after another
# date, or further down the body, it is a timeline's
_HEAD_PARAGRAPHS = 4


def _timeline(line: Line, parts: _Parts, dated: bool) -> bool:
    """Whether a date line met in the body is a timeline's: unlabelled, and after the
    article's date (`dated`), past its head, or under a paragraph announcing a list (`The
    town's drills so far:`: an undated article took its timeline's first date, a black-box
    case)."""
    if not all(d.bare for d in line.datelines):
        return False
    listing = bool(parts.paragraphs) and _introduces_list(parts.paragraphs[-1])
    if dated or listing or len(parts.paragraphs) > _HEAD_PARAGRAPHS:
        return True
    # under a headline read as a paragraph, or a standfirst, a page's date; once the report
    # has begun (its wire opener, `SEASIDE, Oregon (Reuters) -`), a timeline's, unless it
    # states a time or weekday as a page's stamp does (`WEDNESDAY , APRIL 24 , 2013 , 10 :
    # 34 AM`)
    begun = parts.reported or any(WIRE_LEAD_RE.match(p) for p in parts.paragraphs)
    return begun and _STAMP.search(line.text) is None


_STAMP = re.compile(r"\d\s*[:.]\s*\d\d|\b(?:mon|tue|wed|thu|fri|sat|sun)", re.IGNORECASE)


# what may stand right under a headline: a blank line, the page's dateline (`입력 …`, a
# bare date and time) or the byline opening the body
_UNDER_A_HEADLINE = (Kind.BLANK, Kind.DATELINE, Kind.DATED, Kind.BYLINE)


def _headline_first(lines: list[Line], n: int) -> bool:
    """Whether line `n`, a short line ending like a sentence but without its full stop,
    opens the text on a line of its own (a blank line, a dateline or a byline after it): a
    headline such as `청솔군, 송림면에 스마트팜 단지 들어선다` (a body sentence ends
    `들어선다.`). Before, it was read as the first sentence of the body and shown twice in
    its story (and with a dateline right under it, until 2026-11-29). Not when the input
    names its headline (a JSONL `title`): the line is then the body's."""
    text = lines[n].text.strip()
    end = text.rstrip(CLOSERS)[-1:]
    if len(text) > TITLE_MAX_CHARS or not (end.isalpha() or end in "?!"):
        return False  # (closing quotes apart: `김정훈 군수 "빈틈 메우겠다"`; a question asked
        # by a headline, `공공도서관, 언제 문 여나?`, is one too: a black-box case; and an
        # exclamation, a blog post's `Our new library is finally here!`)
    if any(
        line.kind in (Kind.SHORT, Kind.BODY) and not _furniture(line.text.strip())
        for line in lines[:n]
    ):
        return False  # (a release's label, contact and dateline may stand above it; a copied
        # page's masthead and breadcrumb may too)
    if not (n + 1 < len(lines) and lines[n + 1].kind in _UNDER_A_HEADLINE):
        return False
    # only where the body's sentences have their full stops (a text without any, its first
    # paragraph would go, and with it maybe the whole article)
    return any(
        line.kind in (Kind.BODY, Kind.BYLINE) and ends_with_stop(line.text.strip())
        for line in lines[n + 1 :]
    )


def _furniture(text: str) -> bool:
    """Whether a line is a copied page's breadcrumb, section label or masthead
    (`extract.mastheads`)."""
    return is_breadcrumb(text) or is_section_label(text) or masthead(text) is not None


def _distinct(lines: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for line in lines:
        key = comparison_key(line)
        if key and key not in seen:
            seen.add(key)
            out.append(line)
    return out


# A date and time written wholly as ISO 8601 (nothing after the offset): read whole by
# `fromisoformat`, or not at all. "2024-05-10 10시 30분" or "... 10:30 KST" are words.
_ISO_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$"
)


def published_time(value: str | None, tz: ZoneInfo = SEOUL) -> datetime | None:
    """The time `published_given` reads in `value`; None when it reads none."""
    given = published_given(value, tz)
    return None if given is None else given[0]


def published_given(value: str | None, tz: ZoneInfo = SEOUL) -> tuple[datetime, bool] | None:
    """A given publication time: ISO 8601 (a naive one in `tz`), an RSS date ("Fri, 20 Mar
    2015 13:21:40 +0900"), an English one ("March 20, 2015", "Updated 8:41 p.m. EST, Tue
    March 3, 2009": `datelines_en`), or a date in words ("2015년 3월 20일 13:21"); None when none of
    these reads it, or it falls outside the years 2-9998 (the clustering window around it must
    be a date too). A date and time in ISO 8601 shape must be valid as a whole: of
    "2024-05-10T10:00:00+25:00" (no such offset) no day is kept without its time. With the
    time, whether `value` wrote a date alone (`2015-03-20`, `March 20, 2015`, `2015.03.20`):
    the day, at its start in `tz` (`Article.day_only`)."""
    if not value:
        return None
    value = value.strip()
    day_only = is_day(value)
    try:
        when: datetime | None = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        if _ISO_TIME.match(value):
            return None
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            english = english_dateline(value, tz=tz)  # "March 20, 2015", "Updated 8:41 p.m. EST, …"
            if english is not None:
                when, day_only = english.when, not english.timed
            else:
                when, day_only = parse_datetime(value, tz=tz), not _timed(value)
    if when is None or not 2 <= when.year <= 9998:  # the window around it must be a date too
        return None
    return (when if when.tzinfo else when.replace(tzinfo=tz)), day_only


def _timed(text: str) -> bool:
    """Whether the first date `text` writes (`parse_datetime`) has its time of day with it."""
    m = DATETIME_RE.search(text)
    return m is not None and m["H"] is not None


def _fallback_title(paragraphs: list[str] | None, max_chars: int = 60) -> str:
    first = (paragraphs or [""])[0]
    return first if len(first) <= max_chars else first[: max_chars - 1] + "…"
