"""``arabnews.recognize``: named entities of raw news text, in original offsets.

The steps, each owned by its stage:

1. :func:`arabnews.clean` normalises the text and drops boilerplate (keeping an alignment);
2. :func:`arabnews.split_sentences` splits the cleaned text;
3. the default recognizer (the shipped Stanza model, then the gazetteer filling its gaps)
   tags the cleaned text sentence by sentence;
4. attached proclitics are trimmed (:mod:`arabnews.ner.clitics`), using the gazetteer and the
   other mentions of the same text as evidence of what a name is, and titles, nationality
   adjectives and classifier nouns are cut from the edges (:mod:`arabnews.ner.edges`);
5. spans are mapped back to the original text once, through the cleaner's alignment, and
   anything touching removed boilerplate is dropped;
6. ``canonical`` and ``entity_id`` are filled: the gazetteer's id and canonical spelling when
   the name is listed, otherwise the :class:`arabnews.names.NameResolver` cluster.
"""

from __future__ import annotations

import bisect
import functools
import threading
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from arabnews._checks import check_threshold, require_str
from arabnews.ner.base import Recognizer, call_recognizer, name_key, takes_tokens
from arabnews.ner.clitics import trim_entity
from arabnews.ner.edges import trim_edges
from arabnews.spans import Entity, Span

__all__ = [
    "default_recognizer",
    "listed_score",
    "recognize",
    "refine_entities",
    "resolve_entities",
    "trim_clitics",
    "trim_titles",
]

_LOCK = threading.Lock()


@functools.cache
def _default_gazetteer() -> Any:
    from arabnews.ner.gazetteer import GazetteerRecognizer

    return GazetteerRecognizer()


def default_recognizer() -> Recognizer:
    """The recognizer :func:`recognize` uses: shipped model first, gazetteer second.

    Built on first use and shared (the model loads once per process).
    """
    with _LOCK:
        return _default_recognizer()


@functools.cache
def _default_recognizer() -> Recognizer:
    from arabnews.ner.combine import CombinedRecognizer
    from arabnews.ner.stanza_backend import StanzaRecognizer

    return CombinedRecognizer(StanzaRecognizer(), _default_gazetteer())


def _evidence(entities: Sequence[Entity], gazetteer: Any | None) -> Any:
    """A factory of ``is_known`` functions for one entity: gazetteer or other mentions."""
    mentions: set[str] = set()
    for ent in entities:
        key = name_key(ent.text)
        mentions.add(key)
        mentions.add(key.split(" ", 1)[0] if key else "")
    knows = getattr(gazetteer, "knows", None)

    def for_entity(ent: Entity) -> Any:
        own_key = name_key(ent.text)
        own_word = own_key.split(" ", 1)[0] if own_key else ""

        def is_known(key: str) -> bool:
            if knows is not None and knows(key):
                return True
            # another mention, not this one, must supply the evidence
            return key not in (own_key, own_word) and key in mentions

        return is_known

    return for_entity


def trim_clitics(
    entities: Sequence[Entity], *, gazetteer: Any | None = None, text: str | None = None
) -> tuple[Entity, ...]:
    """Trim leading proclitics from every entity (offsets stay in the same text).

    Evidence that a remainder is a name: the gazetteer (anything with ``knows(key)``), or
    another mention in *entities* whose first word is that remainder ("وباخموت" is trimmed
    when "باخموت" is tagged elsewhere in the text). With *text*, an entity that begins with
    the ل left of ل+ال written لل ("للبحر الأحمر" spanned "لبحر الأحمر", the convention)
    keeps it.
    """
    evidence = _evidence(entities, gazetteer)
    prefer_whole = _closer_whole(gazetteer)
    return tuple(
        ent
        if text is not None and _after_lam(text, ent)
        else trim_entity(ent, is_known=evidence(ent), prefer_whole=prefer_whole)
        for ent in entities
    )


def _after_lam(text: str, ent: Entity) -> bool:
    """Whether *ent* begins with the second ل of a word's ل+ال written لل."""
    return ent.text.startswith("ل") and ent.start > 0 and text[ent.start - 1] == "ل"


