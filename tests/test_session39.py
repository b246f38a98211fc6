"""Session 39: what a column expects, hopes, judges likely or says a party must do is not done;
a negation inside a condition is the condition's; a story told, a film criticised, an audience
bursting into applause, a player keeping silent and the protests an anniversary names are no
event; a particle before a verb, a verbal noun the verb requires and a wire dateline are no
party; an office right before a meeting verb is its subject; a grant and a ban on a showing are
events."""

from __future__ import annotations

import pytest

from _events import ent, events, of, texts
from arabnews.events.lexicon import words
from arabnews.events.modality import modality_of


def _modality(text: str, trigger: str) -> str:
    return of(events(text), trigger).modality


# ------------------------------------------------------------------ modality of columns


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("من المتوقع أن تفرض الولايات المتحدة عقوبات جديدة على طهران.", "تفرض", "future"),
        ("يتوقع أن تنسحب القوات من المدينة خلال أيام.", "تنسحب", "future"),
        ("من غير المستبعد أن تعتقل السلطات مزيدا من الصحفيين.", "تعتقل", "hypothetical"),
        ("ليس من المرجح أن تنسحب القوات الأمريكية من العراق.", "تنسحب", "hypothetical"),
        ("نأمل أن تفرج إسرائيل عن الأسرى الفلسطينيين.", "تفرج", "hypothetical"),
        ("أعرب الوزير عن أمله في أن تنسحب القوات من المدينة.", "تنسحب", "hypothetical"),
        ("يجب على المجتمع الدولي أن يفرض حظرا على تصدير الأسلحة.", "حظرا", "hypothetical"),
        ("على الجامعة العربية أن تدين هذه الانتهاكات.", "تدين", "hypothetical"),
        ("وقال الوزير: على إسرائيل أن تنسحب من الأراضي المحتلة.", "تنسحب", "hypothetical"),
        ("أما آن الأوان لأن ترفع الدول الغربية الحصار عن غزة؟", "ترفع", "hypothetical"),
    ],
)
def test_expected_hoped_likely_and_owed_acts_are_not_asserted(
    text: str, trigger: str, modality: str
) -> None:
    assert _modality(text, trigger) == modality


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # (expected, but not before أن: it happened)
        ("وكما كان متوقعا، اعتقلت الشرطة عشرات المحتجين.", "اعتقلت"),
        # (على opening a clause without أن, or a fixed phrase before أن)
        ("على الرغم من أن القوات انسحبت من المدينة، استمر القصف.", "انسحبت"),
        ("على صعيد آخر، اعتقلت الشرطة خمسة أشخاص.", "اعتقلت"),
        # (على inside the clause: the seized town)
        ("سيطرت القوات على المدينة بعد أن انسحب المسلحون منها.", "انسحب"),
        # (حركة أمل, the movement, hopes nothing)
        ("اتهمت حركة أمل الحكومة بالتقصير.", "اتهمت"),
    ],
)
def test_the_new_cues_leave_reported_acts_asserted(text: str, trigger: str) -> None:
    assert _modality(text, trigger) == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("هدد قائد القوات باقتحام المدينة إذا لم ينسحب الجيش منها خلال أسبوع.", "ينسحب"),
        ("إذا لم تتراجع الحكومة عن قرارها، فإن النقابة ستعلن الإضراب.", "تتراجع"),
        ("لن يتوقف القصف ما لم تنسحب القوات من المدينة.", "تنسحب"),
    ],
)
def test_a_negation_inside_a_condition_is_hypothetical(text: str, trigger: str) -> None:
    assert _modality(text, trigger) == "hypothetical"


def test_a_negation_after_that_still_negates() -> None:
    ws = words("أكد الوزير أن لا انسحاب من المدينة")
    assert modality_of(ws, 4)[0] == "negated"
    ws = words("لم ينسحب الجيش من المدينة")
    assert modality_of(ws, 1)[0] == "negated"


# ------------------------------------------------------------------ stories, reviews, applause


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("تدور أحداث المسلسل حول ضابط يقتحم قرية نائية ويعتقل شيخها.", "COERCE"),
        ("يجسد الممثل دور قائد عسكري يقصف المدن المتمردة.", "ASSAULT"),
        ("انفجرت الجماهير بالتصفيق عند صعود الفنانة إلى المسرح.", "ASSAULT"),
        ("انفجر الحضور بالضحك بعد تعليق المذيع.", "ASSAULT"),
    ],
)
def test_stories_and_bursts_of_applause_are_no_event(text: str, category: str) -> None:
    assert category not in {e.type for e in events(text)}


