"""Normalisation of names into comparison keys, transliteration and skeletons.

A *name* (``"فولوديمير زيلينسكي"``, ``"وزيلينسكي"``, ``"Zelensky"``, ``"BBC"``) becomes a
:class:`NameKey`: a tuple of token keys in one normalised Arabic letter space. Latin
spellings are transliterated into that space first, so Arabic and Latin spellings of a
name compare with the same edit distance.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import attrs

from arabnews._data import read_json
from arabnews.charsets import (
    ALEF_MAQSURA,
    ARABIC_INDIC_DIGITS,
    BASIC_LETTERS,
    EASTERN_ARABIC_DIGITS,
    HAMZA_ALEFS,
    TATWEEL,
    TEH_MARBUTA,
    WAW_HAMZA,
    YEH_HAMZA,
)

__all__ = [
    "NameKey",
    "TokenKey",
    "blocking_keys",
    "name_key",
    "normalize_name",
    "skeleton",
    "surface_form",
    "to_arabic",
    "to_latin",
    "transliterate",
    "word_of_its_own",
]

# Arabic letters that a name key may contain after normalisation (_FOLD removes the rest).
_ARABIC_LETTERS = BASIC_LETTERS - HAMZA_ALEFS - {WAW_HAMZA, YEH_HAMZA, ALEF_MAQSURA, TEH_MARBUTA}
_CLITICS = "وفبلك"
# Minimum letters left after stripping an article or clitic: shorter remainders are too
# ambiguous (ليون must not become يون).
_MIN_STEM = 3
_MAX_NAME = 200


def _load_json(name: str) -> dict[str, Any]:
    data = read_json("arabnews.names", name)
    if not isinstance(data, dict):
        raise ValueError(f"arabnews.names data file {name} must hold a JSON object")
    return data


@functools.cache
def _translit_tables() -> dict[str, Any]:
    data = _load_json("translit.json")
    for key in ("latin_to_arabic", "latin_initial", "arabic_to_latin", "skeleton", "letter_names"):
        if key not in data:
            raise ValueError(f"translit.json lacks {key!r}")
    for row in data["latin_to_arabic"] + data["latin_initial"]:
        if len(row) != 3 or not all(isinstance(x, str) and x for x in row):
            raise ValueError(f"translit.json: bad rule {row!r} (need [latin, arabic, example])")
    return data


# Character folding applied before anything else: hamza seats, yeh and kaf forms, Persian
# and Urdu letters used for foreign sounds (گ g, چ ch, پ p, ڤ v, ژ zh), teh marbuta.
_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ؤ": "و",
    "ئ": "ي",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ۍ": "ي",
    "ێ": "ي",
    "ي": "ي",
    "ة": "ه",
    "ۀ": "ه",
    "ە": "ه",
    "ھ": "ه",
    "ہ": "ه",
    "ک": "ك",
    "ڪ": "ك",
    "گ": "ج",
    "ڭ": "ج",
    "ڨ": "ج",
    "چ": "تش",
    "پ": "ب",
    "ڤ": "ف",
    "ڥ": "ف",
    "ژ": "ج",
}
_NON_SPACE = re.compile(r"\S+")
_LATIN_FOLD = {"ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "ð": "d"}
_ARABIC_DIGITS = dict(zip(sorted(ARABIC_INDIC_DIGITS), "0123456789", strict=True)) | dict(
    zip(sorted(EASTERN_ARABIC_DIGITS), "0123456789", strict=True)
)


def _is_mark(ch: str) -> bool:
    # diacritics (harakat, shadda, sukun, superscript alef), tatweel, format/control chars
    return ch == TATWEEL or unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc", "Cs", "Co")


@functools.lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Return *name* folded for comparison, tokens separated by single spaces.

    Removes diacritics, tatweel and invisible characters; folds hamza seats, alef maqsura,
    Persian yeh, teh marbuta and the Persian letters used for foreign sounds; lower-cases
    Latin and drops its accents; turns punctuation into spaces. Clitics and the article are
    kept (they are handled when comparing). Only the first 200 characters count.

    >>> normalize_name("إسطنبول")
    'اسطنبول'
    >>> normalize_name("فلادیمیر  بوتین")
    'فلاديمير بوتين'
    >>> normalize_name("Zelénsky")
    'zelensky'
    """
    return " ".join(t for t, _ in _raw_tokens(name))


