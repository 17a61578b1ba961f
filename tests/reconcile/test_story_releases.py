"""A story's press releases: one without a date line reads its relative dates from its
earliest dated placement (`story.undated_release_facts`); a placement's share is of the
release it ran (`story.carried_by`)."""

from datetime import datetime, timedelta, timezone

from newsmoa.facts import extract_facts
from newsmoa.reconcile.story import build_story
from newsmoa.store.base import StoredArticle
from newsmoa.text.sentences import split_sentences
from newsmoa.types import Article

KST = timezone(timedelta(hours=9))
RELEASE = (
    "솔뫼군은 오는 3일부터 내년 2월 28일까지 경로당과 마을회관 등 120곳을 한파 쉼터로 "
    "운영한다고 밝혔다.\n\n"
    "한파 쉼터는 평일 오전 9시부터 오후 6시까지 문을 열며, 한파특보가 내려지면 오후 "
    "9시까지 연장 운영한다.\n\n"
    "군은 지난 달 읍면 담당자 회의를 열어 난방기와 방한용품 점검을 마쳤다."
)


def _row(a: Article) -> StoredArticle:
    return StoredArticle(a, "s", (s := split_sentences(a)), extract_facts(a, s))


def _dates(story, article: str) -> dict[str, object]:
    return {
        f.text: f.value
        for f in story.facts
        if f.type == "date" and any(src.article == article for src in f.sources)
    }


def test_an_undated_releases_relative_dates_count_from_its_first_placement():
    """The release (no `보도일시` line) left `오는 3일` and `지난 달` without a value, a row
    of its own beside its placements' resolved ones; read from the day of its first
    placement (the 26th, not the later one's 27th) they resolve, and its time stays
    unknown."""
    release = Article("rel", RELEASE, "솔뫼군, 한파 쉼터 120곳 운영", is_release=True)
    first = Article(
        "a", RELEASE.replace("밝혔다", "26일 밝혔다"), "솔뫼군 한파 쉼터", "호남매일",
        datetime(2026, 11, 26, 10, 12, tzinfo=KST),
    )  # fmt: skip
    later = Article(
        "b", RELEASE, "경로당 한파 쉼터로", "전북투데이", datetime(2026, 11, 27, 9, tzinfo=KST)
    )
    story = build_story("s", [_row(release), _row(first), _row(later)])
    dates = _dates(story, "rel")
    assert dates["지난 달"] == "2026-10"
    assert all(value is not None for value in dates.values()), dates
    assert not any(f.type == "date" and f.value is None for f in story.facts)
    assert next(a for a in story.articles if a.id == "rel").published is None


def test_an_undated_release_without_a_dated_placement_stays_unresolved():
    release = Article("rel", RELEASE, "솔뫼군, 한파 쉼터 120곳 운영", is_release=True)
    story = build_story("s", [_row(release)])
    assert _dates(story, "rel")["지난 달"] is None


def test_a_placement_runs_the_share_of_the_release_it_ran_not_of_a_correction_note():
    """A correction sent as a note (`[정정] … 바로잡습니다`) is the newest release, so the
    reference; an outlet that ran the first release whole read `ran 8% of it` (of the
    note). Its share is of the story's release it ran most of."""
    when = datetime(2026, 11, 26, 9, tzinfo=KST)
    release = Article("rel", RELEASE, "솔뫼군, 한파 쉼터 120곳 운영", None, when, is_release=True)
    note = Article(
        "note", "오전 배포한 한파 쉼터 보도자료의 쉼터 수에 오류가 있어 바로잡습니다. 쉼터는 "
        "120곳이 아니라 125곳입니다.", "[정정] 한파 쉼터 보도자료 바로잡습니다", None,
        when + timedelta(hours=5), is_release=True,
    )  # fmt: skip
    copy = Article("a", RELEASE, "솔뫼군 한파 쉼터", "호남매일", when + timedelta(hours=1))
    story = build_story("s", [_row(release), _row(note), _row(copy)])
    assert story.extra["release"] == "note"
    (carried,) = story.extra["release_carried_by"]
    assert carried["release_share"] == 1.0


def test_a_blog_pasting_an_outlets_placement_is_no_second_placement_of_it():
    """A blog pasted 호남매일's report, shortened, with its byline: read as 호남매일's, it
    was counted as the outlet's second placement (`3 in 2 outlets` for two newspapers). A
    later, longer update of the outlet is a second placement still."""
    release = Article("rel", RELEASE, "솔뫼군, 한파 쉼터 120곳 운영", is_release=True)
    when = datetime(2026, 11, 26, 10, 12, tzinfo=KST)
    first = Article("a", RELEASE, "솔뫼군 한파 쉼터", "호남매일", when)
    pasted = Article(
        "blog", RELEASE.split("\n\n")[0] + "\n\n" + RELEASE.split("\n\n")[1],
        "[퍼온글] 솔뫼군 한파 쉼터", "호남매일",
    )  # fmt: skip
    other = Article("b", RELEASE, "경로당 한파 쉼터로", "전북투데이", when + timedelta(hours=4))
    story = build_story("s", [_row(a) for a in (release, first, pasted, other)])
    assert [c["article"] for c in story.extra["release_carried_by"]] == ["a", "b"]
    update = Article(
        "a2", RELEASE + "\n\n군은 쉼터마다 담당 공무원을 지정해 하루 두 차례 점검한다.",
        "솔뫼군 한파 쉼터(종합)", "호남매일", when + timedelta(hours=2),
    )  # fmt: skip
    story = build_story("s", [_row(a) for a in (release, first, update, other)])
    assert [c["article"] for c in story.extra["release_carried_by"]] == ["a", "a2", "b"]
