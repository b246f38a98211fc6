"""Reported speech: speaker, cue, content and whether the content is a direct quote.

For each speech cue of ``data/cues.tsv`` (قال، أعلن، أكد، أضاف، أوضح، صرح، كتب، شدد، أشار ...)
the content is looked for after the cue and its speaker:

* a quotation mark (after an optional colon): a direct quote; the content is inside the marks;
* a colon without marks: the rest of the line (indirect);
* a complementizer (إن، أن، بأن، أنه ...): indirect speech from the complementizer to the end of the
  sentence or to the next cue (``، مشيرا إلى``); a governing preposition (أشار إلى، شدد على، حذر من)
  is excluded; a bare prepositional object (شدد على الحاجة) is the content;
* ``وفق ما / بحسب ما`` + verb: the attributed clause before the attribution.

The speaker is the wording between the cue and the content (Arabic VSO): a named entity when
one starts it, else the noun phrase itself (``مصدر مطلع``), without adverbs (``مرارا``), trailing
prepositional phrases (``في بيان``، ``عبر صفحته على فيسبوك``) or the outlet it spoke to; else the
subject before the cue (``أما وزير المالية فيرى``، ``الوزارة أكدت``), else the previous quote's
speaker (``وأضاف أن``، ``مشيرا إلى``، ``لافتا إلى``). In ``نقل X عن Y`` the speaker is Y and the
relaying outlet X is ``via``; ``قال لوكالة رويترز`` gives ``via`` too. A quoted outlet name
(``لصحيفة "لوفيغارو"``) is never the content. Cue words inside a direct quotation, definite
(``التابع``) or governed by a preposition (``في تصريح``) are not cues. ``score`` ranks quotes:
quotation marks and a named speaker score highest, a speaker carried over lowest.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from arabnews.charsets import QUOTE_PAIRS
from arabnews.events.arguments import (
    Candidate,
    candidates,
    candidates_within,
    definite,
    finite_verb,
    may_act,
    phrase_candidate,
    time_at,
    time_word,
    ungoverned,
)
from arabnews.events.classifier import word_shape
from arabnews.events.lexicon import (
    SPEECH_PARTICIPLE,
    Word,
    cue_rows,
    norm_word,
    speech_cue_regex,
    speech_cues,
    stem_candidates,
    top_alternatives,
    words,
    words_from_tokens,
)
from arabnews.events.lexicon import (
    wordset as _wordset,
)
from arabnews.events.schema import Quote
from arabnews.spans import Entity, Mention, Span

if TYPE_CHECKING:
    from arabnews.tokens import Token

__all__ = ["QUOTE_THRESHOLD", "quotes_in_sentences", "speech_verb"]

#: The least :attr:`Quote.score <arabnews.Quote.score>` reported by default: a quote with no
#: speaker found (at most 0.45) is left out. Chosen on the select part of the web-news
#: articles (``benchmarks/bench_quotes.py``): at 0.5, 0.93 of the quotes are real (0.89 with
#: every candidate) for 0.69 of the quotes found (0.72).
QUOTE_THRESHOLD = 0.5

_OPEN = QUOTE_PAIRS
_COMP = re.compile(r"(?:[وف]?(?:ب|ل)?)[اإأ]ن(?:ه|ها|هم|هما|نا|ني)?")
_COMP_NORM = re.compile(r"(?:[وف]?(?:ب|ل)?)ان(?:ه|ها|هم|هما|نا|ني)?")
_ATTRIB = frozenset({"وفق", "وفقا", "بحسب", "حسب", "طبقا", "وبحسب", "ووفق", "ووفقا"})
_PARTICIPLE = SPEECH_PARTICIPLE
# A quotation longer than this (characters) is not a real one: a mark that never closes.
_MAX_QUOTE = 3000


# Outlet nouns: the one a statement was given to or relayed by (لصحيفة، وكالة، موقع ...).
_OUTLETS = _wordset(
    "صحيفة صحيفه جريدة جريده وكالة وكاله موقع قناة قناه إذاعة اذاعه تلفزيون التلفزيون شبكة "
    "شبكه مجلة مجله بوابة بوابه راديو محطة محطه صحيفتي وكالتي"
)
# Platforms and accounts: where something was written, never who said it.
_PLATFORMS = _wordset(
    "فيسبوك فيس بوك تويتر إكس اكس تلغرام تليغرام تلجرام يوتيوب انستغرام إنستغرام انستجرام "
    "واتساب تيك توك منصة منصه حساب حسابه حسابها صفحة صفحته صفحتها موقعه موقعها الإنترنت"
)
_SPEAKER_ADVERBS = _wordset(
    "مرارا تكرارا وتكرارا رسميا ايضا أيضا مجددا فورا حاليا سابقا لاحقا اخيرا أخيرا مؤخرا "
    "علنا صراحة صراحه اليوم امس أمس غدا مساء صباحا مساء الليلة كذلك بدوره بدورها بوضوح مرة"
)
_SPEAKER_PREPS = _wordset(
    "في من عن على إلى الى مع خلال عبر لدى أمام امام بعد قبل عند حول ضمن خلف وسط أثناء اثناء "
    "فيه فيها فيهم عليه عليها عليهم منه منها منهم عنه عنها عنهم له لها لهم به بها بهم معه معها "
    "اليه اليها إليه إليها يوم منذ دون"
)
_AMMA = frozenset({"اما", "وأما", "واما", "أما"})


def _cue_kind(w: Word) -> tuple[str, str] | None:
    return _cue_kind_norm(w.norm)


@functools.lru_cache(maxsize=100_000)
def _cue_kind_norm(norm: str) -> tuple[str, str] | None:
    k = _cue_row(norm)
    if k is None:
        return None
    rule = speech_cues()[k]
    return rule.label, rule.extra


@functools.lru_cache(maxsize=100_000)
def _cue_row(norm: str) -> int | None:
    """The index of the first ``cues.tsv`` row a normalised word matches, or ``None``."""
    flt = speech_cue_regex()
    for stem, _ in stem_candidates(norm):
        if flt.fullmatch(stem) is None:
            continue
        for k, rule in enumerate(speech_cues()):
            if rule.pattern.fullmatch(stem):
                return k
    return None


def _cue_object(norm: str) -> str:
    """The ``object`` column of a cue's row: ``yes`` (a noun phrase after the subject is the
    content: أعلنت السلطات إغلاق المطار), ``addressee`` (the name after the verb is the one
    told: أبلغ، أخبر) or ``-``."""
    k = _cue_row(norm)
    return "-" if k is None else cue_rows()[k].get("object", "-")


def speech_verb(word: str) -> bool:
    """Whether *word* (as written, clitics and all) is a speech cue of ``cues.tsv`` of
    the kinds verb or participle ("وأضاف", "قالت", "مشيرا", "تصريحات").

    >>> speech_verb("وأضاف"), speech_verb("مشيرا"), speech_verb("تسعى")
    (True, True, False)
    """
    found = _cue_kind_norm(norm_word(word))
    return found is not None and found[0] in ("verb", "participle")


# How many sentences back a dropped subject (وأضاف أن، مشيرا إلى) may find the previous
# quote's speaker.
_CARRY_SENTENCES = 5
# Impersonal formulas at the head of a sentence (يذكر أن، يشار إلى أن، يقال إن): background
# the writer adds, attributed to no one.
_IMPERSONAL = _wordset("يذكر ويذكر يشار ويشار يقال ويقال")


def _impersonal(ws: Sequence[Word], i: int) -> bool:
    """``ws[i]`` opens its sentence with an impersonal formula followed by its complementizer."""
    if i != 0 or ws[i].norm not in _IMPERSONAL:
        return False
    k = 2 if len(ws) > 2 and ws[1].norm == "الي" else 1
    return k < len(ws) and _COMP_NORM.fullmatch(ws[k].norm) is not None


@functools.cache
def _past_with_ta() -> re.Pattern[str]:
    """Past-tense cue stems that begin with ت (تابع، تحدث، توقع): not present-tense forms."""
    pasts = [
        norm_word(alt)
        for row in cue_rows()
        for alt in top_alternatives(row["pattern"])
        if alt.startswith("ت") and row["kind"] in ("verb", "participle")
    ]
    return re.compile("|".join(f"(?:{a})" for a in pasts) or "(?!)")


@functools.lru_cache(maxsize=10_000)
def _imperfect(norm: str) -> bool:
    """Whether a cue word is a present-tense verb (يقول، تشير، نؤكد، ويرى), not a past one
    (تابع، توقع) nor a participle."""
    for stem, _ in reversed(stem_candidates(norm)):
        if stem[:1] == "ي" or (stem[:1] in "تن" and not _past_with_ta().fullmatch(stem)):
            return _cue_kind_norm(stem) is not None
    return False


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
    same_sentence_quote: bool = False
    open_marks: Sequence[int] | None = None  # offsets of the opening quotation marks of text
    # end offset of the content of the sentence's previous quote (same_sentence_quote)
    previous_end: int | None = None


def _is_cue_here(ws: Sequence[Word], i: int) -> bool:
    """A cue word used as a cue: not definite (التابع), not after a preposition (في تصريح)."""
    w = ws[i]
    if any(
        "ال" in p for stem, p in stem_candidates(w.norm) if _cue_kind_norm(stem)
    ) or w.norm.startswith(("ال", "وال", "بال", "لل")):
        return False
    if w.norm[:1] in ("ب", "ل") and _cue_kind_norm(w.norm[1:]) is not None:
        return False
    if i > 0 and ws[i - 1].norm in ("في", "اثر", "عقب", "خلال", "بعد", "قبل"):
        return False
    if i > 0 and _bare(ws[i - 1].norm) in ("لم", "لن"):
        return False  # لم تعلن أي جهة مسؤوليتها: nothing was said
    stem = stem_candidates(w.norm)[-1][0]
    # عبر صفحته: "through", not "expressed"
    return not (stem in ("عبر", "يعبر", "تعبر") and (i + 1 >= len(ws) or ws[i + 1].norm != "عن"))


def quotes_in_sentences(
    text: str,
    sentences: Sequence[Span],
    entities: Sequence[Entity],
    *,
    use_names: bool,
    tokens: Sequence[Sequence[Token]] | None = None,
    threshold: float | None = None,
) -> tuple[Quote, ...]:
    """Quotes of *text* (the body of :func:`extract_quotes`); *tokens*, when given, are the
    tokens of each sentence, from which the words are derived (see
    ``extract_from_sentences`` in :mod:`arabnews.events.extractor`). Quotes scoring below
    *threshold* are left out (``None``: :data:`QUOTE_THRESHOLD`; ``0`` keeps them all)."""
    least = QUOTE_THRESHOLD if threshold is None else threshold
    if tokens is not None and len(tokens) != len(sentences):
        raise ValueError("tokens must hold one sequence per sentence")
    out: list[Quote] = []
    last_speaker: tuple[Mention | None, str | None] = (None, None)
    last_sentence = -_CARRY_SENTENCES - 1  # the sentence of last_speaker's quote
    last_content: Span | None = None  # what last_speaker said
    ents = sorted(entities, key=lambda e: e.start)
    starts = [e.start for e in ents]
    titled: list[tuple[_Title, Entity]] = []  # people named so far with their titles
    # where quotation marks open, once for the text: whether a content holds one is a
    # bisection, not a scan (indirect content runs to the sentence end, which on a long
    # unpunctuated line is the end of the text: scanning it per quote was quadratic)
    open_marks = [m.start() for m in _OPEN_RE.finditer(text)]
    for n_sent, span in enumerate(sentences):
        lo, hi = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
        n_before = len(titled)
        for e in ents[lo:hi]:
            if e.label == "PER":
                title = _title_of(text[max(span.start, e.start - 80) : e.start].split()[-4:])
                if title is not None:
                    titled.append((title, e))
        ws = (
            words(text, span.start, span.end)
            if tokens is None
            else words_from_tokens(text, tokens[n_sent], span.start, span.end)
        )
        cue_idx = [
            (i, k)
            for i, w in enumerate(ws)
            if (k := _cue_kind(w)) is not None and _is_cue_here(ws, i) and not _impersonal(ws, i)
        ]
        # نقل X عن Y قوله إن: قوله is the cue (the relay's words follow it), the relaying
        # verb no cue of its own
        sayings = [i for i, _ in cue_idx if _SAYING.fullmatch(_bare(ws[i].norm))]
        cue_idx = [
            (i, k)
            for i, k in cue_idx
            if not (_relay(ws[i].norm) and any(0 < s - i <= 15 for s in sayings))
        ]
        if not cue_idx:
            continue
        cands = candidates(text, ws, ents[lo:hi], use_names=use_names, phrases=False)
        cue_positions = [i for i, _ in cue_idx]
        covered = -1  # end offset of the last direct quotation: cues inside it are quoted words
        found = False
        for i, (kind, prep) in cue_idx:
            if ws[i].start < covered:
                continue
            # a dropped subject goes back to a speaker quoted lately, not pages before
            recent = last_speaker if n_sent - last_sentence <= _CARRY_SENTENCES else (None, None)
            ctx = _Sentence(
                text,
                span,
                ws,
                cands,
                cue_positions,
                recent,
                found,
                open_marks,
                last_content.end if found and last_content is not None else None,
            )
            q = _quote_at(ctx, i, kind, prep)
            if q is not None and q.speaker is None and q.speaker_text and titled[:n_before]:
                q = _link_title(text, q, titled[:n_before])
            if q is not None:
                found = True
                out.append(q)
                nested = (
                    last_content is not None
                    and last_sentence == n_sent
                    and last_content.start <= q.cue.start < last_content.end
                )
                if (q.speaker is not None or q.speaker_text is not None) and not nested:
                    # (a quote inside another's words in its sentence, قال X إن Y أبلغ ...:
                    # the dropped subject of the next cue, وأشار, is still X's)
                    last_speaker = (q.speaker, q.speaker_text)
                    last_sentence = n_sent
                    last_content = q.content
                if q.direct:
                    covered = q.content.end
    return tuple(q for q in out if q.score is None or q.score >= least)


# his / her / their saying (نقل X عن Y قوله إن): the relayed words follow
_SAYING = re.compile("قول(?:ه|ها|هم|هما)")


def _relay(norm: str) -> bool:
    """A relaying verb (نقل، ينقل، تنقل): X relays Y's words."""
    return norm.lstrip("وف").startswith(("نقل", "ينقل", "تنقل"))


