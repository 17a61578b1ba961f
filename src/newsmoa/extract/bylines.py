"""Who published and who wrote: outlet markers, bylines and reporter signatures.

    [일요신문]                               -> outlet 일요신문
    (완주=국제뉴스) 이승희 기자 = 완주군이 ... -> outlet 국제뉴스, reporter 이승희, body follows
    (아시아뉴스통신=김경선 기자)              -> outlet 아시아뉴스통신, reporter 김경선
    정성환 기자 ilyo66@ilyo.co.kr            -> reporter 정성환, e-mail (its host names the outlet)
    제주=주미령 선임기자 lalijoo@kmib.co.kr    -> reporter 주미령 (a place before "=")

The town a marker or signature names before its `=` or `/`, where the report was filed
(`(완주=국제뉴스)`, `[전주=뉴시스]`, `도쿄/조기원 특파원`), or a wire lead's in capitals
(`SPRINGFIELD, Ill. (AP) —`), is the byline's `place`: a town, never the outlet.
    김용준 온라인 뉴스 기자 [ ]               -> reporter 김용준 (a desk; the e-mail was lost)

Which side of `(A=B)` is the outlet is read from the shape (`B` ends in 기자) and the outlet
table, never from one outlet's habits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from newsmoa.extract.mastheads import is_section_label
from newsmoa.extract.tables import (
    byline_leads,
    company_endings,
    credited_words,
    desk_endings,
    english_dateline_labels,
    marker_labels,
    month_names,
    not_holders,
    notice_words,
    outlets,
    reporter_labels,
    reporter_roles,
    romanised_syllable,
    staff_pattern,
)

if TYPE_CHECKING:
    from newsmoa.extract.datelines import Dateline

_NAME = r"[가-힣]{2,4}"
_NAMES = rf"{_NAME}(?:\s*[·ㆍ・∙,]\s*{_NAME})*"
# ... or apart by spaces alone, where a role follows that ends the marker or "=" follows it
# ("김민수 이영희 기자 = ", "[이데일리 박지영 기자]")
# (a mark or a space between two names, not nothing: `\s*[·]?\s*` could cut a run of
# Hangul words into names in 3**n ways, and a 2,700-character first line hung the ingest)
_SPACED_NAMES = rf"{_NAME}(?:(?:\s*[·ㆍ・∙,]\s*|\s+){_NAME})*"
_ROLES = reporter_roles()  # `기자`, `특파원`, ...
_ROLE = f"(?:{'|'.join(_ROLES)})"
# every role contains one of these (the roles that contain no other role)
ROLE_MARKS = tuple(r for r in _ROLES if not any(o != r and o in r for o in _ROLES))
# ASCII only: a crawler glues the next word on ("kr김주연 기자"), which \w would take in
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

# An outlet's marker opening an article, in any of the brackets outlets use: "[뉴시스]",
# "(전주=연합뉴스)", "[서울=뉴시스]", "【전주=뉴시스】", "[헤럴드경제=박지영 기자]",
# "[이데일리 박지영 기자]" (a black-box test: only the round form was read, and the others
# stayed in the text, their reporter a person of the story); a pair need not match, as a
# page typed it (`‹청솔일보=김민지 기자>`, `<청솔일보=김민지 기자〉`: stayed in the text)
_MARKER_RE = re.compile(
    r"^\s*[\[(（【〔［<‹〈《]\s*(?P<inner>[^\[\]()（）【】〔〕［］<>‹›〈〉《》\n]{2,40}?)"
    r"\s*[\])）】〕］>›〉》]\s*"
)
_OUTLET_REPORTER_RE = re.compile(rf"^(?P<outlet>\S+)\s+(?P<name>{_SPACED_NAMES})\s*{_ROLE}$")
# (`=` full-width too, `박서연 기자 ＝ …`, as some sites type it: the lead stayed in the text)
_LEAD_REPORTER_RE = re.compile(rf"^\s*(?P<name>{_SPACED_NAMES})\s*{_ROLE}\s*[=＝]\s*")
_ROLE_SUFFIX_RE = re.compile(rf"^(?P<name>{_NAMES})\s*{_ROLE}$")
# A closing signature: [place= or place/] names [words] role [e-mail, or the brackets a
# crawler emptied of it]. Up to three words may stand between the first word and the role: a
# desk ("온라인 뉴스", "사회부 홍길동 기자") or more names ("이주빈 박경만 기자"), when the
# e-mail or its brackets follow (`_signed`): "시장 반응 기자" is no one's signature. The
# reporter is the first of those words that is no desk (`reporter_of`).
_SIGNATURE = (
    rf"(?:(?:글|사진)(?:\s*[·ㆍ]\s*(?:글|사진))?\s+)?"  # "글·사진 김민제 기자"
    rf"(?:(?P<place>[가-힣A-Za-z·ㆍ]{{1,15}})\s*[=/]\s*)?(?P<name>{_NAMES})(?=\s|{_ROLE})\s*"
    rf"(?P<desk>(?:[가-힣]{{2,6}}\s+){{1,3}})?{_ROLE}"
    rf"(?:\s*[(<\[]?\s*(?P<email>{EMAIL_RE.pattern})\s*[)>\]]?|(?P<emptied>\s*[(<\[]\s*[)>\]]))?"
)
_SIGNATURE_RE = re.compile(rf"^\s*[/=]?\s*{_SIGNATURE}\s*$")
# ... and one after an outlet's name ("세계일보 홍길동 기자"), which counts only when the first
# word is an outlet's name: otherwise it is the reporter ("김재중 선임기자" is not the outlet
# 김재중 and the reporter 선임); a copyright mark may stand before the outlet, as a clipping
# closes (`ⓒ호남뉴스 김민지 기자`: the outlet was `ⓒ호남뉴스`; with a space, no one signed)
_OUTLET_SIGNATURE_RE = re.compile(
    rf"^\s*[/=]?\s*(?:(?:[ⓒⒸ©]|\([cC]\))\s*)?(?P<outlet>[^\s/=ⓒⒸ©]{{2,15}})\s+{_SIGNATURE}\s*$"
)
# the longest line a signature fills: a place, four names, three desk words, a role, an e-mail
SIGNATURE_MAX_CHARS = 100
_NEXT_SIGNATURE_RE = re.compile(rf"[\s,\\|]*{_SIGNATURE}")  # (a stray backslash or bar between)
_EMAIL_ONLY_RE = re.compile(rf"^\s*[(<\[]?\s*(?P<email>{EMAIL_RE.pattern})\s*[)>\]]?\s*$")
# after the body, an e-mail may follow a desk, a name, a title ("디지털기획팀 이세연 lovok@…",
# "온라인뉴스부 iseoul@…", "임병선 평화연구소 사무국장 bsnim@…"): Hangul words only, and only
# there (a line of the body with an address, "신청서는 전자우편 farm@…", is not one)
_DESK_EMAIL_RE = re.compile(
    rf"^\s*(?:[가-힣]{{2,8}}\s+){{1,3}}[(<\[]?\s*(?P<email>{EMAIL_RE.pattern})\s*[)>\]]?\s*$"
)


@dataclass(frozen=True, slots=True)
class Byline:
    """What a marker at the start of a line says, and where the body resumes (`rest`)."""

    outlet: str | None = None
    reporter: str | None = None
    email: str | None = None
    rest: str = ""
    # the day a wire lead states with its year (`SEOUL, Aug. 2, 2019 --`), or a blog's byline
    # (`Posted by Karen on March 9, 2025`)
    day: date | None = None
    # ... the byline's own dateline when it wrote a time with its day (`Submitted by jroe on
    # Thu, 03/12/2026 - 16:05`: the time was lost, and the post read as midnight)
    posted: Dateline | None = None
    # the town the report was filed from, as its marker names it before `=` (`(완주=연합뉴스)`,
    # `[전주=뉴시스]`, `도쿄/조기원 특파원`) or its wire lead in capitals (`SPRINGFIELD, Ill.
    # (AP) —`: `Springfield, Ill.`); it was read and lost, so no one saw where an outlet filed
    place: str | None = None


def first_name(names: str) -> str:
    """The first of a byline's names ("김민수·이영희", "김민수 이영희")."""
    return re.split(r"\s*[·ㆍ・∙,]\s*|\s+", names.strip())[0]