def _closer_whole(gazetteer: Any | None) -> Any:
    """``prefer_whole(word, rest)``: True when a listed name (found by the gazetteer's
    variant-tolerant look-up) is closer to the whole word than to the word without its
    clitic, so a misspelt "ويكتوف" (listed: "ويتكوف") keeps its و."""
    lookup = getattr(getattr(gazetteer, "source", None), "lookup", None)
    if not callable(lookup):
        return None
    try:
        from arabnews.names import similarity
    except ImportError:  # pragma: no cover - names package incomplete
        return None

    def prefer_whole(word: str, rest: str) -> bool:
        entry = lookup(word) or lookup(rest)
        if entry is None:
            return False
        spellings = [entry.canonical, *entry.variants]
        whole = max(similarity(word, s) for s in spellings)
        return whole > max(similarity(rest, s) for s in spellings) + 1e-9

    return prefer_whole


def trim_titles(entities: Sequence[Entity], *, gazetteer: Any | None = None) -> tuple[Entity, ...]:
    """Cut titles, nationality adjectives and classifier nouns from entity edges
    (:func:`arabnews.ner.edges.trim_edges`); entities that are only such words are dropped."""
    evidence = _evidence(entities, gazetteer)
    knows = getattr(gazetteer, "knows", None)
    out = []
    for ent in entities:
        trimmed = trim_edges(ent, is_known=evidence(ent))
        if (
            trimmed is not None
            and trimmed.end < ent.end
            and callable(knows)
            and knows(name_key(ent.text[trimmed.start - ent.start :]))
        ):
            # listed with its last word: محمد شياع السوداني keeps its nisba surname (a title
            # or classifier in front still goes: حركة حماس -> حماس, the convention)
            trimmed = attrs.evolve(trimmed, end=ent.end, text=ent.text[trimmed.start - ent.start :])
        if trimmed is not None:
            out.append(trimmed)
    return tuple(out)


def resolve_entities(
    entities: Sequence[Entity],
    *,
    gazetteer: Any | None = None,
    resolver: Any | None = None,
) -> tuple[Entity, ...]:
    """Fill ``canonical``, ``entity_id`` and ``score``: gazetteer entry if listed, else
    resolver cluster.

    *resolver* is an :class:`arabnews.names.NameResolver` (a fresh one per call by default;
    pass a corpus-level one to share clusters across texts). Entities that already carry an
    ``entity_id`` keep it. A ``PER`` entity never takes the id of a ``LOC``/``ORG`` entity
    nor the reverse. ``score`` says how sure the link is (1.0 for an exact spelling, else the
    calibrated name similarity; the lower of that and a recognizer's score). A listed name
    scores at least what such names measured (:func:`listed_score`): the gazetteer's own
    finds, which carry no recognizer score, and names the recognizer tagged in a listed
    spelling.
    """
    if resolver is None:
        from arabnews.names import NameResolver

        resolver = NameResolver()
    # every name goes into the resolver before any is linked, so that a corpus-level one
    # knows them all and every mention of a text links alike: a bare surname in a headline
    # joins the full name of the body as its later mentions do
    clusters = [resolver.add(found.text, found.label) for found in entities]
    source = getattr(gazetteer, "source", gazetteer)
    out = []
    for found, added in zip(entities, clusters, strict=True):
        ent, cluster = found, added
        if ent.score is None and ent.entity_id is not None and _listed(source, ent.entity_id):
            # a listed name the gazetteer found where the model found none: as sure as such
            # names measured right (listed_score)
            ent = attrs.evolve(ent, score=listed_score(ent.text))
        if ent.entity_id is None and gazetteer is not None:
            entry = gazetteer.lookup(ent.text)
            if entry is not None and entry.label == ent.label:
                score = _gazetteer_link_score(gazetteer, ent.text, entry.id)
                ent = attrs.evolve(
                    ent,
                    canonical=entry.canonical,
                    entity_id=entry.id,
                    score=_link_score(ent.score, score),
                )
        if ent.entity_id is None and cluster:  # "" = a name the resolver cannot key ("Al")
            link = getattr(resolver, "link", None)
            if callable(link):  # label-aware, with how sure the link is
                cluster, canonical, score = link(ent.text, ent.label)
                ent = attrs.evolve(
                    ent, canonical=canonical, entity_id=cluster, score=_link_score(ent.score, score)
                )
            else:
                ent = attrs.evolve(ent, canonical=resolver.canonical(ent.text), entity_id=cluster)
        if (
            found.score is not None
            and ent.score is not None
            and ent.entity_id is not None
            and _exactly_listed(source, ent.text, ent.entity_id)
        ):
            # the model and the gazetteer agree on a name the model was unsure of: as sure as
            # such names measured right (listed_score, tagged=True)
            floor = listed_score(ent.text, tagged=True)
            if ent.score < floor:
                ent = attrs.evolve(ent, score=floor)
        out.append(ent)
    return tuple(out)


