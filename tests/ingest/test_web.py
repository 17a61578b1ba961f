"""Feeds and pages through an injected transport: no network."""

from dataclasses import replace
from pathlib import Path

import httpx

from newsmoa.errors import InputError, Skipped
from newsmoa.extract.article import Dropped, extract
from newsmoa.ingest.readers import read_sources
from newsmoa.ingest.web import Fetcher
from newsmoa.types import Article, RawItem

BODY = "시는 내년 예산을 확정했다고 2일 밝혔다. 총액은 1조 원으로 올해보다 5% 늘었다."
PAGE = f"<html><head><title>예산 확정</title></head><body><article><h1>예산 확정</h1><p>{BODY}</p></article></body></html>"
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>한겨레</title>
<item><title>예산 확정</title><link>https://news.test/a/1</link><guid>https://news.test/a/1</guid>
<pubDate>Thu, 02 May 2024 09:30:00 +0900</pubDate><description>요약만</description></item>
<item><title>링크가 깨진 기사</title><link>https://news.test/a/404</link><pubDate>Thu, 02 May 2024 10:00:00 +0900</pubDate></item>
</channel></rss>"""


def handler(request: httpx.Request) -> httpx.Response:
    routes = {
        "/feed.xml": (200, "application/rss+xml", FEED),
        "/a/1": (200, "text/html; charset=utf-8", PAGE),
        "/page": (200, "text/html", PAGE),
    }
    status, ctype, body = routes.get(request.url.path, (404, "text/plain", "no"))
    return httpx.Response(status, headers={"content-type": ctype}, content=body.encode("utf-8"))


def fetcher() -> Fetcher:
    return Fetcher(transport=httpx.MockTransport(handler))


def test_feed_entries_follow_links_and_report_broken_ones():
    items = list(read_sources(["https://news.test/feed.xml"], fetcher=fetcher()))
    good = [i for i in items if isinstance(i, RawItem)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert len(good) == 1 and len(bad) == 1
    assert "entry 2" in str(bad[0]) and str(bad[0]).startswith("https://news.test/feed.xml")
    article = extract(good[0])
    assert article.id == "https://news.test/a/1" and article.outlet == "한겨레"
    assert BODY in article.text
    assert article.published.isoformat() == "2024-05-02T09:30:00+09:00"


def test_page_and_http_errors():
    items = list(
        read_sources(["https://news.test/page", "https://news.test/missing"], fetcher=fetcher())
    )
    assert isinstance(items[0], RawItem) and BODY in extract(items[0]).text
    assert isinstance(items[1], InputError) and "HTTP 404" in str(items[1])


def test_entries_of_two_feeds_numbered_alike_are_two_articles():
    """Two feeds that both number an entry "1": the entry's link names it, made absolute
    against its feed (a relative link); an entry without a link is named within its feed,
    and a plain-text summary is its text."""
    feeds = {
        f"/{name}.xml": f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{name}</title>
<item><title>기사</title><link>/a/1</link><guid isPermaLink="false">1</guid></item>
<item><title>요약</title><guid isPermaLink="false">2</guid><description>{BODY}</description></item>
</channel></rss>"""
        for name in ("one", "two")
    }

    def routes(request: httpx.Request) -> httpx.Response:
        body = feeds.get(request.url.path) or (PAGE if request.url.path == "/a/1" else None)
        kind = "application/rss+xml" if request.url.path in feeds else "text/html"
        return httpx.Response(
            200 if body else 404, headers={"content-type": kind}, content=(body or "no").encode()
        )

    got = Fetcher(transport=httpx.MockTransport(routes))
    items = list(read_sources(["https://a.test/one.xml", "https://b.test/two.xml"], fetcher=got))
    assert all(isinstance(i, RawItem) for i in items)
    assert [i.id for i in items] == [
        "https://a.test/a/1",
        "https://a.test/one.xml#2",
        "https://b.test/a/1",
        "https://b.test/two.xml#2",
    ]
    assert items[0].url == "https://a.test/a/1" and BODY in extract(items[1]).text


