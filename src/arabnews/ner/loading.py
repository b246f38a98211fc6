"""Finding and checking Stanza model files before Stanza sees them.

Stanza fails late and obscurely on a bad model file (an unpickling error on a Git LFS pointer,
a ``KeyError`` deep in the trainer), and it *silently* runs with random embeddings when a model
trained with word vectors is loaded without them. Every check here raises
:class:`~arabnews.errors.ModelNotAvailableError` naming the file and what to do instead.

The shipped model lives in ``arabnews/ner/models/ar_news/`` with a ``manifest.json`` that names
its files::

    {"model": "ner.pt", "pretrain": "pretrain.pt", "input_normalization": "strip-marks"}

(``pretrain``, ``charlm_forward``, ``charlm_backward`` and ``input_normalization`` are optional).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs

from arabnews.charsets import class_body
from arabnews.errors import ModelNotAvailableError
from arabnews.ner.base import NAME_KEY_MARKS

__all__ = [
    "CheckpointInfo",
    "ModelFiles",
    "ModelLayout",
    "check_model_files",
    "file_sha256",
    "input_normalizer",
    "inspect_checkpoint",
    "locate_model_dir",
    "read_manifest",
    "require_stanza",
    "shipped_model_dir",
    "sniff_checkpoint",
    "verify_checksums",
]

INSTALL_HINT = (
    "install the NER extra: pip install 'arabnews[ner]' "
    "(install the CPU build of torch first: pip install torch==2.13.0 "
    "--index-url https://download.pytorch.org/whl/cpu)"
)
SHIPPED_HINT = (
    "the model ships inside the arabnews package; reinstall it "
    "(pip install --force-reinstall arabnews), or in a git clone run `git lfs pull`; "
    "or point at Stanza Arabic models you downloaded with StanzaRecognizer.from_dir(path)"
)

# Keys accepted in manifest.json for each file (the first present wins).
_MANIFEST_KEYS: dict[str, tuple[str, ...]] = {
    "model": ("model", "ner_model", "model_file", "ner"),
    "pretrain": ("pretrain", "pretrain_file", "wordvec_pretrain_file", "vectors"),
    "charlm_forward": ("charlm_forward", "forward_charlm", "charlm_forward_file"),
    "charlm_backward": ("charlm_backward", "backward_charlm", "charlm_backward_file"),
}


@attrs.frozen(slots=True)
class ModelFiles:
    """The files of one Stanza NER model: the tagger and what it depends on."""

    model: Path
    pretrain: Path | None = None
    charlm_forward: Path | None = None
    charlm_backward: Path | None = None
    input_normalization: str | None = None
    # (file name, sha256) pairs from manifest.json, checked when the model is loaded
    checksums: tuple[tuple[str, str], ...] = ()


@attrs.frozen(slots=True)
class CheckpointInfo:
    """What a Stanza NER checkpoint needs besides itself (read from its saved ``config``)."""

    needs_pretrain: bool
    pretrain_hint: str | None
    needs_charlm: bool
    charlm_hints: tuple[str | None, str | None]
    transformer: str | None
    labels: tuple[str, ...]  # entity types the tagger predicts (PER, LOC, ...)


def require_stanza() -> ModuleType:
    """Import and return :mod:`stanza`, or raise :class:`ModelNotAvailableError` saying how."""
    try:
        import stanza as module
    except ImportError as exc:
        raise ModelNotAvailableError(
            f"named-entity recognition needs stanza and torch, which are not installed: "
            f"{INSTALL_HINT}",
            path=None,
        ) from exc
    stanza: ModuleType = module
    return stanza


def shipped_model_dir() -> Path:
    """The folder of the model that ships with arabnews (it may be absent in a bare clone)."""
    return Path(str(resources.files("arabnews.ner"))) / "models" / "ar_news"


def _manifest_value(manifest: Mapping[str, Any], role: str) -> str | None:
    files = manifest.get("files")
    for source in (files, manifest) if isinstance(files, Mapping) else (manifest,):
        for key in _MANIFEST_KEYS[role]:
            value = source.get(key)
            if isinstance(value, Mapping):
                value = value.get("file") or value.get("path")
            if isinstance(value, str) and value:
                return value
    return None


def read_manifest(directory: str | os.PathLike[str]) -> ModelFiles:
    """The :class:`ModelFiles` of a model folder, from its ``manifest.json``.

    Without a manifest the folder must hold exactly one tagger ``*.pt`` (and optionally one
    ``*pretrain*.pt``). Files are only located here; :func:`check_model_files` checks them.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise ModelNotAvailableError(
            f"NER model folder {folder} does not exist; {SHIPPED_HINT}", path=str(folder)
        )
    manifest_path = folder / "manifest.json"
    if manifest_path.is_file():
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ModelNotAvailableError(
                f"{manifest_path} is not valid JSON in UTF-8 ({type(exc).__name__}); "
                f"{SHIPPED_HINT}",
                path=str(manifest_path),
            ) from exc
        if not isinstance(manifest, Mapping):
            raise ModelNotAvailableError(
                f"{manifest_path} must hold a JSON object naming the model files",
                path=str(manifest_path),
            )
        model = _manifest_value(manifest, "model")
        if model is None:
            raise ModelNotAvailableError(
                f"{manifest_path} names no model file (expected a 'model' entry)",
                path=str(manifest_path),
            )
        norm = manifest.get("input_normalization")
        if isinstance(norm, Mapping):
            norm = norm.get("name")

        _check_sizes(folder, manifest)

        def opt(role: str) -> Path | None:
            value = _manifest_value(manifest, role)
            return _inside(folder, value, manifest_path) if value else None

        return ModelFiles(
            model=_inside(folder, model, manifest_path),
            pretrain=opt("pretrain"),
            charlm_forward=opt("charlm_forward"),
            charlm_backward=opt("charlm_backward"),
            input_normalization=str(norm) if norm else None,
            checksums=_manifest_checksums(folder, manifest, manifest_path),
        )
    checkpoints = sorted(folder.glob("*.pt"))
    pretrains = [p for p in checkpoints if "pretrain" in p.name]
    taggers = [p for p in checkpoints if p not in pretrains and "charlm" not in p.name]
    if len(taggers) != 1:
        raise ModelNotAvailableError(
            f"NER model folder {folder} has no manifest.json and "
            f"{'no' if not taggers else 'several'} model files (*.pt); {SHIPPED_HINT}",
            path=str(folder / "manifest.json"),
        )
    return ModelFiles(model=taggers[0], pretrain=pretrains[0] if len(pretrains) == 1 else None)


