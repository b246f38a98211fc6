"""Hypothesis strategies for Arabic news text (for property-based tests).

Every function returns a :mod:`hypothesis` strategy and composes like the ones in
:mod:`hypothesis.strategies`::

    from hypothesis import given
    from arabnews.testing.text import arabic_text, news_pages

    @given(arabic_text(diacritics=True, tatweel=True, marks=True))
    def test_clean_is_idempotent(text): ...

Building blocks:

- :func:`arabic_letters` — one base letter; :func:`arabic_words` — words with optional
  diacritics, tatweel, presentation forms and Persian/Urdu letters;
- :func:`arabic_text` — words joined by spaces and punctuation, with optional invisible
  (bidi, zero-width) marks, odd spaces, Eastern digits and curly quotes;
- :func:`boilerplate_lines` — lines that news sites add (``إعلان``, ``اقرأ أيضا:`` ...);
- :func:`news_pages` / :func:`news_pages_with_boilerplate` — whole pages of headlines,
  paragraphs and boilerplate; the latter also returns where the boilerplate is;
- :func:`any_unicode` — any string at all, unpaired surrogates included.

This module needs ``hypothesis`` (a test dependency); ``import arabnews`` never imports it.
"""

from __future__ import annotations

from hypothesis import strategies as st

from arabnews import charsets as cs

__all__ = [
    "any_unicode",
    "arabic_letters",
    "arabic_text",
    "arabic_words",
    "boilerplate_lines",
    "diacritic_marks",
    "invisible_marks",
    "news_pages",
    "news_pages_with_boilerplate",
]

# (strings, not sets: the order fixes which example a seed draws)
_LETTERS = "".join(sorted(cs.BASIC_LETTERS))
# all tashkeel, superscript alef and three Quranic annotation marks
_DIACRITICS = "".join(sorted(cs.TASHKEEL)) + cs.SUPERSCRIPT_ALEF + "\u06d6\u06e1\u06ed"
_PERSIAN = "\u06cc\u06a9\u06d5\u06be\u06c0\u06c1\u06c3\u0671"
_PRESENTATION = "".join(chr(c) for c in range(0xFE80, 0xFEFD)) + "\ufefb\ufef7\ufdf2\ufc5e"
# every invisible character but LRO (U+202D) and FSI (U+2068)
_INVISIBLE = (
    cs.ZWSP
    + cs.ZWNJ
    + cs.ZWJ
    + cs.LRM
    + cs.RLM
    + "\u202a\u202b\u202c\u202e\u2066\u2067\u2069"
    + cs.ALM
    + cs.BOM
    + cs.SOFT_HYPHEN
)
_SPACES = "\u00a0\u2009\u202f\u3000"
_DIGITS = "".join(sorted(cs.ASCII_DIGITS | cs.ARABIC_INDIC_DIGITS)) + "\u06f1\u06f4"
_PUNCT = ["،", ".", "؛", "؟", "!", ":", " ،", " .", "( ", " )", "«", "»", "“", "”", "..", "-"]
# spacing edge cases
_PUNCT += ["\u00a0،", "(\u00a0", f"{cs.RLM} ،", f" {cs.TATWEEL})", f"( {cs.LRM}"]

# Lines that real pages carry; each is removed by a row of data/boilerplate.tsv.
_BOILERPLATE: tuple[tuple[str, str], ...] = (
    ("إعلان", "ad-marker"),
    ("اعلان", "ad-marker"),
    ("إقرأ أيضاً:", "see-also"),
    ("اقرأ أيضا", "see-also"),
    ("مقالات مشابهة", "related-links"),
    ("مقالات ذات صلة:", "related-links"),
    ("انتقل إلى اختصارات الوصولشارك هذا المقال", "share-bar"),
    ("شارك هذا المقال", "share-bar"),
)
_PREFIXED: tuple[tuple[str, str], ...] = (
    ("كلمات دلالية: ", "tags"),
    ("المصدر: ", "source-line"),
    ("من نفس التصنيف: ", "category-teaser"),
    ("مقال مقترح: ", "see-also"),
)


def arabic_letters() -> st.SearchStrategy[str]:
    """One Arabic base letter (hamza to yeh, no tatweel)."""
    return st.sampled_from(_LETTERS)


def diacritic_marks() -> st.SearchStrategy[str]:
    """One Arabic diacritic (harakat, tanween, shadda, sukun, superscript alef, Quranic)."""
    return st.sampled_from(_DIACRITICS)


def invisible_marks() -> st.SearchStrategy[str]:
    """One zero-width or bidi control character (LRM, RLM, isolates, ZWJ, BOM ...)."""
    return st.sampled_from(_INVISIBLE)


