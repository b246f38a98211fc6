"""Dask integration on a real LocalCluster (two worker processes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from arabnews.document import Document
from arabnews.pipeline import Pipeline

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

from arabnews.dask import (  # noqa: E402
    ENTITY_COLUMNS,
    analyze_bag,
    analyze_dataframe,
    analyze_frame,
    merge_resolvers,
)

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=40,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _texts(seed_texts: dict[str, str]) -> list[str]:
    pages = list(seed_texts.values())
    return [pages[i % len(pages)] for i in range(8)]


def test_bag_on_two_workers(client: object, seed_texts: dict[str, str]) -> None:
    import dask.bag as db

    texts = _texts(seed_texts)
    pipeline = Pipeline(ner="gazetteer")
    items = [{"id": f"r{i}", "text": t, "published": "2023-09-17"} for i, t in enumerate(texts)]
    result = analyze_bag(db.from_sequence(items, npartitions=4), pipeline)
    docs, resolver = dask.compute(result.documents, result.resolver)
    assert [d.text for d in docs] == texts
    assert [d.id for d in docs] == [f"r{i}" for i in range(len(texts))]  # record ids kept
    assert all(isinstance(d, Document) and str(d.published) == "2023-09-17" for d in docs)
    # the same analysis as in this process
    local = Pipeline(ner="gazetteer", names="document")

    def spans(doc: Document) -> list[tuple[int, int, str]]:
        return [(e.start, e.end, e.label) for e in doc.entities]

    assert spans(docs[0]) == spans(local.analyze(docs[0].text))
    # partition resolvers reduced with merge: every name of every partition is known
    names = {e.text for d in docs for e in d.entities}
    assert names and all(resolver.cluster_id(n) is not None for n in names)
    assert resolver.cluster_id("زيلينسكي") == resolver.cluster_id("زيلنسكي")
    # the pipeline was unpickled (and its model loaded) once per worker, not per partition
    loaded = client.run(  # type: ignore[attr-defined]
        lambda: len(__import__("arabnews.dask", fromlist=["_PIPELINES"])._PIPELINES)
    )
    assert len(loaded) == 2 and all(n <= 1 for n in loaded.values())
    assert sum(loaded.values()) >= 1


def test_dataframe_partitions(client: object, seed_texts: dict[str, str]) -> None:
    dd = pytest.importorskip("dask.dataframe")  # needs pyarrow (the dask[dataframe] extra)

    texts = _texts(seed_texts)
    frame = pd.DataFrame({"id": [f"doc{i}" for i in range(len(texts))], "text": texts})
    ddf = dd.from_pandas(frame, npartitions=2)
    entities = analyze_dataframe(ddf, Pipeline(ner="gazetteer")).compute()
    assert tuple(entities.columns) == ENTITY_COLUMNS
    assert set(entities["id"]) == set(frame["id"])
    for row in entities.itertuples():
        text = texts[int(row.id[3:])]
        assert text[row.start : row.end] == row.text
    # the plain-pandas function (what Spark's mapInPandas calls) gives the same rows
    direct = analyze_frame(frame, Pipeline(ner="gazetteer"))
    cols = ["id", "start", "end", "text", "label"]
    assert sorted(direct[cols].itertuples(index=False)) == sorted(
        entities[cols].itertuples(index=False)
    )


def test_merge_resolvers_skips_none() -> None:
    from arabnews.names import NameResolver

    a, b = NameResolver(), NameResolver()
    a.add("زيلينسكي")
    b.add("زيلنسكي")
    merged = merge_resolvers([None, a, b])
    assert merged is not None and merged.cluster_id("زيلينسكي") == merged.cluster_id("زيلنسكي")
    assert merge_resolvers([None]) is None


def test_dask_recipe_runs_as_written(tmp_path: Path, seed_texts: dict[str, str]) -> None:
    """docs/examples/dask_bag.py, the recipe the docs show, on a real LocalCluster."""
    texts = _texts(seed_texts)[:4]
    for part in range(2):
        with (tmp_path / f"corpus-{part}.jsonl").open("w", encoding="utf-8") as f:
            for i in range(2):
                record = {"id": f"p{part}-{i}", "text": texts[2 * part + i]}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / "dask_bag.py"), "corpus-*.jsonl", "--ner", "gazetteer"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = (tmp_path / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    docs = [Document.from_json(line) for line in lines]
    assert sorted(d.id or "" for d in docs) == ["p0-0", "p0-1", "p1-0", "p1-1"]
    assert sorted(d.text for d in docs) == sorted(texts)
    assert "زيلنسكي ->" in proc.stdout


def test_spark_recipe_function_without_spark() -> None:
    """The mapInPandas function of docs/examples/spark_entities.py, fed as Spark would."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("spark_entities", EXAMPLES / "spark_entities.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.NER = "gazetteer"
    frame = pd.DataFrame({"id": ["a", "b"], "text": ["زار بوتين موسكو.", "قال زيلينسكي في كييف."]})
    out = pd.concat(list(module.entities(iter([frame, frame]))))
    assert [name for name, _ in module.COLUMNS] == list(ENTITY_COLUMNS) == list(out.columns)
    assert set(out["id"]) == {"a", "b"} and len(out) > 0
