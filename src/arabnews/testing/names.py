"""Hypothesis strategies for foreign names written in Arabic, and their spelling variants.

- :func:`foreign_names` — names built like Arabic transliterations of foreign names
  (consonants with vowel letters between them), one to three tokens;
- :func:`orthographic_variants` — a name with the same letters written differently
  (hamza seats, alef maqsura, Persian yeh and kaf, teh marbuta, diacritics, tatweel,
  invisible marks): :func:`~arabnews.names.same_name` must always accept these;
- :func:`spelling_variants` — a name with vowel letters added or dropped, a letter of the
  same sound class swapped (ج / غ) or a proclitic attached, the way news sites vary them;
- :func:`mention_lists` — lists of ``(name, label)`` mentions for resolver properties;
- :func:`listed_names` — one-word names the shipped gazetteer lists, as written or with a
  proclitic glued on, the first letter doubled or dropped (ووارسو, وارسو, ارسو): the
  spellings where a key's gazetteer identity is decided.

This module needs ``hypothesis`` (a test dependency); ``import arabnews`` never imports it.
"""

from __future__ import annotations

from hypothesis import strategies as st

from arabnews import charsets as cs

__all__ = [
    "foreign_names",
    "listed_names",
    "mention_lists",
    "orthographic_variants",
    "spelling_variants",
]

# Consonants that transliterations of foreign names use (ه and ع left out: they are cheap
# letters, and a name made of them alone would not be a name; ح ص ط ق left out: letters of
# sounds foreign names lack, charsets.NATIVE_SOUND_LETTERS, which the matcher reads as
# native, so that a final vowel added to such a stem makes another word, رفح / رفحاء).
_CONSONANTS = "بتجدرزسشغفكلمنخ"
_VOWELS = "اوي"
_G_CLASS = {"ج": "غ", "غ": "ج"}
# Endings that mark place names (كليشتشييفكا): a generated name must not gain or lose one
# through a variant, or the variant would rightly score lower.
_PLACE_ENDINGS = ("فكا", "غراد", "جراد", "ستان", "بورغ", "بورج", "بول")


@st.composite
def _token(draw: st.DrawFn) -> str:
    syllables = draw(st.integers(min_value=2, max_value=4))
    out: list[str] = []
    for _ in range(syllables):
        out.append(draw(st.sampled_from(_CONSONANTS)))
        if draw(st.booleans()):
            out.append(draw(st.sampled_from(_VOWELS)))
    if draw(st.booleans()):
        out.append(draw(st.sampled_from(_CONSONANTS)))
    token = "".join(out)
    # no article, no doubled letters, no clitic-like start, no place-name ending: those
    # are handled on purpose by the matcher and would make "variants" ambiguous
    if token.startswith("ال") or token[0] in "وفبلك" or token.endswith(_PLACE_ENDINGS):
        token = "د" + token
    collapsed = "".join(c for i, c in enumerate(token) if i == 0 or token[i - 1] != c)
    return collapsed if len(collapsed) >= 3 else collapsed + "رين"


def foreign_names(min_tokens: int = 1, max_tokens: int = 3) -> st.SearchStrategy[str]:
    """Names such as ``"دوراتين"`` or ``"ميشار نوكين"``: tokens of 2-5 consonants."""
    return st.lists(_token(), min_size=min_tokens, max_size=max_tokens).map(" ".join)


_SEATS = {"ا": "أإآ", "ي": "ى", "ه": "ة"}
# what a writer may add inside a name: short vowels, shadda, sukun, tatweel, RLM
_MARKS = cs.FATHA + cs.DAMMA + cs.KASRA + cs.SHADDA + cs.SUKUN + cs.TATWEEL + cs.RLM


@st.composite
def orthographic_variants(
    draw: st.DrawFn, names: st.SearchStrategy[str] | None = None
) -> tuple[str, str]:
    """``(name, variant)`` where the variant only changes how the same letters are written."""
    name = draw(names if names is not None else foreign_names())
    out: list[str] = []
    tokens = name.split(" ")
    for t_index, token in enumerate(tokens):
        if t_index:
            out.append(draw(st.sampled_from([" ", "  ", "\u00a0"])))
        for i, letter in enumerate(token):
            final = i == len(token) - 1
            ch = letter
            if ch == "ا" and i == 0 and draw(st.booleans()):
                ch = draw(st.sampled_from(_SEATS["ا"]))
            elif ch == "ي" and final and draw(st.booleans()):
                ch = draw(st.sampled_from("ىی"))
            elif ch == "ي" and draw(st.booleans()):
                ch = "ی"  # Persian yeh (بوتین)
            elif ch == "ك" and draw(st.booleans()):
                ch = "ک"  # Persian kaf
            out.append(ch)
            if draw(st.integers(min_value=0, max_value=5)) == 0:
                out.append(draw(st.sampled_from(_MARKS)))
    return name, "".join(out)


