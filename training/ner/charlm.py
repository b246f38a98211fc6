"""Train a small character language model (Stanza ``charlm``) on the Arabic Wikipedia text.

Stanza's own Arabic NER uses a forward and a backward character LM; ours is small enough to
train on one CPU thread per direction and to ship beside the tagger::

    python training/ner/charlm.py --direction forward  --hidden 256 --epochs 2
    python training/ner/charlm.py --direction backward --hidden 256 --epochs 2

then train the tagger with ``train.py ... -- --charlm --charlm_forward_file <fwd.pt>
--charlm_backward_file <bwd.pt>``.

Data: ``../shared/data/text/arwiki_comparable_20170120.txt.gz`` (CC BY-SA; a model trained on
it ships under CC BY-SA with attribution). Every 200th line is the LM's dev file, the rest is
cut into files of 14,000 lines (Stanza reads a training folder one file at a time, which keeps
memory bounded). Prepared once into ``work/charlm/``; the trained model goes to
``work/charlm/<direction>_h<hidden>.pt`` and the log beside it.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SOURCE = REPO.parent / "shared" / "data" / "text" / "arwiki_comparable_20170120.txt.gz"
WORK = HERE / "work" / "charlm"
DEV_EVERY = 200
LINES_PER_FILE = 14_000


def prepare(source: Path, work: Path) -> tuple[Path, Path]:
    """Split the text into a training folder and a dev file (skipped when both exist)."""
    train_dir, dev = work / "train", work / "dev.txt"
    if dev.is_file() and train_dir.is_dir() and any(train_dir.iterdir()):
        return train_dir, dev
    train_dir.mkdir(parents=True, exist_ok=True)
    part, n_in_part, out = 0, 0, None
    with gzip.open(source, "rt", encoding="utf-8") as fh, dev.open("w", encoding="utf-8") as dv:
        for i, line in enumerate(fh, 1):
            if i % DEV_EVERY == 0:
                dv.write(line)
                continue
            if out is None or n_in_part >= LINES_PER_FILE:
                if out is not None:
                    out.close()
                out = (train_dir / f"part_{part:02d}.txt").open("w", encoding="utf-8")
                part, n_in_part = part + 1, 0
            out.write(line)
            n_in_part += 1
    if out is not None:
        out.close()
    return train_dir, dev


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--direction", choices=("forward", "backward"), required=True)
    ap.add_argument("--hidden", type=int, default=256, help="LSTM hidden size")
    ap.add_argument("--emb", type=int, default=100, help="character embedding size")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--bptt", type=int, default=200)
    ap.add_argument("--eval-steps", type=int, default=1000, help="batches between dev checks")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--work", type=Path, default=WORK)
    args = ap.parse_args(argv)
    if not args.source.is_file():
        print(f"{args.source} not found", file=sys.stderr)
        return 1
    train_dir, dev = prepare(args.source, args.work)
    name = f"{args.direction}_h{args.hidden}"
    os.environ["OMP_NUM_THREADS"] = "1"
    import torch

    torch.set_num_threads(1)
    from stanza.models import charlm

    handler = logging.FileHandler(args.work / f"{name}.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logging.getLogger("stanza").addHandler(handler)
    charlm.main([
        "--train_dir", str(train_dir),
        "--eval_file", str(dev),
        "--direction", args.direction,
        "--shorthand", "ar_wiki",
        "--char_hidden_dim", str(args.hidden),
        "--char_emb_dim", str(args.emb),
        "--batch_size", str(args.batch_size),
        "--bptt_size", str(args.bptt),
        "--epochs", str(args.epochs),
        "--eval_steps", str(args.eval_steps),
        "--report_steps", "200",
        "--seed", str(args.seed),
        "--save_dir", str(args.work),
        "--save_name", f"{name}.pt",
        "--vocab_save_name", f"{name}.vocab.pt",
        "--checkpoint_save_name", f"{name}.checkpoint.pt",
        "--cpu",
    ])  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