def _listed(source: Any, ident: str) -> bool:
    """Whether *ident* is an entry of the gazetteer *source* (any container of ids)."""
    try:
        return ident in source
    except TypeError:  # no gazetteer, or one that cannot say
        return False


def _exactly_listed(source: Any, text: str, ident: str) -> bool:
    """Whether *text* is one of the spellings the gazetteer *source* lists for *ident*."""
    match = getattr(source, "match", None)
    if not callable(match):
        return False
    found = match(text)
    return found is not None and found[0].id == ident and found[1] >= 1.0


@functools.cache
def _listed_scores() -> dict[tuple[bool, bool], float]:
    from arabnews._data import read_json

    data = read_json("arabnews.ner", "listed_scores.json")
    return {
        (tagged, one): float(data[part][words]["score"])
        for tagged, part in ((False, "untagged"), (True, "tagged"))
        for one, words in ((True, "one_word"), (False, "several_words"))
    }


def listed_score(text: str, *, tagged: bool = False) -> float:
    """How sure a listed name is, measured on the labelled news sentences of
    ``benchmarks/data`` (``ner/data/listed_scores.json``, by ``training/ner/listed_scores.py``)
    for a one-word name and a longer one apart:

    * ``tagged=False``: the ``Entity.score`` of a name the gazetteer recognised where the model
      tagged nothing, the share of such names found right (exact span and label);
    * ``tagged=True``: the least score of a name the model tagged and the gazetteer lists in
      exactly that spelling, the share found right of those the model scored under 0.9 (the
      tagger under-rates them: those it scored under 0.5 were right four times in five).

    >>> 0.5 < listed_score("الأمم المتحدة") <= listed_score("حماس") < 1.0
    True
    """
    return _listed_scores()[(tagged, len(text.split()) == 1)]


def _gazetteer_link_score(gazetteer: Any, text: str, ident: str) -> float | None:
    """How sure the gazetteer link of *text* to entry *ident* is (None when unknown)."""
    match = getattr(getattr(gazetteer, "source", None), "match", None)
    if not callable(match):
        return None
    found = match(text)
    return float(found[1]) if found is not None and found[0].id == ident else 1.0


def _link_score(score: float | None, link: float | None) -> float | None:
    """``Entity.score`` after linking: the link's score, or the lower of the two when the
    recognizer set one (an entity is as sure as its weakest step)."""
    if link is None:
        return score
    return link if score is None else min(score, link)


def _place_test(gazetteer: Any | None) -> Callable[[str], bool] | None:
    """Whether a word is a place the gazetteer lists (``None`` without a gazetteer)."""
    lookup = getattr(gazetteer, "lookup", None)
    if not callable(lookup):
        return None

    def is_place(word: str) -> bool:
        entry = lookup(word)
        return entry is not None and getattr(entry, "label", None) == "LOC"

    return is_place


