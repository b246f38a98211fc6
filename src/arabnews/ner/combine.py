"""Combining recognizers: the first one wins, the others refine it and fill its gaps.

Policy (documented in :doc:`/ner`). Every recognizer runs on the same text and sentences; the
first one's entities are kept (longer first where they overlap each other). Each later
recognizer is then compared with what is kept; its own entities are first made disjoint
(longer first). For a later entity ``L`` (think: a gazetteer name) and the kept ones:

1. **Same span**: ``L`` supplies ``canonical``, ``entity_id`` and its label when it has an id
   (a listed name keeps its listed type: countries are ``LOC`` even where a model says ``ORG``).
2. **Split**: a kept entity made of several later entities and nothing but spaces,
   punctuation or a conjunction between them ("بوتين ترامب", "زيلينسكي وروبيو") is replaced
   by them.
3. **Absorb**: ``L`` covering kept entities that stick out of it by nothing but spaces, a
   proclitic or titles and nationality adjectives replaces them (a listed "حلف شمال الأطلسي"
   over a tagged "الأطلسي"; "الولايات المتحدة" over "والولايات" + "المتحدة"; "مايك والتز"
   over "الأميركي مايك"), unless ``L`` adds nothing to them but such edge words: a listed
   "حزب الله اللبناني" or "قطاع غزة" does not widen a tagged "حزب الله" or "غزة" (the
   convention leaves nationality adjectives, classifier nouns and titles out; the kept
   boundary already is the name), which takes ``L``'s entry as in 1 ("موقع أكسيوس" listed
   as an ``ORG`` makes a tagged ``LOC`` "أكسيوس" the ``ORG``).
4. **Fill**: ``L`` overlapping nothing kept is added.
5. **Cut**: a listed ``L`` over two or more kept entities, the last of which runs on past its
   end from a word boundary ("هيومن رايتس" + "ووتش قوات الأمن" under a listed "منظمة هيومن
   رايتس ووتش"), replaces those inside it (from the first kept start: edge words such as
   "منظمة" stay out), and the last keeps only its part after ``L``.
6. Otherwise ``L`` is dropped: the earlier recognizer's boundaries stand.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from arabnews._checks import require_str
from arabnews.ner.base import Recognizer, call_recognizer, sentence_spans, sort_entities
from arabnews.spans import Entity, Span

if TYPE_CHECKING:
    from arabnews.tokens import Token

__all__ = ["CombinedRecognizer", "merge_entities"]

# What may stand between the parts of a split entity: spaces, punctuation, the conjunction.
_JOINERS = frozenset(" \t\n\u00a0,،;؛/-–—&و")
_PROCLITIC_LETTERS = frozenset("وفبلك")


def _disjoint(entities: Sequence[Entity]) -> list[Entity]:
    """Greedy longest-first selection of non-overlapping entities, in text order."""
    chosen: list[Entity] = []
    starts: list[int] = []
    for ent in sorted(entities, key=lambda e: (-(e.end - e.start), e.start)):
        pos = bisect.bisect_right(starts, ent.start)
        if pos > 0 and chosen[pos - 1].end > ent.start:
            continue
        if pos < len(chosen) and chosen[pos].start < ent.end:
            continue
        starts.insert(pos, ent.start)
        chosen.insert(pos, ent)
    return chosen


def _covered(outer: Entity, parts: Sequence[Entity]) -> bool:
    """True when *parts* cover every character of *outer* except joiners between them."""
    mask = [False] * (outer.end - outer.start)
    for part in parts:
        for i in range(part.start - outer.start, part.end - outer.start):
            mask[i] = True
    return all(m or outer.text[i] in _JOINERS for i, m in enumerate(mask))


def _sticks_out_by_nothing(head: Entity, tail: Entity, c: Entity) -> bool:
    """True when the kept run ``head..tail`` extends past *c* by nothing that names anything:
    spaces, a proclitic glued to *c*'s first word ("والولايات" under "الولايات المتحدة"), or
    titles and nationality adjectives ("الأميركي مايك" under "مايك والتز")."""
    if head.start < c.start:
        left = head.text[: c.start - head.start]
        if not (_PROCLITIC_LETTERS.issuperset(left) and len(left) <= 3) and not _edge_only(left):
            return False
    if tail.end > c.end:
        return _edge_only(tail.text[c.end - tail.start :])
    return True


def _edge_only(piece: str) -> bool:
    from arabnews.ner.edges import edge_word_kind

    words = piece.split()
    return all(edge_word_kind(w) is not None for w in words)


# Edge-word kinds (edges.py) a later entity may not add to kept boundaries; directions
# ("جنوب" in "جنوب أفريقيا") and generic nouns ("قوات" in "قوات الدعم السريع") are left
# out: with a name they make a new name.
_NOT_ADDED_KINDS = frozenset({"title", "nationality", "classifier", "media", "role"})


def _adds_only_edges(head: Entity, tail: Entity, c: Entity) -> bool:
    """True when *c* reaches past the kept run ``head..tail`` only by edge words of
    ``_NOT_ADDED_KINDS`` ("قطاع" + a kept "غزة", a kept "حزب الله" + "اللبناني")."""
    from arabnews.ner.edges import edge_word_kind

    outside = []
    if c.start < head.start:
        outside += c.text[: head.start - c.start].split()
    if c.end > tail.end:
        outside += c.text[tail.end - c.start :].split()
    return bool(outside) and all(edge_word_kind(w) in _NOT_ADDED_KINDS for w in outside)


def _merge_pair(kept_in: list[Entity], later: Sequence[Entity]) -> list[Entity]:
    """One later recognizer's entities against the kept ones (both sorted, disjoint)."""
    cands = _disjoint(later)
    cstarts = [c.start for c in cands]
    # 2. split kept entities that later ones tile
    kept: list[Entity] = []
    for k in kept_in:
        i = bisect.bisect_left(cstarts, k.start)
        inner = []
        while i < len(cands) and cands[i].start < k.end:
            if cands[i].end <= k.end:
                inner.append(cands[i])
            i += 1
        if len(inner) >= 2 and _covered(k, inner):
            kept.extend(inner)
        else:
            kept.append(k)
    starts = [k.start for k in kept]
    for c in cands:
        # kept entities overlapping c form one run in start order
        first = bisect.bisect_right(starts, c.start)
        if first > 0 and kept[first - 1].end > c.start:
            first -= 1
        last = first
        while last < len(kept) and kept[last].start < c.end:
            last += 1
        touching = kept[first:last]
        if not touching:
            kept.insert(first, c)  # 4. fill a gap
            starts.insert(first, c.start)
        elif len(touching) == 1 and (touching[0].start, touching[0].end) == (c.start, c.end):
            # 1. same span: a listed name brings its id, canonical and label
            old = touching[0]
            if old.entity_id is None and c.entity_id is not None:
                kept[first] = attrs.evolve(
                    old, label=c.label, canonical=c.canonical, entity_id=c.entity_id
                )
        elif _sticks_out_by_nothing(touching[0], touching[-1], c):
            if not _adds_only_edges(touching[0], touching[-1], c):
                kept[first:last] = [c]  # 3. absorb
                starts[first:last] = [c.start]
            elif len(touching) == 1 and touching[0].entity_id is None and c.entity_id:
                # the same name without the edge words: the kept span, the listed entry
                kept[first] = attrs.evolve(
                    touching[0], label=c.label, canonical=c.canonical, entity_id=c.entity_id
                )
        elif (cut := _cut_tail(touching, c)) is not None:
            # 5. cut: a listed name whose last words the model ran on into what follows
            # ("هيومن رايتس" + "ووتش قوات الأمن"): the name, then the rest of that entity
            kept[first:last] = list(cut)
            starts[first:last] = [cut[0].start, cut[1].start]
        # 6. otherwise the earlier boundaries stand
    return kept


