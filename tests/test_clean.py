"""Example tests for the cleaner: steps, boilerplate, articles, alignment, bad input."""

from __future__ import annotations

from typing import Any

import pytest

import arabnews
from arabnews.clean import (
    Article,
    CleanConfig,
    CleanedText,
    Removal,
    clean,
    normalize,
    split_articles,
)
from arabnews.clean.boilerplate import find_boilerplate, patterns
from arabnews.clean.steps import char_plan, char_rows, normalize_chars
from arabnews.spans import Span

ONLY_CHARS = CleanConfig(boilerplate=False, articles=False)

# (step, input, expected with the step on) -- the step's documented example.
STEP_EXAMPLES = [
    ("presentation_forms", "ﻻ ﺑﻮﺗﻴﻦ", "لا بوتين"),
    ("presentation_forms", "ﷲ", "الله"),
    ("letter_variants", "فی کابل ھذه المدینۀ", "في كابل هذه المدينة"),
    ("tatweel", "بـوتـيـن", "بوتين"),
    ("diacritics", "حاليًا المدَمّرة هٰذا", "حاليا المدمرة هذا"),
    ("invisible", "\u2067\u202b#حماس\u202c\u2069 \u200fالمكتب", "#حماس المكتب"),
    ("spaces", "جيه\u00a0دي\u202fفانس", "جيه دي فانس"),
    ("line_breaks", "سطر\r\nسطر\rسطر\u2028سطر", "سطر\nسطر\nسطر\nسطر"),
    ("controls", "نص\x00\x1b\x7f", "نص"),
    ("digits", "٢٠٢٤ و۱۴۰۲ و٣٫٥ و٥٠٪", "2024 و1402 و3.5 و50%"),
    ("quotes", "“NBC” ‘x’", "\"NBC\" 'x'"),
    ("surrogates", "a\ud800b", "a\ufffdb"),
    ("punctuation_spacing", "قال ، ثم ( 2024 ) « نعم » ؟ !", "قال، ثم (2024) «نعم»؟!"),
]


@pytest.mark.parametrize(("step", "text", "expected"), STEP_EXAMPLES)
def test_step_example(step: str, text: str, expected: str) -> None:
    assert clean(text, config=ONLY_CHARS).text == expected


@pytest.mark.parametrize(("step", "text", "expected"), STEP_EXAMPLES)
def test_step_can_be_switched_off(step: str, text: str, expected: str) -> None:
    off = CleanConfig(**{step: False}, boilerplate=False, articles=False)
    out = clean(text, config=off).text
    assert out != expected  # the step is what made the change


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("( )", "()"),
        ("( x )", "(x)"),
        ("x\u00a0،", "x،"),
        ("ی\u00a0،", "ي،"),
        ("(\u00a0ی\u00a0)", "(ي)"),
        ("x \u200f ، y", "x، y"),
        ("كلمةً ،", "كلمة،"),
        ("« نعم »", "«نعم»"),
        ("( ( x ) )", "((x))"),
        ("a ,b ;c !", "a,b;c!"),
        ("3 . 5 و 10 : 30", "3 . 5 و 10 : 30"),
    ],
)
def test_punctuation_spacing_cases(text: str, expected: str) -> None:
    c = clean(text, config=ONLY_CHARS)
    assert c.text == expected
    assert clean(c.text, config=ONLY_CHARS).text == c.text
    for cs, ce, os_, oe, equal in c.alignment.segments():
        if equal:
            assert text[os_:oe] == c.text[cs:ce]


def test_yeh_decision_farsi_yeh_becomes_yeh_not_alef_maksura() -> None:
    assert clean("فی الروسی").text == "في الروسي"


def test_diacritics_are_stripped_by_default_and_kept_on_request() -> None:
    assert clean("مُحَمَّد").text == "محمد"
    assert clean("مُحَمَّد", config=CleanConfig(diacritics=False)).text == "مُحَمَّد"


def test_presentation_forms_respect_other_steps() -> None:
    # U+FEF7 (lam-alef with hamza) expands, then alef folding applies only when asked
    assert clean("\ufef7").text == "لأ"
    assert normalize("\ufef7") == "لا"
    # isolated diacritic forms carry no space into the text
    assert clean("ب\ufe70", config=CleanConfig(diacritics=False)).text == "ب\u064b"


