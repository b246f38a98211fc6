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
