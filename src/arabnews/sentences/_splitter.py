"""The sentence splitter: regex candidates, a few decisions in Python per candidate.

One pass finds the lines; inside a line one regex finds the candidate boundaries
(terminator runs with the closing quotes and brackets after them, and inline bullets).
Each candidate is then accepted or rejected by the rules documented in
``docs/sentences.rst``. Regexes are compiled on first use, never at import.
"""

from __future__ import annotations

import functools
import heapq
import re

import attrs

from arabnews import charsets as cs
from arabnews._checks import require_str
from arabnews.sentences._rules import abbreviations, agency_key, dateline_rules
from arabnews.sentences._types import Dateline, Sentence

__all__ = ["split_sentences"]

TERMINATORS = ".!?؟…‼⁇⁈⁉۔。！？"
STRONG_TERMINATORS = frozenset("!?؟‼⁇⁈⁉！？")
CLOSERS = "\"'”’»›)]}」』〞"
BULLETS = "•▪●◦‣■◆►➤"
# Characters that end a title-like line without making it a body sentence.
_NON_HEADLINE_END = frozenset(TERMINATORS + ":،,؛;")
#: A line without final punctuation longer than this many words is a body paragraph that
#: lost its full stop, not a headline.
HEADLINE_MAX_WORDS = 30
#: A quotation or bracket longer than this many characters does not hold back the sentence
#: ends inside it: it is a stray mark paired with a far one, not a quotation (in the news
#: texts of ``../shared/data/news`` 99.9% of paired quotations are shorter than 820
#: characters).
MAX_QUOTATION_CHARS = 1000
#: Quote marks after which a terminator always ends the sentence («. ». ". ”.).
_QUOTE_MARKS = frozenset('«»"“”')
# Characters before a guillemet that make it an opening mark (besides a line start).
_BEFORE_OPENING = frozenset("([{-–—،,؛;")
# Characters after a guillemet that make it a closing mark (besides a line end).
_AFTER_CLOSING = frozenset("،,؛;)]}")
#: How far into a line a dateline may start (headline + dateline on one line fit easily).
DATELINE_WINDOW = 240
# Words are scanned backwards at most this far (abbreviations and numbers are short).
_MAX_WORD = 24
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


# Letters only: tatweel (U+0640) and marks are excluded, so «حمـ.ـاس» is not split.
_ARABIC_LETTERS = cs.BASIC_LETTERS | cs.KEHEH_YEH_VARIANTS | cs.EXTENDED_LETTERS


def _is_arabic_letter(char: str) -> bool:
    return char in _ARABIC_LETTERS


@attrs.frozen(slots=True)
class _Patterns:
    line: re.Pattern[str]
    candidate: re.Pattern[str]
    pairs: re.Pattern[str]
    dotted_initialism: re.Pattern[str]
    list_marker: re.Pattern[str]
    number: re.Pattern[str]
    dateline_hint: re.Pattern[str]


# «أ» as a list item number: the range U+0621–U+064A, tatweel and U+063B–U+063F included
_LIST_LETTERS = cs.class_body(cs.BASIC_LETTERS | cs.KEHEH_YEH_VARIANTS | {cs.TATWEEL})
_SEPARATORS = cs.ARABIC_DECIMAL_SEPARATOR + cs.ARABIC_THOUSANDS_SEPARATOR


