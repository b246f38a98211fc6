"""The HTML view: arabnews.render, Document._repr_html_, and a real browser."""

from __future__ import annotations

import html
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import arabnews
from arabnews.alignment import apply_edits
from arabnews.clean import CleanedText
from arabnews.document import Document
from arabnews.rendering import render, render_page
from arabnews.spans import Entity, Mention, Span
from arabnews.testing import documents, news_pages

events = pytest.importorskip("arabnews.events")

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
_VOID = {"meta", "br"}


class _Walker(HTMLParser):
    """Checks nesting and collects the text outside label chips."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs_)))
        if tag not in _VOID:
            self.stack.append((tag, dict(attrs_).get("class") or ""))
        self.in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        self.in_style = False

    def handle_data(self, data: str) -> None:
        classes = " ".join(c for _, c in self.stack)
        if self.in_style or any(
            k in classes for k in ("an-lbl", "an-qlbl", "an-head", "an-legend")
        ):
            return
        if any(c.startswith("an-text") or "an-text" in c for _, c in self.stack):
            self.text.append(data)


def _walk(markup: str) -> _Walker:
    walker = _Walker()
    walker.feed(markup)
    walker.close()
    assert not walker.stack, walker.stack
    return walker


def _doc() -> Document:
    text = "قال <b>الرئيس</b> زيلينسكي & في كييف: «سنصمد». ثم قصفت روسيا كييف."
    clean_text, alignment = apply_edits(text, [])
    cleaned = CleanedText(original=text, text=clean_text, removed=(), alignment=alignment)

    def at(word: str, nth: int = 0) -> int:
        i = -1
        for _ in range(nth + 1):
            i = text.index(word, i + 1)
        return i

    zel, kyiv, russia = at("زيلينسكي"), at("كييف"), at("روسيا")
    ents = (
        Entity(zel, zel + 8, "زيلينسكي", "PER", "فولوديمير زيلينسكي", "Q3881", 0.97),
        Entity(kyiv, kyiv + 4, "كييف", "LOC", "كييف", None, None),
        Entity(russia, russia + 5, "روسيا", "LOC", None, None, 0.8),
    )
    trig = at("قصفت")
    kyiv2 = at("كييف", 1)
    event = events.Event(
        type="ASSAULT",
        mode="aerial",
        trigger=Mention(trig, trig + 4, "قصفت"),
        actor=(Mention(russia, russia + 5, "روسيا", "LOC", "روسيا"),),
        recipient=(Mention(kyiv2, kyiv2 + 4, "كييف", "LOC", "كييف"),),
        location=(),
        time=None,
        quantities=(),
        modality="asserted",
        sentence=Span(at("ثم"), len(text)),
    )
    q0 = at("«") + 1
    quote = events.Quote(
        speaker=ents[0].to_mention(),
        cue=Mention(0, 3, "قال"),
        content=Span(q0, at("»")),
        direct=True,
    )
    return Document(
        text=text,
        cleaned=cleaned,
        entities=ents,
        events=(event,),
        quotes=(quote,),
        id="<doc & 1>",
    )


def test_render_marks_entities_events_and_quotes() -> None:
    doc = _doc()
    markup = render(doc)
    walker = _walk(markup)
    # the text reads back exactly, escaped: no markup from the text becomes a tag
    assert "".join(walker.text) == doc.text
    assert "<b>" not in markup and "&lt;b&gt;" in markup and "&amp;" in markup
    assert "&lt;doc &amp; 1&gt;" in markup
    assert 'dir="rtl"' in markup
    marks = [a for tag, a in walker.tags if tag == "mark"]
    ents = [a for a in marks if "an-ent" in (a.get("class") or "")]
    assert {a["class"] for a in ents} == {"an-ent an-PER", "an-ent an-LOC"}
    per = next(a for a in ents if "an-PER" in (a.get("class") or ""))
    assert "فولوديمير زيلينسكي" in (per["title"] or "") and "Q3881" in (per["title"] or "")
    trig = next(a for a in marks if a.get("class") == "an-trig")
    title = trig["title"] or ""
    assert "ASSAULT/aerial" in title and "actor: روسيا" in title and "recipient: كييف" in title
    assert "ASSAULT/aerial: روسيا → كييف" in markup  # visible label
    quote = next(a for _, a in walker.tags if a.get("class") == "an-quote" and "title" in a)
    assert "speaker: فولوديمير زيلينسكي" in (quote["title"] or "")
    # self-contained: no scripts, no external resources
    lowered = markup.lower()
    assert "<script" not in lowered and "http" not in lowered and "src=" not in lowered
    assert "<style>" in markup


def test_repr_html_and_page() -> None:
    doc = _doc()
    assert doc._repr_html_() == arabnews.render(doc)  # a small document: all of it
    page = render_page([doc, attrs.evolve(doc, id="second")])
    assert page.startswith("<!DOCTYPE html>") and page.count('class="arabnews-doc"') == 2
    assert page.count("<style>") == 1 and '<meta charset="utf-8">' in page
    _walk(page.split("<body>", 1)[1].rsplit("</body>", 1)[0])
    assert render(doc, page=True).startswith("<!DOCTYPE html>")
    with pytest.raises(TypeError, match="Document"):
        render("نص")  # type: ignore[arg-type]


def test_overlapping_marks_nest_properly() -> None:
    text = "أبجد هوز حطي كلمن"
    cleaned = CleanedText(text, text, (), apply_edits(text, [])[1])
    doc = Document(
        text=text,
        cleaned=cleaned,
        entities=(Entity(0, 8, text[0:8], "ORG"), Entity(5, 12, text[5:12], "PER")),
        quotes=(
            events.Quote(
                speaker=None, cue=Mention(13, 17, text[13:17]), content=Span(3, 10), direct=False
            ),
        ),
    )
    walker = _walk(render(doc))
    assert "".join(walker.text) == text


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents(pages=news_pages(hostile=True)))
def test_any_document_renders_to_balanced_html_with_its_text(doc: Document) -> None:
    markup = render(doc)
    walker = _walk(markup)
    shown = "".join(walker.text)
    expected = "".join(
        "\ufffd"
        if ("\ud800" <= ch <= "\udfff" or (ord(ch) < 32 and ch not in "\t\n\r") or ch == "\x7f")
        else ch
        for ch in doc.text
    )
    # HTMLParser folds \r\n like a browser would not; compare without carriage returns
    assert shown.replace("\r", "") == expected.replace("\r", "")
    assert html.escape("<") not in shown


def test_a_huge_document_is_cut_in_a_notebook() -> None:
    from arabnews.rendering import NOTEBOOK_MAX_CHARS

    doc = _doc()
    n = len(doc.text)
    big = attrs.evolve(doc, text=doc.text + "ب" * (NOTEBOOK_MAX_CHARS + 10), cleaned=doc.cleaned)
    markup = big._repr_html_()
    walker = _walk(markup)
    assert "".join(walker.text) == big.text[:NOTEBOOK_MAX_CHARS]
    assert f"showing the first {NOTEBOOK_MAX_CHARS} characters" in markup
    assert len(render(big)) > len(markup)  # render shows everything unless told
    cut = render(doc, max_chars=doc.events[0].trigger.start)  # the trigger is past the cut
    walked = _walk(cut)
    assert not [a for tag, a in walked.tags if tag == "mark" and a.get("class") == "an-trig"]
    assert "".join(walked.text) == doc.text[: doc.events[0].trigger.start] and n > 0
    with pytest.raises(ValueError, match="max_chars"):
        render(doc, max_chars=-1)


def test_short_repr() -> None:
    doc = _doc()
    text = repr(attrs.evolve(doc, text=doc.text * 1000, cleaned=doc.cleaned))
    assert len(text) < 250 and "entities=3" in text and "events=1" in text


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.browser
def test_seed_page_renders_in_headless_chromium(tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        pytest.skip("seed pages not available")
    from arabnews.pipeline import Pipeline

    text = seeds[0].read_text(encoding="utf-8")
    doc = attrs.evolve(Pipeline(ner="gazetteer").analyze(text), id=seeds[0].name)
    page = tmp_path / "doc.html"
    page.write_text(render_page([doc]), encoding="utf-8")
    png = tmp_path / "doc.png"
    common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    subprocess.run(
        [*common, "--window-size=1000,1400", f"--screenshot={png}", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = png.read_bytes()
    assert _png_size(data) == (1000, 1400)
    assert len(data) > 20_000  # a blank or error page compresses to a few KB
    dom = subprocess.run(
        [*common, "--dump-dom", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
        text=True,
    ).stdout
    # what the browser parsed: the same marks, the text right to left
    assert dom.count('class="an-trig"') >= sum(1 for _ in doc.events) > 0
    assert dom.count("an-ent an-") >= len(doc.entities)
    assert 'dir="rtl"' in dom
