"""Who published and who wrote: outlet markers, bylines and reporter signatures.

    [일요신문]                               -> outlet 일요신문
    (완주=국제뉴스) 이승희 기자 = 완주군이 ... -> outlet 국제뉴스, reporter 이승희, body follows
    (아시아뉴스통신=김경선 기자)              -> outlet 아시아뉴스통신, reporter 김경선
    정성환 기자 ilyo66@ilyo.co.kr            -> reporter 정성환, e-mail (its host names the outlet)

Which side of `(A=B)` is the outlet is read from the shape (`B` ends in 기자) and the outlet
table, never from one outlet's habits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsmoa.extract.tables import outlets

_NAME = r"[가-힣]{2,4}"
_NAMES = rf"{_NAME}(?:\s*[·,]\s*{_NAME})*"
_ROLES = (
    "기자",
    "특파원",
    "통신원",
    "선임기자",
    "전문기자",
    "객원기자",
    "편집위원",
    "논설위원",
    "인턴기자",
)
_ROLE = f"(?:{'|'.join(_ROLES)})"
# every role contains one of these (the roles that contain no other role)
_ROLE_MARKS = tuple(r for r in _ROLES if not any(o != r and o in r for o in _ROLES))
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

_BRACKET_RE = re.compile(r"^\s*\[\s*(?P<name>[^\[\]\n]{2,20}?)\s*\]\s*")
_PAREN_RE = re.compile(
    r"^\s*[(（]\s*(?P<a>[^()（）=\n]{1,20}?)\s*=\s*(?P<b>[^()（）\n]{1,30}?)\s*[)）]\s*"
)
_LEAD_REPORTER_RE = re.compile(rf"^\s*(?P<name>{_NAMES})\s*{_ROLE}\s*=\s*")
_ROLE_SUFFIX_RE = re.compile(rf"^(?P<name>{_NAMES})\s*{_ROLE}$")
_SIGNATURE_RE = re.compile(
    rf"^\s*[/=]?\s*(?:(?P<outlet>[^\s/=]{{2,15}})\s+)?(?P<name>{_NAMES})\s*{_ROLE}\s*"
    rf"(?:[(<\[]?\s*(?P<email>{EMAIL_RE.pattern})\s*[)>\]]?)?\s*$"
)
_EMAIL_ONLY_RE = re.compile(rf"^\s*[(<\[]?\s*(?P<email>{EMAIL_RE.pattern})\s*[)>\]]?\s*$")


@dataclass(frozen=True, slots=True)
class Byline:
    """What a marker at the start of a line says, and where the body resumes (`rest`)."""

    outlet: str | None = None
    reporter: str | None = None
    email: str | None = None
    rest: str = ""


def first_name(names: str) -> str:
    return re.split(r"\s*[·,]\s*", names.strip())[0]


def leading_byline(line: str) -> Byline | None:
    """An outlet marker or byline opening the line, with the text after it; None if none."""
    table = outlets()
    m = _BRACKET_RE.match(line)
    if m:
        outlet = table.canonical(m["name"])
        if outlet:
            return _with_lead_reporter(Byline(outlet=outlet, rest=line[m.end() :]))
    m = _PAREN_RE.match(line)
    if m:
        a, b = m["a"].strip(), m["b"].strip()
        role = _ROLE_SUFFIX_RE.match(b)
        if role:
            outlet = table.canonical(a) or a
            return Byline(outlet=outlet, reporter=first_name(role["name"]), rest=line[m.end() :])
        outlet = table.canonical(b) or table.canonical(a)
        if outlet:
            return _with_lead_reporter(Byline(outlet=outlet, rest=line[m.end() :]))
    return None


def _with_lead_reporter(b: Byline) -> Byline:
    m = _LEAD_REPORTER_RE.match(b.rest)
    if not m:
        return b
    return Byline(outlet=b.outlet, reporter=first_name(m["name"]), rest=b.rest[m.end() :])


def signature(line: str) -> Byline | None:
    """A line that is only a reporter's signature (name, role, optional e-mail), else None."""
    if "@" not in line and not any(map(line.__contains__, _ROLE_MARKS)):
        return None  # neither regex can match: most lines end here, cheaply
    m = _SIGNATURE_RE.match(line)
    if m:
        outlet = outlets().canonical(m["outlet"]) if m["outlet"] else None
        if m["outlet"] and outlet is None:
            return None
        email = m["email"]
        return Byline(
            outlet=outlet or outlet_from_email(email), reporter=first_name(m["name"]), email=email
        )
    m = _EMAIL_ONLY_RE.match(line)
    if m:
        return Byline(outlet=outlet_from_email(m["email"]), email=m["email"])
    return None


def outlet_from_email(email: str | None) -> str | None:
    if not email or "@" not in email:
        return None
    return outlets().from_host(email.rsplit("@", 1)[1])
