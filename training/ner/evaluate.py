"""Entity-level evaluation (exact span and type, conlleval style) of a Stanza NER model.

Usage::

    python training/ner/evaluate.py --model-dir src/arabnews/ner/models/ar_news
    python training/ner/evaluate.py --model runs/x/model.pt --pretrain work/ar_news.pretrain.pt

The model is loaded through ``stanza.Pipeline`` (``tokenize_pretokenized``, explicit
``ner_model_path``/``ner_pretrain_path``, ``download_method=None``), i.e. the way the runtime
wrapper loads it, on one CPU thread; the script also reports tagging speed in tokens/s.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = ("PER", "LOC", "ORG", "MISC")


def offline_env() -> None:
    """Make sure nothing can be downloaded and one thread is used."""
    for var, val in {
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "STANZA_RESOURCES_DIR": str(HERE / "work" / "no_stanza_resources"),
    }.items():
        os.environ.setdefault(var, val)


def chunks(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` from BIO/BIOES tags, conlleval rules.

    A chunk starts at ``B-``/``S-``, or at ``I-``/``E-`` whose type differs from the previous
    tag (or after ``O``); it ends before ``O``, ``B-``, ``S-`` or a type change, and after
    ``E-``/``S-``.
    """
    out: set[tuple[int, int, str]] = set()
    start: int | None = None
    typ = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-") if tag != "O" else ("O", "", "")
        starts = prefix in ("B", "S") or (prefix in ("I", "E") and (start is None or t != typ))
        if start is not None and (prefix == "O" or starts):
            out.add((start, i, typ))
            start = None
        if starts:
            start, typ = i, t
        if start is not None and prefix in ("E", "S"):
            out.add((start, i + 1, typ))
            start = None
    return out


def score(
    gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]
) -> dict[str, dict[str, float]]:
    """Per-type and overall (micro) precision, recall, F1 and counts."""
    tp: Counter[str] = Counter()
    ng: Counter[str] = Counter()
    np_: Counter[str] = Counter()
    for gold_tags, pred_tags in zip(gold, pred, strict=True):
        gs, ps = chunks(gold_tags), chunks(pred_tags)
        for c in gs:
            ng[c[2]] += 1
        for c in ps:
            np_[c[2]] += 1
        for c in gs & ps:
            tp[c[2]] += 1
    table: dict[str, dict[str, float]] = {}
    for t in [*LABELS, "ALL"]:
        a = sum(tp.values()) if t == "ALL" else tp[t]
        n_gold = sum(ng.values()) if t == "ALL" else ng[t]
        n_pred = sum(np_.values()) if t == "ALL" else np_[t]
        p = a / n_pred if n_pred else 0.0
        r = a / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        table[t] = {
            "precision": p,
            "recall": r,
            "f1": f,
            "gold": n_gold,
            "pred": n_pred,
            "correct": a,
        }
    return table


def format_table(table: dict[str, dict[str, float]]) -> str:
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for t, row in table.items():
        lines.append(
            f"{t:<6} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} "
            f"{int(row['gold']):6d} {int(row['pred']):6d}"
        )
    return "\n".join(lines)


def _empty_resources() -> Path:
    path = Path(os.environ["STANZA_RESOURCES_DIR"]) / "resources.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text("{}", "utf-8")
    return path


Charlm = tuple[Path, Path]  # forward, backward character LM files


def load_pipeline(model: Path, pretrain: Path | None, charlm: Charlm | None = None):  # type: ignore[no-untyped-def]
    offline_env()
    import stanza
    import torch

    torch.set_num_threads(1)
    kwargs: dict[str, object] = {
        "lang": "ar",
        "processors": "tokenize,ner",
        "tokenize_pretokenized": True,
        "ner_model_path": str(model),
        "download_method": None,
        "use_gpu": False,
        "logging_level": "WARN",
        "dir": os.environ["STANZA_RESOURCES_DIR"],
        # an empty resources table: Stanza must not look up (or fetch) its model catalogue
        "resources_filepath": str(_empty_resources()),
        "allow_unknown_language": True,
    }
    if pretrain is not None:
        kwargs["ner_pretrain_path"] = str(pretrain)
    if charlm is not None:
        kwargs["ner_forward_charlm_path"] = str(charlm[0])
        kwargs["ner_backward_charlm_path"] = str(charlm[1])
    return stanza.Pipeline(**kwargs)


def evaluate(
    model: Path, pretrain: Path | None, dev: Path, charlm: Charlm | None = None
) -> dict[str, object]:
    """Tag ``dev`` (Stanza NER json) with the model and score it."""
    sents = json.loads(dev.read_text("utf-8"))
    words = [[w["text"] for w in s] for s in sents]
    gold = [[w["ner"] for w in s] for s in sents]
    t0 = time.perf_counter()
    nlp = load_pipeline(model, pretrain, charlm)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    doc = nlp(words)
    tag_s = time.perf_counter() - t0
    pred = [[t.ner for t in s.tokens] for s in doc.sentences]
    ntok = sum(len(s) for s in words)
    return {
        "table": score(gold, pred),
        "tokens": ntok,
        "sentences": len(words),
        "load_seconds": round(load_s, 2),
        "tokens_per_second_1_thread": round(ntok / tag_s),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model-dir", type=Path, help="folder with manifest.json (shipped layout)")
    ap.add_argument("--model", type=Path)
    ap.add_argument("--pretrain", type=Path)
    ap.add_argument("--charlm-forward", type=Path, help="with --model: forward character LM")
    ap.add_argument("--charlm-backward", type=Path, help="with --model: backward character LM")
    ap.add_argument("--dev", type=Path, default=HERE / "work" / "dev.json")
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args(argv)
    if args.model_dir:
        man = json.loads((args.model_dir / "manifest.json").read_text("utf-8"))
        model = args.model_dir / man["ner_model"]
        pretrain = args.model_dir / man["pretrain"] if man.get("pretrain") else None
        charlm = (
            (args.model_dir / man["charlm_forward"], args.model_dir / man["charlm_backward"])
            if man.get("charlm_forward")
            else None
        )
    elif args.model:
        model, pretrain = args.model, args.pretrain
        charlm = (
            (args.charlm_forward, args.charlm_backward)
            if args.charlm_forward and args.charlm_backward
            else None
        )
    else:
        ap.error("give --model-dir or --model")
    res = evaluate(model, pretrain, args.dev, charlm)
    print(format_table(res["table"]))  # type: ignore[arg-type]
    print({k: v for k, v in res.items() if k != "table"})
    if args.json_out:
        args.json_out.write_text(json.dumps(res, indent=1), "utf-8")


if __name__ == "__main__":
    main()
