"""The cleaner: normalise Arabic news text, drop site boilerplate, keep offsets.

>>> from arabnews import Span
>>> from arabnews.clean import clean
>>> c = clean("فی بـوتـين")
>>> c.text, c.span_to_original(Span(3, 8))
('في بوتين', Span(start=3, end=10))

See :doc:`/cleaning` for the steps, the boilerplate table and the alignment.
"""

from __future__ import annotations

import sys
from types import ModuleType

from arabnews.clean.cleaner import clean, normalize, split_articles
from arabnews.clean.types import (
    BOILERPLATE_KINDS,
    CHARACTER_STEPS,
    FOLD_STEPS,
    Article,
    CleanConfig,
    CleanedText,
    Removal,
)

__all__ = [
    "BOILERPLATE_KINDS",
    "CHARACTER_STEPS",
    "FOLD_STEPS",
    "Article",
    "CleanConfig",
    "CleanedText",
    "Removal",
    "clean",
    "normalize",
    "split_articles",
]


class _CallableModule(ModuleType):
    """``arabnews.clean`` is both this package and the function :func:`clean`.

    Once the package is imported, Python binds ``arabnews.clean`` to the package, which
    would hide the function; making the package callable keeps ``arabnews.clean(text)``
    working whatever was imported first.
    """

    def __call__(self, text: str, *, config: CleanConfig | None = None) -> CleanedText:
        return clean(text, config=config)


sys.modules[__name__].__class__ = _CallableModule
