"""The August labels ship with the project (the texts do not): they are consistent, and the
set is skipped, not an error, where the texts are absent."""

from __future__ import annotations

import json
from collections import Counter

from newsmoa.eval.datasets import KO_AUG_LABELS, load_ko_august


def _lines(name: str) -> list[dict]:
    with (KO_AUG_LABELS.parent / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_labels_and_stories_agree():
    labels, stories = _lines("labels.jsonl"), _lines("stories.jsonl")
    assert len({r["url"] for r in labels}) == len({r["row"] for r in labels}) == len(labels)
    assert Counter(r["part"] for r in labels) == {"A": 125, "B": 143, "C": 216}
    part = {
        r["url"]: "A" if r["date"] <= "2019-08-11" else "B" if r["date"] <= "2019-08-21" else "C"
        for r in labels
    }
    assert all(part[r["url"]] == r["part"] for r in labels)
    members = {s["story"]: sorted(s["rows"]) for s in stories}
    assert all(s["size"] == len(s["rows"]) and s["summary_ko"] for s in stories)
    by_story: dict[str, list[int]] = {}
    for r in labels:
        by_story.setdefault(r["story"], []).append(r["row"])
    assert {s: sorted(rows) for s, rows in by_story.items()} == members


def test_absent_texts_are_skipped(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSMOA_KO_AUG", str(tmp_path / "absent.csv"))
    assert all(load_ko_august(part) is None for part in "ABC")
