"""Model folders: both layouts, ~, integrity (sha256), safe temp files, threads, streaming."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from arabnews.errors import ModelNotAvailableError
from arabnews.ner import StanzaRecognizer
from arabnews.ner.loading import (
    ModelFiles,
    check_model_files,
    file_sha256,
    locate_model_dir,
    read_manifest,
    shipped_model_dir,
    verify_checksums,
)
from arabnews.spans import Span

SENTENCE = "وقال الرئيس فولوديمير زيلينسكي إن أوكرانيا ستواصل التعاون مع واشنطن وبرلين."


def fake_checkpoint(path: Path, payload: bytes = b"x" * 64) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK\x03\x04" + payload)
    return path


def write_manifest(folder: Path, files: dict[str, Path], **extra: object) -> None:
    record = {
        p.name: {"bytes": p.stat().st_size, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()}
        for p in files.values()
    }
    manifest = {**{k: p.name for k, p in files.items()}, "files": record, **extra}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


# --- layouts -------------------------------------------------------------------------------


def test_training_layout_and_tilde(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "models" / "mine"
    tagger = fake_checkpoint(folder / "mine_nertagger.pt")
    pretrain = fake_checkpoint(folder / "mine.pretrain.pt")
    write_manifest(folder, {"ner_model": tagger, "pretrain": pretrain})
    monkeypatch.setenv("HOME", str(tmp_path))
    for given in ("~/models/mine", Path("~/models/mine")):
        layout = locate_model_dir(given)
        assert layout.official_root is None and layout.files is not None
        assert layout.files.model == tagger and layout.files.pretrain == pretrain
        assert dict(layout.files.checksums)[tagger.name] == file_sha256(tagger)
    rec = StanzaRecognizer.from_dir("~/models/mine")
    assert rec.files is not None and rec.files.model == tagger
    assert StanzaRecognizer("~/models/mine").files == rec.files
    # a training run folder without a manifest: one tagger, one pretrain
    run = tmp_path / "run"
    fake_checkpoint(run / "model.pt")
    fake_checkpoint(run / "ar_news.pretrain.pt")
    files = locate_model_dir(run).files
    assert files is not None and files.model.name == "model.pt"
    assert files.pretrain is not None and files.pretrain.name == "ar_news.pretrain.pt"


def test_official_resources_layout(tmp_path: Path) -> None:
    root = tmp_path / "stanza_resources"
    tagger = fake_checkpoint(root / "ar" / "ner" / "aqmar_charlm.pt")
    pretrain = fake_checkpoint(root / "ar" / "pretrain" / "conll17.pt")
    fake_checkpoint(root / "ar" / "pretrain" / "other.pt")
    forward = fake_checkpoint(root / "ar" / "forward_charlm" / "oscar.pt")
    backward = fake_checkpoint(root / "ar" / "backward_charlm" / "oscar.pt")
    resources = {
        "ar": {
            "ner": {
                "aqmar_charlm": {
                    "dependencies": [
                        {"model": "pretrain", "package": "conll17"},
                        {"model": "forward_charlm", "package": "oscar"},
                        {"model": "backward_charlm", "package": "oscar"},
                    ]
                }
            }
        }
    }
    (root / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    for given in (root, root / "ar"):  # the resources folder or its language folder
        files = locate_model_dir(given).files
        assert files == ModelFiles(
            model=tagger, pretrain=pretrain, charlm_forward=forward, charlm_backward=backward
        )
    # with Stanza's tokenizer and resources.json, Stanza's own pipeline is used
    fake_checkpoint(root / "ar" / "tokenize" / "padt.pt")
    layout = locate_model_dir(root / "ar")
    assert layout.files is None and layout.official_root == root


def test_official_layout_without_resources_json(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    lang = tmp_path / "ar"
    tagger = lang / "ner" / "news.pt"
    tagger.parent.mkdir(parents=True)
    fake_checkpoint(lang / "pretrain" / "conll17.pt")
    other = fake_checkpoint(lang / "pretrain" / "other.pt")
    # the tagger's saved config names its pretrain file
    config = {"wordvec_pretrain_file": "saved_models/pretrain/other.pt", "word_emb_dim": 100}
    torch.save({"config": config, "model": {}, "vocab": {}}, tagger)
    files = locate_model_dir(lang).files
    assert files is not None and files.model == tagger and files.pretrain == other
    # nothing says which of two pretrains: one clear error
    torch.save({"config": {"word_emb_dim": 100}, "model": {}, "vocab": {}}, tagger)
    with pytest.raises(ModelNotAvailableError, match="several pretrain files"):
        locate_model_dir(tmp_path)


@pytest.mark.parametrize(
    "build",
    [
        lambda p: None,  # empty folder
        lambda p: (p / "notes.txt").write_text("hello", encoding="utf-8"),
        lambda p: (p / "ar" / "ner").mkdir(parents=True),  # official layout without a model
        lambda p: [fake_checkpoint(p / "a.pt"), fake_checkpoint(p / "b.pt")],  # which one?
    ],
)
def test_a_wrong_folder_gets_one_error_describing_both_layouts(tmp_path: Path, build) -> None:  # type: ignore[no-untyped-def]
    build(tmp_path)
    for call in (
        lambda: locate_model_dir(tmp_path),
        lambda: StanzaRecognizer.from_dir(tmp_path),
        lambda: StanzaRecognizer(tmp_path),
    ):
        with pytest.raises(ModelNotAvailableError) as info:
            call()
        message = str(info.value)
        assert "manifest.json" in message and "ar/ner/" in message and "pretrain" in message


def test_pipeline_and_cli_check_the_folder(tmp_path: Path) -> None:
    from arabnews import Pipeline

    with pytest.raises(ModelNotAvailableError, match="expected either"):
        Pipeline(model_dir=tmp_path / "missing")


# --- integrity ------------------------------------------------------------------------------


def test_sha256_mismatch_is_model_not_available(tmp_path: Path) -> None:
    tagger = fake_checkpoint(tmp_path / "tagger.pt", b"a" * 100)
    write_manifest(tmp_path, {"model": tagger})
    files = read_manifest(tmp_path)
    verify_checksums(files)  # intact
    tagger.write_bytes(b"PK\x03\x04" + b"b" * 100)  # same size, other bytes: swapped
    with pytest.raises(ModelNotAvailableError, match="sha256"):
        check_model_files(read_manifest(tmp_path))


def test_sha256_is_computed_once_per_file_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from arabnews.ner import loading

    tagger = fake_checkpoint(tmp_path / "tagger.pt")
    write_manifest(tmp_path, {"model": tagger})
    files = read_manifest(tmp_path)
    reads: list[str] = []
    real_open = open

    def counting_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append(str(path))
        return real_open(path, *args, **kwargs)

    loading._sha256_cached.cache_clear()
    monkeypatch.setattr("builtins.open", counting_open)
    for _ in range(5):
        verify_checksums(files)
    assert len(reads) == 1


def test_manifest_may_not_name_files_outside_its_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    folder = tmp_path / "model"
    folder.mkdir()
    for name in ("../secret.txt", str(secret)):
        (folder / "manifest.json").write_text(json.dumps({"model": name}), encoding="utf-8")
        with pytest.raises(ModelNotAvailableError, match="not inside the model folder"):
            read_manifest(folder)


def test_errors_do_not_print_the_bytes_of_a_named_file(tmp_path: Path) -> None:
    (tmp_path / "tagger.pt").write_text("TOP-SECRET-CONTENT and more", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps({"model": "tagger.pt"}), "utf-8")
    with pytest.raises(ModelNotAvailableError) as info:
        check_model_files(read_manifest(tmp_path))
    assert "SECRET" not in str(info.value) and "TOP" not in str(info.value)
    (tmp_path / "manifest.json").write_bytes(b'{"model": "\xff\xfeSECRET"}')
    with pytest.raises(ModelNotAvailableError) as info:
        read_manifest(tmp_path)
    assert "SECRET" not in str(info.value) and "xff" not in str(info.value)


# --- temp files -----------------------------------------------------------------------------


def test_the_shipped_resources_folder_is_used_and_no_temporary_folder_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a worker process that exits without atexit (multiprocessing, Dask) left one folder each
    from arabnews.ner import stanza_backend

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stanza_backend._empty_resources_dir.cache_clear()
    try:
        folder = Path(stanza_backend._empty_resources_dir())
        assert folder == Path(stanza_backend._SHIPPED_RESOURCES)
        assert json.loads((folder / "resources.json").read_text(encoding="utf-8")) == {}
        assert list(tmp_path.iterdir()) == []
    finally:
        stanza_backend._empty_resources_dir.cache_clear()


def test_resources_folder_is_private_and_follows_no_planted_symlink(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # where the package is not on disk as files, a private folder is made instead
    from arabnews.ner import stanza_backend

    monkeypatch.setattr(stanza_backend, "_SHIPPED_RESOURCES", str(tmp_path / "missing"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    uid = os.getuid() if hasattr(os, "getuid") else 0
    planted = tmp_path / f"arabnews-stanza-{uid}"  # the old predictable path
    planted.mkdir()
    (planted / "resources.json").symlink_to(victim)
    stanza_backend._empty_resources_dir.cache_clear()
    try:
        folder = Path(stanza_backend._empty_resources_dir())
        assert folder != planted and folder.parent == tmp_path
        assert (folder.stat().st_mode & 0o777) == 0o700
        assert json.loads((folder / "resources.json").read_text(encoding="utf-8")) == {}
        assert not (folder / "resources.json").is_symlink()
        assert victim.read_text(encoding="utf-8") == "keep me"
        assert stanza_backend._empty_resources_dir() == str(folder)  # once per process
    finally:
        stanza_backend._empty_resources_dir.cache_clear()


# --- threads ------------------------------------------------------------------------------


def test_threads_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="threads"):
        StanzaRecognizer(threads=0)
    torch = pytest.importorskip("torch")
    from arabnews.ner import stanza_backend

    before = torch.get_num_threads()
    try:
        monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
        monkeypatch.setattr(stanza_backend, "_THREADS_SET", [])
        stanza_backend._apply_threads(2)
        assert torch.get_num_threads() == 2
        stanza_backend._apply_threads(1)
        assert torch.get_num_threads() == 1
        stanza_backend._apply_threads(None)  # None leaves torch alone
        assert torch.get_num_threads() == 1
        monkeypatch.setenv("OMP_NUM_THREADS", "3")  # the user's environment wins
        stanza_backend._apply_threads(2)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


# --- streaming ----------------------------------------------------------------------------


def test_documents_are_built_one_window_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("stanza")
    import arabnews.tokens
    from arabnews.ner.stanza_backend import iter_stanza_documents

    sentence = "زار الرئيس بغداد أمس "  # 4 tokens
    text = sentence * 50_000
    spans = [Span(i * len(sentence), (i + 1) * len(sentence) - 1) for i in range(50_000)]
    calls = []
    real = arabnews.tokens.tokenize

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(arabnews.tokens, "tokenize", counting)
    docs = iter_stanza_documents([text], [spans], max_tokens=1000, window_tokens=4000)
    _first, refs = next(docs)
    # only the first window was tokenised; its documents hold at most max_tokens tokens
    assert len(calls) <= 4000 // 4 + 1
    assert sum(len(r) for r in refs) <= 1000
    total = sum(len(r) for r in refs) + sum(sum(len(r) for r in rr) for _, rr in docs)
    assert total == 4 * 50_000  # every token is tagged exactly once


def test_windows_do_not_change_the_result(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("stanza")
    from arabnews.ner import stanza_backend

    def fake_pipeline(doc):  # type: ignore[no-untyped-def]
        for sentence in doc.sentences:
            for token in sentence.tokens:
                token.ner = "S-LOC" if token.text == "بغداد" else "O"
        return doc

    texts = ["زار الرئيس بغداد أمس. " * 300, "وصل الوفد إلى بغداد. " * 200]
    rec = StanzaRecognizer.from_files(shipped_model_dir() / "ar_news_nertagger.pt")
    monkeypatch.setattr(StanzaRecognizer, "_pipeline", lambda self: fake_pipeline)
    whole = rec.recognize_many(texts)
    monkeypatch.setattr(stanza_backend, "WINDOW_TOKENS", 7)
    monkeypatch.setattr(stanza_backend, "MAX_CALL_TOKENS", 11)
    assert rec.recognize_many(texts) == whole
    assert [len(e) for e in whole] == [300, 200]
    for text, ents in zip(texts, whole, strict=True):
        assert all(text[e.start : e.end] == "بغداد" for e in ents)


# --- the shipped model through both layouts (needs stanza and torch) ------------------------


@pytest.fixture(scope="module")
def shipped() -> StanzaRecognizer:
    pytest.importorskip("stanza")
    pytest.importorskip("torch")
    return StanzaRecognizer().load()  # must load: a failure here is a failure, not a skip


@pytest.mark.model
def test_same_model_through_an_official_layout(shipped: StanzaRecognizer, tmp_path: Path) -> None:
    files = shipped.files
    assert files is not None and files.pretrain is not None
    root = tmp_path / "res"
    (root / "ar" / "ner").mkdir(parents=True)
    (root / "ar" / "pretrain").mkdir(parents=True)
    shutil.copy(files.model, root / "ar" / "ner" / "news.pt")
    shutil.copy(files.pretrain, root / "ar" / "pretrain" / "news.pt")
    for role, path in (("forward", files.charlm_forward), ("backward", files.charlm_backward)):
        if path is not None:  # the shipped model uses character LMs: official folders for them
            (root / "ar" / f"{role}_charlm").mkdir(parents=True)
            shutil.copy(path, root / "ar" / f"{role}_charlm" / "wiki.pt")
    other = StanzaRecognizer.from_dir(root)
    assert other.files is not None and other.files.model.name == "news.pt"
    span = [Span(0, len(SENTENCE))]
    expected = shipped.recognize(SENTENCE, span)
    assert expected and other.recognize(SENTENCE, span) == expected


@pytest.mark.model
def test_a_corrupt_copy_of_the_shipped_model_fails_to_load(
    shipped: StanzaRecognizer, tmp_path: Path
) -> None:
    copy = tmp_path / "ar_news"
    shutil.copytree(shipped_model_dir(), copy)
    pretrain = next(copy.glob("*pretrain*.pt"))
    data = bytearray(pretrain.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte, same size
    pretrain.write_bytes(bytes(data))
    with pytest.raises(ModelNotAvailableError, match="sha256"):
        StanzaRecognizer(copy).load()
