"""The :class:`Recognizer` protocol and helpers that every backend shares.

A recognizer takes a text (and optionally its sentence spans) and returns
:class:`~arabnews.spans.Entity` objects whose offsets index *that* text. The backends never
see the caller's original text: :func:`arabnews.ner.recognize` runs them on the cleaned text
and maps the spans back once, at the end.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from arabnews._data import Row, read_table
from arabnews.charsets import (
    ALEF,
    ALEF_MAQSURA,
    DIACRITICS,
    HAMZA_ALEFS,
    INVISIBLE_FORMAT,
    TATWEEL,
    YEH,
    class_body,
)
from arabnews.spans import ENTITY_LABELS, Entity, Span

if TYPE_CHECKING:
    from arabnews.tokens import Token

__all__ = [
    "LABEL_ALIASES",
    "PROCLITIC_LETTERS",
    "EntityIndex",
    "Recognizer",
    "bioes_spans",
    "call_recognizer",
    "canonical_label",
    "chars_for_letters",
    "name_key",
    "sentence_spans",
    "sentence_tokens",
    "sort_entities",
    "text_words",
]

# Label spellings used by the corpora and by Stanza models, mapped to ours.
LABEL_ALIASES: dict[str, str] = {
    "PER": "PER",
    "PERS": "PER",
    "PERSON": "PER",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "GPE": "LOC",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "MISC": "MISC",
}


@runtime_checkable
class Recognizer(Protocol):
    """Anything that finds named entities in a text.

    ``sentences`` are spans of ``text`` to tag (the backends tag each sentence on its own);
    ``None`` means "split the text yourself". The entities returned index ``text``:
    ``text[e.start:e.end] == e.text``.

    The built-in recognizers also take ``tokens=``, the text's tokens
    (:func:`arabnews.tokenize`), so that a pipeline tokenises once; a recognizer without that
    keyword is called without it.
    """

    def recognize(
        self, text: str, sentences: Sequence[Span] | None = None
    ) -> tuple[Entity, ...]:  # pragma: no cover - protocol
        """Return the named entities of *text*, in text order."""
        ...


def canonical_label(label: str) -> str | None:
    """Map a model's label (``PERS``, ``GPE``, ...) to one of ours, or ``None`` if unknown.

    >>> canonical_label("PERS"), canonical_label("loc"), canonical_label("DATE")
    ('PER', 'LOC', None)
    """
    mapped = LABEL_ALIASES.get(label.upper())
    return mapped if mapped in ENTITY_LABELS else None


def bioes_spans(tags: Sequence[str | None]) -> Iterator[tuple[int, int, str]]:
    """Decode BIOES (or IOB2/IOB1) tags into ``(first, last + 1, type)`` token ranges.

    Tolerant of the inconsistencies a tagger produces: an ``I-``/``E-`` that does not continue
    the open entity starts a new one, and an entity left open at the end is closed there.

    >>> list(bioes_spans(["B-PER", "E-PER", "O", "S-LOC", "I-ORG", "I-ORG"]))
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 6, 'ORG')]
    """
    start = -1
    kind = ""
    for i, raw in enumerate(tags):
        tag = raw or "O"
        prefix, _, label = tag.partition("-")
        if tag == "O" or not label:
            if start >= 0:
                yield start, i, kind
            start = -1
            continue
        continues = start >= 0 and label == kind and prefix in ("I", "E")
        if not continues:
            if start >= 0:
                yield start, i, kind
            start, kind = i, label
        if prefix in ("E", "S"):
            yield start, i + 1, kind
            start = -1
    if start >= 0:
        yield start, len(tags), kind


# Marks that carry no identity for name look-up: harakat, Quranic marks, tatweel, format
# controls (the same set as the shipped model's "strip-marks" token normalisation,
# :mod:`arabnews.ner.loading`).  Folding alef/yeh variants makes "إسرائيل" and "اسرائيل"
# one key.
NAME_KEY_MARKS = DIACRITICS | {TATWEEL} | INVISIBLE_FORMAT
_MARKS = f"[{class_body(NAME_KEY_MARKS)}]"
_FOLD = str.maketrans(dict.fromkeys(HAMZA_ALEFS, ALEF) | {ALEF_MAQSURA: YEH})


@functools.cache
def _marks_re() -> re.Pattern[str]:
    return re.compile(_MARKS)


@functools.cache
def _space_re() -> re.Pattern[str]:
    return re.compile(r"\s+")


def is_mark(char: str) -> bool:
    """True for a character that :func:`name_key` drops (diacritic, tatweel, format mark)."""
    return _marks_re().fullmatch(char) is not None


def name_key(name: str) -> str:
    """A look-up key for a name: marks removed, alef/yeh folded, spaces collapsed.

    >>> name_key("إسرائيلَ") == name_key("اسرائيل")
    True
    """
    # words and short names recur across texts: their keys are remembered (bounded)
    return _word_key(name) if len(name) <= _CACHED_KEY_CHARS else _key(name)


_CACHED_KEY_CHARS = 40


def _key(name: str) -> str:
    key = _marks_re().sub("", name).translate(_FOLD)
    return _space_re().sub(" ", key).strip()


_word_key = functools.lru_cache(maxsize=1 << 15)(_key)


def sentence_spans(text: str, sentences: Sequence[Span] | None) -> tuple[Span, ...]:
    """The sentence spans to tag: the caller's, else the sentence splitter's, else one span.

    The splitter (:mod:`arabnews.sentences`) is imported lazily; if it is unavailable the
    text is split at line breaks, which keeps headlines and paragraphs apart.
    """
    if sentences is not None:
        return tuple(Span(s.start, s.end) for s in sentences if s.end > s.start)
    if not text.strip():
        return ()
    try:
        from arabnews.sentences import split_sentences
    except ImportError:
        return tuple(_line_spans(text))
    return tuple(Span(s.start, s.end) for s in split_sentences(text) if s.end > s.start)


def sentence_tokens(
    text: str, spans: Sequence[Span], tokens: Sequence[Token] | None
) -> tuple[tuple[Token, ...], ...]:
    """The non-space tokens of each span: from the caller's *tokens* of the whole text (checked
    against *text*, grouped in one pass), else :func:`arabnews.tokens.tokenize` per span."""
    from arabnews.tokens import check_tokens, tokenize, tokens_by_span

    if tokens is not None:
        return tokens_by_span(check_tokens(tokens, text), spans)
    return tuple(
        tuple(t for t in tokenize(text, span.start, span.end) if t.text.strip()) for span in spans
    )


def takes_tokens(recognizer: object) -> bool:
    """Whether ``recognizer.recognize`` accepts ``tokens=`` (the built-in ones do)."""
    from arabnews._checks import accepts_keyword

    method = getattr(recognizer, "recognize", None)
    return method is not None and accepts_keyword(method, "tokens")


def call_recognizer(
    recognizer: Recognizer, text: str, spans: Sequence[Span] | None, tokens: Sequence[Token] | None
) -> tuple[Entity, ...]:
    """``recognizer.recognize(text, spans)``, with ``tokens=`` when given and accepted."""
    if tokens is not None and takes_tokens(recognizer):
        return recognizer.recognize(text, spans, tokens=tokens)  # type: ignore[call-arg]
    return recognizer.recognize(text, spans)


def _line_spans(text: str) -> Iterator[Span]:
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield Span(match.start(), match.end())


def sort_entities(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """Entities in text order (start, then longer first), duplicates removed."""
    seen: set[tuple[int, int, str]] = set()
    out: list[Entity] = []
    for ent in sorted(entities, key=lambda e: (e.start, -e.end, e.label)):
        key = (ent.start, ent.end, ent.label)
        if key not in seen:
            seen.add(key)
            out.append(ent)
    return tuple(out)


class EntityIndex:
    """Entities sorted by offset, to find the ones inside a span by bisection (a rule that
    adds a name replaces what lies inside it; it never scans the entities per name).

    >>> idx = EntityIndex([Entity(0, 4, "أبوظ", "LOC"), Entity(10, 14, "بكين", "LOC")])
    >>> idx.inside(0, 8), idx.inside(2, 12)
    (range(0, 1), None)
    """

    __slots__ = ("entities", "reach", "starts")

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = sorted(entities, key=lambda e: (e.start, e.end))
        self.starts = [e.start for e in self.entities]
        # reach[k]: the furthest end of entities[:k] (does an earlier one run into a span?)
        self.reach = list(itertools.accumulate((e.end for e in self.entities), max, initial=-1))

    def inside(self, start: int, end: int) -> range | None:
        """The positions of the entities inside ``[start, end)``, or ``None`` when an
        entity crosses an edge of it (that entity keeps its place)."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        ents = self.entities
        if self.reach[lo] > start or any(ents[n].end > end for n in range(lo, hi)):
            return None
        return range(lo, hi)

    def replaced(self, added: Iterable[Entity], dropped: set[int]) -> tuple[Entity, ...]:
        """*added* and the entities whose positions are not in *dropped*, by offset."""
        kept = [e for n, e in enumerate(self.entities) if n not in dropped]
        return tuple(sorted([*added, *kept], key=lambda e: (e.start, e.end)))


