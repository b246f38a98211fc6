"""Event roles from clause structure: actor and recipient given the trigger word.

The sentences here are written for the tests (not taken from any corpus). The labelled set
``benchmarks/data/roles_dev.jsonl`` (written for the project, CC0) is scored against a trivial
baseline (nearest candidate before the verb); ``roles_test.jsonl`` is kept for the benchmark.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabnews.events import extract_events
from arabnews.events.arguments import Roles, assign_roles, candidates
from arabnews.events.extractor import find_triggers
from arabnews.events.lexicon import (
    light_verbs,
    norm_word,
    stem_candidates,
    trigger_rules,
    words,
)
from arabnews.spans import Entity, Mention

DEV = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "roles_dev.jsonl"


def _roles_at(text: str, trigger: str, entities: tuple[Entity, ...] = ()) -> Roles:
    """Roles of the word *trigger*: its lexicon rule, else the ASSAULT verb frame (detection is
    not what these tests are about)."""
    ws = words(text)
    t = next(i for i, w in enumerate(ws) if w.text == trigger)
    cands = candidates(text, ws, entities)
    tr = next((x for x in find_triggers(ws) if x.first <= t <= x.last), None)
    if tr is not None:
        return assign_roles(ws, tr.first, tr.last, prefix=tr.prefix, rule=tr.rule, cands=cands)
    rule = next(
        r
        for r in trigger_rules()
        if r.category == "ASSAULT" and r.actor == "subj" and "obj" in r.recipient
    )
    prefix = next((p for s, p in reversed(stem_candidates(ws[t].norm)) if len(s) >= 3), "")
    return assign_roles(ws, t, t, prefix=prefix, rule=rule, cands=cands)


def roles(
    text: str, trigger: str, entities: tuple[Entity, ...] = ()
) -> tuple[list[str], list[str]]:
    r = _roles_at(text, trigger, entities)
    return [m.text for m in r.actor], [m.text for m in r.recipient]


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "recipient"),
    [
        # VSO with an unnamed actor phrase
        ("اختطف مسلحون ملثمون عاملين في شركة نفط.", "اختطف", "مسلحون ملثمون", "عاملين"),
        # a group word that agrees with the group before it is its adjective, not the object
        ("اغتال مسلحون مجهولون مدير المكتب.", "اغتال", "مسلحون مجهولون", "مدير المكتب"),
        ("قتل المسلحون المجهولون الحارس.", "قتل", "المسلحون المجهولون", "الحارس"),
        # a sound plural in another case is the object (مسلحون | موظفين), not an adjective
        ("اختطف مسلحون مجهولون موظفين في منظمة إغاثة.", "اختطف", "مسلحون مجهولون", "موظفين"),
        # SVO after a complementizer
        ("قال شهود إن القوات الحكومية قصفت الحي.", "قصفت", "القوات الحكومية", "الحي"),
        # a relative verb carries out the attack noun
        ("قتل شرطي في هجوم شنه مسلحون على الحاجز.", "هجوم", "مسلحون", None),
        # the agent of a passive verb
        ("اعتقل المحامي من قبل عناصر المخابرات.", "اعتقل", "عناصر المخابرات", "المحامي"),
        # the victim of a killing noun is the recipient, not the actor
        ("أسفر الانفجار عن مقتل ثلاثة عمال.", "مقتل", None, "عمال"),
    ],
)
def test_roles_from_clause_structure(
    text: str, trigger: str, actor: str | None, recipient: str | None
) -> None:
    got_actor, got_recipient = roles(text, trigger)
    if actor is None:
        assert got_actor == []
    else:
        assert got_actor[:1] == [actor]
    if recipient is not None:
        assert recipient in got_recipient


def _ents(text: str, *names: tuple[str, str]) -> tuple[Entity, ...]:
    out = []
    for name, label in names:
        s = text.index(name)
        out.append(Entity(s, s + len(name), name, label, name))
    return tuple(out)


@pytest.mark.parametrize("both", ["", "كل من "])
def test_coordinated_subjects_after_the_verb_are_all_actors(both: str) -> None:
    """VSO with two subjects, with or without كل من ("both"): both are actors and the
    object after them is the recipient, not the second subject."""
    text = f"واتهمت {both}مصر وقطر إسرائيل بعرقلة المفاوضات."
    ents = _ents(text, ("مصر", "LOC"), ("قطر", "LOC"), ("إسرائيل", "LOC"))
    actor, recipient = roles(text, "واتهمت", ents)
    assert actor == ["مصر", "قطر"]
    assert recipient == ["إسرائيل"]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # a phrase whose head names who acts is reported
        ("أدانت الحكومة الهجوم على السفارة.", "أدانت", ["الحكومة"]),
        ("قال مصدر إن المتظاهرين أغلقوا الطريق.", "أغلقوا", ["المتظاهرين"]),
        # a phrase headed by a common word of another kind is not: a wrong fact, not an actor
        ("قال مصدر إن الخطاب أدان الهجوم على السفارة.", "أدان", []),
        ("قامت قائمة المحتجزين بإطلاق النار على الجنود.", "بإطلاق", []),
        # a nationality adjective in the phrase stands for its state
        ("أطلقت دبابة إسرائيلية قذيفة على المنزل.", "أطلقت", ["دبابة إسرائيلية"]),
    ],
)
def test_an_actor_phrase_must_name_who_acts(text: str, trigger: str, actor: list[str]) -> None:
    got = _roles_at(text, trigger)
    if actor:
        assert got.actor and got.actor[0].text.startswith(actor[0])
    else:
        assert got.actor == ()
        assert got.guessed  # still proposed to the event model, not reported


@pytest.mark.parametrize(
    ("text", "trigger", "names"),
    [
        # the nearest name before the trigger (a place, here) is no actor of the truce
        ("في شمال غزة مددت الحكومة المهلة للسكان.", "المهلة", [("غزة", "LOC")]),
    ],
)
def test_a_guessed_actor_is_not_reported(
    text: str, trigger: str, names: list[tuple[str, str]]
) -> None:
    """Where no clause names the actor, the rules' guess (the nearest name, an earlier
    verb's subject) goes to the event model (Roles.guessed), not to the event."""
    got = _roles_at(text, trigger, _ents(text, *names))
    assert got.actor == ()
    assert got.guessed


@pytest.mark.parametrize(
    ("text", "trigger"),
    [("رفض الضباط الثلاثة تنفيذ الأوامر.", "رفض"), ("وافق مجلس النواب على تعديل القانون.", "وافق")],
)
def test_what_is_refused_or_agreed_is_no_recipient(text: str, trigger: str) -> None:
    """A party's event is directed at someone: a phrase naming what is refused or agreed
    (a verbal noun) is no recipient (still counted by the event model)."""
    got = _roles_at(text, trigger)
    assert got.recipient == ()
    assert got.guessed_recipient


def test_a_party_recipient_is_kept() -> None:
    got = _roles_at("طالب المتظاهرون الحكومة بالاستقالة.", "طالب")
    assert [m.text for m in got.recipient][:1] == ["الحكومة"]


