"""Benchmark of numbers written in words and relative dates over a labelled sample.

Run: ``python benchmarks/bench_numbers_time.py``.

Data: ``benchmarks/data/numbers_time_sample.jsonl`` (written for the project, CC0): phrases
with a counted quantity (its words, kind and value) or a time expression (its words and ISO
value against the publication date 2025-03-14). A quantity is right when a found quantity has
the gold words and value (``value``), and also the gold kind (``value+kind``); a time expression
when one has the gold words and ISO value. Baseline: digits only (a number written in words is
missed), kind ``other``; for time, only the expressions with a fixed offset (اليوم، أمس، غدا).
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from pathlib import Path
from typing import Any

from arabnews.events.numbers import find_quantities
from arabnews.events.timex import find_times

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "numbers_time_sample.jsonl"
_DIGITS = re.compile(r"\d+")
_FIXED = {"اليوم": 0, "أمس": -1, "غدا": 1}


def _ours_quantity(row: dict[str, Any]) -> tuple[bool, bool]:
    for q in find_quantities(row["text"]):
        if q.text == row["span"] and q.value == row["value"]:
            return True, q.kind == row["kind"]
    return False, False


def _base_quantity(row: dict[str, Any]) -> tuple[bool, bool]:
    m = _DIGITS.search(row["text"])
    ok = m is not None and row["span"].startswith(m.group()) and float(m.group()) == row["value"]
    return ok, ok and row["kind"] == "other"


def _ours_time(row: dict[str, Any]) -> bool:
    pub = datetime.date.fromisoformat(row["published"])
    return any(
        t.text == row["span"] and t.value == row["value"]
        for t in find_times(row["text"], published=pub)
    )


def _base_time(row: dict[str, Any]) -> bool:
    pub = datetime.date.fromisoformat(row["published"])
    for word, days in _FIXED.items():
        if row["span"] == word:
            return (pub + datetime.timedelta(days=days)).isoformat() == row["value"]
    return False


def main() -> int:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    qs = [r for r in rows if r["task"] == "quantity"]
    ts = [r for r in rows if r["task"] == "time"]
    print(f"numbers in words and relative dates ({len(qs)} quantities, {len(ts)} times)")
    print(f"{'measure':<28} {'arabnews':>9} {'baseline':>9}")
    print("-" * 48)
    for label, fn_ours, fn_base in (("quantity value", 0, 0), ("quantity value+kind", 1, 1)):
        ours = sum(_ours_quantity(r)[fn_ours] for r in qs) / len(qs)
        base = sum(_base_quantity(r)[fn_base] for r in qs) / len(qs)
        print(f"{label:<28} {ours:>9.2f} {base:>9.2f}")
    ours_t = sum(_ours_time(r) for r in ts) / len(ts)
    base_t = sum(_base_time(r) for r in ts) / len(ts)
    print(f"{'time expression resolved':<28} {ours_t:>9.2f} {base_t:>9.2f}")
    if "--errors" in sys.argv:
        for r in qs:
            if not all(_ours_quantity(r)):
                got = [(q.text, q.kind, q.value) for q in find_quantities(r["text"])]
                print("  !", r["id"], r["span"], r["kind"], r["value"], got)
        for r in ts:
            if not _ours_time(r):
                pub = datetime.date.fromisoformat(r["published"])
                got = [(t.text, t.value) for t in find_times(r["text"], published=pub)]
                print("  !", r["id"], r["span"], r["value"], got)
    return 0


if __name__ == "__main__":
    sys.exit(main())