def refine_entities(
    entities: Sequence[Entity], *, gazetteer: Any | None = None, text: str | None = None
) -> tuple[Entity, ...]:
    """The clean-up :func:`recognize` applies to a recognizer's raw entities (same text):

    1. with *text*: formulas taken out ("حفظه الله", "الحمد لله";
       :func:`arabnews.ner.nonnames.drop_formulas`), and pieces of number expressions
       ("1دو59ث") dropped, entities ended before a web address they ran into
       (:func:`arabnews.ner.nonnames.cut_urls`), and a listed name written with a filler
       inside ("حم.اس", as posts hide names) tagged (:mod:`arabnews.ner.obfuscated`); a
       hashtag kept only as a listed name, without its ``#`` ("#لبنان";
       :func:`~arabnews.ner.obfuscated.hashtag_names`);
    2. proclitics trimmed (:func:`trim_clitics`), then titles, nationality adjectives and
       classifier nouns cut from the edges (:func:`trim_titles`);
    3. closed-class words cut from the edges, entities made only of them dropped ("كيف",
       "له"; :func:`arabnews.ner.nonnames.drop_function_words`), unless the gazetteer lists
       the entity whole ("آي أو إس"), and person entities that are plurals of common nouns
       ("دبلوماسيون"; :func:`arabnews.ner.nonnames.drop_plural_nouns`);
    4. with *text*: a place that is a nationality adjective in the accusative after an indefinite
       noun dropped ("هجوما روسيا"; :func:`arabnews.ner.nonnames.drop_accusative_adjectives`), an
       organisation cut before the object of its verb that the tagger ran it on into ("وزارة
       الصحة المواطنين"; :func:`arabnews.ner.nonnames.cut_verb_objects`), a
       person after a place classifier made a place ("مخيم نور شمس"), an entity cut at a verb in the
       future that the tagger ran it on into ("ترامب سيستقبل مودي"), a person entity holding "و" +
       another name split in two ("ترامب وهايلي"), a person name split in two by the tagger joined
       again, a name the tagger stopped short of extended by the word that ends it ("كوريا
       الشمالية", "إليزابيث الثانية"), a name's last word that begins a title of two words with the
       word after it cut ("أمين عام"), and a person's last word that is ب glued to a definite noun
       or a listed place ("يحيى السنوار بالوفد"), organisations named by a head noun ("وزارة
       الخارجية الصينية") or by a person after one ("إدارة بايدن"), and a place after a treaty head
       noun made one ``MISC`` name with it ("اتفاقية روما"; :mod:`arabnews.ner.nonnames`); then
       names in quotes after a work or team noun ("فيلم « آرغو »"), a quoted name spoken to after لـ
       as an outlet ("وأضاف لـ«الشرق الأوسط»") and a listed outlet's name alone in quotes as that
       outlet ("وعلمت «النهار»"; ``outlets.tsv``), facilities and events spanned with their head
       noun ("مطار نيروبي") and a product's number ("بوينغ 737"; :mod:`arabnews.ner.heads`); last,
       the tagger's guesses on text in Latin letters dropped
       (:func:`arabnews.ner.nonnames.drop_latin_guesses`).

    *text* is the text the entities index; without it steps 1 and 4 are skipped.
    """
    from arabnews.ner import heads, nonnames, obfuscated

    found = tuple(entities)
    if text is not None:
        found = nonnames.drop_number_fragments(nonnames.drop_formulas(found, text), text)
        found = nonnames.cut_urls(found, text)
        listed = obfuscated.gazetteer_lookup(gazetteer)
        found = obfuscated.hashtag_names(
            obfuscated.obfuscated_names(found, text, listed), text, listed
        )
    found = trim_titles(trim_clitics(found, gazetteer=gazetteer, text=text), gazetteer=gazetteer)
    knows = getattr(gazetteer, "knows", None)
    found = nonnames.drop_plural_nouns(nonnames.drop_function_words(found, is_known=knows))
    if text is not None:
        found = nonnames.drop_accusative_adjectives(found, text)
        found = nonnames.drop_glued_adjectives(found, text, is_known=knows)
        found = nonnames.cut_verb_objects(found, is_known=knows)
        found = nonnames.facility_names(
            nonnames.places_after_classifiers(found, text), text, is_known=knows
        )
        found = nonnames.split_coordinated_names(
            nonnames.split_at_future_verbs(found), text, is_known=knows
        )
        found = nonnames.cut_prepositional_tails(
            nonnames.cut_titles_across_the_end(found, text), is_place=_place_test(gazetteer)
        )
        found = nonnames.join_split_names(
            nonnames.cut_after_listed_names(found, is_known=knows), text, is_known=knows
        )
        found = nonnames.extend_name_suffixes(found, text)
        found = nonnames.person_bodies(nonnames.org_head_names(found, text), text)
        found = nonnames.treaty_names(found, text, is_known=knows)
        found = heads.relayed_outlets(heads.quoted_names(found, text), text)
        found = heads.quoted_outlets(found, text)
        found = heads.speaker_names(found, text)
        found = heads.numbered_names(heads.head_names(found, text), text)
        found = nonnames.drop_latin_guesses(found, text)
    return found


