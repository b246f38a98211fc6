"""Fit the event model (logistic regression over the candidate features) and write its weights.

Run from the repository root (about a minute on one core)::

    python training/events/train_event_model.py            # CV, select, report, write weights
    python training/events/train_event_model.py --dry-run  # CV and report only

Steps:

1. candidates of every labelled sentence (``event_data.load``) with threshold 0 and their
   features; labels from ``event_data.label``;
2. 5-fold cross-validation on the records that are not held out (folds by document group, see
   ``event_data``), for each L2 strength in ``GRID``; out-of-fold scores give sentence-level
   ASSAULT / PROTEST P/R/F1 (an event counts only when asserted; over every set and over the
   gold standard alone), the ASSAULT trigger rate (lenient: any coder's word; strict: the
   annotated verb) and event F1 (type + trigger) on the fully annotated news sentences, over a
   range of thresholds;
3. selection on the cross-validated figures only: per category group (ASSAULT, PROTEST, the
   other categories) the highest threshold whose smoothed F1 is within ``SLACK`` of the group's
   best (the default favours precision), ASSAULT and PROTEST on the mean of the F1 on the gold
   standard's sentences and on the web-news sets (``--select``); then, per group, the L2
   strength with the best value of the group's own measure (a tie to the larger L2), and each
   candidate is scored by its group's fit (runs.md, runs 33-34);
4. the final model is fitted on all records that are not held out and scored once on the
   held-out records; weights (rounded, near-zero ones dropped), the thresholds and the figures
   are written to ``src/arabnews/events/data/event_model.json`` (a group whose L2 differs from
   the other categories' gets a vector of its own under ``groups``). The file it writes holds
   plain scores and no ``calibration``: run ``calibrate.py`` after it to recalibrate the OTHER
   group's scores on the sets the fit did not use.

Pure Python (no numpy): the data are a few thousand sparse candidates.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import event_data

from arabnews.events.classifier import FEATURE_VERSION
from arabnews.events.schema import Event

OUT = event_data.ROOT / "src" / "arabnews" / "events" / "data" / "event_model.json"
GRID = (3.0, 10.0, 30.0, 100.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 19))
SLACK = 0.01
# the lenient trigger floor of the ASSAULT threshold (0: none); see select_thresholds
TRIGGER_FLOOR = 0.0
EPOCHS = 25
SEEDS = 3
MIN_COUNT = 2

# feature indices, target, weight
Example = tuple[list[int], float, float]
# weight of a candidate from the web-news sets (dev, news, protest) against one from the gold
# standard, set by --web-weight
WEB_WEIGHT = 1.0


# the features of the bag of context words around the trigger (classifier.candidate_features),
# which --context-l2 regularises more strongly than the rest
CONTEXT_WORDS = ("left=", "left1=", "right=", "right1=")
# the context words' L2 multiplier of each group's fit, set by --context-l2 and
# --context-l2-groups (runs 37-38)
CONTEXT_L2 = {"ASSAULT": 1.0, "PROTEST": 1.0, "OTHER": 1.0}

# one fit's settings: the L2 and the context words' multiplier
Setting = tuple[float, float]


def penalties(vocab: dict[str, int], k: float) -> list[float]:
    """Each feature's L2 multiplier: *k* for a context word, 1 otherwise."""
    out = [1.0] * len(vocab)
    for name, j in vocab.items():
        if name.rpartition("|")[2].startswith(CONTEXT_WORDS):
            out[j] = k
    return out


def fit(
    data: Sequence[Example], n_feat: int, l2: float, mult: Sequence[float] | None = None
) -> tuple[list[float], float]:
    """The average of ``SEEDS`` fits over different shuffles (less variance than one)."""
    ws, bs = [], []
    for seed in range(SEEDS):
        w, b = fit_one(data, n_feat, l2, seed, mult)
        ws.append(w)
        bs.append(b)
    return [sum(col) / SEEDS for col in zip(*ws, strict=True)], sum(bs) / SEEDS


