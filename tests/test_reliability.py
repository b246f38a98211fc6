"""Reliability (issue 13): exact spans after cleaning, batches that survive bad documents.

The reproductions of the issue are regression tests here; the regex audit is in
``test_regex_safety.py`` and the sentence-splitter quotation recovery in
``test_sentences.py``.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
import unicodedata
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arabnews
from _faults import poison_events
from arabnews import (
    DocumentSkippedWarning,
    DocumentTimeoutError,
    Pipeline,
    SkippedDocument,
    Span,
)
from arabnews import pipeline as pipeline_module

TESTS = Path(__file__).resolve().parent

# -- item 4: spans do not widen after cleaning ----------------------------------------------


def test_issue_reproduction_presentation_forms_and_nbsp() -> None:
    text = "ﻗﺎﻝ\xa0ﺑﻮﺗﻴﻦ\xa0ﻓﻲ\xa0ﻣﻮﺳﻜﻮ"
    c = arabnews.clean(text)
    assert c.text == "قال بوتين في موسكو"
    assert c.span_to_original(Span(4, 9)) == Span(4, 9)
    assert c.span_to_original(Span(13, 18)) == Span(13, 18)


def test_issue_reproduction_entities_do_not_swallow_the_text() -> None:
    text = "ﻗﺎﻝ\xa0ﺑﻮﺗﻴﻦ\xa0ﻓﻲ\xa0ﻣﻮﺳﻜﻮ"
    doc = Pipeline(ner="gazetteer", events=None, quotes=None).analyze(text)
    got = {(e.label, unicodedata.normalize("NFKC", e.text)) for e in doc.entities}
    assert got == {("PER", "بوتين"), ("LOC", "موسكو")}
    for e in doc.entities:
        assert text[e.start : e.end] == e.text and len(e.text) == 5


def test_a_ligature_inside_a_run_keeps_the_neighbours_exact() -> None:
    # ﻻ becomes two letters: the run is cut into exact sub-runs, not mapped as a whole
    text = "ﺍﻟﻼﻋﺐ\xa0ﺑﻮﺗﻴﻦ\xa0ﻭَﺯﻳﺮ"
    c = arabnews.clean(text)
    for word in c.text.split(" "):
        start = c.text.index(word)
        span = c.span_to_original(Span(start, start + len(word)))
        shown = unicodedata.normalize("NFKC", text[span.start : span.end])
        assert "".join(ch for ch in shown if not unicodedata.combining(ch)) == word


def _presentation_forms() -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    for cp in range(0xFE70, 0xFEFD):
        char = chr(cp)
        base = unicodedata.normalize("NFKC", char)
        if len(base) == 1 and "\u0621" <= base <= "\u064a":
            forms.setdefault(base, []).append(char)
    return forms


_FORMS = _presentation_forms()
_NAMES = ("بوتين", "موسكو", "زيلينسكي", "كييف", "واشنطن")


@st.composite
def presentation_page(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A page typed in presentation forms (as PDFs and old sites deliver it): words of
    letters, each letter in one of its contextual forms, sometimes a diacritic or the
    lam-alef ligature, joined by NBSP or spaces; returns the page and its plain words."""
    letters = sorted(_FORMS)
    words = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_NAMES),
                st.text(alphabet=st.sampled_from(letters), min_size=2, max_size=7),
            ),
            min_size=1,
            max_size=12,
        )
    )
    shown = []
    for word in words:
        out = []
        i = 0
        while i < len(word):
            if word[i : i + 2] == "لا" and draw(st.booleans()):
                out.append("\ufefb")
                i += 2
                continue
            out.append(draw(st.sampled_from(_FORMS[word[i]])))
            if draw(st.integers(0, 9)) == 0:
                out.append("\u064e")  # fatha: deleted by the cleaner
            i += 1
        shown.append("".join(out))
    seps = draw(st.lists(st.sampled_from(["\xa0", " "]), min_size=len(words), max_size=len(words)))
    page = "".join(w + s for w, s in zip(shown, seps, strict=True)).rstrip()
    return page, words


