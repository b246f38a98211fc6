"""PLOVER event extraction: triggers from the lexicon, then arguments, time, quantities, modality.

The pipeline for one sentence:

1. every word is matched against ``triggers.tsv`` (clitic-aware, longest match first);
2. weak triggers are dropped when a strong trigger of the same category is in the sentence,
   except ASSAULT's (a killing verb beside an attack noun), which the model weighs;
3. scope blockers (a condemnation, a threat, a prevention or a background ``منذ``) drop an
   ASSAULT trigger in their scope: a condemned attack is an ACCUSE event, not an ASSAULT report;
4. the mode is refined from nearby cue words (``مسيّرة`` -> ``drone``);
5. arguments, the nearest time expression and the quantities are attached; the modality is
   computed; a future CONSULT becomes ``AGREE`` with ``future_of`` (the seed-gold convention).
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from arabnews.charsets import HARAKAT, TATWEEL
from arabnews.dates import parse_published
from arabnews.events.arguments import (
    EXCLUSION_REACH,
    Candidate,
    Roles,
    agentive_class,
    assign_roles,
    candidates,
    carry_subject,
    circumstantial_shape,
    definite,
    excludes_only,
    finite_verb,
    governing_future_verb,
    light_governed,
    required_object,
    right_words,
    sentence_subject,
    time_word,
)
from arabnews.events.classifier import (
    EventModel,
    candidate_features,
    event_model,
    expand_features,
    role_base,
    role_features,
    sentence_stems,
    word_shape,
)
from arabnews.events.lexicon import (
    PRONOUN_SUFFIXES,
    RELATIVE_PRONOUNS,
    CueRule,
    PatternIndex,
    TriggerRule,
    Word,
    actor_hits,
    actor_rules,
    bare,
    blockers,
    construct_matches,
    evidence,
    fixed_expressions,
    function_word,
    match_first,
    mode_cues,
    norm_word,
    number_hits,
    number_rules,
    part_matches,
    referential,
    rest_matches,
    stem_candidates,
    trigger_rules,
    words,
    words_from_tokens,
    wordset,
)
from arabnews.events.modality import intends, modality_of, put_off
from arabnews.events.numbers import casualty_at, find_quantities
from arabnews.events.schema import Event, Quantity, TimeExpression
from arabnews.events.timex import find_times, forward, is_future, names_year, parse_date
from arabnews.spans import Entity, Mention, Span

if TYPE_CHECKING:
    from arabnews.tokens import Token

__all__ = [
    "Trigger",
    "extract_from_sentences",
    "find_triggers",
    "sentence_dates",
    "sentence_spans",
]


@attrs.frozen(slots=True)
class Trigger:
    """A lexicon match: words ``first..last`` of the sentence, the rule and the stripped prefix."""

    first: int
    last: int
    rule: TriggerRule
    prefix: str
    blocked: str | None = None
    # a weak trigger kept beside a strong one of its category (``find_triggers(keep_weak=True)``)
    beside_strong: bool = False


def _strip(norm: str) -> str:
    return norm[1:] if len(norm) > 2 and norm[0] in "وف" else norm


def _in_exchange(ws: Sequence[Word], i: int) -> bool:
    """Whether ``ws[i]`` follows مقابل (in exchange for): the other side's act of an exchange
    (أفرجت حماس عن ثلاث رهائن مقابل الإفراج عن 90 أسيرا), not the earlier one again."""
    return any(bare(w.norm) in ("مقابل", "لقاء") for w in ws[max(0, i - 2) : i])


def _counted_accusative(prev: Word, w: Word) -> bool:
    """Whether *w* is a short noun written with the accusative ا right after a number from 11
    to 99 (or one ending so: 4551 طالبا، ثلاثين طالبا: students), the singular noun such numbers
    count, where the lexicon would read a verb (طالبا: "the two demanded"). Other numbers count
    a genitive (three to ten, hundreds, thousands) or none (اثنان قتلا: "two were killed"); a
    verbal noun stays an event (44 تفجيرا); a year or a weekday counts nothing."""
    norm = w.norm
    if not norm.endswith("ا") or norm.endswith(("وا", "ها", "نا")) or prev.end + 1 != w.start:
        return False
    if word_shape(norm[:-1], "") != "bare":
        return False
    if prev.norm.isdigit():
        value = int(prev.norm)
        return not 1000 <= value <= 2099 and value % 100 >= 11  # (a year: 1513، غزا)
    rules = number_rules()
    values = {rules[k].value for k in number_hits(prev.norm) if rules[k].type == "number"}
    return any(v % 100 >= 11 for v in values) and not prev.norm.startswith("ال")


def find_triggers(
    ws: Sequence[Word], *, keep_blocked: bool = False, keep_weak: frozenset[str] = frozenset()
) -> list[Trigger]:
    """Trigger matches in a sentence's words (overlaps resolved: longest, then earliest rule).

    Triggers inside a blocker's scope (a condemned, threatened or background attack) are dropped;
    weak triggers are dropped when a strong one of the same category remains, except those of the
    categories in *keep_weak* (kept, marked ``beside_strong``, for the event model to weigh; so
    is a weak trigger after an earlier weak one of its category).
    """
    rules = trigger_rules()
    found: list[Trigger] = []
    for i, w in enumerate(ws):
        hits = match_first(w.norm)
        if not hits or (i > 0 and _counted_accusative(ws[i - 1], w)):
            continue  # (4551 طالبا: the noun a number counts, students, not a verb, demanded)
        for idx, prefix in hits:
            rule = rules[idx]
            if rule.indefinite and ("ال" in prefix or prefix.endswith("لل")):
                continue  # (الاحتلال names the occupier; احتلال العراق is the occupation)
            if prefix.endswith(("ال", "لل")) and _imperfect_after_article(w.norm, prefix, rule):
                continue  # a verb takes no article: آليتهم (their vehicle) is no يتهم
            if prefix.lstrip("وف") == "ب" and (
                _perfect_form(w.norm[len(prefix) :], rule.parts[0])
                or (_short_stem(w.norm[len(prefix) :]) and _whole_word(w.norm[len(prefix) - 1 :]))
            ):
                # ب takes no verb: بدانته (his obesity) is no دانته (condemned him); بحثت، بحثهم
                # (searched, their research) are no ب + حث (urged)
                continue
            n = len(rule.parts)
            if n > 1 and not rest_matches(rule.parts, ws, i):
                continue
            if rule.right is not None:
                # (an exclusion reads further: احتل سهم «سوق دبي المالي» المرتبة الثانية)
                if excludes_only(rule.right):
                    nxt = " ".join(x.norm for x in ws[i + n : i + n + EXCLUSION_REACH])
                else:
                    nxt = " ".join(ws[k].norm for k in right_words(ws, i + n))
                if not rule.right.search(nxt) and not _relative_head(rule.right, ws, i):
                    continue
            if rule.not_left is not None and any(
                part_matches(rule.not_left, x.norm) for x in ws[max(0, i - 3) : i]
            ):
                continue
            if rule.not_next is not None and any(
                part_matches(rule.not_next, x.norm) for x in ws[i + n : i + n + 5]
            ):
                continue  # another sense (انقلاب سيارة: overturning; هاجم وسائل الإعلام: verbal)
            found.append(Trigger(i, i + n - 1, rule, prefix))
    found.sort(key=lambda tr: (tr.first, -(tr.last - tr.first), tr.rule.index))
    out: list[Trigger] = []
    end = -1
    for tr in found:
        if tr.first > end:
            out.append(tr)
            end = tr.last
    cues = _blocker_words(ws) if out else []
    reasons = [_blocked(cues, tr) for tr in out]
    blocked = [
        attrs.evolve(tr, blocked=r) for tr, r in zip(out, reasons, strict=True) if r is not None
    ]
    out = [tr for tr, r in zip(out, reasons, strict=True) if r is None]
    strong = {tr.rule.category for tr in out if tr.rule.strong}
    # Weak triggers: none when a strong one of the category is there, else the first lexicon
    # row wins (row order is priority: انفجار before قتل), one per category.
    best_weak: dict[str, Trigger] = {}
    for tr in out:
        if not tr.rule.strong and tr.rule.category not in strong:
            cur = best_weak.get(tr.rule.category)
            if cur is None or tr.rule.index < cur.rule.index:
                best_weak[tr.rule.category] = tr
    keep = {id(t) for t in best_weak.values()}
    out = [
        tr if tr.rule.strong or id(tr) in keep else attrs.evolve(tr, beside_strong=True)
        for tr in out
        if tr.rule.strong or id(tr) in keep or tr.rule.category in keep_weak
    ]
    if keep_blocked and blocked:
        out = sorted(out + blocked, key=lambda tr: tr.first)
    return out


def _imperfect_after_article(norm: str, prefix: str, rule: TriggerRule) -> bool:
    """Whether the row matched the word after its article as an imperfect verb: its ي, or its
    ن where the row reads it as the first-person prefix (النشيد, the anthem, is no نشيد "we
    praise"; النزاع keeps its ن)."""
    stem = norm[len(prefix) :]
    return stem[:1] == "ي" or rule.first_person(stem)


# the ties whose ending (SANCTION/discontinue) is the one event (no negated tie beside it)
_ENDED_TIES = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def _objects(ws: Sequence[Word], found: Sequence[Trigger]) -> set[int]:
    """The ids of the triggers in *found* that are the object a verb's ``right`` context
    requires and of the verb's own category, or an agreement, talks or cooperation after a
    verb of ending (SANCTION/discontinue): one event, whose trigger is the verb (وقعت مصر
    والسعودية اتفاقية سلام: the signing, not a signing and an agreement)."""
    starts = {tr.first: tr for tr in found}
    drop: set[int] = set()
    for tr in found:
        right = tr.rule.right
        if right is None:
            continue
        k = required_object(ws, tr.last, right)
        other = starts.get(k) if k is not None else None
        if other is not None and (
            other.rule.category == tr.rule.category
            # (a tie suspended, frozen or cancelled is no event of its own: ألغت الجامعة
            # اتفاقية الشراكة is the cancellation, not an agreement that did not happen; aid
            # stopped stays negated aid, as since session 37)
            or (tr.rule.mode == "discontinue" and other.rule.category in _ENDED_TIES)
        ):
            drop.add(id(other))
    return drop


def _relative_head(right: re.Pattern[str], ws: Sequence[Word], i: int) -> bool:
    """Whether the noun that a relative clause begun right before ``ws[i]`` describes holds a
    trigger's right context: what a verb takes after it may stand before it as the clause's
    head (فرضت عقوبات، العقوبات الاقتصادية التي فرضتها؛ أرسلت قوات، القوات التي أرسلتها)."""
    if i < 2 or bare(ws[i - 1].norm) not in RELATIVE_PRONOUNS or excludes_only(right):
        return False
    return right.search(" ".join(x.norm for x in ws[max(0, i - 3) : i - 1])) is not None


def _blocker_words(ws: Sequence[Word]) -> list[tuple[int, tuple[int, ...]]]:
    """The words of a sentence that some blocker row matches, each with those rows (in word
    order): found once per sentence, then each trigger looks at those within reach."""
    out = []
    for k, w in enumerate(ws):
        hits = _blocker_hits(w.norm)
        if hits:
            out.append((k, hits))
    return out


@functools.lru_cache(maxsize=200_000)
def _blocker_hits(norm: str) -> tuple[int, ...]:
    """:func:`_row_hits` of the blockers (cached by form alone: most words are looked up once
    per sentence)."""
    return _row_hits(blockers, norm)


# blocker reasons that block weak triggers only (casualty words), never an attack word: the
# collapse an attack caused, a memorial attacked
_WEAK_ONLY = frozenset({"mishap", "memorial"})


def _blocked(cues: Sequence[tuple[int, tuple[int, ...]]], tr: Trigger) -> str | None:
    """The reason of the first blocker (``blockers.tsv``) whose scope holds the trigger; *cues*
    are the sentence's :func:`_blocker_words`."""
    rows = blockers()
    best = len(rows)
    cat = tr.rule.category
    lo, hi = tr.first - _max_window(blockers), tr.last + _max_window(blockers)
    for k, hits in cues:
        if k < lo or tr.first <= k <= tr.last:
            continue
        if k > hi:
            break
        for i in hits:
            if i >= best:
                break
            rule = rows[i]
            if rule.label != cat or k < tr.first - rule.window:
                continue
            if rule.extra in _WEAK_ONLY and tr.rule.strong:
                continue  # (أدى القصف إلى انهيار مبنى: the attack is the cause of the collapse)
            if k < tr.first and rule.side == "after":
                continue
            if k > tr.last and (rule.side == "before" or k > tr.last + rule.window):
                continue
            best = i
            break
    return rows[best].extra if best < len(rows) else None


@functools.lru_cache(maxsize=200_000)
def _row_hits(table: Callable[[], tuple[CueRule, ...]], norm: str) -> tuple[int, ...]:
    """Indexes (ascending) of the rows of *table* whose pattern matches normalised *norm*."""
    return _table_index(table).stem_hits(norm)


@functools.cache
def _table_index(table: Callable[[], tuple[CueRule, ...]]) -> PatternIndex:
    return PatternIndex(r.pattern for r in table())


@functools.cache
def _max_window(table: Callable[[], tuple[CueRule, ...]]) -> int:
    return max((r.window for r in table()), default=0)


_PRONOUN_END = ("ها", "هم", "هما")


def _back_reference(ws: Sequence[Word], tr: Trigger) -> bool:
    """A trigger that names an attack rather than reports it: a definite or pronoun-suffixed noun
    (الهجوم، هجومها) or a verbal noun in construct with a definite word (هجوم حماس، مقتل الطفل)."""
    norm = ws[tr.first].norm
    definite = "ال" in tr.prefix or any(p.endswith(("ال", "لل")) for _, p in stem_candidates(norm))
    if definite or (len(norm) > 5 and norm.endswith(_PRONOUN_END)):
        # (قامت مجموعات بالهجوم على: the light verb that governs it reports it)
        return not light_governed(ws, tr.first, tr.prefix)
    last = ws[tr.last].norm
    if last.endswith("ا") and not last.endswith(("ها", "نا", "وا", "اا")):
        return False  # the accusative tanwin is indefinite, never in construct (هجوما روسيا)
    nxt = tr.last + 1
    if nxt < len(ws) and (
        (ws[nxt].norm.startswith("ال") and not _adjective(ws[nxt].norm))
        or any(actor_rules()[k].kind in ("group", "name") for k in actor_hits(ws[nxt].norm))
    ):
        return any(
            r.label == tr.rule.category and part_matches(r.pattern, norm) for r in referential()
        ) and not light_governed(ws, tr.first, tr.prefix)
    return False


def _adjective(norm: str) -> bool:
    """A nisba adjective (الإرهابي، الإسرائيلية، الجوية) rather than a genitive noun."""
    return norm.endswith(("ي", "ية", "يه", "يين", "يون"))


def _has_evidence(
    ws: Sequence[Word], tr: Trigger, triggers: Sequence[Trigger], casualties: bool
) -> bool:
    """Whether the sentence reports the event rather than only referring to it."""
    if casualties:
        return True
    for other in triggers:
        if (
            other is not tr
            and other.rule.category == tr.rule.category
            and other.rule.strong
            and not _back_reference(ws, other)
        ):
            return True
    rows = evidence()
    for k, w in enumerate(ws):
        if tr.first <= k <= tr.last:
            continue
        if any(rows[i].label == tr.rule.category for i in _row_hits(evidence, w.norm)):
            return True
    return False


# Weapon modes that a nearby cue may refine (قصف + مسيّرة -> drone); other lexicon modes
# (abduct, targeted, torture ...) say what happened and are kept.
_REFINABLE = frozenset({None, "heavy-weapons", "aerial", "explosives", "firearms", "strike"})


def _mode(ws: Sequence[Word], tr: Trigger) -> str | None:
    if tr.rule.mode not in _REFINABLE:
        return tr.rule.mode
    rows = mode_cues()
    best = len(rows)
    cat = tr.rule.category
    w = _max_window(mode_cues)
    for k in range(max(0, tr.first - w), min(len(ws), tr.last + w + 1)):
        if tr.first <= k <= tr.last and tr.rule.mode is not None:
            continue
        for i in _row_hits(mode_cues, ws[k].norm):
            if i >= best:
                break
            rule = rows[i]
            if rule.label != cat or k < tr.first - rule.window or k > tr.last + rule.window:
                continue
            best = i
            break
    return rows[best].extra if best < len(rows) else tr.rule.mode


def _held_thing(category: str, recipients: Sequence[Mention]) -> str | None:
    """The mode of a ``mode_cues.tsv`` row of window 0 that the first word of every recipient
    phrase matches (احتجزت البحرية ناقلة نفط: a seizure), or None."""
    rows = mode_cues()
    modes = set()
    for m in recipients:
        words = m.text.split(maxsplit=1)
        hit = next(
            (
                rows[i].extra
                for i in (_row_hits(mode_cues, norm_word(words[0])) if words else ())
                if rows[i].window == 0 and rows[i].label == category
            ),
            None,
        )
        if hit is None:
            return None
        modes.add(hit)
    return modes.pop() if len(modes) == 1 else None


# agentive classes (agentive.tsv) of a phrase's head that name a person by office, and those
# that a criticism may address besides persons: an office, a government, a state, a party
_PERSON_CLASSES = frozenset({"official"})
_ADDRESSEE_CLASSES = frozenset({"official", "institution", "state", "group"})


def _head_class(m: Mention) -> str | None:
    """The agentive class of a phrase's first word."""
    return agentive_class(norm_word(m.text.split(maxsplit=1)[0])) if m.text.strip() else None


def _said_or_made(m: Mention, words: re.Pattern[str] | None) -> bool:
    """Whether a phrase is headed by one of the words of the row's other sense (``not_next``:
    a statement, a policy, a film or a book), what words attack (هاجم الناقد الفيلم الجديد)."""
    head = m.text.split(maxsplit=1)[0] if m.text.strip() else ""
    return words is not None and bool(head) and part_matches(words, norm_word(head))


def _verbal_attack(
    ws: Sequence[Word], tr: Trigger, roles: Roles, triggers: Sequence[Trigger], casualties: bool
) -> bool:
    """Whether a verb that also reports words (``triggers.tsv`` form ``verbal``: هاجم) reports
    words here: a person (a name or an office) attacks a person, an office, a government or a
    party, and nothing in the sentence is violent (no weapon, casualty, other attack report or
    report word of ``evidence.tsv``).
    «هاجمت النائبة رئيس الحكومة بسبب الأسعار» is criticism; «هاجم مسلحون حافلة» and «هاجم
    أرناط قافلة» are attacks (the actor, the target)."""
    if not tr.rule.verbal:
        return False
    if not roles.actor or not roles.recipient:
        return False
    if not all(a.label == "PER" or _head_class(a) in _PERSON_CLASSES for a in roles.actor):
        return False
    if not all(
        r.label in ("PER", "ORG")
        or _head_class(r) in _ADDRESSEE_CLASSES
        or _said_or_made(r, tr.rule.not_next)
        for r in roles.recipient
    ):
        return False
    return not (_mode(ws, tr) or _has_evidence(ws, tr, triggers, casualties))


_FALLBACK_BREAKS = ".!?؟\n"
# Categories whose back-referring nouns need report evidence (see data/evidence.tsv).
_NEEDS_EVIDENCE = frozenset({"ASSAULT", "PROTEST"})
_TOLL = 1000
_MAX_WORDS = 300
# Blocker reasons (blockers.tsv) that the model weighs instead of dropping the candidate: those
# under which labelled candidates were real events often enough (15% or more of the blocked
# ASSAULT candidates of the training sentences: background, a relative clause, a
# characterisation, a threat, a toll, sport words); the other reasons (a condemnation, a request,
# an accident, a court sentence, cyber, civil or verbal senses...) and a back-reference without
# report evidence (3-6% real) drop the candidate.
_SOFT_BLOCKS = frozenset({"background", "relative", "characterise", "threat", "toll", "sport"})
_SOFT_RULES = True
# Weak triggers beside a strong one of their category (قتل beside هجوم) are candidates too: the
# gold standard's coders mark the killing verb, the head of the sentence's predicate, as the
# event's trigger more often than the attack noun of its adverbial (في هجوم), while web news
# annotated like the seeds marks the attack; the model weighs them (features ``beside_strong``,
# ``shape``), the lexicon does not decide. Only ASSAULT: the gold standard's PROTEST coders show
# no such habit, and keeping weak PROTEST triggers lowered PROTEST F1 (training/events/runs.md).
_KEEP_WEAK = frozenset({"ASSAULT"})
_COREF_SENTENCES = 6
# Categories whose definite mentions (الاتفاق، المحادثات، المكالمة، الاجتماع، الهدنة،
# الاعتقالات، الإفراج) name an event the text reported before, as the attack and protest nouns
# do: one meeting, call, agreement, truce, arrest or release an article goes on about (of
# coercion only arrests, see _chunk_events). Not the others: السيطرة، الشكر، الطلب are as often
# another instance or no event (السيطرة على مدينة أخرى، الشكر لله، الطلب على اليورو).
_LINKED = frozenset({"CONSULT", "AGREE", "CONCEDE", "COERCE", "RETREAT", "ACCUSE"})
# categories whose rows list a verb with its verbal noun (اعتقل، اعتقال): a noun after the verb
# names the act the verb reported
_VERB_NOUN = frozenset({"COERCE", "RETREAT", "ACCUSE"})
# the categories whose asserted events are noted as antecedents of later mentions
_RECORDED = _NEEDS_EVIDENCE | _LINKED


def sentence_spans(text: str) -> tuple[tuple[Span, datetime.date | None], ...]:
    """Sentences of *text* with the date of their dateline, if any.

    Uses :func:`arabnews.sentences.split_sentences` when that module is available, else a simple
    splitter on ``. ! ? ؟`` and line breaks.
    """
    try:
        from arabnews.sentences import split_sentences
    except ImportError:  # the splitter is optional for this stage
        return _fallback_sentences(text)
    return sentence_dates(split_sentences(text))


def sentence_dates(sentences: Sequence[Any]) -> tuple[tuple[Span, datetime.date | None], ...]:
    """``(span, date of its dateline)`` of already split sentences (anything with ``start``,
    ``end`` and, optionally, a ``dateline`` as :class:`arabnews.sentences.Sentence` has).

    The span of a sentence that opens with its dateline begins after it: the place, the date
    and the agency of «الرباط (رويترز) -» are no party of the sentence's events."""
    out = []
    for s in sentences:
        d = None
        start = s.start
        dl = getattr(s, "dateline", None)
        if dl is not None:
            if getattr(dl, "date_text", None):
                d = parse_date(dl.date_text)
            body = getattr(s, "text", "")[dl.end - s.start :]
            if s.start <= dl.start and body.strip():
                start = dl.end + len(body) - len(body.lstrip())
        out.append((Span(start, s.end), d))
    return tuple(out)


def _fallback_sentences(text: str) -> tuple[tuple[Span, datetime.date | None], ...]:
    spans: list[tuple[Span, datetime.date | None]] = []
    start = 0
    n = len(text)
    i = 0
    while i <= n:
        if i == n or text[i] in _FALLBACK_BREAKS:
            j = i + 1 if i < n and text[i] != "\n" else i
            s, e = start, min(j, n)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((Span(s, e), None))
            start = i + 1
        i += 1
    return tuple(spans)


# marks that part the stretches of a sentence (a time past one dates another stretch)
_PUNCTUATION = "،,؛;.:"


def _dated_elsewhere(
    text: str, time: TimeExpression, ws: Sequence[Word], tr: Trigger, triggers: Sequence[Trigger]
) -> bool:
    """Whether a time that names a year is not the time of *tr*: a year after the trigger
    belongs to a trigger between them (اعتقلت الشرطة 15 شخصا في التحقيقات في محاولة الانقلاب
    الفاشلة عام 2016: the coup's year, not the arrests'), and one before it to another clause
    when punctuation parts them (اغتيل الحريري في انفجار عام 2005، وأدانت المحكمة لاحقا). A
    year that opens the clause dates it all (شهد العراق عام 2003 غزوا أطاح بنظام صدام), and a
    word such as أمس or اليوم is the clause's whatever stands between."""
    if not names_year(time):
        return False
    first, last = ws[tr.first], ws[tr.last]
    if time.start >= last.end:
        # (or to the phrase of time order that names it: رحبت المفوضية بإعادة فتح المكاتب بعد
        # إغلاقها عام 2022)
        return any(
            last.end <= ws[t.first].start and ws[t.last].end <= time.start
            for t in triggers
            if t is not tr
        ) or any(
            _order_word(ws, k)
            for k in range(tr.last + 1, len(ws) - 1)
            if ws[k + 1].start <= time.start
        )
    return any(c in _PUNCTUATION for c in text[time.end : first.start])


# prepositions of time order (بعد احتجاز دام عامين، عقب احتجاجات واسعة، قبل وصولها): what they
# govern happened before or after the event of their clause, not at its time
_ORDER_PREPOSITIONS = wordset("بعد عقب قبل")
_ORDER_REACH = 6  # words from such a preposition to a trigger it governs


def _order_phrase(text: str, ws: Sequence[Word], i: int) -> int | None:
    """Index of the preposition of time order whose phrase holds ``ws[i]`` (the phrase runs to
    the next punctuation mark or clause), or None. A preposition before a word of time opens
    a time, not a phrase of another event (بعد ظهر أمس، بعد يومين); one before a unit and من
    (بعد أشهر من منع دخولها) does."""
    for k in range(i - 1, max(-1, i - 1 - _ORDER_REACH), -1):
        nxt = ws[k + 1]
        if any(c in _PUNCTUATION for c in text[ws[k].end : nxt.start]):
            return None
        if nxt.norm[:1] in ("و", "ف") and k + 1 < i and finite_verb(nxt):
            return None  # (a verb in و opens a clause of its own)
        if _order_word(ws, k):
            return k
    return None


_DEMONSTRATIVES = wordset("ذلك هذا ذاك هذه تلك")


def _order_word(ws: Sequence[Word], k: int) -> bool:
    """Whether ``ws[k]`` is a preposition of time order that opens the phrase of another
    event: not ``من قبل`` (by), nor before a demonstrative (بعد ذلك: afterwards) or a word of
    time (بعد ظهر أمس، بعد يومين: a time), except a unit before من (بعد أشهر من منع دخولها)."""
    if bare(ws[k].norm) not in _ORDER_PREPOSITIONS or k + 1 >= len(ws):
        return False
    if k > 0 and ws[k].norm == "قبل" and bare(ws[k - 1].norm) == "من":
        return False
    nxt = ws[k + 1].norm
    if nxt in _DEMONSTRATIVES:
        return False
    return not time_word(nxt) or (k + 2 < len(ws) and ws[k + 2].norm == "من")


def _in_frame(
    text: str, ws: Sequence[Word], tr: Trigger, time: TimeExpression, k: int | None
) -> bool:
    """Whether *time* may date a trigger whose phrase of time order begins at ``ws[k]``
    (:func:`_order_phrase`; None: no such phrase): inside one, only a time named in that phrase
    does (أفرجت السلطات أمس عن الباحثة بعد احتجاز دام عامين: the detention is not
    yesterday's)."""
    if k is None:
        return True
    end = ws[tr.last].end
    return time.start >= ws[k].start and (
        time.start < end or not any(c in _PUNCTUATION for c in text[end : time.start])
    )


def _event_time(
    text: str,
    times: Sequence[TimeExpression],
    ws: Sequence[Word],
    tr: Trigger,
    triggers: Sequence[Trigger],
    *,
    tstart: int,
) -> TimeExpression | None:
    """The time of a trigger among the times of its sentence: none from outside its phrase of
    time order (:func:`_in_frame`), no year of another trigger (:func:`_dated_elsewhere`) and no
    span that ``منذ`` gives a state named after it (:func:`_state_since`); of the others, the
    nearest in the trigger's own stretch between punctuation marks, else the nearest."""
    k = _order_phrase(text, ws, tr.first)
    ok = [
        x
        for x in times
        if _in_frame(text, ws, tr, x, k)
        and not _state_since(ws, tr, x)
        and not (names_year(x) and _dated_elsewhere(text, x, ws, tr, triggers))
    ]
    near = _nearest(ok, tstart)
    lo, hi = ws[tr.first].start, ws[tr.last].end
    if near is None or near.start > lo or _opens_sentence(ws, near):
        return near
    # a time before the trigger past punctuation, not the one that opens the sentence (وفي 1
    # يوليو، قدم استقالته): one of the trigger's own stretch comes first (رحّل 400 مهاجر خلال
    # الأسبوع الماضي، في إطار اتفاق الشراكة الموقع في مارس 2024)
    same = [
        x for x in ok if not any(c in _PUNCTUATION for c in text[min(hi, x.end) : max(lo, x.start)])
    ]
    return _nearest(same, tstart) if same else near


def _opens_sentence(ws: Sequence[Word], time: TimeExpression) -> bool:
    """Whether only function words stand before *time* in its sentence (وفي 1 يوليو، ...)."""
    return all(function_word(w.norm) for w in ws if w.end <= time.start)


def _state_since(ws: Sequence[Word], tr: Trigger, time: TimeExpression) -> bool:
    """Whether *time* (``منذ`` ...) measures a state that a definite participle after the
    trigger names, not the trigger's own (أفرجت الجماعة عن طاقم السفينة المحتجزين منذ نوفمبر
    2023; but الحصار المفروض منذ 2007, right after the trigger, is the siege's)."""
    if not time.text.startswith("منذ") or time.start < ws[tr.last].end:
        return False
    j = bisect.bisect_right(ws, time.start, key=lambda w: w.end) - 1
    # (a participle in م after a noun it describes: not the object of a preposition, على
    # المدينة منذ أبريل, nor an adjective of another kind, الجبهة اليسارية منذ 1975)
    return (
        j > tr.last + 1 and bare(ws[j].norm).startswith("الم") and not function_word(ws[j - 1].norm)
    )


def _nearest(items: Sequence[TimeExpression], pos: int) -> TimeExpression | None:
    if not items:
        return None
    return min(items, key=lambda x: abs(x.start - pos))


def _chunks(
    text: str, span: Span, tokens: Sequence[Token] | None = None
) -> list[tuple[Span, tuple[Word, ...]]]:
    """The sentence's words, cut into pieces of at most ``_MAX_WORDS`` words.

    Per-sentence work (argument candidates, evidence, quantity owners) grows with the square of a
    sentence's length; a page without punctuation is one "sentence" of thousands of words, so it
    is read in bounded pieces to keep the extractor linear in the length of the text. *tokens*:
    the sentence's tokens, when the caller has them (the words are derived from them).
    """
    ws = (
        words(text, span.start, span.end)
        if tokens is None
        else words_from_tokens(text, tokens, span.start, span.end)
    )
    if len(ws) <= _MAX_WORDS:
        return [(span, ws)]
    out = []
    for i in range(0, len(ws), _MAX_WORDS):
        part = ws[i : i + _MAX_WORDS]
        out.append((Span(part[0].start, part[-1].end), part))
    return out


def _in_quote(text: str, start: int, pos: int) -> bool:
    """Whether *pos* is inside an open quotation (``«`` or ``"``) begun after *start*."""
    seg = text[start:pos]
    return (
        seg.count("«") > seg.count("»")
        or seg.count('"') % 2 == 1
        or (seg.count("“") > seg.count("”"))
    )


def _name_part(ws: Sequence[Word], tr: Trigger) -> bool:
    """Whether the trigger is a word of a name, a title or a fixed expression (fixed.tsv)."""
    norm = ws[tr.first].norm
    kinds = _fixed_kinds(norm)
    if "word" in kinds:
        return True
    if (
        "named" in kinds
        and tr.first == tr.last
        and tr.last + 1 < len(ws)
        and "ال" not in tr.prefix
        and not norm.startswith("ال")
        and definite(ws[tr.last + 1].norm)
    ):
        return True  # اتفاقية التجارة الحرة: a treaty named, not an agreement reached
    return (
        tr.first > 0
        and _fixed_head(ws[tr.first - 1].norm)
        and not definite(ws[tr.first - 1].norm)  # construct state: an indefinite head
        and (norm.startswith("ال") or "ال" in tr.prefix or _indefinite_compound(ws, tr))
    )


@functools.lru_cache(maxsize=100_000)
def _fixed_kinds(norm: str) -> frozenset[str]:
    """The kinds (``word``, ``named``) of the fixed.tsv rows that normalised *norm* matches."""
    return frozenset(
        r.label
        for r in fixed_expressions()
        if r.label in ("word", "named") and part_matches(r.pattern, norm)
    )


@functools.lru_cache(maxsize=100_000)
def _fixed_head(norm: str) -> bool:
    """Whether *norm* is a head noun of fixed.tsv, without a pronoun (قوات الدعم، مركز احتجاز)."""
    return any(
        r.label == "head" and construct_matches(r.pattern, norm) for r in fixed_expressions()
    )


# the shapes of a singular noun (a verb, a plural or an ambiguous bare word is not taken)
_SINGULAR_NOUN_SHAPES = frozenset({"mim_noun", "fem_noun", "verbal_noun"})


def _indefinite_compound(ws: Sequence[Word], tr: Trigger) -> bool:
    """A singular verbal noun, indefinite and in the genitive, after an indefinite head noun
    (مركز احتجاز، معسكر اعتقال، جبهة تحرير): a compound that names a thing, as the definite one
    names an institution. Not after a verb that a head's pattern also reads (قادت مظاهرة: she
    led, not leaders), nor an accusative (حزب، احتجاجا: no genitive ends in its tanwin)."""
    w, head = ws[tr.first].norm, ws[tr.first - 1].norm
    return (
        not tr.prefix
        and tr.first == tr.last
        and not head.endswith("ت")
        and not w.endswith(("ا", "ات", "هم", "هما"))  # (nor a plural, nor with a pronoun)
        and (
            word_shape(w, "") in _SINGULAR_NOUN_SHAPES
            # (or in construct with a definite noun: قائمة حظر السفر، لجنة تقصي الحقائق)
            or (tr.last + 1 < len(ws) and definite(ws[tr.last + 1].norm))
        )
    )


_COGNATE_GAP = 12  # (a verb's subject, object and time between it and في + its noun)
_ACCUSATIVE_GAP = 10  # words between a verb and its own verbal noun in the accusative
_CLAUSE_OPENERS = wordset("ان لان لكن انه انها انهم اننا لانه لانها")  # (فإن، وإن: و/ف bare)


# blocker reasons (blockers.tsv) of an act that has not taken place
_UNREAL_BLOCKS = frozenset({"threat", "request", "prevent"})


def _restates(ws: Sequence[Word], tr: Trigger, triggers: Sequence[Trigger]) -> bool:
    """Whether *tr* is an indefinite accusative verbal noun that restates a trigger of its
    category a few words before (تظاهر آلاف الطلاب في بلغراد احتجاجا على الفساد، دعا إلى
    التظاهر ... احتجاجا على): the manner or the purpose of that event, not an event of its own."""
    if tr.first > 0 and bare(ws[tr.first - 1].norm) == "في" and not tr.prefix:
        # زار الرئيس القاهرة في زيارة رسمية، من المقرر أن يزور ... في زيارة دولة: the same
        # word's row before it in its clause; the visit is the verb's, in the verb's mode
        breaks = _clause_breaks(ws)
        return any(
            other.rule is tr.rule
            and other.last < tr.first <= other.last + _COGNATE_GAP
            and not any(breaks[other.last + 1 : tr.first + 1])
            # (nor past punctuation: غزا بغداد، وساعد في غزو دمشق is another conquest)
            and all(ws[k].start - ws[k - 1].end == 1 for k in range(other.last + 1, tr.first + 1))
            and not any(finite_verb(x) for x in ws[other.last + 1 : tr.first])
            for other in triggers
        )
    if _aim_of_protest(ws, tr, triggers):
        return True
    if not (_accusative_verbal_noun(ws, tr) or _motive_noun(ws, tr)):
        return False
    breaks = _clause_breaks(ws)
    for other in triggers:
        if other.first >= tr.first:
            break
        if (
            (
                other.rule.category == tr.rule.category
                or (tr.rule.category == "PROTEST" and other.rule.category in _PROTESTED_WITH)
                # (a protest's motive: إضراب عن الطعام رفضا لاعتقاله، تظاهروا تنديدا بالقرار)
                or (tr.rule.category in _PROTEST_MOTIVES and other.rule.category == "PROTEST")
            )
            and tr.first - other.last <= _ACCUSATIVE_GAP
            and not any(breaks[other.last + 1 : tr.first + 1])
            # (not the object of another verb or clause: لهجوم على إيران، فإننا نتوقع هجوما)
            and not any(
                finite_verb(x) or bare(x.norm) in _CLAUSE_OPENERS
                for x in ws[other.last + 1 : tr.first]
            )
        ):
            return True
    # a motive put first (احتجاجا على القرار، استدعت الجزائر سفيرها): the act of its sentence
    return (
        tr.rule.category == "PROTEST"
        and tr.first == 0
        and any(
            o.first > tr.first
            and o.rule.category in _PROTESTED_WITH
            and o.first - tr.last <= _ACCUSATIVE_GAP
            and not any(breaks[tr.last + 1 : o.first])
            for o in triggers
        )
    )


# what a protest is held for, after ل (خرج المحتجون للتنديد بالغلاء، اعتصموا للاحتجاج على
# القرار): the protest's aim, not an act of its own. A demand stays one (تظاهروا للمطالبة
# بالإفراج عن المعتقلين: the protesters ask something of someone, a REQUEST)
_PROTEST_AIMS = frozenset({"ACCUSE", "PROTEST"})
# categories of an accusative verbal noun that gives a protest's motive (رفضا، تنديدا، استنكارا)
_PROTEST_MOTIVES = frozenset({"REJECT", "ACCUSE"})
# nouns of answering, after which ل names what was answered, no aim (تلبية لدعوة، استجابة لنداء)
_ANSWERING = wordset("تلبية استجابة")


def _aim_of_protest(ws: Sequence[Word], tr: Trigger, triggers: Sequence[Trigger]) -> bool:
    """Whether *tr* is a verbal noun after the purpose ل (no article) that a protest trigger
    before it in its clause is held for."""
    head = tr.prefix[:-2] if tr.prefix.endswith("ال") else tr.prefix
    if tr.rule.category not in _PROTEST_AIMS or "ل" not in head or "ال" in tr.prefix:
        return False
    if tr.first > 0 and bare(ws[tr.first - 1].norm) in _ANSWERING:
        return False  # (تظاهروا تلبية لدعوة المعارضة: the call they answered was made)
    breaks = _clause_breaks(ws)
    return any(
        other.rule.category == "PROTEST"
        and other.last < tr.first
        and tr.first - other.last <= _ACCUSATIVE_GAP
        and not any(breaks[other.last + 1 : tr.first + 1])
        and not any(
            finite_verb(x) or bare(x.norm) in _CLAUSE_OPENERS for x in ws[other.last + 1 : tr.first]
        )
        for other in triggers
    )


# acts of a state or an office done "in protest" (طردت السفير احتجاجا على ...، استدعت سفيرها
# احتجاجا): the accusative احتجاجا after them is their motive, no demonstration (a resignation
# or a walk-out in protest, RETREAT, is one: the labels count it)
_PROTESTED_WITH = frozenset({"SANCTION", "REJECT", "ACCUSE", "CONSULT", "REQUEST"})


def _motive_noun(ws: Sequence[Word], tr: Trigger) -> bool:
    """Whether *tr* is a short accusative verbal noun of a motive before the ل or ب of what
    it is about (رفضا لاعتقاله، تنديدا بالقرار): too short for :func:`_accusative_verbal_noun`,
    which leaves out the dual verbs that end the same way (رفضا المقترح)."""
    w = ws[tr.first]
    return (
        tr.rule.category in _PROTEST_MOTIVES
        and tr.prefix in ("", "و")  # (تضامنا مع غزة ورفضا للضربات: one of two motives)
        and tr.first == tr.last
        and tr.last + 1 < len(ws)
        and w.norm.endswith("ا")
        and ws[tr.last + 1].norm[:1] in ("ل", "ب")
        and any(
            trigger_rules()[i].category == tr.rule.category and not p
            for i, p in match_first(w.norm[len(tr.prefix) : -1])
        )
    )


def _accusative_verbal_noun(ws: Sequence[Word], tr: Trigger) -> bool:
    """Whether *tr* is one indefinite verbal noun in the accusative (احتجاجا، هجوما) with no
    proclitic, of a lexicon stem of its own category."""
    w = ws[tr.first]
    if (
        tr.prefix
        or tr.first != tr.last
        or not w.norm.endswith("ا")
        or w.norm.endswith("ها")  # (معاركها، احتلها: a pronoun)
        or len(w.norm) < 5
    ):
        return False
    stem = w.norm[:-1]
    # (اتفقا، استهدفا: a dual verb; only a verbal noun whose ا is the case's)
    return word_shape(stem, "") == "verbal_noun" and any(
        trigger_rules()[i].category == tr.rule.category and not p for i, p in match_first(stem)
    )


def extract_from_sentences(
    text: str,
    sentences: Sequence[tuple[Span, datetime.date | None]],
    entities: Sequence[Entity],
    published: datetime.date | str | None,
    *,
    use_names: bool,
    threshold: float | Mapping[str, float] | None = 0.0,
    features: list[list[str]] | None = None,
    model: EventModel | None = None,
    tokens: Sequence[Sequence[Token]] | None = None,
) -> tuple[Event, ...]:
    """Events of *text*, sentence by sentence (the body of :func:`extract_events`).

    *tokens*, when given, are the tokens of each sentence (one sequence per sentence, as
    :func:`arabnews.tokens.tokens_by_span` groups them); the words are derived from them
    instead of being read from the text again.

    Every candidate gets a score from :mod:`arabnews.events.classifier`; those scoring below
    *threshold* are left out (``0.0`` keeps every candidate the lexicon and the rules allow).
    ``None`` uses the model's threshold of each category, a mapping sets some categories' (the
    others keep the model's). When *features* is a list, the
    feature list of each returned event is appended to it, in the same order, and *model* may
    replace the shipped one (for training, see ``training/events``).
    """
    events: list[Event] = []
    ents = sorted(entities, key=lambda e: (e.start, e.end))
    starts = [e.start for e in ents]
    model = event_model() if model is None else model
    pub = parse_published(published)
    recent: dict[str, tuple[int, Event]] = {}
    # category -> number of the last piece with an asserted event of it, and that event: the
    # antecedent a later back-reference (الهجوم، الاحتجاجات) names
    reported: dict[str, tuple[int, Event]] = {}
    n_sent = -1
    previous: tuple[Span, tuple[Word, ...]] | None = None  # for dropped subjects
    known: dict[int, tuple[Candidate, ...]] = {}  # argument candidates by piece start
    if tokens is not None and len(tokens) != len(sentences):
        raise ValueError("tokens must hold one sequence per sentence")
    surnames = _surnames(ents)
    for k, (sent_span, dl_date) in enumerate(sentences):
        if pub is None and dl_date is not None:
            pub = dl_date
        for span, ws in _chunks(text, sent_span, None if tokens is None else tokens[k]):
            n_sent += 1
            if ws:
                events.extend(
                    _chunk_events(
                        text,
                        (span, ws, n_sent),
                        (ents, starts),
                        recent,
                        model,
                        pub=pub,
                        use_names=use_names,
                        threshold=threshold,
                        features=features,
                        previous=previous,
                        known=known,
                        reported=reported,
                        surnames=surnames,
                    )
                )
                previous = (span, ws)
                # only the previous piece's candidates can be asked for again (_carried)
                known = {span.start: known[span.start]} if span.start in known else {}
    return tuple(events)


@functools.lru_cache(maxsize=10_000)
def _asks(norm: str) -> bool:
    """Whether a word is a trigger of a request (دعا، طالب، المطالبة، مناشدة: REQUEST rows)."""
    rules = trigger_rules()
    return any(rules[i].category == "REQUEST" for i, _ in match_first(norm))


def _surnames(entities: Sequence[Entity]) -> frozenset[str]:
    """The last words of the names of the persons among *entities* that have two words or more
    (فؤاد شكر -> شكر): a later mention by the surname alone is the person, whatever else the
    word means (شكر: thanks)."""
    return frozenset(
        parts[-1] for e in entities if e.label == "PER" and len(parts := e.text.split()) > 1
    )


def _chunk_events(
    text: str,
    piece: tuple[Span, tuple[Word, ...], int],
    entity_index: tuple[Sequence[Entity], Sequence[int]],
    recent: dict[str, tuple[int, Event]],
    model: EventModel,
    *,
    pub: datetime.date | None,
    use_names: bool,
    threshold: float | Mapping[str, float] | None,
    features: list[list[str]] | None,
    previous: tuple[Span, tuple[Word, ...]] | None = None,
    known: dict[int, tuple[Candidate, ...]] | None = None,
    reported: dict[str, tuple[int, Event]] | None = None,
    surnames: frozenset[str] = frozenset(),
) -> list[Event]:
    """Events of one sentence (or piece of a long one): ``piece`` is (span, words, number).

    *previous* (span and words of the sentence before) gives a clause-initial verb its dropped
    subject (:func:`arabnews.events.arguments.carry_subject`). *reported* maps a category to
    the last piece that reported an asserted event of it and that event (updated here): a
    back-reference within ``_COREF_SENTENCES`` pieces of it names that event. *surnames*: the
    last words of the text's persons' names (:func:`_surnames`), no trigger where they stand
    alone.
    """
    span, ws, n_sent = piece
    ents, starts = entity_index
    triggers = [
        t
        for t in find_triggers(ws, keep_blocked=_SOFT_RULES, keep_weak=_KEEP_WEAK)
        if t.blocked is None or t.blocked in _SOFT_BLOCKS
    ]
    if not triggers:
        return []
    # Entities starting inside the sentence, found by bisection (no scan of the whole list).
    lo, hi = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
    sent_ents = list(ents[lo:hi])
    ent_spans = [(e.start, e.end) for e in sent_ents]
    triggers = [
        tr
        for tr in triggers
        if not _name_part(ws, tr)
        and not any(a < ws[tr.last].end and ws[tr.first].start < b for a, b in ent_spans)
        # (مقتل شكر after فؤاد شكر: a person of the text named again by his surname)
        and not (tr.first == tr.last and tr.first > 0 and ws[tr.first].text in surnames)
    ]
    # (kept among the triggers: the model's features count the sentence's other candidates, as
    # in its training data; only no event of their own is reported)
    restated = {id(tr) for tr in triggers if _restates(ws, tr, triggers)} | _objects(ws, triggers)
    if not triggers:
        return []
    arg_cands: list[tuple[Candidate, ...]] = []  # argument candidates, found when first needed
    quants = [
        q  # a number inside a name (حركة إم 23، مجموعة العشرين) counts nothing
        for q in find_quantities(text, span.start, span.end, ws=ws)
        if not any(a <= q.start < b for a, b in ent_spans)
    ]
    casualties = any(q.kind in ("killed", "injured") for q in quants)
    unsupported: set[int] = set()
    backrefs: dict[int, bool] = {}  # _back_reference of each trigger, computed once
    # the antecedent of each back-reference to an attack or protest, looked up once, before
    # this piece's own events are noted
    antes: dict[int, Event] = {}
    for tr in triggers:
        if tr.rule.category in _NEEDS_EVIDENCE:
            backrefs[id(tr)] = _back_reference(ws, tr)
            # (a mention feared, threatened, asked for or prevented names no report: خشية تجدد
            # القصف، توعدت بشن مزيد من الهجمات; بعد انتهاء المعركة still names the battle)
            if backrefs[id(tr)] and tr.blocked not in _UNREAL_BLOCKS:
                ante = _antecedent(reported, tr.rule.category, n_sent)
                if ante is not None:
                    antes[id(tr)] = ante
        if (
            tr.rule.category in _NEEDS_EVIDENCE
            and (backrefs[id(tr)] or (not tr.rule.strong and tr.rule.category == "PROTEST"))
            and id(tr) not in antes
            and not _has_evidence(ws, tr, triggers, casualties)
        ):
            unsupported.add(id(tr))
    toll = any(q.value >= _TOLL for q in quants)
    if toll:
        # A count in the thousands with only casualty words is a running toll, not a report.
        unsupported.update(
            id(t) for t in triggers if not t.rule.strong and t.rule.category == "ASSAULT"
        )
    triggers = [t for t in triggers if id(t) not in unsupported]
    if not triggers:
        return []
    ent_starts = {a for a, _ in ent_spans}
    ent_ends = {b for _, b in ent_spans}
    # the words of a person's or an organisation's name after its first: a name is one word of
    # a modality cue's window (a verb's subject stands between it and the trigger)
    inner: list[bool] | None = None
    for e in sent_ents:
        if e.label in ("PER", "ORG"):
            if inner is None:
                inner = [False] * len(ws)
                word_starts = [w.start for w in ws]
            k = bisect.bisect_right(word_starts, e.start)
            while k < len(ws) and ws[k].start < e.end:
                inner[k] = True
                k += 1

    stems = sentence_stems(ws)  # (for the features of every candidate of the sentence)

    def feats_of(
        tr: Trigger, modality: str, has_time: bool, backref: bool, *, mode: str | None, tstart: int
    ) -> list[str]:
        return candidate_features(
            ws,
            tr.first,
            tr.last,
            category=tr.rule.category,
            mode=mode,
            prefix=tr.prefix,
            strong=tr.rule.strong,
            modality=modality,
            back_reference=backref,
            evidence=backref and (id(tr) in antes or _has_evidence(ws, tr, triggers, casualties)),
            casualties=casualties,
            toll=toll,
            has_time=has_time,
            roles=None,
            entity_next=tr.last + 1 < len(ws) and ws[tr.last + 1].start in ent_starts,
            entity_prev=tr.first > 0 and ws[tr.first - 1].end in ent_ends,
            in_quote=_in_quote(text, span.start, tstart),
            blocked=tr.blocked,
            unsupported=False,
            other_categories=[t.rule.category for t in triggers if t is not tr],
            same_category_others=sum(
                1 for t in triggers if t is not tr and t.rule.category == tr.rule.category
            ),
            beside_strong=tr.beside_strong,
            expand=False,
            stems=stems,
        )

    times = find_times(text, span.start, span.end, published=pub)
    q_owner: dict[int, list[Quantity]] = {}
    # Each quantity goes to its nearest trigger, the killing verbs kept beside an attack word
    # (``beside_strong``) aside: they report the same casualties and share the casualty counts,
    # so that the attack keeps the counts it would have without them.
    # A quantity counts for a trigger of its own clause: none across بينما / فيما, which open
    # a clause of another fact («حصار المدينة، فيما فر 50 ألف مدني»).
    primary = [j for j, t in enumerate(triggers) if not t.beside_strong]
    shared = [j for j, t in enumerate(triggers) if t.beside_strong]
    starts = [ws[triggers[j].first].start for j in primary]
    chunk = text[span.start : span.end]
    # the words that open a coordinated clause after a comma (، واتهم), in order
    verb_clauses = _coordinated_verbs(text, ws) if "،" in chunk or "," in chunk else []
    # with a killing verb beside an attack word, every ASSAULT candidate is built, the pairs made
    # (one report per attack, see _one_report), then the threshold applied: the pairing does
    # not depend on the threshold, so a higher one keeps a subset.
    # An attack verb right after an attack noun, as its relative clause (قصف صاروخي استهدف
    # حيا، الهجوم الذي استهدف الموكب), restates that attack: paired with it as a killing verb
    # beside it is (both mentions returned, linked); so is a killing word beside another
    # attack trigger that a blocker the model weighs kept from being marked beside it (قتل
    # شخصان في انفجار سيارة مفخخة قرب ملعب)
    # (and a condemnation or praise coordinated with one before it restates it: إدانة الهجوم
    # واستنكاره، أدانت قطر واستنكرت: one statement, both mentions returned, linked)
    restating = {
        id(t)
        for t in triggers
        if _restating_verb(ws, t, triggers)
        or _casualty_beside(ws, t, triggers, verb_clauses)
        or _coordinated_statement(ws, t, triggers)
    }
    pairing = features is None and any(t.beside_strong or id(t) in restating for t in triggers)
    # the categories whose candidates are all built before the threshold when pairing
    paired = {t.rule.category for t in triggers if t.beside_strong or id(t) in restating}
    # the word indexes of the clause breaks (بينما، فيما، في حين), in order (clause numbers only
    # where a quantity has a trigger to choose among, or a killing verb an attack to pair with;
    # the triggers of one clause are a run of the sorted starts)
    break_at = (
        [k for k, b in enumerate(_clause_breaks(ws)) if b]
        if "نما" in chunk or "يما" in chunk or "حين" in chunk  # (a cheap test first)
        else []
    )
    breaks = [ws[k].start for k in break_at] if quants or pairing else []
    clauses = [bisect.bisect_right(breaks, p) for p in starts]
    went: dict[int, list[int]] = {}  # quantity start -> the triggers it went to
    for q in quants:
        if q.part_of is not None and q.part_of.start in went:
            # a part of a count goes with it (قتل عشرة بينهم ثلاثة أطفال في غارة)
            for j in went[q.part_of.start]:
                q_owner[j].append(q)
            continue
        owners = went.setdefault(q.start, [])
        if primary:
            c = bisect.bisect_right(breaks, q.start)
            lo, hi = bisect.bisect_left(clauses, c), bisect.bisect_right(clauses, c)
            k = bisect.bisect_left(starts, q.start, lo, hi)
            own = [i for i in (k - 1, k) if lo <= i < hi]
            if q.kind in ("killed", "injured"):
                # (a casualty count goes to the killing, not to its counted noun when that is
                # a trigger too: قتلت ما لا يقل عن خمسة محتجين counts the killed, no protest)
                own = [i for i in own if not q.start <= starts[i] < q.end] or own
                # (and to an attack only: ودعت المجتمع الدولي after «وقتل عشرات المدنيين»,
                # a killing no trigger reports, counts no one)
                own = [i for i in own if triggers[primary[i]].rule.category == "ASSAULT"]
            if q.kind == "prisoners":
                # (the arrested or released are the arrest's or the release's: اعتقلت الشرطة
                # 200 شخص خلال احتجاجات counts no protesters)
                own = [
                    i
                    for i in own
                    if triggers[primary[i]].rule.category in ("COERCE", "RETREAT")
                    and starts[i] < q.start
                ] or own
            if q.kind.startswith("duration"):
                # a prison term is the sentence's (قضت المحكمة بسجنه ثلاث سنوات بتهمة ...)
                terms = [
                    i for i in range(lo, hi) if triggers[primary[i]].rule.category == "SANCTION"
                ]
                own = terms or own
            if own:
                near = min(own, key=lambda i: abs(starts[i] - q.start))
                q_owner.setdefault(primary[near], []).append(q)
                owners.append(primary[near])
        if q.kind in ("killed", "injured") or not primary:
            qc = bisect.bisect_right(breaks, q.start)
            for j in shared:
                # (a killing verb counts the casualties of its own clause: مقتل أربعة ...، فيما
                # تمكنت القوات من قتل ثلاثة)
                if bisect.bisect_right(breaks, ws[triggers[j].first].start) == qc:
                    q_owner.setdefault(j, []).append(q)
                    owners.append(j)
    out: list[Event] = []
    held: list[_Held] = []  # pairing: the events with what _one_report needs
    left: list[tuple[int, int]] = []  # what a withdrawal leaves (انسحبت من الاتفاق النووي)
    trigger_starts = [ws[t.first].start for t in triggers]  # (sorted: triggers are)
    for k, tr in enumerate(triggers):
        if id(tr) in restated:
            continue
        first, last = ws[tr.first], ws[tr.last]
        tstart = first.start + _prefix_len(first, tr.prefix)
        trigger = Mention(tstart, last.end, text[tstart : last.end])
        if tr.rule.category == "AGREE" and any(a <= tstart < b for a, b in left):
            continue  # (the agreement a party leaves was made before: no agreement now)
        backref = backrefs[id(tr)] if id(tr) in backrefs else _back_reference(ws, tr)
        # (a cue of another fact's clause is not this one's: وكان التنظيم قد تبنى الهجوم، فيما
        # اعتقلت القوات خمسة أشخاص)
        clause = bisect.bisect_right(break_at, tr.first) - 1
        lower = break_at[clause] if clause >= 0 else 0
        # (nor one before a coordinated verb after a comma, which opens a clause of its own:
        # نفى مصدر أن تكون قواته قصفت السوق، واتهم الجيش بقصف الحي)
        joined = bisect.bisect_right(verb_clauses, tr.first) - 1
        if joined >= 0:
            lower = max(lower, verb_clauses[joined])
        modality, cue_i = modality_of(
            ws, tr.first, tr.prefix, lower=lower, inner=inner, category=tr.rule.category
        )
        if modality == "asserted":
            # a verbal noun that a verb in the future governs (ستعقد الحكومة اجتماعا، ستشن القوات
            # هجوما): what the verb will do is still to come
            k_future = (
                governing_future_verb(ws, tr.first, tr.prefix)
                if tr.prefix[:1] not in ("و", "ف")  # (a conjunct: وتحرير after جبل سنجار)
                else None
            )
            if k_future is not None and not any(a <= ws[k_future].start < b for a, b in ent_spans):
                modality, cue_i = "future", k_future
        time = _nearest(times, tstart)
        category, mode, future_of = tr.rule.category, _mode(ws, tr), None
        if modality == "asserted" and time is not None and is_future(time, pub):
            lo, hi = sorted((tstart, time.start))
            if (
                _past_tense(first.norm, tr.prefix)
                # (a call's or a demand's time to come is what it asks for: دعت الحركة إلى
                # النفير يوم الجمعة المقبل; a request to come has its own cue or prefix)
                or category == "REQUEST"
                or bisect.bisect_right(trigger_starts, lo) < bisect.bisect_left(trigger_starts, hi)
                or any(c in "،,؛;" for c in text[min(last.end, time.end) : max(tstart, time.start)])
            ):
                # a past-tense verb reports what happened; a trigger between the two is nearer
                # the time, and a comma between them parts two clauses: it is another clause's
                # (رفض البرلمان ...، ودعا إلى جلسة غدا؛ يزور المنطقة الأسبوع المقبل، بعد هجوم)
                time = None
            else:
                modality, cue_i = "future", None
        if modality == "future" and time is not None:
            time = forward(time, pub)  # (ستستأنف المفاوضات يوم الثلاثاء: the next Tuesday)
        base = feats_of(tr, modality, time is not None, backref, mode=mode, tstart=tstart)
        # (after the features, which were fitted on the nearest time, whoever's)
        if time is not None:
            dated = _event_time(text, times, ws, tr, triggers, tstart=tstart)
            if dated is not None and dated.start != time.start and modality == "future":
                dated = forward(dated, pub)
            time = dated if dated is None or dated.start != time.start else time
        cut = real_cut = _threshold_of(threshold, model, category)
        if pairing and category in paired:
            cut = 0.0
        logit = model.base_logit(category, base)
        # a mention of an attack or protest the text reported is as sure as that report: the
        # model, fitted on sentences alone, reads such a back-reference as background
        ante = antes.get(id(tr)) if modality == "asserted" else None
        # a definite mention of an event of another category (الاتفاق، المحادثات، المكالمة) is
        # the one an earlier piece reported: it refers to it, so that counting over the events
        # whose refers_to is None counts that event once (its score stays its own, at most the
        # antecedent's, so it is reported only with it)
        linked = (
            _antecedent(reported, category, n_sent, same_piece=True)
            if ante is None
            and category in _LINKED
            # (of coercion only arrests: a seizure named again is as often of another place,
            # السيطرة على بلدة أخرى; of accusations only allegations, اتهمت ... الاتهامات: a
            # condemnation named again is as often another party's)
            and (category != "COERCE" or mode == "arrest")
            and (category != "ACCUSE" or mode == "allege")
            and modality == "asserted"
            and backref
            and tr.blocked not in _UNREAL_BLOCKS
            else None
        )
        if linked is not None and (
            linked.future_of is not None
            or (mode and linked.mode and mode != linked.mode)
            or not _same_word(linked, ws, tr)
        ):
            # (a planned call, a visit: not the phone call this one names; a request to dismiss
            # a lawsuit, negotiations after a visit: another word of the category, another fact)
            linked = None
        # an asserted event at the model's own threshold is a later back-reference's antecedent
        # whatever the caller's threshold (the same events at every threshold)
        watch = reported is not None and modality == "asserted" and category in _RECORDED
        floor = min(cut, model.threshold_for(category)) if watch else cut
        if (
            ante is None
            and floor > 0.0
            and model.score(category, logit + model.role_bound(category)) < floor
        ):
            continue  # cannot reach the threshold whatever its arguments: none looked for
        if not arg_cands:
            arg_cands.append(candidates(text, ws, sent_ents, use_names=use_names))
            if known is not None:
                known[span.start] = arg_cands[0]
        cands = arg_cands[0]
        roles = assign_roles(ws, tr.first, tr.last, prefix=tr.prefix, rule=tr.rule, cands=cands)
        if _verbal_attack(ws, tr, roles, triggers, casualties):
            continue  # criticism, not an attack (no event: the verb's other sense)
        if mode == "arrest" and roles.recipient:
            mode = _held_thing(category, roles.recipient) or mode
        if category == "RETREAT" and mode == "withdraw":
            left.extend((m.start, m.end) for m in roles.recipient)
        if previous is not None and tr.first <= 1:
            here = (ws, tr, cands)
            roles = _carried(
                text,
                previous,
                (ents, starts),
                here=here,
                roles=roles,
                use_names=use_names,
                known=known,
            )
        if linked is not None and (
            (roles.actor and not _shared_party(roles.actor, linked.actor))
            or (
                roles.recipient
                and linked.recipient
                and not _shared_party(roles.recipient, linked.recipient)
            )
        ):
            linked = None  # (its own participants are others: another event of the category)
        ante_or_link = ante or linked
        earlier = (n_sent, ante_or_link) if ante_or_link else recent.get(tr.rule.category)
        if (
            not roles.actor
            and earlier is not None
            and n_sent - earlier[0] <= _COREF_SENTENCES
            and backref
            and not _in_exchange(ws, tr.first)
        ):
            # المكالمة، الهجوم: a back-reference shares the earlier mention's participants (its
            # antecedent's, when it has one: the same at every threshold)
            roles = attrs.evolve(
                roles,
                actor=earlier[1].actor,
                recipient=roles.recipient or earlier[1].recipient,
            )
        # (the model's role features were fitted on every proposed actor, guesses included)
        found = (
            bool(roles.actor or roles.guessed),
            bool(roles.recipient or roles.guessed_recipient),
            bool(roles.location),
        )
        table = model.category_weights(category)
        score = model.score(category, logit + sum(table.get(f, 0.0) for f in role_base(found)))
        if ante is not None:
            score = ante.score
        elif linked is not None:
            score = min(score, linked.score)
            mode = mode or linked.mode
        if score < cut and not (watch and score >= model.threshold_for(category)):
            continue
        if modality == "hypothetical" and cue_i is not None and _asks(ws[cue_i].norm):
            # نظم الأهالي مسيرة للمطالبة بالإفراج عن أبنائهم: who asks for an act does not do it;
            # whom the request addresses, after it, does (طالب المفوض الحكومة بالإفراج)
            roles = attrs.evolve(
                roles, actor=tuple(a for a in roles.actor if a.start > ws[cue_i].end)
            )
        denied_by = None
        cue = None
        if cue_i is not None and cue_i != tr.first:
            cw = ws[cue_i]
            cue = Mention(cw.start, cw.end, cw.text)
        if modality == "denied" and cue_i is not None:
            denier = [c for c in cands if c.first > cue_i and c.last < tr.first]
            denier = denier or [c for c in cands if c.last < cue_i]
            denied_by = (
                (denier[0] if denier[0].first > cue_i else denier[-1]).mention if denier else None
            )
            if denied_by is None:
                cw = ws[cue_i]
                denied_by = Mention(cw.start, cw.end, cw.text)
        if mode is None and tr.beside_strong:
            # the killing verb reports the attack of its sentence: it takes that attack's mode
            # (after scoring: the model's features carry the verb's own mode)
            mode = next(
                (m for t in triggers if t.rule.category == category and (m := _mode(ws, t))), None
            )
        if (
            category == "CONSULT"
            and modality == "future"
            # (talks put off are still talks to come, not an agreement: أعلنت تأجيل المحادثات;
            # nor are talks between others that a third party intends to host: تعتزم الأمم
            # المتحدة عقد جولة مفاوضات بين الأطراف; يخطط لإجراء مكالمة مع بوتين is a plan to meet)
            and not (cue_i is not None and put_off(ws[cue_i].norm))
            and not (
                any(intends(w.norm) for w in ws[max(0, tr.first - 6) : tr.first])
                and any(bare(w.norm) == "بين" for w in ws[tr.last + 1 : tr.last + 4])
            )
        ):
            category, future_of = "AGREE", "CONSULT" + (f"/{mode}" if mode else "")
            mode, modality = None, "asserted"
        ev = Event(
            type=category,
            mode=mode,
            trigger=trigger,
            actor=roles.actor,
            recipient=roles.recipient,
            location=roles.location,
            time=time,
            quantities=tuple(q_owner.get(k, ())),
            modality=modality,
            sentence=span,
            future_of=future_of,
            denied_by=denied_by,
            modality_cue=cue,
            score=round(score, 4),
            refers_to=None
            if ante_or_link is None
            else ante_or_link.refers_to or ante_or_link.trigger,
        )
        if pairing:  # in text order; the pairing links the paired events, then the threshold
            clause = bisect.bisect_right(breaks, tstart)
            beside = tr.beside_strong or id(tr) in restating
            held.append(_Held(ev, real_cut, beside, tr.rule.category, clause))
        else:
            if watch:
                _record(reported, ev, n_sent, model)
            if score < cut:
                continue
            out.append(ev)
        if features is not None:
            features.append(
                expand_features(tr.rule.category, base) + role_features(tr.rule.category, found)
            )
        if ev.actor and not (pairing and category in paired):
            recent[tr.rule.category] = (n_sent, ev)
    for h in _one_report(held):
        if h.event.modality == "asserted" and h.event.type in _RECORDED:
            _record(reported, h.event, n_sent, model)
        if h.event.score < h.cut:
            continue
        out.append(h.event)
        if h.event.actor and h.category in paired:  # lent on once it is kept
            recent[h.category] = (n_sent, h.event)
    return out


_RELATIVE_WORDS = frozenset({"الذي", "التي", "الذين", "قد"})
# Categories of statements whose coordinated synonyms make one statement (إدانة واستنكار،
# تهنئة ... والتهاني are one condemnation, one congratulation).
_STATEMENTS = frozenset({"ACCUSE", "SUPPORT"})


def _coordinated_statement(ws: Sequence[Word], tr: Trigger, triggers: Sequence[Trigger]) -> bool:
    """Whether *tr* is a condemnation or a praise in و that an earlier one of its category
    stands before, at most three words (its object, its subject) and no punctuation between:
    the two restate one statement (أدانت قطر بشدة الهجوم واستنكرته، إدانتها واستنكارها)."""
    if tr.rule.category not in _STATEMENTS or tr.beside_strong or ws[tr.first].norm[:1] != "و":
        return False
    for t in triggers:
        if t is tr or t.rule.category != tr.rule.category or not 0 <= tr.first - t.last - 1 <= 3:
            continue
        if all(ws[k + 1].start - ws[k].end == 1 for k in range(t.last, tr.first)):
            return True
    return False


def _casualty_beside(
    ws: Sequence[Word], tr: Trigger, triggers: Sequence[Trigger], joined_at: Sequence[int]
) -> bool:
    """Whether *tr* is a weak killing or wounding word (قتل، مقتل، أصيب) that a blocker kept
    from being marked beside the sentence's other attack trigger: it reports that attack's
    toll (the weak and the strong are only marked among unblocked triggers). Not across a
    coordinated verb after a comma (*joined_at*, :func:`_coordinated_verbs`): قتل لاعب ...،
    واختطف أعضاء اللجنة reports two acts."""
    clause = bisect.bisect_right(joined_at, tr.first)
    return (
        tr.rule.category == "ASSAULT"
        and tr.blocked is not None
        and not tr.rule.strong
        and not tr.beside_strong
        and casualty_at(ws, tr.first) is not None
        and any(
            t is not tr
            and t.rule.category == "ASSAULT"
            and t.blocked == tr.blocked
            and casualty_at(ws, t.first) is None
            and bisect.bisect_right(joined_at, t.first) == clause
            for t in triggers
        )
    )


def _restating_verb(ws: Sequence[Word], tr: Trigger, triggers: Sequence[Trigger]) -> bool:
    """Whether *tr* is an attack verb that restates the attack noun before it: at most two
    adjectives (صاروخي، الإسرائيلي) and a relative pronoun or قد between, no punctuation nor
    conjunction (قصف صاروخي استهدف حيا، الهجوم الذي استهدف الموكب، قصف مماثل قد استهدف)."""
    if tr.rule.category != "ASSAULT" or tr.beside_strong or tr.prefix:
        return False
    w = ws[tr.first]
    if w.norm[:1] in ("و", "ف") or not finite_verb(w) or definite(w.norm):
        return False
    k = tr.first - 1
    skipped = 0
    while k >= 0 and skipped <= 2:
        if ws[k + 1].start - ws[k].end != 1:
            return False  # (punctuation between)
        noun = next((t for t in triggers if t.last == k), None)
        if noun is not None:
            # (a noun: a word an adjective follows, or no verb: قصف صاروخي، هجوم)
            return (
                noun.rule.category == "ASSAULT"
                and not noun.beside_strong
                and (skipped > 0 or not finite_verb(ws[noun.first]))
            )
        n = ws[k].norm
        if not (
            n in _RELATIVE_WORDS
            or _adjective(n.removeprefix("ال"))
            or (n[:1] == "م" and len(n) >= 4 and not finite_verb(ws[k]))  # مماثل، مكثف
        ):
            return False
        skipped += 1
        k -= 1
    return False


def _record(
    reported: dict[str, tuple[int, Event]] | None,
    ev: Event,
    n_sent: int,
    model: EventModel,
) -> None:
    """Note *ev* in *reported* as the antecedent of later back-references to its category when
    it reaches the model's own threshold (they refer to what *ev* refers to, if anything). A
    mention of the noted event keeps that event noted, now as recent as the mention: later ones
    are compared with the report's participants, not with a back-reference's (الاتفاق المصري:
    an adjective, where the report named مصر and السودان)."""
    if reported is None or ev.score < model.threshold_for(ev.type):
        return
    got = reported.get(ev.type)
    if got is not None and ev.refers_to is not None and got[1].trigger == ev.refers_to:
        reported[ev.type] = (n_sent, got[1])
    else:
        reported[ev.type] = (n_sent, ev)


def _same_word(ev: Event, ws: Sequence[Word], tr: Trigger) -> bool:
    """Whether trigger *tr* is the word of *ev*'s trigger, its clitics and endings aside
    (اتفاقا ... الاتفاق، محادثات ... المحادثات، اجتماع ... اجتماعاته): a repeated mention
    names its event with the same word (اللقاءات ... التشاور are two)."""
    first = ev.trigger.text.split(maxsplit=1)
    if not first:
        return False
    norm = norm_word(first[0])
    if not _word_stems(norm).isdisjoint(_word_stems(ws[tr.first].norm)):
        return True
    # (a verb and its verbal noun of one trigger row: اعتقلت ... الاعتقالات، أفرجت ... الإفراج)
    return tr.rule.category in _VERB_NOUN and any(i == tr.rule.index for i, _ in match_first(norm))


@functools.lru_cache(maxsize=10_000)
def _word_stems(norm: str) -> frozenset[str]:
    """The readings of a word without its clitics (:func:`stem_candidates`), an accusative
    alif or a pronoun suffix dropped: the forms two mentions of one word share."""
    out = set()
    for stem, _ in stem_candidates(norm):
        out.add(stem)
        for end in ("ا", "ه", "ها", "هم", "هما"):
            if stem.endswith(end) and len(stem) - len(end) >= 3:
                out.add(stem[: -len(end)])
    return frozenset(s for s in out if len(s) >= 3)


def _shared_party(own: Sequence[Mention], earlier: Sequence[Mention]) -> bool:
    """Whether a back-reference's own participants may be its antecedent's: they share one
    (the same entity, or one name written inside the other: الحكومة / الحكومة السودانية), or
    one side names none (only descriptions, الطرفين، البلدين, or nobody found): only two
    different names make two events."""
    named = [m for m in own if m.label is not None]
    named_before = [e for e in earlier if e.label is not None]
    if not named or not named_before:
        return True
    ids = {m.entity_id for m in named_before if m.entity_id}
    return any(
        (m.entity_id is not None and m.entity_id in ids)
        or any(m.text in e.text or e.text in m.text for e in named_before)
        for m in named
    )


def _antecedent(
    reported: Mapping[str, tuple[int, Event]] | None,
    category: str,
    n_sent: int,
    *,
    same_piece: bool = False,
) -> Event | None:
    """The asserted *category* event an earlier piece of the text reported, recently enough for
    a back-reference (القصف، المظاهرة) to name it, else None: the report is in the text, so the
    back-reference is a mention of a real event, not background. A sentence given alone has none
    (the gold standard's sentences are judged so). *same_piece*: an event of this piece, before
    the back-reference, will do too (أجرى اتصالا ...، وبحث خلال الاتصال)."""
    got = reported.get(category) if reported else None
    if got is None or not int(not same_piece) <= n_sent - got[0] <= _COREF_SENTENCES:
        return None
    return got[1]


_CLAUSE_BREAKS = wordset("بينما فيما")
# في + ما, not the conjunction: فيما يعرف ب، فيما بينهم، فيما يتعلق ب، فيما بعد
_FI_MA = wordset("يعرف عرف سمي يسمي بين بينهم بينها بينهما يتعلق يخص يلي بعد مضي")


def _coordinated_verbs(text: str, ws: Sequence[Word]) -> list[int]:
    """Indexes of the words that open a coordinated clause after a comma: a finite verb in و / ف
    (، واتهم؛ ، وأكدت) or a circumstantial participle (، متهما إياهم؛ ، مؤكدا أن), in order."""
    return [
        k
        for k in range(1, len(ws))
        # (most gaps are one space: tested before the characters are looked at)
        if ws[k].start - ws[k - 1].end > 1
        and any(c in "،,؛;" for c in text[ws[k - 1].end : ws[k].start])
        and ((ws[k].norm[:1] in ("و", "ف") and finite_verb(ws[k])) or circumstantial_shape(ws[k]))
    ]


def _clause_breaks(ws: Sequence[Word]) -> list[bool]:
    """Per word: بينما / فيما (وفيما) / في حين opens a clause of another fact here."""
    out = []
    for k, w in enumerate(ws):
        n = w.norm
        if n[-3:] not in ("نما", "يما"):  # (most words: no test of the table)
            out.append(n == "حين" and k > 0 and ws[k - 1].norm in ("في", "وفي"))
            continue
        n = n[1:] if n[:1] in ("و", "ف") and n[1:] in _CLAUSE_BREAKS else n
        out.append(
            n in _CLAUSE_BREAKS
            and not (n == "فيما" and k + 1 < len(ws) and ws[k + 1].norm in _FI_MA)
        )
    return out


# endings a word may carry after its stem: the subject of a perfect, an object or a possessor
_ENDINGS = ("تهم", "تها", "ته", *PRONOUN_SUFFIXES, "وا", "ت")


def _perfect_form(stem: str, pattern: re.Pattern[str]) -> bool:
    """Whether a stem, one object pronoun aside, ends as a perfect verb with its subject does
    (دانت، دانته، قالوا; not a plural in ات, هجمات) and its row does not read it as a noun in
    ة (زيارته: زيارة with a pronoun, which a row of زيار[ةت] also matches)."""
    for end in PRONOUN_SUFFIXES:
        if stem.endswith(end) and len(stem) - len(end) >= 3:
            stem = stem[: -len(end)]
            break
    if stem.endswith("وا"):
        return True
    if not stem.endswith("ت") or stem.endswith("ات"):
        return False
    return pattern.fullmatch(stem[:-1] + "ة") is None and pattern.fullmatch(stem) is not None


def _short_stem(stem: str) -> bool:
    """Whether a stem holds two letters before one ending (حث، حثت، حثهم): too short for the
    ب before it to be read as a proclitic without the word list's consent."""
    for end in _ENDINGS:
        if stem.endswith(end) and len(stem) > len(end):
            return len(stem) - len(end) <= 2
    return len(stem) <= 2


@functools.lru_cache(maxsize=100_000)
def _whole_word(norm: str) -> bool:
    """Whether a word in ب is, by the Arabic Wikipedia word list, a word of its own whose ب is
    no proclitic (بحث، بحثت، بحثهم), read as it is or without one ending."""
    from arabnews.ner.clitics import clitic_reading

    got = clitic_reading(norm, 1)
    if got is None:
        for end in _ENDINGS:
            if norm.endswith(end) and len(norm) - len(end) >= 3:
                got = clitic_reading(norm[: -len(end)], 1)
                break
    return got is False


def _past_tense(norm: str, prefix: str) -> bool:
    """Whether a trigger word is a past-tense verb: a derived perfect (اعتقل) or a perfect with
    its subject suffix (سيطرت، قتلوا), not an accusative noun (هجوما)."""
    shape = word_shape(norm, prefix)
    stem = norm[len(prefix) :] if prefix and norm.startswith(prefix) else norm
    return shape == "perfect_derived" or (
        shape == "perfect_suffixed" and stem.endswith(("ت", "وا"))
    )


def _threshold_of(
    threshold: float | Mapping[str, float] | None, model: EventModel, category: str
) -> float:
    """The threshold of a *category* candidate: the caller's (one number, or a category's
    entry of a mapping), else the model's."""
    if threshold is None:
        return model.threshold_for(category)
    if isinstance(threshold, Mapping):
        got = threshold.get(category)
        return model.threshold_for(category) if got is None else got
    return threshold


@attrs.frozen(slots=True)
class _Held:
    """An event of a piece being paired: its threshold (deferred for ASSAULT), whether its
    trigger is a killing verb kept beside an attack word, its trigger's category and clause."""

    event: Event
    cut: float
    beside: bool
    category: str
    clause: int = 0  # clauses opened by بينما / فيما before the trigger


def _one_report(held: Sequence[_Held]) -> list[_Held]:
    """*held* with each killing verb beside an attack word linked to it (no threshold applied):
    a killing verb kept beside an attack word (``beside_strong``) and the nearest attack of its
    clause are mentions of one attack (مقتل ستة في قصف روسي: the gold standard's coders mark
    the verb, the seed annotations the attack word). The verb takes the attack's participants;
    every mention of the group ``refers_to`` the best-scored one (the attack word on a tie), so
    at any threshold a mention that refers to another is reported only with it, and counting
    over events whose ``refers_to`` is None counts the attack and its casualties once. So are
    an attack verb restating an attack noun (:func:`_restating_verb`) and a coordinated
    condemnation or praise (:func:`_coordinated_statement`; these keep their own participants
    and take the other's where they have none), each with the nearest held event of its
    category in its clause.
    """
    attacks = [j for j, h in enumerate(held) if not h.beside]
    out = list(held)
    groups: dict[int, list[int]] = {}
    for i, h in enumerate(held):
        if not h.beside or not attacks:
            continue
        e = h.event
        # the attack of its own clause (قصفت مستشفى ما أدى إلى مقتل ستة، فيما نفت القوات
        # القصف: not the denied attack after فيما); with none there, the verb reports a fact
        # of its own (دمرت الجرافات البنية التحتية، بينما اندلعت مواجهات بين ...)
        own = [a for a in attacks if held[a].clause == h.clause and held[a].event.type == e.type]
        if not own:
            continue
        j = min(own, key=lambda a: abs(held[a].event.trigger.start - e.trigger.start))
        groups.setdefault(j, []).append(i)
        p = held[j].event
        # the participants found for the attack word (شنه مسلحون، قصف روسي) are that attack's;
        # its actor comes first (the subject of an unvowelled قتل beside في هجوم is mostly its
        # victims), the verb's fill empty roles
        if e.type in _STATEMENTS:
            # (a restated condemnation keeps its own participants, the first fills the empty)
            out[i] = attrs.evolve(
                h,
                event=attrs.evolve(
                    e, actor=e.actor or p.actor, recipient=e.recipient or p.recipient
                ),
            )
            continue
        out[i] = attrs.evolve(
            h,
            event=attrs.evolve(
                e,
                actor=p.actor or e.actor,
                recipient=e.recipient or p.recipient,
                location=e.location or p.location,
                time=e.time or p.time,
            ),
        )
    for j, verbs in groups.items():
        attack = out[j].event
        if attack.refers_to is not None:
            # the attack word names an attack an earlier sentence reported (its score is that
            # report's): its killing verbs are mentions of that attack too, as sure as it at most
            # (وأسفرت الاشتباكات عن مقتل خمسة: the verb would otherwise head a group of its own)
            for k in verbs:
                ev = out[k].event
                out[k] = attrs.evolve(
                    out[k],
                    event=attrs.evolve(
                        ev, refers_to=attack.refers_to, score=min(ev.score, attack.score)
                    ),
                )
            continue
        head = max([j, *verbs], key=lambda k: (out[k].event.score, k == j))
        for k in (j, *verbs):
            if k != head:
                ev = out[k].event
                out[k] = attrs.evolve(
                    out[k], event=attrs.evolve(ev, refers_to=out[head].event.trigger)
                )
    return out


def _carried(
    text: str,
    previous: tuple[Span, tuple[Word, ...]],
    entity_index: tuple[Sequence[Entity], Sequence[int]],
    *,
    here: tuple[Sequence[Word], Trigger, Sequence[Candidate]],
    roles: Roles,
    use_names: bool,
    known: dict[int, tuple[Candidate, ...]] | None = None,
) -> Roles:
    """*roles* with a dropped subject carried over from the previous sentence (only when the
    verb agrees with it; candidates of the previous sentence are found only here)."""
    (pspan, pws), (ents, starts), (ws, tr, cands) = previous, entity_index, here
    lo, hi = bisect.bisect_left(starts, pspan.start), bisect.bisect_left(starts, pspan.end)
    pcands = None if known is None else known.get(pspan.start)
    if pcands is None:  # (the previous piece's candidates, when it looked for them)
        pcands = candidates(text, pws, list(ents[lo:hi]), use_names=use_names)
    subject = sentence_subject(pws, pcands)
    return carry_subject(
        ws, tr.first, cands, roles, previous=subject, previous_words=pws, prefix=tr.prefix
    )


# the eight harakat and tatweel (not the extended marks): skipped when counting letters
_SKIPPED = HARAKAT | {TATWEEL}


def _prefix_len(word: Word, prefix: str) -> int:
    """Characters of *word*'s original text taken by the stripped proclitics (ال kept)."""
    keep = prefix[:-2] if prefix.endswith("ال") else prefix
    if prefix.endswith("لل"):
        keep = prefix[:-1]
    keep = keep.replace("س", "")
    # Count letters, skipping harakat, so that the offset lands in the original text.
    n = 0
    i = 0
    while n < len(keep) and i < len(word.text):
        if word.text[i] not in _SKIPPED:
            n += 1
        i += 1
    return i
