"""Every public ``published=`` accepts a ``datetime.date`` or an ISO string, the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import arabnews
from arabnews.document import Document

TEXT = "قصفت روسيا كييف أمس وقال زيلينسكي إن الهجوم فشل."
DAY = dt.date(2024, 1, 2)


def _pipeline() -> arabnews.Pipeline:
    return arabnews.Pipeline(ner="gazetteer")


def _dask_partition(published: Any) -> Any:
    from arabnews.dask import analyze_partition

    docs, _ = analyze_partition([TEXT], _pipeline(), published=published)
    return docs[0].published


CALLS: dict[str, Callable[[Any], Any]] = {
    "Pipeline.analyze": lambda p: _pipeline().analyze(TEXT, p).published,
    "Pipeline.analyze_many(published=)": lambda p: (
        next(_pipeline().analyze_many([TEXT], published=p, progress=False)).published
    ),
    "Pipeline.analyze_many((text, published))": lambda p: (
        next(_pipeline().analyze_many([(TEXT, p)], progress=False)).published
    ),
    "Document": lambda p: Document.empty(TEXT, published=p).published,
    "arabnews.dask.analyze_partition": _dask_partition,
    "extract_events": lambda p: (arabnews.extract_events(TEXT, published=p), DAY)[1],
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_published_date_or_iso_string(name: str) -> None:
    call = CALLS[name]
    assert call(DAY) == DAY
    assert call("2024-01-02") == DAY
    assert call("2024-01-02T10:00:00Z") == DAY
    with pytest.raises(ValueError, match="ISO date"):
        call("02/01/2024")
    with pytest.raises(TypeError):
        call(20240102)


def test_extract_events_resolves_times_the_same_with_a_string() -> None:
    as_date = arabnews.extract_events(TEXT, published=DAY)
    as_text = arabnews.extract_events(TEXT, published="2024-01-02")
    assert as_date == as_text
