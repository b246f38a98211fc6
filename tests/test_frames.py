"""arabnews.frames: the tables of a batch, with doc_id, fixed columns and numeric scores."""

from __future__ import annotations

import math

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import arabnews
from arabnews.document import Document
from arabnews.tables import ENTITY_COLUMNS, EVENT_COLUMNS, QUOTE_COLUMNS
from arabnews.testing import documents

pd = pytest.importorskip("pandas")


def _check(tables: object, docs: list[Document]) -> None:
    ents, evs, quotes = tables.entities, tables.events, tables.quotes  # type: ignore[attr-defined]
    assert tuple(ents.columns) == ENTITY_COLUMNS
    assert tuple(evs.columns) == EVENT_COLUMNS
    assert tuple(quotes.columns) == QUOTE_COLUMNS
    for frame in (ents, evs, quotes):
        assert str(frame["score"].dtype) == "float64"
        for column in frame.columns:
            assert not any(isinstance(v, tuple | list | dict) for v in frame[column]), column
    ids = [d.id if d.id is not None else i for i, d in enumerate(docs)]
    assert ents["doc_id"].tolist() == [ids[i] for i, d in enumerate(docs) for _ in d.entities]
    assert evs["doc_id"].tolist() == [ids[i] for i, d in enumerate(docs) for _ in d.events]
    assert quotes["doc_id"].tolist() == [ids[i] for i, d in enumerate(docs) for _ in d.quotes]
    by_id = dict(zip(ids, docs, strict=True))
    for row in ents.itertuples(index=False):
        text = by_id[row.doc_id].text
        assert text[row.start : row.end] == row.text
    for row in evs.itertuples(index=False):
        assert by_id[row.doc_id].text[row.trigger_start : row.trigger_end] == row.trigger
    for row in quotes.itertuples(index=False):
        assert by_id[row.doc_id].text[row.start : row.end] == row.text
    all_quotes = [q for d in docs for q in d.quotes]
    assert quotes["score"].tolist() == [q.score for q in all_quotes]
    assert [None if pd.isna(v) else v for v in quotes["via"]] == [
        None if q.via is None else q.via.text for q in all_quotes
    ]
    assert [None if pd.isna(v) else int(v) for v in quotes["via_start"]] == [
        None if q.via is None else q.via.start for q in all_quotes
    ]
    scores = [e.score for d in docs for e in d.entities]
    assert [
        math.isnan(x) if s is None else x == s for x, s in zip(ents["score"], scores, strict=True)
    ] == [True] * len(scores)


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(documents(), max_size=3), st.lists(st.booleans(), min_size=3, max_size=3))
def test_frames_of_any_batch(docs: list[Document], named: list[bool]) -> None:
    docs = [attrs.evolve(d, id=f"d{i}") if named[i] else d for i, d in enumerate(docs)]
    _check(arabnews.frames(docs), docs)


def test_frames_of_an_empty_batch_and_generators() -> None:
    tables = arabnews.frames([])
    assert len(tables.entities) == len(tables.events) == len(tables.quotes) == 0
    assert tuple(tables.events.columns) == EVENT_COLUMNS
    docs = [Document.empty("نص", id="x"), Document.empty("")]
    _check(arabnews.frames(d for d in docs), docs)  # any iterable, read once


def test_frames_of_analysed_pages(seed_texts: dict[str, str]) -> None:
    pipeline = arabnews.Pipeline(ner="gazetteer")
    docs = [
        attrs.evolve(pipeline.analyze(text, "2025-08-07"), id=name)
        for name, text in list(seed_texts.items())[:2]
    ]
    tables = arabnews.frames(docs)
    _check(tables, docs)
    assert set(tables.entities["doc_id"]) <= set(seed_texts)
    # the single-document methods give the same rows
    assert (
        tables.entities[tables.entities["doc_id"] == docs[0].id]
        .reset_index(drop=True)
        .equals(docs[0].entities_frame())
    )


def test_quote_via_and_score_columns() -> None:
    text = 'ونقلت وكالة "الأنباء" عن مسؤول عسكري أن القوات انسحبت من المنطقة.'
    doc = arabnews.analyze(text)
    frame = arabnews.frames([doc]).quotes
    assert len(frame) == len(doc.quotes) >= 1
    assert str(frame["score"].dtype) == "float64"
    assert str(frame["via_start"].dtype) == "Int64"
    q = doc.quotes[0]
    assert frame["score"].iloc[0] == q.score
    assert q.via is not None and frame["via"].iloc[0] == q.via.text
    assert text[frame["via_start"].iloc[0] : frame["via_end"].iloc[0]] == q.via.text