def leading_byline(line: str) -> Byline | None:
    """An outlet marker or byline opening the line, with the text after it; None if none.
    Square brackets may name an outlet the table does not know, by its ending
    ("[전주시민일보]"); round and lenticular ones name only a known outlet of 3+ characters
    without "=" (a review: "(서울)", "(경제)" and "(TV)" became outlets and left the text).
    A label before "=" ("[사진=김민수 기자]") names no outlet, nor does a place alone
    ("(서울=김민수 기자)" has its reporter only)."""
    m = _MARKER_RE.match(line)
    if not m:
        return _bare_lead(line) or _english_byline(line)
    table, inner, rest = outlets(), m["inner"].strip(), line[m.end() :]
    if inner.startswith(_COPYRIGHT_MARKS):  # a notice (`[ⓒ청솔일보] 무단전재-재배포금지`: it
        return None  # was the outlet `ⓒ청솔일보`, and its words stayed in the text)
    square = line.lstrip()[0] in "[［"
    a, eq, b = (part.strip() for part in inner.replace("＝", "=").partition("="))
    if eq:  # place=outlet, outlet=reporter, "outlet place=reporter", place=outlet reporter
        role = _ROLE_SUFFIX_RE.match(b)
        if a in marker_labels():  # a credit's label names no outlet; a writer's, the reporter
            if marker_labels()[a] == "writer":
                return Byline(reporter=first_name(role["name"]) if role else None, rest=rest)
            # a picture's credit before a caption ("[사진=서울시 제공] 서울시청 전경") is the
            # caption's; before sentences of the lead (a review: they went to the captions
            # with it), the lead's
            return Byline(rest=rest) if _SENTENCES.search(rest) else None
        if role:
            outlet = _named_outlet(a) or _named_outlet(next(iter(a.split()), ""))
            outlet = outlet or _press_named(a)
            reporter = first_name(role["name"])
            return Byline(outlet=outlet, reporter=reporter, rest=rest, place=_town(a, outlet))
        named = _OUTLET_REPORTER_RE.match(b)
        if named and (outlet := _named_outlet(named["outlet"])):
            reporter = first_name(named["name"])
            return Byline(outlet=outlet, reporter=reporter, rest=rest, place=_town(a, None))
        before = _named_outlet(a)
        outlet = table.canonical(b) or before or _unknown_outlet(b, rest)
        if not outlet:
            return None
        town = None if before else _town(a, None)  # (`(완주=연합뉴스)`: 완주)
        return _with_lead_reporter(Byline(outlet=outlet, rest=rest, place=town))
    named = _OUTLET_REPORTER_RE.match(inner)
    # (a reporter and role after the name make it a byline in any bracket: `(청솔일보 김민지
    # 기자)`, `[뉴스새만금 김민지 기자]` stayed in the text)
    if named and (
        outlet := _bracketed_outlet(named["outlet"], square) or _signing_outlet(named["outlet"])
    ):
        return Byline(outlet=outlet, reporter=first_name(named["name"]), rest=rest)
    outlet = _bracketed_outlet(inner, square)
    if outlet is None and (_LEAD_REPORTER_RE.match(rest) or _signs_alone(rest)):
        outlet = _signing_outlet(inner)  # `【청솔일보】김민지 기자 = …`, `(청솔일보) 김민지 기자`
    return _with_lead_reporter(Byline(outlet=outlet, rest=rest)) if outlet else None


# a town before a marker's `=` or a signature's `/`: one or two words of letters, no digit
# (`완주`, `인천공항`, `New York`); a desk's or a credit's word is none
_TOWN = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z.·ㆍ・]{0,14}(?: [가-힣A-Za-z][가-힣A-Za-z.]{0,14})?")


