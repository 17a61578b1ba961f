"""MinHash signatures: defined edge cases, invariants, and estimates that track true Jaccard."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmoa.dedup import (
    EMPTY,
    MinHashConfig,
    estimate_containment,
    estimate_jaccard,
    fold_text,
    jaccard,
    shingle_set,
    signature,
    signatures,
    signatures_and_sizes,
)
from newsmoa.dedup import minhash as minhash_module


@pytest.mark.parametrize("text", ["", "    ", "가나다라", "a.b.c.d", "△ ▲ ▶"])
def test_text_shorter_than_a_shingle_has_the_empty_signature(text: str) -> None:
    sig = signature(text)
    assert sig.dtype == np.uint32 and sig.shape == (128,)
    assert np.all(sig == EMPTY)
    assert estimate_jaccard(sig, sig) == 0.0
    assert estimate_jaccard(sig, signature("완주군은 희망제작소와 협약했다")) == 0.0


def test_one_shingle_by_hand() -> None:
    # "abcde" is one shingle: densification copies it to every slot.
    a = signature("abcde")
    assert len(set(a.tolist())) == 1 and a[0] != EMPTY
    assert estimate_jaccard(a, signature("A B C D E")) == 1.0
    assert estimate_jaccard(a, signature("abcdf")) == 0.0


def test_bullet_space_and_case_variants_match() -> None:
    base = "이번 협약을 통해 △지역 정책의 개발 △사회적경제 실천 △공동체사업 연계를 추진한다."
    variants = [
        base.replace("△", "▲"),
        base.replace("△", "▶ "),
        base.replace(" ", "  ").replace("다.", "다"),
        base.replace("△", "\n- "),
    ]
    for variant in variants:
        assert estimate_jaccard(signature(base), signature(variant)) == 1.0


def test_signatures_equal_signature_and_are_deterministic(maker) -> None:
    m = maker(3)
    texts = [m.text(40) for _ in range(20)] + ["", "abc", "완주군은 19일"]
    batch = signatures(texts)
    assert batch.shape == (len(texts), 128)
    assert np.array_equal(batch, np.stack([signature(t) for t in texts]))
    serial, sizes = signatures_and_sizes(texts, threads=1)
    assert np.array_equal(batch, serial)
    assert sizes.tolist() == [max(0, len(fold_text(t)) - 4) for t in texts]


def test_chunks_and_threads_do_not_change_results(maker, monkeypatch: pytest.MonkeyPatch) -> None:
    m = maker(4)
    texts = [m.text(30) for _ in range(25)]
    whole = signatures(texts)
    monkeypatch.setattr(minhash_module, "_CHUNK_CODEPOINTS", 100)
    for threads in (1, 2, 3):
        assert np.array_equal(signatures_and_sizes(texts, threads=threads)[0], whole)
    assert signatures([]).shape == (0, 128)


def test_config_changes_the_signature_and_is_validated() -> None:
    text = "완주군은 19일 희망제작소에서 2단계 업무협약을 체결했다고 밝혔다."
    assert signature(text, MinHashConfig(num_perm=64)).shape == (64,)
    assert not np.array_equal(signature(text), signature(text, MinHashConfig(seed=2)))
    three = MinHashConfig(shingle_chars=3)
    assert estimate_jaccard(signature("abcxyz", three), signature("abc", three)) > 0
    for bad in ({"num_perm": 0}, {"shingle_chars": 0}, {"seed": -1}):
        with pytest.raises(ValueError):
            MinHashConfig(**bad)
    with pytest.raises(ValueError):
        estimate_jaccard(signature(text), signature(text, MinHashConfig(num_perm=64)))


@given(st.text(max_size=300))
def test_a_text_is_a_perfect_near_duplicate_of_itself(text: str) -> None:
    sig = signature(text)
    expected = 1.0 if len(fold_text(text)) >= 5 else 0.0
    assert estimate_jaccard(sig, sig) == expected
    assert estimate_jaccard(sig, signature(text + " ")) == expected


def test_estimate_tracks_true_jaccard(maker) -> None:
    m = maker(11)
    errors = []
    for i in range(80):
        base = m.text(250)
        other = m.edit(base, share=0.02 + 0.4 * (i % 20) / 20)
        true = jaccard(shingle_set(base), shingle_set(other))
        est = estimate_jaccard(signature(base), signature(other))
        sigma = math.sqrt(true * (1 - true) / 128)
        assert abs(est - true) <= 4.5 * sigma + 0.02, (true, est)
        errors.append(est - true)
    assert abs(float(np.mean(errors))) <= 0.015  # unbiased
    assert float(np.mean(np.abs(errors))) <= 0.045


def test_containment_of_a_short_text_in_a_longer_one(maker) -> None:
    m = maker(12)
    short = m.text(200)
    long = short + " " + m.text(300)  # true Jaccard ~0.4, containment of short in long ~1.0
    sigs, sizes = signatures_and_sizes([short, long])
    assert estimate_jaccard(sigs[0], sigs[1]) < 0.55
    # sigma of the containment estimate here is ~0.055: 0.8 is more than 3 sigma below 1.0
    assert estimate_containment(sigs[0], sigs[1], int(sizes[0]), int(sizes[1])) > 0.8
    assert estimate_containment(sigs[1], sigs[0], int(sizes[1]), int(sizes[0])) < 0.6
    assert estimate_containment(sigs[0], sigs[1], 0, int(sizes[1])) == 0.0


@given(st.lists(st.integers(min_value=1, max_value=0x3FFFF), min_size=5, max_size=40))
def test_straight_line_hash_equals_the_general_loop(codepoints: list[int]) -> None:
    from newsmoa.dedup import _kernels

    buf = np.array(codepoints, dtype=np.uint32)
    fast = np.zeros(len(buf), dtype=np.uint64)
    general = np.zeros(len(buf), dtype=np.uint64)
    start = np.uint64(12345)
    m = _kernels.hash_shingles(buf, len(buf), 5, start, fast)
    assert m == _kernels.hash_shingles_general(buf, len(buf), 5, start, general) == len(buf) - 4
    assert np.array_equal(fast, general)


def test_module_example_holds() -> None:
    import doctest

    result = doctest.testmod(minhash_module)
    assert result.attempted >= 3 and result.failed == 0
