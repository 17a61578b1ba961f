"""What a backfill hands back and how it is written: the `cluster` contract plus the groups.

OUT: one line per input line, in input order, exactly as `newsmoa cluster` writes it:
`{"id": ..., "story": ...}`, or `{"line": N, "error": "..."}` for a line that cannot be used.

Near-duplicates (default `OUT.near_duplicates.jsonl`): one line per group of two or more
articles linked by checked pairs, ordered by the group's first input line:
`{"articles": [ids], "lines": [input lines], "stories": [story of each article]}`. A group is
evidence, not a rule: its articles may sit in different stories.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsmoa.outfile import writing


@dataclass(slots=True)
class Result:
    """One engine's answer. `rows` is consumed once, in input order (it may stream)."""

    rows: Iterator[dict]
    groups: list[dict]
    stats: dict[str, float | int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts of a written result; `errors` holds (line, message) of the unusable lines."""

    lines: int
    stories: int
    groups: int
    errors: tuple[tuple[int, str], ...]
    stats: dict[str, float | int]


def near_duplicates_path(out: str) -> str | None:
    """The default path of the near-duplicate groups next to OUT (none when OUT is stdout)."""
    return None if out == "-" else f"{out}.near_duplicates.jsonl"


def _dump(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False) + "\n"


def write_result(result: Result, out: str, groups_out: str | None) -> Summary:
    """Write the rows to `out` ("-" is stdout) and the groups to `groups_out` (if given)."""
    lines = 0
    stories: set[str] = set()
    errors: list[tuple[int, str]] = []
    with writing(out) as handle:
        for row in result.rows:
            handle.write(_dump(row))
            lines += 1
            if "error" in row:
                errors.append((row["line"], row["error"]))
            else:
                stories.add(row["story"])
    if groups_out:
        with writing(groups_out) as handle:
            for group in result.groups:
                handle.write(_dump(group))
    return Summary(lines, len(stories), len(result.groups), tuple(errors), dict(result.stats))


def group_rows(groups: list[list[int]], ids: dict[int, str], stories: dict[int, str]) -> list[dict]:
    """The near-duplicate lines of groups of input lines (id and story of each line)."""
    return [
        {
            "articles": [ids[line] for line in group],
            "lines": list(group),
            "stories": [stories[line] for line in group],
        }
        for group in groups
    ]
