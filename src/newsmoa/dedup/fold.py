"""What a shingle is made of: the character folding that makes reprints comparable.

Outlets reprint one text with changed spacing, bullets (△ ▲ ▶), quotes, full-width digits and
case. Shingles are therefore taken over *folded* text: every codepoint is mapped through one
table (`fold_table`) that drops whitespace, punctuation and symbols and keeps letters and digits
in one form:

* NFKC of the single character when that is one character (full-width `１` -> `1`);
* accents stripped from Latin letters (`é` -> `e`); Hangul syllables are kept whole;
* lower case when that is one character (`A` -> `a`, `Σ` -> `σ`);
* kept only if the result is alphanumeric (`str.isalnum`), otherwise dropped.

Hangul compatibility jamo (ㄱ, ㅏ) are kept as they are. Outside the Basic Multilingual Plane
only CJK ideographs (U+20000..U+3FFFF) are kept; emoji and other symbols are dropped.
Conjoining jamo that follow each other (decomposed NFD Hangul, as pasted from some systems) are
composed back into syllables, so NFD and NFC Korean give the same shingles.

The compiled kernels apply exactly these rules; `fold_text` here is the plain-Python reference
that the tests hold them to, and the route the benchmark uses to feed other MinHash libraries.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import numpy as np

BMP = 0x10000
CJK_EXT_START = 0x20000
CJK_EXT_END = 0x40000

# Unicode Hangul composition constants (Unicode 15, section 3.12).
L_FIRST, L_LAST = 0x1100, 0x1112
V_FIRST, V_LAST = 0x1161, 0x1175
T_FIRST, T_LAST = 0x11A8, 0x11C2
S_FIRST, S_LAST = 0xAC00, 0xD7A3
T_BASE = 0x11A7
T_COUNT = 28
V_COUNT = 21


def _fold_char(c: str) -> str:
    """Fold one BMP character; "" means drop it."""
    code = ord(c)
    if 0xD800 <= code < 0xE000:  # lone surrogates
        return ""
    if 0x3130 <= code <= 0x318F:  # compatibility jamo: NFKC would turn them into conjoining
        return c if c.isalnum() else ""
    s = unicodedata.normalize("NFKC", c)
    if len(s) != 1:
        s = c
    base = "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch))
    if len(base) == 1:
        s = base
    low = s.lower()
    if len(low) == 1:
        s = low
    return s if s.isalnum() else ""


@cache
def fold_table() -> np.ndarray:
    """uint32[65536]: the folded codepoint of each BMP codepoint, 0 to drop it (~40 ms once)."""
    table = np.zeros(BMP, dtype=np.uint32)
    for code in range(BMP):
        folded = _fold_char(chr(code))
        if folded:
            table[code] = ord(folded)
    table.setflags(write=False)
    return table


def fold_codepoint(code: int) -> int:
    """The folded form of one codepoint, 0 to drop it (before jamo composition)."""
    if code < BMP:
        return int(fold_table()[code])
    return code if CJK_EXT_START <= code < CJK_EXT_END else 0


def fold_text(text: str) -> str:
    """Reference folding of a whole text: what the kernels shingle. Slow; for tests and tools."""
    out: list[int] = []
    for ch in text:
        f = fold_codepoint(ord(ch))
        if f == 0:
            continue
        if out and V_FIRST <= f <= V_LAST and L_FIRST <= out[-1] <= L_LAST:
            out[-1] = S_FIRST + ((out[-1] - L_FIRST) * V_COUNT + (f - V_FIRST)) * T_COUNT
            continue
        if (
            out
            and T_FIRST <= f <= T_LAST
            and S_FIRST <= out[-1] <= S_LAST
            and (out[-1] - S_FIRST) % T_COUNT == 0
        ):
            out[-1] += f - T_BASE
            continue
        out.append(f)
    return "".join(map(chr, out))


def shingle_set(text: str, k: int = 5) -> set[str]:
    """The set of k-codepoint shingles of the folded text (empty when it is shorter than k)."""
    folded = fold_text(text)
    return {folded[i : i + k] for i in range(len(folded) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two shingle sets; 0.0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
