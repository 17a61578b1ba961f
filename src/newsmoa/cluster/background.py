"""Background document frequencies: which terms are common in a language before the index has
seen enough articles to tell (a new store, a small batch).

Without them a young index weighs function words ("밝혔다", "the") like names, and two unrelated
articles that share only those look alike. The table holds, for terms found in at least
`MIN_SHARE` of the documents of public news text, that share; the index counts it as
`share * idf_prior_docs` pseudo-documents containing the term.

Sources, both in the repository and both only what their licences allow:
- Korean: the news sentences (source "wikitree") of `data/klue/klue-ner-dev-A.jsonl`
  (KLUE-NER, CC BY-SA 4.0), grouped 26 at a time into article-sized documents. The table is an
  adaptation of that data and carries its licence (see `data/README.md`).
- English: the ECB+ train topics of `data/ecbplus/ecbplus_docs.jsonl` (CC BY 3.0); never the
  dev or test topics.

Rebuild with `python -m newsmoa.cluster.background` (writes `data/background_df.npz`).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from newsmoa.cluster.terms import clean_for_features, term_counts

MIN_SHARE = 0.1  # above any one ECB+ topic's share (<= 39 of 575 documents)
SENTENCES_PER_DOCUMENT = 26
REPO = Path(__file__).resolve().parents[3]
OUT = Path(__file__).resolve().parent / "data" / "background_df.npz"


def _korean_documents(path: Path) -> list[str]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    news = [r["text"] for r in rows if r.get("source") == "wikitree"]
    n = SENTENCES_PER_DOCUMENT
    return [" ".join(news[i : i + n]) for i in range(0, len(news) - n + 1, n)]


def _english_documents(path: Path) -> list[str]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [" ".join(r["sentences"][1:]) for r in rows if r["split"] == "train"]


def shares(documents: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Terms in at least MIN_SHARE of the documents, and their share."""
    terms = [term_counts(clean_for_features(d), 0, 0.0)[0] for d in documents]
    allterms, counts = np.unique(np.concatenate(terms), return_counts=True)
    share = counts / len(documents)
    keep = share >= MIN_SHARE
    return allterms[keep], share[keep].astype(np.float32)


def build() -> tuple[np.ndarray, np.ndarray]:
    ko = shares(_korean_documents(REPO / "data" / "klue" / "klue-ner-dev-A.jsonl"))
    en = shares(_english_documents(REPO / "data" / "ecbplus" / "ecbplus_docs.jsonl"))
    terms = np.concatenate([ko[0], en[0]])
    share = np.concatenate([ko[1], en[1]])
    order = np.argsort(terms)
    return terms[order], share[order]


@cache
def table() -> tuple[np.ndarray, np.ndarray]:
    """(sorted term hashes uint64, share of documents float32) of the shipped table."""
    blob = resources.files("newsmoa.cluster").joinpath("data/background_df.npz").read_bytes()
    import io

    with np.load(io.BytesIO(blob)) as data:
        return data["terms"].astype(np.uint64), data["share"].astype(np.float32)


if __name__ == "__main__":
    terms, share = build()
    np.savez_compressed(OUT, terms=terms, share=share)
    print(f"{terms.size} common terms written to {OUT}")
