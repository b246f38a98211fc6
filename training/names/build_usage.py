"""Build ``src/arabnews/names/data/usage.bin``: how Arabic Wikipedia uses each frequent word.

Source: the Arabic Wikipedia text in ``../shared/data/text/arwiki_comparable_20170120.txt.gz``
(CC BY-SA 4.0, Arabic Wikipedia contributors via motazsaad/comparableWikiCoprus). Only
word vectors are shipped (no text).

Recipe (settings printed into the file's header):

- every word of the text as :func:`arabnews.names.surface_form` writes it (diacritics off,
  alef seats folded, ؤ ئ ى ة and the article kept); Arabic-letter words only;
- targets: the words seen at least ``--min-count`` times; contexts: the ``--contexts`` most
  frequent words after the ``--skip`` most frequent (function words say nothing of a name);
- counts of each context word within ``--window`` words either side, in one paragraph;
- positive PMI with the context distribution raised to 0.75 (Levy, Goldberg & Dagan 2015);
- a truncated SVD to ``--dims`` dimensions (rows U·√S, unit length), written as signed bytes
  (x · 127, rounded).

The matcher reads the table through :mod:`arabnews.names._usage`: two well-attested written
words whose vectors' cosine is below ``usage_apart`` in ``costs.json`` are different names.

Session 17 (2026-12-06): window 10, 30,000 contexts after 100, 100 dims, min count 20:
34,003 words, 3.8 MB. Chosen on the read trap parts (dev to confirm9) and the dev variant
pairs against windows 5 / 25 and 64 / 128 dims, which separated no better; a fresh trap part
(confirm10) was read once afterwards (see ``docs/names.rst``).

Run: ``python training/names/build_usage.py`` (about a minute and 3 GB; needs numpy and
scipy, training only).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import regex
import scipy.sparse as sp
from scipy.sparse.linalg import svds

from arabnews.charsets import LETTERS
from arabnews.names import surface_form

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "data" / "text" / "arwiki_comparable_20170120.txt.gz"
OUT = ROOT / "src" / "arabnews" / "names" / "data" / "usage.bin"
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")  # letters with their marks


def paragraphs(path: Path) -> list[list[str]]:
    """The text's paragraphs as lists of written Arabic words."""
    forms: dict[str, str] = {}
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            words = []
            for raw in WORD.findall(line):
                form = forms.get(raw)
                if form is None:
                    form = surface_form(raw)
                    if not form or not all(ch in LETTERS for ch in form):
                        form = ""
                    forms[raw] = form
                if form:
                    words.append(form)
            out.append(words)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-count", type=int, default=20)
    ap.add_argument("--window", type=int, default=10)
    ap.add_argument("--contexts", type=int, default=30_000)
    ap.add_argument("--skip", type=int, default=100)
    ap.add_argument("--dims", type=int, default=100)
    args = ap.parse_args()
    start = time.time()
    docs = paragraphs(args.source)
    freq = Counter(w for d in docs for w in d)
    # ties in frequency in a fixed order: the file does not depend on hash seeds
    ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
    vocab = [w for w, c in ranked if c >= args.min_count]
    contexts = [w for w, _ in ranked[args.skip : args.skip + args.contexts]]
    vid = {w: i for i, w in enumerate(vocab)}
    cid = {w: i for i, w in enumerate(contexts)}
    print(f"{sum(freq.values()):,} words, {len(vocab):,} targets", flush=True)
    rows, cols = [], []
    for words in docs:
        v = np.array([vid.get(w, -1) for w in words], dtype=np.int32)
        c = np.array([cid.get(w, -1) for w in words], dtype=np.int32)
        for k in range(1, min(args.window, len(words) - 1) + 1):
            for a, b in ((v[:-k], c[k:]), (v[k:], c[:-k])):
                keep = (a >= 0) & (b >= 0)
                rows.append(a[keep])
                cols.append(b[keep])
    r = np.concatenate(rows)
    q = np.concatenate(cols)
    counts = sp.coo_matrix(
        (np.ones(len(r), dtype=np.float64), (r, q)), shape=(len(vocab), len(contexts))
    ).tocsr()
    counts.sum_duplicates()
    row_sums = np.asarray(counts.sum(1)).ravel()
    ctx = np.asarray(counts.sum(0)).ravel() ** 0.75
    ctx /= ctx.sum()
    coo = counts.tocoo()
    pmi = np.log((coo.data / row_sums[coo.row]) / ctx[coo.col])
    keep = pmi > 0
    ppmi = sp.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=counts.shape)
    v0 = np.random.default_rng(0).standard_normal(min(ppmi.shape))
    u, s, _ = svds(ppmi, k=args.dims, v0=v0)
    x = u * np.sqrt(s)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    x *= np.where(x.sum(0) >= 0, 1.0, -1.0)  # a fixed sign per dimension (SVD's is arbitrary)
    body = np.clip(np.rint(x * 127), -127, 127).astype(np.int8).tobytes()
    words = "\n".join(vocab).encode("utf-8")
    header = {
        "dims": args.dims,
        "count": len(vocab),
        "words_bytes": len(words),
        "source": "Arabic Wikipedia, arwiki_comparable_20170120 (motazsaad/comparableWikiCoprus"
        "@6e4a6e2), CC BY-SA 4.0, Arabic Wikipedia contributors",
        "built_by": "training/names/build_usage.py",
        "settings": {
            "min_count": args.min_count,
            "window": args.window,
            "contexts": args.contexts,
            "skip": args.skip,
            "context_power": 0.75,
        },
    }
    line = json.dumps(header, ensure_ascii=False).encode("utf-8")
    args.out.write_bytes(b"ARABNEWS-USAGE 1\n" + line + b"\n" + words + body)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes) in {time.time() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
