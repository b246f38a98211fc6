"""Wrong facts removed in session 34: telecommunications, dual nisbas, accidents."""

from __future__ import annotations

import pytest

import arabnews


def _events(text: str) -> list[arabnews.Event]:
    return list(arabnews.extract_events(text))


@pytest.mark.parametrize(
    "text",
    [
        "ارتفعت أسعار خدمات الاتصالات في بغداد.",
        "توقفت الاتصالات في المدينة بعد القصف.",
        "تعطلت شبكة الاتصالات في عدة مدن بسبب العاصفة.",
        "ارتفعت أسهم شركات الاتصالات بعد إعلان النتائج.",
    ],
)
def test_telecommunications_are_no_phone_call(text: str) -> None:
    assert not [e for e in _events(text) if e.type == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("أجرى الرئيس اتصالا بنظيره الفرنسي.", "نظيره الفرنسي"),
        ("وأكد في اتصال بالرئيس الأمريكي دعمه.", "الرئيس الأمريكي"),
    ],
)
def test_a_call_to_someone_stays_a_call(text: str, recipient: str) -> None:
    (call,) = [e for e in _events(text) if e.type == "CONSULT"]
    assert call.mode == "phone" and [m.text for m in call.recipient] == [recipient]


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("قتل جنديان إسرائيليان وأصيب ثالث في انفجار عبوة ناسفة.", "جنديان إسرائيليان"),
        ("قتل شرطيان مصريان في تبادل لإطلاق النار مع مسلحين.", "شرطيان مصريان"),
        ("قتل طفلان سوريان في انفجار لغم أرضي.", "طفلان سوريان"),
    ],
)
def test_a_dual_with_its_nisba_is_the_victim(text: str, victims: str) -> None:
    killing = next(e for e in _events(text) if e.trigger.text == "قتل")
    assert not killing.actor
    assert [m.text for m in killing.recipient] == [victims]


@pytest.mark.parametrize(
    "text",
    [
        "لقي ثلاثة عمال مصرعهم إثر انهيار جدار في موقع بناء.",
        "قتل شخصان وأصيب أربعة آخرون في انفجار أسطوانة غاز داخل مطعم.",
        "مصرع 6 أشخاص بينهم امرأتان في تصادم سيارتين على طريق الرياض.",
    ],
)
def test_an_accident_is_no_assault(text: str) -> None:
    assert not [e for e in _events(text) if e.type == "ASSAULT"]


def test_an_attack_that_brings_a_building_down_stays_an_attack() -> None:
    events = _events("قتل خمسة أشخاص في غارة جوية أدت إلى انهيار مبنى.")
    attack = [e for e in events if e.type == "ASSAULT" and e.refers_to is None]
    assert len(attack) == 1 and attack[0].trigger.text == "غارة"
    assert [(q.kind, q.value) for q in attack[0].quantities] == [("killed", 5.0)]


@pytest.mark.parametrize("conj", ["فيما", "بينما"])
def test_a_clause_after_fima_has_its_own_subject_and_modality(conj: str) -> None:
    text = f"وكان التنظيم قد تبنى الهجوم آنذاك، {conj} اعتقلت القوات العراقية خمسة أشخاص."
    (arrest,) = [e for e in _events(text) if e.trigger.text == "اعتقلت"]
    assert arrest.modality == "asserted"  # (the قد of the other clause is not its cue)
    assert [m.text for m in arrest.actor] == ["القوات العراقية"]
    assert "القوات العراقية" not in [m.text for m in arrest.recipient]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("تسعى مصر وقطر إلى التوصل إلى اتفاق لتبادل الأسرى.", "hypothetical"),
        ("أعلنت مصر وقطر التوصل إلى اتفاق لتبادل الأسرى.", "asserted"),
    ],
)
def test_what_is_striven_for_is_not_reached(text: str, modality: str) -> None:
    (deal,) = [e for e in _events(text) if e.type == "AGREE"]
    assert deal.modality == modality
