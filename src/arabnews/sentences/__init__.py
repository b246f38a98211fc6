"""Sentence splitting with wire datelines, in original offsets.

>>> from arabnews.sentences import split_sentences
>>> [s.text for s in split_sentences("وصل الوفد إلى القاهرة. وبدأت المحادثات.")]
['وصل الوفد إلى القاهرة.', 'وبدأت المحادثات.']
"""

from __future__ import annotations

from arabnews.sentences._evaluate import BoundaryScore, boundary_offsets, score_boundaries
from arabnews.sentences._splitter import split_sentences
from arabnews.sentences._types import SENTENCE_KINDS, Dateline, Sentence

__all__ = [
    "SENTENCE_KINDS",
    "BoundaryScore",
    "Dateline",
    "Sentence",
    "boundary_offsets",
    "score_boundaries",
    "split_sentences",
]
