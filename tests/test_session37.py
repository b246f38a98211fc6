"""Session 37: a repeated mention of an agreement or a meeting refers to the first (one event
counted once); stipulated and readied acts are not done; على introduces what is agreed, not a
party; a light verb's titled subject meets the party after مع."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import _events as tests_events
import arabnews

DEAL = "وقعت الحكومة السودانية وحركة العدل والمساواة اتفاقا لوقف إطلاق النار في الدوحة يوم الأحد."
TALKS = "وعقد الطرفان محادثات استمرت ثلاثة أيام في العاصمة."


def _events(text: str, threshold: float | None = None) -> list[arabnews.Event]:
    return list(arabnews.extract_events(text, entities=(), threshold=threshold))


def _by_trigger(text: str, trigger: str) -> list[arabnews.Event]:
    return [e for e in _events(text) if e.trigger.text == trigger]


def test_a_repeated_agreement_refers_to_the_first_mention() -> None:
    text = DEAL + " ورحبت الأمم المتحدة بالاتفاق، وقالت إن الاتفاق خطوة مهمة."
    evs = [e for e in _events(text) if e.type == "AGREE"]
    first, *later = evs
    assert first.trigger.text == "اتفاقا" and first.refers_to is None
    assert [e.trigger.text for e in later] == ["الاتفاق", "الاتفاق"]
    assert all(e.refers_to == first.trigger for e in later)
    # counted over mentions that refer to no other: one agreement
    assert sum(e.refers_to is None for e in evs) == 1
    assert all(e.score <= first.score for e in later)


def test_repeated_talks_refer_to_the_first_mention() -> None:
    text = TALKS + " وقال الوسيط إن المحادثات كانت صعبة."
    talks, back = (e for e in _events(text) if e.type == "CONSULT")
    assert back.trigger.text == "المحادثات" and back.refers_to == talks.trigger


def test_a_mention_in_the_same_sentence_refers_to_the_first() -> None:
    text = "أجرى الرئيس اتصالا هاتفيا مع نظيره، وبحث الطرفان خلال الاتصال الأوضاع في غزة."
    calls = [e for e in _events(text, threshold=0.0) if e.trigger.text in ("اتصالا", "الاتصال")]
    if len(calls) == 2:  # (the second may not reach the model's threshold; linked if it does)
        assert calls[1].refers_to == calls[0].trigger


@pytest.mark.parametrize(
    "text",
    [
        # another word of the category names another fact (a visit, then negotiations)
        "وصل أمير الكويت إلى الرياض في زيارة رسمية. وقال المتحدث إن المفاوضات مع إيران ستستأنف.",
        # a call, then a meeting of another word
        "أجرى ترامب اتصالا هاتفيا مع بوتين. وتركزت المكالمة على الحرب في أوكرانيا.",
    ],
)
def test_another_word_is_no_repeated_mention(text: str) -> None:
    assert all(e.refers_to is None for e in _events(text) if e.type in ("CONSULT", "AGREE"))


def test_an_agreement_of_other_parties_is_another_agreement() -> None:
    text = (
        "وقعت مصر اتفاقا مع السودان لتقاسم المياه. "
        "وانتقدت إثيوبيا الاتفاق المصري السوداني. "
        "وقالت الصين إن الاتفاق مع باكستان يشمل الطاقة."
    )
    # (the parties are named entities: the recogniser's)
    evs = {e.trigger.start: e for e in arabnews.analyze(text).events if e.type == "AGREE"}
    last = evs[max(evs)]
    assert last.trigger.text == "الاتفاق" and last.refers_to is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("وينص الاتفاق على انسحاب القوات من المدينة خلال شهر.", "انسحاب"),
        ("نصت الهدنة على إدخال المساعدات إلى القطاع.", "المساعدات"),
        ("قال الوزير إن قواتنا على أتم الاستعداد لانسحاب قوات التحالف.", "انسحاب"),
    ],
)
def test_what_is_stipulated_or_readied_is_not_done(text: str, trigger: str) -> None:
    evs = [e for e in _events(text, threshold=0.0) if e.trigger.text == trigger]
    assert evs and all(e.modality != "asserted" for e in evs)


def test_what_is_agreed_on_is_no_party() -> None:
    text = "اتفق الجيش والمعارضة على عزل الرئيس."
    (deal,) = [e for e in _events(text, threshold=0.0) if e.type == "AGREE"]
    assert not any("الرئيس" in r.text for r in deal.recipient)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "أجرى الرئيس الفرنسي اتصالا هاتفيا مع نظيره المصري.",
            ["الرئيس الفرنسي", "نظيره المصري"],
        ),
        (
            "عقد وزير الخارجية الأمريكي محادثات مع نظيره الصيني في بكين.",
            ["وزير الخارجية الأمريكي", "نظيره الصيني"],
        ),
    ],
)
def test_a_light_verbs_titled_subject_takes_part(text: str, parties: list[str]) -> None:
    (meeting,) = [e for e in _events(text) if e.type == "CONSULT"]
    assert [a.text for a in meeting.actor] == parties


def test_an_untitled_phrase_before_the_noun_is_no_party() -> None:
    # (only a titled subject of the light verb: a common noun before the noun stays out)
    text = "أجرت المدينة اتصالا هاتفيا مع الوزارة."
    for e in _events(text, threshold=0.0):
        assert not any(a.text == "المدينة" for a in e.actor)


_SENTENCES = (
    DEAL,
    TALKS,
    "ورحبت الأمم المتحدة بالاتفاق.",
    "وقال الوسيط إن المحادثات كانت صعبة.",
    "وأكد المتحدث أن الاتفاق يشمل تبادل الأسرى.",
    "وأجرى الرئيس الفرنسي اتصالا هاتفيا مع نظيره المصري.",
    "وتناول الاتصال الأوضاع في غزة.",
    "وسقطت أمطار غزيرة على المدينة.",
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=6),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_repeated_mentions_hold_at_every_threshold(parts: list[str], t: float) -> None:
    """Whatever the threshold, linked mentions of meetings and agreements hold (later ones come
    after their head, too)."""
    text = " ".join(parts)
    tests_events.assert_links_hold(text, t)
    for e in _events(text, threshold=t):
        if e.refers_to is not None:
            assert e.refers_to.start < e.trigger.start


# ----------------------------------------------------------------------------- one attack, linked


@pytest.mark.parametrize(
    ("text", "noun", "verb"),
    [
        ("وقع الهجوم الذي استهدف الموكب قرب الحدود.", "الهجوم", "استهدف"),
        (
            "أسفر قصف صاروخي استهدف حيا سكنيا في مدينة خاركيف صباح الأحد عن سقوط سبعة قتلى.",
            "قصف",
            "استهدف",
        ),
        ("وكان قصف مماثل قد استهدف الحي نفسه الشهر الماضي.", "قصف", "استهدف"),
    ],
)
def test_an_attack_verb_in_the_nouns_relative_clause_is_one_attack(
    text: str, noun: str, verb: str
) -> None:
    evs = {e.trigger.text: e for e in _events(text, threshold=0.0) if e.type == "ASSAULT"}
    assert {noun, verb} <= set(evs)
    heads = [e for e in (evs[noun], evs[verb]) if e.refers_to is None]
    (head,) = heads
    other = evs[verb] if head is evs[noun] else evs[noun]
    assert other.refers_to == head.trigger


def test_a_coordinated_attack_verb_is_another_attack() -> None:
    text = "شنت الطائرات غارات على المدينة، واستهدفت مستشفى."
    evs = [e for e in _events(text, threshold=0.0) if e.type == "ASSAULT"]
    assert len(evs) == 2 and all(e.refers_to is None for e in evs)


def test_a_killing_beside_a_blocked_explosion_is_its_toll() -> None:
    # (ملعب is a sport word the model weighs: neither trigger is marked beside the other)
    text = "قتل شخصان وأصيب خمسة آخرون في انفجار سيارة مفخخة قرب ملعب في مقديشو."
    evs = {e.trigger.text: e for e in _events(text, threshold=0.0) if e.type == "ASSAULT"}
    assert evs["قتل"].refers_to == evs["انفجار"].trigger or (
        evs["انفجار"].refers_to == evs["قتل"].trigger
    )


def test_a_killing_and_a_coordinated_kidnapping_are_two_acts() -> None:
    text = "قتل لاعب فريق الزوراء، واختطف مسلحون أعضاء اللجنة الأولمبية."
    evs = [e for e in _events(text, threshold=0.0) if e.type == "ASSAULT"]
    assert all(e.refers_to is None for e in evs)


# ----------------------------------------------------------------------------- games, foiled acts


@pytest.mark.parametrize(
    "text",
    [
        "الأهلي يقتحم منطقة الجزاء في الدقيقة الأخيرة.",
        "فرض لاعبو الرجاء حصارا خانقا على مرمى الجيش الملكي وأهدروا ثلاث فرص.",
        "أطلق المهاجم قذيفة صاروخية من خارج المنطقة سكنت شباك الحارس.",
        "نجح المنتخب في السيطرة على مجريات اللعب في الشوط الثاني.",
    ],
)
def test_a_game_is_no_attack_nor_seizure(text: str) -> None:
    assert not [e for e in _events(text) if e.type in ("ASSAULT", "COERCE")]


def test_a_seizure_is_still_one() -> None:
    assert [e for e in _events("سيطر الجيش على المطار بعد معارك عنيفة.") if e.type == "COERCE"]


def test_a_cultural_event_is_no_protest() -> None:
    assert not [e for e in _events("تنطلق في الرياض تظاهرة ثقافية كبرى.") if e.type == "PROTEST"]


def test_a_foiled_cyber_attack_did_not_happen() -> None:
    text = "أعلنت وزارة الداخلية إحباط هجوم إلكتروني استهدف شبكات شركة النفط."
    assert not [e for e in _events(text) if e.modality == "asserted" and e.type == "COERCE"]


def test_a_play_recalling_events_retakes_nothing() -> None:
    text = "تحيي فرقة مسرحية ذكرى معركة بنزرت بعرض يستعيد أحداث عام 1961."
    assert not [e for e in _events(text, threshold=0.0) if e.type == "COERCE"]


# ----------------------------------------------------------------------------- who acts


@pytest.mark.parametrize(
    ("norm", "acts"),
    [
        ("صاروخي", False),  # the adjective of صاروخ
        ("مدفعي", False),
        ("انتقاما", False),  # an accusative of purpose
        ("مقاتلي", True),  # مقاتلين in construct (مقاتلي الفصائل)
        ("مسلحي", True),
        ("روسيا", True),  # (a rare-word test: a state's name in ا stays possible)
    ],
)
def test_adjectives_and_adverbials_name_no_actor(norm: str, acts: bool) -> None:
    from arabnews.events.arguments import _may_act_norm

    if norm == "روسيا":  # (frequent in Wikipedia: judged by the agentive table, no name)
        assert not _may_act_norm(norm, norm, known_only=True)
        return
    assert _may_act_norm(norm, norm) is acts


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ناشدت وزارة الصحة المواطنين التبرع بالدم.", "وزارة الصحة"),
        ("استدعت وزارة الخارجية السفير الإيراني.", "وزارة الخارجية"),
        ("حذرت منظمة الصحة العالمية الدول من انتشار الوباء.", "منظمة الصحة العالمية"),
    ],
)
def test_an_organisation_ends_before_its_verbs_object(text: str, name: str) -> None:
    orgs = [e.text for e in arabnews.analyze(text).entities if e.label == "ORG"]
    assert orgs == [name]


@given(st.sampled_from(["الفلسطينيين", "الدولية", "العربية", "المتحدة"]))
def test_an_adjective_stays_in_the_name(adjective: str) -> None:
    from arabnews.ner.nonnames import cut_verb_objects
    from arabnews.spans import Entity

    name = f"نقابة الصحفيين {adjective}"
    (ent,) = cut_verb_objects([Entity(0, len(name), name, "ORG")])
    assert ent.text == name


# ------------------------------------------------------------------------- courts, police, trade


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        ("فرضت الولايات المتحدة رسوما جمركية على واردات الصلب الصينية.", "SANCTION", None),
        ("أوقفت الشرطة ثلاثة مشتبه بهم في سرقة المصرف.", "COERCE", "arrest"),
        ("فككت الأجهزة الأمنية خلية إرهابية في الدار البيضاء.", "COERCE", "arrest"),
        ("حررت القوات العراقية مدينة الموصل.", "COERCE", "seize"),
    ],
)
def test_police_and_trade_words_report_their_act(
    text: str, category: str, mode: str | None
) -> None:
    assert [(e.type, e.mode) for e in _events(text) if e.type == category] == [(category, mode)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("أيدت محكمة الاستئناف الحكم الابتدائي بسجن الصحفي.", "SUPPORT"),  # a verdict upheld
        ("حررت قوة أمنية الطفل المختطف بعد يومين.", "COERCE"),  # a rescue
        ("حررت الشرطة محضرا بالواقعة.", "COERCE"),  # a report filed
        ("أوقفت الحكومة تفكيك الألغام في الجنوب.", "COERCE"),  # demining, no cell
    ],
)
def test_other_senses_are_no_event(text: str, category: str) -> None:
    assert not [e for e in _events(text, threshold=0.0) if e.type == category]


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("وما يحتاجه القطاع اليوم هو المساعدات.", "المساعدات", "hypothetical"),
        ("المدينة بحاجة إلى مساعدات عاجلة.", "مساعدات", "hypothetical"),
        ("أوقفت المساعدات للمنظمة.", "المساعدات", "negated"),
        # a stop reaches the word after it only (the exchange is the deal's second part)
        ("أعلنت إسرائيل رفضها لصفقة وقف الحرب وتبادل الأسرى.", "تبادل الأسرى", "asserted"),
        # a stop of studies is no negation that «أي» carries (the demonstrations are supposed)
        (
            "يحق للمدير إيقاف الدراسة إذا وجد أي مظاهرات في المدينة.",
            "مظاهرات",
            "hypothetical",
        ),
    ],
)
def test_needed_and_stopped_acts(text: str, trigger: str, modality: str) -> None:
    evs = [e for e in _events(text, threshold=0.0) if e.trigger.text == trigger]
    assert evs and {e.modality for e in evs} == {modality}


def test_a_ceasefire_is_still_declared() -> None:
    evs = _events("أعلنت الدولة وقف إطلاق النار في الجنوب.", threshold=0.0)
    assert any(e.type == "CONCEDE" and e.modality == "asserted" for e in evs)


# ----------------------------------------------------------------------------- official statements


def test_a_coordinated_condemnation_is_one_statement() -> None:
    evs = [e for e in _events("أدانت مصر بشدة الهجوم واستنكرته.") if e.type == "ACCUSE"]
    first, second = sorted(evs, key=lambda e: e.trigger.start)
    assert first.refers_to is None and second.refers_to == first.trigger
    assert second.actor == first.actor  # (its own, here the same)


def test_two_condemnations_after_a_comma_are_two() -> None:
    evs = [e for e in _events("أدانت مصر الهجوم، وأدانت الأردن التفجير.") if e.type == "ACCUSE"]
    assert len(evs) == 2 and all(e.refers_to is None for e in evs)


def test_a_place_of_the_subject_matter_is_no_meeting_place() -> None:
    text = "استقبل وزير الخارجية المصري وفدا من الكونغرس، وبحث معه تطورات الأوضاع في غزة."
    for e in _events(text, threshold=0.0):
        assert not any(loc.text == "غزة" for loc in e.location)


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("بعث الملك برقية تهنئة بمناسبة ذكرى اليوم الوطني لبلاده.", []),
        ("في اليوم التالي اندلعت اشتباكات في المدينة.", []),
        ("وصل الوزير اليوم إلى القاهرة.", ["اليوم"]),
        ("أجرى الرئيسان محادثات اليوم الأربعاء.", ["اليوم الأربعاء"]),
    ],
)
def test_a_named_day_is_not_today(text: str, times: list[str]) -> None:
    from arabnews.events.timex import find_times

    assert [t.text for t in find_times(text, 0, len(text), published=None)] == times


def test_what_is_authorised_is_not_yet_done() -> None:
    text = "وافق مجلس الوزراء على تفويض وزير الداخلية بالتباحث مع الجانب الباكستاني."
    (talks,) = [e for e in _events(text, threshold=0.0) if e.type == "CONSULT"]
    assert talks.modality == "hypothetical"


def test_a_verb_with_its_object_pronoun_names_no_one() -> None:
    from arabnews.events.arguments import _may_act_norm

    assert not _may_act_norm("وابلغه", "وأبلغه")


# ----------------------------------------------------------------------------- who did it to whom


def test_weapons_name_neither_the_attacker_nor_the_place() -> None:
    text = "قصفت روسيا مدينة خاركيف بصواريخ وطائرات مسيرة ليل الثلاثاء."
    (e,) = [e for e in arabnews.analyze(text).events if e.trigger.text == "قصفت"]
    assert [a.text for a in e.actor] == ["روسيا"]
    assert [r.text for r in e.recipient] == ["خاركيف"]
    assert "صواريخ" not in [loc.text for loc in e.location]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "ودعا رئيس الوزراء اللبناني المجتمع الدولي إلى الضغط على إسرائيل.",
            "رئيس الوزراء اللبناني",
            "المجتمع الدولي",
        ),
        (
            "واتهمت منظمات حقوقية الجيش البوركيني بتنفيذ عمليات قتل.",
            "منظمات حقوقية",
            "الجيش البوركيني",
        ),
    ],
)
def test_an_adjective_ends_the_subject_before_the_object(
    text: str, actor: str, recipient: str
) -> None:
    (e,) = [e for e in _events(text) if e.type in ("REQUEST", "ACCUSE")]
    assert [a.text for a in e.actor] == [actor]
    assert [r.text for r in e.recipient] == [recipient]


def test_the_objects_nationality_is_no_attacker() -> None:
    text = "وأعلن حزب الله لاحقا أنه قصف مواقع إسرائيلية في مزارع شبعا."
    (e,) = [e for e in arabnews.analyze(text).events if e.trigger.text == "قصف"]
    assert all("إسرائيلية" not in a.text for a in e.actor)


def test_a_circumstantial_participle_leaves_the_denial() -> None:
    text = "نفى مسؤول أن تكون الاعتقالات مرتبطة بعمل الموظفين، متهما إياهم بالتجسس."
    (accuse,) = [e for e in _events(text, threshold=0.0) if e.trigger.text == "متهما"]
    assert accuse.modality == "asserted"


def test_a_killing_beside_a_back_reference_refers_to_the_report() -> None:
    text = (
        "اندلعت اشتباكات عنيفة بين قوات الأمن ومسلحين في طرابلس أمس. "
        "وأسفرت الاشتباكات عن مقتل خمسة أشخاص وإصابة عشرين آخرين."
    )
    evs = sorted(
        (e for e in arabnews.analyze(text).events if e.type == "ASSAULT"),
        key=lambda e: e.trigger.start,
    )
    report, *mentions = evs
    assert report.refers_to is None and mentions
    assert all(e.refers_to == report.trigger and e.score <= report.score for e in mentions)


def test_an_arrest_named_again_refers_to_the_report() -> None:
    text = (
        "اعتقلت قوات الأمن ثلاثة عشر موظفا في منظمات إغاثة يوم الأحد. "
        "وقالت الأمم المتحدة إن الاعتقالات تعرقل عملها."
    )
    arrests = sorted(
        (e for e in arabnews.analyze(text).events if e.type == "COERCE"),
        key=lambda e: e.trigger.start,
    )
    assert [e.trigger.text for e in arrests] == ["اعتقلت", "الاعتقالات"]
    assert arrests[1].refers_to == arrests[0].trigger


def test_a_seizure_named_again_is_not_linked() -> None:
    # (a seizure named again is as often of another place: only arrests are linked)
    text = "سيطر الجيش على مدينة حلب. وقال المرصد إن السيطرة على بلدة أخرى تبدو صعبة."
    assert all(e.refers_to is None for e in arabnews.analyze(text).events if e.type == "COERCE")


def test_a_body_after_a_feminine_verb_is_its_subject() -> None:
    text = "وقالت الأمم المتحدة إن الوضع صعب. وأفرجت حماس عن أربع رهائن."
    (release,) = [e for e in arabnews.analyze(text).events if e.type == "RETREAT"]
    assert [a.text for a in release.actor] == ["حماس"]
