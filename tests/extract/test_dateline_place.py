"""The town a report was filed from, as its dateline names it (`Article.dateline_place`):
`(완주=연합뉴스)`, `[완주=뉴시스]`, `【전주=뉴스1】`, `SPRINGFIELD, Ill. (AP) —` were read for
their outlet and the town was lost, so no one could see where each outlet filed from."""

import pytest

from newsmoa.codec import article_from_json, article_to_json
from newsmoa.extract.article import extract
from newsmoa.extract.bylines import leading_byline, signature
from newsmoa.extract.datelines import stamp
from newsmoa.types import Article, RawItem

BODY = "전북 청솔군은 24일 군청 대회의실에서 청솔에너지와 수소 충전소 건립 업무협약을 체결했다고 밝혔다."


@pytest.mark.parametrize(
    ("line", "outlet", "place"),
    [
        ("(전주=연합뉴스) 김민지 기자 = 전북 청솔군은", "연합뉴스", "전주"),
        ("[완주=뉴시스] 이준호 기자 = 전북 청솔군은", "뉴시스", "완주"),
        ("【전주=뉴스1】 박서연 기자 = 전북 청솔군은", "뉴스1", "전주"),
        ("(서울=연합뉴스)", "연합뉴스", "서울"),  # (`서울` is a place before `=`, no outlet)
        ("(영월=전남매일) 김철수 기자 = 영월군은", "전남매일", "영월"),  # an unknown outlet
        ("[아시아경제 뉴욕=백종민 특파원] 미국은", "아시아경제", "뉴욕"),
        ("(서울=김민수 기자) 정부는", None, "서울"),
        # the outlet before `=` names no town
        ("[헤럴드경제=박지영 기자] 시는", "헤럴드경제", None),
        ("(아시아뉴스통신=김경선 기자)", "아시아뉴스통신", None),
        ("[일요신문] 전북 완주군이", "일요신문", None),
        # an English wire lead's town, with its state or country as written
        ("SPRINGFIELD, Ill. (AP) — The city council voted.", "AP", "Springfield, Ill."),
        ("CEDAR SPRINGS, MI — March 12, 2026 — The city said.", None, "Cedar Springs, MI"),
        ("DAYTON -- The city council voted 5-2 on Tuesday.", None, "Dayton"),
    ],
)
def test_a_marker_names_the_town_it_was_filed_from(line, outlet, place):
    found = leading_byline(line)
    assert found is not None and (found.outlet, found.place) == (outlet, place)


def test_a_label_before_the_marker_equals_names_no_town():
    """A credit's label (`[사진=…]`) is no town."""
    found = leading_byline("[사진=연합뉴스] 정부가 예산안을 발표했다. 규모는 3% 늘었다.")
    assert found is not None and found.place is None


def test_a_signature_names_its_town_and_a_stamp_its_mark_s():
    assert (signature("도쿄/조기원 특파원") or signature("")).place == "도쿄"  # type: ignore[union-attr]
    said = signature("충청저널 = 윤가람 기자")  # (an outlet there: no town)
    assert said is not None and (said.outlet, said.place) == ("충청저널", None)
    found = stamp("[서울=뉴시스] 2024.06.03 11:12")
    assert found is not None and (found.outlet, found.place) == ("뉴시스", "서울")


@pytest.mark.parametrize(
    ("lead", "place"),
    [
        ("(전주=연합뉴스) 김민지 기자 = ", "전주"),
        ("[완주=뉴시스] 이준호 기자 = ", "완주"),
        ("【전주=뉴스1】 박서연 기자 = ", "전주"),
    ],
)
def test_an_article_keeps_its_dateline_s_town(lead, place):
    text = f"청솔군, 수소 충전소 건립 협약\n\n{lead}{BODY}\n\n협약에 따라 3곳을 짓는다.\n"
    got = extract(RawItem(id="a", text=text, origin="a.txt"))
    assert isinstance(got, Article)
    assert got.dateline_place == place and got.outlet not in (None, place)
    assert got.text.startswith("전북 청솔군은")


def test_the_town_is_written_out_and_read_back_and_an_old_store_s_article_has_none():
    art = Article(id="a", text=BODY, outlet="연합뉴스", dateline_place="전주")
    out = article_to_json(art)
    assert out["dateline_place"] == "전주"
    assert article_from_json(out) == art
    del out["dateline_place"]  # (an article stored before the field)
    assert article_from_json(out).dateline_place is None


def test_a_wire_s_marker_after_the_reprint_s_names_its_reporter_and_town():
    """`[청솔일보] (청솔=연합뉴스) 김민지 기자 = …`, a local paper's reprint of the wire: the
    wire's marker and lead stayed in the text, and the article was unsigned."""
    found = leading_byline("[청솔일보] (청솔=연합뉴스) 김민지 기자 = 전북 청솔군은 …")
    assert found is not None
    assert (found.outlet, found.reporter, found.place, found.rest) == (
        "청솔일보",
        "김민지",
        "청솔",
        "전북 청솔군은 …",
    )


@pytest.mark.parametrize(
    "line",
    [
        "【청솔=뉴스1】 박서연 기자 ＝ 전북 청솔군은 …",
        "(청솔＝뉴스1) 박서연 기자 ＝ 전북 청솔군은 …",
    ],
)
def test_a_full_width_equals_sign_is_a_marker_s(line):
    """A site typing `＝` left the reporter's lead in the text."""
    found = leading_byline(line)
    assert found is not None
    assert (found.outlet, found.reporter, found.place, found.rest) == (
        "뉴스1",
        "박서연",
        "청솔",
        "전북 청솔군은 …",
    )
