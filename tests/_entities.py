"""Shared by the NER rule tests: a hypothesis strategy for a text of given words and entities
tiling it at random cut points (what a tagger's raw output may look like), and the invariant
every span rule keeps."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from hypothesis import strategies as st

from arabnews.spans import Entity


@st.composite
def texts_with_entities(
    draw: st.DrawFn, words: st.SearchStrategy[str], max_words: int = 12
) -> tuple[str, list[Entity]]:
    text = " ".join(draw(st.lists(words, min_size=1, max_size=max_words)))
    bounds = sorted({0, len(text), *draw(st.lists(st.integers(0, len(text)), max_size=6))})
    raw = [
        Entity(a, b, text[a:b], draw(st.sampled_from(["PER", "LOC", "ORG", "MISC"])))
        for a, b in itertools.pairwise(bounds)
        if text[a:b].strip() == text[a:b] and text[a:b]
    ]
    return text, raw


def assert_rule_output(text: str, raw: list[Entity], out: Sequence[Entity]) -> None:
    """What every span rule keeps: spans slice *text*, entities stay disjoint, and each raw
    entity is still covered by one that replaced it (nothing tagged is lost uncovered)."""
    for e in out:
        assert text[e.start : e.end] == e.text and e.text
    ordered = sorted(out, key=lambda e: (e.start, e.end))
    for a, b in itertools.pairwise(ordered):
        assert a.end <= b.start, (a, b)
    for e in raw:
        assert any(o.start <= e.start < o.end or e.start <= o.start < e.end for o in out), e