def _raw_tokens(name: str) -> list[tuple[str, bool]]:
    """Tokens of the folded name, each with a flag: written as a Latin initialism (BBC)."""
    return [(tok, initialism) for tok, initialism, _ in _raw_tokens_marked(name)]


# Letters that folding merges but that spell different words (هادي / هادئ, مرسي / مرسى,
# عالية / عاليه): a token's surface form (:func:`surface_form`) keeps them.
_SURFACE_KEEP = frozenset("ؤئىة")


def _raw_tokens_marked(name: str) -> list[tuple[str, bool, bool]]:
    """:func:`_raw_tokens`, each token with a second flag: its last letter was the ta
    marbuta ة, which folding writes as ه (a feminine or verbal noun, not a nisba)."""
    return [(tok, initialism, fem) for tok, initialism, fem, _ in _raw_tokens_surface(name)]


def _raw_tokens_surface(name: str) -> list[tuple[str, bool, bool, str]]:
    """:func:`_raw_tokens_marked`, each token with its surface form: the same letters with
    ؤ ئ ى ة as written (see :func:`surface_form`)."""
    # a name is short: past _MAX_NAME characters a "name" is text, and comparing it
    # letter by letter would cost quadratic time
    text = unicodedata.normalize("NFKC", name[:_MAX_NAME])
    out: list[str] = []
    kept: dict[int, str] = {}  # element positions in out whose letter the surface keeps
    marked: set[int] = set()  # element positions in out that were a ta marbuta
    for ch in text:
        if ch in _FOLD:
            if ch == TEH_MARBUTA:
                marked.add(len(out))
            if ch in _SURFACE_KEEP:
                kept[len(out)] = ch
            out.append(_FOLD[ch])
        elif ch in _ARABIC_LETTERS or (ch.isascii() and ch.isalnum()):
            out.append(ch)
        elif ch in _ARABIC_DIGITS:
            out.append(_ARABIC_DIGITS[ch])
        elif _is_mark(ch):
            continue
        elif ch.isalpha():
            low = ch.lower()
            if low in _LATIN_FOLD:
                out.append(_LATIN_FOLD[low] if ch == low else _LATIN_FOLD[low].upper())
                continue
            decomposed = unicodedata.normalize("NFKD", ch)
            base = "".join(c for c in decomposed if not unicodedata.combining(c))
            out.append(base if base else ch)
        elif ch.isdigit():
            out.append(ch)
        else:
            out.append(" ")
    # where each element of out ends in the joined text (a fold may write two letters: چ)
    ends: set[int] = set()
    if marked:
        pos = 0
        for i, piece in enumerate(out):
            pos += len(piece)
            if i in marked:
                ends.add(pos)
    tokens: list[tuple[str, bool, bool, str]] = []
    joined = "".join(out)
    # the surface text: each kept letter is one letter, like the one folding wrote
    surface = "".join([kept.get(i, piece) for i, piece in enumerate(out)]) if kept else joined
    for m in _NON_SPACE.finditer(joined):
        tok = m.group()
        fem = m.end() in ends
        initialism = tok.isascii() and tok.isalpha() and tok.isupper() and len(tok) > 1
        if initialism and (len(tok) <= 3 or not any(c in "AEIOU" for c in tok)) and len(tok) <= 5:
            tokens.append((tok.lower(), True, fem, tok.lower()))
        else:
            tokens.append((tok.lower(), False, fem, surface[m.start() : m.end()].lower()))
    return tokens