def test_a_critic_attacking_a_film_is_no_assault() -> None:
    text = "هاجم الناقد السينمائي محمود عبد الله الفيلم الجديد للمخرج ووصفه بأنه سطحي."
    critic = ent(text, "محمود عبد الله", "PER")
    assert "ASSAULT" not in {e.type for e in events(text, critic, threshold=None)}


@pytest.mark.parametrize(
    "text",
    [
        "انفجرت عبوة ناسفة قرب دورية للشرطة في المدينة.",
        "منعت الرقابة عرض الفيلم في دور السينما.",
    ],
)
def test_bombs_and_bans_of_films_are_still_events(text: str) -> None:
    evs = events(text)
    assert evs
    if "منعت" in text:
        assert of(evs, "منعت").type == "COERCE"
    else:
        assert of(evs, "انفجرت").type == "ASSAULT"


# ------------------------------------------------------------------ roles


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "recipient"),
    [
        (
            "لو هاجمت إسرائيل المنشآت النووية الإيرانية فإن المنطقة ستدخل في حرب.",
            "هاجمت",
            "إسرائيل",
            "المنشآت النووية الإيرانية",
        ),
        ("هل ستقصف واشنطن مواقع الحوثيين في اليمن؟", "ستقصف", "واشنطن", "مواقع"),
    ],
)
def test_a_particle_before_a_verb_is_no_party(
    text: str, trigger: str, actor: str, recipient: str
) -> None:
    ev = of(events(text), trigger)
    assert texts(ev.actor) == [actor]
    assert recipient in texts(ev.recipient)


def test_a_verbal_noun_the_verb_requires_is_no_actor() -> None:
    text = "طالب الاتحاد الأفريقي الاتحاد الجزائري بتقديم تفسيرات حول منع دخول المنتخب المغربي."
    ev = of(events(text), "منع")
    assert not any(a.text.startswith("دخول") for a in ev.actor)


def test_a_grant_of_money_is_aid() -> None:
    text = "قدمت الحكومة اليابانية منحة بقيمة خمسة ملايين دولار لترميم المتحف."
    ev = of(events(text), "منحة")
    assert (ev.type, ev.mode) == ("AID", "economic")
    assert texts(ev.actor) == ["الحكومة اليابانية"]
    assert not any(e.type == "AID" for e in events("حصل الطالب على منحة دراسية من الجامعة."))


# ------------------------------------------------------------------ protests, times, datelines


def test_keeping_silent_is_no_sit_in() -> None:
    assert "PROTEST" not in {e.type for e in events("اعتصم اللاعب بالصمت بعد المباراة.")}
    assert of(events("اعتصم العمال أمام مقر الوزارة."), "اعتصم").type == "PROTEST"


def test_the_protests_an_anniversary_names_are_history() -> None:
    text = "أحيا آلاف اللبنانيين الذكرى الخامسة لاحتجاجات تشرين بمسيرة في وسط بيروت."
    assert not any(e.trigger.text == "احتجاجات" for e in events(text))


def test_a_dateline_names_no_party() -> None:
    import arabnews

    text = "الرباط (رويترز) - وقّع المغرب وإسبانيا اتفاقية للتعاون الأمني."
    doc = arabnews.analyze(text)
    ev = of(events(text, *doc.entities), "وقّع")
    assert "رويترز" not in texts(ev.actor)
    assert texts(ev.actor) == ["المغرب", "إسبانيا"]
    assert ev.sentence.start == text.index("وقّع")
    assert text[ev.sentence.start : ev.sentence.end].endswith("الأمني.")


def test_a_noun_whose_first_letter_is_waw_opens_a_sentence_as_a_noun() -> None:
    text = "وزير الخارجية التقى نظيره الأردني في عمان."
    ev = of(events(text), "التقى")
    assert texts(ev.actor) == ["وزير الخارجية"]
    assert texts(ev.recipient) == ["نظيره الأردني"]


def test_an_office_right_before_a_meeting_verb_is_its_subject() -> None:
    text = "قالت الوزارة إن وزير الخارجية اجتمع مع نظيره الأردني في عمان."
    ev = of(events(text), "اجتمع")
    assert texts(ev.actor) == ["وزير الخارجية", "نظيره الأردني"]


