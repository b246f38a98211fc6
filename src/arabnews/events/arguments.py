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

from collections.abc import Sequence

import attrs

from arabnews.events.lexicon import (
    ActorRule,
    TriggerRule,
    Word,
    actor_hits,
    actor_rules,
    part_matches,
    referential,
    stem_candidates,
)
from arabnews.spans import Entity, Mention

__all__ = ["Candidate", "assign_roles", "candidates"]

_LOC_PREPS = frozenset(
    {"في", "قرب", "جنوب", "شمال", "شرق", "غرب", "داخل", "حول", "بالقرب", "ب", "من"}
)
_COMPLEMENTIZERS = frozenset(
    {"ان", "انه", "انها", "بان", "بانه", "بانها", "انهم", "لان", "وان", "وانه", "وانها"}
)
_HEAD = frozenset({"head"})
_ADJ = frozenset({"adj"})
_OTHER = frozenset({"group", "name"})


@attrs.frozen(slots=True)
class Candidate:
    """An argument candidate: words ``first..last`` of the sentence and its mention."""

    first: int
    last: int
    mention: Mention
    kind: str  # entity | force | group | name
    prep: str  # governing preposition (a separate word or a proclitic), "" if none


def _rule_at(kinds: frozenset[str], ws: Sequence[Word], i: int) -> tuple[ActorRule, int] | None:
    rules = actor_rules()
    for idx in actor_hits(ws[i].norm):
        rule = rules[idx]
        n = len(rule.parts)
        if (
            rule.kind in kinds
            and i + n <= len(ws)
            and all(part_matches(rule.parts[k], ws[i + k].norm) for k in range(1, n))
        ):
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
        prev = ws[first - 1].norm
        prev = prev[1:] if len(prev) > 2 and prev[0] in "وف" else prev
        return prev
    return ""


def candidates(
    text: str, ws: Sequence[Word], entities: Sequence[Entity], *, use_names: bool = True
) -> tuple[Candidate, ...]:
    """Argument candidates of one sentence (*ws* are its words, *entities* those inside it)."""
    out: list[Candidate] = []
    taken: set[int] = set()
    for ent in entities:
        idx = [i for i, w in enumerate(ws) if w.start < ent.end and ent.start < w.end]
        if not idx:
            continue
        first, last = idx[0], idx[-1]
        taken.update(idx)
        mention = ent.to_mention()
        if mention.canonical is None:
            mention = attrs.evolve(mention, canonical=ent.text)
        out.append(Candidate(first, last, mention, "entity", _prep(text, ws, first, ent.start)))
    heads, adjs, others = _HEAD, _ADJ, _OTHER
    i = 0
    while i < len(ws):
        if i in taken:
            i += 1
            continue
        head = _rule_at(heads, ws, i)
        if head is not None:
            j = i + head[1]
            for gap in (0, 1):  # القوات الجوية الأوكرانية
                adj = _rule_at(adjs, ws, j + gap) if j + gap < len(ws) else None
                if adj is not None and not taken.intersection(range(i, j + gap + adj[1])):
                    last = j + gap + adj[1] - 1
                    start = _start_after_clitics(ws[i])
                    m = Mention(
                        start, ws[last].end, text[start : ws[last].end], None, adj[0].canonical
                    )
                    out.append(Candidate(i, last, m, "force", _prep(text, ws, i, start)))
                    taken.update(range(i, last + 1))
                    break
            i = max(i + 1, max(taken, default=i) + 1 if i in taken else i + 1)
            continue
        hit = _rule_at(others, ws, i)
        if hit is not None and (use_names or hit[0].kind == "group"):
            last = i + hit[1] - 1
            start = _start_after_clitics(ws[i])
            m = Mention(start, ws[last].end, text[start : ws[last].end], None, hit[0].canonical)
            out.append(Candidate(i, last, m, hit[0].kind, _prep(text, ws, i, start)))
            taken.update(range(i, last + 1))
            i = last + 1
            continue
        i += 1
    out.sort(key=lambda c: c.first)
    # "وزير الدفاع الأوكراني، دينيس شميهال": a force phrase that is a person's title is not an
    # actor of its own; the person is.
    pers = [c for c in out if c.mention.label == "PER"]
    out = [
        c for c in out if not (c.kind == "force" and any(0 < p.first - c.last <= 2 for p in pers))
    ]
    return tuple(out)


def _start_after_clitics(w: Word) -> int:
    """Start of a word without its proclitics (so that ``والقوات`` spans ``القوات``)."""
    cands = stem_candidates(w.norm)
    best = w.start
    for stem, pre in cands:
        if pre and not pre.endswith("ال") and len(stem) >= 3:
            best = w.start + len(pre)
    return best


