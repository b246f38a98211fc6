"""Average the weights of NER runs fine-tuned from one checkpoint (a "model soup").

Runs that start from the same pre-trained checkpoint and differ only by their seed stay in one
basin, so their weights can be averaged; the average is one model of the same size and speed,
and it replaces "the best of many dev evaluations of one run" by a mean over runs::

    python training/ner/average.py --name soup runs/a/model.pt runs/b/model.pt
    python training/ner/train.py --confirm --skip-train --name soup ...   # score / install it

The runs must share their vocabularies (same data, same starting checkpoint): checked. Every
floating-point tensor is averaged; the vocabularies and configuration of the first run are kept.
Writes ``runs/<name>/model.pt`` and ``runs/<name>/average.json`` (what was averaged).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def average(paths: list[Path], out: Path) -> None:
    import torch

    ckpts = [torch.load(p, map_location="cpu", weights_only=False) for p in paths]
    first = ckpts[0]
    for p, c in zip(paths[1:], ckpts[1:], strict=True):
        if c["vocab"] != first["vocab"]:
            raise SystemExit(f"{p}: another vocabulary than {paths[0]}; cannot average")
        if c["model"].keys() != first["model"].keys():
            raise SystemExit(f"{p}: other parameters than {paths[0]}")
    model = {}
    for k, v in first["model"].items():
        if torch.is_floating_point(v):
            model[k] = sum(c["model"][k] for c in ckpts) / len(ckpts)
        else:
            model[k] = v
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({**first, "model": model}, out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--name", required=True, help="run name of the average (runs/<name>/)")
    ap.add_argument("models", nargs="+", type=Path, help="model.pt of each run")
    args = ap.parse_args(argv)
    if len(args.models) < 2:
        print("give at least two runs", file=sys.stderr)
        return 1
    run_dir = HERE / "runs" / args.name
    average(args.models, run_dir / "model.pt")
    (run_dir / "average.json").write_text(
        json.dumps({"averaged": [str(p) for p in args.models]}, indent=1), "utf-8"
    )
    print(f"averaged {len(args.models)} runs into {run_dir / 'model.pt'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