def _line_end(text: str, pos: int) -> int:
    """The end of the line at *pos*, at most ``_MAX_QUOTE`` characters on."""
    stop = min(len(text), pos + _MAX_QUOTE)
    nl = text.find("\n", pos, stop)
    return stop if nl < 0 else nl


_Who = tuple[Mention | None, str | None, Mention | None, float]


_TAIL = re.compile(r'[ .،,؛!؟?"»”)]*')
_OPEN_RE = re.compile("[" + re.escape("".join(_OPEN)) + "]")
_CLOSE_MARKS = frozenset(_OPEN.values())


def _quoted_to_end(text: str, span: Span, gap_start: int, gap_end: int) -> bool:
    """Whether a quotation opens in ``text[gap_start:gap_end]`` and closes at the sentence end."""
    gap = text[gap_start:gap_end]
    mark = next((ch for ch in gap if ch in _OPEN), None)
    if mark is None:
        return False
    close = text.find(_OPEN[mark], gap_end, min(span.end, gap_end + _MAX_QUOTE))
    # nothing but closing punctuation after it (a bounded match, not a slice to the end)
    return close >= 0 and _TAIL.fullmatch(text, close + 1, max(close + 1, span.end)) is not None


def _platform_before(ws: Sequence[Word], j: int) -> bool:
    """على منصة «إكس»: a quoted platform name, neither content nor outlet."""
    return j > 0 and any(s in _PLATFORMS for s, _ in stem_candidates(ws[j - 1].norm))


