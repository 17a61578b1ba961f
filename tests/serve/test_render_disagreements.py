"""How `show` lists a disagreement: one line per side and wording, not per outlet."""

from __future__ import annotations

from newsmoa.serve import render
from newsmoa.serve.view import story_view

LEAD = "청솔군은 지난 {day}일 군청에서 협약을 체결했다."
OUTLETS = ["청솔군청", *(f"신문{n}" for n in range(1, 13)), "오류신문"]


def _doc() -> dict:
    articles, agree, wrong = [], [], []
    for n, outlet in enumerate(OUTLETS):
        text = LEAD.format(day=18 if outlet == "오류신문" else 17)
        aid = f"a{n}"
        articles.append(
            {
                "id": aid,
                "outlet": outlet,
                "published": f"2024-05-20T{9 + n // 2:02d}:00:00+09:00",
                "reporter": None,
                "reuse": 0.9,
                "title": "협약",
                "text": text,
                "is_release": n == 0,
            }
        )
        side = wrong if outlet == "오류신문" else agree
        side.append({"article": aid, "start": 0, "end": len(text) - 1, "quote": text[:-1]})
    sentence = {"text": articles[0]["text"], "sources": [*agree, *wrong]}
    return {
        "id": "s1",
        "title": "협약",
        "first_published": "2024-05-20T09:00:00+09:00",
        "article_count": len(articles),
        "articles": articles,
        "sentences": [sentence],
        "facts": [],
        "event": None,
        "release": "a0",
        "disagreements": [
            {
                "about": "signing date, sentence 1",
                "kind": "date",
                "values": [
                    {"value": "2024-05-17", "sources": agree},
                    {"value": "2024-05-18", "sources": wrong},
                ],
            }
        ],
    }


def test_a_side_twelve_outlets_reprint_is_one_line_naming_them_all():
    """13 lines for one date that 12 outlets and the release state in one sentence: a line
    per outlet, each with the same quote."""
    shown = render.story(_doc(), "table")
    block = shown[shown.index("DISAGREEMENT") :].split("\n\n")[0].splitlines()
    assert block[1:] == [
        f"  2024-05-17 — press release (청솔군청), {', '.join(OUTLETS[1:-1])} (“청솔군은 지난 17일 군청에서 협약을 체결했다”)",
        "  2024-05-18 — 오류신문 (“청솔군은 지난 18일 군청에서 협약을 체결했다”)",
    ]


def test_a_sentence_is_marked_with_its_disputes_topics_not_their_sentence():
    """`disputed: signing date, sentence 1` on sentence 1 read as two disputes."""
    shown = render.story(_doc(), "md")
    assert "(disputed: signing date)" in shown
    assert "sentence 1)" not in shown.split("## Story")[1]


def test_the_web_page_quotes_each_wording_once_with_every_outlet_using_it():
    (d,) = story_view(_doc())["disagreements"]
    agree, wrong = d["values"]
    assert [len(w["chips"]) for w in agree["wordings"]] == [13]
    assert [w["quote"] for w in wrong["wordings"]] == [
        "청솔군은 지난 18일 군청에서 협약을 체결했다"
    ]


def test_a_disputed_time_reads_as_the_outlet_wrote_it():
    """`2024-10-12T14:00:00+09:00` headed a side: the date and time as written, at their
    own offset (a Minnesota 2 p.m. moved to Seoul would read as the next day)."""
    doc = _doc()
    (d,) = doc["disagreements"]
    d["values"][0]["value"] = "2024-05-17T14:00:00+09:00"
    d["values"][1]["value"] = "2024-05-18T14:30:00-05:00"
    shown = render.story(doc, "table")
    assert "  2024-05-17 14:00 — press release" in shown
    assert "  2024-05-18 14:30 — 오류신문" in shown
    assert "T14:" not in render.story(doc, "md").split("## Story")[0]
    sides = story_view(doc)["disagreements"][0]["values"]
    assert [v["shown"] for v in sides] == ["2024-05-17 14:00", "2024-05-18 14:30"]


def test_a_side_worded_several_ways_names_all_its_outlets_then_each_wording():
    doc = _doc()
    agree = doc["disagreements"][0]["values"][0]["sources"]
    for n, src in enumerate(agree[1:5], start=1):
        src["quote"] = f"({OUTLETS[n]}) {src['quote']}"
    shown = render.story(doc, "table")
    block = shown[shown.index("DISAGREEMENT") :].split("\n\n")[0].splitlines()
    assert block[1] == f"  2024-05-17 — press release (청솔군청), {', '.join(OUTLETS[1:-1])}"
    assert block[2:6] == [
        "      “청솔군은 지난 17일 군청에서 협약을 체결했다” — press release (청솔군청), "
        + ", ".join(OUTLETS[5:-1]),
        "      “(신문1) 청솔군은 지난 17일 군청에서 협약을 체결했다” — 신문1",
        "      “(신문2) 청솔군은 지난 17일 군청에서 협약을 체결했다” — 신문2",
        "      2 other wordings: 신문3, 신문4",
    ]
    assert block[6] == "  2024-05-18 — 오류신문 (“청솔군은 지난 18일 군청에서 협약을 체결했다”)"
