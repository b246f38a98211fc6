"""Tests of the sentence splitter: behaviour examples, invariants, and the gold scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arabnews
from arabnews.sentences import (
    SENTENCE_KINDS,
    Dateline,
    Sentence,
    boundary_offsets,
    score_boundaries,
    split_sentences,
)
from arabnews.testing import arabic_sentences, news_pages


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


# --------------------------------------------------------------------------- behaviour


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the plain terminators, Arabic and Latin
        ("وصل الوفد. وبدأت المحادثات.", ["وصل الوفد.", "وبدأت المحادثات."]),
        ("هل انتهت الحرب؟ لا أحد يعرف.", ["هل انتهت الحرب؟", "لا أحد يعرف."]),
        ("يا للهول! ثم صمت.", ["يا للهول!", "ثم صمت."]),
        ("انتظرنا طويلا… ثم جاء الرد.", ["انتظرنا طويلا…", "ثم جاء الرد."]),
        ("انتظرنا طويلا... ثم جاء الرد.", ["انتظرنا طويلا...", "ثم جاء الرد."]),
        ("لماذا؟! لا أعرف.", ["لماذا؟!", "لا أعرف."]),
        # never at the Arabic comma, the semicolon or a colon inside a line
        ("قال الوزير، الأحد، إن المحادثات مستمرة؛ وأضاف: لا جديد.", None),
        # «..» is a pause, not a full stop (gold convention)
        ("هناك جمود في هذه العملية.. يتطلب الأمر وقتا.", None),
        ("ترامب يفشل في إقناع بوتين.. وقصف روسي لكييف", None),
        ("استشراف آفاق النمو . . ودور الصناعات الثقافية .", None),
        # tokenised text: a terminator after a space still ends the sentence
        (
            "أعلنت الحكومة ( 2024 ) خطة جديدة . وقال الوزير .",
            ["أعلنت الحكومة ( 2024 ) خطة جديدة .", "وقال الوزير ."],
        ),
        # an ellipsis after a lone letter or opening a sentence does not split
        ("ورحت أقلب الصفحات و... وجدتها.", None),
        ("... وهذا مجرد مثال.", None),
        # decimals, thousands, dotted dates, percentages
        ("بلغ النمو 3.5 في المئة و1,200 دولار في 15.7.2023 تقريبا.", None),
        (
            "ارتفع المؤشر 1.56 %. وأغلق عند 8.7 ألف نقطة.",
            ["ارتفع المؤشر 1.56 %.", "وأغلق عند 8.7 ألف نقطة."],
        ),
        # a year ends a sentence
        ("وقعت الحرب عام 2022. وما زالت مستمرة.", ["وقعت الحرب عام 2022.", "وما زالت مستمرة."]),
        # dates written with a dash are not affected
        ("هراري 15-7 وصل الوفد.", None),
    ],
)
def test_terminators(text: str, expected: list[str] | None) -> None:
    assert texts(text) == (expected if expected is not None else [text])


@pytest.mark.parametrize(
    "text",
    [
        "قال د. محمد العلي إن الوضع مستقر.",
        "ألقى أ.د. سامي كلمة الافتتاح.",
        "العنوان ص.ب. 1234 الرياض.",
        "العنوان ص.ب 1234 الرياض.",
        "نقلت أ.ف.ب عن مصدر أمني أن الهجوم وقع ليلا.",
        "نقلت (أ.ف.ب.) عن مصدر أمني أن الهجوم وقع ليلا.",
        "بنيت المدينة عام 700 ق.م تقريبا.",
        "قالت U.S. Army إن الجنود عادوا.",
        "التقى Mr. Brown بالوزير.",
        "كتبت J. K. Rowling الرواية.",
        "د. السديري د. الدكان د. الرومي",
    ],
)
def test_abbreviations_do_not_split(text: str) -> None:
    assert texts(text) == [text]


def test_era_abbreviation_after_a_year_ends_the_sentence() -> None:
    assert texts("ولد عام 1350 هـ. ثم انتقل إلى مكة.") == ["ولد عام 1350 هـ.", "ثم انتقل إلى مكة."]
    assert texts("أشرف م. أحمد على المشروع.") == ["أشرف م. أحمد على المشروع."]


def test_abbreviations_are_data_with_examples() -> None:
    from arabnews.sentences._rules import abbreviations, read_table

    rows = read_table("abbreviations.tsv")
    assert {"د.", "U.S.", "ص.ب.", "أ.ف.ب."} <= {row["abbreviation"] for row in rows}
    table = abbreviations()
    for row in rows:
        assert table.kind(row["abbreviation"]) == row["kind"]
        if row["kind"] != "era":
            # the example sentence is not cut after the abbreviation
            assert texts(row["example"]) == [row["example"]], row


@pytest.mark.parametrize(
    "text",
    [
        "زوروا الموقع www.example.com/news?id=5 للمزيد.",
        "راسلونا على info@example.org أو news.desk@site.co.uk اليوم.",
        "الرابط http://aja.me/zktxv2:=:https://www.whatsapp.com/channel/0029Va6c هنا.",
        "قال الرئيس على X.com إن الاتفاق قريب.",
        "وصف «حمـ.ـاس» بأنها حركة مسلحة.",
    ],
)
def test_urls_emails_and_glued_dots_do_not_split(text: str) -> None:
    assert texts(text) == [text]


def test_missing_space_after_a_full_stop_between_arabic_words_splits() -> None:
    assert texts("انتهت الحرب.وقال الرئيس إنه راض.") == ["انتهت الحرب.", "وقال الرئيس إنه راض."]


def test_url_at_the_end_of_a_sentence() -> None:
    assert texts("المصدر www.example.com. وقال الوزير.") == [
        "المصدر www.example.com.",
        "وقال الوزير.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # terminators inside quotation marks do not split (gold convention)
        ('قال "انتهى الأمر. لن نعود" ثم غادر.', None),
        ("قال «لن نستسلم! سنقاتل» وغادر.", None),
        ("وحيا الجنود قائلا “أحسنتم!”. ثم غادر.", ["وحيا الجنود قائلا “أحسنتم!”.", "ثم غادر."]),
        # closing quotes and brackets stay with their sentence
        (
            'قال "لقد حررت البلدة". وأضاف أن القتال مستمر.',
            ['قال "لقد حررت البلدة".', "وأضاف أن القتال مستمر."],
        ),
        ('وحيا الجنود قائلا "أحسنتم!". ثم غادر.', ['وحيا الجنود قائلا "أحسنتم!".', "ثم غادر."]),
        ("(وهذا هو الأهم.) وانتهى الاجتماع.", ["(وهذا هو الأهم.)", "وانتهى الاجتماع."]),
        # a whole-sentence quotation ends with its closing mark
        (
            "وقال “نود أن نرى المساعدات لا تنخفض”. “آخر مرة، كان هذا عاملا.” وأضاف أنه متفائل.",
            [
                "وقال “نود أن نرى المساعدات لا تنخفض”.",
                "“آخر مرة، كان هذا عاملا.”",
                "وأضاف أنه متفائل.",
            ],
        ),
        # brackets: «قال (وهو غاضب!) إن» is one sentence
        ("قال (وهو غاضب!) إن الاتفاق انتهى.", None),
        # a stray quotation mark never swallows the rest of the paragraph
        ('قال "انتهى الأمر. وأضاف أنه سيغادر.', ['قال "انتهى الأمر.', "وأضاف أنه سيغادر."]),
    ],
)
def test_quotes_and_brackets(text: str, expected: list[str] | None) -> None:
    assert texts(text) == (expected if expected is not None else [text])


def test_colon_opening_a_quote_does_not_split_but_a_line_final_colon_does() -> None:
    text = 'وقال ماكرون في تغريدة: "إنه يلزم الرئيس الروسي البرهنة على صدق رغبته".'
    assert texts(text) == [text]
    text = "وقال بيسكوف:\nهناك بالطبع جمود في هذه العملية."
    assert texts(text) == ["وقال بيسكوف:", "هناك بالطبع جمود في هذه العملية."]
    assert [s.kind for s in split_sentences(text)] == ["body", "body"]


def test_line_ends_split_and_title_lines_are_headlines() -> None:
    text = (
        "الجيش الأوكراني يخوض معارك شرسة لاستعادة باخموت\n"
        "السيطرة على البلدة قد تساعد الجيش\n\n"
        "أعلنت السلطات، الأحد، أن القوات استعادت البلدة.\n\n"
        "تطورات ميدانية\n\n"
        "وقال الناطق إن القتال مستمر."
    )
    result = split_sentences(text)
    assert [(s.kind, s.text) for s in result] == [
        ("headline", "الجيش الأوكراني يخوض معارك شرسة لاستعادة باخموت"),
        ("headline", "السيطرة على البلدة قد تساعد الجيش"),
        ("body", "أعلنت السلطات، الأحد، أن القوات استعادت البلدة."),
        ("headline", "تطورات ميدانية"),
        ("body", "وقال الناطق إن القتال مستمر."),
    ]


def test_a_long_line_without_a_full_stop_is_body() -> None:
    line = " ".join(["كلمة"] * 40)
    assert [s.kind for s in split_sentences(line)] == ["body"]


def test_numbered_and_bulleted_lists() -> None:
    text = "أسماء الضحايا:\n1. الجندي عمر أحمد\n2. العريف سلطان محمد\n• بند أول • بند ثان"
    assert texts(text) == [
        "أسماء الضحايا:",
        "1. الجندي عمر أحمد",
        "2. العريف سلطان محمد",
        "• بند أول",
        "• بند ثان",
    ]
    assert [s.kind for s in split_sentences(text)][1:] == ["headline", "headline", "body", "body"]
    assert texts("أ. البند الأول\nب. البند الثاني") == ["أ. البند الأول", "ب. البند الثاني"]
    inline = "وحدد ثلاث أولويات: 1. الأمن، 2. الاقتصاد، 3. التعليم."
    assert texts(inline) == [inline]
    assert texts("قتل 23. وأصيب آخرون.") == ["قتل 23.", "وأصيب آخرون."]


@pytest.mark.parametrize(
    ("text", "place", "date_text", "agency", "dateline_text"),
    [
        ("هراري 15-7 (أ ف ب) - قتل خمسة أشخاص.", "هراري", "15-7", "AFP", "هراري 15-7 (أ ف ب) -"),
        (
            "القاهرة - رويترز: قال مسؤول إن الاجتماع انتهى.",
            "القاهرة",
            None,
            "Reuters",
            "القاهرة - رويترز:",
        ),
        ("واشنطن (رويترز) - قال البيت الأبيض.", "واشنطن", None, "Reuters", "واشنطن (رويترز) -"),
        ("بيروت 15 تموز/يوليو (أ.ف.ب) - قال الجيش.", "بيروت", "15 تموز/يوليو", "AFP", None),
        ("ريو دي جانيرو (أ ف ب) - افتتحت الألعاب.", "ريو دي جانيرو", None, "AFP", None),
        ("سبق - الرياض: احتفل الطلاب بالتخرج.", "الرياض", None, "Sabq", "سبق - الرياض:"),
        ("دمشق ( سانا ) - أعلن الجيش.", "دمشق", None, "SANA", None),
        ("غزة (الأراضي الفلسطينية) (أ ف ب) - قتل خمسة.", "غزة", None, "AFP", None),
        ("القدس المحتلة 15-7 (أ ف ب) - قالت الشرطة.", "القدس المحتلة", "15-7", "AFP", None),
        ("موسكو - أ ف ب: قال الكرملين.", "موسكو", None, "AFP", "موسكو - أ ف ب:"),
        ("PARIS (AFP) - The government said.", "PARIS", None, "AFP", "PARIS (AFP) -"),
    ],
)
def test_datelines_are_exposed(
    text: str, place: str, date_text: str | None, agency: str, dateline_text: str | None
) -> None:
    (sentence,) = split_sentences(text)
    dateline = sentence.dateline
    assert isinstance(dateline, Dateline)
    assert (dateline.place, dateline.date_text, dateline.agency) == (place, date_text, agency)
    assert text[dateline.start : dateline.end] == dateline.text
    assert dateline.start == sentence.start
    if dateline_text is not None:
        assert dateline.text == dateline_text


def test_a_dateline_on_the_headline_line_opens_a_new_sentence() -> None:
    text = "مقتل خمسة أشخاص في هجوم بزيمبابوي هراري 15-7 (أ ف ب) - قتل خمسة أشخاص في هجوم."
    headline, body = split_sentences(text)
    assert (headline.kind, headline.text) == ("headline", "مقتل خمسة أشخاص في هجوم بزيمبابوي")
    assert headline.dateline is None
    assert body.text.startswith("هراري 15-7 (أ ف ب) -")
    assert body.dateline is not None and body.dateline.place == "هراري"
    # a multi-word place from the table is taken whole
    text = "افتتاح الألعاب الأولمبية في البرازيل ريو دي جانيرو (أ ف ب) - افتتحت الألعاب."
    first, second = split_sentences(text)
    assert second.text.startswith("ريو دي جانيرو")
    assert first.text == "افتتاح الألعاب الأولمبية في البرازيل"


def test_datelines_on_a_line_of_their_own_and_after_a_byline() -> None:
    text = "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\nيقيم النادي حفلا."
    first, second = split_sentences(text)
    assert first.dateline is not None
    assert (first.dateline.place, first.dateline.agency) == ("الرياض", "SPA")
    assert first.dateline.date_text == "26 شوال 1436 هـ الموافق 11 أغسطس 2015 م"
    assert second.dateline is None
    (sentence,) = split_sentences("عبدالله البرقاوي- سبق- الرياض: أعلنت شركة المياه.")
    assert sentence.dateline is not None
    assert (sentence.dateline.text, sentence.dateline.place) == ("سبق- الرياض:", "الرياض")


def test_no_dateline_in_ordinary_sentences() -> None:
    for text in [
        "ونقلت وكالة رويترز عن مصادر أن الاجتماع انتهى.",
        "وذكرت وكالة الأنباء الرسمية (كونا) أنه صدر قرار.",
        "ومع ذلك، فإن المحادثات مستمرة.",
        "قال مصدر (رويترز) إن الاجتماع انتهى.",
    ]:
        assert [s.dateline for s in split_sentences(text)] == [None], text


def test_dateline_tables_are_validated() -> None:
    from arabnews.sentences._rules import dateline_rules

    rules = dateline_rules()
    assert [name for name, _ in rules.patterns] == ["paren", "agency_first", "dash", "date_line"]
    assert rules.canonical_agency["أفب"] == "AFP"
    assert ("ريو", "دي", "جانيرو") in rules.places


def test_offsets_are_into_the_original_text() -> None:
    text = "  \u200fأعلن الجيش\u00a0الأحد.   وقال إن القتال مستمر.\r\nسطر آخر  "
    result = split_sentences(text)
    assert [s.text for s in result] == [
        "\u200fأعلن الجيش\u00a0الأحد.",
        "وقال إن القتال مستمر.",
        "سطر آخر",
    ]
    for sentence in result:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.span == arabnews.Span(sentence.start, sentence.end)
        assert len(sentence) == len(sentence.text)


def test_bad_input() -> None:
    with pytest.raises(TypeError, match="text"):
        split_sentences(b"\xd9\x82\xd8\xa7\xd9\x84.")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text"):
        split_sentences(None)  # type: ignore[arg-type]
    assert split_sentences("") == ()
    assert split_sentences(" \n\t\u3000\n ") == ()


def test_public_names() -> None:
    assert arabnews.split_sentences is split_sentences
    assert arabnews.Sentence is Sentence
    assert arabnews.Dateline is Dateline
    sentence = Sentence(0, 3, "abc")
    assert (sentence.kind, sentence.dateline) == ("body", None)
    with pytest.raises(AttributeError):
        sentence.start = 1  # type: ignore[misc]


# --------------------------------------------------------------------------- invariants


def check_invariants(text: str) -> tuple[Sentence, ...]:
    result = split_sentences(text)
    previous_end = 0
    covered = []
    for sentence in result:
        assert isinstance(sentence, Sentence)
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.kind in SENTENCE_KINDS
        assert not any(c in sentence.text for c in "\n\r\u2028\u2029\x85\x0b\x0c")
        if sentence.dateline is not None:
            d = sentence.dateline
            assert sentence.start <= d.start < d.end <= sentence.end
            assert text[d.start : d.end] == d.text
        covered.append(sentence.text)
        previous_end = sentence.end
    # no visible character is lost: outside the sentences there is only whitespace
    position = 0
    for sentence in result:
        assert text[position : sentence.start].strip() == ""
        position = sentence.end
    assert text[position:].strip() == ""
    assert "".join("".join(covered).split()) == "".join(text.split())
    return result


@given(st.text())
def test_invariants_on_any_unicode(text: str) -> None:
    check_invariants(text)


@given(
    st.text(
        alphabet=st.sampled_from(list(".!?؟…،:\"'“”«»()[]•- \n\t\r\u00a0\u200fابت1٢x")), max_size=80
    )
)
def test_invariants_on_punctuation_soup(text: str) -> None:
    check_invariants(text)


@given(news_pages(hostile=True))
def test_invariants_on_news_pages(page: str) -> None:
    check_invariants(page)


@given(st.text())
def test_idempotent(text: str) -> None:
    for sentence in split_sentences(text):
        again = split_sentences(sentence.text)
        assert [s.text for s in again] == [sentence.text]


@given(news_pages(decorations=False))
def test_idempotent_on_news_pages(page: str) -> None:
    for sentence in split_sentences(page):
        again = split_sentences(sentence.text)
        assert [s.text for s in again] == [sentence.text]
        assert again[0].dateline == (
            None
            if sentence.dateline is None
            else Dateline(
                sentence.dateline.start - sentence.start,
                sentence.dateline.end - sentence.start,
                sentence.dateline.text,
                sentence.dateline.place,
                sentence.dateline.date_text,
                sentence.dateline.agency,
            )
        )


@given(
    st.lists(arabic_sentences(), min_size=1, max_size=8),
    st.sampled_from([" ", "  ", "\n", " \n\n"]),
)
def test_recovers_joined_sentences(sentences: list[str], separator: str) -> None:
    text = separator.join(sentences)
    assert texts(text) == sentences


# --------------------------------------------------------------------------- scores


def test_boundary_offsets_ignore_spacing_and_unscored_text() -> None:
    text = "أ ب. ج د.  هـ و."
    spans = [(0, 4), (5, 9), (11, 16)]
    assert boundary_offsets(text, spans) == {3, 6}
    # only the first two sentences are scored: the third is ignored
    assert boundary_offsets(text, spans, scored=[(0, 9)]) == {3}
    score = score_boundaries([({3, 6}, {3}), (set(), {2})])
    assert (score.true_positives, score.false_positives, score.false_negatives) == (1, 1, 1)
    assert score.precision == score.recall == score.f1 == 0.5


def test_seed_gold_boundary_f1(seed_gold: dict, shared_dir: Path) -> None:  # type: ignore[type-arg]
    pairs = []
    for document in seed_gold["documents"]:
        text = (shared_dir / "seeds" / Path(document["file"]).name).read_text(encoding="utf-8")
        gold = [(s["start"], s["end"]) for s in document["sentences"]]
        predicted = [(s.start, s.end) for s in split_sentences(text)]
        pairs.append(
            (
                boundary_offsets(text, predicted, scored=gold),
                boundary_offsets(text, gold, scored=gold),
            )
        )
    assert score_boundaries(pairs).f1 >= 0.99


def test_seed_gold_headlines(seed_gold: dict, shared_dir: Path) -> None:  # type: ignore[type-arg]
    # every gold headline, deck and subheading that has a line of its own is a headline
    for document in seed_gold["documents"]:
        text = (shared_dir / "seeds" / Path(document["file"]).name).read_text(encoding="utf-8")
        found = {(s.start, s.end): s.kind for s in split_sentences(text)}
        for gold in document["sentences"]:
            key = (gold["start"], gold["end"])
            if gold["kind"] != "body" and key in found:
                assert found[key] == "headline", text[gold["start"] : gold["end"]]
            elif gold["kind"] == "body" and key in found:
                assert found[key] == "body", text[gold["start"] : gold["end"]]


def test_pud_boundary_f1(shared_dir: Path) -> None:
    path = shared_dir / "data" / "sentences" / "pud_wiki_docs.jsonl"
    if not path.is_file():
        pytest.skip("PUD sentences not present")
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        document = json.loads(line)
        text, gold, position = document["text"], [], 0
        for sentence in document["sentences"]:
            start = text.index(sentence, position)
            position = start + len(sentence)
            gold.append((start, position))
        predicted = [(s.start, s.end) for s in split_sentences(text)]
        pairs.append((boundary_offsets(text, predicted), boundary_offsets(text, gold)))
    assert score_boundaries(pairs).f1 >= 0.99


def test_seed_pages_split_without_shared(seed_texts: dict[str, str]) -> None:
    # the repository's own copy of the seeds: headline of 002 and its « ..» sentence
    text = seed_texts["002_e02a900941bde77c.txt"]
    result = check_invariants(text)
    assert result[0].kind == "headline"
    assert result[0].text == "محادثات بناءة بين بوتين ومبعوث ترامب في موسكو"
    assert any(s.text.startswith("هناك بالطبع جمود في هذه العملية.. يتطلب") for s in result)


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30)), max_size=12),
    st.lists(st.integers(0, 100), max_size=20),
)
def test_pair_region_queries_match_a_brute_force_scan(
    pairs: list[tuple[int, int]], offsets: list[int]
) -> None:
    from arabnews.sentences._splitter import _Regions

    regions = [(start, start + length) for start, length in pairs]
    cursor = _Regions(regions)
    for offset in sorted(offsets):
        expected = sorted(r for r in regions if r[0] < offset < r[1])
        assert sorted(cursor.around(offset)) == expected


def test_long_single_line_with_many_quotes() -> None:
    text = 'قال "نعم" إن الأمر انتهى. ' * 3000 + "وقال «لا. أبدا» ثم غادر."
    result = split_sentences(text)
    assert len(result) == 3001
    assert result[-1].text == "وقال «لا. أبدا» ثم غادر."


# -- quotation state that recovers (issue 13, item 11) ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # reversed guillemets, as some Arabic papers set quoted speech
        "وقال الوزير:» إن المحادثات كانت مثمرة «. وأضاف:» سنلتقي مجددا الأسبوع المقبل «."
        " وانتهى الاجتماع مساء.",
        "وقال الوزير:»إن المحادثات كانت مثمرة«. وأضاف:»سنلتقي مجددا«. وانتهى الاجتماع.",
        # standard guillemets: unchanged
        "وقال الوزير: «إن المحادثات كانت مثمرة». وأضاف: «سنلتقي مجددا». وانتهى الاجتماع.",
    ],
)
def test_quoted_speech_in_either_guillemet_direction(text: str) -> None:
    assert len(split_sentences(text)) == 3


def test_a_quote_mark_that_never_closes_swallows_nothing() -> None:
    text = "قال المتحدث « إن الوضع هادئ. وأضاف أن الجيش انسحب. وتابع أن المفاوضات مستمرة."
    assert [s.text[:5] for s in split_sentences(text)] == ["قال ا", "وأضاف", "وتابع"]


def test_a_stray_mark_paired_with_a_far_one_is_no_quotation() -> None:
    body = "جملة أخرى في الفقرة نفسها. " * 60
    text = f"قال « نص أول. {body}ثم » انتهى."
    assert len(split_sentences(text)) == 62
    # a real quotation of a few sentences still holds together
    assert len(split_sentences("قال «نعم. لا». وأضاف أن الحرب انتهت.")) == 2


def test_a_terminator_after_a_closing_quote_mark_always_counts() -> None:
    # a stray straight quote after «ربما» shifts the toggle: the pairs found are
    # «"ربما ... "» and «". وأضاف "», yet «". » still ends the sentence it closes
    text = 'ثم قال "ربما. وصف البيان "الهجوم". وأضاف "لن نسكت". وانتهى.'
    assert [s.text for s in split_sentences(text)] == [
        'ثم قال "ربما. وصف البيان "الهجوم".',
        'وأضاف "لن نسكت".',
        "وانتهى.",
    ]
    # «...» glued to a word keeps its meaning: an opening mark before "..." is no end
    assert len(split_sentences("قال «... لا شيء» ثم غادر.")) == 1