def _outlet_before(ws: Sequence[Word], j: int) -> bool:
    """Whether ``ws[j - 1]`` names an outlet (لصحيفة، وكالة) or relays (نقلت): a quoted name
    right after it is the outlet, not the content."""
    if j == 0:
        return False
    n = ws[j - 1].norm
    return any(s in _OUTLETS for s, _ in stem_candidates(n)) or n.lstrip("وف").startswith(
        ("نقل", "ينقل", "تنقل")
    )


def _quote_at(ctx: _Sentence, i: int, kind: str, prep: str) -> Quote | None:
    text, span, ws = ctx.text, ctx.span, ctx.ws
    cue_w = ws[i]
    # Attribution: "وفق ما أوضحه X" -- the content is the clause before.
    if i >= 2 and ws[i - 1].norm == "ما" and ws[i - 2].norm in _ATTRIB:
        s, e = _trim(text, span.start, ws[i - 2].start)
        # the source follows the verb, before the next statement (وفق ما أعلنه مصدر مطلع وقال)
        k = bisect.bisect_right(ctx.cue_positions, i)
        hi = min(ctx.cue_positions[k] if k < len(ctx.cue_positions) else len(ws), i + 12)
        if e <= s:
            # وبحسب ما ذكرت صحيفة X، فإن ...: nothing before, the content follows the source
            c = next(
                (
                    m
                    for m in range(i + 1, hi)
                    if _COMP_NORM.fullmatch(ws[m].norm)
                    # (the main clause after the fronted attribution: فإن، or after a comma)
                    and (ws[m].norm[0] == "ف" or "،" in text[ws[m - 1].end : ws[m].start])
                ),
                None,
            )
            if c is None:
                return None
            hi = c
            start = ws[c].start + (1 if ws[c].norm[0] in "وف" else 0)
            s, e = _trim(text, start, _content_end(text, span, ws, c, len(ws)))
            if e <= s:
                return None
        return _make(ctx, cue_w, Span(s, e), direct=False, speaker=_source(ctx, i, hi), base=0.6)
    k = bisect.bisect_right(ctx.cue_positions, i)
    limit = ctx.cue_positions[k] if k < len(ctx.cue_positions) else len(ws)
    fronted = _fronted_quotation(ctx, i)
    if fronted is not None:
        # «لن نتراجع»، هكذا قال أحد المحتجين: the quotation before the cue, the speaker after
        who = _source(ctx, i, min(limit, i + 12))
        return _make(ctx, cue_w, fronted, direct=True, speaker=who, base=0.8)
    relay = _relay(ws[i].norm)
    # the speaker of قوله is the one a relaying verb before it names after عن
    teller = i
    if _SAYING.fullmatch(_bare(ws[i].norm)):
        r = next((r for r in range(i - 1, max(-1, i - 16), -1) if _relay(ws[r].norm)), None)
        if r is not None:
            teller, relay = r, True
    via: Mention | None = None
    skip_to = -1  # a quoted outlet name ends here: the content comes after it
    j = i + 1
    while j <= min(limit, i + 25) and j < len(ws):
        w = ws[j]
        if w.start < skip_to:
            j += 1
            continue
        gap_start = max(ws[j - 1].end, skip_to)
        gap = text[gap_start : w.start]
        # direct quote: an opening mark (after an optional colon) right before this word
        mark = next((ch for ch in gap if ch in _OPEN), None)
        if mark is not None and (
            ":" in gap or j - i <= 12 or _COMP_NORM.fullmatch(ws[j - 1].norm) is not None
        ):  # (after إن the quotation is the content however far the cue: قال X، في ...، إن ")
            cs = gap_start + gap.index(mark) + 1
            line_end = _line_end(text, cs)
            ce = text.find(_OPEN[mark], cs, line_end + 1)
            if ce < 0:
                ce = line_end
            s, e = _trim(text, cs, ce)
            if e <= s:
                return None
            after = text[ce + 1 : ce + 40].lstrip()
            name_like = len(text[s:e].split()) <= 4 and ":" not in gap
            if name_like and _platform_before(ws, j):
                skip_to = ce + 1
                j += 1
                continue
            if name_like and (
                _outlet_before(ws, j)
                or relay
                or after.startswith((":", "«", '"', "“", "عن", "بأن", "بان", "أن", "إن", "ان"))
            ):
                # لصحيفة "لوفيغارو الفرنسية" بأن ...: the outlet, not the content
                vs = ws[j - 1].start if _outlet_before(ws, j) and not relay else s
                if vs == ws[j - 1].start and _outlet_word(ws[j - 1].norm):
                    vs += 2 if ws[j - 1].norm.startswith("لل") else 1
                ve = ce + 1 if ce < len(text) and vs < s else e
                subject = j - 1 == i + 1 and not relay and not _outlet_word(ws[j - 1].norm)
                if not subject and (not relay or _outlet_before(ws, j) or j == i + 1):
                    # ذكرت مجلة "X" أن: the outlet is the speaker, not the relay
                    via = Mention(vs, ve, text[vs:ve])
                skip_to = ce + 1
                j += 1
                continue
            if name_like and _clause_goes_on(after):
                # أعلنت شركة "فيسبوك" استحواذها: a quoted name inside the clause, not its words
                skip_to = ce + 1
                j += 1
                continue
            who = _speaker(ctx, teller, j, kind=kind, relay=relay, via=via)
            return _make(ctx, cue_w, Span(s, e), direct=True, speaker=who, base=0.9)
        if ":" in gap and j - i <= 15:
            s, e = _trim(text, w.start, _line_end(text, w.start))
            who = _speaker(ctx, teller, j, kind=kind, relay=relay, via=via)
            return _make(ctx, cue_w, Span(s, e), direct=False, speaker=who, base=0.6)
        if ("،" in gap or "," in gap) and (
            _bare(w.norm) in _CONNECTORS or w.norm in _CLAUSE_OPENERS or _new_clause(ws, j)
        ):
            break  # نفى ترشحه ، كما أن ...: the next clause's words are not this cue's
        if _COMP_NORM.fullmatch(w.norm) and w.norm.lstrip("وف") != "لان":
            if j + 1 < len(ws) and _quoted_to_end(text, span, w.end, ws[j + 1].start):
                j += 1  # إن "...".: the quotation marks give the content
                continue
            e = _content_end(text, span, ws, j, limit)
            s, e = _trim(text, w.start + (1 if w.norm[0] in "وف" else 0), e)
            if e <= s:
                return None
            who = _speaker(ctx, teller, j, kind=kind, relay=relay, via=via)
            return _make(ctx, cue_w, Span(s, e), direct=False, speaker=who, base=0.8)
        if (
            prep != "-"
            and w.norm == prep
            and j - i <= 8
            and j + 1 < len(ws)
            and "،" not in text[cue_w.end : w.start]
        ):
            k = j + 1
            if _COMP_NORM.fullmatch(ws[k].norm):
                j = k
                continue
            # أعلنت الحركة مسؤوليتها عن الهجوم: what is announced is the claim, from its noun
            k = next((x for x in range(i + 1, j) if _CLAIM.fullmatch(_bare(ws[x].norm))), k)
            e = _content_end(text, span, ws, k, limit, nominal=True)
            s, e = _trim(text, ws[k].start, e)
            if e <= s:
                return None
            who = _speaker(ctx, teller, k, kind=kind, relay=relay, via=via)
            return _make(ctx, cue_w, Span(s, e), direct=False, speaker=who, base=0.7)
        j += 1
    if kind == "verb" and _cue_object(cue_w.norm) == "yes":
        o = _object_start(ctx, i)
        if o is not None:
            e = _content_end(text, span, ws, o, limit, nominal=True)
            s, e = _trim(text, ws[o].start, e)
            if e > s:
                who = _speaker(ctx, teller, o, kind=kind, relay=relay, via=via)
                return _make(ctx, cue_w, Span(s, e), direct=False, speaker=who, base=0.6)
    return None


