"""Document: exact round trips, generic serialisation, tables, published dates."""

from __future__ import annotations

import datetime as dt
import json
import sys

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arabnews.alignment import apply_edits
from arabnews.clean import CleanedText, Removal
from arabnews.document import SCHEMA, Document, decode_value, encode_value, parse_published
from arabnews.spans import Entity, Mention, Span
from arabnews.testing import documents, news_pages

events = pytest.importorskip("arabnews.events")
Event, Quote, Quantity, TimeExpression = (
    events.Event,
    events.Quote,
    events.Quantity,
    events.TimeExpression,
)


def _hand_built() -> Document:
    text = "\u200fقال الرئيس زيلينسكي في كييف إن 12 صاروخا سقطت أمس. إعلان"
    clean_text, alignment = apply_edits(text, [(0, 1, ""), (len(text) - 5, len(text), "")])
    cleaned = CleanedText(
        original=text,
        text=clean_text,
        removed=(Removal(len(text) - 5, len(text), "ad-marker", "إعلان"),),
        alignment=alignment,
    )

    def m(word: str, label: str | None = None) -> Mention:
        i = text.index(word)
        return Mention(i, i + len(word), word, label, None, None)

    zel = text.index("زيلينسكي")
    entity = Entity(zel, zel + 8, "زيلينسكي", "PER", "فولوديمير زيلينسكي", "Q3881", 0.97)
    kyiv = text.index("كييف")
    place = Entity(kyiv, kyiv + 4, "كييف", "LOC")
    n = text.index("12 صاروخا")
    when = text.index("أمس")
    event = Event(
        type="ASSAULT",
        mode="aerial",
        trigger=m("سقطت"),
        actor=(),
        recipient=(m("كييف", "LOC"),),
        location=(m("كييف", "LOC"),),
        time=TimeExpression(when, when + 3, "أمس", "2024-05-01"),
        quantities=(Quantity(n, n + 9, "12 صاروخا", kind="missiles", value=12.0),),
        modality="asserted",
        sentence=Span(1, text.index(".") + 1),
    )
    content_start = text.index("12")
    quote = Quote(
        speaker=entity.to_mention(),
        cue=m("قال"),
        content=Span(content_start, text.index(".")),
        direct=False,
    )
    return Document(
        text=text,
        cleaned=cleaned,
        sentences=(),
        entities=(entity, place),
        events=(event,),
        quotes=(quote,),
        published=dt.date(2024, 5, 2),
    )


def test_hand_built_round_trip() -> None:
    doc = _hand_built()
    data = doc.to_dict()
    assert data["schema"] == SCHEMA
    assert "original" not in data["cleaned"]  # not stored twice
    assert Document.from_dict(data) == doc
    assert Document.from_json(doc.to_json()) == doc
    assert Document.from_json(doc.to_json(indent=2)) == doc
    # plain JSON: no Python-only values survive in the dict
    assert json.loads(json.dumps(data)) == data


def test_every_span_of_hand_built_slices_text() -> None:
    doc = _hand_built()
    paths = []
    for path, obj in doc.iter_spans():
        paths.append(path)
        if hasattr(obj, "text"):
            assert doc.text[obj.start : obj.end] == obj.text, path
    assert "events[0].trigger" in paths and "quotes[0].content" in paths
    assert "events[0].quantities[0]" in paths and "cleaned.removed[0]" in paths


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n",
        "\ud83d\ude00",  # a high and a low surrogate as two code points (not an emoji)
        "a\ud800b\udfffc",
        "\ud83d\ude00x\ud83d",
        "😀 \u202eعكس\u202c \x00\x1b",
    ],
)
def test_text_round_trips_exactly(text: str) -> None:
    cleaned = CleanedText(text, text, (), apply_edits(text, [])[1])
    doc = Document(text=text, cleaned=cleaned)
    out = doc.to_json()
    out.encode("utf-8")  # writable to any UTF-8 stream
    back = Document.from_json(out)
    assert back == doc and len(back.text) == len(text)


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents())
def test_generated_documents_round_trip(doc: Document) -> None:
    assert Document.from_dict(doc.to_dict()) == doc
    line = doc.to_json()
    assert "\n" not in line
    assert Document.from_json(line) == doc


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents(pages=news_pages(hostile=True)))
def test_hostile_documents_round_trip_and_slice(doc: Document) -> None:
    assert Document.from_json(doc.to_json()) == doc
    for path, obj in doc.iter_spans():
        assert 0 <= obj.start <= obj.end <= len(doc.text), path
        if isinstance(getattr(obj, "text", None), str):
            assert doc.text[obj.start : obj.end] == obj.text, path


