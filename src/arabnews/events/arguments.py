"""Event arguments: actor, recipient and location from entities and actor nouns.

Candidates are the named entities of the sentence plus the phrases of ``data/actor_nouns.tsv``
(``القوات الأوكرانية``, ``الجيش الروسي``, ``مسلحون``, country names when no recogniser ran). Roles
follow the trigger's frame in ``triggers.tsv``: the subject is the first candidate right after a
verb (Arabic VSO) or the nearest one before the trigger; the recipient is a direct object or a
candidate introduced by one of the frame's prepositions (مع، ب، على، ضد، إلى، بين ...); a
nationality adjective right after an attack noun is its actor (``قصف روسي``); locations are places
introduced by في، قرب، جنوب ... .
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence

import attrs

from arabnews.charsets import DAMMA, HARAKAT, TATWEEL
from arabnews.events.lexicon import (
    APPROXIMATION,
    ARTICLE_LIKE_VERBS,
    BLAME_VERBS,
    CHARGE_VERBS,
    DIRECTIONS,
    PRONOUN_SUFFIXES,
    RELATIVE_PRONOUNS,
    ROUGHLY,
    SPEECH_PARTICIPLE,
    TIME_UNITS,
    ActorRule,
    TriggerRule,
    Word,
    actor_hits,
    actor_rules,
    agentive_classes,
    agentive_heads,
    agentive_plurals,
    blockers,
    function_word,
    light_verbs,
    match_first,
    mode_cues,
    month_words,
    norm_word,
    number_hits,
    number_rules,
    part_matches,
    referential,
    rest_matches,
    speech_verb,
    stem_candidates,
    trigger_rules,
)
from arabnews.events.lexicon import (
    PARTICLES as _PARTICLES,
)
from arabnews.events.lexicon import (
    PREPOSITIONS as _PREPOSITIONS,
)
from arabnews.events.lexicon import (
    bare as _bare,
)
from arabnews.events.lexicon import (
    wordset as _wordset,
)
from arabnews.events.places import PlaceCue, kept, place_features, place_model
from arabnews.spans import Entity, Mention

__all__ = [
    "EXCLUSION_REACH",
    "RIGHT_REACH",
    "Candidate",
    "assign_roles",
    "candidates",
    "candidates_within",
    "carry_subject",
    "circumstantial_shape",
    "definite",
    "excludes_only",
    "finite_verb",
    "light_governed",
    "may_act",
    "phrase_candidate",
    "required_object",
    "right_words",
    "sentence_subject",
    "structural_roles",
    "time_at",
    "time_word",
    "ungoverned",
]

_LOC_PREPS = frozenset(
    {"في", "قرب", "جنوب", "شمال", "شرق", "غرب", "داخل", "حول", "بالقرب", "ب", "من"}
)
_COMPLEMENTIZERS = frozenset(
    {"ان", "انه", "انها", "بان", "بانه", "بانها", "انهم", "لان", "وان", "وانه", "وانها"}
)
# words that open a clause of its own: a complementizer, or a condition (هدد بالانسحاب إذا تم
# التوصل إلى اتفاق: the one who threatens is no party to the agreement)
_CLAUSE_STARTS = _COMPLEMENTIZERS | {"اذا", "واذا", "فاذا", "لو", "ولو"}
# prepositions of where (a phrase they govern names no one who acts)
_IN = frozenset({"في", "قرب", "بالقرب", "داخل"})
_HEAD = frozenset({"head"})
_ADJ = frozenset({"adj"})
_OTHER = frozenset({"group", "name"})


@attrs.frozen(slots=True)
class Candidate:
    """An argument candidate: words ``first..last`` of the sentence and its mention."""

    first: int
    last: int
    mention: Mention
    kind: str  # entity | force | group | name | phrase
    prep: str  # governing preposition (a separate word or a proclitic), "" if none


def _rule_at(kinds: frozenset[str], ws: Sequence[Word], i: int) -> tuple[ActorRule, int] | None:
    rules = actor_rules()
    for idx in actor_hits(ws[i].norm):
        rule = rules[idx]
        n = len(rule.parts)
        if rule.kind in kinds and rest_matches(rule.parts, ws, i):
            return rule, n
    return None


def adjective_at(ws: Sequence[Word], i: int) -> str | None:
    """Canonical actor of a nationality adjective at ``ws[i]`` (``روسي`` -> ``روسيا``), or None."""
    hit = _rule_at(_ADJ, ws, i)
    return hit[0].canonical if hit else None


def _prep(text: str, ws: Sequence[Word], first: int, start: int) -> str:
    """The governing preposition of a candidate: a proclitic before *start* or the previous word."""
    w = ws[first]
    if start > w.start:  # clitics outside the entity span: "لأوكرانيا", "وبروسيا"
        pre = text[w.start : start]
        pre = pre[1:] if len(pre) > 1 and pre[0] in "وف" else pre
        if pre and pre[-1] in "بلك":
            return pre[-1]
        if pre in ("و", "ف"):
            return "و"
    if first > 0:
        if _both_of(ws, first - 1):
            return "كل"  # كل من مصر وقطر: no preposition, the subjects themselves
        if _bare(ws[first - 1].norm) in _AUSPICES:
            return "ب"  # برعاية الأمم المتحدة: the name is governed through the noun
        return _bare(ws[first - 1].norm)
    return ""


def _first_conjunct(cands: Sequence[Candidate], prep: dict[int, str]) -> Candidate:
    """The first of the conjuncts ending with ``cands[-1]`` (X وY وZ: X)."""
    k = len(cands) - 1
    while (
        k > 0
        and prep.get(id(cands[k]), cands[k].prep) == "و"
        and cands[k].first - cands[k - 1].last <= 2
    ):
        k -= 1
    return cands[k]


def _conjunct_of(
    right: Sequence[Candidate], prep: dict[int, str], k: int, actor: list[Candidate], t: int
) -> bool:
    """Whether ``right[k]``, after و, is coordinated with an actor: the candidate before it,
    places after في aside (بين الشبان في منطقة X وقوات الأمن), is one; or, first after the
    trigger, the actor before the trigger is."""
    for j in range(k - 1, -1, -1):
        if prep.get(id(right[j]), right[j].prep) == "في":
            continue
        return right[j] in actor
    return bool(actor) and actor[-1].last < t


def _event_antecedent(ws: Sequence[Word], t: int) -> bool:
    """Whether the verb at ``ws[t]`` follows right after an indefinite event noun it describes
    (هجوم استهدف، غارة أسفرت: an asyndetic relative clause): a verbal noun of the lexicon that
    cannot be a verb (``referential.tsv``) or that a preposition governs, with no article and
    nothing between."""
    k = t - 1
    # (its indefinite adjectives between: غارات إسرائيلية عنيفة تستهدف الضاحية)
    while k > 0 and t - k <= 2 and _indefinite_adjective(ws[k].norm):
        k -= 1
    prev = ws[k]
    return (
        all(ws[j + 1].start - ws[j].end == 1 for j in range(k, t))
        and ws[t].norm[:1] not in ("و", "ف")  # (بغارات وتتوعد حماس: a coordinated verb)
        # (هجوم شنه مسلحون: a pronoun on the verb is the antecedent, its object)
        and not _bare(ws[t].norm).endswith(("ه", "ها", "هم", "هما"))
        and not definite(prev.norm)
        and prev.norm[:1] not in ("و", "ف")
        and (
            any(part_matches(r.pattern, prev.norm) for r in referential())
            # (a word of the lexicon that a preposition governs is a noun: في قصف مدفعي استهدف)
            or (k > 0 and _bare(ws[k - 1].norm) in _PREPOSITIONS and bool(match_first(prev.norm)))
        )
    )


def _indefinite_adjective(norm: str) -> bool:
    """An indefinite nisba or feminine adjective (إسرائيلية، عنيفة، جوية)."""
    return not definite(norm) and norm[:1] not in ("و", "ف") and norm.endswith(("ية", "ة", "ي"))


def _circumstantial(ws: Sequence[Word], t: int, t_end: int, rule: TriggerRule) -> bool:
    """Whether the trigger is an active participle in the accusative after a clause (متهما،
    مطالبا، محذرا، مهددا: a حال), one word, not the sentence's first."""
    w = _bare(ws[t].norm)
    return (
        t > 0
        and t == t_end
        and len(w) >= 5
        and w[0] == "م"
        and w[-1] == "ا"
        # not a word with a pronoun (منعتها، موافقتها: the row's word without it matches)
        and not any(
            w.endswith(suffix) and rule.parts[0].fullmatch(w[: -len(suffix)]) is not None
            for suffix in ("ها", "هما", "نا")
        )
    )


def _purpose(ws: Sequence[Word], t: int, t_end: int) -> bool:
    """Whether the trigger at words ``t..t_end`` is a purpose: a definite verbal noun after ل
    with its own complement (تظاهروا للمطالبة بـ، للسيطرة على), not what is undergone or
    yielded to (تعرضت للتهديدات، الرضوخ للتهديدات والابتزازات)."""
    w = _bare(ws[t].norm)
    if t == 0 or w.endswith("ات") or t_end + 1 >= len(ws):
        return False
    nxt = _bare(ws[t_end + 1].norm)
    if not w.startswith("لل"):
        # the accusative of purpose (خرجوا احتجاجا على، تظاهروا تضامنا مع): an indefinite verbal
        # noun in ا, a preposition after it
        return (
            t == t_end
            and len(w) >= 5
            and w.endswith("ا")
            and not definite(w)
            and not w.endswith(("ها", "هما", "نا"))
            and nxt in ("علي", "مع", "ضد")
        )
    return nxt in ("علي", "الي", "عن", "في", "من", "مع") or (
        nxt.startswith("ب") and not nxt.startswith("بين")
    )


def _nisba_of_previous(ws: Sequence[Word], i: int) -> bool:
    """Whether the force head at ``ws[i]`` is a nisba adjective (البحرية، المدفعية، الخارجية)
    of the definite feminine noun before it (التجارة البحرية، العمليات البحرية), not a force
    (قصف المدفعية: the artillery's shelling)."""
    if i == 0:
        return False
    w, prev = _bare(ws[i].norm), _bare(ws[i - 1].norm)
    return (
        w.startswith("ال")
        and w.endswith(("يه", "ية"))
        and prev.startswith("ال")
        and prev.endswith(("ه", "ة", "ات"))
        and prev not in _PARTICLES
        and prev not in _PREPOSITIONS
    )


def _both_of(ws: Sequence[Word], k: int) -> bool:
    """Whether ``ws[k]`` is the من of كل من ("both", before coordinated names)."""
    return 0 < k < len(ws) and ws[k].norm == "من" and ws[k - 1].norm in ("كل", "وكل")


def candidates(
    text: str,
    ws: Sequence[Word],
    entities: Sequence[Entity],
    *,
    use_names: bool = True,
    phrases: bool = True,
) -> tuple[Candidate, ...]:
    """Argument candidates of one sentence (*ws* are its words, *entities* those inside it).

    With *phrases*, the noun phrases that are neither entities nor actor nouns are candidates
    too (kind ``phrase``: ``مسلحون مجهولون``, ``قوات الأمن``, ``عناصر الشرطة``): most actors
    and victims in news are not named.
    """
    out: list[Candidate] = []
    taken: set[int] = set()
    ends = [w.end for w in ws]
    for ent in entities:
        # words overlapping the entity: from the first word ending after its start (bisect)
        first = bisect.bisect_right(ends, ent.start)
        last = first
        while last < len(ws) and ws[last].start < ent.end:
            last += 1
        last -= 1
        if first >= len(ws) or last < first:
            continue
        idx = range(first, last + 1)
        taken.update(idx)
        mention = ent.to_mention()
        if mention.canonical is None:
            mention = attrs.evolve(mention, canonical=ent.text)
        out.append(Candidate(first, last, mention, "entity", _prep(text, ws, first, ent.start)))
    heads, adjs, others = _HEAD, _ADJ, _OTHER
    i = 0
    while i < len(ws):
        if i in taken or not actor_hits(ws[i].norm):  # (no actor-noun row starts here)
            i += 1
            continue
        head = _rule_at(heads, ws, i)
        if head is not None and _nisba_of_previous(ws, i):
            head = None  # هيئة عمليات التجارة البحرية البريطانية: maritime, not the navy
        if head is not None:
            j = i + head[1]
            nxt_i = i + 1
            for gap in (0, 1):  # القوات الجوية الأوكرانية
                adj = _rule_at(adjs, ws, j + gap) if j + gap < len(ws) else None
                if adj is not None and not taken.intersection(range(i, j + gap + adj[1])):
                    last = j + gap + adj[1] - 1
                    # a title in construct before it is the phrase's head (وزير الدفاع الأوكراني)
                    first = i - 1 if _title_before(text, ws, i, taken) else i
                    start = _start_after_clitics(ws[first])
                    m = Mention(
                        start, ws[last].end, text[start : ws[last].end], None, adj[0].canonical
                    )
                    out.append(Candidate(first, last, m, "force", _prep(text, ws, first, start)))
                    taken.update(range(first, last + 1))
                    nxt_i = last + 1
                    break
            i = nxt_i
            continue
        hit = _rule_at(others, ws, i)
        if hit is not None and (use_names or hit[0].kind == "group"):
            last = i + hit[1] - 1
            # an agentive noun in construct before it heads the phrase (قوات الاحتلال)
            first = i - 1 if _title_before(text, ws, i, taken) else i
            start = _start_after_clitics(ws[first])
            m = Mention(start, ws[last].end, text[start : ws[last].end], None, hit[0].canonical)
            out.append(Candidate(first, last, m, hit[0].kind, _prep(text, ws, first, start)))
            taken.update(range(first, last + 1))
            i = last + 1
            continue
        i += 1
    out.sort(key=lambda c: c.first)
    # "وزير الدفاع الأوكراني، دينيس شميهال": a force phrase that is a person's title is not an
    # actor of its own; the person is.
    # Only a phrase a title heads: in اعتقلت قوات الأمن محمد أحمد and اعتقلت القوات الإسرائيلية
    # الفلسطيني محمد أحمد the forces arrest a man.
    pers_firsts = sorted(c.first for c in out if c.mention.label == "PER")
    out = [
        c
        for c in out
        if not (
            c.kind == "force"
            and (_title_norm(ws[c.first].norm) or _office(ws[c.first].norm))
            and (k := bisect.bisect_right(pers_firsts, c.last)) < len(pers_firsts)
            and pers_firsts[k] - c.last <= 2
        )
    ]
    if phrases:
        out = _with_phrases(text, ws, out)
    if out and out[0].first == 0 and out[0].last + 1 < len(ws):
        between = text[ws[out[0].last].end : ws[out[0].last + 1].start]
        if any(c in between for c in _DASHES):
            # بيروت - التقى بري باراك: a place set off by a dash at the start of a sentence is
            # its dateline, no participant
            out = out[1:]
    return tuple(out)


def _accusative_nisba(ws: Sequence[Word], i: int) -> bool:
    """Whether ``ws[i]``, a word in يا after an indefinite word in the accusative (ا, not a
    pronoun ها / نا nor a verb's وا), is a nationality adjective agreeing with it (هجوما روسيا،
    أسيرا أوكرانيا) rather than the country (see
    :func:`arabnews.ner.nonnames.drop_accusative_adjectives`): it may name the attacker, not
    the place."""
    if i == 0 or not ws[i].norm.endswith("يا") or len(ws[i].norm) < 4:
        return False
    from arabnews.ner.nonnames import indefinite_accusative

    prev = ws[i - 1]
    return (
        ws[i].start - prev.end == 1  # (one space: no punctuation between)
        and not definite(prev.norm)
        and indefinite_accusative(prev.text)
    )


_DASHES = "-–—"


# A preposition with a pronoun right after a relative clause's verb (التي انسحبت منها القوات):
# the antecedent is that pronoun's, not the verb's subject, which follows.
_RESUMPTIVE = _wordset(
    "منها منه منهم فيها فيه فيهم عليها عليه عليهم اليها اليه اليهم بها به بهم عنها عنه عنهم"
)


def _resumptive(ws: Sequence[Word], k: int) -> bool:
    return k < len(ws) and ws[k].norm in _RESUMPTIVE


def _title_before(text: str, ws: Sequence[Word], i: int, taken: set[int]) -> bool:
    """Whether ``ws[i - 1]`` is an indefinite agentive noun in construct with ``ws[i]`` (وزير
    الدفاع، قائد الجيش), only a space between them."""
    if i == 0 or i - 1 in taken or text[ws[i - 1].end : ws[i].start] != " ":
        return False
    prev = ws[i - 1]
    # (not a verb, طالب المتظاهرون, a preposition, أمام المتظاهرين, nor a noun with a pronoun
    # suffix or a plural's ن, أمنها المتظاهرين، صينيون المتظاهرين: none is in construct)
    return (
        not definite(prev.norm)
        and not prev.norm.endswith(("ها", "هم", "هما", "ون", "ين"))
        and not function_word(prev.norm)
        and not _lexicon_verb(prev.norm)
        and _may_act_norm(prev.norm, prev.text, known_only=True)
    )


# Words whose first letter و is part of the word, not a conjunction.
_WAW_WORDS = (
    "وزير",
    "وزراء",
    "وزار",
    "وكال",
    "وحد",
    "ولاي",
    "وفد",
    "وسائل",
    "وسيط",
    "وجهاء",
    "وثائق",
)


def _start_after_clitics(w: Word) -> int:
    """Start of a word without its proclitics (so that ``والقوات`` spans ``القوات``)."""
    return w.start + _clitics_length(w.norm)


@functools.lru_cache(maxsize=65536)
def _clitics_length(norm: str) -> int:
    """How many letters of the normalised word *norm* are proclitics (see
    :func:`_start_after_clitics`)."""
    from arabnews.ner.clitics import clitic_reading, word_counts

    if norm.startswith(_WAW_WORDS):
        return 0
    best = 0
    for stem, pre in stem_candidates(norm):
        if pre and not pre.endswith("ال") and "ك" not in pre and "س" not in pre and len(stem) >= 3:
            if pre in ("و", "ف") and clitic_reading(norm, 1) is False:
                break  # a word of its own in the Arabic Wikipedia word list: فصائل، فرقة
            if pre.endswith("لل") and word_counts(norm[len(pre) - 1 :])[0] > word_counts(stem)[0]:
                continue  # للاجئين: ل + اللاجئين, whose article merges with the noun's own ل
            best = len(pre)
    return best


def _is_nominal(prefix: str, word: Word) -> bool:
    if "ال" in prefix or definite(word.norm) or word.norm.endswith(("ة", "ات")):
        return True
    # verbal nouns that cannot be verbs (معارك، هجوم، اغتيال): see data/referential.tsv
    return any(part_matches(r.pattern, word.norm) for r in referential())


def _participle_noun(ws: Sequence[Word], t: int, prefix: str) -> bool:
    """An active participle used as a noun (رفض البرلمان مقترحا: the proposal, not the
    parliament proposing; متظاهرون، مفاوض): a word of five letters or more in م, no finite
    verb of the trigger rows being one (those in م are short: منح، منع، مول: منعوا، منحت،
    منعهم). Not a passive participle (محجوزين، معتقلين: the noun before is undergoing it) nor
    one in the accusative after punctuation (قال ...، مطالبا: a circumstantial clause)."""
    word = ws[t]
    stem = word.norm[len(prefix) :] if word.norm.startswith(prefix) else word.norm
    for suffix in PRONOUN_SUFFIXES:
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    if (
        len(stem) < 5
        or stem[0] != "م"
        or stem.endswith("وا")
        or (len(stem) == 5 and stem.endswith("ت"))
        or stem[3] == "و"  # (مفعول)
    ):
        return False
    if not stem.endswith("ا"):
        return True
    # in the accusative: the object of a verb right before it and its subject (رفض البرلمان
    # الأوروبي مقترحا), else a circumstantial clause (قال ...، مطالبا; للشعب المصري مطالبا)
    if t == 0 or word.start - ws[t - 1].end > 1:
        return False
    for k in range(t - 1, max(-1, t - 5), -1):
        if finite_verb(ws[k]):
            return k < t - 1
        if _function_word(ws[k]) or ws[k].norm[:1] in ("ب", "ل") or ws[k + 1].start - ws[k].end > 1:
            return False
    return False


@attrs.frozen(slots=True)
class Roles:
    """Assigned arguments of one trigger.

    :ivar guessed: actors the rules proposed but that are not reported: a phrase whose head
        names no one (``الخطاب``, ``قائمة المحتجزين``), or a guess from the nearest name or
        an earlier verb's subject when the clause names no actor. The event model's role
        features count them (it was fitted on them); the event does not carry them.
    :ivar guessed_recipient: the same for recipients: of an event directed at a party (a
        demand, an accusation, talks, aid ...), a phrase that names no one (``تنفيذ
        الأوامر``, ``تعديل قانون``: what is demanded or agreed, not whom).
    """

    actor: tuple[Mention, ...]
    recipient: tuple[Mention, ...]
    location: tuple[Mention, ...]
    guessed: tuple[Mention, ...] = ()
    guessed_recipient: tuple[Mention, ...] = ()


def _clause_start(ws: Sequence[Word], t: int) -> int:
    for k in range(t - 1, max(-1, t - _WINDOW - 1), -1):
        if ws[k].norm in _CLAUSE_STARTS:
            return k + 1
    return max(0, t - _WINDOW)


_WINDOW = 30
_FIRSTS: list[tuple[Sequence[Candidate], list[int]]] = []


def candidates_within(cands: Sequence[Candidate], lo: int, hi: int) -> Sequence[Candidate]:
    """The candidates starting within words ``lo..hi`` (*cands* sorted by ``first``), found by
    bisection; small lists are returned whole (callers filter them further)."""
    return _window(cands, lo, hi)


def _window(cands: Sequence[Candidate], lo: int, hi: int) -> Sequence[Candidate]:
    """The candidates starting within words ``lo..hi`` (*cands* sorted by ``first``)."""
    if len(cands) <= 2 * _WINDOW:
        return cands
    if _FIRSTS and _FIRSTS[0][0] is cands:
        firsts = _FIRSTS[0][1]
    else:
        firsts = [c.first for c in cands]
        _FIRSTS[:] = [(cands, firsts)]
    return cands[bisect.bisect_left(firsts, lo) : bisect.bisect_right(firsts, hi)]


_PREP_WORDS = frozenset(
    {"مع", "بين", "الي", "علي", "ضد", "عن", "من", "في", "لدي", "عبر", "حول", "قرب", "نحو", "تجاه"}
)


_CLASSIFIERS = frozenset(
    {
        "مدينه",
        "مدينة",
        "قريه",
        "قرية",
        "منطقه",
        "منطقة",
        "بلده",
        "بلدة",
        "محافظه",
        "محافظة",
        "اقليم",
        "ولايه",
        "ولاية",
        "مقاطعه",
        "مقاطعة",
        "نهر",
        "عاصمه",
        "عاصمة",
        "العاصمه",
        "العاصمة",
    }
)