_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما")
# Objects that make أعلن a performative act rather than a statement (أعلن حالة الطوارئ،
# الحداد، الحرب، النفير، حظر التجول، التعبئة العامة).
_DECLARED_ACTS = _wordset("حالة الحداد الحرب حربا النفير حظر التعبئة الاستنفار")


def _source(ctx: _Sentence, i: int, hi: int) -> _Who:
    """The speaker named after the cue at ``ws[i]``, before word *hi*: a candidate, else the
    words of a speaker phrase (``مصدر مطلع``), else none (a lower score)."""
    sp = _speaker_between(candidates_within(ctx.cands, i, hi), i, hi)
    if sp is not None:
        return (sp.mention, None, None, 1.0)
    a, b, _, _ = _speaker_words(ctx.ws, i + 1, hi)
    if b > a:
        s, e = _trim(ctx.text, ctx.ws[a].start, ctx.ws[b - 1].end)
        return (None, ctx.text[s:e], None, 0.95)
    return (None, None, None, 0.6)


def _fronted_quotation(ctx: _Sentence, i: int) -> Span | None:
    """A quotation that opens the sentence right before the cue at ``ws[i]`` (``"…"، قال X``;
    ``«…»، هكذا قال X``): the quoted text without the marks, when the cue has no conjunction
    of its own and nothing but a comma or هكذا stands between them."""
    text, span, ws = ctx.text, ctx.span, ctx.ws
    if ws[i].norm[:1] in ("و", "ف"):
        return None
    lo = i - 1 if i > 0 and _bare(ws[i - 1].norm) == "هكذا" else i
    before = text[span.start : ws[lo].start].rstrip(" \t،,")
    if not before or before[-1] not in _CLOSE_MARKS:
        return None
    close = len(before) - 1
    opens = [before.rfind(o, 0, close) for o, c in _OPEN.items() if c == before[-1]]
    start = max(opens, default=-1)
    if start < 0 or before[:start].strip():
        return None
    s, e = _trim(text, span.start + start + 1, span.start + close)
    return Span(s, e) if e > s else None


def _verb_cue(w: Word) -> bool:
    """A speech cue other than a speech noun (مزاعم، تصريحات)."""
    found = _cue_kind(w)
    return found is not None and found[0] != "noun"


def _object_start(ctx: _Sentence, i: int) -> int | None:
    """Where the noun phrase object of the speech verb ``ws[i]`` begins (أعلنت السلطات إغلاق
    المطار، أكد وزير المالية التزام بلاده، أعلن انسحابه): after the subject (names, and words
    up to and through its first definite word: a definite noun takes no indefinite word after
    it) and the time words that follow it, an indefinite word; or, with no subject, a noun
    with a pronoun suffix. ``None`` when there is no such object before the next cue."""
    ws, text = ctx.ws, ctx.text
    # a speech noun may be the object (أنكر زيلينسكي مزاعم موسكو): only a verb stops it
    later = [k for k in ctx.cue_positions if k > i and _verb_cue(ws[k])]
    stop = min(later[0] if later else len(ws), len(ws), i + 12)
    o, found = i + 1, False
    # named: a name was part of the subject; genitive: after باسم, whose genitive may be a
    # construct chain (المتحدث باسم حكومة الوحدة الوطنية)
    named_seen = genitive = False
    if o < stop and ws[o].norm.endswith(_PRONOUN_SUFFIXES) and len(ws[o].norm) > 4:
        found = True  # أعلن انسحابه: the object at once, the subject dropped
    else:
        while o < stop:
            n = ws[o].norm
            if text[ws[o - 1].end : ws[o].start].strip().startswith("(") and found:
                close = text.find(")", ws[o].start)  # الخميس ( 4 كانون الثاني 2024 )
                o = next((k for k in range(o, len(ws)) if ws[k].start > close), len(ws))
                continue
            named = next(
                (c for c in candidates_within(ctx.cands, o, o) if c.first == o and ungoverned(c)),
                None,
            )
            if named is not None and (
                not found
                or n[:1] == "و"
                # a person's name after the title that was the subject so far (الرئيس
                # التونسي قيس سعيد): the name in apposition, not the object
                or (not named_seen and named.kind == "entity" and named.mention.label == "PER")
            ):
                o, found = named.last + 1, True  # السعودية ومصر والسودان
                named_seen, genitive = True, False
            elif n == "باسم" or definite(n):
                o, found = o + 1, found or n != "باسم"
                genitive = n == "باسم"
            elif genitive and _cue_kind(ws[o]) is None:
                o += 1  # حكومة (الوحدة الوطنية): a construct head in باسم's genitive
            elif found and (
                # أعلنت اليابان يوم السبت أول حالات: time words between subject and object
                time_word(n) or _bare(n) in _SPEAKER_ADVERBS or _bare(n) == "يوم" or n.isdigit()
            ):
                o += 1
            elif not found and n not in _SPEAKER_PREPS and _cue_kind(ws[o]) is None:
                o += 1  # وزير (المالية): a construct head before its definite genitive
            else:
                break
    if not found or o >= stop or o + 1 >= len(ws):
        return None
    n = ws[o].norm
    if (
        n.startswith(("ال", "وال", "بال", "لل"))
        or n in _SPEAKER_PREPS
        or _COMP_NORM.fullmatch(n)
        or _verb_cue(ws[o])
        or finite_verb(ws[o])
        or not ("\u0621" <= n[:1] <= "\u064a")
        or len(n) < 3
    ):
        return None
    if any(ch in text[ws[o - 1].end : ws[o].start] for ch in '،,.:؛"«»'):
        return None  # the object follows the subject without a break
    if n in _DECLARED_ACTS:
        return None  # أعلنت الحكومة حالة الطوارئ: an act, not a statement
    return o


