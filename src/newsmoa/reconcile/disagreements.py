"""Where outlets state one thing about one happening differently.

Facts are compared only when they describe the same thing (`claim_key`):

- date: the date of one happening (`about`, set by `facts.clauses`: the date in the clause
  whose predicate is the signing, not every date in the sentence); in an article without a
  publication time, a day of an unknown month (`27일`), which a date on that day covers; a
  day its month has not (`11월 31일`, a misprint), which stands against every other day;
- place: where a happening took place (a place written as `...에서` in its clause; in
  English, `at ...`, `in ...`, compared for a signing only: `_compared_place`);
- quantity: what one happening counted (`counts`, `unit`), or, in one consolidated
  sentence, what a figure counts whatever verb follows it, the amount its predicate names in
  a unit (`120억 원이 투입`) or an amount tied to no predicate (`사업비 36억 원을 들여`); a
  toll (`story_counts.tsv`: deaths, injured, missing, evacuated) across the story, as each
  article's lead states it;
- person: who holds one affiliated head title (`완주군수`, `희망제작소 소장`), and which
  title one person holds (`title of 김동철`: 사장 against 부사장); how an English titled
  name is spelt, where the story's release writes it (`spelling of Commissioner Whitfield`:
  Diana against the release's Dana, a misprint); a name one letter from the name the
  release gives the person of that title (`Judge Maria Ostrowsky`, `김도연 군수` against
  `김도윤 군수`: `reconcile.misspelt`), against the release only;
- organization: who signed (the parties written as actors of the signing).

A happening a story reports once (`story_happenings.tsv`: a signing, a ceremony) is compared
across the whole story; any other (a meeting, a visit, an announcement: a story holds several;
or one named only by its predicate's noun) within one consolidated sentence (aligned
variants), where it is surely the same happening. There, an outlet listing several values is
compared only with outlets listing as many (`_as_many_values`), and two values count only
where their outlets say them in like words (`_said_alike`). Two outlets disagree when
each states a value the other contradicts (`compare.contested`): an outlet whose value covers
another's (`2015-03` vs `2015-03-19`), that says nothing, or that repeats a second signing
the other also reports only says less.
A figure read at a time (`25일 오후 4시 20분 현재 35만 명`) is compared only with readings
at the same time, and the time of reading is no happening's date; a day an outlet did not
write (이날, or a speaker's “오늘” in a quotation counted from the dateline) is compared by the
time it states only.
No winner is picked: values come in a fixed order (chronological for dates), each with every
source and a quote. With `release`, each fact an article states differently from the press
release in an aligned sentence is reported too, and so is an amount the release states once
wherever the article states it; every outlet stating the release's value stands on its
side.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from newsmoa.facts import compare, places_en
from newsmoa.facts.ages_en import AGE
from newsmoa.facts.agreement import SIGNING, parties, signing_analyses, signing_clauses
from newsmoa.facts.calendar import no_such_day, span
from newsmoa.facts.clauses import (
    EARLIER,
    READ_AT,
    READING_TIME,
    counted_span,
    story_labels,
    tells_history,
)
from newsmoa.facts.dates import day_words
from newsmoa.facts.evidence import quote, sentence_spans, span_at
from newsmoa.facts.names import title_modifier, title_of, written_from_abroad
from newsmoa.facts.quantities import hedge
from newsmoa.facts.quantities_en import Lead, lead, led_alike
from newsmoa.facts.quoted import QUOTED_DAY, saying_labels
from newsmoa.facts.tables import mapping, words
from newsmoa.reconcile.figures import figure_disagreements
from newsmoa.reconcile.misspelt import (
    first_name_misspelt,
    misspelt_name,
    release_spelling,
    role_of,
    same_role,
)
from newsmoa.reconcile.rewrites import dice
from newsmoa.text.script import english
from newsmoa.types import (
    Article,
    ConsolidatedSentence,
    Disagreement,
    DisagreementValue,
    Fact,
    Source,
)

Claim = tuple[Any, Fact, Article]  # (comparable value, fact, article)

_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*일")


def _day(fact: Fact) -> int | None:
    """The day of the month an unresolved date states (`27일` in an article without a
    publication time or dateline, which `facts.dates` cannot place in a month)."""
    if fact.type != "date" or fact.value is not None or not fact.text or "월" in fact.text:
        return None  # (with its month, `3월 27일` and `4월 27일` are not one day)
    m = _DAY.search(fact.text)
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None


def _date_covers(a: Any, b: Any) -> bool:
    """`compare.date_covers`, with a day of an unknown month (`("day", 27)`), which covers
    a date on that day and says no more, and a time on a day named by reference (`("time",
    "08:24")`), which covers a date and time at that time; a span counted from another day
    (`("span", 3, "day", time)`) is compared only with another span."""
    a_span, b_span = _kind_of(a) == "span", _kind_of(b) == "span"
    if a_span or b_span:  # (a claim of its own, `_counted_key`: never beside a date)
        return a_span and b_span and a[1:3] == b[1:3] and (a[3] is None or a[3] == b[3])
    if _kind_of(a) == "time" or _kind_of(b) == "time":
        return _time_covers(a, b)
    a_day, b_day = isinstance(a, tuple), isinstance(b, tuple)
    if a_day and b_day:
        return bool(a == b)
    if a_day:
        return isinstance(b, str) and len(b) >= 10 and b[8:10].isdigit() and int(b[8:10]) == a[1]
    if b_day:
        return False
    return compare.date_covers(a, b)


def _time_covers(a: Any, b: Any) -> bool:
    """A time on a day named by reference agrees with the same time, and says nothing about
    a value without a time (`2019-07-30`): only two times are compared."""
    ta, tb = _time_of(a), _time_of(b)
    return ta is None or tb is None or ta == tb


def _kind_of(value: Any) -> str | None:
    """The kind of a date value that is not a date: "day", "time" or "span" (`_value`)."""
    return str(value[0]) if isinstance(value, tuple) else None


def _time_of(value: Any) -> str | None:
    if isinstance(value, tuple):
        time = value[1] if value[0] == "time" else value[3] if value[0] == "span" else None
        return None if time is None else str(time)
    return value[11:16] if isinstance(value, str) and len(value) > 16 else None


def _title_covers(a: Any, b: Any) -> bool:
    """Two titles of one person agree unless they are rivals (`_rival_titles`)."""
    return not _rival_titles(str(a), str(b))


COVERS: dict[str, Callable[[Any, Any], bool]] = {
    "date": _date_covers,
    "place": compare.name_covers,
    "quantity": compare.quantity_covers,
    "person": compare.person_covers,
    "organization": lambda a, b: set(a) <= set(b),  # naming fewer parties says less
}


def claim_key(fact: Fact, sentence: int | None) -> tuple[str, str] | None:
    """(kind, about) naming what the fact states, or None when it is not compared.
    `sentence` is the index of the consolidated sentence holding the fact, if any."""
    happening = fact.about
    if fact.type == "person" and (spelt := _spelling_key(fact)) is not None:
        return "person", spelt
    if fact.type == "person":
        role = fact.role or ""
        title = title_of(role.split()[-1]) if role else None
        affiliated = " " in role or bool(title and title.prefix)
        # a name written from another language (도널드 트럼프, 던퍼드) is spelt one way here
        # and another there (던퍼드, 던포드) and its role often loses its country (미
        # 국방부 장관 against the Korean 국방부 장관): who holds a title is asked of
        # Korean names only (August: 9 such pairs reported, none a misreport)
        foreign = written_from_abroad(str(fact.value))
        if title and title.head and affiliated and len(str(fact.value)) > 1 and not foreign:
            return "person", f"name of {role}"
        return None
    if fact.counts and _toll(fact):
        # a toll (deaths, injured): one claim of the story's event, whichever verb states
        # it and wherever (`killing three workers` in one outlet's lead, `3명이 숨지고`)
        if (happening or "").startswith(EARLIER) or happening == READING_TIME:
            return None
        return "quantity", fact.counts + _read_at(happening or "")
    if not happening and fact.type == "quantity" and fact.value is not None:
        # an amount tied to no predicate (`사업비 36억 원을 들여`): compared within its
        # consolidated sentence, whose variants state one amount of what it counts
        what = fact.counts or (f"amount in {fact.unit}" if fact.unit else None)
        if sentence is None or not what:
            return None
        return "quantity", _in_sentence(what, sentence)
    if not happening or happening == READING_TIME:
        return None
    if fact.value is None and _day(fact) is None and _counted(fact) is None and not _misdated(fact):
        return None
    once = happening.split()[-1] in story_labels()  # else only within one sentence
    if not once and sentence is None:
        return None
    scope = None if once else sentence

    def label(field: str) -> str:
        """`signing date` for a happening a story reports once; another, which may recur,
        names its consolidated sentence too (`투입 amount in 원, sentence 2`)."""
        said = compare.about(happening, field)
        return said if scope is None else _in_sentence(said, scope)

    if fact.type == "date":
        return "date", label("date")
    if fact.type == "place":
        return "place", label("place")
    if fact.type == "quantity" and fact.counts and scope is not None:
        # in one consolidated sentence, what a figure counts is one claim whichever verb
        # the outlet put after it (`영업이익 12조2000억원의 실적을 발표` against `영업이익
        # 12조1000억원을 기록`: two happenings, never compared; a black-box case); a
        # figure of the past or read at a time keeps its mark
        earlier = EARLIER if happening.startswith(EARLIER) else ""
        return "quantity", _in_sentence(earlier + fact.counts + _read_at(happening), scope)
    if fact.type == "quantity" and fact.counts:
        return "quantity", label(fact.counts)
    if fact.type == "quantity" and fact.unit and sentence is not None:
        # an amount of what the sentence's predicate does (`120억 원이 투입`), in one
        # consolidated sentence: its variants state one amount (an outlet printing 12억
        # where the release says 120억 is the misreport a press office looks for); so does
        # one a signing is sized by ("120억원 규모의 투자협약을 체결", which was compared
        # with nothing: a black-box case), there too only, a story stating several
        amount = compare.about(happening, f"amount in {fact.unit}")
        return "quantity", _in_sentence(amount, sentence)
    return None


SPELLING_OF = "spelling of "  # the label of an English name's claim


def _spelling_key(fact: Fact) -> str | None:
    """`spelling of Commissioner Whitfield`: the claim an English titled name makes about
    how its person's name is spelt, across the story (`Dana Whitfield` against `Diana
    Whitfield`, an outlet's misprint, was no disagreement: English names claimed nothing).
    Only a misspelling disputes it (`misspelt`)."""
    name, role = str(fact.value), (fact.role or "").split()
    if not role or len(name.split()) < 2 or not english(name):
        return None
    title = role[-1][:1].upper() + role[-1][1:]
    return f"{SPELLING_OF}{title} {name.split()[-1]}"


def _spelling(fact: Fact, art: Article) -> tuple[Source, ...]:
    """A fact's sources, or of an English person the mentions that spell the name in full:
    `Whitfield said` shows no first name, and was quoted on each side of a misspelling."""
    full = [s for s in fact.sources if art.text[s.start : s.end] == fact.value]
    return tuple(full) if fact.type == "person" and english(art.text) and full else fact.sources


def _spelt_by_release(claims: dict[tuple[str, str], list[Claim]], release: str | None) -> None:
    """Keep the spellings of a name only where the story's release writes it: the press
    office's spelling is the reference an outlet's misprint departs from. Outlets spell a
    name written from another language their own ways (ECB+: Gurbanguly, Gurbanguli and
    Kurbanguly Berdymukhamedov, one president), as Korean ones do (`claim_key`)."""
    for key in [k for k in claims if k[1].startswith(SPELLING_OF)]:
        if not any(art.id == release for _, _, art in claims[key]):
            del claims[key]


def _spelt_covers(a: Any, b: Any) -> bool:
    """Two names of one title agree unless one is the other misspelt: its first name
    (`misspelt.first_name_misspelt`), or one letter of its last (`misspelt.misspelt_name`)."""
    a, b = str(a), str(b)
    return not (first_name_misspelt(a, b) or misspelt_name(a, b) or misspelt_name(b, a))


def _misspelt_against_release(
    claims: dict[tuple[str, str], list[Claim]],
    articles: Sequence[Article],
    facts: Mapping[str, Sequence[Fact]],
    release: Article,
) -> None:
    """Add to `claims` (in place) each name an article writes one letter away from the
    name the release gives the person of the same title (`reconcile.misspelt`): `Judge
    Maria Ostrowsky` against `Judge Maria Ostrowski`, `박성인 군수` against `박성일 군수`
    were never compared (a title and last name, or a Korean head title of an area, was
    what keyed a name). Under the release name's spelling claim (`spelling of Judge
    Ostrowski`, `spelling of 군수 박성일`), which every article writing the release's
    spelling for that title stands with. A name the release writes itself is no
    misspelling, nor one near two of its names of that title; two names a claim of the
    title's holder compares already (`name of 완주군수`) are left to it."""
    ours = facts.get(release.id, ())
    for art in articles:
        if art.id == release.id:
            continue
        for fact in facts.get(art.id, ()):
            mine = release_spelling(fact, ours)
            if mine is None or (mine_role := role_of(mine)) is None:
                continue
            title = mine_role[0]
            held = claim_key(mine, None)
            if held is not None and held == claim_key(fact, None):
                continue
            key = ("person", _spelling_key(mine) or f"{SPELLING_OF}{title} {mine.value}")
            if key not in claims:
                claims[key] = [
                    (str(f.value), f, a)
                    for a in articles
                    for f in facts.get(a.id, ())
                    if str(f.value) == str(mine.value)
                    and (r := role_of(f)) is not None
                    and same_role(r, mine_role)
                ]
            claims[key].append((str(fact.value), fact, art))


def title_claim(
    fact: Fact, article: Article, spans: Sequence[tuple[int, int]]
) -> tuple[tuple[str, str], str] | None:
    """(key, bare title) of the title a person fact says its person holds (`title of
    김동철`: 사장), compared across the story: one outlet's 부사장 against another's 사장 is
    the misreport a press office looks for, and it was never reported (a black-box test).
    Titles are compared bare, so an affiliation said or not (`완주군수`, `군수`) is no
    disagreement; a surname alone names no one to compare. Only a title and its deputy's
    contradict each other (`_rival_titles`): one person holds several titles at once or in
    turn (의원 and 원내대표, 수석 then 장관), and a title is shortened (위원장 for
    국무위원장); compared as any two titles, the dev day and August sets showed 29 such
    pairs as disagreements, none a misreport. A title said of another time (a modifier in
    the role: `전 차관`, `신임 사장`) or near words of change (`title_changes.tsv`: 후보자,
    직무대행, 승진, 임명: a review) is no claim about the person's title now. `spans`: the
    article's sentences (`evidence.sentence_spans`)."""
    if fact.type != "person" or not fact.role or len(str(fact.value)) < 2:
        return None
    words = fact.role.split()
    if title_modifier(words[0]):
        return None
    title = title_of(words[-1])
    if title is None:
        return None
    near, sentence = _changes()
    for src in fact.sources:
        if src.article != article.id:
            continue
        around = span_at(spans, src.start) or (src.start, src.end)
        if near.search(article.text, src.start, src.end + 20) or sentence.search(
            article.text, *around
        ):
            return None
    return (("person", f"{TITLE_OF}{fact.value}"), title.title)


@cache
def _changes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words of `title_changes.tsv` near a title and in its sentence, each where it ends
    a word or goes on as a verb or with a particle (a review: 후보지, 대행사 and 임명장 of
    others hid real disagreements)."""
    rows = mapping("title_changes").items()
    ends = r"(?=[\s.,)”’\"']|$|[했하된돼되시을를은는이가에의으로와과도])"
    near = "|".join(re.escape(w) for w, (scope,) in rows if scope == "near")
    said = "|".join(re.escape(w) for w, (scope,) in rows if scope == "sentence")
    return re.compile(f"(?:{near}){ends}"), re.compile(f"(?:{said}){ends}")


TITLE_OF = "title of "  # the label of a person's title claim


def _rival_titles(a: str, b: str) -> bool:
    """Whether two bare titles cannot both be one person's: a title and its deputy's, the
    other with 부 before it (사장, 부사장; 시장, 부시장) or a pair of `title_ranks.tsv`
    (장관, 차관), or one rank of two kinds of area (`titles.tsv` unit: 부군수 and 부시장, 군수
    and 시장): a county has no 부시장, and one person is not deputy of a county and a city."""
    if a == b:
        return False
    if a == "부" + b or b == "부" + a:
        return True
    units = mapping("titles")
    ua, ub = units.get(a, ("-", "")), units.get(b, ("-", ""))
    if "-" not in (ua[0], ub[0]) and ua[0] != ub[0] and ua[1] == ub[1]:
        return True
    return b in mapping("title_ranks").get(a, ()) or a in mapping("title_ranks").get(b, ())


def _toll(fact: Fact) -> bool:
    """Whether a fact states a toll of the story's event (`story_counts.tsv`: deaths,
    injured, missing, evacuated), compared across the story as its articles' leads say it."""
    return fact.type == "quantity" and fact.counts in words("story_counts")


def _read_at(happening: str) -> str:
    """The time a happening's label says its figure was read at (` as of …`), or ""."""
    _, mark, when = happening.partition(READ_AT)
    return mark + when


_SENTENCE = ", sentence "
VS_RELEASE = " (vs release)"  # a disagreement found against the story's press release


def _in_sentence(label: str, sentence: int) -> str:
    return f"{label}{_SENTENCE}{sentence + 1}"


_SENTENCE_LABEL = re.compile(rf"{_SENTENCE}\d+$")  # what `_in_sentence` labels
_AT_SENTENCE = re.compile(rf"^(.*){_SENTENCE}(\d+)({re.escape(VS_RELEASE)})?$")


def at_sentence(about: str) -> tuple[str, int | None]:
    """A disagreement's label without the consolidated sentence it is in, and that
    sentence's number as the story's sentences are numbered (`meeting date, sentence 2`:
    `("meeting date", 2)`); (about, None) for a claim of the whole story."""
    m = _AT_SENTENCE.match(about)
    return (m.group(1) + (m.group(3) or ""), int(m.group(2))) if m else (about, None)


def _value(fact: Fact) -> Any:
    if fact.type == "date" and (counted := _counted(fact)) is not None:
        # the day is worked out from another (`협약식 사흘 뒤`): the count is the outlet's
        # claim ("사흘 뒤" against "나흘 뒤"), with the time it wrote
        return ("span", *counted, _time_of(fact.value))
    if fact.type == "date" and fact.value is None and _misdated(fact):
        return (NO_SUCH_DAY, fact.text)  # (against every day: `11월 31일` for 12월 1일)
    if fact.type == "date" and fact.value is None:
        return ("day", _day(fact))
    if fact.type == "date" and _inferred(fact):
        # the day is ours, read from the day the article named before (이날, 당일): only the
        # time the outlet wrote is its claim ("이날 오전 8시 24분" against "8시 26분")
        time = _time_of(fact.value)
        return ("time", time) if time else None
    if fact.type == "quantity":
        return (fact.value, hedge(fact.text or ""))
    return fact.value


NO_SUCH_DAY = "no such day"  # a date value's kind: a day its month has not (`11월 31일`)


def _misdated(fact: Fact) -> bool:
    """A date whose words name a day its month has not (`11월 31일`): a misprint, which
    stands against the day other outlets write rather than being left out."""
    return fact.type == "date" and fact.value is None and no_such_day(fact.text or "")


def _inferred(fact: Fact) -> bool:
    """Whether the date's day is a reference word's (이날, 당일, 전날, 다음날), a span counted
    from another day (`협약식 사흘 뒤`: two outlets disputing the signing's day disputed the
    meeting's three days later too, one cause shown twice), or a speaker's today in a
    quotation counted from the dateline (`facts.quoted.QUOTED_DAY`: one call's “오늘 아침”
    was the 23rd and the 24th in two outlets' articles of those days), not a day the outlet
    wrote ("이날 27일 오후 2시" states the 27th)."""
    words = fact.text or ""
    if (fact.about or "").endswith(QUOTED_DAY) or counted_span().search(words):
        return True
    refs = (*day_words("ref"), *day_words("of"))
    return any(w in words for w in refs) and not _DAY.search(words)


def _counted(fact: Fact) -> tuple[int, str] | None:
    """The span a date is counted by, as a signed count and its unit, alike however it is
    written (`사흘 뒤`, `3일 후`: (3, "day"); `1년 뒤`, `12개월 뒤`: (1, "year")); None for a
    date not counted, or a speaker's day in a quotation."""
    if fact.type != "date" or (fact.about or "").endswith(QUOTED_DAY):
        return None
    m = counted_span().search(fact.text or "")
    if m is None:
        return None
    n, unit = span(m.group(0))
    return (n // 12, "year") if unit == "month" and n % 12 == 0 else (n, unit)


_UNIT_WORDS = {"day": "일", "month": "개월", "year": "년"}
_UNIT_DAYS = {"day": 1, "month": 30, "year": 365}  # (to put counts in order only)


def _order(kind: str, value: Any) -> tuple[Any, ...]:
    """Where a value stands among a disagreement's: counts of days by their length, before
    (전) first (`3일 뒤` before `10일 뒤`), others by their spelling (chronological for
    dates); one disagreement's values are all counts or none (`_counted_key`)."""
    if kind == "date" and _kind_of(value) == "span":
        return (0, value[1] * _UNIT_DAYS[value[2]], value[3] or "")
    return (1, compare.key(_shown(kind, value)))


def _counted_key(k: tuple[str, str], art: Article, fact: Fact) -> tuple[str, str]:
    """The claim of a date counted from another day (`협약식 사흘 뒤`): its own, apart from
    the dates the other outlets write (neither covers the other), and named by the word it
    counts from (`meeting date counted from 협약식`): a count from the announcement (`발표
    하루 뒤`) is another claim, though both name one day."""
    before = art.text[: fact.sources[0].start].split()
    start = (before[-1].strip(_PUNCT) if before else "") or "?"
    head, sep, n = k[1].rpartition(_SENTENCE)
    if not sep:
        return k[0], f"{k[1]} counted from {start}"
    return k[0], f"{head} counted from {start}{sep}{n}"


_PUNCT = "\"'“”‘’()[]<>.,·…"


def _shown(kind: str, value: Any) -> Any:
    if kind == "date" and _kind_of(value) == "time":
        return value[1]  # a time on a day the outlet named by reference
    if kind == "date" and _kind_of(value) == "span":
        _, n, unit, time = value
        counted = f"{abs(n)}{_UNIT_WORDS[unit]} {'전' if n < 0 else '뒤'}"
        return f"{counted} {time}" if time else counted
    if kind == "date" and _kind_of(value) == NO_SUCH_DAY:
        return f"{value[1]} ({NO_SUCH_DAY})"
    if kind == "date" and isinstance(value, tuple):
        return f"{value[1]}일"  # a day of an unknown month
    return value[0] if kind == "quantity" else list(value) if kind == "organization" else value


def _written_day(fact: Fact) -> bool:
    """A date whose day the outlet wrote (이날's is ours, and may be wrong)."""
    return fact.type == "date" and fact.value is not None and not _inferred(fact)


def _day_of(value: Any) -> Any:
    """A date's day (`2019-08-06T09:15` -> `2019-08-06`): two readings of one day are one
    fixing, whatever their minutes."""
    return value[:10] if isinstance(value, str) else value


def _apart(dates: Sequence[Any]) -> bool:
    """Whether two of `dates` name different days (neither covers the other: `2019-08` and
    `2019-08-05` do not)."""
    return any(
        not compare.date_covers(a, b) and not compare.date_covers(b, a)
        for i, a in enumerate(dates)
        for b in dates[i + 1 :]
    )


def _happening(about: str) -> str:
    """The happening of a label, without a reading's time (`동의 as of …`: `동의`)."""
    return about.split(READ_AT)[0]


@dataclass(frozen=True, slots=True)
class _Spans:
    """One article's spans in the story's sentences, by start: (start, end, sentence)."""

    spans: tuple[tuple[int, int, int], ...]
    starts: tuple[int, ...]
    reach: tuple[int, ...]  # the farthest end of the spans up to each one

    def sentence_at(self, offset: int) -> int | None:
        """The first of the story's sentences with a span holding `offset`: a bisection and
        a walk back over the spans that still reach it (it was a scan of every span, per
        fact: 10 s of a 3,000-paragraph article)."""
        i = bisect_right(self.starts, offset) - 1
        best: int | None = None
        while i >= 0 and self.reach[i] > offset:
            s, e, n = self.spans[i]
            if s <= offset < e and (best is None or n < best):
                best = n
            i -= 1
        return best


def _sentence_index(sentences: Sequence[ConsolidatedSentence]) -> dict[str, _Spans]:
    found: dict[str, list[tuple[int, int, int]]] = {}
    for n, cs in enumerate(sentences):
        for s in cs.sources:
            found.setdefault(s.article, []).append((s.start, s.end, n))
    out = {}
    for article, spans in found.items():
        spans.sort()
        out[article] = _Spans(
            tuple(spans),
            tuple(s for s, _, _ in spans),
            tuple(itertools.accumulate((e for _, e, _ in spans), max)),
        )
    return out


def _where(index: Mapping[str, _Spans], fact: Fact) -> int | None:
    src = fact.sources[0]
    spans = index.get(src.article)
    return None if spans is None else spans.sentence_at(src.start)


def find_disagreements(
    articles: Sequence[Article],
    facts: Mapping[str, Sequence[Fact]],
    sentences: Sequence[ConsolidatedSentence],
    *,
    release: str | None = None,
) -> tuple[Disagreement, ...]:
    """Every disagreement of the story, typed by fact kind, each value with its sources."""
    by_id = {a.id: a for a in articles}
    spans = {a.id: sentence_spans(a, sentences) for a in articles}
    index = _sentence_index(sentences)
    claims: dict[tuple[str, str], list[Claim]] = {}
    days: dict[tuple[int, str], list[Any]] = {}  # the days each sentence's happenings are on
    amounts: dict[tuple[str, str], tuple[int, str]] = {}  # an amount's sentence and happening
    counted: set[tuple[str, int, str, str | None]] = set()  # (article, sentence, happening,
    # unit) of an amount that says what it counts
    units: dict[tuple[str, str], str | None] = {}
    for art in articles:
        for fact in facts.get(art.id, ()):
            n = _where(index, fact)
            if _written_day(fact) and n is not None and fact.about:
                days.setdefault((n, fact.about), []).append(_day_of(fact.value))
            k = _compared_key(fact, n, art, spans[art.id])
            if k is not None and (value := _value(fact)) is not None:
                claims.setdefault(k, []).append((value, fact, art))
                if fact.type == "quantity" and n is not None and fact.about:
                    amounts[k] = (n, _happening(fact.about))
                    if not fact.counts:  # an amount in its unit (`signing amount in 원`)
                        units[k] = fact.unit
            if fact.type == "quantity" and fact.counts and n is not None and fact.about:
                counted.add((art.id, n, _happening(fact.about), fact.unit))
            if (held := title_claim(fact, art, spans[art.id])) is not None:
                claims.setdefault(held[0], []).append((held[1], fact, art))
    _spelt_by_release(claims, release)
    if release in by_id:
        _misspelt_against_release(claims, articles, facts, by_id[release])
    _one_amount_each(claims, amounts, days, units, counted)
    for art in articles:
        if (signed := _signing_parties(art, facts.get(art.id, ()), sentences)) is not None:
            names, where = signed
            claims.setdefault(("organization", compare.about(SIGNING, "parties")), []).append(
                (names, where, art)
            )
    out = [d for k, group in claims.items() if (d := _disagreement(k, group, spans))]
    if release in by_id:
        out.extend(_against_release(articles, facts, index, spans, by_id[release]))
        for d in _stated_once_against_release(articles, facts, index, spans, by_id[release]):
            out = _merged_into(out, d, release)
        for d in _lede_dates_against_release(articles, facts, spans, by_id[release]):
            out = _merged_into(out, d, release)
    out.extend(figure_disagreements(articles, sentences, out, _in_sentence))
    return tuple(out)


def _compared_key(
    fact: Fact, n: int | None, art: Article, spans: Sequence[tuple[int, int]]
) -> tuple[str, str] | None:
    """The claim a fact of article `art` (in consolidated sentence `n`) is compared as
    across the story (`claim_key`), or None: a toll outside the lead (`_in_lead`), a place
    that is not compared (`_compared_place`); a day counted from another (`사흘 뒤`) is a
    claim of its own (`_counted_key`)."""
    k = claim_key(fact, n)
    if k is None:
        return None
    if _toll(fact) and not _in_lead(fact, spans):
        return None
    if fact.type == "place" and not _compared_place(fact, art):
        return None
    return _counted_key(k, art, fact) if _counted(fact) is not None else k


def _signing_parties(
    art: Article, facts: Sequence[Fact], sentences: Sequence[ConsolidatedSentence]
) -> tuple[tuple[str, ...], Fact] | None:
    """The parties an article says signed, two or more: their names, sorted, and them as
    one fact with the first one's source; None for fewer."""
    found = parties(art, facts, signing_clauses(signing_analyses(art, sentences)))
    if len(found) < 2:
        return None
    names = tuple(sorted(name for name, _ in found))
    return names, Fact("organization", list(names), tuple(src for _, src in found[:1]))


def _compared_place(fact: Fact, art: Article) -> bool:
    """Whether a place is compared: a Korean one of any happening; an English one only of a
    signing, which a press release and its reprints tell (ECB+'s wire stories of shootings,
    quakes and ceremonies name a town here and its venue or state there, which
    `compare.name_covers` cannot tell apart: English places were not read before, and are
    compared where a misreport matters and the values are surely one happening's), and
    only a building's (`at Riverton City Hall`): a town, `in Madison, Wisconsin`, against
    the release's `at the Lakeshore Innovation Center` says less, and stood as a rival)."""
    if not english(art.text):
        return True
    return fact.about == SIGNING and places_en.building(str(fact.value))


_LEAD_SENTENCES = 2


def _in_lead(fact: Fact, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the fact is stated in the article's lead (its first `_LEAD_SENTENCES`
    sentences), where an outlet states its story's toll; later sentences name the tolls of
    earlier quakes, other attacks and parts of the event."""
    lead = spans[_LEAD_SENTENCES - 1][1] if len(spans) >= _LEAD_SENTENCES else None
    return lead is None or fact.sources[0].start < lead


def _in_lede(fact: Fact, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the fact is stated in the article's first sentence."""
    return not spans or fact.sources[0].start < spans[0][1]


def _one_amount_each(
    claims: dict[tuple[str, str], list[Claim]],
    amounts: Mapping[tuple[str, str], tuple[int, str]],
    days: Mapping[tuple[int, str], list[Any]],
    units: Mapping[tuple[str, str], str | None],
    counted: set[tuple[str, int, str, str | None]],
) -> None:
    """Drop from `claims` (in place) the amounts of a sentence's happening that are not one
    claim: `amounts` gives each amount key's (sentence, happening), `days` the days the
    outlets write for each, `units` the unit of an amount of no kind, `counted` where an
    outlet says what an amount counts ((article, sentence, happening, unit))."""
    for k, scope in amounts.items():
        once = scope[1].split()[-1] in story_labels()  # (a signing: one, whatever its date)
        if _SENTENCE_LABEL.search(k[1]) and not once and _apart(days.get(scope, [])):
            # one sentence's outlets date its happening on two days (a daily fixing: "5일
            # … 6.9225위안으로 고시" against "이날(6일) … 6.9683위안으로 고시"): two
            # happenings, whose amounts are not one claim (the dates are compared as dates)
            del claims[k]
        elif once and k in units:
            # a signing an outlet sizes two ways in one sentence ("연간 120억원, 5년간
            # 600억원 규모의 투자협약"): which of them another outlet's one amount is, is not
            # known (a review); that outlet's amount of no kind is left out, the others' kept
            kept = [c for c in claims[k] if (c[2].id, *scope, units[k]) not in counted]
            if kept:
                claims[k] = kept
            else:
                del claims[k]


def _merged_into(found: list[Disagreement], d: Disagreement, release: str) -> list[Disagreement]:
    """`found` with `d` (a departure from the release across sentences) taken into the
    disagreement that already sets other outlets against the same words of the release
    about the same thing, if one does (two sections of one dispute, "사업비, sentence 3" and
    "사업비 (vs release)", were shown), else added. Two facts of one clause share its words,
    so the release's value must be the same too (a review merged a floor area's dispute with
    a cost's)."""

    def released(x: Disagreement) -> set[tuple[str, str, int, int]]:
        """(value, where) of the values the release states in a dispute."""
        return {
            (compare.key(v.value), s.article, s.start, s.end)
            for v in x.values
            for s in v.sources
            if s.article == release
        }

    said = released(d)
    for n, other in enumerate(found):
        if other.kind == d.kind and said & released(other):
            return [*found[:n], *_joined([other, replace(d, about=other.about)]), *found[n + 1 :]]
    return [*found, d]


def _stated_once_key(fact: Fact, lead_in_english: bool = False) -> str | None:
    """What an amount measures, for `_stated_once_against_release`: what it counts
    (`사업비`, `worker`), else the happening it is tied to with its unit (`포함 amount in
    원`); in an English lede (`lead_in_english`: the article's first sentence, where it
    states its story's figures, `_in_lede`), its unit alone (`amount in $`): an English
    amount's happening is its clause's verb, which a rewrite changes (the release's `will
    build a $250 million plant …, Whitfield announced` no happening, an outlet's `said it
    will spend $205 million` the announcement: the one cost each leads with was never
    compared, a black-box case); a later sentence's amount is often another's (`Last year
    the county spent $3 million on roads`). Dates
    are not asked: a release's one date of a happening (`실시`, a meeting) is no date of
    another such happening an outlet adds (`지난 3월에도 … 실시했다`: a review)."""
    if fact.type != "quantity" or fact.value is None or not (fact.unit or fact.counts):
        return None  # (an English count has no unit: `about 600 residents` counts residents)
    if (fact.about or "").startswith(EARLIER):
        return None  # the parties' past (`앞서 지난해 총사업비 12억원을 들여`: a review)
    if READ_AT in f" {fact.about} ":
        return None  # a reading at a time (`3월 말 기준 가입자`): compared in its sentence
    if claim_key(fact, None) is not None:
        return None  # compared across the story already (the participants of a signing)
    if fact.counts:
        return fact.counts
    if lead_in_english:
        return f"amount in {fact.unit}"
    return f"{fact.about} amount in {fact.unit}" if fact.about else None


def _stated_once_against_release(
    articles: Sequence[Article],
    facts: Mapping[str, Sequence[Fact]],
    index: dict,
    spans: Mapping[str, list],
    release: Article,
) -> list[Disagreement]:
    """An amount an article states of what the release states one amount of (a project's
    cost: `_stated_once_key`), in the release and in the article alike, wherever the two
    sentences stand: an outlet's reworded "총사업비 30억원이
    투입되는" against the release's "총사업비 35억원을 들여" were never compared, their
    sentences did not align (a black-box case). A release is one announcement, so one
    value of one thing in it and in a reprint is one claim; where either states two (two
    projects' costs), nothing is compared. Each dispute lists every outlet on each side
    (`_departures`), and one over the release's words a sentence's comparison found already
    takes these in (`_merged_into`)."""

    def past(of: Article, fact: Fact) -> bool:
        """In a sentence of the parties' past (`앞서 지난해 총사업비 12억원을 들여 …
        조성했다`: another project's amount, a review)."""
        span = span_at(spans[of.id], fact.sources[0].start)
        return span is not None and tells_history(of.text[span[0] : span[1]])

    Key = tuple[str, str, str | None]  # (kind, what it states, unit)

    def single(of: Article) -> dict[Key, Fact]:
        found: dict[Key, dict[Any, Fact]] = {}
        for f in facts.get(of.id, ()):
            led = english(of.text) and _in_lede(f, spans[of.id])
            if (k := _stated_once_key(f, led)) is not None and not past(of, f):
                found.setdefault((f.type, k, f.unit), {}).setdefault(compare.key(f.value), f)
        return {k: next(iter(v.values())) for k, v in found.items() if len(v) == 1}

    def label(k: Key) -> tuple[str, str]:
        return k[0], k[1]  # (kind, what it states)

    return _departures(articles, release, single, spans, label)


def _lede_dates_against_release(
    articles: Sequence[Article],
    facts: Mapping[str, Sequence[Fact]],
    spans: Mapping[str, list],
    release: Article,
) -> list[Disagreement]:
    """The date an article's first sentence gives a happening (`event date`) against the
    date the release's first sentence gives it, wherever else the two sentences differ: a
    reworded lede's `다음 달 4일 … 개최한다` against the release's `오는 12월 3일 … 연다` was
    compared with nothing (the sentences did not align, and a happening that may recur is
    compared within one sentence only: a black-box case). A lede is the announcement's own
    news, so one date of one happening in each is one claim; a date an outlet adds later
    (`지난 3월에도 … 실시했다`) is not asked, nor one a lede states two of, nor a day read
    from another (이날, 사흘 뒤), nor one of the past. An English lede's day of a saying
    (`officials said Tuesday`) is not asked: an outlet quotes the county on its own day;
    its other happenings are (`commissioners approved the agreement Monday` against the
    release's `on Tuesday`, each weekday read from its own article's day: 2026-12-01)."""

    def single(of: Article) -> dict[tuple[str, str], Fact]:
        found: dict[tuple[str, str], dict[Any, Fact]] = {}
        said = saying_labels() if english(of.text) else frozenset()
        for f in facts.get(of.id, ()):
            if (
                f.type != "date"
                or not isinstance(f.value, str)
                or not f.about
                or f.about in said
                or f.about.startswith(EARLIER)
                or f.about == READING_TIME
                or READ_AT in f" {f.about} "
                or _inferred(f)
                or _counted(f) is not None
                or claim_key(f, None) is not None  # (compared across the story already)
                or not _in_lede(f, spans[of.id])
            ):
                continue
            key = ("date", compare.about(f.about, "date"))
            found.setdefault(key, {}).setdefault(compare.key(f.value), f)
        return {k: next(iter(v.values())) for k, v in found.items() if len(v) == 1}

    return _departures(articles, release, single, spans, lambda k: k)


def _departures(
    articles: Sequence[Article],
    release: Article,
    single: Callable[[Article], Mapping[Any, Fact]],
    spans: Mapping[str, list],
    label: Callable[[Any], tuple[str, str]],
) -> list[Disagreement]:
    """The articles' facts that depart from the release's fact of the same key (`single`:
    each article's one fact of each key), each key's as one disagreement whose release side
    lists every article stating the release's value too, in the release's words or its own
    (it named the release alone, beside the reprints that say the same, and left out an
    outlet that reworded the sentence: black-box cases)."""
    ours = single(release)
    theirs = {a.id: single(a) for a in articles if a.id != release.id}
    by_id = {a.id: a for a in articles}
    out = []
    for k, mine in ours.items():
        group = [(_value(mine), mine, release)]
        for aid, got in theirs.items():
            f = got.get(k)
            if f is not None:
                group.append((_value(f), f, by_id[aid]))
        if len(group) > 1 and (d := _disagreement(label(k), group, spans, against_release=True)):
            out.append(d)
    return _joined(out)


def _unkeyed(facts: Sequence[Fact], index: dict, of: Article) -> dict[tuple, list[Fact]]:
    """Facts no happening keys, by (consolidated sentence, type, unit, counts), of article
    `of` (an English place only of a signing: `_compared_place`)."""
    out: dict[tuple, list[Fact]] = {}
    for f in facts:
        n = _where(index, f)
        if n is None or f.value is None or f.type not in ("date", "quantity", "place"):
            continue
        if f.type == "place" and not _compared_place(f, of):
            continue
        if f.about == READING_TIME:
            continue  # when a figure was read (`25일 오후 4시 현재`): no claim of its own
        if _counted(f) is not None:
            continue  # (a day counted from another, `사흘 뒤`: no date to set against one)
        if claim_key(f, n) is None:
            out.setdefault((n, f.type, f.unit, f.counts), []).append(f)
    return out


def _against_release(
    articles: Sequence[Article],
    facts: Mapping[str, Sequence[Fact]],
    index: dict,
    spans: Mapping[str, list],
    release: Article,
) -> list[Disagreement]:
    """Facts tied to no happening, compared with the release's fact of the same type in the
    same consolidated sentence. Of several such facts in a sentence, one is compared with
    the release's in its place only where the article states as many and the others alike
    (`begin on April 16 and open in the spring of 2027` against the release's `April 15`
    and the same spring: the day was no claim once the spring was read as a date, and
    another outlet's lone `open in 2027` is no third start day)."""

    def single(of: Article) -> dict[tuple, Fact]:
        out: dict[tuple, Fact] = {}
        for k, fs in _unkeyed(facts.get(of.id, ()), index, of).items():
            said = [compare.key(_value(f)) for f in fs]
            for i, f in enumerate(fs):
                if _value(f) is not None:
                    out[(*k, tuple(said[:i]), tuple(said[i + 1 :]))] = f
        return out

    def label(k: tuple) -> tuple[str, str]:
        """What the sentence's fact states: what it counts, or an amount in its unit
        (`amount in 원, sentence 1`; "quantity, sentence 1" told a reader nothing: a
        black-box case), or its type (`date, sentence 1`)."""
        n, kind, unit, counts = k[:4]
        what = counts or (f"amount in {unit}" if kind == "quantity" and unit else kind)
        return kind, _in_sentence(what, n)

    # (a day read from 이날 without a time has no value: nothing the outlet wrote)
    return _departures(articles, release, single, spans, label)


def _joined(found: list[Disagreement]) -> list[Disagreement]:
    """Disagreements of one `about` as one, each value with all its sources (two outlets
    each departing from the release in one sentence made two sections of one heading: a
    black-box case)."""
    by_about: dict[str, dict[str, list[Any]]] = {}
    kinds: dict[str, str] = {}
    for d in found:
        kinds[d.about] = d.kind
        values = by_about.setdefault(d.about, {})
        for v in d.values:
            shown, sources, _ = values.setdefault(compare.key(v.value), [v.value, [], v.unit])
            sources.extend(s for s in v.sources if s not in sources)
    return [
        Disagreement(
            about,
            kinds[about],
            tuple(DisagreementValue(v, tuple(srcs), unit) for v, srcs, unit in values.values()),
        )
        for about, values in by_about.items()
    ]


def _totals(by_article: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Amounts an outlet splits into parts that add up to another outlet's amount ("각각
    800만원, 500만원을 배상" against "1300만원을 배상") read as that total: the parts say the
    same, in more detail."""
    stated = {v for vs in by_article.values() for v, _ in vs}
    out = {}
    for aid, vs in by_article.items():
        parts = {v for v, _ in vs}
        whole = sum(parts)
        if len(parts) > 1 and whole in stated - parts:
            vs = [(whole, "")]
        out[aid] = vs
    return out


def _as_many_values(
    by_article: dict[str, list[Any]], covers: Callable[[Any, Any], bool]
) -> list[Any]:
    """`compare.contested` between articles that state as many values for what one
    consolidated sentence says: a list there ("영등포(0.17%)·양천구(0.13%)", "각각 800만원,
    600만원") is set against lists as long, not against one value another outlet's variant
    states (parts that add up to another's amount were read as that total: `_totals`); "120억
    원을 투입하고 올해는 30억 원" against "12억 원 … 30억 원" still disagrees."""
    by_count: dict[int, dict[str, list[Any]]] = {}
    for aid, vs in by_article.items():
        by_count.setdefault(len({compare.key(v) for v in vs}), {})[aid] = vs
    found: dict[str, Any] = {}
    for group in by_count.values():
        found.update((compare.key(v), v) for v in compare.contested(group, covers))
    return list(found.values())


SAID_ALIKE = 0.5  # Dice of two quotes' character bigrams, numbers and spaces left out


def _said_alike(values: list[Any], quoted: Mapping[str, Sequence[Source]]) -> list[Any]:
    """The values some other value's outlet states in words like theirs (`SAID_ALIKE`): the
    same claim with another figure ("아나운서 7명은 지난달 15일 … 메일을" against "지난 15일"),
    not two claims the alignment or a happening's name put side by side ("서비스업 생산이 1.0%
    감소" against "건설기성은 0.4% 감소")."""
    grams = {
        k: [(src.article, _bigrams(src.quote or "")) for src in sources]
        for k, sources in quoted.items()
    }

    def alike(a: str, b: str) -> bool:
        return any(
            x != y and dice(gx, gy) >= SAID_ALIKE
            for x, gx in grams.get(a, ())
            for y, gy in grams.get(b, ())
        )

    keys = [compare.key(v) for v in values]
    return [
        v for v, k in zip(values, keys, strict=True) if any(alike(k, o) for o in keys if o != k)
    ]


def _led_alike(values: list[Any], group: list[Claim], *, dates: bool = False) -> list[Any]:
    """Of English figures, the values some other value's outlet leads into as theirs
    (`quantities_en.lead`: the word before the figure, the names before it), so that two
    players' points in one aligned sentence are not one claim; Korean figures as they are
    (the words after a Korean figure say what it is of). With `dates`, of English dates:
    a reprint's `expected to open in 2027` is no other day for the release's `begin on
    April 15` in the sentence they share (a black-box case)."""
    leads: dict[Any, list[Lead]] = {}
    for v, fact, art in group:
        if not english(art.text):
            return values
        at = fact.sources[0].start
        leads.setdefault(compare.key(v), []).append(lead(art.text, at, date=dates))
    keys = [compare.key(v) for v in values]
    return [
        v
        for v, k in zip(values, keys, strict=True)
        if any(
            led_alike(a, b)
            for o in keys
            if o != k
            for a in leads.get(k, ())
            for b in leads.get(o, ())
        )
    ]


def _counted_alike(values: list[Any], group: list[Claim]) -> list[Any]:
    """Of English counts in one consolidated sentence, the values some other value's outlet
    writes with the same counted noun (`58 jobs`, `85 new jobs`: `Fact.counts`, the noun
    written after the figure) where the names before them do not part them
    (`quantities_en.led_alike` without its verb): `creating 58 jobs` against `adding 85
    jobs` is one claim whichever verb leads into it (an outlet's misprint was shown nowhere,
    its verb and clause being another's: a black-box case). Without the verb, the names
    before the figures must meet (`in Millbrook, creating` and `in Millbrook, adding`):
    `Carter scored 14 points` and `Smith led Drake with 13 points`, or `He scored 14`, are
    other players' counts. A figure written as about so many (`about 60 jobs`) is compared
    as the facts are (`facts.compare.quantity_covers`: it covers 58, not `about 85` 58);
    Korean counts as they are (their `counts` is the unit's kind)."""
    leads: dict[Any, list[Lead]] = {}
    for v, fact, art in group:
        if not fact.counts or not english(art.text):
            return []
        at = fact.sources[0].start
        if _NAMED_BEFORE.search(art.text, max(0, at - 40), at):
            continue  # a name's number (`AK - 47 rifles`, `Route 66`), no count of its own
        leads.setdefault(compare.key(v), []).append(lead(art.text, at))
    keys = [compare.key(v) for v in values]
    return [
        v
        for v, k in zip(values, keys, strict=True)
        if any(
            a.names & b.names
            for o in keys
            if o != k
            for a in leads.get(k, ())
            for b in leads.get(o, ())
        )
    ]


_NAMED_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*\s*[-–]?\s*$")  # (`AK - `, `Route `)


def _with_counted_alike(values: list[Any], counted: list[Any]) -> list[Any]:
    """`values` and the `counted` ones (`_counted_alike`) not among them, in their order."""
    keys = {compare.key(v) for v in values}
    return values + [v for v in counted if compare.key(v) not in keys]


_NOT_WORDS = re.compile(r"[\d\s.,%:~·()\-]+")


def _bigrams(text: str) -> frozenset[str]:
    t = _NOT_WORDS.sub("", text)
    return frozenset(t[i : i + 2] for i in range(len(t) - 1))


def _disagreement(
    k: tuple[str, str], group: list[Claim], spans: Mapping[str, list], against_release: bool = False
) -> Disagreement | None:
    kind, about = k
    by_article: dict[str, list[Any]] = {}
    for v, _, art in group:
        by_article.setdefault(art.id, []).append(v)
    if kind == "quantity" and not any(f.counts == AGE for _, f, _ in group):
        by_article = _totals(by_article)  # (ages add up to nothing: `27 and 14` is no 41)
    in_sentence = _SENTENCE_LABEL.search(about) is not None
    covers = (
        _title_covers
        if about.startswith(TITLE_OF)
        else _spelt_covers
        if about.startswith(SPELLING_OF)
        else COVERS[kind]
    )
    if in_sentence:
        values = _as_many_values(by_article, covers)
    else:
        values = compare.contested(by_article, covers)
    if not values:
        return None
    quoted: dict[str, list[Source]] = {}
    units: dict[str, str] = {}  # each side's unit: its first fact's (a quantity's)
    for v, fact, art in group:  # (an outlet saying less than one side stands on it)
        if (at := compare.side(v, values, covers)) is not None:
            quoted.setdefault(compare.key(at), []).extend(
                quote(art, spans[art.id], src.start, src.end) for src in _spelling(fact, art)
            )
            if kind == "quantity" and fact.unit:
                units.setdefault(compare.key(at), fact.unit)
    if in_sentence:  # (a happening a story reports once is one claim however it is worded)
        contested = values
        values = _said_alike(values, quoted)
        if kind == "quantity":
            values = _led_alike(values, group)
            values = _with_counted_alike(values, _counted_alike(contested, group))
        elif kind == "date" and against_release:  # (no release on ECB+: its disputes stay)
            values = _led_alike(values, group, dates=True)
        if len(values) < 2:
            return None
    out = []
    for value in sorted(values, key=lambda v: _order(kind, v)):
        sources = quoted.get(compare.key(value), [])
        unit = units.get(compare.key(value))
        out.append(DisagreementValue(_shown(kind, value), tuple(sources), unit))
    label = f"{about}{VS_RELEASE}" if against_release else about
    # (who attended a signing or a ceremony was counted once it was held: another count
    # there is a misreport, not a figure that rose as reports came in)
    held = about.split(" ", 1)[0] in story_labels()
    trend = _trend(values, group) if kind == "quantity" and not held else None
    return Disagreement(label, kind, tuple(out), trend)


def _when_published(at: datetime) -> tuple[datetime, datetime]:
    """The earliest and latest an article may have been published: a time given as a day
    alone (`2024-05-27`, read as its midnight) is any time of that day."""
    if (at.hour, at.minute, at.second, at.microsecond) == (0, 0, 0, 0):
        return at, at + timedelta(days=1)
    return at, at


def _trend(values: list[Any], group: list[Claim]) -> str | None:
    """How counts that grow as a story goes on (`growing_counts.tsv`: people, households,
    buildings; not amounts of money) moved with the time their articles were published:
    "rose" when each higher value was first stated after the last article stating a lower
    one, "fell" the other way, None when the times overlap, an article has no time, or a
    value is no article's own (a sum of parts)."""
    units, growing = mapping("units"), words("growing_counts")
    if not all(units.get(fact.unit or "", ("",))[0] in growing for _, fact, _ in group):
        return None
    times: dict[Any, list[tuple[datetime, datetime]]] = {}
    for v, _, art in group:
        if art.published is None:
            return None
        times.setdefault(compare.key(v), []).append(_when_published(art.published))
    spans = []
    for value in sorted(values, key=lambda v: v[0]):
        stated = times.get(compare.key(value))
        if not stated:
            return None
        spans.append((min(t for t, _ in stated), max(t for _, t in stated)))
    pairs = list(itertools.pairwise(spans))
    if all(low[1] < high[0] for low, high in pairs):
        return "rose"
    if all(low[0] > high[1] for low, high in pairs):
        return "fell"
    return None
