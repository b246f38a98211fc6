"""The learned decision on top of the trigger lexicon: is a candidate a real event of its type?

The lexicon (``triggers.tsv``) proposes candidates; this module turns each candidate and its
sentence into sparse binary features (the trigger's stem and clitics, its category and mode, the
modality the rules computed, words around it, negation, modality and speech cues, casualty counts,
named entities and argument roles around it, the context classes of ``data/context.tsv`` within
eight words (a crowd, a gathering verb, a place, a demand, a dispersal, a call), the sentence's
other candidates, position) and scores them with a logistic-regression model whose weights ship
as ``data/event_model.json``.

The score is the model's probability that the candidate is a correct event of its type with the
modality given (so an asserted ASSAULT scored 0.9 is very likely a reported attack). Inference is
pure Python: a sum of the weights of the features present, then a sigmoid. The training script is
``training/events/train_event_model.py``; it writes the weights, the feature version and the
default threshold chosen by cross-validation.

>>> m = event_model()
>>> 0.0 < m.threshold < 1.0
True
>>> round(m.probability(()), 3) == round(m.probability([]), 3)
True
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from arabnews._data import read_json, read_table
from arabnews.events.lexicon import Word, norm_word, stem_candidates

__all__ = [
    "FEATURE_VERSION",
    "EventModel",
    "candidate_features",
    "context_classes",
    "event_model",
    "expand_features",
    "group_of",
    "model_from_data",
    "role_base",
    "role_features",
    "sigmoid",
    "word_shape",
]

#: Bumped whenever :func:`candidate_features` changes; the weights file must carry the same value.
FEATURE_VERSION = 4

_WINDOW = 4  # context words each side used as lexical features
_SPEECH = frozenset({"قال", "قالت", "اضاف", "اضافت", "اكد", "اكدت", "اعلن", "اعلنت", "ذكر", "ذكرت"})
_PAST_AUX = frozenset({"كان", "كانت", "كانوا", "قد", "لقد", "سبق"})
_ZEROS = itertools.repeat(0.0)
_NEG = frozenset({"لا", "لم", "لن", "ليس", "ليست", "غير", "عدم", "دون", "بدون", "ما"})
#: The category groups that may have a model of their own (every other category is ``OTHER``).
_OWN_GROUPS = frozenset({"ASSAULT", "PROTEST"})
_CONTEXT_WINDOW = 8  # words each side searched for the context classes (data/context.tsv)


@attrs.frozen(slots=True)
class EventModel:
    """Logistic-regression weights over named binary features, and the default thresholds.

    ``thresholds`` holds the default of each category group (``ASSAULT``, ``PROTEST`` and
    ``OTHER`` for the other categories); ``threshold`` is the lowest. ``groups`` holds the model
    of a category group that was fitted with its own regularisation (its candidates are scored by
    it; every other candidate by this one's weights). ``calibration`` maps a category group to
    the slope and intercept of a logistic recalibration of its logit (Platt scaling, fitted on
    labelled text the weights never saw: ``training/events/calibrate.py``); a group without one
    is scored by its plain logit. Thresholds apply to the calibrated score.
    """

    weights: dict[str, float]
    bias: float
    threshold: float
    version: int
    thresholds: dict[str, float] = attrs.field(factory=dict)
    groups: dict[str, EventModel] = attrs.field(factory=dict)
    calibration: dict[str, tuple[float, float]] = attrs.field(factory=dict)
    _bounds: dict[str, float] = attrs.field(factory=dict, init=False, repr=False, eq=False)
    _combined: dict[str, dict[str, float]] = attrs.field(
        factory=dict, init=False, repr=False, eq=False
    )

    def threshold_for(self, category: str) -> float:
        """The default threshold of *category*."""
        key = category if category in self.thresholds else "OTHER"
        return self.thresholds.get(key, self.threshold)

    def model_for(self, category: str) -> EventModel:
        """The model that scores a *category* candidate: its group's own, else this one."""
        return self.groups.get(group_of(category), self)

    def score(self, category: str, logit: float) -> float:
        """The score of a *category* candidate whose logit is *logit*: the logistic function
        of it, recalibrated when its group has a :attr:`calibration`."""
        slope, intercept = self.calibration.get(group_of(category), (1.0, 0.0))
        return sigmoid(slope * logit + intercept)

    def logit(self, features: Iterable[str], category: str | None = None) -> float:
        """The bias plus the weights of the (distinct) *features*, by the model of *category*'s
        group when it is given (:meth:`model_for`)."""
        m = self if category is None else self.model_for(category)
        return m.bias + sum(map(m.weights.get, set(features), _ZEROS))

    def category_weights(self, category: str) -> dict[str, float]:
        """Weight of each unprefixed feature for a *category* candidate: its plain weight plus
        its ``category|`` weight (built once per category), in the model of its group."""
        return self.model_for(category)._category_weights(category)

    def _category_weights(self, category: str) -> dict[str, float]:
        table = self._combined.get(category)
        if table is None:
            table = {}
            for key, value in self.weights.items():
                cat, bar, name = key.partition("|")
                if not bar:
                    table[key] = table.get(key, 0.0) + value
                elif cat == category:
                    table[name] = table.get(name, 0.0) + value
            self._combined[category] = table
        return table

    def base_logit(self, category: str, base: Iterable[str]) -> float:
        """:meth:`logit` of ``expand_features(category, base)`` without building that list: the
        bias, the category's bias weight and the combined weights of the distinct base features
        (equal up to the order of the float additions)."""
        m = self.model_for(category)
        table = m._category_weights(category)
        bias = m.bias + m.weights.get("bias_" + category, 0.0)
        return bias + sum(map(table.get, set(base), _ZEROS))

    def probability(self, features: Iterable[str], category: str | None = None) -> float:
        """Probability that a candidate with *features* is a correct event (0..1); calibrated
        (:meth:`score`) when *category* is given."""
        z = self.logit(features, category)
        return sigmoid(z) if category is None else self.score(category, z)

    def role_bound(self, category: str) -> float:
        """The most that the argument-role features (:func:`role_features`) can add to the
        logit of a *category* candidate: with it, a candidate whose score cannot reach the
        threshold is left out before its (costly) arguments are looked for."""
        cached = self._bounds.get(category)
        if cached is not None:
            return cached
        w = self.model_for(category).weights
        total = 0.0
        for name in _ROLES:
            total += max(
                w.get(f"{name}={v}", 0.0) + w.get(f"{category}|{name}={v}", 0.0)
                for v in (True, False)
            )
        self._bounds[category] = total
        return total


def group_of(category: str) -> str:
    """The category group of *category*: ``ASSAULT``, ``PROTEST`` or ``OTHER``."""
    return category if category in _OWN_GROUPS else "OTHER"


def sigmoid(z: float) -> float:
    """The logistic function, without overflow."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


_ROLES = ("actor", "recipient", "location")


def role_features(category: str, roles: tuple[bool, bool, bool]) -> list[str]:
    """Features saying whether an actor, a recipient and a location were found."""
    out = []
    for name, value in zip(_ROLES, roles, strict=True):
        out.append(f"{name}={value}")
        out.append(f"{category}|{name}={value}")
    return out


@functools.cache
def event_model() -> EventModel:
    """The shipped model (``data/event_model.json``), loaded once."""
    return model_from_data(read_json("arabnews.events", "event_model.json"))


def model_from_data(data: dict[str, Any]) -> EventModel:
    """An :class:`EventModel` from the weights file's content (as written by
    ``training/events/train_event_model.py``); ``ValueError`` on another feature version."""
    if data.get("feature_version") != FEATURE_VERSION:
        raise ValueError(
            "event_model.json was trained for feature version "
            f"{data.get('feature_version')!r}, the code computes version {FEATURE_VERSION}"
        )
    thresholds = {str(k): float(v) for k, v in data.get("thresholds", {}).items()}
    groups = {
        str(g): EventModel(
            {str(k): float(v) for k, v in sub["weights"].items()},
            float(sub["bias"]),
            float(data["threshold"]),
            FEATURE_VERSION,
        )
        for g, sub in data.get("groups", {}).items()
        if g in _OWN_GROUPS
    }
    calibration = {
        str(g): (float(c["slope"]), float(c["intercept"]))
        for g, c in data.get("calibration", {}).items()
    }
    if any(slope <= 0.0 for slope, _ in calibration.values()):
        # a threshold test before the arguments are looked for needs an increasing score
        raise ValueError("event_model.json: a calibration slope must be positive")
    return EventModel(
        {str(k): float(v) for k, v in data["weights"].items()},
        float(data["bias"]),
        float(data["threshold"]),
        FEATURE_VERSION,
        thresholds,
        groups,
        calibration,
    )


@functools.cache
def context_classes() -> dict[str, tuple[str, ...]]:
    """Stem -> the context classes it belongs to (``data/context.tsv``)."""
    table: dict[str, list[str]] = {}
    for row in read_table("arabnews.events", "context.tsv", required=("class", "words")):
        name, words = row["class"], row["words"]
        for w in words.split("|"):
            stem = _stem(norm_word(w))
            if name not in table.setdefault(stem, []):
                table[stem].append(name)
    return {k: tuple(v) for k, v in table.items()}


def _stem(norm: str) -> str:
    """The most stripped clitic reading of a normalised word (``وبالهجوم`` -> ``هجوم``)."""
    return stem_candidates(norm)[-1][0]


def sentence_stems(ws: Sequence[Word]) -> list[str]:
    """The stem (:func:`_stem`) of each word of a sentence, in order: computed once for all of
    the sentence's candidates (:func:`candidate_features`)."""
    return [stem_candidates(w.norm)[-1][0] for w in ws]


