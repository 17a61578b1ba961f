"""Story clustering scores on the shared sets, as one table: `python -m newsmoa.eval.clustering`.

Rows: the Korean dev day (when its texts are on this machine), then each half of its stories
clustered on its own (A: the half parameters were tuned on, B: held out; `half_of` splits by a
hash of the gold story id), the three parts of the dated August set (A chose the clustering
window, B and C are held out; when its texts are here), ECB+ train+dev (tuning topics) and ECB+
test topics 36-45 (reported, never tuned on). Near-duplicate recall/precision are scored on
the Korean gold pairs. Each set is read as the product reads it (`EvalSet.extracted`: each
article through the extract stage; one it drops is a story of its own) and clustered in one
batch; the speed column is that batch's articles per second (features + index, one
thread). Last, the Korean day, ECB+ test and ECB+ test with made-up times arriving one
article at a time (`arrival.py`), as decided and with the window re-decided after each
arrival (what `ingest` and `watch` do by default), and August part C on its real dates; for
the re-decided streams the last two columns count the moves made and the articles that came
back to a story they had left. The streams with times are run once more through the product
itself (`ingest_stream`: one `Newsroom.ingest` call an article into a SQLite store), so that
the table shows what `ingest` and `watch` give, not only the simulation of it. A second
table draws small stores from the sets (`small_stores.py`): a fresh store's first articles.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from newsmoa.cluster import (
    DEFAULT_CONFIG,
    ClusterConfig,
    StoryIndex,
    article_features,
    near_duplicate_pairs,
)
from newsmoa.eval import small_stores
from newsmoa.eval.arrival import arrive, ingest_stream, timed
from newsmoa.eval.datasets import (
    EvalSet,
    ko_august_paths,
    ko_dev_paths,
    load_ecbplus,
    load_ko_august,
    load_ko_dev,
)
from newsmoa.eval.scoring import PRF, bcubed, pair_scores, pairwise
from newsmoa.types import Article

HEADER = (
    f"{'set':<28} {'articles':>8} {'pw P':>6} {'pw R':>6} {'pw F1':>6} "
    f"{'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'ND R':>6} {'ND P':>6} {'art/s':>7} "
    f"{'moves':>6} {'back':>5}"
)


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    articles: int
    pw: PRF
    b3: PRF
    nd: PRF | None = None
    rate: float | None = None
    churn: tuple[int, int] | None = None  # a stream's moves, articles back to a left story

    def render(self) -> str:
        nd = (
            f"{self.nd.recall:>6.3f} {self.nd.precision:>6.3f}" if self.nd else f"{'-':>6} {'-':>6}"
        )
        rate = f"{self.rate:>7.0f}" if self.rate else f"{'-':>7}"
        churn = f"{self.churn[0]:>6} {self.churn[1]:>5}" if self.churn else f"{'-':>6} {'-':>5}"
        return (
            f"{self.name:<28} {self.articles:>8} {self.pw.precision:>6.3f} {self.pw.recall:>6.3f} "
            f"{self.pw.f1:>6.3f} {self.b3.precision:>6.3f} {self.b3.recall:>6.3f} "
            f"{self.b3.f1:>6.3f} {nd} {rate} {churn}"
        )


@dataclass(frozen=True, slots=True)
class Run:
    """One batch clustering of an evaluation set."""

    data: EvalSet
    stories: tuple[str, ...]
    seconds: float
    near_duplicates: tuple[tuple[str, str], ...] | None  # None: not looked for


def _warm(config: ClusterConfig) -> None:
    """Load the compiled kernels once, so the first timed set does not pay for it."""
    warm = Article(id="warm", text="워밍업 문장입니다. Warm-up text 2024.", title="워밍업")
    StoryIndex(config).add("warm", article_features(warm, config))


def run(data: EvalSet, config: ClusterConfig = DEFAULT_CONFIG) -> Run:
    """Cluster a set as the product reads it (`EvalSet.extracted`) in one batch (timed:
    features and index) and find its near-duplicate pairs (not timed)."""
    _warm(config)
    data = data.extracted()
    start = time.perf_counter()
    kept = data.kept()
    index = StoryIndex(config)
    index.add_many([(a.id, article_features(a, config)) for a in kept])
    stories = data.stories(index.story_of)
    seconds = time.perf_counter() - start
    found = near_duplicate_pairs(kept, config)
    pairs = tuple((p.a, p.b) for p in found)
    return Run(data, stories, seconds, pairs)


def half_of(story: str) -> str:
    """A or B: a fixed split of gold stories by a hash of their id (not by content)."""
    return "AB"[hashlib.blake2b(story.encode(), digest_size=2).digest()[0] % 2]


def halves(data: EvalSet) -> tuple[EvalSet, EvalSet]:
    """The articles of half A's stories and of half B's stories, as two sets."""
    a = [i for i, g in enumerate(data.gold) if half_of(g) == "A"]
    b = [i for i, g in enumerate(data.gold) if half_of(g) == "B"]
    return data.subset(f"{data.name} A", a), data.subset(f"{data.name} B", b)


def score(r: Run, name: str) -> Row:
    gold, pred = r.data.gold, r.stories
    nd = None
    if r.data.near_duplicates is not None and r.near_duplicates is not None:
        nd = pair_scores(r.data.near_duplicates, r.near_duplicates)
    rate = len(pred) / r.seconds if r.seconds > 0 else None
    return Row(name, len(gold), pairwise(gold, pred), bcubed(gold, pred), nd, rate)


def rows(config: ClusterConfig = DEFAULT_CONFIG) -> tuple[list[Row], list[str]]:
    """The table's rows, and notes (skipped sets)."""
    out, notes = [], []
    ko = load_ko_dev()
    if ko is None:
        texts, labels = ko_dev_paths()
        notes.append(
            f"ko-news-2019-07-31: skipped, texts not found ({texts}) or labels not found "
            f"({labels}); see ../shared/data/README.md to build them"
        )
    else:
        out.append(score(run(ko, config), ko.name))
        part_a, part_b = halves(ko)
        out.append(score(run(part_a, config), "  half A alone (tuned)"))
        out.append(score(run(part_b, config), "  half B alone (held out)"))
    for part, label in (("A", "(tuned)"), ("B", "(held out)"), ("C", "(held out)")):
        august = load_ko_august(part)
        if august is None:
            texts, _ = ko_august_paths()
            notes.append(
                f"ko-news-2019-08 {part}: skipped, texts not found ({texts}); see "
                "data/ko-news-2019-08/README.md to get them"
            )
            break
        out.append(score(run(august, config), f"ko-news-2019-08 {part} {label}"))
    out.append(score(run(load_ecbplus(("train", "dev")), config), "ECB+ train+dev (tuned)"))
    test = load_ecbplus(("test",))
    out.append(score(run(test, config), "ECB+ test 36-45"))
    streams = [("ECB+ test, 1 at a time", test), ("ECB+ test timed, 1 by 1", timed(test))]
    if ko is not None:
        streams.insert(0, ("ko-news, 1 at a time", ko))
    august_c = load_ko_august("C")
    if august_c is not None:  # real dates: how much re-deciding moves articles back and forth
        streams.append(("ko-news-2019-08 C, 1 by 1", august_c))
    for name, data in streams:  # the grouping at the end of the stream (eval/arrival.py)
        for redecide, label in ((False, name), (True, "  re-decided after each")):
            got = arrive(data, config, redecide=redecide)
            row = score(Run(data, got.stories, got.seconds, None), label)
            out.append(
                dataclasses.replace(row, churn=(got.moves, got.returns)) if redecide else row
            )
        if all(a.published is not None for a in data.articles):  # the product's own path
            got = ingest_stream(data, config)
            row = score(Run(data, got.stories, got.seconds, None), "  ingested 1 a call")
            out.append(dataclasses.replace(row, churn=(got.moves, got.returns)))
    return out, notes


def main(argv: Sequence[str] | None = None) -> int:
    table, notes = rows()
    print(HEADER)
    for row in table:
        print(row.render())
    for note in notes:
        print(note)
    print()
    print(small_stores.render(small_store_rows()))
    return 0


def small_store_rows(config: ClusterConfig = DEFAULT_CONFIG) -> list[small_stores.SmallStores]:
    """Small stores drawn from each set on this machine, others at random and look-alikes."""
    sets = [load_ko_dev(), *(load_ko_august(part) for part in "ABC")]
    sets += [load_ecbplus(("train", "dev")), load_ecbplus(("test",))]
    return [
        small_stores.score(data, lookalikes, config)
        for data in sets
        if data is not None
        for lookalikes in (False, True)
    ]


if __name__ == "__main__":
    sys.exit(main())
