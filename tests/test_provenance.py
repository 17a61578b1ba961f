"""Whether an item was read from the input a stored version came from (`newsmoa.provenance`)."""

from __future__ import annotations

from newsmoa.provenance import same_input


def test_a_path_typed_from_another_folder_is_the_same_input_its_position_aside():
    assert same_input("/home/press/archive/a.jsonl:7", "archive/a.jsonl:3")
    assert same_input("./a.jsonl:1", "a.jsonl:1")
    assert same_input("clips/a.txt#2", "clips/a.txt")


def test_another_file_or_url_is_another_input():
    assert not same_input("a.jsonl:1", "b.jsonl:1")
    assert not same_input("2026-11-24/export.jsonl:1", "2026-11-25/export.jsonl:1")
    assert not same_input("https://news.example/x", "https://news.example/y")
    assert not same_input("https://news.example/feed#3", "feed.jsonl:3")


def test_a_feed_item_moved_in_its_feed_is_the_same_input():
    assert same_input("https://news.example/feed.xml#5", "https://news.example/feed.xml#2")


def test_a_stored_local_file_is_its_input_whatever_its_origin_said():
    assert same_input("/tmp/clips/b.txt", "old/a.txt", "/tmp/clips/b.txt")


def test_a_stored_path_that_names_a_file_here_is_that_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("clips/a.jsonl", "backup/a.jsonl"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("{}\n", encoding="utf-8")
    assert same_input(str(tmp_path / "clips/a.jsonl:1"), "clips/a.jsonl:1")
    assert not same_input("backup/a.jsonl:1", "clips/a.jsonl:1")
    assert not same_input("a.jsonl:1", str(tmp_path / "clips/a.jsonl:1"))
    assert not same_input(str(tmp_path / "backup/a.txt"), "clips/a.txt", "/x/clips/a.txt")
