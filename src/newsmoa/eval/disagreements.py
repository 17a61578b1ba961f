"""The disagreements the product reports on real days: `python -m newsmoa.eval.disagreements`
(`newsmoa eval --only disagreements`).

No set has gold disagreements. Each Korean set on this machine (the dev day, August A-C) goes
in one `Newsroom.ingest` call into a new SQLite store, as `newsmoa ingest` would take its
CSV; then every multi-article story's disagreements are counted by kind and listed, with
their values and the outlets behind each, for a reader to judge against the articles (the
articles' own words are not printed: the texts are copyrighted). Read this way on the dev
day (2026-11-29), 79 were reported before the precision rules of `reconcile.disagreements`
and 8 after, 3 of them real: 목동 8:24 against 8:26, MBC 지난달 15일 against 지난 15일, 제주
오후 5시 against 6시 30분; once sentence alignment kept its Dice floor (`reconcile.align`), 2,
both real (MBC, 제주): 목동's two times are stated in paraphrases, which are no longer one
sentence. ECB+ (all its topics, shipped with the project) is the English set: its stories are
the product's, not the corpus's events. Read on 2026-11-30, once English articles had facts:
1 disagreement in 112 stories of 2+ articles, and a real one (at least one dead against at
least five in an Indonesian quake's first reports); before the rules for English figures (a
tokeniser's `6 . 1`, telephone numbers, ranges, conversions, whose figure it is:
`quantities_en.lead`), 13 with the splits read apart. Read again later that day, once a
floor (`at least`) is contradicted only by less (so that pair is none) and tolls are
compared across a story's leads (`story_counts.tsv`): 5, all tolls; 2 real (50 against 80
injured in Iran, Qeshm's reports of 2, 3 and 5 injured), 1 doubtful (40 against more than
50 dead in Gaza, maybe two strikes), 2 false (a look-alike quake merged into the story, a
sub-count: six children against 24 dead). On the Korean sets the same rules found two
real misprints of one outlet on the dev day (`영업이익 6조6000원`, `매출 16조900억원`).
Once rewrites of one claim were joined into one sentence (`reconcile.rewrites`, 2026-11-30),
August C rose from 2 to 4: a real misprint (세계일보's `12월5일부터` for China's tariffs,
against 12월 15일) and a false one (`이번 주 중으로 … 출석한다` of a Sunday read as the week
ending that day, against the 29th); the other sets were unchanged.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsmoa.eval.datasets import EvalSet, load_ecbplus, load_ko_august, load_ko_dev, raw_item


@dataclass(frozen=True, slots=True)
class Found:
    name: str
    stories: int  # with two or more articles
    by_kind: Counter[str]
    lines: tuple[str, ...]  # one a disagreement: story title, label, values and outlets


def found(data: EvalSet) -> Found:
    """The set through the product, and the disagreements of its multi-article stories."""
    from newsmoa.pipeline import Newsroom, story_document
    from newsmoa.serve.view import show_value
    from newsmoa.store import scratch_store

    items = [raw_item(a) for a in data.articles]
    kinds: Counter[str] = Counter()
    lines: list[str] = []
    with scratch_store() as store:
        Newsroom(store).ingest(items)
        stories = [s for s in store.story_summaries() if s["article_count"] > 1]
        for summary in stories:
            doc = story_document(store, summary["id"]) or {}
            outlet = {a["id"]: a.get("outlet") or a["id"] for a in doc.get("articles", [])}
            for d in doc.get("disagreements", []):
                kinds[d["kind"]] += 1
                values = "; ".join(
                    f"{show_value(v['value'])} ("
                    + ", ".join(sorted({outlet.get(s["article"], "?") for s in v["sources"]}))
                    + ")"
                    for v in d["values"]
                )
                lines.append(f"{summary['title'][:40]} | {d['about']}: {values}")
    return Found(data.name, len(stories), kinds, tuple(lines))


def main(argv: Sequence[str] | None = None) -> int:
    sets = [s for s in (load_ko_dev(), *(load_ko_august(p) for p in "ABC")) if s is not None]
    if not sets:
        print("disagreements: no Korean set's texts on this machine; English (ECB+) only")
    sets.append(load_ecbplus(("train", "dev", "test")))
    print(f"{'set':<30} {'stories (2+)':>12} {'disagreements':>13}  by kind")
    every = [found(data) for data in sets]
    for f in every:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(f.by_kind.items()))
        print(f"{f.name:<30} {f.stories:>12} {sum(f.by_kind.values()):>13}  {kinds}")
    for f in every:
        if f.lines:
            print(f"\n{f.name}:")
            print("\n".join(f"  {line}" for line in f.lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
