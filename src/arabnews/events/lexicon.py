"""Loading and matching of the data tables under ``events/data/`` (loaded lazily, once).

Words are matched in a normalised form: harakat and tatweel removed, ``أ إ آ ٱ`` -> ``ا``,
``ى`` -> ``ي``. Patterns in the tables are regular expressions over one such word with its
proclitics (``و ف ب ل ك ال لل س``) removed; an enclitic pronoun (``ه ها هم هما هن نا``) or
accusative alif may follow. A space in a pattern separates consecutive words.

>>> norm_word("وَالمسيّرات")
'والمسيرات'
>>> [s for s, _ in stem_candidates("وبالهجوم")]
['وبالهجوم', 'بالهجوم', 'الهجوم', 'هجوم']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from arabnews._data import Row, read_table
from arabnews.charsets import (
    ALEF,
    ALEF_MAQSURA,
    ARABIC_DECIMAL_SEPARATOR,
    ARABIC_THOUSANDS_SEPARATOR,
    BASIC_LETTERS,
    HAMZA_ALEFS,
    QURANIC_ANNOTATIONS,
    SUPERSCRIPT_ALEF,
    TASHKEEL,
    TATWEEL,
    YEH,
    class_body,
)
from arabnews.events.schema import QUANTITY_KINDS, validate_mode, validate_type

if TYPE_CHECKING:
    from arabnews.tokens import Token

__all__ = [
    "Word",
    "norm_word",
    "stem_candidates",
    "words",
    "words_from_tokens",
]

# Removed before matching: tashkeel, superscript alef and tatweel (Quranic marks are kept).
_REMOVED = TASHKEEL | {SUPERSCRIPT_ALEF, TATWEEL}
_NORM_TABLE = str.maketrans(
    dict.fromkeys(_REMOVED) | dict.fromkeys(HAMZA_ALEFS, ALEF) | {ALEF_MAQSURA: YEH}
)
# A number with thousands groups or a decimal part is one word ("1,200", "3.5", "٢٫٥"),
# so that its value is read whole; otherwise letters, digits and harakat.
_THOUSANDS = f",{ARABIC_THOUSANDS_SEPARATOR}"
_DECIMAL = f".{ARABIC_DECIMAL_SEPARATOR}"
# A keycap digit (1️⃣: the digit, an optional variation selector, U+20E3) numbers a list item of
# a post; it is a symbol, no word and no count.
_WORD_RE = re.compile(
    r"(?!\d+\ufe0f?\u20e3)(?:"
    rf"\d{{1,3}}(?:[{_THOUSANDS}]\d{{3}})+(?:[{_DECIMAL}]\d+)?(?!\d)"
    rf"|\d+[{_DECIMAL}]\d+"
    rf"|[\w{class_body(_REMOVED | QURANIC_ANNOTATIONS)}]+"
    ")"
)
_SUFFIX = r"(?:ا|ها|هما|هم|هن|ه|نا)?"
# the pronouns a preposition takes (معي، معك، معهم، اليه، عليكم)
_PREPOSITION_SUFFIX = r"(?:ي|ك|كم|كما|كن|ها|هما|هم|هن|ه|نا)?"
# what may stand before a word that a right-context pattern begins (see stem_candidates:
# و ف, then ب ل ك or لل or the future س, then the article)
_CONTEXT_PREFIX = "[وف]?(?:لل|[بلك]|س(?=[يتن]))?(?:ال)?"
# prepositions among the stripped proclitics (ل before an imperfect is none, but then the alif
# would end a dual verb, which the row spells out itself)
_PREPOSITION_PROCLITICS = frozenset("بكل")
_ALEF_PRONOUNS = ("ها", "هما", "نا")  # enclitic pronouns that end in alif
# enclitic pronouns of an object or a possessor, longest first (اعتقلهم، زيارتها)
PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه", "نا")


def norm_word(text: str) -> str:
    """Normalise a word (or a pattern) for matching: no harakat, unified alef and yeh, a letter
    stretched three times or more read once (اعتقاااال: no Arabic word repeats a letter so)."""
    return _norm_cached(text) if len(text) < 40 else _norm(text)


@functools.lru_cache(maxsize=200_000)
def _norm_cached(text: str) -> str:
    return _norm(text)


_STRETCHED = re.compile(rf"([{class_body(BASIC_LETTERS)}])\1{{2,}}")


def _norm(text: str) -> str:
    out = text.translate(_NORM_TABLE)
    return _STRETCHED.sub(r"\1", out) if len(out) > 2 else out


def wordset(words_: str) -> frozenset[str]:
    """The normalised words of a space-separated list (closed word classes in code)."""
    return frozenset(norm_word(w) for w in words_.split())


# Closed word classes (normalised words, و/ف stripped): the function words of the phrase
# chunker (``arguments``) and of counted nouns (``numbers``).
PREPOSITIONS = wordset(
    "في من الي علي عن مع حتي منذ خلال بعد قبل عند ضد نحو تجاه عبر لدي بين حول قرب داخل امام "
    "خلف وسط بجانب اثناء عقب اثر جراء بسبب ازاء تحت فوق دون لدى الى على لحين بحق"
)
PARTICLES = wordset(
    "ان انه انها انهم بان بانه بانها لان لانه لانها لانهم لانهما لاننا لانني "
    "قد لقد لم لن لا ما كما ايضا كذلك حيث اذ اذا لكن لكنه الا "
    "او ام ثم بل هو هي هم هما نحن هذا هذه ذلك تلك هؤلاء اولئك أولئك هناك هنا الذي التي الذين "
    "اللذين اللتين "
    "اللواتي اللاتي كان كانت كانوا يكون تكون ليس عدم تم يتم جري مما ممن عندما بينما فيما كل "
    "جميع مختلف احد احدي بعض عده عدة سوي غير مثل اي يوم امس اليوم غدا الان حاليا ليلا صباح مساء "
    "حين صباحا مساء فجر ظهر ظهرا فجرا اول نفسه نفسها انفسهم به بها بهم له لها لهم فيه فيها فيهم "
    "عليه عليها عليهم منه منها منهم عنه عنها عنهم معه معها معهم اليه اليها اليهم بهما لهما "
    "فيهما عليهما منهما عنهما معهما اليهما بلا لو هل لولا كي لكي ربما رح"
)


# Units of time, indefinite (عام، أشهر، يومين): a stretch of time, never a participant, and
# what a definite number after them measures (الأيام الثلاثة: no count). Not عقد (also a
# contract, and the verb "held") nor ثانية (also "second", the ordinal).
TIME_UNITS = wordset(
    "يوم يوما ايام يومين ساعة ساعات ساعتين اسبوع اسبوعا اسابيع اسبوعين شهر شهرا اشهر شهور شهرين "
    "سنة سنه سنوات سنين سنتين عام عاما اعوام عامين قرن قرون"
)
# The months of the Hijri calendar (first words), which time_words.tsv does not resolve to dates:
# شهر before one names the month, no count of months (قبل شهر رمضان).
HIJRI_MONTHS = wordset("محرم صفر ربيع جمادى جمادي رجب شعبان رمضان شوال ذو ذي")
# Directions and surroundings (غربي العراق، ريف حلب): the name after one is its genitive, a
# place, not a participant.
DIRECTIONS = wordset("شمال شمالي جنوب جنوبي شرق شرقي غرب غربي ريف ضواحي اطراف وسط")
_SHORT_FUNCTION = frozenset(w for w in PARTICLES | PREPOSITIONS if len(w) == 2)


@functools.lru_cache(maxsize=100_000)
def bare(norm: str) -> str:
    """*norm* without a conjunction و / ف; in a word of three letters only before a
    two-letter function word (وقد، فلم، وهو), not in وقت، فيه، وطن."""
    if norm[:1] in ("و", "ف") and (len(norm) > 3 or norm[1:] in _SHORT_FUNCTION):
        return norm[1:]
    return norm


@functools.lru_cache(maxsize=100_000)
def function_word(norm: str) -> bool:
    """A preposition or particle (:data:`PREPOSITIONS`, :data:`PARTICLES`), its و / ف aside."""
    n = bare(norm)
    return norm in PREPOSITIONS or n in PREPOSITIONS or norm in PARTICLES or n in PARTICLES


@attrs.frozen(slots=True)
class Word:
    """A word of the original text with its normalised form."""

    start: int
    end: int
    text: str
    norm: str


def words(text: str, start: int = 0, end: int | None = None) -> tuple[Word, ...]:
    """Words (letters, digits and harakat) of ``text[start:end]`` with original offsets."""
    stop = len(text) if end is None else end
    out = []
    for m in _WORD_RE.finditer(text, start, stop):
        g = m.group()
        out.append(Word(m.start(), m.end(), g, _norm_cached(g) if len(g) < 40 else norm_word(g)))
    return tuple(out)


def words_from_tokens(text: str, tokens: Sequence[Token], start: int, end: int) -> tuple[Word, ...]:
    """:func:`words` of ``text[start:end]``, derived from its tokens (:mod:`arabnews.tokens`).

    *tokens* are the span's tokens, in order (:func:`arabnews.tokens.tokens_by_span`). A token
    that stands alone between spaces and is all letters and digits (most tokens) is a word as it
    is; elsewhere (a number with a glued ``%``, a hashtag, a URL, a word with its punctuation or
    with marks) the word pattern reads the run of touching tokens, so the words are exactly those
    of :func:`words` (tokens cover every non-space character and a word never spans a space).
    """
    out: list[Word] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        j = i + 1
        while j < n and tokens[j].start == tokens[j - 1].end:
            j += 1
        g = tok.text
        if j == i + 1 and g.isalnum():  # what the pattern's \w+ would match, whole
            norm = _norm_cached(g) if len(g) < 40 else norm_word(g)
            out.append(Word(tok.start, tok.end, g, norm))
        else:
            a, b = max(start, tok.start), min(end, tokens[j - 1].end)
            for m in _WORD_RE.finditer(text, a, b):
                g = m.group()
                out.append(
                    Word(m.start(), m.end(), g, _norm_cached(g) if len(g) < 40 else norm_word(g))
                )
        i = j
    return tuple(out)


@functools.lru_cache(maxsize=200_000)
def stem_candidates(word: str) -> tuple[tuple[str, str], ...]:
    """``(stem, prefix)`` readings of a normalised word, least stripped first."""
    out: list[tuple[str, str]] = [(word, "")]
    seen = {word}

    def add(stem: str, prefix: str) -> None:
        if len(stem) >= 2 and stem not in seen:
            seen.add(stem)
            out.append((stem, prefix))

    rest, pre = word, ""
    if len(rest) > 3 and rest[0] in "وف":
        pre, rest = rest[0], rest[1:]
        add(rest, pre)
    if len(rest) > 3 and rest.startswith("لل"):
        add(rest[1:], pre + "ل")
        add(rest[2:], pre + "لل")
    if len(rest) > 3 and rest[0] in "بلك":
        pre, rest = pre + rest[0], rest[1:]
        add(rest, pre)
    if len(rest) > 3 and rest[0] == "س" and rest[1] in "يتن":
        add(rest[1:], pre + "س")
    if len(rest) > 4 and rest.startswith("ال"):
        add(rest[2:], pre + "ال")
    return tuple(out)


def _rows(name: str) -> tuple[Row, ...]:
    """Rows of the TSV data file *name* (see :mod:`arabnews._data`)."""
    return read_table("arabnews.events", name)


def top_alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a table pattern (groups kept whole).

    >>> top_alternatives("(?:ي|ت)تهم(?:ت|وا)?|اتهام")
    ['(?:ي|ت)تهم(?:ت|وا)?', 'اتهام']
    """
    alts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in pattern:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            alts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    alts.append("".join(cur))
    return alts


