"""A visual view of a :class:`~arabnews.Document`: self-contained right-to-left HTML.

In the spirit of spaCy's displaCy: the original text, right to left, with

- entities highlighted by label (``PER``, ``LOC``, ``ORG``, ``MISC``), the canonical name,
  id and score on hover;
- event triggers marked with the PLOVER type and, in the label, actor → recipient
  (mode, modality, location, time and score on hover);
- quotes underlined, with their speaker (and the outlet that relayed them) at the start;
- boilerplate that the cleaner removed greyed out.

The HTML is self-contained: one inline ``<style>``, no scripts, no network, no fonts to
fetch. Every piece of text is HTML-escaped, so a page can hold any string.

>>> import arabnews
>>> html = arabnews.render(arabnews.Pipeline(ner="gazetteer").analyze("قال <b> بوتين"))
>>> '<b>' in html, '&lt;b&gt;' in html, 'dir="rtl"' in html
(False, True, True)

:func:`render_page` wraps one or more documents into a complete HTML page (what
``arabnews analyze --format html`` writes).
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from arabnews.document import Document

__all__ = ["MAX_OPEN_QUOTES", "NOTEBOOK_MAX_CHARS", "STYLE", "render", "render_page"]

NOTEBOOK_MAX_CHARS = 100_000
"""Characters of a document that ``Document._repr_html_`` shows (a notebook cell)."""

_COLOURS = {"PER": "#aa9cfc", "LOC": "#ff9561", "ORG": "#7aecec", "MISC": "#e4e7d2"}

STYLE = """
.arabnews-doc{font-family:"Noto Naskh Arabic","Amiri","DejaVu Sans",Arial,sans-serif;
 color:#222;background:#fff;margin:0 0 1.5em 0;padding:0.6em 0.9em;border:1px solid #ddd;
 border-radius:6px;max-width:60em}
.arabnews-doc .an-head{direction:ltr;text-align:left;font:12px/1.4 monospace;color:#555;
 margin-bottom:0.4em}
.arabnews-doc .an-legend{direction:ltr;text-align:left;font:11px/1.8 sans-serif;
 margin-bottom:0.6em}
.arabnews-doc .an-legend span{padding:0.1em 0.4em;margin-right:0.4em;border-radius:3px}
.arabnews-doc .an-text{direction:rtl;text-align:right;unicode-bidi:isolate;
 white-space:pre-wrap;font-size:18px;line-height:2.6}
