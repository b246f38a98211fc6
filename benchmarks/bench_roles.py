"""Benchmark of event roles (actor / recipient) given the gold trigger word.

Run: ``python benchmarks/bench_roles.py [--ner default|gazetteer|none]`` (entities are cached in
``benchmarks/data/local/``, not committed; delete the cache after a recogniser change).

Data:

* ``../shared/data/events/gsr_dev/{assault,protest}_spans.json`` (Arabic PLOVER gold standard,
  development share, MIT): records with an agreed verb (``verb_gold``). The gold source actor is
  ``source_gold`` (words all coders agreed on); when it is empty and every coder left the source
  empty the gold is "no actor", otherwise the record is left out of the actor score (the coders
  disagree). Target likewise. Records are split by ``sha256(source id) % 5``: 0 is the *confirm*
  part (never looked at while tuning), the rest *select*;
* ``benchmarks/data/roles_{dev,test}.jsonl``: sentences written for this project (CC0) with a
  trigger word and gold actor / recipient phrases; ``test`` was written before any tuning and is
  the confirm part;
* ``benchmarks/data/roles_news.jsonl`` ("web news"): the 708 gold events of the web-news event
  sets (``events_news*.jsonl``) with their actor and recipient labelled blind (session 18,
  ``roles_news_GUIDE.md``): ``events_news3`` and ``events_news4`` are the confirm part. A
  participant written only as a pronoun is "no actor" there; the 37 events where one labeller
  named the pronoun's referent instead are left out;
* ``benchmarks/data/roles_wiki{5,6,7,8}.jsonl`` ("wikipedia"): the gold events of
  ``events_wiki{5,6,7,8}.jsonl`` (600 Arabic Wikipedia sentences each, labelled blind in
  sessions 19 and 21) with their actor and recipient, labelled blind with the same guide;
  wiki5 to wiki7 (read in sessions 19 to 21) are select parts, wiki8 and wiki9 (``roles_wiki9``,
  read once at the end of session 22) the confirm part;
* ``benchmarks/data/local/events_snn8.jsonl``, ``events_snn9.jsonl`` and ``events_snn10.jsonl``
  ("local snn8", "local snn9", "local snn10"): 300, 300 and 221 SaudiNewsNet sentences with every
  event, its actor, recipient and place, labelled blind in sessions 24 and 25 (non-commercial,
  never committed; the rows are absent without them): confirm parts (snn8 read once in session
  24, then a development set; snn9 read once at the end of session 24, snn10 at the end of 25).
  ``--part select`` scores the select parts only (what tuning may look at).

Scoring: a prediction is right when its first actor (recipient) shares a content word (clitics
stripped) with a gold phrase, or when both are empty. "end to end" runs :func:`extract_events` on
the sentence and scores the event whose trigger overlaps the gold verb word, on the found events
only (detection is measured by ``bench_events.py``; ``n`` says how many were found); "given
gold verb" runs the role assignment on the gold verb word (the lexicon rule of
the trigger there, else the category's default frame), so detection changes do not matter.
``actor*`` counts only the units whose gold names an actor. ``wrongA`` / ``wrongR``: the share of
units given an actor (recipient) that is not the gold one (a wrong fact, where an empty one
would be merely missing).
Locations: ``roles_news`` and ``roles_wiki7`` to ``roles_wiki9`` carry the place of every event
(labelled blind in session 22, ``places_GUIDE.md``). For the events whose place was labelled
(``nL`` of them have one), ``locR`` is the share of located events given a right place, ``locP``
the share of reported places that are right (sharing a content word with a labelled place) and
``wrongL`` the share of events given a place that get a wrong one.
Baseline: the nearest candidate before the verb as actor, the nearest after as recipient, the
place nearest the verb as location.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from arabnews.events import extract_events
from arabnews.events.arguments import Candidate, assign_roles, candidates
from arabnews.events.extractor import find_triggers
from arabnews.events.lexicon import (
    TriggerRule,
    Word,
    norm_word,
    stem_candidates,
    trigger_rules,
    words,
)
from arabnews.spans import Entity, Mention

ROOT = Path(__file__).resolve().parents[1]
GSR = ROOT.parent / "shared" / "data" / "events" / "gsr_dev"
OWN = ROOT / "benchmarks" / "data"
LOCAL = OWN / "local"

_STOP_WORDS = [
    "من",
    "في",
    "على",
    "الى",
    "إلى",
    "عن",
    "مع",
    "ب",
    "ل",
    "و",
    "كل",
    "الذي",
    "التي",
    "الذين",
    "قبل",
    "يد",
    "بين",
    "أحد",
    "احد",
]
_STOP = frozenset(norm_word(w) for w in _STOP_WORDS)


@attrs.frozen
class Unit:
    part: str  # select | confirm
    source: str
    text: str
    type: str
    verb: tuple[str, ...]  # gold verb words (text order irrelevant)
    actor: tuple[str, ...] | None  # gold actor words; () = no actor; None = not scored
    recipient: tuple[str, ...] | None
    at: int | None = None  # the trigger's start offset, where known (picks the right word)
    location: tuple[str, ...] | None = None  # gold place phrases; None = not labelled


def _words_of(phrases: Iterable[str]) -> tuple[str, ...]:
    return tuple(w for p in phrases for w in p.split())


def gsr_units() -> list[Unit]:
    out: list[Unit] = []
    for name, typ in (("assault_spans.json", "ASSAULT"), ("protest_spans.json", "PROTEST")):
        path = GSR / name
        if not path.exists():
            continue
        for r in json.loads(path.read_text(encoding="utf-8")):
            if not r["verb_gold"].strip():
                continue
            h = int(hashlib.sha256(r["source"].encode()).hexdigest(), 16) % 5
            gold: dict[str, tuple[str, ...] | None] = {}
            for key, field in (("actor", "source"), ("recipient", "target")):
                agreed = r[f"{field}_gold"].split()
                if agreed:
                    gold[key] = tuple(agreed)
                elif all(not s[f"{field}_actor"] for s in r["spans"]):
                    gold[key] = ()
                else:
                    gold[key] = None
            out.append(
                Unit(
                    "confirm" if h == 0 else "select",
                    "gsr:" + r["source"],
                    r["text"],
                    typ,
                    tuple(r["verb_gold"].split()),
                    gold["actor"],
                    gold["recipient"],
                )
            )
    return out


def own_units() -> list[Unit]:
    out: list[Unit] = []
    for split, part in (("dev", "select"), ("test", "confirm")):
        path = OWN / f"roles_{split}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out.append(
                Unit(
                    part,
                    r["id"],
                    r["text"],
                    r["type"],
                    (r["trigger"],),
                    _words_of(r["actor"]),
                    _words_of(r["recipient"]),
                )
            )
    return out


def news_units() -> list[Unit]:
    """``roles_news.jsonl``: the web-news sentences of ``events_news*.jsonl`` with the actor
    and recipient of every gold event, labelled blind (session 18); ``part`` dev -> select,
    confirm -> confirm (events_news3 and 4, never looked at while tuning)."""
    return _labelled_roles(OWN / "roles_news.jsonl")


def wiki_units() -> list[Unit]:
    """``roles_wiki{5,6,7,8}.jsonl``: the gold events of ``events_wiki5`` (464), ``events_wiki6``
    (424), ``events_wiki7`` (371) and ``events_wiki8`` (422) (Arabic Wikipedia, CC BY-SA 4.0) with
    their actor and recipient labelled blind with the same guide (wiki5 and wiki6 in session 19,
    wiki7 and wiki8 in session 21, events and roles in one pass). wiki5 to wiki7 (read in
    sessions 19 to 21) are select parts; wiki8 and wiki9 (labelled in session 21, read once at
    the end of session 22) and wiki10 (labelled blind with its places in session 26 and read
    once at its end) are the confirm part."""
    return (
        _labelled_roles(OWN / "roles_wiki5.jsonl", "select")
        + _labelled_roles(OWN / "roles_wiki6.jsonl", "select")
        + _labelled_roles(OWN / "roles_wiki7.jsonl", "select")
        + _labelled_roles(OWN / "roles_wiki8.jsonl", "confirm")
        + _labelled_roles(OWN / "roles_wiki9.jsonl", "confirm")
        + _labelled_roles(OWN / "roles_wiki10.jsonl", "confirm")
    )


def local_units() -> dict[str, list[Unit]]:
    """``local/events_*.jsonl`` sets labelled with roles, one group each (``snn8``, ``snn9``,
    ``snn10``: 300, 300 and 221 SaudiNewsNet sentences, 175, 213 and 143 events, every event with
    its actor, recipient and place, labelled blind in sessions 24 and 25; CC BY-NC-SA, never
    committed), as confirm parts."""
    out: dict[str, list[Unit]] = {}
    for path in sorted(LOCAL.glob("events_*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        if any("actor" in ev for r in rows for ev in r.get("events", ())):
            out[f"local {path.stem.removeprefix('events_')}"] = _labelled_roles(path, "confirm")
    return out


def _labelled_roles(path: Path, part: str | None = None) -> list[Unit]:
    """The events of a role-labelled file, one unit each, in *part*; else by each row's
    ``part`` (dev -> select; without one, confirm)."""
    if not path.exists():
        return []
    out: list[Unit] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        for k, ev in enumerate(r["events"]):
            if ev.get("pronoun_resolved"):
                continue  # one labeller named a pronoun's referent: not the guide's reading
            out.append(
                Unit(
                    part or ("select" if r.get("part") == "dev" else "confirm"),
                    f"{r['id']}#{k}",
                    r["text"],
                    ev["type"],
                    tuple(ev["trigger"].split()),
                    _words_of(ev["actor"]),
                    _words_of(ev["recipient"]),
                    ev["start"],
                    tuple(ev["location"]) if "location" in ev else None,
                )
            )
    return out


def _stems(word: str) -> set[str]:
    n = norm_word(word)
    return {s for s, _ in stem_candidates(n) if len(s) >= 2 and s not in _STOP}


def right(pred: Sequence[Mention], gold: tuple[str, ...]) -> bool:
    if not gold:
        return not pred
    if not pred:
        return False
    gold_stems = set().union(*(_stems(w) for w in gold if norm_word(w) not in _STOP))
    first = pred[0]
    texts = [first.text] + ([first.canonical] if first.canonical else [])
    return any(_stems(w) & gold_stems for t in texts for w in t.split())


def verb_index(ws: Sequence[Word], verb: tuple[str, ...], at: int | None = None) -> int | None:
    if at is not None:  # the word at the gold trigger's offset
        here = next((i for i, w in enumerate(ws) if w.start <= at < w.end), None)
        if here is not None:
            return here
    gold = {norm_word(v) for v in verb}
    hits = [i for i, w in enumerate(ws) if w.norm in gold]
    if not hits:
        return None
    trig = {k for tr in find_triggers(ws) for k in range(tr.first, tr.last + 1)}
    return next((i for i in hits if i in trig), hits[0])


def _default_rule(category: str) -> TriggerRule:
    rules = [r for r in trigger_rules() if r.category == category and r.actor == "subj"]
    rule = next((r for r in rules if "obj" in r.recipient), rules[0] if rules else None)
    if rule is None:
        rule = trigger_rules()[0]
    return attrs.evolve(rule, category=category, mode=None)


def given_verb(
    text: str,
    unit: Unit,
    ents: Sequence[Entity],
    places: list[tuple[Mention, list[str]]] | None = None,
) -> tuple[Any, Any, Any] | None:
    """Roles assigned at the gold verb word; *places* collects the place candidates weighed
    for its location, with their features (``training/events/train_places.py``)."""
    ws = words(text)
    t = verb_index(ws, unit.verb, unit.at)
    if t is None:
        return None
    cands = candidates(text, ws, ents, use_names=True)
    tr = next((x for x in find_triggers(ws) if x.first <= t <= x.last), None)
    if tr is not None:
        roles = assign_roles(
            ws, tr.first, tr.last, prefix=tr.prefix, rule=tr.rule, cands=cands, places=places
        )
    else:
        pre = ""
        for stem, p in stem_candidates(ws[t].norm):
            if len(stem) >= 3:
                pre = p
        rule = _default_rule(unit.type)
        roles = assign_roles(ws, t, t, prefix=pre, rule=rule, cands=cands, places=places)
    return roles.actor, roles.recipient, roles.location


def baseline(text: str, unit: Unit, ents: Sequence[Entity]) -> tuple[Any, Any, Any] | None:
    ws = words(text)
    t = verb_index(ws, unit.verb, unit.at)
    if t is None:
        return None
    cands: Sequence[Candidate] = candidates(text, ws, ents, use_names=True)
    before = [c.mention for c in cands if c.last < t]
    after = [c.mention for c in cands if c.first > t]
    places = [c.mention for c in cands if c.mention.label == "LOC"]
    # location: the place nearest the verb
    near = sorted(places, key=lambda m: abs(m.start - ws[t].start))[:1]
    return tuple(before[-1:]), tuple(after[:1]), tuple(near)


def end_to_end(text: str, unit: Unit, ents: Sequence[Entity]) -> tuple[Any, Any, Any] | None:
    ws = words(text)
    t = verb_index(ws, unit.verb, unit.at)
    if t is None:
        return None
    w = ws[t]
    for ev in extract_events(text, entities=ents):
        if ev.trigger.start < w.end and w.start < ev.trigger.end:
            return ev.actor, ev.recipient, ev.location
    return None  # not found: scored on found events only (the n column)


def recognizer(kind: str) -> Any:
    if kind == "none":
        return lambda text: ()
    from arabnews.ner import GazetteerRecognizer, recognize

    if kind == "gazetteer":
        g = GazetteerRecognizer()
        return lambda text: recognize(text, recognizer=g)
    return recognize


def _cached_entities(texts: list[str], kind: str, rec: Any) -> dict[str, tuple[Entity, ...]]:
    """Entities of *texts*, cached under ``benchmarks/data/local`` (never committed)."""
    path = OWN / "local" / f"roles_entities_{kind}.json"
    cache: dict[str, list[list[Any]]] = {}
    if path.exists():
        cache = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, tuple[Entity, ...]] = {}
    for text in texts:
        if text not in cache:
            cache[text] = [
                [e.start, e.end, e.text, e.label, e.canonical, e.entity_id] for e in rec(text)
            ]
        out[text] = tuple(Entity(*row) for row in cache[text])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ner", choices=("default", "gazetteer", "none"), default="default")
    ap.add_argument("--errors", action="store_true", help="print the wrong select-part actors")
    ap.add_argument("--system", default="given gold verb", help="whose errors --errors prints")
    ap.add_argument("--recipient-errors", action="store_true", help="print wrong recipients")
    ap.add_argument(
        "--part",
        choices=("select", "confirm", "both"),
        default="both",
        help="which parts to score (select while tuning: the confirm parts are read once)",
    )
    args = ap.parse_args(argv)
    rec = recognizer(args.ner)
    sets = {
        "gsr_dev": gsr_units(),
        "own labels": own_units(),
        "web news": news_units(),
        "wikipedia": wiki_units(),
        # (labelled blind in session 27 and read once at its end: its own rows)
        "wiki11": _labelled_roles(OWN / "roles_wiki11.jsonl", "confirm"),
        "wiki12": _labelled_roles(OWN / "roles_wiki12.jsonl", "confirm"),
        "wiki13": _labelled_roles(OWN / "roles_wiki13.jsonl", "confirm"),
        "wiki14": _labelled_roles(OWN / "roles_wiki14.jsonl", "confirm"),
        "wiki15": _labelled_roles(OWN / "roles_wiki15.jsonl", "confirm"),
        "wiki16": _labelled_roles(OWN / "roles_wiki16.jsonl", "confirm"),
        **local_units(),
    }
    t0 = time.perf_counter()
    ents = _cached_entities([u.text for us in sets.values() for u in us], args.ner, rec)
    ner_s = time.perf_counter() - t0
    systems = {"given gold verb": given_verb, "end to end": end_to_end, "baseline": baseline}
    print(f"roles benchmark (NER: {args.ner}, {ner_s:.1f} s for {len(ents)} sentences)")
    header = (
        f"{'data':<11} {'part':<8} {'system':<16} {'n':>4} {'actor':>6} "
        f"{'n':>4} {'actor*':>6} {'n':>4} {'recip':>6} {'wrongA':>6} {'wrongR':>6}"
    )
    print(header)
    print("-" * len(header))
    loc_rows: list[str] = []
    for name, units in sets.items():
        for part in ("select", "confirm") if args.part == "both" else (args.part,):
            us = [u for u in units if u.part == part]
            if not us:
                continue
            loc = {sname: LocationScore() for sname in systems}
            for sname, fn in systems.items():
                a_ok = a_n = r_ok = r_n = g_ok = g_n = a_bad = r_bad = 0
                t0 = time.perf_counter()
                failed = None
                for u in us:
                    try:
                        res = fn(u.text, u, ents[u.text])
                    except Exception as exc:  # the extractor may be mid-change; say so
                        failed = f"{type(exc).__name__}: {exc}"[:60]
                        break
                    if res is None:
                        continue
                    actor, recipient, location = res
                    if u.location is not None:
                        loc[sname].add(location, u.location)
                    if u.actor is not None:
                        a_n += 1
                        ok = right(actor, u.actor)
                        a_ok += ok
                        a_bad += bool(actor) and not ok
                        if u.actor:
                            g_n += 1
                            g_ok += ok
                        if args.errors and not ok and part == "select" and sname == args.system:
                            got = [m.text for m in actor]
                            print(f"  ! {u.source} gold={' '.join(u.actor)!r} got={got}")
                            print(f"      {u.text[:160]}")
                    if u.recipient is not None:
                        r_n += 1
                        ok_r = right(recipient, u.recipient)
                        r_ok += ok_r
                        r_bad += bool(recipient) and not ok_r
                        show = args.recipient_errors and sname == args.system
                        if show and not ok_r and part == "select":
                            got = [m.text for m in recipient]
                            print(f"  ! {u.source} gold={' '.join(u.recipient)!r} got={got}")
                            print(f"      {u.text[:160]}")
                if failed is not None:
                    print(f"{name:<11} {part:<8} {sname:<16} failed ({failed})")
                    continue
                a = a_ok / a_n if a_n else float("nan")
                r = r_ok / r_n if r_n else float("nan")
                g = g_ok / g_n if g_n else float("nan")
                wa = a_bad / a_n if a_n else float("nan")
                wr = r_bad / r_n if r_n else float("nan")
                print(
                    f"{name:<11} {part:<8} {sname:<16} {a_n:>4} {a:>6.2f} "
                    f"{g_n:>4} {g:>6.2f} {r_n:>4} {r:>6.2f} {wa:>6.2f} {wr:>6.2f}"
                )
                if loc[sname].units:
                    loc_rows.append(f"{name:<11} {part:<8} {sname:<16} {loc[sname].row()}")
    if loc_rows:
        head = (
            f"{'data':<11} {'part':<8} {'system':<16} {'n':>4} {'nL':>4} {'locR':>6} "
            f"{'places':>6} {'locP':>6} {'given':>5} {'wrongL':>6}"
        )
        print("\nlocations (events whose place was labelled)")
        print(head)
        print("-" * len(head))
        print("\n".join(loc_rows))
    return 0


@attrs.define
class LocationScore:
    """Location measures: ``locR`` the share of events with a labelled place that get a right
    one; ``locP`` the share of reported places that are right (a labelled place shares a
    content word); ``wrongL`` the share of events given a place that get a wrong one."""

    units: int = 0
    located: int = 0
    found: int = 0
    places: int = 0
    right_places: int = 0
    given: int = 0
    wrong: int = 0

    def add(self, pred: Sequence[Mention], gold: tuple[str, ...]) -> None:
        self.units += 1
        per = [any(right((m,), tuple(g.split())) for g in gold) for m in pred]
        self.places += len(pred)
        self.right_places += sum(per)
        if gold:
            self.located += 1
            self.found += any(per)
        if pred:
            self.given += 1
            self.wrong += not all(per)

    def row(self) -> str:
        def share(a: int, b: int) -> str:
            return f"{a / b:>6.2f}" if b else f"{'-':>6}"

        return (
            f"{self.units:>4} {self.located:>4} {share(self.found, self.located)} "
            f"{self.places:>6} {share(self.right_places, self.places)} {self.given:>5} "
            f"{share(self.wrong, self.given)}"
        )


if __name__ == "__main__":
    sys.exit(main())
