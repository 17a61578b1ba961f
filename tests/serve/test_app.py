"""`newsmoa serve` through an in-process client: pages, JSON API, redirects, feed, escaping.

The store holds a story written by the team for these tests (an invented agreement between
남해군 and 바다숲연구소, three outlets and the county's press release, with a disagreement on
the signing place), an older one-outlet story, a story whose title and outlet carry markup,
and a story id that was merged into the main story.
"""

from __future__ import annotations

import json
import re
import warnings
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

import pytest

with warnings.catch_warnings():
    # Starlette 1.10 wants `httpx2` for its TestClient and warns when it falls back to the
    # pinned `httpx`; only that one warning is silenced, and only while importing.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from newsmoa.codec import story_to_json
from newsmoa.reconcile.disagreements import at_sentence
from newsmoa.serve.api import StoryListedOut, StoryOut
from newsmoa.serve.app import create_app
from newsmoa.serve.view import disputes, with_disputes
from newsmoa.store import StoredArticle, open_store
from newsmoa.types import (
    Article,
    ConsolidatedSentence,
    Disagreement,
    DisagreementValue,
    Event,
    Fact,
    Source,
    Story,
)

KST = timezone(timedelta(hours=9))
MAIN, OLDER, NASTY, ABSORBED = "s-namhae", "s-older", "s-nasty", "s-absorbed"

SIGNING = {
    "rel": "남해군은 14일 바다숲연구소와 해양 쓰레기 수거 업무협약을 맺었다.",
    "namdo": "남해군은 14일 군청 대회의실에서 바다숲연구소와 해양 쓰레기 수거를 위한 "
    "업무협약을 맺었다.",
    "gyeongnam": "남해군과 바다숲연구소가 14일 군청 대회의실에서 해양 쓰레기 수거 "
    "업무협약을 체결했다.",
    "bada": "바다숲연구소는 14일 연구소 본관에서 남해군과 해양 쓰레기 수거 협약을 맺었다고 밝혔다.",
}
ATTEND = "협약식에는 김해솔 남해군수와 박도윤 바다숲연구소장 등 30명이 참석했다."
TOGETHER = "양 기관은 해안 정화 활동과 주민 교육을 함께 추진한다."
QUOTE = '김 군수는 "깨끗한 바다를 다음 세대에 물려주겠다"고 말했다.'
HISTORY = "연구소는 2019년부터 남해안 바다숲 조성 사업을 벌여 왔다."
TEXTS = {  # each article's text, sentence by sentence
    "rel": " ".join([SIGNING["rel"], TOGETHER]),
    "namdo": " ".join([SIGNING["namdo"], ATTEND, TOGETHER, QUOTE]),
    "gyeongnam": " ".join([SIGNING["gyeongnam"], ATTEND, TOGETHER, HISTORY]),
    "bada": " ".join([SIGNING["bada"], ATTEND, TOGETHER]),
}
ARTICLES = {
    "rel": Article(
        id="rel",
        text=TEXTS["rel"],
        title="남해군, 바다숲연구소와 해양 쓰레기 협약",
        outlet="남해군",
        published=datetime(2024, 5, 14, 9, 0, tzinfo=KST),
        is_release=True,
    ),
    "namdo": Article(
        id="namdo",
        text=TEXTS["namdo"],
        title="남해군·바다숲연구소 해양 쓰레기 수거 협약",
        outlet="남도일보",
        published=datetime(2024, 5, 14, 10, 5, tzinfo=KST),
        reporter="정하늘",
        url="https://example.org/namdo/1",
    ),
    "gyeongnam": Article(
        id="gyeongnam",
        text=TEXTS["gyeongnam"],
        title="남해 바다 함께 지킨다",
        outlet="경남신문",
        published=datetime(2024, 5, 14, 11, 30, tzinfo=KST),
        reporter="오세린",
        url="javascript:alert(1)",
    ),
    "bada": Article(
        id="bada",
        text=TEXTS["bada"],
        title="바다숲연구소, 남해군과 협약",
        outlet="바다뉴스",
        published=datetime(2024, 5, 14, 15, 2, tzinfo=KST),
    ),
}


def src(aid: str, words: str, *, quote: bool = False) -> Source:
    """The source of `words` in article `aid` (they must occur in its text)."""
    start = TEXTS[aid].index(words)
    return Source(aid, start, start + len(words), words if quote else None)


def sentence(variants: dict[str, str]) -> ConsolidatedSentence:
    first = next(iter(variants.values()))
    return ConsolidatedSentence(first, tuple(src(a, w) for a, w in variants.items()))


def main_story() -> Story:
    articles = tuple(ARTICLES.values())
    return Story(
        id=MAIN,
        title=ARTICLES["namdo"].title,
        first_published=ARTICLES["rel"].published,
        articles=articles,
        sentences=(
            sentence(SIGNING),
            sentence({"namdo": ATTEND, "gyeongnam": ATTEND, "bada": ATTEND}),
            sentence({a: TOGETHER for a in ARTICLES}),
            sentence({"namdo": QUOTE}),
            sentence({"gyeongnam": HISTORY}),
        ),
        facts=(
            Fact(
                "person",
                "김해솔",
                (src("namdo", "김해솔 남해군수"), src("bada", "김해솔 남해군수")),
                role="남해군수",
            ),
            Fact(
                "person", "박도윤", (src("namdo", "박도윤 바다숲연구소장"),), role="바다숲연구소장"
            ),
            Fact("organization", "바다숲연구소", (src("gyeongnam", "바다숲연구소"),)),
            Fact(
                "date",
                "2024-05-14",
                (src("namdo", "14일"), src("bada", "14일")),
                text="14일",
                about="signing",
            ),
            Fact(
                "date",
                {"from": "2019", "to": None},
                (src("gyeongnam", "2019년부터"),),
                text="2019년부터",
                about="forest project",
            ),
            Fact(
                "quantity",
                30,
                (src("namdo", "30명"),),
                text="30명",
                unit="명",
                counts="participants",
            ),
        ),
        disagreements=(
            Disagreement(
                "signing place",
                "place",
                (
                    DisagreementValue(
                        "군청 대회의실",
                        (
                            src("namdo", "14일 군청 대회의실에서", quote=True),
                            src("gyeongnam", "14일 군청 대회의실에서", quote=True),
                        ),
                    ),
                    DisagreementValue(
                        "연구소 본관", (src("bada", "14일 연구소 본관에서", quote=True),)
                    ),
                ),
            ),
        ),
        event=Event(
            type="agreement",
            parties=("남해군", "바다숲연구소"),
            representatives=("김해솔", "박도윤"),
            date="2024-05-14",
            place=None,
            phase="1단계",
            participants=30,
            items=("해안 정화 활동", "주민 교육"),
            history=("2019년부터 바다숲 조성",),
            disputed=("place",),
        ),
        reuse=(("rel", 0.0), ("namdo", 0.41), ("gyeongnam", 0.38), ("bada", 0.27)),
        redirects=(ABSORBED,),
        extra={
            "why": {a: {"joined": "title+lead", "score": 0.9} for a in ARTICLES},
            "release": "rel",
        },
    )


