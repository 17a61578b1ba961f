"""Figures the variants of one consolidated sentence state differently (`reconcile.figures`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "facts"))
from facts_samples import Story, make_article  # noqa: E402

from newsmoa.reconcile.figures import figure, figure_disagreements, words  # noqa: E402


def story(*texts: str) -> Story:
    return Story([make_article(f"a{n}", t) for n, t in enumerate(texts)])


def sides(d) -> dict:
    return {str(v.value): sorted({s.article for s in v.sources}) for v in d.values}


@pytest.mark.parametrize(
    ("word", "kind", "value"),
    [
        ("19일", "date", ("amount", frozenset({"19"}))),
        ("3월", "date", ("amount", frozenset({"3"}))),
        ("5년간", "quantity", ("amount", frozenset({"5"}))),  # how long, not when
        ("50명이", "quantity", ("amount", frozenset({"50"}))),
        ("5-2", "quantity", ("tally", 2, 5)),  # (a score in either order)
        ("5대2로", "quantity", ("tally", 2, 5)),
        ("five", "quantity", ("amount", frozenset({"5"}))),
        ("June", "date", ("month", 6)),
        ("Tuesday", "date", ("weekday", 1)),
    ],
)
def test_what_a_figure_is(word, kind, value):
    found = figure(word, 0)
    assert found is not None and (found.kind, found.value) == (kind, value)


@pytest.mark.parametrize("word", ["may", "march", "council", "희망제작소"])
def test_words_that_are_no_figure(word):
    assert figure(word, 0) is None


def test_a_tally_one_outlet_prints_otherwise_is_a_disagreement_with_each_sides_words():
    # (a score: a vote's tally, `voted 5-2`, is the facts' votes for and against, which
    # dispute it across the story: tests/facts/test_english.py)
    said = "The Cedar Springs Bulldogs beat the Hawks {} on Tuesday to take the league title."
    found = story(said.format("5-2"), said.format("6-1"), said.format("5-2")).disagreements()
    (d,) = found
    assert d.kind == "quantity" and d.about == "the Hawks … on Tuesday, sentence 1"
    assert sides(d) == {"5-2": ["a0", "a2"], "6-1": ["a1"]}
    for v in d.values:
        assert all(str(v.value) in (s.quote or "") for s in v.sources)


def test_a_month_in_two_wordings_of_one_sentence_is_a_date_disagreement():
    """The facts read `would begin in July` as an announcement's date and `will begin in
    June` as no happening's, so the two were never compared, and the story credited the
    June outlet with July (a black-box case)."""
    found = story(
        "Mayor Tom Becker said construction would begin in July and take about 14 months.",
        "Mayor Tom Becker said construction will begin in June and take 14 months.",
    ).disagreements()
    # (the facts may compare the two months too: one disagreement either way)
    assert [(d.kind, sorted(map(tuple, sides(d).values()))) for d in found] == [
        ("date", [("a0",), ("a1",)])
    ]


@pytest.mark.parametrize(
    "other",
    [
        "완주군은 올해 사업비 1억5000만원을 투입해 마을 20곳을 지원한다.",  # one amount, written otherwise
        "완주군은 올해 사업비 약 2억원을 투입해 마을 20곳을 지원한다.",  # about so much
        "완주군은 올해 사업비 1.5억원을 투입해 마을 20곳 안팎을 지원한다.",
        # a clause rewritten, not a figure changed
        "완주군은 내년부터 3년 동안 해마다 사업비를 늘려 마을 20곳을 지원한다.",
    ],
)
def test_no_figure_disagreement(other):
    said = "완주군은 올해 사업비 1.5억원을 투입해 마을 20곳을 지원한다."
    assert story(said, other).disagreements() == ()


def test_a_score_one_outlet_prints_otherwise_is_a_disagreement():
    said = "청솔FC는 14일 홈 경기에서 한빛시민구단을 3대1로 꺾고 2연승을 달렸다."
    (d,) = story(said, said.replace("3대1", "2대1")).disagreements()
    assert d.kind == "quantity" and sides(d) == {"2대1로": ["a1"], "3대1로": ["a0"]}


def test_a_slot_the_facts_dispute_is_not_reported_twice():
    said = "완주군은 19일 희망제작소에서 박성일 완주군수 등 50명이 참여한 가운데 협약을 체결했다."
    found = story(said, said.replace("19일", "20일")).disagreements()
    assert [(d.kind, d.about) for d in found] == [("date", "signing date")]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("more than 1 , 000 people", 0),
        ("a magnitude - 6 . 1 quake", 0),
        ("call 0845 125 2222 now", 0),
        ("with a 2 . 3GHz quad - core chip", 11),  # a sentence cut after `2 .`
    ],
)
def test_a_number_written_over_several_words_is_no_figure(text, start):
    """Tokenised texts and numbers in groups: their parts were taken for other figures than
    an outlet's `1,000` (ECB+ showed `1` against `1000`, `3GHz` against `7GHz`)."""
    read = words(text, start, len(text))
    assert read and [w.text for w in read if w.figure is not None] == []


def test_figures_of_two_named_subjects_are_no_disagreement():
    said = "On Sunday {} rushed for {} yards while the defense held firm."
    assert story(said.format("Addai", 101), said.format("Brown", 226)).disagreements() == ()


def test_one_outlets_series_is_no_disagreement():
    """An outlet's reports written from one template (the weather at 3 and at 6) give other
    figures in the same words; two outlets writing them do disagree."""
    said = "서울의 낮 기온은 {}도로 어제보다 조금 높겠고 밤에는 비가 오겠다."
    arts = [
        make_article(f"a{n}", said.format(t), outlet="한빛일보") for n, t in enumerate((31, 32))
    ]
    assert Story(arts).disagreements() == ()
    other = [arts[0], make_article("b", said.format(32), outlet="청솔신문")]
    assert [sides(d) for d in Story(other).disagreements()] == [{"31도": ["a0"], "32도": ["b"]}]


def test_a_short_sentence_or_one_inside_other_words_is_no_place_to_compare():
    """`He was 95.` and `He was 75.` close two obituaries that ECB+ holds in one topic: too
    short to be surely one claim; and a variant that is a few words of a longer sentence of
    other words has no place in common with it."""
    assert story("He was 95.", "He was 75.").disagreements() == ()
    said = "Officials said 40 people were hurt in the crash on Route 9 near the old mill."
    other = "Officials said 40 people were hurt, and 12 of them were taken by helicopter to three hospitals in the region."
    assert story(said, other).disagreements() == ()


def test_an_amount_with_its_multipliers_misprinted_is_a_disagreement():
    """`85억원` for the release's `8억5천만원` (a press office's week): both in 원, whatever
    multipliers each writes; `1.5억원` and `1억5000만원` are still one amount."""
    said = "군은 올해 사회적경제 지원 예산으로 8억5천만원을 편성했다고 밝혔다."
    told = story(said, said.replace("8억5천만원", "85억원"))
    # (the facts may read the two as one budget's amount too; the sentence's figures alone:)
    (d,) = figure_disagreements(told.articles, told.aligned, (), lambda about, n: about)
    assert d.kind == "quantity" and sides(d) == {"8억5천만원": ["a0"], "85억원": ["a1"]}
    same = story(said, said.replace("8억5천만원", "8.5억원"))
    assert figure_disagreements(same.articles, same.aligned, (), lambda about, n: about) == []


def test_a_vote_count_is_two_figures_and_a_word_ending_like_a_hedge_is_none():
    """`찬성 6표 반대 1표` against `찬성 5표 반대 2표`: both counts differ. `반대` ends as
    `90%대` does, and its neighbour `6표` was taken for a hedged figure (a black-box case)."""
    said = "청솔군의회는 27일 본회의에서 조례안을 찬성 6표 반대 1표로 통과시켰다."
    other = said.replace("6표", "5표").replace("1표", "2표")
    found = story(said, other).disagreements()
    assert sorted(sorted(sides(d)) for d in found) == [
        ["1표", "2표"],
        ["5표", "6표"],
    ]  # (a side without its particle)


@pytest.mark.parametrize(
    ("said", "other"),
    [
        # one amount with its scale written apart, in two scales
        (
            "The company said it would invest 4 billion dollars in the new plant next year.",
            "The company said it would invest 4,000 million dollars in the new plant next year.",
        ),
        # a scale after a hyphen standing alone (ECB+'s tokenised `two - million - euro`)
        (
            "Four men smashed the window and made off with a two - million - euro booty, police said.",
            "Four men smashed the window and made off with a €2 million booty, police said.",
        ),
        # one score written from either side
        (
            "The Tigers lost to the visiting Lions 2-5 on Sunday night at home.",
            "The Tigers lost to the visiting Lions 5-2 on Sunday night at home.",
        ),
    ],
)
def test_one_figure_written_two_ways_is_no_disagreement(said, other):
    assert story(said, other).disagreements() == ()


def test_a_word_after_a_figure_that_begins_like_a_hedge_is_none():
    """`여성` begins as the hedge `여` (`50여 명`) does: the count before it was taken as
    hedged and not compared (a review); `안팎이` is the hedge with its particle."""

    def figures(said: str, other: str) -> list:
        told = story(said, other)  # (the facts may compare the counts too: the figures alone)
        return figure_disagreements(told.articles, told.aligned, (), lambda about, n: about)

    said = "이날 행사에는 지역 주민 30명 여성 단체 회원들이 함께 참석해 자리를 빛냈다."
    (d,) = figures(said, said.replace("30명", "40명"))
    assert sides(d) == {"30명": ["a0"], "40명": ["a1"]}
    hedged = said.replace("30명 여성", "30명 안팎이 여성")
    assert figures(hedged, hedged.replace("30명", "35명")) == []


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("징역 10년을", "quantity"),
        ("2015년에", "date"),
        ("3분기", "quantity"),
        ("2시간", "quantity"),
    ],
)
def test_which_figures_are_dates(word, kind):
    found = [w.figure for w in words(word, 0, len(word)) if w.figure is not None]
    assert [f.kind for f in found] == [kind]


def test_a_day_beside_a_month_and_an_abbreviated_weekday_are_dates():
    text = "It happened on Thu. March 19 at the port."
    read = {w.text: w.figure for w in words(text, 0, len(text)) if w.figure is not None}
    assert read["Thu"].kind == read["19"].kind == "date"


def test_a_source_past_its_text_is_quoted_within_it():
    from newsmoa.types import ConsolidatedSentence, Source

    said = "The Cedar Springs City Council voted {} on Tuesday to approve the library plan."
    told = story(said.format("5-2"), said.format("6-1"))
    long_ = ConsolidatedSentence(
        told.aligned[0].text,
        (Source("a0", 0, len(said) + 400), Source("a1", 0, len(said) - 1)),
    )
    (d,) = figure_disagreements(told.articles, [long_], (), lambda about, n: about)
    assert all(s.quote for v in d.values for s in v.sources)


def test_a_unit_with_other_letters_is_another_unit():
    """`%p` is no `%`: the same figure in the other unit is not compared (`0.5%`, a loose
    unit); a particle after one unit is still that unit (`2명을`, `3명이`)."""
    said = "실업률은 지난달보다 {} 오른 것으로 집계됐다고 통계청이 밝혔다."
    rates = story(said.format("0.5%"), said.format("0.5%p"))  # (the facts: % and %p)
    assert figure_disagreements(rates.articles, rates.aligned, (), lambda about, n: about) == []
    counts = "군은 이번 사업에 주민 {} 참여하기로 했다고 밝혔다."
    told = story(counts.format("2명을"), counts.format("3명이"))
    (d,) = figure_disagreements(told.articles, told.aligned, (), lambda about, n: about)
    assert sides(d) == {"2명": ["a0"], "3명": ["a1"]}


def test_a_count_after_a_group_word_is_compared_only_with_the_same_words():
    """`부사장 등 3명` (three with the vice-president) against three outlets' `부사장 및
    상임이사 2명` (two directors with him) was a disagreement, though both may be right (a
    black-box case): a count closing a group (`group_words.tsv`: 등, 외) covers what other
    words name otherwise. The same words with another count still disagree."""
    said = "협약식에는 김도운 청솔군수와 한빛에너지 박정호 대표이사, {} 참석했다고 밝혔다."
    release = said.format("부사장 및 상임이사 2명이")
    told = story(release, release, release, said.format("부사장 등 3명이"))
    assert figure_disagreements(told.articles, told.aligned, (), lambda about, n: about) == []
    told = story(release, release, said.format("부사장 외 2명이"))
    assert figure_disagreements(told.articles, told.aligned, (), lambda about, n: about) == []
    group = said.format("직원 등 3명이")
    told = story(group, group, said.format("직원 등 4명이"))
    (d,) = figure_disagreements(told.articles, told.aligned, (), lambda about, n: about)
    assert sides(d) == {"3명": ["a0", "a1"], "4명": ["a2"]}


def test_another_figure_in_the_other_unit_of_a_rate_is_a_disagreement():
    """One outlet's `0.3%` where the release and another outlet write `0.5%p` changed the
    figure and its unit (`facts/data/rival_units.tsv`); it was flagged nowhere and the
    sentence named that outlet a source of `0.5%p` (a black-box case). Each side is headed
    by its own words; a hedged figure stays uncompared."""
    said = "군은 지난해 청년 고용률이 전년보다 {} 상승했다고 설명했다."
    told = story(said.format("0.5%p"), said.format("0.5%p"), said.format("0.3%"))
    (d,) = figure_disagreements(told.articles, told.aligned, (), lambda about, n: about)
    assert d.kind == "quantity" and sides(d) == {"0.3%": ["a2"], "0.5%p": ["a0", "a1"]}
    told = story(said.format("0.5%포인트"), said.format("0.3퍼센트"))
    (d,) = figure_disagreements(told.articles, told.aligned, (), lambda about, n: about)
    assert sides(d) == {"0.3퍼센트": ["a1"], "0.5%포인트": ["a0"]}
    told = story(said.format("0.5%p"), said.format("약 0.3%"))
    assert figure_disagreements(told.articles, told.aligned, (), lambda about, n: about) == []