def _town(written: str, outlet: str | None) -> str | None:
    """The town a marker's words before `=` name: all of them, or what follows the outlet
    they open with (`[이데일리 서울=박지영 기자]`: 서울), the first of two joined (`청솔·완주`:
    청솔); None when they name the outlet or no town (`[사진=…]` never gets here: a credit's
    label)."""
    words = written.split()
    if outlet and words and outlets().canonical(words[0]) == outlet:
        words = words[1:]
    town = " ".join(words)
    # (a name of 3+ characters the table knows is an outlet's; `서울` is a place before `=`)
    if not _TOWN.fullmatch(town) or _named_outlet(town) or town.endswith(desk_endings()):
        return None
    # of towns a marker joins (`(청솔·완주=연합뉴스)`, a report on two counties), the first:
    # the desk it was filed from, as a marker names it first; one place, not `청솔·완주`
    return _TOWNS_APART.split(town, maxsplit=1)[0] or None


_TOWNS_APART = re.compile(r"\s*[·ㆍ・]\s*")


def _signs_alone(rest: str) -> bool:
    """Whether what follows a marker is only a reporter's signature (`(청솔일보) 김민지 기자`:
    a round bracket named no outlet the table did not know, and the line was the subtitle)."""
    signed = signature(rest.strip()) if rest.strip() else None
    return signed is not None and bool(signed.reporter)


_COPYRIGHT_MARKS = ("ⓒ", "Ⓒ", "©")


def _signing_place(word: str | None) -> str | None:
    """The outlet the word before a signature's `=` or `/` names (`충청저널 = 윤가람 기자`,
    a byline on its own line, as a marker without brackets writes it: the reporter was read
    and the outlet lost); a place there (`제주=주미령 기자`, `도쿄/조기원 특파원`) names
    none."""
    return _signing_outlet(word) if word else None


def _signing_outlet(word: str) -> str | None:
    """The outlet one word names where a reporter signs with it: by the table or its ending
    (`청솔일보`), or as a press is named (`뉴스새만금`, `_press_named`)."""
    if " " in word:
        return None
    return _named_outlet(word) or _press_named(word)


_BARE_LEAD_RE = re.compile(
    rf"^\s*(?P<outlet>[^\s=＝]{{3,15}})\s+(?P<name>{_NAMES})\s*{_ROLE}\s*[=＝]\s*"
)


def _bare_lead(line: str) -> Byline | None:
    """A reporter's lead without a marker's brackets (`김민지 기자 = 청솔군이 …`, `청솔일보
    김민지 기자 = …`, as a copy without the dateline's marker opens): it stayed in the text,
    its reporter a person of the story."""
    m = _BARE_LEAD_RE.match(line)
    if m and (outlet := _signing_outlet(m["outlet"])):
        return Byline(outlet=outlet, reporter=first_name(m["name"]), rest=line[m.end() :])
    m = _LEAD_REPORTER_RE.match(line)
    if m is None or not line[m.end() :].strip():
        return _barred_lead(line)
    return Byline(reporter=first_name(m["name"]), rest=line[m.end() :])


# a byline before a bar and the lead on its line (`호남타임스 박준서 기자 | 전북 청림군은 …`; the
# bar may be typed as the vowel `ㅣ` between spaces)
_BARRED_LEAD_RE = re.compile(
    rf"^\s*(?:(?P<outlet>[^\s|｜]{{3,15}})\s+)?(?P<name>{_NAMES})\s*{_ROLE}\s*(?:[|｜]|(?<=\s)ㅣ(?=\s))\s*"
)
# what follows the bar is a report's sentence: it ends as one (a date or an address there
# makes the line a dateline's or a signature's)
_REPORTED = re.compile(r"[가-힣][.!?。]")


def _barred_lead(line: str) -> Byline | None:
    """A byline before a bar opening the lead (`호남타임스 박준서 기자 | 전북 청림군은 …`,
    `박준서 기자 | …`): it stayed in the text, its reporter a person of the story and its
    words against the outlet's reuse. A word before the name that the table or its ending
    does not know as an outlet's signs with the reporter only (`전북의소리 박준서 기자 | …`)."""
    m = _BARRED_LEAD_RE.match(line)
    if m is None or not _REPORTED.search(line, m.end()):
        return None
    outlet = _signing_outlet(m["outlet"]) if m["outlet"] else None
    return Byline(outlet=outlet, reporter=first_name(m["name"]), rest=line[m.end() :])


# two sentences at least; the first stop after a word, not a figure (a wire's photo credit
# `(사진=청솔군 제공) 2026.11.24. photo@newsis.com`: its date and address were read as the
# lead's sentences, and stayed in the text)
_SENTENCES = re.compile(r"(?<!\d)[.!?。][”’\"')]*\s+\S.*[.!?。]")


# English wire style: a report opening with its place in capitals and its agency, when it
# names one (`SEASIDE, Oregon (Reuters) -`, `CANNON BEACH, Ore. (AP) —`, `PORTLAND, Ore. -`),
# and a byline line of its own (`By Jane Doe`, `By JOHN ROE, Associated Press`)
WIRE_LEAD_RE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'’-]{2,30})(?:,\s*(?P<region>[A-Z][A-Za-z. ]{1,20}?))?"
    # the day (`SEOUL, May 28 (Reuters) -`, `SEOUL, Aug. 2, 2019 (Yonhap) --`), or between
    # dashes (`CEDAR SPRINGS, MI — March 12, 2026 —`, as local releases write it: the lead
    # stayed in the text, and the release was undated)
    r"(?:(?:,|\s*[-—–]+)\s*(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:,\s*(?P<year>(?:19|20)\d\d))?)?\s*"
    # its agency in brackets, or a release wire's between slashes or dashes (`/PRNewswire/ --`,
    # `Calif.--(BUSINESS WIRE)--`)
    r"(?:(?:(?:--)?\((?P<agency>[^()]{1,30})\)|/(?P<wire>[A-Za-z][^/\s]*(?:\s[^/\s]+){0,2})/)\s*)?"
    r"[-—–]+\s*"
)
# call letters or an acronym in a lead's brackets (`(KTVB)`, `(WAND)`, `(CNN)`) name the
# station or network that wrote it, whether or not the outlet table knows it
_BRACKET_DAY = re.compile(
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),\s*(?P<year>(?:19|20)\d\d)"
)
_CALL_LETTERS = re.compile(r"[A-Z]{3,5}(?:-(?:TV|FM|AM))?")
_CLOSING = " \"'”’)"
_SPACED_DASH = re.compile(r"[\s)][-—–]+\s*$")
_ENGLISH_NAME = r"[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3}"
_ENGLISH_BYLINE_RE = re.compile(
    rf"^\s*(?:{byline_leads()})\s+"  # `By`, `Posted by` (`byline_leads.tsv`)
    # ... or a site's account before the day (`Submitted by jroe on Thu, 03/12/2026 - 16:05`,
    # a Drupal site's), which names no one: the post was undated
    # (no article opens a name: `BY THE NUMBERS` is a box's heading)
    rf"(?!(?i:the|a|an)\s)(?:(?P<name>{_ENGLISH_NAME})|(?-i:[a-z][a-z0-9._-]{{1,30}})(?=\s+on\s))"
    # a second writer (`By Jane Roe and John Doe`: the first is the reporter, as `김민수·
    # 이영희 기자` gives 김민수; no one was)
    rf"(?:\s+(?:and|&)\s+{_ENGLISH_NAME})?"
    # the outlet after a comma or bar, hyphenated too (`By Emily Hart, State
    # Journal-Register`, `By Jane Roe | The Pantagraph`: the line named no one), its `The`
    # left out as a notice's is (`… , The State Journal-Register`), and a freelancer's `For`
    # (`By Emily Hart, For the State Journal-Register`: the outlet was `For the …`)
    r"(?:\s*[,|]\s*(?:For\s+)?(?:[Tt]he\s+)?(?P<outlet>[A-Z][A-Za-z&.'’ -]{1,40}))?"
    # the writer's e-mail after a bar or comma (`By Jane Roe | jroe@…`)
    rf"(?:\s*[,|·]\s*(?P<email>{EMAIL_RE.pattern}))?"
    # the day it was posted (`Posted by Karen on March 9, 2025`, as blogs write it: the line
    # had stayed in the text, and the post was undated)
    r"(?:\s+on\s+(?P<when>\S.*?))?\s*$"
)


