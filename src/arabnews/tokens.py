"""Word tokenizer with original offsets, in the style of ANERCorp.

Punctuation is split off, clitics stay attached (``والقوات``, ``و6`` are one token), numbers
keep their separators and a glued percent sign (``3.5%``, ``1,200``, ``١٢``), and URLs, e-mail
addresses, hashtags and dotted abbreviations (``د.``, ``ق.م.``, ``U.S.``) are single tokens.
This is the tokenisation the NER model (Stanza, pretokenised, trained on ANERCorp) and the
event extractor expect.

>>> [t.text for t in tokenize("قال د. أحمد: ارتفع المؤشر 3.5% إلى 1,200 نقطة.")]
['قال', 'د.', 'أحمد', ':', 'ارتفع', 'المؤشر', '3.5%', 'إلى', '1,200', 'نقطة', '.']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from arabnews import charsets
from arabnews._checks import check_pieces, require_str
from arabnews._gc import gc_paused
from arabnews.spans import Span

__all__ = ["TOKEN_PATTERNS", "Token", "check_tokens", "tokenize", "tokens_by_span"]

_ARABIC_LETTERS = charsets.LETTERS_RE
# Marks, tatweel and joiners continue an Arabic word («المدَمّرة», «بـالقضاء», Persian ZWNJ).
_ARABIC_CONTINUE = charsets.class_body(
    charsets.LETTERS
    | charsets.DIACRITICS
    | charsets.EXTENDED_A_MARKS
    | {charsets.TATWEEL}
    | charsets.JOINERS
)

#: The token shapes, tried in this order at each position: ``(name, regex, example)``.
#: The example is the text of one whole token of that kind (checked at compile time).
TOKEN_PATTERNS: tuple[tuple[str, str, str], ...] = (
    (
        "url",
        r"(?:https?://|ftp://|www\.)[^\s<>\"«»“”]*[^\s<>\"«»“”.,;:!?؟،)\]}']",
        "https://aja.me/x?a=1",
    ),
    # (Latin local part only: an Arabic word then fails on its first character)
    ("email", r"[A-Za-z0-9._%+-]{1,64}+@[\w-]+(?:\.[\w-]+)+", "info@example.org"),
    ("hashtag", rf"[#@][\w{_ARABIC_CONTINUE}]+", "#حرب_غزة"),
    # dotted single letters: «ق.م.», «أ.ف.ب», «U.S.»
    ("initialism", r"[^\W\d_](?:\.[^\W\d_])+\.?(?![^\W\d_])", "ق.م."),
    # as in ANERCorp, a glued proclitic, percent sign or era letter stays with the number:
    # «و6», «1,200», «3.5%», «1420ه»
    (
        "number",
        r"(?:[وفبلك]|ال|وال|بال|فال|كال|لل)?\d+(?:[,٬]\d{3}(?!\d))*(?:[.٫]\d+)?"
        r"(?:[%٪]|هـ|[مه](?![^\W\d_]))?",
        "و1,200.5%",
    ),
    ("arabic", rf"[{_ARABIC_LETTERS}{charsets.TATWEEL}][{_ARABIC_CONTINUE}]*", "والقوات"),
    (
        "latin",
        r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f\u0300-\u036f]*(?:['’][A-Za-z]+)*",
        "O'Brien",
    ),
    ("word", r"[^\W\d_]+", "Москва"),
    ("ellipsis", r"\.{2,}|…", "..."),
    ("repeated", r"(?P<mark>[^\w\s])(?P=mark)+", "!!"),
    ("other", r"\S", "،"),
)


@attrs.frozen(slots=True)
class Token:
    """One token: ``text == original[start:end]``."""

    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        """The token's ``Span(start, end)``."""
        return Span(self.start, self.end)


