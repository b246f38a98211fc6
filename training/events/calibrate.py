"""Recalibrate the event model's scores of the OTHER category group (Platt scaling).

The shipped weights (run 38, ``train_event_model.py``) were fitted on the gold-standard share,
``events_dev``, ``events_news`` and ``events_protest``; of those, only ``events_news`` (400
sentences) labels the categories other than ASSAULT and PROTEST. On the sets labelled later with
every event, which the weights never saw, the OTHER scores are far from probabilities: a
candidate scored under 0.1 was right about 40% of the time. This script fits, on those sets, a
logistic map of the OTHER group's logit, ``p = sigmoid(slope * logit + intercept)``, and writes
it into ``src/arabnews/events/data/event_model.json`` (``calibration``) with the OTHER default
threshold.

Data (all committed, read here): ``benchmarks/data/events_news2/3/4.jsonl`` (Wikinews, FIGNEWS)
and ``events_wiki5/6/7/8.jsonl`` (Arabic Wikipedia). ``events_news`` (fitted on) and
``events_wiki9`` (kept unread for confirmation) are not used. Entities: the recogniser's, from
``cache/entities.json`` (``cache_entities.py``), as the weights were fitted; without the cache,
none. A candidate is right when a labelled event of its type overlaps its trigger with the
same modality (:func:`event_data.label`, the model's own target).

Report: leave-one-set-out (seven folds, the map fitted without the set it scores) log loss of
the plain and the calibrated scores, predicted vs observed by score bin, and precision / recall
of the OTHER candidates over the calibrated threshold. ASSAULT and PROTEST are not recalibrated:
their scores follow the gold standard's sentence labels, which count fewer mentions than these
sets (a background or back-reference attack is no ASSAULT sentence there); their figures on
these sets are printed for information.

Threshold: the operating point is kept. The OTHER default becomes the calibrated value of the
plain threshold it had (0.2, chosen in run 38), so the default output is the same events and only
their scores change; ``plain_threshold`` in the file remembers the plain value for a rerun. Moving
the operating point is a separate decision (the curve below; ``--threshold`` sets another).

Run from the repository root after any refit of the weights (a refit writes plain scores)::

    python training/events/calibrate.py           # report and write
    python training/events/calibrate.py --dry-run # report only
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import event_data

from arabnews.events.classifier import sigmoid

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "src" / "arabnews" / "events" / "data" / "event_model.json"
SOURCES = ("news2", "news3", "news4", "wiki5", "wiki6", "wiki7", "wiki8")
GROUPS = ("ASSAULT", "PROTEST", "OTHER")
CALIBRATED = ("OTHER",)

Pair = tuple[float, float]  # (plain logit, label)


def fit_platt(rows: Sequence[Pair], l2: float = 1.0) -> tuple[float, float]:
    """Slope and intercept minimising the log loss of ``sigmoid(a * x + b)`` (Newton steps),
    with an L2 pull towards the identity map (1, 0)."""
    a, b = 1.0, 0.0
    for _ in range(100):
        ga, gb = l2 * (a - 1.0), l2 * b
        haa, hab, hbb = l2, 0.0, l2
        for x, y in rows:
            p = sigmoid(a * x + b)
            r, w = p - y, p * (1.0 - p)
            ga, gb = ga + r * x, gb + r
            haa, hab, hbb = haa + w * x * x, hab + w * x, hbb + w
        det = haa * hbb - hab * hab
        da, db = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        a, b = a - da, b - db
        if abs(da) + abs(db) < 1e-9:
            break
    return a, b


def log_loss(rows: Sequence[Pair], a: float = 1.0, b: float = 0.0) -> float:
    total = 0.0
    for x, y in rows:
        p = min(max(sigmoid(a * x + b), 1e-9), 1.0 - 1e-9)
        total -= y * math.log(p) + (1.0 - y) * math.log(1.0 - p)
    return total / max(len(rows), 1)


def candidate_rows() -> dict[str, dict[str, list[Pair]]]:
    """source -> group -> (plain logit, label) of every labelled candidate."""
    from arabnews.events.classifier import group_of, model_from_data
    from arabnews.events.extractor import extract_from_sentences, sentence_spans

    data = json.loads(MODEL.read_text(encoding="utf-8"))
    plain = model_from_data({**data, "calibration": {}})
    ents = event_data.cached_entities()
    if not ents:
        print("no entity cache (cache_entities.py): candidates scored without entities")
    out: dict[str, dict[str, list[Pair]]] = defaultdict(lambda: defaultdict(list))
    for rec in event_data.load(SOURCES):
        feats: list[list[str]] = []
        evs = extract_from_sentences(
            rec.text,
            sentence_spans(rec.text),
            ents.get(rec.text, ()),
            None,
            use_names=True,
            threshold=0.0,
            features=feats,
            model=plain,
        )
        for ev, f in zip(evs, feats, strict=True):
            y = event_data.label(rec, ev)
            if y is None:
                continue
            cat = "CONSULT" if ev.future_of and ev.future_of.startswith("CONSULT") else ev.type
            out[rec.source][group_of(cat)].append((plain.logit(f, cat), y))
    return out


def report(rows: dict[str, dict[str, list[Pair]]]) -> dict[str, tuple[float, float]]:
    fitted: dict[str, tuple[float, float]] = {}
    for g in GROUPS:
        every = [r for s in SOURCES for r in rows[s][g]]
        if len(every) < 50:
            print(f"{g}: {len(every)} candidates, too few to fit")
            continue
        a, b = fit_platt(every)
        # leave one set out: the map fitted on the other six scores the seventh
        oof: list[tuple[float, float, float]] = []  # (plain p, calibrated p, label)
        for held in SOURCES:
            ha, hb = fit_platt([r for s in SOURCES if s != held for r in rows[s][g]])
            oof += [(sigmoid(x), sigmoid(ha * x + hb), y) for x, y in rows[held][g]]
        n = len(oof)
        plain_ll = -sum(
            y * math.log(max(p, 1e-9)) + (1 - y) * math.log(max(1 - p, 1e-9)) for p, _, y in oof
        )
        cal_ll = -sum(
            y * math.log(max(q, 1e-9)) + (1 - y) * math.log(max(1 - q, 1e-9)) for _, q, y in oof
        )
        mark = "" if g in CALIBRATED else "  (not applied: gold-standard convention)"
        print(f"\n{g}: {n} candidates, {sum(y for *_, y in oof):.0f} right{mark}")
        print(f"  map on all seven sets: slope {a:.4f}, intercept {b:.4f}")
        print(f"  log loss, left-out set: plain {plain_ll / n:.3f}, calibrated {cal_ll / n:.3f}")
        print("  score bin     n   plain: mean / right   calibrated: mean / right")
        for lo in [k / 10 for k in range(10)]:
            pb = [(p, y) for p, _, y in oof if lo <= p < lo + 0.1 or (lo == 0.9 and p == 1.0)]
            cb = [(q, y) for _, q, y in oof if lo <= q < lo + 0.1 or (lo == 0.9 and q == 1.0)]

            def cell(items: list[tuple[float, float]]) -> str:
                if not items:
                    return f"{0:>4}      -      -"
                m = sum(v for v, _ in items) / len(items)
                o = sum(y for _, y in items) / len(items)
                return f"{len(items):>4}  {m:.3f}  {o:.3f}"

            print(f"  [{lo:.1f}, {lo + 0.1:.1f})   {cell(pb)}      {cell(cb)}")
        if g in CALIBRATED:
            fitted[g] = (a, b)
            right = sum(y for *_, y in oof)
            print("  calibrated threshold: candidates kept, precision, share of right ones kept")
            for t in (0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
                kept = [(q, y) for _, q, y in oof if q >= t]
                tp = sum(y for _, y in kept)
                prec = tp / len(kept) if kept else float("nan")
                print(f"  >= {t:.2f}  {len(kept):>5}  {prec:.3f}  {tp / right:.3f}")
    return fitted


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    ap.add_argument(
        "--threshold", type=float, help="the calibrated OTHER threshold (default: keep the point)"
    )
    args = ap.parse_args(argv)
    fitted = report(candidate_rows())
    if args.dry_run:
        return 0
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    before = data.get("calibration", {})
    calibration: dict[str, dict[str, object]] = {}
    for g, (a, b) in fitted.items():
        plain = float(before.get(g, {}).get("plain_threshold", data["thresholds"][g]))
        x = math.log(plain / (1.0 - plain))
        data["thresholds"][g] = (
            args.threshold if args.threshold is not None else round(sigmoid(a * x + b), 2)
        )
        calibration[g] = {
            "slope": round(a, 4),
            "intercept": round(b, 4),
            "plain_threshold": plain,
            "fitted_on": list(SOURCES),
            "script": "training/events/calibrate.py",
        }
    data["calibration"] = calibration
    data["threshold"] = min(data["thresholds"].values())
    MODEL.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"\nwrote calibration of {', '.join(fitted)} and thresholds {data['thresholds']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
