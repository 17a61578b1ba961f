"""The bullets outlets open list items, labels and captions with (`data/bullets.tsv`), read
once: every stage takes them from here, so a mark added there is one everywhere."""

from __future__ import annotations

from importlib import resources


def _rows() -> list[tuple[str, str]]:
    text = resources.files("newsmoa.text").joinpath("data/bullets.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and line[0] != "#"]
    return [(mark.strip(), kind.strip()) for mark, kind in rows]


_ROWS = _rows()
# every bullet, the middle dots too: what a line may open with (`■ 한빛일보`, `· 관련 기사`)
BULLETS = "".join(mark for mark, _ in _ROWS)
# the bullets that open an item inside a sentence (`… △A △B 등`): not a middle dot, which
# joins words there (`김·이 의원`)
ITEM_BULLETS = "".join(mark for mark, kind in _ROWS if kind != "dot")
# the bullets that also head a label on their own line (`■ 한빛일보`, `◆ 주요 내용`)
LABEL_BULLETS = "".join(mark for mark, kind in _ROWS if kind == "label")
