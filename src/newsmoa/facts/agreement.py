"""The agreement card of a story that reports an agreement or MOU signing.

A story has a card when some article has a clause labelled `signing` (`happenings.tsv`:
업무협약을 체결, 협약을 맺, MOU, 양해각서, 협약식). From those clauses, across all outlets:

- parties: organisations written as actors of the signing (`완주군은`, `완주군과 희망제작소는`,
  `희망제작소와`) and the items of a list before one (`청솔팜, ㈜한결에너지, 전주시와`), not
  those written as its place (`희망제작소에서`), nor those of another agreement the article
  reports (`청솔농협과도 별도 협약을 맺었다`: `other_signings.tsv`);
- representatives: people with a head-of-organisation title named in a signing clause, unless
  the title names an organisation that is not a party (a minister attending), and whoever a
  release names in brackets after a party, whatever the title (`한국농어촌공사
  전북지역본부(본부장 이상훈)와`: a branch's 본부장 signs for it), and whoever holds a
  party's name with 장 (`이상훈 한국농어촌공사 전북지역본부장`); where outlets
  disagree on the name or the title, what they agree on (the title, or the name and the
  organisation), with `representatives` in `disputed`;
- date, place, participants: the facts about the signing; None with the field in `disputed`
  when `disagreements` holds one about it (no winner is picked), else the most precise value;
- amount: money the agreement's project is worth (`총사업비 120억원을 투입`: what it counts
  or is about, `agreement_figures.tsv`, or said of the signing), as written; duration: a
  length of time about the signing or its work (`3년간 협력`), else a term's end as
  written (`협약기간은 2027년 12월까지`); either None with the field in `disputed` when
  outlets state figures that do not agree or a disagreement holds the figure;
- phase: `2단계`, `2차` before the agreement noun (`phases.tsv`);
- items and history: bullet lists and history lines (`items`), merged across outlets.

A story of English reports gets its card from `agreement_en` (parties, representatives,
date, place, amount, duration).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from newsmoa.facts import compare, items
from newsmoa.facts.agreement_en import english_event
from newsmoa.facts.clauses import EARLIER, Analysis, Clause, analyse, may_carry
from newsmoa.facts.durations import DURATION
from newsmoa.facts.evidence import sentence_spans
from newsmoa.facts.names import head_title, title_of
from newsmoa.facts.quantities import hedge
from newsmoa.facts.tables import alternation, grouped, rows, words
from newsmoa.text.script import english
from newsmoa.types import Article, ConsolidatedSentence, Disagreement, Event, Fact, Source

SIGNING = "signing"


@cache
def _phase() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{row[0]})" for row in rows("phases")))


def _analyses(article: Article, sentences: Sequence[ConsolidatedSentence]) -> list[Analysis]:
    return [analyse(article.text[s:e], s) for s, e in sentence_spans(article, sentences)]


def signing_analyses(article: Article, sentences: Sequence[ConsolidatedSentence]) -> list[Analysis]:
    """The analyses of the article's sentences that can hold a signing clause (the others are
    not analysed: a story rebuild would otherwise run the analyser over every stored
    sentence again, though most stories report no signing)."""
    spans = sentence_spans(article, sentences)
    text = article.text
    return [analyse(text[s:e], s) for s, e in spans if may_carry(SIGNING, text[s:e])]


def signing_clauses(analyses: Sequence[Analysis]) -> list[tuple[Analysis, Clause]]:
    return [(a, c) for a in analyses for c in a.clauses if c.label == SIGNING]


def _inside(fact: Fact, clauses: Sequence[tuple[Analysis, Clause]]):
    for src in fact.sources:
        for a, c in clauses:
            if c.start <= src.start < c.end:
                yield src, a


def _particle(a: Analysis, stem_end: int) -> str:
    """The particle after the word whose stem ends at `stem_end` (the last of a name of two:
    `한국농어촌공사 진안지사와`), looking past a bracket that follows it (`완주군(군수
    박성일)은` -> 은)."""
    ws = a.words
    i = next((k for k, w in enumerate(ws) if w.stem_end == stem_end), None)
    if i is None:
        return ""
    if ws[i].particle() or i + 1 >= len(ws) or a.text[ws[i + 1].start - a.start] != "(":
        return ws[i].particle()
    for w in ws[i + 1 : i + 6]:
        if ")" in a.surface(w):
            return w.particle()
    return ""


def parties(
    article: Article, facts: Sequence[Fact], clauses: Sequence[tuple[Analysis, Clause]]
) -> list[tuple[str, Source]]:
    """Organisations written as actors of a signing in one article, each with its first
    such mention, in order of mention."""
    found: dict[str, Source] = {}
    mentions = sorted(
        (
            (src, a, str(fact.value))
            for fact in facts
            if fact.type == "organization"
            for src, a in _inside(fact, clauses)
        ),
        key=lambda m: m[0].start,
    )
    next_party: Source | None = None  # the next mention, when it is a party
    for src, a, name in reversed(mentions):
        if _another_signing(a, src.end, clauses):
            next_party = None  # (`청솔농협과도 별도 협약을 맺었다`: another agreement's)
            continue
        # 청솔팜, (주)청솔푸드, 가상시와 협약: the items of a list are parties as its last is
        # (the next word a party, not `전주시, 희망제작소에서 …와`)
        listed = next_party is not None and _listed(a, src.end, next_party.start)
        if listed or _particle(a, src.end) in words("party_particles"):
            found[name] = src
            next_party = src
        else:
            next_party = None
    return sorted(found.items(), key=lambda kv: kv[1].start)


def _another_signing(
    a: Analysis, stem_end: int, clauses: Sequence[tuple[Analysis, Clause]]
) -> bool:
    """Whether the party whose stem ends at `stem_end` signs another agreement than the
    story's (`other_signings.tsv`): written `과도`/`와도` (with it too), or in a clause of a
    separate one (`별도 협약`). Its name stood on the card of the main signing."""
    marks = grouped("other_signings")
    also = {m for (m,) in marks.get("particle", [])}
    apart = {m for (m,) in marks.get("word", [])}
    word = next((w for w in a.words if w.stem_end == stem_end), None)
    if word is None:
        return False
    joined = "".join(t.form for t in word.after if t.tag.startswith("J"))
    if joined in also:
        return True
    clause = next((c for an, c in clauses if an is a and c.start <= word.stem_start < c.end), None)
    return clause is not None and any(
        w.stem in apart for w in a.words if clause.start <= w.stem_start < clause.end
    )


def _listed(a: Analysis, stem_end: int, next_start: int) -> bool:
    """Whether the word whose stem ends at `stem_end` is an item of a list whose next item
    starts at `next_start`: no particle, a list mark ending it (`청솔팜,`, `청솔푸드(주)·`,
    `청솔팜 농업회사법인,`), and the next word."""
    i = next((k for k, w in enumerate(a.words) if w.stem_end == stem_end), None)
    if i is None or i + 1 >= len(a.words):
        return False
    word, after = a.words[i], a.words[i + 1]
    return (
        not word.particle()
        and a.surface(word).endswith(_LIST_MARKS)
        and after.start <= next_start < after.end
    )


_LIST_MARKS = (",", "·", "、")


def agreement_event(
    articles: Sequence[Article],
    facts: Mapping[str, Sequence[Fact]],
    sentences: Sequence[ConsolidatedSentence],
    disagreements: Sequence[Disagreement],
) -> Event | None:
    """The card, or None when no article reports a signing."""
    order = sorted(
        articles,
        key=lambda a: (a.published is None, a.published.timestamp() if a.published else 0.0),
    )
    clauses = {a.id: signing_clauses(signing_analyses(a, sentences)) for a in order}
    if not any(clauses.values()):  # an English story's card, if any (`agreement_en`)
        told = [a for a in order if english(a.text)]
        return english_event(told, facts, sentences, disagreements) if told else None
    per = [(a, _analyses(a, sentences), list(facts.get(a.id, ()))) for a in order]
    party_votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for n, (a, _, fs) in enumerate(per):
        for k, (name, _) in enumerate(parties(a, fs, clauses[a.id])):
            party_votes[name] += 1
            first.setdefault(name, n * 1000 + k)
    disputed = {d.about for d in disagreements}
    about = {field: compare.about(SIGNING, field) for field in ("date", "place", "participants")}
    signing_facts = [f for _, _, fs in per for f in fs if f.about == SIGNING]
    dates = [f.value for f in signing_facts if f.type == "date" and f.value is not None]
    date = _settled(dates, compare.date_covers, about["date"] in disputed)
    places = [f.value for f in signing_facts if f.type == "place"]
    place = _settled(places, compare.name_covers, about["place"] in disputed)
    counts = [f.value for f in signing_facts if f.type == "quantity" and f.counts == "participants"]
    people = _representatives(per, clauses, list(party_votes))
    # one whose name or title outlets state otherwise is shown by what they agree on, the
    # title alone or the name with its organisation, and the field points to the
    # disagreement (no winner is picked, docs/contracts.md; both names stood on the card,
    # and then a representative whose title was disputed was left out: a black-box case)
    shown = [_undisputed(n, r, disputed) for n, r in people]
    participants = None if about["participants"] in disputed or len(set(counts)) != 1 else counts[0]
    # a field left empty because the values stated do not agree is disputed even when no
    # two outlets disagree (one outlet stating two days of the signing, `어제 맺은` and
    # `25일 … 체결`): an empty date said nothing of why (a black-box case)
    unsettled = {
        "date": bool(dates) and date is None,
        "place": bool(places) and place is None,
        "participants": bool(counts) and participants is None,
    }
    money = _money(per, clauses, date)
    amount = _figure(_amounts(money), disagreements)
    duration = _figure(_durations(per, money), disagreements)
    phase = Counter(
        m.group(0).replace(" ", "")
        for a, _, _ in per
        for an, c in clauses[a.id]
        for m in _phase().finditer(an.text[c.start - an.start : c.end - an.start])
    )
    return Event(
        type="agreement",
        parties=tuple(sorted(party_votes, key=lambda p: (-party_votes[p], first[p]))),
        representatives=tuple(dict.fromkeys(who for who, _ in shown)),
        date=date,
        place=place,
        phase=_majority(phase),
        participants=participants,
        amount=amount[0],
        duration=duration[0],
        items=_items(per),
        history=_history(per),
        disputed=tuple(
            f for f in ("date", "place", "participants") if about[f] in disputed or unsettled[f]
        )
        + (("representatives",) if any(doubt for _, doubt in shown) else ())
        + tuple(f for f, (_, doubt) in (("amount", amount), ("duration", duration)) if doubt),
    )


def _figure_kind(kind: str) -> frozenset[str]:
    return frozenset(row[0] for row in grouped("agreement_figures").get(kind, ()))


def _of_signing(fact: Fact, a: Article, clauses) -> bool:
    return fact.about == SIGNING or any(True for _ in _inside(fact, clauses[a.id]))


def _amounts(money: Sequence[tuple[str, Fact]]) -> list[tuple[Any, ...]]:
    """Money the agreement's project is worth (`_money`), as (value, unit, hedge, words)."""
    return [(f.value, f.unit, hedge(f.text or ""), f.text) for _, f in money]


