"""Value types of the cleaner: :class:`CleanConfig`, :class:`CleanedText`, :class:`Removal`,
:class:`Article`.

All offsets in :class:`Removal` and :class:`Article` are indices into the *original* text
(the string the caller passed to :func:`arabnews.clean`), as everywhere in arabnews.
"""

from __future__ import annotations

from typing import Any

import attrs

from arabnews.alignment import Alignment
from arabnews.spans import Span, end_after_start, non_negative

__all__ = [
    "BOILERPLATE_KINDS",
    "CHARACTER_STEPS",
    "FOLD_STEPS",
    "Article",
    "CleanConfig",
    "CleanedText",
    "Removal",
]

BOILERPLATE_KINDS = frozenset(
    {
        "see-also",
        "ad-marker",
        "tags",
        "category-teaser",
        "related-links",
        "share-bar",
        "source-line",
        "other",
    }
)
"""The kinds a :class:`Removal` can have."""

CHARACTER_STEPS = (
    "presentation_forms",
    "letter_variants",
    "tatweel",
    "diacritics",
    "invisible",
    "spaces",
    "line_breaks",
    "controls",
    "digits",
    "quotes",
    "surrogates",
)
"""Character-level steps that :func:`arabnews.clean` runs by default (in table order)."""

FOLD_STEPS = ("fold_alef", "fold_yeh", "fold_teh_marbuta")
"""Search-key foldings: off in :func:`arabnews.clean`, on in :func:`arabnews.normalize`."""


def _check_kind(_inst: Any, _attribute: Any, value: str) -> None:
    if value not in BOILERPLATE_KINDS:
        raise ValueError(f"kind must be one of {sorted(BOILERPLATE_KINDS)}, got {value!r}")


@attrs.frozen(slots=True, order=True)
class Removal:
    """A piece of boilerplate that the cleaner dropped, in original offsets.

    ``original[start:end] == text``; ``kind`` is one of :data:`BOILERPLATE_KINDS`;
    ``pattern`` names the row of ``data/boilerplate.tsv`` that matched.
    """

    start: int = attrs.field(validator=non_negative)
    end: int = attrs.field(validator=end_after_start)
    kind: str = attrs.field(validator=_check_kind)
    text: str
    pattern: str = ""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@attrs.frozen(slots=True, order=True)
class Article:
    """One article of a page, in original offsets; ``headline`` is its title line if any."""

    start: int = attrs.field(validator=non_negative)
    end: int = attrs.field(validator=end_after_start)
    headline: Span | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@attrs.frozen(slots=True)
class CleanConfig:
    """Which cleaning steps run. Every step can be switched off.

    Character steps (each is a table in ``data/chars.tsv``; see :doc:`/cleaning`):

    - ``presentation_forms``: ``ﻻ`` → ``لا`` (U+FB50–FDFF, U+FE70–FEFE to base letters).
    - ``letter_variants``: Persian/Urdu letters → Arabic, ``فی`` → ``في``, ``کابل`` → ``كابل``.
    - ``tatweel``: ``بـوتـين`` → ``بوتين``.
    - ``diacritics``: ``حاليًا`` → ``حاليا`` (U+064B–065F, U+0670, Quranic marks). On by default.
    - ``invisible``: zero-width characters, bidi marks and isolates, soft hyphen, BOM deleted.
    - ``spaces``: NBSP and other space characters → ``" "``.
    - ``line_breaks``: CR LF, CR, U+2028/2029, NEL → ``"\\n"``.
    - ``controls``: C0/C1 control characters (not tab or line breaks) deleted.
    - ``digits``: ``٢٠٢٤`` → ``2024`` (Arabic-Indic and Persian digits, ``٫ ٬ ٪``).
    - ``quotes``: curly quotes → ASCII, ``“NBC”`` → ``"NBC"`` (``« »`` are kept).
    - ``surrogates``: an unpaired surrogate → U+FFFD (one for one).
    - ``punctuation_spacing``: ``"قال ، ثم"`` → ``"قال، ثم"``, ``"( 2024 )"`` → ``"(2024)"``.

    Search-key folding (off here, on in :func:`arabnews.normalize`): ``fold_alef``
    (``أ إ آ`` → ``ا``), ``fold_yeh`` (``ى`` → ``ي``), ``fold_teh_marbuta`` (``ة`` → ``ه``).

    Page-level steps: ``boilerplate`` (remove and report site boilerplate) and
    ``articles`` (split multi-article pages).

    >>> CleanConfig().diacritics, CleanConfig(diacritics=False).diacritics
    (True, False)
    """

    presentation_forms: bool = True
    letter_variants: bool = True
    tatweel: bool = True
    diacritics: bool = True
    invisible: bool = True
    spaces: bool = True
    line_breaks: bool = True
    controls: bool = True
    digits: bool = True
    quotes: bool = True
    surrogates: bool = True
    punctuation_spacing: bool = True
    fold_alef: bool = False
    fold_yeh: bool = False
    fold_teh_marbuta: bool = False
    boilerplate: bool = True
    articles: bool = True

    def enabled_steps(self) -> tuple[str, ...]:
        """Names of the character-table steps that are on (table order)."""
        return tuple(s for s in (*CHARACTER_STEPS, *FOLD_STEPS) if getattr(self, s))


@attrs.frozen(slots=True, eq=False)
class CleanedText:
    """The cleaned text, the alignment back to the original, removals and articles.

    ``text`` is what later stages work on; ``to_original`` / ``span_to_original`` map its
    offsets back to ``original``. Every character of ``original`` that is not in ``text``
    unchanged is either inside a :class:`Removal` or inside a changed segment of
    ``alignment``.
    """

    original: str
    text: str
    removed: tuple[Removal, ...]
    alignment: Alignment
    articles: tuple[Article, ...] = ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CleanedText):
            return NotImplemented
        return (
            self.original == other.original
            and self.text == other.text
            and self.removed == other.removed
            and self.alignment == other.alignment
            and self.articles == other.articles
        )

    def __hash__(self) -> int:
        return hash((self.original, self.text, self.removed, self.articles))

    def __repr__(self) -> str:
        return (
            f"CleanedText(original_length={len(self.original)}, text_length={len(self.text)}, "
            f"removed={len(self.removed)}, articles={len(self.articles)})"
        )

    def to_original(self, i: int) -> int:
        """Original offset of cleaned offset *i* (start-biased, see :class:`Alignment`)."""
        return self.alignment.to_original(i)

    def to_original_end(self, i: int) -> int:
        """Original offset of cleaned offset *i* taken as the end of a span."""
        return self.alignment.to_original_end(i)

    def span_to_original(self, span: Span) -> Span:
        """Map a span of ``text`` to the span of ``original`` it came from.

        >>> from arabnews.clean import clean
        >>> c = clean("قال ، نعم")
        >>> c.text
        'قال، نعم'
        >>> c.span_to_original(Span(5, 8))
        Span(start=6, end=9)
        """
        s, e = self.alignment.span_to_original(span.start, span.end)
        return Span(s, e)

    def from_original(self, j: int) -> int:
        """Cleaned offset where original offset *j* ends up."""
        return self.alignment.from_original(j)