def data_rows(name: str, *columns: str) -> tuple[Row, ...]:
    """Rows of the TSV table *name* in ``arabnews/ner/data`` (see :mod:`arabnews._data`),
    whose header must be exactly *columns*."""
    return read_table("arabnews.ner", name, columns=columns)


def chars_for_letters(word: str, letters: int) -> int:
    """Index in *word* just after its first *letters* letters (and the marks on them): where
    a name begins once that many proclitic letters are left out.

    >>> chars_for_letters("وَزيلينسكي", 1)
    2
    """
    seen = 0
    for i, char in enumerate(word):
        if is_mark(char):
            continue
        if seen == letters:
            return i
        seen += 1
    return len(word)


#: The one-letter proclitics glued to a word: و ف (and, so), ب ل ك (with, for, like).
PROCLITIC_LETTERS = "وفبلك"

_TEXT_WORD = re.compile(r"[^\s.,،:;؛!?؟()\"«»]+")


def text_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words of *text*, split at spaces, punctuation and quotes
    (what the head-noun rules read after a head).

    >>> text_words("وزارة الخارجية، «كأس»")
    [(0, 5, 'وزارة'), (6, 14, 'الخارجية'), (17, 20, 'كأس')]
    """
    return [(m.start(), m.end(), m.group()) for m in _TEXT_WORD.finditer(text)]