def _english_byline(line: str) -> Byline | None:
    """An English report's wire lead naming a known agency (its place and agency dropped
    from the text, as `(완주=뉴스1)` is), or a `By …` line (its reporter, and the outlet it
    names when known); None otherwise (the wire's name was never read: stories named the
    files, a black-box case)."""
    m = WIRE_LEAD_RE.match(line)
    if m:
        agency = m["agency"] or m["wire"]
        # a release's own day in the brackets (`CEDAR SPRINGS, Mich. (March 12, 2026) —`)
        # is no agency: it dates the release (it was read as an agency naming no outlet,
        # and the release went undated)
        bracket_day = _BRACKET_DAY.fullmatch(m["agency"].strip()) if m["agency"] else None
        outlet = _agency_outlet(agency.strip()) if agency and not bracket_day else None
        # a lead dated with its year gives the article its day, as a Korean dateline does
        # (it had stayed in the story's first sentence)
        day = _lead_day(bracket_day or m)
        rest, town = line[m.end() :], _english_town(m)
        if outlet or day:
            return Byline(outlet=outlet, rest=rest, day=day, place=town)
        # a lead naming no agency the table knows (`DAYTON --`, `BOISE, Idaho (KTVB) -`)
        # leaves the text too when a sentence follows it (not a headline's `EXCLUSIVE-…`)
        # and a space or its agency stands before the dash (not `NATO-Russia talks …`): it
        # stood in the story's sentence, whose reprints then no longer matched it, and
        # another outlet's misprint was shown as the story's lead (a black-box case)
        if _SPACED_DASH.search(m.group()) and rest.rstrip(_CLOSING).endswith((".", "!", "?")):
            return Byline(rest=rest, place=town)
        # else no lead: a byline in capitals looks like one (`BY EMILY HART, State …`)
    m = _ENGLISH_BYLINE_RE.match(line) or _posted_first_re().match(line)
    if m is None and (staffed := _STAFF_SIGNED_RE.match(line)):
        # a writer and their desk without `By` (`Jane Roe, Staff Writer`): it named no one
        m = staffed if staff_pattern().search(f" {staffed['outlet']}") else None
    if m is None:
        return None
    named, day, timed = m.groupdict().get("outlet"), None, None
    if m["when"]:
        from newsmoa.extract.datelines_en import english_dateline  # (it reads bylines)

        posted = english_dateline(m["when"])
        if posted is None:
            return None
        day, timed = posted.when.date(), (posted if posted.timed else None)
    name, email = m["name"], m.groupdict().get("email")
    outlet = _byline_outlet(named) if named else None
    if name and not named and (split := _outlet_after_name(name)):
        name, outlet = split
    reporter = written_name(name) if name else None
    return Byline(outlet=outlet, reporter=reporter, email=email, day=day, posted=timed)


def written_name(name: str) -> str:
    """An English byline's name as a reader writes it: as the byline has it when it is not
    all in capitals (`Lee Ji-won`, `Jane McDonald`: `str.title` made them `Lee Ji-Won`,
    `Jane Mcdonald`), else in title case, a romanised Korean given name's second syllable in
    lower case (`KIM MIN-JI` -> `Kim Min-ji`, `romanised_syllables.tsv`)."""
    name = " ".join(name.split())
    if any(c.islower() for c in name):
        return name
    return " ".join(_cased(word) for word in name.split())


def _cased(word: str) -> str:
    first, hyphen, second = word.title().partition("-")
    syllable = romanised_syllable()
    if hyphen and syllable.fullmatch(first) and syllable.fullmatch(second):
        return f"{first}-{second.lower()}"
    return word.title()


def _english_town(m: re.Match[str]) -> str | None:
    """The town a wire lead opens with, as a reader writes it, with its state or country as
    the lead does (`SPRINGFIELD, Ill.` -> `Springfield, Ill.`, `CEDAR SPRINGS, MI` -> `Cedar
    Springs, MI`)."""
    town = " ".join(m["place"].rstrip(" -").split()).title()  # (`DAYTON --`)
    region = " ".join(m["region"].split()) if m["region"] else None
    return f"{town}, {region}" if region else town or None


def _outlet_after_name(name: str) -> tuple[str, str] | None:
    """A writer's name and the outlet after it without a comma (`By JOHN ROE Associated
    Press`, as AP's reprints write it: the reporter was `John Roe Associated Press`): the
    last words when the outlet table knows them, two words of the name kept."""
    said = name.split()
    for k in range(2, len(said)):
        if known := outlets().canonical(" ".join(said[k:])):
            return " ".join(said[:k]), known
    return None