def test_a_title_heads_the_force_it_is_in_construct_with() -> None:
    """وزير الدفاع الأوكراني is one actor (not وزير + a force الدفاع الأوكراني as object)."""
    text = "وشكر وزير الدفاع الأوكراني الولايات المتحدة على الدعم."
    ents = _ents(text, ("الولايات المتحدة", "LOC"))
    cands = candidates(text, words(text), ents)
    assert [c.mention.text for c in cands][:1] == ["وزير الدفاع الأوكراني"]
    actor, recipient = roles(text, "وشكر", ents)
    assert actor == ["وزير الدفاع الأوكراني"] and recipient == ["الولايات المتحدة"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # an event noun is the event, not who does it, whatever adjective it has
        ("أدان البيان القصف الإسرائيلي على المدينة.", "أدان"),
        # a weapon after an agent marker's ب is the means of the attack, not its agent
        ("قصفت المدفعية مواقع المسلحين بقذائف الهاون.", "قصفت"),
    ],
)
def test_events_and_weapons_are_not_actors(text: str, trigger: str) -> None:
    actor, _ = roles(text, trigger)
    assert not any(a.startswith(("القصف", "قذائف")) for a in actor)


def test_a_weapon_that_is_the_subject_of_its_verb_is_kept() -> None:
    """انفجرت عبوة ناسفة: the device is the grammatical subject (the project's own labels)."""
    actor, _ = roles("انفجرت عبوة ناسفة بسيارة مدنية على الطريق.", "انفجرت")
    assert actor[:1] == ["عبوة ناسفة"]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # a verb carrying on, stepping up or setting out to do the verbal noun
        ("يقوم الجيش بتصفية خلايا المسلحين.", "بتصفية", "الجيش"),
        ("واصلت الطائرات الحربية قصف الأحياء الشرقية.", "قصف", "الطائرات الحربية"),
        ("قرر الوزير في اجتماع الحكومة الاستقالة من منصبه.", "الاستقالة", "الوزير"),
        ("أعلن مصدر أن الحكومة تخطط للانسحاب من الاتفاق.", "للانسحاب", "الحكومة"),
        # the subject of the clause verb goes to the visit it is in (في زيارة)
        ("وصل الوزير إلى العاصمة في زيارة تستمر يومين.", "زيارة", "الوزير"),
    ],
)
def test_the_subject_of_a_light_or_control_verb_does_its_noun(
    text: str, trigger: str, actor: str
) -> None:
    got, _ = roles(text, trigger)
    assert got[:1] == [actor]


def test_the_parties_after_bayn_are_a_truces_actors() -> None:
    text = "قال الوسطاء إن الهدنة المؤقتة بين إسرائيل وحركة حماس ستمدد."
    ents = _ents(text, ("إسرائيل", "LOC"), ("حركة حماس", "ORG"))
    actor, _ = roles(text, "الهدنة", ents)
    assert actor == ["إسرائيل", "حركة حماس"]


def test_a_named_genitive_of_an_attack_noun_is_its_actor() -> None:
    """هجوم حماس: a named party in the genitive acts."""
    text = "قتل جنود في هجوم حماس على الموقع."
    actor, _ = roles(text, "هجوم", _ents(text, ("حماس", "ORG")))
    assert actor == ["حماس"]


@pytest.mark.parametrize(
    ("text", "trigger", "names"),
    [
        # VSO: a title in construct with a named genitive, then the person's name
        (
            "اقترحت رئيسة البرازيل ديلما روسيف تنظيم استفتاء عام.",
            "اقترحت",
            [("البرازيل", "LOC"), ("ديلما روسيف", "PER")],
        ),
        # SVO: the person's name, the title and its genitive before the verb
        (
            "قال مصدر إن سامي يوسف رئيس جامعة القاهرة انتقد القرار.",
            "انتقد",
            [("سامي يوسف", "PER"), ("جامعة القاهرة", "ORG")],
        ),
        # VSO: a definite title, its adjective, the ل-genitive, then the person's name
        (
            "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش الطرفين إلى ضبط النفس.",
            "ودعا",
            [("لأمم المتحدة", "ORG"), ("أنطونيو غوتيريش", "PER")],
        ),
    ],
)
def test_a_titled_person_is_the_actor_not_the_title_or_its_genitive(
    text: str, trigger: str, names: list[tuple[str, str]]
) -> None:
    person = next(n for n, label in names if label == "PER")
    actor, _ = roles(text, trigger, _ents(text, *names))
    assert actor[:1] == [person]


def test_recipients_past_counts_adjectives_and_appositions() -> None:
    # "more of" is a count before the noun
    _, recipient = roles("استهدف الجيش مزيدا من مواقع المسلحين.", "استهدف")
    assert recipient[:1] == ["مواقع"]
    # an indefinite nisba after a nominal trigger qualifies it: no recipient
    _, recipient = roles("بدأ الجيش اجتياح بري لقطاع غزة.", "اجتياح")
    assert "بري" not in recipient
    # a person's apposition between commas is not the object
    text = "طالب سامي يوسف، عضو مجلس الشعب سابقا، الدكتور عصام شرف بالاستقالة."
    ents = _ents(text, ("سامي يوسف", "PER"), ("مجلس الشعب", "ORG"), ("عصام شرف", "PER"))
    actor, recipient = roles(text, "طالب", ents)
    assert actor[:1] == ["سامي يوسف"] and recipient[:1] == ["عصام شرف"]


def test_who_seizes_is_the_genitive_before_ala() -> None:
    """سيطرة حماس على البلدات: the genitive seizes, على names what is seized (an arrest
    noun's genitive stays its victim)."""
    text = "أكدت المصادر سيطرة حماس على ثلاث بلدات."
    actor, _ = roles(text, "سيطرة", _ents(text, ("حماس", "ORG")))
    assert actor == ["حماس"]
    text = "أدانت المنظمة اعتقال الصحفي على الحدود."
    actor, recipient = roles(text, "اعتقال")
    assert recipient[:1] == ["الصحفي"] and actor != ["الصحفي"]


def test_a_relative_clause_with_a_resumptive_pronoun_has_its_subject_after() -> None:
    """التي انسحبت منها القوات: the antecedent (the area) is منها's, the forces withdrew."""
    text = "عادت السلطات إلى المناطق التي انسحبت منها القوات الإسرائيلية."
    actor, _ = roles(text, "انسحبت")
    assert actor[:1] == ["القوات الإسرائيلية"]


def test_fih_is_skipped_before_a_subject() -> None:
    """فيه / فيها begin with ف but hold no conjunction: skipped before a VSO subject."""
    from arabnews.events.arguments import _bare, _skip_right

    ws = words("شنت فيه روسيا هجوما")
    assert _skip_right(ws, 1) == 2
    assert _bare("فيه") == "فيه" and _bare("وقت") == "وقت"
    assert _bare("وقد") == "قد" and _bare("والجيش") == "الجيش"


def test_agentive_table_is_valid() -> None:
    from arabnews.events.lexicon import agentive_heads

    heads = agentive_heads()
    assert len(heads) > 300
    assert {"حكومة", "قوات", "رئيس", "متظاهرون"} <= heads
    assert not {"خطاب", "قائمة", "هجوم"} & heads


