"""The pipeline: original text → :class:`~arabnews.document.Document`.

The data flow is the one the library is built around, and :meth:`Pipeline.analyze`
spells it out step by step::

    original ─clean─▶ CleanedText ─split_sentences─▶ sentences
                          │                              │
                          └──────── recognize ◀──────────┘ ─▶ entities
                                       │
                                 NameResolver ─▶ canonical names, cluster ids
                                       │
                       extract_events, extract_quotes ─▶ events, quotes
                                       │
              map every span back to original offsets once ─▶ Document

Every stage after the cleaner works on the cleaned text; the spans it returns are mapped
back through the cleaner's alignment in one place (:func:`to_original`), so a stage never
needs to know about original offsets. Each stage is a constructor argument: pass your own
callable to replace it or ``None`` to switch it off.

>>> from arabnews import Pipeline
>>> doc = Pipeline(ner=None, events=None, quotes=None).analyze("قال الوزير إن المحادثات مستمرة.")
>>> [s.text for s in doc.sentences]
['قال الوزير إن المحادثات مستمرة.']
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol

import attrs

from arabnews._checks import require_str
from arabnews.document import Document, parse_published

if TYPE_CHECKING:
    import datetime as _dt
    from concurrent.futures import Future

    from arabnews.clean import CleanConfig, CleanedText
    from arabnews.events import Event, Quote
    from arabnews.names import NameResolver
    from arabnews.sentences import Sentence
    from arabnews.spans import Entity, Span

__all__ = [
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
        changes["start"], changes["end"] = start, end
        if "text" in names and isinstance(value.text, str):
            changes["text"] = original[start:end]
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


class Pipeline:
    """A configurable analysis pipeline.

    Args:
        clean: the cleaner, ``text -> CleanedText``. ``"default"`` is
            :func:`arabnews.clean` with *clean_config*; ``None`` skips cleaning (the text
            is analysed as it is).
        sentences: ``text -> sequence of Sentence``; ``"default"`` is
            :func:`arabnews.split_sentences`; ``None`` leaves ``Document.sentences`` empty
            and lets the recognizer see the text as one block.
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
        quotes: ``extract_quotes``-compatible callable ``(text, *, entities) -> quotes``,
            ``"default"`` or ``None``.
        clean_config: a :class:`~arabnews.CleanConfig` for the default cleaner.

    A pipeline holds mutable state (the corpus resolver); use one per thread. It is
    picklable when its stages are (the defaults are); a loaded model is never pickled,
    each process loads its own.
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
        self._model_dir = None if model_dir is None else os.fspath(model_dir)
        self._events_spec = events
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

    # -- pickling: configuration travels, loaded models and corpus state do not ----------
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        if isinstance(self._ner_spec, str):
            state["_recognizer"] = None
        state["_resolver"] = None
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
        return tuple(spec(text))  # type: ignore[operator]

    def _run_events(
        self, text: str, published: _dt.date | None, entities: tuple[Entity, ...]
    ) -> tuple[Event, ...]:
        spec = self._events_spec
        if spec is None:
            return ()
        if spec == _DEFAULT:
            from arabnews.events import extract_events

            spec = extract_events
        return tuple(spec(text, published=published, entities=entities))  # type: ignore[operator]

    def _run_quotes(self, text: str, entities: tuple[Entity, ...]) -> tuple[Quote, ...]:
        spec = self._quotes_spec
        if spec is None:
            return ()
        if spec == _DEFAULT:
            from arabnews.events import extract_quotes

            spec = extract_quotes
        return tuple(spec(text, entities=entities))  # type: ignore[operator]

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

    def _run_ner(self, cleaned: CleanedText, sentences: tuple[Sentence, ...]) -> tuple[Entity, ...]:
        recognizer = self.recognizer
        if recognizer is None:
            return ()
        from arabnews.spans import Span

        work = cleaned.text
        blocks = [Span(s.start, s.end) for s in sentences if s.end > s.start] or None
        found = tuple(recognizer.recognize(work, blocks))
        if _is_builtin_recognizer(recognizer):
            from arabnews.ner import refine_entities

            # the same clean-up as arabnews.recognize: proclitics ("وباخموت" -> "باخموت"),
            # titles, nationality adjectives and classifier nouns cut from the edges
            found = refine_entities(found, gazetteer=self._gazetteer(), text=work)
        if not cleaned.removed:
            return found
        # An entity that spans a removed block of boilerplate is not a name of the article.
        removed = [(r.start, r.end) for r in cleaned.removed]
        keep = []
        for ent in found:
            start, end = cleaned.alignment.span_to_original(ent.start, ent.end)
            if not any(rs < end and start < re_ for rs, re_ in removed):
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
        cleaned = self._run_clean(text)
        if not cleaned.text.strip():
            return Document(text=text, cleaned=cleaned, published=published)
        work = cleaned.text  # every stage below sees cleaned text and cleaned offsets
        sentences = self._run_sentences(work)
        entities = self._run_ner(cleaned, sentences)
        entities = self._resolve_names(entities, resolver)
        events = self._run_events(work, published, entities)
        quotes = self._run_quotes(work, entities)
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
        """Load the model (if any) now instead of on the first text."""
        recognizer = self.recognizer
        if recognizer is not None:
            recognizer.recognize("قال الرئيس في القاهرة إن المحادثات مستمرة.", None)

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
        global.

        A progress bar (tqdm) appears when *progress* is true, tqdm is installed,
        stderr is a terminal and the run takes more than a couple of seconds.
        """
        if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
            raise ValueError(f"workers must be a positive int, got {workers!r}")
        if chunksize is not None and (not isinstance(chunksize, int) or chunksize < 1):
            raise ValueError(f"chunksize must be a positive int, got {chunksize!r}")
        default_date = parse_published(published)
        items = _normalise_items(texts, default_date)
        bar = _progress_bar(texts, progress)
        try:
            if workers == 1:
                for text, date in items:
                    yield self._analyze(text, date, self._resolver_for_document)
                    if bar is not None:
                        bar.update(1)
            else:
                yield from self._analyze_parallel(
                    items,
                    workers=workers,
                    chunksize=chunksize or 4,
                    mp_context=mp_context,
                    threads=threads_per_worker,
                    bar=bar,
                )
        finally:
            if bar is not None:
                bar.close()

    def _analyze_parallel(
        self,
        items: Iterator[tuple[str, _dt.date | None]],
        *,
        workers: int,
        chunksize: int,
        mp_context: str | None,
        threads: int,
        bar: Any,
    ) -> Iterator[Document]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        try:
            payload = pickle.dumps(self)
        except Exception as exc:
            raise TypeError(
                "analyze_many(workers>1) needs a picklable pipeline; a stage such as a "
                f"lambda or a local function cannot be sent to worker processes ({exc})"
            ) from exc
        method = mp_context or (
            "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        )
        ctx = multiprocessing.get_context(method)
        if method == "forkserver" and self._ner_spec in ("default", "combined", "stanza"):
            # workers fork from a server that has imported torch and stanza once, so each
            # worker only loads the model (about 1.4 s less start-up per worker)
            ctx.set_forkserver_preload(["torch", "stanza", "arabnews.ner"])
        barrier = ctx.Barrier(workers)
        window = 2 * workers  # chunks in flight: bounded memory whatever the input size
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(payload, threads, barrier),
        )
        try:
            pending: deque[Future[list[Document]]] = deque()
            exhausted = False
            while True:
                while not exhausted and len(pending) < window:
                    chunk = _take(items, chunksize)
                    if not chunk:
                        exhausted = True
                        break
                    pending.append(pool.submit(_work_chunk, chunk))
                if not pending:
                    break
                for doc in pending.popleft().result():
                    yield doc
                    if bar is not None:
                        bar.update(1)
            if self._names_mode == "corpus":
                self._merge_worker_resolvers(pool, workers)
        finally:
            # also on an early break or an error: drop queued chunks, then stop the workers
            pool.shutdown(wait=True, cancel_futures=True)

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


# -- helpers for analyze_many -------------------------------------------------------------


def _normalise_items(
    texts: Iterable[Any], default: _dt.date | None
) -> Iterator[tuple[str, _dt.date | None]]:
    if isinstance(texts, str | bytes):
        raise TypeError(
            "texts must be an iterable of str, not a single "
            f"{type(texts).__name__} (wrap it in a list)"
        )
    for i, item in enumerate(texts):
        if isinstance(item, tuple):
            if len(item) != 2:
                raise TypeError(f"texts[{i}] must be a str or a (text, published) pair")
            text, date = item
            yield require_str(text, f"texts[{i}]"), parse_published(date, f"texts[{i}] published")
        else:
            yield require_str(item, f"texts[{i}]"), default


def _take(items: Iterator[tuple[str, _dt.date | None]], n: int) -> list[tuple[str, Any]]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= n:
            break
    return chunk


def _progress_bar(texts: Iterable[Any], progress: bool) -> Any:
    # A bar is for a person watching a terminal, not for log files and pipes.
    if not progress or not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty()):
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    total = len(texts) if isinstance(texts, Sequence) else None
    # delay: a short run never shows a bar
    return tqdm(total=total, unit="doc", delay=2.0, file=sys.stderr, desc="arabnews")


# The state of a worker process, set once by its initializer.
_WORKER_STATE: dict[str, Any] = {}


def _init_worker(payload: bytes, threads: int, barrier: Any) -> None:
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


def _work_chunk(chunk: list[tuple[str, _dt.date | None]]) -> list[Document]:
    pipeline: Pipeline = _WORKER_STATE["pipeline"]
    return [pipeline.analyze(text, date) for text, date in chunk]


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
