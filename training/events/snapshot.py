"""Every candidate event of every labelled sentence, written out, and two such snapshots compared.

A change to the extractor's rules moves facts on sentences nobody is looking at. Before a rule
is kept, take a snapshot with the code before it and one with the code after, and read every
difference against the gold where the set has it:

    python training/events/snapshot.py dump /tmp/before.json
    # ... change the code ...
    python training/events/snapshot.py dump /tmp/after.json
    python training/events/snapshot.py diff /tmp/before.json /tmp/after.json

Each candidate (threshold 0, the recogniser entities cached by ``cache_entities.py``) is one line:
type, modality, trigger, actor, recipient, location, quantities, score. ``diff`` prints the
sentences whose lines changed, with the gold events of the sentence (type and trigger word) when
the set labels every event. Snapshots hold sentence text of non-commercial sets: keep them
outside the repository and delete them after use.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import event_data

SOURCES = (
    "gsr",
    "dev",
    "news",
    "protest",
    "news2",
    "news3",
    "news4",
    "wiki5",
    "wiki6",
    "wiki7",
    "wiki8",
    "wiki9",
    "wiki10",
    "wiki11",
)


def _texts(mentions: tuple[object, ...]) -> str:
    return "|".join(getattr(m, "text", "") for m in mentions)


def dump(path: Path) -> None:
    from arabnews.events import extract_events

    entities = event_data.cached_entities()
    out = {}
    for rec in event_data.load(SOURCES):
        lines = []
        for ev in extract_events(rec.text, entities=entities.get(rec.text, ()), threshold=0.0):
            quantities = ",".join(f"{q.text}={q.kind}" for q in ev.quantities)
            lines.append(
                f"{ev.type}/{ev.modality} {ev.trigger.text}@{ev.trigger.start} "
                f"A[{_texts(ev.actor)}] R[{_texts(ev.recipient)}] L[{_texts(ev.location)}] "
                f"Q[{quantities}] {ev.score:.2f}"
            )
        gold = [f"{t}:{rec.text[s:e]}" for t, s, e, _m in rec.events or ()]
        out[f"{rec.source}:{rec.id}"] = {"text": rec.text, "lines": lines, "gold": gold}
    path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    print(f"{len(out)} sentences, {sum(len(v['lines']) for v in out.values())} candidates")


def diff(before: Path, after: Path) -> None:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    changed = 0
    for key in sorted(set(old) | set(new)):
        a = old.get(key, {}).get("lines", [])
        b = new.get(key, {}).get("lines", [])
        if a == b:
            continue
        changed += 1
        rec = new.get(key) or old[key]
        print(f"== {key}: {rec['text']}")
        if rec["gold"]:
            print("   gold:", "; ".join(rec["gold"]))
        for line in a:
            if line not in b:
                print("   -", line)
        for line in b:
            if line not in a:
                print("   +", line)
    print(f"{changed} sentences changed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("path", type=Path)
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.path)
    else:
        diff(args.before, args.after)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