def fit_one(
    data: Sequence[Example],
    n_feat: int,
    l2: float,
    seed: int = 0,
    mult: Sequence[float] | None = None,
) -> tuple[list[float], float]:
    """L2-regularised logistic regression by Adagrad over shuffled epochs; *mult* scales each
    feature's penalty (``None``: all 1)."""
    pen = [1.0] * n_feat if mult is None else list(mult)
    w = [0.0] * n_feat
    g2 = [1e-8] * n_feat
    b, gb2 = 0.0, 1e-8
    rng = random.Random(seed)
    order = list(range(len(data)))
    lr = 0.3
    reg = l2 / max(1, len(data))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            idx, y, wt = data[i]
            z = b + sum(w[j] for j in idx)
            p = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
            g = (p - y) * wt
            gb2 += g * g
            b -= lr * g / math.sqrt(gb2)
            for j in idx:
                gj = g + reg * pen[j] * w[j] * len(data) / 50
                g2[j] += gj * gj
                w[j] -= lr * gj / math.sqrt(g2[j])
    return w, b


def prob(w: Sequence[float], b: float, idx: Sequence[int]) -> float:
    z = b + sum(w[j] for j in idx)
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


GROUPS = ("ASSAULT", "PROTEST", "OTHER")


def _ANY(rec: event_data.Record) -> bool:
    return True


def _GSR(rec: event_data.Record) -> bool:
    return rec.source.startswith("gsr")


def _WEB(rec: event_data.Record) -> bool:
    return not rec.source.startswith("gsr")


def group(category: str) -> str:
    return category if category in ("ASSAULT", "PROTEST") else "OTHER"


def evaluate(
    recs: Sequence[event_data.Record],
    cands: Sequence[Sequence[tuple[Event, list[str]]]],
    scores: Sequence[Sequence[float]],
    thr: dict[str, float],
) -> dict[str, Any]:
    """Sentence-level ASSAULT/PROTEST, ASSAULT trigger rate and news event F1 (all types and
    the other types alone), a candidate counting when its score reaches its group's threshold."""
    out: dict[str, Any] = {}
    for cat in ("ASSAULT", "PROTEST"):
        for key, keep in ((cat, _ANY), ("gsr_" + cat, _GSR), ("web_" + cat, _WEB)):
            tp = fp = fn = 0
            for rec, cs, ss in zip(recs, cands, scores, strict=True):
                if cat not in rec.sentence or not keep(rec):
                    continue
                pred = any(
                    e.type == cat and e.modality == "asserted" and s >= thr[cat]
                    for (e, _), s in zip(cs, ss, strict=True)
                )
                gold = rec.sentence[cat]
                tp += pred and gold
                fp += pred and not gold
                fn += gold and not pred
            out[key] = prf(tp, fp, fn)
    # the strict measure: the trigger is the annotated verb of the event (gsr), over
    # every true sentence and over the true sentences where an asserted ASSAULT is reported
    # and (``top``) when only the best-scored ASSAULT event of the sentence is read
    right = n = found = top = 0
    for rec, cs, ss in zip(recs, cands, scores, strict=True):
        verbs = rec.verbs.get("ASSAULT", ())
        if rec.sentence.get("ASSAULT") and verbs:
            n += 1
            kept = [
                (s, e)
                for (e, _), s in zip(cs, ss, strict=True)
                if e.type == "ASSAULT" and e.modality == "asserted" and s >= thr["ASSAULT"]
            ]
            found += bool(kept)
            hits = [
                event_data.strict_word(rec.text, e.trigger.start, e.trigger.end, verbs)
                for _, e in kept
            ]
            right += any(hits)
            if kept:
                top += hits[max(range(len(kept)), key=lambda k: kept[k][0])]
    out["trigger_strict"] = (right / n if n else float("nan"), n)
    out["trigger_strict_top"] = (top / n if n else float("nan"), n)
    out["trigger_strict_found"] = (right / found if found else float("nan"), found)
    right = n = 0
    for rec, cs, ss in zip(recs, cands, scores, strict=True):
        marks = rec.marks.get("ASSAULT", ())
        if rec.sentence.get("ASSAULT") and marks:
            n += 1
            right += any(
                e.type == "ASSAULT"
                and e.modality == "asserted"
                and s >= thr["ASSAULT"]
                and any(event_data._same_word(m, e.trigger.text) for m in marks)
                for (e, _), s in zip(cs, ss, strict=True)
            )
    out["trigger"] = (right / n if n else float("nan"), n)
    for key, keep in (("news", lambda c: True), ("news_other", lambda c: group(c) == "OTHER")):
        tp = fp = fn = 0
        for rec, cs, ss in zip(recs, cands, scores, strict=True):
            if rec.events is None or rec.scope is not None:
                continue
            gold = [(typ, start, end) for typ, start, end, _mod in rec.events if keep(typ)]
            pred = [
                (e.type, e.trigger.start, e.trigger.end)
                for (e, _), s in zip(cs, ss, strict=True)
                if s >= thr[group(e.type)] and keep(e.type)
            ]
            a, b, c = event_data.match_counts(gold, pred)
            tp, fp, fn = tp + a, fp + b, fn + c
        out[key] = prf(tp, fp, fn)
    return out


