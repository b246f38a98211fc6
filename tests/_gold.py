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
