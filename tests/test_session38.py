"""Session 38: deaths in accidents, weather, fires, hospitals and vaccination campaigns are no
attack, arrest, seizure or meeting; what a party failed or did not reach is not done; a visit
restated by its noun after a planned visit is the planned one; threats as dangers are no
threat; the subject of أن يكون ... قد and the object a verb requires are roles as written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabnews
from _events import ent, events, of, texts
from arabnews.events.modality import modality_of


def _types(text: str, threshold: float | None = None) -> set[str]:
    return {e.type for e in arabnews.extract_events(text, entities=(), threshold=threshold)}


# ------------------------------------------------------------------ accidents and nature


@pytest.mark.parametrize(
    "text",
    [
        "قتل 14 شخصا في تدافع عند بوابة ملعب لكرة القدم في مدينة تعز.",
        "تحطمت طائرة تدريب عسكرية في منطقة صحراوية غرب مدينة الأقصر، ما أدى إلى مقتل قائدها.",
        "قتل سائق دراجة نارية وأصيب مرافقه بعد أن صدمتهما سيارة مسرعة على الطريق الدائري.",
        "غرقت عبارة تقل خمسين راكبا في النيل ما أسفر عن مقتل عشرين منهم.",
    ],
)
def test_deaths_in_a_stampede_crash_or_sinking_are_no_attack(text: str) -> None:
    assert "ASSAULT" not in _types(text, threshold=0.0)


def test_an_attack_word_beside_a_crash_is_still_an_attack() -> None:
    text = "قصفت الطائرات الحربية مواقع المسلحين ما أدى إلى تحطم عربات ومقتل عشرة منهم."
    assert of(events(text, threshold=None), "قصفت").type == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("احتجزت الثلوج عشرات السيارات على الطريق الجبلي.", "COERCE"),
        ("احتجزت العاصفة الثلجية مئات المسافرين في المطار.", "COERCE"),
        ("تمكنت قوات الحماية المدنية من السيطرة على الحريق بعد ساعات.", "COERCE"),
        ("سيطرت فرق الإطفاء على الحريق الذي اندلع في المصنع.", "COERCE"),
        ("تهدف الخطة إلى السيطرة على التضخم وخفض البطالة.", "COERCE"),
        ("استهدفت حملة التطعيم الوطنية نحو خمسة ملايين طفل في العراق.", "ASSAULT"),
        ("أطلقت الوزارة حملة تطعيم تستهدف مليون طفل.", "ASSAULT"),
        ("استقبل مستشفى البشير في عمان 25 مصابا.", "CONSULT"),
        ("استقبلت مستشفيات غزة عشرات المصابين.", "CONSULT"),
    ],
)
def test_weather_fire_campaigns_and_hospitals_are_no_event(text: str, category: str) -> None:
    assert category not in _types(text, threshold=0.0)


@pytest.mark.parametrize(
    ("text", "trigger", "category"),
    [
        ("سيطرت القوات الحكومية على مدينة تدمر بعد معارك عنيفة.", "سيطرت", "COERCE"),
        ("احتجزت الشرطة عشرات المشتبه بهم في المطار.", "احتجزت", "COERCE"),
        ("استهدفت غارة جوية معسكر تدريب للمسلحين.", "استهدفت", "ASSAULT"),
        ("استقبل الرئيس المصري نظيره الفرنسي في القاهرة.", "استقبل", "CONSULT"),
    ],
)
def test_the_same_words_in_their_own_sense_still_are(
    text: str, trigger: str, category: str
) -> None:
    assert of(events(text), trigger).type == category


# ------------------------------------------------------------------ modality


@pytest.mark.parametrize(
    "text",
    [
        "لم يتوصل قادة الأحزاب العراقية إلى اتفاق بشأن تسمية رئيس الوزراء الجديد.",
        "لم تتوصل إيران والوكالة الدولية للطاقة الذرية إلى اتفاق جديد.",
        "لم يتم التوصل إلى اتفاق بين الحكومة والنقابات.",
        "فشلت الأطراف في التوصل إلى اتفاق لوقف إطلاق النار.",
    ],
)
def test_an_agreement_not_reached_is_negated(text: str) -> None:
    deal = of(events(text), "اتفاق")
    assert deal.type == "AGREE" and deal.modality == "negated"


def test_an_agreement_reached_is_asserted_with_its_parties() -> None:
    deal = of(events("توصلت الحكومة والنقابات إلى اتفاق بعد مفاوضات طويلة."), "اتفاق")
    assert deal.modality == "asserted" and texts(deal.actor)[:1] == ["الحكومة"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("فشلت القوات في اعتقال أي من المطلوبين.", "اعتقال"),
        ("فشل الوسطاء في إقناع الطرفين بوقف القتال.", "إقناع"),
    ],
)
def test_what_a_party_failed_at_is_not_done(text: str, trigger: str) -> None:
    assert of(events(text), trigger).modality == "negated"


def test_a_failed_attempt_named_by_its_noun_is_not_negated_by_the_failure() -> None:
    # فشلت محاولة لاغتياله: the attempt was made; فشل reaches only what follows في
    ev = of(events("فشلت محاولة لاغتياله في العاصمة."), "لاغتياله")
    assert ev.modality != "negated"


def test_a_return_to_talks_that_is_called_for_is_not_held() -> None:
    text = "دعت الأمم المتحدة الطرفين إلى العودة إلى طاولة المفاوضات."
    assert of(events(text), "المفاوضات").modality == "hypothetical"


def test_a_verb_after_an_refused_is_negated() -> None:
    text = "تشكل التحالف بعد أن رفضت العراق أن تسحب قواتها من الكويت."
    withdrawal = of(events(text), "تسحب")
    assert withdrawal.type == "RETREAT" and withdrawal.modality == "negated"


def test_reaching_is_only_read_through_a_single_clause() -> None:
    from arabnews.events.lexicon import words

    ws = words("لم يتوصلوا، وقال الوسيط إن الطرفين وقعا إلى اتفاق")
    assert modality_of(ws, len(ws) - 1)[0] == "asserted"


def test_a_visit_restated_by_its_noun_is_the_planned_visit() -> None:
    text = (
        "من المقرر أن يزور الرئيس الفرنسي إيمانويل ماكرون المغرب نهاية الشهر الجاري "
        "في زيارة دولة تستغرق ثلاثة أيام."
    )
    assert not [e for e in events(text) if e.trigger.text == "زيارة"]
    done = "زار الرئيس الفرنسي المغرب الأسبوع الماضي في زيارة رسمية."
    assert [e.trigger.text for e in events(done) if e.type == "CONSULT"] == ["زار"]


def test_a_visit_after_a_comma_and_another_verb_is_its_own() -> None:
    # (غزا بغداد، وساعد في غزو دمشق: past punctuation and a verb, another event of the word)
    text = "زار الوزير بغداد، وشارك في زيارة ثانية إلى أربيل."
    assert {"زار", "زيارة"} <= {e.trigger.text for e in events(text)}


@pytest.mark.parametrize(
    "text",
    [
        "أكد الوزير عزم بلاده على القضاء على التهديدات الإرهابية.",
        "بحث الجانبان سبل مواجهة التهديدات الأمنية في المنطقة.",
        "أكدت المملكة التصدي للتهديدات التي تواجه المنطقة.",
    ],
)
def test_threats_as_dangers_are_no_threat(text: str) -> None:
    assert "THREATEN" not in _types(text, threshold=0.0)


def test_a_threat_made_is_still_one() -> None:
    assert of(events("هدد الرئيس بفرض عقوبات على الشركات المخالفة."), "هدد").type == "THREATEN"


# ------------------------------------------------------------------ roles


def test_the_subject_between_yakun_and_qad_is_the_actor() -> None:
    text = "نفى المتحدث باسم الوزارة أن يكون وزير الخارجية قد التقى مسؤولين إسرائيليين."
    meeting = of(events(text), "التقى")
    assert meeting.modality == "denied"
    assert texts(meeting.actor) == ["وزير الخارجية"]
    assert texts(meeting.recipient) == ["مسؤولين إسرائيليين"]


def test_the_troops_withdrawn_are_no_actor() -> None:
    text = "قال إن إسرائيل لن توافق على سحب قواتها في المرحلة الأولى."
    withdrawal = of(events(text), "سحب")
    assert withdrawal.type == "RETREAT" and "قواتها" not in texts(withdrawal.actor)
    plain = "سحبت فرنسا قواتها من النيجر."
    named = of(events(plain, ent(plain, "فرنسا"), ent(plain, "النيجر")), "سحبت")
    assert texts(named.actor) == ["فرنسا"]


def test_a_phrase_ends_at_an_indefinite_word_after_a_definite_genitive() -> None:
    text = "قاطعت كتلة المعارضة جلسة البرلمان."
    boycott = of(events(text), "قاطعت")
    assert boycott.type == "PROTEST" and texts(boycott.actor) == ["كتلة المعارضة"]


def test_recalled_ambassadors_in_the_dual() -> None:
    text = "استدعت تشيلي وكولومبيا سفيريهما لدى إسرائيل للتشاور."
    assert of(events(text), "استدعت").type == "SANCTION"


def test_an_adverb_is_no_person() -> None:
    doc = arabnews.analyze("نفت الحكومة أن يكون الوزير قد التقى السفير الأمريكي سرا.")
    assert "سرا" not in [e.text for e in doc.entities]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["لم", "لن"]), st.sampled_from(["يتوصل", "تتوصل", "نتوصل"]))
def test_any_negated_reaching_negates_the_agreement(neg: str, verb: str) -> None:
    text = f"{neg} {verb} الطرفان إلى اتفاق."
    deal = [e for e in events(text) if e.type == "AGREE"]
    assert deal and all(e.modality == "negated" for e in deal)


# ------------------------------------------------------------------ second round: markets, courts


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ('سيطرت شركة "طلبات" على أكثر من نصف سوق توصيل الطعام في الإمارات.', "COERCE"),
        ("سيطر الذهب على اهتمام المستثمرين خلال الأسبوع.", "COERCE"),
        ('استولت شركة "نتفليكس" على الحصة الأكبر من سوق البث.', "COERCE"),
        ("حاصرت الديون المتراكمة شركة الخطوط الجوية الدولية الباكستانية.", "COERCE"),
        ("شنت الأسهم الأمريكية هجوما مضادا بعد خسائر الأسبوع الماضي.", "ASSAULT"),
        ("أدت موجة بيع اجتاحت أسهم البنوك والبتروكيماويات إلى تراجع المؤشر.", "ASSAULT"),
        ("انسحب المستثمرون الأجانب من سوق السندات المصرية.", "RETREAT"),
        ("قضت محكمة الجنايات في بغداد يوم الأحد بإعدام ثلاثة متهمين.", "ASSAULT"),
    ],
)
def test_markets_and_death_sentences_are_no_violence(text: str, category: str) -> None:
    assert category not in _types(text, threshold=0.0)


def test_a_conviction_for_a_crime_is_a_sanction() -> None:
    text = "حكم على الثلاثة بالإعدام بعد إدانتهم بتنفيذ تفجير في السوق."
    assert of(events(text), "إدانتهم").type == "SANCTION"
    condemned = "أعلنت الوزارة إدانتها بشدة للهجوم."
    assert of(events(condemned), "إدانتها").type == "ACCUSE"


def test_an_agreement_a_party_could_not_reach_is_negated() -> None:
    text = "لم يتمكن وزراء مالية مجموعة العشرين من التوصل إلى اتفاق بشأن الضرائب."
    assert of(events(text), "اتفاق").modality == "negated"
    done = "تمكن الوسطاء من التوصل إلى اتفاق بعد أسبوع."
    assert of(events(done), "اتفاق").modality == "asserted"


def test_the_conjunct_of_a_threatened_act_is_threatened_too() -> None:
    text = "هدد وزير العدل بملاحقة واعتقال أي ناشط يشارك في الاحتجاجات."
    assert of(events(text), "اعتقال").modality == "hypothetical"


def test_denied_accusations_were_made_and_name_the_first_report() -> None:
    text = (
        "اتهمت منظمة العفو الدولية الشرطة بتعذيب المعتقلين، "
        "ونفت المديرية العامة للأمن هذه الاتهامات."
    )
    first, again = (e for e in events(text, threshold=None) if e.type == "ACCUSE")
    assert again.modality == "asserted" and again.refers_to == first.trigger
    # a denied act stays denied
    assert of(events("نفت الحكومة اعتقال أي متظاهرين."), "اعتقال").modality == "denied"


def test_a_coordinated_verb_shares_the_subject_before_its_object() -> None:
    text = "فرضت الولايات المتحدة عقوبات على شركة إيرانية وجمدت أصولها."
    us = ent(text, "الولايات المتحدة")
    assert texts(of(events(text, us), "جمدت").actor) == ["الولايات المتحدة"]
    raid = "اقتحمت قوات الأمن الأردنية مقر نقابة المعلمين في عمان وصادرت وثائق وأجهزة حاسوب."
    forces = ent(raid, "قوات الأمن الأردنية", "ORG")
    assert texts(of(events(raid, forces), "صادرت").actor) == ["قوات الأمن الأردنية"]
    # a coordinated verb with its own subject after it keeps it
    own = "اجتمع الوزراء في القاهرة واعتقلت الشرطة عشرات المحتجين."
    assert texts(of(events(own), "اعتقلت").actor) == ["الشرطة"]


def test_a_release_asked_past_a_long_subject_is_not_done() -> None:
    text = "طالب المفوض السامي لحقوق الإنسان الحكومة الفنزويلية بالإفراج عن جميع المحتجزين."
    assert of(events(text), "الإفراج").modality == "hypothetical"


def test_a_verb_after_a_demanded_act_is_its_own_clause() -> None:
    text = "طالبت اللجنة رئيس الحكومة بالاستقالة وهددت باتخاذ قرارات مهمة."
    threat = of(events(text), "هددت")
    assert threat.type == "THREATEN" and threat.modality == "asserted"


def test_an_event_framing_another_in_time_is_taken_as_given() -> None:
    from arabnews.events.lexicon import words

    ws = words("نفت الوزارة اعتقال أي متظاهرين خلال الاحتجاجات")
    assert modality_of(ws, 2)[0] == "denied"  # the arrests
    assert modality_of(ws, 6, "ال")[0] == "asserted"  # the protests they happened during


# ------------------------------------------------------------------ third round: posts, drills


@pytest.mark.parametrize(
    ("text", "trigger", "category"),
    [
        ('قال جوزيب بوريل: "ندعو إسرائيل وحماس إلى ضبط النفس".', "ندعو", "REQUEST"),
        ("قال الوزير: لن ننسحب من محور فيلادلفيا.", "ننسحب", "RETREAT"),
        ("قالت الوزيرة: سنفرض عقوبات على المستوطنين.", "سنفرض", "SANCTION"),
    ],
)
def test_first_person_verbs_in_statements(text: str, trigger: str, category: str) -> None:
    ev = of(events(text), trigger)
    assert ev.type == category
    assert not ev.actor  # (we: the speaker, unnamed here, not the noun after the verb)


def test_a_first_person_call_is_the_speakers_to_its_addressee() -> None:
    text = 'قال جوزيب بوريل: "ندعو إسرائيل وحماس إلى ضبط النفس".'
    parties = (ent(text, "جوزيب بوريل", "PER"), ent(text, "إسرائيل"), ent(text, "حماس", "ORG"))
    call = of(events(text, *parties), "ندعو")
    assert texts(call.actor) == ["جوزيب بوريل"]
    assert texts(call.recipient) == ["إسرائيل", "حماس"]


def test_an_anthem_is_no_praise() -> None:
    assert "SUPPORT" not in _types("عزفت الفرقة النشيد الوطني في الافتتاح.", threshold=0.0)


@pytest.mark.parametrize(
    "text",
    [
        "أطلقت كوريا الشمالية صاروخا باليستيا تجريبيا سقط في بحر اليابان.",
        "أصيب طفل برصاصة طائشة جراء إطلاق نار احتفالي خلال حفل زفاف.",
        "حذرت وزارة الداخلية العراقية من إطلاق النار الاحتفالي في المناسبات.",
        "أحيت القوات المسلحة ذكرى معركة تحرير الموصل، ونظمت مراسم لتكريم الجنود الذين قتلوا.",
    ],
)
def test_tests_celebrations_and_memorials_are_no_attack(text: str) -> None:
    assert "ASSAULT" not in {e.type for e in events(text, threshold=None)}


def test_an_attack_on_a_memorial_is_one() -> None:
    text = "هاجم مسلحون مراسم إحياء ذكرى الضحايا وقتلوا خمسة أشخاص."
    assert of(events(text, threshold=None), "هاجم").type == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("يجب ان نحرر غزة من حماس.", "نحرر", "hypothetical"),
        ("ينبغي أن تنسحب القوات من المدينة.", "تنسحب", "hypothetical"),
        ("تعاملت الشرطة مع المحتجين كما يجب واعتقلت عشرة منهم.", "اعتقلت", "asserted"),
    ],
)
def test_what_must_be_done_is_not_done(text: str, trigger: str, modality: str) -> None:
    assert of(events(text), trigger).modality == modality


def test_hashtags_and_links_are_no_names() -> None:
    doc = arabnews.analyze("تضامن واسع مع #لبنان بعد الانفجار، وتصدر وسم #ترند منصة إكس.")
    tags = [
        (e.text, e.label) for e in doc.entities if e.text in ("لبنان", "#لبنان", "ترند", "#ترند")
    ]
    assert tags == [("لبنان", "LOC")]
    post = "الحوثيون يعلنون استهداف سفينة بصاروخ باليستي https://t.co/xYz12AbC"
    assert not [e for e in arabnews.analyze(post).entities if "http" in e.text or "t.co" in e.text]


def test_a_denial_that_any_charge_exists_denies_it() -> None:
    text = "وأكد متحدث باسم الخارجية الرواية ذاتها، نافيا وجود أي تهم بحقه."
    assert of(events(text), "تهم").modality == "denied"


# ------------------------------------------------------------ fourth round: local news, refugees


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("استقبلت كندا ألفا وخمسمئة لاجئ أفغاني.", "CONSULT"),
        ("زار وزير التربية الوطنية مدرسة ابتدائية في الحي.", "CONSULT"),
        ("أطلقت الوزارة مبادرة تستهدف إنشاء 800 ملعب.", "ASSAULT"),
    ],
)
def test_refugees_received_schools_visited_and_aims_are_no_event(text: str, category: str) -> None:
    assert category not in _types(text, threshold=0.0)


def test_a_visit_to_a_state_and_an_arrest_by_ddabt_are_events() -> None:
    assert of(events("زار الرئيس الفرنسي الجزائر."), "زار").type == "CONSULT"
    arrest = of(events("ضبطت الشرطة ثلاثة متهمين بالسرقة."), "ضبطت")
    assert arrest.type == "COERCE" and arrest.mode == "arrest"
    assert "COERCE" not in _types("دعا الطرفين إلى ضبط النفس.", threshold=0.0)


def test_a_noun_whose_lam_merges_with_the_article_keeps_it() -> None:
    text = "قدمت الحكومة الألمانية مساعدات للاجئين السوريين."
    aid = of(events(text, threshold=None), "مساعدات")
    assert texts(aid.recipient) == ["لاجئين السوريين"]


def test_a_governor_is_no_person_named_ali() -> None:
    doc = arabnews.analyze("أكد والي ولاية وهران سعيد سعيود أن المشروع سينتهي قريبا.")
    assert [e.text for e in doc.entities if e.label == "PER"] == ["سعيد سعيود"]


def test_a_person_after_a_coordinated_arrest_verb_is_the_arrested() -> None:
    text = (
        "اقتحمت قوات الأمن الأردنية مقر نقابة المعلمين وصادرت وثائق، "
        "واعتقلت نائب النقيب ناصر النواصرة."
    )
    forces = ent(text, "قوات الأمن الأردنية", "ORG")
    man = ent(text, "ناصر النواصرة", "PER")
    arrest = of(events(text, forces, man), "اعتقلت")
    assert texts(arrest.actor) == ["قوات الأمن الأردنية"]
    assert "ناصر النواصرة" in " ".join(texts(arrest.recipient))
