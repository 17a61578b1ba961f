"""Article -> sentences with offsets into `article.text`.

Kiwi joins lines that one newline separates, so a dateline or byline would merge into the
next sentence: paragraphs are split on line breaks first and each is split by Kiwi. Kiwi's
sentences are then mended where it misreads quotation marks (`_mended`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from newsmoa.text import decks, quotes
from newsmoa.text.analyzer import analyzer
from newsmoa.text.bullets import BULLETS
from newsmoa.text.normalize import CLOSERS
from newsmoa.types import Article, Sentence

_PARAGRAPH_RE = re.compile(r"[^\n]+")


def split_sentences(article: Article) -> tuple[Sentence, ...]:
    return split_text(article.id, article.text)


def split_text(article_id: str, text: str) -> tuple[Sentence, ...]:
    spans = []
    paragraphs = [(start, text[start:end]) for start, end in _unwrapped(text)]
    kiwi = analyzer()
    for n, ((offset, para), sents) in enumerate(
        zip(paragraphs, kiwi.split_into_sents([p for _, p in paragraphs]), strict=True)
    ):
        pieces = _mended(para, [(s.start, s.end) for s in sents])
        for start, end in _without_deck(para, pieces) if n == 0 else pieces:
            # Kiwi reports offsets into its input; trim spaces so the slice is the words
            start, end = offset + start, offset + end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append(Sentence(article_id, start, end, text[start:end]))
    return tuple(spans)


def _unwrapped(text: str) -> list[tuple[int, int]]:
    """The paragraphs of `text` (start, end): its lines, but a hard-wrapped text's lines
    (a release copied out of a PDF, an e-mail) joined where they break a sentence. A line
    breaks one when it leaves a quotation open that the next line closes (`“청년이 …
    농촌을` / `만들겠다.”라고 말했다.`), or when the text is wrapped (three lines or more
    within a fifth of its longest, which is short: `_WRAP_WIDTH`) and a line that long
    ends in no stop and the next opens no list item (`data/list_marks.txt`)."""
    lines = [[m.start(), m.end()] for m in _PARAGRAPH_RE.finditer(text) if m.group().strip()]
    sizes = [len(text[a:b].strip()) for a, b in lines]
    width = max(sizes, default=0)
    wrapped = width <= _WRAP_WIDTH and sum(n >= 0.8 * width for n in sizes) >= 3
    out: list[list[int]] = []
    for start, end in lines:
        if out and text[out[-1][1] : start].count("\n") == 1:
            last, line = text[out[-1][0] : out[-1][1]].rstrip(), text[start:end].strip()
            if _quote_goes_on(last, line) or (
                wrapped
                and len(last.rsplit("\n", 1)[-1].strip()) >= 0.8 * width
                and last.rstrip(CLOSERS)[-1:] not in _STOPS  # (`…하겠다.”` ends one)
                and not line.startswith(list_marks())
            ):
                out[-1][1] = end
                continue
        out.append([start, end])
    return [(a, b) for a, b in out]


_WRAP_WIDTH = 100  # characters: a longer line is a paragraph of its own, not a wrapped one
_STOPS = ".!?。…:;"


def _quote_goes_on(last: str, line: str) -> bool:
    """Whether `last` (a line) ends inside a curly quotation that `line`, the next, closes."""
    if not quotes.quoted(last)[-1]:
        return False
    close, reopen = (line.find(c) for c in "”’"), (line.find(c) for c in "“‘")
    first_close = min((i for i in close if i >= 0), default=-1)
    first_open = min((i for i in reopen if i >= 0), default=len(line))
    return 0 <= first_close < first_open


@cache
def list_marks() -> tuple[str, ...]:
    """What opens a list item or a heading on its own line (the bullets of `text.bullets`
    and `data/list_marks.txt`): a line opening so starts a paragraph even in a wrapped
    text."""
    text = resources.files("newsmoa.text").joinpath("data/list_marks.txt").read_text("utf-8")
    marks = (w for line in text.splitlines() if (w := line.strip()) and w[0] != "#")
    return (*BULLETS, *marks)


def _without_deck(para: str, pieces: list[list[int]]) -> list[list[int]]:
    """The first paragraph's sentences (`pieces`: start and end in `para`) less a deck glued
    onto its lead (`text.decks`), which is no sentence of the report: its last line ends in
    a verb's ending or a particle with the lead's first word glued on (`…언제든
    돌려줘지난해 말 기준 …`). Where Kiwi began a sentence is no such end: a quotation or a
    sentence ending in `…` opens many leads (a review)."""
    head = decks.head(para)
    if decks.last_mark(head) is None:
        return pieces  # (most paragraphs)
    found = decks.deck_end(head, _glued_words(head))
    if found is None:
        return pieces
    lead = found[1]
    return [[max(start, lead), end] for start, end in pieces if end > lead]


# a word glued on after an ending or a particle: a noun or a foreign word, after an ending also
# a number, an adverb or an opening quotation mark (a number after a particle is a release's
# missing space as often: `10월1일부터3일까지`, `지난해보다2배`, a review); not after an
# adnominal ending, which Kiwi reads into names (`바른미래` as 바르 + ᆫ + 미래), nor after 의
# (`3분의1`)
_ENDINGS = frozenset({"EC", "EF", "ETN"})
_PARTICLES = frozenset({"JKS", "JKO", "JKB", "JKC", "JX", "JC", "JKV", "JKQ"})
_NOUNS = frozenset({"NNG", "NNP", "NNB", "NR", "NP", "SL", "SH", "XPN"})
_AFTER_ENDINGS = _NOUNS | {"SN", "MM", "MAG", "SSO"}


def _glued_words(text: str) -> list[tuple[int, int]]:
    """Where, in `text`, a word is glued straight onto an ending or a particle (`돌려줘` +
    `지난해`, `3.25%로` + `지난달`, `예상돼` + `31일`)."""
    toks = analyzer().tokenize(text)
    return [
        (b.start, b.start)
        for a, b in zip(toks, toks[1:], strict=False)
        if a.end == b.start
        and (
            (a.tag in _ENDINGS and b.tag in _AFTER_ENDINGS)
            or (a.tag in _PARTICLES and b.tag in _NOUNS)
        )
    ]


# An English sentence's end: a word's last letter or digit, its stop (after a space in a
# tokenised text, `hit . About`), closing marks, a space, then a capital or a digit (Kiwi
# keeps English sentences of one paragraph together); not after an abbreviation
# (`data/abbreviations.txt`: `Gov.`, `Ore.`, `Dec.`) or an initial (`J. Smith`).
_LATIN_END = re.compile(r"([A-Za-z0-9%)\]])\s?[.!?]([\"”’')\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])")


def _abbreviated(piece: str, end: int) -> bool:
    """Whether the word ending at `end` (its last character) is an abbreviation or an
    initial, whose stop ends no sentence (`No.` only before a number)."""
    word = piece[: end + 1].rsplit(maxsplit=1)[-1].lstrip('"“‘([')
    parts = word.split(".")
    opener = re.match(r"\.?[\s\"“‘(\[]+([A-Za-z]+)(?![\w.])", piece[end + 1 :])
    if opener is not None and opener.group(1) in sentence_openers():
        return False  # (`Northway Fiber Inc. The deal`, `in the U.S. It said`)
    where = abbreviations().get(word.lower())
    if where == "time":  # (`9 A.M.` too, which looks like initials)
        after = re.match(r"[.\s\"”’')(\[]*([\w-]+)", piece[end + 1 :])
        return after is not None and after.group(1) in time_tails()
    if word.isupper() and (len(word) == 1 or (len(parts) > 1 and max(map(len, parts)) <= 2)):
        return True  # an initial, or initials (`J.`, `J.R.`, `H.W.`; not `US.`, `NATO.`)
    if where == "number":
        return piece[end + 1 :].lstrip(" .")[:1].isdigit()
    return where is not None


@cache
def abbreviations() -> dict[str, str]:
    """Words whose full stop ends no English sentence, each with where (`any`; `number`:
    only before one; `time`: only before a word of `time_tails`), from
    `data/abbreviations.txt`."""
    text = resources.files("newsmoa.text").joinpath("data/abbreviations.txt").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and line[0] != "#"]
    return {r[0].strip(): (r[1].strip() if len(r) > 1 else "any") for r in rows}


@cache
def sentence_openers() -> frozenset[str]:
    """Words that open a sentence and go on with no name nor date before them, from
    `data/sentence_openers.txt`: an abbreviation's stop before one ends the sentence."""
    return _word_list("data/sentence_openers.txt")


