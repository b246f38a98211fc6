"""Wrong facts removed in session 35: convictions, names run into the next noun."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arabnews


def _events(text: str, threshold: float | None = None) -> list[arabnews.Event]:
    return list(arabnews.extract_events(text, threshold=threshold))


@pytest.mark.parametrize(
    "text",
    [
        "أدانت محكمة في بغداد خمسة متهمين بالإرهاب.",
        "أدانت المحكمة العليا الرئيس السابق بالفساد.",
        "أدان القاضي المتهم بالقتل العمد.",
        "وأدانت هيئة المحلفين المتهم بجميع التهم الموجهة إليه.",
    ],
)
def test_a_court_that_condemns_convicts(text: str) -> None:
    found = _events(text, threshold=0)
    trigger = next(e for e in found if e.trigger.text.endswith(("أدان", "أدانت")))
    assert (trigger.type, trigger.mode) == ("SANCTION", "convict")
    assert not [e for e in _events(text) if e.type == "ACCUSE" and e.mode == "disapprove"]


@pytest.mark.parametrize(
    "text",
    [
        "أدانت وزارة الخارجية الهجوم على المحكمة.",
        "أدانت الحكومة اعتقال القاضي.",
        "أدان الاتحاد الأوروبي الاعتداء على المحكمة الدستورية.",
    ],
)
def test_other_subjects_condemn(text: str) -> None:
    (event,) = [e for e in _events(text, threshold=0) if e.trigger.text.startswith("أدان")]
    assert (event.type, event.mode) == ("ACCUSE", "disapprove")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("أدانت وزارة الخارجية الهجوم على السفارة.", "وزارة الخارجية"),
        ("نددت وزارة الدفاع بالغارات وأدانت وزارة الداخلية التفجيرات.", "وزارة الداخلية"),
    ],
)
def test_no_name_ends_in_an_attack_noun(text: str, name: str) -> None:
    names = [e.text for e in arabnews.recognize(text)]
    assert name in names
    assert not [n for n in names if n.endswith(("الهجوم", "التفجيرات", "الغارات"))]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("رفضت إسرائيل الانسحاب من القطاع.", "الانسحاب"),
        ("رفض مكتب رئيس الوزراء الإسرائيلي بنيامين نتنياهو الانسحاب من المحور.", "الانسحاب"),
        ("ترفض الحكومة العودة إلى المفاوضات.", "المفاوضات"),
        ("انتهت جولة المحادثات دون التوصل إلى اتفاق لوقف إطلاق النار.", "اتفاق"),
        ("انسحبت القوات من المدينة دون قتال.", "قتال"),
    ],
)
def test_what_is_refused_or_not_reached_is_negated(text: str, trigger: str) -> None:
    (event,) = [e for e in _events(text, threshold=0) if e.trigger.text == trigger]
    assert event.modality == "negated"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("رفضت الحكومة طلب المعارضة.", "طلب"),
        ("رفضت حماس الاتهامات الإسرائيلية.", "الاتهامات"),
        ("وقامت طائرة بدون طيار بإطلاق صاروخ على سيارة.", "إطلاق"),
    ],
)
def test_what_others_did_or_a_drone_stays_asserted(text: str, trigger: str) -> None:
    found = [e for e in _events(text, threshold=0) if e.trigger.text.endswith(trigger)]
    assert found and all(e.modality == "asserted" for e in found)


def test_a_signed_agreement_is_one_event() -> None:
    found = [e for e in _events("وقعت مصر والسعودية اتفاقية سلام.", threshold=0)]
    assert [(e.type, e.trigger.text) for e in found] == [("AGREE", "وقعت")]


@pytest.mark.parametrize(
    "text",
    [
        "شن الأهلي هجوما كاسحا في الشوط الثاني من المباراة.",
        "تألق هداف الفريق وسجل هدفين في مباراة الأمس بعد هجوم منظم.",
    ],
)
def test_attacks_in_a_game_are_no_events(text: str) -> None:
    assert not [e for e in _events(text, threshold=0) if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "actor", "arrested"),
    [
        ("اعتقلت قوات الأمن محمد أحمد في جنين.", "قوات الأمن", "محمد أحمد"),
        (
            "اعتقلت القوات الإسرائيلية الفلسطيني محمد أحمد في جنين.",
            "القوات الإسرائيلية",
            "محمد أحمد",
        ),
        ("اعتقلت الشرطة الناشط علاء عبد الفتاح.", "الشرطة", "علاء عبد الفتاح"),
    ],
)
def test_forces_before_a_name_are_the_arresters(text: str, actor: str, arrested: str) -> None:
    (arrest,) = [e for e in _events(text) if e.type == "COERCE"]
    assert [m.text for m in arrest.actor] == [actor]
    assert [m.text for m in arrest.recipient] == [arrested]


def test_a_title_between_a_description_and_a_name() -> None:
    text = "التقى وزير الخارجية المصري نظيره السعودي الأمير فيصل بن فرحان في القاهرة."
    (meeting,) = [e for e in _events(text, threshold=0) if e.type == "CONSULT"]
    assert [m.text for m in meeting.recipient] == ["فيصل بن فرحان"]


_GIVEN = ["محمد", "أحمد", "محمود", "حسن", "حسين", "علي", "عمر", "سعيد", "سعد", "خالد", "جورج"]
_SURNAMES = ["الحريري", "الحريرى", "عباس", "ميركل", "الخطيب"]


@given(
    st.lists(st.sampled_from(_GIVEN), min_size=1, max_size=2),
    st.lists(st.sampled_from(_GIVEN), min_size=1, max_size=2),
    st.sampled_from(_SURNAMES),
    st.sampled_from(_SURNAMES),
)
def test_given_names_apart_never_parts_one_name(
    first: list[str], second: list[str], s1: str, s2: str
) -> None:
    """The resolver's cheap test before the full comparison never changes its answer."""
    from arabnews.names import name_key
    from arabnews.names._match import default_matcher

    matcher = default_matcher()
    a, b = name_key(" ".join([*first, s1])), name_key(" ".join([*second, s2]))
    if matcher.given_names_apart(a, b):
        assert matcher.key_similarity(a, b, 1.0) < matcher.threshold_for(a, b)


def test_people_who_share_a_surname_stay_apart() -> None:
    resolver = arabnews.NameResolver()
    ids = {n: resolver.add(n, "PER") for n in ("محمد سعيد الحريري", "أحمد خالد الحريري")}
    assert len(set(ids.values())) == 2
    assert resolver.add("محمد سعيد الحريرى", "PER") == ids["محمد سعيد الحريري"]
