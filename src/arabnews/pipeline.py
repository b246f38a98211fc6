"""The pipeline: original text → :class:`~arabnews.document.Document`.

The data flow is the one the library is built around, and :meth:`Pipeline.analyze`
spells it out step by step; each stage hands its output on, so no stage does another's
work again (the text is split once and tokenised once)::

    original ─clean─▶ CleanedText ─split_sentences─▶ sentences ─────────────┐
                          │                              │                  │
                          └─tokenize (once)─▶ tokens ────┼─────────────┐    │
                                                         ▼             │    │
                                      recognize(sentences, tokens) ─▶ entities
                                                         │             │    │
                                   NameResolver ─▶ canonical names, cluster ids
                                                         │             ▼    ▼
                     extract_events, extract_quotes(sentences, tokens, entities)
                                                         │
                            map every span back to original offsets once ─▶ Document

Every stage after the cleaner works on the cleaned text; the spans it returns are mapped
back through the cleaner's alignment in one place (:func:`to_original`), so a stage never
needs to know about original offsets. Each stage is a constructor argument: pass your own
callable to replace it or ``None`` to switch it off. Like spaCy's ``Language``, every stage
is a :class:`~arabnews.Component` that declares what it ``needs`` and what it ``adds``;
:attr:`Pipeline.components` lists them, and the constructor checks that each stage's
needs are met by an earlier one (a stage that cannot run raises ``ValueError`` there,
not on the first document).

>>> from arabnews import Pipeline
>>> doc = Pipeline(ner=None, events=None, quotes=None).analyze("قال الوزير إن المحادثات مستمرة.")
>>> [s.text for s in doc.sentences]
['قال الوزير إن المحادثات مستمرة.']
>>> Pipeline(ner="gazetteer").pipe_names
('clean', 'sentences', 'tokens', 'ner', 'names', 'events', 'quotes')
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import signal
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol

import attrs

from arabnews._checks import accepts_keyword, check_threshold, require_str
from arabnews._gc import gc_paused
from arabnews.document import Document, parse_published
from arabnews.errors import DocumentSkippedWarning, DocumentTimeoutError, SkippedDocument
from arabnews.events.schema import check_event_threshold

if TYPE_CHECKING:
    import datetime as _dt
    from concurrent.futures import Future

    from arabnews.clean import CleanConfig, CleanedText
    from arabnews.events import Event, Quote
    from arabnews.names import NameResolver
    from arabnews.sentences import Sentence
    from arabnews.spans import Entity, Span
    from arabnews.tokens import Token

__all__ = [
    "Component",
    "NamesMode",
    "Pipeline",
    "analyze",
    "to_original",
]

Cleaner = Callable[[str], "CleanedText"]
SentenceSplitter = Callable[[str], "Sequence[Sentence]"]
EventExtractor = Callable[..., "Sequence[Event]"]
QuoteExtractor = Callable[..., "Sequence[Quote]"]
NamesMode = Literal["corpus", "document"]


class _RecognizerLike(Protocol):
    def recognize(
        self, text: str, sentences: Sequence[Span] | None = None
    ) -> tuple[Entity, ...]: ...


_DEFAULT = "default"
_NER_CHOICES = ("default", "combined", "stanza", "gazetteer")


@attrs.frozen(slots=True)
class Component:
    """One stage of a :class:`Pipeline`, as :attr:`Pipeline.components` lists it.

    In the spirit of spaCy's pipeline components (``requires`` / ``assigns``), each stage
    declares the data it works on. The names are those of the data flow: ``"text"``,
    ``"cleaned"`` (the :class:`~arabnews.CleanedText`), ``"sentences"``, ``"tokens"``
    (:func:`arabnews.tokenize` of the cleaned text, made once and shared), ``"entities"``,
    ``"canonical_names"`` (canonical names and cluster ids set on the entities),
    ``"events"``, ``"quotes"``.

    Attributes:
        name: the stage (``"clean"``, ``"sentences"``, ``"tokens"``, ``"ner"``,
            ``"names"``, ``"events"``, ``"quotes"``).
        implementation: ``"default"``, the built-in recognizer's name, or the qualified
            name of the callable or object you passed.
        needs: data that must exist before the stage runs (checked at construction).
        uses: data the stage takes when an earlier stage made it (entities for events,
            for instance), and runs without otherwise.
        adds: data the stage makes for later stages and the :class:`~arabnews.Document`.
    """

    name: str
    implementation: str
    needs: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()


def _show(value: Any) -> str:
    if value is None or isinstance(value, str):
        return str(value)
    return str(getattr(value, "__qualname__", type(value).__name__))


def to_original(value: Any, cleaned: CleanedText) -> Any:
    """Map every span inside *value* from cleaned to original offsets.

    *value* is an attrs object or a tuple of them, nested to any depth. Every object with
    ``start`` and ``end`` fields is moved through ``cleaned.alignment``; when it also has a
    ``text`` field, that becomes the slice of the original text, so that
    ``original[obj.start:obj.end] == obj.text`` holds afterwards. Objects without spans
    are returned unchanged (the same object).
    """
    alignment = cleaned.alignment
    if alignment.is_identity:
        return value
    original = cleaned.original
    return _remap(value, alignment.span_to_original, original)


def _remap(value: Any, span_map: Callable[[int, int], tuple[int, int]], original: str) -> Any:
    if isinstance(value, tuple):
        items = tuple(_remap(v, span_map, original) for v in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    cls = type(value)
    if not attrs.has(cls):
        return value
    changes: dict[str, Any] = {}
    names = set()
    for field in attrs.fields(cls):
        names.add(field.name)
        if not field.init or field.name in ("start", "end", "text"):
            continue
        old = getattr(value, field.name)
        new = _remap(old, span_map, original)
        if new is not old:
            changes[field.alias] = new
    if "start" in names and "end" in names:
        start, end = span_map(value.start, value.end)
        if "text" in names and isinstance(value.text, str):
            # A changed run that merges whitespace with a neighbour (NBSP + CR -> LF next to
            # a digit) maps proportionally; the span must not gain edge whitespace its
            # cleaned text did not have.
            if value.text[:1] and not value.text[:1].isspace():
                while start < end and original[start].isspace():
                    start += 1
            if value.text[-1:] and not value.text[-1:].isspace():
                while end > start and original[end - 1].isspace():
                    end -= 1
            changes["text"] = original[start:end]
        changes["start"], changes["end"] = start, end
    return attrs.evolve(value, **changes) if changes else value


def _identity_cleaned(text: str) -> CleanedText:
    from arabnews.alignment import Alignment
    from arabnews.clean import CleanedText

    return CleanedText(
        original=text,
        text=text,
        removed=(),
        alignment=Alignment.identity(len(text)),
        articles=(),
    )


def _build_recognizer(spec: str, model_dir: str | None) -> _RecognizerLike:
    from arabnews import ner

    if spec == "gazetteer":
        return ner.GazetteerRecognizer()
    if spec in ("default", "combined") and model_dir is None:
        return ner.default_recognizer()  # the one arabnews.recognize uses: one model load
    stanza = ner.StanzaRecognizer.from_dir(model_dir) if model_dir else ner.StanzaRecognizer()
    if spec == "stanza":
        return stanza
    return ner.CombinedRecognizer(stanza, ner.GazetteerRecognizer())


# What :meth:`Pipeline.warm_up` reads: a statement, an attack with a count, a time and a place, a
# protest and a request, so that every table the rule stages read is loaded (one sentence of
# speech alone left a tenth of a second of loading to the first real text).
WARM_UP_TEXT = (
    "قال الرئيس في القاهرة إن المحادثات مستمرة. وقصفت القوات الإسرائيلية أمس مواقع في غزة، "
    "ما أدى إلى مقتل 5 أشخاص وإصابة العشرات، فيما تظاهر الآلاف في رام الله للتنديد بالهجوم، "
    "ودعا الوزير إلى وقف إطلاق النار."
)


class Pipeline:
    """A configurable analysis pipeline.

    Args:
        clean: the cleaner, ``text -> CleanedText``. ``"default"`` is
            :func:`arabnews.clean` with *clean_config*; ``None`` skips cleaning (the text
            is analysed as it is).
        sentences: ``text -> sequence of Sentence``; ``"default"`` is
            :func:`arabnews.split_sentences`; ``None`` leaves ``Document.sentences`` empty
            (the recognizer then splits the text itself; the default events and quotes
            stages need sentences, so switch them off or pass your own).
        ner: ``"default"`` (alias ``"combined"``): the shipped Stanza model combined with
            the gazetteer; ``"stanza"``: the model alone; ``"gazetteer"``: the gazetteer
            alone (no torch, no model; fast, lower recall); a :class:`~arabnews.Recognizer`
            object; ``None`` switches entity recognition off. When the model cannot be
            loaded, the first analysis raises :class:`~arabnews.ModelNotAvailableError`;
            nothing is downloaded and there is no silent fallback.
        model_dir: an official or self-trained Stanza model directory for ``ner``
            (see :meth:`arabnews.StanzaRecognizer.from_dir`).
        names: ``"corpus"`` (default): one :class:`~arabnews.NameResolver` shared by
            every document this pipeline analyses, so that entities across documents
            share clusters; ``"document"``: a fresh resolver per document (results do
            not depend on what was analysed before); a ``NameResolver`` to continue
            from; ``None`` keeps whatever canonical names the recognizer set.
        events: ``extract_events``-compatible callable
            ``(text, *, published, entities) -> events``, ``"default"`` or ``None``.
            A callable that also takes ``sentences`` and/or ``tokens`` (or ``**kwargs``)
            gets the pipeline's (cleaned offsets; ``sentences=None`` when that stage is
            off); one that does not is called as before. This is checked once, here.
        quotes: ``extract_quotes``-compatible callable ``(text, *, entities) -> quotes``,
            ``"default"`` or ``None``; ``sentences`` and ``tokens`` as for *events*.
        clean_config: a :class:`~arabnews.CleanConfig` for the default cleaner.
        event_threshold: the least :attr:`~arabnews.events.Event.score` of the events the
            default extractor reports (0..1); ``None`` uses the model's defaults, chosen for
            precision; lower it for recall, ``0`` keeps every lexicon candidate; a mapping
            from PLOVER categories to thresholds sets those categories only
            (``{"ASSAULT": 0.3}``).
        entity_threshold: the least recognition :attr:`~arabnews.Entity.score` of the
            entities kept (0..1; entities without a score, the gazetteer's, are kept);
            ``None`` (default) keeps them all, as :func:`arabnews.recognize` does.
        quote_threshold: the least :attr:`~arabnews.Quote.score` of the quotes the default
            quote stage reports (0..1); ``None`` uses
            :data:`~arabnews.events.quotes.QUOTE_THRESHOLD`, chosen for precision; ``0``
            keeps every quote, those whose speaker was not found included.

    A pipeline holds mutable state (the corpus resolver); use one per thread. It is
    picklable when its stages are (the defaults are); a loaded model is never pickled,
    each process loads its own.

    Raises:
        ValueError: an unknown stage name, or a stage whose needs no earlier stage meets
            (for example ``sentences=None`` with the default events stage), or a threshold
            outside 0..1.
        TypeError: a stage that is neither a name, ``None`` nor a callable / recognizer, or a
            threshold that is not a number.
    """

    def __init__(
        self,
        *,
        clean: Cleaner | str | None = _DEFAULT,
        sentences: SentenceSplitter | str | None = _DEFAULT,
        ner: _RecognizerLike | str | None = _DEFAULT,
        model_dir: str | os.PathLike[str] | None = None,
        names: NamesMode | NameResolver | None = "corpus",
        events: EventExtractor | str | None = _DEFAULT,
        quotes: QuoteExtractor | str | None = _DEFAULT,
        clean_config: CleanConfig | None = None,
        event_threshold: float | Mapping[str, float] | None = None,
        entity_threshold: float | None = None,
        quote_threshold: float | None = None,
    ) -> None:
        for arg, value in (
            ("clean", clean),
            ("sentences", sentences),
            ("events", events),
            ("quotes", quotes),
        ):
            if isinstance(value, str) and value != _DEFAULT:
                raise ValueError(f"{arg} must be 'default', None or a callable, not {value!r}")
            if value is not None and not isinstance(value, str) and not callable(value):
                raise TypeError(f"{arg} must be 'default', None or a callable")
        if isinstance(ner, str) and ner not in _NER_CHOICES:
            raise ValueError(
                f"ner must be one of {_NER_CHOICES}, None or a Recognizer, not {ner!r}"
            )
        if ner is not None and not isinstance(ner, str) and not hasattr(ner, "recognize"):
            raise TypeError("ner must be a name, None or an object with a recognize() method")
        self._clean_spec = clean
        self._sentences_spec = sentences
        self._ner_spec = ner
        self._model_dir = None
        if model_dir is not None:
            from arabnews.ner.loading import locate_model_dir

            # ~ expanded; a folder in neither model layout fails here, saying what was expected
            self._model_dir = os.path.expanduser(os.fspath(model_dir))
            locate_model_dir(self._model_dir)
        self._events_spec = events
        self._event_threshold = check_event_threshold(event_threshold, "event_threshold")
        self._entity_threshold = check_threshold(entity_threshold, "entity_threshold")
        self._quote_threshold = check_threshold(quote_threshold, "quote_threshold")
        self._quotes_spec = quotes
        self._clean_config = clean_config
        self._resolver: NameResolver | None = None
        self._names_mode: str | None
        if names is None or isinstance(names, str):
            if names not in (None, "corpus", "document"):
                raise ValueError("names must be 'corpus', 'document', None or a NameResolver")
            self._names_mode = names
        elif hasattr(names, "add") and hasattr(names, "merge"):
            self._names_mode = "corpus"
            self._resolver = names
        else:
            raise ValueError("names must be 'corpus', 'document', None or a NameResolver")
        self._recognizer: _RecognizerLike | None = None
        #: documents the last ``analyze_many(errors="skip")`` call left out, in input order
        self.skipped: list[SkippedDocument] = []
        # What each stage takes, decided once: a callable is only given what it asks for.
        self._takes: dict[str, frozenset[str]] = {
            stage: frozenset(
                k for k in ("sentences", "tokens") if spec == _DEFAULT or _accepts(spec, k)
            )
            for stage, spec in (("events", events), ("quotes", quotes))
            if spec is not None
        }
        if ner is not None:
            from arabnews.ner.base import takes_tokens

            builtin = isinstance(ner, str) or takes_tokens(ner)
            self._takes["ner"] = frozenset(("sentences", "tokens") if builtin else ("sentences",))
        self._components = self._plan()
        self._tokenize = any(c.name == "tokens" for c in self._components)

    # -- pickling: configuration travels, loaded models and corpus state do not ----------
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        if isinstance(self._ner_spec, str):
            state["_recognizer"] = None
        state["_resolver"] = None
        state["skipped"] = []
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __repr__(self) -> str:
        def show(v: Any) -> str:
            return (
                repr(v)
                if v is None or isinstance(v, str)
                else getattr(v, "__qualname__", type(v).__name__)
            )

        return (
            f"Pipeline(clean={show(self._clean_spec)}, "
            f"sentences={show(self._sentences_spec)}, ner={show(self._ner_spec)}, "
            f"names={self._names_mode!r}, events={show(self._events_spec)}, "
            f"quotes={show(self._quotes_spec)})"
        )

    # -- components ------------------------------------------------------------------
    def _plan(self) -> tuple[Component, ...]:
        """The stages in order, with what each needs and adds; raises when a need is unmet."""
        stages: list[Component] = [
            Component("clean", _show(self._clean_spec), needs=("text",), adds=("cleaned",))
        ]
        if self._sentences_spec is not None:
            stages.append(
                Component(
                    "sentences",
                    _show(self._sentences_spec),
                    needs=("cleaned",),
                    adds=("sentences",),
                )
            )
        later: list[Component] = []
        if self._ner_spec is not None:
            later.append(
                Component(
                    "ner",
                    _show(self._ner_spec),
                    needs=("cleaned",),
                    uses=tuple(sorted(self._takes["ner"])),
                    adds=("entities",),
                )
            )
            if self._names_mode is not None:
                later.append(
                    Component(
                        "names",
                        "NameResolver",
                        needs=("entities",),
                        adds=("canonical_names",),
                    )
                )
        for stage, spec in (("events", self._events_spec), ("quotes", self._quotes_spec)):
            if spec is None:
                continue
            takes = self._takes[stage]
            default = spec == _DEFAULT
            later.append(
                Component(
                    stage,
                    _show(spec),
                    # the built-in extractors work on the pipeline's sentences and tokens;
                    # a callable of yours gets them when it takes them and present
                    needs=("cleaned", *sorted(takes)) if default else ("cleaned",),
                    uses=("entities", "canonical_names", *(() if default else sorted(takes))),
                    adds=(stage,),
                )
            )
        if any("tokens" in c.needs + c.uses for c in later):
            stages.append(Component("tokens", "tokenize", needs=("cleaned",), adds=("tokens",)))
        stages.extend(later)
        made: set[str] = {"text"}
        for c in stages:
            missing = [n for n in c.needs if n not in made]
            if missing:
                hint = (
                    " (sentences=None switched the sentence splitter off: pass "
                    f"sentences='default' or a splitter, or {c.name}=None)"
                    if "sentences" in missing
                    else ""
                )
                raise ValueError(
                    f"the {c.name} stage ({c.implementation}) needs {', '.join(missing)}, "
                    f"which no earlier stage adds{hint}"
                )
            made.update(c.adds)
        return tuple(stages)

    @property
    def components(self) -> tuple[Component, ...]:
        """The stages in the order they run, each with what it needs and adds.

        >>> [(c.name, c.needs, c.adds) for c in Pipeline(ner=None, quotes=None).components]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('clean', ('text',), ('cleaned',)), ('sentences', ('cleaned',), ('sentences',)),
         ('tokens', ('cleaned',), ('tokens',)),
         ('events', ('cleaned', 'sentences', 'tokens'), ('events',))]
        """
        return self._components

    @property
    def pipe_names(self) -> tuple[str, ...]:
        """The names of the stages in the order they run (spaCy's ``pipe_names``)."""
        return tuple(c.name for c in self._components)

    # -- stages ----------------------------------------------------------------------
    @property
    def resolver(self) -> NameResolver | None:
        """The corpus-level name resolver (after :meth:`analyze_many`, merged over workers)."""
        if self._resolver is None and self._names_mode == "corpus":
            self._resolver = self._new_resolver()
        return self._resolver

    @staticmethod
    def _new_resolver() -> NameResolver:
        from arabnews.names import NameResolver

        return NameResolver()

    @property
    def recognizer(self) -> _RecognizerLike | None:
        """The entity recognizer, built (and its model loaded) on first use."""
        if self._ner_spec is None:
            return None
        if self._recognizer is None:
            if isinstance(self._ner_spec, str):
                self._recognizer = _build_recognizer(self._ner_spec, self._model_dir)
            else:
                self._recognizer = self._ner_spec
        return self._recognizer

    def _run_clean(self, text: str) -> CleanedText:
        spec = self._clean_spec
        if spec is None:
            return _identity_cleaned(text)
        if spec == _DEFAULT:
            from arabnews.clean import clean

            return clean(text, config=self._clean_config)
        return spec(text)  # type: ignore[operator]

    def _run_sentences(self, text: str) -> tuple[Sentence, ...]:
        spec = self._sentences_spec
        if spec is None:
            return ()
        if spec == _DEFAULT:
            from arabnews.sentences import split_sentences

            return split_sentences(text)
        found = tuple(spec(text))  # type: ignore[operator]
        # later stages read the sentences in order (one pass each): say so here if not
        last = 0
        for i, sent in enumerate(found):
            if not last <= sent.start <= sent.end <= len(text):
                raise ValueError(
                    f"the sentences stage returned sentence {i} at ({sent.start}, {sent.end}): "
                    "sentences must be in text order, disjoint and inside the text"
                )
            last = sent.end
        return found

    def _run_tokens(self, text: str) -> tuple[Token, ...] | None:
        if not self._tokenize:  # no stage reads tokens
            return None
        from arabnews.tokens import tokenize

        return tokenize(text)

    def _run_events(
        self,
        text: str,
        published: _dt.date | None,
        entities: tuple[Entity, ...],
        flow: _Flow,
    ) -> tuple[Event, ...]:
        spec = self._events_spec
        if spec is None:
            return ()
        if spec == _DEFAULT:
            from arabnews.events.extractor import extract_from_sentences

            pairs, groups = flow.by_sentence()
            return extract_from_sentences(
                text,
                pairs,
                entities,
                published,
                use_names=True,
                threshold=getattr(self, "_event_threshold", None),
                tokens=groups,
            )
        extra = flow.given(self._takes["events"])
        found = spec(text, published=published, entities=entities, **extra)  # type: ignore[operator]
        return tuple(found)

    def _run_quotes(
        self, text: str, entities: tuple[Entity, ...], flow: _Flow
    ) -> tuple[Quote, ...]:
        spec = self._quotes_spec
        if spec is None:
            return ()
        if spec == _DEFAULT:
            from arabnews.events.quotes import quotes_in_sentences

            pairs, groups = flow.by_sentence()
            spans = [span for span, _ in pairs]
            return quotes_in_sentences(
                text,
                spans,
                entities,
                use_names=True,
                tokens=groups,
                threshold=getattr(self, "_quote_threshold", None),
            )
        extra = flow.given(self._takes["quotes"])
        return tuple(spec(text, entities=entities, **extra))  # type: ignore[operator]

    def _gazetteer(self) -> Any | None:
        """The gazetteer recognizer inside the recognizer, else the default one."""
        try:
            from arabnews.ner import GazetteerRecognizer
        except ImportError:
            return None
        recognizer = self.recognizer
        if isinstance(recognizer, GazetteerRecognizer):
            return recognizer
        for inner in getattr(recognizer, "recognizers", ()):
            if isinstance(inner, GazetteerRecognizer):
                return inner
        return _shared_gazetteer()

    def _run_ner(
        self,
        cleaned: CleanedText,
        sentences: tuple[Sentence, ...],
        tokens: tuple[Token, ...] | None,
    ) -> tuple[Entity, ...]:
        recognizer = self.recognizer
        if recognizer is None:
            return ()
        from arabnews.spans import Span

        work = cleaned.text
        blocks = [Span(s.start, s.end) for s in sentences if s.end > s.start] or None
        from arabnews.ner import GazetteerRecognizer

        def run() -> tuple[Entity, ...]:
            if tokens is not None and "tokens" in self._takes["ner"]:
                found = recognizer.recognize(work, blocks, tokens=tokens)  # type: ignore[call-arg]
                return tuple(found)
            return tuple(recognizer.recognize(work, blocks))

        if isinstance(recognizer, GazetteerRecognizer):  # pure Python, no cycles
            with gc_paused():
                found = run()
        else:  # Stanza and torch objects may form cycles: the collector stays on
            found = run()
        if _is_builtin_recognizer(recognizer):
            from arabnews.ner import refine_entities

            # the same clean-up as arabnews.recognize: proclitics ("وباخموت" -> "باخموت"),
            # titles, nationality adjectives and classifier nouns cut from the edges
            with gc_paused():
                found = refine_entities(found, gazetteer=self._gazetteer(), text=work)
        from arabnews.ner.api import keep_scored

        found = keep_scored(found, getattr(self, "_entity_threshold", None))
        if not cleaned.removed:
            return found
        # An entity that spans a removed block of boilerplate is not a name of the article.
        # Removals are sorted and disjoint: one bisection per entity finds the first that
        # ends after the entity starts (linear in entities, not entities x removals).
        from bisect import bisect_right

        starts = [r.start for r in cleaned.removed]
        ends = [r.end for r in cleaned.removed]
        keep = []
        for ent in found:
            start, end = cleaned.alignment.span_to_original(ent.start, ent.end)
            i = bisect_right(ends, start)
            if i == len(ends) or starts[i] >= end:
                keep.append(ent)
        return tuple(keep)

    def _resolve_names(
        self, entities: tuple[Entity, ...], get_resolver: Callable[[], NameResolver | None]
    ) -> tuple[Entity, ...]:
        """Canonical names and ids: the gazetteer's when listed, else the resolver cluster.

        Every name goes into the resolver (so that the corpus resolver knows the whole
        corpus, and a bare surname can resolve to a full name seen before); an id the
        recognizer already set (a gazetteer id) is kept.
        """
        if not entities or self._names_mode is None:
            return entities
        resolver = get_resolver()
        if resolver is None:
            return entities
        from arabnews.ner import resolve_entities

        return resolve_entities(entities, gazetteer=self._gazetteer(), resolver=resolver)

    # -- the data flow ----------------------------------------------------------------
    def analyze(self, text: str, published: _dt.date | str | None = None) -> Document:
        """Analyse one text; every span of the result indexes *text*.

        Args:
            text: the original text (any Unicode; non-``str`` raises ``TypeError``).
            published: publication date (``datetime.date`` or ISO string) used to
                resolve relative times such as ``أمس``.

        Raises:
            TypeError: *text* is not a ``str``, or *published* has a wrong type.
            ValueError: *published* is a string that is not an ISO date.
            ModelNotAvailableError: the NER model cannot be loaded.
        """
        text = require_str(text, "text")
        date = parse_published(published)
        return self._analyze(text, date, self._resolver_for_document)

    def _resolver_for_document(self) -> NameResolver | None:
        if self._names_mode == "document":
            return self._new_resolver()
        return self.resolver

    def _analyze(
        self, text: str, published: _dt.date | None, resolver: Callable[[], NameResolver | None]
    ) -> Document:
        """The data flow; *resolver* is called (once) when there are names to resolve."""
        # The rule stages build many objects and no reference cycles: they run with the
        # cyclic collector paused (see arabnews._gc); NER, which may build cycles, does not.
        with gc_paused():
            cleaned = self._run_clean(text)
            if not cleaned.text.strip():
                return Document(text=text, cleaned=cleaned, published=published)
            work = cleaned.text  # every stage below sees cleaned text and cleaned offsets
            sentences = self._run_sentences(work)
            tokens = self._run_tokens(work)  # once, for every stage that reads words
        entities = self._run_ner(cleaned, sentences, tokens)
        with gc_paused():
            entities = self._resolve_names(entities, resolver)
            flow = _Flow(sentences if self._sentences_spec is not None else None, tokens)
            events = self._run_events(work, published, entities, flow)
            quotes = self._run_quotes(work, entities, flow)
            # one place where cleaned offsets become original offsets
            return Document(
                text=text,
                cleaned=cleaned,
                sentences=to_original(sentences, cleaned),
                entities=to_original(entities, cleaned),
                events=to_original(events, cleaned),
                quotes=to_original(quotes, cleaned),
                published=published,
            )

    def warm_up(self) -> None:
        """Load the model (if any) and the built-in stages' tables now, not on the first text.

        (So the first document of a worker does not pay for them, and a ``timeout`` of
        :meth:`analyze_many` measures the document.) Stages you passed in are not called.
        """
        sample = WARM_UP_TEXT
        recognizer = self.recognizer
        if recognizer is not None:
            recognizer.recognize(sample, None)
        if self._clean_spec == _DEFAULT:
            self._run_clean(sample)
        if self._sentences_spec == _DEFAULT:
            self._run_sentences(sample)
        if _DEFAULT in (self._events_spec, self._quotes_spec):
            from arabnews.sentences import split_sentences
            from arabnews.tokens import tokenize

            flow = _Flow(split_sentences(sample), tokenize(sample))
            if self._events_spec == _DEFAULT:
                self._run_events(sample, None, (), flow)
            if self._quotes_spec == _DEFAULT:
                self._run_quotes(sample, (), flow)

    # -- many documents ---------------------------------------------------------------
    def analyze_many(
        self,
        texts: Iterable[str | tuple[str, _dt.date | str | None]],
        *,
        workers: int = 1,
        progress: bool = True,
        chunksize: int | None = None,
        published: _dt.date | str | None = None,
        mp_context: str | None = None,
        threads_per_worker: int = 1,
        errors: Literal["raise", "skip"] = "raise",
        timeout: float | None = None,
    ) -> Iterator[Document]:
        """Analyse many texts, yielding documents in input order as they are ready.

        *texts* may be any iterable, also one larger than memory: at most a few chunks
        per worker are in flight at a time. An item is a text or a ``(text, published)``
        pair; *published* is the default date for plain texts.

        With ``workers > 1`` the texts are analysed in worker processes (started with
        ``forkserver`` where available, else ``spawn``; never a bare ``fork`` of a process
        that may hold torch threads). Each worker loads the model once, when it starts.
        Each worker keeps its own corpus :class:`~arabnews.NameResolver`; when the
        iterator is exhausted they are merged into :attr:`resolver`, so that
        ``pipeline.resolver.canonical(name)`` answers for the whole corpus. Documents
        streamed before the merge carry their worker's cluster ids; gazetteer ids are
        global. (A worker killed after a crash or a hang takes the names it saw along.)

        Failures:
            ``errors="raise"`` (default): the first failing document raises its
            exception, after the documents before it were yielded and the workers
            were stopped. ``errors="skip"``: a failing document (any exception, an
            item that is not a ``str``, a document over *timeout*, a worker process
            that died on it) is not yielded; a :class:`~arabnews.SkippedDocument`
            is appended to :attr:`skipped` (reset when this call starts) and a
            :class:`~arabnews.DocumentSkippedWarning` is emitted. When the document
            with input index ``i`` is yielded, every skipped index below ``i`` is
            already in :attr:`skipped`, so outputs map back to inputs.

            *timeout* (seconds per document) interrupts a document that runs longer
            (:class:`~arabnews.DocumentTimeoutError`). It uses ``SIGALRM`` (POSIX):
            in process (``workers=1``) this needs the main thread; with workers, a
            worker stuck where the signal cannot reach it (inside native code) is
            killed after a grace period and the pool restarted. Ctrl-C stops the
            workers at once (they ignore SIGINT; the parent kills them).

        A progress bar (``tqdm.auto``, with the total when *texts* has a length)
        appears when *progress* is true, tqdm is installed, and stderr is a terminal
        or the caller is a Jupyter kernel; a run shorter than two seconds shows none.
        """
        if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
            raise ValueError(f"workers must be a positive int, got {workers!r}")
        if chunksize is not None and (not isinstance(chunksize, int) or chunksize < 1):
            raise ValueError(f"chunksize must be a positive int, got {chunksize!r}")
        if errors not in ("raise", "skip"):
            raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
        if timeout is not None:
            if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
                raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
            if workers == 1 and not _alarm_available():
                raise ValueError(
                    "timeout with workers=1 needs SIGALRM in the main thread (POSIX); "
                    "use workers >= 2"
                )
        default_date = parse_published(published)
        items = _normalise_items(texts, default_date)
        self.skipped = []
        run = _Run(self, errors=errors, bar=_progress_bar(texts, progress))
        if workers == 1:
            return run.serial(items, timeout)
        return run.parallel(
            items,
            workers=workers,
            chunksize=chunksize or 4,
            mp_context=mp_context,
            threads=threads_per_worker,
            timeout=timeout,
        )

    def _merge_worker_resolvers(self, pool: Any, workers: int) -> None:
        # One collect task per worker: each waits at a barrier until all workers hold one,
        # so every worker process answers exactly once.
        futures = [pool.submit(_collect_resolver) for _ in range(workers)]
        by_pid: dict[int, Any] = {}
        for future in futures:
            pid, resolver = future.result()
            if resolver is not None:
                by_pid.setdefault(pid, resolver)
        merged = self._resolver  # None until this pipeline saw a name itself
        for resolver in by_pid.values():
            merged = resolver if merged is None else merged.merge(resolver)
        self._resolver = merged


def _accepts(spec: Any, keyword: str) -> bool:
    return callable(spec) and accepts_keyword(spec, keyword)


class _Flow:
    """The sentences and tokens of one document, as the stages after NER take them.

    The built-in extractors read them sentence by sentence: the dateline dates and each
    sentence's tokens are worked out once, on first use, and shared by events and quotes.
    """

    __slots__ = ("_by_sentence", "sentences", "tokens")

    def __init__(
        self, sentences: Sequence[Sentence] | None, tokens: tuple[Token, ...] | None
    ) -> None:
        self.sentences = sentences
        self.tokens = tokens
        self._by_sentence: (
            tuple[tuple[tuple[Span, _dt.date | None], ...], tuple[tuple[Token, ...], ...] | None]
            | None
        ) = None

    def by_sentence(
        self,
    ) -> tuple[tuple[tuple[Span, _dt.date | None], ...], tuple[tuple[Token, ...], ...] | None]:
        if self._by_sentence is None:
            from arabnews.events.extractor import sentence_dates
            from arabnews.tokens import tokens_by_span

            assert self.sentences is not None  # the construction check saw to it
            pairs = sentence_dates(self.sentences)
            groups = (
                None
                if self.tokens is None
                else tokens_by_span(self.tokens, [span for span, _ in pairs])
            )
            self._by_sentence = (pairs, groups)
        return self._by_sentence

    def given(self, takes: frozenset[str]) -> dict[str, Any]:
        """The keyword arguments a stage of yours asked for."""
        out: dict[str, Any] = {}
        if "sentences" in takes:
            out["sentences"] = self.sentences
        if "tokens" in takes:
            out["tokens"] = self.tokens
        return out


# -- helpers for analyze_many -------------------------------------------------------------

#: Seconds a worker may overrun *timeout* (a document stuck in native code, where SIGALRM
#: cannot reach it) before the parent kills the pool; a fresh pool also gets
#: ``_START_GRACE_S`` to start (model load).
_HANG_GRACE_S = 30.0
_START_GRACE_S = 120.0


@attrs.frozen(slots=True)
class _Failure:
    """A document that failed, as it travels from a worker (picklable)."""

    index: int
    error_type: str
    message: str
    exc: BaseException | None = None
    detail: str | None = None  # the worker's traceback

    @classmethod
    def of(cls, index: int, exc: BaseException, *, remote: bool = False) -> _Failure:
        name, message = type(exc).__name__, str(exc)
        detail = None
        if remote:
            import traceback

            detail = "".join(traceback.format_exception(exc))
            try:
                pickle.dumps(exc)
            except Exception:
                exc = RuntimeError(f"{name}: {message}")
        return cls(index, name, message, exc, detail)


_Item = tuple[int, "tuple[str, _dt.date | None] | _Failure"]


def _normalise_items(texts: Iterable[Any], default: _dt.date | None) -> Iterator[_Item]:
    """``(index, (text, date))`` per item, or ``(index, _Failure)`` for a bad item."""
    if isinstance(texts, str | bytes):
        raise TypeError(
            "texts must be an iterable of str, not a single "
            f"{type(texts).__name__} (wrap it in a list)"
        )
    if not isinstance(texts, Iterable):
        raise TypeError(f"texts must be an iterable of str, not {type(texts).__name__}")
    return _items(texts, default)


def _items(texts: Iterable[Any], default: _dt.date | None) -> Iterator[_Item]:
    for i, item in enumerate(texts):
        try:
            if isinstance(item, tuple):
                if len(item) != 2:
                    raise TypeError(f"texts[{i}] must be a str or a (text, published) pair")
                text, date = item
                pair = (
                    require_str(text, f"texts[{i}]"),
                    parse_published(date, f"texts[{i}] published"),
                )
            else:
                pair = (require_str(item, f"texts[{i}]"), default)
        except (TypeError, ValueError) as exc:
            yield i, _Failure.of(i, exc)
        else:
            yield i, pair


def _alarm_available() -> bool:
    import threading

    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise_timeout(signum: int, frame: Any) -> None:
    raise DocumentTimeoutError("the document did not finish within the timeout")


def _analyze_item(
    pipeline: Pipeline,
    item: tuple[str, _dt.date | None],
    timeout: float | None,
    resolver: Callable[[], NameResolver | None],
) -> Document:
    text, date = item
    if timeout is None or not _alarm_available():
        return pipeline._analyze(text, date, resolver)
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return pipeline._analyze(text, date, resolver)
    except DocumentTimeoutError as exc:
        raise DocumentTimeoutError(
            f"the document did not finish within {timeout:g} s (timeout)"
        ) from exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Run:
    """One ``analyze_many`` call: ordering, failures, progress, the worker pool."""

    def __init__(self, pipeline: Pipeline, *, errors: str, bar: Any) -> None:
        self.pipeline = pipeline
        self.errors = errors
        self.bar = bar

    def _fail(self, failure: _Failure) -> None:
        """Raise (errors="raise") or record and warn (errors="skip")."""
        if self.errors == "raise":
            if failure.exc is not None:
                if failure.detail:
                    failure.exc.add_note(f"in a worker process (texts[{failure.index}]):")
                    failure.exc.add_note(failure.detail.rstrip())
                raise failure.exc
            raise RuntimeError(f"texts[{failure.index}]: {failure.error_type}: {failure.message}")
        record = SkippedDocument(failure.index, failure.error_type, failure.message)
        self.pipeline.skipped.append(record)
        warnings.warn(
            DocumentSkippedWarning(
                f"texts[{record.index}] skipped: {record.error_type}: {record.message}"
            ),
            stacklevel=3,
        )

    def _tick(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def serial(self, items: Iterator[_Item], timeout: float | None) -> Iterator[Document]:
        pipeline = self.pipeline
        try:
            for index, item in items:
                if isinstance(item, _Failure):
                    self._tick()
                    self._fail(item)
                    continue
                try:
                    doc = _analyze_item(pipeline, item, timeout, pipeline._resolver_for_document)
                except Exception as exc:
                    self._tick()
                    if self.errors == "raise":
                        raise
                    self._fail(_Failure.of(index, exc))
                    continue
                self._tick()
                yield doc
        finally:
            if self.bar is not None:
                self.bar.close()

    def parallel(
        self,
        items: Iterator[_Item],
        *,
        workers: int,
        chunksize: int,
        mp_context: str | None,
        threads: int,
        timeout: float | None,
    ) -> Iterator[Document]:
        import multiprocessing

        pipeline = self.pipeline
        try:
            payload = pickle.dumps(pipeline)
        except Exception as exc:
            raise TypeError(
                "analyze_many(workers>1) needs a picklable pipeline; a stage such as a "
                f"lambda or a local function cannot be sent to worker processes ({exc})"
            ) from exc
        method = mp_context or (
            "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        )
        ctx = multiprocessing.get_context(method)
        if method == "forkserver" and pipeline._ner_spec in ("default", "combined", "stanza"):
            # workers fork from a server that has imported torch and stanza once, so each
            # worker only loads the model (about 1.4 s less start-up per worker)
            ctx.set_forkserver_preload(["torch", "stanza", "arabnews.ner"])
        return self._parallel(
            items,
            _PoolFactory(ctx, workers, payload, threads),
            chunksize=chunksize,
            timeout=timeout,
        )

    def _parallel(
        self,
        items: Iterator[_Item],
        factory: _PoolFactory,
        *,
        chunksize: int,
        timeout: float | None,
    ) -> Iterator[Document]:
        from concurrent.futures import TimeoutError as FutureTimeout
        from concurrent.futures.process import BrokenProcessPool

        window = 2 * factory.workers  # chunks in flight: bounded memory whatever the input
        pool = factory.start()
        first_result = True  # the first result of a pool also waits for its start-up
        pending: deque[tuple[list[_Item], Future[list[Document | _Failure]]]] = deque()
        retry: deque[list[_Item]] = deque()  # chunks to run again, one at a time
        isolating = 0  # items that must run alone (after a crash or a hang)
        exhausted = False
        clean_exit = False
        try:
            while True:
                while len(pending) < (1 if isolating else window):
                    if retry:
                        chunk = retry.popleft()
                    elif exhausted:
                        break
                    else:
                        chunk = _take(items, chunksize)
                        if not chunk:
                            exhausted = True
                            break
                    pending.append((chunk, pool.submit(_work_chunk, chunk, timeout)))
                if not pending:
                    break
                chunk, future = pending.popleft()
                wait = None
                if timeout is not None:
                    wait = timeout * len(chunk) + _HANG_GRACE_S
                    wait += _START_GRACE_S if first_result else 0.0
                try:
                    results = future.result(timeout=wait)
                except (BrokenProcessPool, FutureTimeout) as exc:
                    # a worker died or hangs where no signal reaches it: start afresh and
                    # run the chunks in flight one document at a time, so the next
                    # failure names its document
                    factory.kill(pool)
                    lost = [chunk] + [c for c, _ in pending]
                    pending.clear()
                    if isolating and len(chunk) == 1:
                        isolating -= 1
                        lost.pop(0)
                        [(index, _)] = chunk
                        error: BaseException = (
                            DocumentTimeoutError(
                                f"texts[{index}] did not finish within {timeout:g} s; "
                                "its worker was killed"
                            )
                            if isinstance(exc, FutureTimeout)
                            else exc
                        )
                        self._tick()
                        self._fail(_Failure.of(index, error))
                    elif self.errors == "raise":
                        if isinstance(exc, FutureTimeout):
                            first, last = chunk[0][0], chunk[-1][0]
                            raise DocumentTimeoutError(
                                f"a document of texts[{first}..{last}] did not finish within "
                                f"{timeout:g} s; the workers were killed"
                            ) from None
                        raise
                    singles = [[item] for c in lost for item in c]
                    isolating += len(singles)
                    retry.extendleft(reversed(singles))
                    pool = factory.start()
                    first_result = True
                    continue
                first_result = False
                if isolating:
                    isolating -= 1
                for _item, result in zip(chunk, results, strict=True):
                    self._tick()
                    if isinstance(result, _Failure):
                        self._fail(result)
                    else:
                        yield result
            if self.pipeline._names_mode == "corpus":
                self.pipeline._merge_worker_resolvers(pool, factory.workers)
            clean_exit = True
        finally:
            if clean_exit:
                pool.shutdown(wait=True)
            else:
                # an error, Ctrl-C or an early close: the workers stop now, not when
                # their chunks are done
                factory.kill(pool)
            if self.bar is not None:
                self.bar.close()


class _PoolFactory:
    """Starts worker pools (again after a crash) and kills them."""

    def __init__(self, ctx: Any, workers: int, payload: bytes, threads: int) -> None:
        self.ctx = ctx
        self.workers = workers
        self.payload = payload
        self.threads = threads

    def start(self) -> Any:
        from concurrent.futures import ProcessPoolExecutor

        barrier = self.ctx.Barrier(self.workers)
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=self.ctx,
            initializer=_init_worker,
            initargs=(self.payload, self.threads, barrier),
        )

    @staticmethod
    def kill(pool: Any) -> None:
        """Stop *pool* without waiting for the documents it is working on."""
        processes = list((getattr(pool, "_processes", None) or {}).values())
        for process in processes:
            with contextlib.suppress(Exception):
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(Exception):
                process.join(timeout=5)


def _take(items: Iterator[_Item], n: int) -> list[_Item]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= n:
            break
    return chunk


def _progress_bar(texts: Iterable[Any], progress: bool) -> Any:
    # A bar is for a person watching a terminal or a notebook, not for logs and pipes.
    if not progress:
        return None
    terminal = hasattr(sys.stderr, "isatty") and sys.stderr.isatty()
    if not terminal and "ipykernel" not in sys.modules:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    try:
        total = len(texts)  # type: ignore[arg-type]
    except TypeError:
        total = None
    # delay: a short run never shows a bar
    return tqdm(total=total, unit="doc", delay=2.0, file=sys.stderr, desc="arabnews")


# The state of a worker process, set once by its initializer.
_WORKER_STATE: dict[str, Any] = {}


def _init_worker(payload: bytes, threads: int, barrier: Any) -> None:
    # Ctrl-C is the parent's to handle: it kills the workers at once.
    with contextlib.suppress(ValueError, AttributeError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Workers share the machine: one BLAS/torch thread each unless told otherwise.
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(threads))
    pipeline: Pipeline = pickle.loads(payload)
    _WORKER_STATE["pipeline"] = pipeline
    _WORKER_STATE["barrier"] = barrier
    if "torch" in sys.modules or pipeline._ner_spec in ("default", "combined", "stanza"):
        try:
            import torch

            torch.set_num_threads(threads)
        except ImportError:
            pass
    pipeline.warm_up()  # the model loads once per worker, here


def _work_chunk(chunk: list[_Item], timeout: float | None) -> list[Document | _Failure]:
    pipeline: Pipeline = _WORKER_STATE["pipeline"]
    out: list[Document | _Failure] = []
    for index, item in chunk:
        if isinstance(item, _Failure):
            out.append(item)
            continue
        try:
            out.append(_analyze_item(pipeline, item, timeout, pipeline._resolver_for_document))
        except Exception as exc:
            out.append(_Failure.of(index, exc, remote=True))
    return out


def _collect_resolver() -> tuple[int, Any]:
    import threading

    # a worker died: answer anyway (the parent deduplicates by pid)
    with contextlib.suppress(threading.BrokenBarrierError):
        _WORKER_STATE["barrier"].wait(timeout=300)
    return os.getpid(), _WORKER_STATE["pipeline"]._resolver


def _is_builtin_recognizer(recognizer: Any) -> bool:
    return type(recognizer).__module__.startswith("arabnews.ner")


@functools.cache
def _shared_gazetteer() -> Any | None:
    try:
        from arabnews.ner import GazetteerRecognizer

        return GazetteerRecognizer()
    except ImportError:  # names package without a gazetteer
        return None


# -- module-level convenience ----------------------------------------------------------


@functools.cache
def _default_pipeline() -> Pipeline:
    # Per-document names: a module-level call must not depend on earlier calls.
    return Pipeline(names="document")


def analyze(text: str, *, published: _dt.date | str | None = None) -> Document:
    """Analyse *text* with the default pipeline (shipped NER model + gazetteer).

    Results do not depend on earlier calls (names are resolved per document); use a
    :class:`Pipeline` for corpus-level name resolution or other settings.

    Raises:
        TypeError: *text* is not a ``str``.
        ModelNotAvailableError: the shipped NER model cannot be loaded (use
            ``Pipeline(ner="gazetteer")`` to run without it).
    """
    text = require_str(text, "text")
    return _default_pipeline().analyze(text, published)
