"""Benchmark of arabnews.ner: per-type P/R/F1 on a dev split and on splits nothing was chosen on.

Run: ``python benchmarks/bench_ner.py`` (``--threads N`` torch threads, default 1 = one core;
``--model-dir DIR`` another model folder; ``--limit N`` sentences per split for a quick run).
Needs stanza and the model for the model rows and ``../shared`` for the data; what is missing
is reported as skipped.

Splits (gold tokens joined with spaces give the sentence text):

* ``dev``: the ANERcorp development split of ``training/ner/prepare.py`` (every 10th block of
  100 sentences from block 7). **Every model choice was made on it**: its figures are optimistic.
* ``confirm``: ANERcorp blocks from offset 2 (``prepare.py --confirm``). Nothing was selected
  on it, but the shipped model was *trained* on it (it predates the split); only models trained
  with ``train.py --confirm`` are held out from it. Printed with that warning.
* ``wojood``: the public Wojood sample (``train`` + ``val``; SinaLab, MIT), another annotation
  scheme: outermost PERS -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, other types not scored; MISC
  is not comparable and is left out of the ALL row. Nothing was trained or selected on it.
* ``news dev`` / ``news confirm``: ``benchmarks/data/ner_news_{dev,confirm}.jsonl``, 240 web-news
  sentences (Wikinews 2013-14 and 2024, FIGNEWS 2024) labelled by hand in the seed (news)
  convention, split by article (``ner_news_NOTES.md``). The raw sentence is the input, so only
  the systems that take text run; the ``+clitic`` and ``words`` columns mean little here (the
  gold already follows the news convention). Choices may be made on dev; confirm is read once.
* ``news confirm2``: ``benchmarks/data/ner_news_confirm2.jsonl``, 110 more sentences labelled
  the same way, drawn only from the confirm articles and from FIGNEWS posts not used before
  (never from a dev article), made after confirm had been read: nothing was ever selected on
  it. Not in the default ``--splits``; ask for it (``--splits news-confirm2``) once, at the end.
* ``news confirm3``: ``benchmarks/data/ner_news_confirm3.jsonl``, 110 more sentences labelled
  the same way, from what dev/confirm/confirm2 left of the confirm articles and from FIGNEWS
  posts not used before, made after confirm2 had been read and without any system output.
  Not in the default ``--splits``; ask for it (``--splits news-confirm3``) once, at the end.
* From session 8 the four committed web-news splits have all been read and are pooled as dev
  (rules may be chosen on them); the splits nothing was chosen on are local:
* ``news local-dev`` / ``news local-confirm``: local only, when present:
  ``benchmarks/data/local/ner/ner_saudi_local-{dev,confirm}_*.jsonl``, 240 sentences of the
  non-commercial SaudiNewsNet sample (``select_news_sentences.py --saudi 240``), split by
  article and labelled by hand the same way without any system output (session 8). NC: never
  committed. local-dev may be chosen on; local-confirm is read once, at the end.
  ``news local-confirm2``: 240 more sentences from articles the first selection did not use
  (``--saudi-more 240``), labelled the same way; the session-8 model was shipped on it.
  ``news local-confirm3``: the 86 sentences of the articles neither used (``--saudi-rest``),
  read once at the end of session 8 for the final code. Not in the default ``--splits``.
* ``news gsr-dev`` / ``news gsr-confirm`` (session 9):
  ``benchmarks/data/ner_gsr_{dev,confirm}.jsonl``, 240 sentences of the Arabic PLOVER gold
  standard's dev share (newswire 2004-2010, MIT; ``select_news_sentences.py --gsr 240``),
  never labelled for NER before, split by document and labelled by hand the same way without
  any system output. gsr-dev may be chosen on; gsr-confirm is read once. Not in the default
  ``--splits``. ``news gsr-confirm2``: 240 more sentences from the documents those left
  (``--gsr-more 240``), labelled after session 9's rules were final. ``news gsr-confirm3``
  (session 10): 300 sentences from the documents neither used (``--gsr-later gsr-confirm3 300``);
  ``news gsr-confirm4``: 300 from those none of the three used (``--gsr-later gsr-confirm4 300``);
  ``news gsr-confirm5``: 400 from those none of the four used (``--gsr-later gsr-confirm5 400``);
  ``news gsr-confirm6``: the 381 the rule still yields (``--gsr-later gsr-confirm6 381``).

Systems, each through the public call a user makes, **one sentence per call**:

* ``gazetteer`` (baseline): ``recognize(s, recognizer=GazetteerRecognizer())``;
* ``model tags``: the model's own tags on the gold tokens (what the trainer scores);
* ``recognize()``: ``arabnews.recognize(s)`` (cleaning, model + gazetteer, the span clean-up).
* ``model tags, float`` and ``recognize(), float``: the same with ``quantize=False`` (the
  model as trained, without the int8 LSTMs the library runs by default on CPU), and
  ``recognize(), float16`` with ``quantize="float16"``; left out with ``--no-float``.

Exact span and label. ANERcorp keeps glued proclitics inside entities ("وإسرائيل"), which
``recognize`` trims by design ("إسرائيل", the news convention of ``docs/ner.rst``); two more
columns measure across the two conventions: ``+clitic`` also counts a prediction that differs
from the gold only by a leading proclitic (و ف ب ل ك, up to two letters), and ``words`` is the
exact F1 of the predictions widened to whole words by ``arabnews.ner.widen_to_words`` (the
token convention, what a user comparing with ANERcorp-style data would run).

``--seeds``: ``recognize`` on the five seed pages, one gold sentence per call, against the
seed gold (news convention). **Examples, not a benchmark**: the gazetteer lists the seed
entities and rules were written with the seeds in view; nothing is chosen on these figures.

The seed pages are examples, not a benchmark, and are not scored here.

``--scaling``: peak RSS of ``StanzaRecognizer.recognize`` on one long news text (Wikinews
paragraphs repeated), each size in a fresh process: with the tagger replaced by a stub (what
arabnews itself holds: tokens, Stanza documents, entities) at 1 MB and 20 MB, and with the real
model at 0.1 MB and 1 MB. Target: 20 MB within ~1.5x the peak of 1 MB.

``--threads-check``: ``recognize()`` of ~100 KB of news with torch's own default thread count
(one per core) against the library's default of one thread, on whatever load the machine has.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ("PER", "LOC", "ORG", "MISC")
PROCLITICS = "وفبلك"
WOJOOD_MAP = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

Key = tuple[int, int, int, str]  # sentence, start char, end char, label
Sentence = tuple[list[str], list[str]]  # tokens, BIO tags


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(
    gold: Iterable[Key],
    pred: Iterable[Key],
    labels: Sequence[str],
    texts: Sequence[str],
    words: Iterable[Key] | None = None,
) -> dict[str, tuple[float, float, float, int, float, float]]:
    """Per label and ALL: P, R, F1 (exact), gold count, F1 tolerating a leading proclitic,
    exact F1 of *words* (the predictions widened to whole words; default *pred*)."""
    g = Counter(k for k in gold if k[3] in labels)
    p = Counter(k for k in pred if k[3] in labels)
    w = p if words is None else Counter(k for k in words if k[3] in labels)
    loose = Counter(_loose(k, g, texts) for k in p.elements())
    out = {}
    for label in (*labels, "ALL"):

        def keep(k: Key, label: str = label) -> bool:
            return label == "ALL" or k[3] == label

        gl = Counter({k: n for k, n in g.items() if keep(k)})
        pl = Counter({k: n for k, n in p.items() if keep(k)})
        ll = Counter({k: n for k, n in loose.items() if keep(k)})
        wl = Counter({k: n for k, n in w.items() if keep(k)})
        n_gold, n_pred = sum(gl.values()), sum(pl.values())
        exact = prf(sum((gl & pl).values()), n_pred, n_gold)
        tolerant = prf(sum((gl & ll).values()), n_pred, n_gold)
        whole = prf(sum((gl & wl).values()), sum(wl.values()), n_gold)
        out[label] = (*exact, n_gold, tolerant[2], whole[2])
    return out


def _loose(k: Key, gold: Counter[Key], texts: Sequence[str]) -> Key:
    """The gold key that *k* matches up to a leading proclitic of the gold span, else *k*."""
    if k in gold:
        return k
    sent, start, end, label = k
    for cut in (1, 2):
        cand = (sent, start - cut, end, label)
        if cand in gold and set(texts[sent][start - cut : start]) <= set(PROCLITICS):
            return cand
    return k


# ----------------------------------------------------------------------------- data


def read_columns(path: Path) -> list[tuple[list[str], list[list[str]]]]:
    """Sentences of ``token TAG [TAG ...]`` lines: tokens and one tag list per column."""
    out: list[tuple[list[str], list[list[str]]]] = []
    words: list[str] = []
    cols: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if not parts:
            if words:
                out.append((words, cols))
            words, cols = [], []
            continue
        words.append(parts[0])
        tags = parts[1:] or ["O"]
        for c in range(max(len(tags), len(cols))):
            if c >= len(cols):
                cols.append(["O"] * (len(words) - 1))
            cols[c].append(tags[c] if c < len(tags) else "O")
    return out


def spans_of(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    from arabnews.ner import bioes_spans

    return list(bioes_spans(tags))


def anercorp_split(path: Path) -> list[Sentence]:
    return [(w, cols[-1]) for w, cols in read_columns(path)]


def anercorp_json(path: Path) -> list[Sentence]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [([t["text"] for t in s], [t["ner"] for t in s]) for s in rows]


def wojood(paths: Sequence[Path]) -> list[Sentence]:
    """Wojood sentences with the outermost mapped entity of each position as BIO tags."""
    out: list[Sentence] = []
    for path in paths:
        for words, cols in read_columns(path):
            chosen: list[tuple[int, int, str]] = []
            for col in cols:  # outer layers first
                for first, last, kind in spans_of(col):
                    label = WOJOOD_MAP.get(kind)
                    if label and all(last <= a or b <= first for a, b, _ in chosen):
                        chosen.append((first, last, label))
            tags = ["O"] * len(words)
            for first, last, label in chosen:
                tags[first] = f"B-{label}"
                for i in range(first + 1, last):
                    tags[i] = f"I-{label}"
            out.append((words, tags))
    return out


def char_keys(index: int, words: Sequence[str], tags: Sequence[str]) -> list[Key]:
    from arabnews.ner.base import canonical_label

    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    keys = []
    for first, last, kind in spans_of(tags):
        label = canonical_label(kind) or kind
        keys.append((index, starts[first], starts[last - 1] + len(words[last - 1]), label))
    return keys


# -------------------------------------------------------------------------- systems


def news_rows(paths: Sequence[Path]) -> tuple[list[str], list[Key]]:
    """Sentences of ``ner_news_*.jsonl`` files (in order) and their gold keys (character
    offsets)."""
    texts: list[str] = []
    gold: list[Key] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            i = len(texts)
            texts.append(row["text"])
            gold += [(i, e["start"], e["end"], e["label"]) for e in row["entities"]]
    return texts, gold


def run_news_split(
    name: str, texts: list[str], gold: list[Key], systems: dict[str, Any]
) -> list[str]:
    """Raw sentences with character-offset gold: the systems that take text only."""
    text_systems = {k: v for k, v in systems.items() if not k.startswith("model tags")}
    gold = [k for k in gold if k[0] < len(texts)]
    return table_lines(name, texts, gold, data=[], systems=text_systems, labels=LABELS)


def run_split(
    name: str, data: list[Sentence], systems: dict[str, Any], labels: Sequence[str]
) -> list[str]:
    texts = [" ".join(w) for w, _ in data]
    gold = [k for i, (w, t) in enumerate(data) for k in char_keys(i, w, t)]
    return table_lines(name, texts, gold, data=data, systems=systems, labels=labels)


def table_lines(
    name: str,
    texts: list[str],
    gold: list[Key],
    *,
    data: list[Sentence],
    systems: dict[str, Any],
    labels: Sequence[str],
) -> list[str]:
    """The P/R/F1 table of every system on one split; *data* holds the gold tokens (empty
    for raw sentences: only the systems that read text are run then)."""
    n_tok = sum(len(w) for w, _ in data) if data else sum(len(t.split()) for t in texts)
    lines = [
        f"{name}: {len(texts)} sentences, {n_tok} tokens, {len(gold)} gold entities "
        f"(scored: {', '.join(labels)})",
        f"  {'system':<24}{'type':<6}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'+clitic':>9}"
        f"{'words':>7}",
    ]
    for sys_name, func in systems.items():
        start, cpu = time.perf_counter(), time.process_time()
        found = func(data, texts)
        secs, cpu = time.perf_counter() - start, time.process_time() - cpu
        pred, words = found if isinstance(found, tuple) else (found, None)
        table = score(gold, pred, labels, texts, words)
        for label in (*labels, "ALL"):
            p, r, f, n, loose, whole = table[label]
            who = sys_name if label == labels[0] else ""
            lines.append(
                f"  {who:<24}{label:<6}{p:7.3f}{r:7.3f}{f:7.3f}{n:6d}{loose:9.3f}{whole:7.3f}"
            )
        lines.append(
            f"  {'':<24}({n_tok / secs:,.0f} tokens/s wall, {n_tok / cpu:,.0f} per CPU-second"
            f"{'; target >= 2,000 for recognize()' if sys_name == 'recognize()' else ''})"
        )
    return lines


def gazetteer_system(gazetteer: Any) -> Any:
    return recognize_system(gazetteer)


def model_tags_system(model: Any) -> Any:
    def run(data: list[Sentence], texts: list[str]) -> list[Key]:
        tagged = model.tag_tokens([w for w, _ in data])
        return [
            k
            for i, ((w, _), t) in enumerate(zip(data, tagged, strict=True))
            for k in char_keys(i, w, t)
        ]

    return run


def recognize_system(recognizer: Any) -> Any:
    """``recognize`` one sentence per call: its keys, and the keys widened to whole words."""
    from arabnews.ner import recognize, widen_to_words

    def run(data: list[Sentence], texts: list[str]) -> tuple[list[Key], list[Key]]:
        pred: list[Key] = []
        words: list[Key] = []
        for i, t in enumerate(texts):
            found = recognize(t, recognizer=recognizer)
            pred += [(i, e.start, e.end, e.label) for e in found]
            words += [(i, e.start, e.end, e.label) for e in widen_to_words(found, t)]
        return pred, words

    return run


def seeds_lines(shared: Path, recognizer: Any) -> list[str]:
    """``recognize`` on the seed pages, one gold sentence per call (examples, see the top)."""
    from arabnews.ner import recognize

    gold_path = shared / "gold" / "seeds_gold.json"
    if not gold_path.is_file():
        return [f"seeds skipped: {gold_path} not found"]
    docs = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    texts: list[str] = []
    gold: list[Key] = []
    pred: list[Key] = []
    n_sent = 0
    for i, doc in enumerate(docs):
        text = (shared / "seeds" / doc["file"]).read_text(encoding="utf-8")
        texts.append(text)
        sentences = [(s["start"], s["end"]) for s in doc["sentences"]]
        n_sent += len(sentences)
        for e in doc["entities"]:
            inside = any(a <= e["start"] and e["end"] <= b for a, b in sentences)
            if inside and not e.get("in_boilerplate"):
                gold.append((i, e["start"], e["end"], e["label"]))
        for a, b in sentences:
            pred += [
                (i, a + e.start, a + e.end, e.label)
                for e in recognize(text[a:b], recognizer=recognizer)
            ]
    table = score(gold, pred, LABELS, texts)
    lines = [
        f"seeds: EXAMPLES, NOT A BENCHMARK (the gazetteer lists the seed entities): "
        f"{len(docs)} pages, {n_sent} sentences, {len(gold)} gold entities, news convention",
        f"  {'system':<24}{'type':<6}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}",
    ]
    for label in (*LABELS, "ALL"):
        p, r, f, n, _loose, _whole = table[label]
        who = "recognize()" if label == LABELS[0] else ""
        lines.append(f"  {who:<24}{label:<6}{p:7.3f}{r:7.3f}{f:7.3f}{n:6d}")
    return lines


def import_check() -> str:
    code = (
        "import sys, time; t = time.perf_counter(); import arabnews, arabnews.ner; "
        "print(round(time.perf_counter() - t, 3), sorted({'torch','stanza'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    secs, loaded = out.stdout.strip().split(" ", 1)
    return f"import arabnews, arabnews.ner: {secs} s (target <= 0.3), loads {loaded} (expected [])"


SCALING_CODE = """
import json, resource, sys, time
import torch
from arabnews.ner import StanzaRecognizer
from arabnews.ner import stanza_backend
size, stub = int(sys.argv[1]), sys.argv[2] == "stub"
paragraphs = json.loads(open(sys.argv[3], encoding="utf-8").read())
text = ""
while len(text) < size:
    text += "\\n".join(paragraphs) + "\\n"