_STAFF_SIGNED_RE = re.compile(
    rf"^\s*(?P<name>{_ENGLISH_NAME})\s*,\s*(?P<outlet>[A-Z][A-Za-z&.' ]{{1,40}}?)(?P<when>)\s*$"
)


@cache
def _posted_first_re() -> re.Pattern[str]:
    """A blog's byline with its day first (`Posted on March 12, 2026 by Jane Roe`,
    `Published March 12, 2026 by …`: a dateline's label, `english_dateline_labels.tsv`);
    it named no one and left the post undated."""
    labels = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(english_dateline_labels(), key=len, reverse=True)
    )
    return re.compile(
        rf"^\s*(?i:{labels})(?:\s+on)?\s*:?\s+(?P<when>\S.*?)\s+by\s+(?P<name>{_ENGLISH_NAME})\s*$"
    )


def _byline_outlet(named: str) -> str | None:
    """The outlet a byline names after its comma: a known one or one an outlet's ending
    names (`Dayton Daily Ledger`), or the name before `Staff` (`By Kelly Brown, Patch
    Staff`: the outlet's own staff; `Staff Writer` alone names none)."""
    table = outlets()
    if known := table.canonical(named.strip()):
        return known
    staff = staff_pattern().search(named.strip())
    name = named.strip()[: staff.start()].strip() if staff else ""
    return (table.canonical(name) or name) if name else None


def _agency_outlet(agency: str) -> str | None:
    """The outlet a wire lead's agency names: a known one or one with an outlet's ending
    (`Korea Newswire`), or a station's call letters (`KTVB`, `WAND`: the article had no
    outlet, and a press office's list of placements named its file, a black-box case)."""
    table = outlets()
    return table.canonical(agency) or (agency if _CALL_LETTERS.fullmatch(agency) else None)


def _lead_day(m: re.Match[str]) -> date | None:
    """The day a wire lead states with its year; None without a year or when it is no day."""
    if not m["year"] or (month := month_names().get(m["month"].lower())) is None:
        return None
    try:
        return date(int(m["year"]), month, int(m["day"]))
    except ValueError:
        return None


def _named_outlet(word: str) -> str | None:
    """The outlet a word of 3+ characters names (by the table, or by its ending): "서울" is
    the place of a dateline before it is 서울신문's alias."""
    return outlets().canonical(word) if len(word) >= 3 else None


_ONE_NAME = re.compile(r"[가-힣][가-힣A-Za-z0-9]{1,14}")


def _unknown_outlet(name: str, rest: str) -> str | None:
    """An outlet the table does not know, by the form alone: a dateline "(영월=전남매일)"
    with its reporter's "김철수 기자 =" after it names the outlet after "=" (one word,
    Hangul first). Before, the marker of an outlet without a known name or ending stayed
    in the story's text and its reporter became a person of the story (a black-box case)."""
    if _ONE_NAME.fullmatch(name) and _LEAD_REPORTER_RE.match(rest):
        return name
    return None


def _press_named(word: str) -> str | None:
    """An outlet the table does not know before a reporter's "=" (`[뉴스새만금=김민지 기자]`),
    named as a press is: one word, Hangul first, with an outlet's word in it where its ending
    would not be (`뉴스`, `일보`, `미디어`: `outlet_suffixes.tsv`). The outlet was None. A
    place before "=" (`[뉴욕=백종민 특파원]`, `(완주=김민수 기자)`) has no such word in it."""
    if not _ONE_NAME.fullmatch(word):
        return None
    return word if any(x in word and x != word for x in outlets().suffixes) else None


def _bracketed_outlet(word: str, square: bool) -> str | None:
    """The outlet a bracketed word alone names: a known name of 3+ characters; in square
    brackets also an unknown one of 4+ characters, one word, by its ending ("[전주시민일보]";
    "[경제]", "[리포트]", "[앵커 리포트]" are a section's or a transcript's labels: a
    review)."""
    table = outlets()
    if table.names_one(word):
        return table.canonical(word)
    # a broadcaster's station by its region (`[KBS 청주]`, `(MBC 충북)`): the broadcaster
    # (`[연합뉴스 자료사진]`, a file photo's caption, names no station: `credited_words.tsv`)
    station, _, region = word.partition(" ")
    pictured = any(w in region for w in credited_words())
    if _REGION.fullmatch(region) and table.names_one(station) and not pictured:
        return table.canonical(station)
    if is_section_label(word):  # `[포토뉴스]`: a section's label, though 뉴스 ends it
        return None
    if square and len(word) >= 4 and " " not in word:
        return table.canonical(word)
    return None


_REGION = re.compile(r"[가-힣]{2,5}")  # a station's region after its broadcaster's name


def _with_lead_reporter(b: Byline) -> Byline:
    """The marker's byline with the reporter signing after it: a lead (`김민지 기자 = …`), or
    a signature alone (`[청솔일보]김민지 기자`, `[청솔일보] 김민지 기자 minji@…`: it was the
    first paragraph of the text, and the article unsigned)."""
    m = _LEAD_REPORTER_RE.match(b.rest)
    if m:
        return replace(b, reporter=first_name(m["name"]), rest=b.rest[m.end() :])
    wired = _MARKER_RE.match(b.rest) and leading_byline(b.rest)
    if wired and wired.outlet and (wired.reporter or wired.place):
        # a wire's marker after the reprinting outlet's (`[청솔일보] (청솔=연합뉴스) 김민지
        # 기자 = …`): its reporter and town, the reprint's outlet (it stayed in the text)
        return replace(b, reporter=wired.reporter, place=wired.place, rest=wired.rest)
    signed = signature(b.rest.strip()) if b.rest.strip() else None
    if signed is None or not signed.reporter:
        return b
    return replace(b, reporter=signed.reporter, email=signed.email, rest="")


