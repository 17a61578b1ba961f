"""The benchmarks' text tables: first column left-aligned, the others right-aligned."""

from __future__ import annotations

from collections.abc import Sequence


def print_aligned(head: Sequence[str], body: Sequence[Sequence[str]], *, rule: bool = True) -> None:
    """Print `head` and `body` as columns; `rule`: a line of dashes under the head."""
    table = [head, *body]
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    for k, row in enumerate(table):
        cells = [row[0].ljust(widths[0])]
        cells += [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        print("  ".join(cells))
        if k == 0 and rule:
            print("  ".join("-" * w for w in widths))
