"""Sources -> RawItems: text files (several pasted articles each), HTML, JSONL, CSV, folders;
each file type also gzip-compressed.

Readers never raise for a bad input: they yield an `InputError` naming the file (and line) in
its place, so the rest of the batch goes on.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from newsmoa.errors import InputError, Skipped, Unfinished, UnsupportedInput
from newsmoa.extract.article import published_time
from newsmoa.extract.html import page_url
from newsmoa.ingest.compressed import read_plain
from newsmoa.ingest.markdown import plain
from newsmoa.ingest.paste import split_pasted
from newsmoa.text.normalize import half_surrogate
from newsmoa.types import RawItem

TEXT_SUFFIXES = {".txt", ".text", ".md"}
MARKDOWN_SUFFIXES = {".md"}  # text, read without the marks (`markdown.plain`)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}  # a feed saved as a file (its links are not read)
READ_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | FEED_SUFFIXES
ZIP_SUFFIX = ".zip"  # an archive of such files (`ingest.archives`)
SUFFIXES = READ_SUFFIXES | {ZIP_SUFFIX}
GZIP_SUFFIX = ".gz"  # any of them compressed (`articles.jsonl.gz`), read as its text

# Column names that mean one article field, as CSV exports of news tools write them.
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "본문", "내용", "기사"),
    "html": ("html",),
    "title": ("title", "headline", "제목", "헤드라인"),
    "url": ("url", "link", "주소", "링크"),
    "outlet": ("outlet", "press", "source", "publisher", "언론사", "매체"),
    "published": ("published", "date", "datetime", "time", "일자", "날짜", "발행일"),
    "id": ("id", "article_id", "기사id"),
}

Item = RawItem | InputError


def read_sources(
    sources: list[str], *, releases: Sequence[str] = (), fetcher: Any = None
) -> Iterator[Item]:
    """Every RawItem in `sources` (files, folders, feed and page URLs), then in `releases`
    (press releases, read as sources are: each article marked `is_release`), errors in place of
    unreadable inputs. `fetcher` (an `ingest.web.Fetcher`) is made on first need. A file
    reached twice (a folder and a pattern inside it, a link to it, its file:// address) is
    read once: each repeat was a 'same id again' drop in the summary."""
    seen: set[str] = set()  # the files read, by their real path
    for source in sources:
        scheme = url_scheme(source)
        if scheme == "file":  # a saved page as a browser's address bar names it
            local = file_url_path(source)
            if isinstance(local, InputError):
                yield local
                continue
            source, scheme = str(local), ""  # named by its path, as the same file given so is
        path = Path(source)
        if source == STDIN:
            yield from read_stdin(sys.stdin.buffer)
        elif scheme and scheme not in ("http", "https"):
            yield unsupported_scheme(source, scheme)
        elif scheme:
            from newsmoa.ingest.web import Fetcher, read_url

            fetcher = fetcher or Fetcher()
            yield from read_url(source, fetcher)
        elif path.is_dir():
            for file, skipped in folder_entries(path):
                if skipped is not None:
                    yield skipped
                elif _first_time(file, seen):
                    yield from read_file(file)
        elif _first_time(path, seen):
            yield from read_file(path)
    for release in releases:  # a file, a folder, a feed, or standard input, as a source
        yield from map(as_release, read_sources([release], fetcher=fetcher))


def _first_time(path: Path, seen: set[str]) -> bool:
    """Whether `path` is not yet in `seen` (by its real path), which it is added to."""
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def as_release(item: Item) -> Item:
    """`item` marked as a press release (an error stays as it is)."""
    return RawItem(**{**_fields(item), "is_release": True}) if isinstance(item, RawItem) else item


STDIN = "-"  # the source that is standard input


def read_stdin(stream: BinaryIO) -> Iterator[Item]:
    """Standard input (`newsmoa ingest -`): JSONL when it opens with "{", a feed or a web
    page when it opens as one (`curl … | newsmoa ingest -`: a page was read as text, its
    markup the article's headline and body, a black-box case), else pasted text (one or
    several articles, as a .txt file holds them), named "<stdin>"."""
    origin = "<stdin>"
    data = stream.read()
    if data.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        yield from read_jsonl_bytes(origin, data.removeprefix(b"\xef\xbb\xbf"))  # a bad
        return  # line is its own error, as in a file
    if is_saved_feed(data) or _PAGE_START.match(data[:2048].removeprefix(b"\xef\xbb\xbf")):
        yield from read_data(origin, ".html", data)
        return
    text = decode(origin, data)
    if isinstance(text, InputError):
        yield text
    else:
        yield from read_text(origin, text)


def _fields(item: RawItem) -> dict[str, Any]:
    return {name: getattr(item, name) for name in RawItem.__slots__}


NOT_READ = "not a file type newsmoa reads"
LINK_TO_NOTHING = "a link to nothing"
NOT_A_FILE = "not a regular file"  # a pipe, a socket, a device


def folder_entries(folder: Path) -> list[tuple[Path, Skipped | None]]:
    """Each file under `folder`, in order, with why it is skipped (None: it is read). A
    hidden folder or file (".git", ".DS_Store") is left out without a word, as version
    control and search tools do; a file of another type, or a link to nothing, is named."""
    out: list[tuple[Path, Skipped | None]] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith("."):
                continue
            p = Path(root, name)
            if kind_suffix(p) not in SUFFIXES:
                why = f"{NOT_READ} ({written_suffix(p) or 'no suffix'})"
                out.append((p, Skipped(path_name(p), why, reason=NOT_READ)))
            elif not p.is_file():
                why = LINK_TO_NOTHING if p.is_symlink() and not p.exists() else NOT_A_FILE
                out.append((p, Skipped(path_name(p), why, reason=why)))
            else:
                out.append((p, None))
    return sorted(out, key=lambda entry: entry[0])


def url_scheme(source: str) -> str:
    """The URL scheme of a source, lower-cased ("HTTP://" is http); "" for a path."""
    head, sep, _ = source.partition("://")
    return head.lower() if sep and head.isalpha() else ""


def source_file(origin: str) -> str | None:
    """The local text or HTML file an item's `origin` names (`a.txt`, or `a.txt#2` for the
    second article pasted in it), resolved; None for anything else (a URL, a JSONL or CSV
    line, standard input). Such an item has no id or URL of its own (its id is its text's
    hash), so its file is what says that an edited text is the same article."""
    if url_scheme(origin):
        return None
    path, sep, k = origin.rpartition("#")
    if not (sep and k.isdigit()):
        path = origin
    if kind_suffix(Path(path)) not in TEXT_SUFFIXES | HTML_SUFFIXES:
        return None
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return None


def unsupported_scheme(source: str, scheme: str) -> UnsupportedInput:
    return UnsupportedInput(
        source, f"unsupported URL scheme {scheme}; newsmoa reads http(s) and file"
    )


def file_url_path(source: str) -> Path | InputError:
    """The local path a `file://` URL names (`file:///home/me/clip.html`, its `%20`s
    decoded; `file://localhost/…` too), or an error for one on another host, which newsmoa
    does not reach. A saved page's address, copied from the browser, was refused as an
    unsupported scheme (a black-box case)."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(source)
    if parts.netloc not in ("", "localhost"):
        return UnsupportedInput(source, f"a file on another host ({parts.netloc}); give its path")
    return Path(unquote(parts.path))


