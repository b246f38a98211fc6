"""Reported speech: speaker, cue, content and whether the content is a direct quote.

For each speech cue of ``data/cues.tsv`` (قال، أعلن، أكد، أضاف، أوضح، صرح، كتب، شدد، أشار ...)
the content is looked for after the cue and its speaker:

* a quotation mark (after an optional colon): a direct quote; the content is inside the marks;
* a colon without marks: the rest of the line (indirect);
* a complementizer (إن، أن، بأن، أنه ...): indirect speech from the complementizer to the end of the
  sentence or to the next cue (``، مشيرا إلى``); a governing preposition (أشار إلى، شدد على، حذر من)
  is excluded; a bare prepositional object (شدد على الحاجة) is the content;
* ``وفق ما / بحسب ما`` + verb: the attributed clause before the attribution.

The speaker is the first entity or actor noun between the cue and the content (Arabic VSO), else
the nearest one before a finite cue, else the previous quote's speaker
(``وأضاف أن``، ``مشيرا إلى``).
In ``نقل X عن Y`` the speaker is Y, never the relaying outlet X.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from arabnews.events.arguments import Candidate, candidates
from arabnews.events.lexicon import Word, speech_cue_regex, speech_cues, stem_candidates, words
from arabnews.events.schema import Quote
from arabnews.spans import Entity, Mention, Span

__all__ = ["quotes_in_sentences"]

_OPEN = {'"': '"', "“": "”", "«": "»", "”": "”", "„": "“"}
_COMP = re.compile(r"(?:[وف]?(?:ب|ل)?)[اإأ]ن(?:ه|ها|هم|هما|نا|ني)?")
_COMP_NORM = re.compile(r"(?:[وف]?(?:ب|ل)?)ان(?:ه|ها|هم|هما|نا|ني)?")
_ATTRIB = frozenset({"وفق", "وفقا", "بحسب", "حسب", "طبقا", "وبحسب", "ووفق", "ووفقا"})
_PARTICIPLE = re.compile(r"(?:قائل|مشير|مضيف|موضح|مؤكد|محذر|معرب|معبر|مشدد)(?:ا|ة|ه|ين)?")


def _cue_kind(w: Word) -> tuple[str, str] | None:
    return _cue_kind_norm(w.norm)


@functools.lru_cache(maxsize=100_000)
def _cue_kind_norm(norm: str) -> tuple[str, str] | None:
    flt = speech_cue_regex()
    for stem, _ in stem_candidates(norm):
        if flt.fullmatch(stem) is None:
            continue
        for rule in speech_cues():
            if rule.pattern.fullmatch(stem):
                return rule.label, rule.extra
    return None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".،,؛;:"):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _speaker_between(cands: Sequence[Candidate], lo: int, hi: int) -> Candidate | None:
    for c in cands:
        if lo < c.first < hi and c.prep not in ("ل", "عبر", "علي", "في"):
            return c
    return None


@attrs.frozen(slots=True)
class _Sentence:
    """What the quote finder needs to know about the sentence it works on."""

    text: str
    span: Span
    ws: Sequence[Word]
    cands: Sequence[Candidate]
    cue_positions: Sequence[int]
    last_speaker: tuple[Mention | None, str | None]


def quotes_in_sentences(
    text: str, sentences: Sequence[Span], entities: Sequence[Entity], *, use_names: bool
) -> tuple[Quote, ...]:
    """Quotes of *text* (the body of :func:`extract_quotes`)."""
    out: list[Quote] = []
    last_speaker: tuple[Mention | None, str | None] = (None, None)
    ents = sorted(entities, key=lambda e: e.start)
    for span in sentences:
        ws = words(text, span.start, span.end)
        cue_idx = [(i, k) for i, w in enumerate(ws) if (k := _cue_kind(w)) is not None]
        if not cue_idx:
            continue
        sent_ents = [e for e in ents if span.start <= e.start < span.end]
        cands = candidates(text, ws, sent_ents, use_names=use_names, phrases=False)
        cue_positions = [i for i, _ in cue_idx]
        for i, (kind, prep) in cue_idx:
            ctx = _Sentence(text, span, ws, cands, cue_positions, last_speaker)
            q = _quote_at(ctx, i, kind, prep)
            if q is not None:
                out.append(q)
                last_speaker = (q.speaker, q.speaker_text)
    return tuple(out)


def _line_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _quote_at(ctx: _Sentence, i: int, kind: str, prep: str) -> Quote | None:
    text, span, ws = ctx.text, ctx.span, ctx.ws
    cue_w = ws[i]
    # Attribution: "وفق ما أوضحه X" -- the content is the clause before.
    if i >= 2 and ws[i - 1].norm == "ما" and ws[i - 2].norm in _ATTRIB:
        s, e = _trim(text, span.start, ws[i - 2].start)
        if e <= s:
            return None
        sp = _speaker_between(ctx.cands, i, len(ws))
        return _make(
            text, cue_w, Span(s, e), direct=False, speaker=(sp.mention if sp else None, None)
        )
    nxt_cues = [p for p in ctx.cue_positions if p > i]
    limit = nxt_cues[0] if nxt_cues else len(ws)
    relay = ws[i].norm.lstrip("وف").startswith(("نقل", "ينقل", "تنقل"))
    j = i + 1
    while j < min(limit, i + 25):
        w = ws[j]
        gap = text[ws[j - 1].end : w.start]
        # direct quote: an opening mark (after an optional colon) right before this word
        mark = next((ch for ch in gap if ch in _OPEN), None)
        if mark is not None and (":" in gap or j - i <= 12):
            cs = ws[j - 1].end + gap.index(mark) + 1
            ce = text.find(_OPEN[mark], cs)
            line_end = _line_end(text, cs)
            if ce < 0 or ce > line_end + 1:
                ce = line_end
            s, e = _trim(text, cs, ce)
            if e <= s:
                return None
            who = _speaker(ctx, i, j, kind=kind, relay=relay)
            return _make(text, cue_w, Span(s, e), direct=True, speaker=who)
        if ":" in gap and j - i <= 15:
            s, e = _trim(text, w.start, _line_end(text, w.start))
            who = _speaker(ctx, i, j, kind=kind, relay=relay)
            return _make(text, cue_w, Span(s, e), direct=False, speaker=who)
        if _COMP_NORM.fullmatch(w.norm) and w.norm.lstrip("وف") != "لان":
            e = _content_end(text, span, ws, j, limit)
            s, e = _trim(text, w.start + (1 if w.norm[0] in "وف" else 0), e)
            if e <= s:
                return None
            who = _speaker(ctx, i, j, kind=kind, relay=relay)
            return _make(text, cue_w, Span(s, e), direct=False, speaker=who)
        if prep != "-" and w.norm == prep and j - i <= 8 and j + 1 < len(ws):
            k = j + 1
            if _COMP_NORM.fullmatch(ws[k].norm):
                j = k
                continue
            e = _content_end(text, span, ws, k, limit)
            s, e = _trim(text, ws[k].start, e)
            if e <= s:
                return None
            who = _speaker(ctx, i, k, kind=kind, relay=relay)
            return _make(text, cue_w, Span(s, e), direct=False, speaker=who)
        j += 1
    return None


def _content_end(text: str, span: Span, ws: Sequence[Word], j: int, limit: int) -> int:
    """End of indirect content: the sentence end, or a comma before the next cue."""
    end = span.end
    for k in range(j + 1, len(ws)):
        if _PARTICIPLE.fullmatch(ws[k].norm.lstrip("و")) or (
            k == limit and ws[k].norm.startswith("و")
        ):
            gap = text[ws[k - 1].end : ws[k].start]
            if "،" in gap or "," in gap:
                return ws[k - 1].end + gap.index("،" if "،" in gap else ",")
    return end


def _speaker(
    ctx: _Sentence, i: int, j: int, *, kind: str, relay: bool
) -> tuple[Mention | None, str | None]:
    """Speaker of the cue at ``ws[i]`` whose content starts at ``ws[j]``: (mention, wording)."""
    cands, ws, text, last = ctx.cands, ctx.ws, ctx.text, ctx.last_speaker
    if relay:
        after_an = [c for c in cands if i < c.first < j and c.prep == "عن"]
        if after_an:
            return after_an[0].mention, None
        for k in range(i + 1, j):
            if ws[k].norm == "عن" and k + 1 < j:
                s, e = _trim(text, ws[k + 1].start, ws[j - 1].end)
                return None, text[s:e] or None
        return None, None
    c = _speaker_between(cands, i, j)
    if c is not None:
        st = None if c.kind == "entity" else c.mention.text
        return c.mention, st
    if j - i > 1 and kind == "verb" and not _PARTICIPLE.fullmatch(ws[i].norm.lstrip("و")):
        # unnamed speaker: the words between the cue and the content, up to a comma
        s = ws[i + 1].start
        e = ws[j - 1].end
        seg = text[s:e]
        cut = min([p for p in (seg.find("،"), seg.find(",")) if p >= 0], default=len(seg))
        s2, e2 = _trim(text, s, s + cut)
        if e2 > s2 and ws[i + 1].norm not in ("علي", "الي", "من", "عن", "في", "ب"):
            return None, text[s2:e2]
    before = [c for c in cands if c.last < i and i - c.last <= 4]
    if before and not _PARTICIPLE.fullmatch(ws[i].norm.lstrip("و")):
        c = before[-1]
        return c.mention, None if c.kind == "entity" else c.mention.text
    return last


def _make(
    text: str,
    cue_w: Word,
    content: Span,
    *,
    direct: bool,
    speaker: tuple[Mention | None, str | None],
) -> Quote:
    pre = _cue_prefix_len(cue_w.norm)
    cue = Mention(cue_w.start + pre, cue_w.end, text[cue_w.start + pre : cue_w.end])
    partial = not direct and any(ch in _OPEN for ch in text[content.start : content.end])
    return Quote(speaker[0], cue, content, direct, speaker[1], partial)


@functools.lru_cache(maxsize=100_000)
def _cue_prefix_len(norm: str) -> int:
    """Length of the proclitics before the speech verb in a cue word (وقال -> 1)."""
    for stem, p in stem_candidates(norm):
        if any(r.pattern.fullmatch(stem) for r in speech_cues()):
            return len(p)
    return 0