def _inside(folder: Path, name: str, manifest_path: Path) -> Path:
    """``folder / name`` for a file name from a manifest, which must stay in *folder*."""
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts or not candidate.parts:
        raise ModelNotAvailableError(
            f"{manifest_path} names the file {name!r}, which is not inside the model folder; a "
            f"manifest may only name files in its own folder (by a relative path)",
            path=str(manifest_path),
        )
    return folder / candidate


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _manifest_checksums(
    folder: Path, manifest: Mapping[str, Any], manifest_path: Path
) -> tuple[tuple[str, str], ...]:
    files = manifest.get("files")
    if not isinstance(files, Mapping):
        return ()
    out = []
    for name, record in files.items():
        digest = record.get("sha256") if isinstance(record, Mapping) else None
        if digest is None:
            continue
        if not isinstance(digest, str) or not _SHA256.fullmatch(digest.lower()):
            raise ModelNotAvailableError(
                f"{manifest_path}: the sha256 of {name!r} is not 64 hexadecimal digits",
                path=str(manifest_path),
            )
        _inside(folder, str(name), manifest_path)
        out.append((str(name), digest.lower()))
    return tuple(sorted(out))


@functools.lru_cache(maxsize=64)
def _sha256_cached(path: str, _size: int, _mtime_ns: int, _inode: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The sha256 of a file, computed once per process for each (path, size, mtime, inode)."""
    stat = os.stat(path)
    return _sha256_cached(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns, stat.st_ino)


def verify_checksums(files: ModelFiles) -> None:
    """Raise :class:`ModelNotAvailableError` when a file differs from its manifest sha256."""
    folder = files.model.parent
    for name, expected in files.checksums:
        path = folder / name
        if not path.is_file():
            raise ModelNotAvailableError(
                f"the model file {path} named in manifest.json is missing; {SHIPPED_HINT}",
                path=str(path),
            )
        if file_sha256(path) != expected:
            raise ModelNotAvailableError(
                f"the model file {path} does not match the sha256 in manifest.json: it is "
                f"corrupt or was replaced by another file; {SHIPPED_HINT}",
                path=str(path),
            )


def _check_sizes(folder: Path, manifest: Mapping[str, Any]) -> None:
    """A file whose size differs from the manifest's record is truncated or replaced."""
    files = manifest.get("files")
    if not isinstance(files, Mapping):
        return
    for name, record in files.items():
        size = record.get("bytes") if isinstance(record, Mapping) else None
        path = _inside(folder, str(name), folder / "manifest.json")
        if isinstance(size, int) and path.is_file() and path.stat().st_size != size:
            if path.stat().st_size < 1024:
                sniff_checkpoint(path)  # an LFS pointer or an HTML page says so more clearly
            raise ModelNotAvailableError(
                f"the model file {path} has {path.stat().st_size} bytes but manifest.json "
                f"records {size}: it is truncated or was replaced; {SHIPPED_HINT}",
                path=str(path),
            )


_LFS_MAGIC = b"version https://git-lfs"
_ZIP_MAGIC = b"PK\x03\x04"
_PICKLE_MAGIC = 0x80


def sniff_checkpoint(path: str | os.PathLike[str], role: str = "NER model") -> None:
    """Raise :class:`ModelNotAvailableError` unless *path* looks like a torch checkpoint.

    Torch checkpoints are zip archives (``PK\\x03\\x04``) or, in the legacy format Stanza
    writes, a pickle starting with byte ``0x80``. Anything else (a missing or empty file, a
    Git LFS pointer, an HTML error page saved as ``.pt``) is named in the error.
    """
    file = Path(path)
    if not file.is_file():
        raise ModelNotAvailableError(
            f"the {role} file {file} is missing; {SHIPPED_HINT}", path=str(file)
        )
    with file.open("rb") as handle:
        head = handle.read(512)
    if not head:
        raise ModelNotAvailableError(
            f"the {role} file {file} is empty (an interrupted copy?); {SHIPPED_HINT}",
            path=str(file),
        )
    if head.startswith(_LFS_MAGIC):
        raise ModelNotAvailableError(
            f"the {role} file {file} is a Git LFS pointer, not the model itself; run "
            f"`git lfs install && git lfs pull` in the clone, or install arabnews from a wheel",
            path=str(file),
        )
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body")) or (
        b"<html" in stripped
    ):
        raise ModelNotAvailableError(
            f"the {role} file {file} is an HTML page, not a model (a download that returned a "
            f"login or error page); download the file again with a client that follows "
            f"redirects, or {SHIPPED_HINT}",
            path=str(file),
        )
    if not (head.startswith(_ZIP_MAGIC) or head[0] == _PICKLE_MAGIC):
        raise ModelNotAvailableError(
            f"the {role} file {file} is not a torch checkpoint (neither a zip archive nor a "
            f"pickle); {SHIPPED_HINT}",
            path=str(file),
        )