def _after_classifier(ws: Sequence[Word], c: Candidate) -> bool:
    """A place named after a classifier noun (مدينة باخموت، مخيم جنين) is a location, not an
    actor."""
    if c.mention.label == "LOC" and c.first < c.last and _classifier(ws[c.first]):
        return True  # a place candidate that took its classifier in (مخيم جنين)
    if c.first == 0:
        return False
    prev = ws[c.first - 1]
    # (this list, and the classifier nouns of the recogniser's edge words: مخيم، قطاع)
    return prev.norm.lstrip("وب") in _CLASSIFIERS or _classifier(prev)


def _in_apposition(ws: Sequence[Word], c: Candidate, lo: int) -> bool:
    """Whether name *c* stands in apposition to a definite phrase that في governs (تظاهر
    الآلاف في العاصمة الصربية بلغراد): within three words back, no punctuation or verb between
    (not a genitive: في نية المسلحين)."""
    for k in range(c.first - 1, max(lo, c.first - 4) - 1, -1):
        if ws[k + 1].start - ws[k].end != 1 or finite_verb(ws[k]):
            return False
        if _bare(ws[k].norm) in _IN:
            return k + 1 < c.first and definite(ws[k + 1].norm)
    return False


def _governing(ws: Sequence[Word], c: Candidate, lo: int) -> str:
    """The preposition governing *c*: its own, or one up to three words back (``بين الرئيس
    الروسي فلاديمير بوتين``), not crossing another candidate's words (*lo*)."""
    if c.prep in _PREP_WORDS or c.prep in ("ل", "ب", "و"):
        return c.prep
    for k in range(c.first - 1, max(lo, c.first - 4) - 1, -1):
        if _both_of(ws, k):
            break
        w = _bare(ws[k].norm)
        if w in _PREP_WORDS:
            return w
    return c.prep


def assign_roles(
    ws: Sequence[Word],
    t: int,
    t_end: int,
    *,
    prefix: str,
    rule: TriggerRule,
    cands: Sequence[Candidate],
    places: list[tuple[Mention, list[str]]] | None = None,
) -> Roles:
    """Actor, recipient and location of a trigger spanning words ``t..t_end``.

    Only the candidates within ``_WINDOW`` words of the trigger are looked at (found by bisection),
    so a sentence with many triggers costs linear time. When *places* is a list, every place
    candidate weighed for the location is appended to it with its features (for training, see
    ``training/events/train_places.py``).
    """
    cands = _window(cands, t - _WINDOW, t_end + _WINDOW)
    actor: list[Candidate] = []
    recipient: list[Candidate] = []
    nominal = (
        _is_nominal(prefix, ws[t])
        or bool(set(prefix) & {"ب", "ل"})
        or _participle_noun(ws, t, prefix)
    )
    adj_actor: Mention | None = None
    victim_noun = nominal and _patient_genitive(ws, t, t_end)
    if (rule.actor == "adj" or nominal) and not victim_noun:
        # (مقتل جندي أفغاني: the adjective is the victim's, not the attacker's; after a verb
        # only right after it, where the word is the noun: قصف روسي; أنه قصف مواقع إسرائيلية
        # names the object's side)
        # (a nisba right after it makes the word a noun: قصف جوي إسرائيلي)
        noun_like = nominal or (
            t_end + 1 < len(ws)
            and not definite(ws[t_end + 1].norm)
            and _plain(ws[t_end + 1].text).endswith("ي")
        )
        for k in range(t_end + 1, min(len(ws), t_end + (4 if noun_like else 2))):
            if _bare(ws[k].norm) in _PREPOSITIONS or _verb_like(ws[k]):
                # (الهجوم على المواقع الإسرائيلية، هجوم استهدف قاعدة أمريكية: the adjective of
                # another phrase)
                break
            canon = adjective_at(ws, k)
            if canon is None and _bare(ws[k].norm).startswith(("لل", "بال")):
                break  # (مساعدات طبية للحكومة اللبنانية: the governed noun's adjective)
            if canon is not None and not any(
                c.first <= k <= c.last for c in cands if c.kind != "phrase"
            ):
                w = ws[k]
                adj_actor = Mention(w.start, w.end, w.text, None, canon)
                break
    guess = False
    obj = None
    if rule.actor in ("subj", "adj"):
        act, rec, guess = structural_roles(
            ws, t, t_end, nominal=nominal, rule=rule, cands=cands, conj=prefix[:1] in ("و", "ف")
        )
        actor, recipient = ([] if adj_actor is not None else act), rec
        if (
            nominal
            and rule.mode == "visit"
            and len(actor) == 1
            and actor[0].first == t_end + 1
            and actor[0].mention.label == "LOC"
        ):
            # زيارة أبوظبي: a place in the genitive of a visit is where, not who, visits
            recipient, actor = [actor[0], *recipient], []
        obj = None if rule.right is None else required_object(ws, t_end, rule.right)
        if obj is not None and _bare(ws[obj].norm).endswith(PRONOUN_SUFFIXES):
            # (أن تسحب قواتها من الكويت: what the row requires after the verb, with the pronoun
            # of its owner, is the object; not أطلقت طائرة مسيرة صواريخ, انتشار الجيش)
            actor = [c for c in actor if c.first != obj]
        if nominal and rule.category in _BETWEEN and adj_actor is None and (guess or not act):
            # الهدنة المؤقتة بين إسرائيل وحركة حماس: the parties of a truce, deal or talks
            parties = _between(ws, cands, t_end)
            if parties:
                actor, guess = parties, False
    else:
        lower = _clause_start(ws, t)
        left = [c for c in cands if lower <= c.first and c.last < t and t - c.last <= 10]
        if not left and lower > 0 and ws[lower - 1].norm.endswith(("ه", "ها", "هم")):
            # "أعلن ترامب أنه أجرى مكالمة": the pronoun is the subject of the speech verb
            left = [c for c in cands if c.last < lower - 1 and lower - 1 - c.last <= 8][-1:]
        right = [c for c in cands if c.first > t_end and c.first - t_end <= 12]
        stop = _clause_stop(ws, t_end)
        right = [c for c in right if c.first < stop]
        prev_end = {id(c): (cands[i - 1].last + 1 if i else 0) for i, c in enumerate(cands)}
        prep = {id(c): _governing(ws, c, max(prev_end[id(c)], t_end + 1)) for c in right}
        _frame_roles(
            ws,
            t,
            t_end,
            nominal=nominal,
            rule=rule,
            cands=cands,
            left=left,
            right=right,
            prep=prep,
            actor=actor,
            recipient=recipient,
        )
        if nominal and rule.category in _BETWEEN and (parties := _between(ws, cands, t_end)):
            # المفاوضات بين إسرائيل وحماس: the parties are named; a host or mediator named
            # around the noun (استضافت القاهرة جولة من المفاوضات) is none
            actor[:] = parties
            recipient[:] = [c for c in recipient if c not in parties]
    demanded = False
    if rule.category in ("REQUEST", "DEMAND"):
        # دعا إلى "ضرورة ترك X وY السلطة": the people the demand is about are its recipients
        targets = _demand_targets(ws, cands, t_end, recipient)
        demanded = targets is not recipient  # the genitive of a demanded verbal noun: people
        recipient = targets
    used = {id(c) for c in actor}
    location = _locations(
        ws,
        (t, t_end),
        category=rule.category,
        nominal=nominal,
        cands=cands,
        taken=(used, {id(c) for c in recipient}),
        log=places,
    )
    # reported: an actor the clause names, and a phrase only when its head can name who acts
    # (not الخطاب، قائمة، العودة); the rest is a guess (Roles.guessed)
    # (nor a name in the genitive of a thing: هجوم مبنى الأونروا، تمويل نشاطات حماس)
    kept = (
        []
        if guess
        else [
            c
            for c in actor
            if (c.kind != "phrase" or _may_act(ws, c))
            and not _thing_of(ws, c)
            # (nor the word the row requires after the verb when it names no one: منع دخول
            # المنتخب المغربي, whose adjective names a state)
            and not (c.first == obj and not _may_act_norm(ws[c.first].norm, ws[c.first].text))
        ]
    )
    actors = tuple(c.mention for c in kept)
    if adj_actor is not None:
        actors = (adj_actor, *actors)
    guessed = tuple(c.mention for c in actor if c not in kept)
    # a party's event (a demand, an accusation, talks, aid ...) is directed at someone: a
    # phrase that names no one is what is demanded or done (تنفيذ الأوامر، تعديل قانون)
    to_party = rule.category in _PARTY_RECIPIENTS and not demanded
    told = [
        c
        for c in recipient
        if (not to_party or c.kind != "phrase" or _may_act(ws, c))
        # (a bomb is what an attack is done with: تفجير سيارة مفخخة has no target named)
        and not (rule.category == "ASSAULT" and c.kind == "phrase" and _explosive(ws, c))
        # (a call from a place names where it came from: اتصال هاتفي من العاصمة)
        and not (_bare(c.prep) == "من" and c.mention.label == "LOC" and rule.category == "CONSULT")
    ]
    if (
        rule.category == "CONSULT"
        and kept
        and told
        and any(_RECEIVING.fullmatch(_bare(w.norm)) for w in ws[max(0, t - 6) : t])
    ):
        # تلقى الرئيس اتصالا من نظيره: the caller is the one who acts, the subject receives
        actors, told = tuple(c.mention for c in told), [c for c in kept if c not in told]
    if rule.category in _GOODS_CATEGORIES and not told and recipient:
        # فرضت رسوما على واردات الصلب من الصين، جمدت أصول البنك المركزي: the goods or the
        # assets name no one; the state or the body they are of is the party
        owner = _owner_of(ws, cands, recipient[0])
        if owner is not None and owner not in kept:
            told = [owner]
    return Roles(
        actors,
        tuple(c.mention for c in told),
        tuple(location),
        guessed,
        tuple(c.mention for c in recipient if c not in told),
    )


# a verb of receiving (تلقى، يتلقى): its subject is the other party of the call or visit received
_RECEIVING = re.compile(r"(?:ي|ت)?تلق(?:ي|ت|يا|تا|وا)")
# categories whose object may be goods, assets or a sector of a state (واردات الصلب من الصين)
_GOODS_CATEGORIES = frozenset({"SANCTION"})


def _owner_of(ws: Sequence[Word], cands: Sequence[Candidate], c: Candidate) -> Candidate | None:
    """The named state or body that goods or assets *c* (a sanction's object) belong to: the
    name right after it, in its genitive or after من (أصول البنك المركزي، واردات الصلب من
    الصين), else ``None``. Only there: the genitive of other acts is as often another party
    (رفض العمل خارج مصر، إدانة واسعة من الفصائل، لمساعدة كمبوديا)."""
    d = next((x for x in cands if x.first > c.last), None)
    if d is None or d.kind not in ("entity", "group", "force"):
        return None
    if d.kind == "entity" and d.mention.label not in ("LOC", "ORG"):
        return None
    between = [_bare(w.norm) for w in ws[c.last + 1 : d.first]]
    if between not in ([], ["من"]) or any(
        ws[k].start - ws[k - 1].end > 1 for k in range(c.last + 1, d.first + 1)
    ):
        return None
    return d


# Words after which another clause begins (a recipient after them is that clause's).
_STOPS = _wordset("بعد حيث بينما فيما مما عندما حين لان لانه لانها لانهم")
# the conjunctions among them that a clause, not a noun, follows (not بعد: بعد قصف المدينة)
_CLAUSE_CONJUNCTIONS = _STOPS - _wordset("بعد مما")


def _clause_stop(ws: Sequence[Word], t_end: int) -> int:
    """The first word after a trigger that opens another clause (بعد أن، حيث، بينما ...) or an
    attribution (وفق ما، بحسب: who reports it) within the recipient window; ``len(ws)`` when
    none does: a recipient is in the trigger's clause."""
    return next(
        (
            k
            for k in range(t_end + 1, min(len(ws), t_end + 13))
            if _in_words(ws[k].norm, _STOPS) or ws[k].norm in _ATTRIBUTION
        ),
        len(ws),
    )


def _in_words(norm: str, table: frozenset[str]) -> bool:
    """*norm* is a word of *table*, with or without its و / ف (فيما is a word of its own, not
    ف + يما; وبينما is و + بينما)."""
    return norm in table or _bare(norm) in table


# Words that attribute what precedes to a source (وفق ما أكدته مصادر): no participant follows.
_ATTRIBUTION = _wordset("وفق وفقا بحسب حسب طبقا ووفق ووفقا وبحسب وحسب")


_PLACE_PREPS = _PREP_WORDS | _LOC_PREPS | {"ب", "ل", "ك", "و", "كل"}


# a passive participle of the مفعول pattern, with or without the article and a feminine or plural
# ending (المدعومة، مدعومين، المطلوب), normalised
_MAFUL = re.compile(r"(?:ال)?م..و.(?:[ةه]|ين|ون|ات)?")


def _agent_of_participle(ws: Sequence[Word], c: Candidate) -> bool:
    """Whether place *c* follows من right after a passive participle (المدعومة من رواندا،
    مطلوب من الولايات المتحدة): by whom, not where."""
    k = c.first - 1
    return (
        c.prep == "من"
        and k >= 1
        and _bare(ws[k].norm) == "من"
        and _MAFUL.fullmatch(_bare(ws[k - 1].norm)) is not None
    )


# Nouns of a subject matter (الأوضاع، التطورات، الأزمة): a place after them is where the
# subject is, not where a meeting, a statement or a call about it takes place (not وضع: also
# the verb "put", وضع جثمانه في عربة).
_TOPICS = _wordset(
    "الاوضاع الوضع اوضاع التطورات تطورات المستجدات مستجدات الازمه الازمة ازمه ازمة "
    "الملف ملف القضيه القضية قضيه قضية الاحداث احداث الصراع صراع"
)


def _locations(
    ws: Sequence[Word],
    span: tuple[int, int],
    *,
    category: str,
    nominal: bool,
    cands: Sequence[Candidate],
    taken: tuple[set[int], set[int]],
    log: list[tuple[Mention, list[str]]] | None,
) -> list[Mention]:
    """The places of the sentence that the place model (:mod:`arabnews.events.places`) keeps as
    where the trigger at words ``span`` happened; *taken* holds the ids of its actor and of its
    recipient candidates (an actor is no location; an attacked place is one)."""
    t, t_end = span
    actors, recipients = taken
    places = [
        c
        for c in cands
        if id(c) not in actors
        and (c.mention.label == "LOC" or c.kind == "name")
        # (هجوما روسيا: Russian, روسيًّا, the attacker's adjective, not Russia the place)
        and not (c.kind == "name" and _accusative_nisba(ws, c.first))
        and not _agent_of_participle(ws, c)
        # (a weapon the recogniser took for a place: بصواريخ وطائرات مسيرة)
        and not (c.first == c.last and _instrument(ws[c.first].norm))
    ]
    if not places:
        return []
    model = place_model()
    order = sorted(places, key=lambda c: c.first - t_end if c.first > t_end else t - c.last)
    rank = {id(c): k for k, c in enumerate(order)}
    ends = {c.last for c in cands if c.mention.label != "LOC" and c.kind != "name"}
    verbs: dict[int, bool] = {}  # finite_verb of a word, read once per trigger

    def verb_in(lo: int, hi: int) -> bool:
        for k in range(lo, hi):
            v = verbs.get(k)
            if v is None:
                v = verbs[k] = finite_verb(ws[k])
            if v:
                return True
        return False

    out: list[Mention] = []
    for c in places:
        after = c.first > t_end
        lo, hi = (t_end + 1, c.first) if after else (c.last + 1, t)
        prep = _bare(c.prep) if c.prep else ""
        # the place's phrase begins at its preposition word (في غزة), if any
        head = (
            c.first - 1 if prep and c.first > 0 and _bare(ws[c.first - 1].norm) == prep else c.first
        )
        if prep == "في" and head > 0 and head - 1 != t_end and _bare(ws[head - 1].norm) in _TOPICS:
            continue  # (بحث معه تطورات الأوضاع في غزة: where the topic is, not the talks)
        if prep not in _PLACE_PREPS:
            prep = "word" if prep else ""  # (the previous word, no preposition)
        cue = PlaceCue(
            category=category,
            nominal=nominal,
            after=after,
            distance=hi - lo + 1,
            prep=prep,
            label=c.mention.label,
            rank=rank[id(c)],
            # more than a space between two words: punctuation (the words hold letters only)
            punctuation=any(ws[k + 1].start - ws[k].end > 1 for k in range(lo - 1, hi)),
            verb_between=verb_in(lo, hi),
            modifier=(head - 1) in ends,
            recipient=id(c) in recipients,
        )
        if log is not None:
            feats = place_features(cue)
            log.append((c.mention, feats))
            if model.probability(feats) >= model.threshold:
                out.append(c.mention)
        elif kept(cue):
            out.append(c.mention)
    return out


# Categories of a nominal trigger whose parties follow بين as its actors (هدنة بين، اتفاق بين).
_BETWEEN = frozenset({"CONCEDE", "AGREE", "CONSULT", "COOPERATE"})


def _between(ws: Sequence[Word], cands: Sequence[Candidate], t_end: int) -> list[Candidate]:
    """The candidates coordinated after a بين within four words after a nominal trigger
    (an adjective may stand between: الهدنة المؤقتة بين X و Y، المفاوضات غير المباشرة بين)."""
    first = next(
        (c for c in cands if t_end < c.first <= t_end + 4 and _bare(c.prep) == "بين"), None
    )
    if first is None or any(_verb_like(ws[k]) for k in range(t_end + 1, first.first)):
        return []
    return _coordinated(ws, cands, [first])


# Categories whose recipient is a party (PLOVER's target actor), not a place or an object; the
# others (ASSAULT, COERCE, RETREAT, PROTEST, MOBILIZE) may be directed at places and things.
_PARTY_RECIPIENTS = frozenset(
    {
        "REQUEST",
        "ACCUSE",
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "REJECT",
        "SANCTION",
        "AID",
        "THREATEN",
        "COOPERATE",
        "CONCEDE",
    }
)


def _person_after_genitive(
    ws: Sequence[Word], cands: Sequence[Candidate], c: Candidate
) -> Candidate | None:
    """The person a title names when *c* is the title's named genitive and the person's name
    follows it (مع أمير قطر الشيخ تميم بن حمد: تميم بن حمد, not قطر), else ``None``."""
    if c.mention.label == "PER" or c.first == 0 or not _after_title(ws, c.first):
        return None
    return next((x for x in cands if x.first == c.last + 1 and x.mention.label == "PER"), None)


def _after_title(ws: Sequence[Word], k: int) -> bool:
    """Whether ``ws[k]`` follows a title in construct: a title word, then up to two indefinite
    nouns (أمير قطر، وزير خارجية إيران، رئيس حكومة إقليم كردستان)."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if _title_word(ws[j]):
            return True
        if definite(ws[j].norm) or function_word(ws[j].norm) or finite_verb(ws[j]):
            return False
    return False


# Categories whose noun (or passive participle) names its source with من: a proposal, support,
# aid, a charge or a threat from someone (not a withdrawal or an expulsion from a place).
_SOURCE_CATEGORIES = frozenset({"REQUEST", "SUPPORT", "AID", "ACCUSE", "THREATEN"})


def _source_after(
    ws: Sequence[Word], t: int, t_end: int, *, nominal: bool, category: str
) -> int | None:
    """The word after من when من right after a noun or a passive participle (مـ) of a source
    category, or after its adjective (مساعدات طبية من قطر), introduces who the act comes
    from; else ``None``."""
    if category not in _SOURCE_CATEGORIES or t_end + 2 >= len(ws):
        return None
    k = t_end + 1
    if (
        _bare(ws[k].norm) != "من"
        and k + 2 < len(ws)
        and _bare(ws[k + 1].norm) == "من"
        and _adjective_like(ws[k].norm)
        and definite(ws[k].norm) == definite(ws[t].norm)  # (it agrees)
    ):
        k += 1
    if _bare(ws[k].norm) != "من":
        return None
    n = _bare(ws[t].norm).removeprefix("ال")
    if n.startswith("طلب"):
        return None  # (الطلب من الحكومة أن: whom one asks, as with the verb)
    return k + 1 if nominal or (n[:1] == "م" and len(n) >= 4) else None


# Verbs of receiving (تلقى، تسلم، استلم): their subject is given the aid or support they govern.
_RECEIVE = _wordset(
    "تلقي تلقت تلقوا يتلقي تتلقي تسلم تسلمت تسلموا يتسلم تتسلم استلم استلمت استلموا يستلم تستلم"
)
_RECEIVED = frozenset({"AID", "SUPPORT"})

_SELF_COMPLEMENT = _wordset("انه انها انهم انهما بانه بانها بانهم")


def _other_verb_between(ws: Sequence[Word], lo: int, t: int, rule: TriggerRule) -> bool:
    """Whether a finite verb stands between ``ws[lo]`` and the trigger at ``ws[t]`` that neither
    carries the trigger's event out (a light verb: أجرى، عقد), announces it, nor names an event
    of its category or an agreement (وقع الطرفان اتفاقا، تتفقان على التعاون): the candidate at
    *lo* is that verb's subject (الدوحة تستضيف المفاوضات)."""
    rules = trigger_rules()
    for k in range(lo + 1, t):
        w = ws[k]
        if not (_lexicon_verb(w.norm) or _verb_like(w)) or _light_verb(w):
            continue
        if _bare(w.norm) in _ANNOUNCE or _bare(w.norm) in _AUX:
            continue  # حماس تعلن التنسيق مع إيران: who announces an act does it (كانت: no verb)
        if k + 1 < t and _bare(ws[k + 1].norm) in _SELF_COMPLEMENT:
            continue  # ترامب قال إنه يخطط لإجراء مكالمة: the pronoun is the subject itself
        if any(rules[i].category in (rule.category, "AGREE") for i, _ in match_first(w.norm)):
            continue  # (تتفقان على مواصلة التعاون: who agrees to it takes part)
        return True
    return False


