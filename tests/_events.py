"""Shared by the session test files of the event rules: an entity at a name's first place, the
candidates of a sentence (threshold 0 unless told), the event of a trigger word, the texts
of a role's mentions, and the check that mentions linked by ``refers_to`` hold at a threshold."""

from __future__ import annotations

from collections.abc import Iterable

from arabnews.events import extract_events
from arabnews.events.schema import Event
from arabnews.spans import Entity, Mention


def ent(text: str, name: str, label: str = "LOC") -> Entity:
    start = text.index(name)
    return Entity(start, start + len(name), name, label)


def events(text: str, *ents: Entity, threshold: float | None = 0.0) -> list[Event]:
    return list(extract_events(text, entities=ents, threshold=threshold))


def of(evs: list[Event], word: str) -> Event:
    """The event whose trigger is *word* (its proclitics aside: وهددت -> هددت)."""
    return next(e for e in evs if e.trigger.text and word.endswith(e.trigger.text))


def texts(mentions: Iterable[Mention]) -> list[str]:
    return [m.text for m in mentions]


def assert_links_hold(text: str, threshold: float) -> None:
    """Whatever the threshold, the events are a subset of every candidate; a mention that refers
    to another comes with it, of its type, scores no higher and refers to a head (no chains)."""
    every = extract_events(text, entities=(), threshold=0.0)
    some = extract_events(text, entities=(), threshold=threshold)
    assert set(some) <= set(every)
    by_trigger = {e.trigger: e for e in some}
    for e in some:
        if e.refers_to is not None:
            head = by_trigger[e.refers_to]
            assert head.refers_to is None
            assert head.type == e.type and e.score <= head.score
