"""Labelled sentences for the event model, and candidate labels derived from them.

Sources (each record keeps ``source`` and ``licence``):

* ``gsr``: ``../shared/data/events/gsr_dev`` (openeventdata arabic_event_gsr, MIT): sentence labels
  for ASSAULT and PROTEST (``yes`` / ``easy no`` / ``difficult no``; ``ambiguous`` left out) and
  the words coders marked as the event verb;
* ``dev``: ``benchmarks/data/events_dev.jsonl`` (Wikinews CC BY 2.5): the same two labels with
  trigger words;
* ``news``: ``benchmarks/data/events_news.jsonl`` (Wikinews CC BY 2.5, FIGNEWS MIT, Arabic
  Wikipedia CC BY-SA 4.0): every PLOVER event of the sentence, with type, trigger (text and
  offsets) and modality, labelled by hand for this project.

Split: a record whose sha256(text) is 0 mod 5 is *held out* (never used to fit or select; reported
once); the others are cut into 5 cross-validation folds by the same hash.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from arabnews.events.schema import Event
    from arabnews.spans import Entity


ROOT = Path(__file__).resolve().parents[2]
GSR = ROOT.parent / "shared" / "data" / "events" / "gsr_dev"
DEV = ROOT / "benchmarks" / "data" / "events_dev.jsonl"
NEWS = ROOT / "benchmarks" / "data" / "events_news.jsonl"
FOLDS = 5
UNMARKED: float | None = None
# scale of the soft target of a contested negative sentence (0: every negative is 0)
SOFT_NEGATIVES = 1.0


@attrs.frozen
class Record:
    id: str
    source: str
    text: str
    # category -> True/False for sentence-level labels of that category (absent: unknown)
    sentence: dict[str, bool]
    # category -> words marked as the trigger (any coder)
    marks: dict[str, tuple[str, ...]]
    # full annotation: (type, trigger start, trigger end, modality); None when the record has
    # only sentence-level labels
    events: tuple[tuple[str, int, int, str], ...] | None = None
    # category -> share of coders who accepted the sentence (gsr only)
    agreement: dict[str, float] = attrs.field(factory=dict)

    @property
    def hash(self) -> int:
        ws = " ".join(self.text.split())
        return int(hashlib.sha256(ws.encode("utf-8")).hexdigest(), 16)

    @property
    def holdout(self) -> bool:
        return self.hash % 5 == 0

    @property
    def fold(self) -> int:
        return (self.hash // 5) % FOLDS


def _gsr(cat: str) -> Iterator[Record]:
    path = GSR / f"{cat.lower()}_gsr.csv"
    if not path.is_file():
        return
    spans = json.loads((GSR / f"{cat.lower()}_spans.json").read_text(encoding="utf-8"))
    marks: dict[str, set[str]] = {}
    for s in spans:
        m = marks.setdefault(s["source"], set())
        for sp in s.get("spans", []):
            m.update(sp.get("verb", []))
        m.update(s.get("verb_gold", []) or [])
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["label"] == "ambiguous":
                continue
            yield Record(
                id=f"gsr-{cat}-{row['id'][-40:]}",
                source=f"gsr_{cat.lower()}",
                text=row["text"],
                sentence={cat: row["label"] == "yes"},
                marks={cat: tuple(sorted(marks.get(row["id"], ())))},
                agreement={cat: int(row["accept"]) / max(1, int(row["total"]))},
            )


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load(sources: Sequence[str] = ("gsr", "dev", "news")) -> list[Record]:
    out: list[Record] = []
    if "gsr" in sources:
        out.extend(_gsr("ASSAULT"))
        out.extend(_gsr("PROTEST"))
    if "dev" in sources:
        for r in _jsonl(DEV):
            out.append(
                Record(
                    id=r["id"],
                    source="dev",
                    text=r["text"],
                    sentence={"ASSAULT": r["assault"], "PROTEST": r["protest"]},
                    marks={
                        "ASSAULT": tuple(r["assault_trigger"]),
                        "PROTEST": tuple(r["protest_trigger"]),
                    },
                )
            )
    if "news" in sources:
        for r in _jsonl(NEWS):
            evs = tuple((e["type"], e["start"], e["end"], e["modality"]) for e in r["events"])
            cats = {t for t, _, _, m in evs if m == "asserted"}
            out.append(
                Record(
                    id=r["id"],
                    source="news",
                    text=r["text"],
                    sentence={c: c in cats for c in ("ASSAULT", "PROTEST")},
                    marks={},
                    events=evs,
                )
            )
    return out


_STRIP = re.compile(r"^[وفبلك]?(?:ال)?")


def _same_word(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def cached_entities() -> dict[str, tuple[Entity, ...]]:
    """Recogniser entities of each labelled sentence (``cache_entities.py``), by text."""
    from arabnews.spans import Entity

    path = Path(__file__).resolve().parent / "cache" / "entities.json"
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {t: tuple(Entity(*row) for row in rows) for t, rows in raw.items()}


def candidates(text: str, entities: Sequence[Entity] = ()) -> list[tuple[Event, list[str]]]:
    """Every candidate event of *text* (threshold 0) with its features."""
    from arabnews.events.classifier import FEATURE_VERSION, EventModel
    from arabnews.events.extractor import extract_from_sentences, sentence_spans

    feats: list[list[str]] = []
    evs = extract_from_sentences(
        text,
        sentence_spans(text),
        entities,
        None,
        use_names=True,
        threshold=0.0,
        features=feats,
        model=EventModel({}, 0.0, 0.0, FEATURE_VERSION),
    )
    return list(zip(evs, feats, strict=True))


def _base_category(ev: Event) -> str:
    return "CONSULT" if ev.future_of and ev.future_of.startswith("CONSULT") else ev.type


def label(rec: Record, ev: Event) -> float | None:
    """1 / 0 for a candidate of *rec*, or None when the record does not say."""
    cat = _base_category(ev)
    if rec.events is not None:
        for typ, start, end, modality in rec.events:
            if typ in (ev.type, cat) and start < ev.trigger.end and ev.trigger.start < end:
                return 1.0 if modality == ev.modality else 0.0
        return 0.0
    if cat not in rec.sentence:
        return None
    if ev.modality != "asserted":
        return None  # a sentence label says nothing about a non-asserted mention
    if not rec.sentence[cat]:
        # a contested "no" (two coders of four accepted) is a softer negative
        return SOFT_NEGATIVES * rec.agreement.get(cat, 0.0)
    marks = rec.marks.get(cat, ())
    if not marks:
        return 1.0
    if any(_same_word(m, ev.trigger.text) for m in marks):
        return 1.0
    return UNMARKED  # an event sentence, but not the word the coders marked
