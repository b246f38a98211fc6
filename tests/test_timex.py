"""Time expressions and their resolution against the publication date."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabnews.events.timex import find_times, is_future, parse_date

PUB = datetime.date(2025, 3, 14)  # a Friday


def resolved(text: str, published: datetime.date | None = PUB) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال اليوم", [("اليوم", "2025-03-14")]),
        ("قال أمس", [("أمس", "2025-03-13")]),
        ("يلتقيان غدا", [("غدا", "2025-03-15")]),
        ("أعلنت الأحد", [("الأحد", "2025-03-09")]),
        ("وقع يوم الجمعة", [("يوم الجمعة", "2025-03-14")]),
        ("يوم الثلاثاء المقبل", [("يوم الثلاثاء المقبل", "2025-03-18")]),
        ("اليوم الأربعاء", [("اليوم الأربعاء", "2025-03-14")]),
        ("أمس الخميس", [("أمس الخميس", "2025-03-13")]),
        ("الأسبوع المقبل", [("الأسبوع المقبل", "2025-03-17/2025-03-23")]),
        ("الأسبوع الماضي", [("الأسبوع الماضي", "2025-03-03/2025-03-09")]),
        ("الشهر المقبل", [("الشهر المقبل", "2025-04-01/2025-04-30")]),
        ("العام الماضي", [("العام الماضي", "2024-01-01/2024-12-31")]),
        ("سيطرت عليها في يناير", [("في يناير", "2025-01-01/2025-01-31")]),
        ("بعد 22 يونيو", [("بعد 22 يونيو", "2025-06-22")]),
        ("في 3 ديسمبر", [("في 3 ديسمبر", "2024-12-03")]),
        ("منذ فبراير 2022", [("منذ فبراير 2022", "2022-02-01/2025-03-14")]),
        ("هاجمت المسيرات ليلاً", [("ليلاً", "2025-03-13/2025-03-14")]),
        ("في 14 آذار 2025", [("في 14 آذار 2025", "2025-03-14")]),
    ],
)
def test_resolution(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert resolved(text) == expected


def test_without_published_date_the_text_is_kept() -> None:
    assert resolved("قال أمس الأحد", published=None) == [("أمس الأحد", None)]
    assert resolved("في يناير", published=None) == [("في يناير", None)]
    # a full date needs no publication date
    assert resolved("في 14 مارس 2025", published=None) == [("في 14 مارس 2025", "2025-03-14")]


def test_verb_homograph_of_a_month_is_not_a_time() -> None:
    assert resolved("مارس الضغط على الحكومة") == []


def test_proclitic_waw() -> None:
    assert resolved("وأمس قال") == [("أمس", "2025-03-13")]


def test_parse_date_and_future() -> None:
    assert parse_date("كييف - 14 مارس 2025") == datetime.date(2025, 3, 14)
    assert parse_date("بلا تاريخ") is None
    (nxt,) = find_times("الأسبوع المقبل", published=PUB)
    assert is_future(nxt, PUB)
    (yday,) = find_times("أمس", published=PUB)
    assert not is_future(yday, PUB)


@given(st.text(max_size=200), st.dates())
def test_spans_slice_the_text(text: str, published: datetime.date) -> None:
    for t in find_times(text, published=published):
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل قبل يومين", [("قبل يومين", "2025-03-12")]),
        ("منذ ثلاثة أيام", [("منذ ثلاثة أيام", "2025-03-11")]),
        ("وصل قبل 5 أيام", [("قبل 5 أيام", "2025-03-09")]),
        ("اعتقل قبل أسبوعين", [("قبل أسبوعين", "2025-02-28")]),
        ("غادر قبل ثلاثة أشهر", [("قبل ثلاثة أشهر", "2024-12-01/2024-12-31")]),
        ("بني قبل عشرين عاما", [("قبل عشرين عاما", "2005-01-01/2005-12-31")]),
        ("أعلن قبل ساعات", [("قبل ساعات", "2025-03-14")]),
        ("وقع أول من أمس", [("أول من أمس", "2025-03-12")]),
        ("اندلعت الحرب عام 2011", [("عام 2011", "2011-01-01/2011-12-31")]),
        ("منذ عام 2014", [("منذ عام 2014", "2014-01-01/2025-03-14")]),
        # a vague count is a time expression without a value
        ("قبل عدة أيام", [("قبل عدة أيام", None)]),
    ],
)
def test_relative_expressions(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert resolved(text) == expected


def test_before_a_clause_is_not_a_time() -> None:
    assert resolved("قبل أن يغادر") == []


def test_history_is_not_resolved_against_publication() -> None:
    # a 1976 killing "غد الأحد" is narrated time, not tomorrow relative to publication
    got = resolved("قتل عام 1976 صباح غد الأحد")
    assert got == [("عام 1976", "1976-01-01/1976-12-31")]
    assert not any(is_future(t, PUB) for t in find_times("قتل عام 1976 غدا", published=PUB))
    # "منذ 2011" reaches the present: the passage is still news
    assert resolved("قتل أمس في الحرب المستمرة منذ 2011") == [("أمس", "2025-03-13")]


def test_a_resolved_past_date_is_never_future() -> None:
    (t,) = find_times("قبل يومين", published=PUB)
    assert not is_future(t, PUB)
    (t2,) = find_times("الأسبوع المقبل", published=PUB)
    assert is_future(t2, PUB)


def test_published_may_be_an_iso_string() -> None:
    text = "التقيا أمس الأحد وسيلتقيان الأسبوع المقبل"
    as_date = find_times(text, published=datetime.date(2025, 3, 17))
    as_text = find_times(text, published="2025-03-17")
    assert as_text == as_date and as_text[0].value == "2025-03-16"
    assert is_future(as_text[-1], "2025-03-17")
    assert not is_future(as_text[0], "2025-03-17")
    with pytest.raises(ValueError):
        find_times(text, published="17/03/2025")


def test_without_published_an_old_year_is_the_narrated_time() -> None:
    # no publication date: the named year anchors the passage, so غدا makes nothing future
    text = "اغتيل الزعيم عام 1976 غداة عودته وقتل حارسه غدا"
    got = find_times(text)
    assert [t.text for t in got] == ["عام 1976"]
    assert not any(is_future(t, None) for t in got)
    # without a year the wording still decides
    (tomorrow,) = find_times("يلتقي الوزيران غدا")
    assert is_future(tomorrow, None)


def test_the_same_day_points_back_not_to_today() -> None:
    pub = datetime.date(2025, 3, 14)
    assert find_times("قبل أن تنسحب مساء اليوم نفسه", published=pub) == ()
    assert find_times("وفي العام ذاته وقعت الحكومة", published=pub) == ()


def _ungated(text: str, published: datetime.date | None) -> tuple[object, ...]:
    """find_times with every passage scanned (no required-string test first)."""
    from arabnews.events import timex

    saved = timex._master_literals
    timex._master_literals = lambda: None  # type: ignore[assignment]
    try:
        return find_times(text, published=published)
    finally:
        timex._master_literals = saved


def test_each_row_example_is_found_as_without_the_required_strings() -> None:
    # passages holding none of these strings are not scanned: each row's example (and it with
    # a preposition before it and a year after it) must come out as from a scan of everything
    from arabnews.events.lexicon import _rows
    from arabnews.events.timex import _master_literals

    literals = _master_literals()
    assert literals, "the required strings are read from the standard library's parser"
    rows = list(_rows("time_words.tsv"))
    found = 0
    for row in rows:
        for text in (row["example"], f"وقع في {row['example']} 2024"):
            expected = _ungated(text, PUB)
            assert find_times(text, published=PUB) == expected, row["name"]
            found += bool(expected)
    assert found > len(rows)


_TIME_PIECES = st.sampled_from(
    [
        "اليوم",
        "أمس",
        "غدا",
        "الأحد",
        "يوم",
        "الجمعة",
        "المقبل",
        "الماضي",
        "الأسبوع",
        "الشهر",
        "العام",
        "عام",
        "سنة",
        "في",
        "منذ",
        "قبل",
        "بعد",
        "خلال",
        "يناير",
        "آذار",
        "كانون",
        "الثاني",
        "تشرين",
        "ليلا",
        "الليلة",
        "22",
        "2025",
        "1976",
        "نفسه",
        "قتل",
        "وقال",
        "والأحد",
        "فيناير",
        "هذا",
        "نهاية",
        "أول",
        "من",
        "،",
        ".",
        "\n",
        "ً",
    ]
)


@given(st.lists(_TIME_PIECES, max_size=12), st.sampled_from([" ", "  ", ""]), st.dates())
def test_skipping_passages_without_a_time_word_changes_nothing(
    pieces: list[str], sep: str, published: datetime.date
) -> None:
    text = sep.join(pieces)
    assert find_times(text, published=published) == _ungated(text, published)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("قال أمس", datetime.date.min),
        ("أعلنت الأحد", datetime.date.min),
        ("العام الماضي", datetime.date.min),
        ("الأسبوع الماضي", datetime.date.min),
        ("يلتقيان غدا", datetime.date.max),
        ("الشهر المقبل", datetime.date.max),
        ("العام المقبل", datetime.date.max),
        ("يوم الثلاثاء المقبل", datetime.date.max),
    ],
)
def test_a_value_outside_the_calendar_is_none(text: str, published: datetime.date) -> None:
    # (it raised OverflowError: the first or last day a date can hold, counted from)
    [found] = find_times(text, published=published)
    assert found.value is None
