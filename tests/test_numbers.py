"""Quantities: digits, number words, duals, scale words and counted nouns."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabnews.events.lexicon import words
from arabnews.events.numbers import find_quantities, parse_number


def q(text: str) -> list[tuple[str, str, float]]:
    return [(x.text, x.kind, x.value) for x in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مقتل شخصين وإصابة 12 آخرين", [("شخصين", "killed", 2), ("12 آخرين", "injured", 12)]),
        (
            "أطلقت روسيا 539 طائرة مسيّرة و11 صاروخاً",
            [("539 طائرة مسيّرة", "drones", 539), ("11 صاروخاً", "missiles", 11)],
        ),
        (
            "موافقتها على صفقة بقيمة 200 مليون دولار",
            [("200 مليون دولار", "money_usd", 200_000_000)],
        ),
        ("مقترح هدنة 30 يوما", [("30 يوما", "duration_days", 30)]),
        ("تلقت 1200 جثة", [("1200 جثة", "bodies", 1200)]),
        ("نشرت ألفي جندي", [("ألفي جندي", "troops", 2000)]),
        ("تبادل 1000 سجين", [("1000 سجين", "prisoners", 1000)]),
        ("أسقطت 478 هدفاً جوياً", [("478 هدفاً جوياً", "intercepted", 478)]),
        ("مقتل خمسة مدنيين في بوكروفسك", [("خمسة مدنيين", "killed", 5)]),
        ("سقط عشرون قتيلا", [("عشرون قتيلا", "killed", 20)]),
        ("أصيب ثلاثة أشخاص", [("ثلاثة أشخاص", "injured", 3)]),
        ("٢٣ شخصاً أصيبوا", [("٢٣ شخصاً", "injured", 23)]),
    ],
)
def test_quantities(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert q(text) == expected


def test_years_and_dates_are_not_quantities() -> None:
    assert q("منذ فبراير 2022") == []
    assert q("في 22 يونيو") == []


def test_plural_nisba_is_not_a_dual() -> None:
    # مدنيين is a plural, not the dual of مدني
    assert q("استهداف المدنيين") == []


def test_parse_number_scale() -> None:
    assert parse_number(words("3 ملايين"), 0) == (3_000_000.0, 2)
    assert parse_number(words("كلمة"), 0) is None


@given(st.text(max_size=200))
def test_spans_slice_the_text(text: str) -> None:
    for x in find_quantities(text):
        assert text[x.start : x.end] == x.text
        assert x.value >= 0


def test_thousands_groups_and_decimals_are_read_whole() -> None:
    from arabnews.events.numbers import find_quantities

    got = [(q.text, q.value) for q in find_quantities("مقتل ١٬٢٠٠ شخص وإصابة 2,500 آخرين")]
    assert got == [("١٬٢٠٠ شخص", 1200.0), ("2,500 آخرين", 2500.0)]
    got = [(q.text, q.value) for q in find_quantities("بقيمة ٢٫٥ مليار دولار")]
    assert got == [("٢٫٥ مليار دولار", 2_500_000_000.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # compound numbers, thousands and hundreds written in words are read whole
        ("قتل خمسة وعشرون شخصا", [("خمسة وعشرون شخصا", "killed", 25)]),
        ("فر ثلاثة آلاف نازح من القرى", [("ثلاثة آلاف نازح", "displaced", 3000)]),
        ("أصيب مئتان وخمسون آخرون", [("مئتان وخمسون آخرون", "injured", 250)]),
        ("أفرج عن مئة واثني عشر معتقلا", [("مئة واثني عشر معتقلا", "prisoners", 112)]),
        ("نشر ألفين وخمسمائة جندي", [("ألفين وخمسمائة جندي", "troops", 2500)]),
        ("أرسلت ثلاث مئة شاحنة", [("ثلاث مئة شاحنة", "other", 300)]),
        # the kind from the counted noun, after من too
        ("ارتفع عدد المصابين إلى سبعة مصابين", [("سبعة مصابين", "injured", 7)]),
        ("اعتقل عشرة من المتظاهرين", [("عشرة من المتظاهرين", "prisoners", 10)]),
        ("نزح خمسة آلاف شخص", [("خمسة آلاف شخص", "displaced", 5000)]),
        ("قتل ستة عشر شخصا", [("ستة عشر شخصا", "killed", 16)]),
        ("نزوح عشرات الآلاف من اللاجئين", [("عشرات الآلاف من اللاجئين", "displaced", 10000)]),
        # a bare count after a casualty noun takes its kind
        ("مقتل ستة وإصابة تسعة", [("ستة", "killed", 6), ("تسعة", "injured", 9)]),
    ],
)
def test_numbers_in_words(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert q(text) == expected


def test_tens_before_units_are_two_numbers() -> None:
    # "عشرة وعشرين" is not a compound (units come before tens in Arabic)
    assert parse_number(words("عشرة وعشرين"), 0) == (10.0, 1)
    assert parse_number(words("سبعة وثلاثين"), 0) == (37.0, 2)


def test_sound_plural_of_a_participle_is_not_a_dual() -> None:
    # النازحين / مصابين are plurals, not "two displaced / two injured"
    assert q("عاد النازحين إلى منازلهم") == []
    assert q("نقل مصابين إلى المستشفى") == []


def test_duals_and_soldier_casualties() -> None:
    assert q("سقط قتيلان وجريحان") == [("قتيلان", "killed", 2), ("جريحان", "injured", 2)]
    assert q("مقتل جنديين") == [("جنديين", "killed", 2)]
    assert q("مقتل 5 جنود") == [("5 جنود", "killed", 5)]
    # without a casualty word soldiers are troops
    assert q("نشر ألفي جندي") == [("ألفي جندي", "troops", 2000)]


def test_a_year_after_a_year_word_is_no_count() -> None:
    # any year, not only 1900-2100: a number after عام / سنة counts nothing
    assert q("في عام 1100 قتل الملك بسهم") == []
    assert q("وفي العام 1948 هجر 700 ألف شخص") == [("700 ألف شخص", "displaced", 700000)]
    assert q("سنة 38 هـ قتل خمسة رجال") == [("خمسة رجال", "killed", 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a definite number is an adjective of the definite noun before it
        ("قتل الجنود الثلاثة في الهجوم", [("الجنود الثلاثة", "killed", 3)]),
        ("أفرج عن المعتقلين الخمسة أمس", [("المعتقلين الخمسة", "prisoners", 5)]),
        ("رفض الضباط الثلاثة تنفيذ الأوامر", [("الضباط الثلاثة", "other", 3)]),
        ("قتل الثلاثة في الهجوم", [("الثلاثة", "killed", 3)]),
        # ... and counts nothing after a unit of time or an ordinal, or as a weekday or per cent
        ("فر آلاف خلال الأيام الثلاثة الماضية", [("آلاف", "displaced", 1000)]),
        ("وقع في الرابع والعشرين من شباط", []),
        ("قالت الشرطة الإسرائيلية الاثنين إنها", []),
        ("ارتفعت الأسعار 10 في المئة", []),
    ],
)
def test_definite_numbers(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert q(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مقتل خمسة في الهجوم", [("خمسة", "killed", 5)]),
        ("قتل ثلاثة أمس", [("ثلاثة", "killed", 3)]),
        ("مقتل 3 من مقاتليها", [("3 من مقاتليها", "killed", 3)]),
        ("زار المعرض عشرة من الزوار", [("عشرة من الزوار", "other", 10)]),
        ("دمرت 90 % من المدارس", []),
        ("وصل في عام 1944، نجا منهم", []),
        ("طالبت 15 على الأقل", []),
    ],
)
def test_a_function_word_or_punctuation_is_not_the_counted_noun(
    text: str, expected: list[tuple[str, str, float]]
) -> None:
    assert q(text) == expected


_FUNCTION_WORDS = ["في", "على", "إلى", "من", "أمس", "حين", "التي", "بعد", "خلال"]


@given(
    st.sampled_from(["خمسة", "ثلاثة", "12", "عشرات", "الثلاثة", "200 ألف"]),
    st.sampled_from(_FUNCTION_WORDS),
    st.sampled_from(["", "،", " ،", ":"]),
)
def test_no_quantity_ends_in_a_function_word(number: str, word: str, punct: str) -> None:
    """Whatever follows a number, the quantity never takes a function word or punctuation as
    what it counts."""
    text = f"قال إن {number}{punct} {word} المدينة"
    for x in find_quantities(text):
        assert not x.text.endswith(word)
        assert not any(c in x.text for c in "،:")


def test_two_follows_the_plural_it_counts() -> None:
    # (journalists are people: counted after an arrest verb, they are its prisoners)
    assert q("اعتقلت السلطات صحفيين اثنين بتهمة التجسس") == [("صحفيين اثنين", "prisoners", 2)]
    assert q("قتل اثنان من الجنود") == [("اثنان من الجنود", "killed", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هدنة مدتها 72 ساعة", [("72 ساعة", "duration_hours", 72)]),
        ("استمر الحصار ثلاثة أسابيع", [("ثلاثة أسابيع", "duration_weeks", 3)]),
        ("حكم عليه بالسجن ستة أشهر", [("ستة أشهر", "duration_months", 6)]),
        ("أمضى أكثر من خمس سنوات في السجن", [("خمس سنوات", "duration_years", 5)]),
    ],
)
def test_units_of_time_are_durations(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert q(text) == expected


def test_martyrs_are_counted_as_killed_and_a_verb_is_never_counted() -> None:
    text = "وصلت جثامين 12 شهيدا، وأسقط الجيش 45 طائرة مسيرة من أصل 60 أطلقتها روسيا."
    got = [(q.text, q.kind) for q in find_quantities(text)]
    assert ("12 شهيدا", "killed") in got
    assert not any("أطلقتها" in t for t, _ in got)


def test_the_imperfect_of_killing_makes_a_count_of_the_killed() -> None:
    text = "الجيش يحبط محاولة تهريب ويقتل 4 مهربين"
    assert [(q.text, q.kind) for q in find_quantities(text)] == [("4 مهربين", "killed")]


def test_gunmen_counted_after_a_killing_are_killed() -> None:
    # (مسلح، a gunman, is a fighter like مقاتل: the casualty word before the counts gives both)
    found = find_quantities("أسفرت الاشتباكات عن مقتل ثمانية جنود و15 مسلحا.")
    assert [(q.text, q.kind) for q in found] == [("ثمانية جنود", "killed"), ("15 مسلحا", "killed")]


def test_an_approximation_stands_between_a_casualty_and_its_count() -> None:
    # ما لا يقل عن (no fewer than) is four words: the killing before it still counts
    assert q("قتل ما لا يقل عن 12 شخصا وأصيب العشرات.") == [
        ("12 شخصا", "killed", 12.0),
        ("العشرات", "injured", 10.0),
    ]
    assert q("أعلن الجيش مقتل ما لا يقل عن 30 شخصا.") == [("30 شخصا", "killed", 30.0)]
    assert q("أصيب ما يزيد على 40 شخصا.") == [("40 شخصا", "injured", 40.0)]
