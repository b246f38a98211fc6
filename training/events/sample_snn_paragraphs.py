"""Sample SaudiNewsNet article leads for a blind, local-only paragraph event set (session 32).

The issue's web-news measure reads whole paragraphs annotated like the seeds, where every mention
of an event counts, nominal back-references included (الهجوم، المكالمة, an event an earlier
sentence reported). The sentence sets cannot see that, so this set labels whole leads: the first
lines of an article's body, whole lines, until at least 100 words (at most 220; a longer first
line is cut at a sentence end). Articles in a seeded random order, no topic filter (news as a
user feeds it), three parts of ``PER_PART`` leads for three labellers (blind, with
``events_news2_GUIDE.md`` and the paragraph addendum written for the set)::

    python training/events/sample_snn_paragraphs.py OUT_DIR [NAME SEED]

Earlier sentence sets (snn5-snn10, sessions 14-25) took up to two sentences per article from the
same 300 articles, so these leads are not unread text; no rule of this session was chosen on them.
The source is CC BY-NC-SA 4.0: the sample and its labels live under ``benchmarks/data/local/``
(git-ignored) and are never committed.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from arabnews.sentences import split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_snn_sentences import write_parts

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet_sample_300.NC.jsonl"
SEED = 20261232
PER_PART = 20
MIN_WORDS, MAX_WORDS = 100, 220


def lead(content: str) -> str:
    """The first whole lines of *content* up to ``MIN_WORDS`` words (``MAX_WORDS`` at most)."""
    out: list[str] = []
    n = 0
    for line in (x.strip() for x in content.splitlines()):
        if not line:
            continue
        words = len(line.split())
        if n + words > MAX_WORDS:
            if out:
                break
            # a first line longer than the cap: its first sentences
            kept = ""
            for span in split_sentences(line):
                cand = line[: span.end].strip()
                if len(cand.split()) > MAX_WORDS and kept:
                    break
                kept = cand
            out.append(kept)
            break
        out.append(line)
        n += words
        if n >= MIN_WORDS:
            break
    return "\n".join(out)


def main(out_dir: str, name: str = "snnp1", seed: int = SEED) -> int:
    rows = [json.loads(x) for x in SOURCE.read_text(encoding="utf-8").splitlines() if x.strip()]
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    picked = []
    for doc in order:
        text = lead(rows[doc]["content"])
        if len(text.split()) >= 60:
            picked.append((doc, rows[doc]["source"], text))
        if len(picked) == 3 * PER_PART:
            break
    write_parts(out_dir, name, picked, PER_PART, digits=2)
    print(f"picked {len(picked)} leads, {sum(len(t.split()) for *_, t in picked)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], *sys.argv[2:3], *(int(x) for x in sys.argv[3:4])))
