"""Publication dates as every ``published=`` argument accepts them.

>>> from arabnews.dates import parse_published
>>> parse_published("2023-09-17")
datetime.date(2023, 9, 17)
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

__all__ = ["parse_published"]


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
