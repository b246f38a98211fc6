"""Trigger choice: the head of the predicate (a killing verb beside an attack noun), verb forms
from the UniversalPetrarch verb dictionary, word shapes, and the strict trigger rate on the gold
standard's held-out articles."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabnews.events import extract_events
from arabnews.events.classifier import _SHAPES, word_shape
from arabnews.events.extractor import find_triggers
from arabnews.events.lexicon import _rows, norm_word, split_alternatives, top_alternatives, words
from arabnews.spans import Entity

ROOT = Path(__file__).resolve().parents[1]
GSR = ROOT.parent / "shared" / "data" / "events" / "gsr_dev"


def _assault_triggers(text: str, threshold: float | None = 0.0) -> list[str]:
    return [
        e.trigger.text
        for e in extract_events(text, entities=(), threshold=threshold)
        if e.type == "ASSAULT"
    ]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("قتل خمسة جنود في هجوم على قاعدة عسكرية شمال البلاد.", "قتل"),
        ("وقتل شرطيان أمس في تفجير سيارة مفخخة قرب السوق.", "قتل"),
        ("قتلوا ثلاثة مدنيين خلال الهجوم على القرية الحدودية.", "قتلوا"),
    ],
)
def test_killing_verb_beside_an_attack_noun_is_a_candidate(text: str, verb: str) -> None:
    """The coders of the gold standard mark the killing verb (the predicate's head): it is a
    candidate even when a strong attack noun is in the sentence."""
    assert verb in _assault_triggers(text)


def test_default_output_reports_the_killing_verb_with_the_attacks_mode() -> None:
    text = "قتل 15 شخصا وأصيب 30 آخرون في انفجار سيارة مفخخة في سوق المدينة أمس."
    evs = [e for e in extract_events(text, entities=()) if e.type == "ASSAULT"]
    verb = next(e for e in evs if e.trigger.text == "قتل")
    assert verb.mode == "explosives"  # the attack's mode, from مفخخة
    assert {(q.kind, q.value) for q in verb.quantities} == {("killed", 15), ("injured", 30)}


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(
        [
            "قتل 15 شخصا وأصيب 30 آخرون في انفجار سيارة مفخخة في سوق المدينة أمس.",
            "قتل خمسة أشخاص في هجوم شنه مسلحون على قرية في شمال البلاد.",
            "شن مسلحون هجوما على قرية أسفر عن مقتل خمسة أشخاص.",
            "وقتل شرطيان أمس في تفجير سيارة مفخخة قرب السوق.",
        ]
    ),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_one_attack_is_counted_once_at_every_threshold(text: str, threshold: float) -> None:
    """A killing verb and the attack word beside it are two mentions of one attack: when both
    stay, the verb ``refers_to`` the attack word, so counting events whose ``refers_to`` is None
    counts one attack and its casualties once; a mention never refers to a dropped one."""
    evs = [e for e in extract_events(text, entities=(), threshold=threshold) if e.type == "ASSAULT"]
    heads = [e for e in evs if e.refers_to is None]
    assert len(heads) <= 1
    assert len([q for e in heads for q in e.quantities if q.kind == "killed"]) <= 1
    triggers = {e.trigger for e in evs}
    assert all(e.refers_to in triggers for e in evs if e.refers_to is not None)


def test_the_reported_attack_keeps_its_actor() -> None:
    evs = [
        e
        for e in extract_events("شن مسلحون هجوما على قرية أسفر عن مقتل خمسة أشخاص.", entities=())
        if e.type == "ASSAULT"
    ]
    assert len([e for e in evs if e.refers_to is None]) == 1
    assert all([a.text for a in e.actor] == ["مسلحون"] for e in evs)


def test_weak_trigger_beside_a_strong_one_is_flagged() -> None:
    text = "قتل خمسة جنود في هجوم على قاعدة عسكرية."
    ws = words(text, 0, len(text))
    plain = find_triggers(ws)
    kept = find_triggers(ws, keep_weak=frozenset({"ASSAULT"}))
    assert [ws[t.first].text for t in plain] == ["هجوم"]  # the lexicon's old choice
    flagged = [ws[t.first].text for t in kept if t.beside_strong]
    assert flagged == ["قتل"]
    assert not any(t.beside_strong for t in kept if t.rule.strong)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("خطفوا صحفيين اثنين من فندقهما في وسط المدينة.", "خطفوا"),
        ("انفجرت عبوة ناسفة قرب دورية للشرطة صباح اليوم.", "انفجرت"),
        ("مسلحون يخطفون سائق شاحنة على الطريق الدولي.", "يخطفون"),
    ],
)
def test_verb_forms_from_the_verb_dictionary_are_triggers(text: str, trigger: str) -> None:
    assert trigger in _assault_triggers(text)


def test_a_derived_verbs_present_stem_needs_its_prefix() -> None:
    """A verb whose past starts with ا (أسقط، اعتقل، انسحب، استهدف) has a present stem that is
    another word without its prefix (سقط "fell", وقف "stood", ضربوا "they hit"): wherever a row
    lists the past, its present stem must carry ي/ت."""
    strip = re.compile(r"\(\?:[^()]*\)\??")
    for row in _rows("triggers.tsv"):
        for seq in split_alternatives(row["pattern"]):
            if len(seq) != 1:
                continue
            words_ = top_alternatives(seq[0])
            pasts = {strip.sub("", w) for w in words_}
            for alt in words_:
                m = re.fullmatch(r"(\(\?:[يتن|]+\))\?(.*)", alt)
                if m is None:
                    continue
                core = strip.sub("", m.group(2))
                assert not {"ا" + core, "ان" + core[1:], "است" + core[2:]} & pasts, alt


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("سقط النظام بعد أسابيع من الاحتجاجات في العاصمة.", "ASSAULT"),
        ("وقف الرئيس أمام الصحفيين في القصر صباح اليوم.", "SANCTION"),
        ("ضربوا موعدا للقاء في الأسبوع المقبل.", "PROTEST"),
    ],
)
def test_a_bare_present_stem_is_not_the_derived_verb(text: str, category: str) -> None:
    assert category not in {e.type for e in extract_events(text, entities=(), threshold=0.0)}


def test_a_charge_is_an_accusation() -> None:
    text = "ووجهت النيابة العامة إلى الصحفي تهمة نشر أخبار كاذبة."
    assert "ACCUSE" in {e.type for e in extract_events(text, entities=(), threshold=0.0)}


@pytest.mark.parametrize(("name", "example"), [(n, ex) for n, _t, ex in _SHAPES])
def test_each_shape_names_its_examples(name: str, example: str) -> None:
    for w in example.split("، "):
        assert word_shape(norm_word(w), "") == name, w


def test_shape_reads_past_the_proclitics() -> None:
    assert word_shape(norm_word("وقتل"), "و") == "bare"
    assert word_shape(norm_word("والهجوم"), "وال") == "definite"
    assert word_shape(norm_word("قتلوا"), "") == "perfect_suffixed"


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["الخاطفون", "قتيبة", "انفجار", "المختطفين"]), st.integers(0, 3))
def test_no_trigger_inside_an_entity(name: str, pos: int) -> None:
    """A word inside an entity span is never a trigger, whatever the entity's name."""
    head = ["قتل", "ثلاثة", "أشخاص", "في", "هجوم"]
    toks = [*head[:pos], name, *head[pos:]]
    text = " ".join(toks) + "."
    start = text.index(name)
    ent = Entity(start, start + len(name), name, "PER", name, "x")
    for e in extract_events(text, entities=[ent], threshold=0.0):
        assert e.trigger.end <= ent.start or e.trigger.start >= ent.end


def _held_out_assault() -> list[tuple[str, tuple[str, ...]]]:
    sys.path.insert(0, str(ROOT / "training" / "events"))
    try:
        import event_data
    finally:
        sys.path.pop(0)
    return [
        (r.text, r.verbs["ASSAULT"])
        for r in event_data.load(("gsr",))
        if r.holdout and r.sentence.get("ASSAULT") and r.verbs.get("ASSAULT")
    ]


@pytest.mark.skipif(not GSR.is_dir(), reason="needs ../shared/data/events/gsr_dev")
def test_held_out_strict_trigger_rate_beats_the_attack_noun_rule() -> None:
    """On the gold standard's held-out articles (never fitted nor selected on), the default
    output puts an ASSAULT trigger on the annotated verb of most true sentences; the old rule
    (a weak trigger only without a strong one) reached 0.23 there (training/events/runs.md)."""
    sys.path.insert(0, str(ROOT / "training" / "events"))
    try:
        import event_data
    finally:
        sys.path.pop(0)
    recs = _held_out_assault()
    assert len(recs) >= 15
    right = 0
    for text, verbs in recs:
        evs = [
            e
            for e in extract_events(text, entities=(), threshold=None)
            if e.type == "ASSAULT" and e.modality == "asserted"
        ]
        right += any(
            event_data.strict_word(text, e.trigger.start, e.trigger.end, verbs) for e in evs
        )
    assert right / len(recs) >= 0.45


def test_no_accusative_alif_after_a_preposition() -> None:
    # a noun after ب ك ل is genitive and takes no accusative alif: وبحثا is "and they
    # discussed" (بحث + dual alif), never و + ب + حثًّا ("urging")
    from arabnews.events.lexicon import match_first, trigger_rules

    def types(word: str) -> set[str]:
        return {trigger_rules()[i].category for i, _ in match_first(word)}

    assert types("وبحثا") == {"CONSULT"}
    assert "REQUEST" in types("حثا")  # the bare accusative stays a reading
    assert "REQUEST" in types("وبحثها")  # ب + حث + ها ("by urging her"): the pronoun's alif


def test_to_sign_is_no_incident_happening() -> None:
    from arabnews.events import extract_events

    text = "وقع الحادث بعد أيام من توقيع الاتفاقية."
    found = [e.trigger.text for e in extract_events(text, entities=(), threshold=0.0)]
    assert "وقع" not in found and "توقيع" in found


def test_a_definite_noun_takes_no_pronoun() -> None:
    # the article and an enclitic pronoun never go together: التهمتها is the verb "devoured
    # it", not ال + تهمة + ها; the definite noun alone and the noun with its pronoun stay
    from arabnews.events.lexicon import match_first, trigger_rules

    def types(word: str) -> set[str]:
        return {trigger_rules()[i].category for i, _ in match_first(word)}

    assert "ACCUSE" not in types("والتهمتها")
    assert "ACCUSE" in types("التهمة")
    assert "ACCUSE" in types("تهمتها")
    assert "ASSAULT" in types("للهجوم")
    assert "ASSAULT" not in types("للهجومها")


@pytest.mark.parametrize(
    ("text", "category", "found"),
    [
        # هاتف phoned; the phone (الهاتف، هاتفها الجديد، هاتف ذكي) is no call
        ("وهاتف بوتين أردوغان لبحث الأزمة.", "CONSULT", True),
        ("وأطلقت الشركة هاتفها الجديد في حفل أقيم في كاليفورنيا.", "CONSULT", False),
        ("وقال النائب في حوار عبر الهاتف إن الاختيار لم يكن صدفة.", "CONSULT", False),
        # وقع + a memorandum or a treaty: signed; وقع + an incident: happened
        ("ووقع الجانبان عددا من مذكرات التفاهم في مجال الطاقة.", "AGREE", True),
        ("وقع الحادث بعد أيام من توقيع الاتفاقية.", "AGREE", True),  # (توقيع)
        # a threat to a condition (security, stability, life) endangers: no THREATEN event
        ("وقال إن الاتفاقية تهدد أمن المنطقة واستقرارها.", "THREATEN", False),
        ("ورأى أن التصعيد يهدد حياة الأسرى.", "THREATEN", False),
        ("هددت إيران بإغلاق مضيق هرمز.", "THREATEN", True),
        # تهم after a relative pronoun is the verb "to concern", not "charges"
        ("ناقش المجلس المسائل التي تهم البلدان النامية.", "ACCUSE", False),
        ("وجهت النيابة تهما بالفساد إلى الوزير السابق.", "ACCUSE", True),
        # اتصالات without a partner, a call or a preposition after it is telecommunications
        ("أطلقت الشركة نظام اتصالات الجيل الخامس في المدن الكبرى.", "CONSULT", False),
        ("أجرى الرئيس اتصالا هاتفيا مع نظيره الفرنسي.", "CONSULT", True),
        # a preposition in a row's right context is a whole word: مع of معهم, not of المعرفية
        ("النماذج الجديدة تحدث ضجة في الدوائر المعرفية.", "CONSULT", False),
        ("وزار الأسرى وتحدث معهم طويلا.", "CONSULT", True),
        ("وزار الوزير المدينة وتحدث اليوم إلى الصحفيين.", "CONSULT", True),
        ("وألقت الشرطة القبض عليه في منزله.", "COERCE", True),
        # the noun a count counts is no verb: 4551 طالبا are students, not "the two demanded"
        ("وارتفع عدد الضحايا إلى 4551 طالبا.", "REQUEST", False),
        ("وقتل نحو ثلاثين طالبا في الهجوم.", "REQUEST", False),
        ("وتعرضت البلاد إلى 44 تفجيرا منذ مايو.", "ASSAULT", True),
        ("في 16 أغسطس 1513 غزا الملك فرنسا.", "ASSAULT", True),
        # two takes no counted noun: a dual verb after it is a verb ("two were killed")
        ("وقالت الشرطة إن اثنين قتلا في الموصل.", "ASSAULT", True),
        ("وقال: تحدث معي الكابتن حول طلب المساعدة.", "CONSULT", True),
    ],
)
def test_a_trigger_word_in_another_sense_is_no_candidate(
    text: str, category: str, found: bool
) -> None:
    got = [e.type for e in extract_events(text, entities=(), threshold=0)]
    assert (category in got) == found, got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("حاربت القوات الحكومية المتمردين في الشمال.", "ASSAULT"),
        ("قمعت قوات الأمن الاحتجاجات بالقوة.", "COERCE"),
        ("احتلت القوات المدينة بعد أسبوع من المعارك.", "COERCE"),
        ("نفذ الجيش انقلابا على الرئيس المنتخب.", "COERCE"),
    ],
)
def test_general_verbs_of_session_21_are_candidates(text: str, category: str) -> None:
    assert category in [e.type for e in extract_events(text, entities=(), threshold=0)]