@functools.lru_cache(maxsize=16)
def _inspect_cached(path: str, _mtime: float, _size: int) -> CheckpointInfo:
    import torch

    try:
        checkpoint = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:
        raise ModelNotAvailableError(
            f"the NER model file {path} could not be read as a torch checkpoint "
            f"({type(exc).__name__}); it may be truncated or from another program; "
            f"{SHIPPED_HINT}",
            path=path,
        ) from exc
    if not isinstance(checkpoint, Mapping) or not isinstance(checkpoint.get("config"), Mapping):
        raise ModelNotAvailableError(
            f"the file {path} is a torch checkpoint but not a Stanza NER model (no 'config'); "
            f"pass the NER tagger file, not a pretrain or charlm file",
            path=path,
        )
    return _info_from_checkpoint(checkpoint)


def _info_from_checkpoint(checkpoint: Mapping[str, Any]) -> CheckpointInfo:
    config: Mapping[str, Any] = checkpoint["config"]
    state: Mapping[str, Any] = checkpoint.get("model") or {}
    vocab: Mapping[str, Any] = checkpoint.get("vocab") or {}
    # Stanza keeps pretrained vectors out of the checkpoint (word_emb is an "unsaved module")
    # whenever the vocabulary has a 'word' part; without them it builds a random matrix.
    needs_pretrain = (
        int(config.get("word_emb_dim") or 0) > 0
        and "word" in vocab
        and "word_emb.weight" not in state
    )
    needs_charlm = bool(config.get("char", True)) and bool(config.get("charlm"))
    needs_charlm = needs_charlm and int(config.get("char_emb_dim") or 0) > 0
    transformer = config.get("bert_model") or None
    labels: set[str] = set()
    tag_vocab = vocab.get("tag")
    if isinstance(tag_vocab, Mapping):
        # TagVocab keeps a list of tags; CompositeVocab a {column: [tags]} mapping
        units = tag_vocab.get("_id2unit") or ()
        columns = list(units.values()) if isinstance(units, Mapping) else [units]
        for column in columns:
            for tag in column if isinstance(column, list | tuple) else (column,):
                prefix, dash, kind = str(tag).partition("-")
                if dash and prefix in ("B", "I", "E", "S") and kind:
                    labels.add(kind)
    return CheckpointInfo(
        needs_pretrain=needs_pretrain,
        pretrain_hint=config.get("wordvec_pretrain_file"),
        needs_charlm=needs_charlm,
        charlm_hints=(config.get("charlm_forward_file"), config.get("charlm_backward_file")),
        transformer=str(transformer) if transformer else None,
        labels=tuple(sorted(labels)),
    )


