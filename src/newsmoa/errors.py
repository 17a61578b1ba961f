"""The exceptions newsmoa raises.

    NewsmoaError
    ├── InputError          an input cannot be read (names the input and, where known, the line)
    │   ├── UnsupportedInput  a file type or URL scheme newsmoa does not read
    │   ├── Skipped         a folder's file newsmoa leaves by design: a note, not an error
    │   └── Unfinished      a JSONL file's last line still being written: left for the next run
    ├── StoreError          the store cannot be opened, migrated or written
    ├── NotFound            a story or article id that is not stored
    ├── Refused             a correction that cannot be made as asked (names what is wrong)
    └── ConfigError         a setting has a value newsmoa cannot use

The library raises; the CLI and the web layer turn these into one clear line that names the
input. A stage that meets an unusable article returns None and the pipeline counts the reason.
"""

from __future__ import annotations


class NewsmoaError(Exception):
    """Root of every error newsmoa raises on purpose."""


class InputError(NewsmoaError):
    def __init__(self, origin: str, message: str, *, line: int | None = None) -> None:
        self.origin = origin
        self.line = line
        self.message = message
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {message}")


class UnsupportedInput(InputError):
    pass


class Skipped(InputError):
    """A file of a folder that newsmoa does not read (another type, a link to nothing):
    named in the summary as skipped, not counted as an error (a folder of articles often
    holds a photo or a spreadsheet too). `reason` is what the summary counts it under."""

    def __init__(self, origin: str, message: str, *, reason: str) -> None:
        super().__init__(origin, message)
        self.reason = reason


class Unfinished(InputError):
    """A JSONL file's last line without its line end that is not whole JSON yet: the file is
    still being written (a crawler appending to it), so the line is left for the next run or
    poll, which reads it whole. A note, not an error (it was one, and `watch --once` from
    cron failed on every run that met a writer mid-line)."""


class StoreError(NewsmoaError):
    pass


class StoreGone(StoreError):
    """The store's file was deleted or replaced after this process opened it
    (`store.access.GONE`): nothing more may be written to it."""


class Contended(StoreError):
    """Other writers kept changing what a re-decision read, try after try; that span was
    left as it was (its articles stay queued for the next one). `partial`: the report of the
    spans decided before it (committed), when there were any."""

    partial: object = None


class NotFound(NewsmoaError):
    pass


class Refused(NewsmoaError):
    pass


class ConfigError(NewsmoaError):
    pass