# the measure each group's threshold is chosen on, set by --select: "both" (default), the mean of
# the F1 on the gold standard's sentences and on the web-news sets (dev, news, protest), the two
# populations the issue is judged on; "gsr" or "web" alone; "pooled", every set together
SELECT = "both"


def group_value(res: dict[str, Any], g: str) -> float:
    if g == "OTHER":
        return float(res["news_other"][2])
    if SELECT == "both":
        return (res["gsr_" + g][2] + res["web_" + g][2]) / 2
    return float(res[g if SELECT == "pooled" else f"{SELECT}_{g}"][2])


def group_measure(g: str) -> str:
    if g == "OTHER":
        return "news_other"
    return {"both": "gsr_", "gsr": "gsr_", "web": "web_"}.get(SELECT, "") + g


def select_thresholds(
    recs: Sequence[event_data.Record],
    cands: Sequence[Sequence[tuple[Event, list[str]]]],
    scores: Sequence[Sequence[float]],
) -> tuple[dict[str, float], dict[str, list[tuple[float, tuple[float, float, float]]]]]:
    """Per group, the highest threshold whose smoothed F1 (the mean over it and its two
    neighbours on the grid, so that a spike of a few sentences is not chosen) is within ``SLACK``
    of the group's best (the groups' measures do not depend on each other's thresholds), and the
    P/R/F1 curves. With ``TRIGGER_FLOOR`` set, ASSAULT thresholds must keep the annotated trigger
    (lenient measure) on at least that share of the true sentences."""
    chosen: dict[str, float] = {}
    curves: dict[str, list[tuple[float, tuple[float, float, float]]]] = {}
    results = {t: evaluate(recs, cands, scores, {k: t for k in GROUPS}) for t in THRESHOLDS}
    for g in GROUPS:
        curves[g] = [(t, results[t][group_measure(g)]) for t in THRESHOLDS]
        f1 = [group_value(results[t], g) for t in THRESHOLDS]
        value = {
            t: sum(f1[max(0, k - 1) : k + 2]) / len(f1[max(0, k - 1) : k + 2])
            for k, t in enumerate(THRESHOLDS)
        }
        if g == "ASSAULT" and TRIGGER_FLOOR:
            ok = {t: v for t, v in value.items() if results[t]["trigger"][0] >= TRIGGER_FLOOR}
            value = ok or value
        top = max(value.values())
        chosen[g] = max(t for t, v in value.items() if v >= top - SLACK)
    return chosen, curves


