"""`newsmoa eval --only disagreements` on a set written here: the story's disagreement is
listed with its values and outlets, and a set without one lists none."""

from datetime import datetime
from zoneinfo import ZoneInfo

from newsmoa.eval.datasets import EvalSet
from newsmoa.eval.disagreements import found
from newsmoa.types import Article

KST = ZoneInfo("Asia/Seoul")
RELEASE = (
    "청솔군은 28일 군청 상황실에서 희망농업연구소와 스마트팜 육성을 위한 업무협약을 체결했다고 "
    "밝혔다. 협약에 따라 두 기관은 2027년까지 송림면에 스마트팜 단지를 짓고 청년 농업인 50명을 "
    "육성한다. 군은 단지 운영을 위해 전문 인력을 채용하고 판로 개척도 함께 지원할 방침이다."
)


def _set(*texts: str) -> EvalSet:
    outlets = ("경남신문", "남도일보", "바다신문")
    articles = tuple(
        Article(
            id=f"a{n}", text=t, title="청솔군, 희망농업연구소와 스마트팜 협약", outlet=outlets[n],
            published=datetime(2026, 11, 28, 10 + n, tzinfo=KST),
        )
        for n, t in enumerate(texts)
    )  # fmt: skip
    return EvalSet("written", articles, tuple("s" for _ in articles))


def test_a_misprinted_signing_date_is_listed_with_its_outlets():
    got = found(_set(RELEASE, RELEASE.replace("28일", "27일"), RELEASE))
    assert got.stories == 1 and dict(got.by_kind) == {"date": 1}
    (line,) = got.lines
    assert "signing date" in line
    assert "2026-11-27 (남도일보)" in line and "2026-11-28 (경남신문, 바다신문)" in line


def test_reprints_that_agree_list_nothing():
    got = found(_set(RELEASE, RELEASE, RELEASE))
    assert got.stories == 1 and got.lines == () and not got.by_kind
