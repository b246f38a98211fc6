"""Event locations: the place model (arabnews.events.places) and what it keeps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabnews.events import extract_events
from arabnews.events.places import PlaceCue, place_features, place_model

ROOT = Path(__file__).resolve().parents[1]

CUES = st.builds(
    PlaceCue,
    category=st.sampled_from(["ASSAULT", "PROTEST", "REQUEST", "CONSULT", "COERCE"]),
    nominal=st.booleans(),
    after=st.booleans(),
    distance=st.integers(min_value=1, max_value=40),
    prep=st.sampled_from(["", "في", "من", "ب", "علي", "word"]),
    label=st.sampled_from(["LOC", None]),
    rank=st.integers(min_value=0, max_value=5),
    punctuation=st.booleans(),
    verb_between=st.booleans(),
    modifier=st.booleans(),
    recipient=st.booleans(),
)


def test_every_weight_is_a_feature_the_code_can_produce() -> None:
    """A weight whose feature kind the code no longer produces is dead (a stale file)."""
    data = json.loads((ROOT / "src/arabnews/events/data/place_model.json").read_text("utf-8"))
    cue = PlaceCue("ASSAULT", False, True, 1, "في", "LOC", 0, False, False, False, False)
    kinds = {f.split("=")[0] for f in place_features(cue)}
    kinds |= {k.replace("after", "before") for k in kinds}
    kinds |= {k.replace("act", "speech") for k in kinds}
    assert {w.split("=")[0] for w in data["weights"]} <= kinds
    assert 0.0 < data["threshold"] < 1.0


@given(CUES)
def test_place_probability_is_a_probability(cue: PlaceCue) -> None:
    p = place_model().probability(place_features(cue))
    assert 0.0 < p < 1.0


@pytest.mark.parametrize(
    ("text", "category", "places"),
    [
        ("قصفت الطائرات الحربية مواقع في مدينة حلب أمس.", "ASSAULT", ["حلب"]),
        ("تظاهر آلاف الطلاب في بلغراد احتجاجا على الفساد.", "PROTEST", ["بلغراد"]),
        # a statement's place is seldom stated next to it: where the speaker is, not the event
        ("دعا وزير الخارجية الفرنسي في باريس إلى وقف القتال.", "REQUEST", []),
        # the place belongs to the clause after بعد أن
        (
            "نشرت تركيا تعزيزات عسكرية على حدودها، بعد أن قصفت طائرات مواقع في شمال العراق.",
            "MOBILIZE",
            [],
        ),
    ],
)
def test_event_locations(text: str, category: str, places: list[str]) -> None:
    (e,) = [x for x in extract_events(text, threshold=0.0) if x.type == category][:1]
    assert [m.text for m in e.location] == places
    assert all(text[m.start : m.end] == m.text for m in e.location)