def _new_clause(ws: Sequence[Word], k: int) -> bool:
    """Whether ``ws[k]`` opens a new verb clause with و/ف (وتصدر هذه الترشيحات، وتقتصر هذه
    التغييرات): a finite verb, or a ي/ت imperfect shape that is not a تفعيل noun before a
    definite or demonstrative subject. (A bare three-letter past is not told from a noun with
    و: وحصل الفيلم / وصول الإمدادات.)"""
    w = ws[k]
    if w.norm[:1] not in "وف" or len(w.norm) < 4:
        return False
    if finite_verb(w):
        return True
    core = w.norm[1:]
    nxt = ws[k + 1].norm if k + 1 < len(ws) else ""
    if not (nxt.startswith("ال") or nxt in ("هذه", "هذا", "هذين", "هاتين", "بعده", "بعدها")):
        return False
    return (
        core[:1] in "يت"
        and 4 <= len(core) <= 6
        and core[-2] != "ي"
        and not core.endswith(("ة", "ات", "ي"))
    )


def _clause_goes_on(after: str) -> bool:
    """Whether the text after a closing quotation mark continues the clause: its next word is
    an Arabic word other than a conjunction-led one (و...), a speech cue or a complementizer.
    A quotation (the speaker's words) ends a clause; a quoted name sits inside one."""
    first = after.split(maxsplit=1)[0] if after.split() else ""
    if not first or not (first[0].isalpha() or first[0].isdigit()):
        return False
    norm = norm_word(first)
    return not (
        norm[:1] in "وف"
        or _cue_kind_norm(norm) is not None
        or _COMP_NORM.fullmatch(norm) is not None
    )


# Clause connectors that end indirect content after a comma (بينما، رغم، وفقا لما، على حد قوله).
_CONNECTORS = _wordset(
    "بينما فيما حيث رغم برغم لكن لكنه لكنها ولكن الا وفقا وفق بحسب حسب طبقا نقلا مما"
)
_CONNECTORS_2 = frozenset(
    {("في", "حين"), ("في", "الوقت"), ("علي", "الرغم"), ("غير", "ان"), ("علي", "حد")}
)
# Indirect content longer than this (words) is cut at the sentence end only.
_MAX_CONTENT_WORDS = 150


def _content_end(
    text: str, span: Span, ws: Sequence[Word], j: int, limit: int, *, nominal: bool = False
) -> int:
    """End of indirect content: the sentence end, or a comma before a new clause: a participle
    cue (``، مشيرا إلى``), a speech verb with و (``، وأكد``), a connector (``، بينما``، ``، وفقا
    لما``). A *nominal* content (the object of أعلن عن، أكد على) is a noun phrase: it also
    ends before a verb with و (``وتصدر``، ``وجاء``) and before ``، وهو`` / ``، وهي``."""
    end = span.end
    for k in range(j + 1, min(len(ws), j + _MAX_CONTENT_WORDS)):
        gap = text[ws[k - 1].end : ws[k].start]
        if k == limit and (first := _coordinated_cue(ws, j, k)) is not None:
            # وقال إن، كما قال إن، حيث أعلن X أن، ولكنه أكد أن: a new statement, comma or not
            return ws[first - 1].end
        if nominal and _new_clause(ws, k):
            return ws[k - 1].end
        # ، وهو ما رفضته إسرائيل: the reporter's comment on what was said (and after a
        # nominal content, any clause of its own)
        if (
            ("،" in gap or "," in gap)
            and ws[k].norm in ("وهو", "وهي", "وهم")
            and (nominal or (k + 1 < len(ws) and ws[k + 1].norm == "ما"))
        ):
            return ws[k - 1].end
        if "،" not in gap and "," not in gap:
            continue
        n = ws[k].norm
        bare = n[1:] if len(n) > 2 and n[0] == "و" else n
        nxt = ws[k + 1].norm if k + 1 < len(ws) else ""
        if (
            _PARTICIPLE.fullmatch(bare)
            or (n.startswith("و") and _cue_kind(ws[k]) is not None and _is_cue_here(ws, k))
            or (k == limit and n.startswith("و"))
            or n in _CONNECTORS
            or bare in _CONNECTORS
            or (bare, nxt) in _CONNECTORS_2
        ):
            return ws[k - 1].end + gap.index("،" if "،" in gap else ",")
    return end


# Words that open a clause coordinated with the one before (كما قال، حيث أعلن، ولكنه أكد،
# وهذا ما أكده، مع أنه صرح): a speech verb after them starts a statement of its own.
_CLAUSE_OPENERS = _wordset(
    "كما حيث ثم بينما فيما بل لكن لكنه لكنها ولكن ولكنه ولكنها وهو وهي وهذا وهذه مع"
)


def _coordinated_cue(ws: Sequence[Word], j: int, k: int) -> int | None:
    """Where the clause of the speech verb at ``ws[k]`` begins, when that verb starts a new
    statement after content that began at ``ws[j]``: a verb with و/ف (وقال، فأكد), or one that
    words of :data:`_CLAUSE_OPENERS` lead to (كما قال، وهذا ما أكده، مع أنه صرح). ``None`` for
    a speech verb reported inside the content (إن الرئيس أعلن أن ...) or a participle."""
    found = _cue_kind(ws[k])
    if found is None or found[0] != "verb" or not _is_cue_here(ws, k):
        return None
    if ws[k].norm[:1] in "وف" and _cue_kind_norm(ws[k].norm[1:]) is not None:
        return k
    first = k
    while first - 1 > j and k - first < 3:
        prev = ws[first - 1].norm
        if prev in _CLAUSE_OPENERS:
            return first - 1
        if prev not in ("ما", "انه", "انها", "انهم"):
            return None
        first -= 1
    return None


def _bare(norm: str) -> str:
    return norm[1:] if len(norm) > 2 and norm[0] in "وف" else norm


def _outlet_word(norm: str) -> bool:
    """لوكالة، لصحيفة، لقناة: the outlet a statement was given to."""
    return (norm[:1] == "ل" and norm[1:] in _OUTLETS) or (norm[:2] == "لل" and norm[2:] in _OUTLETS)


def _prepositional(norm: str) -> bool:
    """A word with a preposition clitic on a definite noun (للوزارة، بالقرار) or a known noun
    (لصحيفة، بحساب); names that start with ب or ل (بوتين، لافروف) are not."""
    if norm == "باسم":
        return False
    if norm.startswith(("لل", "بال", "كال", "ولل", "وبال")):
        return True
    rest = norm[1:] if norm[:1] in ("ب", "ل") else ""
    return bool(rest) and (rest in _OUTLETS or rest in _PLATFORMS or rest in ("بيان", "حساب"))


# after the subject's first word: particles of a new clause, and demonstratives, which follow
# a subject only as the object (اعتبر العلماء ذلك دليلا)
_SUBJECT_ENDERS = _wordset("لا لم لن قد لقد ما ذلك هذا هذه تلك")