def keep_scored(entities: Sequence[Entity], min_score: float | None) -> tuple[Entity, ...]:
    """The entities whose recognition ``score`` reaches *min_score*; an entity without a score
    (the gazetteer's, a rule's) is kept, and ``None`` keeps everything."""
    if not min_score:
        return tuple(entities)
    return tuple(e for e in entities if e.score is None or e.score >= min_score)


def recognize(
    text: str,
    *,
    recognizer: Recognizer | None = None,
    resolver: Any | None = None,
    min_score: float | None = None,
) -> tuple[Entity, ...]:
    """Named entities of *text*, in original offsets, resolved to canonical names.

    Args:
        text: raw news text (any Unicode; boilerplate is removed by the cleaner first).
        recognizer: what tags the cleaned text (default: shipped model + gazetteer, see
            :func:`default_recognizer`).
        resolver: an :class:`arabnews.names.NameResolver` to cluster names with; by default
            a fresh one for this text.
        min_score: drop the entities the model tagged with a ``score`` (its probability of
            the entity's tags, ``docs/ner.rst``) below this (0..1); entities without a score
            (the gazetteer's) are kept. ``None`` (default) keeps every entity.

    Returns:
        Entities in text order; ``text[e.start:e.end] == e.text`` for each.

    Raises:
        TypeError: *text* is not a ``str``, or *min_score* is not a number.
        ValueError: *min_score* is outside 0..1.
        arabnews.ModelNotAvailableError: the model (or stanza) is not installed.
    """
    require_str(text, "text")
    min_score = check_threshold(min_score, "min_score")
    if not text.strip():
        return ()
    from arabnews.clean import clean
    from arabnews.sentences import split_sentences
    from arabnews.tokens import tokenize

    cleaned = clean(text)
    if not cleaned.text.strip():
        return ()
    spans = tuple(Span(s.start, s.end) for s in split_sentences(cleaned.text) if s.end > s.start)
    rec = recognizer if recognizer is not None else default_recognizer()
    # tokenised once for every recognizer inside (the model and the gazetteer alike)
    tokens = tokenize(cleaned.text) if takes_tokens(rec) else None
    found = call_recognizer(rec, cleaned.text, spans, tokens)
    gazetteer = _gazetteer_for(rec)
    found = keep_scored(refine_entities(found, gazetteer=gazetteer, text=cleaned.text), min_score)
    removed = _union([(r.start, r.end) for r in cleaned.removed if r.end > r.start])
    removed_starts = [r[0] for r in removed]
    mapped = []
    for ent in found:
        span = cleaned.span_to_original(Span(ent.start, ent.end))
        start, end = _strip_space(text, span.start, span.end)
        if end <= start or _touches(removed, removed_starts, start, end):
            continue
        mapped.append(attrs.evolve(ent, start=start, end=end, text=text[start:end]))
    return resolve_entities(mapped, gazetteer=gazetteer, resolver=resolver)


def _union(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint union of ranges."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _touches(removed: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps one of the sorted, disjoint *removed* ranges."""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and removed[i][1] > start:
        return True
    return i + 1 < len(removed) and removed[i + 1][0] < end


def _gazetteer_for(recognizer: Recognizer) -> Any | None:
    """The gazetteer recognizer inside *recognizer*, else the default one if it loads."""
    from arabnews.ner.gazetteer import GazetteerRecognizer

    if isinstance(recognizer, GazetteerRecognizer):
        return recognizer
    for inner in getattr(recognizer, "recognizers", ()):
        if isinstance(inner, GazetteerRecognizer):
            return inner
    try:
        return _default_gazetteer()
    except ImportError:  # names package without a gazetteer: no gazetteer evidence
        return None


def _strip_space(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
