"""Breaking-news flashes (articles without a body): their labels, their features, and where
the index may link them."""

from __future__ import annotations

import dataclasses
import json
import struct
from datetime import timedelta

from cluster_samples import T0

from newsmoa.cluster import DEFAULT_CONFIG, Features, StoryIndex, article_features
from newsmoa.cluster.terms import without_status_labels
from newsmoa.types import Article


def _flash(aid: str, title: str, hours: float = 1.0) -> Article:
    return Article(id=aid, text="", title=title, published=T0 + timedelta(hours=hours))


def _report(aid: str, title: str, text: str, hours: float = 2.0) -> Article:
    return Article(id=aid, text=text, title=title, published=T0 + timedelta(hours=hours))


# Two look-alike happenings of one day, written by the team: two warrants, two people.
ARRESTS = [
    _report(
        "kim-1",
        "가나다 전 대표 구속…법원 “증거인멸 우려”",
        "서울중앙지법은 20일 횡령 혐의를 받는 가나다 전 사바전자 대표에 대한 구속영장을 "
        "발부했다. 영장전담 판사는 증거인멸 우려가 있다고 밝혔다. 가나다 전 대표는 회삿돈 "
        "40억원을 빼돌린 혐의를 받는다.",
    ),
    _report(
        "kim-2",
        "‘40억 횡령’ 가나다 사바전자 전 대표 구속",
        "회삿돈 40억원을 횡령한 혐의를 받는 가나다 전 사바전자 대표가 20일 구속됐다. "
        "서울중앙지법은 증거인멸 우려를 들어 영장을 발부했다.",
        3.0,
    ),
    _report(
        "lee-1",
        "라마바 의원 구속영장 기각…“다툴 여지 있다”",
        "아자건설 측에서 뇌물 5천만원을 받은 혐의로 청구된 라마바 의원의 구속영장이 "
        "기각됐다. 남부지법 차카타 부장판사는 도주 우려가 없고 혐의에 다툴 여지가 있다고 "
        "설명했다. 검찰은 보강 수사 뒤 재청구를 검토하기로 했다.",
    ),
    _report(
        "lee-2",
        "‘뇌물 혐의’ 라마바 의원 영장 기각…검찰 재청구 검토",
        "라마바 의원은 기각 직후 구치소를 나서며 성실히 소명하겠다고 말했다. 아자건설 "
        "뇌물 사건을 수사하는 검찰은 재청구 여부를 검토하고 있다.",
        3.0,
    ),
]
FLASHES = [
    _flash("kim-flash", "[속보] 가나다 전 사바전자 대표 구속영장 발부"),
    _flash("lee-flash", "(종합2보) 라마바 의원 구속영장 기각"),
]
# the same verb, two people: what the flashes share is most of what each says
SAME_VERB = [
    _flash("kim-same", "[YTN 속보] 법원, 가나다 전 대표 구속영장 발부"),
    _flash("lee-same", "속보: 법원, 라마바 의원 구속영장 발부"),
]


def _place(articles: list[Article], **config: float) -> StoryIndex:
    cfg = dataclasses.replace(DEFAULT_CONFIG, **config)
    index = StoryIndex(cfg)
    index.add_many([(a.id, article_features(a, cfg)) for a in articles])
    return index


