"""Serialisation of documents: a generic, exact JSON encoding of attrs value classes.

Every attrs value class reachable from a document (``Entity``, ``Event``, ``Quote``,
``Quantity``, ``TimeExpression``, ``Sentence``, ``Dateline``, ``Removal``, ``Article``,
``Mention``, ``Span`` and whatever a later version adds) is written as a JSON object tagged
with its type name (``"@type"``) and read back through a small registry of those names, by
attrs introspection. A new field in any of those classes therefore serialises without a
change here. Strings with unpaired surrogates round-trip exactly.

:meth:`arabnews.Document.to_dict` and :meth:`arabnews.Document.from_dict` are built on
:func:`encode_value` and :func:`decode_value`; :func:`document_from_dict` also checks that
what it reads is a consistent document (offsets in range, texts equal to their slices,
types, alignment lengths) and names the offending field when it is not.

>>> from arabnews.serialization import decode_value, encode_value
>>> decode_value(encode_value([1, (2, 3)]))
[1, (2, 3)]
"""

from __future__ import annotations

import datetime as _dt
import functools
import importlib
import re
from array import array
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from arabnews.alignment import Alignment

if TYPE_CHECKING:
    from arabnews.document import Document

__all__ = [
    "SCHEMA",
    "DocumentFormatError",
    "decode_value",
    "document_from_dict",
    "document_to_dict",
    "encode_value",
    "register_type",
]

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


class DocumentFormatError(ValueError):
    """A serialised document that cannot be read; the message names the field."""


def decode_value(data: Any) -> Any:
    """Inverse of :func:`encode_value`: JSON lists come back as tuples.

    Raises:
        ValueError: an unknown type tag, an unknown field, or a value that the class
            rejects; the message names where in *data* the problem is.
    """
    return _decode(data, "")


def _where(path: str) -> str:
    return f"{path}: " if path else ""


def _decode(data: Any, path: str) -> Any:
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return tuple(_decode(v, f"{path}[{i}]") for i, v in enumerate(data))
    if not isinstance(data, dict):
        raise TypeError(f"{_where(path)}cannot decode a {type(data).__name__} value")
    tag = data.get(_TYPE)
    if tag is None:
        return {k: _decode(v, f"{path}.{k}" if path else k) for k, v in data.items()}
    if not isinstance(tag, str):
        raise ValueError(f"{_where(path)}bad type tag {tag!r}")
    special = _SPECIAL_DECODERS.get(tag)
    if special is not None:
        try:
            return special(data)
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            raise DocumentFormatError(f"{_where(path)}malformed {tag}: {exc}") from None
    try:
        cls = _lookup_type(tag)
    except ValueError as exc:
        raise DocumentFormatError(f"{_where(path)}{exc}") from None
    fields = _init_fields(cls)
    kwargs: dict[str, Any] = {}
    for key, raw in data.items():
        if key == _TYPE:
            continue
        field = fields.get(key)
        if field is None:
            raise DocumentFormatError(
                f"{_where(path)}{tag} has no field {key!r} (written by a newer arabnews?)"
            )
        here = f"{path}.{key}" if path else key
        if isinstance(raw, dict) and _TYPE not in raw and not _is_mapping_field(field):
            raise DocumentFormatError(f"{here}: an object without '{_TYPE}'")
        kwargs[key] = _decode(raw, here)
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise DocumentFormatError(f"{_where(path)}invalid {tag}: {exc}") from None


@functools.cache
def _init_fields(cls: type) -> dict[str, Any]:
    return {f.alias: f for f in attrs.fields(cls) if f.init}


@functools.cache
def _mapping_kind(kind: str) -> bool:
    kind = kind.lower()
    return "dict" in kind or "mapping" in kind or kind in ("any", "typing.any")


def _is_mapping_field(field: Any) -> bool:
    return _mapping_kind(str(field.type))


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


