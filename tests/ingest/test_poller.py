"""`Poller`: what is new in folders, growing JSONL files and feeds since the last poll."""

from __future__ import annotations

import json
import os

import httpx

from newsmoa.errors import InputError
from newsmoa.ingest.watch import Poller
from newsmoa.ingest.web import Fetcher
from newsmoa.types import RawItem

BODY = "군은 올해 도서관 두 곳을 새로 연다고 3일 밝혔다. 사업비는 모두 40억 원이다."


def line(n: int) -> str:
    return json.dumps({"id": f"a{n}", "text": f"{BODY} {n}번째 기사."}, ensure_ascii=False)


def ids(items) -> list[str]:
    return [i.id for i in items if isinstance(i, RawItem)]


def test_folder_new_and_changed_files_only(tmp_path):
    (tmp_path / "one.txt").write_text(BODY, encoding="utf-8")
    poller = Poller([str(tmp_path)])
    assert [i.origin for i in poller.poll()] == [str(tmp_path / "one.txt")]
    assert poller.poll() == []
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "two.txt").write_text(BODY + " 둘째.", encoding="utf-8")
    assert [i.origin for i in poller.poll()] == [str(tmp_path / "sub" / "two.txt")]
    one = tmp_path / "one.txt"
    one.write_text(BODY + " 고침.", encoding="utf-8")
    os.utime(one, ns=(1, 1))  # a changed time, whatever the clock's resolution
    got = poller.poll()
    assert [i.origin for i in got] == [str(one)] and "고침" in got[0].text


def test_jsonl_that_grows_is_read_from_where_it_ended(tmp_path):
    feed = tmp_path / "wire.jsonl"
    feed.write_text(line(1) + "\n" + line(2) + "\n", encoding="utf-8")
    poller = Poller([str(feed)])
    assert ids(poller.poll()) == ["a1", "a2"]
    with feed.open("a", encoding="utf-8") as f:  # one whole line, one still being written
        f.write(line(3) + "\n" + line(4)[:20])
    assert ids(poller.poll()) == ["a3"]
    with feed.open("a", encoding="utf-8") as f:
        f.write(line(4)[20:] + "\n" + "{broken\n")
    got = poller.poll()
    assert ids(got) == ["a4"]
    errors = [str(i) for i in got if isinstance(i, InputError)]
    assert errors == [
        f"{feed}:5: not JSON: Expecting property name enclosed in double quotes at column 2"
    ]
    assert poller.poll() == []


def test_a_replaced_file_is_read_again_from_the_start(tmp_path):
    feed = tmp_path / "wire.jsonl"
    feed.write_text(line(1) + "\n" + line(2) + "\n", encoding="utf-8")
    poller = Poller([str(feed)])
    poller.poll()
    fresh = tmp_path / "new.jsonl"
    fresh.write_text(line(7) + "\n", encoding="utf-8")
    fresh.replace(feed)  # a new file under the old name (shorter than what was read)
    assert ids(poller.poll()) == ["a7"]


