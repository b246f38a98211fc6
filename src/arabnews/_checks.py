"""Argument validation shared by the public functions (kept at the boundary)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["accepts_keyword", "check_threshold", "require_str"]


def require_str(value: Any, name: str) -> str:
    """Return *value* if it is a ``str``; raise ``TypeError`` naming *name* otherwise.

    Bytes are rejected rather than decoded: guessing an encoding silently is how
    mojibake gets into a corpus.
    """
    if isinstance(value, str):
        return value
    hint = ""
    if isinstance(value, bytes | bytearray):
        hint = " (decode bytes first, e.g. data.decode('utf-8'))"
    raise TypeError(f"{name} must be str, not {type(value).__name__}{hint}")


def check_threshold(value: float | None, name: str) -> float | None:
    """*value* as a float in 0..1, ``None`` kept: a score threshold (events, entities).

    Raises ``TypeError`` for anything but a real number (a bool is not one) and ``ValueError``
    outside 0..1.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be between 0 and 1, got {value!r}")
    return float(value)


def accepts_keyword(func: Callable[..., Any], name: str) -> bool:
    """Whether *func* can be called with the keyword argument *name* (or takes ``**kwargs``).

    Used once per stage, so that data a stage did not ask for is never passed to it (a callable
    written for an older signature keeps working).
    """
    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):  # a builtin without a signature: pass nothing extra
        return False
    return any(
        p.kind is inspect.Parameter.VAR_KEYWORD
        or (
            p.name == name
            and p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        )
        for p in params
    )


def check_pieces(items: object, text: str, kind: type[Any], name: str) -> tuple[Any, ...]:
    """*items* as a tuple of *kind* objects (``start``, ``end``, ``text``) of *text*: in text
    order, disjoint, inside the text and ``text[start:end] == item.text`` (one linear pass),
    for stage outputs handed on by a caller (sentences, tokens of another text are an error).
    """
    what = kind.__name__
    if isinstance(items, str | bytes) or not isinstance(items, Sequence):
        raise TypeError(f"{name} must be a sequence of {what}, not {type(items).__name__}")
    out = tuple(items)
    last = 0
    for i, item in enumerate(out):
        if not isinstance(item, kind):
            raise TypeError(f"{name}[{i}] must be a {what}, not {type(item).__name__}")
        if not last <= item.start <= item.end <= len(text):
            raise ValueError(
                f"{name}[{i}] ({item.start}, {item.end}) is out of order, overlaps the one "
                f"before or lies outside the text (length {len(text)})"
            )
        if text[item.start : item.end] != item.text:
            raise ValueError(f"{name}[{i}] does not match the text at its offsets")
        last = item.end
    return out