def _frame_roles(
    ws: Sequence[Word],
    t: int,
    t_end: int,
    *,
    nominal: bool,
    rule: TriggerRule,
    cands: Sequence[Candidate],
    left: list[Candidate],
    right: list[Candidate],
    prep: dict[int, str],
    actor: list[Candidate],
    recipient: list[Candidate],
) -> None:
    """Roles of the symmetric frames (``all``: CONSULT مع / بين; ``host``), in place.

    Only named candidates take part, and after the trigger phrases headed by an agent noun (a
    phrase such as ``رئيسي البلدين`` or ``هاتفي`` would hide the participants an earlier mention
    names)."""
    # نفى أن يكون وزير الخارجية قد التقى مسؤولين: the subject stands between يكون and قد, and
    # the noun after the verb is its object (a phrase too: the clause names it)
    kana = (
        _subject_after_kana(ws, cands, max(0, t - 10), t)
        if not nominal and t > 1 and _bare(ws[t - 1].norm) == "قد"
        else None
    )
    if rule.category not in ("ASSAULT", "PROTEST"):  # (a clash's sides are often unnamed)
        cands = [c for c in cands if c.kind != "phrase"]
        # (the subject of the light verb that carries the noun out is one: أجرى الرئيس الفرنسي
        # اتصالا مع نظيره، عقد وزير الخارجية محادثات)
        # (nor one headed by an agent noun right before the verb, its subject: إن وزير الخارجية
        # التقى نظيره)
        left = [
            c
            for c in left
            if c.kind != "phrase"
            or (c.first > 0 and _light_verb(ws[c.first - 1]) and _agent_phrase(ws, c))
            or (not nominal and c.last == t - 1 and ungoverned(c) and _agent_phrase(ws, c))
        ]
        # after the trigger, a phrase headed by an agent noun names a party too (الرئيس المصري،
        # نظيره الفرنسي); before it, a phrase is seldom its subject
        right = [c for c in right if c.kind != "phrase" or _agent_phrase(ws, c)]
    if kana is not None:
        left = [kana]
    rec_preps = set(rule.recipient) - {"obj"}

    def no_prep(c: Candidate) -> bool:
        p = prep.get(id(c), c.prep)
        return p not in rec_preps and p not in _LOC_PREPS and p not in _PREP_WORDS | {"ل", "ب"}

    adj_actor = None
    # VSO subject (a verb's first bare candidate, titles in between) or a genitive (هجمات روسيا)
    subj_window = -1 if kana is not None else 2 if nominal else 6
    subj = next(
        (
            c
            for c in right
            if c.first - t_end <= subj_window
            and no_prep(c)
            and not _after_classifier(ws, c)
            # (nor past another verb or event noun: اتفاق لوقف إطلاق النار وتبادل الأسرى)
            and not any(
                _verb_like(ws[k]) or _event_noun_before(ws, k) for k in range(t_end + 1, c.first)
            )
        ),
        None,
    )
    title_of: Candidate | None = None  # the named genitive of a title subject
    if subj is not None:
        title_of = _title_genitive(ws, right, subj)
        person = None if title_of is None else _person_after_genitive(ws, right, title_of)
        subj = (
            person
            or _person_after_genitive(ws, right, subj)
            or _title_bearer(ws, right, subj, no_prep)
            or subj
        )
    # "القوات الأوكرانية استعادت ..." (not a place before the verb: وفي أربيل، التقى ...)
    svo = bool(left) and t - left[-1].last <= 2 and no_prep(left[-1])
    if (
        adj_actor is None
        and subj is not None
        and not svo
        and (not nominal or subj.first == t_end + 1)
    ):
        actor.append(subj)
    elif (
        adj_actor is None
        and left
        and no_prep(left[-1])
        and no_prep(_first_conjunct(left, prep))
        # (nor the subjects of a reaction: دعت مصر وقطر والولايات المتحدة ... إلى المفاوضات)
        and not (nominal and _reacts_to(ws, _first_conjunct(left, prep), rule.category))
        # (nor the clause's subject for a cause: قضت المحكمة بعزلها بسبب مكالمة هاتفية)
        and not (nominal and t > 0 and _bare(ws[t - 1].norm) in _CAUSES)
        # (مقتل ضابط خلال الاشتباكات: the genitive of another event noun is that noun's)
        and not (nominal and _event_word(left[-1].prep))
        # (الدوحة تستضيف المفاوضات بين إسرائيل وحماس: the subject of another verb between)
        and not (nominal and _other_verb_between(ws, left[-1].last, t, rule))
    ):
        # (a place after في before the verb is where, not who; so is a conjunct of a governed
        # noun: برعاية الأمم المتحدة واللجنة الدولية، بعد مفاوضات)
        actor.append(left[-1])
        if rule.actor == "all":
            # توصلت الحكومة اليمنية وجماعة الحوثي إلى اتفاق: both sides of the coordination
            k = len(left) - 1
            while (
                k > 0
                and prep.get(id(left[k]), left[k].prep) == "و"
                and left[k].first - left[k - 1].last <= 2
                and no_prep(left[k - 1])
            ):
                k -= 1
                actor.insert(0, left[k])
    # the object comes after the subject, however long the subject's title (التقى الأمين العام
    # لجامعة الدول العربية أحمد أبو الغيط وزير الخارجية ...)
    obj_from = max([t_end, *(c.last for c in actor if c.first > t_end)])
    if title_of is not None and title_of.first > t_end and subj in actor:
        obj_from = max(obj_from, title_of.last)  # (وزير خارجية إيران: the country is the title's)
    titled: set[int] = set()  # persons already taken for the title before them
    for k, c in enumerate(right):
        if c in actor or id(c) in titled:
            continue
        p = prep[id(c)]
        if p in ("مع", "بين") and any(
            _other_head(ws, t_end, j, rule.category) for j in range(t_end + 1, c.first)
        ):
            continue  # another verb's or event noun's partner: ناقش مشروع قانون يجرم التطبيع مع
        # a conjunct takes the role of the conjunct before it (برعاية الأمم المتحدة واللجنة
        # الدولية: a sponsor with the sponsor, not a party), not when it is the genitive of
        # another event noun (اتفاق لوقف إطلاق النار وتبادل الأسرى)
        if rule.actor == "all" and (
            p in ("مع", "بين")
            or (
                p == "و"
                and _conjunct_of(right, prep, k, actor, t)
                and not (c.first > 0 and _event_noun_before(ws, c.first - 1))
            )
        ):
            person = _person_after_genitive(ws, right, c)
            if person is not None:
                titled.add(id(person))
            actor.append(person or c)
        elif (
            p in rec_preps
            or (p == "و" and recipient and c.first - recipient[-1].last <= 2)
            or (
                "obj" in rule.recipient
                and not recipient
                and no_prep(c)
                and 0 < c.first - obj_from <= 8
                # (not the subject of another verb: التقى فؤاد حسين نظيره، وأعلن حسين ...)
                and not any(_verb_like(ws[k]) for k in range(obj_from + 1, c.first))
            )
        ):
            recipient.append(c)
    if rule.actor == "host":
        actor[:], recipient[:] = list(recipient), list(actor)


# ----------------------------------------------------------------------------- noun phrases


# Closed word classes of the phrase chunker: PREPOSITIONS and PARTICLES (``lexicon``).
_QUANTIFIERS = _wordset(
    "مئات الاف عشرات المئات الالاف العشرات نحو حوالي قرابه قرابة اكثر اقل عدد بضعه بضعة "
    "مزيد مزيدا المزيد العديد عديد"
)
_AUX = frozenset({"قد", "لقد", "كان", "كانت", "كانوا", "لم", "لن", "سوف", "رح", "ما", "لا"})
_ADVERBS = _wordset(
    "مرارا تكرارا رسميا ايضا مجددا فورا حاليا سابقا لاحقا اخيرا مؤخرا علنا صراحه صراحة "
    "امس اليوم غدا ليلا صباحا مساء فجرا ظهرا كذلك"
)
_MAX_PHRASE = 4
_AUX = frozenset(norm_word(w) for w in _AUX)
_RELATIVE = RELATIVE_PRONOUNS


def _other_head(ws: Sequence[Word], t_end: int, j: int, category: str) -> bool:
    """Whether ``ws[j]``, after a trigger ending at ``ws[t_end]``, heads a phrase of its own
    that a following مع / بين may belong to: an event noun, or a verb that is no relative
    clause of the trigger (not after الذي / التي / تم, nor right after the trigger: اتفاقية
    وقعت بين) and no nisba (سياسي is no future verb); not a word of the trigger's own category
    (بتوقيع اتفاقية التسليم مع)."""
    before = _bare(ws[j - 1].norm)
    if before in ("تم", "يتم"):
        return False  # (الاتفاق الذي تم التوصل إليه بين: the agreement's own clause)
    rules = trigger_rules()
    if any(rules[i].category == category for i, _ in match_first(ws[j].norm)):
        return False  # (بتوقيع اتفاقية التسليم مع: a noun of the same event)
    if _event_noun_before(ws, j):
        return True
    n = _bare(ws[j].norm)
    return (
        _verb_like(ws[j])
        and j > t_end + 1
        # (a relative clause of the trigger: المفاوضات التي كانت تجريها الحكومات مع)
        and not any(_bare(w.norm) in _RELATIVE for w in ws[t_end + 1 : j])
        and not n.endswith(("ي", "ية", "يه"))
    )


def _event_noun_before(ws: Sequence[Word], k: int) -> bool:
    """Whether ``ws[k]`` is a word that names an event (a trigger of the lexicon or a
    referential noun), so that the candidate after it is its genitive (وتبادل الأسرى)."""
    norm = ws[k].norm
    if _event_word(norm):
        return True
    # (not a participant noun of the lexicon: والقوات after المحتجين is a conjunct)
    return (
        bool(match_first(norm))
        and not _verb_like_norm(norm)
        and not _may_act_norm(norm, ws[k].text, known_only=True)
    )


def _title_bearer(
    ws: Sequence[Word],
    cands: Sequence[Candidate],
    c: Candidate,
    bare: Callable[[Candidate], bool],
) -> Candidate | None:
    """The person named after a title phrase *c* and its complements (الأمين العام لاتحاد
    المصارف العربية سامي خوري: an adjective, a ل-genitive), else ``None``; another agent phrase
    (الرئيس الفرنسي) or a governed candidate ends the search."""
    if c.kind != "phrase":
        return None
    for x in cands:
        if x.first <= c.last:
            continue
        if x.first > c.last + 6:
            return None
        if x.mention.label == "PER":
            # (not a person with a title of his own: الرئيس الفرنسي إيمانويل ماكرون)
            return x if bare(x) and x.mention.start == ws[x.first].start else None
        if x.prep != "ل" and (x.kind != "phrase" or _agent_phrase(ws, x) or not bare(x)):
            return None
    return None


def _agent_phrase(ws: Sequence[Word], c: Candidate) -> bool:
    """Whether phrase *c* is headed by an agent noun of ``agentive.tsv`` that names someone
    known: definite (الرئيس المصري، الوفد), with a pronoun (نظيره الفرنسي) or a title in
    construct (وزير خارجية، رئيس الوزراء); not a bare indefinite noun (مرشحين، تنظيم)."""
    head = ws[c.first]
    if not _may_act_norm(head.norm, head.text, known_only=True):
        return False
    n = _bare(head.norm)
    return (
        definite(head.norm)
        or n.endswith(PRONOUN_SUFFIXES)
        or (c.last > c.first and _title_word(head))
    )


def _may_act(ws: Sequence[Word], c: Candidate) -> bool:
    """Whether phrase candidate *c* may be an event's actor: a word of it is a nationality
    adjective (standing for its state: دبابة إسرائيلية), or its head (after a count: آلاف
    المتظاهرين) is an agentive noun (``agentive.tsv``: رئيس، حكومة، قوات، متظاهرون) or a word
    the Arabic Wikipedia word list does not know well (a name the recogniser missed). A
    common word of any other kind names no actor (الخطاب، قائمة المحتجزين، العودة), nor
    does an event word of the trigger lexicon that is no agentive noun, adjective or not
    (القصف الإسرائيلي، اتهامات إسرائيلية، احتلال: the event, not who does it)."""
    k = c.first
    while k < c.last and (_is_number(ws[k]) or _bare(ws[k].norm) in _QUANTIFIERS):
        k += 1
    head = ws[k]
    # a weapon acts as the subject of its verb (انفجرت عبوة ناسفة), not as an instrument
    # (بالصواريخ) nor as what an event noun is done to (تفجير عبوات ناسفة)
    used = c.prep == "ب" or bool(c.prep and match_first(c.prep) and not _verb_like_norm(c.prep))
    if (match_first(head.norm) or (used and _instrument(head.norm))) and not _may_act_norm(
        head.norm, head.text, known_only=True
    ):
        return False
    if any(adjective_at(ws, j) is not None for j in range(c.first, c.last + 1)):
        return True
    return _may_act_norm(head.norm, head.text)


def _thing_of(ws: Sequence[Word], c: Candidate) -> bool:
    """Whether *c* is a name in the genitive of a common noun that names no actor (قرار الهيئة
    الوطنية، نتائج الانتخابات: the candidate takes the noun in, its mention is the name): the
    decision, not the body, is what the phrase is: no actor, and after a verb the object.
    Not a person (الدكتور علي الحاج، مندوب إسرائيل جلعاد أردان: a title), nor a head that is
    an elative (أكبر منظمة), a nisba adjective (مظاهرة جماهيرية التيار الوطني الحر), a
    verb (تدرس السلطة الفلسطينية) or a place's classifier (محافظة لبنان الشمالي): the name
    itself is the phrase's party there."""
    head = ws[c.first]
    bare = _bare(head.norm)
    return (
        c.kind == "entity"
        and c.mention.label != "PER"
        and head.end <= c.mention.start
        and not (len(bare) == 4 and bare[0] == "ا")
        and not (len(bare) > 4 and bare.endswith(("ي", "يه", "ية")))
        and not _verb_like(head)
        and not _classifier(head)
        and bare not in _ADVERBS
        and not _function_word(head)
        and not _may_act_norm(head.norm, head.text)
        and adjective_at(ws, c.first) is None
    )


def phrase_candidate(text: str, ws: Sequence[Word], i: int) -> Candidate | None:
    """The noun phrase starting at ``ws[i]`` as a ``phrase`` candidate (``مدرب الفريق``), or
    None where no phrase starts (a preposition, a verb, a particle)."""
    last = _phrase_at(text, ws, i, set())
    if last is None:
        return None
    start = _start_after_clitics(ws[i])
    mention = Mention(start, ws[last].end, text[start : ws[last].end])
    return Candidate(i, last, mention, "phrase", _prep(text, ws, i, start))


def may_act(ws: Sequence[Word], c: Candidate) -> bool:
    """Whether candidate *c* of the sentence *ws* may name who acts: a named candidate, or a
    phrase headed by an agentive noun or a nationality adjective (``مدرب الفريق``,
    ``دبابة إسرائيلية``; not ``الخطاب``)."""
    return c.kind != "phrase" or _may_act(ws, c)


def _explosive(ws: Sequence[Word], c: Candidate) -> bool:
    """Whether a word of phrase *c* is an explosive device (``mode_cues.tsv``, mode
    ``explosives``: مفخخة، ناسفة، عبوة، ألغام)."""
    return any(_explosive_norm(ws[k].norm) for k in range(c.first, c.last + 1))


@functools.lru_cache(maxsize=100_000)
def _explosive_norm(norm: str) -> bool:
    return any(
        r.label == "ASSAULT" and r.extra == "explosives" and part_matches(r.pattern, norm)
        for r in mode_cues()
    )


@functools.lru_cache(maxsize=100_000)
def _instrument(norm: str) -> bool:
    """A weapon or means of an attack (``mode_cues.tsv``: عبوات، قذائف، صواريخ): what an
    attack is done with, not who does it."""
    return any(r.label == "ASSAULT" and part_matches(r.pattern, norm) for r in mode_cues())


@functools.lru_cache(maxsize=100_000)
def _may_act_norm(norm: str, text: str, *, known_only: bool = False) -> bool:
    """:func:`_may_act` of one word; *known_only*: only a row of ``agentive.tsv`` counts."""
    heads = agentive_heads()
    for stem, _ in stem_candidates(norm):
        s = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
        forms = [s] + [s[: -len(x)] for x in PRONOUN_SUFFIXES if s.endswith(x) and len(s) > 4]
        if s.endswith("ي") and len(s) > 4:
            forms.append(s + "ن")  # a plural in construct: مقاتلي الفصائل, of مقاتلين
        # قواته -> قوات; a nisba plural (الفلسطينيين) is its people
        if any(f in heads for f in forms) or (s.endswith(("يين", "يون")) and actor_hits(s[:-2])):
            return True
    if known_only:
        return False
    from arabnews.ner.clitics import word_counts  # the Wikipedia word list of arabnews.names

    if word_counts(text)[0] >= _KNOWN_WORD:
        return False
    bare = _bare(norm)
    if any(bare.endswith(x) and _lexicon_verb(bare[: -len(x)]) for x in ("ه", "ها", "هم")):
        return False  # a verb with its object pronoun (وأبلغه), no name
    # an indefinite nisba of a common noun is its adjective (قصف صاروخي، مدفعي), and a common
    # noun with the accusative alif an adverbial (انتقاما، احتجاجا): no names; not a nisba in
    # ا (روسيا: the name of the state of روسي) nor a pronoun's (رعاياها، مواطنينا)
    plain = _plain(text)
    return not (
        len(plain) >= 5
        and not norm.startswith("ال")
        and (
            plain.endswith("ي")
            or (plain.endswith("ا") and not plain.endswith(("يا", "اا", "ها", "نا")))
        )
        and word_counts(plain[:-1])[0] >= _KNOWN_WORD
    )


# log2 bucket of a word's count in the Arabic Wikipedia word list from which it counts as a
# common word whose kind the agentive table decides (below: a name, a rare word; not judged)
_KNOWN_WORD = 6


# Function words that begin like the article (إلى، الذي، إلا): no definite nouns.
_NOT_ARTICLE = frozenset(w for w in _PARTICLES | _PREPOSITIONS if w.startswith("ال"))


def _is_number(w: Word) -> bool:
    return _number_norm(w.norm)


@functools.lru_cache(maxsize=100_000)
def _number_norm(norm: str) -> bool:
    if any(c.isdigit() for c in norm):
        return True
    rules = number_rules()
    return any(rules[k].type in ("number", "scale") for k in number_hits(norm))


def _noun_pattern(norm: str) -> bool:
    """أفعال / إفعال (أعمال، إطلاق) and استفعال (استهداف): plural or verbal-noun shapes, never
    finite verbs."""
    n = _bare(norm)
    return (len(n) == 5 and n[0] == "ا" and n[3] == "ا") or (
        len(n) == 7 and n.startswith("است") and n[5] == "ا"
    )


def _noun_shaped(norm: str) -> bool:
    """A word whose shape only a noun has: definite, in ة / ات / ه, or أفعال / استفعال."""
    return definite(norm) or norm.endswith(("ة", "ات", "ه")) or _noun_pattern(norm)


# verbs whose subject reacts to the event their object names, by category: a condemnation or
# a demand reacts to any event; a rejection to another's call, charge, threat or offer (who
# rejects a withdrawal, رفض الانسحاب، refuses to withdraw: that act would be its own)
_REACTIONS: dict[str, frozenset[str] | None] = {
    "ACCUSE": None,
    "REQUEST": None,
    "SUPPORT": None,  # رحب ماكرون بالاتفاق، أشاد الوزير بالهدنة: who welcomes it did not make it
    "REJECT": frozenset({"REQUEST", "ACCUSE", "THREATEN", "AID"}),
}


# رد على (answered): its subject answers the event its object names (ورد أردوغان على
# الانتقادات الأوروبية: the criticism is not his)
_RESPONDS = _wordset("رد ردت ردوا يرد ترد يردون ورد فرد")  # (ورد: و kept on 3 letters)


@functools.lru_cache(maxsize=100_000)
def _characterises(norm: str) -> bool:
    """A verb that characterises its object (the ``characterise`` rows of ``blockers.tsv``:
    وصف باشينيان الاتفاق بأنه تاريخي، اعتبر الوزير الهدنة خطوة): its subject judges the event,
    it does not do it."""
    return any(r.extra == "characterise" and part_matches(r.pattern, norm) for r in blockers())


def _reacts_to(ws: Sequence[Word], c: Candidate, category: str) -> bool:
    """Whether candidate *c* is the subject of a verb right before it that reacts to its
    object, the noun of *category* after *c* (رفض حزب الله دعوات نزع سلاحه، أدانت مصر الهجوم،
    طالب المتظاهرون باستقالة الحكومة): that subject does not do what the noun names. The
    subject of a verb of another kind may (وقعت بلغاريا هدنة، قطع الوزير زيارة)."""
    k = c.first - 1
    if k < 0:
        return False
    if c.kind == "entity" and c.mention.label == "PER":
        # a person's title before the name (رحب الأمين العام للأمم المتحدة أنطونيو غوتيريش):
        # the verb stands before the title
        k = _before_title(ws, c.first)
    norm = ws[k].norm
    if _noun_shaped(norm):
        return False  # a noun (لمطالبة إسلام آباد بوقف: the noun's genitive is asked to act)
    if _characterises(norm) or _bare(norm) in _RESPONDS:
        return True
    rules = trigger_rules()
    for i, _ in match_first(norm):
        verb = rules[i].category
        if verb in _REACTIONS:
            objects = _REACTIONS[verb]
            if objects is None or category in objects:
                return True
    return False


def _before_title(ws: Sequence[Word], first: int) -> int:
    """The word before the title that a person's name at ``ws[first]`` carries (الأمين العام
    للأمم المتحدة، وزير الخارجية الأمريكي، الرئيس): the title begins at an office noun
    (``agentive.tsv``) or a title word, at most five words back and within the phrase (no
    punctuation, no verb); ``first - 1`` when there is none."""
    k = first - 1
    for j in range(first - 1, max(-1, first - 6), -1):
        if ws[j + 1].start - ws[j].end > 1 or _verb_like(ws[j]):
            break
        n = _bare(ws[j].norm)
        bare_noun = n[2:] if n.startswith("ال") else n
        whole = ws[j].norm  # (وزير is a minister, not و + زير)
        if _title_norm(n) or _office(bare_noun) or _title_norm(bare_noun) or _office(whole):
            k = j - 1
    return k if k >= 0 else first - 1  # (a title at the start: nothing before it reacts)


@functools.lru_cache(maxsize=100_000)
def _lexicon_verb(norm: str) -> bool:
    """A trigger or speech-cue word that is not a (verbal) noun: قتلت، اختطف، قال."""
    if _noun_shaped(norm):
        return False
    if any(part_matches(r.pattern, norm) for r in referential()):
        return False
    if match_first(norm):
        return True
    return speech_verb(norm)


def _past_place(ws: Sequence[Word], cands: Sequence[Candidate], k: int) -> int:
    """Past a place governed by في at ``ws[k]`` (في اليمن), or *k* where none stands."""
    if k + 1 < len(ws) and _bare(ws[k].norm) == "في":
        place = _cand_at(cands, k + 1)
        if place is not None and place.mention.label == "LOC":
            return place.last + 1
    return k


def _new_clause(ws: Sequence[Word], k: int) -> bool:
    """Whether ``ws[k]`` begins a clause after punctuation: a finite verb (، ووصفت؛ . وأعلنت)
    or a circumstantial participle (، متوعدا بملاحقة ...)."""
    # (words carry no text between them: a gap wider than a space is punctuation)
    if k == 0 or ws[k].start - ws[k - 1].end <= 1:
        return False
    return finite_verb(ws[k]) or circumstantial_shape(ws[k])


def circumstantial_shape(w: Word) -> bool:
    """Whether *w* (its و / ف aside) has the shape of a circumstantial participle: an
    accusative in م of five letters or more (مؤكدا، متهما، متوعدا)."""
    n = _bare(w.norm)
    return len(n) >= 5 and n[0] == "م" and n[-1] == "ا"


