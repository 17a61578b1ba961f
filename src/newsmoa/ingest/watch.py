"""What is new in a set of sources since the last look, for `newsmoa watch`.

A `Poller` keeps, per source, what it has already handed out:

- a file (given, or found in a folder): read again when its size or modification time
  changes, once it has not changed for `settle_s` seconds (it may still be being written);
  a `.jsonl` file that only grew is read from where the last read ended, whole lines only
  (a line still being written waits for the next poll), with its line numbers kept;
- a feed: fetched on every poll; entries whose id (or link) an earlier poll handed out are
  skipped before their linked page is fetched, unless the feed changed them since (a new
  `<updated>`, title, teaser or content: `web.entry_version`), which are read again;
- a page: read once.

An error is reported once (until its source changes), not on every poll. Items come out as
`RawItem`s or `InputError`s naming the input, as from `read_sources`.

What leaves a watched folder is said (`on_note`), once: a file deleted or moved away (its
articles stay in the store), a file renamed in it (the same file, by its inode: it is not read
again, and a JSONL file renamed by a log rotation is read on from where it was), a watched
folder or file that is gone (deleted, moved, a share unmounted), and when it is back. A source
that is gone is watched for its return; its files that come back unchanged are not read again.
A source missing at the first poll is an error (a mistyped name), as before.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsmoa.errors import InputError
from newsmoa.ingest.readers import (
    JSONL_SUFFIXES,
    Item,
    decode,
    file_url_path,
    folder_entries,
    path_name,
    read_file,
    read_jsonl,
    read_jsonl_bytes,
    unsupported_scheme,
    url_scheme,
)
from newsmoa.types import RawItem


def _local(source: str) -> str | InputError:
    """`source`, or the path a `file://` address names (`readers.file_url_path`), as `ingest`
    reads it."""
    if url_scheme(source) != "file":
        return source
    path = file_url_path(source)
    return path if isinstance(path, InputError) else str(path)


@dataclass(slots=True)
class _FileState:
    inode: int
    mtime_ns: int
    size: int
    consumed: int = 0  # bytes of whole lines read (JSONL tail reads)
    lines: int = 0  # lines in those bytes
    last: bytes = b""  # the last of those bytes (up to `LAST_BYTES`): still there if it grew


LAST_BYTES = 64


def _still(path: Path, old: _FileState) -> bool:
    """Whether the bytes read last are still where they were (a file rewritten in place,
    longer than before, is read again from its start)."""
    try:
        with path.open("rb") as f:
            f.seek(old.consumed - len(old.last))
            return f.read(len(old.last)) == old.last
    except OSError:
        return False


def _renamed(path: Path, st: os.stat_result, old: _FileState) -> bool:
    """Whether the file at `path` (`st`), of the inode a file read before had, is that file
    renamed: unchanged, or a JSONL file that only grew (a log rotated while being written);
    not a new file given the inode of one deleted."""
    if (st.st_mtime_ns, st.st_size) == (old.mtime_ns, old.size):
        return True
    return old.consumed > 0 and st.st_size >= old.consumed and _still(path, old)


UNREAD_MAX_POLLS = 64  # the longest wait, in polls, before a dead entry is tried again
# A text or HTML file written this recently may still be being written: it waits for a later
# poll (a half-written .txt was stored, then stored again as a new version once complete;
# a JSONL file is read by whole lines instead)
SETTLE_S = 2.0


@dataclass
class Poller:
    sources: list[str]
    fetcher: object | None = None  # an `ingest.web.Fetcher` (made on the first URL)
    last_poll: bool = False  # read a JSONL file's last line without its newline too (--once)
    settle_s: float = 0.0  # a whole file modified this recently waits (`SETTLE_S`; 0: never)
    clock: Callable[[], float] = time.time
    on_note: Callable[[str], None] = lambda note: None  # what left a source, or came back
    _files: dict[Path, _FileState] = field(default_factory=dict)
    # feed entries handed out: key -> its `web.entry_version` (one changed is read again)
    _entries: dict[str, str] = field(default_factory=dict)
    _pages: set[str] = field(default_factory=set)  # pages read
    _errors: set[str] = field(default_factory=set)  # errors reported
    # feed entries that could not be read (a dead link): key -> (the poll to try it again
    # at, polls waited last); each failure doubles the wait, up to UNREAD_MAX_POLLS
    _unread: dict[str, tuple[int, int]] = field(default_factory=dict)
    _polls: int = 0
    _gone: set[str] = field(default_factory=set)  # sources seen before and gone now
    _seen: set[str] = field(default_factory=set)  # sources found at some poll

    def poll(self) -> list[Item]:
        """Everything new since the last poll (everything, the first time)."""
        self._polls += 1
        out: list[Item] = []
        for given in self.sources:
            source = _local(given)  # (a `file://` address was refused as a scheme)
            if isinstance(source, InputError):
                out.extend([source] if str(source) not in self._errors else [])
                self._errors.add(str(source))
                continue
            scheme = url_scheme(source)
            items: Iterable[Item]
            if scheme in ("http", "https"):
                items = self._url(source)
            elif scheme:
                items = [unsupported_scheme(source, scheme)]
            elif self._missing(source):
                continue
            elif Path(source).is_dir():
                entries = folder_entries(Path(source))
                self._moved(Path(source), [p for p, skipped in entries if skipped is None])
                items = (
                    item
                    for p, skipped in entries
                    for item in ([skipped] if skipped is not None else self._file(p))
                )
            else:
                items = self._file(Path(source))
            for item in items:
                if isinstance(item, InputError):
                    if str(item) in self._errors:
                        continue
                    self._errors.add(str(item))
                out.append(item)
        return out

    def _missing(self, source: str) -> bool:
        """Whether `source`, a folder or file found at an earlier poll, is gone now (said once,
        as its return is). One never found is read, to say why it cannot be (a mistyped name)."""
        if os.path.lexists(source):
            self._seen.add(source)
            if source in self._gone:
                self._gone.discard(source)
                self.on_note(f"{source}: back; watched again")
            return False
        if source not in self._seen:
            return False
        if source not in self._gone:
            self._gone.add(source)
            self.on_note(
                f"{source}: gone (deleted, moved or unmounted); its articles stay in the store,"
                " and it is watched for its return"
            )
        return True

    def _moved(self, folder: Path, present: list[Path]) -> None:
        """Say which files read from `folder` before are not in it now: renamed (the same
        inode under a new name, which takes over what was read of it) or deleted."""
        now = set(present)
        left = {p: s for p, s in self._files.items() if folder in p.parents and p not in now}
        if not left:
            return
        by_inode = {s.inode: p for p, s in left.items()}
        for new in present:
            if new in self._files:
                continue
            try:
                st = os.stat(new)
            except OSError:
                continue
            old = by_inode.get(st.st_ino)
            if old is None or not _renamed(new, st, left[old]):  # (an inode used again)
                continue
            del by_inode[st.st_ino]
            self._files[new] = self._files.pop(old)
            del left[old]
            self.on_note(
                f"{path_name(old)}: renamed to {path_name(new)}"
                " (what was read of it is not read again)"
            )
        for old in left:
            del self._files[old]
            self.on_note(f"{path_name(old)}: deleted or moved away; its articles stay in the store")

    def _url(self, url: str) -> Iterator[Item]:
        from newsmoa.ingest.web import Fetcher, read_url

        if url in self._pages:
            return
        self.fetcher = self.fetcher or Fetcher()
        waiting = {k for k, (at, _) in self._unread.items() if self._polls < at}
        unread: set[str] = set()
        versions: dict[str, str] = {}
        known: dict[str, str | None] = {**self._entries, **dict.fromkeys(waiting)}
        for item in read_url(
            url,
            self.fetcher,  # type: ignore[arg-type]
            known=known,
            unread=unread,
            versions=versions,
        ):
            if isinstance(item, RawItem) and item.origin == url:
                self._pages.add(url)  # a page, not a feed: read once
            elif isinstance(item, RawItem) and item.id and item.note is None:
                # a feed entry: skipped from now on, until the feed changes it (one read from
                # its summary for a dead link is read again when its link is tried again)
                self._entries[item.id] = versions.get(item.id, "")
                self._unread.pop(item.id, None)
            yield item
        for key in unread:  # a dead link is not fetched at every poll
            wait = min(2 * self._unread.get(key, (0, 1))[1], UNREAD_MAX_POLLS)
            self._unread[key] = (self._polls + wait, wait)

    def _file(self, path: Path) -> Iterator[Item]:
        try:
            st = path.stat()
        except OSError as exc:
            yield InputError(path_name(path), f"cannot read: {exc.strerror or exc}")
            return
        old = self._files.get(path)
        if old and (old.inode, old.mtime_ns, old.size) == (st.st_ino, st.st_mtime_ns, st.st_size):
            return
        self._forget_errors(path_name(path))
        if path.suffix.lower() in JSONL_SUFFIXES:
            grew = (
                old is not None
                and old.inode == st.st_ino
                and st.st_size >= old.consumed
                and _still(path, old)
            )
            start = old if grew else None  # the same file, grown: read on from where we were
            yield from self._tail(path, st, start or _FileState(st.st_ino, 0, 0))
            return
        if 0 <= self.clock() - st.st_mtime_ns / 1e9 < self.settle_s:
            return  # may still be being written: its state stays as it was, read next time
        # (a time in the future, a zip unpacked from another zone, is no sign of writing)
        self._files[path] = _FileState(st.st_ino, st.st_mtime_ns, st.st_size)
        yield from read_file(path)

    def _tail(self, path: Path, st: os.stat_result, old: _FileState) -> Iterator[Item]:
        """The whole lines of a JSONL file after those read before."""
        try:
            with path.open("rb") as f:
                f.seek(old.consumed)
                data = f.read()
        except OSError as exc:
            yield InputError(path_name(path), f"cannot read: {exc.strerror or exc}")
            return
        # a last line without its newline waits for it, unless no poll comes after this one
        whole = data if self.last_poll else data[: data.rfind(b"\n") + 1]
        self._files[path] = _FileState(
            st.st_ino,
            st.st_mtime_ns,
            st.st_size,
            old.consumed + len(whole),
            old.lines + whole.count(b"\n"),
            (old.last + whole)[-LAST_BYTES:],
        )
        if not whole:
            return
        origin = path_name(path)
        text = decode(origin, whole)
        if isinstance(text, InputError):  # a line that is not UTF-8: an error of its own
            yield from read_jsonl_bytes(origin, whole, first_line=old.lines + 1, growing=True)
            return
        yield from read_jsonl(origin, text, first_line=old.lines + 1, growing=True)

    def _forget_errors(self, origin: str) -> None:
        self._errors = {e for e in self._errors if not e.startswith(origin)}
