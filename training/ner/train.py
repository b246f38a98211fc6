"""Train, evaluate and install the arabnews Arabic news NER model (Stanza NER tagger).

One command reproduces the shipped model::

    python training/ner/train.py --seed 1234 --max-steps 11500 --eval-interval 500 \
        --max-steps-no-improve 100000 --install

Stages (each skipped when its output exists, unless ``--force``):

1. ``prepare.py``: ANERcorp -> Stanza json, contiguous-block train/dev split (``work/``).
2. ``vectors.py``: 100-d skip-gram vectors -> ``work/ar_news.pretrain.pt``.
3. ``stanza.models.ner_tagger`` training on one CPU thread, offline, seeded; the best dev
   checkpoint is kept in ``runs/<name>/model.pt`` and the log in ``runs/<name>/train.log``.
4. ``evaluate.py`` on the dev split -> ``runs/<name>/eval.json``.
5. ``--install``: copy model + pretrain into ``src/arabnews/ner/models/ar_news/`` with
   ``manifest.json`` (files, sizes, sha256, load requirements) and ``MODEL_CARD.md``.

A run that was stopped early (e.g. killed at a deadline) keeps its best checkpoint; finish it with
``--skip-train --install``.  Given the seed, single-thread CPU training is deterministic, so
``--max-steps <best step>`` reproduces the best checkpoint.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
import evaluate as ev  # noqa: E402
import prepare  # noqa: E402

SHIP = REPO / "src" / "arabnews" / "ner" / "models" / "ar_news"
MODEL_NAME = "ar_news_nertagger.pt"
PRETRAIN_NAME = "ar_news.pretrain.pt"
CHARLM_NAMES = ("ar_news.forward_charlm.pt", "ar_news.backward_charlm.pt")
MAX_SHIP_BYTES = 40 * 1024 * 1024


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def run_stanza(args: argparse.Namespace, data: Path, run_dir: Path, pretrain: Path | None) -> None:
    ev.offline_env()
    os.environ["PYTHONHASHSEED"] = os.environ.get("PYTHONHASHSEED", "0")
    import torch

    torch.set_num_threads(1)
    from stanza.models import ner_tagger

    handler = logging.FileHandler(run_dir / "train.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logging.getLogger("stanza").addHandler(handler)
    argv = [
        "--mode",
        "train",
        "--shorthand",
        "ar_news",
        "--train_file",
        str(data / "train.json"),
        "--eval_file",
        str(data / "dev.json"),
        "--save_dir",
        str(run_dir),
        "--save_name",
        "model.pt",
        "--seed",
        str(args.seed),
        "--max_steps",
        str(args.max_steps),
        "--max_steps_no_improve",
        str(args.max_steps_no_improve),
        "--eval_interval",
        str(args.eval_interval),
        "--log_step",
        "100",
        "--scheme",
        "bioes",
        "--cpu",
    ]
    if pretrain is not None:
        argv += ["--wordvec_pretrain_file", str(pretrain)]
    else:
        argv += ["--no_pretrain"]
    if charlm_files(args) is not None:
        argv += [
            "--charlm",
            "--charlm_shorthand",
            "ar_wiki",
            "--charlm_forward_file",
            str(args.charlm_forward),
            "--charlm_backward_file",
            str(args.charlm_backward),
        ]
    argv += args.stanza_args
    (run_dir / "command.json").write_text(
        json.dumps({"stanza_argv": argv, **{k: str(v) for k, v in vars(args).items()}}, indent=1),
        "utf-8",
    )
    ner_tagger.main(argv)


def charlm_files(args: argparse.Namespace) -> ev.Charlm | None:
    """The forward and backward character LMs of the run (``charlm.py``), or None."""
    if args.charlm_forward is None and args.charlm_backward is None:
        return None
    if args.charlm_forward is None or args.charlm_backward is None:
        raise SystemExit("give both --charlm-forward and --charlm-backward")
    return (args.charlm_forward, args.charlm_backward)


def parse_log(log: Path) -> dict[str, object]:
    """Dev score history, last step and best step from a Stanza training log."""
    history: list[tuple[int, float]] = []
    best = (0, -1.0)
    last_step = 0
    stamps: list[float] = []
    if log.exists():
        for line in log.read_text("utf-8").splitlines():
            t = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", line)
            if t:
                stamps.append(time.mktime(time.strptime(t.group(1), "%Y-%m-%d %H:%M:%S")))
            m = re.search(r"step (\d+): train_loss = [\d.]+, dev_score = ([\d.]+)", line)
            if m:
                history.append((int(m.group(1)), float(m.group(2))))
                if float(m.group(2)) > best[1]:
                    best = (int(m.group(1)), float(m.group(2)))
            m = re.search(r"step (\d+)/\d+, loss", line)
            if m:
                last_step = max(last_step, int(m.group(1)))
    return {
        "dev_history": history,
        "best_step": best[0],
        "best_stanza_dev_f1": best[1],
        "last_logged_step": max([last_step, *[s for s, _ in history]]),
        "train_wall_seconds": round(stamps[-1] - stamps[0]) if stamps else None,
    }


def save_half(src: Path, dest: Path, kind: str) -> None:
    """Copy a Stanza checkpoint (``kind="model"``) or pretrain (``kind="pretrain"``) to ``dest``
    with floating-point tensors stored as float16.

    Why: it halves the package data (the model keeps a fine-tuned delta embedding for every
    training word).  Stanza copies the tensors into its float32 parameters when loading
    (``Tensor.copy_`` converts), so inference still runs in float32; the dev score of the
    shipped files is measured after this conversion.
    """
    import torch

    data = torch.load(src, map_location="cpu", weights_only=True)
    if kind == "pretrain" and torch.is_tensor(data["emb"]) and data["emb"].dtype == torch.float16:
        # already what ships (--pretrain of the shipped vectors): the same bytes, so the
        # manifest's sha256 of an unchanged file stays the same
        shutil.copyfile(src, dest)
        return
    if kind == "model":
        data["model"] = {
            k: v.half() if torch.is_floating_point(v) else v for k, v in data["model"].items()
        }
    else:
        emb = data["emb"]
        data["emb"] = (torch.from_numpy(emb) if not torch.is_tensor(emb) else emb).half()
    torch.save(data, dest, _use_new_zipfile_serialization=False)


def save_float32(src: Path, dest: Path) -> None:
    """Copy a Stanza pretrain ``.pt`` with its vectors as float32 (training needs float32)."""
    import torch

    data = torch.load(src, map_location="cpu", weights_only=True)
    emb = data["emb"]
    data["emb"] = (torch.from_numpy(emb) if not torch.is_tensor(emb) else emb).float()
    dest.parent.mkdir(parents=True, exist_ok=True)
    torch.save(data, dest, _use_new_zipfile_serialization=False)


def install(
    run_dir: Path,
    pretrain: Path | None,
    result: dict[str, object],
    args: argparse.Namespace,
    ship: Path = SHIP,
) -> None:
    """Copy the model into the package (or into *ship*, in the package's layout, for scoring
    a run through ``recognize`` with ``--model-dir``) and write manifest + model card."""
    import stanza

    ship.mkdir(parents=True, exist_ok=True)
    for old in ship.glob("*.pt"):
        old.unlink()
    save_half(run_dir / "model.pt", ship / MODEL_NAME, "model")
    files = [MODEL_NAME]
    if pretrain is not None:
        save_half(args.pretrain or pretrain, ship / PRETRAIN_NAME, "pretrain")
        files.append(PRETRAIN_NAME)
    charlm = charlm_files(args)
    shipped_charlm: ev.Charlm | None = None
    if charlm is not None:
        # small (a 256-unit LSTM each); kept as trained
        shipped_charlm = (ship / CHARLM_NAMES[0], ship / CHARLM_NAMES[1])
        for src, dest in zip(charlm, shipped_charlm, strict=True):
            shutil.copyfile(src, dest)
        files += list(CHARLM_NAMES)
    total = sum((ship / f).stat().st_size for f in files)
    if total > MAX_SHIP_BYTES:
        raise SystemExit(f"shipped model is {total} bytes > {MAX_SHIP_BYTES}")
    # the scores in the card are those of the shipped (float16) files
    shipped = ev.evaluate(
        ship / MODEL_NAME,
        ship / PRETRAIN_NAME if pretrain else None,
        HERE / "work" / "dev.json",
        shipped_charlm,
    )
    result["float32_table"] = result["table"]
    result.update(shipped)
    (run_dir / "eval_shipped.json").write_text(json.dumps(result, indent=1), "utf-8")
    print("shipped files:")
    print(ev.format_table(result["table"]))  # type: ignore[arg-type]
    table = result["table"]
    assert isinstance(table, dict)
    manifest = {
        "name": "ar_news",
        "format": "stanza-ner",
        "lang": "ar",
        "stanza_version": stanza.__version__,
        "ner_model": MODEL_NAME,
        "pretrain": PRETRAIN_NAME if pretrain is not None else None,
        "requires_pretrain": pretrain is not None,
        "requires_charlm": charlm is not None,
        **(
            {"charlm_forward": CHARLM_NAMES[0], "charlm_backward": CHARLM_NAMES[1]}
            if charlm is not None
            else {}
        ),
        "requires_transformer": False,
        "labels": list(ev.LABELS),
        "tag_scheme": "bioes",
        "input_normalization": (
            "NFC; strip Arabic diacritics U+0610-U+061A U+064B-U+065F U+0670 U+06D6-U+06ED, "
            "tatweel U+0640 and format controls U+00AD U+200B-U+200F U+202A-U+202E "
            "U+2066-U+2069 U+FEFF from each token (training/ner/textnorm.py); keep hamza/alef "
            "variants, ta marbuta and alef maqsura; a token made only of such marks stays as is"
        ),
        "tokenization": (
            "arabnews.tokens: words, numbers and punctuation separate; clitics attached"
        ),
        "license": "CC-BY-SA-4.0",
        "dtype_on_disk": "float16 (loaded into float32 parameters by Stanza)",
        "files": {
            f: {"bytes": (ship / f).stat().st_size, "sha256": sha256(ship / f)} for f in files
        },
        "total_bytes": total,
        "training": {
            "seed": args.seed,
            "steps_trained": result["steps_trained"],
            "best_step": result["best_step"],
            "dev_f1": round(float(table["ALL"]["f1"]), 4),
        },
    }
    (ship / "manifest.json").write_text(
        json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", "utf-8"
    )
    import model_card

    (ship / "MODEL_CARD.md").write_text(model_card.render(manifest, result, args), "utf-8")
    print(f"installed {files} ({total} bytes) into {ship}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--max-steps", type=int, default=9000)
    ap.add_argument("--eval-interval", type=int, default=500)
    ap.add_argument("--max-steps-no-improve", type=int, default=5000)
    ap.add_argument("--name", default=None, help="run name (default: s<seed>_<steps>)")
    ap.add_argument("--fane", action="store_true", help="add the FANE corpora to train")
    ap.add_argument(
        "--fane-only", action="store_true", help="train on the FANE corpora alone (pre-training)"
    )
    ap.add_argument("--no-vectors", action="store_true")
    ap.add_argument("--skip-train", action="store_true", help="evaluate/install an existing run")
    ap.add_argument("--install", action="store_true")
    ap.add_argument(
        "--install-to", type=Path, help="write the run in the shipped layout to this folder"
    )
    ap.add_argument("--force", action="store_true", help="redo prepare and vectors")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument(
        "--confirm",
        action="store_true",
        help="leave the confirmation split out of training and score the model on it once",
    )
    ap.add_argument(
        "--pretrain",
        type=Path,
        default=None,
        help="use this Stanza pretrain .pt instead of building vectors (float16 files are "
        "converted to float32 in work/)",
    )
    ap.add_argument("--charlm-forward", type=Path, help="forward character LM (charlm.py)")
    ap.add_argument("--charlm-backward", type=Path, help="backward character LM (charlm.py)")
    prepare.add_extra_arguments(ap)  # a run with --extra gets a data folder of its own
    ap.add_argument("stanza_args", nargs="*", help="extra ner_tagger args after --")
    args = ap.parse_args(argv)
    work = HERE / "work"
    fane = "_faneonly" if args.fane_only else "_fane" if args.fane else ""
    data = work / fane[1:] if fane else work
    if args.confirm:
        data = work / f"confirm{fane}"
    if args.extra:  # a folder per set of extra files and repeat count
        tag = hashlib.sha256(
            "".join(sha256(p) for p in args.extra).encode() + str(args.extra_repeat).encode()
        ).hexdigest()[:8]
        data = work / f"{data.name if data != work else 'anercorp'}_extra_{tag}"
    name = args.name or f"s{args.seed}_{args.max_steps}{fane}"
    run_dir = HERE / "runs" / name
    run_dir.mkdir(parents=True, exist_ok=True)
    py = [sys.executable]
    if args.force or not (work / "dev.json").exists():
        subprocess.run(
            [*py, str(HERE / "prepare.py"), "--shared", str(args.shared), "--out", str(work)],
            check=True,
        )
    if (fane or args.confirm or args.extra) and (args.force or not (data / "train.json").exists()):
        subprocess.run(
            [
                *py,
                str(HERE / "prepare.py"),
                "--shared",
                str(args.shared),
                "--out",
                str(data),
                *(["--fane"] if args.fane else []),
                *(["--fane-only"] if args.fane_only else []),
                *(["--confirm"] if args.confirm else []),
                *(x for p in args.extra for x in ("--extra", str(p))),
                *(["--extra-repeat", str(args.extra_repeat)] if args.extra else []),
            ],
            check=True,
        )
    pretrain: Path | None = None if args.no_vectors else work / PRETRAIN_NAME
    if args.pretrain is not None and not args.no_vectors:
        pretrain = work / f"given.{args.pretrain.name}"
        if args.force or not pretrain.exists():
            save_float32(args.pretrain, pretrain)
    elif pretrain is not None and (args.force or not pretrain.exists()):
        subprocess.run(
            [*py, str(HERE / "vectors.py"), "--shared", str(args.shared), "--work", str(work)],
            check=True,
        )
    t0 = time.time()
    if not args.skip_train:
        run_stanza(args, data, run_dir, pretrain)
    train_s = time.time() - t0
    info = parse_log(run_dir / "train.log")
    charlm = charlm_files(args)
    result = ev.evaluate(run_dir / "model.pt", pretrain, work / "dev.json", charlm)
    result.update(info)
    result["steps_trained"] = info["last_logged_step"]
    if not args.skip_train:
        result["train_seconds"] = round(train_s)
    old = run_dir / "eval.json"
    if args.skip_train and old.exists():
        result.setdefault("train_seconds", json.loads(old.read_text("utf-8")).get("train_seconds"))
    if result.get("train_seconds") is None:
        result["train_seconds"] = info["train_wall_seconds"]
    result["data_split"] = json.loads((data / "split.json").read_text("utf-8"))
    if args.confirm:
        # scored once, after training; no choice is made on this number
        result["confirm"] = ev.evaluate(
            run_dir / "model.pt", pretrain, data / "confirm.json", charlm
        )
        print("confirmation split:")
        print(ev.format_table(result["confirm"]["table"]))  # type: ignore[index]
    if pretrain is not None and (work / "vectors.json").exists() and args.pretrain is None:
        result["vectors"] = json.loads((work / "vectors.json").read_text("utf-8"))
    elif args.pretrain is not None:
        result["vectors"] = {"given_pretrain": str(args.pretrain)}
    (run_dir / "eval.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), "utf-8")
    print(ev.format_table(result["table"]))  # type: ignore[arg-type]
    print({k: result[k] for k in ("steps_trained", "best_step", "tokens_per_second_1_thread")})
    if args.install:
        install(run_dir, pretrain, result, args)
    elif args.install_to is not None:
        install(run_dir, pretrain, result, args, args.install_to.expanduser())


if __name__ == "__main__":
    main()
