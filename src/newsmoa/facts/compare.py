"""When two outlets' values for one thing agree, say less, or disagree.

A value *covers* another when it is the same or less precise and includes it: `2015-03`
covers `2015-03-19`, `{"from": "2008"}` covers `2008`, `약 50명` covers `50명`, `희망제작소`
covers `희망제작소 대회의실`, the short `박` covers `박성일`. Two values agree when one covers
the other; an outlet whose value covers another's only says less, which is no disagreement.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from newsmoa.text.normalize import comparison_key

Covers = Callable[[Any, Any], bool]
APPROX_SHARE = 0.2  # an approximate count covers counts within this share of it
_FAR_PAST, _FAR_FUTURE = "0000", "9999"


def interval(value: Any) -> tuple[str, str]:
    """[lo, hi] as sortable strings at second precision."""
    if isinstance(value, dict):
        lo = interval(value["from"])[0] if value.get("from") else _FAR_PAST
        hi = interval(value["to"])[1] if value.get("to") else _FAR_FUTURE
        return lo, hi
    text = str(value)
    if "T" in text:
        moment = datetime.fromisoformat(text).replace(tzinfo=None)
        stamp = moment.isoformat(timespec="seconds")
        return stamp, stamp
    if len(text) == 4:
        return f"{text}-01-01T00:00:00", f"{text}-12-31T23:59:59"
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:])
        nxt = datetime(year + month // 12, month % 12 + 1, 1) - timedelta(seconds=1)
        return f"{text}-01T00:00:00", nxt.isoformat()
    return f"{text}T00:00:00", f"{text}T23:59:59"


def date_covers(a: Any, b: Any) -> bool:
    """`a` says `b` or less: its interval holds b's (`지난달` covers `지난달 5일`). Of two
    periods (`{"from", "to"}`), each end must cover the other's (an open end says nothing):
    `6월 1일부터 9월 30일까지` does not cover `…8월 31일까지`, which states another end (it
    did, being longer, and a misreported end went unnoticed: a black-box case)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return _end_covers(a.get("from"), b.get("from")) and _end_covers(a.get("to"), b.get("to"))
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    return alo <= blo and bhi <= ahi


def _end_covers(a: Any, b: Any) -> bool:
    if not a:
        return True
    return bool(b) and date_covers(a, b)


def quantity_covers(a: tuple[float, str], b: tuple[float, str]) -> bool:
    """`a` says `b` or less: the same amount; a little over it (`80여 명` covers 80 to 89,
    not `90여 명`: within the place of its last digit); about it (`약 120억`: within
    `APPROX_SHARE` of it, or `b` rounded at its precision, `_rounding`); or `b` rounded
    ("176억 2000만" for 176억1603만, "36억" for 36억2000만: a rounder figure within
    `ROUNDED_SHARE`); or a floor it reaches (`at least three` covers five). The second of
    each pair is its hedge (`quantities.hedge`)."""
    (av, a_hedge), (bv, _) = a, b
    if av == bv:
        return True
    close = abs(av - bv) <= ROUNDED_SHARE * max(abs(av), abs(bv))
    if close and _zeros(av) > _zeros(bv):
        return True
    if a_hedge == "floor":
        return bv >= av  # at least three: five says no other
    if a_hedge == "over" and av == int(av) and av > 0:
        return av <= bv < av + 10 ** max(_zeros(av), 0)
    return bool(a_hedge) and abs(av - bv) <= max(
        APPROX_SHARE * max(abs(av), abs(bv)), _rounding(av)
    )


def _rounding(value: float) -> float:
    """How far a figure given as about so many may lie from the exact one it rounds: half
    the place of its last digit other than zero (`about $2 million` is $1.5 million to
    $2.5 million, `약 2억` 1.5억: an exact figure rounded at the hedged one's precision is
    it), at most `ROUNDING_CAP` of it; 0 for a fraction."""
    zeros = _zeros(value)
    return min(10**zeros / 2, ROUNDING_CAP * abs(value)) if zeros > 0 else 0.0


# the most a rounding stretches (a figure of one digit, `약 1억`, would cover 5,100만 and
# `about 100` 149 at half its place; 25% keeps `about $2 million` for $1.5 million)
ROUNDING_CAP = 0.25


ROUNDED_SHARE = 0.01  # an outlet rounding a figure moves it less than 1% (1300만 vs 1340만: 3%)