def test_light_verb_table_is_valid_and_its_examples_hold_their_verb() -> None:
    from arabnews._data import read_table
    from arabnews.events.arguments import _light_verb

    stems = {stem for stem, _ in light_verbs()}
    assert {"شن", "نفذ", "قام", "واصل", "قرر"} <= stems
    for row in read_table("arabnews.events", "light_verbs.tsv"):
        assert any(_light_verb(w) for w in words(row["example"])), row["example"]
    # a noun in ta marbuta is no such verb, whatever stem it starts with
    assert not any(_light_verb(w) for w in words("إرادة الشعب ومحاولة الحكومة"))


def test_counted_victims_before_a_killing_verb_are_not_the_actor() -> None:
    actor, recipient = roles("وقال مصدر إن خمسة أشخاص قتلوا في الانفجار.", "قتلوا")
    assert actor == []
    assert recipient == ["أشخاص"]


def test_named_entity_stands_for_its_phrase() -> None:
    text = "هاجم أنصار حزب الأمل مقر الصحيفة."
    s = text.index("حزب")
    ent = Entity(s, s + len("حزب الأمل"), "حزب الأمل", "ORG", "حزب الأمل", "amal")
    actor, _ = roles(text, "هاجم", (ent,))
    assert actor == ["حزب الأمل"]


def _right(pred: tuple[Mention, ...], gold: list[str]) -> bool:
    def stems(w: str) -> set[str]:
        return {s for s, _ in stem_candidates(norm_word(w)) if len(s) > 2}

    if not gold:
        return not pred
    if not pred:
        return False
    gold_stems = set().union(*(stems(w) for g in gold for w in g.split()))
    return any(stems(w) & gold_stems for w in pred[0].text.split())


def test_actor_accuracy_on_own_labels_beats_the_nearest_candidate_baseline() -> None:
    ok = base = n = 0
    for line in DEV.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row["text"]
        ws = words(text)
        t = next(i for i, w in enumerate(ws) if w.text == row["trigger"])
        cands = candidates(text, ws, ())
        r = _roles_at(text, row["trigger"])
        before = tuple(c.mention for c in cands if c.last < t)[-1:]
        n += 1
        ok += _right(r.actor, row["actor"])
        base += _right(before, row["actor"])
    assert n >= 25
    # measured 0.88 on this set (benchmarks/bench_roles.py); the baseline scores 0.25
    assert ok / n >= 0.7
    assert ok / n > base / n + 0.3


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="قتلمسحونالشرطةفي هجوم،.إن", max_size=120))
def test_role_mentions_slice_the_text(text: str) -> None:
    ws = words(text)
    cands = candidates(text, ws, ())
    for c in cands:
        assert text[c.mention.start : c.mention.end] == c.mention.text
    for tr in find_triggers(ws):
        r = assign_roles(ws, tr.first, tr.last, prefix=tr.prefix, rule=tr.rule, cands=cands)
        for m in (*r.actor, *r.recipient, *r.location):
            assert 0 <= m.start <= m.end <= len(text)


def test_victims_and_places_are_not_actors() -> None:
    # the dead man does not attack; the body is not the actor; a place after في is a location
    actor, _ = roles("وظل الشاب معتقلا لحين مقتله في السجن.", "مقتله")
    assert actor == []
    actor, recipient = roles("واحتجزت السلطات جثمانه منذ أسبوع.", "واحتجزت")
    assert actor == ["السلطات"] and recipient == ["جثمانه"]
    actor, _ = roles("وبدأت عملية عسكرية في نابلس فجر اليوم.", "عملية")
    assert "نابلس" not in actor


def test_plural_verb_takes_the_earlier_subject() -> None:
    # a verb before its subject is singular: أطلقوا has no following subject (النار is the object)
    text = "وقالت الشرطة إن مسلحين خطفوا رجل أعمال بعد أن أطلقوا النار على سيارته."
    actor, recipient = roles(text, "أطلقوا")
    assert actor == ["مسلحين"]
    assert "النار" in recipient


@pytest.mark.parametrize(
    ("text", "trigger", "recipient"),
    [
        ("أغلقت قوات الأمن مقر حركة النهضة واعتقلت رئيسها.", "واعتقلت", "رئيسها"),
        ("وحاصر الجيش مدينة غزة وقصف أحياءها.", "وقصف", "أحياءها"),
        ("ونفذت الشرطة حملة في الضفة الغربية واعتقلت عشرة.", "واعتقلت", None),
    ],
)
def test_the_noun_before_a_coordinated_verb_is_not_its_subject(
    text: str, trigger: str, recipient: str | None
) -> None:
    """The noun right before و + verb ends the clause before (the object or a genitive of the
    earlier verb), so it is not the subject of the coordinated verb; the noun after it is
    still its object."""
    actor, got = roles(text, trigger)
    before = text[: text.index(trigger)].rsplit(maxsplit=1)[-1]
    assert before not in actor
    if recipient is not None:
        assert got == [recipient]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # who rejects a call, condemns an attack or demands a release does not do it
        ("ورفض حزب الله دعوات نزع سلاحه.", "دعوات", []),
        ("أدانت مصر الهجوم على القافلة.", "الهجوم", []),
        ("ورفضت الهند مساعدة عسكرية عرضتها دول أخرى.", "مساعدة", []),
        # who signs a truce or cuts a visit short does
        ("ووقعت بلغاريا هدنة منفصلة.", "هدنة", ["بلغاريا"]),
        ("وقطع لافروف زيارة إلى بكين.", "زيارة", ["لافروف"]),
    ],
)
def test_who_reacts_to_an_event_noun_is_not_its_actor(
    text: str, trigger: str, actor: list[str]
) -> None:
    labels = {"حزب الله": "ORG", "مصر": "LOC", "الهند": "LOC", "بلغاريا": "LOC", "لافروف": "PER"}
    entities = tuple(
        Entity(text.index(n), text.index(n) + len(n), n, label)
        for n, label in labels.items()
        if n in text
    )
    assert roles(text, trigger, entities)[0] == actor


def test_an_agentive_noun_in_construct_heads_the_group_word_after_it() -> None:
    """قوات الاحتلال is one phrase (the occupier's forces), not the forces acting on the occupier;
    a verb (طالب), a preposition (أمام) or a plural with its ن (صينيون) before a group word is no
    head of it."""
    actor, recipient = roles("اقتحمت قوات الاحتلال بلدة بيتا جنوب نابلس.", "اقتحمت")
    assert actor == ["قوات الاحتلال"] and "الاحتلال" not in recipient
    actor, _ = roles("وطالب المتظاهرون بالإفراج عن المعتقلين.", "وطالب")
    assert actor == ["المتظاهرون"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وأطلق مستوطنون النار على مزارعين فلسطينيين.", ["مستوطنون"]),
        ("وأطلق مسلحون النار على الحافلة.", ["مسلحون"]),
    ],
)
def test_a_sound_plural_with_its_nun_takes_no_genitive(text: str, actor: list[str]) -> None:
    assert roles(text, "وأطلق")[0] == actor


