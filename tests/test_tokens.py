"""Tests of the tokenizer: ANERCorp-style examples and offset invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arabnews
from arabnews.testing import news_pages
from arabnews.tokens import TOKEN_PATTERNS, Token, tokenize


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # clitics stay attached, punctuation is split off
        ("والقوات الروسية، وبالتالي.", ["والقوات", "الروسية", "،", "وبالتالي", "."]),
        ("فرانكفورت (د ب أ) أعلن", ["فرانكفورت", "(", "د", "ب", "أ", ")", "أعلن"]),
        ("«الكرملين»: بوتين", ["«", "الكرملين", "»", ":", "بوتين"]),
        # diacritics, tatweel and ZWNJ belong to the word
        ("المدَمّرة بـالقضاء حمـاس", ["المدَمّرة", "بـالقضاء", "حمـاس"]),
        # numbers keep separators, a glued clitic, percent sign or era letter (ANERCorp)
        ("3.5% و1,200 و١٢٫٥ و١٢ 5 %", ["3.5%", "و1,200", "و١٢٫٥", "و١٢", "5", "%"]),
        ("عام 1420ه و2015م والعام 907 م", ["عام", "1420ه", "و2015م", "والعام", "907", "م"]),
        ("ال11 لاعبا بنسبة13%", ["ال11", "لاعبا", "بنسبة", "13%"]),
        ("15-7 2020,2021", ["15", "-", "7", "2020", ",", "2021"]),
        # URLs, e-mails, hashtags and mentions are one token
        (
            "زوروا https://aja.me/zk?x=1. أو info@site.org #حرب_غزة @user",
            ["زوروا", "https://aja.me/zk?x=1", ".", "أو", "info@site.org", "#حرب_غزة", "@user"],
        ),
        ("www.example.com/news", ["www.example.com/news"]),
        # abbreviations keep their dots
        (
            "قال د. أحمد عام 700 ق.م. إن U.S. أ.ف.ب",
            ["قال", "د.", "أحمد", "عام", "700", "ق.م.", "إن", "U.S.", "أ.ف.ب"],
        ),
        # ellipses and repeated marks are one token
        ("إن... حقا!! لماذا؟؟", ["إن", "...", "حقا", "!!", "لماذا", "؟؟"]),
        # Latin and other scripts
        ("قال Zelensky O'Brien على Москва", ["قال", "Zelensky", "O'Brien", "على", "Москва"]),
        ("Relatedفي", ["Related", "في"]),
    ],
)
def test_examples(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_range_and_offsets() -> None:
    text = "مقدمة. وقال الرئيس (رويترز) إن..."
    tokens = tokenize(text, 7, 27)
    assert [(t.start, t.text) for t in tokens] == [
        (7, "وقال"),
        (12, "الرئيس"),
        (19, "("),
        (20, "رويترز"),
        (26, ")"),
    ]
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert token.span == arabnews.Span(token.start, token.end)
    assert tokenize(text, 5, 5) == ()


def test_tokens_of_a_sentence_use_the_sentence_offsets() -> None:
    text = "العنوان\nقال الوزير إن المحادثات مستمرة."
    sentence = arabnews.split_sentences(text)[1]
    tokens = tokenize(text, sentence.start, sentence.end)
    assert tokens[0] == Token(8, 11, "قال")
    assert tokens[-1].end == sentence.end


def test_bad_input() -> None:
    with pytest.raises(TypeError, match="text"):
        tokenize(b"abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="start"):
        tokenize("abc", "1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="end"):
        tokenize("abc", 0, 1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        tokenize("abc", 2, 1)
    with pytest.raises(ValueError):
        tokenize("abc", 0, 4)
    assert tokenize("") == ()
    assert tokenize(" \n\t") == ()


def test_pattern_table_examples() -> None:
    for name, _pattern, example in TOKEN_PATTERNS:
        if name not in {"ellipsis", "repeated", "other"}:
            assert words(example) == [example], name
    assert arabnews.tokenize is tokenize
    assert arabnews.Token is Token


def check(text: str, start: int = 0, end: int | None = None) -> None:
    stop = len(text) if end is None else end
    tokens = tokenize(text, start, end)
    position = start
    for token in tokens:
        assert position <= token.start < token.end <= stop
        assert text[token.start : token.end] == token.text
        # only whitespace between tokens, and none inside one
        assert text[position : token.start].strip() == ""
        assert not any(char.isspace() for char in token.text)
        position = token.end
    assert text[position:stop].strip() == ""


@given(st.text())
def test_every_visible_character_is_in_one_token(text: str) -> None:
    check(text)


@given(st.text(), st.data())
def test_ranges(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    check(text, start, end)
    # a range gives the same tokens as tokenizing that slice, shifted
    shifted = [(t.start - start, t.end - start, t.text) for t in tokenize(text, start, end)]
    alone = [(t.start, t.end, t.text) for t in tokenize(text[start:end])]
    assert shifted == alone


@given(news_pages(hostile=True))
def test_news_pages(page: str) -> None:
    check(page)