def surface_form(word: str) -> str:
    """One written word as :attr:`TokenKey.surface` holds it: diacritics, tatweel and
    invisible characters off, alef seats and letter shapes folded as in
    :func:`normalize_name`, but ؤ ئ ى ة kept, and the article and proclitics kept; ``""``
    when *word* holds no letter or digit, or more than one word.

    >>> surface_form("هادِئ"), surface_form("مرسى"), surface_form("إسطنبول")
    ('هادئ', 'مرسى', 'اسطنبول')
    """
    tokens = _raw_tokens_surface(word)
    return tokens[0][3] if len(tokens) == 1 else ""


def _is_latin(token: str) -> bool:
    return any("a" <= c <= "z" for c in token)


@functools.lru_cache(maxsize=65536)
def to_arabic(token: str) -> str:
    """Spell one Latin name token the way Arabic news usually writes it.

    The spelling is a comparison form (hamza seats folded), not a display form.

    >>> to_arabic("zelensky")
    'زيلينسكي'
    >>> to_arabic("Dnipropetrovsk")
    'دنيبروبيتروفسك'
    """
    tables = _translit_tables()
    word = token.lower()
    rules: list[list[str]] = tables["latin_to_arabic"]
    initial = {r[0]: r[1] for r in tables["latin_initial"]}
    soft = tables["latin_soft_c"]
    out: list[str] = []
    i = 0
    n = len(word)
    while i < n:
        ch = word[i]
        if i == 0 and ch in initial:
            # a word-initial vowel needs an alef seat (Ivan إيفان, Odesa أوديسا)
            out.append(initial[ch])
            i += 1
            continue
        if ch == "c" and not word.startswith(("ch", "ck"), i):
            nxt = word[i + 1] if i + 1 < n else ""
            out.append(soft["soft"] if nxt and nxt in soft["before"] else soft["hard"])
            i += 1
            continue
        for latin, arabic, _example in rules:
            if word.startswith(latin, i):
                out.append(arabic)
                i += len(latin)
                break
        else:
            if ch.isdigit():
                out.append(ch)
            i += 1
    return "".join(out)


def _initialism(token: str) -> list[str]:
    names: dict[str, str] = _translit_tables()["letter_names"]
    return [names.get(c, c) for c in token]


@attrs.frozen(slots=True)
class TokenKey:
    """One name token in the comparison space.

    :ivar text: the folded Arabic-letter form (article stripped, repeats collapsed).
    :ivar alternative: the form with a leading clitic (و ف ب ل ك) stripped, or ``None``.
    :ivar latin: the token was written in Latin letters and transliterated.
    :ivar written: a Latin token as written (lowercase), for what its Arabic form loses
        (*Hassan* and *Hassaan* are both هاسان); not part of equality.
    :ivar article: the Arabic word was written with the article that *text* lost (الهند:
        text هند); not part of equality, so that the many names whose article comes and
        goes (البصري / بصري) keep one key. Where the article is part of a known name (الهند,
        India, against هند, a given name), :class:`~arabnews.names.Gazetteer` tells.
    :ivar alt_article: the same for *alternative* (والهند: و + الهند).
    :ivar feminine: the Arabic word ended in the ta marbuta ة, which *text* writes as ا
        like any final vowel (القرداحة, a town, against قرداحي, a surname); not part of
        equality.
    :ivar surface: the Arabic word as written, lightly folded (:func:`surface_form`: the
        article, proclitics, ؤ ئ ى ة kept), for what the corpus says of the word itself;
        ``None`` for a Latin token; not part of equality.
    """

    text: str
    alternative: str | None = None
    latin: bool = attrs.field(default=False, repr=False)
    written: str | None = attrs.field(default=None, repr=False, eq=False)
    article: bool = attrs.field(default=False, repr=False, eq=False)
    alt_article: bool = attrs.field(default=False, repr=False, eq=False)
    feminine: bool = attrs.field(default=False, repr=False, eq=False)
    surface: str | None = attrs.field(default=None, repr=False, eq=False)


