"""arabnews: structured facts from raw Arabic news text.

Everything public is importable from here. Submodules are imported on first use, so
``import arabnews`` stays fast and never imports torch or stanza (those load the first
time named-entity recognition runs).

>>> import arabnews
>>> arabnews.Span(0, 4).overlaps(arabnews.Span(3, 5))
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0.dev0"

# public name -> submodule that defines it
_EXPORTS: dict[str, str] = {
    # shared value types and errors
    "Span": "arabnews.spans",
    "Mention": "arabnews.spans",
    "Entity": "arabnews.spans",
    "ArabnewsError": "arabnews.errors",
    "ModelNotAvailableError": "arabnews.errors",
    "SkippedDocument": "arabnews.errors",
    "DocumentSkippedWarning": "arabnews.errors",
    "DocumentTimeoutError": "arabnews.errors",
    "Alignment": "arabnews.alignment",
    # cleaning
    "clean": "arabnews.clean",
    "normalize": "arabnews.clean",
    "CleanConfig": "arabnews.clean",
    "CleanedText": "arabnews.clean",
    "Removal": "arabnews.clean",
    "Article": "arabnews.clean",
    "split_articles": "arabnews.clean",
    # sentences and tokens
    "split_sentences": "arabnews.sentences",
    "Sentence": "arabnews.sentences",
    "Dateline": "arabnews.sentences",
    "tokenize": "arabnews.tokens",
    "Token": "arabnews.tokens",
    # names
    "same_name": "arabnews.names",
    "similarity": "arabnews.names",
    "NameResolver": "arabnews.names",
    "Gazetteer": "arabnews.names",
    "GazetteerEntry": "arabnews.names",
    # named entities
    "recognize": "arabnews.ner",
    "Recognizer": "arabnews.ner",
    "StanzaRecognizer": "arabnews.ner",
    "GazetteerRecognizer": "arabnews.ner",
    "CombinedRecognizer": "arabnews.ner",
    # events and quotes
    "extract_events": "arabnews.events",
    "extract_quotes": "arabnews.events",
    "Event": "arabnews.events",
    "Quote": "arabnews.events",
    "Quantity": "arabnews.events",
    "TimeExpression": "arabnews.events",
    # documents and the pipeline
    "Document": "arabnews.document",
    "analyze": "arabnews.pipeline",
    "Pipeline": "arabnews.pipeline",
    "Component": "arabnews.pipeline",
    # views: HTML and pandas tables
    "render": "arabnews.rendering",
    "frames": "arabnews.tables",
}

__all__ = [
    "Alignment",
    "ArabnewsError",
    "Article",
    "CleanConfig",
    "CleanedText",
    "CombinedRecognizer",
    "Component",
    "Dateline",
    "Document",
    "DocumentSkippedWarning",
    "DocumentTimeoutError",
    "Entity",
    "Event",
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerRecognizer",
    "Mention",
    "ModelNotAvailableError",
    "NameResolver",
    "Pipeline",
    "Quantity",
    "Quote",
    "Recognizer",
    "Removal",
    "Sentence",
    "SkippedDocument",
    "Span",
    "StanzaRecognizer",
    "TimeExpression",
    "Token",
    "__version__",
    "analyze",
    "clean",
    "extract_events",
    "extract_quotes",
    "frames",
    "normalize",
    "recognize",
    "render",
    "same_name",
    "similarity",
    "split_articles",
    "split_sentences",
    "tokenize",
]

if TYPE_CHECKING:
    from arabnews.alignment import Alignment
    from arabnews.clean import (
        Article,
        CleanConfig,
        CleanedText,
        Removal,
        clean,
        normalize,
        split_articles,
    )
    from arabnews.document import Document
    from arabnews.errors import (
        ArabnewsError,
        DocumentSkippedWarning,
        DocumentTimeoutError,
        ModelNotAvailableError,
        SkippedDocument,
    )
    from arabnews.events import (
        Event,
        Quantity,
        Quote,
        TimeExpression,
        extract_events,
        extract_quotes,
    )
    from arabnews.names import Gazetteer, GazetteerEntry, NameResolver, same_name, similarity
    from arabnews.ner import (
        CombinedRecognizer,
        GazetteerRecognizer,
        Recognizer,
        StanzaRecognizer,
        recognize,
    )
    from arabnews.pipeline import Component, Pipeline, analyze
    from arabnews.rendering import render
    from arabnews.sentences import Dateline, Sentence, split_sentences
    from arabnews.spans import Entity, Mention, Span
    from arabnews.tables import frames
    from arabnews.tokens import Token, tokenize


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'arabnews' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
