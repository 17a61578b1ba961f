"""A festival's day told by outlets in different words: each on its side, none left out."""

from __future__ import annotations

from datetime import datetime

from facts_samples import KST, Story, make_article

ON_14TH = datetime(2024, 5, 14, 10, tzinfo=KST)


def test_a_festivals_day_by_adnominal_or_other_verb_is_compared_with_the_others():
    """A black-box case, in an article of the 14th: `3일 … 개최할 장류 축제` was the 3rd
    of May (the nearest day; an adnominal's tense was not read) against the others' 3 June,
    and `다음 달 13일 … 축제를 연다` was about `축제` (its object), not `개최`, so the outlet
    that misreported the day stood on no side."""
    texts = {
        "a": "또한 군은 다음 달 3일 순창발효테마파크에서 장류 축제를 개최할 예정이다.",
        "b": "군은 오는 6월 3일 순창발효테마파크에서 장류 축제를 개최할 예정이다.",
        "c": "군은 3일 순창발효테마파크에서 개최할 장류 축제도 함께 홍보할 계획이다.",
        "d": "군은 다음 달 13일 순창발효테마파크에서 장류 축제를 연다.",
    }
    story = Story([make_article(k, t, ON_14TH) for k, t in texts.items()])
    (d,) = story.disagreements()
    assert d.kind == "date" and d.about.startswith("event date")
    sides = {v.value: sorted({s.article for s in v.sources}) for v in d.values}
    assert sides == {"2024-06-03": ["a", "b", "c"], "2024-06-13": ["d"]}


ON_20TH = datetime(2024, 5, 20, 13, tzinfo=KST)


def test_a_fires_day_is_one_claim_and_every_outlet_stands_on_a_side():
    """A black-box case: `불이 나` (labelled by its place, `공장`) and `화재가 발생했다` were
    two happenings, so the 19th was never set against the 20th at 10:30; and `지난 20일`,
    saying less than both times of the 20th, stood on no side."""
    texts = {
        "a": "20일 오전 10시 30분께 완주군 봉동읍 한 부품공장에서 불이 나 근로자 2명이 숨졌다.",
        "b": "지난 20일 완주군 봉동읍 한 부품공장에서 화재가 발생해 근로자 2명이 숨졌다.",
        "c": "19일 오전 10시 30분께 완주군 봉동읍 한 부품공장에서 화재가 발생해 근로자 2명이 숨졌다.",
        "d": "20일 오전 10시께 완주군 봉동읍 한 공장에서 불이 나 근로자 2명이 숨졌다.",
    }
    story = Story([make_article(k, t, ON_20TH) for k, t in texts.items()])
    (d,) = story.disagreements()
    assert d.kind == "date" and d.about.startswith("incident date")
    sides = {v.value: sorted({s.article for s in v.sources}) for v in d.values}
    assert sides == {
        "2024-05-19T10:30:00+09:00": ["c"],
        "2024-05-20": ["b"],
        "2024-05-20T10:00:00+09:00": ["d"],
        "2024-05-20T10:30:00+09:00": ["a"],
    }


def test_a_day_that_says_less_than_one_side_stands_on_it():
    """`20일` beside `20일 오후 2시` against `19일`: the outlet of the bare day was on no side."""
    said = "청솔군은 {} 군청에서 희망재단과 업무협약을 체결했다고 밝혔다."
    days = {"a": "19일", "b": "20일 오후 2시", "c": "20일"}
    story = Story([make_article(k, said.format(w), ON_20TH) for k, w in days.items()])
    (d,) = story.disagreements()
    sides = {v.value: sorted({s.article for s in v.sources}) for v in d.values}
    assert sides == {"2024-05-19": ["a"], "2024-05-20T14:00:00+09:00": ["b", "c"]}


def test_an_english_incident_is_no_happening_whose_days_are_compared():
    """Unlike Korean, English has no `incident` row (`happenings_en.tsv`): on ECB+ it made
    two date disputes, both false (two climbers' falls a day apart in one story)."""
    said = "A fire broke out at an auto parts factory in Wanju on {}, killing two workers."
    arts = [
        make_article(k, said.format(day), ON_20TH) for k, day in (("a", "Monday"), ("b", "Sunday"))
    ]
    # no fact of an incident's day is compared; the one sentence the two outlets print
    # alike but for its weekday is a disagreement of that sentence (`reconcile.figures`)
    (d,) = Story(arts).disagreements()
    assert d.about == "Wanju on … killing two, sentence 1"
    assert [v.value for v in d.values] == ["Monday", "Sunday"]