def split_alternatives(pattern: str) -> list[list[str]]:
    """Split a table pattern into word sequences: top-level ``|`` alternatives, then spaces.

    Single-word alternatives are kept together as one alternation.

    >>> split_alternatives("هدن[ةت]|وقف اطلاق النار|تهدئ(?:ة|ت)")
    [['هدن[ةت]|تهدئ(?:ة|ت)'], ['وقف', 'اطلاق', 'النار']]
    """
    alts = top_alternatives(pattern)
    single = [a for a in alts if " " not in a]
    out = [["|".join(single)]] if single else []
    out.extend(a.split(" ") for a in alts if " " in a)
    return out


def _word_regex(pattern: str, *, suffix: bool = True) -> re.Pattern[str]:
    return re.compile(f"(?:{norm_word(pattern)})" + (_SUFFIX if suffix else ""))


def _opt_regex(value: str) -> re.Pattern[str] | None:
    return None if value == "-" else re.compile(norm_word(value))


def _right_regex(value: str) -> re.Pattern[str] | None:
    """A ``right`` context: one of the next words begins with it, after an optional
    proclitic and article ("قطع" of "قطع بحرية" or "بالقطع", never inside "مقطعا"). A
    preposition among the alternatives is that whole word, a pronoun suffix aside: "مع" is
    in "معهم", not in "المعرفية", nor "الي" in "اليوم"."""
    if value == "-":
        return None
    pattern = "|".join(
        f"{alt}{_PREPOSITION_SUFFIX}(?= |$)" if alt in PREPOSITIONS else alt
        for alt in _top_level_alternatives(norm_word(value))
    )
    return re.compile(f"(?:^| )(?:{_CONTEXT_PREFIX})(?:{pattern})")


