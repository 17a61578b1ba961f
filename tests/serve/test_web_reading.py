"""The pages as a screen reader reads them: every piece of text in the language its `lang`
says, where a page mixes its English labels with a story's Korean words (an English label
in a Korean list, a Korean topic or outlet in an English heading), and the feeds' entries
saying theirs; its landmarks named; and the search list naming each article as its
story's page does.

The store holds two stories written for these tests: 청솔군's press release of a smart-farm
agreement and two outlets' reprints, one stating another amount (a disagreement whose topic
is the Korean role word `사업비`), and an English report of a Korean outlet.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

import pytest

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from newsmoa.codec import story_to_json
from newsmoa.serve.app import create_app
from newsmoa.serve.view import language
from newsmoa.store import StoredArticle, open_store
from newsmoa.text.script import has_hangul
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
FARM, ENGLISH = "s-farm", "s-english"
LEAD = "청솔군은 19일 한빛농협과 스마트팜 조성 업무협약을 체결했다."
COST = {
    "rel": "사업비 120억원을 들인다.",
    "hb": "사업비 120억원을 들인다.",
    "ds": "사업비 150억원을 들인다.",
}
CROWD = "협약식에는 40명이 참석했다."
TEXTS = {aid: " ".join((LEAD, COST[aid], CROWD)) for aid in COST}
OUTLETS = {"rel": "청솔군", "hb": "한빛일보", "ds": "동해신문"}
SAID = "Cheongsol County signed a smart farm deal with the Hanbit cooperative on Thursday."


def src(aid: str, words: str, *, quote: bool = False) -> Source:
    start = TEXTS[aid].index(words)
    return Source(aid, start, start + len(words), words if quote else None)


def farm_story() -> Story:
    articles = tuple(
        Article(
            id=aid,
            text=TEXTS[aid],
            title="청솔군, 한빛농협과 스마트팜 협약",
            outlet=outlet,
            published=datetime(2026, 11, 18, 9 + n, 0, tzinfo=KST),
            is_release=aid == "rel",
        )
        for n, (aid, outlet) in enumerate(OUTLETS.items())
    )
    return Story(
        id=FARM,
        title="청솔군, 한빛농협과 스마트팜 협약",
        first_published=articles[0].published,
        articles=articles,
        sentences=(
            ConsolidatedSentence(LEAD, tuple(src(a, LEAD) for a in TEXTS)),
            ConsolidatedSentence(COST["rel"], tuple(src(a, COST[a]) for a in TEXTS)),
            ConsolidatedSentence(CROWD, (src("rel", CROWD), src("hb", CROWD))),
        ),
        facts=(
            Fact(
                "quantity",
                40,
                (src("rel", "40명"),),
                text="40명",
                unit="명",
                counts="participants",
                about="meeting counted from 협약식",
            ),
            Fact(
                "quantity", 12_000_000_000, (src("rel", "120억원"),), text="120억원", role="사업비"
            ),
        ),
        disagreements=(
            Disagreement(
                "사업비, sentence 2",
                "quantity",
                (
                    DisagreementValue(
                        12_000_000_000,
                        (src("rel", "120억원", quote=True), src("hb", "120억원", quote=True)),
                    ),
                    DisagreementValue(15_000_000_000, (src("ds", "150억원", quote=True),)),
                ),
            ),
        ),
        event=Event(
            type="agreement", parties=("청솔군", "한빛농협"), amount=None, disputed=("amount",)
        ),
        reuse=(("rel", 0.0), ("hb", 1.0), ("ds", 0.8)),
        extra={
            "why": {
                aid: {"score": 0.9, "similarity": 0.8, "links": 1, "shared": ["스마트팜", "협약"]}
                for aid in TEXTS
            },
            "release": "rel",
            "release_carried_by": [
                {"article": "hb", "outlet": "한빛일보", "release_share": 1.0},
                {"article": "ds", "outlet": "동해신문", "release_share": 0.8},
            ],
            "reuse_from": {"hb": [{"article": "rel", "share": 1.0}]},
        },
    )


def english_story() -> Story:
    article = Article(
        id="en-1",
        text=SAID,
        title="Cheongsol signs smart farm deal",
        outlet="연합뉴스",
        published=datetime(2026, 11, 19, 9, 0, tzinfo=KST),
    )
    return Story(
        id=ENGLISH,
        title=article.title,
        first_published=article.published,
        articles=(article,),
        sentences=(ConsolidatedSentence(SAID, (Source("en-1", 0, len(SAID)),)),),
    )


@pytest.fixture
def client(db_path):
    store = open_store(str(db_path))
    for story in (farm_story(), english_story()):
        store.save_articles([StoredArticle(article=a, story=story.id) for a in story.articles])
        store.save_story(story_to_json(story))
    store.close()
    with TestClient(create_app(str(db_path))) as c:
        yield c


class Voices(HTMLParser):
    """A page's body text as a screen reader meets it: (text, the `lang` it is read in)."""

    VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "source"}

    def __init__(self, html: str) -> None:
        super().__init__()
        self.read: list[tuple[str, str]] = []
        self._langs: list[str] = []
        self._tags: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        said = dict(attrs).get("lang")
        self._langs.append(said or (self._langs[-1] if self._langs else ""))
        self._tags.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID or tag not in self._tags:
            return
        while self._tags:  # (an element left open ends with its parent)
            self._langs.pop()
            if self._tags.pop() == tag:
                break

    def handle_data(self, data):
        words = data.strip()
        if words and "body" in self._tags and "code" not in self._tags:
            self.read.append((words, self._langs[-1]))


