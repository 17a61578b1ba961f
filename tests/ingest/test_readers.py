"""Readers: every format, and bad inputs that become errors naming the input."""

import json
import os

from newsmoa.errors import InputError
from newsmoa.ingest.readers import read_sources
from newsmoa.types import RawItem

ARTICLE = "시는 내년 예산을 확정했다고 2일 밝혔다. 총액은 1조 원이다."


def split(items):
    good = [i for i in items if isinstance(i, RawItem)]
    bad = [i for i in items if isinstance(i, InputError)]
    return good, bad


def test_jsonl_with_a_broken_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": ARTICLE})
        + "\n{not json\n\n"
        + json.dumps({"url": "https://x/1", "text": ARTICLE, "extra": 1})
        + "\n"
        + json.dumps({"title": "no text"})
        + "\n",
        "utf-8",
    )
    good, bad = split(list(read_sources([str(path)])))
    assert [g.id or g.url for g in good] == ["a", "https://x/1"]
    assert [(b.origin, b.line) for b in bad] == [(str(path), 2), (str(path), 5)]
    assert str(bad[0]).startswith(f"{path}:2: not JSON")


def test_a_half_written_last_line_is_left_for_the_next_run(tmp_path):
    """A file's last line without its line end that is not JSON yet (a crawler still
    appending) was an error; it is an `Unfinished` note. A whole object without its line
    end is read, and a broken line that has its end, or a piped one, stays an error."""
    import io

    from newsmoa.errors import Unfinished
    from newsmoa.ingest.readers import read_stdin

    whole = json.dumps({"id": "a", "text": ARTICLE})
    path = tmp_path / "in.jsonl"
    path.write_text(whole + '\n{"id": "b", "text": "시는', "utf-8")
    good, bad = split(list(read_sources([str(path)])))
    assert [g.id for g in good] == ["a"]
    assert [(type(b), b.line) for b in bad] == [(Unfinished, 2)]
    path.write_text(whole + "\n" + whole.replace('"a"', '"b"'), "utf-8")
    assert [g.id for g in read_sources([str(path)])] == ["a", "b"]
    path.write_text(whole + '\n{"id": "b"\n', "utf-8")
    (bad,) = split(list(read_sources([str(path)])))[1]
    assert not isinstance(bad, Unfinished) and bad.line == 2
    (_, bad) = read_stdin(io.BytesIO((whole + '\n{"id": "b"').encode()))
    assert isinstance(bad, InputError) and not isinstance(bad, Unfinished)