def test_fighting_corruption_or_occupying_a_rank_is_no_event() -> None:
    got = [e.type for e in extract_events("تعهد الوزير بمحاربة الفساد.", entities=(), threshold=0)]
    assert "ASSAULT" not in got
    got = [e.type for e in extract_events("احتل الفريق المركز الثاني.", entities=(), threshold=0)]
    assert "COERCE" not in got


@pytest.mark.parametrize(
    ("text", "coup"),
    [
        ("نفذ الجيش انقلابا عسكريا على الرئيس المنتخب.", True),
        ("فشل الانقلاب على الحكومة في الصيف.", True),
        # the row's not_next column: another sense of the word (an overturning, the solstice)
        ("غرق عشرون مهاجرا بعد انقلاب قاربهم قبالة السواحل.", False),
        ("أصيب خمسة أشخاص في انقلاب حافلة على الطريق.", False),
        ("يحل الانقلاب الشتوي بعد أسبوع.", False),
    ],
)
def test_a_rows_not_next_word_leaves_the_other_sense_out(text: str, coup: bool) -> None:
    ws = words(text)
    assert any(t.rule.category == "COERCE" for t in find_triggers(ws)) is coup


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        ("استهدف القصف منزلا في المدينة.", True),
        # aims at (a goal, an audience, money): within the next three words
        ("تستهدف الحكومة خفض عجز الموازنة العام المقبل.", False),
        ("تستهدف وزارة الاقتصاد جذب استثمارات جديدة.", False),
        ("ستواصل واشنطن استهداف شبكات التمويل.", False),
        # a verbal attack on the media or a decision, however long the subject between
        ("هاجم الرئيس الأمريكي دونالد ترامب وسائل الإعلام في خطاب.", False),
        ("هاجمت طائرات مسيرة منطقة صناعية.", True),
    ],
)
def test_target_as_an_aim_is_no_attack(text: str, attack: bool) -> None:
    ws = words(text)
    assert any(t.rule.category == "ASSAULT" for t in find_triggers(ws)) is attack


