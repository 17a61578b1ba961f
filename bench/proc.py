"""Run a command as a child and measure it: wall time, CPU time, peak memory of its process tree.

* CPU: user + system seconds of the child and all its descendants: `os.wait4` counts the
  child and what it waited for, and a sample of every descendant's /proc times counts the
  rest (worker processes a forkserver started are not waited for by the child), so a run
  disturbed by other load on the machine still reports its own work;
* peak RSS: `ru_maxrss` of the same call, the largest single process of the tree;
* peak tree MB: the sum over the child and its descendants of their proportional set size
  (PSS: a page shared by n processes counts 1/n in each), sampled every `interval_s`; this is
  what several worker processes cost together, which `ru_maxrss` does not show;
* load: the machine's 1-minute load average at the start and at the end (2 cores here).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Measured:
    returncode: int
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    peak_tree_mb: float
    load_start: float
    load_end: float
    stdout: str
    stderr: str


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def _pss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    """User + system seconds of `pid` so far (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime (fields 14, 15)
    except (OSError, IndexError, ValueError):
        return 0.0


def _descendants(pid: int) -> list[int]:
    out, todo = [], _children(pid)
    while todo:
        p = todo.pop()
        out.append(p)
        todo += _children(p)
    return out


def measure(
    cmd: Sequence[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    interval_s: float = 0.1,
) -> Measured:
    """Run `cmd` to the end; its stdout and stderr are returned as text."""
    load_start = os.getloadavg()[0]
    out_r, err_r = os.pipe(), os.pipe()
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out_r[1], stderr=err_r[1])
    os.close(out_r[1])
    os.close(err_r[1])
    chunks: dict[int, list[bytes]] = {out_r[0]: [], err_r[0]: []}

    def drain(fd: int) -> None:
        while data := os.read(fd, 1 << 16):
            chunks[fd].append(data)
        os.close(fd)

    readers = [threading.Thread(target=drain, args=(fd,), daemon=True) for fd in chunks]
    for r in readers:
        r.start()
    peak = 0.0
    seen_cpu: dict[int, float] = {}  # pid in the tree -> its own CPU seconds when last sampled
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            tree = [child.pid, *_descendants(child.pid)]  # walked once per sample
            peak = max(peak, sum(map(_pss_mb, tree)))
            for p in tree:
                seen_cpu[p] = max(seen_cpu.get(p, 0.0), _cpu_s(p))
            stop.wait(interval_s)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    for r in readers:
        r.join()
    waited = usage.ru_utime + usage.ru_stime  # exact, for the child and what it waited for
    sampled = sum(seen_cpu.values())  # every process of the tree, up to its last sample
    return Measured(
        returncode=child.returncode,
        wall_s=wall,
        cpu_s=max(waited, sampled),  # each a lower bound of the whole tree's CPU
        peak_rss_mb=usage.ru_maxrss / 1024,  # Linux: KiB
        peak_tree_mb=peak or usage.ru_maxrss / 1024,  # a run too short to sample
        load_start=load_start,
        load_end=os.getloadavg()[0],
        stdout=b"".join(chunks[out_r[0]]).decode("utf-8", "replace"),
        stderr=b"".join(chunks[err_r[0]]).decode("utf-8", "replace"),
    )