def misread(html: str) -> list[tuple[str, str]]:
    """The body's texts with letters read in another language than their own."""
    return [
        (words, lang)
        for words, lang in Voices(html).read
        if (has_hangul(words) or any(c.isascii() and c.isalpha() for c in words))
        and language(words) != lang
    ]


@pytest.mark.parametrize(
    "path",
    [
        f"/stories/{FARM}",
        f"/stories/{FARM}?why=1",
        f"/stories/{ENGLISH}",
        "/",
        "/?q=%EC%8A%A4%EB%A7%88%ED%8A%B8%ED%8C%9C",  # 스마트팜
        "/?outlet=%EC%97%B0%ED%95%A9%EB%89%B4%EC%8A%A4",  # 연합뉴스
        "/?q=%EC%97%86%EB%8A%94%EB%A7%90",  # 없는말: none holds it
    ],
)
def test_every_text_of_a_page_is_read_in_its_own_language(client, path):
    """A disagreement's heading read `사업비, sentence 2` in the page's English voice; the
    sentences' English badges (`disputed:`, `not in the release`), the chips naming the
    `press release` and the facts' `about signing` in a Korean one; a Korean outlet in the
    English columns, list and release note in an English one."""
    response = client.get(path)
    assert response.status_code == 200
    assert misread(response.text) == []


def test_a_disagreements_korean_topic_says_its_language_in_its_english_heading(client):
    """The known case: `<h3>사업비, <a>sentence 2</a></h3>` under `<html lang="en">`."""
    read = dict(Voices(client.get(f"/stories/{FARM}").text).read)
    assert read["사업비"] == "ko"
    assert read["sentence 2"] == "en"


def test_a_word_of_the_other_language_inside_a_label_is_marked_alone():
    """A topic `meeting date counted from 협약식` was one English span: 협약식 read in English."""
    from newsmoa.serve.view import runs

    assert runs("meeting date counted from 협약식") == [
        ("meeting date counted from ", None),
        ("협약식", "ko"),
    ]
    assert runs("press release (청솔군)") == [
        ("press release (", None),
        ("청솔군", "ko"),
        (")", None),
    ]
    assert runs("청솔군 AI 센터 개소") == [("청솔군 ", None), ("AI", "en"), (" 센터 개소", None)]
    assert runs("청솔군 'Smart' 협약") == [("청솔군 '", None), ("Smart", "en"), ("' 협약", None)]
    assert runs("사업비") == [("사업비", None)]
    assert runs("") == []


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ENTRY = "{http://www.w3.org/2005/Atom}entry"