# Word shapes of a trigger (after its proclitics): a finite verb heads a clause's predicate, a
# verbal or mim- noun names the event inside a phrase (في هجوم، مقتل). Checked in order; the first
# whose test holds names the shape. Letters only: normalised text has no vowels to go by.
_SHAPES: tuple[tuple[str, Callable[[str, str], bool], str], ...] = (
    ("definite", lambda s, p: "ال" in p or p.endswith("لل") or s.startswith("ال"), "الهجوم"),
    ("mim_noun", lambda s, p: s.startswith("م") and len(s) >= 4, "مقتل، مصرع"),
    ("plural_noun", lambda s, p: s.endswith("ات") and len(s) >= 5, "هجمات، اشتباكات"),
    ("fem_noun", lambda s, p: s.endswith(("ة", "ه")) and len(s) >= 4, "غارة، ضربة"),
    # افتعال، انفعال، استفعال، تفعيل، فعول: a long vowel before the last letter
    (
        "verbal_noun",
        lambda s, p: (
            (len(s) >= 5 and s[-2] in "اي" and s[0] in "ات") or (len(s) == 4 and s[2] == "و")
        ),
        "اقتحام، تفجير، هجوم",
    ),
    ("imperfect", lambda s, p: len(s) >= 4 and s[0] in "يتن", "يقتل، تستهدف"),
    ("perfect_suffixed", lambda s, p: len(s) >= 4 and s.endswith(("وا", "ت", "تا", "ا")), "قتلوا"),
    ("perfect_derived", lambda s, p: len(s) >= 5 and s[0] == "ا", "اختطف، انفجر"),
)


