"""Words for the benchmark corpus: syllables, names, titles, particles that agree with the final
consonant, sentence endings, bullets and boilerplate, and a fast stream of Zipf-drawn indices.
"""

from __future__ import annotations

import numpy as np

SYLLABLES = (
    "가고구기나노다도대동라로리마모무미바보부비사서소수시아어오우이자전정제조주지차천초추치"
    "타토파포하한해행현호화회효강경공관광교국군권금남내년농단당독두등력령론료류명문물민박반"
    "발방법변복본분산상생선설성세속송식신실심안양업연영예온외용운원위유육율은의인일임작장재"
    "적점종중진질집참책처청체총최축출충취통투특판평표품필학할합항핵향허혁협형혜확환활후훈희"
)
SURNAMES = "김김김이이이박박최정강조윤장임한오서신권황안송류전홍"
GIVEN = "민서준지현수영성우호진은혜경재동상희연철태원승기석훈정하윤용규선미숙화"
TITLES = (
    "군수",
    "시장",
    "장관",
    "대표",
    "소장",
    "의원",
    "교수",
    "위원장",
    "이사장",
    "청장",
    "회장",
)
REGIONS = ("서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "전북")
PLACE_SUFFIX = ("시", "군", "구")
ORG_SUFFIX = ("연구소", "재단", "협회", "위원회", "공사", "센터", "은행", "대학교", "병원")
OUTLET_SUFFIX = ("일보", "신문", "뉴스", "경제", "방송", "타임즈", "저널", "투데이")
LINKS = ("위해", "통해", "따라", "가운데", "함께", "대해", "이후", "관련해")
ENDINGS = (
    "추진한다.",
    "밝혔다.",
    "말했다.",
    "전했다.",
    "설명했다.",
    "강조했다.",
    "예정이다.",
    "계획이다.",
    "것으로 나타났다.",
    "것으로 알려졌다.",
    "체결했다.",
    "개최했다.",
    "발표했다.",
)
BULLETS = ("△", "▲", "▶", "·", "-", "○")
SHARE = "페이스북 트위터 카카오스토리 네이버밴드 URL복사 기사 공유하기"
BULLET = "\x00"  # a bullet mark, drawn in the outlet's style when rendered


def has_final(word: str) -> bool:
    """Whether the last Hangul syllable ends in a consonant (decides 이/가, 을/를 ...)."""
    code = ord(word[-1]) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def attach(word: str, kind: str) -> str:
    """word + a particle that agrees with its final consonant."""
    pairs = {
        "top": ("은", "는"),
        "sub": ("이", "가"),
        "obj": ("을", "를"),
        "and": ("과", "와"),
        "dir": ("으로", "로"),
    }
    if kind in pairs:
        with_final, without = pairs[kind]
        return word + (with_final if has_final(word) else without)
    return word + kind


class Stream:
    """Indices drawn in blocks from one distribution (fast, deterministic)."""

    def __init__(self, rng: np.random.Generator, weights: np.ndarray, block: int = 1 << 20):
        self.rng, self.p, self.block = rng, weights / weights.sum(), block
        self.buf: list[int] = []
        self.pos = 0

    def next(self) -> int:
        if self.pos >= len(self.buf):
            self.buf = self.rng.choice(self.p.size, size=self.block, p=self.p).tolist()
            self.pos = 0
        self.pos += 1
        return self.buf[self.pos - 1]
