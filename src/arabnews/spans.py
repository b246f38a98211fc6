"""Span, Mention, Entity: the value types that every stage shares.

Every offset is a half-open pair of Python ``str`` indices into the *original* text
the caller passed in (see the contract); ``original[start:end]`` is the text.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["ENTITY_LABELS", "Entity", "Mention", "Span"]

ENTITY_LABELS = frozenset({"PER", "LOC", "ORG", "MISC"})


def non_negative(_inst: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is int and value >= 0:  # (the common case, one test: spans are made often)
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


def end_after_start(inst: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is int and value >= inst.start >= 0:  # (as above)
        return
    non_negative(inst, attribute, value)
    if value < inst.start:
        raise ValueError(f"end ({value}) must be >= start ({inst.start})")


@attrs.frozen(slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)``.

    >>> s = Span(3, 7)
    >>> len(s), s.overlaps(Span(6, 9)), s.contains(Span(4, 5)), 7 in s
    (4, True, True, False)
    """

    start: int = attrs.field(validator=non_negative)
    end: int = attrs.field(validator=end_after_start)

    def __len__(self) -> int:
        return self.end - self.start

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.start <= index < self.end

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def overlaps(self, other: Span | Mention | Entity) -> bool:
        """True when the two ranges share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span | Mention | Entity | int) -> bool:
        """True when *other* (a range or an index) lies inside this range."""
        if isinstance(other, int):
            return self.start <= other < self.end
        return self.start <= other.start and other.end <= self.end

    def slice(self, text: str) -> str:
        """``text[start:end]``."""
        return text[self.start : self.end]


@attrs.frozen(slots=True)
class Mention:
    """A piece of the original text that an event or quote points at.

    ``canonical`` and ``entity_id`` are filled when the mention resolves to a named
    entity (through the name resolver); ``label`` carries its NER label if any.
    """

    start: int = attrs.field(validator=non_negative)
    end: int = attrs.field(validator=end_after_start)
    text: str
    label: str | None = None
    canonical: str | None = None
    entity_id: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def _check_label(_inst: Any, _attribute: Any, value: str) -> None:
    if value not in ENTITY_LABELS:
        raise ValueError(f"label must be one of {sorted(ENTITY_LABELS)}, got {value!r}")


@attrs.frozen(slots=True)
class Entity:
    """A named entity in original offsets, with its resolved canonical name.

    ``canonical`` is the canonical Arabic spelling of the entity's name cluster;
    ``entity_id`` a stable id (a gazetteer id such as a Wikidata QID, or a cluster id).
    """

    start: int = attrs.field(validator=non_negative)
    end: int = attrs.field(validator=end_after_start)
    text: str
    label: str = attrs.field(validator=_check_label)
    canonical: str | None = None
    entity_id: str | None = None
    score: float | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_mention(self) -> Mention:
        return Mention(self.start, self.end, self.text, self.label, self.canonical, self.entity_id)
