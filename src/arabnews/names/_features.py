"""Features of a pair of name tokens and the calibrated decision built on them.

The weighted edit distance (:mod:`arabnews.names._match`) says how many cheap edits turn
one spelling into the other. Whether those edits are plausible depends on *where* they
are and on *what kind of word* is being spelt:

- transliterations of one foreign name vary by vowel letters added or dropped
  (زيلينسكي / زيلنسكي) and by letters for one foreign sound (ج / غ); two different names
  more often differ by one vowel letter *replacing* another (غاريكا / غوركا) or by a
  consonant;
- native Arabic names and common words are spelt one way: two of them that differ are
  different words (حسن / حسين, تونس / يونس). Evidence comes from a lexicon of word forms
  frequent in Arabic Wikipedia and of forms seen where native given names stand (next to
  بن / ابن, after أبو / عبد): ``data/lexicon.tsv``, built by
  ``training/names/build_lexicon.py``.

A logistic model over these features (weights in ``data/decision.json``, fitted by
``training/names/fit_decision.py``) turns them into a probability that two token spellings
are one name. Inference is plain Python.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from arabnews._data import read_table
from arabnews.charsets import NATIVE_SOUND_LETTERS
from arabnews.names._keys import _load_json, _translit_tables

__all__ = [
    "FEATURES",
    "Decision",
    "consonants",
    "levenshtein",
    "lexicon",
    "pair_features",
    "stem_of_ending",
    "within_edits",
]

_VOWELS = "اوي"
# endings that derive a new word from an Arabic stem, as name keys write them (ة, اء and ا
# all fold to ا), and the shortest stem the rule looks at
_DERIVED_ENDINGS = "اي"
_MIN_DERIVED_STEM = 3
# the shortest ة word (folded, ة as ا) the feminine rule looks at: a stem of two letters (الرقة)
_MIN_FEM_WORD = 3

#: Feature names, in the order :func:`pair_features` returns them.
FEATURES: tuple[str, ...] = (
    "raw",  # 1 - weighted edit distance / weight of the longer token
    "raw_sq",  # raw squared (a bent response)
    "cons_same",  # the consonants (vowel letters removed) are the same letters
    "cons_class_same",  # ... the same after letter classes (ج غ -> g, س ص ث -> s)
    "vowel_sub_slots",  # vowel slots where one vowel letter replaces another
    "vowel_indel",  # edits on the cheapest alignment (Matcher.edit_ops), capped at 3
    "vowel_sub",
    "cheap_indel",
    "class_sub",
    "cons_sub",
    "cons_indel",
    "transpose",
    "edit_start",  # edits within the first two letters
    "edit_end",  # edits at the last letter
    "short",  # 1 / number of letters of the shorter token
    "freq_min",  # log2 frequency bucket (Wikipedia) of the rarer spelling, / 10
    "freq_max",  # ... of the more frequent spelling, / 10
    "kin_min",  # log2 count of native-given-name positions of the rarer spelling, / 10
    "kin_max",  # ... of the other spelling, / 10
    "both_known",  # both spellings are frequent Arabic word forms
    "cross_script",  # one side was written in Latin letters
    "cross_raw",  # cross_script * raw
    "cross_vowel_sub",  # cross_script * vowel_sub
    "alef_indel",  # ا added or dropped (each capped at 3)
    "waw_indel",  # و added or dropped
    "ya_indel",  # ي added or dropped
    "alef_ya_sub",  # ا / ي swapped
    "alef_waw_sub",  # ا / و swapped
    "waw_ya_sub",  # و / ي swapped
    "final_vowel",  # edits of a vowel letter or ه at the last letter
    "first_vowel",  # edits of a vowel letter at the first letter
    "heh_final",  # a final ه added or dropped
    "inner_cons_indel",  # full-cost letters added or dropped before the last letter
    "n_edits",  # all edits on the alignment, capped at 5
    "len_diff",  # difference in letters, capped at 3
    "cons_len",  # consonants of the shorter token, / 10
    "freq_cons_same",  # freq_max when the consonants are the same letters, else 0
)


_ABSENT = (0, 0, 0)
_CAP = (3,) * 10  # edit counts count up to 3
_LEXICON: dict[str, tuple[int, int, int]] = {}


@functools.cache
def lexicon() -> Mapping[str, tuple[int, int, int]]:
    """Folded word form -> (frequency bucket, native-name-position bucket, pronoun-suffix
    bucket)."""
    out: dict[str, tuple[int, int, int]] = {}
    columns = ("form", "count", "kin", "sfx")
    for row in read_table("arabnews.names", "lexicon.tsv", columns=columns):
        out[row["form"]] = (int(row["count"]), int(row["kin"]), int(row["sfx"]))
    _LEXICON.update(out)
    return out


_NOT_VOWEL = re.compile("[^" + _VOWELS + "]")
_DROP_VOWELS = str.maketrans("", "", _VOWELS)


def _groups(text: str) -> tuple[str, list[str]]:
    """Consonants of a token and the vowel letters before, between and after them."""
    return text.translate(_DROP_VOWELS), _NOT_VOWEL.split(text)


_TokenInfo = tuple[str, list[str], str, int, int]
_INFO: dict[str, _TokenInfo] = {}


def _token_info(text: str) -> _TokenInfo:
    """Consonants, vowel groups, class consonants and lexicon buckets of a token (cached)."""
    count, kin, _ = (_LEXICON or lexicon()).get(text, _ABSENT)
    cons = text.translate(_DROP_VOWELS)
    info = (cons, _NOT_VOWEL.split(text), cons.translate(_class_table()), count, kin)
    if len(_INFO) > 200_000:
        _INFO.clear()
    _INFO[text] = info
    return info


def consonants(text: str) -> str:
    """The letters of a token text other than vowel letters, mapped to their sound class
    (ج غ -> g, س ص ث -> s ...)."""
    return "".join(ch for ch in text if ch not in _VOWELS).translate(_class_table())


def _is_subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(ch in it for ch in short)


@functools.cache
def _class_table() -> dict[int, str]:
    table: dict[str, str] = _translit_tables()["skeleton"]
    return {ord(k): v for k, v in table.items()}


def levenshtein(a: str, b: str) -> int:
    """Plain edit distance (insertions, deletions, substitutions of one character each), for
    the romanization table and the benchmarks' baselines; names are compared with the
    weighted distance of :class:`~arabnews.names.Matcher`."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def within_edits(a: str, b: str, most: int) -> bool:
    """Whether two strings are at most *most* insertions, deletions or substitutions apart."""
    return abs(len(a) - len(b)) <= most and levenshtein(a, b) <= most