def test_a_published_time_that_is_not_a_date_is_an_error_naming_the_line(tmp_path):
    """A time given in `published` places the article among its days: one that cannot be
    read is an error for its line (the others go on), not an undated article, nor the day of
    an ISO time whose offset is impossible."""
    path = tmp_path / "in.jsonl"
    given = [
        "2024-05-10T10:00:00+09:00",
        "2024-13-45T99:00:00",
        "2024-05-10T10:00:00+25:00",
        "2015년 3월 20일 13:21",
        "어제",
        "Fri, 20 Mar 2015 13:21:40 +0900",
        "2024-05-10 10시 30분",  # ISO-like at first, then words: a date in words
        "2024-05-10 10:30:00 KST",
    ]
    rows = [{"id": f"a{n}", "text": ARTICLE, "published": p} for n, p in enumerate(given)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    good, bad = split(list(read_sources([str(path)])))
    assert [g.id for g in good] == ["a0", "a3", "a5", "a6", "a7"]
    assert [b.line for b in bad] == [2, 3, 5]
    assert (
        str(bad[0])
        == f"{path}:2: \"published\" is not a date of the years 2-9998: '2024-13-45T99:00:00'"
    )
    (tmp_path / "in.csv").write_text(f"text,date\n{ARTICLE},someday\n", "utf-8")
    good, bad = split(list(read_sources([str(tmp_path / "in.csv")])))
    assert not good and [(b.line, b.message) for b in bad] == [
        (2, "\"date\" is not a date of the years 2-9998: 'someday'")  # the file's column
    ]
    (tmp_path / "in.csv").write_text("본문,날짜\n ,2024-01-01\n", "utf-8")
    good, bad = split(list(read_sources([str(tmp_path / "in.csv")])))
    assert [(b.line, b.message) for b in bad] == [(2, 'no "본문" (or "html") field with content')]
    # a record whose quoted body holds lines is named by its first line, where its fields
    # start (it was its last: a black-box case), and so is each article's origin
    body = f'"{ARTICLE}\n둘째 줄입니다.\n셋째 줄입니다."'
    (tmp_path / "in.csv").write_text(f"본문,날짜\n{body},2024-01-01\n{body},someday\n", "utf-8")
    good, bad = split(list(read_sources([str(tmp_path / "in.csv")])))
    assert [g.origin.rsplit(":", 1)[1] for g in good] == ["2"]
    assert [b.line for b in bad] == [5]
    # past a blank line before it, which the reader skips (a review)
    gap = f"본문,날짜\n{body},2024-01-01\n\n{body},someday\n"
    (tmp_path / "in.csv").write_text(gap, "utf-8")
    assert [b.line for b in split(list(read_sources([str(tmp_path / "in.csv")])))[1]] == [6]


def test_lines_that_break_a_reader_are_errors_of_their_own(tmp_path):
    """Each of these stopped the whole batch with a traceback: JSON nested too deeply, an
    integer past what Python converts, a byte that is not UTF-8, a date whose window leaves
    the calendar, a field of the wrong type, half of a surrogate pair; and a CSV whose
    records end at a bare "\\r" is read."""
    good = json.dumps({"id": "ok", "text": ARTICLE}, ensure_ascii=False).encode()
    lines = [
        good,
        b"[" * 100_000 + b"]" * 100_000,
        b'{"text": "x", "id": ' + b"9" * 5000 + b"}",
        json.dumps({"id": "latin", "text": "caf\u00e9 " + ARTICLE}, ensure_ascii=False)
        .encode()
        .replace("é".encode(), b"\xe9"),
        json.dumps(
            {"id": "y0", "text": ARTICLE, "published": "0001-01-01T00:00:00+09:00"}
        ).encode(),
        json.dumps({"id": ["a"], "text": ARTICLE}).encode(),
        json.dumps({"id": 7, "text": ARTICLE, "title": {"ko": "제목"}}).encode(),
        json.dumps({"id": 8, "text": ARTICLE, "outlet": "  "}).encode(),
        b'{"id": "\\ud800", "text": "x"}',
    ]
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    good_items, bad = split(list(read_sources([str(path)])))
    assert [(g.id, g.outlet) for g in good_items] == [("ok", None), ("8", None)]
    assert [(b.line, b.message) for b in bad] == [
        (2, "not JSON newsmoa reads: nested too deeply"),
        (3, bad[1].message),
        (4, "not UTF-8 text: invalid continuation byte at byte 28"),
        (5, "\"published\" is not a date of the years 2-9998: '0001-01-01T00:00:00+09:00'"),
        (6, '"id" is not a string'),
        (7, '"title" is not a string'),
        (9, '"id" holds half of a surrogate pair'),
    ]
    assert bad[1].message.startswith("not JSON newsmoa reads: Exceeds the limit")
    csv_path = tmp_path / "old-mac.csv"
    csv_path.write_text(f"title,text\r예산,{ARTICLE}\r지진,{ARTICLE} 둘\r", "utf-8")
    good_items, bad = split(list(read_sources([str(csv_path)])))
    assert [g.title for g in good_items] == ["예산", "지진"] and not bad


def test_empty_binary_and_unsupported_files(tmp_path):
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    good, bad = split(
        list(read_sources([str(tmp_path / n) for n in ("empty.txt", "blob.txt", "x.pdf")]))
    )
    assert good == []
    assert [b.message for b in bad] == [
        "empty file",
        "binary file, not text",
        "unsupported file type .pdf; newsmoa reads .atom, .csv, .htm, .html, "
        ".jsonl, .md, .ndjson, .rss, .text, .tsv, .txt, .xhtml, .xml, each also gzip-compressed (.gz), "
        "and zip archives of them (.zip)",
    ]


def test_csv_with_korean_headers_and_cp949(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(
        ('제목,언론사,본문,날짜\n예산 확정,한겨레,"' + ARTICLE + '",2024-05-02\n').encode("cp949")
    )
    (item,) = read_sources([str(path)])
    assert (item.title, item.outlet, item.text, item.published) == (
        "예산 확정",
        "한겨레",
        ARTICLE,
        "2024-05-02",
    )
    assert item.origin == f"{path}:2"


def test_a_csv_quote_left_open_is_an_error_on_the_line_it_opens(tmp_path):
    """A body opening with `"` and not closed where it ends swallowed the rows under it,
    silently (their outlets lost, their cells in its text); it is an error naming the line
    the quote opens on, and the rows after the field are read. A body over several lines,
    quoted as it should be, and a stray quote within one line stay read."""
    head = "제목,언론사,날짜,본문\n"
    row = "청솔군 {n},한빛뉴스,2026-11-24,청솔군은 {n}일 직매장을 열었다. 300여 품목을 판다.\n"
    opened = '청솔군 개장,청솔일보,2026-11-24,"청솔군이 24일 직매장을 열었다. 농가가 참여한다.\n'
    path = tmp_path / "in.csv"
    path.write_text(
        head
        + opened
        + '청솔군 "확대,한빛뉴스,2026-11-24,청솔군은 직매장을 열었다.\n'
        + row.format(n=3),
        "utf-8",
    )
    good, bad = split(list(read_sources([str(path)])))
    assert [g.origin for g in good] == [f"{path}:4"]
    assert [b.line for b in bad] == [2] and "lines 2-3 were read as one row" in bad[0].message
    path.write_text(head + row.format(n=1) + opened + row.format(n=3), "utf-8")
    good, bad = split(list(read_sources([str(path)])))
    assert [g.origin for g in good] == [f"{path}:2"]
    assert [b.line for b in bad] == [3] and "never closed" in bad[0].message
    quoted = '청솔군 축제,들판뉴스,2026-11-25,"첫 문단이다.\n둘째 문단, ""축제"" 얘기다."\n'
    stray = '청솔군 행사,들판뉴스,2026-11-25,"청솔군이 "행사"를 연다고 밝혔다."\n'
    path.write_text(head + quoted + stray + row.format(n=3), "utf-8")
    good, bad = split(list(read_sources([str(path)])))
    assert not bad and [g.origin for g in good] == [f"{path}:{n}" for n in (2, 4, 5)]
    assert good[0].text == '첫 문단이다.\n둘째 문단, "축제" 얘기다.'


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("a,b\n1,2\n", "utf-8")
    (err,) = read_sources([str(path)])
    assert isinstance(err, InputError) and "no text column" in err.message


def test_a_csv_with_a_header_and_no_rows_says_so(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("id,text\n\n", "utf-8")
    (err,) = read_sources([str(path)])
    assert isinstance(err, InputError) and err.message == "a header and no rows under it"
    assert err.origin == str(path)


def test_folder_reads_known_files_in_order(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "a.html").write_text(
        f"<html><body><article><p>{ARTICLE}</p></article></body></html>", "utf-8"
    )
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    good, bad = split(list(read_sources([str(tmp_path)])))
    assert [g.origin for g in good] == [str(tmp_path / "a.html"), str(tmp_path / "b.txt")]
    assert good[0].html and [b.message for b in bad] == ["not a file type newsmoa reads (.bin)"]


def test_release_is_marked(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text(ARTICLE, "utf-8")
    (item,) = read_sources([], releases=[str(path)])
    assert item.is_release


def test_jsonl_line_separator_inside_a_string_does_not_split_the_line(tmp_path):
    path = tmp_path / "in.jsonl"
    text = ARTICLE + "\u2028" + "둘째 줄이다."
    path.write_text(json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\r\n", "utf-8")
    (item,) = read_sources([str(path)])
    assert isinstance(item, RawItem) and item.text == text


def test_utf16_with_its_byte_order_mark_is_text(tmp_path):
    """What Notepad's "Unicode" and Excel's "Unicode text" write: read as the same text."""
    for name, encoding in (("le.txt", "utf-16"), ("be.txt", "utf-16-be")):
        data = ARTICLE.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        (tmp_path / name).write_bytes(data)
        good, bad = split(list(read_sources([str(tmp_path / name)])))
        assert not bad and [g.text for g in good] == [ARTICLE], name


def test_a_nul_in_a_json_string_parts_words_as_a_space_would(tmp_path):
    path = tmp_path / "nul.jsonl"
    path.write_text(
        '{"id": "n", "text": "서울시는\\u000020일\\u0000시청에서 예산을 밝혔다."}\n', "utf-8"
    )
    (item,) = read_sources([str(path)])
    assert item.text == "서울시는 20일 시청에서 예산을 밝혔다."


def test_a_source_is_named_as_given_with_what_is_wrong(tmp_path):
    """An unsupported URL scheme is not taken for a path (ftp://x read as "ftp:/x"); a path
    that does not exist says so whatever its name; a text that is not a string says that."""
    (tmp_path / "n.jsonl").write_text('{"id": "a", "text": 5}\n', "utf-8")
    sources = [
        "ftp://x/y.txt",
        "gopher://x/y",
        str(tmp_path / "nodir"),
        str(tmp_path / "n.jsonl"),
    ]
    _, bad = split(list(read_sources(sources)))
    assert [str(b) for b in bad] == [
        "ftp://x/y.txt: unsupported URL scheme ftp; newsmoa reads http(s) and file",
        "gopher://x/y: unsupported URL scheme gopher; newsmoa reads http(s) and file",
        f"{tmp_path / 'nodir'}: no such file or folder",
        f'{tmp_path / "n.jsonl"}:1: "text" is not a string',
    ]


def test_a_csv_header_that_cannot_be_read_as_meant_says_why(tmp_path):
    (tmp_path / "semi.csv").write_text(f"title;text\n예산;{ARTICLE}\n", "utf-8")
    (tmp_path / "twice.csv").write_text(f"title,text,text\n예산,{ARTICLE},\n", "utf-8")
    _, bad = split(list(read_sources([str(tmp_path / "semi.csv"), str(tmp_path / "twice.csv")])))
    assert "is it separated by ';'?" in bad[0].message and bad[0].line == 1
    assert bad[1].message == "column text twice in the header" and bad[1].line == 1


def test_a_folders_other_files_are_named_as_skipped_and_hidden_ones_left_out(tmp_path):
    """A black-box test: a folder's .json and a link to nothing were skipped without a
    word (named directly, they are errors), and files under .git were read as articles."""
    from newsmoa.errors import Skipped
    from newsmoa.pipeline import Newsroom
    from newsmoa.store import open_store

    folder = tmp_path / "clips"
    (folder / "sub").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "a.txt").write_text("예산 확정\n\n" + ARTICLE, "utf-8")
    (folder / "sub" / "b.txt").write_text("예산 발표\n\n" + ARTICLE.replace("1조", "2조"), "utf-8")
    (folder / ".git" / "c.txt").write_text("숨은 파일\n\n" + ARTICLE, "utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    (folder / "story.json").write_text("{}", "utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    os.mkfifo(folder / "pipe.txt")  # a pipe named like an article: no link (a review)
    items = list(read_sources([str(folder)]))
    good, bad = split(items)
    assert [g.origin for g in good] == [str(folder / "a.txt"), str(folder / "sub" / "b.txt")]
    assert [(type(b), b.origin, b.message) for b in bad] == [
        (Skipped, str(folder / "gone.txt"), "a link to nothing"),
        (Skipped, str(folder / "pipe.txt"), "not a regular file"),
        (Skipped, str(folder / "story.json"), "not a file type newsmoa reads (.json)"),
    ]
    report = Newsroom(open_store(str(tmp_path / "s.db"))).ingest(items, defer_analysis=True)
    assert report.errors == [] and report.added == 2
    assert report.dropped == {
        "a link to nothing": 1,
        "not a regular file": 1,
        "not a file type newsmoa reads": 1,
    }
    assert f"{folder / 'story.json'}: not a file type newsmoa reads (.json)" in report.dropped_from


def test_standard_input_is_pasted_text_or_jsonl():
    """`newsmoa ingest -`: a pipe of pasted articles, or of JSONL lines (before: refused as
    "no such file or folder")."""
    import io

    from newsmoa.ingest.readers import read_stdin

    pasted = list(read_stdin(io.BytesIO(("예산 확정\n\n" + ARTICLE).encode())))
    assert [(i.origin, i.text) for i in pasted] == [("<stdin>", "예산 확정\n\n" + ARTICLE)]
    lines = (
        json.dumps({"id": "a", "text": ARTICLE}) + "\n" + json.dumps({"id": "b", "text": ARTICLE})
    )
    assert [i.id for i in read_stdin(io.BytesIO(lines.encode()))] == ["a", "b"]
    (bad,) = read_stdin(io.BytesIO(b""))
    assert isinstance(bad, InputError) and str(bad) == "<stdin>: empty file"
    # a line that is not UTF-8 is an error of that line, as in a file (a review: the whole
    # input was refused)
    mixed = (json.dumps({"id": "a", "text": ARTICLE}) + "\n").encode() + b'{"text": "caf\xe9"}\n'
    good, bad = split(list(read_stdin(io.BytesIO(b"\xef\xbb\xbf" + mixed))))
    assert [g.id for g in good] == ["a"] and [(b.origin, b.line) for b in bad] == [("<stdin>", 2)]


def test_a_markdown_file_is_read_without_its_marks(tmp_path):
    """A .md file was read as plain text: the title came out as "# …" and links kept their
    targets (a black-box test). Every word and line stays; list items keep their marks."""
    from newsmoa.extract.article import extract

    path = tmp_path / "art.md"
    path.write_text(
        "# 예산 확정 #\n\n**시청** 발표\n\n"
        "시는 [내년 예산](https://example.com/budget)을 확정했다고 2일 밝혔다. 총액은 *1조 원*이다.\n\n"
        '> 시장은 "`민생`에 쓰겠다"고 말했다.\n\n---\n\n- 복지 예산 증액\n- 도로 예산 감액\n\n'
        "[budget]: https://example.com/budget\n<!-- 메모 -->\n",
        "utf-8",
    )
    (item,) = read_sources([str(path)])
    assert item.text == (
        "예산 확정\n\n시청 발표\n\n시는 내년 예산을 확정했다고 2일 밝혔다. 총액은 1조 원이다.\n\n"
        '시장은 "민생에 쓰겠다"고 말했다.\n\n\n\n- 복지 예산 증액\n- 도로 예산 감액\n\n\n\n'
    )
    article = extract(item)
    assert article.title == "예산 확정" and "https://" not in article.text
    # brackets that are no link stay as written (a review: labels, credits and whole lines
    # went), and so do footnote asterisks
    from newsmoa.ingest.markdown import plain

    for kept in (
        "[속보][단독] 윤 대통령, 내일 기자회견",
        "[사진](연합뉴스) 시민들이 걷고 있다",
        "[문의]: 농업정책과 063-290-1234",
        "매출*은 1조 원, 영업이익*은 2천억 원",
        "2*3*4 = 24",
    ):
        assert plain(kept) == kept


def test_jsonl_takes_the_field_names_a_csv_header_may_give(tmp_path):
    """`body`, `headline`, `date`, `press` in JSONL were refused (no "text" field) while a CSV
    took them (a black-box case); the contract's own names still win."""
    rows = [
        {"headline": "예산 확정", "body": ARTICLE, "date": "2024-05-20 11:00", "press": "한빛일보"},
        {"text": ARTICLE + " 둘", "body": "다른 글", "title": "제목", "headline": "부제"},
        {"content": "   "},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    good, bad = split(list(read_sources([str(path)])))
    assert [(g.title, g.outlet, g.published) for g in good] == [
        ("예산 확정", "한빛일보", "2024-05-20 11:00"),
        ("제목", None, None),
    ]
    assert good[0].text == ARTICLE and good[1].text == ARTICLE + " 둘"
    assert [(b.line, b.message) for b in bad] == [(3, 'no "text" (or "html") field with content')]


def test_a_file_url_is_read_as_the_file_it_names(tmp_path):
    """A saved page's address copied from a browser (`file:///…/my clip.html`, its space
    written `%20`) was refused as an unsupported scheme (a black-box case); it is the file,
    named by its path as when the path is given. A file on another host is named so."""
    page = tmp_path / "my clip.html"
    page.write_text(f"<html><body><p>{ARTICLE}</p></body></html>", "utf-8")
    url = "file://" + str(page).replace(" ", "%20")
    (item,), bad = split(list(read_sources([url, "file://server/share/a.html"])))
    assert item.origin == str(page) and ARTICLE in item.html
    assert [str(b) for b in bad] == [
        "file://server/share/a.html: a file on another host (server); give its path"
    ]


def test_utf16_without_its_byte_order_mark_is_text(tmp_path):
    """A UTF-16 export without a byte-order mark was "binary file, not text" for its NULs
    (a black-box case); either byte order is read, and a binary file with NULs at both
    offsets stays binary."""
    text = f"예산 확정 대책\r\n\r\n{ARTICLE}\r\n"  # (대: U+B300, a NUL byte of its own)
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(text.encode("utf-16-be"))
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x00\x00\x02\x03" * 50)
    good, bad = split(
        list(read_sources([str(tmp_path / n) for n in ("le.txt", "be.txt", "bin.txt")]))
    )
    assert [g.text.replace("\r", "") for g in good] == [f"예산 확정 대책\n\n{ARTICLE}\n"] * 2
    assert [b.message for b in bad] == ["binary file, not text"]


def test_a_saved_page_is_known_by_the_address_it_names(tmp_path):
    """A page saved from the browser had no URL: its placement could not be opened from
    the story, and the outlet's feed entry of it was a second article (a black-box case).
    Its canonical link (else `og:url`) is its URL; one naming the site's root is none."""
    body = f"<body><p>{ARTICLE}</p></body></html>"
    canon = '<link rel="canonical" href="https://www.x.example.kr/news/articleView.html?idxno=7">'
    og = '<meta property="og:url" content="https://x.example.kr/news/8">'
    root = '<link rel="canonical" href="https://x.example.kr/">'
    for name, head in (("a", canon + og), ("b", og), ("c", root)):
        (tmp_path / f"{name}.html").write_text(f"<html><head>{head}</head>{body}", "utf-8")
    items = list(read_sources([str(tmp_path / f"{n}.html") for n in "abc"]))
    assert [i.url for i in items] == [
        "https://www.x.example.kr/news/articleView.html?idxno=7",
        "https://x.example.kr/news/8",
        None,
    ]


def test_a_feed_saved_as_a_page_or_a_text_is_read_as_a_feed(tmp_path):
    """A browser saves a feed it shows as `.html`, and a feed pasted into a `.txt` stays
    XML: each was one article titled by its markup (`]]>홍길동 기자Thu, 05 Mar …`, `<?xml
    …?>`: a black-box case). A page that merely opens with an XML declaration is a page."""
    rss = (
        '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- saved -->\n<rss version="2.0">'
        "<channel><title>청솔일보</title><item><title>예산 확정</title>"
        f"<link>https://x.example.kr/news/1</link><description>{ARTICLE}</description>"
        "</item></channel></rss>"
    )
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>청솔신문</title><entry>'
        f"<title>예산 확정</title><id>tag:x,2026:2</id><summary>{ARTICLE}</summary></entry></feed>"
    )
    xhtml = f'<?xml version="1.0"?>\n<html><body><p>{ARTICLE}</p></body></html>'
    for name, data in (("rss.html", rss), ("atom.txt", atom), ("page.html", xhtml)):
        (tmp_path / name).write_text(data, "utf-8")
    items = list(read_sources([str(tmp_path / n) for n in ("rss.html", "atom.txt", "page.html")]))
    assert [(i.title, i.url or i.id) for i in items[:2]] == [
        ("예산 확정", "https://x.example.kr/news/1"),
        ("예산 확정", "tag:x,2026:2"),
    ]
    assert items[2].html == xhtml and len(items) == 3


def test_a_page_or_a_feed_on_standard_input_is_read_as_one():
    """`curl … | newsmoa ingest -`: a page was read as pasted text, its doctype the headline
    and its markup the body (a black-box case); a feed likewise."""
    import io

    from newsmoa.ingest.readers import read_stdin

    page = f"<!DOCTYPE html>\n<html><body><p>{ARTICLE}</p></body></html>"
    (item,) = read_stdin(io.BytesIO(page.encode()))
    assert item.html == page and item.text is None
    rss = f"<rss><channel><item><title>예산</title><description>{ARTICLE}</description></item></channel></rss>"
    (entry,) = read_stdin(io.BytesIO(rss.encode()))
    assert entry.title == "예산" and entry.origin == "<stdin>#1"


def test_a_pages_source_kept_as_text_is_read_as_a_page(tmp_path):
    page = f"<!-- saved -->\n<!DOCTYPE html>\n<html><body><p>{ARTICLE}</p></body></html>"
    (tmp_path / "page.txt").write_text(page, "utf-8")
    (item,) = read_sources([str(tmp_path / "page.txt")])
    assert item.html == page and item.text is None


def test_a_json_lines_page_without_a_url_is_known_by_the_address_it_names(tmp_path):
    page = (
        '<html><head><link rel="canonical" href="https://x.example.kr/news/9"></head>'
        f"<body><p>{ARTICLE}</p></body></html>"
    )
    (tmp_path / "p.jsonl").write_text(json.dumps({"html": page}) + "\n", "utf-8")
    (item,) = read_sources([str(tmp_path / "p.jsonl")])
    assert item.url == "https://x.example.kr/news/9"


def test_a_text_opening_with_many_comments_is_read_at_once(tmp_path):
    """Whether a .md file is a page's source was asked with `(?:<!--.*?-->\\s*)*`, which
    splits a run of comments in 2**n ways: a note opening with 40 comment lines did not
    finish (a review); it is Markdown text, read as such."""
    path = tmp_path / "note.md"
    path.write_text("<!-- 메모 -->\n" * 40 + "# 예산 확정\n\n시는 예산을 확정했다.\n", "utf-8")
    (item,) = read_sources([str(path)])
    assert item.html is None and "시는 예산을 확정했다." in item.text


def test_a_file_reached_twice_in_one_call_is_read_once(tmp_path):
    # `ingest clips clips/ko1*.txt ./clips` read each file two or three times: 412 articles
    # were stored and 591 'same id again later in this batch' lines named the repeats
    clips = tmp_path / "clips"
    clips.mkdir()
    for n in (1, 2):
        (clips / f"a{n}.txt").write_text(f"청솔군 소식 {n}\n\n청솔군은 {n}일 행사를 열었다.\n")
    linked = tmp_path / "linked.txt"
    linked.symlink_to(clips / "a2.txt")
    sources = [str(clips), str(clips / "a1.txt"), f"{tmp_path}/./clips", str(linked)]
    sources.append((clips / "a1.txt").as_uri())
    items = list(read_sources(sources))
    assert all(isinstance(i, RawItem) for i in items)
    assert sorted(i.text.splitlines()[0] for i in items) == ["청솔군 소식 1", "청솔군 소식 2"]


def test_a_missing_file_given_twice_is_named_once(tmp_path):
    errors = list(read_sources([str(tmp_path / "nope.txt")] * 2))
    assert [type(e) for e in errors] == [InputError]
