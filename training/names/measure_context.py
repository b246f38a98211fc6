"""Measure (not ship) what distributional evidence from Arabic Wikipedia adds to the
same-name decision.

Idea: two spellings of one name are used alike (the same given names before a surname,
the same words around it), two different names are not; a rare spelling next to a common
one is a variant, two well-attested spellings are two names. This script counts, in the
Arabic Wikipedia text (``../shared/data/text``, CC BY-SA 4.0), every folded word form and,
for the one-token spellings of the dev variant groups and ``negatives_dev.jsonl``, their
left and right neighbours. It then stacks a small logistic model on the decision's
out-of-fold probability (as ``fit_decision.py --bench`` computes it) with the neighbour
cosine (log-weighted counts), whether both spellings have neighbours, and the log counts
of the rarer and the commoner spelling; the stacker is fitted on permissive variant pairs
against ``negatives_dev`` pairs of two folds and scores the third. It prints recall over
all variant pairs (every source, locally) at false match <= 0.268 / 0.30 / 0.35 on
``negatives_dev``, with and without the corpus evidence. Nothing is written.

Measured on 2026-12-05: 0.823 / 0.843 / 0.863 without, 0.823 / 0.846 / 0.866 with: 65% of
the dev variant pairs have a spelling that never occurs in that text, and among the rest
the evidence hardly separates. Not shipped.

Run: ``python training/names/measure_context.py`` (a few minutes, one core).
"""

from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import fit_decision as fd
from build_lexicon import SOURCE, folded_lines

import bench_names as bn
from arabnews.names import Matcher, name_key
from arabnews.names._features import Decision


def one_token(text: str) -> str | None:
    key = name_key(text)
    return key.tokens[0].text if len(key.tokens) == 1 else None


def corpus_counts(targets: set[str]) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Counts of every folded form, and left/right neighbours of the *targets*."""
    counts: Counter[str] = Counter()
    near: dict[str, Counter[str]] = defaultdict(Counter)
    for forms in folded_lines(SOURCE, 3_000_000):
        for i, f in enumerate(forms):
            if not f:
                continue
            counts[f] += 1
            if f in targets:
                if i:
                    near[f]["L:" + forms[i - 1]] += 1
                if i + 1 < len(forms):
                    near[f]["R:" + forms[i + 1]] += 1
    return counts, near


def cosine(a: Counter[str] | None, b: Counter[str] | None) -> float:
    """Cosine of log-weighted neighbour counts; -1 when a side has none."""
    if not a or not b:
        return -1.0
    num = sum(math.log1p(a[k]) * math.log1p(b[k]) for k in set(a) & set(b))
    na = math.sqrt(sum(math.log1p(v) ** 2 for v in a.values()))
    nb = math.sqrt(sum(math.log1p(v) ** 2 for v in b.values()))
    return num / (na * nb)


def oof_pairs(
    records: Sequence[dict[str, Any]], negs: Sequence[dict[str, Any]]
) -> list[tuple[int, int, bool, str, str, float]]:
    """(fold, label, permissive, a, b, out-of-fold similarity) for the fitting part."""
    examples = fd.build(
        list(records),
        list(negs),
        word_bucket=5,
        word_limit=6000,
        name_word_bucket=7,
        name_word_limit=3500,
    )
    x, y, hold, keep, _ = fd.featurise(Matcher(), examples)
    tr = ~hold
    folds = np.array([fd.fold_of(examples[i][4]) for i in keep])
    out = []
    for f in range(3):
        model = fd.train("trees", x[tr & (folds != f)], y[tr & (folds != f)], 1.0)
        matcher = Matcher(decision=Decision.from_dict(fd.decision_dict(model, fd.RAW_FLOOR)))
        for r in records:
            if bn.is_holdout(r["english"]) or fd.fold_of(r["english"]) != f:
                continue
            vs = r["variants"]
            for i in range(len(vs)):
                for j in range(i + 1, len(vs)):
                    a, b = vs[i]["ar"], vs[j]["ar"]
                    perm = vs[i]["sources"] != ["anetac"] and vs[j]["sources"] != ["anetac"]
                    out.append((f, 1, perm, a, b, matcher.similarity(a, b)))
        for n in negs:
            k = fd.pair_key(n["en1"], n["en2"])
            if not bn.is_holdout(k) and fd.fold_of(k) == f:
                out.append((f, 0, True, n["ar1"], n["ar2"], matcher.similarity(n["ar1"], n["ar2"])))
    return out


def main() -> int:
    records, negs = bn.load_dev(), bn.load_negatives()
    if records is None or negs is None or not SOURCE.is_file():
        print("../shared data not found", file=sys.stderr)
        return 1
    pairs = oof_pairs(records, negs)
    targets = {t for _, _, _, a, b, _ in pairs for t in (one_token(a), one_token(b)) if t}
    counts, near = corpus_counts(targets)
    rows = []
    for f, label, perm, a, b, p in pairs:
        ta, tb = one_token(a), one_token(b)
        c = cosine(near.get(ta or ""), near.get(tb or "")) if ta and tb else -1.0
        ca, cb = counts.get(ta or "", 0), counts.get(tb or "", 0)
        rows.append((f, label, perm, p, c, min(ca, cb), max(ca, cb)))
    fold_, lab, perm_, p, c, cmin, cmax = np.array(rows, dtype=float).T

    def feats(sel: Any) -> Any:
        q = np.clip(p[sel], 1e-4, 1 - 1e-4)
        has = (c[sel] >= 0).astype(float)
        return np.column_stack(
            [
                np.log(q / (1 - q)),
                has * c[sel],
                has,
                np.log1p(cmin[sel]) / 5,
                np.log1p(cmax[sel]) / 5,
            ]
        )

    stacked = np.zeros(len(p))
    for f in range(3):
        fit_rows = (fold_ != f) & (perm_ > 0) & (p > 0)
        w, b0 = fd.fit(feats(fit_rows), lab[fit_rows], 1.0)
        rows_f = fold_ == f
        z = feats(rows_f) @ w + b0
        stacked[rows_f] = np.where(p[rows_f] > 0, 1 / (1 + np.exp(-z)), 0.0)
    for name, score in (("decision alone", p), ("with corpus evidence", stacked)):
        pos, neg = score[lab == 1], score[lab == 0]
        got = []
        for fm in (0.268, 0.30, 0.35):
            t = fd.operating_point(neg, len(neg), fm)
            got.append(f"{(pos >= t).mean():.3f}")
        print(f"{name}: recall at false match <= 0.268 / 0.30 / 0.35: {' / '.join(got)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
