"""Benchmark of arabnews.events: seed-gold events and quotes, the sentence-level ASSAULT/PROTEST
dev set, and speed, each with a keyword baseline side by side.

Run: ``python benchmarks/bench_events.py`` (the seed-gold rows need ``../shared``; the dev set
``benchmarks/data/events_dev.jsonl`` ships with the repository). Local-only sets, if present
under ``benchmarks/data/local/*.jsonl`` (built from non-commercial data, never committed), are
reported too: in the dev set's layout (sentence labels) beside it, in the news sets' layout (every
event of a sentence) beside those. The local paragraph set (``events_snnp1.jsonl``, whole article
leads labelled like the seeds, every mention counted) is scored on its ``dev`` part; its
``confirm`` part only with ``--confirm`` (read once, at the end of a session).

Scoring:

* events: a predicted event matches an unmatched gold event of the same type whose trigger span
  overlaps (one-to-one, text order); predictions inside the gold boilerplate (captions, teasers,
  related links: removed by the cleaner before extraction in the pipeline) are ignored;
* actor accuracy: on matched events, the predicted actor set shares a cluster with the gold one
  (both empty counts as right); actor mentions are mapped to gold clusters by ``entity_id`` or by
  the cluster's canonical spelling;
* quotes: a predicted quote matches a gold quote whose cue overlaps;
* dev set: a sentence is an ASSAULT (PROTEST) report when the extractor gives it at least one
  ASSAULT (PROTEST) event with modality ``asserted``; the baseline is keyword matching; "trigger
  on right word" counts true ASSAULT sentences whose predicted trigger is one of the words the
  annotator marked;
* gsr_dev (``../shared/data/events/gsr_dev``, MIT): the same sentence-level measures on the
  Arabic PLOVER gold-standard share, for the default output (the event model at its thresholds)
  and for every lexicon candidate (threshold 0); the held-out document groups (about a fifth,
  ``training/events/event_data.py``: never fitted nor selected on) are reported apart from the
  whole share, which the model was partly fitted on (its cross-validated figures are in
  ``training/events/runs.md`` and the model file); the ASSAULT trigger is scored leniently (a
  word any coder marked) and strictly (the annotated verb: the words all coders agreed on, else
  those of a majority);
* news (``benchmarks/data/events_news.jsonl``): event F1 on type and trigger span of
  hand-labelled news sentences (Wikinews, FIGNEWS, Arabic Wikipedia), held-out groups and all;
  the same for ``events_news2.jsonl`` (Wikinews, FIGNEWS; labelled blind in session 13), and
  all of ``events_news3.jsonl`` and ``events_news4.jsonl`` (labelled blind in session 13, each
  read once as a confirmation; ``training/events/runs.md``), and all of ``events_wiki5.jsonl``
  to ``events_wiki9.jsonl`` (600 Arabic Wikipedia sentences each with a political word,
  labelled blind in sessions 19 and 21 with every event: encyclopaedic text, not news; never
  fitted on; wiki7 and wiki8 are the confirmation sets of session 21's roles and its lexicon
  rows, wiki9 of session 22); ``events_wiki10.jsonl`` (600 more, labelled blind with every
  event and its roles and place in session 26, read once at its end) and
  ``events_wiki11.jsonl`` (600 more, the same way in session 27, read once at its end);
  ``events_wiki12.jsonl`` (366 more, every article the sampler had left, the same way in
  session 28, read once at its end); ``events_wiki13.jsonl`` (300 more, one sentence each
  from articles earlier sets had used, ``sample_wiki_sentences.py --any-article``, the same
  way in session 29, read once at its end); ``events_wiki14.jsonl`` (300 more, the same way
  in session 30, read once in its middle) and ``events_wiki15.jsonl`` (300 more, the same way
  in session 30, read once at its end); ``events_wiki16.jsonl`` (300 more, the same way in
  session 31, read once at its end);
* precision / recall of ASSAULT sentences over the event score (held-out gsr_dev groups);
* docs (``benchmarks/data/events_docs.jsonl``: 16 whole wire-style articles written for the
  project in session 37, every event mention labelled with the real event it names, ``dev`` and
  ``confirm`` halves): through :func:`arabnews.analyze`, whether the mentions of one real event
  are linked by ``refers_to`` and no others (pairwise precision / recall), and the error of
  counting events as the mentions that refer to no other, against counting every mention
  (:func:`score_docs`); the ``confirm`` half only with ``--confirm`` (read once, at the end of
  session 37);
* scaling: seconds per MB of ``extract_events`` (no entities) on repeated Wikinews text and on
  the same text as one unpunctuated line, at 100 KB and 1 MB (``--large`` adds 10 MB), with the
  growth ratio (linear work gives about 1).
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from arabnews import analyze
from arabnews.events import Event, extract_events, extract_quotes
from arabnews.events.extractor import sentence_spans
from arabnews.events.lexicon import match_first, trigger_rules, words
from arabnews.spans import Entity

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = ROOT / "benchmarks" / "data" / "events_dev.jsonl"
DOCS = ROOT / "benchmarks" / "data" / "events_docs.jsonl"  # whole articles, mentions clustered
NEWS = ROOT / "benchmarks" / "data" / "events_news.jsonl"
# labelled blind in session 13 from sentences no other set used (training/events/runs.md, run 41)
NEWS2 = ROOT / "benchmarks" / "data" / "events_news2.jsonl"
NEWS3 = ROOT / "benchmarks" / "data" / "events_news3.jsonl"
NEWS4 = ROOT / "benchmarks" / "data" / "events_news4.jsonl"
WIKI5 = ROOT / "benchmarks" / "data" / "events_wiki5.jsonl"
WIKI6 = ROOT / "benchmarks" / "data" / "events_wiki6.jsonl"
WIKI7 = ROOT / "benchmarks" / "data" / "events_wiki7.jsonl"
WIKI8 = ROOT / "benchmarks" / "data" / "events_wiki8.jsonl"
WIKI9 = ROOT / "benchmarks" / "data" / "events_wiki9.jsonl"
WIKI10 = ROOT / "benchmarks" / "data" / "events_wiki10.jsonl"
WIKI11 = ROOT / "benchmarks" / "data" / "events_wiki11.jsonl"
WIKI12 = ROOT / "benchmarks" / "data" / "events_wiki12.jsonl"
WIKI13 = ROOT / "benchmarks" / "data" / "events_wiki13.jsonl"
WIKI14 = ROOT / "benchmarks" / "data" / "events_wiki14.jsonl"
WIKI15 = ROOT / "benchmarks" / "data" / "events_wiki15.jsonl"
WIKI16 = ROOT / "benchmarks" / "data" / "events_wiki16.jsonl"
GSR = SHARED / "data" / "events" / "gsr_dev"
WIKINEWS = SHARED / "data" / "news" / "wikinews_2024_plain.txt"
LOCAL = ROOT / "benchmarks" / "data" / "local"

ASSAULT_KW = re.compile(
    r"هجوم|هجمات|هاجم|قصف|اشتباك|غارة|غارات|تفجير|انفجار|قتل|مقتل|قتلى|اغتيال|اختطاف|معارك|"
    r"استهداف|استهدف|اعتداء|مسلح|صاروخ|صواريخ|عدوان|حرب|إطلاق النار|الشهداء|استشهاد|استشهد|"
    r"مجزرة|قنبلة|عبوة"
)
PROTEST_KW = re.compile(
    r"مظاهر|تظاهر|احتجاج|احتج|اعتصام|معتصم|إضراب|اضراب|مسيرة|مسيرات|شغب|متظاهر|محتج|مقاطعة"
)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ----------------------------------------------------------------------------- seed gold


def gold_entities(doc: dict[str, Any], clusters: dict[str, Any]) -> list[Entity]:
    return [
        Entity(
            e["start"],
            e["end"],
            e["text"],
            e["label"],
            clusters[e["cluster"]]["canonical_ar"],
            e["cluster"],
        )
        for e in doc["entities"]
        if not e.get("in_boilerplate")
    ]


def keyword_events(text: str) -> list[tuple[str, int, int]]:
    """Baseline: every word that matches the raw trigger lexicon, no context rules."""
    rules = trigger_rules()
    out = []
    for s, _ in sentence_spans(text):
        for w in words(text, s.start, s.end):
            hits = match_first(w.norm)
            if hits:
                out.append((rules[hits[0][0]].category, w.start, w.end))
    return out


def _inside(spans: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def score_events(
    gold: dict[str, Any], predict: Callable[[str, dict[str, Any]], list[tuple[str, int, int, Any]]]
) -> dict[str, float]:
    clusters = gold["clusters"]
    canon = {v["canonical_ar"]: k for k, v in clusters.items()}
    tp = fp = fn = 0
    actor_ok = actor_n = 0
    for doc in gold["documents"]:
        text = (ROOT / "seeds" / doc["file"]).read_text(encoding="utf-8")
        bps = [(b["start"], b["end"]) for b in doc["boilerplate"]]
        preds = [p for p in predict(text, doc) if not _inside(bps, p[1], p[2])]
        used: set[int] = set()
        for typ, s, e, actors in preds:
            m = next(
                (
                    k
                    for k, g in enumerate(doc["events"])
                    if k not in used
                    and g["type"] == typ
                    and g["trigger"]["start"] < e
                    and s < g["trigger"]["end"]
                ),
                None,
            )
            if m is None:
                fp += 1
                continue
            used.add(m)
            tp += 1
            if actors is not None:
                ids = {a.entity_id or canon.get(a.canonical or "", a.canonical) for a in actors}
                gold_ids = set(doc["events"][m]["actor"])
                actor_n += 1
                actor_ok += bool(ids & gold_ids) or (not ids and not gold_ids)
        fn += len(doc["events"]) - len(used)
    p, r, f = prf(tp, fp, fn)
    return {"P": p, "R": r, "F1": f, "actor": actor_ok / actor_n if actor_n else float("nan")}


def ev_tuples(events: Sequence[Event]) -> list[tuple[str, int, int, Any]]:
    return [(e.type, e.trigger.start, e.trigger.end, e.actor) for e in events]


def score_quotes(gold: dict[str, Any], baseline: bool = False) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for doc in gold["documents"]:
        text = (ROOT / "seeds" / doc["file"]).read_text(encoding="utf-8")
        bps = [(b["start"], b["end"]) for b in doc["boilerplate"]]
        if baseline:
            cues = [(c.start, c.end) for c in _cue_words(text)]
        else:
            qs = extract_quotes(text, entities=gold_entities(doc, gold["clusters"]))
            cues = [(q.cue.start, q.cue.end) for q in qs]
        cues = [c for c in cues if not _inside(bps, *c)]
        gold_cues = [(None, g["cue"]["start"], g["cue"]["end"]) for g in doc["quotes"]]
        a, b, c = event_data.match_counts(gold_cues, [(None, s, e) for s, e in cues])
        tp, fp, fn = tp + a, fp + b, fn + c
    return prf(tp, fp, fn)


def _cue_words(text: str) -> list[Any]:
    from arabnews.events.quotes import _cue_kind

    return [w for w in words(text) if _cue_kind(w) is not None]


# ----------------------------------------------------------------------------- dev set


def score_dev(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    pa, pp, right, n_true = [], [], 0, 0
    for r in records:
        ev = extract_events(r["text"], entities=())
        a = [e for e in ev if e.type == "ASSAULT" and e.modality == "asserted"]
        pa.append(bool(a))
        pp.append(any(e.type == "PROTEST" and e.modality == "asserted" for e in ev))
        if r["assault"]:
            n_true += 1
            marks = r["assault_trigger"]
            right += any(any(m in e.trigger.text or e.trigger.text in m for m in marks) for e in a)
    for name, pred, kw, key in (
        ("ASSAULT", pa, ASSAULT_KW, "assault"),
        ("PROTEST", pp, PROTEST_KW, "protest"),
    ):
        gold = [bool(r[key]) for r in records]
        base = [bool(kw.search(r["text"])) for r in records]
        out[name] = (_sent_prf(pred, gold), _sent_prf(base, gold), sum(gold))
    out["trigger_right"] = (right, n_true)
    return out


def _sent_prf(pred: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    return prf(tp, fp, fn)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ----------------------------------------------------------------------------- gsr_dev, news


sys.path.insert(0, str(ROOT / "training" / "events"))
import event_data  # noqa: E402  (the labelled sets and their split, shared with the training)


@functools.cache
def _held_out_texts() -> frozenset[str]:
    return frozenset(r.text for r in event_data.load() if r.holdout)


def _news_layout(recs: Sequence[dict[str, Any]]) -> bool:
    """Whether a labelled set lists every event of each sentence (``events``), as the news sets
    do, rather than sentence labels (``assault``, ``protest``), as the dev set does."""
    return bool(recs) and all("events" in r for r in recs)


def held_out(text: str) -> bool:
    """A sentence of the held-out document groups, never fitted nor selected on
    (``training/events/event_data.py``)."""
    return text in _held_out_texts()


def gsr_records() -> list[dict[str, Any]]:
    """gsr_dev sentences (``ambiguous`` left out) with their label, the words any coder marked
    as the verb and the words of the annotated verb (the strict trigger measure)."""
    out = []
    for rec in event_data.load(("gsr",)):
        ((cat, gold),) = rec.sentence.items()
        out.append(
            {
                "cat": cat,
                "text": rec.text,
                "gold": gold,
                "marks": list(rec.marks.get(cat, ())),
                "verbs": list(rec.verbs.get(cat, ())),
            }
        )
    return out


def score_gsr(recs: Sequence[dict[str, Any]], threshold: float | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    preds = [extract_events(r["text"], entities=(), threshold=threshold) for r in recs]
    for cat, kw in (("ASSAULT", ASSAULT_KW), ("PROTEST", PROTEST_KW)):
        sel = [(r, p) for r, p in zip(recs, preds, strict=True) if r["cat"] == cat]
        gold = [r["gold"] for r, _ in sel]
        pred = [any(e.type == cat and e.modality == "asserted" for e in p) for _, p in sel]
        out[cat] = (
            _sent_prf(pred, gold),
            _sent_prf([bool(kw.search(r["text"])) for r, _ in sel], gold),
            sum(gold),
        )
    right = n = 0
    for r, p in zip(recs, preds, strict=True):
        if r["cat"] == "ASSAULT" and r["gold"] and r["marks"]:
            n += 1
            right += any(
                e.type == "ASSAULT"
                and e.modality == "asserted"
                and any(m in e.trigger.text or e.trigger.text in m for m in r["marks"])
                for e in p
            )
    out["trigger"] = (right, n)
    right = n = 0
    for r, p in zip(recs, preds, strict=True):
        if r["cat"] == "ASSAULT" and r["gold"] and r["verbs"]:
            n += 1
            right += any(
                e.type == "ASSAULT"
                and e.modality == "asserted"
                and event_data.strict_word(r["text"], e.trigger.start, e.trigger.end, r["verbs"])
                for e in p
            )
    out["trigger_strict"] = (right, n)
    return out


def score_news(
    recs: Sequence[dict[str, Any]], threshold: float | None
) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for r in recs:
        gold = [(g["type"], g["start"], g["end"]) for g in r["events"]]
        pred = [
            (e.type, e.trigger.start, e.trigger.end)
            for e in extract_events(r["text"], entities=(), threshold=threshold)
        ]
        a, b, c = event_data.match_counts(gold, pred)
        tp, fp, fn = tp + a, fp + b, fn + c
    return prf(tp, fp, fn)


def _local_parts(recs: Sequence[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The parts of a local set to score: a set whose rows carry ``split`` (the paragraph set,
    ``sample_snn_paragraphs.py``) is scored on its ``dev`` part, and on its ``confirm`` part only
    with ``--confirm`` (read once, at the end of a session); any other set whole."""
    if not any("split" in r for r in recs):
        return [("all", list(recs))]
    parts = ["dev", "confirm"] if "--confirm" in sys.argv else ["dev"]
    return [(part, [r for r in recs if r.get("split") == part]) for part in parts]


