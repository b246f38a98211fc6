"""Facility and event names announced by a head noun (``data/name_heads.tsv``).

News names airports, hospitals, cups, festivals and awards by a head noun and a name after
it: "مطار نيروبي", "مستشفى سانت ماري", "كأس آسيا 2023", "مهرجان برلين السينمائي". A tagger
trained on ANERcorp tags the place or person after the head (or nothing); the news convention
spans the facility or event, head included, with the label of the head's row. Products and
editions keep their number: a ``MISC`` name right before a number takes it ("بوينغ 737").
Works, products and teams are often named in quotation marks after a head noun
(``data/quoted_heads.tsv``: "الفيلم الروماني « وضعية الطفل »", "فريق " الاتحاد ""): the quoted
words are the name, with the head's label. A name quoted right after لـ, said to someone
("وأضاف كشمولة لـ«الشرق الأوسط»"), is the outlet that was spoken to: an ``ORG``, as is a
name of ``data/outlets.tsv`` (outlets named by a word or a place) quoted alone; the one
word between a speech verb and what was said ("وأضاف كشمولة أن"), when no frequent Arabic
word, is the speaker's name: a ``PER``.

Every function keeps offsets in the same text and returns entities that slice it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence

import attrs

from arabnews.charsets import QUOTE_PAIRS
from arabnews.ner.base import (
    PROCLITIC_LETTERS,
    EntityIndex,
    chars_for_letters,
    data_rows,
    name_key,
    text_words,
)
from arabnews.ner.nonnames import PLURAL_DUAL_ENDINGS, is_function_word
from arabnews.spans import ENTITY_LABELS, Entity

__all__ = [
    "NameHead",
    "head_names",
    "name_heads",
    "numbered_names",
    "outlets",
    "quoted_heads",
    "quoted_names",
    "quoted_outlets",
    "relayed_outlets",
    "speaker_names",
]

# a year, a model or a version number right after a name: "2023", "737", "17.4"
_NUMBER = re.compile(r"[ \t\u00a0]+([0-9٠-٩]+(?:\.[0-9٠-٩]+)?)(?!\w)(?!\.[0-9٠-٩])")
_MAX_ADJECTIVES = 2
_MAX_WORDS = 2  # untagged definite words that may be the name after a head ("الأمم الآسيوية")


@attrs.frozen(slots=True)
class NameHead:
    """One row of ``name_heads.tsv``."""

    word: str
    label: str
    keep: bool  # the head is always part of the name (else only before a place or person)
    words: bool  # untagged definite words may be the name
    example: str


@functools.cache
def name_heads() -> dict[str, NameHead]:
    """Key of each head noun of ``name_heads.tsv`` -> its row (validated on first use)."""
    out: dict[str, NameHead] = {}
    for row in data_rows("name_heads.tsv", "word", "label", "head", "words", "example"):
        if (
            not row["word"].strip()
            or row["label"] not in ENTITY_LABELS
            or row["head"] not in ("keep", "named")
            or row["words"] not in ("yes", "no")
            or not row["example"].startswith(row["word"])
        ):
            raise ValueError(f"{row.where}: bad row {row!r}")
        out[name_key(row["word"])] = NameHead(
            row["word"], row["label"], row["head"] == "keep", row["words"] == "yes", row["example"]
        )
    return out


def _head_at(word: str) -> tuple[NameHead, int] | None:
    """The head row *word* is (after a glued proclitic) and where the head begins in it."""
    key = name_key(word)
    heads = name_heads()
    if key in heads:
        return heads[key], 0
    if key[:1] in PROCLITIC_LETTERS and key[1:] in heads:
        return heads[key[1:]], chars_for_letters(word, 1)
    return None


def _definite(word: str) -> bool:
    key = name_key(word)
    return key.startswith("ال") and len(key) > 3 and not is_function_word(word)


def _adjective(word: str) -> bool:
    """A definite relative adjective ("الدولي", "السينمائية", "الطبي")."""
    return _definite(word) and name_key(word).endswith(("ي", "ية", "يه"))


def _name_end(
    words: Sequence[tuple[int, int, str]], j: int, end: int, label: str, text: str
) -> int:
    """Where a name ending at *end* (before ``words[j]``) really ends: with its adjectives,
    for an event its "لل" phrase, and a number."""
    added = 0
    while j < len(words) and added < _MAX_ADJECTIVES and _adjective(words[j][2]):
        end, j, added = words[j][1], j + 1, added + 1
    if label == "MISC" and j < len(words) and text[end : words[j][0]].isspace():
        key = name_key(words[j][2])
        if key.startswith("لل") and len(key) > 4:
            end = words[j][1]
    number = _NUMBER.match(text, end)
    return number.end() if number else end


def head_names(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """Facility and event names begun by a head noun of ``name_heads.tsv``, added with the
    row's label; entities inside such a name give way to it, one that runs past its end
    keeps its place and the name is not added. A tagged name that begins with a head always
    part of its name takes the head's label.

    >>> t = "هبطت الطائرة في مطار نيروبي الدولي"
    >>> [(e.text, e.label) for e in head_names([Entity(21, 27, "نيروبي", "LOC")], t)]
    [('مطار نيروبي الدولي', 'LOC')]
    >>> t = "فاز المنتخب بكأس العالم للأندية"
    >>> [(e.text, e.label) for e in head_names([], t)]
    [('كأس العالم للأندية', 'MISC')]
    """
    words = text_words(text)
    word_starts = [w[0] for w in words]
    ents = sorted(entities, key=lambda e: (e.start, e.end))
    starts = [e.start for e in ents]
    # reach[k]: the furthest end of ents[:k], so one look tells whether an earlier entity
    # runs into a name (the entities are indexed by offset, not scanned per name)
    reach = list(itertools.accumulate((e.end for e in ents), max, initial=-1))
    dropped: set[int] = set()
    added: list[Entity] = []
    last_end = -1
    for i in range(len(words) - 1):
        if words[i][0] < last_end:
            continue
        found = _head_at(words[i][2])
        if found is None:
            continue
        rule, skip = found
        head_start, head_end = words[i][0] + skip, words[i][1]
        nxt = words[i + 1][0]
        k = bisect.bisect_left(starts, nxt)
        comp = ents[k] if k < len(ents) and ents[k].start == nxt else None
        if comp is not None:
            if not rule.keep and comp.label not in ("LOC", "PER"):
                continue  # "جائزة" + an organisation's name: not this rule's to decide
            start, end = head_start, comp.end
            j = bisect.bisect_left(word_starts, comp.end, lo=i + 1)
        elif rule.words:
            j = i + 1
            while j < len(words) and j - i - 1 < _MAX_WORDS and _definite(words[j][2]):
                j += 1
            if j - i - 1 < (1 if rule.keep else 2):
                continue
            start, end = (head_start if rule.keep else nxt), words[j - 1][1]
        else:
            continue
        end = _name_end(words, j, end, rule.label, text)
        if end < len(text) and text[end] == QUOTE_PAIRS.get(text[head_end:nxt].strip()):
            end += 1  # (إعصار "دانيال": the name's closing quote with its opening one)
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        # an earlier entity may end inside the head only ("بطولة كأس" gives way to the cup);
        # one that runs further, or a later one that runs past the name, keeps its place
        if reach[lo] > head_end or any(ents[n].end > end for n in range(lo, hi)):
            continue
        earlier = lo
        while earlier > 0 and reach[earlier] > start:
            earlier -= 1  # back over the earlier entities that end inside the head
        dropped.update(n for n in range(earlier, hi) if ents[n].end > start)
        added.append(Entity(start, end, text[start:end], rule.label))
        last_end = end
    out = added + [_head_label(e) for n, e in enumerate(ents) if n not in dropped]
    return tuple(sorted(out, key=lambda e: (e.start, e.end)))


def _head_label(ent: Entity) -> Entity:
    """A tagged name that begins with a head noun always part of its name takes the head's
    label ("مستشفى غزة الأوروبي" tagged ``ORG`` is a ``LOC``, as "مطار نيروبي")."""
    first, space, _ = ent.text.partition(" ")
    found = _head_at(first) if space else None
    if found is None or found[1] or not found[0].keep or found[0].label == ent.label:
        return ent
    return attrs.evolve(ent, label=found[0].label, canonical=None, entity_id=None)


def numbered_names(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """A ``MISC`` name right before a number takes it: a model, an edition or a version
    ("بوينغ 737", "آي أو إس 17.4"), unless another entity begins there.

    >>> t = "تحطمت طائرة من طراز بوينغ 737 أمس"
    >>> [e.text for e in numbered_names([Entity(20, 25, "بوينغ", "MISC")], t)]
    ['بوينغ 737']
    """
    ents = sorted(entities, key=lambda e: (e.start, e.end))
    out: list[Entity] = []
    for k, ent in enumerate(ents):
        number = _NUMBER.match(text, ent.end) if ent.label == "MISC" else None
        if number is None or (k + 1 < len(ents) and ents[k + 1].start < number.end()):
            out.append(ent)
            continue
        end = number.end()
        out.append(
            attrs.evolve(ent, end=end, text=text[ent.start : end], canonical=None, entity_id=None)
        )
    return tuple(out)


@functools.cache
def quoted_heads() -> dict[str, str]:
    """Key of each head noun of ``quoted_heads.tsv`` -> the label of the quoted name."""
    out: dict[str, str] = {}
    for row in data_rows("quoted_heads.tsv", "word", "label", "example"):
        if (
            not row["word"].strip()
            or row["label"] not in ENTITY_LABELS
            or not row["example"].startswith(row["word"])
        ):
            raise ValueError(f"{row.where}: bad row {row!r}")
        out[name_key(row["word"])] = row["label"]
    return out


_MAX_QUOTED_WORDS = 6


_INLINE_SPACE = frozenset(" \t\u00a0")


@functools.cache
def _quoted_re() -> re.Pattern[str]:
    # a quotation right at the given offset (the caller skips the spaces before it, so the
    # pattern starts with a quote mark and stays linear even when searched): « » or a pair
    # of ", up to six words, no sentence punctuation or other quote inside
    word = r"[^\s«»\".!?؟:؛]++"  # possessive: never given back
    title = rf"{word}(?:[ \t\u00a0]+{word}){{0,{_MAX_QUOTED_WORDS - 1}}}"
    space = r"[ \t\u00a0]*"
    return re.compile(rf"(?:«{space}({title}){space}»|\"{space}({title}){space}\")")


def _quoted_head_at(word: str) -> str | None:
    key = name_key(word)
    heads = quoted_heads()
    if key in heads:
        return heads[key]
    if key[:1] in PROCLITIC_LETTERS and key[1:] in heads:
        return heads[key[1:]]
    return None


def quoted_names(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """Names in quotation marks after a head noun of ``quoted_heads.tsv``, added with the
    row's label; entities inside the quotes give way, one that crosses them keeps its
    place and the name is not added.

    >>> t = 'فاز الفيلم الروماني " وضعية الطفل " بالجائزة'
    >>> [(e.text, e.label) for e in quoted_names([Entity(22, 32, "ضعية الطفل", "MISC")], t)]
    [('وضعية الطفل', 'MISC')]
    """
    index = EntityIndex(entities)
    if not any(q in text for q in '«"'):
        return tuple(index.entities)
    words = text_words(text)
    dropped: set[int] = set()
    added: list[Entity] = []
    last_end = -1  # where the last quotation taken ends: its quotes open nothing more
    for i, (head_start, head_end, word) in enumerate(words):
        if head_start < last_end:
            continue  # inside the quotation just taken ('فريق "فيلم" ...')
        label = _quoted_head_at(word)
        if label is None:
            continue
        end, j = head_end, i + 1
        while j < len(words) and j - i <= _MAX_ADJECTIVES and _adjective(words[j][2]):
            if not text[end : words[j][0]].isspace():
                break
            end, j = words[j][1], j + 1
        while end < len(text) and text[end] in _INLINE_SPACE:
            end += 1
        match = _quoted_re().match(text, end)
        if match is None or end < last_end:
            continue  # none, or the quotation a head before took ("فريق النادي « الوداد »")
        last_end = match.end()
        start, stop = _quoted_span(match)
        inside = index.inside(start, stop)
        if inside is None:
            continue  # an entity crosses the quotes: it keeps its place
        dropped.update(inside)
        added.append(Entity(start, stop, text[start:stop], label))
    return index.replaced(added, dropped)


def _quoted_span(match: re.Match[str]) -> tuple[int, int]:
    """The offsets of the words inside a :func:`_quoted_re` match's quotation marks."""
    group = 1 if match.group(1) is not None else 2
    return match.start(group), match.end(group)


