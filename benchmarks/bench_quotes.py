"""Benchmark of reported speech: quote F1, speaker, content and relaying outlet (``via``).

Run: ``python benchmarks/bench_quotes.py [--errors] [--part select|confirm|both]``.

Data:

* ``benchmarks/data/quotes_{dev,test}.jsonl``: sentences written for this project (CC0), each
  with its quotes (cue word and offset, speaker, content, relaying outlet, direct). ``dev`` is
  the *select* part, ``test`` was written before any tuning and is the *confirm* part. Both
  are short and saturated: they guard the rules, they do not measure news.
* ``benchmarks/data/quotes_news.jsonl``: all 110 Wikinews articles of ``../shared/data/news``
  (2013-14 and 2024, CC BY 2.5), whole, every quote labelled blind in session 20 with
  ``quotes_news_GUIDE.md``; ``part`` splits them by article (select 59, confirm 51). The
  rules of session 20 were chosen on select; confirm was read once at that point (both
  parts are development text since). Run through ``extract_quotes`` with the shipped NER
  model's entities, on the whole article, as a user would.
* ``benchmarks/data/local/quotes_snn.jsonl`` and ``quotes_snn2.jsonl`` when present: 60 + 60
  SaudiNewsNet articles labelled the same way (CC BY-NC-SA: local only, never committed), the
  confirmation sets of what was chosen on the Wikinews articles (``--part local``; both read
  once in session 20).

Scoring: a predicted quote matches the gold quote whose cue it overlaps (one to one); F1 over
quotes; on matched quotes, the speaker is right when its text (entity or ``speaker_text``)
shares a content word with the gold speaker (both empty is right), the content is right when its
word F1 with the gold content is at least 0.8, ``via`` likewise (both empty is right);
``right`` is the precision of whole facts (cue, speaker and content all right). For the
web-news select part the curve over ``Quote.score`` and its calibration are printed too.
Baseline: every speech-cue word is a quote, its speaker the next word, its content the rest of
the sentence.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from arabnews.errors import ModelNotAvailableError
from arabnews.events import extract_quotes
from arabnews.events.lexicon import norm_word, speech_cues, stem_candidates, words
from arabnews.ner import GazetteerRecognizer, recognize

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
_PUNCT = re.compile(r"[\"«»“”„.،,:؛!?؟]")
_STOP = frozenset(norm_word(w) for w in ("في", "من", "عن", "على", "إلى", "ل", "ب", "و", "باسم"))


def _stems(text: str) -> set[str]:
    out: set[str] = set()
    for w in _PUNCT.sub(" ", text).split():
        n = norm_word(w)
        if n in _STOP:
            continue
        out |= {s for s, _ in stem_candidates(n) if len(s) >= 2}
    return out


def same(pred: str | None, gold: str | None) -> bool:
    if not gold:
        return not pred
    return bool(pred) and bool(_stems(pred or "") & _stems(gold))


def word_f1(pred: str, gold: str) -> float:
    p = [norm_word(w) for w in _PUNCT.sub(" ", pred).split()]
    g = [norm_word(w) for w in _PUNCT.sub(" ", gold).split()]
    common = sum(min(p.count(w), g.count(w)) for w in set(p))
    if not common:
        return 0.0
    prec, rec = common / len(p), common / len(g)
    return 2 * prec * rec / (prec + rec)


def _is_cue(norm: str) -> bool:
    return any(
        r.pattern.fullmatch(stem) for stem, _ in stem_candidates(norm) for r in speech_cues()
    )


def baseline(text: str) -> list[dict[str, Any]]:
    ws = words(text)
    out = []
    for i, w in enumerate(ws):
        if _is_cue(w.norm) and i + 2 < len(ws):
            out.append(
                {
                    "cue": (w.start, w.end),
                    "speaker": ws[i + 1].text,
                    "content": text[ws[i + 2].start :].rstrip("."),
                    "via": None,
                }
            )
    return out


def ours(text: str, ner: Any, threshold: float | None = None) -> list[dict[str, Any]]:
    out = []
    for q in extract_quotes(text, entities=ner(text), threshold=threshold):
        # a speaker linked to a named person (a title such as الزعيم الأوكراني) counts by name
        sp = q.speaker_text or ((q.speaker.canonical or q.speaker.text) if q.speaker else None)
        via = getattr(q, "via", None)
        out.append(
            {
                "cue": (q.cue.start, q.cue.end),
                "speaker": sp,
                "content": text[q.content.start : q.content.end],
                "via": via.text if via is not None else None,
                "score": getattr(q, "score", 1.0),
            }
        )
    return out


def score(
    rows: Sequence[dict[str, Any]],
    predict: Any,
    errors: bool = False,
    min_score: float = 0.0,
) -> dict[str, float]:
    """Quote P/R/F1 by cue, and on matched quotes the share with the right speaker, content and
    ``via``; ``right`` is the precision of whole facts: predicted quotes whose cue, speaker and
    content are all right. Predictions scoring below *min_score* are left out."""
    tp = fp = fn = 0
    sp_ok = ct_ok = via_ok = all_ok = 0
    for row in rows:
        text = row["text"]
        gold = row["quotes"]
        used: set[int] = set()
        for p in predict(text):
            if p.get("score", 1.0) < min_score:
                continue
            s, e = p["cue"]
            m = next(
                (
                    k
                    for k, g in enumerate(gold)
                    if k not in used and g["cue_start"] < e and s < g["cue_start"] + len(g["cue"])
                ),
                None,
            )
            if m is None:
                fp += 1
                if errors:
                    print(f"  FP {row['id']}: {text[s:e]} -> {p}")
                continue
            used.add(m)
            tp += 1
            g = gold[m]
            a = same(p["speaker"], g["speaker"])
            b = word_f1(p["content"], g["content"]) >= 0.8
            c = same(p["via"], g["via"])
            sp_ok += a
            ct_ok += b
            via_ok += c
            all_ok += a and b
            if errors and not (a and b and c):
                print(f"  !  {row['id']}: speaker {p['speaker']!r} (gold {g['speaker']!r})")
                print(f"     content {p['content']!r} (gold {g['content']!r})")
                print(f"     via {p['via']!r} (gold {g['via']!r})")
        fn += len(gold) - len(used)
        if errors:
            for k, g in enumerate(gold):
                if k not in used:
                    print(f"  FN {row['id']}: {g['cue']} {g['content'][:40]}")
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    n = tp or 1
    return {
        "n": tp + fn,
        "P": prec,
        "R": rec,
        "F1": f1,
        "speaker": sp_ok / n,
        "content": ct_ok / n,
        "via": via_ok / n,
        "right": all_ok / (tp + fp) if tp + fp else 0.0,
    }


def load(name: str) -> list[dict[str, Any]]:
    path = DATA / f"quotes_{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _row(part: str, system: str, r: dict[str, float]) -> str:
    return (
        f"{part:<15} {system:<10} {r['n']:>4} {r['P']:>5.2f} {r['R']:>5.2f} {r['F1']:>5.2f} "
        f"{r['speaker']:>5.2f} {r['content']:>5.2f} {r['via']:>5.2f} {r['right']:>6.2f}"
    )


def _model_ner() -> Any:
    """``recognize`` with the shipped model, its entities kept per text (every system and
    threshold reads the same article), or ``None`` when the model cannot load."""
    try:
        recognize("تجربة")
    except (ImportError, ModelNotAvailableError) as exc:  # no stanza or no model: skip
        print(f"web-news rows skipped: the NER model does not load ({exc})")
        return None
    cache: dict[str, Any] = {}

    def ner(text: str) -> Any:
        if text not in cache:
            cache[text] = recognize(text)
        return cache[text]

    return ner


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="quotes benchmark")
    ap.add_argument("--errors", action="store_true", help="print the select-part errors")
    ap.add_argument("--ner", choices=("default", "gazetteer", "none"), default="gazetteer")
    ap.add_argument(
        "--part",
        choices=("select", "confirm", "both", "local"),
        default="select",
        help="which part of the web-news articles to score (confirm: read once)",
    )
    args = ap.parse_args(argv)
    if args.ner == "none":

        def ner(text: str) -> tuple[()]:
            return ()

    elif args.ner == "gazetteer":
        g = GazetteerRecognizer()

        def ner(text: str) -> Any:
            return recognize(text, recognizer=g)

    else:
        ner = recognize
    print(f"quotes benchmark (written sentences: NER {args.ner}; web-news articles: shipped NER)")
    head = (
        f"{'part':<15} {'system':<10} {'n':>4} {'P':>5} {'R':>5} {'F1':>5} "
        f"{'spk':>5} {'cont':>5} {'via':>5} {'right':>6}"
    )
    print(head)
    print("-" * len(head))
    for name, part in (("dev", "select"), ("test", "confirm")):
        rows = load(name)
        for sname, fn in (("arabnews", lambda t: ours(t, ner)), ("baseline", baseline)):
            r = score(rows, fn, errors=args.errors and name == "dev" and sname == "arabnews")
            print(_row(part, sname, r))
    news = load("news")
    model_ner = _model_ner()
    if model_ner is None:
        return 0
    if args.part == "local":
        found = sorted((DATA / "local").glob("quotes_snn*.jsonl"))
        if not found:
            print("benchmarks/data/local/quotes_snn*.jsonl not found: no local confirmation set")
            return 0
        for local in found:
            rows = [json.loads(line) for line in local.read_text(encoding="utf-8").splitlines()]
            for sname, fn in (("arabnews", lambda t: ours(t, model_ner)), ("baseline", baseline)):
                print(_row(f"local {local.stem[7:]}", sname, score(rows, fn)))
            for t in (0.0, 0.5, 0.7):
                r = score(rows, lambda text: ours(text, model_ner, threshold=0.0), min_score=t)
                print(_row(f"  t = {t:.1f}", "arabnews", r))
        return 0
    parts = ("select", "confirm") if args.part == "both" else (args.part,)
    for part in parts:
        rows = [r for r in news if r["part"] == part]
        for sname, fn in (("arabnews", lambda t: ours(t, model_ner)), ("baseline", baseline)):
            r = score(rows, fn, errors=args.errors and part == "select" and sname == "arabnews")
            print(_row(f"news {part}", sname, r))
    if "select" in parts:
        rows = [r for r in news if r["part"] == "select"]
        print()
        print("web-news select part, quotes with score >= t (the default output: t = 0.5)")
        for t in (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            r = score(rows, lambda text: ours(text, model_ner, threshold=0.0), min_score=t)
            print(_row(f"  t = {t:.1f}", "arabnews", r))
        print()
        print("web-news select part, score vs share of whole facts right (cue, speaker, content)")
        for lo, hi, n, right in calibration(rows, lambda text: ours(text, model_ner, 0.0)):
            print(f"  [{lo:.1f}, {hi:.1f})   quotes {n:>4}   right {right:>5.2f}")
    return 0


def calibration(
    rows: Sequence[dict[str, Any]], predict: Any
) -> list[tuple[float, float, int, float]]:
    """(low, high, quotes, share right) per score bin: a quote is right when it matches a gold
    quote by cue and its speaker and content are right (as in :func:`score`)."""
    bins = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
    seen = [[0, 0] for _ in bins]
    for row in rows:
        gold = row["quotes"]
        used: set[int] = set()
        for p in predict(row["text"]):
            s, e = p["cue"]
            m = next(
                (
                    k
                    for k, g in enumerate(gold)
                    if k not in used and g["cue_start"] < e and s < g["cue_start"] + len(g["cue"])
                ),
                None,
            )
            ok = False
            if m is not None:
                used.add(m)
                g = gold[m]
                ok = same(p["speaker"], g["speaker"]) and word_f1(p["content"], g["content"]) >= 0.8
            k = next(b for b, (lo, hi) in enumerate(bins) if lo <= p["score"] < hi)
            seen[k][0] += 1
            seen[k][1] += ok
    return [
        (lo, min(hi, 1.0), n, r / n if n else 0.0)
        for (lo, hi), (n, r) in zip(bins, seen, strict=True)
    ]


if __name__ == "__main__":
    sys.exit(main())
