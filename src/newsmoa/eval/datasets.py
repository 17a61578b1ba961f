"""Evaluation sets as `Article`s with gold story labels.

- ECB+ (`data/ecbplus/`, in the repository): split by topic; train and dev topics are for
  tuning, test topics 36-45 for reporting.
- The Korean dev day (2019-07-31): texts from `$NEWSMOA_KO_DEV` or `.cache/ko-dev.jsonl`
  (built by `build_corpus.py` from the upstream CSV; copyrighted, never committed), labels from
  `$NEWSMOA_KO_LABELS` or `../shared/data/ko-news-2019-07-31/`. `load_ko_dev()` returns None
  when either is missing.
- Korean articles of August 2019 with their dates (`data/ko-news-2019-08/`: our labels;
  texts from `$NEWSMOA_KO_AUG` or `.cache/201908_cluster_DBSCAN.csv`, the upstream file,
  copyrighted, never committed): part A (08-01..11) chose the clustering window, parts B
  (08-12..21) and C (08-22..31) are held out. `load_ko_august(part)` returns None without
  the texts.

Articles are built directly from the files (id = url or doc id, title, text, outlet, date);
nothing here cleans boilerplate: that is the extract stage's job. `extracted` gives a set as
the product sees it, each article through that stage; the scores are taken on it.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from newsmoa import codec
from newsmoa.extract.article import ExtractConfig, extract
from newsmoa.types import Article, RawItem

REPO = Path(__file__).resolve().parents[3]
ECBPLUS = REPO / "data" / "ecbplus" / "ecbplus_docs.jsonl"
KO_DEV = REPO / ".cache" / "ko-dev.jsonl"
KO_LABELS = REPO.parent / "shared" / "data" / "ko-news-2019-07-31"
KO_AUG = REPO / ".cache" / "201908_cluster_DBSCAN.csv"
KO_AUG_LABELS = REPO / "data" / "ko-news-2019-08" / "labels.jsonl"
SEOUL = ZoneInfo("Asia/Seoul")


def raw_item(a: Article) -> RawItem:
    """An article of a set as the input line the product would read: a JSONL line with its
    fields (`EvalSet.extracted`, `eval.disagreements`)."""
    return RawItem(
        origin=a.origin or a.id, text=a.text, id=a.id, url=a.url,
        outlet=a.outlet, title=a.title or None, published=codec.iso(a.published),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class EvalSet:
    """Articles with their gold story labels (aligned by position) and gold near-duplicate pairs."""

    name: str
    articles: tuple[Article, ...]
    gold: tuple[str, ...]
    near_duplicates: tuple[tuple[str, str], ...] | None = None
    dropped: frozenset[str] = frozenset()  # ids the extract stage drops (`extracted`)
    extract_done: bool = False  # the articles are `extracted` ones (it is not done twice)

    def extracted(self) -> EvalSet:
        """The set as the product reads it: each article through the extract stage, as
        `newsmoa cluster` and `ingest` take a JSONL line with these fields (title, dateline,
        byline and page furniture found and dropped). An article the stage drops (no body
        text) stays, empty, and is listed in `dropped`: the product places it in no story
        (`kept`, `stories`)."""
        if self.extract_done:
            return self
        out, dropped = [], set()
        for a in self.articles:
            got = extract(raw_item(a), config=ExtractConfig())  # (not the shell's NEWSMOA_TZ)
            if not isinstance(got, Article):
                dropped.add(a.id)
                got = Article(
                    id=a.id, text="", title=a.title, outlet=a.outlet, published=a.published
                )
            out.append(got)
        return replace(self, articles=tuple(out), dropped=frozenset(dropped), extract_done=True)

    def kept(self) -> list[Article]:
        """The articles the product places: all but the `dropped` ones."""
        return [a for a in self.articles if a.id not in self.dropped]

    def stories(self, story_of: Callable[[str], str]) -> tuple[str, ...]:
        """Each article's story, `story_of(id)`; a dropped one is a story of its own."""
        return tuple(
            f"dropped {a.id}" if a.id in self.dropped else story_of(a.id) for a in self.articles
        )

    def subset(self, name: str, keep: Iterable[int]) -> EvalSet:
        """The articles at positions `keep`; near-duplicate pairs kept when both ends are."""
        idx = sorted(set(keep))
        ids = {self.articles[i].id for i in idx}
        nd = None
        if self.near_duplicates is not None:
            nd = tuple(p for p in self.near_duplicates if p[0] in ids and p[1] in ids)
        return EvalSet(
            name,
            tuple(self.articles[i] for i in idx),
            tuple(self.gold[i] for i in idx),
            nd,
            self.dropped & ids,
            self.extract_done,
        )