def finite_verb(w: Word) -> bool:
    """Whether *w* is most likely a finite verb (lexicon verb, verb affixes)."""
    return _lexicon_verb(w.norm) or _verb_like(w)


def _verb_like(w: Word) -> bool:
    """A word that is most likely a finite verb (a phrase boundary)."""
    return _verb_like_norm(w.norm)


@functools.lru_cache(maxsize=100_000)
def _verb_like_norm(norm: str) -> bool:
    n = _bare(norm)
    if n in ARTICLE_LIKE_VERBS:
        return True  # التقى، ألقت
    if n.startswith("ال") or n.endswith(("ة", "ات")) or n in TIME_UNITS:
        return False  # (يوما: a unit of time, not an imperfect in ي)
    if _lexicon_verb(norm):
        return True
    w = Word(0, len(norm), norm, norm)
    if _casualty_verb([w], 0) and not any(part_matches(r.pattern, norm) for r in referential()):
        return True  # أصيب، قتلوا (not مقتل)
    if len(n) >= 4 and n.endswith("وا"):
        return True  # خطفوا، تجمعوا
    if len(n) >= 4 and n.endswith("ت") and not (n[0] == "ت" and n[-2] == "ي"):
        return True  # بدأت، استمرت (not تصويت)
    if len(n) >= 4 and n[0] == "ي" and not n.endswith(("ي", "ين", "يه")):
        return True  # يقود، يعملون، يهتفون
    if len(n) >= 5 and n[0] in "تن" and n[1:3] == "ست":
        return True  # تستضيف، نستمر: the present of استفعل
    return len(n) >= 4 and n[0] == "س" and n[1] in "يتن"


def _function_word(w: Word) -> bool:
    return function_word(w.norm)


@functools.lru_cache(maxsize=100_000)
def definite(norm: str) -> bool:
    """A definite word (الحكومة، والسودان، بالقرار، للأمم), not a function word that begins
    like the article (إلى، الذي، إلا)."""
    if _bare(norm) in _NOT_ARTICLE or _bare(norm) in ARTICLE_LIKE_VERBS:
        return False
    return any(p.endswith(("ال", "لل")) for _, p in stem_candidates(norm)) or norm.startswith(
        ("ال", "وال", "فال", "بال", "لل", "ولل")
    )


def _adjective_like(norm: str) -> bool:
    n = _bare(norm)
    return n.endswith(("ي", "يه", "ية", "يون", "يين", "ون", "ين", "ه", "ة")) or (
        # the dual of a nisba (جنديان إسرائيليان، مواطنتان سوريتان; not بيان، كيان، عصيان)
        n.endswith(("يان", "يتان")) and len(n.removesuffix("تان").removesuffix("ان")) >= 4
    )


@functools.lru_cache(maxsize=100_000)
def _event_word(norm: str) -> bool:
    """A verbal noun that names an event (مقتل، هجوم، انفجار; ``referential.tsv``), not a
    participant; agent nouns of the lexicon (قناص، انتحاري) stay participants."""
    return any(part_matches(r.pattern, norm) for r in referential())


def _initial_verb(w: Word) -> bool:
    """A sentence-initial word shaped like a past verb (خرج، داهمت، انفجرت، استهدف): Arabic news
    sentences mostly open with their verb; nouns there are definite, plural, feminine or م-."""
    from arabnews.ner.clitics import clitic_reading

    n = _bare(w.norm)
    if n != w.norm and w.norm[:1] in ("و", "ف") and clitic_reading(w.norm, 1) is False:
        n = w.norm  # (وزير، فريق: the letter is the word's own, not a conjunction)
    hamza_al = w.text.lstrip("وف")[:2] in ("أل", "إل", "آل")  # ألقت: a verb, not the article
    if len(n) < 3 or n.endswith(("ة", "ات", "ون", "ين", "ان", "ي")) or n.startswith("م"):
        return False
    if n.startswith("ال") and not hamza_al:
        return False
    if n.endswith("ت") and len(n) >= 4:
        return True
    return len(n) == 3 or (len(n) in (4, 5) and n[0] == "ا") or n.startswith("است")


@functools.lru_cache(maxsize=100_000)
def _may_start(norm: str) -> bool:
    """Whether a word of this form may begin a noun phrase (per form, cached)."""
    w = Word(0, len(norm), norm, norm)
    if _function_word(w) or _verb_like(w) or _is_number(w) or not norm.isalpha():
        return False
    if _event_word(norm) or _light_norm(norm):
        return False  # (a light verb, نفذته، شنها: a verb with its object pronoun)
    b = _bare(norm)
    return not (b in _QUANTIFIERS or norm in _ADVERBS or len(b) < 2)


@functools.lru_cache(maxsize=100_000)
def _may_continue(norm: str) -> bool:
    """Whether a word of this form may continue a noun phrase (per form, cached)."""
    w = Word(0, len(norm), norm, norm)
    if norm.startswith("و") and not norm.startswith(_WAW_WORDS):
        return False  # coordination: a phrase of its own
    if _function_word(w) or _verb_like(w) or _is_number(w) or not norm.isalpha():
        return False
    return not (_event_word(norm) or norm in _ADVERBS or norm[:1] in ("ب", "ل", "ك"))


def _phrase_at(text: str, ws: Sequence[Word], i: int, taken: set[int]) -> int | None:
    """Last word of the noun phrase starting at ``ws[i]``, or None if no phrase starts there."""
    w = ws[i]
    if i in taken or not _may_start(w.norm) or (i == 0 and _initial_verb(w)):
        return None
    if _bare(w.norm) in ("يد", "الاقل") and i > 0 and _bare(ws[i - 1].norm) == "علي":
        # على يد (at the hands of): the agent's phrase begins after it; على الأقل (at least)
        return None
    head_def = definite(w.norm)
    last = i
    for k in range(i + 1, min(len(ws), i + _MAX_PHRASE)):
        nxt = ws[k]
        if k in taken or nxt.start - ws[k - 1].end > 1 or not _may_continue(nxt.norm):
            break
        if text[ws[k - 1].end : nxt.start].strip():
            break
        if head_def and definite(nxt.norm) and not _definite_modifier(w.norm, nxt.norm):
            break  # الزعيم المعارض | الحكومة: a definite noun takes no genitive
        if (
            k > i + 1
            and definite(ws[k - 1].norm)
            and _party_noun(nxt.norm)
            and not _definite_modifier(ws[k - 1].norm, nxt.norm)
            and not _definite_modifier(w.norm, nxt.norm)
        ):
            # زعيم المعارضة | الحكومة: nor does a construct's definite genitive (a noun of a
            # party, never an adjective, starts the next phrase)
            break
        if (
            not head_def
            and k > i + 1
            and definite(nxt.norm)
            and (_indefinite_nisba(ws[k - 1]) or _feminine_nisba(ws[k - 1]))
            and not _definite_modifier(w.norm, nxt.norm)
        ):
            # مسؤول محلي | الجيش، منظمات حقوقية | الجيش: a nisba adjective takes no genitive
            break
        if (
            k > i + 1
            and definite(ws[k - 1].norm)
            and _nisba_ending(_bare(ws[k - 1].norm))
            and definite(nxt.norm)
            and agentive_class(nxt.norm) is not None
            and not _nisba_ending(_bare(nxt.norm))
        ):
            # رئيس الوزراء اللبناني | المجتمع الدولي: after a definite nisba, a noun of a party
            # or of people begins the next phrase (the verb's object)
            break
        if k == i + 1 and not head_def and definite(nxt.norm) and _plural_with_nun(w.norm):
            break  # مستوطنون | النار: a sound plural keeps its ن only outside a construct
        if (
            not head_def
            and _plural_with_nun(w.norm)
            and nxt.text.endswith("ة")
            and not definite(nxt.norm)
            and not (k + 1 < len(ws) and definite(ws[k + 1].norm))
        ):
            # مستوطنون إسرائيليون | قرية فلسطينية: a men's plural takes no feminine adjective
            # (a noun before a definite one is its genitive: مقاتلين منظمة التحرير)
            break
        if definite(nxt.norm) or (
            # (كتلة المعارضة | جلسة: after a definite genitive the phrase is definite, and an
            # indefinite word is no adjective of it)
            not head_def and not definite(ws[k - 1].norm) and _adjective_like(nxt.norm)
        ):
            last = k
            continue
        if (
            k == i + 1
            and not head_def
            and k + 1 < len(ws)
            and (definite(ws[k + 1].norm) or k + 1 in taken)
            and _office(w.norm)
        ):
            # رئيس مجلس النواب، رئيسة وزراء تايلاند: a title heads a chain of constructs
            # (ending in a definite noun or a name)
            last = k
            continue
        break
    return last


_PARTY_CLASSES = frozenset({"official", "institution", "state", "force", "group"})
# the classes of ``agentive.tsv`` that name a body, never one person
_BODIES = frozenset({"institution", "state", "force", "group"})


def _plain(text: str) -> str:
    """*text* without harakat and tatweel, as written otherwise (ي and ى, ة kept apart)."""
    return "".join(c for c in text if c not in HARAKAT and c != TATWEEL)


def _feminine_nisba(w: Word) -> bool:
    """An indefinite feminine nisba adjective (حقوقية، عسكرية، أمنية): a word in ية whose stem
    is a common word of the Arabic Wikipedia word list (not قضية، ضحية، هدية)."""
    from arabnews.ner.clitics import word_counts  # the Wikipedia word list of arabnews.names

    n = _bare(w.norm)
    plain = _plain(w.text)
    return (
        len(n) >= 5
        and not definite(n)
        and plain.endswith("ية")
        and agentive_class(n) is None
        and word_counts(plain[:-2])[0] >= _KNOWN_WORD
    )


def _indefinite_nisba(w: Word) -> bool:
    """An indefinite nisba adjective in ي (محلي، أمريكي، عسكري), not a noun of an office in ي
    (قاضي، مفتي) nor one in ى (شورى، مبنى: the normal form writes both ي)."""
    n = _bare(w.norm)
    return (
        len(n) >= 4
        and not definite(n)
        and _plain(w.text).endswith("ي")
        and not n.endswith(("اي", "وي"))
        and agentive_class(n) is None
    )


def _party_noun(norm: str) -> bool:
    """A definite noun of an office, an institution, a state, a force or a group (الحكومة،
    الرئيس، الجيش، الحركة; ``agentive.tsv``): a noun, never an adjective (the class of people
    holds participles that are adjectives too: المسلحين)."""
    n = _without_article(norm)
    if n[1:2] == "ا" and len(n.removesuffix("ة")) == 4:
        return False  # (the shape فاعل is an adjective as often: الحاكم، القائد)
    return agentive_classes().get(n) in _PARTY_CLASSES


def agentive_class(norm: str) -> str | None:
    """The ``agentive.tsv`` class of a word (official, institution, people ...), its و / ف and
    article aside (الحكومة -> institution), or None. A word whose own first letter is و is
    looked up whole first (وزير، وزارة، وفد: not ز + ير)."""
    classes = agentive_classes()
    if norm[:1] == "و":
        got = classes.get(norm)
        if got is not None:
            return got
    return classes.get(_without_article(norm))


def _without_article(norm: str) -> str:
    n = _bare(norm)
    return n[2:] if n.startswith("ال") else n[1:] if n.startswith("لل") else n


def _office(norm: str) -> bool:
    """An indefinite noun of an office or an institution (رئيس، زعيم، مجلس، هيئة; the classes
    official and institution of ``agentive.tsv``), not of a group or a state (حركة، دول)."""
    classes = agentive_classes()
    # (the whole word first: وزير is a minister, not و + زير)
    n = norm if norm in classes else _bare(norm)
    return not definite(n) and classes.get(n) in ("official", "institution")


@functools.lru_cache(maxsize=4096)
def _title_norm(norm: str) -> bool:
    """A title noun (رئيس، وزير، نائب; the edge words of :mod:`arabnews.ner.edges`)."""
    from arabnews.ner.edges import edge_word_kind

    return edge_word_kind(norm) == "title"


def _plural_with_nun(norm: str) -> bool:
    """A sound masculine plural written with its ن (مستوطنون، مسلحين، فلسطينيون): in a construct
    it drops the ن (مستوطنو المستوطنة), so no genitive follows it. Participles (م...) and nisbas
    only: a broken plural may end in ون or ين as well (سجون، ملايين)."""
    n = _bare(norm)
    if len(n) < 6:
        return False
    # (مفاعيل: ملايين، موازين، ميادين are broken plurals)
    return n.endswith(("يون", "يين")) or (
        n[0] == "م" and n.endswith(("ون", "ين")) and (len(n) > 6 or n[2] != "ا")
    )


def _event_head(w: Word) -> bool:
    """A word of the trigger lexicon that is no agentive noun (سيطرة، اتهامات): before a name
    it is the event the name takes part in (سيطرة حماس), not the name's head or title."""
    return bool(match_first(w.norm)) and not _may_act_norm(w.norm, w.text, known_only=True)


def _nisba_ending(norm: str) -> bool:
    """Whether *norm* ends as a nisba adjective, its plural or its dual does (الأمريكية،
    الفلسطينيين، الإسرائيليان)."""
    return norm.endswith(("ي", "يه", "ية", "يين", "يون", "يان"))


def _definite_modifier(head: str, word: str) -> bool:
    """Whether definite *word* can modify definite *head*: a nisba or participle adjective
    (الأمريكية، المعارض، المسلحة) agreeing in gender (not الزعيم ... الحكومة)."""
    n = _without_article(word)
    nisba = _nisba_ending(n)
    # (قصفت الطائرات المدينة: a noun of a place shaped like a participle is the verb's object)
    participle = (
        n[:1] == "م"
        and len(n) >= 4
        and not (n in _M_NOUNS or (_classifier_norm(n) and n not in _ADJECTIVE_TOO))
    )
    if not (nisba or participle):
        return False
    h = _bare(head)
    fem_head = h.endswith(("ة", "ات")) or not h.startswith("ال")
    fem_word = n.endswith(("ة", "ات"))
    if (
        len(n) >= 5
        and n.endswith(("ون", "ين"))
        and h.endswith(("ة", "ات"))
        and _without_article(head) not in agentive_plurals()
    ):
        return False  # الوزارة | المواطنين: a men's plural qualifies men (القادة الميدانيين)
    return not (fem_word and not fem_head and not h.endswith(("ون", "ين")))


def _genitive_lam(text: str, ws: Sequence[Word], i: int) -> bool:
    """Whether ``ws[i]`` opens with the ل of a genitive right after a definite noun (الأمين
    العام لاتحاد المصارف): the phrase completes the title before it, and a name after it is
    that title's bearer, not the phrase's."""
    w = ws[i]
    pre = text[w.start : _start_after_clitics(w)]
    return (
        i > 0
        and pre.endswith("ل")
        and not pre.endswith("ال")  # (the article's ل: اللواء أحمد سعيد)
        and text[ws[i - 1].end : w.start] == " "
        and definite(ws[i - 1].norm)
    )


def _classifier(w: Word) -> bool:
    """Whether *w* is a classifier noun of places (مدينة، بمدينة، قرية، محافظة; the edge words
    of :mod:`arabnews.ner.edges`), its proclitics aside."""
    return _classifier_norm(w.norm[_clitics_length(w.norm) :])


@functools.lru_cache(maxsize=4096)
def _classifier_norm(norm: str) -> bool:
    from arabnews.ner.edges import edge_word_kind

    return edge_word_kind(norm) == "classifier" or norm in _FACILITIES or norm in _STATES


# Nouns of places and bodies that begin with م like a participle but are never an adjective
# (المدينة، المخيم and the other classifiers are read through _classifier_norm)
_M_NOUNS = _wordset(
    "مستشفى مسجد مدرسة منزل مطار مركز مجلس مصنع مجمع ملعب متحف محطة معسكر مستوطنة مزرعة "
    "مكتب مدارس منازل مساجد مستشفيات مراكز مصانع محطات مستوطنات مزارع مكاتب مدن مخيمات مناطق"
)
# classifiers that are adjectives too (الأحزاب المحافظة: the conservative parties)
_ADJECTIVE_TOO = _wordset("محافظة محافظه")
# Nouns of facilities named by the place after them (قاعدة عين الأسد، مطار دمشق، سجن إيفين):
# classifiers for the roles, though the NER convention keeps them in the name (مطار هيثرو).
_FACILITIES = _wordset("قاعدة قاعده مطار ميناء سجن معبر")
# Nouns of states named by the name after them (دولة الإمارات، سلطنة عمان، مملكة البحرين): the
# state is the name (for the roles only: دولة الرئيس is also an honorific)
_STATES = _wordset("دولة دوله سلطنة سلطنه مملكة مملكه إمارة اماره جمهورية جمهوريه")


# Manner adverbials written ب + noun (بشدة، بقوة، بأشد العبارات): after a verb they say how,
# not with whom or against whom.
_MANNER = _wordset("بشده بشدة بقوه بقوة بحزم باشد بشكل بصوره بصورة بقسوه بقسوة")


# Nouns of the auspices of an act (برعاية، بإشراف): the name after them is the sponsor,
# not a party the noun heads (بوساطة is no such noun: a mediation is an event, CONSULT).
_AUSPICES = _wordset("برعايه برعاية باشراف رعايه رعاية")