def arabic_words(
    min_size: int = 1,
    max_size: int = 8,
    *,
    diacritics: bool = False,
    tatweel: bool = False,
    presentation_forms: bool = False,
    persian: bool = False,
) -> st.SearchStrategy[str]:
    """One Arabic word of *min_size*..*max_size* characters, optionally decorated.

    The first character is always a base letter; the rest mixes letters with whatever
    decorations are switched on (letters stay the most frequent).

    >>> from hypothesis import find
    >>> len(find(arabic_words(3, 3), lambda w: True))
    3
    """
    pool = _LETTERS * 4
    if diacritics:
        pool += _DIACRITICS
    if tatweel:
        pool += cs.TATWEEL * 4
    if presentation_forms:
        pool += _PRESENTATION[::3]
    if persian:
        pool += _PERSIAN * 2
    rest = st.text(st.sampled_from(pool), min_size=max(0, min_size - 1), max_size=max_size - 1)
    return st.builds(lambda a, b: a + b, arabic_letters(), rest)


def arabic_text(
    min_words: int = 0,
    max_words: int = 30,
    *,
    diacritics: bool = True,
    tatweel: bool = True,
    presentation_forms: bool = True,
    persian: bool = True,
    marks: bool = True,
    spaces: bool = True,
    digits: bool = True,
    punctuation: bool = True,
    newlines: bool = True,
) -> st.SearchStrategy[str]:
    """Arabic running text with everything a cleaner must handle switched on by default.

    Words carry diacritics, tatweel, presentation forms and Persian letters; between them
    come spaces (sometimes NBSP or thin spaces), line breaks (LF, CR LF), punctuation
    with the spacing scrapes produce (``" ،"``, ``"( "``), Eastern digits and invisible
    bidi/zero-width marks. Switch any of them off to narrow the input.
    """
    word = arabic_words(
        1,
        7,
        diacritics=diacritics,
        tatweel=tatweel,
        presentation_forms=presentation_forms,
        persian=persian,
    )
    tokens: st.SearchStrategy[str] = word
    if digits:
        tokens = word | st.text(st.sampled_from(_DIGITS), min_size=1, max_size=4)
    seps = [" "] * 8
    if spaces:
        seps += list(_SPACES)
    if newlines:
        seps += ["\n", "\n\n", "\r\n"]
    extras = [""] * 6
    if marks:
        extras += list(_INVISIBLE[::2])
    if punctuation:
        extras += _PUNCT
    item = st.tuples(tokens, st.sampled_from(extras), st.sampled_from(seps))
    return st.lists(item, min_size=min_words, max_size=max_words).map(
        lambda items: "".join(w + x + sep for w, x, sep in items)[:-1] if items else ""
    )


@st.composite
def _boilerplate_line(draw: st.DrawFn) -> tuple[str, str]:
    if draw(st.booleans()):
        return draw(st.sampled_from(_BOILERPLATE))
    prefix, kind = draw(st.sampled_from(_PREFIXED))
    words = draw(st.lists(arabic_words(2, 6), min_size=1, max_size=4))
    return prefix + " ".join(words), kind


def boilerplate_lines() -> st.SearchStrategy[str]:
    """One line of news-site boilerplate (ad marker, read-also, tags, source, share bar ...)."""
    return _boilerplate_line().map(lambda pair: pair[0])


@st.composite
def _page(
    draw: st.DrawFn, max_paragraphs: int, boilerplate: bool
) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    blocks: list[tuple[str, str | None]] = []
    headline = draw(arabic_text(2, 8, punctuation=False, newlines=False, marks=False))
    blocks.append((headline, None))
    paragraph = arabic_text(3, 25, newlines=False, punctuation=False)
    extra = _boilerplate_line() if boilerplate else st.none()
    for para, bp in draw(
        st.lists(st.tuples(paragraph, st.none() | extra), min_size=1, max_size=max_paragraphs)
    ):
        blocks.append((para + ".", None))
        if bp is not None:
            blocks.append(bp)
    text = ""
    spans: list[tuple[int, int, str]] = []
    for i, (block, kind) in enumerate(blocks):
        if i:
            text += "\n\n"
        if kind is not None:
            spans.append((len(text), len(text) + len(block), kind))
        text += block
    return text, tuple(spans)


def news_pages_with_boilerplate(
    max_paragraphs: int = 6,
) -> st.SearchStrategy[tuple[str, tuple[tuple[int, int, str], ...]]]:
    """A page (headline, paragraphs, boilerplate lines between them, blank-line separated)
    together with the ``(start, end, kind)`` of every boilerplate line in it."""
    return _page(max_paragraphs, True)


def news_pages(max_paragraphs: int = 6, *, boilerplate: bool = True) -> st.SearchStrategy[str]:
    """A news page as one string: a headline line, paragraphs and (optionally) boilerplate."""
    return _page(max_paragraphs, boilerplate).map(lambda page: page[0])


def any_unicode(max_size: int = 200) -> st.SearchStrategy[str]:
    """Any string: every category, unpaired surrogates, controls, bidi marks, emoji."""
    return st.text(max_size=max_size) | st.text(
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"])
        | st.sampled_from(_INVISIBLE + _SPACES + "\r\n" + cs.TATWEEL + _PRESENTATION + _DIACRITICS)
        | st.sampled_from(_LETTERS + " ،.()«»:"),
        max_size=max_size,
    )
