"""The :class:`Document`: everything the pipeline found in one text, and its serialisation.

A :class:`Document` keeps the caller's original text and every result in **original
offsets**: ``document.text[x.start:x.end] == x.text`` for every sentence, entity, event
trigger, argument, quote and removal it holds (:meth:`Document.iter_spans` walks them all).

Serialisation is generic: every attrs value class reachable from a document (``Entity``,
``Event``, ``Quote``, ``Quantity``, ``TimeExpression``, ``Sentence``, ``Dateline``,
``Removal``, ``Article``, ``Mention``, ``Span`` and whatever a later version adds) is
written as a JSON object tagged with its type name (``"@type"``) and read back through a
small registry of those names, by attrs introspection. A new field in any of those classes
therefore serialises without a change here. ``to_dict`` / ``from_dict`` and ``to_json`` /
``from_json`` round-trip exactly, including texts with unpaired surrogates.

>>> from arabnews.document import Document
>>> doc = Document.empty("")
>>> Document.from_json(doc.to_json()) == doc
True
>>> doc.to_dict()["schema"]
'arabnews.document/1'
"""

from __future__ import annotations

import datetime as _dt
import functools
import importlib
import json
import re
from array import array
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from arabnews.alignment import Alignment

if TYPE_CHECKING:
    import pandas

    from arabnews.clean import CleanedText
    from arabnews.events import Event, Quote
    from arabnews.sentences import Sentence
    from arabnews.spans import Entity

__all__ = ["SCHEMA", "Document", "decode_value", "encode_value", "parse_published", "register_type"]

SCHEMA = "arabnews.document/1"
"""Schema version written by :meth:`Document.to_dict`; bumped when the layout changes."""

_SCHEMA_PREFIX = "arabnews.document/"
_TYPE = "@type"

# Modules whose attrs classes are registered by their short name.
_TYPE_MODULES = (
    "arabnews.spans",
    "arabnews.clean",
    "arabnews.sentences",
    "arabnews.tokens",
    "arabnews.names",
    "arabnews.ner",
    "arabnews.events",
)

_EXTRA_TYPES: dict[str, type] = {}


def register_type(cls: type, name: str | None = None) -> type:
    """Register an attrs class so that documents holding it serialise under *name*.

    Classes defined in ``arabnews`` register themselves automatically; this is for
    user-defined stages that put their own attrs objects into a document.
    """
    if not attrs.has(cls):
        raise TypeError(f"{cls!r} is not an attrs class")
    _EXTRA_TYPES[name or cls.__name__] = cls
    _registry.cache_clear()
    return cls


@functools.cache
def _registry() -> tuple[dict[str, type], dict[type, str]]:
    by_name: dict[str, type] = {}
    for module_name in _TYPE_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:  # a stage that is not installed contributes no types
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and attrs.has(value)
                and value.__module__.startswith("arabnews")
                and value.__name__ not in by_name
            ):
                by_name[value.__name__] = value
    by_name.update(_EXTRA_TYPES)
    return by_name, {cls: name for name, cls in by_name.items()}


def _type_name(cls: type) -> str:
    _, by_cls = _registry()
    name = by_cls.get(cls)
    if name is None:  # an arabnews class not re-exported by its package: full path
        name = f"{cls.__module__}:{cls.__qualname__}"
    return name


def _lookup_type(name: str) -> type:
    by_name, _ = _registry()
    cls = by_name.get(name)
    if cls is not None:
        return cls
    module_name, sep, qualname = name.partition(":")
    # Only arabnews modules are imported from a type tag: a JSON file must not be able
    # to import arbitrary code.
    if sep and (module_name == "arabnews" or module_name.startswith("arabnews.")):
        try:
            obj: Any = importlib.import_module(module_name)
            for part in qualname.split("."):
                obj = getattr(obj, part)
        except (ImportError, AttributeError):
            obj = None
        if isinstance(obj, type) and attrs.has(obj):
            return obj
    raise ValueError(f"unknown type {name!r} in serialised document")


# -- strings: JSON merges an escaped surrogate pair into one character ------------------


@functools.cache
def _surrogate_pair() -> re.Pattern[str]:
    return re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _has_surrogate_pair(s: str) -> bool:
    return _surrogate_pair().search(s) is not None


