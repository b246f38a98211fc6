"""Modality of an event mention: asserted, future, hypothetical, negated or denied.

Cues come from ``data/modality.tsv`` and are looked for in a window of words before the trigger;
``denied`` outranks ``negated``, which outranks ``hypothetical``, which outranks ``future``. A
future prefix ``س`` on the trigger itself (سيجري، ستناقش) also makes it future. A cue whose side
is ``governs`` counts only for a trigger governed by a preposition: what a call or a demand asks
for (دعت المنظمة إلى الإفراج عنه، طالبوا باستقالة الحكومة) has not happened. A cue whose side is
``object`` (a verb of refusing) counts only for a definite or governed trigger that is its object,
with nothing but its subject between them, and only for the acts a party does or refuses to do
itself (رفضت إسرائيل الانسحاب: no withdrawal); a request, an accusation or an attack that is
rejected was made (رفضت الحكومة الطلب).

>>> from arabnews.events.lexicon import words
>>> ws = words("نفت موسكو أن تكون قواتها دخلت المنطقة")
>>> modality_of(ws, 5)
('denied', 0)
>>> modality_of(words("لم يتم الاتفاق على موعد"), 2)
('negated', 0)
>>> modality_of(words("لا تزال القوات تقاتل"), 3)
('asserted', None)
>>> modality_of(words("طالب المحتجون باستقالة الحكومة"), 2, "ب")
('hypothetical', 0)
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from arabnews.events.lexicon import PatternIndex, Word, modality_cues, speech_verb

__all__ = ["modality_of", "put_off"]

_ORDER = ("denied", "negated", "hypothetical", "future")

# The categories of the acts a party may refuse to do itself (``object`` cues): what is refused is
# not done. The others name what another party did (a request, an accusation, a threat, a
# sanction, an attack), which a refusal rejects and does not undo.
_REFUSABLE = frozenset({"AGREE", "AID", "CONCEDE", "CONSULT", "COOPERATE", "RETREAT", "SUPPORT"})


# The categories of what a denial answers when it is the denial's object (نفت الوزارة الاتهامات):
# the accusation was made, and what it says is what is denied.
_REPLIED_TO = frozenset({"ACCUSE"})


# "Any" before a trigger noun (أي اتفاق): a negation cue of the table reaches it from farther
# back than its window (لم تسفر جولة المحادثات الأخيرة عن أي اتفاق).
_ANY = frozenset({"اي", "ايه", "اية"})
# The negations that reach it: particles and preventing (لمنع حصول أي خلل), not a verb of
# stopping or ending (ايقاف الدراسة إذا وجد أي مظاهرات: the demonstrations are supposed).
_NEGATORS = frozenset(
    {"لم", "لن", "لا", "ليس", "ليست", "عدم", "بعدم", "لعدم", "دون", "بدون"}
    | {"منع", "لمنع", "يمنع", "تمنع", "منعت"}
)


def _any_word(norm: str) -> bool:
    """Whether *norm* is the word for "any", also after the preposition it takes (لأي قصف،
    بأي هجوم)."""
    n = _strip_conj(norm)
    return n in _ANY or (n[:1] in ("ل", "ب") and n[1:] in _ANY)


# words by which a denial denies that something exists at all (وجود أي تهم)
_EXISTENCE = _ANY | {"وجود"}


@functools.lru_cache(maxsize=100_000)
def _matches(pattern: re.Pattern[str], norm: str) -> bool:
    return bool(pattern.fullmatch(norm) or pattern.fullmatch(_strip_conj(norm)))


@functools.cache
def _max_window() -> int:
    return max((r.window for r in modality_cues()), default=0)


def _strip_conj(norm: str) -> str:
    return norm[1:] if len(norm) > 2 and norm[0] in "وف" else norm


_COMPLEMENTIZERS = frozenset({"ان", "بان", "انه", "انها", "بانه", "بانها"})
# forms of كان before قد: a past perfect (كانت الحركة قد تبنت، نفى أن يكون قد التقى)
_BEING = frozenset({"كان", "كانت", "كانوا", "كانا", "كانتا", "يكون", "تكون", "يكونوا"})

# prepositions that introduce what a request asks for (دعا إلى، حث على), normalised
_REQUEST_PREPOSITIONS = frozenset({"الي", "علي"})


# prepositions of a time frame (خلال الاحتجاجات): the event they name is taken as given
_FRAMES = frozenset({"خلال", "اثناء", "ابان", "طوال", "طيله", "طيلة"})
# endings of a perfect verb that no singular verbal noun has (وهددت، وطالبوا)
_VERB_ENDINGS = ("ت", "وا", "تا")


def _after_being(ws: Sequence[Word], k: int) -> bool:
    """Whether a form of كان stands before ``ws[k]``, right before it or before a subject of
    up to two words, one space apart (كانت قد، وكانت النقابة قد، كان الرئيس الأمريكي قد)."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if ws[j + 1].start - ws[j].end != 1:
            return False
        if _strip_conj(ws[j].norm) in _BEING:
            return True
    return False


