"""Times, durations and speakers that are no participants (session 34)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arabnews
from arabnews.events.numbers import find_quantities
from arabnews.events.timex import find_times, forward

PUB = datetime.date(2025, 3, 20)  # a Thursday
_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
           "أكتوبر", "نوفمبر", "ديسمبر"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ستعقد القمة في أكتوبر المقبل", "2025-10-01/2025-10-31"),
        ("في يناير المقبل", "2026-01-01/2026-01-31"),
        ("في شهر نوفمبر القادم", "2025-11-01/2025-11-30"),
        ("في أكتوبر الماضي", "2024-10-01/2024-10-31"),
        # no word after it: the month within six months of the date, as before
        ("في أكتوبر", "2024-10-01/2024-10-31"),
        ("في مايو", "2025-05-01/2025-05-31"),
    ],
)
def test_a_month_with_next_or_last_is_resolved_that_way(text: str, value: str) -> None:
    (t,) = find_times(text, published=PUB)
    assert t.value == value


@given(
    st.sampled_from(_MONTHS),
    st.sampled_from(["المقبل", "القادم", "الماضي", "المنصرم"]),
    st.dates(min_value=datetime.date(1900, 2, 1), max_value=datetime.date(2999, 11, 30)),
)
def test_next_month_is_after_and_last_month_before_the_date(
    month: str, word: str, pub: datetime.date
) -> None:
    (t,) = find_times(f"في {month} {word}", published=pub)
    assert t.value is not None
    first, last = (datetime.date.fromisoformat(x) for x in t.value.split("/"))
    if word in ("المقبل", "القادم"):
        assert first > pub and (first - pub).days <= 366
    else:
        assert last < pub.replace(day=1) and (pub - last).days <= 366


def test_a_future_event_takes_the_next_weekday_or_month() -> None:
    (ev,) = arabnews.extract_events(
        "وأعلنت الحركة أنها ستفرج عن ثلاثة رهائن يوم السبت.", published=PUB
    )
    assert ev.modality == "future" and ev.time is not None
    assert ev.time.value == "2025-03-22"
    (t,) = find_times("في أكتوبر", published=PUB)
    assert forward(t, PUB).value == "2025-10-01/2025-10-31"
    # a past or named time is kept as it is
    for text in ("يوم الثلاثاء الماضي", "في مايو 2023", "أمس"):
        (t,) = find_times(text, published=PUB)
        assert forward(t, PUB) == t


@pytest.mark.parametrize(
    "text",
    [
        "وجاء الهجوم بعد يومين من انفجار عبوة ناسفة في السوق",
        "قتل قبل يومين",
        "بعد مرور عامين على الحرب",
        "وقبل أكثر من عشر سنوات",
    ],
)
def test_a_distance_in_time_is_no_duration(text: str) -> None:
    assert not [q for q in find_quantities(text) if q.kind.startswith("duration")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("استمر الحصار ثلاثة أيام", "duration_days"),
        ("حكم عليه بالسجن خمس سنوات", "duration_years"),
        ("المحتجزة منذ عامين", "duration_years"),
    ],
)
def test_a_duration_stays_one(text: str, kind: str) -> None:
    assert [q.kind for q in find_quantities(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "وكانت الأمم المتحدة قد حذرت الأسبوع الماضي من أن الوضع الإنساني يتدهور.",
            "الأمم المتحدة",
        ),
        ("وقالت الحكومة العام الماضي إنها ستخفض الضرائب.", "الحكومة"),
    ],
)
def test_a_time_is_no_speaker_nor_part_of_one(text: str, speaker: str) -> None:
    (q,) = arabnews.extract_quotes(text)
    assert (q.speaker.text if q.speaker is not None else q.speaker_text) == speaker


def test_a_unit_of_time_is_no_participant() -> None:
    events = arabnews.extract_events(
        "أفرجت السلطات عن الناشط كمال الجندوبي، الذي اعتقل الشهر الماضي بتهمة التآمر.",
        published=PUB,
    )
    arrest = next(e for e in events if e.trigger.text == "اعتقل")
    assert not [m for m in arrest.recipient if m.text in ("الشهر", "الشهر الماضي")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("شن الطيران غارات على أكثر من 30 هدفا في الجنوب", "other"),
        ("أسقطت الدفاعات الجوية 478 هدفا جويا", "intercepted"),
    ],
)
def test_a_target_is_intercepted_only_in_the_air(text: str, kind: str) -> None:
    assert [q.kind for q in find_quantities(text)] == [kind]
    assert find_quantities("سجل الأهلي هدفين متتاليين") == ()