def test_a_page_is_refused_when_it_takes_too_long_in_all_or_is_too_large():
    """The timeout bounds the whole fetch: a server that keeps sending a little at a time
    (each wait shorter than the timeout) is given up on; so is a page over the size limit."""
    import time

    def trickle():
        for _ in range(1000):
            time.sleep(0.02)
            yield b"<p>x</p>"

    def routes(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/slow":
            return httpx.Response(200, headers={"content-type": "text/html"}, content=trickle())
        return httpx.Response(200, headers={"content-type": "text/html"}, content=b"x" * 5000)

    got = Fetcher(transport=httpx.MockTransport(routes), timeout_s=0.2, max_bytes=4096)
    start = time.monotonic()
    slow = got.get("https://a.test/slow")
    assert isinstance(slow, InputError) and "not all of it within 0.2 s" in str(slow)
    assert time.monotonic() - start < 5  # not the 20 s the whole body would take
    big = got.get("https://a.test/big")
    assert isinstance(big, InputError) and "over 4096 bytes" in str(big)


def test_a_page_is_read_in_its_declared_charset_and_plain_text_as_pasted():
    latin = (
        "<html><body><article><h1>Caf\xe9</h1><p>The caf\xe9 on the main square reopened on "
        "Monday after a year of repairs, the owner said. The council paid half of the cost.</p>"
        "<p>Regulars queued from seven in the morning. The owner thanked the neighbours.</p>"
        "</article></body></html>"
    ).encode("latin-1")
    routes = {
        "/latin": ("text/html; charset=ISO-8859-1", latin),
        "/plain.txt": ("text/plain; charset=utf-8", BODY.encode()),
        "/wire": ("application/x-ndjson", (f'{{"id": "w1", "text": "{BODY}"}}\n').encode()),
    }

    def serve(request: httpx.Request) -> httpx.Response:
        kind, body = routes[request.url.path]
        return httpx.Response(200, headers={"content-type": kind}, content=body)

    got = Fetcher(transport=httpx.MockTransport(serve))
    urls = [f"https://a.test{path}" for path in routes]
    items = list(read_sources(urls, fetcher=got))
    assert all(isinstance(i, RawItem) for i in items) and len(items) == 3
    assert "The café on the main square" in extract(items[0]).text
    assert items[1].text == BODY and items[2].id == "w1"


def test_an_entry_whose_guid_is_a_uri_keeps_it_as_its_id():
    """A guid that is a URI (urn:uuid:, tag:, a permalink) is unique by itself and is what
    earlier versions stored: the entry keeps it, so a feed read again adds nothing."""
    feed = (
        """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>https://news.test/a/1</link><guid isPermaLink="false">urn:uuid:1111</guid>
<description>"""
        + BODY
        + """</description></item></channel></rss>"""
    )

    def serve(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed.xml":
            return httpx.Response(
                200, headers={"content-type": "application/rss+xml"}, content=feed.encode()
            )
        return httpx.Response(200, headers={"content-type": "text/html"}, content=PAGE.encode())

    (item,) = read_sources(
        ["https://news.test/feed.xml"], fetcher=Fetcher(transport=httpx.MockTransport(serve))
    )
    assert item.id == "urn:uuid:1111" and item.url == "https://news.test/a/1"


def test_a_feeds_title_names_its_entries_outlet_only_when_it_is_one():
    """An aggregator's or a desk's feed title is no outlet: an entry whose page was read is
    named by that page (its og:site_name); one known only from the feed keeps the title."""
    feed = FEED.replace("<title>한겨레</title>", "<title>지역 소식 모음</title>")
    page = PAGE.replace("<head>", '<head><meta property="og:site_name" content="경향신문">')

    def routes(request: httpx.Request) -> httpx.Response:
        body = {"/feed.xml": feed, "/a/1": page}.get(request.url.path)
        if body is None:
            return httpx.Response(404, content=b"no")
        ctype = "application/rss+xml" if request.url.path.endswith(".xml") else "text/html"
        return httpx.Response(200, headers={"content-type": ctype}, content=body.encode())

    got = Fetcher(transport=httpx.MockTransport(routes))
    (item,) = [i for i in read_sources(["https://news.test/feed.xml"], fetcher=got)
               if isinstance(i, RawItem)]  # fmt: skip
    assert item.outlet is None and extract(item).outlet == "경향신문"
    inline = FEED.replace("<title>한겨레</title>", "<title>지역 소식 모음</title>").replace(
        "<description>요약만</description>", f"<description>{BODY}</description>"
    )
    from newsmoa.ingest.web import Page, read_feed

    at = Page("https://news.test/f", "application/rss+xml", inline.encode())
    (entry,) = [i for i in read_feed(at, got, follow_links=False) if isinstance(i, RawItem)]
    assert entry.outlet is None and extract(entry).outlet == "지역 소식 모음"
    # ... unless its text names its outlet: the feed's name is the last resort (it named
    # every entry of an aggregator's feed, over the wire's marker: a black-box case)
    marked = replace(entry, text="(인천=연합뉴스) 정다운 기자 = " + (entry.text or ""))
    assert extract(marked).outlet == "연합뉴스"


def test_a_feed_titled_by_an_outlets_section_names_the_outlet():
    """`바다일보 지역뉴스` named every entry's outlet as written, over the `ⓒ 바다일보` of its
    text and page (a black-box case): a title of several words is a section, whose first
    word names the outlet when it is one; the desk titles above still name none."""
    from newsmoa.ingest.web import _feed_outlet

    assert _feed_outlet("바다일보 지역뉴스") == "바다일보"
    assert _feed_outlet("조선일보 전체기사") == "조선일보"
    assert _feed_outlet("Yonhap News Agency") == "연합뉴스"  # a known name of several words
    assert [_feed_outlet(t) for t in ("지역 소식 모음", "뉴스 전체", "테스트 피드")] == [None] * 3


def test_a_feed_saved_as_a_file_is_read_from_its_entries(tmp_path):
    """`feed.xml` on disk was refused as an unsupported file type (a black-box case): its
    entries are read from their content or summary (links are not fetched), an entry with
    neither is an error naming the file, and a file that is no feed says so."""
    path = tmp_path / "hani.xml"
    path.write_text(FEED, "utf-8")
    items = list(read_sources([str(path)]))
    good = [i for i in items if isinstance(i, RawItem)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [(i.title, i.text, i.outlet, i.url) for i in good] == [
        ("예산 확정", "요약만", "한겨레", "https://news.test/a/1")
    ]
    assert [e.origin for e in bad] == [str(path)] and "entry 2" in bad[0].message
    other = tmp_path / "sitemap.xml"
    other.write_text("<urlset><url><loc>https://x.test/</loc></url></urlset>", "utf-8")
    (error,) = list(read_sources([str(other)]))
    assert isinstance(error, InputError) and error.origin == str(other)


SAVED = """<rss version="2.0"><channel><title>{title}</title>{site}
<item><title>드론쇼 개최</title>{entry}<description>{body}</description></item>
</channel></rss>"""


def saved_ids(path, **parts) -> list[str | None]:
    fields = {"title": "중부매일신문", "site": "", "entry": "", "body": BODY} | parts
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SAVED.format(**fields), "utf-8")
    return [i.id for i in read_sources([str(path)]) if isinstance(i, RawItem)]


def test_a_saved_feeds_entries_are_named_wherever_the_file_lies(tmp_path, monkeypatch):
    """The same saved feed read as `fd/a.xml`, by its absolute path and copied to `b.xml`
    was three articles, its entries keyed by the path as typed (a black-box case): a bare
    guid is scoped by the feed's own identity, its channel link, else its title."""
    monkeypatch.chdir(tmp_path)
    guid = '<guid isPermaLink="false">10234</guid>'
    ids = [saved_ids(tmp_path / p, entry=guid) for p in ("fd/a.xml", "fd/b.xml", "c/a.xml")]
    ids.append(saved_ids(Path("fd/a.xml"), entry=guid))
    assert ids == [["중부매일신문#10234"]] * 4
    site = "<link>https://www.jbnews.test/</link>"
    assert saved_ids(tmp_path / "s.xml", site=site, entry=guid) == ["https://jbnews.test/#10234"]
    # a relative link is resolved against the site the feed declares, not the file's path
    linked = saved_ids(tmp_path / "r.xml", site=site, entry="<link>/news/1</link>")
    assert linked == ["https://jbnews.test/news/1"]


def test_an_entrys_link_names_it_without_tracking_parameters(tmp_path):
    """An item's link with `?utm_source=rss` and with `?utm_source=twitter` was two
    articles: the link is keyed as a JSONL `url` is (`url_key`); so is a guid that is a URL."""
    ids = [
        saved_ids(tmp_path / f"{n}.xml", entry=f"<link>https://m.news.test/a/1?{q}</link>")
        for n, q in enumerate(("utm_source=rss", "utm_source=twitter&fbclid=x", "utm_medium=x"))
    ]
    guid = "<guid>http://www.news.test/a/1?utm_source=rss</guid>"
    assert ids + [saved_ids(tmp_path / "g.xml", entry=guid)] == [["https://news.test/a/1"]] * 4


def test_two_saved_feeds_with_the_same_bare_guid_are_two_articles(tmp_path):
    guid = '<guid isPermaLink="false">1</guid>'
    one = saved_ids(tmp_path / "one.xml", title="바다일보", entry=guid)
    two = saved_ids(tmp_path / "two.xml", title="산들신문", entry=guid)
    sited = saved_ids(tmp_path / "three.xml", site="<link>https://a.test/</link>", entry=guid)
    assert one != two and sited != one and len({*one, *two, *sited}) == 3


def test_an_entry_of_one_paragraph_of_markup_is_read_to_its_text(tmp_path):
    """An entry whose summary was one `<p>` or `<div>` was dropped as empty: trafilatura read
    the bare fragment as no text (a black-box case)."""
    bodies = [
        f"&lt;p&gt;{BODY}&lt;/p&gt;",
        f"<![CDATA[<div>{BODY}</div>]]>",
        f"<![CDATA[<img src='a.jpg'><br>{BODY}]]>",
    ]
    for n, body in enumerate(bodies):
        path = tmp_path / f"{n}.rss"
        path.write_text(SAVED.format(title="누리신문", site="", entry="", body=body), "utf-8")
        (item,) = list(read_sources([str(path)]))
        article = extract(item)
        assert not isinstance(article, Dropped), body
        assert article.text.startswith(BODY)


def test_a_korean_feed_is_read_in_cp949_whatever_it_declares(tmp_path):
    """A CP949 feed without an encoding declaration, or declaring UTF-8, was read as
    windows-1252: every title garbled (a black-box case). So is one served with its charset
    in the header only."""
    feed = SAVED.format(title="누리신문", site="", entry="", body=BODY)
    heads = ["", '<?xml version="1.0"?>\n', '<?xml version="1.0" encoding="utf-8"?>\n']
    for n, head in enumerate(heads + ['<?xml version="1.0" encoding="euc-kr"?>\n']):
        path = tmp_path / f"{n}.rss"
        path.write_bytes((head + feed).encode("cp949"))
        (item,) = list(read_sources([str(path)]))
        assert (item.title, item.outlet, item.text) == ("드론쇼 개최", "누리신문", BODY), head

    def served(request: httpx.Request) -> httpx.Response:
        kind = "application/rss+xml; charset=euc-kr"
        return httpx.Response(200, headers={"content-type": kind}, content=feed.encode("cp949"))

    got = Fetcher(transport=httpx.MockTransport(served))
    (item,) = list(read_sources(["https://nuri.test/rss"], fetcher=got))
    assert (item.title, item.text) == ("드론쇼 개최", BODY)


def test_an_entrys_title_is_read_as_text_not_markup(tmp_path):
    """A title is markup to feedparser (an Atom `type="html"` title, any RSS title): its
    references and tags were stored as they came (`착공&hellip;청년농`, a black-box case)."""
    atom = tmp_path / "bada.atom"
    atom.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>바다일보</title>'
        '<entry><title type="html">스마트팜 착공&amp;hellip;청년농 &amp;lt;200명&amp;gt; '
        "&lt;b&gt;교육&lt;/b&gt;</title><id>tag:bada.test,2024:1</id>"
        f"<summary>{BODY}</summary></entry>"
        '<entry><title type="text">R&amp;D &amp;amp; 예산</title><id>tag:bada.test,2024:2</id>'
        f"<summary>{BODY}</summary></entry></feed>",
        "utf-8",
    )
    rss = tmp_path / "nuri.rss"
    title = "해솔시 &amp;quot;요금 동결&amp;quot; R&amp;D"
    rss.write_text(
        SAVED.replace("드론쇼 개최", title).format(title="누리신문", site="", entry="", body=BODY),
        "utf-8",
    )
    titles = [i.title for i in read_sources([str(atom), str(rss)])]
    assert titles == [
        "스마트팜 착공…청년농 <200명> 교육",
        "R&D &amp; 예산",
        '해솔시 "요금 동결" R&D',
    ]


def test_a_feed_without_entries_is_named_not_passed_over(tmp_path):
    """A saved feed with no item yet gave no line at all, as if it had not been read."""
    path = tmp_path / "empty.rss"
    path.write_text('<rss version="2.0"><channel><title>누리신문</title></channel></rss>', "utf-8")
    (item,) = list(read_sources([str(path)]))
    assert isinstance(item, Skipped) and item.origin == str(path)
    assert item.reason == "a feed without entries"


def test_an_entry_whose_date_cannot_be_read_is_named_in_a_warning(tmp_path, caplog):
    """An entry with a pubDate newsmoa cannot read was stored undated without a word (a
    black-box case): it is still read, and a warning names the entry and its date."""
    path = tmp_path / "feed.xml"
    path.write_text(
        SAVED.format(
            title="중부매일신문", site="", body=BODY, entry="<pubDate>Mon, 33 Jun 2024</pubDate>"
        ),
        "utf-8",
    )
    with caplog.at_level("WARNING", logger="newsmoa.ingest.web"):
        (item,) = list(read_sources([str(path)]))
    assert isinstance(item, RawItem) and item.text == BODY
    (record,) = caplog.records
    assert "#1 (드론쇼 개최)" in record.getMessage()
    assert "'Mon, 33 Jun 2024'" in record.getMessage()


def test_an_entrys_author_is_its_reporter_and_e_mail(tmp_path):
    """A feed's author fields (`<author>e-mail (name)</author>`, `dc:creator`, Atom's
    `<author><name>…<email>`) were never read: an entry whose text has no byline was stored
    without its reporter. The text's own byline still comes first, and an author that is
    the outlet's name is no reporter."""
    rss = tmp_path / "chungsol.rss"
    rss.write_text(
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        "<title>청솔일보</title>"
        "<item><title>가</title><link>https://chungsol.example/1</link>"
        f"<author>hong@chungsol.example (홍길동 기자)</author><description>{BODY}</description></item>"
        "<item><title>나</title><link>https://chungsol.example/2</link>"
        f"<dc:creator>김민지 기자</dc:creator><description>{BODY}</description></item>"
        "<item><title>다</title><link>https://chungsol.example/3</link>"
        f"<dc:creator>청솔일보</dc:creator><description>{BODY}</description></item>"
        "<item><title>라</title><link>https://chungsol.example/4</link>"
        f"<dc:creator>김민지 기자</dc:creator><description>{BODY} 박도윤 기자 park@chungsol.example"
        "</description></item></channel></rss>",
        "utf-8",
    )
    atom = tmp_path / "haesol.atom"
    atom.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Haesol Ledger</title>'
        "<entry><title>Council approves plant</title><id>tag:haesol.example,2026:1</id>"
        "<author><name>Jane Roe</name><email>jroe@haesol.example</email></author>"
        "<summary>The council approved a water plant on Tuesday. Work begins in May."
        "</summary></entry></feed>",
        "utf-8",
    )
    items = [i for i in read_sources([str(rss), str(atom)]) if isinstance(i, RawItem)]
    got = [(a.reporter, a.email) for a in map(extract, items) if not isinstance(a, Dropped)]
    assert got == [
        ("홍길동", "hong@chungsol.example"),
        ("김민지", None),
        (None, None),
        ("박도윤", "park@chungsol.example"),
        ("Jane Roe", "jroe@haesol.example"),
    ]


