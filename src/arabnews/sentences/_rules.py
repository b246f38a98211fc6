"""Data tables of the splitter, loaded lazily once and validated at load.

``data/abbreviations.tsv``
    abbreviations whose final dot does not end a sentence, with their kind.
``data/agencies.tsv``, ``data/places.tsv``, ``data/dateline_words.tsv``
    agency names, multi-word place names and date words of wire datelines.
``data/dateline_patterns.tsv``
    the named dateline shapes (regular expressions with placeholders).
"""

from __future__ import annotations

import functools
import re

import attrs

from arabnews import _data
from arabnews._data import Row
from arabnews.charsets import DIACRITICS, DIGITS_RE, TATWEEL, class_body

__all__ = ["AbbreviationTable", "DatelineRules", "abbreviations", "dateline_rules", "read_table"]

_ABBREVIATION_KINDS = frozenset({"title", "initialism", "era"})
# Letters (any script) plus Arabic combining marks and tatweel: one "word" of a place name.
_WORD_CHAR = rf"(?:[^\W\d_]|[{class_body(DIACRITICS | {TATWEEL})}])"
# (the lookbehind refuses marks too, so a run of marks is tried once, not at every mark)
WORD = rf"(?<!{_WORD_CHAR}){_WORD_CHAR}++"
_NUMBER = rf"[{DIGITS_RE}]{{1,4}}"


def read_table(name: str) -> tuple[Row, ...]:
    """The rows of ``data/<name>`` (see :mod:`arabnews._data`)."""
    return _data.read_table("arabnews.sentences", name)


@attrs.frozen(slots=True)
class AbbreviationTable:
    """Abbreviations by their spelling (Latin ones lower-cased), mapped to their kind."""

    kinds: dict[str, str]

    def kind(self, word_with_dot: str) -> str | None:
        """The kind of ``word_with_dot`` («د.», «U.S.») or ``None`` when it is not listed."""
        found = self.kinds.get(word_with_dot)
        if found is None and word_with_dot.isascii():
            found = self.kinds.get(word_with_dot.lower())
        return found


@functools.cache
def abbreviations() -> AbbreviationTable:
    """Load and validate ``data/abbreviations.tsv``."""
    kinds: dict[str, str] = {}
    for row in read_table("abbreviations.tsv"):
        abbr, kind = row["abbreviation"], row["kind"]
        if kind not in _ABBREVIATION_KINDS:
            raise ValueError(f"abbreviations.tsv: unknown kind {kind!r} for {abbr!r}")
        if not abbr.endswith(".") or " " in abbr:
            raise ValueError(f"abbreviations.tsv: {abbr!r} must end with '.' and hold no space")
        if abbr not in row["example"]:
            raise ValueError(f"abbreviations.tsv: the example of {abbr!r} does not contain it")
        kinds[abbr.lower() if abbr.isascii() else abbr] = kind
    return AbbreviationTable(kinds)


@attrs.frozen(slots=True)
class DatelineRules:
    """Compiled dateline patterns with the tables they need."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    #: a cheap regex that finds any agency name; lines without one skip the patterns
    agency_finder: re.Pattern[str]
    #: agency spelling with spaces and dots removed -> canonical agency
    canonical_agency: dict[str, str]
    #: multi-word place names, as tuples of words, longest first
    places: tuple[tuple[str, ...], ...]


def agency_key(name: str) -> str:
    """Spelling key of an agency name: spaces and dots removed («أ.ف.ب» -> «أفب»)."""
    return re.sub(r"[\s.]+", "", name)


def _agency_regex(names: list[str]) -> str:
    alternatives = []
    # Longest first so that «أ ف ب» wins over «أ ب» at the same position.
    for name in sorted(names, key=len, reverse=True):
        parts = [re.escape(part) for part in name.split(" ")]
        alternatives.append(r"[\s.]*".join(parts) + (r"\.?" if len(name) <= 5 else ""))
    return rf"(?<![\w{TATWEEL}])(?:" + "|".join(alternatives) + rf")(?![\w{TATWEEL}])"


@functools.cache
def dateline_rules() -> DatelineRules:
    """Load, compile and validate the dateline tables (once)."""
    agencies = read_table("agencies.tsv")
    canonical = {}
    for row in agencies:
        if row["kind"] not in {"agency", "outlet"}:
            raise ValueError(f"agencies.tsv: unknown kind {row['kind']!r}")
        canonical[agency_key(row["name"])] = row["canonical"]
    agency = _agency_regex([row["name"] for row in agencies])
    words = read_table("dateline_words.tsv")
    word_alt = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted((row["word"] for row in words), key=len, reverse=True)
    )
    date_token = rf"(?>{_NUMBER}(?:\s*[-/.]\s*{_NUMBER}){{0,2}}|(?:{word_alt})(?![\w{TATWEEL}]))"
    date = rf"{date_token}(?:[\s/،,]+{date_token})*"
    patterns = []
    for row in read_table("dateline_patterns.tsv"):
        source = (
            row["pattern"]
            .replace("{AGENCY}", agency)
            .replace("{DATE}", date)
            .replace("{WORD}", WORD)
        )
        compiled = re.compile(source)
        if not compiled.search(row["example"]):
            raise ValueError(f"dateline_patterns.tsv: {row['name']!r} misses its example")
        patterns.append((row["name"], compiled))
    places = []
    for row in read_table("places.tsv"):
        if not row["example"].lower().startswith(row["place"].lower()):
            raise ValueError(f"places.tsv: the example of {row['place']!r} does not start with it")
        places.append(tuple(row["place"].split()))
    places.sort(key=len, reverse=True)
    return DatelineRules(
        patterns=tuple(patterns),
        agency_finder=re.compile(agency),
        canonical_agency=canonical,
        places=tuple(places),
    )
