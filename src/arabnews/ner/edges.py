"""Cutting titles, nationality adjectives and classifier nouns from the edges of entities.

A tagger trained on another corpus draws its own boundaries ("الرئيس الأمريكي دونالد ترامب",
"نهر الدانوب", "وكالة تاس"); the gold convention keeps only the name. The words and how each
kind is cut are data: ``data/edge_words.tsv`` (word, kind, example) and
``data/edge_kinds.tsv`` (kind, side, labels, evidence). An entity is never cut to nothing; one
made only of edge words ("السفير الأميركي", a lone "يونيو" or "جنوب") is not a name and is
dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from arabnews.ner.base import data_rows, name_key
from arabnews.spans import ENTITY_LABELS, Entity

__all__ = ["EdgeRule", "edge_rules", "edge_word_kind", "edge_words", "trim_edges"]

KnownFn = Callable[[str], bool]


@attrs.frozen(slots=True)
class EdgeRule:
    """One row of ``edge_kinds.tsv``."""

    kind: str
    side: str  # "lead", "trail", "both" or "none"
    labels: frozenset[str]
    evidence: str  # "shape" or "known"


@functools.cache
def edge_rules() -> tuple[EdgeRule, ...]:
    """The rules of ``edge_kinds.tsv`` (validated on first use)."""
    rules = []
    for row in data_rows("edge_kinds.tsv", "kind", "side", "labels", "evidence", "example"):
        kind, side, labels, evidence = row["kind"], row["side"], row["labels"], row["evidence"]
        wanted = ENTITY_LABELS if labels == "*" else frozenset(labels.split(","))
        if side not in ("lead", "trail", "both", "none") or evidence not in ("shape", "known"):
            raise ValueError(f"{row.where}: bad row {row!r}")
        if not wanted <= ENTITY_LABELS:
            raise ValueError(f"{row.where}: unknown label in {row!r}")
        rules.append(EdgeRule(kind, side, frozenset(wanted), evidence))
    return tuple(rules)


@functools.cache
def edge_words() -> dict[str, str]:
    """Word key -> kind, from ``edge_words.tsv`` (validated on first use); a key of two
    words is a title written in two ("آية الله")."""
    kinds = {r.kind for r in edge_rules()}
    words: dict[str, str] = {}
    for row in data_rows("edge_words.tsv", "word", "kind", "example"):
        key = name_key(row["word"])
        if row["kind"] not in kinds or not key or words.get(key, row["kind"]) != row["kind"]:
            raise ValueError(f"{row.where}: bad row or a second kind {row!r}")  # one per word
        words[key] = row["kind"]
    return words


@functools.cache
def _word_re() -> re.Pattern[str]:
    return re.compile(r"\S+")


def edge_word_kind(word: str) -> str | None:
    """The kind of an edge word ("title", "nationality", ...), or ``None``.

    >>> edge_word_kind("الرئيس"), edge_word_kind("والأمريكي"), edge_word_kind("بوتين")
    ('title', 'nationality', None)
    """
    key = name_key(word)
    kind = edge_words().get(key)
    if kind is None and key[:1] in ("و", "ف"):  # "والرئيس": the conjunction glued on
        kind = edge_words().get(key[1:])
    if kind is None and key[:1] in ("ب", "ل") and edge_words().get(key[1:]) == "event":
        kind = "event"  # "نددت وزارة الدفاع بالغارات": the object of a verb, in ب
    return kind


def _cuttable(kind: str | None, side: str, label: str, rest: str, known: KnownFn) -> bool:
    if kind is None:
        return False
    for rule in edge_rules():
        if rule.kind != kind or rule.side not in (side, "both") or label not in rule.labels:
            continue
        if rule.evidence == "shape" or known(name_key(rest)):
            return True
    return False


_KINSHIP = frozenset({"بن", "ابن", "بنت"})


def _kinship(rest: str) -> bool:
    """Whether *rest* begins with the kinship word of a patronymic (بن، ابن، بنت)."""
    first = rest.split(maxsplit=1)[:1]
    return bool(first) and first[0].replace("إ", "ا") in _KINSHIP


def trim_edges(entity: Entity, *, is_known: KnownFn | None = None) -> Entity | None:
    """*entity* without leading/trailing edge words; ``None`` when it is not a name at all.

    >>> e = trim_edges(Entity(0, 21, "الأمريكي دونالد ترامب", "PER"))
    >>> e.start, e.text
    (9, 'دونالد ترامب')
    >>> trim_edges(Entity(0, 15, "السفير الأميركي", "PER")) is None
    True
    >>> trim_edges(Entity(0, 8, "وكالة تاس", "ORG")).text  # "تاس" unknown: kept whole
    'وكالة تاس'
    >>> trim_edges(Entity(0, 16, "تركي بن عبد الله", "PER")).text  # a given name before بن
    'تركي بن عبد الله'
    """
    known = is_known or (lambda _key: False)
    words = [(m.start(), m.end()) for m in _word_re().finditer(entity.text)]
    if not words:
        return None
    kinds = [edge_word_kind(entity.text[s:e]) for s, e in words]
    # two-word edge words ("آية الله", "ولي العهد"), by their first word
    pairs = [
        edge_word_kind(entity.text[words[i][0] : words[i + 1][1]]) if i + 1 < len(words) else None
        for i in range(len(words))
    ]
    covered = [k is not None for k in kinds]
    for i, pair in enumerate(pairs):
        if pair is not None:
            covered[i] = covered[i + 1] = True
    if all(covered):
        return None  # only titles, adjectives, months...: not a name
    first, last = 0, len(words)
    while last - first > 1:
        if pairs[first] is not None and last - first > 2:
            rest = entity.text[words[first + 2][0] : words[last - 1][1]]
            if _cuttable(pairs[first], "lead", entity.label, rest, known):
                first += 2
                continue
        rest = entity.text[words[first + 1][0] : words[last - 1][1]]
        if kinds[first] == "nationality" and _kinship(rest):
            break  # "تركي بن عبد الله": the word before بن is a given name
        if not _cuttable(kinds[first], "lead", entity.label, rest, known):
            break
        first += 1
    while last - first > 1:
        rest = entity.text[words[first][0] : words[last - 2][1]]
        if not _cuttable(kinds[last - 1], "trail", entity.label, rest, known):
            break
        last -= 1
    if (first, last) == (0, len(words)):
        return entity
    start, end = words[first][0], words[last - 1][1]
    return attrs.evolve(
        entity,
        start=entity.start + start,
        end=entity.start + end,
        text=entity.text[start:end],
    )