def signature(line: str) -> Byline | None:
    """A line that is only a reporter's signature (name, role, optional e-mail), or a page's
    labelled one (`labelled_reporter`), else None."""
    if len(line) > SIGNATURE_MAX_CHARS:
        return None  # a body line (most lines end here, cheaply)
    if labelled := labelled_reporter(line):
        return labelled
    if not _may_sign(line):
        return None
    line = _unbracketed(line)
    if _credited(line):
        return None
    m = _OUTLET_SIGNATURE_RE.match(line)
    outlet = outlets().canonical(m["outlet"]) if m and _signed(m) else None
    if outlet is None:
        m = _SIGNATURE_RE.match(line)
    if m and _signed(m):
        email, said = m["email"], _signing_place(m["place"])
        town = _town(m["place"], None) if m["place"] and not said else None  # (`도쿄/…`)
        outlet = outlet or said or outlet_from_email(email)
        return Byline(outlet=outlet, reporter=reporter_of(m), email=email, place=town)
    m = _EMAIL_ONLY_RE.match(line)
    if m:
        return Byline(outlet=outlet_from_email(m["email"]), email=m["email"])
    if signed := _english_signature(line):
        return signed
    m = _OUTLET_EMAIL_RE.match(line)
    if m and (named := outlets().canonical(m["outlet"])):
        return Byline(outlet=named, email=m["email"])
    return _outlet_after(line)


# an English writer's name and e-mail closing the text (`Park Jun-seo pjs@koreatimes.co.kr`)
_ENGLISH_SIGNATURE_RE = re.compile(
    rf"^\s*(?P<name>[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){{1,3}})\s*[,|]?\s*"
    rf"[(<\[]?\s*(?P<email>{EMAIL_RE.pattern})\s*[)>\]]?\s*$"
)


def _english_signature(line: str) -> Byline | None:
    """An English writer's closing signature, a name and its e-mail (`Park Jun-seo
    pjs@koreatimes.co.kr`, `Jane Roe jroe@…`): the address is the name's, its local part
    holding a word of the name or its initials (`Contact Us info@…` is none). It was left
    out of the text and lost: the article had no e-mail, and the address's outlet none."""
    m = _ENGLISH_SIGNATURE_RE.match(line)
    if m is None or _ENGLISH_BYLINE_RE.match(line):  # (`By Jane Roe | jroe@…`: a byline's)
        return None
    words = [w.lower() for w in re.split(r"[\s'’-]+", m["name"]) if w]
    local = re.sub(r"[^a-z]", "", m["email"].split("@", 1)[0].lower())
    initials = "".join(w[0] for w in words)
    if not (initials in local or any(len(w) >= 3 and w in local for w in words)):
        return None
    email = m["email"]
    return Byline(outlet=outlet_from_email(email), reporter=written_name(m["name"]), email=email)


# a signature with its outlet after it, in brackets or after a slash or bar (`김민지 기자
# (청솔일보)`, `김민지 기자 minji@… / 청솔일보`), or one between dashes (`- 청솔일보 김민지
# 기자 -`): the article was unsigned and unnamed
_OUTLET_AFTER_RE = re.compile(
    r"^(?P<signed>.+?)\s*(?:[(\[]\s*(?P<bracketed>[^()\[\]\s]{2,15})\s*[)\]]"
    r"|[/|]\s*(?P<barred>[^\s/|]{2,15}))\s*$"
)
_DASHED = re.compile(r"^\s*[-–—]+\s*(?P<inner>.+?)\s*[-–—]+\s*$")


# an outlet's name, maybe after a mark, and its reporter's e-mail closing a wire's text
# (`◎공감언론 뉴시스 ljh@newsis.com`: the line was left out and the e-mail lost)
_OUTLET_EMAIL_RE = re.compile(
    rf"^\s*[◎●■◆▶]?\s*(?P<outlet>[^\s@][^@]{{1,20}}?)\s+(?P<email>{EMAIL_RE.pattern})\s*$"
)


def _outlet_after(line: str) -> Byline | None:
    """The byline a signature with its outlet after it, or between dashes, is; else None."""
    if dashed := _DASHED.match(line):
        signed = signature(dashed["inner"])
        return signed if signed is not None and signed.reporter else None
    m = _OUTLET_AFTER_RE.match(line)
    if m is None:
        return None
    outlet = outlets().canonical(m["bracketed"] or m["barred"])
    signed = signature(m["signed"]) if outlet else None
    if signed is None or not signed.reporter or signed.outlet not in (None, outlet):
        return None
    return Byline(outlet=outlet, reporter=signed.reporter, email=signed.email)


# a page's information list, one item a line, as a main text shows it ("- 기자명 홍길동 기자")
_LABELLED_RE = re.compile(
    rf"^\s*[-·•]?\s*(?P<label>[가-힣]{{1,4}})(?:\s*(?P<colon>[:：])\s*|\s+)"
    rf"(?P<name>{_NAMES})(?P<role>\s*{_ROLE})?"
    rf"(?:\s*[(<\[]?\s*(?P<email>{EMAIL_RE.pattern})\s*[)>\]]?)?\s*$"
)


_LABEL_STARTS = frozenset(label[:2] for label in reporter_labels()[0])


def labelled_reporter(line: str) -> Byline | None:
    """The reporter a page's information item names after its label (`reporter_labels.tsv`:
    "기자명 홍길동 기자", "작성자 : 홍길동"); a page's main text kept the item, and its label
    made it no signature: it became the article's subtitle (a black-box case). A label of
    one or two syllables needs a role, an e-mail or a colon: "기자 수첩" names no one; a
    label and its name stand apart ("작성자들이" is a word)."""
    labels, not_names = reporter_labels()
    if line.lstrip(" -·•")[:2] not in _LABEL_STARTS:
        return None  # most lines, at a slice's cost
    m = _LABELLED_RE.match(line)
    if not m or m["label"] not in labels or first_name(m["name"]) in not_names:
        return None  # (`작성자 관리자`, `기자명 비공개`, `작성자 편집국`: reviews)
    if len(m["label"]) < 3 and not (m["role"] or m["email"] or m["colon"]):
        return None
    return Byline(
        reporter=first_name(m["name"]), email=m["email"], outlet=outlet_from_email(m["email"])
    )


_WHOLLY_BRACKETED = re.compile(
    r"^\s*(?:\[(?P<s>[^\[\]=]+)\]|\((?P<r>[^()=]+)\)|【(?P<l>[^【】=]+)】)\s*$"
)


