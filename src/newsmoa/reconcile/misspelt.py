"""A name an outlet misspells: one letter away from the name the press release gives the
person of the same title (`Judge Maria Ostrowsky` against the release's `Judge Maria
Ostrowski`; `박성인 군수` against `박성일 군수`). Only against the release, whose spelling is
the press office's: between two outlets either may be right.

Narrowly: an English name keeps every word but its last, whose spelling differs by one
letter (one added, dropped or changed) in a name of at least `MIN_LAST_NAME` letters; a
Korean name keeps its length and surname, and one syllable of its given name differs by
one letter (jamo: 일/인, 윤/운). A name the release itself writes is never a misspelling.
`fold_misspellings` lists such a name in the story's facts under the release's spelling.
An English first name spelt alike (`first_name_misspelt`: `Dana`, `Diana`) is one too, for
the spelling disagreements of English titled names (`disagreements._spelt_covers`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from newsmoa.facts.names import surname_of, title_modifier, title_of
from newsmoa.text.script import english, jamo
from newsmoa.types import Fact

MIN_LAST_NAME = 4  # `Li`, `Lu`, `Ng` one letter apart are other names, not misprints


def one_letter_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


SPELT_ALIKE = 0.7  # first names this alike (difflib ratio) are one name misspelt: Dana, Diana


def first_name_misspelt(a: str, b: str) -> bool:
    """Whether two English names of one title and last name (`Dana Whitfield`, `Diana
    Whitfield`) are one person's name spelt two ways: their first names differ, neither is an
    initial or short form of the other (`J.`, `Dan` / `Daniel`), and they are spelt alike
    (`SPELT_ALIKE`; `Bill` / `William`, `Ted` / `Edward` are not: another form of the name,
    or someone else)."""
    fa, fb = (n.split()[0].rstrip(".").lower() for n in (a, b))
    if fa.startswith(fb) or fb.startswith(fa):
        return False
    return SequenceMatcher(None, fa, fb).ratio() >= SPELT_ALIKE


def _korean_misspelt(reference: str, name: str) -> bool:
    if len(reference) != len(name) or not 2 <= len(name) <= 4:
        return False
    surname = surname_of(reference)
    if surname is None or not name.startswith(surname):
        return False
    apart = [(x, y) for x, y in zip(reference, name, strict=True) if x != y]
    if len(apart) != 1:
        return False
    a, b = (jamo(c) for c in apart[0])
    return a is not None and b is not None and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _english_misspelt(reference: str, name: str) -> bool:
    ref, got = reference.split(), name.split()
    if len(ref) < 2 or len(ref) != len(got) or ref[:-1] != got[:-1]:
        return False
    last, other = ref[-1], got[-1]
    return min(len(last), len(other)) >= MIN_LAST_NAME and one_letter_apart(last, other)


def misspelt_name(reference: str, name: str) -> bool:
    """Whether `name` is `reference` misspelt by one letter (the module's rule): English
    names in their last name, Korean names in their given name."""
    if english(reference) != english(name):
        return False
    if english(reference):
        return _english_misspelt(reference, name)
    return _korean_misspelt(reference, name)


def role_of(fact: Fact) -> tuple[str, str | None] | None:
    """The title a person fact names its person by and the body it is of, if said
    (`청솔군 부군수`, `청솔군부군수`: ("부군수", "청솔군"); `Judge`: ("judge", None)); None for
    a fact with no title, or one of another time (`전 군수`)."""
    if fact.type != "person" or not fact.role:
        return None
    words = fact.role.split()
    if title_modifier(words[0]):
        return None
    if english(fact.role):
        return words[-1].lower(), None
    title = title_of(words[-1])
    if title is None:
        return None
    body = title.affiliation or (" ".join(words[:-1]) or None)
    return title.title, body


def same_role(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """One title of one body: a body said by one side only is no other body."""
    return a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


def release_spelling(fact: Fact, release_facts: Sequence[Fact]) -> Fact | None:
    """The one person of the release that `fact` names misspelt (same title, `misspelt_name`),
    else None: also for a name the release writes itself, or one near two of its names."""
    role, name = role_of(fact), str(fact.value)
    if role is None or any(f.type == "person" and str(f.value) == name for f in release_facts):
        return None
    near = {
        str(f.value): f
        for f in release_facts
        if (r := role_of(f)) is not None
        and same_role(r, role)
        and misspelt_name(str(f.value), name)
    }
    return next(iter(near.values())) if len(near) == 1 else None


def fold_misspellings(facts: Sequence[Fact], release_facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """A story's facts with each person an outlet names misspelt (`release_spelling`) listed
    once, under the release's spelling, with that outlet among its sources: the story card
    listed `김도운 청솔군수` and one outlet's `김도원 청솔군수` as two people (a black-box
    case). The spelling itself stays a disagreement (`reconcile.disagreements`)."""
    at = {str(f.value): n for n, f in enumerate(facts) if f.type == "person"}
    out: list[Fact | None] = list(facts)
    for n, fact in enumerate(facts):
        ref = release_spelling(fact, release_facts) if fact.type == "person" else None
        k = at.get(str(ref.value)) if ref is not None else None
        if k is None or k == n or (kept := out[k]) is None:
            continue
        out[k] = replace(kept, sources=kept.sources + fact.sources)
        out[n] = None
    return tuple(f for f in out if f is not None)
