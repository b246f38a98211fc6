"""What a tagger takes for a name but is not one, and names it cuts short or splits.

Decided from data tables, each row with an example (``data/``):

* ``formulas.tsv``: religious and courtesy formulas ("حفظه الله", "الحمد لله"). An entity inside
  one is dropped; an entity that runs into one ends before it.
* ``function_words.tsv``: closed-class words (question words, prepositions with pronouns,
  particles, demonstratives). An entity made only of them is dropped; at an
  entity's edge they are cut as the table's ``cut`` column says ("ماكرون له" -> "ماكرون";
  "كيف" is never the city "كييف").
* shape: an entity glued to digits on both sides ("1دو59ث") is part of a number, not a name.
* ``instruments.tsv``: head nouns of treaties and agreements. A place right after one makes one
  ``MISC`` name with it ("اتفاقية روما"), unless the place is one of several parties
  ("اتفاق موسكو وكييف").

* ``org_heads.tsv``: head nouns that always begin an organisation's name ("وزارة"): the head
  and the definite nouns after it, with a nationality adjective, are one ``ORG`` name
  ("وزارة الخارجية الصينية"), which taggers trained on ANERcorp mostly miss; fixed phrases
  that are names by themselves ("الديوان الملكي"), a numbered channel ("القناة 13") and a
  ministry's short name ("الخارجية العراقية": portfolio + feminine nationality adjective).
* ``name_suffixes.tsv``: words that end a name the tagger stops short of, added to it (a
  compass adjective after a place, "كوريا الشمالية"; a regnal ordinal after a monarch,
  "إليزابيث الثانية").

And two shape rules: two person names side by side with only a space between them are one name
cut in two by the tagger ("مها سليمان طه" + "أيوب") when the second is one word, unless both
are known names on their own ("بوتين ترامب" in a headline); and one person entity holding a
word glued to the conjunction و is two people ("ترامب وهايلي"), unless that word is an Arabic
name or word in its own right ("وليد", "ولد").

Every function keeps offsets in the same text and returns entities that slice it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence

import attrs

from arabnews.charsets import ALEF, DIACRITICS, HAMZA_ALEFS, LETTERS, TATWEEL, class_body
from arabnews.ner.base import (
    PROCLITIC_LETTERS,
    EntityIndex,
    chars_for_letters,
    data_rows,
    name_key,
    text_words,
)
from arabnews.ner.clitics import clitic_reading, word_counts
from arabnews.ner.edges import edge_word_kind, edge_words
from arabnews.spans import Entity
from arabnews.tokens import TOKEN_PATTERNS

__all__ = [
    "NATIONAL",
    "NUMBERED",
    "PAIR",
    "PERSON",
    "PLURAL_DUAL_ENDINGS",
    "cut_after_listed_names",
    "cut_urls",
    "cut_verb_objects",
    "drop_accusative_adjectives",
    "drop_formulas",
    "drop_function_words",
    "drop_glued_adjectives",
    "drop_number_fragments",
    "drop_plural_nouns",
    "extend_name_suffixes",
    "facility_names",
    "formula_spans",
    "function_words",
    "indefinite_accusative",
    "instrument_heads",
    "is_function_word",
    "join_split_names",
    "name_suffixes",
    "org_head_names",
    "org_heads",
    "person_bodies",
    "places_after_classifiers",
    "split_at_future_verbs",
    "split_coordinated_names",
    "treaty_names",
]

KnownFn = Callable[[str], bool]

_CUTS = ("lead", "trail", "both", "alone")
# diacritics, Quranic marks, tatweel: skipped inside a formula
_MARKS = f"[{class_body(DIACRITICS | {TATWEEL})}]*"
_VARIANTS = {
    "ا": "اأإآٱ",
    "أ": "اأإآٱ",
    "إ": "اأإآٱ",
    "آ": "اأإآٱ",
    "ي": "يى",
    "ى": "يى",
}  # ه/ة are not folded: "رحمة الله" is also a name (Rahmatullah), "رحمه الله" a formula


@functools.cache
def function_words() -> dict[str, str]:
    """Word key -> cut (``lead``, ``trail``, ``both`` or ``alone``), from the table."""
    out: dict[str, str] = {}
    for row in data_rows("function_words.tsv", "word", "class", "cut", "example"):
        if row["cut"] not in _CUTS or not row["word"].strip():
            raise ValueError(f"{row.where}: bad row {row!r}")
        out[_function_key(row["word"])] = row["cut"]
    return out


_ALEFS = str.maketrans(dict.fromkeys(HAMZA_ALEFS, ALEF))


def _function_key(word: str) -> str:
    """Marks removed and hamza on alef folded, but alef maqsura kept: "على" is not "علي"."""
    return re.sub(_MARKS[:-1], "", word).translate(_ALEFS)


@functools.cache
def instrument_heads() -> frozenset[str]:
    """Keys of the treaty/agreement head nouns."""
    heads = set()
    for row in data_rows("instruments.tsv", "word", "example"):
        if not row["word"].strip() or not row["example"].startswith(row["word"]):
            raise ValueError(f"{row.where}: bad row {row!r}")
        heads.add(name_key(row["word"]))
    return frozenset(heads)


def _char_class(char: str) -> str:
    options = _VARIANTS.get(char, char)
    return f"[{re.escape(options)}]" if len(options) > 1 else re.escape(char)


@functools.cache
def _formula_re() -> re.Pattern[str]:
    phrases = []
    for row in data_rows("formulas.tsv", "formula", "position", "example"):
        formula, example = row["formula"], row["example"]
        if row["position"] not in ("after", "before", "alone") or not formula.strip():
            raise ValueError(f"{row.where}: bad row {row!r}")
        if name_key(formula) not in name_key(example):
            raise ValueError(f"{row.where}: example {example!r} does not contain {formula!r}")
        words = formula.split()
        phrases.append(r"\s+".join("".join(_char_class(c) + _MARKS for c in w) for w in words))
    # longest first so that "بسم الله الرحمن الرحيم" wins over "بسم الله"
    phrases.sort(key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:[وف]{_MARKS})?(?:{'|'.join(phrases)})(?!\w)")


def formula_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every formula in *text*, in text order.

    >>> formula_spans("قال الملك حفظه الله إن")
    [(10, 19)]
    """
    return [(m.start(), m.end()) for m in _formula_re().finditer(text)]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and not (text[end - 1].isalnum() or _is_mark(text[end - 1])):
        end -= 1
    return start, end


def _is_mark(char: str) -> bool:
    return re.fullmatch(_MARKS[:-1], char) is not None


def _respan(entity: Entity, start: int, end: int) -> Entity | None:
    """*entity* cut to ``[start, end)`` of its own text (relative offsets); ``None`` if empty."""
    text = entity.text
    start, end = _strip_span(text, start, end)
    if end <= start:
        return None
    if (start, end) == (0, len(text)):
        return entity
    return attrs.evolve(
        entity, start=entity.start + start, end=entity.start + end, text=text[start:end]
    )


