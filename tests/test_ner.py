"""arabnews.ner without a trained model: decoding, Stanza conversion, clitics, merging, checks."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabnews.errors import ModelNotAvailableError
from arabnews.ner import (
    CombinedRecognizer,
    GazetteerRecognizer,
    Recognizer,
    StanzaRecognizer,
    bioes_spans,
    entities_from_stanza,
    merge_entities,
    proclitic_length,
    trim_clitics,
    trim_entity,
    widen_to_words,
)
from arabnews.ner.clitics import name_exceptions, proclitic_rules
from arabnews.ner.edges import edge_rules, edge_word_kind, edge_words, trim_edges
from arabnews.ner.loading import (
    ModelFiles,
    check_model_files,
    input_normalizer,
    read_manifest,
    require_stanza,
    sniff_checkpoint,
)
from arabnews.spans import Entity, Span


def entry(id_: str, canonical: str, label: str, *variants: str) -> SimpleNamespace:
    return SimpleNamespace(id=id_, canonical=canonical, label=label, variants=variants)


NAMES = [
    entry("Q212", "أوكرانيا", "LOC", "اوكرانيا"),
    entry("Q3711", "زيلينسكي", "PER", "فولوديمير زيلينسكي", "زيلنسكي"),
    entry("Q822", "لبنان", "LOC"),
    entry("Q7809", "الشرق الأوسط", "LOC"),
    entry("Q1065", "الأمم المتحدة", "ORG", "الامم المتحدة"),
    entry("Q649", "موسكو", "LOC"),
    entry("Q1953", "بغداد", "LOC"),
]


# --- BIOES decoding ---------------------------------------------------------------------


def test_bioes_examples() -> None:
    tags = ["B-PER", "I-PER", "E-PER", "O", "S-LOC", "B-ORG", "E-ORG", "I-MISC"]
    assert list(bioes_spans(tags)) == [(0, 3, "PER"), (4, 5, "LOC"), (5, 7, "ORG"), (7, 8, "MISC")]
    # IOB2 (no E-/S-) decodes too, and a type change inside I- starts a new entity
    assert list(bioes_spans(["B-LOC", "I-LOC", "I-PER", "O"])) == [(0, 2, "LOC"), (2, 3, "PER")]
    assert list(bioes_spans([None, "O"])) == []


TAG = st.sampled_from(["O", "B-PER", "I-PER", "E-PER", "S-LOC", "B-ORG", "I-ORG", "E-ORG"])


@given(st.lists(TAG, max_size=40))
def test_bioes_spans_are_disjoint_and_cover_tagged_tokens(tags: list[str]) -> None:
    spans = list(bioes_spans(tags))
    covered: set[int] = set()
    prev_end = 0
    for first, last, _kind in spans:
        assert prev_end <= first < last <= len(tags)
        prev_end = last
        covered.update(range(first, last))
    assert covered == {i for i, t in enumerate(tags) if t != "O"}


# --- Stanza documents -> entities ---------------------------------------------------------


def _stanza_doc(text: str, tagged: Sequence[Sequence[tuple[str, str]]]) -> object:
    """A Stanza Document over *text* with whitespace-separated tokens and given NER tags."""
    from stanza.models.common.doc import Document

    sentences = []
    pos = 0
    for sentence in tagged:
        tokens = []
        for k, (form, tag) in enumerate(sentence, 1):
            start = text.index(form, pos)
            pos = start + len(form)
            tokens.append(
                {"id": (k,), "text": form, "start_char": start, "end_char": pos, "ner": tag}
            )
        sentences.append(tokens)
    return Document(sentences, text=text)


def test_entities_from_hand_built_stanza_document() -> None:
    pytest.importorskip("stanza")
    text = "قال فولوديمير زيلينسكي في كييف. وزارت الأمم المتحدة باخموت"
    doc = _stanza_doc(
        text,
        [
            [
                ("قال", "O"),
                ("فولوديمير", "B-PERS"),
                ("زيلينسكي", "E-PERS"),
                ("في", "O"),
                ("كييف", "S-LOC"),
                (".", "O"),
            ],
            [("وزارت", "O"), ("الأمم", "B-ORG"), ("المتحدة", "E-ORG"), ("باخموت", "S-DATE")],
        ],
    )
    ents = entities_from_stanza(doc, text)
    assert [(e.text, e.label) for e in ents] == [
        ("فولوديمير زيلينسكي", "PER"),
        ("كييف", "LOC"),
        ("الأمم المتحدة", "ORG"),
    ]  # DATE is not one of our labels: dropped
    for e in ents:
        assert text[e.start : e.end] == e.text


def test_entities_from_stanza_shift_by_offset() -> None:
    pytest.importorskip("stanza")
    prefix = "عنوان\n"
    sentence = "زار بوتين موسكو"
    doc = _stanza_doc(sentence, [[("زار", "O"), ("بوتين", "S-PER"), ("موسكو", "S-LOC")]])
    ents = entities_from_stanza(doc, sentence)
    shifted = [Span(e.start + len(prefix), e.end + len(prefix)) for e in ents]
    full = prefix + sentence
    assert [full[s.start : s.end] for s in shifted] == ["بوتين", "موسكو"]


WORD = st.text(alphabet=st.sampled_from("ابتسمنوي"), min_size=1, max_size=6)
SEP = st.sampled_from([" ", "  ", "\n", " ، ", "\u200f "])
BIOES = st.sampled_from(["O", "S-PER", "B-LOC", "I-LOC", "E-LOC", "S-GPE", "S-PERS", "B-ORG"])


@given(st.lists(st.tuples(WORD, SEP, BIOES), min_size=1, max_size=12))
def test_entities_from_stanza_always_slice_the_text(rows: list[tuple[str, str, str]]) -> None:
    pytest.importorskip("stanza")
    text = "".join(word + sep for word, sep, _ in rows)
    doc = _stanza_doc(text, [[(word, tag) for word, _, tag in rows]])
    ents = entities_from_stanza(doc, text)
    for e in ents:
        assert text[e.start : e.end] == e.text and e.label in {"PER", "LOC", "ORG"}
    assert len(ents) <= sum(tag != "O" for _, _, tag in rows)


def test_stanza_document_keeps_caller_offsets_through_normalisation() -> None:
    pytest.importorskip("stanza")
    pytest.importorskip("arabnews.tokens")
    from arabnews.ner.stanza_backend import _entities_from_refs, stanza_document

    texts = ["قالَ زيلينسكيّ إنّ كييف صامدة", "خبر ثانٍ عن بغداد"]
    spans = [[Span(0, len(texts[0]))], [Span(0, len(texts[1]))]]
    doc, refs = stanza_document(texts, spans, normalize=input_normalizer("strip-marks"))
    forms = [t.text for s in doc.sentences for t in s.tokens]
    assert "زيلينسكي" in forms and "قال" in forms  # diacritics stripped for the model
    # play the tagger: mark every form that is a name
    names = {"زيلينسكي": "S-PER", "كييف": "S-LOC", "بغداد": "S-LOC"}
    for sentence in doc.sentences:
        for token in sentence.tokens:
            token.ner = names.get(token.text, "O")
    per_text = _entities_from_refs(doc, refs, texts)
    assert [(e.text, e.label) for e in per_text[0]] == [("زيلينسكيّ", "PER"), ("كييف", "LOC")]
    assert [(e.text, e.label) for e in per_text[1]] == [("بغداد", "LOC")]
    for text, ents in zip(texts, per_text, strict=True):
        assert all(text[e.start : e.end] == e.text for e in ents)


# --- proclitics -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "known", "stripped"),
    [
        ("وزيلينسكي", (), "زيلينسكي"),  # conjunction و: stripped on shape
        ("وليد", (), "وليد"),  # a name, listed as an exception
        ("واشنطن", (), "واشنطن"),
        ("وزيرستان", (), "وزيرستان"),  # listed: a place that begins with و
        ("للشرق", (), "لشرق"),  # ل+ال written لل: only the preposition goes (gold convention)
        ("وللشرق", (), "لشرق"),
        ("بالعراق", (), "العراق"),
        ("وبالعراق", (), "العراق"),
        ("بموسكو", (), "بموسكو"),  # ب alone needs evidence ...
        ("بموسكو", ("موسكو",), "موسكو"),  # ... which the gazetteer gives
        ("وبموسكو", ("موسكو",), "موسكو"),
        ("بغداد", ("بغداد",), "بغداد"),  # a known name is never cut
        ("وبغداد", ("بغداد",), "بغداد"),  # و, not وب: what remains is known
        ("فرنسا", (), "فرنسا"),
        ("لبنان", (), "لبنان"),
        ("ولبنان", (), "لبنان"),
        ("وزارة", (), "وزارة"),  # begins ORG names
        ("وَزيلينسكي", (), "زيلينسكي"),  # the diacritic goes with the stripped letter
        ("واين", (), "واين"),  # Wayne: و + the question word أين is not a name
        ("وجو", (), "وجو"),  # a two-letter remainder needs evidence ...
        ("وجو", ("جو",), "جو"),  # ... which a listed name would give ...
        ("ويل", ("يل",), "ويل"),  # ... unless the word list reads the whole as a word (Will)
        ("بابل", ("ابل",), "بابل"),  # Babylon, not ب + Apple
        ("وعلي", (), "علي"),
        # the Wikipedia word list reads the whole as a word of its own: و stays
        ("ويكيبيديا", (), "ويكيبيديا"),
        ("وردة", (), "وردة"),  # the name Warda (ردة is a word, وردة is more a name)
        ("وسام", (), "وسام"),
        ("ويلسون", (), "ويلسون"),
        # ... or the rest is the more frequent word: و goes
        ("ومحمد", (), "محمد"),
        ("ومصر", (), "مصر"),
        # ك is rarely glued to a name: a listed word that begins with it stays whole
        ("كروسيا", ("روسيا",), "روسيا"),  # ك + a name is not in the word list
        ("كابل", ("ابل",), "كابل"),  # Kabul (a listed word), not ك + Apple
        ("كمال", ("مال",), "كمال"),
    ],
)
def test_proclitic_examples(word: str, known: tuple[str, ...], stripped: str) -> None:
    n = proclitic_length(word, is_known=set(known).__contains__)
    assert word[n:] == stripped


def test_proclitic_uses_the_rest_of_the_name() -> None:
    known = {"الشرق الأوسط"}.__contains__
    e = trim_entity(Entity(0, 11, "للشرق الأوسط", "LOC"), is_known=known)
    assert (e.start, e.text) == (1, "لشرق الأوسط")
    e = trim_entity(Entity(5, 16, "ولبنان وسوريا", "LOC"))
    assert (e.start, e.text) == (6, "لبنان وسوريا")


def test_the_lam_of_a_contracted_article_stays() -> None:
    # "للبحر" is ل + البحر written لل: the convention spans "لبحر الأحمر"; the ل left is the
    # article's, even where "بحر" alone is known (a word of a listed name)
    text = "وصلت السفن للبحر الأحمر"
    start = text.index("لبحر")
    ent = Entity(start, len(text), text[start:], "LOC")
    known = {"بحر"}
    assert trim_clitics([ent], gazetteer=SimpleNamespace(knows=known.__contains__), text=text) == (
        ent,
    )
    other = Entity(start, len(text), text[start:], "LOC")
    cut = trim_clitics([other], gazetteer=SimpleNamespace(knows=known.__contains__))
    assert cut[0].text == "بحر الأحمر"  # without the text, the ل is read as a clitic


def test_clitic_reading_follows_the_word_list() -> None:
    from arabnews.names import name_key as names_key
    from arabnews.names._features import lexicon
    from arabnews.ner.clitics import clitic_reading

    assert clitic_reading("ولبنان", 1) is True
    assert clitic_reading("ويكيبيديا", 1) is False
    assert clitic_reading("وزيلينسكي", 1) is None  # neither form is listed
    # the answer is the table's: the whole listed and the rest no more frequent -> a word
    for word in ("وسام", "وفاء", "وحيد", "ومحمد", "وسوريا"):
        whole = lexicon().get(names_key(word).tokens[0].text, (0, 0))
        rest = lexicon().get(names_key(word[1:]).tokens[0].text, (0, 0))
        conjoined = rest[0] > whole[0] and whole[1] <= rest[1]
        assert clitic_reading(word, 1) is conjoined, word


def test_clitic_tables_are_valid() -> None:
    rules = proclitic_rules()
    assert rules and all(r.example.startswith(r.prefix) for r in rules)
    assert "وليد" in name_exceptions() and "لندن" in name_exceptions()


def test_trim_clitics_takes_evidence_from_other_mentions() -> None:
    text = "وباخموت قرب باخموت"
    ents = (Entity(0, 7, "وباخموت", "LOC"), Entity(12, 18, "باخموت", "LOC"))
    trimmed = trim_clitics(ents)
    assert [(e.start, e.text) for e in trimmed] == [(1, "باخموت"), (12, "باخموت")]
    assert all(text[e.start : e.end] == e.text for e in trimmed)
    # without the second mention, ب of "بباخموت" is not cut on shape alone
    alone = trim_clitics((Entity(0, 7, "ببيروتي", "LOC"),))
    assert alone[0].text == "ببيروتي"


ARABIC = st.text(alphabet=st.sampled_from("ابتثجحخدذرسشصضطظعغفقكلمنهويىةءأإآؤئ َُِّ"), max_size=12)


@given(ARABIC, ARABIC)
def test_trimmed_entities_still_slice_the_text(before: str, word: str) -> None:
    word = word.strip()
    if not word:
        return
    text = before + word
    ent = Entity(len(before), len(text), word, "LOC")
    out = trim_entity(ent)
    assert text[out.start : out.end] == out.text
    assert out.start >= ent.start and out.end == ent.end and out.text


# --- titles, adjectives and classifiers at entity edges -----------------------------------


@pytest.mark.parametrize(
    ("text", "label", "known", "expected"),
    [
        ("الرئيس فلاديمير بوتين", "PER", (), "فلاديمير بوتين"),
        ("الأمريكي دونالد ترامب", "PER", (), "دونالد ترامب"),
        ("بوتين الروسي", "PER", (), "بوتين"),
        ("القوات الجوية الأوكرانية", "ORG", (), "القوات الجوية الأوكرانية"),  # a named branch
        ("نهر الدانوب", "LOC", (), "الدانوب"),
        ("دلتا الدانوب", "LOC", (), "دلتا الدانوب"),
        ("وكالة تاس", "ORG", ("تاس",), "تاس"),  # media noun + a known name
        ("وكالة الأنباء الفرنسية", "ORG", (), "وكالة الأنباء الفرنسية"),
        ("السفير الأميركي", "PER", (), None),  # nothing but a title and an adjective
        ("يونيو", "LOC", (), None),
        ("جنوب أفريقيا", "LOC", (), "جنوب أفريقيا"),  # directions are never cut
        ("الجيش الإسرائيلي", "ORG", (), None),  # a generic army and a nationality
        ("القوات الروسية", "ORG", (), None),
        ("الأراضي الفلسطينية", "LOC", (), None),
        ("قوات الدعم السريع", "ORG", (), "قوات الدعم السريع"),
        ("جيش الاحتلال الإسرائيلي", "ORG", (), "جيش الاحتلال الإسرائيلي"),
        ("فتحي حماد القيادي", "PER", (), "فتحي حماد"),  # a role noun after the person
        ("هانس غروندبرغ المبعوث", "PER", (), "هانس غروندبرغ"),
        # titles written in two words go whole, alone they are no name
        ("آية الله علي خامنئي", "PER", (), "علي خامنئي"),
        ("ولي العهد الأمير محمد بن سلمان", "PER", (), "محمد بن سلمان"),
        ("رئيس الوزراء بنيامين نتنياهو", "PER", (), "بنيامين نتنياهو"),
        ("آية الله", "PER", (), None),
        ("عبد الله", "PER", (), "عبد الله"),  # الله is no title of its own
        ("نصر الله", "PER", (), "نصر الله"),
        # a generic noun alone or with an adjective of affiliation is no name
        ("المنظمة الأممية", "ORG", (), None),
        ("الولايات", "LOC", (), None),
        ("الولايات المتحدة", "LOC", (), "الولايات المتحدة"),
        ("المنظمة العربية للتنمية", "ORG", (), "المنظمة العربية للتنمية"),
        # the countryside of a city is a classifier: alone it is no place
        ("ريف اللاذقية", "LOC", (), "اللاذقية"),
        ("ريف", "LOC", (), None),
    ],
)
def test_trim_edges_examples(
    text: str, label: str, known: tuple[str, ...], expected: str | None
) -> None:
    out = trim_edges(Entity(4, 4 + len(text), text, label), is_known=set(known).__contains__)
    if expected is None:
        assert out is None
    else:
        assert out is not None and out.text == expected
        assert out.start == 4 + text.index(expected) and out.end == out.start + len(expected)


def test_edge_tables_are_valid() -> None:
    kinds = {rule.kind for rule in edge_rules()}
    assert {"title", "nationality", "classifier", "media", "common"} <= kinds
    assert set(edge_words().values()) <= kinds
    assert edge_word_kind("والرئيس") == "title"
    assert edge_word_kind("المتحدث") == "title"  # one kind per word: a second one is refused


WORDS = st.sampled_from(["الرئيس", "الروسي", "نهر", "بوتين", "الدانوب", "تاس", "وكالة", "يونيو"])


@given(st.lists(WORDS, min_size=1, max_size=5), st.sampled_from(["PER", "LOC", "ORG"]))
def test_trim_edges_keeps_a_slice(words: list[str], label: str) -> None:
    text = "قال " + " ".join(words) + " أمس"
    start = 4
    ent = Entity(start, start + len(" ".join(words)), " ".join(words), label)
    out = trim_edges(ent)
    if out is not None:
        assert text[out.start : out.end] == out.text and out.text.strip() == out.text
        assert ent.start <= out.start < out.end <= ent.end


# --- gazetteer and combination ------------------------------------------------------------


def test_gazetteer_longest_match_and_clitics() -> None:
    pytest.importorskip("arabnews.tokens")
    g = GazetteerRecognizer(NAMES)
    text = "قال فولوديمير زيلينسكي للأمم المتحدة، وللشرق الأوسط وبموسكو ولبنان واوكرانيا"
    ents = g.recognize(text)
    got = [(e.text, e.label, e.entity_id) for e in ents]
    assert ("فولوديمير زيلينسكي", "PER", "Q3711") in got  # longest, not "زيلينسكي"
    assert ("لشرق الأوسط", "LOC", "Q7809") in got
    assert ("موسكو", "LOC", "Q649") in got
    assert ("لبنان", "LOC", "Q822") in got
    assert ("اوكرانيا", "LOC", "Q212") in got
    assert all(text[e.start : e.end] == e.text for e in ents)
    assert g.knows("فولوديمير") and g.lookup("أوكرانيا") is not None
    apple = SimpleNamespace(id="apple", canonical="آبل", label="ORG", variants=("ابل",))
    g2 = GazetteerRecognizer([*NAMES, apple])
    assert [e.text for e in g2.recognize("في مطار كابل وكابل")] == []
    assert [e.text for e in g2.recognize("مدن كموسكو")] == ["موسكو"]  # ك + a name: not listed


def test_gazetteer_reads_an_abbreviation_with_dots_or_spaces() -> None:
    """A listed abbreviation of single letters ("أ ف ب") is also found written with dots, as
    one token ("أ.ف.ب"); letters that only begin a longer dotted form are not."""
    pytest.importorskip("arabnews.tokens")
    afp = SimpleNamespace(id="afp", canonical="وكالة فرانس برس", label="ORG", variants=("أ ف ب",))
    g = GazetteerRecognizer([afp])
    for text, found in (
        ("القدس ـ أ ف ب: أعلنت", ["أ ف ب"]),
        ("القدس ـ أ.ف.ب: أعلنت", ["أ.ف.ب"]),
        ("موسكو ـ ا.ف.ب: هددت", ["ا.ف.ب"]),
        ("القدس ـ أ.ف.ب.ج: أعلنت", []),
    ):
        assert [(e.text, e.entity_id) for e in g.recognize(text)] == [(f, "afp") for f in found]


def test_gazetteer_gives_no_identity_to_a_spelling_two_entries_list() -> None:
    """A spelling several entries list (عمان: Oman, and Amman written without its shadda) is
    a name of their common label, but which one is a guess: no canonical, no id, and no
    ``lookup``; with different labels it is not tagged at all. The order of the entries
    does not matter."""
    pytest.importorskip("arabnews.tokens")
    oman = SimpleNamespace(id="oman", canonical="سلطنة عمان", label="LOC", variants=("عمان",))
    amman = SimpleNamespace(id="amman", canonical="عمّان", label="LOC", variants=())
    person = SimpleNamespace(id="p", canonical="عمان", label="PER", variants=())
    for entries in ([oman, amman], [amman, oman]):
        g = GazetteerRecognizer(entries)
        got = [(e.text, e.label, e.entity_id, e.canonical) for e in g.recognize("وصل إلى عمان")]
        assert got == [("عمان", "LOC", None, None)]
        assert g.lookup("عمان") is None
        assert [e.entity_id for e in g.recognize("زار سلطنة عمان")] == ["oman"]
    assert GazetteerRecognizer([oman, person]).recognize("وصل إلى عمان") == ()
    shipped = GazetteerRecognizer()
    assert [e.entity_id for e in shipped.recognize("ناقلة قبالة سواحل عمان")] == [None]


class _Fixed:
    def __init__(self, *entities: Entity) -> None:
        self.entities = entities

    def recognize(self, text: str, sentences: Sequence[Span] | None = None) -> tuple[Entity, ...]:
        return self.entities


def test_combined_policy() -> None:
    model = _Fixed(
        Entity(0, 4, "aaaa", "PER"),
        Entity(10, 12, "bb", "ORG"),
        Entity(30, 41, "بوتين ترامب", "PER"),  # two names run together
        Entity(50, 57, "الأطلسي", "LOC"),  # a fragment of a listed name
    )
    gaz = _Fixed(
        Entity(2, 8, "aaaaaa", "LOC", "x", "Q1"),  # crosses the model's boundary: dropped
        Entity(10, 12, "bb", "LOC", "B", "Q2"),  # same span: id, canonical and label copied
        Entity(20, 25, "ccccc", "LOC", "C", "Q3"),  # a gap: filled
        Entity(30, 35, "بوتين", "PER", "بوتين", "Q7747"),
        Entity(36, 41, "ترامب", "PER", "ترامب", "Q22686"),
        Entity(42, 57, "حلف شمال الأطلسي", "ORG", "الناتو", "Q7184"),
    )
    # model spans that stick out of a listed name only by a clitic or a title give way
    text = "قال والولايات المتحدة والرئيس مايك والتز"
    model2 = _Fixed(
        Entity(4, 13, "والولايات", "LOC"),
        Entity(14, 21, "المتحدة", "LOC"),
        Entity(22, 34, "والرئيس مايك", "PER"),
    )
    gaz2 = _Fixed(
        Entity(5, 21, "الولايات المتحدة", "LOC", "الولايات المتحدة", "Q30"),
        Entity(30, 40, "مايك والتز", "PER", "مايك والتز", "waltz"),
    )
    out2 = CombinedRecognizer(model2, gaz2).recognize(text)
    assert [(text[e.start : e.end], e.entity_id) for e in out2] == [
        ("الولايات المتحدة", "Q30"),
        ("مايك والتز", "waltz"),
    ]
    combo = CombinedRecognizer(model, gaz)
    assert isinstance(combo, Recognizer)
    out = combo.recognize("x" * 60)
    assert [(e.start, e.end, e.label, e.entity_id) for e in out] == [
        (0, 4, "PER", None),
        (10, 12, "LOC", "Q2"),
        (20, 25, "LOC", "Q3"),
        (30, 35, "PER", "Q7747"),
        (36, 41, "PER", "Q22686"),
        (42, 57, "ORG", "Q7184"),
    ]
    with pytest.raises(ValueError):
        CombinedRecognizer()


def test_a_listed_name_does_not_add_edge_words_to_a_tagged_one() -> None:
    text = "في قطاع غزة قال حزب الله اللبناني وجنوب أفريقيا"
    model = _Fixed(
        Entity(8, 11, "غزة", "LOC"),
        Entity(16, 24, "حزب الله", "PER"),
        Entity(40, 47, "أفريقيا", "LOC"),
    )
    gaz = _Fixed(
        Entity(3, 11, "قطاع غزة", "LOC", "قطاع غزة", "gaza"),
        Entity(16, 33, "حزب الله اللبناني", "ORG", "حزب الله", "hezbollah"),
        Entity(35, 47, "جنوب أفريقيا", "LOC", "جنوب أفريقيا", "za"),
    )
    out = CombinedRecognizer(model, gaz).recognize(text)
    assert [(text[e.start : e.end], e.label, e.entity_id) for e in out] == [
        ("غزة", "LOC", "gaza"),  # a classifier noun: the tagged name, the listed entry
        ("حزب الله", "ORG", "hezbollah"),  # a nationality adjective: the listed type
        ("جنوب أفريقيا", "LOC", "za"),  # a direction makes a new name: absorbed
    ]


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("وصل وزيلينسكي أمس", 5, 13, "وزيلينسكي"),
        ("إلى للشرق الأوسط", 5, 16, "للشرق الأوسط"),
        ("(رويترز) قال", 1, 7, "رويترز"),  # punctuation stays outside
        ("توقيت 1دو", 7, 9, "دو"),  # a word is letters: digits are not widened over
    ],
)
def test_widen_to_words_examples(text: str, start: int, end: int, expected: str) -> None:
    (out,) = widen_to_words([Entity(start, end, text[start:end], "LOC", "c", "id")], text)
    assert out.text == expected == text[out.start : out.end]
    assert (out.canonical, out.entity_id) == ("c", "id")


@given(ARABIC, ARABIC, ARABIC, st.data())
def test_widen_to_words_covers_and_is_stable(
    before: str, word: str, after: str, data: st.DataObject
) -> None:
    text = f"{before} {word}{after}"
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    ent = Entity(start, end, text[start:end], "PER")
    (out,) = widen_to_words([ent], text)
    assert out.start <= start and end <= out.end and out.text == text[out.start : out.end]
    assert widen_to_words([out], text) == (out,)


SPANS = st.lists(st.tuples(st.integers(0, 50), st.integers(1, 8)), max_size=10)


@given(st.lists(SPANS, max_size=3))
def test_merged_entities_never_overlap(groups: list[list[tuple[int, int]]]) -> None:
    ents = [[Entity(s, s + n, "x" * n, "LOC") for s, n in g] for g in groups]
    merged = merge_entities(ents)
    for a, b in itertools.pairwise(merged):
        assert a.end <= b.start
    everything = {e for g in ents for e in g}
    # each is an input entity or a piece of one (a cut run-on, rule 5), with its label
    assert all(
        any(e.start <= m.start and m.end <= e.end and e.label == m.label for e in everything)
        for m in merged
    )
    if ents and ents[0]:  # something of the first group, or what absorbed it, survives
        assert any(m.span.overlaps(e.span) for m in merged for e in ents[0])


def test_a_listed_name_cuts_a_model_run_on() -> None:
    """The model ran a listed name's last word into what follows: the name is kept whole, with
    its id, the run-on keeps only its part after it; a bare number is no such part."""
    text = "واتهمت منظمة هيومن رايتس ووتش قوات الأمن الإيرانية"

    def at(piece: str, label: str = "ORG", eid: str | None = None) -> Entity:
        s = text.index(piece)
        return Entity(s, s + len(piece), piece, label, None, eid)

    model = [at("هيومن رايتس"), at("ووتش قوات الأمن الإيرانية")]
    listed = [at("منظمة هيومن رايتس ووتش", eid="hrw")]
    got = [(e.text, e.entity_id) for e in merge_entities([model, listed])]
    assert got == [("هيومن رايتس ووتش", "hrw"), ("قوات الأمن الإيرانية", None)]
    text = "نظام آي أو إس 17.4 الجديد"
    model = [at("آي أو", "MISC"), at("إس 17.4", "MISC")]
    listed = [at("آي أو إس", "MISC", "ios")]
    assert merge_entities([model, listed]) == tuple(model)


# --- top-level recognize ------------------------------------------------------------------


def test_recognize_rejects_non_str_and_accepts_empty() -> None:
    from arabnews.ner import recognize

    with pytest.raises(TypeError, match="text must be str"):
        recognize(b"abc")  # type: ignore[arg-type]
    assert recognize("") == () and recognize(" \n\t") == ()


def _pipeline_modules() -> None:
    for name in ("arabnews.clean", "arabnews.sentences", "arabnews.tokens", "arabnews.names"):
        module = pytest.importorskip(name)
        if name == "arabnews.clean" and not hasattr(module, "clean"):
            pytest.skip("arabnews.clean.clean not available yet")
        if name == "arabnews.names" and not hasattr(module, "NameResolver"):
            pytest.skip("arabnews.names.NameResolver not available yet")


NAME_TEXTS = st.sampled_from(["زيلينسكي", "وزيلينسكي", "للشرق الأوسط", "موسكو", "لبنان"])
FILLER = st.text(
    alphabet=st.sampled_from([*"ابتسمن وفي،.\n ", "\u200f", "ـ", "َ", "😀", "\ud800", "\x07"]),
    max_size=15,
)


@given(st.lists(st.tuples(FILLER, NAME_TEXTS), min_size=1, max_size=4), FILLER)
def test_recognize_offsets_slice_the_original(parts: list[tuple[str, str]], end: str) -> None:
    _pipeline_modules()
    from arabnews.ner import recognize

    text = "".join(f"{filler} {name} " for filler, name in parts) + end
    ents = recognize(text, recognizer=GazetteerRecognizer(NAMES))
    for e in ents:
        assert text[e.start : e.end] == e.text
        assert e.text.strip() == e.text and e.text
        assert e.entity_id is not None and e.canonical is not None
        assert not e.text.startswith("و")  # the conjunction never stays on a name here


def test_recognize_with_gazetteer_trims_and_resolves() -> None:
    _pipeline_modules()
    from arabnews.ner import recognize

    text = "أعلن وزيلينسكي أن الوفد توجه للشرق الأوسط.\nثم زار زيلنسكي بغداد."
    ents = recognize(text, recognizer=GazetteerRecognizer(NAMES))
    got = [(e.text, e.label, e.entity_id) for e in ents]
    assert ("زيلينسكي", "PER", "Q3711") in got
    assert ("لشرق الأوسط", "LOC", "Q7809") in got
    assert ("زيلنسكي", "PER", "Q3711") in got
    assert ("بغداد", "LOC", "Q1953") in got
    assert all(text[e.start : e.end] == e.text for e in ents)


# --- model files and loading --------------------------------------------------------------


def test_missing_lfs_html_and_garbage_files(tmp_path: Path) -> None:
    missing = tmp_path / "ner.pt"
    with pytest.raises(ModelNotAvailableError, match=r"ner\.pt is missing") as info:
        sniff_checkpoint(missing)
    assert info.value.path == str(missing)

    lfs = tmp_path / "lfs.pt"
    lfs.write_text(
        "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n", encoding="ascii"
    )
    with pytest.raises(ModelNotAvailableError, match=r"Git LFS pointer.*git lfs pull"):
        sniff_checkpoint(lfs)

    html = tmp_path / "page.pt"
    html.write_text("\n<!DOCTYPE html><html><body>Sign in</body></html>", encoding="utf-8")
    with pytest.raises(ModelNotAvailableError, match="HTML page"):
        sniff_checkpoint(html)

    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"hello world")
    with pytest.raises(ModelNotAvailableError, match="not a torch checkpoint"):
        sniff_checkpoint(junk)

    empty = tmp_path / "empty.pt"
    empty.write_bytes(b"")
    with pytest.raises(ModelNotAvailableError, match="empty"):
        sniff_checkpoint(empty)


def _checkpoint(
    path: Path, config: dict[str, object], *, word_vocab: bool, saved_emb: bool
) -> Path:
    torch = pytest.importorskip("torch")
    vocab: dict[str, object] = {"char": {}, "tag": {"_id2unit": ["<PAD>", "O", "S-PER"]}}
    if word_vocab:
        vocab["word"] = {}
    model = {"tag_clfs.0.weight": torch.zeros(2, 2)}
    if saved_emb:
        model["word_emb.weight"] = torch.zeros(3, 2)
    base = {"word_emb_dim": 2, "char": True, "char_emb_dim": 4, "charlm": False}
    torch.save({"model": model, "vocab": vocab, "config": {**base, **config}}, path)
    return path


def test_model_needing_word_vectors_without_them(tmp_path: Path) -> None:
    model = _checkpoint(
        tmp_path / "ner.pt",
        {"wordvec_pretrain_file": "ar_vectors.pretrain.pt"},
        word_vocab=True,
        saved_emb=False,
    )
    with pytest.raises(ModelNotAvailableError, match=r"word vectors \(ar_vectors\.pretrain\.pt\)"):
        check_model_files(ModelFiles(model=model))
    with pytest.raises(ModelNotAvailableError, match=r"pretrain.*missing"):
        check_model_files(ModelFiles(model=model, pretrain=tmp_path / "pretrain.pt"))
    # the same model with its vectors inside, or with the pretrain file present, is fine
    inside = _checkpoint(tmp_path / "inside.pt", {}, word_vocab=True, saved_emb=True)
    assert not check_model_files(ModelFiles(model=inside)).needs_pretrain
    pretrain = _checkpoint(tmp_path / "pretrain.pt", {}, word_vocab=False, saved_emb=False)
    assert check_model_files(ModelFiles(model=model, pretrain=pretrain)).labels == ("PER",)


def test_model_needing_charlm_or_transformer(tmp_path: Path) -> None:
    charlm = _checkpoint(
        tmp_path / "charlm_ner.pt",
        {"charlm": True, "charlm_forward_file": "ar_fwd.pt"},
        word_vocab=False,
        saved_emb=False,
    )
    with pytest.raises(ModelNotAvailableError, match=r"forward character language model"):
        check_model_files(ModelFiles(model=charlm))
    bert = _checkpoint(
        tmp_path / "bert_ner.pt",
        {"bert_model": "aubmindlab/bert-base"},
        word_vocab=False,
        saved_emb=False,
    )
    with pytest.raises(ModelNotAvailableError, match="transformer 'aubmindlab/bert-base'"):
        check_model_files(ModelFiles(model=bert))


def test_not_a_stanza_checkpoint(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    path = tmp_path / "weights.pt"
    torch.save({"weights": torch.zeros(2)}, path)
    with pytest.raises(ModelNotAvailableError, match="not a Stanza NER model"):
        check_model_files(ModelFiles(model=path))


def test_read_manifest(tmp_path: Path) -> None:
    with pytest.raises(ModelNotAvailableError, match="does not exist"):
        read_manifest(tmp_path / "nowhere")
    with pytest.raises(ModelNotAvailableError, match=r"no manifest\.json"):
        read_manifest(tmp_path)
    (tmp_path / "manifest.json").write_text(
        json.dumps({"model": "ner.pt", "pretrain": "vec.pt", "input_normalization": "strip-marks"}),
        encoding="utf-8",
    )
    files = read_manifest(tmp_path)
    assert files.model == tmp_path / "ner.pt" and files.pretrain == tmp_path / "vec.pt"
    assert files.charlm_forward is None and files.input_normalization == "strip-marks"
    # a recognizer over it fails on first use, naming the file, before Stanza is involved
    rec = StanzaRecognizer(tmp_path)
    with pytest.raises(ModelNotAvailableError, match=r"ner\.pt is missing"):
        rec.recognize("نص عربي", [Span(0, 7)])
    # a file whose size disagrees with the manifest is reported, not loaded
    (tmp_path / "ner.pt").write_bytes(b"PK\x03\x04" + b"0" * 2000)
    (tmp_path / "manifest.json").write_text(
        json.dumps({"ner_model": "ner.pt", "files": {"ner.pt": {"bytes": 5000}}}),
        encoding="utf-8",
    )
    with pytest.raises(ModelNotAvailableError, match="truncated or was replaced"):
        read_manifest(tmp_path)
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelNotAvailableError, match="not valid JSON"):
        read_manifest(tmp_path)


def test_input_normalizer() -> None:
    assert input_normalizer(None)("مُحَمَّد") == "مُحَمَّد"
    assert input_normalizer("strip-marks")("مُحَمَّد") == "محمد"
    assert input_normalizer("strip-marks")("ـــ") == "ـــ"  # never an empty token
    with pytest.raises(ModelNotAvailableError, match="input normalisation"):
        input_normalizer("lemmatize-everything")


def test_missing_stanza_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "stanza", None)
    with pytest.raises(ModelNotAvailableError, match=r"pip install 'arabnews\[ner\]'"):
        require_stanza()


def test_official_dir_checks(tmp_path: Path) -> None:
    pytest.importorskip("stanza")
    # a folder in neither layout: one error, raised at once, describing both layouts
    with pytest.raises(ModelNotAvailableError, match=r"expected either .*manifest\.json.*ar/ner"):
        StanzaRecognizer.from_dir(tmp_path)
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    (tmp_path / "ar" / "ner").mkdir(parents=True)
    with pytest.raises(ModelNotAvailableError, match=r"ar/ner holds no \*\.pt"):
        StanzaRecognizer.from_dir(tmp_path / "ar")  # the ar/ folder is accepted too


def test_importing_ner_loads_neither_torch_nor_stanza() -> None:
    code = (
        "import sys, arabnews, arabnews.ner; "
        "arabnews.ner.StanzaRecognizer; arabnews.ner.recognize; arabnews.ner.CombinedRecognizer; "
        "print(','.join(m for m in ('torch', 'stanza') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_a_name_the_resolver_cannot_key_keeps_no_id() -> None:
    # "Al" is only an article once keyed: the resolver records nothing for it, and linking
    # must leave the entity unlinked instead of raising KeyError (found at 1 MB of news)
    from arabnews.names import NameResolver
    from arabnews.ner.api import resolve_entities

    ents = (Entity(0, 2, "Al", "ORG"), Entity(3, 8, "بوتين", "PER"))
    out = resolve_entities(ents, resolver=NameResolver())
    assert out[0].entity_id is None
    assert out[1].entity_id


def test_every_mention_of_a_surname_links_alike_whatever_comes_first() -> None:
    # a headline names the surname before the body gives the full name: every mention of the
    # surname joins the full name, not only those after it
    from arabnews.names import NameResolver
    from arabnews.ner.api import resolve_entities

    text = "خروج ديسانتيس من السباق\nأعلن حاكم فلوريدا رون ديسانتيس انسحابه. وقال ديسانتيس إنه"
    names = [("ديسانتيس", 0), ("رون ديسانتيس", 0), ("ديسانتيس", 1)]
    ents = []
    for name, nth in names:
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        ents.append(Entity(start, start + len(name), name, "PER"))
    ents.sort(key=lambda e: e.start)
    out = resolve_entities(ents, resolver=NameResolver())
    assert len({e.entity_id for e in out}) == 1, [(e.text, e.entity_id) for e in out]


def test_min_score_and_entity_threshold_drop_unsure_entities_only() -> None:
    """``recognize(min_score=)`` and ``Pipeline(entity_threshold=)`` drop the entities whose
    recognition score is under the threshold and keep those without a score."""
    from arabnews import Pipeline
    from arabnews.ner import keep_scored, recognize

    text = "قابل سمير حداد أمس مع نادر فهمي في بلدة كرمان"

    def at(name: str, label: str, score: float | None = None) -> Entity:
        start = text.index(name)
        return Entity(start, start + len(name), name, label, score=score)

    sure, unsure, unscored = (
        at("سمير حداد", "PER", 0.97),
        at("نادر فهمي", "PER", 0.41),
        at("كرمان", "LOC"),
    )
    tagger = _Fixed(sure, unsure, unscored)
    assert [e.text for e in keep_scored([sure, unsure, unscored], 0.5)] == ["سمير حداد", "كرمان"]
    assert keep_scored([sure, unsure], None) == (sure, unsure)

    def texts(ents: Sequence[Entity]) -> list[str]:
        return [e.text for e in ents]

    assert texts(recognize(text, recognizer=tagger)) == ["سمير حداد", "نادر فهمي", "كرمان"]
    assert texts(recognize(text, recognizer=tagger, min_score=0.5)) == ["سمير حداد", "كرمان"]
    assert texts(recognize(text, recognizer=tagger, min_score=0.99)) == ["كرمان"]
    doc = Pipeline(ner=tagger, events=None, quotes=None, entity_threshold=0.5).analyze(text)
    assert texts(doc.entities) == ["سمير حداد", "كرمان"]
    bad_values = ((1.5, ValueError), (-0.1, ValueError), (True, TypeError), ("0.5", TypeError))
    for bad, error in bad_values:
        with pytest.raises(error, match="min_score"):
            recognize(text, recognizer=tagger, min_score=bad)  # type: ignore[arg-type]
        with pytest.raises(error, match="entity_threshold"):
            Pipeline(entity_threshold=bad)  # type: ignore[arg-type]


def test_a_listed_name_the_model_missed_gets_a_score_when_linked() -> None:
    # a gazetteer name carries its id from the recognizer and no tagger probability; linking
    # gives it the measured share of such names found right, so a user can threshold every
    # entity (an entity whose id is no gazetteer's keeps what it had)
    from arabnews.names import NameResolver
    from arabnews.ner import GazetteerRecognizer, listed_score
    from arabnews.ner.api import resolve_entities

    gazetteer = GazetteerRecognizer()
    text = "قالت حماس إن الأمم المتحدة"
    found = gazetteer.recognize(text)
    assert [(e.text, e.score) for e in found] == [("حماس", None), ("الأمم المتحدة", None)]
    out = resolve_entities(found, gazetteer=gazetteer, resolver=NameResolver())
    assert [e.entity_id for e in out] == [e.entity_id for e in found]
    assert [e.score for e in out] == [listed_score("حماس"), listed_score("الأمم المتحدة")]
    assert 0.5 < listed_score("الأمم المتحدة") < listed_score("حماس") < 1.0
    own = Entity(0, 4, "قالت", "PER", entity_id="mine:1")
    assert resolve_entities([own], gazetteer=gazetteer, resolver=NameResolver())[0].score is None


def test_a_listed_name_the_model_was_unsure_of_is_raised_to_the_listed_floor() -> None:
    # the model tagged a name the gazetteer lists in that spelling: its low probability
    # under-rates it (such names are right four times in five), so linking raises it
    from arabnews.names import NameResolver
    from arabnews.ner import GazetteerRecognizer, listed_score
    from arabnews.ner.api import resolve_entities

    gazetteer = GazetteerRecognizer()
    text = "قالت حماس إن الأمم المتحدة"
    listed = [attrs.evolve(e, score=0.3) for e in gazetteer.recognize(text)]
    out = resolve_entities(listed, gazetteer=gazetteer, resolver=NameResolver())
    floors = [listed_score(e.text, tagged=True) for e in listed]
    assert [e.score for e in out] == floors
    sure = [attrs.evolve(e, score=0.99) for e in listed]
    assert [e.score for e in resolve_entities(sure, gazetteer=gazetteer)] == [0.99, 0.99]
    # a name the gazetteer does not list keeps what the model said
    own = Entity(0, 4, "قالت", "PER", score=0.3)
    assert resolve_entities([own], gazetteer=gazetteer, resolver=NameResolver())[0].score == 0.3


def test_a_listed_name_keeps_a_trailing_nisba_surname() -> None:
    """محمد شياع السوداني: the last word is also "Sudanese", which the edge rules cut from an
    unlisted name; the gazetteer lists this one with it, so it stays (a title or classifier in
    front of a listed name still goes: the convention)."""
    text = "محمد شياع السوداني"
    cut = trim_edges(Entity(0, len(text), text, "PER"))
    assert cut is not None and cut.text == "محمد شياع"
    from arabnews import recognize as recognize_text

    got = [e.text for e in recognize_text("قال رئيس الوزراء العراقي محمد شياع السوداني إن ...")]
    assert text in got
    got = [e.text for e in recognize_text("وقالت حركة حماس في بيان إن المفاوضات متوقفة.")]
    assert "حماس" in got and "حركة حماس" not in got
