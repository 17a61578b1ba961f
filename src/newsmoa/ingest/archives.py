"""A zip archive of articles (`clips.zip`, a month of placements sent as one attachment):
each file in it read as the same file on disk is.

`ingest` refused `.zip` as a file type, so a press office unpacked every archive by hand
(a black-box case). A member is named `clips.zip/2024/page.html`; a member of another type
is skipped and named as a folder's file is; a hidden one (`.DS_Store`, macOS's `__MACOSX/`
resource forks) is left out without a word. A member's name written in CP949 without the
archive saying so (as Korean Windows' zip tools write it) is read as CP949, not as cp437's
mojibake.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from newsmoa.errors import InputError, Skipped
from newsmoa.ingest.compressed import plain_bytes
from newsmoa.ingest.readers import (
    NOT_READ,
    READ_SUFFIXES,
    ZIP_SUFFIX,
    Item,
    kind_suffix,
    read_data,
)

MAX_DEPTH = 2  # archives inside an archive read: a zip holding itself would never end
MAX_MEMBER_BYTES = 100 * 1024 * 1024  # a file of articles is far smaller; more is no clip
_UTF8_NAME = 0x800  # the flag saying a member's name is UTF-8


def read_zip(path: Path | IO[bytes], origin: str, *, depth: int = 0) -> Iterator[Item]:
    """The items of every file in the zip archive at `path` (or in a file object), named
    `origin/member`, in the archive's order, an archive in it too (up to `MAX_DEPTH` deep);
    an error naming the archive when it cannot be read at all."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        yield InputError(origin, f"not a zip archive newsmoa can read: {exc}")
        return
    with archive:
        for info in archive.infolist():
            # (`..` and `/` leave the archive's name out: `clips.zip/../inbox/a.txt` was
            # the key of the file `inbox/a.txt`, whose stored article it would replace)
            parts = [p for p in PurePosixPath(member_name(info)).parts if p not in ("/", "..")]
            if (
                info.is_dir()
                or not parts
                or any(p.startswith(".") or p == "__MACOSX" for p in parts)
            ):
                continue
            name = "/".join(parts)
            where = f"{origin}/{name}"
            suffix = kind_suffix(Path(name))
            nested = suffix == ZIP_SUFFIX and depth < MAX_DEPTH  # (months' archives in a year's)
            if suffix not in READ_SUFFIXES and not nested:
                written = PurePosixPath(name).suffix.lower() or "no suffix"
                yield Skipped(where, f"{NOT_READ} ({written})", reason=NOT_READ)
                continue
            if info.file_size > MAX_MEMBER_BYTES:
                yield InputError(where, f"over {MAX_MEMBER_BYTES:,} bytes: not a file of articles")
                continue
            try:
                data = plain_bytes(archive.read(info), MAX_MEMBER_BYTES)
            # (RuntimeError: an encrypted member, read without its password; ValueError:
            # one that decompresses past MAX_MEMBER_BYTES)
            except (OSError, zipfile.BadZipFile, zlib.error, RuntimeError, ValueError) as exc:
                yield InputError(where, f"cannot read from the archive: {exc}")
                continue
            if nested:
                yield from read_zip(io.BytesIO(data), where, depth=depth + 1)
            else:
                yield from read_data(where, suffix, data)


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its archive meant it: UTF-8 when the archive says so, else its
    bytes read as UTF-8 or CP949 (zipfile reads them as cp437)."""
    if info.flag_bits & _UTF8_NAME:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for encoding in ("utf-8", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename
