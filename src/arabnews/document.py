"""The :class:`Document`: everything the pipeline found in one text.

A :class:`Document` keeps the caller's original text and every result in **original
offsets**: ``document.text[x.start:x.end] == x.text`` for every sentence, entity, event
trigger, argument, quote and removal it holds (:meth:`Document.iter_spans` walks them all).

The type lives here; its JSON serialisation in :mod:`arabnews.serialization`, its pandas
tables in :mod:`arabnews.tables` and its HTML view in :mod:`arabnews.rendering`.

>>> from arabnews.document import Document
>>> doc = Document.empty("")
>>> Document.from_json(doc.to_json()) == doc
True
>>> doc.to_dict()["schema"]
'arabnews.document/1'
>>> Document.empty("قال الرئيس", id="a1")
Document(id='a1', text='قال الرئيس' (10 chars), sentences=0, entities=0, events=0, quotes=0)
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from arabnews.dates import parse_published
from arabnews.serialization import (
    SCHEMA,
    DocumentFormatError,
    decode_value,
    document_from_dict,
    document_to_dict,
    encode_value,
    escape_lone_surrogates,
    register_type,
)

if TYPE_CHECKING:
    import pandas

    from arabnews.clean import CleanedText
    from arabnews.events import Event, Quote
    from arabnews.sentences import Sentence
    from arabnews.spans import Entity

__all__ = [
    "SCHEMA",
    "Document",
    "DocumentFormatError",
    "decode_value",
    "encode_value",
    "parse_published",
    "register_type",
]

_REPR_CHARS = 40


@functools.cache
def _span_plan(cls: type) -> tuple[bool, tuple[str, ...]] | None:
    """For an attrs class: whether it is a span, and the fields that may hold more."""
    if not attrs.has(cls):
        return None
    names = [f.name for f in attrs.fields(cls)]
    is_span = "start" in names and "end" in names
    return is_span, tuple(n for n in names if n not in ("start", "end", "text"))


_LEAVES = (str, int, float, bool, type(None), _dt.date)


def _spans_in(path: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, _LEAVES):
        return
    if isinstance(value, tuple):
        for i, item in enumerate(value):
            if not isinstance(item, _LEAVES):
                yield from _spans_in(f"{path}[{i}]", item)
        return
    cls: type = type(value)
    plan = _span_plan(cls)
    if plan is None:
        return
    is_span, children = plan
    if is_span:
        yield path, value
    for name in children:
        child = getattr(value, name)
        if not isinstance(child, _LEAVES):
            yield from _spans_in(f"{path}.{name}", child)


def _optional_str(_inst: Any, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a str or None, not {type(value).__name__}")


@attrs.frozen(slots=True, repr=False)
class Document:
    """One analysed text; every span is in offsets of :attr:`Document.text`.

    Fields:

    - ``text``: the original text exactly as the caller passed it;
    - ``cleaned``: the cleaner's output (cleaned text, alignment, removals, articles);
    - ``sentences``: sentences and headlines in original offsets;
    - ``entities``: named entities in original offsets, with canonical names and ids;
    - ``events``: PLOVER events; triggers and arguments in original offsets;
    - ``quotes``: reported speech; speaker, cue and content in original offsets;
    - ``published``: the publication date used to resolve relative times, if known
      (a :class:`datetime.date`; an ISO string such as ``"2023-09-17"`` is converted);
    - ``id``: an identifier the caller gave the document (a file name, a record id), used
      by the tables (``doc_id``) and the HTML view; ``None`` if none was given.

    In a notebook a document displays as HTML (``_repr_html_``, the view of
    :func:`arabnews.render`); its ``repr`` is one short line.
    """

    text: str
    cleaned: CleanedText
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    published: _dt.date | None = attrs.field(default=None, converter=parse_published)
    id: str | None = attrs.field(default=None, validator=_optional_str, kw_only=True)

    @classmethod
    def empty(
        cls, text: str = "", *, published: _dt.date | str | None = None, id: str | None = None
    ) -> Document:
        """A document with no results (what a blank text produces)."""
        from arabnews.clean import clean

        return cls(text=text, cleaned=clean(text), published=published, id=id)

    # -- display ---------------------------------------------------------------------
    def __repr__(self) -> str:
        head = self.text[:_REPR_CHARS]
        more = "…" if len(self.text) > _REPR_CHARS else ""
        parts = [] if self.id is None else [f"id={self.id!r}"]
        parts.append(f"text={head!r}{more} ({len(self.text)} chars)")
        parts += [
            f"sentences={len(self.sentences)}",
            f"entities={len(self.entities)}",
            f"events={len(self.events)}",
            f"quotes={len(self.quotes)}",
        ]
        if self.published is not None:
            parts.append(f"published={self.published.isoformat()}")
        return f"Document({', '.join(parts)})"

    def _repr_html_(self) -> str:
        """The HTML view Jupyter shows: :func:`arabnews.render`, up to 100,000 characters."""
        from arabnews.rendering import NOTEBOOK_MAX_CHARS, render

        return render(self, max_chars=NOTEBOOK_MAX_CHARS)

    # -- walking ---------------------------------------------------------------------
    def iter_spans(self) -> Iterator[tuple[str, Any]]:
        """Yield ``(path, obj)`` for every object with ``start``/``end`` in the document.

        The path names where the object sits (``"events[0].trigger"``). Every such
        object indexes :attr:`Document.text`; those with a ``text`` field satisfy
        ``document.text[obj.start:obj.end] == obj.text``.
        """
        cleaned = self.cleaned
        for name in ("removed", "articles"):
            yield from _spans_in(f"cleaned.{name}", getattr(cleaned, name, ()))
        for name in ("sentences", "entities", "events", "quotes"):
            yield from _spans_in(name, getattr(self, name))

    # -- serialisation ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict carrying :data:`~arabnews.serialization.SCHEMA`.

        The keys are ``schema``, ``id`` (only when set), ``text``, ``published``,
        ``cleaned``, ``sentences``, ``entities``, ``events`` and ``quotes``; see
        :mod:`arabnews.serialization`.
        """
        return document_to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Rebuild a document written by :meth:`to_dict` (same schema major version).

        The input is validated as the constructors would and more (offsets inside the
        text, each ``text`` equal to its slice, ``"@type"`` tags, list fields, the
        alignment): see :func:`arabnews.serialization.document_from_dict`.

        Raises:
            TypeError: *data* is not a mapping.
            ValueError: (:class:`~arabnews.serialization.DocumentFormatError`) an
                inconsistent document; the message names the field.
        """
        return document_from_dict(data)

    def to_json(self, *, indent: int | None = None) -> str:
        """One JSON text (UTF-8 safe: lone surrogates are written as ``\\u`` escapes)."""
        return escape_lone_surrogates(json.dumps(self.to_dict(), ensure_ascii=False, indent=indent))

    @classmethod
    def from_json(cls, text: str) -> Document:
        """Inverse of :meth:`to_json`."""
        return cls.from_dict(json.loads(text))

    # -- tables ----------------------------------------------------------------------
    def entities_frame(self) -> pandas.DataFrame:
        """Entities as a :class:`pandas.DataFrame`, one row each (needs pandas).

        Columns: :data:`arabnews.tables.ENTITY_COLUMNS`; ``doc_id`` is :attr:`id`.
        """
        from arabnews.tables import entities_frame

        return entities_frame([self], what="entities_frame")

    def events_frame(self) -> pandas.DataFrame:
        """Events as a :class:`pandas.DataFrame`, one row each (needs pandas).

        Columns: :data:`arabnews.tables.EVENT_COLUMNS`, the same whether or not there
        are events; lists of mentions are joined with ``" | "``.
        """
        from arabnews.tables import events_frame

        return events_frame([self], what="events_frame")

    def quotes_frame(self) -> pandas.DataFrame:
        """Quotes as a :class:`pandas.DataFrame`, one row each, with the quote's text.

        Columns: :data:`arabnews.tables.QUOTE_COLUMNS` (needs pandas).
        """
        from arabnews.tables import quotes_frame

        return quotes_frame([self], what="quotes_frame")

    def to_pandas(self) -> dict[str, pandas.DataFrame]:
        """``{"entities": ..., "events": ..., "quotes": ...}`` data frames."""
        return {
            "entities": self.entities_frame(),
            "events": self.events_frame(),
            "quotes": self.quotes_frame(),
        }