def test_a_page_is_read_in_the_charset_its_meta_tag_declares():
    """A server that names no charset (python's http.server, many static hosts): the page's
    own `<meta charset>` says it. A windows-1252 English page was read as CP949, its curly
    quotes and accents made Hangul or the page refused as not text (a black-box case); a
    Korean page declaring `euc-kr` is read as CP949, its superset (`똠`)."""
    english = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "</head><body><article><h1>Caf\xe9 reopens</h1><p>\u201cWe\u2019re back,\u201d the "
        "owner said on Monday as the caf\xe9 on the main square reopened after a year of "
        "repairs.</p><p>The council paid half of the cost, the mayor\u2019s office said.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    korean = (
        '<html><head><meta charset="euc-kr"></head><body><article><h1>똠방각하 공연</h1>'
        "<p>청솔군 문화회관은 연극 똠방각하를 다음 달 3일 무대에 올린다고 밝혔다. 관람료는 "
        "5천원이다.</p></article></body></html>"
    ).encode("cp949")
    routes = {"/en": english, "/ko": korean}

    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"content-type": "text/html"}, content=routes[request.url.path]
        )

    got = Fetcher(transport=httpx.MockTransport(serve))
    en, ko = read_sources(["https://a.test/en", "https://a.test/ko"], fetcher=got)
    assert isinstance(en, RawItem) and isinstance(ko, RawItem)
    assert "\u201cWe\u2019re back,\u201d" in str(en.html) and "Caf\xe9" in str(en.html)
    assert "연극 똠방각하를" in str(ko.html)