def _verb_ending(norm: str) -> bool:
    """Whether *norm* ends as a perfect verb does (not a plural noun in ات: واعتقالات)."""
    return norm.endswith(_VERB_ENDINGS) and not norm.endswith("ات")


def _governed(ws: Sequence[Word], t: int, prefix: str) -> bool:
    """Whether the trigger at ``ws[t]`` is governed by a preposition: a proclitic ب or ل
    (the article's ل aside), the word إلى / على right before it, or before the indefinite noun
    it completes as a definite genitive (إلى طاولة المفاوضات)."""
    head = prefix[:-2] if prefix.endswith("ال") else prefix
    if "ب" in head or "ل" in head:
        return True
    if t > 0:
        prev = _strip_conj(ws[t - 1].norm)
        if prev in _REQUEST_PREPOSITIONS:
            return True
        if (
            prefix[:1] == "و"
            and ws[t].start - ws[t - 1].end == 1
            and (
                (_governed_verbal_noun(prev) and not _verb_ending(ws[t].norm))
                or (prev.startswith("بال") and ws[t].norm.startswith("وال") and len(prev) > 5)
            )
        ):
            # هدد بملاحقة واعتقال أي ناشط: the conjunct of a governed noun (not a verb of its
            # own, طالبت بالاستقالة وهددت: a noun conjoined to a definite noun is definite)
            return True
        if (
            prefix[:1] not in ("و", "ف")  # (a trigger with و opens a clause of its own)
            and ws[t].start - ws[t - 1].end == 1  # (one space: no punctuation between)
            and _governed_verbal_noun(prev)
        ):
            return True
    # through the noun it completes (إلى طاولة المفاوضات، إلى استئناف المحادثات، إلى تقديم
    # مساعدات، بعبور قافلة الإغاثة): a noun without the article, governed, with the trigger its
    # genitive, one space apart
    if t < 2 or prefix[:1] in ("و", "ف") or ws[t - 1].norm.startswith(("ال", "و", "ف")):
        return False
    if ws[t].start - ws[t - 1].end != 1 or ws[t - 1].start - ws[t - 2].end != 1:
        return False
    gov = _strip_conj(ws[t - 2].norm)
    return gov in _REQUEST_PREPOSITIONS or _governed_verbal_noun(gov)


def _governed_verbal_noun(norm: str) -> bool:
    """A verbal noun with a proclitic ب and no article (بإعادة، بتنفيذ، بمواصلة، بدخول): the trigger
    after it is its genitive, governed through it (هددت بإعادة فرض العقوبات). Only ب: it never
    stands before a verb, as ل does (لتقدم)."""
    return (
        len(norm) > 4
        and norm[0] == "ب"
        and (norm[1] in "اتم" or (len(norm) == 5 and norm[3] == "و"))  # (بدخول: فعول)
        and not norm.startswith("بال")
        and not norm.endswith(("ها", "هم", "هما", "نا"))  # (a construct takes no pronoun)
    )


