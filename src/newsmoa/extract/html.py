"""Main text and metadata of a web page, via trafilatura (the field's reference extractor)."""

from __future__ import annotations

import json
import logging
import re
from typing import Any
from urllib.parse import urlsplit

from newsmoa.extract.bylines import EMAIL_RE
from newsmoa.text.bullets import BULLETS

log = logging.getLogger(__name__)


def html_to_text(html: str, *, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The page's main text (paragraphs on their own lines) and what its metadata says.

    Returns ("", {}) when the page has no main text; never raises for a bad page. A page laid
    out in tables (an older site's article in a `<td>`, its paragraphs split by `<br>`),
    in which trafilatura finds no text since it leaves tables out, is read again with its
    table cells as blocks: it was dropped as empty (a black-box case).
    """
    page = as_document(html)
    data = _main_text(page, url)
    if not data.get("text") and _TABLE_TAG.search(page):
        data = _main_text(_TABLE_TAG.sub(r"<\1div", page), url)
    if not data.get("text"):
        return "", {}
    hints = {k: data.get(k) for k in ("title", "author", "date", "sitename") if data.get(k)}
    if author := hints.get("author"):
        hints["author"] = signed_part(str(author))
    if title := hints.get("title"):
        hints["title"] = without_site_name(str(title), hints.get("sitename"))
    hints.update(page_furniture(html, title=hints.get("title")))
    # a page that says it is a list is one unless it is dated or signed as an article is
    # (an older site's article page says `website` too: `page_types.tsv`)
    if (said := hints.pop("listing", None)) and not hints.keys() & _ARTICLE_HINTS:
        hints["not_article"] = f"not an article: the page says it is a list ({said})"
    return _headed(_unlisted_signatures(data["text"]), hints.get("title")), hints


_ARTICLE_HINTS = frozenset({"dateline", "published", "date", "author"})


def signed_part(author: str) -> str:
    """A page's author up to where it signs as a reporter (`오세린 기자` of `오세린 기자
    다른기사 보기`: a writer box's links after the name, which trafilatura gives as the
    author, were the reporter's name: a black-box case); else as it is (several authors,
    `김민지 기자; 박도현 기자`, a name alone)."""
    from newsmoa.extract.bylines import signature

    words = author.split()
    if ";" in author or signature(author) is not None:
        return author
    for n in range(len(words) - 1, 0, -1):
        signed = signature(" ".join(words[:n]))
        if signed is not None and signed.reporter:
            return " ".join(words[:n])
    return author


def without_site_name(title: str, site: str | None) -> str:
    """A page's title without its site's name after it (`청솔군, 난방비 지원 확대 - 새청솔일보`,
    `… | 새청솔일보`, `… :: 새청솔일보`): the name `og:site_name` gives (`site`), or one the
    outlet table knows (`mastheads.site_titled`, which a text's title line goes through too).
    The headline kept the name, and the line of the page that is the headline was not found,
    nor the reporter and dateline under it (a black-box case)."""
    from newsmoa.extract.mastheads import site_titled

    found = site_titled(title, site)
    return found[0] if found is not None else title


def _headed(text: str, title: str | None) -> str:
    """`text` under its page's headline, which trafilatura leaves out with the <h1>, when
    its first line is a subtitle (`- 창업공간 30곳 조성…`, `― …`, `▶ …`): that subtitle was
    taken for the headline (a black-box case). A text opening otherwise is as it was (the
    page's title names the article when no line of it does)."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    if not title or not first.lstrip().startswith(_SUBTITLE_MARKS):
        return text
    return f"{title}\n{text}"


_SUBTITLE_MARKS = ("-", "―", "—", "–", *BULLETS)  # a dash or a bullet


def _unlisted_signatures(text: str) -> str:
    """`text` with trafilatura's list mark (`- `) off the items that are a reporter's
    signature: a page's information list under its headline (`<li>홍길동 기자</li>`, then
    its 승인 and 댓글 items) came out as `- 홍길동 기자`, which no reader of bylines took
    for one, and the article's subtitle was `- 홍길동 기자`, or `- 댓글 0` (a black-box
    case). The list's counters are left out."""
    from newsmoa.extract.bylines import signature

    lines = []
    for line in text.split("\n"):
        item = line[len(_LIST_MARK) :].strip() if line.startswith(_LIST_MARK) else ""
        if item and _INFO.fullmatch(item.replace(" ", "")):
            continue  # its counter (`댓글 0`, `조회수 123`), then the subtitle
        lines.append(item if item and signature(item) is not None else line)
    return "\n".join(lines)


_LIST_MARK = "- "  # how trafilatura's text opens a list's item


# a table's own tags (a cell's text stays in it): read as blocks in a page laid out in tables
_TABLE_TAG = re.compile(r"<(/?)(?:table|thead|tbody|tfoot|tr|td|th)\b", re.IGNORECASE)


def _main_text(page: str, url: str | None) -> dict[str, Any]:
    """What trafilatura finds in the page: its `text` and metadata ({} for nothing)."""
    import trafilatura
    from trafilatura.settings import set_date_params

    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # trafilatura's own date settings without the extensive search (which takes any
            # year the body recalls, "지난 2013년", for the day the page was published: its
            # article left its story), with the time of day and its offset too
            # (`article:published_time`), where it gives the day alone
            date_extraction_params={
                **set_date_params(False),
                "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            },
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        log.info("%s: no main text: %s", url or "page", exc)
        return {}
    if doc is None:
        return {}
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def as_document(html: str) -> str:
    """`html` as a page: a fragment (a feed entry's content or summary, a JSONL `html`
    field) in a body of its own. trafilatura read a bare fragment of one block, `<p>…</p>`
    or text with a `<br>`, as no text at all, and the entry was dropped as empty (a
    black-box case)."""
    return html if _DOCUMENT.search(html) else f"<html><body>{html}</body></html>"


_DOCUMENT = re.compile(r"<(?:html|head|body)[\s>/]", re.IGNORECASE)


# elements whose text stands on lines of its own on the page (inline ones, <span>, <em>,
# stay in their line: a notice "저작권자 <span>©</span> 전북도민일보" is one line)
_BLOCKS = frozenset(
    ("p", "div", "li", "ul", "ol", "br", "tr", "td", "th", "dd", "dt", "time", "section")
    + ("h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "article")
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_FURNITURE_CHARS = 200  # a dateline or a copyright notice is a short line


def page_furniture(html: str, *, title: str | None = None) -> dict[str, Any]:
    """What the page says outside its main text, read from all its short lines, which the
    main text leaves out: its labelled
    dateline (`입력 2024.05.28 16:45`: `published`, an ISO time; trafilatura gave the day
    alone, read as its midnight, ten hours before the release it reprinted: a black-box
    case) and the holder its copyright notice names (`publisher`: `저작권자 © 전북도민일보`).

    A line of datelines next to the headline's line (`title`, as the metadata found it;
    `_around_headline`, `_only_dates`) is the page's `dateline`, which outranks the
    datelines of the main text: a list of most-read articles above the story, each with
    its time, gave the page the first of their times, in the main text too (a black-box
    case); else the first labelled 입력 from the headline on (before the lists under the
    story) is. Without any, the page's datelines give `published`, which the main text's
    datelines outrank."""
    from lxml import html as lxml_html

    from newsmoa.extract.boilerplate import is_copyright
    from newsmoa.extract.bylines import (
        SIGNATURE_MAX_CHARS,
        copyright_outlet,
        leading_byline,
        signature,
    )
    from newsmoa.extract.datelines import find_datelines, published_dateline, written
    from newsmoa.extract.datelines_en import english_dateline

    try:  # (lxml refuses a str that declares its encoding: an XHTML page's <?xml …?>)
        root = lxml_html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    except Exception:  # noqa: BLE001 - lxml raises many kinds on broken markup
        return {}
    out: dict[str, Any] = linked_data_author(root)
    if said := declared_listing(root):
        out["listing"] = said
    if captions := figure_captions(root):
        out["captions"] = captions
    for el in root.iter("script", "style", "noscript"):
        el.text = ""
    for el in [e for e in root.iter("ul", "ol") if _links_list(e)]:
        el.drop_tree()  # other articles' titles and times (most read, related)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    body = root.find(".//body")  # (the <head>'s <title> is no headline line)
    page = root if body is None else body
    lines = [" ".join(line.split()) for line in page.text_content().split("\n")]
    lines = [line for line in lines if line]
    short = [line for line in lines if len(line) <= _FURNITURE_CHARS]
    holders = [copyright_outlet(line) for line in short if is_copyright(line)]
    headline = _headline_line(lines, title)
    if headline is None and _names_a_site(title, [h for h in holders if h]):
        headline = _headline_over_dateline(lines)
        if headline is not None:
            out["title"] = lines[headline]
    below, above = ([], []) if headline is None else _around_headline(lines, headline)
    after = (
        [] if headline is None else [ln for ln in lines[headline:] if len(ln) <= _FURNITURE_CHARS]
    )
    for key, lines_read in (
        ("dateline", [line for line in below + above if _only_dates(line)]),
        ("dateline", after),  # (from the headline on: the page's before its lists')
        ("published", short),
    ):
        datelines = [d for line in lines_read for d in find_datelines(line)]
        if not datelines:  # an English page's (`Posted: Jun. 3, 2016 at 10:40 AM`)
            found = (english_dateline(line) for line in lines_read)
            datelines = [d for d in found if d is not None][:1]
        if (first := published_dateline(datelines)) is not None:  # (입력 before 수정)
            out[key] = written(first)
            break
    # the reporter its information list names under the headline (`기자명 한상민 기자`),
    # which the main text leaves out with the list
    # ... or its English byline there (`By Jane Roe | jroe@…`), whose e-mail was lost
    signed = (
        signature(line) or leading_byline(line)
        for line in below
        if len(line) <= SIGNATURE_MAX_CHARS
    )
    if byline := next((b for b in signed if b is not None and b.reporter), None):
        out["reporter"] = byline.reporter
        if byline.email and "email" not in out:
            out["email"] = byline.email
    if holder := next((h for h in reversed(holders) if h), None):
        out["publisher"] = holder
    return out


def declared_listing(root: Any) -> str | None:
    """What the page says it is (`og:type website`, `@type CollectionPage`) when that is a
    list of articles (`page_types.tsv`) and nothing says it is an article (another
    `@type`, an `article:published_time`); else None."""
    from newsmoa.extract.tables import page_types

    kinds = page_types()
    said = [
        ("og:type", str(el.get("content") or "").strip())
        for el in root.iter("meta")
        if el.get("property") == "og:type"
    ]
    for el in root.iter("script"):
        if "ld+json" in (el.get("type") or "").lower() and el.text:
            try:
                said.extend(("@type", t) for t in _ld_types(json.loads(el.text)))
            except ValueError:
                continue
    if any(el.get("property") == "article:published_time" for el in root.iter("meta")):
        return None
    found = [(where, value, kinds.get(value.lower())) for where, value in said]
    if any(kind == "article" for *_, kind in found):
        return None
    return next((f"{where} {value}" for where, value, kind in found if kind == "listing"), None)


def _ld_types(data: Any) -> list[str]:
    """Every `@type` JSON-LD `data` names (in a list, an `@graph`, a list of types)."""
    if isinstance(data, list):
        return [t for item in data for t in _ld_types(item)]
    if not isinstance(data, dict):
        return []
    named = data.get("@type")
    types = [named] if isinstance(named, str) else [t for t in named or () if isinstance(t, str)]
    return types + _ld_types(data.get("@graph"))


def figure_captions(root: Any) -> list[str]:
    """The page's `<figcaption>`s, in order, each on one line: the article's captions, which
    trafilatura leaves out with the figures (they were lost, while the same article pasted
    as text kept them apart). A caption's photo credit (`(사진=김민수 기자)`) stays in it:
    it credits the picture, not the report."""
    from newsmoa.extract.lines import CAPTION_MAX_CHARS

    found: list[str] = []
    for el in root.iter("figcaption"):
        said = " ".join(el.text_content().split())
        if said and len(said) <= CAPTION_MAX_CHARS and said not in found:
            found.append(said)
    return found


def linked_data_author(root: Any) -> dict[str, str]:
    """The article's authors as its JSON-LD names them (`"author": {"@type": "Person",
    "name": "김하늘 기자", "email": …}`): `author` (names joined by "; ") and `email`, {}
    when it names none or only an organisation. trafilatura's author made an e-mail in the
    name into words (`김하늘 기자 Sky Example`) and dropped the e-mail field (a black-box
    case)."""
    names: list[str] = []
    emails: list[str] = []
    for el in root.iter("script"):
        if "ld+json" not in (el.get("type") or "").lower() or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        for author in _authors(data):
            name = author.get("name") if isinstance(author, dict) else author
            if not isinstance(name, str) or not name.strip():
                continue
            email = author.get("email") if isinstance(author, dict) else None
            found = EMAIL_RE.search(name)
            names.append(" ".join(EMAIL_RE.sub("", name).split()))
            emails.extend(e for e in (email, found and found.group()) if isinstance(e, str) and e)
        if names:
            break
    out = {"author": "; ".join(n for n in names if n)} if any(names) else {}
    if emails:
        out["email"] = emails[0].removeprefix("mailto:")
    return out


def _authors(data: Any) -> list[Any]:
    """The authors of the first object in JSON-LD `data` that names any (in a list, an
    `@graph`); an organisation is no author."""
    if isinstance(data, list):
        return next((a for item in data if (a := _authors(item))), [])
    if not isinstance(data, dict):
        return []
    if "@graph" in data:
        return _authors(data["@graph"])
    named = data.get("author")
    named = named if isinstance(named, list) else [named] if named else []
    return [a for a in named if not (isinstance(a, dict) and a.get("@type") == "Organization")]


ABOVE_HEADLINE = 3  # lines above the headline a page's own dateline may stand in
_PARAGRAPH_CHARS = 80  # a longer line under the headline (or a sentence) begins the text


def _around_headline(lines: list[str], headline: int) -> tuple[list[str], list[str]]:
    """Where a page's own dateline stands: the lines under its headline before the story's
    text begins, and the few above it, nearest first (a review: a date above the <h1>
    lost to a related list below the story; a most-read list above the headline took the
    page's time before: a black-box case)."""
    from newsmoa.extract.lines import ends_with_stop

    below = []
    for line in lines[headline + 1 :]:
        if len(line) > _PARAGRAPH_CHARS or ends_with_stop(line):
            break  # the story's text begins (a subtitle ending like a sentence does not)
        below.append(line)
    return below, lines[max(0, headline - ABOVE_HEADLINE) : headline][::-1]


_LEFT_OF_DATES = 1  # characters a line holds besides its datelines and their labels, ...
_INFO = re.compile(r"(?:조회수?|댓글|공유|추천)\d*")  # ... its counters, and a byline


def _only_dates(line: str) -> bool:
    """Whether a line is a page's datelines and little else (their labels, separators, its
    counters, its byline: `김철수 기자 | 입력 … | 조회수 123`): an item of a list of other
    articles holds one after its title (`청솔군 축제 입력 2024.05.20`), which is not the
    page's (reviews)."""
    from newsmoa.extract.bylines import signature
    from newsmoa.extract.datelines import find_datelines
    from newsmoa.extract.tables import dateline_labels

    found = find_datelines(line)
    if not found:
        return False
    left, at = [], 0
    for d in found:
        left.append(line[at : d.start])
        at = d.end
    left.append(line[at:])
    for segment in re.split(r"[|·/,]", " ".join(left)):
        words = segment
        for label in sorted(dateline_labels(), key=len, reverse=True):
            words = words.replace(label, "")
        words = words.replace(" ", "").strip(":-()[]")
        said = len(words) <= _LEFT_OF_DATES or _INFO.fullmatch(words)
        if not said and signature(segment.strip()) is None:  # (`김철수 기자 | 입력 …`)
            return False
    return True


def _links_list(el: Any) -> bool:
    """Whether a list is one of links to other articles (most read, related: each item a
    link), whose times are theirs: 3 items at least, each with a link. A page's own
    information list (reporter, 입력, 수정) links one item at most (a third check: a
    ranking's times, each in a <div> of its own, gave the page its time)."""
    items = [li for li in el if isinstance(li.tag, str) and li.tag.lower() == "li"]
    return len(items) >= 3 and all(li.find(".//a") is not None for li in items)


def _names_a_site(title: str | None, holders: list[str]) -> bool:
    """Whether a page's title is only its site's name (`:: 완주투데이 ::`, `청솔신문`): an
    older site's <title> on every page, which became the headline of each of its articles
    (a black-box case). No title names none."""
    from newsmoa.extract.tables import outlets

    name = _DECORATION.sub("", title or "")
    return not name or name in holders or outlets().canonical(name) is not None


_DECORATION = re.compile(r"^[\W_]+|[\W_]+$")  # `::`, `[ ]`, `-` around a site's name


def _headline_over_dateline(lines: list[str]) -> int | None:
    """The index of the headline of a page whose title names its site only: the line right
    above its first labelled dateline (`기사입력 2026-03-05 오전 9:40:00`), when that line is
    shaped as one (not a sentence, nor a menu's `HOME | 뉴스`); else None."""
    from newsmoa.extract.datelines import find_datelines
    from newsmoa.extract.lines import TITLE_MAX_CHARS, ends_with_stop

    dated = next(
        (i for i, ln in enumerate(lines) if any(not d.bare for d in find_datelines(ln))), None
    )
    if not dated:
        return None
    above = lines[dated - 1]
    shaped = len(above) <= TITLE_MAX_CHARS and not ends_with_stop(above)
    return dated - 1 if shaped and "|" not in above and not find_datelines(above) else None


def _headline_line(lines: list[str], title: str | None) -> int | None:
    """The index of the first line that is the headline (the page's <h1>, not its <title>
    with the site's name after it), or None when no line is."""
    wanted = " ".join((title or "").split())
    return next((i for i, line in enumerate(lines) if wanted and line == wanted), None)


def page_url(html: str) -> str | None:
    """The address a saved page names as its own (`<link rel="canonical">`, else
    `og:url`), when it is an article's: http(s), with a path or query beyond the site's
    root (a site whose every page names its home page names none). A page saved from the
    browser and ingested as a file had no URL: the placement could not be opened from the
    story, and the outlet's feed entry of it was a second article (a black-box case)."""
    from lxml import html as lxml_html

    from newsmoa.extract.urls import is_web_url

    try:
        root = lxml_html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    except Exception:  # noqa: BLE001 - lxml raises many kinds on broken markup
        return None
    named = [
        *(el.get("href") for el in root.iter("link") if _rel(el) == "canonical"),
        *(el.get("content") for el in root.iter("meta") if el.get("property") == "og:url"),
    ]
    for url in (u.strip() for u in named if u):
        if is_web_url(url) and urlsplit(url).path.strip("/") + urlsplit(url).query:
            return url
    return None


def _rel(el: Any) -> str:
    return (el.get("rel") or "").strip().lower()
