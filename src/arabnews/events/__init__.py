"""PLOVER events and reported speech from Arabic news.

>>> import datetime
>>> text = "قالت السلطات إن قصفا روسيا على زابوريجيا أدى إلى مقتل شخصين وإصابة 12 آخرين أمس."
>>> ev = extract_events(text, published=datetime.date(2025, 8, 7))
>>> [(e.type, e.mode, e.trigger.text, e.refers_to and e.refers_to.text) for e in ev]
[('ASSAULT', 'heavy-weapons', 'قصفا', 'مقتل'), ('ASSAULT', 'heavy-weapons', 'مقتل', None)]
>>> (attack,) = [e for e in ev if e.refers_to is None]  # one attack, two mentions
>>> [(q.text, q.kind, q.value) for q in attack.quantities]
[('شخصين', 'killed', 2.0), ('12 آخرين', 'injured', 12.0)]
>>> attack.time.value, [a.canonical for a in attack.actor]
('2025-08-06', ['روسيا'])
>>> q = extract_quotes(text)[0]
>>> q.cue.text, q.speaker_text, q.direct
('قالت', 'السلطات', False)
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from arabnews._checks import check_pieces, check_threshold, require_str
from arabnews._gc import gc_paused
from arabnews.events.schema import (
    MODALITIES,
    PLOVER_CATEGORIES,
    PLOVER_MODES,
    QUANTITY_KINDS,
    Event,
    Quantity,
    Quote,
    TimeExpression,
    check_event_threshold,
)
from arabnews.spans import Entity, Span

if TYPE_CHECKING:
    from arabnews.sentences import Sentence
    from arabnews.tokens import Token

__all__ = [
    "MODALITIES",
    "PLOVER_CATEGORIES",
    "PLOVER_MODES",
    "QUANTITY_KINDS",
    "Event",
    "Quantity",
    "Quote",
    "TimeExpression",
    "extract_events",
    "extract_quotes",
]


def _entities(text: str, entities: Sequence[Entity] | None) -> tuple[tuple[Entity, ...], bool]:
    """Entities to use and whether country-name fallbacks from the actor table are wanted.

    When *entities* is ``None`` the recogniser of :mod:`arabnews.ner` is used; its errors (a model
    that is not installed included) propagate, as they do from :func:`arabnews.analyze`.
    """
    if entities is not None:
        ents = tuple(entities)
        for e in ents:
            if not isinstance(e, Entity):
                raise TypeError(f"entities must contain Entity objects, not {type(e).__name__}")
        return ents, True
    from arabnews.ner import recognize

    return tuple(recognize(text)), True


def _check_date(published: object) -> datetime.date | None:
    from arabnews.document import parse_published

    return parse_published(published)


def _check_sentences(sentences: object, text: str) -> tuple[Sentence, ...]:
    """*sentences* as a tuple of :class:`~arabnews.sentences.Sentence` of *text*, in order."""
    from arabnews.sentences import Sentence

    return check_pieces(sentences, text, Sentence, "sentences")


def _flow(
    text: str, sentences: Sequence[Sentence] | None, tokens: Sequence[Token] | None
) -> tuple[tuple[tuple[Span, datetime.date | None], ...], tuple[tuple[Token, ...], ...] | None]:
    """The sentences (with dateline dates) and each sentence's tokens: the caller's, checked,
    or computed here (split and words as :func:`extract_events` always did)."""
    from arabnews.events.extractor import sentence_dates, sentence_spans

    if sentences is None:
        pairs = sentence_spans(text)
    else:
        pairs = sentence_dates(_check_sentences(sentences, text))
    if tokens is None:
        return pairs, None
    from arabnews.tokens import check_tokens, tokens_by_span

    return pairs, tokens_by_span(check_tokens(tokens, text), [s for s, _ in pairs])


def extract_events(
    text: str,
    *,
    published: datetime.date | str | None = None,
    entities: Sequence[Entity] | None = None,
    threshold: float | Mapping[str, float] | None = None,
    sentences: Sequence[Sentence] | None = None,
    tokens: Sequence[Token] | None = None,
) -> tuple[Event, ...]:
    """PLOVER events of *text*, with original offsets.

    Args:
        text: the original article text.
        published: publication date (``datetime.date`` or ISO string), used to resolve time
            expressions (اليوم، أمس، الأحد ...); when ``None`` a dateline's date is used if the
            sentence splitter finds one.
        entities: named entities of *text* (original offsets); when ``None``,
            :func:`arabnews.ner.recognize` is used if available, else only actor nouns and
            country names from the lexicon serve as arguments.
        threshold: the least :attr:`Event.score` reported, between 0 and 1; ``None`` uses the
            model's default, chosen for precision by cross-validation; ``0`` keeps every
            candidate that the lexicon and its rules allow. A mapping from PLOVER categories
            to thresholds sets some categories and leaves the others at the default:
            ``{"ASSAULT": 0.3}`` reports more of the attack mentions the lexicon and its rules
            propose (web news counts many that the gold standard's sentence labels do not)
            and leaves the other categories as they are.
        sentences: the sentences of *text* (:func:`arabnews.split_sentences`' output, with
            their datelines), when already split: *text* is then not split again. ``None``
            splits it here.
        tokens: the tokens of *text* (:func:`arabnews.tokenize`' output), when already made:
            the words are then derived from them instead of read again. ``None`` reads them
            here. Either way the result is the same for the splitter's and the tokenizer's
            own output; :class:`~arabnews.Pipeline` passes both.

    Returns:
        The events in text order; ``()`` for empty or whitespace-only text.

    Raises:
        TypeError: if *text* is not a ``str`` (bytes are not decoded), *published* neither a
            date nor a string, *threshold* neither a number nor a mapping of numbers, or
            *sentences* / *tokens* not sequences of :class:`~arabnews.Sentence` /
            :class:`~arabnews.Token`.
        ValueError: *published* is a string that is not an ISO date, *threshold* (or a value
            of it) is outside 0..1 or names no PLOVER category, or a sentence or token does
            not match *text* at its offsets (out of order, overlapping, outside the text, or
            another text's).
        arabnews.errors.ModelNotAvailableError: *entities* is ``None`` and the configured
            recogniser cannot be loaded.
    """
    require_str(text, "text")
    pub = _check_date(published)
    cut = check_event_threshold(threshold, "threshold")
    if not text.strip():
        return ()
    from arabnews.events.extractor import extract_from_sentences

    with gc_paused():
        pairs, groups = _flow(text, sentences, tokens)  # checked before NER runs
    ents, use_names = _entities(text, entities)
    with gc_paused():  # NER (which may build cycles) has run; the rest builds none
        return extract_from_sentences(
            text, pairs, ents, pub, use_names=use_names, threshold=cut, tokens=groups
        )


def extract_quotes(
    text: str,
    *,
    entities: Sequence[Entity] | None = None,
    sentences: Sequence[Sentence] | None = None,
    tokens: Sequence[Token] | None = None,
    threshold: float | None = None,
) -> tuple[Quote, ...]:
    """Reported speech in *text*: speaker, cue, content span and ``direct``.

    Args:
        text: the original article text.
        entities: named entities of *text*; see :func:`extract_events`.
        sentences: the sentences of *text*, when already split; see :func:`extract_events`.
        tokens: the tokens of *text*, when already made; see :func:`extract_events`.
        threshold: the least :attr:`Quote.score` reported, between 0 and 1; ``None`` uses
            :data:`arabnews.events.quotes.QUOTE_THRESHOLD` (0.5: a quote whose speaker was
            not found is left out); ``0`` keeps every quote.

    Returns:
        The quotes in text order; ``()`` for empty or whitespace-only text.

    Raises:
        TypeError: if *text* is not a ``str``, or *sentences* / *tokens* are not sequences of
            :class:`~arabnews.Sentence` / :class:`~arabnews.Token`.
        ValueError: a sentence or token does not match *text* at its offsets.
    """
    require_str(text, "text")
    least = check_threshold(threshold, "threshold")
    if not text.strip():
        return ()
    from arabnews.events.quotes import quotes_in_sentences

    with gc_paused():
        pairs, groups = _flow(text, sentences, tokens)
    ents, use_names = _entities(text, entities)
    with gc_paused():
        spans = [s for s, _ in pairs]
        return quotes_in_sentences(
            text, spans, ents, use_names=use_names, tokens=groups, threshold=least
        )
