"""How `show`, the JSON and the story page show a quote an outlet words otherwise than the
release (`reconcile.quotes`)."""

from __future__ import annotations

import json

from newsmoa.serve import render
from newsmoa.serve.view import story_view, with_disputes

RELEASE = '김하늘 군수는 "청년들이 뿌리내릴 수 있도록 주거와 판로까지 함께 챙기겠다"고 말했다.'
CHANGED = '김하늘 군수는 "청년들이 뿌리내릴 수 있도록 주거와 판로까지 책임지겠다"고 말했다.'
CUT = '김 군수는 "주거와 판로까지 함께 챙기겠다"고 했다.'


def _doc() -> dict:
    texts = {"r": RELEASE, "a": CHANGED, "b": CUT}
    articles = [
        {
            "id": aid,
            "outlet": outlet,
            "published": f"2024-05-20T{9 + n:02d}:00:00+09:00",
            "reporter": None,
            "reuse": 0.9,
            "title": "센터 개관",
            "text": texts[aid],
            "is_release": aid == "r",
        }
        for n, (aid, outlet) in enumerate([("r", "청솔군"), ("a", "오류신문"), ("b", "바른신문")])
    ]
    sources = [{"article": aid, "start": 0, "end": len(t)} for aid, t in texts.items()]
    return {
        "id": "s1",
        "title": "센터 개관",
        "first_published": "2024-05-20T09:00:00+09:00",
        "article_count": 3,
        "articles": articles,
        "sentences": [{"text": RELEASE, "sources": sources}],
        "facts": [],
        "event": None,
        "release": "r",
        "disagreements": [],
    }


def test_show_prints_the_releases_quote_then_the_outlets_and_marks_the_sentence():
    """오류신문 changed the words inside the quotes and was named a source of the release's
    quote, with nothing said (a black-box case); 바른신문 quoted a part, as printed."""
    table = render.story(_doc(), "table")
    block = table[table.index("QUOTE CHANGED") :].split("\n\n")[0].splitlines()
    assert block == [
        "QUOTE CHANGED, sentence 1 (the release's words, then the outlet's):",
        "  press release (청솔군): “청년들이 뿌리내릴 수 있도록 주거와 판로까지 함께 챙기겠다”",
        "  오류신문: “청년들이 뿌리내릴 수 있도록 주거와 판로까지 책임지겠다”",
    ]
    assert "(quote changed:" in table.split("QUOTE CHANGED")[1]  # the sentence's row
    md = render.story(_doc(), "md")
    assert "## Quote changed: sentence 1" in md
    assert "- 오류신문: “청년들이 뿌리내릴 수 있도록 주거와 판로까지 책임지겠다”" in md
    assert "[press release (청솔군), 오류신문, 바른신문] (quote changed: 오류신문)" in md


def test_the_json_and_the_page_give_each_changed_quote_with_its_source():
    (changed,) = json.loads(render.story(_doc(), "json"))["changed_quotes"]
    assert changed["article"] == "a" and changed["sentence"] == 1
    assert CHANGED[changed["start"] : changed["end"]] == changed["quote"]
    assert "changed_quotes" in with_disputes(_doc())
    page = story_view(_doc())
    (banner,) = page["quotes_changed"]
    assert banner["release"] == "청년들이 뿌리내릴 수 있도록 주거와 판로까지 함께 챙기겠다"
    assert [(o["chips"][0]["label"], o["quote"]) for o in banner["outlets"]] == [
        ("오류신문", "청년들이 뿌리내릴 수 있도록 주거와 판로까지 책임지겠다")
    ]
    assert page["sentences"][0]["requoted"] == ["오류신문"]


def test_a_story_whose_outlets_quote_the_release_has_no_such_part():
    doc = _doc()
    doc["articles"][1]["text"] = RELEASE
    doc["sentences"][0]["sources"][1]["end"] = len(RELEASE)
    assert "QUOTE CHANGED" not in render.story(doc, "table")
    assert "changed_quotes" not in json.loads(render.story(doc, "json"))
    assert story_view(doc)["quotes_changed"] == []


def test_an_articles_reuse_reads_as_its_first_seen_share_does():
    """`0.95` stood beside `press release (청솔군) 96%` for one share of .955 (a black-box
    case): both are percents, by one rounding, in the table and the Markdown."""
    doc = _doc()
    doc["articles"][1]["reuse"] = 0.955
    doc["reuse_from"] = {"a": [{"article": "r", "share": 0.955}]}
    md = render.story(doc, "md")
    (row,) = [line for line in md.splitlines() if line.startswith("| 오류신문 |")]
    assert "| 96% | press release (청솔군) 96% |" in row
    table = render.story(doc, "table")
    (line,) = [x for x in table.splitlines() if x.startswith("│ 오류신문")]
    assert "96%" in line and "0.95" not in line
