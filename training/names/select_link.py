"""Select ``single_token_link`` in ``costs.json``: the similarity at which
:class:`arabnews.names.NameResolver` links two one-token names.

With nothing else to agree on, one-token names chain through look-alikes into one
cluster, so the resolver asks more of them than :func:`same_name` does. This script
clusters the one-token spellings of the dev name-variant groups
(``../shared/data/names/variants_dev.jsonl``, read at run time, all sources: ANETAC
spellings are only scored here, locally, never fitted on or written) without a
gazetteer, once per candidate value, and prints B-cubed precision, recall and F1 against
the groups (gold cluster: the English key; a spelling given for two keys counts for the
first). Selection is on the fitting part (the groups ``bench_names.is_holdout`` keeps
out); ``--holdout`` prints the held-out quarter for the chosen value, once. This script
uses the shipped decision, fitted on the permissive spellings of the fitting part: the
same figures out of fold (each fold clustered with a decision fitted without it) come
from ``fit_decision.py --bench``.

Run: ``python training/names/select_link.py [--values 0.3,0.4,...] [--holdout 0.6]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_names as bn  # noqa: E402
from arabnews.names import CostModel, Matcher, NameResolver, name_key  # noqa: E402
from arabnews.names._features import Decision  # noqa: E402


def one_token_spellings(records: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Spelling -> English key, for the one-token Arabic spellings of *records*."""
    out: dict[str, str] = {}
    for rec in records:
        for v in rec["variants"]:
            key = name_key(v["ar"])
            if len(key.tokens) == 1 and not key.tokens[0].latin:
                out.setdefault(v["ar"], rec["english"])
    return out


def cluster_scores(
    gold: dict[str, str], link: float, decision: Decision | None = None
) -> tuple[float, float, float, int]:
    """B-cubed P, R, F1 and the number of clusters when the resolver (no gazetteer) links
    one-token names at *link* (with *decision*, default the shipped one)."""
    model = attrs.evolve(CostModel.default(), single_token_link=link)
    resolver = NameResolver(gazetteer=None, matcher=Matcher(model=model, decision=decision))
    spellings = sorted(gold)
    for s in spellings:
        resolver.add(s)
    pred = {i: resolver.cluster_id(s) or s for i, s in enumerate(spellings)}
    truth = {i: gold[s] for i, s in enumerate(spellings)}
    p, r, f = bn.bcubed(truth, pred)
    return p, r, f, len(set(pred.values()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--values", default="0.3,0.4,0.5,0.6,0.7,0.8")
    ap.add_argument("--holdout", type=float, default=None, help="score this value held out")
    args = ap.parse_args(argv)
    records = bn.load_dev()
    if records is None:
        print("../shared/data/names not found", file=sys.stderr)
        return 1
    fit = one_token_spellings([r for r in records if not bn.is_holdout(r["english"])])
    print(f"fitting part: {len(fit)} one-token spellings, {len(set(fit.values()))} groups")
    print("single_token_link, B-cubed P, R, F1, clusters")
    for value in (float(v) for v in args.values.split(",")):
        p, r, f, n = cluster_scores(fit, value)
        print(f"  {value:.2f} {p:.3f} {r:.3f} {f:.3f} {n}")
    if args.holdout is not None:
        held = one_token_spellings([r for r in records if bn.is_holdout(r["english"])])
        p, r, f, n = cluster_scores(held, args.holdout)
        print(f"held out ({len(held)} spellings) at {args.holdout}: {p:.3f} {r:.3f} {f:.3f} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
