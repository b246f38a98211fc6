"""Pipeline: the data flow, replaceable stages, original offsets, analyze_many."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, given, settings

import arabnews
from arabnews import ModelNotAvailableError
from arabnews.alignment import apply_edits
from arabnews.clean import CleanedText
from arabnews.document import Document
from arabnews.pipeline import Pipeline, analyze, to_original
from arabnews.sentences import Sentence
from arabnews.spans import Entity, Mention, Span
from arabnews.testing import news_pages

events = pytest.importorskip("arabnews.events")

BIDI = "\u200f"


# -- injected stages: each records what it saw ------------------------------------------


def strip_bidi(text: str) -> CleanedText:
    edits = [(i, i + 1, "") for i, ch in enumerate(text) if ch == BIDI]
    cleaned, alignment = apply_edits(text, edits)
    return CleanedText(text, cleaned, (), alignment)


def split_on_stops(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." or i == len(text) - 1:
            chunk = text[start : i + 1]
            s = start + len(chunk) - len(chunk.lstrip())
            e = start + len(chunk.rstrip())
            if e > s:
                out.append(Sentence(s, e, text[s:e]))
            start = i + 1
    return tuple(out)


class WordRecognizer:
    """Tags every occurrence of a few words; remembers the text it was given."""

    words: ClassVar[dict[str, str]] = {"زيلينسكي": "PER", "كييف": "LOC"}

    def __init__(self) -> None:
        self.seen: list[tuple[str, Sequence[Span] | None]] = []

    def recognize(self, text: str, sentences: Sequence[Span] | None = None) -> tuple[Entity, ...]:
        self.seen.append((text, sentences))
        found = []
        for word, label in self.words.items():
            start = text.find(word)
            while start >= 0:
                found.append(Entity(start, start + len(word), word, label))
                start = text.find(word, start + 1)
        return tuple(sorted(found, key=lambda e: e.start))


def trigger_events(text: str, *, published: Any, entities: Sequence[Entity]) -> tuple[Any, ...]:
    i = text.find("زار")
    if i < 0:
        return ()
    where = tuple(e.to_mention() for e in entities if e.label == "LOC")
    return (
        events.Event(
            type="CONSULT",
            mode="visit",
            trigger=Mention(i, i + 3, "زار"),
            actor=tuple(e.to_mention() for e in entities if e.label == "PER"),
            recipient=(),
            location=where,
            time=None,
            quantities=(),
            modality="asserted",
            sentence=Span(0, len(text)),
        ),
    )


TEXT = f"{BIDI}زار {BIDI}زيلينسكي {BIDI}كييف. ثم{BIDI} عاد زيلينسكي."


def test_injected_stages_see_cleaned_text_and_results_come_back_in_original_offsets() -> None:
    recognizer = WordRecognizer()
    pipeline = Pipeline(
        clean=strip_bidi,
        sentences=split_on_stops,
        ner=recognizer,
        events=trigger_events,
        quotes=None,
        names=None,
    )
    doc = pipeline.analyze(TEXT, published="2024-01-02")
    seen_text, seen_sentences = recognizer.seen[0]
    assert BIDI not in seen_text  # stages work on the cleaned text ...
    assert seen_sentences is not None and all(isinstance(s, Span) for s in seen_sentences)
    # ... and the document is in original offsets
    assert [e.text for e in doc.entities] == ["زيلينسكي", "كييف", "زيلينسكي"]
    for path, obj in doc.iter_spans():
        if isinstance(getattr(obj, "text", None), str):
            assert TEXT[obj.start : obj.end] == obj.text, path
    (event,) = doc.events
    assert TEXT[event.trigger.start : event.trigger.end] == "زار"
    assert [m.text for m in event.location] == ["كييف"]
    assert doc.sentences[0].text.endswith("كييف.")
    assert doc.published == dt.date(2024, 1, 2)


def test_stages_can_be_switched_off() -> None:
    doc = Pipeline(clean=None, sentences=None, ner=None, events=None, quotes=None).analyze(TEXT)
    assert doc.cleaned.text == TEXT
    assert (doc.sentences, doc.entities, doc.events, doc.quotes) == ((), (), (), ())


def test_to_original_leaves_span_free_objects_alone() -> None:
    cleaned = strip_bidi(TEXT)
    value = ("x", 1, None)
    assert to_original(value, cleaned) is value


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="text must be str, not bytes"):
        Pipeline(ner=None).analyze(b"abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be str, not NoneType"):
        analyze(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="published must be an ISO date"):
        Pipeline(ner=None).analyze("نص", published="yesterday")
    with pytest.raises(TypeError, match="published must be"):
        Pipeline(ner=None).analyze("نص", published=3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ner must be one of"):
        Pipeline(ner="spacy")
    with pytest.raises(TypeError, match="ner must be"):
        Pipeline(ner=42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="names must be"):
        Pipeline(names="global")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        list(Pipeline(ner=None).analyze_many(["نص", 5]))  # type: ignore[list-item]
    with pytest.raises(TypeError, match="single str"):
        list(Pipeline(ner=None).analyze_many("نص"))
    with pytest.raises(ValueError, match="workers"):
        list(Pipeline(ner=None).analyze_many(["نص"], workers=0))


@pytest.mark.parametrize("text", ["", " ", "\n\t \u00a0\n", BIDI * 3])
def test_blank_text_gives_an_empty_document(text: str) -> None:
    doc = Pipeline(ner="gazetteer").analyze(text)
    assert doc.text == text
    assert (doc.sentences, doc.entities, doc.events, doc.quotes) == ((), (), (), ())


# -- the real stages --------------------------------------------------------------------


@pytest.fixture(scope="module")
def light() -> Pipeline:
    """Real cleaner, splitter, gazetteer recognizer, resolver, events and quotes."""
    return Pipeline(ner="gazetteer")


def _check_slices(doc: Document) -> int:
    n = 0
    for path, obj in doc.iter_spans():
        assert 0 <= obj.start <= obj.end <= len(doc.text), path
        if isinstance(getattr(obj, "text", None), str):
            assert doc.text[obj.start : obj.end] == obj.text, path
        n += 1
    return n


def test_seed_pages_end_to_end(light: Pipeline, seed_texts: dict[str, str]) -> None:
    total = 0
    for name, text in seed_texts.items():
        doc = light.analyze(text, published="2023-09-17")
        assert doc.sentences and doc.entities, name
        total += _check_slices(doc)
        assert Document.from_json(doc.to_json()) == doc
    assert total > 100
    # corpus-level names: one resolver saw every seed page
    resolver = light.resolver
    assert resolver is not None
    assert resolver.cluster_id("زيلينسكي") == resolver.cluster_id("زيلنسكي")


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(news_pages(hostile=True))
def test_every_span_slices_the_original_on_hostile_pages(page: str) -> None:
    doc = _light_document_pipeline().analyze(page)
    assert doc.text == page and doc.cleaned.original == page
    _check_slices(doc)


_LIGHT: list[Pipeline] = []


def _light_document_pipeline() -> Pipeline:
    if not _LIGHT:
        _LIGHT.append(Pipeline(ner="gazetteer", names="document"))
    return _LIGHT[0]


def test_long_text_with_emoji_and_controls(light: Pipeline, seed_texts: dict[str, str]) -> None:
    page = next(iter(seed_texts.values()))
    text = ("😀\x00\u202e" + page) * 40  # ~220k characters
    doc = light.analyze(text)
    assert len(doc.entities) >= 40
    _check_slices(doc)


def test_names_document_mode_does_not_remember() -> None:
    pipeline = Pipeline(ner="gazetteer", names="document")
    first = pipeline.analyze("قال زيلينسكي في كييف.")
    pipeline.analyze("قال بوتين في موسكو.")
    assert pipeline.analyze("قال زيلينسكي في كييف.") == first
    assert pipeline.resolver is None


# -- analyze_many -------------------------------------------------------------------------


def _texts(seed_texts: dict[str, str], n: int) -> list[str]:
    pages = list(seed_texts.values())
    return [pages[i % len(pages)] + f"\n{i}" for i in range(n)]


def test_analyze_many_in_process_keeps_order(seed_texts: dict[str, str]) -> None:
    texts = _texts(seed_texts, 6)
    items: list[Any] = [(t, "2023-09-17") if i % 2 else t for i, t in enumerate(texts)]
    docs = list(Pipeline(ner="gazetteer").analyze_many(items, progress=False))
    assert [d.text for d in docs] == texts
    assert docs[1].published == dt.date(2023, 9, 17) and docs[0].published is None


@pytest.mark.slow
def test_analyze_many_two_workers_matches_one(seed_texts: dict[str, str]) -> None:
    texts = _texts(seed_texts, 10)
    one = Pipeline(ner="gazetteer", names="document")
    expected = [one.analyze(t) for t in texts]
    many = Pipeline(ner="gazetteer", names="document")
    got = list(many.analyze_many(iter(texts), workers=2, chunksize=2, progress=False))
    assert got == expected
    # corpus mode: the worker resolvers are merged into the pipeline's resolver
    corpus = Pipeline(ner="gazetteer")
    docs = list(corpus.analyze_many(texts, workers=2, chunksize=1, progress=False))
    assert [d.text for d in docs] == texts
    resolver = corpus.resolver
    assert resolver is not None
    names = {e.text for d in docs for e in d.entities}
    assert all(resolver.cluster_id(n) is not None for n in names)


@pytest.mark.slow
def test_analyze_many_does_not_read_ahead_without_bound() -> None:
    pulled = itertools.count()

    def endless() -> Iterator[str]:
        for i in itertools.count():
            next(pulled)
            yield f"قال زيلينسكي في كييف {i}."

    pipeline = Pipeline(ner="gazetteer", names="document", events=None, quotes=None)
    stream = pipeline.analyze_many(endless(), workers=2, chunksize=3, progress=False)
    first = [next(stream) for _ in range(5)]
    stream.close()
    assert [d.text for d in first] == [f"قال زيلينسكي في كييف {i}." for i in range(5)]
    # window: 2 chunks per worker, plus the chunk being taken
    assert next(pulled) <= 2 * 2 * 3 + 3 + 5


def test_unpicklable_stage_is_a_clear_error() -> None:
    pipeline = Pipeline(ner=None, events=lambda text, **_: ())
    with pytest.raises(TypeError, match="picklable"):
        list(pipeline.analyze_many(["نص"], workers=2, progress=False))


def test_missing_model_raises_model_not_available(tmp_path: Path) -> None:
    # raised when the pipeline is built (the folder is checked) or at the latest on use
    with pytest.raises(ModelNotAvailableError):
        Pipeline(ner="stanza", model_dir=tmp_path).analyze("قال زيلينسكي في كييف إن الوضع صعب.")


def test_module_level_analyze_is_exported() -> None:
    assert arabnews.analyze is analyze and arabnews.Pipeline is Pipeline


@pytest.mark.model
@pytest.mark.slow
def test_default_pipeline_with_the_shipped_model(seed_texts: dict[str, str]) -> None:
    pytest.importorskip("stanza")
    text = next(iter(seed_texts.values()))
    try:
        doc = analyze(text, published="2023-09-17")
    except ModelNotAvailableError as exc:  # no model shipped in this checkout yet
        pytest.skip(str(exc))
    assert any(e.label == "PER" for e in doc.entities)
    _check_slices(doc)
    # deterministic: names are resolved per document at module level
    assert analyze(text, published="2023-09-17") == doc


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("tqdm")
    import io
    import sys

    from arabnews import pipeline as module

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", Terminal())
    bar = module._progress_bar([1, 2], True)
    assert bar is not None and bar.total == 2
    bar.close()
    assert module._progress_bar([1], False) is None
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert module._progress_bar([1], True) is None