@pytest.mark.parametrize(
    ("path", "langs"),
    [
        ("/feed.atom", {"urn:newsmoa:story:s-english": "en", "urn:newsmoa:story:s-farm": "ko"}),
        (f"/stories/{ENGLISH}/feed.atom", {"urn:newsmoa:article:en-1": "en"}),
        (f"/stories/{FARM}/feed.atom", {f"urn:newsmoa:article:{a}": "ko" for a in TEXTS}),
    ],
)
def test_each_feed_entry_says_its_language(client, path, langs):
    """The feeds said no language: a reader showed a Korean story's entry, among English
    ones, in the font and voice of its own settings."""
    feed = ET.fromstring(client.get(path).content)
    assert feed.get(XML_LANG) == "en"  # the feed's own words
    got = {e.findtext("{http://www.w3.org/2005/Atom}id"): e.get(XML_LANG) for e in feed.iter(ENTRY)}
    assert got == langs


def test_the_search_list_names_each_article_as_its_storys_page_does(client):
    """A matching press release was named in the search list as an outlet's article
    (`청솔군 · …`; `— · …` without an outlet), where its story's page and feed name it
    `press release (청솔군)`."""
    page = client.get("/", params={"q": "스마트팜"}).text
    links = re.findall(r'<a href="/articles/([^"]+)">(.*?)</a>', page)
    shown = {aid: re.sub(r"<[^>]+>", "", inner).split(" · ")[0] for aid, inner in links}
    assert shown == {"rel": "press release (청솔군)", "hb": "한빛일보", "ds": "동해신문"}


def test_each_navigation_landmark_is_named_and_none_is_empty(client, monkeypatch):
    """A screen reader's list of landmarks read "navigation, navigation": the site's links
    and the list's pager, unnamed, the pager there with nothing in it on a one-page list."""
    from newsmoa.serve import web

    def landmarks(path: str) -> list[tuple[str, str]]:
        page = client.get(path).text
        return re.findall(r"<nav([^>]*)>(.*?)</nav>", page, re.S)

    one_page = landmarks("/")
    assert [re.search(r'aria-label="([^"]+)"', a).group(1) for a, _ in one_page] == ["site"]
    monkeypatch.setattr(web, "PAGE", 1)
    paged = landmarks("/")
    assert [re.search(r'aria-label="([^"]+)"', a).group(1) for a, _ in paged] == ["site", "pages"]
    assert "Older" in paged[1][1]


def test_an_outlet_the_store_does_not_have_is_said_to_be_none_of_its_outlets(client):
    """`/?outlet=` with a typo said "No stories from 연헙뉴스 yet. Add some with `newsmoa
    ingest FILE`", as to a store that was empty; the command line names it as no outlet of
    the store's."""
    page = client.get("/", params={"outlet": "연헙뉴스"}).text
    said = re.sub(r"<[^>]+>", "", re.search(r'<p class="empty">(.*?)</p>', page, re.S).group(1))
    assert said.startswith("The store has no outlet named “연헙뉴스”")
    assert "ingest" not in said
    known = client.get("/", params={"outlet": "연합뉴스", "since": "2030-01-01"}).text
    assert "has no outlet" not in known and "No stories from" in known


def test_the_headline_words_a_why_names_are_read_as_korean(client):
    """Why an article is here (`headline words in common: 스마트팜, 협약`) was one English
    text: the Korean words were read in the English voice."""
    read = Voices(client.get(f"/stories/{FARM}", params={"why": "1"}).text).read
    assert ("스마트팜, 협약", "ko") in read


def test_the_doubts_page_names_each_article_as_a_storys_page_does_in_its_language(
    client, monkeypatch
):
    """A doubt's articles were `outlet · title` as one text in the title's language
    (`연합뉴스 · Cheongsol signs …` read in English), a release named as an outlet."""
    from newsmoa.cluster.doubts import Doubt
    from newsmoa.review import Doubts
    from newsmoa.serve.api_doubts import Recent

    found = {a.id: a for s in (farm_story(), english_story()) for a in s.articles}
    split = Doubt("split", (FARM,), (("rel", "hb"), ("ds",)), 0.2, 0.9, 1.0)
    merge = Doubt("merge", (FARM, ENGLISH), (("rel", "hb", "ds"), ("en-1",)), 0.6, 0.9, 1.0)
    end = datetime(2026, 11, 20, tzinfo=KST)
    monkeypatch.setattr(
        Recent,
        "doubts",
        lambda self, store, **_: Doubts(end - timedelta(days=2), end, (split,), (merge,), found),
    )
    page = client.get("/doubts")
    assert page.status_code == 200
    assert misread(page.text) == []
    read = Voices(page.text).read
    assert ("연합뉴스", "ko") in read  # apart from its English title
    assert ("press release (", "en") in read and ("청솔군", "ko") in read