def score_curve(recs: Sequence[dict[str, Any]]) -> list[tuple[float, tuple[float, float, float]]]:
    """ASSAULT sentence P/R/F1 when only events scoring at least t count."""
    sel = [r for r in recs if r["cat"] == "ASSAULT"]
    scores = [
        max(
            (
                e.score
                for e in extract_events(r["text"], entities=(), threshold=0.0)
                if e.type == "ASSAULT" and e.modality == "asserted"
            ),
            default=-1.0,
        )
        for r in sel
    ]
    gold = [r["gold"] for r in sel]
    return [
        (t, _sent_prf([s >= t for s in scores], gold))
        for t in (0.0, 0.1, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8)
    ]


def score_docs(
    recs: Sequence[dict[str, Any]], docs_events: Sequence[Sequence[Event]]
) -> dict[str, float]:
    """Repeated mentions in whole articles (``events_docs.jsonl``): each predicted event is matched
    to a gold mention of its type whose trigger overlaps (one-to-one, text order); over the
    matched mentions of one type in one article, a pair is linked when both refer to the same
    head (``refers_to``, else its own trigger) and is one event when gold gives them one cluster.
    Returns link precision / recall over such pairs, and the count error: the sum over articles
    and types of |heads - gold clusters| among matched mentions, over the gold clusters; the
    ``*_none`` figures are those of counting every mention as an event of its own."""
    tp = pred = gold_pairs = 0
    err = err_none = n_clusters = 0
    for rec, evs in zip(recs, docs_events, strict=True):
        free = list(rec["events"])
        matched: list[tuple[Event, str]] = []
        for e in sorted(evs, key=lambda e: e.trigger.start):
            g = next(
                (
                    g
                    for g in free
                    if g["type"] == e.type
                    and g["start"] < e.trigger.end
                    and e.trigger.start < g["end"]
                ),
                None,
            )
            if g is not None:
                free.remove(g)
                matched.append((e, g["cluster"]))
        for cat in {e.type for e, _ in matched}:
            group = [(e, c) for e, c in matched if e.type == cat]
            heads = [(e.refers_to or e.trigger).start for e, _ in group]
            for (i, (_, ci)), (j, (_, cj)) in itertools.combinations(enumerate(group), 2):
                same, linked = ci == cj, heads[i] == heads[j]
                gold_pairs += same
                pred += linked
                tp += same and linked
            clusters = len({c for _, c in group})
            n_clusters += clusters
            err += abs(len(set(heads)) - clusters)
            err_none += len(group) - clusters
    return {
        "P": tp / pred if pred else 0.0,
        "R": tp / gold_pairs if gold_pairs else 0.0,
        "pairs": float(gold_pairs),
        "linked": float(pred),
        "err": err / max(1, n_clusters),
        "err_none": err_none / max(1, n_clusters),
        "clusters": float(n_clusters),
    }


