"""PLOVER categories, modes, modalities and quantity kinds, and the value types of this stage.

The ontology follows PLOVER (Political Language Ontology for Verifiable Event Records): 16
categories, each with its own modes. ``validate_type`` and ``validate_mode`` are used by the
lexicon loader, so a typo in a data file fails at load time instead of producing odd events.

>>> validate_mode("ASSAULT", "drone")
'drone'
>>> sorted(PLOVER_MODES["CONSULT"])
['multilateral', 'phone', 'third-party', 'visit']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from arabnews._checks import check_threshold
from arabnews.spans import Mention, Span

__all__ = [
    "MODALITIES",
    "PLOVER_CATEGORIES",
    "PLOVER_MODES",
    "QUANTITY_KINDS",
    "Event",
    "Quantity",
    "Quote",
    "TimeExpression",
    "check_event_threshold",
    "validate_mode",
    "validate_type",
]

PLOVER_MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset({"military", "economic", "humanitarian", "asylum"}),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset(
        {
            "seize",
            "restrict",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        }
    ),
    "ASSAULT": frozenset(
        {
            "abduct",
            "beat",
            "torture",
            "sexual",
            "targeted",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "unconventional",
        }
    ),
}
PLOVER_CATEGORIES: tuple[str, ...] = tuple(PLOVER_MODES)
MODALITIES = frozenset({"asserted", "future", "hypothetical", "negated", "denied"})
QUANTITY_KINDS = frozenset(
    {
        "killed",
        "injured",
        "duration_hours",
        "duration_days",
        "duration_weeks",
        "duration_months",
        "duration_years",
        "money_usd",
        "drones",
        "missiles",
        "prisoners",
        "bodies",
        "troops",
        "intercepted",
        "displaced",
        "other",
    }
)


def validate_type(value: str) -> str:
    """Return *value* if it is a PLOVER category, else raise ``ValueError``."""
    if value not in PLOVER_MODES:
        raise ValueError(f"unknown PLOVER category {value!r}")
    return value


def check_event_threshold(
    value: float | Mapping[str, float] | None, name: str
) -> float | Mapping[str, float] | None:
    """An event score threshold: ``None``, a number in 0..1, or a mapping from PLOVER
    categories to such numbers (returned as a new dict: later changes to the caller's mapping
    do not reach it, and it pickles, for worker processes).

    Raises ``TypeError`` for another type (a bool is not a number; a mapping's keys must be
    strings) and ``ValueError`` for a number outside 0..1 or a key that is no PLOVER category.
    """
    if not isinstance(value, Mapping):
        return check_threshold(value, name)
    out: dict[str, float] = {}
    for key, cut in value.items():
        if not isinstance(key, str):
            raise TypeError(f"{name}: keys must be PLOVER category names, not {key!r}")
        if key not in PLOVER_MODES:
            raise ValueError(f"{name}: unknown PLOVER category {key!r}")
        checked = None if cut is None else check_threshold(cut, f"{name}[{key!r}]")
        if checked is None:
            raise TypeError(f"{name}[{key!r}] must be a number, not None")
        out[key] = checked
    return out


def validate_mode(category: str, mode: str | None) -> str | None:
    """Return *mode* if it is ``None`` or a valid mode of *category*, else raise ``ValueError``."""
    validate_type(category)
    if mode is not None and mode not in PLOVER_MODES[category]:
        raise ValueError(f"mode {mode!r} is not a PLOVER mode of {category}")
    return mode


def _check_type(_inst: Any, _attr: Any, value: str) -> None:
    validate_type(value)


def _check_mode(inst: Any, _attr: Any, value: str | None) -> None:
    validate_mode(inst.type, value)


def _check_modality(_inst: Any, _attr: Any, value: str) -> None:
    if value not in MODALITIES:
        raise ValueError(f"modality must be one of {sorted(MODALITIES)}, got {value!r}")


def _check_score(_inst: Any, _attr: Any, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"score must be between 0 and 1, got {value!r}")


def _check_kind(_inst: Any, _attr: Any, value: str) -> None:
    if value not in QUANTITY_KINDS:
        raise ValueError(f"quantity kind must be one of {sorted(QUANTITY_KINDS)}, got {value!r}")


@attrs.frozen(slots=True)
class TimeExpression:
    """A time expression: its original span, its text and, when resolvable, an ISO value.

    ``value`` is an ISO date (``2025-03-14``), an ISO range (``2025-03-10/2025-03-16``; a
    period after ``منذ`` runs to the publication date) or ``None`` when the expression could not
    be resolved (no publication date, or a vague phrase).
    """

    start: int
    end: int
    text: str
    value: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@attrs.frozen(slots=True)
class Quantity:
    """A counted quantity tied to an event (``مقتل شخصين`` -> kind ``killed``, value 2).

    ``part_of`` is the span of the count this one is a part of (``قتل عشرة أشخاص بينهم ثلاثة
    أطفال``: three of the ten, so part of ``عشرة أشخاص``): a total adds the quantities whose
    ``part_of`` is None.
    """

    start: int
    end: int
    text: str
    kind: str = attrs.field(validator=_check_kind)
    value: float
    part_of: Span | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@attrs.frozen(slots=True)
class Event:
    """One PLOVER event mention.

    ``actor``, ``recipient`` and ``location`` are tuples of :class:`~arabnews.spans.Mention` (with
    ``canonical`` filled from the entity or the actor-noun table). ``future_of`` names the planned
    event for AGREE events that announce a future meeting or call (``"CONSULT/phone"``);
    ``denied_by`` is the party denying a ``"denied"`` event; ``modality_cue`` is the word that set
    a non-asserted modality. ``score`` is the probability, from the learned event model, that the
    mention is a correct event of its type with this modality (threshold it for more precision).
    ``refers_to`` is the trigger of another mention of the same real event that this one restates
    (a back-reference, الهجوم، to an attack an earlier sentence reported; a killing verb beside
    the attack word of its clause): count events over mentions whose ``refers_to`` is None.
    """

    type: str = attrs.field(validator=_check_type)
    mode: str | None = attrs.field(validator=_check_mode)
    trigger: Mention
    actor: tuple[Mention, ...]
    recipient: tuple[Mention, ...]
    location: tuple[Mention, ...]
    time: TimeExpression | None
    quantities: tuple[Quantity, ...]
    modality: str = attrs.field(validator=_check_modality)
    sentence: Span
    future_of: str | None = None
    denied_by: Mention | None = None
    modality_cue: Mention | None = None
    score: float = attrs.field(default=1.0, converter=float, validator=_check_score)
    refers_to: Mention | None = None


@attrs.frozen(slots=True)
class Quote:
    """Reported speech: who (``speaker``) said what (``content``), introduced by ``cue``.

    ``direct`` is true only when the content is inside quotation marks (the marks are excluded);
    ``partial`` marks indirect speech that contains quoted fragments. ``speaker_text`` holds the
    wording of the speaker when it is not a named entity (``مصدر مطلع``, ``السلطات الأوكرانية``).
    ``via`` is the outlet that relayed the statement (``نقلت وكالة رويترز عن مسؤول``, ``قال
    لصحيفة الأخبار``), never the speaker. ``score`` (0..1) ranks how sure the finder is of the
    quote (cue, content and speaker together); threshold it for precision.
    """

    speaker: Mention | None
    cue: Mention
    content: Span
    direct: bool
    speaker_text: str | None = None
    partial: bool = False
    via: Mention | None = None
    score: float = attrs.field(
        default=1.0,
        converter=float,
        validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)],
    )
