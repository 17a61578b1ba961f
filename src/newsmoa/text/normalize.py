"""Text normalisation shared by every stage that compares words across outlets."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from newsmoa.text.bullets import BULLETS

# Bullet and list marks outlets use interchangeably (△ ▲ ▶ ▷ ● ○ ■ □ ◆ ◇ ※ ·: `data/bullets.tsv`)
_BULLET_RE = re.compile(f"[{re.escape(BULLETS)}]")
_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "＂": '"',
    }
)
# Quotation marks and brackets that close what a sentence quotes: read past at its end
# (`extract.lines.ends_sentence`, `text.sentences`)
CLOSERS = "\"'”’)]"
_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
# With no odd space and no "  ", `_SPACE_RE` would change nothing (one plain space stays).
_ODD_SPACE_RE = re.compile(r"[\t\u00a0\u2000-\u200b\u3000]")
_KEY_DROP_RE = re.compile(r"[\W_]+", re.UNICODE)


def half_surrogate(text: str) -> bool:
    """Whether `text` holds half of a surrogate pair (JSON may spell "\\ud800"): not Unicode
    text, which no UTF-8 output can write. Asked by encoding it (1.5 µs for a 1,500-character
    article; a loop over its characters took 76 µs, a sixth of the CPU `cluster` spent
    reading a JSONL file)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# Control characters no text shows and XML 1.0 cannot hold (a feed with one is not XML),
# and so lone surrogates and Unicode's noncharacters (U+FFFE, U+FFFF, U+FDD0-U+FDEF, and the
# last two of every plane: U+FFFF in a title made the feed unreadable, a black-box case);
# a vertical tab or form feed (a page break in a converted document) is a line break. The
# other planes' noncharacters are looked for only in a text with a character there: in the
# class, one by one, they made every scan ten times slower (a review).
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_ASTRAL_NONCHARACTERS = frozenset(
    chr(plane + last) for plane in range(0x10000, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)
)
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def has_control(text: str) -> bool:
    """Whether `printable` would change `text`."""
    if _CONTROL_RE.search(text) is not None:
        return True
    return _astral(text) and not _ASTRAL_NONCHARACTERS.isdisjoint(text)


def _astral(text: str) -> bool:
    """Whether `text` holds a character beyond the first plane (an emoji, a rare Hanja): its
    UTF-16 takes two units there (the encoding is C's, a tenth of a regex scan)."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def printable(text: str) -> str:
    """`text` without control characters, but for tabs and line ends (a PDF's backspace or
    an outlet name's bell, pasted in, made the Atom feed of every story unreadable), and
    without lone surrogates and noncharacters (`_CONTROL_RE`)."""
    if not has_control(text):  # nearly every text: one scan, no copy
        return text
    kept = _CONTROL_RE.sub("", text.translate(_BREAKS))
    if not _astral(kept) or _ASTRAL_NONCHARACTERS.isdisjoint(kept):
        return kept
    return "".join(c for c in kept if c not in _ASTRAL_NONCHARACTERS)


def clean_whitespace(text: str) -> str:
    """Unify spaces and line ends without changing anything else."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    # most lines have single plain spaces only: searching is much cheaper than substituting
    return _SPACE_RE.sub(" ", text) if "  " in text or _ODD_SPACE_RE.search(text) else text


def tidy(text: str) -> str:
    """NFC and one space, nothing else: what article text keeps of the page."""
    return clean_whitespace(unicodedata.normalize("NFC", text)).strip()


def normalize(text: str) -> str:
    """`tidy`, plus one quote style: for keys and hashes, not for the words shown."""
    return tidy(text).translate(_QUOTES)


def comparison_key(text: str) -> str:
    """What two variants of one sentence share: no bullets, quotes, punctuation or spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _BULLET_RE.sub(" ", text)
    return _KEY_DROP_RE.sub("", text).lower()


def key_length_at_least(paragraphs: Iterable[str], n: int) -> bool:
    """Whether `comparison_key("\\n".join(paragraphs))` has at least `n` characters, reading
    only as many paragraphs as that takes: a newline never composes under NFKC and the key
    drops it, so the key of the joined text is the keys of its paragraphs end to end."""
    total = 0
    for p in paragraphs:
        total += len(comparison_key(p))
        if total >= n:
            return True
    return n <= 0


def content_hash(text: str) -> str:
    """What a text says: its words in order, whatever spaces or line ends join them (a text
    pasted once as printed and once re-wrapped is one text; `normalize` alone kept line ends,
    and the re-wrapped copy was a second article). For comparing texts only: ids are made by
    `text_id`, whose formula must never change."""
    return hashlib.sha1(" ".join(normalize(text).split()).encode("utf-8")).hexdigest()[:16]


def text_id(text: str) -> str:
    """The id made from a text (an article without an id or URL, a flash's name, another
    outlet's copy): the formula ids were always made with, so an id made again from what an
    article was stored with is the id it has (`content_hash` once was this, and a store's
    flashes and pasted texts were stored twice when it changed)."""
    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()[:16]