@pytest.mark.parametrize("query", [{}, {"q": "스마트팜"}])
def test_the_list_says_how_far_a_storys_release_ran_as_stories_does(client, query):
    """`newsmoa stories` and `/api/stories` say a release was carried by `2 in 2 outlets`;
    the web list, where a press office looks first, said nothing of it."""
    page = client.get("/", params=query).text
    rows = {
        re.search(r'href="/stories/([^"]+)"', row).group(1): re.sub(r"<[^>]+>", " ", row)
        for row in re.findall(r"<tr>(.*?)</tr>", page, re.S)[1:]
    }
    assert "2 articles in 2 outlets" in " ".join(rows[FARM].split())
    assert "Release carried" in page


def test_the_lists_json_link_is_the_apis_own_address(client):
    """The list's JSON link was `/api/stories?`, with nothing after its `?`."""
    assert '<a href="/api/stories">JSON</a>' in client.get("/").text
    asked = client.get("/", params={"q": "스마트팜"}).text
    assert '<a href="/api/search?q=%EC%8A%A4%EB%A7%88%ED%8A%B8%ED%8C%9C">JSON</a>' in asked


def test_on_a_phone_the_list_stacks_each_story_with_its_fields_named(client):
    """Five columns in a phone's 390 pixels broke `2026-11-19` and `Release carried` in
    mid-word: under 40rem each story is a block of its own, each field named by its column's
    heading (`data-label`), which every cell but the story's title carries."""
    page = client.get("/").text
    heads = [
        re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", page, re.S)
    ]
    (row, *_) = re.findall(r"<tr>(.*?)</tr>", page, re.S)[1:]
    cells = re.findall(r"<td([^>]*)>", row)
    labels = [m.group(1) if (m := re.search(r'data-label="([^"]*)"', c)) else "" for c in cells]
    assert labels[0] == "" and labels[1:] == heads[1:]
    css = client.get("/static/style.css").text
    narrow = css[css.index("@media (max-width: 40rem)") :]
    assert "table.stories, table.stories tbody, table.stories tr, table.stories td" in narrow
    assert "attr(data-label)" in narrow


def test_the_story_page_lists_the_dates_to_check_as_show_does(db_path):
    """A release's `11월 31일` copied by every outlet and a weekday that is not its date's
    (`11.24(수)` on a Tuesday): `show` listed them, the page showed neither (the misprint was
    a `—` in its facts)."""
    text = "군은 11월 31일 박람회를 열고 11.24(수) 설명회를 연다."
    article = Article(id="r", text=text, title="박람회", outlet="청솔군", is_release=True)
    misprint, slip = "11월 31일", "11.24(수)"

    def at(words: str) -> tuple[Source, ...]:
        return (Source("r", text.index(words), text.index(words) + len(words)),)

    story = Story(
        id="s-fair",
        title="박람회",
        first_published=None,
        articles=(article,),
        sentences=(ConsolidatedSentence(text, (Source("r", 0, len(text)),)),),
        facts=(
            Fact("date", None, at(misprint), text=misprint),
            Fact("date", "2026-11-24", at(slip), text=slip),
        ),
    )
    store = open_store(str(db_path))
    store.save_articles([StoredArticle(article=article, story=story.id)])
    store.save_story(story_to_json(story))
    store.close()
    with TestClient(create_app(str(db_path))) as c:
        page = c.get("/stories/s-fair").text
    section = page[page.index('id="dates-to-check"') :]
    assert "month 11 has 30 days, not 31" in section
    assert "2026-11-24 is a 화요일, not a 수요일" in re.sub(r"<[^>]+>", "", section)
    assert misread(page) == []
