"""Fit ``src/arabnews/names/data/decision.json``: the calibrated same-name decision.

Data (read at run time from ``../shared/data/names``, never copied):

- positives: pairs of spellings within one group of ``variants_dev.jsonl``, and each
  group's English key against each of its Arabic spellings (cross-script);
- negatives: ``negatives_dev.jsonl`` (hard look-alikes of different names), the same
  construction applied to the dev groups (:func:`bench_names.hard_negatives`) and to the
  frequent Arabic word forms of ``lexicon.tsv`` (:func:`word_negatives`: native names and
  common words), and the English key of one name against the Arabic look-alike of the
  other (cross-script).

Spellings attested only by ANETAC (no licence) are left out, so the shipped weights are
fitted on the permissively licensed sources alone.

Split: a deterministic quarter (``bench_names.is_holdout``) is held out: variant groups
by English key, negative pairs by their two English keys. Weights and the
operating point are chosen on the rest only; the held-out figures are printed once.

Model: L2-regularised logistic regression over :data:`arabnews.names._features.FEATURES`
(Newton's method, numpy; numpy is needed here only, not at run time). The operating
point (``threshold`` in costs.json) is the lowest probability whose false-match rate on
the fitting part of ``negatives_dev`` stays at or under ``--max-false`` (default 0.20).

Run: ``python training/names/fit_decision.py [--write]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_names as bn  # noqa: E402
from arabnews.names import Matcher, name_key  # noqa: E402
from arabnews.names._features import FEATURES, lexicon, pair_features  # noqa: E402

OUT = ROOT / "src" / "arabnews" / "names" / "data" / "decision.json"
COSTS = ROOT / "src" / "arabnews" / "names" / "data" / "costs.json"
RAW_FLOOR = 0.65
NATIVE_BUCKET = 7

Example = tuple[str, str, int, bool]  # a, b, label, held out


def _permissive(sources: Sequence[str]) -> bool:
    return any(s != "anetac" for s in sources)


def pair_key(a: str, b: str) -> str:
    """Negatives are held out pair by pair (by their two English keys)."""
    return "|".join(sorted((a, b)))


def dev_neg_spellings(negs: Sequence[dict[str, Any]]) -> frozenset[str]:
    return frozenset(n["ar1"] for n in negs)


def dev_neg_english(negs: Sequence[dict[str, Any]]) -> frozenset[str]:
    return frozenset(n["en1"] for n in negs) | frozenset(n["en2"] for n in negs)


def _lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def word_negatives(min_bucket: int = 7, limit: int = 4000) -> list[tuple[str, str]]:
    """Look-alike pairs of *frequent Arabic word forms* (lexicon.tsv, frequency bucket >=
    *min_bucket*): the construction of negatives_dev (consonant skeletons equal or one
    edit apart, surface edit distance <= 2) applied to native words and names, which are
    different words when their letters differ (حسن / حسين, تونس / يونس)."""
    forms = [f for f, (count, _) in lexicon().items() if count >= min_bucket and len(f) >= 3]
    by_skel: dict[str, list[str]] = defaultdict(list)
    for f in forms:
        by_skel["".join(c for c in f if c not in "اوي")].append(f)
    dels: dict[str, set[str]] = defaultdict(set)
    for sk in by_skel:
        dels[sk].add(sk)
        for i in range(len(sk)):
            dels[sk[:i] + sk[i + 1 :]].add(sk)
    pairs: set[tuple[str, str]] = set()
    for bucket in dels.values():
        members = sorted(f for sk in bucket for f in by_skel[sk])
        if len(members) > 40:
            continue
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                a, b = members[i], members[j]
                if _lev(a, b) <= 2:
                    pairs.add((a, b))
    out = sorted(pairs)
    random.Random(5).shuffle(out)
    return out[:limit]


def build(records: list[dict[str, Any]], negs: list[dict[str, Any]]) -> list[Example]:
    out: list[Example] = []
    for a, b in word_negatives():
        out.append((a, b, 0, bn.is_holdout(pair_key(a, b))))
    kept = []
    for rec in records:
        variants = [v for v in rec["variants"] if _permissive(v["sources"])]
        if not variants:
            continue
        kept.append({**rec, "variants": variants})
    for rec in kept:
        hold = bn.is_holdout(rec["english"])
        sp = [v["ar"] for v in rec["variants"]]
        for i in range(len(sp)):
            for j in range(i + 1, len(sp)):
                out.append((sp[i], sp[j], 1, hold))
            out.append((rec["english"], sp[i], 1, hold))
    owner = {v["ar"]: r["english"] for r in kept for v in r["variants"]}
    for a, b in bn.hard_negatives(kept):
        hold = bn.is_holdout(pair_key(owner[a], owner[b]))
        out.append((a, b, 0, hold))
        out.append((owner[a], b, 0, hold))
    for n in negs:
        if not (_permissive(n["sources1"]) and _permissive(n["sources2"])):
            continue
        hold = bn.is_holdout(pair_key(n["en1"], n["en2"]))
        out.append((n["ar1"], n["ar2"], 0, hold))
        out.append((n["en1"], n["ar2"], 0, hold))
        out.append((n["en2"], n["ar1"], 0, hold))
    return out


def featurise(matcher: Matcher, examples: Sequence[Example]) -> tuple[Any, Any, Any, Any, Any]:
    """Feature rows of the one-token pairs whose edit similarity reaches RAW_FLOOR (and
    the kind of each row: 0 same script, 1 cross-script)."""
    rows, labels, hold, keep, kind = [], [], [], [], []
    for i, (a, b, y, h) in enumerate(examples):
        ka, kb = name_key(a), name_key(b)
        if len(ka.tokens) != 1 or len(kb.tokens) != 1:
            continue
        ta, tb = ka.tokens[0], kb.tokens[0]
        if ta.text == tb.text:
            continue
        if not (ta.latin or tb.latin) and matcher.decision.both_native(ta.text, tb.text):
            continue  # decided by the native-word rule, not by the weights
        raw = matcher.raw_similarity(ta.text, tb.text, RAW_FLOOR)
        if raw <= 0.0:
            continue
        ops = matcher.edit_ops(ta.text, tb.text)
        rows.append(pair_features(ta.text, tb.text, raw, ops, ta.latin or tb.latin))
        labels.append(y)
        hold.append(h)
        keep.append(i)
        kind.append(int(ta.latin or tb.latin))
    return (
        np.array(rows),
        np.array(labels, dtype=float),
        np.array(hold),
        np.array(keep),
        np.array(kind),
    )


def operating_point(p: Any, y: Any, n_neg: int, max_false: float) -> float:
    """The lowest probability (in 0.01 steps) whose false matches among *n_neg* negative
    pairs (those below the edit floor never match) stay at or under *max_false*."""
    for t in np.arange(0.01, 1.0, 0.01):
        if ((p >= t) & (y == 0)).sum() / n_neg <= max_false:
            return round(float(t), 2)
    return 0.99


def fit(x: Any, y: Any, l2: float = 1.0, iters: int = 50) -> tuple[Any, float]:
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--write", action="store_true", help="write decision.json")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--max-false", type=float, default=0.2)
    ap.add_argument("--max-false-cross", type=float, default=0.25)
    args = ap.parse_args(argv)
    records = bn.load_dev()
    negs = bn.load_negatives()
    if records is None or negs is None:
        print("../shared/data/names not found", file=sys.stderr)
        return 1
    examples = build(records, negs)
    matcher = Matcher()
    x, y, hold, keep, kind = featurise(matcher, examples)
    tr = ~hold
    print(f"examples {len(examples)}; one-token pairs above the edit floor: {len(y)}")
    print(f"fit part: {int(tr.sum())} ({int(y[tr].sum())} positive); held out: {int(hold.sum())}")
    w, b = fit(x[tr], y[tr], args.l2)
    for name, value in zip(FEATURES, w, strict=True):
        print(f"  {name:<16} {value:+.3f}")
    print(f"  {'bias':<16} {b:+.3f}")
    for part, mask in (("fit", tr), ("held-out", hold)):
        p = 1.0 / (1.0 + np.exp(-(x[mask] @ w + b)))
        yy = y[mask]
        print(f"calibration ({part}): bin, pairs, mean predicted, observed")
        for lo in np.arange(0.0, 1.0, 0.1):
            sel = (p >= lo) & (p < lo + 0.1 if lo < 0.9 else p <= 1.0)
            if sel.any():
                print(
                    f"  [{lo:.1f},{lo + 0.1:.1f}) {int(sel.sum()):6d} {p[sel].mean():.3f} "
                    f"{yy[sel].mean():.3f}"
                )
    # operating points, on the fitting part only: the same-script one on negatives_dev
    # pairs, the cross-script one on English-key vs Arabic look-alikes
    p_all = 1.0 / (1.0 + np.exp(-(x @ w + b)))
    ar_negs, en_negs = dev_neg_spellings(negs), dev_neg_english(negs)
    is_dev_neg = np.array([examples[i][0] in ar_negs for i in keep])
    n_same = sum(1 for e in examples if not e[3] and e[2] == 0 and e[0] in ar_negs)
    sel = tr & is_dev_neg & (kind == 0)
    thr = operating_point(p_all[sel], y[sel], n_same, args.max_false)
    n_cross = sum(1 for e in examples if not e[3] and e[2] == 0 and e[0] in en_negs)
    sel = tr & (kind == 1) & np.array([examples[i][0] in en_negs for i in keep])
    xthr = operating_point(p_all[sel], y[sel], n_cross, args.max_false_cross)
    print(f"operating points: same script {thr}, cross-script {xthr}")
    if args.write:
        costs = json.loads(COSTS.read_text(encoding="utf-8"))
        costs["threshold"] = thr
        costs["given_name_threshold"] = thr
        costs["cross_script_threshold"] = xthr
        COSTS.write_text(json.dumps(costs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        data = {
            "_about": (
                "Calibrated same-name decision for arabnews.names: logistic regression over "
                "the features of arabnews.names._features (FEATURES order), fitted by "
                "training/names/fit_decision.py on the permissively licensed spellings of the "
                "project's dev name-variant groups (positives) and hard look-alike negatives "
                "(negatives_dev.jsonl, the same construction on the dev groups and on frequent "
                "Arabic word forms of lexicon.tsv), a quarter "
                "of the English keys held out. raw_floor: edit similarity below which two "
                "tokens are different without computing features. native_bucket: two Arabic "
                "spellings that are both at least this frequent (log2 bucket of lexicon.tsv) "
                "are different words."
            ),
            "features": list(FEATURES),
            "weights": [round(float(v), 4) for v in w],
            "bias": round(b, 4),
            "raw_floor": RAW_FLOOR,
            "native_bucket": NATIVE_BUCKET,
        }
        OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