def test_search_key_folding_off_in_clean_on_in_normalize() -> None:
    text = "أحمد إلى آسيا مدينة"
    assert clean(text).text == text
    assert normalize(text) == "احمد الي اسيا مدينه"
    assert normalize(text, fold_alef=False) == "أحمد إلي آسيا مدينه"
    assert normalize(text, fold_yeh=False, fold_teh_marbuta=False) == "احمد الى اسيا مدينة"


def test_normalize_options_are_checked() -> None:
    with pytest.raises(ValueError, match="unknown"):
        normalize("x", fold_everything=True)
    with pytest.raises(ValueError, match="unknown"):
        normalize("x", boilerplate=True)
    with pytest.raises(TypeError, match="bool"):
        normalize("x", fold_alef=1)  # type: ignore[arg-type]


def test_normalize_does_not_remove_boilerplate() -> None:
    assert normalize("إعلان") == "اعلان"


@pytest.mark.parametrize("bad", [b"abc", None, 3, ["x"]])
def test_type_errors_name_the_argument(bad: Any) -> None:
    with pytest.raises(TypeError, match="text"):
        clean(bad)
    with pytest.raises(TypeError, match="text"):
        normalize(bad)
    with pytest.raises(TypeError, match="text"):
        split_articles(bad)


def test_bytes_get_a_decoding_hint() -> None:
    with pytest.raises(TypeError, match="decode"):
        clean(b"\xd8\xa7")  # type: ignore[arg-type]


def test_bad_config_type() -> None:
    with pytest.raises(TypeError, match="config"):
        clean("x", config={"diacritics": False})  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\u00a0\t\r\n", "\u200f"])
def test_empty_and_whitespace_give_empty_result(text: str) -> None:
    c = clean(text)
    assert c.text == ""
    assert c.removed == ()
    assert c.articles == ()
    assert c.alignment.original_length == len(text)
    assert split_articles(text) == ()


def test_alignment_maps_back() -> None:
    original = "قال الرئيسُ ، إن ﻻ ٢٠٢٤"
    c = clean(original)
    assert c.text == "قال الرئيس، إن لا 2024"
    i = c.text.index("2024")
    assert c.span_to_original(Span(i, i + 4)) == Span(original.index("٢"), len(original))
    j = c.text.index("لا")
    # a presentation form is one unit: both halves map to the whole ligature
    assert c.span_to_original(Span(j, j + 1)) == Span(original.index("ﻻ"), original.index("ﻻ") + 1)
    assert c.to_original(0) == 0
    assert c.to_original(len(c.text)) == len(original)


def test_cleaned_text_value_semantics() -> None:
    a, b = clean("فی إعلان"), clean("فی إعلان")
    assert a == b and hash(a) == hash(b)
    assert "CleanedText(" in repr(a)
    assert isinstance(a, CleanedText)


def test_top_level_exports() -> None:
    # arabnews.clean is the package *and* the function: both uses work in any order
    import arabnews.clean as package

    assert arabnews.clean("فی").text == "في"
    assert package("فی").text == "في"
    assert package.clean is clean
    assert arabnews.CleanConfig is CleanConfig
    assert arabnews.split_articles is split_articles
    assert arabnews.Removal is Removal and arabnews.Article is Article


# -- boilerplate --------------------------------------------------------------------


def test_every_pattern_example_is_removed() -> None:
    for p in patterns():
        example = f"{p.example}\n{p.example}" if p.scope == "repeat" else p.example
        page = f"نص الخبر الأول هنا.\n\n{example}\n\nنص الخبر الثاني هنا."
        c = clean(page)
        at = page.index(example)
        # removed by its own row, or by a broader row covering it (skip link in a share bar)
        assert any(r.start < at + len(example) and at < r.end for r in c.removed), p.name
        assert "نص الخبر الأول هنا." in c.text and "نص الخبر الثاني هنا." in c.text