def _agreeing_groups(text: str, ws: Sequence[Word], cands: list[Candidate]) -> list[Candidate]:
    """*cands* with a one-word group noun that follows a group and agrees with it in case ending
    and definiteness joined to it: an adjective of the group (مسلحون مجهولون، المسلحين الملثمين),
    not a group of its own (مجهولون alone is one: أطلق مجهولون النار)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("group", "force")
            and c.kind == "group"
            and c.first == c.last == prev.last + 1
            and not text[ws[prev.last].end : ws[c.first].start].strip()
        ):
            a, b = _bare(ws[prev.last].norm), ws[c.first].norm
            ending = a[-2:]
            if (
                b == _bare(b)  # (no و / ف: متظاهرون ومحتجون are two groups)
                and ending in ("ون", "ين")
                and b.endswith(ending)
                and definite(a) == definite(b)
                and b[:1] not in ("ب", "ل", "ك")
            ):
                m = attrs.evolve(
                    prev.mention, end=c.mention.end, text=text[prev.mention.start : c.mention.end]
                )
                out[-1] = attrs.evolve(prev, last=c.last, mention=m)
                continue
        out.append(c)
    return out


def _same_case(a: str, b: str) -> bool:
    """Whether two words can agree in case: two sound plurals share their ending (ون with ون,
    ين with ين), and a nominative plural in ون takes no word in ي, a construct in the oblique
    (مسلحون مجهولون | عاملي إغاثة: the object); any other pair may."""
    x, y = _bare(a)[-2:], _bare(b)[-2:]
    if x == "ون" and y[-1:] == "ي":
        return False
    return not (x in ("ون", "ين") and y in ("ون", "ين") and x != y)


@functools.lru_cache(maxsize=100_000)
def _no_participant(norm: str) -> int:
    """Whether a word of this form is no participant (per form, cached): 0 when it may be one,
    2 for ``بأشد`` (the two words after it too), else 1."""
    b = _bare(norm)
    if time_word(norm) or SPEECH_PARTICIPLE.fullmatch(b):
        return 1
    if b in _AUSPICES:
        return 1  # برعاية: the name after it is governed through it
    if b in _MANNER:
        # بشدة، بأشد العبارات، بشكل قاطع: how it was done, not who took part (nor the
        # head of the noun after it: أدانت بشدة القصف)
        return 2 if b == "باشد" else 1
    return 0


def _with_phrases(text: str, ws: Sequence[Word], cands: list[Candidate]) -> list[Candidate]:
    """*cands* plus the noun phrases of the sentence outside them, in word order.

    A phrase right before a named entity (``أعضاء حزب الغد``, ``المتحدث العسكري وحيد أرشد``) is
    its head or title: the entity stands for the whole phrase.
    """
    cands = _agreeing_groups(text, ws, cands)
    taken: set[int] = set()
    for c in cands:
        taken.update(range(c.first, c.last + 1))
    # time words (يوم الجمعة الماضي، الأسبوع الماضي، في يناير) and indefinite units of time
    # (استمر أكثر من عام) are not participants, nor is a speech participle (معلنا أنه، مشيرا
    # إلى): a clause of its own
    for k, w in enumerate(ws):
        kind = _no_participant(w.norm) or (_unit_of_time(ws, k) and 1)
        if kind:
            taken.add(k)
            if kind == 2:
                taken.update(range(k + 1, min(len(ws), k + 3)))
    by_first = {c.first: c for c in cands}
    out = list(cands)
    pos = {id(c): k for k, c in enumerate(out)}
    by_last = {c.last: c for c in cands}
    i = 0
    while i < len(ws):
        # (_phrase_at is None there; tested here first, without the call, for most words)
        last = None if i in taken or not _may_start(ws[i].norm) else _phrase_at(text, ws, i, taken)
        if last is None:
            i += 1
            continue
        # (titles between them are the name's: نظيره السعودي الأمير فيصل بن فرحان)
        to = last + 1
        while to < len(ws) and to - last <= 2 and to not in by_first and _title_norm(ws[to].norm):
            to += 1
        nxt = by_first.get(to)
        if (
            nxt is not None
            and nxt.kind == "entity"
            and (to == last + 1 or nxt.mention.label == "PER")
            # a place is named by a classifier noun before it (على مدينة إيلات), not headed
            and (nxt.mention.label != "LOC" or (last == i and _classifier(ws[i])))
            and nxt.mention.start == ws[to].start
            and not _event_head(ws[i])
            and not _genitive_lam(text, ws, i)
            # (a body named in full is no person's title: اعتقلت قوات الأمن محمد أحمد, the
            # object; حكومة نوري المالكي and حزب الرئيس عمر البشير are his)
            and not (
                nxt.mention.label == "PER"
                and agentive_class(ws[i].norm) in _BODIES
                and not _title_norm(ws[i].norm)  # (اللواء: a brigade, or a general's rank)
                and definite(ws[last].norm)
                and not _title_norm(ws[last].norm)
            )
        ):
            gap = text[ws[last].end : ws[to].start]
            if (
                gap.replace(" ", "").isalpha()  # only the titles between (no punctuation)
                if to > last + 1
                else not gap.strip(" ،,«»\"'")
            ):
                prep = _prep(text, ws, i, _start_after_clitics(ws[i]))
                merged = attrs.evolve(nxt, first=i, prep=prep)
                out[pos[id(nxt)]] = merged
                pos[id(merged)] = pos[id(nxt)]
                by_first[to] = merged
                i = to
                continue
        prev = by_last.get(i - 1)
        if (
            prev is not None
            and prev.kind in ("group", "force")
            and not text[ws[i - 1].end : ws[i].start].strip()
            and not definite(ws[i].norm)
            # (an adjective agrees in definiteness: السلطات الإيرانية | صحفيين is the object)
            and not definite(ws[i - 1].norm)
            and _prep(text, ws, i, _start_after_clitics(ws[i])) not in ("ب", "ل", "ك")
            and ws[i].norm[:1] not in ("ب", "ل", "ك")
            and _adjective_like(ws[i].norm)
            and not match_first(ws[i].norm)  # (a trigger word: الجيش السوداني استعادة)
            and _same_case(ws[i - 1].norm, ws[i].norm)  # (مسلحون مجهولون | موظفين: the object)
            # (a men's plural takes no feminine adjective: مسلحون | نقطة تفتيش, the object)
            and not (_plural_with_nun(ws[i - 1].norm) and ws[i].text.endswith("ة"))
        ):
            # مسلحون مقنعون، مسلحين صوماليين: the adjective belongs to the group (one word: the
            # next indefinite noun may be the object, مسلحون ملثمون عاملين)
            last = i
            end = ws[last].end
            m = attrs.evolve(prev.mention, end=end, text=text[prev.mention.start : end])
            merged = attrs.evolve(prev, last=last, mention=m)
            out[pos[id(prev)]] = merged
            pos[id(merged)] = pos[id(prev)]
            i = last + 1
            continue
        start = _start_after_clitics(ws[i])
        end = ws[last].end
        phrase = text[start:end]
        m = Mention(start, end, phrase, None, phrase)
        out.append(Candidate(i, last, m, "phrase", _prep(text, ws, i, start)))
        i = last + 1
    out.sort(key=lambda c: c.first)
    return out


# ----------------------------------------------------------------------------- clause roles
# Agent markers: the actor of a passive verb or of an attack noun (اغتيل على يد، برصاص قناص).
_AGENT_ONE = frozenset({"بواسطه", "بواسطة", "برصاص", "بنيران", "بقذائف", "بصواريخ"})
_AGENT_TWO = frozenset({("من", "قبل"), ("علي", "يد"), ("على", "يد"), ("علي", "ايدي")})
# Verbal nouns whose genitive is the victim, not the actor (مقتل الصحفي، اعتقال الناشط).
_VICTIM_NOUNS = (
    "مقتل",
    "قتل",
    "اغتيال",
    "اصابه",
    "اصابة",
    "استشهاد",
    "اعتقال",
    "اختطاف",
    "خطف",
    "احتجاز",
    "اسر",
    "جرح",
    "مصرع",
    "اعدام",
    "توقيف",
    "استهداف",
)


def _tail(ws: Sequence[Word], c: Candidate, k: int) -> Candidate | None:
    """Phrase candidate *c* from its word ``ws[k]`` on (``None`` where its mention does not
    span those words as written)."""
    a, b = ws[k], ws[c.last]
    m = c.mention
    if c.kind != "phrase" or not (m.start <= a.start and b.end <= m.end):
        return None
    text = m.text[a.start - m.start : b.end - m.start]
    if not text.startswith(a.text):
        return None
    return Candidate(k, c.last, Mention(a.start, b.end, text, m.label, text), c.kind, "")


def _patient_genitive(ws: Sequence[Word], t: int, t_end: int) -> bool:
    """Whether the genitive of the trigger at words ``t..t_end`` is who undergoes it: a victim
    noun (:func:`_victim_noun`), or a release (إطلاق سراح المعتقلين، إخلاء سبيل المتهمين: the
    detainees)."""
    return _victim_noun(ws[t]) or (t_end > t and _bare(ws[t_end].norm) in ("سراح", "سبيل"))


_OUTCOMES = _wordset("مقتل مصرع استشهاد قتل اصابه اصابة جرح وفاه وفاة")


def _outcome_noun(w: Word) -> bool:
    """A death or an injury (مقتل، إصابة), which who announces it has not done; an arrest or an
    abduction (اعتقال، اختطاف) the announcer usually has."""
    n = _bare(w.norm)
    return n in _OUTCOMES or _stem(n) in _OUTCOMES or n.removeprefix("ال") in _OUTCOMES


def _victim_noun(w: Word) -> bool:
    """A verbal noun whose genitive is the victim (مقتل، اغتيال، اعتقال ...; مقتله too)."""
    return _victim_norm(w.norm)


@functools.lru_cache(maxsize=100_000)
def _victim_norm(norm: str) -> bool:
    forms = {_stem(norm), _bare(norm)}
    for f in list(forms):
        for suffix in ("هما", "هم", "ها", "ه"):
            if f.endswith(suffix) and len(f) - len(suffix) >= 3:
                forms.add(f[: -len(suffix)])
                forms.add(_stem(f[: -len(suffix)]))
    return any(f in _VICTIM_NOUNS for f in forms)


def _stem(norm: str) -> str:
    return stem_candidates(norm)[-1][0]


def _light_verb(w: Word) -> bool:
    """A verb of ``light_verbs.tsv`` (شن، نفذ، قام، واصل، قرر): its subject does the verbal
    noun it governs."""
    return _light_norm(w.norm)


@functools.lru_cache(maxsize=100_000)
def _light_norm(norm: str) -> bool:
    n = _bare(norm)
    if n.endswith("ة"):
        return False  # a noun (إرادة، محاولة), no verb
    if definite(n):
        return False  # (ألقت is no definite word: lexicon.ARTICLE_LIKE_VERBS)
    # (the word itself too: the و of وجهت is its own, not a conjunction)
    for stem in {s for s, _ in stem_candidates(n)} | {n, norm}:
        if _light_core(stem, imperfect=False):
            return True
        # without an imperfect prefix (يتبنى, يشن; تبنى keeps its own ت)
        if stem[:1] in "يت" and len(stem) >= 3 and _light_core(stem[1:], imperfect=True):
            return True
    return False


def _light_core(core: str, *, imperfect: bool) -> bool:
    """Whether *core* is a form of a light verb's stem, at most three letters longer; after
    an imperfect prefix, of its imperfect stem too (اعتزم: يعتزم)."""
    return _light_pattern(imperfect).fullmatch(core) is not None


@functools.cache
def _light_pattern(imperfect: bool) -> re.Pattern[str]:
    """A stem of ``light_verbs.tsv`` (or, with *imperfect*, an imperfect stem) and up to three
    letters: :func:`_light_core` as one pattern."""
    stems = {s for s, _ in light_verbs()}
    if imperfect:
        stems |= {i for _, i in light_verbs() if i}
    return re.compile("(?:" + "|".join(map(re.escape, sorted(stems))) + ").{0,3}", re.DOTALL)


# words after which a noun is governed by them, not by a verb before them (قامت القوات بعد
# الهجوم بـ...: the attack is the time of what was done); not every preposition: من stands
# inside the subject (قامت مجموعات من الشباب بالهجوم)، في and على are how a light verb governs
_NOT_GOVERNING = _wordset("بعد قبل منذ اثر عقب اعقاب خلال اثناء جراء بسبب عن ضد رغم مثل بين حول")


def light_governed(ws: Sequence[Word], t: int, prefix: str) -> bool:
    """Whether a light verb of the clause governs the verbal noun ``ws[t]`` (*prefix*: its
    stripped proclitics): شنت القوات الهجوم، قامت مجموعات من الشباب بالهجوم على. The verb reports
    the act; the definite noun then names no earlier event. قام governs through ب, the other
    light verbs directly; no punctuation, clause opener or governing word stands between."""
    return governing_light_verb(ws, t, prefix) is not None


def governing_light_verb(ws: Sequence[Word], t: int, prefix: str) -> int | None:
    """Index of the light verb that governs the verbal noun ``ws[t]`` (:func:`light_governed`),
    or None."""
    return _governing_verb(ws, t, prefix, future=False)


def governing_future_verb(ws: Sequence[Word], t: int, prefix: str) -> int | None:
    """Index of the verb in the future (:func:`future_verb`) whose object is the verbal noun
    ``ws[t]`` (ستعقد الحكومة اجتماعا، سيعلن العمال الإضراب، ستقوم الدول بفرض حصار), or None:
    the same reach as a light verb's (:func:`light_governed`), with no other verb between."""
    return _governing_verb(ws, t, prefix, future=True)


def _governing_verb(ws: Sequence[Word], t: int, prefix: str, *, future: bool) -> int | None:
    """The light verb (or, with *future*, the verb in the future) before ``ws[t]`` that governs
    it: قام through ب, the others directly, no punctuation or governing word between."""
    head = prefix[:-2] if prefix.endswith("ال") else prefix
    through_b = "ب" in head
    for k in range(t - 1, max(-1, t - 7), -1):
        if ws[k + 1].start - ws[k].end != 1:
            return None  # (punctuation, or a line break, between)
        n = _bare(ws[k].norm)
        if n in _NOT_GOVERNING or n in _RELATIVE or n in _CLAUSE_STARTS:
            return None
        if future_verb(ws[k]) if future else _light_verb(ws[k]):
            verb = n[1:] if future else n  # (the future's س aside)
            qama = verb.startswith("قام") or (verb[:1] in "يتن" and verb[1:].startswith("قوم"))
            return k if through_b == qama else None
        if future and _verb_like(ws[k]):
            return None  # (another verb between: its own clause)
    return None


def future_verb(w: Word) -> bool:
    """An imperfect verb with the future prefix س (ستعقد، سيعلنون، وسنشن)."""
    return _future_norm(w.norm)


@functools.lru_cache(maxsize=20_000)
def _future_norm(norm: str) -> bool:
    # told from words that begin so (سيطر، سيارة، سنويا، ستين) by the Arabic Wikipedia word
    # list: the form without س is the more frequent one (تعقد over ستعقد; not يطر over سيطر)
    from arabnews.ner.clitics import clitic_reading

    n = _bare(norm)
    if len(n) < 4 or n[0] != "س" or n[1] not in "يتن" or n.endswith(("ة", "ات")):
        return False
    return clitic_reading(n, 1) is True


def _passive(ws: Sequence[Word], t: int) -> bool:
    """A passive verb of the فُعِل forms without diacritics (أُصيب، اغتيل), or a verbal noun
    after تم (تم تدمير المساكن: the noun after it is what was done to)."""
    n = _bare(ws[t].norm)
    if t > 0 and _bare(ws[t - 1].norm) in _TAMMA and not definite(n):
        return True
    if _voweled_passive(ws[t].text):
        return True
    return len(n) in (4, 5, 6) and n[0] == "ا" and n[-2] == "ي" and not definite(n)


@functools.lru_cache(maxsize=20_000)
def _voweled_passive(text: str) -> bool:
    """A past verb written with the damma of the passive on one of its first three letters
    (قُتل، أُطلق، اعتُقل; a conjunction before it aside): not an imperfect (يُطلق is active)."""
    stem = text[1:] if len(text) > 3 and text[0] in "وف" and text[1] not in HARAKAT else text
    letters = 0
    for ch in stem:
        if ch == DAMMA:
            return 0 < letters <= 3 and stem[0] not in "يتن"
        if ch not in HARAKAT and ch != TATWEEL:
            letters += 1
    return False


_TAMMA = frozenset({"تم", "تمت", "يتم", "تتم", "سيتم"})


def _agent(ws: Sequence[Word], cands: Sequence[Candidate], lo: int, hi: int) -> Candidate | None:
    """The candidate after an agent marker in words ``lo..hi``."""
    for k in range(lo, min(hi, len(ws))):
        n = ws[k].norm
        after = None
        if n in _AGENT_ONE or _bare(n) in _AGENT_ONE:
            after = k + 1
        elif k + 1 < len(ws) and (_bare(n), ws[k + 1].norm) in _AGENT_TWO:
            after = k + 2
        if after is not None:
            # after the marker, never the phrase it heads (بقذائف الهاون: weapons, no agent)
            c = next((c for c in cands if k < c.first <= after + 1 and c.last >= after), None)
            if c is not None and c.prep == "و":
                return None  # (بصواريخ وطائرات مسيرة: the weapon's conjunct, no genitive)
            if c is not None and not (n in _WEAPONS and _nisba(c, ws[c.first].norm)):
                return c
    return None


def _listed(c: Candidate) -> bool:
    """Whether *c* carries a gazetteer identity (not the resolver's ``name:`` id of a name it
    only clustered)."""
    eid = c.mention.entity_id
    return eid is not None and not eid.startswith("name:")


def _nisba(c: Candidate, norm: str) -> bool:
    """A word in ية / يين (بصواريخ باليستية، بقذائف المدفعية) that no known entity is: what
    kind of weapon, not whose (بصواريخ الاحتلال، بنيران القوات)."""
    if _listed(c):
        return False  # a gazetteer entity (بنيران السعودية)
    return _bare(norm).endswith(("ية", "يه", "يا", "يين", "يون"))


_WEAPONS = frozenset({"برصاص", "بنيران", "بقذائف", "بصواريخ"})  # agent markers naming a weapon


def _cand_at(cands: Sequence[Candidate], k: int) -> Candidate | None:
    return next((c for c in cands if c.first <= k <= c.last), None)


# A preposition of time with the pronoun of an event named before (خلالها، بعدها، أثناءه):
# an adverbial between a verb and its subject, no participant.
_ADVERBIAL_PRONOUN = re.compile("(?:خلال|بعد|قبل|اثناء|عقب|اثر)(?:ها|ه|هما|هم)")


def _skip_right(ws: Sequence[Word], k: int) -> int:
    """Skip time words, adverbs and auxiliaries after a verb (VSO: وقتل أمس مسلحون ...)."""
    n = 0
    while k < len(ws) and n < 6:
        w = _bare(ws[k].norm)
        if (
            ws[k].norm in _ADVERBS
            or w in _ADVERBS
            or w in _AUX
            or w in _TIME_WORDS
            or ws[k].norm in _TIME_WORDS
            or w in ("اول", "من", "يوم")
            or ws[k].norm in ("فيه", "فيها")  # (not _bare: its ف is no conjunction)
            or _ADVERBIAL_PRONOUN.fullmatch(w) is not None  # وقتل خلالها 200 فلسطيني
        ):
            if w == "من" and not (k > 0 and _bare(ws[k - 1].norm) == "اول"):
                break
            k += 1
            n += 1
            continue
        if _both_of(ws, k + 1):
            # كل من X و Y (both X and Y): the coordinated subjects follow
            k += 2
            n += 2
            continue
        if (
            w == "قبل"
            and k + 1 < len(ws)
            and (ws[k + 1].norm in _TIME_WORDS or _is_number(ws[k + 1]))
        ):
            # قبل ظهر أمس، قبل خمسة أيام: a time expression, then the object
            k += 2
            n += 2
            while (
                k < len(ws)
                and n < 6
                and (ws[k].norm in _TIME_WORDS or ws[k].norm in _ADVERBS or _time_unit(ws[k].norm))
            ):
                k += 1
                n += 1
            continue
        break
    return k


_TIME_WORDS = _wordset(
    "صباح مساء ظهر فجر ليل ليلة ظهيرة أمس امس البارحة اليوم الماضي الماضية المنصرم الفائت "
    "الاثنين الثلاثاء الاربعاء الأربعاء الخميس الجمعة السبت الاحد الأحد الأسبوع الاسبوع"
)


@functools.lru_cache(maxsize=100_000)
def time_word(norm: str) -> bool:
    """A weekday, month, part of the day, ``الماضي`` or an indefinite unit of time (``عام``،
    ``أشهر``): not a participant."""
    months = month_words()
    b = _bare(norm)
    return (
        norm in _TIME_WORDS or b in _TIME_WORDS or norm in months or b in months or b in TIME_UNITS
    )


# Words after a trigger where its ``right`` context is looked for: what the row requires
# (فرض + عقوبات) must be near; what it rules out (احتل + المرتبة) is ruled out further on.
RIGHT_REACH = 4
EXCLUSION_REACH = 7


def right_words(ws: Sequence[Word], start: int) -> list[int]:
    """Indexes of the words from ``ws[start]`` where a trigger's ``right`` requirement is read:
    the next :data:`RIGHT_REACH` words, time words and counts aside (فرضت الوزارة يوم الخميس
    عقوبات، حجبت السلطات أكثر من عشرين موقعا)."""
    end = min(len(ws), start + EXCLUSION_REACH)
    out = []
    counts = True  # (a count is passed over within the clause only: not past a comma)
    for k in range(start, end):
        if k > start and ws[k].start - ws[k - 1].end > 1:
            counts = False
        if time_word(ws[k].norm) or (
            counts
            and (
                _is_number(ws[k])
                or ws[k].norm in ROUGHLY
                or (ws[k].norm == "من" and k > start and ws[k - 1].norm in ROUGHLY)
            )
        ):
            continue
        out.append(k)
    return out[:RIGHT_REACH]


@functools.cache
def excludes_only(right: re.Pattern[str]) -> bool:
    """A right context that only rules words out (``^(?!.*(?:مرتب|مركز))``, which any text
    without them holds): no head noun is needed."""
    return right.search("") is not None


def required_object(ws: Sequence[Word], last: int, right: re.Pattern[str]) -> int | None:
    """The word a trigger ending at ``ws[last]`` requires after it (its row's ``right``): the
    first of the words it is read in that meets it, the verb's object (فرض + عقوبات، سحب +
    قواتها); None for a context that only rules words out, or when none meets it."""
    if excludes_only(right):
        return None
    return next((k for k in right_words(ws, last + 1) if right.search(ws[k].norm)), None)


# after a definite unit of time, the words that make it a time (العام الماضي، الشهر المقبل)
_TIME_AFTER_UNIT = _wordset(
    "الماضي الماضية المقبل المقبلة القادم القادمة المنصرم المنصرمة الفائت الجاري الحالي"
)


def time_at(ws: Sequence[Word], k: int) -> bool:
    """Whether ``ws[k]`` is a time word (:func:`time_word`) or the unit of a time (``الشهر
    الماضي``، ``العام المقبل``): never a participant, nor a word of a speaker's name."""
    return time_word(ws[k].norm) or _unit_of_time(ws, k)


def _unit_of_time(ws: Sequence[Word], k: int) -> bool:
    return _definite_unit(ws[k].norm) and k + 1 < len(ws) and ws[k + 1].norm in _TIME_AFTER_UNIT


@functools.lru_cache(maxsize=100_000)
def _definite_unit(norm: str) -> bool:
    n = _bare(norm)
    return n.startswith("ال") and n[2:] in TIME_UNITS


def _time_unit(norm: str) -> bool:
    return norm in TIME_UNITS


def _past_approximation(ws: Sequence[Word], k: int) -> int:
    """The count after an approximation at ``ws[k]`` (ما لا يقل عن 30، ما يزيد على مئة), or
    *k* where none begins."""
    if k < len(ws) and ws[k].norm == "ما":
        j = k + 1
        while j < len(ws) and j - k < 4 and ws[j].norm in APPROXIMATION:
            j += 1
        if j < len(ws) and (_is_number(ws[j]) or _bare(ws[j].norm) in _QUANTIFIERS):
            return j
    return k


def _skip_quantity(ws: Sequence[Word], k: int) -> int:
    """Skip a count before its noun (ثلاثة من المتهمين، مئات المواطنين، 4 جنود), and the
    approximation before it (ما لا يقل عن 30 شخصا)."""
    k = _past_approximation(ws, k)
    start = k
    while k < len(ws) and k - start < 4:
        w = ws[k]
        if (
            _is_number(w)
            or _bare(w.norm) in _QUANTIFIERS
            or w.norm in ("اكثر", "نحو")
            # (من partitive after a count, or before one: موكب من 500 شخص; انسحبت من سيناء: no)
            or (
                w.norm == "من"
                and (
                    k > start
                    or (
                        k + 1 < len(ws)
                        and (_is_number(ws[k + 1]) or _bare(ws[k + 1].norm) in _QUANTIFIERS)
                    )
                )
            )
        ):
            k += 1
            continue
        break
    return k


def _subject_after(
    ws: Sequence[Word], cands: Sequence[Candidate], k: int, *, quantity: bool = True
) -> Candidate | None:
    """A bare candidate starting at ``ws[k]`` (time words and, with *quantity*, counts skipped)."""
    k = _skip_right(ws, _past_approximation(ws, k) if quantity else k)
    k0 = k
    if quantity:
        k = _skip_quantity(ws, k)
    c = _cand_at(cands, k)
    if c is None or c.first < k - 1:
        return None
    if not ungoverned(c, after_quantity=k > k0):
        return None
    return _titled_person(ws, cands, c, after=True) or c


def _titled_person(
    ws: Sequence[Word], cands: Sequence[Candidate], c: Candidate, *, after: bool
) -> Candidate | None:
    """The person a title names, where the subject found is that title or its genitive:
    رئيسة البرازيل ديلما روسيف (*after*: a one-word title phrase, a named genitive, the
    person's name right after it) or حسام كامل رئيس جامعة القاهرة (before the verb: the
    genitive, a title before it, the person's name before that)."""
    if after:
        if (
            c.kind != "phrase"
            and c.mention.label != "PER"
            and c.mention.start > ws[c.first].start
            and _title_word(ws[c.first])
        ):
            # زعيم التيار الصدري مقتدى الصدر: the title merged into its named genitive, the
            # person's name right after it
            person = next((x for x in cands if x.first == c.last + 1), None)
            return person if person is not None and person.mention.label == "PER" else None
        if (gen := _title_genitive(ws, cands, c)) is not None and c.first != c.last:
            # وزير خارجية إيران عباس عراقجي: a title in construct over several words
            person = next((x for x in cands if x.first == gen.last + 1), None)
            return person if person is not None and person.mention.label == "PER" else None
        if c.kind != "phrase" or c.first != c.last:
            return None
        head = ws[c.first]
        if _on_behalf(ws, c):
            # المتحدث باسم الكرملين دميتري بيسكوف: the party spoken for, then the person
            party = _cand_at(cands, c.last + 2)
            person = (
                None
                if party is None
                else next((x for x in cands if x.first == party.last + 1), None)
            )
            return person if person is not None and person.mention.label == "PER" else None
        if _title_word(head):
            nxt = c.last + 1
        elif (
            definite(head.norm)
            and _may_act_norm(head.norm, head.text, known_only=True)
            and c.last + 1 < len(ws)
            and definite(ws[c.last + 1].norm)
        ):
            # الأمين العام للأمم المتحدة أنطونيو غوتيريش: a definite title, its adjective
            # (العام), the named genitive with ل, then the person
            nxt = c.last + 2
        else:
            return None
        gen = next((x for x in cands if x.first == nxt), None)
        if gen is None or gen.kind == "phrase" or (nxt > c.last + 1 and gen.prep != "ل"):
            return None
        person = next((x for x in cands if x.first == gen.last + 1), None)
    else:
        # the title before the genitive, or heading it (a phrase right before a name is
        # merged into the name's candidate: رئيس جامعة القاهرة)
        k = next((j for j in (c.first, c.first - 1) if j >= 1 and _title_word(ws[j])), None)
        if c.kind == "phrase" or k is None or (k == c.first and c.first == c.last):
            return None
        person = next((x for x in cands if x.last == k - 1), None)
    return person if person is not None and person.mention.label == "PER" else None


