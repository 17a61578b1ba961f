"""`python -m bench` (`make bench`): newsmoa's benchmarks, one section after another.

Benchmarks are not tests: they take minutes, print figures and compare side by side in one
run. The corpus is generated once into `.cache/bench/` (see `bench.corpus`).

Sections run in the order of `SECTIONS`. To add one, write `bench/<name>.py` with
`run(corpus, *, runs) -> list[dict]` that prints its own table, and register it below.
  "signatures": MinHash signatures, newsmoa vs datasketch and rensa;
  "cluster":    end-to-end `newsmoa cluster` articles/s and peak memory on the corpus;
  "ingest":     single-article ingest latency p50/p95 into a store of 1,000,000 articles;
  "search":     `newsmoa search` on a store of 20,000 articles, with and without its index.

    python -m bench                          # every section, 50,000 articles
    python -m bench --docs 5000 --runs 1     # a quick look
    python -m bench signatures --only newsmoa-1t rensa
    python -m bench cluster --profile        # and where the time goes (py-spy)
    python -m bench ingest --store-docs 1000 # a quick look at the ingest section
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from bench import cluster, ingest, search, signatures
from bench.corpus import Corpus, ensure_corpus
from bench.methods import BY_NAME

SECTIONS: dict[str, Callable[..., list[dict]]] = {
    "signatures": signatures.run,
    "cluster": cluster.run,
    "ingest": ingest.run,
    "search": search.run,
}


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("sections", nargs="*", help=f"any of {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--docs", type=int, default=50_000, help="corpus size (default 50,000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per method (median)")
    parser.add_argument("--only", nargs="+", help="signatures: only these methods")
    parser.add_argument(
        "--profile", action="store_true", help="cluster, ingest: also profile with py-spy"
    )
    parser.add_argument(
        "--store-docs",
        type=int,
        default=1_000_000,
        help="ingest: articles in the store (default 1,000,000; built once, ~1-2 h)",
    )
    args = parser.parse_args()
    unknown = [s for s in args.sections if s not in SECTIONS]
    unknown += [m for m in args.only or [] if m not in BY_NAME]
    if unknown:
        parser.error(
            f"unknown: {', '.join(unknown)}; sections: {', '.join(SECTIONS)}; "
            f"methods: {', '.join(BY_NAME)}"
        )

    corpus: Corpus = ensure_corpus(args.docs)
    for name in args.sections or list(SECTIONS):
        start = time.perf_counter()
        print(f"== {name} ==", flush=True)
        kwargs: dict = {"only": args.only} if name == "signatures" else {"profile": args.profile}
        if name == "ingest":
            kwargs["store_docs"] = args.store_docs
        SECTIONS[name](corpus, runs=args.runs, **kwargs)
        print(f"({name}: {time.perf_counter() - start:.0f} s)\n", flush=True)


if __name__ == "__main__":
    main()