def test_see_also_block_takes_its_headlines_but_not_an_article_after_a_blank_line() -> None:
    page = (
        "فقرة أولى من الخبر.\n\nاقرأ أيضا:\nعنوان مقال آخر\nعنوان مقال ثالث\n\nفقرة ثانية من الخبر."
    )
    c = clean(page)
    assert [r.text for r in c.removed] == ["اقرأ أيضا:\nعنوان مقال آخر\nعنوان مقال ثالث"]
    page2 = "فقرة أولى.\n\nإقرأ أيضاً:\n\nعنوان خبر مدمج\n\n" + "نص الخبر المدمج " * 10 + "."
    c2 = clean(page2)
    assert [r.text for r in c2.removed] == ["إقرأ أيضاً:"]
    assert len(c2.articles) == 2
    assert c2.articles[1].headline == Span(page2.index("عنوان"), page2.index("عنوان") + 14)


def test_related_list_with_bullets() -> None:
    page = "نص.\n\nمقالات مشابهة\n\n  • عنوان أول\n  • عنوان ثان\n\nنهاية."
    c = clean(page)
    assert c.removed[0].kind == "related-links"
    assert c.removed[0].text.endswith("عنوان ثان")
    assert "نهاية." in c.text


def test_ad_marker_is_not_a_word_in_a_headline() -> None:
    page = "إعلان ملكة الدنمارك موعد تنازلها عن العرش\nأعلنت الملكة ذلك."
    assert clean(page).removed == ()
    glued = "وقصف روسي. اعلان\n\nقال الرئيس"
    c = clean(glued)
    assert [(r.kind, r.text) for r in c.removed] == [("ad-marker", "اعلان")]


def test_source_line_must_be_short() -> None:
    long_line = "المصدر: " + "كلمة " * 30
    assert clean(long_line).removed == ()
    assert clean("المصدر: الجزيرة").removed[0].kind == "source-line"


def test_share_bar_needs_a_strong_token() -> None:
    assert clean("نص.\n\nمحادثة\n\nنص.").removed == ()
    assert clean("نص.\n\nشارك هذا المقالمحادثة\n\nنص.").removed[0].kind == "share-bar"


def test_boilerplate_is_found_through_normalisation() -> None:
    # tatweel, tanween and bidi marks do not hide a marker; offsets stay original
    page = "نص الخبر.\n\n\u200fإعـــلان\n\nبقية الخبر."
    c = clean(page)
    assert len(c.removed) == 1
    r = c.removed[0]
    assert page[r.start : r.end] == r.text == "إعـــلان"


def test_repeated_caption_lines() -> None:
    page = "العنوان\n\nصورة من الاجتماع\nصورة من الاجتماع\n\nالنص."
    c = clean(page)
    assert [r.kind for r in c.removed] == ["other"]
    assert "صورة" not in c.text
    assert clean("----\n----").removed == ()  # no letters: not a caption


def test_social_post_promo_and_bidi_marks() -> None:
    post = (
        "حماس تعلن استشهاد القيادي في بيروت يمكنكم متابعة تطورات #حرب_غزة عبر قناة الجزيرة "
        "على واتساب: http://aja.me/abc:=:https://www.whatsapp.com/channel/x"
    )
    c = clean(post)
    assert [r.kind for r in c.removed] == ["other"]
    assert c.text.startswith("حماس تعلن استشهاد القيادي في بيروت")
    assert "#حرب_غزة" not in c.text
    tags = clean("نص \u2067\u202b#حماس\u202c\u2069 #غزة")
    assert tags.text == "نص #حماس #غزة"  # hashtags are content and stay


def test_boilerplate_off() -> None:
    c = clean("نص.\n\nإعلان\n\nنص.", config=CleanConfig(boilerplate=False))
    assert c.removed == () and "إعلان" in c.text


def test_find_boilerplate_offsets_are_stripped() -> None:
    text = "\n  إعلان  \nx"
    [m] = find_boilerplate(text)
    assert text[m.start : m.end] == "إعلان"


# -- articles -------------------------------------------------------------------------


