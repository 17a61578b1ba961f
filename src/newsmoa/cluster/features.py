"""Everything the story index needs to know about one article, computed by a pure function.

`article_features` is on the hot path of `newsmoa cluster`: one regular-expression pass that
drops boilerplate and one compiled pass that hashes terms. No morphological analyser.
(Near-duplicates are found from sentences, `families.py`; the backfill signs articles itself.)
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import dataclass

import numpy as np

from newsmoa.cluster.config import DEFAULT_CONFIG, ClusterConfig
from newsmoa.cluster.headlines import headline_actors
from newsmoa.cluster.reprints import figures as text_figures
from newsmoa.cluster.terms import (
    clean_for_features,
    is_opinion,
    term_counts,
    title_words,
    without_status_labels,
)
from newsmoa.types import Article

_MAGIC = b"NMF3"
_MAGIC_V2 = b"NMF2"  # also a MinHash signature and its shingle count, which nothing read


@dataclass(frozen=True, slots=True, eq=False)
class Features:
    """One article as the index sees it (frozen; compare with `==`, store with `to_bytes`).

    terms/counts: sorted unique term hashes (uint64) of title, lead and body, and their counts
    with title and lead terms boosted. words: readable headline words, for explanations.
    published_s: POSIX seconds, or None when the article has no time (the pipeline gives such
    an article the time of its batch before placing it, `pipeline.placed_times`).
    opinion: the headline labels it an opinion piece (an editorial, a column): its own story.
    bare: the article has no body text (a breaking-news flash): it is placed by its headline,
    and links to another flash only when their terms mostly agree (`flashes.py`).
    """

    terms: np.ndarray
    counts: np.ndarray
    words: tuple[str, ...]
    published_s: float | None
    opinion: bool = False
    actors: tuple[str, ...] = ()  # who acts, from the headline (`headlines.headline_actors`)
    bare: bool = False
    figures: str = ""  # the body's numbers with their unit, in order (`reprints.figures`)
    body: str = ""  # a hash of the body's words: word-for-word copies share it ("": unknown)
    release: bool = False  # a press release (`--release`): one announcement, a story's anchor

    def to_bytes(self) -> bytes:
        head = json.dumps(
            [
                list(self.words),
                self.published_s,
                int(self.terms.size),
                self.opinion,
                list(self.actors),
                self.bare,
                self.figures,
                self.body,
                self.release,
            ],
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        return b"".join(
            (
                _MAGIC,
                struct.pack("<I", len(head)),
                head,
                np.ascontiguousarray(self.terms, dtype="<u8").tobytes(),
                np.ascontiguousarray(self.counts, dtype="<f4").tobytes(),
            )
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Features:
        """Features from `to_bytes`, or from an `NMF2` blob (stored before 2026-11-29)."""
        if data[:4] not in (_MAGIC, _MAGIC_V2):
            raise ValueError("not newsmoa cluster features (bad magic)")
        (n,) = struct.unpack_from("<I", data, 4)
        head = json.loads(data[8 : 8 + n].decode("utf-8"))
        if data[:4] == _MAGIC_V2:
            del head[1]  # the shingle count; the signature trails the counts and is not read
        words, published, size, opinion = head[:4]
        actors = tuple(head[4]) if len(head) > 4 else ()  # the oldest blobs have none
        bare = bool(head[5]) if len(head) > 5 else False  # blobs before flashes were kept
        figures = str(head[6]) if len(head) > 6 else ""  # blobs before reprints' figures
        body = str(head[7]) if len(head) > 7 else ""
        release = bool(head[8]) if len(head) > 8 else False  # blobs before releases counted
        at = 8 + n
        terms = np.frombuffer(data, dtype="<u8", count=size, offset=at).astype(np.uint64)
        at += 8 * size
        counts = np.frombuffer(data, dtype="<f4", count=size, offset=at).astype(np.float32)
        return cls(
            terms=terms,
            counts=counts,
            words=tuple(words),
            published_s=published,
            opinion=bool(opinion),
            actors=actors,
            bare=bare,
            figures=figures,
            body=body,
            release=release,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Features) and self.to_bytes() == other.to_bytes()

    def __hash__(self) -> int:
        return hash(self.to_bytes())


def _body_hash(compact: str) -> str:
    """Word-for-word copies' shared key: the body as the features read it (spaces made one),
    hashed as it is (`content_hash` normalises first, 40 times the cost)."""
    if not compact:
        return ""
    return hashlib.blake2b(compact.encode("utf-8"), digest_size=8).hexdigest()


def _title_and_body(article: Article) -> tuple[str, str]:
    # a deck the crawl glued onto the lead was the body's first words, and counts as such
    text = f"{article.deck}\n{article.text}" if article.deck else article.text
    body = clean_for_features(text).strip()
    title = article.title.strip()
    if not title:  # a text whose first line is short enough to be its headline
        first, _, rest = body.partition("\n")
        if rest and len(first) <= 200:
            title, body = first.strip(), rest.strip()
    return title, body


def article_features(article: Article, config: ClusterConfig = DEFAULT_CONFIG) -> Features:
    """The features of one article (pure; no analyser, no I/O)."""
    title, body = _title_and_body(article)
    if not body:  # a flash: its headline is all it has, less the label all flashes share
        title = without_status_labels(title)
    compact = " ".join(body.split())
    text = f"{title}\n{compact}"
    terms, counts = term_counts(text, len(title) + 1 + config.lead_chars, config.lead_boost)
    return Features(
        terms=terms,
        counts=counts,
        words=title_words(title),
        published_s=article.published.timestamp() if article.published else None,
        opinion=is_opinion(title),
        actors=headline_actors(title),
        bare=not body,
        figures=text_figures(compact),
        body=_body_hash(compact),
        release=article.is_release,
    )