def _ecb_article(row: dict) -> Article:
    sentences = list(row["sentences"])
    # An ecbplus document's first "sentence" is its URL, tokenised; it is metadata, not text
    # (ECB documents have none), so it goes to `url` and the text starts after it.
    if sentences and sentences[0].replace(" ", "").startswith("http"):
        sentences = sentences[1:]
    return Article(
        id=row["doc_id"],
        text="\n".join(sentences),
        url=row.get("url"),
        origin=f"ecbplus:{row['doc_id']}",
    )


def load_ecbplus(splits: Iterable[str] = ("test",), path: Path | None = None) -> EvalSet:
    """ECB+ documents of the given splits; gold label = the document's event cluster."""
    path = Path(os.environ.get("NEWSMOA_ECBPLUS", path or ECBPLUS))
    wanted = set(splits)
    arts, gold = [], []
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["split"] in wanted:
                arts.append(_ecb_article(row))
                gold.append(row["event_cluster"])
    name = "ECB+ " + "+".join(s for s in ("train", "dev", "test") if s in wanted)
    return EvalSet(name, tuple(arts), tuple(gold))


def ecb_topic(article: Article) -> int:
    """The ECB+ topic number of a document id such as `36_4ecbplus`."""
    return int(article.id.split("_", 1)[0])


def ko_dev_paths() -> tuple[Path, Path]:
    """Where the Korean dev texts and labels are looked for."""
    texts = Path(os.environ.get("NEWSMOA_KO_DEV", KO_DEV))
    labels = Path(os.environ.get("NEWSMOA_KO_LABELS", KO_LABELS))
    return texts, labels


def _published(value: str | None) -> datetime | None:
    if not value:
        return None
    when = datetime.fromisoformat(value)
    return when if when.tzinfo else when.replace(tzinfo=SEOUL)


def load_ko_dev() -> EvalSet | None:
    """The Korean dev day, or None when its texts or labels are not on this machine."""
    texts, labels = ko_dev_paths()
    if not texts.is_file() or not (labels / "labels.jsonl").is_file():
        return None
    story = {}
    with (labels / "labels.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            story[row["url"]] = row["story"]
    arts, gold = [], []
    with texts.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            row = json.loads(line)
            arts.append(
                Article(
                    id=row["url"],
                    text=row["text"],
                    title=row.get("title") or "",
                    outlet=row.get("outlet"),
                    published=_published(row.get("published")),
                    url=row["url"],
                    origin=f"{texts.name}:{n}",
                )
            )
            gold.append(story[row["url"]])
    pairs = []
    nd_path = labels / "near_duplicates.jsonl"
    if nd_path.is_file():
        with nd_path.open(encoding="utf-8") as f:
            pairs = [(r["a"], r["b"]) for r in map(json.loads, f)]
    return EvalSet("ko-news-2019-07-31", tuple(arts), tuple(gold), tuple(pairs))


def ko_august_paths() -> tuple[Path, Path]:
    """Where the August texts (the upstream CSV) and our labels are looked for."""
    return Path(os.environ.get("NEWSMOA_KO_AUG", KO_AUG)), KO_AUG_LABELS


def load_ko_august(part: str) -> EvalSet | None:
    """Part A (2019-08-01..11), B (08-12..21) or C (08-22..31) of the August set, each article
    published at the midnight of its date (Seoul; the upstream file has dates, not times);
    None when the texts are not on this machine."""
    texts, labels = ko_august_paths()
    if not texts.is_file():
        return None
    wanted = {}
    with labels.open(encoding="utf-8") as f:
        for row in map(json.loads, f):
            if row["part"] == part:
                wanted[row["url"]] = row
    csv.field_size_limit(1 << 30)
    with texts.open(encoding="utf-8-sig", newline="") as f:
        found = {r["url"]: r for r in csv.DictReader(f) if r["url"] in wanted}
    missing = sorted(set(wanted) - set(found))
    if missing:
        raise ValueError(
            f"{texts}: {len(missing)} labelled articles are not in it, e.g. {missing[0]}"
        )
    arts, gold = [], []
    for url, row in sorted(wanted.items(), key=lambda kv: kv[1]["row"]):
        text = found[url]
        arts.append(
            Article(
                id=url,
                text=text["text"],
                title=text["headline"],
                outlet=text["press"],
                published=datetime.fromisoformat(row["date"]).replace(tzinfo=SEOUL),
                url=url,
                origin=f"{texts.name} row {row['row']}",
            )
        )
        gold.append(row["story"])
    return EvalSet(f"ko-news-2019-08 {part}", tuple(arts), tuple(gold))