def _top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of a regex at the top level (a ``|`` inside brackets or groups does not
    split)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch in "([" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif ch in ")]" and (i == 0 or pattern[i - 1] != "\\"):
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


@attrs.frozen(slots=True)
class TriggerRule:
    """One row of ``triggers.tsv``."""

    index: int
    parts: tuple[re.Pattern[str], ...]
    category: str
    mode: str | None
    actor: str
    recipient: tuple[str, ...]
    strong: bool
    right: re.Pattern[str] | None
    not_left: re.Pattern[str] | None
    example: str
    indefinite: bool = False  # the word takes no article (form column: indefinite)
    # the verb also reports words (form column: verbal): between persons, with nothing violent in
    # its sentence, it is criticism and no event (extractor._verbal_attack)
    verbal: bool = False
    not_next: re.Pattern[str] | None = None  # none of the next five words is (another sense)

    def first_person(self, stem: str) -> bool:
        """Whether *stem* (a word without its proclitics) is this row's verb in the first-person
        plural imperfect: its ن the row's imperfect prefix (ندعو، ننسحب; not ندد or نفذ, whose
        ن is the root's)."""
        return (
            len(stem) >= 4
            and stem[0] == "ن"
            and self.parts[0].fullmatch("ي" + stem[1:]) is not None
        )