def test_an_accusative_attack_noun_is_no_back_reference() -> None:
    # هجوما is indefinite (tanwin): the nationality after it is its adjective, not a genitive
    # that would make the noun refer back to a known attack
    text = "وقال الجيش إنه صد 45 هجوما روسيا خلال يوم واحد."
    evs = extract_events(text, entities=(), threshold=0.0)
    assert [e.trigger.text for e in evs if e.type == "ASSAULT"] == ["هجوما"]


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        # the metaphor adjective belongs to the trigger noun itself: a trade war is no attack
        ("تخوض الحكومة حربا تجارية مع الصين.", False),
        ("أعلن الرئيس الحرب على الفساد.", False),
        # an adjective of the object is not the trigger's: a commercial ship was attacked
        ("قالت الجماعة إن قواتها استهدفت سفينة تجارية في البحر الأحمر.", True),
    ],
)
def test_a_metaphor_adjective_blocks_only_its_own_noun(text: str, attack: bool) -> None:
    evs = extract_events(text, entities=(), threshold=0.0)
    assert any(e.type == "ASSAULT" for e in evs) is attack


def test_a_disaster_alert_is_no_mobilisation() -> None:
    quake = "ضرب زلزال قوي جنوب البلاد، وأعلنت إدارة الكوارث حالة التأهب القصوى."
    assert not [
        e for e in extract_events(quake, entities=(), threshold=0.0) if e.type == "MOBILIZE"
    ]
    army = "أعلن الجيش حالة التأهب القصوى على الحدود."
    assert [e for e in extract_events(army, entities=(), threshold=0.0) if e.type == "MOBILIZE"]


