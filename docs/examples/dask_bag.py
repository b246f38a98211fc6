"""Analyse JSON Lines files on a local Dask cluster; print one line per document.

Run it as::

    python dask_bag.py "corpus-*.jsonl"                 # records: {"id", "text", "published"}
    python dask_bag.py "corpus-*.jsonl" --ner gazetteer  # without the Stanza model

It writes ``documents.jsonl`` (one :class:`arabnews.Document` per line, with its record
id) and prints each document's id with its entity count, then a corpus-wide question to
the merged :class:`arabnews.NameResolver`.
"""

from __future__ import annotations

import argparse
import json

import dask
import dask.bag as db
from dask.distributed import Client, LocalCluster

from arabnews import Pipeline
from arabnews.dask import analyze_bag


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pattern", help="JSON Lines files, e.g. 'corpus-*.jsonl'")
    parser.add_argument("--ner", default="default", help="default, stanza, gazetteer or none")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--output", default="documents.jsonl")
    args = parser.parse_args()

    # one thread per worker process: the model is not shared between threads
    with (
        LocalCluster(n_workers=args.workers, threads_per_worker=1) as cluster,
        Client(cluster),
    ):
        records = db.read_text(args.pattern).map(json.loads)  # {"id", "text", "published"}
        ner = None if args.ner == "none" else args.ner
        result = analyze_bag(records, Pipeline(ner=ner))
        documents, resolver = dask.compute(result.documents, result.resolver)  # one pass

    with open(args.output, "w", encoding="utf-8") as out:
        for doc in documents:
            out.write(doc.to_json() + "\n")
            print(doc.id, len(doc.entities), "entities")
    if resolver is not None:
        print("زيلنسكي ->", resolver.canonical("زيلنسكي"))


if __name__ == "__main__":  # worker processes import this module again
    main()