def _object_of(ws: Sequence[Word], k: int, t: int) -> bool:
    """Whether the trigger at ``ws[t]`` may be the object of the verb at ``ws[k]``: only single
    spaces between them, no word in و or ف (the start of another clause or a list) and no cue
    word (رفضت الحكومة مطالب المحتجين بالإفراج: the demand is refused, the release asked for)."""
    return all(ws[j].start - ws[j - 1].end == 1 for j in range(k + 1, t + 1)) and not any(
        _conjoined(w.norm) or _cue_hits(w.norm) for w in ws[k + 1 : t]
    )


def _conjoined(norm: str) -> bool:
    """A word in و / ف, unless the letter is its own (وصول، وقف، فرض: the Arabic Wikipedia
    word list reads the whole as a word)."""
    from arabnews.ner.clitics import clitic_reading

    return norm[:1] in ("و", "ف") and clitic_reading(norm, 1) is not False


def _noun_cue(norm: str) -> bool:
    """A cue word shaped as a noun (دعوة، الدعوة، مطالبات): no subject stands after it."""
    n = _strip_conj(norm)
    return n.startswith("ال") or n.endswith(("ة", "ات"))


def _reach(t: int, lower: int, inner: Sequence[bool] | None) -> list[int] | None:
    """For each word before ``t`` (nearest first, down to *lower*), how many words of a window
    it takes to reach it, the inner words of names not counted; ``None`` when no such word is
    near (every window is then plain)."""
    if inner is None:
        return None
    lo = max(lower, t - 3 * _max_window())
    if not any(inner[lo:t]):
        return None
    out = []
    counted = 0
    for k in range(t - 1, lo - 1, -1):
        out.append(counted)  # (words counted before this one)
        counted += not inner[k]
    return out


def _before(t: int, window: int, lower: int, reach: list[int] | None) -> Sequence[int]:
    """Indexes of the *window* words before ``t`` (down to *lower*), nearest first."""
    if reach is None:
        return range(t - 1, max(lower, t - window) - 1, -1)
    n = bisect.bisect_left(reach, window)  # (words reached with fewer than *window* counted)
    return range(t - 1, t - 1 - n, -1)


@functools.lru_cache(maxsize=100_000)
def _cue_hits(norm: str) -> frozenset[int]:
    """Indexes of the ``modality.tsv`` rows whose pattern matches normalised *norm* (cached)."""
    index = _cue_index()
    return frozenset(index.hits(norm)).union(index.hits(_strip_conj(norm)))


@functools.cache
def _cue_index() -> PatternIndex:
    return PatternIndex(r.pattern for r in modality_cues())


