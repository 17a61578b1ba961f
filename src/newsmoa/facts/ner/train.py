"""Rebuild the shipped entity model from `data/klue/`: `python -m newsmoa.facts.ner.train`.

Trains on the training part of the fixed split only (`corpus.split`); the held-out quarter is
never seen. Deterministic: same data, same kiwipiepy model, same files. Takes a few minutes
on two cores. `--out DIR` writes elsewhere (for experiments), `--dev` trains on four fifths
of the training part and scores the fifth (for choosing features without the held-out part).
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsmoa.facts.ner.corpus import Labelled, load, spans_to_bio, split
from newsmoa.facts.ner.embed import Lexicon
from newsmoa.facts.ner.features import FeatureConfig, Morph
from newsmoa.facts.ner.model import (
    LEXICON_FILE,
    MODEL_FILE,
    Tagger,
    shipped_dir,
    write_config,
    write_lexicon,
)

LEXICON_TAGS = ("NNP", "NNG", "SL", "SH")


@dataclass(frozen=True, slots=True)
class TrainConfig:
    """L-BFGS with L1 (`c1`, keeps the model file small) and L2 (`c2`) penalties."""

    c1: float = 0.1
    c2: float = 0.1
    max_iterations: int = 300
    min_freq: int = 0
    features: FeatureConfig = FeatureConfig()  # noqa: RUF009 (frozen, shared safely)


def build_lexicon(rows: Sequence[Labelled], morphs: Sequence[Sequence[Morph]]) -> Lexicon:
    """Each content morpheme lying wholly inside an entity, with its most frequent type;
    proper nouns never inside an entity are listed as `O`."""
    seen: dict[int, Counter[str]] = {}
    for row, ms in zip(rows, morphs, strict=True):
        for m in ms:
            if m.tag not in LEXICON_TAGS:
                continue
            typ = next((s.type for s in row.spans if s.start <= m.start and m.end <= s.end), "O")
            if typ == "O" and m.tag != "NNP":
                continue
            seen.setdefault(m.id, Counter())[typ] += 1
    typed = [(i, max(sorted(c), key=lambda t: c[t]), sum(c.values())) for i, c in seen.items()]
    typed.sort(key=lambda x: (-x[2], x[0]))
    return Lexicon.from_rows((i, t) for i, t, _ in typed)


def fit(rows: Sequence[Labelled], out_dir: Path, config: TrainConfig) -> Tagger:
    """Train on `rows`, write the model and lexicon to `out_dir`, return the loaded tagger."""
    import pycrfsuite

    out_dir.mkdir(parents=True, exist_ok=True)
    kiwi = _kiwi()
    morphs = Tagger(None, None, kiwi, config.features).analyse([r.text for r in rows])
    lexicon = build_lexicon(rows, morphs) if config.features.lexicon else None
    tagger = Tagger(None, lexicon, kiwi, config.features)
    trainer = pycrfsuite.Trainer(verbose=False)
    for row, ms in zip(rows, morphs, strict=True):
        trainer.append(tagger.features(row.text, ms), spans_to_bio(len(row.text), row.spans))
    trainer.set_params(
        {
            "c1": config.c1,
            "c2": config.c2,
            "max_iterations": config.max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": config.min_freq,
        }
    )
    trainer.train(str(out_dir / MODEL_FILE))
    write_config(config.features, out_dir)
    if lexicon is not None:
        names = {m.id: f"{m.form}/{m.tag}" for ms in morphs for m in ms}
        write_lexicon(lexicon, out_dir / LEXICON_FILE, names)
    elif (out_dir / LEXICON_FILE).exists():
        (out_dir / LEXICON_FILE).unlink()
    return Tagger.load(out_dir, config=config.features)


def _kiwi() -> object:
    from newsmoa.text.analyzer import analyzer

    return analyzer()


def dev_split(rows: Sequence[Labelled], fold: int = 0) -> tuple[list[Labelled], list[Labelled]]:
    """Four fifths / one fifth (fold 0-4) of the training part, by another hash of the guid."""
    inner: list[Labelled] = []
    dev: list[Labelled] = []
    for row in rows:
        h = int.from_bytes(hashlib.sha1(("dev:" + row.guid).encode()).digest()[:4], "big")
        (dev if h % 5 == fold else inner).append(row)
    return inner, dev


def main(argv: Sequence[str] | None = None) -> None:
    from newsmoa.eval.ner import score_table

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=shipped_dir())
    ap.add_argument("--dev", action="store_true", help="train on 4/5 of train, score the rest")
    ap.add_argument("--fold", type=int, default=0, help="which fifth --dev scores (0-4)")
    default = TrainConfig()
    ap.add_argument("--c1", type=float, default=default.c1)
    ap.add_argument("--c2", type=float, default=default.c2)
    ap.add_argument("--iterations", type=int, default=default.max_iterations)
    ap.add_argument("--min-freq", type=int, default=default.min_freq)
    ap.add_argument("--neighbours", type=int, default=default.features.neighbours)
    ap.add_argument("--news-only", action="store_true", help="train on wikitree sentences only")
    ap.add_argument(
        "--without",
        nargs="*",
        default=[],
        choices=["morphs", "tables", "lexicon", "blocks"],
    )
    args = ap.parse_args(argv)
    feats = FeatureConfig(neighbours=args.neighbours, **{name: False for name in args.without})
    config = TrainConfig(args.c1, args.c2, args.iterations, args.min_freq, feats)
    train, _ = split(load())
    dev: list[Labelled] = []
    if args.dev:
        train, dev = dev_split(train, args.fold)
    if args.news_only:
        train = [r for r in train if r.source == "wikitree"]
    t0 = time.time()
    tagger = fit(train, args.out, config)
    print(f"trained on {len(train)} sentences in {time.time() - t0:.0f} s -> {args.out}")
    if dev:
        news = [r for r in dev if r.source == "wikitree"]
        print(score_table({"dev news": news, "dev all": dev}, tagger))


if __name__ == "__main__":
    main()
