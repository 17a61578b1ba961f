"""The tuning protocol's fixed splits."""

from newsmoa.eval.clustering import half_of
from newsmoa.eval.tune import quarter_of


def test_quarters_split_half_a_by_another_hash():
    stories = [f"d{i:04d}" for i in range(400)]
    half_a = [s for s in stories if half_of(s) == "A"]
    ones = [s for s in half_a if quarter_of(s) == "1"]
    assert 0.3 < len(ones) / len(half_a) < 0.7  # both quarters hold stories
    assert [quarter_of(s) for s in half_a] == [quarter_of(s) for s in half_a]
