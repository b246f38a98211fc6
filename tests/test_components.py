"""Stages hand their output on: the text is split and tokenised once per document, and every
stage is a Component that declares what it needs and adds (issue 14)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arabnews.sentences
import arabnews.tokens
from arabnews import GazetteerRecognizer, Pipeline, split_sentences, tokenize
from arabnews.events import Event, extract_events, extract_quotes
from arabnews.pipeline import Component
from arabnews.sentences import Sentence
from arabnews.spans import Entity, Span
from arabnews.testing import arabic_sentences, news_pages
from arabnews.tokens import Token, tokens_by_span

TEXT = (
    "القاهرة (رويترز) - قال وزير الخارجية المصري سامح شكري يوم الأحد إن المحادثات مستمرة. "
    "وأضاف: «لن نقبل بأي هجوم على رفح». "
    "وقتل 12 شخصا وأصيب 3.5% من السكان في قصف إسرائيلي على غزة أمس، بحسب #غزة_الآن."
)


# -- split once, tokenise once -----------------------------------------------------------------


class _Counter:
    """Wraps a function and counts the calls made on one text (the document's)."""

    def __init__(self, func: Any, text: str) -> None:
        self.func, self.text, self.calls = func, text, 0

    def __call__(self, text: str, *args: Any, **kwargs: Any) -> Any:
        if text == self.text:
            self.calls += 1
        return self.func(text, *args, **kwargs)


@pytest.mark.parametrize(
    "ner", ["gazetteer", "tokens-aware", pytest.param("default", marks=pytest.mark.model)]
)
def test_split_and_tokenize_run_once_per_analyze(
    monkeypatch: pytest.MonkeyPatch, seed_texts: dict[str, str], ner: str
) -> None:
    class Recorder:
        """A user's recognizer that takes the pipeline's tokens."""

        def __init__(self) -> None:
            self.seen: list[tuple[Token, ...] | None] = []

        def recognize(
            self, text: str, sentences: Sequence[Span] | None = None, *, tokens: Any = None
        ) -> tuple[Entity, ...]:
            self.seen.append(tokens)
            return GazetteerRecognizer().recognize(text, sentences, tokens=tokens)

    recorder = Recorder()
    if ner == "default":  # the shipped model and the gazetteer, both fed the tokens
        pytest.importorskip("torch")
        pytest.importorskip("stanza")
    pipeline = Pipeline(ner=recorder if ner == "tokens-aware" else ner, names="document")
    text = next(iter(seed_texts.values()))
    cleaned = arabnews.clean(text).text
    split = _Counter(arabnews.sentences.split_sentences, cleaned)
    tok = _Counter(arabnews.tokens.tokenize, cleaned)
    # every module imports these lazily, from these modules, so the counters see every call
    monkeypatch.setattr(arabnews.sentences, "split_sentences", split)
    monkeypatch.setattr(arabnews.tokens, "tokenize", tok)
    # the words of events and quotes come from the tokens: the word reader must not run
    from arabnews.events import extractor, quotes

    def no_words(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("events or quotes read the words of the text again")

    monkeypatch.setattr(extractor, "words", no_words)
    monkeypatch.setattr(quotes, "words", no_words)
    doc = pipeline.analyze(text)
    assert doc.sentences and doc.entities and doc.events and doc.quotes
    assert (split.calls, tok.calls) == (1, 1)
    if ner == "tokens-aware":
        assert recorder.seen == [tokenize(cleaned)]


def test_pipeline_events_and_quotes_equal_the_functions_alone(seed_texts: dict[str, str]) -> None:
    pipeline = Pipeline(clean=None, ner="gazetteer", names=None)
    for text in seed_texts.values():
        doc = pipeline.analyze(text, dt.date(2024, 1, 2))
        ents = doc.entities
        assert ents
        alone = extract_events(text, published="2024-01-02", entities=ents)
        assert doc.events == alone
        assert doc.quotes == extract_quotes(text, entities=ents)
        given_all = extract_events(
            text,
            published="2024-01-02",
            entities=ents,
            sentences=split_sentences(text),
            tokens=tokenize(text),
        )
        assert given_all == alone
        sentences = split_sentences(text)
        assert extract_quotes(text, entities=ents, sentences=sentences) == doc.quotes
        assert extract_quotes(text, entities=ents, tokens=tokenize(text)) == doc.quotes


@given(
    st.one_of(news_pages(max_paragraphs=3), st.lists(arabic_sentences(), max_size=6).map(" ".join))
)
def test_given_sentences_and_tokens_change_nothing(text: str) -> None:
    alone = extract_events(text, entities=(), threshold=0.0)
    given_all = extract_events(
        text, entities=(), threshold=0.0, sentences=split_sentences(text), tokens=tokenize(text)
    )
    assert given_all == alone
    assert extract_quotes(text, entities=(), tokens=tokenize(text)) == extract_quotes(
        text, entities=()
    )


@given(st.text(alphabet=st.sampled_from(list("ابت ثج 12.,%#_ \n«»ـَ")), max_size=80))
def test_tokens_by_span_keeps_every_non_space_character_of_each_span(text: str) -> None:
    sentences = split_sentences(text)
    groups = tokens_by_span(tokenize(text), sentences)
    assert len(groups) == len(sentences)
    for sentence, group in zip(sentences, groups, strict=True):
        assert all(sentence.start <= t.start < t.end <= sentence.end for t in group)
        assert all(text[t.start : t.end] == t.text for t in group)
        kept = "".join(t.text for t in group)
        assert kept == "".join(sentence.text.split())


def test_tokens_by_span_cuts_a_token_that_crosses_a_span_edge() -> None:
    text = "www.example.com/a"
    groups = tokens_by_span(tokenize(text), [Span(0, 11), Span(12, 17)])
    assert [[t.text for t in g] for g in groups] == [["www.example"], ["com/a"]]


# -- arguments are checked at the boundary -----------------------------------------------------


def test_sentences_and_tokens_of_another_text_are_refused() -> None:
    other = "نص آخر تماما هنا."
    with pytest.raises(ValueError, match="does not match"):
        extract_events(TEXT, entities=(), sentences=split_sentences(other))
    with pytest.raises(ValueError, match="does not match"):
        extract_quotes(TEXT, entities=(), tokens=tokenize(other))
    with pytest.raises(TypeError, match="Sentence"):
        extract_events(TEXT, entities=(), sentences=[Span(0, 5)])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="Token"):
        extract_events(TEXT, entities=(), tokens=["قال"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="sequence"):
        extract_quotes(TEXT, entities=(), tokens=TEXT)  # type: ignore[arg-type]
    tokens = tokenize(TEXT)
    with pytest.raises(ValueError, match="out of order"):
        extract_events(TEXT, entities=(), tokens=tokens[::-1])
    sentences = split_sentences(TEXT)
    with pytest.raises(ValueError, match="out of order"):
        extract_events(TEXT, entities=(), sentences=sentences[::-1])
    with pytest.raises(ValueError, match="does not match"):
        GazetteerRecognizer().recognize(TEXT, tokens=tokenize(other))


def test_recognizers_give_the_same_entities_with_the_caller_tokens(
    seed_texts: dict[str, str],
) -> None:
    recognizer = GazetteerRecognizer()
    combined = arabnews.CombinedRecognizer(recognizer)
    for text in seed_texts.values():
        spans = [s.span for s in split_sentences(text)]
        alone = recognizer.recognize(text, spans)
        assert recognizer.recognize(text, spans, tokens=tokenize(text)) == alone
        assert combined.recognize(text, spans, tokens=tokenize(text)) == alone


# -- components: needs and adds ----------------------------------------------------------------


def test_components_declare_needs_and_adds_in_run_order() -> None:
    pipeline = Pipeline(ner="gazetteer")
    assert pipeline.pipe_names == (
        "clean",
        "sentences",
        "tokens",
        "ner",
        "names",
        "events",
        "quotes",
    )
    made = {"text"}
    for component in pipeline.components:
        assert isinstance(component, Component)
        assert set(component.needs) <= made, component
        made.update(component.adds)
    by_name = {c.name: c for c in pipeline.components}
    assert by_name["events"].needs == ("cleaned", "sentences", "tokens")
    assert by_name["ner"].adds == ("entities",)
    with pytest.raises(AttributeError):
        by_name["events"].needs = ()  # type: ignore[misc]


def test_tokens_stage_only_when_a_stage_reads_tokens() -> None:
    assert Pipeline(ner=None, events=None, quotes=None).pipe_names == ("clean", "sentences")
    assert (
        "tokens"
        not in Pipeline(
            ner=None, events=lambda text, *, published, entities: (), quotes=None
        ).pipe_names
    )
    assert "tokens" in Pipeline(ner="gazetteer", events=None, quotes=None).pipe_names


@pytest.mark.parametrize("stage", ["events", "quotes"])
def test_a_stage_whose_needs_are_unmet_fails_at_construction(stage: str) -> None:
    other = "quotes" if stage == "events" else "events"
    with pytest.raises(ValueError, match=f"the {stage} stage .* needs sentences"):
        Pipeline(sentences=None, ner=None, **{other: None})
    # switched off, or replaced by a callable that does not ask for sentences: fine
    Pipeline(sentences=None, ner="gazetteer", events=None, quotes=None)
    doc = Pipeline(
        sentences=None, ner=None, events=lambda text, *, published, entities: (), quotes=None
    ).analyze(TEXT)
    assert doc.sentences == () and doc.events == ()


# -- custom callables keep their signatures ----------------------------------------------------


def test_custom_callables_get_only_what_they_take() -> None:
    seen: dict[str, Any] = {}

    def old_events(text: str, *, published: Any, entities: Any) -> tuple[Event, ...]:
        seen["old"] = (text, published, entities)
        return ()

    def new_events(
        text: str, *, published: Any, entities: Any, sentences: Any, tokens: Any
    ) -> tuple[Event, ...]:
        seen["new"] = (sentences, tokens)
        return extract_events(
            text, published=published, entities=entities, sentences=sentences, tokens=tokens
        )

    def kw_quotes(text: str, **kwargs: Any) -> tuple[()]:
        seen["quotes"] = sorted(kwargs)
        return ()

    doc = Pipeline(clean=None, ner=None, events=old_events, quotes=kw_quotes).analyze(TEXT)
    assert seen["old"] == (TEXT, None, ())
    assert seen["quotes"] == ["entities", "sentences", "tokens"]
    assert doc.events == ()
    doc = Pipeline(clean=None, ner=None, events=new_events, quotes=None).analyze(TEXT)
    sentences, tokens = seen["new"]
    assert sentences == doc.sentences and all(isinstance(s, Sentence) for s in sentences)
    assert tokens == tokenize(TEXT)
    assert doc.events == extract_events(TEXT, entities=())
    # sentences switched off: a callable that asks for them gets None
    Pipeline(clean=None, sentences=None, ner=None, events=new_events, quotes=None).analyze(TEXT)
    assert seen["new"][0] is None and seen["new"][1] == tokenize(TEXT)


def test_a_custom_recognizer_without_tokens_is_called_as_before() -> None:
    calls: list[int] = []

    class Old:
        def recognize(
            self, text: str, sentences: Sequence[Span] | None = None
        ) -> tuple[Entity, ...]:
            calls.append(len(sentences or ()))
            return ()

    pipeline = Pipeline(ner=Old())  # type: ignore[arg-type]
    ner = next(c for c in pipeline.components if c.name == "ner")
    assert ner.uses == ("sentences",)
    pipeline.analyze(TEXT)
    assert calls == [len(split_sentences(TEXT))]


def test_a_custom_splitter_must_return_sentences_in_order() -> None:
    def backwards(text: str) -> list[Sentence]:
        return list(reversed(split_sentences(text)))

    with pytest.raises(ValueError, match="in text order"):
        Pipeline(sentences=backwards, ner=None).analyze(TEXT)


def test_recognize_tokenizes_the_cleaned_text_once(
    monkeypatch: pytest.MonkeyPatch, seed_texts: dict[str, str]
) -> None:
    text = next(iter(seed_texts.values()))
    cleaned = arabnews.clean(text).text
    tok = _Counter(arabnews.tokens.tokenize, cleaned)
    monkeypatch.setattr(arabnews.tokens, "tokenize", tok)
    combined = arabnews.CombinedRecognizer(GazetteerRecognizer(), GazetteerRecognizer())
    assert arabnews.recognize(text, recognizer=combined)
    assert tok.calls == 1
