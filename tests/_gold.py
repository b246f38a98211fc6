"""Helpers for tests that read the seed gold (the fixtures live in conftest.py)."""

from __future__ import annotations

from typing import Any

from arabnews import Entity


def gold_entities(doc: dict[str, Any], clusters: dict[str, Any]) -> list[Entity]:
    """The gold entities of one seed document outside boilerplate, as :class:`Entity`."""
    return [
        Entity(
            e["start"],
            e["end"],
            e["text"],
            e["label"],
            clusters[e["cluster"]]["canonical_ar"],
            e["cluster"],
        )
        for e in doc["entities"]
        if not e.get("in_boilerplate")
    ]


def match_counts(
    predicted: list[tuple[str | None, int, int]], gold: list[tuple[str | None, int, int]]
) -> tuple[int, int, int]:
    """(tp, fp, fn) of a greedy one-to-one match: same kind and overlapping span.

    Items are ``(kind, start, end)``; a kind of ``None`` matches any kind.
    """
    used: set[int] = set()
    tp = fp = 0
    for kind, start, end in predicted:
        m = next(
            (
                k
                for k, (gk, gs, ge) in enumerate(gold)
                if k not in used and (kind is None or gk == kind) and gs < end and start < ge
            ),
            None,
        )
        if m is None:
            fp += 1
        else:
            used.add(m)
            tp += 1
    return tp, fp, len(gold) - len(used)
