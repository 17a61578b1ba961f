"""Lines a page shows above its headline, which a text copied from it keeps: the outlet's
masthead (`전북일보`) and the breadcrumb of its sections (`홈 > 사회 > 지역`).

A text pasted from a page read them as its headline and standfirst: the story was titled
`전북일보`, or `홈 > 뉴스 > 사회`. A breadcrumb is left out; a masthead names the outlet.
"""

from __future__ import annotations

import re

from newsmoa.extract.tables import breadcrumb_words, outlets

_STEP = re.compile(r"\s*[>›»]\s*")
_STEP_MAX_CHARS = 15  # a section's name is short; a headline quoting `A > B` is not a trail


def is_breadcrumb(line: str) -> bool:
    """Whether `line` is a trail of sections: three short steps or more between `>`, `›`
    or `»`, or two opening with a word such as `홈` or `Home`."""
    steps = _STEP.split(line.strip())
    if len(steps) < 2 or any(not s or len(s) > _STEP_MAX_CHARS for s in steps):
        return False
    return len(steps) >= 3 or steps[0].lower() in breadcrumb_words()


def masthead(line: str) -> str | None:
    """The outlet `line` is the name of, alone (`전북일보`, an outlet table's name or alias,
    or one word with an outlet's ending), else None: a headline of several words that ends
    `… 뉴스` names none."""
    name = line.strip()
    table = outlets()
    if name in table.by_alias:
        return table.by_alias[name]
    return table.canonical(name) if len(name.split()) == 1 else None
