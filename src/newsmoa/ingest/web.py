"""Feeds and web pages: URL -> RawItems. The HTTP client is injected (an httpx transport in
tests), so nothing here needs the network to be tested.

A URL that answers with an RSS or Atom feed yields one item per entry: the entry's full
content when the feed carries it, else the linked page, else the entry's summary. Any other
page is one article (its main text is found at extraction).
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass
from html import unescape
from typing import Any
from urllib.parse import urljoin

import httpx

from newsmoa import settings
from newsmoa.errors import InputError, Skipped
from newsmoa.extract.article import published_time
from newsmoa.extract.bylines import EMAIL_RE
from newsmoa.extract.mastheads import site_titled
from newsmoa.extract.urls import is_web_url, url_key
from newsmoa.ingest.readers import Item, decode, is_saved_feed, read_jsonl, read_text
from newsmoa.types import RawItem

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")
USER_AGENT = "newsmoa/0.1 (+https://github.com/newsmoa)"
MAX_PAGE_BYTES = 20 * 1024 * 1024  # a news page or feed is far smaller; more is not one

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    content_type: str
    body: bytes
    charset: str | None = None  # as the Content-Type header declares it


class Fetcher:
    """GETs pages with one client; `transport` replaces the network (httpx.MockTransport).
    The timeout (`NEWSMOA_FETCH_TIMEOUT_S`) bounds the whole fetch of a page, not only each
    wait for bytes (a server that sends a byte a second would hold a batch for hours), and a
    page over `max_bytes` is refused as it arrives."""

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout_s: float | None = None,
        max_bytes: int = MAX_PAGE_BYTES,
    ) -> None:
        timeout = timeout_s if timeout_s is not None else settings.seconds("fetch_timeout_s")
        self.timeout_s = timeout
        self.max_bytes = max_bytes
        self.client = httpx.Client(
            transport=transport,
            timeout=timeout,
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        )

    def get(self, url: str) -> Page | InputError:
        deadline = time.monotonic() + self.timeout_s
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code >= 400:
                    return InputError(url, f"cannot fetch: HTTP {response.status_code}")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        return InputError(url, f"cannot fetch: over {self.max_bytes} bytes")
                    if time.monotonic() > deadline:
                        return InputError(
                            url, f"cannot fetch: not all of it within {self.timeout_s:g} s"
                        )
                    chunks.append(chunk)
        except httpx.HTTPError as exc:
            return InputError(url, f"cannot fetch: {exc.__class__.__name__}: {exc}")
        ctype, _, params = response.headers.get("content-type", "").partition(";")
        charset = next(
            (v.strip(" \"'") for k, _, v in (p.partition("=") for p in params.split(";"))
             if k.strip().lower() == "charset"),
            None,
        )  # fmt: skip
        return Page(str(response.url), ctype.strip().lower(), b"".join(chunks), charset)


def is_feed(page: Page) -> bool:
    """Whether the page is a feed (or other XML): by its type, else by its opening, after a
    byte-order mark and comments (`readers.is_saved_feed`). A feed with a UTF-8 mark
    served as `text/html` was read as a page, one article titled by the feed's name (a
    black-box case)."""
    if page.content_type in FEED_TYPES or is_saved_feed(page.body):
        return True
    head = page.body[:512].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))


def read_url(
    url: str,
    fetcher: Fetcher,
    *,
    follow_links: bool = True,
    known: Container[str] = (),
    unread: set[str] | None = None,
    versions: dict[str, str] | None = None,
) -> Iterator[Item]:
    """A page's article, or a feed's entries except those whose key (`entry_key`) is in
    `known` (so a poller fetches neither them nor their links again; `known` a mapping of
    keys to `entry_version`s: unless the entry changed since); the keys of entries that
    could not be read are added to `unread`, those read to `versions` with their version
    (`read_feed`)."""
    page = fetcher.get(url)
    if isinstance(page, InputError):
        yield page
        return
    if is_feed(page):
        yield from read_feed(
            page,
            fetcher,
            follow_links=follow_links,
            known=known,
            unread=unread,
            versions=versions,
        )
        return
    text = _decoded(url, page)
    if isinstance(text, InputError):  # (said of a page, not of a file)
        kind = page.content_type
        texty = not kind or kind.startswith("text/") or "html" in kind or "xml" in kind
        said = text.message if texty else f"not a page or feed: {kind}"
        if not page.body.strip():
            said = "an empty page: the server sent nothing"
        yield InputError(url, said)
        return
    if page.content_type in JSONL_TYPES or page.url.lower().endswith(".jsonl"):
        yield from read_jsonl(url, text)
    elif page.content_type == "text/plain":  # one or several pasted articles, as a .txt file
        yield from read_text(url, text)
    else:
        yield RawItem(origin=url, html=text, url=page.url)


def _decoded(url: str, page: Page) -> str | InputError:
    """The page's text in the charset its header declares, else in the one its own `<meta>`
    declares, else as a file is read (`readers.decode`: UTF-8, UTF-16 with its mark,
    CP949). A server that names no charset left a windows-1252 page (`<meta charset=
    "windows-1252">`) to be read as CP949: its quotes and accents were Hangul, or the page
    was refused as no text (a black-box case)."""
    charset = page.charset or meta_charset(page.body)
    if charset:
        try:  # text that is valid UTF-8 is UTF-8, whatever a misconfigured server declares
            return page.body.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        try:
            return page.body.decode(_CHARSET_ALIASES.get(charset.lower(), charset))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: read it as a file would be
    return decode(url, page.body)


def meta_charset(body: bytes) -> str | None:
    """The charset a page's head declares (`<meta charset="euc-kr">`, `<meta
    http-equiv="Content-Type" content="text/html; charset=euc-kr">`), or None."""
    found = _META_CHARSET.search(body[:_META_BYTES])
    return found.group(1).decode("ascii") if found else None


_META_BYTES = 4096  # a page's <meta> charset stands in its first 1024 bytes (HTML spec)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
# what browsers read a declared name as (WHATWG Encoding): EUC-KR is CP949, its superset with
# every Hangul syllable (`똠`), and Latin-1 is windows-1252 (its curly quotes)
_CHARSET_ALIASES = {
    "euc-kr": "cp949",
    "euckr": "cp949",
    "ks_c_5601-1987": "cp949",
    "x-windows-949": "cp949",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}


def feed_bytes(page: Page) -> bytes:
    """The feed's bytes as feedparser reads them right: UTF-8 (or UTF-16 with its mark), or
    in the encoding its XML declaration names when they are that; else, in the charset its
    header declares or in CP949 (older Korean feeds), made UTF-8 and declared so. feedparser
    read a CP949 feed that declared no encoding, or UTF-8, as windows-1252: every title and
    text garbled (a black-box case)."""
    body = page.body
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return body
    declared = _XML_ENCODING.search(body[:_DECLARATION_BYTES])
    named = declared.group(2).decode("ascii").lower() if declared else None
    for encoding in ("utf-8", named):
        if encoding is not None and _as_text(body, encoding) is not None:
            return body
    for encoding in (page.charset, "cp949"):
        text = _as_text(body, encoding) if encoding is not None else None
        if text is not None:
            if declared:
                text = _XML_ENCODING_TEXT.sub(r"\g<1>utf-8\g<3>", text, count=1)
            return text.encode("utf-8")
    return body


def _as_text(body: bytes, encoding: str) -> str | None:
    """The bytes read in `encoding`; None when they are not in it (or it is no encoding)."""
    try:
        return body.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


_DECLARATION_BYTES = 200
# an XML declaration's encoding (what stands before it, the name, its closing quote), in the
# feed's bytes and in its text once read
_DECLARATION = r"^(\s*<\?xml[^>]*?\bencoding\s*=\s*[\"'])([A-Za-z0-9._:-]+)([\"'])"
_XML_ENCODING = re.compile(_DECLARATION.encode("ascii"))
_XML_ENCODING_TEXT = re.compile(_DECLARATION)


def entry_key(entry: Any, feed_url: str, feed: Any = None) -> str | None:
    """What identifies a feed entry across fetches, feeds and copies of a feed, never where
    a saved feed lies or how its path was typed (the same file read as `fd/a.xml`, by its
    absolute path and copied to `b.xml` was three articles: a black-box case). In order:
    its id (guid) when that is a URI of another scheme than http(s) (`urn:uuid:...`,
    `tag:...`: unique by itself, and what earlier versions stored); its link as the article
    it names (`url_key`: `?utm_source=rss` and `?utm_source=twitter` are one article, keyed
    as a JSONL `url` is); its guid when that is a URL, the same way; its guid within the
    feed (`feed_scope`: two feeds may both number their entries 1, 2, ...); else, only for
    a feed that says nothing of itself, its guid within the feed at `feed_url`. `feed` is
    the feed's own description (feedparser's `feed`)."""
    meta = feed if feed is not None else {}
    guid = entry.get("id")
    if guid and _URI.match(guid) and not is_web_url(guid):
        return guid
    link = entry_link(entry, link_base(meta, feed_url))
    if link:
        return url_key(link)
    if guid and is_web_url(guid):
        return url_key(guid)
    if not guid:
        return None
    return f"{feed_scope(meta, feed_url) or feed_url}#{guid}"


def entry_link(entry: Any, base: str | None) -> str | None:
    """The entry's link as an absolute web URL, a relative one resolved against `base`
    (`link_base`); none when it cannot be: a relative link with no base (resolved against
    a saved file's path it named the file, not the article), or a guid that is no URL
    (feedparser gives a permalink guid as the link, `10234` too)."""
    link = entry.get("link")
    if not link or (entry.get("guidislink") and not is_web_url(link)):
        return None
    if is_web_url(link):
        return str(link)
    return urljoin(base, link) if base else None


def link_base(feed: Any, feed_url: str) -> str | None:
    """What an entry's relative link is relative to: the feed's URL when it was fetched,
    else the site it declares (its channel `<link>`); a saved file's path is no base."""
    if is_web_url(feed_url):
        return feed_url
    link = feed.get("link")
    return str(link) if link and is_web_url(link) else None


def feed_scope(feed: Any, feed_url: str) -> str | None:
    """What a feed is known by, wherever it was saved: the identity it declares (Atom's
    feed id, an RSS channel's `<link>`, its self link), as the address it names; else the
    URL it was fetched from; else, only when it declares none, its title (a saved feed
    with none of them is not told from another by anything but its path)."""
    selves = [x.get("href") for x in feed.get("links", []) if x.get("rel") == "self"]
    for ref in (feed.get("id"), feed.get("link"), *selves):
        if ref and _URI.match(ref):
            return url_key(ref)
    if is_web_url(feed_url):
        return feed_url
    title = " ".join(str(feed.get("title") or "").split())
    return title or None


_URI = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:\S")


def _feed_outlet(title: str | None) -> str | None:
    """The outlet a feed's title gives its entries: an outlet the tables know by that name,
    else none: an aggregator's or a desk's feed ("테스트 피드", "뉴스 전체", "오늘의 주요뉴스
    모음") named every entry's outlet, over the one its text names (`(인천=연합뉴스)`: a
    black-box case). Such a title is the entry's `source_name`, its outlet only when its
    text and page name none. A title of several words is an outlet's section (`바다일보
    지역뉴스` named every entry, over the `ⓒ 바다일보` of its text: a black-box case): its
    first word names the outlet when it is one."""
    from newsmoa.extract.tables import outlets

    if not title or not title.split():
        return None
    known = outlets()
    whole = title.strip()
    if whole in known.by_alias or len(whole.split()) == 1:
        return known.canonical(whole)
    return known.canonical(whole.split()[0])


def _source_outlet(entry: Any) -> str | None:
    """The outlet an entry's `<source>` names: as the tables know it (also the first word
    of a feed's title there, `솔뫼신문 - 지역`: `_feed_outlet`), else as it is written."""
    name = entry_source(entry)
    return (_feed_outlet(name) or name) if name else None


def entry_title(entry: Any) -> str | None:
    """The entry's headline as text. feedparser gives a title as the markup it holds (an
    Atom `type="html"` title, every RSS title): `착공&hellip;청년농` and `&quot;동결&quot;`
    were stored and shown so (a black-box case); its tags go and its references are read.
    An aggregator's headline ends with the outlet its `<source>` names (`… - 다솜뉴스`,
    `… | 다솜뉴스`), which is no word of the headline (`entry_source`; cut as a page's title
    is, `mastheads.site_titled`)."""
    detail = entry.get("title_detail") or {}
    title = entry.get("title")
    if title and "html" in str(detail.get("type", "")):
        title = " ".join(unescape(_TAG.sub("", title)).split()) or None
    source = entry_source(entry)
    if title and source and (sited := site_titled(title, source)) is not None:
        return sited[0]
    return title


def entry_source(entry: Any) -> str | None:
    """The outlet an aggregator's entry names as its source (RSS `<source url=…>다솜뉴스
    </source>`, Atom `<source><title>`): the entry is that outlet's report, not the feed's.
    A news search's feed named every entry's outlet by its own title (`"청솔군" - 뉴스 검색`)
    whenever its page could not be read (a black-box case)."""
    source = entry.get("source") or {}
    name = " ".join(unescape(_TAG.sub("", str(source.get("title") or ""))).split())
    return name or None


_TAG = re.compile(r"<[^<>]*>")


def entry_author(entry: Any) -> tuple[str | None, str | None]:
    """The entry's author as `RawItem` carries it: the name as written (`홍길동 기자`;
    extraction reads the name from it) and the e-mail. RSS writes `e-mail (name)`,
    `dc:creator` a name, Atom a name and an e-mail, which feedparser joins as `name
    (e-mail)`; its own split cuts an address of an unknown domain (`hong@chungsol.exam`),
    so the e-mail is read here. The authors were never read (a feed's reporter was lost)."""
    written = " ".join(unescape(_TAG.sub("", str(entry.get("author") or ""))).split())
    found = EMAIL_RE.search(written)
    email = found.group() if found else None
    name = written.replace(email, " ") if email else written
    name = " ".join(name.strip(" ()<>[],;").split())
    return name or None, email


def entry_version(entry: Any) -> str:
    """What says an entry changed since a poll read it: a digest of its `updated` time (an
    Atom entry's, an RSS item's `dc:date`), else its date, with its title, teaser and
    content. An outlet that corrects an article gives its entry a new time or text under the
    same key; a running watch skipped it as seen, so the correction never came in (a
    black-box case)."""
    said = [
        str(entry.get("updated") or entry.get("published") or ""),
        str(entry.get("title") or ""),
        str(entry.get("summary") or ""),
        *(str(c.get("value", "")) for c in entry.get("content", [])),
    ]
    return hashlib.sha1("\x1f".join(said).encode("utf-8")).hexdigest()[:16]


def _seen(known: Container[str], key: str | None, entry: Any) -> bool:
    """Whether the entry is one `known` holds, unchanged when `known` maps keys to versions
    (a version None: whatever it is now)."""
    if key is None or key not in known:
        return False
    if not isinstance(known, Mapping):
        return True
    return known[key] is None or known[key] == entry_version(entry)


NO_ENTRIES = "a feed without entries"


def read_feed(
    page: Page,
    fetcher: Fetcher | None,
    *,
    follow_links: bool = True,
    known: Container[str] = (),
    unread: set[str] | None = None,
    versions: dict[str, str] | None = None,
) -> Iterator[Item]:
    """The feed's entries not in `known` (`_seen`), each read from its content, else its
    linked page, else its summary; an entry with none of them is an error naming its link
    and why the link could not be read, and its key goes to `unread` (a poller tries it
    again later, not at every poll), as does the key of one read from its summary for a
    link that could not be read (`RawItem.note` says so); an entry read, its key and
    `entry_version` to `versions`. Without a fetcher (a feed saved as a file) no link is read."""
    import feedparser

    feed = feedparser.parse(feed_bytes(page))
    if feed.bozo and not feed.entries:
        yield InputError(page.url, f"not a readable feed: {feed.get('bozo_exception')}")
        return
    if not feed.entries and not feed.get("version"):  # XML of another kind (a sitemap)
        yield InputError(page.url, "not a feed (RSS, Atom or RDF)")
        return
    if not feed.entries:  # a feed with nothing in it yet: named, as a page without text is
        yield Skipped(page.url, NO_ENTRIES, reason=NO_ENTRIES)
        return
    feed_title = feed.feed.get("title")
    base = link_base(feed.feed, page.url)
    for n, entry in enumerate(feed.entries, start=1):
        key = entry_key(entry, page.url, feed.feed)
        if _seen(known, key, entry):
            continue
        link = entry_link(entry, base)
        content = "".join(c.get("value", "") for c in entry.get("content", []))
        html = content or None
        page_read = False
        why = "no link" if not link else ""
        if html is None and link and follow_links and fetcher is not None:
            linked = fetcher.get(link)
            if isinstance(linked, Page):
                text = _decoded(link, linked)
                html = text if isinstance(text, str) else None
                page_read = html is not None
                # (a redirector's link: the article is at the page's own address)
                link = linked.url if page_read and is_web_url(linked.url) else link
                why = "" if page_read else f"{link}: {getattr(text, 'message', text)}"
            else:
                why = f"{link}: {linked.message}"
        note = None
        if html is None:
            html = entry.get("summary") or None
            if html and why and link:  # (a teaser stored in place of the page: said, and
                note = f"its link could not be read ({why}); its feed's summary is read instead"
                if unread is not None and key is not None:  # its link tried again later)
                    unread.add(key)
        if not html:
            said = f" ({why})" if why else ""
            yield InputError(page.url, f"entry {n} has no content, summary or readable link{said}")
            if unread is not None and key is not None:
                unread.add(key)
            continue
        markup = "<" in html  # a summary may be plain text, which is the article's text
        published = entry.get("published") or entry.get("updated")
        if published and published_time(published) is None:
            # (the article was stored undated without a word: a black-box case)
            log.warning(
                "%s#%d (%s): its date %r is no date newsmoa reads; dated by its text if at all",
                page.url,
                n,
                entry_title(entry) or link or "untitled",
                published,
            )
        if versions is not None and key is not None:
            versions[key] = entry_version(entry)
        yield RawItem(
            origin=f"{page.url}#{n}",
            html=html if markup else None,
            text=None if markup else html,
            url=link,
            outlet=_source_outlet(entry) or _feed_outlet(feed_title),
            source_name=None if page_read else feed_title,
            title=entry_title(entry),
            published=published,
            id=key,
            reporter=(author := entry_author(entry))[0],
            email=author[1],
            note=note,
        )
