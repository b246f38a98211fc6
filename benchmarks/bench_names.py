"""Benchmark of arabnews.names: variant recall vs hard-negative false matches, cross-script
matching, seed-gold clustering, and speed, with baselines side by side.

Run: ``python benchmarks/bench_names.py`` (needs ``../shared``; skips what is missing).
The look-alike trap list (``benchmarks/data/names_traps.jsonl``, written for this project,
MIT) is read from the repository and needs nothing else.
``--holdout`` reports on the quarter of the dev groups kept out of cost tuning only.

The dev file mixes permissive sources with ANETAC spellings that may only be used locally:
this script reads them at run time and never writes them anywhere.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import random
import sys
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from arabnews.names import Matcher, NameResolver, name_key, normalize_name, skeleton
from arabnews.names._features import levenshtein

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

Pair = tuple[str, str]


# ----------------------------------------------------------------------------- data


def load_dev(shared: Path = SHARED) -> list[dict[str, Any]] | None:
    path = shared / "data" / "names" / "variants_dev.jsonl"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_negatives(shared: Path = SHARED) -> list[dict[str, Any]] | None:
    path = shared / "data" / "names" / "negatives_dev.jsonl"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def is_holdout(english: str) -> bool:
    """A deterministic quarter of the dev groups, never looked at while tuning costs."""
    return int(hashlib.sha256(("holdout:" + english).encode()).hexdigest(), 16) % 4 == 0


def positive_pairs(records: Sequence[dict[str, Any]]) -> list[Pair]:
    out: list[Pair] = []
    for rec in records:
        spellings = [v["ar"] for v in rec["variants"]]
        out.extend(
            (spellings[i], spellings[j])
            for i in range(len(spellings))
            for j in range(i + 1, len(spellings))
        )
    return out


def hard_negatives(records: Sequence[dict[str, Any]], limit: int = 6000) -> list[Pair]:
    """Spellings of different names whose consonant skeletons are equal or one edit apart.

    Pairs are left out when the two groups share a spelling or have (nearly) the same
    English key: those are the same name filed twice (andrei / andrey), not negatives.
    """
    by_skel: dict[str, list[tuple[int, str]]] = defaultdict(list)
    group_keys: list[set[str]] = []
    for gi, rec in enumerate(records):
        keys = {name_key(v["ar"]).text for v in rec["variants"]}
        group_keys.append(keys)
        for v in rec["variants"]:
            by_skel[skeleton(v["ar"])].append((gi, v["ar"]))
    skels = sorted(by_skel)
    # neighbours one deletion apart, found through deletion keys
    dels: dict[str, set[str]] = defaultdict(set)
    for s in skels:
        dels[s].add(s)
        for i in range(len(s)):
            dels[s[:i] + s[i + 1 :]].add(s)
    cands: set[tuple[int, str, int, str]] = set()
    for bucket in dels.values():
        members = [m for s in sorted(bucket) for m in by_skel[s]]
        if len(members) > 60:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                (ga, a), (gb, b) = members[x], members[y]
                if ga == gb or levenshtein(skeleton(a), skeleton(b)) > 1:
                    continue
                ea, eb = records[ga]["english"], records[gb]["english"]
                if group_keys[ga] & group_keys[gb]:
                    continue
                if levenshtein(ea, eb) <= max(1, len(max(ea, eb, key=len)) // 5):
                    continue
                if name_key(a).text == name_key(b).text:
                    continue
                cands.add((ga, a, gb, b) if (ga, a) < (gb, b) else (gb, b, ga, a))
    pairs = sorted((a, b) for _, a, _, b in cands)
    rng = random.Random(13)
    rng.shuffle(pairs)
    return pairs[:limit]


def cross_script(records: Sequence[dict[str, Any]]) -> list[Pair]:
    return [(rec["english"], v["ar"]) for rec in records for v in rec["variants"]]


def cross_script_negatives(
    records: Sequence[dict[str, Any]], negatives: Sequence[Pair]
) -> list[Pair]:
    """English key of one group against look-alike Arabic spellings of other groups."""
    owner: dict[str, str] = {}
    for rec in records:
        for v in rec["variants"]:
            owner.setdefault(v["ar"], rec["english"])
    return [(owner[a], b) for a, b in negatives if a in owner]


# ----------------------------------------------------------------------------- scores


def rate(pairs: Sequence[Pair], decide: Callable[[str, str], bool]) -> float:
    if not pairs:
        return float("nan")
    return sum(1 for a, b in pairs if decide(a, b)) / len(pairs)


def curve(
    pairs: Sequence[Pair], negs: Sequence[Pair], score: Callable[[str, str], float]
) -> list[tuple[float, float, float]]:
    ps = [score(a, b) for a, b in pairs]
    ns = [score(a, b) for a, b in negs]
    out = []
    for t in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        out.append((t, sum(s >= t for s in ps) / len(ps), sum(s >= t for s in ns) / len(ns)))
    return out


def bcubed(gold: dict[int, str], pred: dict[int, str]) -> tuple[float, float, float]:
    gsets: dict[str, set[int]] = defaultdict(set)
    psets: dict[str, set[int]] = defaultdict(set)
    for i, c in gold.items():
        gsets[c].add(i)
    for i, c in pred.items():
        psets[c].add(i)
    p = r = 0.0
    for i in gold:
        g, q = gsets[gold[i]], psets[pred[i]]
        inter = len(g & q)
        p += inter / len(q)
        r += inter / len(g)
    p /= len(gold)
    r /= len(gold)
    return p, r, 2 * p * r / (p + r)


# ----------------------------------------------------------------------------- baselines


def exact_baseline(a: str, b: str) -> bool:
    return name_key(a).text == name_key(b).text


def lev_ratio(a: str, b: str) -> float:
    a, b = normalize_name(a), normalize_name(b)
    if not a and not b:
        return 1.0
    return 1.0 - levenshtein(a, b) / max(len(a), len(b))


def lev_baseline(a: str, b: str) -> bool:
    return lev_ratio(a, b) >= 0.75


# ----------------------------------------------------------------------------- gold


def gold_mentions(gold: dict[str, Any]) -> list[tuple[str, str, str]]:
    out = []
    for doc in gold["documents"]:
        for ent in doc["entities"]:
            if ent.get("cluster"):
                out.append((ent["text"], ent["label"], ent["cluster"]))
    return out


def gold_scores(gold: dict[str, Any], use_gazetteer: bool = True) -> dict[str, Any]:
    from arabnews.names import NameResolver

    mentions = gold_mentions(gold)
    resolver = NameResolver() if use_gazetteer else NameResolver(gazetteer=None)
    for text, label, _ in mentions:
        resolver.add(text, label)
    gold_ids = {i: m[2] for i, m in enumerate(mentions)}
    pred = {i: resolver.cluster_id(m[0]) or "" for i, m in enumerate(mentions)}
    p, r, f = bcubed(gold_ids, pred)
    by_cluster: dict[str, set[str]] = defaultdict(set)
    for i, m in enumerate(mentions):
        by_cluster[m[2]].add(pred[i])
    merged = [
        (x, y)
        for x, y, *_ in gold["distinct_pairs"]
        if by_cluster.get(x, set()) & by_cluster.get(y, set())
    ]
    return {"p": p, "r": r, "f": f, "merged": merged, "n": len(mentions)}


# ----------------------------------------------------------------------------- speed


def speed_pairs(pairs: Sequence[Pair]) -> float:
    """``same_name`` calls per CPU second on distinct pairs, with a fresh matcher.

    Name keys are computed beforehand (a corpus sees each spelling many times, and they
    are cached); token compilation and the pair cache start empty, and no pair repeats.
    """
    for a, b in pairs:
        name_key(a)
        name_key(b)
    matcher = Matcher()
    start = time.process_time()
    for a, b in pairs:
        matcher.same_name(a, b)
    return len(pairs) / (time.process_time() - start)


def synthetic_mentions(records: Sequence[dict[str, Any]], n: int, seed: int = 7) -> list[str]:
    """Mentions drawn from dev spellings: bare names, and given + surname combinations."""
    rng = random.Random(seed)
    person = [r for r in records if "PERSON" in r["classes"]]
    givens = [rng.choice(r["variants"])["ar"] for r in person[: len(person) // 3]]
    people = [(rng.randrange(len(givens)), r) for r in person[len(person) // 3 :] for _ in range(1)]
    out: list[str] = []
    weights = [1.0 / (i + 1) for i in range(len(people))]  # Zipf: few names dominate
    chosen = rng.choices(range(len(people)), weights=weights, k=n)
    for idx in chosen:
        gi, rec = people[idx]
        surname = rng.choice(rec["variants"])["ar"]
        out.append(f"{givens[gi]} {surname}" if rng.random() < 0.5 else surname)
    return out


def resolver_speed(mentions: Sequence[str]) -> tuple[float, float, int]:
    """CPU seconds to add all mentions (and list the clusters), then, in a second run
    under tracemalloc, the peak memory in MiB."""
    from arabnews.names import NameResolver

    NameResolver()  # load the gazetteer outside the timing
    gc.collect()
    start = time.process_time()
    resolver = NameResolver()
    for m in mentions:
        resolver.add(m)
    n_clusters = len(resolver.clusters())
    elapsed = time.process_time() - start
    del resolver
    gc.collect()
    tracemalloc.start()
    resolver = NameResolver()
    for m in mentions:
        resolver.add(m)
    resolver.clusters()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 2**20, n_clusters


# ----------------------------------------------------------------------------- main


def row(name: str, *cols: object) -> str:
    return f"| {name:<44} | " + " | ".join(f"{c!s:>12}" for c in cols) + " |"


def fmt(x: float) -> str:
    return f"{x:.3f}"


TRAPS = ROOT / "benchmarks" / "data" / "names_traps.jsonl"


def load_traps(split: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The trap list's pairs of different names and groups of one name's spellings."""
    rows = [json.loads(line) for line in TRAPS.read_text(encoding="utf-8").splitlines() if line]
    rows = [r for r in rows if r["split"] == split]
    return [r for r in rows if r["type"] == "different"], [r for r in rows if r["type"] == "same"]


