"""Where `newsmoa cluster`'s time goes, stage by stage, in one process: `python -m
bench.cluster_stages FILE`. Calls the same public functions as `pipeline.cluster_items`, one
stage over the whole input at a time, and prints one JSON line of CPU seconds per stage.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("jsonl", type=Path)
    args = parser.parse_args()

    from newsmoa.cluster import DEFAULT_CONFIG, StoryIndex, article_features
    from newsmoa.extract.article import Dropped, extract
    from newsmoa.ingest.readers import read_jsonl

    article_features(extract(next(read_jsonl("warm", args.jsonl.open().readline()))))  # jit
    cpu: dict[str, float] = {}
    t = time.process_time()

    def lap(name: str) -> None:
        nonlocal t
        now = time.process_time()
        cpu[name] = now - t
        t = now

    text = args.jsonl.read_text("utf-8-sig")
    items = list(read_jsonl(str(args.jsonl), text, keep_blank=True))
    lap("read (JSONL)")
    articles = [a for a in map(extract, items) if not isinstance(a, Dropped)]
    lap("extract")
    features = [(a.id, article_features(a, DEFAULT_CONFIG)) for a in articles]
    lap("features (terms, headline)")
    index = StoryIndex(DEFAULT_CONFIG)
    assigned = index.add_many(features)
    lap("story index")
    lines = [
        json.dumps({"id": x.article, "story": index.resolve(x.story)}, ensure_ascii=False)
        for x in assigned
    ]
    lap("output (JSON)")
    print(json.dumps({"items": len(items), "articles": len(lines), "cpu_s": cpu}))


if __name__ == "__main__":
    main()