def _money(per, clauses, signed: Any) -> list[tuple[str, Fact]]:
    """(article id, fact) of each money figure that is what the agreement's project is
    worth: counting or about a word of `agreement_figures.tsv` (`총사업비 120억원`), or said
    in a signing clause; not one of the parties' past, marked so or in a sentence with a
    date wholly before the signing (`군은 지난해 사업비 30억원을 들여 1단계 사업을
    마쳤다` disputed the card's 120억원)."""
    nouns = _figure_kind("amount")
    out = []
    for a, analyses, fs in per:
        day = signed or (a.published.date().isoformat() if a.published else None)
        past = [
            s.start
            for f in fs
            if f.type == "date"
            and f.value is not None
            and day
            and compare.interval(f.value)[1] < str(day)[:10]
            for s in f.sources
            if s.article == a.id
        ]
        for f in fs:
            if (
                f.type != "quantity"
                or f.unit not in words("money_units")
                or f.value is None
                or (f.about or "").startswith(EARLIER)
                or not (f.counts in nouns or f.about in nouns or _of_signing(f, a, clauses))
                or _beside(f.sources[0].start, past, analyses)
            ):
                continue
            out.append((a.id, f))
    return out


def _beside(at: int, others: Sequence[int], analyses: Sequence[Analysis]) -> bool:
    """Whether a character of the sentence holding `at` starts one of `others`."""
    for an in analyses:
        if an.start <= at < an.start + len(an.text):
            return any(an.start <= o < an.start + len(an.text) for o in others)
    return False


