"""Fit ``src/arabnews/events/data/place_model.json``: which places of a sentence are where an
event happened.

Data: the places labelled blind for every gold event of the role sets (the guide
``benchmarks/data/places_GUIDE.md``): ``roles_news.jsonl`` (web news, sessions 18 and 22) and
``roles_wiki7.jsonl`` to ``roles_wiki11.jsonl`` (Arabic Wikipedia, sessions 21 to 27). Until
session 27 the fit used the *select* parts only (web news of ``events_news`` and
``events_news2``, wiki7); since session 28 it uses every part of them and wiki11 (all read by
then), 2.7 times as many candidates, and the confirmation is ``roles_wiki12.jsonl``, never
read here. ``--parts select`` fits the old data again.

Instances: for each gold event, the roles are assigned at its gold verb word exactly as
``bench_roles.given_verb`` does, and every place candidate that :func:`assign_roles` weighs is
an instance (:func:`arabnews.events.places.place_features`), labelled 1 when it shares a content
word with a labelled place of that event.

Model: L2-regularised logistic regression (numpy, Newton steps; numpy is needed here only), the
L2 strength chosen by 5-fold cross-validated log loss (folds by document); threshold 0.5 (a
place is reported when it is more likely right than wrong), not tuned. Entities: the recogniser's,
from the role benchmark's cache.

Run from the repository root::

    python training/events/train_places.py            # CV, report, write the weights
    python training/events/train_places.py --dry-run  # CV and report only
    python training/events/train_places.py --dry-run --drop rank  # a feature left out
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from arabnews.spans import Mention

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_roles  # noqa: E402

OUT = ROOT / "src" / "arabnews" / "events" / "data" / "place_model.json"
GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLD = 0.5
FOLDS = 5


def instances(
    parts: Sequence[str] = ("select",), extra: Sequence[str] = ()
) -> tuple[list[list[str]], list[int], list[int]]:
    """Features, labels and fold of every place candidate of the *parts* of the web-news and
    Wikipedia role sets, and of the *extra* role files of ``benchmarks/data``."""
    units = [
        u
        for u in bench_roles.news_units() + bench_roles.wiki_units()
        if u.part in parts and u.location is not None
    ]
    for name in extra:
        units += [
            u
            for u in bench_roles._labelled_roles(bench_roles.OWN / name, "extra")
            if u.location is not None
        ]
    rec = bench_roles.recognizer("default")
    ents = bench_roles._cached_entities([u.text for u in units], "default", rec)
    feats: list[list[str]] = []
    labels: list[int] = []
    folds: list[int] = []
    for u in units:
        log: list[tuple[Mention, list[str]]] = []
        if bench_roles.given_verb(u.text, u, ents[u.text], places=log) is None:
            continue
        doc = u.source.split("#")[0]
        fold = int(hashlib.sha256(doc.encode()).hexdigest(), 16) % FOLDS
        for mention, f in log:
            ok = any(bench_roles.right((mention,), tuple(g.split())) for g in u.location or ())
            feats.append(f)
            labels.append(int(ok))
            folds.append(fold)
    return feats, labels, folds


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Weights and bias of L2 logistic regression (the bias unpenalised), Newton steps."""
    n, d = x.shape
    a = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(a @ w)))
        g = a.T @ (p - y) + reg * w
        h = (a * (p * (1 - p))[:, None]).T @ a + np.diag(reg) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def matrix(feats: Sequence[list[str]], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(feats), len(vocab)))
    for i, f in enumerate(feats):
        for name in set(f):
            k = vocab.get(name)
            if k is not None:
                x[i, k] = 1.0
    return x


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    ap.add_argument("--parts", default="select,confirm", help="comma-separated parts fitted on")
    ap.add_argument("--out", type=Path, default=OUT, help="where the weights go")
    ap.add_argument(
        "--with",
        dest="extra",
        action="append",
        default=None,
        help="a further role file of benchmarks/data fitted on (default: roles_wiki11.jsonl)",
    )
    ap.add_argument(
        "--drop", action="append", default=[], help="leave out features with this prefix"
    )
    args = ap.parse_args(argv)
    extra = ["roles_wiki11.jsonl"] if args.extra is None else args.extra
    feats, labels, folds = instances(tuple(args.parts.split(",")), extra)
    feats = [[f for f in fs if not f.startswith(tuple(args.drop))] for fs in feats]
    y = np.array(labels, dtype=float)
    fold = np.array(folds)
    print(f"{len(y)} place candidates, {int(y.sum())} right ({y.mean():.2f})")
    best: tuple[float, float] | None = None
    oof_best = np.zeros(len(y))
    for l2 in GRID:
        oof = np.zeros(len(y))
        for k in range(FOLDS):
            tr, te = fold != k, fold == k
            vocab = {
                n: i
                for i, n in enumerate(sorted({f for j in np.flatnonzero(tr) for f in feats[j]}))
            }
            w, b = fit(matrix([feats[j] for j in np.flatnonzero(tr)], vocab), y[tr], l2)
            xt = matrix([feats[j] for j in np.flatnonzero(te)], vocab)
            oof[te] = 1.0 / (1.0 + np.exp(-(xt @ w + b)))
        eps = 1e-9
        ll = -np.mean(y * np.log(oof + eps) + (1 - y) * np.log(1 - oof + eps))
        print(f"L2 {l2:>5}: cross-validated log loss {ll:.4f}")
        if best is None or ll < best[1]:
            best, oof_best = (l2, ll), oof
    assert best is not None
    l2 = best[0]
    print(f"chosen L2 {l2}; out-of-fold precision / recall of the candidates kept:")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        kept = oof_best >= t
        tp = float((kept & (y == 1)).sum())
        prec = tp / kept.sum() if kept.sum() else float("nan")
        rec = tp / y.sum()
        print(f"  >= {t:.1f}: kept {int(kept.sum()):>4}, precision {prec:.3f}, recall {rec:.3f}")
    if args.dry_run:
        return 0
    vocab = {n: i for i, n in enumerate(sorted({f for fs in feats for f in fs}))}
    w, b = fit(matrix(feats, vocab), y, l2)
    weights = {n: round(float(w[i]), 4) for n, i in vocab.items() if abs(w[i]) >= 1e-4}
    args.out.write_text(
        json.dumps(
            {
                "model": "logistic regression (L2), training/events/train_places.py",
                "fitted_on": f"roles_news.jsonl and roles_wiki7-10.jsonl ({args.parts}), "
                + ", ".join(extra),
                "instances": len(y),
                "l2": l2,
                "cv_log_loss": round(best[1], 4),
                "threshold": THRESHOLD,
                "bias": round(b, 4),
                "weights": dict(sorted(weights.items())),
            },
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.out} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
