"""How long `newsmoa search` takes on a large store (SQLite), with its trigram index and
without it (every row read, as a SQLite without FTS5 does).

The store holds `docs` generated Korean-like articles (`bench.corpus.generate_rows`), saved
straight through `Store.save_articles` (no clustering: a story per generated event), so that
building it takes seconds. The queries are taken from the texts: a word frequent enough to
hit thousands of articles, a rare one, a two-syllable one (below the index's reach), two
words, a phrase, one word of one outlet, one word without another (`-word`).

    python -m bench.search --docs 20000 --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.corpus import generate_rows
from bench.table import print_aligned

SEED = 20240612


def build(path: Path, docs: int) -> tuple[Any, list[dict]]:
    from newsmoa.store import StoredArticle, open_store
    from newsmoa.types import Article

    rows = generate_rows(docs, SEED)
    store = open_store(str(path))
    started = time.perf_counter()
    batch = []
    for n, r in enumerate(rows):
        article = Article(
            id=f"a{n}", text=r["text"], title=r["title"], outlet=r["outlet"],
            published=r["published"],
        )  # fmt: skip
        batch.append(StoredArticle(article=article, story=f"s{r['event']}", features=b""))
        if len(batch) == 5_000:
            store.save_articles(batch)
            batch = []
    store.save_articles(batch)
    stories: dict[str, dict] = {}
    for r in rows:
        s = stories.setdefault(
            f"s{r['event']}",
            {"id": f"s{r['event']}", "title": r["title"], "outlets": [], "article_count": 0,
             "first_published": r["published"].isoformat()},
        )  # fmt: skip
        s["article_count"] += 1
    store.save_story_summaries(list(stories.values()))
    took = time.perf_counter() - started
    print(f"store of {docs:,} articles, {len(stories):,} stories: {took:.1f} s")
    return store, rows


def queries(rows: list[dict]) -> list[tuple[str, str, dict]]:
    """(what, query, options) drawn from the texts."""
    words = Counter(w for r in rows[:2000] for w in r["text"].split())
    long = [w for w, _ in words.most_common() if len(w) >= 4]
    two = next(w[:2] for w, _ in words.most_common(200) if len(w) >= 3 and w[:2].isalpha())
    frequent, rare = long[5], long[len(long) // 2]
    sentence = rows[100]["text"].split(". ")[0].split()
    phrase = " ".join(sentence[1:3])
    outlet = rows[0]["outlet"]
    return [
        ("frequent word", frequent, {}),
        ("rare word", rare, {}),
        ("two syllables", two, {}),
        ("two words", f"{frequent} {long[20]}", {}),
        ("phrase", f'"{phrase}"', {}),
        ("word, one outlet", frequent, {"outlet": outlet}),
        ("word, one left out", f"{frequent} -{long[20]}", {}),
    ]


def run(corpus: Any = None, *, runs: int = 5, docs: int = 20_000, **_: Any) -> list[dict]:
    from newsmoa.store.search import query

    with tempfile.TemporaryDirectory() as folder:
        store, rows = build(Path(folder) / "search.db", docs)
        out = []
        for what, text, options in queries(rows):
            asked = query(text, **options)
            row: dict[str, Any] = {"query": what, "terms": text}
            for mode in ("index", "scan"):
                store._fts = mode == "index"  # scan: every row read
                times, found = [], []
                for _ in range(runs):
                    started = time.perf_counter()
                    found = store.search(asked, limit=20)
                    times.append(time.perf_counter() - started)
                row[f"{mode} ms"] = f"{1000 * statistics.median(times):.1f}"
            row["stories"] = len(found)
            row["articles"] = sum(r["matches"] for r in store.search(asked))
            out.append(row)
        store.close()
    head = list(out[0]) if out else []
    print_aligned(head, [[str(r[k]) for k in head] for r in out])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    run(runs=args.runs, docs=args.docs)


if __name__ == "__main__":
    main()
