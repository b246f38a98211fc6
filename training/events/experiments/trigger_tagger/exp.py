"""Session 13 experiment (not shipped): a token-level trigger tagger as a second candidate source.

Multinomial logistic regression over hashed features (the clitic-stripped stems of a word,
character 3/4-grams of its shortest stem, the lexicon's categories for it, two words either
side), Adagrad, trigger tokens weighted 3x; fitted in 5 folds by document over the web-news sets
labelled with every event (``events_news``, ``news2``, ``news3``), each fold scored by a model
fitted without it. Printed: candidate-level P/R/F1 (type and trigger overlap) of the lexicon's
candidates (``extract_events(threshold=0)``), of the tagger at several probability cut-offs, and
of their union (a tagger trigger is added where no lexicon candidate overlaps it), over all the
sets and over news2 + news3 (+ news4) and wiki5 alone (sets the lexicon was not grown on);
``--all`` (session 19) fits on news4 and wiki5 too. Results:
``training/events/runs.md`` (session 13). numpy only; about 15 minutes on one core::

    python training/events/experiments/trigger_tagger/exp.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from arabnews import extract_events
from arabnews.events.lexicon import Word, match_first, stem_candidates, trigger_rules, words
from arabnews.events.schema import PLOVER_CATEGORIES

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "training" / "events"))
from event_data import match_counts  # noqa: E402  (the event matching of every score)

from bench_events import prf  # noqa: E402

# session 13's run: the first three files; ``--all`` (session 19) adds news4 and wiki5
FILES = ("events_news.jsonl", "events_news2.jsonl", "events_news3.jsonl")
if "--all" in sys.argv:
    FILES = (*FILES, "events_news4.jsonl", "events_wiki5.jsonl")
# scored apart as well: web news the lexicon was not grown on, and the Wikipedia set
SUBSETS = (("news2 + news3 + news4", ("news4", "news5", "news6")), ("wiki5", ("wiki5",)))
TYPES = ("O", *PLOVER_CATEGORIES)
DIM = 1 << 18
Triple = tuple[str, int, int]


def _hash(s: str) -> int:
    return int(hashlib.md5(s.encode()).hexdigest()[:8], 16) % DIM


def _short(w: Word) -> str:
    c = stem_candidates(w.norm)
    return c[-1][0] if c else w.norm


def features(ws: Sequence[Word], i: int) -> list[int]:
    rules = trigger_rules()
    w = ws[i]
    out = ["bias"]
    cands = stem_candidates(w.norm)
    out += ["s=" + s for s, _ in cands]
    st = _short(w)
    for suf in ("هما", "هم", "ها", "ه", "ي", "نا", "كم"):
        if st.endswith(suf) and len(st) - len(suf) >= 3:
            out.append("ss=" + st[: -len(suf)])
            break
    x = "<" + st + ">"
    out += [f"c{n}=" + x[k : k + n] for n in (3, 4) for k in range(len(x) - n + 1)]
    out += ["pre2=" + st[:2], "suf2=" + st[-2:], f"len={min(len(st), 9)}"]
    out += ["lex=" + rules[idx].category for idx, _ in match_first(w.norm)]
    for d in (-2, -1, 1, 2):
        j = i + d
        out.append(f"w{d}=" + (_short(ws[j]) if 0 <= j < len(ws) else "#"))
    return [_hash(f) for f in out]


def train(x: list[list[int]], y: np.ndarray, idx: np.ndarray, epochs: int = 8) -> np.ndarray:
    k = len(TYPES)
    w = np.zeros((DIM, k), dtype=np.float32)
    acc = np.full((DIM, k), 1e-6, dtype=np.float32)
    rng = np.random.default_rng(0)
    for _ in range(epochs):
        for n in rng.permutation(idx):
            f = x[n]
            z = w[f].sum(0)
            p = np.exp(z - z.max())
            p /= p.sum()
            g = p.copy()
            g[y[n]] -= 1
            if y[n] > 0:
                g *= 3
            for fi in f:
                gg = g + 1e-5 * w[fi]
                acc[fi] += gg * gg
                w[fi] -= 0.3 * gg / np.sqrt(acc[fi])
    return w


def score(rows: Sequence[dict[str, Any]], pred: Sequence[Sequence[Triple]]) -> str:
    tp = fp = fn = 0
    for r, pr in zip(rows, pred, strict=True):
        gold = [(e["type"], e["start"], e["end"]) for e in r["events"]]
        a, b, c = match_counts(gold, pr)
        tp, fp, fn = tp + a, fp + b, fn + c
    p, r_, f1 = prf(tp, fp, fn)
    return f"P {p:.3f} R {r_:.3f} F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})"


def main() -> None:
    data = ROOT / "benchmarks" / "data"
    rows = [
        json.loads(line)
        for f in FILES
        for line in (data / f).read_text(encoding="utf-8").splitlines()
    ]
    x: list[list[int]] = []
    labels: list[int] = []
    groups: list[int] = []
    toks: list[tuple[int, int, int]] = []
    for ri, r in enumerate(rows):
        ws = words(r["text"])
        grp = int(hashlib.sha256(r["doc"].encode()).hexdigest(), 16) % 5
        for i, w in enumerate(ws):
            lab = next(
                (e["type"] for e in r["events"] if e["start"] < w.end and w.start < e["end"]), "O"
            )
            x.append(features(ws, i))
            labels.append(TYPES.index(lab))
            groups.append(grp)
            toks.append((ri, w.start, w.end))
    y = np.array(labels)
    g = np.array(groups)
    print("tokens", len(x), "trigger tokens", int((y > 0).sum()))
    probs: dict[int, np.ndarray] = {}
    for fold in range(5):
        w = train(x, y, np.where(g != fold)[0])
        for n in np.where(g == fold)[0]:
            z = w[x[n]].sum(0)
            p = np.exp(z - z.max())
            probs[int(n)] = p / p.sum()
        print("fold", fold, flush=True)
    cand: list[list[Triple]] = [
        [
            (e.type, e.trigger.start, e.trigger.end)
            for e in extract_events(r["text"], entities=(), threshold=0)
        ]
        for r in rows
    ]
    subsets = [("all sets", list(range(len(rows))))] + [
        (f"{name} only", [i for i, r in enumerate(rows) if r["id"].startswith(prefixes)])
        for name, prefixes in SUBSETS
    ]
    for name, sel in subsets:
        if not sel:
            continue
        sub = [rows[i] for i in sel]
        print(f"{name}: lexicon candidates {score(sub, [cand[i] for i in sel])}")
        for tau in (0.4, 0.5, 0.6, 0.7, 0.8):
            tag: list[list[Triple]] = [[] for _ in rows]
            for n, p in probs.items():
                k = int(np.argmax(p[1:])) + 1
                if p[k] >= tau:
                    ri, s, e = toks[n]
                    tag[ri].append((TYPES[k], s, e))
            union = [
                sorted(set(a) | {t for t in b if not any(t[1] < c[2] and c[1] < t[2] for c in a)})
                for a, b in zip(cand, tag, strict=True)
            ]
            print(
                f"  {tau}: tagger {score(sub, [tag[i] for i in sel])}"
                f" | union {score(sub, [union[i] for i in sel])}"
            )


if __name__ == "__main__":
    main()
