"""Near-duplicates: MinHash signatures, LSH banding, checked pairs and their groups.

    text --signature()--> uint32[num_perm] --LSH bands--> candidate pairs
         --check (estimated Jaccard >= threshold)--> near-duplicate pairs --groups()--> groups

Batch use (a whole corpus at once)::

    sigs = signatures(texts)
    pairs = near_duplicate_pairs(sigs, threshold=0.5)
    families = groups(len(texts), pairs)

Incremental use (articles arriving one by one) goes through an explicit `LSHIndex`.
Shingles are 5 codepoints of folded text (no spaces, punctuation or bullets; see `fold`).
"""

from newsmoa.dedup.fold import fold_text, jaccard, shingle_set
from newsmoa.dedup.groups import check_pairs, groups, near_duplicate_pairs
from newsmoa.dedup.lsh import LSHConfig, LSHIndex, band_keys, candidate_pairs
from newsmoa.dedup.minhash import (
    EMPTY,
    MinHashConfig,
    estimate_containment,
    estimate_jaccard,
    folded_text,
    signature,
    signatures,
    signatures_and_sizes,
)

__all__ = [
    "EMPTY",
    "LSHConfig",
    "LSHIndex",
    "MinHashConfig",
    "band_keys",
    "candidate_pairs",
    "check_pairs",
    "estimate_containment",
    "estimate_jaccard",
    "fold_text",
    "folded_text",
    "groups",
    "jaccard",
    "near_duplicate_pairs",
    "shingle_set",
    "signature",
    "signatures",
    "signatures_and_sizes",
]