@functools.cache
def _token_regex() -> re.Pattern[str]:
    # Abbreviations whose dot belongs to the word (title and era kinds of the sentence
    # splitter's table: «د.», «م.», «Dr.») come first, so «د.» is one token as in ANERCorp.
    from arabnews.sentences._rules import read_table

    titles = sorted(
        (row["abbreviation"] for row in read_table("abbreviations.tsv")),
        key=len,
        reverse=True,
    )
    # The lookahead is a cheap guard: most positions start a word with no dot after it.
    abbreviation = (
        r"(?=[^\W\d_][^\W\d_.]{0,4}\.)(?:"
        + "|".join(re.escape(t) for t in titles)
        + r")(?![^\W\d_])"
    )
    parts = [f"(?P<abbreviation>{abbreviation})"]
    for name, pattern, example in TOKEN_PATTERNS:
        if not re.fullmatch(pattern, example):
            raise ValueError(f"token pattern {name!r} does not match its example {example!r}")
        parts.append(f"(?P<{name}>{pattern})")
    return re.compile("|".join(parts))


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Tokenize ``text[start:end]``; offsets are into *text*.

    Every non-whitespace character of the range belongs to exactly one token.

    Args:
        text: the text (original or cleaned; offsets refer to it).
        start: where to begin (for example a sentence's ``start``).
        end: where to stop; ``None`` for the end of *text*.

    Raises:
        TypeError: when *text* is not a ``str`` or the bounds are not ``int``.
        ValueError: when the bounds are outside the text or reversed.

    >>> text = "وقال الرئيس (رويترز) إن..."
    >>> [(t.start, t.text) for t in tokenize(text, 5)]
    [(5, 'الرئيس'), (12, '('), (13, 'رويترز'), (19, ')'), (21, 'إن'), (23, '...')]
    """
    require_str(text, "text")
    for name, value in (("start", start), ("end", end)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise TypeError(f"{name} must be int, not {type(value).__name__}")
    stop = len(text) if end is None else end
    if not 0 <= start <= stop <= len(text):
        raise ValueError(f"need 0 <= start <= end <= len(text), got {start}, {stop}, {len(text)}")
    # Tokens hold strings and ints only, so building them creates no reference cycle; the
    # cyclic collector would only walk the tokens built so far again and again (a cost that
    # grows faster than the text: ×1.4 per MB from 1 to 10 MB). It pauses meanwhile.
    with gc_paused():
        return tuple(
            Token(m.start(), m.end(), m.group()) for m in _token_regex().finditer(text, start, stop)
        )


def tokens_by_span(tokens: Sequence[Token], spans: Sequence[Span]) -> tuple[tuple[Token, ...], ...]:
    """The tokens of each span, from one token stream of the whole text (no re-tokenising).

    *tokens* are :func:`tokenize`'s output for the text (in order, disjoint) and *spans* are
    ranges of it in order (sentences). Whitespace-only tokens are left out, as the NER stage
    wants them. A token that crosses a span's edge is cut at it (the sentence splitter never
    cuts inside a token on the corpora measured; the cut keeps ``text == original[start:end]``).
    One pass over both sequences: linear in their lengths.

    >>> from arabnews.spans import Span
    >>> text = "وصل الوفد. بدأت"
    >>> [[t.text for t in g] for g in tokens_by_span(tokenize(text), [Span(0, 10), Span(11, 15)])]
    [['وصل', 'الوفد', '.'], ['بدأت']]
    """
    out: list[tuple[Token, ...]] = []
    k = 0
    n = len(tokens)
    for span in spans:
        start, end = span.start, span.end
        while k < n and tokens[k].end <= start:
            k += 1
        group = []
        j = k
        while j < n and tokens[j].start < end:
            tok = tokens[j]
            if tok.start < start or tok.end > end:  # crosses an edge: cut there
                a, b = max(tok.start, start), min(tok.end, end)
                tok = Token(a, b, tok.text[a - tok.start : b - tok.start])
            if tok.text.strip():
                group.append(tok)
            j += 1
        out.append(tuple(group))
        # the next span may start inside the last token taken (a cut token)
        k = j - 1 if j > k and tokens[j - 1].end > end else j
    return tuple(out)


def check_tokens(tokens: object, text: str, name: str = "tokens") -> tuple[Token, ...]:
    """*tokens* as a tuple, checked against *text*: :class:`Token` objects in text order,
    disjoint, inside the text, and ``text[start:end] == token.text`` (one linear pass).

    Raises:
        TypeError: *tokens* is not a sequence of :class:`Token`.
        ValueError: a token lies outside *text*, is out of order, overlaps the one before or
            does not match the text at its offsets (tokens of another text).
    """
    return check_pieces(tokens, text, Token, name)
