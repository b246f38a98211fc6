"""A hypothesis strategy shared by the NER rule tests: a text of given words and entities
tiling it at random cut points (what a tagger's raw output may look like)."""

from __future__ import annotations

import itertools

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
