"""Wrong facts removed in session 33, each as the general rule it became (sentences written for
the tests, not taken from any corpus)."""

from __future__ import annotations

import pytest

from _events import ent, events, of, texts


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("هاجمت النائبة رئيس الحكومة بسبب ارتفاع الأسعار.", ()),
        ("هاجم الوزير المعارضة في مؤتمر صحفي.", ()),
        ("هاجم سامي العلي الحكومة بسبب الضرائب.", (("سامي العلي", "PER"),)),
        ("يهاجم خالد منصور رئيس البلدية منذ أشهر.", (("خالد منصور", "PER"),)),
    ],
)
def test_a_person_attacking_a_person_or_an_office_with_words_is_no_attack(
    text: str, names: tuple[tuple[str, str], ...]
) -> None:
    evs = events(text, *(ent(text, n, label) for n, label in names))
    assert not [e for e in evs if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("هاجم مسلحون حافلة للركاب شمال المدينة.", ()),  # (an armed group)
        ("هاجم كمال حسن قافلة تجارية قرب الحدود.", (("كمال حسن", "PER"),)),  # (a convoy)
        ("هاجم الوزير رئيس البلدية بسكين أمام مكتبه.", ()),  # (a weapon)
        ("هاجمت قوات الأمن المتظاهرين أمام البرلمان.", ()),  # (a force)
    ],
)
def test_an_attack_on_a_target_or_with_violence_stays_an_attack(
    text: str, names: tuple[tuple[str, str], ...]
) -> None:
    evs = events(text, *(ent(text, n, label) for n, label in names))
    assert [e.trigger.text for e in evs if e.type == "ASSAULT"] == [text.split(maxsplit=1)[0]]


def test_a_mens_plural_takes_no_feminine_noun_into_its_phrase() -> None:
    evs = events("هاجم مسلحون نقطة تفتيش للجيش في شمال سيناء.")
    attack = of(evs, "هاجم")
    assert texts(attack.actor) == ["مسلحون"]
    assert "مسلحون" not in " ".join(texts(attack.recipient))


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("قتل جنديان وأصيب ثالث في هجوم على نقطة عسكرية.", "جنديان"),
        ("قتل شرطيان في انفجار عبوة ناسفة.", "شرطيان"),
    ],
)
def test_the_dual_after_a_killing_verb_is_its_victim(text: str, victim: str) -> None:
    killing = of(events(text), "قتل")
    assert victim not in texts(killing.actor)
    assert texts(killing.recipient) == [victim]


@pytest.mark.parametrize(
    "text",
    [
        "زار وفد مخيما للنازحين في دارفور.",
        "وقعت اشتباكات بين الشرطة والمتظاهرين في المدينة.",
        "قدمت المنظمة المساعدات للاجئين في المخيم.",
    ],
)
def test_a_definite_plural_in_in_is_no_count_of_two(text: str) -> None:
    assert not [q for e in events(text) for q in e.quantities if q.value == 2]


def test_a_real_dual_still_counts_two() -> None:
    evs = events("قتل شخصان في قصف على القرية.")
    assert any(q.value == 2 and q.kind == "killed" for e in evs for q in e.quantities)
