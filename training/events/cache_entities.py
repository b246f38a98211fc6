"""Cache the entities that ``arabnews.ner.recognize`` finds in every labelled sentence.

The event model sees entity features (a trigger next to a name, argument roles), so it is fitted
on the entities it will meet at run time: those of the recogniser that ``extract_events`` uses
when no entities are given. Run once (minutes, one thread)::

    python training/events/cache_entities.py   # writes training/events/cache/entities.json

The cache is derived data and is not committed (``training/events/cache/`` is git-ignored).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import event_data

CACHE = Path(__file__).resolve().parent / "cache" / "entities.json"


def main() -> int:
    import torch

    torch.set_num_threads(1)
    from arabnews.ner import recognize

    CACHE.parent.mkdir(exist_ok=True)
    done: dict[str, list[list[object]]] = {}
    if CACHE.is_file():
        done = json.loads(CACHE.read_text(encoding="utf-8"))
    recs = event_data.load(event_data.ALL_SOURCES)
    for n, r in enumerate(recs):
        if r.text in done:
            continue
        done[r.text] = [
            [e.start, e.end, e.text, e.label, e.canonical, e.entity_id] for e in recognize(r.text)
        ]
        if n % 200 == 0:
            CACHE.write_text(json.dumps(done, ensure_ascii=False), encoding="utf-8")
            print(n, len(recs), flush=True)
    CACHE.write_text(json.dumps(done, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