def test_schema_is_checked() -> None:
    data = _hand_built().to_dict()
    with pytest.raises(ValueError, match="unsupported document schema"):
        Document.from_dict({**data, "schema": "arabnews.document/999"})
    with pytest.raises(ValueError, match="not a serialised arabnews document"):
        Document.from_dict({"text": "x"})
    with pytest.raises(TypeError, match="mapping"):
        Document.from_dict([1, 2])  # type: ignore[arg-type]


def test_unknown_fields_and_types_are_errors() -> None:
    data = _hand_built().to_dict()
    data["entities"][0]["colour"] = "red"
    with pytest.raises(ValueError, match="Entity has no field 'colour'"):
        Document.from_dict(data)
    with pytest.raises(ValueError, match="unknown type"):
        decode_value({"@type": "NoSuchThing"})
    # a type tag never imports code outside arabnews
    with pytest.raises(ValueError, match="unknown type"):
        decode_value({"@type": "os:system"})


@attrs.frozen
class _Custom:
    start: int
    end: int
    text: str
    extra: tuple[str, ...] = ()
    when: dt.date | None = None
    table: dict[int, str] = attrs.field(factory=dict)


def test_new_classes_and_fields_serialise_generically() -> None:
    from arabnews.document import register_type

    register_type(_Custom, "TestCustom")
    text = "أبجد هوز"
    custom = _Custom(0, 4, "أبجد", ("x", "y"), dt.date(2020, 1, 2), {1: "a"})
    cleaned = CleanedText(text, text, (), apply_edits(text, [])[1])
    doc = Document(text=text, cleaned=cleaned, events=(custom,))  # type: ignore[arg-type]
    data = doc.to_dict()
    assert data["events"][0]["@type"] == "TestCustom"
    assert Document.from_json(doc.to_json()) == doc


def test_encode_value_rejects_unknown_objects() -> None:
    with pytest.raises(TypeError, match="cannot serialise"):
        encode_value(object())
    assert decode_value(encode_value([1, (2, 3)])) == [1, (2, 3)]


def test_frames() -> None:
    pytest.importorskip("pandas")
    doc = attrs.evolve(_hand_built(), id="page-1")
    ents = doc.entities_frame()
    assert list(ents.columns) == [
        "doc_id",
        "start",
        "end",
        "text",
        "label",
        "canonical",
        "entity_id",
        "score",
    ]
    assert ents["text"].tolist() == ["زيلينسكي", "كييف"]
    assert ents["doc_id"].tolist() == ["page-1", "page-1"]
    assert str(ents["score"].dtype) == "float64"  # NaN where an entity has no score
    assert ents["score"].isna().tolist() == [False, True]
    evs = doc.events_frame()
    row = evs.iloc[0]
    assert row["type"] == "ASSAULT" and row["trigger"] == "سقطت"
    assert doc.text[row["trigger_start"] : row["trigger_end"]] == "سقطت"
    assert row["recipient"] == "كييف" and row["time"] == "أمس"  # strings, not tuples
    assert row["time_value"] == "2024-05-01" and row["quantity_values"] == "12"
    quotes = doc.quotes_frame()
    assert quotes.iloc[0]["speaker_canonical"] == "فولوديمير زيلينسكي"
    content = doc.quotes[0].content
    assert quotes.iloc[0]["text"] == doc.text[content.start : content.end]
    frames = doc.to_pandas()
    assert set(frames) == {"entities", "events", "quotes"}
    empty = Document(text="", cleaned=CleanedText("", "", (), apply_edits("", [])[1]))
    # the same columns whether or not a document has rows
    for method in ("entities_frame", "events_frame", "quotes_frame"):
        full, none = getattr(doc, method)(), getattr(empty, method)()
        assert len(none) == 0 and list(none.columns) == list(full.columns), method
    for frame in frames.values():
        for column in frame.columns:
            assert not any(isinstance(v, tuple | list) for v in frame[column]), column


def test_frames_without_pandas_say_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"arabnews\[pandas\]"):
        _hand_built().entities_frame()