@functools.cache
def _patterns() -> _Patterns:
    term = re.escape(TERMINATORS)
    close = re.escape(CLOSERS)
    return _Patterns(
        line=re.compile(rf"[^{_LINE_BREAKS}]+"),
        candidate=re.compile(
            # one charset first, so that the scan between candidates runs at C speed
            rf"[{term}{re.escape(BULLETS)}][{term}{close}]*"
        ),
        pairs=re.compile(r"[\"“”„‟«»()\[\]]"),
        # «ق.م», «U.S», «أ.ف.ب»: single letters joined by dots (the final dot comes after)
        dotted_initialism=re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]"),
        # «1», «12», «a», «iv», «أ»: what a list item number looks like before its dot
        list_marker=re.compile(
            rf"[{cs.class_body(cs.ASCII_DIGITS | cs.ARABIC_INDIC_DIGITS)}]{{1,3}}|[A-Za-z]"
            rf"|[ivxIVX]{{1,4}}|[{_LIST_LETTERS}]"
        ),
        number=re.compile(rf"[{cs.DIGITS_RE}][{cs.DIGITS_RE}.,{_SEPARATORS}]*"),
        dateline_hint=re.compile(r"[(\-–—]"),
    )


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split *text* into sentences, with offsets into *text* itself.

    Headlines and other lines without final punctuation are sentences of kind
    ``"headline"``; a wire dateline (``هراري 15-7 (أ ف ب) -``) opens a new sentence and is
    exposed on it as :class:`Dateline`.

    Args:
        text: the original text (a whole page is fine; boilerplate lines become sentences
            of their own).

    Returns:
        The sentences in text order; empty for empty or whitespace-only text.

    Raises:
        TypeError: when *text* is not a ``str``.

    >>> [s.text for s in split_sentences("قال د. أحمد إن النمو بلغ 3.5%. وأضاف: نعم!")]
    ['قال د. أحمد إن النمو بلغ 3.5%.', 'وأضاف: نعم!']
    >>> s = split_sentences("مقتل خمسة في هراري\\nهراري 15-7 (أ ف ب) - قتل خمسة.")
    >>> [(x.kind, x.text) for x in s]
    [('headline', 'مقتل خمسة في هراري'), ('body', 'هراري 15-7 (أ ف ب) - قتل خمسة.')]
    >>> s[1].dateline.place, s[1].dateline.date_text, s[1].dateline.agency
    ('هراري', '15-7', 'AFP')
    """
    require_str(text, "text")
    if not text or text.isspace():
        return ()
    patterns = _patterns()
    out: list[Sentence] = []
    for line in patterns.line.finditer(text):
        _split_line(text, line.start(), line.end(), patterns, out)
    return tuple(out)


def _split_line(
    text: str, line_start: int, line_end: int, patterns: _Patterns, out: list[Sentence]
) -> None:
    # Trim the line; a blank line yields nothing.
    segment = text[line_start:line_end]
    stripped = segment.strip()
    if not stripped:
        return
    start = line_start + segment.index(stripped[0])
    end = start + len(stripped)

    cuts: list[int] = []  # offsets where a new sentence starts (after whitespace)
    regions: _Regions | None = None  # quote/bracket pairs, computed on demand
    sentence_start = start
    for match in patterns.candidate.finditer(text, start, end):
        if match.group()[0] in BULLETS:
            position = match.start()
            if position > sentence_start and text[position - 1].isspace():
                cuts.append(position)
                sentence_start = position
            continue
        run_end = match.end()
        if run_end >= end:
            break  # the line ends here anyway
        if regions is None:
            regions = _Regions(_pair_regions(text, start, end, patterns))
        if _is_boundary(
            text,
            match.start(),
            run_end,
            line_start=start,
            sentence_start=sentence_start,
            regions=regions,
            patterns=patterns,
        ):
            following = run_end
            while text[following].isspace():
                following += 1
            cuts.append(following)
            sentence_start = following

    dateline = _find_dateline(text, start, end, patterns)
    if dateline is not None and dateline.start > start and dateline.start not in cuts:
        prefix = text[start : dateline.start].rstrip()
        # A headline shares the line: cut before the dateline when the prefix looks like a
        # title (a few words, no final punctuation, not a byline ending in a dash).
        if len(prefix.split()) >= 3 and prefix[-1] not in "-–—:،,":
            cuts.append(dateline.start)
            cuts.sort()

    bounds = [start, *cuts, end]
    for index in range(len(bounds) - 1):
        piece_start, piece_end = bounds[index], bounds[index + 1]
        piece = text[piece_start:piece_end].rstrip()
        if not piece:
            continue
        piece_end = piece_start + len(piece)
        kind = "body"
        if index == 0 and (
            len(bounds) == 2 or (dateline is not None and bounds[1] == dateline.start)
        ):
            kind = _line_kind(piece)
        attached = None
        if dateline is not None and piece_start <= dateline.start and dateline.end <= piece_end:
            attached = dateline
        out.append(Sentence(piece_start, piece_end, piece, kind, attached))


def _line_kind(piece: str) -> str:
    """``"headline"`` for a title-like line: no final punctuation, not too long, no bullet."""
    last = piece.rstrip(CLOSERS)[-1:] or piece[-1]
    if last in _NON_HEADLINE_END or piece[0] in BULLETS:
        return "body"
    if piece.count(" ") >= HEADLINE_MAX_WORDS:
        return "body"
    return "headline"


def _pair_regions(text: str, start: int, end: int, patterns: _Patterns) -> list[tuple[int, int]]:
    """Closed quotation and bracket pairs of one line as ``(open, close)`` offsets.

    Straight and curly double quotes toggle (writers mix “ and ” in both directions).
    Guillemets nest, and each one opens or closes by what surrounds it, not by its
    shape, so newswire set with reversed guillemets (``وقال:» ... «.``) pairs as it reads.
    A mark that is never closed on its line opens nothing, so one stray quote cannot
    swallow the rest of a paragraph; a pair longer than :data:`MAX_QUOTATION_CHARS` is
    a stray mark matched with a far one and is dropped.
    """
    regions: list[tuple[int, int]] = []
    double: int | None = None
    guillemets: list[int] = []
    brackets: list[int] = []
    for match in patterns.pairs.finditer(text, start, end):
        char = match.group()
        position = match.start()
        if char in "«»":
            if _opens(text, position, start, end):
                guillemets.append(position)
            elif guillemets:
                regions.append((guillemets.pop(), position))
        elif char in "([":
            brackets.append(position)
        elif char in ")]":
            if brackets:
                regions.append((brackets.pop(), position))
        elif double is None:
            double = position
        else:
            regions.append((double, position))
            double = None
    return [(a, b) for a, b in regions if b - a <= MAX_QUOTATION_CHARS]


def _opens(text: str, position: int, start: int, end: int) -> bool:
    """Whether the guillemet at *position* opens a quotation (else it closes one).

    Context decides: a mark after a colon, a space or a line start and before a word
    opens; a mark after a word and before a space, a comma or a terminator closes. When
    the context says nothing either way (spaces on both sides), the shape decides
    (``«`` opens).
    """
    before = text[position - 1] if position > start else ""
    after = text[position + 1] if position + 1 < end else ""
    opening = closing = 0
    if before == ":":
        opening += 2
    elif not before or before.isspace() or before in _BEFORE_OPENING:
        opening += 1
    elif before.isalnum() or before in TERMINATORS:
        closing += 1
    if after in TERMINATORS and after:
        closing += 2
    elif not after or after.isspace() or after in _AFTER_CLOSING:
        closing += 1
    elif after.isalnum():
        opening += 1
    if opening != closing:
        return opening > closing
    return text[position] == "«"


def _closes_quotation(text: str, group_start: int, line_start: int) -> bool:
    """Whether the terminator group at *group_start* follows a closing quote mark."""
    mark = group_start - 1
    while mark > line_start and text[mark] == " ":
        mark -= 1
    if mark <= line_start or text[mark] not in _QUOTE_MARKS:
        return False
    if text[mark] in "«»":
        return not _opens(text, mark, line_start, group_start + 1)
    return not text[mark - 1].isspace()  # ".": a double quote glued to its last word


class _Regions:
    """The pairs of one line, queried at increasing offsets (so each query is cheap)."""

    __slots__ = ("_active", "_by_open", "_next")

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        self._by_open = sorted(pairs)
        self._next = 0
        self._active: list[tuple[int, int]] = []  # heap of (close, open)

    def around(self, offset: int) -> list[tuple[int, int]]:
        """The pairs ``(open, close)`` with ``open < offset < close``."""
        by_open = self._by_open
        while self._next < len(by_open) and by_open[self._next][0] < offset:
            open_at, close_at = by_open[self._next]
            heapq.heappush(self._active, (close_at, open_at))
            self._next += 1
        while self._active and self._active[0][0] <= offset:
            heapq.heappop(self._active)
        return [(open_at, close_at) for close_at, open_at in self._active]


def _is_boundary(
    text: str,
    run_start: int,
    run_end: int,
    *,
    line_start: int,
    sentence_start: int,
    regions: _Regions,
    patterns: _Patterns,
) -> bool:
    """Decide whether the terminator run ``text[run_start:run_end]`` ends a sentence."""
    # The terminator that counts is the last one of the run: in «أحسنتم!".» the «!» is
    # inside the quotation and the final «.» ends the sentence.
    last = run_end - 1
    while text[last] in CLOSERS:
        last -= 1
    group_start = last
    while group_start > run_start and text[group_start - 1] in TERMINATORS:
        group_start -= 1
    group = text[group_start : last + 1]
    strong = any(char in STRONG_TERMINATORS for char in group)
    if not strong and ".." in group and "..." not in group:
        return False  # «..» is a pause in Arabic prose, not a full stop
    if group == "." and (
        text[run_end : run_end + 2] == " ." or text[run_start - 2 : run_start] == ". "
    ):
        return False  # the same pause in tokenised text: «النمو . . ودور»
    # An ellipsis ends a sentence, but not after a lone letter («و... وجدتها») or when
    # nothing precedes it in the sentence («... وهذا»).
    if (
        not strong
        and ("…" in group or "..." in group)
        and (group_start <= sentence_start + 1 or text[group_start - 2].isspace())
    ):
        return False

    following = text[run_end]
    if not following.isspace():
        # Glued to the next word: a boundary only between Arabic words that lost their
        # space («الحرب.وقال»); never inside URLs, e-mails, «U.S.A», «ق.م», «3.5», «حمـ.ـاس».
        if run_start - 2 < line_start or run_end + 1 >= len(text):
            return False
        if not (_is_arabic_letter(text[run_start - 2]) and _is_arabic_letter(text[run_start - 1])):
            return False
        if not (_is_arabic_letter(following) and _is_arabic_letter(text[run_end + 1])):
            return False

    # A terminator right after a closing quote mark («. ». ". ”.) always ends the
    # sentence, whatever quotation state the line is in.
    if following.isspace() and _closes_quotation(text, group_start, line_start):
        return True
    # Terminators inside quotation marks or brackets do not split, unless the quotation
    # is the whole sentence and this run closes it («“...أوكرانيا.” ثم»).
    for open_at, close_at in regions.around(last):
        if not (open_at == sentence_start and close_at < run_end):
            return False

    if strong or group_start != run_start or text[group_start] != ".":
        return True
    return not _is_abbreviation(text, run_start, line_start, patterns)


def _is_abbreviation(text: str, dot: int, line_start: int, patterns: _Patterns) -> bool:
    """True when the «.» at *dot* belongs to the word before it (abbreviation, list number)."""
    word_start = dot
    floor = max(line_start, dot - _MAX_WORD)
    while word_start > floor and not text[word_start - 1].isspace():
        word_start -= 1
    if word_start == floor > line_start and not text[floor - 1].isspace():
        return False  # longer than any abbreviation (and the scan stays bounded)
    word = text[word_start:dot].lstrip('(«"“[')
    if not word:
        return False
    kind = abbreviations().kind(word + ".")
    if kind == "era":
        # «م.», «هـ.», «ق.م.» end a sentence after a year («عام 1445 هـ.»)
        return not _previous_word_is_number(text, word_start, line_start, patterns)
    if kind is not None:
        return True
    if len(word) == 1:
        if _is_arabic_letter(word):
            return True  # «د.», «أ.»: Arabic single letters are never a sentence's last word
        if "A" <= word <= "Z":
            # an initial before a Latin name («J. K. Rowling»), not «على X. وقال»
            after = dot + 1
            while after < len(text) and text[after] == " ":
                after += 1
            return after < len(text) and "A" <= text[after] <= "Z"
    if patterns.dotted_initialism.fullmatch(word):
        return True
    if patterns.list_marker.fullmatch(word) is None:
        return False
    # «1.», «أ.» opening a numbered list item: at the line start, or inline after a colon
    # or a comma («وهي: 1. الأمن، 2. الاقتصاد»); «قتل 23.» still ends its sentence.
    before = word_start - 1
    while before >= line_start and text[before].isspace():
        before -= 1
    return before < line_start or (text[before] in ":،,؛;" and len(word) <= 2)


def _previous_word_is_number(
    text: str, word_start: int, line_start: int, patterns: _Patterns
) -> bool:
    end = word_start
    while end > line_start and text[end - 1].isspace():
        end -= 1
    start = end
    floor = max(line_start, end - _MAX_WORD)
    while start > floor and not text[start - 1].isspace():
        start -= 1
    if start == floor > line_start and not text[floor - 1].isspace():
        return False  # a long word is no number
    return start < end and patterns.number.fullmatch(text, start, end) is not None


def _find_dateline(text: str, start: int, end: int, patterns: _Patterns) -> Dateline | None:
    """The wire dateline near the start of the line ``text[start:end]``, if any."""
    window_end = min(end, start + DATELINE_WINDOW)
    # Every shape needs a bracket or a dash, or is a short line of its own: a cheap test
    # that spares most body paragraphs the regex search.
    if end - start > DATELINE_WINDOW and not patterns.dateline_hint.search(text, start, window_end):
        return None
    rules = dateline_rules()
    hit = rules.agency_finder.search(text, start, window_end)
    if hit is None:
        return None
    # Search only around the agency name (a dateline is short); a "$" that matched at the
    # artificial end of that range is not the line's end.
    search_start = max(start, hit.start() - 100)
    if search_start > start:
        search_start = text.find(" ", search_start, hit.start()) + 1 or hit.start()
    search_end = min(end, hit.end() + 100)
    for _name, pattern in rules.patterns:
        match = pattern.search(text, search_start, search_end)
        if match is None or match.start() >= window_end:
            continue
        if match.end() == search_end < end:
            continue
        place_start, place_end = match.span("place")
        dateline_start = min(place_start, match.start("agency"))
        # The pattern takes one word of the place; take the whole name when the words
        # before it make a known multi-word place («ريو دي جانيرو»), or when they are
        # all the line holds before it (a one- or two-word place at the line start).
        before = text[start:place_start].split()
        place_words = text[place_start:place_end].split()
        if place_start == dateline_start:
            if 0 < len(before) <= 2 and not any(w[-1] in "-–—:،,." for w in before):
                place_words = before + place_words
                dateline_start = start
            else:
                for candidate in rules.places:
                    count = len(candidate) - len(place_words)
                    if (
                        0 < count <= len(before)
                        and tuple(before[len(before) - count :] + place_words) == candidate
                    ):
                        place_words = list(candidate)
                        dateline_start = text.rindex(candidate[0], start, place_start)
                        break
        groups = match.groupdict()
        date = groups.get("date")
        agency = groups.get("agency")
        return Dateline(
            start=dateline_start,
            end=match.end(),
            text=text[dateline_start : match.end()],
            place=" ".join(place_words) or None,
            date_text=date.strip() if date else None,
            agency=rules.canonical_agency.get(agency_key(agency), agency) if agency else None,
        )
    return None
