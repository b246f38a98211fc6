"""Entity rows of a Spark data frame of news records, through ``mapInPandas``.

Run it with ``spark-submit spark_entities.py INPUT OUTPUT`` where INPUT holds JSON Lines
records ``{"id", "text", "published"}`` and OUTPUT is a Parquet folder. The function
:func:`entities` needs only pandas and arabnews, so it can be tried without Spark::

    import pandas as pd
    from spark_entities import entities
    next(entities(iter([pd.DataFrame({"id": ["a"], "text": ["زار بوتين موسكو."]})])))
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

COLUMNS = [
    ("id", "string"),
    ("start", "long"),
    ("end", "long"),
    ("text", "string"),
    ("label", "string"),
    ("canonical", "string"),
    ("entity_id", "string"),
    ("score", "double"),
    ("cluster", "string"),
]
"""The entity table's schema, as ``(column, Spark SQL type)``: ``arabnews.dask.ENTITY_COLUMNS``."""

NER = "default"  # the recognizer each worker builds; "gazetteer" runs without the model


def entities(batches: Iterator[Any]) -> Iterator[Any]:
    """``mapInPandas`` function: one pipeline per Python worker, reused for every batch."""
    from arabnews import Pipeline
    from arabnews.dask import analyze_frame

    pipeline = Pipeline(ner=NER)  # loaded once per Python worker
    for frame in batches:
        yield analyze_frame(frame, pipeline, text_column="text", id_column="id")


def main(source: str, target: str) -> None:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("arabnews-entities").getOrCreate()
    schema = ", ".join(f"`{name}` {kind}" for name, kind in COLUMNS)
    news = spark.read.json(source)  # id, text, published
    news.mapInPandas(entities, schema=schema).write.parquet(target)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
