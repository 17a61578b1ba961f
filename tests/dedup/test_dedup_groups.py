"""Checked pairs and union-find groups."""

from __future__ import annotations

import numpy as np
import pytest

from newsmoa.dedup import check_pairs, groups, near_duplicate_pairs, signatures


def test_groups_by_hand() -> None:
    assert groups(7, [(5, 6), (0, 3), (3, 1)]) == [[0, 1, 3], [5, 6]]
    assert groups(4, [(2, 3, 0.9)], singletons=True) == [[0], [1], [2, 3]]
    assert groups(3, []) == []
    assert groups(5, np.array([[4, 0], [1, 2]])) == [[0, 4], [1, 2]]
    with pytest.raises(IndexError):
        groups(3, [(0, 3)])


def test_groups_follow_chains_regardless_of_pair_order() -> None:
    pairs = [(i, i + 1) for i in range(0, 50, 2)] + [(i, i + 1) for i in range(1, 50, 2)]
    assert groups(51, pairs) == [list(range(51))]
    assert groups(51, list(reversed(pairs))) == [list(range(51))]


def test_checking_drops_weak_candidates() -> None:
    base = "완주군은 19일 희망제작소에서 2단계 업무협약을 체결했다고 밝혔다 박성일 군수는"
    texts = [
        base,
        base + " 힘을 모으자고 강조했다",
        "전혀 다른 기사의 본문은 이렇게 시작한다",
        base,
    ]
    sigs = signatures(texts)
    kept, est = check_pairs(sigs, np.array([[0, 1], [0, 2], [0, 3]]), threshold=0.5)
    assert kept.tolist() == [[0, 1], [0, 3]]
    assert est[1] == 1.0 and 0.5 <= est[0] < 1.0
    with pytest.raises(IndexError):
        check_pairs(sigs, np.array([[0, 9]]))


def test_near_duplicate_pairs_and_groups_on_families(maker) -> None:
    m = maker(31)
    bases = [m.text(250) for _ in range(30)]
    texts = list(bases)
    family_of = list(range(30))
    for i in range(0, 30, 3):  # every third base gets two reprints
        for _ in range(2):
            texts.append(m.edit(bases[i], share=0.04))
            family_of.append(i)
    pairs = near_duplicate_pairs(signatures(texts), threshold=0.5)
    assert all(i < j and 0.5 <= e <= 1.0 for i, j, e in pairs)
    assert all(family_of[i] == family_of[j] for i, j, _ in pairs)
    expected = [sorted(k for k, f in enumerate(family_of) if f == i) for i in range(0, 30, 3)]
    assert groups(len(texts), pairs) == expected