# "لـ«" / "ل "" right before a quoted name: the statement's addressee (see relayed_outlets)
_RELAY = re.compile(r"(?:^|(?<=\s))لـ?[ \t\u00a0]*[«\"“][ \t\u00a0]*$")
_CLOSE = re.compile(r"[ \t\u00a0]*[»\"”]")
_CLAUSE_END = frozenset(".!?؟:؛")
_RELAY_WINDOW = 6  # words back from لـ to the speech verb ("وأضاف المصدر الأمني لـ«...»")


def relayed_outlets(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """A name quoted right after لـ within six words of a speech verb of the same clause is
    the outlet spoken to: its label becomes ``ORG`` (without the link a place of that name
    had). A complementizer between verb and لـ ("قالت إنها تسعى لـ«...»") means the content
    began: no outlet.

    >>> t = "وأضاف كشمولة لـ«الشرق الأوسط» امس"
    >>> [(e.text, e.label) for e in relayed_outlets([Entity(16, 28, "الشرق الأوسط", "LOC")], t)]
    [('الشرق الأوسط', 'ORG')]
    """
    return tuple(
        attrs.evolve(ent, label="ORG", canonical=None, entity_id=None)
        if ent.label != "ORG" and _relayed(text, ent)
        else ent
        for ent in entities
    )


def _relayed(text: str, ent: Entity) -> bool:
    before = text[max(0, ent.start - 12) : ent.start]
    match = _RELAY.search(before)
    if match is None or _CLOSE.match(text, ent.end) is None:
        return False
    from arabnews.events.quotes import speech_verb

    lo = ent.start - len(before) + match.start()
    words = text[max(0, lo - 200) : lo].split()[-_RELAY_WINDOW:]
    for word in reversed(words):
        if word[-1:] in _CLAUSE_END or _COMPLEMENTIZER.fullmatch(word):
            return False
        if speech_verb(word.strip("،,")):
            return True
    return False


@functools.cache
def outlets() -> frozenset[str]:
    """Keys of the outlet names of ``outlets.tsv`` (names that are also words or places)."""
    out = set()
    for row in data_rows("outlets.tsv", "name", "kind", "example"):
        key = name_key(row["name"])
        if not key or row["kind"] not in ("newspaper", "channel", "site"):
            raise ValueError(f"{row.where}: bad row {row!r}")
        if row["name"] not in row["example"]:
            raise ValueError(f"{row.where}: the example does not name {row['name']!r}")
        out.add(key)
    return frozenset(out)


def quoted_outlets(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """A name of ``outlets.tsv`` written alone in quotation marks is the outlet, ``ORG``:
    an entity spanning it is relabelled (without the link a place of that name had), entities
    inside the quotes give way to it, and where there is none it is added; an entity that
    crosses the quotes keeps its place.

    >>> t = "وعلمت «الشرق الأوسط» أن"
    >>> [(e.text, e.label) for e in quoted_outlets([Entity(7, 19, "الشرق الأوسط", "LOC")], t)]
    [('الشرق الأوسط', 'ORG')]
    """
    index = EntityIndex(entities)
    if not any(q in text for q in '«"'):
        return tuple(index.entities)
    names = outlets()
    ents = index.entities
    dropped: set[int] = set()
    added: list[Entity] = []
    for match in _quoted_re().finditer(text):
        start, stop = _quoted_span(match)
        if name_key(text[start:stop]) not in names:
            continue
        inside = index.inside(start, stop)
        if inside is None:
            continue  # an entity crosses the quotes: it keeps its place
        same = next((ents[n] for n in inside if ents[n].end == stop), None)
        if same is None or same.start != start:
            added.append(Entity(start, stop, text[start:stop], "ORG"))
        elif same.label != "ORG":
            added.append(attrs.evolve(same, label="ORG", canonical=None, entity_id=None))
        else:
            added.append(same)
        dropped.update(inside)
    return index.replaced(added, dropped)


# إن / أن / بأن / لأنه ...: what was said begins
_COMPLEMENTIZER_RE = r"[وف]?(?:ب|ل)?[اإأ]ن(?:ه|ها|هم|هما|نا|ني)?"
_COMPLEMENTIZER = re.compile(_COMPLEMENTIZER_RE)
# What may follow the speaker after a speech verb: a complementizer, a colon or quotation,
# a comma, or the preposition the verb governs ("وأكد المديفر على أن")
_AFTER_SPEAKER = re.compile(f'[ \\t\\u00a0]*(?:{_COMPLEMENTIZER_RE}|على|علي|في|:|«|"|“|،|,)(?!\\w)')


def speaker_names(entities: Sequence[Entity], text: str) -> tuple[Entity, ...]:
    """A single untagged word between a speech verb and what was said ("وأضاف كشمولة أن",
    "وأكد المديفر على أن") is the speaker's name when the Arabic Wikipedia word list does
    not hold it, nor the word without a dual or plural ending: it is added as ``PER``
    ("وقال المصدر إن" and "وقال المصدران إن" add nothing).

    >>> t = "وأضاف كشمولة أن الخطة جاهزة"
    >>> [(e.text, e.label) for e in speaker_names([], t)]
    [('كشمولة', 'PER')]
    """
    from arabnews.events.quotes import speech_verb
    from arabnews.ner.clitics import listed_word

    words = text_words(text)
    ents = sorted(entities, key=lambda e: (e.start, e.end))
    starts = [e.start for e in ents]
    reach = list(itertools.accumulate((e.end for e in ents), max, initial=-1))
    added = []
    for i in range(1, len(words) - 1):
        start, end, word = words[i]
        if not (
            text[words[i - 1][1] : start].isspace()
            and _letters_only(word)
            and len(name_key(word)) >= 3
            and _AFTER_SPEAKER.match(text, end) is not None
            and speech_verb(words[i - 1][2])
        ):
            continue
        if any(listed_word(form) for form in _word_forms(word)):
            continue
        lo = bisect.bisect_left(starts, start)
        if reach[lo] > start or (lo < len(ents) and ents[lo].start < end):
            continue  # tagged already, or inside an entity
        added.append(Entity(start, end, word, "PER"))
    return tuple(sorted([*ents, *added], key=lambda e: (e.start, e.end)))


_PRONOUNS = ("هما", "هم", "ها", "ه", "كم", "نا")


def _word_forms(word: str) -> list[str]:
    """*word* and what it may be with a glued proclitic, a dual or plural ending or a
    pronoun suffix taken off ("بالأمس" -> "الأمس", "المصدران" -> "المصدر", "فضيلته" ->
    "فضيلة"): if the word list holds any, the word is a common one."""
    forms = [word]
    if word[:1] in PROCLITIC_LETTERS and len(word) > 4:
        forms.append(word[1:])
    for suffix in PLURAL_DUAL_ENDINGS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)])
    for suffix in _PRONOUNS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            forms += [base, base[:-1] + "ة"] if base.endswith("ت") else [base]
            break
    return forms


def _letters_only(word: str) -> bool:
    return all("\u0621" <= ch <= "\u064a" for ch in word)
