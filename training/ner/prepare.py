"""Convert the NER development data to Stanza's NER json and make the train/dev split.

Usage::

    python training/ner/prepare.py [--shared ../shared] [--out training/ner/work] [--fane]

Outputs (in ``--out``): ``train.json``, ``dev.json`` (Stanza NER json: a list of sentences, each a
list of ``{"text", "ner"}`` with BIO tags) and ``dev.conll`` (``token gold`` lines) plus
``split.json`` with the counts.

The split is deterministic and needs no seed: ANERcorp is cut into contiguous blocks of
``BLOCK`` sentences and every ``DEV_EVERY``-th block (starting at ``DEV_OFFSET``) is held out.
Contiguous blocks keep a wire story on one side of the split, which a random sentence split would
not (ANERcorp repeats stories).  Training sentences whose normalised text equals a dev sentence are
dropped from train as well.  With ``--fane`` the FANE corpora are added to train, their fine types
mapped to PER/LOC/ORG/MISC by ``fane_to_coarse.tsv``; FANE sentences that match a dev sentence
(NewsFANE contains most of ANERcorp) or share 30% or 15 of their character 8-grams with the dev
split are dropped, and FANE's split clitics are glued back (``reattach_clitics``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from textnorm import normalize_token

HERE = Path(__file__).resolve().parent
BLOCK = 100
DEV_EVERY = 10
DEV_OFFSET = 7
# With ``--confirm``: a second held-out split (every DEV_EVERY-th block from CONFIRM_OFFSET) that
# no model choice is made on; it is left out of training too, so a model trained with
# ``--confirm`` can be scored on it once, honestly.  The shipped model (trained without
# ``--confirm``) has seen these blocks in training, so its confirm score is not a held-out score.
CONFIRM_OFFSET = 2
LABEL_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}

Sentence = list[tuple[str, str]]


def read_conll(path: Path, sep: str | None) -> Iterator[Sentence]:
    """Yield sentences of ``(token, tag)`` from a one-token-per-line file."""
    sent: Sentence = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            parts = line.split(sep) if sep else line.split()
            tok, tag = parts[0], parts[-1].strip()
            sent.append((tok, tag))
    if sent:
        yield sent


def map_tags(sent: Sentence, mapping: dict[str, str]) -> Sentence:
    """Map IOB2 tags through ``mapping`` (type -> coarse label or ``O``) and repair the BIO."""
    out: Sentence = []
    prev = "O"
    for tok, tag in sent:
        if tag == "O" or "-" not in tag:
            new = "O"
        else:
            prefix, typ = tag.split("-", 1)
            coarse = mapping.get(typ)
            if coarse is None:
                raise ValueError(f"unmapped entity type {typ!r}")
            if coarse == "O":
                new = "O"
            elif prefix == "I" and prev[2:] == coarse:
                new = "I-" + coarse
            else:
                new = "B-" + coarse
        out.append((normalize_token(tok), new))
        prev = new
    return out


PROCLITICS = frozenset("وفبلك")
ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا", "ي"})
ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")


def reattach_clitics(sent: Sentence) -> Sentence:
    """Undo FANE's partial clitic segmentation so its tokens look like ANERcorp/arabnews tokens.

    A lone proclitic (و ف ب ل ك) is glued to the next Arabic word (ل + ال... becomes لل...), a lone
    pronoun suffix (ه ها هم ...) to the previous Arabic word.  The merged token keeps the tag of
    the clitic when the clitic is part of an entity, otherwise the tag of the word.
    """
    out: Sentence = []
    pending: list[tuple[str, str]] = []
    for tok, tag in sent:
        if tok in PROCLITICS:
            pending.append((tok, tag))
            continue
        if pending and ARABIC_WORD.match(tok):
            word = tok
            for clitic, _ in reversed(pending):
                word = "لل" + word[2:] if clitic == "ل" and word.startswith("ال") else clitic + word
            first_tag = next((t for _, t in pending if t != "O"), tag)
            out.append((word, first_tag))
            pending = []
            continue
        out.extend(pending)
        pending = []
        if tok in ENCLITICS and out and ARABIC_WORD.match(out[-1][0]):
            out[-1] = (out[-1][0] + tok, out[-1][1])
            continue
        out.append((tok, tag))
    out.extend(pending)
    return out


def key(sent: Sentence) -> str:
    """Order-preserving comparison key: letters and digits only, alef/ya/ta folded."""
    text = "".join(t for t, _ in sent)
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    text = text.replace("ل ال", "لل")
    return re.sub(r"[\W_]", "", text)


def grams(k: str, n: int = 8) -> set[str]:
    """Character n-grams of a comparison key."""
    return {k[i : i + n] for i in range(len(k) - n + 1)}


def overlaps_dev(sent: Sentence, dev_keys: set[str], dev_grams: set[str]) -> bool:
    """True when ``sent`` equals a dev sentence or shares 30%+ (or 15+) of its 8-grams with dev."""
    k = key(sent)
    if k in dev_keys:
        return True
    g = grams(k)
    shared = sum(x in dev_grams for x in g)
    return bool(g) and (shared >= 0.3 * len(g) or shared >= 15)


def load_fane_mapping(path: Path = HERE / "fane_to_coarse.tsv") -> dict[str, str]:
    """Read the FANE fine type -> coarse label table (validated)."""
    mapping: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        rows = [ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and not ln.startswith("#")]
    header, body = rows[0], rows[1:]
    if header[:2] != ["fine", "coarse"]:
        raise ValueError(f"{path}: bad header {header}")
    for row in body:
        if row[1] not in {"PER", "LOC", "ORG", "MISC", "O"}:
            raise ValueError(f"{path}: bad coarse label in {row}")
        mapping[row[0]] = row[1]
    return mapping


def split_anercorp(sents: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """Return ``(train, dev)`` by contiguous blocks (see module docstring)."""
    train: list[Sentence] = []
    dev: list[Sentence] = []
    for i, s in enumerate(sents):
        (dev if (i // BLOCK) % DEV_EVERY == DEV_OFFSET else train).append(s)
    return train, dev


def load_split(shared: Path) -> tuple[list[Sentence], list[Sentence], int]:
    """Read ANERcorp, map PERS->PER, split; return ``(train, dev, n_dropped_duplicates)``."""
    train, dev, _confirm, dropped = load_split3(shared, confirm=False)
    return train, dev, dropped


def load_split3(
    shared: Path, *, confirm: bool
) -> tuple[list[Sentence], list[Sentence], list[Sentence], int]:
    """``(train, dev, confirm, n_dropped_duplicates)``; *confirm* empty unless asked for.

    Training sentences equal to a dev or confirm sentence are dropped from train."""
    sents = [
        map_tags(s, LABEL_MAP) for s in read_conll(shared / "data/ner/anercorp_train.txt", None)
    ]
    held: list[Sentence] = []
    if confirm:
        indexed = list(enumerate(sents))
        held = [s for i, s in indexed if (i // BLOCK) % DEV_EVERY == CONFIRM_OFFSET]
        sents_train, dev = split_anercorp(sents)
        held_ids = {id(s) for s in held}
        sents_train = [s for s in sents_train if id(s) not in held_ids]
    else:
        sents_train, dev = split_anercorp(sents)
    held_keys = {key(s) for s in (*dev, *held) if len(key(s)) >= 10}
    kept = [s for s in sents_train if key(s) not in held_keys]
    return kept, dev, held, len(sents_train) - len(kept)


def read_spans(path: Path) -> Iterator[Sentence]:
    """Sentences of a hand-labelled JSON-lines file (``text`` and ``entities`` with character
    offsets, the web-news convention) as ``(token, BIO tag)``: tokens of
    :func:`arabnews.tokens.tokenize` (clitics attached, as in ANERcorp), a token tagged with the
    entity it overlaps (so "والقاهرة" is B-LOC for the span "القاهرة", ANERcorp's convention
    for glued clitics)."""
    from arabnews.tokens import tokenize

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            ents = sorted(row["entities"], key=lambda e: e["start"])
            sent: Sentence = []
            prev: dict[str, object] | None = None
            for tok in tokenize(row["text"]):
                if not tok.text.strip():
                    continue
                ent = next((e for e in ents if e["start"] < tok.end and tok.start < e["end"]), None)
                if ent is None:
                    tag = "O"
                else:
                    tag = ("I-" if ent is prev else "B-") + LABEL_MAP[ent["label"]]
                prev = ent
                sent.append((normalize_token(tok.text), tag))
            if sent:
                yield sent


def to_json(sents: Iterable[Sentence]) -> list[list[dict[str, str]]]:
    """Stanza NER json."""
    return [[{"text": t, "ner": g} for t, g in s] for s in sents]


def count(sents: list[Sentence]) -> dict[str, int]:
    c: Counter[str] = Counter()
    for s in sents:
        c["sentences"] += 1
        c["tokens"] += len(s)
        for _, g in s:
            if g.startswith("B-"):
                c[g[2:]] += 1
    return dict(sorted(c.items()))


def add_extra_arguments(ap: argparse.ArgumentParser) -> None:
    """``--extra`` / ``--extra-repeat`` (here and in ``train.py``, which passes them on)."""
    ap.add_argument(
        "--extra",
        type=Path,
        action="append",
        default=[],
        help="hand-labelled JSON lines (text + character-offset entities) added to train",
    )
    ap.add_argument("--extra-repeat", type=int, default=1, help="times each --extra is added")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=HERE.parents[1].parent / "shared")
    ap.add_argument("--out", type=Path, default=HERE / "work")
    ap.add_argument("--fane", action="store_true", help="add NewsFANE + WikiFANE to train")
    ap.add_argument(
        "--fane-only",
        action="store_true",
        help="train on NewsFANE + WikiFANE alone (a pre-training stage before ANERcorp)",
    )
    ap.add_argument(
        "--confirm",
        action="store_true",
        help="also hold out the confirmation split (confirm.json), left out of training",
    )
    add_extra_arguments(ap)
    args = ap.parse_args(argv)
    train, dev, confirm, dropped = load_split3(args.shared, confirm=args.confirm)
    info: dict[str, object] = {"anercorp_train_dropped_as_dev_duplicates": dropped}
    if args.confirm:
        info["confirm"] = count(confirm)
    if args.fane_only:
        args.fane, train = True, []
    if args.fane:
        mapping = load_fane_mapping()
        # NewsFANE holds most of ANERcorp: what is scored (dev, confirm) must not be trained on
        held = dev + confirm
        dev_keys = {key(s) for s in held if len(key(s)) >= 10}
        dev_grams = set().union(*(grams(key(s)) for s in held))
        for name in ("newsfane_gold.txt", "wikifane_gold.txt"):
            fs = [
                map_tags(reattach_clitics(s), mapping)
                for s in read_conll(args.shared / "data/ner" / name, "\t")
            ]
            kept = [s for s in fs if not overlaps_dev(s, dev_keys, dev_grams)]
            info[name] = {"read": len(fs), "dropped_as_dev_duplicates": len(fs) - len(kept)}
            train.extend(kept)
    for path in args.extra:
        extra = list(read_spans(path))
        info[f"extra:{path.name}"] = {"sentences": len(extra), "repeat": args.extra_repeat}
        train.extend(extra * args.extra_repeat)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "train.json").write_text(json.dumps(to_json(train), ensure_ascii=False), "utf-8")
    (args.out / "dev.json").write_text(json.dumps(to_json(dev), ensure_ascii=False), "utf-8")
    if args.confirm:
        (args.out / "confirm.json").write_text(
            json.dumps(to_json(confirm), ensure_ascii=False), "utf-8"
        )
    with (args.out / "dev.conll").open("w", encoding="utf-8") as fh:
        for s in dev:
            fh.writelines(f"{t} {g}\n" for t, g in s)
            fh.write("\n")
    info.update(
        {"train": count(train), "dev": count(dev), "fane": args.fane, "fane_only": args.fane_only}
    )
    (args.out / "split.json").write_text(json.dumps(info, indent=1, ensure_ascii=False), "utf-8")
    print(json.dumps(info, ensure_ascii=False))


if __name__ == "__main__":
    main()
