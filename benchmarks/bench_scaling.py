"""Scaling of every public text function: time and peak memory from 10 KB to 10 MB.

Run: ``python benchmarks/bench_scaling.py [--sizes 10k,100k,1m,10m] [--stages clean,analyze]
[--kinds news,line] [--model] [--timeout 900] [--json out.json]``

Each stage runs on two kinds of input of each size (UTF-8 bytes):

* ``news``: Arabic news text (the WikiNews and FIGNEWS texts of ``../shared/data/news``,
  permissive licences; without ``../shared``, the seed pages of ``seeds/``), repeated;
* ``line``: the same words as one long line with no punctuation and no line break (the
  input that once made ``analyze`` quadratic).

Every measurement runs in a fresh interpreter: the stage is warmed up on a small text
(tables and models loaded) and on one copy of the repeated corpus (per-word caches filled, so
every size is timed in the same steady state), then timed on the input: CPU seconds of the
process (on a shared machine wall time mostly measures the neighbours), the best of up to five runs
while they take less than 3 s in all (the best wall time is in ``--json``). Peak RSS is
the process's high-water mark (``ru_maxrss``), so it includes the interpreter, the tables
and the input. The table prints seconds per MB and its growth from one size to the next; a
linear stage stays near ×1.0, the goal is at most ×1.5 per step. The ``arabnews`` row of
``analyze`` is the gazetteer pipeline (no model); ``--model`` adds the default pipeline
and ``recognize`` with the shipped Stanza model (slow on a small CPU: run the big sizes in
the background). Baseline row: ``str.split`` + ``re.finditer`` over the same text, the
cost of touching every character once in Python, for scale.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}
STAGES = (
    "baseline",
    "normalize",
    "clean",
    "split_articles",
    "split_sentences",
    "tokenize",
    "recognize_gazetteer",
    "extract_events",
    "extract_quotes",
    "analyze",
    "to_json",
    "from_dict",
    "render",
)
MODEL_STAGES = ("recognize", "analyze_model")


def corpus() -> str:
    """Permissive Arabic news text (one article per paragraph)."""
    news = SHARED / "data" / "news"
    parts: list[str] = []
    for name in ("wikinews_2024_plain.txt", "wikinews_2014_plain.txt"):
        path = news / name
        if path.exists():
            parts.append(path.read_text("utf-8"))
    fignews = news / "fignews_iaa_arabic_original.jsonl"
    if fignews.exists():
        for line in fignews.read_text("utf-8").splitlines():
            record = json.loads(line)
            parts.extend(v for k, v in record.items() if isinstance(v, str) and len(v) > 40)
    if not parts:
        parts = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return "\n\n".join(parts)


def make_input(kind: str, size: int) -> str:
    base = corpus()
    if kind == "line":
        base = " ".join(re.sub(r"[^\w\s]+", " ", base).split())
    sep = " " if kind == "line" else "\n\n"
    chunks = []
    total = 0
    while total < size:
        chunks.append(base)
        total += len(base.encode("utf-8")) + 1
    text = sep.join(chunks)
    # cut to the size in UTF-8 bytes (at a character boundary)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def _stage(name: str) -> tuple[Callable[[str], Any], Callable[[Any], Any]]:
    """(setup, run): setup(text) prepares the argument (untimed), run(arg) is timed."""
    import arabnews
    from arabnews import GazetteerRecognizer, Pipeline

    def same(text: str) -> Any:
        return text

    if name == "baseline":
        word = re.compile(r"\w+")
        return same, lambda t: (t.split(), sum(1 for _ in word.finditer(t)))
    if name == "normalize":
        return same, arabnews.normalize
    if name == "clean":
        return same, arabnews.clean
    if name == "split_articles":
        return same, arabnews.split_articles
    if name == "split_sentences":
        return same, arabnews.split_sentences
    if name == "tokenize":
        return same, arabnews.tokenize
    gazetteer = GazetteerRecognizer()
    if name == "recognize_gazetteer":
        return same, gazetteer.recognize
    if name == "recognize":
        return same, arabnews.recognize
    if name in ("extract_events", "extract_quotes"):
        fn = getattr(arabnews, name)
        return (lambda t: (t, gazetteer.recognize(t))), lambda a: fn(a[0], entities=a[1])
    pipeline = Pipeline(ner="gazetteer", names="document")
    if name == "analyze":
        return same, pipeline.analyze
    if name == "analyze_model":
        return same, Pipeline(names="document").analyze
    if name == "to_json":
        return pipeline.analyze, lambda doc: doc.to_json()
    if name == "from_dict":
        return (lambda t: pipeline.analyze(t).to_dict()), arabnews.Document.from_dict
    if name == "render":
        return pipeline.analyze, arabnews.render
    raise SystemExit(f"unknown stage {name!r}")


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def measure_one(stage: str, kind: str, size: int) -> dict[str, Any]:
    """Run in a fresh interpreter (see ``--one``)."""
    setup, run = _stage(stage)
    run(setup(make_input(kind, 3000)))  # warm: tables, models, regexes
    # Warm the per-word-form caches too (lexicon look-ups, normalisation): the input repeats
    # one corpus, so one untimed pass over (at most) one copy of it sees every word form.
    # Otherwise the small sizes are timed warm (best of several runs) and the large ones
    # cold (one run), and a one-off cost reads as super-linear growth.
    run(setup(make_input(kind, min(size, len(corpus().encode("utf-8"))))))
    text = make_input(kind, size)
    arg = setup(text)
    before = _rss_mb()
    # the best of a few runs (up to five, while they take less than 3 s in all): on a
    # shared machine single runs of fast stages are mostly noise
    seconds = float("inf")
    spent = 0.0
    wall = float("inf")
    for _ in range(5):
        start, cpu_start = time.perf_counter(), time.process_time()
        run(arg)
        took = time.process_time() - cpu_start
        wall = min(wall, time.perf_counter() - start)
        seconds = min(seconds, took)
        spent += took
        if spent >= 3.0:
            break
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"seconds": seconds, "wall": wall, "peak_mb": peak, "before_mb": before}


def run_measurement(stage: str, kind: str, label: str, timeout: float) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--one", stage, kind, label]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout > {timeout:.0f} s"}
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": tail[:80]}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1m,10m")
    parser.add_argument("--stages", default=",".join(STAGES))
    parser.add_argument("--kinds", default="news,line")
    parser.add_argument("--model", action="store_true", help="add the Stanza-model stages")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per measurement")
    parser.add_argument("--json", help="also write the measurements here")
    parser.add_argument("--one", nargs=3, metavar=("STAGE", "KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        stage, kind, label = args.one
        print(json.dumps(measure_one(stage, kind, SIZES[label])))
        return 0
    labels = args.sizes.split(",")
    for label in labels:
        if label not in SIZES:
            parser.error(f"unknown size {label!r} (choose from {', '.join(SIZES)})")
    stages = [s for s in args.stages.split(",") if s]
    if args.model:
        stages += [s for s in MODEL_STAGES if s not in stages]
    kinds = args.kinds.split(",")
    rows: list[dict[str, Any]] = []
    header = (
        f"{'stage':21} {'input':5} {'size':>5} {'seconds':>9} {'s/MB':>8} "
        f"{'growth':>7} {'peak RSS MB':>11} {'RSS before':>10}"
    )
    print(header)
    print("-" * len(header))
    flagged = []
    for stage in stages:
        for kind in kinds:
            previous: float | None = None
            for label in labels:
                size = SIZES[label]
                result = run_measurement(stage, kind, label, args.timeout)
                row = {"stage": stage, "kind": kind, "size": label, **result}
                rows.append(row)
                if "error" in result:
                    print(f"{stage:21} {kind:5} {label:>5} {result['error']}", flush=True)
                    previous = None
                    continue
                per_mb = result["seconds"] / (size / 1e6)
                growth = ""
                # below ~20 ms a measurement is mostly noise: no growth figure
                if previous is not None and result["seconds"] >= 0.02:
                    ratio = per_mb / previous
                    row["growth"] = ratio
                    growth = f"×{ratio:.2f}"
                    if ratio > 1.5:
                        flagged.append(f"{stage} ({kind}, →{label}: ×{ratio:.2f})")
                previous = per_mb
                print(
                    f"{stage:21} {kind:5} {label:>5} {result['seconds']:9.3f} {per_mb:8.3f} "
                    f"{growth:>7} {result['peak_mb']:11.0f} {result['before_mb']:10.0f}",
                    flush=True,
                )
    print()
    print("growth = (seconds per MB at this size) / (seconds per MB at the size before);")
    print("linear work stays near ×1.0 (goal: at most ×1.5 per step).")
    if flagged:
        print("super-linear: " + "; ".join(flagged))
    else:
        print("super-linear: none")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
