"""Measure ``Entity.score`` for listed names the gazetteer recognised where the model tagged
nothing (``src/arabnews/ner/data/listed_scores.json``; :func:`arabnews.ner.listed_score`).

Such an entity has no tagger probability. Its score is the share of such entities that are
right (exact span and label) in the hand-labelled news sentences of ``benchmarks/data``
(``ner_news_*``, ``ner_gsr_*``; news convention, labelled blind), for one-word names and for
longer ones apart. The ``fit`` sets give the shipped figures; the ``check`` sets are printed
beside them and nothing is taken from them.

    python training/ner/listed_scores.py            # print both, write nothing
    python training/ner/listed_scores.py --write    # also write the JSON file
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

import arabnews
from arabnews.ner import api

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "benchmarks" / "data"
OUT = ROOT / "src" / "arabnews" / "ner" / "data" / "listed_scores.json"
FIT = (
    "ner_news_dev",
    "ner_news_confirm",
    "ner_gsr_dev",
    "ner_gsr_confirm",
    "ner_gsr_confirm2",
    "ner_gsr_confirm3",
)
CHECK = (
    "ner_news_confirm2",
    "ner_news_confirm3",
    "ner_gsr_confirm4",
    "ner_gsr_confirm5",
    "ner_gsr_confirm6",
)


def count(names: Sequence[str]) -> dict[str, list[int]]:
    """``{"one_word": [entities, right], "several_words": [...]}`` over the sets *names*."""
    out = {"one_word": [0, 0], "several_words": [0, 0]}
    # with the listed score switched off, the entities left without a score are the
    # gazetteer's own (an id, no tagger probability)
    with mock.patch.object(api, "_listed", lambda _source, _ident: False):
        for name in names:
            with (DATA / f"{name}.jsonl").open(encoding="utf-8") as fh:
                for line in fh:
                    rec = json.loads(line)
                    gold = {(e["start"], e["end"], e["label"]) for e in rec["entities"]}
                    for ent in arabnews.recognize(rec["text"]):
                        if ent.score is not None or ent.entity_id is None:
                            continue
                        key = "one_word" if len(ent.text.split()) == 1 else "several_words"
                        out[key][0] += 1
                        out[key][1] += (ent.start, ent.end, ent.label) in gold
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the JSON file")
    args = parser.parse_args(argv)
    fit, check = count(FIT), count(CHECK)
    head = f"{'right':>6} {'share':>6}"
    print(f"{'':15} {'fit: n':>7} {head}   {'check: n':>8} {head}")
    for key in ("one_word", "several_words"):
        (n, ok), (m, ok2) = fit[key], check[key]
        print(f"{key:15} {n:7} {ok:6} {ok / n:6.3f}   {m:8} {ok2:6} {ok2 / m:6.3f}")
    if args.write:
        doc = {
            "about": "Entity.score of a listed name the gazetteer recognised where the model "
            "tagged nothing: the share found right (exact span and label) on the fit sets; "
            "written by training/ner/listed_scores.py",
            "fit_sets": list(FIT),
            **{
                key: {"score": round(ok / n, 3), "entities": n, "right": ok}
                for key, (n, ok) in fit.items()
            },
        }
        OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