def _unbracketed(line: str) -> str:
    """A signature closing the text in brackets of its own (`[청솔일보 김민지 기자
    minji@…]`, `(김민지 기자)`) without them: its outlet was read as `[청솔일보`, or no
    reporter at all. A credit (`(사진=김민지 기자)`, with its "=") is no signature."""
    m = _WHOLLY_BRACKETED.match(line)
    return line if m is None else next(g for g in m.groups() if g is not None)


_LABEL_LEAD = re.compile(
    r"^\s*[/=]?\s*(?P<label>[가-힣]{1,5}(?:\s*[·ㆍ]\s*[가-힣]{1,5})*)\s*(?:=|\s)"
)


def _credited(line: str) -> bool:
    """Whether the line credits a picture, not the report (`사진=김민수 기자`, `사진 김민수
    기자`, `영상=…`: every label before the name a credit's, `marker_labels.tsv`): the
    photographer was read as the reporter, over the one who signs. `글·사진=김민수 기자`
    (text and photos) signs."""
    m = _LABEL_LEAD.match(line)
    if m is None:
        return False
    labels = marker_labels()
    return all(labels.get(w.strip()) == "credit" for w in re.split(r"[·ㆍ]", m["label"]))


def _may_sign(text: str) -> bool:
    """Whether a signature pattern could match: the text holds an e-mail's @ or a role."""
    return "@" in text or any(map(text.__contains__, ROLE_MARKS))


def _signed(m: re.Match[str]) -> bool:
    """A signature with words between its name and role must end in its e-mail's place,
    unless its first word is a desk (`사회부 정다운 기자`: a review found it closed no
    pasted article)."""
    return not m["desk"] or bool(m["email"] or m["emptied"]) or _is_desk(m["name"])


def _desks_only(m: re.Match[str]) -> bool:
    """Whether the words before the role, but one, name desks or outlets ("장연제 동아닷컴
    기자"): a signature the text's end shows without an e-mail."""
    words = [m["name"], *(m["desk"] or "").split()]
    return sum(not _is_desk(w) for w in words) <= 1


def _is_desk(word: str) -> bool:
    return word.endswith(desk_endings()) or outlets().canonical(word) is not None


def reporter_of(m: re.Match[str]) -> str | None:
    """The reporter a signature names: its first word that is no desk ("사회부 홍길동 기자"
    names 홍길동), and, of several, not one ending like a particle ("제보는 홍길동 기자")."""
    words = [w for w in (first_name(m["name"]), *(m["desk"] or "").split()) if not _is_desk(w)]
    return next((w for w in words if w[-1] not in _PARTICLE_ENDS), words[0] if words else None)


_PARTICLE_ENDS = frozenset("은는이가을를의에와과도")


def signature_run(text: str) -> tuple[Byline, int] | None:
    """Reporters' signatures run together at the start of the text, as a crawler glues them
    after the body ("장진복 기자 viviana49@seoul.co.kr김주연 기자 justina@seoul.co.kr", "박민희
    기자, 도쿄/조기원 특파원"): the first one's byline and where the run ends; or the whole
    text as one `signature`, or a desk's e-mail; else None. The e-mail is the run's first (a
    desk signs its reporters with one). A run ends in an e-mail or at the end of the text:
    then, unlike a line, its signatures may have words before their role without an e-mail
    ("박민희 성연철 기자, 방콕/노지원 기자 minggu@hani.co.kr"), or, at the end, desks
    ("장연제 동아닷컴 기자")."""
    one = signature(text)
    if one is not None:
        return one, len(text)
    if m := _DESK_EMAIL_RE.match(text):
        return Byline(outlet=outlet_from_email(m["email"]), email=m["email"]), len(text)
    if not _may_sign(text):
        return None
    run: list[re.Match[str]] = []
    at = 0
    while (m := _NEXT_SIGNATURE_RE.match(text, at)) and m.end() > at:
        run.append(m)
        at = m.end()
    if not run or not (run[-1]["email"] or at >= len(text.rstrip())):
        return None
    if not run[-1]["email"] and not all(_signed(m) or _desks_only(m) for m in run):
        return None  # "이번 다큐는 김철수 PD": a last sentence without its stop
    email = next((m["email"] for m in run if m["email"]), None)
    return Byline(outlet=outlet_from_email(email), reporter=reporter_of(run[0]), email=email), at


def outlet_from_email(email: str | None) -> str | None:
    if not email or "@" not in email:
        return None
    return outlets().from_host(email.rsplit("@", 1)[1])


# The holder a copyright notice names: "[ⓒ 전북일보, 무단전재 …]", "저작권자 © 한국일보",
# "Copyright ⓒ 2024 뉴스1. All rights reserved.", "<저작권자(c) 연합뉴스, …>"
_HOLDER_RE = re.compile(
    r"(?:[ⓒⒸ©]|\([cC]\)|(?i:copyright)(?:\s*(?:[ⓒⒸ©]|\([cC]\)))?)\s*(?:(?i:by)\s+)?(?:(?:19|20)\d\d[\s.,]*)?"
    r"(?P<name>[가-힣A-Za-z0-9]+(?:\s?[가-힣A-Za-z0-9]+)?)"
)


