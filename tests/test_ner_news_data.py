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


LATER = ("confirm2", "confirm3")


def test_news_files_pass_the_checker(monkeypatch: pytest.MonkeyPatch) -> None:
    check = _load(ROOT / "training" / "ner" / "check_news_labels.py")
    assert set(LATER) <= set(check.SPLITS)
    monkeypatch.setattr(sys, "argv", ["check_news_labels.py", "--data", str(DATA)])
    assert check.main() == 0


def _copy_first(tmp_path: Path) -> None:
    for split in ("dev", "confirm"):
        (tmp_path / f"ner_news_{split}.jsonl").write_text(
            (DATA / f"ner_news_{split}.jsonl").read_text(encoding="utf-8"), encoding="utf-8"
        )


def test_checker_flags_a_wrong_offset() -> None:
    check = _load(ROOT / "training" / "ner" / "check_news_labels.py")
    row = dict(next(r for r in _rows("confirm3") if r["entities"]))
    ent = dict(row["entities"][0])  # type: ignore[index]
    ent["start"] += 1
    row["entities"] = [ent]
    errors: list[str] = []
    check.check_row(row, errors, [])
    assert errors and "offsets" in errors[0]


@pytest.mark.parametrize("split", LATER)
def test_checker_flags_a_dev_article_or_sentence_reused(
    split: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = _load(ROOT / "training" / "ner" / "check_news_labels.py")
    monkeypatch.setattr(sys, "argv", ["check_news_labels.py", "--data", str(tmp_path)])
    _copy_first(tmp_path)
    dev = _rows("dev")[0]
    # A dev article in a later split is an error (they may share confirm's only) ...
    moved = dict(_rows(split)[0])
    moved.update({k: dev[k] for k in ("doc", "source", "licence")})
    path = tmp_path / f"ner_news_{split}.jsonl"
    path.write_text(json.dumps(moved, ensure_ascii=False) + "\n", encoding="utf-8")
    assert check.main() == 1
    # ... and so is a sentence of another split, even under a confirm article.
    confirm = _rows("confirm")[0]
    again = dict(confirm, id=_rows(split)[0]["id"])
    path.write_text(json.dumps(again, ensure_ascii=False) + "\n", encoding="utf-8")
    assert check.main() == 1
    # The later split's own first row passes.
    path.write_text(json.dumps(_rows(split)[0], ensure_ascii=False) + "\n", encoding="utf-8")
    assert check.main() == 0


@pytest.mark.parametrize("split", LATER)
def test_later_split_loads_in_the_benchmark_and_holds_no_dev_article(split: str) -> None:
    bench = _load(ROOT / "benchmarks" / "bench_ner.py")
    texts, gold = bench.news_rows([DATA / f"ner_news_{split}.jsonl"])
    assert len(texts) == len(_rows(split)) >= 100
    assert all(texts[i][s:e] for i, s, e, _ in gold)
    assert {label for *_, label in gold} == {"PER", "LOC", "ORG", "MISC"}
    dev_docs = {r["doc"] for r in _rows("dev")}
    confirm_docs = {r["doc"] for r in _rows("confirm")}
    earlier = ("dev", "confirm", *LATER[: LATER.index(split)])
    earlier_posts = {r["doc"] for name in earlier for r in _rows(name) if r["source"] == "fignews"}
    for row in _rows(split):
        assert row["doc"] not in dev_docs
        if row["source"] == "fignews":
            assert row["doc"] not in earlier_posts
        else:
            assert row["doc"] in confirm_docs
    seen = {r["text"] for name in earlier for r in _rows(name)}
    assert not seen & {r["text"] for r in _rows(split)}


def test_selection_reproduces_the_files(shared_dir: Path) -> None:
    select = _load(ROOT / "training" / "ner" / "select_news_sentences.py")
    keys = ("id", "source", "licence", "doc", "text")
    first = select.select(shared_dir)
    for split in ("dev", "confirm"):
        picked = [{k: r[k] for k in keys} for r in first if r["split"] == split]
        assert picked == [{k: r[k] for k in keys} for r in _rows(split)]
    for split, pick in zip(LATER, (select.select_confirm2, select.select_confirm3), strict=True):
        later = pick(shared_dir)
        assert {r["split"] for r in later} == {split}
        assert [{k: r[k] for k in keys} for r in later] == [
            {k: r[k] for k in keys} for r in _rows(split)
        ]


def test_gsr_selection_reproduces_the_files(shared_dir: Path) -> None:
    """The newswire splits (sessions 9 and 10): the selection re-derives every file, no
    document and no sentence in two, and the training sentences share none with them."""
    select = _load(ROOT / "training" / "ner" / "select_news_sentences.py")
    keys = ("id", "source", "licence", "doc", "split", "text")
    picked = select.select_gsr(shared_dir, 240)
    files = {s: _rows_of(DATA / f"ner_gsr_{s}.jsonl") for s in ("dev", "confirm")}
    for split, rows in files.items():
        assert [{k: r[k] for k in keys} for r in picked if r["split"] == f"gsr-{split}"] == [
            {k: r[k] for k in keys} for r in rows
        ]
    dev, confirm = files["dev"], files["confirm"]
    assert not {r["doc"] for r in dev} & {r["doc"] for r in confirm}
    assert not {r["text"] for r in dev} & {r["text"] for r in confirm}
    assert not {r["text"] for r in dev + confirm} & {r["text"] for r in _train_rows()}
    earlier = dev + confirm
    for split, size in select.GSR_LATER.items():
        # each later selection re-derives its file and shares nothing with the earlier ones
        rows = _rows_of(DATA / f"ner_{split.replace('-', '_')}.jsonl")
        picked = select.select_gsr_later(shared_dir, split, size)
        assert [{k: r[k] for k in keys} for r in picked] == [{k: r[k] for k in keys} for r in rows]
        assert not {r["doc"] for r in rows} & {r["doc"] for r in earlier}
        assert not {r["text"] for r in rows} & {r["text"] for r in earlier}
        earlier += rows


def _rows_of(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


TRAIN = ROOT / "training" / "ner" / "data" / "wiki_train.jsonl"


def _train_rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in TRAIN.read_text(encoding="utf-8").splitlines()]


def test_training_file_is_valid_and_shares_nothing_with_the_evaluation_splits() -> None:
    """The hand-labelled Wikipedia training sentences: offsets slice the text, spans sorted
    and disjoint, labels valid; no sentence of any web-news evaluation split."""
    rows = _train_rows()
    assert len(rows) >= 300 and {r["split"] for r in rows} == {"train"}
    for row in rows:
        text, last = str(row["text"]), 0
        assert str(row["doc"]).startswith("arwiki:")
        for ent in row["entities"]:  # type: ignore[attr-defined]
            assert text[ent["start"] : ent["end"]] == ent["text"]
            assert ent["start"] >= last and ent["label"] in {"PER", "LOC", "ORG", "MISC"}
            last = ent["end"]
    evaluation = {r["text"] for s in ("dev", "confirm", *LATER) for r in _rows(s)}
    assert not evaluation & {r["text"] for r in rows}


def test_training_selection_reproduces_the_file(shared_dir: Path) -> None:
    select = _load(ROOT / "training" / "ner" / "select_news_sentences.py")
    rows = _train_rows()
    picked = select.select_train_wiki(shared_dir, len(rows))
    assert picked == [{k: v for k, v in r.items() if k != "entities"} for r in rows]


def test_training_rows_become_anercorp_style_tokens(tmp_path: Path) -> None:
    """prepare.py --extra: a token is tagged with the entity it overlaps, so a glued clitic
    stays inside the token's tag (ANERcorp's convention) while the span itself excludes it."""
    sys.path.insert(0, str(ROOT / "training" / "ner"))
    try:
        prepare = _load(ROOT / "training" / "ner" / "prepare.py")
    finally:
        sys.path.pop(0)
    text = "زار الرئيس إيمانويل ماكرون والقاهرة ، ثم جامعة الملك خالد ."
    ents = [(11, 26, "PER"), (28, 35, "LOC"), (41, 57, "ORG")]
    row = {
        "text": text,
        "entities": [{"start": a, "end": b, "text": text[a:b], "label": lab} for a, b, lab in ents],
    }
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    (sent,) = list(prepare.read_spans(path))
    assert sent == [
        ("زار", "O"),
        ("الرئيس", "O"),
        ("إيمانويل", "B-PER"),
        ("ماكرون", "I-PER"),
        ("والقاهرة", "B-LOC"),
        ("،", "O"),
        ("ثم", "O"),
        ("جامعة", "B-ORG"),
        ("الملك", "I-ORG"),
        ("خالد", "I-ORG"),
        (".", "O"),
    ]


def test_local_selections_share_no_article(shared_dir: Path) -> None:
    """The SaudiNewsNet selections (local only, NC): dev and confirm split by article, and the
    second selection takes only articles the first left, ids after its."""
    if not (shared_dir / "data" / "news" / "saudinewsnet_sample_300.NC.jsonl").is_file():
        pytest.skip("the NC SaudiNewsNet sample is not here")
    select = _load(ROOT / "training" / "ner" / "select_news_sentences.py")
    first = select.select_saudi(shared_dir, 240)
    more = select.select_saudi_more(shared_dir, 240)
    assert len(first) == len(more) == 240
    docs = {s: {r["doc"] for r in first if r["split"] == s} for s in ("local-dev", "local-confirm")}
    assert docs["local-dev"] and not docs["local-dev"] & docs["local-confirm"]
    assert not {r["doc"] for r in first} & {r["doc"] for r in more}
    assert {r["split"] for r in more} == {"local-confirm2"}
    assert [r["id"] for r in first + more] == [f"ns{k:04d}" for k in range(1, 481)]
    rest = select.select_saudi_rest(shared_dir, 1000)  # every article left
    assert rest and {r["split"] for r in rest} == {"local-confirm3"}
    assert not {r["doc"] for r in rest} & {r["doc"] for r in first + more}
    assert rest[0]["id"] == "ns0481"