def test_split_articles_headline_block_signal() -> None:
    page = (
        "العنوان الأول للخبر\nسطر تمهيدي للخبر الأول\n\nالنص الأول.\n\n"
        "العنوان الثاني للخبر\nسطر تمهيدي للخبر الثاني\n\nالنص الثاني."
    )
    arts = split_articles(page)
    assert len(arts) == 2
    assert arts[0].start == 0 and page[arts[0].start : arts[0].end].endswith("النص الأول.")
    assert arts[1].headline is not None
    assert page[arts[1].headline.start : arts[1].headline.end] == "العنوان الثاني للخبر"


def test_subheadings_do_not_split() -> None:
    page = "فقرة أولى طويلة.\n\nعنوان فرعي هنا\n\nفقرة ثانية.\nعنوان آخر بلا سطر فارغ\nفقرة."
    assert len(split_articles(page)) == 1


def test_single_post_has_one_article_without_headline() -> None:
    [a] = split_articles("  خبر قصير في سطر واحد.  ")
    assert (a.start, a.end, a.headline) == (2, 23, None)


# -- tables ---------------------------------------------------------------------------


def test_boilerplate_starting_inside_a_run_of_presentation_forms_is_cut_exactly() -> None:
    # "ﻭﻳﻤﻜﻨﻜﻢ" -> "ويمكنكم" is one changed run of equal length, mapped character for
    # character: the promo starts at its second letter, so the conjunction stays and text
    # and alignment stay consistent
    promo = "ﻭﻳﻤﻜﻨﻜﻢ متابعة الأخبار على واتساب"
    page = "نص.\n" + promo
    c = clean(page)
    assert [(r.start, r.text) for r in c.removed] == [(5, promo[1:])]
    assert c.text == "نص.\nو"
    assert c.alignment.cleaned_length == len(c.text)
    assert c.span_to_original(Span(4, 5)) == Span(4, 5)


def test_crlf_is_one_unit() -> None:
    c = clean("أ\r\nب\rج", config=ONLY_CHARS)
    assert c.text == "أ\nب\nج"
    assert list(c.alignment.changes()) == [(1, 3, 1, 2), (4, 5, 3, 4)]


def test_char_table_is_closed_and_idempotent() -> None:
    for cfg in (CleanConfig(), CleanConfig(fold_alef=True, fold_yeh=True, fold_teh_marbuta=True)):
        table = char_plan(cfg).table
        for cp, repl in table.items():
            assert repl.translate(table) == repl, hex(cp)


def test_char_rows_have_known_steps_and_notes() -> None:
    rows = char_rows()
    assert {r.step for r in rows} >= {"presentation_forms", "diacritics", "digits"}
    assert all(r.note for r in rows)


def test_no_edits_gives_identity() -> None:
    r = normalize_chars("نص عادي", CleanConfig())
    assert r.text == "نص عادي" and r.alignment.is_identity


# -- seeds ----------------------------------------------------------------------------


def test_seed_pages_clean(seed_texts: dict[str, str]) -> None:
    assert seed_texts, "seeds/ is part of the repository"
    for name, text in seed_texts.items():
        c = clean(text)
        assert c.articles, name
        for r in c.removed:
            assert text[r.start : r.end] == r.text


@pytest.mark.shared
def test_seed_gold_boilerplate_and_articles(seed_gold: dict[str, Any], shared_dir: Any) -> None:
    for doc in seed_gold["documents"]:
        text = (shared_dir / "seeds" / doc["file"]).read_text(encoding="utf-8")
        c = clean(text)
        removed = set()
        for r in c.removed:
            removed.update(range(r.start, r.end))
        gold = set()
        for b in doc["boilerplate"]:
            gold.update(range(b["start"], b["end"]))
        assert gold <= removed, doc["file"]
        for s in doc["sentences"]:
            assert not removed & set(range(s["start"], s["end"])), (doc["file"], s)
        got = [(a.start, a.end) for a in c.articles]
        assert got == [(a["start"], a["end"]) for a in doc["articles"]], doc["file"]
        heads = [a.headline and text[a.headline.start : a.headline.end] for a in c.articles]
        assert heads == [a["headline"] for a in doc["articles"]], doc["file"]