def test_parse_published() -> None:
    assert parse_published("2023-09-17") == dt.date(2023, 9, 17)
    assert parse_published(" 2023-09-17T10:00:00Z ") == dt.date(2023, 9, 17)
    assert parse_published(dt.datetime(2023, 9, 17, 8)) == dt.date(2023, 9, 17)
    assert parse_published(dt.date(2023, 9, 17)) == dt.date(2023, 9, 17)
    with pytest.raises(ValueError, match="published must be an ISO date"):
        parse_published("17/09/2023")
    with pytest.raises(TypeError, match="published must be"):
        parse_published(20230917)


@given(st.text(st.characters(categories=["Cs", "Lo", "Mn", "Cc", "So", "Zs", "Cf"])))
def test_any_string_encodes_and_decodes(text: str) -> None:
    assert decode_value(json.loads(json.dumps(encode_value(text)))) == text


# -- Document.id, repr, validation of from_dict (issue 13 item 7) -------------------------


def test_id_round_trips_and_repr_is_short() -> None:
    doc = attrs.evolve(_hand_built(), id="wire/42")
    assert Document.from_json(doc.to_json()) == doc
    assert doc.to_dict()["id"] == "wire/42"
    assert "id" not in _hand_built().to_dict()
    long = attrs.evolve(doc, text=doc.text * 500, cleaned=doc.cleaned)
    text = repr(long)
    assert len(text) < 300 and "entities=2" in text and "events=1" in text
    assert "wire/42" in text and "quotes=1" in text
    with pytest.raises(TypeError, match="id must be a str"):
        attrs.evolve(doc, id=42)


def _bad(mutate: object) -> dict[str, object]:
    data = _hand_built().to_dict()
    mutate(data)  # type: ignore[operator]
    return data


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["entities"][0].update(end=10**30), r"entities\[0\]"),
        (lambda d: d["entities"][0].update(start=-1), r"entities\[0\]"),
        (lambda d: d["entities"][0].update(text="بوتين"), r"entities\[0\]\.text"),
        (lambda d: d["entities"][0].pop("@type"), r"entities\[0\].*@type"),
        (lambda d: d.update(entities="زيلينسكي"), r"entities: must be a list"),
        (lambda d: d.update(entities=[{"@type": "Span", "start": 0, "end": 1}]), "Entity"),
        (lambda d: d["events"][0]["trigger"].pop("@type"), r"events\[0\]\.trigger"),
        (lambda d: d["events"][0]["trigger"].update(start="3"), r"events\[0\]\.trigger"),
        (lambda d: d["quotes"][0]["content"].update(end=10**6), r"quotes\[0\]\.content"),
        (lambda d: d["cleaned"].update(text=d["cleaned"]["text"] + "x"), "cleaned"),
        (lambda d: d["cleaned"]["alignment"]["o"].__setitem__(-1, 3), r"cleaned\.alignment"),
        (lambda d: d["cleaned"]["removed"][0].update(end=10**9), r"cleaned\.removed\[0\]"),
        (lambda d: d.update(text=d["text"] + "!"), r"cleaned|alignment"),
        (lambda d: d.update(text=5), r"text: must be a string"),
        (lambda d: d.pop("text"), r"text: missing"),
        (lambda d: d.update(published="yesterday"), r"published"),
        (lambda d: d.update(id=7), r"id: must be a string"),
        (lambda d: d.update(colour="red"), r"colour"),
        (lambda d: d.pop("cleaned"), r"cleaned"),
    ],
)
def test_from_dict_rejects_inconsistent_documents(mutate: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Document.from_dict(_bad(mutate))


def test_from_dict_accepts_what_to_dict_writes_for_real_pages() -> None:
    from pathlib import Path

    from arabnews.pipeline import Pipeline

    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("seed pages not available")
    pipeline = Pipeline(ner=None)
    for path in seeds[:2]:
        doc = pipeline.analyze(path.read_text(encoding="utf-8"), "2025-08-07")
        assert Document.from_json(doc.to_json()) == doc


def test_published_accepts_a_date_or_an_iso_string() -> None:
    text = "نص"
    cleaned = CleanedText(text, text, (), apply_edits(text, [])[1])
    assert Document(text, cleaned, published="2024-01-02").published == dt.date(2024, 1, 2)
    assert Document.empty(text, published="2024-01-02T08:00:00Z").published == dt.date(2024, 1, 2)
    assert Document.empty(text, published=dt.date(2024, 1, 2)).published == dt.date(2024, 1, 2)
    with pytest.raises(ValueError, match="ISO date"):
        Document(text, cleaned, published="02/01/2024")
    with pytest.raises(TypeError, match="published must be"):
        Document(text, cleaned, published=20240102)  # type: ignore[arg-type]
