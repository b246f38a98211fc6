"""Build ``src/arabnews/names/data/gazetteer.tsv`` from documented, general sources.

Sources:

1. **CLDR** territory names (Unicode CLDR, via Babel: ``babel.Locale('ar').territories`` and
   ``babel.Locale('en').territories``; Unicode licence), one ``LOC`` entry per ISO 3166
   two-letter territory code. Where a curated entry is the same territory (same English
   name or same Arabic key), the CLDR Arabic name joins it as a variant.
2. ``training/names/gazetteer_curated.tsv``: hand-curated entries, own work (international
   organisations, heads of state and government, ministers, armed groups, news agencies,
   capitals and large cities ...); see the comment at its top.

Both spellings of a standard alternation (:data:`ALTERNATIONS`: الأمريكية / الأميركية) are
listed for every entry that has one.

The output starts with a comment that says how many entries came from which source.

Run: ``python training/names/build_gazetteer.py`` (needs Babel, a docs dependency).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import babel

from arabnews.names import name_key

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "training" / "names" / "gazetteer_curated.tsv"
OUT = ROOT / "src" / "arabnews" / "names" / "data" / "gazetteer.tsv"
COLUMNS = ["id", "label", "wikidata", "canonical", "english", "variants"]
# CLDR codes that are not territories of their own (exceptional reservations, groupings)
SKIP = frozenset({"ZZ", "XA", "XB", "EU", "EZ", "UN", "QO", "XK"})


def slug(english: str) -> str:
    text = unicodedata.normalize("NFKD", english)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


# Spelling alternations of Arabic news that are both standard (the Levantine and Gulf press
# write أميركا / الأميركية, the Egyptian أمريكا / الأمريكية): every listed spelling with one
# gets the other as a variant.
ALTERNATIONS = (("أمريك", "أميرك"),)


def alternate_spellings(spellings: list[str]) -> list[str]:
    """*spellings* with, for each, its forms under :data:`ALTERNATIONS` (new ones last)."""
    out = list(spellings)
    for spelling in spellings:
        for a, b in ALTERNATIONS:
            for x, y in ((a, b), (b, a)):
                if x in spelling and spelling.replace(x, y) not in out:
                    out.append(spelling.replace(x, y))
    return out


def main() -> int:
    lines = CURATED.read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    if body[0].split("\t") != COLUMNS:
        raise SystemExit("gazetteer_curated.tsv: bad header")
    rows = [ln.split("\t") for ln in body[1:]]
    dup = sorted({r[0] for r in rows if sum(1 for x in rows if x[0] == r[0]) > 1})
    if dup:
        raise SystemExit(f"gazetteer_curated.tsv: duplicate ids {dup}")
    by_english = {r[4].lower(): r for r in rows}
    by_key = {name_key(r[3]).text: r for r in rows}
    ids = {r[0] for r in rows}
    ar = babel.Locale("ar").territories
    en = babel.Locale("en").territories
    merged = added = 0
    source = {r[0]: "curated" for r in rows}
    for code in sorted(ar):
        if len(code) != 2 or not code.isalpha() or code in SKIP or code not in en:
            continue
        arabic, english = ar[code], en[code]
        row = by_english.get(english.lower()) or by_key.get(name_key(arabic).text)
        if row is not None:
            variants = [v for v in row[5].split("|") if v]
            if name_key(arabic).text != name_key(row[3]).text and arabic not in variants:
                variants.append(arabic)
                row[5] = "|".join(variants)
            source[row[0]] = "curated+cldr"
            merged += 1
            continue
        ident = slug(english)
        if ident in ids:
            ident = f"{ident}_{code.lower()}"
        ids.add(ident)
        new = [ident, "LOC", "", arabic, english, ""]
        rows.append(new)
        by_key[name_key(arabic).text] = new
        source[ident] = "cldr"
        added += 1
    for row in rows:
        spellings = alternate_spellings([row[3], *(v for v in row[5].split("|") if v)])
        row[5] = "|".join(spellings[1:])
    counts = {k: sum(1 for v in source.values() if v == k) for k in ("curated", "curated+cldr")}
    header = [
        "# arabnews gazetteer: entities that dominate Arabic world news. Built by",
        "# training/names/build_gazetteer.py; do not edit by hand.",
        "# Columns (tab-separated): id, label (PER/LOC/ORG/MISC), Wikidata QID (blank when not",
        '# verified), canonical Arabic spelling, English name, known variants separated by "|".',
        f"# Entries: {len(rows)}. From CLDR territory names (Unicode CLDR via Babel, Unicode",
        f"# licence) alone: {added}; hand-curated (training/names/gazetteer_curated.tsv, own",
        f"# work) alone: {counts['curated']}; curated with the CLDR name merged in: {merged}.",
        "\t".join(COLUMNS),
    ]
    rows.sort(key=lambda r: r[0])
    OUT.write_text("\n".join(header + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} entries: cldr {added}, curated {counts['curated']}, both {merged}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