def _title_genitive(
    ws: Sequence[Word], cands: Sequence[Candidate], c: Candidate
) -> Candidate | None:
    """The named genitive right after *c* when *c* is a title in construct (وزير خارجية،
    رئيس حكومة إقليم: a title word, then indefinite nouns only): وزير خارجية إيران is one
    phrase, whose genitive is no object of the verb."""
    if c.kind != "phrase" or not _title_word(ws[c.first]):
        return None
    if any(definite(ws[k].norm) for k in range(c.first + 1, c.last + 1)):
        return None
    gen = next((x for x in cands if x.first == c.last + 1), None)
    return gen if gen is not None and gen.kind != "phrase" else None


def _on_behalf(ws: Sequence[Word], c: Candidate) -> bool:
    """Whether *c* is a one-word agent noun speaking for the party after it (المتحدث باسم،
    الناطق باسم): the party is part of its phrase, not the verb's object."""
    return (
        c.first == c.last
        and c.last + 1 < len(ws)
        and _bare(ws[c.last + 1].norm) == "باسم"
        and _may_act_norm(ws[c.first].norm, ws[c.first].text, known_only=True)
    )


def _title_word(w: Word) -> bool:
    """An indefinite agentive noun (رئيس، وزيرة، قائد): a title in construct."""
    return not definite(w.norm) and _may_act_norm(w.norm, w.text, known_only=True)


def ungoverned(c: Candidate, *, after_quantity: bool = False) -> bool:
    """Not governed by a preposition (the partitive من of a count does not count)."""
    p = _bare(c.prep)
    if after_quantity and p == "من":
        return True
    return p not in _PREPOSITIONS and c.prep not in ("ب", "ل", "ك")


def _subject_before(ws: Sequence[Word], cands: Sequence[Candidate], t: int) -> Candidate | None:
    """SVO: a bare candidate ending right before the verb (قد / كان in between allowed)."""
    k = t - 1
    while k >= 0 and _bare(ws[k].norm) in _AUX:
        k -= 1
    if k < 0:
        return None
    c = _cand_at(cands, k)
    skipped = 0
    while c is None and skipped < 2 and k > 0 and definite(ws[k].norm):
        # الطائرات الروسية المسيرة هاجمت: a definite adjective left out of the phrase
        k -= 1
        skipped += 1
        c = _cand_at(cands, k)
    if c is None or c.last != k or not ungoverned(c):
        return None
    if c.mention.label == "LOC" and _after_classifier(ws, c):
        return None
    if any(ws[m + 1].start - ws[m].end > 1 for m in range(c.last, t)):
        return None  # "عمان ـ ا ف ب: تظاهر"، "وسط القاهرة، تظاهر": punctuation, another clause
    return _titled_person(ws, cands, c, after=False) or c


def _no_object(ws: Sequence[Word], cands: Sequence[Candidate], k: int) -> bool:
    """Nothing the verb could act on follows: a preposition, another verb or the end."""
    k = _skip_right(ws, k)
    if k >= len(ws):
        return True
    n = _bare(ws[k].norm)
    return n in _PREPOSITIONS or ws[k].norm in _PREPOSITIONS or _verb_like(ws[k])


def _chain_subject(ws: Sequence[Word], cands: Sequence[Candidate], t: int) -> Candidate | None:
    """The subject shared by a chain of coordinated verbs ending at ``ws[t]`` (قطع المتظاهرون
    الطرقات وعرقلوا المواصلات وهاجموا الشرطة: المتظاهرون): past every coordinated plural verb
    before it, to the verb that names its subject."""
    k = t
    # (a word of a noun phrase is no verb: وصادرت وثائق وأجهزة حاسوب، واعتقلت)
    nouns = {j for c in cands for j in range(c.first, c.last + 1)}
    for _ in range(6):
        v = next(
            (
                j
                for j in range(k - 1, max(-1, k - 15), -1)
                if j not in nouns and (_lexicon_verb(ws[j].norm) or _verb_like(ws[j]))
            ),
            None,
        )
        if v is None:
            return None
        if ws[v].norm[:1] in ("و", "ف") and (
            _plural_verb(ws[v]) or not _own_subject_after(ws, cands, v)
        ):
            # (a coordinated verb shares the chain's subject unless its own follows it: the
            # noun before it is the earlier verb's object)
            k = v
            continue
        subj = _subject_before(ws, cands, v) or _nominative_after(ws, cands, v + 1)
        if subj is None or subj.last >= t:
            return None
        # a masculine plural verb does not agree with a feminine singular head (اجتمعت
        # الحكومة ... وهاجموا: someone else)
        head = _bare(ws[subj.first].norm)
        return None if head.endswith(("ة", "ه")) and subj.kind != "entity" else subj
    return None


def _first_person(w: Word, rule: TriggerRule) -> bool:
    """Whether verb *w* of trigger row *rule* is a first-person plural imperfect (ندعو، ننسحب،
    سنرد: its ن read as the row's imperfect prefix; not ندد or نفذ, whose ن is the root's)."""
    n = _bare(w.norm)
    return rule.first_person(n[1:] if n[:1] in ("س", "ل") and len(n) > 4 else n)


def _speaker(ws: Sequence[Word], cands: Sequence[Candidate], t: int) -> Candidate | None:
    """The named subject right after the nearest speech verb up to twelve words before ``ws[t]``
    (قال جوزيب بوريل: "ندعو ..."), or None."""
    for k in range(t - 1, max(-1, t - 13), -1):
        if speech_verb(ws[k].norm):
            c = _subject_after(ws, cands, k + 1, quantity=False)
            return c if c is not None and c.last < t and c.kind != "phrase" else None
    return None


def _own_subject_after(ws: Sequence[Word], cands: Sequence[Candidate], v: int) -> bool:
    """Whether the verb at ``ws[v]`` has a subject of its own right after it (وأعلنت الشرطة;
    not وصادرت وثائق وأجهزة, whose first noun is its object)."""
    c = _nominative_after(ws, cands, v + 1)
    return c is not None and c.first == v + 1 and (c.kind != "phrase" or _may_act(ws, c))


def _previous_subject(ws: Sequence[Word], cands: Sequence[Candidate], t: int) -> Candidate | None:
    """The subject of the nearest earlier verb of the sentence (coordinated verbs share it)."""
    for k in range(t - 1, max(-1, t - 15), -1):
        if _lexicon_verb(ws[k].norm) or _verb_like(ws[k]):
            subj = _subject_before(ws, cands, k) or _subject_after(ws, cands, k + 1)
            return subj if subj is not None and subj.last < t else None
    return None


def _counted(ws: Sequence[Word], c: Candidate) -> bool:
    """A counted group of people: a count before it (ثلاثة أشخاص) or a dual (شخصين)."""
    from arabnews.events.numbers import find_quantities

    k = c.first - 1
    if k >= 0 and (_is_number(ws[k]) or _bare(ws[k].norm) in _QUANTIFIERS):
        return True
    return any(q.value == 2 for q in find_quantities("", ws=ws[c.first : c.last + 1]))


def _victim_word(ws: Sequence[Word], k: int) -> bool:
    """A noun of people counted as victims (شرطي، مدنيين، جنود، طفل; ``number_words.tsv``), or
    its dual (جنديان، طفلان: two of them)."""
    from arabnews.events.numbers import counted_kind, dual_kind

    kinds = ("person", "troops", "killed", "injured")
    return counted_kind(ws, k) in kinds or dual_kind(ws, k) in kinds


def _casualty_verb(ws: Sequence[Word], t: int) -> bool:
    from arabnews.events.numbers import casualty_at

    return casualty_at(ws, t) is not None


_KANA = frozenset({"كان", "كانت", "كانوا"})
_YAKUN = frozenset({"يكون", "تكون", "يكونوا"})  # with قد only: نفى أن تكون طهران قد زودت


def _subject_after_kana(
    ws: Sequence[Word], cands: Sequence[Candidate], lower: int, t: int
) -> Candidate | None:
    """``وكان متظاهرون بمدينة العريش قد حطموا``: the subject right after كان, verb after قد."""
    qad = t >= 1 and _bare(ws[t - 1].norm) == "قد"
    for k in range(t - 1, max(lower, t - 10) - 1, -1):
        if _bare(ws[k].norm) in _KANA or (qad and _bare(ws[k].norm) in _YAKUN):
            if k + 1 < len(ws) and _bare(ws[k + 1].norm) == "قد":
                return None  # أن يكون قد أدلى: no subject named, the verb follows
            c = _subject_after(ws, cands, k + 1, quantity=True)
            return c if c is not None and c.last < t else None
        if _verb_like(ws[k]) or _in_words(ws[k].norm, _STOPS):
            return None  # (وكان التنظيم قد تبنى الهجوم، فيما اعتقلت القوات: another clause)
    return None


_PRONOUN_COMP = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم", "وانه", "وانها"})
# particles with the subject's pronoun (لكنه اتهم الطرف الآخر: he accused the other side): the
# verb after them has its subject, and the noun after the verb is its object
_PRONOUN_PARTICLES = _wordset("لكنه لكنها لكنهم ولكنه ولكنها ولكنهم لانه لانها لانهم")


def _plural_verb(w: Word) -> bool:
    """A verb marked plural or dual (قتلوا، يطلقون، تظاهروا، دعتا): its subject is not after it."""
    n = _bare(w.norm)
    n = n[:-1] if n.endswith("ه") else n
    return len(n) >= 4 and (
        n.endswith(("وا", "تا")) or (n[0] in "يت" and n.endswith("ون") and not definite(n))
    )


def _masculine_after_feminine(ws: Sequence[Word], t: int, rule: TriggerRule, c: Candidate) -> bool:
    """Whether the verb at ``ws[t]`` is feminine singular (دعت، قصفت: the row's word without the
    ت, or with ا for a defective verb; not صوت) and phrase *c* after it masculine singular, as
    its nisba adjective shows (المجتمع الدولي، الاتحاد الأوروبي): then *c* is not its subject."""
    if c.mention.label in ("PER", "LOC", "GPE") or c.first + 1 >= len(ws):
        return False
    n = _bare(ws[t].norm)
    first = rule.parts[0]
    if not (n.endswith("ت") and (first.fullmatch(n[:-1]) or first.fullmatch(n[:-1] + "ا"))):
        return False
    head, adj = _bare(ws[c.first].norm), _bare(ws[c.first + 1].norm)
    return (
        head.startswith("ال")
        and not head.endswith(("ة", "ه", "ات", "ون", "ين"))
        and len(adj) > 4
        and adj.startswith("ال")
        and adj.endswith("ي")
    )


# what a request asks for begins with one of these (normalised): دعا X إلى، طالب X بـ، حث X على
_REQUESTED = ("الي", "علي", "ان", "بان")


def _addressed(
    ws: Sequence[Word], cands: Sequence[Candidate], t: int, rule: TriggerRule, c: Candidate
) -> bool:
    """Whether the definite phrase *c* (with what is coordinated with it), right after a request
    verb whose row takes an object, is followed by what is asked (إلى، على، أن، a verbal noun
    glued to ب or ل): then it names whom the request addresses, and no second phrase, the
    subject, stands before it. An indefinite phrase is left as the subject (وطالبت هيئة مقدسية
    إلى)."""
    if rule.category != "REQUEST" or "obj" not in rule.recipient or c.first != t + 1:
        return False
    head = _bare(ws[c.first].norm)
    if (c.kind == "phrase" and not definite(head)) or head.endswith("ون"):
        return False  # (an indefinite phrase, a nominative plural: وطالب المحتجون بالإفراج)
    # (whom, where: وطالبت السلطات في كابل بالتراجع)
    k = _past_place(ws, cands, _coordinated(ws, cands, [c])[-1].last + 1)
    if k >= len(ws) or ws[k].start - ws[k - 1].end != 1:
        return False
    n = _bare(ws[k].norm)
    return n in _REQUESTED or (
        n[:1] in ("ب", "ل")
        and len(n) > 4
        and not any(a.first == k and a.kind != "phrase" for a in cands)
    )


def _feminine_after_masculine(ws: Sequence[Word], t: int, rule: TriggerRule, c: Candidate) -> bool:
    """Whether the verb at ``ws[t]`` is masculine singular and the common-noun phrase *c* right
    after it feminine (الحكومة، السلطات, in ة or ات; not a people's noun in ة, القادة، القراصنة):
    a verb before its subject agrees with it in gender, so *c* is not its subject (ويتهم الحكومة،
    ودعا الحكومة الاتحادية إلى). Only forms no verbal noun shares: a present in ي (يتهم) or a
    past of four letters or more that does not begin with ت (هاجم، طالب; not رفض، قصف, nouns
    too, nor تحتل, a feminine present); دعا."""
    if c.kind != "phrase" or c.first != t + 1:
        return False
    head = _bare(ws[c.first].norm)
    if not (definite(head) and ws[c.first].text.endswith(("ة", "ات"))):
        return False
    if agentive_classes().get(head[2:]) in ("people", "official"):
        return False  # (a man's or men's noun in ة: الخليفة, القادة)
    if _object_pronoun(ws[t], rule):
        return False  # (واعتقلتهم الشرطة: the phrase is the subject)
    n = _bare(ws[t].norm)
    if rule.parts[0].fullmatch(n) is None or _noun_shaped(n):
        return False
    if n[0] == "ي":
        return True
    return n == "دعا" or (len(n) >= 4 and n[0] != "ت" and not n.endswith(("ت", "وا", "ا")))


def _object_pronoun(w: Word, rule: TriggerRule) -> bool:
    """Whether verb *w* ends with an object pronoun (رفضتها، اعتقلهم): the row's word without
    the pronoun matches, and not as a noun in ة (دعوتها: her call)."""
    n = _bare(w.norm)
    first = rule.parts[0]
    for x in ("هما", "هم", "ها", "ه"):
        stem = n[: -len(x)]
        if n.endswith(x) and len(stem) >= 3 and first.fullmatch(stem) is not None:
            return not (stem.endswith("ت") and first.fullmatch(stem[:-1] + "ة") is not None)
    return False


def _tafaul(w: Word) -> bool:
    """A word spelt like a verbal noun of the تفاعل pattern (توافق، تعاون، تشاور), which is also
    the spelling of a present verb (تُوافِق)."""
    n = _bare(w.norm)
    return len(n) == 5 and n[0] == "ت" and n[2] == "ا"


def _charged(ws: Sequence[Word], cands: Sequence[Candidate], t: int, c: Candidate) -> bool:
    """Whether *c*, a name right after a charge verb with no object pronoun
    (:data:`CHARGE_VERBS`), is followed by the charge, a word glued to ب that begins no name
    (اتهمت إريتريا بدعم متمردين), or after a verb of blame by the blame (:data:`BLAME_VERBS`:
    حملت سلطات الاحتلال المسؤولية): then it is the object and the subject is dropped."""
    k = c.last + 1
    if (
        c.kind == "phrase"  # (a phrase may run on over subject and object: وزير الداخلية جماعة)
        or k >= len(ws)
        or any(ws[m + 1].start - ws[m].end > 1 for m in range(c.last, k))
    ):
        return False
    verb = _bare(ws[t].norm)
    if BLAME_VERBS.fullmatch(verb) is not None:
        # حمّلت الجامعة سلطات الاحتلال المسؤولية: the blame after the one name
        return _bare(ws[k].norm).removeprefix("ال").startswith("مسؤولي")
    return (
        CHARGE_VERBS.fullmatch(verb) is not None
        and ws[k].norm[:1] == "ب"
        and len(ws[k].norm) > 3
        and ((nxt := _cand_at(cands, k)) is None or nxt.kind == "phrase")
    )


def _oblique(ws: Sequence[Word], c: Candidate) -> bool:
    """Whether phrase *c* is headed by a sound masculine plural in its oblique form (مدنيين،
    فلسطينيين، معتقلين، متظاهرين): an object or a genitive, never a subject, which takes ون."""
    if c.kind not in ("phrase", "group"):
        return False
    k = c.first - 1
    if k >= 0 and (
        _bare(ws[k].norm) in ("من", "عدد") or _is_number(ws[k]) or _bare(ws[k].norm) in _QUANTIFIERS
    ):
        return False  # 300 من المسلحين، آلاف المتظاهرين: the count is the subject
    head = _bare(ws[c.first].norm)
    head = head[2:] if head.startswith("ال") else head
    return (
        head.endswith("يين")
        or (head[:1] == "م" and len(head) >= 5 and head.endswith("ين"))
        or _oblique_dual(head)
    )


@functools.lru_cache(maxsize=20_000)
def _oblique_dual(head: str) -> bool:
    """A dual in the oblique case of an agentive noun (طرفين، الزعيمين، دولتين; its nominative
    takes ان: الطرفان): an object or a genitive, never a subject."""
    if len(head) < 5 or not head.endswith("ين"):
        return False
    stem = head[:-2]
    forms = (stem, stem[:-1] + "ة") if stem.endswith("ت") else (stem,)
    return any(_may_act_norm(f, f, known_only=True) for f in forms)


def _accusative(ws: Sequence[Word], c: Candidate) -> bool:
    """Whether candidate *c* is headed by a word written with the accusative ending اً
    (صاروخاً), or is an indefinite phrase whose nisba adjective is written with it (مستشفى
    ميدانيا; nominative ميداني; also an unlisted name the recogniser made of one): an object,
    never a subject."""
    if ws[c.first].text.endswith(("اً", "ًا")):
        return True
    if (
        c.kind not in ("phrase", "entity")
        or (c.kind == "entity" and (_listed(c) or c.mention.label == "PER"))
        or c.last == c.first
        or definite(ws[c.first].norm)
    ):
        return False  # (a listed name is no phrase: جمهورية كوريا)
    adj = _bare(ws[c.first + 1].norm)
    return len(adj) >= 5 and adj.endswith("يا") and not definite(adj)


def _nominative_after(ws: Sequence[Word], cands: Sequence[Candidate], k: int) -> Candidate | None:
    """:func:`_subject_after` the verb at ``ws[k - 1]``, not a phrase in the oblique case, nor a
    sound masculine plural after a feminine verb (واعتقلت عشرة فلسطينيين: the object)."""
    c = _subject_after(ws, cands, k)
    if c is None or _oblique(ws, c):
        return None
    verb = _bare(ws[k - 1].norm)
    head = _bare(ws[c.first].norm)
    if verb.endswith("ت") and c.kind in ("phrase", "group") and head.endswith(("ين", "ون")):
        return None
    return c


def _pronoun_subject(ws: Sequence[Word], cands: Sequence[Candidate], t: int) -> Candidate | None:
    """``أعلنت القوات الجوية أنها أسقطت``: after a complementizer with a pronoun, the subject is
    the nearest named candidate before it (the speech verb's subject)."""
    k = t - 1
    while k >= 0 and _bare(ws[k].norm) in _AUX:
        k -= 1
    if k < 0 or ws[k].norm not in _PRONOUN_COMP:
        return None
    before = [c for c in cands if c.last < k and k - c.last <= 8 and c.kind != "phrase"]
    before = [c for c in before if ungoverned(c)]
    return before[-1] if before else None


def _fallback_actor(
    ws: Sequence[Word],
    cands: Sequence[Candidate],
    t: int,
    lower: int,
    recipient: list[Candidate],
) -> tuple[Candidate | None, bool]:
    """The actor when the clause structure names none, and whether it is only a guess.

    ``أعلنت القوات أنها أسقطت``: a pronoun complementizer stands for the speech verb's subject
    (not a guess). Guesses: a pronoun-suffixed trigger's nearest name before it; ``الجيش يخوض
    معارك لاستعادة``، ``يحاول إقناعه``: the subject of the nearest earlier verb; else the nearest
    named candidate (entity, force, group, country) before the trigger in its clause that no
    preposition governs. Measured on the web-news roles labels (session 18), each guess was
    the wrong actor at least as often as the right one: they are proposed to the event model
    (:attr:`Roles.guessed`) and not reported.
    """
    k = t - 1
    while k >= 0 and _bare(ws[k].norm) in _AUX:
        k -= 1
    if k >= 0 and ws[k].norm in _PRONOUN_COMP:
        return _pronoun_subject(ws, cands, t), False
    if ws[t].norm.endswith(("ها", "هم", "هما")) or (
        ws[t].norm.endswith("ه") and len(ws[t].norm) > 4
    ):
        # شكر الوزير الولايات المتحدة على موافقتها: the pronoun's antecedent, the nearest name
        named = [
            c
            for c in cands
            if c.last < t and t - c.last <= 6 and c.kind != "phrase" and c not in recipient
        ]
        if named:
            return named[-1], True
    subordinate = True  # a subordinate clause's verb shares the main clause's subject
    if lower >= 2 and _bare(ws[lower - 2].norm) in ("قبل", "بعد", "حتي", "حين", "عندما"):
        lower = _clause_start(ws, lower - 2)  # قبل أن يدعو: the main clause's subject
    elif lower >= 1 and _bare(ws[lower - 1].norm) in ("عندما", "بينما", "حين"):
        lower = _clause_start(ws, lower - 1)
    else:
        subordinate = False
    for v in range(t - 1, max(lower - 1, t - 15), -1):
        if (
            _verb_like(ws[v])
            or _lexicon_verb(ws[v].norm)
            or _light_verb(ws[v])
            or (v == 0 and _opening_defective_verb(ws[v]))
        ):
            subj = _subject_before(ws, cands, v) or _nominative_after(ws, cands, v + 1)
            if (
                subj is not None
                and subj.last < t
                and subj not in recipient
                and (subj.kind != "phrase" or not _event_word(ws[subj.first].norm))
            ):
                return subj, not subordinate
            break
    named = [
        c
        for c in cands
        if lower <= c.first
        and c.last < t
        and t - c.last <= 10
        and c.kind != "phrase"
        and c not in recipient
        and ungoverned(c)
        and not _after_classifier(ws, c)
    ]
    return (named[-1] if named else None), True


