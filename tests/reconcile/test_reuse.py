"""Reuse: how much of each article's text was already written, and by whom it was carried."""

from datetime import UTC, datetime, timedelta

import pytest

from newsmoa.reconcile.align import reading_order
from newsmoa.reconcile.reuse import measure
from newsmoa.reconcile.story import carried_by
from newsmoa.text.sentences import split_sentences
from newsmoa.types import Article

T0 = datetime(2024, 9, 12, 9, tzinfo=UTC)

RELEASE = [
    "고창군은 12일 상하면에서 청년 스마트팜 임대단지 준공식을 열었다고 밝혔다.",
    "임대단지는 총사업비 45억원을 들여 온실 12동과 육묘장을 갖췄다.",
    "군은 청년 농업인 12명을 선발해 온실을 3년간 빌려준다.",
    "심덕섭 군수는 청년이 땅 없이도 농업을 시작하도록 돕겠다고 말했다.",
]
OWN = [  # the wire's own reporting, which the release does not have
    "입주 청년 이모씨는 서울에서 직장을 그만두고 내려와 딸기 농사를 짓는다고 말했다.",
    "인근 농가들은 입주 경쟁률이 4대 1에 이를 만큼 관심이 높았다고 전했다.",
    "일부 농민단체는 임대 기간 3년이 자립하기에는 짧다고 지적했다.",
]


def split(articles: list[Article]) -> dict:
    return {a.id: split_sentences(a) for a in articles}


def measured(articles: list[Article]):
    return measure(articles, split(articles))


def art(id_: str, lines: list[str], minutes: int | None, **kw) -> Article:
    when = T0 + timedelta(minutes=minutes) if minutes is not None else None
    return Article(id=id_, text="\n".join(lines), published=when, **kw)


def test_a_copy_of_a_reprint_reuses_the_reprint_not_only_the_release():
    """Release -> a wire that adds its own reporting -> an outlet copying the wire: the copy
    wrote nothing of its own, but was scored as if the wire's reporting were its own (reuse
    .5, the share of it the release has), as the wire was (a press office's case)."""
    release = art("r", RELEASE, 0, is_release=True)
    wire = art("wire", RELEASE[:2] + OWN, 60, outlet="뉴시스")
    copy = art("copy", RELEASE[:2] + OWN, 200, outlet="전북도민일보")
    scores = measured([copy, wire, release]).scores
    assert scores["r"] == 0.0
    assert scores["wire"] < 0.5
    assert scores["copy"] == 1.0


def test_the_release_carriers_are_those_that_ran_the_release_not_another_outlet():
    """An outlet copying only a wire's own reporting reuses all its text (from the wire) but
    carried nothing of the release: it is no placement of it."""
    release = art("r", RELEASE, 0, is_release=True)
    wire = art("wire", RELEASE + OWN, 60, outlet="뉴시스")
    follow = art("follow", OWN, 200, outlet="다른신문")
    articles = [release, wire, follow]
    reuse = measured(articles)
    assert reuse.scores["follow"] == 1.0
    assert reuse.from_releases["follow"] < 0.1
    carriers = carried_by(articles, reuse, release)
    assert [c["outlet"] for c in carriers] == ["뉴시스"]
    assert carriers[0]["reuse"] == reuse.scores["wire"]


def test_an_undated_wire_is_the_source_of_its_dated_reprints_not_their_copy():
    """A wire pasted without its date, and two outlets' dated reprints of it: read last, the
    wire was scored as reusing its reprints (1.0) and the first reprint as the original (0)."""
    wire = art("wire", RELEASE + OWN, None, outlet="뉴시스")
    first = art("first", RELEASE + OWN[:2], 60, outlet="전북도민일보")
    second = art("second", RELEASE[:3] + OWN[:1], 90, outlet="새전북신문")
    scores = measured([first, second, wire]).scores
    assert scores["wire"] == 0.0 and scores["first"] == 1.0 and scores["second"] > 0.95
    assert [a.id for a in reading_order([first, second, wire])] == ["wire", "first", "second"]


