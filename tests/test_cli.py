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
    code, out, _ = _run(["clean", seed, "--format", "jsonl"], capsys)
    assert code == 0 and "removed" in json.loads(out)
    code, out, _ = _run(["clean", seed, seed, "--format", "json"], capsys)
    value = json.loads(out)  # one JSON value: an array with a record per document
    assert code == 0 and len(value) == 2 and "removed" in value[0]
    code, out, _ = _run(["sentences", seed], capsys)
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert len(rows) > 5 and all(r[0] == seed for r in rows)
    code, out, _ = _run(["sentences", seed, "--format", "jsonl"], capsys)
    assert code == 0
    for line in out.splitlines():
        s = json.loads(line)
        assert text[s["start"] : s["end"]] == s["text"]
    code, out, _ = _run(["sentences", seed, "--format", "json"], capsys)
    assert code == 0 and all(text[s["start"] : s["end"]] == s["text"] for s in json.loads(out))


def test_names_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = tmp_path / "names.txt"
    names.write_text(
        "زيلينسكي\nزيلنسكي\nفلاديمير بوتين\nبوتين\n\nالبنتاغون\nالبنتاجون\n", encoding="utf-8"
    )
    code, out, _ = _run(["names", "cluster", str(names), "--format", "jsonl"], capsys)
    assert code == 0
    clusters = [json.loads(line)["names"] for line in out.splitlines()]
    code, out, _ = _run(["names", "cluster", str(names), "--format", "json"], capsys)
    assert code == 0 and [c["names"] for c in json.loads(out)] == clusters
    together = {frozenset(c) for c in clusters}
    assert any({"زيلينسكي", "زيلنسكي"} <= c for c in together)
    assert any({"البنتاغون", "البنتاجون"} <= c for c in together)
    assert not any({"زيلينسكي", "بوتين"} <= c for c in together)
    code, out, _ = _run(["names", "cluster", str(names)], capsys)
    assert code == 0 and all(len(line.split("\t")) >= 3 for line in out.splitlines())


def test_names_compare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("زيلينسكي\tزيلنسكي\n\nصعدة\tسعيدة\n", encoding="utf-8")
    code, out, _ = _run(["names", "compare", str(pairs), "--format", "jsonl"], capsys)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["a"], r["b"], r["same"]) for r in rows] == [
        ("زيلينسكي", "زيلنسكي", True),
        ("صعدة", "سعيدة", False),
    ]
    assert any("usage" in reason for reason in rows[1]["reasons"])
    code, out, _ = _run(["names", "compare", str(pairs)], capsys)
    assert code == 0 and [line.split("\t")[2] for line in out.splitlines()] == [
        "same",
        "different",
    ]
    code, out, _ = _run(["names", "compare", str(pairs), "--format", "text"], capsys)
    assert code == 0 and "different names (similarity 0.00" in out
    # a line without two names is a bad input: an error, or skipped with --skip-bad
    bad = tmp_path / "bad.tsv"
    bad.write_text("one name only\nصعدة\tسعيدة\n", encoding="utf-8")
    code, _, err = _run(["names", "compare", str(bad)], capsys)
    assert code == 1 and "bad.tsv:1: expected two names" in err
    code, out, err = _run(["names", "compare", str(bad), "--skip-bad"], capsys)
    assert code == 0 and len(out.splitlines()) == 1 and "skipped" in err


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


# -- as spaCy / CAMeL users expect (issue 14) and batches that survive (issue 13 item 5) ---


def _stdin(monkeypatch: pytest.MonkeyPatch, data: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import arabnews

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"arabnews {arabnews.__version__}"


def test_no_path_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "قال زيلينسكي في كييف إن الهجوم فشل."
    _stdin(monkeypatch, text)
    code, out, _ = _run(["analyze", *LIGHT], capsys)
    assert code == 0 and json.loads(out)["text"] == text
    _stdin(monkeypatch, text)
    code, out, _ = _run(["sentences"], capsys)
    assert code == 0 and out.startswith("<stdin>\t0\t")


def test_no_path_and_a_terminal_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO(b"")))
    with pytest.raises(SystemExit) as info:
        main(["clean"])
    assert info.value.code == 2 and "no input" in capsys.readouterr().err


def test_every_analyze_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = _seed_paths()[:2]
    code, out, _ = _run(["analyze", *paths, "--format", "json", *LIGHT], capsys)
    assert code == 0 and [r["id"] for r in json.loads(out)] == paths  # one JSON value
    code, out, _ = _run(["analyze", *paths, "--format", "jsonl", *LIGHT], capsys)
    assert code == 0 and [json.loads(line)["id"] for line in out.splitlines()] == paths
    code, out, _ = _run(["analyze", *paths, "--format", "tsv", *LIGHT], capsys)
    rows = [line.split("\t") for line in out.splitlines()]
    from arabnews.cli import TSV_COLUMNS

    assert code == 0 and tuple(rows[0]) == TSV_COLUMNS
    assert all(len(r) == len(TSV_COLUMNS) for r in rows) and len(rows) > 2
    assert {r[0] for r in rows[1:]} <= set(paths) and {r[1] for r in rows[1:]} >= {"event"}
    texts = {p: Path(p).read_bytes().decode("utf-8") for p in paths}
    for r in rows[1:]:
        if r[1] == "entity":
            assert texts[r[0]][int(r[2]) : int(r[3])] == r[5]
    html_file = tmp_path / "out.html"
    code, out, _ = _run(
        ["analyze", *paths, "--format", "html", "-o", str(html_file), *LIGHT], capsys
    )
    page = html_file.read_text(encoding="utf-8")
    assert code == 0 and out == ""
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count('class="arabnews-doc"') == 2 and "<script" not in page
    code, out, _ = _run(["analyze", paths[0], "--format", "table", *LIGHT], capsys)
    assert code == 0 and out.startswith(f"# {paths[0]}")


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = _seed_paths()[0]
    target = tmp_path / "doc.jsonl"
    code, out, _ = _run(["analyze", seed, "-o", str(target), *LIGHT], capsys)
    assert code == 0 and out == ""
    assert Document.from_json(target.read_text(encoding="utf-8").strip()).id == seed
    code, _, err = _run(["clean", seed, "--output", str(tmp_path / "no" / "dir.txt")], capsys)
    assert code == 1 and "cannot write" in err


