"""Section "ingest": single-article ingest latency into a store of 1,000,000 articles.

The store (`bench.bigstore`: a year of articles, built once and cached) is copied for each
mode, so every run starts from the same 1,000,000 articles; a worker process
(`bench.ingest_worker`) then warms up once (imports, the analyser in full mode, the story
index for the window around the new articles) and adds the held-out articles of the last two
days one `Newsroom.ingest([item])` call each, in publication order:

* deferred: `defer_analysis=True`, grouping and listing only (what `newsmoa watch` does for
  each arriving article, and an archive load; sentences, facts and the document are made
  after the poll, or when the story is first shown); after the 400 calls, the articles
  within the clustering window of the last one are decided again once
  (`Newsroom.recluster_around`, what `watch` does after a poll), timed apart;
* deferred (cold): the same without the window warm-up: the first call loads the window and
  each later one only the part its time adds (what a process that starts on its first article
  pays);
* full: sentences (Kiwi), facts and the story's document rebuilt on every call.

Latency is wall time per call (p50, p95, p99, max) and CPU time per call (less disturbed by
other load on the machine); memory is the worker's peak RSS; size is the store's file (plus
its WAL) after the run.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from bench import pyspy
from bench.bigstore import DOCS, BigStore, ensure_store
from bench.corpus import Corpus
from bench.proc import measure
from bench.table import print_aligned
from newsmoa.cluster import DEFAULT_CONFIG

ROOT = Path(__file__).resolve().parent.parent
TARGET_P95_MS = 50.0
TARGET_MB = 2048.0
MODES = ("deferred", "deferred (cold)", "full")


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def _copy(big: BigStore, to: Path) -> float:
    for suffix in ("", "-wal", "-shm"):
        Path(str(to) + suffix).unlink(missing_ok=True)
    t = time.perf_counter()
    shutil.copyfile(big.db, to)
    with open(to, "rb+") as f:  # on disk now, so the first checkpoint does not flush the copy
        os.fsync(f.fileno())
    return time.perf_counter() - t


def measure_mode(big: BigStore, mode: str, *, profile: bool = False) -> dict:
    work = big.folder / "work"
    work.mkdir(exist_ok=True)
    db = work / "copy.db"
    copy_s = _copy(big, db)
    name, cold = mode.split(" ")[0], mode.endswith("(cold)")
    cmd = [sys.executable, "-m", "bench.ingest_worker", str(db), str(big.holdout), name]
    cmd += ["--cold"] if cold else []
    if profile and pyspy.available() and not cold:
        raw = work / f"profile-{name}.txt"
        got = pyspy.record(cmd, raw, cwd=ROOT, env=_env())
    else:
        raw = None
        got = measure(cmd, cwd=ROOT, env=_env())
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    if got.returncode != 0:
        raise RuntimeError(f"ingest worker ({mode}) failed:\n{got.stderr[-3000:]}")
    result = json.loads([x for x in got.stdout.splitlines() if x.startswith("{")][-1])
    result.update(copy_s=copy_s, load_start=got.load_start, load_end=got.load_end, raw=raw)
    return result


def run(
    corpus: Corpus, *, runs: int = 1, profile: bool = False, store_docs: int = DOCS
) -> list[dict]:
    """Build (once) or reuse the big store, measure each mode, print the table.

    `corpus` (the 50,000) is not used: this section has its own year of articles. `runs` is
    not used either: each mode's figures come from one pass of 400 calls over a fresh copy
    of the store (a copy of ~10 GB per pass)."""
    del corpus, runs
    big = ensure_store(store_docs)
    rows = []
    for mode in MODES:
        print(f"  ingest: {mode} ...", flush=True)
        rows.append(measure_mode(big, mode, profile=profile))
    print_table(rows, big)
    for row in rows:
        if row["raw"]:
            print()
            pyspy.print_summary(
                row["raw"],
                f"ingest {row['mode']} (samples inside Newsroom.ingest only)",
                within="newsmoa/pipeline.py:Newsroom.ingest",
            )
    return rows


def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


SIZES = ((1, 1), (2, 5), (6, 20), (21, 10**9))


def _fmt_sizes(rows: list[dict]) -> None:
    head = ["story size", *(r["mode"] for r in rows)]
    body = []
    for lo, hi in SIZES:
        cells = [f"{lo}" if lo == hi else f"{lo}+" if hi > 10**6 else f"{lo}-{hi}"]
        for r in rows:
            w = [t for t, n in zip(r["wall_ms"], r["story_sizes"], strict=True) if lo <= n <= hi]
            cells.append(f"{len(w)}: {_pct(w, 50):.0f} / {_pct(w, 95):.0f}" if w else "-")
        body.append(cells)
    print_aligned(head, body, rule=False)


def print_table(rows: list[dict], big: BigStore) -> None:
    meta = big.read_meta()
    head = ("mode", "calls", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms",
            "CPU p50", "CPU p95", "joined/new", "warm-up s", "peak MB", "load")  # fmt: skip
    body = []
    for r in rows:
        w, c = r["wall_ms"], r["cpu_ms"]
        joined = sum(p == "joined" for p in r["placed"])
        new = sum(p == "new" for p in r["placed"])
        body.append((
            r["mode"], f"{r['articles']}", f"{_pct(w, 50):.1f}", f"{_pct(w, 95):.1f}",
            f"{_pct(w, 99):.1f}", f"{max(w):.1f}", f"{statistics.fmean(w):.1f}",
            f"{_pct(c, 50):.1f}", f"{_pct(c, 95):.1f}", f"{joined}/{new}",
            f"{r['window_s']:.1f} + {r['model_s']:.1f}", f"{r['peak_mb']:,.0f}",
            f"{r['load_start']:.1f} / {r['load_end']:.1f}",
        ))  # fmt: skip
    print()
    print(
        f"ingest: one article per Newsroom.ingest call into a store of "
        f"{meta['articles']:,} articles ({meta['stories']:,} stories, "
        f"{meta['db_bytes'] / 1e9:.1f} GB on disk), one warm process per mode"
    )
    print_aligned(head, body)
    for r in rows:
        p95 = _pct(r["wall_ms"], 95)
        cpu95 = _pct(r["cpu_ms"], 95)
        print(
            f"target {r['mode']}: p95 <= {TARGET_P95_MS:.0f} ms: {p95:.1f} ms wall "
            f"({'met' if p95 <= TARGET_P95_MS else 'NOT met'}), {cpu95:.1f} ms CPU; "
            f"memory <= {TARGET_MB / 1024:.0f} GB: {r['peak_mb']:,.0f} MB "
            f"({'met' if r['peak_mb'] <= TARGET_MB else 'NOT met'})"
        )
    for r in rows:
        if r.get("recluster"):
            g = r["recluster"]
            print(
                f"after the {r['mode']} pass, the articles within the clustering window "
                f"({DEFAULT_CONFIG.window_hours:g} h) of the last one decided "
                f"again (Newsroom.recluster_around, what ingest and watch do after a batch): "
                f"{g['articles']:,} articles in {g['wall_s']:.1f} s "
                f"wall, {g['cpu_s']:.1f} s CPU; {g['moved']} moved, {g['absorbed']} stories "
                f"absorbed, {g['founded']} split off, {g['stories']} stories listed again"
            )
    print()
    print("by the size of the article's story after the call: calls, p50 / p95 ms wall")
    _fmt_sizes(rows)
    r0 = rows[0]
    print(
        f"warm-up, once per process: story index for the window ({r0['window_articles']:,} "
        f"stored articles) + first calls of the stage functions (numba caches; Kiwi and the "
        f"fact tables in full mode); imports {r0['import_s']:.1f} s not counted; in the cold "
        f"pass the first call loads the window instead (its max ms)."
    )
    print(
        "joined/new: calls whose article joined a stored story / founded one (the rest joined "
        "a story founded earlier in this run); CPU: process time per call; load: 1-minute "
        "load average at start / end of the pass (2 cores, shared)."
    )
    print(
        f"store: built in {meta['build_s'] / 60:,.0f} min ({meta['ingest_s'] / 60:,.0f} min "
        f"grouping at {meta['articles'] / meta['ingest_s']:,.0f} articles/s with "
        f"Newsroom.ingest(batches of 50,000, defer_analysis=True); "
        f"{meta['analysed_articles']:,} articles of the last days' stories analysed and their "
        f"documents built in {meta['analyse_s'] / 60:,.0f} min), at {meta['commit']}, "
        f"{meta['built']}; after each pass {max(r['db_bytes'] for r in rows) / 1e9:.1f} GB "
        f"with WAL."
    )