@attrs.frozen(slots=True)
class CueRule:
    """A word-pattern row of the smaller tables (modes, blockers, modality, speech cues)."""

    pattern: re.Pattern[str]
    label: str
    extra: str
    window: int
    not_next: re.Pattern[str] | None = None
    side: str = "before"


@attrs.frozen(slots=True)
class TimeRule:
    """One row of ``time_words.tsv``."""

    name: str
    kind: str
    value: int
    regex: str


@attrs.frozen(slots=True)
class NumberRule:
    """One row of ``number_words.tsv``."""

    parts: tuple[re.Pattern[str], ...]
    type: str
    value: float
    kind: str


@attrs.frozen(slots=True)
class ActorRule:
    """One row of ``actor_nouns.tsv``."""

    parts: tuple[re.Pattern[str], ...]
    kind: str
    canonical: str


_ACTOR_KINDS = frozenset({"adj", "subj", "all", "host"})


@functools.cache
def trigger_rules() -> tuple[TriggerRule, ...]:
    """The trigger lexicon, validated (PLOVER category/mode, frames, regexes)."""
    rules: list[TriggerRule] = []
    for row in _rows("triggers.tsv"):
        category = validate_type(row["category"])
        mode = validate_mode(category, None if row["mode"] == "-" else row["mode"])
        if row["actor"] not in _ACTOR_KINDS:
            raise ValueError(f"triggers.tsv: bad actor frame {row['actor']!r}")
        if row["strength"] not in ("strong", "weak"):
            raise ValueError(f"triggers.tsv: bad strength {row['strength']!r}")
        if row["form"] not in ("-", "indefinite", "verbal"):
            raise ValueError(f"triggers.tsv: bad form {row['form']!r}")
        rec = () if row["recipient"] == "-" else tuple(norm_word(row["recipient"]).split("|"))
        for seq in split_alternatives(row["pattern"]):
            rules.append(
                TriggerRule(
                    index=len(rules),
                    parts=tuple(_word_regex(p) for p in seq),
                    category=category,
                    mode=mode,
                    actor=row["actor"],
                    recipient=rec,
                    strong=row["strength"] == "strong",
                    right=_right_regex(row["right"]),
                    not_left=_opt_regex(row["not_left"]),
                    example=row["example"],
                    indefinite=row["form"] == "indefinite",
                    verbal=row["form"] == "verbal",
                    not_next=_opt_regex(row["not_next"]),
                )
            )
    return tuple(rules)


