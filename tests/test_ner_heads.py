"""Facility and event names announced by a head noun, and numbered product names
(``arabnews.ner.heads``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _entities import assert_rule_output, texts_with_entities
from arabnews.ner.heads import (
    head_names,
    name_heads,
    numbered_names,
    outlets,
    quoted_heads,
    quoted_names,
    quoted_outlets,
    relayed_outlets,
    speaker_names,
)
from arabnews.spans import Entity


def ent(text: str, part: str, label: str) -> Entity:
    start = text.index(part)
    return Entity(start, start + len(part), part, label)


def found(entities: tuple[Entity, ...]) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in entities]


def test_every_row_of_the_table_names_its_example() -> None:
    for rule in name_heads().values():
        text = f"وقال مصدر إن {rule.example} مهم"
        rest = rule.example[len(rule.word) :].strip()
        # the words after the head, as a tagger would tag them (a place)
        raw = [ent(text, rest, "LOC")]
        assert (rule.example, rule.label) in found(head_names(raw, text)), rule
        if rule.words and rest.startswith("ال"):  # untagged words after the head do as well
            assert found(head_names([], text)) in (
                [(rule.example, rule.label)],
                [(rest, rule.label)],
            )


def test_every_outlet_row_is_found_in_its_example() -> None:
    from arabnews.ner.base import data_rows, name_key

    rows = list(data_rows("outlets.tsv", "name", "kind", "example"))
    assert len(rows) == len(outlets())
    for row in rows:
        got = found(quoted_outlets([], row["example"]))
        assert [(name_key(t), label) for t, label in got] == [(name_key(row["name"]), "ORG")], row


@pytest.mark.parametrize(
    ("text", "raw", "expected"),
    [
        # a place or a noun read by the tagger becomes the outlet, without its link
        ("وعلمت «الشرق الأوسط» أن", [("الشرق الأوسط", "LOC")], [("الشرق الأوسط", "ORG")]),
        ('وأوضح لـ"الرياض" أن المشروع', [("الرياض", "LOC")], [("الرياض", "ORG")]),
        ("ونقلت « الجزيرة » عن مصدر", [], [("الجزيرة", "ORG")]),  # untagged: added
        ("وقال لـ«الشرق الأوسط» إن", [("الشرق", "LOC")], [("الشرق الأوسط", "ORG")]),
        # not quoted alone, not quoted, not listed, or an entity crossing the quotes
        ("وصل إلى الرياض أمس", [("الرياض", "LOC")], [("الرياض", "LOC")]),
        ("وقال لـ«الشرق الأوسط الجديد»", [], []),
        ("رفعوا لافتة «الوطن» أمس", [], []),
        ("جاء «الرياض» وجدة", [("الرياض» وجدة", "LOC")], [("الرياض» وجدة", "LOC")]),
    ],
)
def test_a_listed_outlet_alone_in_quotes_is_an_organisation(
    text: str, raw: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    got = quoted_outlets([ent(text, part, label) for part, label in raw], text)
    assert found(got) == expected
    assert all(e.canonical is None and e.entity_id is None for e in got if e.label == "ORG")


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # a facility: the head and the tagged name, with its adjectives
        (
            "هبطت في مطار إسلام آباد الدولي أمس",
            [("إسلام آباد", "LOC")],
            [("مطار إسلام آباد الدولي", "LOC")],
        ),
        (
            "نقل إلى مستشفى سانت ماري في لندن",
            [("سانت ماري", "MISC"), ("لندن", "LOC")],
            [("مستشفى سانت ماري", "LOC"), ("لندن", "LOC")],
        ),
        ("نقل الجرحى إلى مجمع ناصر الطبي", [("ناصر الطبي", "PER")], [("مجمع ناصر الطبي", "LOC")]),
        # a glued preposition is left out
        ("وصل بمطار نيروبي", [("نيروبي", "LOC")], [("مطار نيروبي", "LOC")]),
        # a facility head needs a tagged name: words alone are not one
        ("زار مجمع اللغة العربية", [], []),
        ("أغلق المطار الدولي", [], []),
        # events: the head, the name (tagged or definite words), a "لل" phrase, a year
        (
            "شارك في كأس آسيا 2023 بقطر",
            [("آسيا", "LOC"), ("قطر", "LOC")],
            [("كأس آسيا 2023", "MISC"), ("قطر", "LOC")],
        ),
        ("فاز بكأس العالم للأندية", [], [("كأس العالم للأندية", "MISC")]),
        ("لاستضافة كأس العالم لألفين واثنين وعشرين", [], [("كأس العالم", "MISC")]),
        (
            "اختتم مهرجان برلين السينمائي فعالياته",
            [("برلين", "LOC")],
            [("مهرجان برلين السينمائي", "MISC")],
        ),
        # a tagger's "بطولة كأس" ending on the head gives way
        ("خلال بطولة كأس آسيا", [("بطولة كأس", "MISC"), ("آسيا", "LOC")], [("كأس آسيا", "MISC")]),
        # an award: its head stays before a person or place, goes before words of its own
        ("حصل على جائزة نوبل للسلام", [("نوبل", "PER")], [("جائزة نوبل للسلام", "MISC")]),
        ("توج بجائزة الكرة الذهبية لعام 2013", [], [("الكرة الذهبية", "MISC")]),
        ("حصل على جائزة الدولة", [], []),  # one word: no name of its own
        ("حصل على جائزة من منظمة", [], []),
        # an award named after an organisation is not this rule's to decide
        ("منحته جائزة الأمم المتحدة", [("الأمم المتحدة", "ORG")], [("الأمم المتحدة", "ORG")]),
    ],
)
def test_head_names(
    text: str, tagged: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    raw = [ent(text, part, label) for part, label in tagged]
    out = head_names(raw, text)
    assert found(out) == expected
    assert all(text[e.start : e.end] == e.text for e in out)


def test_an_entity_running_past_the_name_keeps_its_place() -> None:
    text = "في مطار نيروبي جومو كينياتا"
    raw = [ent(text, "نيروبي جومو كينياتا", "LOC")]
    assert found(head_names(raw, text)) == [("مطار نيروبي جومو كينياتا", "LOC")]
    text = "في مطار نيروبي الدولي كينيا"
    raw = [ent(text, "نيروبي", "LOC"), ent(text, "الدولي كينيا", "LOC")]
    assert head_names(raw, text) == tuple(raw)


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        ("تحطمت طائرة من طراز بوينغ 737 أمس", [("بوينغ", "MISC")], ["بوينغ 737"]),
        ("بعد إطلاق تحديث آي أو إس 17.4 .", [("آي أو إس", "MISC")], ["آي أو إس 17.4"]),
        ("عاد إلى لبنان 2006", [("لبنان", "LOC")], ["لبنان"]),  # a place keeps no number
        ("نسخة ويندوز 11.", [("ويندوز", "MISC")], ["ويندوز 11"]),
        ("فاز ويندوز 2000ميلادي", [("ويندوز", "MISC")], ["ويندوز"]),  # the number runs on
    ],
)
def test_numbered_names(text: str, tagged: list[tuple[str, str]], expected: list[str]) -> None:
    out = numbered_names([ent(text, part, label) for part, label in tagged], text)
    assert [e.text for e in out] == expected
    assert all(text[e.start : e.end] == e.text for e in out)


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # a work after its head noun (and an adjective), the quotes and the head left out
        (
            'فاز الفيلم الروماني " وضعية الطفل " بالجائزة',
            [("ضعية الطفل", "MISC")],
            [("وضعية الطفل", "MISC")],
        ),
        ("شاهد فيلم «آرغو» أمس", [], [("آرغو", "MISC")]),
        ("في مسلسل «باب الحارة»", [("الحارة", "LOC")], [("باب الحارة", "MISC")]),
        # a team: the quoted name is an organisation whatever the tagger said
        ('مع فريق "الاتحاد" السعودي', [("الاتحاد", "LOC")], [("الاتحاد", "ORG")]),
        ('وفريق " الوداد "', [], [("الوداد", "ORG")]),
        # no quotes right after the head, a statement, too many words: nothing
        ("شاهد فيلم آرغو أمس", [], []),
        ('قال الفيلم إن "هذا" جيد', [], []),
        ('فيلم "هذا الفيلم هو أجمل ما شاهدت في حياتي كلها"', [], []),
        ('فيلم "قال: نعم"', [], []),
        ("في الصحيفة «الأخبار»", [], []),  # not a head of this table
        # a head that is also an adjective of the head before it ("فريق النادي"): one name
        ("مع فريق النادي « الوداد » أمس", [], [("الوداد", "ORG")]),
        # a closing quote is no opening one: the head inside a quoted name opens nothing
        ('فريق "فيلم" فيلم "آرغو"', [], [("فيلم", "ORG"), ("آرغو", "MISC")]),
        # an entity crossing the quotes keeps its place
        (
            'فيلم "آرغو" بن أفليك',
            [('آرغو" بن أفليك', "PER")],
            [('آرغو" بن أفليك', "PER")],
        ),
    ],
)
def test_quoted_names(
    text: str, tagged: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    out = quoted_names([ent(text, part, label) for part, label in tagged], text)
    assert found(out) == expected
    assert all(text[e.start : e.end] == e.text for e in out)


def test_every_quoted_head_row_names_its_example() -> None:
    for word, label in quoted_heads().items():
        assert label in ("MISC", "ORG"), word
    from arabnews.ner.base import data_rows

    for row in data_rows("quoted_heads.tsv", "word", "label", "example"):
        text = f"وقال {row['example']} أمس"
        name = row["example"].split("«")[1].split("»")[0].strip()
        assert found(quoted_names([], text)) == [(name, row["label"])], row


WORDS = st.sampled_from(
    [
        "مطار",
        "بمطار",
        "كأس",
        "جائزة",
        "مهرجان",
        "العالم",
        "الدولي",
        "للأندية",
        "الذهبية",
        "2023",
        "17.4",
        "نيروبي",
        "و",
        "،",
        "«",
        "»",
        "في",
        "مستشفى",
        "الطبي",
        "ناصر",
        "فيلم",
        "فريق",
        "النادي",
        '"',
        "لـ«",
        "»",
        "وأضاف",
        "إنه",
        "كشمولة",
        "المصدر",
        "أن",
        "الجزيرة",
        "الرياض",
    ]
)


@settings(max_examples=300, deadline=None)
@given(texts_with_entities(WORDS))
def test_head_names_slice_the_text_and_keep_entities_disjoint(
    case: tuple[str, list[Entity]],
) -> None:
    text, raw = case
    out = quoted_outlets(relayed_outlets(quoted_names(raw, text), text), text)
    out = speaker_names(out, text)
    assert_rule_output(text, raw, numbered_names(head_names(out, text), text))


def _relabelled(text: str, name: str, label: str = "LOC") -> str:
    start = text.index(name)
    (ent,) = relayed_outlets([Entity(start, start + len(name), name, label)], text)
    assert (ent.start, ent.end, ent.text) == (start, start + len(name), name)
    return ent.label


def test_a_quoted_name_spoken_to_is_an_outlet() -> None:
    assert _relabelled("وأضاف المصدر لـ«الشرق الأوسط» أمس", "الشرق الأوسط") == "ORG"
    assert _relabelled('وقالت الوزيرة لـ "الاقتصادية" إن', "الاقتصادية", "MISC") == "ORG"
    assert _relabelled("مشيرا لـ « عكاظ » إلى", "عكاظ", "PER") == "ORG"
    # no speech verb in the clause, or the content has begun: not an outlet
    assert _relabelled("ينتميان لـ«الشرق الأوسط» أمس", "الشرق الأوسط") == "LOC"
    assert _relabelled("قالت الحركة إنها تسعى لـ«السودان» أمس", "السودان") == "LOC"
    assert _relabelled("قال. ذهبوا لـ«السودان» أمس", "السودان") == "LOC"
    assert _relabelled("وأضاف المصدر لـ«السودان الجديد»", "السودان") == "LOC"  # not all quoted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأضاف كشمولة أن الخطة جاهزة", ["كشمولة"]),
        ("وأكد المديفر على أن المؤتمر", ["المديفر"]),
        ("وقال كشمولة: «في نيتنا»", ["كشمولة"]),
        # a word of the Arabic Wikipedia word list, or one with a clitic, a dual or plural
        # ending or a pronoun off: no name
        ("وقال المصدر إن", []),
        ("وقال المصدران إن", []),
        ("وقال بالأمس إن", []),
        ("وأكد فضيلته أن", []),
        # no speech verb before, nothing said after, or tagged already
        ("وزار كشمولة بغداد", []),
        ("وأضاف كشمولة الكبير", []),
    ],
)
def test_speaker_names(text: str, expected: list[str]) -> None:
    assert [e.text for e in speaker_names([], text) if e.label == "PER"] == expected


def test_speaker_names_keep_tagged_entities() -> None:
    text = "وأضاف كشمولة أن"
    tagged = [Entity(6, 12, "كشمولة", "ORG")]
    assert speaker_names(tagged, text) == tuple(tagged)


def test_a_tagged_name_begun_by_a_kept_head_takes_its_label() -> None:
    text = "نقل الجرحى إلى مستشفى غزة الأوروبي أمس"
    start = text.index("مستشفى")
    ent = Entity(start, start + len("مستشفى غزة الأوروبي"), "مستشفى غزة الأوروبي", "ORG")
    assert [(e.text, e.label) for e in head_names([ent], text)] == [("مستشفى غزة الأوروبي", "LOC")]
    # a head that is part of the name only before a place or person decides nothing
    text = "فاز بجائزة الكرة الذهبية"
    start = text.index("جائزة")
    ent = Entity(start, len(text), text[start:], "ORG")
    assert head_names([ent], text) == (ent,)