def objective(res: dict[str, Any]) -> float:
    return (group_value(res, "ASSAULT") + group_value(res, "PROTEST") + res["news"][2]) / 3


def fmt(res: dict[str, Any]) -> str:
    a, p, n, o = res["ASSAULT"], res["PROTEST"], res["news"], res["news_other"]
    ga, gp = res["gsr_ASSAULT"], res["gsr_PROTEST"]
    wa, wp = res["web_ASSAULT"], res["web_PROTEST"]
    return (
        f"ASSAULT P {a[0]:.3f} R {a[1]:.3f} F1 {a[2]:.3f} | PROTEST P {p[0]:.3f} R {p[1]:.3f} "
        f"F1 {p[2]:.3f} | trigger {res['trigger'][0]:.3f} (n={res['trigger'][1]}) | "
        f"news event P {n[0]:.3f} R {n[1]:.3f} F1 {n[2]:.3f} (other types F1 {o[2]:.3f})\n"
        f"    gsr only: ASSAULT P {ga[0]:.3f} R {ga[1]:.3f} F1 {ga[2]:.3f} | PROTEST "
        f"P {gp[0]:.3f} R {gp[1]:.3f} F1 {gp[2]:.3f} | strict ASSAULT trigger "
        f"{res['trigger_strict'][0]:.3f} (n={res['trigger_strict'][1]}; best-scored event "
        f"{res['trigger_strict_top'][0]:.3f})\n"
        f"    web sets only: ASSAULT P {wa[0]:.3f} R {wa[1]:.3f} F1 {wa[2]:.3f} | PROTEST "
        f"P {wp[0]:.3f} R {wp[1]:.3f} F1 {wp[2]:.3f}"
    )


def report_curve(
    recs: Sequence[event_data.Record],
    cands: Sequence[Sequence[tuple[Event, list[str]]]],
    scores: Sequence[Sequence[float]],
    chosen: dict[str, float],
) -> None:
    """P/R of ASSAULT and PROTEST (all sources, gsr only) at threshold 0, at the chosen one and at
    the issue's reporting points; how many true sentences have any candidate at all."""
    for cat in ("ASSAULT", "PROTEST"):
        true = [i for i, r in enumerate(recs) if r.sentence.get(cat)]
        anyc = sum(any(e.type == cat for e, _ in cands[i]) for i in true)
        gtrue = [i for i in true if recs[i].source.startswith("gsr")]
        ganyc = sum(any(e.type == cat for e, _ in cands[i]) for i in gtrue)
        print(
            f"  {cat}: true sentences with any {cat} candidate (any modality): "
            f"{anyc}/{len(true)}; gsr {ganyc}/{len(gtrue)}"
        )
        for t in (0.0, chosen[cat], 0.25, 0.35, 0.5, 0.6):
            r = evaluate(recs, cands, scores, {g: t for g in GROUPS})
            a, g, w = r[cat], r["gsr_" + cat], r["web_" + cat]
            extra = ""
            if cat == "ASSAULT":
                extra = (
                    f" | trigger {r['trigger'][0]:.3f}, strict {r['trigger_strict'][0]:.3f} "
                    f"(best-scored {r['trigger_strict_top'][0]:.3f}) "
                    f"(of the reported: {r['trigger_strict_found'][0]:.3f})"
                )
            print(
                f"    score >= {t:.2f}{' (chosen)' if t == chosen[cat] else ''}: "
                f"all P {a[0]:.3f} R {a[1]:.3f} F1 {a[2]:.3f} | gsr P {g[0]:.3f} R {g[1]:.3f} "
                f"F1 {g[2]:.3f} | web P {w[0]:.3f} R {w[1]:.3f} F1 {w[2]:.3f}{extra}"
            )


