"""Where ``arabnews.recognize`` gains or loses entities against the model's own tags (dev only).

Run: ``python training/ner/error_analysis.py [--split dev] [--examples 8] [--model-dir DIR]``.

For each sentence of the split (gold tokens joined with spaces, one sentence per call, as
``benchmarks/bench_ner.py`` does) it keeps the entities of every stage of ``recognize``:

* ``tags``: the model's tags on the gold tokens (what the trainer scores);
* ``model``: the model on our own tokenisation of the cleaned text (``StanzaRecognizer``);
* ``combined``: model + gazetteer (``CombinedRecognizer``: same span, split, absorb, fill);
* ``final``: after ``refine_entities`` and the mapping back (= ``recognize``).

Each gold entity gets a status per stage (exact, clitic = exact up to a leading proclitic of the
gold, type = same span but another label, overlap, missing); each stage's extra predictions are
counted by kind. The transitions between stages (e.g. ``model exact -> final overlap``) are the
buckets of what the clean-up loses or adds, printed with examples. Only for the dev split: the
confirm split is scored once, by ``benchmarks/bench_ner.py``, never analysed.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

import bench_ner as bn  # noqa: E402

Key = tuple[int, int, int, str]


def status(g: Key, pred: set[Key], text: str) -> str:
    """How a gold entity fares in one stage's predictions."""
    if g in pred:
        return "exact"
    sent, start, end, label = g
    for p in pred:
        if p[0] != sent or p[3] != label or p[2] != end:
            continue
        if start < p[1] <= start + 2 and set(text[start : p[1]]) <= set(bn.PROCLITICS):
            return "clitic"
    same = [p for p in pred if p[0] == sent and (p[1], p[2]) == (start, end)]
    if same:
        return "type"
    over = [p for p in pred if p[0] == sent and p[1] < end and start < p[2]]
    if over:
        return "overlap"
    return "missing"


def stages(data: list[bn.Sentence], model: Any, gazetteer: Any) -> dict[str, list[Key]]:
    from arabnews.clean import clean
    from arabnews.ner import refine_entities
    from arabnews.ner.combine import merge_entities
    from arabnews.sentences import split_sentences
    from arabnews.spans import Span

    out: dict[str, list[Key]] = {"tags": [], "model": [], "combined": [], "final": []}
    tagged = model.tag_tokens([w for w, _ in data])
    for i, ((words, _), tags) in enumerate(zip(data, tagged, strict=True)):
        out["tags"] += bn.char_keys(i, words, tags)
        text = " ".join(words)
        cleaned = clean(text)
        spans = tuple(
            Span(s.start, s.end) for s in split_sentences(cleaned.text) if s.end > s.start
        )
        raw = model.recognize(cleaned.text, spans)
        gaz = gazetteer.recognize(cleaned.text, spans)
        comb = merge_entities([raw, gaz])
        fin = refine_entities(comb, gazetteer=gazetteer, text=cleaned.text)
        for name, ents in (("model", raw), ("combined", comb), ("final", fin)):
            for e in ents:
                span = cleaned.span_to_original(Span(e.start, e.end))
                out[name].append((i, span.start, span.end, e.label))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev"])
    ap.add_argument("--examples", type=int, default=6)
    ap.add_argument("--model-dir", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    import torch

    from arabnews.ner import GazetteerRecognizer, StanzaRecognizer

    torch.set_num_threads(1)
    data = bn.anercorp_json(ROOT / "training" / "ner" / "work" / "dev.json")[: args.limit]
    texts = [" ".join(w) for w, _ in data]
    gold = [k for i, (w, t) in enumerate(data) for k in bn.char_keys(i, w, t)]
    model = (
        StanzaRecognizer.from_dir(args.model_dir) if args.model_dir else StanzaRecognizer()
    ).load()
    found = stages(data, model, GazetteerRecognizer())
    names = list(found)
    sets = {n: set(found[n]) for n in names}
    print(f"{len(data)} sentences, {len(gold)} gold entities")
    for n in names:
        st = Counter(status(g, sets[n], texts[g[0]]) for g in gold)
        print(
            f"  {n:<9} "
            + "  ".join(f"{k} {st[k]}" for k in ("exact", "clitic", "type", "overlap", "missing"))
        )
    # transitions of each gold entity between consecutive stages
    for a, b in [*itertools.pairwise(names), ("tags", "final")]:
        moves: dict[tuple[str, str], list[Key]] = defaultdict(list)
        for g in gold:
            sa, sb = status(g, sets[a], texts[g[0]]), status(g, sets[b], texts[g[0]])
            if sa != sb:
                moves[sa, sb].append(g)
        print(f"\n{a} -> {b}: gold entities whose status changed")
        for (sa, sb), keys in sorted(moves.items(), key=lambda kv: -len(kv[1])):
            print(f"  {sa:>8} -> {sb:<8} {len(keys)}")
            for g in keys[: args.examples]:
                preds_a = [p for p in sets[a] if p[0] == g[0] and p[1] < g[2] and g[1] < p[2]]
                preds_b = [p for p in sets[b] if p[0] == g[0] and p[1] < g[2] and g[1] < p[2]]
                t = texts[g[0]]
                print(
                    f"      gold {t[g[1] : g[2]]!r}/{g[3]}  {a}: "
                    + ", ".join(f"{t[p[1] : p[2]]!r}/{p[3]}" for p in preds_a)
                    + f"  {b}: "
                    + ", ".join(f"{t[p[1] : p[2]]!r}/{p[3]}" for p in preds_b)
                )
    # the two conventions: ALL F1 (+clitic) per stage, then with the entities ANERcorp tags
    # and the news convention does not (currencies, months: "common" edge words, glued
    # proclitic allowed) left out of gold and predictions alike
    from arabnews.ner.edges import edge_word_kind

    def common(k: Key) -> bool:
        words = texts[k[0]][k[1] : k[2]].split()
        return bool(words) and all(edge_word_kind(w.lstrip("وفبلك")) == "common" for w in words)

    print("\nALL F1 exact / +clitic, and without currencies and months (both sides):")
    gold_nc = [g for g in gold if not common(g)]
    for n in names:
        full = bn.score(gold, found[n], bn.LABELS, texts)["ALL"]
        part = bn.score(gold_nc, [p for p in found[n] if not common(p)], bn.LABELS, texts)["ALL"]
        print(
            f"  {n:<9} {full[2]:.3f} / {full[4]:.3f}   without: {part[2]:.3f} / {part[4]:.3f}"
            f"  (gold {len(gold)} / {len(gold_nc)})"
        )
    # predictions that match no gold entity at all (false positives), per stage
    gold_spans = {(g[0], g[1], g[2]) for g in gold}
    for n in names:
        extra = [
            p
            for p in sets[n]
            if not any(
                g[0] == p[0] and g[1] < p[2] and p[1] < g[2]
                for g in gold
                if (g[0], g[1], g[2]) in gold_spans
            )
        ]
        by_label = Counter(p[3] for p in extra)
        print(f"\n{n}: {len(extra)} predictions overlapping no gold entity {dict(by_label)}")
        if n == "final":
            new = [p for p in extra if p not in sets["tags"]]
            print(f"  of which not in tags: {len(new)}")
            for p in sorted(new)[: args.examples * 3]:
                t = texts[p[0]]
                print(f"      {t[p[1] : p[2]]!r}/{p[3]}   ... {t[max(0, p[1] - 30) : p[2] + 30]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