def _cut_tail(touching: Sequence[Entity], c: Entity) -> tuple[Entity, Entity] | None:
    """Listed name *c* (from the first kept entity's start: edge words before it, such as
    منظمة, stay out) and the part after it of the last kept entity, when the kept entities
    lie inside *c* but for the last, which starts inside it and runs on past its end from a
    word boundary; else None."""
    head, last = touching[0], touching[-1]
    if c.entity_id is None or len(touching) < 2 or c.start > head.start:
        return None
    if head.start > c.start and not _edge_only(c.text[: head.start - c.start]):
        return None
    if not (c.start < last.start < c.end < last.end) or any(k.end > c.end for k in touching[:-1]):
        return None
    tail = last.text[c.end - last.start :]
    if not tail[:1].isspace() or not any(ch.isalpha() for ch in tail):
        return None  # (not a bare number: "آي أو إس" + "17.4" is one name)
    start = c.end + len(tail) - len(tail.lstrip())
    name = attrs.evolve(c, start=head.start, text=c.text[head.start - c.start :])
    return name, attrs.evolve(last, start=start, text=last.text[start - last.start :])


def merge_entities(groups: Sequence[Sequence[Entity]]) -> tuple[Entity, ...]:
    """Merge entity lists, earlier groups first, by the module's policy; no overlaps.

    >>> model = [Entity(0, 5, "أأأأأ", "PER"), Entity(6, 11, "ب ب ب", "ORG")]
    >>> listed = [Entity(3, 9, "جججججج", "LOC"), Entity(12, 14, "دد", "LOC")]
    >>> [(e.start, e.end, e.label) for e in merge_entities([model, listed])]
    [(0, 5, 'PER'), (6, 11, 'ORG'), (12, 14, 'LOC')]
    """
    if not groups:
        return ()
    kept = _disjoint(groups[0])
    for later in groups[1:]:
        kept = _merge_pair(kept, later)
    return sort_entities(kept)


class CombinedRecognizer:
    """Run several recognizers and merge their entities (see the module policy).

    >>> from types import SimpleNamespace as E
    >>> from arabnews.ner.gazetteer import GazetteerRecognizer
    >>> g = GazetteerRecognizer([E(id="Q1", canonical="لبنان", label="LOC", variants=())])
    >>> [e.text for e in CombinedRecognizer(g).recognize("في لبنان")]
    ['لبنان']
    """

    __slots__ = ("_recognizers",)

    def __init__(self, *recognizers: Recognizer) -> None:
        if not recognizers:
            raise ValueError("CombinedRecognizer needs at least one recognizer")
        self._recognizers = tuple(recognizers)

    @property
    def recognizers(self) -> tuple[Recognizer, ...]:
        """The recognizers, highest priority first."""
        return self._recognizers

    def recognize(
        self,
        text: str,
        sentences: Sequence[Span] | None = None,
        *,
        tokens: Sequence[Token] | None = None,
    ) -> tuple[Entity, ...]:
        """Entities of *text* from every recognizer, merged by the module's policy.

        *tokens* (the text's tokens, when already made) go to the recognizers that take them.
        """
        require_str(text, "text")
        spans = sentence_spans(text, sentences)
        if not spans:
            return ()
        return merge_entities([call_recognizer(r, text, spans, tokens) for r in self._recognizers])

    def __repr__(self) -> str:
        inner = ", ".join(repr(r) for r in self._recognizers)
        return f"CombinedRecognizer({inner})"
