"""Measure one signature method in a process of its own: `python -m bench.sig_worker NAME ...`.

A fresh process per method keeps peak memory (`ru_maxrss`) and numba's thread pool separate.
Prints one JSON line: docs/s of each timed run (wall clock, and per second of the process's
CPU time, which other load on the machine disturbs less), the baseline and peak resident
memory, and where the signatures of the whole corpus were saved (for the quality columns).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

import numpy as np

from bench.corpus import Corpus, load_texts
from bench.methods import BY_NAME


def _rss_mb() -> float:
    """Resident memory now, in MB."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("method", choices=sorted(BY_NAME))
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--docs", type=int, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    method = BY_NAME[args.method]

    texts = load_texts(Corpus(args.corpus, args.docs))
    inputs = method.prepare(texts)
    base = _rss_mb()
    if method.name.startswith("newsmoa"):
        import numba

        numba.set_num_threads(method.threads)
    sample = inputs if method.sample is None else inputs[: method.sample]
    method.run(sample[:20])  # warm up: imports, numba's cached kernels, first allocations
    rates, cpu_rates, sigs = [], [], None
    for _ in range(args.runs):
        sigs = None  # the previous run's output must not count towards this run's peak
        start, cpu = time.perf_counter(), time.process_time()
        sigs = method.run(sample)
        rates.append(len(sample) / (time.perf_counter() - start))
        cpu_rates.append(len(sample) / (time.process_time() - cpu))
    peak = _peak_mb()
    if method.sample is not None and len(sample) < len(inputs):
        sigs = np.concatenate([sigs, method.run(inputs[len(sample) :])])  # untimed
    assert sigs is not None and sigs.shape == (len(texts), 128) and sigs.dtype == np.uint32
    np.save(args.out, sigs)
    print(
        json.dumps(
            {
                "method": method.name,
                "timed_docs": len(sample),
                "rates": rates,
                "cpu_rates": cpu_rates,
                "base_mb": base,
                "peak_mb": peak,
                "sigs": str(args.out),
            }
        )
    )


if __name__ == "__main__":
    main()