def test_a_broken_plural_in_mafa3il_is_in_construct() -> None:
    from arabnews.events.arguments import phrase_candidate

    text = "تغيرت موازين القوى في المنطقة."
    c = phrase_candidate(text, words(text), 1)
    assert c is not None and c.mention.text == "موازين القوى"


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("استهدفت مدينة أربيل بصواريخ عدة.", "استهدفت", "أربيل"),
        ("قتل خمسة في قصف استهدف مخيم جباليا للاجئين.", "استهدف", "جباليا"),
        ("أصيب ثلاثة خلال اقتحام مخيم جنين.", "اقتحام", "جنين"),
    ],
)
def test_a_place_named_with_its_classifier_is_no_actor(text: str, trigger: str, place: str) -> None:
    """مدينة أربيل، مخيم جنين (the classifier nouns of ``arabnews.ner.edges`` included): where,
    or what is hit, never who acts."""
    start = text.index(place)
    ent = Entity(start, start + len(place), place, "LOC")
    actor, _ = roles(text, trigger, (ent,))
    assert place not in actor


def test_a_noun_written_in_the_accusative_is_no_subject() -> None:
    """صاروخاً (with the ending اً) after a verb is its object, whatever comes before."""
    actor, _ = roles("وقالت مصادر إن طائرة تابعة للجيش أطلقت فجر أمس صاروخاً على مجموعة.", "أطلقت")
    assert "صاروخاً" not in actor


def test_speaker_of_a_demand_is_its_actor() -> None:
    text = 'وانتقد الزعيم المعارض الحكومة قبل أن يدعو إلى "رحيل الوزير".'
    actor, recipient = roles(text, "وانتقد")
    assert actor == ["الزعيم المعارض"] and recipient == ["الحكومة"]
    actor, _ = roles(text, "يدعو")
    assert actor == ["الزعيم المعارض"]


def _event_roles(text: str, trigger: str) -> tuple[list[str], list[str]] | None:
    from arabnews.events import extract_events

    for ev in extract_events(text, entities=(), threshold=0.0):
        if ev.trigger.text in trigger or trigger in ev.trigger.text:
            return [m.text for m in ev.actor], [m.text for m in ev.recipient]
    return None


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "recipient"),
    [
        # masculine verb, masculine subject in the sentence before; a feminine phrase after
        # the verb cannot be its subject, so it is the object
        ("انتشر الجيش على مداخل المدينة. وقصف محطة الوقود.", "قصف", "الجيش", "محطة"),
        # feminine verb, plural in ات before (non-human plurals agree in the feminine)
        ("تقدمت الدبابات نحو التلال. ودمرت عدة منازل.", "دمرت", "الدبابات", None),
        # plural verb, sound masculine plural before
        ("تجمع المحتجون أمام الوزارة. ثم اقتحموا مبناها.", "اقتحموا", "المحتجون", None),
    ],
)
def test_dropped_subject_is_carried_from_the_previous_sentence(
    text: str, trigger: str, actor: str, recipient: str | None
) -> None:
    got = _event_roles(text, trigger)
    assert got is not None
    assert got[0] and actor in got[0][0]
    if recipient is not None:
        assert got[1] and recipient in got[1][0]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # feminine subject before, masculine verb: the subject is not carried
        ("وصلت اللجنة إلى المدينة. وقصف مخازن الوقود.", "قصف"),
        # masculine singular subject before, plural verb
        ("وصل الوزير إلى المدينة. ثم اقتحموا مبنى البلدية.", "اقتحموا"),
    ],
)
def test_dropped_subject_needs_agreement(text: str, trigger: str) -> None:
    got = _event_roles(text, trigger)
    prev = text.split()[1]
    assert got is None or not any(prev in a for a in got[0])


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # the subject is named in its own clause: nothing is carried over
        ("انتشر الجيش في المدينة. وقصف المتمردون مواقعه.", "قصف", "المتمردون"),
        # an agreeing phrase right after the verb may be its subject: it stays
        ("وصل الوفد إلى المدينة. وانتقد أعضاء اللجنة الخطة الجديدة.", "انتقد", "أعضاء"),
    ],
)
def test_a_subject_of_its_own_is_kept(text: str, trigger: str, actor: str) -> None:
    got = _event_roles(text, trigger)
    assert got is not None and got[0] and actor in got[0][0]


@pytest.mark.parametrize(
    ("text", "trigger", "targets"),
    [
        ('وخطب رئيس النقابة قبل أن يدعو إلى "ضرورة رحيل المدير ونائبه".', "يدعو", ["المدير"]),
        ("وطالب المحتجون في هتافاتهم بإقالة محافظ المدينة.", "وطالب", ["محافظ المدينة"]),
    ],
)
def test_the_people_a_demand_is_about_are_its_recipients(
    text: str, trigger: str, targets: list[str]
) -> None:
    _, recipient = roles(text, trigger)
    assert recipient[: len(targets)] == targets
    assert not any(w in r for r in recipient for w in ("ضرورة", "رحيل", "إقالة"))


def test_demand_after_an_opening_verb_in_alef_maqsura_takes_its_subject() -> None:
    # أبدى / ألقى open the main clause: the speaker of the later demand is their subject
    text = 'أبدى رئيس الاتحاد غضبا شديدا قبل أن يدعو إلى "رحيل المدرب".'
    actor, recipient = roles(text, "يدعو")
    assert actor == ["رئيس الاتحاد"] and recipient == ["المدرب"]


def test_an_agreeing_adjective_after_a_plural_trigger_is_no_participant() -> None:
    # a plural of things takes a feminine singular adjective: اعتقالات كبيرة is "large-scale
    # arrests", not "arrests of كبيرة"
    text = "قامت السلطات بحملة تفتيش واسعة واعتقالات كبيرة في البلدة."
    evs = [e for e in extract_events(text, entities=(), threshold=0) if e.type == "COERCE"]
    assert evs and all(not e.recipient for e in evs), [(e.trigger.text, e.recipient) for e in evs]


def test_a_word_that_begins_with_fa_or_waw_keeps_its_first_letter() -> None:
    # فصائل and فرقة begin with ف: the Arabic Wikipedia word list reads them as words of their
    # own, not the conjunction + صائل / رقة; والفصائل still loses its و
    for text in (
        "اندلعت اشتباكات بين فصائل مسلحة في المدينة.",
        "واندلعت اشتباكات بين الجيش والفصائل المسلحة في المدينة.",
    ):
        evs = [e for e in extract_events(text, entities=(), threshold=0) if e.type == "ASSAULT"]
        names = [m.text for e in evs for m in e.actor]
        assert any(n.startswith(("فصائل", "الفصائل")) for n in names), names


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # what is launched is no recipient; the place it is launched at is, named, not "مدينة"
        ("أطلقت الجماعة صاروخا على مدينة حيفا.", "حيفا"),
        ("أطلق مسلحون قذائف على بلدة كفرنبل.", "كفرنبل"),
    ],
)
def test_a_launch_is_directed_at_the_place_after_ala(text: str, target: str) -> None:
    place = text.index(target)
    ents = (Entity(place, place + len(target), target, "LOC"),)
    evs = [e for e in extract_events(text, entities=ents, threshold=0) if e.type == "ASSAULT"]
    assert evs and [m.text for m in evs[0].recipient] == [target]


def test_a_place_named_by_a_classifier_after_a_clitic_preposition_is_no_actor() -> None:
    # لمخيم جباليا: the ل governs the classifier, so the camp is no subject
    text = "قصف لمخيم جباليا صباح اليوم."
    place = text.index("جباليا")
    ents = (Entity(place, place + 6, "جباليا", "LOC"),)
    evs = [e for e in extract_events(text, entities=ents, threshold=0) if e.type == "ASSAULT"]
    assert evs and not any(m.text == "جباليا" for e in evs for m in e.actor)