def _zeros(value: float) -> int:
    """The trailing zeros of a whole number (how round it is); -1 for a fraction."""
    if value != int(value):
        return -1
    n, zeros = abs(int(value)), 0
    while n and n % 10 == 0:
        n //= 10
        zeros += 1
    return zeros


def name_covers(a: str, b: str) -> bool:
    """`a` names the same place or organisation as `b`, as fully or less: each of its words
    is one of b's or a shorter / longer form of one (`희망제작소` / `희망제작소 강당`,
    `전주시청 회의실` / `시청 4층 회의실`)."""
    ka, kb = comparison_key(a), comparison_key(b)
    if not ka:
        return False
    if ka in kb:
        return True
    wb = [comparison_key(w) for w in b.split()]
    return all(
        any(x == y or x.endswith(y) or y.endswith(x) for y in wb if y)
        for x in (comparison_key(w) for w in a.split())
        if x
    )


def person_covers(a: str, b: str) -> bool:
    """Whether name `a` says no more than `b`: the same, a surname of it (`김`, `김철수`), or
    one word of a name written from another language (`트럼프`, `도널드 트럼프`)."""
    return (
        a == b
        or (len(a) <= 2 and b.startswith(a) and len(b) > len(a))
        or (" " not in a and a in b.split())
    )


def about(happening: str, field: str) -> str:
    """The label of a disagreement: `about("signing", "date")` -> "signing date"."""
    return f"{happening} {field}"


def key(value: Any) -> str:
    """A hashable spelling of a value."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def distinct(values: Sequence[Any], covers) -> list[Any]:
    """The values left once every value that covers another one is dropped (it says less),
    or [] when the rest all agree with each other. Two values that cover each other (`45억원`
    and `45억 원`, one figure in two outlets' words) say the same, and neither is dropped:
    both were, and `54억원` was left alone, agreeing with itself (a black-box case)."""
    uniq = list({key(v): v for v in values}.values())
    specific = [
        v
        for v in uniq
        if not any(key(w) != key(v) and covers(v, w) and not covers(w, v) for w in uniq)
    ]
    for i, v in enumerate(specific):
        for w in specific[i + 1 :]:
            if not (covers(v, w) or covers(w, v)):
                return specific
    return []


def contested(by_article: Mapping[str, Sequence[Any]], covers: Covers) -> list[Any]:
    """The values outlets contradict each other on, or [] when none do.

    Two outlets contradict each other when each states a value none of the other's values
    agrees with; a reprint, or an outlet that only leaves things out, contradicts no one.
    A value is reported when it is such a lone value of a contradicting pair; one that
    covers another reported value is left out when it agrees with all of them (says less:
    `2015-03` beside the 19th and the 20th) or covers just one (it stands on that one's
    side: `side`), but not when it covers several and contradicts another: `지난 20일`
    beside `20일 오전 10시` and `20일 오전 10시 30분` against `19일` is a side of its own (it
    was left out, and its outlet stood on no side: a black-box case).
    """

    def lone(mine: Sequence[Any], theirs: Sequence[Any]) -> list[Any]:
        return [v for v in mine if not any(covers(v, w) or covers(w, v) for w in theirs)]

    found: dict[str, Any] = {}
    names = sorted(by_article)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            only_a, only_b = lone(by_article[a], by_article[b]), lone(by_article[b], by_article[a])
            if only_a and only_b:
                found.update((key(v), v) for v in only_a + only_b)
    values = list(found.values())

    def says_less(v: Any) -> bool:
        others = [w for w in values if key(w) != key(v)]
        covered = sum(covers(v, w) for w in others)
        return covered == 1 or (covered > 1 and all(covers(v, w) or covers(w, v) for w in others))

    values = [v for v in values if not says_less(v)]
    return values if len(values) > 1 else []


def side(value: Any, values: Sequence[Any], covers: Covers) -> Any | None:
    """The reported value of `values` (`contested`) an outlet stating `value` stands with:
    that value, or the one reported value it covers when it contradicts another (`4일 뒤`
    with `4일 뒤 오후 2시` against `3일 뒤`: it says less than its side, but takes it);
    None when it takes no side (it covers none, or agrees with all: `2015-03`)."""
    same = [w for w in values if key(w) == key(value)]
    if same:
        return same[0]
    covered = [w for w in values if covers(value, w)]
    contradicts = any(not (covers(value, w) or covers(w, value)) for w in values)
    return covered[0] if len(covered) == 1 and contradicts else None