def _object_after(ws: Sequence[Word], b: int) -> bool:
    """Whether ``ws[b]`` is an indefinite accusative (``دليلا``، ``اتفاقا``) right after a
    definite word: a definite subject takes no indefinite word after it, so it is the verb's
    object."""
    n = ws[b].norm
    return (
        definite(ws[b - 1].norm)
        and not definite(n)
        and len(n) >= 4
        and n.endswith("ا")
        and not n.endswith(("اء", "يا", "وا", "ها", "نا"))
    )


# The claim of responsibility (مسؤوليته، مسؤوليتها، مسؤوليتهم): the object of أعلن / تبنى,
# never a word of the speaker's name.
_CLAIM = re.compile("مسؤولي(?:ته|تها|تهم|تهما)")


def _speaker_words(ws: Sequence[Word], lo: int, hi: int) -> tuple[int, int, int, int]:
    """The speaker's words ``a..b`` (exclusive) within ``ws[lo:hi]`` and the outlet's ``c..d``.

    Leading adverbs are skipped; the phrase ends at a comma-free preposition (``في بيان``),
    a platform (``عبر صفحته على فيسبوك``) or an outlet it spoke to (``لوكالة رويترز``).
    """
    a = lo
    while a < hi and (
        ws[a].norm in _SPEAKER_ADVERBS or _bare(ws[a].norm) in _SPEAKER_ADVERBS or time_at(ws, a)
    ):
        a += 1  # (حذرت الأسبوع الماضي من أن: a time, not the speaker)
    b = a
    c = d = -1
    while b < hi:
        n = ws[b].norm
        if _COMP_NORM.fullmatch(n):
            break  # بأن / إن before a quotation: the content starts here
        if _outlet_word(n):
            c, d = b, hi
            for k in range(b + 1, hi):
                if ws[k].norm in _SPEAKER_PREPS:
                    d = k
                    break
            break
        if b > a and (
            n in _SPEAKER_PREPS
            or n in _SPEAKER_ADVERBS
            or _bare(n) in _SPEAKER_ADVERBS
            or time_at(ws, b)
        ):
            break  # (وقالت الحكومة العام الماضي إنها: the time ends the subject)
        if b > a and _prepositional(n):
            break
        if n in _PLATFORMS or _bare(n) in _PLATFORMS:
            break
        if b == a and (n in _SPEAKER_PREPS or _prepositional(n)):
            break  # starts with a preposition: not a speaker
        if b > a and (finite_verb(ws[b]) or n in _SUBJECT_ENDERS or _SAYING.fullmatch(n)):
            break  # a verb, a particle, a demonstrative or قوله: the subject has ended
        if b > a and _object_after(ws, b):
            break  # اعتبر العلماء دليلا: an indefinite accusative after the subject
        if b > a and _CLAIM.fullmatch(_bare(n)):
            break  # أعلنت حركة طالبان مسؤوليتها عن الهجوم: the claim is the object
        b += 1
        if ws[b - 1].norm == "باسم" and b < hi:
            b += 1  # المتحدث باسم الشرطة
    return a, b, c, d


def _speaker(
    ctx: _Sentence, i: int, j: int, *, kind: str, relay: bool, via: Mention | None
) -> _Who:
    """Speaker of the cue at ``ws[i]`` whose content starts at ``ws[j]``.

    Returns ``(mention, wording, via, confidence)``.
    """
    ws, text, last = ctx.ws, ctx.text, ctx.last_speaker
    cands = candidates_within(ctx.cands, i - 10, j + 1)  # bisection: linear in the sentence length
    if relay:
        an = next((k for k in range(i + 1, j) if ws[k].norm == "عن"), None)
        if an is not None:
            if via is None and an > i + 1:
                s, e = _trim(text, ws[i + 1].start, ws[an - 1].end)
                via = Mention(s, e, text[s:e]) if e > s else None
            after_an = [c for c in cands if an < c.first < j and c.first == an + 1]
            if after_an:
                return after_an[0].mention, None, via, 1.0
            if an + 1 < j:
                a, b, _, _ = _speaker_words(ws, an + 1, j)
                if b > a:
                    s, e = _trim(text, ws[a].start, ws[b - 1].end)
                    return None, text[s:e] or None, via, 0.95
        return None, None, via, 0.5
    if _cue_object(ws[i].norm) == "addressee" and ws[i].norm[:1] not in "وف":
        # أوكامبو أبلغ الأمم المتحدة بأن: a name right before أبلغ / أخبر is who told; the
        # name after it is who was told
        teller = next(
            (
                x
                for x in candidates_within(cands, i - 4, i)
                if x.last == i - 1 and x.kind == "entity" and _same_clause(ctx, x.last, i)
            ),
            None,
        )
        if teller is not None and ungoverned(teller):
            return teller.mention, None, via, 0.9
    a, b, c, d = _speaker_words(ws, i + 1, j) if j - i > 1 else (i + 1, i + 1, -1, -1)
    if c >= 0 and via is None and d > c:
        s, e = _trim(text, ws[c].start + 1, ws[d - 1].end)
        s = ws[c].start + (2 if ws[c].norm.startswith("لل") else 1)
        via = Mention(s, e, text[s:e]) if e > s else None
    participle = _PARTICIPLE.fullmatch(ws[i].norm.lstrip("و")) is not None
    if b > a and not participle:
        # الناطق باسم الكرملين، دميتري بيسكوف، أن ...: the named person of the title
        per = next(
            (
                x
                for x in cands
                if i < x.first < j
                and x.kind == "entity"
                and x.mention.label == "PER"
                and x.prep not in ("ل", "ب", "عن", "مع", "الي", "علي", "في", "من")
                and not (c <= x.first < d)
            ),
            None,
        )
        if per is not None:
            return per.mention, None, via, 1.0
        ent = next((x for x in cands if a <= x.first < b), None)
        if ent is not None and ent.first == a and ent.kind == "entity":
            return ent.mention, None, via, 1.0
        if ent is not None and _body_and_name(ws, a, b, ent):
            return ent.mention, None, via, 1.0
        seg_text = text[ws[a].start : ws[b - 1].end]
        seg = seg_text.split("،")[0].split(",")[0]
        s, e = _trim(text, ws[a].start, ws[a].start + len(seg))
        if ent is not None and ent.first == a:
            return ent.mention, text[s:e], via, 1.0
        if e > s:
            return None, text[s:e], via, 0.95
    # أما وزير المالية فيرى أن ...: the topic after أما is the speaker
    if ws[i].norm[:1] == "ف":
        amma = next((k for k in range(i - 1, max(-1, i - 8), -1) if ws[k].norm in _AMMA), None)
        if amma is not None and amma + 1 < i:
            t0, t1, _, _ = _speaker_words(ws, amma + 1, i)
            if t1 > t0:
                ent = next((c2 for c2 in cands if c2.first == t0 and c2.kind == "entity"), None)
                if ent is not None:
                    return ent.mention, None, via, 0.95
                s, e = _trim(text, ws[t0].start, ws[t1 - 1].end)
                return None, text[s:e], via, 0.95
    carried = ws[i].norm.startswith("و") and ctx.same_sentence_quote
    if carried and not participle and (own := _subject_since(ctx, i, ctx.previous_end)) is not None:
        # قال X إن ...، وهو ما رفضته إسرائيل ووصفته بأنه: a verb between the previous
        # content and the cue names the subject the cue shares
        return own.mention, None if own.kind == "entity" else own.mention.text, via, 0.85
    if not participle and not carried:
        # وكانت هذه المجموعة قد أعلنت: the subject between كان and قد
        subject = _kana_subject(ctx, i)
        if subject is not None:
            return (*subject, via, 0.9)
    before = [
        x
        for x in candidates_within(cands, i - 5, i)
        if x.last < i and i - x.last <= 4 and _same_clause(ctx, x.last, i)
    ]
    if before and not participle and not carried:
        prev = before[-1]
        if _plural_before_singular(ws, prev, i):
            # مسلحون يعتقد أنهم: a plural before a singular present verb is not its subject
            # (that would be يعتقدون); the verb is the impersonal passive, "it is believed"
            return None, None, via, 0.5
        if prev.prep not in ("ل", "عبر", "علي", "في", "ب") and not _prepositional(prev.prep):
            wording = None if prev.kind == "entity" else prev.mention.text
            return prev.mention, wording, via, 0.9
    if participle and not ctx.same_sentence_quote:
        # "لم يذكر زعيم أوكرانيا فولوديمير زيلنسكي ...، قائلا": the subject of the clause verb
        subj = _clause_subject(ctx, i)
        if isinstance(subj, Candidate):
            return subj.mention, None if subj.kind == "entity" else subj.mention.text, via, 0.85
        if subj:
            # the clause's verb has a subject that names no one we can tell (وهاجم مدرب
            # الفريق التحكيم، معتبرا): not the previous quote's speaker
            return None, None, via, 0.5
    if (
        ws[i].norm[:1] == "و"
        and not participle
        and not ctx.same_sentence_quote
        and (own := _subject_since(ctx, i, ctx.span.start)) is not None
    ):
        # ونفت قوات الدعم السريع الاتهامات، وقالت في بيان إن: the cue shares the subject
        # of the verb its sentence began with, not the previous sentence's speaker
        return own.mention, None if own.kind == "entity" else own.mention.text, via, 0.85
    if (last[0] is None and last[1] is None) or (not participle and _imperfect(ws[i].norm)):
        # يرى، تشير، يقولون: a present-tense speech verb has a subject of its own, named or
        # not (الأرقام تشير، آخرون يقولون), never the previous quote's speaker
        return None, None, via, 0.5
    return last[0], last[1], via, 0.8