def inspect_checkpoint(path: str | os.PathLike[str]) -> CheckpointInfo:
    """Read a Stanza NER checkpoint's saved config (after :func:`sniff_checkpoint`)."""
    sniff_checkpoint(path)
    stat = os.stat(path)
    return _inspect_cached(str(Path(path).resolve()), stat.st_mtime, stat.st_size)


def check_model_files(files: ModelFiles) -> CheckpointInfo:
    """Check a model and its dependencies; raise :class:`ModelNotAvailableError` if unusable.

    Files with a sha256 in the manifest are hashed (once per process and file version) and
    must match it."""
    verify_checksums(files)
    info = inspect_checkpoint(files.model)
    if info.transformer:
        raise ModelNotAvailableError(
            f"the NER model {files.model} needs the transformer {info.transformer!r}, which "
            f"arabnews does not load (it runs offline and without the transformers package); "
            f"use a model trained without --bert_model, such as the one arabnews ships",
            path=str(files.model),
        )
    if info.needs_pretrain:
        if files.pretrain is None:
            raise ModelNotAvailableError(
                f"the NER model {files.model} was trained with word vectors "
                f"({info.pretrain_hint or 'a pretrain file'}) but none was given; without them "
                f"Stanza would run on random embeddings. Put the pretrain .pt beside the model "
                f"and name it in manifest.json ('pretrain'), or pass pretrain=... ",
                path=str(files.model),
            )
        sniff_checkpoint(files.pretrain, "word-vector (pretrain)")
    elif files.pretrain is not None:
        sniff_checkpoint(files.pretrain, "word-vector (pretrain)")
    if info.needs_charlm:
        for role, given, hint in (
            ("forward", files.charlm_forward, info.charlm_hints[0]),
            ("backward", files.charlm_backward, info.charlm_hints[1]),
        ):
            if given is None:
                raise ModelNotAvailableError(
                    f"the NER model {files.model} needs a {role} character language model "
                    f"({hint or 'charlm .pt'}) but none was given; put it beside the model and "
                    f"name it in manifest.json ('charlm_{role}'), or pass charlm_{role}=...",
                    path=str(files.model),
                )
            sniff_checkpoint(given, f"{role} character language model")
    return info


