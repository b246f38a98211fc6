"""Build ``src/arabnews/names/data/lexicon.tsv``: frequent Arabic words and native given names.

Source: the Arabic Wikipedia text in ``../shared/data/text/arwiki_comparable_20170120.txt.gz``
(CC BY-SA 4.0, Arabic Wikipedia contributors via motazsaad/comparableWikiCoprus). Only
aggregate counts of folded word forms are shipped (a word list, not text).

Every whitespace token is folded the way :func:`arabnews.names.name_key` folds a name token
(diacritics off, hamza seats, article stripped, repeats collapsed). Two counts per form:

- ``count``: how often the form occurs (any position);
- ``kin``: how often it stands right before or after a kinship word of an Arabic
  patronymic (بن, ابن, بنت) or right after أبو/أبي/أم/عبد: the positions native given
  names take (محمد بن سلمان, أبو بكر);
- ``sfx``: how often it occurs with a pronoun suffix glued on (ها هم هما هن كم كما; a stem
  in ت read as ة too: قصته -> قصة): common nouns and verbs take them (قصدها, حارسه),
  names do not, native or foreign (حيفا, واشنطن).

A form is kept when ``count >= --min-count``; the file stores both counts in log2 buckets
(``round(log2(n + 1))``), which is all the matcher reads.

Run: ``python training/names/build_lexicon.py [--min-count 40]`` (a few minutes, one core).
"""

from __future__ import annotations

import argparse
import gzip
import math
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from arabnews.names import name_key

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "data" / "text" / "arwiki_comparable_20170120.txt.gz"
OUT = ROOT / "src" / "arabnews" / "names" / "data" / "lexicon.tsv"

_KIN_BOTH = frozenset({"بن", "ابن", "بنت"})
_KIN_AFTER = frozenset({"ابو", "ابي", "ام", "عبد"})
_ARABIC = frozenset("ءابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآؤئ")


def fold(word: str) -> str:
    key = name_key(word)
    if len(key.tokens) != 1:
        return ""
    text = key.tokens[0].text
    return text if all(c in _ARABIC for c in text) else ""


_SUFFIXES = ("هما", "هم", "ها", "هن", "كما", "كم")  # longest first
_MARKS = re.compile("[\u064b-\u0652\u0640]")  # harakat and tatweel


def suffix_stems(word: str) -> tuple[str, ...]:
    """The folded forms *word* is, with a pronoun suffix glued on (قصتها -> قصة)."""
    bare = _MARKS.sub("", word)
    for suffix in _SUFFIXES:
        if bare.endswith(suffix) and len(bare) - len(suffix) >= 2:
            stem = bare[: -len(suffix)]
            stems = (stem, stem[:-1] + "ة") if stem.endswith("ت") else (stem,)
            return tuple(dict.fromkeys(f for f in map(fold, stems) if f))
    return ()


def folded_lines(source: Path, cache_size: int) -> Iterator[list[tuple[str, tuple[str, ...]]]]:
    """The folded form of each word of each line of the gzipped text, with the forms it
    is with a pronoun suffix (``""`` and ``()`` for a word that folds to nothing, or a new
    word once *cache_size* distinct words have been folded: memory bound)."""
    cache: dict[str, tuple[str, tuple[str, ...]]] = {}
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        for line in fh:
            forms = []
            for w in line.split():
                f = cache.get(w)
                if f is None:
                    f = (fold(w), suffix_stems(w)) if len(cache) < cache_size else ("", ())
                    cache[w] = f
                forms.append(f)
            yield forms


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-count", type=int, default=40)
    args = ap.parse_args(argv)
    if not args.source.is_file():
        print(f"{args.source} not found", file=sys.stderr)
        return 1
    counts: Counter[str] = Counter()
    kin: Counter[str] = Counter()
    sfx: Counter[str] = Counter()
    for line in folded_lines(args.source, 2_000_000):
        forms = [f for f, _ in line]
        for i, (f, stems) in enumerate(line):
            sfx.update(stems)
            if not f:
                continue
            counts[f] += 1
            prev = forms[i - 1] if i else ""
            nxt = forms[i + 1] if i + 1 < len(forms) else ""
            if prev in _KIN_BOTH or nxt in _KIN_BOTH or prev in _KIN_AFTER:
                kin[f] += 1
    kept = sorted(
        (f for f, n in counts.items() if n >= args.min_count and f not in _KIN_BOTH),
        key=lambda f: (-counts[f], f),
    )
    with args.out.open("w", encoding="utf-8") as out:
        out.write(
            "# Folded Arabic word forms frequent in Arabic Wikipedia (dump 2017-01-20, via\n"
            "# motazsaad/comparableWikiCoprus; CC BY-SA 4.0, by the Arabic Wikipedia\n"
            "# contributors). Built by training/names/build_lexicon.py. count: log2 bucket of\n"
            "# the form's frequency; kin: log2 bucket of its occurrences next to بن/ابن/بنت or\n"
            "# after أبو/عبد (positions of native given names); sfx: log2 bucket of its\n"
            "# occurrences with a pronoun suffix glued on (common nouns and verbs).\n"
        )
        out.write("form\tcount\tkin\tsfx\n")
        for f in kept:
            c = round(math.log2(counts[f] + 1))
            k = round(math.log2(kin[f] + 1))
            x = round(math.log2(sfx[f] + 1))
            out.write(f"{f}\t{c}\t{k}\t{x}\n")
    print(f"{len(counts)} forms, {len(kept)} kept (count >= {args.min_count}) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