def structural_roles(
    ws: Sequence[Word],
    t: int,
    t_end: int,
    *,
    nominal: bool,
    rule: TriggerRule,
    cands: Sequence[Candidate],
    conj: bool = False,
) -> tuple[list[Candidate], list[Candidate], bool]:
    """Actor and recipient candidates of a trigger from the clause around it (*conj*: the
    trigger word carries the conjunction و or ف).

    Verbs: the agent of a passive (من قبل، على يد، بواسطة، برصاص), the antecedent of a relative
    clause (المسلحون الذين اقتحموا), a subject right before the verb (SVO) or right after it
    (VSO, time words skipped); the object follows the subject, or a recipient preposition of the
    frame introduces it. Nouns: an agent, the subject of a carrying-out verb before
    (نفذت حركة طالبان هجوما، قامت مجموعة بإحراق) or after (هجوم شنه مسلحون); the genitive is
    the victim of a killing or arrest noun (مقتل الصحفي). A passive verb's subject and a victim
    are recipients. The third value says whether the actor is only a guess
    (:func:`_fallback_actor`; :attr:`Roles.guessed`).
    """
    own = {id(c) for c in cands if c.first <= t_end and c.last >= t}
    cs = [c for c in cands if id(c) not in own]
    # a phrase that took the trigger's last word in (سراح الناشط، سبيل المتهمين): what follows
    # the trigger is a candidate of its own
    tails = [
        x
        for c in cands
        if id(c) in own
        and c.first > t
        and c.last > t_end
        and (x := _tail(ws, c, t_end + 1)) is not None
    ]
    if tails:
        cs = sorted(cs + tails, key=lambda c: c.first)
    if rule.category == "RETREAT":
        # أطلقت حماس سراح المجندات: سراح belongs to the verb (no participant of its own); the
        # words after it in its phrase are the released
        kept: list[Candidate] = []
        for c in cs:
            if not _bare(ws[c.first].norm).startswith("سراح"):
                kept.append(c)
            elif c.last > c.first and (rest := _tail(ws, c, c.first + 1)) is not None:
                kept.append(rest)
        cs = kept
    lower = _clause_start(ws, t)
    actor: Candidate | None = None
    recipient: list[Candidate] = []
    rec_preps = set(rule.recipient) - {"obj"}
    wants_obj = "obj" in rule.recipient
    agent = _agent(ws, cs, t_end + 1, t_end + 12)
    named = [c for c in cands if id(c) in own and c.kind in ("group", "entity", "force")]
    if named and rule.category == "PROTEST":
        # "المتظاهرين" as the trigger: the protesters are the actor
        return [named[0]], [], False
    if not nominal:
        passive = _passive(ws, t)
        r = t - 1
        while r >= 0 and _bare(ws[r].norm) in _AUX:
            r -= 1  # الذين كانوا يهتفون
        rel = r >= 0 and _bare(ws[r].norm) in _RELATIVE
        if t > 0 and _event_antecedent(ws, t):
            # هجوم استهدف قاعدة أمريكية: a relative clause of the event noun before it, which
            # is the verb's subject; the noun after the verb is its object
            after = _subject_after(ws, cs, t_end + 1)
            return [], [after] if after is not None and wants_obj else [], False
        if r >= 0 and ws[r].norm in _PRONOUN_PARTICLES:
            after = _subject_after(ws, cs, t_end + 1)
            return [], [after] if after is not None and wants_obj else [], False
        if _circumstantial(ws, t, t_end, rule):
            # قال الوزير ...، متهما رئيسها بالفشل: a participle has no subject of its own; the
            # clause's subject acts and the noun after it is its object
            after = _subject_after(ws, cs, t_end + 1)
            if after is not None and wants_obj:
                recipient.append(after)
            return [s] if (s := _previous_subject(ws, cs, t)) is not None else [], recipient, False
        if agent is not None:
            actor = agent
        elif rel and _resumptive(ws, t_end + 1):
            actor = _subject_after(ws, cs, t_end + 2)  # التي انسحبت منها القوات
        elif rel and _refers_back(ws, t, None):
            # الحصون التي احتلها المتمردون: the antecedent is the object, the subject follows
            actor = _subject_after(ws, cs, t_end + 1)
            antecedent = _subject_before(ws, cs, r)
            if antecedent is not None and antecedent is not actor:
                recipient.append(antecedent)
        elif (
            rel
            and r > 0
            and _event_word(ws[r - 1].norm)
            and governing_light_verb(
                ws, r - 1, "ال" if _bare(ws[r - 1].norm).startswith("ال") else ""
            )
            is None
        ):
            # دانت المنظمة الهجوم الذي استهدف المستشفى: the attack is the verb's subject, not
            # the party before it (who condemns it); the noun after the verb is its object
            # (تبنى التنظيم الهجوم الذي استهدف: a light verb's subject did it, as before)
            after = _subject_after(ws, cs, t_end + 1)
            if after is not None and wants_obj:
                recipient.append(after)
        elif rel:
            actor = _subject_before(ws, cs, r)
        if actor is None and not passive:
            actor = _pronoun_subject(ws, cs, t)
        if (
            actor is None
            and not passive
            and not _casualty_verb(ws, t)  # (أعلنت الوزارة قتل خمسة: who announces a death)
            and (announcer := _announcer(ws, cs, t, lower))
        ):
            actor = announcer  # أعلنت الولايات المتحدة وبريطانيا فرض عقوبات: a verbal noun
        if actor is None and not passive and t > 1 and _bare(ws[t - 1].norm) == "علي":
            # أقدم X على قتل Y: a verbal noun after على that a light verb governs
            for k in range(t - 2, max(lower, t - 12) - 1, -1):
                if _light_verb(ws[k]):
                    # (a coordinated light verb shares the earlier subject: the noun right
                    # before it, وعاث في المدينة دمارا وخرابا وأقدم, ends the clause before)
                    subj = _subject_after(ws, cs, k + 1) or (
                        None if ws[k].norm[:1] in ("و", "ف") else _subject_before(ws, cs, k)
                    )
                    if subj is not None and subj.last < t and not _accusative(ws, subj):
                        actor = subj
                    break
        if actor is None and not passive:
            casualty = _casualty_verb(ws, t)
            before = _subject_before(ws, cs, t) or _subject_after_kana(ws, cs, lower, t)
            if (
                before is not None
                and before.first > 0
                and _bare(ws[before.first - 1].norm) in _ANNOUNCE
            ):
                # أعلنت وزارة الصحة قتل خمسة: the name is the announcing verb's subject, and
                # the verbal noun after it what is announced
                before = None
            # أغلقت الشرطة مقر الحركة واعتقلت رئيسها: the noun before a coordinated verb
            # ends the clause before; the verb shares that clause's subject
            shared = conj and before is not None
            if shared and _object_pronoun(ws[t], rule):
                # رحبت بها السلطة ورفضتها إسرائيل: a verb with its object pronoun has its own
                # subject after it
                shared = False
                before = None
            if shared or (ws[t].norm[:1] in ("و", "ف") and _plural_verb(ws[t])):
                before = None  # عرقلوا المواصلات وهاجموا: the noun before is the last verb's
            if _first_person(ws[t], rule):
                # "ندعو إسرائيل وحماس إلى ضبط النفس": we, the speaker, ask; the noun after the
                # verb is its object, and the actor the speaker the speech verb before names
                shared, before = True, _speaker(ws, cs, t)
            if (
                before is not None
                and not rel
                and before.last == t - 1
                and before.kind == "phrase"
                and not definite(ws[before.first].norm)
                and _refers_back(ws, t, None)
                and (subject := _subject_after(ws, cs, t_end + 1)) is not None
                and subject.first == t_end + 1
            ):
                # 4 صحفيين تحتجزهم جماعة الحوثي: an indefinite noun's relative clause has no
                # الذي; the verb's pronoun is the noun, its subject follows
                recipient.append(before)
                before = subject
            elif (
                before is not None
                and casualty
                and (_counted(ws, before) or _no_object(ws, cs, t_end + 1))
            ):
                # "شخصين قتلا"، "كانت بوتو قد قتلت في هجوم": the victims of a killing verb
                recipient.append(before)
                passive, before = True, None
            actor = before
            if actor is None and not passive:
                k = _skip_right(ws, t_end + 1)
                after = _subject_after(ws, cs, t_end + 1, quantity=True)
                if k < len(ws) and _is_number(ws[k]) and casualty:
                    passive = True  # قتل اول من امس 4 جنود
                elif (
                    casualty
                    and after is not None
                    and after.first == _skip_right(ws, t_end + 1)
                    and _victim_word(ws, after.first)
                    and _no_object(ws, cs, after.last + 1)
                ):
                    # قتل شرطي وأصيب ثلاثة آخرون: a killing verb before a person noun and no
                    # object is passive (قُتل): the person is the victim
                    recipient.append(after)
                elif t_end > t and _patient_genitive(ws, t, t_end):
                    # (أ)طلق سراح المعتقلين: who follows سراح is released; the subject, when
                    # named, stands between (أطلقت إسرائيل سراح الأسرى: not this trigger)
                    if after is not None:
                        recipient.append(after)
                elif _plural_verb(ws[t]):
                    # خطفوا، يطلقون: a verb before its subject is singular, so the subject of a
                    # plural verb is before it or dropped: the earlier verb's when the verb is
                    # coordinated (اتفق القادة على ...، ودعوا إيران)
                    actor = _chain_subject(ws, cs, t) if ws[t].norm[:1] in ("و", "ف") else None
                    if actor is not None and not _may_act(ws, actor) and actor.kind == "phrase":
                        actor = None
                elif (
                    casualty
                    and after is not None
                    and _counted(ws, after)
                    and ws[t].norm.startswith("و")
                ):
                    # "صدم مهاجم ... وقتل جنديين": the count is the object of a coordinated verb
                    recipient.append(after)
                    actor = _previous_subject(ws, cs, t)
                elif shared:
                    pass  # its subject is the earlier verb's, and the noun after it its object
                elif not rel or _refers_back(ws, t, after):
                    # (in a relative clause, الحرب التي حررت سيناء, the noun after the verb is
                    # its object and the antecedent its subject, unless a pronoun refers back
                    # to the antecedent: الحصون التي احتلها المتمردون، الذي هاجم مسلحوه)
                    # (an oblique plural is an object; after a word that may be a تفاعل
                    # verbal noun, توافق السوريين, it is that noun's genitive, its agent)
                    # (and a noun in اً after a verb is its object, أطلقت فجر أمس صاروخاً,
                    # where the trigger itself is no accusative noun: حصاراً قاسياً)
                    # (nor is a place named with its classifier, مخيم جنين, a subject)
                    # (nor the one phrase between a charge verb and its charge, اتهمت
                    # إريتريا بدعم متمردين: the accused)
                    oblique = after is not None and (
                        _oblique(ws, after)
                        or (_accusative(ws, after) and not ws[t].text.endswith(("اً", "ًا")))
                        or _after_classifier(ws, after)
                        or _charged(ws, cs, t, after)
                        or _thing_of(ws, after)
                        or _governed_noun_adjective(ws, t, t_end, after)
                    )
                    actor = None if oblique and not _tafaul(ws[t]) else after
                    if (
                        actor is not None
                        and ws[t].norm[:1] in ("و", "ف")
                        and actor.kind == "phrase"
                        and not nominal
                        and "obj" in rule.recipient
                        and not _may_act(ws, actor)
                        and (chained := _chain_subject(ws, cs, t)) is not None
                        and (chained.kind != "phrase" or _may_act(ws, chained))
                        and all(
                            ws[k].start - ws[k - 1].end == 1 for k in range(chained.last + 1, t + 1)
                        )
                    ):
                        # فرضت واشنطن عقوبات على الشركة وجمدت أصولها: a thing after a coordinated
                        # verb is its object, its subject the earlier verb's (within one clause)
                        actor = chained
                    elif (
                        actor is not None
                        and ws[t].norm[:1] in ("و", "ف")
                        and actor.mention.label == "PER"
                        and rule.mode == "arrest"
                        and (chained := _chain_subject(ws, cs, t)) is not None
                        and chained.mention.label != "PER"
                        and (chained.kind != "phrase" or _may_act(ws, chained))
                    ):
                        # واعتقلت نائب النقيب ناصر النواصرة: a person arrests no one; after a
                        # coordinated verb of arrest he is its object, the chain's body its subject
                        actor = chained
                    if actor is not None and _feminine_after_masculine(ws, t, rule, actor):
                        # ودعا الحكومة الاتحادية إلى: a masculine verb right before a feminine
                        # phrase is not its verb; the phrase is its object
                        actor = _chain_subject(ws, cs, t) if ws[t].norm[:1] in ("و", "ف") else None
                    if (
                        actor is not None
                        and ws[t].norm[:1] in ("و", "ف")
                        and _masculine_after_feminine(ws, t, rule, actor)
                    ):
                        # ودعت المجتمع الدولي: the coordinated verb's subject is the earlier
                        # verb's, and the phrase after it its object
                        actor = _chain_subject(ws, cs, t)
                    elif (
                        actor is not None
                        and ws[t].norm[:1] in ("و", "ف")
                        and _addressed(ws, cs, t, rule, actor)
                        and (chained := _chain_subject(ws, cs, t)) is not None
                    ):
                        # وطالبت السلطات بالتراجع، ودعا الأمم المتحدة إلى التدخل: the one
                        # phrase before what is asked is whom the earlier subject asks
                        actor = chained
        if not recipient and t_end > t and _patient_genitive(ws, t, t_end):
            # قررت المحكمة إطلاق سراح الناشط: who follows سراح is released, subject or not
            released = _subject_after(ws, cs, t_end + 1)
            if released is not None and released is not actor:
                recipient.append(released)
        obj_from = t_end + 1
        if actor is not None and actor is not agent and actor.first > t_end:
            # the object follows the subject and what is coordinated with it (كل من مصر وقطر),
            # and whom a spokesman speaks for (اتهم المتحدث باسم الكرملين كييف)
            obj_from = _coordinated(ws, cs, [actor])[-1].last + 1
            if _on_behalf(ws, actor) and (party := _cand_at(cs, obj_from + 1)) is not None:
                obj_from = party.last + 1
            elif (gen := _title_genitive(ws, cs, actor)) is not None and gen.first == obj_from:
                obj_from = gen.last + 1  # (وزير خارجية إيران: the country is the title's)
            if actor.mention.label == "PER":
                obj_from = _past_apposition(ws, obj_from)
        if (passive or wants_obj) and not recipient:
            obj = _subject_after(ws, cs, obj_from, quantity=True)
            if _governed_noun_adjective(ws, t, t_end, obj):
                obj = None
            if obj is not None and _bare(ws[obj.first].norm) in _CONTROL:
                # استعاد الجيش السيطرة على المصفاة: what is retaken follows على
                k = obj.last + 1
                obj = (
                    _subject_after(ws, cs, k + 1)
                    if k < len(ws) and _bare(ws[k].norm) == "علي"
                    else None
                )
            if obj is not None and obj is not actor:
                recipient.append(obj)
        if actor is None and passive:
            # قتل 150 مدنيا في ... الضربات الجوية الأمريكية: the actor of the attack noun
            for k in range(t_end + 1, min(len(ws), t_end + 10)):
                if _bare(ws[k].norm) in ("هجوم", "هجمات", "غاره", "غارة", "غارات", "ضربه") or (
                    _stem(ws[k].norm) in ("هجوم", "هجمات", "غارات", "ضربات", "قصف")
                ):
                    canon = next(
                        (
                            (j, a)
                            for j in range(k + 1, min(len(ws), k + 4))
                            if (a := adjective_at(ws, j)) is not None
                        ),
                        None,
                    )
                    if canon is not None:
                        w = ws[canon[0]]
                        m = Mention(w.start, w.end, w.text, None, canon[1])
                        actor = Candidate(canon[0], canon[0], m, "force", "")
                    else:
                        sub = _agent(ws, cs, k + 1, k + 6)
                        if sub is None and k + 1 < len(ws) and _light_verb(ws[k + 1]):
                            sub = _subject_after(ws, cs, k + 2)
                        actor = sub
                    break
    else:
        if _bare(ws[t].norm) in _CHARGE:
            # اعتقلت الشرطة رئيس البلدية بتهمة الفساد، حوكم بتهمة: the name before "on a
            # charge of" is the accused, the object of the arrest or trial; who charges is
            # seldom named (not the accused, the nearest name)
            near = _cand_at(cs, t - 1)
            head = ws[near.first] if near is not None else None
            if (
                near is not None
                and head is not None
                and near.last == t - 1
                and (ungoverned(near) or near.prep == "ل")  # (not في أثناء الحرب بتهمة)
                # a name or people, not a phrase of another kind (لمحاكمته، ملاحق بتهمة) nor a
                # place (شركات مقرها الإمارات بتهمة)
                and (near.kind != "phrase" or _victim_word(ws, near.first))
                and near.mention.label != "LOC"
            ):
                return [], _coordinated(ws, cs, [near]), False
            return [], [], False
        victim = _patient_genitive(ws, t, t_end)
        if agent is not None:
            actor = agent
        if actor is None:
            # هجوم شنه مسلحون / مظاهرة نظمها محتجون / الهجوم الذي نفذته خلية
            k = t_end + 1
            while k < len(ws) and k <= t_end + 3 and not _light_verb(ws[k]):
                k += 1
            if (
                k < len(ws)
                and k <= t_end + 3
                and _light_verb(ws[k])
                # (its pronoun or a relative refers back to the noun: not اعتقال الحسيني، وأجرى
                # القضاء إنابة)
                and (
                    _bare(ws[k].norm).endswith(_BACK_PRONOUNS)
                    or _bare(ws[k - 1].norm) in _RELATIVE
                    or _resumptive(ws, k + 1)  # (إضرابا شارك فيه طلاب)
                )
            ):
                actor = _subject_after(ws, cs, k + 1)
        received = False
        if actor is None and rule.category in _RECEIVED:
            # تلقت أوكرانيا مساعدات من الولايات المتحدة: who receives it is its recipient
            for k in range(t - 1, max(lower, t - 6) - 1, -1):
                if _bare(ws[k].norm) in _RECEIVE:
                    got = _subject_after(ws, cs, k + 1)
                    if got is not None and got.first < t:
                        recipient.append(got)
                        received = True
                    break
        if actor is None and not received:
            # نفذت حركة طالبان هجوما / قامت مجموعة من الشبان بإحراق
            for k in range(t - 1, max(lower, t - 6) - 1, -1):
                if _light_verb(ws[k]):
                    actor = _subject_after(ws, cs, k + 1)
                    if actor is not None and actor.kind == "phrase" and not _may_act(ws, actor):
                        actor = None  # (اجرى مراجعات دفعته للانسحاب: the object, no agent)
                    if actor is None or actor.first >= t:
                        actor = _subject_before(ws, cs, k)
                    break
        if actor is None and not (victim and _outcome_noun(ws[t])):
            # أعلن الجيش استعادة السيطرة، أعلنت الحركة مسؤوليتها عن الهجوم، أعلنت الشرطة
            # اعتقال خمسة: who announces an act it names does it (not a death or an injury:
            # أعلن الجيش مقتل جنديين)
            actor = _announcer(ws, cs, t, lower)
        if actor is None and (
            (
                rule.category in ("PROTEST", "CONSULT")
                and t > 0
                and _bare(ws[t - 1].norm) in ("في", "الي")
            )
            or _purpose(ws, t, t_end)
        ):
            # خرج مئات المواطنين في مسيرة، وصل الوزير إلى بيروت في زيارة، تظاهر الطلاب
            # للمطالبة بـ (a purpose): the subject of the clause verb
            for k in range(t - 2, max(lower, t - 16) - 1, -1):
                # (a verb opens the sentence or a clause of its own: في حين خرج المئات)
                # (a clause verb after حين / بينما, near: farther, a verb of another clause may
                # stand between, unrecognised: عندما افتضح أمرهما وعرف به الجميع وكان ... في زيارة)
                opens = k > 0 and k >= t - 10 and _in_words(ws[k - 1].norm, _CLAUSE_CONJUNCTIONS)
                initial = (k == 0 or opens) and _initial_verb(ws[k])
                if initial or _verb_like(ws[k]) or _light_verb(ws[k]) or _lexicon_verb(ws[k].norm):
                    actor = _subject_after(ws, cs, k + 1)
                    if (
                        opens
                        and actor is not None
                        and actor.kind == "phrase"
                        and not _may_act_norm(ws[actor.first].norm, "", known_only=True)
                    ):
                        actor = None  # a common word that names no actor
                    break
        if actor is None and not recipient and t >= 2:
            # منحت المحكمة إسرائيل مهلة: a verb of giving takes its subject, then whom it
            # gives to, then what (the trigger)
            for k in range(t - 2, max(lower, t - 10) - 1, -1):
                if _bare(ws[k].norm) in _GIVE:
                    subj = _subject_after(ws, cs, k + 1)
                    given = _cand_at(cs, t - 1)
                    if (
                        subj is not None
                        and given is not None
                        and given is not subj
                        and given.last == t - 1
                        and subj.last < given.first
                        and ungoverned(given)
                    ):
                        actor = subj
                        recipient.append(given)
                    break
        if actor is None and not recipient and ws[t].norm[:1] == "ل":
            # تعرضت مواقع حكومية في الأردن لهجوم: the subject of تعرض undergoes the noun
            # after its ل, places and time words between
            for k in range(t - 1, max(lower, t - 8) - 1, -1):
                if _bare(ws[k].norm) in _UNDERGO:
                    subj = _subject_after(ws, cs, k + 1) or _subject_before(ws, cs, k)
                    if subj is not None and subj.last < t:
                        recipient.append(subj)
                    break
        if (
            actor is None
            and not victim
            and not received
            and not recipient
            and t >= 1
            and _bare(ws[t].norm) == ws[t].norm
        ):
            # (not for a coordinated noun, بحل الجمعية والدعوة: the name before is the
            # previous noun's genitive)
            k = t - 1
            if _bare(ws[k].norm) in ("في", "الي", "علي") and k >= 1:
                k -= 1
            near = _cand_at(cs, k)
            if (
                near is not None
                and near.last == k
                and near.kind != "phrase"
                and ungoverned(near)
                and not _after_classifier(ws, near)
                and not (near.first > 0 and ws[near.first - 1].norm in DIRECTIONS)
                and not _in_apposition(ws, near, lower)
                # (nor past إلى / على: دعت منظمة العفو إلى الإفراج عنه, who calls for it)
                and not (k >= t - 2 and _reacts_to(ws, near, rule.category))
            ):
                if near.first > 0 and _bare(ws[near.first - 1].norm) in _UNDERGO:
                    recipient.append(near)  # تعرضت روسيا لهجوم: Russia is attacked
                else:
                    actor = near  # يساعد الجيش الأوكراني في تطويق باخموت
        gen = _subject_after(ws, cs, t_end + 1, quantity=True)
        if gen is not None and _own_adjective(ws, gen, t_end):
            gen = None  # اعتقالات كبيرة، اجتياح بري: the trigger's own adjective
        lam = (
            next((c for c in cs if c.first == gen.last + 1 and c.prep == "ل"), None)
            if gen is not None
            and gen.first == t_end + 1
            and actor is None
            # (not the ل completing a title without a name: اغتيال نائب رئيس المكتب السياسي
            # لحركة حماس)
            and not (
                gen.kind == "phrase"
                and (_office(ws[gen.first].norm) or _title_norm(ws[gen.first].norm))
            )
            else None
        )
        # (a count may stand between, and the approximation before it: مقتل ما لا يقل عن 30)
        reach = t_end + 4 + _past_approximation(ws, t_end + 1) - (t_end + 1)
        if gen is not None and lam is not None:
            # احتلال العراق للكويت، اعتقال الشرطة للمتظاهرين: a verbal noun's genitive with a
            # ل-object after it is the agent, the ل-object the patient
            actor = gen
            recipient.append(lam)
        elif gen is not None and gen.first <= reach and gen is not actor:
            if (
                actor is None
                and gen.first == t_end + 1
                and t > 0
                and _bare(ws[t - 1].norm) in _PROVOKE
                and may_act(ws, gen)
            ):
                # أثار الحكم انتقادات منظمات حقوقية: a reaction provoked is its genitive's
                actor = gen
            elif rule.category == "COERCE" and not victim and actor is None and _on_target(ws, gen):
                actor = gen  # سيطرة حماس على البلدات: who seizes, then what
            elif victim or rule.category in ("COERCE",):
                recipient.append(gen)
            elif (
                actor is None
                and gen.first == t_end + 1
                and rule.actor != "adj"
                and (gen.kind != "phrase" or definite(ws[gen.first].norm))
                and not _after_classifier(ws, gen)
            ):
                # هجوم روسيا، انفجار السيارة (not معارك شرسة: an adjective; not اقتحام مخيم
                # جنين: a place named with its classifier is where, not who)
                actor = gen
            elif (
                actor is None
                and gen.first == t_end + 1
                and (
                    (gen.kind != "phrase" and gen.mention.label not in ("LOC", None))
                    or (
                        gen.kind == "phrase"
                        and rule.actor == "adj"
                        and not definite(ws[t_end].norm)  # (الوصول الآمن: an adjective)
                        and definite(ws[gen.first].norm)
                        and _may_act_norm(ws[gen.first].norm, ws[gen.first].text, known_only=True)
                    )
                )
            ):
                # هجوم حماس، قصف الاحتلال: a named party in the genitive acts (a place there
                # may be the target: قصف غزة); so does a party's noun after an attack noun
                # (هجمات الجماعة على السفن)
                actor = gen
            elif (
                actor is None
                and gen.first == t_end + 1
                and rule.category == "CONSULT"
                and not definite(ws[t_end].norm)  # (a definite noun takes no genitive)
                and _may_act_norm(ws[gen.first].norm, ws[gen.first].text, known_only=True)
            ):
                actor = gen  # زيارة وزير المالية إلى الرياض: the visitor, the one who meets
            elif wants_obj:
                recipient.append(gen)
    src = (
        _source_after(ws, t, t_end, nominal=nominal, category=rule.category)
        if actor is None
        else None
    )
    if src is not None:
        # مقترح من الرئيس، مدعوم من أوكرانيا، مساعدات من الإمارات: من names the source
        source = _cand_at(cs, src)
        if source is not None and source.first == src:
            actor = source
    guess = False
    if actor is None and not (nominal and _patient_genitive(ws, t, t_end)) and not _passive(ws, t):
        actor, guess = _fallback_actor(ws, cs, t, lower, recipient)
    if rule.category in _UNDERGOER_NOUNS and not recipient:
        # قضت المحكمة بسجن رئيس الحركة ...، أطلقت حماس سراح أربع مجندات: the genitive of the
        # penalty noun is sentenced, of سراح released
        for k in range(t_end + 1, min(len(ws) - 1, t_end + 5)):
            if _bare(ws[k].norm) in _UNDERGOER_NOUNS[rule.category]:
                sentenced = _subject_after(ws, cs, k + 1)
                if sentenced is not None and sentenced is not actor:
                    recipient.append(sentenced)
                break
    if rec_preps and not recipient:
        stop = min(_clause_stop(ws, t_end), t_end + 13)
        # (nor past a verb opening a clause of its own after punctuation: رددت بكين بالتنديد
        # به، ووصفت المتحدثة باسم الخارجية ...; not a name's word)
        stop = next(
            (
                k
                for k in range(t_end + 1, stop)
                if _new_clause(ws, k)
                and not any(c.first <= k <= c.last and c.kind != "phrase" for c in cs)
            ),
            stop,
        )
        for c in cs:
            if t_end < c.first < stop and c is not actor and c not in recipient:
                p = _governing(ws, c, t_end + 1)
                if p in rec_preps and not recipient:
                    recipient.append(c)
    actors = [actor] if actor is not None else []
    return _coordinated(ws, cs, actors), _coordinated(ws, cs, recipient), guess and bool(actors)


