"""pandas tables of documents: entities, events and quotes, one row each.

Every table has a ``doc_id`` column (the document's :attr:`~arabnews.Document.id`, or its
index in the batch when it has none), a fixed set of columns whether or not a document has
rows, numeric scores (``float64``, ``NaN`` when missing), offsets as integers (nullable
``Int64`` where the mention is optional) and no tuples in cells: several mentions are
joined with :data:`JOIN` (``" | "``).

>>> import arabnews
>>> from arabnews.document import Document
>>> tables = arabnews.frames([Document.empty("", id="a"), Document.empty("")])
>>> list(tables.entities.columns) == list(ENTITY_COLUMNS)
True
>>> len(tables.events), tables.events.shape[1] == len(EVENT_COLUMNS)
(0, True)

pandas is imported only when a table is built (``pip install 'arabnews[pandas]'``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    import pandas

    from arabnews.document import Document

__all__ = [
    "ENTITY_COLUMNS",
    "EVENT_COLUMNS",
    "JOIN",
    "QUOTE_COLUMNS",
    "Frames",
    "entities_frame",
    "events_frame",
    "frames",
    "quotes_frame",
]

JOIN = " | "
"""Separator of several values in one cell (actors of an event, quantities, ...)."""

ENTITY_COLUMNS = ("doc_id", "start", "end", "text", "label", "canonical", "entity_id", "score")
"""Columns of :func:`entities_frame` and of ``Document.entities_frame()``."""

EVENT_COLUMNS = (
    "doc_id",
    "type",
    "mode",
    "modality",
    "score",
    "trigger",
    "trigger_start",
    "trigger_end",
    "actor",
    "actor_canonical",
    "actor_entity_id",
    "recipient",
    "recipient_canonical",
    "recipient_entity_id",
    "location",
    "location_canonical",
    "time",
    "time_value",
    "time_start",
    "time_end",
    "quantities",
    "quantity_kinds",
    "quantity_values",
    "killed",
    "injured",
    "sentence_start",
    "sentence_end",
    "modality_cue",
    "denied_by",
    "future_of",
    "refers_to",
    "refers_to_start",
)
"""Columns of :func:`events_frame` and of ``Document.events_frame()``."""

QUOTE_COLUMNS = (
    "doc_id",
    "text",
    "start",
    "end",
    "direct",
    "partial",
    "score",
    "speaker",
    "speaker_canonical",
    "speaker_entity_id",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "via",
    "via_start",
    "via_end",
)
"""Columns of :func:`quotes_frame` and of ``Document.quotes_frame()``; ``text`` is the quote."""

_INT = ("start", "end", "trigger_start", "trigger_end", "sentence_start", "sentence_end")
_OPTIONAL_INT = (
    "time_start",
    "time_end",
    "refers_to_start",
    "speaker_start",
    "speaker_end",
    "via_start",
    "via_end",
)
_FLOAT = ("score", "killed", "injured")
_BOOL = ("direct", "partial")


@attrs.frozen
class Frames:
    """What :func:`frames` returns: the three tables of a batch of documents."""

    entities: Any  #: entity table (:data:`ENTITY_COLUMNS`)
    events: Any  #: event table (:data:`EVENT_COLUMNS`)
    quotes: Any  #: quote table (:data:`QUOTE_COLUMNS`)


def _pandas(what: str) -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(
            f"{what}() needs pandas; install it with: pip install 'arabnews[pandas]'"
        ) from None
    return pd


def _doc_ids(docs: Iterable[Document]) -> Iterable[tuple[Any, Document]]:
    for i, doc in enumerate(docs):
        yield (doc.id if doc.id is not None else i), doc


def _score(value: Any) -> float:
    return math.nan if value is None else float(value)


def _join(values: Iterable[Any]) -> str | None:
    parts = ["" if v is None else str(v) for v in values]
    return JOIN.join(parts) if parts else None


def _mention_text(m: Any) -> str | None:
    return None if m is None else str(m.text)


def _build(rows: list[dict[str, Any]], columns: tuple[str, ...], what: str) -> pandas.DataFrame:
    pd = _pandas(what)
    frame = pd.DataFrame(rows, columns=list(columns))
    types: dict[str, str] = {}
    for name in columns:
        if name in _INT:
            types[name] = "int64"
        elif name in _OPTIONAL_INT:
            types[name] = "Int64"
        elif name in _FLOAT:
            types[name] = "float64"
        elif name in _BOOL:
            types[name] = "bool"
        elif name != "doc_id":
            types[name] = "object"
    return frame.astype(types)


def _entity_row(doc_id: Any, e: Any) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "start": e.start,
        "end": e.end,
        "text": e.text,
        "label": e.label,
        "canonical": e.canonical,
        "entity_id": e.entity_id,
        "score": _score(e.score),
    }


def _total(quantities: tuple[Any, ...], kind: str) -> float:
    """The count of *kind* of an event: its quantities of that kind that are no part of
    another (``Quantity.part_of``), added up; ``NaN`` without any."""
    values = [q.value for q in quantities if q.kind == kind and getattr(q, "part_of", None) is None]
    return float(sum(values)) if values else math.nan


def _event_row(doc_id: Any, ev: Any) -> dict[str, Any]:
    actor = tuple(getattr(ev, "actor", ()) or ())
    recipient = tuple(getattr(ev, "recipient", ()) or ())
    location = tuple(getattr(ev, "location", ()) or ())
    quantities = tuple(getattr(ev, "quantities", ()) or ())
    time = getattr(ev, "time", None)
    sentence = getattr(ev, "sentence", None)
    refers_to = getattr(ev, "refers_to", None)
    return {
        "doc_id": doc_id,
        "type": ev.type,
        "mode": getattr(ev, "mode", None),
        "modality": getattr(ev, "modality", None),
        "score": _score(getattr(ev, "score", None)),
        "trigger": ev.trigger.text,
        "trigger_start": ev.trigger.start,
        "trigger_end": ev.trigger.end,
        "actor": _join(m.text for m in actor),
        "actor_canonical": _join(m.canonical for m in actor),
        "actor_entity_id": _join(m.entity_id for m in actor),
        "recipient": _join(m.text for m in recipient),
        "recipient_canonical": _join(m.canonical for m in recipient),
        "recipient_entity_id": _join(m.entity_id for m in recipient),
        "location": _join(m.text for m in location),
        "location_canonical": _join(m.canonical for m in location),
        "time": None if time is None else time.text,
        "time_value": None if time is None else time.value,
        "time_start": None if time is None else time.start,
        "time_end": None if time is None else time.end,
        "quantities": _join(q.text for q in quantities),
        "quantity_kinds": _join(q.kind for q in quantities),
        "quantity_values": _join(f"{q.value:g}" for q in quantities),
        "killed": _total(quantities, "killed"),
        "injured": _total(quantities, "injured"),
        "sentence_start": ev.trigger.start if sentence is None else sentence.start,
        "sentence_end": ev.trigger.end if sentence is None else sentence.end,
        "modality_cue": _mention_text(getattr(ev, "modality_cue", None)),
        "denied_by": _mention_text(getattr(ev, "denied_by", None)),
        "future_of": getattr(ev, "future_of", None),
        "refers_to": _mention_text(refers_to),
        "refers_to_start": None if refers_to is None else refers_to.start,
    }


def _quote_row(doc_id: Any, text: str, q: Any) -> dict[str, Any]:
    speaker = getattr(q, "speaker", None)
    via = getattr(q, "via", None)
    content = q.content
    return {
        "doc_id": doc_id,
        "text": text[content.start : content.end],
        "start": content.start,
        "end": content.end,
        "direct": bool(getattr(q, "direct", False)),
        "partial": bool(getattr(q, "partial", False)),
        "score": _score(getattr(q, "score", None)),
        "speaker": speaker.text if speaker is not None else getattr(q, "speaker_text", None),
        "speaker_canonical": None if speaker is None else speaker.canonical,
        "speaker_entity_id": None if speaker is None else speaker.entity_id,
        "speaker_start": None if speaker is None else speaker.start,
        "speaker_end": None if speaker is None else speaker.end,
        "cue": q.cue.text,
        "cue_start": q.cue.start,
        "cue_end": q.cue.end,
        "via": _mention_text(via),
        "via_start": None if via is None else via.start,
        "via_end": None if via is None else via.end,
    }


def entities_frame(docs: Iterable[Document], *, what: str = "entities_frame") -> pandas.DataFrame:
    """One row per entity of *docs*; columns :data:`ENTITY_COLUMNS`."""
    rows = [_entity_row(i, e) for i, doc in _doc_ids(docs) for e in doc.entities]
    return _build(rows, ENTITY_COLUMNS, what)


def events_frame(docs: Iterable[Document], *, what: str = "events_frame") -> pandas.DataFrame:
    """One row per event of *docs*; columns :data:`EVENT_COLUMNS`."""
    rows = [_event_row(i, ev) for i, doc in _doc_ids(docs) for ev in doc.events]
    return _build(rows, EVENT_COLUMNS, what)


def quotes_frame(docs: Iterable[Document], *, what: str = "quotes_frame") -> pandas.DataFrame:
    """One row per quote of *docs*, with its text; columns :data:`QUOTE_COLUMNS`."""
    rows = [_quote_row(i, doc.text, q) for i, doc in _doc_ids(docs) for q in doc.quotes]
    return _build(rows, QUOTE_COLUMNS, what)


def frames(docs: Iterable[Document]) -> Frames:
    """The entity, event and quote tables of a batch of documents.

    ``doc_id`` is each document's :attr:`~arabnews.Document.id`, or its position in
    *docs* when it has none, so rows map back to inputs.

    Returns:
        :class:`Frames` with ``entities``, ``events`` and ``quotes`` data frames.
    """
    batch = list(docs)
    _pandas("frames")
    return Frames(
        entities=entities_frame(batch, what="frames"),
        events=events_frame(batch, what="frames"),
        quotes=quotes_frame(batch, what="frames"),
    )