@attrs.frozen(slots=True)
class NameKey:
    """A whole name in the comparison space: its token keys, in order.

    :ivar text: the token texts joined by spaces (a stable, readable key).
    :ivar joined: the token texts concatenated (for عبد الله / عبدالله).
    :ivar latin: whether a token was written in Latin letters.
    """

    tokens: tuple[TokenKey, ...]
    # derived once: matching asks for them again and again
    text: str = attrs.field(init=False, eq=False, repr=False)
    joined: str = attrs.field(init=False, eq=False, repr=False)
    latin: bool = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        texts = [t.text for t in self.tokens]
        object.__setattr__(self, "text", " ".join(texts))
        object.__setattr__(self, "joined", "".join(texts))
        object.__setattr__(self, "latin", any(t.latin for t in self.tokens))


#: Folded name words after which a word keeps its article in the key (عبد الرحمن, أبو الغيط):
#: there the article belongs to the name.
ARTICLE_KEEPERS = frozenset({"عبد", "ابو"})


def _strip_article(tok: str) -> str:
    if _has_article(tok):
        return tok[2:]
    return tok


def _has_article(tok: str) -> bool:
    """Whether a folded token starts with the article that :func:`_fold_token` strips."""
    return tok.startswith("ال") and len(tok) - 2 >= _MIN_STEM


def _fold_token(tok: str, *, keep_article: bool = False) -> str:
    """Article off (unless *keep_article*), ch/tsh folded, final heh as a vowel, repeated
    letters collapsed."""
    if not keep_article:
        tok = _strip_article(tok)
    tok = tok.replace("تش", "ش")  # ch / tsh: تشيرنيهيف / شيرنيهيف
    tok = tok.replace("ء", "")  # a hamza on the line comes and goes: إسرائيل / إسرايل
    if len(tok) > 1 and tok.endswith("ه"):
        tok = tok[:-1] + "ا"
    out: list[str] = []
    for ch in tok:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _alternative_article(tok: str) -> bool:
    """Whether the stem :func:`_alternative` takes from *tok* had the article after the
    proclitic (والهند, للهند)."""
    return tok.startswith("لل") or (tok[:1] in _CLITICS and _has_article(tok[1:]))


def _alternative(tok: str) -> str | None:
    """The token with one proclitic stripped (وزيلينسكي -> زيلينسكي), if plausible."""
    if tok.startswith("لل") and len(tok) - 2 >= _MIN_STEM:
        return _fold_token(tok[2:])
    if tok[:1] in _CLITICS and len(tok) - 1 >= _MIN_STEM + (2 if tok[1:3] == "ال" else 0):
        return _fold_token(tok[1:])
    return None


def article_first(name: str) -> bool:
    """Whether the first word of *name* carries the article that :func:`name_key` strips
    (ال with at least three letters after it): الفروسية, not فرنسا."""
    tokens = _raw_tokens(name)
    return bool(tokens) and tokens[0][0].startswith("ال") and len(tokens[0][0]) - 2 >= _MIN_STEM


def _clitic_alternative(tok: str, folded: str) -> str | None:
    """The alternative of a first token *tok* (folded: *folded*): :func:`_alternative`,
    unless it is the token itself or the token is a word of its own."""
    alt = _alternative(tok)
    if alt is None or alt == folded or word_of_its_own(folded, alt):
        return None
    return alt


