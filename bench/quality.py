"""How well a method's signatures find the injected near-duplicates, after the same checking.

Truth: every pair of articles in one injected family (an original and its reprints), with its
exact Jaccard similarity over the shared shingling. Every method's signatures then go through
the same newsmoa LSH (32 bands x 4 rows) and the same check (estimated Jaccard >= 0.5):

* recall: share of family pairs with exact J >= 0.5 that survive (also within J 0.5-0.6);
* precision: share of surviving pairs that are family pairs;
* MAE: mean |estimated - exact J| over all family pairs (how good the estimator is).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from bench.corpus import CACHE, Corpus, load_texts, load_truth
from newsmoa.dedup import LSHConfig, candidate_pairs, check_pairs, folded_text
from newsmoa.dedup._lsh_kernels import pair_estimates

THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Truth:
    pairs: np.ndarray  # int64[m, 2], i < j, family pairs
    jaccard: np.ndarray  # float64[m], exact

    def codes(self, n: int) -> np.ndarray:
        return self.pairs[:, 0] * n + self.pairs[:, 1]


def _shingles(text: str, k: int = 5) -> set[str]:
    folded = folded_text(text)
    return {folded[i : i + k] for i in range(len(folded) - k + 1)}


def family_truth(corpus: Corpus) -> Truth:
    """All family pairs with their exact Jaccard (cached next to the corpus)."""
    path = corpus.folder / "truth_pairs.npz"
    if path.exists():
        data = np.load(path)
        return Truth(data["pairs"], data["jaccard"])
    rows = load_truth(corpus)
    index = {row["id"]: i for i, row in enumerate(rows)}
    families: dict[int, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        families[index[row["family"]]].append(i)
    members = [sorted(m) for m in families.values() if len(m) > 1]
    texts = load_texts(corpus)
    pairs, jac = [], []
    for group in members:
        sets = {i: _shingles(texts[i]) for i in group}
        for a, i in enumerate(group):
            for j in group[a + 1 :]:
                si, sj = sets[i], sets[j]
                union = len(si | sj)
                pairs.append((i, j))
                jac.append(len(si & sj) / union if union else 0.0)
    truth = Truth(np.array(pairs, dtype=np.int64).reshape(-1, 2), np.array(jac))
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez(path, pairs=truth.pairs, jaccard=truth.jaccard)
    return truth


def score(sigs: np.ndarray, truth: Truth, lsh: LSHConfig | None = None) -> dict[str, float]:
    """Candidates per document, recall, precision and estimator error of one method."""
    n = sigs.shape[0]
    cands = candidate_pairs(sigs, lsh or LSHConfig())
    kept, _ = check_pairs(sigs, cands, THRESHOLD)
    found = np.isin(truth.codes(n), kept[:, 0] * n + kept[:, 1])
    target = truth.jaccard >= THRESHOLD
    band = target & (truth.jaccard < 0.6)
    true_kept = np.isin(kept[:, 0] * n + kept[:, 1], truth.codes(n)).sum()
    est = pair_estimates(np.ascontiguousarray(sigs), truth.pairs)
    return {
        "cands_per_doc": 2 * len(cands) / n,
        "reported": float(len(kept)),
        "recall": float(found[target].mean()) if target.any() else float("nan"),
        "recall_05_06": float(found[band].mean()) if band.any() else float("nan"),
        "precision": float(true_kept / len(kept)) if len(kept) else float("nan"),
        "mae": float(np.abs(est - truth.jaccard).mean()),
        "truth_pairs": float(target.sum()),
    }