def _split_surrogate_pairs(s: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in _surrogate_pair().finditer(s):
        parts.append(s[start : match.start() + 1])
        start = match.start() + 1
    parts.append(s[start:])
    return parts


def _maybe_surrogates(s: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in s)


# -- generic encoder / decoder -----------------------------------------------------------


def encode_value(value: Any) -> Any:
    """Turn *value* (attrs objects, tuples, dates, ...) into JSON-compatible data.

    attrs instances become objects tagged with ``"@type"``; tuples become lists; lists,
    dicts with non-string keys, dates and :class:`~arabnews.alignment.Alignment` objects
    are tagged so that :func:`decode_value` restores them exactly.
    """
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        if not value.isascii() and _maybe_surrogates(value) and _has_surrogate_pair(value):
            return {_TYPE: "str", "parts": _split_surrogate_pairs(value)}
        return value
    if isinstance(value, tuple):
        return [encode_value(v) for v in value]
    if isinstance(value, list):
        return {_TYPE: "list", "items": [encode_value(v) for v in value]}
    if isinstance(value, frozenset):
        return {_TYPE: "frozenset", "items": [encode_value(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value) and _TYPE not in value:
            return {k: encode_value(v) for k, v in value.items()}
        return {
            _TYPE: "dict",
            "items": [[encode_value(k), encode_value(v)] for k, v in value.items()],
        }
    if isinstance(value, _dt.datetime):
        return {_TYPE: "datetime", "value": value.isoformat()}
    if isinstance(value, _dt.date):
        return {_TYPE: "date", "value": value.isoformat()}
    if isinstance(value, Alignment):
        c: list[int] = []
        o: list[int] = []
        eq: list[int] = []
        for cs, _ce, os_, _oe, equal in value.segments():
            c.append(cs)
            o.append(os_)
            eq.append(int(equal))
        c.append(value.cleaned_length)
        o.append(value.original_length)
        return {_TYPE: "Alignment", "c": c, "o": o, "eq": eq}
    cls = type(value)
    if attrs.has(cls):
        out: dict[str, Any] = {_TYPE: _type_name(cls)}
        for field in attrs.fields(cls):
            if field.init:
                out[field.alias] = encode_value(getattr(value, field.name))
        return out
    raise TypeError(f"cannot serialise a {cls.__name__} value: {value!r:.80}")


def decode_value(data: Any) -> Any:
    """Inverse of :func:`encode_value`: JSON lists come back as tuples."""
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return tuple(decode_value(v) for v in data)
    if not isinstance(data, dict):
        raise TypeError(f"cannot decode a {type(data).__name__} value")
    tag = data.get(_TYPE)
    if tag is None:
        return {k: decode_value(v) for k, v in data.items()}
    if not isinstance(tag, str):
        raise ValueError(f"bad type tag {tag!r}")
    special = _SPECIAL_DECODERS.get(tag)
    if special is not None:
        return special(data)
    cls = _lookup_type(tag)
    fields = {f.alias: f for f in attrs.fields(cls) if f.init}
    kwargs: dict[str, Any] = {}
    for key, raw in data.items():
        if key == _TYPE:
            continue
        if key not in fields:
            raise ValueError(f"{tag} has no field {key!r} (written by a newer arabnews?)")
        kwargs[key] = decode_value(raw)
    return cls(**kwargs)


def _decode_alignment(data: dict[str, Any]) -> Alignment:
    c, o, eq = data["c"], data["o"], data["eq"]
    if not (len(c) == len(o) == len(eq) + 1):
        raise ValueError("malformed Alignment: column lengths disagree")
    return Alignment(array("q", c), array("q", o), bytes(eq))


_SPECIAL_DECODERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "str": lambda d: "".join(d["parts"]),
    "list": lambda d: [decode_value(v) for v in d["items"]],
    "frozenset": lambda d: frozenset(decode_value(v) for v in d["items"]),
    "dict": lambda d: {decode_value(k): decode_value(v) for k, v in d["items"]},
    "date": lambda d: _dt.date.fromisoformat(d["value"]),
    "datetime": lambda d: _dt.datetime.fromisoformat(d["value"]),
    "Alignment": _decode_alignment,
}


def _escape_lone_surrogates(s: str) -> str:
    # json.dumps(ensure_ascii=False) leaves lone surrogates raw, which no UTF-8 stream can
    # write; inside JSON they can only occur in string literals, so escaping them there is
    # valid JSON that decodes to the same code point.
    if not _maybe_surrogates(s):
        return s
    return "".join(f"\\u{ord(ch):04x}" if "\ud800" <= ch <= "\udfff" else ch for ch in s)


# -- published dates --------------------------------------------------------------------


def parse_published(value: Any, name: str = "published") -> _dt.date | None:
    """Validate a publication date: ``None``, a :class:`datetime.date` or an ISO string.

    A :class:`datetime.datetime` is reduced to its date. Anything else raises
    ``TypeError``; a string that is not an ISO date raises ``ValueError``.

    >>> parse_published("2023-09-17")
    datetime.date(2023, 9, 17)
    >>> parse_published(None) is None
    True
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) > 10:  # a timestamp such as 2023-09-17T10:00:00Z
                return _dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
            return _dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"{name} must be an ISO date such as 2023-09-17, got {value!r}"
            ) from None
    raise TypeError(
        f"{name} must be a datetime.date, an ISO date string or None, not {type(value).__name__}"
    )


# -- the document -----------------------------------------------------------------------


def _spans_in(path: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _spans_in(f"{path}[{i}]", item)
        return
    cls = type(value)
    if not attrs.has(cls):
        return
    names = {f.name for f in attrs.fields(cls)}
    if "start" in names and "end" in names:
        yield path, value
    for field in attrs.fields(cls):
        if field.name not in ("start", "end", "text"):
            yield from _spans_in(f"{path}.{field.name}", getattr(value, field.name))


@attrs.frozen(slots=True)
class Document:
    """One analysed text; every span is in offsets of :attr:`text`.

    Fields:

    - ``text``: the original text exactly as the caller passed it;
    - ``cleaned``: the cleaner's output (cleaned text, alignment, removals, articles);
    - ``sentences``: sentences and headlines in original offsets;
    - ``entities``: named entities in original offsets, with canonical names and ids;
    - ``events``: PLOVER events; triggers and arguments in original offsets;
    - ``quotes``: reported speech; speaker, cue and content in original offsets;
    - ``published``: the publication date used to resolve relative times, if known.
    """

    text: str
    cleaned: CleanedText
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    published: _dt.date | None = None

    @classmethod
    def empty(cls, text: str = "", *, published: _dt.date | None = None) -> Document:
        """A document with no results (what a blank text produces)."""
        from arabnews.clean import clean

        return cls(text=text, cleaned=clean(text), published=published)

    # -- walking ---------------------------------------------------------------------
    def iter_spans(self) -> Iterator[tuple[str, Any]]:
        """Yield ``(path, obj)`` for every object with ``start``/``end`` in the document.

        The path names where the object sits (``"events[0].trigger"``). Every such
        object indexes :attr:`text`; those with a ``text`` field satisfy
        ``document.text[obj.start:obj.end] == obj.text``.
        """
        cleaned = self.cleaned
        for name in ("removed", "articles"):
            yield from _spans_in(f"cleaned.{name}", getattr(cleaned, name, ()))
        for name in ("sentences", "entities", "events", "quotes"):
            yield from _spans_in(name, getattr(self, name))

    # -- serialisation ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict carrying :data:`SCHEMA`; see :meth:`from_dict`."""
        cleaned = encode_value(self.cleaned)
        if isinstance(cleaned, dict) and cleaned.get("original") == encode_value(self.text):
            del cleaned["original"]  # the same string as "text"; restored on reading
        return {
            "schema": SCHEMA,
            "text": encode_value(self.text),
            "published": None if self.published is None else self.published.isoformat(),
            "cleaned": cleaned,
            "sentences": encode_value(self.sentences),
            "entities": encode_value(self.entities),
            "events": encode_value(self.events),
            "quotes": encode_value(self.quotes),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Rebuild a document written by :meth:`to_dict` (same schema major version)."""
        if not isinstance(data, Mapping):
            raise TypeError(f"data must be a mapping, not {type(data).__name__}")
        schema = data.get("schema")
        if schema != SCHEMA:
            if isinstance(schema, str) and schema.startswith(_SCHEMA_PREFIX):
                raise ValueError(
                    f"unsupported document schema {schema!r} (this arabnews reads {SCHEMA!r})"
                )
            raise ValueError(f"not a serialised arabnews document (schema={schema!r})")
        text = decode_value(data["text"])
        if not isinstance(text, str):
            raise ValueError("document text must be a string")
        cleaned_data = dict(data["cleaned"])
        cleaned_data.setdefault("original", data["text"])
        published = data.get("published")
        return cls(
            text=text,
            cleaned=decode_value(cleaned_data),
            sentences=decode_value(data.get("sentences", [])),
            entities=decode_value(data.get("entities", [])),
            events=decode_value(data.get("events", [])),
            quotes=decode_value(data.get("quotes", [])),
            published=None if published is None else _dt.date.fromisoformat(published),
        )

    def to_json(self, *, indent: int | None = None) -> str:
        """One JSON text (UTF-8 safe: lone surrogates are written as ``\\u`` escapes)."""
        return _escape_lone_surrogates(
            json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
        )

    @classmethod
    def from_json(cls, text: str) -> Document:
        """Inverse of :meth:`to_json`."""
        return cls.from_dict(json.loads(text))

    # -- tables ----------------------------------------------------------------------
    def entities_frame(self) -> pandas.DataFrame:
        """Entities as a :class:`pandas.DataFrame`, one row each (needs pandas)."""
        pd = _pandas("entities_frame")
        rows = [_flatten_row(e) for e in self.entities]
        return pd.DataFrame(rows, columns=_columns(rows, _field_names("Entity")))

    def events_frame(self) -> pandas.DataFrame:
        """Events as a :class:`pandas.DataFrame`, one row each (needs pandas).

        Nested mentions become ``<field>``, ``<field>_start``, ``<field>_end`` columns
        (and ``<field>_canonical``/``<field>_entity_id`` when present); tuples of
        mentions become tuples of their texts.
        """
        pd = _pandas("events_frame")
        rows = [_flatten_row(e) for e in self.events]
        return pd.DataFrame(rows, columns=_columns(rows, _field_names("Event")))

    def quotes_frame(self) -> pandas.DataFrame:
        """Quotes as a :class:`pandas.DataFrame`, one row each (needs pandas)."""
        pd = _pandas("quotes_frame")
        rows = [_flatten_row(q) for q in self.quotes]
        return pd.DataFrame(rows, columns=_columns(rows, _field_names("Quote")))

    def to_pandas(self) -> dict[str, pandas.DataFrame]:
        """``{"entities": ..., "events": ..., "quotes": ...}`` data frames."""
        return {
            "entities": self.entities_frame(),
            "events": self.events_frame(),
            "quotes": self.quotes_frame(),
        }


def _pandas(what: str) -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(
            f"Document.{what}() needs pandas; install it with: pip install 'arabnews[pandas]'"
        ) from None
    return pd


def _field_names(type_name: str) -> list[str]:
    cls = _registry()[0].get(type_name)
    return [] if cls is None else [f.name for f in attrs.fields(cls)]


def _columns(rows: list[dict[str, Any]], preferred: list[str]) -> list[str]:
    seen = dict.fromkeys(name for name in preferred if not rows or name in rows[0])
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _label(value: Any) -> Any:
    if attrs.has(type(value)):
        text = getattr(value, "text", None)
        if isinstance(text, str):
            return text
        if hasattr(value, "start") and hasattr(value, "end"):
            return (value.start, value.end)
        return repr(value)
    return value


def _flatten_into(row: dict[str, Any], prefix: str, value: Any) -> None:
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            name = field.name
            key = prefix if name == "text" and prefix else f"{prefix}_{name}" if prefix else name
            _flatten_into(row, key, getattr(value, name))
    elif isinstance(value, tuple):
        row[prefix] = tuple(_label(v) for v in value)
        if value and all(attrs.has(type(v)) and hasattr(v, "canonical") for v in value):
            row[f"{prefix}_canonical"] = tuple(v.canonical for v in value)
    else:
        row[prefix] = value


def _flatten_row(obj: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    _flatten_into(row, "", obj)
    return row
