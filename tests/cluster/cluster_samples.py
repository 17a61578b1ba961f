"""Small articles written by the team (no copyrighted text): three happenings, look-alikes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsmoa.types import Article

T0 = datetime(2024, 3, 20, 9, 0, tzinfo=UTC)

# (id, hours after T0, title, text)
ROWS = [
    (
        "wanju-1",
        0,
        "완주군, 희망제작소와 2단계 협약 체결",
        "완주군이 19일 희망제작소와 지역공동체 활성화를 위한 2단계 협약을 체결했다. "
        "박성일 완주군수와 이원재 희망제작소 소장이 참석했다. "
        "두 기관은 마을기업 50곳 육성에 힘을 모으기로 했다.",
    ),
    (
        "wanju-2",
        3,
        "완주군-희망제작소 2단계 업무협약",
        "박성일 완주군수와 이원재 희망제작소 소장은 20일 완주군청에서 2단계 업무협약을 맺었다. "
        "협약에 따라 마을기업 50곳을 육성하고 지역공동체 활성화 사업을 함께 추진한다.",
    ),
    (
        "wanju-3",
        5,
        "완주군 희망제작소 협약…마을기업 50곳 육성",
        "완주군과 희망제작소가 2단계 협약을 체결하고 마을기업 50곳 육성과 지역공동체 활성화에 "
        "나선다. 박성일 군수는 협약식에서 주민 주도의 공동체를 강조했다.",
    ),
    (
        "fire-1",
        1,
        "전주 한옥마을 인근 상가 화재…2명 부상",
        "20일 오전 전주시 완산구 한옥마을 인근 상가에서 불이 나 2명이 다쳤다. 소방당국은 "
        "소방차 15대를 투입해 1시간 만에 불을 껐다. 경찰은 정확한 화재 원인을 조사하고 있다.",
    ),
    (
        "fire-2",
        2,
        "한옥마을 인근 상가서 불…2명 다쳐",
        "전주 한옥마을 인근 상가 건물에서 20일 오전 화재가 발생해 2명이 부상을 입었다. 소방차 "
        "15대가 출동해 1시간 만에 진화했으며 경찰이 화재 원인을 조사 중이다.",
    ),
    (
        "rate-1",
        2,
        "한국은행 기준금리 3.5% 동결",
        "한국은행 금융통화위원회는 20일 기준금리를 연 3.5%로 동결했다. 이창용 총재는 물가 상승률이 "
        "아직 목표 수준을 웃돌고 있다며 긴축 기조를 유지하겠다고 말했다.",
    ),
    (
        "rate-2",
        4,
        "기준금리 연 3.5% 유지…이창용 총재 긴축 기조",
        "한국은행이 기준금리를 연 3.5%로 유지했다. 금융통화위원회 회의 뒤 이창용 총재는 물가 "
        "상승률이 목표를 웃돈다며 당분간 긴축 기조를 이어가겠다고 밝혔다.",
    ),
]
GOLD = {
    "wanju-1": "w",
    "wanju-2": "w",
    "wanju-3": "w",
    "fire-1": "f",
    "fire-2": "f",
    "rate-1": "r",
    "rate-2": "r",
}


def article(row: tuple, shift_h: float = 0.0, timed: bool = True) -> Article:
    aid, h, title, text = row
    when = T0 + timedelta(hours=h + shift_h) if timed else None
    return Article(id=aid, title=title, text=text, published=when, outlet="test")