def _is_nominal(prefix: str, word: Word) -> bool:
    if "ال" in prefix or word.norm.startswith("ال") or word.norm.endswith(("ة", "ات")):
        return True
    # verbal nouns that cannot be verbs (معارك، هجوم، اغتيال): see data/referential.tsv
    return any(part_matches(r.pattern, word.norm) for r in referential())


@attrs.frozen(slots=True)
class Roles:
    """Assigned arguments of one trigger."""

    actor: tuple[Mention, ...]
    recipient: tuple[Mention, ...]
    location: tuple[Mention, ...]


def _clause_start(ws: Sequence[Word], t: int) -> int:
    for k in range(t - 1, -1, -1):
        if ws[k].norm in _COMPLEMENTIZERS:
            return k + 1
    return 0


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
    """A place named after a classifier noun (مدينة باخموت) is a location, not an actor."""
    return c.first > 0 and ws[c.first - 1].norm.lstrip("وب") in _CLASSIFIERS


def _governing(ws: Sequence[Word], c: Candidate, lo: int) -> str:
    """The preposition governing *c*: its own, or one up to three words back (``بين الرئيس
    الروسي فلاديمير بوتين``), not crossing another candidate's words (*lo*)."""
    if c.prep in _PREP_WORDS or c.prep in ("ل", "ب", "و"):
        return c.prep
    for k in range(c.first - 1, max(lo, c.first - 4) - 1, -1):
        w = ws[k].norm
        w = w[1:] if len(w) > 2 and w[0] in "وف" else w
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
) -> Roles:
    """Actor, recipient and location of a trigger spanning words ``t..t_end``."""
    lower = _clause_start(ws, t)
    left = [c for c in cands if lower <= c.first and c.last < t and t - c.last <= 10]
    if not left and lower > 0 and ws[lower - 1].norm.endswith(("ه", "ها", "هم")):
        # "أعلن ترامب أنه أجرى مكالمة": the pronoun is the subject of the speech verb
        left = [c for c in cands if c.last < lower - 1 and lower - 1 - c.last <= 8][-1:]
    right = [c for c in cands if c.first > t_end and c.first - t_end <= 12]
    prev_end = {id(c): (cands[i - 1].last + 1 if i else 0) for i, c in enumerate(cands)}
    prep = {id(c): _governing(ws, c, max(prev_end[id(c)], t_end + 1)) for c in right}
    actor: list[Candidate] = []
    recipient: list[Candidate] = []
    nominal = _is_nominal(prefix, ws[t])
    rec_preps = set(rule.recipient) - {"obj"}

    def no_prep(c: Candidate) -> bool:
        p = prep.get(id(c), c.prep)
        return p not in rec_preps and p not in _LOC_PREPS and p not in _PREP_WORDS | {"ل", "ب"}

    adj_actor: Mention | None = None
    if rule.actor == "adj" or nominal:
        for k in range(t_end + 1, min(len(ws), t_end + 4)):
            canon = adjective_at(ws, k)
            if canon is not None and not any(c.first <= k <= c.last for c in cands):
                w = ws[k]
                adj_actor = Mention(w.start, w.end, w.text, None, canon)
                break
    # VSO subject (a verb's first bare candidate, titles in between) or a genitive (هجمات روسيا)
    subj_window = 2 if nominal else 6
    subj = next(
        (
            c
            for c in right
            if c.first - t_end <= subj_window and no_prep(c) and not _after_classifier(ws, c)
        ),
        None,
    )
    svo = bool(left) and t - left[-1].last <= 2  # "القوات الأوكرانية استعادت ..."
    if (
        adj_actor is None
        and subj is not None
        and not svo
        and (not nominal or subj.first == t_end + 1)
    ):
        actor.append(subj)
    elif adj_actor is None and left:
        actor.append(left[-1])
    for c in right:
        if c in actor:
            continue
        p = prep[id(c)]
        if rule.actor == "all" and (
            p in ("مع", "بين") or (p == "و" and (actor or recipient) and len(actor) > 0)
        ):
            actor.append(c)
        elif (
            p in rec_preps
            or (p == "و" and recipient and c.first - recipient[-1].last <= 2)
            or ("obj" in rule.recipient and not recipient and no_prep(c) and c.first - t_end <= 8)
        ):
            recipient.append(c)
    if rule.actor == "host":
        actor, recipient = recipient, actor
    used = {id(c) for c in actor}
    # A place that is attacked or visited is also where the event happens (على زابوريجيا).
    location = [
        c.mention
        for c in cands
        if id(c) not in used
        and (c.mention.label == "LOC" or c.kind == "name")
        and (c.prep in _LOC_PREPS or (c.prep == "علي" and rule.category == "ASSAULT"))
    ]
    actors = tuple(c.mention for c in actor)
    if adj_actor is not None:
        actors = (adj_actor, *actors)
    return Roles(actors, tuple(c.mention for c in recipient), tuple(location))
