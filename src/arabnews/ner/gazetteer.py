"""A recognizer that finds the names of a gazetteer: longest match over tokens.

It knows only what the gazetteer lists (:class:`arabnews.names.Gazetteer`), so it is precise
on the names that dominate the news and blind to the rest; :class:`CombinedRecognizer` uses it
to fill what the statistical model misses. Matching compares
:func:`~arabnews.ner.base.name_key` keys token by token, so diacritics, tatweel and hamza/alef
spellings do not matter, and it is clitic-aware: "ولبنان" matches "لبنان" with the span
starting after the و, and "للشرق الأوسط" matches "الشرق الأوسط" as "لشرق الأوسط" (the gold
convention for ل+ال).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from arabnews._checks import require_str
from arabnews.ner.base import (
    data_rows,
    name_key,
    sentence_spans,
    sentence_tokens,
    sort_entities,
)
from arabnews.ner.clitics import clitic_word, proclitic_rules
from arabnews.spans import ENTITY_LABELS, Entity, Span

if TYPE_CHECKING:
    from arabnews.tokens import Token

__all__ = ["GazetteerRecognizer", "NameEntry"]

# Single-word names shorter than this (in letters) are not matched after stripping a clitic:
# "بما" is not ب + a name "ما".
MIN_STRIPPED_SINGLE = 3


class NameEntry(Protocol):
    """What the recognizer reads from a gazetteer entry (see :class:`arabnews.names.Gazetteer`)."""

    @property
    def id(self) -> str: ...  # pragma: no cover - protocol
    @property
    def canonical(self) -> str: ...  # pragma: no cover - protocol
    @property
    def label(self) -> str: ...  # pragma: no cover - protocol
    @property
    def variants(self) -> Sequence[str]: ...  # pragma: no cover - protocol


@attrs.frozen
class _Homonyms:
    """A spelling that several entries of one label list (عمان: Oman, Amman)."""

    label: str


class GazetteerRecognizer:
    """Longest-match gazetteer look-up over tokens, clitic-aware.

    *gazetteer* is any iterable of entries with ``id``, ``canonical``, ``label`` and
    ``variants`` (by default :meth:`arabnews.names.Gazetteer.default`). Entities carry the
    entry's ``canonical`` and ``id`` (as ``entity_id``).

    >>> from types import SimpleNamespace as E
    >>> g = GazetteerRecognizer([E(id="Q1", canonical="لبنان", label="LOC", variants=("لبنان",))])
    >>> [(e.text, e.label, e.entity_id) for e in g.recognize("زار ولبنان")]
    [('لبنان', 'LOC', 'Q1')]
    """

    __slots__ = ("_index", "_lengths", "_name_words", "_names", "_source")

    def __init__(self, gazetteer: Iterable[Any] | None = None) -> None:
        from arabnews.tokens import tokenize

        if gazetteer is None:
            from arabnews.names import Gazetteer

            gazetteer = Gazetteer.default()
        self._source = gazetteer
        self._index: dict[tuple[str, ...], Any] = {}
        self._names: set[str] = set()
        self._name_words: set[str] = set()
        # spellings listed by several entries (عمان: Oman and Amman) -> their ids and labels:
        # a match is a name, but which one is a guess
        shared: dict[tuple[str, ...], dict[str, str]] = {}
        for entry in gazetteer:
            if getattr(entry, "label", None) not in ENTITY_LABELS:
                continue
            spellings = [entry.canonical, *getattr(entry, "variants", ())]
            for spelling in spellings:
                # tokenised as texts are, so "ج.ب. مورغان" matches token by token
                words = tuple(k for t in tokenize(spelling or "") if (k := name_key(t.text)))
                key = " ".join(words)
                if not words or sum(len(w) for w in words) < 2:
                    continue
                self._names.add(key)
                if len(words) == 1 and words[0] in homographs():
                    continue  # also a common word: left to the tagger ("فتح" = opened)
                first = self._index.setdefault(words, entry)
                if first.id != entry.id:
                    shared.setdefault(words, {first.id: first.label})[entry.id] = entry.label
                if len(words) > 1 and all(len(w) == 1 and w.isalpha() for w in words):
                    # an abbreviation's letters are also written with dots, as one token:
                    # "أ ف ب" and "أ.ف.ب"
                    self._index.setdefault((".".join(words),), entry)
                if len(words) > 1:
                    # parts of listed names ("فولوديمير", "ويتكوف") are evidence of a name
                    self._name_words.update(w for w in words if len(w) >= 3)
        for words, labels in shared.items():
            if len(set(labels.values())) == 1:
                self._index[words] = _Homonyms(next(iter(labels.values())))
            else:  # not even the label is known: left to the tagger
                del self._index[words]
        # first word -> the token counts of the names it starts, longest first: a token that
        # starts no name is passed over at once (most tokens of a text)
        lengths: dict[str, set[int]] = {}
        for words in self._index:
            lengths.setdefault(words[0], set()).add(len(words))
        self._lengths = {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}

    @property
    def source(self) -> Any:
        """The gazetteer the names came from (a :class:`arabnews.names.Gazetteer` by default)."""
        return self._source

    def __len__(self) -> int:
        return len(self._names)

    def knows(self, key: str) -> bool:
        """True when *key* (a :func:`~arabnews.ner.base.name_key`) is a listed name, or a word
        of one (so "فولوديمير" is known through "فولوديمير زيلينسكي")."""
        return key in self._names or key in self._name_words

    def lookup(self, name: str) -> Any | None:
        """The entry listing *name* (same key), else the gazetteer's own ``lookup`` (which
        for :class:`arabnews.names.Gazetteer` also accepts close variant spellings), else
        ``None``."""
        from arabnews.tokens import tokenize

        words = tuple(k for t in tokenize(name) if (k := name_key(t.text)))
        entry = self._index.get(words)
        if isinstance(entry, _Homonyms):
            return None  # several entries list it
        fallback = getattr(self._source, "lookup", None)
        if entry is None and callable(fallback):
            entry = fallback(name)
        return entry

    def recognize(
        self,
        text: str,
        sentences: Sequence[Span] | None = None,
        *,
        tokens: Sequence[Token] | None = None,
    ) -> tuple[Entity, ...]:
        """Gazetteer names in *text* (offsets into *text*), longest match first.

        *tokens*: the tokens of *text* (:func:`arabnews.tokenize`), when already made; else the
        text is tokenised here, sentence by sentence.
        """
        require_str(text, "text")
        from arabnews.ner.nonnames import is_function_word

        out: list[Entity] = []
        spans = sentence_spans(text, sentences)
        for toks in sentence_tokens(text, spans, tokens):
            keys = [name_key(t.text) for t in toks]
            i = 0
            while i < len(toks):
                found = self._match_at(keys, i)
                if found is None or (found[0] == 1 and is_function_word(toks[i].text)):
                    i += 1  # nothing listed here, or a closed-class word ("كيف", not "كييف")
                    continue
                n, strip, entry = found
                start = toks[i].start + _char_offset(toks[i].text, strip)
                end = toks[i + n - 1].end
                known = not isinstance(entry, _Homonyms)  # else a name, but whose is a guess
                out.append(
                    Entity(
                        start,
                        end,
                        text[start:end],
                        entry.label,
                        canonical=entry.canonical if known else None,
                        entity_id=entry.id if known else None,
                    )
                )
                i += n
        return sort_entities(out)

    def _match_at(self, keys: Sequence[str], i: int) -> tuple[int, int, Any] | None:
        """(tokens, letters stripped from the first, entry) of the longest match at *i*."""
        first = keys[i]
        if not first:
            return None
        forms = _readings(first)
        lengths = self._lengths
        counts = sorted({n for form, _ in forms for n in lengths.get(form, ())}, reverse=True)
        for n in counts:
            if n > len(keys) - i:
                continue
            tail = tuple(keys[i + 1 : i + n])
            for form, strip in forms:
                if n not in lengths.get(form, ()):
                    continue
                if n == 1 and strip and len(form) < MIN_STRIPPED_SINGLE:
                    continue
                entry = self._index.get((form, *tail))
                if entry is None:
                    continue
                if n == 1 and strip and clitic_word(first, strip):
                    continue  # a word of its own: "بابل" (Babylon) is not ب + "أبل"
                return n, strip, entry
        return None


@functools.lru_cache(maxsize=1 << 14)
def _readings(key: str) -> tuple[tuple[str, int], ...]:
    """*key* and what it may be without a proclitic: (form, letters stripped) pairs."""
    forms = [(key, 0)]
    for rule in proclitic_rules():
        forms += [(rest, rule.strip) for rest in rule.readings(key)]
    return tuple(forms)


@functools.cache
def homographs() -> frozenset[str]:
    """Keys of the one-word names that are also frequent common words (``homographs.tsv``)."""
    out = set()
    for row in data_rows("homographs.tsv", "word", "reading", "example"):
        key = name_key(row["word"])
        if not key or " " in key or not row["reading"].strip():
            raise ValueError(f"{row.where}: bad row {row!r}")
        out.add(key)
    return frozenset(out)


def _char_offset(word: str, letters: int) -> int:
    from arabnews.ner.base import chars_for_letters

    return chars_for_letters(word, letters) if letters else 0