def trap_scores(
    matcher: Matcher, split: str, resolver: Callable[[], NameResolver]
) -> dict[str, tuple[int, int]]:
    """Errors on the trap list: (wrong, total) for each measure."""
    different, same = load_traps(split)
    wrong = sum(1 for t in different if matcher.same_name(t["a"], t["b"]))
    merged = 0
    for t in different:
        r = resolver()
        r.add(t["a"])
        r.add(t["b"])
        merged += r.cluster_id(t["a"]) == r.cluster_id(t["b"])
    pairs = missed = apart = 0
    for g in same:
        spellings = g["spellings"]
        for i, a in enumerate(spellings):
            for b in spellings[i + 1 :]:
                pairs += 1
                missed += not matcher.same_name(a, b)
        r = resolver()
        for x in spellings:
            r.add(x)
        apart += len({r.cluster_id(x) for x in spellings}) > 1
    return {
        "different names: same_name True": (wrong, len(different)),
        "different names: resolver merged": (merged, len(different)),
        "one name's spellings: same_name False": (missed, pairs),
        "one name's groups: resolver split": (apart, len(same)),
    }


def trap_report() -> None:
    """The trap list (dev, dev2 and confirm parts): the shipped matcher against the same
    model without the gazetteer's knowledge (``known=None``) and with loose matches after a
    stripped proclitic (``clitic_min=0``), the two rules of 2026-12-05, session 11."""
    shipped = Matcher()
    before = Matcher(model=attrs.evolve(shipped.model, clitic_min=0.0), known=None)
    splits = (
        "dev",
        "dev2",
        "confirm",
        "confirm2",
        "confirm3",
        "confirm4",
        "confirm5",
        "confirm6",
        "confirm7",
        "confirm8",
        "confirm9",
        "confirm10",
        "confirm11",
    )
    for split in splits:
        ours = trap_scores(shipped, split, lambda: NameResolver(matcher=shipped))
        old = trap_scores(before, split, lambda: NameResolver(matcher=before))
        print(row(f"look-alike traps ({split})", "arabnews", "w/o 2 rules"))
        for label, (n, total) in ours.items():
            print(row(label, f"{n} / {total}", f"{old[label][0]} / {total}"))
        print()


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--holdout", action="store_true", help="only the held-out quarter")
    ap.add_argument("--quick", action="store_true", help="skip the 100k-mention run")
    args = ap.parse_args(list(argv) if argv is not None else None)

    records = load_dev()
    matcher = Matcher()
    if records is None:
        print("../shared/data/names/variants_dev.jsonl not found: skipping dev benchmarks")
    else:
        if args.holdout:
            records = [r for r in records if is_holdout(r["english"])]
        pos = positive_pairs(records)
        neg = hard_negatives(records)
        xpos = cross_script(records)
        xneg = cross_script_negatives(records, neg)
        print(f"dev groups {len(records)}, positive pairs {len(pos)}, hard negatives {len(neg)}")
        print(f"cross-script: {len(xpos)} english/arabic pairs, {len(xneg)} look-alike pairs")
        print()
        print(row("metric", "arabnews", "exact-norm", "lev>=0.75"))
        print(row("-" * 44, *["-" * 12] * 3))
        print(
            row(
                "pair recall (variants_dev)",
                fmt(rate(pos, matcher.same_name)),
                fmt(rate(pos, exact_baseline)),
                fmt(rate(pos, lev_baseline)),
            )
        )
        print(
            row(
                "hard-negative false-match rate",
                fmt(rate(neg, matcher.same_name)),
                fmt(rate(neg, exact_baseline)),
                fmt(rate(neg, lev_baseline)),
            )
        )
        print(
            row(
                "cross-script recall (english vs arabic)",
                fmt(rate(xpos, matcher.same_name)),
                fmt(rate(xpos, exact_baseline)),
                fmt(rate(xpos, lev_baseline)),
            )
        )
        print(
            row(
                "cross-script false-match (look-alikes)",
                fmt(rate(xneg, matcher.same_name)),
                fmt(rate(xneg, exact_baseline)),
                fmt(rate(xneg, lev_baseline)),
            )
        )
        print()
        print("threshold curve (similarity >= t): recall vs hard-negative false matches")
        print(row("t", "recall", "false-match", "lev recall", "lev false"))
        ours = curve(pos, neg, matcher.similarity)
        lev = curve(pos, neg, lev_ratio)
        for (t, r, f), (_, lr, lf) in zip(ours, lev, strict=True):
            print(row(f"{t:.2f}", fmt(r), fmt(f), fmt(lr), fmt(lf)))
        print()
    trap_report()
    negs = load_negatives()
    if records is not None and negs is not None:
        dev_negative_report(records, negs, matcher, holdout=args.holdout)
    gold_path = SHARED / "gold" / "seeds_gold.json"
    if gold_path.is_file():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        ours_g = gold_scores(gold)
        bare = gold_scores(gold, use_gazetteer=False)
        print(row("seed gold clustering", "resolver", "no gazetteer"))
        print(row("mentions", ours_g["n"], bare["n"]))
        print(row("B-cubed precision", fmt(ours_g["p"]), fmt(bare["p"])))
        print(row("B-cubed recall", fmt(ours_g["r"]), fmt(bare["r"])))
        print(row("B-cubed F1", fmt(ours_g["f"]), fmt(bare["f"])))
        print(row("distinct_pairs merged", len(ours_g["merged"]), len(bare["merged"])))
        if ours_g["merged"]:
            print("  merged:", ours_g["merged"])
        print()
    else:
        print("seed gold not found: skipping clustering benchmark")
    if records is not None:
        rng = random.Random(3)
        spell = [v["ar"] for r in records for v in r["variants"]]
        pos = positive_pairs(records)[:4000]
        neg = hard_negatives(records, 4000)
        rand = [(rng.choice(spell), rng.choice(spell)) for _ in range(12000)]
        print(row("speed (one core, CPU time)", "arabnews", "lev>=0.75"))
        for label, pairs in (
            ("same_name pairs/s: variant pairs", pos),
            ("same_name pairs/s: hard negatives", neg),
            ("same_name pairs/s: random pairs", rand),
            ("same_name pairs/s: all of these", pos + neg + rand),
        ):
            print(
                row(
                    label,
                    f"{speed_pairs(pairs):,.0f}",
                    f"{speed_pairs_fn(lev_baseline, pairs):,.0f}",
                )
            )
        if not args.quick:
            mentions = synthetic_mentions(load_dev() or records, 100_000)
            elapsed, peak, n_clusters = resolver_speed(mentions)
            distinct = len(set(mentions))
            print(row(f"NameResolver: 100k mentions ({distinct} distinct), s", f"{elapsed:.2f}"))
            print(row("  peak memory (tracemalloc), MiB", f"{peak:.1f}"))
            print(row("  clusters", n_clusters))
    return 0


