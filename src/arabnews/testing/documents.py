"""Hypothesis strategies for sentences, whole news pages and analysed :class:`Document` s.

The pages look like what a scraper hands you: a headline, perhaps a wire dateline,
paragraphs with reported speech, names and places, site boilerplate ("اقرأ أيضا",
"إعلان", tag lines) between paragraphs, and decorations (bidi marks, tatweel, diacritics,
NBSP, emoji). ``hostile=True`` also mixes in unpaired surrogates, control characters,
other scripts and odd line breaks.

>>> from hypothesis import given
>>> from arabnews.testing import news_pages
>>> @given(news_pages())
... def test_clean_never_loses_text(page):
...     import arabnews
...     assert arabnews.clean(page).original == page
>>> test_clean_never_loses_text()
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from arabnews._data import read_json

if TYPE_CHECKING:
    from arabnews.document import Document
    from arabnews.pipeline import Pipeline

__all__ = [
    "arabic_sentences",
    "documents",
    "entity_names",
    "news_pages",
    "vocabulary",
]


@functools.cache
def vocabulary() -> dict[str, tuple[str, ...]]:
    """The word lists behind these strategies (``data/news.json``), validated once."""
    raw = read_json("arabnews.testing", "news.json")
    vocab: dict[str, tuple[str, ...]] = {}
    for key, values in raw.items():
        if key.startswith("_"):
            continue
        if (
            not isinstance(values, list)
            or not values
            or not all(isinstance(v, str) and v for v in values)
        ):
            raise ValueError(f"testing/data/news.json: {key!r} must be a non-empty list of strings")
        vocab[key] = tuple(values)
    return vocab


def _pick(key: str) -> st.SearchStrategy[str]:
    return st.sampled_from(vocabulary()[key])


def entity_names() -> st.SearchStrategy[str]:
    """A person, place or organisation name, as Arabic news spells them."""
    return st.one_of(_pick("people"), _pick("places"), _pick("organisations"))


@st.composite
def _plain_sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.one_of(_pick("words"), entity_names()), min_size=2, max_size=10))
    verb = draw(_pick("verbs"))
    middle = draw(st.sampled_from([" ", "، ", " و", " في ", " مع ", " على "]))
    end = draw(st.sampled_from([".", ".", ".", "؟", "!", "…"]))
    return f"{verb} {words[0]}{middle}{' '.join(words[1:])}{end}"


@st.composite
def _quote_sentence(draw: st.DrawFn) -> str:
    cue = draw(_pick("cues"))
    speaker = draw(_pick("people"))
    said = draw(_plain_sentence()).rstrip(".؟!…")
    open_q, close_q = draw(st.sampled_from([('"', '"'), ("«", "»"), ("“", "”")]))
    form = draw(st.integers(0, 2))
    if form == 0:
        return f"{cue} {speaker} {open_q}{said}{close_q}."
    if form == 1:
        return f"و{cue}، {speaker}، إن {said}."
    return f"{open_q}{said}{close_q}، {cue} {speaker}."


def arabic_sentences() -> st.SearchStrategy[str]:
    """One Arabic news sentence with final punctuation (statements and reported speech)."""
    return st.one_of(_plain_sentence(), _quote_sentence())


def _decorate(draw: st.DrawFn, text: str, extras: tuple[str, ...], rate: float) -> str:
    if not text or rate <= 0:
        return text
    n = draw(st.integers(0, max(1, int(len(text) * rate))))
    chars = list(text)
    for _ in range(n):
        i = draw(st.integers(0, len(chars)))
        chars.insert(i, draw(st.sampled_from(extras)))
    return "".join(chars)


@st.composite
def news_pages(
    draw: st.DrawFn,
    *,
    max_paragraphs: int = 6,
    boilerplate: bool = True,
    decorations: bool = True,
    hostile: bool = False,
) -> str:
    """A scraped Arabic news page (headline, dateline, paragraphs, boilerplate).

    Args:
        max_paragraphs: upper bound on body paragraphs.
        boilerplate: insert site boilerplate lines between paragraphs.
        decorations: sprinkle bidi marks, zero-width characters, tatweel, diacritics,
            NBSP and emoji inside the text.
        hostile: also insert unpaired surrogates, control characters, other scripts and
            stray CR / U+2028 line breaks.
    """
    lines: list[str] = [draw(_plain_sentence()).rstrip(".؟!…")]  # a headline has no stop
    if draw(st.booleans()):
        lines.append(draw(_plain_sentence()).rstrip(".؟!…"))  # a sub-headline
    lines.append("")
    dateline = ""
    if draw(st.booleans()):
        place, agency = draw(_pick("places")), draw(_pick("agencies"))
        dateline = draw(st.sampled_from([f"{place} - {agency}: ", f"{place} ({agency}) - "]))
    n_paragraphs = draw(st.integers(1, max(1, max_paragraphs)))
    for k in range(n_paragraphs):
        sentences = draw(st.lists(arabic_sentences(), min_size=1, max_size=4))
        paragraph = " ".join(sentences)
        if k == 0:
            paragraph = dateline + paragraph
        lines.append(paragraph)
        if boilerplate and draw(st.integers(0, 3)) == 0:
            lines.append(draw(_pick("boilerplate")))
            if draw(st.booleans()):
                lines.append(draw(arabic_sentences()).rstrip(".؟!…"))  # a related headline
        lines.append("")
    page = "\n".join(lines)
    extras: tuple[str, ...] = ()
    if decorations:
        extras += vocabulary()["decorations"]
    if hostile:
        extras += vocabulary()["hostile"]
    if extras:
        decorate = draw(st.booleans())
        if decorate:
            page = _decorate(draw, page, extras, rate=0.02)
    return page


_PIPELINES: dict[str, Any] = {}


def _light_pipeline() -> Pipeline:
    from arabnews.pipeline import Pipeline

    pipeline = _PIPELINES.get("light")
    if pipeline is None:
        pipeline = Pipeline(ner="gazetteer", names="document")
        try:
            _ = pipeline.recognizer  # builds the gazetteer recognizer
        except ImportError:  # a build of arabnews without the names gazetteer
            pipeline = Pipeline(ner=None, names="document")
        _PIPELINES["light"] = pipeline
    return pipeline


@st.composite
def documents(
    draw: st.DrawFn,
    pipeline: Pipeline | None = None,
    *,
    pages: st.SearchStrategy[str] | None = None,
    published: bool = True,
) -> Document:
    """An analysed :class:`~arabnews.document.Document` of a generated page.

    Args:
        pipeline: the pipeline to run; default: the gazetteer recognizer (no model,
            fast), names per document.
        pages: the strategy for the text; default :func:`news_pages`.
        published: sometimes attach a publication date.
    """
    text = draw(pages if pages is not None else news_pages())
    date = draw(st.none() | st.dates()) if published else None
    return (pipeline or _light_pipeline()).analyze(text, date)
