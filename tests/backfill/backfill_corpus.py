"""A small generated archive for backfill tests: Korean-like events over several days.

Each event has its own words (people, places, organisations, topic nouns made of Hangul
syllables) and gets one to three independently written originals plus reprints: copies of an
original with sentences dropped or swapped, bullets and spacing changed and a footer added
(near-duplicates of known origin). Events start at random hours over `days` days, so stories
cross UTC day boundaries; a few articles carry no time. No text comes from real outlets.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

T0 = datetime(2024, 5, 6, 0, 0, tzinfo=UTC)
PARTICLES = ["은", "는", "이", "가", "을", "를", "에서", "과", "와", "의", "으로", "로"]
VERBS = [
    "밝혔다",
    "발표했다",
    "추진한다",
    "논의했다",
    "체결했다",
    "강조했다",
    "설명했다",
    "결정했다",
]
FILLER = ["관계자", "지역", "주민", "사업", "계획", "예산", "정부", "시민", "현장", "행사"]
OUTLETS = ["한빛일보", "누리뉴스", "새벽신문", "온세상경제", "바른방송", "하늘타임스", "미래저널"]
BULLETS = ["△", "▲", "▶", "-"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(chr(0xAC00 + rng.randrange(11172)) for _ in range(syllables))


def _sentence(rng: random.Random, vocab: list[str]) -> str:
    words = [rng.choice(vocab) + rng.choice(PARTICLES) for _ in range(rng.randint(5, 9))]
    words.insert(rng.randrange(len(words)), rng.choice(FILLER))
    return " ".join(words) + " " + rng.choice(VERBS) + "."


def _original(rng: random.Random, vocab: list[str], sentences: int) -> list[str]:
    return [_sentence(rng, vocab) for _ in range(sentences)]


def _reprint(rng: random.Random, lines: list[str]) -> list[str]:
    out = [s for s in lines if rng.random() > 0.12] or lines[:1]
    if len(out) > 3 and rng.random() < 0.5:
        i = rng.randrange(len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    bullet = rng.choice(BULLETS)
    out = [f"{bullet} {s}" if rng.random() < 0.3 else s.replace(" ", "  ", 1) for s in out]
    return [*out, f"<저작권자 © {rng.choice(OUTLETS)} 무단전재 및 재배포 금지>"]


def generate(events: int = 110, days: int = 4, seed: int = 7) -> list[dict]:
    """Article objects (the JSONL contract) with `event` and `family` labels, in time order."""
    rng = random.Random(seed)
    rows: list[dict] = []
    for event in range(events):
        vocab = [_word(rng, rng.choice([2, 3])) for _ in range(14)]
        start = T0 + timedelta(hours=rng.uniform(0, 24 * days))
        title_words = rng.sample(vocab, 4)
        for o in range(rng.choice([1, 1, 2])):
            body = _original(rng, vocab, rng.randint(8, 14))
            when = start + timedelta(hours=rng.uniform(0, 8))
            family = f"e{event}o{o}"
            copies = [(body, when, "original")]
            for _ in range(rng.choice([0, 1, 1, 2, 3])):
                copies.append(
                    (_reprint(rng, body), when + timedelta(hours=rng.expovariate(0.3)), "reprint")
                )
            for k, (lines, at, role) in enumerate(copies):
                rows.append(
                    {
                        "id": f"{family}-{k}",
                        "outlet": rng.choice(OUTLETS),
                        "title": " ".join(rng.sample(title_words, 3))
                        + ("…" if role == "reprint" else ""),
                        "published": at.isoformat(),
                        "text": "\n".join(lines),
                        "event": event,
                        "family": family,
                    }
                )
    rows.sort(key=lambda r: r["published"])
    for row in rows[::37]:  # a few articles without a time
        row.pop("published")
    return rows


def write(path: Path, rows: list[dict], *, broken_at: tuple[int, ...] = (5,)) -> list[str]:
    """Write rows as JSONL with a broken (non-JSON) line inserted before each index given."""
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    for at in sorted(broken_at, reverse=True):
        lines.insert(at, '{"id": "broken", "text": "잘린 줄')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines
