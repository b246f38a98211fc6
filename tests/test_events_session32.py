"""Session 32: mentions of one event linked by ``Event.refers_to`` — a back-reference to an attack
or protest that an earlier sentence of the text reported, and a killing verb beside the attack
word of its clause (both mentions returned, the lower-scored referring to the other)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _events import assert_links_hold, events
from arabnews.events import extract_events
from arabnews.events.classifier import event_model

REPORT = "قصفت القوات الروسية مدينة خاركيف أمس."
BACK = "وأوضح المحافظ أن ستة أحياء تضررت بفعل القصف، بينما استمرت صفارات الإنذار."
FILLER = "وقال المتحدث إن الطقس كان باردا في المدينة."


def test_a_back_reference_to_a_reported_attack_is_a_mention_of_it() -> None:
    evs = events(f"{REPORT} {BACK}", threshold=None)
    report, back = (e for e in evs if e.type == "ASSAULT")
    assert report.trigger.text == "قصفت" and report.refers_to is None
    assert back.trigger.text == "القصف" and back.refers_to == report.trigger
    assert back.score == report.score  # as sure as the report it names
    assert back.actor == report.actor  # its participants are the report's


def test_a_back_reference_alone_is_background() -> None:
    # the gold standard's sentences are judged one by one: nothing there changes
    assert not [e for e in events(BACK) if e.type == "ASSAULT"]


def test_the_antecedent_is_looked_for_within_six_sentences() -> None:
    near = " ".join([REPORT, *[FILLER] * 5, BACK])
    far = " ".join([REPORT, *[FILLER] * 6, BACK])
    assert [e.trigger.text for e in events(near, threshold=None) if e.type == "ASSAULT"] == [
        "قصفت",
        "القصف",
    ]
    assert [e.trigger.text for e in events(far, threshold=None) if e.type == "ASSAULT"] == ["قصفت"]


def test_an_attack_under_the_threshold_is_no_antecedent() -> None:
    # the antecedent must be a report the default output gives: a negated attack is none
    text = "ونفى الجيش أن يكون قد قصف المدينة أمس. " + BACK
    assert not [e for e in events(text) if e.trigger.text == "القصف"]


def test_another_category_is_no_antecedent() -> None:
    text = "وتظاهر آلاف الطلاب في العاصمة أمس. " + BACK
    assert not [e for e in events(text) if e.trigger.text == "القصف"]


def test_a_call_back_reference_is_left_to_the_model() -> None:
    # only attacks and protests need report evidence; a call's back-reference keeps its own
    # score, and by another word than the call's (اتصال / المكالمة) no link: a repeated
    # mention of a meeting or an agreement uses its word (tests/test_session37.py)
    text = "أجرى ترامب اتصالا هاتفيا مع بوتين. وتركزت المكالمة على الحرب في أوكرانيا."
    call = [e for e in events(text) if e.trigger.text == "المكالمة"]
    assert call and all(e.refers_to is None for e in call)


def test_both_mentions_of_an_attack_are_returned_linked() -> None:
    text = "وأعلنت السلطات مقتل شخصين في قصف روسي لمخيم سياحي."
    evs = [e for e in events(text, threshold=None) if e.type == "ASSAULT"]
    assert sorted(e.trigger.text for e in evs) == ["قصف", "مقتل"]
    (head,) = [e for e in evs if e.refers_to is None]
    (other,) = [e for e in evs if e.refers_to is not None]
    assert other.refers_to == head.trigger and other.score <= head.score
    assert {(q.kind, q.value) for q in head.quantities} == {("killed", 2)}


_SENTENCES = (
    REPORT,
    BACK,
    FILLER,
    "قتل خمسة جنود في هجوم شنه مسلحون على نقطة تفتيش.",
    "وأسفر الهجوم عن إصابة عشرة آخرين.",
    "وتظاهر آلاف الطلاب في العاصمة أمس احتجاجا على الغلاء.",
    "وفرقت الشرطة المظاهرة بالغاز المسيل للدموع.",
    "ونفى الجيش أن يكون قد قصف المدينة.",
    "ودعت الحكومة إلى وقف إطلاق النار.",
    "وقتل ثلاثة مدنيين في القصف.",
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=6),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_links_hold_at_every_threshold(parts: list[str], t: float) -> None:
    """Whatever the threshold, the events are a subset of every candidate, a mention that refers
    to another comes with it, scores no higher, and links to a head (no chains)."""
    assert_links_hold(" ".join(parts), t)


def test_the_default_output_is_the_model_thresholds() -> None:
    text = " ".join([REPORT, BACK, "وأسفر الهجوم عن إصابة عشرة آخرين."])
    m = event_model()
    default = extract_events(text, entities=())
    every = extract_events(text, entities=(), threshold=0.0)
    assert set(default) == {e for e in every if e.score >= m.threshold_for(e.type)}


def test_the_link_survives_serialisation_and_the_event_table() -> None:
    from arabnews.alignment import apply_edits
    from arabnews.clean import CleanedText
    from arabnews.document import Document

    text = "وأعلنت السلطات مقتل شخصين في قصف روسي لمخيم سياحي."
    evs = extract_events(text, entities=())
    cleaned = CleanedText(text, text, (), apply_edits(text, [])[1])
    doc = Document(text=text, cleaned=cleaned, events=evs)
    assert Document.from_json(doc.to_json()) == doc
    pytest.importorskip("pandas")
    table = doc.events_frame()
    linked = table[table["refers_to"].notna()]
    assert len(linked) == 1 and len(table) == 2
    start = int(linked.iloc[0]["refers_to_start"])
    assert start in {e.trigger.start for e in evs if e.refers_to is None}


def test_a_later_report_of_casualties_names_the_earlier_attack() -> None:
    # «وأسفر القصف عن مقتل ثلاثة»: the same shelling, counted once over the whole text
    text = REPORT + " وقتل ثلاثة مدنيين في القصف."
    evs = [e for e in events(text, threshold=None) if e.type == "ASSAULT"]
    heads = [e for e in evs if e.refers_to is None]
    assert [e.trigger.text for e in heads] == ["قصفت"]
    assert all(e.refers_to == heads[0].trigger for e in evs if e.refers_to is not None)