def test_an_error_is_reported_once_until_its_input_changes(tmp_path):
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"%PDF")
    missing = tmp_path / "gone.txt"
    poller = Poller([str(bad), str(missing)])
    first = [str(i) for i in poller.poll()]
    assert len(first) == 2 and first[0].startswith(str(bad)) and first[1].startswith(str(missing))
    assert poller.poll() == []
    missing.write_text(BODY, encoding="utf-8")
    assert [i.origin for i in poller.poll()] == [str(missing)]


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>전북일보</title>{items}</channel></rss>"""
ITEM = (
    "<item><title>기사 {n}</title><link>https://news.test/a/{n}</link>"
    "<guid>https://news.test/a/{n}</guid></item>"
)
PAGE = "<html><body><article><h1>도서관</h1><p>{body}</p></article></body></html>"


def test_feed_entries_seen_before_are_not_fetched_again():
    entries = [1, 2]
    fetched: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        fetched.append(request.url.path)
        if request.url.path == "/rss":
            body = FEED.format(items="".join(ITEM.format(n=n) for n in entries))
            return httpx.Response(200, headers={"content-type": "application/rss+xml"}, text=body)
        return httpx.Response(
            200, headers={"content-type": "text/html"}, text=PAGE.format(body=BODY)
        )

    poller = Poller(
        ["https://news.test/rss"], fetcher=Fetcher(transport=httpx.MockTransport(handler))
    )
    assert ids(poller.poll()) == ["https://news.test/a/1", "https://news.test/a/2"]
    entries.append(3)
    fetched.clear()
    assert ids(poller.poll()) == ["https://news.test/a/3"]
    assert fetched == ["/rss", "/a/3"]


def test_an_entry_the_feed_changes_is_read_again_as_its_new_version():
    """An outlet's correction: the entry keeps its guid and link, the feed gives it a new
    `<updated>` (or another title or teaser). A running watch skipped it as seen, so the
    correction never came in (a black-box case); an unchanged entry is still not fetched."""
    updated = {1: "2026-11-24T15:20:00+09:00", 2: "2026-11-24T15:30:00+09:00"}
    body = {1: BODY}
    fetched: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        fetched.append(request.url.path)
        if request.url.path == "/atom":
            entries = "".join(
                f"<entry><title>기사 {n}</title><id>tag:news.test,2026:{n}</id>"
                f'<link href="https://news.test/a/{n}"/><updated>{at}</updated></entry>'
                for n, at in updated.items()
            )
            text = (
                f'<feed xmlns="http://www.w3.org/2005/Atom"><title>전북일보</title>{entries}</feed>'
            )
            return httpx.Response(200, headers={"content-type": "application/atom+xml"}, text=text)
        n = int(request.url.path.rsplit("/", 1)[1])
        page = PAGE.format(body=body.get(n, BODY))
        return httpx.Response(200, headers={"content-type": "text/html"}, text=page)

    poller = Poller(
        ["https://news.test/atom"], fetcher=Fetcher(transport=httpx.MockTransport(handler))
    )
    assert ids(poller.poll()) == ["tag:news.test,2026:1", "tag:news.test,2026:2"]
    updated[1] = "2026-11-24T17:02:00+09:00"
    body[1] = BODY.replace("40억", "45억")
    fetched.clear()
    (item,) = poller.poll()
    assert item.id == "tag:news.test,2026:1" and "45억" in str(item.html)
    assert fetched == ["/atom", "/a/1"]
    fetched.clear()
    assert poller.poll() == [] and fetched == ["/atom"]


def test_a_file_rewritten_in_place_is_read_again_and_a_bad_line_is_its_own_error(tmp_path):
    """The same file (same inode), rewritten longer with other lines first: read again from
    its start (its old lines are already stored, so reading them again changes nothing). A
    line of the new part that is not UTF-8 is an error of its own; the others are read."""
    feed = tmp_path / "wire.jsonl"
    feed.write_text(line(1) + "\n" + line(2) + "\n", encoding="utf-8")
    poller = Poller([str(feed)])
    assert ids(poller.poll()) == ["a1", "a2"]
    with feed.open("r+", encoding="utf-8") as f:  # in place: the inode stays
        f.write(line(3) + "\n" + line(1) + "\n" + line(2) + "\n")
    assert ids(poller.poll()) == ["a3", "a1", "a2"]
    with feed.open("ab") as f:
        f.write(b'{"id": "latin", "text": "caf\xe9"}\n' + line(4).encode() + b"\n")
    got = poller.poll()
    assert ids(got) == ["a4"]
    (bad,) = [i for i in got if isinstance(i, InputError)]
    assert (bad.line, bad.message) == (4, "not UTF-8 text: invalid continuation byte at byte 28")


def test_the_last_poll_reads_a_last_line_without_its_newline(tmp_path):
    """A JSONL line waits for its newline (a writer may be half way through it), unless no
    poll comes after this one (`watch --once`)."""
    feed = tmp_path / "wire.jsonl"
    feed.write_text(line(1) + "\n" + line(2), encoding="utf-8")
    assert ids(Poller([str(feed)]).poll()) == ["a1"]
    assert ids(Poller([str(feed)], last_poll=True).poll()) == ["a1", "a2"]


def test_the_last_poll_leaves_a_half_written_last_line_with_a_note(tmp_path):
    """A last line without its newline that is not whole JSON yet (the writer is half way
    through it) was an error of `watch --once`, and a cron job failed at every run that met
    a writer mid-line: it is an `Unfinished` note, and the next run reads it whole."""
    from newsmoa.errors import Unfinished

    feed = tmp_path / "wire.jsonl"
    feed.write_text(line(1) + "\n" + line(2)[:30], encoding="utf-8")
    got = Poller([str(feed)], last_poll=True).poll()
    assert ids(got) == ["a1"]
    (note,) = [i for i in got if isinstance(i, InputError)]
    assert isinstance(note, Unfinished) and note.line == 2
    assert "left for the next run" in note.message
    feed.write_text(line(1) + "\n" + line(2) + "\n", encoding="utf-8")
    assert ids(Poller([str(feed)], last_poll=True).poll()) == ["a1", "a2"]


def test_an_entry_whose_link_is_dead_is_tried_again_later_not_at_every_poll():
    """The error names the link and its answer; the link is fetched again after 2, then 4
    polls (not 16 times in 16 polls), and read once it answers."""
    fetched: list[str] = []
    alive = False

    def handler(request: httpx.Request) -> httpx.Response:
        fetched.append(request.url.path)
        if request.url.path == "/rss":
            body = FEED.format(items=ITEM.format(n=1))
            return httpx.Response(200, headers={"content-type": "application/rss+xml"}, text=body)
        if not alive:
            return httpx.Response(404, text="no")
        return httpx.Response(
            200, headers={"content-type": "text/html"}, text=PAGE.format(body=BODY)
        )

    poller = Poller(
        ["https://news.test/rss"], fetcher=Fetcher(transport=httpx.MockTransport(handler))
    )
    (error,) = poller.poll()
    assert "https://news.test/a/1: cannot fetch: HTTP 404" in str(error)
    tried = []
    for _poll in range(2, 9):
        fetched.clear()
        poller.poll()
        tried.append("/a/1" in fetched)
    assert tried == [False, True, False, False, False, True, False]  # polls 3 and 7
    alive = True
    for _ in range(8):
        got = poller.poll()
        if got:
            break
    assert ids(got) == ["https://news.test/a/1"]


def test_an_entry_read_from_its_summary_for_a_dead_link_reads_its_page_when_it_answers():
    """An entry whose link answered 404 is read from its summary (a note says so); its link
    is tried again as a dead link's is (after 2, then 4 polls), and once it answers the page
    is read: the newer version of the article, not an entry passed over for good."""
    fetched: list[str] = []
    alive = False
    item = ITEM.replace("</item>", f"<description>{BODY[:30]}…</description></item>")

    def handler(request: httpx.Request) -> httpx.Response:
        fetched.append(request.url.path)
        if request.url.path == "/rss":
            body = FEED.format(items=item.format(n=1))
            return httpx.Response(200, headers={"content-type": "application/rss+xml"}, text=body)
        if not alive:
            return httpx.Response(404, text="no")
        return httpx.Response(
            200, headers={"content-type": "text/html"}, text=PAGE.format(body=BODY)
        )

    poller = Poller(
        ["https://news.test/rss"], fetcher=Fetcher(transport=httpx.MockTransport(handler))
    )
    (first,) = poller.poll()
    assert first.html is None and "HTTP 404" in (first.note or "")
    tried = []
    for _poll in range(2, 9):
        fetched.clear()
        poller.poll()
        tried.append("/a/1" in fetched)
    assert tried == [False, True, False, False, False, True, False]  # polls 3 and 7
    alive = True
    for _ in range(8):
        got = poller.poll()
        if got:
            break
    (page,) = got
    assert page.note is None and BODY in (page.html or "")
    assert [poller.poll() for _ in range(70)] == [[]] * 70  # read: not fetched again


def test_a_file_still_being_written_waits_until_it_has_settled(tmp_path):
    """`watch` polled a .txt while it was being written, stored the half, then the whole as
    a new version (a black-box test): a whole file modified within `settle_s` of the poll
    waits, and is read once, complete, at a later poll. JSONL is read by whole lines."""
    now = [1_000_000.0]
    poller = Poller([str(tmp_path)], settle_s=2.0, clock=lambda: now[0])
    half = tmp_path / "one.txt"
    half.write_text(BODY[: len(BODY) // 2], encoding="utf-8")
    os.utime(half, (now[0] - 0.5, now[0] - 0.5))  # written half a second ago
    assert poller.poll() == []
    half.write_text(BODY, encoding="utf-8")
    os.utime(half, (now[0], now[0]))
    now[0] += 5  # untouched since
    (item,) = poller.poll()
    assert item.text == BODY
    assert poller.poll() == []


def test_a_file_dated_in_the_future_is_read_at_once(tmp_path):
    """A zip unpacked from another zone (or a share's clock ahead) dates a file later than
    now: no sign that it is being written, and it waited forever (a review)."""
    now = 1_000_000.0
    poller = Poller([str(tmp_path)], settle_s=2.0, clock=lambda: now)
    ahead = tmp_path / "one.txt"
    ahead.write_text(BODY, encoding="utf-8")
    os.utime(ahead, (now + 9 * 3600, now + 9 * 3600))
    assert [i.text for i in poller.poll()] == [BODY]


def test_a_folders_other_files_are_named_once(tmp_path):
    """As `ingest` names them (a review: `watch` skipped them without a word)."""
    from newsmoa.errors import Skipped

    (tmp_path / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    poller = Poller([str(tmp_path)])
    first = poller.poll()
    assert [type(i).__name__ for i in first] == ["RawItem", "Skipped"]
    assert isinstance(first[1], Skipped) and first[1].origin == str(tmp_path / "photo.jpg")
    assert poller.poll() == []


def test_what_leaves_a_watched_folder_is_said_once(tmp_path):
    """A file renamed in a watched folder is said to be (and not read again), a deleted one
    is said to be gone, and a watched folder or file that disappears is said to be gone and
    then back: `watch` said nothing of any of them, and read a renamed file as a new one."""
    folder = tmp_path / "clips"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "b.jsonl").write_text(line(1) + "\n", encoding="utf-8")
    wire = tmp_path / "wire.jsonl"
    wire.write_text(line(2) + "\n", encoding="utf-8")
    notes: list[str] = []
    poller = Poller([str(folder), str(wire)], on_note=notes.append)
    assert len(poller.poll()) == 3 and notes == []
    (folder / "a.txt").rename(folder / "c.txt")
    (folder / "b.jsonl").unlink()
    wire.unlink()
    assert poller.poll() == []
    assert notes == [
        f"{folder / 'a.txt'}: renamed to {folder / 'c.txt'} (what was read of it is not read again)",
        f"{folder / 'b.jsonl'}: deleted or moved away; its articles stay in the store",
        f"{wire}: gone (deleted, moved or unmounted); its articles stay in the store, and it is"
        " watched for its return",
    ]
    notes.clear()
    assert poller.poll() == [] and notes == []  # said once
    folder.rename(tmp_path / "elsewhere")
    assert poller.poll() == [] and notes == [
        f"{folder}: gone (deleted, moved or unmounted); its articles stay in the store, and it"
        " is watched for its return"
    ]
    notes.clear()
    (tmp_path / "elsewhere").rename(folder)  # back, unchanged: nothing read again
    wire.write_text(line(3) + "\n", encoding="utf-8")
    assert ids(poller.poll()) == ["a3"]
    assert notes == [f"{folder}: back; watched again", f"{wire}: back; watched again"]


def test_a_jsonl_file_rotated_under_a_new_name_is_read_on_from_where_it_was(tmp_path):
    """A log rotation renames the file while its writer may still add a line to it: the
    lines read before are not handed out again under the new name."""
    wire = tmp_path / "wire.jsonl"
    wire.write_text(line(1) + "\n", encoding="utf-8")
    notes: list[str] = []
    poller = Poller([str(tmp_path)], on_note=notes.append)
    assert ids(poller.poll()) == ["a1"]
    rotated = tmp_path / "wire-1.jsonl"
    wire.rename(rotated)
    with rotated.open("a", encoding="utf-8") as f:
        f.write(line(2) + "\n")
    assert ids(poller.poll()) == ["a2"]
    assert notes == [f"{wire}: renamed to {rotated} (what was read of it is not read again)"]


def test_a_file_address_is_watched_as_the_file_it_names(tmp_path):
    """`watch file:///…/clips/` was refused as an unsupported scheme, while `ingest` read the
    same address (`readers.file_url_path`); one on another host is said once."""
    folder = tmp_path / "my clips"
    folder.mkdir()
    (folder / "one.txt").write_text(BODY, encoding="utf-8")
    poller = Poller([folder.as_uri(), "file://server/share/two.txt"])
    got = poller.poll()
    assert [i.origin for i in got if isinstance(i, RawItem)] == [str(folder / "one.txt")]
    (error,) = [i for i in got if isinstance(i, InputError)]
    assert "another host" in error.message
    assert poller.poll() == []
