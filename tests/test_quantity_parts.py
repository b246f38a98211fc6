"""A count of a part (بينهم ثلاثة أطفال) is marked as part of the count before it."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabnews.events.numbers import find_quantities
from arabnews.spans import Span


def _parts(text: str) -> list[tuple[str, str, float, str | None]]:
    return [
        (
            q.text,
            q.kind,
            q.value,
            None if q.part_of is None else text[q.part_of.start : q.part_of.end],
        )
        for q in find_quantities(text)
    ]


@pytest.mark.parametrize(
    ("text", "part", "kind", "whole"),
    [
        ("قتل عشرة أشخاص بينهم ثلاثة أطفال في غارة", "ثلاثة أطفال", "killed", "عشرة أشخاص"),
        # a count of no kind of its own takes the whole's
        (
            "أعلنت الوزارة مقتل ثمانية أشخاص بينهم ثلاثة أجانب",
            "ثلاثة أجانب",
            "killed",
            "ثمانية أشخاص",
        ),
        ("اعتقلت الشرطة 30 متظاهرا من بينهم نحو 5 نساء", "5 نساء", "prisoners", "30 متظاهرا"),
        ("قتل 10 أشخاص وأصيب 18 آخرون، بينهم 11 شرطيا", "11 شرطيا", "injured", "18 آخرون"),
        (
            "بلغت المساعدات 5 مليارات دولار، منها 3 مليارات دولار للإعمار",
            "3 مليارات دولار",
            "money_usd",
            "5 مليارات دولار",
        ),
        # after the count: 118 of them
        ("أدى سقوط الطائرة إلى مقتل 127 شخصا، 118 منهم ركاب", "118", "killed", "127 شخصا"),
        # a count joined by و to a part is a part of the same whole
        ("أعلنت الوزارة مقتل 22 شخصا، بينهم 7 أطفال و4 نساء", "4 نساء", "killed", "22 شخصا"),
        # the whole as a bare number before the part word
        ("ارتفعت حصيلة القتلى إلى 50 بينهم 12 طفلا", "12 طفلا", "killed", "50"),
    ],
)
def test_a_count_of_a_part_names_its_whole(text: str, part: str, kind: str, whole: str) -> None:
    found = {t: (k, w) for t, k, _, w in _parts(text)}
    assert found[part] == (kind, whole)
    assert found[whole][1] is None


@pytest.mark.parametrize(
    "text",
    [
        # no part word: two counts side by side
        "قتل خمسة جنود وثلاثة مدنيين في الهجوم",
        # a part is smaller than its whole
        "قتل ثلاثة أشخاص بينهم عشرة أطفال",
        # a part in ها is of things, not of the people counted before
        "قتل 51 شخصا وأصيب مائتين آخرين في سلسلة هجمات بينها أربع هجمات انتحارية",
        # a count joined to a part is no part when it is of another kind
        "قتل عشرة أشخاص بينهم ثلاثة أطفال و20 جريحا",
        # the part word before a count is the whole's, not a part after it
        "قتل خمسة جنود وأصيب 40 بينهم 7 أطفال",
    ],
)
def test_no_part_without_a_part_word_and_a_larger_whole(text: str) -> None:
    parts = {t: w for t, _, _, w in _parts(text)}
    if text.endswith("و20 جريحا"):
        assert parts["20 جريحا"] is None
        return
    if text.endswith("بينهم 7 أطفال"):
        assert parts["7 أطفال"] == "40" and parts["40"] is None
        return
    assert all(w is None for w in parts.values())


def test_a_part_goes_to_the_event_of_its_whole() -> None:
    import arabnews

    text = "قتل عشرة أشخاص بينهم ثلاثة أطفال في غارة جوية على مدينة حلب يوم الاثنين."
    events = [e for e in arabnews.extract_events(text) if e.refers_to is None]
    assert len(events) == 1
    qs = {q.text: q.part_of for q in events[0].quantities}
    assert qs == {"عشرة أشخاص": None, "ثلاثة أطفال": Span(4, 14)}


def test_events_frame_counts_a_part_once() -> None:
    pytest.importorskip("pandas")
    import arabnews

    doc = arabnews.analyze("قتل عشرة أشخاص بينهم ثلاثة أطفال وأصيب 20 آخرون في غارة جوية على حلب.")
    frame = doc.events_frame()
    first = frame[frame["refers_to"].isna()].iloc[0]
    assert first["killed"] == 10.0 and first["injured"] == 20.0
    assert frame["killed"].dtype == "float64"
    assert math.isnan(
        arabnews.analyze("وصل الوزير إلى بغداد.").events_frame().reindex([0])["killed"].iloc[0]
    )


@given(
    st.sampled_from(["عشرة أشخاص", "30 متظاهرا", "127 شخصا", "خمسة جنود", "ثمانية"]),
    st.sampled_from(["بينهم", "منهم", "من بينهم", "منها", "بينهما", ""]),
    st.sampled_from(["ثلاثة أطفال", "12 طفلا", "امرأتان", "نحو 4 نساء", "200 شخص"]),
    st.sampled_from(["قتل", "أصيب", "اعتقلت الشرطة", "قالت الوزارة إن"]),
)
def test_a_part_is_smaller_than_a_count_before_it(
    whole: str, sep: str, part: str, head: str
) -> None:
    """Whatever the words, a part names an earlier count of the same text that is larger
    and of the same kind (or of none), and the texts slice the string."""
    text = f"{head} {whole} {sep} {part} في المدينة"
    qs = find_quantities(text)
    for k, q in enumerate(qs):
        assert text[q.start : q.end] == q.text
        if q.part_of is not None:
            whole = next(w for w in qs[:k] if w.span == q.part_of)
            assert whole.value > q.value
            assert q.kind == whole.kind or "other" in (q.kind, whole.kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # و + a plural in ين is no dual of «و + singular»: no invented count of two
        ("اشتباكات بين الشرطة ومتظاهرين في المدينة", []),
        ("انهالت الشرطة بالضرب على صحافيين وناشطين", []),
        ("الإفراج عن رهائن ومعتقلين", []),
        # the dual itself still counts two, with or without و
        ("قتل جنديان وطفلين", [("جنديان", "killed", 2.0), ("طفلين", "killed", 2.0)]),
        # a conjunction before a number word is not part of the quantity
        ("قتل تسعة مدنيين بينهم ثلاث نساء وأربع نساء", None),
        # people nouns: suspects after an arrest verb are its prisoners
        ("اعتقل الجيش خمسة عشر مشتبها", [("خمسة عشر مشتبها", "prisoners", 15.0)]),
    ],
)
def test_counts_of_people(text: str, expected: list[tuple[str, str, float]] | None) -> None:
    found = [(q.text, q.kind, q.value) for q in find_quantities(text)]
    if expected is None:
        assert [t for t, _, _ in found] == ["تسعة مدنيين", "ثلاث نساء", "أربع نساء"]
    else:
        assert found == expected