def small_story(sid: str, aid: str, *, title: str, outlet: str, when: datetime, text: str) -> Story:
    article = Article(id=aid, text=text, title=title, outlet=outlet, published=when)
    return Story(
        id=sid,
        title=title,
        first_published=when,
        articles=(article,),
        sentences=(ConsolidatedSentence(text, (Source(aid, 0, len(text)),)),),
    )


@pytest.fixture
def client(db_path):
    """An in-process client over a fresh test store."""
    build_store(str(db_path))
    with TestClient(create_app(str(db_path))) as c:
        yield c


def build_store(path: str) -> None:
    """The test store: the main story, an older one, one with markup, one absorbed id."""
    store = open_store(path)
    stories = [
        main_story(),
        small_story(
            OLDER,
            "old-1",
            title="완도군 전복 축제 개막",
            outlet="경남신문",
            when=datetime(2024, 4, 2, 8, 0, tzinfo=KST),
            text="완도군 전복 축제가 2일 개막했다.",
        ),
        small_story(
            NASTY,
            "nasty-1",
            title="<script>alert('제목')</script> 속보",
            outlet="<b>가짜일보</b>",
            when=datetime(2024, 3, 1, 8, 0, tzinfo=KST),
            text="본문에 <img src=x onerror=alert(1)> 태그.",
        ),
    ]
    for story in stories:
        store.save_articles([StoredArticle(article=a, story=story.id) for a in story.articles])
        store.save_story(story_to_json(story))
    store.save_redirects({ABSORBED: MAIN})
    store.close()


