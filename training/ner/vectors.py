"""Train 100-dimensional skip-gram word vectors and convert them to a Stanza pretrain ``.pt``.

Usage::

    python training/ner/vectors.py [--shared ../shared] [--work training/ner/work]

Text: Arabic Wikipedia (``data/text/arwiki_comparable_20170120.txt.gz``, CC BY-SA 4.0, ~8M tokens)
plus the tokens of the NER training split (``work/train.json``, from ``prepare.py``).  Each line is
normalised with :func:`textnorm.normalize_token` (no diacritics, tatweel or format controls) and
tokenised like ``arabnews.tokens`` (numbers, words and punctuation separate; clitics attached).

The vocabulary is pruned to the ``--max-vocab`` most frequent words plus every word of the NER
training split that got a vector, so that the shipped model stays small.  Deterministic: one
worker thread, fixed seed, and ``PYTHONHASHSEED=0`` (gensim seeds each initial vector from
``hash(word)``; the script re-executes itself with it set).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from textnorm import normalize_token  # noqa: E402

# numbers (with inner separators), words (letters/digits/underscore, Arabic included), any other
# single non-space character.
TOKEN = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_]+(?:\d+)?|\d+|[^\w\s]|_")


def tokenize_line(line: str) -> list[str]:
    """Normalise and tokenise one line of raw text."""
    return TOKEN.findall(normalize_token(line))


def write_corpus(shared: Path, work: Path, out: Path) -> int:
    """Write the tokenised training text (one sentence per line); return the token count."""
    n = 0
    with out.open("w", encoding="utf-8") as fo:
        gz = shared / "data/text/arwiki_comparable_20170120.txt.gz"
        with gzip.open(gz, "rt", encoding="utf-8") as fh:
            for line in fh:
                toks = tokenize_line(line)
                if toks:
                    n += len(toks)
                    fo.write(" ".join(toks) + "\n")
        for sent in json.loads((work / "train.json").read_text("utf-8")):
            toks = [w["text"].replace(" ", "\u00a0") for w in sent]
            n += len(toks)
            fo.write(" ".join(toks) + "\n")
    return n


def main(argv: list[str] | None = None) -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=HERE.parents[1].parent / "shared")
    ap.add_argument("--work", type=Path, default=HERE / "work")
    ap.add_argument("--max-vocab", type=int, default=60000)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    from gensim.models import Word2Vec  # type: ignore[import-untyped]

    corpus = args.work / "vectors_corpus.txt"
    t0 = time.time()
    ntok = write_corpus(args.shared, args.work, corpus)
    print(f"corpus: {ntok} tokens in {time.time() - t0:.0f}s", flush=True)
    t0 = time.time()
    model = Word2Vec(
        corpus_file=str(corpus),
        vector_size=args.dim,
        window=5,
        min_count=args.min_count,
        sg=1,
        negative=5,
        sample=1e-4,
        epochs=args.epochs,
        workers=1,
        seed=args.seed,
    )
    print(f"word2vec: {len(model.wv)} words in {time.time() - t0:.0f}s", flush=True)

    train_words = {
        w["text"] for s in json.loads((args.work / "train.json").read_text("utf-8")) for w in s
    }
    keep = list(model.wv.index_to_key[: args.max_vocab])
    kept = set(keep)
    extra = [w for w in model.wv.index_to_key[args.max_vocab :] if w in train_words]
    keep.extend(extra)
    covered = sum(1 for w in train_words if w in model.wv.key_to_index)
    text_vec = args.work / "vectors.txt"
    with text_vec.open("w", encoding="utf-8") as fo:
        fo.write(f"{len(keep)} {args.dim}\n")
        for w in keep:
            vec = " ".join(f"{x:.5f}" for x in model.wv[w])
            fo.write(f"{w} {vec}\n")
    del kept

    from stanza.models.common.pretrain import Pretrain

    pt = args.work / "ar_news.pretrain.pt"
    if pt.exists():
        pt.unlink()
    pre = Pretrain(str(pt), str(text_vec), max_vocab=-1, save_to_file=True)
    n = len(pre)
    info = {
        "tokens": ntok,
        "w2v_vocab": len(model.wv),
        "kept": len(keep),
        "kept_extra_train_words": len(extra),
        "train_types": len(train_words),
        "train_types_with_vector": covered,
        "pretrain_vocab": n,
        "pretrain_bytes": pt.stat().st_size,
        "settings": {k: str(v) for k, v in vars(args).items()},
    }
    (args.work / "vectors.json").write_text(json.dumps(info, indent=1), "utf-8")
    print(json.dumps(info), flush=True)


if __name__ == "__main__":
    main()
