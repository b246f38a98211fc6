"""Arabic character sets: one named, documented definition for every module.

Modelled on CAMeL Tools' ``camel_tools.utils.charsets``. Each set is a ``frozenset`` of
one-character strings; the sets used inside regular expressions also come as a ready
character-class body (the ``*_RE`` names: put them between ``[`` and ``]``). Single
characters are plain ``str`` constants. A module that needs a different set composes it
from these (``DIACRITICS | {TATWEEL}``) and says why, so every difference is visible here
by name rather than hidden in a hand-written range.

>>> from arabnews.charsets import DIACRITICS, TATWEEL, class_body
>>> "\\u064e" in DIACRITICS, TATWEEL in DIACRITICS
(True, False)
>>> class_body({"\\u064b", "\\u064c", "\\u064d", TATWEEL})
'\\\\u0640\\\\u064b-\\\\u064d'

The module holds constants only (no I/O, no other imports) and is not imported by
``import arabnews``; the stages import it when they are first used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

__all__ = [
    "ALEF",
    "ALEF_FORMS",
    "ALEF_HAMZA_ABOVE",
    "ALEF_HAMZA_BELOW",
    "ALEF_MADDA",
    "ALEF_MAQSURA",
    "ALEF_WASLA",
    "ALM",
    "ARABIC_COMMA",
    "ARABIC_DECIMAL_SEPARATOR",
    "ARABIC_INDIC_DIGITS",
    "ARABIC_INDIC_DIGITS_RE",
    "ARABIC_PERCENT",
    "ARABIC_PUNCTUATION",
    "ARABIC_QUESTION_MARK",
    "ARABIC_SEMICOLON",
    "ARABIC_THOUSANDS_SEPARATOR",
    "ASCII_DIGITS",
    "BASIC_LETTERS",
    "BASIC_LETTERS_RE",
    "BIDI_CONTROLS",
    "BIDI_EMBEDDINGS",
    "BIDI_ISOLATES",
    "BOM",
    "DAMMA",
    "DAMMATAN",
    "DIACRITICS",
    "DIACRITICS_RE",
    "DIGITS",
    "DIGITS_RE",
    "EASTERN_ARABIC_DIGITS",
    "EXTENDED_A_MARKS",
    "EXTENDED_HARAKAT",
    "EXTENDED_LETTERS",
    "FARSI_YEH",
    "FATHA",
    "FATHATAN",
    "HAMZA",
    "HAMZA_ALEFS",
    "HAMZA_FORMS",
    "HARAKAT",
    "HARAKAT_RE",
    "INVISIBLE_FORMAT",
    "INVISIBLE_FORMAT_RE",
    "JOINERS",
    "KASRA",
    "KASRATAN",
    "KEHEH_YEH_VARIANTS",
    "LETTERS",
    "LETTERS_RE",
    "LRM",
    "NATIVE_SOUND_LETTERS",
    "QUOTE_PAIRS",
    "QURANIC_ANNOTATIONS",
    "QURANIC_SIGNS",
    "RLM",
    "SHADDA",
    "SOFT_HYPHEN",
    "SUKUN",
    "SUPERSCRIPT_ALEF",
    "TASHKEEL",
    "TASHKEEL_RE",
    "TATWEEL",
    "TEH_MARBUTA",
    "WAW_HAMZA",
    "YEH",
    "YEH_FORMS",
    "YEH_HAMZA",
    "ZWJ",
    "ZWNJ",
    "ZWSP",
    "class_body",
    "code_range",
]


def code_range(first: int, last: int) -> frozenset[str]:
    """The characters ``chr(first)`` .. ``chr(last)``, both included."""
    return frozenset(map(chr, range(first, last + 1)))


def _escape(cp: int) -> str:
    return f"\\u{cp:04x}" if cp <= 0xFFFF else f"\\U{cp:08x}"


def class_body(chars: Iterable[str] | Iterable[int]) -> str:
    """A regex character-class body for *chars* (characters or code points).

    Consecutive code points become ranges and every character is written as a ``\\u``
    escape, so the body is safe anywhere between ``[`` and ``]``, whatever it holds.
    """
    cps = sorted({c if isinstance(c, int) else ord(c) for c in chars})
    out: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = cps[i], cps[j]
        out.append(_escape(lo) if lo == hi else f"{_escape(lo)}-{_escape(hi)}")
        i = j + 1
    return "".join(out)


# --- letters -------------------------------------------------------------------------

#: ء (U+0621), the hamza on the line.
HAMZA = "\u0621"
#: ا (U+0627), bare alef.
ALEF = "\u0627"
#: آ (U+0622), alef with madda above.
ALEF_MADDA = "\u0622"
#: أ (U+0623), alef with hamza above.
ALEF_HAMZA_ABOVE = "\u0623"
#: إ (U+0625), alef with hamza below.
ALEF_HAMZA_BELOW = "\u0625"
#: ٱ (U+0671), alef wasla (Quranic spelling of a plain alef).
ALEF_WASLA = "\u0671"
#: ؤ (U+0624), waw with hamza above.
WAW_HAMZA = "\u0624"
#: ئ (U+0626), yeh with hamza above.
YEH_HAMZA = "\u0626"
#: ي (U+064A), Arabic yeh.
YEH = "\u064a"
#: ى (U+0649), alef maqsura (dotless final yeh).
ALEF_MAQSURA = "\u0649"
#: ی (U+06CC), Farsi yeh (Persian keyboards type it for ي and ى).
FARSI_YEH = "\u06cc"
#: ة (U+0629), teh marbuta.
TEH_MARBUTA = "\u0629"

#: The alef forms that name look-up and word matching fold to bare :data:`ALEF`:
#: آ أ إ ٱ (madda, hamza above, hamza below, wasla).
#:
#: :meta hide-value:
HAMZA_ALEFS = frozenset({ALEF_MADDA, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_WASLA})
#: :data:`ALEF` and its :data:`HAMZA_ALEFS` — ا آ أ إ ٱ.
#:
#: :meta hide-value:
ALEF_FORMS = HAMZA_ALEFS | {ALEF}
#: Hamza alone and on its seats — ء أ إ ؤ ئ.
#:
#: :meta hide-value:
HAMZA_FORMS = frozenset({HAMZA, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, WAW_HAMZA, YEH_HAMZA})
#: Final yeh as news text writes it — ي ى ی.
#:
#: :meta hide-value:
YEH_FORMS = frozenset({YEH, ALEF_MAQSURA, FARSI_YEH})

#: Letters for sounds that foreign names lack — ح ع ص ض ظ ط ق (pharyngeals, emphatics, qaf):
#: Arabic news seldom needs them to transliterate a foreign name, so a word holding one is
#: mostly an Arabic word or name (what :mod:`arabnews.names` reads as native).
#:
#: :meta hide-value:
NATIVE_SOUND_LETTERS = frozenset("\u062d\u0639\u0635\u0636\u0638\u0637\u0642")
#: The 36 letters of Modern Standard Arabic, hamza to yeh — U+0621–U+063A and U+0641–U+064A
#: (no tatweel U+0640, none of the later additions U+063B–U+063F).
#:
#: :meta hide-value:
BASIC_LETTERS = code_range(0x0621, 0x063A) | code_range(0x0641, 0x064A)
#: U+063B–U+063F — keheh and Farsi yeh with extra dots (Kurdish, Kashmiri, Persian).
#:
#: :meta hide-value:
KEHEH_YEH_VARIANTS = code_range(0x063B, 0x063F)
#: U+0671–U+06D3 — alef wasla and the Persian, Urdu, Pashto, Kurdish, Sindhi ... letters of
#: the Arabic block (پ چ ژ گ ک ی ہ ے ...).
#:
#: :meta hide-value:
EXTENDED_LETTERS = code_range(0x0671, 0x06D3)
#: Every Arabic letter a word may start with (what :func:`arabnews.tokenize` treats as
#: Arabic) — :data:`BASIC_LETTERS`, :data:`EXTENDED_LETTERS`, dotless beh and qaf
#: (U+066E–U+066F), ae (U+06D5), U+06EE–U+06EF, U+06FA–U+06FC, U+06FF, Arabic
#: Supplement (U+0750–U+077F), the letters of Arabic Extended-A (U+08A0–U+08C9) and the
#: whole presentation-form blocks (U+FB50–U+FDFF, U+FE70–U+FEFC, a few non-letters and
#: unassigned code points included). Not U+0620 nor :data:`KEHEH_YEH_VARIANTS`.
#:
#: :meta hide-value:
LETTERS = (
    BASIC_LETTERS
    | EXTENDED_LETTERS
    | {"\u066e", "\u066f", "\u06d5", "\u06ee", "\u06ef", "\u06fa", "\u06fb", "\u06fc", "\u06ff"}
    | code_range(0x0750, 0x077F)
    | code_range(0x08A0, 0x08C9)
    | code_range(0xFB50, 0xFDFF)
    | code_range(0xFE70, 0xFEFC)
)

# --- marks ---------------------------------------------------------------------------

#: ـ (U+0640), tatweel (kashida) — typographic stretching, never part of a word.
TATWEEL = "\u0640"
#: U+064B fathatan (tanween).
FATHATAN = "\u064b"
#: U+064C dammatan (tanween).
DAMMATAN = "\u064c"
#: U+064D kasratan (tanween).
KASRATAN = "\u064d"
#: U+064E fatha.
FATHA = "\u064e"
#: U+064F damma.
DAMMA = "\u064f"
#: U+0650 kasra.
KASRA = "\u0650"
#: ّ (U+0651), shadda.
SHADDA = "\u0651"
#: ْ (U+0652), sukun.
SUKUN = "\u0652"
#: ٰ (U+0670), superscript (dagger) alef.
SUPERSCRIPT_ALEF = "\u0670"

#: The eight classic harakat, U+064B–U+0652 — tanween, fatha, damma, kasra, shadda, sukun.
#:
#: :meta hide-value:
HARAKAT = code_range(0x064B, 0x0652)
#: U+0653–U+065F — maddah, hamza above and below, subscript alef and the other extended
#: marks of the Arabic block's combining range.
#:
#: :meta hide-value:
EXTENDED_HARAKAT = code_range(0x0653, 0x065F)
#: The whole combining range U+064B–U+065F — :data:`HARAKAT` and :data:`EXTENDED_HARAKAT`.
#:
#: :meta hide-value:
TASHKEEL = HARAKAT | EXTENDED_HARAKAT
#: U+0610–U+061A — honorific signs (ﷺ-style) and small high Quranic marks above letters.
#:
#: :meta hide-value:
QURANIC_SIGNS = code_range(0x0610, 0x061A)
#: U+06D6–U+06ED — Quranic annotation marks (small high ligatures, end of ayah ۝, rub el
#: hizb ۞, sajdah ۩, small waw/yeh, stops).
#:
#: :meta hide-value:
QURANIC_ANNOTATIONS = code_range(0x06D6, 0x06ED)
#: U+08CA–U+08FF — the combining marks (and U+08E2, a format sign) of Arabic Extended-A.
#:
#: :meta hide-value:
EXTENDED_A_MARKS = code_range(0x08CA, 0x08FF)
#: The marks that carry no identity for matching words and names — :data:`TASHKEEL`,
#: :data:`SUPERSCRIPT_ALEF`, :data:`QURANIC_SIGNS`, :data:`QURANIC_ANNOTATIONS`. Not
#: :data:`TATWEEL` (a letter-like spacing character) — modules that drop it too say so.
#:
#: :meta hide-value:
DIACRITICS = TASHKEEL | {SUPERSCRIPT_ALEF} | QURANIC_SIGNS | QURANIC_ANNOTATIONS

# --- digits and punctuation ----------------------------------------------------------

#: 0–9.
#:
#: :meta hide-value:
ASCII_DIGITS = code_range(0x0030, 0x0039)
#: ٠–٩ (U+0660–U+0669), the digits of Arabic text in the Arab East.
#:
#: :meta hide-value:
ARABIC_INDIC_DIGITS = code_range(0x0660, 0x0669)
#: ۰–۹ (U+06F0–U+06F9), extended (Eastern) Arabic-Indic digits of Persian and Urdu.
#:
#: :meta hide-value:
EASTERN_ARABIC_DIGITS = code_range(0x06F0, 0x06F9)
#: The decimal digits of Arabic news text — ASCII, Arabic-Indic and Eastern Arabic-Indic.
#:
#: :meta hide-value:
DIGITS = ASCII_DIGITS | ARABIC_INDIC_DIGITS | EASTERN_ARABIC_DIGITS

#: ، (U+060C).
ARABIC_COMMA = "\u060c"
#: ؛ (U+061B).
ARABIC_SEMICOLON = "\u061b"
#: ؟ (U+061F).
ARABIC_QUESTION_MARK = "\u061f"
#: ٪ (U+066A).
ARABIC_PERCENT = "\u066a"
#: ٫ (U+066B), the decimal separator of Arabic-Indic numbers.
ARABIC_DECIMAL_SEPARATOR = "\u066b"
#: ٬ (U+066C), the thousands separator of Arabic-Indic numbers.
ARABIC_THOUSANDS_SEPARATOR = "\u066c"
#: Opening quote marks, each with the mark that closes it in Arabic news — straight double
#: quotes, guillemets « », and curly quotes (“ ”, and ” or „ opening).
#:
#: :meta hide-value:
QUOTE_PAIRS: Mapping[str, str] = MappingProxyType(
    {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb", "\u201d": "\u201d", "\u201e": "\u201c"}
)
#: The punctuation of the Arabic block — ، ؍ ؛ ؞ ؟ ٪ ٫ ٬ ٭ ۔.
#:
#: :meta hide-value:
ARABIC_PUNCTUATION = frozenset(
    {
        ARABIC_COMMA,
        "\u060d",  # date separator
        ARABIC_SEMICOLON,
        "\u061e",  # triple dot
        ARABIC_QUESTION_MARK,
        ARABIC_PERCENT,
        ARABIC_DECIMAL_SEPARATOR,
        ARABIC_THOUSANDS_SEPARATOR,
        "\u066d",  # five-pointed star
        "\u06d4",  # Urdu full stop
    }
)

# --- invisible characters ------------------------------------------------------------

#: U+200B zero width space.
ZWSP = "\u200b"
#: U+200C zero width non-joiner (Persian compounds — «می‌خواهم»).
ZWNJ = "\u200c"
#: U+200D zero width joiner.
ZWJ = "\u200d"
#: U+200E left-to-right mark.
LRM = "\u200e"
#: U+200F right-to-left mark.
RLM = "\u200f"
#: U+061C Arabic letter mark.
ALM = "\u061c"
#: U+00AD soft hyphen.
SOFT_HYPHEN = "\u00ad"
#: U+FEFF byte order mark (zero width no-break space).
BOM = "\ufeff"
#: ZWNJ and ZWJ — they continue a word.
#:
#: :meta hide-value:
JOINERS = frozenset({ZWNJ, ZWJ})
#: U+202A–U+202E — LRE, RLE, PDF, LRO, RLO.
#:
#: :meta hide-value:
BIDI_EMBEDDINGS = code_range(0x202A, 0x202E)
#: U+2066–U+2069 — LRI, RLI, FSI, PDI.
#:
#: :meta hide-value:
BIDI_ISOLATES = code_range(0x2066, 0x2069)
#: Every bidirectional control (the Unicode Bidi_Control property) — ALM, LRM, RLM,
#: :data:`BIDI_EMBEDDINGS` and :data:`BIDI_ISOLATES`.
#:
#: :meta hide-value:
BIDI_CONTROLS = frozenset({ALM, LRM, RLM}) | BIDI_EMBEDDINGS | BIDI_ISOLATES
#: The invisible format characters that name keys and NER model tokens drop — soft hyphen,
#: ZWSP, the :data:`JOINERS`, BOM and the :data:`BIDI_CONTROLS` except :data:`ALM` (the
#: keys and the shipped model were built without it; adding it would change them).
#:
#: :meta hide-value:
INVISIBLE_FORMAT = frozenset({SOFT_HYPHEN, ZWSP, BOM}) | JOINERS | (BIDI_CONTROLS - {ALM})

# --- regex character-class bodies ----------------------------------------------------

#: :data:`BASIC_LETTERS` as a character-class body.
BASIC_LETTERS_RE = class_body(BASIC_LETTERS)
#: :data:`LETTERS` as a character-class body.
LETTERS_RE = class_body(LETTERS)
#: :data:`HARAKAT` as a character-class body.
HARAKAT_RE = class_body(HARAKAT)
#: :data:`TASHKEEL` as a character-class body.
TASHKEEL_RE = class_body(TASHKEEL)
#: :data:`DIACRITICS` as a character-class body.
DIACRITICS_RE = class_body(DIACRITICS)
#: :data:`ARABIC_INDIC_DIGITS` as a character-class body.
ARABIC_INDIC_DIGITS_RE = class_body(ARABIC_INDIC_DIGITS)
#: :data:`DIGITS` as a character-class body.
DIGITS_RE = class_body(DIGITS)
#: :data:`INVISIBLE_FORMAT` as a character-class body.
INVISIBLE_FORMAT_RE = class_body(INVISIBLE_FORMAT)