def test_status_labels_come_off_a_flash_headline_only():
    assert without_status_labels("[속보] 가나시 “협약 철회”") == "가나시 “협약 철회”"
    assert without_status_labels("(종합2보) 코스피 급락") == "코스피 급락"
    assert without_status_labels("[긴급속보] 지하철 운행 중단") == "지하철 운행 중단"
    assert without_status_labels("[속보·종합] 가나 [단독] 다라 (1보)") == "가나 다라"
    assert without_status_labels("[BREAKING] Bridge closed") == "Bridge closed"
    assert without_status_labels("[FOMC 속보] 美 금리 동결") == "FOMC 美 금리 동결"  # other words
    assert without_status_labels("[YTN 속보] 강남 화재") == "강남 화재"  # but for outlet names
    assert without_status_labels("[연합뉴스 속보] 강남 화재") == "강남 화재"
    assert without_status_labels("[서울 속보] 강남 화재") == "서울 강남 화재"  # a place stays
    assert without_status_labels("속보: 강남 화재") == without_status_labels("［속보］ 강남 화재")
    # labels that say what, not how, stay: an opinion label, a dateline in parentheses
    assert without_status_labels("[사설] 가나다") == "[사설] 가나다"
    assert without_status_labels("(서울=연합뉴스) 가나다") == "(서울=연합뉴스) 가나다"
    flash = article_features(FLASHES[1])
    assert flash.bare and "속보" not in flash.words and "2보" not in flash.words
    report = article_features(dataclasses.replace(ARRESTS[0], title="[단독] " + ARRESTS[0].title))
    assert not report.bare and "단독" in report.words


def test_the_flash_mark_is_stored_and_older_blobs_read_without_it():
    f = article_features(FLASHES[0])
    assert f.bare and Features.from_bytes(f.to_bytes()).bare
    head = json.dumps(
        [list(f.words), f.published_s, int(f.terms.size), f.opinion, list(f.actors)],
        ensure_ascii=False,
    ).encode()
    older = b"".join(  # NMF3 as stored before flashes were kept: no sixth field in the head
        (b"NMF3", struct.pack("<I", len(head)), head, f.terms.astype("<u8").tobytes())
        + (f.counts.astype("<f4").tobytes(),)
    )
    assert Features.from_bytes(older) == dataclasses.replace(f, bare=False)


def test_a_flash_joins_the_report_of_its_happening_not_the_look_alike():
    """Each flash names one of two warrants that share "구속영장": it joins the reports of its
    own, and the two flashes stay apart. Without the containment rule the flashes, whose
    headlines are all they have, are placed through the phrase they share."""
    reports = _place(ARRESTS)
    assert reports.story_of("kim-1") == reports.story_of("kim-2") != reports.story_of("lee-1")
    index = _place(ARRESTS + FLASHES)
    assert index.story_of("kim-flash") == index.story_of("kim-1") == index.story_of("kim-2")
    assert index.story_of("lee-flash") == index.story_of("lee-1") == index.story_of("lee-2")
    assert index.story_of("kim-1") != index.story_of("lee-1")
    for pair in (FLASHES, SAME_VERB):
        a, b = (f.id for f in pair)
        alone = _place(pair)
        assert alone.story_of(a) != alone.story_of(b)
        loose = _place(pair, flash_containment=0.0, young_floor=0.0)  # two articles: young
        assert loose.story_of(a) == loose.story_of(b)
        # as a re-decision scores a move: the reports give the two shared neighbours
        among = _place(ARRESTS + pair)
        assert among.score_to(a, [b]) == 0.0
        loose = _place(ARRESTS + pair, flash_containment=0.0, young_floor=0.0)
        assert loose.score_to(a, [b]) > 0.0


def test_two_outlets_flashes_of_one_happening_join():
    """The same flash at two outlets, one labelled and worded a little differently."""
    for title in (
        "[1보] 가나다 전 사바전자 대표 구속영장 발부",
        "[속보] 가나다 구속영장 발부",
        "[YTN 속보] 가나다 전 사바전자 대표 구속영장 발부",  # an outlet's label is no word of it
    ):
        index = _place([FLASHES[0], _flash("kim-flash-2", title, 1.5)])
        assert index.story_of("kim-flash") == index.story_of("kim-flash-2"), title


def test_a_flash_merges_no_stories():
    """A flash that names both of two happenings joins one of them and merges nothing: a
    headline is no evidence that two reported happenings are one."""
    both = _flash("both", "[속보] 가나다 대표·라마바 의원 구속영장 심사", 4.0)
    index = _place([*ARRESTS, both])
    assert index.story_of("both") in (index.story_of("kim-1"), index.story_of("lee-1"))
    assert index.story_of("kim-1") != index.story_of("lee-1")
