"""Error analysis of story clustering on the tuning half: `python -m newsmoa.eval.errors`.

Clusters the Korean dev day's half-A stories (or one quarter of them, `1` or `2`; see
`tune.check_sets`) in one batch and prints, largest first, the predicted stories that join
several gold stories (false pairs, and per article its gold story, outlet, headline, headline
actors and `Assignment.signals`), then the gold stories split over several predicted ones.
Pairwise scores are dominated by the largest components, so the top of each list is where
precision and recall are lost. It also counts the false pairs that join stories of
different quarters (`tune.quarter_of`): the chaining the two quarters add by sharing one
index, a view of what the full day's two halves do that needs no held-out data. Half B and
the full day are held out (README: how the settings were chosen), so they cannot be chosen
here. Headlines are printed to the terminal only: the
texts are copyrighted and stay out of commits.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Sequence

from newsmoa.cluster import DEFAULT_CONFIG, ClusterConfig, StoryIndex, article_features
from newsmoa.eval.clustering import halves
from newsmoa.eval.datasets import EvalSet, load_ko_dev
from newsmoa.eval.scoring import bcubed, pair_count, pairwise
from newsmoa.eval.tune import check_sets, quarter_of


def false_pairs_across_quarters(gold: Sequence[str], pred: Sequence[str]) -> tuple[int, int]:
    """(false pairs joining gold stories of different quarters, all false pairs): on half A,
    the first is what chaining adds when the two quarters share one index, as the full day is
    the two halves in one index (README, "Chaining")."""
    members: dict[str, list[str]] = defaultdict(list)
    for g, p in zip(gold, pred, strict=True):
        members[p].append(g)
    across = total = 0
    for gs in members.values():
        for i, a in enumerate(gs):
            for b in gs[i + 1 :]:
                if a != b:
                    total += 1
                    across += quarter_of(a) != quarter_of(b)
    return across, total


def report(data: EvalSet, config: ClusterConfig = DEFAULT_CONFIG, width: int = 72) -> str:
    data = data.extracted()  # as the product reads it; a dropped article is its own story
    feats = [article_features(a, config) for a in data.articles]
    index = StoryIndex(config)
    pairs = zip(data.articles, feats, strict=True)
    kept = [(a.id, f) for a, f in pairs if a.id not in data.dropped]
    done = {x.article: x for x in index.add_many(kept)}
    pred = list(data.stories(index.story_of))
    pw, b3 = pairwise(data.gold, pred), bcubed(data.gold, pred)
    lines = [
        f"{data.name}: {len(pred)} articles; pairwise P {pw.precision:.3f} R {pw.recall:.3f} "
        f"F1 {pw.f1:.3f}; B-cubed F1 {b3.f1:.3f}"
    ]
    across, total = false_pairs_across_quarters(data.gold, pred)
    lines.append(f"false pairs joining stories of different quarters: {across} of {total}")

    def row(i: int, label: str) -> str:
        a, s = data.articles[i], done.get(data.articles[i].id)
        how = "dropped by extraction" if s is None else "founded" if s.founded else "joined"
        outlet = (a.outlet or "")[:6]
        return (
            f"  {label:<10} {outlet:<6} {a.title[:width]} | actors {list(feats[i].actors)}"
            f" | {how} {dict(s.signals) if s else ''}"
        )

    for title, groups, other in (
        ("false merges", pred, data.gold),
        ("splits", data.gold, pred),
    ):
        members: dict[str, list[int]] = defaultdict(list)
        for i, g in enumerate(groups):
            members[g].append(i)
        found = []
        for g, idx in members.items():
            parts = Counter(other[i] for i in idx)
            wrong = pair_count(len(idx)) - sum(pair_count(c) for c in parts.values())
            if wrong:
                found.append((wrong, g, idx, parts))
        found.sort(key=lambda f: (-f[0], f[1]))
        lines.append(f"\n## {title}: {sum(f[0] for f in found)} pairs in {len(found)} stories")
        for wrong, g, idx, parts in found:
            lines.append(f"\n{g}: {len(idx)} articles, {wrong} pairs; {dict(parts)}")
            lines.extend(row(i, other[i]) for i in sorted(idx, key=lambda i: (other[i], i)))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    ko = load_ko_dev()
    if ko is None:
        print("ko-news-2019-07-31 texts not found; see ../shared/data/README.md")
        return 1
    which = args[0] if args else "A"
    sets = {"A": halves(ko)[0], **dict(zip("12", check_sets(), strict=True))}
    if which not in sets:
        print("usage: python -m newsmoa.eval.errors [A|1|2]  (half B is held out)")
        return 2
    print(report(sets[which]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