def test_a_person_named_again_by_the_surname_is_no_trigger() -> None:
    text = (
        "اغتالت إسرائيل القيادي في حزب الله فؤاد شكر بغارة على الضاحية الجنوبية. "
        "وأكد حزب الله مقتل شكر في الغارة."
    )
    shukr = ent(text, "فؤاد شكر", "PER")
    assert not any(e.type == "SUPPORT" for e in events(text, shukr))
    assert any(e.type == "SUPPORT" for e in events("شكر الوزير الحضور على مشاركتهم."))


def test_what_was_reported_by_mistake_did_not_happen() -> None:
    text = "تصحيح: ورد خطأً أن الشرطة اعتقلت رئيس البلدية، والصحيح أنها استدعته للتحقيق."
    assert of(events(text), "اعتقلت").modality == "negated"
    assert of(events("اعترف الجيش بأنه قصف خطأ منزلا في المدينة."), "قصف").modality == "asserted"


def test_who_asks_for_an_act_does_not_do_it() -> None:
    text = "نظم أهالي الأسرى مسيرة للمطالبة بالإفراج عن أبنائهم."
    ev = of(events(text), "الإفراج")
    assert ev.modality == "hypothetical"
    assert not ev.actor


# ------------------------------------------------------------------ daily news, posts, diplomacy


def test_a_strike_from_food_is_a_hunger_strike() -> None:
    ev = of(events("يواصل الأسير إضرابه المفتوح عن الطعام منذ أربعين يوما."), "إضرابه")
    assert (ev.type, ev.mode) == ("PROTEST", "hunger")
    assert of(events("أضرب المعلمون عن العمل."), "أضرب").mode == "strike"


def test_a_demolished_home_is_destruction_and_undermining_is_not() -> None:
    ev = of(events("هدمت الجرافات الإسرائيلية منزلا فلسطينيا في بلدة سلوان."), "هدمت")
    assert (ev.type, ev.mode) == ("ASSAULT", "destroy")
    assert not events("تهدم هذه السياسات الثقة بين الطرفين.")


def test_an_agreement_a_party_leaves_is_no_new_agreement() -> None:
    text = "انسحبت الولايات المتحدة من الاتفاق النووي مع إيران وأعادت فرض العقوبات عليها."
    evs = events(text)
    assert of(evs, "انسحبت").type == "RETREAT"
    assert not any(e.type == "AGREE" for e in evs)


def test_a_place_in_the_genitive_of_a_visit_is_where() -> None:
    text = "وجه الرئيس الإماراتي دعوة إلى الرئيس الفرنسي لزيارة أبوظبي."
    ev = of(events(text, ent(text, "أبوظبي")), "زيارة")
    assert texts(ev.actor) == []
    assert texts(ev.recipient) == ["أبوظبي"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("الجيش رح يقصف الحدود بكرا", "يقصف"),
        ("الاتحاد العام للشغل يعلن إضراب عام يوم الخميس الجاي", "إضراب"),
    ],
)
def test_what_posts_say_will_come_is_future(text: str, trigger: str) -> None:
    ev = of(events(text), trigger)
    assert ev.modality == "future"


def test_a_future_particle_is_no_party() -> None:
    ev = of(events("الجيش رح يقصف الحدود بكرا"), "يقصف")
    assert texts(ev.actor) == ["الجيش"]


def test_a_stretched_word_reads_as_the_word() -> None:
    from arabnews.events.lexicon import norm_word

    assert norm_word("اعتقاااال") == "اعتقال"
    assert norm_word("الله") == "الله"
    assert of(events("اعتقلللت الشرطة الناشط أمس"), "اعتقلللت").type == "COERCE"


def test_what_a_rumour_tells_is_not_asserted() -> None:
    text = "تحذير: اشاعة منتشرة ان الجيش اعتقل وزير سابق، الخبر غير صحيح"
    assert of(events(text), "اعتقل").modality == "hypothetical"


@pytest.mark.parametrize(
    "text", ["الحكومة قصفتنا بالضرائب هالسنة", "ذبحت المذيعة الضيف بأسئلتها المحرجة"]
)
def test_taxes_and_questions_are_no_weapons(text: str) -> None:
    assert not any(e.type == "ASSAULT" for e in events(text))