def _word_list(name: str) -> frozenset[str]:
    text = resources.files("newsmoa.text").joinpath(name).read_text("utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.strip()) and w[0] != "#")


@cache
def time_tails() -> frozenset[str]:
    """Words that go on with a time written `9 a.m.` (`Friday`, `EST`, `Jan`), from
    `data/time_tails.txt`: before any other the time's stop ends the sentence."""
    return _word_list("data/time_tails.txt")


_OPENERS = "“‘\"'(["
# A Korean sentence's end (a final ending, a full stop, maybe closing quotes or brackets)
# glued to the next one's start, no space between: where a crawler that flattened a page
# joined two paragraphs ("...고 밝혔다.31일 오전 ..."); Kiwi keeps such a pair as one
# sentence when the next starts with a number or a quote. The marks are taken whole (`*+`):
# else a quote closing the paragraph was cut off as a sentence of its own.
_GLUED_END = re.compile(r"(?<=[다요죠까][.!?])[”’\"')]*+(?=[가-힣0-9A-Za-z‘“\"'(\[])")
# A sentence's end followed by a space: Kiwi reads a quotation mark after it as the close of a quote
# ("...발표했다. “도 국회에서 ...”고 말했다." stayed one sentence; with a straight mark, the
# quote went with the sentence before and "이라고 말했다." stood alone). Such an end is a
# sentence's outside any quotation (`quotes.quoted`): a quote of two sentences is one. A stop
# inside closing marks is left to Kiwi: a quoted question goes on ("‘…될까?’ 물으면").
# (after a word, not a list's label "다. 접수"; "2.3%다.", "KT다." are words' ends). An
# ellipsis there ends one too: Kiwi cut after "다..." but not after "다…", so one outlet's
# sentence was two of another's.
_SPACED_END = re.compile(r"(?<=\S[다요죠까][.!?…])\s+(?=\S)")


def _mended(para: str, spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Kiwi's (start, end) spans of `para`, cut at every sentence end it missed, then
    joined where Kiwi cut at a quotation mark."""
    pieces = []
    for start, end in spans:
        piece = para[start:end]
        quoted = quotes.quoted(piece)
        cuts = [start]
        cuts += [start + m.end() for m in _GLUED_END.finditer(piece)]
        cuts += [start + m.end() for m in _SPACED_END.finditer(piece) if not quoted[m.start()]]
        cuts += [
            start + m.end()
            for m in _LATIN_END.finditer(piece)
            if not quoted[m.start(2)] and not _abbreviated(piece, m.start(1))
        ]
        cuts.append(end)
        cuts.sort()
        pieces += [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if para[a:b].strip()]
    joined: list[list[int]] = []
    for start, end in pieces:
        if joined and _continues(para, joined[-1], start, end):
            joined[-1][1] = end
        else:
            joined.append([start, end])
    return joined


def _continues(para: str, last: list[int], start: int, end: int) -> bool:
    """Whether Kiwi's sentence at `start` belongs to the one before (`last`: its start and
    end): it is only closing marks (`"또 이긴다.` `"`), or the one before only opening ones;
    or the cut falls inside a date written in dots (`2026.` `11.` `24.(화)`); or it follows
    a closing quote with no space and opens with a particle or a quotative ending (`...것"`
    `이라고 말했다.`, `“…싶었다.”` `고 밝혔다.`); or the one before is a bare quotation,
    one pair of marks and no stop, and it goes on with a syllable (`‘화이트 리스트’` `제외는
    …`: a quoted name opening the sentence)."""
    piece, before = para[start:end].strip(), para[last[0] : last[1]].strip()
    if not piece.strip(CLOSERS) or not before.strip(_OPENERS):
        return True  # closing marks alone go back, opening marks alone go on
    if _PREFIX_MARK.fullmatch(before) and start == last[1]:
        return True  # a legal form's mark glued onto the name it opens (`(복)청솔복지회는`)
    if any(m.start() < last[1] and start < m.end() for m in _DOTTED_DATE.finditer(para)):
        return True
    if _BARE_QUOTE.fullmatch(before) and para[last[1] : start].isspace():
        return "가" <= piece[0] <= "힣"  # (glued on, a new sentence: "…부셔야죠”박닌 시내에서")
    tail = para[: last[1]]
    return start == last[1] and tail[-1:] in CLOSERS and quotes.goes_on(piece)


# A date written in dots, as releases date themselves (`2026. 11. 24.(화)`, `11. 24.(화) 14:00`,
# `2026. 1. ~ 2026. 12.`): Kiwi ends a sentence at each of its stops. A year and its month,
# maybe a day; or a month and a day before a weekday in brackets, a time or a particle glued
# on (`12. 1.부터`; without them, `1. 2.` is as often a list's labels).
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH = r"(?:1[0-2]|0?[1-9])"
_WHEN = r"(?:\s*\(\w{1,3}\))?(?:\s*\d{1,2}:\d\d)?"  # a weekday, a time: the date goes on
_DOTTED_DATE = re.compile(
    rf"(?<![\d.])(?:(?:19|20)\d\d|[’']\d\d)\.\s*{_MONTH}\.(?:\s*{_DAY}\.)?(?!\d){_WHEN}"
    rf"|(?<![\d.]){_MONTH}\.\s*{_DAY}\.(?=\s*(?:\(\w{{1,3}}\)|\d{{1,2}}:\d\d)|[가-힣]){_WHEN}"
)
# A bracketed word of one or two syllables written onto the next word: an organisation's
# legal form (`(복)청솔복지회는`, `(사)`, `(재)`, `(주)`). After another sentence on its line
# Kiwi ends that one after the mark, and the end cut there left `(복)` a sentence of its own,
# the name without it.
_PREFIX_MARK = re.compile(r"\([가-힣]{1,2}\)")
_BARE_QUOTE = re.compile(r"[“‘\"'][^“”‘’\"'.!?]*[”’\"']")
