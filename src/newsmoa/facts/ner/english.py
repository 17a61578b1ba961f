"""English entities as KLUE-typed spans, by the English fact rules (the model reads Korean only).

    >>> text = "Mayor Jane Alvarez opened Riverton Public Library on March 3."
    >>> [(text[a:b], kind) for a, b, kind in spans(text)]
    [('Jane Alvarez', 'PS'), ('Riverton Public Library', 'OG'), ('March 3', 'DT')]

The same readers as an English article's facts (`facts.readers_en`, which `facts.extract_en`
runs too): titled people and all their mentions, organisations and places from the tables,
then dates (`dates_en`), then amounts, counts, lengths of time and ages. Where two spans
overlap, the one found first in that order is kept (`March 3` is a date, not a count of 3).
Times of day (TI) are not read in English.
"""

from __future__ import annotations

from newsmoa.facts import dates_en, readers_en

PLACE_TYPES = {"person": "PS", "organization": "OG", "place": "LC"}


def spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, KLUE type) of each entity of an English `text`, in order of position."""
    people, places = readers_en.named(text)
    found: list[tuple[int, int, str]] = [(a, b, "PS") for p in people for a, b in p.mentions]
    found += [(f.start, f.end, PLACE_TYPES[f.type]) for f in places]
    found += [(m.start, m.end, "DT") for m in dates_en.find_dates(text, None)]
    found += [(q.start, q.end, "QT") for q in readers_en.counted(text)]
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if start < end and not any(a < end and start < b for a, b, _ in kept):
            kept.append((start, end, kind))
    return sorted(kept)