def word_of_its_own(whole: str, rest: str) -> bool:
    """Whether the Arabic Wikipedia word list (``lexicon.tsv``) reads a token as a word of
    its own rather than a proclitic + *rest* (both folded token texts, :attr:`TokenKey.text`):
    the whole is listed and at least as frequent as the rest. "بابل" is Babylon, not ب +
    "أبل" (Apple); "ولبنان" is و + "لبنان"."""
    if whole == rest:
        return False  # folding merged the clitic with a letter like it (بباريس, للندن)
    from arabnews.names._features import lexicon  # the word list is built on these keys

    words = lexicon()
    count = words.get(whole, (0, 0, 0))[0]
    return count > 0 and count >= words.get(rest, (0, 0, 0))[0]


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> NameKey:
    """The comparison key of *name* (cached).

    >>> name_key("وزيلينسكي").tokens[0]
    TokenKey(text='وزيلينسكي', alternative='زيلينسكي')
    >>> name_key("BBC").text
    'بي بي سي'
    >>> name_key("Zelensky").text == name_key("زيلينسكي").text
    True
    """
    tokens: list[TokenKey] = []
    for tok, initialism, feminine, written in _raw_tokens_surface(name):
        latin = _is_latin(tok)
        parts = _initialism(tok) if initialism else [to_arabic(tok) if latin else tok]
        for part in parts:
            if part == "ال" and not initialism:
                continue  # a detached article ("Al Jazeera")
            if not part:
                continue
            # after عبد and أبو the article is part of the name, never dropped (عبد الإله is
            # not عبد الله; عبد العزيز is عبدالعزيز and أبو الغيط أبوالغيط written apart)
            after_abd = bool(tokens) and tokens[-1].text in ARTICLE_KEEPERS and not latin
            folded = _fold_token(part, keep_article=after_abd)
            if not folded:
                continue  # letters that fold away (a bare hamza): no token
            alt = _clitic_alternative(part, folded) if not tokens and not initialism else None
            tokens.append(
                TokenKey(
                    folded,
                    alt,
                    latin,
                    tok if latin and not initialism else None,
                    article=not latin and not after_abd and _has_article(part),
                    alt_article=alt is not None and _alternative_article(part),
                    feminine=feminine and not latin,
                    surface=written if not latin and len(parts) == 1 else None,
                )
            )
    return NameKey(tuple(tokens))


def transliterate(name: str) -> str:
    """Transliterate *name* between scripts: Arabic to Latin, Latin to Arabic.

    >>> transliterate("Putin")
    'بوتين'
    >>> transliterate("بوتين")
    'butin'
    """
    if any(_is_latin(t) for t, _ in _raw_tokens(name)):
        return " ".join(to_arabic(t) if _is_latin(t) else t for t, _ in _raw_tokens(name))
    return to_latin(name)


def to_latin(name: str) -> str:
    """A rough Latin reading of an Arabic name (for display and debugging).

    >>> to_latin("زيلينسكي")
    'zilinski'
    """
    table: dict[str, str] = _translit_tables()["arabic_to_latin"]
    words: list[str] = []
    for tok, _ in _raw_tokens(name):
        out: list[str] = []
        for i, ch in enumerate(tok):
            if ch == "و":
                out.append("w" if i == 0 or tok[i - 1] == "ا" else "u")
            elif ch == "ي":
                out.append("y" if i == 0 or tok[i - 1] == "ا" else "i")
            else:
                out.append(table.get(ch, ch))
        words.append("".join(out))
    return " ".join(words)


def _token_skeleton(text: str) -> str:
    table: dict[str, str] = _translit_tables()["skeleton"]
    return "".join(table.get(ch, "" if ch in "اويعء" else ch) for ch in text)


@functools.lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """The Latin consonant skeleton of *name*, in either script.

    Vowel letters are dropped and letters that spell the same foreign sound share a symbol
    (ج غ -> g, ق ك -> k, س ص ث -> s ...), so spelling variants usually share a skeleton.

    >>> skeleton("زيلينسكي"), skeleton("Zelensky"), skeleton("البنتاجون") == skeleton("البنتاغون")
    ('zlnsk', 'zlnsk', True)
    """
    return " ".join(_token_skeleton(t.text) for t in name_key(name).tokens)


def blocking_keys(token: TokenKey, *, loose: bool = True) -> frozenset[str]:
    """Blocking keys of one token: its skeleton and its one-deletion variants.

    Two spellings that differ by a vowel, a class substitution, one extra consonant, a
    transposition or a truncated last letter share at least one key. With
    ``loose=False`` three-consonant skeletons get no deletion keys (their two-letter
    deletions are shared by too many names to be worth comparing).
    """
    keys: set[str] = set()
    shortest = 3 if loose else 4
    for text in (token.text, token.alternative):
        if text is None:
            continue
        skel = _token_skeleton(text)
        if not skel:
            keys.add("#" + text)
            continue
        keys.add(skel)
        if len(skel) >= shortest:
            keys.update(skel[:i] + skel[i + 1 :] for i in range(len(skel)))
    return frozenset(keys)
