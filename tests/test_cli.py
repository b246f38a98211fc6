"""The ``arabnews`` command line: formats, inputs, errors and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from arabnews.cli import main
from arabnews.document import Document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
LIGHT = ["--ner", "gazetteer", "--no-progress"]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _seed_paths() -> list[str]:
    return [str(p) for p in sorted(SEEDS.glob("*.txt"))]


def _assert_slices(record: dict[str, object]) -> Document:
    doc = Document.from_dict(record)
    for path, obj in doc.iter_spans():
        if isinstance(getattr(obj, "text", None), str):
            assert doc.text[obj.start : obj.end] == obj.text, path
    return doc


def test_analyze_seeds_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    paths = _seed_paths()
    code, out, _ = _run(["analyze", *paths, "--format", "jsonl", *LIGHT], capsys)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(paths)
    for path, line in zip(paths, lines, strict=True):
        record = json.loads(line)
        assert record["id"] == path
        doc = _assert_slices(record)
        assert doc.text == Path(path).read_bytes().decode("utf-8")  # exact file content


def test_analyze_json_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    paths = _seed_paths()[:2]
    code, out, _ = _run(["analyze", *paths, "--format", "json", *LIGHT], capsys)
    assert code == 0
    records = json.loads(out)
    assert [r["id"] for r in records] == paths
    code, out, _ = _run(["analyze", paths[0], "--format", "table", *LIGHT], capsys)
    assert code == 0
    assert out.startswith(f"# {paths[0]}") and "entity" in out and "LOC" in out


def test_analyze_jsonl_input_with_bad_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "قال زيلينسكي في كييف.", "published": "2024-01-02"}\n'
        "{not json\n"
        '{"id": "c", "text": "زار بوتين موسكو.", "published": "2024-13-40"}\n'
        '{"text": 5}\n'
        "\n"
        '{"id": "e", "text": "عاد ترامب إلى واشنطن."}\n',
        encoding="utf-8",
    )
    code, out, err = _run(["analyze", str(src), *LIGHT], capsys)
    assert code == 1
    assert f"{src}:2: bad JSON" in err
    assert len(out.splitlines()) == 1  # the good line before the bad one was written

    code, out, err = _run(
        ["analyze", str(src), "--skip-bad", "--published", "2020-05-05", *LIGHT], capsys
    )
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["a", "e"]
    assert records[0]["published"] == "2024-01-02"
    assert records[1]["published"] == "2020-05-05"
    assert f"{src}:2:" in err and f"{src}:3:" in err and f"{src}:4:" in err
    assert "3 bad input(s) skipped" in err


def test_unreadable_and_non_utf8_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    code, _, err = _run(["analyze", str(missing), *LIGHT], capsys)
    assert code == 1 and f"cannot read {missing}" in err
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    code, _, err = _run(["clean", str(latin)], capsys)
    assert code == 1 and "not UTF-8" in err
    good = _seed_paths()[0]
    code, out, err = _run(["analyze", str(missing), good, "--skip-bad", *LIGHT], capsys)
    assert code == 0 and len(out.splitlines()) == 1 and "skipped" in err


def test_invalid_published_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["analyze", _seed_paths()[0], "--published", "17/09/2023"])
    assert info.value.code == 2
    assert "ISO date" in capsys.readouterr().err


def test_stdin_text_and_jsonl(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "قال زيلينسكي في كييف إن الهجوم فشل."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, out, _ = _run(["analyze", "-", *LIGHT], capsys)
    assert code == 0 and json.loads(out)["text"] == text
    line = json.dumps({"id": 7, "text": text})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode("utf-8"))))
    code, out, _ = _run(["analyze", "-", *LIGHT], capsys)
    assert code == 0 and json.loads(out)["id"] == "7"


def test_lone_surrogates_survive_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "قال زيلينسكي\ud800 في كييف \U0001f600."
    src = tmp_path / "odd.jsonl"
    src.write_text(json.dumps({"id": "x", "text": text}) + "\n", encoding="utf-8")
    code, out, _ = _run(["analyze", str(src), *LIGHT], capsys)
    assert code == 0
    out.encode("utf-8")  # printable to any UTF-8 stream
    doc = _assert_slices(json.loads(out))
    assert doc.text == text


@pytest.mark.slow
def test_analyze_with_two_workers_keeps_ids_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "many.jsonl"
    seeds = [Path(p).read_text(encoding="utf-8") for p in _seed_paths()]
    with src.open("w", encoding="utf-8") as f:
        for i in range(9):
            f.write(json.dumps({"id": f"n{i}", "text": seeds[i % len(seeds)]}) + "\n")
    code, out, _ = _run(["analyze", str(src), "--workers", "2", *LIGHT], capsys)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == [f"n{i}" for i in range(9)]
    assert [r["text"] for r in records] == [seeds[i % len(seeds)] for i in range(9)]


def test_clean_and_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    seed = _seed_paths()[0]
    text = Path(seed).read_bytes().decode("utf-8")  # the CLI's offsets: the file's exact text
    code, out, _ = _run(["clean", seed], capsys)
    assert code == 0 and out.strip()
    code, out, _ = _run(["clean", seed, "--format", "json"], capsys)
    assert code == 0 and "removed" in json.loads(out)
    code, out, _ = _run(["sentences", seed], capsys)
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert len(rows) > 5 and all(r[0] == seed for r in rows)
    code, out, _ = _run(["sentences", seed, "--format", "jsonl"], capsys)
    assert code == 0
    for line in out.splitlines():
        s = json.loads(line)
        assert text[s["start"] : s["end"]] == s["text"]


def test_names_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = tmp_path / "names.txt"
    names.write_text(
        "زيلينسكي\nزيلنسكي\nفلاديمير بوتين\nبوتين\n\nالبنتاغون\nالبنتاجون\n", encoding="utf-8"
    )
    code, out, _ = _run(["names", "cluster", str(names), "--format", "json"], capsys)
    assert code == 0
    clusters = [json.loads(line)["names"] for line in out.splitlines()]
    together = {frozenset(c) for c in clusters}
    assert any({"زيلينسكي", "زيلنسكي"} <= c for c in together)
    assert any({"البنتاغون", "البنتاجون"} <= c for c in together)
    assert not any({"زيلينسكي", "بوتين"} <= c for c in together)
    code, out, _ = _run(["names", "cluster", str(names)], capsys)
    assert code == 0 and all(len(line.split("\t")) == 3 for line in out.splitlines())


def test_module_entry_point_runs() -> None:
    seed = _seed_paths()[0]
    proc = subprocess.run(
        [sys.executable, "-m", "arabnews", "analyze", seed, "--format", "jsonl", *LIGHT],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == seed


@pytest.mark.model
@pytest.mark.slow
def test_readme_main_job_with_the_model() -> None:
    pytest.importorskip("stanza")
    proc = subprocess.run(
        [sys.executable, "-m", "arabnews", "analyze", *_seed_paths()[:1], "--format", "jsonl"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if proc.returncode == 3:
        pytest.skip("the NER model is not available in this checkout")
    assert proc.returncode == 0, proc.stderr
    for line in proc.stdout.splitlines():
        _assert_slices(json.loads(line))
