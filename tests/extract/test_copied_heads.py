"""Heads of texts copied from a browser or a portal (texts written for these tests): a title
with its site's name after it, and a headline under the outlet's marker."""

import pytest

from newsmoa.extract.article import extract
from newsmoa.extract.mastheads import site_titled
from newsmoa.types import Article, RawItem

BODY = (
    "청솔군은 내년부터 귀농인 정착지원금을 가구당 1천만원으로 늘린다고 24일 밝혔다.\n\n"
    "군은 이를 위해 내년 예산에 15억원을 편성했다.\n"
)
HEAD = "청솔군, 귀농인 지원 확대"


def _read(text: str, **given: str) -> Article:
    got = extract(RawItem(id="a", text=text, origin="a.txt", **given))
    assert isinstance(got, Article)
    return got


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        (f"{HEAD} - 청솔일보", "청솔일보"),
        (f"{HEAD} | 청솔일보", "청솔일보"),
        (f"{HEAD} :: 청솔일보", "청솔일보"),
        (f"{HEAD} < 지역 < 기사본문 - 청솔일보", "청솔일보"),  # a Korean CMS's <title>
        (f"{HEAD} : 네이버 뉴스", None),  # a portal's name: left out, no outlet
    ],
)
def test_a_title_with_its_site_s_name_after_it_is_the_headline_and_names_the_outlet(title, outlet):
    """The site's name stayed in the story's title, and the article was unnamed."""
    got = _read(f"{title}\n\n{BODY}")
    assert (got.title, got.outlet) == (HEAD, outlet)
    fed = _read(BODY, title=title)  # (a feed's entry, as Google News titles them)
    assert (fed.title, fed.outlet) == (HEAD, outlet)


@pytest.mark.parametrize(
    "title",
    ["청솔군 - 귀농 1번지로", "“귀농 1번지” - 김영수 군수", "청솔군 귀농지원 - 2배 확대"],
)
def test_a_dash_before_words_that_name_no_site_is_the_headline_s(title):
    assert site_titled(title) is None
    assert _read(f"{title}\n\n{BODY}").title == title


@pytest.mark.parametrize(
    ("marked", "outlet", "place"),
    [("[청솔일보] ", "청솔일보", None), ("[청솔=뉴시스] ", "뉴시스", "청솔")],
)
def test_a_headline_under_the_outlet_s_marker_is_the_title_not_the_lead(marked, outlet, place):
    """`[청솔일보] 청솔군, 귀농인 지원 확대` atop a copied text was its first paragraph."""
    got = _read(f"{marked}{HEAD}\n\n{BODY}")
    assert (got.title, got.outlet, got.dateline_place) == (HEAD, outlet, place)
    assert got.text.startswith("청솔군은 내년부터")


def test_a_lead_under_its_marker_stays_the_lead():
    got = _read(f"{HEAD}\n\n[청솔일보] 청솔군이 귀농인 지원을 확대한다\n\n{BODY}")
    assert got.title == HEAD and got.text.startswith("청솔군이 귀농인 지원을 확대한다")
