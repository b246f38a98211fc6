"""Argument validation shared by the public functions (kept at the boundary)."""

from __future__ import annotations

from typing import Any

__all__ = ["require_str"]


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
