"""``clean``, ``normalize`` and ``split_articles``: the public entry points of the cleaner."""

from __future__ import annotations

import re
from typing import Any

import attrs

from arabnews._checks import require_str
from arabnews.clean.articles import ARTICLE_END_KINDS, find_articles
from arabnews.clean.boilerplate import find_boilerplate
from arabnews.clean.steps import alignment_from_edits, cut_alignment, normalize_chars
from arabnews.clean.types import FOLD_STEPS, Article, CleanConfig, CleanedText, Removal
from arabnews.spans import Span

__all__ = ["clean", "normalize", "split_articles"]

_DEFAULT = CleanConfig()
_NONSPACE = re.compile(r"\S")


def _check_config(config: Any) -> CleanConfig:
    if config is None:
        return _DEFAULT
    if not isinstance(config, CleanConfig):
        raise TypeError(f"config must be CleanConfig or None, not {type(config).__name__}")
    return config


def clean(text: str, *, config: CleanConfig | None = None) -> CleanedText:
    """Normalise *text* and remove news-site boilerplate, keeping an alignment back.

    Character steps and boilerplate patterns are described in :class:`CleanConfig` and
    :doc:`/cleaning`. Offsets of ``removed`` and ``articles`` are in *text*;
    ``CleanedText.span_to_original`` maps spans of the cleaned text back to *text*.

    >>> c = clean("قال الرئيس ، إن المحادثات ( ٢٠٢٤ ) كانت «جيدةً»\\n\\nإعلان\\n\\nتابع.")
    >>> c.text
    'قال الرئيس، إن المحادثات (2024) كانت «جيدة»\\n\\n\\n\\nتابع.'
    >>> [(r.kind, r.text) for r in c.removed]
    [('ad-marker', 'إعلان')]
    >>> c.original[c.to_original(c.text.index("2024")):][:4]
    '٢٠٢٤'

    Raises:
        TypeError: if *text* is not a ``str`` or *config* not a :class:`CleanConfig`.
    """
    require_str(text, "text")
    cfg = _check_config(config)
    chars = normalize_chars(text, cfg)
    removals: list[Removal] = []
    final_text, alignment = chars.text, chars.alignment
    if cfg.boilerplate and final_text:
        found = find_boilerplate(final_text)
        if found:
            spans: list[tuple[int, int]] = []
            pieces: list[str] = []
            kept = 0  # end of the last removal in the normalised text
            for m in found:
                os_, oe = alignment.span_to_original(m.start, m.end)
                if spans and os_ < spans[-1][1]:
                    continue
                spans.append((os_, oe))
                removals.append(Removal(os_, oe, m.kind, text[os_:oe], m.pattern))
                # widened to whole units like the original span
                pieces.append(final_text[kept : alignment.from_original(os_)])
                kept = alignment.from_original(oe)
            pieces.append(final_text[kept:])
            final_text = "".join(pieces)
            alignment = cut_alignment(alignment, spans)
    if final_text and _NONSPACE.search(final_text) is None:
        # whitespace-only result: empty result (idempotent, since "" cleans to "")
        final_text = ""
        alignment = alignment_from_edits(len(text), [(0, len(text), "")])
    articles: tuple[Article, ...] = ()
    if cfg.articles and final_text:
        cuts = [alignment.from_original(r.start) for r in removals if r.kind in ARTICLE_END_KINDS]
        found_articles = []
        for s, e, head in find_articles(final_text, cuts):
            os_, oe = alignment.span_to_original(s, e)
            headline = None
            if head is not None:
                hs, he = alignment.span_to_original(*head)
                headline = Span(hs, he)
            found_articles.append(Article(os_, oe, headline))
        articles = tuple(found_articles)
    return CleanedText(text, final_text, tuple(removals), alignment, articles)


def split_articles(text: str, *, config: CleanConfig | None = None) -> tuple[Article, ...]:
    """Articles of a page, in original offsets (the same as ``clean(text).articles``).

    >>> page = "العنوان الأول للخبر\\nنص الخبر الأول.\\n\\nالعنوان الثاني للخبر\\nنص الخبر الثاني."
    >>> [(a.start, a.end, a.headline) for a in split_articles(page)]
    [(0, 35, Span(start=0, end=19)), (37, 74, Span(start=37, end=57))]
    """
    require_str(text, "text")
    cfg = _check_config(config)
    if not cfg.articles:
        cfg = attrs.evolve(cfg, articles=True)
    return clean(text, config=cfg).articles


_NORMALIZE_DEFAULTS = {name: True for name in FOLD_STEPS}


def normalize(text: str, **options: bool) -> str:
    """Character-level normalisation only (no boilerplate removal), e.g. for search keys.

    *options* are the boolean fields of :class:`CleanConfig`. Unlike :func:`clean`, the
    search-key foldings are **on** by default here: ``fold_alef`` (``أ إ آ`` → ``ا``),
    ``fold_yeh`` (``ى`` → ``ي``), ``fold_teh_marbuta`` (``ة`` → ``ه``).

    >>> normalize("إلى مدينةِ القُدس")
    'الي مدينه القدس'
    >>> normalize("إلى مدينةِ القُدس", fold_alef=False, fold_yeh=False, fold_teh_marbuta=False)
    'إلى مدينة القدس'

    Raises:
        TypeError: if *text* is not a ``str`` or an option is not a ``bool``.
        ValueError: for an unknown option.
    """
    require_str(text, "text")
    fields = {f.name for f in attrs.fields(CleanConfig)}
    for key, value in options.items():
        if key not in fields or key in ("boilerplate", "articles"):
            raise ValueError(f"unknown normalize option {key!r}")
        if not isinstance(value, bool):
            raise TypeError(f"option {key} must be bool, not {type(value).__name__}")
    settings = {**_NORMALIZE_DEFAULTS, **options, "boilerplate": False, "articles": False}
    return normalize_chars(text, CleanConfig(**settings)).text