def test_a_fronted_place_is_where_a_clash_happens_not_a_side() -> None:
    text = "وفي ليبيا، اندلعت اشتباكات عنيفة بين فصائل مسلحة."
    place = text.index("ليبيا")
    ents = (Entity(place, place + 5, "ليبيا", "LOC"),)
    evs = [e for e in extract_events(text, entities=ents, threshold=0) if e.type == "ASSAULT"]
    assert evs and [m.text for m in evs[0].actor] == ["فصائل مسلحة"]


def test_the_object_of_a_meeting_follows_a_long_titled_subject() -> None:
    text = (
        "والتقى الأمين العام لاتحاد المصارف العربية سامي خوري"
        " رئيس الوزراء الأردني نادر فهمي في عمان."
    )
    ents = _ents(text, ("سامي خوري", "PER"), ("نادر فهمي", "PER"), ("عمان", "LOC"))
    evs = [e for e in extract_events(text, entities=ents, threshold=0) if e.type == "CONSULT"]
    assert evs
    named = [m.text for m in (*evs[0].actor, *evs[0].recipient)]
    assert named == ["سامي خوري", "نادر فهمي"]


def test_a_definite_demanded_noun_takes_no_genitive() -> None:
    """بالإفراج الفوري: the word after a definite verbal noun is its adjective, no party."""
    text = "وطالبت المنظمة بالإفراج الفوري عنهما."
    (e,) = [x for x in extract_events(text, entities=(), threshold=0.0) if x.type == "REQUEST"]
    assert not any("الفوري" in r.text for r in e.recipient)


@pytest.mark.parametrize(
    "text",
    [
        "دعت المنظمة إلى إطلاق سراح آلاف المعتقلين السياسيين.",
        "ويشمل الاتفاق إطلاق سراح آلاف المعتقلين السياسيين.",
    ],
)
def test_who_follows_a_release_is_released_not_its_actor(text: str) -> None:
    (e,) = [x for x in extract_events(text, entities=(), threshold=0.0) if x.type == "RETREAT"]
    assert not any("المعتقلين" in a.text for a in e.actor)
    if text.startswith("دعت"):
        assert any("المعتقلين" in r.text for r in e.recipient)


def test_a_purpose_takes_the_subject_of_its_clause_not_an_earlier_sentences_actor() -> None:
    text = (
        "وطالبت المنظمة بالإفراج عنهما.\n\n"
        "تظاهر آلاف الطلاب في العاصمة للمطالبة بتحسين ظروف الدراسة."
    )
    evs = [x for x in extract_events(text, entities=(), threshold=0.0) if x.type == "REQUEST"]
    purpose = [e for e in evs if "مطالبة" in e.trigger.text]
    assert purpose and all("المنظمة" not in a.text for e in purpose for a in e.actor)
    assert any("الطلاب" in a.text for e in purpose for a in e.actor)


def test_sponsors_are_no_parties_and_both_coordinated_subjects_are() -> None:
    text = (
        "توصلت الحكومة اليمنية وجماعة الحوثي إلى اتفاق لتبادل الأسرى برعاية الأمم المتحدة "
        "واللجنة الدولية للصليب الأحمر، بعد مفاوضات استمرت أسبوعين."
    )
    ents = _ents(
        text,
        ("الحوثي", "ORG"),
        ("الأمم المتحدة", "ORG"),
        ("اللجنة الدولية للصليب الأحمر", "ORG"),
    )
    evs = extract_events(text, entities=ents, threshold=0.0)
    agree = [e for e in evs if e.type == "AGREE"]
    assert agree and {"الحكومة اليمنية", "الحوثي"} <= {a.text for a in agree[0].actor}
    assert not any("اللجنة" in a.text or "الأمم" in a.text for e in evs for a in e.actor)


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("قتل شرطي وأصيب ثلاثة آخرون في هجوم مسلح.", "شرطي"),
        ("فيما اعتقل آخرون في منازلهم.", "آخرون"),
    ],
)
def test_a_killing_verb_before_a_person_noun_and_no_object_is_passive(
    text: str, victim: str
) -> None:
    e = extract_events(text, entities=(), threshold=0.0)[0]
    assert victim not in {a.text for a in e.actor}
    assert victim in {r.text for r in e.recipient}


def test_an_active_killing_verb_keeps_its_subject() -> None:
    (e,) = [
        x
        for x in extract_events("قتل مسلحون ثلاثة جنود في هجوم.", entities=(), threshold=0.0)
        if x.trigger.text == "قتل"
    ]
    assert [a.text for a in e.actor] == ["مسلحون"]


def test_a_circumstantial_participle_takes_the_clause_subject_and_its_object() -> None:
    text = "انتقد الوزير الحكومة، متهما رئيسها بالفشل."
    (e,) = [
        x for x in extract_events(text, entities=(), threshold=0.0) if x.trigger.text == "متهما"
    ]
    assert [a.text for a in e.actor] == ["الوزير"]
    assert [r.text for r in e.recipient] == ["رئيسها"]


def test_accused_before_its_charge_is_an_adjective_not_an_accusation() -> None:
    evs = extract_events("اعتقلت الشرطة رجلا متهما بالسرقة.", entities=(), threshold=0.0)
    assert not [e for e in evs if e.type == "ACCUSE"]


def test_who_announces_an_arrest_made_it_but_not_a_death() -> None:
    (e,) = extract_events("أعلنت الشرطة اعتقال خمسة أشخاص.", entities=(), threshold=0.0)
    assert [a.text for a in e.actor] == ["الشرطة"]
    (d,) = [
        x
        for x in extract_events("أعلن الجيش مقتل جنديين في هجوم.", entities=(), threshold=0.0)
        if x.trigger.text == "مقتل"
    ]
    assert not d.actor


def test_a_coordinated_plural_verb_shares_the_subject_of_its_chain() -> None:
    text = "قطع المتظاهرون الطرقات وعرقلوا المواصلات وهاجموا الشرطة بالحجارة."
    evs = [e for e in extract_events(text, entities=(), threshold=0.0) if e.type == "ASSAULT"]
    assert evs and [a.text for a in evs[0].actor] == ["المتظاهرون"]


def test_an_oblique_plural_after_a_verb_is_its_object_not_a_subject() -> None:
    text = (
        "اقتحمت القوات مخيم جنين فجر الثلاثاء، واعتقلت عشرة فلسطينيين، قبل أن تنسحب مساء "
        "اليوم نفسه."
    )
    evs = extract_events(text, entities=(), threshold=0.0)
    assert not any("فلسطينيين" in a.text for e in evs for a in e.actor)


def test_a_verb_right_after_an_event_noun_describes_it() -> None:
    text = "بعد أسبوعين من هجوم استهدف قاعدة أمريكية في الأردن."
    (e,) = [
        x for x in extract_events(text, entities=(), threshold=0.0) if x.trigger.text == "استهدف"
    ]
    assert not e.actor
    assert [r.text for r in e.recipient] == ["قاعدة أمريكية"]


