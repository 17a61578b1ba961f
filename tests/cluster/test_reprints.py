"""`reprints.py`: a reprint repeats its source's figures in order; a template does not."""

from newsmoa.cluster.reprints import figures, figures_agree, same_figures

RELEASE = (
    "청솔군은 28일 사업비 1,200억원을 들여 2026년까지 3개 읍면에 12.5㎞ 자전거길을 "
    "만든다고 밝혔다. 군은 올해 150억원을 먼저 투입한다."
)


def test_figures_are_numbers_with_their_unit_in_order():
    assert figures(RELEASE) == "28일 1,200억 2026년 3개 12.5㎞ 150억"


def test_a_reprint_that_drops_the_thousands_comma_has_the_same_figures():
    lead = "청솔군은 28일 사업비 1,200억원을 들여 3개 읍면에 자전거길을 만든다."
    reprint = lead.replace("1,200억원", "1200억원")
    assert same_figures(figures(lead), figures(reprint))


def test_a_reprint_that_drops_a_sentence_keeps_a_subsequence():
    lead = RELEASE.split(". ")[0] + "."
    assert same_figures(figures(RELEASE), figures(lead))


def test_a_template_of_another_day_has_other_figures():
    other = "청솔군은 29일 사업비 800억원을 들여 2027년까지 5개 읍면에 9.1㎞ 산책로를 만든다."
    assert not same_figures(figures(RELEASE), figures(other))
    assert not figures_agree(figures(RELEASE), figures(other))


def test_fewer_than_three_figures_say_nothing_either_way():
    few = "청솔군은 28일 자전거길을 만든다."
    assert not same_figures(figures(few), figures(few))
    assert figures_agree(figures(few), figures(RELEASE))