def test_a_draft_is_not_the_agreement() -> None:
    assert of(events("توصلت الكتل السياسية إلى مسودة اتفاق."), "اتفاق").modality == "hypothetical"
    assert of(events("وقعت الكتل السياسية اتفاقا."), "اتفاقا").modality == "asserted"


# ------------------------------------------------------------------ times of background


def test_today_and_yesterday_before_a_background_year_are_the_news() -> None:
    from arabnews.events.timex import find_times

    text = "قتل خمسة مدنيين في قصف استهدف المدينة أمس، في أحدث هجوم منذ اندلاع الحرب في أبريل 2023."
    assert [t.text for t in find_times(text)] == ["أمس", "في أبريل 2023"]
    # (after the year it is still the narrated time)
    assert [t.text for t in find_times("اغتيل الزعيم عام 1976 وقتل حارسه غدا")] == ["عام 1976"]


def test_today_before_a_definite_object_is_today() -> None:
    from arabnews.events.timex import find_times

    assert [t.text for t in find_times("رفضت المحكمة العليا اليوم الطعن")] == ["اليوم"]
    assert find_times("احتفلت البلاد باليوم الوطني") == ()
    assert find_times("وفي اليوم التالي اعتقل") == ()


def test_a_year_said_of_another_noun_is_not_the_events_time() -> None:
    text = "اعتقلت الشرطة التركية 15 شخصا في التحقيقات في محاولة الانقلاب الفاشلة عام 2016."
    assert of(events(text), "اعتقلت").time is None
    ev = of(
        events("خرج آلاف المتظاهرين اليوم في ذكرى الحراك الذي أجبر الرئيس على الاستقالة عام 2019."),
        "المتظاهرين",
    )
    assert ev.time is not None and ev.time.text == "اليوم"


def test_since_a_month_runs_to_the_publication_date() -> None:
    import datetime

    from arabnews.events.timex import find_times

    pub = datetime.date(2025, 5, 10)
    (t,) = find_times("قتل 200 صحفي منذ أكتوبر 2023", published=pub)
    assert t.value == "2023-10-01/2025-05-10"
    (u,) = find_times("قتل 200 صحفي منذ أكتوبر 2023")
    assert u.value is None  # (no date to run to)


def test_qad_after_kana_is_a_past_perfect() -> None:
    text = "لكن حركة الشباب كانت قد تبنت هجمات مماثلة في المدينة خلال السنوات الماضية."
    assert of(events(text), "هجمات").modality == "asserted"
    assert of(events("قد تشن الحركة هجمات جديدة."), "هجمات").modality == "hypothetical"


# ------------------------------------------------------------------ trade, society, war


@pytest.mark.parametrize(
    "text",
    [
        "سحق فريق شاختار منافسه دينامو كييف بأربعة أهداف في قمة الدوري الأوكراني.",
        "تتربع رتبة ميجور جنرال قمة هرم الجيش.",
        "خطفت الفنانة الأنظار في حفل الافتتاح.",
    ],
)
def test_the_top_of_a_league_and_stealing_the_show_are_no_events(text: str) -> None:
    assert not events(text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("علقت الحكومة التركية اتفاقية التجارة مع إسرائيل احتجاجا على الحرب في غزة.", "علقت"),
        ("قالت حكومة بيليز إنها علقت علاقاتها الدبلوماسية مع إسرائيل.", "علقت"),
        ("جمدت الولايات المتحدة أصول البنك المركزي الأفغاني.", "جمدت"),
        ("علق الاتحاد الأفريقي عضوية النيجر.", "علق"),
    ],
)
def test_suspending_an_agreement_relations_or_membership_is_a_sanction(
    text: str, trigger: str
) -> None:
    ev = of(events(text), trigger)
    assert (ev.type, ev.mode, ev.modality) == ("SANCTION", "discontinue", "asserted")
    # (and احتجاجا is the suspension's motive, no protest of its own)
    assert not any(e.type == "PROTEST" for e in events(text))


def test_hanging_a_picture_is_no_sanction() -> None:
    assert not events("علقت الطالبة صورة على الجدار.")


@pytest.mark.parametrize(
    ("text", "trigger", "owner", "label"),
    [
        ("فرضت الولايات المتحدة رسوما جمركية على واردات الصلب من الصين.", "فرضت", "الصين", "LOC"),
        (
            "جمدت الولايات المتحدة أصول البنك المركزي الأفغاني.",
            "جمدت",
            "البنك المركزي الأفغاني",
            "ORG",
        ),
    ],
)
def test_a_sanction_on_goods_or_assets_is_on_their_owner(
    text: str, trigger: str, owner: str, label: str
) -> None:
    ev = of(events(text, ent(text, "الولايات المتحدة"), ent(text, owner, label)), trigger)
    assert texts(ev.recipient) == [owner]


