"""Property tests for the cleaner: idempotence, accountability, alignment, robustness."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arabnews.clean import CleanConfig, CleanedText, clean, normalize
from arabnews.spans import Span
from arabnews.testing.text import (
    any_unicode,
    arabic_text,
    boilerplate_lines,
    news_pages,
    news_pages_with_boilerplate,
)

texts = arabic_text() | news_pages() | any_unicode() | boilerplate_lines()
configs = st.builds(
    CleanConfig,
    diacritics=st.booleans(),
    punctuation_spacing=st.booleans(),
    fold_alef=st.booleans(),
    invisible=st.booleans(),
    presentation_forms=st.booleans(),
)


def check_accounted(c: CleanedText) -> None:
    """Every original character is kept as is, inside a changed segment, or removed."""
    a = c.alignment
    assert a.original_length == len(c.original)
    assert a.cleaned_length == len(c.text)
    prev_c = prev_o = 0
    for cs, ce, os_, oe, equal in a.segments():
        assert (cs, os_) == (prev_c, prev_o)  # segments tile both texts, in order
        assert cs <= ce and os_ <= oe
        if equal:
            assert c.original[os_:oe] == c.text[cs:ce]
        prev_c, prev_o = ce, oe
    assert (prev_c, prev_o) == (len(c.text), len(c.original))
    for r in c.removed:
        assert c.original[r.start : r.end] == r.text
        # a removal leaves nothing behind in the cleaned text
        assert a.from_original(r.start) == a.from_original(r.end)


def check_alignment(c: CleanedText) -> None:
    prev = 0
    for i in range(len(c.text) + 1):
        j = c.to_original(i)
        assert prev <= j <= len(c.original)
        prev = j
    n = len(c.text)
    for i in range(0, n, max(1, n // 7)):
        span = c.span_to_original(Span(i, min(n, i + 3)))
        assert 0 <= span.start <= span.end <= len(c.original)


def check_articles(c: CleanedText) -> None:
    end = 0
    for art in c.articles:
        assert end <= art.start < art.end <= len(c.original)
        if art.headline is not None:
            assert art.start <= art.headline.start < art.headline.end <= art.end
        end = art.end


@given(texts)
def test_idempotent(text: str) -> None:
    once = clean(text).text
    assert clean(once).text == once


@given(texts, configs)
def test_idempotent_any_config(text: str, config: CleanConfig) -> None:
    once = clean(text, config=config).text
    assert clean(once, config=config).text == once


@given(texts)
def test_every_change_is_accounted_for(text: str) -> None:
    check_accounted(clean(text))


@given(texts, configs)
def test_every_change_is_accounted_for_any_config(text: str, config: CleanConfig) -> None:
    check_accounted(clean(text, config=config))


@given(texts)
def test_alignment_monotone_and_in_range(text: str) -> None:
    c = clean(text)
    check_alignment(c)
    check_articles(c)


@given(any_unicode(max_size=400))
def test_any_unicode_never_crashes_and_output_encodes(text: str) -> None:
    c = clean(text)
    c.text.encode("utf-8")  # unpaired surrogates were replaced
    assert normalize(text) == normalize(normalize(text))


@given(news_pages_with_boilerplate())
def test_inserted_boilerplate_is_removed_and_body_kept(
    page: tuple[str, tuple[tuple[int, int, str], ...]],
) -> None:
    text, spans = page
    c = clean(text)
    removed: set[int] = set()
    for r in c.removed:
        removed.update(range(r.start, r.end))
    boiler: set[int] = set()
    for s, e, _kind in spans:
        boiler.update(range(s, e))
        assert set(range(s, e)) <= removed, text[s:e]
    non_space = {i for i, ch in enumerate(text) if not ch.isspace()}
    assert not (removed & non_space) - boiler  # no body character removed


@given(st.text(max_size=50))
def test_plain_text_strategies_are_cleanable(text: str) -> None:
    c = clean(text)
    assert isinstance(c.text, str)
    assert c.text == "" or c.text.strip() != ""