def dev_negative_report(
    records: Sequence[dict[str, Any]],
    negs: Sequence[dict[str, Any]],
    matcher: Matcher,
    *,
    holdout: bool = False,
) -> None:
    """negatives_dev.jsonl: false matches (Arabic/Arabic and English key/Arabic), the
    precision/recall curve against the variant pairs, and calibration bins."""
    if holdout:  # negative pairs are held out by their two English keys (fit_decision.py)
        negs = [n for n in negs if is_holdout("|".join(sorted((n["en1"], n["en2"]))))]
    neg = [(n["ar1"], n["ar2"]) for n in negs]
    xneg = [(n["en1"], n["ar2"]) for n in negs] + [(n["en2"], n["ar1"]) for n in negs]
    pos = positive_pairs(records)
    xpos = cross_script(records)
    print(f"negatives_dev: {len(neg)} Arabic pairs, {len(xneg)} English-key/Arabic pairs")
    print(row("metric", "arabnews", "exact-norm", "lev>=0.75"))
    for label, pairs in (("false-match (negatives_dev)", neg), ("false-match (en key)", xneg)):
        print(
            row(
                label,
                fmt(rate(pairs, matcher.same_name)),
                fmt(rate(pairs, exact_baseline)),
                fmt(rate(pairs, lev_baseline)),
            )
        )
    sp = [matcher.similarity(a, b) for a, b in pos]
    sn = [matcher.similarity(a, b) for a, b in neg]
    sxp = [matcher.similarity(a, b) for a, b in xpos]
    sxn = [matcher.similarity(a, b) for a, b in xneg]
    thr = getattr(matcher.model, "threshold", None)
    print()
    print(f"precision/recall curve (similarity >= t), operating point t = {thr}")
    print(row("t", "pair recall", "neg false", "xs recall", "xs false", "precision@1:1"))
    for t in (0.05, 0.08, 0.11, 0.14, 0.2, 0.23, 0.26, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        r = sum(s >= t for s in sp) / len(sp)
        f = sum(s >= t for s in sn) / len(sn)
        xr = sum(s >= t for s in sxp) / len(sxp)
        xf = sum(s >= t for s in sxn) / len(sxn)
        prec = r / (r + f) if r + f else float("nan")
        print(row(f"{t:.2f}", fmt(r), fmt(f), fmt(xr), fmt(xf), fmt(prec)))
    print()
    # the share observed depends on the mix (here every variant pair against 943 hard
    # negatives, so mostly positives); training/names/fit_decision.py prints the bins on
    # the mix the model was fitted on, fitting part and held-out part
    print("predicted vs observed: variant pairs + negatives_dev pairs (Arabic), by bin")
    print(row("bin", "pairs", "mean predicted", "observed same"))
    scored = [(s, 1) for s in sp] + [(s, 0) for s in sn]
    for lo in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        hi = lo + 0.1
        sel = [(s, y) for s, y in scored if lo <= s < hi or (hi >= 1.0 and s == 1.0)]
        if sel:
            mean = sum(s for s, _ in sel) / len(sel)
            obs = sum(y for _, y in sel) / len(sel)
            print(row(f"[{lo:.1f}, {hi:.1f})", len(sel), fmt(mean), fmt(obs)))
    print()


def speed_pairs_fn(fn: Callable[[str, str], bool], pairs: Sequence[Pair]) -> float:
    for a, b in pairs:
        normalize_name(a)
        normalize_name(b)
    start = time.process_time()
    for a, b in pairs:
        fn(a, b)
    return len(pairs) / (time.process_time() - start)


if __name__ == "__main__":
    sys.exit(main())
