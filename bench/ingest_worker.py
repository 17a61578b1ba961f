"""Single-article ingest in one warm process: `python -m bench.ingest_worker DB HOLDOUT MODE`.

What a server or `watch` does: open the store, load the story index for the time window around
the new articles once, warm the analyser (full mode), then add each article with its own
`Newsroom.ingest([item])` call; in the warm deferred pass, then decide the window around the
last article again (`Newsroom.recluster_around`, as `watch` does after a poll). Prints one
JSON line: the warm-up times, per-article wall and CPU milliseconds, how each article was
placed and the size of its story after the call, memory, and the re-decision's time and moves.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("holdout", type=Path)
    parser.add_argument("mode", choices=["deferred", "full"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--cold", action="store_true", help="no window warm-up: the first calls load it"
    )
    args = parser.parse_args()

    t0 = time.perf_counter()
    from newsmoa.cluster import article_features
    from newsmoa.extract.article import extract
    from newsmoa.facts import extract_facts
    from newsmoa.ingest.readers import read_jsonl
    from newsmoa.pipeline import Newsroom
    from newsmoa.store import open_store
    from newsmoa.text.sentences import split_sentences
    from newsmoa.types import Article

    items = list(read_jsonl(str(args.holdout), args.holdout.read_text("utf-8")))
    items = items[: args.limit]
    store = open_store(str(args.db))
    room = Newsroom(store)
    import_s = time.perf_counter() - t0
    base_mb = _rss_mb()

    # Warm-up, once per process: pure stage functions on the first article (nothing stored),
    # then the story index for the window around the new articles.
    t = time.perf_counter()
    first = extract(items[0])
    article_features(first)
    if args.mode == "full":
        extract_facts(first, split_sentences(first))
    model_s = time.perf_counter() - t
    t = time.perf_counter()
    loaded = 0
    if not args.cold:  # the cold pass loads the window in its first call instead
        times = [a.published for a in map(extract, items) if isinstance(a, Article) and a.published]
        t = time.perf_counter()
        loaded = room.load_window(min(times), max(times))
    window_s = time.perf_counter() - t
    warm_mb = _rss_mb()

    wall, cpu, placed, sizes = [], [], [], []
    for item in items:
        t, c = time.perf_counter(), time.process_time()
        report = room.ingest([item], defer_analysis=args.mode == "deferred")
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        if report.errors or report.added != 1:
            raise SystemExit(f"not added: {item.origin}: {report}")
        placed.append(
            "new" if report.new_stories else "joined" if report.joined_existing else "batch"
        )
        sizes.append(sum(map(len, store.story_listings(report.stories).values())))  # untimed
    again = None
    if args.mode == "deferred" and not args.cold:  # what `watch` does after a poll
        last = extract(items[-1])
        assert isinstance(last, Article)
        t, c = time.perf_counter(), time.process_time()
        got = room.recluster_around([last.published])
        assert got is not None
        again = {
            "wall_s": time.perf_counter() - t,
            "cpu_s": time.process_time() - c,
            "articles": got.articles,
            "moved": got.moved,
            "absorbed": len(got.absorbed),
            "founded": len(got.founded),
            "stories": len(got.stories),
        }
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counts = store.counts()
    store.close()
    size = sum(
        Path(str(args.db) + s).stat().st_size
        for s in ("", "-wal")
        if Path(str(args.db) + s).exists()
    )
    print(
        json.dumps(
            {
                "mode": args.mode + (" (cold)" if args.cold else ""),
                "articles": len(items),
                "import_s": import_s,
                "model_s": model_s,
                "window_s": window_s,
                "window_articles": loaded,
                "base_mb": base_mb,
                "warm_mb": warm_mb,
                "peak_mb": peak,
                "wall_ms": wall,
                "cpu_ms": cpu,
                "placed": placed,
                "story_sizes": sizes,
                "stored_articles": counts["articles"],
                "db_bytes": size,
                "recluster": again,
            }
        )
    )


if __name__ == "__main__":
    main()
