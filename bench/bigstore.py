"""The 1,000,000-article store behind the "ingest" section, built once and cached.

A year of Korean-like news (`bench.corpus.generate_rows`, the 50,000-article corpus's
generator, in 20 chunks of 50,000 with their own seed and 19 days each: ~2,700 articles a
day, 30% reprints, press releases carried by 20-40 outlets), loaded with the library's bulk
path: `Newsroom.ingest(batch, defer_analysis=True)` in batches of 50,000 (stories assigned and
listed, sentences/facts/documents left for first show). Then the stories that the held-out
articles can join in practice (first published at most a day before the first of them) are
shown once (`story_document`, two processes), as a live server would have analysed them, so
that a full ingest measures the steady state rather than catching up an archive's deferred
analysis.

`HOLDOUT` articles of the last ~2 days are kept out of the store: the ingest section adds them
one at a time. Cached in `.cache/bench/big-v{VERSION}-{docs}/` (outside git):

* `store.db`: the store (rebuilt when its cluster features no longer decode, i.e. after a
  change of the features format);
* `holdout.jsonl`: the held-out articles (the JSONL input contract), in publication order;
* `meta.json`: counts, build times, the commit it was built from.

Run alone: `python -m bench.bigstore [--docs N]` (builds unless cached; prints meta.json).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import repeat
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bench.corpus import CACHE, KST, generate_rows

if TYPE_CHECKING:
    from newsmoa.store import Store

VERSION = 1
DOCS = 1_000_000
CHUNK_DOCS = 50_000
PER_DAY = 2_740  # 1,000,000 articles a year
START = datetime(2023, 3, 4, 6, 0, tzinfo=KST)
SEED = 20230304
HOLDOUT = 400
HOLDOUT_POOL = 6_000  # drawn from the last this-many articles (~2 days)
BATCH = 50_000  # articles per Newsroom.ingest call: one chunk
ANALYSE_BEFORE_H = 24.0  # stories first published after (first held-out article - this)
ANALYSE_CHUNK = 40  # stories per task of the analysis pool


@dataclass(frozen=True, slots=True)
class BigStore:
    folder: Path
    docs: int

    @property
    def db(self) -> Path:
        return self.folder / "store.db"

    @property
    def holdout(self) -> Path:
        return self.folder / "holdout.jsonl"

    @property
    def meta(self) -> Path:
        return self.folder / "meta.json"

    def read_meta(self) -> dict:
        return json.loads(self.meta.read_text())


def _chunk(k: int, chunks: int, docs: int) -> list[dict]:
    """Chunk k of the year: JSONL records in publication order (the last has the holdout)."""
    size = min(CHUNK_DOCS, docs - k * CHUNK_DOCS) + (HOLDOUT if k == chunks - 1 else 0)
    days = CHUNK_DOCS / PER_DAY
    rows = generate_rows(
        size, SEED + k, start=START + timedelta(days=k * int(days + 1)), per_day=PER_DAY
    )
    return [
        {
            "id": f"y{k:02d}-{i:05d}",
            "outlet": r["outlet"],
            "title": r["title"],
            "published": r["published"].isoformat(),
            "text": r["text"],
        }
        for i, r in enumerate(rows)
    ]


def _stale(big: BigStore) -> str | None:
    """Why the cached store cannot be used, or None: missing, or its cluster features are no
    longer what `article_features` makes (a stored article's are recomputed and compared)."""
    if not (big.meta.exists() and big.db.exists() and big.holdout.exists()):
        return "not built yet"
    from newsmoa.cluster import Features, article_features
    from newsmoa.store import open_store

    store = open_store(str(big.db))
    try:
        aid, story, blob, _ = next(iter(store.index_entries(None, None)))
        stored = Features.from_bytes(blob)
        (row,) = [r for r in store.story_articles(story) if r.article.id == aid]
        if article_features(row.article) != stored:
            return "the cluster features changed since it was built"
    except ValueError as exc:
        return f"its cluster features no longer decode ({exc})"
    finally:
        store.close()
    return None


def ensure_store(docs: int = DOCS, log: bool = True) -> BigStore:
    """The cached store of `docs` articles, built first when missing or stale."""
    big = BigStore(CACHE / f"big-v{VERSION}-{docs}", docs)
    why = _stale(big)
    if why is None:
        return big
    if log:
        print(f"building the {docs:,}-article store in {big.folder} ({why}) ...", flush=True)
    build(big, log=log)
    return big


def _remove(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def build(big: BigStore, log: bool = True) -> dict:
    from newsmoa.ingest.readers import from_mapping
    from newsmoa.pipeline import Newsroom
    from newsmoa.store import open_store

    big.folder.mkdir(parents=True, exist_ok=True)
    partial = big.folder / "store.partial.db"
    _remove(partial)
    _remove(big.db)
    big.meta.unlink(missing_ok=True)
    chunks = -(-big.docs // CHUNK_DOCS)
    commit = _commit()  # the code that builds it (the tree may move on during the build)
    store = open_store(str(partial))
    start = time.perf_counter()
    cpu0 = time.process_time()
    ingest_s = 0.0
    stored = 0
    first_held = ""
    # The next chunk is generated in another process while this one is ingested.
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        pending = pool.submit(_chunk, 0, chunks, big.docs)
        for k in range(chunks):
            records = pending.result()
            if k + 1 < chunks:
                pending = pool.submit(_chunk, k + 1, chunks, big.docs)
            if k == chunks - 1:
                rng = np.random.default_rng(SEED)
                pool = min(HOLDOUT_POOL, len(records) // 2)  # smaller for a small test store
                at = len(records) - pool
                held = set(at + rng.choice(pool, size=min(HOLDOUT, pool // 2), replace=False))
                first_held = records[min(held)]["published"]
                with big.holdout.open("w", encoding="utf-8") as out:
                    for i in sorted(held):
                        out.write(json.dumps(records[i], ensure_ascii=False) + "\n")
                records = [r for i, r in enumerate(records) if i not in held]
            items = [from_mapping(r, origin=f"year-{k:02d}", line=i) for i, r in enumerate(records)]
            room = Newsroom(store)  # one per chunk: the index of a year would not fit in memory
            t = time.perf_counter()
            for i in range(0, len(items), BATCH):
                report = room.ingest(items[i : i + BATCH], defer_analysis=True)
                if report.errors or report.dropped:
                    raise RuntimeError(f"chunk {k}: {report.errors[:3]} {report.dropped}")
            ingest_s += time.perf_counter() - t
            stored += len(items)
            if log:
                elapsed = time.perf_counter() - start
                print(
                    f"  bigstore: {stored:,} stored, {elapsed:,.0f} s "
                    f"({stored / ingest_s:,.0f} articles/s ingesting), "
                    f"load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
            del items, records
    grouped_s = time.perf_counter() - start
    cutoff = datetime.fromisoformat(first_held) - timedelta(hours=ANALYSE_BEFORE_H)
    t = time.perf_counter()
    recent = _recent_stories(store, cutoff)
    analysed = sum(s["article_count"] for s in recent)
    ids = [s["id"] for s in recent]
    if log:
        print(f"  bigstore: analysing {len(ids):,} stories ({analysed:,} articles) ...", flush=True)
    with ProcessPoolExecutor(2, mp_context=get_context("spawn")) as pool:
        chunks = [ids[i : i + ANALYSE_CHUNK] for i in range(0, len(ids), ANALYSE_CHUNK)]
        list(pool.map(_show, repeat(str(partial)), chunks))
    analyse_s = time.perf_counter() - t
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = store.counts()
    store.close()
    partial.rename(big.db)
    meta = {
        "articles": counts["articles"],
        "stories": counts["stories"],
        "redirects": counts["redirects"],
        "holdout": len(held),
        "build_s": time.perf_counter() - start,
        "build_cpu_s": time.process_time() - cpu0,  # this process only (not the generator)
        "group_s": grouped_s,
        "ingest_s": ingest_s,
        "analysed_articles": analysed,
        "analyse_s": analyse_s,
        "db_bytes": big.db.stat().st_size,
        "analysed_since": cutoff.isoformat(),
        "analysed_stories": len(ids),
        "commit": commit,
        "built": datetime.now(KST).isoformat(timespec="seconds"),
    }
    big.meta.write_text(json.dumps(meta, indent=1) + "\n")
    return meta


def _show(db: str, stories: list[str]) -> None:
    """Build the documents of `stories` (analysing their articles), as showing them would."""
    from newsmoa.pipeline import story_document
    from newsmoa.store import open_store

    store = open_store(db)
    try:
        for story in stories:
            story_document(store, story)
    finally:
        store.close()


def _recent_stories(store: Store, cutoff: datetime) -> list[dict]:
    """Stories first published at or after `cutoff` (the listing is newest first)."""
    out: list[dict] = []
    offset = 0
    while page := store.story_summaries(limit=1000, offset=offset):
        offset += len(page)
        for summary in page:
            first = summary["first_published"]
            if not first or datetime.fromisoformat(first) < cutoff:
                return out
            out.append(summary)
    return out


def _commit() -> str:
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=root, capture_output=True, text=True
    )
    return done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=DOCS)
    args = parser.parse_args()
    big = ensure_store(args.docs)
    print(big.meta.read_text())


if __name__ == "__main__":
    main()