def escape_lone_surrogates(s: str) -> str:
    # json.dumps(ensure_ascii=False) leaves lone surrogates raw, which no UTF-8 stream can
    # write; inside JSON they can only occur in string literals, so escaping them there is
    # valid JSON that decodes to the same code point.
    if not _maybe_surrogates(s):
        return s
    return "".join(f"\\u{ord(ch):04x}" if "\ud800" <= ch <= "\udfff" else ch for ch in s)


# -- whole documents ----------------------------------------------------------------------

_LIST_FIELDS = ("sentences", "entities", "events", "quotes")


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The JSON-compatible dict that :meth:`arabnews.Document.to_dict` returns."""
    cleaned = encode_value(doc.cleaned)
    if isinstance(cleaned, dict) and cleaned.get("original") == encode_value(doc.text):
        del cleaned["original"]  # the same string as "text"; restored on reading
    out: dict[str, Any] = {"schema": SCHEMA}
    if doc.id is not None:
        out["id"] = doc.id
    out.update(
        {
            "text": encode_value(doc.text),
            "published": None if doc.published is None else doc.published.isoformat(),
            "cleaned": cleaned,
            "sentences": encode_value(doc.sentences),
            "entities": encode_value(doc.entities),
            "events": encode_value(doc.events),
            "quotes": encode_value(doc.quotes),
        }
    )
    return out


def document_from_dict(data: Mapping[str, Any]) -> Document:
    """Rebuild and validate a document written by :func:`document_to_dict`.

    Everything the constructors would check is checked, and more: the schema, the
    ``"@type"`` of every object, field types, that every offset lies inside the text,
    that every ``text`` field equals its slice of the text, that ``entities`` (and the
    other lists) are lists of the right types, and that the cleaner's alignment covers
    exactly the original and the cleaned text.

    Raises:
        TypeError: *data* is not a mapping.
        DocumentFormatError: (a ``ValueError``) anything inconsistent; the message
            starts with the field, such as ``entities[3].end``.
    """
    from arabnews.clean import CleanedText
    from arabnews.document import Document
    from arabnews.sentences import Sentence
    from arabnews.spans import Entity

    if not isinstance(data, Mapping):
        raise TypeError(f"data must be a mapping, not {type(data).__name__}")
    schema = data.get("schema")
    if schema != SCHEMA:
        if isinstance(schema, str) and schema.startswith(_SCHEMA_PREFIX):
            raise DocumentFormatError(
                f"unsupported document schema {schema!r} (this arabnews reads {SCHEMA!r})"
            )
        raise DocumentFormatError(f"not a serialised arabnews document (schema={schema!r})")
    unknown = set(data) - {"schema", "id", "text", "published", "cleaned", *_LIST_FIELDS}
    if unknown:
        raise DocumentFormatError(f"{sorted(unknown)[0]}: not a document field")
    if "text" not in data:
        raise DocumentFormatError("text: missing")
    text = _decode(data["text"], "text")
    if not isinstance(text, str):
        raise DocumentFormatError(f"text: must be a string, not {type(text).__name__}")
    doc_id = data.get("id")
    if doc_id is not None and not isinstance(doc_id, str):
        raise DocumentFormatError(f"id: must be a string or null, not {type(doc_id).__name__}")
    published = data.get("published")
    if published is not None:
        if not isinstance(published, str):
            raise DocumentFormatError("published: must be an ISO date string or null")
        try:
            published = _dt.date.fromisoformat(published)
        except ValueError:
            raise DocumentFormatError(f"published: not an ISO date: {published!r}") from None

    raw_cleaned = data.get("cleaned")
    if not isinstance(raw_cleaned, Mapping):
        raise DocumentFormatError("cleaned: missing or not an object")
    if raw_cleaned.get(_TYPE) is None:
        raise DocumentFormatError(f"cleaned: missing '{_TYPE}'")
    cleaned_data = dict(raw_cleaned)
    cleaned_data.setdefault("original", data["text"])
    cleaned = _decode(cleaned_data, "cleaned")
    if not isinstance(cleaned, CleanedText):
        raise DocumentFormatError(f"cleaned: must be a CleanedText, not {type(cleaned).__name__}")
    if cleaned.original != text:
        raise DocumentFormatError("cleaned.original: differs from text")
    _check_alignment(cleaned)

    lists: dict[str, tuple[Any, ...]] = {}
    expected: dict[str, type | None] = {
        "sentences": Sentence,
        "entities": Entity,
        "events": None,
        "quotes": None,
    }
    for name in _LIST_FIELDS:
        raw = data.get(name, [])
        if not isinstance(raw, list):
            raise DocumentFormatError(f"{name}: must be a list, not {type(raw).__name__}")
        items = []
        for i, item in enumerate(raw):
            where = f"{name}[{i}]"
            if not isinstance(item, dict) or _TYPE not in item:
                raise DocumentFormatError(f"{where}: must be an object with '{_TYPE}'")
            value = _decode(item, where)
            want = expected[name]
            if want is not None and not isinstance(value, want):
                raise DocumentFormatError(
                    f"{where}: must be a {want.__name__}, not {type(value).__name__}"
                )
            if want is None and not attrs.has(type(value)):
                raise DocumentFormatError(f"{where}: must be an attrs value object")
            items.append(value)
        lists[name] = tuple(items)

    doc = Document(
        text=text,
        cleaned=cleaned,
        sentences=lists["sentences"],
        entities=lists["entities"],
        events=lists["events"],
        quotes=lists["quotes"],
        published=published,
        id=doc_id,
    )
    _check_spans(doc)
    return doc


def _check_alignment(cleaned: Any) -> None:
    alignment = cleaned.alignment
    if not isinstance(alignment, Alignment):
        raise DocumentFormatError("cleaned.alignment: must be an Alignment")
    if alignment.original_length != len(cleaned.original):
        raise DocumentFormatError(
            f"cleaned.alignment: covers {alignment.original_length} original characters, "
            f"the text has {len(cleaned.original)}"
        )
    if alignment.cleaned_length != len(cleaned.text):
        raise DocumentFormatError(
            f"cleaned.alignment: covers {alignment.cleaned_length} cleaned characters, "
            f"the cleaned text has {len(cleaned.text)}"
        )
    c, o, _eq = alignment.breakpoints()
    if c[0] != 0 or o[0] != 0 or any(c[i] > c[i + 1] or o[i] > o[i + 1] for i in range(len(c) - 1)):
        raise DocumentFormatError("cleaned.alignment: breakpoints must start at 0 and increase")
    for cs, ce, os_, oe, equal in alignment.segments():
        if equal and cleaned.text[cs:ce] != cleaned.original[os_:oe]:
            raise DocumentFormatError(
                f"cleaned.alignment: unchanged segment {os_}-{oe} differs from the cleaned "
                f"text at {cs}-{ce}"
            )


def _check_spans(doc: Document) -> None:
    n = len(doc.text)
    for path, obj in doc.iter_spans():
        start, end = obj.start, obj.end
        for name, value in (("start", start), ("end", end)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise DocumentFormatError(
                    f"{path}.{name}: must be an int, not {type(value).__name__}"
                )
        if not 0 <= start <= end <= n:
            raise DocumentFormatError(
                f"{path}: span {start}-{end} outside the text (0-{n}) or reversed"
            )
        text = getattr(obj, "text", None)
        if text is not None and not path.startswith("cleaned.articles"):
            if not isinstance(text, str):
                raise DocumentFormatError(f"{path}.text: must be a string")
            if doc.text[start:end] != text:
                raise DocumentFormatError(
                    f"{path}.text: {text[:40]!r} is not the text at {start}-{end} "
                    f"({doc.text[start:end][:40]!r})"
                )
