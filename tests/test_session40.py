"""Session 40: the tables' pattern index, and the fixes from judged news in new domains."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from arabnews.charsets import BASIC_LETTERS
from arabnews.events import extractor, lexicon, modality
from arabnews.events.lexicon import PatternIndex, stem_candidates

_WORDS = st.text(alphabet=sorted(BASIC_LETTERS), min_size=1, max_size=9)


def _naive(patterns: list[re.Pattern[str]], s: str) -> tuple[int, ...]:
    return tuple(i for i, p in enumerate(patterns) if p.fullmatch(s))


@settings(max_examples=300, deadline=None)
@given(_WORDS)
def test_pattern_index_hits_are_the_rows_that_match(word: str) -> None:
    for patterns in (
        [r.parts[0] for r in lexicon.trigger_rules()],
        [r.parts[0] for r in lexicon.actor_rules()],
        [r.pattern for r in lexicon.blockers()],
        [r.pattern for r in lexicon.modality_cues()],
    ):
        index = PatternIndex(patterns)
        assert index.hits(word) == _naive(patterns, word)


def test_pattern_index_finds_real_rows() -> None:
    # the table rows a few common words match, found through the index as by trying each row
    for word in ("والقوات", "هجوم", "قصفت", "مسلحون", "الشرطة", "ادانت", "تنديد", "سيزور"):
        stems = [s for s, _ in stem_candidates(lexicon.norm_word(word))]
        for rows in (lexicon.actor_rules(), lexicon.trigger_rules()):
            expected = tuple(
                i for i, r in enumerate(rows) if any(r.parts[0].fullmatch(s) for s in stems)
            )
            got = PatternIndex(r.parts[0] for r in rows).stem_hits(lexicon.norm_word(word))
            assert got == expected
    assert lexicon.actor_hits(lexicon.norm_word("والقوات"))
    assert lexicon.match_first(lexicon.norm_word("قصفت"))
    assert extractor._blocker_hits(lexicon.norm_word("ادانت"))
    assert modality._cue_hits(lexicon.norm_word("سيزور")) == modality._cue_hits("سيزور")


def test_pattern_index_of_no_patterns_matches_nothing() -> None:
    index = PatternIndex([])
    assert index.hits("قصف") == ()
    assert index.stem_hits("قصف") == ()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=sorted(BASIC_LETTERS), min_size=2, max_size=8))
def test_light_verb_pattern_is_the_prefix_rule(core: str) -> None:
    from arabnews.events import arguments

    for imperfect in (False, True):
        naive = False
        for stem, imperfect_stem in lexicon.light_verbs():
            stems = (stem, imperfect_stem) if imperfect and imperfect_stem else (stem,)
            if any(core.startswith(x) and len(core) - len(x) <= 3 for x in stems):
                naive = True
        assert arguments._light_core(core, imperfect=imperfect) is naive