.arabnews-doc mark{color:inherit;padding:0.15em 0.3em;margin:0 0.1em;border-radius:0.35em;
 unicode-bidi:isolate;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.arabnews-doc .an-lbl{font:bold 10px/1 sans-serif;direction:ltr;unicode-bidi:isolate;
 margin-right:0.4em;padding:0.1em 0.25em;border-radius:0.25em;background:rgba(255,255,255,.7);
 vertical-align:middle;white-space:nowrap}
.arabnews-doc .an-trig{background:#d6f5e3;border:2px solid #2f9e5f}
.arabnews-doc .an-trig .an-lbl{color:#17603a}
.arabnews-doc .an-quote{background:#fff6d5;border-bottom:3px double #c9a400;
 box-decoration-break:clone;-webkit-box-decoration-break:clone;unicode-bidi:isolate}
.arabnews-doc .an-qlbl{font:bold 11px/1 sans-serif;color:#7a6200;background:#ffe98a;
 padding:0.15em 0.35em;margin-left:0.3em;border-radius:0.25em;unicode-bidi:isolate}
.arabnews-doc .an-removed{color:#999;text-decoration:line-through;unicode-bidi:isolate}
""" + "".join(
    f".arabnews-doc .an-{label}{{background:{colour}}}\n" for label, colour in _COLOURS.items()
)
"""The stylesheet embedded in every rendering (scoped to ``.arabnews-doc``)."""

MAX_OPEN_QUOTES = 8
"""Quotations drawn nested at one place at most. On run-on text (one long line without
punctuation) every indirect quote runs to the end of the line, so hundreds overlap, and
drawing each as nested tags (closed and reopened around every crossing) makes HTML that
grows with the square of the text. A quote that opens inside this many others shows its
speaker chip, with all its details on hover, without an underline of its own (the enclosing
quotes underline the place). News text never comes close to this depth."""

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _esc(text: str) -> str:
    """HTML-escape *text*; characters HTML cannot carry become U+FFFD."""
    return _html.escape(_UNSAFE.sub("\ufffd", text), quote=True)


@attrs.frozen
class _Mark:
    start: int
    end: int
    rank: int  # nesting preference on equal spans: smaller is outer
    tag: str
    classes: str
    title: str
    label: str = ""  # shown after the last piece (entities, triggers)
    lead: str = ""  # shown before the first piece (quotes)

    def open(self, first: bool) -> str:
        out = f'<{self.tag} class="{self.classes}" title="{_esc(self.title)}">'
        if first and self.lead:
            out += f'<span class="an-qlbl">{_esc(self.lead)}</span>'
        return out

    def chip(self) -> str:
        """The lead alone, carrying the title (a quote too deeply nested to draw)."""
        return f'<span class="an-qlbl" title="{_esc(self.title)}">{_esc(self.lead or "«»")}</span>'

    def close(self, last: bool) -> str:
        label = f'<span class="an-lbl">{_esc(self.label)}</span>' if last and self.label else ""
        return f"{label}</{self.tag}>"


def _name(m: Any) -> str:
    return str(getattr(m, "canonical", None) or getattr(m, "text", ""))


def _names(ms: Any) -> str:
    return "، ".join(_name(m) for m in (ms or ()))


def _score(value: Any) -> str:
    return "" if value is None else f" · score {float(value):.2f}"


_QUOTE_RANK = 1  # the rank of quote marks (removed text 0, entities 2, triggers 3)


def _marks(doc: Document) -> list[_Mark]:
    marks: list[_Mark] = []
    for r in getattr(doc.cleaned, "removed", ()):
        marks.append(_Mark(r.start, r.end, 0, "span", "an-removed", f"removed: {r.kind}"))
    for q in doc.quotes:
        speaker = q.speaker
        who = _name(speaker) if speaker is not None else getattr(q, "speaker_text", None) or "?"
        via = getattr(q, "via", None)
        lead = f"«» {who}" + (f" ← {via.text}" if via is not None else "")
        kind = "direct" if q.direct else "indirect"
        title = f"quote ({kind}) · speaker: {who} · cue: {q.cue.text}" + _score(
            getattr(q, "score", None)
        )
        if via is not None:
            title += f" · via: {via.text}"
        marks.append(
            _Mark(q.content.start, q.content.end, _QUOTE_RANK, "span", "an-quote", title, "", lead)
        )
    for e in doc.entities:
        title = e.label
        if e.canonical:
            title += f" · {e.canonical}"
        if e.entity_id:
            title += f" · {e.entity_id}"
        title += _score(e.score)
        marks.append(_Mark(e.start, e.end, 2, "mark", f"an-ent an-{e.label}", title, e.label))
    for ev in doc.events:
        trig = ev.trigger
        kind = ev.type + (f"/{ev.mode}" if getattr(ev, "mode", None) else "")
        actor, recipient = _names(ev.actor), _names(ev.recipient)
        label = kind
        if actor or recipient:
            label += f": {actor or '?'} → {recipient or '?'}"
        parts = [
            kind,
            f"actor: {actor or '-'}",
            f"recipient: {recipient or '-'}",
            f"modality: {ev.modality}",
        ]
        if ev.location:
            parts.append(f"location: {_names(ev.location)}")
        if ev.time is not None:
            parts.append(f"time: {ev.time.text}" + (f" ({ev.time.value})" if ev.time.value else ""))
        title = " · ".join(parts) + _score(getattr(ev, "score", None))
        marks.append(_Mark(trig.start, trig.end, 3, "mark", "an-trig", title, label))
    n = len(doc.text)
    return [m for m in marks if 0 <= m.start < m.end <= n]


def _body(doc: Document, limit: int) -> str:
    text = doc.text[:limit]
    marks = sorted(
        (m for m in _marks(doc) if m.end <= limit), key=lambda m: (m.start, -m.end, m.rank)
    )
    starts: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    points = sorted({p for m in marks for p in (m.start, m.end)})
    out: list[str] = []
    stack: list[_Mark] = []
    # open marks per end offset: whether (and how many) marks end at a point is known
    # without scanning the stack, so the work stays linear in the size of the output even
    # when many marks are open at once (quotes that all run to the end of one long line)
    open_ends: dict[int, int] = {}
    open_quotes = 0  # quote marks on the stack (at most MAX_OPEN_QUOTES)
    pos = 0
    for p in points:
        out.append(_esc(text[pos:p]))
        pos = p
        count = open_ends.pop(p, 0)
        if count:
            # close down to the outermost mark that ends here, then reopen the others;
            # the downward scan stops at that mark, so it costs what the closing tags cost
            first = len(stack)
            while count:
                first -= 1
                if stack[first].end == p:
                    count -= 1
            above = stack[first:]
            for m in reversed(above):
                out.append(m.close(last=m.end == p))
                if m.end == p and m.rank == _QUOTE_RANK:
                    open_quotes -= 1
            del stack[first:]
            for m in above:
                if m.end != p:
                    out.append(m.open(first=False))
                    stack.append(m)
        for m in starts.get(p, ()):
            if m.rank == _QUOTE_RANK:
                if open_quotes >= MAX_OPEN_QUOTES:
                    out.append(m.chip())
                    continue
                open_quotes += 1
            out.append(m.open(first=True))
            stack.append(m)
            open_ends[m.end] = open_ends.get(m.end, 0) + 1
    out.append(_esc(text[pos:]))
    return "".join(out)


def _legend() -> str:
    items = [f'<span class="an-{label}">{label}</span>' for label in _COLOURS]
    items.append('<span class="an-trig">EVENT: actor → recipient</span>')
    items.append('<span class="an-quote">«» quote</span>')
    items.append('<span class="an-removed">removed</span>')
    return f'<div class="an-legend">{"".join(items)}</div>'


def _head(doc: Document, limit: int) -> str:
    parts = [] if doc.id is None else [_esc(doc.id)]
    parts.append(
        f"{len(doc.text)} chars · {len(doc.sentences)} sentences · {len(doc.entities)} "
        f"entities · {len(doc.events)} events · {len(doc.quotes)} quotes"
    )
    if limit < len(doc.text):
        parts.append(f"showing the first {limit} characters")
    if doc.published is not None:
        parts.append(f"published {doc.published.isoformat()}")
    return f'<div class="an-head">{" — ".join(parts)}</div>'


def render(
    doc: Document, *, page: bool = False, style: bool = True, max_chars: int | None = None
) -> str:
    """HTML of *doc*: the text right to left with entities, events and quotes marked.

    Args:
        doc: the document to show.
        page: return a complete HTML page (``<!DOCTYPE html>`` ...) instead of a
            fragment for a notebook or an existing page.
        style: include the ``<style>`` element (leave it out when you embed several
            renderings and add :data:`STYLE` once yourself).
        max_chars: show only the first *max_chars* characters (and the marks inside
            them); ``None`` shows everything. A notebook shows the first 100,000
            (:data:`NOTEBOOK_MAX_CHARS`) so that a huge page cannot stall the browser.

    Returns:
        Self-contained HTML (no scripts, no external resources); all text is escaped.
    """
    from arabnews.document import Document

    if not isinstance(doc, Document):
        raise TypeError(f"doc must be a Document, not {type(doc).__name__}")
    if max_chars is not None and (isinstance(max_chars, bool) or max_chars < 0):
        raise ValueError(f"max_chars must be a non-negative int or None, got {max_chars!r}")
    if page:
        return render_page([doc], max_chars=max_chars)
    limit = len(doc.text) if max_chars is None else min(max_chars, len(doc.text))
    css = f"<style>{STYLE}</style>" if style else ""
    return (
        f'<div class="arabnews-doc">{css}{_head(doc, limit)}{_legend()}'
        f'<div class="an-text" dir="rtl" lang="ar">{_body(doc, limit)}</div></div>'
    )


def render_page(
    docs: Iterable[Document], *, title: str = "arabnews", max_chars: int | None = None
) -> str:
    """A complete, self-contained HTML page showing each of *docs* (see :func:`render`)."""
    bodies = "\n".join(render(doc, style=False, max_chars=max_chars) for doc in docs)
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_esc(title)}</title>\n<style>body{{margin:1em}}{STYLE}</style>\n"
        f"</head>\n<body>\n{bodies}\n</body>\n</html>\n"
    )