def test_a_titles_genitive_before_a_name_gives_way_to_the_person() -> None:
    """مع أمير قطر الشيخ تميم بن حمد: the party of the call is the emir named after his title's
    genitive, not the country."""
    text = "وبحث الرئيس الفرنسي خلال اتصال هاتفي مع أمير قطر الشيخ تميم بن حمد الأوضاع في غزة."
    ents = _ents(text, ("قطر", "LOC"), ("تميم بن حمد", "PER"), ("غزة", "LOC"))
    actor, _ = roles(text, "اتصال", ents)
    assert "قطر" not in actor and "تميم بن حمد" in actor


@pytest.mark.parametrize(
    "text",
    [
        "وأدانت وزارة الخارجية بأشد العبارات الهجوم على المدنيين.",
        "استنكرت الجامعة العربية بشدة القصف على المدرسة.",
    ],
)
def test_a_manner_adverbial_is_no_participant(text: str) -> None:
    # بأشد العبارات، بشدة: how the condemnation was made, not whom it is against
    evs = [e for e in extract_events(text, entities=(), threshold=0.0) if e.type == "ACCUSE"]
    assert evs and not any("شد" in r.text for e in evs for r in (*e.actor, *e.recipient))


def test_what_a_call_asks_for_is_not_its_recipient() -> None:
    # دعا إلى الوحدة الوطنية: إلى introduces the act asked for; whom it asks is the object
    text = "وألقى نجله كلمة دعا فيها إلى الوحدة الوطنية."
    (e,) = [x for x in extract_events(text, entities=(), threshold=0.0) if x.type == "REQUEST"]
    assert not e.recipient
    _, recipient = roles("دعا الوزير الحكومة إلى الاستقالة.", "دعا")
    assert recipient[:1] == ["الحكومة"]
    # طالب ... بـ: the ب-object is the demand, not who is asked
    _, recipient = roles("طالب المتظاهرون بانتخابات مبكرة.", "طالب")
    assert recipient == []


def test_the_genitive_of_another_event_noun_is_no_party_of_the_next() -> None:
    # مقتل ضابط خلال الاشتباكات: the officer is the killing's victim, not a side of the clashes
    actor, _ = roles("أعلنت الشرطة مقتل ضابط خلال الاشتباكات مع عصابة مسلحة.", "الاشتباكات")
    assert "ضابط" not in actor


def test_a_noun_after_min_is_no_subject_without_a_count_before_it() -> None:
    # من is a partitive only after a count (ثلاثة من المتهمين); انسحبت من سيناء, طلب من بريطانيا
    text = "ثم انسحبت من سيناء بموجب معاهدة السلام."
    actor, _ = roles(text, "انسحبت", _ents(text, ("سيناء", "LOC")))
    assert actor == []
    text = "وطلب من بريطانيا عدم الإقدام على الخطوة."
    actor, recipient = roles(text, "وطلب", _ents(text, ("بريطانيا", "LOC")))
    assert actor == [] and recipient == ["بريطانيا"]


def test_a_preposition_of_time_with_a_pronoun_is_no_participant() -> None:
    text = "انطلقت مسيرة كبيرة، وقتل خلالها أكثر من 200 شخص برصاص القوات."
    (e,) = [x for x in extract_events(text, entities=(), threshold=0.0) if x.trigger.text == "قتل"]
    assert [r.text for r in e.recipient] == ["شخص"]


def test_a_sponsor_is_no_party_of_the_agreement() -> None:
    # برعاية الرئيس الأمريكي جيمي كارتر: under the auspices of; not a party, not a recipient
    text = "وقع الرئيسان اتفاقية السلام برعاية الرئيس الأمريكي جيمي كارتر."
    actor, recipient = roles(text, "اتفاقية", _ents(text, ("جيمي كارتر", "PER")))
    assert "جيمي كارتر" not in actor + recipient


@pytest.mark.parametrize("victim", ["شاب", "رجل"])
def test_a_person_noun_after_a_killing_verb_with_no_object_is_its_victim(victim: str) -> None:
    text = f"قتل {victim} وأصيب آخر في مشاجرة في أحد الأحياء."
    actor, recipient = roles(text, "قتل")
    assert actor == [] and recipient == [victim]


def test_the_genitive_of_a_visit_is_the_visitor() -> None:
    text = "وصل الوفد عقب زيارة أمير الكويت إلى الرياض."
    actor, recipient = roles(text, "زيارة", _ents(text, ("الكويت", "LOC"), ("الرياض", "LOC")))
    assert actor and "أمير" in actor[0] and recipient == ["الرياض"]


def test_a_verbal_noun_after_tamma_is_passive() -> None:
    # تم تدمير العديد من المساكن: what was destroyed, not who destroyed
    actor, recipient = roles("حيث تم تدمير العديد من المساكن في القرية.", "تدمير")
    assert actor == [] and recipient == ["المساكن"]


@pytest.mark.parametrize("release", ["إطلاق سراح", "إخلاء سبيل"])
def test_who_follows_a_release_is_released_whoever_releases(release: str) -> None:
    text = f"قررت المحكمة {release} الناشط بعد عفو رئاسي."
    (e,) = [x for x in extract_events(text, entities=(), threshold=0.0) if x.type == "RETREAT"]
    assert [r.text for r in e.recipient] == ["الناشط"]


def test_the_host_of_talks_is_no_party() -> None:
    # الدوحة تستضيف المفاوضات بين إسرائيل وحماس: the subject of another verb before the noun
    text = "أعلنت الخارجية أن الدوحة تستضيف جولة من المفاوضات بين إسرائيل وحماس."
    ents = _ents(text, ("الدوحة", "LOC"), ("إسرائيل", "LOC"), ("حماس", "ORG"))
    actor, _ = roles(text, "المفاوضات", ents)
    assert "الدوحة" not in actor and {"إسرائيل", "حماس"} <= set(actor)


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("وهو مقترح من الرئيس الأميركي.", "مقترح", "الرئيس الأميركي"),
        ("وصلت مساعدات من الإمارات إلى السودان.", "مساعدات", "الإمارات"),
    ],
)
def test_min_after_a_noun_of_a_source_category_names_the_source(
    text: str, trigger: str, source: str
) -> None:
    actor, _ = roles(text, trigger, _ents(text, (source, "LOC")))
    assert actor == [source]


def test_who_says_he_plans_a_call_is_a_party() -> None:
    # قال إنه يخطط لإجراء مكالمة مع بوتين: the speech verb's pronoun is its own subject
    text = "وكان ترامب قال إنه يخطط لإجراء مكالمة هاتفية اليوم مع بوتين."
    actor, _ = roles(text, "مكالمة", _ents(text, ("ترامب", "PER"), ("بوتين", "PER")))
    assert {"ترامب", "بوتين"} <= set(actor)


def test_a_participle_trigger_is_a_noun_not_the_verb_of_the_subject_before() -> None:
    # رفض البرلمان مقترحا: the rejected proposal is no proposal of the parliament's
    text = "رفض البرلمان الأوروبي مقترحا قدمته كتلة اليمين المتطرف لتعليق الاتفاقية."
    actor, _ = roles(text, "مقترحا", _ents(text, ("البرلمان الأوروبي", "ORG")))
    assert "البرلمان الأوروبي" not in actor