_PENALTIES = _wordset("بسجن باعدام بحبس بطرد بترحيل بتغريم بمعاقبه بمعاقبة")  # (+ the sentenced)
_UNDERGOER_NOUNS = {"SANCTION": _PENALTIES, "RETREAT": _wordset("سراح")}
# تعرض ل (underwent): its subject undergoes the event noun after ل
_UNDERGO = _wordset("تعرض تعرضت تعرضوا يتعرض تتعرض يتعرضون")
_CAUSES = _wordset("بسبب جراء نتيجه نتيجة بفعل")  # (+ the event noun that caused it)
# Verbs of giving with two objects (منح، أعطى، أمهل): whom, then what.
_GIVE = _wordset("منح منحت منحوا يمنح تمنح اعطي اعطت اعطوا يعطي تعطي امهل امهلت يمهل تمهل")
# Verbs of provoking a reaction (أثار انتقادات المعارضة): the reaction noun's genitive reacts.
_PROVOKE = _wordset("اثار اثارت اثاروا يثير تثير يثيرون استقطب استقطبت")
_CONTROL = _wordset("السيطره السيطرة زمام")  # (the object of a verb of taking control)
_ANNOUNCE = _wordset("اعلن اعلنت اعلنوا يعلن تعلن يعلنون")
_CHARGE = _wordset("بتهمة بتهم بتهمتي")  # (on a charge of: the ACCUSE noun governed by ب)
_BACK_PRONOUNS = ("ها", "هم", "هما", "ه")


def _announcer(
    ws: Sequence[Word], cands: Sequence[Candidate], t: int, lower: int
) -> Candidate | None:
    """The subject of an announcing verb (أعلن) whose object is the trigger at ``ws[t]``: the
    trigger stands right after the subject and its conjuncts (and its place: أعلنت جماعة
    الحوثي في اليمن مسؤوليتها عن), or after عن (أعلن المشاركون عن اعتصام، أعلنت الحركة
    مسؤوليتها عن الهجوم); ``None`` when no such verb is within eight words."""
    for k in range(t - 1, max(lower, t - 8) - 1, -1):
        if _bare(ws[k].norm) not in _ANNOUNCE:
            continue
        subj = _subject_after(ws, cands, k + 1)
        if subj is None:
            return None
        # (past its conjuncts: أعلنت الولايات المتحدة وبريطانيا فرض عقوبات)
        j = _past_place(ws, cands, _coordinated(ws, cands, [subj])[-1].last + 1)
        between = [_bare(w.norm) for w in ws[j:t]]
        claim = len(between) == 2 and between[0].startswith("مسؤولي") and between[1] == "عن"
        return subj if not between or between == ["عن"] or claim else None
    return None


def _refers_back(ws: Sequence[Word], t: int, after: Candidate | None) -> bool:
    """In a relative clause, whether the verb ``ws[t]`` (احتلها) or the noun after it (مسلحوه)
    carries a pronoun that refers to the antecedent: then the noun after is the subject."""
    verb = _bare(ws[t].norm)
    if len(verb) >= 5 and verb.endswith(_BACK_PRONOUNS):
        return True
    if any(
        (n := _bare(w.norm)).startswith("سراح") and n.endswith(_BACK_PRONOUNS)
        for w in ws[t + 1 : t + 4]
    ):
        return True  # الذين أطلقت إسرائيل سراحهم: the pronoun on سراح, the subject between
    if after is None:
        return False
    head = _bare(ws[after.first].norm)
    return len(head) >= 5 and head.endswith(_BACK_PRONOUNS)


def _past_apposition(ws: Sequence[Word], k: int) -> int:
    """Where the object starts after a person's apposition set off by commas (طالب محمد
    داود، عضو مجلس الشعب سابقا، الدكتور عصام شرف): past the punctuation closing a phrase
    that opens, after punctuation, with a title noun; *k* itself where none follows."""
    # (words carry no text between them: a gap wider than a space is punctuation)
    if k < 1 or k >= len(ws) or ws[k].start - ws[k - 1].end <= 1 or not _title_word(ws[k]):
        return k
    for j in range(k, min(len(ws) - 1, k + 8)):
        if ws[j + 1].start - ws[j].end > 1:
            return j + 1
    return k


def _on_target(ws: Sequence[Word], gen: Candidate) -> bool:
    """Whether على follows *gen* (what is seized comes after it)."""
    k = gen.last + 1
    return k < len(ws) and ws[k].start - ws[gen.last].end <= 1 and _bare(ws[k].norm) == "علي"


def _own_adjective(ws: Sequence[Word], c: Candidate, t_end: int) -> bool:
    """An indefinite nisba right after a nominal trigger qualifies it (اجتياح بري، هجوم
    صاروخي), no participant; so does an indefinite feminine word after a trigger in ات, the
    agreement of a plural of things (اعتقالات كبيرة، اشتباكات عنيفة، غارات مكثفة), and one
    after a trigger that ends in an indefinite nisba (هجوم إلكتروني واسع)."""
    n = _bare(ws[c.first].norm)
    if c.kind != "phrase" or c.first != t_end + 1 or definite(n):
        return False
    last = _bare(ws[t_end].norm)
    # (as written: إلكتروني folds to a word that begins like the article)
    if len(last) > 4 and last.endswith(("ي", "ية", "يه")) and not ws[t_end].text.startswith("ال"):
        return True  # هجوم إلكتروني واسع: a noun with its adjective is in no construct
    if c.last != c.first:
        return False
    if n.endswith(("ي", "ية", "يه")):
        return True
    return ws[t_end].norm.endswith("ات") and n.endswith("ة") and len(n) > 3


def _governed_noun_adjective(ws: Sequence[Word], t: int, t_end: int, c: Candidate | None) -> bool:
    """Whether *c* is the adjective of a trigger that a preposition governs, a noun read as a
    verb (في قصف مدفعي): neither its subject nor its object (:func:`_own_adjective`); a
    nationality adjective still names the actor."""
    return (
        c is not None
        and t > 0
        and _bare(ws[t - 1].norm) in _PREPOSITIONS
        and _own_adjective(ws, c, t_end)
        and adjective_at(ws, c.first) is None  # (تحت حصار أميركي: the state besieges)
    )


def _coordinated(
    ws: Sequence[Word], cands: Sequence[Candidate], found: list[Candidate]
) -> list[Candidate]:
    """*found* plus the phrases coordinated with its last one by و (قوات الحكومة ومقاتلو
    المعارضة، أوروبيين وطيارين): the next candidate starting right after it with و."""
    if not found:
        return found
    out = list(found)
    last = out[-1]
    for _ in range(3):
        nxt = next((c for c in cands if c.first == last.last + 1), None)
        if (
            nxt is None
            or nxt in out
            or not ws[nxt.first].norm.startswith("و")
            or nxt.mention.start == ws[nxt.first].start  # واشنطن: و is part of the name
            or ws[nxt.first].norm.startswith(_WAW_WORDS)
            or (nxt.kind == "phrase" and _victim_noun(ws[nxt.first]))
        ):
            break  # (مقتل ثلاثة أشخاص وإصابة العشرات: the next event, not another victim)
        person = next((c for c in cands if c.first == nxt.last + 1), None)
        if (
            person is not None
            and person.mention.label == "PER"
            and nxt.kind in ("phrase", "force")
            and _official(ws[nxt.first])
        ):
            nxt = person  # والعاهل الأردني الملك عبد الله الثاني: the titled person
        out.append(nxt)
        last = nxt
    return out


def _official(w: Word) -> bool:
    """A title or an office-holder noun, with or without its article and و (والعاهل، ورئيس):
    a phrase it heads names the person after it."""
    n = _bare(w.norm)
    n = n[2:] if n.startswith("ال") and len(n) > 4 else n
    return _title_norm(n) or _title_norm("ال" + n) or agentive_classes().get(n) == "official"


# --- pro-drop: a clause-initial verb without a subject takes the previous sentence's subject ---

_OPENERS = frozenset({"ثم", "كما", "بعدها", "لاحقا", "وبعدها", "ولاحقا"})


def verb_agreement(w: Word, prefix: str | None = None) -> str | None:
    """The person marking of a past or imperfect verb: ``"f"`` (3rd feminine singular, قصفت،
    اعتقلت), ``"p"`` (3rd plural, هاجموا، يطلقون), ``"m"`` (3rd masculine singular, قصف، يقصف),
    ``None`` when the form does not say (an object pronoun, a ت- imperfect or تفاعل past).
    *prefix* is the proclitics stripped from the word (``"و"``), when known."""
    if prefix is not None:
        n = w.norm[len(prefix) :] if prefix and w.norm.startswith(prefix) else w.norm
    else:
        n = _bare(w.norm)
    if len(n) < 3 or n.endswith(("ه", "ها", "هم", "هما", "نا")):
        return None
    if n.endswith("وا") or (n[0] in "يت" and n.endswith("ون")):
        return "p"
    if n.endswith("ت"):
        return "f"
    if n[0] == "ت":
        return None  # تقصف (she) or تظاهر (he)
    return "m"


def _noun_agreement(ws: Sequence[Word], c: Candidate) -> str | None:
    """The verb marking a candidate takes as a pronominal subject: ``"p"`` for sound masculine
    plurals (المتظاهرون، مسلحين), ``"f"`` for feminine heads (الشرطة، الحكومة) and plurals in
    ات (القوات، الطائرات), ``"b"`` for broken plurals of parties in ``agentive.tsv``
    (الأحزاب، الزعماء: a feminine or a plural verb), ``"m"`` for other heads; ``None`` for a
    name (a person may be a woman) and for a place or country (their gender is lexical)."""
    label = c.mention.label
    if label in ("PER", "LOC", "GPE"):
        return None
    head = _bare(ws[c.first].norm)
    if head.startswith("ال"):
        head = head[2:]
    if len(head) < 3:
        return None
    if len(head) >= 5 and head.endswith(("ون", "ين")):
        return "p"
    if head.endswith(("ه", "ة", "ات")):
        return "f"
    if head in agentive_plurals() and agentive_classes().get(head) != "people":
        # a broken plural of parties (أحزاب، زعماء): a verb before it is either singular; one
        # of people (شبان، نساء) is more often what is done to them (اعتقلت عشرات الشبان)
        return "b"
    return "m"


def _feminine_adjective(ws: Sequence[Word], c: Candidate) -> bool:
    """A definite nisba in ية right after the candidate's head (الدول الأوروبية، المصادر
    الأمنية): a broken plural or a feminine phrase, which a feminine verb takes as subject.
    (Only a feminine verb asks: after a masculine one, وزير الخارجية is a genitive.)"""
    k = c.first + 1
    if k >= len(ws):
        return False
    n = _bare(ws[k].norm)
    return len(n) > 5 and n.startswith("ال") and n.endswith(("ية", "يه"))


def _clause_initial(ws: Sequence[Word], t: int) -> bool:
    """The trigger opens its sentence (after و, ثم, كما ...)."""
    return t == 0 or (t == 1 and ws[0].norm in _OPENERS)


def _opening_defective_verb(w: Word) -> bool:
    """A sentence-opening past verb in ى (ألقى، أدلى، أبدى، نفى): four letters from أ, or three."""
    text = w.text.lstrip("وف")
    return text.endswith("ى") and (len(text) == 3 or (len(text) == 4 and text[0] == "أ"))


def _opening_verb(w: Word) -> bool:
    """A sentence-opening word shaped like a verb (وصل، تقدم، دخلت، استهدف), not a noun
    (definite, م-, or ending like a plural or a feminine noun)."""
    if _initial_verb(w) or _lexicon_verb(w.norm) or _verb_like(w):
        return True
    n = w.norm
    if definite(n) or n.startswith("م") or n.endswith(("ة", "ه", "ات", "ون", "ين", "ان", "ي")):
        return False
    return len(n) in (3, 4) and not _function_word(w)


def sentence_subject(ws: Sequence[Word], cands: Sequence[Candidate]) -> Candidate | None:
    """The subject of a sentence's opening clause: after an opening verb (VSO: وصل الجيش) or
    before the first verb (SVO: الجيش وصل); ``None`` for anything else (a nominal sentence,
    a subject governed by a preposition, a verb with a pronoun)."""
    if not ws:
        return None
    k = 1 if ws[0].norm in _OPENERS else 0
    if k >= len(ws):
        return None
    c = _cand_at(cands, k)
    if _opening_verb(ws[k]) and (c is None or c.mention.label is None):
        if _plural_verb(ws[k]):
            return None  # its own subject is dropped too
        if c is not None and c.first == k and c.last > k:
            # the chunker took the opening verb into the phrase (وصل الجيش): the rest of it
            a, b = ws[k + 1], ws[c.last]
            m = Mention(a.start, b.end, c.mention.text[a.start - c.mention.start :])
            return Candidate(k + 1, c.last, m, c.kind, "")
        return _subject_after(ws, cands, k + 1, quantity=False)
    if (
        c is not None
        and c.first == k
        and c.last + 1 < len(ws)
        and ungoverned(c)
        and finite_verb(ws[c.last + 1])
    ):
        return c
    return None


def carry_subject(
    ws: Sequence[Word],
    t: int,
    cands: Sequence[Candidate],
    roles: Roles,
    *,
    previous: Candidate | None,
    previous_words: Sequence[Word],
    prefix: str = "",
) -> Roles:
    """Roles of a clause-initial verb whose subject is dropped (pro-drop): ``وصل الجيش ...
    وقصف المدينة`` -> the army shelled the city.

    *previous* is :func:`sentence_subject` of the previous sentence (words *previous_words*).
    It becomes the actor only when the verb agrees with it (gender and number of the verb's
    suffix against the subject's head: قصفت / الطائرات, هاجموا / المتظاهرون, قصف / الجيش), and
    only when the phrase right after the verb cannot be the verb's own subject (a feminine head
    after a masculine verb or the reverse, anything after a plural verb); such a phrase, when
    taken as the actor, becomes the recipient. Anything else is returned unchanged (precision
    first: ``وقصف منازل المدنيين`` keeps منازل as a possible subject).
    """
    if previous is None or not _clause_initial(ws, t) or _is_nominal(prefix, ws[t]):
        return roles
    if not (_initial_verb(ws[t]) or finite_verb(ws[t])):
        return roles
    form = verb_agreement(ws[t], prefix)
    before = _noun_agreement(previous_words, previous)
    # (a broken plural, dropped, is the subject of a feminine or a plural verb: ودعت، وقالوا)
    if form is None or (before != form and not (before == "b" and form in ("f", "p"))):
        return roles
    carried = previous.mention
    k = _skip_quantity(ws, _skip_right(ws, t + 1))  # اعتقلت ثلاثة ناشطين: the counted noun
    after = next((c for c in cands if c.first == k), None) if k < len(ws) else None
    if after is not None and (form == "p" or after.mention.label == "PER"):
        after = after if after.mention.label == "PER" else None  # a plural verb: no subject after
    if after is None and form != "p" and k < len(ws) and not _function_word(ws[k]):
        return roles  # a word that is no candidate (واستهدف هجوم ...) may still be the subject
    if after is not None:
        own = _noun_agreement(ws, after)
        # a verb before its subject is singular: قصف الجيش، هاجم المسلحون، قصفت الطائرات
        agrees = (
            own in (None, "b")
            # (the name of a body agrees with either form: وأفرجت حماس; not a place, which an
            # attack verb often takes as its object: واستهدفت لبنان)
            or after.mention.label == "ORG"
            or (form == "m" and own in ("m", "p"))
            or (form == "f" and (own == "f" or _feminine_adjective(ws, after)))
        )
        if agrees:
            return roles  # the phrase after the verb can be its subject: nothing is dropped
    proposed = roles.actor or roles.guessed  # (a phrase that names no one is still the object)
    if after is None or not proposed or after.mention != proposed[0]:
        return roles if roles.actor else attrs.evolve(roles, actor=(carried,))
    first = proposed[0]
    recipient = roles.recipient if first in roles.recipient else (first, *roles.recipient)
    guessed = tuple(m for m in roles.guessed if m != first)
    return attrs.evolve(roles, actor=(carried,), recipient=recipient, guessed=guessed)


# --- the targets of a demand: the genitive of the verbal noun it asks for ---

# Verbal nouns of what a demand asks done to someone (compared without ال / ب and ة as ه).
_DEMAND_NOUNS = _wordset(
    "ضروره رحيل تنحي تنحيه اقاله استقاله ترك عزل طرد محاسبه محاكمه معاقبه اعتقال "
    "الافراج اطلاق سراح خروج انسحاب ابعاد توقيف تسليم تدخل"
)


def _demand_noun(norm: str) -> bool:
    n = _bare(norm).replace("ة", "ه")
    for pre in ("بال", "ال", "ب"):
        if n.startswith(pre) and n[len(pre) :] in _DEMAND_NOUNS:
            return True
    return n in _DEMAND_NOUNS


def _inside_phrase_trigger(ws: Sequence[Word], k: int) -> bool:
    """Whether ``ws[k]`` is a later word of a multi-word trigger (النار of وقف إطلاق النار)."""
    rules = trigger_rules()
    for j in range(max(0, k - 3), k):
        for idx, _ in match_first(ws[j].norm):
            parts = rules[idx].parts
            if j + len(parts) > k and rest_matches(parts, ws, j):
                return True
    return False


def _demand_targets(
    ws: Sequence[Word], cands: Sequence[Candidate], t_end: int, found: list[Candidate]
) -> list[Candidate]:
    """Recipients of a demand whose content is a verbal noun (دعا إلى ضرورة رحيل الوزير،
    طالبت بإقالة المدير): the phrase governed by the last such noun, with its coordinated
    phrases; *found* when the demand has no such content."""
    # the content opens within a few words (دعا إلى، طالبت النقابة في بيانها بـ), in the clause
    k = next(
        (
            j
            for j in range(t_end + 1, min(len(ws), t_end + 8))
            if _demand_noun(ws[j].norm)
            or ws[j].norm in _CLAUSE_STARTS
            or _bare(ws[j].norm) in ("قبل", "بعد", "حتي", "عندما")
        ),
        None,
    )
    if k is None or not _demand_noun(ws[k].norm):
        return found
    while k + 1 < len(ws) and _demand_noun(ws[k + 1].norm):
        k += 1  # ضرورة تنحي، إطلاق سراح
    if k + 1 >= len(ws) or ws[k + 1].start - ws[k].end > 1:
        return found  # punctuation right after the noun: no genitive
    if definite(ws[k].norm):
        return found  # a definite noun takes no genitive: بالإفراج الفوري (an adjective)
    target: Candidate | None = None
    for c in cands:
        if c.first == k + 1:
            target = c
            break
        if c.first <= k < c.last:
            # the chunker took the verbal noun into the phrase (رحيل الوزيرين): the rest of it
            a, b = ws[k + 1], ws[c.last]
            m = c.mention
            sub = Mention(a.start, b.end, m.text[a.start - m.start : b.end - m.start])
            target = Candidate(k + 1, c.last, sub, c.kind, "")
            break
    if target is None or time_word(ws[target.first].norm):
        return found
    if _inside_phrase_trigger(ws, target.first):
        return found  # وقف إطلاق النار: the genitive is part of a fixed event phrase, no party
    following = [c for c in cands if c.first > target.last]
    return _coordinated(ws, [target, *following], [target])
