"""People's ages in Korean text: the age in parentheses right after a name (`김영수(56) 전
전북도 기획관`: 56), as a `quantities.Quantity` counting `age` in `세`, as English ages count
(`ages_en`). `people` reads the title past it: the person went missing (a black-box case).
"""

from __future__ import annotations

from newsmoa.facts.clauses import Analysis
from newsmoa.facts.names import is_name
from newsmoa.facts.quantities import Quantity

AGE = "age"
UNIT = "세"
_OLDEST = 120


def age_after(analysis: Analysis, i: int) -> int | None:
    """The age written in parentheses right after the word `i` (`김영수(56)`: 56), or None
    (`김영수(2026)`, `(56세)` with its unit is a quantity of its own)."""
    if i + 1 >= len(analysis.words):
        return None
    name, age = analysis.words[i], analysis.words[i + 1]
    opened = analysis.text[name.stem_end - analysis.start : age.stem_start - analysis.start]
    closed = [t.form for t in age.after]
    if opened != "(" or age.stem_tags != ("SN",) or not age.stem.isdigit() or closed != [")"]:
        return None
    return int(age.stem) if 0 < int(age.stem) <= _OLDEST else None


def find(analysis: Analysis) -> list[Quantity]:
    """The age after each full name of one analysed sentence, in order."""
    out = []
    for i, word in enumerate(analysis.words):
        age = age_after(analysis, i) if is_name(word) else None
        if age is not None:
            digits = analysis.words[i + 1]
            out.append(Quantity(age, UNIT, AGE, digits.stem_start, digits.stem_end, False))
    return out