def _durations(per, money: Sequence[tuple[str, Fact]]) -> list[tuple[Any, ...]]:
    """How long the agreement runs: lengths of time about the signing or its work (`3년간
    협력`, `agreement_figures.tsv`) or in the sentence of its money (`5년간 사업비 45억원을
    투입`), as (value, unit, hedge, words); where none is stated, the end of its term
    (`협약기간은 2027년 12월까지`), as (end, None, "", words)."""
    labels = _figure_kind("duration") | {SIGNING}
    at = {(aid, f.sources[0].start) for aid, f in money}
    lengths = [
        (f.value, f.unit, hedge(f.text or ""), f.text)
        for a, analyses, fs in per
        for f in fs
        if f.type == "quantity"
        and f.counts == DURATION
        and (
            f.about in labels
            or _beside(f.sources[0].start, [s for aid, s in at if aid == a.id], analyses)
        )
    ]
    if lengths:
        return lengths
    term = re.compile(rf"(?:{alternation(_figure_kind('term'))})\s*(?:은|는|이|가)?\s*$")
    return [
        (f.value["to"], None, "", f.text)
        for a, _, fs in per
        for f in fs
        if f.type == "date"
        and isinstance(f.value, dict)
        and f.value.get("to")
        and not f.value.get("from")
        and any(term.search(a.text[max(0, s.start - 12) : s.start]) for s in f.sources)
    ]