@pytest.mark.parametrize(
    ("text", "accused", "label"),
    [
        (
            "اعتقلت الشرطة التركية رئيس البلدية أكرم إمام أوغلو بتهم تتعلق بالفساد.",
            "أكرم إمام أوغلو",
            "PER",
        ),
        ("اعتقلت الشرطة ثلاثة شبان بتهمة التحريض على العنف.", "شبان", None),
    ],
)
def test_the_name_before_on_a_charge_of_is_the_accused(
    text: str, accused: str, label: str | None
) -> None:
    ents = _ents(text, (accused, label)) if label else ()
    trigger = next(w.text for w in words(text) if w.text.startswith("بته"))
    actor, recipient = roles(text, trigger, ents)
    assert actor == [] and recipient == [accused]


def test_a_charge_after_a_place_or_a_trial_names_no_accused() -> None:
    text = "فرضت الوزارة عقوبات على ثلاث شركات مقرها الإمارات بتهمة تسهيل شحنات نفط."
    actor, recipient = roles(text, "بتهمة", _ents(text, ("الإمارات", "LOC")))
    assert actor == [] and recipient == []
    text = "مثل المتهم أمام المحكمة لمحاكمته بتهمة الاغتيال."
    assert roles(text, "بتهمة") == ([], [])


def test_the_weapon_of_an_agent_marker_is_no_agent() -> None:
    # بصواريخ باليستية: what kind of missile, not whose (the tagger may call it a place)
    text = "نفى المتحدث أن تكون طهران قد زودت روسيا بصواريخ باليستية."
    ents = _ents(text, ("طهران", "LOC"), ("روسيا", "LOC"))
    s = text.index("اليستية")
    ents += (Entity(s, s + len("اليستية"), "اليستية", "LOC", "اليستية"),)
    actor, recipient = roles(text, "زودت", ents)
    assert actor == ["طهران"] and recipient == ["روسيا"]


def test_who_calls_for_an_act_past_ila_does_not_do_it() -> None:
    text = "دعت منظمة العفو الدولية إلى الإفراج الفوري عن الناشط."
    actor, _ = roles(text, "الإفراج", _ents(text, ("العفو الدولية", "ORG")))
    assert "العفو الدولية" not in actor


def test_an_indefinite_nouns_relative_clause_names_the_object_before_the_verb() -> None:
    # 4 صحفيين تحتجزهم جماعة الحوثي: no الذي after an indefinite noun; the verb's pronoun is
    # the noun, the subject follows the verb
    text = "طالبت النقابة بالإفراج عن 4 صحفيين تحتجزهم جماعة الحوثي منذ عام."
    actor, recipient = roles(text, "تحتجزهم", _ents(text, ("الحوثي", "ORG")))
    assert actor == ["الحوثي"] and recipient == ["صحفيين"]


def test_the_fire_set_is_no_recipient_of_arson() -> None:
    text = "أضرم مجهولون النار في مقر حزب معارض."
    actor, recipient = roles(text, "أضرم")
    assert actor == ["مجهولون"] and recipient == ["مقر"]


def test_a_facility_noun_before_a_place_names_it() -> None:
    text = "انسحبت القوات الأمريكية من قاعدة عين الأسد."
    _, recipient = roles(text, "انسحبت", _ents(text, ("عين الأسد", "LOC")))
    assert recipient == ["عين الأسد"]  # (not the bare noun قاعدة)


def test_a_title_heads_its_chain_of_constructs() -> None:
    # رئيس مجلس النواب اللبناني نبيه بري: one participant, the subject of التقى
    text = "التقى رئيس مجلس النواب اللبناني نبيه بري اليوم المبعوث الأمريكي توم باراك."
    ents = _ents(text, ("نبيه بري", "PER"), ("توم باراك", "PER"))
    actor, recipient = roles(text, "التقى", ents)
    assert "نبيه بري" in actor and "رئيس" not in actor + recipient


def test_a_dateline_place_is_no_participant() -> None:
    text = "بيروت - التقى نبيه بري المبعوث الأمريكي توم باراك."
    ents = _ents(text, ("بيروت", "LOC"), ("نبيه بري", "PER"), ("توم باراك", "PER"))
    actor, recipient = roles(text, "التقى", ents)
    assert "بيروت" not in actor + recipient and "نبيه بري" in actor


def test_the_lam_completing_a_title_is_no_object_of_a_killing() -> None:
    # اغتيال نائب رئيس المكتب السياسي لحركة حماس: the deputy was killed, not by the movement
    text = "أدان الحزب اغتيال نائب رئيس المكتب السياسي لحركة حماس."
    actor, recipient = roles(text, "اغتيال", _ents(text, ("حماس", "ORG")))
    assert actor == [] and recipient and recipient[0].startswith("نائب")


def test_a_subject_title_merged_into_its_genitive_names_the_person_after_it() -> None:
    text = "دعا زعيم التيار الصدري مقتدى الصدر أنصاره إلى التظاهر."
    ents = _ents(text, ("التيار الصدري", "ORG"), ("مقتدى الصدر", "PER"))
    actor, recipient = roles(text, "دعا", ents)
    assert actor == ["مقتدى الصدر"] and recipient == ["أنصاره"]


def test_the_object_of_a_meeting_is_not_the_subject_of_the_next_verb() -> None:
    text = "التقى وزير الخارجية فؤاد حسين نظيره الإيراني، وأعلن حسين توقيع مذكرة."
    ents = _ents(text, ("فؤاد حسين", "PER"))
    s = text.rindex("حسين")
    ents += (Entity(s, s + 4, "حسين", "PER", "حسين"),)
    actor, recipient = roles(text, "التقى", ents)
    assert actor == ["فؤاد حسين"] and recipient == ["نظيره الإيراني"]


def test_control_is_no_object_of_retaking() -> None:
    text = "استعاد الجيش السيطرة على المصفاة من المسلحين."
    actor, recipient = roles(text, "استعاد")
    assert actor == ["الجيش"] and "السيطرة" not in recipient


def test_who_answers_criticism_did_not_criticise() -> None:
    text = "ورد الرئيس التركي رجب طيب أردوغان على الانتقادات الأوروبية."
    actor, _ = roles(text, "الانتقادات", _ents(text, ("رجب طيب أردوغان", "PER")))
    assert actor == []


def test_an_attack_noun_with_its_adjectives_is_the_subject_of_the_verb_after_them() -> None:
    # غارات إسرائيلية عنيفة تستهدف الضاحية: the raids target, no adjective acts
    text = "مصادر: غارات إسرائيلية عنيفة تستهدف الضاحية الجنوبية لبيروت"
    actor, recipient = roles(text, "تستهدف")
    assert actor == [] and recipient == ["الضاحية الجنوبية"]


def test_a_nominative_plural_takes_no_oblique_construct_as_its_adjective() -> None:
    # مسلحون مجهولون | عاملي إغاثة: the gunmen, then whom they abducted
    text = "اختطف مسلحون مجهولون عاملي إغاثة أجنبيين في دارفور."
    actor, recipient = roles(text, "اختطف")
    assert actor == ["مسلحون مجهولون"] and recipient and recipient[0].startswith("عاملي")


def test_the_genitive_of_a_penalty_noun_is_the_sentenced() -> None:
    text = "قضت محكمة تونسية بسجن رئيس الحركة راشد الغنوشي ثلاث سنوات."
    actor, recipient = roles(text, "قضت", _ents(text, ("راشد الغنوشي", "PER")))
    assert actor == ["محكمة تونسية"] and recipient == ["راشد الغنوشي"]


