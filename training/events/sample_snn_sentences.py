"""Sample SaudiNewsNet sentences for a blind, local-only event set (``events_snn7``, session 23).

Sentences of 8-60 words from ``../shared/data/news/saudinewsnet_sample_300.NC.jsonl`` that no
labelled set under ``benchmarks/data`` (``local/`` included) holds, at most two per article,
300 in a seeded random order, in three parts of 100 for three labellers (blind, with
``events_news2_GUIDE.md``). No word filter: the set is news as a user feeds it, sport and
economy included::

    python training/events/sample_snn_sentences.py OUT_DIR [NAME SEED]

The source is CC BY-NC-SA 4.0: the sample and its labels live under ``benchmarks/data/local/``
(git-ignored) and are never committed.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from arabnews.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet_sample_300.NC.jsonl"
LICENCE = "CC BY-NC-SA 4.0 (local only, never commit)"
SEED = 20261223
PER_PART = 100


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)[:60]


def _used(name: str) -> set[str]:
    used = set()
    data = ROOT / "benchmarks" / "data"
    for path in [*data.glob("*.jsonl"), *data.glob("local/**/*.jsonl")]:
        if name in path.name or name in str(path.parent.name):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                used.add(_key(json.loads(line).get("text", "")))
    return used


def main(out_dir: str, name: str = "snn7", seed: int = SEED) -> int:
    used = _used(name)
    pool: list[tuple[int, str, str]] = []
    for doc, line in enumerate(SOURCE.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        for text in row["content"].splitlines():
            for span in split_sentences(text):
                sent = text[span.start : span.end].strip()
                if 8 <= len(sent.split()) <= 60 and _key(sent) not in used:
                    pool.append((doc, row["source"], sent))
    rng = random.Random(seed)
    rng.shuffle(pool)
    per_doc: dict[int, int] = {}
    picked = []
    for doc, source, sent in pool:
        if per_doc.get(doc, 0) < 2:
            per_doc[doc] = per_doc.get(doc, 0) + 1
            picked.append((doc, source, sent))
        if len(picked) == 3 * PER_PART:
            break
    write_parts(out_dir, name, picked, PER_PART)
    print(f"pool {len(pool)} sentences left, picked {len(picked)}")
    return 0


def write_parts(
    out_dir: str, name: str, picked: list[tuple[int, str, str]], per_part: int, digits: int = 3
) -> None:
    """*picked* (article number, outlet, text) as three labellers' input files
    ``input_{0,1,2}.jsonl`` of *per_part* rows each under *out_dir*."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for part in range(3):
        with (out / f"input_{part}.jsonl").open("w", encoding="utf-8") as fo:
            for i, (doc, source, text) in enumerate(
                picked[part * per_part : (part + 1) * per_part]
            ):
                row = {
                    "id": f"{name}_{part}{i:0{digits}d}",
                    "source": f"saudinewsnet:{source}",
                    "licence": LICENCE,
                    "doc": f"snn:{doc}",
                    "text": text,
                }
                fo.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], *sys.argv[2:3], *(int(x) for x in sys.argv[3:4])))
