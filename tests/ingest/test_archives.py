"""Zip archives of articles: each member read as the same file on disk is."""

import gzip
import zipfile

from newsmoa.errors import InputError, Skipped
from newsmoa.ingest.readers import read_sources
from newsmoa.types import RawItem

ARTICLE = "청솔군은 내년 예산을 확정했다고 2일 밝혔다. 총액은 1조 원이다."


def test_a_zip_of_clippings_is_read_member_by_member(tmp_path):
    """A month of placements sent as one `.zip` was refused as a file type (a black-box
    case). Its text, page and compressed JSONL members are read, each named inside the
    archive; a photo is named as skipped, macOS's resource forks are left out, and a
    member's name in CP949 (as Korean Windows writes it) is read as such."""
    archive = tmp_path / "clips.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a/기사.txt", ARTICLE.encode("cp949"))
        z.writestr("page.html", f"<html><body><p>{ARTICLE}</p></body></html>")
        z.writestr(
            "feed.jsonl.gz", gzip.compress(f'{{"id": "j1", "text": "{ARTICLE}"}}\n'.encode())
        )
        z.writestr("photo.jpg", b"\xff\xd8\xff")
        z.writestr("__MACOSX/a/._기사.txt", b"\x00\x05")
        z.writestr("XXXXXXXX.txt", ARTICLE)  # (its name's bytes written in CP949 below)
    korean = "나의기사.txt".encode("cp949")
    archive.write_bytes(archive.read_bytes().replace(b"XXXXXXXX.txt", korean))
    items = list(read_sources([str(archive)]))
    got = {i.origin: i for i in items}
    assert set(got) == {
        f"{archive}/a/기사.txt",
        f"{archive}/page.html",
        f"{archive}/feed.jsonl.gz:1",
        f"{archive}/photo.jpg",
        f"{archive}/나의기사.txt",
    }
    assert got[f"{archive}/a/기사.txt"].text == ARTICLE  # (decoded from CP949 as a file is)
    assert isinstance(got[f"{archive}/feed.jsonl.gz:1"], RawItem)
    assert isinstance(got[f"{archive}/photo.jpg"], Skipped)


def test_a_file_named_zip_that_is_none_is_named(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_text("not an archive", "utf-8")
    (err,) = read_sources([str(bad)])
    assert isinstance(err, InputError) and "not a zip archive" in err.message


def test_an_archive_in_an_archive_is_read(tmp_path):
    """A year's archive holding each month's `.zip` named the months' archives as files of
    a type newsmoa does not read."""
    import io

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("a.txt", ARTICLE)
    outer = tmp_path / "year.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("2026-03.zip", inner.getvalue())
    (item,) = read_sources([str(outer)])
    assert item.origin == f"{outer}/2026-03.zip/a.txt" and item.text == ARTICLE


def test_a_members_dots_stay_inside_the_archive_and_a_gzip_member_is_bounded(tmp_path, monkeypatch):
    """A member `../inbox/a.txt` was named `clips.zip/../inbox/a.txt`, the key of the file
    `inbox/a.txt` beside the archive, whose stored article it would replace; and a gzip
    member was decompressed whole whatever it held, its stated size being its compressed
    one (a review)."""
    from newsmoa.ingest import archives

    archive = tmp_path / "clips.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("../inbox/a.txt", ARTICLE)
        z.writestr("big.jsonl.gz", gzip.compress(b"{" + b" " * 5000 + b"}\n"))
    monkeypatch.setattr(archives, "MAX_MEMBER_BYTES", 4000)
    text, big = read_sources([str(archive)])
    assert isinstance(text, RawItem) and text.origin == f"{archive}/inbox/a.txt"
    assert isinstance(big, InputError) and "over 4,000 bytes once decompressed" in str(big)
