"""Hypothesis strategies for testing code that consumes arabnews, and arabnews itself.

Install hypothesis (``pip install hypothesis``; it is in the ``dev`` extra). Strategies:

- :mod:`arabnews.testing.documents`: :func:`arabic_sentences`, :func:`news_pages`,
  :func:`entity_names`, :func:`documents` (analysed :class:`~arabnews.Document` objects).
- :mod:`arabnews.testing.text`: Arabic letters, words and text with the characters the
  cleaner handles (diacritics, tatweel, bidi marks), boilerplate lines, any Unicode.
- :mod:`arabnews.testing.names`: names and their spelling variants.

See :doc:`/testing` for a walk-through.
"""

from __future__ import annotations

import importlib
from typing import Any

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "arabnews.testing needs hypothesis: pip install hypothesis (or arabnews[dev])"
    ) from exc

from arabnews.testing.documents import (
    arabic_sentences,
    documents,
    entity_names,
    news_pages,
    vocabulary,
)

# The cleaner's character-level strategies. Its simpler page strategy stays available as
# arabnews.testing.text.news_pages; news_pages here is the documents module's (a superset:
# datelines, quotes, names, decorations, hostile characters).
from arabnews.testing.text import (
    any_unicode,
    arabic_letters,
    arabic_text,
    arabic_words,
    boilerplate_lines,
    diacritic_marks,
    invisible_marks,
    news_pages_with_boilerplate,
)

__all__ = [
    "any_unicode",
    "arabic_letters",
    "arabic_sentences",
    "arabic_text",
    "arabic_words",
    "boilerplate_lines",
    "diacritic_marks",
    "documents",
    "entity_names",
    "invisible_marks",
    "news_pages",
    "news_pages_with_boilerplate",
    "vocabulary",
]

# The names helper's strategies, looked up on first use while that module is not there.
_HELPER_MODULES = ("arabnews.testing.names",)


def __getattr__(name: str) -> Any:
    for module_name in _HELPER_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            globals()[name] = value
            return value
    raise AttributeError(f"module 'arabnews.testing' has no attribute {name!r}")