def modality_of(
    ws: Sequence[Word],
    t: int,
    prefix: str = "",
    *,
    lower: int = 0,
    inner: Sequence[bool] | None = None,
    category: str | None = None,
) -> tuple[str, int | None]:
    """``(modality, index of the cue word or None)`` for a trigger at ``ws[t]``.

    *prefix* is the proclitic string stripped from the trigger word; *lower* the first word index
    that may hold a cue (the clause start). *inner*, per word, marks the words of a name after
    its first (the entities of the sentence): a name counts as one word of a cue's window, so
    that a long one (نفى المتحدث باسم وزارة الخارجية الإيرانية إسماعيل بقائي أن ...) does not
    put the cue out of reach. *category* is the trigger's PLOVER category (``object`` cues
    count only for the categories of :data:`_REFUSABLE`; none without it).
    """
    # نفت اعتقال أي متظاهرين خلال الاحتجاجات: what frames another act in time is taken as
    # given; the cues before it are about that act (one after it still counts: خلال اتصاله
    # المرتقب)
    framed = t > 0 and _strip_conj(ws[t - 1].norm) in _FRAMES
    found: dict[str, int] = {}
    reach = _reach(t, lower, inner)
    base = max(0, t - _max_window())  # the cue rows matching each word of the widest window
    hits = [_cue_hits(w.norm) for w in ws[base : t + 1 + _max_window()]]
    if reach is None and not any(hits):
        # no cue word within reach (most triggers): only the trigger's own future prefix
        return ("future", t) if "س" in prefix else ("asserted", None)
    # the rows that match some word within reach (a name's words may stretch it before *base*)
    present: set[int] = set().union(*hits)
    if reach is not None:
        for k in range(t - len(reach), base):
            present.update(_cue_hits(ws[k].norm))
    for i, rule in enumerate(modality_cues()):
        if rule.label in found or i not in present or (framed and rule.side != "after"):
            continue
        if rule.side == "after":
            span: Sequence[int] = range(t + 1, min(len(ws), t + 1 + rule.window))
        elif (
            (rule.side == "governs" and not _governed(ws, t, prefix))
            or (rule.side == "in" and not (t > 0 and _strip_conj(ws[t - 1].norm) == "في"))
            or (
                rule.side == "object"
                and (
                    category not in _REFUSABLE
                    or not (
                        _governed(ws, t, prefix)
                        or "ال" in prefix
                        or ws[t].norm.startswith("ال")
                        # (رفضت العراق أن تسحب قواتها: a verb after أن is the refused act)
                        or (t > 0 and _strip_conj(ws[t - 1].norm) == "ان")
                    )
                )
            )
        ):
            continue
        else:
            span = _before(t, rule.window, lower, reach)
        speech = None  # the nearest speech verb between the trigger and a denial cue
        for k in span:
            if i not in (hits[k - base] if k >= base else _cue_hits(ws[k].norm)):
                if rule.label == "denied" and speech is None and speech_verb(ws[k].norm):
                    speech = k
                continue
            if speech is not None and not any(
                _strip_conj(w.norm) in _COMPLEMENTIZERS for w in ws[k + 1 : speech]
            ):
                # نفت القوة اعتقالها أيا منهم، ثم عادت الوزارة لتؤكد اعتقال: a statement of its
                # own (not one inside the denied clause: نفى أن يكون قد أدلى بتصريحات)
                break
            if (
                rule.not_next is not None
                and k + 1 < len(ws)
                and rule.not_next.fullmatch(_strip_conj(ws[k + 1].norm))
            ):
                continue
            if k < t - rule.window and _noun_cue(ws[k].norm):
                continue  # past a name, only a verb's reach: its subject stands between
            if ws[k].norm == "قد" and _after_being(ws, k):
                continue  # كانت قد تبنت: a past perfect, no "may" (قد يكون is one)
            if rule.side == "opens" and not _opens_call(ws, k, t, lower):
                continue
            if rule.side == "object" and not _object_of(ws, k, t):
                break  # (فرفض القائد وسارع بالاتصال: the trigger is another clause's)
            if (
                rule.label == "denied"
                and category in _REPLIED_TO
                and _object_of(ws, k, t)
                and not any(_strip_conj(w.norm) in _EXISTENCE for w in ws[k + 1 : t])
            ):
                # نفت الوزارة هذه الاتهامات: the accusation was made, what it says is denied
                # (not نافيا وجود أي تهم بحقه: that any was made is what is denied)
                break
            found[rule.label] = k
            break
    if "س" in prefix and "future" not in found:
        found["future"] = t
    if "negated" not in found and t > 0 and _any_word(ws[t - 1].norm):
        # لم تسفر المحادثات عن أي اتفاق: "any" names what a negation farther back denies
        negation = next(
            (
                j
                for j in range(t - 2, max(lower, t - 10) - 1, -1)
                if _strip_conj(ws[j].norm) in _NEGATORS
            ),
            None,
        )
        if negation is not None:
            found["negated"] = negation
    neg = found.get("negated")
    if neg is not None and neg > lower and _conditional(ws[neg - 1].norm, ws[neg].norm):
        # إذا لم ينسحب الجيش، ما لم تتراجع الحكومة: the negation is the condition's, and what
        # it negates is supposed, neither done nor reported as not done
        del found["negated"]
        found.setdefault("hypothetical", neg - 1)
    for label in _ORDER:
        if label in found:
            return label, found[label]
    if category == "AID" and t - 1 > lower and _CONTAINER.fullmatch(_strip_conj(ws[t - 1].norm)):
        # لم تدخل أي شاحنة مساعدات، ستدخل قافلة المساعدات: the aid goes where its load goes
        return modality_of(ws, t - 1, lower=lower, inner=inner, category=category)
    head = _reached_through(ws, t, lower)
    if head is None and category == "AGREE":
        head = _signed_by(ws, t, lower)
    if head is None:
        # منعت السلطات المحامية من زيارة موكلها: what a party is kept from is not done
        stop = _verb_before(ws, t, lower, preposition="من", verb=_KEEP_FROM, noun=_KEEP_FROM)
        if stop is not None:
            return "negated", stop
    if head is not None:
        # لم يتوصل الطرفان إلى اتفاق، دعا إلى العودة إلى المفاوضات: the act is as real as the
        # reaching or returning that leads to it, within the clause that verb opens (قال إن
        # التقدم قد توقف وأن القوات تمكنت من استعادة قرية: not the قد of the clause before أن)
        start = next(
            (
                k + 1
                for k in range(head - 1, lower - 1, -1)
                if _strip_conj(ws[k].norm) in _COMPLEMENTIZERS
            ),
            lower,
        )
        return modality_of(ws, head, lower=start, inner=inner, category=category)
    return "asserted", None


