"""Quantities: Arabic and Western digits, number words, scale words, duals and counted nouns.

>>> [(q.text, q.kind, q.value) for q in find_quantities("أعلنت السلطات مقتل شخصين وإصابة 12 آخرين")]
[('شخصين', 'killed', 2.0), ('12 آخرين', 'injured', 12.0)]
>>> [(q.text, q.kind, q.value) for q in find_quantities("موافقتها على صفقة بقيمة 200 مليون دولار")]
[('200 مليون دولار', 'money_usd', 200000000.0)]
>>> [(q.text, q.value) for q in find_quantities("نشر ألفي جندي")]
[('ألفي جندي', 2000.0)]
>>> text = "مقتل 1,200 شخص ومساعدات بقيمة 1.5 مليار دولار"
>>> [(q.text, q.kind, q.value) for q in find_quantities(text)]
[('1,200 شخص', 'killed', 1200.0), ('1.5 مليار دولار', 'money_usd', 1500000000.0)]
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Sequence

import attrs

from arabnews.charsets import ARABIC_DECIMAL_SEPARATOR, ARABIC_THOUSANDS_SEPARATOR
from arabnews.events.lexicon import (
    APPROXIMATION,
    ROUGHLY,
    TIME_UNITS,
    NumberRule,
    Word,
    bare,
    function_word,
    month_words,
    number_hits,
    number_rules,
    rest_matches,
    stem_candidates,
    words,
    wordset,
)
from arabnews.events.schema import Quantity
from arabnews.spans import Span

__all__ = ["find_quantities", "parse_number"]


@functools.lru_cache(maxsize=100_000)
def _digits(norm: str) -> float | None:
    """Value of a digit word: "12", "١٢", "1,200" (thousands groups), "3.5" / "٣٫٥"."""
    if len(norm) > 1 and norm[0] in "وفبل":
        norm = norm[1:]
    norm = norm.replace(",", "").replace(ARABIC_THOUSANDS_SEPARATOR, "")
    whole, _, frac = norm.replace(ARABIC_DECIMAL_SEPARATOR, ".").partition(".")
    if not whole or not all(unicodedata.category(c) == "Nd" for c in whole + frac):
        return None
    try:
        value = float(int("".join(str(unicodedata.digit(c)) for c in whole)))
        if frac:
            value += int("".join(str(unicodedata.digit(c)) for c in frac)) / 10 ** len(frac)
    except (ValueError, TypeError):
        return None
    return value


def _rule_match(kind: str, ws: Sequence[Word], i: int) -> tuple[NumberRule, int] | None:
    """The first rule of type *kind* whose words match at ``ws[i]``: (rule, number of words)."""
    rules = number_rules()
    for idx in number_hits(ws[i].norm):
        rule = rules[idx]
        n = len(rule.parts)
        if rule.type == kind and rest_matches(rule.parts, ws, i):
            return rule, n
    return None


def _simple_number(ws: Sequence[Word], i: int) -> tuple[float, int] | None:
    """One number (digits or a number word) at ``ws[i]`` with a following scale word."""
    value = _digits(ws[i].norm)
    used = 1
    if value is None:
        hit = _rule_match("number", ws, i)
        if hit is None:
            return None
        value, used = hit[0].value, hit[1]
    if i + used < len(ws):
        scale = _rule_match("scale", ws, i + used)
        if scale is not None and value < 1000 and (value < 100 or scale[0].value > 100):
            value *= scale[0].value
            used += scale[1]
    return value, used


def _place(value: float) -> float:
    """The place a following part must stay below: 100 after 200, 1000 after 3000."""
    p = 1.0
    while p * 10 <= value:
        p *= 10
    return p


def _is_word_number(ws: Sequence[Word], i: int, used: int) -> bool:
    return _digits(ws[i].norm) is None and all(
        _digits(ws[k].norm) is None for k in range(i, i + used)
    )


def parse_number(ws: Sequence[Word], i: int) -> tuple[float, int] | None:
    """The number starting at ``ws[i]`` as ``(value, words used)``, scale words included.

    Number words joined by ``و`` are one number when each part is below the place of the part
    before it, or when units are followed by tens (خمسة وعشرين = 25, مئتين وخمسين = 250,
    ثلاثة آلاف وخمسمائة = 3500).

    >>> parse_number(words("200 مليون"), 0)
    (200000000.0, 2)
    >>> parse_number(words("خمسة وعشرين"), 0)
    (25.0, 2)
    >>> parse_number(words("ثلاثة آلاف"), 0)
    (3000.0, 2)
    """
    first = _simple_number(ws, i)
    if first is None:
        return None
    total, used = first
    last = total
    tens_done = False
    words_only = _is_word_number(ws, i, used)
    while words_only and i + used < len(ws):
        k = i + used
        w = ws[k]
        if not (w.norm.startswith("و") and len(w.norm) > 2):
            break
        nxt = _simple_number(ws, k)
        if nxt is None or not _is_word_number(ws, k, nxt[1]):
            break
        x = nxt[0]
        unit_then_tens = 1 <= last <= 9 and x in _TENS and not tens_done
        if not (unit_then_tens or (last >= 100 and x < _place(last))):
            break
        tens_done = unit_then_tens or x in _TENS
        total += x
        last = x
        used += nxt[1]
    return total, used


_TENS = frozenset(float(v) for v in range(20, 100, 10))


def _noun_at(ws: Sequence[Word], i: int) -> tuple[str, int] | None:
    hit = _rule_match("noun", ws, i)
    return (hit[0].kind, hit[1]) if hit else None


def _casualty_kind(ws: Sequence[Word], i: int, j: int) -> str | None:
    """Nearest casualty word (killed/injured): up to 4 words before ``ws[i]`` (the words of an
    approximation aside: قتل ما لا يقل عن 12 شخصا), or after."""
    k, seen = i - 1, 0
    while k >= max(0, i - 8) and seen < 4:
        hit = _rule_match("casualty", ws, k)
        if hit:
            return hit[0].kind
        seen += ws[k].norm not in APPROXIMATION
        k -= 1
    for k in range(j, min(len(ws), j + 3)):
        hit = _rule_match("casualty", ws, k)
        if hit and not (ws[k].norm[:1] == "ب" and not hit[0].parts[0].fullmatch(ws[k].norm)):
            # (not a charge: خمسة متهمين بقتل متظاهرين counts the accused, not the dead)
            return hit[0].kind
    return None


def counted_kind(ws: Sequence[Word], i: int) -> str | None:
    """The kind of the counted noun at ``ws[i]`` (شرطي -> person, جنود -> troops), or None."""
    hit = _noun_at(ws, i)
    return hit[0] if hit else None


def dual_kind(ws: Sequence[Word], i: int) -> str | None:
    """The kind of the counted noun whose dual is ``ws[i]`` (جنديان -> troops, طفلين ->
    person), or None."""
    return _dual_kind(ws, i)


def casualty_at(ws: Sequence[Word], i: int) -> str | None:
    """The casualty kind (killed / injured) of the word ``ws[i]`` (مقتل، أصيب), or None."""
    hit = _rule_match("casualty", ws, i)
    return hit[0].kind if hit else None


def _casualty_before(ws: Sequence[Word], i: int) -> str | None:
    """A casualty word (مقتل، إصابة) right before the number at ``ws[i]``, or None."""
    if i == 0:
        return None
    hit = _rule_match("casualty", ws, i - 1)
    return hit[0].kind if hit else None


def _participle(sing: str) -> bool:
    """فاعل / مفعول-like singulars (نازح، مصاب، معتقل) take the sound plural in ين, not a dual."""
    return (len(sing) == 4 and sing[1] == "ا") or (len(sing) >= 4 and sing[0] == "م")


# Duals of nisba nouns, whose plural is broken (جنود، شرطة), so ين here can only be a dual;
# a nisba adjective's ين (مدنيين) is a plural and is not listed.
_NISBA_DUALS = frozenset({"جنديين", "جنديان", "شرطيين", "شرطيان"})
# A number after these words is a year (في عام 1100، سنة 38 هـ، عامي 1937 و1938), not a count.
_YEAR_WORDS = frozenset({"عام", "سنة", "سنه", "عامي", "سنتي"})


def _after_year_word(ws: Sequence[Word], i: int) -> bool:
    """Whether ``ws[i]`` follows a year word (its clitics and article aside)."""
    return i > 0 and any(
        stem.removeprefix("ال") in _YEAR_WORDS for stem, _ in stem_candidates(ws[i - 1].norm)
    )


def _dual_kind(ws: Sequence[Word], i: int) -> str | None:
    """The counted kind when ``ws[i]`` is the dual of a counted noun (شخصين، قتيلان), else None."""
    return _dual_kind_norm(ws[i].norm)


@functools.lru_cache(maxsize=100_000)
def _dual_kind_norm(w: str) -> str | None:
    ws = (Word(0, len(w), w, w),)
    i = 0
    listed = _noun_at(ws, i)
    if w in _NISBA_DUALS or (len(w) > 2 and w[0] in "وف" and w[1:] in _NISBA_DUALS):
        sing = w.lstrip("وف")[:-2]
        hit = _noun_at([Word(0, 0, sing, sing)], 0)
        return hit[0] if hit is not None else None
    if listed is not None and listed[1] != 1:
        return None
    stems = stem_candidates(w)
    if w.startswith("ال") or any("ال" in pre or pre.endswith("لل") for _, pre in stems):
        return None  # النازحين، للنازحين: the displaced, not two of them
    for stem, pre in stems:
        if len(stem) > 4 and stem.endswith(("ين", "ان")) and not stem[:-2].endswith("ي"):
            sing = stem[:-2]
            if _participle(sing):
                continue
            hit = _noun_at([Word(0, 0, sing, sing)], 0)
            if hit is not None and (pre or not _clitic_reading_only(sing)):
                return hit[0]
    return None


def _clitic_reading_only(sing: str) -> bool:
    """The singular *sing* of a whole word is a listed noun only once its و / ف is stripped
    (وناشطين: و + ناشطين, a plural, not the dual of «وناشط»); the stripped reading of the
    word is tried on its own (وزيرين keeps its و: وزير)."""
    return sing[:1] in ("و", "ف") and not any(
        r.type == "noun" and len(r.parts) == 1 and r.parts[0].fullmatch(sing)
        for r in number_rules()
    )


# Ordinals: a definite number after one is part of it (الرابع والعشرين من شباط, a date).
_ORDINALS = wordset(
    "اول اولي ثاني ثانية ثالث ثالثة رابع رابعة خامس خامسة سادس سادسة سابع سابعة ثامن ثامنة "
    "تاسع تاسعة عاشر عاشرة حادي"
)
# After a unit of time (الأيام الثلاثة) or an ordinal, a definite number counts nothing.
_NOT_COUNTED = TIME_UNITS | _ORDINALS
# Definite forms that count nothing: الاثنين (Monday), المئة (في المئة, per cent).
_NOT_COUNTS = wordset("اثنين مئة مائة")


def _function_word(norm: str) -> bool:
    """A preposition, particle or month: never the noun a number counts."""
    return function_word(norm) or norm in month_words()


def _partitive(text: str, ws: Sequence[Word], j: int) -> bool:
    """``ws[j]`` is the من of a partitive count (خمسة من الجنود): right after the number, and
    before a noun that is no function word or month (not ٣ من يناير، not ٩٠ ٪ من)."""
    return (
        ws[j].norm == "من"
        and j + 1 < len(ws)
        and ws[j + 1].norm.isalpha()
        and not _function_word(ws[j + 1].norm)
        and not text[ws[j - 1].end : ws[j].start].strip()
    )


def _counted_word(text: str, ws: Sequence[Word], j: int) -> bool:
    """Whether ``ws[j]``, right after a number, may be what it counts: a word that is no
    function word (but a partitive من), with no punctuation between (1944، نجا)."""
    if any(c in _PUNCT for c in text[ws[j - 1].end : ws[j].start]):
        return False
    if ws[j].norm.endswith(_OBJECT_ENDINGS):
        return False  # (60 أطلقتها روسيا: a verb with its object; a counted noun is bare)
    return (
        ws[j].norm.isalpha()
        and (not _function_word(ws[j].norm) or _partitive(text, ws, j))
        and _rule_match("part", ws, j) is None  # (حصيلة القتلى إلى 50 بينهم: no counted noun)
    )


# a verb with an object pronoun (أطلقتها، قتلوهم) or a possessed noun (سيارتها): never the
# indefinite noun a number counts
_OBJECT_ENDINGS = ("تها", "وها", "وهم")  # (not تهم: متهما، سبع تهم)


_PUNCT = frozenset(".,;:!?،؛؟")


def _after_noun(text: str, ws: Sequence[Word], i: int, num: tuple[float, int]) -> bool:
    """The number word two at ``ws[i]`` right after the plural or dual it counts (صحفيين اثنين،
    مواطنان اثنان): a word in ين ان ون ات that is no function word, number or casualty word,
    with nothing between (not قتل اثنان من الجنود)."""
    value, used = num
    if value != 2.0 or used != 1 or i == 0 or not _is_word_number(ws, i, 1):
        return False
    prev = ws[i - 1]
    return (
        prev.norm.isalpha()
        and prev.norm.endswith(("ين", "ان", "ون", "ات"))
        and _rule_match("casualty", ws, i - 1) is None
        and not _function_word(prev.norm)
        and not _may_start_number(prev.norm)
        and _definite(prev.norm) == _definite(ws[i].norm)
        and not text[prev.end : ws[i].start].strip()
    )


def _definite(norm: str) -> bool:
    return bare(norm).startswith("ال")


def _definite_number(norm: str) -> bool:
    """الثلاثة، والخمسة: a number word with the article (not الف، آلاف, whose ال is their own)."""
    b = bare(norm)
    return b.startswith("ال") and _digits(b) is None and _may_start_number(b[2:])


def _conj_start(ws: Sequence[Word], k: int, text: str) -> int:
    """Where the quantity starting at ``ws[k]`` starts: after a proclitic و / ف."""
    w = ws[k]
    if len(w.norm) > 3 and w.norm[0] in "وف" and text[w.start : w.start + 1] == w.norm[0]:
        return w.start + 1
    return w.start


def _definite_count(text: str, ws: Sequence[Word], i: int, j: int, value: float) -> Quantity | None:
    """The quantity of a definite number at ``ws[i:j]``: an adjective of the definite noun
    before it (الجنود الثلاثة: three soldiers), never counting the word after it (الثلاثة
    الماضية); after a unit of time it counts nothing (الأيام الثلاثة), and alone it counts
    what a casualty word before it says (مقتل الثلاثة) or something else."""
    if bare(ws[i].norm)[2:] in _NOT_COUNTS:
        return None
    prev = ws[i - 1] if i > 0 else None
    if (
        prev is not None
        and prev.norm.isalpha()
        and _definite(prev.norm)
        and not _function_word(prev.norm)
        and not _may_start_number(prev.norm)
    ):
        if bare(prev.norm)[2:] in _NOT_COUNTED:
            return None  # الأيام الثلاثة: a stretch of time; الرابع والعشرين: an ordinal
        noun = _noun_at(ws, i - 1)
        kind = noun[0] if noun is not None else "other"
        first = i - 1
    else:
        kind = _casualty_before(ws, i) or "other"
        first = i
    if kind in ("person", "troops"):
        kind = _casualty_kind(ws, first, j) or ("other" if kind == "person" else "troops")
    qs = _conj_start(ws, first, text)
    return Quantity(qs, ws[j - 1].end, text[qs : ws[j - 1].end], kind, value)


@functools.lru_cache(maxsize=100_000)
def _may_start_number(norm: str) -> bool:
    """Whether a number can start at a word of this form (digits or a number-word rule): a
    per-form test, so that most words skip :func:`parse_number`."""
    if _digits(norm) is not None:
        return True
    rules = number_rules()
    return any(rules[idx].type == "number" for idx in number_hits(norm))


@functools.lru_cache(maxsize=100_000)
def _may_start_quantity(norm: str) -> bool:
    """Whether a quantity can start at a word of this form: a number, or the dual of a counted
    noun (per form, cached)."""
    return _may_start_number(norm) or _dual_kind_norm(norm) is not None


def find_quantities(
    text: str, start: int = 0, end: int | None = None, *, ws: Sequence[Word] | None = None
) -> tuple[Quantity, ...]:
    """Counted quantities in ``text[start:end]``, original offsets (*ws*: its words, if known)."""
    if ws is None:
        ws = words(text, start, end)
    out: list[Quantity] = []
    i = 0
    while i < len(ws):
        if not _may_start_quantity(ws[i].norm):
            i += 1  # (most words: neither a number nor a counted dual)
            continue
        num = parse_number(ws, i) if _may_start_number(ws[i].norm) else None
        if num is not None and _after_year_word(ws, i):
            i += num[1]
            continue
        if num is not None and _definite_number(ws[i].norm):
            value, used = num
            got = _definite_count(text, ws, i, i + used, value)
            if got is not None:
                out.append(got)
            i += used
            continue
        if num is not None and _after_noun(text, ws, i, num):
            # صحفيين اثنين: two follows the noun it counts
            value, used = num
            noun = _noun_at(ws, i - 1)
            kind = noun[0] if noun is not None else "other"
            if kind in ("person", "troops"):
                kind = _casualty_kind(ws, i - 1, i + used) or (
                    "other" if kind == "person" else "troops"
                )
            qs = _conj_start(ws, i - 1, text)
            end = ws[i + used - 1].end
            out.append(Quantity(qs, end, text[qs:end], kind, value))
            i += used
            continue
        if num is not None:
            value, used = num
            j = i + used
            noun = _noun_at(ws, j) if j < len(ws) else None
            if noun is None and j + 1 < len(ws) and ws[j].norm == "من":
                # خمسة من الجنود, عشرات الآلاف من النازحين
                noun = _noun_at(ws, j + 1)
                if noun is not None:
                    noun = (noun[0], noun[1] + 1)
            before = _casualty_before(ws, i)
            if noun is not None:
                kind, n = noun
                j += n
            elif before is not None and (
                j >= len(ws)
                or not ws[j].norm.isalpha()
                or ws[j].norm.startswith("و")
                or not _counted_word(text, ws, j)
                or _rule_match("casualty", ws, j) is not None
            ):
                # مقتل خمسة وإصابة عشرة: the count of a casualty noun, nothing counted after it
                kind = before
            elif (
                j < len(ws)
                and _rule_match("part", ws, j) is not None
                and not any(c in _PUNCT for c in text[ws[j - 1].end : ws[j].start])
                and not (i > 0 and ws[i - 1].norm in month_words())
            ):
                kind = "other"  # (حصيلة القتلى إلى 50 بينهم 12 طفلا: the whole of a part)
            elif (
                j < len(ws)
                and ws[j].norm not in month_words()
                and not (1900 <= value <= 2100 and len(ws[i].norm) == 4)
                and not (i > 0 and ws[i - 1].norm in month_words())
                and _counted_word(text, ws, j)
            ):
                # اعتقل خمسة عشر مشتبها: a casualty or arrest word right before gives the kind
                kind = before or "other"
                # عشرة من الزوار: the partitive من and its noun are part of the count
                j += 2 if ws[j].norm == "من" and j + 1 < len(ws) and ws[j + 1].norm.isalpha() else 1
            else:
                i += used
                continue
            if kind == "person":
                kind = _casualty_kind(ws, i, j) or "other"
            elif kind == "troops":
                # مقتل 5 جنود: soldiers counted as casualties are killed / injured
                kind = _casualty_kind(ws, i, j) or "troops"
            # A proclitic glued to digits (و11) or a conjunction to a number word (وأربع نساء)
            # is not part of the quantity (واحد is one word).
            n0 = ws[i].norm
            glued = n0[0] in "وفبل" and n0[1:].isdigit()
            conj = n0[0] in "وف" and not n0.startswith("واحد") and _may_start_number(n0[1:])
            qs = ws[i].start + (1 if (glued or conj) and ws[i].text[:1] in "وفبل" else 0)
            out.append(Quantity(qs, ws[j - 1].end, text[qs : ws[j - 1].end], kind, value))
            i = j
            continue
        dual = _dual_kind(ws, i)
        if dual is not None:
            kind = dual
            if kind == "person":
                kind = _casualty_kind(ws, i, i + 1) or "other"
            elif kind == "troops":
                kind = _casualty_kind(ws, i, i + 1) or "troops"
            # a proclitic و/ف (وجريحان) is not part of the quantity
            rest = ws[i].norm[1:]
            qs = ws[i].start
            if (
                ws[i].norm[:1] in ("و", "ف")
                and text[qs : qs + 1] in ("و", "ف")
                and rest
                and _dual_kind([Word(0, 0, rest, rest)], 0) is not None
            ):
                qs += 1
            out.append(Quantity(qs, ws[i].end, text[qs : ws[i].end], kind, 2.0))
        i += 1
    if len(out) < 2 and not any(q.kind.startswith("duration") for q in out):
        return tuple(out)  # (most pieces: nothing below applies)
    word_starts = [w.start for w in ws]
    out = [
        q for q in out if not (q.kind.startswith("duration") and _time_offset(ws, word_starts, q))
    ]
    return _with_parts(ws, word_starts, out)


# words of an approximate count before its number (نحو، أكثر من، ما لا يقل عن)
_ABOUT = APPROXIMATION | ROUGHLY | wordset("نحو من")
# before a count of units of time, words that make it a distance in time from another moment
# (قبل يومين، بعد ثلاثة أيام من الهجوم، بعد مرور عامين على), not how long something lasted
_OFFSET = wordset("قبل بعد")
_OFFSET_SKIP = _ABOUT | wordset("مرور")
# kinds of counts of people
_PEOPLE = frozenset({"killed", "injured", "prisoners", "bodies", "troops", "displaced"})
# how many counts back the whole of a part may stand (it is the nearest of its kind)
_WHOLE_REACH = 8


def _time_offset(ws: Sequence[Word], word_starts: Sequence[int], q: Quantity) -> bool:
    j = bisect.bisect_right(word_starts, q.start) - 1
    k = j - 1
    while k >= 0 and j - k <= 3 and ws[k].norm in _OFFSET_SKIP:
        k -= 1
    return k >= 0 and bare(ws[k].norm) in _OFFSET


def _with_parts(
    ws: Sequence[Word], word_starts: Sequence[int], qs: list[Quantity]
) -> tuple[Quantity, ...]:
    """*qs* with each count of a part marked as a part of the nearest count before it of its
    kind: its ``part_of`` is that count's span, and a count of no kind of its own (``other``)
    takes the whole's kind (``قتل عشرة أشخاص بينهم ثلاثة أجانب``: three killed foreigners,
    among the ten). A count of a part stands right after a word of a part (``بينهم``، ``منها``:
    rows of type ``part``), right before a ``منهم``، ``منها`` that no count follows (``مقتل 127
    شخصا، 118 منهم ركاب``) or joined by و to a part (``بينهم 7 أطفال و4 نساء``). Linear: the
    whole is looked for among the last few counts only.
    """
    out: list[Quantity] = []
    by_span: dict[Span, Quantity] = {}
    for found in qs:
        q = found
        j = bisect.bisect_right(word_starts, q.start) - 1
        while j > 0 and ws[j - 1].norm in _ABOUT:
            j -= 1  # (من بينهم نحو خمسة، منهم ما لا يقل عن عشرة)
        word = ws[j - 1].norm if j > 0 and _rule_match("part", ws, j - 1) is not None else None
        k = bisect.bisect_left(word_starts, q.end)
        if (
            word is None
            and k < len(ws)
            and _rule_match("part", ws, k) is not None
            # (after a count, «of them» makes it a part, «among them» its whole: مقتل 4 بينهم
            # رجل أعمال)
            and bare(ws[k].norm).startswith("من")
            and (k + 1 >= len(ws) or not _may_start_number(ws[k + 1].norm))
        ):
            word = ws[k].norm
        if word is not None:
            # (the nearest count before it of its kind, or of none: a part is smaller; a part
            # in ها, بينها، منها, is of things, not of people)
            whole = next(
                (w for w in reversed(out[-_WHOLE_REACH:]) if _same_kind(w.kind, q.kind)), None
            )
            if (
                whole is not None
                and whole.value > q.value
                and not (word.endswith("ها") and whole.kind in _PEOPLE)
            ):
                kind = whole.kind if q.kind == "other" else q.kind
                q = attrs.evolve(q, kind=kind, part_of=whole.span)
        elif out and out[-1].part_of is not None:
            # (بينهم 7 أطفال و4 نساء: a count joined to a part is a part of the same whole)
            whole = by_span[out[-1].part_of]
            if (
                whole.value > q.value
                and _same_kind(whole.kind, q.kind)
                and ws[j].norm[:1] == "و"
                and j == bisect.bisect_left(word_starts, out[-1].end)
            ):
                q = attrs.evolve(q, kind=out[-1].kind, part_of=out[-1].part_of)
        out.append(q)
        by_span[q.span] = q
    return tuple(out)


def _same_kind(a: str, b: str) -> bool:
    return a == b or "other" in (a, b)
