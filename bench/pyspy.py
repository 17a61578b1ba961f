"""Profiles with py-spy (a sampling profiler: it reads the target's stacks from outside, so the
profiled run is barely slowed) and a short text summary of where the time went.

`record(cmd, raw)` runs `cmd` under `py-spy record --subprocesses -f raw` (collapsed stacks,
worker processes included); `summary(raw)` gives, per function, its share of all samples as
the innermost Python frame ("self") and anywhere on the stack ("total").
"""

from __future__ import annotations

import re
import shutil
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from bench.proc import Measured, measure

_LINE = re.compile(r" \(([^:()]*)(?::\d+)?\)$")


def available() -> str | None:
    """The py-spy executable next to this Python, or on PATH; None when not installed."""
    here = Path(sys.executable).parent / "py-spy"
    return str(here) if here.exists() else shutil.which("py-spy")


def record(cmd: Sequence[str], raw: Path, *, rate_hz: int = 100, **kwargs) -> Measured:  # noqa: ANN003
    exe = available()
    if exe is None:
        raise RuntimeError("py-spy is not installed: pip install py-spy")
    spy = [exe, "record", "--subprocesses", "-r", str(rate_hz), "-f", "raw", "-o", str(raw)]
    return measure([*spy, "--", *cmd], **kwargs)


def _name(frame: str) -> str:
    """'func (newsmoa/cluster/index.py:120)' -> 'newsmoa/cluster/index.py:func'."""
    m = _LINE.search(frame)
    if not m:
        return frame
    path = m.group(1)
    for marker in ("site-packages/", "/src/", "/work/main/"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{path}:{frame[: m.start()]}"


def summary(
    raw: Path, top: int = 15, within: str | None = None
) -> tuple[int, list[tuple[str, float, float]]]:
    """(samples, [(function, self share, total share)]) ordered by self share; with `within`
    (a function as `summary` names it), only the samples with it on the stack count."""
    own: Counter[str] = Counter()
    total: Counter[str] = Counter()
    samples = 0
    for line in raw.read_text("utf-8", "replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = [_name(f) for f in stack.split(";") if not f.startswith("process ")]
        if not frames or (within is not None and within not in frames):
            continue
        samples += n
        own[frames[-1]] += n
        for name in set(frames):
            total[name] += n
    samples = samples or 1
    rows = [(name, own[name] / samples, total[name] / samples) for name, _ in own.most_common(top)]
    return samples, rows


def print_summary(raw: Path, title: str, top: int = 15, within: str | None = None) -> None:
    samples, rows = summary(raw, top, within)
    print(f"{title}: py-spy, {samples:,} samples; self = innermost Python frame, total = on stack")
    width = max((len(r[0]) for r in rows), default=10)
    print(f"{'function'.ljust(width)}   self  total")
    for name, own, tot in rows:
        print(f"{name.ljust(width)}  {own:5.1%}  {tot:5.1%}")