class Page(HTMLParser):
    """A parsed page: every element as (tag, attrs, text inside it)."""

    VOID = {"meta", "link", "br", "img", "input", "hr"}

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[list[str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        parts: list[str] = []
        self.elements.append((tag, {k: v or "" for k, v in attrs}, parts))
        if tag not in self.VOID:
            self._open.append(parts)

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        for parts in self._open:
            parts.append(data)

    def find(self, css_class: str = "", *, tag: str = "", id: str = "") -> list[tuple[dict, str]]:
        """(attrs, whitespace-normalised text) of elements with that class / tag / id."""
        return [
            (attrs, " ".join("".join(parts).split()))
            for t, attrs, parts in self.elements
            if (not tag or t == tag)
            and (not id or attrs.get("id") == id)
            and (not css_class or css_class in attrs.get("class", "").split())
        ]

    def text(self, **kw) -> str:
        (found,) = self.find(**kw)
        return found[1]


def test_story_list_newest_first_with_outlets_and_counts(client):
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = Page(response.text)
    links = [
        (a["href"], text) for a, text in page.find(tag="a") if a["href"].startswith("/stories/")
    ]
    assert [href for href, _ in links] == [
        f"/stories/{MAIN}",
        f"/stories/{OLDER}",
        f"/stories/{NASTY}",
    ]
    assert links[0][1] == "남해군·바다숲연구소 해양 쓰레기 수거 협약"
    rows = page.find(tag="tr")[1:]
    assert rows[0][1].startswith("남해군·바다숲연구소") and "2024-05-14 09:00" in rows[0][1]
    assert [text for _, text in page.find("outlet")][:4] == [
        "경남신문",
        "남도일보",
        "남해군",
        "바다뉴스",
    ]
    assert rows[0][1].endswith("4") and rows[1][1].endswith("1")


def test_story_list_outlet_filter(client):
    page = Page(client.get("/", params={"outlet": "바다뉴스"}).text)
    assert [a["href"] for a, _ in page.find(tag="a") if a["href"].startswith("/stories/")] == [
        f"/stories/{MAIN}"
    ]
    options = page.find(tag="option")
    assert [a.get("value") for a, _ in options if "selected" in a] == ["바다뉴스"]
    assert "경남신문" in [a["value"] for a, _ in options]
    # the store's counts are not the filtered list's (before: "3 stories from 6 articles"
    # over a list of one story, even over an outlet that carried none)
    said = page.text(css_class="meta")
    assert said.startswith("Newest first; the store holds 3 stories from 6 articles of all")


@pytest.mark.parametrize(("page", "older"), [(2, True), (3, False)])
def test_the_list_links_an_older_page_only_when_there_is_one(client, monkeypatch, page, older):
    """Three stories: pages of 2 have an older one; a page of 3, exactly full, has none (it
    linked to an empty page)."""
    from newsmoa.serve import web

    monkeypatch.setattr(web, "PAGE", page)
    links = [a["href"] for a, _ in Page(client.get("/").text).find(tag="a")]
    assert (f"/?offset={page}" in links) is older


def test_a_page_past_the_last_story_says_so_and_links_back(client):
    page = Page(client.get("/", params={"offset": 1000}).text)
    said = page.text(css_class="empty")
    assert said.startswith("No stories this far back") and "yet" not in said
    assert "/?offset=0" in [a["href"] for a, _ in page.find(tag="a")]


def test_api_list_shape_paging_and_filter(client):
    rows = client.get("/api/stories").json()
    assert [r["id"] for r in rows] == [MAIN, OLDER, NASTY]
    assert rows[0] == {
        "id": MAIN,
        "title": "남해군·바다숲연구소 해양 쓰레기 수거 협약",
        "first_published": "2024-05-14T09:00:00+09:00",
        "outlets": ["경남신문", "남도일보", "남해군", "바다뉴스"],
        "article_count": 4,
        # its release (남해군's) is in, but no outlet took 30% of its text from it
        "release_placements": {"articles": 0, "outlets": 0, "without_outlet": 0},
    }
    for r in rows:
        StoryListedOut.model_validate(r)
    first = client.get("/api/stories", params={"limit": 1})
    assert [r["id"] for r in first.json()] == [MAIN]
    assert first.headers["link"] == '</api/stories?limit=1&offset=1>; rel="next"'
    second = client.get("/api/stories", params={"limit": 2, "offset": 1})
    # the last page, exactly full: no link to an empty page after it (there was one)
    assert [r["id"] for r in second.json()] == [OLDER, NASTY] and "link" not in second.headers
    assert "link" not in client.get("/api/stories", params={"limit": 5}).headers
    assert [r["id"] for r in client.get("/api/stories?outlet=경남신문").json()] == [MAIN, OLDER]
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422


def test_api_story_is_the_stored_document(client):
    stored = story_to_json(main_story())
    doc = client.get(f"/api/stories/{MAIN}").json()
    assert "why" not in doc
    # each sentence also says what the outlets disagree on in its words, as the page marks it
    assert doc == with_disputes({k: v for k, v in stored.items() if k != "why"})
    assert [s["disputed"] for s in doc["sentences"]] == disputes(stored)
    StoryOut.model_validate(doc)
    assert doc["disagreements"][0]["values"][1]["sources"][0]["quote"] == "14일 연구소 본관에서"
    assert doc["event"]["place"] is None and doc["event"]["disputed"] == ["place"]
    with_why = client.get(f"/api/stories/{MAIN}", params={"why": 1}).json()
    assert with_why["why"]["bada"] == {"joined": "title+lead", "score": 0.9}
    assert client.get(f"/stories/{MAIN}.json").json() == doc


def test_absorbed_id_redirects_to_the_surviving_story(client):
    for path, target in [
        (f"/api/stories/{ABSORBED}", f"/api/stories/{MAIN}"),
        (f"/stories/{ABSORBED}.json", f"/stories/{MAIN}.json"),
        (f"/stories/{ABSORBED}", f"/stories/{MAIN}"),
    ]:
        response = client.get(path + "?why=1", follow_redirects=False)
        assert response.status_code == 307, path
        assert response.headers["location"] == f"http://testserver{target}?why=1"
    body = client.get(f"/api/stories/{ABSORBED}", follow_redirects=False).json()
    assert body["redirected_from"] == ABSORBED and body["id"] == MAIN
    followed = client.get(f"/api/stories/{ABSORBED}")
    assert followed.status_code == 200 and followed.json()["id"] == MAIN
    assert ABSORBED in followed.json()["redirects"]
    page = Page(client.get(f"/stories/{MAIN}").text)
    assert ABSORBED in page.text(css_class="merged")


def test_unknown_story_is_404_json_and_html(client):
    response = client.get("/api/stories/s-nope")
    assert response.status_code == 404 and response.json() == {"detail": "no story 's-nope'"}
    assert client.get("/stories/s-nope.json").status_code == 404
    page = client.get("/stories/s-nope")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "No story" in Page(page.text).text(css_class="error")
    missing = client.get("/no/such/page")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    # the path asked for is named (before: a bare "Not Found")
    assert "No page at /no/such/page" in Page(missing.text).text(css_class="error")
    assert client.get("/api/nothing").json() == {
        "detail": "no such path: /api/nothing (the API is described at /openapi.json)"
    }
    assert client.get("/static/nope.css").status_code == 404


def test_story_page_chips_carry_each_variants_words(client):
    page = Page(client.get(f"/stories/{MAIN}").text)
    (first, *_) = page.find(tag="li", id="s-1")
    assert first[1].startswith(SIGNING["rel"])
    sentence_chips = [
        (a["title"], text) for a, text in page.find("chip") if a.get("title") in SIGNING.values()
    ]
    assert sorted(sentence_chips) == sorted(
        [
            (SIGNING["rel"], "press release (남해군)"),  # as every view names it
            (SIGNING["namdo"], "남도일보"),
            (SIGNING["gyeongnam"], "경남신문"),
            (SIGNING["bada"], "바다뉴스"),
        ]
    )
    assert page.find("chip", tag="a")[0][0]["href"].startswith("#article-")
    assert [a["class"] for a, _ in page.find(tag="li") if a.get("id") == "s-4"] == ["scope-one"]


def test_disagreement_banner_shows_each_side(client):
    page = Page(client.get(f"/stories/{MAIN}").text)
    banner = page.text(css_class="banner")
    assert "signing place" in banner
    sides = [text for _, text in page.find("side")]
    assert (
        sides[0].startswith("군청 대회의실") and "남도일보" in sides[0] and "경남신문" in sides[0]
    )
    assert "14일 군청 대회의실에서" in sides[0] and "바다뉴스" not in sides[0]
    assert sides[1].startswith("연구소 본관") and "바다뉴스" in sides[1]
    assert "14일 연구소 본관에서" in sides[1]
    html = client.get(f"/stories/{MAIN}").text
    assert html.index('id="disagreements"') < html.index('id="sentences"')


def test_agreement_card_marks_the_disputed_place(client):
    page = Page(client.get(f"/stories/{MAIN}").text)
    card = page.text(id="event")
    for words in (
        "남해군",
        "바다숲연구소",
        "김해솔",
        "박도윤",
        "2024-05-14",
        "1단계",
        "30",
        "해안 정화 활동",
        "주민 교육",
        "2019년부터 바다숲 조성",
    ):
        assert words in card
    assert "place disputed: see the banner" in card
    (disputed,) = [(a, text) for a, text in page.find("disputed", tag="a") if "banner" in text]
    assert disputed[0]["href"] == "#disagreements"


def test_facts_grouped_by_type(client):
    page = Page(client.get(f"/stories/{MAIN}").text)
    facts = page.text(id="facts")
    heads = [
        text
        for _, text in page.find(tag="h3")
        if text in ("person", "organization", "place", "date", "quantity")
    ]
    assert heads == ["person", "organization", "date", "quantity"]
    assert "김해솔 남해군수" in facts and "박도윤 바다숲연구소장" in facts
    assert "2024-05-14" in facts and "about signing" in facts and "30 명" in facts
    assert "2019 – 2019년부터 about forest project" in facts  # an open-ended period


def test_values_times_and_counts_in_words():
    from newsmoa.serve.view import plural, show_value, when

    assert show_value({"from": "2008", "to": None}) == "2008 –"
    assert show_value({"from": "2015-03-01", "to": "2015-03-31"}) == "2015-03-01 – 2015-03-31"
    assert show_value([30, "명"]) == "30, 명" and show_value(None) == "—"
    assert show_value({"x": "가"}) == '{"x": "가"}'
    # amounts as Korean news writes them: the release's 120억 against a reprint's 12억
    amounts = [12_000_000_000, 1_200_000_000, 360_000_000, 1_500, 12_000, 3.5, 2e4, -36_000]
    assert [show_value(v) for v in amounts] == [
        "120억", "12억", "3억 6,000만", "1,500", "1만 2,000", "3.5", "2만", "-3만 6,000"
    ]  # fmt: skip
    assert when("2015-03-20T13:21:40+09:00") == "2015-03-20 13:21" and when(None) == "—"
    assert (
        plural(1, "story", "stories") == "1 story" and plural(3, "story", "stories") == "3 stories"
    )


def test_outlets_side_by_side_dim_shared_and_mark_unique(client):
    page = Page(client.get(f"/stories/{MAIN}").text)
    columns = page.find("column")
    assert [a["id"] for a, _ in columns] == ["article-1", "article-2", "article-3", "article-4"]
    namdo = columns[1][1]
    assert namdo.startswith("남도일보") and "정하늘" in namdo and "41%" in namdo
    assert "is-release" in columns[0][0]["class"] and "press release" in columns[0][1]
    common = [text for _, text in page.find("common", tag="li")]
    # every article carries these; the signing sentence is dimmed only in the release, the
    # one column that does not state a disputed place
    assert common == [SIGNING["rel"]] + [TOGETHER] * 4
    disputed = [text for _, text in page.find("disputed", tag="li")]
    assert disputed == [SIGNING[a] + " disputed" for a in ("namdo", "gyeongnam", "bada")]
    only = [text for _, text in page.find("only", tag="li")]
    assert only == [QUOTE + " only here", HISTORY + " only here"]
    assert not [a for a, _ in page.find(tag="a") if a["href"].startswith("javascript:")]
    assert any(a["href"] == "https://example.org/namdo/1" for a, _ in page.find(tag="a"))


def test_timeline_orders_articles_and_marks_the_release(client):
    page = Page(client.get(f"/stories/{MAIN}").text)
    times = [text for _, text in page.find("point", tag="li")]
    assert [t.split()[2] for t in times[1:]] == ["남도일보", "경남신문", "바다뉴스"]
    assert times[0].split(maxsplit=2)[2].startswith("press release (남해군) first")
    assert "press release" in times[0] and "first" in times[0] and "+6h 02m" in times[3]
    dots = page.find("dot")
    assert [a["style"] for a, _ in dots][0] == "left: 0.0%" and dots[-1][0][
        "style"
    ] == "left: 100.0%"
    assert "This story has a press release (남해군);" in page.text(css_class="release-note")


def test_why_only_on_request(client):
    assert not Page(client.get(f"/stories/{MAIN}").text).find(id="why")
    assert "title+lead" in Page(client.get(f"/stories/{MAIN}?why=1").text).text(id="why")


def test_feed_is_atom_with_one_entry_per_story(client, db_path):
    store = open_store(str(db_path))
    changed = datetime.fromisoformat(store.changed_at([MAIN])[MAIN])  # stored just now
    store.close()
    response = client.get("/feed.atom")
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(response.content)
    entries = feed.findall("a:entry", ns)
    assert [e.findtext("a:id", namespaces=ns) for e in entries] == [
        f"urn:newsmoa:story:{s}" for s in (MAIN, OLDER, NASTY)
    ]
    main = entries[0]
    assert main.findtext("a:title", namespaces=ns) == "남해군·바다숲연구소 해양 쓰레기 수거 협약"
    links = {link.get("type"): link.get("href") for link in main.findall("a:link", ns)}
    assert links["text/html"] == f"http://testserver/stories/{MAIN}"
    # updated: when the story last changed here, later than its latest article (15:02)
    assert datetime.fromisoformat(main.findtext("a:updated", namespaces=ns)) == changed
    assert main.findtext("a:published", namespaces=ns) == "2024-05-14T09:00:00+09:00"
    assert [c.get("term") for c in main.findall("a:category", ns)] == [
        "경남신문",
        "남도일보",
        "남해군",
        "바다뉴스",
    ]
    assert main.findtext("a:summary", namespaces=ns).startswith(SIGNING["rel"] + " " + ATTEND)
    assert datetime.fromisoformat(feed.findtext("a:updated", namespaces=ns)) >= changed
    nasty = entries[2]
    assert nasty.findtext("a:title", namespaces=ns) == "<script>alert('제목')</script> 속보"
    import feedparser  # what a feed reader makes of it

    parsed = feedparser.parse(response.content)
    assert not parsed.bozo and parsed.version == "atom10"
    assert parsed.entries[0].link == f"http://testserver/stories/{MAIN}"
    only = ET.fromstring(client.get("/feed.atom?outlet=바다뉴스").content)
    assert len(only.findall("a:entry", ns)) == 1
    # a feed of its own: its id, title and page are not the whole feed's (a black-box case)
    assert only.findtext("a:id", namespaces=ns) != feed.findtext("a:id", namespaces=ns)
    assert "바다뉴스" in only.findtext("a:title", namespaces=ns)
    page = only.find("a:link[@rel='alternate']", ns).get("href")
    assert page == "http://testserver/?outlet=%EB%B0%94%EB%8B%A4%EB%89%B4%EC%8A%A4"


def test_a_control_character_neither_enters_a_story_nor_breaks_the_feed():
    """A backspace pasted from a PDF, an outlet name's bell: extraction drops them (a form
    feed is a line break), and the feed leaves out any a store written before kept, so
    it stays XML (before: one such story made the feed unreadable to every reader)."""
    from newsmoa.extract.article import extract
    from newsmoa.serve.feed import atom
    from newsmoa.types import RawItem

    body = "전주시는 1일 전북대와 창업\b 협약을 맺었다.\x0c두 기관은 해마다 50개 팀을 지원한다."
    got = extract(
        RawItem(origin="a.txt", text=body, title="전주시\x1b 협약", outlet="전북일보\x07")
    )
    assert (got.title, got.outlet) == ("전주시 협약", "전북일보")
    assert (
        got.text
        == "전주시는 1일 전북대와 창업 협약을 맺었다.\n두 기관은 해마다 50개 팀을 지원한다."
    )
    # written as a character reference in a page, the parser made it the character and
    # the page was dropped as empty (a review)
    page = f"<html><body><article><p>{body.replace(chr(8), '&#8;').replace(chr(12), '&#x0C;')}</p>"
    got = extract(
        RawItem(
            origin="p.html",
            html=page + "<p>협약식에는 주민 100명이 참석했다&#x1F;.</p></article></body></html>",
        )
    )
    assert (
        got.text.startswith("전주시는 1일 전북대와 창업 협약을 맺었다.") and "\x1f" not in got.text
    )
    # nor do noncharacters and lone surrogates, which XML 1.0 forbids as well (a title with
    # U+FFFF made the feed unreadable: a black-box case)
    odd = extract(RawItem(origin="b.txt", text=body, title="전주시\uffff 협약\ufffe\U0001fffe"))
    assert odd.title == "전주시 협약"
    old = {"id": "s1", "title": "전주시\b 협약\uffff", "outlets": ["전북일보\x07"], "sentences": []}
    feed = ET.fromstring(atom([old], base="http://x", self_url="http://x/feed.atom"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = feed.find("a:entry", ns)
    assert entry.findtext("a:title", namespaces=ns) == "전주시 협약"
    assert entry.find("a:category", ns).get("term") == "전북일보"


def test_markup_in_titles_and_text_is_escaped(client):
    for path in ("/", f"/stories/{NASTY}"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<b>가짜일보</b>" not in html
        assert "&lt;script&gt;alert(&#39;제목&#39;)&lt;/script&gt; 속보" in html
    story = client.get(f"/stories/{NASTY}").text
    assert "<img src=x" not in story and "&lt;img src=x onerror=alert(1)&gt;" in story
    assert b"<script>" not in client.get("/feed.atom").content


def test_openapi_describes_the_responses(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/feed.atom"} <= set(spec["paths"])
    assert "/" not in spec["paths"]
    assert client.get("/docs").status_code == 404  # Swagger UI would need a CDN
    story = spec["paths"]["/api/stories/{story_id}"]["get"]
    assert story["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/StoryOut"
    )
    assert {"307", "404"} <= set(story["responses"])
    schemas = spec["components"]["schemas"]
    assert {"articles", "sentences", "facts", "disagreements", "event"} <= set(
        schemas["StoryOut"]["properties"]
    )
    # what a press office reads: the release's placements and the reprint families (extra
    # fields of the contract the document was not described with)
    assert {"release", "release_carried_by", "near_duplicate_families"} <= set(
        schemas["StoryOut"]["properties"]
    )
    assert {"outlet", "reuse", "release_share"} <= set(schemas["CarrierOut"]["properties"])
    assert "reuse_from" in schemas["StoryOut"]["properties"]
    listing = spec["paths"]["/api/stories"]["get"]["responses"]["200"]["content"]
    assert listing["application/json"]["schema"]["items"]["$ref"].endswith("/StoryListedOut")


def test_openapi_says_what_each_parameter_is(client):
    """`limit` and `offset` (their defaults and bounds in the schema only: a page of 100
    stories, of 20 found ones) and the ids in the paths had no description."""
    spec = client.get("/openapi.json").json()
    bare = [
        (path, p["name"])
        for path, ways in spec["paths"].items()
        for op in ways.values()
        for p in op.get("parameters", [])
        if not p.get("description")
    ]
    assert bare == []


def test_stylesheet_is_served(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "Noto Sans KR" in css.text


def test_a_file_that_is_not_a_store_fails_at_start(tmp_path):
    from newsmoa.errors import StoreError

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="bad.db"):
        create_app(str(bad))


def test_page_model_of_a_bare_document():
    from newsmoa.serve.view import story_view

    doc = {
        "id": "s-bare",
        "title": "제목",
        "first_published": None,
        "articles": [
            {"id": "a", "outlet": "같은일보", "text": "첫 문장.", "published": None},
            {"id": "b", "outlet": "같은일보", "text": "첫 문장.", "published": "2024-01-01"},
        ],
        "sentences": [
            {"text": "첫 문장.", "sources": [{"article": "a", "start": 0, "end": 5}]},
        ],
    }
    view = story_view(doc)
    assert [c["label"] for c in view["columns"]] == ["같은일보 #1", "같은일보 #2"]
    assert view["timeline"]["undated"] == ["같은일보 #1"]
    assert [p["lag"] for p in view["timeline"]["points"]] == ["first"]
    assert view["event"] is None and view["facts"] == [] and view["release"] is None
    assert view["columns"][0]["sentences"][0]["mark"] == "only"


def test_a_sentence_is_marked_disputed_where_its_shown_words_are():
    from newsmoa.serve.view import disputes, story_view

    texts = {"a": "군은 14일 청사에서 협약했다.", "b": "군은 15일 청사에서 협약했다. 군수가 왔다."}
    doc = {
        "articles": [{"id": k, "outlet": k, "text": t} for k, t in texts.items()],
        "sentences": [  # the first shows a's words (14일); the second b's, which say no date
            {"text": texts["a"], "sources": [{"article": "a", "start": 0, "end": 17}]},
            {"text": "군수가 왔다.", "sources": [{"article": "b", "start": 18, "end": 25}]},
        ],
        "disagreements": [
            {
                "about": "signing date",
                "kind": "date",
                "values": [
                    {"value": v, "sources": [{"article": k, "start": 3, "end": 6}]}
                    for k, v in (("a", "2024-05-14"), ("b", "2024-05-15"))
                ],
            }
        ],
    }
    doc["sentences"][0]["sources"].append({"article": "b", "start": 0, "end": 17})
    assert disputes(doc) == [["signing date"], []]
    assert [s["disputed"] for s in story_view(doc)["sentences"]] == [["signing date"], []]
    assert disputes({**doc, "disagreements": []}) == [[], []]


def test_head_is_answered_as_get_and_a_405_says_what_the_path_takes(client):
    for path in ("/", "/feed.atom", "/api/stories", f"/stories/{MAIN}"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == 200 and head.content == b"", path
        assert head.headers["content-type"] == got.headers["content-type"]
    for method, path, allow in (
        ("OPTIONS", "/doubts", "GET, HEAD"),  # a page: the error page carries it too
        ("PUT", "/api/corrections", "GET, HEAD, POST"),  # both of the path's routes
        ("DELETE", f"/api/stories/{MAIN}", "GET, HEAD"),
        ("POST", "/static/style.css", "GET, HEAD"),  # a mount: the path is the mount's own
        ("DELETE", "/static/style.css", "GET, HEAD"),
    ):
        got = client.request(method, path)
        assert got.status_code == 405 and got.headers["allow"] == allow, (method, path)


def test_a_page_asked_with_a_parameter_it_cannot_read_answers_a_page(client):
    """`/?offset=abc` answered FastAPI's JSON to a browser; the API keeps its JSON."""
    page = client.get("/", params={"offset": "abc"})
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert "cannot read the request" in page.text and "s offset" in page.text
    api = client.get("/api/stories", params={"offset": "abc"})
    assert api.status_code == 422 and api.json()["detail"][0]["loc"] == ["query", "offset"]


def test_a_store_that_cannot_be_read_is_a_503_that_names_no_server(client, monkeypatch, caplog):
    """The body said the store's own words, a PostgreSQL server's user, host and database
    among them, to any reader; they go to the server's log."""
    from newsmoa.errors import StoreError
    from newsmoa.store.sql import SQLStore

    def gone(self, **_):
        raise StoreError("postgresql://newsmoa@db.internal:5432/news: server closed the connection")

    monkeypatch.setattr(SQLStore, "story_summaries", gone)
    with caplog.at_level("ERROR", logger="newsmoa.serve"):
        got = client.get("/api/stories")
        page = client.get("/")
    assert got.status_code == 503 and got.headers["retry-after"] == "5"
    assert got.json() == {"detail": "the store cannot be read right now; try again shortly"}
    assert page.status_code == 503 and "db.internal" not in page.text
    assert "db.internal" in caplog.text  # the operator still reads why


def test_a_toll_stated_higher_by_later_reports_says_so_in_every_view(tmp_path):
    """`Disagreement.trend`: the md, the table and the web page say that each higher toll
    came after every report of a lower one (a dispute of deaths 1 / 2 / 3 before)."""
    from newsmoa.serve.view import TRENDS

    lead = "27일 오후 2시께 부산 사하구의 한 화학공장에서 불이 나 근로자 {}이 숨졌다. "
    rest = "소방관 80명이 투입돼 3시간 만에 불을 껐다. 경찰은 정확한 화재 원인을 조사하고 있다."
    rows = [
        {
            "id": f"fire-{h}",
            "outlet": outlet,
            "published": f"2024-05-27T{h}:00:00+09:00",
            "title": "부산 화학공장 화재",
            "text": lead.format(toll) + rest,
        }
        for h, toll, outlet in (
            ("15", "1명", "가신문"),
            ("18", "2명", "나일보"),
            ("21", "3명", "다뉴스"),
        )
    ]
    db, run = _ingested(tmp_path, rows)
    (story,) = json.loads(run("stories", "--format", "json"))
    for fmt in ("md", "table"):
        shown = " ".join(run("show", story["id"], "--format", fmt).split())
        assert "deaths" in shown and TRENDS["rose"] in shown, shown
    with TestClient(create_app(db)) as c:
        page = c.get(f"/stories/{story['id']}").text
        doc = c.get(f"/api/stories/{story['id']}").json()
    assert " ".join(TRENDS["rose"].split()) in " ".join(page.split())
    assert [d.get("trend") for d in doc["disagreements"]] == ["rose"]


def _ingested(tmp_path, rows: list[dict]):
    """A store at `tmp_path` holding `rows` (JSONL lines), and a function running a command
    on it that returns its output (exit status 0 asserted)."""
    from click.testing import CliRunner

    from newsmoa.serve.cli import cli

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    db = str(tmp_path / "s.db")

    def run(*args: str) -> str:
        got = CliRunner().invoke(cli, ["--db", db, *args], obj={}, catch_exceptions=False)
        assert got.exit_code == 0, got.output
        return got.output

    run("ingest", str(src))
    return db, run


def test_one_outlets_two_articles_are_numbered_in_the_md_and_the_table(tmp_path):
    """The web page named them `연합뉴스 #1` and `#2`; the md and the table named both
    `연합뉴스`, so a sentence's sources could not be told apart (a black-box case)."""
    body = (
        "청솔군은 송림면에 공공도서관을 새로 짓는다고 27일 밝혔다. 사업비는 40억 원이며 "
        "내년 3월 문을 연다. 열람실과 어린이 자료실을 갖춘다."
    )
    rows = [
        {"id": "y1", "outlet": "연합뉴스", "published": "2024-05-27T09:00:00+09:00",
         "title": "청솔군 공공도서관 건립", "text": body},
        {"id": "y2", "outlet": "연합뉴스", "published": "2024-05-27T11:00:00+09:00",
         "title": "청솔군, 송림면에 도서관", "text": body + " 주차장도 새로 만든다."},
        {"id": "n1", "outlet": "뉴스1", "published": "2024-05-27T10:00:00+09:00",
         "title": "청솔군 도서관 짓는다", "text": body},
    ]  # fmt: skip
    _, run = _ingested(tmp_path, rows)
    (story,) = json.loads(run("stories", "--format", "json"))
    md = run("show", story["id"], "--format", "md")
    assert "| 연합뉴스 #1 | 2024-05-27 09:00" in md and "| 연합뉴스 #2 | 2024-05-27 11:00" in md
    assert "| 뉴스1 |" in md
    assert "주차장도 새로 만든다. [연합뉴스 #2]" in md  # the one article's own sentence
    table = run("show", story["id"], "--format", "table")
    assert "연합뉴스 #1" in table and "연합뉴스 #2" in table


def test_a_disagreements_sentence_number_finds_its_sentence_in_every_view(tmp_path):
    """`meeting date …, sentence 2` named a sentence no view numbered (the md listed them
    with dashes, the table without a number): the md and the table number them, and the
    web page links the label to its sentence."""
    lead = (
        "청솔군은 15일 군청에서 희망재단과 업무협약을 체결했다고 밝혔다. 협약식 {} 첫 회의를 연다."
    )
    rows = [
        {
            "id": f"a{n}",
            "title": "청솔군, 희망재단과 업무협약",
            "text": lead.format(span),
            "outlet": outlet,
            "published": "2015-03-16T09:00:00+09:00",
        }
        for n, (span, outlet) in enumerate([("사흘 뒤", "뉴스1"), ("나흘 뒤", "연합뉴스")])
    ]
    db, run = _ingested(tmp_path, rows)
    (story,) = json.loads(run("stories", "--format", "json"))
    doc = json.loads(run("show", story["id"], "--format", "json"))
    ((about, at),) = [at_sentence(d["about"]) for d in doc["disagreements"]]
    assert about == "meeting date counted from 협약식" and at is not None
    meeting = doc["sentences"][at - 1]["text"]
    assert "첫 회의" in meeting
    md = run("show", story["id"], "--format", "md").splitlines()
    assert any(ln.startswith(f"{at}. {meeting}") for ln in md), md
    table = run("show", story["id"], "--format", "table")
    assert re.search(rf"│\s+{at} │ {re.escape(meeting[:10])}", table), table
    with TestClient(create_app(db)) as c:
        page = c.get(f"/stories/{story['id']}").text
    heading = re.search(r"<h3>(.*?)</h3>", page, re.S)
    assert heading and f'<a href="#s-{at}">sentence {at}</a>' in heading.group(1)
    assert re.sub(r"<[^>]+>", "", heading.group(1)).startswith(f"{about}, sentence {at}")
    assert f'<li id="s-{at}"' in page


def test_placements_count_an_outlets_update_as_a_second_article_of_one_outlet():
    """A press office counts placements: the carriers were listed, never counted."""
    from newsmoa.serve.view import placements

    carried = [
        {"article": "n1", "outlet": "뉴시스"},
        {"article": "y1", "outlet": "연합뉴스"},
        {"article": "n2", "outlet": "뉴시스"},
        {"article": "b1", "outlet": None},
    ]
    shown = placements({"release_carried_by": carried})
    assert shown == "4 articles in 2 outlets (1 without an outlet)"  # (no outlet: no outlet)
    assert placements({"release_carried_by": carried[:1]}) == "1 article in 1 outlet"


def test_the_table_shows_the_facts_and_the_event_card_as_the_md_does(tmp_path):
    """`show`'s help names facts and the event card, but its default table showed neither:
    only the md and the JSON had them (a black-box case)."""
    body = (
        "순창군은 15일 군청에서 희망재단과 업무협약을 체결했다고 16일 밝혔다. "
        "협약식에는 김하늘 순창군수와 주민 50명이 참석했다."
    )
    rows = [
        {"id": f"a{n}", "title": "순창군, 희망재단과 업무협약", "text": body, "outlet": outlet,
         "published": "2015-03-16T09:00:00+09:00"}
        for n, outlet in enumerate(["뉴스1", "연합뉴스"])
    ]  # fmt: skip
    _, run = _ingested(tmp_path, rows)
    (story,) = json.loads(run("stories", "--format", "json"))
    doc = json.loads(run("show", story["id"], "--format", "json"))
    assert doc["event"] and doc["facts"]
    table = run("show", story["id"], "--format", "table")
    assert f"event: {doc['event']['type']}" in table
    assert re.search(r"│ parties\s+│ 순창군; 희망재단", table), table
    assert re.search(r"│ date\s+│ 2015-03-15\s+│ about signing", table), table
    assert re.search(r"│ person\s+│ 김하늘\s+│ 순창군수", table), table


def test_a_feed_reader_polling_gets_304_until_something_changes(client, db_path):
    """A feed reader or an API client asking again with the tag or the date it was given
    is answered 304 without a body (before: no ETag, no Last-Modified, every poll 200)."""
    feed = client.get("/feed.atom")
    tag, modified = feed.headers["etag"], feed.headers["last-modified"]
    assert feed.headers["cache-control"] == "no-cache" and modified.endswith(" GMT")
    again = client.get("/feed.atom", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    assert "content-type" not in again.headers and again.headers["x-frame-options"] == "DENY"
    assert again.headers["content-security-policy"] == "frame-ancestors 'none'"
    assert client.get("/feed.atom", headers={"If-Modified-Since": modified}).status_code == 304
    assert client.head("/feed.atom", headers={"If-None-Match": f"W/{tag}"}).status_code == 304
    for asked in (
        {"If-None-Match": '"other"'},
        {"If-Modified-Since": "Mon, 1 Jan 2024 00:00:00 GMT"},
    ):
        assert client.get("/feed.atom", headers=asked).content == feed.content
    story = client.get(f"/api/stories/{MAIN}")
    assert (
        client.get(
            f"/api/stories/{MAIN}", headers={"If-None-Match": story.headers["etag"]}
        ).status_code
        == 304
    )
    assert "etag" not in client.get("/api/stories/nope").headers  # a 404 is not tagged
    store = open_store(str(db_path))  # a new story: the feed changed, and says so
    story_doc = small_story(
        "s-new", "new-1", title="새 소식", outlet="경남신문",
        when=datetime(2024, 5, 20, 8, 0, tzinfo=KST), text="새 소식이 있다.",
    )  # fmt: skip
    store.save_articles([StoredArticle(article=story_doc.articles[0], story="s-new")])
    store.save_story(story_to_json(story_doc))
    store.close()
    changed = client.get("/feed.atom", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag
    assert b"s-new" in changed.content


def test_an_article_id_leads_to_its_story(client, db_path):
    """An integrator knows the ids it ingested, not the stories they landed in (before: 404,
    only a walk over every story's document found one)."""
    got = client.get("/api/articles/gyeongnam")
    assert got.status_code == 200 and got.headers["content-type"] == "application/json"
    body = got.json()
    assert (body["id"], body["story"], body["outlet"]) == ("gyeongnam", MAIN, "경남신문")
    assert body["text"] == TEXTS["gyeongnam"] and body["reuse"] == 0.38
    assert body["story_url"] == f"http://testserver/api/stories/{MAIN}"
    assert body["page"] == f"http://testserver/stories/{MAIN}#article-3"
    page = client.get("/articles/gyeongnam", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == body["page"]
    assert 'id="article-3"' in client.get(page.headers["location"]).text
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and missing.json() == {"detail": "no article 'nope'"}
    assert client.get("/articles/nope").status_code == 404
    # an id that is a web address (the default id is the url), slashes and all
    store = open_store(str(db_path))
    url = "https://example.org/news/1?a=1"
    web = small_story(
        "s-web", url, title="웹 기사", outlet="웹일보",
        when=datetime(2024, 5, 20, 8, 0, tzinfo=KST), text="웹 기사 본문이다.",
    )  # fmt: skip
    store.save_articles([StoredArticle(article=web.articles[0], story="s-web")])
    store.save_story(story_to_json(web))
    store.close()
    from urllib.parse import quote

    assert client.get(f"/api/articles/{quote(url, safe='')}").json()["story"] == "s-web"
    spec = client.get("/openapi.json").json()
    assert "/api/articles/{article_id}" in spec["paths"]


def test_each_story_has_a_feed_of_its_articles(client):
    """A press office follows where its release ran, a reader the event: each new report is
    a new entry (before: only the feed of stories, where a new placement changed nothing
    but an `updated`)."""
    response = client.get(f"/stories/{MAIN}/feed.atom")
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    # when its last article joined here (the store was built now), not before its newest
    # article's time (바다뉴스, 06:02 GMT): a report joining with an earlier time moves it
    modified = parsedate_to_datetime(response.headers["last-modified"])
    assert modified >= datetime(2024, 5, 14, 6, 2, tzinfo=UTC)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(response.content)
    entries = feed.findall("a:entry", ns)
    assert [e.findtext("a:id", namespaces=ns) for e in entries] == [
        f"urn:newsmoa:article:{a}" for a in ("bada", "gyeongnam", "namdo", "rel")
    ]
    titles = [e.findtext("a:title", namespaces=ns) for e in entries]
    assert titles[1] == "경남신문 · 남해 바다 함께 지킨다"
    assert titles[3].startswith("press release")
    links = [[x.get("href") for x in e.findall("a:link", ns)] for e in entries]
    assert links[2][0] == "https://example.org/namdo/1"  # the outlet's own page first
    assert links[1] == ["http://testserver/articles/gyeongnam"]  # never a javascript: link
    assert entries[2].findtext("a:author/a:name", namespaces=ns) == "정하늘"
    assert entries[0].findtext("a:summary", namespaces=ns) == TEXTS["bada"]
    updated = datetime.fromisoformat(feed.findtext("a:updated", namespaces=ns) or "")
    assert updated.replace(microsecond=0) == modified
    import feedparser

    parsed = feedparser.parse(response.content)
    assert not parsed.bozo and parsed.entries[2].link == "https://example.org/namdo/1"
    moved = client.get(f"/stories/{ABSORBED}/feed.atom", follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"] == f"http://testserver/stories/{MAIN}/feed.atom"
    missing = client.get("/stories/nope/feed.atom")
    assert missing.status_code == 404 and missing.json() == {"detail": "no story 'nope'"}
    page = Page(client.get(f"/stories/{MAIN}").text)
    assert f"/stories/{MAIN}/feed.atom" in [a.get("href") for a, _ in page.find(tag="link")]
    nasty = client.get(f"/stories/{NASTY}/feed.atom").content
    assert b"<script>" not in nasty and b"<b>" not in nasty


def test_a_storys_feed_is_found_by_the_start_of_its_id(client):
    """`/stories/s8a6bae/feed.atom` answered 404 where `/stories/s8a6bae` and the API lead to
    the story: a feed's address typed from a page's id is redirected like them."""
    moved = client.get(f"/stories/{MAIN[:6]}/feed.atom", follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"] == f"http://testserver/stories/{MAIN}/feed.atom"
    assert client.get(f"/stories/{MAIN[:6]}/feed.atom").status_code == 200
    short = client.get("/stories/s-na/feed.atom")  # too short to name one: said why
    assert short.status_code == 404 and "from 6 characters" in short.json()["detail"]


def test_the_web_card_shows_every_field_of_the_event():
    """The story page's agreement card lists every field `types.Event` has: an English
    card's amount and duration were left off a fixed list of names (a helper's report)."""
    from newsmoa.serve.view import event_rows

    card = event_rows(
        {
            "type": "agreement",
            "parties": ["City of Riverton", "Clearwater Regional Water Authority"],
            "amount": "$45 million",
            "duration": None,
            "disputed": ["duration"],
        }
    )
    assert card is not None
    rows = {r["name"]: r for r in card["rows"]}
    assert rows["amount"]["text"] == "$45 million"
    assert rows["duration"]["disputed"] and "disputed" not in rows and "type" not in rows


def test_an_outlets_sentence_that_is_two_of_the_story_stands_once_in_its_column():
    """b's one sentence is the story's sentences 1 and 2 (a source of both): its column
    listed the same words twice."""
    from newsmoa.serve.view import story_view

    texts = {"a": "설계를 마친다. 협의회를 둔다.", "b": "설계를 마치고, 협의회를 둔다."}
    doc = {
        "articles": [{"id": k, "outlet": k, "text": t} for k, t in texts.items()],
        "sentences": [
            {
                "text": "설계를 마친다.",
                "sources": [
                    {"article": "a", "start": 0, "end": 8},
                    {"article": "b", "start": 0, "end": 17},
                ],
            },
            {
                "text": "협의회를 둔다.",
                "sources": [
                    {"article": "a", "start": 9, "end": 17},
                    {"article": "b", "start": 0, "end": 17},
                ],
            },
        ],
    }
    columns = {c["id"]: c["sentences"] for c in story_view(doc)["columns"]}
    assert [r["n"] for r in columns["a"]] == [1, 2]
    assert [(r["n"], r["words"]) for r in columns["b"]] == [(1, texts["b"])]


def test_sentences_the_release_does_not_carry_are_marked_as_added():
    """An outlet's own quote is "only here" like a sentence one outlet reworded; in a story
    with a release, what the release lacks is said (`in_release`, the page's "not in the
    release"); a story without one says nothing of it."""
    from newsmoa.serve.view import story_view, with_disputes

    texts = {"r": "군은 협약했다.", "a": "군은 협약했다. 주민은 반겼다."}
    doc = {
        "release": "r",
        "articles": [
            {"id": "r", "outlet": "군", "text": texts["r"], "is_release": True},
            {"id": "a", "outlet": "신문", "text": texts["a"]},
        ],
        "sentences": [
            {
                "text": "군은 협약했다.",
                "sources": [
                    {"article": "r", "start": 0, "end": 8},
                    {"article": "a", "start": 0, "end": 8},
                ],
            },
            {"text": "주민은 반겼다.", "sources": [{"article": "a", "start": 9, "end": 17}]},
        ],
    }
    assert [s["in_release"] for s in with_disputes(doc)["sentences"]] == [True, False]
    assert [s["added"] for s in story_view(doc)["sentences"]] == [False, True]
    bare = {
        **doc,
        "release": None,
        "articles": [{**a, "is_release": False} for a in doc["articles"]],
    }
    assert all("in_release" not in s for s in with_disputes(bare)["sentences"])
    assert not any(s["added"] for s in story_view(bare)["sentences"])


def test_a_date_alone_stays_its_day_in_the_feeds(tmp_path):
    """Articles given a date alone (`Article.day_only`), of a Korean outlet: the story list's
    feed gave their day's start in UTC (09:00 in Seoul), and the story's feed dated its
    entries' `updated` so while their `published` was the day's start in Seoul. Both feeds
    give the day's start in the article's zone, as `published_at` in the JSON API does,
    whether the story's document is built yet or not."""
    from newsmoa.pipeline import Newsroom
    from newsmoa.types import RawItem

    db = str(tmp_path / "s.db")
    text = "완주군은 12일 고산면에서 로컬푸드 가공센터 준공식을 열었다고 밝혔다. 주민 150여 명이 참석했다."
    items = [
        RawItem(f"{k}.jsonl", text, id=f"d{k}", outlet=o, published="2026-03-12")
        for k, o in enumerate(["완주군", "전북일보"])
    ]
    with closing(open_store(db)) as store:
        (story,) = Newsroom(store).ingest(items, defer_analysis=True).stories
    ns = {"a": "http://www.w3.org/2005/Atom"}
    with TestClient(create_app(db)) as client:
        for built in (False, True):  # listed from its row, then from its document
            entry = ET.fromstring(client.get("/feed.atom").content).find("a:entry", ns)
            assert entry.findtext("a:published", namespaces=ns) == "2026-03-12T00:00:00+09:00"
            if not built:
                doc = client.get(f"/api/stories/{story}").json()
        assert doc["first_published"] == "2026-03-12"
        assert {a["published_at"] for a in doc["articles"]} == {"2026-03-12T00:00:00+09:00"}
        feed = ET.fromstring(client.get(f"/stories/{story}/feed.atom").content)
        for entry in feed.findall("a:entry", ns):
            assert entry.findtext("a:published", namespaces=ns) == "2026-03-12T00:00:00+09:00"
            assert entry.findtext("a:updated", namespaces=ns) == "2026-03-12T00:00:00+09:00"


def test_the_pages_are_english_and_each_storys_words_say_their_language(client, db_path):
    """Every page was `<html lang="ko">`: a screen reader read the English labels, and an
    English story, in a Korean voice. The labels are English; a story's title, sentences,
    quotes and columns, and the list's titles, carry the language they are written in."""
    store = open_store(str(db_path))
    english = small_story(
        "s-library",
        "lib-1",
        title="Council approves library renovation",
        outlet="Springfield Herald",
        when=datetime(2024, 6, 4, 18, 0, tzinfo=timezone(timedelta(hours=-5))),
        text="The city council voted 5-2 on Tuesday to renovate the library.",
    )
    store.save_articles([StoredArticle(article=a, story=english.id) for a in english.articles])
    store.save_story(story_to_json(english))
    store.close()
    for path, lang in ((f"/stories/{MAIN}", "ko"), ("/stories/s-library", "en")):
        page = Page(client.get(path).text)
        assert page.find(tag="html")[0][0]["lang"] == "en"
        assert page.find(tag="h1")[0][0]["lang"] == lang
        assert page.find("sentences")[0][0]["lang"] == lang
        assert {a["lang"] for a, _ in page.find("variants")} == {lang}
    listed = Page(client.get("/").text)
    langs = {text: a.get("lang") for a, text in listed.find(tag="a") if "/stories/" in a["href"]}
    assert langs["Council approves library renovation"] == "en"
    assert langs[ARTICLES["namdo"].title or ""] == "ko"


def test_an_error_page_says_what_its_number_means(client):
    """The heading of a page for an unknown story was a bare "404"."""
    page = Page(client.get("/stories/s-nope").text)
    assert page.text(tag="h1") == "404 Not Found"
    assert page.text(tag="title") == "404 Not Found · newsmoa"


def test_the_timelines_dots_hidden_from_screen_readers_are_out_of_the_tab_order(client):
    """The track of dots is `aria-hidden` (the list under it says the same): its links were
    still reached by Tab, each an unnamed stop a keyboard user could not see the use of."""
    page = Page(client.get(f"/stories/{MAIN}").text)
    dots = page.find("dot", tag="a")
    assert dots and all(a.get("tabindex") == "-1" for a, _ in dots)
