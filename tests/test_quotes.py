"""Quotes: direct and indirect speech, complementizer and preposition rules, speakers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _gold import gold_entities, match_counts
from arabnews.events import Quote, extract_quotes
from arabnews.spans import Entity


def ent(text: str, name: str, label: str = "PER") -> Entity:
    start = text.index(name)
    return Entity(start, start + len(name), name, label, name, name)


def one(text: str, names: tuple[str, ...] = ()) -> Quote:
    qs = extract_quotes(text, entities=[ent(text, n) for n in names])
    assert len(qs) == 1, qs
    return qs[0]


def content(text: str, q: Quote) -> str:
    return text[q.content.start : q.content.end]


def test_indirect_with_complementizer() -> None:
    text = "وقال أوشاكوف إن المحادثات كانت مفيدة وبناءة."
    q = one(text, ("أوشاكوف",))
    assert (q.cue.text, q.direct, q.partial) == ("قال", False, False)
    assert q.speaker is not None and q.speaker.text == "أوشاكوف"
    assert content(text, q) == "إن المحادثات كانت مفيدة وبناءة"


def test_direct_quote_excludes_marks() -> None:
    text = 'وقال سيرسكي: "لقد حررت كليشتشييفكا من الروس".'
    q = one(text, ("سيرسكي",))
    assert q.direct
    assert content(text, q) == "لقد حررت كليشتشييفكا من الروس"


@pytest.mark.parametrize(("open_", "close"), [("«", "»"), ("“", "”")])
def test_direct_quote_other_marks(open_: str, close: str) -> None:
    text = f"وأضاف شميهال: {open_}هذه الحزم ستعزز دفاعنا{close}."
    q = one(text, ("شميهال",))
    assert q.direct and content(text, q) == "هذه الحزم ستعزز دفاعنا"


def test_governing_preposition_is_excluded() -> None:
    text = "وأشار زيلينسكي إلى أن الكرملين لن يسعى إلى إنهاء الحرب."
    q = one(text, ("زيلينسكي",))
    assert content(text, q) == "أن الكرملين لن يسعى إلى إنهاء الحرب"
    text2 = "وشدد الرئيس الأوكراني على الحاجة إلى فرض عقوبات على روسيا."
    q2 = one(text2)
    assert content(text2, q2) == "الحاجة إلى فرض عقوبات على روسيا"


def test_partial_quote() -> None:
    text = 'وأضاف زيلينسكي أن كييف "تجهز حلولا دفاعية جديدة".'
    q = one(text, ("زيلينسكي",))
    assert not q.direct and q.partial


def test_unnamed_speaker_text() -> None:
    text = "وذكرت المصادر الأوكرانية أن المكالمة استمرت نحو 40 دقيقة."
    q = one(text)
    assert q.speaker_text == "المصادر الأوكرانية"


def test_participle_cue_inherits_speaker_and_ends_previous_content() -> None:
    text = "وقال بيسكوف إن العلاقات تحتاج وقتا، مشيرا إلى أن الحوار مستمر."
    first, second = extract_quotes(text, entities=[ent(text, "بيسكوف")])
    assert content(text, first) == "إن العلاقات تحتاج وقتا"
    assert second.cue.text == "مشيرا"
    assert second.speaker is not None and second.speaker.text == "بيسكوف"
    assert content(text, second) == "أن الحوار مستمر"


def test_a_comment_on_what_was_said_ends_it_and_names_the_next_speaker() -> None:
    # ، وهو ما رفضته إسرائيل: the reporter's comment is no part of the statement, and the
    # coordinated cue after it shares the subject of رفضته, not the first speaker
    text = "قال ماكرون إن بلاده ستعترف بالدولة، وهو ما رفضته إسرائيل ووصفته بأنه مكافأة."
    first, second = extract_quotes(
        text, entities=[ent(text, "ماكرون"), ent(text, "إسرائيل", "LOC")]
    )
    assert content(text, first) == "إن بلاده ستعترف بالدولة"
    assert second.speaker is not None and second.speaker.text == "إسرائيل"
    # (a coordinated cue right after the content keeps the first speaker)
    text = "قال ماكرون إن بلاده ستعترف بالدولة، وأضاف أن القرار نهائي."
    first, second = extract_quotes(text, entities=[ent(text, "ماكرون")])
    assert second.speaker is not None and second.speaker.text == "ماكرون"


def test_a_coordinated_cue_shares_its_own_sentences_subject() -> None:
    # ونفت X الاتهامات، وقالت إن: X speaks, not the previous sentence's speaker
    text = (
        "قالت مصادر طبية إن 12 مدنيا قتلوا في القصف. "
        "ونفت قوات الدعم السريع الاتهامات، وقالت في بيان إن الجيش هو المسؤول."
    )
    names = [ent(text, "قوات الدعم السريع", "ORG")]
    second = extract_quotes(text, entities=names)[-1]
    assert second.speaker is not None and second.speaker.text == "قوات الدعم السريع"


def test_relayed_quote_speaker_is_the_source() -> None:
    text = "ونقل موقع بلومبيرغ عن مصدر مطلع أن بوتين واثق من موقفه."
    q = one(text, ("بلومبيرغ",))
    assert q.speaker is None and q.speaker_text == "مصدر مطلع"


def test_cue_without_content_is_not_a_quote() -> None:
    assert extract_quotes("قال الرجل كلاما كثيرا", entities=()) == ()


def test_bad_input() -> None:
    with pytest.raises(TypeError, match="text"):
        extract_quotes(b"qal")  # type: ignore[arg-type]
    assert extract_quotes("") == ()
    assert extract_quotes(" \n ") == ()


def test_seed_gold_quotes(seed_gold: dict[str, Any]) -> None:
    root = Path(__file__).resolve().parents[1] / "seeds"
    clusters = seed_gold["clusters"]
    tp = fp = fn = 0
    for doc in seed_gold["documents"]:
        text = (root / doc["file"]).read_text(encoding="utf-8")
        ents = gold_entities(doc, clusters)
        gold = [(None, g["cue"]["start"], g["cue"]["end"]) for g in doc["quotes"]]
        predicted = [(None, q.cue.start, q.cue.end) for q in extract_quotes(text, entities=ents)]
        t, f, n = match_counts(predicted, gold)
        tp, fp, fn = tp + t, fp + f, fn + n
    assert 2 * tp / (2 * tp + fp + fn) >= 0.75


def _check(text: str, q: Quote) -> None:
    assert text[q.cue.start : q.cue.end] == q.cue.text
    assert 0 <= q.content.start <= q.content.end <= len(text)
    if q.speaker is not None:
        assert text[q.speaker.start : q.speaker.end] == q.speaker.text


def test_seed_texts(seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        qs = extract_quotes(text, entities=())
        assert qs
        for q in qs:
            _check(text, q)


SPEECH = st.text(alphabet=st.sampled_from(list('قالأنإبهكتبوضح :"«»“”،.\n')), max_size=200)


@given(st.one_of(st.text(max_size=300), SPEECH))
def test_any_unicode_no_crash(text: str) -> None:
    for q in extract_quotes(text, entities=()):
        _check(text, q)


# ------------------------------------------------------------ speakers, outlets, scores


def test_relay_outlet_is_via_not_speaker() -> None:
    text = "ونقلت وكالة الأنباء المحلية عن شاهد عيان أن الطريق أغلق."
    q = one(text)
    assert q.speaker_text == "شاهد عيان"
    assert q.via is not None and q.via.text == "وكالة الأنباء المحلية"


def test_outlet_spoken_to_is_via() -> None:
    text = "وقال وزير النقل لإذاعة محلية إن القطارات ستعود للعمل."
    q = one(text)
    assert q.speaker_text == "وزير النقل"
    assert q.via is not None and q.via.text == "إذاعة محلية"
    assert content(text, q) == "إن القطارات ستعود للعمل"


def test_quoted_outlet_name_is_never_the_content() -> None:
    text = 'وقال المدرب لمجلة "الملاعب" إن "الفريق جاهز للمباراة".'
    q = one(text)
    assert content(text, q) == "الفريق جاهز للمباراة"
    assert q.direct and q.via is not None and "الملاعب" in q.via.text


def test_adverbs_and_platforms_are_not_speakers() -> None:
    text = "وأكدت الشركة مجددا أن الخدمة ستعود."
    assert one(text).speaker_text == "الشركة"
    text2 = 'وكتب الناشط عبر حسابه على تويتر أن "المعركة مستمرة".'
    q2 = one(text2)
    assert q2.speaker_text == "الناشط"
    assert content(text2, q2) == "المعركة مستمرة"


def test_prepositional_word_is_not_a_speaker_and_definite_cue_is_not_a_cue() -> None:
    # التابع is "affiliated", not the speech verb تابع; للوزارة is not a speaker
    text = "وأوضح المكتب التابع للوزارة أن الطلبات ستدرس."
    q = one(text)
    assert q.cue.text == "أوضح"
    assert q.speaker_text == "المكتب التابع"


def test_participle_cues() -> None:
    text = "وقالت النقابة إن الإضراب مستمر، لافتة إلى أن المفاوضات متوقفة."
    first, second = extract_quotes(text, entities=())
    assert content(text, first) == "إن الإضراب مستمر"
    assert second.cue.text == "لافتة"
    assert second.speaker_text == "النقابة"
    assert content(text, second) == "أن المفاوضات متوقفة"


def test_amma_topic_is_the_speaker() -> None:
    text = "أما رئيس البلدية فأكد أن المياه ستعود غدا."
    q = one(text)
    assert q.speaker_text == "رئيس البلدية"


def test_cue_inside_a_quotation_is_not_a_quote() -> None:
    text = 'وقال المحافظ: "أعلنا رسميا حالة الطوارئ".'
    q = one(text)
    assert q.cue.text == "قال" and q.speaker_text == "المحافظ"


@pytest.mark.parametrize(
    ("text", "name", "label", "speaker", "wording"),
    [
        ("قالت حركة حماس إن المفاوضات متعثرة.", "حماس", "ORG", "حماس", None),
        ("وأعلنت جماعة الحوثي أنها استهدفت سفينة.", "الحوثي", "ORG", "الحوثي", None),
        # a body word before a place is no organisation's name: the wording stays
        ("قالت حكومة كردستان إن الاتفاق نافذ.", "كردستان", "LOC", None, "حكومة كردستان"),
        # the name must be the whole rest of the speaker's words
        ("قالت منظمة حماس الطلابية إن الإضراب مستمر.", "حماس", "ORG", None, "منظمة حماس الطلابية"),
    ],
)
def test_a_body_word_before_an_organisations_name_leaves_the_name_the_speaker(
    text: str, name: str, label: str, speaker: str | None, wording: str | None
) -> None:
    # the recogniser leaves حركة / جماعة / منظمة out of the name by convention
    (q,) = extract_quotes(text, entities=[ent(text, name, label)])
    assert (q.speaker.text if q.speaker else None) == speaker
    assert q.speaker_text == wording


def test_appositive_name_is_the_speaker() -> None:
    text = "وقال المتحدث باسم الحكومة، سامي خليل، إن الاجتماع تأجل."
    q = one(text, ("سامي خليل",))
    assert q.speaker is not None and q.speaker.text == "سامي خليل"


def test_score_ranks_a_named_direct_quote_above_a_carried_speaker() -> None:
    text = 'وقال الوزير: "سنرفع الأجور". وأضاف أن القرار نهائي.'
    first, second = extract_quotes(text, entities=())
    assert 0.0 <= second.score < first.score <= 1.0
    assert second.speaker_text == "الوزير"


@given(st.text(alphabet='قال إن«»":،. وأضافلصحيفة"الوزير', max_size=150))
def test_quote_spans_and_scores_are_valid(text: str) -> None:
    for q in extract_quotes(text, entities=()):
        assert 0 <= q.content.start <= q.content.end <= len(text)
        assert 0.0 <= q.score <= 1.0
        if q.via is not None:
            assert text[q.via.start : q.via.end] == q.via.text
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text


@pytest.mark.parametrize(
    "tail",
    [
        "، بينما استمرت الاشتباكات",
        "، وفقا لما نقلته وكالة محلية",
        "، على حد قوله",
        "، وأكد الوزير ذلك",
    ],
)
def test_indirect_content_ends_before_a_new_clause(tail: str) -> None:
    text = f"وقال المحافظ إن الطرق أغلقت أمام السيارات{tail}."
    q = extract_quotes(text, entities=())[0]
    assert content(text, q) == "إن الطرق أغلقت أمام السيارات"


def test_cue_inside_indirect_content_does_not_stop_the_cut() -> None:
    # توضح inside the content is not where the content ends; the participle is
    text = "وأعرب الوزير عن أمله في أن توضح الشركة موقفها، محذرا من التأخير."
    first = extract_quotes(text, entities=())[0]
    assert content(text, first) == "أمله في أن توضح الشركة موقفها"


def test_participle_speaker_is_the_clause_subject() -> None:
    text = "ولم يوضح رئيس البلدية سمير داود موعد الافتتاح، قائلا إن الأعمال مستمرة."
    q = one(text, ("سمير داود",))
    assert q.cue.text == "قائلا"
    assert q.speaker is not None and q.speaker.text == "سمير داود"


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        # the speech verb's subject, not a verbal noun's genitive (لتهجير) nor a masdar's (رفض مصر)
        (
            "وأكد السيسي خلال اللقاء رفض مصر لأي محاولات لتهجير الفلسطينيين، مشددا على ضرورة "
            "إدخال المساعدات.",
            ("السيسي", "مصر"),
            "السيسي",
        ),
        # the speaker goes on: the army is the subject inside what he said
        (
            "وقال الوزير يوسف حداد إن الجيش قصف مواقع المسلحين، مشيرا إلى سقوط قتلى.",
            ("يوسف حداد", "الجيش"),
            "يوسف حداد",
        ),
    ],
)
def test_speech_participle_goes_on_with_the_speech_verbs_speaker(
    text: str, names: tuple[str, ...], speaker: str
) -> None:
    ents = [ent(text, n) for n in names]
    q = next(q for q in extract_quotes(text, entities=ents) if q.cue.text in ("مشددا", "مشيرا"))
    assert q.speaker is not None and q.speaker.text == speaker


def test_quotation_after_inna_however_far_the_cue() -> None:
    text = (
        'قال وزير الخارجية يوسف حداد، في مؤتمر صحفي مشترك مع نظيره الألماني، إن "الوضع '
        'كارثي ولا يحتمل".'
    )
    (q,) = extract_quotes(text, entities=[ent(text, "يوسف حداد")])
    assert q.direct and content(text, q) == "الوضع كارثي ولا يحتمل"
    assert q.speaker is not None and q.speaker.text == "يوسف حداد"


def test_relayed_saying_takes_the_source_after_an() -> None:
    # نقل X عن Y قوله إن: the cue is قوله, Y the speaker, X the outlet it came through
    text = "ونقلت الوكالة عن مصدر أمني قوله إن الهجوم نفذته طائرة مسيرة."
    (q,) = extract_quotes(text, entities=())
    assert q.cue.text == "قوله" and q.speaker_text == "مصدر أمني"
    assert q.via is not None and q.via.text == "الوكالة"
    assert content(text, q) == "إن الهجوم نفذته طائرة مسيرة"


def test_fronted_attribution_takes_the_clause_after_it() -> None:
    text = "وبحسب ما ذكرت الصحيفة، فإن الحكومة تدرس خطة جديدة."
    (q,) = extract_quotes(text, entities=(), threshold=0.0)
    assert q.cue.text == "ذكرت" and q.speaker_text == "الصحيفة"
    assert content(text, q) == "إن الحكومة تدرس خطة جديدة"


def test_second_speech_verb_keeps_the_speaker_not_the_outlet() -> None:
    text = 'وقال الوزير لقناة "الشرق" إن الأسعار ستنخفض، وأكد على ضرورة الصبر.'
    ent_ = ent(text, "الشرق", "ORG")
    first, second = extract_quotes(text, entities=[ent_])
    assert first.speaker_text == "الوزير" and second.speaker_text == "الوزير"
    assert content(text, first) == "إن الأسعار ستنخفض"


def _speakers(text: str, names: tuple[str, ...]) -> list[tuple[str | None, str | None]]:
    ents = tuple(ent(text, n) for n in names)
    return [
        (q.speaker.canonical if q.speaker else None, q.speaker_text)
        for q in extract_quotes(text, entities=ents)
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # another word for the same office, the nationality kept
        (
            "وصل الرئيس البرازيلي لولا دا سيلفا إلى لشبونة. وقال الزعيم البرازيلي إن الاتفاق قريب.",
            "لولا دا سيلفا",
        ),
        # the office and its complement, no nationality
        (
            "التقى وزير الدفاع الياباني كينجي واكاميا نظيره الكوري."
            " وأوضح وزير الدفاع أن التعاون سيتوسع.",
            "كينجي واكاميا",
        ),
    ],
)
def test_title_speaker_is_linked_to_the_person_named_earlier(text: str, name: str) -> None:
    got = _speakers(text, (name,))
    assert got == [(name, None)]
    q = extract_quotes(text, entities=(ent(text, name),))[0]
    assert q.speaker is not None and q.speaker.label == "PER"
    assert text[q.speaker.start : q.speaker.end] == q.speaker.text  # the title, in place


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a different nationality: not the person named before
        (
            "وصل الرئيس البرازيلي لولا دا سيلفا إلى لشبونة. وقال الرئيس البرتغالي إن الاتفاق قريب.",
            ("لولا دا سيلفا",),
        ),
        # two presidents named before, no nationality in the wording: ambiguous
        (
            "التقى الرئيس البرازيلي لولا دا سيلفا الرئيس الأرجنتيني خافيير ميلي."
            " وقال الرئيس إن الاتفاق قريب.",
            ("لولا دا سيلفا", "خافيير ميلي"),
        ),
        # a title named only in the same sentence as the quote is not linked backwards
        ("وقال الرئيس البرازيلي إن الاتفاق قريب.", ()),
    ],
)
def test_title_speaker_is_not_linked_when_it_does_not_fit(
    text: str, names: tuple[str, ...]
) -> None:
    got = _speakers(text, names)
    assert got and got[0][0] is None and got[0][1] is not None and "الرئيس" in got[0][1]


# --- session 20: what the web-news articles (benchmarks/data/quotes_news.jsonl) showed ------


def test_a_coordinated_speech_verb_ends_the_content_without_a_comma() -> None:
    text = "وقال سمير حداد إن المجلس يستعد للمرحلة المقبلة حيث أعلن حداد أن المحادثات ستبدأ قريبا."
    qs = extract_quotes(text, entities=[ent(text, "سمير حداد")])
    assert [content(text, q) for q in qs] == [
        "إن المجلس يستعد للمرحلة المقبلة",
        "أن المحادثات ستبدأ قريبا",
    ]


def test_a_speech_verb_reported_inside_the_content_stays_in_it() -> None:
    text = "وقال سمير حداد إن الرئيس أعلن أن المحادثات ستبدأ قريبا."
    q = extract_quotes(text, entities=[ent(text, "سمير حداد")])[0]
    assert content(text, q) == "إن الرئيس أعلن أن المحادثات ستبدأ قريبا"


def test_a_present_tense_cue_does_not_inherit_the_previous_speaker() -> None:
    text = "وقال سمير حداد إن الحزب سيفوز. إلا أن الأرقام تشير إلى أنه يتقدم في الولاية."
    qs = extract_quotes(text, entities=[ent(text, "سمير حداد")], threshold=0)
    later = [q for q in qs if q.cue.text == "تشير"]
    assert len(later) == 1 and later[0].speaker is None
    # with no speaker found it scores under the default threshold: left out by default
    assert [q.cue.text for q in extract_quotes(text, entities=[ent(text, "سمير حداد")])] == ["قال"]


def test_a_past_tense_cue_with_a_dropped_subject_inherits_it() -> None:
    text = "وقال سمير حداد إن الحزب سيفوز. وأضاف أن الحملة بدأت مبكرا."
    qs = extract_quotes(text, entities=[ent(text, "سمير حداد")])
    assert [q.speaker.text if q.speaker else None for q in qs] == ["سمير حداد", "سمير حداد"]


def test_a_quote_inside_anothers_words_does_not_take_over_the_dropped_subject() -> None:
    """قال X إن Y أبلغ ... بأن ...، وأشار إلى: the dropped subject of وأشار is X, who is
    speaking, not Y, whose words X reports."""
    text = (
        "وقال تيري ديران إن لويس أوكامبو أبلغ الأمم المتحدة بأن الوضع خطير، "
        "وأشار إلى أن ذلك ليس صحيحا."
    )
    names = ("تيري ديران", "لويس أوكامبو", "الأمم المتحدة")
    qs = extract_quotes(text, entities=[ent(text, n) for n in names], threshold=0)
    by_cue = {q.cue.text: q.speaker.text if q.speaker else None for q in qs}
    assert by_cue["قال"] == "تيري ديران"
    assert by_cue["أشار"] == "تيري ديران"


def test_an_impersonal_formula_is_no_quote() -> None:
    text = "وقال سمير حداد إن الحزب سيفوز. يذكر أن الحزب تأسس عام 1990."
    qs = extract_quotes(text, entities=[ent(text, "سمير حداد")])
    assert [q.cue.text for q in qs] == ["قال"]


def test_the_subject_of_a_kana_clause_speaks() -> None:
    text = "وكانت هذه المجموعة قد أعلنت في وقت سابق أنها ستواصل حملتها."
    q = one(text)
    assert q.speaker_text == "هذه المجموعة"


def test_a_name_before_a_comma_is_not_the_next_verbs_subject() -> None:
    text = "وقارن سمير حداد بين الأسواق العربية والدول الغربية ، فأشار أن الاستهلاك مرتفع."
    ents = [ent(text, "سمير حداد"), ent(text, "الدول الغربية", "LOC")]
    (q,) = extract_quotes(text, entities=ents, threshold=0)
    assert q.speaker is None or q.speaker.text != "الدول الغربية"


def test_a_quoted_name_inside_the_clause_is_not_the_content() -> None:
    text = 'أعلنت شركة " فيسبوك " عن استحواذها على تطبيق للتراسل مقابل مليار دولار.'
    q = one(text)
    assert content(text, q) == "استحواذها على تطبيق للتراسل مقابل مليار دولار"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("وأعلنت السلطات إغلاق المطار حتى إشعار آخر.", "إغلاق المطار حتى إشعار آخر"),
        ("أعلنت اليابان يوم السبت أول حالات إصابة بالفيروس.", "أول حالات إصابة بالفيروس"),
        ("أعلن الائتلاف عن انتخاب رئيس جديد ويتسلم الرئيس مهامه غدا.", "انتخاب رئيس جديد"),
    ],
)
def test_an_announced_noun_phrase_is_the_content(text: str, want: str) -> None:
    assert content(text, one(text)) == want


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        # a person's name after the title that is the subject stands in apposition to it
        ("أعلن الرئيس المصري نادر فهمي إغلاق الحدود.", "نادر فهمي", "إغلاق الحدود"),
        # باسم's genitive may be a construct chain before the name
        (
            "ونفى المتحدث باسم حكومة الإقليم سامي خوري وجود أي قوات.",
            "سامي خوري",
            "وجود أي قوات",
        ),
    ],
)
def test_the_subject_of_an_announcement_takes_its_titled_name(
    text: str, name: str, want: str
) -> None:
    q = one(text, (name,))
    assert q.speaker is not None and q.speaker.text == name
    assert content(text, q) == want


def test_an_announcement_verb_without_object_or_complementizer_is_no_quote() -> None:
    assert extract_quotes("أعلنت الحكومة في العاصمة.", entities=()) == ()


def test_the_quote_threshold_filters_on_the_score() -> None:
    text = "وقال سمير حداد إن الحزب سيفوز. إلا أن الأرقام تشير إلى أنه يتقدم في الولاية."
    ents = [ent(text, "سمير حداد")]
    every = extract_quotes(text, entities=ents, threshold=0)
    assert len(every) == 2
    for t in (0.0, 0.3, 0.5, 0.8, 1.0):
        kept = extract_quotes(text, entities=ents, threshold=t)
        assert kept == tuple(q for q in every if q.score is not None and q.score >= t)
    with pytest.raises(ValueError, match="between 0 and 1"):
        extract_quotes(text, threshold=1.5)
    with pytest.raises(TypeError):
        extract_quotes(text, threshold="high")  # type: ignore[arg-type]


def test_every_speech_cue_row_quotes_its_example() -> None:
    """Each row of ``cues.tsv`` is read as written: its example yields a quote on its cue (the
    attribution row's example only names its source, and a noun row needs its object)."""
    from arabnews.events.lexicon import cue_rows
    from arabnews.ner import GazetteerRecognizer, recognize

    gazetteer = GazetteerRecognizer()
    for row in cue_rows():
        if row["kind"] in ("noun", "attrib") or row["example"].startswith("وفق ما"):
            continue
        example = row["example"]
        names = recognize(example, recognizer=gazetteer)
        found = extract_quotes(example, entities=names, threshold=0)
        assert found, (row["pattern"], example)


def test_a_participle_after_a_clause_with_its_own_subject_keeps_no_earlier_speaker() -> None:
    # the subject of هاجم names no one we know; the earlier quote's speaker is not it
    text = (
        "وقال سمير حداد إن الموسم سيكون صعبا. "
        "وهاجم مدرب الفريق التحكيم بعد المباراة، معتبرا أن الحكم ظلم فريقه."
    )
    start = text.index("سمير حداد")
    qs = extract_quotes(text, entities=[Entity(start, start + 9, "سمير حداد", "PER")])
    late = [q for q in qs if q.cue.text == "معتبرا"]
    assert all(q.speaker is None and q.speaker_text != "سمير حداد" for q in late), qs


def test_a_speaker_phrase_ends_before_an_object_a_verb_or_a_participle() -> None:
    text = "وقال مسؤول بوزارة العدل متحدثا شريطة عدم نشر اسمه إن القرار نهائي."
    (q,) = extract_quotes(text, entities=(), threshold=0)
    assert q.speaker_text == "مسؤول بوزارة العدل"
    text = "واعتبر العلماء ذلك دليلا لا يقبل الشك على أن الموقع قديم."
    assert all(q.speaker_text in (None, "العلماء") for q in extract_quotes(text, threshold=0))


@pytest.mark.parametrize(
    "text",
    [
        "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.",
        "لم يقل الوزير إن الحكومة ستستقيل.",
        "ولن تعلن الشركة نتائجها قبل الشهر المقبل.",
    ],
)
def test_a_negated_speech_verb_is_no_quote(text: str) -> None:
    assert extract_quotes(text, entities=[]) == ()


def test_a_speech_verb_after_a_negated_clause_still_quotes() -> None:
    text = "لم يحضر الوزير الاجتماع، وقال المتحدث إن الموعد تأجل."
    assert content(text, one(text)).endswith("الموعد تأجل")


def test_a_nisba_after_a_feminine_noun_is_no_force() -> None:
    """هيئة عمليات التجارة البحرية البريطانية: maritime trade, not the British navy."""
    text = "اندلع حريق على متن السفينة، وفق ما أعلنت هيئة عمليات التجارة البحرية البريطانية."
    q = one(text)
    assert q.speaker is None or q.speaker.canonical != "المملكة المتحدة"
    assert q.speaker_text is not None and "هيئة" in q.speaker_text


@pytest.mark.parametrize(
    "text",
    [
        '"لن نتراجع عن مطالبنا"، هكذا قال أحد المحتجين لمراسل الجزيرة.',
        "«نحن مستعدون»، قال الوزير للصحفيين.",
    ],
)
def test_a_quotation_that_opens_the_sentence_before_its_speech_verb(text: str) -> None:
    qs = extract_quotes(text, entities=[], threshold=0.0)
    assert qs and qs[0].direct
    assert content(text, qs[0]) in ("لن نتراجع عن مطالبنا", "نحن مستعدون")
    assert qs[0].speaker is not None or qs[0].speaker_text


def test_a_quotation_inside_a_sentence_is_no_fronted_quote() -> None:
    text = 'اجتمع الوزراء "في جلسة طارئة"، وقال المتحدث إن القرار صدر.'
    (q,) = extract_quotes(text, entities=[], threshold=0.0)
    assert content(text, q).endswith("القرار صدر")


def test_a_plural_before_a_singular_present_cue_is_not_its_speaker() -> None:
    # مسلحون يعتقد أنهم: "gunmen believed to be"; the speaker would agree, يعتقدون
    text = "تعرضت دورية لكمين نصبه مسلحون يعتقد أنهم من جماعة متشددة."
    assert not any(
        q.speaker_text == "مسلحون" or (q.speaker and q.speaker.text == "مسلحون")
        for q in extract_quotes(text, entities=(), threshold=0.0)
    )


def test_a_claim_of_responsibility_is_the_content_not_the_speakers_name() -> None:
    text = "وأعلن تنظيم داعش مسؤوليته عن الهجوم."
    (q,) = extract_quotes(text, entities=[ent(text, "داعش", "ORG")], threshold=0.0)
    assert q.speaker is not None and q.speaker.text == "داعش"
    assert content(text, q) == "مسؤوليته عن الهجوم"
