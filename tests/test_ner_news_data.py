"""The hand-labelled web-news NER files: valid, loadable, and reproduced by their selection.

No tagger runs here: the files are checked for shape (offsets, labels, splits by article) and
for the selection that produced their sentences; their scores are the benchmark's business.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(split: str) -> list[dict[str, object]]:
    path = DATA / f"ner_news_{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_news_files_pass_the_checker(monkeypatch: pytest.MonkeyPatch) -> None:
    check = _load(ROOT / "training" / "ner" / "check_news_labels.py")
    assert "confirm2" in check.SPLITS
    monkeypatch.setattr(sys, "argv", ["check_news_labels.py", "--data", str(DATA)])
    assert check.main() == 0


def test_checker_flags_a_wrong_offset_and_a_dev_article_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = _load(ROOT / "training" / "ner" / "check_news_labels.py")
    row = dict(_rows("confirm2")[0])
    ent = dict(row["entities"][0])  # type: ignore[index]
    ent["start"] += 1
    row["entities"] = [ent]
    errors: list[str] = []
    check.check_row(row, errors, [])
    assert errors and "offsets" in errors[0]
    # A dev article copied into confirm2 is an error (confirm2 may share confirm's only).
    for split in ("dev", "confirm"):
        (tmp_path / f"ner_news_{split}.jsonl").write_text(
            (DATA / f"ner_news_{split}.jsonl").read_text(encoding="utf-8"), encoding="utf-8"
        )
    moved = dict(_rows("confirm2")[0])
    moved["doc"] = _rows("dev")[0]["doc"]
    moved["source"] = _rows("dev")[0]["source"]
    moved["licence"] = _rows("dev")[0]["licence"]
    (tmp_path / "ner_news_confirm2.jsonl").write_text(
        json.dumps(moved, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    monkeypatch.setattr(sys, "argv", ["check_news_labels.py", "--data", str(tmp_path)])
    assert check.main() == 1


def test_confirm2_loads_in_the_benchmark_and_holds_no_dev_article() -> None:
    bench = _load(ROOT / "benchmarks" / "bench_ner.py")
    texts, gold = bench.news_rows(DATA / "ner_news_confirm2.jsonl")
    assert len(texts) == len(_rows("confirm2")) >= 100
    assert all(texts[i][s:e] for i, s, e, _ in gold)
    assert {label for *_, label in gold} == {"PER", "LOC", "ORG", "MISC"}
    dev_docs = {r["doc"] for r in _rows("dev")}
    confirm_docs = {r["doc"] for r in _rows("confirm")}
    for row in _rows("confirm2"):
        assert row["doc"] not in dev_docs
        assert row["source"] == "fignews" or row["doc"] in confirm_docs
    seen = {r["text"] for split in ("dev", "confirm") for r in _rows(split)}
    assert not seen & {r["text"] for r in _rows("confirm2")}


def test_selection_reproduces_the_files(shared_dir: Path) -> None:
    select = _load(ROOT / "training" / "ner" / "select_news_sentences.py")
    keys = ("id", "source", "licence", "doc", "text")
    first = select.select(shared_dir)
    for split in ("dev", "confirm"):
        picked = [{k: r[k] for k in keys} for r in first if r["split"] == split]
        assert picked == [{k: r[k] for k in keys} for r in _rows(split)]
    second = select.select_confirm2(shared_dir)
    assert {r["split"] for r in second} == {"confirm2"}
    assert [{k: r[k] for k in keys} for r in second] == [
        {k: r[k] for k in keys} for r in _rows("confirm2")
    ]