def test_a_call_received_is_the_callers() -> None:
    text = "تلقى ولي العهد اتصالا من الرئيس الأمريكي بحثا خلاله العلاقات."
    ev = of(events(text), "اتصالا")
    assert (ev.type, ev.mode) == ("CONSULT", "phone")
    assert texts(ev.actor) == ["الرئيس الأمريكي"]
    assert texts(ev.recipient) == ["ولي العهد"]
    made = of(events("أجرى ولي العهد اتصالا بالرئيس الأمريكي."), "اتصالا")
    assert texts(made.actor) == ["ولي العهد"]


@pytest.mark.parametrize(
    ("text", "trigger", "year"),
    [
        ("شهد العراق عام 2003 غزوا أمريكيا أطاح بنظام صدام حسين.", "أطاح", "عام 2003"),
        (
            "اغتيل الحريري في انفجار ضخم في بيروت عام 2005، وأدانت المحكمة لاحقا عضوا في الحزب.",
            "انفجار",
            "عام 2005",
        ),
        (
            "وكانت واشنطن قد فرضت عقوبات على البنك المركزي عام 2019، قبل أن تخففها في إطار اتفاق.",
            "فرضت",
            "عام 2019",
        ),
    ],
)
def test_a_year_dates_its_own_clause(text: str, trigger: str, year: str) -> None:
    ev = of(events(text), trigger)
    assert ev.time is not None and ev.time.text == year


def test_a_year_before_a_comma_is_not_the_next_clauses() -> None:
    text = "اغتيل رفيق الحريري في انفجار ضخم في بيروت عام 2005، وأدانت المحكمة لاحقا عضوا في الحزب."
    assert of(events(text), "أدانت").time is None


def test_talks_put_off_are_talks_to_come_not_an_agreement() -> None:
    text = "أعلنت الخارجية العمانية تأجيل الجولة السادسة من المحادثات النووية بين إيران وأمريكا."
    ev = of(events(text), "المحادثات")
    assert (ev.type, ev.modality, ev.future_of) == ("CONSULT", "future", None)
    planned = of(events("من المقرر أن يجتمع الوزيران في القاهرة الأسبوع المقبل."), "يجتمع")
    assert (planned.type, planned.future_of) == ("AGREE", "CONSULT")


# ------------------------------------------------------------------ elections, Sahel, militias


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("علقت الولايات المتحدة المساعدات الاقتصادية للنيجر.", "علقت"),
        ("جمدت الدول المانحة تمويل الوكالة.", "جمدت"),
    ],
)
def test_suspended_or_frozen_aid_is_a_sanction_not_aid(text: str, trigger: str) -> None:
    evs = events(text)
    assert of(evs, trigger).type == "SANCTION"
    assert not any(e.type == "AID" and e.modality == "asserted" for e in evs)


def test_what_is_frozen_right_after_the_verb_is_no_new_instance() -> None:
    # (session 40: the frozen tie is the freeze's object, no negated cooperation beside it)
    evs = events("جمدت الحكومة التعاون مع البعثة.")
    assert of(evs, "جمدت").type == "SANCTION"
    assert not any(e.type == "COOPERATE" for e in evs)
    # (commenting on an attack does not suspend it)
    ev = of(events("علق الوزير على الهجوم الذي استهدف المدينة."), "الهجوم")
    assert ev.modality == "asserted"


def test_weeks_before_another_event_is_no_time_of_the_report() -> None:
    import datetime

    from arabnews.events.timex import find_times

    pub = datetime.date(2025, 3, 14)
    assert find_times("اعتقلت الشرطة المرشح قبل أسابيع من موعد الاقتراع.", published=pub) == ()
    assert [t.value for t in find_times("قتل قبل يومين", published=pub)] == ["2025-03-12"]


def test_what_a_launcher_was_readied_for_did_not_happen() -> None:
    text = "فككت قوة من الجيش منصة صواريخ كانت معدة لاستهداف قاعدة فكتوريا."
    assert of(events(text), "استهداف").modality == "hypothetical"
