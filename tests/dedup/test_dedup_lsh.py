"""LSH banding: recall on injected near-duplicates, the bucket cap, and the incremental index."""

from __future__ import annotations

import numpy as np
import pytest

from newsmoa.dedup import (
    EMPTY,
    LSHConfig,
    LSHIndex,
    band_keys,
    candidate_pairs,
    jaccard,
    shingle_set,
    signature,
    signatures,
)


@pytest.fixture(scope="module")
def corpus(maker) -> tuple[list[str], set[tuple[int, int]]]:
    """120 unrelated texts, then one lightly edited copy of each of the first 60."""
    m = maker(21)
    texts = [m.text(250) for _ in range(120)]
    truth = set()
    for i in range(60):
        texts.append(m.edit(texts[i], share=0.03 if i % 2 else 0.06))
        truth.add((i, len(texts) - 1))
    return texts, truth


def test_candidates_find_injected_duplicates_and_little_else(corpus) -> None:
    texts, truth = corpus
    pairs = candidate_pairs(signatures(texts))
    assert pairs.dtype == np.int64 and pairs.shape[1] == 2
    assert np.all(pairs[:, 0] < pairs[:, 1])
    found = set(map(tuple, pairs.tolist()))
    assert len(found) == len(pairs)  # no repeats
    for i, j in truth:  # the edits keep true Jaccard well above 0.6
        assert jaccard(shingle_set(texts[i]), shingle_set(texts[j])) > 0.6
    assert truth <= found
    assert len(found - truth) <= 5  # unrelated random texts share almost no band


def test_candidate_pairs_are_sorted_and_skip_empty_signatures(corpus) -> None:
    texts, _ = corpus
    sigs = signatures(["", "abc"] + texts[:10] + texts[:3] + ["", "x"])
    pairs = candidate_pairs(sigs)
    assert pairs.tolist() == sorted(pairs.tolist())
    assert set(map(tuple, pairs.tolist())) == {(2, 12), (3, 13), (4, 14)}
    assert candidate_pairs(sigs[:1]).shape == (0, 2)


def test_a_huge_bucket_is_capped_to_a_window() -> None:
    sigs = np.tile(signature("완주군은 희망제작소와 협약을 체결했다"), (30, 1))
    pairs = candidate_pairs(sigs, LSHConfig(max_bucket=4))
    # every member pairs with the next 3 members only: 27*3 + 2 + 1 pairs instead of 435
    assert len(pairs) == 27 * 3 + 2 + 1
    assert set(map(tuple, pairs.tolist())) == {
        (i, j) for i in range(30) for j in range(i + 1, min(30, i + 4))
    }
    assert len(candidate_pairs(sigs)) == 30 * 29 // 2


def test_band_configuration_is_checked() -> None:
    sigs = signatures(["완주군은 희망제작소와 협약을 체결했다"])
    with pytest.raises(ValueError):
        candidate_pairs(sigs, LSHConfig(bands=33, rows=4))
    with pytest.raises(ValueError):
        LSHConfig(max_bucket=1)
    assert band_keys(sigs).shape == (1, 32)
    assert LSHConfig().probability(0.5) == 1 - (1 - 0.5**4) ** 32
    assert LSHConfig().probability(0.6) > 0.98 and LSHConfig().probability(0.3) < 0.25


def test_index_agrees_with_bulk_candidates(corpus) -> None:
    texts, _ = corpus
    sigs = signatures(texts)
    index = LSHIndex()
    found = set()
    for j, sig in enumerate(sigs):
        found.update((int(key), j) for key in index.query(sig))
        index.insert(str(j), sig)
    assert len(index) == len(texts)
    assert found == set(map(tuple, candidate_pairs(sigs).tolist()))


def test_index_query_order_replace_and_remove() -> None:
    text = "완주군은 19일 희망제작소에서 박성일 군수와 이원재 소장 등 50명이 참여한 가운데"
    sig = signature(text)
    index = LSHIndex()
    for key in ("c", "a", "b"):
        index.insert(key, sig)
    index.insert("empty", np.full(128, EMPTY, dtype=np.uint32))
    assert index.query(sig) == ["c", "a", "b"]  # insertion order, not alphabetical
    assert index.query(signature("")) == []
    index.insert("c", signature("전혀 다른 기사의 본문은 이렇게 시작한다"))  # a new version of "c"
    assert index.query(sig) == ["a", "b"]
    index.remove("a")
    assert index.query(sig) == ["b"] and "a" not in index and len(index) == 3
    with pytest.raises(KeyError):
        index.remove("a")
