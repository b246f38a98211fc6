"""Name variants: match, cluster and canonicalise foreign names written in Arabic.

Arabic news spells the same foreign name many ways (زيلينسكي / زيلنسكي, البنتاجون /
البنتاغون, Zelensky). This package normalises names, compares them with a weighted edit
distance over letter-equivalence classes (:func:`same_name`, :func:`similarity`), clusters
the mentions of a corpus (:class:`NameResolver`) and knows the names that dominate the news
(:class:`Gazetteer`).

>>> from arabnews.names import same_name
>>> same_name("البنتاجون", "البنتاغون")
True
"""

from __future__ import annotations

from arabnews.names._keys import (
    NameKey,
    TokenKey,
    blocking_keys,
    name_key,
    normalize_name,
    skeleton,
    surface_form,
    to_arabic,
    to_latin,
    transliterate,
    word_of_its_own,
)
from arabnews.names._match import (
    CostModel,
    Matcher,
    NameMatch,
    default_matcher,
    explain,
    same_name,
    similarity,
)
from arabnews.names.gazetteer import Gazetteer, GazetteerEntry
from arabnews.names.resolver import NameResolver

__all__ = [
    "CostModel",
    "Gazetteer",
    "GazetteerEntry",
    "Matcher",
    "NameKey",
    "NameMatch",
    "NameResolver",
    "TokenKey",
    "blocking_keys",
    "default_matcher",
    "explain",
    "name_key",
    "normalize_name",
    "same_name",
    "similarity",
    "skeleton",
    "surface_form",
    "to_arabic",
    "to_latin",
    "transliterate",
    "word_of_its_own",
]
