"""Named-entity recognition: a Stanza model shipped with arabnews, a gazetteer, and both.

>>> from arabnews.ner import GazetteerRecognizer
>>> from types import SimpleNamespace as Entry
>>> names = [Entry(id="Q212", canonical="أوكرانيا", label="LOC", variants=("اوكرانيا",))]
>>> [(e.text, e.label) for e in GazetteerRecognizer(names).recognize("زار اوكرانيا وأوكرانيا")]
[('اوكرانيا', 'LOC'), ('أوكرانيا', 'LOC')]

Importing this package imports neither stanza nor torch; they load when a
:class:`StanzaRecognizer` tags its first text.
"""

from __future__ import annotations

from arabnews.ner.api import (
    default_recognizer,
    keep_scored,
    listed_score,
    recognize,
    refine_entities,
    resolve_entities,
    trim_clitics,
    trim_titles,
)
from arabnews.ner.base import Recognizer, bioes_spans, name_key
from arabnews.ner.clitics import proclitic_length, trim_entity, widen_to_words
from arabnews.ner.combine import CombinedRecognizer, merge_entities
from arabnews.ner.gazetteer import GazetteerRecognizer
from arabnews.ner.loading import ModelFiles, check_model_files, shipped_model_dir
from arabnews.ner.stanza_backend import StanzaRecognizer, entities_from_stanza

__all__ = [
    "CombinedRecognizer",
    "GazetteerRecognizer",
    "ModelFiles",
    "Recognizer",
    "StanzaRecognizer",
    "bioes_spans",
    "check_model_files",
    "default_recognizer",
    "entities_from_stanza",
    "keep_scored",
    "listed_score",
    "merge_entities",
    "name_key",
    "proclitic_length",
    "recognize",
    "refine_entities",
    "resolve_entities",
    "shipped_model_dir",
    "trim_clitics",
    "trim_entity",
    "trim_titles",
    "widen_to_words",
]