text = text[:size]
rec = StanzaRecognizer()
if stub:
    def tag(doc):  # one token in 12 is a name, about the density of news
        k = 0
        for sentence in doc.sentences:
            for token in sentence.tokens:
                k += 1
                token.ner = "S-LOC" if k % 12 == 0 else "O"
        return doc
    StanzaRecognizer._pipeline = lambda self: tag
else:
    rec.load()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
n = len(rec.recognize(text))
secs = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
row = {"before_mb": base / 1024, "peak_mb": peak / 1024, "seconds": secs, "entities": n}
print(json.dumps(row))
"""


def scaling_lines(shared: Path) -> list[str]:
    paragraphs = news_paragraphs(shared)
    lines = [
        "Peak RSS of StanzaRecognizer.recognize on one text (fresh process per row):",
        f"  {'tagger':<8}{'size':>8}{'peak MB':>10}{'before MB':>11}{'seconds':>9}",
    ]
    peaks: dict[tuple[str, int], float] = {}
    for mode, size in (
        ("stub", 1_000_000),
        ("stub", 20_000_000),
        ("model", 100_000),
        ("model", 1_000_000),
    ):
        out = subprocess.run(
            [sys.executable, "-c", SCALING_CODE, str(size), mode, _as_file(paragraphs)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        peaks[mode, size] = row["peak_mb"]
        lines.append(
            f"  {mode:<8}{size / 1e6:7.1f}M{row['peak_mb']:10.0f}{row['before_mb']:11.0f}"
            f"{row['seconds']:9.1f}"
        )
    lines.append(
        f"  ratio stub 20 MB / 1 MB: {peaks['stub', 20_000_000] / peaks['stub', 1_000_000]:.2f} "
        f"(target <= 1.5); model 1 MB / 0.1 MB: "
        f"{peaks['model', 1_000_000] / peaks['model', 100_000]:.2f}"
    )
    return lines


THREADS_CODE = """
import json, sys, time
import torch
from arabnews.ner import StanzaRecognizer, recognize
threads = None if sys.argv[1] == "default" else int(sys.argv[1])
text = json.loads(open(sys.argv[2], encoding="utf-8").read())
rec = StanzaRecognizer(threads=threads).load()
recognize(text[:2000], recognizer=rec)
t = time.perf_counter()
recognize(text, recognizer=rec)
print(json.dumps({"threads": torch.get_num_threads(), "seconds": time.perf_counter() - t}))
"""


def threads_lines(shared: Path) -> list[str]:
    paragraphs = news_paragraphs(shared)
    text = ""
    while len(text) < 100_000:
        text += "\n".join(paragraphs) + "\n"
    text = text[:100_000]
    lines = ["recognize() of 100 KB of news by torch threads (fresh process per row):"]
    for setting in ("default", "1"):
        env = {
            k: v for k, v in os.environ.items() if k not in ("OMP_NUM_THREADS", "MKL_NUM_THREADS")
        }
        out = subprocess.run(
            [sys.executable, "-c", THREADS_CODE, setting, _as_file(text)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        name = "torch default" if setting == "default" else "arabnews default"
        lines.append(f"  {name:<18} threads={row['threads']:<3} {row['seconds']:7.1f} s")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines.append(f"  (load average {load:.1f} on {os.cpu_count()} cores)")
    return lines


def _as_file(value: object) -> str:
    """*value* as JSON in a temporary file (too long for a command line); its path."""
    with tempfile.NamedTemporaryFile(
        "w", suffix=".json", prefix="bench_ner_", delete=False, encoding="utf-8"
    ) as handle:
        json.dump(value, handle, ensure_ascii=False)
    return handle.name


def news_paragraphs(shared: Path) -> list[str]:
    """Wikinews paragraphs (CC BY 2.5), or the seed pages without ../shared."""
    out: list[str] = []
    for name in ("wikinews_2024_plain.txt", "wikinews_2014_plain.txt"):
        path = shared / "data" / "news" / name
        if path.is_file():
            out += [
                line
                for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")
            ]
    if not out:
        out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return out


def rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (1 = one core)")
    parser.add_argument("--model-dir", type=Path, default=None, help="another model folder")
    parser.add_argument("--limit", type=int, default=None, help="sentences per split")
    parser.add_argument("--splits", default="dev,confirm,wojood,news,news-confirm")
    parser.add_argument(
        "--no-float", action="store_true", help="leave out the float (quantize=False) rows"
    )
    parser.add_argument("--scaling", action="store_true", help="only the memory scaling run")
    parser.add_argument("--threads-check", action="store_true", help="only the threads run")
    parser.add_argument(
        "--seeds", action="store_true", help="also recognize() on the seed pages (examples)"
    )
    args = parser.parse_args(argv)
    if args.scaling or args.threads_check:
        if args.scaling:
            print("\n".join(scaling_lines(args.shared)))
        if args.threads_check:
            print("\n".join(threads_lines(args.shared)))
        return 0

    from arabnews.errors import ModelNotAvailableError
    from arabnews.ner import CombinedRecognizer, GazetteerRecognizer, StanzaRecognizer

    print(import_check())
    gazetteer = GazetteerRecognizer()
    systems: dict[str, Any] = {"gazetteer (baseline)": gazetteer_system(gazetteer)}
    try:
        import torch

        torch.set_num_threads(args.threads)
        start = time.perf_counter()
        model = (
            StanzaRecognizer.from_dir(args.model_dir) if args.model_dir else StanzaRecognizer()
        ).load()
        files = model.files
        size = (
            sum(
                p.stat().st_size
                for p in (files.model, files.pretrain, files.charlm_forward, files.charlm_backward)
                if p is not None
            )
            if files
            else 0
        )
        print(
            f"model: {files.model if files else args.model_dir}, {size / 1e6:.1f} MB "
            f"(target <= 40), loaded in {time.perf_counter() - start:.1f} s; "
            f"torch threads = {torch.get_num_threads()}"
        )
        if files is not None:
            systems["model tags (gold tokens)"] = model_tags_system(model)
        systems["recognize()"] = recognize_system(CombinedRecognizer(model, gazetteer))
        if files is not None and not args.no_float:
            # The same model without quantisation (quantize=False), as trained.
            exact = (
                StanzaRecognizer.from_dir(args.model_dir, quantize=False)
                if args.model_dir
                else StanzaRecognizer(quantize=False)
            ).load()
            systems["model tags, float"] = model_tags_system(exact)
            systems["recognize(), float"] = recognize_system(CombinedRecognizer(exact, gazetteer))
            # float16 weights: the other quantisation (batches kept together; whole texts)
            half = (
                StanzaRecognizer.from_dir(args.model_dir, quantize="float16")
                if args.model_dir
                else StanzaRecognizer(quantize="float16")
            ).load()
            systems["recognize(), float16"] = recognize_system(CombinedRecognizer(half, gazetteer))
    except (ImportError, ModelNotAvailableError) as exc:
        print(f"model rows skipped: {exc}")

    work = ROOT / "training" / "ner" / "work"
    ner = args.shared / "data" / "ner"
    wanted = args.splits.split(",")
    splits: list[tuple[str, Path, Any, Sequence[str]]] = [
        ("dev (ANERcorp; every choice was made on it)", work / "dev.json", anercorp_json, LABELS),
        (
            "confirm (ANERcorp; held out from the shipped model, nothing chosen on it)",
            work / "confirm" / "confirm.json",
            anercorp_json,
            LABELS,
        ),
        (
            "wojood (sample train+val; never trained or selected on; MISC not comparable)",
            ner / "wojood_sample",
            lambda p: wojood([p / "train.txt", p / "val.txt"]),
            LABELS[:3],
        ),
    ]
    for (name, path, load, labels), key in zip(splits, ("dev", "confirm", "wojood"), strict=True):
        if key not in wanted:
            continue
        print()
        if not path.exists():
            print(f"{key} skipped: {path} not found (run training/ner/prepare.py [--confirm])")
            continue
        data = load(path)[: args.limit]
        print("\n".join(run_split(name, data, systems, labels)))
    news = ROOT / "benchmarks" / "data"
    for key, file, note in (
        ("news", "ner_news_dev.jsonl", "news dev (web news, seed convention; chosen on)"),
        (
            "news-local-dev",
            "local/ner/ner_saudi_local-dev",
            "news local-dev (SaudiNewsNet, NC, local only; chosen on from session 8)",
        ),
        (
            "news-local-confirm",
            "local/ner/ner_saudi_local-confirm",
            "news local-confirm (SaudiNewsNet, NC, local only; read once, session 8)",
        ),
        (
            "news-local-confirm2",
            "local/ner/ner_saudi_local-confirm2",
            "news local-confirm2 (SaudiNewsNet, NC, local only; decided the session-8 model)",
        ),
        (
            "news-local-confirm3",
            "local/ner/ner_saudi_local-confirm3",
            "news local-confirm3 (SaudiNewsNet, NC, local only; nothing chosen on it)",
        ),
        (
            "news-gsr-dev",
            "ner_gsr_dev.jsonl",
            "news gsr-dev (newswire 2004-2010, event gold standard dev share; chosen on)",
        ),
        (
            "news-gsr-confirm",
            "ner_gsr_confirm.jsonl",
            "news gsr-confirm (newswire 2004-2010; read once, at the end of session 9)",
        ),
        (
            "news-gsr-confirm2",
            "ner_gsr_confirm2.jsonl",
            "news gsr-confirm2 (newswire 2004-2010; made after session 9's rules were final)",
        ),
        (
            "news-gsr-confirm3",
            "ner_gsr_confirm3.jsonl",
            "news gsr-confirm3 (newswire 2004-2010; decides session 10's model, read once each)",
        ),
        (
            "news-gsr-confirm4",
            "ner_gsr_confirm4.jsonl",
            "news gsr-confirm4 (newswire 2004-2010; read once, at the end of session 10)",
        ),
        (
            "news-gsr-confirm5",
            "ner_gsr_confirm5.jsonl",
            "news gsr-confirm5 (newswire 2004-2010; a second test of session 10's candidate)",
        ),
        (
            "news-gsr-confirm6",
            "ner_gsr_confirm6.jsonl",
            "news gsr-confirm6 (newswire 2004-2010; decided session 10's five-seed candidate)",
        ),
        (
            "news-confirm",
            "ner_news_confirm.jsonl",
            "news confirm (web news; read, pooled as dev from session 8)",
        ),
        (
            "news-confirm2",
            "ner_news_confirm2.jsonl",
            "news confirm2 (web news; read, pooled as dev from session 8)",
        ),
        (
            "news-confirm3",
            "ner_news_confirm3.jsonl",
            "news confirm3 (web news; read, pooled as dev from session 8)",
        ),
    ):
        # a local split may come in parts (local/ner/ner_saudi_local-dev_a.jsonl, ..._b.jsonl)
        parts = sorted(news.glob(file + "_*.jsonl")) if file.startswith("local/") else [news / file]
        if key in wanted and parts and all(p.is_file() for p in parts):
            texts, gold = news_rows(parts)
            print()
            print("\n".join(run_news_split(note, texts[: args.limit], gold, systems)))
    if args.seeds and "recognize()" in systems:
        print()
        print("\n".join(seeds_lines(args.shared, CombinedRecognizer(model, gazetteer))))
    print()
    print(f"peak RSS: {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
