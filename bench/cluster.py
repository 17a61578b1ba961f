"""Section "cluster": end-to-end `newsmoa cluster` on the corpus, the real command in a process.

The corpus's `articles.jsonl` is the command's input contract (id, outlet, title, published,
text), so the command reads it as it is: JSONL read, extraction, features (terms and the
near-duplicate signature), story assignment, output. Each timed run is a fresh process of the
installed `newsmoa` command (`bench.proc.measure`: wall, CPU of the whole process tree, peak
memory); one untimed run on a slice first fills numba's caches. Then:

* quality: the stories of the last run against the corpus's injected events (an event is one
  happening: its one to three independently written originals and their reprints), pairwise
  and B-cubed (`newsmoa.eval.scoring`), so speed is never bought with silent quality loss;
* stages: CPU seconds of each stage run alone over the whole input in one process
  (`bench.cluster_stages`), to see which stage to work on;
* profile (`--profile`): the command once more under py-spy, the functions with most samples.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

from bench import pyspy
from bench.corpus import Corpus, load_truth
from bench.proc import Measured, measure
from bench.table import print_aligned
from newsmoa.eval.scoring import bcubed, pairwise

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATE = 2000.0  # articles/s, issue 5
WARM_LINES = 2000


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def _newsmoa() -> list[str]:
    exe = Path(sys.executable).parent / "newsmoa"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "from newsmoa.serve.cli import main; main()"]


def _run(infile: Path, outfile: Path) -> Measured:
    got = measure([*_newsmoa(), "cluster", str(infile), "-o", str(outfile)], cwd=ROOT, env=_env())
    if got.returncode != 0:
        raise RuntimeError(f"newsmoa cluster failed ({got.returncode}):\n{got.stderr[-3000:]}")
    return got


def quality(corpus: Corpus, outfile: Path) -> dict[str, float]:
    """Pairwise and B-cubed scores of the command's stories against the injected events."""
    event = {row["id"]: row["event"] for row in load_truth(corpus)}
    with outfile.open(encoding="utf-8") as lines:
        story = {r["id"]: r["story"] for r in map(json.loads, lines) if "story" in r}
    ids = [i for i in event if i in story]
    gold, pred = [event[i] for i in ids], [story[i] for i in ids]
    pw, b3 = pairwise(gold, pred), bcubed(gold, pred)
    return {
        "articles": len(ids),
        "missing": len(event) - len(ids),
        "events": len(set(gold)),
        "stories": len(set(pred)),
        "pw_p": pw.precision,
        "pw_r": pw.recall,
        "pw_f1": pw.f1,
        "b3_p": b3.precision,
        "b3_r": b3.recall,
        "b3_f1": b3.f1,
    }


def stages(corpus: Corpus) -> dict:
    cmd = [sys.executable, "-m", "bench.cluster_stages", str(corpus.articles)]
    got = measure(cmd, cwd=ROOT, env=_env())
    if got.returncode != 0:
        raise RuntimeError(f"bench.cluster_stages failed:\n{got.stderr[-3000:]}")
    return json.loads(got.stdout.strip().splitlines()[-1])