def _subject_since(ctx: _Sentence, i: int, since: int | None) -> Candidate | None:
    """The subject of the nearest finite verb between offset *since* (the end of the sentence's
    previous quote content, or the sentence start) and the coordinated cue ``ws[i]`` (its
    subject right after it, VSO: a name or a phrase that names who acts), within 30 words."""
    if since is None:
        return None
    ws = ctx.ws
    for k in range(i - 1, max(-1, i - 30), -1):  # (bounded: a long line stays linear)
        if ws[k].start < since:
            return None
        w = ws[k]
        stem = next((w.norm[: -len(x)] for x in ("ها", "هم", "ه") if w.norm.endswith(x)), "")
        if finite_verb(w) or (len(stem) >= 3 and finite_verb(attrs.evolve(w, norm=stem))):
            subj = next(
                (c for c in candidates_within(ctx.cands, k + 1, k + 1) if c.first == k + 1),
                None,
            )
            if subj is None or subj.last >= i:
                return None
            # (a phrase that names who acts too: وهو ما رفضته الحكومة الصومالية ووصفته)
            return subj if subj.kind == "entity" or may_act(ws, subj) else None
    return None


# Words between a name and a later speech verb that give the verb a subject of its own
# (ولكنه قال: the pronoun's referent, not the name before).
_OWN_SUBJECT = _wordset("لكنه لكنها ولكنه ولكنها وهو وهي فهو فهي انه انها لانه لانها")


def _same_clause(ctx: _Sentence, last: int, i: int) -> bool:
    """Whether a name ending at ``ws[last]`` can be the subject of the speech verb ``ws[i]``:
    no punctuation or quotation mark between them (والدول الغربية ، فأشار; ومن ضمنهم طلاس
    ... " وقال) and no pronoun subject of its own (طلاس ولكنه قال)."""
    ws = ctx.ws
    gap = ctx.text[ws[last].end : ws[i].start]
    if any(ch in gap for ch in '،,.؛;:!؟?"«»“”'):
        return False
    return not any(ws[k].norm in _OWN_SUBJECT for k in range(last + 1, i))


_KANA = _wordset("كان كانت وكان وكانت فكان فكانت كانوا وكانوا")


def _kana_subject(ctx: _Sentence, i: int) -> tuple[Mention | None, str | None] | None:
    """``وكانت هذه المجموعة قد أعلنت``: the subject a كان clause names before ``قد`` and the
    speech verb ``ws[i]``, as a name (an entity starting it) or its wording."""
    ws, text = ctx.ws, ctx.text
    if i < 3 or _bare(ws[i - 1].norm) != "قد":
        return None
    k = next((k for k in range(i - 2, max(-1, i - 9), -1) if ws[k].norm in _KANA), None)
    if k is None or k + 1 > i - 2:
        return None
    a, b, _, _ = _speaker_words(ws, k + 1, i - 1)
    if b <= a or b != i - 1:
        return None
    ent = next(
        (
            c
            for c in candidates_within(ctx.cands, a, a)
            if c.first == a and c.kind == "entity" and c.last < b
        ),
        None,
    )
    if ent is not None:
        return ent.mention, None
    s, e = _trim(text, ws[a].start, ws[b - 1].end)
    return (None, text[s:e]) if e > s else None


def _clause_subject(ctx: _Sentence, i: int) -> Candidate | bool:
    """The subject of the nearest finite verb before ``ws[i]`` in the sentence (VSO, titles in
    between): a name, or a phrase that may name who acts (مدرب الفريق). ``True`` when the verb
    has a subject right after it that names no one (a phrase of another kind), ``False`` when
    there is no such verb or it has no subject of its own. A verb with a pronoun right after it
    (أكد فيه، قال له) is a clause attached to an earlier one: the verb before it names the
    subject (نشر ديسانتيس مقطعا ، أكد فيه ... ، معلنا)."""
    ws = ctx.ws
    # a speech participle goes on with the speaker of the sentence's speech verb (قال X إن
    # الجيش قصف ...، مشيرا إلى: X, not the army), when that verb has a name after it
    for k in range(i - 1, max(-1, i - 40), -1):
        kind = _cue_kind(ws[k])
        if kind is not None and kind[0] == "verb" and finite_verb(ws[k]):
            named = _subject_name(ctx, k, i)
            if named is not None:
                return named
            break
    for k in range(i - 1, max(-1, i - 40), -1):
        if not finite_verb(ws[k]) or (k > 0 and ws[k - 1].norm in _SPEAKER_PREPS):
            continue  # (after a preposition a verb's shape is a verbal noun: من طرد، في نقل)
        if _governed_noun(ws[k].norm):
            continue  # لتهجير، بإرسال: a preposition proclitic on a noun shape
        named = _subject_name(ctx, k, i)
        if named is not None:
            return named
        if k + 1 < len(ws) and ws[k + 1].norm in _PRONOUN_PREPS:
            continue
        # no name: a noun phrase right after the verb is its subject, named or not
        phrase = phrase_candidate(ctx.text, ws, k + 1) if k + 1 < i else None
        if phrase is None or phrase.last >= i:
            return False
        return phrase if may_act(ws, phrase) else True
    return False


