"""Quotes and rendering stay linear on one long unpunctuated line (issue 13).

On such a line every indirect quote runs to the end of the only sentence, so work done per
quote over its content, or per tag over all open tags, grows with the square of the input.
These tests count work instead of timing it: the Python lines executed in the module under
test (a trace function, deterministic whatever the load of the machine) and, for the quote
finder, the characters it copies out of the text by slicing (which a C-level scan such as
``text[a:b].count(...)`` would hide from the line count). Eight times the input may cost at
most ``_GROWTH`` times the work (a linear stage: about 8; a quadratic one: about 64); the
count stops with a failure as soon as that budget is spent, so a regression fails fast.
The size of the HTML is held to the same bound: nested tags closed and reopened around
every crossing of hundreds of overlapping quotes grew with the square of the line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from html import escape as html_escape
from html.parser import HTMLParser
from types import FrameType
from typing import Any, SupportsIndex

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import arabnews
import arabnews.events.quotes as quotes_module
import arabnews.rendering as rendering_module
from arabnews import GazetteerRecognizer, Pipeline
from arabnews.document import Document
from arabnews.spans import Span

pytest.importorskip("arabnews.events")

# One clause of news without punctuation: a named speaker, a cue, a complementizer (the
# content runs to the end of the sentence), a title, a place, and an attribution (its
# content runs from the start of the sentence to here, so it crosses the quotes opened
# before it); repeated into one long line. Two quotes per clause.
_CLAUSE = (
    "وقال الرئيس الروسي فلاديمير بوتين إن الحكومة ستواصل دعم المشروع في موسكو "
    "وفق ما أعلنه مصدر مطلع"
)
_SMALL = 60
_FACTOR = 8
_GROWTH = 16.0  # a linear stage: ~8 (fixed costs make it less); a quadratic one: ~64


def _line(n: int) -> str:
    return " ".join([_CLAUSE] * n)


class _OverBudget(Exception):
    pass


class _Counter:
    """Counts 'line' events in the frames of one source file; raises past *budget*."""

    def __init__(self, filename: str, budget: float) -> None:
        self.filename = filename
        self.budget = budget
        self.lines = 0

    def __call__(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == "call":
            return self._local if frame.f_code.co_filename == self.filename else None
        return None

    def _local(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            self.lines += 1
            if self.lines > self.budget:
                raise _OverBudget(f"more than {self.budget:.0f} lines executed")
        return self._local


def _lines_run(filename: str, call: Callable[[], object], budget: float = float("inf")) -> int:
    counter = _Counter(filename, budget)
    previous = sys.gettrace()
    sys.settrace(counter)
    try:
        call()
    finally:
        sys.settrace(previous)
    return counter.lines


class _SliceCountingText(str):
    """A ``str`` that adds up the characters copied out of it by slicing."""

    copied = 0

    def __getitem__(self, key: SupportsIndex | slice) -> str:
        out = str.__getitem__(self, key)
        _SliceCountingText.copied += len(out)
        return out


def _assert_linear(small: int, large: int, what: str) -> None:
    assert small > 0, what
    assert large <= _GROWTH * small, (
        f"{what}: {large} for {_FACTOR}x the input vs {small} (x{large / small:.1f}; "
        f"linear work grows about x{_FACTOR})"
    )


def _quote_work(
    text: str, budget: float = float("inf"), *, given: bool = False
) -> tuple[int, int, int]:
    """(lines run in quotes.py, characters sliced out of *text*, quotes found); *given*: the
    sentences and tokens are passed in, as the pipeline does."""
    entities = GazetteerRecognizer().recognize(text)
    counting = _SliceCountingText(text)
    handed: dict[str, object] = {}
    if given:
        handed = {"sentences": arabnews.split_sentences(text), "tokens": arabnews.tokenize(text)}
    _SliceCountingText.copied = 0
    found: list[object] = []

    def call() -> None:
        found.extend(arabnews.extract_quotes(counting, entities=entities, **handed))  # type: ignore[arg-type]

    try:
        lines = _lines_run(quotes_module.__file__, call, budget)
    except _OverBudget as error:
        pytest.fail(f"extract_quotes: quadratic work on a long line ({error})")
    return lines, _SliceCountingText.copied, len(found)


@pytest.mark.parametrize("given", [False, True], ids=["alone", "sentences-and-tokens-given"])
def test_extract_quotes_work_is_linear_on_one_long_line(given: bool) -> None:
    lines_small, sliced_small, found_small = _quote_work(_line(_SMALL), given=given)
    # the input really is the hard case: one sentence, one quote per clause to its end
    assert len(arabnews.split_sentences(_line(_SMALL))) == 1
    assert found_small == 2 * _SMALL
    lines_large, sliced_large, found_large = _quote_work(
        _line(_SMALL * _FACTOR), budget=_GROWTH * lines_small, given=given
    )
    assert found_large == 2 * _SMALL * _FACTOR
    _assert_linear(lines_small, lines_large, "lines run in quotes.py")
    _assert_linear(sliced_small, sliced_large, "characters sliced out of the text")


def test_extract_quotes_content_still_runs_to_the_sentence_end() -> None:
    """What makes the line hard is kept (the behaviour is not changed to get speed)."""
    text = _line(5)
    found = arabnews.extract_quotes(text)
    assert len(found) == 10
    assert sum(q.content.end == len(text) for q in found) == 5
    assert sum(q.content.start == 0 for q in found) == 5
    assert not any(q.partial for q in found)
    marked = text[:-6] + "«" + text[-6:]
    marked_quotes = arabnews.extract_quotes(marked)
    assert len(marked_quotes) == 10
    # the mark is inside every content that runs to the end, and only there
    assert all(q.partial is (q.content.end == len(marked)) for q in marked_quotes)


def _document(n: int) -> Document:
    return Pipeline(ner="gazetteer").analyze(_line(n))


def test_render_work_is_linear_on_one_long_line() -> None:
    small, large = _document(_SMALL), _document(_SMALL * _FACTOR)
    # many marks open at once: every quote runs to the end of the line
    assert len(large.quotes) >= _SMALL * _FACTOR // 2
    assert sum(q.content.end == len(large.text) for q in large.quotes) >= _SMALL * _FACTOR // 2
    lines_small = _lines_run(rendering_module.__file__, lambda: arabnews.render(small))
    try:
        lines_large = _lines_run(
            rendering_module.__file__,
            lambda: arabnews.render(large),
            budget=_GROWTH * lines_small,
        )
    except _OverBudget as error:
        pytest.fail(f"render: quadratic work on a long line ({error})")
    _assert_linear(lines_small, lines_large, "lines run in rendering.py")


class _QuoteDepth(HTMLParser):
    """The deepest nesting of quote spans; fails on a tag closed out of order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in ("span", "mark"):
            quote = dict(attrs_).get("class") == "an-quote"
            self.stack.append((tag, quote))
            self.deepest = max(self.deepest, sum(q for _, q in self.stack))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("span", "mark"):
            assert self.stack and self.stack[-1][0] == tag
            self.stack.pop()


