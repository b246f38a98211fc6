"""Benchmark of arabnews.ner: seed-gold F1 per type, dev-split F1, speed and memory.

Run: ``python benchmarks/bench_ner.py`` (``--threads N`` for torch, default 1 = one core;
``--docs N`` documents for the speed run; ``--model-dir DIR`` another model folder with a
``manifest.json``). Needs stanza and the shipped model for the model
rows and ``../shared`` for the gold; what is missing is reported as skipped.

Tables:

1. Seed gold entities outside boilerplate, exact span and label (target F1 >= 0.80), for
   the gazetteer alone (baseline), the model alone without and with the clean-up of spans
   (proclitics, titles, adjectives), and the combination (what ``arabnews.recognize`` runs).
   All rows go through ``arabnews.recognize`` (cleaning, sentences, offsets mapped back). The
   gazetteer was written with the seed annotation in view: its rows are optimistic.
2. The model on the trainer's development split (``training/ner/work/dev.conll``, gold
   tokens), conlleval-style exact entity P/R/F1 per type (target F1 >= 0.78). Nothing is
   retrained; the file is only read.
3. Speed in tokens/s on ``--threads`` torch threads (target >= 3,000 on one core) for the
   model alone (one batched call over all sentences) and for ``recognize`` per document;
   peak RSS with the model loaded (target <= 1 GB); whether ``import arabnews`` loads torch.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ("PER", "LOC", "ORG", "MISC")

Key = tuple[int, int, str]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: Iterable[Key], pred: Iterable[Key]) -> dict[str, tuple[float, float, float, int]]:
    """Exact-match P/R/F1 (and gold count) per label and overall."""
    g, p = Counter(gold), Counter(pred)
    out = {}
    for label in (*LABELS, "ALL"):

        def keep(k: Key, label: str = label) -> bool:
            return label == "ALL" or k[2] == label

        gl = Counter({k: n for k, n in g.items() if keep(k)})
        pl = Counter({k: n for k, n in p.items() if keep(k)})
        tp = sum((gl & pl).values())
        out[label] = (*prf(tp, sum(pl.values()) - tp, sum(gl.values()) - tp), sum(gl.values()))
    return out


def rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


# ------------------------------------------------------------------------ seed gold


def seed_documents(shared: Path) -> list[tuple[str, list[Key]]] | None:
    path = shared / "gold" / "seeds_gold.json"
    if not path.is_file():
        return None
    gold = json.loads(path.read_text(encoding="utf-8"))
    docs = []
    for doc in gold["documents"]:
        text = (ROOT / "seeds" / doc["file"]).read_text(encoding="utf-8")
        keys = [
            (e["start"], e["end"], e["label"]) for e in doc["entities"] if not e["in_boilerplate"]
        ]
        docs.append((text, keys))
    return docs


def seed_table(docs: Sequence[tuple[str, list[Key]]], systems: dict[str, Any]) -> list[str]:
    from arabnews.ner import api, recognize

    lines = [
        "Seed gold entities outside boilerplate (exact span + label), F1 per type:",
        f"{'system':<30}" + "".join(f"{lab:>7}" for lab in LABELS) + f"{'P':>7}{'R':>7}{'F1':>7}",
    ]
    for name, (rec, trim) in systems.items():
        gold: list[Key] = []
        pred: list[Key] = []
        saved = api.refine_entities
        if not trim:
            api.refine_entities = lambda ents, **_: tuple(ents)  # type: ignore[assignment]
        try:
            for i, (text, keys) in enumerate(docs):
                gold += [(i, *k) for k in keys]  # type: ignore[misc]
                pred += [(i, e.start, e.end, e.label) for e in recognize(text, recognizer=rec)]  # type: ignore[misc]
        finally:
            api.refine_entities = saved
        gold4 = [(k[0] * 10**9 + k[1], k[2], k[3]) for k in gold]  # type: ignore[misc]
        pred4 = [(k[0] * 10**9 + k[1], k[2], k[3]) for k in pred]  # type: ignore[misc]
        table = score(gold4, pred4)
        p, r, f, _ = table["ALL"]
        cells = "".join(f"{table[lab][2]:7.3f}" for lab in LABELS)
        lines.append(f"{name:<30}{cells}{p:7.3f}{r:7.3f}{f:7.3f}")
    n_gold = sum(len(k) for _, k in docs)
    lines.append(f"({n_gold} gold entities in {len(docs)} seed pages; target F1 >= 0.80)")
    return lines


# ------------------------------------------------------------------------ dev split


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        parts = line.split()
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        sentences.append((words, tags))
    return sentences


def entity_keys(sentences: Sequence[Sequence[str]]) -> list[Key]:
    from arabnews.ner import bioes_spans
    from arabnews.ner.base import canonical_label

    keys = []
    for i, tags in enumerate(sentences):
        for first, last, kind in bioes_spans(tags):
            keys.append((i * 10**6 + first, last, canonical_label(kind) or kind))
    return keys


def dev_table(rec: Any, path: Path) -> list[str]:
    data = read_conll(path)
    predicted = rec.tag_tokens([w for w, _ in data])
    table = score(entity_keys([t for _, t in data]), entity_keys(predicted))
    lines = [
        f"Model on the development split (training/ner/work/{path.name}, gold tokens), "
        "conlleval-style:",
        f"{'type':<8}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}",
    ]
    for label in (*LABELS, "ALL"):
        p, r, f, n = table[label]
        lines.append(f"{label:<8}{p:7.3f}{r:7.3f}{f:7.3f}{n:7d}")
    lines.append("(target F1 >= 0.78)")
    return lines


# ---------------------------------------------------------------------------- speed


def speed_texts(shared: Path, limit: int) -> list[str]:
    """News paragraphs (Wikinews, CC BY 2.5) or, without ../shared, the seed pages."""
    texts: list[str] = []
    for name in ("wikinews_2024_plain.txt", "wikinews_2014_plain.txt"):
        path = shared / "data" / "news" / name
        if path.is_file():
            block: list[str] = []
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    block.append(line)
                elif block:
                    texts.append("\n".join(block))
                    block = []
            if block:
                texts.append("\n".join(block))
    if not texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts[:limit]


def timed(func: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


def speed_lines(texts: list[str], model: Any, combined: Any, gazetteer: Any) -> list[str]:
    from arabnews.ner import recognize
    from arabnews.ner.base import sentence_spans
    from arabnews.tokens import tokenize

    spans = [sentence_spans(t, None) for t in texts]
    n_tokens = sum(
        sum(1 for tok in tokenize(t, s.start, s.end) if tok.text.strip())
        for t, ss in zip(texts, spans, strict=True)
        for s in ss
    )
    lines = [f"Speed over {len(texts)} news texts, {n_tokens} tokens:"]
    rows: list[tuple[str, Callable[[], object]]] = [
        (
            "gazetteer recognize() (baseline)",
            lambda: [recognize(t, recognizer=gazetteer) for t in texts],
        )
    ]
    if model is not None:
        model.recognize_many(texts[:2], spans[:2])  # warm up
        rows += [
            ("model, one batched call", lambda: model.recognize_many(texts, spans)),
            (
                "recognize() per text, combined",
                lambda: [recognize(t, recognizer=combined) for t in texts],
            ),
        ]
    lines.append(f"  {'':<34}{'per CPU-second':>16}{'per wall-second':>17}")
    for name, func in rows:
        wall, cpu = timed(func)
        lines.append(f"  {name:<34}{n_tokens / cpu:16.0f}{n_tokens / wall:17.0f}")
    lines.append(
        "  (target >= 3,000 tokens/s on one core; CPU-seconds discount other processes on a "
        "shared machine, wall-seconds include them)"
    )
    return lines


def import_check() -> str:
    code = (
        "import sys, arabnews, arabnews.ner; print(sorted({'torch','stanza'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return f"import arabnews, arabnews.ner loads: {out.stdout.strip() or '[]'} (expected [])"


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1 = one core)")
    parser.add_argument("--docs", type=int, default=120, help="texts in the speed run")
    parser.add_argument(
        "--model-dir", type=Path, default=None, help="a model folder other than the shipped one"
    )
    args = parser.parse_args(argv)

    from arabnews.errors import ModelNotAvailableError
    from arabnews.ner import CombinedRecognizer, GazetteerRecognizer, StanzaRecognizer

    print(import_check())
    gazetteer = GazetteerRecognizer()
    model: StanzaRecognizer | None = None
    try:
        import torch

        torch.set_num_threads(args.threads)
        start = time.perf_counter()
        model = StanzaRecognizer(args.model_dir).load()
        files = model.files
        size = (
            sum(p.stat().st_size for p in (files.model, files.pretrain) if p is not None)
            if files
            else 0
        )
        print(
            f"model: {files.model.name if files else '?'} + vectors, {size / 1e6:.1f} MB, "
            f"loaded in {time.perf_counter() - start:.1f} s; "
            f"torch threads = {torch.get_num_threads()}"
        )
    except (ImportError, ModelNotAvailableError) as exc:
        print(f"model rows skipped: {exc}")
        model = None
    combined = CombinedRecognizer(model, gazetteer) if model is not None else None

    docs = seed_documents(args.shared)
    print()
    if docs is None:
        print("seed gold skipped: ../shared/gold/seeds_gold.json not found")
    else:
        systems: dict[str, Any] = {"gazetteer only (baseline)": (gazetteer, True)}
        if model is not None:
            systems["model only, raw spans"] = (model, False)
            systems["model only"] = (model, True)
            systems["model + gazetteer (default)"] = (combined, True)
        print("\n".join(seed_table(docs, systems)))

    print()
    dev = ROOT / "training" / "ner" / "work" / "dev.conll"
    if model is None or not dev.is_file():
        print("dev split skipped: " + ("no model" if model is None else f"{dev} not found"))
    else:
        print("\n".join(dev_table(model, dev)))

    print()
    texts = speed_texts(args.shared, args.docs)
    print("\n".join(speed_lines(texts, model, combined, gazetteer)))
    print(f"peak RSS: {rss_mb():.0f} MB (target <= 1024 MB with the model loaded)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
