"""Section "signatures": MinHash signatures, newsmoa against datasketch and rensa, side by side.

Each method runs in its own process (`bench.sig_worker`) on the same corpus: docs/s is the
median of the timed runs, memory is the process's peak resident set (`ru_maxrss`) and its rise
over the baseline taken after the corpus was loaded; quality columns come from the whole
corpus's signatures through the same LSH and check (see `bench.quality`).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.corpus import Corpus
from bench.methods import BY_NAME, METHODS
from bench.quality import family_truth, score
from bench.table import print_aligned

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DATASKETCH = "datasketch-sha1"
REFERENCE_RENSA = "rensa"
TARGETS = {"datasketch-sha1": 30.0, "rensa": 10.0}
NOTES = (
    "docs/s: wall clock; docs/cpu-s: per second of the process's CPU time (all its threads), "
    "less disturbed by other load on the machine.",
    "peak MB: the process's ru_maxrss; +MB: peak over the process once the corpus was loaded "
    "(and, for the other libraries, folded), before the method's library was imported.",
    "truth: {pairs:,} injected family pairs, {targets:,} with exact J >= 0.5 (the recall base); "
    "precision: share of checked pairs that are family pairs; MAE: mean |estimate - exact J| "
    "over all family pairs.",
)


def _measure(name: str, corpus: Corpus, runs: int) -> dict:
    out = corpus.folder / "sigs" / f"{name}.npy"
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "bench.sig_worker",
        name,
        "--corpus",
        str(corpus.folder),
        "--docs",
        str(corpus.docs),
        "--runs",
        str(runs),
        "--out",
        str(out),
    ]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(corpus: Corpus, *, runs: int = 3, only: list[str] | None = None) -> list[dict]:
    """Measure every method (or `only` these), print the table, return its rows."""
    import numpy as np

    truth = family_truth(corpus)
    rows = []
    for method in METHODS:
        if only and method.name not in only:
            continue
        print(f"  signatures: {method.name} ...", flush=True)
        result = _measure(method.name, corpus, runs)
        result.update(score(np.load(result["sigs"]), truth))
        result["rate"] = statistics.median(result["rates"])
        result["cpu_rate"] = statistics.median(result["cpu_rates"])
        rows.append(result)
    print_table(rows, corpus, runs, int(truth.jaccard.size), int((truth.jaccard >= 0.5).sum()))
    return rows


def _ratio(row: dict, rows: dict[str, dict], ref: str, key: str = "rate") -> str:
    return f"{row[key] / rows[ref][key]:.1f}x" if ref in rows else "-"


def print_table(rows: list[dict], corpus: Corpus, runs: int, pairs: int, targets: int) -> None:
    """One table: medians, ratios against datasketch (default hash) and rensa, quality."""
    by_name = {r["method"]: r for r in rows}
    head = ("method", "docs/s", "x ds-sha1", "x rensa", "docs/cpu-s", "x ds-sha1", "x rensa",
            "peak MB", "+MB", "cand/doc", "recall", "rec .5-.6", "precision", "MAE")  # fmt: skip
    body = []
    for r in rows:
        label = BY_NAME[r["method"]].label
        if r["timed_docs"] < corpus.docs:
            label += f" [timed {r['timed_docs']:,}]"
        body.append((
            label,
            f"{r['rate']:,.0f}",
            _ratio(r, by_name, REFERENCE_DATASKETCH),
            _ratio(r, by_name, REFERENCE_RENSA),
            f"{r['cpu_rate']:,.0f}",
            _ratio(r, by_name, REFERENCE_DATASKETCH, "cpu_rate"),
            _ratio(r, by_name, REFERENCE_RENSA, "cpu_rate"),
            f"{r['peak_mb']:,.0f}",
            f"{r['peak_mb'] - r['base_mb']:,.0f}",
            f"{r['cands_per_doc']:.1f}",
            f"{r['recall']:.4f}",
            f"{r['recall_05_06']:.4f}",
            f"{r['precision']:.4f}",
            f"{r['mae']:.4f}",
        ))  # fmt: skip
    print()
    print(
        f"MinHash signatures: {corpus.docs:,} articles, 128 slots, 5-codepoint shingles of "
        f"folded text; docs/s = median of {runs} runs; LSH 32x4 + check J>=0.5 for all"
    )
    print_aligned(head, body)
    for note in NOTES:
        print(note.format(pairs=pairs, targets=targets))
    for name, target in TARGETS.items():
        for n in ("newsmoa-1t", "newsmoa-2t"):
            if name in by_name and n in by_name:
                got = by_name[n]["rate"] / by_name[name]["rate"]
                cpu = by_name[n]["cpu_rate"] / by_name[name]["cpu_rate"]
                verdict = "met" if got >= target else "NOT met"
                print(
                    f"target {n} >= {target:.0f}x {name}: {got:.1f}x wall ({verdict}), "
                    f"{cpu:.1f}x per CPU-second"
                )