def weight_table(w: Sequence[float], vocab: dict[str, int], keep: str | None) -> dict[str, float]:
    """A fit's weights by name, rounded, near-zero ones dropped; with *keep* (a group), only
    those a candidate of that group reads: plain ones and those of its own categories."""
    out = {}
    for f, k in sorted(vocab.items()):
        if abs(w[k]) < 1e-3:
            continue
        if "|" in f:
            cat: str | None = f.partition("|")[0]
        else:
            cat = f.removeprefix("bias_") if f.startswith("bias_") else None
        if keep is None or cat is None or group(cat) == keep:
            out[f] = round(w[k], 4)
    return out


def group_vectors(
    fits: dict[Setting, tuple[list[float], float]],
    vocab: dict[str, int],
    chosen: dict[str, Setting],
) -> tuple[dict[str, dict[str, Any]], dict[str, float]]:
    """The weights file's ``groups`` (a group fitted with other settings than OTHER's: its own
    bias and weights) and default ``weights`` (the OTHER group's fit, read by every other
    candidate)."""
    groups = {
        g: {
            "l2": chosen[g][0],
            "context_l2": chosen[g][1],
            "bias": round(fits[chosen[g]][1], 4),
            "weights": weight_table(fits[chosen[g]][0], vocab, g),
        }
        for g in GROUPS
        if g != "OTHER" and chosen[g] != chosen["OTHER"]
    }
    return groups, weight_table(fits[chosen["OTHER"]][0], vocab, None)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true", help="cross-validate and report only")
    ap.add_argument(
        "--entities",
        choices=("recognizer", "none"),
        default="recognizer",
        help="entities of each sentence: the cached recogniser output (cache_entities.py) or none",
    )
    ap.add_argument(
        "--folds",
        choices=("doc", "text", "legacy"),
        default="doc",
        help="cross-validation folds by document group (default), by sentence, or the old split "
        "(folds and held-out part by sentence)",
    )
    ap.add_argument(
        "--select",
        choices=("both", "gsr", "web", "pooled"),
        default="both",
        help="choose the ASSAULT / PROTEST thresholds and L2 on the mean F1 of the gold "
        "standard's sentences and the web-news sets (default), on either alone, or on every "
        "set pooled",
    )
    ap.add_argument(
        "--trigger-floor",
        type=float,
        default=0.0,
        help="lowest lenient ASSAULT trigger rate an ASSAULT threshold may give (0: none)",
    )
    ap.add_argument(
        "--sources",
        default="gsr,dev,news,protest",
        help="labelled sets to use (comma-separated: gsr, dev, news, protest)",
    )
    ap.add_argument(
        "--web-weight",
        type=float,
        default=1.0,
        help="weight of a web-news candidate against a gold-standard one in the fit",
    )
    ap.add_argument(
        "--context-l2",
        type=float,
        default=1.0,
        help="L2 multiplier of the context-word features (left=, right=, ...); 1: as the rest",
    )
    ap.add_argument(
        "--context-l2-groups",
        default=",".join(GROUPS),
        help="the groups whose fit --context-l2 applies to (comma-separated); the others use 1",
    )
    ap.add_argument(
        "--score-only",
        default="",
        help="labelled sets that are cross-validated and scored but never fitted on "
        "(comma-separated): the ablation of a new set, same folds, same thresholds' search",
    )
    ap.add_argument("--dump", help="write the out-of-fold scores of the selected fit (jsonl)")
    args = ap.parse_args()
    global SELECT, TRIGGER_FLOOR, WEB_WEIGHT
    SELECT, TRIGGER_FLOOR, WEB_WEIGHT = args.select, args.trigger_floor, args.web_weight
    for g in args.context_l2_groups.split(","):
        if g not in CONTEXT_L2:
            ap.error(f"unknown group {g!r} in --context-l2-groups")
        CONTEXT_L2[g] = args.context_l2
    event_data.GROUPING = args.folds
    recs = event_data.load(tuple(args.sources.split(",")))
    print(f"records: {dict(Counter((r.source, 'holdout' if r.holdout else 'fit') for r in recs))}")
    ents = event_data.cached_entities() if args.entities == "recognizer" else {}
    if args.entities == "recognizer":
        missing = sum(r.text not in ents for r in recs)
        if missing:
            print(f"{missing} sentences have no cached entities: run cache_entities.py")
            return 1
    cands = [event_data.candidates(r.text, ents.get(r.text, ())) for r in recs]
    labels = [[event_data.label(r, e) for e, _ in cs] for r, cs in zip(recs, cands, strict=True)]
    fit_ix = [i for i, r in enumerate(recs) if not r.holdout]
    # sets scored but never fitted on (--score-only): out of every fold's training part
    score_only = set(filter(None, args.score_only.split(",")))
    if score_only and not args.dry_run:
        ap.error("--score-only is an ablation: use it with --dry-run")
    learn_ix = [i for i in fit_ix if recs[i].source not in score_only]
    hold_ix = [i for i, r in enumerate(recs) if r.holdout]
    n_lab = Counter(y for i in fit_ix for y in labels[i])
    print(f"candidates with labels (fit part): {dict(n_lab)}")

    def examples(ix: Sequence[int], vocab: dict[str, int]) -> list[Example]:
        out: list[Example] = []
        for i in ix:
            for (_, feats), y in zip(cands[i], labels[i], strict=True):
                if y is not None:
                    wt = 1.0 if recs[i].source.startswith("gsr") else WEB_WEIGHT
                    out.append(([vocab[f] for f in set(feats) if f in vocab], y, wt))
        return out

    def vocabulary(ix: Sequence[int]) -> dict[str, int]:
        cnt: Counter[str] = Counter()
        for i in ix:
            for (_, feats), y in zip(cands[i], labels[i], strict=True):
                if y is not None:
                    cnt.update(set(feats))
        return {f: k for k, f in enumerate(sorted(f for f, c in cnt.items() if c >= MIN_COUNT))}

    def score_all(
        ix: Sequence[int], vocab: dict[str, int], w: list[float], b: float
    ) -> dict[int, list[float]]:
        return {
            i: [prob(w, b, [vocab[f] for f in set(feats) if f in vocab]) for _, feats in cands[i]]
            for i in ix
        }

    sub = [recs[i] for i in fit_ix]
    sub_c = [cands[i] for i in fit_ix]
    ones = {g: 0.5 for g in GROUPS}
    rules = evaluate(sub, sub_c, [[1.0] * len(c) for c in sub_c], ones)
    print(f"rules only (no model), CV part:   {fmt(rules)}")
    # every (L2, context multiplier) setting some group can pick
    settings = sorted({(l2, CONTEXT_L2[g]) for g in GROUPS for l2 in GRID})
    per_set: dict[Setting, tuple[list[list[float]], dict[str, float], Any]] = {}
    for st in settings:
        oof: dict[int, list[float]] = {}
        for fold in range(event_data.FOLDS):
            tr = [i for i in learn_ix if recs[i].fold != fold]
            te = [i for i in fit_ix if recs[i].fold == fold]
            vocab = vocabulary(tr)
            w, b = fit(examples(tr, vocab), len(vocab), st[0], penalties(vocab, st[1]))
            oof.update(score_all(te, vocab, w, b))
        sc = [oof[i] for i in fit_ix]
        thr_st, curves_st = select_thresholds(sub, sub_c, sc)
        res = evaluate(sub, sub_c, sc, thr_st)
        per_set[st] = (sc, thr_st, curves_st)
        print(
            f"l2={st[0]} context x{st[1]}: thresholds {thr_st}: "
            + ", ".join(f"{g} {group_value(res, g):.3f}" for g in GROUPS)
            + f", mean F1 {objective(res):.3f}"
        )
        print("    " + fmt(res).replace("\n", "\n    "))
    # one L2 per category group (runs.md, runs 33-34): the group's own measure at its own
    # threshold, a tie to the larger L2; each candidate is scored by its group's fit
    chosen: dict[str, Setting] = {}
    for g in GROUPS:
        own = [(l2, CONTEXT_L2[g]) for l2 in GRID]
        values = {
            st: group_value(evaluate(sub, sub_c, per_set[st][0], per_set[st][1]), g) for st in own
        }
        chosen[g] = max(own, key=lambda st: (round(values[st], 6), st[0]))
    l2s = {g: chosen[g][0] for g in GROUPS}
    thr = {g: per_set[chosen[g]][1][g] for g in GROUPS}
    curves = {g: per_set[chosen[g]][2][g] for g in GROUPS}
    oof_sc = [
        [per_set[chosen[group(e.type)]][0][k][j] for j, (e, _) in enumerate(sub_c[k])]
        for k in range(len(sub))
    ]
    cv_res = evaluate(sub, sub_c, oof_sc, thr)
    print(f"selected (l2, context multiplier) per group {chosen}, thresholds {thr}")
    print("cross-validated precision / recall / F1 over the event score (selected l2s):")
    for g in GROUPS:
        print(f"  {group_measure(g)}:")
        for t, (p, r, f) in curves[g]:
            print(f"    score >= {t:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"cross-validated at the thresholds: {fmt(cv_res)}")
    print("cross-validated P/R at threshold 0, the chosen one and the reporting points:")
    report_curve(sub, sub_c, oof_sc, thr)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for rec, cs, ss in zip(sub, sub_c, oof_sc, strict=True):
                row = {
                    "id": rec.id,
                    "source": rec.source,
                    "sentence": rec.sentence,
                    "text": rec.text,
                    "candidates": [
                        [e.type, e.trigger.text, e.modality, round(sc, 3)]
                        for (e, _), sc in zip(cs, ss, strict=True)
                    ],
                }
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.dry_run:
        return 0  # the held-out part is scored only once, when the weights are written
    vocab = vocabulary(fit_ix)
    fits = {
        st: fit(examples(fit_ix, vocab), len(vocab), st[0], penalties(vocab, st[1]))
        for st in sorted(set(chosen.values()))
    }
    by_set = {st: score_all(hold_ix, vocab, w, b) for st, (w, b) in fits.items()}
    hs = {
        i: [by_set[chosen[group(e.type)]][i][j] for j, (e, _) in enumerate(cands[i])]
        for i in hold_ix
    }
    hrec = [recs[i] for i in hold_ix]
    hc = [cands[i] for i in hold_ix]
    hold = evaluate(hrec, hc, [hs[i] for i in hold_ix], thr)
    hold_rules = evaluate(hrec, hc, [[1.0] * len(c) for c in hc], ones)
    print(f"held out, rules only:             {fmt(hold_rules)}")
    print(f"held out, model at the thresholds: {fmt(hold)}")
    print("held-out P/R at threshold 0, the chosen one and the reporting points:")
    report_curve(hrec, hc, [hs[i] for i in hold_ix], thr)

    # the OTHER group's fit is the default vector; a group with another L2 gets its own
    groups, weights = group_vectors(fits, vocab, chosen)
    OUT.write_text(
        json.dumps(
            {
                "feature_version": FEATURE_VERSION,
                "model": "logistic regression (Adagrad, L2), training/events/train_event_model.py",
                "entities": args.entities,
                "l2": l2s,
                "context_l2": {g: chosen[g][1] for g in GROUPS},
                "threshold": min(thr.values()),
                "thresholds": thr,
                "bias": round(fits[chosen["OTHER"]][1], 4),
                "cv": cv_res,
                "cv_rules_only": rules,
                "held_out": hold,
                "held_out_rules_only": hold_rules,
                "groups": groups,
                "weights": weights,
            },
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT} ({len(weights)} weights); now run training/events/calibrate.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
