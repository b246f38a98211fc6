"""Names written with a filler inside them, as posts hide them (``arabnews.ner.obfuscated``)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _entities import assert_rule_output, texts_with_entities
from arabnews.ner.obfuscated import fillers, gazetteer_lookup, obfuscated_names
from arabnews.spans import Entity

LISTED = {
    "حماس": ("ORG", "حماس", "hamas"),
    "اسرائيل": ("LOC", "إسرائيل", "israel"),
}


def found(entities: tuple[Entity, ...]) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in entities]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('القضاء على "حم.اس"', [("حم.اس", "ORG")]),
        ("قالت حمـ.ـاس إن", [("حمـ.ـاس", "ORG")]),  # tatweel kept by a caller: same
        ("قصف إسـ،ـرائيل", [("إسـ،ـرائيل", "LOC")]),
        ("قالت ح.م.ا.س إن", [("ح.م.ا.س", "ORG")]),
        ("وحم.اس", [("حم.اس", "ORG")]),  # the glued و is left out
        # a filler right after the glued و is left out with it: the name begins at a letter
        ("و.حماس", [("حماس", "ORG")]),
        ("قالت و.ح.م.ا.س إن", [("ح.م.ا.س", "ORG")]),
        # the joined word must be listed exactly: a near spelling or an unlisted word is not
        ("قالت حم.اص إن", []),
        ("قال د.محمد إن", []),
        ("أ.ف.ب", []),
        # a filler between two words is punctuation, not a hidden name
        ("قالت حم. اس", []),
        ("حماس.", []),
    ],
)
def test_obfuscated_names(text: str, expected: list[tuple[str, str]]) -> None:
    out = obfuscated_names([], text, LISTED.get)
    assert found(out) == expected
    assert all(text[e.start : e.end] == e.text for e in out)


def test_pieces_give_way_and_crossing_entities_keep_what_is_outside() -> None:
    text = 'نتنياهو: القضاء على "حم.اس" واجب'
    piece = Entity(text.index("اس"), text.index("اس") + 2, "اس", "MISC")
    person = Entity(0, 7, "نتنياهو", "PER")
    out = obfuscated_names([person, piece], text, LISTED.get)
    assert found(out) == [("نتنياهو", "PER"), ("حم.اس", "ORG")]
    assert out[1].entity_id == "hamas" and out[1].canonical == "حماس"
    start = text.index("حم.اس")
    # one that runs into the word keeps what lies outside it, for the clean-up to judge
    crossing = Entity(start - 5, start + 2, text[start - 5 : start + 2], "ORG")
    out = obfuscated_names([crossing], text, LISTED.get)
    assert found(out) == [('على "', "ORG"), ("حم.اس", "ORG")]
    # one that holds the whole word and more keeps its place: the word is not tagged
    holding = Entity(start - 5, start + 6, text[start - 5 : start + 6], "ORG")
    assert obfuscated_names([holding], text, LISTED.get) == (holding,)


def test_without_a_gazetteer_nothing_changes() -> None:
    text = 'القضاء على "حم.اس"'
    raw = (Entity(15, 17, "اس", "MISC"),)
    assert obfuscated_names(raw, text, None) == raw


def test_gazetteer_lookup_takes_exact_spellings_only() -> None:
    entry = SimpleNamespace(id="hamas", canonical="حماس", label="ORG", variants=("حركة حماس",))
    near = SimpleNamespace(lookup=lambda name: entry)  # a look-up that forgives spellings
    lookup = gazetteer_lookup(near)
    assert lookup is not None
    assert lookup("حماس") == ("ORG", "حماس", "hamas")
    assert lookup("حماص") is None
    assert gazetteer_lookup(object()) is None


def test_the_filler_table_is_valid() -> None:
    assert "." in fillers() and "،" in fillers()
    assert not any(c.isalpha() or c.isspace() for c in fillers())


def test_recognize_finds_a_hidden_listed_name_in_original_offsets() -> None:
    from arabnews.ner import GazetteerRecognizer, recognize

    text = 'عاجل | "حمـ.ـاس": ندين الهجوم'
    out = recognize(text, recognizer=GazetteerRecognizer())
    assert [(e.text, e.label, e.entity_id) for e in out] == [("حمـ.ـاس", "ORG", "hamas")]


WORDS = st.sampled_from(
    ["حم.اس", "حم", "اس", "و", "قالت", "إسـ،ـرائيل", ".", "،", "د.محمد", "و.حماس", "ف*حم.اس"]
)


@settings(max_examples=300, deadline=None)
@given(texts_with_entities(WORDS))
def test_obfuscated_names_slice_the_text_and_keep_entities_disjoint(
    case: tuple[str, list[Entity]],
) -> None:
    text, raw = case
    assert_rule_output(text, raw, obfuscated_names(raw, text, LISTED.get))
