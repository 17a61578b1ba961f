"""The story's title: not the headline of the one outlet that misprinted a figure."""

from datetime import UTC, datetime

from newsmoa.reconcile.story import minority_marks, story_title
from newsmoa.types import Article, Disagreement, DisagreementValue, Source

LEAD = "청솔시는 원도심 빈 점포 {}곳을 고쳐 청년 창업 공간으로 만들 계획이다."


def _article(aid: str, title: str, shops: int, hour: int) -> Article:
    return Article(
        id=aid,
        text=LEAD.format(shops),
        title=title,
        outlet=aid,
        published=datetime(2024, 6, 4, hour, tzinfo=UTC),
    )


def _shops(articles: list[Article], trend: str | None = None) -> Disagreement:
    sides: dict[int, list[Source]] = {}
    for a in articles:
        n = 12 if "12곳" in a.text else 10
        sides.setdefault(n, []).append(Source(a.id, 0, len(a.text)))
    values = tuple(DisagreementValue(n, tuple(src)) for n, src in sorted(sides.items()))
    return Disagreement("점포, sentence 1", "quantity", values, trend)


def test_a_headline_stating_the_fewer_outlets_figure_is_not_the_storys_title():
    """Four outlets; one misprints 10 shops as 12 in its text and headline, whose words are
    closest to the others' headlines: it titled the story (a black-box case)."""
    articles = [
        _article("a", "청솔시, 도시재생 예비사업 선정…국비 1억5000만원 확보", 10, 1),
        _article("b", "청솔시, 국토부 도시재생 공모 선정", 10, 2),
        _article("c", "청솔시 빈 점포 12곳 청년 공간 변신", 12, 3),
        _article("d", "청솔 원도심 빈 점포, 청년 창업 공간으로", 10, 4),
    ]
    assert story_title(articles) == "청솔시 빈 점포 12곳 청년 공간 변신"  # the closest alone
    marks = minority_marks(articles, [_shops(articles)])
    assert marks == frozenset({"12"})
    assert "12곳" not in story_title(articles, marks)
    # a count that rose as reports came in: the later figure may be the right one
    assert minority_marks(articles, [_shops(articles, trend="rose")]) == frozenset()
    # no side stated by most outlets: nothing to avoid
    even = articles[:1] + articles[2:3]
    assert minority_marks(even, [_shops(even)]) == frozenset()


def test_a_headline_writing_the_fewer_outlets_amount_another_way_is_not_the_title():
    """The misprint `1억5000만원` in the text is `1.5억` in its headline: as digit strings
    (`1`, `5000` against `1.5`) the headline did not state it, and titled the story."""
    body = "청솔시는 도시재생 예비사업에 선정돼 국비 {}을 확보했다."
    titles = [
        "청솔시 도시재생 선정 국비 1.5억 확보",
        "청솔시 도시재생 국비 확보",
        "도시재생 예비사업 선정",
    ]
    amounts = ["1억5000만원", "1억원", "1억원"]
    articles = [
        Article(id=str(n), text=body.format(x), title=t, outlet=str(n))
        for n, (t, x) in enumerate(zip(titles, amounts, strict=True))
    ]
    sides = (
        DisagreementValue(100_000_000, tuple(Source(a.id, 0, len(a.text)) for a in articles[1:])),
        DisagreementValue(150_000_000, (Source("0", 0, len(articles[0].text)),)),
    )
    marks = minority_marks(articles, [Disagreement("국비, sentence 1", "quantity", sides)])
    assert story_title(articles) == titles[0]  # the closest alone
    assert story_title(articles, marks) != titles[0]


def test_a_correction_notice_standing_alone_keeps_its_tag_in_the_title():
    """A county's correction of a figure it had sent, with an outlet's correction: the story
    was titled "청솔군 추경 규모 421억원", which read in the list as a new announcement. Its
    tag goes only where the story holds the release it corrects (the announcement)."""
    notice = Article(
        "fix", "추경 규모를 바로잡는다.", "[정정] 청솔군 추경 규모 421억원", is_release=True
    )
    outlet = Article(
        "o", "추경 규모를 바로잡는다고 밝혔다.", "[바로잡습니다] 청솔군 추경", "청솔일보"
    )
    assert story_title([notice, outlet]) == "[정정] 청솔군 추경 규모 421억원"
    first = Article("r", "추경 412억원을 편성했다.", "청솔군 추경 412억원 편성", is_release=True)
    assert story_title([notice, first, outlet]) == "청솔군 추경 규모 421억원"
