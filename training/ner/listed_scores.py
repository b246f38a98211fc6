"""Measure the scores of listed names (``src/arabnews/ner/data/listed_scores.json``;
:func:`arabnews.ner.listed_score`).

Two kinds of entity carry a gazetteer id:

* ``untagged``: a listed name the gazetteer recognised where the model tagged nothing. It has no
  tagger probability; its score is the share of such entities that are right.
* ``tagged``: a name the model tagged and the gazetteer lists in exactly that spelling. The
  tagger's probability under-rates them; their least score is the share right of those the
  model scored under ``TAGGED_BELOW``.

"Right" is exact span and label in the hand-labelled news sentences of ``benchmarks/data``
(``ner_news_*``, ``ner_gsr_*``; news convention, labelled blind), for one-word names and longer
ones apart. The ``fit`` sets give the shipped figures; the ``check`` sets are printed beside them
and nothing is taken from them.

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
TAGGED_BELOW = 0.9
PARTS = ("untagged", "tagged")
WORDS = ("one_word", "several_words")

Counts = dict[str, dict[str, list[int]]]


def count(names: Sequence[str]) -> Counts:
    """``{part: {words: [entities, right]}}`` over the sets *names*."""
    out: Counts = {p: {w: [0, 0] for w in WORDS} for p in PARTS}
    source = api._default_gazetteer().source
    exactly_listed = api._exactly_listed  # the original, before the patch below
    # with both scores switched off, an entity without a score is the gazetteer's own, and a
    # tagged one keeps the tagger's probability
    with (
        mock.patch.object(api, "_listed", lambda _source, _ident: False),
        mock.patch.object(api, "_exactly_listed", lambda _source, _text, _ident: False),
    ):
        for name in names:
            with (DATA / f"{name}.jsonl").open(encoding="utf-8") as fh:
                for line in fh:
                    rec = json.loads(line)
                    gold = {(e["start"], e["end"], e["label"]) for e in rec["entities"]}
                    for ent in arabnews.recognize(rec["text"]):
                        if ent.entity_id is None:
                            continue
                        if ent.score is None:
                            part = "untagged"
                        elif ent.score < TAGGED_BELOW and exactly_listed(
                            source, ent.text, ent.entity_id
                        ):
                            part = "tagged"
                        else:
                            continue
                        words = "one_word" if len(ent.text.split()) == 1 else "several_words"
                        out[part][words][0] += 1
                        out[part][words][1] += (ent.start, ent.end, ent.label) in gold
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the JSON file")
    args = parser.parse_args(argv)
    fit, check = count(FIT), count(CHECK)
    head = f"{'right':>6} {'share':>6}"
    print(f"{'':24} {'fit: n':>7} {head}   {'check: n':>8} {head}")
    for part in PARTS:
        for words in WORDS:
            (n, ok), (m, ok2) = fit[part][words], check[part][words]
            label = f"{part} {words}"
            print(f"{label:24} {n:7} {ok:6} {ok / n:6.3f}   {m:8} {ok2:6} {ok2 / m:6.3f}")
    if args.write:
        doc = {
            "about": "How sure a listed name is: untagged, the Entity.score of a name the "
            "gazetteer recognised where the model tagged nothing; tagged, the least score of a "
            f"name the model tagged (probability under {TAGGED_BELOW}) and the gazetteer lists "
            "in that spelling. Each is the share found right (exact span and label) on the "
            "fit sets; written by training/ner/listed_scores.py",
            "fit_sets": list(FIT),
            **{
                part: {
                    words: {"score": round(ok / n, 3), "entities": n, "right": ok}
                    for words, (n, ok) in fit[part].items()
                }
                for part in PARTS
            },
        }
        OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
