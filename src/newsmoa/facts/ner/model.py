"""The trained tagger: a CRF over characters plus the embedding lexicon, loaded from files.

`Tagger.load(dir)` reads `model.crfsuite` and `lexicon.tsv`; `Tagger.spans(texts)` analyses
the texts with the shared Kiwi and returns the typed spans of each. The shipped files sit in
`data/` beside this module; `train.py` writes them.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsmoa.facts.ner.corpus import Span, bio_to_spans
from newsmoa.facts.ner.embed import Lexicon, Space
from newsmoa.facts.ner.features import FeatureConfig, Morph, morphs_of, sentence_features
from newsmoa.facts.ner.tables import tables

MODEL_FILE = "model.crfsuite"
LEXICON_FILE = "lexicon.tsv"
CONFIG_FILE = "features.json"


def write_config(config: FeatureConfig, directory: Path) -> None:
    """The feature groups a model was trained with, so loading uses the same ones."""
    text = json.dumps(dataclasses.asdict(config), indent=1, sort_keys=True)
    (directory / CONFIG_FILE).write_text(text + "\n", encoding="utf-8")


def read_config(directory: Path) -> FeatureConfig:
    path = directory / CONFIG_FILE
    if not path.exists():
        return FeatureConfig()
    return FeatureConfig(**json.loads(path.read_text("utf-8")))


def shipped_dir() -> Path:
    return Path(__file__).resolve().parent / "data"


def read_lexicon(path: Path) -> Lexicon:
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            morph_id, typ = line.split("\t")[:2]
            rows.append((int(morph_id), typ))
    return Lexicon.from_rows(rows)


def write_lexicon(lexicon: Lexicon, path: Path, names: dict[int, str]) -> None:
    lines = ["# morpheme id (kiwipiepy-model)\ttype\tform (for reading only); most frequent first"]
    lines += [f"{i}\t{t}\t{names.get(i, '')}" for i, t in lexicon.rows()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


class Tagger:
    """A loaded model; `spans` is safe to call from one thread at a time."""

    def __init__(self, crf: Any, lexicon: Lexicon | None, kiwi: Any, config: FeatureConfig) -> None:
        self._crf = crf
        self._lexicon = lexicon
        self._kiwi = kiwi
        self._space = Space(kiwi, top_n=max(config.neighbours, 1))
        self.config = config

    @classmethod
    def load(cls, directory: Path | None = None, *, config: FeatureConfig | None = None) -> Tagger:
        import pycrfsuite

        from newsmoa.text.analyzer import analyzer

        directory = directory or shipped_dir()
        crf = pycrfsuite.Tagger()
        crf.open(str(directory / MODEL_FILE))
        lex_path = directory / LEXICON_FILE
        lexicon = read_lexicon(lex_path) if lex_path.exists() else None
        return cls(crf, lexicon, analyzer(), config or read_config(directory))

    def features(self, text: str, morphs: Sequence[Morph]) -> list[list[str]]:
        return sentence_features(
            text,
            morphs,
            config=self.config,
            tables=tables(),
            space=self._space,
            lexicon=self._lexicon,
        )

    def analyse(self, texts: Sequence[str]) -> list[list[Morph]]:
        return [morphs_of(toks) for toks in self._kiwi.tokenize(list(texts))]

    def spans(self, texts: Sequence[str]) -> list[list[Span]]:
        out: list[list[Span]] = []
        for text, morphs in zip(texts, self.analyse(texts), strict=True):
            if not text:
                out.append([])
                continue
            tags = self._crf.tag(self.features(text, morphs))
            out.append(bio_to_spans(tags, text))
        return out
