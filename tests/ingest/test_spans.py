"""A JSONL file read span by span gives what `read_jsonl` gives for the whole text."""

import json

import pytest

from newsmoa.errors import InputError
from newsmoa.ingest.readers import read_jsonl
from newsmoa.ingest.spans import Span, line_ends, read_span, spans

ARTICLE = "시는 내년 예산을 확정했다고 2일 밝혔다. 총액은 1조 원이다."


def as_seen(items):
    return [str(i) if isinstance(i, InputError) else i for i in items]


def lines(*texts: str) -> list[str]:
    return [json.dumps({"id": t, "text": ARTICLE}, ensure_ascii=False) for t in texts]


CASES = {
    "plain": "\n".join(lines("a", "b", "c")) + "\n",
    "no final newline": "\n".join(lines("a", "b")),
    "blank and broken lines": "\n".join([*lines("a"), "", "{not json", "  ", *lines("b")]) + "\n",
    "crlf and a byte-order mark": "\ufeff" + "\r\n".join(lines("가", "나")) + "\r\n",
    "line separators inside strings": json.dumps({"id": "a", "text": ARTICLE + "\u2028끝"}) + "\n",
    "one line": lines("a")[0],
}


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("per_span", [1, 2, 100])
def test_spans_read_as_read_jsonl(tmp_path, name, per_span):
    text = CASES[name]
    path = tmp_path / "in.jsonl"
    path.write_bytes(text.encode("utf-8"))
    got = [i for s in spans(line_ends(str(path)), per_span) for i in read_span(str(path), s, "o")]
    assert as_seen(got) == as_seen(read_jsonl("o", text, keep_blank=True))


def test_spans_cover_the_file_in_order(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"a\nbb\n\nccc")
    ends = line_ends(str(path))
    assert ends == [2, 5, 6, 9]
    assert spans(ends, 3) == [Span(1, 0, 6), Span(4, 6, 9)]
    assert spans(ends, 4) == [Span(1, 0, 9)]
    with pytest.raises(ValueError):
        spans(ends, 0)


def test_an_empty_file_has_no_lines(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    assert line_ends(str(path)) == [] and spans([], 5) == []


def test_a_line_that_is_not_utf8_is_an_error_of_that_line_only(tmp_path):
    good = lines("a", "b")
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        good[0].encode() + b"\n" + b'{"id": "x", "text": "\xff\xfe"}\n' + good[1].encode()
    )
    (span,) = spans(line_ends(str(path)), 10)
    first, bad, last = read_span(str(path), span, "in.jsonl")
    assert (first.id, last.id) == ("a", "b")
    assert isinstance(bad, InputError) and bad.line == 2 and "not UTF-8 text" in bad.message
