"""Check the hand-labelled news NER sets (``benchmarks/data/ner_news_*.jsonl``, ``ner_gsr_*``).

Splits: dev, confirm and (when present) confirm2 and confirm3 of web news; gsr-dev, gsr-confirm
and gsr-confirm2 of the event gold standard's newswire (session 9), gsr-confirm3 to gsr-confirm6
(session 10). Hard errors (exit status 1): a row without its fields, a duplicate id, a sentence
in two splits, a dev article in another split (confirm2 and confirm3 draw only on confirm
articles and new FIGNEWS posts, so confirm, confirm2 and confirm3 may share an article), a
licence that does not match the source, an offset whose slice is not the entity text, an unknown
label, overlapping or unsorted spans, a span with outer whitespace, a span that starts or ends
inside a word (other than after the proclitics و ف ب ل ك).

For review (printed, not errors): spans whose first letter is و ف ب ك ل, which are either a
name that begins with that letter (بيروت، فلسطين، لبنان) or a clitic left in. A span starting
with ل right after a ل in the text is the ل+ال contraction ("للشرق" → "لشرق") and is not listed.
Lines marked ``!`` are likely clitics: the span begins with clitic + ``ال`` (كاليفورنيا and
فالنسيا also do), or what follows the first letter is labelled as an entity elsewhere in the set
("وإسرائيل" when "إسرائيل" is labelled).

    python training/ner/check_news_labels.py [--data benchmarks/data]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import unicodedata
from pathlib import Path

SPLITS = (
    "dev",
    "confirm",
    "confirm2",
    "confirm3",
    "gsr-dev",
    "gsr-confirm",
    "gsr-confirm2",
    "gsr-confirm3",
    "gsr-confirm4",
    "gsr-confirm5",
    "gsr-confirm6",
)
# Splits that may hold sentences of the same article (confirm2 and confirm3 continue confirm's
# articles); the later splits are optional files.
SHARED_ARTICLES = frozenset({"confirm", "confirm2", "confirm3"})
OPTIONAL = frozenset(SPLITS) - {"dev", "confirm"}
LABELS = frozenset({"PER", "LOC", "ORG", "MISC"})
LICENCE = {
    "wikinews_2024": "CC BY 2.5 (Wikinews)",
    "wikinews_2014": "CC BY 2.5 (Wikinews)",
    "fignews": "MIT (FIGNEWS-2024)",
    "gsr": "MIT (openeventdata/arabic_event_gsr, dev share in ../shared)",
}
FIELDS = ("id", "source", "licence", "doc", "text", "entities")
# What may stand glued before a span inside its word (conjunction + preposition).
PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل"})
CLITIC_LETTERS = frozenset("وفبكل")
CLITIC_PLUS_AL = ("وال", "فال", "بال", "كال", "لل")


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM"


def _word_prefix(text: str, start: int) -> str:
    w = start
    while w > 0 and _is_letter(text[w - 1]):
        w -= 1
    return text[w:start]


def check_row(row: dict[str, object], errors: list[str], review: list[tuple[str, str]]) -> None:
    rid = str(row.get("id"))
    missing = [f for f in FIELDS if f not in row]
    if missing:
        errors.append(f"{rid}: missing fields {missing}")
        return
    text = row["text"]
    ents = row["entities"]
    if not isinstance(text, str) or not isinstance(ents, list):
        errors.append(f"{rid}: text must be a string and entities a list")
        return
    if LICENCE.get(str(row["source"])) != row["licence"]:
        errors.append(f"{rid}: licence {row['licence']!r} does not match source {row['source']!r}")
    if not str(row["doc"]).startswith(f"{row['source']}:"):
        errors.append(f"{rid}: doc {row['doc']!r} does not name its source")
    prev_end = -1
    prev_start = -1
    for e in ents:
        s, t, surf, lab = e["start"], e["end"], e["text"], e["label"]
        where = f"{rid} [{s}:{t}] {surf!r}"
        if not (0 <= s < t <= len(text)) or text[s:t] != surf:
            errors.append(f"{where}: offsets do not give the entity text")
            continue
        if lab not in LABELS:
            errors.append(f"{where}: unknown label {lab!r}")
        if s < prev_start:
            errors.append(f"{where}: entities not sorted by start")
        if s < prev_end:
            errors.append(f"{where}: overlaps the previous entity")
        prev_start, prev_end = s, max(prev_end, t)
        if surf != surf.strip():
            errors.append(f"{where}: outer whitespace")
        prefix = _word_prefix(text, s)
        if prefix not in PROCLITICS:
            errors.append(f"{where}: starts inside a word (after {prefix!r})")
        if t < len(text) and _is_letter(text[t]):
            errors.append(f"{where}: ends inside a word")
        if surf[0] in CLITIC_LETTERS and not (surf[0] == "ل" and prefix.endswith("ل")):
            review.append((f"{where} {lab}", surf))


def split_file(split: str) -> str:
    """The file of a split: ``ner_news_<split>.jsonl``; ``gsr-dev`` -> ``ner_gsr_dev.jsonl``."""
    if split.startswith("gsr-"):
        return f"ner_gsr_{split[4:]}.jsonl"
    return f"ner_news_{split}.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("benchmarks/data"))
    args = ap.parse_args()
    errors: list[str] = []
    review: list[tuple[str, str]] = []
    surfaces: set[str] = set()
    ids: set[str] = set()
    doc_split: dict[str, str] = {}
    texts: dict[str, str] = {}
    for split in SPLITS:
        path = args.data / split_file(split)
        if split in OPTIONAL and not path.is_file():
            continue
        rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln]
        labels: collections.Counter[str] = collections.Counter()
        sources: collections.Counter[str] = collections.Counter()
        empty = 0
        for row in rows:
            rid = str(row.get("id"))
            if rid in ids:
                errors.append(f"{rid}: duplicate id")
            ids.add(rid)
            doc = str(row.get("doc"))
            other = doc_split.setdefault(doc, split)
            if other != split and not {other, split} <= SHARED_ARTICLES:
                errors.append(f"{rid}: article {doc} is in both {other} and {split}")
            sentence = str(row.get("text"))
            if texts.setdefault(sentence, rid) != rid:
                errors.append(f"{rid}: same sentence as {texts[sentence]}")
            check_row(row, errors, review)
            sources[str(row.get("source"))] += 1
            ents = row.get("entities") or []
            empty += not ents
            labels.update(str(e.get("label")) for e in ents)
            surfaces.update(str(e.get("text")) for e in ents)
        docs = {str(r.get("doc")) for r in rows}
        print(
            f"{split}: {len(rows)} sentences, {len(docs)} articles, "
            f"{sum(labels.values())} entities {dict(sorted(labels.items()))}, "
            f"{empty} without entities, by source {dict(sorted(sources.items()))}"
        )
    if review:
        print(f"\nreview: {len(review)} spans begin with و ف ب ك ل (a name, or a clitic left in?)")
        for line, surf in review:
            suspect = surf.startswith(CLITIC_PLUS_AL) or surf[1:] in surfaces
            print(("! " if suspect else "  ") + line)
    if errors:
        print(f"\n{len(errors)} errors", file=sys.stderr)
        for line in errors:
            print("  " + line, file=sys.stderr)
        return 1
    print("\nno errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