def _figure_covers(a: Any, b: Any) -> bool:
    """A figure says another or less: in one unit, by `compare.quantity_covers`; a term's
    end by `compare.date_covers`."""
    if a[1] is None or b[1] is None:
        return a[1] is b[1] and compare.date_covers(a[0], b[0])
    return a[1] == b[1] and compare.quantity_covers((a[0], a[2]), (b[0], b[2]))


def _figure(found: Sequence[Any], disagreements: Sequence[Disagreement]) -> tuple[str | None, bool]:
    """(the card's figure as written, whether it is disputed): the most precise of figures
    that agree (the unhedged one of `120억원` and `약 120억원`); None and disputed when
    outlets state figures that do not agree, or when a disagreement of quantities holds the
    figure (`총사업비 120억원` against another outlet's `100억원`)."""
    if not found:
        return None, False
    if compare.distinct(found, _figure_covers):
        return None, True
    precise = [
        v
        for v in found
        if not any(
            compare.key(w) != compare.key(v) and _figure_covers(v, w) and not _figure_covers(w, v)
            for w in found
        )
    ]
    value, unit, _, text = min(precise or found, key=lambda v: bool(v[2]))
    held = unit is not None and any(
        d.kind == "quantity" and any(v.value == value for v in d.values) for d in disagreements
    )
    if held:
        return None, True
    if unit is None or unit in words("money_units"):
        return str(text), False
    return f"{value:g}{unit}" if isinstance(value, float) else f"{value}{unit}", False


def _undisputed(name: str, role: str, disputed: set[str]) -> tuple[str, bool]:
    """How a representative is shown, and whether outlets disagree on them: `박성일 완주군수`;
    the role alone where they name its holder otherwise (`완주군수`); the name with the
    title's organisation where they give the person another title (`김동철 한국전력공사`, or
    the name alone when the title names none)."""
    if f"name of {role}" in disputed:
        return role, True
    if f"title of {name}" in disputed:  # (`reconcile.disagreements.TITLE_OF`)
        parts = role.split()
        found = title_of(parts[-1])
        organisation = " ".join(parts[:-1]) or (found.affiliation if found else None)
        return (f"{name} {organisation}" if organisation else name), True
    return f"{name} {role}", False