def test_a_source_asking_not_to_be_named_makes_no_request() -> None:
    text = "وقال مصدر دبلوماسي، طالبا عدم الكشف عن اسمه، إن المحادثات متعثرة."
    assert not [e for e in extract_events(text, entities=(), threshold=0.0) if e.type == "REQUEST"]
    # the cue must follow the trigger: a name mentioned before an appeal does not block it
    text = "وقرأ الرهينة رسالة ذكر فيها اسمه ودعا فيها إلى مساعدته."
    assert [e for e in extract_events(text, entities=(), threshold=0.0) if e.type == "REQUEST"]


def test_the_passive_of_assassinate_is_a_trigger() -> None:
    text = "اغتيل الرئيس في عرض عسكري."
    assert [e.trigger.text for e in extract_events(text, entities=(), threshold=0.0)] == ["اغتيل"]


def test_a_verb_takes_no_article() -> None:
    # آليتهم (their vehicle) read as ال + يتهم (accuses)
    text = "انفجرت عبوة ناسفة استهدفت آليتهم قرب المدينة."
    assert not [e for e in extract_events(text, entities=(), threshold=0.0) if e.type == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "trigger", "category"),
    [
        # what a verb takes after it stands before it as the head of its relative clause
        (
            "وتضرر الاقتصاد من العقوبات الاقتصادية التي فرضتها الولايات المتحدة على إيران.",
            "فرضتها",
            "SANCTION",
        ),
        (
            "ولم تتمكن الدفاعات من اعتراض الصواريخ التي أطلقتها الفصائل على المدينة.",
            "أطلقتها",
            "ASSAULT",
        ),
        ("ووصلت القوات التي أرسلتها الحكومة إلى الحدود الشمالية.", "أرسلتها", "MOBILIZE"),
    ],
)
def test_a_relative_clause_head_gives_the_right_context(
    text: str, trigger: str, category: str
) -> None:
    ws = words(text)
    found = [(t.rule.category, ws[t.first].text) for t in find_triggers(ws, keep_blocked=True)]
    assert (category, trigger) in found


@pytest.mark.parametrize(
    "text",
    [
        "فرضتها الظروف على الجميع منذ سنوات طويلة.",  # no head, no object: no sanction
        "وجاء اللون الأبيض الذي احتل المرتبة الأولى في الاستطلاع.",  # a rank, not a seizure
        "وقرأ الرسائل التي أرسلتها العائلة إلى الصحيفة.",  # letters are no troops
    ],
)
def test_a_relative_clause_needs_a_head_that_the_row_asks_for(text: str) -> None:
    found = {t.rule.category for t in find_triggers(words(text), keep_blocked=True)}
    assert not found & {"SANCTION", "COERCE", "MOBILIZE", "AID"}
