"""Run the pipeline on a Dask cluster: bags of documents or data frame partitions.

Each partition is analysed by a :class:`~arabnews.Pipeline` that is loaded once per worker
process (the model is not reloaded per partition) with a fresh
:class:`~arabnews.NameResolver`; the per-partition resolvers are then reduced with
``NameResolver.merge`` into one corpus-level resolver.

.. code-block:: python

    import dask
    import dask.bag as db
    from arabnews import Pipeline
    from arabnews.dask import analyze_bag

    if __name__ == "__main__":  # worker processes import this module again
        records = db.read_text("corpus-*.jsonl").map(json.loads)  # {"id", "text", ...}
        result = analyze_bag(records, Pipeline())
        documents, resolver = dask.compute(result.documents, result.resolver)

A record's ``id`` becomes the document's :attr:`~arabnews.Document.id`. The complete,
runnable recipe is ``docs/examples/dask_bag.py`` (see :doc:`/pipeline`).

Dask is imported only when these functions run (``pip install 'arabnews[dask]'``).
"""

from __future__ import annotations

import functools
import hashlib
import math
import pickle
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from arabnews.document import Document, parse_published

if TYPE_CHECKING:
    import datetime as _dt

    import pandas

    from arabnews.names import NameResolver
    from arabnews.pipeline import Pipeline

__all__ = [
    "ENTITY_COLUMNS",
    "AnalyzedBag",
    "analyze_bag",
    "analyze_dataframe",
    "analyze_frame",
    "analyze_partition",
    "merge_resolvers",
]

ENTITY_COLUMNS = (
    "id",
    "start",
    "end",
    "text",
    "label",
    "canonical",
    "entity_id",
    "score",
    "cluster",
)
"""Columns of the entity table that :func:`analyze_frame` returns."""


def _require_dask() -> Any:
    try:
        import dask.bag
    except ImportError:
        raise ImportError("arabnews.dask needs dask: pip install 'arabnews[dask]'") from None
    return dask


# Pipelines already unpickled in this worker process, by a digest of their pickle: a
# worker analyses many partitions but loads the model once.
_PIPELINES: dict[str, Pipeline] = {}


@attrs.frozen
class _PipelinePayload:
    digest: str
    data: bytes

    @classmethod
    def of(cls, pipeline: Pipeline) -> _PipelinePayload:
        data = pickle.dumps(pipeline)
        return cls(hashlib.sha256(data).hexdigest(), data)

    def load(self) -> Pipeline:
        pipeline = _PIPELINES.get(self.digest)
        if pipeline is None:
            pipeline = pickle.loads(self.data)
            _PIPELINES[self.digest] = pipeline
        return pipeline


def _default_payload(pipeline: Pipeline | None) -> _PipelinePayload:
    if pipeline is None:
        from arabnews.pipeline import Pipeline

        pipeline = Pipeline()
    return _PipelinePayload.of(pipeline)


def _item(item: Any, default: _dt.date | None) -> tuple[str, _dt.date | None, str | None]:
    if isinstance(item, str):
        return item, default, None
    if isinstance(item, tuple) and len(item) == 2:
        return item[0], parse_published(item[1]) or default, None
    if isinstance(item, Mapping):
        doc_id = item.get("id")
        return (
            item["text"],
            parse_published(item.get("published")) or default,
            None if doc_id is None else str(doc_id),
        )
    raise TypeError(
        "a bag item must be a text, a (text, published) pair or a mapping with 'text' "
        f"(and optionally 'id' and 'published'), not {type(item).__name__}"
    )


def analyze_partition(
    items: Iterable[Any],
    pipeline: Pipeline,
    *,
    published: _dt.date | str | None = None,
) -> tuple[list[Document], NameResolver | None]:
    """Analyse one partition with a fresh resolver; return its documents and resolver.

    This is the unit of work of :func:`analyze_bag`; it is public so that other engines
    (Ray, Spark, a job queue) can reuse it.
    """
    from arabnews.names import NameResolver

    default = parse_published(published)
    made: list[NameResolver] = []

    def partition_resolver() -> NameResolver:
        if not made:
            made.append(NameResolver())
        return made[0]

    docs = []
    for item in items:
        text, date, doc_id = _item(item, default)
        doc = pipeline._analyze(text, date, partition_resolver)
        docs.append(doc if doc_id is None else attrs.evolve(doc, id=doc_id))
    return docs, (made[0] if made else None)


def merge_resolvers(resolvers: Iterable[NameResolver | None]) -> NameResolver | None:
    """``NameResolver.merge`` over many resolvers (``None`` entries are skipped)."""
    merged: NameResolver | None = None
    for resolver in resolvers:
        if resolver is None:
            continue
        merged = resolver if merged is None else merged.merge(resolver)
    return merged


def _run_partition(items: Any, payload: _PipelinePayload, published: Any) -> list[Any]:
    docs, resolver = analyze_partition(items, payload.load(), published=published)
    return [(docs, resolver)]


