"""The gazetteer: names that dominate Arabic world news, with canonical spellings.

Shipped as ``data/gazetteer.tsv`` (one entry per row: id, label, Wikidata id, canonical
Arabic spelling, English name, known variants separated by ``|``), loaded lazily once and
validated at load.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import attrs

from arabnews._checks import require_str
from arabnews.names._keys import NameKey, blocking_keys, name_key
from arabnews.names._match import Matcher, default_matcher
from arabnews.spans import ENTITY_LABELS

__all__ = ["Gazetteer", "GazetteerEntry"]

_QID = re.compile(r"Q[1-9][0-9]*")
_ID = re.compile(r"[a-z0-9][a-z0-9_]*")
_COLUMNS = ("id", "label", "wikidata", "canonical", "english", "variants")
# Fuzzy lookups need a few letters: two- and three-letter names are too often unrelated.
_MIN_FUZZY_LETTERS = 4


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(slots=True)
class GazetteerEntry:
    """One known entity.

    :ivar id: stable identifier (``"zelensky"``), used as the cluster id of its mentions.
    :ivar canonical: the canonical Arabic spelling (``"فولوديمير زيلينسكي"``).
    :ivar english: the English name.
    :ivar label: ``PER``, ``LOC``, ``ORG`` or ``MISC``.
    :ivar wikidata: the Wikidata QID where known, else ``None``.
    :ivar variants: other known spellings (Arabic or Latin), short forms included.
    """

    id: str
    canonical: str
    english: str
    label: str
    wikidata: str | None = None
    variants: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)

    def __attrs_post_init__(self) -> None:
        if not _ID.fullmatch(self.id):
            raise ValueError(f"gazetteer id must be lower-case ascii words: {self.id!r}")
        if self.label not in ENTITY_LABELS:
            raise ValueError(
                f"gazetteer entry {self.id}: label {self.label!r} not in PER/LOC/ORG/MISC"
            )
        if self.wikidata is not None and not _QID.fullmatch(self.wikidata):
            raise ValueError(f"gazetteer entry {self.id}: bad Wikidata id {self.wikidata!r}")
        if not name_key(self.canonical).tokens:
            raise ValueError(f"gazetteer entry {self.id}: empty canonical spelling")

    @property
    def spellings(self) -> tuple[str, ...]:
        """Canonical spelling, English name and variants."""
        return (self.canonical, self.english, *self.variants)


class Gazetteer:
    """A set of :class:`GazetteerEntry` with exact and fuzzy lookup.

    >>> gaz = Gazetteer.default()
    >>> gaz.lookup("زيلنسكي").id, gaz.lookup("Zelensky").canonical
    ('zelensky', 'فولوديمير زيلينسكي')
    >>> gaz.lookup("فلان الفلاني") is None
    True
    """

    def __init__(self, entries: Iterable[GazetteerEntry], matcher: Matcher | None = None) -> None:
        self._entries: dict[str, GazetteerEntry] = {}
        self._matcher = matcher if matcher is not None else default_matcher()
        self._exact: dict[str, set[str]] = defaultdict(set)
        self._blocks: dict[str, list[tuple[NameKey, str]]] = defaultdict(list)
        for entry in entries:
            if entry.id in self._entries:
                raise ValueError(f"duplicate gazetteer id {entry.id!r}")
            self._entries[entry.id] = entry
            for spelling in entry.spellings:
                key = name_key(spelling)
                if not key.tokens:
                    continue
                self._exact[key.text].add(entry.id)
                self._exact[_joined(key)].add(entry.id)
                for block in _blocks(key):
                    self._blocks[block].append((key, entry.id))

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The shipped gazetteer (``data/gazetteer.tsv``), loaded once."""
        text = resources.files("arabnews.names").joinpath("data", "gazetteer.tsv")
        return cls.from_tsv(text.read_text(encoding="utf-8"))

    @classmethod
    def from_tsv(cls, source: str | Path) -> Gazetteer:
        """Load a gazetteer from TSV text or a ``Path`` (columns: id, label, wikidata,
        canonical, english, variants; ``#`` lines are comments; variants split on ``|``)."""
        text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        reader = csv.reader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = list(reader)
        if not rows or tuple(rows[0]) != _COLUMNS:
            header = "<TAB>".join(_COLUMNS)
            raise ValueError(f"gazetteer TSV must start with the header {header}")
        entries = []
        for lineno, row in enumerate(rows[1:], 2):
            if len(row) != len(_COLUMNS):
                raise ValueError(f"gazetteer row {lineno}: expected 6 columns, got {row!r}")
            ident, label, qid, canonical, english, variants = (c.strip() for c in row)
            entries.append(
                GazetteerEntry(
                    id=ident,
                    canonical=canonical,
                    english=english,
                    label=label,
                    wikidata=qid or None,
                    variants=tuple(v.strip() for v in variants.split("|") if v.strip()),
                )
            )
        return cls(entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, ident: object) -> bool:
        return ident in self._entries

    def get(self, ident: str) -> GazetteerEntry | None:
        """The entry with id *ident*, or ``None``."""
        return self._entries.get(ident)

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The entry whose spellings *name* matches, or ``None`` (unknown or ambiguous).

        Exact matches (after normalisation) win; otherwise the entry with the most similar
        spelling that :func:`~arabnews.names.same_name` accepts, if only one entry has it.
        """
        require_str(name, "name")
        ident = self.lookup_key(name_key(name))
        return self._entries[ident] if ident is not None else None

    def lookup_key(self, key: NameKey) -> str | None:
        """:meth:`lookup` on a precomputed key; returns the entry id."""
        if not key.tokens:
            return None
        for exact in (key.text, _joined(key)):
            ids = self._exact.get(exact)
            if ids:
                return next(iter(ids)) if len(ids) == 1 else None
        alt = key.tokens[0].alternative
        if alt is not None:  # وزيلينسكي, والكرملين: the stem is a known spelling
            stem = " ".join((alt, *(t.text for t in key.tokens[1:])))
            ids = self._exact.get(stem)
            if ids:
                return next(iter(ids)) if len(ids) == 1 else None
        if len(_joined(key)) < _MIN_FUZZY_LETTERS:
            return None
        best = 0.0
        best_ids: set[str] = set()
        seen: set[tuple[str, str]] = set()
        matcher = self._matcher
        threshold = matcher.model.threshold
        for block in _blocks(key):
            for cand, ident in self._blocks.get(block, ()):
                mark = (cand.text, ident)
                if mark in seen:
                    continue
                seen.add(mark)
                sim = matcher.key_similarity(key, cand, 1.0)
                if sim < threshold:
                    continue
                if sim > best + 1e-9:
                    best, best_ids = sim, {ident}
                elif sim > best - 1e-9:
                    best_ids.add(ident)
        return next(iter(best_ids)) if len(best_ids) == 1 else None


def _joined(key: NameKey) -> str:
    return "#" + key.joined


def _blocks(key: NameKey) -> frozenset[str]:
    """Blocking keys of a name: those of its last token (surname), tagged by position."""
    return blocking_keys(key.tokens[-1])
