"""Changed quotes: an outlet's quoted words that the release's variant of its sentence lacks."""

from __future__ import annotations

from newsmoa.reconcile.quotes import changed_quotes

RELEASE = (
    '김하늘 군수는 "청년들이 뿌리내릴 수 있도록 주거와 판로까지 함께 챙기겠다"며 '
    '"센터가 지역 농업의 새로운 성장 거점이 되길 기대한다"고 말했다.'
)


def doc(*variants: str, release: str = RELEASE) -> dict:
    """One consolidated sentence: the release's variant, then each outlet's."""
    texts = [release, *variants]
    articles = [
        {"id": f"a{n}", "text": t, "is_release": n == 0, "outlet": f"신문{n}"}
        for n, t in enumerate(texts)
    ]
    sources = [{"article": f"a{n}", "start": 0, "end": len(t)} for n, t in enumerate(texts)]
    return {"articles": articles, "sentences": [{"text": release, "sources": sources}]}


def test_an_outlets_reworded_quote_is_shown_beside_the_releases():
    """b wrote `책임지겠다` and `동력` inside the quotes; the story named b a source of the
    release's quote and said nothing (a black-box case)."""
    b = (
        '김하늘 군수는 "청년들이 뿌리내릴 수 있도록 주거와 판로까지 책임지겠다"며 '
        '"센터가 지역 농업의 새로운 성장 동력이 되길 기대한다"고 말했다.'
    )
    found = changed_quotes(doc(b))
    assert [(c.sentence, c.article, c.quote, c.release) for c in found] == [
        (
            1,
            "a1",
            "청년들이 뿌리내릴 수 있도록 주거와 판로까지 책임지겠다",
            "청년들이 뿌리내릴 수 있도록 주거와 판로까지 함께 챙기겠다",
        ),
        (
            1,
            "a1",
            "센터가 지역 농업의 새로운 성장 동력이 되길 기대한다",
            "센터가 지역 농업의 새로운 성장 거점이 되길 기대한다",
        ),
    ]
    assert all(b[c.start : c.end] == c.quote for c in found)


def test_a_quote_cut_spaced_or_in_other_marks_is_the_releases():
    cut = "김 군수는 “센터가 지역 농업의 새로운 성장 거점이 되길 기대한다”고 말했다."
    gapped = "김 군수는 '청년들이 뿌리내릴 수 있도록 … 함께 챙기겠다'고 했다."
    spaced = '김하늘 군수는 "청년들이 뿌리 내릴 수 있도록 주거와 판로까지 함께 챙기겠다"고 말했다.'
    assert changed_quotes(doc(cut, gapped, spaced)) == []


def test_without_a_release_nothing_is_judged_and_short_terms_are_not():
    d = doc('김 군수는 "전혀 다른 말을 했다"고 말했다.')
    d["articles"][0]["is_release"] = False
    assert changed_quotes(d) == []
    term = "군은 올해 '청년 농부' 사업을 이어간다."
    assert changed_quotes(doc("군은 올해 '새 농부' 사업을 이어간다.", release=term)) == []