def test_reused_text_is_credited_to_the_article_that_wrote_it_first():
    """Which text an outlet took from whom: a copy of a wire takes the release's words and
    the wire's own reporting; its reuse (1.0) alone did not say it copied the wire, and the
    one family of all reprints did not either (a press office's question)."""
    release = art("r", RELEASE, 0, is_release=True)
    wire = art("wire", RELEASE[:2] + OWN, 60, outlet="뉴시스")
    copy = art("copy", RELEASE[:2] + OWN, 200, outlet="전북도민일보")
    own = art(
        "own", ["이 기사는 처음부터 끝까지 기자가 직접 취재해 쓴 문장들로 이루어져 있다."], 300
    )
    origins = measured([copy, own, wire, release]).origins
    assert origins["r"] == () and origins["own"] == ()
    assert [aid for aid, _ in origins["wire"]] == ["r"]
    (first, by_wire), (second, by_release) = origins["copy"]  # the largest share first
    assert (first, second) == ("wire", "r") and by_wire > by_release
    assert by_wire + by_release == pytest.approx(measured([release, wire, copy]).scores["copy"])


def test_a_reprint_of_some_of_the_release_sentences_word_for_word_reuses_all_its_text():
    """An outlet printing the release's first and last sentences, nothing of its own: its
    reuse is 1 and it ran those two sentences of the release (where its two sentences met, new 5-grams made
    it .97, as if some of its text were its own)."""
    from newsmoa.reconcile.reuse import measure, release_shares, shingles

    release = art("r", RELEASE, 0, is_release=True)
    short = art("short", [RELEASE[0], RELEASE[3]], 60, outlet="전북in")
    assert measured([release, short]).scores["short"] == 1.0
    sentences = split([release, short])
    ran = len(shingles(sentences["short"])) / len(shingles(sentences["r"]))
    grams = measure([release, short], sentences).grams
    assert release_shares(release, [short], grams)["short"] == round(ran, 3)


def test_a_reprint_given_a_date_alone_is_read_after_the_timed_original_of_its_day():
    """Given its day alone, a reprint was read at that day's midnight, first of the day: it
    scored 0 and the 10:00 original 1.0, as if the original had copied it (a press office's
    case). It stays before the next day's articles."""
    original = art("original", RELEASE + OWN, 60, outlet="뉴시스")
    reprint = Article(
        id="a-reprint",
        text="\n".join(RELEASE + OWN[:2]),
        published=T0.replace(hour=0),
        day_only=True,
        outlet="주간신문",
    )
    later = art("next-day", RELEASE[:2], 24 * 60, outlet="다음날신문")
    order = reading_order([reprint, later, original])
    assert [a.id for a in order] == ["original", "a-reprint", "next-day"]
    scores = measured([reprint, original]).scores
    assert scores["original"] == 0.0 and scores["a-reprint"] == 1.0


def test_a_wrapped_release_run_on_unwrapped_lines_is_reused_whole():
    """A release hard-wrapped out of a PDF, and an outlet running it word for word with its
    lines joined: reuse cut the release at every line break (a cut of its own), so the
    outlet's 5-grams where the lines met counted as its own (.84, a press office's case).
    The article's sentences (`text.sentences`) join a wrapped line to the next."""
    wrapped = (
        "고창군은 12일 상하면에서 청년 스마트팜 임대단지 준공식을\n"
        "열었다고 밝혔다. 임대단지는 총사업비 45억원을 들여 온실 12동과\n"
        "육묘장을 갖췄다. 군은 청년 농업인 12명을 선발해 온실을 3년간\n"
        "빌려준다. 심덕섭 군수는 청년이 땅 없이도 농업을 시작하도록\n"
        "돕겠다고 말했다."
    )
    release = Article(id="r", text=wrapped, published=T0, is_release=True)
    flat = art("flat", [wrapped.replace("\n", " ")], 60, outlet="전북일보")
    reuse = measured([release, flat])
    assert reuse.scores["flat"] == 1.0 and reuse.from_releases["flat"] == 1.0


def test_an_unmarked_release_given_its_day_alone_is_read_before_its_timed_reprints():
    """A press office's release ingested without `--release`, dated by its `보도일시` line
    (a day, no time, no outlet), was read after its 13:40 and 15:20 reprints: it scored as
    their copy and the first reprint as the original (a press office's case). A text that
    names no outlet, given its day alone, is read first of its day; one with an outlet stays
    after the timed articles of its day (above)."""
    release = Article(
        id="release", text="\n".join(RELEASE), published=T0.replace(hour=0), day_only=True
    )
    first = art("first", RELEASE[:3], 4 * 60 + 40, outlet="전북투데이")
    second = art("second", RELEASE, 6 * 60 + 20, outlet="호남매일")
    assert [a.id for a in reading_order([second, first, release])] == [
        "release", "first", "second",
    ]  # fmt: skip
    scores = measured([first, second, release]).scores
    assert scores["release"] == 0.0 and scores["first"] == 1.0
