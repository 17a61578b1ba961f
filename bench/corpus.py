"""The benchmark corpus: Korean-like news articles with injected near-duplicates of known origin.

`ensure_corpus()` generates it once (fixed seed) under `.cache/bench/` (outside git) and reuses
it afterwards:

* `articles.jsonl`: the input contract of `newsmoa cluster` (id, outlet, title, published,
  text), in publication order, so later sections (end-to-end cluster, ingest) can read it too;
* `truth.tsv`: per article its event (the story it belongs to), its family (an original and
  its reprints), its role (original, reprint, copy) and the edit strength of a reprint.

Articles are written from a vocabulary of Hangul nouns with Zipf frequencies, particles that
agree with the final consonant (이/가, 을/를, 은/는, 과/와, 으로/로), names with titles,
places, organisations, dates, counts and money, bullet lists and outlet boilerplate
(datelines, bylines, copyright lines). Each event gets one to three independently written
originals (same people and places, different sentences: related but not duplicates), and 30%
of all articles are reprints of an original with edits whose strength is uniform in [0, 1]:
dropped, added and reordered sentences, swapped words, another outlet's bullets, spacing and
boilerplate. A few reprints are exact copies (a crawler fetching one page twice).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from bench import textgen

CACHE = Path(__file__).resolve().parent.parent / ".cache" / "bench"
KST = timezone(timedelta(hours=9))
START = datetime(2024, 3, 4, 6, 0, tzinfo=KST)
REPRINT_SHARE = 0.30
COPY_SHARE = 0.05  # of reprints: exact copies
PER_DAY = 7000  # articles a day (the time span grows with the corpus)
VERSION = 1  # bump when generation changes, so an old cache is not reused


@dataclass(frozen=True, slots=True)
class Corpus:
    """Paths of a generated corpus and its size."""

    folder: Path
    docs: int

    @property
    def articles(self) -> Path:
        return self.folder / "articles.jsonl"

    @property
    def truth(self) -> Path:
        return self.folder / "truth.tsv"


def ensure_corpus(docs: int = 50_000, seed: int = 20240304, log: bool = True) -> Corpus:
    """Generate the corpus unless a complete one with these settings is cached."""
    folder = CACHE / f"corpus-v{VERSION}-{docs}-{seed}"
    corpus = Corpus(folder, docs)
    if (folder / "done").exists():
        return corpus
    folder.mkdir(parents=True, exist_ok=True)
    if log:
        print(f"generating {docs:,} articles into {folder} (once) ...", flush=True)
    rows = generate_rows(docs, seed)
    with corpus.articles.open("w", encoding="utf-8") as out, corpus.truth.open("w") as truth:
        truth.write("id\tevent\tfamily\trole\tedit\n")
        for i, row in enumerate(rows):
            art_id = f"b{i:07d}"
            row["id"] = art_id
            record = {
                "id": art_id,
                "outlet": row["outlet"],
                "title": row["title"],
                "published": row["published"].isoformat(),
                "text": row["text"],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        by_n = {row["n"]: row["id"] for row in rows}
        for row in sorted(rows, key=lambda r: r["id"]):
            family = by_n[row["family"]]
            truth.write(
                f"{row['id']}\t{row['event']}\t{family}\t{row['role']}\t{row['edit']:.3f}\n"
            )
    (folder / "done").write_text("ok\n")
    return corpus


def load_texts(corpus: Corpus, limit: int | None = None) -> list[str]:
    """The article texts in corpus order (optionally only the first `limit`)."""
    texts = []
    with corpus.articles.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if limit is not None and len(texts) >= limit:
                break
    return texts


def load_truth(corpus: Corpus) -> list[dict[str, str]]:
    """truth.tsv as dicts, in corpus order."""
    with corpus.truth.open() as lines:
        header = next(lines).rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"), strict=True)) for line in lines]


def _family_sizes(rng: np.random.Generator, reprints: int) -> list[int]:
    """Reprint counts per reprinted original: mostly 1-3, a few press releases 20-40."""
    sizes: list[int] = []
    total = 0
    while total < reprints:
        size = int(rng.integers(20, 41)) if rng.random() < 0.01 else int(rng.geometric(0.45))
        size = min(size, reprints - total)
        sizes.append(size)
        total += size
    return sizes


def generate_rows(
    docs: int, seed: int, *, start: datetime = START, per_day: int = PER_DAY
) -> list[dict]:
    """Articles as dicts (outlet, title, published, text; event, family, role, edit as in
    truth.tsv, with `event` and `family` local to this call) in publication order, without ids.

    `ensure_corpus` is this with the defaults; other sections (the 1,000,000-article store)
    call it in chunks with their own seed, start and rate."""
    rows = _generate(docs, seed, start=start, per_day=per_day)
    rows.sort(key=lambda r: (r["published"], r["n"]))
    return rows


def _generate(
    docs: int, seed: int, *, start: datetime = START, per_day: int = PER_DAY
) -> list[dict]:
    rng = np.random.default_rng(seed)
    writer = textgen.Writer(rng)
    n_reprints = int(round(docs * REPRINT_SHARE))
    n_originals = docs - n_reprints
    rows: list[dict] = []
    drafts: list[textgen.Draft] = []
    event = 0
    span_h = 24.0 * max(1, math.ceil(docs / per_day))
    while len(rows) < n_originals:
        story = writer.event()
        t0 = start + timedelta(hours=float(rng.uniform(0, span_h)))
        for _ in range(min(int(rng.choice([1, 1, 2, 3])), n_originals - len(rows))):
            outlet = writer.outlet()
            draft = writer.article(story, outlet, t0 + timedelta(hours=float(rng.uniform(0, 6))))
            drafts.append(draft)
            rows.append(_row(len(rows), draft, event, len(rows), "original", 0.0))
        event += 1
    originals = rng.permutation(n_originals)
    for k, size in enumerate(_family_sizes(rng, n_reprints)):
        src_n = int(originals[k % n_originals])
        src = drafts[src_n]
        for _ in range(size):
            delay = timedelta(hours=float(rng.exponential(3.0)) + 0.05)
            if rng.random() < COPY_SHARE:
                draft, role, edit = src.moved(src.published + delay), "copy", 0.0
            else:
                edit = float(rng.uniform(0, 1))
                draft = writer.reprint(src, writer.outlet(), src.published + delay, edit)
                role = "reprint"
            rows.append(_row(len(rows), draft, rows[src_n]["event"], src_n, role, edit))
    return rows


def _row(n: int, draft: textgen.Draft, event: int, family: int, role: str, edit: float) -> dict:
    return {
        "n": n,
        "event": event,
        "family": family,
        "role": role,
        "edit": edit,
        "outlet": draft.outlet.name,
        "title": draft.title,
        "published": draft.published,
        "text": draft.render(),
    }