def run(corpus: Corpus, *, runs: int = 3, profile: bool = False) -> list[dict]:
    """Time the command `runs` times, score its stories, print the tables; returns the runs."""
    work = corpus.folder / "cluster"
    work.mkdir(exist_ok=True)
    warm = work / "warm.jsonl"
    with corpus.articles.open(encoding="utf-8") as src:
        warm.write_text("".join(line for _, line in zip(range(WARM_LINES), src, strict=False)))
    _run(warm, work / "warm.out.jsonl")
    rows = []
    for k in range(runs):
        print(f"  cluster: run {k + 1} of {runs} ...", flush=True)
        got = _run(corpus.articles, work / "stories.jsonl")
        rows.append({"run": k + 1, "m": got})
    score = quality(corpus, work / "stories.jsonl")
    print("  cluster: stage breakdown ...", flush=True)
    stage = stages(corpus)
    print_table(rows, corpus, score, stage)
    if profile:
        if pyspy.available() is None:
            print("profile: py-spy is not installed (pip install py-spy); skipped")
        else:
            raw = work / "profile.txt"
            cmd = [*_newsmoa(), "cluster", str(corpus.articles), "-o", str(work / "p.jsonl")]
            got = pyspy.record(cmd, raw, cwd=ROOT, env=_env())
            print(f"\nprofile run: {got.wall_s:.1f} s wall under py-spy")
            pyspy.print_summary(raw, "newsmoa cluster")
    return [
        {"run": r["run"], "wall_s": r["m"].wall_s, "cpu_s": r["m"].cpu_s, **score} for r in rows
    ]


def print_table(rows: list[dict], corpus: Corpus, score: dict, stage: dict) -> None:
    n = corpus.docs
    ms: list[Measured] = [r["m"] for r in rows]
    body = []
    for r in rows:
        m: Measured = r["m"]
        body.append((
            f"run {r['run']}", f"{m.wall_s:.1f}", f"{n / m.wall_s:,.0f}", f"{m.cpu_s:.1f}",
            f"{n / m.cpu_s:,.0f}", f"{m.peak_rss_mb:,.0f}", f"{m.peak_tree_mb:,.0f}",
            f"{m.load_start:.1f} / {m.load_end:.1f}",
        ))  # fmt: skip
    wall = statistics.median(m.wall_s for m in ms)
    cpu = statistics.median(m.cpu_s for m in ms)
    body.append((
        "median", f"{wall:.1f}", f"{n / wall:,.0f}", f"{cpu:.1f}", f"{n / cpu:,.0f}",
        f"{statistics.median(m.peak_rss_mb for m in ms):,.0f}",
        f"{statistics.median(m.peak_tree_mb for m in ms):,.0f}", "",
    ))  # fmt: skip
    print()
    print(
        f"newsmoa cluster: {n:,} articles ({corpus.articles.stat().st_size / 2**20:,.0f} MB "
        f"JSONL) end to end, the installed command in a fresh process per run; "
        f"{os.cpu_count()} cores"
    )
    print_aligned(
        ("run", "wall s", "art/s", "CPU s", "art/CPU-s", "peak RSS MB", "tree PSS MB", "load"),
        body,
    )
    rate = n / wall
    verdict = "met" if rate >= TARGET_RATE else "NOT met"
    print(
        f"target >= {TARGET_RATE:,.0f} articles/s: {rate:,.0f} wall ({verdict}); "
        f"{n / cpu:,.0f} per CPU-second (all processes)"
    )
    print(
        "CPU s: user+system of the command and all its processes (extraction workers "
        "included); peak RSS: its largest process (ru_maxrss); tree PSS: all its processes "
        "together, sampled at 10 Hz; "
        "load: 1-minute load average at start / end (other work on the machine slows wall time)."
    )
    print(
        f"quality vs {score['events']:,} injected events: {score['stories']:,} stories; "
        f"pairwise P {score['pw_p']:.4f} R {score['pw_r']:.4f} F1 {score['pw_f1']:.4f}; "
        f"B-cubed P {score['b3_p']:.4f} R {score['b3_r']:.4f} F1 {score['b3_f1']:.4f}"
        + (f"; {score['missing']:,} articles without a story" if score["missing"] else "")
    )
    total = sum(stage["cpu_s"].values())
    print()
    print(f"stages, one process, one stage at a time over all {stage['items']:,} lines:")
    print_aligned(
        ("stage", "CPU s", "share", "articles/CPU-s"),
        [
            (name, f"{s:.1f}", f"{s / total:.0%}", f"{stage['items'] / s:,.0f}" if s else "-")
            for name, s in [*stage["cpu_s"].items(), ("all", total)]
        ],
    )