def test_ignored_option_warns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    seed = _seed_paths()[0]
    code, _, err = _run(["analyze", seed, "--model-dir", str(tmp_path), *LIGHT], capsys)
    assert code == 0 and "--model-dir is ignored with --ner gazetteer" in err
    code, _, err = _run(["analyze", seed, *LIGHT], capsys)
    assert code == 0 and "warning" not in err


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_a_bad_file_keeps_the_results_before_it(
    workers: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _seed_paths()[:3]
    bad = tmp_path / "latin.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    argv = ["analyze", *good[:2], str(bad), good[2], "--workers", str(workers), *LIGHT]
    code, out, err = _run([*argv, "--format", "json"], capsys)
    assert code == 1 and "not UTF-8" in err
    assert [r["id"] for r in json.loads(out)] == good[:2]  # valid JSON, nothing lost
    code, out, err = _run([*argv, "--format", "jsonl", "--skip-bad"], capsys)
    assert code == 0 and [json.loads(x)["id"] for x in out.splitlines()] == good
    assert "1 bad input(s) skipped" in err


def _failing_pipeline(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    from arabnews.pipeline import Pipeline

    real = Pipeline._analyze

    def analyze(self: Pipeline, text: str, *args: object, **kwargs: object) -> Document:
        if "BOOM" in text:
            raise exc
        return real(self, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Pipeline, "_analyze", analyze)


def test_a_failing_document_keeps_json_valid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _failing_pipeline(monkeypatch, RuntimeError("broken stage"))
    src = tmp_path / "in.jsonl"
    lines = [{"id": "a", "text": "زار بوتين موسكو."}, {"id": "b", "text": "BOOM"}]
    lines.append({"id": "c", "text": "عاد ترامب إلى واشنطن."})
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    code, out, err = _run(["analyze", str(src), "--format", "json", *LIGHT], capsys)
    assert code == 1 and "b: RuntimeError: broken stage" in err
    assert [r["id"] for r in json.loads(out)] == ["a"]
    from arabnews.pipeline import Pipeline

    if "errors" not in __import__("inspect").signature(Pipeline.analyze_many).parameters:
        pytest.skip("Pipeline.analyze_many(errors=...) has not landed yet")
    code, out, err = _run(["analyze", str(src), "--format", "json", "--skip-bad", *LIGHT], capsys)
    assert code == 0 and [r["id"] for r in json.loads(out)] == ["a", "c"]
    assert "skipped: b: RuntimeError: broken stage" in err


def test_ctrl_c_leaves_valid_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _failing_pipeline(monkeypatch, KeyboardInterrupt())
    src = tmp_path / "in.jsonl"
    rows = [{"id": "a", "text": "زار بوتين موسكو."}, {"id": "b", "text": "BOOM"}]
    src.write_text("".join(json.dumps(x) + "\n" for x in rows), encoding="utf-8")
    code, out, err = _run(["analyze", str(src), "--format", "json", *LIGHT], capsys)
    assert code == 130 and "interrupted" in err
    assert [r["id"] for r in json.loads(out)] == ["a"]


def test_progress_bar_gets_the_number_of_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from arabnews.pipeline import Pipeline

    seen: list[object] = []
    real = Pipeline.analyze_many

    def spy(self: Pipeline, texts: object, **kwargs: object) -> object:
        seen.append(len(texts) if hasattr(texts, "__len__") else None)  # type: ignore[arg-type]
        seen.append(kwargs.get("progress"))
        return real(self, texts, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Pipeline, "analyze_many", spy)
    src = tmp_path / "two.jsonl"
    src.write_text('{"text": "زار بوتين موسكو."}\n\n{"text": "عاد ترامب."}\n', encoding="utf-8")
    paths = _seed_paths()[:2]
    code, out, _ = _run(["analyze", *paths, str(src), "--ner", "gazetteer"], capsys)
    assert code == 0 and len(out.splitlines()) == 4
    assert seen == [4, True]  # two text files and two JSONL records: the bar's total


def test_timeout_skips_a_slow_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import inspect
    import time

    from arabnews.pipeline import Pipeline

    if "timeout" not in inspect.signature(Pipeline.analyze_many).parameters:
        pytest.skip("Pipeline.analyze_many(timeout=...) has not landed yet")
    real = Pipeline._analyze

    def slow(self: Pipeline, text: str, *args: object, **kwargs: object) -> Document:
        if "SLOW" in text:
            time.sleep(30)
        return real(self, text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Pipeline, "_analyze", slow)
    src = tmp_path / "in.jsonl"
    rows = [{"id": "a", "text": "زار بوتين موسكو."}, {"id": "b", "text": "SLOW"}]
    rows.append({"id": "c", "text": "عاد ترامب."})
    src.write_text("".join(json.dumps(x) + "\n" for x in rows), encoding="utf-8")
    argv = ["analyze", str(src), "--format", "json", "--timeout", "1", "--skip-bad", *LIGHT]
    started = time.monotonic()
    code, out, err = _run(argv, capsys)
    assert time.monotonic() - started < 20
    assert code == 0 and [r["id"] for r in json.loads(out)] == ["a", "c"]
    assert "skipped: b:" in err and "texts[" not in err  # reported once, by its id