# Token normalisations a model may declare in manifest.json ("input_normalization"); they
# must match what the training script applied to the training tokens.
# The same marks as name keys drop (diacritics, tatweel, invisible format characters).
_NORMALIZATION_MARKS = f"[{class_body(NAME_KEY_MARKS)}]"


@functools.cache
def _strip_marks_re() -> re.Pattern[str]:
    return re.compile(_NORMALIZATION_MARKS)


def _strip_marks(token: str) -> str:
    out = _strip_marks_re().sub("", unicodedata.normalize("NFC", token))
    return out if out else token


def _identity(token: str) -> str:
    return token


_NORMALIZERS: dict[str, Callable[[str], str]] = {
    "none": _identity,
    "identity": _identity,
    "strip-marks": _strip_marks,
    "nfc-strip-marks": _strip_marks,
    "textnorm.normalize_token": _strip_marks,
    "normalize_token": _strip_marks,
}


def input_normalizer(name: str | None) -> Callable[[str], str]:
    """The token normalisation named in a manifest (identity when none is named).

    ``strip-marks`` (alias ``normalize_token``): NFC, then remove harakat, Quranic marks,
    tatweel and invisible format characters; a token made only of those is left as is.

    >>> input_normalizer("strip-marks")("مُحَمَّد")
    'محمد'
    """
    if not name:
        return _identity
    key = name.strip().lower()
    for candidate, func in _NORMALIZERS.items():
        if key == candidate or key.startswith(candidate + " ") or key.startswith(candidate + ":"):
            return func
    if "strip" in key or "diacritic" in key or "normalize_token" in key:
        return _strip_marks
    raise ModelNotAvailableError(
        f"the model's manifest.json asks for input normalisation {name!r}, which this version "
        f"of arabnews does not know; upgrade arabnews or retrain with a known normalisation "
        f"({', '.join(sorted(_NORMALIZERS))})",
        path=None,
    )


EXPECTED_LAYOUTS = (
    "expected either (1) a model folder as training/ner/train.py --install writes it (like "
    "the shipped arabnews/ner/models/ar_news): manifest.json naming the tagger .pt and its "
    "pretrain .pt, or a single tagger *.pt with an optional *pretrain*.pt; or (2) a Stanza "
    "resources folder as stanza.download('{lang}', dir=...) writes it, or its '{lang}' "
    "subfolder: {lang}/ner/<name>.pt with {lang}/pretrain/<name>.pt and, when the model uses "
    "them, {lang}/forward_charlm/<name>.pt and {lang}/backward_charlm/<name>.pt (with "
    "{lang}/tokenize and {lang}/mwt as well, Stanza's own tokenizer runs)"
)


@attrs.frozen(slots=True)
class ModelLayout:
    """Where a model folder's files are: our layout (``files``) or a full official Stanza
    resources folder (``official_root``, run with Stanza's tokenizer)."""

    files: ModelFiles | None = None
    official_root: Path | None = None


def _wrong_folder(folder: Path, lang: str, why: str) -> ModelNotAvailableError:
    return ModelNotAvailableError(
        f"{folder} is not a usable NER model folder ({why}); " + EXPECTED_LAYOUTS.format(lang=lang),
        path=str(folder),
    )


def _resources_dependencies(root: Path, lang: str, ner_name: str) -> dict[str, str]:
    """``{"pretrain": package, ...}`` for an NER package listed in ``resources.json``."""
    path = root / "resources.json"
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    entry = table.get(lang, {}).get("ner", {}).get(ner_name) if isinstance(table, dict) else None
    out: dict[str, str] = {}
    deps = entry.get("dependencies") if isinstance(entry, Mapping) else None
    for dep in deps if isinstance(deps, list) else ():
        if isinstance(dep, Mapping) and isinstance(dep.get("model"), str):
            package = dep.get("package")
            if isinstance(package, str):
                out[dep["model"]] = package
    return out


