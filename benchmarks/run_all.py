"""Run every ``benchmarks/bench_*.py`` in turn and print their tables.

Run: ``python benchmarks/run_all.py [NAME ...]`` (names filter, e.g. ``pipeline names``).
Each benchmark runs in its own interpreter, so peak-memory figures do not mix; the exit
status is non-zero when any benchmark failed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    wanted = set(sys.argv[1:] if argv is None else argv)
    scripts = sorted(HERE.glob("bench_*.py"))
    if wanted:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in wanted]
    failed = []
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, str(script)], check=False)
        print(
            f"--- {script.name}: exit {proc.returncode}, {time.perf_counter() - start:.0f} s",
            flush=True,
        )
        if proc.returncode != 0:
            failed.append(script.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
