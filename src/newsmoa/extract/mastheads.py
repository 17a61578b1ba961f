"""Lines a page shows above its headline, which a text copied from it keeps: the outlet's
masthead (`전북일보`), the breadcrumb of its sections (`홈 > 사회 > 지역`) and the label of
its section (`문화`, `[사회]`).

A text pasted from a page read them as its headline and standfirst: the story was titled
`전북일보`, `홈 > 뉴스 > 사회` or `문화`. A breadcrumb and a label are left out; a masthead
names the outlet.
"""

from __future__ import annotations

import re

from newsmoa.extract.tables import (
    breadcrumb_words,
    dated_masthead_endings,
    masthead_endings,
    outlets,
    portals,
    section_labels,
)
from newsmoa.text.bullets import BULLETS
from newsmoa.text.script import has_hangul

_STEP = re.compile(r"\s*[>›»]\s*")
_STEP_MAX_CHARS = 15  # a section's name is short; a headline quoting `A > B` is not a trail


def is_breadcrumb(line: str) -> bool:
    """Whether `line` is a trail of sections: steps between `>`, `›` or `»`, each short and
    without a figure (`1위 삼성 > 2위 LG` is a headline), three or more, or two opening with
    a word such as `홈` or `Home`. (A line that is the text's only headline stays its
    headline: `_read_lines`.)"""
    steps = _STEP.split(line.strip())
    if len(steps) < 2 or any(
        not s or len(s) > _STEP_MAX_CHARS or any(c.isdigit() for c in s) for s in steps
    ):
        return False
    return len(steps) >= 3 or steps[0].lower() in breadcrumb_words()


_LABEL_WORDS = re.compile(r"\s*[·|/>,]\s*|\s+")
_BRACKETS = "[]【】〔〕<>〈〉()"
_GENERAL = "일반"  # `사회일반`: the section's general news


def is_section_label(line: str) -> bool:
    """Whether `line` is only the name of a site's section (`section_labels.tsv`), in
    brackets or not, or several such names between spaces, `·`, `|`, `/` or `>`
    (`경제 · 산업`, `사회일반`, `사회 일반`)."""
    name = line.strip().strip(_BRACKETS).strip().lower()
    labels = section_labels()
    if not name or name in labels:
        return bool(name)
    words = [w for w in _LABEL_WORDS.split(name) if w]
    named = [w for w in words if w != _GENERAL]  # (`사회 일반`, `경제 · 일반`)
    return bool(named) and all(
        w in labels or (w.endswith(_GENERAL) and w[: -len(_GENERAL)] in labels) for w in named
    )


# a section's label in brackets opening a headline (`[포토] 청솔군, 창업공간 개소식`)
_TAGGED = re.compile(r"^\s*[\[【［]\s*(?P<tag>[^\[\]【】［］]{1,10}?)\s*[\]】］]\s*\S")


def section_tagged(line: str) -> bool:
    """Whether `line` opens with a section's label in brackets (`[포토]`, `[포토뉴스]`,
    `[영상]`: `section_labels.tsv`) and goes on: a photo report's headline, when nothing
    but page furniture stands above it (`article._read_lines`), not a caption."""
    m = _TAGGED.match(line)
    return m is not None and is_section_label(m["tag"])


_BULLETS = BULLETS  # a label's bullet (`■ 한빛일보`)
_ALIAS_MIN_CHARS = 3  # `문화`, `세계`, `서울`: aliases of outlets, and section labels too


def masthead(line: str, *, dated: bool = False) -> str | None:
    """The outlet `line` is the masthead of: an outlet table's name, or an alias of three
    characters or more, written alone (`문화일보`, `MBC`), or one word with a masthead's
    ending (`masthead_endings.tsv`: `전북도민일보`), or two to four capitalised English words
    whose last has one (`State Journal-Register`: it titled the story); else None (`문화`,
    `지역뉴스`, a headline of several words). A bullet before it (`■ 한빛일보`, as a blog
    pasting placements labels each) is no part of the name: it titled the article.
    `dated`: the line stands beside the page's date (right above its date line, or before
    the date on its line): a masthead may end as a headline does too (`Kent County News`,
    `청솔뉴스`: `dated_masthead_endings.tsv`), unless it is a section's label (`지역뉴스`)."""
    name = line.strip().lstrip(_BULLETS).strip()
    table = outlets()
    known = table.by_alias.get(name)
    if known is not None and (name == known or len(name) >= _ALIAS_MIN_CHARS):
        return known
    endings = masthead_endings()
    if dated and not is_section_label(name):
        endings += dated_masthead_endings()
    if (
        len(name.split()) == 1
        and has_hangul(name)  # (the English endings take their words apart: `FirstTimes`)
        and any(name.endswith(end) and len(name) > len(end) for end in endings)
    ):
        return name  # (an ending alone, `신문`, names no outlet)
    if _ENGLISH_MASTHEAD.fullmatch(name) and re.split(r"[\s-]", name)[-1] in endings:
        return name  # `State Journal-Register`, `The Valley Ledger`, `Springfield Patch`
    return None


# an English masthead: two to four capitalised words, `The` first at most, no function
# word (`Signs Of The Times` is a headline)
_ENGLISH_MASTHEAD = re.compile(
    r"(?:The\s+)?(?!(?:Of|The|In|On|At|To|For|And|A|An|By|With|From)\b)[A-Z][\w&'’.]*"
    r"(?:[\s-](?!(?:Of|The|In|On|At|To|For|And|A|An|By|With|From)\b)[A-Z][\w&'’.]*){1,3}"
)


# a page's title as a browser or a feed gives it: the headline, then its site's name after a
# dash, a bar or a colon (`… - 청솔일보`, `… | 청솔일보`, `… :: 청솔일보`; Google News
# entries so title theirs), maybe after the article's sections (`… < 지역 < 기사본문 -
# 청솔일보`, a Korean CMS's `<title>`)
_SITE_AFTER = re.compile(r"^(?P<head>.+)\s+(?:[-|–—:<«]|::)\s+(?P<site>[^|–—:<>«]{2,30}?)\s*$")
_SECTIONS_AFTER = re.compile(r"(?:\s+<\s*[^<>]{1,20}?)+\s*$")
_HEADLINE_MIN_CHARS = 4  # what is left is a headline (`예산 확정`), not a word (`지역`)


def site_titled(title: str, site_name: str | None = None) -> tuple[str, str | None] | None:
    """The headline and the outlet of a title with its site's name after it (`청솔군, 귀농인
    지원 확대 - 청솔일보`, `… | 청솔일보`, `… < 청솔일보`: the outlet table's name or by its
    ending, or `site_name`, the name a page gives itself in `og:site_name`; a portal's, `… :
    네이버 뉴스`, is left out and names none: `portals.tsv`); None when no outlet's or
    portal's name closes it (`청솔군 - 귀농 1번지로`). The site's name stayed in the story's
    title, and the article was unnamed."""
    m = _SITE_AFTER.match(title.strip())
    if m is None:
        return None
    site = " ".join(m["site"].split())
    portal = site.lower() in portals()
    own = site_name is not None and site == " ".join(site_name.split())
    outlet = None if portal else (site if own else outlets().canonical(site))
    if outlet is None and not portal:
        return None
    head = _SECTIONS_AFTER.sub("", m["head"]).strip()
    # (a page's own name, `site_name`, is cut from a short headline too: `예산 확정 | 한가람일보`)
    return (head, outlet) if head and (own or len(head) >= _HEADLINE_MIN_CHARS) else None
