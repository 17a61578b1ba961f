"""Per-character features for the CRF: characters, Kiwi morphemes, word lists, embeddings.

The tagger labels every character (BIO over KLUE types), so spans need not follow morpheme
boundaries (`완주군수` is one Kiwi morpheme, but only `완주` may be a place). Each character
sees its character window, the morpheme it belongs to (tag, form, position) and the morphemes
around it, flags from the word lists in `data/`, and the embedding features of `embed`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsmoa.facts.ner.embed import CONTENT_TAGS, Lexicon, Space
from newsmoa.facts.ner.tables import Tables

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """Which feature groups are on (for ablations); the shipped model uses the defaults."""

    window: int = 2
    morphs: bool = True
    tables: bool = True
    neighbours: int = 3  # how many embedding neighbours of a morpheme (0 = none)
    lexicon: bool = True
    blocks: bool = True


@dataclass(frozen=True, slots=True)
class Morph:
    """The part of a Kiwi token that the features need."""

    form: str
    tag: str
    start: int
    end: int
    id: int


def morphs_of(tokens: Sequence[Any]) -> list[Morph]:
    return [Morph(t.form, t.tag, t.start, t.start + t.len, t.id) for t in tokens]


def position(i: int, start: int, end: int) -> str:
    """Where character `i` sits in `start:end`: S(ingle), B(egin), I(nside), E(nd)."""
    if end - start == 1:
        return "S"
    return "B" if i == start else "E" if i == end - 1 else "I"


def char_class(ch: str) -> str:
    if ch.isspace():
        return "_"
    if ch.isdigit():
        return "0"
    if "\uac00" <= ch <= "\ud7a3":
        return "H"
    if ch.isascii() and ch.isalpha():
        return "A" if ch.isupper() else "a"
    if "\u4e00" <= ch <= "\u9fff":
        return "C"
    if ch.isalpha():
        return "X"
    return ch


def _morph_flags(m: Morph, tb: Tables) -> list[str]:
    out = []
    f = m.form
    if f in tb.titles:
        out.append("title")
    if f in tb.places:
        out.append("place")
    if f in tb.org_words:
        out.append("orgw")
    if f in tb.surnames and m.tag == "NNP":
        out.append("surname")
    cls = tb.time_words.get(f)
    if cls:
        out.append("tw" + cls)
    if m.tag in ("NNP", "NNG", "SL") and len(f) > 1:
        suf = tb.suffix(f, tb.org_suffixes)
        if suf:
            out.append("orgsuf")
        suf = tb.suffix(f, tb.place_suffixes)
        if suf and f[: -len(suf)] in tb.places:
            out.append("placestem")
        elif suf:
            out.append("plsuf")
        if f[0] in tb.surnames and m.tag == "NNP" and 2 <= len(f) <= 4:
            out.append("surname1")
    return out


def sentence_features(
    text: str,
    morphs: Sequence[Morph],
    *,
    config: FeatureConfig,
    tables: Tables,
    space: Space | None = None,
    lexicon: Lexicon | None = None,
) -> list[list[str]]:
    """One list of feature names per character of `text`."""
    n = len(text)
    cls = [char_class(c) for c in text]
    owner = [-1] * n
    for k, m in enumerate(morphs):
        for i in range(max(m.start, 0), min(m.end, n)):
            if owner[i] < 0:
                owner[i] = k
    flags = [_morph_flags(m, tables) for m in morphs] if config.tables else [[] for _ in morphs]
    emb: list[tuple[str, ...]] = []
    for m in morphs:
        feats: tuple[str, ...] = ()
        if m.tag in CONTENT_TAGS and space is not None:
            if config.neighbours:
                feats += tuple("nb=" + x for x in space.neighbours(m.id)[: config.neighbours])
            if config.lexicon and lexicon is not None and m.tag in ("NNP", "NNG", "SL", "SH"):
                feats += lexicon.scores(space, m.id)
        emb.append(feats)
    words = _word_shapes(text)
    blocks = _block_features(text, morphs, tables) if config.blocks else [()] * n
    out = []
    w = config.window
    for i in range(n):
        c = text[i]
        f = ["b", "c=" + c, "k=" + cls[i]]
        for d in range(1, w + 1):
            f.append(f"c-{d}=" + (text[i - d] if i - d >= 0 else "^"))
            f.append(f"c+{d}=" + (text[i + d] if i + d < n else "$"))
        left = text[i - 1] if i else "^"
        right = text[i + 1] if i + 1 < n else "$"
        f += ["lc=" + left + c, "cr=" + c + right, "lcr=" + left + c + right]
        f.append("kk=" + (cls[i - 1] if i else "^") + cls[i] + (cls[i + 1] if i + 1 < n else "$"))
        if i >= 2:
            f.append("llc=" + text[i - 2 : i + 1])
        if i + 2 < n:
            f.append("crr=" + text[i : i + 3])
        if words[i]:
            f.append("w=" + words[i])
        f += blocks[i]
        k = owner[i]
        if config.morphs and k >= 0:
            m = morphs[k]
            pos = position(i, m.start, m.end)
            f += ["mt=" + m.tag, "mp=" + pos + m.tag, "mf=" + m.form + "/" + m.tag]
            for d, name in ((-1, "m-1"), (1, "m+1"), (2, "m+2"), (-2, "m-2")):
                j = k + d
                if 0 <= j < len(morphs):
                    f.append(f"{name}t=" + morphs[j].tag)
                    if abs(d) == 1:
                        f.append(f"{name}f=" + morphs[j].form + "/" + morphs[j].tag)
                    f += [f"{name}g={g}" for g in flags[j]]
            f += ["g=" + g for g in flags[k]]
            f += list(emb[k])
        out.append(f)
    return out


def _word_shapes(text: str) -> list[str]:
    """For characters of a space-separated word holding a digit: the word with digits as 0."""
    out = [""] * len(text)
    for mt in re.finditer(r"\S+", text):
        word = mt.group()
        if any(ch.isdigit() for ch in word):
            shape = _DIGITS.sub("0", word)[:12]
            for i in range(mt.start(), mt.end()):
                out[i] = shape
    return out


BLOCK_TAGS = frozenset({"NNP", "NNG", "NNB", "SL", "SH", "SN", "XSN", "XPN", "NR"})


def _blocks(text: str, morphs: Sequence[Morph]) -> list[tuple[int, int]]:
    """Noun blocks: runs of adjacent noun-like morphemes with no space between them."""
    out: list[tuple[int, int]] = []
    start = end = -1
    for m in morphs:
        if m.tag in BLOCK_TAGS and m.start >= end and m.start == end and start >= 0:
            end = max(end, m.end)
            continue
        if start >= 0:
            out.append((start, end))
            start = end = -1
        if m.tag in BLOCK_TAGS:
            start, end = m.start, m.end
    if start >= 0:
        out.append((start, end))
    return [(a, b) for a, b in out if 0 <= a < b <= len(text)]


def _block_desc(form: str, tb: Tables) -> list[str]:
    out = [f"s1={form[-1:]}", f"s2={form[-2:]}", f"p1={form[:1]}", f"p2={form[:2]}"]
    if len(form) >= 3:
        out.append(f"s3={form[-3:]}")
    out.append(f"len={min(len(form), 6)}")
    org = tb.suffix(form, tb.org_suffixes)
    if org:
        out.append("osf=" + org)
    place = tb.suffix(form, tb.place_suffixes)
    if place:
        out.append("lsf=" + place)
        if form[: -len(place)] in tb.places:
            out.append("lstem")
    if form in tb.places:
        out.append("place")
    if form in tb.org_words:
        out.append("orgw")
    for size in (2, 3):  # a known place at the start: 서울시청, 대전고법, 창원시청
        if len(form) > size and form[:size] in tb.places:
            out.append("lpfx")
            break
    return out


def _block_features(text: str, morphs: Sequence[Morph], tb: Tables) -> list[tuple[str, ...]]:
    """For each character inside a noun block: what the whole block, and its neighbouring
    blocks, look like (endings, beginnings, list flags), so the first character of
    `한국도로공사` already sees the `공사` at its end."""
    out: list[tuple[str, ...]] = [()] * len(text)
    blocks = _blocks(text, morphs)
    descs = [_block_desc(text[a:b], tb) for a, b in blocks]
    for k, (a, b) in enumerate(blocks):
        feats = ["B." + d for d in descs[k]]
        if k + 1 < len(blocks) and text[b : blocks[k + 1][0]].isspace():
            feats += ["N." + d for d in descs[k + 1] if not d.startswith(("p", "len"))]
        if k > 0 and text[blocks[k - 1][1] : a].isspace():
            feats += ["P." + d for d in descs[k - 1] if not d.startswith(("p", "len"))]
        for i in range(a, b):
            out[i] = (*feats, "bpos=" + position(i, a, b))
    return out