def scaling(large: bool) -> list[tuple[str, str, str]]:
    """Seconds per MB of extract_events at growing sizes (news text, one unpunctuated line)."""
    base = WIKINEWS.read_text(encoding="utf-8") if WIKINEWS.is_file() else None
    if base is None:
        base = "\n".join(r["text"] for r in _read_jsonl(NEWS))
    flat = re.sub(r"[.!?؟،,;:\n\"«»()]+", " ", base)
    sizes = [100_000, 1_000_000] + ([10_000_000] if large else [])
    rows = []
    for name, unit in (("news text", base), ("one unpunctuated line", flat)):
        per_mb = []
        for n in sizes:
            text = (unit * (n // len(unit) + 1))[:n]
            start = time.process_time()
            extract_events(text, entities=())
            per_mb.append((time.process_time() - start) / (n / 1_000_000))
        ratios = " ".join(f"x{b / a:.2f}" for a, b in itertools.pairwise(per_mb))
        shown = ", ".join(f"{n // 1000} KB {v:.1f}" for n, v in zip(sizes, per_mb, strict=True))
        rows.append((f"scaling, {name}: s/MB ({shown})", f"growth {ratios}", "-"))
    return rows


_COLD = """
import sys, time
from arabnews.events import extract_events
from arabnews.pipeline import WARM_UP_TEXT
texts = [t for f in sys.argv[1:] for t in open(f, encoding="utf-8").read().split("\\n\\n")]
texts = [t for t in texts if t.strip()]
extract_events(WARM_UP_TEXT, entities=())  # the tables and the model, loaded once
start = time.process_time()
for t in texts:
    extract_events(t, entities=())
secs = time.process_time() - start
print(len(texts), len(texts) / secs, sum(map(len, texts)) / secs)
"""


def cold_speed() -> list[tuple[str, str, str]]:
    """Articles per second over Wikinews articles read once each, in a fresh process: most of
    a new text's word forms are then met for the first time (the per-form caches are empty),
    unlike the seeds read ten times over."""
    import subprocess

    files = [SHARED / "data" / "news" / f"wikinews_{y}_plain.txt" for y in (2014, 2024)]
    files = [f for f in files if f.is_file()]
    if not files:
        return []
    out = subprocess.run(
        [sys.executable, "-c", _COLD, *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    n, rate, chars = int(out[0]), float(out[1]), float(out[2])
    return [
        (
            f"speed, events, {n} Wikinews articles read once (fresh process), one core",
            f"{rate:.0f} articles/s ({chars / 1000:.0f}k chars/s)",
            "-",
        )
    ]


# ----------------------------------------------------------------------------- main


def main() -> int:
    rows: list[tuple[str, str, str]] = []
    gold_path = SHARED / "gold" / "seeds_gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.is_file() else None
    if gold is not None:
        clusters = gold["clusters"]
        ours = score_events(
            gold, lambda t, d: ev_tuples(extract_events(t, entities=gold_entities(d, clusters)))
        )
        base = score_events(gold, lambda t, d: [(c, s, e, None) for c, s, e in keyword_events(t)])
        rows.append(
            (
                "seed events F1, gold entities (target >= 0.60)",
                f"{ours['F1']:.3f} (P {ours['P']:.3f} R {ours['R']:.3f})",
                f"{base['F1']:.3f} (P {base['P']:.3f} R {base['R']:.3f})",
            )
        )
        rows.append(
            ("seed actor accuracy on matched events, gold entities", f"{ours['actor']:.3f}", "-")
        )
        rec = score_events(gold, lambda t, d: ev_tuples(extract_events(t)))
        rows.append(
            (
                "seed events F1, entities from arabnews.ner (whatever is installed)",
                f"{rec['F1']:.3f} (P {rec['P']:.3f} R {rec['R']:.3f})",
                "-",
            )
        )
        rows.append(("seed actor accuracy, recogniser entities", f"{rec['actor']:.3f}", "-"))
        q, qb = score_quotes(gold), score_quotes(gold, baseline=True)
        rows.append(
            (
                "seed quotes F1 (overlapping cue; target >= 0.75)",
                f"{q[2]:.3f} (P {q[0]:.3f} R {q[1]:.3f})",
                f"{qb[2]:.3f} (P {qb[0]:.3f} R {qb[1]:.3f})",
            )
        )
    else:
        rows.append(("seed gold", "skipped: ../shared not present", "-"))
    local = [(p, _read_jsonl(p)) for p in sorted(LOCAL.glob("events_*.jsonl"))]
    # local sets in the news layout (every event of a sentence, ``events``) are scored as news
    # below; those in the dev layout (sentence labels) here
    local_news = [
        (f"local:{p.stem}", part, sel)
        for p, recs in local
        if _news_layout(recs)
        for part, sel in _local_parts(recs)
    ]
    dev_sets = [("dev", _read_jsonl(DEV) if DEV.is_file() else [])] + [
        (f"local:{p.stem}", recs) for p, recs in local if not _news_layout(recs)
    ]
    for name, recs in dev_sets:
        if not recs:
            continue
        res = score_dev(recs)
        for cat in ("ASSAULT", "PROTEST"):
            (p, r, f), (bp, br, bf), npos = res[cat]
            rows.append(
                (
                    f"{name} {cat} sentence P/R/F1 ({len(recs)} sents, {npos} pos)",
                    f"{p:.3f} / {r:.3f} / {f:.3f}",
                    f"{bp:.3f} / {br:.3f} / {bf:.3f}",
                )
            )
        right, n_true = res["trigger_right"]
        rows.append(
            (
                f"{name} ASSAULT trigger on right word",
                f"{right}/{n_true} = {right / max(1, n_true):.3f}",
                "-",
            )
        )
    if GSR.is_file() or GSR.is_dir():
        recs = gsr_records()
        for part, sel in (
            ("held-out groups", [r for r in recs if held_out(r["text"])]),
            ("whole share, partly fitted", recs),
        ):
            default, every = score_gsr(sel, None), score_gsr(sel, 0.0)
            for cat in ("ASSAULT", "PROTEST"):
                (p, r, f), (bp, br, bf), npos = default[cat]
                cp, cr, cf = every[cat][0]
                rows.append(
                    (
                        f"gsr_dev {part} {cat} P/R/F1 ({npos} pos); candidates in []",
                        f"{p:.3f} / {r:.3f} / {f:.3f} [{cp:.3f} / {cr:.3f} / {cf:.3f}]",
                        f"{bp:.3f} / {br:.3f} / {bf:.3f}",
                    )
                )
            for key, what in (
                ("trigger", "a coder's verb"),
                ("trigger_strict", "the annotated verb"),
            ):
                right, n_true = default[key]
                rows.append(
                    (
                        f"gsr_dev {part} ASSAULT trigger on {what}",
                        f"{right}/{n_true} = {right / max(1, n_true):.3f}",
                        "-",
                    )
                )
        for t, (p, r, f) in score_curve([r for r in recs if held_out(r["text"])]):
            rows.append(
                (
                    f"gsr_dev held-out ASSAULT, events with score >= {t:.2f}",
                    f"P {p:.3f} R {r:.3f} F1 {f:.3f}",
                    "-",
                )
            )
    else:
        rows.append(("gsr_dev", "skipped: ../shared not present", "-"))
    news = _read_jsonl(NEWS)
    news2 = _read_jsonl(NEWS2)
    for name, part, sel in (
        ("news", "held-out groups", [r for r in news if held_out(r["text"])]),
        ("news", "all", news),
        ("news2", "held-out groups", [r for r in news2 if held_out(r["text"])]),
        ("news2", "all", news2),
        ("news3", "all", _read_jsonl(NEWS3)),
        ("news4", "all", _read_jsonl(NEWS4)),
        ("wiki5", "all", _read_jsonl(WIKI5)),
        ("wiki6", "all", _read_jsonl(WIKI6)),
        ("wiki7", "all", _read_jsonl(WIKI7)),
        ("wiki8", "all", _read_jsonl(WIKI8)),
        ("wiki9", "all", _read_jsonl(WIKI9)),
        ("wiki10", "all", _read_jsonl(WIKI10)),
        ("wiki11", "all", _read_jsonl(WIKI11)),
        ("wiki12", "all", _read_jsonl(WIKI12)),
        ("wiki13", "all", _read_jsonl(WIKI13)),
        ("wiki14", "all", _read_jsonl(WIKI14)),
        ("wiki15", "all", _read_jsonl(WIKI15)),
        ("wiki16", "all", _read_jsonl(WIKI16)),
        *local_news,
    ):
        if not sel:
            continue
        p, r, f = score_news(sel, None)
        cp, cr, cf = score_news(sel, 0.0)
        rows.append(
            (
                f"{name} {part} event F1 type+trigger ({len(sel)} sents); candidates in []",
                f"{f:.3f} (P {p:.3f} R {r:.3f}) [{cf:.3f}]",
                "-",
            )
        )
    docs = _read_jsonl(DOCS) if DOCS.is_file() else []
    for part in ("dev", "confirm") if "--confirm" in sys.argv else ("dev",):
        sel = [r for r in docs if r["split"] == part]
        if not sel:
            continue
        got = score_docs(sel, [analyze(r["text"]).events for r in sel])
        rows.append(
            (
                f"docs {part}: repeated mentions linked P / R ({got['pairs']:.0f} gold pairs)",
                f"{got['P']:.3f} / {got['R']:.3f} ({got['linked']:.0f} linked)",
                "- / 0.000 (none linked)",
            )
        )
        rows.append(
            (
                f"docs {part}: count error, |heads - events| / events ({got['clusters']:.0f})",
                f"{got['err']:.3f}",
                f"{got['err_none']:.3f} (every mention counted)",
            )
        )
    rows.extend(scaling("--large" in sys.argv))
    # speed: seed-sized articles with their entities given (gold when available, else none)
    texts = [
        (p.read_text(encoding="utf-8"), p.name) for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    ents: dict[str, list[Entity]] = {}
    if gold is not None:
        ents = {d["file"]: gold_entities(d, gold["clusters"]) for d in gold["documents"]}
    for t, name in texts:  # warm the lazy loaders once
        extract_events(t, entities=ents.get(name, ()))
    # CPU time of this process (one core), so that other load on the machine does not count.
    reps = 10
    start = time.process_time()
    for _ in range(reps):
        for t, name in texts:
            extract_events(t, entities=ents.get(name, ()))
    ev_rate = reps * len(texts) / (time.process_time() - start)
    start = time.process_time()
    for _ in range(reps):
        for t, name in texts:
            extract_events(t, entities=ents.get(name, ()))
            extract_quotes(t, entities=ents.get(name, ()))
    both_rate = reps * len(texts) / (time.process_time() - start)
    tracemalloc.start()
    for t, name in texts:
        extract_events(t, entities=ents.get(name, ()))
        extract_quotes(t, entities=ents.get(name, ()))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows.append(
        (
            "speed, events given entities, one core (target >= 100/s)",
            f"{ev_rate:.0f} articles/s",
            "-",
        )
    )
    rows.append(
        ("speed, events + quotes given entities, one core", f"{both_rate:.0f} articles/s", "-")
    )
    rows.append(("peak traced memory, one pass over the seeds", f"{peak / 2**20:.1f} MiB", "-"))
    rows.extend(cold_speed())
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'arabnews.events':<32}  keyword baseline")
    print("-" * (width + 60))
    for label, ours_s, base_s in rows:
        print(f"{label:<{width}}  {ours_s:<32}  {base_s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
