"""Argument validation shared by the public functions (kept at the boundary)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

__all__ = ["accepts_keyword", "require_str"]


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