def _letters(text: str) -> str:
    plain = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


@given(presentation_page())
def test_words_of_a_presentation_form_page_map_to_their_own_letters(
    case: tuple[str, list[str]],
) -> None:
    page, words = case
    # boilerplate off: a lone word such as إعلان ("advertisement") is a boilerplate line
    c = arabnews.clean(page, config=arabnews.CleanConfig(boilerplate=False))
    assert c.text.split(" ") == words
    position = 0
    for word in words:
        start = c.text.index(word, position)
        position = start + len(word)
        span = c.span_to_original(Span(start, position))
        assert _letters(page[span.start : span.end]) == word


@settings(max_examples=60, deadline=None)
@given(presentation_page())
def test_an_entity_found_in_a_presentation_form_page_slices_to_what_the_user_sees(
    case: tuple[str, list[str]],
) -> None:
    page, _words = case
    doc = Pipeline(ner="gazetteer", events=None, quotes=None, names=None).analyze(page)
    for entity in doc.entities:
        assert page[entity.start : entity.end] == entity.text
        found = _letters(entity.text)
        # the entity's letters, with no neighbour glued on and nothing cut off
        assert " " not in found and "\xa0" not in entity.text
        assert found in doc.cleaned.text.split(" ") or found in doc.cleaned.text


# -- item 5: analyze_many survives bad documents ----------------------------------------------


def _pipeline(**kwargs: Any) -> Pipeline:
    return Pipeline(ner="gazetteer", names="document", events=poison_events, quotes=None, **kwargs)


GOOD = "قال زيلينسكي في كييف إن المحادثات مستمرة."


def _batch(n: int, bad: dict[int, Any]) -> list[Any]:
    return [bad.get(i, f"{GOOD} {i}") for i in range(n)]


def test_skip_leaves_bad_documents_out_and_reports_them_in_order() -> None:
    texts = _batch(8, {1: "POISON-RAISE", 3: b"bytes", 4: 42, 6: ("POISON-RAISE", None)})
    pipeline = _pipeline()
    seen_skips = []
    with pytest.warns(DocumentSkippedWarning) as caught:
        for doc in pipeline.analyze_many(texts, errors="skip", progress=False):
            index = int(doc.text.rsplit(" ", 1)[1])
            # ordering guarantee: every skipped index below this one is already reported
            assert {s.index for s in pipeline.skipped} >= {1, 3, 4, 6} & set(range(index))
            seen_skips.append(len(pipeline.skipped))
    assert [s.index for s in pipeline.skipped] == [1, 3, 4, 6]
    assert [s.error_type for s in pipeline.skipped] == [
        "ValueError",
        "TypeError",
        "TypeError",
        "ValueError",
    ]
    assert "texts[3]" in pipeline.skipped[1].message
    assert all(isinstance(s, SkippedDocument) for s in pipeline.skipped)
    assert len(caught) == 4 and "texts[1]" in str(caught[0].message)
    assert seen_skips == [0, 1, 3, 4]  # docs 0, 2, 5 and 7, and the skips before each
    # a new call starts a new list
    list(pipeline.analyze_many([GOOD], errors="skip", progress=False))
    assert pipeline.skipped == []


def test_raise_yields_the_documents_before_the_failure() -> None:
    texts = _batch(5, {2: "POISON-RAISE"})
    stream = _pipeline().analyze_many(texts, progress=False)
    assert [d.text for d in (next(stream), next(stream))] == texts[:2]
    with pytest.raises(ValueError, match="poisoned"):
        next(stream)
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        list(_pipeline().analyze_many([GOOD, 5], progress=False))


