"""Entity extraction scores on KLUE-NER: `python -m newsmoa.eval.ner`.

Prints one table: precision, recall and F1 per KLUE type and micro-averaged, for the held-out
news (wikitree) sentences (the headline), all held-out sentences, and, marked as seen in
training, the training part. A predicted entity counts only if its start, end and type all
equal a gold entity's (exact match, as in the KLUE entity-level metric).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TYPES = ("PS", "LC", "OG", "DT", "TI", "QT")
SpanKey = tuple[int, int, str]


@dataclass
class Counts:
    """True positives, false positives and false negatives of one type (or all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Counts per type and over all types (micro)."""

    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    micro: Counts = field(default_factory=Counts)


def _keys(spans: Iterable[Any]) -> set[SpanKey]:
    out = set()
    for s in spans:
        if isinstance(s, Mapping):
            out.add((int(s["start"]), int(s["end"]), str(s["type"])))
        elif isinstance(s, tuple):
            out.add((int(s[0]), int(s[1]), str(s[2])))
        else:
            out.add((s.start, s.end, s.type))
    return out


def score(gold: Iterable[Iterable[Any]], predicted: Iterable[Iterable[Any]]) -> Score:
    """Exact span+type matching, sentence by sentence (spans as objects, dicts or tuples)."""
    result = Score()
    for g_spans, p_spans in zip(gold, predicted, strict=True):
        g, p = _keys(g_spans), _keys(p_spans)
        for key, kind in (
            [(k, "tp") for k in g & p] + [(k, "fn") for k in g - p] + [(k, "fp") for k in p - g]
        ):
            counts = result.by_type.setdefault(key[2], Counts())
            setattr(counts, kind, getattr(counts, kind) + 1)
            setattr(result.micro, kind, getattr(result.micro, kind) + 1)
    return result


def format_table(groups: Mapping[str, Score]) -> str:
    """One row per group and type: n gold, precision, recall, F1 (in %)."""
    width = max([len(name) for name in groups] + [3])
    lines = [f"{'set':<{width}} {'type':<5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for name, sc in groups.items():
        rows = [(t, sc.by_type.get(t, Counts())) for t in TYPES] + [("micro", sc.micro)]
        for typ, c in rows:
            lines.append(
                f"{name:<{width}} {typ:<5} {c.tp + c.fn:>5} {100 * c.precision:>6.1f} "
                f"{100 * c.recall:>6.1f} {100 * c.f1:>6.1f}"
            )
        lines.append("")
    return "\n".join(lines).rstrip()


def score_table(groups: Mapping[str, Sequence[Any]], tagger: Any) -> str:
    """Tag each group's labelled sentences with `tagger` and format the scores."""
    scores = {}
    for name, rows in groups.items():
        predicted = tagger.spans([r.text for r in rows])
        scores[f"{name} ({len(rows)} sent.)"] = score([r.spans for r in rows], predicted)
    return format_table(scores)


def main(argv: Sequence[str] | None = None) -> None:
    """Score the shipped model (or `--model DIR`) on the fixed KLUE-NER split."""
    from newsmoa.facts.ner.corpus import load, split
    from newsmoa.facts.ner.model import Tagger

    ap = argparse.ArgumentParser(description="KLUE-NER entity scores")
    ap.add_argument("--data", type=Path, default=None, help="labelled jsonl (default data/klue)")
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: shipped)")
    args = ap.parse_args(argv)
    train, held = split(load(args.data))
    tagger = Tagger.load(args.model)
    groups = {
        "held-out news (wikitree)": [r for r in held if r.source == "wikitree"],
        "held-out all": held,
        "SEEN IN TRAINING: train all": train,
    }
    print("KLUE-NER v1.1 dev half A, exact span+type match; held-out never trained on")
    print(score_table(groups, tagger))


if __name__ == "__main__":
    main()
