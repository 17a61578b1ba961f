"""Figures as their values: `1.5억`, `1억5000만`, `1억 5,000만` and `150,000,000` are one amount.

Outlets write one figure in several ways, and code that compares two texts' figures as digit
strings took one amount for two: a reprint's `1.5억원` against the release's `1억5000만원`
(`1.5` against `1` and `5000`) kept the two versions of one sentence apart
(`reconcile.rewrites`). `amounts(text)` reads each figure of a text: a number (thousands
separated by commas or not, a decimal point) times the 천/백 and 만/억/조 written after it,
and the parts of one amount written in a row added up (`3억 6,000만`: 360,000,000). Each is
written as its value's digits (`150000000`, `3.2`); a figure that is no single number (a date
written `2024.9.12`) stays as written.

`facts.quantities` reads amounts from the analyser's tokens, with their units and what they
count; this reads the characters alone, for comparing texts where no analysis is at hand.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# the multipliers Korean writes after a number (`5천`, `1억`): `facts.quantities` reads
# Kiwi's tokens with them, `serve.view` writes amounts with the large ones
SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
LARGE_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12}
# a number, then maybe 천/백 and a 만/억/조 (`5천만`, `1.5억`), each maybe after a space
_PART = re.compile(r"(\d+(?:[.,]\d+)*)(?: ?([십백천](?=[만억조])))?(?: ?([만억조]))?")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
# 천/백 inside one number of a large unit (`2천500억` is 2,500억, `3천100만원` 3,100만원): the
# pattern above read the `2` and the `500억` as two figures (a review of `reconcile.figures`)
_SMALL_INSIDE = re.compile(r"(?<![\d.,])(\d+)([백천])(\d{1,3})(?= ?[만억조])")


def _small_inside(m: re.Match[str]) -> str:
    high, low = int(m[1]) * SMALL_UNITS[m[2]], int(m[3])
    return str(high + low) if low < SMALL_UNITS[m[2]] else m[0]


def _number(digits: str) -> Decimal | None:
    """`1,500` and `3.2` as numbers; None for what is no single number (`2024.9.12`, `1,2`)."""
    if _THOUSANDS.fullmatch(digits):
        return Decimal(digits.replace(",", ""))
    if "," in digits or digits.count(".") > 1:
        return None
    try:
        return Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern gives digits only
        return None


def _written(value: Decimal) -> str:
    return format(value.normalize(), "f")


@lru_cache(maxsize=1 << 16)
def amounts(text: str) -> frozenset[str]:
    """The figures of `text` as their values' digits (see the module): `1.5억원` and
    `1억5000만원` give `150000000` both."""
    out: set[str] = set()
    total: Decimal | None = None  # the amount being read, while its parts follow in a row
    last_unit = 0  # the 만/억/조 of its last part: a next part must be smaller
    end = -1
    text = _SMALL_INSIDE.sub(_small_inside, text)
    for m in _PART.finditer(text):
        value = _number(m[1])
        large = LARGE_UNITS[m[3]] if m[3] else 0
        joins = total is not None and m.start() - end <= 1 and 0 < large < last_unit
        if total is not None and not joins:
            out.add(_written(total))
            total = None
        if value is None:
            out.add(m[1])
            continue
        if not large:
            out.add(_written(value))
            continue
        part = value * (SMALL_UNITS[m[2]] if m[2] else 1) * large
        total = total + part if joins and total is not None else part
        last_unit, end = large, m.end()
    if total is not None:
        out.add(_written(total))
    return frozenset(out)