def copyright_outlet(notice: str) -> str | None:
    """The outlet a copyright notice names as its holder, as the outlet table names it (or
    by an outlet's ending), the last one it names; None when the text is no notice (a
    photo's bare "ⓒ이미지투데이" or "ⓒ연합뉴스" credits the picture, not the text: a review).
    The holder is the outlet that published the text: one that reprints a wire's report
    keeps the wire's "(전주=연합뉴스)" and signs its own notice, and the reprint was taken
    for the wire's own article (a black-box test)."""
    marks = [at for mark in _HOLDER_MARKS if (at := notice.find(mark)) != -1]
    if not marks and (stated := _STATED_HOLDER.search(notice)):
        return outlets().canonical(stated["name"]) or _holder(stated["name"])
    if not marks or not _is_notice(notice):
        return None
    if not _HANGUL.search(notice) and (english := _english_holder(notice)):
        return english
    # the last one named: a picture's credit may come first ("사진=ⓒ뉴스1 저작권자 © 한국일보
    # …", a review); an outlet known by its ending counts ("© 충청투데이")
    table, found, unknown, holder = outlets(), None, None, None
    for m in _HOLDER_RE.finditer(notice, max(0, min(marks) - 2)):
        before = notice[max(0, m.start() - 6) : m.start()]
        if "사진" in before or before.rstrip().endswith("="):
            continue  # a picture's credit (`사진=ⓒ뉴스1`, `사진 ⓒ 영월군청`: a review)
        name = m["name"]
        named = table.canonical(name) or table.canonical(name.split()[0])
        other = None if named else _holder(name)
        found, unknown = named or found, unknown or other
        first_end = m.start("name") + len(name.split()[0])
        if holder is None and _NOTICE_HOLDER.match(notice, first_end):
            holder = named or other  # `ⓒ 뉴스영월 무단전재 …`: the notice's own
    # the notice's own holder (its name before 무단전재); else the last known one; an
    # unknown one only where the notice names no known one, and its first: a picture's
    # credit after the notice ("… 한국일보 무단전재 / 사진 ⓒ 게티이미지뱅크", "… 뉴스영월
    # 무단전재 및 재배포 금지 ⓒ연합뉴스": reviews) names the picture's source
    return holder or found or unknown


_HANGUL = re.compile(r"[가-힣]")
# the holder a sentence states without a mark (`본 기사의 저작권은 한빛일보에 있습니다.`: it
# stayed the text's last sentence, and the article unnamed)
_STATED_HOLDER = re.compile(
    r"(?:본|이|해당)\s*기사의?\s*저작권은\s*(?P<name>[가-힣A-Za-z0-9]{2,15}?)(?:에게|에)\s*있"
)
# an English notice's holder: up to five capitalised words after the mark and year, `The`
# apart, to the stop or comma (`Copyright 2024 The Associated Press. All rights reserved.`,
# `© 2024 State Journal-Register.`, `Copyright 2024 WICS. All rights reserved.`)
_ENGLISH_HOLDER_RE = re.compile(
    r"(?:[ⓒⒸ©]|\([cC]\)|(?i:copyright))(?:\s*(?:[ⓒⒸ©]|\([cC]\)))?\s*"
    r"(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?[\s.,]*)?(?:(?i:by)\s+)?(?:The\s+)?"
    r"(?P<name>[A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|of|and|&)){0,4}?)"
    r"\s*(?P<end>[.,;|]|$|\s+(?i:all\s+rights))"
)
_ALL_RIGHTS = re.compile(r"[\s.,;|]*all\s+rights\s+reserved", re.IGNORECASE)


@cache
def _company_endings() -> frozenset[str]:
    """What ends a company's name, which owns outlets but names none (`Nexstar Media Inc.`),
    as a holder's last word is read: without its full stop."""
    return frozenset(w.rstrip(".") for w in company_endings())


def _english_holder(notice: str) -> str | None:
    """The outlet an English notice names: one the table knows or an outlet's ending names
    (`State Journal-Register`, read whole: it was `State Journal`), or, right before `All
    rights reserved`, any name that is no company's (`WICS`: the story named the file, a
    black-box case); None otherwise."""
    m = _ENGLISH_HOLDER_RE.search(notice)
    if m is None:
        return None
    name, table = m["name"], outlets()
    if named := table.canonical(name):
        return named
    last = name.split()[-1]
    if last in _company_endings() or last in table.suffixes:
        return None
    return name if _ALL_RIGHTS.match(notice, m.start("end")) else None


_BARE_NOTICE = re.compile(
    r"\s*[\[(<]?\s*(?:[ⓒⒸ©]|\([cC]\))\s*(?P<name>[가-힣A-Za-z0-9]+(?:\s?[가-힣A-Za-z0-9]+)?)\s*[\])>.]?\s*"
)


def bare_notice_holder(line: str) -> str | None:
    """The outlet a line of only a mark and a name names (`ⓒ 연합뉴스`, `© 뉴스영월`): an
    article's notice where it closes the text (a black-box case: file names stood for the
    outlets), a picture's credit elsewhere, which the caller tells apart."""
    m = _BARE_NOTICE.fullmatch(line)
    if m is None or any(w in m["name"].split()[1:] for w in credited_words()):
        return None  # `ⓒ 홍길동 기자`, `ⓒ 영월군 제공`: a picture's credit (a review)
    name = m["name"]
    return outlets().canonical(name) or _holder(name)


def _holder(name: str) -> str | None:
    """A holder the outlet table does not know (`ⓒ 전남매일, 무단전재 …`): a notice's holder
    is its publisher whatever its name, when that is one Hangul word that is no notice's
    word (`저작권자 © 무단전재` names no one); before, such an outlet's articles were named
    by their file names (a black-box case). A name that begins with a known outlet's is
    that outlet's company (`뉴스1코리아`)."""
    word = name.split()[0]
    if not _ONE_NAME.fullmatch(word) or any(w in word for w in notice_words()):
        return None
    if word.startswith(not_holders()) or word in outlets().suffixes:  # `관리자`, `사진`;
        return None  # an outlet's ending alone (`매일`: a review)
    table = outlets()  # a company's name after its outlet's (뉴스1코리아: 뉴스1), not
    brand = max(  # another title of its house (한겨레21: digits, not a company's word)
        (
            a
            for a in table.by_alias
            if len(a) >= 3 and word.startswith(a) and _COMPANY_WORD.fullmatch(word[len(a) :])
        ),
        key=len,
        default=None,
    )
    return table.by_alias[brand] if brand else word


_COMPANY_WORD = re.compile(r"[가-힣A-Za-z]{2,}")
_NOTICE_HOLDER = re.compile(r"[\s,.]*(?:무단|all rights|All rights|ALL RIGHTS)")


# where a holder may be named (the pattern is matched from the first; a search of the whole
# tail took 4 µs an article); what makes a text with one a notice about the text, not a
# picture's credit, is a word of `notice_words.tsv`
_HOLDER_MARKS = ("ⓒ", "Ⓒ", "©", "(c)", "(C)", "opyright", "OPYRIGHT")


def _is_notice(text: str) -> bool:
    lowered = text.lower()
    return any(w in lowered for w in notice_words())
