"""Weighted edit distance between name keys, and the name matcher built on it.

Costs come from letter-equivalence classes (``data/costs.json``): vowel letters are cheap
to insert, delete or swap; letters that spell the same foreign sound (g as ج غ ق, s as
س ص ث ...) substitute cheaply; unrelated consonants cost 1; adjacent transpositions and a
truncated last letter or two are discounted. Whole names are compared token by token.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from itertools import islice
from typing import TYPE_CHECKING, Any

import attrs

from arabnews._checks import require_str
from arabnews._data import read_table
from arabnews.charsets import NATIVE_SOUND_LETTERS
from arabnews.names._features import Decision, lexicon, pair_features, within_edits
from arabnews.names._keys import (
    ARTICLE_KEEPERS,
    NameKey,
    TokenKey,
    _fold_token,
    _is_latin,
    _load_json,
    _raw_tokens,
    name_key,
)
from arabnews.names._usage import UsageTable

if TYPE_CHECKING:
    from arabnews.names.gazetteer import Gazetteer

__all__ = [
    "CostModel",
    "Matcher",
    "NameMatch",
    "default_matcher",
    "explain",
    "same_name",
    "similarity",
]

# Code space of the substitution table: the letters a name key is made of get fixed codes
# when a matcher is built; letters of other scripts (Cyrillic, Greek, CJK ...) get codes
# from _UNKNOWN_BASE on, numbered afresh for every pair compared, so a comparison never
# depends on what was compared before. A pair of tokens holds at most 2 * 200 letters.
_KNOWN = "ءابتثجحخدذرزسشصضطظعغفقكلمنهوي" + "0123456789" + "abcdefghijklmnopqrstuvwxyz"
_UNKNOWN_BASE = 96
_SIZE = _UNKNOWN_BASE + 2 * 200 + 8
_MAX_TOKEN = 200
_INF = float("inf")
_PAIR_CACHE = 1 << 18

# a compiled token: codes, indel weights, total weight, bit mask of its codes, the bit
# masks of the cheap partners of its full-cost letters with their counts, whether it has
# letters of other scripts, and the count of each of its codes
_Compiled = tuple[
    tuple[int, ...],
    tuple[float, ...],
    float,
    int,
    tuple[tuple[int, int], ...],
    bool,
    dict[int, int],
]


@attrs.frozen(slots=True)
class CostModel:
    """Edit costs and thresholds, usually loaded from ``data/costs.json``.

    :ivar vowels: letters treated as vowels (cheap indels and substitutions).
    :ivar vowel_indel: cost of inserting or deleting a vowel letter.
    :ivar vowel_substitute: cost of replacing one vowel letter by another.
    :ivar indel: per-letter insert/delete costs for other cheap letters (ع ه ء).
    :ivar classes: ``(letters, cost)`` equivalence classes for substitutions.
    :ivar transpose: cost of swapping two adjacent letters.
    :ivar truncation: cost factor for dropping up to ``truncation_letters`` final letters
        when at least ``truncation_min_stem`` letters remain.
    :ivar place_suffixes: endings of place names (-ivka يفكا, -grad غراد); a token with one
        against a token without one loses ``place_suffix_penalty`` (كليشتشييفكا, a
        village, is not كليتشكو, a person).
    :ivar clitic_penalty: similarity lost when a proclitic had to be stripped to match.
    :ivar clitic_min: the similarity the rest of a token needs, once a proclitic is
        stripped, to the other token (a first letter read as و ب ل ف ك and then a fuzzy
        match is two guesses: كولندا is not ك + a look-alike of هولندا).
    :ivar threshold: token similarity at or above which two tokens are the same.
    :ivar cross_script_threshold: the threshold when one name is written in Latin letters
        (Zelensky / زيلينسكي): a probability too, chosen on its own dev pairs.
    :ivar given_name_threshold: the same for given names once the surnames agree.
    :ivar single_token_link: the similarity at which :class:`NameResolver` links two
        one-token names (higher than ``threshold``: with nothing else to agree on,
        single names would otherwise chain through look-alikes into one cluster).
    :ivar single_token_raw: the edit similarity (:meth:`Matcher.raw_similarity`) two
        one-token names need before :class:`NameResolver` weighs linking them (1% of the
        dev variant pairs that reach ``single_token_link`` are below 0.75).
    :ivar single_token_gazetteer: the similarity a one-token name needs to link to a
        gazetteer entry by a fuzzy match (on top of having the entry's consonants).
    :ivar gazetteer_link: the similarity a name of several words needs to link to a
        gazetteer entry by a fuzzy match: a link gives the mention the entry's identity, so
        the spelling must be more likely the entry's than not (ابراهيم بن سليمان is not
        محمد بن سلمان at 0.19).
    :ivar compound_prefixes: name parts often written joined to the next one (عبد الله /
        عبدالله, أبو ظبي / أبوظبي): names with one are compared letters-joined at the
        usual threshold.
    :ivar join_min: the similarity other names with a different number of words need,
        letters joined, to be one name (فيس بوك / فايسبوك); 1.0 switches it off.
    :ivar join_letters: how many letters more or less those joined letters may have (a word
        more is no split: the IAEA is not the IEA).
    :ivar common_head_bucket: a name whose first token is a word form at least this
        frequent in the lexicon (and no native given name) is headed by a common noun
        (منظمة, حزب, جيش): a shorter name matches it only with all its words, since the
        word a person's name may leave out (a middle name) is what tells two
        organisations apart (المنظمة الدولية is not منظمة العفو الدولية).
    :ivar one_word_raw: two names of several words, written alike but for one word, are
        one name when that word's two spellings reach this edit similarity and no native
        rule tells them apart (تيريزا ماي / تريزا ماي, باريس سان جيرمان / باريس سان
        جرمان): the words written alike are evidence the single word lacks; 1.0 switches
        it off.
    :ivar usage_apart: two Arabic words written differently are different names when
        Arabic Wikipedia knows both and the cosine of their usage vectors
        (:class:`~arabnews.names._usage.UsageTable`) is below this (صعدة / سعيدة, هاريس /
        حارس); spellings of one name stand among the same words. Words that differ only
        in the article are left to the other rules (the article changes a word's company:
        الصدر / صدر). -1.0 switches it off.
    """

    vowels: str = "اوي"
    vowel_indel: float = 0.3
    vowel_substitute: float = 0.55
    indel: tuple[tuple[str, float], ...] = ()
    classes: tuple[tuple[str, float], ...] = ()
    default_indel: float = 1.0
    default_substitute: float = 1.0
    transpose: float = 0.55
    truncation: float = 0.6
    truncation_letters: int = 2
    truncation_min_stem: int = 4
    place_suffixes: tuple[str, ...] = ()
    place_suffix_penalty: float = 0.1
    clitic_penalty: float = 0.03
    clitic_min: float = 0.0
    threshold: float = 0.7
    cross_script_threshold: float = 0.7
    given_name_threshold: float = 0.7
    single_token_link: float = 0.8
    single_token_raw: float = 0.75
    single_token_gazetteer: float = 0.7
    gazetteer_link: float = 0.5
    compound_prefixes: tuple[str, ...] = ()
    join_min: float = 1.0
    join_letters: int = 2
    common_head_bucket: int = 11
    one_word_raw: float = 1.0
    usage_apart: float = -1.0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CostModel:
        """Build a cost model from the ``costs.json`` layout (validated)."""
        try:
            vowels = data["vowels"]
            model = cls(
                vowels=str(vowels["letters"]),
                vowel_indel=float(vowels["indel"]),
                vowel_substitute=float(vowels["substitute"]),
                indel=tuple((str(r["letter"]), float(r["cost"])) for r in data.get("indel", ())),
                classes=tuple(
                    (str(r["letters"]), float(r["cost"])) for r in data.get("classes", ())
                ),
                default_indel=float(data.get("default_indel", 1.0)),
                default_substitute=float(data.get("default_substitute", 1.0)),
                transpose=float(data["transpose"]),
                truncation=float(data["truncation"]["cost"]),
                truncation_letters=int(data["truncation"]["max_letters"]),
                truncation_min_stem=int(data["truncation"]["min_stem"]),
                place_suffixes=tuple(
                    _fold_token(str(r["suffix"])) for r in data["place_suffixes"]["suffixes"]
                ),
                place_suffix_penalty=float(data["place_suffixes"]["penalty"]),
                clitic_penalty=float(data["clitic_penalty"]),
                clitic_min=float(data.get("clitic_min", 0.0)),
                threshold=float(data["threshold"]),
                cross_script_threshold=float(data.get("cross_script_threshold", data["threshold"])),
                given_name_threshold=float(data["given_name_threshold"]),
                single_token_link=float(data["single_token_link"]),
                single_token_raw=float(data.get("single_token_raw", 0.75)),
                single_token_gazetteer=float(data.get("single_token_gazetteer", 0.7)),
                gazetteer_link=float(data.get("gazetteer_link", 0.5)),
                compound_prefixes=tuple(
                    str(r["prefix"]) for r in data["compound_prefixes"]["prefixes"]
                ),
                join_min=float(data.get("join_min", 1.0)),
                join_letters=int(data.get("join_letters", 2)),
                common_head_bucket=int(data["common_head"]["bucket"]),
                one_word_raw=float(data["one_word_raw"]["raw"]) if "one_word_raw" in data else 1.0,
                usage_apart=(
                    float(data["usage_apart"]["cosine"]) if "usage_apart" in data else -1.0
                ),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"invalid name cost table: {exc!r}") from exc
        costs = [model.vowel_indel, model.vowel_substitute, model.transpose, model.truncation]
        costs += [c for _, c in model.indel] + [c for _, c in model.classes]
        thresholds = (model.threshold, model.cross_script_threshold, model.single_token_link)
        if (
            any(not 0.0 <= c <= 2.0 for c in costs)
            or not all(0.0 < t <= 1.0 for t in thresholds)
            or not 0.0 <= model.clitic_min <= 1.0
            or not 0.0 < model.join_min <= 1.0
            or not 0.0 < model.one_word_raw <= 1.0
            or not -1.0 <= model.usage_apart <= 1.0
            or not 0.0 <= model.gazetteer_link <= 1.0
        ):
            raise ValueError("name costs must lie in [0, 2] and the threshold in (0, 1]")
        return model

    @classmethod
    @functools.cache
    def default(cls) -> CostModel:
        """The shipped, tuned cost model."""
        return cls.from_dict(_load_json("costs.json"))


# a token left with this many letters or fewer after a proclitic is stripped is compared
# exactly (short stems match too many look-alikes)
_SHORT_STEM = 3


@functools.cache
def _given_names() -> frozenset[tuple[str, str]]:
    """Pairs of token keys (short, full) from ``data/given_names.tsv``, both orders."""
    pairs: set[tuple[str, str]] = set()
    for row in read_table(
        "arabnews.names", "given_names.tsv", required=("short", "full", "example")
    ):
        short, full = row.get("short"), row.get("full")
        if not short or not full or not row.get("example"):
            raise ValueError(f"{row.where}: bad row {row!r}")
        a, b = name_key(short), name_key(full)
        if len(a.tokens) != 1 or len(b.tokens) != 1:
            raise ValueError(f"{row.where}: one token per name please: {row!r}")
        pairs.add((a.tokens[0].text, b.tokens[0].text))
        pairs.add((b.tokens[0].text, a.tokens[0].text))
    return frozenset(pairs)


# First letters of a spelling that may write a foreign name's al- as letters (ايلينا, لاربي,
# عليوان): only then is the other spelling's lost ال compared (a spelling starting with
# another letter cannot come closer with it).
_ALEF_LAM_START = "الع"


def without_article(word: str) -> str:
    """A written word without a leading article that leaves three letters or more."""
    return word[2:] if word.startswith("ال") and len(word) >= 5 else word


def _kept_articles_off(tokens: tuple[TokenKey, ...]) -> tuple[TokenKey, ...]:
    """Arabic *tokens* with the article of a word after عبد or أبو taken off (see
    ``name_key``)."""
    out = list(tokens)
    for i in range(1, len(out)):
        prev, tok = out[i - 1], out[i]
        if prev.text in ARTICLE_KEEPERS and not tok.latin and tok.text.startswith("ال"):
            out[i] = TokenKey(_fold_token(tok.text))
    return tuple(out)


@functools.cache
def _romanized() -> tuple[Mapping[str, frozenset[str]], frozenset[str]]:
    """Arab given names and their usual Latin romanizations (``data/arab_given_names.tsv``):
    each romanization as written (lowercase) -> the keys of the names it romanizes, and the
    keys of every listed name."""
    by_latin: dict[str, set[str]] = {}
    names: set[str] = set()
    for row in read_table(
        "arabnews.names", "arab_given_names.tsv", required=("arabic", "latin", "gender")
    ):
        arabic, latin = row.get("arabic"), row.get("latin")
        # a name of two words (نور الدين) is keyed by its letters joined, as often written
        key = name_key((arabic or "").replace(" ", "")).tokens
        if len(key) != 1 or not latin:
            raise ValueError(f"{row.where}: an Arabic name and its romanizations please: {row!r}")
        names.add(key[0].text)
        for form in latin.split("|"):
            # as a Latin token key is written (TokenKey.written), without transliterating it
            lat = _raw_tokens(form)
            if len(lat) != 1 or lat[0][1] or not _is_latin(lat[0][0]):
                raise ValueError(f"{row.where}: {form!r} is no one-word Latin romanization")
            by_latin.setdefault(lat[0][0], set()).add(key[0].text)
    return {k: frozenset(v) for k, v in by_latin.items()}, frozenset(names)


@functools.cache
def _romanizations_of() -> Mapping[str, tuple[str, ...]]:
    """The listed romanizations of each listed Arab given name (by its token key)."""
    by_latin = _romanized()[0]
    out: dict[str, list[str]] = {}
    for lat, keys in by_latin.items():
        for k in keys:
            out.setdefault(k, []).append(lat)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _near_romanization(latin: str, arabic: str) -> bool:
    """Whether a Latin word (as written, lowercase) is one edit from a listed romanization
    of the Arab given name *arabic* (a token key): *Ahmet*, *Jemal*, *Kalifa*."""
    return any(within_edits(latin, r, 1) for r in _romanizations_of().get(arabic, ()))


def _listed_reason(x: TokenKey, y: TokenKey, rule: int, got: float) -> str:
    """In words, what :meth:`Matcher.listed_similarity` found (*rule*: which check)."""
    pair = f"{x.written or x.text} / {y.written or y.text}"
    latin, arabic = (x, y) if x.latin else (y, x)
    lat, ar = latin.written or latin.text, arabic.text
    if rule == 0:
        return f"{pair}: the gazetteer lists both, for " + (
            "the same entity" if got > 0.0 else "different entities"
        )
    if rule == 1:
        return (
            f"{pair}: {lat} is a listed Latin spelling, judged against its entity's Arabic "
            f"spellings ({got:.2f})"
        )
    if rule == 2:
        return f"{pair}: {ar} is a known entity's spelling whose Latin names do not hold {lat}"
    return f"{pair}: {ar} is a listed Arab given name that {lat} does not romanize"


@attrs.frozen
class NameMatch:
    """What :meth:`Matcher.explain` says of two names.

    :ivar a: the first name, as given.
    :ivar b: the second name, as given.
    :ivar same: what :meth:`Matcher.same_name` decides.
    :ivar similarity: :meth:`Matcher.similarity` of the two.
    :ivar threshold: the threshold that applies to them (:meth:`Matcher.threshold_for`).
    :ivar reasons: the rules that decided, in the order they ran, in words.
    """

    a: str
    b: str
    same: bool
    similarity: float
    threshold: float
    reasons: tuple[str, ...]

    def __str__(self) -> str:
        head = "the same name" if self.same else "different names"
        lines = [f"{head} (similarity {self.similarity:.2f}, threshold {self.threshold:.2f})"]
        lines += [f"  - {r}" for r in self.reasons]
        return "\n".join(lines)


class Matcher:
    """A name matcher for one :class:`CostModel` (caches compiled tokens).

    *known* is the gazetteer whose listed spellings tell entities apart (:meth:`listed`):
    ``"default"`` for the shipped one (loaded on the first comparison), ``None`` for none.

    >>> m = Matcher()
    >>> m.same_name("البنتاجون", "البنتاغون"), m.same_name("فولوديمير زيلينسكي", "فلاديمير بوتين")
    (True, False)
    """

    def __init__(
        self,
        model: CostModel | None = None,
        decision: Decision | None = None,
        known: Gazetteer | str | None = "default",
    ) -> None:
        self.model = model if model is not None else CostModel.default()
        self.decision = decision if decision is not None else Decision.default()
        if isinstance(known, str) and known != "default":
            raise ValueError(f"known must be a Gazetteer, None or 'default', not {known!r}")
        self._known: Gazetteer | str | None = known
        self._known_default = known == "default"
        # the rules that decide, in order, while :meth:`explain` runs (else None)
        self._trace: list[str] | None = None
        m = self.model
        self._codes: dict[str, int] = {ch: i for i, ch in enumerate(_KNOWN)}
        for letters in [m.vowels, *(ch for ch, _ in m.indel), *(ls for ls, _ in m.classes)]:
            for ch in letters:
                if ch not in self._codes:
                    if len(self._codes) >= _UNKNOWN_BASE:
                        raise ValueError(f"name cost table: too many letters ({ch!r})")
                    self._codes[ch] = len(self._codes)
        self._indel = [m.default_indel] * _SIZE
        self._sub = [m.default_substitute] * (_SIZE * _SIZE)
        for i in range(_SIZE):
            self._sub[i * _SIZE + i] = 0.0
        for ch in m.vowels:
            self._indel[self._codes[ch]] = m.vowel_indel
        for ch, cost in m.indel:
            self._indel[self._codes[ch]] = cost
        for a in m.vowels:
            for b in m.vowels:
                if a != b:
                    self._sub[self._codes[a] * _SIZE + self._codes[b]] = m.vowel_substitute
        for letters, cost in m.classes:
            for a in letters:
                for b in letters:
                    if a != b:
                        idx = self._codes[a] * _SIZE + self._codes[b]
                        self._sub[idx] = min(self._sub[idx], cost)
        self._sub_rows = [self._sub[r * _SIZE : (r + 1) * _SIZE] for r in range(_SIZE)]
        self._bound = self._length_bound()
        self._vowel_codes = frozenset(self._codes[ch] for ch in m.vowels)
        codes = self._codes
        self._alef, self._waw, self._ya, self._heh = (codes[ch] for ch in "اويه")
        self._end_codes = self._vowel_codes | {self._heh}
        # For the quick lower bound of _unmatched: the letters each full-cost letter may
        # be replaced by for less than a full edit (itself included); None for cheap letters.
        coded = range(_UNKNOWN_BASE)
        self._partners: list[int | None] = [
            sum(1 << y for y in coded if self._sub_rows[x][y] < 1.0)
            if self._indel[x] >= 1.0
            else None
            for x in coded
        ]
        # the least an unmatched full-cost letter can cost (a truncated ending is cheaper)
        self._unmatched_cost = min(1.0, m.truncation, m.default_substitute)
        self._min_indel = min(self._indel)
        # the least a letter costs to lose: deleted, or dropped as a truncated ending
        self._drop = [w * min(1.0, m.truncation) for w in self._indel]
        # per letter, the letters that replace it for less than its loss, cheapest first
        # (the substitution costs are symmetric: CostModel builds them so)
        self._cheaper = [
            tuple(
                sorted(
                    (
                        (y, self._sub_rows[x][y])
                        for y in coded
                        if y != x and self._sub_rows[x][y] < self._drop[x]
                    ),
                    key=lambda yc: (yc[1], yc[0]),
                )
            )
            for x in coded
        ]
        self._compiled: dict[str, _Compiled] = {}
        # per letter: code, indel weight, bit of the code, partner mask (for _compile)
        self._letter_info = {
            ch: (c, self._indel[c], 1 << c, self._partners[c]) for ch, c in self._codes.items()
        }
        self._pairs: dict[tuple[str, str, float, bool], float] = {}

        self._given = _given_names()
        self._names = _romanized()[1]  # the listed Arab given names (token keys)
        lexicon()  # load the word list now rather than on the first comparison
        self._prefixes = frozenset(
            tok.text for p in self.model.compound_prefixes for tok in name_key(p).tokens
        )

    def _length_bound(self) -> float:
        """The largest b such that every edit costs at least b times the weight it adds
        or removes (used to skip the DP for names of very different lengths)."""
        bound = min(1.0, self.model.truncation)
        known = _UNKNOWN_BASE + 1  # letters of other scripts all behave like one more code
        for x in range(known):
            for y in range(known):
                gap = abs(self._indel[x] - self._indel[y])
                if x != y and gap > 0.0:
                    bound = min(bound, self._sub[x * _SIZE + y] / gap)
        return bound

    def _compile(self, text: str) -> _Compiled:
        """Codes, indel weights and total weight of a token made of known letters only
        (letters of other scripts get code -1: :meth:`_pair_codes` numbers them), then
        its set of codes and the partner sets of its full-cost letters (for
        :meth:`_unmatched`)."""
        got = self._compiled.get(text)
        if got is None:
            info = self._letter_info
            default = self._indel[-1]  # letters of other scripts: the default cost
            codes: list[int] = []
            weights: list[float] = []
            mask = 0
            needs: dict[int, int] = {}
            counts: dict[int, int] = {}
            unknown = False
            for ch in text:
                known = info.get(ch)
                if known is None:
                    codes.append(-1)
                    weights.append(default)
                    unknown = True
                    continue
                code, weight, bit, partner = known
                codes.append(code)
                weights.append(weight)
                mask |= bit
                counts[code] = counts.get(code, 0) + 1
                if partner is not None:
                    needs[partner] = needs.get(partner, 0) + 1
            got = (
                tuple(codes),
                tuple(weights),
                sum(weights),
                mask,
                tuple(needs.items()),
                unknown,
                counts,
            )
            if len(self._compiled) > 200_000:
                self._compiled.clear()
            self._compiled[text] = got
        return got

    def _unmatched(self, a: _Compiled, b: _Compiled) -> float:
        """A lower bound of the edit distance: every full-cost letter with no cheap
        partner on the other side needs an edit of its own costing at least
        ``_unmatched_cost`` (letter sets and partner sets are bit masks of codes)."""
        sb = b[3]
        na = 0
        for p, k in a[4]:
            if not p & sb:
                na += k
        sa = a[3]
        nb = 0
        for p, k in b[4]:
            if not p & sa:
                nb += k
        return (na if na > nb else nb) * self._unmatched_cost

    def _letter_bound(self, a: _Compiled, b: _Compiled) -> float:
        """A lower bound of the edit distance from the letters alone, in any order: the
        letters one token has more of than the other cannot be matched to themselves, so
        each costs at least the cheaper of its own loss and its cheapest substitution by a
        letter of the other token. Both sides are counted apart (a substitution serves one
        letter of each) and the larger sum is the bound. Tighter than :meth:`_unmatched`
        where a letter's cheap partner is on the other side fewer times, or where vowel
        letters and cheap partners add up; for tokens of known letters only."""
        ra, rb = a[6], b[6]
        cheaper = self._cheaper
        drop = self._drop
        sa = 0.0
        for x, k in ra.items():
            extra = k - rb.get(x, 0)
            if extra > 0:
                cost = drop[x]
                for y, c in cheaper[x]:  # ascending: the first one present is the cheapest
                    if y in rb:
                        cost = c
                        break
                sa += extra * cost
        sb = 0.0
        for y, k in rb.items():
            extra = k - ra.get(y, 0)
            if extra > 0:
                cost = drop[y]
                for x, c in cheaper[y]:
                    if x in ra:
                        cost = c
                        break
                sb += extra * cost
        return sa if sa > sb else sb

    @staticmethod
    def _pair_codes(
        a: str, ca: tuple[int, ...], b: str, cb: tuple[int, ...]
    ) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Give the letters of other scripts in one pair codes of their own (pure: the
        numbering depends on this pair only)."""
        local: dict[str, int] = {}
        out = []
        for text, codes in ((a, ca), (b, cb)):
            fixed = []
            for ch, code in zip(text, codes, strict=True):
                fixed.append(
                    code if code >= 0 else local.setdefault(ch, _UNKNOWN_BASE + len(local))
                )
            out.append(tuple(fixed))
        return out[0], out[1]

    def distance(self, a: str, b: str, limit: float = _INF) -> float:
        """Weighted edit distance between two token texts (``inf`` once above *limit*)."""
        if a == b:
            return 0.0
        ca, wa = self._compile(a)[:2]
        cb, wb = self._compile(b)[:2]
        if -1 in ca or -1 in cb:
            ca, cb = self._pair_codes(a[:_MAX_TOKEN], ca, b[:_MAX_TOKEN], cb)
        return self._dp(ca, wa, cb, wb, limit)

    def _dp(
        self,
        ca: tuple[int, ...],
        wa: tuple[float, ...],
        cb: tuple[int, ...],
        wb: tuple[float, ...],
        limit: float,
        *,
        rows: list[list[float]] | None = None,
    ) -> float:
        # Damerau (OSA) edit distance with per-letter weights, abandoned as soon as a
        # whole row exceeds *limit* (every later cell can only grow). With *rows*, every
        # row of the matrix is appended to it (for :meth:`_traceback`).
        n, m = len(ca), len(cb)
        sub = self._sub_rows
        tcost = self.model.transpose
        band = int(limit / self._min_indel) if limit < _INF else n + m
        prev = [0.0] * (m + 1)
        acc = 0.0
        for j in range(m):
            acc += wb[j]
            prev[j + 1] = acc
        prev2 = prev
        if rows is not None:
            rows.append(prev)
        last_col = [acc]  # D[i][m] for every i, for truncation of a
        px = -1
        best_before = 0.0
        for i in range(n):
            x = ca[i]
            wx = wa[i]
            srow = sub[x]
            left = prev[0] + wx
            cur = [left]
            py = -1
            # column j (1-based): diag = D[i-1][j-1], up = D[i-1][j], and
            # prev2[len(cur) - 2] = D[i-2][j-2]; prev is one longer than cb
            for y, wy, diag, up in zip(cb, wb, prev, islice(prev, 1, None), strict=False):
                if x == y:
                    c = diag
                else:
                    c = diag + srow[y]
                    if px == y and py == x:
                        d = prev2[len(cur) - 2] + tcost
                        if d < c:  # noqa: PLR1730 (min() is slower in this hot loop)
                            c = d
                d = up + wx
                if d < c:  # noqa: PLR1730 (min() is slower in this hot loop)
                    c = d
                d = left + wy
                if d < c:  # noqa: PLR1730 (min() is slower in this hot loop)
                    c = d
                cur.append(c)
                left = c
                py = y
            # every path on from cell j still needs |rows left - columns left| indels, so
            # only cells within limit / wmin of the diagonal through (n, m) can still count;
            # a transposition can jump over this row from the one before
            centre = m - (n - i - 1)
            lo = centre - band
            hi = centre + band + 1
            best = _INF if hi <= 0 or lo > m else min(cur[lo if lo > 0 else 0 : hi])
            if best > limit and best_before + tcost > limit:
                return _INF
            best_before = best
            if rows is not None:
                rows.append(cur)
            prev2, prev = prev, cur
            last_col.append(left)
            px = x
        result = prev[m]
        if n != m:
            # a truncated spelling (ويتكو for ويتكوف): dropping final letters costs less
            trunc = self.model.truncation
            stem = self.model.truncation_min_stem
            for k in range(1, self.model.truncation_letters + 1):
                if n > m and n - k >= stem:
                    d = last_col[n - k] + trunc * sum(wa[n - k :])
                    if d < result:  # noqa: PLR1730
                        result = d
                elif m > n and m - k >= stem:
                    d = prev[m - k] + trunc * sum(wb[m - k :])
                    if d < result:  # noqa: PLR1730
                        result = d
        return result

    def raw_similarity(
        self, a: str, b: str, floor: float = 0.0, rows: list[list[float]] | None = None
    ) -> float:
        """1 - weighted edit distance / weight of the heavier token, in [0, 1] (the
        edit-distance evidence alone; values below *floor* may be reported as 0). With
        *rows*, the DP matrix is appended to it when the DP runs to the end."""
        return self._raw(a, b, floor, rows)[0]

    def _raw(
        self, a: str, b: str, floor: float, rows: list[list[float]] | None
    ) -> tuple[float, tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[float, ...]]:
        """:meth:`raw_similarity`, with the letter codes and weights it compared."""
        ka = self._compile(a)
        kb = self._compile(b)
        ca, wa, ta = ka[0], ka[1], ka[2]
        cb, wb, tb = kb[0], kb[1], kb[2]
        scale = ta if ta > tb else tb
        if scale <= 0.0:
            return 0.0, ca, wa, cb, wb
        unknown = ka[5] or kb[5]
        if floor > 0.0:
            limit = (1.0 - floor) * scale + 1e-9
            # every edit costs at least _bound times the weight it adds or removes
            if (ta - tb if ta > tb else tb - ta) * self._bound > limit:
                return 0.0, ca, wa, cb, wb
            if not unknown and (
                self._unmatched(ka, kb) > limit or self._letter_bound(ka, kb) > limit
            ):
                return 0.0, ca, wa, cb, wb
        else:
            limit = _INF
        if unknown:
            if len(a) > _MAX_TOKEN or len(b) > _MAX_TOKEN:
                return 0.0, ca, wa, cb, wb
            ca, cb = self._pair_codes(a, ca, b, cb)
        d = self._dp(ca, wa, cb, wb, limit, rows=rows)
        if d == _INF:
            return 0.0, ca, wa, cb, wb
        sim = 1.0 - d / scale
        suffixes = self.model.place_suffixes
        if suffixes and a.endswith(suffixes) != b.endswith(suffixes):
            sim -= self.model.place_suffix_penalty
        # below the floor, report 0 whether or not the cut-off fired (the DP runs over the
        # rows of a, so where it stops depends on the order of the arguments)
        return (sim if sim > 0.0 and sim >= floor else 0.0), ca, wa, cb, wb

    def edit_ops(self, a: str, b: str) -> tuple[int, ...]:
        """Counts of the edits on one cheapest alignment of two token texts: vowel letters
        added or dropped, vowel letters swapped, cheap letters (ع ه) added or dropped,
        letters of one sound class swapped, other letters swapped, other letters added
        or dropped, transpositions, edits within the first two letters, edits at the
        last letter; then ا و ي added or dropped (each), vowel swaps ا/ي ا/و و/ي (each),
        edits of a vowel letter or ه at the last letter, of a vowel letter at the first
        letter, a final ه added or dropped, inner full-cost letters added or dropped, and
        all edits (see :data:`arabnews.names._features.FEATURES`)."""
        ca, wa = self._compile(a)[:2]
        cb, wb = self._compile(b)[:2]
        if -1 in ca or -1 in cb:
            ca, cb = self._pair_codes(a, ca, b, cb)
        rows: list[list[float]] = []
        self._dp(ca, wa, cb, wb, _INF, rows=rows)
        return self._traceback(rows, ca, wa, cb, wb)

    def _traceback(
        self,
        d: list[list[float]],
        ca: tuple[int, ...],
        wa: tuple[float, ...],
        cb: tuple[int, ...],
        wb: tuple[float, ...],
    ) -> tuple[int, ...]:
        """The edit counts of :meth:`edit_ops`, read back from a full DP matrix *d*."""
        n, m = len(ca), len(cb)
        sub = self._sub_rows
        tcost = self.model.transpose
        vowels = self._vowel_codes
        alef, waw, ya, heh = self._alef, self._waw, self._ya, self._heh
        ends = self._end_codes  # vowel letters and ه
        ops = [0] * 20
        i, j = n, m
        eps = 1e-9
        last_a, last_b = n - 1, m - 1
        while i > 0 or j > 0:
            here = d[i][j]
            if i and j and ca[i - 1] == cb[j - 1] and abs(here - d[i - 1][j - 1]) < eps:
                i, j = i - 1, j - 1
                continue
            ops[19] += 1
            if i and j:
                x, y = ca[i - 1], cb[j - 1]
                cost = sub[x][y]
                if abs(here - (d[i - 1][j - 1] + cost)) < eps:
                    if x in vowels and y in vowels:
                        ops[1] += 1
                        pair = x + y
                        ops[12 if pair == alef + ya else 13 if pair == alef + waw else 14] += 1
                    elif cost < 1.0:
                        ops[3] += 1
                    else:
                        ops[4] += 1
                    ops[7] += i <= 2 or j <= 2
                    ops[8] += i >= n or j >= m
                    ops[15] += (i >= n or j >= m) and (x in ends or y in ends)
                    ops[16] += (i == 1 or j == 1) and (x in vowels or y in vowels)
                    i, j = i - 1, j - 1
                    continue
                if (
                    i > 1
                    and j > 1
                    and x == cb[j - 2]
                    and ca[i - 2] == y
                    and abs(here - (d[i - 2][j - 2] + tcost)) < eps
                ):
                    ops[6] += 1
                    ops[7] += i <= 3 or j <= 3
                    ops[8] += i - 2 >= last_a or j - 2 >= last_b
                    ops[15] += (i >= n or j >= m) and (x in ends or y in ends)
                    i, j = i - 2, j - 2
                    continue
            if i and abs(here - (d[i - 1][j] + wa[i - 1])) < eps:
                x, w = ca[i - 1], wa[i - 1]
                final = i >= n or j >= last_b
                first = i == 1 or j == 0
                start = i <= 2 or j <= 1
                i -= 1
            else:
                x, w = cb[j - 1], wb[j - 1]
                final = i >= last_a or j >= m
                first = i == 0 or j == 1
                start = i <= 1 or j <= 2
                j -= 1
            ops[0 if x in vowels else 2 if w < 1.0 else 5] += 1
            ops[7] += start
            ops[8] += final
            if x == alef:
                ops[9] += 1
            elif x == waw:
                ops[10] += 1
            elif x == ya:
                ops[11] += 1
            elif x == heh and final:
                ops[17] += 1
            elif not final and w >= 1.0:
                ops[18] += 1
            ops[15] += final and x in ends
            ops[16] += first and x in vowels
        return tuple(ops)

    def token_similarity(
        self, a: str, b: str, floor: float = 0.0, *, cross_script: bool = False
    ) -> float:
        """Probability in [0, 1] that two token texts spell one name (1.0 when equal);
        values below *floor* may be reported as 0.

        The edit similarity (:meth:`raw_similarity`) must reach the decision model's
        ``raw_floor``; above it, the calibrated model (:class:`Decision`) weighs where the
        edits are and what kind of word each spelling is.
        """
        if a == b:
            return 1.0
        if b < a:  # one order for both: symmetric by construction (alignment ties)
            a, b = b, a
        if floor > 0.0:
            # corpora compare the same surnames again and again: remember thresholded results
            cache = self._pairs
            mark = (a, b, floor, cross_script)
            got = cache.get(mark)
            if got is None:
                got = self._token_probability(a, b, cross_script)
                got = got if got >= floor else 0.0
                if len(cache) >= _PAIR_CACHE:
                    cache.clear()
                cache[mark] = got
            return got
        return self._token_probability(a, b, cross_script)

    def _token_probability(self, a: str, b: str, cross_script: bool) -> float:
        decision = self.decision
        trace = self._trace
        if not cross_script and decision.spelt_one_way(a, b):
            if trace is not None:
                trace.append(f"{a} / {b}: native words or names, spelt one way (lexicon)")
            return 0.0  # native words and given names that differ are different words
        if not cross_script and a in self._names and b in self._names:
            if trace is not None:
                trace.append(f"{a} / {b}: two listed Arab given names")
            return 0.0  # two listed Arab given names: أنس / أنيس, منير / منيرة
        if not cross_script and len(a) - len(b) in (1, -1) and decision.derived_apart(a, b):
            if trace is not None:
                trace.append(f"{a} / {b}: an Arabic word and one derived from it")
            return 0.0  # رفح / رفحاء: an Arabic word and one derived from it
        if a == b:
            return 1.0
        rows: list[list[float]] = []
        raw, ca, wa, cb, wb = self._raw(a, b, decision.raw_floor, rows)
        if raw <= 0.0:
            if trace is not None:
                trace.append(f"{a} / {b}: edit similarity below {decision.raw_floor}")
            return 0.0
        ops = self._traceback(rows, ca, wa, cb, wb)
        if not cross_script and decision.consonant_differs(a, b, ops):
            if trace is not None:
                trace.append(f"{a} / {b}: a native name's consonant changed")
            return 0.0  # نزار / نزال: a native name's consonants are its own
        p = decision.probability(pair_features(a, b, raw, ops, cross_script))
        if trace is not None:
            trace.append(f"{a} / {b}: edit similarity {raw:.2f}, decision model {p:.3f}")
        return p

    def word_similarity(self, a: TokenKey, b: TokenKey, floor: float = 0.0) -> float:
        """Similarity of two one-word names: :meth:`token_key_similarity`, and 0.0 where
        their use tells them apart (:meth:`usage_apart`). Only a name of one word is
        judged by its use: in a longer name the other words are better evidence, and a
        rare spelling of one of them has a noisy usage vector (هونج كونج)."""
        if self.surface_apart(a, b):
            return 0.0  # كندة / كندا: one key, two written words
        got = self._tok_sim(a, b, floor)
        if got > 0.0 and a.text != b.text and self.usage_apart(a, b):
            if self._trace is not None:
                self._trace.append(
                    f"{a.surface} / {b.surface}: used among different words in Arabic "
                    f"Wikipedia (usage cosine below {self.model.usage_apart})"
                )
            return 0.0  # صعدة / سعيدة: alike in letters, two words in use
        return got

    def usage_apart(self, a: TokenKey, b: TokenKey) -> bool:
        """Whether two Arabic tokens written differently are two words by their use in
        Arabic Wikipedia: both are in the usage table and their cosine is below
        ``usage_apart`` (:attr:`CostModel.usage_apart`). Usage only ever parts two
        spellings; two tokens whose written forms differ only in the article are not
        judged (the article changes a word's company, not always its name)."""
        need = self.model.usage_apart
        x, y = a.surface, b.surface
        if need <= -1.0 or x is None or y is None or x == y:
            return False
        table = UsageTable.default()
        if x not in table or y not in table:
            return False  # most names: the 2017 text has too little of them
        if without_article(x) == without_article(y):
            return False
        sim = table.similarity(x, y)
        return sim is not None and sim < need

    def _tok_sim(self, a: TokenKey, b: TokenKey, floor: float) -> float:
        if a.article != b.article and self._article_apart(a, b):
            if self._trace is not None:
                self._trace.append(f"{a.text} / {b.text}: the article tells known names apart")
            return 0.0
        if (a.feminine or b.feminine) and self._feminine_apart(a, a.text, b, b.text):
            if self._trace is not None:
                self._trace.append(f"{a.text} / {b.text}: a noun in ta marbuta and a nisba")
            return 0.0  # القرداحة / قرداحي: a noun in ة and a nisba of its stem
        if a.latin or b.latin:
            known = self._romanized_pair(a, b)
            if known is not None:
                if self._trace is not None:
                    self._trace.append(
                        f"{a.written or a.text} / {b.written or b.text}: romanization table "
                        f"of Arab given names ({known:.2f})"
                    )
                return known
        cross = a.latin or b.latin
        best = self.token_similarity(a.text, b.text, floor, cross_script=cross)
        if (
            a.article != b.article
            and not cross
            and (b.text if a.article else a.text)[:1] in _ALEF_LAM_START
            and best < (floor if floor > 0.0 else 1.0)
        ):
            # the ال of a foreign name is no article when the other spelling writes the
            # same sound as letters (إلينا / ايلينا, ألكس / أليكس, العربي / لاربي)
            best = max(
                best,
                self.token_similarity(
                    "ال" + a.text if a.article else a.text,
                    "ال" + b.text if b.article else b.text,
                    floor,
                ),
            )
        if a.alternative is None and b.alternative is None:
            return best
        if best >= (floor if floor > 0.0 else 1.0):
            return best
        pen = self.model.clitic_penalty
        for x, y, other, own, apart in (
            (a.alternative, b.text, b.text, a.text, a.alt_article != b.article),
            (a.text, b.alternative, a.text, b.text, a.article != b.alt_article),
        ):
            # stripping a clitic only helps when the other name does not start with it;
            # a stem of three letters or fewer must be the other name exactly (بادر is
            # no ب + a look-alike of إيدر)
            if x is not None and y is not None and other[:1] != own[:1]:
                if not self._clitic_fits(own, y):
                    continue  # كرادا is not ك + الرادا, بعراق not ب + العراق
                if apart and x == y and not cross and self._article_decides(x):
                    continue  # والهند is not و + هند
                if (a.feminine or b.feminine) and self._feminine_apart(a, x, b, y):
                    continue  # والرقة is not و + رقية
                if len(x) <= _SHORT_STEM or len(y) <= _SHORT_STEM:
                    if x == y:
                        best = max(best, 1.0 - pen)
                    continue
                need = self.model.clitic_min
                s = self.token_similarity(x, y, max(need, floor + pen), cross_script=cross)
                if s > 0.0 and s >= need:
                    best = max(best, s - pen)
        return max(best, 0.0)

    def _feminine_apart(self, a: TokenKey, x: str, b: TokenKey, y: str) -> bool:
        """:meth:`Decision.feminine_apart` for texts *x* of token *a* and *y* of *b* (the
        token texts or their proclitic alternatives), whichever was written with ة; both
        Arabic."""
        if a.latin or b.latin:
            return False  # a Latin -ia is transliterated يا (Bosnia / البوسنة)
        fem = self.decision.feminine_apart
        return (a.feminine and fem(x, y)) or (b.feminine and fem(y, x))

    def _romanization(self, latin: TokenKey, arabic: TokenKey) -> float | None:
        """A usual romanization of an Arab given name against an Arabic word: 1.0 when it
        romanizes that name (*Hassan* / حسن), 0.0 when the Arabic word is another listed
        Arab given name (*Hassan* / حسان, *Amr* / عمر), ``None`` (undecided) otherwise.
        Romanizations are spelt the way Arab names are written, not transliterations of
        foreign sounds, so the edit model cannot tell حامد from حمد in *Hamad*."""
        by_latin, names = _romanized()
        meant = by_latin.get(latin.written or "")
        if meant is None:
            return None
        alt = arabic.alternative
        if arabic.article and self._article_decides(arabic.text):
            return 0.0  # الهند is India, not Hind: with the article, a known other name
        if arabic.text in meant:
            return 1.0
        if alt is not None and alt in meant:
            return 1.0 - self.model.clitic_penalty
        if arabic.text in names or (alt is not None and alt in names):
            return 0.0  # another Arab name, a proclitic glued on or not (وحامد for Hamad)
        if not self.native_word(arabic.text) and NATIVE_SOUND_LETTERS.isdisjoint(arabic.text):
            return None  # a transliteration (هاسان for Hassan): the edit model decides
        # a native word or name is that name only as a spelling of the name's own letters,
        # judged within the script, where native names are spelt one way (*Nayef* / نافع:
        # نايف and نافع are different names), put on the cross-script scale
        p = max(self._tok_sim(arabic, TokenKey(m), 0.0) for m in sorted(meant))
        return self._on_cross_scale(p)

    def _romanized_pair(self, a: TokenKey, b: TokenKey) -> float | None:
        """:meth:`_romanization` for a Latin and an Arabic token; for two Latin tokens that
        both romanize listed Arab names, 1.0 when they share one and 0.0 when they do not
        (*Samir* and *Samer* spell the same Arabic letters but name سمير and سامر)."""
        if a.latin and b.latin:
            if a.written == b.written:
                return None
            by_latin = _romanized()[0]
            ma, mb = by_latin.get(a.written or ""), by_latin.get(b.written or "")
            if ma is None or mb is None:
                return None
            return 1.0 if ma & mb else 0.0
        return self._romanization(a, b) if a.latin else self._romanization(b, a)

    def _romanized_apart(self, ta: tuple[TokenKey, ...], tb: tuple[TokenKey, ...]) -> bool:
        """Whether a romanized Arab given name of one name is another Arab name in the
        other, where both spell the same letters (*Zaid* / زايد: زيد is the name meant)."""
        return len(ta) == len(tb) and any(
            (x.latin or y.latin) and self._romanized_pair(x, y) == 0.0
            for x, y in zip(ta, tb, strict=True)
        )

    def _clitic_fits(self, whole: str, stem: str) -> bool:
        """Whether a proclitic glued to *stem* may be written as *whole*: not when the
        known entities list *stem* only with the article and no article follows the
        proclitic (:meth:`Gazetteer.ids_of_stem <arabnews.names.Gazetteer.ids_of_stem>`)."""
        gaz = self._gazetteer()
        if gaz is None or not gaz.ids_of_text(stem):
            return True
        return bool(gaz.ids_of_stem(whole, stem))

    def token_key_similarity(self, a: TokenKey, b: TokenKey, floor: float = 0.0) -> float:
        """Similarity of two token keys, trying a stripped proclitic (و ف ب ل ك) too."""
        return self._tok_sim(a, b, floor)

    def _given_ok(self, a: TokenKey, b: TokenKey, floor: float) -> float:
        if (a.text, b.text) in self._given:
            return 1.0
        return self._tok_sim(a, b, floor and self.model.given_name_threshold)

    def given_names_apart(
        self, a: NameKey, b: NameKey, memo: dict[TokenKey, bool] | None = None
    ) -> bool:
        """Whether two Arabic-script names of as many words (two or more) that the known
        entities do not both list are different names because their first words are different
        given names and another word differs too (no one-word slip): what
        :meth:`key_similarity` would find, for the cost of one word pair. A resolver sees many
        people who share a surname (محمد سعيد الحريري، أحمد سعيد الحريري); *memo*, kept by the
        caller for one *a*, holds the verdict on each first word of *b* seen."""
        ta, tb = a.tokens, b.tokens
        if len(ta) != len(tb) or len(ta) < 2 or ta[0].text == tb[0].text:
            return False
        if any(t.latin for t in ta) or any(t.latin for t in tb):
            return False  # (scripts mixed: compounds are joined across them)
        if all(x.text == y.text for x, y in zip(ta[1:], tb[1:], strict=True)):
            return False  # (a slip in the first word alone may be one name)
        apart = None if memo is None else memo.get(tb[0])
        if apart is None:
            thr = self.threshold_for(a, b)
            apart = self._given_ok(ta[0], tb[0], thr) < self.model.given_name_threshold
            if memo is not None:
                memo[tb[0]] = apart
        return apart

    def key_similarity(self, a: NameKey, b: NameKey, floor: float = 0.0) -> float:
        """Similarity of two name keys (see :func:`similarity`).

        With *floor* > 0 the computation may stop early and report any value below the
        threshold as a lower one (what :meth:`same_name` needs, faster).
        """
        return self._key_similarity(a, b, floor, self.threshold_for(a, b))

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled by its arguments (tables and caches are rebuilt, the shipped gazetteer
        # is loaded by name): kilobytes instead of megabytes for each worker
        known = "default" if self._known_default else self._known
        return (Matcher, (self.model, self.decision, known))

    def _gazetteer(self) -> Gazetteer | None:
        known = self._known
        if isinstance(known, str):
            # imported here: the gazetteer is built on a matcher
            from arabnews.names.gazetteer import Gazetteer

            known = self._known = Gazetteer.default()
        return known

    def listed(self, a: NameKey, b: NameKey) -> bool | None:
        """What the known entities say about two different keys: ``True`` when both are
        spellings listed for one entity (بكين / Beijing) with as many words, or the
        shorter the letters of such a spelling joined (أبوظبي / *Abu Dhabi* through أبو
        ظبي) or the entity's English name (*OpenAI*); a bare surname stays a partial
        match), ``False``
        when both are listed, for different entities only (هولندا / بولندا, سيرسكي /
        زيلينسكي: different names, however alike their letters), else ``None``."""
        if len(a.tokens) == 1 and len(b.tokens) == 1:
            got = self._listed_pair(a.tokens[0], b.tokens[0])
            return None if got is None else got > 0.0
        gaz = self._gazetteer()
        if gaz is None:
            return None
        ids = gaz.ids_of(a)
        if not ids:
            return None
        other = gaz.ids_of(b)
        if not other:
            return None
        if ids.isdisjoint(other):
            return False
        if len(a.tokens) == len(b.tokens):
            return True
        # a bare surname listed for its holder stays a partial match (see same_name); the
        # shorter is the name only as the letters of a spelling of the entity with as many
        # words as the longer, joined (أبوظبي / Abu Dhabi through أبو ظبي)
        short, long_ = (a, b) if len(a.tokens) < len(b.tokens) else (b, a)
        n = len(long_.tokens)
        for ident in ids & other:
            entry = gaz.get(ident)
            if entry is not None and name_key(entry.english) == short:
                return True  # the entity's full English name (OpenAI / أوبن إيه آي)
            for k in (long_, *gaz.arabic_keys(ident)):
                if len(k.tokens) == n and k.joined == short.joined:
                    return True
        return None

    def listed_similarity(self, x: TokenKey, y: TokenKey) -> float | None:
        """What the known entities say about two one-token names, as a similarity (what
        :meth:`same_name` decides on before the edit model): 1.0 or 0.0 where both are
        listed (:meth:`listed`), a listed Latin spelling against an unlisted Arabic word
        judged through the entity's own Arabic spellings (*Riyadh* / رياض: الرياض and رياض
        are different words), a Latin word against a listed Arab given name it does not
        romanize (:meth:`_unlisted_romanization`), else ``None``."""
        got = self._listed_pair(x, y)
        rule = 0
        if got is None and x.latin != y.latin:
            got, rule = self._latin_pivot(x, y), 1
            if got is None:
                got, rule = self._unlisted_latin(x, y), 2
            if got is None:
                got, rule = self._unlisted_romanization(x, y), 3
        if got is not None and self._trace is not None:
            self._trace.append(_listed_reason(x, y, rule, got))
        return got

    def _unlisted_latin(self, x: TokenKey, y: TokenKey) -> float | None:
        """A Latin word listed for no entity against an Arabic one listed for some: 0.0
        unless the Latin word is a word of one of those entities' Latin spellings
        (:meth:`Gazetteer.latin_word_of <arabnews.names.Gazetteer.latin_word_of>`). The
        known entity's Latin name is known: *Albert* is not بيروت (Beirut), *Rossi* not
        روسيا (Russia); *Teheran* is طهران."""
        gaz = self._gazetteer()
        if gaz is None:
            return None
        latin, arabic = (x, y) if x.latin else (y, x)
        ids = gaz.ids_of_form(arabic.text, arabic.article)
        if not ids or gaz.ids_of_text(latin.text, True):
            return None
        written = latin.written or ""
        return None if any(gaz.latin_word_of(written, i) for i in sorted(ids)) else 0.0

    def _unlisted_romanization(self, x: TokenKey, y: TokenKey) -> float | None:
        """A lone Latin word against a listed Arab given name (``arab_given_names.tsv``) that
        it does not romanize: 0.0 unless it is one edit from a listed romanization (*Freud* /
        فريد, *Lille* / ليلى are other names; *Ahmet* / أحمد, *Jemal* / جمال are spellings).
        Only for one-word names: in a full name the other words are evidence of their own
        (*Ons Jabeur* / أنس جابر)."""
        latin, arabic = (x, y) if x.latin else (y, x)
        by_latin, names = _romanized()
        if arabic.text not in names or (latin.written or "") in by_latin:
            return None
        alt = arabic.alternative
        if alt is not None and alt in names:
            return None  # وفريد: a proclitic on another listed name, the edit model decides
        return None if _near_romanization(latin.written or "", arabic.text) else 0.0

    def _listed_pair(self, x: TokenKey, y: TokenKey) -> float | None:
        """:meth:`listed` for two one-token names, as a similarity: 1.0 or 0.0, 1.0 less
        ``clitic_penalty`` when a stripped proclitic leaves a spelling listed for the
        entity the other names (وترمب / ترامب), else ``None``."""
        gaz = self._gazetteer()
        if gaz is None:
            return None
        if x.article != y.article and self._article_apart(x, y):
            return 0.0
        ids = gaz.ids_of_text(x.text, True) if x.latin else gaz.ids_of_form(x.text, x.article)
        other = gaz.ids_of_text(y.text, True) if y.latin else gaz.ids_of_form(y.text, y.article)
        if ids and other:
            if x.latin != y.latin and self._unlisted_surface(y if x.latin else x, ids | other):
                return 0.0  # Gaza / غزا: غزة is listed, غزا (invaded) is another word
            return 0.0 if ids.isdisjoint(other) else 1.0
        for stem, own, named, rest in ((x.alternative, x, other, y), (y.alternative, y, ids, x)):
            if (
                stem is not None
                and named
                and rest.text[:1] != own.text[:1]
                and not own.latin
                and not gaz.ids_of_stem(own.text, stem).isdisjoint(named)
            ):
                return 1.0 - self.model.clitic_penalty
        return None

    def _unlisted_surface(self, arabic: TokenKey, ids: frozenset[str]) -> bool:
        """Whether Arabic token *arabic* shares its key text with the one-word spellings the
        entities *ids* list but is, as written, another word than each of them
        (:meth:`surface_apart`: غزا against غزة, كندة against كندا)."""
        gaz = self._gazetteer()
        if gaz is None:
            return False
        listed = [
            k.tokens[0]
            for i in sorted(ids)
            for k in gaz.arabic_keys(i)
            if len(k.tokens) == 1 and k.tokens[0].text == arabic.text
        ]
        if not listed or any(t.surface == arabic.surface for t in listed):
            return False
        return all(self.surface_apart(t, arabic) for t in listed)

    def surface_apart(self, x: TokenKey, y: TokenKey) -> bool:
        """Whether two Arabic tokens of one key text are two words as written: their
        surfaces differ beyond the article (the key folds ة ى ه into final vowels and
        collapses repeated letters: كندة / كندا, كيف / كييف, المنية / المنيا) and Arabic
        Wikipedia uses the two written forms among different words (:meth:`usage_apart`).
        The key's folding is for transliterations; two attested words keep their letters."""
        if x.text != y.text or x.surface == y.surface or x.latin or y.latin:
            return False
        if not self.usage_apart(x, y):
            return False
        if self._trace is not None:
            self._trace.append(
                f"{x.surface} / {y.surface}: one key, but used among different words in "
                f"Arabic Wikipedia (usage cosine below {self.model.usage_apart})"
            )
        return True

    def _article_apart(self, x: TokenKey, y: TokenKey) -> bool:
        """Whether two Arabic tokens of the same letters are different names because one
        was written with the article and the other without, and the known entities list
        those letters one way only, or each way for different entities (الهند / هند, فتح /
        الفتح, الكاميرون / كاميرون). Elsewhere the article comes and goes (البصري / بصري)."""
        if x.article == y.article or x.text != y.text or x.latin or y.latin:
            return False
        return self._article_decides(x.text)

    def _article_decides(self, text: str) -> bool:
        gaz = self._gazetteer()
        return gaz is not None and gaz.article_decides(text)

    def native_word(self, text: str) -> bool:
        """Whether an Arabic token text (:attr:`TokenKey.text`) is a native Arab given name
        (``arab_given_names.tsv``, or the positions such names take in Arabic Wikipedia)
        or a common word (it takes pronoun suffixes there): هند, خليل, فتح; not إكوادور."""
        if text in _romanized()[1]:
            return True
        _, kin, sfx = lexicon().get(text, (0, 0, 0))
        decision = self.decision
        return kin >= decision.native_kin or sfx >= decision.word_suffix

    def _latin_pivot(self, x: TokenKey, y: TokenKey) -> float | None:
        """A Latin spelling listed for an entity, an Arabic one listed for none and not its
        transliteration: the Arabic one is that entity only as another spelling of one of
        the entity's one-word Arabic spellings, judged within the script, where the rules
        for native words and names apply (Syria / ثريا: سوريا and ثريا are different
        words). The within-script probability is mapped onto the cross-script scale so
        that the cross-script threshold decides as the within-script one would. ``None``
        when this does not apply."""
        gaz = self._gazetteer()
        if gaz is None or x.latin == y.latin or x.text == y.text:
            return None
        latin, arabic = (x, y) if x.latin else (y, x)
        if gaz.ids_of_form(arabic.text, arabic.article):
            return None
        # by letters and article (token keys are equal whatever their article)
        spellings = {
            (k.tokens[0].text, k.tokens[0].article): k.tokens[0]
            for i in gaz.ids_of_text(latin.text, True)
            for k in gaz.arabic_keys(i)
            if len(k.tokens) == 1
        }
        if not spellings:
            return None
        p = max(self._tok_sim(arabic, spellings[k], 0.0) for k in sorted(spellings))
        return self._on_cross_scale(p)

    def _on_cross_scale(self, p: float) -> float:
        """A within-script probability mapped onto the cross-script scale, so that the
        cross-script threshold decides as the within-script one would."""
        same, cross = self.model.threshold, self.model.cross_script_threshold
        if p < same:
            return p * cross / same
        return cross + (p - same) * (1.0 - cross) / (1.0 - same)

    def _key_similarity(self, a: NameKey, b: NameKey, floor: float, thr: float) -> float:
        ta, tb = a.tokens, b.tokens
        if not ta or not tb:
            return 0.0
        if len(ta) == 1 and len(tb) == 1:
            if self.surface_apart(ta[0], tb[0]):
                return 0.0  # (before the gazetteer, which lists key texts: كيف is not Kyiv)
            got = self.listed_similarity(ta[0], tb[0])
            if got is not None:
                return got
        else:
            listed = self.listed(a, b)
            if listed is not None:
                if self._trace is not None:
                    self._trace.append(
                        f"{a.text} / {b.text}: the gazetteer lists both, for "
                        + ("the same entity" if listed else "different entities")
                    )
                return 1.0 if listed else 0.0
        merged = self._compounds_merged(ta, tb)
        if merged is not None:
            return self._key_similarity(NameKey(merged[0]), NameKey(merged[1]), floor, thr)
        f = thr if floor > 0.0 else 0.0
        if len(ta) == len(tb):
            if len(ta) == 1:
                return self.word_similarity(ta[0], tb[0], f)
            # surname first: it decides, and it is where look-alike names usually differ
            score = self._tok_sim(ta[-1], tb[-1], f)
            if score < thr:
                return thr if self._one_word_apart(ta, tb) else score * 0.5
            for x, y in zip(ta[:-1], tb[:-1], strict=True):
                s = self._given_ok(x, y, f)
                if s < self.model.given_name_threshold:
                    return thr if self._one_word_apart(ta, tb) else min(score, s) * 0.5
                score = min(score, s)
            return score
        short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
        joined = self.joined_similarity(a, b, floor, thr)
        if joined >= thr:
            if self._trace is not None:
                self._trace.append(f"{a.text} / {b.text}: the same letters split differently")
            return joined
        if len(short) == 1:
            if self._trace is not None:
                self._trace.append(
                    "a one-word name against a longer one is not the same name on its own "
                    "(NameResolver links a surname to the full name it belongs to)"
                )
            if f > 0.0:
                return joined
            # a bare surname gets partial credit, always under the threshold (NameResolver
            # decides what it refers to)
            return max(joined, 0.9 * thr * self._tok_sim(short[0], long_[-1], 0.0))
        # given + surname against given + middle + surname: first and last must agree
        if self._common_head(short[0].text):
            return min(joined, 0.5)  # an organisation's words are not optional
        if not short[-1].latin and short[-1].text in self._names:
            # حسن محمود is Hassan son of Mahmoud, not حسن شيخ محمود: a name that ends in an
            # Arab given name is a chain of given names, and each word of it counts
            if self._trace is not None:
                self._trace.append(
                    f"{short[-1].text}: an Arab given name ends the shorter name (a chain "
                    "of given names leaves no word out)"
                )
            return min(joined, 0.5)
        last = self._tok_sim(short[-1], long_[-1], f)
        first = self._given_ok(short[0], long_[0], f)
        if last < thr or first < self.model.given_name_threshold:
            return min(joined, 0.5)
        rest = list(long_[1:-1])
        score = min(last, first)
        for t in short[1:-1]:
            found = False
            while rest:
                cand = rest.pop(0)
                s = self._tok_sim(t, cand, f)
                if s >= thr:
                    score = min(score, s)
                    found = True
                    break
            if not found:
                return min(joined, 0.5)
        return score * 0.98

    def _one_word_apart(self, ta: tuple[TokenKey, ...], tb: tuple[TokenKey, ...]) -> bool:
        """Whether two Arabic names of as many words are written alike but for one word
        whose spellings reach ``one_word_raw`` and are not told apart by a native rule
        (``CostModel.one_word_raw``)."""
        got = self._one_word_apart_of(ta, tb)
        if got and self._trace is not None:
            self._trace.append(
                "written alike but for one close word (one_word_raw): one name at the threshold"
            )
        return got

    def _one_word_apart_of(self, ta: tuple[TokenKey, ...], tb: tuple[TokenKey, ...]) -> bool:
        need = self.model.one_word_raw
        if need >= 1.0:
            return False
        differ = [(x, y) for x, y in zip(ta, tb, strict=True) if x.text != y.text]
        if len(differ) != 1 or any(
            x.article != y.article and self._article_apart(x, y)
            for x, y in zip(ta, tb, strict=True)
            if x.text == y.text
        ):
            return False
        x, y = differ[0]
        if x.latin or y.latin or self.raw_similarity(x.text, y.text, need) <= 0.0:
            return False
        # a rule (native names and words, derived words, listed names) answers exactly 0
        return self._tok_sim(x, y, 0.0) > 0.0

    def _compounds_merged(
        self, ta: tuple[TokenKey, ...], tb: tuple[TokenKey, ...]
    ) -> tuple[tuple[TokenKey, ...], tuple[TokenKey, ...]] | None:
        """A Latin and an Arabic name made comparable word for word, else ``None``: two-word
        given names joined on either side when that gives both as many words (*Abdullah* /
        عبد الله, *Noureddine Bedoui* / نور الدين بدوي, *Abdul Aziz* / عبدالعزيز; a pair joins
        when it is a listed Arab name written as two words, ``_romanized``, or an Arabic
        pair headed by a compound prefix, عبد, أبو); or, for names of as many words, the
        article that the Arabic key keeps after عبد and أبو taken off (*Abd al-Rahman* /
        عبد الرحمن)."""
        la, lb = ta[0].latin, tb[0].latin
        if la == lb or any(t.latin != la for t in ta) or any(t.latin != lb for t in tb):
            return None  # one script, or scripts mixed within a name: not this case
        ma, mb = self._merge_pairs(ta), self._merge_pairs(tb)
        if len(ma) == len(mb) and (ma != ta or mb != tb):
            return ma, mb
        if len(ta) == len(tb):
            # word for word (Abd al-Rahman / عبد الرحمن): the name after عبد keeps its article
            # in the key, a Latin spelling drops it
            sa, sb = _kept_articles_off(ta), _kept_articles_off(tb)
            if sa != ta or sb != tb:
                return sa, sb
        return None

    def _merge_pairs(self, tokens: tuple[TokenKey, ...]) -> tuple[TokenKey, ...]:
        by_latin, names = _romanized()
        out: list[TokenKey] = []
        i = 0
        while i < len(tokens):
            x = tokens[i]
            if i + 1 < len(tokens):
                y = tokens[i + 1]
                if x.latin:
                    written = (x.written or "") + (y.written or "")
                    if written in by_latin:
                        out.append(TokenKey(x.text + y.text, latin=True, written=written))
                        i += 2
                        continue
                else:
                    # the key strips the article: نور الدين is نور + دين, listed as نورالدين
                    # (tried second: عبد + الله is عبدالله, not عبد + ال + الله, عبد الإله)
                    plain = _fold_token(x.text + y.text, keep_article=True)
                    with_article = _fold_token(x.text + "ال" + y.text, keep_article=True)
                    joined = next((j for j in (plain, with_article) if j in names), None)
                    if joined is None and x.text in self._prefixes:
                        joined = plain
                    if joined is not None:
                        out.append(TokenKey(joined))
                        i += 2
                        continue
            out.append(x)
            i += 1
        return tuple(out)

    def joined_similarity(self, a: NameKey, b: NameKey, floor: float, thr: float) -> float:
        """Similarity of two names with different numbers of words, letters joined: 1.0
        for the same letters split differently (هونغ كونغ / هونغكونغ); for a name with a
        part often written joined (عبد الله / عبدالله) the similarity of the joined
        letters; for others, with at most ``join_letters`` letters more or less, it must
        reach ``join_min`` (فيس بوك / فايسبوك, بيونج يانج / بيونغيانغ), else it is
        reported under *thr*. Names headed by a common noun are not joined that way: an
        organisation's words are not optional. With *floor* > 0, values under *thr* may be
        reported as lower ones."""
        ja, jb = a.joined, b.joined
        if ja == jb:
            return 1.0
        merged = self._compounds_merged(a.tokens, b.tokens)
        if merged is not None:  # Abdullah / عبد الله: a listed name's two words joined
            return self._key_similarity(NameKey(merged[0]), NameKey(merged[1]), floor, thr)
        f = thr if floor > 0.0 else 0.0
        if self._compound(a.tokens) or self._compound(b.tokens):
            return self.token_similarity(ja, jb, f)
        model = self.model
        if model.join_min >= 1.0 or abs(len(ja) - len(jb)) > model.join_letters:
            return 0.0  # a word more or less, not the same words split differently
        if self._common_head(a.tokens[0].text) or self._common_head(b.tokens[0].text):
            return 0.0
        need = max(thr, model.join_min)
        joined = self.token_similarity(ja, jb, need if f > 0.0 else 0.0)
        return joined if joined >= need else min(joined, 0.9 * thr)

    def _common_head(self, text: str) -> bool:
        """Whether a first token is a frequent common word (see ``common_head_bucket``)."""
        count, kin, _ = lexicon().get(text, (0, 0, 0))
        return count >= self.model.common_head_bucket and kin < self.decision.native_kin

    def threshold_for(self, a: NameKey, b: NameKey) -> float:
        """The decision threshold for two keys: ``cross_script_threshold`` when one of
        them was written in Latin letters, else ``threshold``."""
        if a.latin != b.latin:
            return self.model.cross_script_threshold
        return self.model.threshold

    def is_compound(self, key: NameKey) -> bool:
        """Whether *key* has a part often written joined to the next (عبد الله)."""
        return self._compound(key.tokens)

    def _compound(self, tokens: tuple[TokenKey, ...]) -> bool:
        """Whether a name has a token that is often written joined to the next (عبد, أبو)."""
        prefixes = self._prefixes
        return any(t.text in prefixes for t in tokens[:-1])

    def similarity(self, a: str, b: str) -> float:
        """Similarity in [0, 1] of two names (1.0 for identical keys)."""
        return self.key_similarity(name_key(a), name_key(b))

    def same_name(self, a: str, b: str) -> bool:
        """Whether *a* and *b* are spellings of the same name."""
        return self.same_key(name_key(a), name_key(b))

    def explain(self, a: str, b: str) -> NameMatch:
        """Why :meth:`same_name` decides as it does: the decision, the similarity and the
        threshold, and the rules that decided, in the order they ran (a matcher of the same
        tables with no caches runs them all). For reading, not for parsing: the wording of
        the reasons may change between versions.

        >>> why = Matcher().explain("صعدة", "سعيدة")
        >>> why.same, any("usage" in r for r in why.reasons)
        (False, True)
        """
        require_str(a, "a")
        require_str(b, "b")
        fresh = Matcher(self.model, self.decision, self._known)
        ka, kb = name_key(a), name_key(b)
        trace: list[str] = []
        fresh._trace = trace
        same = fresh.same_key(ka, kb)
        fresh._trace = None
        return NameMatch(
            a,
            b,
            same,
            fresh.key_similarity(ka, kb),
            self.threshold_for(ka, kb),
            tuple(dict.fromkeys(trace)),
        )

    def same_key(self, a: NameKey, b: NameKey) -> bool:
        """:meth:`same_name` on precomputed keys."""
        ta, tb = a.tokens, b.tokens
        if len(ta) == 1 and len(tb) == 1:  # the common case, without the general machinery
            x, y = ta[0], tb[0]
            if x.text == y.text and not (x.latin or y.latin):
                same = x.article == y.article or not self._article_apart(x, y)
                if same and self.surface_apart(x, y):
                    return False
                if self._trace is not None:
                    self._trace.append(
                        f"{x.text}: the same letters"
                        if same
                        else f"{x.text}: the article tells known names apart"
                    )
                return same
            m = self.model
            thr = m.cross_script_threshold if x.latin != y.latin else m.threshold
            got = self.listed_similarity(x, y)
            if got is not None:
                return got >= thr
            return self.word_similarity(x, y, thr) >= thr
        if (ta == tb or a.text == b.text) and not self._romanized_apart(ta, tb):
            if self._trace is not None:
                self._trace.append(f"{a.text}: the same letters")
            return bool(a.tokens)
        thr = self.threshold_for(a, b)
        return self._key_similarity(a, b, 1.0, thr) >= thr


@functools.cache
def default_matcher() -> Matcher:
    """The matcher with the shipped cost model (built once)."""
    return Matcher()


def explain(a: str, b: str) -> NameMatch:
    """Why :func:`same_name` decides as it does for *a* and *b*
    (:meth:`Matcher.explain` with the shipped tables).

    >>> print(explain("هاريس", "حارس"))  # doctest: +ELLIPSIS
    different names (similarity 0.00, threshold 0.14)
      - ...
      - هاريس / حارس: used among different words in Arabic Wikipedia (usage cosine below 0.2)
    """
    return default_matcher().explain(a, b)


def similarity(a: str, b: str) -> float:
    """How alike two names are, in [0, 1]; :func:`same_name` thresholds it.

    Tokens are compared one by one (the surname first); a name with fewer tokens scores at
    most 0.5 against a longer one unless it is the same letters split differently or the
    gazetteer lists both for one entity that way (:meth:`Matcher.listed`).

    >>> similarity("زيلينسكي", "زيلينسكي")
    1.0
    >>> similarity("زيلينسكي", "زيلنسكي") > similarity("زيلينسكي", "بوتين")
    True
    """
    require_str(a, "a")
    require_str(b, "b")
    return default_matcher().similarity(a, b)


def same_name(a: str, b: str) -> bool:
    """Whether two spellings are variants of the same name.

    Handles dropped or added vowel letters, letters for foreign sounds (g as ج غ ق),
    hamza seats, attached clitics, transpositions, truncation, Latin spellings and short
    forms of given names when the surnames agree. A bare surname is not the same name as
    a full name (use :class:`NameResolver` to resolve those within a corpus).

    >>> same_name("زيلينسكي", "زيلنسكي"), same_name("Zelensky", "زيلينسكي")
    (True, True)
    >>> same_name("فولوديمير زيلينسكي", "فلاديمير بوتين")
    False
    >>> same_name("مايك والتز", "مايكل والتز")
    True
    """
    require_str(a, "a")
    require_str(b, "b")
    return default_matcher().same_name(a, b)