@functools.cache
def _put_off_rows() -> frozenset[int]:
    """The future rows of ``modality.tsv`` that read تأجيل (putting off)."""
    return frozenset(
        i
        for i, r in enumerate(modality_cues())
        if r.label == "future" and _matches(r.pattern, "تاجيل")
    )


def put_off(norm: str) -> bool:
    """Whether the normalised word *norm* is a cue of putting off (تأجيل، تأجل، أرجأ، يؤجل: a
    row of ``modality.tsv`` that reads تأجيل): what it puts off is still to come, not agreed."""
    return bool(_cue_hits(norm) & _put_off_rows())


@functools.cache
def _intent_rows() -> frozenset[int]:
    """The future rows of ``modality.tsv`` that read تعتزم (a party's intention)."""
    return frozenset(
        i
        for i, r in enumerate(modality_cues())
        if r.label == "future" and _matches(r.pattern, "تعتزم")
    )


def intends(norm: str) -> bool:
    """Whether the normalised word *norm* says what a party intends (تعتزم الأمم المتحدة عقد
    جولة مفاوضات، تنوي إرسال وفد; the row of ``modality.tsv`` that reads تعتزم): its plan, not
    a meeting agreed between the parties."""
    return bool(_cue_hits(norm) & _intent_rows())


# words of a condition right before its negation (إذا لم، ما لم، في حال لم، لو لا); إن only before
# لم (أن لا is "that no": أكد أن لا انسحاب)
_CONDITIONS = frozenset({"اذا", "لو", "ما", "حال", "حاله", "حالة"})


def _conditional(before: str, negation: str) -> bool:
    """Whether the word *before* a negation cue makes it a condition's (إذا لم، إن لم)."""
    word = _strip_conj(before)
    return word in _CONDITIONS or (word == "ان" and _strip_conj(negation) == "لم")


def _opens_call(ws: Sequence[Word], k: int, t: int, lower: int) -> bool:
    """Whether the cue at ``ws[k]`` opens its clause (the first word, or the first after a
    clause break or punctuation) and أن stands in the two words before the trigger at ``ws[t]``
    (على الحكومة أن تفرج عن المعتقلين، على المجتمع الدولي أن يفرض حظرا)."""
    opens = k <= lower or ws[k].start - ws[k - 1].end > 1
    return opens and any(_strip_conj(ws[j].norm) == "ان" for j in range(max(k + 1, t - 2), t))


# Words through which a trigger names what is reached or returned to (توصل إلى اتفاق، العودة إلى
# المفاوضات): the trigger's act is only as real as theirs. Nouns stand right before إلى; a verb
# may have its subject between (لم يتوصل قادة الأحزاب إلى اتفاق).
_REACH_NOUN = re.compile(r"(?:ال)?(?:توصل|عود[ةت])")
_REACH_VERB = re.compile(r"(?:ي|ت|ن)توصل(?:ون|ان|وا)?|توصل(?:ت|وا|ا|تا)?")
# nouns a trigger completes as their genitive on the way (إلى طاولة المفاوضات، استئناف المحادثات)
_COMPLETED = frozenset({"طاوله", "طاولة", "استئناف", "مائده", "مائدة"})


