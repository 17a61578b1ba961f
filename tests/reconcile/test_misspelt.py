"""The story's facts list a name an outlet misspells under the release's spelling."""

from __future__ import annotations

import sys
from pathlib import Path

# The facts tests' fixtures (plain split) are shared.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "facts"))
from facts_samples import make_article, split  # noqa: E402

from newsmoa.facts import extract_facts, merge_facts  # noqa: E402
from newsmoa.reconcile.misspelt import fold_misspellings  # noqa: E402

RELEASE = "청솔군은 17일 군청 대회의실에서 김도윤 군수 등 40명이 참석한 가운데 협약을 체결했다."


def people(*texts: str, release: bool = True) -> list[tuple[str, list[str]]]:
    arts = [make_article(f"a{n}", t) for n, t in enumerate(texts)]
    by = {a.id: extract_facts(a, split(a)) for a in arts}
    facts = fold_misspellings(merge_facts(by), by["a0"] if release else ())
    return [
        (str(f.value), sorted({s.article for s in f.sources})) for f in facts if f.type == "person"
    ]


def test_a_misspelt_name_is_listed_once_under_the_releases_spelling():
    """The story card listed `김도윤 군수` and one outlet's `김도연 군수` as two people."""
    wrong = RELEASE.replace("김도윤", "김도연")
    assert people(RELEASE, RELEASE, wrong) == [("김도윤", ["a0", "a1", "a2"])]


def test_names_that_are_no_misspelling_stay_apart():
    other = RELEASE.replace("김도윤", "김도훈")  # two letters: someone else
    assert people(RELEASE, other) == [("김도윤", ["a0"]), ("김도훈", ["a1"])]
    wrong = RELEASE.replace("김도윤", "김도연")  # no release: either may be right
    assert people(RELEASE, wrong, release=False) == [("김도윤", ["a0"]), ("김도연", ["a1"])]
