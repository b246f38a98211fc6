"""Sample the Arabic Wikipedia sentences of ``benchmarks/data/events_wiki5.jsonl`` (session 19).

Sentences of 10-60 words holding a political word (government, army, forces, president,
minister, party, police, opposition, parliament, king, regime, movement, front, militias ...;
no event word, so that the sample does not favour what the trigger lexicon knows), that no
labelled set under ``benchmarks/data`` holds, at most one per article, 600 in a seeded random
order, written in three parts for three labellers (blind, with ``events_news2_GUIDE.md``)::

    python training/events/sample_wiki_sentences.py OUT_DIR [NAME SEED] [options]

NAME (``wiki5``, the default, seed 20261206; ``wiki6``, seed 20261207) names the set: its ids
and the labelled file that is left out of the sentences already used (so that a run gives the
same sample once the set is labelled). ``--any-article`` (session 29: after wiki12 no article
without a labelled sentence was left) also takes articles that earlier sets used, still one
sentence per article and never a labelled sentence; ``--per-part N`` sets the part size (200).
wiki13: ``OUT wiki13 20261229 --any-article --per-part 100``; wiki14: ``OUT wiki14 20261230
--any-article --per-part 100``; wiki15: ``OUT wiki15 20261231 --any-article --per-part 100``;
wiki16: ``OUT wiki16 20270101 --any-article --per-part 100``.

Source: ``../shared/data/text/arwiki_comparable_20170120.txt.gz`` (CC BY-SA 4.0, Arabic
Wikipedia contributors via motazsaad/comparableWikiCoprus); each row keeps its article id.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from pathlib import Path

from arabnews.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
TEXT = ROOT.parent / "shared" / "data" / "text"
CONTEXT = re.compile(
    r"(?:^|\s)[وفبل]?(?:ال)?(?:حكوم[ةت]|جيش|قوات|رئيس|وزير|حزب|شرط[ةت]|معارض[ةت]|"
    r"الامم المتحد[ةت]|مجلس|سلطات|احتلال|ثوار|متمرد(?:ين|ون)|برلمان|ملك|استعمار|نظام|"
    r"مسلح(?:ين|ون)|مليشي?ات|ميليشي?ات|حرك[ةت]|جبه[ةت])(?:\s|$)"
)
SEED = 20261206
LICENCE = "CC BY-SA 4.0 (Arabic Wikipedia, via motazsaad/comparableWikiCoprus)"
PER_PART = 200


def _used(name: str) -> tuple[set[str], set[str]]:
    """The sentences (first 60 letters) of every labelled set under ``benchmarks/data``, and
    the Wikipedia articles of the other wiki sets (a later set takes no article of an earlier
    one: wiki6 none of wiki5's)."""
    texts, articles = set(), set()
    for path in (ROOT / "benchmarks" / "data").glob("*.jsonl"):
        if name in path.name:
            continue  # (the sample itself, once labelled)
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            texts.add(re.sub(r"\s+", "", row.get("text", ""))[:60])
            if "wiki" in path.name and str(row.get("doc", "")).startswith("arwiki:"):
                articles.add(row["doc"].split(":", 1)[1])
    return texts, articles


def main(
    out_dir: str,
    name: str = "wiki5",
    seed: int = SEED,
    any_article: bool = False,
    per_part: int = PER_PART,
) -> int:
    docs = (TEXT / "arwiki_comparable_20170120.docs.tsv").read_text(encoding="utf-8")
    ids = [row.split("\t") for row in docs.splitlines()[1:]]
    used, articles = _used(name)
    pool: list[tuple[str, str, str]] = []
    article = 0
    with gzip.open(TEXT / "arwiki_comparable_20170120.txt.gz", "rt", encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                article += 1
                continue
            for span in split_sentences(line):
                sent = line[span.start : span.end].strip()
                folded = re.sub("[أإآ]", "ا", sent)
                key = re.sub(r"\s+", "", sent)[:60]
                if (
                    10 <= len(sent.split()) <= 60
                    and CONTEXT.search(folded)
                    and key not in used
                    and (any_article or ids[article][0] not in articles)
                ):
                    pool.append((ids[article][0], ids[article][1], sent))
    rng = random.Random(seed)
    rng.shuffle(pool)
    seen: set[str] = set()
    picked = []
    for curid, title, sent in pool:
        if curid not in seen:
            seen.add(curid)
            picked.append((curid, title, sent))
        if len(picked) == 3 * per_part:
            break
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for part in range(3):
        rows = picked[part * per_part : (part + 1) * per_part]
        with (out / f"input_{part}.jsonl").open("w", encoding="utf-8") as fo:
            for i, (curid, title, sent) in enumerate(rows):
                row = {
                    "id": f"{name}{part}{i:03d}",
                    "source": "arwiki",
                    "licence": LICENCE,
                    "doc": f"arwiki:{curid}",
                    "title": title,
                    "text": sent,
                }
                fo.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    flags = [a for a in sys.argv[1:] if a.startswith("--")]
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    size = PER_PART
    if "--per-part" in sys.argv:
        size = int(sys.argv[sys.argv.index("--per-part") + 1])
        args.remove(str(size))
    sys.exit(
        main(
            args[0],
            *args[1:2],
            *(int(x) for x in args[2:3]),
            any_article="--any-article" in flags,
            per_part=size,
        )
    )