def _reached_through(ws: Sequence[Word], t: int, lower: int) -> int | None:
    """The word whose reaching or returning leads to the trigger at ``ws[t]``, or None; past
    a verb of being able (لم يتمكن الوزراء من التوصل إلى اتفاق: the verb of being able), which
    also governs a trigger right after its من (لم تتمكن الشرطة من اعتقاله)."""
    j = t
    if j - 1 > lower and _strip_conj(ws[j - 1].norm) in _COMPLETED:
        j -= 1  # (إلى طاولة المفاوضات: the table is what is returned to)
    head = _verb_before(ws, j, lower, preposition="الي", verb=_REACH_VERB, noun=_REACH_NOUN)
    if head is not None and _REACH_NOUN.fullmatch(_strip_conj(ws[head].norm)):
        able = _verb_before(ws, head, lower, preposition="من", verb=_ABLE_VERB, noun=None)
        return head if able is None else able
    if head is None:
        # لم تتمكن الشرطة من اعتقاله: what a party could not do was not done
        return _verb_before(ws, t, lower, preposition="من", verb=_ABLE_VERB, noun=None)
    return head


def _signed_by(ws: Sequence[Word], t: int, lower: int) -> int | None:
    """The verb of signing whose object is the agreement at ``ws[t]`` (لم يوقع الرئيس
    الأوكراني فولوديمير زيلينسكي اتفاق المعادن: an agreement not signed), up to seven words
    before it with its subject between (no punctuation), or None."""
    for k in range(t - 1, max(lower, t - 8) - 1, -1):
        if ws[k + 1].start - ws[k].end > 1:
            return None  # (punctuation: another clause)
        if _SIGN_VERB.fullmatch(_strip_conj(ws[k].norm)):
            return k
    return None


# what aid is carried in (قافلة مساعدات، شاحنات المساعدات): the aid is the load's genitive
_CONTAINER = re.compile(
    r"(?:ب|ل|لل)?(?:ال)?(?:قافل[ةت]|قوافل|شاحن[ةت]|شاحنات|شحن[ةت]|شحنات|طرود|سلال|حمول[ةت]|حمولات)"
)

# keeping someone from an act (منع، يمنع، بمنعها), with من before the act
_KEEP_FROM = re.compile(r"(?:(?:ي|ت|ن)منع(?:ون|ان)?|(?:ب|ل)?منع(?:ت|وا)?)(?:ه|ها|هم|هما)?")

# verbs of signing (وقع، يوقع), whose object is the agreement signed
_SIGN_VERB = re.compile(r"(?:ي|ت|ن)وقع(?:ون|ان|وا|ا)?|وقع(?:ت|وا|ا|تا)?")

# verbs of being able, with من before what is achieved (تمكن من)
_ABLE_VERB = re.compile(r"(?:ي|ت|ن)تمكن(?:ون|ان|وا)?|تمكن(?:ت|وا|ا|تا)?")


def _verb_before(
    ws: Sequence[Word],
    j: int,
    lower: int,
    *,
    preposition: str,
    verb: re.Pattern[str],
    noun: re.Pattern[str] | None,
) -> int | None:
    """The word that governs ``ws[j]`` through *preposition* right before it: a *noun* right
    before the preposition, or a *verb* up to seven words before it, its subject between
    (no punctuation); None if there is none."""
    if j - 2 < lower or _strip_conj(ws[j - 1].norm) != preposition:
        return None
    for k in range(j - 2, max(lower, j - 8) - 1, -1):
        if ws[k + 1].start - ws[k].end > 1:
            return None  # (punctuation: another clause)
        norm = _strip_conj(ws[k].norm)
        if k == j - 2 and noun is not None and noun.fullmatch(norm):
            return k
        if verb.fullmatch(norm):
            return k
    return None