def alternation(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern that fully matches what any of *patterns* fully matches."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


class PatternIndex:
    """Which patterns of a table fully match a string, without trying each row in turn.

    Most words of a text match no row, and a word met for the first time (most of a new text's
    words: the per-form caches only help once a form has been seen) would otherwise cost a
    Python call per row. One alternation of all the patterns rejects such words at once; one
    alternation per block of rows then says which blocks to try row by row.
    """

    __slots__ = ("_all", "_blocks", "hits")
    _BLOCK = 16

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        ps = tuple(patterns)
        self._all = alternation(ps)
        self._blocks = tuple(
            (alternation(ps[i : i + self._BLOCK]), i, ps[i : i + self._BLOCK])
            for i in range(0, len(ps), self._BLOCK)
        )
        # (cached by string: the forms of a word, والقوات، القوات، قوات, share their stems)
        self.hits = functools.lru_cache(maxsize=100_000)(self._hits)

    def _hits(self, s: str) -> tuple[int, ...]:
        """Indexes (ascending) of the patterns that fully match *s*."""
        if self._all.fullmatch(s) is None:
            return ()
        out: list[int] = []
        for block, first, ps in self._blocks:
            if block.fullmatch(s) is not None:
                out.extend(first + k for k, p in enumerate(ps) if p.fullmatch(s))
        return tuple(out)

    def stem_hits(self, word: str) -> tuple[int, ...]:
        """Indexes (ascending) of the patterns that fully match some clitic reading of
        normalised *word* (:func:`stem_candidates`)."""
        found: set[int] = set()
        for stem, _ in stem_candidates(word):
            found.update(self.hits(stem))
        return tuple(sorted(found))


@functools.cache
def _trigger_index() -> PatternIndex:
    return PatternIndex(r.parts[0] for r in trigger_rules())


@functools.cache
def _actor_index() -> PatternIndex:
    return PatternIndex(r.parts[0] for r in actor_rules())


@functools.cache
def _number_index() -> PatternIndex:
    return PatternIndex(r.parts[0] for r in number_rules())


@functools.cache
def _suffix_free(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A table word *pattern* without the enclitic pronoun it may take."""
    return re.compile(pattern.pattern.removesuffix(_SUFFIX))


def _unsuffixed(index: int) -> re.Pattern[str]:
    """The first word of trigger rule *index* without the enclitic pronoun it may take."""
    return _suffix_free(trigger_rules()[index].parts[0])


@functools.lru_cache(maxsize=200_000)
def match_first(word: str) -> tuple[tuple[int, str], ...]:
    """``(rule index, prefix)`` of trigger rules whose first word matches normalised *word*."""
    index = _trigger_index()
    rules = trigger_rules()
    out: list[tuple[int, str]] = []
    seen: set[int] = set()
    for stem, prefix in stem_candidates(word):
        hits = index.hits(stem)
        if not hits:
            continue
        # after a preposition the noun is genitive: no accusative alif (وبحثا is not و ب حثًّا)
        genitive = (
            stem.endswith(ALEF)
            and not stem.endswith(_ALEF_PRONOUNS)
            and not _PREPOSITION_PROCLITICS.isdisjoint(prefix)
        )
        # a definite noun takes no pronoun (التهمتها is a verb, "devoured it", not تهمة + ها)
        definite = prefix.endswith(("ال", "لل"))
        for i in hits:
            rule = rules[i]
            first = rule.parts[0]
            if rule.index not in seen:
                if genitive and first.fullmatch(stem[:-1]):
                    continue
                if definite and not _unsuffixed(rule.index).fullmatch(stem):
                    continue
                seen.add(rule.index)
                out.append((rule.index, prefix))
    return tuple(out)


def word_matches(pattern: re.Pattern[str], word: str) -> bool:
    """Whether *pattern* fully matches some clitic-stripped reading of normalised *word*."""
    return any(pattern.fullmatch(stem) for stem, _ in stem_candidates(word))


def _cue_table(name: str, label_col: str, extra_col: str | None = None) -> tuple[CueRule, ...]:
    out = []
    for row in _rows(name):
        out.append(
            CueRule(
                pattern=_word_regex(row["pattern"]),
                label=row[label_col],
                extra=row[extra_col] if extra_col else "",
                window=int(row.get("window", "0") or 0),
                not_next=_opt_regex(row.get("not_next", "-")),
                side=row.get("side", "before"),
            )
        )
    return tuple(out)


@functools.cache
def mode_cues() -> tuple[CueRule, ...]:
    """Rows of ``mode_cues.tsv`` (label = category, extra = mode), validated."""
    rules = _cue_table("mode_cues.tsv", "category", "mode")
    for r in rules:
        validate_mode(r.label, r.extra)
    return rules


@functools.cache
def blockers() -> tuple[CueRule, ...]:
    """Rows of ``blockers.tsv`` (label = blocked category, extra = reason)."""
    rules = _cue_table("blockers.tsv", "category", "reason")
    for r in rules:
        validate_type(r.label)
        if r.side not in ("before", "after", "both"):
            raise ValueError(f"blockers.tsv: bad side {r.side!r}")
    return rules


@functools.cache
def evidence() -> tuple[CueRule, ...]:
    """Rows of ``evidence.tsv`` (label = category): words that make an attack noun a report."""
    rules = _cue_table("evidence.tsv", "category")
    for r in rules:
        validate_type(r.label)
    return rules


@functools.cache
def referential() -> tuple[CueRule, ...]:
    """Rows of ``referential.tsv`` (label = category): nouns that name rather than report."""
    rules = _cue_table("referential.tsv", "category")
    for r in rules:
        validate_type(r.label)
    return rules


@functools.cache
def fixed_expressions() -> tuple[CueRule, ...]:
    """Rows of ``fixed.tsv`` (label = ``word`` or ``head``): where a trigger is part of a name.

    ``word``: a word that matches a trigger pattern but is never an event predicate (``الدين``);
    ``head``: a head noun (an institution, an office, a title) after which a definite trigger noun
    is part of a name (``لجنة التحقيق``، ``منظمة التعاون``); ``named``: a trigger noun that,
    without its article and before a definite genitive, is the head of a name (``اتفاقية
    التجارة الحرة``).
    """
    rules = _cue_table("fixed.tsv", "kind")
    for r in rules:
        if r.label not in ("word", "head", "named"):
            raise ValueError(f"fixed.tsv: bad kind {r.label!r}")
    return rules


@functools.cache
def modality_cues() -> tuple[CueRule, ...]:
    """Rows of ``modality.tsv`` (label = modality)."""
    rules = _cue_table("modality.tsv", "modality")
    for r in rules:
        if r.label not in ("denied", "negated", "hypothetical", "future"):
            raise ValueError(f"modality.tsv: bad modality {r.label!r}")
        if r.side not in ("before", "after", "governs", "object", "in", "opens"):
            raise ValueError(f"modality.tsv: bad side {r.side!r}")
    return rules


@functools.cache
def speech_cues() -> tuple[CueRule, ...]:
    """Rows of ``cues.tsv`` (label = kind, extra = governing preposition or ``-``)."""
    rules = _cue_table("cues.tsv", "kind", "prep")
    for r in rules:
        if r.label not in ("verb", "participle", "noun", "attrib"):
            raise ValueError(f"cues.tsv: bad kind {r.label!r}")
    return rules


#: The relative pronouns, normalised; a relative clause follows each.
RELATIVE_PRONOUNS = frozenset(
    norm_word(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي")
)

#: Past-tense verbs that begin like the article ال, forms IV and VIII of roots in ل (ألقى،
#: ألغى، التقى، التزم، التحق، التمس) with their inflections, normalised. Each is a verb, never
#: a definite noun (التقى الرئيس ...، ألقت الشرطة القبض).
ARTICLE_LIKE_VERBS = frozenset(
    norm_word(stem + ending)
    for stem, endings in (
        ("التق", ("ى", "ت", "وا", "يا", "تا")),
        ("ألق", ("ى", "ت", "وا", "يا", "تا")),
        ("ألغ", ("ى", "ت", "وا", "يا", "تا")),
        ("التزم", ("", "ت", "وا", "ا", "تا")),
        ("التحق", ("", "ت", "وا", "ا", "تا")),
        ("التمس", ("", "ت", "وا", "ا", "تا")),
    )
    for ending in endings
)

#: The words of an approximation before a count (ما لا يقل عن، ما يزيد على، ما يناهز،
#: ما يربو على), normalised: neither a participant nor a word between a casualty and its count.
APPROXIMATION = frozenset(
    norm_word(w) for w in ("ما", "لا", "يقل", "عن", "على", "يزيد", "يربو", "يقارب", "يناهز")
)
#: The words of "about" or "more / fewer than" before a count (حوالي، قرابة، زهاء، أكثر من، أقل
#: من), normalised; not نحو, also "towards".
ROUGHLY = wordset("حوالي قرابة زهاء اكثر اقل")

#: Verbs that take the accused as their object and the charge after ب, as in اتهم X بـ. With one
#: phrase between the verb and the charge, that phrase is the object and the subject is dropped
#: (بعدما اتهمت إريتريا بدعم متمردين: Eritrea is accused). Finite forms, و/ف stripped, no
#: object pronoun (اتهمته إيران بـ: the phrase after is the subject).
CHARGE_VERBS = re.compile(r"(?:[يتن]تهم(?:ون|ان)?|اتهم(?:ت|وا|ا|تا)?)")
#: Verbs that take whom they blame as their object and the blame after it, as in حمّل X
#: المسؤولية. With one name before المسؤولية, the name is the object (وحملت سلطات الاحتلال
#: المسؤولية).
BLAME_VERBS = re.compile(r"(?:[يتن]حمل(?:ون|ان)?|حمل(?:ت|وا|ا|تا)?)")


#: Participles of speech verbs (قائلا، مشيرا، معلنا ...): a circumstantial clause that reports
#: speech (حال), never a participant of an event, with the و stripped.
SPEECH_PARTICIPLE = re.compile(
    r"(?:قائل|مشير|مضيف|موضح|مؤكد|محذر|معرب|معبر|مشدد|لافت|منوه|مبين|معتبر|معلن)(?:ا|ة|ه|ين)?"
    r"|اخذ(?:ة|ين)"
)


@functools.cache
def cue_rows() -> tuple[Row, ...]:
    """The raw rows of ``cues.tsv`` (patterns as written, before compilation), their
    ``object`` column checked."""
    rows = _rows("cues.tsv")
    for row in rows:
        if row.get("object", "-") not in ("-", "yes", "addressee"):
            raise ValueError(f"cues.tsv: bad object {row['object']!r} for {row['pattern']!r}")
    return rows


@functools.cache
def speech_cue_regex() -> re.Pattern[str]:
    """All speech cues as one alternation (a fast filter)."""
    return re.compile("|".join(f"(?:{r.pattern.pattern})" for r in speech_cues()))


@functools.lru_cache(maxsize=100_000)
def speech_verb(norm: str) -> bool:
    """Whether normalised *norm* is a finite speech verb of ``cues.tsv`` (قال، أكد، لتؤكد), its
    proclitics aside."""
    flt = speech_cue_regex()
    return any(
        flt.fullmatch(stem)
        and any(r.pattern.fullmatch(stem) for r in speech_cues() if r.label == "verb")
        for stem, _ in stem_candidates(norm)
    )


_TIME_KINDS = frozenset(
    {"day_offset", "weekday", "week_offset", "month_offset", "year_offset", "month", "night", "ref"}
)


@functools.cache
def time_rules() -> tuple[TimeRule, ...]:
    """Rows of ``time_words.tsv``, validated."""
    out = []
    for row in _rows("time_words.tsv"):
        if row["kind"] not in _TIME_KINDS:
            raise ValueError(f"time_words.tsv: bad kind {row['kind']!r}")
        re.compile(row["regex"])
        out.append(TimeRule(row["name"], row["kind"], int(row["value"]), row["regex"]))
    return tuple(out)


@functools.cache
def month_words() -> frozenset[str]:
    """Normalised first words of the month names in ``time_words.tsv`` (``يونيو``, ``كانون``)."""
    return frozenset(
        norm_word(alt.split()[0])
        for r in time_rules()
        if r.kind == "month"
        for alt in r.regex.split("|")
    )


_NUMBER_TYPES = frozenset({"number", "scale", "noun", "casualty", "part"})


@functools.cache
def number_rules() -> tuple[NumberRule, ...]:
    """Rows of ``number_words.tsv``, validated."""
    out = []
    for row in _rows("number_words.tsv"):
        if row["type"] not in _NUMBER_TYPES:
            raise ValueError(f"number_words.tsv: bad type {row['type']!r}")
        kind = row["kind"]
        if kind not in {"-", "person"} and kind not in QUANTITY_KINDS:
            raise ValueError(f"number_words.tsv: bad kind {kind!r}")
        for seq in split_alternatives(row["pattern"]):
            out.append(
                NumberRule(
                    parts=tuple(_word_regex(p, suffix=False) for p in seq),
                    type=row["type"],
                    value=float(row["value"]) if row["value"] != "-" else 0.0,
                    kind=kind,
                )
            )
    # Longer word sequences first, so that ``طائرة مسيرة`` wins over ``مسيرة``.
    out.sort(key=lambda r: -len(r.parts))
    return tuple(out)


_ACTOR_NOUN_KINDS = frozenset({"adj", "group", "name", "head"})


@functools.cache
def actor_rules() -> tuple[ActorRule, ...]:
    """Rows of ``actor_nouns.tsv``, validated."""
    out = []
    for row in _rows("actor_nouns.tsv"):
        if row["kind"] not in _ACTOR_NOUN_KINDS:
            raise ValueError(f"actor_nouns.tsv: bad kind {row['kind']!r}")
        for seq in split_alternatives(row["pattern"]):
            out.append(
                ActorRule(
                    parts=tuple(_word_regex(p, suffix=False) for p in seq),
                    kind=row["kind"],
                    canonical=row["canonical"],
                )
            )
    out.sort(key=lambda r: -len(r.parts))
    return tuple(out)


AGENT_CLASSES = frozenset({"official", "institution", "force", "group", "people", "state"})
AGENT_NUMBERS = frozenset({"singular", "plural", "dual"})


LIGHT_KINDS = frozenset({"carry", "continue", "intend"})


@functools.cache
def light_verbs() -> tuple[tuple[str, str | None], ...]:
    """Rows of ``light_verbs.tsv``: verbs whose subject does the verbal noun they govern
    (شن، نفذ، قام، واصل، قرر), as (stem, stem after an imperfect prefix or ``None`` where it is
    the same or left out), normalised, validated."""
    out = []
    for row in _rows("light_verbs.tsv"):
        stem = norm_word(row["stem"].strip())
        imperfect = row["imperfect"].strip()
        if row["kind"] not in LIGHT_KINDS or not stem or " " in stem or " " in imperfect:
            raise ValueError(f"{row.where}: bad row {row!r}")
        out.append((stem, None if imperfect == "-" else norm_word(imperfect)))
    return tuple(out)


@functools.cache
def _agentive_table() -> dict[str, tuple[str, str]]:
    """``agentive.tsv``, validated: each normalised form (no article) with its class and its
    number."""
    out = {}
    for row in _rows("agentive.tsv"):
        word = norm_word(row["word"].strip())
        if (
            row["class"] not in AGENT_CLASSES
            or row["number"] not in AGENT_NUMBERS
            or not word
            or " " in word
        ):
            raise ValueError(f"{row.where}: bad row {row!r}")
        key = word[2:] if word.startswith("ال") and len(word) > 4 else word
        out[key] = (row["class"], row["number"])
    return out


@functools.cache
def agentive_heads() -> frozenset[str]:
    """Normalised forms (no article) of ``agentive.tsv``: nouns that, heading a phrase, name
    who acts (رئيس، حكومة، قوات، حركة، متظاهرون، دولة), validated."""
    return frozenset(_agentive_table())


@functools.cache
def agentive_classes() -> dict[str, str]:
    """:func:`agentive_heads` with the class of each (official, institution, force ...)."""
    return {word: cls for word, (cls, _) in _agentive_table().items()}


@functools.cache
def agentive_plurals() -> frozenset[str]:
    """The forms of :func:`agentive_heads` that are plurals, broken (أحزاب، قادة) or sound."""
    return frozenset(w for w, (_, number) in _agentive_table().items() if number == "plural")


@functools.lru_cache(maxsize=200_000)
def number_hits(word: str) -> tuple[int, ...]:
    """Indices of ``number_rules()`` whose first word matches normalised *word* (cached)."""
    return _number_index().stem_hits(word)


@functools.lru_cache(maxsize=200_000)
def actor_hits(word: str) -> tuple[int, ...]:
    """Indices of ``actor_rules()`` whose first word matches normalised *word* (cached)."""
    return _actor_index().stem_hits(word)


@functools.lru_cache(maxsize=200_000)
def part_matches(pattern: re.Pattern[str], word: str) -> bool:
    """Whether *pattern* fully matches a clitic-stripped reading of normalised *word* (cached)."""
    return any(pattern.fullmatch(s) for s, _ in stem_candidates(word))


def construct_matches(pattern: re.Pattern[str], word: str) -> bool:
    """:func:`part_matches` without the pronoun suffix a table pattern allows: the word as the
    head of a construct state, which takes no pronoun (قوات الدعم, not قواتنا القتال)."""
    bare_pattern = _suffix_free(pattern)
    return any(bare_pattern.fullmatch(s) for s, _ in stem_candidates(word))


def rest_matches(parts: Sequence[re.Pattern[str]], ws: Sequence[Word], i: int) -> bool:
    """Whether the words after ``ws[i]`` match the later *parts* of a multi-word row (the
    first part is matched by the caller's index); ``False`` past the end of *ws*."""
    n = len(parts)
    return i + n <= len(ws) and all(part_matches(parts[k], ws[i + k].norm) for k in range(1, n))