def drop_formulas(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """Entities of *text* with formulas taken out: dropped when inside one, cut before or
    after one that overlaps them.

    >>> t = "استقبل الملك سلمان بن عبدالعزيز حفظه الله الوفد"
    >>> [e.text for e in drop_formulas([Entity(13, 41, t[13:41], "PER")], t)]
    ['سلمان بن عبدالعزيز']
    """
    spans = formula_spans(text)
    if not spans:
        return tuple(entities)
    starts = [s for s, _ in spans]
    out = []
    for ent in entities:
        cur: Entity | None = ent
        i = max(bisect.bisect_right(starts, ent.start) - 1, 0)
        while cur is not None and i < len(spans) and spans[i][0] < cur.end:
            fs, fe = spans[i]
            i += 1
            if fe <= cur.start:
                continue
            if fs <= cur.start and cur.end <= fe:
                cur = None  # the entity is (part of) the formula
            elif fs > cur.start:
                cur = _respan(cur, 0, fs - cur.start)  # the name ends before the formula
            else:
                cur = _respan(cur, fe - cur.start, cur.end - cur.start)
        if cur is not None:
            out.append(cur)
    return tuple(out)


def _word_cut(word: str) -> str | None:
    return function_words().get(_function_key(word))


def is_function_word(word: str) -> bool:
    """True for a closed-class word of ``function_words.tsv`` (never a name on its own).

    >>> is_function_word("كيف"), is_function_word("كييف"), is_function_word("علي")
    (True, False, False)
    """
    return _word_cut(word) is not None


# a web address, as the tokenizer reads one (arabnews.tokens)
_URL = re.compile(dict((name, rx) for name, rx, _ in TOKEN_PATTERNS)["url"])


def cut_urls(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """Entities ended before a web address the tagger ran them into, those that begin with one
    dropped: a post's link is no part of a name.

    >>> t = "بصاروخ باليستي https://t.co/xYz"
    >>> [e.text for e in cut_urls([Entity(7, len(t), t[7:], "LOC")], t)]
    ['باليستي']
    """
    out: list[Entity] = []
    for ent in entities:
        url = _URL.search(text, ent.start, ent.end)
        if url is None:
            out.append(ent)
            continue
        end = url.start()
        while end > ent.start and text[end - 1].isspace():
            end -= 1
        cut = _respan(ent, 0, end - ent.start) if end > ent.start else None
        if cut is not None:
            out.append(cut)
    return tuple(out)


def drop_number_fragments(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """Entities glued to a digit on both sides are pieces of a number expression (a race time
    "1دو59ث", a code), not names: dropped; so is an entity of at most two letters glued to a
    digit on one side (a unit or abbreviation: "1دو 59ث", "5كم").

    >>> t = "توقيت 1دو59ث و1دو 43ث"
    >>> drop_number_fragments([Entity(7, 9, "دو", "MISC"), Entity(16, 18, "دو", "MISC")], t)
    ()
    """
    return tuple(e for e in entities if not _number_fragment(e, text))


def _number_fragment(e: Entity, text: str) -> bool:
    before = e.start > 0 and text[e.start - 1].isdigit()
    after = e.end < len(text) and text[e.end].isdigit()
    if before and after:
        return True
    return (before or after) and sum(c.isalpha() for c in e.text) <= 2


#: Sound plural and dual endings (nominative and oblique).
PLURAL_DUAL_ENDINGS = ("ون", "ين", "ان")
#: A stem needs this many letters before its ending ("إيلين" is no plural of "إيل").
_PLURAL_STEM = 4
#: Log2 frequency bucket (``lexicon.tsv``) from which a stem is a common word.
_COMMON_BUCKET = 7


def drop_plural_nouns(entities: Sequence[Entity]) -> tuple[Entity, ...]:
    """Person entities that are plurals or duals of common nouns dropped: "دبلوماسيون",
    "عسكريون", "بارزون" (diplomats, soldiers, prominent ones) are no names.

    A word is such a plural when it ends in ون / ين / ان after a stem of four letters or
    more that the Arabic Wikipedia word list (``names/data/lexicon.tsv``) holds as a frequent
    word (bucket 7 or more) never seen where native given names stand, while the whole word
    was never seen there either; the entity's first word must be one, the others may be
    frequent words of that kind too ("عسكريون بارزون"). Names with such endings are spared
    by the list: "حمدان" and "عدنان" stand next to بن, "عثمان" has no common stem. On the
    project's hand-labelled sets, none of 1,192 gold person names (nor one of 2,720 ANERcorp
    training names) is dropped. So is an indefinite noun with a nisba adjective that agrees in
    the dual or plural ("جنديين تركيين"), and the dual of a noun of people of the event tables
    ("طفلان", "شابين", "الوزيران": stems of three letters too; none of 2,501 gold person
    names of those sets is dropped).

    >>> [e.text for e in drop_plural_nouns([Entity(0, 10, "دبلوماسيون", "PER"),
    ...                                     Entity(11, 16, "حمدان", "PER")])]
    ['حمدان']
    """
    return tuple(e for e in entities if e.label != "PER" or not _plural_noun_phrase(e.text))


def _plural_noun_phrase(text: str) -> bool:
    words = text.split()
    return bool(words) and (
        (_plural_noun(words[0]) and all(_plural_noun(w) or _common_word(w) for w in words[1:]))
        or _counted_nationals(words)
    )


def _counted_nationals(words: Sequence[str]) -> bool:
    """An indefinite noun and a nisba adjective in the same dual or plural ending ("جنديين
    تركيين", "مواطنين مصريين", "صحفيان أمريكيان"): the adjective agrees with a noun of
    people, a noun phrase and no name (a surname takes the article: "حسين الحسيني")."""
    if len(words) != 2 or any(w.startswith("ال") for w in words):
        return False
    noun, adj = words
    return any(
        noun.endswith(ending) and adj.endswith("ي" + ending) and len(noun) > len(ending) + 2
        for ending in PLURAL_DUAL_ENDINGS
    )


def _common_word(word: str) -> bool:
    count, kin = word_counts(word)
    return count >= _COMMON_BUCKET and kin == 0


def _plural_noun(word: str) -> bool:
    if word_counts(word)[1]:
        return False  # seen where native given names stand: "حمدان"
    return _people_dual(word) or any(
        word.endswith(ending)
        and len(word) - len(ending) >= _PLURAL_STEM
        and _common_word(word[: -len(ending)])
        for ending in PLURAL_DUAL_ENDINGS
    )


@functools.lru_cache(maxsize=50_000)
def _people_dual(word: str) -> bool:
    """The dual of a noun of people (two of them, never a name): a counted noun of
    ``number_words.tsv`` ("طفلان", "شابين", "جنديان", three-letter stems that the frequency
    test above leaves to names), or a noun of ``agentive.tsv`` with the article ("الوزيران",
    "الزعيمين") or without it when its stem is an office ("وزيران"); the caller has already
    spared words seen where given names stand ("شعبان")."""
    from arabnews.events.lexicon import Word, agentive_classes, norm_word
    from arabnews.events.numbers import dual_kind

    norm = norm_word(word)
    if dual_kind([Word(0, len(norm), norm, norm)], 0) in ("person", "troops"):
        return True
    if not norm.endswith(("ان", "ين")) or len(norm) < 5:
        return False
    definite = norm.startswith("ال")
    cls = agentive_classes().get(norm[2:-2] if definite else norm[:-2])
    return cls is not None and (definite or cls == "official")


def drop_function_words(
    entities: Sequence[Entity], *, is_known: KnownFn | None = None
) -> tuple[Entity, ...]:
    """Entities without closed-class words at their edges; those made only of them dropped.

    *is_known* (a :func:`~arabnews.ner.base.name_key` -> bool, e.g. the gazetteer's
    ``knows``): a name of several words listed whole keeps its words ("آي أو إس", iOS, is
    not cut to "إس" although "آي" and "أو" are closed-class words elsewhere); a single word
    always goes by the table ("كيف").

    >>> [e.text for e in drop_function_words([Entity(0, 3, "كيف", "LOC"),
    ...                                       Entity(4, 14, "ماكرون له", "PER")])]
    ['ماكرون']
    """
    out = []
    for ent in entities:
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", ent.text)]
        cuts = [_word_cut(ent.text[s:e]) for s, e in words]
        if len(words) > 1 and is_known is not None and is_known(name_key(ent.text)):
            out.append(ent)  # listed whole: its words are the name's
            continue
        if not words or all(c is not None for c in cuts):
            continue
        first, last = 0, len(words)
        while last - first > 1 and cuts[first] in ("lead", "both"):
            first += 1
        while last - first > 1 and cuts[last - 1] in ("trail", "both"):
            last -= 1
        if (first, last) == (0, len(words)):
            out.append(ent)
            continue
        cut = _respan(ent, words[first][0], words[last - 1][1])
        if cut is not None:
            out.append(cut)
    return tuple(out)


#: The longest person name :func:`join_split_names` makes (given name, father, grandfather,
#: family name; بن / آل chains stay within it).
_MAX_NAME_WORDS = 5


def cut_after_listed_names(
    entities: Sequence[Entity], *, is_known: KnownFn | None = None
) -> tuple[Entity, ...]:
    """An organisation or place whose first words are a listed name and whose next word is
    a definite common noun of its own (no nisba adjective, no ل-genitive) cut after the listed
    name: the tagger ran a verb's subject into its object ("دعا البنك الدولي الحكومات العربية"
    -> البنك الدولي). The whole is kept when it is listed itself; *is_known* gets name keys.

    >>> ents = [Entity(4, 33, "البنك الدولي الحكومات العربية", "ORG")]
    >>> [e.text for e in cut_after_listed_names(ents, is_known={"البنك الدولي"}.__contains__)]
    ['البنك الدولي']
    """
    known = is_known or (lambda _key: False)
    out = []
    for e in entities:
        words = e.text.split(" ")
        cut = None
        if e.label in ("ORG", "LOC") and len(words) >= 3 and not known(name_key(e.text)):
            for k in range(len(words) - 1, 1, -1):  # (a listed name of two words or more)
                nxt = words[k]
                if (
                    known(name_key(" ".join(words[:k])))
                    and nxt.startswith("ال")
                    and not nxt.endswith(("ي", "ية", "يه", "يين", "يون"))
                    and _common_word(nxt)
                ):
                    cut = len(" ".join(words[:k]))
                    break
        out.append(e if cut is None else attrs.evolve(e, end=e.start + cut, text=e.text[:cut]))
    return tuple(out)


def facility_names(
    entities: Sequence[Entity], text: str, *, is_known: KnownFn | None = None
) -> tuple[Entity, ...]:
    """A name right after a facility noun of ``edge_words.tsv`` (kind ``facility``: مطار،
    شارع، ساحة، قلعة ...), with only a space between, takes the noun into its name when the
    name alone would read as a person or another place (the convention: "مطار القاهرة"، "شارع
    صلاح الدين"، "ساحة الشهداء"; a square's own foreign name, "ساحة لابورتا ديل سول", keeps it
    out): a person, a place *is_known* lists, or a frequent common word. The place loses any
    identity the name alone had ("قلعة القاهرة" in Taiz is no Cairo), and takes the definite
    nisba adjectives right after it ("مطار دبي الدولي").

    >>> t = "استهدفت قلعة القاهرة بتعز"
    >>> e = Entity(13, 20, "القاهرة", "LOC", "القاهرة", "cairo")
    >>> [e.text for e in facility_names([e], t, is_known={"القاهرة"}.__contains__)]
    ['قلعة القاهرة']
    """
    known = is_known or (lambda _key: False)
    word_before = _words_before(text)
    words: list[tuple[int, int, str]] = []  # (the text's words, read at the first extension)
    out = []
    for e in entities:
        prev = word_before(e.start) if e.label in ("LOC", "PER") else None
        if (
            prev is None
            or edge_word_kind(prev) != "facility"
            or prev.startswith("ال")
            or not (
                e.label == "PER"
                or known(name_key(e.text))
                or (" " not in e.text and _common_word(e.text))
            )
        ):
            out.append(e)
            continue
        start = text.rindex(prev, 0, e.start)
        if edge_words().get(name_key(prev)) is None:
            start += 1  # (وشارع: edge_word_kind read it without its conjunction, which stays out)
        if not words:
            words = [(w[0], w[1], w[2]) for w in text_words(text)]
        end = e.end
        k = bisect.bisect_left(words, (end,))
        for _ in range(2):  # (مطار دبي الدولي، مستشفى غزة الأوروبي)
            if k >= len(words) or text[end : words[k][0]].strip():
                break
            w = words[k][2]
            if not (w.startswith("ال") and w.endswith(("ي", "ية")) and len(w) > 4):
                break
            end = words[k][1]
            k += 1
        out.append(
            attrs.evolve(
                e,
                start=start,
                end=end,
                text=text[start:end],
                label="LOC",
                canonical=None,
                entity_id=None,
            )
        )
    return tuple(out)


def join_split_names(
    entities: Sequence[Entity], text: str, *, is_known: KnownFn | None = None
) -> tuple[Entity, ...]:
    """A person name followed, after nothing but spaces (no line break), by another person
    name of one or two words, the two making at most five words: the tagger
    cut one name in two ("مها سليمان طه" + "أيوب", "مها سليمان" + "طه أيوب"), and the two are
    joined, unless both halves are known names on their own (*is_known* gets name keys;
    entities that carry an ``entity_id`` count as known). Why: in ANERcorp's gold, two person
    names side by side with only a space between are one name split in most cases (نصر | الله,
    سوزان | مبارك); two people are written with و or a comma between, or with a preposition
    glued to the second (ماتيراتزي لزيدان), which the gap then holds.

    >>> t = "وقالت مها سليمان طه أيوب إن"
    >>> ents = [Entity(6, 19, "مها سليمان طه", "PER"), Entity(20, 24, "أيوب", "PER")]
    >>> [e.text for e in join_split_names(ents, t)]
    ['مها سليمان طه أيوب']
    >>> ents = [Entity(6, 16, "مها سليمان", "PER"), Entity(17, 24, "طه أيوب", "PER")]
    >>> [e.text for e in join_split_names(ents, t)]
    ['مها سليمان طه أيوب']
    """
    known = is_known or (lambda _key: False)
    ordered = sorted(entities, key=lambda e: (e.start, e.end))
    out: list[Entity] = []
    for ent in ordered:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == ent.label == "PER"
            and prev.end < ent.start
            and text[prev.end : ent.start].isspace()
            and "\n" not in text[prev.end : ent.start]
            and len(ent.text.split()) <= 2
            and len(prev.text.split()) + len(ent.text.split()) <= _MAX_NAME_WORDS
            and not (_known(prev, known) and _known(ent, known))
        ):
            out[-1] = attrs.evolve(
                prev,
                end=ent.end,
                text=text[prev.start : ent.end],
                canonical=None,
                entity_id=None,
                score=_min_score(prev.score, ent.score),
            )
            continue
        out.append(ent)
    return tuple(out)


def _known(ent: Entity, known: KnownFn) -> bool:
    return ent.entity_id is not None or known(name_key(ent.text))


def _min_score(a: float | None, b: float | None) -> float | None:
    if a is None or b is None:
        return a if b is None else b
    return min(a, b)


@functools.cache
def _last_word_re() -> re.Pattern[str]:
    return re.compile(r"(\S+)[ \t\u00a0]+$")


def _instrument_start(text: str, start: int) -> int | None:
    """Where a treaty head noun right before offset *start* begins (after a glued
    proclitic), or ``None``."""
    window = text[max(0, start - 40) : start]
    match = _last_word_re().search(window)
    if match is None:
        return None
    word = match.group(1)
    key = name_key(word)
    base = start - len(window) + match.start(1)
    for strip in range(0, 3):
        if strip and key[strip - 1 : strip] not in PROCLITIC_LETTERS:
            break
        if key[strip:] in instrument_heads():
            # offsets: skip as many leading characters of the word as letters stripped
            return base + chars_for_letters(word, strip)
    return None


def treaty_names(
    entities: Sequence[Entity], text: str, *, is_known: KnownFn | None = None
) -> tuple[Entity, ...]:
    """A place right after a treaty head noun becomes, with it, one ``MISC`` name; so does a
    person the tagger saw there when *is_known* does not know that name ("اتفاقيات كامب
    ديفيد"; a known person, "اتفاق نتنياهو", stays).

    >>> t = "وقعت الدول على اتفاقية روما عام 1998"
    >>> [(e.text, e.label) for e in treaty_names([Entity(23, 27, "روما", "LOC")], t)]
    [('اتفاقية روما', 'MISC')]
    """
    ordered = sorted(entities, key=lambda e: (e.start, e.end))
    out: list[Entity] = []
    for k, ent in enumerate(ordered):
        named = ent.label == "LOC" or (
            ent.label == "PER" and is_known is not None and not is_known(ent.text)
        )
        head = _instrument_start(text, ent.start) if named else None
        if head is not None and out and out[-1].end > head:
            head = None  # the head word is already part of another entity
        if head is not None and k + 1 < len(ordered):
            gap = text[ent.end : ordered[k + 1].start]
            if gap.strip() in ("و", "،", ",", "-", "–") and len(gap) <= 3:
                head = None  # "اتفاق موسكو وكييف": parties, not a name
        if head is None:
            out.append(ent)
            continue
        out.append(
            attrs.evolve(
                ent,
                start=head,
                text=text[head : ent.end],
                label="MISC",
                canonical=None,
                entity_id=None,
            )
        )
    return tuple(out)


@functools.cache
def name_suffixes() -> dict[str, frozenset[str]]:
    """Word key -> the labels it ends a name of, from ``name_suffixes.tsv``."""
    from arabnews.spans import ENTITY_LABELS

    out: dict[str, frozenset[str]] = {}
    for row in data_rows("name_suffixes.tsv", "word", "labels", "example"):
        labels = frozenset(row["labels"].split(","))
        if (
            not row["word"].strip()
            or not labels <= ENTITY_LABELS
            or row["word"] not in row["example"]
        ):
            raise ValueError(f"{row.where}: bad row {row!r}")
        out[name_key(row["word"])] = labels
    return out


@functools.cache
def _next_word_re() -> re.Pattern[str]:
    # the word after one space, without the punctuation the cleaner glues to it
    # ("كارولينا الجنوبية،")
    return re.compile(r"[ \t\u00a0]([^\s.,،:;؛!?؟()\"«»]+)")


#: "and twenty" ... "and ninety" after an ordinal: the ordinal is part of a number.
_TENS = re.compile(r"وال(?:عشر|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع)(?:ين|ون)")


def _is_ordinal_label(key: str) -> bool:
    return name_suffixes().get(key) == frozenset({"PER"})


def extend_name_suffixes(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """Add the word after an entity when ``name_suffixes.tsv`` says it ends such a name.

    >>> t = "زار كوريا الشمالية امس"
    >>> [e.text for e in extend_name_suffixes([Entity(4, 9, "كوريا", "LOC")], t)]
    ['كوريا الشمالية']
    >>> t = "توفيت الملكة إليزابيث الثانية"
    >>> [e.text for e in extend_name_suffixes([Entity(13, 21, "إليزابيث", "PER")], t)]
    ['إليزابيث الثانية']
    """
    ordered = sorted(entities, key=lambda e: (e.start, e.end))
    starts = [e.start for e in ordered]
    out: list[Entity] = []
    for ent in ordered:
        match = _next_word_re().match(text, ent.end)
        if match is None:
            out.append(ent)
            continue
        key = name_key(match.group(1))
        labels = name_suffixes().get(key)
        ordinal = labels is not None and _is_ordinal_label(key)
        end = match.end(1)
        if ordinal:
            after = _next_word_re().match(text, end)
            if after is not None and name_key(after.group(1)) == "عشر":
                end = after.end(1)
            elif after is not None and _TENS.match(name_key(after.group(1))):
                labels = None  # "الخامس والثمانين": a compound number (an 85th), no king's
        # the next entity must not begin inside the added words
        later = bisect.bisect_left(starts, ent.end)
        clash = later < len(starts) and starts[later] < end
        if (
            labels is None
            or ent.label not in labels
            or clash
            or (ordinal and len(ent.text.split()) > 2)
        ):
            out.append(ent)
            continue
        out.append(
            attrs.evolve(ent, end=end, text=text[ent.start : end], canonical=None, entity_id=None)
        )
    return tuple(out)


#: A word glued to و inside a person entity is "and" + a name when the word without و is a
#: name of its own in the text (another person entity has it, or the gazetteer knows it), or
#: when the Arabic Wikipedia text (log2 buckets of ``lexicon.tsv``) has it without و more often
#: than with it and in native name positions (after بن / أبو ...) at least as often: "ومحمد"
#: is "and Muhammad", while "وائل", "وليد", "ويليام" are names of their own. Rare foreign
#: names are in neither table and stay whole ("بونغي ويلفريد").


_SPLIT_LABELS = ("PER", "LOC")


def _future_verb(word: str) -> bool:
    """Whether *word* is a verb in the future (س + a third-person imperfect: سيستقبل، ستعقد،
    وسيزور), as the Arabic Wikipedia word list reads it (the rest without س is the more
    frequent word; a name that begins so, سيرغي، ستالين، سيناء، is a word of its own)."""
    w = word[1:] if word[:2] in ("وس", "فس") else word
    # (a third person, as after a name, of four letters at least: سيري، ستور، سنجار stay)
    return len(w) >= 5 and w[0] == "س" and w[1] in "يت" and clitic_reading(w, 1) is True


def cut_prepositional_tails(
    entities: Sequence[Entity], *, is_place: Callable[[str], bool] | None = None
) -> tuple[Entity, ...]:
    """A person name of several words ends before a last word that is the preposition ب glued
    to a definite noun (بالوفد) or to a listed place (بطهران): a person's name holds no
    preposition ("يحيى السنوار بالوفد"، "إيفين بطهران"; an organisation's may: الاتحاد العام
    التونسي للشغل; a surname may begin with ب: عبدالكريم برشيد). *is_place* says whether a
    word, the ب taken off, is a listed place.

    >>> [e.text for e in cut_prepositional_tails([Entity(0, 18, "يحيى السنوار بالوفد", "PER")])]
    ['يحيى السنوار']
    >>> [e.text for e in cut_prepositional_tails([Entity(0, 11, "بشار الأسد", "PER")])]
    ['بشار الأسد']
    """
    place = is_place or (lambda _word: False)
    out = []
    for e in entities:
        head, _, last = e.text.rpartition(" ")
        key = name_key(last)
        if (
            e.label == "PER"
            and head.strip()
            and len(key) >= 5
            and (key.startswith("بال") or (key[0] == "ب" and place(last[1:])))
        ):
            head = head.rstrip()
            out.append(attrs.evolve(e, end=e.start + len(head), text=head))
        else:
            out.append(e)
    return tuple(out)


_NEXT_WORD = re.compile(r" ([^\s]+)")


def cut_titles_across_the_end(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """A name whose last word begins a title of two words with the word after it ("أمين عام
    حزب الله": أمين is also a given name) loses that word; a name of that word alone is
    dropped. The titles are those of ``edge_words.tsv`` written in two words.

    >>> t = "قال أمين عام الحزب إن"
    >>> cut_titles_across_the_end([Entity(4, 8, "أمين", "PER")], t)
    ()
    >>> t = "قال أمين سلام إن"
    >>> [e.text for e in cut_titles_across_the_end([Entity(4, 13, "أمين سلام", "PER")], t)]
    ['أمين سلام']
    """
    out = []
    for e in entities:
        nxt = _NEXT_WORD.match(text, e.end)
        head, _, last = e.text.rpartition(" ")
        if nxt is None or edge_word_kind(f"{last} {nxt.group(1)}") != "title":
            out.append(e)
        elif head.strip():
            head = head.rstrip()
            out.append(attrs.evolve(e, end=e.start + len(head), text=head))
    return tuple(out)


def split_at_future_verbs(entities: Sequence[Entity]) -> tuple[Entity, ...]:
    """An entity holding a verb in the future is cut there: the tagger ran a name on into the
    verb after it, and on into the verb's object ("ترامب سيستقبل مودي" -> "ترامب", "مودي";
    "بوتين سيزور" -> "بوتين").

    >>> [e.text for e in split_at_future_verbs([Entity(0, 18, "ترامب سيستقبل مودي", "PER")])]
    ['ترامب', 'مودي']
    """
    out: list[Entity] = []
    for e in entities:
        cuts = [m for m in re.finditer(r"\S+", e.text) if _future_verb(m.group())]
        if not cuts:
            out.append(e)
            continue
        start = 0
        for m in cuts:
            part = _respan(e, start, m.start())
            if part is not None:
                out.append(part)
            start = m.end()
        part = _respan(e, start, len(e.text))
        if part is not None:
            out.append(part)
    return tuple(out)


def split_coordinated_names(
    entities: Sequence[Entity], text: str, *, is_known: KnownFn | None = None
) -> tuple[Entity, ...]:
    """A person or place entity with a later word glued to the conjunction و is two names
    ("ترامب وهايلي" -> "ترامب", "هايلي") when that word is "and" + a name: the rest is a word
    of another entity of the same label in the text or a name *is_known* knows (keys of
    :func:`~arabnews.ner.base.name_key`), or the word list says so
    (:func:`~arabnews.ner.clitics.clitic_reading`). A
    name or word in its own right stays ("محمد وليد", "محمد ولد عبد العزيز"). A place entity
    is also cut where و is followed by a hamza on alef (no name begins "وأ"/"وإ": "ديفون
    وإكستر"), and at every و when two or more of its words begin with it (a list, "إيشيكاوا
    ونيغاتا وتوياما"; one "و" stays: "البوسنة والهرسك").

    >>> t = "نيكي هايلي: بين ترامب وهايلي"
    >>> ents = [Entity(0, 10, "نيكي هايلي", "PER"), Entity(16, 28, "ترامب وهايلي", "PER")]
    >>> [e.text for e in split_coordinated_names(ents, t)]
    ['نيكي هايلي', 'ترامب', 'هايلي']
    """
    known = is_known or (lambda _key: False)
    words = {
        label: {name_key(w) for e in entities if e.label == label for w in e.text.split()}
        for label in _SPLIT_LABELS
    }

    def conjoined(word: str, label: str) -> bool:
        rest = name_key(word[1:])
        if label == "LOC" and word[1:2] in HAMZA_ALEFS:
            return True
        return rest in words[label] or known(rest) or clitic_reading(word, 1) is True

    out: list[Entity] = []
    for ent in entities:
        pieces = [(m.start(), m.end()) for m in re.finditer(r"\S+", ent.text)]
        glued = [
            i
            for i, (s, e) in enumerate(pieces)
            if i > 0 and ent.label in _SPLIT_LABELS and ent.text[s] == "و" and e - s >= 4
        ]  # و and a name of three letters or more, not "واي"
        if ent.label == "LOC" and len(glued) >= 2 and all(e - s > 1 for s, e in pieces):
            cuts = glued
        else:
            first = next(
                (i for i in glued if conjoined(ent.text[slice(*pieces[i])], ent.label)), None
            )
            cuts = [] if first is None else [first]
        if not cuts:
            out.append(ent)
            continue
        bounds = [(ent.start, ent.start + pieces[cuts[0] - 1][1])]
        for n, cut in enumerate(cuts):
            right_start = ent.start + pieces[cut][0] + 1
            while right_start < ent.end and _is_mark(text[right_start]):
                right_start += 1
            last = cuts[n + 1] - 1 if n + 1 < len(cuts) else len(pieces) - 1
            bounds.append((right_start, ent.start + pieces[last][1]))
        for start, end in bounds:
            out.append(
                attrs.evolve(
                    ent, start=start, end=end, text=text[start:end], canonical=None, entity_id=None
                )
            )
    return tuple(out)


#: ``org_heads()`` value of a head whose name is the head and a number ("القناة 13").
NUMBERED = -1
#: ``org_heads()`` value of a type word before a name of two definite nouns joined by و, the
#: name without the type word ("جماعة العدل والإحسان" -> "العدل والإحسان").
PAIR = -3
#: ``org_heads()`` value of a head that is a name only with a feminine nationality adjective
#: after it: a ministry's short name ("الخارجية العراقية" for وزارة الخارجية العراقية).
NATIONAL = -2
#: ``org_heads()`` value of a head that makes a body of the person named after it: the
#: administration or office of a leader ("إدارة بايدن", "مكتب نتنياهو"; see person_bodies).
PERSON = -4


@functools.cache
def org_heads() -> dict[str, int]:
    """Keys of the head nouns of ``org_heads.tsv`` -> the definite nouns a name needs after
    the head (``0``: the head is a name by itself, "القوات الجوية"; :data:`NUMBERED`: the
    head and the number after it, "القناة 13"; :data:`NATIONAL`: the head and a feminine
    nationality adjective, "الخارجية العراقية"; :data:`PAIR`: two definite nouns joined by
    و after the head, without it, "العدل والإحسان")."""
    heads: dict[str, int] = {}
    values = {
        "0": 0,
        "1": 1,
        "number": NUMBERED,
        "nationality": NATIONAL,
        "pair": PAIR,
        "person": PERSON,
    }
    for row in data_rows("org_heads.tsv", "word", "nouns", "example"):
        if (
            not row["word"].strip()
            or not row["example"].startswith(row["word"])
            or row["nouns"] not in values
        ):
            raise ValueError(f"{row.where}: bad row {row!r}")
        heads[name_key(row["word"])] = values[row["nouns"]]
    return heads


#: Words after the head: up to two definite nouns ("الشؤون الخارجية"), one more joined by و
#: ("التربية والتعليم"), then a nationality adjective ("الصينية").
_ORG_NOUNS = 2
_HEAD_WORDS = (3, 2, 1)
#: The number of a numbered head: "13", "الـ12" (the key has no tatweel).
_HEAD_NUMBER = re.compile(r"(?:ال)?[0-9٠-٩]{1,4}")


def _org_head_at(words: list[tuple[int, int, str]], i: int) -> tuple[int, int, int] | None:
    """(start offset, words, nouns needed) of an org head beginning at ``words[i]``."""
    heads = org_heads()
    for n in _HEAD_WORDS:
        if i + n > len(words):
            continue
        first = name_key(words[i][2])
        rest = [name_key(w[2]) for w in words[i + 1 : i + n]]
        for skip in (0, 1):
            if skip and first[:1] not in PROCLITIC_LETTERS:
                break
            key = " ".join([first[skip:], *rest])
            if key in heads:
                return words[i][0] + chars_for_letters(words[i][2], skip), n, heads[key]
    return None


def _org_span(words: list[tuple[int, int, str]], i: int, text: str) -> tuple[int, int] | None:
    """Character span of the name whose head begins at ``words[i]``, or ``None``."""
    from arabnews.ner.edges import edge_word_kind

    head = _org_head_at(words, i)
    if head is None or head[2] == PERSON:
        return None  # a person's body needs the tagged person (person_bodies)
    start, n, needed = head
    end, nouns, j = words[i + n - 1][1], 0, i + n
    if needed == NUMBERED:  # the number, after a space only; a nationality stays out
        if j < len(words) and text[end : words[j][0]].isspace():
            number = name_key(words[j][2])
            # "القناة الـ12", or a number a nationality adjective follows ("القناة 13
            # الإسرائيلية"); "عبر القناة 20 سفينة" is the Suez canal and a count
            nationality = j + 1 < len(words) and (
                text[words[j][1] : words[j + 1][0]].isspace()
                and edge_word_kind(words[j + 1][2]) == "nationality"
            )
            if _HEAD_NUMBER.fullmatch(number) and (number.startswith("ال") or nationality):
                return start, words[j][1]
        return None
    if needed == PAIR:  # "العدل والإحسان": the type word stays out of the name
        if (
            j + 1 < len(words)
            and not is_function_word(words[j + 1][2][1:])
            and all(text[words[k - 1][1] : words[k][0]].isspace() for k in (j, j + 1))
        ):
            first, second = name_key(words[j][2]), name_key(words[j + 1][2])
            after = name_key(words[j + 2][2]) if j + 2 < len(words) else ""
            if (
                first.startswith("ال")
                and len(first) > 3
                and first != "الله"  # "حزب الله والرئيس": حزب الله is the name
                and second.startswith("وال")
                and len(second) > 4
                and not after.startswith("وال")  # a list of three is no name's
            ):
                return words[j][0], words[j + 1][1]
        return None
    if needed == NATIONAL:
        if (
            j < len(words)
            and text[end : words[j][0]].isspace()
            and _feminine_nationality(words[j][2])
            and not (i and text[words[i - 1][1] : start].isspace() and _governs(words[i - 1][2]))
        ):
            return start, words[j][1]
        return None
    while j < len(words):
        k = name_key(words[j][2])
        if is_function_word(words[j][2]) or edge_word_kind(words[j][2]) in (
            "title",
            "role",
            "event",
        ):
            # "وزارة الصحة التي", "بوزارة الصحة الدكتور", "أدانت وزارة الخارجية الهجوم": no
            # noun of the name
            break
        if edge_word_kind(words[j][2]) == "nationality":
            if nouns >= needed:
                end = words[j][1]
            break
        if nouns and _object_after(name_key(words[j - 1][2]), k):
            break  # "وزارة الصحة المواطنين": the verb's object (cut_verb_objects)
        if k.startswith("ال") and nouns < _ORG_NOUNS and len(k) > 3 and needed:
            nouns, end = nouns + 1, words[j][1]
        elif k.startswith("وال") and nouns and len(k) > 4:
            nouns, end = _ORG_NOUNS, words[j][1]
        else:
            break
        j += 1
    return (start, end) if nouns >= needed else None


def _feminine_nationality(word: str) -> bool:
    """A feminine nationality adjective ("العراقية", "السعودية": its masculine is one)."""
    from arabnews.ner.edges import edge_word_kind

    key = name_key(word)
    return key.endswith(("ية", "يه")) and "nationality" in (
        edge_word_kind(key),
        edge_word_kind(key[:-1]),
    )


def _governs(word: str) -> bool:
    """True when *word* before a ministry's short name makes the pair no name: a definite
    noun the two words describe ("السياسة الخارجية الأمريكية", foreign policy), a noun in
    ة or a plural in ات whose genitive they are ("منظومة الدفاع الروسية", "وزيرة الخارجية
    الألمانية", "خدمات الصحة الهندية"), or a title ("وزير الخارجية ...")."""
    from arabnews.ner.edges import edge_word_kind

    key = name_key(word)
    bare = key[1:] if key[:1] in PROCLITIC_LETTERS and len(key) > 3 else key
    return (
        key.startswith(("ال", "لل"))
        or bare.startswith("ال")
        or key.endswith(("ة", "ات"))
        or "title" in (edge_word_kind(key), edge_word_kind(bare))
    )


def org_head_names(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """Organisations named by a head noun of ``org_heads.tsv`` and the definite nouns after
    it, added as ``ORG`` ("وزارة الخارجية الصينية"); entities inside such a name give way
    to it, one that crosses its edge keeps its place and the name is not added.

    >>> t = "وقالت وزارة الخارجية الصينية إن بكين"
    >>> found = org_head_names([Entity(31, 35, "بكين", "LOC")], t)
    >>> [(e.text, e.label) for e in found]
    [('وزارة الخارجية الصينية', 'ORG'), ('بكين', 'LOC')]
    """
    words = text_words(text)
    index = EntityIndex(entities)
    dropped: set[int] = set()
    out: list[Entity] = []
    last_end = -1
    for i in range(len(words)):
        if words[i][0] < last_end:
            continue  # inside the name just added
        span = _org_span(words, i, text)
        if span is None:
            continue
        start, end = span
        inside = index.inside(start, end)
        if inside is None:
            continue  # an entity crosses the name's edge: it keeps its place
        head = _org_head_at(words, i)
        if head is not None and head[2] == PAIR and inside:
            continue  # "حزب الوفد والإخوان": tagged inside, the و joins two names
        dropped.update(inside)
        out.append(Entity(start, end, text[start:end], "ORG"))
        last_end = end
    return index.replaced(out, dropped)


def person_bodies(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """A tagged person right after a ``person`` head of ``org_heads.tsv`` (a glued و ف ب ل ك
    left out) is the body he heads: the head and the name become one ``ORG``.

    >>> t = "وقالت إدارة بايدن إن"
    >>> [(e.text, e.label) for e in person_bodies([Entity(12, 17, "بايدن", "PER")], t)]
    [('إدارة بايدن', 'ORG')]
    """
    if not any(e.label == "PER" for e in entities):
        return tuple(entities)
    words = text_words(text)
    ends = {w[1]: k for k, w in enumerate(words)}
    out: list[Entity] = []
    for ent in sorted(entities, key=lambda e: (e.start, e.end)):
        k = ends.get(ent.start - 1)
        head = None
        if ent.label == "PER" and k is not None and text[ent.start - 1] == " ":
            head = _org_head_at(words, k)
        free = not out or (k is not None and out[-1].end <= words[k][0])  # head word untagged
        if head is not None and head[1] == 1 and head[2] == PERSON and free:
            start = head[0]
            out.append(Entity(start, ent.end, text[start : ent.end], "ORG", score=ent.score))
        else:
            out.append(ent)
    return tuple(out)


#: Words on each side of an entity that :func:`drop_latin_guesses` reads.
_FOREIGN_WINDOW = 6


def _words_before(text: str) -> Callable[[int], str | None]:
    """For *text*, a function giving the word right before an offset (only spaces between),
    or ``None`` (punctuation between, or no word)."""
    words = text_words(text)
    ends = [w[1] for w in words]

    def before(start: int) -> str | None:
        k = bisect.bisect_right(ends, start) - 1
        if k < 0 or text[words[k][1] : start].strip():
            return None
        return words[k][2]

    return before


# Country names that are also the feminine nationality adjective, definite (the Saudi kingdom).
_NISBA_COUNTRIES = frozenset({"السعودية"})
#: Countries whose name is also the indefinite feminine nationality adjective (سورية, Syria /
#: Syrian): after an indefinite feminine word it is that word's adjective ("ليرة سورية").
_FEMININE_NISBA_COUNTRIES = frozenset({"سورية"})


def drop_accusative_adjectives(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """Places that are a nationality adjective in the accusative dropped: after an indefinite
    noun in the accusative (tanwin written ا), "روسيا" is روسيًّا, Russian, not Russia
    ("صد 45 هجوما روسيا"، "65 أسيرا أوكرانيا"، "ممرا بريا"), for an adjective agrees with its
    noun. The place is one word that ends in يا; the word before it ends in ا (not a pronoun
    ها / نا, a verb's وا, or a closed-class word of ``function_words.tsv``, the accusative
    adverbs such as خصوصا included) with nothing between.
    A country named by its definite nationality adjective (السعودية) after a definite noun is
    that noun's adjective too ("الدفاعات الجوية السعودية"), except in its full name
    ("المملكة العربية السعودية"); so is one named by its indefinite feminine adjective (سورية)
    after an indefinite feminine word ("ليرة سورية"، "مصادر إيرانية وسورية").

    >>> t = "قال الجيش إنه صد 45 هجوما روسيا أمس"
    >>> [e.text for e in drop_accusative_adjectives([Entity(26, 31, "روسيا", "LOC")], t)]
    []
    >>> t = "وفي مقدمتها أوكرانيا وجورجيا"
    >>> [e.text for e in drop_accusative_adjectives([Entity(12, 20, "أوكرانيا", "LOC")], t)]
    ['أوكرانيا']
    """
    suspects = [
        n
        for n, e in enumerate(entities)
        if e.label == "LOC"
        and " " not in e.text
        and (
            (e.text.endswith("يا") and len(e.text) >= 4)
            or e.text in _NISBA_COUNTRIES
            or e.text in _FEMININE_NISBA_COUNTRIES
        )
    ]
    if not suspects:
        return tuple(entities)
    word_before = _words_before(text)
    drop = set()
    for n in suspects:
        e = entities[n]
        prev = word_before(e.start)
        if (
            prev is None
            and e.text in _FEMININE_NISBA_COUNTRIES
            and e.start > 1
            and text[e.start - 1] == "و"
            and not text[e.start - 2].strip()
        ):
            prev = word_before(e.start - 1)  # مصادر إيرانية وسورية: its و glued on
        if prev is None:
            continue
        before = _function_key(prev)
        bare = before[1:] if before[:1] in ("و", "ف") and len(before) > 4 else before
        if e.text in _FEMININE_NISBA_COUNTRIES:
            # ليرة سورية، مصادر إيرانية وسورية: an adjective agreeing with the feminine word
            if (
                not bare.startswith("ال")
                and bare.endswith("ة")
                and len(bare) > 3
                and not is_function_word(bare)
            ):
                drop.add(n)
            continue
        if e.text in _NISBA_COUNTRIES:
            # الدفاعات الجوية السعودية: after a definite noun the name is its adjective (not
            # after العربية: المملكة العربية السعودية names the country)
            if before.startswith("ال") and before != "العربية" and not is_function_word(before):
                drop.add(n)
            continue
        if indefinite_accusative(prev):
            drop.add(n)
    return tuple(e for n, e in enumerate(entities) if n not in drop)


def indefinite_accusative(word: str) -> bool:
    """Whether *word* ends in the accusative tanwin written ا (not a pronoun ها / نا, a verb's
    وا, or a closed-class word of ``function_words.tsv``, the accusative adverbs such as خصوصا
    included): a nationality adjective in يا right after it agrees with it ("هجوما روسيا")."""
    key = _function_key(word)
    bare = key[1:] if key[:1] in ("و", "ف") and len(key) > 4 else key
    return (
        len(bare) >= 3
        and bare.endswith("ا")
        and not bare.endswith(("ها", "نا", "وا", "اا"))
        and not is_function_word(bare)
    )


def drop_glued_adjectives(
    entities: Sequence[Entity], text: str, *, is_known: KnownFn | None = None
) -> tuple[Entity, ...]:
    """Places cut from an adjective glued to ب after an indefinite noun dropped: in "بصاروخ
    باليستي" (with a ballistic missile) the trimmer reads ب + "اليستي", but an adjective agrees
    with its noun, and after an indefinite one the word is an indefinite nisba (in ي، ية، يين),
    not ب + a definite name. A place the gazetteer knows stays.

    >>> t = "استهداف سفينة بصاروخ باليستي"
    >>> [e.text for e in drop_glued_adjectives([Entity(22, 28, "اليستي", "LOC")], t)]
    []
    """
    known = is_known or (lambda _: False)
    word_before = _words_before(text)
    out = []
    for e in entities:
        start = e.start
        if (
            e.label == "LOC"
            and " " not in e.text
            and e.text.startswith("ال")
            and e.text.endswith(("ي", "ية", "يين", "يا"))
            and start >= 2
            and text[start - 1] == "ب"
            and text[start - 2].isspace()
            and not known(name_key(e.text))
        ):
            prev = word_before(start - 1)
            key = _function_key(prev) if prev is not None else ""
            if key and not key.startswith("ال") and not is_function_word(key):
                continue  # بصاروخ باليستي: the indefinite noun's adjective
        out.append(e)
    return tuple(out)


def cut_verb_objects(
    entities: Sequence[Entity], *, is_known: KnownFn | None = None
) -> tuple[Entity, ...]:
    """Organisations cut before the object of their verb that the tagger ran them on into
    ("ناشدت وزارة الصحة المواطنين", "استدعت وزارة الخارجية السفير الإيراني", "حذرت منظمة
    الصحة العالمية الدول"): a definite noun ends a name's construct, after it only adjectives
    follow, so a definite noun of a party, an office or people (``agentive.tsv``: المواطنين،
    السفير، الدول، الحكومة) that is no nisba adjective begins another phrase. None of the 663
    names of three words or more in the labelled NER sets has such a word. A name the
    gazetteer knows whole stays.

    >>> t = "وزارة الصحة المواطنين"
    >>> [e.text for e in cut_verb_objects([Entity(0, len(t), t, "ORG")])]
    ['وزارة الصحة']
    >>> t = "نقابة الصحفيين الفلسطينيين"
    >>> [e.text for e in cut_verb_objects([Entity(0, len(t), t, "ORG")])]
    ['نقابة الصحفيين الفلسطينيين']
    """
    known = is_known or (lambda _: False)
    out = []
    for e in entities:
        words = text_words(e.text) if e.label == "ORG" and e.text.count(" ") >= 2 else []
        keys = [name_key(w) for _, _, w in words]
        cut = next(
            (j for j in range(2, len(keys)) if _object_after(keys[j - 1], keys[j])),
            None,
        )
        if cut is None or known(name_key(e.text)):
            out.append(e)
            continue
        end = e.start + words[cut - 1][1]
        out.append(
            attrs.evolve(
                e, end=end, text=e.text[: words[cut - 1][1]], canonical=None, entity_id=None
            )
        )
    return tuple(out)


def _object_after(before: str, key: str) -> bool:
    """Whether the word of *key* after the definite word of *before* begins another phrase: a
    definite noun of a party, an office or people (``agentive.tsv``) that is no nisba."""
    from arabnews.events.lexicon import agentive_classes

    return (
        before.startswith("ال")
        and key.startswith("ال")
        and key[2:] in agentive_classes()
        and not _nisba(key[2:])
    )


def _nisba(key: str) -> bool:
    """A relative adjective or its plural or dual (الفلسطينيين، الدولية، النسائيات)."""
    return len(key) >= 4 and key.endswith(
        ("ي", "يه", "ية", "يين", "يون", "يان", "يتين", "يتان", "يات")
    )


def places_after_classifiers(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """Person entities right after a classifier noun relabelled with its kind: the noun says
    what kind of name follows, whatever given names its words are (``edge_words.tsv``): a
    place classifier gives ``LOC`` ("مخيم نور شمس", "مدينة عيسى"), a media noun ``ORG`` (a
    newspaper, a channel, a platform: "منصة تروث سوشيال").

    >>> t = "اقتحام مخيم نور شمس في طولكرم"
    >>> [(e.text, e.label) for e in places_after_classifiers([Entity(12, 19, "نور شمس", "PER")], t)]
    [('نور شمس', 'LOC')]
    """
    if not any(e.label == "PER" for e in entities):
        return tuple(entities)
    word_before = _words_before(text)
    out = []
    for e in entities:
        prev = word_before(e.start) if e.label == "PER" else None
        kind = edge_word_kind(prev) if prev is not None else None
        if kind in _CLASSIFIED:
            # (a person's identity goes with the label: «مدينة السنوار» is no Yahya Sinwar;
            # the place or outlet is linked afresh under its own label)
            out.append(attrs.evolve(e, label=_CLASSIFIED[kind], canonical=None, entity_id=None))
        else:
            out.append(e)
    return tuple(out)


_CLASSIFIED = {"classifier": "LOC", "media": "ORG"}  # label of the name after such a noun


def _script(word: str) -> str | None:
    """``"arabic"``, ``"latin"`` or ``None`` (no letter) for one whitespace word, by its
    first letter."""
    for ch in word:
        if ch in LETTERS:
            return "arabic"
        if ch.isascii() and ch.isalpha():
            return "latin"
    return None


def drop_latin_guesses(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """Entities without the tagger's guesses on text in Latin letters.

    The model reads Arabic; on an English sentence inside a post it tags words at random ("her
    father", "old Kfir"). An entity the model tagged (it has a ``score``) with no Arabic letter
    is dropped when at least two thirds of the words with letters among the six words on
    each side of it are in Latin letters; a Latin name inside
    Arabic text ("LEX FRIDMAN") and the gazetteer's entities stay.

    >>> t = "the IDF said her father was killed in Gaza on Monday"
    >>> [e.text for e in drop_latin_guesses([Entity(15, 25, "her father", "PER", score=0.4)], t)]
    []
    >>> t = "قال المؤثر LEX FRIDMAN في مقابلة مع إيلون ماسك"
    >>> [e.text for e in drop_latin_guesses([Entity(11, 22, "LEX FRIDMAN", "PER", score=0.9)], t)]
    ['LEX FRIDMAN']
    """
    suspects = {
        n
        for n, ent in enumerate(entities)
        if ent.score is not None and not any(ch in LETTERS for ch in ent.text)
    }
    if not suspects:  # the common case: no word list made
        return tuple(entities)
    words = text_words(text)
    starts = [w[0] for w in words]
    out = []
    for n, ent in enumerate(entities):
        if n in suspects:
            first = bisect.bisect_right(starts, ent.start) - 1
            last = bisect.bisect_left(starts, ent.end)
            around = words[max(0, first - _FOREIGN_WINDOW) : max(first, 0)]
            around += words[last : last + _FOREIGN_WINDOW]
            scripts = [k for k in (_script(w) for _, _, w in around) if k is not None]
            if scripts and 3 * scripts.count("latin") >= 2 * len(scripts):
                continue
        out.append(ent)
    return tuple(out)
