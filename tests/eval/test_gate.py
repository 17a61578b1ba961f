"""Quality gate: ECB+ test topics 36-45 (in the repository) must not fall below pinned floors.

The floors sit a little below the figures measured when they were last raised; raise them
when quality improves, never lower them to make a change pass. Since 2026-11-29 the set is
read as the product reads it (`EvalSet.extracted`), which measured 0.927 / 0.945 where the
articles' raw fields gave 0.904 / 0.927; the floors rose with it (0.90 / 0.92). They were
lowered once, the same day, to 0.86 / 0.89, when extraction learnt English datelines: 8 of
the 210 documents open with a date line (`April 28 , 2009`) that had been read as their
headline, and the date, twice weighted, told the corpus's look-alike events of other years
apart (those 8 alone restore 0.927; src/newsmoa/cluster/README.md, "English datelines"). Read
as datelines they are publication times, and the set measured 0.889 / 0.914 (0.888 / 0.931
with the times dropped).
"""

from newsmoa.eval.clustering import run, score
from newsmoa.eval.datasets import load_ecbplus

PAIRWISE_F1_FLOOR = 0.86  # measured 0.889
BCUBED_F1_FLOOR = 0.89  # measured 0.914


def test_ecbplus_test_topics_stay_above_floors(results_line):
    row = score(run(load_ecbplus(("test",))), "ECB+ test")
    results_line(
        f"quality gate, {row.name}: pairwise F1 {row.pw.f1:.3f} (floor {PAIRWISE_F1_FLOOR}),"
        f" B-cubed F1 {row.b3.f1:.3f} (floor {BCUBED_F1_FLOOR})"
    )
    assert row.articles == 210
    assert row.pw.f1 >= PAIRWISE_F1_FLOOR, row.render()
    assert row.b3.f1 >= BCUBED_F1_FLOOR, row.render()
