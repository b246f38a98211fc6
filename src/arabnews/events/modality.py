"""Modality of an event mention: asserted, future, hypothetical, negated or denied.

Cues come from ``data/modality.tsv`` and are looked for in a window of words before the trigger;
``denied`` outranks ``negated``, which outranks ``hypothetical``, which outranks ``future``. A
future prefix ``س`` on the trigger itself (سيجري، ستناقش) also makes it future. A cue whose side
is ``governs`` counts only for a trigger governed by a preposition: what a call or a demand asks
for (دعت المنظمة إلى الإفراج عنه، طالبوا باستقالة الحكومة) has not happened.

>>> from arabnews.events.lexicon import words
>>> ws = words("نفت موسكو أن تكون قواتها دخلت المنطقة")
>>> modality_of(ws, 5)
('denied', 0)
>>> modality_of(words("لم يتم الاتفاق على موعد"), 2)
('negated', 0)
>>> modality_of(words("لا تزال القوات تقاتل"), 3)
('asserted', None)
>>> modality_of(words("طالب المحتجون باستقالة الحكومة"), 2, "ب")
('hypothetical', 0)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from arabnews.events.lexicon import Word, modality_cues

__all__ = ["modality_of"]

_ORDER = ("denied", "negated", "hypothetical", "future")


@functools.lru_cache(maxsize=100_000)
def _matches(pattern: re.Pattern[str], norm: str) -> bool:
    return bool(pattern.fullmatch(norm) or pattern.fullmatch(_strip_conj(norm)))


@functools.cache
def _max_window() -> int:
    return max((r.window for r in modality_cues()), default=0)


def _strip_conj(norm: str) -> str:
    return norm[1:] if len(norm) > 2 and norm[0] in "وف" else norm


# prepositions that introduce what a request asks for (دعا إلى، حث على), normalised
_REQUEST_PREPOSITIONS = frozenset({"الي", "علي"})


def _governed(ws: Sequence[Word], t: int, prefix: str) -> bool:
    """Whether the trigger at ``ws[t]`` is governed by a preposition: a proclitic ب or ل
    (the article's ل aside) or the word إلى / على right before it."""
    head = prefix[:-2] if prefix.endswith("ال") else prefix
    if "ب" in head or "ل" in head:
        return True
    return t > 0 and _strip_conj(ws[t - 1].norm) in _REQUEST_PREPOSITIONS


@functools.lru_cache(maxsize=100_000)
def _cue_hits(norm: str) -> frozenset[int]:
    """Indexes of the ``modality.tsv`` rows whose pattern matches normalised *norm* (cached)."""
    return frozenset(i for i, r in enumerate(modality_cues()) if _matches(r.pattern, norm))


def modality_of(
    ws: Sequence[Word], t: int, prefix: str = "", *, lower: int = 0
) -> tuple[str, int | None]:
    """``(modality, index of the cue word or None)`` for a trigger at ``ws[t]``.

    *prefix* is the proclitic string stripped from the trigger word; *lower* the first word index
    that may hold a cue (the clause start).
    """
    found: dict[str, int] = {}
    base = max(0, t - _max_window())  # the cue rows matching each word of the widest window
    hits = [_cue_hits(w.norm) for w in ws[base : t + 1 + _max_window()]]
    for i, rule in enumerate(modality_cues()):
        if rule.label in found:
            continue
        if rule.side == "after":
            span = range(t + 1, min(len(ws), t + 1 + rule.window))
        elif rule.side == "governs" and not _governed(ws, t, prefix):
            continue
        else:
            span = range(t - 1, max(lower, t - rule.window) - 1, -1)
        for k in span:
            if i not in (hits[k - base] if k >= base else _cue_hits(ws[k].norm)):
                continue
            if (
                rule.not_next is not None
                and k + 1 < len(ws)
                and rule.not_next.fullmatch(_strip_conj(ws[k + 1].norm))
            ):
                continue
            found[rule.label] = k
            break
    if "س" in prefix and "future" not in found:
        found["future"] = t
    for label in _ORDER:
        if label in found:
            return label, found[label]
    return "asserted", None
