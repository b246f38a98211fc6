"""Benchmark of arabnews.sentences: boundary P/R/F1 and speed, with baselines side by side.

Run: ``python benchmarks/bench_sentences.py [--mb 5] [--pysbd-kb 400]`` (the score rows need
``../shared``; the pySBD columns need ``pip install pysbd``; what is missing is skipped).

Scoring (``arabnews.sentences.score_boundaries``): a boundary is the offset, counted in
non-whitespace characters from the start of the document, where one sentence ends and the
next begins; micro-averaged over documents.

* PUD: ``../shared/data/sentences/pud_wiki_docs.jsonl``, gold = its ``sentences``.
* Quoted newswire (synthetic, built at run time, never stored): ANERcorp news sentences
  (``../shared/data/ner/anercorp_train.txt``, CC BY-SA) in paragraphs of four, two in five
  set as quoted speech: ``news «»`` with standard guillemets (``وقال: «...».``), ``news »«``
  with the reversed guillemets some Arabic papers use (``وقال:» ... «.``), ``news stray«``
  with standard quotes and a ``«`` that never closes in one sentence in ten.
* Seed gold: the splitters run on the whole raw page, but only the characters inside gold
  sentences are counted (the gold leaves boilerplate out), so a boundary inside a «اقرأ
  أيضا» block is neither rewarded nor punished, and a predicted sentence that holds only
  boilerplate is ignored.

Speed: about ``--mb`` MB (UTF-8) of Arabic news: the seed pages, the WikiNews and FIGNEWS
texts of ``../shared/data/news`` and, when present, the SaudiNewsNet sample (non-commercial:
read here at run time, never copied anywhere), repeated. pySBD is slow, so it runs on the
first ``--pysbd-kb`` KB only and the ratio compares both on that same slice. Peak memory is
measured with tracemalloc in a separate run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from arabnews.sentences import boundary_offsets, score_boundaries, split_sentences
from arabnews.tokens import tokenize

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

Splitter = Callable[[str], list[tuple[int, int]]]

_NAIVE_BREAK = re.compile(r"(?<=[.!?؟])\s+|\n+")


def naive_regex(text: str) -> list[tuple[int, int]]:
    """Baseline: split after . ! ? ؟ followed by whitespace, and at every line break."""
    spans = []
    start = 0
    for match in [*_NAIVE_BREAK.finditer(text), None]:
        end = len(text) if match is None else match.start()
        if text[start:end].strip():
            spans.append((start, end))
        if match is not None:
            start = match.end()
    return spans


def arabnews_splitter(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text)]


def pysbd_splitter() -> Splitter | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="ar", clean=False, char_span=True)

    def split(text: str) -> list[tuple[int, int]]:
        return [(span.start, span.end) for span in segmenter.segment(text)]

    return split


def pud_documents() -> list[tuple[str, list[tuple[int, int]], None]]:
    path = SHARED / "data" / "sentences" / "pud_wiki_docs.jsonl"
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text, gold, position = record["text"], [], 0
        for sentence in record["sentences"]:
            start = text.index(sentence, position)
            position = start + len(sentence)
            gold.append((start, position))
        documents.append((text, gold, None))
    return documents


def seed_documents() -> list[tuple[str, list[tuple[int, int]], list[tuple[int, int]]]]:
    gold = json.loads((SHARED / "gold" / "seeds_gold.json").read_text(encoding="utf-8"))
    documents = []
    for record in gold["documents"]:
        text = (SHARED / "seeds" / Path(record["file"]).name).read_text(encoding="utf-8")
        spans = [(s["start"], s["end"]) for s in record["sentences"]]
        documents.append((text, spans, spans))
    return documents


_NO_SPACE_BEFORE = re.compile(r" ([.،,:؛;!?؟)\]»])")
_NO_SPACE_AFTER = re.compile(r"([(\[«]) ")
_SPEAKERS = ("وقال المتحدث", "وأضاف", "وتابع الوزير", "وأكد البيان", "وقال مصدر مسؤول")


def anercorp_sentences(limit: int = 1600) -> list[str]:
    """Detokenised ANERcorp sentences (news; CC BY-SA 4.0), each ending in a full stop."""
    path = SHARED / "data" / "ner" / "anercorp_train.txt"
    sentences: list[str] = []
    tokens: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            tokens.append(line.split()[0])
            continue
        if tokens and tokens[-1] == "." and 6 <= len(tokens) <= 60:
            text = _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", " ".join(tokens)))
            if "«" not in text and "»" not in text and '"' not in text:
                sentences.append(text)
        tokens = []
        if len(sentences) >= limit:
            break
    return sentences


def quoted_newswire(style: str, seed: int = 13) -> list[tuple[str, list[tuple[int, int]], None]]:
    """Synthetic newswire with gold boundaries: ANERcorp sentences in paragraphs of four,
    two in five turned into quoted speech.

    *style*: ``"standard"`` (``وقال:« ... ».``), ``"reversed"`` (``وقال:» ... «.``, as some
    Arabic papers set it) or ``"stray"`` (standard quotes, and one sentence in ten gets a
    ``«`` that never closes)."""
    import random

    rng = random.Random(seed)
    documents: list[tuple[str, list[tuple[int, int]], None]] = []
    sentences = anercorp_sentences()
    for first in range(0, len(sentences) - 3, 4):
        pieces = []
        for plain in sentences[first : first + 4]:
            sentence = plain
            if rng.random() < 0.4:
                speaker = rng.choice(_SPEAKERS)
                body = plain[:-1]
                if style == "reversed":
                    sentence = f"{speaker}:» {body} «."
                else:
                    sentence = f"{speaker}: «{body}»."
            if style == "stray" and rng.random() < 0.1:
                words = sentence.split(" ")
                at = rng.randrange(1, len(words))
                sentence = " ".join([*words[:at], "«" + words[at], *words[at + 1 :]])
            pieces.append(sentence)
        text = " ".join(pieces)
        gold = []
        position = 0
        for piece in pieces:
            start = text.index(piece, position)
            position = start + len(piece)
            gold.append((start, position))
        documents.append((text, gold, None))
    return documents


def score(
    splitter: Splitter,
    documents: Sequence[tuple[str, list[tuple[int, int]], list[tuple[int, int]] | None]],
) -> tuple[float, float, float]:
    pairs = []
    for text, gold, scored in documents:
        predicted = boundary_offsets(text, splitter(text), scored)
        pairs.append((predicted, boundary_offsets(text, gold, scored)))
    result = score_boundaries(pairs)
    return result.precision, result.recall, result.f1


def news_corpus(megabytes: float) -> tuple[str, list[str]]:
    parts: list[str] = []
    sources = []
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    parts += [p.read_text(encoding="utf-8") for p in seeds]
    sources.append(f"{len(seeds)} seed pages")
    news = SHARED / "data" / "news"
    for name in ("wikinews_2024_plain.txt", "wikinews_2014_plain.txt"):
        if (news / name).is_file():
            parts.append((news / name).read_text(encoding="utf-8"))
            sources.append(name)
    for name, field in (
        ("fignews_iaa_arabic_original.jsonl", "text"),
        ("saudinewsnet_sample_300.NC.jsonl", "content"),
    ):
        if (news / name).is_file():
            lines = (news / name).read_text(encoding="utf-8").splitlines()
            parts += [json.loads(line)[field] for line in lines]
            sources.append(name)
    base = "\n\n".join(parts)
    copies = max(1, round(megabytes * 1e6 / len(base.encode("utf-8"))))
    return "\n\n".join([base] * copies), sources


def best_time(
    function: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        function()
        best = min(best, clock() - start)
    return best


def peak_memory_mb(function: Callable[[], object]) -> float:
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mb", type=float, default=5.0, help="size of the speed corpus")
    parser.add_argument("--pysbd-kb", type=float, default=400.0, help="pySBD speed slice")
    args = parser.parse_args(argv)

    pysbd = pysbd_splitter()
    splitters: list[tuple[str, Splitter | None]] = [
        ("arabnews", arabnews_splitter),
        ("pySBD (ar)", pysbd),
        ("naive regex", naive_regex),
    ]
    if pysbd is None:
        print("pySBD is not installed (pip install pysbd): its columns are skipped")

    if SHARED.is_dir():
        sets = [("seed gold", seed_documents()), ("PUD wiki", pud_documents())]
        if (SHARED / "data" / "ner" / "anercorp_train.txt").is_file():
            sets += [
                ("news «»", quoted_newswire("standard")),
                ("news »«", quoted_newswire("reversed")),
                ("news stray«", quoted_newswire("stray")),
            ]
        print("\nBoundary precision / recall / F1")
        print(f"{'data set':<11} {'docs':>5}  " + "  ".join(f"{n:>20}" for n, _ in splitters))
        for label, documents in sets:
            cells = []
            for _name, splitter in splitters:
                if splitter is None:
                    cells.append(f"{'-':>20}")
                    continue
                p, r, f = score(splitter, documents)
                cells.append(f"{p:6.4f} {r:6.4f} {f:6.4f}")
            print(f"{label:<11} {len(documents):>5}  " + "  ".join(cells))
    else:
        print("../shared is not present: score rows skipped (speed uses the repo's seeds)")

    text, sources = news_corpus(args.mb)
    size = len(text.encode("utf-8")) / 1e6
    print(f"\nSpeed corpus: {size:.2f} MB UTF-8, {len(text):,} characters ({', '.join(sources)})")
    split_sentences("تحمية. للكاش.")  # compile the regexes outside the timing
    tokenize("تحمية.")
    # Wall-clock and CPU time (best of a few runs): on a busy machine the CPU figure is
    # the one that reflects the code.
    rows = []
    for label, function, repeat in (
        ("arabnews split_sentences", lambda: split_sentences(text), 3),
        ("naive regex baseline", lambda: naive_regex(text), 2),
        ("arabnews tokenize (reference)", lambda: tokenize(text), 1),
    ):
        wall = best_time(function, repeat)
        cpu = best_time(function, repeat, time.process_time)
        rows.append((label, wall, cpu))
    sentences = len(split_sentences(text))
    memory = peak_memory_mb(lambda: split_sentences(text))
    print(f"\n{'one core':<31} {'MB/s wall':>10} {'MB/s CPU':>9} {'s wall':>7}")
    for label, wall, cpu in rows:
        print(f"{label:<31} {size / wall:10.1f} {size / cpu:9.1f} {wall:7.3f}")
    print(
        f"sentences: {sentences:,}; peak memory of split_sentences: {memory:.0f} MB (tracemalloc)"
    )
    if pysbd is not None:
        limit = int(args.pysbd_kb * 1000)
        piece = text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")
        piece_mb = len(piece.encode("utf-8")) / 1e6
        sbd_seconds = best_time(lambda: pysbd(piece), 1, time.process_time)
        ours = best_time(lambda: split_sentences(piece), 3, time.process_time)
        print(
            f"on the first {piece_mb:.2f} MB (CPU time): pySBD {piece_mb / sbd_seconds:.2f} MB/s, "
            f"arabnews {piece_mb / ours:.1f} MB/s, arabnews/pySBD {sbd_seconds / ours:.0f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