def path_name(path: Path) -> str:
    """A path as an item's origin names it: its text, with the bytes of a name that is not
    UTF-8 written as `\\xe9` (such a name cannot be stored, printed or sent as text)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def written_suffix(path: Path) -> str:
    """The suffix as the file's name writes it, lower-cased: `.tar.gz`, `.gz`, `.pdf`."""
    suffix = path.suffix.lower()
    return Path(path.stem).suffix.lower() + suffix if suffix == GZIP_SUFFIX else suffix


def kind_suffix(path: Path) -> str:
    """The suffix that says how a file is read, lower-cased: a compressed file's inner one
    (`a.jsonl.gz` is `.jsonl`; `a.gz` is "")."""
    suffix = path.suffix.lower()
    if suffix == GZIP_SUFFIX:
        inner = Path(path.stem).suffix.lower()
        return "" if inner == ZIP_SUFFIX else inner  # (a zip archive is read uncompressed)
    return suffix


def read_file(path: Path) -> Iterator[Item]:
    origin = path_name(path)
    suffix = kind_suffix(path)
    if not path.exists():
        yield InputError(origin, "no such file or folder")
        return
    if suffix not in SUFFIXES:
        written = written_suffix(path)
        yield UnsupportedInput(
            origin,
            f"unsupported file type {written or '(none)'}; "
            f"newsmoa reads {', '.join(sorted(READ_SUFFIXES))}, each also gzip-compressed "
            + (
                f"with its type in its name (`articles.jsonl{GZIP_SUFFIX}`)"
                if written == GZIP_SUFFIX
                else f"({GZIP_SUFFIX})"
            )
            + f", and zip archives of them ({ZIP_SUFFIX})",
        )
        return
    if suffix == ZIP_SUFFIX:
        from newsmoa.ingest.archives import read_zip

        yield from read_zip(path, origin)
        return
    try:
        data = read_plain(str(path))  # a gzip file (by its first bytes) decompressed
    except (OSError, zlib.error) as exc:  # a gzip file cut short or damaged too
        yield InputError(origin, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
        return
    growing = not path.name.lower().endswith(GZIP_SUFFIX)  # (a gzip file is whole)
    yield from read_data(origin, suffix, data, growing=growing)


def read_data(origin: str, suffix: str, data: bytes, *, growing: bool = False) -> Iterator[Item]:
    """The items of a file's (decompressed) bytes, read as its `suffix` (`kind_suffix`) says:
    a file's on disk, or a member's of a zip archive. `growing`: a file on disk, which may
    still be being written (`read_jsonl`)."""
    if suffix in FEED_SUFFIXES or (suffix in TEXT_SUFFIXES | HTML_SUFFIXES and is_saved_feed(data)):
        from newsmoa.ingest.web import Page, read_feed  # (web reads files' formats too)

        if not data.strip():
            yield InputError(origin, "empty file")
            return
        yield from read_feed(Page(origin, "application/xml", data), None)  # (no link read)
        return
    text = decode(origin, data)
    if isinstance(text, InputError):
        if suffix in JSONL_SUFFIXES and text.message == NOT_TEXT:  # some lines are not UTF-8
            yield from read_jsonl_bytes(origin, data, growing=growing)
        else:
            yield text
        return
    page = suffix in HTML_SUFFIXES or (
        suffix in TEXT_SUFFIXES and _PAGE_START.match(text[:2048].lstrip("\ufeff").encode())
    )  # (a page's source kept as `.txt` was its markup read as text)
    if suffix in MARKDOWN_SUFFIXES and not page:
        yield from read_text(origin, plain(text))
    elif suffix in TEXT_SUFFIXES and not page:
        yield from read_text(origin, text)
    elif page:  # (a saved page: the address it names is its URL)
        yield RawItem(origin=origin, html=text, url=page_url(text))
    elif suffix in JSONL_SUFFIXES:  # (a file a crawler may be appending to)
        yield from read_jsonl(origin, text, growing=growing)
    else:
        yield from read_csv(origin, text, delimiter="\t" if suffix == ".tsv" else ",")


def is_saved_feed(data: bytes) -> bool:
    """Whether a file's bytes are an RSS, Atom or RDF feed, whatever its name says: a
    browser saves a feed it shows as `.html`, and a feed copied into a `.txt` was read as
    one article titled by its markup (`]]>홍길동 기자Thu, 05 Mar 2026 …`, `<?xml …?>`: a
    black-box case). Its root element says so, after a BOM, an XML declaration, comments
    and a stylesheet's processing instruction."""
    head = data[:2048].removeprefix(b"\xef\xbb\xbf")
    return _FEED_ROOT.match(head) is not None


# an HTML or XML comment, read in one way only: `<!--.*?-->` under `*` could split a run of
# comments in 2**n ways (a Markdown file opening with 30 comment lines took hours)
_COMMENT = rb"<!--(?:[^-]|-(?!->))*-->"
_FEED_ROOT = re.compile(
    rb"\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:" + _COMMENT + rb"|<\?xml-stylesheet[^>]*\?>)\s*)*"
    rb"<(?:rss|feed|rdf:RDF)[\s>]",
    re.DOTALL | re.IGNORECASE,
)


# a web page's opening: its doctype or <html> (after comments)
_PAGE_START = re.compile(rb"\s*(?:" + _COMMENT + rb"\s*)*<(?:!doctype\s+html|html)[\s>]", re.I)


def decode(origin: str, data: bytes) -> str | InputError:
    """UTF-8 (with or without BOM), UTF-16 with its BOM, else CP949 (older Korean pages);
    errors for binary data."""
    if not data.strip():
        return InputError(origin, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark, as
        try:  # Notepad's "Unicode" and Excel's "Unicode text" write it
            return data.decode("utf-16").replace("\x00", "")
        except UnicodeDecodeError:
            return InputError(origin, "not text in UTF-16, though it starts as UTF-16 does")
    if b"\x00" in data[:8192]:
        return _utf16_unmarked(data) or InputError(origin, "binary file, not text")
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding).replace("\x00", "")  # a stray NUL further on
        except UnicodeDecodeError:
            continue
    return InputError(origin, NOT_TEXT)


NOT_TEXT = "not text in UTF-8 or CP949"


_UTF16_NUL_SHARE = 40  # a UTF-16 text's bytes per NUL at most (Korean: a space in ~8)


def _utf16_unmarked(data: bytes) -> str | None:
    """UTF-16 text without its byte-order mark (as some export tools and PowerShell's
    `Out-File` write it), or None. It was "binary file, not text" for its NULs (a black-box
    case); UTF-16's NULs are the high bytes of its spaces, digits and line breaks, so nearly
    all of them stand at odd offsets (little-endian) or at even ones (big-endian), which a
    binary file's do not, and what it decodes to has no control characters."""
    if len(data) % 2:
        return None
    head = data[:8192]
    odd = [k % 2 for k in range(len(head)) if head[k] == 0]
    if len(odd) < len(head) // _UTF16_NUL_SHARE:
        return None  # (a stray NUL in UTF-8 text is no UTF-16's)
    share = sum(odd) / len(odd)  # (a syllable U+B300, 대, has a NUL at the other offset)
    if 0.1 < share < 0.9:
        return None
    try:
        text = data.decode("utf-16-le" if share >= 0.9 else "utf-16-be")
    except UnicodeDecodeError:
        return None
    controls = sum(1 for c in text if c < " " and c not in "\n\r\t")
    return text if not controls else None


def _broken_quote(lines: list[str], delimiter: str) -> tuple[int, int, bool] | None:
    """Where a record read over several `lines` has a quoted field running over lines that
    is not closed where a field ends (text after its closing quote, or no closing quote at
    all): (its opening line, the line it ends on, counted from 0, and whether it closes);
    None when each is whole.
    Such a record swallowed the rows under it (an unbalanced quote: a black-box case)."""
    text, i, line = "\n".join(lines), 0, 0
    while (m := _FIELD_START.search(text, i)) is not None:
        i = m.end()
        if m.group() != '"' or (m.start() and text[m.start() - 1] not in (delimiter, "\n")):
            if m.group() == "\n":
                line += 1
            continue
        opened = line
        while True:  # to the closing quote, past doubled ones
            j = text.find('"', i)
            if j < 0:
                return (opened, len(lines) - 1, False) if text.count("\n", i) else None
            line += text.count("\n", i, j)
            i = j + 1
            if not text.startswith('"', i):
                break
            i += 1
        if line > opened and i < len(text) and text[i] not in (delimiter, "\n", "\r"):
            return opened, line, True
    return None


_FIELD_START = re.compile(r'["\n]')


def read_jsonl_bytes(
    origin: str,
    data: bytes,
    *,
    keep_blank: bool = False,
    first_line: int = 1,
    growing: bool = False,
) -> Iterator[Item]:
    """`read_jsonl` of UTF-8 bytes, where a line that is not UTF-8 is an error of that line
    only, not of the file (the others are read as usual)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # find the bad lines
        pass
    else:
        yield from read_jsonl(
            origin, text, keep_blank=keep_blank, first_line=first_line, growing=growing
        )
        return
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    unended = first_line + len(lines) - 1 if growing and not data.endswith(b"\n") else None
    for n, raw in enumerate(lines, start=first_line):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:  # (a character cut in two at the end, too)
            yield (
                _unfinished(origin, n)
                if n == unended
                else InputError(origin, not_utf8(exc), line=n)
            )
            continue
        if keep_blank or line.strip():
            yield _parsed(n, line, origin, last=n == unended)


def read_text(origin: str, text: str) -> Iterator[Item]:
    chunks = split_pasted(text.replace("\r\n", "\n").replace("\r", "\n"))
    for k, chunk in enumerate(chunks, start=1):
        yield RawItem(origin=f"{origin}#{k}" if len(chunks) > 1 else origin, text=chunk)


def read_jsonl(
    origin: str,
    text: str,
    *,
    keep_blank: bool = False,
    first_line: int = 1,
    growing: bool = False,
) -> Iterator[Item]:
    """One item per line; blank lines are skipped, or with `keep_blank` yield an error.
    `first_line`: the number of the text's first line in its file (a tail read). `growing`:
    the text is a file's, which may still be being written: a last line without its line
    end that is not JSON (yet) is an `Unfinished` note, not an error (a whole object without
    its line end is read)."""
    # Lines end at "\n" only: str.splitlines() would also break at U+2028/U+2029 inside strings.
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
        growing = False  # (every line has its end)
    last = first_line + len(lines) - 1
    for n, line in enumerate(lines, start=first_line):
        if keep_blank or line.strip():
            yield _parsed(n, line, origin, last=growing and n == last)


def _parsed(n: int, line: str, origin: str, *, last: bool) -> Item:
    """`parse_line`, but a `last` line (without its line end) that is not JSON is unfinished."""
    if last and json_line(n, line)[1] is not None:
        return _unfinished(origin, n)
    return parse_line(n, line, origin)


def _unfinished(origin: str, n: int) -> Unfinished:
    return Unfinished(
        origin,
        "the last line has no line end and is not whole JSON yet (still being written?): "
        "left for the next run",
        line=n,
    )


def parse_line(line_no: int, text: str, origin: str) -> Item:
    """Line `line_no` of a JSONL input: its article, or why there is none (`json_line`)."""
    obj, problem = json_line(line_no, text)
    if problem is not None:
        return InputError(origin, problem, line=line_no)
    obj, names = _aliased(obj)
    return from_mapping(obj, origin=origin, line=line_no, names=names)


def _aliased(obj: Any) -> tuple[Any, dict[str, str | None]]:
    """A JSON object with each contract field it lacks taken from a name a CSV header may
    give it (`body`, `content`, `headline`, `date`: `CSV_COLUMNS`; JSONL refused them while
    CSV took them, a black-box case), a string only; and the names it used, for its errors."""
    if not isinstance(obj, dict):
        return obj, {}
    lowered = {k.strip().lower(): k for k in obj if isinstance(k, str)}
    out: dict[Any, Any] = dict(obj)
    names: dict[str, str | None] = {}
    for field, aliases in CSV_COLUMNS.items():
        if obj.get(field) is not None:
            continue
        for alias in aliases:
            key = lowered.get(alias)
            if key is not None and isinstance(obj[key], str) and obj[key].strip():
                out[field], names[field] = obj[key], key
                break
    return out, names


def json_line(line_no: int, text: str) -> tuple[Any, str | None]:
    """The JSON value on line `line_no` of a JSONL input, or why there is none: (None, the
    problem). A blank line is "empty line"; a byte-order mark opening line 1 and a "\r"
    ending the line are ignored."""
    if line_no == 1:
        text = text.lstrip("\ufeff")
    text = text.rstrip("\r")
    if not text.strip():
        return None, "empty line"
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, json_problem(exc)
    except ValueError as exc:  # an integer of more digits than Python converts
        return None, f"not JSON newsmoa reads: {exc}"
    except RecursionError:
        return None, "not JSON newsmoa reads: nested too deeply"


def not_utf8(exc: UnicodeDecodeError) -> str:
    """What is wrong with a line that is not UTF-8, and where in it."""
    return f"not UTF-8 text: {exc.reason} at byte {exc.start}"


def json_problem(exc: json.JSONDecodeError) -> str:
    """What is wrong with a line that is not JSON, and where ("Invalid control character at
    column 40"; the decoder's message may end in "at" without saying where)."""
    return f"not JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"


def from_mapping(
    obj: Any, *, origin: str, line: int | None = None, names: Mapping[str, str | None] = {}
) -> Item:
    """A RawItem from an article object (the JSONL contract in docs/contracts.md). `names`: how the
    input calls each field, for its errors (a CSV's `date` column is the field `published`)."""
    where = f"{origin}:{line}" if line is not None else origin
    if not isinstance(obj, dict):
        return InputError(origin, "not a JSON object", line=line)
    text, html = obj.get("text"), obj.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return InputError(origin, f'"{name}" is not a string', line=line)
    for name, value in obj.items():  # JSON may spell "\\ud800", which no output can write
        if isinstance(value, str) and half_surrogate(value):
            return InputError(origin, f'"{name}" holds half of a surrogate pair', line=line)
    if not (isinstance(text, str) and text.strip()) and not (
        isinstance(html, str) and html.strip()
    ):
        text_name, html_name = names.get("text") or "text", names.get("html") or "html"
        return InputError(
            origin, f'no "{text_name}" (or "{html_name}") field with content', line=line
        )

    fields: dict[str, str | None] = {}
    for name in ("id", "url", "outlet", "title", "published"):
        value = obj.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and name == "id":
            value = str(value)  # a number as an id: its digits
        if value is not None and not isinstance(value, str):
            return InputError(origin, f'"{name}" is not a string', line=line)
        fields[name] = _no_nul(value) if value and value.strip() else None
    published = fields["published"]
    if published is not None and published_time(published) is None:
        name = names.get("published") or "published"
        return InputError(
            origin, f'"{name}" is not a date of the years 2-9998: {published!r}', line=line
        )
    page = _no_nul(html) if isinstance(html, str) and html.strip() else None
    return RawItem(
        origin=where,
        text=_no_nul(text) if isinstance(text, str) else None,
        html=page,
        id=fields["id"],
        url=fields["url"] or (page_url(page) if page else None),  # (the address it names)
        outlet=fields["outlet"],
        title=fields["title"],
        published=published,
    )


def _no_nul(value: str) -> str:
    """A JSON string may spell NUL (\\u0000); no text field keeps one (PostgreSQL's cannot).
    It stands where a space would (a separator): taken out, it glued two words into one."""
    return value.replace("\x00", " ")


def read_csv(origin: str, text: str, *, delimiter: str = ",") -> Iterator[Item]:
    import sys

    csv.field_size_limit(sys.maxsize)
    # newline="": a line break inside a quoted field is the field's, and a bare "\r" (old Mac
    # exports) ends a record, as the csv module reads files opened that way
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    mapping = {
        field: next((h for h in header if h in names), None) for field, names in CSV_COLUMNS.items()
    }
    if mapping["text"] is None and mapping["html"] is None:
        other = next((d for d in (";", "\t", "|") if d != delimiter and d in text[:2000]), None)
        hint = (
            f"; is it separated by {other!r}? a .csv is read by ',', a .tsv by tabs"
            if other
            else ""
        )
        yield InputError(
            origin,
            f"no text column in the header (looked for: {', '.join(CSV_COLUMNS['text'])}){hint}",
            line=1,
        )
        return
    twice = sorted({h for h in header if header.count(h) > 1 and h in mapping.values()})
    if twice:  # which of the two is the article's? (DictReader keeps the last)
        yield InputError(origin, f"column {', '.join(twice)} twice in the header", line=1)
        return
    rows = iter(reader)
    lines = text.splitlines()
    for read in itertools.count():
        first = reader.line_num + 1  # where the next record starts (a field may hold lines),
        while first <= len(lines) and not lines[first - 1].strip():
            first += 1  # past blank lines, which the reader skips
        try:
            row = next(rows)
        except StopIteration:
            if not read:  # (it read as nothing at all: a black-box case)
                yield InputError(origin, "a header and no rows under it", line=1)
            return
        except csv.Error as exc:  # the rest cannot be told apart into records
            yield InputError(origin, f"not CSV from here on: {exc}", line=reader.line_num)
            return
        if reader.line_num > first and (
            opened := _broken_quote(lines[first - 1 : reader.line_num], delimiter)
        ):
            at, end = first + opened[0], first + opened[1]
            where = f"not closed where its field ends (line {end})" if opened[2] else "never closed"
            yield InputError(
                origin,
                f"a quote opens a field here and is {where}: lines {at}-{end} were read as one "
                'row and are not stored; a quote inside a field is written twice ("")',
                line=at,
            )
            continue
        clean = {(k or "").strip().lower(): v for k, v in row.items()}
        obj = {field: clean.get(col) for field, col in mapping.items() if col}
        # (line: the record's first line; it was its last, which a quoted body of several
        # lines put far from the bad field: a black-box case)
        yield from_mapping(obj, origin=origin, line=first, names=mapping)