def test_timeout_in_process() -> None:
    texts = _batch(3, {1: "POISON-HANG"})
    pipeline = _pipeline()
    start = time.monotonic()
    with pytest.warns(DocumentSkippedWarning):
        docs = list(pipeline.analyze_many(texts, errors="skip", timeout=0.5, progress=False))
    assert time.monotonic() - start < 30
    assert [d.text for d in docs] == [texts[0], texts[2]]
    assert [(s.index, s.error_type) for s in pipeline.skipped] == [(1, "DocumentTimeoutError")]
    with pytest.raises(DocumentTimeoutError):
        list(_pipeline().analyze_many(texts, timeout=0.5, progress=False))


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="errors"):
        _pipeline().analyze_many([GOOD], errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timeout"):
        _pipeline().analyze_many([GOOD], timeout=0)


def _no_children_left() -> bool:
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.1)
    return not multiprocessing.active_children()


@pytest.mark.slow
def test_workers_skip_raise_hang_and_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline_module, "_HANG_GRACE_S", 1.0)
    monkeypatch.setattr(pipeline_module, "_START_GRACE_S", 20.0)
    bad = {2: "POISON-RAISE", 5: "POISON-HANG", 9: "POISON-CRASH", 12: "POISON-NATIVE", 14: 3.5}
    texts = _batch(20, bad)
    pipeline = _pipeline()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DocumentSkippedWarning)
        docs = list(
            pipeline.analyze_many(
                texts, workers=2, chunksize=3, errors="skip", timeout=2.0, progress=False
            )
        )
    assert [d.text for d in docs] == [t for i, t in enumerate(texts) if i not in bad]
    kinds = {s.index: s.error_type for s in pipeline.skipped}
    assert sorted(kinds) == sorted(bad)
    assert kinds[2] == "ValueError" and kinds[14] == "TypeError"
    assert kinds[5] == kinds[12] == "DocumentTimeoutError"
    assert kinds[9] == "BrokenProcessPool"
    assert _no_children_left()


@pytest.mark.slow
def test_workers_raise_mode_stops_the_pool() -> None:
    texts = _batch(12, {7: "POISON-RAISE"})
    got = []
    with pytest.raises(ValueError, match="poisoned") as info:
        for doc in _pipeline().analyze_many(texts, workers=2, chunksize=2, progress=False):
            got.append(doc.text)
    assert got == texts[:7]
    assert any("worker process" in note for note in getattr(info.value, "__notes__", []))
    assert _no_children_left()