def word_shape(norm: str, prefix: str) -> str:
    """The shape of normalised trigger word *norm* whose proclitics *prefix* were stripped
    (``_SHAPES``); ``bare`` for a short unmarked word (قتل، قصف: a verb or its noun)."""
    stem = norm[len(prefix) :] if prefix and norm.startswith(prefix) else norm
    for name, test, _example in _SHAPES:
        if test(stem, prefix):
            return name
    return "bare"


def _bucket(n: int, edges: Sequence[int]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def candidate_features(
    ws: Sequence[Word],
    first: int,
    last: int,
    *,
    category: str,
    mode: str | None,
    prefix: str,
    strong: bool,
    modality: str,
    back_reference: bool,
    evidence: bool,
    casualties: bool,
    toll: bool,
    has_time: bool,
    roles: tuple[bool, bool, bool] | None,
    entity_next: bool,
    entity_prev: bool,
    in_quote: bool,
    blocked: str | None,
    unsupported: bool,
    other_categories: Iterable[str],
    same_category_others: int,
    beside_strong: bool = False,
    expand: bool = True,
    stems: Sequence[str] | None = None,
) -> list[str]:
    """Binary features of one candidate (words ``first..last`` of the sentence *ws*).

    Each feature is emitted twice, plain and prefixed by the category, so that what holds for
    every category is learnt from all of them and what is particular to one category from it.
    *roles* (actor, recipient, location found) may be ``None``: the role features are then left
    out, to be added with :func:`role_features` once the arguments are known. *stems* are the
    sentence's :func:`sentence_stems` where the caller has them (one list for all of its
    candidates).
    """
    if stems is None:
        stems = sentence_stems(ws)
    lo8 = max(0, first - 8)
    before = {ws[k].norm for k in range(lo8, first)}
    speech = bool({stems[k] for k in range(lo8, first)} & _SPEECH)
    head = ws[first].norm
    base = [f"stem={stems[first]}"]
    if last > first:
        base.append(f"phrase={' '.join(stems[k] for k in range(first, last + 1))}")
    # (one list display: the same features in the same order as one append each, faster)
    base += [
        f"mode={mode}",
        f"modality={modality}",
        f"strong={strong}",
        f"definite={'ال' in prefix or head.startswith('ال')}",
        f"prep={next((c for c in prefix if c in 'بلك'), '-')}",
        f"conj={prefix[:1] in ('و', 'ف')}",
        f"end={head[-1:]}",
        f"end2={head[-2:]}",
        f"start={head[:1]}",
        f"backref={back_reference}",
        f"backref_evidence={back_reference and evidence}",
        f"evidence={evidence}",
        f"casualties={casualties}",
        f"toll={toll}",
        f"time={has_time}",
        f"entity_next={entity_next}",
        f"entity_prev={entity_prev}",
        f"in_quote={in_quote}",
        f"blocked={blocked}",
        f"blocked={blocked}&casualties={casualties}",
        f"modality={modality}&speech={speech}",
        f"unsupported={unsupported}",
        f"pos={_bucket(first, (0, 1, 3, 6, 12, 25))}",
        f"len={_bucket(len(ws), (6, 12, 20, 35, 60))}",
        f"same_others={min(same_category_others, 2)}",
    ]
    if category == "ASSAULT":  # the head-of-predicate choice (extractor._KEEP_WEAK)
        shape = word_shape(head, prefix)
        base.append(f"shape={shape}")
        base.append(f"beside_strong={beside_strong}")
        base.append(f"beside_strong={beside_strong}&shape={shape}")
    for c in sorted(set(other_categories)):
        base.append(f"other={c}")
    n = len(ws)
    lo, hi = max(0, first - _WINDOW), min(n, last + 1 + _WINDOW)
    for k in range(lo, first):
        s = stems[k]
        base.append(f"left={s}")
        if k == first - 1:
            base.append(f"left1={s}")
    for k in range(last + 1, hi):
        s = stems[k]
        base.append(f"right={s}")
        if k == last + 1:
            base.append(f"right1={s}")
    get = context_classes().get
    near: set[str] = set()
    for k in (
        *range(max(0, first - _CONTEXT_WINDOW), first),
        *range(last + 1, min(n, last + 1 + _CONTEXT_WINDOW)),
    ):
        found = get(stems[k])
        if found:
            near.update(found)
    for c in sorted(near):
        base.append(f"ctx={c}")
    base.append(f"ctx_n={min(len(near), 3)}")
    base.append(f"neg_before={bool(before & _NEG)}")
    base.append(f"past_aux_before={bool(before & _PAST_AUX)}")
    base.append(f"speech_before={speech}")
    if not expand:
        return base
    out = expand_features(category, base)
    if roles is not None:
        out.extend(role_features(category, roles))
    return out


def expand_features(category: str, base: Iterable[str]) -> list[str]:
    """The category's bias feature, then each base feature plain and prefixed by the category
    (the list :func:`candidate_features` returns, without the role features)."""
    out = ["bias_" + category]
    pre = category + "|"
    for f in base:
        out.append(f)
        out.append(pre + f)
    return out


def role_base(roles: tuple[bool, bool, bool]) -> list[str]:
    """The unprefixed role features (see :meth:`EventModel.base_logit`)."""
    return [f"{name}={value}" for name, value in zip(_ROLES, roles, strict=True)]