def _pick(
    folder: Path,
    role: str,
    wanted: str | None,
    hint: Callable[[], str | None],
    *,
    lang_dir: Path,
    lang: str,
) -> Path | None:
    """The one ``folder/*.pt`` for *role*: named by resources.json (*wanted*), by the tagger's
    saved config (*hint*, read only when needed), or the only one there."""
    candidates = sorted(folder.glob("*.pt")) if folder.is_dir() else []
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    for first in (True, False):
        name = wanted if first else hint()
        if not name:
            continue
        stem = Path(name).stem
        for path in candidates:
            if path.stem == stem or path.stem.endswith(f"_{stem}") or stem.endswith(path.stem):
                return path
    raise _wrong_folder(
        lang_dir,
        lang,
        f"{folder} holds several {role} files ({', '.join(p.name for p in candidates)}) and "
        f"neither resources.json nor the tagger says which one it uses",
    )


def locate_model_dir(path: str | os.PathLike[str], *, lang: str = "ar") -> ModelLayout:
    """Find the NER model in *path* (``~`` expanded); files are checked later, at load.

    Accepts the layout ``training/ner`` writes (``manifest.json``, or one tagger ``*.pt``
    with an optional ``*pretrain*.pt``) and an official Stanza resources folder (or its
    language subfolder). Anything else raises one :class:`ModelNotAvailableError` that
    describes both layouts.
    """
    folder = Path(path).expanduser()
    if not folder.is_dir():
        raise _wrong_folder(folder, lang, "no such folder")
    if (folder / "manifest.json").is_file():
        return ModelLayout(files=read_manifest(folder))
    if (folder / lang / "ner").is_dir():
        root, lang_dir = folder, folder / lang
    elif (folder / "ner").is_dir():
        root, lang_dir = folder.parent, folder
    elif any(folder.glob("*.pt")):
        try:
            return ModelLayout(files=read_manifest(folder))
        except ModelNotAvailableError as exc:
            raise _wrong_folder(folder, lang, "no manifest.json and no single tagger .pt") from exc
    else:
        raise _wrong_folder(folder, lang, "no manifest.json, no *.pt and no ner/ subfolder")
    taggers = sorted((lang_dir / "ner").glob("*.pt"))
    if not taggers:
        raise _wrong_folder(folder, lang, f"{lang_dir / 'ner'} holds no *.pt")
    has_tokenizer = any((lang_dir / "tokenize").glob("*.pt"))
    if has_tokenizer and (root / "resources.json").is_file():
        return ModelLayout(official_root=root)
    if len(taggers) != 1:
        raise _wrong_folder(
            folder,
            lang,
            f"{lang_dir / 'ner'} holds several models ({', '.join(p.name for p in taggers)}); "
            f"keep one, or load one with StanzaRecognizer.from_files",
        )
    tagger = taggers[0]
    deps = _resources_dependencies(root, lang, tagger.stem)

    @functools.cache
    def info() -> CheckpointInfo | None:
        try:
            return inspect_checkpoint(tagger)
        except ImportError:  # torch missing: the load reports it; pick files by name only
            return None

    def hint(role: str) -> Callable[[], str | None]:
        def read() -> str | None:
            found = info()
            if found is None:
                return None
            if role == "pretrain":
                return found.pretrain_hint
            return found.charlm_hints[0 if role == "forward_charlm" else 1]

        return read

    picked = {
        role: _pick(lang_dir / role, role, deps.get(role), hint(role), lang_dir=lang_dir, lang=lang)
        for role in ("pretrain", "forward_charlm", "backward_charlm")
    }
    return ModelLayout(
        files=ModelFiles(
            model=tagger,
            pretrain=picked["pretrain"],
            charlm_forward=picked["forward_charlm"],
            charlm_backward=picked["backward_charlm"],
        )
    )