@pytest.mark.slow
def test_a_thousand_documents_with_one_percent_poisoned() -> None:
    """Every good document comes back, in order; every bad one is reported."""
    kinds = ["POISON-RAISE", None, b"not text", ("POISON-RAISE", "2024-01-01"), ("x", "no date")]
    bad = {i: kinds[(i // 97) % len(kinds)] for i in range(13, 1000, 97)}  # 11 of 1,000
    texts = _batch(1000, bad)
    pipeline = Pipeline(ner="gazetteer", names="document", events=poison_events)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DocumentSkippedWarning)
        docs = list(
            pipeline.analyze_many(texts, workers=2, chunksize=8, errors="skip", progress=False)
        )
    assert [d.text for d in docs] == [t for i, t in enumerate(texts) if i not in bad]
    assert [s.index for s in pipeline.skipped] == sorted(bad)
    assert all(d.entities for d in docs)  # analysed, not passed through


_CTRL_C_SCRIPT = """
import signal
import sys
# a shell starts a background job with SIGINT ignored, and the child inherits that; a user at a
# terminal has Python's handler, which is what this test is about
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.path.insert(0, {tests!r})
from _faults import poison_events
from arabnews import Pipeline

if __name__ == "__main__":
    pipeline = Pipeline(ner=None, events=poison_events, quotes=None)
    texts = ["نص أول."] * 3 + ["POISON-HANG"] + ["نص."] * 20
    for doc in pipeline.analyze_many(texts, workers=2, chunksize=1, progress=False):
        print("doc", flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_stops_a_hung_worker_promptly(tmp_path: Path) -> None:
    script = tmp_path / "batch.py"
    script.write_text(textwrap.dedent(_CTRL_C_SCRIPT.format(tests=str(TESTS))), "utf-8")
    pids = tmp_path / "pids.txt"
    env = {**os.environ, "ARABNEWS_FAULT_PIDS": str(pids)}
    proc = subprocess.Popen(
        [sys.executable, str(script)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not (pids.exists() and pids.read_text().strip()):
            assert proc.poll() is None and time.monotonic() < deadline, "never reached the hang"
            time.sleep(0.1)
        time.sleep(0.5)  # the parent now waits on the hung document
        proc.send_signal(signal.SIGINT)
        start = time.monotonic()
        _out, err = proc.communicate(timeout=20)
        assert time.monotonic() - start < 15
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0 and "KeyboardInterrupt" in err
    hung = int(pids.read_text().split()[0])
    deadline = time.monotonic() + 10
    while _alive(hung) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(hung), "the hung worker outlived the interrupted batch"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie is dead for our purpose
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(") ", 1)[1][:1] != "Z"
    except OSError:
        return True


# -- analyze on anything: invariants over thousands of generated pages ----------------------


def _hostile_pages() -> st.SearchStrategy[str]:
    from arabnews.testing import any_unicode, arabic_text, news_pages

    reversed_quotes = st.builds(
        lambda a, b: f"وقال:» {a} «. {b}",
        arabic_text(1, 12),
        arabic_text(1, 12),
    )
    return st.one_of(
        news_pages(hostile=True),
        news_pages(),
        any_unicode(),
        arabic_text(0, 60),
        presentation_page().map(lambda case: case[0]),
        reversed_quotes,
        st.builds(lambda d, t: d + t, st.text(alphabet="1١ |", max_size=60), any_unicode(40)),
    )


def check_document_invariants(doc: arabnews.Document, page: str) -> None:
    """What every Document must satisfy, whatever its text."""
    assert doc.text == page and doc.cleaned.original == page
    alignment = doc.cleaned.alignment
    assert alignment.original_length == len(page)
    assert alignment.cleaned_length == len(doc.cleaned.text)
    for cs, ce, os_, oe, equal in alignment.segments():
        if equal:
            assert doc.cleaned.text[cs:ce] == page[os_:oe]
    last = 0
    for removal in doc.cleaned.removed:
        assert last <= removal.start < removal.end <= len(page)
        assert page[removal.start : removal.end] == removal.text
        last = removal.end
    for path, obj in doc.iter_spans():
        assert 0 <= obj.start <= obj.end <= len(page), path
        if isinstance(getattr(obj, "text", None), str):
            assert page[obj.start : obj.end] == obj.text, path
    previous_end = 0
    for sentence in doc.sentences:
        assert previous_end <= sentence.start < sentence.end
        assert sentence.text == sentence.text.strip() and sentence.text
        previous_end = sentence.end
    for entity in doc.entities:
        assert entity.label in {"PER", "LOC", "ORG", "MISC"}
        assert entity.text.strip() and (entity.score is None or 0.0 <= entity.score <= 1.0)
    for fact in (*doc.events, *doc.quotes):
        assert fact.score is None or 0.0 <= fact.score <= 1.0
    assert arabnews.Document.from_json(doc.to_json()) == doc


_ANALYZE = Pipeline(ner="gazetteer", names="document")


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(_hostile_pages())
def test_analyze_keeps_every_invariant_on_any_page(page: str) -> None:
    check_document_invariants(_ANALYZE.analyze(page), page)


@pytest.mark.parametrize("page", ["(\xa0\r٠", "\xa0\r٠ ", "قال\xa0\r١٢ شخصا"])
def test_a_merged_whitespace_run_does_not_widen_a_span_to_its_whitespace(page: str) -> None:
    # NBSP + CR collapse into one line break beside a changed digit: one uneven changed run
    check_document_invariants(_ANALYZE.analyze(page), page)


def test_tokenize_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    assert gc.isenabled()
    assert len(arabnews.tokenize("قال الرئيس. " * 100)) == 300
    assert gc.isenabled()
    gc.disable()
    try:
        arabnews.tokenize("قال الرئيس.")
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(TypeError):
        arabnews.tokenize(b"bytes")  # type: ignore[arg-type]
    assert gc.isenabled()