def _subject_name(ctx: _Sentence, k: int, i: int) -> Candidate | None:
    """The first name within six words after the verb ``ws[k]`` and before ``ws[i]`` that no
    preposition governs: the verb's subject (VSO, titles in between)."""
    for c in candidates_within(ctx.cands, k + 1, k + 6):
        if k < c.first <= k + 6 and c.last < i and c.kind != "phrase":
            if c.prep in ("ل", "ب", "عن", "مع", "الي", "علي", "في", "من"):
                continue
            return c
    return None


_NOUN_SHAPES = frozenset({"definite", "mim_noun", "plural_noun", "fem_noun", "verbal_noun"})


@functools.lru_cache(maxsize=65536)
def _governed_noun(norm: str) -> bool:
    """A preposition proclitic (ب / ل) on a word of a noun shape (لتهجير، بإرسال): a verbal
    noun, not a finite verb."""
    for stem, pre in stem_candidates(norm):
        if pre and pre[-1] in "بل" and len(stem) >= 4 and word_shape(norm, pre) in _NOUN_SHAPES:
            return True
    return False


# A preposition with a pronoun after a verb (أكد فيه، قال لها): an attached clause.
_PRONOUN_PREPS = _wordset("فيه فيها فيهم له لها لهم منه منها عنه عنها عليه عليها")


def _make(
    ctx: _Sentence,
    cue_w: Word,
    content: Span,
    *,
    direct: bool,
    speaker: _Who,
    base: float,
) -> Quote:
    text = ctx.text
    pre = _cue_prefix_len(cue_w.norm)
    cue = Mention(cue_w.start + pre, cue_w.end, text[cue_w.start + pre : cue_w.end])
    partial = not direct and _opens_within(ctx, content)
    mention, wording, via, sure = speaker
    score = round(base * sure, 2)
    return Quote(mention, cue, content, direct, wording, partial, via, score)


def _opens_within(ctx: _Sentence, span: Span) -> bool:
    """Whether a quotation mark opens inside *span* (a bisection over ``ctx.open_marks``)."""
    marks = ctx.open_marks
    if marks is None:
        return _OPEN_RE.search(ctx.text, span.start, span.end) is not None
    k = bisect.bisect_left(marks, span.start)
    return k < len(marks) and marks[k] < span.end


@functools.lru_cache(maxsize=100_000)
def _cue_prefix_len(norm: str) -> int:
    """Length of the proclitics before the speech verb in a cue word (وقال -> 1)."""
    for stem, p in stem_candidates(norm):
        if any(r.pattern.fullmatch(stem) for r in speech_cues()):
            return len(p)
    return 0


# --- a title standing for a person named earlier (الزعيم الأوكراني -> that president) ---

# Titles that name the same office (compared after norm_word, article kept).
_TITLE_GROUPS = (
    frozenset({"الرئيس", "رئيس", "الزعيم", "القائد"}),
    frozenset({"الملك", "العاهل"}),
    frozenset({"الوزير", "وزير"}),
    frozenset({"الرئيسه", "الرئيسة", "الزعيمه", "الزعيمة"}),
    frozenset({"الوزيره", "الوزيرة", "وزيره", "وزيرة"}),
)


@attrs.frozen(slots=True)
class _Title:
    office: frozenset[str]  # the title word and the words naming the same office
    nisba: frozenset[str]  # nationality adjectives (الأوكراني), feminine ending removed
    rest: frozenset[str]  # other words of the title (الخارجية of وزير الخارجية)


def _office(norm: str) -> frozenset[str] | None:
    from arabnews.ner.edges import edge_word_kind

    for group in _TITLE_GROUPS:
        if norm in group:
            return group
    if edge_word_kind(norm) == "title" or norm in ("العاهل", "الزعيم"):
        return frozenset({norm})
    return None


def _nisba(norm: str) -> str | None:
    """A definite nisba adjective (الأوكراني، الألمانية), its feminine ending removed."""
    n = norm[:-1] if norm.endswith(("ه", "ة")) else norm
    return n if n.startswith("ال") and n.endswith("ي") and len(n) >= 6 else None


def _title_of(tokens: Sequence[str]) -> _Title | None:
    """The title in the words right before a name or in a speaker's wording: an office word
    (الرئيس، وزير، المستشارة), nationality adjectives and construct complements (الخارجية)."""
    office: frozenset[str] | None = None
    nisba: set[str] = set()
    rest: set[str] = set()
    for tok in tokens:
        n = norm_word(tok.strip('،,.:؛"«»“”()'))
        if n[:1] == "و" and len(n) > 3 and _office(n[1:]) is not None:
            n = n[1:]
        o = _office(n)
        if o is not None:
            office, nisba, rest = o, set(), set()  # the title starts at its office word
        elif office is not None:
            a = _nisba(n)
            if a is not None:
                nisba.add(a)
            elif n.startswith("ال"):
                rest.add(n)
            else:
                return None  # not a title (a verb, a preposition, an indefinite noun)
    if office is None:
        return None
    return _Title(office, frozenset(nisba), frozenset(rest))


def _plural_before_singular(ws: Sequence[Word], prev: Candidate, i: int) -> bool:
    """Whether candidate *prev*, right before the present-tense cue ``ws[i]``, ends in a sound
    plural (ون / ين) while the cue is singular (no ون / ان ending): subject and verb would
    agree in number, so *prev* is not the cue's subject."""
    cue = _bare(ws[i].norm)
    last = _bare(ws[prev.last].norm)
    return (
        prev.last == i - 1
        and _imperfect(ws[i].norm)
        and not cue.endswith(("ون", "ان"))
        and last.endswith(("ون", "ين"))
        and len(last) >= 5
    )


def _body_and_name(ws: Sequence[Word], a: int, b: int, ent: Candidate) -> bool:
    """Whether the speaker's words ``a..b`` are a body word and then an organisation's name,
    the whole of the rest (قالت حركة حماس، أعلنت جماعة الحوثي): the recogniser leaves the body
    word out of the name by convention (``edge_words.tsv``), so the name is the speaker."""
    from arabnews.ner.edges import edge_word_kind

    return (
        ent.kind == "entity"
        and ent.mention.label == "ORG"
        and ent.first == a + 1
        and ent.last == b - 1
        and edge_word_kind(ws[a].norm) in ("body", "media")
    )


def _link_title(text: str, q: Quote, titled: Sequence[tuple[_Title, Entity]]) -> Quote:
    """*q* with its wording-only speaker (``الزعيم الأوكراني``) linked to the one person named
    earlier with that office, nationality and complements; unchanged when none or several fit."""
    wording = q.speaker_text or ""
    tokens = wording.split()
    if not 1 <= len(tokens) <= 4:
        return q
    first = norm_word(tokens[0])
    if _office(first) is None and _office(first[1:]) is None:
        return q  # the wording must open with the office word
    want = _title_of(tokens)
    if want is None:
        return q
    fits = {
        (e.canonical or e.text): e
        for have, e in titled
        if have.office & want.office and want.nisba <= have.nisba and want.rest <= have.rest
    }
    if len(fits) != 1:
        return q
    person = next(iter(fits.values()))
    start = text.find(wording, q.cue.end, q.content.start if q.content.start > q.cue.end else None)
    if start < 0:
        return q
    mention = Mention(
        start,
        start + len(wording),
        wording,
        "PER",
        person.canonical or person.text,
        person.entity_id,
    )
    return attrs.evolve(q, speaker=mention, speaker_text=None, score=round(q.score * 0.95, 2))