AGGREGATED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>"청솔군" - 뉴스 검색</title>
<link>https://search.test/rss?q=청솔군</link>
<item><title>청솔군 청년 창업지원센터 개소 - 다솜뉴스</title>
<link>https://dasom.test/news/7</link><guid isPermaLink="false">CBMiQ2h0dHBz</guid>
<description>{body}</description><source url="https://dasom.test/">다솜뉴스</source></item>
<item><title>예산 확정 | 한가람일보</title><link>https://hangaram.test/55</link>
<description>{body}</description><source url="https://hangaram.test/">한가람일보</source></item>
<item><title>군의회, 예산 의결 - 속보</title><link>https://hangaram.test/56</link>
<description>{body}</description><source url="https://hangaram.test/">한가람일보</source></item>
</channel></rss>"""


def test_an_aggregators_entry_is_its_sources_outlet_without_it_in_the_headline(tmp_path):
    """A news search's feed (`<source url=…>다솜뉴스</source>` on each item, the outlet after
    the headline): the entry was the feed's (`"청솔군" - 뉴스 검색` as its outlet) and its
    headline kept ` - 다솜뉴스` (a black-box case). A headline ending otherwise keeps it."""
    path = tmp_path / "search.xml"
    path.write_text(AGGREGATED.format(body=BODY), "utf-8")
    items = [i for i in read_sources([str(path)]) if isinstance(i, RawItem)]
    assert [(i.outlet, i.title) for i in items] == [
        ("다솜뉴스", "청솔군 청년 창업지원센터 개소"),
        ("한가람일보", "예산 확정"),
        ("한가람일보", "군의회, 예산 의결 - 속보"),
    ]
    assert all(isinstance(extract(i), Article) and extract(i).outlet == i.outlet for i in items)


def test_a_feed_served_as_a_page_with_a_byte_order_mark_is_read_as_a_feed():
    """A feed a PHP site writes with a UTF-8 byte-order mark, or opening with a comment, and
    serves as `text/html`: it was read as one page, an article titled by the feed's name
    (a black-box case)."""
    feeds = {
        "/bom": b"\xef\xbb\xbf" + FEED.encode("utf-8"),
        "/comment": b"<!-- generated -->\n" + FEED.split("\n", 1)[1].encode("utf-8"),
    }

    def serve(request: httpx.Request) -> httpx.Response:
        if request.url.path in feeds:
            body = feeds[request.url.path]
            return httpx.Response(200, headers={"content-type": "text/html"}, content=body)
        return handler(request)

    got = Fetcher(transport=httpx.MockTransport(serve))
    for path in feeds:
        items = list(read_sources([f"https://news.test{path}"], fetcher=got))
        assert [i.title for i in items if isinstance(i, RawItem)] == ["예산 확정"], path


def test_an_entry_whose_link_redirects_is_at_the_address_it_led_to():
    """A feed's links through a redirector (a click counter, `feedproxy`): the article's
    URL was the redirector's, which the story linked and whose host named no outlet (a
    black-box case); it is the page's own address. Its id stays the entry's key, so a poll
    still knows it."""
    feed = FEED.replace("https://news.test/a/1</link>", "https://news.test/r/1</link>")

    def serve(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed.xml":
            return httpx.Response(200, headers={"content-type": "application/rss+xml"}, text=feed)
        if request.url.path == "/r/1":
            return httpx.Response(301, headers={"location": "https://news.test/a/1"})
        return handler(request)

    got = Fetcher(transport=httpx.MockTransport(serve))
    first = next(iter(read_sources(["https://news.test/feed.xml"], fetcher=got)))
    assert isinstance(first, RawItem)
    assert (first.url, first.id) == ("https://news.test/a/1", "https://news.test/r/1")


def test_an_answer_that_is_no_page_is_named_by_what_it_is():
    """A link to a picture, a PDF, or a page answered empty: the error said `binary file,
    not text` or `empty file` of a web address (a black-box case); it says what came."""
    answers = {
        "/photo.jpg": ("image/jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256))),
        "/release.pdf": ("application/pdf", b"%PDF-1.7\n\x00\x01\x02\xff" * 8),
        "/empty": ("text/html", b""),
    }

    def serve(request: httpx.Request) -> httpx.Response:
        kind, body = answers[request.url.path]
        return httpx.Response(200, headers={"content-type": kind}, content=body)

    got = Fetcher(transport=httpx.MockTransport(serve))
    items = list(read_sources([f"https://a.test{p}" for p in answers], fetcher=got))
    assert [i.message for i in items if isinstance(i, InputError)] == [
        "not a page or feed: image/jpeg",
        "not a page or feed: application/pdf",
        "an empty page: the server sent nothing",
    ]


def test_an_entry_read_from_its_summary_for_a_dead_link_says_so():
    """An entry whose link answers 404 is read from its summary: the item says so (a `note:`
    line of `ingest`; it was said nowhere), naming the link and why. An entry read from its
    content, or its page, says nothing."""
    items = list(read_sources(["https://news.test/feed.xml"], fetcher=fetcher()))
    assert [i.note for i in items if isinstance(i, RawItem)] == [None]
    feed = FEED.replace("<link>https://news.test/a/1</link>", "<link>https://news.test/a/2</link>")

    def serve(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed.xml":
            return httpx.Response(200, headers={"content-type": "application/rss+xml"}, text=feed)
        return httpx.Response(404, text="no")

    got = read_sources(
        ["https://news.test/feed.xml"], fetcher=Fetcher(transport=httpx.MockTransport(serve))
    )
    (item,) = [i for i in got if isinstance(i, RawItem)]
    assert item.text == "요약만" and item.note == (
        "its link could not be read (https://news.test/a/2: cannot fetch: HTTP 404);"
        " its feed's summary is read instead"
    )