@st.composite
def spelling_variants(
    draw: st.DrawFn, names: st.SearchStrategy[str] | None = None
) -> tuple[str, str]:
    """``(name, variant)`` with one edit typical of news spellings of the same name.

    The edit is one of: a vowel letter added or dropped inside a token (not at its
    start), a g-class letter swapped (ج / غ), a proclitic و / ب / ل before the name.
    """
    name = draw(names if names is not None else foreign_names())
    tokens = name.split(" ")
    which = draw(st.integers(min_value=0, max_value=len(tokens) - 1))
    token = tokens[which]
    kind = draw(st.sampled_from(["insert", "delete", "g", "clitic"]))
    if kind == "clitic":
        return name, draw(st.sampled_from("وبل")) + name
    if kind == "g" and (
        g_spots := [
            i
            for i, c in enumerate(token)
            if c in _G_CLASS and _G_CLASS[c] not in (token[i - 1 : i], token[i + 1 : i + 2])
        ]
    ):
        # not beside the letter it becomes: doubled letters are read as one (جغا / غغا)
        i = g_spots[0]
        token = token[:i] + _G_CLASS[token[i]] + token[i + 1 :]
    elif kind == "delete" and (
        spots := [
            i
            for i in range(1, len(token))
            if token[i] in _VOWELS and token[i - 1] != token[i + 1 : i + 2]
        ]
    ):
        # not between two equal letters: doubled letters are read as one (شميدت)
        i = draw(st.sampled_from(spots))
        token = token[:i] + token[i + 1 :]
    else:
        i = draw(st.integers(min_value=2 if len(token) > 2 else 1, max_value=len(token)))
        token = token[:i] + draw(st.sampled_from(_VOWELS)) + token[i:]
    variant = " ".join([*tokens[:which], token, *tokens[which + 1 :]])
    return name, variant


def mention_lists(
    max_size: int = 30, *, labels: bool = True
) -> st.SearchStrategy[list[tuple[str, str | None]]]:
    """Lists of ``(name, label)`` mentions: names, their variants and bare surnames."""
    label = st.sampled_from([None, "PER", "LOC", "ORG"]) if labels else st.none()

    @st.composite
    def one(draw: st.DrawFn) -> list[tuple[str, str | None]]:
        name, variant = draw(spelling_variants(foreign_names(1, 2)))
        lab = draw(label)
        out = [(name, lab), (variant, lab)]
        if " " in name:
            out.append((name.split(" ")[-1], lab))
        return out

    return st.lists(one(), max_size=max_size // 3 + 1).map(
        lambda groups: [m for g in groups for m in g][:max_size]
    )


def listed_names(max_size: int = 12) -> st.SearchStrategy[list[str]]:
    """Lists of one-word names the shipped gazetteer lists, each followed by up to two
    variants: a proclitic glued on (و ب ل ف ك), the first letter doubled, or the first
    letter dropped. Variants are not always the same name (ارسو is no spelling of وارسو):
    use them for properties that hold whatever the answer (symmetry, order)."""
    from arabnews.names import Gazetteer

    spellings = sorted(
        {s for e in Gazetteer.default() for s in e.spellings if " " not in s and not s.isascii()}
    )

    @st.composite
    def one(draw: st.DrawFn) -> list[str]:
        base = draw(st.sampled_from(spellings))
        out = [base]
        for kind in draw(st.lists(st.sampled_from(["clitic", "double", "drop"]), max_size=2)):
            if kind == "clitic":
                out.append(draw(st.sampled_from("وبلفك")) + base)
            elif kind == "double":
                out.append(base[0] + base)
            elif len(base) > 3:
                out.append(base[1:])
        return out

    return st.lists(one(), min_size=1, max_size=max(1, max_size // 3)).map(
        lambda groups: [m for g in groups for m in g][:max_size]
    )
