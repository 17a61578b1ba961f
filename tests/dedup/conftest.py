"""Generated Korean-like text for the near-duplicate tests (fixed seeds, no real articles)."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

PARTICLES = ["은", "는", "이", "가", "을", "를", "에", "에서", "의", "와", "과", "으로", "도", ""]
ENDINGS = ["했다.", "밝혔다.", "말했다.", "예정이다.", "강조했다."]


def _syllable(rng: random.Random) -> str:
    return chr(0xAC00 + rng.randrange(11172))


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    return ["".join(_syllable(rng) for _ in range(rng.choice((2, 2, 3, 4)))) for _ in range(size)]


class TextMaker:
    """Random Korean-like sentences and controlled edits of them."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocab = _vocabulary(self.rng)

    def words(self, n: int) -> list[str]:
        out = []
        for i in range(n):
            word = self.rng.choice(self.vocab) + self.rng.choice(PARTICLES)
            if i % 12 == 11:
                word += " " + self.rng.choice(ENDINGS)
            out.append(word)
        return out

    def text(self, n_words: int = 250) -> str:
        return " ".join(self.words(n_words))

    def edit(self, text: str, share: float) -> str:
        """Replace about `share` of the words with fresh ones."""
        words = text.split(" ")
        for i in range(len(words)):
            if self.rng.random() < share:
                words[i] = self.rng.choice(self.vocab)
        return " ".join(words)


@pytest.fixture(scope="session")
def maker() -> Callable[[int], TextMaker]:
    """maker(seed) -> a TextMaker with its own fixed seed."""
    return TextMaker