def test_render_of_nested_quotes_closes_every_tag() -> None:
    """Every quote is shown, at most MAX_OPEN_QUOTES of them nested; the rest as chips."""
    doc = _document(12)
    html = arabnews.render(doc, style=False)
    drawn = html.count('<span class="an-qlbl">')  # the lead, where a drawn quote opens
    chips = html.count('<span class="an-qlbl" title=')  # a quote not drawn
    assert drawn >= rendering_module.MAX_OPEN_QUOTES
    assert drawn + chips == len(doc.quotes) == 24
    depth = _QuoteDepth()
    depth.feed(html)
    assert depth.stack == []  # every tag closed, in order
    assert depth.deepest == rendering_module.MAX_OPEN_QUOTES
    # each quote's details stay on hover, drawn or not
    for q in doc.quotes:
        assert f"cue: {html_escape(q.cue.text)}" in html


def test_render_html_grows_linearly_on_one_long_line() -> None:
    """Overlapping quotes are not closed and reopened around every crossing (x64 HTML)."""
    small = len(arabnews.render(_document(_SMALL)))
    large = len(arabnews.render(_document(_SMALL * _FACTOR)))
    _assert_linear(small, large, "characters of HTML")


@given(
    st.text(alphabet='ab «»"“”„ قال', max_size=40),
    st.integers(min_value=0, max_value=45),
    st.integers(min_value=0, max_value=45),
)
def test_opening_mark_index_agrees_with_a_scan(text: str, a: int, b: int) -> None:
    """``partial`` asks the precomputed index what a scan of the content would answer."""
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    span = Span(start, end)
    marks = [m.start() for m in quotes_module._OPEN_RE.finditer(text)]
    ctx = quotes_module._Sentence(text, Span(0, len(text)), (), (), (), (None, None))
    scan = any(ch in quotes_module._OPEN for ch in text[start:end])
    assert quotes_module._opens_within(ctx, span) is scan
    assert quotes_module._opens_within(attrs.evolve(ctx, open_marks=marks), span) is scan
