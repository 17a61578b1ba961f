"""Amounts: one figure written several ways reads as one value."""

import pytest

from newsmoa.text.amounts import amounts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("임대료 1억5000만원", {"150000000"}),
        ("임대료 1.5억원", {"150000000"}),
        ("1억 5,000만 원", {"150000000"}),
        ("150,000,000원", {"150000000"}),
        ("사업비 5천만원", {"50000000"}),
        ("국비 22억5000만원을 포함한 45억원", {"2250000000", "4500000000"}),
        ("3억 6,000만 원, 2억원", {"360000000", "200000000"}),
        ("만 18~39세 청년 12명", {"18", "39", "12"}),
        ("3.2ha 부지", {"3.2"}),
        ("두 달 만에 1만 명", {"10000"}),
        ("2024.9.12 발표", {"2024.9.12"}),  # no single number: as written
        ("1,2호기", {"1,2"}),
    ],
)
def test_amounts_are_values(text, expected):
    assert amounts(text) == expected
