"""arabnews.charsets: the named character sets and the modules that use them."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from arabnews import charsets as cs
from arabnews import tokenize
from arabnews.clean.steps import char_rows
from arabnews.events.lexicon import norm_word
from arabnews.names._keys import _is_mark as names_is_mark
from arabnews.ner import nonnames
from arabnews.ner.base import NAME_KEY_MARKS, is_mark, name_key
from arabnews.ner.loading import input_normalizer

BMP = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]


def _span(first: int, last: int) -> frozenset[str]:
    return frozenset(chr(c) for c in range(first, last + 1))


def test_documented_members() -> None:
    assert frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652") == cs.HARAKAT
    assert {cs.FATHATAN, cs.DAMMATAN, cs.KASRATAN, cs.FATHA, cs.DAMMA, cs.KASRA} < cs.HARAKAT
    assert {cs.SHADDA, cs.SUKUN} < cs.HARAKAT
    assert cs.TASHKEEL == _span(0x064B, 0x065F) == cs.HARAKAT | cs.EXTENDED_HARAKAT
    assert (
        _span(0x0610, 0x061A) | _span(0x064B, 0x065F) | {"\u0670"} | _span(0x06D6, 0x06ED)
    ) == cs.DIACRITICS
    assert cs.TATWEEL == "\u0640" and cs.TATWEEL not in cs.DIACRITICS
    assert frozenset("آأإٱ") == cs.HAMZA_ALEFS and frozenset("اآأإٱ") == cs.ALEF_FORMS
    assert frozenset("ءأإؤئ") == cs.HAMZA_FORMS and frozenset("يىی") == cs.YEH_FORMS
    assert cs.TEH_MARBUTA == "ة"
    assert len(cs.BASIC_LETTERS) == 36 and "ء" in cs.BASIC_LETTERS and "ي" in cs.BASIC_LETTERS
    assert "".join(sorted(cs.ARABIC_INDIC_DIGITS)) == "٠١٢٣٤٥٦٧٨٩"
    assert "".join(sorted(cs.EASTERN_ARABIC_DIGITS)) == "۰۱۲۳۴۵۶۷۸۹"
    assert {"،", "؛", "؟", "٪", "٫", "٬"} <= cs.ARABIC_PUNCTUATION
    assert {"\u200c", "\u200d"} == cs.JOINERS
    assert {"\u061c", "\u200e", "\u200f"} | _span(0x202A, 0x202E) | _span(
        0x2066, 0x2069
    ) == cs.BIDI_CONTROLS


def test_sets_are_what_unicode_says() -> None:
    for ch in cs.BASIC_LETTERS | cs.EXTENDED_LETTERS | cs.KEHEH_YEH_VARIANTS:
        assert unicodedata.category(ch) == "Lo", hex(ord(ch))
    for ch in cs.TASHKEEL | cs.QURANIC_SIGNS | {cs.SUPERSCRIPT_ALEF}:
        assert unicodedata.category(ch) == "Mn", hex(ord(ch))
    assert unicodedata.category(cs.TATWEEL) == "Lm"
    for i, ch in enumerate(sorted(cs.ARABIC_INDIC_DIGITS)):
        assert unicodedata.digit(ch) == i
    assert all(unicodedata.category(ch) == "Nd" for ch in cs.DIGITS) and len(cs.DIGITS) == 30
    assert all(unicodedata.category(ch) == "Po" for ch in cs.ARABIC_PUNCTUATION)
    assert all(unicodedata.category(ch) == "Cf" for ch in cs.INVISIBLE_FORMAT - {cs.SOFT_HYPHEN})
    assert all(unicodedata.category(ch) == "Cf" for ch in cs.BIDI_CONTROLS)
    assert cs.ALM in cs.BIDI_CONTROLS and cs.ALM not in cs.INVISIBLE_FORMAT


def test_sets_do_not_overlap_where_they_must_not() -> None:
    assert not cs.LETTERS & (cs.DIACRITICS | cs.EXTENDED_A_MARKS | {cs.TATWEEL} | cs.JOINERS)
    assert not cs.LETTERS & cs.DIGITS
    assert cs.BASIC_LETTERS <= cs.LETTERS and not cs.KEHEH_YEH_VARIANTS & cs.LETTERS
    assert not cs.DIACRITICS & cs.INVISIBLE_FORMAT


def test_regex_bodies_match_their_sets() -> None:
    for name in dir(cs):
        if name.endswith("_RE"):
            chars = getattr(cs, name[:-3])
            pattern = re.compile(f"[{getattr(cs, name)}]")
            assert {ch for ch in BMP if pattern.fullmatch(ch)} == chars, name


@given(st.sets(st.characters(), min_size=1, max_size=40), st.characters())
def test_class_body_matches_exactly_its_characters(chars: set[str], other: str) -> None:
    pattern = re.compile(f"[{cs.class_body(chars)}]")
    for ch in chars:
        assert pattern.fullmatch(ch)
    assert (pattern.fullmatch(other) is not None) == (other in chars)
    assert cs.class_body(ord(c) for c in chars) == cs.class_body(chars)


def test_every_character_a_module_strips_as_a_mark_is_named() -> None:
    ner_marks = {ch for ch in BMP if is_mark(ch)}
    assert ner_marks == NAME_KEY_MARKS == cs.DIACRITICS | {cs.TATWEEL} | cs.INVISIBLE_FORMAT
    strip = input_normalizer("strip-marks")
    assert {ch for ch in BMP if strip("ب" + ch) == "ب"} == ner_marks
    assert {ch for ch in BMP if nonnames._is_mark(ch)} == cs.DIACRITICS | {cs.TATWEEL}
    # the event lexicon drops tashkeel, superscript alef and tatweel (Quranic marks stay)
    dropped = {ch for ch in BMP if norm_word("ب" + ch) == "ب"}
    assert dropped == cs.TASHKEEL | {cs.SUPERSCRIPT_ALEF, cs.TATWEEL}
    # name matching drops every combining or format character, a superset of the named marks
    names = {ch for ch in BMP if names_is_mark(ch)}
    assert cs.TASHKEEL | cs.QURANIC_SIGNS | {cs.SUPERSCRIPT_ALEF, cs.TATWEEL} <= names
    assert names >= cs.INVISIBLE_FORMAT
    assert name_key("إسرائيلَ") == name_key("اسرائيل")


def test_the_cleaners_diacritics_step_is_the_named_set() -> None:
    step = {
        chr(cp)
        for row in char_rows()
        if row.step == "diacritics"
        for cp in range(row.first, row.last + 1)
    }
    assert step <= cs.DIACRITICS | cs.EXTENDED_A_MARKS
    # small waw and small yeh are spacing modifier letters the cleaner keeps
    assert cs.DIACRITICS - step == {"\u06e5", "\u06e6"}


def test_tokenizer_letters_and_word_continuations() -> None:
    for ch in sorted(cs.LETTERS)[::7]:
        assert [t.text for t in tokenize(ch + "ب")] == [ch + "ب"], hex(ord(ch))
    for ch in cs.DIACRITICS | cs.EXTENDED_A_MARKS | cs.JOINERS | {cs.TATWEEL}:
        assert [t.text for t in tokenize("ب" + ch + "ت")] == ["ب" + ch + "ت"], hex(ord(ch))


def test_testing_strategies_draw_from_the_named_sets() -> None:
    text = importlib.import_module("arabnews.testing.text")
    assert set(text._LETTERS) == cs.BASIC_LETTERS
    assert set(text._DIACRITICS) <= cs.DIACRITICS
    assert set(text._INVISIBLE) <= cs.INVISIBLE_FORMAT | cs.BIDI_CONTROLS
    assert set(text._DIGITS) <= cs.DIGITS
    names = importlib.import_module("arabnews.testing.names")
    assert set(names._MARKS) <= cs.HARAKAT | {cs.TATWEEL, cs.RLM}


def test_charsets_is_pure_and_not_imported_by_arabnews() -> None:
    code = (
        "import sys, arabnews\n"
        "assert 'arabnews.charsets' not in sys.modules\n"
        "import arabnews.charsets\n"
        "print(sorted(m for m in sys.modules if m.startswith('arabnews')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['arabnews', 'arabnews.charsets']"