def stem_of_ending(a: str, b: str, endings: str) -> str | None:
    """The shorter of two token texts when the longer is it with one letter of *endings*
    added at the end (مينسك / مينسكي: مينسك), else ``None``."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) == len(short) + 1 and long_[-1] in endings and long_.startswith(short):
        return short
    return None


def pair_features(
    a: str, b: str, raw: float, ops: Sequence[int], cross_script: bool
) -> tuple[float, ...]:
    """The :data:`FEATURES` of two different token texts (symmetric in *a* and *b*);
    *ops* are the edit counts of :meth:`arabnews.names.Matcher.edit_ops`."""
    ia = _INFO.get(a) or _token_info(a)
    ib = _INFO.get(b) or _token_info(b)
    sub_slots = 0
    if ia[0] == ib[0]:
        cons_same = cons_class_same = 1.0
        for x, y in zip(ia[1], ib[1], strict=True):
            if x != y and not (_is_subsequence(x, y) or _is_subsequence(y, x)):
                sub_slots += 1
    else:
        cons_same = 0.0
        cons_class_same = 1.0 if ia[2] == ib[2] else 0.0
    if cross_script:
        c_lo = c_hi = k_lo = k_hi = both = 0.0
    else:
        ca, ka = ia[3], ia[4]
        cb, kb = ib[3], ib[4]
        c_lo, c_hi = (ca / 10.0, cb / 10.0) if ca < cb else (cb / 10.0, ca / 10.0)
        k_lo, k_hi = (ka / 10.0, kb / 10.0) if ka < kb else (kb / 10.0, ka / 10.0)
        both = 1.0 if ca > 0 and cb > 0 else 0.0
    short = len(a) if len(a) < len(b) else len(b)
    v_indel, v_sub, cheap, cls, csub, cindel, trans, start, end = map(min, ops[:9], _CAP)
    extra = list(map(min, ops[9:19], _CAP))
    xs = 1.0 if cross_script else 0.0
    diff = len(a) - len(b)
    diff = diff if diff >= 0 else -diff
    na, nb = len(ia[0]), len(ib[0])
    return (
        raw,
        raw * raw,
        cons_same,
        cons_class_same,
        sub_slots if sub_slots < 3 else 3,
        v_indel,
        v_sub,
        cheap,
        cls,
        csub,
        cindel,
        trans,
        start,
        end,
        1.0 / short if short else 1.0,
        c_lo,
        c_hi,
        k_lo,
        k_hi,
        both,
        xs,
        raw * xs,
        v_sub * xs,
        *extra,
        ops[19] if ops[19] < 5 else 5,
        diff if diff < 3 else 3,
        (na if na < nb else nb) / 10.0,
        c_hi * cons_same,
    )


Tree = float | tuple[int, float, "Tree", "Tree"]


def _parse_tree(node: Any, index: Mapping[int, int], depth: int = 0) -> Tree:
    """A tree of ``decision.json`` (``[feature, threshold, left, right]`` or a leaf value;
    *index* maps the file's feature positions to :data:`FEATURES` positions)."""
    if depth > 12:
        raise ValueError("decision tree too deep")
    if isinstance(node, list):
        feature, threshold, left, right = node
        value = float(threshold)
        if not math.isfinite(value):
            raise ValueError("decision tree threshold must be finite")
        return (
            index[int(feature)],
            value,
            _parse_tree(left, index, depth + 1),
            _parse_tree(right, index, depth + 1),
        )
    leaf = float(node)
    if not math.isfinite(leaf):
        raise ValueError("decision tree leaf must be finite")
    return leaf


def _tree_expression(node: Tree) -> str:
    if isinstance(node, tuple):
        feature, threshold, left, right = node
        return (
            f"({_tree_expression(left)} if f{int(feature)} < {float(threshold)!r} "
            f"else {_tree_expression(right)})"
        )
    return repr(float(node))


def _compile_trees(trees: Sequence[Tree]) -> Callable[[Sequence[float]], float]:
    """The sum of the trees' leaves as one plain function: the features unpacked into
    locals and each tree one conditional expression, generated from the validated
    numbers of the trees (ints and floats only); a few microseconds per pair where
    walking the nodes one by one would take tens."""
    names = ", ".join(f"f{i}" for i in range(len(FEATURES)))
    out = ["def score(x):", f"    ({names},) = x", "    z = 0.0"]
    for i in range(0, len(trees), 16):
        out.append("    z += " + " + ".join(_tree_expression(t) for t in trees[i : i + 16]))
    out.append("    return z")
    namespace: dict[str, Any] = {}
    exec("\n".join(out), {"__builtins__": {}}, namespace)  # the source holds numbers only
    fn: Callable[[Sequence[float]], float] = namespace["score"]
    return fn


@attrs.frozen(slots=True)
class Decision:
    """A calibrated model over :data:`FEATURES` (usually ``data/decision.json``):
    logistic link over a linear part and a sum of small regression trees (gradient
    boosting), either of which may be empty.

    :ivar weights: one weight per feature, in :data:`FEATURES` order.
    :ivar bias: the intercept.
    :ivar raw_floor: below this edit similarity two tokens are different (probability 0)
        and no feature is computed (it bounds the edit-distance computation).
    :ivar native_bucket: two different Arabic-script spellings that are *both* frequent
        word forms (lexicon frequency bucket at or above this) are different words
        (probability 0): native names and common nouns are spelt one way.
    :ivar native_kin: a spelling seen at least this often (lexicon ``kin`` bucket) where
        native given names stand (محمد بن ..., أبو ...) is a native given name, spelt one
        way: another Arabic-script spelling is another name (إبراهيم / إبراهيمي, خالد /
        خلد), even when that one is rare.
    :ivar consonant_kin: a spelling seen at least this often in those positions differs from
        every Arabic-script spelling that swaps (even within a sound class), adds or drops one
        of its consonants (نزار / نزال): a native name's consonants are its own.
    :ivar trees: regression trees ``(feature, threshold, left, right)`` (left when the
        feature is below the threshold) with leaf values added to the log-odds.
    :ivar word_suffix: a spelling seen at least this often (lexicon ``sfx`` bucket) with a
        pronoun suffix glued on (قصدها, حارسه) is a common word, spelt one way: another
        Arabic-script spelling is another word or name (قصد / قسد, حارس / هاريس). Names,
        native or foreign, take no such suffix.
    :ivar dominant_bucket: a spelling at least this frequent (lexicon frequency bucket) is
        spelt one way, and a spelling the lexicon does not hold at all (fewer than its
        minimum count) is another word, not a variant of it (سابق / سابك, البرج / البريج).
        Rare transliterations of one foreign name are both rare; a frequent name's common
        variants are both in the lexicon (أمريكا / أميركا).
    """

    weights: tuple[float, ...]
    bias: float
    raw_floor: float = 0.5
    native_bucket: int = 7
    native_kin: int = 7
    consonant_kin: int = 3
    trees: tuple[Any, ...] = ()  # Tree values (see _parse_tree)
    word_suffix: int = 99
    dominant_bucket: int = 99
    _linear: tuple[tuple[int, float], ...] = attrs.field(init=False, repr=False, eq=False)
    _score: Callable[[Sequence[float]], float] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        linear = tuple((i, w) for i, w in enumerate(self.weights) if w)
        object.__setattr__(self, "_linear", linear)
        object.__setattr__(self, "_score", _compile_trees(self.trees))

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled by its fields (worker processes); the compiled trees are rebuilt
        return (
            Decision,
            (
                self.weights,
                self.bias,
                self.raw_floor,
                self.native_bucket,
                self.native_kin,
                self.consonant_kin,
                self.trees,
                self.word_suffix,
                self.dominant_bucket,
            ),
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        """Build from the ``decision.json`` layout (validated). Features the file does
        not name get weight 0; trees may only use features of :data:`FEATURES`."""
        try:
            names = list(data["features"])
            weights = dict(zip(names, (float(w) for w in data.get("weights", ())), strict=False))
            if set(weights) - set(FEATURES):
                raise ValueError(f"unknown features {sorted(set(weights) - set(FEATURES))}")
            index = {i: FEATURES.index(name) for i, name in enumerate(names) if name in FEATURES}
            model = cls(
                weights=tuple(weights.get(name, 0.0) for name in FEATURES),
                bias=float(data["bias"]),
                raw_floor=float(data["raw_floor"]),
                native_bucket=int(data["native_bucket"]),
                native_kin=int(data["native_kin"]),
                consonant_kin=int(data["consonant_kin"]),
                trees=tuple(_parse_tree(t, index) for t in data.get("trees", ())),
                word_suffix=int(data.get("word_suffix", 99)),
                dominant_bucket=int(data.get("dominant_bucket", 99)),
            )
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise ValueError(f"invalid name decision model: {exc!r}") from exc
        if not 0.0 <= model.raw_floor < 1.0 or not all(math.isfinite(w) for w in model.weights):
            raise ValueError("decision.json: raw_floor must lie in [0, 1) and weights be finite")
        return model

    @classmethod
    @functools.cache
    def default(cls) -> Decision:
        """The shipped model."""
        return cls.from_dict(_load_json("decision.json"))

    def both_native(self, a: str, b: str) -> bool:
        """Whether *a* and *b* are both frequent Arabic word forms (see ``native_bucket``)."""
        lex = lexicon()
        fa = lex.get(a)
        if fa is None or fa[0] < self.native_bucket:
            return False
        fb = lex.get(b)
        return fb is not None and fb[0] >= self.native_bucket

    def spelt_one_way(self, a: str, b: str) -> bool:
        """Whether two different Arabic-script token texts are different words by the
        native rules alone: both frequent word forms (``native_bucket``), one of them
        a native given name (``native_kin``) or a common word (``word_suffix``), or one a
        dominant word form and the other unseen (``dominant_bucket``)."""
        lex = lexicon()
        fa = lex.get(a, _ABSENT)
        fb = lex.get(b, _ABSENT)
        if fa[1] >= self.native_kin or fb[1] >= self.native_kin:
            return True
        if fa[2] >= self.word_suffix or fb[2] >= self.word_suffix:
            return True
        if fa is _ABSENT or fb is _ABSENT:
            # one unseen: a spelling of the other only if that one is no dominant word form
            return max(fa[0], fb[0]) >= self.dominant_bucket
        return fa[0] >= self.native_bucket and fb[0] >= self.native_bucket

    @staticmethod
    def derived_apart(a: str, b: str) -> bool:
        """Whether one of two Arabic-script token texts is the other with a derivational
        ending, ة / اء / ا (folded to ا) or the nisba ي, on a stem holding a letter of a
        sound foreign names lack (:data:`~arabnews.charsets.NATIVE_SOUND_LETTERS`): an
        Arabic word or name and another one derived from it (رفح / رفحاء, طبرق / طبرقة,
        صفد / الصفدي, ميقات / ميقاتي), not a transliteration that gained a final vowel
        (بولند / بولندا)."""
        short = stem_of_ending(a, b, _DERIVED_ENDINGS)
        return (
            short is not None
            and len(short) >= _MIN_DERIVED_STEM
            and not NATIVE_SOUND_LETTERS.isdisjoint(short)
        )

    @staticmethod
    def feminine_apart(fem: str, other: str) -> bool:
        """Whether *fem*, the token text of an Arabic word written with the ta marbuta ة
        (:attr:`~arabnews.names.TokenKey.feminine`; its ة folds to ا), and *other* are the
        same stem with a different ending: the nisba ي or ية against ة, a feminine or
        verbal noun, a town (القرداحة / قرداحي, الرقة / رقية, المنصورة / المنصورية, نزوة /
        نزوى). Arabic morphology, not a transliteration: ة spells no foreign sound, and
        no variant pair of the dev groups is of this form."""
        if len(fem) < _MIN_FEM_WORD or not fem.endswith("ا"):
            return False
        stem = fem[:-1]
        return other in (stem + "ي", stem + "يا")

    def consonant_differs(self, a: str, b: str, ops: Sequence[int]) -> bool:
        """Whether two Arabic-script token texts, one of them a native given name (kin bucket
        at least ``consonant_kin``), differ by a consonant on their cheapest alignment
        (*ops* of :meth:`arabnews.names.Matcher.edit_ops`: a letter other than ا و ي ع ه
        swapped, within its sound class or not, added or dropped)."""
        if ops[3] + ops[4] + ops[5] == 0:
            return False
        lex = lexicon()
        return max(lex.get(a, _ABSENT)[1], lex.get(b, _ABSENT)[1]) >= self.consonant_kin

    def probability(self, features: Sequence[float]) -> float:
        """P(same name) for one feature vector."""
        if len(features) != len(self.weights):
            raise ValueError("decision: wrong number of features")
        z = self.bias + self._score(features)
        for i, w in self._linear:
            z += w * features[i]
        if z < -30.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))
