"""Names written with a filler character inside them, as posts hide them from filters.

Social-media posts write "حمـ.ـاس" for حماس: tatweel and a full stop (``data/obfuscation.tsv``
lists the fillers) inside the word. The cleaner deletes the tatweel, the tagger then sees two
words ("حم" and "اس") and tags a piece or nothing. :func:`obfuscated_names` joins such a word
and tags it when the joined word is a name the gazetteer lists exactly (a precise signal: a
filler inside a known name is no accident), with the entry's label, id and canonical spelling;
the entities inside the word give way to it. Offsets stay in the same text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from arabnews.charsets import LETTERS, class_body
from arabnews.ner.base import (
    NAME_KEY_MARKS,
    PROCLITIC_LETTERS,
    chars_for_letters,
    data_rows,
    is_mark,
    name_key,
)
from arabnews.spans import Entity

__all__ = ["fillers", "gazetteer_lookup", "hashtag_names", "obfuscated_names"]

#: ``lookup(key)`` -> (label, canonical, id) of the listed name whose key is *key*, or None.
LookupFn = Callable[[str], "tuple[str, str, str | None] | None"]


@functools.cache
def fillers() -> str:
    """The filler characters of ``obfuscation.tsv`` (validated on first use)."""
    chars = []
    for row in data_rows("obfuscation.tsv", "char", "name", "example"):
        char = row["char"]
        if len(char) != 1 or char in LETTERS or char.isspace() or char not in row["example"]:
            raise ValueError(f"{row.where}: bad row {row!r}")
        chars.append(char)
    return "".join(chars)


@functools.cache
def _word_re() -> re.Pattern[str]:
    letter = f"[{class_body(LETTERS)}]"
    mark = f"[{class_body(NAME_KEY_MARKS)}]"
    # possessive: a run of letters and marks is never given back (linear time on any input)
    piece = f"{letter}(?:{letter}|{mark})*+"
    filler = f"[{re.escape(fillers())}]"
    # a word of letters with at least one filler between two of its letters, not glued to
    # more letters on either side
    edge = f"(?:{letter}|{mark})"
    # one or more fillers may stand between two pieces ("حـ..ـمـ..ـا.س")
    return re.compile(f"(?<!{edge}){piece}(?:(?:{filler}{mark}*+)++{piece})++(?!{edge})")


def gazetteer_lookup(gazetteer: Any | None) -> LookupFn | None:
    """A :data:`LookupFn` over a :class:`~arabnews.ner.gazetteer.GazetteerRecognizer`:
    an entry counts only when one of its spellings has exactly the key looked up."""
    lookup = getattr(gazetteer, "lookup", None)
    if not callable(lookup):
        return None

    def find(key: str) -> tuple[str, str, str | None] | None:
        entry = lookup(key)
        if entry is None:
            return None
        spellings = [entry.canonical, *getattr(entry, "variants", ())]
        if all(name_key(s) != key for s in spellings):
            return None  # a near spelling only: not evidence enough
        return entry.label, entry.canonical, getattr(entry, "id", None)

    return find


def obfuscated_names(
    entities: Sequence[Entity], text: str, lookup: LookupFn | None
) -> tuple[Entity, ...]:
    """Words with fillers inside ("حم.اس") whose joined form is a listed name, tagged with
    the listed label. Entities inside such a word give way; one that runs into it keeps what
    lies outside it ("حركة حـ.ـم" of "حركة حـ.ـمـ.ـاس" keeps "حركة", "ـاس إن" keeps "إن",
    for the later clean-up to judge); one that holds the whole word and more keeps its place
    and the word is not tagged.

    >>> listed = {"حماس": ("ORG", "حماس", "hamas")}
    >>> t = 'القضاء على "حم.اس"'
    >>> found = obfuscated_names([Entity(15, 17, "اس", "MISC")], t, listed.get)
    >>> [(e.text, e.label, e.entity_id) for e in found]
    [('حم.اس', 'ORG', 'hamas')]
    """
    ents = sorted(entities, key=lambda e: (e.start, e.end))
    if lookup is None or not any(c in text for c in fillers()):
        return tuple(ents)
    starts = [e.start for e in ents]
    # reach[k]: the furthest end of ents[:k] (does an earlier entity run into the word?)
    reach = list(itertools.accumulate((e.end for e in ents), max, initial=-1))
    words: list[Entity] = []
    for start, end, found in _listed_words(text, lookup):
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        back = lo
        while back > 0 and reach[back] > start:
            back -= 1  # the earlier entities that run into the word
        if any(_holds_more(ents[k], start, end) for k in range(back, hi)):
            continue  # an entity holds the whole word and more: it keeps its place
        label, canonical, ident = found
        words.append(
            Entity(start, end, text[start:end], label, canonical=canonical, entity_id=ident)
        )
    if not words:
        return tuple(ents)
    # the words are disjoint and in order: those an entity overlaps are one slice
    word_starts = [w.start for w in words]
    word_ends = [w.end for w in words]
    out = list(words)
    for ent in ents:
        overlapping = words[
            bisect.bisect_right(word_ends, ent.start) : bisect.bisect_left(word_starts, ent.end)
        ]
        if not overlapping:
            out.append(ent)
            continue
        cuts = [ent.start]
        for w in overlapping:
            cuts += [w.start, w.end]
        cuts.append(ent.end)
        for lo, hi in zip(cuts[::2], cuts[1::2], strict=True):
            out.extend(_piece(ent, max(lo, ent.start), min(hi, ent.end), text))
    return tuple(sorted(out, key=lambda e: (e.start, e.end)))


def _holds_more(ent: Entity, start: int, end: int) -> bool:
    """Whether *ent* holds all of ``[start, end)`` and more."""
    return ent.start <= start and ent.end >= end and (ent.start, ent.end) != (start, end)


def _listed_words(text: str, lookup: LookupFn) -> list[tuple[int, int, Any]]:
    """(start, end, lookup result) of every word with fillers whose joined form is listed."""
    fills = fillers()
    out = []
    for match in _word_re().finditer(text):
        word = match.group()
        joined = name_key("".join(c for c in word if c not in fills))
        found = lookup(joined)
        skip = 0
        if found is None and joined[:1] in PROCLITIC_LETTERS and len(joined) > 3:
            found, skip = lookup(joined[1:]), 1  # "وحم.اس"
        if found is None:
            continue
        start = match.start()
        if skip:
            start += chars_for_letters(word, skip)
            # "و.حماس": the fillers and marks after the glued letter go with it
            while text[start] in fills or is_mark(text[start]):
                start += 1
        out.append((start, match.end(), found))
    return out


def _piece(ent: Entity, lo: int, hi: int, text: str) -> list[Entity]:
    """The part ``[lo, hi)`` of *ent*, spaces at its ends removed ([] when nothing is left)."""
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if hi <= lo:
        return []
    return [attrs.evolve(ent, start=lo, end=hi, text=text[lo:hi], canonical=None, entity_id=None)]


def hashtag_names(
    entities: Sequence[Entity], text: str, lookup: LookupFn | None
) -> tuple[Entity, ...]:
    """Entities that begin with a hashtag's ``#`` (``#لبنان``, ``#ترند``): a tag names a topic, so
    the tagger's label of it is a guess. One whose word (its ``_`` read as spaces) is a name the
    gazetteer lists exactly keeps that name, without the ``#``, with the entry's label, id and
    canonical spelling; any other is dropped.

    >>> def listed(key):
    ...     return ("LOC", "لبنان", "lebanon") if key == name_key("لبنان") else None
    >>> t = "تضامن مع #لبنان و#ترند"
    >>> [(e.text, e.label) for e in hashtag_names(
    ...     [Entity(9, 15, "#لبنان", "PER"), Entity(17, 22, "#ترند", "PER")], t, listed)]
    [('لبنان', 'LOC')]
    """
    out: list[Entity] = []
    for ent in entities:
        if not ent.text.startswith("#"):
            out.append(ent)
            continue
        found = None if lookup is None else lookup(name_key(ent.text[1:].replace("_", " ")))
        if found is not None:
            label, canonical, ident = found
            start = ent.start + 1
            out.append(
                attrs.evolve(
                    ent,
                    start=start,
                    text=text[start : ent.end],
                    label=label,
                    canonical=canonical,
                    entity_id=ident,
                )
            )
    return tuple(out)
