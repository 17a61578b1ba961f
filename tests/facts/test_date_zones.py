"""An article's relative dates count from its own day where it was written (`_anchor`)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from newsmoa.facts.extract import extract_facts
from newsmoa.text.sentences import split_sentences
from newsmoa.types import Article


def _dates(text: str, published: datetime) -> dict[str, object]:
    article = Article(id="a", text=text, title="t", published=published)
    facts = extract_facts(article, split_sentences(article))
    return {f.text: f.value for f in facts if f.type == "date"}


def test_an_english_reports_yesterday_counts_from_its_own_day():
    """A Springfield, Ill. report of 11:42 pm on 5 March (14:42 on the 6th in Seoul): its
    `yesterday` is the 4th (it was the 5th: its day was taken in Seoul)."""
    text = (
        "The committee met yesterday to review the plan, the mayor said. "
        "The council voted on the agreement later that night."
    )
    published = datetime(2024, 3, 5, 23, 42, tzinfo=ZoneInfo("America/Chicago"))
    assert _dates(text, published)["yesterday"] == "2024-03-04"


def test_a_korean_reports_day_is_seouls_whatever_its_offset():
    """The control: `어제` of a Korean report given in UTC counts from Seoul's day."""
    text = "완주군은 어제 전주시와 상하수도 개선 협약을 체결했다고 밝혔다."
    published = datetime(2024, 3, 5, 20, 0, tzinfo=ZoneInfo("UTC"))  # the 6th in Seoul
    assert _dates(text, published)["어제"] == "2024-03-05"
