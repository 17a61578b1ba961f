"""How much of each article's text was already written, by the release or by an earlier
article, by which, and how much of it came from the releases (`measure`, one reading of
the story); and how much of the release an article ran (`release_shares`).

Share of an article's character 5-grams (on the comparison key: no spaces, bullets or
punctuation) found in what came before it: the press releases of the story (each of them; a
release sent again, or two an editor merged) and every article read before it. The earliest
article scores 0 without a release, and a release scores 0. An outlet copying a wire that
added its own reporting to the release reuses the wire's reporting too: measured against
the release alone, it was scored as if that reporting were its own (reuse .66 for a copy
word for word, a press office's case). Whether an article carried the release is
`Reuse.from_releases`, the share of its text the releases have.

The 5-grams are taken within each sentence (`shingles`), not across two: an outlet that
printed three of a release's sentences word for word made new 5-grams where the sentences
it kept met (`밝혔다공동물`), and scored .98 instead of 1, as if a fiftieth of its text were
its own (a press office's case). The sentences are the article's own (`text.sentences`,
stored with it), not a cut of this module's: its own cut at every line break split a
release hard-wrapped out of a PDF mid-sentence, so an outlet running it word for word on
unwrapped lines scored .84, its joined lines' 5-grams counted as its own. (Cutting again
with `text.sentences` here would cost Kiwi's 150 ms an article every time a story is built;
the stored cut costs nothing.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsmoa.reconcile.align import ngrams, reading_order
from newsmoa.types import Article, Sentence

SHINGLE_CHARS = 5


def shingles(sentences: Iterable[Sentence]) -> frozenset[str]:
    """The character 5-grams of each of an article's sentences (one shorter than 5 keeps
    its whole key): none spans two sentences, which an outlet dropping the one between them
    would make its own."""
    out: set[str] = set()
    for sentence in sentences:
        out |= ngrams(sentence.text, SHINGLE_CHARS)
    return frozenset(out)


MIN_ORIGIN_SHARE = 0.05  # less is a phrase many reports share (`고 밝혔다`), no borrowing


@dataclass(frozen=True, slots=True)
class Reuse:
    """What `measure` finds, per article id."""

    scores: dict[str, float]  # the share of its text already written (a release's: 0)
    origins: dict[str, tuple[tuple[str, float], ...]]  # who first wrote it (`measure`)
    from_releases: dict[str, float]  # the share of its text the releases have
    grams: dict[str, frozenset[str]]  # its 5-grams (`shingles`), for `release_shares`


def measure(articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]) -> Reuse:
    """Each article's reuse, origins and share from the releases, in one reading (the
    releases first, so their text is all in before any other article's is measured);
    `sentences`: each article's, by id (`text.sentences`).

    Origins: the articles read before it that first wrote the text it reuses (a 5-gram's
    writer is the first article in reading order that has it), each with the share of this
    article's text it wrote, largest first, of at least `MIN_ORIGIN_SHARE` (a release and an
    article reusing nothing: none). Without them, a copy of a wire scored reuse 1 like a copy
    of the release, and one family held them all: which outlet copied whom was nowhere.
    Their shares add up to the article's score, but for those under the floor."""
    writer: dict[str, str] = {}  # 5-gram -> the first article read that has it
    released: set[str] = set()
    scores: dict[str, float] = {}
    origins: dict[str, tuple[tuple[str, float], ...]] = {}
    taken: dict[str, float] = {}
    kept: dict[str, frozenset[str]] = {}
    for article in reading_order(articles):
        grams = kept[article.id] = shingles(sentences[article.id])
        if article.is_release:
            scores[article.id], origins[article.id], taken[article.id] = 0.0, (), 0.0
            released |= grams
        else:
            counts = Counter(writer[g] for g in grams if g in writer)
            n = len(grams)
            scores[article.id] = round(counts.total() / n, 3) if n else 0.0
            origins[article.id] = tuple(
                (aid, round(k / n, 3))
                for aid, k in counts.most_common()
                if k / n >= MIN_ORIGIN_SHARE
            )
            taken[article.id] = round(len(grams & released) / n, 3) if n else 0.0
        for g in grams:
            writer.setdefault(g, article.id)
    return Reuse(scores, origins, taken, kept)


def release_shares(
    release: Article, articles: Sequence[Article], grams: Mapping[str, frozenset[str]]
) -> dict[str, float]:
    """Each article's share of the release's character 5-grams: how much of the release it
    ran (an outlet printing one of its five sentences runs a fifth of it, though all of its
    own text is the release's: its `reuse` is 1); `grams`: each article's `shingles`, as
    `measure` keeps them (`Reuse.grams`)."""
    mine = grams[release.id]
    return {a.id: round(len(mine & grams[a.id]) / len(mine), 3) if mine else 0.0 for a in articles}
