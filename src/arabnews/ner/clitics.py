"""Trimming proclitics (و ف ب ل ك) glued to the first word of a named entity.

Arabic writes the conjunctions و/ف and the prepositions ب/ل/ك joined to the next word, so a
tagger trained on whole words (ANERcorp) returns "وزيلينسكي" where the entity is "زيلينسكي".
The gold convention strips them; ``ال`` stays, and ل+ال written ``لل`` loses only the
preposition ("للشرق الأوسط" is spanned as "لشرق الأوسط").

Stripping is decided from data (``data/proclitics.tsv``, ``data/name_exceptions.tsv``):

1. a word that is itself a known name or a listed exception (وليد، لبنان، كندا) is kept;
2. otherwise the longest proclitic whose remainder is a known name is stripped ("known" is
   whatever the caller says: the gazetteer, other mentions in the same text), unless the
   Arabic Wikipedia word list holds the whole at least as often as the rest ("بابل" is
   Babylon, not ب + "أبل"; see :func:`clitic_word`);
3. otherwise only the "shape" rules apply: the conjunction و, and a clitic before ``ال``,
   which begin few names; ب ف ك ل alone begin too many (بغداد، فرنسا، كندا) and need evidence.
   Shape alone never strips to a closed-class word ("واين" is the name Wayne, not و + أين),
   to fewer than ``MIN_SHAPE_REMAINDER`` letters ("ويل سميث" is Will Smith, not و + "يل"),
   nor a word the Arabic Wikipedia word list reads as a word of its own (the whole is listed
   and the rest is not more frequent: "ويكيبيديا", "ويلسون", "وردة"; see
   :func:`clitic_reading`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import attrs

from arabnews.ner.base import chars_for_letters, data_rows, is_mark, name_key
from arabnews.spans import Entity

__all__ = [
    "ProcliticRule",
    "clitic_reading",
    "clitic_word",
    "listed_word",
    "name_exceptions",
    "proclitic_length",
    "proclitic_rules",
    "trim_entity",
    "widen_to_words",
    "word_counts",
]

KnownFn = Callable[[str], bool]

# A remainder shorter than this (in letters) is never taken for a name.
MIN_REMAINDER = 2
# Without evidence (a "shape" rule), a remainder must be this long: two-letter names after a
# glued و are rare, two-letter word starts of foreign names (ويل، وين) are not.
MIN_SHAPE_REMAINDER = 3


@attrs.frozen(slots=True)
class ProcliticRule:
    """One row of ``proclitics.tsv``: strip ``strip`` letters from a word starting ``prefix``."""

    prefix: str
    strip: int
    evidence: str  # "shape", "known" or "rare-known"
    example: str

    def readings(self, key: str) -> tuple[str, ...]:
        """What *key* (a :func:`~arabnews.ner.base.name_key`) may be without this rule's
        clitic: nothing when it does not start with the prefix, leaves too little, or (a
        ``rare-known`` rule) is from its ك on a word of the Wikipedia word list ("كابل");
        ل+ال written لل reads both ways ("لشرق", "الشرق")."""
        rest = key[self.strip :]
        if not key.startswith(self.prefix) or len(rest) < MIN_REMAINDER:
            return ()
        if self.evidence == "rare-known" and listed_word(key[self.strip - 1 :]):
            return ()
        return (rest, "ا" + rest) if self.prefix.endswith("لل") else (rest,)


@functools.cache
def proclitic_rules() -> tuple[ProcliticRule, ...]:
    """The proclitic table, longest strip first (validated on first use)."""
    rules = []
    for row in data_rows("proclitics.tsv", "prefix", "strip", "evidence", "example"):
        prefix, evidence, example = row["prefix"], row["evidence"], row["example"]
        n = int(row["strip"])
        if evidence not in ("shape", "known", "rare-known") or not 0 < n <= len(prefix):
            raise ValueError(f"{row.where}: bad row {row!r}")
        if not example.startswith(prefix):
            raise ValueError(f"{row.where}: example {example!r} does not start with {prefix!r}")
        rules.append(ProcliticRule(prefix, n, evidence, example))
    return tuple(sorted(rules, key=lambda r: (-r.strip, -len(r.prefix))))


@functools.cache
def name_exceptions() -> frozenset[str]:
    """Name keys (see :func:`~arabnews.ner.base.name_key`) that are never stripped."""
    words = set()
    for row in data_rows("name_exceptions.tsv", "word", "label", "note"):
        if not row["word"].strip():
            raise ValueError(f"{row.where}: bad row {row!r}")
        words.add(name_key(row["word"]))
    return frozenset(words)


def _never_known(_: str) -> bool:
    return False


def proclitic_length(
    word: str,
    *,
    is_known: KnownFn | None = None,
    tail: str = "",
    prefer_whole: Callable[[str, str], bool] | None = None,
) -> int:
    """How many leading characters of *word* are a proclitic to strip (0 for none).

    *word* is the first word of an entity and *tail* the rest of the entity's text (with its
    leading space), so that "وفولوديمير" + " زيلينسكي" can be recognised through the full
    name. *is_known* receives :func:`~arabnews.ner.base.name_key` keys. *prefer_whole*
    ``(word_key, remainder_key)`` is asked before a shape rule strips on shape alone: True
    keeps the word whole (a misspelt "ويكتوف" is closer to the listed "ويتكوف" than "يكتوف"
    is). Diacritics inside *word* are skipped when counting letters and stay with the letter
    they follow.

    >>> proclitic_length("وزيلينسكي"), proclitic_length("وليد"), proclitic_length("للشرق")
    (1, 0, 1)
    >>> proclitic_length("بموسكو"), proclitic_length("بموسكو", is_known={"موسكو"}.__contains__)
    (0, 1)
    """
    known = is_known or _never_known
    key = name_key(word)
    tail_key = name_key(tail)
    if not key or key in name_exceptions() or known(key):
        return 0
    if tail_key and known(f"{key} {tail_key}"):
        return 0

    candidates = [(r, forms) for r in proclitic_rules() if (forms := r.readings(key))]
    for rule, forms in candidates:
        if forms[0] in name_exceptions():
            return chars_for_letters(word, rule.strip)
        if any(known(f) or bool(tail_key and known(f"{f} {tail_key}")) for f in forms):
            # a known rest does not make a word of its own a clitic + a name: "بابل"
            # (Babylon) is not ب + "أبل" (لل + a word folds to the word itself, which
            # clitic_word never vetoes)
            if clitic_word(key, rule.strip):
                continue
            return chars_for_letters(word, rule.strip)
    for rule, _ in candidates:
        if rule.evidence == "shape":
            if not _shape_remainder(key[rule.strip :]):
                continue
            # ل+ال written لل is left out: its rest is not a word as written ("لشرق")
            if not rule.prefix.endswith("لل") and clitic_reading(key, rule.strip) is False:
                return 0
            if prefer_whole is not None and prefer_whole(key, key[rule.strip :]):
                return 0
            return chars_for_letters(word, rule.strip)
    return 0


def _shape_remainder(rest: str) -> bool:
    """True when *rest* may be a name after a clitic stripped on shape alone: long enough and
    not a closed-class word (a remainder "اين" means the و belongs to the name "واين")."""
    from arabnews.ner.nonnames import is_function_word

    return len(rest) >= MIN_SHAPE_REMAINDER and not is_function_word(rest)


def word_counts(word: str) -> tuple[int, int]:
    """(count, kin) of *word* (one token) in the Arabic Wikipedia word list (``lexicon.tsv``:
    log2 buckets of how often the folded form occurs, and how often where native given names
    stand); ``(0, 0)`` when the list does not hold it."""
    from arabnews.names import name_key as names_key
    from arabnews.names._features import lexicon

    tokens = names_key(word).tokens
    if len(tokens) != 1:
        return (0, 0)
    count, kin, _ = lexicon().get(tokens[0].text, (0, 0, 0))
    return (count, kin)


def listed_word(word: str) -> bool:
    """Whether *word* (one token) is a word form of the Arabic Wikipedia word list: a
    ``rare-known`` proclitic rule does not split the word from its ك on when it is."""
    return word_counts(word)[0] > 0


def clitic_word(word: str, strip: int) -> bool:
    """Whether the Arabic Wikipedia word list reads *word* as a word of its own rather than
    its first *strip* letters + a known name: the whole is listed, and at least as often as
    the rest ("بابل" is Babylon, not ب + "أبل"; see
    :func:`arabnews.names.word_of_its_own`)."""
    from arabnews.names import name_key as names_key
    from arabnews.names import word_of_its_own

    whole = names_key(word).tokens
    rest = names_key(word[strip:]).tokens
    if len(whole) != 1 or len(rest) != 1:
        return False
    return word_of_its_own(whole[0].text, rest[0].text)


def clitic_reading(word: str, strip: int) -> bool | None:
    """How the Arabic Wikipedia word list (log2 buckets of ``lexicon.tsv``) reads *word*
    with its first *strip* letters taken for proclitics: True (clitics + a word: the rest is
    more frequent than the whole and no rarer in native name positions, "ومحمد", "ولبنان"),
    False (a word of its own: "وائل", "وسام", "ويكيبيديا"), None (the list has neither)."""
    count, kin = word_counts(word)
    rest_count, rest_kin = word_counts(word[strip:])
    if count == 0 and rest_count == 0:
        return None
    return rest_count > count and kin <= rest_kin


def trim_entity(
    entity: Entity,
    *,
    is_known: KnownFn | None = None,
    prefer_whole: Callable[[str, str], bool] | None = None,
) -> Entity:
    """*entity* with a leading proclitic removed from its span (same object if none).

    >>> e = trim_entity(Entity(10, 19, "وزيلينسكي", "PER"))
    >>> e.start, e.end, e.text
    (11, 19, 'زيلينسكي')
    """
    text = entity.text
    first, space, rest = text.partition(" ")
    n = proclitic_length(first, is_known=is_known, tail=space + rest, prefer_whole=prefer_whole)
    if n == 0 or n >= len(text):
        return entity
    return attrs.evolve(entity, start=entity.start + n, text=text[n:])


def widen_to_words(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """*entities* of *text* widened to the whole words they touch: the token convention of
    corpora such as ANERcorp, where a glued proclitic stays inside the entity.

    :func:`arabnews.recognize` follows the news convention (the name without و ف ب ل ك;
    ل+ال spanned as ل...); this converts its output for comparison with whole-token
    annotation. A word is a run of letters and marks, so punctuation around a name
    ("(رويترز)") and digits stay outside. Offsets keep indexing *text*.

    >>> t = "وصل الوفد للشرق الأوسط وبغداد"
    >>> [e.text for e in widen_to_words([Entity(10, 22, t[10:22], "LOC"),
    ...                                  Entity(24, 29, t[24:29], "LOC")], t)]
    ['للشرق الأوسط', 'وبغداد']
    """
    out = []
    for ent in entities:
        start, end = ent.start, ent.end
        while start > 0 and _word_char(text[start - 1]):
            start -= 1
        while end < len(text) and _word_char(text[end]):
            end += 1
        if (start, end) == (ent.start, ent.end):
            out.append(ent)
        else:
            out.append(attrs.evolve(ent, start=start, end=end, text=text[start:end]))
    return tuple(out)


def _word_char(char: str) -> bool:
    return char.isalpha() or is_mark(char)
