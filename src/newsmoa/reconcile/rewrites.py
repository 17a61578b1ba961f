"""Rewrites: sentences of a story that state one claim in other words, joined into one.

The trigram alignment (`reconcile.align`) joins an outlet's variant of a sentence to the
others' when most of its characters' trigrams are theirs (Dice .5). An outlet that rewrites
the sentence (`구씨는 건강이상으로 쉬다가 현장에 복귀한 지 두달 만에 사고를 당한 것으로
알려졌다` / `구씨는 건강상 문제로 잠시 작업을 쉬다가 공사 현장에 복귀한 지 두 달 만에 변을
당했다`) stays a sentence of its own, marked "only here" in its column, though every
outlet carries the claim. Two sentence groups of a story are joined here when no article is
in both and some pair of their variants:

- shares content words: the Dice coefficient of their nouns, verb and adjective stems,
  roots, figures (as values, as below) and foreign words (Kiwi; `CONTENT_TAGS`) is at least
  `MIN_WORDS_DICE`, and
- states no figure the other lacks both ways: the figures of one are among the other's,
  read as values (`text.amounts`: a reprint's `1.5억원` is the release's `1억5000만원`; as
  digit strings they were two figures, and one claim two sentences, a press office's case)
  (`2분기 시설투자는 6조2000억원 … 반도체 5조2000억원, 디스플레이 5000억원` takes in
  `반도체 분야가 5조2000억원, 디스플레이 5000억원이었다`, but `보험료 상위 20% 세대는 …
  26만1497원` stays apart from `상위 50% 세대(5분위)는 … 26만1497원`, and one company's
  total apart from its chip division's).

Pairs are joined best first, each group with at most one variant per article (the
alignment's rule), and two parts are joined only when the figures of one are among the
other's. Only Korean variants are compared: Kiwi reads English words as foreign
words, with their function words.

How the floor was chosen (2026-11-30, dev day, the product's own stories; script not
shipped): of the cross-group variant pairs sharing some trigrams (Dice >= .12), 1,973 have
content-word Dice >= .3, 473 >= .5, 180 >= .6. Reading a sample: at .6 and over, all of 35
pairs that pass the figures rule state one claim (some one with a clause more), and the 5
the rule turns away state different figures; between .5 and .6 about half state another
claim of the same happening (`지난 25일 … 발사한지 엿새만이다` / `문 대통령은 지난 25일
… 침묵 모드로 일관했다`). The bundled example's two rewrites (Dice .42 and .47) share too
few words to be told from those and stay apart.

What it does and costs on the four Korean sets (the product's stories of 2+ articles): the
dev day's 2,775 consolidated sentences become 2,631 (144 joins; sentences of one article
2,473 -> 2,263), August A-C 97, 95 and 168 joins; consolidating the dev day's stories takes
1.4 s instead of 0.7 s. A story of 400 articles, 90% reprints of one wire, 25 sentences
each: 6.3 s instead of 4.8 s (each group's reprinted variants are read once; 163 s
before a review found that). On `newsmoa eval --only disagreements` the joins found one
real misprint, 세계일보's `12월5일부터` against the others' 12월 15일 for China's tariffs
(August C), and one false dispute: `이번 주 중으로 경찰에 출석한다`, a plan told in the
present in an article of a Sunday, read as the week ending that day (see
`facts.calendar._week`), against the 29th. (These counts were measured with figures
compared as digit strings, before `text.amounts`.)
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache

from newsmoa.text.amounts import amounts
from newsmoa.text.script import english

ContentWords = Callable[[str], frozenset[str]]

CONTENT_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "SN", "SL", "SH", "VV", "VA", "XR"})
MIN_WORDS_DICE = 0.6
MIN_TRIGRAM_DICE = 0.12  # pairs sharing fewer trigrams are not read with Kiwi

_NUMBER_WORD = re.compile(r"\d|[십백천만억조]+$")  # Kiwi's pieces of a figure (`1`, `억`)


@lru_cache(maxsize=1 << 16)
def content_words(text: str) -> frozenset[str]:
    """The content words of a Korean sentence (Kiwi forms of `CONTENT_TAGS`); none for an
    English one. Kept for the sentences read last: a growing story is built again with
    each article it takes (`watch`, `serve`)."""
    if english(text):
        return frozenset()
    from newsmoa.text.analyzer import analyzer

    return frozenset(t.form for t in analyzer().tokenize(text) if t.tag in CONTENT_TAGS)


def numbers(text: str) -> frozenset[str]:
    """The figures of a sentence, as values (`text.amounts`)."""
    return amounts(text)


def claim_words(text: str, words: ContentWords) -> frozenset[str]:
    """A sentence's content words with its figures as values, not as Kiwi's pieces of them
    (`1`, `억`, `5000`, `만` for `1억5000만`)."""
    return frozenset(w for w in words(text) if not _NUMBER_WORD.match(w)) | amounts(text)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def one_claim(a: str, b: str, words: ContentWords) -> float:
    """How surely two sentences state one claim: their content words' Dice, or 0 when it
    is under `MIN_WORDS_DICE` or each names a figure the other does not."""
    na, nb = numbers(a), numbers(b)
    if not (na <= nb or nb <= na):
        return 0.0
    d = dice(claim_words(a, words), claim_words(b, words))
    return d if d >= MIN_WORDS_DICE else 0.0


def joined(
    groups: Sequence[Sequence[tuple[str, str]]],
    grams: Callable[[str], frozenset[str]],
    words: ContentWords,
) -> list[list[int]]:
    """A partition of `groups` (each a sentence group's variants as (article id, words),
    in story order) into the groups that state one claim, each part in story order, the
    parts ordered by their first group. Two parts are joined only when no article is in
    both and the figures of one are among the other's: a variant naming none would
    otherwise bridge two that name different ones (`상위 20% 세대 … 26만1497원`, `상위
    세대는 … 보험료를 냈다`, `상위 50% 세대 … 26만1497원`: a review)."""
    texts = [tuple(dict.fromkeys(t for _, t in g)) for g in groups]  # a reprint's copies once
    article_sets = [frozenset(a for a, _ in g) for g in groups]
    scored = []
    for i, j in _candidates(texts, article_sets, grams):
        best = max((one_claim(a, b, words) for a in texts[i] for b in texts[j]), default=0.0)
        if best > 0:
            scored.append((-best, i, j))
    root = list(range(len(groups)))
    members = {g: set(article_sets[g]) for g in range(len(groups))}
    figures = {g: frozenset().union(*(numbers(t) for t in texts[g])) for g in range(len(groups))}

    def find(g: int) -> int:
        while root[g] != g:
            root[g] = root[root[g]]
            g = root[g]
        return g

    for _, i, j in sorted(scored):
        ri, rj = find(i), find(j)
        if ri == rj or members[ri] & members[rj]:
            continue
        if not (figures[ri] <= figures[rj] or figures[rj] <= figures[ri]):
            continue
        keep, gone = min(ri, rj), max(ri, rj)
        root[gone] = keep
        members[keep] |= members.pop(gone)
        figures[keep] = figures[keep] | figures.pop(gone)
    parts: dict[int, list[int]] = defaultdict(list)
    for g in range(len(groups)):
        parts[find(g)].append(g)
    return [parts[r] for r in sorted(parts)]


def _candidates(
    texts: Sequence[Sequence[str]],
    article_sets: Sequence[frozenset[str]],
    grams: Callable[[str], frozenset[str]],
) -> list[tuple[int, int]]:
    """Pairs of groups (i < j) with no article in common and some variants sharing at least
    `MIN_TRIGRAM_DICE` of their trigrams, found through an inverted index of each group's
    distinct variants. The index keeps a trigram's variants by their group's article set,
    and a set sharing an article with the variant's is passed over whole: the sentences of
    one long article (each a group of that article alone) were each counted against all the
    others before, though none can be joined."""
    variants = [(g, grams(text)) for g, group in enumerate(texts) for text in group]
    index: dict[str, dict[frozenset[str], list[int]]] = defaultdict(dict)
    for v, (g, gs) in enumerate(variants):
        for t in gs:
            index[t].setdefault(article_sets[g], []).append(v)
    out: set[tuple[int, int]] = set()
    for v, (g, gs) in enumerate(variants):
        own = article_sets[g]
        apart: dict[frozenset[str], bool] = {}  # article set -> no article in common with own
        shared: Counter[int] = Counter()
        for t in gs:
            for others, posting in index[t].items():
                free = apart.get(others)
                if free is None:
                    free = apart[others] = own.isdisjoint(others)
                if not free:
                    continue
                for w in posting:  # (none of group g: its article set is not apart)
                    if w > v:
                        shared[w] += 1
        for w, n in shared.items():
            h, hs = variants[w]
            if (min(g, h), max(g, h)) in out:
                continue
            if 2 * n / (len(gs) + len(hs)) >= MIN_TRIGRAM_DICE:
                out.add((min(g, h), max(g, h)))
    return sorted(out)
