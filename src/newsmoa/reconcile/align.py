"""Sentence alignment across a story's articles: each distinct sentence once, with all sources.

Articles are read in order (a press release first, then those without a publication time,
then by time: `reading_order`). Each sentence
joins the most similar sentence group that its article is not yet in, or founds a new group
placed after the group of its article's previous sentence, so the consolidated story follows
the articles' own order; an article's sentences before its first match (an outlet's own
lead) go right before the first of its matched groups in story order, never before the
story's lead. Similarity is on character trigrams of the comparison key (no bullets
△ ▲ ▶, quotes, spaces or punctuation): the Dice coefficient (at least `min_dice`), or the
containment of the shorter variant in the longer (a dropped word, a clause cut off; at least
`min_containment`). Until 2026-11-29 the Dice floor was not applied, so any shared trigram
joined a group ("시 관계자는 ... 말했다" took "부산 해운대구 관계자는 ... 말했다" in, and its
words were shown nowhere while the first outlet's were credited to both); with it, an
outlet's rewrite is a sentence of its own (Dice .35-.46 for the dev day's and the example's
paraphrases), and the disagreements compared within one consolidated sentence compare only
variants of one sentence: on the Korean sets `newsmoa eval --only disagreements` lists 2, 2,
2 and 3 (dev day, August A-C) instead of 8, 4, 5 and 2, the dev day's two both real (one
outlet's two versions giving two dates); a real one lost is 08:24 against 08:26 for the
Mokdong accident, stated in paraphrases (Dice .35). A sentence that continues the variant
its article already gave a group (one outlet's one sentence is another's two) extends that
source's span instead; one sentence of an outlet that is two of the groups read before (`…
계획이며, … 예정이다` against the release's two) is a source of both (`_also_carried`); a sentence
as similar to two groups joins the one whose words it is (Dice) over one whose variant
merely holds it (an outlet's `s2, s3` holds a third's `s3` whole: the third was named as
carrying s2 and not s3). A sentence an article prints twice (a paragraph pasted again)
counts once, at its first copy: the second extended that source's span over both, and the
outlet stood twice on its side of a disagreement. A group shows the press release's words,
else those most of its outlets print, and lists that variant's source first (`_shown`).
Given a content-word reader (`content_words`, as `build_story` gives), groups that state
one claim in other words are then joined (`reconcile.rewrites`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from newsmoa.facts.tables import words
from newsmoa.reconcile.rewrites import ContentWords, joined
from newsmoa.text.normalize import comparison_key
from newsmoa.types import Article, ConsolidatedSentence, Sentence, Source


@dataclass(frozen=True, slots=True)
class AlignConfig:
    ngram_chars: int = 3
    min_dice: float = 0.5
    min_containment: float = 0.75
    min_length_ratio: float = 0.3  # containment counts only when the shorter is this long


def ngrams(text: str, n: int) -> frozenset[str]:
    key = comparison_key(text)
    if len(key) <= n:
        return frozenset([key]) if key else frozenset()
    return frozenset(key[i : i + n] for i in range(len(key) - n + 1))


def similarity(a: frozenset[str], b: frozenset[str], shared: int, config: AlignConfig) -> float:
    """Dice, or containment of the shorter in the longer when lengths are comparable; 0
    under their floors (`min_dice`, `min_containment`): sentences sharing a few trigrams
    ("관계자는 ... 말했다") are not one sentence."""
    if not a or not b:
        return 0.0
    dice = 2 * shared / (len(a) + len(b))
    short, long_ = sorted((len(a), len(b)))
    contain = shared / short if short / long_ >= config.min_length_ratio else 0.0
    return max(
        dice if dice >= config.min_dice else 0.0,
        contain if contain >= config.min_containment else 0.0,
    )


@dataclass(slots=True)
class _Group:
    sources: list[Source] = field(default_factory=list)
    variants: list[frozenset[str]] = field(default_factory=list)
    seen: set[frozenset[str]] = field(default_factory=set)  # the variants, for lookup


def reading_order(articles: Sequence[Article]) -> list[Article]:
    """Press releases first, the newest first (a release sent again corrects the one
    before: its words are the story's reference) and, of two of one time (a correction
    keeping the first one's 보도일시), the one that says it corrects (`correction_marks`);
    then the articles without a publication time, then the others by time, then by id. An
    undated text among dated reports is most often what they copy, a wire or a release
    pasted without its date; read last, it was scored as reusing its own reprints (1.0, and
    the first reprint 0: a press office's case). An undated reprint of a dated text is
    taken for its source the same way: no time says otherwise. An article given a date
    alone (`Article.day_only`) is read after the timed articles of its day, before the next
    day's: it was read at the day's midnight, so first of its day, and taken for the source
    of an outlet's 10:00 original (reuse 0, the original scored as reusing it: a press
    office's case); a time an outlet gives is evidence of when it wrote, a day alone is no
    evidence of being first (`_read_at`). But a text naming no outlet given its day alone
    is read first of its day: most often a press office's release pasted without
    `--release`, dated by its `보도일시` line, which was read after its own 13:40 and 15:20
    reprints and scored as copying them (reuse .87, the first reprint 0: a press office's
    case), as an undated text is read before the dated ones."""

    def key(a: Article) -> tuple[bool, bool, float, bool, str]:
        if a.is_release:
            t = a.published.timestamp() if a.published else 0.0
            return (False, a.published is None, -t, not _corrects(a), a.id)
        return (True, a.published is not None, _read_at(a), False, a.id)

    return sorted(articles, key=key)


def _read_at(article: Article) -> float:
    """When an article is taken to be written, for `reading_order`: its time, or for one
    given a date alone, the end of that day (the last instant before the next day's), its
    start when it names no outlet (a release pasted unmarked)."""
    if article.published is None:
        return 0.0
    if article.day_only and article.outlet:
        return (article.published + timedelta(days=1)).timestamp() - 1e-3
    return article.published.timestamp()


_MARKED_WITHIN = 300  # a correction says so at its top


def _corrects(article: Article) -> bool:
    """Whether a release says it corrects an earlier one (`※ … 바로잡아 다시 보내드립니다`)."""
    head = f"{article.title}\n{article.text[:_MARKED_WITHIN]}".lower()
    return any(mark in head for mark in words("correction_marks"))


def consolidate(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    *,
    config: AlignConfig = AlignConfig(),
    content_words: ContentWords | None = None,
) -> tuple[ConsolidatedSentence, ...]:
    """The story's distinct sentences in story order, each with its sources (see the
    module); with `content_words`, rewrites of one claim joined (`reconcile.rewrites`)."""
    read = reading_order(articles)
    groups, order = _grouped(read, sentences, config)
    by_id = {a.id: a for a in articles}
    if content_words is None:
        return tuple(_shown(groups[g].sources, by_id) for g in order)
    return _rewrites_joined([groups[g] for g in order], read, by_id, config, content_words)


def _grouped(
    read: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]], config: AlignConfig
) -> tuple[list[_Group], list[int]]:
    """The articles' sentences, in reading order, as groups of one sentence's variants, and
    the groups' ids in story order."""
    groups: list[_Group] = []
    # gram -> (group id, variant), for the variants of the articles read before this one:
    # a variant this article adds is in a group it is in, which it may only continue
    # (`prev_group`, compared directly), so its postings wait for the article's end
    # (without that, a long article's sentences were each counted against all its others)
    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    order: list[int] = []  # group ids in story order
    for article in read:
        prev_group: int | None = None
        member: dict[int, int] = {}  # group id -> index of this article's source in it
        added: list[tuple[int, int]] = []  # (group id, variant) this article added
        pending: list[int] = []  # the groups of its sentences before its first match
        said: set[frozenset[str]] = set()  # its sentences' trigrams so far
        for sent in sentences.get(article.id, ()):
            grams = ngrams(sent.text, config.ngram_chars)
            if grams in said:
                continue  # a paragraph it printed twice (an editing slip): its first copy
            said.add(grams)
            best, best_sim, shared = _best_group(grams, groups, index, config, member, prev_group)
            if best is not None and best_sim > 0:
                if best in member:  # continues this article's variant in the same group
                    k = member[best]
                    old = groups[best].sources[k]
                    groups[best].sources[k] = Source(old.article, old.start, sent.end)
                    prev_group = best
                    continue
                carried = [best, *_also_carried(grams, best, shared, groups, config, member)]
                for gid in carried:
                    member[gid] = len(groups[gid].sources)
                    groups[gid].sources.append(Source(article.id, sent.start, sent.end))
                    _add_variant(groups, added, gid, grams)
                prev_group = max(carried, key=order.index)
                continue
            gid = len(groups)
            groups.append(_Group())
            member[gid] = 0
            groups[gid].sources.append(Source(article.id, sent.start, sent.end))
            _add_variant(groups, added, gid, grams)
            if prev_group is None or prev_group in pending:  # (a short list)
                pending.append(gid)
            else:
                order.insert(order.index(prev_group) + 1, gid)
            prev_group = gid
        if pending:
            _place_first(order, pending, member)
        for gid, v in added:
            for g in groups[gid].variants[v]:
                index[g].append((gid, v))
    return groups, order


def _rewrites_joined(
    ordered: Sequence[_Group],
    read: Sequence[Article],
    by_id: Mapping[str, Article],
    config: AlignConfig,
    content_words: ContentWords,
) -> tuple[ConsolidatedSentence, ...]:
    """The groups (in story order) as the story's sentences, the rewrites of one claim
    joined into one (`reconcile.rewrites.joined`)."""
    texts = [
        [(s.article, by_id[s.article].text[s.start : s.end]) for s in group.sources]
        for group in ordered
    ]
    trigrams = partial(ngrams, n=config.ngram_chars)
    rank = {a.id: n for n, a in enumerate(read)}

    def first_read(k: int) -> tuple[int, int]:
        return (min(rank[s.article] for s in ordered[k].sources), k)

    # a joined part stands where the first-read article's variant stood, so that article's
    # sentences keep their order, and its sources are in reading order as a group's are;
    # the other parts stand where they stood (sorted by their reader's rank first, every
    # sentence of a later outlet went after all of the first one's: an outlet's lead after
    # its closing quote, its added quote away from the sentence it followed: a black-box
    # case)
    parts = sorted(joined(texts, trigrams, content_words), key=lambda p: min(map(first_read, p))[1])
    parts = _own_beside_rewrites(parts, ordered)
    return tuple(
        _shown(
            sorted(
                (s for k in part for s in ordered[k].sources),
                key=lambda s: (rank[s.article], s.start),
            ),
            by_id,
        )
        for part in parts
    )


def _own_beside_rewrites(parts: list[list[int]], ordered: Sequence[_Group]) -> list[list[int]]:
    """`parts` (joined groups, in story order) with the own sentences of an article that
    matched nothing word for word moved beside its rewrites. Such an article's sentences were
    all put after the story (`_place_first`); joining a rewrite of its to another outlet's
    sentence left its lead and its other own sentences there, after the story's last
    sentence (a black-box case). Where all of an article's own parts still come after every
    part it is not in, and some of its sentences were joined to others', each own part goes
    right after the part of its previous sentence, and those before its first joined one
    right before that one, never before the story's lead: as `_place_first` and `_grouped`
    place an outlet's own sentences around those it shares."""
    for aid in _left_after(parts, ordered):
        at: dict[int, int] = {}  # part index -> the article's first offset in it
        alone: set[int] = set()
        for i, part in enumerate(parts):
            sources = [s for k in part for s in ordered[k].sources]
            if mine := [s.start for s in sources if s.article == aid]:
                at[i] = min(mine)
                if all(s.article == aid for s in sources):
                    alone.add(i)
        seq = sorted(at, key=at.__getitem__)
        first = next(n for n, i in enumerate(seq) if i not in alone)
        kept = [p for i, p in enumerate(parts) if i not in alone]
        prev = parts[seq[first]]
        at_lead = max(_position(kept, prev), 1)
        kept[at_lead:at_lead] = [parts[i] for i in seq[:first]]
        for i in seq[first + 1 :]:
            if i in alone:
                kept.insert(_position(kept, prev) + 1, parts[i])
            prev = parts[i]
        parts = kept
    return parts


def _position(parts: Sequence[list[int]], part: list[int]) -> int:
    return next(n for n, p in enumerate(parts) if p is part)


def _left_after(parts: Sequence[Sequence[int]], ordered: Sequence[_Group]) -> list[str]:
    """The articles whose own parts (no other article in them) all come after every other
    part, as `_place_first` leaves those of an article that matched nothing, and that share
    some part with another article: `_own_beside_rewrites` moves their own sentences."""
    within: dict[str, set[int]] = defaultdict(set)
    alone: dict[str, set[int]] = defaultdict(set)
    for i, part in enumerate(parts):
        named = {s.article for k in part for s in ordered[k].sources}
        for aid in named:
            within[aid].add(i)
        if len(named) == 1:
            alone[next(iter(named))].add(i)
    out = []
    for aid, own in alone.items():
        if len(own) < len(within[aid]) and min(own) > max(set(range(len(parts))) - own):
            out.append(aid)
    return out


def _shown(sources: Sequence[Source], articles: Mapping[str, Article]) -> ConsolidatedSentence:
    """A sentence group with the words of its press release (of several, the first in
    reading order: the newest, which corrects those before), else those most of its outlets
    print (ties: the first in reading order), and that variant's source first. The first
    article's words were shown before, whatever the others said: of 25 reprints, the one
    that misprinted a date gave the story its date; and of a release and its correction,
    the words the first release shared with its reprints."""
    words = [articles[s.article].text[s.start : s.end] for s in sources]
    counts = Counter(comparison_key(w) for w in words)

    def rank(i: int) -> tuple[int, int, int]:
        if articles[sources[i].article].is_release:
            return (0, i, 0)
        return (1, -counts[comparison_key(words[i])], i)

    best = min(range(len(sources)), key=rank)
    ordered = (sources[best], *sources[:best], *sources[best + 1 :])
    return ConsolidatedSentence(words[best], ordered)


def _place_first(order: list[int], pending: list[int], member: Mapping[int, int]) -> None:
    """An article's sentences before its first match go right before the first of its
    matched groups in story order (they were put after every group read before: an
    outlet's own lead stood at the story's end, a black-box case), but never before the
    story's lead, the first group: there, right after it; after all the groups when none
    of the article's sentences matched."""
    placed = frozenset(pending)
    matched = [order.index(g) for g in member if g not in placed]
    at = max(min(matched), 1) if matched else len(order)
    order[at:at] = pending


def _add_variant(
    groups: list[_Group], added: list[tuple[int, int]], gid: int, grams: frozenset[str]
) -> None:
    if grams in groups[gid].seen:  # a reprint's copy: the same similarities again, skip
        return
    added.append((gid, len(groups[gid].variants)))
    groups[gid].variants.append(grams)
    groups[gid].seen.add(grams)


def _best_group(
    grams: frozenset[str],
    groups: list[_Group],
    index: dict[str, list[tuple[int, int]]],
    config: AlignConfig,
    member: dict[int, int],
    prev_group: int | None,
) -> tuple[int | None, float, Counter[tuple[int, int]]]:
    """The group a sentence joins, its similarity, and the trigrams it shares with each
    variant ((group, variant) -> count). `index` holds the variants of the articles read
    before this sentence's; of the groups this article is in, only `prev_group` may take
    it (a continuation), and its variants are compared directly."""
    shared: Counter[tuple[int, int]] = Counter()
    for g in grams:
        for hit in index.get(g, ()):
            shared[hit] += 1
    if prev_group is not None:  # all its variants, this article's among them
        for v, variant in enumerate(groups[prev_group].variants):
            if count := len(grams & variant):
                shared[prev_group, v] = count
    best, best_key = None, (0.0, 0.0)
    for (gid, v), count in shared.items():
        if gid in member and gid != prev_group:
            continue  # one variant per article, except a continuation of the previous sentence
        variant = groups[gid].variants[v]
        sim = similarity(grams, variant, count, config)
        if gid in member:  # continuation: this sentence must be a part of the group's words
            sim = count / len(grams) if count / len(grams) >= config.min_containment else 0.0
        # of two groups it is as similar to, the one whose words it is (Dice) over one
        # it lies within: a sentence equal to s3 lies whole in another outlet's `s2, s3`
        key = (sim, 2 * count / (len(grams) + len(variant)))
        if key > best_key or (key == best_key and best is not None and gid < best):
            best, best_key = gid, key
    return best, best_key[0], shared


def _also_carried(
    grams: frozenset[str],
    best: int,
    shared: Counter[tuple[int, int]],
    groups: list[_Group],
    config: AlignConfig,
    member: dict[int, int],
) -> list[int]:
    """The other groups a sentence joining `best` states whole: one outlet's one sentence
    is another's two (`… 착공할 계획이며, 센터 운영을 위해 … 구성할 예정이다` against
    the release's two sentences). A group counts when some variant of it, shorter than the
    sentence and at least `min_length_ratio` of it, has `min_containment` of its trigrams
    in the sentence's part that `best`'s closest variant lacks. Before, the sentence joined
    one of the two and its outlet was not named as carrying the other (a press office's
    case)."""
    closest = max(
        (v for g, v in shared if g == best),
        key=lambda v: len(grams & groups[best].variants[v]),
        default=None,
    )
    rest = grams - groups[best].variants[closest] if closest is not None else grams
    found = set()
    for gid, v in shared:
        if gid == best or gid in member or gid in found:
            continue
        variant = groups[gid].variants[v]
        if not config.min_length_ratio * len(grams) <= len(variant) <= len(grams):
            continue
        if len(variant & rest) >= config.min_containment * len(variant):
            found.add(gid)
    return sorted(found)
