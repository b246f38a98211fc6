"""Where an event happened: a learned decision over the places of its sentence.

Argument assignment (:mod:`arabnews.events.arguments`) proposes every place of a trigger's
sentence (a ``LOC`` entity or a listed name that is not the event's actor) and describes each one
(:class:`PlaceCue`: the trigger's category, how far the place is and on which side, the
preposition that governs it, whether a verb or punctuation stands between them, whether it
follows another candidate that it may modify, whether it is the event's recipient). This module
turns a cue into named binary features and keeps the place when a logistic-regression model says
it is more likely than not where the event happened. The weights ship as
``data/place_model.json``, fitted by ``training/events/train_places.py`` on the places labelled
blind in the role sets.

>>> cue = PlaceCue(category="ASSAULT", nominal=False, after=True, distance=2, prep="علي",
...                label="LOC", rank=0, punctuation=False, verb_between=False,
...                modifier=False, recipient=True)
>>> place_model().probability(place_features(cue)) > 0.5
True
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable

import attrs

from arabnews._data import read_json
from arabnews.events.classifier import sigmoid

__all__ = ["PlaceCue", "PlaceModel", "kept", "place_features", "place_model"]

_ZEROS = itertools.repeat(0.0)
# distance buckets (words between the trigger and the place, plus one)
_EDGES = (1, 2, 3, 5, 8, 12)
# communicative categories: a place near them is seldom where they happened
_SPEECH = frozenset(
    {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE", "COOPERATE"}
)


@attrs.frozen(slots=True)
class PlaceCue:
    """What argument assignment reads about one candidate place of one trigger."""

    category: str
    nominal: bool
    after: bool
    distance: int  # words from the trigger to the place (1: adjacent)
    prep: str  # the governing preposition, without و / ف ("" for none)
    label: str | None  # the place's entity label (None for a listed name)
    rank: int  # 0 for the place nearest the trigger
    punctuation: bool  # punctuation between them
    verb_between: bool  # a finite verb between them
    modifier: bool  # right after another candidate (a name or a noun phrase) that it may modify
    recipient: bool  # the event's recipient (an attacked or visited place)


def _bucket(n: int) -> str:
    for e in _EDGES:
        if n <= e:
            return str(e)
    return f">{_EDGES[-1]}"


def place_features(cue: PlaceCue) -> list[str]:
    """Named binary features of *cue* (the model's vocabulary)."""
    side = "after" if cue.after else "before"
    group = "speech" if cue.category in _SPEECH else "act"
    prep = cue.prep or "none"
    return [
        f"cat={cue.category}",
        f"group={group}",
        f"nominal={cue.nominal}",
        f"{side}={_bucket(cue.distance)}",
        f"{group}_{side}={_bucket(cue.distance)}",
        f"prep={prep}",
        f"{side}_prep={prep}",
        f"{group}_prep={prep}",
        f"label={cue.label}",
        f"rank={min(cue.rank, 2)}",
        f"punctuation={cue.punctuation}",
        f"verb_between={cue.verb_between}",
        f"modifier={cue.modifier}",
        f"recipient={cue.recipient}",
    ]


@attrs.frozen(slots=True)
class PlaceModel:
    """Logistic-regression weights over :func:`place_features`, and the threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        """Probability that the place is where the event happened."""
        z = self.bias + sum(map(self.weights.get, set(features), _ZEROS))
        return sigmoid(z)


@functools.cache
def place_model() -> PlaceModel:
    """The shipped model (``data/place_model.json``), loaded once."""
    data = read_json("arabnews.events", "place_model.json")
    return PlaceModel(
        {str(k): float(v) for k, v in data["weights"].items()},
        float(data["bias"]),
        float(data["threshold"]),
    )


@functools.lru_cache(maxsize=50_000)
def kept(cue: PlaceCue) -> bool:
    """Whether the shipped model keeps the place of *cue* (its probability reaches the
    threshold); cached per cue, whose fields take few values."""
    model = place_model()
    return model.probability(place_features(cue)) >= model.threshold