def test_a_title_chain_ends_at_a_name() -> None:
    text = "استقالت رئيسة وزراء تايلاند بعد قرار المحكمة."
    actor, _ = roles(text, "استقالت", _ents(text, ("تايلاند", "LOC")))
    assert actor == ["رئيسة وزراء"]


def test_the_mediators_calling_for_talks_are_no_party_to_them() -> None:
    text = "دعت مصر وقطر والولايات المتحدة طرفي النزاع إلى العودة إلى طاولة المفاوضات."
    ents = _ents(text, ("مصر", "LOC"), ("قطر", "LOC"), ("الولايات المتحدة", "LOC"))
    actor, _ = roles(text, "المفاوضات", ents)
    assert actor == []


def test_the_clause_subject_is_no_party_to_a_cause() -> None:
    text = "قضت المحكمة الدستورية بعزلها من منصبها بسبب مكالمة هاتفية مسربة."
    actor, _ = roles(text, "مكالمة", _ents(text, ("المحكمة الدستورية", "ORG")))
    assert actor == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a passive participle: the noun before it undergoes it
        ("والأهل شيري ويردن الذين محجوزين منذ 53 يوما", "محجوزين"),
        # an accusative participle after a phrase, no verb before: a circumstantial clause
        ("أظهر الاتحاد تفهمه للمساعي السلمية للشعب المصري مطالبا النظام بالإصلاح", "مطالبا"),
    ],
)
def test_a_participle_read_as_a_noun_only_where_it_is_one(text: str, trigger: str) -> None:
    actor, _ = roles(text, trigger)
    assert actor in ([], ["الاتحاد"])  # (not a word of the phrase before)


def test_ajra_is_a_light_verb_and_a_light_verb_after_a_noun_needs_a_link_back() -> None:
    text = "أجرت القوات البحرية المصرية مناورات مشتركة في البحر الأحمر."
    actor, _ = roles(text, "مناورات", _ents(text, ("القوات البحرية المصرية", "ORG")))
    assert actor == ["القوات البحرية المصرية"]
    # (وأجرى ... after the noun, with no pronoun back to it: another clause's verb)
    text = "اهتم القضاء بموضوع اعتقال الحسيني، وأجرى إنابة قضائية للاستماع إليه."
    actor, _ = roles(text, "اعتقال", _ents(text, ("الحسيني", "PER")))
    assert actor == []


@pytest.mark.parametrize(
    ("text", "actor", "released"),
    [
        ("أطلقت حماس سراح أربع مجندات إسرائيليات.", ["حماس"], ["مجندات"]),
        (
            "أطلقت السلطات الإيرانية سراح الصحفية الإيطالية.",
            ["السلطات الإيرانية"],
            ["الصحفية الإيطالية"],
        ),
    ],
)
def test_the_releaser_may_stand_between_the_verb_and_sarah(
    text: str, actor: list[str], released: list[str]
) -> None:
    (e,) = [x for x in extract_events(text, entities=(), threshold=0.0) if x.type == "RETREAT"]
    assert [a.text for a in e.actor] == actor and [r.text for r in e.recipient] == released


def test_who_undergoes_an_event_noun_after_tarrada_is_its_recipient() -> None:
    text = "ويتعرض مستشفى ناصر الطبي للقصف المتواصل منذ أيام."
    actor, recipient = roles(text, "للقصف", _ents(text, ("مستشفى ناصر الطبي", "LOC")))
    assert actor == [] and recipient == ["مستشفى ناصر الطبي"]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # the adjective of a phrase after a preposition is not the event noun's
        ("وهددت موسكو بالانسحاب من المعاهدة الأمريكية الروسية.", "بالانسحاب", None),
        ("وتواصلت الهجمات على المواقع الإسرائيلية قرب الحدود.", "الهجمات", None),
        # the event noun's own adjective (after another adjective of its own) still acts
        ("وأدى القصف المدفعي الروسي إلى مقتل خمسة مدنيين.", "القصف", "روسيا"),
    ],
)
def test_a_nationality_adjective_acts_only_in_its_event_nouns_phrase(
    text: str, trigger: str, actor: str | None
) -> None:
    roles = _roles_at(text, trigger)
    names = [m.canonical or m.text for m in roles.actor]
    if actor is None:
        assert not any(n in ("الولايات المتحدة", "روسيا", "إسرائيل") for n in names), names
        assert not any(m.text in ("الأمريكية", "الروسية", "الإسرائيلية") for m in roles.actor)
    else:
        assert actor in names


def test_who_welcomes_an_agreement_through_a_title_is_no_party_to_it() -> None:
    text = "رحب الأمين العام للأمم المتحدة أنطونيو غوتيريش بالاتفاق بين أرمينيا وأذربيجان."
    start = text.index("أنطونيو")
    ents = (
        Entity(start, start + 15, "أنطونيو غوتيريش", "PER"),
        Entity(text.index("أرمينيا"), text.index("أرمينيا") + 7, "أرمينيا", "LOC"),
        Entity(text.index("أذربيجان"), text.index("أذربيجان") + 8, "أذربيجان", "LOC"),
    )
    roles = _roles_at(text, "بالاتفاق", ents)
    assert [m.text for m in roles.actor] == ["أرمينيا", "أذربيجان"]


def test_a_partys_noun_after_an_attack_noun_is_its_actor() -> None:
    roles = _roles_at("وجاءت الضربات ردا على هجمات الجماعة على السفن التجارية.", "هجمات")
    assert [m.text for m in roles.actor] == ["الجماعة"]
    assert [m.text.split()[0] for m in roles.recipient] == ["السفن"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("ودعا الطرفين إلى تنفيذ الاتفاق بحسن نية.", "ودعا"),  # (nominative: الطرفان)
        ("واتهم الزعيمين بتقويض الهدنة.", "واتهم"),
        ("وانتقد الدولتين لموقفهما من الحرب.", "وانتقد"),
    ],
)
def test_a_dual_in_the_oblique_after_a_verb_is_not_its_subject(text: str, trigger: str) -> None:
    roles = _roles_at(text, trigger)
    object_ = text.split()[1]
    assert object_ not in [m.text for m in roles.actor]


def test_a_state_named_with_its_state_noun_is_the_state() -> None:
    text = "اتهمت الحكومة دولة الإمارات بتزويد المسلحين بالأسلحة."
    start = text.index("الإمارات")
    roles = _roles_at(text, "اتهمت", (Entity(start, start + 8, "الإمارات", "LOC"),))
    assert [m.text for m in roles.recipient] == ["الإمارات"]


def test_a_condition_is_a_clause_of_its_own() -> None:
    text = (
        "هدد الوزير إيتمار بن غفير بالانسحاب من الحكومة إذا تم التوصل إلى اتفاق لوقف إطلاق النار."
    )
    start = text.index("إيتمار")
    person = Entity(start, start + 14, "إيتمار بن غفير", "PER")
    assert _roles_at(text, "بالانسحاب", (person,)).actor  # (his own threat's withdrawal)
    assert not _roles_at(text, "اتفاق", (person,)).actor