def _items(per) -> tuple[str, ...]:
    """Bullet items of the sentences that do not tell the parties' past, merged."""
    found = [
        item
        for _, analyses, _ in per
        for a in analyses
        if not items.is_history(a)
        for item in items.bullet_items(a)
    ]
    return tuple(items.merge(found))


def _history(per) -> tuple[str, ...]:
    """History lines and bullet items of the history sentences, merged."""
    lines: list[str] = []
    for _, analyses, fs in per:
        dates = [(s.start, s.end, str(f.text)) for f in fs if f.type == "date" for s in f.sources]
        for a in analyses:
            if items.is_history(a):
                lines.extend(items.history_lines(a, dates))
                lines.extend(items.bullet_items(a))
    return tuple(items.merge(lines))


def _role_rank(role: str) -> tuple[bool, int]:
    found = title_of(role.split()[-1]) if role else None
    return (" " in role or bool(found and found.prefix), len(role))


def affiliation(role: str) -> str | None:
    """The organisation a role names (`완주군수` -> 완주군, `희망제작소 소장` -> 희망제작소)."""
    if " " in role:
        return role.rsplit(" ", 1)[0]
    found = title_of(role)
    return found.affiliation if found else None


def _of_a_party(role: str, party_names: Sequence[str]) -> bool:
    """True unless the role names an organisation that is not a party (a guest minister)."""
    org = affiliation(role)
    return org is None or any(p.startswith(org) or org.startswith(p) for p in party_names)


def _in_brackets_of_a_party(article: Article, person: Fact, party_names: Sequence[str]) -> bool:
    """Whether a release names the person in brackets after a party (`한국농어촌공사
    전북지역본부(본부장 이상훈)와`): who signs for it, whatever the title (a 본부장 heads no
    organisation of their own, `titles.tsv`, yet signs for the branch; the card had the
    county's head alone, a black-box case)."""
    org = affiliation(person.role or "")
    return org in party_names and any(
        "(" in article.text[s.start : s.end] for s in person.sources if s.article == article.id
    )


def _heads_a_party(role: str, party_names: Sequence[str]) -> bool:
    """Whether a role is a party's name with 장, its head (`한국농어촌공사 전북지역본부장` of
    the party `한국농어촌공사 전북지역본부`): a 본부장 heads no organisation of its own
    (`titles.tsv`), yet heads the regional office that signs; the card named the county's
    and the company's heads alone (a black-box case)."""
    return any(role == f"{party}장" for party in party_names)


def _representatives(per, clauses, party_names: Sequence[str]) -> list[tuple[str, str]]:
    """Heads of the parties named in a signing clause, one (name, role) per person, fullest
    role kept."""
    people: list[list[str]] = []  # [name, role], in order of first mention
    for a, _, fs in per:
        for f in fs:
            if f.type != "person" or not f.role:
                continue
            if not (
                head_title(f.role)
                or _in_brackets_of_a_party(a, f, party_names)
                or _heads_a_party(f.role, party_names)
            ):
                continue
            if not any(True for _ in _inside(f, clauses[a.id])):
                continue
            if not _of_a_party(f.role, party_names):
                continue
            name = str(f.value)
            for entry in people:
                if compare.person_covers(name, entry[0]) or compare.person_covers(entry[0], name):
                    entry[0] = max(entry[0], name, key=len)
                    entry[1] = max(entry[1], f.role, key=_role_rank)
                    break
            else:
                people.append([name, f.role])
    return [(name, role) for name, role in people]


def _settled(values: Sequence[Any], covers, is_disputed: bool) -> Any:
    """The most precise of values that all agree, else None. Values that cover each other
    (`군청 대회의실`, `청솔군청 대회의실`: each of its words a form of the other's) are one
    place said two ways, and the longer is kept (none was left once both covered each
    other, and a story's build stopped there: a black-box case)."""
    if is_disputed or not values or compare.distinct(values, covers):
        return None
    precise = [
        v
        for v in values
        if not any(
            compare.key(w) != compare.key(v) and covers(v, w) and not covers(w, v) for w in values
        )
    ]
    return max(precise, key=lambda v: len(str(v)))  # (max keeps the first of equals)


def _majority(counts: Counter[str]) -> str | None:
    top = counts.most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return top[0][0]
