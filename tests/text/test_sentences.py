"""Sentences with offsets (`newsmoa.text.sentences`)."""

from __future__ import annotations

from newsmoa.text.sentences import split_text


def test_a_sentence_glued_to_the_next_is_cut_where_a_crawler_joined_them():
    """A flattened page joins paragraphs without a space: "...밝혔다.31일 ..." was one
    sentence to Kiwi; not a point between digits, nor a stop followed by a space."""

    def cut(text: str) -> list[str]:
        return [s.text for s in split_text("a", text)]

    assert cut("수색하고 있다고 밝혔다.31일 오전에도 수색이 이어졌다.") == [
        "수색하고 있다고 밝혔다.",
        "31일 오전에도 수색이 이어졌다.",
    ]
    assert (
        cut("그는 “고맙다”고 말했다.“또 오겠다”는 말도 남겼다.")[1] == "“또 오겠다”는 말도 남겼다."
    )
    assert cut("기준일은 2019.7.31이다. 사업비는 1.5배 늘었다.") == [
        "기준일은 2019.7.31이다.",
        "사업비는 1.5배 늘었다.",
    ]