def _docs_of(part: Any) -> list[Document]:
    return [doc for docs, _ in part for doc in docs]


def _resolver_of(part: Any) -> list[Any]:
    return [resolver for _, resolver in part]


def _merge_list(resolvers: Iterable[Any]) -> Any:
    return merge_resolvers(resolvers)


@attrs.frozen
class AnalyzedBag:
    """What :func:`analyze_bag` returns: lazy documents and the lazy merged resolver.

    Compute them together (``dask.compute(result.documents, result.resolver)``) so that
    every partition is analysed once.
    """

    documents: Any  # dask.bag.Bag of Document
    resolver: Any  # dask.bag.Item of NameResolver | None


def analyze_bag(
    bag: Any,
    pipeline: Pipeline | None = None,
    *,
    published: _dt.date | str | None = None,
) -> AnalyzedBag:
    """Map *pipeline* over a ``dask.bag.Bag`` of documents.

    Args:
        bag: items are texts, ``(text, published)`` pairs or mappings with ``"text"``
            (and optionally ``"id"``, kept as the document's ``id``, and
            ``"published"``).
        pipeline: the pipeline to run (default: ``Pipeline()``); it is pickled once and
            loaded once per worker process.
        published: default publication date for items without one.
    """
    _require_dask()
    payload = _default_payload(pipeline)
    date = parse_published(published)
    parts = bag.map_partitions(_run_partition, payload, date)
    documents = parts.map_partitions(_docs_of)
    resolver = parts.map_partitions(_resolver_of).reduction(_merge_list, _merge_list)
    return AnalyzedBag(documents=documents, resolver=resolver)


def analyze_frame(
    frame: pandas.DataFrame,
    pipeline: Pipeline | None = None,
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    published_column: str | None = None,
) -> pandas.DataFrame:
    """Analyse every row of a pandas frame; return one row per entity.

    Columns are :data:`ENTITY_COLUMNS`; ``id`` comes from *id_column* (or the row index)
    and ``cluster`` is the partition resolver's cluster of the entity's name. This is
    the function to hand to ``dask.dataframe.map_partitions`` or to Spark's
    ``mapInPandas`` (see :doc:`/pipeline`).
    """
    import pandas as pd

    loaded = _default_payload(pipeline).load() if pipeline is None else pipeline
    rows: list[tuple[Any, ...]] = []
    ids = frame[id_column] if id_column is not None else frame.index
    texts = frame[text_column]
    dates = frame[published_column] if published_column is not None else [None] * len(frame)
    items = [(text, _frame_date(date)) for text, date in zip(texts, dates, strict=True)]
    docs, resolver = analyze_partition(items, loaded)
    for doc_id, doc in zip(ids, docs, strict=True):
        for e in doc.entities:
            cluster = resolver.cluster_id(e.text) if resolver is not None else None
            rows.append(
                (
                    doc_id,
                    e.start,
                    e.end,
                    e.text,
                    e.label,
                    e.canonical,
                    e.entity_id,
                    e.score,
                    cluster,
                )
            )
    out = pd.DataFrame(rows, columns=list(ENTITY_COLUMNS))
    return out.astype({"start": "int64", "end": "int64", "score": "float64"})


def _frame_date(value: Any) -> Any:
    # pandas gives NaT/NaN for missing values and Timestamps for dates
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "date") and callable(value.date):
        try:
            return value.date()
        except ValueError:  # NaT
            return None
    return value


@functools.cache
def _entity_meta() -> Any:
    import pandas as pd

    return pd.DataFrame(
        {
            "id": pd.Series(dtype="object"),
            "start": pd.Series(dtype="int64"),
            "end": pd.Series(dtype="int64"),
            "text": pd.Series(dtype="object"),
            "label": pd.Series(dtype="object"),
            "canonical": pd.Series(dtype="object"),
            "entity_id": pd.Series(dtype="object"),
            "score": pd.Series(dtype="float64"),
            "cluster": pd.Series(dtype="object"),
        }
    )


def _frame_partition(
    frame: Any,
    payload: _PipelinePayload,
    text_column: str,
    id_column: str | None,
    published_column: str | None,
) -> Any:
    out = analyze_frame(
        frame,
        payload.load(),
        text_column=text_column,
        id_column=id_column,
        published_column=published_column,
    )
    return out.astype(_entity_meta().dtypes.to_dict())


def analyze_dataframe(
    frame: Any,
    pipeline: Pipeline | None = None,
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    published_column: str | None = None,
) -> Any:
    """Entity table of a ``dask.dataframe.DataFrame``, one partition at a time.

    Returns a lazy dask data frame with :data:`ENTITY_COLUMNS` (see :func:`analyze_frame`).
    Cluster ids are per partition; for corpus-level clusters use :func:`analyze_bag`,
    whose resolvers are merged.
    """
    _require_dask()
    payload = _default_payload(pipeline)
    return frame.map_partitions(
        _frame_partition,
        payload,
        text_column,
        id_column,
        published_column,
        meta=_entity_meta(),
    )
