"""Benchmark the whole pipeline: pages/s on one core, workers scaling, peak memory.

Run: ``python benchmarks/bench_pipeline.py [--pages 200] [--workers 2] [--ner default]``

Input: the five seed pages of ``seeds/`` (seed-sized Arabic news pages, 5-13 kB), cycled
to the number of pages wanted; each copy gets a distinct last line so that no cache can
help. Rows:

- ``analyze`` pages/s in this process on one core (torch limited to one thread), with
  the default recognizer (shipped Stanza model + gazetteer); baselines side by side: the
  same pipeline with the gazetteer recognizer only, and cleaning + sentence splitting only.
- ``analyze_many`` over all pages with 1 worker process and with N worker processes
  (one torch thread each); the speedup is N workers over 1 worker.
- peak resident memory of this process and of the largest worker (``ru_maxrss``; torch
  allocates outside Python, so tracemalloc would not see the model).

Targets (issue 6): >= 5 pages/s on one core with NER; >= 1.6x with 2 workers over 1.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: before torch is imported
os.environ.setdefault("MKL_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]


def _pages(n: int) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [seeds[i % len(seeds)] + f"\n\n(نسخة {i})" for i in range(n)]


def _rate(fn, pages: list[str]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Pages per wall-clock second and per CPU second of this process."""
    start, cpu = time.perf_counter(), time.process_time()
    fn(pages)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return len(pages) / wall, len(pages) / max(cpu, 1e-9)


def _mb(kb: int) -> float:
    return kb / 1024  # ru_maxrss is in kB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="pages for analyze_many")
    parser.add_argument("--single", type=int, default=20, help="pages for one-core analyze")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ner", default="default", choices=("default", "stanza", "gazetteer"))
    args = parser.parse_args(argv)

    from arabnews import ModelNotAvailableError, Pipeline, clean, split_sentences

    ner = args.ner
    pipeline = Pipeline(ner=ner, names="document")
    try:
        pipeline.warm_up()
    except (ModelNotAvailableError, ImportError) as exc:
        print(f"NER model not available ({exc}); falling back to ner='gazetteer'", file=sys.stderr)
        ner = "gazetteer"
        pipeline = Pipeline(ner=ner, names="document")
    if "torch" in sys.modules:
        import torch

        torch.set_num_threads(1)

    single = _pages(args.single)
    many = _pages(args.pages)
    light = Pipeline(ner="gazetteer", names="document")
    light.analyze(single[0])  # warm the lexicons

    def run(p: Pipeline):  # type: ignore[no-untyped-def]
        return lambda pages: [p.analyze(t) for t in pages]

    def clean_split(pages: list[str]) -> None:
        for t in pages:
            split_sentences(clean(t).text)

    rows: list[tuple[str, str, str]] = []
    nlp_wall, nlp_cpu = _rate(run(pipeline), single)
    gaz_wall, gaz_cpu = _rate(run(light), single)
    base_wall, base_cpu = _rate(clean_split, single)
    rows.append(
        (
            f"analyze, 1 core, ner={ner} (pages/s wall)",
            f"{nlp_wall:.1f}",
            f"gazetteer only {gaz_wall:.1f}; clean+sentences {base_wall:.1f}",
        )
    )
    rows.append(
        (
            f"analyze, 1 core, ner={ner} (pages/CPU-s)",
            f"{nlp_cpu:.1f}",
            f"gazetteer only {gaz_cpu:.1f}; clean+sentences {base_cpu:.1f}",
        )
    )

    # one worker *process* is the fair baseline for N processes (same start-up costs)
    one_total, one_steady = _proc_rate(ner, many, 1)
    n_total, n_steady = _proc_rate(ner, many, args.workers)
    rows.append(
        (
            f"analyze_many {len(many)} pages, {args.workers} workers (pages/s, incl. start-up)",
            f"{n_total:.1f}",
            f"1 worker {one_total:.1f}",
        )
    )
    rows.append(
        (
            f"analyze_many {len(many)} pages, {args.workers} workers (pages/s, after first result)",
            f"{n_steady:.1f}",
            f"1 worker {one_steady:.1f}",
        )
    )
    rows.append(
        (
            f"speedup {args.workers} workers / 1 worker (incl. start-up; steady)",
            f"{n_total / one_total:.2f}x",
            f"steady {n_steady / one_steady:.2f}x; target >= 1.6x",
        )
    )
    me = _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    kids = _mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    rows.append(("peak RSS: this process / largest worker (MB)", f"{me:.0f}", f"{kids:.0f}"))

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"\nbench_pipeline  (cpus {os.cpu_count()}, load average {load}, "
        f"python {sys.version.split()[0]})"
    )
    width = max(len(r[0]) for r in rows)
    print(f"{'measurement'.ljust(width)}  {'arabnews':>9}  baseline")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 40}")
    for name, value, baseline in rows:
        print(f"{name.ljust(width)}  {value:>9}  {baseline}")
    return 0


def _proc_rate(ner: str, pages: list[str], workers: int) -> tuple[float, float]:
    """Pages/s through worker processes: overall, and from the first result on."""
    from arabnews import Pipeline
    from arabnews.pipeline import _normalise_items, _Run

    p = Pipeline(ner=ner)
    # spawn: the workers are children of this process, so RUSAGE_CHILDREN sees their
    # memory (forkserver workers are the fork server's children)
    # the worker-process path of analyze_many, also for one worker (analyze_many runs one
    # worker in process, which would not count the same start-up costs)
    run = _Run(p, errors="raise", bar=None)
    docs = run.parallel(
        _normalise_items(pages, None),
        workers=workers,
        chunksize=4,
        mp_context="spawn",
        threads=1,
        timeout=None,
    )
    start = time.perf_counter()
    first = None
    n = 0
    for _ in docs:
        n += 1
        if first is None:
            first = time.perf_counter()
    end = time.perf_counter()
    assert first is not None
    return n / (end - start), (n - 1) / max(end - first, 1e-9)


if __name__ == "__main__":
    sys.exit(main())
